/**
 * The canonical model, written out as hplint's own format (README "The native format"). This schema is the single source
 * of truth: the TypeScript types are derived from it (`types.ts`), the normaliser walks it, `unknown-key`
 * uses it for suggestions, and `schema/hplint.schema.json` is generated from it (a test checks the copy).
 * Every field is optional: rules check what is there and stay silent about what is not.
 */

/** Training regimes (src/model/regime.ts infers them); each has its own learning-rate range. */
export const REGIME_KINDS = ['scratch', 'finetune', 'peft', 'preference', 'rl', 'pretrain'] as const;

const number = { type: 'number' } as const;
const integer = { type: 'integer' } as const;
const boolean = { type: 'boolean' } as const;
const string = { type: 'string' } as const;
const kernel = {
  anyOf: [integer, { type: 'array', items: integer }],
  description: 'A kernel size: one number, or one per spatial dimension.',
} as const;

const innerLayerProperties = {
  type: { type: 'string', description: 'Layer kind in TF.js camelCase: dense, conv2d, dropout, batchNormalization, lstm, …' },
  name: string,
  units: integer,
  filters: integer,
  kernelSize: kernel,
  strides: kernel,
  poolSize: kernel,
  padding: string,
  activation: string,
  useBias: boolean,
  rate: { type: 'number', description: 'Dropout rate (dropout layers).' },
  dropout: { type: 'number', description: 'Input dropout of a recurrent layer.' },
  recurrentDropout: { type: 'number', description: 'Dropout on the recurrent state (GUIDE §6 Tier 3 warns against it).' },
  returnSequences: boolean,
  inputDim: integer,
  outputDim: integer,
  trainable: boolean,
  inputShape: { type: 'array', items: { type: ['integer', 'null'] }, description: 'Shape of one example, without the batch axis.' },
  momentum: { type: 'number', description: 'Moving-average momentum of a normalization layer.' },
  epsilon: number,
  kernelRegularizer: {
    type: 'object',
    additionalProperties: false,
    properties: { l1: number, l2: number },
  },
} as const;

const layer = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...innerLayerProperties,
    layer: {
      type: 'object',
      additionalProperties: false,
      description: 'The wrapped layer of a bidirectional or timeDistributed wrapper.',
      properties: innerLayerProperties,
    },
  },
} as const;

