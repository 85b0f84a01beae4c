import path from 'node:path';

/**
 * A result's file path as CI tools want it: relative to the working directory, with forward slashes
 * (SARIF artifact URIs, workflow-command `file=` values and Markdown headings all resolve from the repository root).
 */
export function displayPath(filePath: string, cwd: string): string {
  const relative = path.isAbsolute(filePath) ? path.relative(cwd, filePath) || filePath : filePath;
  return relative.split(path.sep).join('/');
}
