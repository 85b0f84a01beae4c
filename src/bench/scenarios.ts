import { PLATEAU } from '../knowledge/guide.js';
import type { RuleId } from '../rules/index.js';
import type { Budget } from './budget.js';
import { trainSpecOf } from './config.js';
import type { NativeConfig, NativeLayer, SearchDimension, Setting } from './config.js';
import { mulberry32 } from './random.js';
import type { ArmRun, DataSpec, RunOutcome, TrainSpec } from './spec.js';

/**
 * The scenarios. Each writes the config a rule reports (the baseline) in hplint's native format; the
 * advised config is what the rule itself suggests for it (advice.ts), so a scenario never states the
 * advice. Each fixes in advance the one metric that decides and the smallest effect that matters, and
 * says why the comparison is fair (`design`, also in docs/bench.md).
 */

export type MetricName = 'testAccuracy' | 'oldTaskAccuracy' | 'epochsTrained' | 'selectedTrialAccuracy';

export interface Scenario {
  readonly id: string;
  /** The rule whose advice this scenario tests. */
  readonly ruleId: RuleId;
  readonly guide: string;
  readonly title: string;
  /** What the pair shows, in one sentence. */
  readonly shows: string;
  /** Why the comparison is fair: what is held equal, what is measured, on what data. */
  readonly design: string;
  readonly data: 'mnist' | 'synthetic';
  readonly metric: MetricName;
  readonly higherIsBetter: boolean;
  /** Declared in advance, in metric units: an effect smaller than this is not worth a config change. */
  readonly minimalEffect: number;
  /** `validation`: the scenario stops, changes the rate or chooses on a metric, and that metric is the validation split's. */
  readonly selection: 'validation' | 'none';
  /** The x-axis of the learning curves. */
  readonly curveAxis: 'epoch' | 'seconds' | 'trial';
  /** The baseline config: what the rule reports. A function of the seed only where the config is drawn (a search grid). */
  readonly config: (budget: Budget, seed: number) => NativeConfig;
  /** How a config trains in this scenario. */
  readonly run: (config: NativeConfig, budget: Budget, seed: number) => ArmRun;
  /** The setting as a person would write it, e.g. `adam lr=0.03`. */
  readonly describe: (config: NativeConfig) => string;
  /** A condition the comparison holds equal beyond the rule's change (momentum: the effective rate). */
  readonly hold?: { readonly description: string; readonly apply: (baseline: NativeConfig, advised: NativeConfig) => NativeConfig };
}

export const METRICS: Record<MetricName, { readonly label: string; readonly pick: (outcome: RunOutcome) => number; readonly percent: boolean }> = {
  testAccuracy: { label: 'test accuracy', pick: (o) => o.accuracy, percent: true },
  oldTaskAccuracy: { label: 'test accuracy on the pretrained task', pick: (o) => o.measures.oldTaskAccuracy ?? Number.NaN, percent: true },
  epochsTrained: { label: 'epochs trained', pick: (o) => o.epochs, percent: false },
  selectedTrialAccuracy: { label: 'test accuracy of the trial chosen on validation', pick: (o) => o.accuracy, percent: true },
};

/** Half a point of accuracy: smaller differences are not worth a config change. */
const HALF_POINT = 0.005;

/** Most scenarios: MNIST, final test accuracy against half a point, no selection, curves per epoch. */
const ACCURACY_ON_MNIST = { data: 'mnist', metric: 'testAccuracy', higherIsBetter: true, minimalEffect: HALF_POINT, selection: 'none', curveAxis: 'epoch' } as const;

const output = (units = 10): NativeLayer => ({ type: 'dense', units, activation: 'softmax' });
const dense = (budget: Budget, l2?: number): NativeLayer => ({ type: 'dense', units: budget.hidden, activation: 'relu', ...(l2 ? { kernelRegularizer: { l2 } } : {}) });

/** The standard config: an MLP on MNIST, Adam 1e-3, batch 32. */
function mnistConfig(budget: Budget, overrides: Partial<NativeConfig> = {}): NativeConfig {
  return {
    data: { trainSize: budget.trainSize, numClasses: 10 },
    model: { layers: [dense(budget), output()] },
    optimizer: { name: 'adam', learningRate: 1e-3 },
    training: { batchSize: 32, epochs: budget.epochs },
    ...overrides,
  };
}

