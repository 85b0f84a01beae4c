import type { BenchDetails, BenchResults, ScenarioDetails, ScenarioResult } from './results.js';
import { formatEffect, formatInterval, formatMetric } from './summary.js';
import { escapeHtml, lineChart, PALETTE } from '../render/svg.js';
import type { Series } from '../render/svg.js';

/** `DIR/report.html`: one self-contained page (inline CSS and SVG, no script, nothing fetched). */

const ARM_COLORS = { baseline: '#c0392b', advised: '#2471a3' } as const;
const AXIS_LABELS = { epoch: 'epoch', seconds: 'training seconds', trial: 'trial' } as const;

export function renderReport(results: BenchResults, details: BenchDetails): string {
  const body = [
    header(results, details),
    verdictTable(results, details),
    ...results.scenarios.map((r) => scenarioSection(r, details.scenarios.find((d) => d.id === r.id))),
    batchTimeSection(details),
    sweepSection(details),
  ].join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>hplint bench report</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#f4f4f4}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.validated{color:#1e8449;font-weight:600}.not-validated{color:#c0392b;font-weight:600}.inconclusive{color:#9a7d0a;font-weight:600}
.chart-title{font-weight:600;font-size:13px}.tick{font-size:11px;fill:#555}.axis{font-size:12px}.legend{font-size:11px}
section{margin:2em 0;border-top:1px solid #eee}.note{color:#666}
</style></head><body>
${body}
</body></html>
`;
}

function header(results: BenchResults, details: BenchDetails): string {
  const env = results.environment;
  const notes = details.backendNotes.length ? `<p class="note">Backends not used: ${escapeHtml(details.backendNotes.join('; '))}</p>` : '';
  const failures = details.failures.length ? `<p class="not-validated">Failed runs: ${escapeHtml(details.failures.join('; '))}</p>` : '';
  const interrupted = details.interrupted ? '<p class="inconclusive">The run was interrupted: these are the results that finished.</p>' : '';
  return `<h1>hplint bench</h1>
<p>Backend <b id="backend">${escapeHtml(results.backend)}</b> · TF.js ${escapeHtml(env.tfjs)} · Node ${escapeHtml(env.node)} · ${env.cpus} CPUs ·
${details.workers} worker(s) · ${escapeHtml(details.budget)} budget · ${details.wallSeconds.toFixed(0)} s wall-clock · hplint ${escapeHtml(results.tool.version)}</p>
${notes}${failures}${interrupted}
<p class="note">Each scenario trains a baseline (the config with the problem a rule reports) and the advised config (the rule's
suggestion applied) for several seeds, and compares one metric fixed in advance. Effect: advised − baseline, signed so that positive means
the advice helped; the interval is Welch's 95% confidence interval. <i>validated</i>: the interval is above 0; <i>not-validated</i>: the interval
rules out a benefit worth having; <i>inconclusive</i>: neither.</p>`;
}

function verdictTable(results: BenchResults, details: BenchDetails): string {
  const rows = results.scenarios.map((r) => {
    const d = details.scenarios.find((s) => s.id === r.id);
    return `<tr class="verdict-row" data-scenario="${escapeHtml(r.id)}"><td><a href="#${escapeHtml(r.id)}">${escapeHtml(r.id)}</a></td><td>${escapeHtml(r.ruleId)}</td>
<td>${escapeHtml(d?.baseline.label ?? '')}</td><td>${escapeHtml(d?.advised.label ?? '')}</td><td>${escapeHtml(d?.metricLabel ?? r.metric)}</td>
<td class="num">${formatMetric(r, r.baseline.mean)} ± ${formatMetric(r, r.baseline.std)}</td><td class="num">${formatMetric(r, r.advised.mean)} ± ${formatMetric(r, r.advised.std)}</td>
<td class="num">${escapeHtml(formatEffect(r, r.effect))}</td><td class="num">${formatInterval(r)}</td><td class="num">${r.seeds}</td><td class="${r.verdict}">${r.verdict}</td></tr>`;
  });
  return `<h2>Verdicts</h2>
<table id="verdicts"><thead><tr><th>scenario</th><th>rule</th><th>baseline</th><th>advised</th><th>metric</th><th>baseline mean ± sd</th><th>advised mean ± sd</th><th>effect</th><th>95% CI</th><th>seeds</th><th>verdict</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function scenarioSection(result: ScenarioResult, details: ScenarioDetails | undefined): string {
  if (!details) return '';
  const series: Series[] = (['baseline', 'advised'] as const).flatMap((arm) =>
    details[arm].curves.map((curve, i) => ({
      label: `${arm}: ${details[arm].label}`,
      color: ARM_COLORS[arm],
      opacity: 0.75,
      legend: i === 0,
      points: curve.map((p) => [details.curveAxis === 'seconds' ? p.seconds : p.epoch, p.accuracy * 100] as const),
    })),
  );
  const chart = lineChart(series, {
    title: `${details.title} — test accuracy per seed`,
    xLabel: AXIS_LABELS[details.curveAxis],
    yLabel: details.curveAxis === 'trial' ? 'best accuracy so far (%)' : 'test accuracy (%)',
    yMin: 0,
    yMax: 100,
  });
  const accuracyNote = result.metric === 'testAccuracy' ? '' : `<p>Final test accuracy: baseline ${pct(details.baseline.accuracy.mean)} ± ${pct(details.baseline.accuracy.std)}, advised ${pct(details.advised.accuracy.mean)} ± ${pct(details.advised.accuracy.std)}.</p>`;
  return `<section id="${escapeHtml(result.id)}"><h3>${escapeHtml(result.id)} <span class="${result.verdict}">${result.verdict}</span></h3>
<p>${escapeHtml(details.shows)} Rule <code>${escapeHtml(result.ruleId)}</code>, GUIDE ${escapeHtml(details.guide)}, ${details.data === 'mnist' ? 'MNIST' : 'synthetic data'}.
Metric (fixed in advance): ${escapeHtml(details.metricLabel)}. Effect ${escapeHtml(formatEffect(result, result.effect))}, 95% CI ${formatInterval(result)}, ${result.seeds} seeds.</p>
${accuracyNote}${chart}</section>`;
}

function batchTimeSection(details: BenchDetails): string {
  const batch = details.batchTime;
  if (!batch) return '';
  const series: Series[] = batch.series.flatMap((s, i) =>
    s.curves.map((curve, seed) => ({
      label: `batch ${s.batchSize}`,
      color: PALETTE[i % PALETTE.length] as string,
      legend: seed === 0,
      points: curve.map((p) => [p.seconds, p.accuracy * 100] as const),
    })),
  );
  const chart = lineChart(series, { title: 'GUIDE §3: test accuracy against wall-clock time', xLabel: 'training seconds', yLabel: 'test accuracy (%)', yMin: 0, yMax: 100, width: 760, height: 360 });
  const rows = batch.analysis.rows.map((r) => `<tr class="batch-row"><td class="num">${r.batchSize}</td><td class="num">${pct(r.area)}</td><td class="num">${pct(r.finalAccuracy)}</td></tr>`);
  return `<section id="batch-size-time"><h2>GUIDE §3: batch size against wall-clock time</h2>
<p>Every batch size trains for ${batch.seconds} s of wall-clock time (evaluation excluded). "Fast improvement" is the accuracy averaged over
the time budget (area under the curve); the smallest batch within 1 point of the best is the §3 choice:
<b id="smallest-fast-batch">${batch.analysis.smallestFast ?? 'n/a'}</b>.</p>
${chart}
<table><thead><tr><th>batch</th><th>mean accuracy over time</th><th>final accuracy</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function sweepSection(details: BenchDetails): string {
  const sweep = details.sweep;
  if (!sweep || sweep.rows.length === 0) return '';
  const series: Series[] = sweep.rows.map((row, i) => ({
    label: row.optimizer,
    color: PALETTE[i % PALETTE.length] as string,
    points: row.points.map((p) => [p.learningRate, p.accuracy * 100] as const),
  }));
  const chart = lineChart(series, { title: 'GUIDE §7: test accuracy against the initial learning rate', xLabel: 'learning rate (log scale)', yLabel: 'test accuracy (%)', xLog: true, yMin: 0, yMax: 100, width: 760, height: 360 });
  const rows = sweep.rows.map(
    (r) => `<tr class="sweep-row"><td>${r.optimizer}</td><td class="num">[${r.guideRange.low}, ${r.guideRange.high}]</td><td class="num">${r.bestRate}</td>
<td class="num">${r.goodRange.low} – ${r.goodRange.high}</td><td class="${r.placement === 'inside' ? 'validated' : 'inconclusive'}">${r.placement}</td></tr>`,
  );
  return `<section id="learning-rate-sweep"><h2>GUIDE §7: learning-rate sweep per optimizer</h2>
<p>Each optimizer trains the same MLP at each rate; "good" rates are within 1 point of the best. The placement says where the best rate lands against the §7 row.</p>
${chart}
<table><thead><tr><th>optimizer</th><th>§7 range</th><th>best rate</th><th>good rates</th><th>best vs §7</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

const pct = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;
