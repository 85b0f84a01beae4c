import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('TF.js stays off the start-up path of check', () => {
  it('imports the bench into the CLI only lazily (types aside)', () => {
    const main = readFileSync(new URL('../../src/cli/main.ts', import.meta.url), 'utf8');
    const staticBench = main.split('\n').filter((line) => /^import .*from '\.\.\/bench\//.test(line) && !line.startsWith('import type '));
    expect(staticBench).toEqual([]);
    expect(main).toContain("await import('../bench/command.js')");
  });

  it('keeps TF.js out of the bench modules the command imports: only workers and tf.ts load it', () => {
    for (const file of ['command', 'runner', 'jobs', 'scenarios', 'results', 'report', 'summary', 'stats', 'evidence', 'evidence-build', 'experiments', 'budget']) {
      const source = readFileSync(new URL(`../../src/bench/${file}.ts`, import.meta.url), 'utf8');
      expect(source.split('\n').filter((l) => /^import (?!type ).*(@tensorflow|'\.\/(train|tf)\.js')/.test(l)), file).toEqual([]);
    }
  });
});
