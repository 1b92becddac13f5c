import { DEFAULT_TEST_FILE_PATTERNS, isSecretEnvName } from "@secrets-suite/core";
import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { assignmentTargetUse, calleeName, outermostValueNode, staticKeyName, unwrapExpression } from "../util/ast.js";
import { createAccessorMatcher } from "../util/accessor-calls.js";
import { createRule } from "../util/create-rule.js";
import { mayReadSecrets, mentionsAccessor } from "../util/mentions.js";
import { envReadListeners, envReadsOf, type NamedEnvRead } from "../util/env-reads.js";
import { isEnvironmentGate } from "../util/environment-gate.js";
import { fileGlobsSchema, fileMatchesGlobs } from "../util/globs.js";
import { presenceWhenTrue } from "../util/presence-test.js";
import { getSecretsSettings } from "../util/settings.js";
import { resolveStaticName } from "../util/static-name.js";

export type Options = [
  {
    /** Globs (relative to the working directory) of files where fallbacks are allowed. */
    allowInFiles?: string[];
    /**
     * Also report a bare read of a secret put into a string with no check that it is set
     * (`uncheckedInString`). Off in `recommended`: outside the accessor's files such a read is
     * already a `no-bare-env-secret` report; on in `strict`.
     */
    checkInterpolation?: boolean;
    /** Test files and test tool configs may give what they read a default (a local database for the tests). */
    ignoreTestFiles?: boolean;
    /** Globs (relative to the working directory) of test files and test tool configs; replace the defaults. */
    testFilePatterns?: string[];
  },
];

export type MessageIds = "fallback" | "environmentDefault" | "uncheckedInString";

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

/** `undefined`, `void 0` and `null` hand on the absence of a value; they are not defaults. */
function isNoValue(node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node);
  return (
    (inner.type === AST_NODE_TYPES.Identifier && inner.name === "undefined") ||
    (inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === "void") ||
    (inner.type === AST_NODE_TYPES.Literal && inner.raw === "null")
  );
}


/** A value that replaces a missing one: neither the absence passed on nor a call that throws. */
function isDefaultValue(node: TSESTree.Node): boolean {
  return !isNoValue(node) && !failsFast(node);
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
  // a value that stands in for the secret: a literal, a template, a variable or a member holding
  // one. A call or a construction is error handling (`return handleError(error)`,
  // `return NextResponse.json({ error }, { status: 500 })`, reduced from dub's API routes)
  const standsIn = (value: TSESTree.Node | null): boolean => {
    if (!value || isNoValue(value)) return false;
    const inner = unwrapExpression(value);
    if (inner.type === AST_NODE_TYPES.Identifier) return inner.name !== parameter;
    return (
      inner.type === AST_NODE_TYPES.Literal ||
      inner.type === AST_NODE_TYPES.TemplateLiteral ||
      inner.type === AST_NODE_TYPES.MemberExpression ||
      inner.type === AST_NODE_TYPES.ObjectExpression ||
      inner.type === AST_NODE_TYPES.ArrayExpression
    );
  };
  if (nodes.some((node) => node.type === AST_NODE_TYPES.ReturnStatement && standsIn(node.argument))) return "returns a value";
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

/** The statements of a block, or the single statement of an `if` branch. */
function statementList(statement: TSESTree.Statement): readonly TSESTree.Statement[] {
  return statement.type === AST_NODE_TYPES.BlockStatement ? statement.body : [statement];
}

/** The statements after `statement` in the block, program or `case` that holds it. */
function followingStatements(statement: TSESTree.Node): readonly TSESTree.Node[] {
  const holder = statement.parent;
  if (!holder) return [];
  const list: readonly TSESTree.Node[] | undefined =
    holder.type === AST_NODE_TYPES.BlockStatement ||
    holder.type === AST_NODE_TYPES.Program ||
    holder.type === AST_NODE_TYPES.StaticBlock
      ? holder.body
      : holder.type === AST_NODE_TYPES.SwitchCase
        ? holder.consequent
        : undefined;
  return list ? list.slice(list.indexOf(statement) + 1) : [];
}

/** `target = value`, `target ??= value` or `target ||= value` as a statement, if it is one. */
function assignmentStatement(statement: TSESTree.Node): TSESTree.AssignmentExpression | undefined {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const expression = unwrapExpression(statement.expression);
  return expression.type === AST_NODE_TYPES.AssignmentExpression ? expression : undefined;
}

/**
 * Whether the value becomes part of a string: an expression of a template literal
 * (`` `postgres://app:${password}@db/app` ``), not of a tagged one (`` sql`...${x}` `` hands the
 * value to a function), or an operand of `+` next to a string (`"Bearer " + token`).
 */
function isPutIntoString(node: TSESTree.Node): boolean {
  const value = outermostValueNode(node);
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.TemplateLiteral) {
    return parent.expressions.includes(value as TSESTree.Expression) && parent.parent.type !== AST_NODE_TYPES.TaggedTemplateExpression;
  }
  if (parent?.type === AST_NODE_TYPES.BinaryExpression && parent.operator === "+") {
    const other = unwrapExpression(parent.left === value ? parent.right : parent.left);
    return (other.type === AST_NODE_TYPES.Literal && typeof other.value === "string") || other.type === AST_NODE_TYPES.TemplateLiteral;
  }
  return false;
}

