import { createRule, NO_OPTIONS } from '../engine/rule.js';
import type { EditOp, Finding } from '../engine/rule.js';
import { pointer } from '../model/pointer.js';
import type { Pointer } from '../model/pointer.js';
import type { LossTerm, TrainingConfig } from '../model/types.js';
import { lossKind, takesLogits } from './losses.js';
import { layerKind, layersOf } from './util.js';
import type { AnyLayer } from './util.js';

/** The network's last activation, where it is written, and how wide the output is. */
interface Output {
  readonly activation: string;
  /** The layer that applies the activation (a dense layer, or a standalone activation layer). */
  readonly layer: AnyLayer;
  readonly layerPath: Pointer;
  readonly units?: number;
  readonly name?: string;
}

export default createRule<Record<string, never>>({
  id: 'loss-output-mismatch',
  meta: {
    description: "The last layer's activation does not fit the loss (softmax with binary cross-entropy, a sigmoid over several classes with categorical cross-entropy, an activated output fed to a from-logits loss, relu where the output must go negative).",
    severity: 'warning',
    tier: 1,
    category: 'loss',
    guide: '§2.2',
    code: true,
    fixable: 'unsafe',
    ...NO_OPTIONS,
  },
  check(config, context) {
    const output = outputOf(config);
    if (!output) return;
    const terms = (config.losses ?? []).map((term, index) => ({ term, index })).filter(({ term }) => term.output === undefined || term.output === output.name);
    const findings = terms.map(({ term, index }) => mismatch(output, term, index)).filter((f): f is Finding => f !== undefined);
    if (findings.length === 0 && output.activation === 'relu' && config.data?.task === 'regression') {
      findings.push(
        activationFinding(output, 'linear', 'A relu output for a regression task cannot predict negative targets, and a unit stuck at 0 stops learning; regression outputs are linear.'),
      );
    }
    // Two terms with the same mismatch (a loss listed per output head) point at the same activation: report it once.
    findings.filter((finding, i) => findings.findIndex((f) => f.path === finding.path) === i).forEach((finding) => context.report(finding));
  },
});

/** The first mismatch between the output and one loss term; checks run strongest first, so each term reports once. */
function mismatch(output: Output, term: LossTerm, index: number): Finding | undefined {
  const kind = lossKind(term);
  const name = term.name ? `"${term.name}"` : `losses.${index}`;
  const logits = takesLogits(term);
  const { activation, units } = output;
  if (logits && (activation === 'softmax' || activation === 'sigmoid')) {
    const message = `The output layer applies ${activation}, but loss ${name} takes logits and applies ${activation} again: it reads probabilities as logits, and the gradients shrink.`;
    if (typeof term.fromLogits !== 'boolean') return activationFinding(output, 'linear', message);
    const path = pointer('losses', index, 'fromLogits');
    return { path, message, suggestion: { path, value: false, description: `Set losses.${index}.fromLogits to false: the output is already ${activation}.`, edits: [{ op: 'set', path, value: false }] } };
  }
  if (logits && activation === 'relu') {
    return activationFinding(output, 'linear', `The output layer applies relu, but loss ${name} takes logits, which must be able to go negative; relu clips them at 0.`);
  }
  if (activation === 'softmax' && kind === 'binaryCrossEntropy') {
    const why = units === 1 ? 'a softmax over one unit always outputs 1, so nothing can be learned' : 'softmax makes the outputs compete (they sum to 1) while binary cross-entropy scores each as an independent probability';
    return activationFinding(output, 'sigmoid', `Softmax output with binary cross-entropy (${name}): ${why}.`);
  }
  if (activation === 'sigmoid' && units !== undefined && units > 1 && kind === 'categoricalCrossEntropy') {
    return activationFinding(output, 'softmax', `Sigmoid output over ${units} units with categorical cross-entropy (${name}): the outputs are not a distribution over the classes, which the loss expects.`);
  }
  return undefined;
}

/** A finding on the output's activation, suggesting another one. */
function activationFinding(output: Output, replacement: string, message: string): Finding {
  const path = `${output.layerPath}/activation`;
  const writtenAsType = output.layer.activation === undefined && layerKind(output.layer.type) === 'activation';
  // A standalone `type: softmax` layer becomes `type: activation` with the new activation.
  const edits: EditOp[] = [
    ...(writtenAsType ? [{ op: 'set' as const, path: `${output.layerPath}/type`, value: 'activation' }] : []),
    { op: 'set', path, value: replacement },
  ];
  return {
    path: output.layer.activation === undefined ? output.layerPath : path,
    message,
    suggestion: { path, value: replacement, description: `Use a ${replacement} output activation.`, edits },
  };
}

/**
 * The last layer's activation: its own (a dense layer without one is linear), or a standalone activation
 * layer's with the width of the layer before it. Undefined when the last layer's activation is unknown.
 */
function outputOf(config: TrainingConfig): Output | undefined {
  const layers = layersOf(config);
  const index = layers.length - 1;
  const outer = layers[index];
  if (!outer) return undefined;
  const layer: AnyLayer = outer.layer ?? outer;
  const layerPath = outer.layer ? pointer('model', 'layers', index, 'layer') : pointer('model', 'layers', index);
  const kind = layerKind(layer.type);
  // `type: softmax` names its activation; a bare `type: activation` without one says nothing.
  const named = kind === 'activation' && !/^activation$/i.test(layer.type ?? '') ? layer.type : undefined;
  const written = layer.activation ?? named ?? (kind === 'dense' ? 'linear' : undefined);
  if (written === undefined) return undefined;
  const previous = layers[index - 1];
  const units = kind === 'activation' ? (previous?.layer ?? previous)?.units : layer.units;
  return { activation: written.toLowerCase(), layer, layerPath, units, name: outer.name };
}
