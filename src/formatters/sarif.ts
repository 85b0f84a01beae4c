import { createHash } from 'node:crypto';
import type { Diagnostic } from '../engine/lint.js';
import { INTERNAL_ERROR, PARSE_ERROR } from '../engine/lint.js';
import { docsUrl } from '../engine/rule.js';
import { guideCitation, guideCitationLinks } from '../knowledge/guide-links.js';
import type { AnyRule, Severity } from '../engine/rule.js';
import { UNUSED_DIRECTIVE } from '../engine/suppressions.js';
import type { Formatter } from './formatter.js';
import { artifactLocation } from './paths.js';

export const INFORMATION_URI = 'https://github.com/hplint/hplint';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type SarifLevel = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/** What a SARIF `reportingDescriptor` needs, for rules and for the engine's own diagnostics alike. */
interface Descriptor {
  readonly id: string;
  readonly description: string;
  readonly level: Severity;
  readonly helpUri?: string;
  /** What the rule rests on, as text and as Markdown with links into docs/guide.md. */
  readonly guide?: { readonly text: string; readonly markdown: string };
  readonly tags: readonly string[];
}

/** Diagnostics that come from the engine, not from a rule: they still need a descriptor for `ruleIndex`. */
const ENGINE_DESCRIPTORS: readonly Descriptor[] = [
  { id: PARSE_ERROR, description: 'The file cannot be read or parsed as YAML/JSON.', level: 'error', tags: ['syntax'] },
  { id: INTERNAL_ERROR, description: 'A rule or an adapter of hplint failed on the file (a bug in hplint).', level: 'error', tags: ['internal'] },
  { id: UNUSED_DIRECTIVE, description: 'An hplint-disable directive that suppresses nothing.', level: 'error', tags: ['suppressions'] },
];

function describeRule(rule: AnyRule): Descriptor {
  const tier = rule.meta.tier === null ? 'process rule' : `tier ${rule.meta.tier}`;
  return {
    id: rule.id,
    description: rule.meta.description,
    level: rule.meta.severity,
    helpUri: docsUrl(rule.id),
    guide: { text: `${guideCitation(rule.meta.guide)}, ${tier}`, markdown: `${guideCitationLinks(rule.meta.guide)}, ${tier}` },
    tags: [rule.meta.category],
  };
}

function reportingDescriptor(d: Descriptor): Record<string, unknown> {
  const helpText = d.helpUri ? `${d.description} See ${d.helpUri}` : d.description;
  const helpMarkdown = d.helpUri ? `**${d.id}**: ${d.description}\n\n[Documentation](${d.helpUri})${d.guide ? ` · ${d.guide.markdown}` : ''}` : `**${d.id}**: ${d.description}`;
  return {
    id: d.id,
    name: d.id,
    shortDescription: { text: d.description },
    fullDescription: { text: d.guide ? `${d.description} (${d.guide.text})` : d.description },
    ...(d.helpUri ? { helpUri: d.helpUri } : {}),
    help: { text: helpText, markdown: helpMarkdown },
    defaultConfiguration: { level: LEVEL[d.level] },
    properties: { tags: ['hyperparameters', ...d.tags] },
  };
}

/**
 * A fingerprint that survives edits elsewhere in the file: the rule, the file and the canonical path, not
 * the line number, so code scanning keeps one alert per problem as the config changes around it.
 */
function fingerprint(filePath: string, d: Diagnostic): string {
  const key = d.path === '' ? `${d.line}:${d.column}` : d.path;
  return createHash('sha256').update(`${d.ruleId}\0${filePath}\0${key}\0${d.message}`).digest('hex').slice(0, 32);
}

/** SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`) and other SARIF viewers. */
export const sarif: Formatter = (results, context) => {
  const descriptors = [...context.rules.map(describeRule), ...ENGINE_DESCRIPTORS];
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const sarifResults = results.flatMap((result) => {
    const location = artifactLocation(result.filePath, context.cwd);
    return result.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      ...(index.has(d.ruleId) ? { ruleIndex: index.get(d.ruleId) } : {}),
      level: LEVEL[d.severity],
      message: { text: d.suggestion ? `${d.message} Suggestion: ${d.suggestion.description}` : d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: location,
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
          ...(d.path ? { logicalLocations: [{ fullyQualifiedName: d.path, kind: 'member' }] } : {}),
        },
      ],
      partialFingerprints: { 'hplint/v1': fingerprint(location.uri, d) },
    }));
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'hplint',
            version: context.version,
            semanticVersion: context.version,
            informationUri: INFORMATION_URI,
            rules: descriptors.map(reportingDescriptor),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
