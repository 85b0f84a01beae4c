import { it } from 'vitest';
import { fixText } from '../../src/engine/fix.js';
import { resolveRules } from '../../src/engine/settings.js';
import { RULES } from '../../src/rules/index.js';
it('x', () => {
  const rules = resolveRules(RULES);
  const text = "optimizer:\n  name: adam\n  learningRate: 0.000001\n  beta2: 0\ntraining:\n  batchSize: 1\n  epochs: 200\nschedule:\n  type: constant\nmodel:\n  layers:\n    - type: lstm\n      units: 32\n";
  fixText(text, { filePath: 'train.yaml' }, rules, 'unsafe');
});
