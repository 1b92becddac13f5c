/**
 * The symbol pass: with the program built (no type-checking: the checker only resolves the
 * symbols asked about), finds accessor calls and their wrappers, resolves the names passed, and
 * finds the environment reads. Works on the compiler AST that ts-morph keeps, through its `ts`.
 */
import type { ts } from "ts-morph";
import type { ResolvedSecretsSettings } from "@secrets-suite/core";
import type { DynamicAccessorCall, InputProblem, SecretRead } from "../model.js";
import type { CollectedNodes } from "./discovery.js";
import {
  PROCESS_MODULES,
  accessKey,
  accessKeyNode,
  boundFunctionName,
  calleeName,
  findObjectProperty,
  frozenObjectLiteral,
  functionOfDeclaration,
  importModuleSpecifier,
  isAccess,
  isConstDeclaration,
  nodePosition,
  outermostValue,
  propertyNameText,
  requireSpecifier,
  awaitedImportSpecifier,
  staticString,
  unwrap,
  type AccessExpression,
  type FunctionNode,
  type TS,
} from "./syntax.js";

/** What an expression can be on the way to an environment read. */
type EnvKind = "global" | "process" | "env" | "bun" | "deno" | "denoEnv" | "importMeta";

const GLOBAL_KINDS: ReadonlyMap<string, EnvKind> = new Map<string, EnvKind>([
  ["process", "process"],
  ["globalThis", "global"],
  ["global", "global"],
  ["window", "global"],
  ["self", "global"],
  ["Bun", "bun"],
  ["Deno", "deno"],
]);

function memberKind(base: EnvKind | undefined, key: string): EnvKind | undefined {
  switch (base) {
    case "global":
      return key === "process" ? "process" : key === "Bun" ? "bun" : key === "Deno" ? "deno" : undefined;
    case "process":
    case "bun":
    case "importMeta":
      return key === "env" ? "env" : undefined;
    case "deno":
      return key === "env" ? "denoEnv" : undefined;
    default:
      return undefined;
  }
}

/** Const chains, aliases and wrapper hops longer than this are not followed (cycles end here). */
const MAX_DEPTH = 12;

export interface AnalyzedFile {
  readonly file: string;
  /** Names a call must be made by to be looked at (from the discovery pass). */
  readonly callNames: ReadonlySet<string>;
  /** The file's nodes, collected by the discovery walk. */
  readonly nodes: CollectedNodes;
}

export interface AnalyzerContext {
  readonly t: TS;
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly settings: ResolvedSecretsSettings;
  /** The project's source file for a repository file, if it was parsed. */
  readonly sourceFileOf: (file: string) => ts.SourceFile | undefined;
  /** The repository file of a project source file. */
  readonly fileOf: (sourceFile: ts.SourceFile) => string | undefined;
  readonly resolve: (fromFile: string, specifier: string) => string | undefined;
}

export interface AnalysisResult {
  readonly reads: SecretRead[];
  readonly dynamicCalls: DynamicAccessorCall[];
  readonly problems: InputProblem[];
}

interface Callable {
  /** Which argument carries the secret name. */
  readonly nameIndex: number;
  /** The wrapper function, for the default value of its name parameter. */
  readonly wrapper?: FunctionNode;
}

interface FileNodes extends CollectedNodes {
  readonly file: string;
}

export function analyzeFiles(context: AnalyzerContext, files: readonly AnalyzedFile[]): AnalysisResult {
  return new Analyzer(context).run(files);
}

class Analyzer {
  private readonly t: TS;
  private readonly checker: ts.TypeChecker;
  private readonly accessors: ReadonlySet<string>;
  private readonly wrappers = new Map<FunctionNode, number>();
  private readonly reassigned = new Map<FunctionNode, Set<string>>();
  private readonly envKindOfNode = new Map<ts.Node, EnvKind | null>();
  private readonly envKindOfSymbol = new Map<ts.Symbol, EnvKind | null>();
  private readonly reads: SecretRead[] = [];
  private readonly dynamicCalls: DynamicAccessorCall[] = [];
  private readonly problems: InputProblem[] = [];

