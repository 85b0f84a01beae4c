import type { DataSpec, LayerSpec, Monitor, OptimizerSpec, TrainSpec } from './spec.js';

/**
 * A scenario's config in hplint's native format (schema/hplint.schema.json): what a user would write and
 * what the rule lints. `trainSpecOf` reads the part the bench trains; the scenario adds what a config
 * cannot say (which data, a pretraining phase, a time budget).
 */

export interface NativeLayer {
  readonly type: string;
  readonly units?: number;
  readonly activation?: string;
  readonly rate?: number;
  readonly dropout?: number;
  readonly recurrentDropout?: number;
  readonly kernelRegularizer?: { readonly l2?: number };
}

export interface SearchDimension {
  readonly parameter: string;
  readonly values?: readonly number[];
  readonly min?: number;
  readonly max?: number;
  readonly scale?: 'linear' | 'log';
}

export interface NativeConfig {
  readonly pretrained?: boolean;
  readonly data: { readonly trainSize: number; readonly validationSplit?: number; readonly numClasses: number };
  readonly model?: { readonly layers: readonly NativeLayer[] };
  readonly optimizer: { readonly name: string; readonly learningRate: number; readonly momentum?: number };
  readonly schedule?: { readonly type: string; readonly monitor?: string; readonly factor?: number; readonly patience?: number; readonly minLearningRate?: number };
  readonly training: { readonly batchSize: number; readonly epochs: number; readonly earlyStopping?: { readonly monitor?: string; readonly patience: number } };
  readonly losses?: readonly { readonly name: string; readonly weight: number; readonly output: string }[];
  readonly search?: { readonly strategy: string; readonly trials?: number; readonly space: readonly SearchDimension[] };
}

/** What the scenario adds to a config: the data and any condition the comparison holds (time, pretraining). */
export type Setting = Partial<Omit<TrainSpec, 'layers' | 'optimizer' | 'batchSize' | 'epochs' | 'plateau' | 'earlyStopping' | 'lossWeights'>> & { readonly data: DataSpec };

export function trainSpecOf(config: NativeConfig, setting: Setting): TrainSpec {
  const earlyStopping = config.training.earlyStopping;
  const schedule = config.schedule?.type === 'reduceOnPlateau' ? config.schedule : undefined;
  return {
    ...setting,
    layers: hiddenLayers(config),
    optimizer: optimizerOf(config),
    batchSize: config.training.batchSize,
    epochs: config.training.epochs,
    ...(earlyStopping ? { earlyStopping: { monitor: monitorOf(earlyStopping.monitor), patience: earlyStopping.patience } } : {}),
    ...(schedule
      ? {
          plateau: {
            monitor: monitorOf(schedule.monitor),
            patience: schedule.patience ?? 10,
            factor: schedule.factor ?? 0.5,
            minLearningRate: schedule.minLearningRate ?? 0,
          },
        }
      : {}),
    ...(config.losses ? { lossWeights: lossWeightsOf(config.losses) } : {}),
  };
}

export function optimizerOf(config: NativeConfig): OptimizerSpec {
  const { name, learningRate, momentum } = config.optimizer;
  if (name === 'sgd' && momentum) return { name: 'momentum', learningRate, momentum };
  if (name === 'sgd' || name === 'adam') return { name, learningRate };
  throw new Error(`the bench trains sgd and adam configs, not "${name}"`);
}

/** The config's layers without the softmax output layer, which the bench adds itself. */
function hiddenLayers(config: NativeConfig): LayerSpec[] {
  const layers = config.model?.layers ?? [];
  return layers.filter((layer, i) => !(i === layers.length - 1 && layer.activation === 'softmax')).map(layerOf);
}

function layerOf(layer: NativeLayer): LayerSpec {
  switch (layer.type) {
    case 'dense':
      return { type: 'dense', units: layer.units ?? 0, ...(layer.kernelRegularizer?.l2 ? { l2: layer.kernelRegularizer.l2 } : {}) };
    case 'dropout':
      return { type: 'dropout', rate: layer.rate ?? 0 };
    case 'batchNormalization':
      return { type: 'batchNormalization' };
    case 'lstm':
      return { type: 'lstm', units: layer.units ?? 0, dropout: layer.dropout ?? 0, recurrentDropout: layer.recurrentDropout ?? 0 };
    default:
      throw new Error(`the bench cannot train a "${layer.type}" layer`);
  }
}

function monitorOf(monitor: string | undefined): Monitor {
  if (monitor === undefined || monitor === 'val_loss') return 'val_loss';
  if (monitor === 'val_accuracy' || monitor === 'val_acc') return 'val_accuracy';
  throw new Error(`the bench watches val_loss or val_accuracy, not "${monitor}"`);
}

function lossWeightsOf(losses: NonNullable<NativeConfig['losses']>): { digit: number; parity: number } {
  const weight = (output: string) => losses.find((l) => l.output === output)?.weight ?? 1;
  return { digit: weight('digit'), parity: weight('parity') };
}
