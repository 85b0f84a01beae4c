import { LEARNING_RATE_RANGES, MOMENTUM, PLATEAU } from '../knowledge/guide.js';
import type { RuleId } from '../rules/index.js';
import type { Budget } from './budget.js';
import { mulberry32 } from './random.js';
import type { ArmRun, LayerSpec, OptimizerSpec, RunOutcome, TrainSpec } from './spec.js';

/**
 * The scenarios: each pairs a config with the problem a rule reports (baseline) with the same config
 * after the rule's suggestion (advised), and fixes in advance the one metric that decides.
 */

export type MetricName = 'testAccuracy' | 'epochsTrained' | 'bestTrialAccuracy';

export interface Arm {
  /** The setting as a person would write it, e.g. `adam lr=0.5`. */
  readonly label: string;
  readonly run: (budget: Budget, seed: number) => ArmRun;
}

export interface Scenario {
  readonly id: string;
  /** The rule whose advice this scenario tests. */
  readonly ruleId: RuleId;
  readonly guide: string;
  readonly title: string;
  /** What the pair shows, in one sentence. */
  readonly shows: string;
  readonly data: 'mnist' | 'synthetic';
  readonly metric: MetricName;
  readonly higherIsBetter: boolean;
  /** The smallest benefit that matters, in metric units: an interval below it rules the advice out. */
  readonly minEffect: number;
  /** The x-axis of the learning curves. */
  readonly curveAxis: 'epoch' | 'seconds' | 'trial';
  readonly baseline: Arm;
  readonly advised: Arm;
}

export const METRICS: Record<MetricName, { readonly label: string; readonly pick: (outcome: RunOutcome) => number; readonly percent: boolean }> = {
  testAccuracy: { label: 'test accuracy', pick: (o) => o.accuracy, percent: true },
  epochsTrained: { label: 'epochs trained', pick: (o) => o.epochs, percent: false },
  bestTrialAccuracy: { label: 'best trial test accuracy', pick: (o) => o.bestAccuracy, percent: true },
};

/** Half a point of accuracy: smaller differences are not worth a config change. */
const HALF_POINT = 0.005;

const adam = (learningRate: number): OptimizerSpec => ({ name: 'adam', learningRate });
const momentum = (beta: number): OptimizerSpec => ({ name: 'momentum', learningRate: 0.01, momentum: beta });

/** The standard run: an MLP on MNIST, Adam 1e-3, batch 32. */
function mnistRun(budget: Budget, overrides: Partial<TrainSpec> = {}): ArmRun {
  const spec: TrainSpec = {
    data: { kind: 'mnist', trainSize: budget.trainSize, testSize: budget.testSize },
    layers: [{ type: 'dense', units: budget.hidden }],
    optimizer: adam(1e-3),
    batchSize: 32,
    epochs: budget.epochs,
    ...overrides,
  };
  return { kind: 'train', spec };
}

const twoHidden = (budget: Budget, middle: readonly LayerSpec[]): LayerSpec[] => [
  { type: 'dense', units: budget.hidden },
  ...middle,
  { type: 'dense', units: budget.hidden },
];

const equalTime = (budget: Budget, batchSize: number, layers?: readonly LayerSpec[]): ArmRun =>
  mnistRun(budget, {
    batchSize,
    epochs: 1000,
    timeBudgetSeconds: budget.equalTimeSeconds,
    evaluateEverySeconds: budget.equalTimeSeconds / 8,
    ...(layers ? { layers } : {}),
  });

const withBatchNorm = (budget: Budget): LayerSpec[] => [{ type: 'dense', units: budget.hidden }, { type: 'batchNormalization' }, { type: 'dense', units: budget.hidden }];

const longRun = (budget: Budget, overrides: Partial<TrainSpec>): ArmRun =>
  mnistRun(budget, { data: { kind: 'mnist', trainSize: budget.long.trainSize, testSize: budget.testSize }, optimizer: { name: 'sgd', learningRate: 0.1 }, epochs: budget.long.epochs, ...overrides });

const SEQUENCE_TASK = { steps: 10, symbols: 6, classes: 4 } as const;

const sequenceRun = (budget: Budget, lstm: LayerSpec): ArmRun => ({
  kind: 'train',
  spec: {
    data: { kind: 'sequence', task: SEQUENCE_TASK, trainSize: budget.sequence.trainSize, testSize: budget.sequence.testSize },
    layers: [lstm],
    optimizer: adam(1e-2),
    batchSize: 32,
    epochs: budget.sequence.epochs,
  },
});