  constructor(private readonly context: AnalyzerContext) {
    this.t = context.t;
    this.checker = context.checker;
    this.accessors = new Set(context.settings.accessors);
  }

  run(files: readonly AnalyzedFile[]): AnalysisResult {
    const collected: FileNodes[] = files.map(({ file, callNames, nodes }) => ({
      ...nodes,
      file,
      calls: nodes.calls.filter((call) => {
        const name = calleeName(this.t, call.expression);
        return name !== undefined && callNames.has(name);
      }),
    }));

    const sites: Array<{ readonly file: string; readonly call: ts.CallExpression }> = [];
    for (const nodes of collected) for (const call of nodes.calls) sites.push({ file: nodes.file, call });
    // files whose analysis hit something unexpected: reported once, and none of their reads kept
    const failed = new Set<string>();
    const resolved = this.resolveAccessorCalls(sites, failed);

    for (const { file, call } of sites) {
      const callable = resolved.get(call);
      if (!callable || failed.has(file)) continue;
      try {
        this.emitAccessorCall(file, call, callable);
      } catch {
        failed.add(file);
      }
    }
    for (const nodes of collected) {
      if (failed.has(nodes.file)) continue;
      try {
        this.emitEnvReads(nodes);
      } catch {
        failed.add(nodes.file);
      }
    }
    for (const file of failed) {
      this.problems.push({ file, message: "skipped: could not analyse the file's syntax tree" });
    }
    return {
      reads: this.reads.filter((read) => !failed.has(read.position.file)),
      dynamicCalls: this.dynamicCalls.filter((call) => !failed.has(call.position.file)),
      problems: this.problems,
    };
  }

  // ------------------------------------------------------------------ accessor calls

  /** Resolves the callees of the candidate calls, growing the wrappers to a fixpoint. */
  private resolveAccessorCalls(
    sites: ReadonlyArray<{ readonly file: string; readonly call: ts.CallExpression }>,
    failedFiles: Set<string>,
  ): Map<ts.CallExpression, Callable> {
    const resolved = new Map<ts.CallExpression, Callable>();
    let changed = true;
    while (changed) {
      changed = false;
      for (const { file, call } of sites) {
        if (resolved.has(call) || failedFiles.has(file)) continue;
        let callable: Callable | undefined;
        try {
          callable = this.callableOf(call.expression, 0);
        } catch {
          failedFiles.add(file);
          continue;
        }
        if (!callable) continue;
        resolved.set(call, callable);
        const argument = call.arguments[callable.nameIndex];
        if (!argument || call.arguments.slice(0, callable.nameIndex + 1).some((a) => this.t.isSpreadElement(a))) continue;
        const slot = this.parameterSlot(argument);
        if (!slot || this.wrappers.has(slot.fn) || boundFunctionName(this.t, slot.fn) === undefined) continue;
        if (this.isReassigned(slot.fn, slot.name)) continue;
        this.wrappers.set(slot.fn, slot.index);
        changed = true;
      }
    }
    return resolved;
  }

  /** Whether calling `callee` is an accessor call, and which argument holds the name. */
  private callableOf(callee: ts.Expression, depth: number): Callable | undefined {
    const t = this.t;
    if (depth > MAX_DEPTH) return undefined;
    const inner = unwrap(t, callee);
    if (t.isIdentifier(inner)) {
      if (this.accessors.has(inner.text)) return { nameIndex: 0 };
      return this.callableOfSymbol(this.checker.getSymbolAtLocation(inner), depth);
    }
    if (isAccess(t, inner)) {
      const key = accessKey(t, inner);
      if (key === undefined) return undefined;
      if (this.accessors.has(key)) return { nameIndex: 0 };
      return this.callableOfSymbol(this.memberSymbol(inner, key), depth);
    }
    return undefined;
  }

