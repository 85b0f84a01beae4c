import type { FromSchema } from 'json-schema-to-ts';
import type { hplintSchema } from './schema.js';

/** One training run's hyperparameters in canonical form, derived from the JSON Schema. */
export type TrainingConfig = FromSchema<typeof hplintSchema>;
export type DataConfig = NonNullable<TrainingConfig['data']>;
export type ModelConfig = NonNullable<TrainingConfig['model']>;
export type Layer = NonNullable<ModelConfig['layers']>[number];
export type OptimizerConfig = NonNullable<TrainingConfig['optimizer']>;
export type ScheduleConfig = NonNullable<TrainingConfig['schedule']>;
export type TrainingLoop = NonNullable<TrainingConfig['training']>;
export type EarlyStoppingConfig = NonNullable<TrainingLoop['earlyStopping']>;
export type RegularizationConfig = NonNullable<TrainingConfig['regularization']>;
export type LossTerm = NonNullable<TrainingConfig['losses']>[number];
export type SearchConfig = NonNullable<TrainingConfig['search']>;
export type SearchDimension = NonNullable<SearchConfig['space']>[number];
