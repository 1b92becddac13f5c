/**
 * Recognises calls of the sanctioned accessor (`settings.secrets.accessors`): `getSecret(...)`,
 * `secrets.getSecret(...)`, `getSecret?.(...)`, and names imported or required under an alias
 * (`import { getSecret as gs } from "..."`, `const { getSecret: gs } = require("...")`).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { memberPropertyName, staticKeyName, staticStringOf, unwrapExpression } from "./ast.js";

export interface AccessorMatcher {
  /** Whether the call is an accessor call. */
  isAccessorCall(call: TSESTree.CallExpression): boolean;
  /** The local name an accessor can be called by in this file (for suggestions), if imported. */
  readonly importedLocalName: string | undefined;
  /** The module that local name comes from (`import ... from "<module>"` or `require("<module>")`). */
  readonly importedFrom: string | undefined;
  /** Every local name an accessor is imported or required under in this file. */
  readonly localNames: readonly string[];
}

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Local names under which the file imports or requires one of the accessors. */
interface Alias {
  readonly imported: string;
  readonly from: string | undefined;
}

function collectAliases(program: TSESTree.Program, accessors: ReadonlySet<string>): Map<string, Alias> {
  const aliases = new Map<string, Alias>();
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      for (const specifier of statement.specifiers) {
        if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) continue;
        const imported = staticKeyName(specifier.imported, false);
        if (imported !== undefined && accessors.has(imported)) {
          aliases.set(specifier.local.name, { imported, from: statement.source.value });
        }
      }
      continue;
    }
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern || !declarator.init) continue;
      const init = unwrapExpression(declarator.init);
      const isRequire =
        init.type === AST_NODE_TYPES.CallExpression &&
        unwrapExpression(init.callee).type === AST_NODE_TYPES.Identifier &&
        (unwrapExpression(init.callee) as TSESTree.Identifier).name === "require";
      const isAwaitedImport =
        init.type === AST_NODE_TYPES.AwaitExpression && init.argument.type === AST_NODE_TYPES.ImportExpression;
      if (!isRequire && !isAwaitedImport) continue;
      for (const property of declarator.id.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
        const imported = staticKeyName(property.key, property.computed);
        if (imported !== undefined && accessors.has(imported)) {
          const source =
            init.type === AST_NODE_TYPES.CallExpression
              ? init.arguments[0]
              : init.type === AST_NODE_TYPES.AwaitExpression && init.argument.type === AST_NODE_TYPES.ImportExpression
                ? init.argument.source
                : undefined;
          aliases.set(property.value.name, { imported, from: source ? staticStringOf(source) : undefined });
        }
      }
    }
  }
  return aliases;
}

/**
 * Matchers already made for a file's tree, per list of accessor names (the settings are resolved
 * once, so every rule passes the same list): each rule that asks gets the same matcher, and the
 * file's imports are looked through once, not once per rule.
 */
const matchersByProgram = new WeakMap<TSESTree.Program, Map<readonly string[], AccessorMatcher>>();

export function createAccessorMatcher(context: Context, accessorNames: readonly string[]): AccessorMatcher {
  const program = context.sourceCode.ast;
  let matchers = matchersByProgram.get(program);
  if (!matchers) {
    matchers = new Map();
    matchersByProgram.set(program, matchers);
  }
  let matcher = matchers.get(accessorNames);
  if (!matcher) {
    matcher = buildAccessorMatcher(program, accessorNames);
    matchers.set(accessorNames, matcher);
  }
  return matcher;
}

function buildAccessorMatcher(program: TSESTree.Program, accessorNames: readonly string[]): AccessorMatcher {
  const accessors = new Set(accessorNames);
  const aliases = collectAliases(program, accessors);
  return {
    isAccessorCall(call) {
      // an accessor takes the secret's name: a call whose first argument is an object literal is
      // another API under the same name (Stripe Apps' `getSecret({ stripe, name })`, in dub)
      const [first] = call.arguments;
      if (first && unwrapExpression(first).type === AST_NODE_TYPES.ObjectExpression) return false;
      const callee = unwrapExpression(call.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) return accessors.has(callee.name) || aliases.has(callee.name);
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const name = memberPropertyName(callee);
        return name !== undefined && accessors.has(name);
      }
      return false;
    },
    importedLocalName: aliases.keys().next().value,
    importedFrom: aliases.values().next().value?.from,
    localNames: [...aliases.keys()],
  };
}

/** The secret name passed to an accessor call, when it is written as a literal. */
export function literalSecretName(call: TSESTree.CallExpression): string | undefined {
  const [first] = call.arguments;
  return first ? staticStringOf(first) : undefined;
}
