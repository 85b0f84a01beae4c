import { formatNumber } from '../../rules/util.js';

/** A value as the reports show it: numbers as a person writes them, objects as a compact YAML flow map. */
export function show(value: unknown): string {
  if (value === undefined || value === null) return 'unset';
  if (typeof value === 'number') return formatNumber(value, 6);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${show(v)}`).join(', ')} }`;
  return String(value);
}

export function showRange(range: readonly [number, number] | null): string {
  return range ? `[${formatNumber(range[0])}, ${formatNumber(range[1])}]` : '—';
}

/** `history:divergence` → `divergence (history)`; rule ids as they are. */
export function showOrigin(ruleId: string, alsoFrom: readonly string[] | undefined): string {
  const name = (id: string) => id.replace(/^history:/, 'history: ');
  return [ruleId, ...(alsoFrom ?? [])].map(name).join(' + ');
}


/** The §5.3 rates as a chain: `0.005 → 0.0025 → … → 4.883e-6`. */
export function showRates(rates: readonly number[]): string {
  return rates.map((r) => formatNumber(r)).join(' → ');
}
