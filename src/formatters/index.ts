import type { Formatter } from './formatter.js';
import { json } from './json.js';
import { stylish } from './stylish.js';

export const FORMATTERS: Readonly<Record<string, Formatter>> = { stylish, json };

export function formatterNames(): string[] {
  return Object.keys(FORMATTERS);
}
