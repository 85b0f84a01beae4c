/** Small text helpers shared by every human-facing output (check's formatters and the advisor's). */

/** `1 file`, `3 files`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