/** Pretrain on digits 0–4, fine-tune on a few examples of 5–9 (GUIDE §4.5). */
const fineTuneRun = (budget: Budget, learningRate: number): ArmRun =>
  mnistRun(budget, {
    data: { kind: 'mnist', trainSize: budget.fineTune.trainSize, testSize: budget.testSize, digits: [5, 6, 7, 8, 9] },
    layers: twoHidden(budget, []),
    optimizer: adam(learningRate),
    epochs: budget.fineTune.epochs,
    pretrain: {
      data: { kind: 'mnist', trainSize: budget.fineTune.pretrainSize, testSize: 0, digits: [0, 1, 2, 3, 4] },
      epochs: budget.fineTune.pretrainEpochs,
      optimizer: adam(1e-3),
      batchSize: 32,
    },
  });

interface SearchPoint {
  readonly learningRate: number;
  readonly dropout: number;
  readonly l2: number;
}

function searchRun(budget: Budget, points: readonly SearchPoint[]): ArmRun {
  return {
    kind: 'search',
    trials: points.map((point) => ({
      data: { kind: 'mnist', trainSize: budget.search.trainSize, testSize: budget.testSize },
      layers: twoHidden(budget, [{ type: 'dropout', rate: point.dropout }]).map((layer) => (layer.type === 'dense' ? { ...layer, l2: point.l2 } : layer)),
      optimizer: adam(point.learningRate),
      batchSize: 32,
      epochs: budget.search.epochs,
    })),
  };
}

const logUniform = (random: () => number, low: number, high: number) => Math.exp(Math.log(low) + random() * (Math.log(high) - Math.log(low)));
const uniform = (random: () => number, low: number, high: number) => low + random() * (high - low);

/** The search space both search scenarios explore: Adam's rate, a dropout rate, an L2 coefficient. */
const SPACE = { learningRate: [1e-5, 1e-1], dropout: [0.2, 0.5], l2: [1e-6, 1e-3] } as const;

function randomPoints(budget: Budget, seed: number, learningRate: 'linear' | 'log'): SearchPoint[] {
  const random = mulberry32(seed * 7919);
  const [lrLow, lrHigh] = SPACE.learningRate;
  return Array.from({ length: budget.search.trials }, () => ({
    learningRate: learningRate === 'log' ? logUniform(random, lrLow, lrHigh) : uniform(random, lrLow, lrHigh),
    dropout: uniform(random, ...SPACE.dropout),
    l2: logUniform(random, ...SPACE.l2),
  }));
}

