import { createRule, optionsSchema } from '../engine/rule.js';
import type { Suggestion } from '../engine/rule.js';
import { pointer } from '../model/pointer.js';
import { FOCAL } from '../knowledge/guide.js';
import { lossKind } from './losses.js';
import { formatNumber, isFiniteNumber } from './util.js';

export interface Options {
  /** γ outside [gammaLow, gammaHigh] is a warning. */
  readonly gammaLow: number;
  readonly gammaHigh: number;
  /** The paper's values: any other γ or α is reported as info, and suggested. */
  readonly gamma: number;
  readonly alpha: number;
}

export default createRule<Options>({
  id: 'focal-loss-parameters',
  meta: {
    description: "A focal loss whose γ lies outside [0.5, 5] (warning), or whose γ / α depart from the paper's 2 / 0.25 (info).",
    severity: 'warning',
    tier: 1,
    category: 'loss',
    guide: '§6',
    fixable: 'unsafe',
    optionsSchema: optionsSchema({
      gammaLow: { type: 'number', minimum: 0 },
      gammaHigh: { type: 'number', minimum: 0 },
      gamma: { type: 'number', minimum: 0 },
      alpha: { type: 'number', minimum: 0, maximum: 1 },
    }),
    defaultOptions: { gammaLow: FOCAL.gamma.low, gammaHigh: FOCAL.gamma.high, gamma: FOCAL.gamma.recommended, alpha: FOCAL.alpha },
  },
  check(config, context) {
    const options = context.options;
    (config.losses ?? []).forEach((term, index) => {
      if (lossKind(term) !== 'focal') return;
      // Values outside their domain (γ < 0, α ∉ [0, 1]) are invalid-value's.
      const gamma = isFiniteNumber(term.gamma) && term.gamma >= 0 ? term.gamma : undefined;
      const alpha = isFiniteNumber(term.alpha) && term.alpha >= 0 && term.alpha <= 1 ? term.alpha : undefined;
      const departures: Departure[] = [];
      if (gamma !== undefined && gamma !== options.gamma) departures.push({ key: 'gamma', symbol: 'γ', value: gamma, paper: options.gamma });
      if (alpha !== undefined && alpha !== options.alpha) departures.push({ key: 'alpha', symbol: 'α', value: alpha, paper: options.alpha });
      const [first] = departures;
      if (!first) return;
      const outOfRange = gamma !== undefined && (gamma < options.gammaLow || gamma > options.gammaHigh);
      const listed = departures.map((d) => `${d.symbol} ${formatNumber(d.value)}`).join(' and ');
      const paper = `Lin et al. 2017 recommend γ = ${formatNumber(options.gamma)}, α = ${formatNumber(options.alpha)} (GUIDE §6 Tier 1)`;
      context.report({
        path: pointer('losses', index, first.key),
        ...(!outOfRange && { severity: 'info' as const }),
        message: outOfRange
          ? `Focal loss γ ${formatNumber(gamma)} is outside [${formatNumber(options.gammaLow)}, ${formatNumber(options.gammaHigh)}]${gamma === 0 ? ' (γ = 0 is plain cross-entropy)' : ''}; ${paper}.`
          : `Focal loss ${listed} ${departures.length > 1 ? 'depart' : 'departs'} from the paper's values; ${paper}: start from them before tuning.`,
        suggestion: paperValues(index, departures),
      });
    });
  },
});

interface Departure {
  readonly key: 'gamma' | 'alpha';
  readonly symbol: string;
  readonly value: number;
  readonly paper: number;
}

/** Sets each departing parameter to the paper's value: one value, or both on the loss term. */
function paperValues(index: number, departures: readonly Departure[]): Suggestion {
  const edits = departures.map((d) => ({ op: 'set' as const, path: pointer('losses', index, d.key), value: d.paper }));
  const description = `Set ${departures.map((d) => `${d.symbol} = ${formatNumber(d.paper)}`).join(', ')} (Lin et al. 2017).`;
  const [only] = departures;
  if (only && departures.length === 1) return { path: pointer('losses', index, only.key), value: only.paper, description, edits };
  return { path: pointer('losses', index), value: Object.fromEntries(departures.map((d) => [d.key, d.paper])), description, edits };
}
