/**
 * What a parsed file tells by syntax alone about the names accessors can be called by, before the
 * program is built: which functions may wrap an accessor, under which local names the file imports
 * or re-exports a name. It is deliberately generous (names, not symbols): it only decides which
 * more files are worth parsing and which calls the symbol pass looks at, and that pass decides.
 */
import type { ts } from "ts-morph";
import {
  awaitedImportSpecifier,
  boundFunctionName,
  calleeName,
  frozenObjectLiteral,
  hasDefaultModifier,
  importModuleSpecifier,
  isConstDeclaration,
  PROCESS_MODULES,
  propertyNameText,
  requireSpecifier,
  unwrap,
  type TS,
} from "./syntax.js";

export interface FunctionSummary {
  readonly name: string;
  readonly isDefaultExport: boolean;
  readonly params: readonly string[];
  /** Calls anywhere in the body: the callee's name and the plain identifiers passed. */
  readonly calls: Array<{ readonly callee: string; readonly args: readonly string[] }>;
}

export interface Binding {
  readonly local: string;
  /** The exported name taken, `default`, or `*` for the whole module. */
  readonly imported: string;
  readonly specifier: string;
}

/** The nodes the symbol pass looks at, collected in the same walk (the program keeps these nodes). */
export interface CollectedNodes {
  /** Calls made by a name: `f(…)`, `a.f(…)` (the symbol pass keeps those by an accessor-like name). */
  readonly calls: ts.CallExpression[];
  /** With `env`: calls of a method named `get` (`Deno.env.get("X")`). */
  readonly envCalls: ts.CallExpression[];
  /** With `env`: every member access (`process.env.X` and what may lead to it). */
  readonly accesses: Array<ts.PropertyAccessExpression | ts.ElementAccessExpression>;
  /** With `env`: `const { X } = …` and `({ X } = …)` parameters with an object pattern and a default. */
  readonly patterns: Array<ts.VariableDeclaration | ts.ParameterDeclaration>;
  /** With `env`: `({ X } = …)`. */
  readonly assignments: ts.BinaryExpression[];
  /** With `env`: variable declarations with an initialiser (for aliases of `process` and `process.env`). */
  readonly declarations: ts.VariableDeclaration[];
  /** With `env`: local names bound by imports of `process` / `node:process`. */
  readonly processImportLocals: string[];
}

export interface FileSummary {
  readonly functions: readonly FunctionSummary[];
  /** `const local = target` or `const local = a.target`. */
  readonly aliases: ReadonlyArray<readonly [local: string, target: string]>;
  readonly bindings: readonly Binding[];
  /** `export { local as exported }`, with the module for `export … from`. */
  readonly exportAliases: ReadonlyArray<{ readonly local: string; readonly exported: string; readonly specifier?: string }>;
  /** `export default name`. */
  readonly defaultExportName: string | undefined;
  /** Every call made by a name: the name, and the identifiers its callee and arguments start from. */
  readonly calls: ReadonlyArray<{ readonly callee: string; readonly roots: readonly string[] }>;
  /** `const` declarations that can hold a name: the identifiers their value refers to. */
  readonly consts: ReadonlyMap<string, { readonly roots: readonly string[]; readonly exported: boolean }>;
  /** Local names the file exports by `export { a }` or `export default a`. */
  readonly exportedLocals: readonly string[];
  readonly nodes: CollectedNodes;
}

/**
 * One walk over a parsed file: the summary for discovery, and the nodes for the symbol pass
 * (environment nodes only when `collectEnv`, i.e. the text can contain an environment read).
 */
