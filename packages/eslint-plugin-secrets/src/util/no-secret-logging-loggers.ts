/**
 * For `secrets/no-secret-logging`: which values are loggers. Without type information, a logger
 * is known from what the file shows of it:
 *
 * - its **name**: a name in the `loggers` option, or one whose last word is (`logger`,
 *   `this.logger`, `req.log`, `LOGGER`, `this._logger`, `appLogger`, `auditLog`, `$log`);
 * - how it was **made**: a logger library's factory or class (`const audit = pino()`,
 *   `winston.createLogger(...)`, `new Logger(AppService.name)`, `debug("app:auth")`), or a child
 *   of a logger (`logger.child({ ... })`, `consola.withTag("db")`);
 * - the library **object** it is (`import consola from "consola"`, `require("npmlog")`);
 * - its TypeScript **type** (`constructor(private readonly audit: PinoLogger)`).
 *
 * The tables below are what the libraries export; a library not listed is still recognised by
 * the names of its factories and classes (`createLogger`, `getLogger`, `new XxxLogger()`).
 */
import { splitNameSegments } from "@secrets-suite/core";
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { memberPropertyName, staticKeyName, unwrapExpression } from "./ast.js";
import { requiredModule } from "./no-secret-logging-runtime.js";

/**
 * Exports of logger libraries that are a ready logger object. `default` is the default export,
 * `*` the module object itself (a namespace import, or `require`): for a CommonJS module that
 * exports its logger (`module.exports = new Signale()`), both are the logger.
 */
export const LOGGER_OBJECT_EXPORTS: ReadonlyMap<string, readonly string[]> = new Map([
  ["consola", ["default", "consola"]],
  ["signale", ["default", "*"]],
  ["npmlog", ["default", "*"]],
  ["loglevel", ["default", "*"]],
  ["fancy-log", ["default", "*"]],
  ["electron-log", ["default", "*"]],
  ["electron-log/main", ["default", "*"]],
  ["electron-log/renderer", ["default", "*"]],
  // winston's default logger: winston.info(...)
  ["winston", ["default", "*"]],
  // NestJS' Logger class logs through its static methods: Logger.log(...)
  ["@nestjs/common", ["Logger"]],
  ["firebase-functions", ["logger"]],
  ["firebase-functions/logger", ["*"]],
]);

/** Functions of logger libraries that make a logger (`default` and `*`: the module called itself). */
export const LOGGER_FACTORY_EXPORTS: ReadonlyMap<string, readonly string[]> = new Map([
  ["pino", ["default", "*", "pino"]],
  ["winston", ["createLogger"]],
  ["bunyan", ["createLogger"]],
  ["consola", ["createConsola"]],
  ["log4js", ["getLogger"]],
  ["loglevel", ["getLogger"]],
  ["debug", ["default", "*"]],
]);

/** Classes of logger libraries whose instances are loggers (`new Logger(...)`). */
export const LOGGER_CLASS_EXPORTS: ReadonlyMap<string, readonly string[]> = new Map([
  ["@nestjs/common", ["Logger", "ConsoleLogger"]],
  ["bunyan", ["default", "*"]],
  ["signale", ["Signale"]],
  ["consola", ["Consola"]],
  ["tslog", ["Logger"]],
  ["@aws-lambda-powertools/logger", ["Logger"]],
]);

/**
 * Names of functions that make a logger, in any module: a project's own `createLogger("auth")`
 * as much as winston's, `log4js.getLogger()`, `LogManager.getLogger()`.
 */
const FACTORY_NAMES: ReadonlySet<string> = new Set(["createLogger", "getLogger", "createConsola", "pino", "debug"]);

/** Classes known by name in any module: `new Logger(...)`, `new AppLogger()`, `new Signale()`. */
const CLASS_NAME = /(?:^|[a-z0-9_])Logger$|^(?:Signale|Consola)$/;

/** Types of loggers: `Logger`, `pino.Logger`, `PinoLogger`, `LoggerService`, `ConsolaInstance`, debug's `Debugger`. */
const TYPE_NAME = /Logger(?:Service)?$|^(?:Consola|ConsolaInstance|Signale|Debugger)$/;

/** How far aliases (`const log = logger`) and class fields are followed. */
const MAX_DEPTH = 6;

type Scope = TSESLint.Scope.Scope;

/** `node:…` and `npm:…` schemes aside. */
function normalizeModule(specifier: string): string {
  return specifier.replace(/^(?:node|npm):/, "");
}

