import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/check.js';
import type { CheckFlags } from '../../src/cli/check.js';

/** `hplint check --format json [--input-format NAME] --verbose` in process, on the adapters' corpus fixtures. */
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

async function check(file: string, extra: Partial<CheckFlags> = {}) {
  let stdout = '';
  let stderr = '';
  const flags: CheckFlags = { format: 'json', rule: [], color: false, debug: false, verbose: true, ...extra };
  const code = await checkCommand([path.join(FIXTURES, file)], flags, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  const report = JSON.parse(stdout) as { results: { format: string; diagnostics: { ruleId: string; line: number }[] }[] };
  return { code, result: report.results[0]!, stderr };
}

describe('hplint check on the adapters’ formats', () => {
  it.each([
    ['hf/llama-factory-lora-sft.yaml', 'hf'],
    ['lightning/anomalib-early-stopping.yaml', 'lightning'],
    ['yolo/yolov5-hyp-scratch.yaml', 'yolo'],
    ['detectron2/rcnn-base.yaml', 'detectron2'],
  ])('names the adapter of %s in results[].format and says why with --verbose', async (file, format) => {
    const { result, stderr } = await check(file);
    expect(result.format).toBe(format);
    expect(stderr).toMatch(new RegExp(`: read as ${format} \\(.+\\(confidence 0\\.\\d\\d\\)\\)\\n$`));
  });

  it('reads a file as the adapter --input-format names', async () => {
    const { result, stderr } = await check('yolo/yolov5-hyp-evolved.yaml', { inputFormat: 'yolo' });
    expect(result.format).toBe('yolo');
    expect(result.diagnostics.map((d) => `${d.ruleId}@${d.line}`)).toEqual(['momentum-range@5']);
    expect(stderr).toMatch(/: read as yolo \(--input-format yolo\)\n$/);
  });

  it('reports a DeepSpeed config as unknown, exit 0, and says why with --verbose', async () => {
    const { code, result, stderr } = await check('hf/deepspeed-zero2.json');
    expect(code).toBe(0);
    expect(result).toMatchObject({ format: 'unknown', diagnostics: [] });
    expect(stderr).toMatch(/: read as unknown \(no known training-config keys at the top level\)\n$/);
  });
});
