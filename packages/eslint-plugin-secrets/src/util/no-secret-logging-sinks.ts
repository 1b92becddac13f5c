/**
 * The places a secret value must never reach, for `secrets/no-secret-logging`: log calls,
 * errors, and HTTP responses. Sinks are recognised by name and by what the file shows of the
 * object (no type information), so the lists are kept to names that mean one thing in practice.
 * Which values are loggers is `no-secret-logging-loggers.ts`'s judgement.
 */
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { memberPropertyName, unwrapExpression } from "./ast.js";
import type { LoggerRecognizer } from "./no-secret-logging-loggers.js";

export type SinkKind = "log" | "error" | "response";

export interface Sink {
  readonly kind: SinkKind;
  /** How the sink is named in the message: `console.log()`, `new Error()`, `res.json()`, `ctx.body`. */
  readonly label: string;
}

export interface SinkOptions {
  /** Loggers, by the names in the `loggers` option and by how the file makes them. */
  readonly loggers: LoggerRecognizer;
  /** Methods of a logger object that write an entry. */
  readonly logMethods: ReadonlySet<string>;
  /** Names of HTTP response objects (`res`, `reply`, `ctx`). */
  readonly responseObjects: ReadonlySet<string>;
}

export const DEFAULT_LOGGERS: readonly string[] = ["logger", "log", "pino", "winston", "bunyan", "consola", "signale", "console"];
export const DEFAULT_LOG_METHODS: readonly string[] = [
  "info", "warn", "error", "debug", "trace", "fatal", "log", "verbose", "silly",
  // consola's and signale's, syslog's levels (winston, log4js), Python-style `warning`
  "success", "fail", "notice", "warning", "critical", "alert", "emerg",
];
export const DEFAULT_RESPONSE_OBJECTS: readonly string[] = ["res", "response", "reply", "ctx"];

/** `console` methods that print their arguments, whatever `loggers` says. */
const CONSOLE_METHODS: ReadonlySet<string> = new Set(["log", "info", "warn", "error", "debug", "trace", "dir", "table"]);

/**
 * Logger libraries whose bare call creates a logger from options (`pino({ ... })`), rather than
 * writing an entry: they are logger objects, but a direct call of them is not a log call.
 */
export const LOGGER_FACTORY_NAMES: ReadonlySet<string> = new Set(["pino", "winston", "bunyan"]);

/** Methods of a response object that send their arguments to the client. */
const RESPONSE_METHODS: ReadonlySet<string> = new Set(["send", "json", "jsonp", "write", "end", "render"]);

/** `Error`, `TypeError`, `ValidationError`, `HttpException`, `UnauthorizedException`. */
const ERROR_CLASS = /^(?:[A-Z][A-Za-z0-9_$]*)?(?:Error|Exception)$/;

/** Functions that build an error to be thrown (http-errors, h3). */
const ERROR_FACTORIES: ReadonlySet<string> = new Set(["createError", "createHttpError"]);

/** Web `Response` classes: `new Response(body)`, `Response.json(body)`, `NextResponse.json(body)`. */
const WEB_RESPONSE_CLASSES: ReadonlySet<string> = new Set(["Response", "NextResponse"]);

/**
 * The name an object is known by: `res` → `res`, `this.res` → the property name, and through
 * calls chained on it: `res.status(500)` → `res`, `reply.code(401)` → `reply`.
 */
function receiverName(node: TSESTree.Node): string | undefined {
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    current = unwrapExpression(callee.object);
  }
  if (current.type === AST_NODE_TYPES.Identifier) return current.name;
  if (current.type === AST_NODE_TYPES.MemberExpression) return memberPropertyName(current);
  return undefined;
}

/** The sink a call or `new` expression is, for its argument at `argumentIndex`, if it is one. */
export function callSink(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  argumentIndex: number,
  options: SinkOptions,
): Sink | undefined {
  const callee = unwrapExpression(call.callee);
  const isNew = call.type === AST_NODE_TYPES.NewExpression;
  const prefix = isNew ? "new " : "";

  if (callee.type === AST_NODE_TYPES.Identifier) {
    const name = callee.name;
    if (ERROR_CLASS.test(name) || ERROR_FACTORIES.has(name)) return { kind: "error", label: `${prefix}${name}()` };
    if (isNew && WEB_RESPONSE_CLASSES.has(name)) {
      // new Response(body, init): the init (status, headers) is not the body
      return argumentIndex === 0 ? { kind: "response", label: `new ${name}()` } : undefined;
    }
    const logFunction = isNew ? undefined : options.loggers.logFunctionName(callee);
    return logFunction === undefined ? undefined : { kind: "log", label: `${logFunction}()` };
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberPropertyName(callee);
  if (method === undefined) return undefined;
  // new errors.NotFoundError(...), createError.Unauthorized is not matched (not an Error name)
  if (ERROR_CLASS.test(method)) return { kind: "error", label: `${prefix}${method}()` };
  if (isNew) return undefined;

  const object = unwrapExpression(callee.object);
  if (object.type === AST_NODE_TYPES.Identifier && WEB_RESPONSE_CLASSES.has(object.name) && method === "json") {
    return argumentIndex === 0 ? { kind: "response", label: `${object.name}.json()` } : undefined;
  }
  const receiver = receiverName(callee.object);
  if (receiver === "console" && CONSOLE_METHODS.has(method)) return { kind: "log", label: `console.${method}()` };
  if (options.logMethods.has(method)) {
    const logger = options.loggers.loggerName(callee.object);
    if (logger !== undefined) return { kind: "log", label: `${logger}.${method}()` };
  }
  // this.log(...)
  const logFunction = options.loggers.logFunctionName(callee);
  if (logFunction !== undefined) return { kind: "log", label: `${logFunction}()` };
  if (receiver !== undefined && options.responseObjects.has(receiver) && RESPONSE_METHODS.has(method)) {
    return { kind: "response", label: `${receiver}.${method}()` };
  }
  return undefined;
}

/** The sink an assignment target is: `ctx.body = ...`, `ctx.response.body = ...`. */
export function assignmentSink(target: TSESTree.Node, options: SinkOptions): Sink | undefined {
  const member = unwrapExpression(target);
  if (member.type !== AST_NODE_TYPES.MemberExpression || memberPropertyName(member) !== "body") return undefined;
  const object = unwrapExpression(member.object);
  if (object.type === AST_NODE_TYPES.Identifier && options.responseObjects.has(object.name)) {
    return { kind: "response", label: `${object.name}.body` };
  }
  if (object.type === AST_NODE_TYPES.MemberExpression && memberPropertyName(object) === "response") {
    const root = unwrapExpression(object.object);
    if (root.type === AST_NODE_TYPES.Identifier && options.responseObjects.has(root.name)) {
      return { kind: "response", label: `${root.name}.response.body` };
    }
  }
  return undefined;
}