/** A module's export: the module `m` and the export's name (`default`, `*`, or a named export). */
interface ModuleExport {
  readonly module: string;
  readonly name: string;
}

function isListed(table: ReadonlyMap<string, readonly string[]>, value: ModuleExport | undefined): boolean {
  return value !== undefined && (table.get(value.module)?.includes(value.name) ?? false);
}

/** The property of an object pattern that binds `identifier`: `const { createLogger: make } = ...`. */
function patternKeyOf(pattern: TSESTree.ObjectPattern, identifier: TSESTree.Identifier): string | undefined {
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const target = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (target === identifier) return staticKeyName(property.key, property.computed);
  }
  return undefined;
}

/** The module export a variable is bound to: `import x from "m"`, `const { x } = require("m")`. */
function exportOf(variable: TSESLint.Scope.Variable | null | undefined): ModuleExport | undefined {
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!definition) return undefined;
  if (definition.type === "ImportBinding") {
    const declaration = definition.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
    const module = normalizeModule(declaration.source.value);
    const specifier = definition.node;
    if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { module, name: "default" };
    if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { module, name: "*" };
    if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) return undefined;
    const name = staticKeyName(specifier.imported, false);
    return name === undefined ? undefined : { module, name };
  }
  if (definition.type !== "Variable" || !definition.node.init) return undefined;
  const init = unwrapExpression(definition.node.init);
  const direct = requiredModule(init);
  if (direct !== undefined) {
    const module = normalizeModule(direct);
    if (definition.node.id.type === AST_NODE_TYPES.Identifier) return { module, name: "*" };
    if (definition.node.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
    const name = patternKeyOf(definition.node.id, definition.name);
    return name === undefined ? undefined : { module, name };
  }
  // const consola = require("consola").default, const { consola } = require("consola")
  if (init.type === AST_NODE_TYPES.MemberExpression && definition.node.id.type === AST_NODE_TYPES.Identifier) {
    const from = requiredModule(init.object);
    const name = memberPropertyName(init);
    if (from !== undefined && name !== undefined) return { module: normalizeModule(from), name };
  }
  return undefined;
}

/**
 * The module export an expression names: an import or require binding (`pino`, `createLogger`),
 * a member of one (`winston.createLogger`, `pino.default`), or `require("debug")` itself.
 */
function exportNamedBy(node: TSESTree.Node, scope: Scope): ModuleExport | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return exportOf(ASTUtils.findVariable(scope, inner));
  const required = requiredModule(inner);
  if (required !== undefined) return { module: normalizeModule(required), name: "*" };
  if (inner.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const property = memberPropertyName(inner);
  const object = exportNamedBy(inner.object, scope);
  if (property === undefined || object === undefined) return undefined;
  // a member of the module (`pino.default` is its default export) or of its default export (CommonJS interop)
  return object.name === "*" || object.name === "default" ? { module: object.module, name: property } : undefined;
}

/** The name a callee is written with, its last part: `pino`, `getLogger` in `log4js.getLogger`. */
function lastName(node: TSESTree.Node): string | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type === AST_NODE_TYPES.MemberExpression) return memberPropertyName(inner);
  return undefined;
}

/** A short text for a callee in messages: `pino`, `log4js.getLogger`, `new Logger`. */
function calleeText(node: TSESTree.Node): string {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrapExpression(inner.object);
    const property = memberPropertyName(inner) ?? "…";
    return object.type === AST_NODE_TYPES.Identifier ? `${object.name}.${property}` : property;
  }
  if (requiredModule(inner) !== undefined) return "require()";
  return "…";
}

/** The name of a member, private fields included: `this.logger`, `this.#logger`. */
function memberName(member: TSESTree.MemberExpression): string | undefined {
  if (member.property.type === AST_NODE_TYPES.PrivateIdentifier) return member.property.name;
  return memberPropertyName(member);
}

/** Whether a type annotation names a logger type: `Logger`, `pino.Logger`, `PinoLogger`. */
function isLoggerType(annotation: TSESTree.TSTypeAnnotation | undefined): boolean {
  const type = annotation?.typeAnnotation;
  if (type?.type !== AST_NODE_TYPES.TSTypeReference) return false;
  const { typeName } = type;
  if (typeName.type === AST_NODE_TYPES.TSQualifiedName) return TYPE_NAME.test(typeName.right.name);
  return typeName.type === AST_NODE_TYPES.Identifier && TYPE_NAME.test(typeName.name);
}