/** `process.env.X!`: the author asserts the variable is set (checked elsewhere, as a rule at start-up). */
function isAssertedPresent(node: TSESTree.Node): boolean {
  for (let current = node; current !== outermostValueNode(node); current = current.parent!) {
    if (current.parent?.type === AST_NODE_TYPES.TSNonNullExpression) return true;
  }
  return false;
}

/**
 * Whether the value is tested: in the test of an `if`, a loop or a conditional, in a `&&`/`||`/`??`
 * (`X ?? fail("X")`), or handed to a helper that throws (`assert(X)`, `required(X)`).
 */
function isPresenceCheck(node: TSESTree.Node): boolean {
  let current = outermostValueNode(node);
  for (;;) {
    const parent = current.parent;
    if (!parent) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.UnaryExpression:
      case AST_NODE_TYPES.BinaryExpression:
        if (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator === "+") return false;
        current = outermostValueNode(parent);
        continue;
      case AST_NODE_TYPES.LogicalExpression:
        return true;
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        return parent.test === current;
      case AST_NODE_TYPES.CallExpression: {
        const name = calleeName(parent.callee);
        return parent.callee !== current && name !== undefined && (THROWING_HELPER.test(name) || name === "invariant" || name === "ok");
      }
      default:
        return false;
    }
  }
}

/**
 * Names that the file writes as a string outside the reads (`reads`: the ranges of the reads of
 * each name), as a list of required variables checked in a loop does
 * (`["DATABASE_URL", "JWT_SECRET"].forEach(...)`) or a call that checks one (`requireEnv("X")`).
 */
