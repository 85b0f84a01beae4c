import { pointsOf } from '../history/history.js';
import type { Point, TrainingHistory } from '../history/history.js';

/** How frameworks name the total training and validation losses and the logged learning rate. */
const TRAIN_LOSS = ['loss', 'train_loss', 'train_loss_epoch', 'training_loss'];
const VALIDATION_LOSS = ['val_loss', 'eval_loss', 'validation_loss', 'val_loss_epoch', 'valid_loss'];
const LEARNING_RATE = /^(lr|learning_rate|learningRate|lr-.+)$/;

export interface LossSeries {
  readonly trainName?: string;
  readonly train: readonly Point[];
  readonly validationName?: string;
  readonly validation: readonly Point[];
}

export function lossSeries(history: TrainingHistory): LossSeries {
  const trainName = TRAIN_LOSS.find((m) => history.metrics.includes(m));
  const validationName = VALIDATION_LOSS.find((m) => history.metrics.includes(m));
  return {
    ...(trainName ? { trainName } : {}),
    train: trainName ? pointsOf(history, trainName) : [],
    ...(validationName ? { validationName } : {}),
    validation: validationName ? pointsOf(history, validationName) : [],
  };
}

/** The logged learning rate (Keras `lr`/`learning_rate`, HF `learning_rate`, Lightning `lr-Adam`), if any. */
export function learningRatePoints(history: TrainingHistory): Point[] {
  const name = history.metrics.find((m) => LEARNING_RATE.test(m));
  return name ? pointsOf(history, name) : [];
}

/** The last value of a series logged at or before a row (HF logs training and evaluation losses at different steps). */
export function valueAtRow(points: readonly Point[], row: number): number | undefined {
  let found: number | undefined;
  for (const point of points) {
    if (point.row > row) break;
    found = point.value;
  }
  return found;
}

/** Where a finding happened: its epoch, and its step when the history is logged by step. */
export function at(point: Point): { epoch: number; step?: number } {
  return { epoch: point.epoch, ...(point.step !== undefined ? { step: point.step } : {}) };
}

/** "epoch 3" or "epoch 3 (step 1500)". */
export function label(point: Point): string {
  return `epoch ${point.epoch}${point.step !== undefined ? ` (step ${point.step})` : ''}`;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
