/**
 * How much training a bench run does. `quick` is sized to run every scenario with three seeds in under
 * ten minutes on two cores (wasm backend); `full` is the run behind the committed evidence.
 */
export type BudgetName = 'quick' | 'full';

export interface Budget {
  readonly name: BudgetName;
  readonly seeds: number;
  /** The standard MNIST run: training examples, test examples, hidden units, epochs. */
  readonly trainSize: number;
  readonly testSize: number;
  readonly hidden: number;
  readonly epochs: number;
  /** Seconds of training per run where the comparison is at equal wall-clock time (GUIDE §3). */
  readonly equalTimeSeconds: number;
  /** Long runs (early stopping ≥ 50 epochs, the §5.3 policy ≥ 30 epochs) use a small training set. */
  readonly long: { readonly trainSize: number; readonly epochs: number };
  readonly sequence: { readonly trainSize: number; readonly testSize: number; readonly epochs: number };
  readonly fineTune: { readonly pretrainSize: number; readonly pretrainEpochs: number; readonly trainSize: number; readonly epochs: number };
  readonly search: { readonly trials: number; readonly trainSize: number; readonly epochs: number };
  /** GUIDE §3 experiment: seconds per batch size, seeds. */
  readonly batchTime: { readonly seconds: number; readonly seeds: number; readonly trainSize: number };
  /** GUIDE §7 experiment: learning rates per optimizer, run length, seeds. */
  readonly sweep: { readonly learningRates: readonly number[]; readonly trainSize: number; readonly epochs: number; readonly seeds: number };
}

export const BUDGETS: Record<BudgetName, Budget> = {
  quick: {
    name: 'quick',
    seeds: 3,
    trainSize: 2000,
    testSize: 1000,
    hidden: 64,
    epochs: 5,
    equalTimeSeconds: 4,
    long: { trainSize: 400, epochs: 50 },
    sequence: { trainSize: 600, testSize: 400, epochs: 6 },
    fineTune: { pretrainSize: 2000, pretrainEpochs: 2, trainSize: 200, epochs: 5 },
    search: { trials: 8, trainSize: 600, epochs: 2 },
    batchTime: { seconds: 5, seeds: 1, trainSize: 2000 },
    sweep: { learningRates: [1e-4, 1e-3, 1e-2, 1e-1, 1], trainSize: 1000, epochs: 2, seeds: 1 },
  },
  full: {
    name: 'full',
    seeds: 5,
    trainSize: 3000,
    testSize: 2000,
    hidden: 128,
    epochs: 6,
    equalTimeSeconds: 8,
    long: { trainSize: 600, epochs: 50 },
    sequence: { trainSize: 1000, testSize: 500, epochs: 8 },
    fineTune: { pretrainSize: 3000, pretrainEpochs: 2, trainSize: 300, epochs: 6 },
    search: { trials: 8, trainSize: 1000, epochs: 2 },
    batchTime: { seconds: 12, seeds: 1, trainSize: 4000 },
    sweep: { learningRates: [1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1, 3e-1, 1], trainSize: 1500, epochs: 2, seeds: 1 },
  },
};
