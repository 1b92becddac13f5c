import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { calleeName, outermostValueNode, staticKeyName, unwrapExpression } from "../util/ast.js";
import { createAccessorMatcher } from "../util/accessor-calls.js";
import { createRule } from "../util/create-rule.js";
import { mayReadSecrets } from "../util/mentions.js";
import { envReadListeners } from "../util/env-reads.js";
import { fileGlobsSchema, fileMatchesGlobs } from "../util/globs.js";
import { getSecretsSettings } from "../util/settings.js";
import { resolveStaticName } from "../util/static-name.js";

export type Options = [
  {
    /** Globs (relative to the working directory) of files where fallbacks are allowed. */
    allowInFiles?: string[];
  },
];

export type MessageIds = "fallback";

/** Methods whose result is the secret's value itself: `getSecret("X").reveal()`, `.trim()`. */
const VALUE_METHODS: ReadonlySet<string> = new Set(["reveal", "trim", "toString", "valueOf"]);

/** Option keys of an accessor call that supply a default value. */
const DEFAULT_OPTION_KEYS: ReadonlySet<string> = new Set(["default", "defaultValue", "fallback", "fallbackValue"]);

/**
 * Callee names of helpers that throw, so `?? fail("X")` fails fast rather than defaulting. The
 * verb must be a whole word of the name (`fail`, `failWith`, `throw_missing`), so that
 * `failoverKey()` or `throwawayKey()` are not taken for one.
 */
const THROWING_HELPER =
  /^(?:(?:throw|fail|die|panic|abort|missing|required|assert|raise|crash|exit)(?![a-z0-9])|require[A-Z])/;

type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

function isFunction(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression
  );
}

/** `undefined` and `void 0` hand on the absence of a value; they are not defaults. */
function isNoValue(node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node);
  return (
    (inner.type === AST_NODE_TYPES.Identifier && inner.name === "undefined") ||
    (inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === "void")
  );
}

/** Whether a function body hands back a value with a `return` (not counting nested functions). */
function returnsAValue(body: TSESTree.BlockStatement): boolean {
  return [...statementsOf(body)].some(
    (node) => node.type === AST_NODE_TYPES.ReturnStatement && node.argument !== null && !isNoValue(node.argument),
  );
}

/**
 * A fallback that throws: `fail("X")`, `throwMissing("X")`, or an IIFE that always throws,
 * `(() => { throw ... })()` (one that may return a value first is a default).
 */
function failsFast(node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node);
  if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(inner.callee);
  if (isFunction(callee)) {
    return (
      callee.body.type === AST_NODE_TYPES.BlockStatement &&
      callee.body.body.some((s) => s.type === AST_NODE_TYPES.ThrowStatement) &&
      !returnsAValue(callee.body)
    );
  }
  const name = calleeName(callee);
  return name !== undefined && THROWING_HELPER.test(name);
}

/** What a test of a conditional is about: `x`, `!x`, `x == null`, `typeof x === "string"`. */
function subjectOfTest(test: TSESTree.Node): TSESTree.Node {
  let current = unwrapExpression(test);
  for (;;) {
    if (current.type === AST_NODE_TYPES.UnaryExpression && (current.operator === "!" || current.operator === "typeof")) {
      current = unwrapExpression(current.argument);
    } else if (
      current.type === AST_NODE_TYPES.BinaryExpression &&
      ["==", "===", "!=", "!=="].includes(current.operator)
    ) {
      const leftIsConstant = unwrapExpression(current.left).type === AST_NODE_TYPES.Literal || isNoValue(current.left);
      current = unwrapExpression(leftIsConstant ? current.right : current.left);
    } else {
      return current;
    }
  }
}

/** A nested statement walk that does not enter nested functions or classes. */
function* statementsOf(node: TSESTree.Node): Generator<TSESTree.Node> {
  yield node;
  for (const [key, value] of Object.entries(node)) {
    if (key === "parent") continue;
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (!child || typeof child !== "object" || typeof (child as TSESTree.Node).type !== "string") continue;
      const childNode = child as TSESTree.Node;
      if (isFunction(childNode) || childNode.type === AST_NODE_TYPES.ClassBody) continue;
      yield* statementsOf(childNode);
    }
  }
}

