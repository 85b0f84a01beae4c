import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { readHistory } from '../../src/advisor/history/index.js';
import { historyViews, noise } from '../../src/advisor/analyze/series.js';
import { analyzeHistory } from '../../src/advisor/analyze/index.js';
const C = '/work/shared/corpus/histories/';
it('dump', () => {
  for (const f of (process.env.H ?? '').split(',')) {
    const h = readHistory(readFileSync(C + f, 'utf8'), f);
    for (const v of historyViews(h)) {
      const show = (s: any) => s ? `${s.name} n=${s.points.length} noise=${noise(s.points).toPrecision(3)}: ` + s.points.map((p: any) => `${p.epoch}${p.step !== undefined ? '/' + p.step : ''}:${Number(p.value.toPrecision(4))}`).join(' ') : '-';
      console.log(f, v.model ?? '', '\nTRAIN', show(v.train), '\nVAL', v.validation.map(show).join('\n'), '\nQ', show(v.quality), '\nTERMS', v.terms.map(show).join('\n'));
    }
    console.log(analyzeHistory(h).map((x) => x.kind + ': ' + x.detail).join('\n'));
  }
});