export function summarizeFile(t: TS, sourceFile: ts.SourceFile, collectEnv: boolean): FileSummary {
  const K = t.SyntaxKind;
  const functions: FunctionSummary[] = [];
  const aliases: Array<readonly [string, string]> = [];
  const bindings: Binding[] = [];
  const exportAliases: Array<{ local: string; exported: string; specifier?: string }> = [];
  let defaultExportName: string | undefined;
  const calls: Array<{ callee: string; roots: string[] }> = [];
  const consts = new Map<string, { roots: string[]; exported: boolean }>();
  const exportedLocals: string[] = [];
  const nodes: CollectedNodes = {
    calls: [],
    envCalls: [],
    accesses: [],
    patterns: [],
    assignments: [],
    declarations: [],
    processImportLocals: [],
  };
  const open: FunctionSummary[] = [];

  const visitCall = (call: ts.CallExpression): void => {
    const callee = calleeName(t, call.expression);
    if (callee === undefined) return;
    nodes.calls.push(call);
    if (collectEnv && callee === "get") nodes.envCalls.push(call);
    if (open.length > 0) {
      const args: string[] = [];
      for (const argument of call.arguments) {
        const inner = unwrap(t, argument);
        if (t.isIdentifier(inner)) args.push(inner.text);
      }
      if (args.length > 0) for (const fn of open) fn.calls.push({ callee, args });
    }
    const roots: string[] = [];
    const calleeRoot = chainRoot(t, call.expression);
    if (calleeRoot !== undefined) roots.push(calleeRoot);
    for (const argument of call.arguments) {
      const root = chainRoot(t, argument);
      if (root !== undefined) roots.push(root);
    }
    if (roots.length > 0) calls.push({ callee, roots });
  };

  const visitVariable = (declaration: ts.VariableDeclaration, initializer: ts.Expression): void => {
    if (collectEnv) {
      nodes.declarations.push(declaration);
      if (t.isObjectBindingPattern(declaration.name)) nodes.patterns.push(declaration);
    }
    const name = declaration.name;
    const isConst = isConstDeclaration(t, declaration);
    const specifier = requireSpecifier(t, initializer) ?? awaitedImportSpecifier(t, initializer);
    if (t.isIdentifier(name)) {
      if (specifier !== undefined) {
        bindings.push({ local: name.text, imported: "*", specifier });
        return;
      }
      if (!isConst) return;
      const roots = nameValueRoots(t, initializer, 0);
      if (roots.length > 0) {
        const statement = declaration.parent.parent;
        consts.set(name.text, { roots, exported: t.isVariableStatement(statement) && hasExportModifier(t, statement) });
      }
      const target = unwrap(t, initializer);
      if (t.isIdentifier(target) || t.isPropertyAccessExpression(target) || t.isElementAccessExpression(target)) {
        const targetName = calleeName(t, target);
        if (targetName !== undefined) aliases.push([name.text, targetName]);
      }
    } else if (specifier !== undefined && t.isObjectBindingPattern(name)) {
      for (const element of name.elements) {
        if (element.dotDotDotToken || !t.isIdentifier(element.name)) continue;
        const imported = element.propertyName ? propertyNameText(t, element.propertyName) : element.name.text;
        if (imported !== undefined) bindings.push({ local: element.name.text, imported, specifier });
      }
    }
  };

  const visitImport = (declaration: ts.ImportDeclaration): void => {
    const specifier = importModuleSpecifier(t, declaration);
    const clause = declaration.importClause;
    if (specifier === undefined || !clause) return;
    const locals: string[] = [];
    if (clause.name) {
      bindings.push({ local: clause.name.text, imported: "default", specifier });
      locals.push(clause.name.text);
    }
    const named = clause.namedBindings;
    if (named && t.isNamespaceImport(named)) {
      bindings.push({ local: named.name.text, imported: "*", specifier });
      locals.push(named.name.text);
    } else if (named) {
      for (const element of named.elements) {
        bindings.push({ local: element.name.text, imported: (element.propertyName ?? element.name).text, specifier });
        locals.push(element.name.text);
      }
    }
    if (collectEnv && PROCESS_MODULES.has(specifier)) nodes.processImportLocals.push(...locals);
  };

  const visit = (node: ts.Node): void => {
    let opened: FunctionSummary | undefined;
    switch (node.kind) {
      case K.PropertyAccessExpression:
      case K.ElementAccessExpression:
        if (collectEnv) nodes.accesses.push(node as ts.PropertyAccessExpression | ts.ElementAccessExpression);
        break;
      case K.CallExpression:
        visitCall(node as ts.CallExpression);
        break;
      case K.Identifier:
      case K.StringLiteral:
      case K.NumericLiteral:
        return; // leaves
      case K.VariableDeclaration: {
        const declaration = node as ts.VariableDeclaration;
        if (declaration.initializer) visitVariable(declaration, declaration.initializer);
        break;
      }
      case K.Parameter: {
        const parameter = node as ts.ParameterDeclaration;
        if (collectEnv && parameter.initializer && t.isObjectBindingPattern(parameter.name)) nodes.patterns.push(parameter);
        break;
      }
      case K.BinaryExpression: {
        const binary = node as ts.BinaryExpression;
        if (collectEnv && binary.operatorToken.kind === K.EqualsToken && t.isObjectLiteralExpression(unwrap(t, binary.left))) {
          nodes.assignments.push(binary);
        }
        break;
      }
      case K.FunctionDeclaration:
      case K.ArrowFunction:
      case K.FunctionExpression: {
        const fn = node as ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;
        const name = boundFunctionName(t, fn);
        if (name !== undefined) {
          const params: string[] = [];
          for (const parameter of fn.parameters) if (t.isIdentifier(parameter.name)) params.push(parameter.name.text);
          opened = {
            name,
            isDefaultExport: name === "default" || (t.isFunctionDeclaration(fn) && hasDefaultModifier(t, fn)),
            params,
            calls: [],
          };
          functions.push(opened);
          open.push(opened);
        }
        break;
      }
      case K.ImportDeclaration:
        visitImport(node as ts.ImportDeclaration);
        return;
      case K.ImportEqualsDeclaration: {
        const declaration = node as ts.ImportEqualsDeclaration;
        const specifier = importModuleSpecifier(t, declaration);
        if (specifier !== undefined) {
          bindings.push({ local: declaration.name.text, imported: "*", specifier });
          if (collectEnv && PROCESS_MODULES.has(specifier)) nodes.processImportLocals.push(declaration.name.text);
        }
        return;
      }
      case K.ExportDeclaration: {
        const declaration = node as ts.ExportDeclaration;
        const specifier =
          declaration.moduleSpecifier && t.isStringLiteral(declaration.moduleSpecifier)
            ? declaration.moduleSpecifier.text
            : undefined;
        if (declaration.exportClause && t.isNamedExports(declaration.exportClause)) {
          for (const element of declaration.exportClause.elements) {
            const local = (element.propertyName ?? element.name).text;
            const exported = element.name.text;
            exportAliases.push(specifier === undefined ? { local, exported } : { local, exported, specifier });
            if (specifier === undefined) exportedLocals.push(local);
            if (exported === "default" && specifier === undefined) defaultExportName = local;
          }
        }
        return;
      }
      case K.ExportAssignment: {
        const assignment = node as ts.ExportAssignment;
        const expression = unwrap(t, assignment.expression);
        if (!assignment.isExportEquals && t.isIdentifier(expression)) {
          defaultExportName = expression.text;
          exportedLocals.push(expression.text);
        }
        break;
      }
      default:
        break;
    }
    t.forEachChild(node, visit);
    if (opened) open.pop();
  };
  visit(sourceFile);
  return { functions, aliases, bindings, exportAliases, defaultExportName, calls, consts, exportedLocals, nodes };
}

