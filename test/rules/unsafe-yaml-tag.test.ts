import { describe, expect, it } from 'vitest';
import { brief, dedent, diagnosticsOf } from '../helpers/lint.js';

const check = (yaml: string) => diagnosticsOf('unsafe-yaml-tag', dedent(yaml)).map(brief);
const PYYAML = "loading it with PyYAML's unsafe loaders (yaml.unsafe_load, yaml.load with Loader=UnsafeLoader or FullLoader in old versions) runs code to construct it, so this file can execute arbitrary code. Write the plain value and load with a safe loader.";

describe('unsafe-yaml-tag', () => {
  describe('valid', () => {
    it('plain YAML and explicit core tags', () => {
      expect(check('optimizer: { name: !!str adam, learningRate: !!float 0.001 }\ntraining: { epochs: !!int 10 }\n')).toEqual([]);
    });

    it('application tags that no loader executes by itself (CloudFormation, includes)', () => {
      expect(check('optimizer: { name: !Ref OptimizerName }\ntraining: { epochs: !include epochs.yaml }\n')).toEqual([]);
    });

    it('YAML 1.1 standard types such as !!set and !!binary', () => {
      expect(check('optimizer: { name: adam }\nmodel: !!set { a, b }\n')).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('detectron2-style !!python/object/apply:eval, shown as written, never evaluated', () => {
      const yaml = dedent(`
        optimizer: { name: sgd, learningRate: 0.01 }
        model:
          layers: !!python/object/apply:eval ["[x * 2 for x in [32, 64]]"]
      `);
      const [d, ...rest] = diagnosticsOf('unsafe-yaml-tag', yaml);
      expect(rest).toEqual([]);
      expect(brief(d!)).toBe(`3:11-3:67 warning !!python/object/apply:eval is a Python-specific YAML tag: ${PYYAML}`);
      expect(d!.suggestion).toBeUndefined();
    });

    it('in any format: detectron2 Base-RetinaNet.yaml computes its anchor sizes with eval', () => {
      const yaml = dedent(`
        MODEL:
          ANCHOR_GENERATOR:
            SIZES: !!python/object/apply:eval ["[[x, x * 2**(1.0/3), x * 2**(2.0/3) ] for x in [32, 64, 128, 256, 512 ]]"]
        SOLVER:
          IMS_PER_BATCH: 16
          BASE_LR: 0.01
      `);
      expect(check(yaml)).toEqual([`3:12-3:115 warning !!python/object/apply:eval is a Python-specific YAML tag: ${PYYAML}`]);
    });

    it('a tag on a nested scalar, underlined from the tag to the end of its value', () => {
      expect(check('optimizer:\n  name: !!python/name:os.system adam\n')).toEqual([`2:9-2:37 warning !!python/name:os.system is a Python-specific YAML tag: ${PYYAML}`]);
    });

    it('Ruby, JavaScript and Java class tags', () => {
      const found = check('optimizer:\n  name: !ruby/object:Gem::Installer x\n  epsilon: !!js/function "f() {}"\n  rho: !!javax.script.ScriptEngineManager [x]\n');
      expect(found.map((d) => d.split(' is a ')[0])).toEqual([
        '2:9-2:38 warning !ruby/object:Gem::Installer',
        '3:12-3:34 warning !!js/function',
        '4:8-4:46 warning !!javax.script.ScriptEngineManager',
      ]);
      expect(found.map((d) => /is an? (\w+)-specific/.exec(d)?.[1])).toEqual(['Ruby', 'JavaScript', 'Java']);
    });

    it('in a file that is not a training config, a tag that calls code but not a reference by name (MkDocs)', () => {
      expect(check('site_name: docs\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:materialx.emoji.twemoji\n')).toEqual([]);
      expect(check('site_name: docs\nhook: !!python/object/apply:os.system ["true"]\n').map((d) => d.split(' is a ')[0])).toEqual(['2:7-2:47 warning !!python/object/apply:os.system']);
    });
  });
});
