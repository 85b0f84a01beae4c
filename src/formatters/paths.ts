import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * A result's file path as CI tools want it: relative to the working directory, with forward slashes
 * (SARIF artifact URIs, workflow-command `file=` values and Markdown headings all resolve from the repository root).
 */
export function displayPath(filePath: string, cwd: string): string {
  const relative = path.isAbsolute(filePath) ? path.relative(cwd, filePath) || filePath : filePath;
  return relative.split(path.sep).join('/');
}

/** The base of SARIF's relative artifact URIs: the source root, which GitHub code scanning maps to the checkout. */
export const SOURCE_ROOT = '%SRCROOT%';

/**
 * A file as a SARIF `artifactLocation`: a relative URI reference whose path segments are percent-encoded
 * (a name with `#`, `?`, `%`, `:`, spaces or non-ASCII letters stays one path), resolved against the source
 * root; a file outside the working directory gets an absolute `file:` URI instead.
 */
export function artifactLocation(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(cwd, filePath);
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return { uri: pathToFileURL(absolute).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}
