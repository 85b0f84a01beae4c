/** Types of python-corpus.mjs, for the TypeScript test that checks the bench's corpus. */
export function writePythonCorpus(dir: string, count: number, seed?: number): { files: number; lines: number };
