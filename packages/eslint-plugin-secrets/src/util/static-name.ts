/**
 * Resolves the secret name an accessor is called with, when it is known without running the
 * code: a literal, a template without expressions, or a `const` of this file that holds one
 * (directly, as a member of an `as const` or `Object.freeze` object, or as a string enum member).
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { memberPropertyName, staticKeyName, staticStringOf, unwrapExpression } from "./ast.js";

export type StaticName =
  | { readonly kind: "static"; readonly name: string }
  /** An identifier imported from another module: static there, unknown here. */
  | { readonly kind: "imported"; readonly local: string }
  | { readonly kind: "dynamic" };

type Scope = TSESLint.Scope.Scope;

const DYNAMIC: StaticName = { kind: "dynamic" };
/** Const chains longer than this are not followed (and cycles end here). */
const MAX_DEPTH = 8;

function constInit(variable: TSESLint.Scope.Variable): TSESTree.Expression | undefined {
  const definition = variable.defs[0];
  if (variable.defs.length !== 1 || definition?.type !== "Variable") return undefined;
  const declaration = definition.parent;
  if (declaration.kind !== "const") return undefined;
  const declarator = definition.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return declarator.init ?? undefined;
}

/** An object literal frozen by `as const` or `Object.freeze(...)`; plain objects can be mutated. */
function frozenObject(expression: TSESTree.Expression): TSESTree.ObjectExpression | undefined {
  let current: TSESTree.Node = expression;
  if (current.type === AST_NODE_TYPES.TSSatisfiesExpression) current = current.expression;
  if (
    current.type === AST_NODE_TYPES.TSAsExpression &&
    current.typeAnnotation.type === AST_NODE_TYPES.TSTypeReference &&
    current.typeAnnotation.typeName.type === AST_NODE_TYPES.Identifier &&
    current.typeAnnotation.typeName.name === "const"
  ) {
    const inner = unwrapExpression(current.expression);
    return inner.type === AST_NODE_TYPES.ObjectExpression ? inner : undefined;
  }
  if (
    current.type === AST_NODE_TYPES.CallExpression &&
    current.callee.type === AST_NODE_TYPES.MemberExpression &&
    unwrapExpression(current.callee.object).type === AST_NODE_TYPES.Identifier &&
    (unwrapExpression(current.callee.object) as TSESTree.Identifier).name === "Object" &&
    memberPropertyName(current.callee) === "freeze"
  ) {
    const argument = current.arguments[0] ? unwrapExpression(current.arguments[0]) : undefined;
    return argument?.type === AST_NODE_TYPES.ObjectExpression ? argument : undefined;
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
    return resolveObjectProperty(frozen, key, scope, depth);
  }
  if (object.type === AST_NODE_TYPES.MemberExpression) {
    // NAMES.db.PASSWORD: resolve the inner object first
    const innerKey = memberPropertyName(object);
    const outer = unwrapExpression(object.object);
    if (innerKey === undefined || outer.type !== AST_NODE_TYPES.Identifier) return DYNAMIC;
    const variable = ASTUtils.findVariable(scope, outer);
    const init = variable ? constInit(variable) : undefined;
    const frozen = init ? frozenObject(init) : undefined;
    const innerProperty = frozen ? findProperty(frozen, innerKey) : undefined;
    const innerObject = innerProperty ? unwrapExpression(innerProperty) : undefined;
    if (innerObject?.type !== AST_NODE_TYPES.ObjectExpression) return DYNAMIC;
    return resolveObjectProperty(innerObject, key, scope, depth);
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
    if (variable.defs.some((definition) => definition.type === "ImportBinding")) {
      return { kind: "imported", local: inner.name };
    }
    const init = constInit(variable);
    return init ? resolveExpression(init, scope, depth + 1) : DYNAMIC;
  }
  if (inner.type === AST_NODE_TYPES.MemberExpression) return resolveMember(inner, scope, depth);
  return DYNAMIC;
}

/** What the first argument of an accessor call resolves to, as far as this file tells. */
export function resolveStaticName(node: TSESTree.Node, scope: Scope): StaticName {
  return resolveExpression(node, scope, 0);
}
