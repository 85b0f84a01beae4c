/** Line charts as inline SVG strings: the report is one self-contained page with no script. */

export interface Series {
  readonly label: string;
  readonly color: string;
  readonly points: readonly (readonly [number, number])[];
  readonly opacity?: number;
  /** Show in the legend (several seeds of one arm share one entry). */
  readonly legend?: boolean;
}

export interface ChartOptions {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xLog?: boolean;
  readonly yMin?: number;
  readonly yMax?: number;
  /** Shaded x-intervals, e.g. the §7 range. */
  readonly bands?: readonly { readonly from: number; readonly to: number; readonly color: string }[];
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
  const margin = { left: 56, right: 250, top: 28, bottom: 44 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const all = series.flatMap((s) => s.points).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!options.xLog || x > 0));
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
    parts.push(`<rect x="${fmt(from)}" y="${margin.top}" width="${fmt(Math.max(1, px(band.to) - from))}" height="${plotH}" fill="${band.color}" opacity="0.12"/>`);
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
    const points = s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!options.xLog || x > 0));
    if (points.length === 0) continue;
    const d = points.map(([x, y]) => `${fmt(px(x))},${fmt(py(y))}`).join(' ');
    parts.push(`<polyline class="series" points="${d}" fill="none" stroke="${s.color}" stroke-width="1.8" stroke-opacity="${s.opacity ?? 1}"/>`);
    if (points.length === 1) parts.push(`<circle cx="${fmt(px(points[0]?.[0] ?? 0))}" cy="${fmt(py(points[0]?.[1] ?? 0))}" r="3" fill="${s.color}"/>`);
  }
  series.filter((s) => s.legend !== false).forEach((s, i) => {
    const y = margin.top + 8 + i * 16;
    parts.push(`<line x1="${width - margin.right + 10}" x2="${width - margin.right + 28}" y1="${y}" y2="${y}" stroke="${s.color}" stroke-width="3"/>`);
    parts.push(`<text x="${width - margin.right + 32}" y="${y + 4}" class="legend">${escapeHtml(s.label)}</text>`);
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
