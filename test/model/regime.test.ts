import { describe, expect, it } from 'vitest';
import { inferRanks, knownRanks } from '../../src/model/distributed.js';
import { effectiveRegime, inferRegime } from '../../src/model/regime.js';

const hf = (root: Record<string, unknown>, config: Record<string, unknown> = {}) => inferRegime({ root, format: 'hf', config });

describe('inferRegime', () => {
  it('reads the method from axolotl rl:, LLaMA-Factory stage: and loss_type, with adapters from adapter:', () => {
    expect(hf({ base_model: 'm', rl: 'dpo', adapter: 'qlora' })).toEqual({ kind: 'preference', method: 'DPO', parameterEfficient: true, evidence: 'rl: dpo' });
    expect(hf({ model_name_or_path: 'm', stage: 'kto', finetuning_type: 'lora' })).toMatchObject({ kind: 'preference', method: 'KTO', parameterEfficient: true });
    expect(hf({ model_name_or_path: 'm', loss_type: 'simpo' })).toMatchObject({ kind: 'preference', method: 'SimPO', parameterEfficient: false });
  });

  it('reads RL from trainer-only keys, and leaves adapters open in a TrainingArguments dump', () => {
    expect(hf({ model_name_or_path: 'm', num_generations: 8 })).toMatchObject({ kind: 'rl', method: 'GRPO', parameterEfficient: false });
    const dump = hf({ num_generations: 6, log_level_replica: 'warning', learning_rate: 2e-4 });
    expect(dump).toMatchObject({ kind: 'rl', method: 'GRPO' });
    expect(dump?.parameterEfficient).toBeUndefined();
  });

  it('prefers a run name to the generic DPO keys (ORPO and DPO share beta and max_prompt_length)', () => {
    expect(hf({ model_name_or_path: 'm', beta: 0.05, max_prompt_length: 1792, output_dir: 'data/llama3-8b-orpo-v1.0' })).toMatchObject({ kind: 'preference', method: 'ORPO' });
    expect(hf({ model_name_or_path: 'm', beta: 0.1, max_prompt_length: 512 })).toMatchObject({ kind: 'preference', method: 'DPO', evidence: 'beta with max_prompt_length' });
  });

  it('reads LLM pretraining from an architecture instead of a checkpoint', () => {
    expect(hf({ model_init_kwargs: { hidden_size: 256, num_hidden_layers: 4 }, learning_rate: 8e-3 })).toMatchObject({ kind: 'pretrain' });
    expect(inferRegime({ root: { model_name: 'pythia-14m', train: { max_tokens: 1e9 } }, format: 'lightning', config: {} })).toMatchObject({ kind: 'pretrain' });
  });

  it('needs an SFT sign besides a HuggingFace checkpoint, which SFT, DPO and GRPO all start from', () => {
    expect(hf({ model_name_or_path: 'm', learning_rate: 2e-5 })).toBeUndefined();
    expect(hf({ model_name_or_path: 'm', packing: true })).toMatchObject({ kind: 'finetune', parameterEfficient: false });
    expect(hf({ base_model: 'm', adapter: null, micro_batch_size: 1 })).toMatchObject({ kind: 'finetune', parameterEfficient: false });
  });

  it('leaves a detector with pretrained weights open, and names scratch only for an empty checkpoint', () => {
    expect(inferRegime({ root: {}, format: 'detectron2', config: { pretrained: true } })).toBeUndefined();
    expect(inferRegime({ root: {}, format: 'detectron2', config: { pretrained: false } })).toMatchObject({ kind: 'scratch' });
  });

  it('tells a hand-built Keras network (scratch) from a Keras Applications one (open)', () => {
    const model = (names: string[]) => ({ model: { layers: names.map((name) => ({ type: 'conv2d', name })) } });
    expect(inferRegime({ root: {}, format: 'tfjs', config: model(['conv2d', 'dense']) })).toMatchObject({ kind: 'scratch' });
    expect(inferRegime({ root: {}, format: 'tfjs', config: model(['conv1_pad', 'conv2_block1_1_conv']) })).toBeUndefined();
  });
});

describe('effectiveRegime', () => {
  it('keeps a stated regime, and applies the native contract (no pretrained weights: from scratch)', () => {
    expect(effectiveRegime({ regime: { kind: 'rl', method: 'PPO' } }, 'native')).toMatchObject({ kind: 'rl', method: 'PPO' });
    expect(effectiveRegime({}, 'native')).toMatchObject({ kind: 'scratch' });
    expect(effectiveRegime({ pretrained: true }, 'tfjs')).toMatchObject({ kind: 'finetune' });
    expect(effectiveRegime({ pretrained: true }, 'hf')).toBeUndefined();
  });
});

describe('ranks', () => {
  it('reads accelerate, torchrun, axolotl and DeepSpeed keys', () => {
    expect(inferRanks({ num_processes: '4 ' })).toEqual({ ranks: 4, evidence: 'num_processes: 4' });
    expect(inferRanks({ nproc_per_node: 8, nnodes: 2 })?.ranks).toBe(16);
    expect(inferRanks({ dp_shard_size: 4 })?.ranks).toBe(4);
    expect(inferRanks({ train_batch_size: 16, train_micro_batch_size_per_gpu: 1, gradient_accumulation_steps: 8 })?.ranks).toBe(2);
    expect(inferRanks({ train_batch_size: 'auto' })).toBeUndefined();
  });

  it('counts 1 only where the batch needs no ranks; elsewhere unknown', () => {
    expect(knownRanks({}, 'tfjs')).toBe(1);
    expect(knownRanks({}, 'detectron2')).toBe(1);
    expect(knownRanks({}, 'hf')).toBeUndefined();
    expect(knownRanks({ training: { devices: 4 } }, 'lightning')).toBe(4);
  });
});
