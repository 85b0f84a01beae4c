import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/advisor/format/markdown.js';
import { formatText } from '../../src/advisor/format/text.js';
import { advise } from '../../src/advisor/advise.js';
import { lintText } from '../../src/rules/index.js';
import type { LintResult } from '../../src/engine/lint.js';
import { htmlText, markdownText } from '../../src/render/escape.js';
import { github } from '../../src/formatters/github.js';
import { markdown } from '../../src/formatters/markdown.js';
import { sarif } from '../../src/formatters/sarif.js';
import { stylish } from '../../src/formatters/stylish.js';
import { context } from './fixtures.js';

/**
 * Hostile configs: keys, values and file names chosen to hijack the terminal, a CI log, a pull-request
 * comment or a SARIF viewer. Every output must show them as text.
 */
const ESC = '\u001b';
const BEL = '\u0007';
const HOSTILE_KEY = `evil\n::error file=x::pwned${ESC}]0;title${BEL}${ESC}[2J\u202e`;
const HOSTILE_YAML = `optimizer:\n  name: adam\n  learningRate: 0.5\n${JSON.stringify(HOSTILE_KEY)}: 1\n`;
const HOSTILE_NAME = 'cfg/<!-- `x` @octocat ![i](http://e.vil/p.png) <img src=x onerror=alert(1)>\n::warning::x.yaml';

function hostileResults(): LintResult[] {
  return [lintText(HOSTILE_YAML, { filePath: HOSTILE_NAME })];
}

/** Markdown outside code spans, where GitHub would interpret HTML, images and mentions (inside, all is literal). */
function outsideCodeSpans(markdown: string): string {
  return markdown.replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, '');
}

/** Raw control characters a terminal or log viewer would interpret (C0 except tab/newline handled separately, C1, bidi). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('terminal output (stylish)', () => {
  const out = stylish(hostileResults(), context);

  it('shows control characters escaped, never raw', () => {
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).toContain('\\x1B]0;title\\x07');
    expect(out).toContain('\\u202E');
  });

  it('lets no line of the log start a workflow command', () => {
    for (const line of out.split('\n')) expect(line.trimStart()).not.toMatch(/^::/);
    expect(out).toContain('evil\\n::error');
  });

  it('keeps the caret under the reported range when the excerpt is escaped', () => {
    const lines = out.split('\n');
    const at = lines.findIndex((l) => l.includes('4 | '));
    const excerpt = lines[at]!;
    const caret = lines[at + 1]!;
    // The unknown-key diagnostic points at the key's value `1`, after the escaped key.
    expect(excerpt[caret.indexOf('^')]).toBe('1');
  });
});

describe('GitHub workflow commands', () => {
  it('escapes control characters inside the one-line command', () => {
    const out = github(hostileResults(), context);
    expect(out).not.toMatch(RAW_CONTROL);
    for (const line of out.trimEnd().split('\n')) expect(line).toMatch(/^::(error|warning|notice) file=/);
  });
});

describe('Markdown (pull-request comments, job summaries)', () => {
  const out = outsideCodeSpans(markdown(hostileResults(), context));

  it('cannot open an HTML comment, tag or image', () => {
    expect(out).not.toContain('<!--');
    expect(out).not.toMatch(/<img/i);
    expect(out).not.toContain('![');
    expect(out).not.toMatch(RAW_CONTROL);
  });

  it('cannot break out of the heading with a backtick or a newline', () => {
    const headings = markdown(hostileResults(), context).split('\n').filter((l) => l.startsWith('### '));
    expect(headings).toEqual(['### ``cfg/<!-- `x` @octocat ![i](http://e.vil/p.png) <img src=x onerror=alert(1)>\\n::warning::x.yaml``']);
    expect(out.split('\n').some((l) => l.startsWith('::'))).toBe(false);
  });

  it('neutralises @mentions', () => {
    expect(out).not.toMatch(/@octocat/);
    expect(markdownText('thanks @octocat')).toBe('thanks @&#8203;octocat');
    expect(htmlText('@team <b>')).toBe('@&#8203;team &lt;b&gt;');
  });
});

describe('SARIF artifact locations', () => {
  const uriOf = (name: string, cwd = '/repo') => {
    const log = JSON.parse(sarif([lintText(HOSTILE_YAML, { filePath: name })], { ...context, cwd })) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[] }[];
    };
    return log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation;
  };

  it.each([
    ['a#b.yaml', 'a%23b.yaml'],
    ['a?b.yaml', 'a%3Fb.yaml'],
    ['100%.yaml', '100%25.yaml'],
    ['c:d.yaml', 'c%3Ad.yaml'],
    ['my dir/x y.yaml', 'my%20dir/x%20y.yaml'],
    ['données/é.yaml', 'donn%C3%A9es/%C3%A9.yaml'],
  ])('percent-encodes each segment of %s, relative to the source root', (name, uri) => {
    expect(uriOf(name)).toEqual({ uri, uriBaseId: '%SRCROOT%' });
    expect(decodeURIComponent(uri)).toBe(name);
    // A correct relative reference: resolving it against the base gives the file back.
    expect(decodeURIComponent(new URL(uri, 'file:///repo/').pathname)).toBe(`/repo/${name}`);
  });

  it('gives a file outside the source root as an absolute file URI', () => {
    expect(uriOf('/elsewhere/a b#.yaml')).toEqual({ uri: 'file:///elsewhere/a%20b%23.yaml' });
  });
});

describe("the advisor's outputs", () => {
  const advice = advise(HOSTILE_YAML.replace('learningRate: 0.5', 'learningRate: 5'), { filePath: HOSTILE_NAME });

  it('text escapes control characters', () => {
    expect(formatText(advice, false)).not.toMatch(RAW_CONTROL);
    for (const line of formatText(advice, false).split('\n')) expect(line.trimStart()).not.toMatch(/^::/);
  });

  it('markdown escapes the file name in its heading and HTML', () => {
    const out = outsideCodeSpans(formatMarkdown(advice));
    expect(out).not.toContain('<!--');
    expect(out).not.toMatch(/<img/i);
    expect(out).not.toMatch(/@octocat/);
    expect(out).not.toMatch(RAW_CONTROL);
  });
});
