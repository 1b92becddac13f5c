import { DEFAULT_IMPORT_FROM, isSecretEnvName } from "@secrets-suite/core";
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { memberPropertyName, outermostValueNode, staticStringOf, unwrapExpression } from "../util/ast.js";
import { createAccessorMatcher } from "../util/accessor-calls.js";
import { createRule } from "../util/create-rule.js";
import { mayReadSecrets, mentionsAccessor } from "../util/mentions.js";
import { envReadListeners, envReadsOf } from "../util/env-reads.js";
import {
  assignmentSink,
  callSink,
  DEFAULT_LOG_METHODS,
  DEFAULT_LOGGERS,
  DEFAULT_RESPONSE_OBJECTS,
  LOGGER_FACTORY_NAMES,
  type Sink,
  type SinkOptions,
} from "../util/no-secret-logging-sinks.js";
import { createLoggerRecognizer } from "../util/no-secret-logging-loggers.js";
import { returnsRedactedSecret } from "../util/no-secret-logging-runtime.js";
import { getSecretsSettings } from "../util/settings.js";
import { resolveStaticName } from "../util/static-name.js";

export type Options = [
  {
    /**
     * Names of logger objects (`logger.info(...)`, `this.logger.info(...)`, `appLogger.info(...)` by
     * its last word), also called directly (`log(...)`). Loggers the file makes or imports count too.
     */
    loggers?: string[];
    /** Methods of a logger object that write a log entry. */
    logMethods?: string[];
    /** Names of HTTP response objects: `res.json(...)`, `reply.send(...)`, `ctx.body = ...`. */
    responseObjects?: string[];
    /** Modules whose accessor returns a redacting `Secret` (shown as `[redacted]`; `.reveal()` gives the value). */
    redactingModules?: string[];
  },
];

export type MessageIds = "log" | "error" | "response" | "logWholeEnv" | "errorWholeEnv" | "responseWholeEnv";

/**
 * Where a secret sits in a tainted value: `[]` is the secret itself (or a string that contains
 * it); `["apiKey"]` is an object whose `apiKey` property holds it; `["0"]` an array whose first
 * element does. `*` stands for a key that is not known statically.
 *
 * A `wrapped` taint is secrets-runtime's `Secret` (or a container of it): it is followed, but it
 * prints, serialises and interpolates as `[redacted]`, so it leaks nothing until `.reveal()`
 * turns it into the value.
 */
interface Taint {
  /** The secret's name, or for the whole environment its source (`process.env`). */
  readonly name: string;
  readonly path: readonly string[];
  readonly wrapped?: boolean;
  /** The value is the whole environment object, every secret in it. */
  readonly wholeEnv?: boolean;
}

const ANY_KEY = "*";
/** Deeper paths are cut: the value is then taken for the secret itself (reported, never missed). */
const MAX_PATH = 6;
/** A part of the secret this long or shorter is a mask, not the secret (as in the suite's own messages). */
const MAX_MASK_LENGTH = 4;

/** String methods whose result is the secret, or contains it (and `reveal()` of a wrapper). */
const PRESERVING_STRING_METHODS: ReadonlySet<string> = new Set([
  "reveal", "toString", "valueOf", "toJSON", "trim", "trimStart", "trimEnd", "trimLeft", "trimRight",
  "toUpperCase", "toLowerCase", "toLocaleUpperCase", "toLocaleLowerCase", "normalize",
  "padStart", "padEnd", "concat", "repeat", "replace", "replaceAll", "toWellFormed",
]);
/** String methods that return parts of the secret: an array of them. */
const SPLITTING_STRING_METHODS: ReadonlySet<string> = new Set(["split", "match"]);
/** String methods that return a part of the secret, reported unless the part is a short mask. */
const SLICING_STRING_METHODS: ReadonlySet<string> = new Set(["slice", "substring", "substr"]);

