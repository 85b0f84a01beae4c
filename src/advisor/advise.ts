import type { FormatName } from '../adapters/adapter.js';
import type { Evidence } from '../bench/evidence-format.js';
import { fixText } from '../engine/fix.js';
import { lintAndRead, PARSE_ERROR, readConfig } from '../engine/lint.js';
import type { ReadConfig } from '../engine/lint.js';
import { resolveRules } from '../engine/settings.js';
import type { RuleSettings } from '../engine/settings.js';
import type { TrainingConfig } from '../model/types.js';
import { RULES } from '../rules/index.js';
import { analyzeHistory } from './analyze/index.js';
import type { HistoryFinding } from './analyze/finding.js';
import { historyViews } from './analyze/series.js';
import { evidenceClaims } from './evidence.js';
import { suggestionsFromDiagnostics } from './from-diagnostics.js';
import { suggestionsFromHistory } from './from-history.js';
import type { TrainingHistory } from './history/history.js';
import { isPlainObject } from '../model/normalize.js';
import { DEFAULT_BUDGET, makePlan } from './plan.js';
import type { TuningPlan } from './plan.js';
import { ruleCheck } from './rule-check.js';
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
  /** What the advice could not use (an unreadable config next to a history, several runs in one log). */
  readonly warnings: readonly string[];
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
  const lintOptions = { filePath, ...(options.inputFormat ? { inputFormat: options.inputFormat } : {}) };
  const rules = resolveRules(RULES, options.rules);
  const { result, read } = lintAndRead(text, lintOptions, rules);
  const problem = configProblem(result.diagnostics, read, filePath);
  // A history can be read without its config: the config's trouble is a warning then, not the end of the advice.
  if (problem && !options.history) throw new AdviceError(problem);
  const config: TrainingConfig = problem ? {} : read!.config!;
  const warnings = [...(problem ? [`${problem}; the history is analysed without it`] : []), ...(options.history?.warnings ?? [])];
  const findings = options.history ? analyzeHistory(options.history, options.historyFile) : [];
  const check = ruleCheck(config, problem ? undefined : read?.facts, rules);
  const diagnostics = problem ? [] : result.diagnostics;
  const fixed = diagnostics.some((d) => d.suggestion?.edits) ? readConfig(fixText(text, lintOptions, rules, 'unsafe').output, lintOptions).config : undefined;
  const unranked = [
    ...suggestionsFromDiagnostics(diagnostics, config, read?.format ?? 'unknown', fixed),
    ...(options.history ? suggestionsFromHistory(findings, options.history, config, read?.format ?? 'unknown', check, fixed) : []),
  ].map((s) => (options.evidence ? { ...s, ...evidenceClaims(s, options.evidence, config.pretrained === true) } : s));
  const suggestions = rank(unranked);
  const validated = options.history ? historyViews(options.history).some((v) => v.validation.length > 0) : hasValidation(config);
  const plan = makePlan(config, read?.format ?? 'unknown', suggestions, options.budget ?? DEFAULT_BUDGET, validated ? 'val_loss' : 'loss');
  const history = options.history ? { history: { file: options.historyFile ?? '<history>', format: options.history.format, rows: options.history.rows.length } } : {};
  return { filePath, format: problem ? 'unknown' : read!.format, suggestions, findings, plan, ...history, warnings };
}

/** Why the config cannot be advised on: a parse error with its position, or a file that is not a training config. */
function configProblem(diagnostics: readonly { ruleId: string; line: number; column: number; message: string }[], read: ReadConfig | undefined, filePath: string): string | undefined {
  // Lightning's `save_hyperparameters()` dump: the module's constructor arguments, not the trainer's settings.
  if (/(^|[\\/])hparams\.ya?ml$/.test(filePath)) return `${filePath}: a Lightning hparams.yaml holds the LightningModule's arguments, not a training config hplint reads`;
  const parseError = diagnostics.find((d) => d.ruleId === PARSE_ERROR);
  if (parseError) return `${filePath}:${parseError.line}:${parseError.column}: ${parseError.message}`;
  if (!read?.config || !read.facts) return `${filePath}: not a training config hplint can read (${read?.reason ?? 'unreadable'})`;
  if (read.format === 'hf' && !namesTrainerKeys(read.document.root)) {
    return `${filePath}: read as HuggingFace only for a learning_rate-like key; it names none of TrainingArguments' own keys, so HuggingFace's defaults (AdamW, linear decay) would be advice about a run it does not describe`;
  }
  return undefined;
}

/**
 * Keys only a HuggingFace Trainer / TRL / axolotl config writes. A project's own config (`{"learning_rate":
 * 5e-5, "batch_size": 128, "target_epochs": 50}`) shares a key or two with TrainingArguments but is not one:
 * reading it with HF's defaults would invent an optimizer and a schedule it never had.
 */
const TRAINER_KEYS = /^(per_device_(train|eval)_batch_size|num_train_epochs|gradient_accumulation_steps|eval(uation)?_strategy|save_strategy|logging_steps|output_dir|warmup_(ratio|steps)|lr_scheduler_type|optim|max_steps|micro_batch_size|base_model|model_name_or_path|load_best_model_at_end)$/;

function namesTrainerKeys(root: unknown): boolean {
  return isPlainObject(root) && Object.keys(root).some((key) => TRAINER_KEYS.test(key));
}

function hasValidation(config: TrainingConfig): boolean {
  return (config.data?.validationSplit ?? 0) > 0 || (config.data?.validationSize ?? 0) > 0;
}
