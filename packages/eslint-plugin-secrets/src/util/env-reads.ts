/**
 * Finds every read of the process environment in a file, whatever its syntax, and hands each
 * one to a callback. Every rule that looks at environment reads (`no-bare-env-secret`,
 * `no-secret-fallback`, `no-public-env-secret`, `no-secret-logging`) is built on it, so the rules
 * can never disagree on what a read is.
 *
 * It starts from the roots that reach the environment (the `process`, `Bun`, `Deno`,
 * `globalThis` and `global` globals, imports and requires of `process`, `import.meta`) and
 * follows each value through member access, destructuring and `const` aliases using ESLint's
 * scope analysis, so that a local variable that happens to be called `process` is not mistaken
 * for the real one. Calls of the project's general-purpose environment accessors
 * (`settings.secrets.envAccessors`, such as `env("PORT")`) are reads too.
 *
 * The reads of a file are collected once, when the first rule sees its `Program`, and every
 * rule replays the same list: four rules walking the same roots four times cost four times as
 * much for the same answer.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { createAccessorMatcher } from "./accessor-calls.js";
import {
  calleeName,
  isAssignmentTarget,
  memberPropertyName,
  outermostValueNode,
  staticKeyName,
  staticStringOf,
  unwrapExpression,
} from "./ast.js";
import { getSecretsSettings } from "./settings.js";
import { resolveStaticName } from "./static-name.js";

/**
 * Where the environment was read from, as the user wrote it (for messages): an object of a
 * runtime, or a call of an environment accessor named after its callee (`env()`, `config.env()`).
 */
export type EnvSource = "process.env" | "import.meta.env" | "Bun.env" | "Deno.env" | `${string}()`;

/** How the whole environment was taken. */
export type WholeEnvUse =
  /** `{ ...process.env }` */
  | "spread"
  /** `const { A, ...rest } = process.env` */
  | "rest"
  /** `Object.entries(process.env)`, `JSON.stringify(process.env)`, `Deno.env.toObject()` */
  | "call"
  /** `{ env: process.env }` or `{ env: { ...process.env } }`: handed to a child process. */
  | "child-process"
  /**
   * `f(process.env)`, `new Config(process.env)`: the object itself handed to some other function
   * (a config validator such as envalid's `cleanEnv`, a logger), which may read any of it. Only
   * for a caller that asks (`wholeArguments`): it names no secret, and is how configuration
   * libraries are used.
   */
  | "argument";

export interface EnvReadOptions {
  /** Also report the environment handed whole to a function (`"argument"` reads). */
  readonly wholeArguments?: boolean;
}

export interface NamedEnvRead {
  readonly kind: "named";
  readonly name: string;
  readonly source: EnvSource;
  /** The node to report: the member expression, the destructured property or the `get` call. */
  readonly node: TSESTree.Node;
  /** The expression that evaluates to the value (absent for destructuring). */
  readonly valueExpression?: TSESTree.Node;
  /** For destructuring, the default value given in the pattern (`{ X = "dev" }`). */
  readonly destructuringDefault?: TSESTree.Expression;
  /** For a read by an environment accessor, its call (whose later arguments may give a default). */
  readonly accessorCall?: TSESTree.CallExpression;
}

export interface DynamicEnvRead {
  readonly kind: "dynamic";
  readonly source: EnvSource;
  readonly node: TSESTree.Node;
}

export interface WholeEnvRead {
  readonly kind: "whole";
  readonly source: EnvSource;
  readonly use: WholeEnvUse;
  readonly node: TSESTree.Node;
}

export type EnvRead = NamedEnvRead | DynamicEnvRead | WholeEnvRead;

const PROCESS_MODULES: ReadonlySet<string> = new Set(["process", "node:process"]);

/** Calls that take every value of an object they are given. */
const WHOLE_OBJECT_CALLS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["Object", new Set(["entries", "values", "assign", "getOwnPropertyDescriptors", "fromEntries"])],
  ["JSON", new Set(["stringify"])],
]);
const WHOLE_OBJECT_FUNCTIONS: ReadonlySet<string> = new Set(["structuredClone"]);

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The reads of each file already collected, per list of environment accessors. */
const readsByProgram = new WeakMap<TSESTree.Program, Map<string, readonly EnvRead[]>>();

