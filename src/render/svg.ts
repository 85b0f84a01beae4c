/** Line charts as inline SVG strings: the report is one self-contained page with no script. */

export interface Series {
  readonly label: string;
  readonly color: string;
  readonly points: readonly (readonly [number, number])[];
  readonly opacity?: number;
  /** Show in the legend (several seeds of one arm share one entry). */
  readonly legend?: boolean;
  /** A shaded band around the line: [x, low, high] per point (e.g. a 95% interval of the mean over seeds). */
  readonly band?: readonly (readonly [number, number, number])[];
}

export interface ChartOptions {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xLog?: boolean;
  readonly yMin?: number;
  readonly yMax?: number;
  /** Shaded x-intervals, e.g. the §7 range; `label` is written at the band's top. */
  readonly bands?: readonly { readonly from: number; readonly to: number; readonly color: string; readonly label?: string }[];
  /** Width kept right of the plot for the legend (default 250; 0 for no legend). */
  readonly legendWidth?: number;
  readonly width?: number;
  readonly height?: number;
}

export const PALETTE = ['#c0392b', '#2471a3', '#239b56', '#b7950b', '#7d3c98', '#d35400', '#17a589', '#566573'] as const;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const fmt = (n: number) => Number(n.toFixed(1)).toString();

function niceTicks(low: number, high: number, count: number): number[] {
  if (!(high > low)) return [low];
  const raw = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw);
  const ticks: number[] = [];
  for (let t = Math.ceil(low / step) * step; t <= high + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(6)));
  return ticks;
}

function tickLabel(value: number): string {
  if (value !== 0 && (Math.abs(value) < 1e-2 || Math.abs(value) >= 1e4)) return value.toExponential(0).replace('e+', 'e');
  return String(Number(value.toPrecision(3)));
}

/** Where a chart's plot area lies and how data maps onto it: shared by every chart kind. */
interface Frame {
  readonly width: number;
  readonly height: number;
  readonly margin: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly plotW: number;
  readonly plotH: number;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
  px(x: number): number;
  py(y: number): number;
}

function chartFrame(series: readonly Series[], options: ChartOptions): Frame {
  const width = options.width ?? 760;
  const height = options.height ?? 300;
  const margin = { left: 56, right: options.legendWidth ?? 250, top: 28, bottom: 44 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const all = series.flatMap((s) => [...s.points, ...(s.band ?? []).flatMap(([x, lo, hi]) => [[x, lo] as const, [x, hi] as const])]).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!options.xLog || x > 0));
  const tx = (x: number) => (options.xLog ? Math.log10(x) : x);
  const xs = all.map(([x]) => tx(x));
  const ys = all.map(([, y]) => y);
  let xMin = xs.length ? Math.min(...xs) : 0;
  let xMax = xs.length ? Math.max(...xs) : 1;
  if (xMax === xMin) [xMin, xMax] = [xMin - 1, xMax + 1];
  const yMin = options.yMin ?? (ys.length ? Math.min(...ys) : 0);
  let yMax = options.yMax ?? (ys.length ? Math.max(...ys) : 1);
  if (yMax === yMin) yMax = yMin + 1;
  return {
    width, height, margin, plotW, plotH, xMin, xMax, yMin, yMax,
    px: (x: number) => margin.left + ((tx(x) - xMin) / (xMax - xMin)) * plotW,
    py: (y: number) => margin.top + plotH - ((Math.min(Math.max(y, yMin), yMax) - yMin) / (yMax - yMin)) * plotH,
  };
}

