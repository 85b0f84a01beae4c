import type { Adapter, FormatName } from './adapter.js';
import { kerasAdapter } from './keras.js';
import { hfAdapter } from './hf.js';
import { yoloAdapter } from './yolo.js';
import { detectron2Adapter } from './detectron2.js';
import { lightningAdapter } from './lightning.js';
import { nativeAdapter } from './native.js';
import { sweepAdapter } from './sweep.js';
import { tfjsAdapter } from './tfjs.js';
import { hydraPackageDirective, LOADERS } from './loaders.js';
import type { Loader } from './loaders.js';

/** Every input format, most specific first: on equal confidence the earlier adapter wins. */
export const ADAPTERS: readonly Adapter[] = [nativeAdapter, lightningAdapter, sweepAdapter, detectron2Adapter, yoloAdapter, hfAdapter, tfjsAdapter, kerasAdapter];

export interface Detection {
  readonly adapter?: Adapter;
  readonly format: FormatName;
  /** Why the file was read as it was (shown with `--verbose`). */
  readonly reason: string;
}

/** An adapter that threw: a bug in that adapter, which the engine reports on the file it was reading. */
export class AdapterFailure extends Error {
  constructor(
    readonly adapter: FormatName,
    cause: unknown,
  ) {
    super(`adapter ${adapter}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** Runs one adapter step, naming the adapter if it throws. */
export function asAdapter<T>(adapter: Adapter, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw new AdapterFailure(adapter.name, error);
  }
}

/** Picks the adapter for parsed data, or forces one by name. */
export function detectFormat(root: unknown, forced?: FormatName): Detection {
  if (forced && forced !== 'unknown') {
    const adapter = ADAPTERS.find((a) => a.name === forced);
    if (adapter) return { adapter, format: adapter.name, reason: `--input-format ${forced}` };
  }
  let best: { adapter: Adapter; score: number } | undefined;
  for (const adapter of ADAPTERS) {
    const score = asAdapter(adapter, () => adapter.detect(root));
    if (score > 0 && (!best || score > best.score)) best = { adapter, score };
  }
  if (!best) return { format: 'unknown', reason: 'no known training-config keys at the top level' };
  return { adapter: best.adapter, format: best.adapter.name, reason: `${best.adapter.description} (confidence ${best.score.toFixed(2)})` };
}

/**
 * Who reads the file: JSON text is read as JSON whatever the format; a YAML file that carries Hydra's
 * `# @package` directive is composed by Hydra (OmegaConf); otherwise the adapter knows its framework's loader.
 */
export function loaderFor(adapter: Adapter, root: unknown, text: string, syntax: 'yaml' | 'json'): Loader {
  if (syntax === 'json') return LOADERS.json;
  if (hydraPackageDirective(text)) return LOADERS.omegaconf;
  return adapter.loader(root);
}

export function adapterNames(): FormatName[] {
  return ADAPTERS.map((a) => a.name);
}