const mnistData = (budget: Budget, overrides: Partial<Extract<DataSpec, { kind: 'mnist' }>> = {}): DataSpec => ({ kind: 'mnist', trainSize: budget.trainSize, testSize: budget.testSize, ...overrides });

const train = (config: NativeConfig, setting: Setting): ArmRun => ({ kind: 'train', spec: trainSpecOf(config, setting) });
const onMnist = (config: NativeConfig, budget: Budget) => train(config, { data: mnistData(budget, { trainSize: config.data.trainSize }) });

const equalTime = (config: NativeConfig, budget: Budget): ArmRun =>
  train({ ...config, training: { ...config.training, epochs: 1000 } }, {
    data: mnistData(budget),
    timeBudgetSeconds: budget.equalTimeSeconds,
    evaluateEverySeconds: budget.equalTimeSeconds / 8,
  });

const withValidation = (config: NativeConfig, budget: Budget): Setting => ({
  data: mnistData(budget, { trainSize: config.data.trainSize, validationSize: Math.round(config.data.trainSize * (config.data.validationSplit ?? 0)) }),
});

const rate = (c: NativeConfig) => `${c.optimizer.name}${c.optimizer.momentum ? ` momentum ${c.optimizer.momentum}` : ''} lr=${c.optimizer.learningRate}`;
const layerNames = (c: NativeConfig) => (c.model?.layers ?? []).slice(0, -1).map((l) => (l.type === 'batchNormalization' ? 'BN' : l.type === 'dropout' ? `dropout ${l.rate}` : l.type)).join(' → ');

/** GUIDE §7 boundary: a rate a few times outside the optimizer's row against the rule's in-range value. */
function boundaryConfig(budget: Budget, optimizer: NativeConfig['optimizer']): NativeConfig {
  return mnistConfig(budget, { data: { trainSize: budget.trainSize, numClasses: 10 }, optimizer });
}

/** GUIDE §4.5: pretrained on digits 0–4 (many examples), fine-tuned on a small set of all ten digits. */
const FINE_TUNE_OLD = [0, 1, 2, 3, 4];
const FINE_TUNE_NEW = [5, 6, 7, 8, 9];

function fineTuneConfig(budget: Budget): NativeConfig {
  return {
    pretrained: true,
    data: { trainSize: budget.fineTune.trainSize, numClasses: 10 },
    model: { layers: [dense(budget), dense(budget), output()] },
    optimizer: { name: 'adam', learningRate: 1e-2 },
    training: { batchSize: 32, epochs: budget.fineTune.epochs },
  };
}

const fineTuneRun = (config: NativeConfig, budget: Budget): ArmRun =>
  train(config, {
    data: mnistData(budget, { trainSize: config.data.trainSize }),
    taskGroups: { old: FINE_TUNE_OLD, new: FINE_TUNE_NEW },
    pretrain: {
      data: { kind: 'mnist', trainSize: budget.fineTune.pretrainSize, testSize: 0, digits: FINE_TUNE_OLD },
      epochs: budget.fineTune.pretrainEpochs,
      optimizer: { name: 'adam', learningRate: 1e-3 },
      batchSize: 32,
    },
  });

function batchNormConfig(budget: Budget, batchSize: number): NativeConfig {
  return mnistConfig(budget, {
    model: { layers: [dense(budget), { type: 'batchNormalization' }, dense(budget), { type: 'batchNormalization' }, output()] },
    training: { batchSize, epochs: budget.batchNorm.epochs },
    data: { trainSize: budget.batchNorm.trainSize, numClasses: 10 },
  });
}

/** Three blocks dense → dropout → batch-norm: the variance shift compounds through the depth. */
function dropoutBatchNormConfig(budget: Budget): NativeConfig {
  const block: NativeLayer[] = [dense(budget), { type: 'dropout', rate: 0.5 }, { type: 'batchNormalization' }];
  return mnistConfig(budget, { model: { layers: [...block, ...block, ...block, output()] } });
}