/** Methods of an array holding a secret that turn it into a string. */
const ARRAY_TO_STRING_METHODS: ReadonlySet<string> = new Set(["join", "toString", "toLocaleString"]);
/** Methods of an array holding a secret that return one of its elements. */
const ARRAY_ELEMENT_METHODS: ReadonlySet<string> = new Set(["at", "find", "findLast", "pop", "shift"]);
/** Methods of an array holding a secret that return an array holding it. */
const ARRAY_COPY_METHODS: ReadonlySet<string> = new Set([
  "slice", "concat", "flat", "filter", "reverse", "sort", "toReversed", "toSorted", "toSpliced",
]);

/** Functions whose result is a string made of their argument: the secret, if it is a string or array. */
const STRINGIFYING_FUNCTIONS: ReadonlySet<string> = new Set([
  "String", "btoa", "encodeURIComponent", "encodeURI", "Buffer.from",
]);
/** Functions whose result is a string made of their whole argument, objects included. */
const SERIALIZING_FUNCTIONS: ReadonlySet<string> = new Set(["JSON.stringify", "util.format", "util.inspect"]);
/** Functions whose result holds their argument as it is. */
const PASS_THROUGH_FUNCTIONS: ReadonlySet<string> = new Set([
  "Object.assign", "structuredClone", "Promise.all", "Promise.resolve",
]);
/** Constructors whose instance stringifies to their argument. */
const STRINGIFYING_CONSTRUCTORS: ReadonlySet<string> = new Set(["String", "URLSearchParams"]);

type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;
type WriteNode = TSESTree.Node;

function isFunction(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression
  );
}

/** The function a node is in, or the program. */
function enclosingFunction(node: TSESTree.Node): TSESTree.Node {
  let current = node.parent;
  while (current && !isFunction(current) && current.type !== AST_NODE_TYPES.Program) current = current.parent;
  return current ?? node;
}

/** The outermost function inside `outer` that holds `node`, if `outer` holds `node` at all. */
function functionCreatedIn(outer: TSESTree.Node, node: TSESTree.Node): FunctionNode | undefined {
  let found: FunctionNode | undefined;
  for (let current = node.parent; current; current = current.parent) {
    if (current === outer) return found;
    if (isFunction(current)) found = current;
  }
  return undefined;
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** A numeric literal, negative ones included: `4`, `-4`. */
function numberOf(node: TSESTree.Node): number | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Literal && typeof inner.value === "number") return inner.value;
  if (inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === "-") {
    const value = numberOf(inner.argument);
    return value === undefined ? undefined : -value;
  }
  return undefined;
}

/** A property key or member name, numbers included (`a[0]`, `{ 0: x }`); undefined when computed at run time. */
function keyOf(key: TSESTree.Node, computed: boolean): string | undefined {
  if (!computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
  const number = numberOf(key);
  if (number !== undefined && computed) return String(number);
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === "number") return String(key.value);
  return staticStringOf(key);
}

/** Whether every step of a path is an array index: the value stringifies with the secret in it. */
function isIndexPath(path: readonly string[]): boolean {
  return path.every((segment) => segment === ANY_KEY || /^\d+$/.test(segment));
}

/**
 * The taint of a value turned into a string: a plain object gives `[object Object]`, and a
 * wrapped `Secret` gives `[redacted]`.
 */
function stringified(taint: Taint): Taint | undefined {
  if (isEnvironmentObject(taint)) return undefined; // "[object Object]"
  return !taint.wrapped && isIndexPath(taint.path) ? textOf(taint) : undefined;
}

/** The taint of a string made of the tainted value's contents (serialised, joined, revealed). */
function textOf(taint: Taint): Taint {
  return { name: taint.name, path: [], ...(taint.wholeEnv ? { wholeEnv: true } : {}) };
}

/**
 * The environment object itself (`process.env` handed on whole): every property holds a secret,
 * but reading one property is a named read, which the environment-read listeners judge by its
 * name. Its members are therefore not followed from here.
 */
function isEnvironmentObject(taint: Taint): boolean {
  return taint.wholeEnv === true && taint.path.length === 1 && taint.path[0] === ANY_KEY;
}

function within(taint: Taint, key: string): Taint {
  return { ...taint, path: [key, ...taint.path].slice(0, MAX_PATH) };
}