export function lineChart(series: readonly Series[], options: ChartOptions): string {
  const { width, height, margin, plotW, plotH, xMin, xMax, yMin, yMax, px, py } = chartFrame(series, options);

  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(options.title)}">`);
  parts.push(`<text x="${margin.left}" y="16" class="chart-title">${escapeHtml(options.title)}</text>`);
  for (const band of options.bands ?? []) {
    const from = px(band.from);
    parts.push(`<rect class="range-band" x="${fmt(from)}" y="${margin.top}" width="${fmt(Math.max(1, px(band.to) - from))}" height="${plotH}" fill="${band.color}" opacity="0.15"/>`);
    if (band.label) parts.push(`<text x="${fmt(from + 3)}" y="${margin.top + 12}" class="tick">${escapeHtml(band.label)}</text>`);
  }
  const yTicks = niceTicks(yMin, yMax, 5);
  for (const t of yTicks) {
    parts.push(`<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${fmt(py(t))}" y2="${fmt(py(t))}" stroke="#ddd"/>`);
    parts.push(`<text x="${margin.left - 6}" y="${fmt(py(t) + 4)}" text-anchor="end" class="tick">${tickLabel(t)}</text>`);
  }
  const xTicks = options.xLog ? niceTicks(Math.ceil(xMin), Math.floor(xMax), Math.max(1, Math.floor(xMax) - Math.ceil(xMin))).map((e) => 10 ** e) : niceTicks(xMin, xMax, 6);
  for (const t of xTicks) {
    parts.push(`<text x="${fmt(px(t))}" y="${margin.top + plotH + 16}" text-anchor="middle" class="tick">${tickLabel(t)}</text>`);
  }
  parts.push(`<rect x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#888"/>`);
  parts.push(`<text x="${margin.left + plotW / 2}" y="${height - 8}" text-anchor="middle" class="axis">${escapeHtml(options.xLabel)}</text>`);
  parts.push(`<text x="14" y="${margin.top + plotH / 2}" text-anchor="middle" class="axis" transform="rotate(-90 14 ${margin.top + plotH / 2})">${escapeHtml(options.yLabel)}</text>`);
  for (const s of series) {
    const band = (s.band ?? []).filter(([x, lo, hi]) => Number.isFinite(x) && Number.isFinite(lo) && Number.isFinite(hi) && (!options.xLog || x > 0));
    if (band.length > 1) {
      const outline = [...band.map(([x, , hi]) => `${fmt(px(x))},${fmt(py(hi))}`), ...[...band].reverse().map(([x, lo]) => `${fmt(px(x))},${fmt(py(lo))}`)];
      parts.push(`<polygon class="interval-band" points="${outline.join(' ')}" fill="${s.color}" opacity="0.18"/>`);
    }
  }
  for (const s of series) {
    const points = s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!options.xLog || x > 0));
    if (points.length === 0) continue;
    const d = points.map(([x, y]) => `${fmt(px(x))},${fmt(py(y))}`).join(' ');
    parts.push(`<polyline class="series" points="${d}" fill="none" stroke="${s.color}" stroke-width="1.8" stroke-opacity="${s.opacity ?? 1}"/>`);
    if (points.length === 1) parts.push(`<circle cx="${fmt(px(points[0]?.[0] ?? 0))}" cy="${fmt(py(points[0]?.[1] ?? 0))}" r="3" fill="${s.color}"/>`);
  }
  legend(parts, series.filter((s) => s.legend !== false), width - margin.right + 10, margin.top + 8, margin.right - 14);
  parts.push('</svg>');
  return parts.join('');
}

/** Characters of 11 px legend text that fit in `width` pixels (about 6 px a character). */
const charsIn = (width: number) => Math.max(8, Math.floor((width - 22) / 6));

/** Breaks `text` into lines of at most `max` characters at spaces (a longer word gets its own line). */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A legend whose entries wrap to the width it is given, so long labels never run off the chart. */
function legend(parts: string[], entries: readonly Pick<Series, 'label' | 'color'>[], x: number, top: number, width: number): void {
  let y = top;
  for (const entry of entries) {
    parts.push(`<line x1="${x}" x2="${x + 18}" y1="${y}" y2="${y}" stroke="${entry.color}" stroke-width="3"/>`);
    for (const [i, line] of wrapText(entry.label, charsIn(width)).entries()) parts.push(`<text x="${x + 22}" y="${y + 4 + i * 13}" class="legend">${escapeHtml(line)}</text>`);
    y += 13 * wrapText(entry.label, charsIn(width)).length + 5;
  }
}

export interface ForestRow {
  readonly label: string;
  /** The interval and the point estimate, in the row's own unit. */
  readonly low: number;
  readonly mean: number;
  readonly high: number;
  /** The smallest effect worth having, in the same unit: the plot's x-axis is in multiples of it. */
  readonly minimal: number;
  readonly color: string;
  /** The effect in words, written at the right (e.g. `+2.1 pts [1.4, 2.8]`). */
  readonly note: string;
}

/**
 * A forest plot: one row per comparison, its interval and mean against its own minimal effect. Rows
 * with different units share one axis because x is the effect divided by the row's minimal effect, on
 * an asinh scale (linear near 0, logarithmic far out) so that +0.5 and +80 points both read.
 */