function longConfig(budget: Budget, overrides: Partial<NativeConfig['training']> = {}): NativeConfig {
  return mnistConfig(budget, {
    data: { trainSize: budget.long.trainSize, validationSplit: budget.long.validationSplit, numClasses: 10 },
    optimizer: { name: 'sgd', learningRate: 0.1 },
    training: { batchSize: budget.long.batchSize, epochs: budget.long.epochs, ...overrides },
  });
}

const longRun = (config: NativeConfig, budget: Budget) => train(config, withValidation(config, budget));

/**
 * A memory task whose cue survives input dropout: the class is written on the first step in several
 * redundant channels (as real inputs carry redundant features), noise follows, and the LSTM must carry
 * the class to the last step.
 */
const SEQUENCE_TASK = { steps: 10, symbols: 12, classes: 4, copies: 3, noise: 0.3 } as const;

const sequenceRun = (config: NativeConfig, budget: Budget): ArmRun =>
  train(config, { data: { kind: 'sequence', task: SEQUENCE_TASK, trainSize: config.data.trainSize, testSize: budget.sequence.testSize } });

const searchSplit = (budget: Budget): DataSpec => mnistData(budget, { trainSize: budget.search.trainSize, validationSize: budget.search.validationSize });

/** A grid's combinations in order, the last dimension varying fastest. */
const gridPoints = (search: NonNullable<NativeConfig['search']>): Record<string, number>[] =>
  search.space.reduce<Record<string, number>[]>((points, d) => points.flatMap((p) => (d.values ?? []).map((v) => ({ ...p, [d.parameter]: v }))), [{}]);

/** Draws a search's trials from its config: a grid's combinations, random or quasi-random points over ranges. */
function searchTrials(config: NativeConfig, seed: number): Record<string, number>[] {
  const search = config.search;
  if (!search) throw new Error('a search scenario needs a search block');
  if (search.strategy === 'grid') {
    // A budget smaller than the grid stops part-way (as W&B's run cap or Keras Tuner's max_trials do).
    const grid = gridPoints(search);
    return grid.slice(0, search.trials ?? grid.length);
  }
  const trials = search.trials ?? 1;
  const random = mulberry32(seed * 7919 + 17);
  // Quasi-random: a Halton sequence with a random shift (Cranley–Patterson), one prime base per dimension.
  const shifts = search.space.map(() => random());
  return Array.from({ length: trials }, (_, i) =>
    Object.fromEntries(search.space.map((d, k) => [d.parameter, scaled(d, search.strategy === 'quasiRandom' ? (halton(i + 1, PRIMES[k] ?? 2) + (shifts[k] ?? 0)) % 1 : random())])),
  );
}

const PRIMES = [2, 3, 5, 7, 11];

function halton(index: number, base: number): number {
  let result = 0;
  let fraction = 1 / base;
  for (let i = index; i > 0; i = Math.floor(i / base)) {
    result += fraction * (i % base);
    fraction /= base;
  }
  return result;
}

/** The point at fraction `u` of a dimension's range, on its scale. */
function scaled(d: SearchDimension, u: number): number {
  const [low, high] = [d.min ?? 0, d.max ?? 1];
  return d.scale === 'log' ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))) : low + u * (high - low);
}

/** One trial: the MLP with dropout and the search config's optimizer, each dimension of the point written into the config it changes. */
function trialSpec(search: NativeConfig, budget: Budget, point: Record<string, number>): TrainSpec {
  const l2 = point['regularization.l2'];
  const config = mnistConfig(budget, {
    model: { layers: [dense(budget, l2), { type: 'dropout', rate: point['model.layers.1.rate'] ?? 0.3 }, dense(budget, l2), output()] },
    optimizer: { ...search.optimizer, learningRate: point['optimizer.learningRate'] ?? search.optimizer.learningRate },
    training: { batchSize: 32, epochs: budget.search.epochs },
  });
  return trainSpecOf(config, { data: searchSplit(budget) });
}

const searchRun = (config: NativeConfig, budget: Budget, seed: number): ArmRun => ({ kind: 'search', trials: searchTrials(config, seed).map((p) => trialSpec(config, budget, p)) });

/** Search ranges as people write them: Adam's rate over four decades, L2 over five (four for the grid). */
const SEARCH_RANGES = {
  adamLearningRate: { parameter: 'optimizer.learningRate', min: 1e-5, max: 1e-1 },
  dropout: { parameter: 'model.layers.1.rate', min: 0, max: 0.6 },
  l2: { parameter: 'regularization.l2', min: 1e-6, max: 1e-1 },
  gridL2: { parameter: 'regularization.l2', min: 1e-6, max: 1e-2 },
} as const;

