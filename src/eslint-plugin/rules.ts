import type { JSONSchema, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { runRules } from '../engine/lint.js';
import { docsUrl } from '../engine/rule.js';
import type { AnyRule } from '../engine/rule.js';
import { parentPointer } from '../model/pointer.js';
import type { Pointer } from '../model/pointer.js';
import { RULES } from '../rules/index.js';
import { fixFor } from './edits.js';
import { extract } from './extract.js';
import type { ExtractedSetup, Extraction } from './extract.js';

/** The shared rules the plugin exposes: those whose metadata says they have something to say about TF.js code. */
export const CODE_RULES: readonly AnyRule[] = RULES.filter((rule) => rule.meta.code === true);

type MessageIds = 'finding' | 'suggestion';
type Options = [Record<string, unknown>];
export type HplintRuleModule = TSESLint.RuleModule<MessageIds, Options>;

// One extraction per parsed file, shared by every hplint rule that lints it.
const extractions = new WeakMap<TSESTree.Program, Extraction>();

function extractionOf(sourceCode: TSESLint.SourceCode): Extraction {
  let extraction = extractions.get(sourceCode.ast);
  if (!extraction) {
    extraction = extract(sourceCode);
    extractions.set(sourceCode.ast, extraction);
  }
  return extraction;
}

/** Wraps a shared rule as an ESLint rule: same id, same message, reported on the node behind the path. */
export function toEslintRule(rule: AnyRule): HplintRuleModule {
  const defaults = rule.meta.defaultOptions as Record<string, unknown>;
  return {
    meta: {
      type: rule.meta.severity === 'error' ? 'problem' : 'suggestion',
      docs: { description: rule.meta.description, url: docsUrl(rule.id) },
      messages: { finding: '{{message}}', suggestion: '{{description}}' },
      schema: [toDraft04(rule.meta.optionsSchema) as JSONSchema.JSONSchema4],
      // ESLint (≥ 9.15) merges these under the user's options; the merge below keeps the same result for
      // tools that call `create` directly.
      defaultOptions: [defaults],
      hasSuggestions: rule.meta.fixable !== false,
      ...(rule.meta.fixable === 'safe' ? { fixable: 'code' as const } : {}),
    },
    defaultOptions: [defaults],
    create(context) {
      const options = { ...defaults, ...context.options[0] };
      const sourceCode = context.sourceCode;
      return {
        Program() {
          const reported = new Set<string>();
          for (const setup of extractionOf(sourceCode).setups) {
            for (const { finding } of runRules(setup.config, setup.facts, [{ rule, severity: rule.meta.severity, options }])) {
              const node = nodeFor(finding.path, setup);
              const key = `${node.range[0]}:${node.range[1]}:${finding.message}`;
              if (reported.has(key)) continue;
              reported.add(key);
              const edits = finding.suggestion?.edits;
              const suggestion = edits && rule.meta.fixable !== false ? fixFor(edits, setup, sourceCode) : undefined;
              const fix = finding.fix && rule.meta.fixable === 'safe' ? fixFor(finding.fix, setup, sourceCode) : undefined;
              context.report({
                node,
                messageId: 'finding',
                data: { message: finding.message },
                ...(fix ? { fix } : {}),
                ...(suggestion ? { suggest: [{ messageId: 'suggestion', data: { description: finding.suggestion!.description }, fix: suggestion }] } : {}),
              });
            }
          }
        },
      };
    },
  };
}

/**
 * ESLint validates rule options with JSON Schema draft-04, where `exclusiveMinimum` is a flag on
 * `minimum`; the shared rules write draft-07's numeric form. Same bounds, older spelling.
 */
export function toDraft04(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toDraft04);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'exclusiveMinimum' || key === 'exclusiveMaximum') {
      if (typeof value === 'number') {
        out[key === 'exclusiveMinimum' ? 'minimum' : 'maximum'] = value;
        out[key] = true;
        continue;
      }
    }
    out[key] = key === 'properties' ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, toDraft04(v)])) : toDraft04(value);
  }
  return out;
}

/** The node behind a canonical path: its own, the node a default is blamed on, or the nearest written ancestor. */
function nodeFor(path: Pointer, setup: ExtractedSetup): TSESTree.Node {
  const anchor = setup.anchors.get(path);
  if (anchor) return anchor;
  for (let at: Pointer | undefined = path; at !== undefined; at = parentPointer(at)) {
    const node = setup.nodes.get(at);
    if (node && !setup.facts.defaultOf(at)) return node;
  }
  return setup.nodes.get('')!;
}