/** The identifier an access chain starts from: `a.b["c"]` → `a`. */
function chainRoot(t: TS, expression: ts.Expression): string | undefined {
  let current = unwrap(t, expression);
  while (t.isPropertyAccessExpression(current) || t.isElementAccessExpression(current)) {
    current = unwrap(t, current.expression);
  }
  return t.isIdentifier(current) ? current.text : undefined;
}

/**
 * The identifiers a `const` value that can hold a secret name refers to: `OTHER`, `ns.NAMES.DB`,
 * and the values of an `as const` / `Object.freeze` object. Calls, operators and the like are
 * never static names, so they refer to nothing here.
 */
function nameValueRoots(t: TS, value: ts.Expression, depth: number): string[] {
  if (depth > 8) return [];
  const frozen = frozenObjectLiteral(t, value);
  const inner = frozen ?? unwrap(t, value);
  if (t.isObjectLiteralExpression(inner)) {
    const roots: string[] = [];
    for (const property of inner.properties) {
      if (t.isPropertyAssignment(property)) roots.push(...nameValueRoots(t, property.initializer, depth + 1));
      else if (t.isShorthandPropertyAssignment(property)) roots.push(property.name.text);
    }
    return roots;
  }
  const root = chainRoot(t, inner);
  return root === undefined ? [] : [root];
}

