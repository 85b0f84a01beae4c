import { describe, expect, it } from 'vitest';
import { brief, dedent, diagnosticsOf } from '../helpers/lint.js';

const check = (yaml: string, setting?: Parameters<typeof diagnosticsOf>[2]) =>
  diagnosticsOf('weight-decay-range', dedent(yaml), setting).map(brief);

describe('weight-decay-range', () => {
  describe('valid', () => {
    it.each([
      ['coupled decay at the top of the §7 range', 'sgd', 1e-4],
      ['coupled decay of zero', 'adam', 0],
      ['decoupled decay at its edge', 'adamw', 0.1],
      ['decoupled decay, the PyTorch default', 'adamw_torch', 0.01],
      ['decoupled decay of a paged 8-bit AdamW', 'paged_adamw_8bit', 0.05],
    ])('%s', (_name, optimizer, decay) => {
      expect(check(`optimizer: { name: ${optimizer}, weightDecay: ${decay} }`)).toEqual([]);
    });

    it('stays silent when the optimizer, and so the coupling, is unknown', () => {
      expect(check('optimizer: { weightDecay: 0.05 }')).toEqual([]);
      expect(check('optimizer: { name: muon, weightDecay: 0.05 }')).toEqual([]);
    });

    it('accepts L2 regularization inside the §7 range', () => {
      expect(check('regularization: { l2: 1.0e-4 }\nmodel: { layers: [{ type: dense, units: 4, kernelRegularizer: { l2: 5.0e-5 } }] }')).toEqual([]);
    });

    it('leaves negative values to invalid-value', () => {
      expect(check('regularization: { l2: -0.5 }')).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('warns on coupled decay above 1e-3 and suggests 1e-4, the top of the §7 range', () => {
      const [d] = diagnosticsOf('weight-decay-range', 'optimizer:\n  name: sgd\n  weightDecay: 0.005\n');
      expect(brief(d!)).toBe(
        '3:16-3:21 warning Weight decay 0.005 (coupled, with sgd) is above 0.001, an order of magnitude past the GUIDE §7 range [0, 1e-4]: coupled decay that strong shrinks the weights faster than the data trains them. Use 1e-4, within that range, and do not search it much (GUIDE §6 Tier 3).',
      );
      expect(d!.suggestion).toEqual({
        path: '/optimizer/weightDecay',
        value: 1e-4,
        description: 'Set optimizer.weightDecay to 1e-4, within the GUIDE §7 range.',
        edits: [{ op: 'set', path: '/optimizer/weightDecay', value: 1e-4 }],
      });
    });

    it('reports the info band (5e-4, 1e-3] once, at info, up to and including its top edge', () => {
      expect(check('optimizer: { name: adam, weightDecay: 1.0e-3 }')).toEqual([
        "1:39-1:45 info Weight decay 0.001 (coupled, with adam) is above 5e-4, the value GUIDE §6 Tier 3 suggests (§7's table: [0, 1e-4]); keep it if it is a recipe's value, but do not spend trials on it.",
      ]);
      const [d] = diagnosticsOf('weight-decay-range', 'regularization: { l2: 6.0e-4 }\n');
      expect(brief(d!)).toBe(
        "1:23-1:29 info L2 regularization 6e-4 is above 5e-4, the value GUIDE §6 Tier 3 suggests (§7's table: [0, 1e-4]); keep it if it is a recipe's value, but do not spend trials on it.",
      );
      expect(d!.suggestion).toMatchObject({ path: '/regularization/l2', value: 5e-4 });
    });

    it("is silent on the 5e-4 GUIDE §6 suggests although §7's table ends at 1e-4 (the guide is one voice)", () => {
      expect(check('optimizer: { name: sgd, momentum: 0.937, weightDecay: 0.0005 }')).toEqual([]);
      expect(check('regularization: { l2: 2.5e-4 }')).toEqual([]);
    });

    it('warns just past 1e-3 for L2 regularization', () => {
      expect(check('regularization: { l2: 0.0011 }')).toEqual([
        '1:23-1:29 warning L2 regularization 0.0011 is above 0.001, an order of magnitude past the GUIDE §7 range [0, 1e-4]: coupled decay that strong shrinks the weights faster than the data trains them. Use 1e-4, within that range, and do not search it much (GUIDE §6 Tier 3).',
      ]);
    });

    it('warns on decoupled decay above 0.1 and suggests 0.1', () => {
      const [d] = diagnosticsOf('weight-decay-range', 'optimizer: { name: AdamW, weightDecay: 0.11 }\n');
      expect(brief(d!)).toBe(
        '1:40-1:44 warning Weight decay 0.11 (decoupled, with AdamW) is above 0.1, the top of the usual decoupled range (GUIDE §7, §6 Tier 3): the decay then outweighs the gradient and the model underfits.',
      );
      expect(d!.suggestion).toMatchObject({ path: '/optimizer/weightDecay', value: 0.1, edits: [{ op: 'set', path: '/optimizer/weightDecay', value: 0.1 }] });
    });

    it('checks a layer kernel regularizer, also inside a wrapper', () => {
      const yaml = `
        model:
          layers:
            - { type: dense, units: 8, kernelRegularizer: { l2: 0.01 } }
            - type: timeDistributed
              layer: { type: dense, units: 2, kernelRegularizer: { l2: 0.002 } }
      `;
      expect(check(yaml).map((b) => b.split(' is above')[0])).toEqual([
        '3:57-3:61 warning Layer 0 kernel L2 0.01',
        '5:64-5:69 warning Layer 1 kernel L2 0.002',
      ]);
    });

    it('takes thresholds as options', () => {
      expect(check('optimizer: { name: adamw, weightDecay: 0.2 }', ['warning', { decoupledMax: 0.3 }])).toEqual([]);
      expect(check('optimizer: { name: sgd, weightDecay: 5.0e-4 }', ['warning', { coupledInfoAbove: 5e-4 }])).toEqual([]);
      expect(() => check('optimizer: { name: sgd }', ['warning', { coupledMax: 0 }])).toThrow(/invalid options/);
    });
  });
});