/**
 * Every environment read in the file of `context`, collected on the first call for this file's
 * tree and shared by every rule after it. The tree is the key: ESLint parses a file anew for each
 * run (and for each pass of `--fix`), so a changed text never meets an old list.
 */
export function envReadsOf(context: Context): readonly EnvRead[] {
  const { envAccessors, accessors } = getSecretsSettings(context);
  const program = context.sourceCode.ast;
  let byAccessors = readsByProgram.get(program);
  if (!byAccessors) {
    byAccessors = new Map();
    readsByProgram.set(program, byAccessors);
  }
  const key = `${envAccessors.join("\0")}\u0001${accessors.join("\0")}`;
  let reads = byAccessors.get(key);
  if (!reads) {
    reads = collectEnvReads(context, envAccessors, accessors);
    byAccessors.set(key, reads);
  }
  return reads;
}

/**
 * Rule listeners that call `onRead` once for every environment read in the file, when the rule
 * sees the `Program` node (before any other node: a rule may use the reads in later listeners).
 * Merge them into the rule's own listeners.
 */
export function envReadListeners(
  context: Context,
  onRead: (read: EnvRead) => void,
  { wholeArguments = false }: EnvReadOptions = {},
): TSESLint.RuleListener {
  return {
    Program() {
      for (const read of envReadsOf(context)) {
        if (read.kind === "whole" && read.use === "argument" && !wholeArguments) continue;
        onRead(read);
      }
    },
  };
}

/** The roots that are globals: the runtimes' objects, and `require` for `require("process")`. */
const GLOBAL_ROOTS = ["process", "globalThis", "global", "window", "self", "Bun", "Deno", "require"];

/** `import.meta`, allowing the spaces the grammar allows. */
const IMPORT_META = /\bimport\s*\.\s*meta\b/g;

