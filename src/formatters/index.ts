import type { Formatter } from './formatter.js';
import { github } from './github.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export const FORMATTERS: Readonly<Record<string, Formatter>> = { stylish, json, sarif, github, markdown };

export function formatterNames(): string[] {
  return Object.keys(FORMATTERS);
}
