import { formatNumber } from '../../rules/util.js';
import type { Advice } from '../advise.js';
import type { TuningPlan } from '../plan.js';
import { htmlText, markdownCode, markdownText } from '../../render/escape.js';
import { plural } from '../../render/text.js';
import { show, showOrigin, showRange, showRates } from './values.js';

/** The rationale's first sentence, for the table; the full text is in the folded details. */
function firstSentence(text: string): string {
  const match = /^.*?\.(\s|$)/.exec(text);
  return (match ? match[0] : text).trim();
}

/** `--format markdown`: a table for a pull-request comment or `$GITHUB_STEP_SUMMARY`, the rest folded in <details>. */
export function formatMarkdown(advice: Advice): string {
  const out: string[] = [`## hplint advise: ${markdownCode(advice.filePath)}`, ''];
  const history = advice.history ? ` and the training history ${markdownCode(advice.history.file)} (${advice.history.format}, ${plural(advice.history.rows, 'row')})` : '';
  if (advice.suggestions.length === 0) out.push(`✅ No changes suggested for this ${advice.format} config${history}.`, '');
  else {
    out.push(`**${plural(advice.suggestions.length, 'suggestion')}** from the ${advice.format} config${history}, most important first (GUIDE §6).`, '');
    out.push('| # | Parameter | Current | Suggested | Range | Tier | Source | Why |', '|--:|---|---|---|---|:-:|---|---|');
    for (const s of advice.suggestions) {
      out.push(`| ${s.rank} | ${markdownCode(s.parameter, true)} | ${markdownText(show(s.current))} | **${markdownText(show(s.suggested))}** | ${showRange(s.range)} | ${s.tier ?? '–'} | ${s.source} | ${markdownText(firstSentence(s.rationale))} |`);
    }
    out.push('');
  }
  if (advice.history) {
    out.push('### Training history', '');
    if (advice.findings.length === 0) out.push('No divergence, oscillation, plateau, overfitting, underfitting or loss-magnitude gap.', '');
    else {
      out.push('| Finding | Epoch | Best epoch | Detail |', '|---|--:|--:|---|');
      for (const f of advice.findings) out.push(`| ${f.kind} | ${f.epoch}${f.step !== undefined ? ` (step ${f.step})` : ''} | ${f.bestEpoch ?? ''} | ${markdownText(f.detail)} |`);
      out.push('');
    }
  }
  if (advice.suggestions.length > 0) {
    out.push('<details><summary>Why each suggestion</summary>', '');
    for (const s of advice.suggestions) {
      out.push(`${s.rank}. ${markdownCode(s.parameter)} → **${markdownText(show(s.suggested))}** (${showOrigin(s.ruleId, s.alsoFrom)}, GUIDE ${s.guide || '—'}): ${markdownText(s.rationale)}`);
      for (const claim of s.evidence ?? []) out.push(`   - bench: ${markdownText(claim)}`);
    }
    out.push('', '</details>', '');
  }
  out.push(...planMarkdown(advice.plan));
  return out.join('\n');
}

function planMarkdown(plan: TuningPlan): string[] {
  const out = [`<details><summary>Tuning plan for ${plural(plan.budget, 'trial')}: ${plan.strategy === 'grid' ? 'grid' : 'quasi-random'} search over ${plan.search.map((d) => `\`${htmlText(d.parameter)}\``).join(', ') || 'nothing'}</summary>`, ''];
  out.push(`**Search** (${plural(plan.trials, 'trial')}): ${markdownText(plan.strategyWhy)}`, '');
  if (plan.search.length > 0) {
    out.push('| Parameter | Tier | Scale | Range | Values |', '|---|:-:|---|---|---|');
    for (const d of plan.search) out.push(`| ${markdownCode(d.parameter, true)} | ${d.tier ?? '–'} | ${d.scale} | ${showRange(d.range)} | ${d.values ? d.values.map((v) => formatNumber(v)).join(', ') : 'sampled'} |`);
    out.push('');
  }
  for (const f of plan.fixed) out.push(`- keep ${markdownCode(f.parameter)} = ${formatNumber(f.value)}: ${markdownText(f.why)}`);
  if (plan.fixed.length > 0) out.push('');
  out.push(`**Schedule**: ${markdownText(plan.schedule.description)}${plan.schedule.rates ? ` Rates: ${showRates(plan.schedule.rates)}, then stop.` : ''}`, '');
  out.push(`**Early stopping**: ${markdownText(plan.earlyStopping.description)}`, '');
  out.push(`**Batch size** (GUIDE §3)${plan.batchSize.current !== undefined ? `, now ${plan.batchSize.current}` : ''}:`, '');
  plan.batchSize.steps.forEach((step, i) => out.push(`${i + 1}. ${markdownText(step)}`));
  out.push('', '</details>', '');
  return out;
}
