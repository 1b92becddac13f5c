/**
 * Resolves the secret name an accessor is called with, when it is known without running the
 * code: a literal, a template without expressions, or a `const` of this file that holds one
 * (directly, as a member of an `as const` or `Object.freeze` object, or as a string enum member).
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { constInit, memberPropertyName, staticKeyName, staticStringOf, unwrapExpression } from "./ast.js";

export type StaticName =
  | { readonly kind: "static"; readonly name: string }
  /** An identifier imported from another module: static there, unknown here. */
  | { readonly kind: "imported"; readonly local: string }
  | { readonly kind: "dynamic" };

type Scope = TSESLint.Scope.Scope;

const DYNAMIC: StaticName = { kind: "dynamic" };
/** Const chains longer than this are not followed (and cycles end here). */
const MAX_DEPTH = 8;

function isImported(variable: TSESLint.Scope.Variable): boolean {
  return variable.defs.some((definition) => definition.type === "ImportBinding");
}

interface FrozenObject {
  readonly object: TSESTree.ObjectExpression;
  /** `as const` freezes nested objects too; `Object.freeze` only the outer one. */
  readonly deep: boolean;
}

function isAsConst(node: TSESTree.Node): node is TSESTree.TSAsExpression {
  return (
    node.type === AST_NODE_TYPES.TSAsExpression &&
    node.typeAnnotation.type === AST_NODE_TYPES.TSTypeReference &&
    node.typeAnnotation.typeName.type === AST_NODE_TYPES.Identifier &&
    node.typeAnnotation.typeName.name === "const"
  );
}

/** An object literal frozen by `as const` or `Object.freeze(...)`; plain objects can be mutated. */
function frozenObject(expression: TSESTree.Node): FrozenObject | undefined {
  let current: TSESTree.Node = expression;
  if (current.type === AST_NODE_TYPES.TSSatisfiesExpression) current = current.expression;
  if (isAsConst(current)) {
    const inner = unwrapExpression(current.expression);
    return inner.type === AST_NODE_TYPES.ObjectExpression ? { object: inner, deep: true } : undefined;
  }
  if (
    current.type === AST_NODE_TYPES.CallExpression &&
    current.callee.type === AST_NODE_TYPES.MemberExpression &&
    unwrapExpression(current.callee.object).type === AST_NODE_TYPES.Identifier &&
    (unwrapExpression(current.callee.object) as TSESTree.Identifier).name === "Object" &&
    memberPropertyName(current.callee) === "freeze"
  ) {
    const [first] = current.arguments;
    const argument = first ? unwrapExpression(first) : undefined;
    if (argument?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    // Object.freeze({ ... } as const) is read-only all the way down, for TypeScript at least
    let written: TSESTree.Node | undefined = first;
    while (written && written !== argument && !isAsConst(written)) {
      written = "expression" in written ? (written.expression as TSESTree.Node) : undefined;
    }
    return { object: argument, deep: written !== undefined && isAsConst(written) };
  }
  return undefined;
}

function resolveMember(member: TSESTree.MemberExpression, scope: Scope, depth: number): StaticName {
  const key = memberPropertyName(member);
  const object = unwrapExpression(member.object);
  if (key === undefined) return DYNAMIC;

  if (object.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(scope, object);
    if (!variable) return DYNAMIC;
    // NAMES.API_KEY of `import { NAMES } from "./names"`: static there, unknown here
    if (isImported(variable)) return { kind: "imported", local: `${object.name}.${key}` };
    const enumDefinition = variable.defs.find((definition) => definition.type === "TSEnumName");
    if (enumDefinition) {
      const declaration = enumDefinition.node as TSESTree.TSEnumDeclaration;
      if (declaration.declare) return DYNAMIC;
      const members = declaration.body?.members ?? (declaration as unknown as { members: TSESTree.TSEnumMember[] }).members;
      const enumMember = members.find((candidate) => staticKeyName(candidate.id, candidate.computed ?? false) === key);
      const value = enumMember?.initializer ? staticStringOf(enumMember.initializer) : undefined;
      return value === undefined ? DYNAMIC : { kind: "static", name: value };
    }
    const init = constInit(variable);
    const frozen = init ? frozenObject(init) : undefined;
    if (!frozen) return DYNAMIC;
    // the object's values are read where it is declared, not where the accessor is called
    return resolveObjectProperty(frozen.object, key, variable.scope, depth);
  }
  if (object.type === AST_NODE_TYPES.MemberExpression) {
    // NAMES.db.PASSWORD: resolve the inner object first
    const innerKey = memberPropertyName(object);
    const outer = unwrapExpression(object.object);
    if (innerKey === undefined || outer.type !== AST_NODE_TYPES.Identifier) return DYNAMIC;
    const variable = ASTUtils.findVariable(scope, outer);
    if (!variable) return DYNAMIC;
    if (isImported(variable)) return { kind: "imported", local: `${outer.name}.${innerKey}.${key}` };
    const init = constInit(variable);
    const frozen = init ? frozenObject(init) : undefined;
    const innerProperty = frozen ? findProperty(frozen.object, innerKey) : undefined;
    if (!frozen || !innerProperty) return DYNAMIC;
    // Object.freeze is shallow: a nested object must be frozen itself, unless `as const` covers it
    const innerFrozen = frozenObject(innerProperty);
    const innerPlain = unwrapExpression(innerProperty);
    const innerObject =
      innerFrozen?.object ??
      (frozen.deep && innerPlain.type === AST_NODE_TYPES.ObjectExpression ? innerPlain : undefined);
    if (!innerObject) return DYNAMIC;
    return resolveObjectProperty(innerObject, key, variable.scope, depth);
  }
  return DYNAMIC;
}

function findProperty(object: TSESTree.ObjectExpression, key: string): TSESTree.Node | undefined {
  // the last property wins, as at run time
  for (let index = object.properties.length - 1; index >= 0; index--) {
    const property = object.properties[index]!;
    if (property.type === AST_NODE_TYPES.SpreadElement) return undefined;
    if (staticKeyName(property.key, property.computed) === key) return property.value;
  }
  return undefined;
}

function resolveObjectProperty(object: TSESTree.ObjectExpression, key: string, scope: Scope, depth: number): StaticName {
  const value = findProperty(object, key);
  return value ? resolveExpression(value, scope, depth + 1) : DYNAMIC;
}

function resolveExpression(node: TSESTree.Node, scope: Scope, depth: number): StaticName {
  if (depth > MAX_DEPTH) return DYNAMIC;
  const literal = staticStringOf(node);
  if (literal !== undefined) return { kind: "static", name: literal };
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(scope, inner);
    if (!variable) return DYNAMIC;
    if (isImported(variable)) return { kind: "imported", local: inner.name };
    const init = constInit(variable);
    // the initialiser's names are resolved where the const is declared: `const B = A` means the
    // `A` seen from there, even if a different `A` is in scope at the accessor call
    return init ? resolveExpression(init, variable.scope, depth + 1) : DYNAMIC;
  }
  if (inner.type === AST_NODE_TYPES.MemberExpression) return resolveMember(inner, scope, depth);
  return DYNAMIC;
}

/** What the first argument of an accessor call resolves to, as far as this file tells. */
export function resolveStaticName(node: TSESTree.Node, scope: Scope): StaticName {
  return resolveExpression(node, scope, 0);
}
