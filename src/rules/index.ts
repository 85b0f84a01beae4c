import { lintWith } from '../engine/lint.js';
import type { LintOptions, LintResult } from '../engine/lint.js';
import type { AnyRule } from '../engine/rule.js';
import { resolveRules } from '../engine/settings.js';
import adamParameters from './adam-parameters.js';
import batchSizeExtremes from './batch-size-extremes.js';
import batchnormSmallBatch from './batchnorm-small-batch.js';
import dataScale from './data-scale.js';
import differentialLearningRates from './differential-learning-rates.js';
import dropoutBeforeBatchnorm from './dropout-before-batchnorm.js';
import dropoutRange from './dropout-range.js';
import finetuneFreezing from './finetune-freezing.js';
import earlyStoppingMissing from './early-stopping-missing.js';
import earlyStoppingPatience from './early-stopping-patience.js';
import focalLossParameters from './focal-loss-parameters.js';
import invalidValue from './invalid-value.js';
import kernelSize from './kernel-size.js';
import learningRateRange from './learning-rate-range.js';
import lossMagnitudeGap from './loss-magnitude-gap.js';
import lossOutputMismatch from './loss-output-mismatch.js';
import missingValidation from './missing-validation.js';
import momentumRange from './momentum-range.js';
import recurrentDropout from './recurrent-dropout.js';
import plateauPolicy from './plateau-policy.js';
import scheduleValidity from './schedule-validity.js';
import searchGridSize from './search-grid-size.js';
import searchImportanceOrder from './search-importance-order.js';
import searchLogScale from './search-log-scale.js';
import unknownKey from './unknown-key.js';
import unsafeYamlTag from './unsafe-yaml-tag.js';
import warmupLength from './warmup-length.js';
import weightDecayRange from './weight-decay-range.js';
import yamlFloatAsString from './yaml-float-as-string.js';

/**
 * The rule registry: every rule under its id, in catalogue order (tier 1, 2, 3, then process rules). A new
 * rule is registered here and nowhere else: `RuleId`, the CLI's rule list, the ESLint plugin (rules whose
 * metadata says `code`), the docs tables and the bench's scenario types all derive from it.
 */
const REGISTRY = registry({
  'learning-rate-range': learningRateRange,
  'schedule-validity': scheduleValidity,
  'plateau-policy': plateauPolicy,
  'warmup-length': warmupLength,
  'loss-magnitude-gap': lossMagnitudeGap,
  'focal-loss-parameters': focalLossParameters,
  'loss-output-mismatch': lossOutputMismatch,
  'differential-learning-rates': differentialLearningRates,
  'batch-size-extremes': batchSizeExtremes,
  'batchnorm-small-batch': batchnormSmallBatch,
  'momentum-range': momentumRange,
  'adam-parameters': adamParameters,
  'weight-decay-range': weightDecayRange,
  'dropout-range': dropoutRange,
  'dropout-before-batchnorm': dropoutBeforeBatchnorm,
  'recurrent-dropout': recurrentDropout,
  'kernel-size': kernelSize,
  'data-scale': dataScale,
  'invalid-value': invalidValue,
  'early-stopping-missing': earlyStoppingMissing,
  'early-stopping-patience': earlyStoppingPatience,
  'missing-validation': missingValidation,
  'search-grid-size': searchGridSize,
  'search-log-scale': searchLogScale,
  'search-importance-order': searchImportanceOrder,
  'finetune-freezing': finetuneFreezing,
  'yaml-float-as-string': yamlFloatAsString,
  'unknown-key': unknownKey,
  'unsafe-yaml-tag': unsafeYamlTag,
});

/** The id of a registered rule: a typo in a bench scenario or a table keyed by rule is a type error. */
export type RuleId = keyof typeof REGISTRY;

/** Every rule, in catalogue order. */
export const RULES: readonly AnyRule[] = Object.values(REGISTRY);

/** Keeps the registry's ids as literal types and its rules as `AnyRule` (the published typings name no rule's options). */
function registry<Id extends string>(rules: Readonly<Record<Id, AnyRule>>): Readonly<Record<Id, AnyRule>> {
  return rules;
}

// The registry's key is the rule's id, or `RuleId` would name a rule that does not exist.
for (const [id, rule] of Object.entries(REGISTRY)) {
  if (rule.id !== id) throw new Error(`rule registry: "${id}" holds the rule "${rule.id}"`);
}

export function findRule(id: string): AnyRule | undefined {
  return RULES.find((rule) => rule.id === id);
}

/**
 * Lints one file's text with every rule of the registry, configured by `options.rules`: the library's entry
 * point for one text. Never throws for bad input: unreadable text becomes `parse-error` diagnostics.
 */
export function lintText(text: string, options: LintOptions = {}): LintResult {
  return lintWith(text, options, resolveRules(RULES, options.rules));
}
