import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { memberName, unwrap, variableOf } from './static.js';
import type { Scopes } from './static.js';

/**
 * The packages whose API the extractor understands: the union package and its Node builds export the
 * Layers API and the core API under the same names; tfjs-layers and tfjs-core export their halves
 * (`layers`, `sequential`, … and `train`, …) under those names too.
 */
export const TFJS_PACKAGES: readonly string[] = [
  '@tensorflow/tfjs',
  '@tensorflow/tfjs-node',
  '@tensorflow/tfjs-node-gpu',
  '@tensorflow/tfjs-layers',
  '@tensorflow/tfjs-core',
];

/** The global a `<script src=".../tf.min.js">` page gets. */
export const GLOBAL_TF = 'tf';

/** A path into the TF.js namespace: `['layers', 'dense']` for `tf.layers.dense`. */
export type ApiPath = readonly string[];

/**
 * The local names bound to TF.js: `import * as tf`, `import tf from`, `import { default as tf }`,
 * `import { layers as L }`, `const tf = require(…)`, `const { sequential } = require(…)`,
 * `const tf = await import(…)`, and the global `tf` of a browser script. Maps each variable to the API
 * path it stands for (`[]` for the namespace itself).
 */
export class TfjsBindings {
  private readonly paths = new Map<TSESLint.Scope.Variable, ApiPath>();
  /** True when the file uses a `tf` it never declares: the global of TF.js' `<script>` build. */
  private globalTf = false;

  constructor(private readonly scopes: Scopes) {}

  get isEmpty(): boolean {
    return this.paths.size === 0 && !this.globalTf;
  }

  /** The file reads `tf` without declaring it (an undeclared global, or one declared by ESLint's `globals`). */
  useGlobal(): void {
    this.globalTf = true;
  }

  addImport(declaration: TSESTree.ImportDeclaration): void {
    if (!TFJS_PACKAGES.includes(declaration.source.value)) return;
    for (const specifier of declaration.specifiers) {
      const imported = specifier.type === 'ImportSpecifier' ? (specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value) : undefined;
      // `import { default as tf }` is the default import spelled out: the namespace, as bundlers give it.
      this.bind(specifier.local, imported === undefined || imported === 'default' ? [] : [imported]);
    }
  }

  /** `const tf = require('@tensorflow/tfjs')`, `const { layers, train } = require(…)`, `const tf = await import(…)`. */
  addRequire(call: TSESTree.CallExpression | TSESTree.ImportExpression): void {
    const source = call.type === 'ImportExpression' ? call.source : call.arguments[0];
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
      const bound = variable && this.paths.get(variable);
      if (bound) return bound;
      return this.globalTf && expression.name === GLOBAL_TF && (!variable || variable.defs.length === 0) ? [] : undefined;
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
    let best: string | undefined = this.globalTf ? [GLOBAL_TF, ...path].join('.') : undefined;
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