export interface LoggerRecognizer {
  /**
   * The name `node` is known by in messages, if it evaluates to a logger whose methods write
   * entries: `logger`, `audit`, `new Logger()`.
   */
  loggerName(node: TSESTree.Node): string | undefined;
  /**
   * The name of the log function `callee` is, if calling it writes an entry: a name in
   * `loggers` (`log(...)`, `this.log(...)`), or a logger made in the file (`const dbg =
   * debug("app"); dbg(...)`). Not a factory: `pino({ ... })`, `createLogger({ ... })`.
   */
  logFunctionName(callee: TSESTree.Node): string | undefined;
}

/**
 * Recognises loggers in one file. `names` are the `loggers` option; `factoryNames` are names
 * among them whose direct call makes a logger rather than writing an entry.
 */
export function createLoggerRecognizer(
  sourceCode: Readonly<TSESLint.SourceCode>,
  names: ReadonlySet<string>,
  factoryNames: ReadonlySet<string>,
): LoggerRecognizer {
  const lowerNames = new Set([...names].map((name) => name.toLowerCase()));
  const classLoggers = new WeakMap<TSESTree.ClassBody, Map<string, boolean>>();

  /** `logger`, `LOGGER`, `_logger`, `$log`: a listed name, ignoring case and leading `_ $ #`. */
  const isListedName = (name: string): boolean =>
    names.has(name) || lowerNames.has(name.replace(/^[_$#]+/, "").toLowerCase());

  /** `appLogger`, `APP_LOGGER`, `auditLog`: the last word is a listed name. */
  const endsWithListedName = (name: string): boolean => {
    if (isListedName(name)) return true;
    const last = splitNameSegments(name.replace(/^[_$#]+/, "")).at(-1);
    return last !== undefined && lowerNames.has(last.toLowerCase());
  };

  /** The logger a call or `new` makes, for messages: `pino()`, `new Logger()`. */
  const madeLogger = (node: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined => {
    const scope = sourceCode.getScope(node);
    const bound = exportNamedBy(node.callee, scope);
    const name = lastName(node.callee);
    if (node.type === AST_NODE_TYPES.NewExpression) {
      const isClass = isListed(LOGGER_CLASS_EXPORTS, bound) || (name !== undefined && CLASS_NAME.test(name));
      return isClass ? `new ${calleeText(node.callee)}()` : undefined;
    }
    // a module's function that is not a factory: winston.format.json(), import { format } from "winston"
    if (bound !== undefined && LOGGER_FACTORY_EXPORTS.has(bound.module)) {
      return isListed(LOGGER_FACTORY_EXPORTS, bound) ? `${calleeText(node.callee)}()` : undefined;
    }
    return name !== undefined && FACTORY_NAMES.has(name) ? `${calleeText(node.callee)}()` : undefined;
  };

  /** Whether a class has a logger field: `private readonly audit = new Logger(...)`, `constructor(private log: PinoLogger)`. */
  const isClassLogger = (member: TSESTree.MemberExpression, name: string, depth: number): boolean => {
    let body: TSESTree.Node | undefined = member.parent;
    while (body && body.type !== AST_NODE_TYPES.ClassBody) body = body.parent;
    if (!body) return false;
    let known = classLoggers.get(body);
    if (!known) {
      known = new Map();
      classLoggers.set(body, known);
    }
    const cached = known.get(name);
    if (cached !== undefined) return cached;
    known.set(name, false); // a field defined through itself is not a logger
    const result = classFieldIsLogger(body, name, depth);
    known.set(name, result);
    return result;
  };

  const classFieldIsLogger = (body: TSESTree.ClassBody, name: string, depth: number): boolean => {
    for (const element of body.body) {
      if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.computed) {
        const key = element.key.type === AST_NODE_TYPES.PrivateIdentifier ? element.key.name : staticKeyName(element.key, false);
        if (key !== name) continue;
        if (isLoggerType(element.typeAnnotation)) return true;
        if (element.value && valueName(element.value, depth + 1) !== undefined) return true;
      }
      if (element.type !== AST_NODE_TYPES.MethodDefinition || element.kind !== "constructor") continue;
      for (const parameter of element.value.params) {
        if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const target = parameter.parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.parameter.left : parameter.parameter;
        if (target.type === AST_NODE_TYPES.Identifier && target.name === name && isLoggerType(target.typeAnnotation)) return true;
      }
      // this.audit = pino(...) in the constructor
      for (const statement of element.value.body?.body ?? []) {
        if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
        const assignment = statement.expression;
        if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== "=") continue;
        const target = unwrapExpression(assignment.left);
        if (
          target.type === AST_NODE_TYPES.MemberExpression &&
          unwrapExpression(target.object).type === AST_NODE_TYPES.ThisExpression &&
          memberName(target) === name &&
          valueName(assignment.right, depth + 1) !== undefined
        ) {
          return true;
        }
      }
    }
    return false;
  };

  /** Whether a variable holds a logger: bound once to a logger library's object, a made logger, or another logger. */
  const variableIsLogger = (variable: TSESLint.Scope.Variable, depth: number): boolean => {
    if (variable.defs.length !== 1) return false;
    const [definition] = variable.defs;
    if (isListed(LOGGER_OBJECT_EXPORTS, exportOf(variable))) return true;
    if (definition?.type === "Parameter") {
      return definition.name.type === AST_NODE_TYPES.Identifier && isLoggerType(definition.name.typeAnnotation);
    }
    if (definition?.type !== "Variable" || definition.node.id.type !== AST_NODE_TYPES.Identifier) return false;
    if (isLoggerType(definition.node.id.typeAnnotation)) return true;
    const init = definition.node.init;
    // a variable that is assigned again may hold anything
    if (!init || variable.references.filter((reference) => reference.isWrite()).length > 1) return false;
    return valueName(init, depth + 1) !== undefined;
  };

  /** The name of the logger a value is, looking through chained calls (`logger.child({...})`). */
  const valueName = (node: TSESTree.Node, depth: number): string | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    let current = unwrapExpression(node);
    for (;;) {
      if (current.type === AST_NODE_TYPES.AwaitExpression) {
        current = unwrapExpression(current.argument);
        continue;
      }
      if (current.type === AST_NODE_TYPES.NewExpression) return madeLogger(current);
      if (current.type !== AST_NODE_TYPES.CallExpression) break;
      const made = madeLogger(current);
      if (made !== undefined) return made;
      // logger.child({ ... }), consola.withTag("db"), res.status(500) for responses alike
      const callee = unwrapExpression(current.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      current = unwrapExpression(callee.object);
    }
    if (current.type === AST_NODE_TYPES.Identifier) {
      if (endsWithListedName(current.name)) return current.name;
      const variable = ASTUtils.findVariable(sourceCode.getScope(current), current);
      return variable && variableIsLogger(variable, depth) ? current.name : undefined;
    }
    if (current.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = memberName(current);
    if (name === undefined) return undefined;
    if (endsWithListedName(name)) return name;
    const object = unwrapExpression(current.object);
    return object.type === AST_NODE_TYPES.ThisExpression && isClassLogger(current, name, depth) ? name : undefined;
  };

  /**
   * Whether a variable holds a logger factory or class rather than a logger: `const createDebug =
   * require("debug")`, `const makeLogger = pino`. Calling it makes a logger.
   */
  const isFactoryAlias = (variable: TSESLint.Scope.Variable): boolean => {
    const bound = exportOf(variable);
    if (isListed(LOGGER_FACTORY_EXPORTS, bound) || isListed(LOGGER_CLASS_EXPORTS, bound)) return true;
    const definition = variable.defs.length === 1 ? variable.defs[0] : undefined;
    const init = definition?.type === "Variable" ? definition.node.init : undefined;
    const name = init ? lastName(init) : undefined;
    return name !== undefined && (factoryNames.has(name) || FACTORY_NAMES.has(name));
  };

  return {
    loggerName: (node) => valueName(node, 0),
    logFunctionName(callee) {
      const inner = unwrapExpression(callee);
      if (inner.type === AST_NODE_TYPES.Identifier) {
        if (factoryNames.has(inner.name)) return undefined;
        if (isListedName(inner.name)) return inner.name;
        const variable = ASTUtils.findVariable(sourceCode.getScope(inner), inner);
        return variable && !isFactoryAlias(variable) && variableIsLogger(variable, 0) ? inner.name : undefined;
      }
      // this.log(...): oclif's and Yeoman's commands, a class's own logger
      if (inner.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      if (unwrapExpression(inner.object).type !== AST_NODE_TYPES.ThisExpression) return undefined;
      const name = memberName(inner);
      if (name === undefined || factoryNames.has(name)) return undefined;
      return isListedName(name) || isClassLogger(inner, name, 0) ? name : undefined;
    },
  };
}