export function forestPlot(rows: readonly ForestRow[], options: { readonly title: string; readonly width?: number }): string {
  const width = options.width ?? 980;
  const rowH = 22;
  const margin = { left: 230, right: 260, top: 40, bottom: 46 };
  const plotW = width - margin.left - margin.right;
  const height = margin.top + rows.length * rowH + margin.bottom;
  const t = (v: number) => Math.asinh(v);
  const scaled = rows.flatMap((r) => [r.low / r.minimal, r.mean / r.minimal, r.high / r.minimal]).filter(Number.isFinite);
  const extent = Math.max(3, ...scaled.map(Math.abs));
  const [lo, hi] = [-t(Math.min(extent, Math.max(3, -Math.min(0, ...scaled)))), t(extent)];
  const px = (v: number) => margin.left + ((t(v) - lo) / (hi - lo)) * plotW;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" class="chart forest" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(options.title)}">`);
  parts.push(`<text x="${margin.left}" y="16" class="chart-title">${escapeHtml(options.title)}</text>`);
  const plotBottom = margin.top + rows.length * rowH;
  parts.push(`<rect x="${fmt(px(-1))}" y="${margin.top}" width="${fmt(px(1) - px(-1))}" height="${rows.length * rowH}" fill="#999" opacity="0.15"/>`);
  for (const tick of [-100, -10, -3, -1, 0, 1, 3, 10, 100, 1000].filter((v) => t(v) >= lo && t(v) <= hi)) {
    parts.push(`<line x1="${fmt(px(tick))}" x2="${fmt(px(tick))}" y1="${margin.top}" y2="${plotBottom}" stroke="${tick === 0 ? '#555' : tick === 1 ? '#1e8449' : '#ddd'}" ${tick === 1 ? 'stroke-dasharray="4 3"' : ''}/>`);
    parts.push(`<text x="${fmt(px(tick))}" y="${plotBottom + 16}" text-anchor="middle" class="tick">${tick}</text>`);
  }
  parts.push(`<text x="${margin.left + plotW / 2}" y="${height - 8}" text-anchor="middle" class="axis">effect ÷ minimal effect (grey: inside ± the minimal effect; dashed: the minimal effect)</text>`);
  rows.forEach((row, i) => {
    const y = margin.top + i * rowH + rowH / 2;
    const clamp = (v: number) => Math.max(-extent, Math.min(extent, v / row.minimal));
    parts.push(`<text x="${margin.left - 8}" y="${y + 4}" text-anchor="end" class="legend">${escapeHtml(row.label)}</text>`);
    if (Number.isFinite(row.low) && Number.isFinite(row.high)) parts.push(`<line class="interval" x1="${fmt(px(clamp(row.low)))}" x2="${fmt(px(clamp(row.high)))}" y1="${y}" y2="${y}" stroke="${row.color}" stroke-width="3"/>`);
    parts.push(`<circle cx="${fmt(px(clamp(row.mean)))}" cy="${y}" r="4" fill="${row.color}"/>`);
    parts.push(`<text x="${margin.left + plotW + 8}" y="${y + 4}" class="legend">${escapeHtml(row.note)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

/** A vertical mark on a chart: a finding where it happened, the best epoch. */
export interface ChartMark {
  readonly x: number;
  readonly label: string;
  readonly color: string;
  readonly dashed?: boolean;
}

/**
 * A line chart with vertical marks at given x positions, each labelled at the top of the plot (labels that
 * would overlap step down a line). The marks are drawn over the series.
 */
export function markedLineChart(series: readonly Series[], options: ChartOptions, marks: readonly ChartMark[]): string {
  const chart = lineChart(series, options);
  const { margin, plotH, xMin, xMax, px } = chartFrame(series, options);
  const placed: { x: number; row: number }[] = [];
  const drawn = marks.flatMap((mark) => {
    const x = px(mark.x);
    if (!Number.isFinite(x) || mark.x < (options.xLog ? 10 ** xMin : xMin) || mark.x > (options.xLog ? 10 ** xMax : xMax)) return [];
    const row = placed.filter((p) => Math.abs(p.x - x) < 90).reduce((r, p) => Math.max(r, p.row + 1), 0);
    placed.push({ x, row });
    const y = margin.top + 10 + row * 11;
    return [
      `<line class="mark" x1="${fmt(x)}" x2="${fmt(x)}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="${mark.color}" stroke-width="1.5"${mark.dashed ? ' stroke-dasharray="4 3"' : ''}/>`,
      `<text class="mark-label" x="${fmt(x + 3)}" y="${fmt(y)}" fill="${mark.color}">${escapeHtml(mark.label)}</text>`,
    ];
  });
  return chart.replace(/<\/svg>$/, `${drawn.join('')}</svg>`);
}
