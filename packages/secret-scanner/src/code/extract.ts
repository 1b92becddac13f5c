/**
 * The extraction pass: one walk over one file's syntax tree (TypeScript's parser, without parent
 * pointers, JSDoc or binding) that reduces the file to its facts (facts.ts). Identifiers are
 * resolved by the file's own lexical scopes, built during the same walk and applied at its end,
 * when every hoisted declaration is known: a parameter or local called `process` shadows the
 * global, and nothing another file declares or assigns can change what a name refers to. The
 * tree is not kept.
 */
import type { ts } from "ts-morph";
import { compact } from "./compact.js";
import {
  ENV_GLOBALS,
  OPTIONAL_ACCESSORS,
  PRESENCE_FUNCTIONS,
  UNKNOWN,
  packPosition,
  type Access,
  type Call,
  type Decl,
  type DeclKind,
  type ExportTarget,
  type FileFacts,
  type FinalDynamicCall,
  type FinalGuard,
  type FinalRead,
  type ObjectVal,
  type Ref,
  type Val,
} from "./facts.js";
import { lineAndColumn, lineStartsOf as lineStartsOfText } from "../text-positions.js";
import type { TS } from "./syntax.js";


/** Object literals nested deeper than this are not described (large data literals cost memory). */
const MAX_OBJECT_DEPTH = 6;

export interface ExtractOptions {
  /** The sanctioned accessors' names: a call by one of them reads a secret. */
  readonly accessors: ReadonlySet<string>;
  /** The configured general-purpose environment accessors' names. */
  readonly envAccessors: ReadonlySet<string>;
  /**
   * Whether an import of the file can matter: its module is a file of the repository, or
   * `process` (a package's exports are judged by their names only).
   */
  readonly resolves: (specifier: string) => boolean;
  /**
   * Keep exports that can only be secret names (constants, frozen objects, enums). Without it they
   * are trimmed, and the file is reduced again if another file looks a name up in them.
   */
  readonly keepNames?: boolean;
}