function collectEnvReads(context: Context, envAccessors: readonly string[], accessors: readonly string[]): readonly EnvRead[] {
  const sourceCode = context.sourceCode;
  const visitorKeys = sourceCode.visitorKeys as Readonly<Record<string, readonly string[] | undefined>>;

  /**
   * Calls `visit` with every `this.<key>` read in the class's members, where `this` is the
   * instance: not inside a nested function (other than a method or an arrow) or a nested class.
   * Assignments to the field are not reads.
   */
  const forEachThisMember = (classBody: TSESTree.ClassBody, key: string, visit: (member: TSESTree.MemberExpression) => void): void => {
    const walk = (node: TSESTree.Node, isMember: boolean): void => {
      if (!isMember) {
        if (node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration) return;
        if (node.type === AST_NODE_TYPES.ClassExpression || node.type === AST_NODE_TYPES.ClassDeclaration) return;
      }
      if (
        node.type === AST_NODE_TYPES.MemberExpression &&
        node.object.type === AST_NODE_TYPES.ThisExpression &&
        memberPropertyName(node) === key &&
        !isAssignmentTarget(node)
      ) {
        visit(node);
      }
      for (const childKey of visitorKeys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[childKey];
        const children = Array.isArray(child) ? child : [child];
        for (const item of children) {
          if (item && typeof item === "object" && typeof (item as { type?: unknown }).type === "string") {
            // a method's function is the member itself: its `this` is the instance
            walk(item as TSESTree.Node, node.type === AST_NODE_TYPES.MethodDefinition && childKey === "value");
          }
        }
      }
    };
    for (const member of classBody.body) walk(member, true);
  };
  const reads: EnvRead[] = [];
  const seen = new Set<TSESTree.Node>();
  const emit = (read: EnvRead): void => {
    if (seen.has(read.node)) return;
    seen.add(read.node);
    reads.push(read);
  };

  /** Calls `visit` with each identifier that reads `variable` (not its declaration). */
  const forEachReadReference = (
    variable: TSESLint.Scope.Variable | null | undefined,
    visit: (identifier: TSESTree.Identifier | TSESTree.JSXIdentifier) => void,
  ): void => {
    if (!variable) return;
    for (const reference of variable.references) {
      if (reference.isRead()) visit(reference.identifier);
    }
  };

  /** The variable declared by `const x = ...` when it is never assigned again. */
  const constantAlias = (declarator: TSESTree.VariableDeclarator): TSESLint.Scope.Variable | undefined => {
    const [variable] = sourceCode.getDeclaredVariables(declarator);
    if (!variable) return undefined;
    const writes = variable.references.filter((reference) => reference.isWrite());
    return writes.length <= 1 ? variable : undefined;
  };

  const handleEnvPattern = (pattern: TSESTree.ObjectPattern, source: EnvSource): void => {
    for (const property of pattern.properties) {
      if (property.type === AST_NODE_TYPES.RestElement) {
        emit({ kind: "whole", source, use: "rest", node: property });
        continue;
      }
      const name = staticKeyName(property.key, property.computed);
      if (name === undefined) {
        emit({ kind: "dynamic", source, node: property });
        continue;
      }
      const destructuringDefault =
        property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.right : undefined;
      emit({ kind: "named", name, source, node: property, ...(destructuringDefault ? { destructuringDefault } : {}) });
    }
  };

  /** `node` evaluates to the environment object; look at what is done with it. */
  const handleEnvObject = (node: TSESTree.Node, source: EnvSource): void => {
    const value = outermostValueNode(node);
    const parent = value.parent;
    if (!parent) return;

    switch (parent.type) {
      case AST_NODE_TYPES.MemberExpression: {
        if (parent.object !== value) return;
        if (isAssignmentTarget(parent)) return; // process.env.X = "..." is a write
        const name = memberPropertyName(parent);
        if (name === undefined) {
          emit({ kind: "dynamic", source, node: parent });
        } else {
          emit({ kind: "named", name, source, node: parent, valueExpression: parent });
        }
        return;
      }
      case AST_NODE_TYPES.VariableDeclarator: {
        if (parent.init !== value) return;
        if (parent.id.type === AST_NODE_TYPES.ObjectPattern) {
          handleEnvPattern(parent.id, source);
        } else if (parent.id.type === AST_NODE_TYPES.Identifier) {
          forEachReadReference(constantAlias(parent), (identifier) => handleEnvObject(identifier, source));
        }
        return;
      }
      case AST_NODE_TYPES.AssignmentExpression:
      case AST_NODE_TYPES.AssignmentPattern: {
        if (parent.right !== value) return;
        if (parent.left.type === AST_NODE_TYPES.ObjectPattern) {
          handleEnvPattern(parent.left, source);
          return;
        }
        // constructor() { this.env = process.env }: the field is an alias in the class's members
        const classBody = constructorClassBody(parent);
        const key = classBody && parent.left.type === AST_NODE_TYPES.MemberExpression ? memberPropertyName(parent.left) : undefined;
        if (classBody && key !== undefined) forEachThisMember(classBody, key, (member) => handleEnvObject(member, source));
        return;
      }
      case AST_NODE_TYPES.SpreadElement: {
        const container = parent.parent;
        if (container?.type !== AST_NODE_TYPES.ObjectExpression) {
          // [...process.env] or f(...process.env) is not how anyone reads it; still all of it
          emit({ kind: "whole", source, use: "spread", node: parent });
          return;
        }
        // { env: { ...process.env, X: "1" } }: an environment built for a child process, and
        // `const childEnv = { ...process.env, ...overrides }` one built to be handed on later
        const envOption = envOptionUse(container);
        const builtEnvironment = envOption === "child-process" || (envOption === undefined && isNamedEnvironment(container));
        emit({ kind: "whole", source, use: builtEnvironment ? "child-process" : "spread", node: parent });
        return;
      }
      case AST_NODE_TYPES.Property: {
        const envOption = parent.value === value ? envOptionUse(value) : undefined;
        if (envOption) emit({ kind: "whole", source, use: envOption, node: value });
        return;
      }
      case AST_NODE_TYPES.PropertyDefinition: {
        // class Finder { env = process.env; find() { return this.env.PYTHON } }
        if (parent.value !== value || parent.static || parent.computed) return;
        const key = staticKeyName(parent.key, false);
        if (key !== undefined) forEachThisMember(parent.parent, key, (member) => handleEnvObject(member, source));
        return;
      }
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        if (parent.callee === value) return;
        if (parent.type === AST_NODE_TYPES.CallExpression && takesWholeObject(parent, value)) {
          emit({ kind: "whole", source, use: "call", node: parent });
        } else {
          emit({ kind: "whole", source, use: "argument", node: value });
        }
        return;
      }
      default:
        return;
    }
  };

  /** `node` evaluates to the `process` object. */
  const handleProcessObject = (node: TSESTree.Node): void => {
    const value = outermostValueNode(node);
    const parent = value.parent;
    if (!parent) return;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === value) {
      if (memberPropertyName(parent) === "env") handleEnvObject(parent, "process.env");
      return;
    }
    const pattern =
      parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === value
        ? parent.id
        : (parent.type === AST_NODE_TYPES.AssignmentExpression || parent.type === AST_NODE_TYPES.AssignmentPattern) &&
            parent.right === value
          ? parent.left
          : undefined;
    if (!pattern) return;
    if (pattern.type === AST_NODE_TYPES.Identifier && parent.type === AST_NODE_TYPES.VariableDeclarator) {
      forEachReadReference(constantAlias(parent), handleProcessObject);
      return;
    }
    if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return;
    for (const property of pattern.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      if (staticKeyName(property.key, property.computed) !== "env") continue;
      const target = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
      if (target.type === AST_NODE_TYPES.ObjectPattern) {
        handleEnvPattern(target, "process.env");
      } else if (target.type === AST_NODE_TYPES.Identifier) {
        const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
        forEachReadReference(variable, (identifier) => handleEnvObject(identifier, "process.env"));
      }
    }
  };

  /** `Deno.env` member: `Deno.env.get("X")`, `Deno.env.toObject()`. */
  const handleDenoEnv = (denoEnv: TSESTree.MemberExpression): void => {
    const member = outermostValueNode(denoEnv).parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outermostValueNode(denoEnv)) return;
    const call = outermostValueNode(member).parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== outermostValueNode(member)) return;
    const method = memberPropertyName(member);
    if (method === "toObject") {
      emit({ kind: "whole", source: "Deno.env", use: "call", node: call });
    } else if (method === "get") {
      const [argument] = call.arguments;
      const name = argument ? staticStringOf(argument) : undefined;
      if (name === undefined) emit({ kind: "dynamic", source: "Deno.env", node: call });
      else emit({ kind: "named", name, source: "Deno.env", node: call, valueExpression: call });
    }
  };

  /** A reference to a global that can reach the environment. */
  const handleGlobalReference = (identifier: TSESTree.Identifier | TSESTree.JSXIdentifier): void => {
    const parent = outermostValueNode(identifier).parent;
    const member =
      parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outermostValueNode(identifier)
        ? parent
        : undefined;
    switch (identifier.name) {
      case "process":
        handleProcessObject(identifier);
        return;
      case "globalThis":
      case "global":
      case "window":
      case "self":
        if (member && memberPropertyName(member) === "process") handleProcessObject(member);
        return;
      case "Bun":
        if (member && memberPropertyName(member) === "env") handleEnvObject(member, "Bun.env");
        return;
      case "Deno":
        if (member && memberPropertyName(member) === "env") handleDenoEnv(member);
        return;
      case "require":
        handleRequire(identifier);
        return;
      default:
        return;
    }
  };

  const handleProcessImport = (declaration: TSESTree.ImportDeclaration): void => {
    for (const specifier of declaration.specifiers) {
      const [variable] = sourceCode.getDeclaredVariables(specifier);
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
        const imported = staticKeyName(specifier.imported, false);
        if (imported === "env") forEachReadReference(variable, (identifier) => handleEnvObject(identifier, "process.env"));
        else if (imported === "default") forEachReadReference(variable, handleProcessObject);
      } else {
        forEachReadReference(variable, handleProcessObject);
      }
    }
  };

  /** `require("process")` / `require("node:process")`, in CommonJS files. */
  const handleRequire = (identifier: TSESTree.Identifier | TSESTree.JSXIdentifier): void => {
    const callee = outermostValueNode(identifier);
    const call = callee.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== callee || call.arguments.length !== 1) return;
    const specifier = staticStringOf(call.arguments[0]!);
    if (specifier !== undefined && PROCESS_MODULES.has(specifier)) handleProcessObject(call);
  };

  /** `import.meta` (a meta property, which scope analysis does not list): `import.meta.env`. */
  const handleImportMeta = (node: TSESTree.MetaProperty): void => {
    const parent = node.parent;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node && memberPropertyName(parent) === "env") {
      handleEnvObject(parent, "import.meta.env");
    }
  };

  /** A call of an environment accessor: `env("PORT")` reads PORT, `env(name)` some variable. */
  const handleEnvAccessorCall = (call: TSESTree.CallExpression, source: EnvSource, index = 0): void => {
    const first = call.arguments[index];
    if (!first) return; // `env()` names no variable
    const resolved = first.type === AST_NODE_TYPES.SpreadElement ? undefined : resolveStaticName(first, sourceCode.getScope(call));
    if (resolved?.kind === "static") {
      emit({ kind: "named", name: resolved.name, source, node: call, valueExpression: call, accessorCall: call });
    } else {
      emit({ kind: "dynamic", source, node: call });
    }
  };

  const program = sourceCode.ast;
  const globalScope = sourceCode.getScope(program);
  for (const reference of globalScope.through) handleGlobalReference(reference.identifier);
  for (const name of GLOBAL_ROOTS) {
    const variable = globalScope.set.get(name);
    if (variable && variable.defs.length === 0) forEachReadReference(variable, handleGlobalReference);
  }
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && PROCESS_MODULES.has(statement.source.value)) {
      handleProcessImport(statement);
    }
  }
  // `import.meta` and accessor calls are found in the text first, then checked on the tree: most
  // files have neither, and a walk of the whole tree to find a few would cost more than the rest
  for (const match of sourceCode.text.matchAll(IMPORT_META)) {
    const node = sourceCode.getNodeByRangeIndex(match.index) as TSESTree.Node | null;
    const meta = node?.type === AST_NODE_TYPES.MetaProperty ? node : node?.parent;
    if (meta?.type === AST_NODE_TYPES.MetaProperty && meta.range[0] === match.index) handleImportMeta(meta);
  }
  for (const { call, callee } of envAccessorCalls(context, envAccessors)) {
    handleEnvAccessorCall(call, `${describeCallee(callee)}()`);
  }
  findLocalEnvAccessors();
  return reads;

  /**
   * Functions of this file that read the variable their parameter names (`const getenv = (name)
   * => process.env[name]`, and functions that pass their parameter on to one) are environment
   * accessors, as the scanner finds them: their calls with a static name are reads of it. A
   * function under a sanctioned accessor's name is the accessor, not one of these.
   */
  function findLocalEnvAccessors(): void {
    const found = new Map<TSESLint.Scope.Variable, number>();
    const queue: TSESLint.Scope.Variable[] = [];
    /** Whether the argument is a parameter passed on, whose function is then an accessor too. */
    const promote = (argument: TSESTree.Node | undefined): boolean => {
      if (argument?.type !== AST_NODE_TYPES.Identifier) return false;
      const slot = parameterSlot(argument);
      if (!slot || accessors.includes(slot.variable.name)) return false;
      if (!found.has(slot.variable)) {
        found.set(slot.variable, slot.index);
        queue.push(slot.variable);
      }
      return true;
    };
    for (const read of [...reads]) {
      if (read.kind !== "dynamic") continue;
      const node = read.node;
      if (node.type === AST_NODE_TYPES.MemberExpression && node.computed) promote(node.property);
      else if (node.type === AST_NODE_TYPES.CallExpression) promote(node.arguments[0]);
    }
    while (queue.length > 0) {
      const variable = queue.shift()!;
      const index = found.get(variable)!;
      for (const reference of variable.references) {
        if (!reference.isRead()) continue;
        const callee = outermostValueNode(reference.identifier);
        const call = callee.parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== callee) continue;
        if (call.arguments.slice(0, index + 1).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) continue;
        // a wrapper's body passing its parameter on is no read of its own
        if (!promote(call.arguments[index])) handleEnvAccessorCall(call, `${variable.name}()`, index);
      }
    }
  }

  /** A plain parameter (never reassigned) of a function bound to a name, and its position. */
  function parameterSlot(identifier: TSESTree.Identifier): { variable: TSESLint.Scope.Variable; index: number } | undefined {
    const parameter = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    const definition = parameter?.defs[0];
    if (!parameter || definition?.type !== "Parameter") return undefined;
    if (parameter.references.some((reference) => reference.isWrite())) return undefined;
    const fn = definition.node;
    if (
      fn.type !== AST_NODE_TYPES.FunctionDeclaration &&
      fn.type !== AST_NODE_TYPES.FunctionExpression &&
      fn.type !== AST_NODE_TYPES.ArrowFunctionExpression
    ) {
      return undefined;
    }
    const params = fn.params.filter((param) => !(param.type === AST_NODE_TYPES.Identifier && param.name === "this"));
    const index = params.findIndex(
      (param) => param === definition.name || (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === definition.name),
    );
    if (index < 0) return undefined;
    let bound: TSESLint.Scope.Variable | undefined;
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
      bound = fn.id ? sourceCode.getDeclaredVariables(fn).find((variable) => variable.name === fn.id!.name) : undefined;
    } else {
      const holder = outermostValueNode(fn).parent;
      if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) {
        const [variable] = sourceCode.getDeclaredVariables(holder);
        if (variable && variable.references.filter((reference) => reference.isWrite()).length <= 1) bound = variable;
      }
    }
    return bound ? { variable: bound, index } : undefined;
  }
}