  private callableOfSymbol(symbol: ts.Symbol | undefined, depth: number): Callable | undefined {
    const t = this.t;
    if (!symbol || depth > MAX_DEPTH) return undefined;
    for (const declaration of symbol.declarations ?? []) {
      const fn = functionOfDeclaration(t, declaration);
      if (fn) {
        const nameIndex = this.wrappers.get(fn);
        if (nameIndex !== undefined) return { nameIndex, wrapper: fn };
      }
      const declared = this.declaredName(declaration);
      if (declared !== undefined && this.accessors.has(declared)) return { nameIndex: 0 };
      if (!fn && t.isVariableDeclaration(declaration) && declaration.initializer && isConstDeclaration(t, declaration)) {
        const viaInit = this.callableOf(declaration.initializer, depth + 1);
        if (viaInit) return viaInit;
      }
      const required = this.requiredSymbol(declaration);
      if (required) {
        const viaRequire = this.callableOfSymbol(required, depth + 1);
        if (viaRequire) return viaRequire;
      }
    }
    const target = this.aliasTarget(symbol);
    return target ? this.callableOfSymbol(target, depth + 1) : undefined;
  }

  /** The name a declaration gives, or for an import or destructuring, the name it takes. */
  private declaredName(declaration: ts.Declaration): string | undefined {
    const t = this.t;
    if (t.isFunctionDeclaration(declaration)) return declaration.name?.text;
    if (t.isImportSpecifier(declaration) || t.isExportSpecifier(declaration)) {
      return (declaration.propertyName ?? declaration.name).text;
    }
    if (t.isBindingElement(declaration)) {
      if (declaration.propertyName) return propertyNameText(t, declaration.propertyName);
      return t.isIdentifier(declaration.name) ? declaration.name.text : undefined;
    }
    if (
      t.isVariableDeclaration(declaration) ||
      t.isPropertyAssignment(declaration) ||
      t.isShorthandPropertyAssignment(declaration) ||
      t.isMethodDeclaration(declaration) ||
      t.isPropertyDeclaration(declaration)
    ) {
      return propertyNameText(t, declaration.name);
    }
    return undefined;
  }

  /** The symbol an import resolves to, when the imported module is part of the project. */
  private aliasTarget(symbol: ts.Symbol): ts.Symbol | undefined {
    if ((symbol.flags & this.t.SymbolFlags.Alias) === 0) return undefined;
    const target = this.checker.getAliasedSymbol(symbol);
    return target !== symbol && target.declarations && target.declarations.length > 0 ? target : undefined;
  }

  private followAliases(symbol: ts.Symbol | undefined): ts.Symbol | undefined {
    if (!symbol) return undefined;
    return this.aliasTarget(symbol) ?? symbol;
  }

