import type { FormatName } from '../adapters/adapter.js';
import type { Evidence } from '../bench/evidence-format.js';
import { PARSE_ERROR, readConfig } from '../engine/lint.js';
import { lintText } from '../rules/index.js';
import type { RuleSettings } from '../engine/settings.js';
import { pointer } from '../model/pointer.js';
import { PLATEAU } from '../knowledge/guide.js';
import { analyzeHistory } from './analyze/index.js';
import type { HistoryFinding } from './analyze/finding.js';
import { lossSeries } from './analyze/series.js';
import { evidenceClaims } from './evidence.js';
import { suggestionsFromDiagnostics } from './from-diagnostics.js';
import { suggestionsFromHistory } from './from-history.js';
import type { TrainingHistory } from './history/history.js';
import { isPlainObject } from '../model/normalize.js';
import { DEFAULT_BUDGET, makePlan } from './plan.js';
import type { TuningPlan } from './plan.js';
import { rank } from './suggestion.js';
import type { AdvisorSuggestion } from './suggestion.js';

export interface AdviseOptions {
  readonly filePath?: string;
  readonly inputFormat?: FormatName;
  readonly rules?: RuleSettings;
  readonly history?: TrainingHistory;
  /** The history's file name, for the report. */
  readonly historyFile?: string;
  /** Trials the user can afford (default 20). */
  readonly budget?: number;
  /** Bench results to cite in each suggestion (the committed evidence, or none). */
  readonly evidence?: Evidence;
}

export interface Advice {
  readonly filePath: string;
  readonly format: FormatName;
  readonly suggestions: readonly AdvisorSuggestion[];
  readonly findings: readonly HistoryFinding[];
  readonly plan: TuningPlan;
  /** The history analysed, if any: its file, format and number of logged rows. */
  readonly history?: { readonly file: string; readonly format: TrainingHistory['format']; readonly rows: number };
}

/** A config the advisor cannot read: the message says where, never a stack trace. */
export class AdviceError extends Error {
  override readonly name = 'AdviceError';
}

/**
 * The advisor: runs the rules through the engine (any format an adapter reads), turns their suggestions
 * and the history's findings into one ranked list, and plans the search for the budget. It reports no
 * diagnostics of its own: `hplint check` does that.
 */
export function advise(text: string, options: AdviseOptions = {}): Advice {
  const filePath = options.filePath ?? '<text>';
  const lintOptions = { filePath, ...(options.inputFormat ? { inputFormat: options.inputFormat } : {}), ...(options.rules ? { rules: options.rules } : {}) };
  const result = lintText(text, lintOptions);
  const parseError = result.diagnostics.find((d) => d.ruleId === PARSE_ERROR);
  if (parseError) throw new AdviceError(`${filePath}:${parseError.line}:${parseError.column}: ${parseError.message}`);
  const read = readConfig(text, lintOptions);
  if (!read.config) throw new AdviceError(`${filePath}: not a training config hplint can read (${read.reason})`);
  const findings = options.history ? analyzeHistory(options.history) : [];
  const unranked = [
    ...suggestionsFromDiagnostics(result.diagnostics, read.config),
    ...(options.history ? suggestionsFromHistory(findings, options.history, read.config) : []),
  ].map((s) => (options.evidence ? { ...s, ...evidenceClaims(s.ruleId, options.evidence, read.config?.pretrained === true) } : s));
  const suggestions = withScheduleFloor(rank(unranked));
  const validated = options.history ? lossSeries(options.history).validation.length > 0 : hasValidation(read.config);
  const plan = makePlan(read.config, suggestions, options.budget ?? DEFAULT_BUDGET, validated ? 'val_loss' : 'loss');
  const history = options.history ? { history: { file: options.historyFile ?? '<history>', format: options.history.format, rows: options.history.rows.length } } : {};
  return { filePath, format: read.format, suggestions, findings, plan, ...history };
}

/**
 * A suggested plateau schedule stops at 1/1024 of the initial rate (GUIDE §5.3): of the suggested rate when
 * another suggestion changes it, so that the two applied together still follow the policy.
 */
function withScheduleFloor(suggestions: AdvisorSuggestion[]): AdvisorSuggestion[] {
  const rate = suggestions.find((s) => s.parameter === 'optimizer.learningRate')?.suggested;
  if (typeof rate !== 'number') return suggestions;
  return suggestions.map((s) => {
    const policy = s.suggested;
    if (s.parameter !== 'schedule' || !isPlainObject(policy) || typeof policy.minLearningRate !== 'number') return s;
    const suggested = { ...policy, minLearningRate: rate / PLATEAU.floorDivisor };
    return { ...s, suggested, ...(s.edits ? { edits: s.edits.map((op) => (op.op === 'set' && op.path === pointer('schedule') ? { ...op, value: suggested } : op)) } : {}) };
  });
}

function hasValidation(config: NonNullable<ReturnType<typeof readConfig>['config']>): boolean {
  return (config.data?.validationSplit ?? 0) > 0 || (config.data?.validationSize ?? 0) > 0;
}