/** Patterns of a call of one of the names, per list of names. */
const callPatterns = new Map<string, RegExp>();

/**
 * `name(`, `name?.(`, `name!(`, `name<T>(` for any of the names, standing alone or after a
 * dot (`config.env(`): where a call of one of them may begin.
 */
function callPattern(names: readonly string[]): RegExp {
  const key = names.join("\0");
  let pattern = callPatterns.get(key);
  if (!pattern) {
    const alternatives = names.map((name) => name.replace(/[$.*+?^()[\]{}|\\]/g, "\\$&")).join("|");
    pattern = new RegExp(`(?<![\\w$])(?:${alternatives})\\s*(?:!\\s*)?(?:<[^<>()]*>\\s*)?(?:\\?\\.\\s*)?\\(`, "g");
    callPatterns.set(key, pattern);
  }
  return pattern;
}

interface EnvAccessorCall {
  readonly call: TSESTree.CallExpression;
  /** The callee without type-only wrappers: `env`, `config.env`. */
  readonly callee: TSESTree.Identifier | TSESTree.MemberExpression;
}

/**
 * Calls of the environment accessors: by name (`env(...)`), as a method (`config.env(...)`) or
 * under a local alias (`import { env as readEnv }`), as the accessor matcher recognises them.
 */
function envAccessorCalls(context: Context, envAccessors: readonly string[]): EnvAccessorCall[] {
  const sourceCode = context.sourceCode;
  const { text } = sourceCode;
  // an alias is imported under the accessor's own name, so the text names it in any case
  if (!envAccessors.some((name) => text.includes(name))) return [];
  const matcher = createAccessorMatcher(context, envAccessors);
  const calls: EnvAccessorCall[] = [];
  for (const match of text.matchAll(callPattern([...new Set([...envAccessors, ...matcher.localNames])]))) {
    const node = sourceCode.getNodeByRangeIndex(match.index) as TSESTree.Node | null;
    if (node?.type !== AST_NODE_TYPES.Identifier || node.range[0] !== match.index) continue; // a comment, a string
    const parent = node.parent;
    const callee = parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node ? parent : node;
    const value = outermostValueNode(callee);
    const call = value.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== value || !matcher.isAccessorCall(call)) continue;
    calls.push({ call, callee });
  }
  return calls;
}

