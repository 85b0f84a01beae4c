import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/advisor/format/json.js';
import { formatMarkdown } from '../../src/advisor/format/markdown.js';
import { formatText } from '../../src/advisor/format/text.js';
import { adviseFixture } from './helpers.js';

/**
 * Readable snapshots of the three outputs for real runs (no bench evidence, so a new bench run does not
 * change them): a reviewer reads test/advisor/__snapshots__/*.{txt,md,json} as a user would see them.
 */
const RUNS = [
  ['divergence', 'divergence.config.yaml', 'divergence.tfjs.json'],
  ['two-outputs', 'two-outputs.config.yaml', 'two-outputs.history.json'],
  ['plateau', 'plateau.config.yaml', 'plateau.csv'],
] as const;

describe.each(RUNS)('%s', (name, config, history) => {
  const advice = adviseFixture(config, history);

  it('text', async () => {
    await expect(formatText(advice, false)).toMatchFileSnapshot(`__snapshots__/${name}.txt`);
  });

  it('markdown', async () => {
    await expect(formatMarkdown(advice)).toMatchFileSnapshot(`__snapshots__/${name}.md`);
  });

  it('json: {suggestions, findings, plan}, unset values null, no edit internals', async () => {
    const json = formatJson(advice);
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['file', 'format', 'history', 'suggestions', 'findings', 'plan']);
    expect(json).not.toContain('"edits"');
    await expect(json).toMatchFileSnapshot(`__snapshots__/${name}.json`);
  });
});

describe('text colour', () => {
  const advice = adviseFixture('divergence.config.yaml', 'divergence.tfjs.json');
  const ESC = String.fromCharCode(27) + '[';

  it('only when asked', () => {
    expect(formatText(advice, true)).toContain(`${ESC}1m`);
    expect(formatText(advice, false)).not.toContain(ESC);
  });
});

describe('markdown safety', () => {
  it('escapes pipes and HTML in table cells', () => {
    const advice = adviseFixture('divergence.config.yaml', 'divergence.tfjs.json');
    const tricky = { ...advice, suggestions: [{ ...advice.suggestions[0]!, rationale: 'a | b <script>. More.' }] };
    expect(formatMarkdown(tricky)).toContain('| a \\| b &lt;script&gt;. |');
  });
});