/** The taint of `value[key]` (`key` undefined when it is computed at run time). */
function memberTaint(taint: Taint, key: string | undefined): Taint | undefined {
  if (isEnvironmentObject(taint)) return undefined;
  const [head, ...rest] = taint.path;
  // a wrapped Secret's properties (`name`) are not its value
  if (head === undefined) return key === "length" || taint.wrapped ? undefined : taint;
  // the number of parts of the secret, `secret.split(",").length`, is not a part of it
  if (key === "length" && isIndexPath([head])) return undefined;
  if (key === undefined || head === ANY_KEY || head === key) return { ...taint, path: rest };
  return undefined;
}

/** An array that holds a tainted array's elements at unknown places. */
function elementsAnywhere(taint: Taint): Taint {
  return { ...taint, path: [ANY_KEY, ...taint.path.slice(1)] };
}

/**
 * `secret.slice(0, 4)`, `secret.slice(-4)`, `secret.substring(secret.length - 4)`: a part of at
 * most four characters, known from literal bounds, is a mask. Anything else is the secret.
 */
function isShortPart(call: TSESTree.CallExpression, method: string, receiver: TSESTree.Node, source: TSESLint.SourceCode): boolean {
  const [first, second, ...more] = call.arguments;
  if (!first || more.length > 0) return false;
  // `secret.length - 4`: the last four characters
  const fromEnd = (node: TSESTree.Node): number | undefined => {
    const inner = unwrapExpression(node);
    if (inner.type !== AST_NODE_TYPES.BinaryExpression || inner.operator !== "-") return undefined;
    const left = unwrapExpression(inner.left);
    if (left.type !== AST_NODE_TYPES.MemberExpression || memberPropertyName(left) !== "length") return undefined;
    if (source.getText(unwrapExpression(left.object)) !== source.getText(unwrapExpression(receiver))) return undefined;
    return numberOf(inner.right);
  };
  const isMaskLength = (length: number | undefined): boolean =>
    length !== undefined && length >= 0 && length <= MAX_MASK_LENGTH;

  if (!second) {
    const tail = fromEnd(first);
    if (tail !== undefined) return isMaskLength(tail);
    const start = numberOf(first);
    // slice(-4) and substr(-4) keep the last four; substring(-4) keeps everything
    return method !== "substring" && start !== undefined && start < 0 && isMaskLength(-start);
  }
  const start = numberOf(first);
  const end = numberOf(second);
  if (start === undefined || end === undefined) return false;
  if (method === "substr") return start >= 0 && isMaskLength(end);
  if (method === "substring") return start >= 0 && end >= 0 && isMaskLength(Math.abs(end - start));
  return (start >= 0) === (end >= 0) && isMaskLength(end - start);
}

/** The dotted name a callee is written as: `String`, `JSON.stringify`, `util.format`. */
function dottedName(callee: TSESTree.Node): string | undefined {
  const inner = unwrapExpression(callee);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = unwrapExpression(inner.object);
  const property = memberPropertyName(inner);
  return object.type === AST_NODE_TYPES.Identifier && property !== undefined ? `${object.name}.${property}` : undefined;
}

/**
 * For a write of a variable: the statement that makes it (`x = ...;`, `let x = ...;`) when the
 * write is the whole statement, so that it surely happens before what follows it in its block.
 */
function unconditionalWriteStatement(identifier: TSESTree.Identifier | TSESTree.JSXIdentifier): TSESTree.Node | undefined {
  const parent = identifier.parent;
  let statement: TSESTree.Node | undefined;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === identifier && parent.init) {
    statement = parent.parent;
  } else if (
    parent?.type === AST_NODE_TYPES.AssignmentExpression &&
    parent.left === identifier &&
    parent.operator === "=" &&
    parent.parent.type === AST_NODE_TYPES.ExpressionStatement
  ) {
    statement = parent.parent;
  }
  const list = statement?.parent;
  if (
    list?.type === AST_NODE_TYPES.BlockStatement ||
    list?.type === AST_NODE_TYPES.Program ||
    list?.type === AST_NODE_TYPES.StaticBlock ||
    list?.type === AST_NODE_TYPES.SwitchCase
  ) {
    return statement;
  }
  return undefined;
}

