import { isPlainObject } from './normalize.js';

/**
 * How many data-parallel processes train (issue 12 point 4): effective batch = per-device batch ×
 * gradient accumulation × ranks. Ranks come from the file where it says (accelerate `num_processes`,
 * torchrun `nproc_per_node`, axolotl `dp_shard_size`, a DeepSpeed `train_batch_size` beside its micro
 * batch); where it does not, they are unknown, never 1 by default.
 */

/** Formats whose batch needs no rank count: one process (Keras, TF.js, hplint's own format by its contract), or a total over all GPUs (detectron2 `IMS_PER_BATCH`, Ultralytics `batch`). */
const BATCH_IS_TOTAL: readonly string[] = ['native', 'keras', 'tfjs', 'detectron2', 'yolo'];

export interface Ranks {
  readonly ranks: number;
  /** The key that says so, as written. */
  readonly evidence: string;
}

function positiveInteger(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** The ranks a launcher or parallelism key in the document states, read at the top level. */
export function inferRanks(root: unknown): Ranks | undefined {
  if (!isPlainObject(root)) return undefined;
  const machines = positiveInteger(root.num_machines) ?? positiveInteger(root.nnodes) ?? 1;
  for (const key of ['num_processes', 'nproc_per_node', 'world_size']) {
    const n = positiveInteger(root[key]);
    // accelerate's num_processes already counts every machine; torchrun's nproc_per_node is per node.
    if (n) return { ranks: key === 'nproc_per_node' ? n * machines : n, evidence: `${key}: ${n}` };
  }
  const shard = positiveInteger(root.dp_shard_size);
  if (shard) return { ranks: shard * (positiveInteger(root.dp_replicate_size) ?? 1), evidence: `dp_shard_size: ${shard}` };
  const total = positiveInteger(root.train_batch_size);
  const micro = positiveInteger(root.train_micro_batch_size_per_gpu);
  if (total && micro) {
    const perRank = micro * (positiveInteger(root.gradient_accumulation_steps) ?? 1);
    if (total % perRank === 0) return { ranks: total / perRank, evidence: `train_batch_size: ${total}` };
  }
  return undefined;
}

/** The ranks the batch is multiplied by: stated, 1 where the batch needs none, else undefined (unknown). */
export function knownRanks(config: { readonly training?: { readonly devices?: number } }, format: string): number | undefined {
  const devices = config.training?.devices;
  if (typeof devices === 'number' && Number.isInteger(devices) && devices >= 1) return devices;
  return BATCH_IS_TOTAL.includes(format) ? 1 : undefined;
}