function namesListedInStrings(
  sourceCode: Readonly<TSESLint.SourceCode>,
  reads: ReadonlyMap<string, readonly TSESTree.Range[]>,
): Set<string> {
  const listed = new Set<string>();
  for (const token of sourceCode.ast.tokens) {
    if (token.type !== AST_TOKEN_TYPES.String && token.type !== AST_TOKEN_TYPES.Template) continue;
    const text = token.value.slice(1, -1);
    const ranges = reads.get(text);
    // process.env["X"], Deno.env.get("X"), env("X") are the reads themselves
    if (ranges && !ranges.some(([start, end]) => start <= token.range[0] && token.range[1] <= end)) listed.add(text);
  }
  return listed;
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
          checkInterpolation: {
            type: "boolean",
            description: "Also report a secret put into a string with no check that it is set.",
          },
          ignoreTestFiles: {
            type: "boolean",
            description: "Report nothing in test files and test tool configs (`testFilePatterns`): a test may default to a local service.",
          },
          testFilePatterns: fileGlobsSchema("Globs (relative to the working directory) of test files and test tool configs; they replace the default list."),
        },
      },
    ],
    defaultOptions: [{ allowInFiles: [], checkInterpolation: false, ignoreTestFiles: true, testFilePatterns: [...DEFAULT_TEST_FILE_PATTERNS] }],
    messages: {
      fallback:
        "Secret '{{name}}' gets a fallback: {{how}}. A required secret must fail fast when it is missing; remove the fallback, or check for an optional secret explicitly and handle its absence.",
      environmentDefault:
        "Secret '{{name}}' is a string written in the code when {{condition}}: in that environment it is never read, and a build that runs there works without it. Read the secret in every environment, and give development and tests their own value through their environment (an .env file, a test setup).",
      uncheckedInString:
        "Secret '{{name}}' is put into a string without a check that it is set: when it is missing, {{source}} gives undefined and the string silently says \"undefined\". Check it first and fail fast (if it is missing, throw), or read it with the accessor.",
    },
  },
  create(context, [options]) {
    if (fileMatchesGlobs(context, options.allowInFiles ?? [])) return {};
    // a test may point what it reads at a local service when the variable is not set
    if (options.ignoreTestFiles !== false && fileMatchesGlobs(context, options.testFilePatterns ?? DEFAULT_TEST_FILE_PATTERNS)) return {};
    const settings = getSecretsSettings(context);
    if (!mayReadSecrets(context, settings.accessors, settings.envAccessors)) return {};
    // a file that reads no secret by name and calls no accessor has nothing to fall back from
    // (most files that read the environment read NODE_ENV): no listener at all
    const callsAccessor = mentionsAccessor(context, settings.accessors);
    if (!callsAccessor && !envReadsOf(context).some((read) => read.kind === "named" && isSecretEnvName(read.name, { classify: settings.classify }))) {
      return {};
    }
    const matcher = createAccessorMatcher(context, settings.accessors);
    const source = context.sourceCode;
    /** try statements around secret reads, with the names read in them */
    const guardedReads = new Map<TSESTree.TryStatement, string[]>();

    const report = (node: TSESTree.Node, name: string, how: string): void => {
      context.report({ node, messageId: "fallback", data: { name, how } });
    };

    /** The value nodes of the file's environment reads (named or not). */
    let readValues: ReadonlySet<TSESTree.Node> | undefined;
    /**
     * A value that replaces a missing one, unless it is another read of the environment or of the
     * accessor (`process.env.NOVU_SECRET_KEY || process.env.NOVU_API_KEY`, a legacy name): when
     * both are missing the value is still missing, nothing written in the code stands in.
     */
    const suppliesDefault = (node: TSESTree.Node): boolean => {
      if (!isDefaultValue(node)) return false;
      const inner = unwrapExpression(node);
      if (inner.type === AST_NODE_TYPES.CallExpression && matcher.isAccessorCall(inner)) return false;
      readValues ??= new Set(envReadsOf(context).flatMap((read) => (read.kind === "named" ? [read.valueExpression ?? read.node] : [read.node])));
      return !readValues.has(inner) && !readValues.has(outermostValueNode(inner));
    };

    /**
     * A string written in the code: `"local"`, `""`, `` `dev-${user}` ``, or a constant of this file
     * that holds one (`DEFAULT_SECRET_KEY`).
     */
    const isStringValue = (node: TSESTree.Node): boolean => {
      const inner = unwrapExpression(node);
      if (inner.type === AST_NODE_TYPES.TemplateLiteral) return true;
      return resolveStaticName(inner, source.getScope(inner)).kind === "static";
    };

    /** `when \`isProd\` is false`: the condition under which the branch is taken. */
    const reportEnvironmentDefault = (node: TSESTree.Node, name: string, test: TSESTree.Node, whenTrue: boolean): void => {
      const text = source.getText(unwrapExpression(test)).replace(/\s+/g, " ");
      const shown = text.length > 60 ? `${text.slice(0, 59)}…` : text;
      context.report({
        node,
        messageId: "environmentDefault",
        data: { name, condition: `\`${shown}\` is ${whenTrue ? "true" : "false"}` },
      });
    };

    /**
     * The node that holds the secret's value: the read itself, its awaited value
     * (`(await getSecretAsync("X")) ?? "dev"`), or the value of secrets-runtime's Secret
     * (`getSecret("X").reveal() ?? "dev"`) or of `.trim()` on it.
     */
    const valueOfRead = (read: TSESTree.Node): TSESTree.Node => {
      let value = outermostValueNode(read);
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
        return value;
      }
    };

    /** `?? x`, `|| x`, `||=`, and the conditional shapes around a read. */
    const checkValueFallback = (read: TSESTree.Node, name: string): void => {
      const value = valueOfRead(read);
      // `A ?? B ?? "dev"` is `(A ?? B) ?? "dev"`: B falls back to "dev" as much as A does
      // and `A ?? B` with B another read is A's source too: what follows it is A's default
      let operand = value;
      while (
        operand.parent?.type === AST_NODE_TYPES.LogicalExpression &&
        operand.parent.operator !== "&&" &&
        (operand.parent.right === operand || !suppliesDefault(operand.parent.right))
      ) {
        operand = outermostValueNode(operand.parent);
      }
      const logical = operand.parent;
      if (logical?.type === AST_NODE_TYPES.LogicalExpression && logical.left === operand && logical.operator !== "&&") {
        if (suppliesDefault(logical.right)) report(logical, name, `a default after \`${logical.operator}\``);
        return;
      }
      const parent = value.parent;
      if (!parent) return;
      if (
        parent.type === AST_NODE_TYPES.AssignmentExpression &&
        parent.left === value &&
        (parent.operator === "??=" || parent.operator === "||=")
      ) {
        if (suppliesDefault(parent.right)) report(parent, name, `a default assigned with \`${parent.operator}\``);
        return;
      }
      if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== value) {
        const other = parent.consequent === value ? parent.alternate : parent.consequent;
        const readText = source.getText(unwrapExpression(value));
        if (source.getText(subjectOfTest(parent.test)) === readText) {
          if (suppliesDefault(other)) report(parent, name, "a conditional default");
        } else if (isStringValue(other) && isEnvironmentGate(parent.test)) {
          // isProd ? getSecret("X") : "local": outside production the secret is "local"
          reportEnvironmentDefault(parent, name, parent.test, parent.consequent === other);
        }
      }
    };

    /**
     * Fallbacks written as statements after the read stored its value:
     * `let secret = process.env.JWT_SECRET; if (!secret) secret = "dev";`, `secret ??= "dev";`,
     * `this.secret = process.env.X; if (!this.secret) this.secret = "dev";`, and a default
     * assigned to a read that an `if` tests: `if (!process.env.X) process.env.X = "dev";`.
     * Only the statements that follow in the same block are looked at.
     */
    const checkStatementFallbacks = (read: TSESTree.Node, name: string): void => {
      const value = valueOfRead(read);
      checkIfTestedRead(value, name);
      // `let secret = process.env.A || process.env.B`: both end up in secret
      let stored = value;
      while (
        stored.parent?.type === AST_NODE_TYPES.LogicalExpression &&
        (stored.parent.operator === "||" || stored.parent.operator === "??")
      ) {
        stored = outermostValueNode(stored.parent);
      }
      const holder = stored.parent;
      if (
        holder?.type === AST_NODE_TYPES.VariableDeclarator &&
        holder.init === stored &&
        holder.id.type === AST_NODE_TYPES.Identifier
      ) {
        if (holder.parent.kind !== "const") checkFollowingStatements(holder.parent, holder.id.name, name);
      } else if (
        holder?.type === AST_NODE_TYPES.AssignmentExpression &&
        holder.operator === "=" &&
        holder.right === stored &&
        holder.parent.type === AST_NODE_TYPES.ExpressionStatement &&
        (holder.left.type === AST_NODE_TYPES.Identifier || holder.left.type === AST_NODE_TYPES.MemberExpression)
      ) {
        checkFollowingStatements(holder.parent, source.getText(holder.left), name);
      }
    };

    /**
     * `const { JWT_SECRET, NODE_ENV } = process.env; ... NODE_ENV === "production" ? JWT_SECRET : "dev"`
     * and `let { JWT_SECRET: secret } = process.env; secret ||= "dev";`
     */
    const checkDestructuredStatementFallbacks = (property: TSESTree.Node, name: string): void => {
      if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) return;
      const pattern = property.parent;
      const declarator = pattern.parent;
      if (
        pattern.type === AST_NODE_TYPES.ObjectPattern &&
        declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
        declarator.id === pattern
      ) {
        if (declarator.parent.kind !== "const") checkFollowingStatements(declarator.parent, property.value.name, name);
      }
    };

    /**
     * The uses of a variable that holds the secret's value and nothing else (declared with it,
     * never assigned again): each of them is the secret, so `secret ?? "dev"` or
     * `isProd ? secret : "dev"` is a fallback as much as on the read itself.
     * `read` is the read's value (`getSecret("X")`, `process.env.X`) or its destructured property.
     */
    const usesOfHoldingVariable = (read: TSESTree.Node): TSESTree.Identifier[] => {
      let declarator: TSESTree.VariableDeclarator | undefined;
      let identifier: TSESTree.Identifier | undefined;
      if (read.type === AST_NODE_TYPES.Property && read.parent.type === AST_NODE_TYPES.ObjectPattern) {
        // const { JWT_SECRET, NODE_ENV } = process.env; const { JWT_SECRET: secret } = process.env
        const holder = read.parent.parent;
        if (read.value.type === AST_NODE_TYPES.Identifier && holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id === read.parent) {
          declarator = holder;
          identifier = read.value;
        }
      } else {
        const value = valueOfRead(read);
        const holder = value.parent;
        if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === value && holder.id.type === AST_NODE_TYPES.Identifier) {
          declarator = holder;
          identifier = holder.id;
        }
      }
      if (!declarator || !identifier) return [];
      const name = identifier.name;
      const variable = source.getDeclaredVariables(declarator).find((candidate) => candidate.name === name);
      if (!variable || variable.references.filter((reference) => reference.isWrite()).length !== 1) return [];
      return variable.references
        .filter((reference) => reference.isRead() && !reference.isWrite())
        .map((reference) => reference.identifier as TSESTree.Identifier);
    };

    /** The statements after the one that stored the secret in `target` (as written). */
    const checkFollowingStatements = (statement: TSESTree.Node, target: string, name: string): void => {
      for (const next of followingStatements(statement)) {
        const assignment = assignmentStatement(next);
        if (assignment && source.getText(assignment.left) === target) {
          if (assignment.operator === "??=" || assignment.operator === "||=") {
            if (suppliesDefault(assignment.right)) report(assignment, name, `a default assigned with \`${assignment.operator}\``);
            continue;
          }
          return; // another value replaces the secret's
        }
        if (next.type === AST_NODE_TYPES.IfStatement) checkIfStatement(next, target, name);
      }
    };

    /** `if (!process.env.X) process.env.X = "dev";`: the read is tested, and assigned when missing. */
    const checkIfTestedRead = (value: TSESTree.Node, name: string): void => {
      if (value.type !== AST_NODE_TYPES.MemberExpression) return; // only a member can be assigned to
      let current: TSESTree.Node = value;
      while (
        current.parent &&
        (current.parent.type === AST_NODE_TYPES.UnaryExpression ||
          current.parent.type === AST_NODE_TYPES.BinaryExpression ||
          current.parent.type === AST_NODE_TYPES.LogicalExpression)
      ) {
        current = current.parent;
      }
      current = outermostValueNode(current);
      const statement = current.parent;
      if (statement?.type === AST_NODE_TYPES.IfStatement && statement.test === current) {
        checkIfStatement(statement, source.getText(value), name);
      }
    };

    /**
     * An `if` about the secret held in `target`: the branch taken when it is missing assigns it a
     * value (`if (!secret) secret = "dev"`), unless it throws or exits first; or an `if` about the
     * environment assigns it a string (`if (isDev) secret = "dev"`).
     */
    const checkIfStatement = (statement: TSESTree.IfStatement, target: string, name: string): void => {
      const presence = presenceWhenTrue(statement.test, target, source);
      if (presence) {
        const branch = presence === "missing" ? statement.consequent : statement.alternate;
        if (!branch) return;
        for (const inner of statementList(branch)) {
          if (
            inner.type === AST_NODE_TYPES.ThrowStatement ||
            inner.type === AST_NODE_TYPES.ReturnStatement ||
            (inner.type === AST_NODE_TYPES.ExpressionStatement && failsFast(inner.expression))
          ) {
            return;
          }
          const assignment = assignmentStatement(inner);
          if (assignment && source.getText(assignment.left) === target && suppliesDefault(assignment.right)) {
            report(assignment, name, "a default assigned when it is missing");
            return;
          }
        }
        return;
      }
      if (!isEnvironmentGate(statement.test)) return;
      for (const [branch, whenTrue] of [
        [statement.consequent, true],
        [statement.alternate, false],
      ] as const) {
        for (const inner of branch ? statementList(branch) : []) {
          const assignment = assignmentStatement(inner);
          if (assignment && source.getText(assignment.left) === target && isStringValue(assignment.right)) {
            reportEnvironmentDefault(assignment, name, statement.test, whenTrue);
          }
        }
      }
    };

    /** A second argument of an accessor call that is a default value, or an options object that gives one. */
    const checkDefaultArgument = (call: TSESTree.CallExpression, name: string): void => {
      const [, second] = call.arguments;
      if (!second) return;
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
        // an identifier (or a spread) may hold an options object, and `void 0` or `null` is no
        // value at all; a literal or another expression is a default value
        report(second, name, "a default argument");
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
      const [first] = call.arguments;
      const resolved = first ? resolveStaticName(first, source.getScope(call)) : undefined;
      const name = resolved?.kind === "static" ? resolved.name : first ? source.getText(first) : "(unnamed)";

      checkValueFallback(call, name);
      checkStatementFallbacks(call, name);
      for (const use of usesOfHoldingVariable(call)) checkValueFallback(use, name);
      recordGuarded(call, name);
      checkDefaultArgument(call, name);

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

    /**
     * Secrets that a string takes in without a check that they are set, and the names of the
     * secrets the file checks somewhere (`if (!process.env.X) throw`, `assert(process.env.X)`,
     * `process.env.X ? ... : ...`): an unchecked missing variable makes the string say "undefined".
     */
    const stringUses: { readonly node: TSESTree.Node; readonly read: NamedEnvRead }[] = [];
    const checkedNames = new Set<string>();
    const readRanges = new Map<string, TSESTree.Range[]>();
    const noteStringUse = (use: TSESTree.Node, read: NamedEnvRead): void => {
      if (isPresenceCheck(use)) checkedNames.add(read.name);
      else if (!isAssertedPresent(use) && isPutIntoString(use) && assignmentTargetUse(use) === undefined) {
        stringUses.push({ node: use, read });
      }
    };

    const envListeners = envReadListeners(context, (read) => {
      if (read.kind !== "named" || !isSecretEnvName(read.name, { classify: settings.classify })) return;
      readRanges.set(read.name, [...(readRanges.get(read.name) ?? []), read.node.range]);
      if (read.destructuringDefault) {
        report(read.destructuringDefault, read.name, "a destructuring default");
      }
      if (read.valueExpression) {
        checkValueFallback(read.valueExpression, read.name);
        checkStatementFallbacks(read.valueExpression, read.name);
        noteStringUse(read.valueExpression, read);
      } else {
        checkDestructuredStatementFallbacks(read.node, read.name);
      }
      // const password = process.env.DB_PASSWORD!: the assertion holds for every use of it
      const asserted = read.valueExpression !== undefined && isAssertedPresent(read.valueExpression);
      for (const use of usesOfHoldingVariable(read.valueExpression ?? read.node)) {
        checkValueFallback(use, read.name);
        if (!asserted) noteStringUse(use, read);
      }
      // env("JWT_SECRET", "dev"): an environment accessor's default, like the accessor's
      if (read.accessorCall) checkDefaultArgument(read.accessorCall, read.name);
      recordGuarded(read.node, read.name);
    });

    return {
      ...envListeners,
      // every call, only in a file that names an accessor
      ...(callsAccessor
        ? {
            CallExpression(call: TSESTree.CallExpression) {
              if (matcher.isAccessorCall(call)) checkAccessorCall(call);
            },
          }
        : {}),
      "Program:exit"() {
        if (!options.checkInterpolation || stringUses.length === 0) return;
        const listed = namesListedInStrings(source, readRanges);
        for (const { node, read } of stringUses) {
          if (checkedNames.has(read.name) || listed.has(read.name)) continue;
          context.report({ node, messageId: "uncheckedInString", data: { name: read.name, source: read.source } });
        }
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
