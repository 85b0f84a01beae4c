import type { AnyRule } from '../engine/rule.js';
import adamParameters from './adam-parameters.js';
import batchSizeExtremes from './batch-size-extremes.js';
import batchnormSmallBatch from './batchnorm-small-batch.js';
import dataScale from './data-scale.js';
import differentialLearningRates from './differential-learning-rates.js';
import dropoutBeforeBatchnorm from './dropout-before-batchnorm.js';
import dropoutRange from './dropout-range.js';
import finetuneFreezing from './finetune-freezing.js';
import earlyStoppingMissing from './early-stopping-missing.js';
import earlyStoppingPatience from './early-stopping-patience.js';
import focalLossParameters from './focal-loss-parameters.js';
import invalidValue from './invalid-value.js';
import kernelSize from './kernel-size.js';
import learningRateRange from './learning-rate-range.js';
import lossMagnitudeGap from './loss-magnitude-gap.js';
import lossOutputMismatch from './loss-output-mismatch.js';
import missingValidation from './missing-validation.js';
import momentumRange from './momentum-range.js';
import recurrentDropout from './recurrent-dropout.js';
import plateauPolicy from './plateau-policy.js';
import scheduleValidity from './schedule-validity.js';
import searchGridSize from './search-grid-size.js';
import searchImportanceOrder from './search-importance-order.js';
import searchLogScale from './search-log-scale.js';
import unknownKey from './unknown-key.js';
import unsafeYamlTag from './unsafe-yaml-tag.js';
import warmupLength from './warmup-length.js';
import weightDecayRange from './weight-decay-range.js';
import yamlFloatAsString from './yaml-float-as-string.js';

/** Every rule, in catalogue order (tier 1, 2, 3, then process rules). */
export const RULES: readonly AnyRule[] = [
  learningRateRange,
  scheduleValidity,
  plateauPolicy,
  warmupLength,
  lossMagnitudeGap,
  focalLossParameters,
  lossOutputMismatch,
  differentialLearningRates,
  batchSizeExtremes,
  batchnormSmallBatch,
  momentumRange,
  adamParameters,
  weightDecayRange,
  dropoutRange,
  dropoutBeforeBatchnorm,
  recurrentDropout,
  kernelSize,
  dataScale,
  invalidValue,
  earlyStoppingMissing,
  earlyStoppingPatience,
  missingValidation,
  searchGridSize,
  searchLogScale,
  searchImportanceOrder,
  finetuneFreezing,
  yamlFloatAsString,
  unknownKey,
  unsafeYamlTag,
];

export function findRule(id: string): AnyRule | undefined {
  return RULES.find((rule) => rule.id === id);
}
