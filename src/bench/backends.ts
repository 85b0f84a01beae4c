/** The TF.js backends the bench can run on, without loading any of them. */
export type BackendChoice = 'auto' | 'node' | 'wasm' | 'cpu';
export type BackendName = 'node' | 'wasm' | 'cpu';

/** The order `--backend auto` tries: native TensorFlow first (install `@tensorflow/tfjs-node`), then wasm, then pure JS. */
export const AUTO_ORDER: readonly BackendName[] = ['node', 'wasm', 'cpu'];
