import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Tf from '@tensorflow/tfjs';
import { AUTO_ORDER } from './backends.js';
import type { BackendChoice, BackendName } from './backends.js';

/** TF.js as the bench uses it: loaded lazily, so nothing outside `hplint bench` pays for it. */
export type TF = typeof Tf;
export type { BackendChoice, BackendName } from './backends.js';

export interface LoadedTf {
  readonly tf: TF;
  readonly backend: BackendName;
  /** Why a preferred backend was not used (e.g. tfjs-node is not installed). */
  readonly notes: readonly string[];
}

/** The specifier lives in a variable: tfjs-node is an optional dependency and may be absent at type-check time. */
const TFJS_NODE = '@tensorflow/tfjs-node';

/**
 * `auto` tries tfjs-node (native, fastest), then wasm, then the pure-JS cpu backend; an explicit choice
 * fails loudly when that backend cannot load.
 */
export async function loadTf(choice: BackendChoice): Promise<LoadedTf> {
  const notes: string[] = [];
  const order: readonly BackendName[] = choice === 'auto' ? AUTO_ORDER : [choice];
  for (const backend of order) {
    try {
      const tf = await LOADERS[backend]();
      // PROD skips TF.js's debug-time checks and its "install tfjs-node" banner; the report names the backend.
      tf.env().set('PROD', true);
      return { tf, backend, notes };
    } catch (error) {
      // Node's "Cannot find package … imported from <path>": the path says nothing a user needs.
      const reason = (error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)).replace(/ imported from .*$/, '');
      if (choice !== 'auto') throw new Error(`backend "${backend}" is not available: ${reason}`, { cause: error });
      notes.push(`${backend}: ${reason}`);
    }
  }
  // TF.js is an optional peer dependency: `hplint check` users never download its ~300 MB.
  throw new Error(
    `no TF.js backend could be loaded (${notes.join('; ')}); the bench needs them installed: npm install --save-dev @tensorflow/tfjs @tensorflow/tfjs-backend-wasm mnist`,
  );
}

const LOADERS: Record<BackendName, () => Promise<TF>> = {
  async node() {
    const tf = (await import(TFJS_NODE)) as TF;
    await tf.setBackend('tensorflow');
    await tf.ready();
    return tf;
  },
  async wasm() {
    const tf = await import('@tensorflow/tfjs');
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // In Node the .wasm binaries are read from disk, next to the package's own JS.
    const require = createRequire(import.meta.url);
    wasm.setWasmPaths(`${path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist')}${path.sep}`);
    if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend failed to initialise');
    await tf.ready();
    return tf;
  },
  async cpu() {
    const tf = await import('@tensorflow/tfjs');
    await tf.setBackend('cpu');
    await tf.ready();
    return tf;
  },
};

export function tfjsVersion(tf: TF): string {
  return tf.version.tfjs;
}