export default createRule<Options, MessageIds>({
  name: "no-secret-logging",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow secret values in logs, error messages and HTTP responses",
      recommended: true,
    },
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          loggers: {
            type: "array",
            items: { type: "string", minLength: 1 },
            uniqueItems: true,
            description:
              "Names of logger objects (`logger.info(...)`, `this.logger.info(...)`, also as the last word of a name: `appLogger`); a direct call of one (`log(...)`) is a log call too. Loggers that the file makes or imports are recognised whatever their name.",
          },
          logMethods: {
            type: "array",
            items: { type: "string", minLength: 1 },
            uniqueItems: true,
            description: "Methods of a logger object that write a log entry.",
          },
          responseObjects: {
            type: "array",
            items: { type: "string", minLength: 1 },
            uniqueItems: true,
            description:
              "Names of HTTP response objects whose `send`, `json`, `jsonp`, `write`, `end` and `render` methods and `body` property reach the client.",
          },
          redactingModules: {
            type: "array",
            items: { type: "string", minLength: 1 },
            uniqueItems: true,
            description:
              "Modules whose accessor returns a redacting `Secret` that prints as `[redacted]`; only its `.reveal()` is the value.",
          },
        },
      },
    ],
    defaultOptions: [
      {
        loggers: [...DEFAULT_LOGGERS],
        logMethods: [...DEFAULT_LOG_METHODS],
        responseObjects: [...DEFAULT_RESPONSE_OBJECTS],
        redactingModules: [DEFAULT_IMPORT_FROM],
      },
    ],
    messages: {
      log: "Secret '{{name}}' reaches {{sink}}; secrets must never be logged.",
      error:
        "Secret '{{name}}' reaches {{sink}}; secrets must never be put in errors, whose messages end up in logs and responses.",
      response: "Secret '{{name}}' reaches {{sink}}; secrets must never be sent in an HTTP response.",
      logWholeEnv: "The whole of {{name}}, every secret in it, reaches {{sink}}; secrets must never be logged. Log the names you need, not the environment.",
      errorWholeEnv:
        "The whole of {{name}}, every secret in it, reaches {{sink}}; secrets must never be put in errors, whose messages end up in logs and responses.",
      responseWholeEnv: "The whole of {{name}}, every secret in it, reaches {{sink}}; secrets must never be sent in an HTTP response.",
    },
  },
  create(context, [options]) {
    const settings = getSecretsSettings(context);
    if (!mayReadSecrets(context, settings.accessors, settings.envAccessors)) return {};
    // what can reach a sink: a secret read by name, the whole environment, an accessor's value;
    // a file with none of them (most files that read the environment read NODE_ENV) gets no listener
    const callsAccessor = mentionsAccessor(context, settings.accessors);
    const readsSecrets = envReadsOf(context).some(
      (read) => read.kind === "whole" || (read.kind === "named" && isSecretEnvName(read.name, { classify: settings.classify })),
    );
    if (!callsAccessor && !readsSecrets) return {};
    const matcher = createAccessorMatcher(context, settings.accessors);
    const source = context.sourceCode;
    const sinkOptions: SinkOptions = {
      loggers: createLoggerRecognizer(source, new Set(options.loggers ?? DEFAULT_LOGGERS), LOGGER_FACTORY_NAMES),
      logMethods: new Set(options.logMethods ?? DEFAULT_LOG_METHODS),
      responseObjects: new Set(options.responseObjects ?? DEFAULT_RESPONSE_OBJECTS),
    };
    const redactingModules: ReadonlySet<string> = new Set(options.redactingModules ?? [DEFAULT_IMPORT_FROM]);

    /** Values already followed, with each taint they were followed with (so cycles end). */
    const visited = new Map<TSESTree.Node | TSESLint.Scope.Variable, Set<string>>();
    const firstVisit = (key: TSESTree.Node | TSESLint.Scope.Variable, taint: Taint, extra = ""): boolean => {
      const id = `${taint.wrapped ? "w" : "v"}\0${taint.name}\0${taint.path.join("\0")}\0${extra}`;
      const seen = visited.get(key) ?? new Set<string>();
      if (seen.has(id)) return false;
      seen.add(id);
      visited.set(key, seen);
      return true;
    };

    const reported = new Set<string>();
    const report = (node: TSESTree.Node, taint: Taint, sink: Sink): void => {
      if (taint.wrapped) return; // secrets-runtime's Secret shows as [redacted] in every sink
      const key = `${node.range[0]}:${node.range[1]}:${taint.name}`;
      if (reported.has(key)) return;
      reported.add(key);
      const messageId = taint.wholeEnv ? (`${sink.kind}WholeEnv` as const) : sink.kind;
      context.report({ node, messageId, data: { name: taint.name, sink: sink.label } });
    };

    /**
     * Every read of `variable` that sees the value written by `write`: the reads after it in the
     * same function, and the reads in nested functions, which may run at any time after they are
     * created. A plain reassignment (`x = ...;` as a whole statement, in a block around the read)
     * between the write and the read replaces the value. A read in a function expression created
     * after the write counts from where the function is created; one in a function declaration
     * (hoisted) or in a function defined elsewhere is seen whenever it runs.
     */
    const followVariable = (variable: TSESLint.Scope.Variable, taint: Taint, write: WriteNode): void => {
      if (!firstVisit(variable, taint, `${write.range[0]}`)) return;
      const writeFunction = enclosingFunction(write);
      const replacements = variable.references
        .filter((reference) => reference.isWrite() && !contains(write, reference.identifier))
        .map((reference) => unconditionalWriteStatement(reference.identifier))
        .filter((statement): statement is TSESTree.Node => statement !== undefined);
      /** Whether a replacement in `fn` surely runs before `position` (and after `from`, if given). */
      const replacedBefore = (fn: TSESTree.Node, position: TSESTree.Node, from?: number): boolean =>
        replacements.some(
          (statement) =>
            enclosingFunction(statement) === fn &&
            statement.range[1] <= position.range[0] &&
            (from === undefined || statement.range[0] >= from) &&
            contains(statement.parent!, position),
        );
      for (const reference of variable.references) {
        if (!reference.isRead()) continue;
        const read = reference.identifier;
        if (contains(write, read)) continue; // `key = key.trim()` reads the value before this write
        const readFunction = enclosingFunction(read);
        if (readFunction === writeFunction) {
          if (read.range[0] < write.range[1] || replacedBefore(readFunction, read, write.range[1])) continue;
        } else {
          if (replacedBefore(readFunction, read)) continue;
          const created = functionCreatedIn(writeFunction, read);
          if (
            created &&
            created.type !== AST_NODE_TYPES.FunctionDeclaration &&
            created.range[0] >= write.range[1] &&
            replacedBefore(writeFunction, created, write.range[1])
          ) {
            continue;
          }
        }
        flow(read, taint);
      }
    };

    const variableOf = (identifier: TSESTree.Identifier): TSESLint.Scope.Variable | undefined => {
      const variable = ASTUtils.findVariable(source.getScope(identifier), identifier);
      // an undeclared global (module, exports) is not followed
      return variable && variable.defs.length > 0 ? variable : undefined;
    };

    /** The tainted value is stored in a pattern: `const { a, b: [c] } = value`. */
    const bindPattern = (pattern: TSESTree.Node, taint: Taint, write: WriteNode): void => {
      switch (pattern.type) {
        case AST_NODE_TYPES.Identifier: {
          const variable = variableOf(pattern);
          if (variable) followVariable(variable, taint, write);
          return;
        }
        case AST_NODE_TYPES.AssignmentPattern:
          bindPattern(pattern.left, taint, write);
          return;
        case AST_NODE_TYPES.ObjectPattern: {
          const taken = new Set<string>();
          for (const property of pattern.properties) {
            if (property.type === AST_NODE_TYPES.RestElement) continue;
            const key = keyOf(property.key, property.computed);
            if (key !== undefined) taken.add(key);
            const inner = memberTaint(taint, key);
            if (inner) bindPattern(property.value, inner, write);
          }
          for (const property of pattern.properties) {
            if (property.type !== AST_NODE_TYPES.RestElement) continue;
            // `const { apiKey, ...rest } = config`: the rest does not hold apiKey
            const [head] = taint.path;
            if (head === undefined || head === ANY_KEY || !taken.has(head)) bindPattern(property.argument, taint, write);
          }
          return;
        }
        case AST_NODE_TYPES.ArrayPattern:
          pattern.elements.forEach((element, index) => {
            if (!element) return;
            if (element.type === AST_NODE_TYPES.RestElement) {
              bindPattern(element.argument, taint.path.length === 0 ? taint : elementsAnywhere(taint), write);
              return;
            }
            const inner = memberTaint(taint, String(index));
            if (inner) bindPattern(element, inner, write);
          });
          return;
        case AST_NODE_TYPES.MemberExpression:
          bindMember(pattern, taint, write);
          return;
        default:
          return;
      }
    };

    /** `config.apiKey = secret`, `err.message = secret`: the object of a local variable now holds it. */
    const bindMember = (member: TSESTree.MemberExpression, taint: Taint, write: WriteNode): void => {
      let current: TSESTree.Node = member;
      let path = taint;
      while (current.type === AST_NODE_TYPES.MemberExpression) {
        path = within(path, keyOf(current.property, current.computed) ?? ANY_KEY);
        current = unwrapExpression(current.object);
      }
      if (current.type !== AST_NODE_TYPES.Identifier) return; // this.apiKey = ... is not followed
      const variable = variableOf(current);
      if (variable) followVariable(variable, path, write);
    };

    /** A method called on a tainted value: what it returns. */
    const methodResult = (
      taint: Taint,
      method: string,
      call: TSESTree.CallExpression,
      receiver: TSESTree.Node,
    ): Taint | undefined => {
      if (taint.path.length === 0 && taint.wrapped) {
        // only reveal() gives the value; toString(), toJSON() give "[redacted]"
        return method === "reveal" ? { name: taint.name, path: [] } : undefined;
      }
      if (taint.path.length === 0) {
        if (PRESERVING_STRING_METHODS.has(method)) return taint;
        if (SPLITTING_STRING_METHODS.has(method)) return within(taint, ANY_KEY);
        if (SLICING_STRING_METHODS.has(method)) return isShortPart(call, method, receiver, source) ? undefined : taint;
        return undefined; // startsWith, includes, localeCompare, charCodeAt, ...: not the value
      }
      if (!isIndexPath(taint.path.slice(0, 1))) return undefined; // methods of an object holding it
      if (ARRAY_TO_STRING_METHODS.has(method)) return stringified(taint);
      if (ARRAY_ELEMENT_METHODS.has(method)) return memberTaint(taint, undefined);
      if (ARRAY_COPY_METHODS.has(method)) return elementsAnywhere(taint);
      return undefined;
    };

    /** The tainted value is passed to a call or `new`: a sink, a function that hands it on, or neither. */
    const callArgument = (
      call: TSESTree.CallExpression | TSESTree.NewExpression,
      argument: TSESTree.Node,
      taint: Taint,
    ): void => {
      const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
      const sink = callSink(call, index, sinkOptions);
      if (sink) {
        report(argument, taint, sink);
        return;
      }
      const name = dottedName(call.callee);
      if (call.type === AST_NODE_TYPES.NewExpression) {
        if (name !== undefined && STRINGIFYING_CONSTRUCTORS.has(name)) {
          const result = name === "URLSearchParams" && !taint.wrapped ? textOf(taint) : stringified(taint);
          if (result) flow(call, result);
        }
        return;
      }
      if (name !== undefined) {
        if (STRINGIFYING_FUNCTIONS.has(name)) {
          const result = stringified(taint);
          if (result) flow(call, result);
          return;
        }
        if (SERIALIZING_FUNCTIONS.has(name)) {
          if (!taint.wrapped) flow(call, textOf(taint));
          return;
        }
        if (PASS_THROUGH_FUNCTIONS.has(name)) {
          flow(call, taint);
          return;
        }
      }
      // "Bearer ".concat(token), template.replace("{key}", key); text.replace(key, "***") redacts it
      const callee = unwrapExpression(call.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberPropertyName(callee) : undefined;
      if (method === "concat") {
        const result = taint.path.length === 0 ? stringified(taint) : elementsAnywhere(taint);
        if (result) flow(call, result);
      }
      else if ((method === "replace" || method === "replaceAll") && index === 1) {
        const result = stringified(taint);
        if (result) flow(call, result);
      }
      // any other function: a client, a hash, a comparison, a mask; its result is not the secret
    };

    /** `node` evaluates to a value that carries `taint`; follow it to where it goes. */
    const flow = (node: TSESTree.Node, taint: Taint): void => {
      const value = outermostValueNode(node);
      if (!firstVisit(value, taint)) return;
      const parent = value.parent;
      if (!parent) return;
      switch (parent.type) {
        case AST_NODE_TYPES.AwaitExpression:
          flow(parent, taint);
          return;
        case AST_NODE_TYPES.TemplateLiteral:
        case AST_NODE_TYPES.BinaryExpression: {
          if (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator !== "+") return; // comparisons
          const result = stringified(taint);
          if (result) flow(parent, result); // a tagged template's tag is a function: not followed
          return;
        }
        case AST_NODE_TYPES.LogicalExpression:
          // `secret && x` is `secret` only when it is empty
          if (parent.operator !== "&&" || parent.right === value) flow(parent, taint);
          return;
        case AST_NODE_TYPES.ConditionalExpression:
          if (parent.test !== value) flow(parent, taint);
          return;
        case AST_NODE_TYPES.SequenceExpression:
          if (parent.expressions.at(-1) === value) flow(parent, taint);
          return;
        case AST_NODE_TYPES.ArrayExpression: {
          const index = parent.elements.indexOf(value as TSESTree.Expression);
          const spreadBefore = parent.elements
            .slice(0, index)
            .some((element) => element?.type === AST_NODE_TYPES.SpreadElement);
          flow(parent, within(taint, spreadBefore ? ANY_KEY : String(index)));
          return;
        }
        case AST_NODE_TYPES.Property:
          if (parent.value === value && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
            flow(parent.parent, within(taint, keyOf(parent.key, parent.computed) ?? ANY_KEY));
          }
          return;
        case AST_NODE_TYPES.SpreadElement: {
          const container = parent.parent;
          if (container.type === AST_NODE_TYPES.ObjectExpression) {
            flow(container, taint.path.length === 0 ? within(taint, ANY_KEY) : taint);
          } else if (container.type === AST_NODE_TYPES.ArrayExpression) {
            flow(container, taint.path.length === 0 ? within(taint, ANY_KEY) : elementsAnywhere(taint));
          } else if (
            container.type === AST_NODE_TYPES.CallExpression ||
            container.type === AST_NODE_TYPES.NewExpression
          ) {
            callArgument(container, parent, memberTaint(taint, undefined) ?? taint);
          }
          return;
        }
        case AST_NODE_TYPES.MemberExpression: {
          if (parent.object !== value) return; // obj[secret]
          const key = keyOf(parent.property, parent.computed);
          const member = outermostValueNode(parent);
          const call = member.parent;
          if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === member) {
            const result = key === undefined ? undefined : methodResult(taint, key, call, value);
            if (result) flow(call, result);
            return;
          }
          const target = member.parent;
          if (target?.type === AST_NODE_TYPES.AssignmentExpression && target.left === member) return; // a write
          const result = memberTaint(taint, key);
          if (result) flow(parent, result);
          return;
        }
        case AST_NODE_TYPES.CallExpression:
        case AST_NODE_TYPES.NewExpression:
          if (parent.callee !== value) callArgument(parent, value, taint);
          return;
        case AST_NODE_TYPES.VariableDeclarator:
          if (parent.init === value) bindPattern(parent.id, taint, parent);
          return;
        case AST_NODE_TYPES.AssignmentPattern:
          if (parent.right === value) bindPattern(parent.left, taint, parent);
          return;
        case AST_NODE_TYPES.AssignmentExpression: {
          if (parent.right === value) {
            const sink = assignmentSink(parent.left, sinkOptions);
            if (sink) {
              report(value, taint, sink);
              return;
            }
            // `msg += secret` makes a string; `x = secret`, `x ??= secret` store the value itself
            const stored = parent.operator === "+=" ? stringified(taint) : taint;
            if (!stored) return;
            bindPattern(parent.left, stored, parent);
            flow(parent, stored);
            return;
          }
          // the secret's variable on the left: `key += "x"`, `key ??= other` still hold it
          if (parent.operator === "+=" || parent.operator === "??=" || parent.operator === "||=") {
            const stored = parent.operator === "+=" ? stringified(taint) : taint;
            if (!stored) return;
            bindPattern(parent.left, stored, parent);
            flow(parent, stored);
          }
          return;
        }
        case AST_NODE_TYPES.ThrowStatement:
          report(value, taint, { kind: "error", label: "a throw statement" });
          return;
        default:
          // return values, arguments of unknown functions, conditions, JSX: not followed
          return;
      }
    };

    /** The declaration or assignment a destructuring pattern belongs to. */
    const patternWrite = (property: TSESTree.Node): WriteNode => {
      let current: TSESTree.Node = property;
      while (
        current.parent &&
        (current.parent.type === AST_NODE_TYPES.Property ||
          current.parent.type === AST_NODE_TYPES.ObjectPattern ||
          current.parent.type === AST_NODE_TYPES.ArrayPattern ||
          current.parent.type === AST_NODE_TYPES.RestElement ||
          (current.parent.type === AST_NODE_TYPES.AssignmentPattern && current.parent.left === current))
      ) {
        current = current.parent;
      }
      return current.parent ?? current;
    };

    const envListeners = envReadListeners(context, (read) => {
      // the environment object itself, or what JSON.stringify and Object.entries make of it
      if (read.kind === "whole" && read.use === "argument") {
        flow(read.node, { name: read.source, path: [ANY_KEY], wholeEnv: true });
        return;
      }
      if (read.kind === "whole" && read.use === "call") {
        flow(read.node, { name: read.source, path: [], wholeEnv: true });
        return;
      }
      // `{ ...process.env }`: an object holding every variable, like the environment itself
      if (read.kind === "whole" && read.use === "spread" && read.node.parent?.type === AST_NODE_TYPES.ObjectExpression) {
        flow(read.node.parent, { name: read.source, path: [ANY_KEY], wholeEnv: true });
        return;
      }
      if (read.kind !== "named" || !isSecretEnvName(read.name, { classify: settings.classify })) return;
      const taint: Taint = { name: read.name, path: [] };
      if (read.valueExpression) {
        flow(read.valueExpression, taint);
      } else if (read.node.type === AST_NODE_TYPES.Property) {
        // const { STRIPE_SECRET_KEY: key } = process.env
        bindPattern(read.node.value, taint, patternWrite(read.node));
      }
    }, { wholeArguments: true });

    if (!callsAccessor) return envListeners;
    return {
      ...envListeners,
      CallExpression(call) {
        if (!matcher.isAccessorCall(call)) return;
        const [first] = call.arguments;
        const resolved = first ? resolveStaticName(first, source.getScope(call)) : undefined;
        const name =
          resolved?.kind === "static"
            ? resolved.name
            : resolved?.kind === "imported"
              ? resolved.local
              : first
                ? source.getText(first)
                : "(unnamed)";
        const wrapped = returnsRedactedSecret(call, source.getScope(call), redactingModules);
        flow(call, { name, path: [], ...(wrapped ? { wrapped } : {}) });
      },
    };
  },
});
