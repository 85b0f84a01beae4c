import { createRule, NO_OPTIONS } from '../engine/rule.js';

/** The prefix the YAML library expands `!!` to. */
const YAML_ORG = 'tag:yaml.org,2002:';

/** Languages whose YAML loaders build objects (and call functions) from tags, and the unsafe way to load. */
const LANGUAGES = {
  python: { name: 'Python', loader: "PyYAML's unsafe loaders (yaml.unsafe_load, yaml.load with Loader=UnsafeLoader or FullLoader in old versions)" },
  ruby: { name: 'Ruby', loader: "Psych's unsafe_load (YAML.load before Psych 4)" },
  js: { name: 'JavaScript', loader: "js-yaml's full schema (load before js-yaml 4)" },
  java: { name: 'Java', loader: "SnakeYAML's default Constructor" },
  perl: { name: 'Perl', loader: 'YAML.pm with $YAML::LoadBlessed' },
  php: { name: 'PHP', loader: 'Symfony YAML with PARSE_OBJECT' },
} as const;
type Language = keyof typeof LANGUAGES;

export default createRule<Record<string, never>>({
  id: 'unsafe-yaml-tag',
  meta: {
    description: 'A language-specific YAML tag such as `!!python/object/apply:eval`: unsafe loaders execute it.',
    severity: 'warning',
    tier: null,
    category: 'syntax',
    guide: 'security',
    fixable: false,
    anyFile: true,
    ...NO_OPTIONS,
  },
  check(_config, context) {
    // Only the tag's name is read: the tagged value is never constructed, resolved or evaluated.
    for (const { tag, path } of context.document.tags) {
      const shown = tag.startsWith(YAML_ORG) ? `!!${tag.slice(YAML_ORG.length)}` : tag;
      const language = languageOf(shown);
      if (!language || referenceOutsideTrainingConfig(shown, context.document.format)) continue;
      const { name, loader } = LANGUAGES[language];
      context.report({
        path: '',
        sourcePath: path,
        message: `${shown} is a ${name}-specific YAML tag: loading it with ${loader} runs code to construct it, so this file can execute arbitrary code. Write the plain value and load with a safe loader.`,
      });
    }
  },
});

/**
 * `!!python/name:module.attr` names an object without calling anything; MkDocs (`pymdownx.emoji`) and
 * similar tool configs use it by design. On a file hplint does not read as a training config it is the
 * tool's idiom, not a finding; tags that call code (`object/apply`, `object/new`) are reported anywhere.
 */
function referenceOutsideTrainingConfig(tag: string, format: string): boolean {
  return format === 'unknown' && /^!!python\/name:/.test(tag);
}

/**
 * The language a tag belongs to: `!!python/…`, `!ruby/object:…`, `!!js/function`, `tag:ruby.yaml.org,2002:…`,
 * or a Java class name (`!!javax.script.ScriptEngineManager`). Application tags (`!Ref`, `!include`) are not.
 */
function languageOf(tag: string): Language | undefined {
  const named = /^!{1,2}(python|ruby|js|javascript|java|perl|php)[/:]/.exec(tag) ?? /^tag:(python|ruby|perl|php)\.yaml\.org,/.exec(tag);
  if (named) return named[1] === 'javascript' ? 'js' : (named[1] as Language);
  return /^!!([a-z_][\w$]*\.)+[A-Za-z_$][\w$]*$/.test(tag) ? 'java' : undefined;
}
