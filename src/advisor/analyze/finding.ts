/** What a training history shows, as `hplint advise` reports it (epochs 0-based). */
export type FindingKind = 'divergence' | 'oscillation' | 'plateau' | 'overfitting' | 'underfitting' | 'loss-magnitude-gap';

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
  readonly detail: string;
}

/**
 * Thresholds of the history analysis that are not the guide's (those come from src/knowledge/guide.ts). Each
 * is chosen to stay silent on ordinary noise: a false finding costs more trust than a missed one.
 */
export const ANALYSIS = {
  /** A loss above this multiple of its best value so far has blown up. */
  blowUpFactor: 10,
  /** A loss that never improved on its first epoch and ended this much (relative) above it is diverging. */
  risingFraction: 0.05,
  /** An improvement smaller than this fraction of the best value is not a new best. */
  minRelativeImprovement: 1e-4,
  /** Overfitting: the validation loss has risen this fraction above its best while the training loss fell. */
  overfitRise: 0.1,
  /** Underfitting: the training loss fell less than this fraction over the run… */
  underfitProgress: 0.1,
  /** …of at least this many epochs. */
  minEpochs: 5,
  /** Oscillation: a window of this many epochs… */
  oscillationWindow: 8,
  /** …in which the loss changes direction at least this many times… */
  oscillationReversals: 5,
  /** …with mean swings of at least this fraction of the loss's level. */
  oscillationSwing: 0.1,
} as const;
