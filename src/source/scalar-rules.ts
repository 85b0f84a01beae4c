import type { ParseOptions, ScalarTag, SchemaOptions, Tags } from 'yaml';

/**
 * How a plain (unquoted, untagged) YAML scalar becomes a value. A file means what its framework's loader
 * makes of it, and Python's loaders do not follow YAML 1.2:
 *
 * - `yaml-1.2`: the YAML 1.2 core schema (JSON's numbers, `true`/`false`, `null`). JSON files, hplint's
 *   own parser before it knows the format.
 * - `pyyaml`: PyYAML's SafeLoader, YAML 1.1 (pyyaml `resolver.py`): `55_000` and `0x1F` are ints,
 *   `yes`/`no`/`on`/`off` booleans, `<<` merges, and a float needs a dot — `1e-5` and `1.0e5` are strings
 *   (the exponent must be signed too).
 * - `pyyaml-exponent-floats`: PyYAML with the float resolver that OmegaConf (`_utils.get_yaml_loader`) and
 *   jsonargparse (`_loaders_dumpers.DefaultLoader`) install: `1e-5` is a float; the rest is YAML 1.1.
 *
 * Dates stay text in every variant (OmegaConf and jsonargparse drop the timestamp resolver; no
 * hyperparameter is a date).
 */
export type ScalarRules = 'yaml-1.2' | 'pyyaml' | 'pyyaml-exponent-floats';

const FLOAT = 'tag:yaml.org,2002:float';
const BOOL = 'tag:yaml.org,2002:bool';
const TIMESTAMP = 'tag:yaml.org,2002:timestamp';

/** PyYAML's float: a dot in the mantissa, and an exponent only with a sign (`1.0e-5`, `.5`, `3.`). */
const PYYAML_FLOAT = /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?)$/;
/** OmegaConf's and jsonargparse's float: PyYAML's, plus `1e-5` and `2.0e5` (no dot or no exponent sign). */
const EXPONENT_FLOAT = /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+|\.[0-9_]+(?:[eE][-+]?[0-9]+)?)$/;
/** PyYAML's booleans: the `yaml` package's YAML 1.1 schema also takes `y`/`n`, PyYAML does not. */
const PYYAML_TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const PYYAML_FALSE = /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/;

const parseDecimal = (text: string): number => Number.parseFloat(text.replace(/_/g, ''));

function floatTag(test: RegExp): ScalarTag {
  return { tag: FLOAT, default: true, identify: (v) => typeof v === 'number', test, resolve: parseDecimal };
}

function boolTag(test: RegExp, value: boolean): ScalarTag {
  return { tag: BOOL, default: true, identify: (v) => typeof v === 'boolean', test, resolve: () => value };
}

/**
 * Replaces the YAML 1.1 schema's float and boolean resolvers with PyYAML's (keeping infinities, NaN and
 * sexagesimal numbers, which agree) and drops timestamps.
 */
function pythonTags(float: RegExp): (tags: Tags) => Tags {
  return (tags) => {
    const kept = tags.filter((t) => {
      const { tag, format, test } = t as ScalarTag;
      if (tag === BOOL || tag === TIMESTAMP) return false;
      // The special values (.inf, .nan: no format, no digits before a dot) and TIME stay; the decimal forms go.
      return !(tag === FLOAT && format !== 'TIME' && !test?.source.includes('inf'));
    });
    return [...kept, floatTag(float), boolTag(PYYAML_TRUE, true), boolTag(PYYAML_FALSE, false)];
  };
}

/**
 * Text in which some plain scalar may read differently under PyYAML's rules than under YAML 1.2's: a
 * number with an exponent but no dot before it, or an unsigned one; digits around an underscore; a leading
 * zero; a sexagesimal; a whole-scalar yes/no/on/off; a merge key; an explicit `!!` tag. Without any, both
 * readings are the same and the file need not be parsed twice. Comments are not read; a false match only
 * costs a second parse.
 */
const MAY_DIFFER = [
  /(?<![.\w])\d+[eE]|\d[eE]\d/,
  /\d_+\d/,
  /(?<![.\w])0[0-9oObBxX]/,
  /\d:\d/,
  /<<|!!/,
  /(?:^|[:[{,-])[ \t]*(?:yes|no|on|off)[ \t]*(?:$|[,\]}:])/im,
];

export function mayReadDifferently(text: string, rules: ScalarRules): boolean {
  if (rules === 'yaml-1.2') return false;
  const code = text.replace(/(^|[ \t])#.*$/gm, '$1');
  return MAY_DIFFER.some((pattern) => pattern.test(code));
}

/** `yaml` parse options that read plain scalars as `rules` says. */
export function yamlOptionsFor(rules: ScalarRules): ParseOptions & SchemaOptions & { version: '1.1' | '1.2' } {
  if (rules === 'yaml-1.2') return { version: '1.2', schema: 'core' };
  return { version: '1.1', customTags: pythonTags(rules === 'pyyaml' ? PYYAML_FLOAT : EXPONENT_FLOAT) };
}
