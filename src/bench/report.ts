import { forestPlot, escapeHtml, lineChart, PALETTE } from '../render/svg.js';
import type { Series } from '../render/svg.js';
import { EXCLUDED_FROM_SWEEP } from './experiments.js';
import type { BenchDetails, BenchResults, ScenarioDetails, ScenarioResult } from './results.js';
import { measureLabel } from './results.js';
import { mean, std, studentTQuantile } from './stats.js';
import { formatEffect, formatInterval, formatMetric, formatMinimal } from './summary.js';
import type { CurvePoint } from './spec.js';

/** `DIR/report.html`: one self-contained page (inline CSS and SVG, no script, nothing fetched). */

const ARM_COLORS = { baseline: '#c0392b', advised: '#2471a3' } as const;
const VERDICT_COLORS = { validated: '#1e8449', 'no-effect': '#566573', contradicted: '#c0392b', inconclusive: '#9a7d0a' } as const;
const AXIS_LABELS = { epoch: 'epoch', seconds: 'training seconds', trial: 'trial' } as const;

export function renderReport(results: BenchResults, details: BenchDetails): string {
  const body = [
    header(results, details),
    verdictTable(results, details),
    effectPlot(results),
    ...results.scenarios.map((r) => scenarioSection(r, details.scenarios.find((d) => d.id === r.id))),
    batchTimeSection(details),
    sweepSection(details),
  ].join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>hplint bench report</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0}#verdicts{font-size:12px}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#f4f4f4}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.validated{color:#1e8449;font-weight:600}.contradicted{color:#c0392b;font-weight:600}.inconclusive{color:#9a7d0a;font-weight:600}.no-effect{color:#566573;font-weight:600}
