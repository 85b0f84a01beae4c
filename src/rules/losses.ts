import type { LossTerm } from '../model/types.js';

/** What a loss term computes, as far as the rules that pair it with the output layer care. */
export type LossKind = 'focal' | 'binaryCrossEntropy' | 'categoricalCrossEntropy' | 'regression';

/** Spellings across Keras, TF.js, PyTorch and TF1, compacted to lower-case letters and digits. */
const KINDS: readonly (readonly [RegExp, LossKind])[] = [
  [/focal/, 'focal'],
  [/^(binarycrossentropy|bce|bceloss|bcewithlogitsloss|bcewithlogits|sigmoidcrossentropy|sigmoidcrossentropywithlogits|logloss)$/, 'binaryCrossEntropy'],
  [
    /^(crossentropy|crossentropyloss|categoricalcrossentropy|sparsecategoricalcrossentropy|softmaxcrossentropy|softmaxcrossentropywithlogits|sparsesoftmaxcrossentropywithlogits|ce)$/,
    'categoricalCrossEntropy',
  ],
  [/^(meansquarederror|mse|mseloss|meanabsoluteerror|mae|l1loss|huber|huberloss|smoothl1loss|logcosh|meansquaredlogarithmicerror|msle)$/, 'regression'],
];

/** The kind of a loss as written (`categorical_crossentropy`, `BCEWithLogitsLoss`); undefined for others. */
export function lossKind(term: LossTerm): LossKind | undefined {
  const name = compact(term);
  return KINDS.find(([pattern]) => pattern.test(name))?.[1];
}

/** True when the term takes logits: declared `fromLogits`, or a name that says so (`BCEWithLogitsLoss`). */
export function takesLogits(term: LossTerm): boolean {
  if (typeof term.fromLogits === 'boolean') return term.fromLogits;
  return compact(term).includes('withlogits');
}

function compact(term: LossTerm): string {
  return (term.name ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
}
