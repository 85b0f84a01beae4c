import { children, textOf } from '../syntax.js';
import { callsMatching, copyArguments, keywordSpecs } from './context.js';
import type { Call, Script } from './context.js';

/**
 * Lightning: `Trainer(...)` with its callbacks (`EarlyStopping`, …) becomes the `trainer:` section of a
 * LightningCLI config, read by the Lightning adapter with Lightning's defaults. The optimizer built in
 * `configure_optimizers` is read by the PyTorch module.
 */

const TRAINER = /^(lightning|pytorch_lightning|lightning\.pytorch)\.(trainer\.)?Trainer$/;
const CALLBACK = /^(lightning|pytorch_lightning|lightning\.pytorch)(\.callbacks(\.[\w.]+)?)?\.(EarlyStopping)$/;
const TRAINER_ARGUMENTS = ['max_epochs', 'max_steps', 'accumulate_grad_batches', 'devices', 'num_nodes', 'min_epochs', 'check_val_every_n_epoch', 'val_check_interval'];

export function readLightning(script: Script): void {
  const trainer = callsMatching(script, TRAINER)[0];
  if (!trainer) return;
  const path = ['lightning', 'trainer'];
  script.out.section('lightning').trainer = {};
  script.out.locate(path, trainer.node.firstChild!);
  copyArguments(script, trainer, path, keywordSpecs(trainer).filter((spec) => TRAINER_ARGUMENTS.includes(spec.name)));
  if (trainer.args.open) script.out.open.add('lightning');
  const listed = listedCallbacks(script, trainer);
  const early = callsMatching(script, CALLBACK).filter((call) => !listed || listed.has(call.node.from));
  // A callback built but handed to the Trainer through a name is still the run's callback, when it is the only one.
  if (early.length === 1) readEarlyStopping(script, early[0]!);
}

/** Where the Trainer's `callbacks=[...]` items are built (through names bound once), or undefined when it is not a list. */
function listedCallbacks(script: Script, trainer: Call): Set<number> | undefined {
  const callbacks = trainer.args.keywords.get('callbacks');
  if (callbacks?.name !== 'ArrayExpression') return undefined;
  return new Set(
    children(callbacks).map((item) => {
      const definition = item.name === 'VariableName' ? script.index.definitionOf(textOf(item, script.text), item) : undefined;
      return (definition ?? item).from;
    }),
  );
}

function readEarlyStopping(script: Script, call: Call): void {
  const path = ['lightning', 'trainer', 'callbacks', 0];
  script.out.locate(path, call.node);
  script.out.mark([...path, 'class_path'], 'lightning.pytorch.callbacks.EarlyStopping', call.node.firstChild!);
  script.out.mark([...path, 'init_args'], {}, call.node);
  copyArguments(script, call, [...path, 'init_args'], [{ name: 'monitor', position: 0 }, { name: 'min_delta', position: 1 }, { name: 'patience', position: 2 }]);
}
