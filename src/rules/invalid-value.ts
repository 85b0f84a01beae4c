import { createRule, NO_OPTIONS } from '../engine/rule.js';
import { isPlainObject } from '../model/normalize.js';
import { pointer, pointerToDotPath } from '../model/pointer.js';
import type { Pointer } from '../model/pointer.js';
import { formatNumber } from './util.js';

/** A value's mathematical domain, by the key that holds it. */
interface Domain {
  readonly test: (value: number) => boolean;
  readonly text: string;
}

const positive: Domain = { test: (v) => v > 0, text: 'greater than 0' };
const nonNegative: Domain = { test: (v) => v >= 0, text: '0 or more' };
const atLeastOne: Domain = { test: (v) => v >= 1, text: '1 or more' };
const unitOpen: Domain = { test: (v) => v >= 0 && v < 1, text: 'in [0, 1)' };
const unitClosed: Domain = { test: (v) => v >= 0 && v <= 1, text: 'in [0, 1]' };

/** Keys whose domain is the same wherever they appear in the canonical model. */
const DOMAINS: Readonly<Record<string, Domain>> = {
  learningRate: positive,
  epsilon: positive,
  batchSize: atLeastOne,
  devices: atLeastOne,
  gradientAccumulation: atLeastOne,
  epochs: atLeastOne,
  maxSteps: atLeastOne,
  trainSize: atLeastOne,
  numClasses: atLeastOne,
  units: atLeastOne,
  filters: atLeastOne,
  inputDim: atLeastOne,
  outputDim: atLeastOne,
  trials: atLeastOne,
  kernelSize: atLeastOne,
  strides: atLeastOne,
  poolSize: atLeastOne,
  validationSize: nonNegative,
  rate: unitOpen,
  dropout: unitOpen,
  recurrentDropout: unitOpen,
  validationSplit: unitOpen,
  momentum: unitOpen,
  beta1: unitOpen,
  beta2: unitOpen,
  rho: unitOpen,
  weightDecay: nonNegative,
  l1: nonNegative,
  l2: nonNegative,
  patience: nonNegative,
  minDelta: nonNegative,
  weight: nonNegative,
  gamma: nonNegative,
  alpha: unitClosed,
};

/** Where a key's usual domain does not hold: a frozen group may have rate 0; search bounds are free. */
function domainFor(path: readonly (string | number)[]): Domain | undefined {
  const [section] = path;
  if (section === 'search') return undefined;
  if (section === 'optimizer' && path[1] === 'layerLearningRates') return path.at(-1) === 'learningRate' ? nonNegative : undefined;
  if (section === 'schedule') return path.at(-1) === 'patience' ? nonNegative : undefined;
  // LoRA alpha is a scale (often twice the rank), not the focal-loss probability α.
  if (section === 'model' && path[1] === 'lora' && path.at(-1) === 'alpha') return nonNegative;
  // The innermost key: a list item's domain is its list's (`values/2` of a key).
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key === 'string') return Object.hasOwn(DOMAINS, key) ? DOMAINS[key] : undefined;
  }
  return undefined;
}

export default createRule<Record<string, never>>({
  id: 'invalid-value',
  meta: {
    description: 'A value outside its mathematical domain or of the wrong type (a learning rate ≤ 0, a dropout rate ≥ 1, a batch of 0, a number written as text).',
    severity: 'error',
    tier: null,
    category: 'training-process',
    guide: 'schema',
    code: true,
    fixable: false,
    ...NO_OPTIONS,
  },
  check(config, context) {
    for (const problem of context.document.typeProblems) {
      context.report({ path: problem.path, message: `${describePath(problem.path)} must be ${problem.expected}, not ${JSON.stringify(problem.value)}.` });
    }
    const visit = (value: unknown, path: (string | number)[]): void => {
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) {
          const at = pointer(...path);
          if (path[0] !== 'search') context.report({ path: at, message: `${describePath(at)} must be a finite number, not ${formatNumber(value)}.` });
          return;
        }
        const domain = domainFor(path);
        if (domain && !domain.test(value)) {
          const at = pointer(...path);
          context.report({ path: at, message: `${describePath(at)} must be ${domain.text}; it is ${formatNumber(value)}.` });
        }
      } else if (Array.isArray(value)) {
        value.forEach((item, index) => visit(item, [...path, index]));
      } else if (isPlainObject(value)) {
        for (const key of Object.keys(value)) visit(value[key], [...path, key]);
      }
    };
    visit(config, []);
  },
});

function describePath(path: Pointer): string {
  return pointerToDotPath(path) || 'the document';
}
