import { readFileSync } from 'node:fs';
import path from 'node:path';
import { advise } from '../../src/advisor/advise.js';
import type { Advice, AdviseOptions } from '../../src/advisor/advise.js';
import { readHistory } from '../../src/advisor/history/index.js';

export const HISTORIES = path.resolve(import.meta.dirname, '../fixtures/histories');

export function fixtureText(name: string): string {
  return readFileSync(path.join(HISTORIES, name), 'utf8');
}

/** The advice for one of the real runs: its config and its history, as `hplint advise` reads them. */
export function adviseFixture(config: string, history: string, options: AdviseOptions = {}): Advice {
  return advise(fixtureText(config), { filePath: config, history: readHistory(fixtureText(history), history), historyFile: history, ...options });
}
