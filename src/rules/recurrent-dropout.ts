import { createRule, NO_OPTIONS } from '../engine/rule.js';
import { pointerToDotPath } from '../model/pointer.js';
import { allLayers, formatNumber, isFiniteNumber, layerLabel } from './util.js';

export default createRule<Record<string, never>>({
  id: 'recurrent-dropout',
  meta: {
    description: 'A recurrent layer (also inside a bidirectional / timeDistributed wrapper) drops out its recurrent state: move the dropout to the inputs or outputs.',
    // An info: Keras and TF.js draw one recurrent mask per sequence (Gal & Ghahramani 2016), not fresh noise
    // at every step, and the bench could not tell the two placements apart (docs/bench.md, recurrent-dropout).
    severity: 'info',
    tier: 3,
    category: 'regularization',
    guide: '§6',
    code: true,
    fixable: 'unsafe',
    ...NO_OPTIONS,
  },
  check(config, context) {
    for (const entry of allLayers(config)) {
      const { layer, path } = entry;
      const rate = layer.recurrentDropout;
      // Rates of 1 or more are invalid-value's. No type check: a layer with a recurrent dropout is recurrent,
      // whatever its framework calls it (ConvLSTM2D, CuDNNGRU, a custom cell).
      if (!isFiniteNumber(rate) || rate <= 0 || rate >= 1) continue;
      const ratePath = `${path}/recurrentDropout`;
      const inputPath = `${path}/dropout`;
      const inputRate = isFiniteNumber(layer.dropout) ? layer.dropout : 0;
      const covered = inputRate >= rate;
      const moved = covered
        ? `; the input dropout ${formatNumber(inputRate)} already regularizes the layer`
        : ` and ${pointerToDotPath(inputPath)} to ${formatNumber(rate)}: the same rate, on the inputs`;
      context.report({
        path: ratePath,
        message: `Recurrent dropout ${formatNumber(rate)} on ${layerLabel(entry)}: GUIDE §6 Tier 3 keeps dropout out of the recurrent loop, which feeds the noise back at every time step, and puts it on the inputs or outputs. Keras and TF.js draw one recurrent mask per sequence, a milder form, but it also turns off the fused cuDNN kernels (slower training).`,
        suggestion: {
          path: ratePath,
          value: 0,
          description: `Set ${pointerToDotPath(ratePath)} to 0${moved}.`,
          edits: [
            { op: 'set', path: ratePath, value: 0 },
            ...(covered ? [] : [{ op: 'set' as const, path: inputPath, value: rate }]),
          ],
        },
      });
    }
  },
});