/**
 * How a catch clause turns a missing secret into a value, if it does. A clause that always ends
 * by throwing (or by a fail-fast call such as `process.exit(1)`) is a rethrow, whatever it
 * assigns first (`error.message = ...; throw error;`), unless it may return before.
 */
function catchFallback(handler: TSESTree.CatchClause): "returns a value" | "assigns a value" | undefined {
  const parameter = handler.param?.type === AST_NODE_TYPES.Identifier ? handler.param.name : undefined;
  const nodes = [...statementsOf(handler.body)];
  if (nodes.some((node) => node.type === AST_NODE_TYPES.ReturnStatement)) return "returns a value";
  const alwaysEnds = handler.body.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.ThrowStatement ||
      (statement.type === AST_NODE_TYPES.ExpressionStatement && failsFast(statement.expression)),
  );
  if (alwaysEnds) return undefined;
  for (const node of nodes) {
    if (node.type === AST_NODE_TYPES.AssignmentExpression) {
      const assignsError = node.right.type === AST_NODE_TYPES.Identifier && node.right.name === parameter;
      if (!assignsError) return "assigns a value";
    }
  }
  return undefined;
}

/** The nearest `try` block holding `node` in the same function, if any. */
function enclosingTry(node: TSESTree.Node): TSESTree.TryStatement | undefined {
  let child: TSESTree.Node = node;
  let current = node.parent;
  while (current && !isFunction(current)) {
    if (current.type === AST_NODE_TYPES.TryStatement && current.block === child && current.handler) return current;
    child = current;
    current = current.parent;
  }
  return undefined;
}

