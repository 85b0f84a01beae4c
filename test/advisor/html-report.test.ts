import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatHtml, lossPlot } from '../../src/advisor/format/html.js';
import { readHistory } from '../../src/advisor/history/index.js';
import { adviseFixture, fixtureText } from './helpers.js';

/** The overfitting run (a real 60-epoch history): overfitting marked at epoch 20, its best epoch 8 dashed. */
const history = readHistory(fixtureText('overfitting.history.json'), 'overfitting.history.json');
const advice = adviseFixture('overfitting.config.yaml', 'overfitting.history.json');
const html = formatHtml(advice, history);

describe('advise --format html', () => {
  it('draws the loss and accuracy curves with each finding marked where it happens, and the suggestions beside', () => {
    expect(html.match(/<svg[^>]*class="chart"/g)).toHaveLength(2);
    expect(html).toContain('>overfitting · epoch 20</text>');
    expect(html).toContain('>best epoch 8</text>');
    expect(html.match(/<line class="mark"[^>]*stroke-dasharray/g)).toHaveLength(2);
    expect(html).toContain('<h2>Suggestions</h2>');
    expect(html).toContain('training.earlyStopping');
  });

  it('--plot writes the loss chart alone, a standalone SVG', () => {
    const svg = lossPlot(advice, history);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="chart"/);
    expect(svg).toContain('>overfitting · epoch 20</text>');
  });
});

const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const noChromium = !existsSync(chromium);
if (noChromium) console.warn(`[hplint tests] skipped: rendering the advise HTML report in headless Chromium (no Chromium at ${chromium}; install the Debian package "chromium" or set CHROMIUM)`);

describe.skipIf(noChromium)('the HTML report in headless Chromium', () => {
  it('renders: the DOM Chromium builds holds the charts, their curves and the finding marks, and a screenshot is drawn', () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'hplint-advise-html-'));
    try {
      const page = path.join(work, 'advice.html');
      writeFileSync(page, html);
      const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', `--user-data-dir=${path.join(work, 'profile')}`];
      const dom = execFileSync(chromium, [...flags, '--dump-dom', pathToFileURL(page).href], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 90_000 });
      expect(dom.match(/<svg[^>]*class="chart"/g)).toHaveLength(2);
      expect(dom.match(/<polyline class="series"/g)!.length).toBeGreaterThanOrEqual(3);
      expect(dom.match(/<line class="mark"/g)).toHaveLength(4);
      const shot = path.join(work, 'advice.png');
      execFileSync(chromium, [...flags, '--hide-scrollbars', '--window-size=1300,900', `--screenshot=${shot}`, pathToFileURL(page).href], { stdio: 'ignore', timeout: 90_000 });
      expect(statSync(shot).size).toBeGreaterThan(10_000);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 200_000);
});
