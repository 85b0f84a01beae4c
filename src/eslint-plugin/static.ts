import { ASTUtils, AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** How far `const a = b; const b = c; …` chains are followed before giving up. */
const MAX_ALIAS_DEPTH = 8;

/** The scope lookups the extractor needs, bound to one file. */
export interface Scopes {
  scopeOf(node: TSESTree.Node): TSESLint.Scope.Scope;
}

/** Strips what only the type checker sees (`as`, `!`, `satisfies`, `<T>x`) and `await`. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.AwaitExpression:
        current = current.type === AST_NODE_TYPES.AwaitExpression ? current.argument : current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The variable an identifier refers to, if the scope manager resolves it. */
export function variableOf(node: TSESTree.Identifier, scopes: Scopes): TSESLint.Scope.Variable | undefined {
  return ASTUtils.findVariable(scopes.scopeOf(node), node) ?? undefined;
}

/**
 * The expression a name stands for: follows identifiers to the initialiser of a variable that is
 * never reassigned (`const optimizer = tf.train.adam(0.5)`). Anything else is returned unwrapped.
 */
export function resolveExpression(node: TSESTree.Node, scopes: Scopes): TSESTree.Node {
  let current = unwrap(node);
  for (let depth = 0; depth < MAX_ALIAS_DEPTH && current.type === AST_NODE_TYPES.Identifier; depth++) {
    const init = initialiserOf(current, scopes);
    if (!init) break;
    current = unwrap(init);
  }
  return current;
}

function initialiserOf(identifier: TSESTree.Identifier, scopes: Scopes): TSESTree.Expression | undefined {
  const variable = variableOf(identifier, scopes);
  if (!variable || variable.defs.length !== 1) return undefined;
  const declarator = variable.defs[0]?.node;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  const reassigned = variable.references.some((ref) => ref.isWrite() && ref.identifier !== declarator.id);
  return reassigned ? undefined : declarator.init;
}

/** A value known without running the code (literals, consts, simple arithmetic); undefined otherwise. */
export function staticValue(node: TSESTree.Node, scopes: Scopes): { value: unknown } | undefined {
  const result = ASTUtils.getStaticValue(node, scopes.scopeOf(node));
  return result ?? undefined;
}

/** A property's key as written (`units`, `'units'`, `['units']` with a static key). */
export function propertyKey(property: TSESTree.Property, scopes: Scopes): string | undefined {
  if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  const key = staticValue(property.key, scopes)?.value;
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}

/**
 * The properties of an object literal whose values are certain: a property that a later spread may
 * override is left out (it is unknown), as is anything after a computed key that does not resolve.
 */
export function objectProperties(node: TSESTree.Node | undefined, scopes: Scopes): Map<string, TSESTree.Property> | undefined {
  if (!node) return undefined;
  const object = resolveExpression(node, scopes);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const properties = new Map<string, TSESTree.Property>();
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      properties.clear();
      continue;
    }
    const key = propertyKey(property, scopes);
    if (key !== undefined && property.kind === 'init') properties.set(key, property);
  }
  return properties;
}

/** True for an object literal with a spread (`{ ...defaults, epochs: 5 }`): any key may be set by it. */
export function hasSpread(node: TSESTree.Node | undefined, scopes: Scopes): boolean {
  if (!node) return false;
  const object = resolveExpression(node, scopes);
  return object.type === AST_NODE_TYPES.ObjectExpression && object.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement);
}

/** The elements of an array literal (after resolving names), or undefined for anything else or holes/spreads. */
export function arrayElements(node: TSESTree.Node, scopes: Scopes): TSESTree.Expression[] | undefined {
  const array = resolveExpression(node, scopes);
  if (array.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
  const elements: TSESTree.Expression[] = [];
  for (const element of array.elements) {
    if (!element || element.type === AST_NODE_TYPES.SpreadElement) return undefined;
    elements.push(element);
  }
  return elements;
}

/** The name of a member access's property (`a.b`, `a['b']`), when static. */
export function memberName(node: TSESTree.MemberExpression, scopes: Scopes): string | undefined {
  return ASTUtils.getPropertyName(node, scopes.scopeOf(node)) ?? undefined;
}
