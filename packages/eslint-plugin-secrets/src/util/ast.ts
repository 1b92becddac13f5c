import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

/** Nodes that change a value's type, not the value: `x!`, `x as T`, `x satisfies T`, `<T>x`. */
export const TRANSPARENT_WRAPPERS: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSTypeAssertion,
  AST_NODE_TYPES.ChainExpression,
]);

type Wrapper =
  | TSESTree.TSNonNullExpression
  | TSESTree.TSAsExpression
  | TSESTree.TSSatisfiesExpression
  | TSESTree.TSTypeAssertion
  | TSESTree.ChainExpression;

function isWrapper(node: TSESTree.Node): node is Wrapper {
  return TRANSPARENT_WRAPPERS.has(node.type);
}

/** The expression inside any type-only wrappers. */
export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (isWrapper(current)) current = current.expression;
  return current;
}

/**
 * The outermost node that still evaluates to `node`'s value, climbing out of type-only
 * wrappers: for `(process.env.X as string)!` the non-null expression.
 */
export function outermostValueNode(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && isWrapper(current.parent) && current.parent.expression === current) {
    current = current.parent;
  }
  return current;
}

/** The static string a property key or computed member stands for, if any. */
export function staticKeyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (!computed) {
    if (key.type === AST_NODE_TYPES.Identifier) return key.name;
    if (key.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
  }
  return staticStringOf(key);
}

/** A string literal, or a template literal without expressions. */
export function staticStringOf(node: TSESTree.Node): string | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Literal && typeof inner.value === "string") return inner.value;
  if (inner.type === AST_NODE_TYPES.TemplateLiteral && inner.expressions.length === 0) {
    return inner.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** The static property name of a member expression (`a.b`, `a["b"]`, ``a[`b`]``). */
export function memberPropertyName(member: TSESTree.MemberExpression): string | undefined {
  return staticKeyName(member.property, member.computed);
}

/** Whether `node` is the target of a plain assignment (a write, not a read). */
export function isAssignmentTarget(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression) return parent.left === node && parent.operator === "=";
  if (parent.type === AST_NODE_TYPES.UnaryExpression) return parent.operator === "delete";
  return false;
}

/**
 * How an expression is used as an assignment target, looking through type-only wrappers:
 * - `"write"`: its old value is not read: `x = 1`, `delete x`, `[x] = a`, `({ k: x } = o)`,
 *   `[x = 1] = a`, `[...x] = a`, `for (x of xs)`;
 * - `"read-write"`: its old value is read, then replaced: `x += 1`, `x ??= d`, `x++`;
 * - `undefined`: it is not assigned to (a plain read).
 */
export function assignmentTargetUse(node: TSESTree.Node): "write" | "read-write" | undefined {
  const target = outermostValueNode(node);
  const parent = target.parent;
  if (!parent) return undefined;
  switch (parent.type) {
    case AST_NODE_TYPES.AssignmentExpression:
      if (parent.left !== target) return undefined;
      return parent.operator === "=" ? "write" : "read-write";
    case AST_NODE_TYPES.UpdateExpression:
      return "read-write";
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === "delete" ? "write" : undefined;
    case AST_NODE_TYPES.ArrayPattern:
      return "write";
    case AST_NODE_TYPES.RestElement:
      return parent.argument === target ? "write" : undefined;
    case AST_NODE_TYPES.AssignmentPattern:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
      return parent.left === target ? "write" : undefined;
    case AST_NODE_TYPES.Property:
      return parent.parent.type === AST_NODE_TYPES.ObjectPattern && parent.value === target ? "write" : undefined;
    default:
      return undefined;
  }
}

/** `a.b` where `a` and `b` are plain identifiers with the given names. */
export function isNamedMember(node: TSESTree.Node, objectName: string, propertyName: string): boolean {
  const inner = unwrapExpression(node);
  return (
    inner.type === AST_NODE_TYPES.MemberExpression &&
    unwrapExpression(inner.object).type === AST_NODE_TYPES.Identifier &&
    (unwrapExpression(inner.object) as TSESTree.Identifier).name === objectName &&
    memberPropertyName(inner) === propertyName
  );
}

/** The name a call's callee is known by: `f(...)` → `f`, `a.b.f(...)` → `f`. */
export function calleeName(callee: TSESTree.Node): string | undefined {
  const inner = unwrapExpression(callee);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type === AST_NODE_TYPES.MemberExpression) return memberPropertyName(inner);
  return undefined;
}

/**
 * The initial value of a variable declared once, by `const`, as a plain identifier
 * (`const NAME = …`): the value it holds wherever it is read. Anything else may hold another value.
 */
export function constInit(variable: TSESLint.Scope.Variable): TSESTree.Expression | undefined {
  const definition = variable.defs[0];
  if (variable.defs.length !== 1 || definition?.type !== "Variable") return undefined;
  if (definition.parent.kind !== "const" || definition.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return definition.node.init ?? undefined;
}