export const hplintSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/hplint/hplint/schema/hplint.schema.json',
  title: 'hplint training configuration',
  description: 'Hyperparameters of one training run, in hplint\'s canonical format.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: string,
    pretrained: { type: 'boolean', description: 'Fine-tuning a pretrained network (GUIDE §4.5).' },
    regime: {
      type: 'object',
      additionalProperties: false,
      description: 'How the run trains, which sets the learning-rate range (docs/rules/learning-rate-range.md). Inferred from the file when absent.',
      properties: {
        kind: { type: 'string', enum: REGIME_KINDS, description: 'scratch, finetune (full), peft (adapters), preference (DPO, KTO, ORPO, SimPO …), rl (PPO, GRPO …), pretrain (LLM pretraining).' },
        method: { type: 'string', description: 'The method as people name it: DPO, SimPO, GRPO, LoRA, …' },
        parameterEfficient: { type: 'boolean', description: 'Adapters (LoRA/QLoRA/…) on a frozen base model.' },
        evidence: { type: 'string', description: 'What in the file shows the regime.' },
      },
    },
    data: {
      type: 'object',
      additionalProperties: false,
      properties: {
        trainSize: { type: 'integer', description: 'Number of training examples.' },
        validationSplit: { type: 'number', description: 'Fraction of the training data held out for validation.' },
        validationSize: { type: 'integer', description: 'Number of validation examples.' },
        numClasses: integer,
        task: { type: 'string', enum: ['classification', 'binaryClassification', 'regression'] },
      },
    },
    model: {
      type: 'object',
      additionalProperties: false,
      properties: {
        layers: { type: 'array', items: layer, description: 'In order, input to output.' },
        lora: {
          type: 'object',
          additionalProperties: false,
          description: 'Low-rank adapters trained on a frozen pretrained model (LoRA / QLoRA).',
          properties: { rank: integer, alpha: number, dropout: number },
        },
      },
    },
    optimizer: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: { type: 'string', description: 'sgd momentum nesterov adagrad adadelta rmsprop adam adamw adamax nadam (others allowed).' },
        learningRate: number,
        momentum: number,
        nesterov: boolean,
        beta1: number,
        beta2: number,
        epsilon: number,
        rho: number,
        weightDecay: { type: 'number', description: 'Decoupled for adamw (or with decoupledWeightDecay), coupled (L2) otherwise.' },
        decoupledWeightDecay: { type: 'boolean', description: 'The optimizer decays the weights directly, AdamW-style (Keras 3 `weight_decay`), whatever its name.' },
        layerLearningRates: {
          type: 'array',
          description: 'Differential learning rates, bottom group first (GUIDE §5.5).',
          items: {
            type: 'object',
            additionalProperties: false,
            properties: {
              layers: { type: 'array', items: integer },
              learningRate: number,
            },
          },
        },
      },
    },
    schedule: {
      type: 'object',
      additionalProperties: false,
      properties: {
        type: {
          type: 'string',
          description: 'constant exponentialDecay piecewiseConstant polynomialDecay inverseTimeDecay cosineDecay reduceOnPlateau (others allowed).',
        },
        decaySteps: number,
        decayRate: number,
        staircase: boolean,
        boundaries: { type: 'array', items: number },
        values: { type: 'array', items: number },
        endLearningRate: number,
        power: number,
        cycle: boolean,
        alpha: number,
        monitor: string,
        factor: number,
        patience: number,
        minLearningRate: number,
        warmupSteps: number,
        warmupEpochs: number,
        warmupRatio: number,
      },
    },
    training: {
      type: 'object',
      additionalProperties: false,
      properties: {
        batchSize: { type: 'integer', description: 'Per device.' },
        devices: { type: 'integer', description: 'Data-parallel processes (GPUs × nodes); absent when the file does not say.' },
        gradientAccumulation: integer,
        epochs: number,
        maxSteps: integer,
        evaluationsPerEpoch: { type: 'number', description: 'Validation runs per epoch (HF eval_strategy epoch = 1, axolotl evals_per_epoch).' },
        earlyStopping: {
          type: 'object',
          additionalProperties: false,
          properties: {
            monitor: string,
            patience: number,
            minDelta: number,
            unit: { type: 'string', enum: ['epochs', 'evaluations'], description: 'What patience counts: HF and axolotl count evaluations, Keras and Ultralytics epochs (the default).' },
          },
        },
      },
    },
    regularization: {
      type: 'object',
      additionalProperties: false,
      properties: { l1: number, l2: number },
    },
    losses: {
      type: 'array',
      description: 'Loss terms; the total is Σ weight × value.',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          name: { type: 'string', description: 'crossEntropy, categoricalCrossentropy, binaryCrossentropy, meanSquaredError, focal, centerLoss, …' },
          weight: number,
          expectedValue: { type: 'number', description: 'Typical magnitude of the term\'s value early in training.' },
          output: { type: 'string', description: 'The model output this term applies to.' },
          fromLogits: boolean,
          gamma: number,
          alpha: number,
        },
      },
    },
    search: {
      type: 'object',
      additionalProperties: false,
      properties: {
        strategy: { type: 'string', description: 'grid random quasiRandom bayesian' },
        trials: integer,
        space: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            properties: {
              parameter: { type: 'string', description: 'Canonical dot path, e.g. optimizer.learningRate.' },
              values: { type: 'array', items: {} },
              min: number,
              max: number,
              scale: { type: 'string', enum: ['linear', 'log'] },
            },
          },
        },
      },
    },
  },
} as const;

/** A JSON Schema node as this module writes them: enough structure for the normaliser to walk. */
export interface SchemaNode {
  type?: string | readonly string[];
  properties?: Readonly<Record<string, SchemaNode>>;
  items?: SchemaNode;
  anyOf?: readonly SchemaNode[];
  enum?: readonly unknown[];
  additionalProperties?: boolean;
  description?: string;
}

export const TOP_LEVEL_KEYS: readonly string[] = Object.keys(hplintSchema.properties).filter((k) => k !== '$schema');
