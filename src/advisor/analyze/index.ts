import type { TrainingHistory } from '../history/history.js';
import { findDivergence } from './divergence.js';
import type { HistoryFinding } from './finding.js';
import { findLossMagnitudeGap } from './loss-gap.js';
import { findOscillation } from './oscillation.js';
import { findOverfitting } from './overfitting.js';
import { findPlateau } from './plateau.js';
import { learningRatePoints, lossSeries } from './series.js';
import { findUnderfitting } from './underfitting.js';

export type { FindingKind, HistoryFinding } from './finding.js';

/**
 * Every finding a history supports, in training order. One finding explains another away: a diverged run
 * is not also "underfitting"; a validation loss that stalls because it is rising is overfitting, not a
 * plateau; a run that never learned is underfitting, not a plateau to halve the rate on.
 */
export function analyzeHistory(history: TrainingHistory): HistoryFinding[] {
  const { train, trainName, validation, validationName } = lossSeries(history);
  const primary = train.length > 0 ? { points: train, name: trainName! } : validation.length > 0 ? { points: validation, name: validationName! } : undefined;
  const findings: HistoryFinding[] = [];
  const gap = findLossMagnitudeGap(history, trainName);
  if (gap) findings.push(gap);
  if (!primary) return findings;
  const divergence = findDivergence(primary.points, primary.name) ?? (validationName && primary.name !== validationName ? findDivergence(validation, validationName) : undefined);
  if (divergence) return sorted([...findings, divergence]);
  const oscillation = findOscillation(primary.points, primary.name);
  if (oscillation) findings.push(oscillation);
  const underfitting = findUnderfitting(primary.points, primary.name);
  if (underfitting) findings.push(underfitting);
  const overfitting = trainName && validationName ? findOverfitting(train, validation, { train: trainName, validation: validationName }) : undefined;
  if (overfitting) findings.push(overfitting);
  if (!overfitting && !underfitting) {
    const monitored = validation.length > 0 ? { points: validation, name: validationName! } : primary;
    const plateau = findPlateau(monitored.points, monitored.name, learningRatePoints(history));
    if (plateau) findings.push(plateau);
  }
  return sorted(findings);
}

function sorted(findings: HistoryFinding[]): HistoryFinding[] {
  return findings.sort((a, b) => a.epoch - b.epoch || (a.step ?? 0) - (b.step ?? 0));
}
