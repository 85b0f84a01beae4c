import { it } from 'vitest';
import { advise } from '../../src/advisor/advise.js';
import { applyAdvice } from '../../src/advisor/apply.js';
import { readConfig } from '../../src/engine/lint.js';
import { fixText } from '../../src/engine/fix.js';
import { resolveRules } from '../../src/engine/settings.js';
import { RULES } from '../../src/rules/index.js';
it('x', () => {
  const text = "pretrained: true\noptimizer:\n  name: sgd\n  learningRate: 0.00001\n  momentum: 0\nmodel:\n  layers:\n    - type: dropout\n      rate: 0.95\n    - type: dense\n      units: 1\n      activation: relu\n    - type: conv2d\n      filters: 16\n      kernelSize: 9\n    - type: dropout\n      rate: 0\ndata:\n  numClasses: 2\n  trainSize: 500\n  validationSplit: 0.2\n";
  const a = advise(text, { filePath: 'train.yaml' });
  for (const s of a.suggestions) console.log(s.ruleId, s.parameter, JSON.stringify(s.suggested), JSON.stringify(s.edits));
  const ap = applyAdvice(text, a);
  console.log('APPLIED', ap.applied.map((s) => s.parameter), 'MANUAL', ap.manual.map((s) => s.parameter));
  console.log(JSON.stringify(readConfig(ap.output, { filePath: 'train.yaml' }).config?.model));
  console.log(JSON.stringify(readConfig(fixText(text, { filePath: 'train.yaml' }, resolveRules(RULES), 'unsafe').output, { filePath: 'train.yaml' }).config?.model));
});