/** `env`, `config.env`, `this.env`; a longer or computed receiver is left out (`env`). */
function describeCallee(callee: TSESTree.Identifier | TSESTree.MemberExpression): string {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  const method = memberPropertyName(callee) ?? "";
  const object = unwrapExpression(callee.object);
  if (object.type === AST_NODE_TYPES.Identifier) return `${object.name}.${method}`;
  if (object.type === AST_NODE_TYPES.ThisExpression) return `this.${method}`;
  return method;
}

/** A name that says "an environment", and not one shown to a browser or a client. */
const ENVIRONMENT_NAME = /env/i;
const EXPOSED_NAME = /public|client|browser|window|expose/i;

function namesEnvironment(name: string | undefined): boolean {
  return name !== undefined && ENVIRONMENT_NAME.test(name) && !EXPOSED_NAME.test(name);
}

/** The name a function is known by: its own, or the variable or property it is the value of. */
function functionName(fn: TSESTree.Node): string | undefined {
  if ((fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.type === AST_NODE_TYPES.FunctionExpression) && fn.id) return fn.id.name;
  const holder = outermostValueNode(fn).parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) return holder.id.name;
  if ((holder?.type === AST_NODE_TYPES.Property || holder?.type === AST_NODE_TYPES.MethodDefinition) && !holder.computed) {
    return holder.key.type === AST_NODE_TYPES.Identifier ? holder.key.name : undefined;
  }
  return undefined;
}

