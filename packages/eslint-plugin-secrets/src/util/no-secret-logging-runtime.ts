/**
 * For `secrets/no-secret-logging`: whether an accessor call returns secrets-runtime's redacting
 * `Secret`, which prints, serialises and interpolates as `[redacted]` and gives its value only
 * through `.reveal()`. That is known when the accessor provably comes from a redacting module:
 *
 * - `import { getSecret } from "secrets-runtime"` (or `require`, or `await import`), also renamed;
 * - `import * as runtime from "secrets-runtime"` and then `runtime.getSecret(...)`;
 * - an instance made by that module's `createSecrets()` / `createAsyncSecrets()` without the
 *   `plain` option (`plain: true` makes it return strings).
 *
 * Anything else (a local accessor, a global, an instance made elsewhere) may return the value
 * itself, and is treated so.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { constInit, memberPropertyName, staticKeyName, staticStringOf, unwrapExpression } from "./ast.js";

type Scope = TSESLint.Scope.Scope;

/** Factories of secrets-runtime that make an accessor object. */
const FACTORIES: ReadonlySet<string> = new Set(["createSecrets", "createAsyncSecrets"]);

/** How a variable is bound to a module: one of its exports, or the module object itself. */
type Binding = { readonly kind: "export"; readonly name: string } | { readonly kind: "module" };

/** `require("m")`, `await import("m")`: the module specifier. */
export function requiredModule(init: TSESTree.Node): string | undefined {
  let inner = unwrapExpression(init);
  if (inner.type === AST_NODE_TYPES.AwaitExpression) inner = unwrapExpression(inner.argument);
  if (inner.type === AST_NODE_TYPES.ImportExpression) return staticStringOf(inner.source);
  if (
    inner.type === AST_NODE_TYPES.CallExpression &&
    unwrapExpression(inner.callee).type === AST_NODE_TYPES.Identifier &&
    (unwrapExpression(inner.callee) as TSESTree.Identifier).name === "require" &&
    inner.arguments.length === 1
  ) {
    return staticStringOf(inner.arguments[0]!);
  }
  return undefined;
}

/** What `variable` is bound to in one of `modules`, if it is bound to one of them. */
function moduleBinding(variable: TSESLint.Scope.Variable | null, modules: ReadonlySet<string>): Binding | undefined {
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!definition) return undefined;
  if (definition.type === "ImportBinding") {
    const declaration = definition.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration || !modules.has(declaration.source.value)) return undefined;
    const specifier = definition.node;
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      const name = staticKeyName(specifier.imported, false);
      return name === undefined ? undefined : { kind: "export", name };
    }
    return { kind: "module" };
  }
  if (definition.type !== "Variable" || !definition.node.init) return undefined;
  const from = requiredModule(definition.node.init);
  if (from === undefined || !modules.has(from)) return undefined;
  const pattern = definition.node.id;
  if (pattern.type === AST_NODE_TYPES.Identifier) return { kind: "module" };
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  // const { getSecret: read } = require("secrets-runtime")
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const target = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (target.type !== AST_NODE_TYPES.Identifier || target.name !== variable!.name) continue;
    const name = staticKeyName(property.key, property.computed);
    return name === undefined ? undefined : { kind: "export", name };
  }
  return undefined;
}

/** `createSecrets()`, `createSecrets({ env })`, `createSecrets({ plain: false })`: not `plain: true`. */
function returnsWrappedValues(call: TSESTree.CallExpression): boolean {
  const [options] = call.arguments;
  if (!options) return true;
  const object = unwrapExpression(options);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return false;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) return false;
    if (staticKeyName(property.key, property.computed) !== "plain") continue;
    const value = unwrapExpression(property.value);
    return value.type === AST_NODE_TYPES.Literal && value.value === false;
  }
  return true;
}

/** Whether `callee` names a factory of a redacting module: `createSecrets`, `runtime.createSecrets`. */
function isFactory(callee: TSESTree.Node, scope: Scope, modules: ReadonlySet<string>): boolean {
  const inner = unwrapExpression(callee);
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const binding = moduleBinding(ASTUtils.findVariable(scope, inner), modules);
    return binding?.kind === "export" && FACTORIES.has(binding.name);
  }
  if (inner.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrapExpression(inner.object);
    const method = memberPropertyName(inner);
    if (object.type !== AST_NODE_TYPES.Identifier || method === undefined || !FACTORIES.has(method)) return false;
    return moduleBinding(ASTUtils.findVariable(scope, object), modules)?.kind === "module";
  }
  return false;
}

/**
 * Whether the accessor call returns a redacting `Secret`: the accessor comes from one of
 * `modules`, directly or through an instance of its factories.
 */
export function returnsRedactedSecret(
  call: TSESTree.CallExpression,
  scope: Scope,
  modules: ReadonlySet<string>,
): boolean {
  if (modules.size === 0) return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return moduleBinding(ASTUtils.findVariable(scope, callee), modules)?.kind === "export";
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrapExpression(callee.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(scope, object);
  if (moduleBinding(variable, modules)?.kind === "module") return true;
  // const secrets = createSecrets({ ... }), const secrets = await createAsyncSecrets(...)
  const written = variable ? constInit(variable) : undefined;
  if (!variable || !written) return false;
  let init = unwrapExpression(written);
  if (init.type === AST_NODE_TYPES.AwaitExpression) init = unwrapExpression(init.argument);
  return (
    init.type === AST_NODE_TYPES.CallExpression &&
    isFactory(init.callee, variable.scope, modules) &&
    returnsWrappedValues(init)
  );
}