export interface SyntaxError {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export type Extraction = { readonly facts: FileFacts } | { readonly syntaxError: SyntaxError };

/** Parses one file and reduces it to its facts, or reports its first syntax error. */
export function extractFacts(t: TS, file: string, text: string, options: ExtractOptions): Extraction {
  // the script kind (TS, TSX, JS, JSX) follows the file name's extension
  const sourceFile = t.createSourceFile(file, text, { languageVersion: t.ScriptTarget.ESNext, jsDocParsingMode: t.JSDocParsingMode.ParseNone }, false);
  const diagnostic = (sourceFile as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics?.[0];
  if (diagnostic) {
    const message = t.flattenDiagnosticMessageText(diagnostic.messageText, "\n").split("\n")[0]!.replace(/\.$/, "");
    const { line, character } = t.getLineAndCharacterOfPosition(sourceFile, diagnostic.start);
    return { syntaxError: { line: line + 1, column: character + 1, message } };
  }
  return { facts: new Extractor(t, file, sourceFile, options).run() };
}

interface Scope {
  readonly parent: Scope | undefined;
  /** A function's (or the module's) scope, where `var` declarations go. */
  readonly isFunction: boolean;
  names: Map<string, number> | undefined;
}

interface PendingAccess {
  readonly o: Val;
  readonly p: string | undefined;
  readonly key: Ref | undefined;
  readonly node: ts.Node;
  readonly write: boolean;
}

/** Where a walk-time value was made: the scope and the class `this` is, to make it again later. */
interface Place {
  readonly scope: Scope;
  readonly thisClass: number;
}

/** A call, kept as its node until the end of the walk decides whether it can matter. */
interface PendingCall extends Place {
  readonly node: ts.CallExpression;
}

/** A member chain (`a.b["c"].d`), kept as its outermost node until the end of the walk. */
interface PendingChain extends Place {
  readonly node: ts.Expression;
  readonly write: boolean;
}

/**
 * A condition that may be a presence check, kept as nodes until the end of the walk tells which
 * of its tests read the environment: `region` runs only when every one of `tests` is truthy.
 */
interface PendingGuard {
  readonly tests: readonly ts.Expression[];
  readonly region: ts.Node;
}

interface MutableFn {
  readonly name: string | undefined;
  bound: boolean;
  readonly params: number[];
  /** Passes a parameter of its own to a call or a computed key: it may wrap an accessor. */
  forwards?: boolean;
  returns?: number;
}

/** A `return` (or an arrow's expression body) that may hand back a parameter, by its name. */
interface PendingReturn {
  readonly fn: number;
  /** The name returned, or undefined when the return hands back something else. */
  readonly name: string | undefined;
  readonly scope: Scope;
}

interface ClassEntry {
  readonly index: number;
  readonly statics: ObjectVal;
}

/** What the walk does with a node of one kind (undefined: walk its children). */
type Handler = (extractor: Extractor, node: ts.Node) => void;

const handlerTables = new WeakMap<TS, readonly (Handler | undefined)[]>();

/**
 * The walk's handlers by syntax kind, made once per TypeScript module: an array lookup per node
 * instead of a switch whose cases are properties of TypeScript's `SyntaxKind` object.
 */
function handlersFor(t: TS): readonly (Handler | undefined)[] {
  const known = handlerTables.get(t);
  if (known) return known;
  const K = t.SyntaxKind;
  const table: Array<Handler | undefined> = [];
  const skip: Handler = () => undefined;
  // types hold no reads; leaves have nothing to walk
  for (let kind = K.FirstTypeNode; kind <= K.LastTypeNode; kind++) table[kind] = skip;
  for (const kind of [K.Identifier, K.StringLiteral, K.NumericLiteral, K.NoSubstitutionTemplateLiteral, K.InterfaceDeclaration, K.TypeAliasDeclaration]) {
    table[kind] = skip;
  }
  table[K.VariableStatement] = (x, node) => x.visitVariableStatement(node as ts.VariableStatement);
  table[K.VariableDeclarationList] = (x, node) => x.visitVariableList(node as ts.VariableDeclarationList, false);
  table[K.FunctionDeclaration] = (x, node) => x.visitFunctionDeclaration(node as ts.FunctionDeclaration);
  for (const kind of [K.FunctionExpression, K.ArrowFunction, K.MethodDeclaration, K.Constructor, K.GetAccessor, K.SetAccessor]) {
    table[kind] = (x, node) => x.visitFunctionNode(node as ts.FunctionLikeDeclaration);
  }
  table[K.ClassDeclaration] = (x, node) => x.visitClass(node as ts.ClassLikeDeclaration);
  table[K.ClassExpression] = (x, node) => x.visitClass(node as ts.ClassLikeDeclaration);
  table[K.ClassStaticBlockDeclaration] = (x, node) => x.visitStaticBlock(node);
  table[K.ImportDeclaration] = (x, node) => x.visitImport(node as ts.ImportDeclaration);
  table[K.ImportEqualsDeclaration] = (x, node) => x.visitImportEquals(node as ts.ImportEqualsDeclaration);
  table[K.ExportDeclaration] = (x, node) => x.visitExportDeclaration(node as ts.ExportDeclaration);
  table[K.ExportAssignment] = (x, node) => x.visitExportAssignment(node as ts.ExportAssignment);
  table[K.EnumDeclaration] = (x, node) => x.visitEnum(node as ts.EnumDeclaration);
  table[K.ModuleDeclaration] = (x, node) => x.visitNamespace(node as ts.ModuleDeclaration);
  for (const kind of [K.Block, K.ForStatement, K.ForInStatement, K.ForOfStatement, K.CaseBlock]) {
    table[kind] = (x, node) => x.visitInBlockScope(node);
  }
  table[K.CatchClause] = (x, node) => x.visitCatch(node as ts.CatchClause);
  table[K.CallExpression] = (x, node) => x.visitCall(node as ts.CallExpression);
  table[K.PropertyAccessExpression] = (x, node) => x.visitChain(node as ts.Expression, false);
  table[K.ElementAccessExpression] = (x, node) => x.visitChain(node as ts.Expression, false);
  table[K.BinaryExpression] = (x, node) => x.visitBinary(node as ts.BinaryExpression);
  table[K.DeleteExpression] = (x, node) => x.visitChain((node as ts.DeleteExpression).expression, true);
  table[K.PrefixUnaryExpression] = (x, node) => x.visitUnary(node as ts.PrefixUnaryExpression);
  table[K.PostfixUnaryExpression] = (x, node) => x.visitUnary(node as ts.PostfixUnaryExpression);
  table[K.ReturnStatement] = (x, node) => x.visitReturn(node as ts.ReturnStatement);
  table[K.IfStatement] = (x, node) => x.visitIf(node as ts.IfStatement);
  table[K.ConditionalExpression] = (x, node) => x.visitConditional(node as ts.ConditionalExpression);
  handlerTables.set(t, table);
  return table;
}

class Extractor {
  private readonly K: typeof ts.SyntaxKind;
  private readonly decls: Decl[] = [];
  private readonly fns: MutableFn[] = [];
  private readonly classes: Array<{ instance: Array<readonly [string, Val]> }> = [];
  private readonly exports = new Map<string, ExportTarget>();
  private readonly stars: string[] = [];
  private commonJs: Val | undefined;
  private readonly pendingAccesses: PendingAccess[] = [];
  private readonly pendingCalls: PendingCall[] = [];
  private readonly pendingChains: PendingChain[] = [];
  private readonly pendingReturns: PendingReturn[] = [];
  private readonly pendingGuards: PendingGuard[] = [];
  /** Calls that may validate the whole environment against a schema (see schemaReads). */
  private readonly pendingSchemaCalls: PendingCall[] = [];
  /** The initialiser of each `const`, by declaration: schemas are followed through them. */
  private readonly constInits = new Map<number, ts.Expression>();
  /** The function whose body is being walked, or -1 at the top level. */
  private currentFn = -1;
  /** After the walk, every declaration is known: a new reference is resolved at once. */
  private walked = false;
  private readonly refs: Array<readonly [Ref, Scope]> = [];
  private readonly writes: Array<readonly [string, Scope]> = [];
  private readonly fnOfNode = new Map<ts.Node, number>();
  private readonly classOfNode = new Map<ts.Node, ClassEntry>();
  private readonly moduleScope: Scope = { parent: undefined, isFunction: true, names: undefined };
  private scope: Scope = this.moduleScope;
  /** The class `this` refers to here, or -1. */
  private thisClass = -1;
  /** The class whose constructor is being walked (its `this.x = …` are instance properties), or -1. */
  private constructorOf = -1;
  /** Inside a namespace body: `export` there is not the module's. */
  private namespaceDepth = 0;
  private readonly ambientFile: boolean;
  /** Names that make a call worth keeping whatever its object is (`this.vault.getSecret(…)`). */
  private readonly callNames: ReadonlySet<string>;
  private readonly visitNode = (node: ts.Node): void => this.visit(node);
  private readonly handlers: readonly (Handler | undefined)[];

  constructor(
    private readonly t: TS,
    private readonly file: string,
    private readonly sourceFile: ts.SourceFile,
    private readonly options: ExtractOptions,
  ) {
    this.K = t.SyntaxKind;
    this.ambientFile = sourceFile.isDeclarationFile;
    this.callNames = new Set([...options.accessors, ...options.envAccessors]);
    this.handlers = handlersFor(t);
  }

  run(): FileFacts {
    if (!this.ambientFile) for (const statement of this.sourceFile.statements) this.visit(statement);
    return this.finish();
  }

  // ---------------------------------------------------------------- scopes and declarations

  private withScope(isFunction: boolean, body: () => void): void {
    const saved = this.scope;
    this.scope = { parent: saved, isFunction, names: undefined };
    body();
    this.scope = saved;
  }

  private declare(decl: Decl, scope: Scope = this.scope): number {
    const index = this.decls.push(decl) - 1;
    (scope.names ??= new Map()).set(decl.n, index);
    return index;
  }

  private functionScope(): Scope {
    let scope = this.scope;
    while (!scope.isFunction && scope.parent) scope = scope.parent;
    return scope;
  }

  private ref(name: string): Ref {
    if (this.walked) return { k: "r", n: name, d: lookup(name, this.scope) };
    const ref: Ref = { k: "r", n: name, d: -1 };
    this.refs.push([ref, this.scope]);
    return ref;
  }

  private place(): Place {
    return { scope: this.scope, thisClass: this.thisClass };
  }

  /** A reference to a declaration already known (an export of a declaration being made). */
  private refTo(name: string, index: number): Ref {
    return { k: "r", n: name, d: index };
  }

  private newFn(name: string | undefined, bound: boolean, node: ts.Node | undefined): number {
    const index = this.fns.push({ name, bound, params: [] }) - 1;
    if (node) this.fnOfNode.set(node, index);
    return index;
  }

  private hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
    const modifiers = (node as { modifiers?: ts.NodeArray<ts.ModifierLike> }).modifiers;
    if (!modifiers) return false;
    for (const modifier of modifiers) if (modifier.kind === kind) return true;
    return false;
  }

  private isExported(node: ts.Node): boolean {
    return this.namespaceDepth === 0 && this.hasModifier(node, this.K.ExportKeyword);
  }

  // ---------------------------------------------------------------- the walk

  private visit(node: ts.Node): void {
    const handler = this.handlers[node.kind];
    if (handler === undefined) this.t.forEachChild(node, this.visitNode);
    else handler(this, node);
  }

  /** Walks a node's children in a new scope (a block, a loop head, a case block). */
  visitInBlockScope(node: ts.Node): void {
    const saved = this.scope;
    this.scope = { parent: saved, isFunction: false, names: undefined };
    this.t.forEachChild(node, this.visitNode);
    this.scope = saved;
  }

  visitStaticBlock(node: ts.Node): void {
    const savedThis = this.thisClass;
    const savedScope = this.scope;
    this.thisClass = -1;
    this.scope = { parent: savedScope, isFunction: true, names: undefined };
    this.t.forEachChild(node, this.visitNode);
    this.scope = savedScope;
    this.thisClass = savedThis;
  }

  visitCatch(clause: ts.CatchClause): void {
    const saved = this.scope;
    this.scope = { parent: saved, isFunction: false, names: undefined };
    if (clause.variableDeclaration) this.bindName(clause.variableDeclaration.name, "let", UNKNOWN, false);
    for (const statement of clause.block.statements) this.visit(statement);
    this.scope = saved;
  }

  visitVariableStatement(statement: ts.VariableStatement): void {
    if (this.hasModifier(statement, this.K.DeclareKeyword)) return;
    this.visitVariableList(statement.declarationList, this.isExported(statement));
  }

  visitFunctionNode(fn: ts.FunctionLikeDeclaration): void {
    if (!fn.body) return;
    const K = this.K;
    const name = fn.name && (this.t.isIdentifier(fn.name) || this.t.isStringLiteral(fn.name)) ? fn.name.text : undefined;
    this.visitFunctionLike(fn, this.fnOfNode.get(fn) ?? this.newFn(name, fn.kind !== K.FunctionExpression && fn.kind !== K.ArrowFunction, fn));
  }

  visitExportAssignment(assignment: ts.ExportAssignment): void {
    const value = this.valOf(assignment.expression, true);
    if (assignment.isExportEquals) this.commonJs = value;
    else this.exports.set("default", { v: value });
    this.visit(assignment.expression);
  }

  visitBinary(binary: ts.BinaryExpression): void {
    const operator = binary.operatorToken.kind;
    if (operator >= this.K.FirstAssignment && operator <= this.K.LastAssignment) this.visitAssignment(binary, operator === this.K.EqualsToken);
    else {
      if (operator === this.K.AmpersandAmpersandToken) this.guard(binary.left, binary.right);
      this.t.forEachChild(binary, this.visitNode);
    }
  }

  visitIf(statement: ts.IfStatement): void {
    this.guard(statement.expression, statement.thenStatement);
    this.t.forEachChild(statement, this.visitNode);
  }

  visitConditional(conditional: ts.ConditionalExpression): void {
    this.guard(conditional.condition, conditional.whenTrue);
    this.t.forEachChild(conditional, this.visitNode);
  }

  /** Keeps `condition` guarding `region` when one of its tests may be a presence check. */
  private guard(condition: ts.Expression, region: ts.Node): void {
    const tests: ts.Expression[] = [];
    this.presenceTests(condition, tests);
    if (tests.length > 0) this.pendingGuards.push({ tests, region });
  }

  /**
   * The parts of a condition that must all be truthy for it to hold, when they may name what they
   * test: `a && b`, `!!a`, `a !== undefined`, `a != null`, parentheses; each a call or a member read.
   */
  private presenceTests(condition: ts.Expression, tests: ts.Expression[]): void {
    const t = this.t;
    const K = this.K;
    const node = this.unwrap(condition);
    if (t.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (operator === K.AmpersandAmpersandToken) {
        this.presenceTests(node.left, tests);
        this.presenceTests(node.right, tests);
        return;
      }
      const right = this.unwrap(node.right);
      const absent = right.kind === K.NullKeyword || (t.isIdentifier(right) && right.text === "undefined");
      if (absent && (operator === K.ExclamationEqualsEqualsToken || operator === K.ExclamationEqualsToken)) this.presenceTests(node.left, tests);
      return;
    }
    if (t.isPrefixUnaryExpression(node) && node.operator === K.ExclamationToken) {
      const inner = this.unwrap(node.operand);
      if (t.isPrefixUnaryExpression(inner) && inner.operator === K.ExclamationToken) this.presenceTests(inner.operand, tests);
      return;
    }
    if (t.isCallExpression(node) || t.isPropertyAccessExpression(node) || t.isElementAccessExpression(node)) tests.push(node);
  }

  visitUnary(unary: ts.PrefixUnaryExpression | ts.PostfixUnaryExpression): void {
    if (unary.operator === this.K.PlusPlusToken || unary.operator === this.K.MinusMinusToken) this.markWritten(unary.operand);
    this.t.forEachChild(unary, this.visitNode);
  }

  visitVariableList(list: ts.VariableDeclarationList, exported: boolean): void {
    const flags = list.flags;
    const N = this.t.NodeFlags;
    // `using` and `await using` bind like `const`
    const kind: DeclKind = flags & (N.Const | N.Using) ? "const" : flags & N.Let ? "let" : "var";
    for (const declaration of list.declarations) {
      const initializer = declaration.initializer;
      const init = initializer ? this.valOf(initializer, this.t.isIdentifier(declaration.name)) : undefined;
      this.bindName(declaration.name, kind, init, exported);
      if (initializer && kind === "const" && this.t.isIdentifier(declaration.name)) {
        const index = this.scope.names?.get(declaration.name.text);
        if (index !== undefined) this.constInits.set(index, initializer);
      }
      if (initializer && this.t.isObjectBindingPattern(declaration.name)) this.patternAccesses(declaration.name, init!);
      if (initializer) this.visit(initializer);
    }
  }

  /** Declares the names a binding binds, each with the part of `init` it takes. */
  private bindName(name: ts.BindingName, kind: DeclKind, init: Val | undefined, exported: boolean): void {
    const t = this.t;
    if (t.isIdentifier(name)) {
      const scope = kind === "var" ? this.functionScope() : this.scope;
      const index = this.declare(init ? { n: name.text, kind, init } : { n: name.text, kind }, scope);
      if (exported) this.exports.set(name.text, { v: this.refTo(name.text, index) });
      return;
    }
    for (const element of name.elements) {
      if (t.isOmittedExpression(element)) continue;
      if (element.initializer) this.visit(element.initializer);
      let part: Val = UNKNOWN;
      if (init && t.isObjectBindingPattern(name)) {
        if (element.dotDotDotToken) {
          part = { k: "o", props: [], spreads: [init], frozen: false };
        } else {
          const key = this.bindingKey(element);
          if (key !== undefined) part = { k: "m", o: init, p: key };
        }
      }
      this.bindName(element.name, kind, part, exported);
    }
  }

  /** The property a binding element takes: `{ a }`, `{ a: b }`, `{ "a": b }`, `{ ["a"]: b }`. */
  private bindingKey(element: ts.BindingElement): string | undefined {
    if (element.propertyName) return this.propertyKey(element.propertyName);
    return this.t.isIdentifier(element.name) ? element.name.text : undefined;
  }

  /** `{ A, B: b, C = 1 } = base`: each static key is a read of the base's member. */
  private patternAccesses(pattern: ts.ObjectBindingPattern, base: Val): void {
    for (const element of pattern.elements) {
      if (element.dotDotDotToken) continue;
      const key = this.bindingKey(element);
      if (key === undefined) continue;
      this.pendingAccesses.push({ o: base, p: key, key: undefined, node: element.propertyName ?? element.name, write: false });
      if (this.t.isObjectBindingPattern(element.name)) this.patternAccesses(element.name, { k: "m", o: base, p: key });
    }
  }

  visitFunctionDeclaration(node: ts.FunctionDeclaration): void {
    if (!node.body || this.hasModifier(node, this.K.DeclareKeyword)) return; // overloads and ambient declarations
    const isDefault = this.hasModifier(node, this.K.DefaultKeyword);
    const name = node.name?.text;
    const fn = this.newFn(name ?? (isDefault ? "default" : undefined), true, node);
    let value: Val = { k: "f", f: fn };
    if (name !== undefined) value = this.refTo(name, this.declare({ n: name, kind: "function", init: value }));
    if (this.isExported(node)) this.exports.set(isDefault ? "default" : name!, { v: value });
    this.visitFunctionLike(node, fn);
  }

  private visitFunctionLike(node: ts.FunctionLikeDeclaration, fnIndex: number): void {
    const t = this.t;
    const K = this.K;
    const savedThis = this.thisClass;
    const savedConstructor = this.constructorOf;
    if (node.kind !== K.ArrowFunction) {
      // `this` of a plain function is not the class's; a method's is set by visitClass
      if (node.kind === K.FunctionExpression || node.kind === K.FunctionDeclaration) this.thisClass = -1;
      this.constructorOf = node.kind === K.Constructor ? this.thisClass : -1;
    }
    this.withScope(true, () => {
      if (node.kind === K.FunctionExpression && node.name) {
        this.declare({ n: node.name.text, kind: "function", init: { k: "f", f: fnIndex } });
      }
      const params = this.fns[fnIndex]!.params;
      for (const parameter of node.parameters) {
        if (t.isIdentifier(parameter.name) && parameter.name.text === "this") continue;
        const def = parameter.initializer ? this.valOf(parameter.initializer, false) : undefined;
        if (t.isIdentifier(parameter.name)) {
          const decl: Decl = {
            n: parameter.name.text,
            kind: "param",
            fn: fnIndex,
            index: params.length,
            ...(parameter.dotDotDotToken ? { rest: true } : {}),
            ...(def ? { def } : {}),
          };
          params.push(this.declare(decl));
        } else {
          this.bindName(parameter.name, "let", def ?? UNKNOWN, false);
          if (def && t.isObjectBindingPattern(parameter.name)) this.patternAccesses(parameter.name, def);
          params.push(-1);
        }
        if (parameter.initializer) this.visit(parameter.initializer);
      }
      const body = node.body;
      if (!body) return;
      const savedFn = this.currentFn;
      this.currentFn = fnIndex;
      if (t.isBlock(body)) {
        for (const statement of body.statements) this.visit(statement);
      } else {
        this.pendingReturns.push({ fn: fnIndex, name: this.returnedName(body), scope: this.scope });
        this.visit(body);
      }
      this.currentFn = savedFn;
    });
    this.thisClass = savedThis;
    this.constructorOf = savedConstructor;
  }

  visitReturn(statement: ts.ReturnStatement): void {
    if (this.currentFn >= 0) {
      const name = statement.expression ? this.returnedName(statement.expression) : undefined;
      this.pendingReturns.push({ fn: this.currentFn, name, scope: this.scope });
    }
    this.t.forEachChild(statement, this.visitNode);
  }

  /** The name a returned expression hands back as it is or wrapped: `p`, `new Proxy(p, …)`, `Object.freeze(p)`, `{ ...p }`. */
  private returnedName(expression: ts.Expression): string | undefined {
    const t = this.t;
    const inner = this.unwrap(expression);
    if (t.isIdentifier(inner)) return inner.text;
    if (t.isNewExpression(inner)) {
      const callee = this.unwrap(inner.expression);
      const first = inner.arguments?.[0];
      return t.isIdentifier(callee) && callee.text === "Proxy" && first ? this.returnedName(first) : undefined;
    }
    if (t.isCallExpression(inner)) {
      const callee = this.unwrap(inner.expression);
      if (!t.isPropertyAccessExpression(callee) || !t.isIdentifier(callee.expression) || callee.expression.text !== "Object") return undefined;
      const [first, second] = inner.arguments;
      if (callee.name.text === "freeze" && first) return this.returnedName(first);
      if (callee.name.text === "assign" && first && second && inner.arguments.length === 2) {
        const target = this.unwrap(first);
        if (t.isObjectLiteralExpression(target) && target.properties.length === 0) return this.returnedName(second);
      }
      return undefined;
    }
    if (t.isObjectLiteralExpression(inner) && inner.properties.length === 1) {
      const [only] = inner.properties;
      return only && t.isSpreadAssignment(only) ? this.returnedName(only.expression) : undefined;
    }
    return undefined;
  }

  visitClass(node: ts.ClassLikeDeclaration): void {
    const t = this.t;
    const K = this.K;
    if (this.hasModifier(node, K.DeclareKeyword)) return;
    const entry = this.classEntry(node);
    if (t.isClassDeclaration(node)) {
      let value: Val = entry.statics;
      if (node.name) value = this.refTo(node.name.text, this.declare({ n: node.name.text, kind: "class", init: entry.statics }));
      if (this.isExported(node)) {
        this.exports.set(this.hasModifier(node, K.DefaultKeyword) ? "default" : (node.name?.text ?? "default"), { v: value });
      }
    }
    const savedThis = this.thisClass;
    this.thisClass = entry.index;
    for (const clause of node.heritageClauses ?? []) for (const type of clause.types) this.visit(type.expression);
    for (const member of node.members) {
      if (t.isPropertyDeclaration(member)) {
        if (member.initializer) this.visit(member.initializer);
        if (member.name && t.isComputedPropertyName(member.name)) this.visit(member.name.expression);
      } else {
        this.visit(member);
      }
    }
    this.thisClass = savedThis;
  }

  /** The class's facts, made once: its static side as an object, its instance properties. */
  private classEntry(node: ts.ClassLikeDeclaration): ClassEntry {
    const existing = this.classOfNode.get(node);
    if (existing) return existing;
    const t = this.t;
    const K = this.K;
    const index = this.classes.push({ instance: [] }) - 1;
    const statics: Array<readonly [string, Val]> = [];
    const savedThis = this.thisClass;
    this.thisClass = index;
    for (const member of node.members) {
      if (!member.name) continue;
      const key = this.propertyKey(member.name);
      if (key === undefined) continue;
      const isStatic = this.hasModifier(member, K.StaticKeyword);
      if (t.isMethodDeclaration(member) && member.body) {
        const fn = this.newFn(key, true, member);
        if (isStatic) statics.push([key, { k: "f", f: fn }]);
      } else if (t.isPropertyDeclaration(member) && member.initializer) {
        const value = this.valOf(member.initializer, true);
        if (isStatic) statics.push([key, value]);
        else this.classes[index]!.instance.push([key, value]);
      }
    }
    this.thisClass = savedThis;
    const entry: ClassEntry = { index, statics: { k: "o", props: statics, spreads: [], frozen: false } };
    this.classOfNode.set(node, entry);
    return entry;
  }

  visitImport(node: ts.ImportDeclaration): void {
    const clause = node.importClause;
    if (!clause || clause.isTypeOnly || !this.t.isStringLiteral(node.moduleSpecifier)) return;
    const from = node.moduleSpecifier.text;
    const scope = this.moduleScope;
    if (clause.name) this.declare({ n: clause.name.text, kind: "import", from, imported: "default" }, scope);
    const named = clause.namedBindings;
    if (!named) return;
    if (this.t.isNamespaceImport(named)) {
      this.declare({ n: named.name.text, kind: "import", from, imported: "*" }, scope);
      return;
    }
    for (const element of named.elements) {
      if (element.isTypeOnly) continue;
      this.declare({ n: element.name.text, kind: "import", from, imported: (element.propertyName ?? element.name).text }, scope);
    }
  }

  visitImportEquals(node: ts.ImportEqualsDeclaration): void {
    if (node.isTypeOnly) return;
    const reference = node.moduleReference;
    const decl: Decl =
      this.t.isExternalModuleReference(reference) && this.t.isStringLiteral(reference.expression)
        ? { n: node.name.text, kind: "import", from: reference.expression.text, imported: "*" }
        : { n: node.name.text, kind: "other" };
    const index = this.declare(decl);
    if (this.isExported(node)) this.exports.set(node.name.text, { v: this.refTo(node.name.text, index) });
  }

  visitExportDeclaration(node: ts.ExportDeclaration): void {
    if (node.isTypeOnly || this.namespaceDepth > 0) return;
    const from = node.moduleSpecifier && this.t.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
    const clause = node.exportClause;
    if (!clause) {
      if (from !== undefined) this.stars.push(from);
      return;
    }
    if (this.t.isNamespaceExport(clause)) {
      if (from !== undefined) this.exports.set(clause.name.text, { from, imported: "*" });
      return;
    }
    for (const element of clause.elements) {
      if (element.isTypeOnly) continue;
      const local = (element.propertyName ?? element.name).text;
      const exported = element.name.text;
      if (from !== undefined) this.exports.set(exported, { from, imported: local });
      else this.exports.set(exported, { v: this.refAt(local, this.moduleScope) });
    }
  }

  private refAt(name: string, scope: Scope): Ref {
    const ref: Ref = { k: "r", n: name, d: -1 };
    this.refs.push([ref, scope]);
    return ref;
  }

  visitEnum(node: ts.EnumDeclaration): void {
    if (this.hasModifier(node, this.K.DeclareKeyword)) return;
    const props: Array<readonly [string, Val]> = [];
    for (const member of node.members) {
      const key = this.propertyKey(member.name);
      if (key === undefined) continue;
      const literal = member.initializer ? this.stringOf(member.initializer) : undefined;
      props.push([key, literal === undefined ? UNKNOWN : { k: "s", v: literal }]);
    }
    const index = this.declare({ n: node.name.text, kind: "enum", init: { k: "o", props, spreads: [], frozen: true } });
    if (this.isExported(node)) this.exports.set(node.name.text, { v: this.refTo(node.name.text, index) });
  }

  visitNamespace(node: ts.ModuleDeclaration): void {
    // `declare module "x"`, `declare global`, `declare namespace`: descriptions of what exists elsewhere
    if (this.hasModifier(node, this.K.DeclareKeyword) || !this.t.isIdentifier(node.name)) return;
    this.declare({ n: node.name.text, kind: "other" });
    this.namespaceDepth++;
    this.withScope(false, () => {
      if (node.body) this.t.forEachChild(node.body, this.visitNode);
    });
    this.namespaceDepth--;
  }

  visitCall(call: ts.CallExpression): void {
    const callee = call.expression;
    if (callee.kind !== this.K.ImportKeyword && callee.kind !== this.K.SuperKeyword) {
      this.pendingCalls.push({ node: call, ...this.place() });
      if (call.arguments.length > 0 && SCHEMA_CALLS.has(this.calleeName(callee))) this.pendingSchemaCalls.push({ node: call, ...this.place() });
    }
    this.visit(callee);
    for (const argument of call.arguments) this.visit(argument);
  }

  private calleeName(callee: ts.Expression): string {
    const inner = this.unwrap(callee);
    if (this.t.isIdentifier(inner)) return inner.text;
    if (this.t.isPropertyAccessExpression(inner)) return inner.name.text;
    if (this.t.isElementAccessExpression(inner)) return this.stringOf(inner.argumentExpression) ?? "";
    return "";
  }

  /**
   * A member chain (`a.b["c"].d`), from its outermost access: kept for the end of the walk (the
   * outermost access is a write when `write`); what is not part of the chain is walked now.
   */
  visitChain(expression: ts.Expression, write: boolean): void {
    const t = this.t;
    let current = this.unwrap(expression);
    if (!t.isPropertyAccessExpression(current) && !t.isElementAccessExpression(current)) {
      this.visit(current);
      return;
    }
    this.pendingChains.push({ node: current, write, ...this.place() });
    while (t.isPropertyAccessExpression(current) || t.isElementAccessExpression(current)) {
      if (t.isElementAccessExpression(current) && this.stringOf(current.argumentExpression) === undefined) {
        this.visit(current.argumentExpression);
      }
      current = this.unwrap(current.expression);
    }
    if (!t.isIdentifier(current) && current.kind !== this.K.ThisKeyword && !t.isMetaProperty(current)) this.visit(current);
  }

  /** The accesses of a kept chain, each level's read at its key (made after the walk). */
  private chainAccesses(chain: PendingChain): void {
    const t = this.t;
    const levels: Array<ts.PropertyAccessExpression | ts.ElementAccessExpression> = [];
    let current = this.unwrap(chain.node);
    while (t.isPropertyAccessExpression(current) || t.isElementAccessExpression(current)) {
      levels.push(current);
      current = this.unwrap(current.expression);
    }
    let object = this.rootVal(current);
    for (let index = levels.length - 1; index >= 0 && object.k !== "?"; index--) {
      const level = levels[index]!;
      const isWrite = chain.write && index === 0;
      if (t.isPropertyAccessExpression(level)) {
        const key = level.name.text;
        this.pendingAccesses.push({ o: object, p: key, key: undefined, node: level.name, write: isWrite });
        object = { k: "m", o: object, p: key };
        continue;
      }
      const argument = level.argumentExpression;
      const key = this.stringOf(argument);
      if (key !== undefined) {
        this.pendingAccesses.push({ o: object, p: key, key: undefined, node: argument, write: isWrite });
        object = { k: "m", o: object, p: key };
        continue;
      }
      const inner = this.unwrap(argument);
      if (t.isIdentifier(inner)) this.pendingAccesses.push({ o: object, p: undefined, key: this.ref(inner.text), node: argument, write: isWrite });
      object = UNKNOWN;
    }
  }

  /** The value a member chain starts from; calls and other expressions are unknown. */
  private rootVal(node: ts.Expression): Val {
    const t = this.t;
    if (t.isIdentifier(node)) return this.ref(node.text);
    if (t.isMetaProperty(node)) return node.keywordToken === this.K.ImportKeyword && node.name.text === "meta" ? { k: "meta" } : UNKNOWN;
    if (node.kind === this.K.ThisKeyword) return this.thisClass >= 0 ? { k: "this", c: this.thisClass } : UNKNOWN;
    if (t.isCallExpression(node)) return this.requireVal(node) ?? UNKNOWN;
    return UNKNOWN;
  }

  private visitAssignment(binary: ts.BinaryExpression, plain: boolean): void {
    const t = this.t;
    const left = this.unwrap(binary.left);
    if (plain && (t.isObjectLiteralExpression(left) || t.isArrayLiteralExpression(left))) {
      this.assignmentTargets(left, this.valOf(binary.right, false));
      this.visit(binary.right);
      return;
    }
    if (t.isIdentifier(left)) {
      this.markWritten(left);
    } else if (t.isPropertyAccessExpression(left) || t.isElementAccessExpression(left)) {
      if (plain) this.noteMemberAssignment(left, binary.right);
      this.visitChain(left, plain);
    } else {
      this.visit(left);
    }
    this.visit(binary.right);
  }

  /** `module.exports = …`, `exports.a = …`, and `this.a = …` in a constructor. */
  private noteMemberAssignment(left: ts.PropertyAccessExpression | ts.ElementAccessExpression, right: ts.Expression): void {
    const t = this.t;
    const key = t.isPropertyAccessExpression(left) ? left.name.text : this.stringOf(left.argumentExpression);
    if (key === undefined) return;
    const object = this.unwrap(left.expression);
    if (t.isIdentifier(object)) {
      if (object.text === "module" && key === "exports" && !this.isDeclared("module")) this.commonJs = this.valOf(right, true);
      else if (object.text === "exports" && !this.isDeclared("exports")) this.exports.set(key, { v: this.valOf(right, true) });
      return;
    }
    if (object.kind === this.K.ThisKeyword && this.constructorOf >= 0) {
      this.classes[this.constructorOf]!.instance.push([key, this.valOf(right, true)]);
      return;
    }
    if (
      t.isPropertyAccessExpression(object) &&
      t.isIdentifier(object.expression) &&
      object.expression.text === "module" &&
      object.name.text === "exports" &&
      !this.isDeclared("module")
    ) {
      this.exports.set(key, { v: this.valOf(right, true) });
    }
  }

  /** Whether a name is declared in the scopes seen so far (for CommonJS's `module` and `exports`). */
  private isDeclared(name: string): boolean {
    for (let scope: Scope | undefined = this.scope; scope; scope = scope.parent) if (scope.names?.has(name)) return true;
    return false;
  }

  /** `({ A, b: B } = base)` and `[a, b] = …`: writes to the targets, reads of the base's members. */
  private assignmentTargets(target: ts.Expression, base: Val): void {
    const t = this.t;
    if (t.isArrayLiteralExpression(target)) {
      for (const element of target.elements) {
        const inner = this.unwrap(t.isSpreadElement(element) ? element.expression : element);
        if (t.isBinaryExpression(inner) && inner.operatorToken.kind === this.K.EqualsToken) {
          this.assignmentTargets(this.unwrap(inner.left), UNKNOWN);
          this.visit(inner.right);
        } else {
          this.assignmentTargets(inner, UNKNOWN);
        }
      }
      return;
    }
    if (t.isObjectLiteralExpression(target)) {
      for (const property of target.properties) {
        if (t.isShorthandPropertyAssignment(property)) {
          this.markWritten(property.name);
          if (base.k !== "?") this.pendingAccesses.push({ o: base, p: property.name.text, key: undefined, node: property.name, write: false });
          if (property.objectAssignmentInitializer) this.visit(property.objectAssignmentInitializer);
        } else if (t.isPropertyAssignment(property)) {
          const key = this.propertyKey(property.name);
          if (key !== undefined && base.k !== "?") this.pendingAccesses.push({ o: base, p: key, key: undefined, node: property.name, write: false });
          let value = this.unwrap(property.initializer);
          if (t.isBinaryExpression(value) && value.operatorToken.kind === this.K.EqualsToken) {
            this.visit(value.right);
            value = this.unwrap(value.left);
          }
          this.assignmentTargets(value, key === undefined || base.k === "?" ? UNKNOWN : { k: "m", o: base, p: key });
        } else if (t.isSpreadAssignment(property)) {
          this.assignmentTargets(this.unwrap(property.expression), UNKNOWN);
        }
      }
      return;
    }
    if (t.isIdentifier(target)) {
      this.markWritten(target);
      return;
    }
    if (t.isPropertyAccessExpression(target) || t.isElementAccessExpression(target)) {
      this.visitChain(target, true);
      return;
    }
    this.visit(target);
  }

  private markWritten(target: ts.Expression): void {
    const inner = this.unwrap(target);
    if (this.t.isIdentifier(inner)) this.writes.push([inner.text, this.scope]);
    else this.visit(target);
  }

  // ---------------------------------------------------------------- values

  /** The expression inside type-only wrappers and parentheses: `(x as T)!` → `x`. */
  private unwrap(node: ts.Expression): ts.Expression {
    const K = this.K;
    let current = node;
    for (;;) {
      switch (current.kind) {
        case K.ParenthesizedExpression:
        case K.AsExpression:
        case K.SatisfiesExpression:
        case K.NonNullExpression:
        case K.TypeAssertionExpression:
          current = (current as ts.ParenthesizedExpression).expression;
          continue;
        default:
          return current;
      }
    }
  }

  private stringOf(node: ts.Expression): string | undefined {
    const inner = this.unwrap(node);
    if (this.t.isStringLiteral(inner) || this.t.isNoSubstitutionTemplateLiteral(inner)) return inner.text;
    return undefined;
  }

  private propertyKey(name: ts.PropertyName | ts.BindingName): string | undefined {
    const t = this.t;
    if (t.isIdentifier(name) || t.isStringLiteral(name) || t.isNoSubstitutionTemplateLiteral(name) || t.isNumericLiteral(name)) {
      return name.text;
    }
    if (t.isPrivateIdentifier(name)) return name.text;
    if (t.isComputedPropertyName(name)) return this.stringOf(name.expression);
    return undefined;
  }

  /** `require("s")` and `await import("s")`. */
  private requireVal(node: ts.Expression): Val | undefined {
    const t = this.t;
    const inner = this.unwrap(node);
    if (t.isAwaitExpression(inner)) {
      const call = this.unwrap(inner.expression);
      if (t.isCallExpression(call) && call.expression.kind === this.K.ImportKeyword && call.arguments.length > 0) {
        const specifier = this.stringOf(call.arguments[0]!);
        return specifier === undefined ? undefined : { k: "req", s: specifier };
      }
      return undefined;
    }
    if (!t.isCallExpression(inner) || inner.arguments.length !== 1) return undefined;
    const callee = this.unwrap(inner.expression);
    if (!t.isIdentifier(callee) || callee.text !== "require") return undefined;
    const specifier = this.stringOf(inner.arguments[0]!);
    return specifier === undefined ? undefined : { k: "req", s: specifier, r: this.ref("require") };
  }

  /**
   * What an expression is, as far as names and the environment go. `bound`: the expression is
   * bound to a name or property, so a function it is can be called by that name.
   */
  private valOf(node: ts.Expression, bound: boolean, frozen = false, depth = 0): Val {
    const t = this.t;
    const K = this.K;
    let inner = node;
    for (;;) {
      if (inner.kind === K.AsExpression) {
        const as = inner as ts.AsExpression;
        if (t.isTypeReferenceNode(as.type) && t.isIdentifier(as.type.typeName) && as.type.typeName.text === "const") frozen = true;
        inner = as.expression;
      } else if (
        inner.kind === K.ParenthesizedExpression ||
        inner.kind === K.SatisfiesExpression ||
        inner.kind === K.NonNullExpression ||
        inner.kind === K.TypeAssertionExpression
      ) {
        inner = (inner as ts.ParenthesizedExpression).expression;
      } else {
        break;
      }
    }
    switch (inner.kind) {
      case K.StringLiteral:
      case K.NoSubstitutionTemplateLiteral:
        return { k: "s", v: (inner as ts.StringLiteral).text };
      case K.Identifier:
        return this.ref((inner as ts.Identifier).text);
      case K.ThisKeyword:
        return this.thisClass >= 0 ? { k: "this", c: this.thisClass } : UNKNOWN;
      case K.MetaProperty:
        return this.rootVal(inner);
      case K.PropertyAccessExpression: {
        const access = inner as ts.PropertyAccessExpression;
        const object = this.valOf(access.expression, false, false, depth + 1);
        return object.k === "?" ? UNKNOWN : { k: "m", o: object, p: access.name.text };
      }
      case K.ElementAccessExpression: {
        const access = inner as ts.ElementAccessExpression;
        const key = this.stringOf(access.argumentExpression);
        if (key === undefined) return UNKNOWN;
        const object = this.valOf(access.expression, false, false, depth + 1);
        return object.k === "?" ? UNKNOWN : { k: "m", o: object, p: key };
      }
      case K.CallExpression: {
        const call = inner as ts.CallExpression;
        const required = this.requireVal(call);
        if (required) return required;
        const callee = this.unwrap(call.expression);
        if (
          t.isPropertyAccessExpression(callee) &&
          callee.name.text === "freeze" &&
          t.isIdentifier(callee.expression) &&
          callee.expression.text === "Object" &&
          call.arguments.length > 0
        ) {
          return this.valOf(call.arguments[0]!, bound, true, depth);
        }
        // a call may hand back one of its arguments (a function wrapping the environment): kept
        // only when an argument could be the environment or come from another module
        if (call.arguments.length === 0 || depth > MAX_OBJECT_DEPTH) return UNKNOWN;
        const args: Array<Val | null> = [];
        let promising = false;
        for (const argument of call.arguments) {
          const value = t.isSpreadElement(argument) ? null : this.valOf(argument, false, false, depth + 1);
          args.push(value);
          if (value && (value.k === "m" || value.k === "r" || value.k === "meta")) promising = true;
        }
        if (!promising) return UNKNOWN;
        const calleeVal = this.valOf(callee, false, false, depth + 1);
        return calleeVal.k === "?" ? UNKNOWN : { k: "call", c: calleeVal, a: args };
      }
      case K.AwaitExpression:
        return this.requireVal(inner) ?? UNKNOWN;
      case K.ObjectLiteralExpression:
        return depth > MAX_OBJECT_DEPTH ? UNKNOWN : this.objectVal(inner as ts.ObjectLiteralExpression, frozen, depth);
      case K.ArrowFunction:
      case K.FunctionExpression: {
        const existing = this.fnOfNode.get(inner);
        if (existing !== undefined) {
          if (bound) this.fns[existing]!.bound = true;
          return { k: "f", f: existing };
        }
        const name = t.isFunctionExpression(inner) && inner.name ? inner.name.text : undefined;
        return { k: "f", f: this.newFn(name, bound, inner) };
      }
      case K.ClassExpression:
        return this.classEntry(inner as ts.ClassExpression).statics;
      default:
        return UNKNOWN;
    }
  }

  private objectVal(object: ts.ObjectLiteralExpression, frozen: boolean, depth: number): ObjectVal {
    const t = this.t;
    const props: Array<readonly [string, Val]> = [];
    const spreads: Val[] = [];
    for (const property of object.properties) {
      if (t.isSpreadAssignment(property)) {
        spreads.push(this.valOf(property.expression, false, false, depth + 1));
        continue;
      }
      const key = property.name ? this.propertyKey(property.name) : undefined;
      if (key === undefined) continue;
      if (t.isPropertyAssignment(property)) props.push([key, this.valOf(property.initializer, true, frozen, depth + 1)]);
      else if (t.isShorthandPropertyAssignment(property)) props.push([key, this.ref(property.name.text)]);
      else if (t.isMethodDeclaration(property) && property.body) props.push([key, { k: "f", f: this.newFn(key, true, property) }]);
      else props.push([key, UNKNOWN]); // a getter or setter: not a constant
    }
    return { k: "o", props, spreads, frozen };
  }

  // ---------------------------------------------------------------- the facts

  /**
   * After the walk: resolves every name, keeps the member reads and calls that can matter (made
   * into values only then), and compacts what is kept (see compact()).
   */
  private finish(): FileFacts {
    for (const [ref, scope] of this.refs) ref.d = lookup(ref.n, scope);
    for (const [name, scope] of this.writes) {
      const index = lookup(name, scope);
      if (index >= 0) this.decls[index]!.assigned = true;
    }
    this.walked = true;
    this.markForwarding();
    this.markReturns();
    const relevance = new Relevance(this.decls, this.classes, this.options.resolves);
    for (const chain of this.pendingChains) {
      if (this.chainMayMatter(chain, relevance)) this.at(chain, () => this.chainAccesses(chain));
    }
    const sourceFile = this.sourceFile;
    let lineStarts: readonly number[] | undefined;
    const position = (node: ts.Node): number => packOffset((lineStarts ??= lineStartsOf(sourceFile)), node.getStart(sourceFile));
    const reads: FinalRead[] = [];
    const dynamicCalls: FinalDynamicCall[] = [];
    const accesses: Access[] = [];
    /** The key node of each `process.env.X` read, and its name: what a presence check may test. */
    const envReadKeys = new Map<ts.Node, string>();
    for (const access of this.pendingAccesses) {
      if (access.p === undefined && access.key === undefined) continue;
      if (!relevance.mayBeEnv(access.o)) continue;
      // `process.env.X`, `import.meta.env.X`, `Bun.env.X`: read, whatever other files say
      if (access.p !== undefined && isGlobalEnv(access.o)) {
        if (!access.write) {
          reads.push({ name: access.p, sort: "env", pos: position(access.node) });
          envReadKeys.set(access.node, access.p);
        }
        continue;
      }
      accesses.push({
        o: access.o,
        p: access.p,
        ...(access.key ? { key: access.key } : {}),
        pos: position(access.node),
        ...(access.write ? { write: true as const } : {}),
      });
    }
    for (const call of this.pendingSchemaCalls) this.at(call, () => this.schemaReads(call, reads, position));
    const calls: Call[] = [];
    for (const call of this.pendingCalls) {
      if (!this.callMayMatter(call)) continue;
      if (this.finalCall(call, reads, dynamicCalls, position)) continue;
      this.at(call, () => {
        const node = call.node;
        const args: Array<Val | null> = [];
        const argPos: number[] = [];
        for (const argument of node.arguments) {
          args.push(this.t.isSpreadElement(argument) ? null : this.valOf(argument, false));
          argPos.push(position(argument));
        }
        calls.push({ c: this.valOf(node.expression, false), a: args, pos: position(node), argPos, name: this.calleeName(node.expression) });
      });
    }
    const guards = this.finalGuards(envReadKeys, position, (node) => packOffset((lineStarts ??= lineStartsOf(sourceFile)), node.getEnd()));
    return compact({
      file: this.file,
      reads,
      dynamicCalls,
      ...(guards.length > 0 ? { guards } : {}),
      decls: this.decls,
      fns: this.fns,
      classes: this.classes,
      calls,
      accesses,
      exports: this.exports,
      stars: this.stars,
      ...(this.commonJs ? { commonJs: this.commonJs } : {}),
    }, this.callNames, this.options.keepNames ?? false);
  }

  /**
   * The presence checks among the kept conditions: a test that is `hasSecret("X")` (by the
   * runtime's name, with a literal name) or a direct environment read (`process.env.X`). Reads
   * through an alias or a local (`const dsn = process.env.X; if (dsn)`) are not followed.
   */
  private finalGuards(envReadKeys: ReadonlyMap<ts.Node, string>, start: (node: ts.Node) => number, end: (node: ts.Node) => number): FinalGuard[] {
    const t = this.t;
    const guards: FinalGuard[] = [];
    for (const pending of this.pendingGuards) {
      for (const test of pending.tests) {
        let name: string | undefined;
        let key: ts.Node | undefined;
        if (t.isCallExpression(test)) {
          const [first] = test.arguments;
          if (first && PRESENCE_FUNCTIONS.has(this.calleeName(test.expression))) {
            name = this.stringOf(first);
            key = first;
          }
        } else {
          key = t.isPropertyAccessExpression(test) ? test.name : (test as ts.ElementAccessExpression).argumentExpression;
          name = envReadKeys.get(key);
        }
        if (name !== undefined && key !== undefined) guards.push({ name, test: start(key), from: start(pending.region), to: end(pending.region) });
      }
    }
    return guards;
  }

  /**
   * A call by an accessor's name (`getSecret(…)`, `secrets.getSecret(…)`, an import of it under
   * another name) with a literal name, or with no static name at all, needs nothing from other
   * files: it becomes a read (or a dynamic call) now, and no fact is kept. Calls that pass a
   * parameter on (wrappers) or a name held elsewhere are left to linking.
   */
  private finalCall(call: PendingCall, reads: FinalRead[], dynamicCalls: FinalDynamicCall[], position: (node: ts.Node) => number): boolean {
    const t = this.t;
    const node = call.node;
    const callee = this.unwrap(node.expression);
    const name = this.calleeName(callee);
    let sort: FinalRead["sort"] | undefined = this.options.accessors.has(name) ? "accessor" : this.options.envAccessors.has(name) ? "env" : undefined;
    let optional = OPTIONAL_ACCESSORS.has(name);
    if (!sort && t.isIdentifier(callee)) {
      const index = lookup(callee.text, call.scope);
      const decl = index >= 0 ? this.decls[index]! : undefined;
      if (decl?.kind === "import" && decl.imported !== undefined) {
        sort = this.options.accessors.has(decl.imported) ? "accessor" : this.options.envAccessors.has(decl.imported) ? "env" : undefined;
        optional = OPTIONAL_ACCESSORS.has(decl.imported);
      }
    }
    if (!sort) return false;
    const [first] = node.arguments;
    // a call whose first argument is an object literal is another API under the accessor's name
    // (Stripe Apps' `getSecret({ stripe, name })`): no read, no fact
    if (first && t.isObjectLiteralExpression(this.unwrap(first))) return true;
    if (!first || t.isSpreadElement(first)) {
      if (sort === "accessor") dynamicCalls.push({ name, pos: position(first ?? node) });
      return true;
    }
    const literal = this.stringOf(first);
    if (literal !== undefined) {
      reads.push({ name: literal, sort, pos: position(first), ...(optional && sort === "accessor" ? { optional: true as const } : {}) });
      return true;
    }
    return false;
  }

  /**
   * The variables a validation of the whole environment reads: the keys of the schema it is
   * validated against. `z.object({ DATABASE_URL: z.string() }).parse(process.env)`, `schema.parse(…)`
   * with `const schema = z.object(…)` (also `.extend`, `.merge`, `.strict()`…, and valibot's
   * `v.parse(schema, …)`, Joi's `.validate(…)`), envalid's `cleanEnv(process.env, { … })`, znv's
   * `parseEnv(process.env, { … })`, and t3-env's `createEnv({ server: { … }, runtimeEnv: process.env })`
   * (or `experimental__runtimeEnv`, with which the server's variables come from `process.env`).
   */
  private schemaReads(call: PendingCall, reads: FinalRead[], position: (node: ts.Node) => number): void {
    const t = this.t;
    const node = call.node;
    const keys: ts.Node[] = [];
    if (this.calleeName(node.expression) === "createEnv") {
      const options = node.arguments[0] ? this.unwrap(node.arguments[0]) : undefined;
      if (!options || !t.isObjectLiteralExpression(options)) return;
      const property = (key: string): ts.Expression | undefined => {
        for (const member of options.properties) {
          if (t.isPropertyAssignment(member) && this.propertyKey(member.name) === key) return member.initializer;
        }
        return undefined;
      };
      const runtimeEnv = property("runtimeEnv") ?? property("runtimeEnvStrict");
      const whole = runtimeEnv !== undefined && this.isEnvObject(this.valOf(runtimeEnv, false), 0);
      const sections = whole ? ["server", "client", "shared"] : property("experimental__runtimeEnv") ? ["server", "shared"] : [];
      for (const section of sections) {
        const value = property(section);
        if (value) this.objectKeys(value, keys, 0);
      }
    } else {
      const args = node.arguments.filter((argument) => !t.isSpreadElement(argument));
      const environment = args.findIndex((argument) => this.isEnvObject(this.valOf(argument, false), 0));
      if (environment < 0) return;
      // the schema: another argument, or the object the validating method is called on
      args.forEach((argument, index) => {
        if (index !== environment) this.schemaKeys(argument, keys, 0, true);
      });
      const callee = this.unwrap(node.expression);
      if (t.isPropertyAccessExpression(callee)) this.schemaKeys(callee.expression, keys, 0, false);
    }
    for (const key of keys) {
      const name = this.propertyKey(key as ts.PropertyName);
      if (name !== undefined) reads.push({ name, sort: "env", pos: position(key) });
    }
  }

  /** Whether a value is the environment object itself, within this file. */
  private isEnvObject(value: Val, depth: number): boolean {
    if (isGlobalEnv(value)) return true;
    if (value.k !== "r" || value.d < 0 || depth > 8) return false;
    const decl = this.decls[value.d]!;
    return (decl.kind === "const" || decl.kind === "let" || decl.kind === "var") && !decl.assigned && decl.init !== undefined && this.isEnvObject(decl.init, depth + 1);
  }

  /** The keys a schema expression declares (`z.object({…})`, chained methods, a `const` holding one). */
  private schemaKeys(expression: ts.Expression, keys: ts.Node[], depth: number, plainObject: boolean): void {
    const t = this.t;
    const inner = this.unwrap(expression);
    if (depth > 8) return;
    if (t.isObjectLiteralExpression(inner)) {
      // a plain object is a schema only as an argument (envalid's and znv's specs)
      if (plainObject) this.objectKeys(inner, keys, depth);
      return;
    }
    if (t.isIdentifier(inner)) {
      const index = lookup(inner.text, this.scope);
      const init = index >= 0 ? this.constInits.get(index) : undefined;
      if (init) this.schemaKeys(init, keys, depth + 1, plainObject);
      return;
    }
    if (!t.isCallExpression(inner)) return;
    const name = this.calleeName(inner.expression);
    const callee = this.unwrap(inner.expression);
    const [first] = inner.arguments;
    if (SCHEMA_OBJECTS.has(name)) {
      if (first) this.objectKeys(first, keys, depth + 1);
      return;
    }
    // `.extend({…})` adds keys, `.merge(other)` another schema's; any other method keeps them
    if (name === "extend" && first) this.objectKeys(first, keys, depth + 1);
    if (name === "merge" && first) this.schemaKeys(first, keys, depth + 1, false);
    if (t.isPropertyAccessExpression(callee)) this.schemaKeys(callee.expression, keys, depth + 1, false);
  }

  /** The property names of an object literal (or of the one a `const` holds). */
  private objectKeys(expression: ts.Expression, keys: ts.Node[], depth: number): void {
    const t = this.t;
    const inner = this.unwrap(expression);
    if (t.isIdentifier(inner) && depth < 8) {
      const index = lookup(inner.text, this.scope);
      const init = index >= 0 ? this.constInits.get(index) : undefined;
      if (init) this.objectKeys(init, keys, depth + 1);
      return;
    }
    if (!t.isObjectLiteralExpression(inner)) return;
    for (const member of inner.properties) {
      if ((t.isPropertyAssignment(member) || t.isShorthandPropertyAssignment(member)) && this.propertyKey(member.name) !== undefined) {
        keys.push(member.name);
      } else if (t.isSpreadAssignment(member)) {
        this.objectKeys(member.expression, keys, depth + 1);
      }
    }
  }

  /** Runs `work` where a pending item was found: its scope, and the class `this` was there. */
  private at(place: Place, work: () => void): void {
    const savedScope = this.scope;
    const savedThis = this.thisClass;
    this.scope = place.scope;
    this.thisClass = place.thisClass;
    try {
      work();
    } finally {
      this.scope = savedScope;
      this.thisClass = savedThis;
    }
  }

  /** Marks the functions whose every return hands back the same parameter of their own. */
  private markReturns(): void {
    const returned = new Map<number, number | null>();
    for (const entry of this.pendingReturns) {
      const index = entry.name === undefined ? -1 : lookup(entry.name, entry.scope);
      const decl = index >= 0 ? this.decls[index]! : undefined;
      const position = decl?.kind === "param" && decl.fn === entry.fn && !decl.assigned ? decl.index! : null;
      const known = returned.get(entry.fn);
      returned.set(entry.fn, known === undefined || known === position ? position : null);
    }
    for (const [fn, position] of returned) if (position !== null) this.fns[fn]!.returns = position;
  }

  /** Marks the functions that pass a parameter of their own to a call or as a computed key. */
  private markForwarding(): void {
    const t = this.t;
    const mark = (argument: ts.Expression, scope: Scope): void => {
      const inner = this.unwrap(argument);
      if (!t.isIdentifier(inner)) return;
      const index = lookup(inner.text, scope);
      const decl = index >= 0 ? this.decls[index]! : undefined;
      if (decl?.kind === "param" && decl.fn !== undefined) this.fns[decl.fn]!.forwards = true;
    };
    for (const call of this.pendingCalls) for (const argument of call.node.arguments) mark(argument, call.scope);
    for (const chain of this.pendingChains) {
      for (let current = this.unwrap(chain.node); t.isPropertyAccessExpression(current) || t.isElementAccessExpression(current); current = this.unwrap(current.expression)) {
        if (t.isElementAccessExpression(current)) mark(current.argumentExpression, chain.scope);
      }
    }
  }

  /** Whether a member chain starts from something that may be (or lead to) the environment. */
  private chainMayMatter(chain: PendingChain, relevance: Relevance): boolean {
    const t = this.t;
    let root = this.unwrap(chain.node);
    while (t.isPropertyAccessExpression(root) || t.isElementAccessExpression(root)) root = this.unwrap(root.expression);
    if (t.isIdentifier(root)) {
      const index = lookup(root.text, chain.scope);
      return index < 0 ? ENV_GLOBALS.has(root.text) : relevance.declMayBeEnv(index);
    }
    if (t.isMetaProperty(root)) return true;
    if (root.kind === this.K.ThisKeyword) return chain.thisClass >= 0 && relevance.classMayBeEnv(chain.thisClass);
    return t.isCallExpression(root) || t.isAwaitExpression(root) ? this.requireVal(root) !== undefined : false;
  }

  /**
   * Whether a call can read a name: made through an accessor's name (`this.vault.getSecret(…)`),
   * an environment global (`Deno.env.get`), a module of the repository (which may export a
   * wrapper), or a function of this file that passes a parameter on (which may be one). Calls of
   * other globals (`console.log`), of packages, of parameters and of functions that pass nothing
   * on cannot.
   */
  private callMayMatter(call: PendingCall): boolean {
    const t = this.t;
    const names = this.callNames;
    const callee = this.unwrap(call.node.expression);
    if (names.has(this.calleeName(callee))) return true;
    let root = callee;
    while (t.isPropertyAccessExpression(root) || t.isElementAccessExpression(root)) root = this.unwrap(root.expression);
    if (!t.isIdentifier(root)) return false;
    const index = lookup(root.text, call.scope);
    if (index < 0) return ENV_GLOBALS.has(root.text);
    return this.declMayBeCallable(index, 0);
  }

  private declMayBeCallable(index: number, depth: number): boolean {
    const decl = this.decls[index]!;
    switch (decl.kind) {
      case "import":
        return this.options.resolves(decl.from!);
      case "function":
        return decl.init?.k === "f" && this.fnMayBeCallable(decl.init.f);
      case "const":
      case "let":
      case "var":
        return !decl.assigned && decl.init !== undefined && depth < 8 && this.valMayBeCallable(decl.init, depth + 1);
      default:
        return false;
    }
  }

  private valMayBeCallable(value: Val, depth: number): boolean {
    switch (value.k) {
      case "f":
        return this.fnMayBeCallable(value.f);
      case "r":
        return value.d < 0 ? ENV_GLOBALS.has(value.n) : this.declMayBeCallable(value.d, depth);
      case "m": {
        // a member of something of the file or the repository may be a wrapper
        let root: Val = value;
        while (root.k === "m") root = root.o;
        if (root.k !== "r") return root.k === "req" || root.k === "o";
        if (root.d < 0) return ENV_GLOBALS.has(root.n);
        const decl = this.decls[root.d]!;
        return decl.kind === "import" ? this.options.resolves(decl.from!) : decl.kind !== "param";
      }
      case "o":
      case "req":
        return true;
      default:
        return false;
    }
  }

  private fnMayBeCallable(index: number): boolean {
    const fn = this.fns[index]!;
    return fn.forwards === true || (fn.name !== undefined && this.callNames.has(fn.name));
  }
}

/** Methods and functions that validate an object (the environment) against a schema. */
const SCHEMA_CALLS: ReadonlySet<string> = new Set([
  "parse", "safeParse", "parseAsync", "safeParseAsync", "validate", "validateSync", "cleanEnv", "parseEnv", "createEnv",
]);

/** Schema builders whose first argument lists the keys: zod, valibot, yup, Joi. */
const SCHEMA_OBJECTS: ReadonlySet<string> = new Set(["object", "strictObject", "looseObject", "objectAsync"]);

/** `process.env`, `import.meta.env`, `Bun.env` with `process` and `Bun` the globals. */
function isGlobalEnv(value: Val): boolean {
  if (value.k !== "m" || value.p !== "env") return false;
  const base = value.o;
  return base.k === "meta" || (base.k === "r" && base.d < 0 && (base.n === "process" || base.n === "Bun"));
}

/**
 * Where each line starts, as TypeScript counts lines. A text with only `\n` line breaks (almost
 * every file) is searched with indexOf, much faster than TypeScript's character loop; one with
 * `\r`, U+2028 or U+2029 (which TypeScript also counts) gets TypeScript's own.
 */
function lineStartsOf(sourceFile: ts.SourceFile): readonly number[] {
  const text = sourceFile.text;
  return /[\r\u2028\u2029]/.test(text) ? sourceFile.getLineStarts() : lineStartsOfText(text);
}

/** An offset as a packed line and column (see facts.ts, unpackPosition). */
function packOffset(lineStarts: readonly number[], offset: number): number {
  const { line, column } = lineAndColumn(lineStarts, offset);
  return packPosition(line, column);
}

function lookup(name: string, scope: Scope): number {
  for (let current: Scope | undefined = scope; current; current = current.parent) {
    const index = current.names?.get(name);
    if (index !== undefined) return index;
  }
  return -1;
}

/**
 * Whether a value may be (or lead to) the environment, judged within the file: it starts from an
 * environment global, `import.meta`, a `require`, an import (decided across files), or a local
 * whose value does. Member reads of anything else are dropped before they are kept as facts.
 */
class Relevance {
  private readonly memo = new Map<number, boolean>();
  private readonly classMemo = new Map<number, boolean>();

