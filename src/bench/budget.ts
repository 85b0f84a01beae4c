/**
 * How much training a bench run does. `quick` runs every scenario with five seeds in under ten minutes on
 * two cores (wasm backend); `full` is the run behind the committed evidence: eight seeds and larger runs,
 * well under half an hour on a quiet two-core machine.
 */
export type BudgetName = 'quick' | 'full';

export interface Budget {
  readonly name: BudgetName;
  readonly seeds: number;
  /** The standard MNIST run: training examples (drawn per seed), test examples (fixed), hidden units, epochs. */
  readonly trainSize: number;
  readonly testSize: number;
  readonly hidden: number;
  readonly epochs: number;
  /** Seconds of training per run where the comparison is at equal wall-clock time (GUIDE §3). */
  readonly equalTimeSeconds: number;
  /** Weight decay: enough epochs for too strong a decay to hold the weights back (its harm grows with the steps taken). */
  readonly weightDecay: { readonly epochs: number };
  /** Batch-norm at small batches, equal epochs: a smaller set (batch 2 is slow). */
  readonly batchNorm: { readonly trainSize: number; readonly epochs: number };
  /** Long runs with a validation split (early stopping, the §5.3 policy): several patience periods. */
  readonly long: { readonly trainSize: number; readonly validationSplit: number; readonly batchSize: number; readonly epochs: number };
  readonly sequence: { readonly trainSize: number; readonly testSize: number; readonly epochs: number };
  readonly fineTune: { readonly pretrainSize: number; readonly pretrainEpochs: number; readonly trainSize: number; readonly epochs: number };
  readonly search: { readonly trials: number; readonly trainSize: number; readonly validationSize: number; readonly epochs: number };
  /** GUIDE §3 experiment: seconds per batch size, seeds. */
  readonly batchTime: { readonly seconds: number; readonly seeds: number; readonly trainSize: number };
  /** GUIDE §7 experiment: learning rates per optimizer, run length, seeds. */
  readonly sweep: { readonly learningRates: readonly number[]; readonly trainSize: number; readonly epochs: number; readonly seeds: number };
}

export const BUDGETS: Record<BudgetName, Budget> = {
  quick: {
    name: 'quick',
    seeds: 5,
    trainSize: 1500,
    testSize: 1000,
    hidden: 64,
    epochs: 4,
    equalTimeSeconds: 3,
    weightDecay: { epochs: 12 },
    batchNorm: { trainSize: 600, epochs: 3 },
    long: { trainSize: 500, validationSplit: 0.2, batchSize: 16, epochs: 50 },
    sequence: { trainSize: 800, testSize: 400, epochs: 12 },
    fineTune: { pretrainSize: 1500, pretrainEpochs: 3, trainSize: 200, epochs: 15 },
    search: { trials: 6, trainSize: 500, validationSize: 300, epochs: 6 },
    batchTime: { seconds: 3, seeds: 1, trainSize: 2000 },
    sweep: { learningRates: [1e-4, 1e-3, 1e-2, 1e-1, 1], trainSize: 1000, epochs: 2, seeds: 1 },
  },
  full: {
    name: 'full',
    seeds: 8,
    trainSize: 2000,
    testSize: 1500,
    hidden: 64,
    epochs: 5,
    equalTimeSeconds: 4,
    weightDecay: { epochs: 15 },
    batchNorm: { trainSize: 700, epochs: 4 },
    long: { trainSize: 600, validationSplit: 0.25, batchSize: 16, epochs: 50 },
    sequence: { trainSize: 1500, testSize: 400, epochs: 20 },
    fineTune: { pretrainSize: 2000, pretrainEpochs: 3, trainSize: 300, epochs: 15 },
    search: { trials: 8, trainSize: 1000, validationSize: 500, epochs: 8 },
    batchTime: { seconds: 5, seeds: 1, trainSize: 3000 },
    sweep: { learningRates: [1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1, 3e-1, 1], trainSize: 1000, epochs: 3, seeds: 1 },
  },
};
