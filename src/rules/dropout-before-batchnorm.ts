import { createRule, NO_OPTIONS } from '../engine/rule.js';
import { pointer } from '../model/pointer.js';
import { layerKind, layersOf, PARAMETER_FREE_KINDS } from './util.js';

const LAYERS_PATH = pointer('model', 'layers');

export default createRule<Record<string, never>>({
  id: 'dropout-before-batchnorm',
  meta: {
    description: 'A dropout layer feeds batch normalization with only parameter-free layers between them (variance shift).',
    severity: 'warning',
    tier: 3,
    category: 'regularization',
    guide: '§6',
    code: true,
    fixable: 'unsafe',
    ...NO_OPTIONS,
  },
  check(config, context) {
    const layers = layersOf(config);
    layers.forEach((layer, index) => {
      if (layerKind(layer.type) !== 'dropout') return;
      let next = index + 1;
      while (next < layers.length && PARAMETER_FREE_KINDS.includes(layerKind(layers[next]?.type))) next++;
      if (next >= layers.length || layerKind(layers[next]?.type) !== 'batchNormalization') return;
      const reordered = [...layers];
      const [dropout] = reordered.splice(index, 1);
      reordered.splice(next, 0, dropout!);
      context.report({
        path: pointer('model', 'layers', index),
        message: `Dropout (layer ${index}) feeds batch normalization (layer ${next}): dropout shifts the variance that batch-norm statistics see, so inference behaves differently from training (GUIDE §6 Tier 3; Li et al. 2019). Put the dropout after the batch normalization.`,
        suggestion: {
          path: LAYERS_PATH,
          value: reordered,
          description: `Move the dropout (layer ${index}) to after the batch normalization (layer ${next}).`,
          edits: [{ op: 'move', path: LAYERS_PATH, from: index, to: next }],
        },
      });
    });
  },
});