/** A 2 × 2 × 2 grid over the same space, the corners a person would pick on a log scale. */
function gridPoints(): SearchPoint[] {
  const points: SearchPoint[] = [];
  for (const learningRate of [1e-4, 1e-2]) for (const dropout of SPACE.dropout) for (const l2 of [1e-5, 1e-4]) points.push({ learningRate, dropout, l2 });
  return points;
}

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'learning-rate-range',
    ruleId: 'learning-rate-range',
    guide: '§7',
    title: 'Adam learning rate 0.5 vs 1e-3',
    shows: 'A rate far above the §7 range for Adam makes training diverge or stall.',
    data: 'mnist',
    metric: 'testAccuracy',
    higherIsBetter: true,
    minEffect: HALF_POINT,
    curveAxis: 'epoch',
    baseline: { label: 'adam lr=0.5', run: (b) => mnistRun(b, { optimizer: adam(0.5) }) },
    advised: { label: `adam lr=${LEARNING_RATE_RANGES.adam.low}`, run: (b) => mnistRun(b, { optimizer: adam(LEARNING_RATE_RANGES.adam.low) }) },
  },
  {
    id: 'learning-rate-range-finetune',
    ruleId: 'learning-rate-range',
    guide: '§4.5',
    title: 'Fine-tuning rate 1e-2 vs 1e-3 (pretrained on 0–4, tuned on 5–9)',
    shows: 'A pretrained network fine-tuned at a from-scratch rate loses what pretraining gave it.',
    data: 'mnist',
    metric: 'testAccuracy',
    higherIsBetter: true,
    minEffect: HALF_POINT,
    curveAxis: 'epoch',
    baseline: { label: 'pretrained, adam lr=0.01', run: (b) => fineTuneRun(b, LEARNING_RATE_RANGES.adam.high) },
    advised: { label: 'pretrained, adam lr=0.001', run: (b) => fineTuneRun(b, LEARNING_RATE_RANGES.adam.high / 10) },
  },
  {
    id: 'batchnorm-small-batch',
    ruleId: 'batchnorm-small-batch',
    guide: '§3',
    title: 'Batch-norm with batch 2 vs 32, equal wall-clock time',
    shows: 'Batch statistics from two samples are noise, and tiny batches waste the time budget.',
    data: 'mnist',
    metric: 'testAccuracy',
    higherIsBetter: true,
    minEffect: HALF_POINT,
    curveAxis: 'seconds',
    baseline: { label: 'batchNormalization, batch 2', run: (b) => equalTime(b, 2, withBatchNorm(b)) },
    advised: { label: 'batchNormalization, batch 32', run: (b) => equalTime(b, 32, withBatchNorm(b)) },
  },
  {
    id: 'batch-size-extremes',
    ruleId: 'batch-size-extremes',
    guide: '§3',
    title: 'Batch 1 vs 32, equal wall-clock time',
    shows: 'Batch 1 corrects the direction on every sample and forgoes vectorised arithmetic.',
    data: 'mnist',
    metric: 'testAccuracy',
    higherIsBetter: true,
    minEffect: HALF_POINT,
    curveAxis: 'seconds',
    baseline: { label: 'batch 1', run: (b) => equalTime(b, 1) },
    advised: { label: 'batch 32', run: (b) => equalTime(b, 32) },
  },
  {
    id: 'dropout-before-batchnorm',
    ruleId: 'dropout-before-batchnorm',
    guide: '§6 Tier 3',
    title: 'Dropout 0.5 before vs after batch-norm',
    shows: 'Dropout before batch-norm shifts the variance its statistics see between training and inference.',
    data: 'mnist',
    metric: 'testAccuracy',
    higherIsBetter: true,
    minEffect: HALF_POINT,
    curveAxis: 'epoch',
    baseline: {
      label: 'dense → dropout → batchNormalization',
      run: (b) => mnistRun(b, { layers: twoHidden(b, [{ type: 'dropout', rate: 0.5 }, { type: 'batchNormalization' }]) }),
    },
    advised: {
      label: 'dense → batchNormalization → dropout',
      run: (b) => mnistRun(b, { layers: twoHidden(b, [{ type: 'batchNormalization' }, { type: 'dropout', rate: 0.5 }]) }),
    },
  },
  {
    id: 'dropout-range',
    ruleId: 'dropout-range',
    guide: '§7',
    title: 'Dropout 0.8 vs 0.3',
    shows: 'Dropping four units in five starves the next layer of signal.',
    data: 'mnist',
    metric: 'testAccuracy',
    higherIsBetter: true,
    minEffect: HALF_POINT,
    curveAxis: 'epoch',
    baseline: { label: 'dropout 0.8', run: (b) => mnistRun(b, { layers: twoHidden(b, [{ type: 'dropout', rate: 0.8 }]) }) },
    advised: { label: 'dropout 0.3', run: (b) => mnistRun(b, { layers: twoHidden(b, [{ type: 'dropout', rate: 0.3 }]) }) },
  },
  {
    id: 'weight-decay-range',
    ruleId: 'weight-decay-range',
    guide: '§7',
    title: 'L2 1e-2 vs 1e-4',
    shows: 'A coupled weight decay far above [0, 1e-4] pulls the weights toward zero faster than the data pushes.',
    data: 'mnist',
    metric: 'testAccuracy',
    higherIsBetter: true,
    minEffect: HALF_POINT,
    curveAxis: 'epoch',
    baseline: { label: 'l2 0.01', run: (b) => mnistRun(b, { layers: twoHidden(b, []).map((l) => ({ ...l, l2: 1e-2 })) }) },
    advised: { label: 'l2 1e-4', run: (b) => mnistRun(b, { layers: twoHidden(b, []).map((l) => ({ ...l, l2: 1e-4 })) }) },
  },
  {
    id: 'momentum-range-low',
    ruleId: 'momentum-range',
    guide: '§6 Tier 2',
    title: 'SGD momentum 0.5 vs 0.9',
    shows: 'Too little momentum averages too few gradients to speed up training.',
    data: 'mnist',
    metric: 'testAccuracy',
    higherIsBetter: true,
    minEffect: HALF_POINT,
    curveAxis: 'epoch',
    baseline: { label: 'momentum 0.5', run: (b) => mnistRun(b, { optimizer: momentum(0.5) }) },
    advised: { label: `momentum ${MOMENTUM.recommended}`, run: (b) => mnistRun(b, { optimizer: momentum(MOMENTUM.recommended) }) },
  },
  {
    id: 'momentum-range-high',
    ruleId: 'momentum-range',
    guide: '§6 Tier 2',
    title: 'SGD momentum 0.999 vs 0.9',
    shows: 'Momentum near 1 remembers a thousand stale gradients and overshoots.',
    data: 'mnist',
    metric: 'testAccuracy',
    higherIsBetter: true,
    minEffect: HALF_POINT,
    curveAxis: 'epoch',
    baseline: { label: 'momentum 0.999', run: (b) => mnistRun(b, { optimizer: momentum(0.999) }) },
    advised: { label: `momentum ${MOMENTUM.recommended}`, run: (b) => mnistRun(b, { optimizer: momentum(MOMENTUM.recommended) }) },
  },
  {
    id: 'loss-magnitude-gap',
    ruleId: 'loss-magnitude-gap',
    guide: '§6 Tier 1',
    title: 'Two heads (digit, parity) weighted 1:1000 vs 1:1',
    shows: 'An auxiliary loss weighted a thousand times higher takes over the shared layers.',
    data: 'mnist',
    metric: 'testAccuracy',
    higherIsBetter: true,
    minEffect: HALF_POINT,
    curveAxis: 'epoch',
    baseline: { label: 'digit ×1, parity ×1000', run: (b) => mnistRun(b, { lossWeights: { digit: 1, parity: 1000 } }) },
    advised: { label: 'digit ×1, parity ×1', run: (b) => mnistRun(b, { lossWeights: { digit: 1, parity: 1 } }) },
  },
  {
    id: 'early-stopping-missing',
    ruleId: 'early-stopping-missing',
    guide: '§2.4.1',
    title: 'Fixed epochs vs early stopping (patience 10)',
    shows: 'No-improvement-in-10 stops long before the epoch limit; the report also shows the accuracy of both.',
    data: 'mnist',
    metric: 'epochsTrained',
    higherIsBetter: false,
    minEffect: 1,
    curveAxis: 'epoch',
    baseline: { label: 'no early stopping', run: (b) => longRun(b, {}) },
    advised: { label: `earlyStopping patience ${PLATEAU.patience}`, run: (b) => longRun(b, { earlyStopping: { patience: PLATEAU.patience } }) },
  },
  {
    id: 'plateau-policy',
    ruleId: 'plateau-policy',
    guide: '§5.3',
    title: 'Constant rate vs the §5.3 halving policy',
    shows: 'Halving the rate after 10 epochs without a new best lets SGD settle where a constant rate oscillates.',
    data: 'mnist',
    metric: 'testAccuracy',
    higherIsBetter: true,
    minEffect: HALF_POINT,
    curveAxis: 'epoch',
    baseline: { label: 'sgd lr=0.1, constant', run: (b) => longRun(b, {}) },
    advised: {
      label: `reduceOnPlateau factor ${PLATEAU.factor.recommended}, patience ${PLATEAU.patience}`,
      run: (b) => longRun(b, { plateau: { patience: PLATEAU.patience, factor: PLATEAU.factor.recommended, floorDivisor: PLATEAU.floorDivisor } }),
    },
  },
  {
    id: 'recurrent-dropout',
    ruleId: 'recurrent-dropout',
    guide: '§6 Tier 3',
    title: 'LSTM recurrentDropout 0.4 vs input dropout 0.4 (synthetic memory task)',
    shows: 'Noise on the recurrent connection corrupts the state the cell must carry; on the inputs it does not.',
    data: 'synthetic',
    metric: 'testAccuracy',
    higherIsBetter: true,
    minEffect: HALF_POINT,
    curveAxis: 'epoch',
    baseline: { label: 'lstm recurrentDropout 0.4', run: (b) => sequenceRun(b, { type: 'lstm', units: 16, recurrentDropout: 0.4 }) },
    advised: { label: 'lstm dropout 0.4', run: (b) => sequenceRun(b, { type: 'lstm', units: 16, dropout: 0.4 }) },
  },
  {
    id: 'search-log-scale',
    ruleId: 'search-log-scale',
    guide: '§4.3',
    title: 'Random search of the rate on [1e-5, 0.1]: linear vs log-uniform',
    shows: 'A linear scale spends nearly every trial in the top decade of the range.',
    data: 'mnist',
    metric: 'bestTrialAccuracy',
    higherIsBetter: true,
    minEffect: HALF_POINT,
    curveAxis: 'trial',
    baseline: { label: 'learningRate uniform', run: (b, seed) => searchRun(b, randomPoints(b, seed, 'linear')) },
    advised: { label: 'learningRate log-uniform', run: (b, seed) => searchRun(b, randomPoints(b, seed, 'log')) },
  },
  {
    id: 'search-grid-size',
    ruleId: 'search-grid-size',
    guide: '§4.2',
    title: '2×2×2 grid vs 8 random trials over rate, dropout, L2',
    shows: 'A grid over three dimensions tries only two rates; random trials try eight (Bergstra & Bengio 2012).',
    data: 'mnist',
    metric: 'bestTrialAccuracy',
    higherIsBetter: true,
    minEffect: HALF_POINT,
    curveAxis: 'trial',
    baseline: { label: 'grid 2×2×2', run: (b) => searchRun(b, gridPoints()) },
    advised: { label: 'random, 8 trials', run: (b, seed) => searchRun(b, randomPoints({ ...b, search: { ...b.search, trials: gridPoints().length } }, seed, 'log')) },
  },
];

export function scenarioById(id: string): Scenario | undefined {
  return SCENARIOS.find((scenario) => scenario.id === id);
}