.chart-title{font-weight:600;font-size:13px}.tick{font-size:11px;fill:#555}.axis{font-size:12px}.legend{font-size:11px}
section{margin:2em 0;border-top:1px solid #eee}.note{color:#666}.small-multiples{display:flex;flex-wrap:wrap;gap:8px}
</style></head><body>
${body}
</body></html>
`;
}

function header(results: BenchResults, details: BenchDetails): string {
  const env = results.environment;
  const fallback = results.backendFallback;
  const notes = fallback.notUsed.length ? ` Not used: ${escapeHtml(fallback.notUsed.join('; '))}.` : '';
  const failures = details.failures.length ? `<p class="contradicted">Failed runs: ${escapeHtml(details.failures.join('; '))}</p>` : '';
  const interrupted = details.interrupted ? '<p class="inconclusive">The run was interrupted: these are the results that finished.</p>' : '';
  return `<h1>hplint bench</h1>
<p id="machine">Machine: ${env.cpus} × ${escapeHtml(env.cpuModel)}, ${env.memoryGiB} GiB, ${escapeHtml(env.machine)} · load average ${env.load.start.join(' / ')} at the start, ${env.load.end.join(' / ')} at the end ·
Node ${escapeHtml(env.node)} · TF.js ${escapeHtml(env.tfjs)} · commit <code>${escapeHtml(env.commit)}</code> · ${escapeHtml(env.date)}</p>
<p>Backend used: <b id="backend">${escapeHtml(results.backend)}</b> (fallback order: ${escapeHtml(fallback.order.join(' → '))}).${notes}
${details.workers} worker(s) · ${escapeHtml(details.budget)} budget · ${details.wallSeconds.toFixed(0)} s wall-clock · hplint ${escapeHtml(results.tool.version)}</p>
${failures}${interrupted}
<p class="note">Each scenario trains a baseline (the config a rule reports) and the advised config (the rule's own suggestion, applied as
<code>--fix-unsafe</code> applies it) with the same seeds: a seed fixes the training subset, the initialisation, the dropout masks and the
shuffling, so the two arms of a seed form a pair. Effect: the mean of the per-seed differences, signed so that positive means the advice
helped, with its paired Student-t 95% interval. Each scenario declares a minimal effect in advance. <i>validated</i>: the interval lies above the
minimal effect; <i>no-effect</i>: inside ± the minimal effect; <i>contradicted</i>: below zero and past − the minimal effect; <i>inconclusive</i>: otherwise.
${escapeHtml(results.statistics.note)}</p>`;
}

function verdictTable(results: BenchResults, details: BenchDetails): string {
  const rows = results.scenarios.map((r) => {
    const d = details.scenarios.find((s) => s.id === r.id);
    return `<tr class="verdict-row" data-scenario="${escapeHtml(r.id)}"><td><a href="#${escapeHtml(r.id)}">${escapeHtml(r.id)}</a><br><span class="note">${escapeHtml(r.ruleId)} · ${escapeHtml(d?.metricLabel ?? r.metric)}</span></td>
<td>${escapeHtml(d?.baseline.label ?? '')}<br><b>${formatMetric(r, r.baseline.mean)} ± ${formatMetric(r, r.baseline.std)}</b></td><td>${escapeHtml(d?.advised.label ?? '')}<br><b>${formatMetric(r, r.advised.mean)} ± ${formatMetric(r, r.advised.std)}</b></td>
<td class="num">${escapeHtml(formatEffect(r, r.effect.mean))}</td><td class="num">${formatInterval(r)}</td><td class="num">${formatMinimal(r)}</td><td class="num">${r.seeds.length}</td>
<td class="num">${r.pHolm < 0.001 ? '&lt;0.001' : r.pHolm.toFixed(3)}</td><td class="${r.verdict}">${r.verdict}</td></tr>`;
  });
  const counts = (['validated', 'no-effect', 'contradicted', 'inconclusive'] as const).map((v) => `${results.scenarios.filter((r) => r.verdict === v).length} ${v}`).join(', ');
  return `<h2>Verdicts</h2>
<p>${counts} of ${results.scenarios.length} scenarios.</p>
<table id="verdicts"><thead><tr><th>scenario (rule · metric)</th><th>baseline (mean ± sd)</th><th>advised (mean ± sd)</th><th>effect</th><th>paired 95% CI</th><th>minimal effect</th><th>seeds</th><th>Holm p</th><th>verdict</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function effectPlot(results: BenchResults): string {
  const rows = results.scenarios.map((r) => ({
    label: r.id,
    low: r.effect.ci95?.[0] ?? Number.NaN,
    mean: r.effect.mean,
    high: r.effect.ci95?.[1] ?? Number.NaN,
    minimal: r.minimalEffect,
    color: VERDICT_COLORS[r.verdict],
    note: `${formatEffect(r, r.effect.mean)} ${formatInterval(r)} · ${r.verdict}`,
  }));
  return `<section id="effect-sizes"><h2>Effect sizes</h2>
<p>Each scenario's paired 95% interval (line) and mean (dot), divided by the minimal effect it declared, so scenarios in points and in epochs share one axis.</p>
${forestPlot(rows, { title: 'Paired effect of the advice against each scenario’s minimal effect' })}</section>`;
}

/** Mean and 95% interval over seeds at each x, where every curve has a point (linear interpolation between points). */
export function meanBand(curves: readonly (readonly CurvePoint[])[], x: (p: CurvePoint) => number, scale = 100): { points: [number, number][]; band: [number, number, number][] } {
  const usable = curves.filter((c) => c.length > 0);
  if (usable.length === 0) return { points: [], band: [] };
  const end = Math.min(...usable.map((c) => x(c.at(-1) as CurvePoint)));
  const xs = [...new Set(usable.flatMap((c) => c.map(x)))].filter((v) => v <= end).sort((a, b) => a - b);
  const at = (curve: readonly CurvePoint[], v: number) => {
    const after = curve.findIndex((p) => x(p) >= v);
    if (after <= 0) return (curve[Math.max(0, after)] as CurvePoint).accuracy;
    const [a, b] = [curve[after - 1] as CurvePoint, curve[after] as CurvePoint];
    return a.accuracy + ((b.accuracy - a.accuracy) * (v - x(a))) / (x(b) - x(a) || 1);
  };
  const points: [number, number][] = [];
  const band: [number, number, number][] = [];
  for (const v of xs) {
    const values = usable.map((c) => at(c, v) * scale);
    const m = mean(values);
    const half = values.length > 1 ? (studentTQuantile(0.975, values.length - 1) * std(values)) / Math.sqrt(values.length) : 0;
    points.push([v, m]);
    band.push([v, m - half, m + half]);
  }
  return { points, band };
}

function scenarioSection(result: ScenarioResult, details: ScenarioDetails | undefined): string {
  if (!details) return '';
  const xOf = (p: CurvePoint) => (details.curveAxis === 'seconds' ? p.seconds : p.epoch);
  const series: Series[] = (['baseline', 'advised'] as const).map((arm) => ({
    label: `${arm}: ${details[arm].label} (mean ± 95% interval over ${details[arm].curves.length} seeds)`,
    color: ARM_COLORS[arm],
    ...meanBand(details[arm].curves, xOf),
  }));
  const chart = lineChart(series, {
    title: `${details.title}`,
    xLabel: AXIS_LABELS[details.curveAxis],
    yLabel: details.curveAxis === 'trial' ? 'test accuracy of the choice so far (%)' : 'test accuracy (%)',
  });
  const measures = Object.entries(result.measures).map(
    ([name, m]) =>
      `<li>${escapeHtml(measureLabel(name))}: baseline ${fmtMeasure(name, m.baseline.mean)}, advised ${fmtMeasure(name, m.advised.mean)}, paired effect ${fmtMeasure(name, m.effect.mean, true)}${m.effect.ci95 ? ` [${fmtMeasure(name, m.effect.ci95[0])}, ${fmtMeasure(name, m.effect.ci95[1])}]` : ''}</li>`,
  );
  const advice = [...new Set(result.advice.map((a) => `<code>${escapeHtml(a.path)}</code> → <code>${escapeHtml(shorten(JSON.stringify(a.value) ?? 'a change'))}</code>`))].join(', ');
  return `<section id="${escapeHtml(result.id)}"><h3>${escapeHtml(result.id)} <span class="${result.verdict}">${result.verdict}</span></h3>
<p>${escapeHtml(details.shows)} Rule <code>${escapeHtml(result.ruleId)}</code>, GUIDE ${escapeHtml(details.guide)}, ${details.data === 'mnist' ? 'MNIST' : 'synthetic data'}.
The rule suggested ${advice || 'a change'}.</p>
<p class="note">Design: ${escapeHtml(details.design)}${result.selection === 'validation' ? ' Policies and choices watch the validation split; the test set only scores.' : ''}</p>
<p>Metric (fixed in advance): ${escapeHtml(details.metricLabel)}. Effect ${escapeHtml(formatEffect(result, result.effect.mean))}, paired 95% CI ${formatInterval(result)},
minimal effect ${formatMinimal(result)}, seeds ${result.seeds.join(', ')}.</p>
${measures.length ? `<ul>${measures.join('')}</ul>` : ''}${chart}</section>`;
}

/** A suggested value as the report prints it: a long one (a whole layer list) is cut, results.json has it all. */
function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function fmtMeasure(name: string, value: number, signed = false): string {
  const sign = signed && value > 0 ? '+' : '';
  return name === 'varianceShift' ? `${sign}${value.toFixed(3)}` : `${sign}${(value * 100).toFixed(1)}${signed ? ' pts' : '%'}`;
}

function batchTimeSection(details: BenchDetails): string {
  const batch = details.batchTime;
  if (!batch) return '';
  const series: Series[] = batch.series.map((s, i) => ({
    label: `batch ${s.batchSize}`,
    color: PALETTE[i % PALETTE.length] as string,
    ...meanBand(s.curves, (p) => p.seconds),
  }));
  const chart = lineChart(series, { title: 'GUIDE §3: test accuracy against wall-clock time', xLabel: 'training seconds', yLabel: 'test accuracy (%)', yMin: 0, yMax: 100, width: 760, height: 360, legendWidth: 120 });
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
  // Small multiples: one chart per optimizer with its own §7 row shaded, so the ranges do not overlap.
  const charts = sweep.rows.map((row, i) =>
    lineChart([{ label: row.optimizer, color: PALETTE[i % PALETTE.length] as string, points: row.points.map((p) => [p.learningRate, p.accuracy * 100] as const) }], {
      title: `${row.optimizer}: best ${row.bestRate} (${row.placement} §7)`,
      xLabel: 'learning rate (log scale)',
      yLabel: 'test accuracy (%)',
      xLog: true,
      yMin: 0,
      yMax: 100,
      width: 340,
      height: 230,
      legendWidth: 0,
      bands: [{ from: row.guideRange.low, to: row.guideRange.high, color: '#1e8449', label: '§7' }],
    }),
  );
  const rows = sweep.rows.map(
    (r) => `<tr class="sweep-row"><td>${r.optimizer}</td><td class="num">[${r.guideRange.low}, ${r.guideRange.high}]</td><td class="num">${r.bestRate}</td>
<td class="num">${r.goodRange.low} – ${r.goodRange.high}</td><td class="${r.placement === 'inside' ? 'validated' : 'inconclusive'}">${r.placement}</td></tr>`,
  );
  const excluded = EXCLUDED_FROM_SWEEP.map((e) => `<li><b>${escapeHtml(e.optimizer)}</b>: ${escapeHtml(e.reason)}</li>`).join('');
  return `<section id="learning-rate-sweep"><h2>GUIDE §7: learning-rate sweep per optimizer</h2>
<p>Each optimizer trains the same MLP at each rate; the green band is its §7 row; "good" rates are within 1 point of the best.</p>
<div class="small-multiples">${charts.join('')}</div>
<table><thead><tr><th>optimizer</th><th>§7 range</th><th>best rate</th><th>good rates</th><th>best vs §7</th></tr></thead><tbody>${rows.join('')}</tbody></table>
<p>Not swept:</p><ul id="sweep-excluded">${excluded}</ul></section>`;
}

const pct = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;
