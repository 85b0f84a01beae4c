/**
 * Canonical paths are JSON Pointers (RFC 6901) into the TrainingConfig, e.g. `/optimizer/learningRate`
 * or `/model/layers/2`. They are the one vocabulary rules, adapters, fixes and the advisor share.
 */
export type Pointer = string;

export function pointer(...segments: readonly (string | number)[]): Pointer {
  let out = '';
  for (const segment of segments) {
    const text = String(segment);
    // Escaping is rare (keys with `~` or `/`); every canonical path is built here, once per value read.
    out += '/' + (text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text);
  }
  return out;
}

export function parsePointer(value: Pointer): (string | number)[] {
  if (value === '') return [];
  const segments = value.slice(1).split('/');
  // Only a key written with `~` or `/` was escaped.
  const keys = value.includes('~') ? segments.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) : segments;
  return keys.map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

/** The parent pointer, or undefined at the root. */
export function parentPointer(value: Pointer): Pointer | undefined {
  if (value === '') return undefined;
  return value.slice(0, value.lastIndexOf('/'));
}

/** `/optimizer/learningRate` → `optimizer.learningRate`: how users and the advisor name a parameter. */
export function pointerToDotPath(value: Pointer): string {
  return parsePointer(value).join('.');
}

export function dotPathToPointer(path: string): Pointer {
  return pointer(...path.split('.').filter((s) => s.length > 0));
}

/** The value at a canonical path of a config (or any JSON value), or undefined. */
export function valueAtPointer(root: unknown, path: Pointer): unknown {
  let node: unknown = root;
  for (const segment of parsePointer(path)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}
