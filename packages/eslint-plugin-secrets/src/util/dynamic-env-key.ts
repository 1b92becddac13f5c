/**
 * Computed environment reads whose key cannot be a secret's name, as real libraries write them:
 *
 * - the key runs over the environment's own names, kept by a prefix that names no secret:
 *   `Object.keys(process.env).filter((key) => /^debug_/i.test(key)).reduce((o, key) => … process.env[key] …)`
 *   (the `debug` package's `DEBUG_*` options);
 * - the key is the property a transparent `Proxy` over the environment is asked for:
 *   `new Proxy(process.env, { get(_, key) { return process.env[key] } })` (vitest's
 *   `import.meta.env`): the reads are those of the proxy's users, judged where they are written.
 *
 * - the key is one of a list of names written in the file, none of them a secret's:
 *   `for (const name of ["PORT", "HOST"]) process.env[name]`, `NAMES.forEach((name) => …)`, or
 *   rolldown's CI detection, `for (const e of CI_VARIABLES) { const s = e[1] || e[0]; env[s] }`.
 *
 * Anything else computed (`process.env[name]` in a function of `name`) stays a read that can read
 * any secret.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { isNamedMember, memberPropertyName, staticStringOf, unwrapExpression } from "./ast.js";

type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

/** Array methods whose callback gets each element (for `reduce`, as its second parameter). */
const ELEMENT_CALLBACK_METHODS: ReadonlyMap<string, number> = new Map([
  ["filter", 0], ["forEach", 0], ["map", 0], ["flatMap", 0], ["some", 0], ["every", 0], ["find", 0],
  ["reduce", 1], ["reduceRight", 1],
]);

/** Proxy traps whose second parameter is the property asked for. */
const KEY_TRAPS: ReadonlySet<string> = new Set(["get", "has", "getOwnPropertyDescriptor"]);

/** The key of `process.env[key]` (or `env[key]`, `Deno.env.get(key)`), when it is a bare identifier. */
function keyIdentifier(read: TSESTree.Node): TSESTree.Identifier | undefined {
  let key: TSESTree.Node | undefined;
  if (read.type === AST_NODE_TYPES.MemberExpression && read.computed) key = read.property;
  else if (read.type === AST_NODE_TYPES.CallExpression) key = read.arguments[0];
  const inner = key && unwrapExpression(key);
  return inner?.type === AST_NODE_TYPES.Identifier ? inner : undefined;
}

/** For the definition of a plain parameter, its function and its index (`(_, key) =>`: 1). */
function parameterOf(definition: TSESLint.Scope.Definition | undefined): { fn: FunctionNode; index: number } | undefined {
  if (definition?.type !== "Parameter") return undefined;
  const fn = definition.node as FunctionNode;
  const index = fn.params.findIndex((parameter) => parameter === definition.name);
  return index < 0 ? undefined : { fn, index };
}

/** `handler` in `new Proxy(target, handler)`, and whether the function is one of its key traps. */
function isProxyKeyTrap(fn: FunctionNode, index: number): boolean {
  if (index !== 1) return false;
  const property = fn.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== fn) return false;
  const trap = property.key.type === AST_NODE_TYPES.Identifier && !property.computed ? property.key.name : staticStringOf(property.key);
  if (trap === undefined || !KEY_TRAPS.has(trap)) return false;
  const handler = property.parent;
  const construct = handler.parent;
  return (
    construct?.type === AST_NODE_TYPES.NewExpression &&
    construct.arguments[1] === handler &&
    unwrapExpression(construct.callee).type === AST_NODE_TYPES.Identifier &&
    (unwrapExpression(construct.callee) as TSESTree.Identifier).name === "Proxy"
  );
}

