import type { ScalarRules } from '../source/scalar-rules.js';

/**
 * The program that turns a config file into the values the training code receives. A YAML file means what
 * its framework's loader makes of it, not what a YAML 1.2 parser does: each adapter says which loader reads
 * the file it detected (`Adapter.loader`), the engine parses the file again with that loader's scalar
 * rules (so `55_000` is 55000 and `on` is true where PyYAML reads them so), and rules ask the loader what
 * became of a value (`yaml-float-as-string`: does `1e-5` reach the code as a string?). docs/formats.md
 * lists the loader of every format, with its sources.
 */
export interface Loader {
  readonly id: LoaderId;
  /** How the loader reads plain YAML scalars (JSON text is always read as JSON). */
  readonly scalars: ScalarRules;
  /**
   * A number that the YAML reading leaves a string (`1e-5` under PyYAML) reaches the training code as a
   * string: nothing between the loader and the code converts it (no pydantic, argparse `type=float` or
   * yacs `literal_eval`).
   */
  readonly stringsReachCode: boolean;
  /** Who reads the file, for messages: "PyYAML (YAML 1.1), the loader of the W&B CLI". */
  readonly description: string;
}

export type LoaderId =
  | 'hplint'
  | 'json'
  | 'hf-argument-parser'
  | 'axolotl'
  | 'llama-factory'
  | 'ms-swift'
  | 'omegaconf'
  | 'jsonargparse'
  | 'wandb'
  | 'ultralytics'
  | 'yacs';

const PYYAML = 'PyYAML (YAML 1.1)';

export const LOADERS: Readonly<Record<LoaderId, Loader>> = {
  // hplint reads its own YAML as PyYAML does, so a native file means the same to the Python code that may
  // load it too; hplint converts numeric strings itself, but the warning is about that other reader.
  hplint: { id: 'hplint', scalars: 'pyyaml', stringsReachCode: true, description: `${PYYAML}, the loader of most Python training code` },
  json: { id: 'json', scalars: 'yaml-1.2', stringsReachCode: false, description: 'JSON' },
  'hf-argument-parser': {
    id: 'hf-argument-parser',
    scalars: 'pyyaml',
    stringsReachCode: true,
    description: `${PYYAML}, the loader of HfArgumentParser (nothing converts the value before TrainingArguments)`,
  },
  axolotl: { id: 'axolotl', scalars: 'pyyaml', stringsReachCode: false, description: `${PYYAML} then pydantic, the loader of axolotl` },
  'llama-factory': { id: 'llama-factory', scalars: 'pyyaml-exponent-floats', stringsReachCode: false, description: 'OmegaConf, the loader of LLaMA-Factory' },
  'ms-swift': { id: 'ms-swift', scalars: 'pyyaml', stringsReachCode: false, description: `${PYYAML} then command-line strings typed by argparse, the loader of ms-swift` },
  omegaconf: { id: 'omegaconf', scalars: 'pyyaml-exponent-floats', stringsReachCode: false, description: 'OmegaConf (Hydra)' },
  jsonargparse: { id: 'jsonargparse', scalars: 'pyyaml-exponent-floats', stringsReachCode: false, description: 'jsonargparse (LightningCLI, LitGPT)' },
  wandb: { id: 'wandb', scalars: 'pyyaml', stringsReachCode: true, description: `${PYYAML}, the loader of the W&B CLI` },
  ultralytics: { id: 'ultralytics', scalars: 'pyyaml', stringsReachCode: true, description: `${PYYAML}, the loader of Ultralytics and YOLOv5` },
  yacs: { id: 'yacs', scalars: 'pyyaml', stringsReachCode: false, description: `${PYYAML} then yacs literal_eval, the loader of detectron2` },
};

/** `# @package` is Hydra's directive: whatever the keys, Hydra composes the file with OmegaConf. */
export function hydraPackageDirective(text: string): boolean {
  return /^#\s*@package\b/m.test(text);
}
