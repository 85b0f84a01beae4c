/**
 * What the extractor can know about code without running it. Written against ESLint's scope manager
 * (`sourceCode.getScope`) and the ESTree shapes every parser produces, so that the plugin needs nothing
 * at run time beyond what ESLint passes it; the TSESTree types are only for the type checker.
 */
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
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
        current = current.expression;
        break;
      case 'AwaitExpression':
        current = current.argument;
        break;
      default:
        return current;
    }
  }
}

/** The variable an identifier refers to: the nearest enclosing scope that declares its name. */
export function variableOf(node: TSESTree.Identifier, scopes: Scopes): TSESLint.Scope.Variable | undefined {
  for (let scope: TSESLint.Scope.Scope | null = scopes.scopeOf(node); scope; scope = scope.upper) {
    const variable = scope.set.get(node.name);
    if (variable) return variable;
  }
  return undefined;
}

/** The declarator of a variable declared once with a plain name and an initialiser, and never reassigned. */
function constantDeclarator(variable: TSESLint.Scope.Variable): TSESTree.VariableDeclarator | undefined {
  if (variable.defs.length !== 1) return undefined;
  const declarator = variable.defs[0]?.node;
  if (declarator?.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier' || !declarator.init) return undefined;
  const reassigned = variable.references.some((ref) => ref.isWrite() && ref.identifier !== declarator.id);
  return reassigned ? undefined : declarator;
}

/**
 * The expression a name stands for: follows identifiers to the initialiser of a variable that is
 * never reassigned (`const optimizer = tf.train.adam(0.5)`). Anything else is returned unwrapped.
 */
export function resolveExpression(node: TSESTree.Node, scopes: Scopes): TSESTree.Node {
  let current = unwrap(node);
  for (let depth = 0; depth < MAX_ALIAS_DEPTH && current.type === 'Identifier'; depth++) {
    const variable = variableOf(current, scopes);
    const init = variable && constantDeclarator(variable)?.init;
    if (!init) break;
    current = unwrap(init);
  }
  return current;
}

/**
 * A value known without running the code: literals, template strings, arithmetic, arrays and object
 * literals of such values, and names and members that lead to them; undefined otherwise.
 */
export function staticValue(node: TSESTree.Node, scopes: Scopes): { value: unknown } | undefined {
  return evaluate(node, scopes, 0);
}


/** Globals whose value every script sees (unless a local name shadows them). */
const GLOBAL_CONSTANTS: Record<string, unknown> = { Infinity, NaN, undefined };

function evaluate(node: TSESTree.Node, scopes: Scopes, depth: number): { value: unknown } | undefined {
  if (depth > MAX_ALIAS_DEPTH * 4) return undefined;
  const inner = (child: TSESTree.Node) => evaluate(child, scopes, depth + 1);
  const expression = unwrap(node);
  switch (expression.type) {
    case 'Literal':
      return 'regex' in expression && expression.regex ? undefined : { value: expression.value };
    case 'TemplateLiteral': {
      let text = expression.quasis[0]?.value.cooked ?? '';
      for (const [index, part] of expression.expressions.entries()) {
        const value = inner(part);
        if (!value) return undefined;
        text += String(value.value) + (expression.quasis[index + 1]?.value.cooked ?? '');
      }
      return { value: text };
    }
    case 'UnaryExpression': {
      const operand = inner(expression.argument);
      if (!operand) return undefined;
      if (expression.operator === '-' && typeof operand.value === 'number') return { value: -operand.value };
      if (expression.operator === '+' && typeof operand.value === 'number') return { value: operand.value };
      if (expression.operator === '!') return { value: !operand.value };
      return undefined;
    }
    case 'BinaryExpression':
      return expression.left.type === 'PrivateIdentifier' ? undefined : arithmetic(expression.operator, inner(expression.left), inner(expression.right));
    case 'ConditionalExpression': {
      const test = inner(expression.test);
      return test ? inner(test.value ? expression.consequent : expression.alternate) : undefined;
    }
    case 'ArrayExpression': {
      const values: unknown[] = [];
      for (const element of expression.elements) {
        const value = element && element.type !== 'SpreadElement' ? inner(element) : undefined;
        if (!value) return undefined;
        values.push(value.value);
      }
      return { value: values };
    }
    case 'ObjectExpression': {
      const object: Record<string, unknown> = {};
      for (const property of expression.properties) {
        if (property.type !== 'Property' || property.kind !== 'init' || property.method) return undefined;
        const key = propertyKey(property, scopes);
        const value = inner(property.value);
        if (key === undefined || !value) return undefined;
        object[key] = value.value;
      }
      return { value: object };
    }
    case 'MemberExpression': {
      const object = inner(expression.object);
      const key = memberName(expression, scopes);
      if (!object || key === undefined || typeof object.value !== 'object' || object.value === null) return undefined;
      return Object.hasOwn(object.value, key) ? { value: (object.value as Record<string, unknown>)[key] } : undefined;
    }
    case 'Identifier': {
      const variable = variableOf(expression, scopes);
      if ((!variable || variable.defs.length === 0) && Object.hasOwn(GLOBAL_CONSTANTS, expression.name)) return { value: GLOBAL_CONSTANTS[expression.name] };
      const declarator = variable && constantDeclarator(variable);
      if (!declarator) return undefined;
      const value = inner(declarator.init!);
      // `const config = {…}` whose members are assigned later holds values this reading cannot follow.
      if (value && typeof value.value === 'object' && value.value !== null && isMutated(variable)) return undefined;
      return value;
    }
    default:
      return undefined;
  }
}

function arithmetic(operator: string, left: { value: unknown } | undefined, right: { value: unknown } | undefined): { value: unknown } | undefined {
  if (!left || !right) return undefined;
  const [a, b] = [left.value, right.value];
  if (operator === '+' && (typeof a === 'string' || typeof b === 'string')) return { value: String(a) + String(b) };
  if (typeof a !== 'number' || typeof b !== 'number') return undefined;
  switch (operator) {
    case '+':
      return { value: a + b };
    case '-':
      return { value: a - b };
    case '*':
      return { value: a * b };
    case '/':
      return { value: a / b };
    case '%':
      return { value: a % b };
    case '**':
      return { value: a ** b };
    default:
      return undefined;
  }
}

/** True when some reference writes into the variable's object (`config.lr = …`, `config.layers.push(…)`, `delete config.x`). */
function isMutated(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some(({ identifier }) => {
    let node: TSESTree.Node = identifier as TSESTree.Node;
    while (node.parent?.type === 'MemberExpression' && node.parent.object === node) node = node.parent;
    if (node === identifier) return false;
    const parent = node.parent;
    if (parent?.type === 'AssignmentExpression' && parent.left === node) return true;
    if (parent?.type === 'UpdateExpression' || (parent?.type === 'UnaryExpression' && parent.operator === 'delete')) return true;
    return parent?.type === 'CallExpression' && parent.callee === node;
  });
}

/** A property's key as written (`units`, `'units'`, `['units']` with a static key). */
export function propertyKey(property: TSESTree.Property, scopes: Scopes): string | undefined {
  if (!property.computed && property.key.type === 'Identifier') return property.key.name;
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
  if (object.type !== 'ObjectExpression') return undefined;
  const properties = new Map<string, TSESTree.Property>();
  for (const property of object.properties) {
    if (property.type === 'SpreadElement') {
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
  return object.type === 'ObjectExpression' && object.properties.some((p) => p.type === 'SpreadElement');
}

/** The elements of an array literal (after resolving names), or undefined for anything else or holes/spreads. */
export function arrayElements(node: TSESTree.Node, scopes: Scopes): TSESTree.Expression[] | undefined {
  const array = resolveExpression(node, scopes);
  if (array.type !== 'ArrayExpression') return undefined;
  const elements: TSESTree.Expression[] = [];
  for (const element of array.elements) {
    if (!element || element.type === 'SpreadElement') return undefined;
    elements.push(element);
  }
  return elements;
}

/** The name of a member access's property (`a.b`, `a['b']`), when static. */
export function memberName(node: TSESTree.MemberExpression, scopes: Scopes): string | undefined {
  if (!node.computed) return node.property.type === 'Identifier' ? node.property.name : undefined;
  const key = staticValue(node.property, scopes)?.value;
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}

/** True for an AST node (an object with a string `type`), as opposed to positions, tokens and other fields. */
export function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
