import { HistoryError } from './history.js';

/** Strings no metric value is ever written as, standing in for Python's bare NaN/Infinity tokens. */
const NON_FINITE: Readonly<Record<string, number>> = { '\u0000NaN': Number.NaN, '\u0000Infinity': Infinity, '\u0000-Infinity': -Infinity };

/**
 * Parses JSON as Python's `json.dump` writes it: standard JSON plus the bare tokens `NaN`, `Infinity` and
 * `-Infinity` that a diverged Keras history contains (JSON.parse rejects them).
 */
export function parsePythonJson(text: string, fileName: string): unknown {
  // Only tokens in value position (after `[`, `:` or `,`) are replaced, so a string such as "NaN" stays.
  const standard = text.replace(/([[:,]\s*)(-?Infinity|NaN)(?=\s*[,\]}])/g, (_, before: string, token: string) => `${before}"\\u0000${token}"`);
  try {
    return JSON.parse(standard, (_key, value: unknown) => (typeof value === 'string' && Object.hasOwn(NON_FINITE, value) ? NON_FINITE[value] : value));
  } catch (error) {
    throw new HistoryError(`${fileName}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