/**
 * An object literal that is itself an environment by its name: the initial value of a variable
 * (`const childEnv = {...}`, `let env = {...}`), or what a function of such a name returns
 * (`function computeEnv() { return {...} }`). Members (`window.ENV = {...}`) do not count.
 */
function isNamedEnvironment(object: TSESTree.ObjectExpression): boolean {
  const value = outermostValueNode(object);
  const holder = value.parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === value) {
    return holder.id.type === AST_NODE_TYPES.Identifier && namesEnvironment(holder.id.name);
  }
  if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === value) {
    return holder.left.type === AST_NODE_TYPES.Identifier && namesEnvironment(holder.left.name);
  }
  if (holder?.type === AST_NODE_TYPES.ArrowFunctionExpression && holder.body === value) return namesEnvironment(functionName(holder));
  if (holder?.type === AST_NODE_TYPES.ReturnStatement) {
    let fn: TSESTree.Node | undefined = holder.parent;
    while (
      fn &&
      fn.type !== AST_NODE_TYPES.FunctionDeclaration &&
      fn.type !== AST_NODE_TYPES.FunctionExpression &&
      fn.type !== AST_NODE_TYPES.ArrowFunctionExpression
    ) {
      fn = fn.parent;
    }
    return fn !== undefined && namesEnvironment(functionName(fn));
  }
  return false;
}

