import { escapeHtml, markedLineChart, PALETTE } from '../../render/svg.js';
import type { ChartMark, Series as ChartSeries } from '../../render/svg.js';
import type { Advice } from '../advise.js';
import type { HistoryFinding } from '../analyze/finding.js';
import { historyViews, smooth } from '../analyze/series.js';
import type { HistoryView, Series } from '../analyze/series.js';
import type { Point, TrainingHistory } from '../history/history.js';
import { show } from './values.js';

/** Finding kinds in the colours the charts mark them with. */
const MARK_COLORS: Readonly<Record<HistoryFinding['kind'], string>> = {
  divergence: '#c0392b',
  oscillation: '#d35400',
  plateau: '#7d3c98',
  overfitting: '#b7950b',
  underfitting: '#566573',
  'loss-magnitude-gap': '#17a589',
  'no-validation': '#888888',
};

/**
 * `hplint advise --history … --format html`: one self-contained page (inline SVG, no script) with the loss and
 * metric curves, each finding marked where it happens (its kind and epoch or step, the best epoch dashed),
 * and the suggestions beside the charts.
 */
export function formatHtml(advice: Advice, history: TrainingHistory | undefined): string {
  const charts = history ? historyViews(history).flatMap((view) => viewCharts(view, advice.findings.filter((f) => f.model === view.model))) : [];
  const title = `hplint advise: ${advice.filePath}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px; color: #222; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 18px 0 8px; }
.meta { color: #666; margin-bottom: 12px; } .warning { color: #9a5b00; }
.layout { display: flex; gap: 24px; align-items: flex-start; flex-wrap: wrap; }
.charts { flex: 0 0 auto; } .side { flex: 1 1 360px; min-width: 320px; }
.chart { display: block; margin-bottom: 12px; background: #fff; }
.chart-title { font-weight: 600; font-size: 13px; } .tick, .legend, .axis { font-size: 11px; fill: #444; }
.mark-label { font-size: 10px; font-weight: 600; }
.suggestion, .finding { border-left: 3px solid #2471a3; padding: 4px 10px; margin: 0 0 10px; }
.finding { border-color: #aaa; } .value { font-family: ui-monospace, monospace; }
.why { color: #444; font-size: 13px; }
</style></head><body>
<h1>${escapeHtml(title)}</h1>
<div class="meta">${advice.history ? `history ${escapeHtml(advice.history.file)} (${advice.history.format}, ${advice.history.rows} rows) · ` : ''}config format ${escapeHtml(advice.format)}</div>
${advice.warnings.map((w) => `<p class="warning">warning: ${escapeHtml(w)}</p>`).join('\n')}
<div class="layout">
<div class="charts">${charts.join('\n') || '<p>No training history given: nothing to plot.</p>'}</div>
<div class="side">
<h2>Suggestions</h2>
${advice.suggestions.map((s) => `<div class="suggestion"><div><b>${s.rank}.</b> <span class="value">${escapeHtml(s.parameter)}</span>: <span class="value">${escapeHtml(show(s.current))} → ${escapeHtml(show(s.suggested))}</span> <small>(${escapeHtml([s.ruleId, ...(s.alsoFrom ?? [])].join(' + '))}, GUIDE ${escapeHtml(s.guide)})</small></div><div class="why">${escapeHtml(s.rationale)}</div></div>`).join('\n') || '<p>Nothing to change: no rule or finding asks for a new value.</p>'}
<h2>Findings</h2>
${advice.findings.map((f) => `<div class="finding" style="border-color:${MARK_COLORS[f.kind]}"><b>${f.kind}</b> at ${escapeHtml(where(f))}${f.bestEpoch !== undefined ? `, best epoch ${f.bestEpoch}` : ''}<div class="why">${escapeHtml(f.detail)}</div></div>`).join('\n') || '<p>No divergence, oscillation, plateau, overfitting, underfitting or loss-magnitude gap.</p>'}
</div></div>
</body></html>
`;
}

/** The loss chart of a history's first model, with its findings marked: what `--plot FILE.svg` writes. */
export function lossPlot(advice: Advice, history: TrainingHistory): string {
  const view = historyViews(history)[0]!;
  return viewCharts(view, advice.findings.filter((f) => f.model === view.model))[0] ?? '';
}

function viewCharts(view: HistoryView, findings: readonly HistoryFinding[]): string[] {
  const x = (p: Point) => (view.stepBased ? (p.step ?? p.epoch) : p.epoch);
  const xLabel = view.stepBased ? 'optimizer step' : 'epoch (0-based)';
  const name = view.model ? ` — model "${view.model}"` : '';
  const losses: ChartSeries[] = [
    ...(view.train ? trainSeries(view.train, x) : []),
    ...view.validation.map((s, i) => line(s, PALETTE[(i + 1) % PALETTE.length]!, x)),
  ];
  const marks = findings.flatMap((f) => marksOf(f, view, x));
  const charts = losses.length > 0 ? [markedLineChart(losses, { title: `Loss${name}`, xLabel, yLabel: 'loss' }, marks)] : [];
  if (view.quality) charts.push(markedLineChart([line(view.quality, PALETTE[2]!, x)], { title: `${view.quality.name}${name}`, xLabel, yLabel: view.quality.kind }, marks));
  return charts;
}

/** A per-step training loss is drawn faint with its windowed mean over it; a per-epoch one as it is. */
function trainSeries(train: Series, x: (p: Point) => number): ChartSeries[] {
  const raw = line(train, PALETTE[0], x);
  if (train.points.length <= 60) return [raw];
  return [{ ...raw, opacity: 0.25, legend: false }, { ...line({ name: `${train.name} (mean over windows)`, points: smooth(train.points) }, PALETTE[0], x) }];
}

function line(series: Series, color: string, x: (p: Point) => number): ChartSeries {
  return { label: series.name, color, points: series.points.filter((p) => Number.isFinite(p.value)).map((p) => [x(p), p.value] as const) };
}

/** A finding's mark where it happens, and its best epoch dashed (at that epoch's last evaluation when logged by step). */
function marksOf(finding: HistoryFinding, view: HistoryView, x: (p: Point) => number): ChartMark[] {
  const color = MARK_COLORS[finding.kind];
  if (finding.kind === 'no-validation') return [];
  const at = view.stepBased ? (finding.step ?? finding.epoch) : finding.epoch;
  const marks: ChartMark[] = [{ x: at, label: `${finding.kind} · ${where(finding)}`, color }];
  if (finding.bestEpoch !== undefined) {
    const evaluated = [...view.validation.flatMap((s) => s.points), ...(view.quality?.points ?? [])].filter((p) => p.epoch === finding.bestEpoch);
    const best = view.stepBased ? (evaluated.at(-1) ? x(evaluated.at(-1)!) : undefined) : finding.bestEpoch;
    if (best !== undefined) marks.push({ x: best, label: `best epoch ${finding.bestEpoch}`, color, dashed: true });
  }
  return marks;
}

function where(finding: HistoryFinding): string {
  return `epoch ${finding.epoch}${finding.step !== undefined ? ` (step ${finding.step})` : ''}`;
}