/** The literal prefix a filter callback keeps names by: `/^debug_/i.test(key)`, `key.startsWith("VITE_")`. */
function keptPrefix(filter: TSESTree.Node): string | undefined {
  const fn = unwrapExpression(filter);
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) return undefined;
  let test: TSESTree.Node | undefined = fn.body;
  if (test.type === AST_NODE_TYPES.BlockStatement) {
    const [only] = test.body;
    test = test.body.length === 1 && only?.type === AST_NODE_TYPES.ReturnStatement ? (only.argument ?? undefined) : undefined;
  }
  const call = test && unwrapExpression(test);
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberPropertyName(call.callee);
  const receiver = unwrapExpression(call.callee.object);
  if (method === "test" && receiver.type === AST_NODE_TYPES.Literal && "regex" in receiver) {
    // only a plain anchored prefix: /^debug_/i, not /^(.*)$/ or /secret/
    return /^\^([A-Za-z0-9_]+)$/.exec(receiver.regex.pattern)?.[1];
  }
  if (method === "startsWith") {
    const [argument] = call.arguments;
    const prefix = argument ? staticStringOf(argument) : undefined;
    return prefix && /^[A-Za-z0-9_]+$/.test(prefix) ? prefix : undefined;
  }
  return undefined;
}

/**
 * Whether the callback's element runs over `Object.keys(<env>)` (or `getOwnPropertyNames`)
 * through a chain of array methods, one of which is a filter by a prefix that names no secret.
 */
function isFilteredEnvKeyCallback(
  fn: FunctionNode,
  index: number,
  isEnv: (node: TSESTree.Node) => boolean,
  isSecretName: (name: string) => boolean,
): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return false;
  let link: TSESTree.Node = call;
  let expectedIndex: number | undefined = index;
  let filteredByPrefix = false;
  for (;;) {
    const current = unwrapExpression(link);
    if (current.type !== AST_NODE_TYPES.CallExpression || current.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = memberPropertyName(current.callee);
    if (method === "keys" || method === "getOwnPropertyNames") {
      const [target] = current.arguments;
      return filteredByPrefix && isNamedMember(current.callee, "Object", method) && target !== undefined && isEnv(target);
    }
    const elementIndex = method === undefined ? undefined : ELEMENT_CALLBACK_METHODS.get(method);
    if (elementIndex === undefined) return false;
    // the callback we came from must take the element where the method passes it
    if (expectedIndex !== undefined && expectedIndex !== elementIndex) return false;
    expectedIndex = undefined;
    if (method === "filter") {
      const [callback] = current.arguments;
      const prefix = callback ? keptPrefix(callback) : undefined;
      if (prefix !== undefined && !isSecretName(`${prefix.toUpperCase()}X`)) filteredByPrefix = true;
    }
    // only filters may come between the key list and the callback: a map could change the keys
    if (current !== unwrapExpression(call) && method !== "filter") return false;
    link = current.callee.object;
  }
}

/** How deep the names of a list are followed through constants and loops (a guard against cycles). */
const MAX_NAME_HOPS = 8;

/** The strings of an array literal, at any depth of nested arrays; undefined if an element is not written out. */
function stringsOfArray(array: TSESTree.ArrayExpression): string[] | undefined {
  const strings: string[] = [];
  for (const element of array.elements) {
    if (element === null) continue;
    const inner = unwrapExpression(element);
    // `{ ci: true }` beside the names (rolldown's list): options, not a name
    if (inner.type === AST_NODE_TYPES.ObjectExpression) continue;
    if (inner.type === AST_NODE_TYPES.ArrayExpression) {
      const nested = stringsOfArray(inner);
      if (!nested) return undefined;
      strings.push(...nested);
      continue;
    }
    const text = staticStringOf(inner);
    if (text === undefined) return undefined;
    strings.push(text);
  }
  return strings;
}

/** The definition of the variable an identifier names, seen from its own scope. */
function definitionOf(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): TSESLint.Scope.Definition | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  // a variable assigned again may hold anything
  if (!variable || variable.defs.length !== 1 || variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  return variable.defs[0];
}

/** The strings a list expression holds: an array literal, or a constant that is one. */
function namesOfList(list: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>, hops: number): string[] | undefined {
  const inner = unwrapExpression(list);
  if (inner.type === AST_NODE_TYPES.ArrayExpression) return stringsOfArray(inner);
  if (inner.type !== AST_NODE_TYPES.Identifier || hops <= 0) return undefined;
  const definition = definitionOf(inner, sourceCode);
  if (definition?.type !== "Variable" || definition.node.init == null) return undefined;
  return namesOfList(definition.node.init, sourceCode, hops - 1);
}