/** Values per dimension of the scenario's grid: 4 × 4 × 4 = 64 combinations for a budget of 8 trials. */
const GRID_VALUES = 4;

/**
 * A 4 × 4 × 4 grid at a seed-drawn offset, listed in ascending order as people write them: each dimension's
 * values sit at the same relative place in the four quarters of its (log) range, so the grid neither
 * contains nor avoids the optimum by construction. Its budget of 8 trials stops part-way through it.
 */
function shiftedGrid(budget: Budget, seed: number): NativeConfig {
  const random = mulberry32(seed * 104_729 + 3);
  const dimension = (range: { parameter: string; min: number; max: number }, scale: 'linear' | 'log'): SearchDimension => {
    const u = random();
    const values = Array.from({ length: GRID_VALUES }, (_, i) => Number(scaled({ ...range, scale }, (i + u) / GRID_VALUES).toPrecision(3)));
    return { ...range, scale, values };
  };
  return mnistConfig(budget, {
    search: {
      strategy: 'grid',
      trials: budget.search.trials,
      space: [dimension(SEARCH_RANGES.adamLearningRate, 'log'), dimension(SEARCH_RANGES.dropout, 'linear'), dimension(SEARCH_RANGES.gridL2, 'log')],
    },
  });
}

/** `grid search, 64 combinations, 8 trials` (the combinations only when the budget stops short of them), scales of ranges. */
function searchLabel(c: NativeConfig): string {
  const trials = searchTrials(c, 1).length;
  const combinations = c.search?.strategy === 'grid' ? gridPoints(c.search).length : trials;
  const scales = c.search?.space.map((d) => (d.scale && !d.values ? `, ${d.parameter.split('.').at(-1)} ${d.scale}` : '')).join('') ?? '';
  return `${c.search?.strategy} search, ${combinations > trials ? `${combinations} combinations, ` : ''}${trials} trials${scales}`;
}

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'learning-rate-range',
    ruleId: 'learning-rate-range',
    guide: '§7',
    title: 'Adam above the §7 range: 5× its top vs the rule’s value',
    shows: 'Adam at five times the top of its §7 row (half a decade out) trains worse than at the rate the rule moves it to.',
    design: 'Near the boundary, not an absurd rate: half a decade above 1e-2, against what the rule suggests. Same MLP, data subset, initialisation and shuffling per seed; equal epochs.',
    ...ACCURACY_ON_MNIST,
    config: (b) => boundaryConfig(b, { name: 'adam', learningRate: 0.05 }),
    run: (c, b) => onMnist(c, b),
    describe: rate,
  },
  {
    id: 'learning-rate-range-sgd',
    ruleId: 'learning-rate-range',
    guide: '§7',
    title: 'Plain SGD just below the §7 range: a third of its bottom vs the rule’s value',
    shows: 'SGD at a third of the bottom of its §7 row learns too slowly in the same number of epochs.',
    design: 'The other boundary and another optimizer: SGD at 1e-2 / 3 against the rule’s suggestion, equal epochs, paired seeds.',
    ...ACCURACY_ON_MNIST,
    config: (b) => boundaryConfig(b, { name: 'sgd', learningRate: 0.0033 }),
    run: (c, b) => onMnist(c, b),
    describe: rate,
  },
  {
    id: 'learning-rate-range-finetune',
    ruleId: 'learning-rate-range',
    guide: '§4.5',
    title: 'Fine-tuning at a from-scratch rate vs the §4.5 rate: what the pretrained task keeps',
    shows: 'Fine-tuning a pretrained network on a small set at a from-scratch rate erodes what pretraining gave it.',
    design:
      'A network pretrained on many digits 0–4 is fine-tuned on a small set of all ten digits for enough steps to learn 5–9. What a lower fine-tuning rate protects is the pretrained task, so its test accuracy (digits 0–4) decides; the new task (5–9) and all ten digits are reported beside it, so a rate that kept the old task by not learning the new one would show.',
    ...ACCURACY_ON_MNIST,
    metric: 'oldTaskAccuracy',
    config: (b) => fineTuneConfig(b),
    run: (c, b) => fineTuneRun(c, b),
    describe: (c) => `pretrained, ${rate(c)}`,
  },
  {
    id: 'batchnorm-small-batch',
    ruleId: 'batchnorm-small-batch',
    guide: '§3',
    title: 'Batch-norm with batch 2 vs the rule’s batch, equal epochs (the statistics effect)',
    shows: 'Batch statistics from two samples are noise: at equal epochs (the same examples seen) batch-norm generalises worse.',
    design: 'Equal epochs, so both arms see the same examples the same number of times and the small batch is not penalised for its speed; only the batch statistics (and the step count) differ.',
    ...ACCURACY_ON_MNIST,
    config: (b) => batchNormConfig(b, 2),
    run: (c, b) => onMnist(c, b),
    describe: (c) => `batch-norm, batch ${c.training.batchSize}`,
  },
  {
    id: 'batchnorm-small-batch-time',
    ruleId: 'batchnorm-small-batch',
    guide: '§3',
    title: 'Batch-norm with batch 2 vs the rule’s batch, equal wall-clock time (the speed effect)',
    shows: 'Within the same training time, tiny batches also forgo vectorised arithmetic.',
    design: 'The same pair at equal training seconds (evaluation off the clock): the practical effect, statistics plus throughput.',
    ...ACCURACY_ON_MNIST,
    curveAxis: 'seconds',
    config: (b) => batchNormConfig(b, 2),
    run: (c, b) => equalTime(c, b),
    describe: (c) => `batch-norm, batch ${c.training.batchSize}`,
  },
  {
    id: 'batch-size-extremes',
    ruleId: 'batch-size-extremes',
    guide: '§3',
    title: 'Batch 1 vs the rule’s batch and rate, equal wall-clock time',
    shows: 'Batch 1 follows one example per step and forgoes vectorised arithmetic.',
    design: 'Equal training seconds, as §3 compares batch sizes; the advised arm takes the batch and the rescaled rate the rule suggests together.',
    ...ACCURACY_ON_MNIST,
    curveAxis: 'seconds',
    config: (b) => mnistConfig(b, { training: { batchSize: 1, epochs: b.epochs } }),
    run: (c, b) => equalTime(c, b),
    describe: (c) => `batch ${c.training.batchSize}, lr=${c.optimizer.learningRate}`,
  },
  {
    id: 'dropout-before-batchnorm',
    ruleId: 'dropout-before-batchnorm',
    guide: '§6 Tier 3',
    title: 'Three blocks dense → dropout 0.5 → batch-norm vs the rule’s order',
    shows: 'Dropout before batch-norm shifts the variance its statistics see between training and inference.',
    design:
      'A deeper network (three blocks) so the shift compounds, and the shift measured directly: |log(test-time variance / running variance)| of each batch-norm input, reported beside the accuracy.',
    ...ACCURACY_ON_MNIST,
    config: (b) => dropoutBatchNormConfig(b),
    run: (c, b) => train(c, { data: mnistData(b), measureVarianceShift: true }),
    describe: layerNames,
  },
  {
    id: 'dropout-range',
    ruleId: 'dropout-range',
    guide: '§7',
    title: 'Dropout 0.8 vs the rule’s rate',
    shows: 'Dropping four units in five starves the next layer of signal.',
    design: 'Same two-layer MLP, epochs and seeds; only the dropout rate between the layers differs.',
    ...ACCURACY_ON_MNIST,
    config: (b) => mnistConfig(b, { model: { layers: [dense(b), { type: 'dropout', rate: 0.8 }, dense(b), output()] } }),
    run: (c, b) => onMnist(c, b),
    describe: layerNames,
  },
  {
    id: 'weight-decay-range',
    ruleId: 'weight-decay-range',
    guide: '§7',
    title: 'Coupled L2 1e-2 vs the rule’s value',
    shows: 'A coupled weight decay far above [0, 1e-4] pulls the weights toward zero faster than the data pushes.',
    design:
      'The same L2 coefficient on both hidden layers, changed only to what the rule suggests; three times the standard run’s epochs, because a decay’s hold on the weights grows with the steps taken.',
    ...ACCURACY_ON_MNIST,
    config: (b) => mnistConfig(b, { model: { layers: [dense(b, 1e-2), dense(b, 1e-2), output()] }, training: { batchSize: 32, epochs: b.weightDecay.epochs } }),
    run: (c, b) => onMnist(c, b),
    describe: (c) => `l2 ${c.model?.layers[0]?.kernelRegularizer?.l2}`,
  },
  {
    id: 'momentum-range-low',
    ruleId: 'momentum-range',
    guide: '§6 Tier 2',
    title: 'SGD momentum 0.5 vs the rule’s momentum at the same effective rate lr / (1 − β)',
    shows: 'Whether more momentum helps by itself, not only by raising the effective step.',
    design:
      'Raising β from 0.5 to 0.9 also multiplies the effective rate lr / (1 − β) by 5; the advised arm divides its rate to keep lr / (1 − β) equal, so only the averaging over past gradients differs.',
    ...ACCURACY_ON_MNIST,
    config: (b) => mnistConfig(b, { optimizer: { name: 'sgd', momentum: 0.5, learningRate: 0.01 } }),
    run: (c, b) => onMnist(c, b),
    describe: rate,
    hold: {
      description: 'effective rate lr / (1 − β)',
      apply: (baseline, advised) => {
        const effective = baseline.optimizer.learningRate / (1 - (baseline.optimizer.momentum ?? 0));
        const learningRate = Number((effective * (1 - (advised.optimizer.momentum ?? 0))).toPrecision(6));
        return { ...advised, optimizer: { ...advised.optimizer, learningRate } };
      },
    },
  },
  {
    id: 'momentum-range-high',
    ruleId: 'momentum-range',
    guide: '§6 Tier 2',
    title: 'SGD momentum 0.999 vs the rule’s momentum',
    shows: 'Momentum near 1 remembers a thousand stale gradients and overshoots.',
    design: 'Same rate (inside §7’s momentum row), epochs and seeds; only β changes.',
    ...ACCURACY_ON_MNIST,
    config: (b) => mnistConfig(b, { optimizer: { name: 'sgd', momentum: 0.999, learningRate: 0.01 } }),
    run: (c, b) => onMnist(c, b),
    describe: rate,
  },
  {
    id: 'loss-magnitude-gap',
    ruleId: 'loss-magnitude-gap',
    guide: '§6 Tier 1',
    title: 'Two heads (digit, parity) weighted 1:1000 vs the rule’s weights',
    shows: 'An auxiliary loss weighted a thousand times higher takes over the shared layers.',
    design: 'One shared MLP with a digit head and a parity head; only the parity loss weight changes. The digit head’s test accuracy decides.',
    ...ACCURACY_ON_MNIST,
    config: (b) =>
      mnistConfig(b, {
        losses: [
          { name: 'categoricalCrossentropy', weight: 1, output: 'digit' },
          { name: 'categoricalCrossentropy', weight: 1000, output: 'parity' },
        ],
      }),
    run: (c, b) => onMnist(c, b),
    describe: (c) => (c.losses ?? []).map((l) => `${l.output} ×${l.weight}`).join(', '),
  },
  {
    id: 'early-stopping-missing',
    ruleId: 'early-stopping-missing',
    guide: '§2.4.1',
    title: 'Fixed epochs vs the rule’s early stopping (validation loss)',
    shows: 'Stopping after n epochs without a better validation loss saves most of the epochs; the report shows the test accuracy of both.',
    design: 'A validation split drawn from the training pool watches the stopping; the fixed test set only scores. Long enough (well past convergence) for the patience to act.',
    data: 'mnist',
    metric: 'epochsTrained',
    higherIsBetter: false,
    minimalEffect: 5,
    selection: 'validation',
    curveAxis: 'epoch',
    config: (b) => longConfig(b),
    run: longRun,
    describe: (c) => (c.training.earlyStopping ? `early stopping on ${c.training.earlyStopping.monitor}, patience ${c.training.earlyStopping.patience}` : `${c.training.epochs} fixed epochs`),
  },
  {
    id: 'plateau-policy',
    ruleId: 'plateau-policy',
    guide: '§5.3',
    title: 'Constant rate vs the §5.3 policy the rule writes (validation loss)',
    shows: 'Halving the rate after n epochs without a new best lets SGD settle where a constant rate keeps bouncing.',
    design: `A small batch (noisy steps) and enough epochs for several halvings (patience ${PLATEAU.patience}); the validation split drives the policy, the test set scores the final network.`,
    data: 'mnist',
    metric: 'testAccuracy',
    higherIsBetter: true,
    minimalEffect: HALF_POINT,
    selection: 'validation',
    curveAxis: 'epoch',
    config: (b) => longConfig(b),
    run: longRun,
    describe: (c) => (c.schedule ? `${rate(c)}, ${c.schedule.type} ×${c.schedule.factor} after ${c.schedule.patience} (${c.schedule.monitor})` : `${rate(c)}, constant`),
  },
  {
    id: 'recurrent-dropout',
    ruleId: 'recurrent-dropout',
    guide: '§6 Tier 3',
    title: 'LSTM recurrentDropout 0.4 vs the rule’s input dropout (synthetic memory task)',
    shows: 'Noise on the recurrent connection disturbs the state the cell must carry; on redundant inputs it does not.',
    design:
      'A memory task whose cue is written in three redundant input channels, so input dropout cannot erase it (a cue in one channel would be erased in 40% of the examples); both arms drop at the same rate.',
    data: 'synthetic',
    metric: 'testAccuracy',
    higherIsBetter: true,
    minimalEffect: HALF_POINT,
    selection: 'none',
    curveAxis: 'epoch',
    config: (b) => ({
      data: { trainSize: b.sequence.trainSize, numClasses: SEQUENCE_TASK.classes },
      model: { layers: [{ type: 'lstm', units: 16, recurrentDropout: 0.4 }, output(SEQUENCE_TASK.classes)] },
      optimizer: { name: 'adam', learningRate: 1e-2 },
      training: { batchSize: 32, epochs: b.sequence.epochs },
    }),
    run: sequenceRun,
    describe: (c) => {
      const lstm = c.model?.layers[0];
      return `lstm dropout ${lstm?.dropout ?? 0}, recurrentDropout ${lstm?.recurrentDropout ?? 0}`;
    },
  },
  {
    id: 'search-log-scale',
    ruleId: 'search-log-scale',
    guide: '§4.3',
    title: 'Random search of Adam’s rate on [1e-5, 0.1] and L2 on [1e-6, 0.1]: linear vs the rule’s scale',
    shows: 'A linear scale spends nearly every trial in the top decade of each range: rates near 0.1 and L2 near 0.1 at once.',
    design:
      'The search people write most (rate and weight decay together), with the same number of trials and the same ranges; each trial trains on the seed’s subset, the validation split chooses the trial, the test set scores the choice.',
    data: 'mnist',
    metric: 'selectedTrialAccuracy',
    higherIsBetter: true,
    minimalEffect: HALF_POINT,
    selection: 'validation',
    curveAxis: 'trial',
    config: (b) =>
      mnistConfig(b, { search: { strategy: 'random', trials: b.search.trials, space: [{ ...SEARCH_RANGES.adamLearningRate, scale: 'linear' }, { ...SEARCH_RANGES.l2, scale: 'linear' }] } }),
    run: searchRun,
    describe: searchLabel,
  },
  {
    id: 'search-grid-size',
    ruleId: 'search-grid-size',
    guide: '§4.2',
    title: '4×4×4 grid with a budget of 8 trials vs the rule’s strategy, same 8 trials',
    shows: 'A grid larger than its budget stops part-way through, in order: its 8 trials try one rate; quasi-random trials try eight.',
    design:
      'Both search the same ranges with the same budget of 8 trials. The grid (64 combinations, at a seed-drawn offset, so it neither contains nor avoids the optimum by construction) runs its combinations in order until the budget ends, as search tools do; the validation split chooses, the test set scores.',
    data: 'mnist',
    metric: 'selectedTrialAccuracy',
    higherIsBetter: true,
    minimalEffect: HALF_POINT,
    selection: 'validation',
    curveAxis: 'trial',
    config: shiftedGrid,
    run: searchRun,
    describe: searchLabel,
  },
];

export function scenarioById(id: string): Scenario | undefined {
  return SCENARIOS.find((scenario) => scenario.id === id);
}
