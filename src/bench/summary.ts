import { METRICS } from './scenarios.js';
import type { BenchResults, BenchDetails, ScenarioResult } from './results.js';

/** The terminal summary and the number formats the report and the evidence share. */

/** Accuracy metrics read in points (percentage points); others in their own unit. */
export function formatMetric(result: Pick<ScenarioResult, 'metric'>, value: number): string {
  return METRICS[result.metric].percent ? `${(value * 100).toFixed(1)}%` : value.toFixed(1);
}

export function formatEffect(result: Pick<ScenarioResult, 'metric' | 'higherIsBetter'>, effect: number): string {
  if (METRICS[result.metric].percent) return `${effect > 0 ? '+' : effect < 0 ? '−' : '±'}${Math.abs(effect * 100).toFixed(1)} pts`;
  const unit = METRICS[result.metric].label.split(' ')[0];
  if (result.higherIsBetter) return `${effect >= 0 ? '+' : '−'}${Math.abs(effect).toFixed(1)} ${unit}`;
  return effect >= 0 ? `${effect.toFixed(1)} ${unit} saved` : `${(-effect).toFixed(1)} ${unit} more`;
}

export function formatInterval(result: Pick<ScenarioResult, 'metric' | 'effect'>): string {
  const ci95 = result.effect.ci95;
  if (!ci95) return 'n/a';
  const scale = METRICS[result.metric].percent ? 100 : 1;
  return `[${(ci95[0] * scale).toFixed(1)}, ${(ci95[1] * scale).toFixed(1)}]`;
}

export function formatMinimal(result: Pick<ScenarioResult, 'metric' | 'minimalEffect'>): string {
  return METRICS[result.metric].percent ? `${(result.minimalEffect * 100).toFixed(1)} pts` : `${result.minimalEffect} ${METRICS[result.metric].label.split(' ')[0]}`;
}

export const VERDICTS = ['validated', 'no-effect', 'contradicted', 'inconclusive'] as const;

export function summaryTable(results: BenchResults, details: BenchDetails): string {
  const header = ['scenario', 'rule', 'baseline', 'advised', 'effect', '95% CI', 'minimal', 'seeds', 'pHolm', 'verdict'];
  const rows = results.scenarios.map((r) => [
    r.id,
    r.ruleId,
    `${formatMetric(r, r.baseline.mean)} ± ${formatMetric(r, r.baseline.std)}`,
    `${formatMetric(r, r.advised.mean)} ± ${formatMetric(r, r.advised.std)}`,
    formatEffect(r, r.effect.mean),
    formatInterval(r),
    formatMinimal(r),
    String(r.seeds.length),
    r.pHolm < 0.001 ? '<0.001' : r.pHolm.toFixed(3),
    r.verdict,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  const counts = VERDICTS.map((v) => `${results.scenarios.filter((r) => r.verdict === v).length} ${v}`);
  out.push('', `${counts.join(', ')} (${results.statistics.tests} tests, paired 95% intervals, Holm-corrected p in pHolm); backend ${results.backend}, ${details.workers} worker(s), ${details.budget} budget, ${details.wallSeconds.toFixed(0)} s${details.interrupted ? ' (interrupted: partial results)' : ''}`);
  const batch = details.batchTime?.analysis;
  if (batch) out.push(`GUIDE §3: smallest batch with fast improvement: ${batch.smallestFast ?? 'n/a'}`);
  for (const row of details.sweep?.rows ?? []) {
    out.push(`GUIDE §7: ${row.optimizer.padEnd(8)} best lr ${row.bestRate} (good ${row.goodRange.low}–${row.goodRange.high}) vs §7 [${row.guideRange.low}, ${row.guideRange.high}]: ${row.placement}`);
  }
  return `${out.join('\n')}\n`;
}

/** The results table of docs/bench.md, generated from results.json (scripts/bench-evidence.mjs writes it; a test checks it). */
export function markdownTable(results: BenchResults): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = results.scenarios.map(
    (r) =>
      `| \`${r.id}\` | ${formatMetric(r, r.baseline.mean)} ± ${formatMetric(r, r.baseline.std)} | ${formatMetric(r, r.advised.mean)} ± ${formatMetric(r, r.advised.std)} | ${cell(formatEffect(r, r.effect.mean))} | ${formatInterval(r)} | ${formatMinimal(r)} | ${r.seeds.length} | ${r.pHolm < 0.001 ? '<0.001' : r.pHolm.toFixed(3)} | ${r.verdict === 'validated' ? r.verdict : `**${r.verdict}**`} |`,
  );
  const counts = VERDICTS.map((v) => `${results.scenarios.filter((r) => r.verdict === v).length} ${v}`).join(', ');
  const env = results.environment;
  return [
    `Run: \`${results.budget}\` budget, backend \`${results.backend}\`, commit \`${env.commit.slice(0, 12)}\`, ${env.date.slice(0, 16).replace('T', ' ')} UTC, ${env.cpus} × ${env.cpuModel}, load average ${env.load.start[0]} at the start and ${env.load.end[0] ?? 'n/a'} at the end.`,
    '',
    '| scenario | baseline | advised | effect | paired 95% CI | minimal effect | seeds | Holm p | verdict |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `${counts} (${results.statistics.tests} tests).`,
  ].join('\n');
}