/**
 * The names a key can hold, when they are all written in the file: a string, a constant, the
 * element of a `for…of` loop or of an array method's callback over a list of strings, or `a || b`
 * of those (`e[1] || e[0]`, with `e` an element of a list of lists).
 */
function namesOfKey(key: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>, hops: number): string[] | undefined {
  const inner = unwrapExpression(key);
  const text = staticStringOf(inner);
  if (text !== undefined) return [text];
  if (hops <= 0) return undefined;
  if (inner.type === AST_NODE_TYPES.LogicalExpression) {
    const left = namesOfKey(inner.left, sourceCode, hops - 1);
    const right = left && namesOfKey(inner.right, sourceCode, hops - 1);
    return right && [...left, ...right];
  }
  // `e[1]`: an element of `e`, itself an element of a list of lists
  if (inner.type === AST_NODE_TYPES.MemberExpression && inner.computed) return namesOfKey(inner.object, sourceCode, hops - 1);
  if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = definitionOf(inner, sourceCode);
  if (definition?.type === "Variable") {
    const declaration = definition.node.parent;
    const loop = declaration.parent;
    if (loop?.type === AST_NODE_TYPES.ForOfStatement && loop.left === declaration) return namesOfList(loop.right, sourceCode, hops - 1);
    return definition.node.init == null ? undefined : namesOfKey(definition.node.init, sourceCode, hops - 1);
  }
  const parameter = parameterOf(definition);
  if (parameter) {
    // `LIST.forEach((name) => …)`: the element the array method passes first
    const call = parameter.fn.parent;
    if (parameter.index !== 0 || call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== parameter.fn) return undefined;
    if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = memberPropertyName(call.callee);
    if (method === undefined || ELEMENT_CALLBACK_METHODS.get(method) !== 0) return undefined;
    return namesOfList(call.callee.object, sourceCode, hops - 1);
  }
  return undefined;
}

/**
 * Whether a computed environment read's key is one of the names above, which cannot be a secret's.
 * @param read the dynamic read (`process.env[key]`, `Deno.env.get(key)`)
 */
export function isNonSecretDynamicKey(
  read: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  /** The classifier, with the project's settings. */
  isSecretName: (name: string) => boolean,
): boolean {
  const key = keyIdentifier(read);
  if (!key) return false;
  // names written in the file, none of them a secret's
  const names = namesOfKey(key, sourceCode, MAX_NAME_HOPS);
  if (names !== undefined && names.length > 0 && !names.some(isSecretName)) return true;
  // a parameter assigned again may hold anything: `definitionOf` leaves it out
  const parameter = parameterOf(definitionOf(key, sourceCode));
  if (!parameter) return false;
  if (isProxyKeyTrap(parameter.fn, parameter.index)) return true;
  // `Object.keys(process.env)` lists the names of the very object the read is of
  const envText = read.type === AST_NODE_TYPES.MemberExpression ? sourceCode.getText(read.object) : undefined;
  return (
    envText !== undefined &&
    isFilteredEnvKeyCallback(parameter.fn, parameter.index, (node) => sourceCode.getText(node) === envText, isSecretName)
  );
}

/**
 * `Object.entries(process.env).filter(([key]) => key.startsWith("NEXT_PUBLIC_"))` (documenso's
 * public environment): the whole environment is listed only to keep the variables of a prefix
 * that names no secret. `call` is the `Object.entries(…)` / `Object.keys(…)` call.
 */
export function isFilteredByNonSecretPrefix(call: TSESTree.Node, isSecretName: (name: string) => boolean): boolean {
  const member = call.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== call || memberPropertyName(member) !== "filter") return false;
  const filter = member.parent;
  if (filter?.type !== AST_NODE_TYPES.CallExpression || filter.callee !== member) return false;
  const [callback] = filter.arguments;
  const prefix = callback ? keptPrefix(callback) : undefined;
  return prefix !== undefined && !isSecretName(`${prefix.toUpperCase()}X`);
}
