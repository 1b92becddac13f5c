/**
 * Small syntactic helpers over the TypeScript compiler AST (the `ts` namespace that ts-morph
 * bundles). ts-morph is loaded lazily, so these take the runtime `ts` object as an argument and
 * import its types only.
 */
import type { ts } from "ts-morph";

export type TS = typeof ts;

/** Modules whose default or namespace import is the `process` object. */
export const PROCESS_MODULES: ReadonlySet<string> = new Set(["process", "node:process"]);

/** The expression inside type-only wrappers and parentheses: `(x as T)!` → `x`. */
export function unwrap(t: TS, node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    if (
      t.isParenthesizedExpression(current) ||
      t.isAsExpression(current) ||
      t.isSatisfiesExpression(current) ||
      t.isNonNullExpression(current) ||
      t.isTypeAssertionExpression(current)
    ) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

/** The outermost node that still evaluates to `node`'s value (climbing out of type-only wrappers). */
export function outermostValue(t: TS, node: ts.Node): ts.Node {
  let current = node;
  for (;;) {
    const parent: ts.Node | undefined = current.parent;
    if (
      parent &&
      (t.isParenthesizedExpression(parent) ||
        t.isAsExpression(parent) ||
        t.isSatisfiesExpression(parent) ||
        t.isNonNullExpression(parent) ||
        t.isTypeAssertionExpression(parent))
    ) {
      current = parent;
    } else {
      return current;
    }
  }
}

/** A string literal or a template literal without expressions. */
export function staticString(t: TS, node: ts.Expression): string | undefined {
  const inner = unwrap(t, node);
  if (t.isStringLiteral(inner) || t.isNoSubstitutionTemplateLiteral(inner)) return inner.text;
  return undefined;
}

export type AccessExpression = ts.PropertyAccessExpression | ts.ElementAccessExpression;

export function isAccess(t: TS, node: ts.Node): node is AccessExpression {
  return t.isPropertyAccessExpression(node) || t.isElementAccessExpression(node);
}

/** The static key of `a.b`, `a["b"]`, ``a[`b`]``. */
export function accessKey(t: TS, node: AccessExpression): string | undefined {
  if (t.isPropertyAccessExpression(node)) return t.isIdentifier(node.name) ? node.name.text : undefined;
  return staticString(t, node.argumentExpression);
}

/** The node that holds the key of an access: the name, or the argument of `[...]`. */
export function accessKeyNode(t: TS, node: AccessExpression): ts.Node {
  return t.isPropertyAccessExpression(node) ? node.name : node.argumentExpression;
}

/** The static text of a property name (`a`, `"a"`, `["a"]`). */
export function propertyNameText(t: TS, name: ts.PropertyName | ts.BindingName): string | undefined {
  if (t.isIdentifier(name) || t.isStringLiteral(name) || t.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (t.isComputedPropertyName(name)) return staticString(t, name.expression);
  return undefined;
}

/** The name a call is made by: `f(...)` → `f`, `a.b.f(...)` → `f`. */
export function calleeName(t: TS, callee: ts.Expression): string | undefined {
  const inner = unwrap(t, callee);
  if (t.isIdentifier(inner)) return inner.text;
  if (isAccess(t, inner)) return accessKey(t, inner);
  return undefined;
}

/** `require("x")` → `"x"`. */
export function requireSpecifier(t: TS, node: ts.Expression): string | undefined {
  const inner = unwrap(t, node);
  if (!t.isCallExpression(inner) || inner.arguments.length !== 1) return undefined;
  const callee = unwrap(t, inner.expression);
  if (!t.isIdentifier(callee) || callee.text !== "require") return undefined;
  return staticString(t, inner.arguments[0]!);
}

/** `await import("x")` → `"x"`. */
export function awaitedImportSpecifier(t: TS, node: ts.Expression): string | undefined {
  const inner = unwrap(t, node);
  if (!t.isAwaitExpression(inner)) return undefined;
  const call = unwrap(t, inner.expression);
  if (!t.isCallExpression(call) || call.expression.kind !== t.SyntaxKind.ImportKeyword) return undefined;
  const [first] = call.arguments;
  return first ? staticString(t, first) : undefined;
}

export type FunctionNode = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction;

/**
 * The name a function is bound to when it can be a wrapper: a function declaration, or an arrow
 * or function expression that initialises a `const` (or is the default export). `undefined` for
 * callbacks, methods and the like.
 */
export function boundFunctionName(t: TS, fn: ts.Node): string | undefined {
  if (t.isFunctionDeclaration(fn)) {
    if (!fn.body) return undefined;
    if (fn.name) return fn.name.text;
    return hasDefaultModifier(t, fn) ? "default" : undefined;
  }
  if (!t.isArrowFunction(fn) && !t.isFunctionExpression(fn)) return undefined;
  const holder = outermostValue(t, fn).parent;
  if (!holder) return undefined;
  if (t.isVariableDeclaration(holder) && t.isIdentifier(holder.name) && isConstDeclaration(t, holder)) {
    return holder.name.text;
  }
  if (t.isExportAssignment(holder) && !holder.isExportEquals) return "default";
  return undefined;
}

export function hasDefaultModifier(t: TS, node: ts.Node): boolean {
  const modifiers = t.canHaveModifiers(node) ? t.getModifiers(node) : undefined;
  return modifiers?.some((modifier) => modifier.kind === t.SyntaxKind.DefaultKeyword) ?? false;
}

export function isConstDeclaration(t: TS, declaration: ts.VariableDeclaration): boolean {
  return (t.getCombinedNodeFlags(declaration) & t.NodeFlags.Const) !== 0;
}

/** The function a declaration binds, if it binds one directly (`function f`, `const f = () => …`). */
export function functionOfDeclaration(t: TS, declaration: ts.Node): FunctionNode | undefined {
  if (t.isFunctionDeclaration(declaration)) return declaration.body ? declaration : undefined;
  if (t.isArrowFunction(declaration) || t.isFunctionExpression(declaration)) return declaration;
  let value: ts.Expression | undefined;
  if (t.isVariableDeclaration(declaration) && isConstDeclaration(t, declaration)) value = declaration.initializer;
  else if (t.isExportAssignment(declaration) && !declaration.isExportEquals) value = declaration.expression;
  if (!value) return undefined;
  const inner = unwrap(t, value);
  return t.isArrowFunction(inner) || t.isFunctionExpression(inner) ? inner : undefined;
}

/** The object literal of `{...} as const` or `Object.freeze({...})` (objects that cannot change). */
export function frozenObjectLiteral(t: TS, expression: ts.Expression): ts.ObjectLiteralExpression | undefined {
  let current: ts.Expression = expression;
  while (t.isParenthesizedExpression(current) || t.isSatisfiesExpression(current)) current = current.expression;
  if (t.isAsExpression(current)) {
    const type = current.type;
    if (t.isTypeReferenceNode(type) && t.isIdentifier(type.typeName) && type.typeName.text === "const") {
      const inner = unwrap(t, current.expression);
      return t.isObjectLiteralExpression(inner) ? inner : undefined;
    }
    return undefined;
  }
  if (t.isCallExpression(current)) {
    const callee = unwrap(t, current.expression);
    if (
      t.isPropertyAccessExpression(callee) &&
      t.isIdentifier(callee.expression) &&
      callee.expression.text === "Object" &&
      callee.name.text === "freeze"
    ) {
      const [first] = current.arguments;
      const inner = first ? unwrap(t, first) : undefined;
      return inner && t.isObjectLiteralExpression(inner) ? inner : undefined;
    }
  }
  return undefined;
}

/** The property of an object literal that provides `key` (the last one wins, as at run time). */
export function findObjectProperty(
  t: TS,
  object: ts.ObjectLiteralExpression,
  key: string,
): ts.PropertyAssignment | ts.ShorthandPropertyAssignment | undefined {
  for (let index = object.properties.length - 1; index >= 0; index--) {
    const property = object.properties[index]!;
    if (t.isSpreadAssignment(property)) return undefined;
    if (t.isPropertyAssignment(property) || t.isShorthandPropertyAssignment(property)) {
      if (propertyNameText(t, property.name) === key) return property;
    } else if (property.name && propertyNameText(t, property.name) === key) {
      return undefined; // a method or accessor: not a constant
    }
  }
  return undefined;
}

/** The module specifier of the import declaration an import binding belongs to. */
export function importModuleSpecifier(t: TS, declaration: ts.Node): string | undefined {
  let current: ts.Node | undefined = declaration;
  while (current && !t.isImportDeclaration(current) && !t.isImportEqualsDeclaration(current)) {
    if (t.isSourceFile(current)) return undefined;
    current = current.parent;
  }
  if (!current) return undefined;
  if (t.isImportDeclaration(current)) {
    return t.isStringLiteral(current.moduleSpecifier) ? current.moduleSpecifier.text : undefined;
  }
  const reference = current.moduleReference;
  return t.isExternalModuleReference(reference) && t.isStringLiteral(reference.expression)
    ? reference.expression.text
    : undefined;
}

/** 1-based line and column of a node's first token. */
export function nodePosition(t: TS, node: ts.Node, file: string): { file: string; line: number; column: number } {
  const sourceFile = node.getSourceFile();
  const { line, character } = t.getLineAndCharacterOfPosition(sourceFile, node.getStart(sourceFile));
  return { file, line: line + 1, column: character + 1 };
}
