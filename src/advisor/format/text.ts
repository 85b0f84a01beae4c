import { Chalk } from 'chalk';
import type { ChalkInstance } from 'chalk';
import type { Severity } from '../../engine/rule.js';
import { formatNumber } from '../../rules/util.js';
import type { Advice } from '../advise.js';
import type { TuningPlan } from '../plan.js';
import { terminalText as t } from '../../render/escape.js';
import { plural } from '../../render/text.js';
import { show, showOrigin, showRange, showRates } from './values.js';

/** `--format text`: for a terminal, coloured when `color` (a TTY, NO_COLOR/FORCE_COLOR respected by the caller). */
export function formatText(advice: Advice, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const out: string[] = [];
  const history = advice.history ? ` · history ${t(advice.history.file)}: ${advice.history.format}, ${plural(advice.history.rows, 'row')}` : '';
  out.push(c.bold(`hplint advise ${t(advice.filePath)}`) + c.dim(` · ${advice.format}${history}`), '');
  out.push(c.bold.underline('Suggestions') + c.dim(' — most important first (GUIDE §6 tiers, then severity)'));
  if (advice.suggestions.length === 0) out.push('  Nothing to change: no rule or finding asks for a new value.');
  for (const s of advice.suggestions) {
    out.push(
      `  ${c.bold(`${s.rank}.`)} ${c.cyan(t(s.parameter))}  ${t(show(s.current))} → ${c.bold.green(t(show(s.suggested)))}` +
        c.dim(`  range ${showRange(s.range)} · tier ${s.tier ?? '–'} · `) + severity(c, s.severity) + c.dim(` · ${s.source} · ${showOrigin(s.ruleId, s.alsoFrom)}`),
    );
    out.push(`     ${t(s.rationale)}`);
    out.push(c.dim(`     GUIDE ${s.guide || '—'}`));
    for (const claim of s.evidence ?? []) out.push(c.dim(`     bench: ${t(claim)}`));
  }
  if (advice.history) {
    out.push('', c.bold.underline('Training history'));
    if (advice.findings.length === 0) out.push('  No divergence, oscillation, plateau, overfitting, underfitting or loss-magnitude gap.');
    for (const f of advice.findings) {
      const where = `epoch ${f.epoch}${f.step !== undefined ? `, step ${f.step}` : ''}${f.bestEpoch !== undefined ? `, best epoch ${f.bestEpoch}` : ''}`;
      out.push(`  ${c.yellow(f.kind)} ${c.dim(`(${where})`)}: ${t(f.detail)}`);
    }
  }
  out.push('', ...planLines(advice.plan, c), '');
  return out.join('\n');
}

function severity(c: ChalkInstance, level: Severity): string {
  return level === 'error' ? c.red(level) : level === 'warning' ? c.yellow(level) : c.blue(level);
}

function planLines(plan: TuningPlan, c: ChalkInstance): string[] {
  const out = [c.bold.underline(`Tuning plan for ${plural(plan.budget, 'trial')}`)];
  out.push(`  ${c.bold('Search')}: ${plan.strategy === 'grid' ? 'grid' : 'quasi-random'}, ${plural(plan.trials, 'trial')}. ${t(plan.strategyWhy)}`);
  const width = Math.max(0, ...plan.search.map((d) => t(d.parameter).length));
  for (const d of plan.search) {
    const values = d.values ? `: ${d.values.map((v) => formatNumber(v)).join(', ')}` : '';
    out.push(`    ${c.cyan(t(d.parameter).padEnd(width))}  ${d.scale.padEnd(6)} ${showRange(d.range)}${values}`);
    out.push(c.dim(`    ${' '.repeat(width)}  ${t(d.why)}`));
  }
  for (const f of plan.fixed) out.push(`    ${c.cyan(t(f.parameter))} = ${formatNumber(f.value)} ${c.dim(`— ${t(f.why)}`)}`);
  out.push(`  ${c.bold('Schedule')}: ${t(plan.schedule.description)}`);
  if (plan.schedule.rates) out.push(`    rates: ${showRates(plan.schedule.rates)}, then stop`);
  out.push(`  ${c.bold('Early stopping')}: ${t(plan.earlyStopping.description)}`);
  out.push(`  ${c.bold('Batch size')} (GUIDE §3)${plan.batchSize.current !== undefined ? `, now ${plan.batchSize.current}` : ''}:`);
  plan.batchSize.steps.forEach((step, i) => out.push(`    ${i + 1}. ${t(step)}`));
  return out;
}
