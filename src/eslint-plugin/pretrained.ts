import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isNode, memberName, resolveExpression, unwrap, variableOf } from './static.js';
import type { Scopes } from './static.js';

/**
 * Whether a training setup fine-tunes pretrained weights, decided from what is trained: a model loaded
 * with `loadLayersModel` and trained itself is fine-tuning; a model built around a loaded one is
 * fine-tuning when the loaded layers stay trainable, and from-scratch training of the new layers when
 * the loaded model is frozen (`base.trainable = false`, or every layer of `base.layers` set so). A model
 * that shares nothing with a loaded one is trained from scratch, whatever else the file loads.
 */
export class PretrainedWeights {
  /** Loaded models that are frozen as a whole (`base.trainable = false`, a loop over all of `base.layers`). */
  private readonly frozen = new Set<TSESLint.Scope.Variable>();

  constructor(
    private readonly scopes: Scopes,
    private readonly loaded: ReadonlySet<TSESLint.Scope.Variable>,
    freezes: readonly TSESTree.AssignmentExpression[],
  ) {
    for (const assignment of freezes) {
      const base = this.frozenModel(assignment);
      if (base) this.frozen.add(base);
    }
  }

  /** `pretrained` for a built model whose definition spans `nodes`: undefined when it contains no loaded model. */
  ofBuiltModel(nodes: readonly TSESTree.Node[]): boolean | undefined {
    if (this.loaded.size === 0) return undefined;
    const bases = new Set<TSESLint.Scope.Variable>();
    for (const node of nodes) this.collectLoaded(node, bases);
    if (bases.size === 0) return undefined;
    return [...bases].some((base) => !this.frozen.has(base));
  }

  private collectLoaded(root: TSESTree.Node, into: Set<TSESLint.Scope.Variable>): void {
    const stack: unknown[] = [root];
    while (stack.length > 0) {
      const node = stack.pop();
      if (!isNode(node)) continue;
      if (node.type === 'Identifier') {
        const variable = variableOf(node, this.scopes);
        if (variable && this.loaded.has(variable)) into.add(variable);
        continue;
      }
      for (const [key, child] of Object.entries(node)) {
        if (key === 'parent') continue;
        if (Array.isArray(child)) stack.push(...child);
        else stack.push(child);
      }
    }
  }

  /** The loaded model an assignment `… .trainable = false` freezes as a whole, if it does. */
  private frozenModel(assignment: TSESTree.AssignmentExpression): TSESLint.Scope.Variable | undefined {
    const target = assignment.left as TSESTree.MemberExpression;
    const object = unwrap(target.object);
    if (object.type !== 'Identifier') return undefined;
    const variable = variableOf(object, this.scopes);
    if (!variable) return undefined;
    if (this.loaded.has(variable)) return variable;
    // `for (const layer of base.layers) layer.trainable = false` and `base.layers.forEach((layer) => …)`.
    const def = variable.defs[0];
    if (variable.defs.length !== 1 || !def) return undefined;
    if (def.type === 'Variable' && def.parent?.parent?.type === 'ForOfStatement') return this.layersOf(def.parent.parent.right);
    if (def.type === 'Parameter') {
      const callback = def.node;
      const call = callback.parent;
      if (call?.type === 'CallExpression' && call.arguments[0] === callback && call.callee.type === 'MemberExpression' && memberName(call.callee, this.scopes) === 'forEach') {
        return this.layersOf(call.callee.object);
      }
    }
    return undefined;
  }

  /** `base.layers` (all of them, not a slice) → the loaded model `base`. */
  private layersOf(expression: TSESTree.Node): TSESLint.Scope.Variable | undefined {
    const node = resolveExpression(expression, this.scopes);
    if (node.type !== 'MemberExpression' || memberName(node, this.scopes) !== 'layers') return undefined;
    const object = unwrap(node.object);
    const variable = object.type === 'Identifier' ? variableOf(object, this.scopes) : undefined;
    return variable && this.loaded.has(variable) ? variable : undefined;
  }
}
