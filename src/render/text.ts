/** Small text helpers shared by every human-facing output (check's formatters and the advisor's). */

/** `1 file`, `3 files`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Markdown table cells hold one line: pipes, line breaks and HTML would break the table. */
export function markdownCell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