export default createRule<Options, MessageIds>({
  name: "no-secret-fallback",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow silent defaults for secrets: a missing required secret must fail fast",
      recommended: true,
    },
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          allowInFiles: fileGlobsSchema("Globs (relative to the working directory) of files where fallbacks are allowed."),
        },
      },
    ],
    defaultOptions: [{ allowInFiles: [] }],
    messages: {
      fallback:
        "Secret '{{name}}' gets a fallback: {{how}}. A required secret must fail fast when it is missing; remove the fallback, or check for an optional secret explicitly and handle its absence.",
    },
  },
  defaultOptions: [{ allowInFiles: [] }],
  create(context, [options]) {
    if (fileMatchesGlobs(context, options.allowInFiles ?? [])) return {};
    const settings = getSecretsSettings(context);
    if (!mayReadSecrets(context, settings.accessors)) return {};
    const matcher = createAccessorMatcher(context, settings.accessors);
    const source = context.sourceCode;
    /** try statements around secret reads, with the names read in them */
    const guardedReads = new Map<TSESTree.TryStatement, string[]>();

    const report = (node: TSESTree.Node, name: string, how: string): void => {
      context.report({ node, messageId: "fallback", data: { name, how } });
    };

    /** `?? x`, `|| x`, `||=`, and the conditional shapes around a read. */
    const checkValueFallback = (read: TSESTree.Node, name: string): void => {
      let value = outermostValueNode(read);
      // `(await getSecretAsync("X")) ?? "dev"`: the awaited value is the secret, and so is
      // `getSecret("X").reveal() ?? "dev"` (secrets-runtime's Secret) or `.trim()` of it
      for (;;) {
        const parent = value.parent;
        if (parent?.type === AST_NODE_TYPES.AwaitExpression && parent.argument === value) {
          value = outermostValueNode(parent);
          continue;
        }
        const call = parent?.parent;
        if (
          parent?.type === AST_NODE_TYPES.MemberExpression &&
          parent.object === value &&
          VALUE_METHODS.has(staticKeyName(parent.property, parent.computed) ?? "") &&
          call?.type === AST_NODE_TYPES.CallExpression &&
          call.callee === parent &&
          call.arguments.length === 0
        ) {
          value = outermostValueNode(call);
          continue;
        }
        break;
      }
      // `A ?? B ?? "dev"` is `(A ?? B) ?? "dev"`: B falls back to "dev" as much as A does
      let operand = value;
      while (
        operand.parent?.type === AST_NODE_TYPES.LogicalExpression &&
        operand.parent.operator !== "&&" &&
        operand.parent.right === operand
      ) {
        operand = outermostValueNode(operand.parent);
      }
      const logical = operand.parent;
      if (logical?.type === AST_NODE_TYPES.LogicalExpression && logical.left === operand && logical.operator !== "&&") {
        if (isNoValue(logical.right) || failsFast(logical.right)) return;
        report(logical, name, `a default after \`${logical.operator}\``);
        return;
      }
      const parent = value.parent;
      if (!parent) return;
      if (
        parent.type === AST_NODE_TYPES.AssignmentExpression &&
        parent.left === value &&
        (parent.operator === "??=" || parent.operator === "||=")
      ) {
        report(parent, name, `a default assigned with \`${parent.operator}\``);
        return;
      }
      if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== value) {
        const other = parent.consequent === value ? parent.alternate : parent.consequent;
        const readText = source.getText(unwrapExpression(value));
        if (source.getText(subjectOfTest(parent.test)) !== readText) return;
        if (isNoValue(other) || failsFast(other)) return;
        report(parent, name, "a conditional default");
      }
    };

    const recordGuarded = (node: TSESTree.Node, name: string): void => {
      const tryStatement = enclosingTry(node);
      if (!tryStatement) return;
      const names = guardedReads.get(tryStatement) ?? [];
      names.push(name);
      guardedReads.set(tryStatement, names);
    };

    const checkAccessorCall = (call: TSESTree.CallExpression): void => {
      const [first, second] = call.arguments;
      const resolved = first ? resolveStaticName(first, source.getScope(call)) : undefined;
      const name = resolved?.kind === "static" ? resolved.name : first ? source.getText(first) : "(unnamed)";

      checkValueFallback(call, name);
      recordGuarded(call, name);

      if (second) {
        const options = unwrapExpression(second);
        if (options.type === AST_NODE_TYPES.ObjectExpression) {
          for (const property of options.properties) {
            if (property.type !== AST_NODE_TYPES.Property) continue;
            const key = staticKeyName(property.key, property.computed);
            if (key !== undefined && DEFAULT_OPTION_KEYS.has(key)) {
              report(property, name, `a \`${key}\` option`);
            }
          }
        } else if (
          options.type !== AST_NODE_TYPES.Identifier &&
          options.type !== AST_NODE_TYPES.MemberExpression &&
          options.type !== AST_NODE_TYPES.SpreadElement &&
          !isNoValue(options)
        ) {
          // an identifier (or a spread) may hold an options object, and `void 0` is no argument at
          // all; a literal or another expression is a default value
          report(second, name, "a default argument");
        }
      }

      // getSecretAsync("X").catch(() => "dev")
      const value = outermostValueNode(call);
      const member = value.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== value) return;
      if (staticKeyName(member.property, member.computed) !== "catch") return;
      const catchCall = member.parent;
      const handler = catchCall?.type === AST_NODE_TYPES.CallExpression ? catchCall.arguments[0] : undefined;
      if (!handler || !isFunction(handler)) return;
      const returnsValue =
        handler.body.type !== AST_NODE_TYPES.BlockStatement
          ? !isNoValue(handler.body) && !failsFast(handler.body)
          : returnsAValue(handler.body);
      if (returnsValue) report(catchCall!, name, "`.catch()` returns a value");
    };

    const envListeners = envReadListeners(context, (read) => {
      if (read.kind !== "named" || !settings.isSecretName(read.name)) return;
      if (read.destructuringDefault) {
        report(read.destructuringDefault, read.name, "a destructuring default");
      }
      if (read.valueExpression) checkValueFallback(read.valueExpression, read.name);
      recordGuarded(read.node, read.name);
    });

    return {
      ...envListeners,
      CallExpression(call) {
        envListeners.CallExpression?.(call);
        if (matcher.isAccessorCall(call)) checkAccessorCall(call);
      },
      "TryStatement:exit"(node: TSESTree.TryStatement) {
        const names = guardedReads.get(node);
        if (!names || !node.handler) return;
        const how = catchFallback(node.handler);
        if (!how) return;
        const unique = [...new Set(names)];
        report(node.handler, unique.join("', '"), `the catch clause around its read ${how} instead of rethrowing`);
      },
    };
  },
});