function hasExportModifier(t: TS, node: ts.Node): boolean {
  const modifiers = t.canHaveModifiers(node) ? t.getModifiers(node) : undefined;
  return modifiers?.some((modifier) => modifier.kind === t.SyntaxKind.ExportKeyword) ?? false;
}

/**
 * The imports of a parsed file that symbol resolution may have to follow: those that bind the
 * callee or an argument of a call by one of `localNames`, and those that exported `const`s (and
 * `export { a }`) refer to, through the file's own `const`s. Other imports cannot change a result,
 * so their files are not parsed.
 */
export function neededImports(
  file: string,
  summary: FileSummary,
  localNames: ReadonlySet<string>,
  resolve: (fromFile: string, specifier: string) => string | undefined,
): string[] {
  const seen = new Set<string>();
  const work: string[] = [];
  const need = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    work.push(name);
  };
  for (const call of summary.calls) if (localNames.has(call.callee)) for (const root of call.roots) need(root);
  for (const entry of summary.consts.values()) if (entry.exported) for (const root of entry.roots) need(root);
  for (const local of summary.exportedLocals) need(local);
  while (work.length > 0) {
    const entry = summary.consts.get(work.pop()!);
    if (entry) for (const root of entry.roots) need(root);
  }
  const targets: string[] = [];
  for (const binding of summary.bindings) {
    if (!seen.has(binding.local)) continue;
    const target = resolve(file, binding.specifier);
    if (target !== undefined) targets.push(target);
  }
  return targets;
}

export interface NameAnalysis {
  /** Names that may call an accessor: the accessors, wrapper functions, aliases and re-exports. */
  readonly names: ReadonlySet<string>;
  /** Per file, the names plus the local names of bindings that take one of them. */
  readonly localNames: ReadonlyMap<string, ReadonlySet<string>>;
  /** Files whose default export may be a wrapper: whoever imports them is worth parsing. */
  readonly defaultWrapperFiles: ReadonlySet<string>;
}

/**
 * Grows the accessor names to a fixpoint over the summaries: a function that passes one of its
 * parameters to a call of a known name is a (possible) wrapper, and so is its name.
 */
export function analyzeNames(
  accessors: readonly string[],
  summaries: ReadonlyMap<string, FileSummary>,
  resolve: (fromFile: string, specifier: string) => string | undefined,
): NameAnalysis {
  const names = new Set(accessors);
  const defaultWrapperFiles = new Set<string>();
  const localNames = new Map<string, Set<string>>();
  const files = [...summaries.keys()].sort();

  let changed = true;
  while (changed) {
    changed = false;
    const add = (name: string): void => {
      if (name === "default" || names.has(name)) return;
      names.add(name);
      changed = true;
    };
    const markDefault = (file: string): void => {
      if (defaultWrapperFiles.has(file)) return;
      defaultWrapperFiles.add(file);
      changed = true;
    };
    for (const file of files) {
      const summary = summaries.get(file)!;
      const local = new Set(names);
      for (const binding of summary.bindings) {
        if (names.has(binding.imported)) {
          local.add(binding.local);
        } else if (binding.imported === "default" || binding.imported === "*") {
          const target = resolve(file, binding.specifier);
          if (target !== undefined && defaultWrapperFiles.has(target)) local.add(binding.local);
        }
      }
      for (const [alias, target] of summary.aliases) {
        if (local.has(target)) {
          local.add(alias);
          add(alias);
        }
      }
      for (const fn of summary.functions) {
        const isWrapper = fn.calls.some((call) => local.has(call.callee) && call.args.some((arg) => fn.params.includes(arg)));
        if (!isWrapper) continue;
        local.add(fn.name);
        add(fn.name);
        if (fn.isDefaultExport) markDefault(file);
      }
      if (summary.defaultExportName !== undefined && local.has(summary.defaultExportName)) markDefault(file);
      for (const { local: exportedLocal, exported, specifier } of summary.exportAliases) {
        let takes = local.has(exportedLocal);
        if (!takes && specifier !== undefined && exportedLocal === "default") {
          const target = resolve(file, specifier);
          takes = target !== undefined && defaultWrapperFiles.has(target);
        }
        if (!takes) continue;
        if (exported === "default") markDefault(file);
        else add(exported);
      }
      localNames.set(file, local);
    }
  }
  return { names, localNames, defaultWrapperFiles };
}