  constructor(
    private readonly decls: readonly Decl[],
    private readonly classes: ReadonlyArray<{ readonly instance: ReadonlyArray<readonly [string, Val]> }>,
    private readonly resolves: (specifier: string) => boolean,
  ) {}

  mayBeEnv(value: Val): boolean {
    let root = value;
    while (root.k === "m") root = root.o;
    switch (root.k) {
      case "meta":
      case "req":
        return true;
      case "r":
        return root.d < 0 ? ENV_GLOBALS.has(root.n) : this.declMayBeEnv(root.d);
      case "o":
        return root.spreads.some((spread) => this.mayBeEnv(spread)) || root.props.some(([, prop]) => this.mayBeEnv(prop));
      case "this":
        return this.classMayBeEnv(root.c);
      case "call":
        return root.a.some((argument) => argument !== null && this.mayBeEnv(argument));
      default:
        return false;
    }
  }

  declMayBeEnv(index: number): boolean {
    const known = this.memo.get(index);
    if (known !== undefined) return known;
    this.memo.set(index, false); // cycles lead nowhere
    const decl = this.decls[index]!;
    // an import can be an alias only from a module of the repository, or `process` itself
    const result =
      (decl.kind === "import" && this.resolves(decl.from!)) ||
      ((decl.kind === "const" || decl.kind === "let" || decl.kind === "var" || decl.kind === "class") &&
        decl.init !== undefined &&
        this.mayBeEnv(decl.init));
    this.memo.set(index, result);
    return result;
  }

  classMayBeEnv(index: number): boolean {
    const known = this.classMemo.get(index);
    if (known !== undefined) return known;
    this.classMemo.set(index, false);
    const result = this.classes[index]!.instance.some(([, value]) => this.mayBeEnv(value));
    this.classMemo.set(index, result);
    return result;
  }
}
