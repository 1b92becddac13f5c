/**
 * For `secrets/no-env-file-loading`: whether the path a file-reading call is given names an env
 * file (`.env`, `.env.local`, `.env.example`, `production.env`), as far as the source shows it.
 *
 * Paths are followed through string literals, templates, `+` concatenation, `path.join(...)` /
 * `path.resolve(...)` (the last argument names the file), `new URL(".env", import.meta.url)`,
 * `fileURLToPath(...)` and `const`s of the file. Anything else is unknown, and unknown is not
 * reported.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { calleeName, constInit, unwrapExpression } from "./ast.js";

/** Static text, or `undefined` for a part whose value is unknown (a template hole). */
type PathPart = string | undefined;

/** Calls whose last argument is the last segment of the path they build. */
const PATH_BUILDERS: ReadonlySet<string> = new Set(["join", "resolve", "normalize"]);
/** Calls and constructors that hand on the path of their first argument. */
const PATH_WRAPPERS: ReadonlySet<string> = new Set(["fileURLToPath", "URL", "String"]);
/** How far `const` chains are followed. */
const MAX_DEPTH = 4;
/** How a hole is shown in messages. */
const HOLE = "${…}";

type Scope = TSESLint.Scope.Scope;

/** `a + "/.env"` and nested concatenations, flattened into parts. */
function concatenationParts(node: TSESTree.Node, scope: Scope, depth: number): PathPart[] {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.BinaryExpression && inner.operator === "+") {
    return [...concatenationParts(inner.left, scope, depth), ...concatenationParts(inner.right, scope, depth)];
  }
  return pathParts(inner, scope, depth) ?? [undefined];
}

/** The parts of the path an expression evaluates to, or `undefined` when nothing is known. */
function pathParts(node: TSESTree.Node, scope: Scope, depth: number): PathPart[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const inner = unwrapExpression(node);
  switch (inner.type) {
    case AST_NODE_TYPES.Literal:
      return typeof inner.value === "string" ? [inner.value] : undefined;
    case AST_NODE_TYPES.TemplateLiteral: {
      const parts: PathPart[] = [];
      inner.quasis.forEach((quasi, index) => {
        parts.push(quasi.value.cooked ?? quasi.value.raw);
        if (index < inner.expressions.length) parts.push(undefined);
      });
      return parts;
    }
    case AST_NODE_TYPES.BinaryExpression:
      return inner.operator === "+" ? concatenationParts(inner, scope, depth) : undefined;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      const name = calleeName(inner.callee);
      if (name === undefined) return undefined;
      const args = inner.arguments;
      const argument = PATH_BUILDERS.has(name) ? args[args.length - 1] : PATH_WRAPPERS.has(name) ? args[0] : undefined;
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
      return pathParts(argument, scope, depth + 1);
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = ASTUtils.findVariable(scope, inner);
      const init = variable ? constInit(variable) : undefined;
      return init && variable ? pathParts(init, variable.scope, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/** The parts after the last `/` or `\`: the file name. */
function basenameParts(parts: readonly PathPart[]): PathPart[] {
  for (let index = parts.length - 1; index >= 0; index--) {
    const part = parts[index];
    if (part === undefined) continue;
    const slash = Math.max(part.lastIndexOf("/"), part.lastIndexOf("\\"));
    if (slash >= 0) return [part.slice(slash + 1), ...parts.slice(index + 1)].filter((p) => p !== "");
  }
  return parts.filter((p) => p !== "");
}

/** A piece of a file name that makes it an env file: `.env`, `.env.<anything>`, `<anything>.env`. */
function isEnvFilePiece(text: string): boolean {
  return text === ".env" || text.startsWith(".env.") || text.endsWith(".env");
}

/**
 * The file name (with `${…}` for unknown parts) when `node` is the path of an env file, else
 * `undefined`: `".env"`, `"./config/.env.local"`, `path.join(__dirname, ".env")`,
 * `` `.env.${mode}` ``, `` `${root}/.env.production` ``, `dir + "/.env"`.
 */
export function envFileNameOf(node: TSESTree.Node, scope: Scope): string | undefined {
  const parts = pathParts(node, scope, 0);
  if (!parts) return undefined;
  const basename = basenameParts(parts);
  if (!basename.some((part) => part !== undefined && isEnvFilePiece(part))) return undefined;
  return basename.map((part) => part ?? HOLE).join("");
}
