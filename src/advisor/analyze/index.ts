import { HistoryError } from '../history/history.js';
import type { TrainingHistory } from '../history/history.js';
import { findInstability } from './divergence.js';
import type { HistoryFinding } from './finding.js';
import { findLossMagnitudeGap } from './loss-gap.js';
import { findOscillation } from './oscillation.js';
import { findOverfitting } from './overfitting.js';
import { findPlateau } from './plateau.js';
import type { Monitored } from './plateau.js';
import { historyViews } from './series.js';
import type { HistoryView } from './series.js';
import { findUnderfitting } from './underfitting.js';

export type { FindingKind, HistoryFinding } from './finding.js';

/** A history with no loss the analysis recognises: the message lists the columns found. */
export class UnrecognisedHistoryError extends HistoryError {
  override readonly name = 'UnrecognisedHistoryError';
}

/**
 * Every finding a history supports, in training order, for each model it holds. One finding explains
 * another away: a diverged run is not also "underfitting"; a validation loss that stalls because it is
 * rising is overfitting, not a plateau; a run that never learned is underfitting, not a plateau to halve the
 * rate on. Throws UnrecognisedHistoryError when no training or validation loss (nor an RL reward) is found.
 */
export function analyzeHistory(history: TrainingHistory, fileName = 'the history'): HistoryFinding[] {
  const views = historyViews(history);
  if (views.every((v) => !v.train && v.validation.length === 0 && !v.reinforcement && v.terms.length === 0)) {
    throw new UnrecognisedHistoryError(`${fileName}: no training or validation loss recognised (expected e.g. loss, train_loss, val_loss, eval_loss); columns found: ${history.metrics.join(', ') || 'none'}`);
  }
  return views.flatMap((view) => analyzeView(view).map((f) => (view.model ? { ...f, model: view.model, detail: `model "${view.model}": ${f.detail}` } : f)));
}

export function analyzeView(view: HistoryView): HistoryFinding[] {
  const findings: HistoryFinding[] = [];
  const gap = findLossMagnitudeGap(view.terms);
  if (gap) findings.push(gap);
  if (view.validation.length === 0 && view.train) findings.push(noValidation(view));
  // Judged on the training loss; a history that logged only a validation loss has nothing else to judge.
  const judged = view.train ?? (view.reinforcement ? undefined : view.validation[0]);
  const unstable = judged ? findInstability(judged) : undefined;
  if (unstable?.kind === 'divergence') return sorted([...findings, unstable]);
  const oscillation = unstable ?? (view.train ? findOscillation(view.train, view.stepBased) : undefined);
  if (oscillation) findings.push(oscillation);
  const underfitting = findUnderfitting(view.train, view.quality);
  if (underfitting) findings.push(underfitting);
  const overfitting = view.train ? view.validation.map((v) => findOverfitting(view.train!, v)).find((f) => f !== undefined) : undefined;
  if (overfitting) findings.push(overfitting);
  const monitored = monitor(view);
  if (!overfitting && !underfitting && monitored) {
    const plateau = findPlateau(monitored, view.learningRate);
    if (plateau) findings.push(plateau);
  }
  return sorted(findings);
}

/**
 * GUIDE §5.3 watches validation accuracy: that when it is logged (or mAP, or an RL run's reward), else the
 * validation loss, else the training loss; a series logged per step without evaluations by its trend.
 */
function monitor(view: HistoryView): Monitored | undefined {
  const validated = view.validation.length > 0;
  if (view.quality && (validated || view.quality.kind === 'reward')) return { ...view.quality, higherIsBetter: true, byTrend: view.quality.kind === 'reward' };
  if (validated) return { ...view.validation[0]!, higherIsBetter: false, byTrend: false };
  return view.train ? { ...view.train, higherIsBetter: false, byTrend: view.stepBased } : undefined;
}

function noValidation(view: HistoryView): HistoryFinding {
  const first = view.train!.points[0]!;
  return {
    kind: 'no-validation',
    epoch: first.epoch,
    ...(first.step !== undefined ? { step: first.step } : {}),
    series: view.train!.name,
    detail: `only the training loss (${view.train!.name}) is logged: whether the model generalises, overfits or should have stopped earlier cannot be read from this run. Hold out a validation set and evaluate it ${view.stepBased ? 'periodically' : 'every epoch'} (GUIDE §2.4.1).`,
  };
}

function sorted(findings: HistoryFinding[]): HistoryFinding[] {
  return findings.sort((a, b) => a.epoch - b.epoch || (a.step ?? 0) - (b.step ?? 0));
}
