import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { memberName, unwrap, variableOf } from './static.js';
import type { Scopes } from './static.js';

/** The packages whose API the extractor understands; they export the same Layers API. */
export const TFJS_PACKAGES: readonly string[] = ['@tensorflow/tfjs', '@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-layers'];

/** A path into the TF.js namespace: `['layers', 'dense']` for `tf.layers.dense`. */
export type ApiPath = readonly string[];

/**
 * The local names bound to TF.js: `import * as tf`, `import tf from`, `import { layers as L }`,
 * `const tf = require(…)`, `const { sequential } = require(…)`. Maps each variable to the API path it
 * stands for (`[]` for the namespace itself).
 */
export class TfjsBindings {
  private readonly paths = new Map<TSESLint.Scope.Variable, ApiPath>();

  constructor(private readonly scopes: Scopes) {}

  get isEmpty(): boolean {
    return this.paths.size === 0;
  }

  addImport(declaration: TSESTree.ImportDeclaration): void {
    if (!TFJS_PACKAGES.includes(declaration.source.value)) return;
    for (const specifier of declaration.specifiers) {
      const path =
        specifier.type === 'ImportSpecifier'
          ? [specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value]
          : [];
      this.bind(specifier.local, path);
    }
  }

  /** `const tf = require('@tensorflow/tfjs')` and `const { layers, train } = require(…)`. */
  addRequire(call: TSESTree.CallExpression): void {
    const [source] = call.arguments;
    if (source?.type !== 'Literal' || typeof source.value !== 'string' || !TFJS_PACKAGES.includes(source.value)) return;
    let parent = call.parent;
    while (parent && (parent.type === 'AwaitExpression' || parent.type === 'TSAsExpression')) parent = parent.parent;
    if (parent?.type !== 'VariableDeclarator') return;
    if (parent.id.type === 'Identifier') this.bind(parent.id, []);
    else if (parent.id.type === 'ObjectPattern') {
      for (const property of parent.id.properties) {
        if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') continue;
        if (property.value.type === 'Identifier') this.bind(property.value, [property.key.name]);
      }
    }
  }

  /** The API path an expression names (`tf.layers.dense`, `layers.dense`, `sequential`), if it is TF.js. */
  pathOf(node: TSESTree.Node): ApiPath | undefined {
    const expression = unwrap(node);
    if (expression.type === 'Identifier') {
      const variable = variableOf(expression, this.scopes);
      return variable ? this.paths.get(variable) : undefined;
    }
    if (expression.type === 'MemberExpression') {
      const base = this.pathOf(expression.object);
      const name = base && memberName(expression, this.scopes);
      return base && name !== undefined ? [...base, name] : undefined;
    }
    return undefined;
  }

  /** The API path a call invokes, joined with dots (`layers.dense`), if the callee is TF.js. */
  callOf(node: TSESTree.Node): string | undefined {
    const expression = unwrap(node);
    if (expression.type !== 'CallExpression') return undefined;
    return this.pathOf(expression.callee)?.join('.');
  }

  /** How this file spells an API path (`tf.train.adam`, `train.adam`), or undefined if it has no binding for it. */
  spell(path: ApiPath): string | undefined {
    let best: string | undefined;
    for (const [variable, bound] of this.paths) {
      if (bound.length > path.length || !bound.every((segment, i) => segment === path[i])) continue;
      const text = [variable.name, ...path.slice(bound.length)].join('.');
      if (best === undefined || text.length < best.length) best = text;
    }
    return best;
  }

  private bind(identifier: TSESTree.Identifier, path: ApiPath): void {
    const variable = variableOf(identifier, this.scopes);
    if (variable) this.paths.set(variable, path);
  }
}
