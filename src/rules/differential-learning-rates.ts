import { createRule, NO_OPTIONS } from '../engine/rule.js';
import type { EditOp, RuleContext } from '../engine/rule.js';
import { pointer } from '../model/pointer.js';
import type { TrainingConfig } from '../model/types.js';
import { formatNumber, isFiniteNumber, layerKind, layersOf } from './util.js';
import type { LayerKind } from './util.js';

type Options = Record<string, never>;

/** Layers with weights to fine-tune; normalization layers are left out, as frozen batch norm is a common, deliberate choice. */
const WEIGHTED_KINDS: readonly LayerKind[] = ['dense', 'conv', 'rnn', 'embedding', 'wrapper'];

interface Group {
  /** Index in `optimizer.layerLearningRates`. */
  readonly index: number;
  /** Height in the network: the group's lowest layer, or its list position when groups do not name layers. */
  readonly height: number;
  readonly rate: number;
  readonly layers?: readonly number[];
}

export default createRule<Options>({
  id: 'differential-learning-rates',
  meta: {
    description: 'Differential learning rates that give a lower layer group a higher rate than a group above it, or fine-tuning that freezes top layers while lower ones train (GUIDE §5.5, §4.5).',
    severity: 'warning',
    tier: 1,
    category: 'learning-rate',
    guide: '§5.5, §4.5',
    fixable: 'unsafe',
    ...NO_OPTIONS,
  },
  check(config, context) {
    checkRateOrder(config, context);
    if (config.pretrained === true) checkFreezing(config, context);
  },
});

function checkRateOrder(config: TrainingConfig, context: RuleContext<Options>): void {
  const written = config.optimizer?.layerLearningRates ?? [];
  // Groups that name their layers are placed by their lowest layer; otherwise the list is bottom first.
  const placedByLayers = written.every((g) => (g.layers?.length ?? 0) > 0);
  const groups: Group[] = written
    .flatMap(({ layers, learningRate: rate }, index) =>
      isFiniteNumber(rate) && rate >= 0 ? [{ index, height: placedByLayers && layers ? Math.min(...layers) : index, rate, layers }] : [],
    )
    .sort((a, b) => a.height - b.height);
  const lowIndex = groups.findIndex((g, i) => groups.slice(i + 1).some((above) => above.rate < g.rate));
  const low = groups[lowIndex];
  const high = low && groups.slice(lowIndex + 1).find((above) => above.rate < low.rate);
  if (!low || !high) return;
  const ascending = groups.map((g) => g.rate).sort((a, b) => a - b);
  const edits: EditOp[] = groups
    .map((g, i) => ({ g, rate: ascending[i]! }))
    .filter(({ g, rate }) => g.rate !== rate)
    .map(({ g, rate }) => ({ op: 'set', path: pointer('optimizer', 'layerLearningRates', g.index, 'learningRate'), value: rate }));
  const reordered = written.map((g, index) => {
    const position = groups.findIndex((p) => p.index === index);
    return position < 0 ? g : { ...g, learningRate: ascending[position] };
  });
  context.report({
    path: pointer('optimizer', 'layerLearningRates', low.index, 'learningRate'),
    message: `Layer group ${describeGroup(low)} has learning rate ${formatNumber(low.rate)}, above the ${formatNumber(high.rate)} of group ${describeGroup(high)} higher in the network: lower layers hold general features and should change least (GUIDE §5.5).`,
    suggestion: {
      path: pointer('optimizer', 'layerLearningRates'),
      value: reordered,
      description: `Give the groups their rates in ascending order from the bottom: ${ascending.map((r) => formatNumber(r)).join(', ')}.`,
      edits,
    },
  });
}

function describeGroup(group: Group): string {
  return group.layers && group.layers.length > 0 ? `${group.index} (layers ${group.layers.join(', ')})` : String(group.index);
}

function checkFreezing(config: TrainingConfig, context: RuleContext<Options>): void {
  const weighted = layersOf(config)
    .map((layer, index) => ({ index, type: layer.type, frozen: layer.trainable === false }))
    .filter((l) => WEIGHTED_KINDS.includes(layerKind(l.type)));
  const frozenCount = weighted.filter((l) => l.frozen).length;
  const trained = weighted.find((l) => !l.frozen);
  const top = weighted.findLast((l) => l.frozen);
  if (!trained || !top || trained.index > top.index) return;
  // The same number of frozen layers, moved to the bottom of the network.
  const edits: EditOp[] = weighted
    .map((l, position) => ({ l, frozen: position < frozenCount }))
    .filter(({ l, frozen }) => l.frozen !== frozen)
    .map(({ l, frozen }) => ({ op: 'set', path: pointer('model', 'layers', l.index, 'trainable'), value: !frozen }));
  const path = pointer('model', 'layers', top.index, 'trainable');
  const bottom = weighted.slice(0, frozenCount).map((l) => l.index);
  context.report({
    path,
    message: `Fine-tuning freezes layer ${top.index}${top.type ? ` (${top.type})` : ''} but trains layer ${trained.index}${trained.type ? ` (${trained.type})` : ''} below it: freeze the lower layers, which hold general features, and train the top (GUIDE §4.5).`,
    suggestion: {
      path,
      value: true,
      description: `Freeze layer${frozenCount === 1 ? '' : 's'} ${bottom.join(', ')} instead and train the layers above.`,
      edits,
    },
  });
}