  /** `a.b`: the symbol of `b`, also when `a` is `require("./x")` in a TypeScript file. */
  private memberSymbol(access: AccessExpression, key: string): ts.Symbol | undefined {
    const t = this.t;
    const symbol = this.checker.getSymbolAtLocation(accessKeyNode(t, access));
    if (symbol) return symbol;
    const object = unwrap(t, access.expression);
    if (!t.isIdentifier(object)) return undefined;
    const declaration = this.checker.getSymbolAtLocation(object)?.declarations?.[0];
    if (!declaration || !t.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
    const specifier = requireSpecifier(t, declaration.initializer) ?? awaitedImportSpecifier(t, declaration.initializer);
    if (specifier === undefined) return undefined;
    const moduleSymbol = this.moduleSymbol(declaration, specifier);
    return moduleSymbol ? this.checker.tryGetMemberInModuleExports(key, moduleSymbol) : undefined;
  }

  /** For `const { a } = require("./x")` in a TypeScript file (not an import there), the export `a`. */
  private requiredSymbol(declaration: ts.Declaration): ts.Symbol | undefined {
    const t = this.t;
    if (!t.isBindingElement(declaration) || !t.isObjectBindingPattern(declaration.parent)) return undefined;
    const holder = declaration.parent.parent;
    if (!t.isVariableDeclaration(holder) || !holder.initializer) return undefined;
    const specifier = requireSpecifier(t, holder.initializer) ?? awaitedImportSpecifier(t, holder.initializer);
    if (specifier === undefined) return undefined;
    const key = declaration.propertyName
      ? propertyNameText(t, declaration.propertyName)
      : t.isIdentifier(declaration.name)
        ? declaration.name.text
        : undefined;
    if (key === undefined) return undefined;
    const moduleSymbol = this.moduleSymbol(declaration, specifier);
    return moduleSymbol ? this.checker.tryGetMemberInModuleExports(key, moduleSymbol) : undefined;
  }

  private moduleSymbol(from: ts.Node, specifier: string): ts.Symbol | undefined {
    const fromFile = this.context.fileOf(from.getSourceFile());
    if (fromFile === undefined) return undefined;
    const target = this.context.resolve(fromFile, specifier);
    const sourceFile = target === undefined ? undefined : this.context.sourceFileOf(target);
    return sourceFile ? this.checker.getSymbolAtLocation(sourceFile) : undefined;
  }

  /** `n` where `n` is a plain parameter of the function it is used in. */
  private parameterSlot(argument: ts.Expression): { fn: FunctionNode; index: number; name: string } | undefined {
    const t = this.t;
    const inner = unwrap(t, argument);
    if (!t.isIdentifier(inner)) return undefined;
    const declaration = this.checker.getSymbolAtLocation(inner)?.valueDeclaration;
    if (!declaration || !t.isParameter(declaration) || !t.isIdentifier(declaration.name) || declaration.dotDotDotToken) {
      return undefined;
    }
    const fn = declaration.parent;
    if (!t.isFunctionDeclaration(fn) && !t.isArrowFunction(fn) && !t.isFunctionExpression(fn)) return undefined;
    const parameters = fn.parameters;
    const first = parameters[0];
    const thisOffset = first && t.isIdentifier(first.name) && first.name.text === "this" ? 1 : 0;
    return { fn, index: parameters.indexOf(declaration) - thisOffset, name: declaration.name.text };
  }

  /** Whether the function assigns to the name anywhere (then it does not pass its parameter through). */
  private isReassigned(fn: FunctionNode, name: string): boolean {
    const t = this.t;
    let assigned = this.reassigned.get(fn);
    if (!assigned) {
      const found = new Set<string>();
      const visit = (node: ts.Node): void => {
        if (t.isBinaryExpression(node)) {
          const operator = node.operatorToken.kind;
          if (operator >= t.SyntaxKind.FirstAssignment && operator <= t.SyntaxKind.LastAssignment) {
            const left = unwrap(t, node.left);
            if (t.isIdentifier(left)) found.add(left.text);
          }
        } else if (t.isPrefixUnaryExpression(node) || t.isPostfixUnaryExpression(node)) {
          const operand = unwrap(t, node.operand);
          if (
            t.isIdentifier(operand) &&
            (node.operator === t.SyntaxKind.PlusPlusToken || node.operator === t.SyntaxKind.MinusMinusToken)
          ) {
            found.add(operand.text);
          }
        }
        t.forEachChild(node, visit);
      };
      if (fn.body) visit(fn.body);
      assigned = found;
      this.reassigned.set(fn, assigned);
    }
    return assigned.has(name);
  }

  private emitAccessorCall(file: string, call: ts.CallExpression, callable: Callable): void {
    const t = this.t;
    const accessor = calleeName(t, call.expression) ?? unwrap(t, call.expression).getText();
    const dynamic = (node: ts.Node): void => {
      this.dynamicCalls.push({ accessor, position: nodePosition(t, node, file) });
    };
    const spread = call.arguments.slice(0, callable.nameIndex + 1).find((argument) => t.isSpreadElement(argument));
    if (spread) {
      dynamic(spread);
      return;
    }
    const argument = call.arguments[callable.nameIndex];
    if (!argument) {
      const parameter = callable.wrapper ? this.nameParameter(callable.wrapper, callable.nameIndex) : undefined;
      const name = parameter?.initializer ? this.staticName(parameter.initializer, 0) : undefined;
      if (name === undefined) dynamic(call);
      else this.reads.push({ name, kind: "accessor", position: nodePosition(t, call, file), secretLike: true });
      return;
    }
    const name = this.staticName(argument, 0);
    if (name !== undefined) {
      this.reads.push({ name, kind: "accessor", position: nodePosition(t, argument, file), secretLike: true });
      return;
    }
    if (this.isPassedThrough(argument)) return;
    dynamic(argument);
  }

  private nameParameter(fn: FunctionNode, nameIndex: number): ts.ParameterDeclaration | undefined {
    const first = fn.parameters[0];
    const thisOffset = first && this.t.isIdentifier(first.name) && first.name.text === "this" ? 1 : 0;
    return fn.parameters[nameIndex + thisOffset];
  }

  /** The wrapper's (or the accessor's own) parameter passed on: the body of a wrapper, not a dynamic call. */
  private isPassedThrough(argument: ts.Expression): boolean {
    const slot = this.parameterSlot(argument);
    if (!slot) return false;
    if (this.wrappers.has(slot.fn)) return true;
    const bound = boundFunctionName(this.t, slot.fn);
    return bound !== undefined && this.accessors.has(bound);
  }

  // ------------------------------------------------------------------ static names

  /** The string an expression is known to hold without running the code. */
  private staticName(expression: ts.Expression, depth: number): string | undefined {
    const t = this.t;
    const literal = staticString(t, expression);
    if (literal !== undefined) return literal;
    if (depth > MAX_DEPTH) return undefined;
    const inner = unwrap(t, expression);
    if (t.isIdentifier(inner)) return this.nameOfSymbol(this.checker.getSymbolAtLocation(inner), depth);
    if (isAccess(t, inner)) {
      const key = accessKey(t, inner);
      if (key === undefined) return undefined;
      const object = this.frozenObject(inner.expression, depth + 1);
      if (object) {
        const property = findObjectProperty(t, object, key);
        return property ? this.propertyValue(property, depth + 1) : undefined;
      }
      return this.nameOfSymbol(this.memberSymbol(inner, key), depth);
    }
    return undefined;
  }

  private nameOfSymbol(symbol: ts.Symbol | undefined, depth: number): string | undefined {
    const t = this.t;
    const target = this.followAliases(symbol);
    if (!target || depth > MAX_DEPTH) return undefined;
    for (const declaration of target.declarations ?? []) {
      if (t.isVariableDeclaration(declaration)) {
        if (!isConstDeclaration(t, declaration) || !t.isIdentifier(declaration.name) || !declaration.initializer) {
          return undefined;
        }
        return this.staticName(declaration.initializer, depth + 1);
      }
      if (t.isEnumMember(declaration)) {
        const value = this.checker.getConstantValue(declaration);
        return typeof value === "string" ? value : undefined;
      }
      if (t.isPropertyAssignment(declaration) || t.isShorthandPropertyAssignment(declaration)) {
        // a member of an object the checker knows; only constant when the object is frozen
        const object = declaration.parent;
        if (t.isObjectLiteralExpression(object) && this.isFrozenLiteral(object)) {
          return this.propertyValue(declaration, depth + 1);
        }
        return undefined;
      }
      const required = this.requiredSymbol(declaration);
      if (required) return this.nameOfSymbol(required, depth + 1);
    }
    return undefined;
  }

  private propertyValue(property: ts.PropertyAssignment | ts.ShorthandPropertyAssignment, depth: number): string | undefined {
    if (this.t.isPropertyAssignment(property)) return this.staticName(property.initializer, depth);
    return this.nameOfSymbol(this.checker.getShorthandAssignmentValueSymbol(property), depth);
  }

  /** Whether an object literal is (inside) the frozen initialiser of a `const`. */
  private isFrozenLiteral(object: ts.ObjectLiteralExpression): boolean {
    const t = this.t;
    let current: ts.Node = object;
    for (;;) {
      const holder = outermostValue(t, current).parent;
      if (holder && t.isPropertyAssignment(holder) && t.isObjectLiteralExpression(holder.parent)) {
        current = holder.parent;
        continue;
      }
      break;
    }
    return t.isObjectLiteralExpression(current) && outermostFrozenHolder(t, current) !== undefined;
  }

  /** The frozen object literal an expression refers to: `NAMES`, `NAMES.db`, `ns.NAMES`. */
  private frozenObject(expression: ts.Expression, depth: number): ts.ObjectLiteralExpression | undefined {
    const t = this.t;
    if (depth > MAX_DEPTH) return undefined;
    const inner = unwrap(t, expression);
    let symbol: ts.Symbol | undefined;
    if (t.isIdentifier(inner)) {
      symbol = this.checker.getSymbolAtLocation(inner);
    } else if (isAccess(t, inner)) {
      const key = accessKey(t, inner);
      if (key === undefined) return undefined;
      const parent = this.frozenObject(inner.expression, depth + 1);
      if (parent) {
        const property = findObjectProperty(t, parent, key);
        if (!property || !t.isPropertyAssignment(property)) return undefined;
        const value = unwrap(t, property.initializer);
        return t.isObjectLiteralExpression(value) ? value : undefined;
      }
      symbol = this.memberSymbol(inner, key);
    } else {
      return undefined;
    }
    const target = this.followAliases(symbol);
    const declaration = target?.valueDeclaration ?? target?.declarations?.[0];
    if (!declaration || !t.isVariableDeclaration(declaration) || !isConstDeclaration(t, declaration)) return undefined;
    return declaration.initializer ? frozenObjectLiteral(t, declaration.initializer) : undefined;
  }

  // ------------------------------------------------------------------ environment reads

  private emitEnvReads(nodes: FileNodes): void {
    const t = this.t;
    const roots = new Set<string>(GLOBAL_KINDS.keys());
    for (const local of nodes.processImportLocals) roots.add(local);
    // local names that may hold process, process.env and the like (by name; symbols decide)
    const pending = new Set(nodes.declarations);
    let grew = true;
    while (grew) {
      grew = false;
      for (const declaration of pending) {
        if (!this.rootMayBeEnv(declaration.initializer!, roots)) continue;
        pending.delete(declaration);
        addBoundNames(t, declaration.name, roots);
        grew = true;
      }
    }

    const read = (name: string, node: ts.Node): void => {
      this.reads.push({
        name,
        kind: "env",
        position: nodePosition(t, node, nodes.file),
        secretLike: this.context.settings.isSecretName(name),
      });
    };

    for (const access of nodes.accesses) {
      if (!this.rootMayBeEnv(access.expression, roots)) continue;
      if (isWriteTarget(t, access)) continue;
      const key = accessKey(t, access);
      if (key === undefined) continue;
      if (this.envKind(access.expression, 0) === "env") read(key, accessKeyNode(t, access));
    }
    for (const call of nodes.envCalls) {
      const callee = unwrap(t, call.expression) as AccessExpression;
      if (!this.rootMayBeEnv(callee.expression, roots)) continue;
      if (this.envKind(callee.expression, 0) !== "denoEnv") continue;
      const [argument] = call.arguments;
      const name = argument ? staticString(t, argument) : undefined;
      if (argument && name !== undefined) read(name, argument);
    }
    for (const holder of nodes.patterns) {
      if (!this.rootMayBeEnv(holder.initializer!, roots)) continue;
      const kind = this.envKind(holder.initializer!, 0);
      if (kind) this.readBindingPattern(holder.name as ts.ObjectBindingPattern, kind, read);
    }
    for (const assignment of nodes.assignments) {
      if (!this.rootMayBeEnv(assignment.right, roots)) continue;
      const kind = this.envKind(assignment.right, 0);
      if (kind) this.readAssignmentPattern(unwrap(t, assignment.left) as ts.ObjectLiteralExpression, kind, read);
    }
  }

  /** A cheap test before asking for symbols: the chain starts at a name that can reach the environment. */
  private rootMayBeEnv(expression: ts.Expression, roots: ReadonlySet<string>): boolean {
    const t = this.t;
    let current = unwrap(t, expression);
    while (isAccess(t, current)) current = unwrap(t, current.expression);
    if (t.isIdentifier(current)) return roots.has(current.text);
    if (t.isMetaProperty(current)) return current.keywordToken === t.SyntaxKind.ImportKeyword;
    const specifier = requireSpecifier(t, current);
    return specifier !== undefined && PROCESS_MODULES.has(specifier);
  }

  private readBindingPattern(
    pattern: ts.ObjectBindingPattern,
    kind: EnvKind,
    read: (name: string, node: ts.Node) => void,
  ): void {
    const t = this.t;
    for (const element of pattern.elements) {
      if (element.dotDotDotToken) continue;
      const keyNode = element.propertyName ?? element.name;
      const key = element.propertyName
        ? propertyNameText(t, element.propertyName)
        : t.isIdentifier(element.name)
          ? element.name.text
          : undefined;
      if (key === undefined) continue;
      if (kind === "env") {
        read(key, keyNode);
        continue;
      }
      const inner = memberKind(kind, key);
      if (inner && t.isObjectBindingPattern(element.name)) this.readBindingPattern(element.name, inner, read);
    }
  }

  private readAssignmentPattern(
    pattern: ts.ObjectLiteralExpression,
    kind: EnvKind,
    read: (name: string, node: ts.Node) => void,
  ): void {
    const t = this.t;
    for (const property of pattern.properties) {
      if (!t.isPropertyAssignment(property) && !t.isShorthandPropertyAssignment(property)) continue;
      const key = propertyNameText(t, property.name);
      if (key === undefined) continue;
      if (kind === "env") {
        read(key, property.name);
        continue;
      }
      const inner = memberKind(kind, key);
      if (!inner || !t.isPropertyAssignment(property)) continue;
      const target = unwrap(t, property.initializer);
      if (t.isObjectLiteralExpression(target)) this.readAssignmentPattern(target, inner, read);
    }
  }

  /** What an expression evaluates to on the way to the environment, if anything. */
  private envKind(expression: ts.Expression, depth: number): EnvKind | undefined {
    const t = this.t;
    if (depth > MAX_DEPTH) return undefined;
    const inner = unwrap(t, expression);
    const cached = this.envKindOfNode.get(inner);
    if (cached !== undefined) return cached ?? undefined;
    this.envKindOfNode.set(inner, null); // cycle guard
    let kind: EnvKind | undefined;
    if (t.isIdentifier(inner)) {
      const symbol = this.checker.getSymbolAtLocation(inner);
      kind =
        !symbol || !symbol.declarations || symbol.declarations.length === 0
          ? GLOBAL_KINDS.get(inner.text)
          : this.envKindOfDeclaredSymbol(symbol, depth);
    } else if (isAccess(t, inner)) {
      const key = accessKey(t, inner);
      kind = key === undefined ? undefined : memberKind(this.envKind(inner.expression, depth + 1), key);
    } else if (t.isMetaProperty(inner)) {
      kind = inner.keywordToken === t.SyntaxKind.ImportKeyword && inner.name.text === "meta" ? "importMeta" : undefined;
    } else {
      const specifier = requireSpecifier(t, inner);
      if (specifier !== undefined && PROCESS_MODULES.has(specifier)) {
        const requireCallee = unwrap(t, (inner as ts.CallExpression).expression);
        const requireSymbol = this.checker.getSymbolAtLocation(requireCallee);
        const local = requireSymbol?.declarations?.some((declaration) => !isAmbient(t, declaration)) ?? false;
        kind = local ? undefined : "process";
      }
    }
    this.envKindOfNode.set(inner, kind ?? null);
    return kind;
  }

  private envKindOfDeclaredSymbol(symbol: ts.Symbol, depth: number): EnvKind | undefined {
    const cached = this.envKindOfSymbol.get(symbol);
    if (cached !== undefined) return cached ?? undefined;
    this.envKindOfSymbol.set(symbol, null); // cycle guard
    const kind = this.computeEnvKindOfSymbol(symbol, depth);
    this.envKindOfSymbol.set(symbol, kind ?? null);
    return kind;
  }

  private computeEnvKindOfSymbol(symbol: ts.Symbol, depth: number): EnvKind | undefined {
    const t = this.t;
    const declaration = symbol.declarations![0]!;
    if (isAmbient(t, declaration)) return GLOBAL_KINDS.get(symbol.name); // `declare const process: …`
    if (t.isImportSpecifier(declaration) || t.isImportClause(declaration) || t.isNamespaceImport(declaration) || t.isImportEqualsDeclaration(declaration)) {
      const specifier = importModuleSpecifier(t, declaration);
      if (specifier === undefined || !PROCESS_MODULES.has(specifier)) return undefined;
      if (!t.isImportSpecifier(declaration)) return "process";
      const imported = (declaration.propertyName ?? declaration.name).text;
      return imported === "env" ? "env" : imported === "default" ? "process" : undefined;
    }
    if (t.isVariableDeclaration(declaration)) {
      return t.isIdentifier(declaration.name) && declaration.initializer
        ? this.envKind(declaration.initializer, depth + 1)
        : undefined;
    }
    if (t.isBindingElement(declaration)) return this.envKindOfBindingElement(declaration, depth + 1);
    return undefined;
  }

  private envKindOfBindingElement(element: ts.BindingElement, depth: number): EnvKind | undefined {
    const t = this.t;
    if (depth > MAX_DEPTH || element.dotDotDotToken || !t.isObjectBindingPattern(element.parent)) return undefined;
    const key = element.propertyName
      ? propertyNameText(t, element.propertyName)
      : t.isIdentifier(element.name)
        ? element.name.text
        : undefined;
    if (key === undefined) return undefined;
    const holder = element.parent.parent;
    let base: EnvKind | undefined;
    if ((t.isVariableDeclaration(holder) || t.isParameter(holder)) && holder.initializer) {
      base = this.envKind(holder.initializer, depth + 1);
    } else if (t.isBindingElement(holder)) {
      base = this.envKindOfBindingElement(holder, depth + 1);
    }
    return memberKind(base, key);
  }
}

/** Declared with `declare` (or inside `declare global`, or in a `.d.ts` file): a description of a global. */
function isAmbient(t: TS, declaration: ts.Node): boolean {
  if (declaration.getSourceFile().isDeclarationFile) return true;
  // the parser marks nodes in an ambient context (`NodeFlags.Ambient`, internal); else look for `declare`
  const ambientFlag = (t.NodeFlags as unknown as Record<string, number | undefined>)["Ambient"];
  if (ambientFlag !== undefined) return (declaration.flags & ambientFlag) !== 0;
  for (let node: ts.Node | undefined = declaration; node && !t.isSourceFile(node); node = node.parent) {
    if (t.canHaveModifiers(node) && (t.getCombinedModifierFlags(node as ts.Declaration) & t.ModifierFlags.Ambient) !== 0) {
      return true;
    }
  }
  return false;
}

/** `process.env.X = …` and `delete process.env.X` write; they do not read. */
function isWriteTarget(t: TS, access: AccessExpression): boolean {
  const value = outermostValue(t, access);
  const parent = value.parent;
  if (!parent) return false;
  if (t.isBinaryExpression(parent)) return parent.left === value && parent.operatorToken.kind === t.SyntaxKind.EqualsToken;
  return t.isDeleteExpression(parent);
}

function addBoundNames(t: TS, name: ts.BindingName, into: Set<string>): void {
  if (t.isIdentifier(name)) {
    into.add(name.text);
    return;
  }
  for (const element of name.elements) {
    if (!t.isOmittedExpression(element)) addBoundNames(t, element.name, into);
  }
}

/** The `const` declaration whose frozen initialiser contains the object literal, if any. */
function outermostFrozenHolder(t: TS, object: ts.Node): ts.VariableDeclaration | undefined {
  let current: ts.Node = object;
  // climb out of `as const`, `satisfies`, parentheses and `Object.freeze(…)`
  for (;;) {
    const parent: ts.Node | undefined = current.parent;
    if (!parent) return undefined;
    if (t.isParenthesizedExpression(parent) || t.isAsExpression(parent) || t.isSatisfiesExpression(parent)) {
      current = parent;
      continue;
    }
    if (t.isCallExpression(parent) && parent.arguments[0] === current) {
      current = parent;
      continue;
    }
    break;
  }
  const holder = current.parent;
  if (!holder || !t.isVariableDeclaration(holder) || holder.initializer !== current || !isConstDeclaration(t, holder)) {
    return undefined;
  }
  return frozenObjectLiteral(t, holder.initializer) === object ? holder : undefined;
}