/** The object is the value of an `env:` option, as in `spawn(cmd, { env: {...} })`. */
/** Functions and constructors that start a process or worker and take an `env` option. */
const CHILD_PROCESS_CALLEES: ReadonlySet<string> = new Set([
  "spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork",
  "execa", "execaSync", "execaNode", "execaCommand", "execaCommandSync", "$",
  "Worker", "Command", "crossSpawn",
]);

/**
 * For a value under an `env:` key: whether it is a child process environment (the options of
 * `spawn`, `fork`, `new Worker`, ..., or an options object built before the call), or the whole
 * environment passed to some other function (`logger.info({ env: process.env })`).
 */
function envOptionUse(node: TSESTree.Node): "child-process" | "call" | undefined {
  const property = outermostValueNode(node).parent;
  if (
    property?.type !== AST_NODE_TYPES.Property ||
    property.value !== outermostValueNode(node) ||
    staticKeyName(property.key, property.computed) !== "env"
  ) {
    return undefined;
  }
  const options = outermostValueNode(property.parent);
  const call = options.parent;
  if (
    (call?.type === AST_NODE_TYPES.CallExpression || call?.type === AST_NODE_TYPES.NewExpression) &&
    call.arguments.includes(options as TSESTree.CallExpressionArgument)
  ) {
    const name = calleeName(call.callee);
    return name !== undefined && CHILD_PROCESS_CALLEES.has(name) ? "child-process" : "call";
  }
  return "child-process";
}

function takesWholeObject(call: TSESTree.CallExpression, argument: TSESTree.Node): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return WHOLE_OBJECT_FUNCTIONS.has(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrapExpression(callee.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  const method = memberPropertyName(callee);
  if (method === undefined || !WHOLE_OBJECT_CALLS.get(object.name)?.has(method)) return false;
  // Object.assign(process.env, defaults) writes into the environment; it does not read it
  return !(method === "assign" && call.arguments[0] === argument);
}

/** The class body of the constructor an assignment `this.x = …` is a statement of, if it is one. */
function constructorClassBody(assignment: TSESTree.AssignmentExpression | TSESTree.AssignmentPattern): TSESTree.ClassBody | undefined {
  if (assignment.type !== AST_NODE_TYPES.AssignmentExpression) return undefined;
  const left = assignment.left;
  if (left.type !== AST_NODE_TYPES.MemberExpression || left.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const statement = assignment.parent;
  const body = statement?.type === AST_NODE_TYPES.ExpressionStatement ? statement.parent : undefined;
  const fn = body?.type === AST_NODE_TYPES.BlockStatement ? body.parent : undefined;
  const method = fn?.type === AST_NODE_TYPES.FunctionExpression ? fn.parent : undefined;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.kind !== "constructor") return undefined;
  return method.parent;
}
