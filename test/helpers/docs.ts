/** Examples in a rule's docs page: fenced code blocks under a ❌ or ✅ heading. */
export interface Example {
  readonly kind: 'incorrect' | 'correct';
  readonly code: string;
  readonly language: string;
}

/** Code blocks under a heading with ❌ are incorrect examples, under ✅ correct ones (until the next heading). */
export function examplesOf(markdown: string): Example[] {
  const examples: Example[] = [];
  let kind: Example['kind'] | undefined;
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^#{1,6} /.test(line)) kind = line.includes('❌') ? 'incorrect' : line.includes('✅') ? 'correct' : undefined;
    const fence = /^```(\w+)/.exec(line);
    if (fence && kind) {
      const end = lines.indexOf('```', i + 1);
      examples.push({ kind, language: fence[1]!, code: lines.slice(i + 1, end).join('\n') + '\n' });
      i = end;
    }
  }
  return examples;
}
