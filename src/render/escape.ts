/**
 * One escaping function per output context. Keys, values, source lines and file names come from files
 * hplint did not write: every human-facing output (check's formatters, the advisor's, the CLI's messages)
 * passes them through the function for where they land, so they are shown as text and never interpreted.
 */

/**
 * Characters a terminal, a CI log or an editor acts on instead of showing: C0 controls but tab, DEL, C1
 * controls (ESC sequences set window titles, clear screens, make OSC 8 links; a newline starts a log line
 * that GitHub reads as a `::error` workflow command), line separators, and the bidi embedding, override
 * and isolate marks that reorder what is shown (Trojan Source).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_BUT_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** For a terminal or a CI log: control characters shown escaped (`\x1B`, `\n`, `\u202E`), on one line. */
export function terminalText(text: string): string {
  return text.replace(CONTROL, visible);
}

/** A GitHub workflow command's message (`issueCommand` of actions/toolkit), with other controls made visible. */
export function workflowData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(CONTROL, visible);
}

/** A workflow command's property value: also `:` and `,`, which delimit properties. */
export function workflowProperty(text: string): string {
  return workflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `@name` would notify a GitHub user or team: a zero-width space after the `@` keeps the text, not the ping. */
function noMentions(text: string): string {
  return text.replace(/@/g, '@&#8203;');
}

/**
 * Text inside HTML (a `<summary>`, where Markdown is not parsed): no tags, comments or attributes, no
 * mentions, controls shown escaped.
 */
export function htmlText(text: string): string {
  const escaped = text.replace(CONTROL, visible).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  return noMentions(escaped);
}

/**
 * Inline GitHub-flavoured Markdown (a paragraph, a heading, a table cell): no HTML (so no `<!--` that hides
 * the rest of the report, no `<img onerror>`), no images or links, no code spans, no escapes that undo
 * these, no mentions; a line break becomes `<br>` so the line stays one table row or heading.
 */
export function markdownText(text: string): string {
  const escaped = text
    .replace(CONTROL_BUT_NEWLINE, visible)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '&#92;')
    .replace(/`/g, '&#96;')
    .replace(/\|/g, '\\|')
    .replace(/!\[/g, '!\\[')
    .replace(/\]\(/g, ']\\(')
    .replace(/\n/g, '<br>');
  return noMentions(escaped);
}

/**
 * A Markdown code span for text such as a file name or a key: inside it nothing is HTML or a mention. The
 * fence is longer than any run of backticks in the text, so a backtick cannot close it; `cell` escapes `|`,
 * which splits GitHub table cells even inside code spans.
 */
export function markdownCode(text: string, cell = false): string {
  const shown = terminalText(cell ? text.replace(/\|/g, '\\|') : text);
  const longest = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = shown.startsWith('`') || shown.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}
