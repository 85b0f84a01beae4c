import { createRule, optionsSchema } from '../engine/rule.js';
import { pointer } from '../model/pointer.js';
import { ADAM } from '../knowledge/guide.js';
import { isAdamFamily } from './optimizers.js';
import { defaultNote, formatNumber, isFiniteNumber } from './util.js';

interface Band {
  readonly low: number;
  readonly high: number;
  /** The value suggested in place of one outside [low, high]. */
  readonly recommended: number;
}

type Parameter = keyof typeof ADAM;

export type Options = Readonly<Record<Parameter, Band>>;

const SYMBOLS: Record<Parameter, string> = { beta1: 'β1', beta2: 'β2', epsilon: 'ε' };

/** A value inside the parameter's mathematical domain; anything else is invalid-value's to report. */
const IN_DOMAIN: Record<Parameter, (value: number) => boolean> = {
  beta1: (v) => v >= 0 && v < 1,
  beta2: (v) => v >= 0 && v < 1,
  epsilon: (v) => v > 0,
};

const bandSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['low', 'high', 'recommended'],
  properties: {
    low: { type: 'number', exclusiveMinimum: 0 },
    high: { type: 'number', exclusiveMinimum: 0 },
    recommended: { type: 'number', exclusiveMinimum: 0 },
  },
} as const;

const PARAMETERS = Object.keys(ADAM) as Parameter[];

export default createRule<Options>({
  id: 'adam-parameters',
  meta: {
    description: "An Adam-family optimizer's β1, β2 or ε lies outside the usual band; 0.9 / 0.999 / 1e-8 work well (GUIDE §6 Tier 3).",
    severity: 'info',
    tier: 3,
    category: 'optimizer',
    guide: '§6',
    code: true,
    fixable: 'unsafe',
    optionsSchema: optionsSchema(Object.fromEntries(PARAMETERS.map((p) => [p, bandSchema]))),
    defaultOptions: ADAM,
  },
  check(config, context) {
    const optimizer = config.optimizer;
    if (!isAdamFamily(optimizer)) return;
    for (const parameter of PARAMETERS) {
      const value = optimizer?.[parameter];
      if (!isFiniteNumber(value) || !IN_DOMAIN[parameter](value)) continue;
      const band = context.options[parameter];
      if (value >= band.low && value <= band.high) continue;
      const path = pointer('optimizer', parameter);
      const recommended = PARAMETERS.map((p) => formatNumber(context.options[p].recommended)).join(' / ');
      context.report({
        path,
        message: `Adam ${SYMBOLS[parameter]} ${formatNumber(value, 6)}${defaultNote(context.document, path)} is outside [${formatNumber(band.low, 6)}, ${formatNumber(band.high, 6)}]; use ${recommended} unless the search budget is large (GUIDE §6 Tier 3, Tuning Playbook).`,
        suggestion: {
          path,
          value: band.recommended,
          description: `Set optimizer.${parameter} to ${formatNumber(band.recommended)}.`,
          edits: [{ op: 'set', path, value: band.recommended }],
        },
      });
    }
  },
});
