/** What a training history shows, as `hplint advise` reports it (epochs 0-based). */
export type FindingKind = 'divergence' | 'oscillation' | 'plateau' | 'overfitting' | 'underfitting' | 'loss-magnitude-gap' | 'no-validation';

export interface HistoryFinding {
  readonly kind: FindingKind;
  /** 0-based epoch at which the pattern is established. */
  readonly epoch: number;
  /** Optimizer step of that point, for histories logged by step (HuggingFace). */
  readonly step?: number;
  /** The epoch of the best validation (or training) loss, for plateau and overfitting. */
  readonly bestEpoch?: number;
  /** The loss terms concerned: the larger first, for loss-magnitude-gap. */
  readonly terms?: readonly string[];
  /** Typical (median) value of each term in `terms`. */
  readonly magnitudes?: Readonly<Record<string, number>>;
  /** Plateau only: the logged rate had already fallen to 1/1024 of its initial value, so GUIDE §5.3 stops. */
  readonly stop?: boolean;
  /** The series the finding was judged on, as the file names it (`val_accuracy`, `eval_loss`, `loss`). */
  readonly series?: string;
  /** The model, when one file holds several (the prefix of its keys). */
  readonly model?: string;
  readonly detail: string;
}

/**
 * Thresholds of the history analysis that are not the guide's (those come from src/knowledge/guide.ts). Each
 * is chosen to stay silent on ordinary noise: a false finding costs more trust than a missed one. "Noise" is
 * the series' own point-to-point spread (`noise()` in series.ts), so a threshold means the same on a loss of
 * 0.01 and one of 10 000, and on a noisy batch-1 run and a smooth one.
 */
export const ANALYSIS = {
  /** A training loss above this multiple of its best so far has blown up (a positive loss). */
  blowUpFactor: 10,
  /** A training-loss jump: above its best so far by this many noise widths… */
  jumpNoise: 4,
  /** …and by at least this fraction of the loss's scale… */
  jumpFraction: 0.5,
  /** …for at least this many consecutive (smoothed) points. Ongoing at the end: divergence; recovered: oscillation. */
  jumpPersistence: 2,
  /** A loss that never improved on its first value and ended this much (relative) above it is diverging. */
  risingFraction: 0.05,
  /** Overfitting: after its best, the median of the last `overfitPersistence` validation losses is more than this many noise widths above it… */
  overfitNoise: 1.5,
  /** …and at least this fraction of the best… */
  overfitFloor: 0.05,
  /** …(at least this many evaluations after the best) while the training loss is below its value at the best. */
  overfitPersistence: 3,
  /** Overfitting without a rise: the validation loss never improved by more than `overfitFloor` while the training loss fell this fraction. */
  trainingGain: 0.2,
  /** …over at least this many evaluations. */
  minEvaluations: 5,
  /** A new best must beat the old by this fraction of its value. */
  minRelativeImprovement: 1e-4,
  /** A flat line: the series moved less than this fraction of its level over the last `flatlineEpochs` epochs (updates have stopped). */
  flatlineTolerance: 1e-3,
  flatlineEpochs: 4,
  /** A series logged by step is flat when its fitted change over the last half is within this fraction of its level… */
  trendFraction: 0.02,
  /** …or within this many standard errors of the fit (an RL reward drifting 7% in its noise has not learned). */
  trendSignificance: 3,
  /** …judged only on this many logged points or more. */
  trendMinPoints: 20,
  /** Underfitting: the training loss fell less than this fraction of its first value… */
  underfitProgress: 0.05,
  /** …over at least this many epochs (or evaluations). */
  minEpochs: 5,
  /** Underfitting: the validation accuracy stayed at one value (one class predicted) for this fraction of the evaluations. */
  frozenFraction: 0.5,
  /** Oscillation: a window of this many epochs… */
  oscillationWindow: 8,
  /** …in which the loss changes direction at least this many times… */
  oscillationReversals: 5,
  /** …with mean swings of at least this fraction of the loss's level. */
  oscillationSwing: 0.1,
  /** A loss logged by step is judged for swings only with this many points (windows of 3 steps or more). */
  oscillationMinSteps: 75,
} as const;
