/**
 * The code reader: which secret names and environment variables the repository's code reads.
 *
 * Stages, cheapest first, so that a large tree costs little more than reading it:
 *  1. read every file; a regular-expression scan gives the import graph, and a text test picks the
 *     candidates (files that mention an accessor or an environment root);
 *  2. parse the candidates with TypeScript, in memory, and the files they import that symbols can
 *     resolve into (the imports an accessor call or a name refers to, and their re-exports); a
 *     syntactic pass finds possible wrappers, whose names select more files, to a fixpoint;
 *  3. build the program once and resolve symbols (never type-check) to find accessor calls, their
 *     wrappers and names, and the environment reads.
 * TypeScript (the copy ts-morph bundles) is only loaded when some file needs parsing.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { mayReadEnv, resolveSecretsSettings, type ResolvedSecretsSettings, type SecretsSettingsInput } from "@secrets-suite/core";
import type * as TsMorphModule from "ts-morph";
import type { ts } from "ts-morph";
import type { CodeFacts, DynamicAccessorCall, InputProblem, Position, SecretRead } from "../model.js";
import { startAnalysis } from "./analysis-thread.js";
import { analyzeFiles, type AnalyzedFile } from "./analyze.js";
import { analyzeNames, neededImports, summarizeFile, type FileSummary, type NameAnalysis } from "./discovery.js";
import { namePattern, readTexts } from "./files.js";
import { ImportResolver, importEdges, type ImportEdge } from "./imports.js";
import type { TS } from "./syntax.js";
import { findWorkspacePackages, type WorkspacePackage } from "./workspace.js";

/**
 * Reads the code facts of a repository.
 * @param root absolute path of the scan root
 * @param files every code file of the repository, POSIX paths relative to `root`
 */
export async function readCode(
  root: string,
  files: readonly string[],
  settings: ResolvedSecretsSettings,
): Promise<CodeFacts> {
  const rootAbsolute = path.resolve(root);
  const codeFiles = [...new Set(files)].sort();
  // on a large tree, TypeScript loads on the analysis thread while this one reads the files
  const analysis = startAnalysis(codeFiles.length);
  try {
    const problems: InputProblem[] = [];
    const texts = readTexts(rootAbsolute, codeFiles, problems);

    const packages = findWorkspacePackages(rootAbsolute, codeFiles);
    const resolver = new ImportResolver(new Set(codeFiles), packages);
    const edges = new Map<string, ImportEdge[]>();
    const imports = new Map<string, readonly string[]>();
    for (const file of codeFiles) {
      const text = texts.get(file);
      if (text === undefined) continue;
      const fileEdges = importEdges(file, text, resolver);
      edges.set(file, fileEdges);
      imports.set(file, fileEdges.map((edge) => edge.target).sort());
    }

    const accessorPattern = namePattern(settings.accessors);
    const candidates: string[] = [];
    for (const [file, text] of texts) if (accessorPattern?.test(text) || mayReadEnv(text)) candidates.push(file);

    let reads: SecretRead[] = [];
    let dynamicCalls: DynamicAccessorCall[] = [];
    if (candidates.length > 0) {
      const input = { rootAbsolute, codeFiles, edges, candidates: candidates.sort(), packages, settings: settings.input };
      const parsed = await analysis.run(input, texts);
      reads = parsed.reads;
      dynamicCalls = parsed.dynamicCalls;
      problems.push(...parsed.problems);
    }

    return {
      reads: dedupe(reads.sort(compareReads), (read) => `${read.kind}\0${read.name}\0${positionKey(read.position)}`),
      dynamicCalls: dedupe(dynamicCalls.sort(compareDynamicCalls), (call) => `${call.accessor}\0${positionKey(call.position)}`),
      imports,
      filesScanned: codeFiles.length,
      problems: problems.sort(compareProblems),
    };
  } finally {
    analysis.close();
  }
}

/**
 * What the parsing stage needs from the reading stage, as plain (structured-cloneable) data, so
 * that the stage can run on the analysis thread (see analysis-thread.ts). The files' texts are
 * not in it: the stage asks a TextSource for the few it needs.
 */
export interface AnalysisInput {
  /** Absolute path of the scan root. */
  readonly rootAbsolute: string;
  /** Every code file discovered, readable or not: import resolution sees them all. */
  readonly codeFiles: readonly string[];
  /** The import edges of every readable file (a file without an entry could not be read). */
  readonly edges: ReadonlyMap<string, readonly ImportEdge[]>;
  /** The files the text test picked, sorted. */
  readonly candidates: readonly string[];
  readonly packages: readonly WorkspacePackage[];
  /** The validated settings block (resolved again where the stage runs). */
  readonly settings: SecretsSettingsInput;
}

export interface AnalysisOutput {
  readonly reads: SecretRead[];
  readonly dynamicCalls: DynamicAccessorCall[];
  readonly problems: InputProblem[];
}

/** Where the parsing stage gets the texts of files, which the reading stage holds. */
export interface TextSource {
  /** A text made available by `fetch` (undefined for an unreadable file). */
  get(file: string): string | undefined;
  /** Makes the texts of `files` available to `get`. */
  fetch(files: readonly string[]): Promise<void>;
  /** The files whose text mentions one of `names` as a whole identifier. */
  mentioning(names: readonly string[]): Promise<string[]>;
}

/** A TextSource over texts this thread holds. */
export function textSourceOf(texts: ReadonlyMap<string, string>): TextSource {
  return {
    get: (file) => texts.get(file),
    fetch: async () => undefined,
    mentioning: async (names) => filesMentioning(texts, names),
  };
}

/** The files of `texts` that mention one of `names` as a whole identifier, in the map's order. */
export function filesMentioning(texts: ReadonlyMap<string, string>, names: readonly string[]): string[] {
  const pattern = namePattern(names);
  if (!pattern) return [];
  const found: string[] = [];
  for (const [file, text] of texts) if (pattern.test(text)) found.push(file);
  return found;
}

/**
 * The parsing stage: parses the candidates (and, to a fixpoint, the files their names and
 * wrappers lead to) and resolves their accessor calls and environment reads. `typescript` is the
 * module when the caller has loaded it already.
 */
export async function parseAndAnalyze(input: AnalysisInput, texts: TextSource, typescript?: TS): Promise<AnalysisOutput> {
  const { edges, packages } = input;
  const candidates = new Set(input.candidates);
  const resolver = new ImportResolver(new Set(input.codeFiles), packages);
  // validated already, where it was first resolved
  const settings = resolveSecretsSettings(input.settings);
  const rootPosix = input.rootAbsolute.split(path.sep).join("/");
  const absolute = (file: string): string => path.posix.join(rootPosix, file);
  const resolve = (fromFile: string, specifier: string): string | undefined => resolver.resolve(fromFile, specifier);

  const t = typescript ?? (await loadTypeScript());
  const paths: Record<string, string[]> = {};
  for (const workspacePackage of packages) {
    const dir = absolute(workspacePackage.dir);
    if (workspacePackage.entry !== undefined) paths[workspacePackage.name] = [absolute(workspacePackage.entry)];
    for (const [subpath, file] of workspacePackage.subpaths) paths[`${workspacePackage.name}/${subpath}`] = [absolute(file)];
    paths[`${workspacePackage.name}/*`] = [`${dir}/src/*`, `${dir}/*`];
  }
  const compilerOptions: ts.CompilerOptions = {
    allowJs: true,
    noLib: true,
    types: [],
    jsx: t.JsxEmit.Preserve,
    module: t.ModuleKind.ESNext,
    moduleResolution: t.ModuleResolutionKind.Bundler,
    target: t.ScriptTarget.ESNext,
    paths,
  };

  const sourceFiles = new Map<string, ts.SourceFile>();
  const summaries = new Map<string, FileSummary>();
  const unusable = new Map<string, InputProblem>();

  const parse = (file: string): void => {
    const text = texts.get(file);
    if (text === undefined || sourceFiles.has(file)) return;
    let sourceFile: ts.SourceFile;
    try {
      // parent pointers set: the analysis climbs the tree; the script kind follows the extension.
      // JSDoc is not parsed: it declares types, never the values whose symbols the analysis
      // follows, and parsing it costs time and garbage on commented code. Each file is added once.
      sourceFile = t.createSourceFile(
        absolute(file),
        text,
        { languageVersion: t.ScriptTarget.ESNext, jsDocParsingMode: t.JSDocParsingMode.ParseNone },
        true,
      );
    } catch {
      unusable.set(file, { file, message: "skipped: could not parse the file" });
      return;
    }
    sourceFiles.set(file, sourceFile);
    const diagnostic = (sourceFile as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics?.[0];
    if (diagnostic) {
      unusable.set(file, syntaxProblem(t, file, sourceFile, diagnostic));
      return;
    }
    try {
      summaries.set(file, summarizeFile(t, sourceFile, mayReadEnv(text)));
    } catch {
      unusable.set(file, { file, message: "skipped: could not analyse the file's syntax tree" });
    }
  };

  /** A file and what it re-exports, transitively (an `export … from` chain is needed whole). */
  const addWithReexports = (file: string, into: Set<string>): void => {
    if (into.has(file) || !edges.has(file)) return;
    into.add(file);
    for (const edge of edges.get(file) ?? []) if (edge.reexport) addWithReexports(edge.target, into);
  };

  const testedNames = new Set(settings.accessors);
  let names: NameAnalysis = analyzeNames(settings.accessors, summaries, resolve);
  let toParse: string[] = [...candidates].sort();
  while (toParse.length > 0) {
    await texts.fetch(toParse);
    for (const file of toParse) parse(file);
    names = analyzeNames(settings.accessors, summaries, resolve);

    const next = new Set<string>();
    // files that call a wrapper found in this round: by its name, or as the default import of its file
    const fresh = [...names.names].filter((name) => !testedNames.has(name));
    for (const name of fresh) testedNames.add(name);
    const callers = new Set(fresh.length > 0 ? await texts.mentioning(fresh) : []);
    for (const file of edges.keys()) {
      if (candidates.has(file)) continue;
      const importsWrapper = (edges.get(file) ?? []).some((edge) => names.defaultWrapperFiles.has(edge.target));
      if (importsWrapper || callers.has(file)) {
        candidates.add(file);
        next.add(file);
      }
    }
    // files whose symbols the parsed files' accessor calls and names may resolve to
    const context = new Set<string>();
    for (const [file, summary] of summaries) {
      const localNames = names.localNames.get(file) ?? names.names;
      for (const target of neededImports(file, summary, localNames, resolve)) addWithReexports(target, context);
    }
    for (const file of context) next.add(file);
    toParse = [...next].filter((file) => !sourceFiles.has(file)).sort();
  }

  const program = createProgram(t, rootPosix, compilerOptions, sourceFiles);
  const checker = program.getTypeChecker();
  // the program holds the very trees parsed above (its host hands them over as they are)
  const fileBySourceFile = new Map<ts.SourceFile, string>();
  for (const [file, sourceFile] of sourceFiles) fileBySourceFile.set(sourceFile, file);

  const problems: InputProblem[] = [];
  const analyzed: AnalyzedFile[] = [];
  for (const file of [...candidates].sort()) {
    const problem = unusable.get(file);
    if (problem) {
      problems.push(problem);
      continue;
    }
    const summary = summaries.get(file);
    if (!summary) continue;
    analyzed.push({ file, callNames: names.localNames.get(file) ?? names.names, nodes: summary.nodes });
  }

  const result = analyzeFiles(
    {
      t,
      program,
      checker,
      settings,
      sourceFileOf: (file) => sourceFiles.get(file),
      fileOf: (sourceFile) => fileBySourceFile.get(sourceFile),
      resolve,
    },
    analyzed,
  );
  return { reads: result.reads, dynamicCalls: result.dynamicCalls, problems: [...problems, ...result.problems] };
}

/**
 * The program over the parsed files only, in memory: a file exists for module resolution when it
 * was parsed (so imports resolve exactly to the parsed files, and nothing is read from disk), and
 * the program takes the parsed trees as they are, in the order they were parsed.
 */
function createProgram(
  t: TS,
  rootPosix: string,
  options: ts.CompilerOptions,
  sourceFiles: ReadonlyMap<string, ts.SourceFile>,
): ts.Program {
  const byPath = new Map<string, ts.SourceFile>();
  const directories = new Set<string>([rootPosix === "" ? "/" : rootPosix]);
  for (const sourceFile of sourceFiles.values()) {
    byPath.set(sourceFile.fileName, sourceFile);
    for (let dir = path.posix.dirname(sourceFile.fileName); !directories.has(dir); dir = path.posix.dirname(dir)) {
      directories.add(dir);
      if (dir === path.posix.dirname(dir)) break;
    }
  }
  const host: ts.CompilerHost = {
    getSourceFile: (fileName) => byPath.get(fileName),
    getDefaultLibFileName: (compilerOptions) => `/${t.getDefaultLibFileName(compilerOptions)}`,
    writeFile: () => undefined,
    getCurrentDirectory: () => (rootPosix === "" ? "/" : rootPosix),
    getDirectories: () => [],
    getCanonicalFileName: (fileName) => fileName,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (fileName) => byPath.has(fileName),
    readFile: (fileName) => byPath.get(fileName)?.text,
    directoryExists: (directoryName) => directories.has(directoryName),
    realpath: (fileName) => fileName,
  };
  return t.createProgram({ rootNames: [...byPath.keys()], options, host });
}

/**
 * Loads TypeScript only when something needs parsing: the copy ts-morph bundles, which is the
 * scanner's TypeScript (ts-morph's own wrappers are not used: they cost time to load and to
 * parse through). Loaded with `require`, which skips the CommonJS export analysis an ESM
 * `import()` of the large bundle does first; through ts-morph's entry point if its layout ever
 * changes, and with `import()` as the last resort.
 */
export async function loadTypeScript(): Promise<TS> {
  const require = createRequire(import.meta.url);
  try {
    return createRequire(require.resolve("ts-morph"))("@ts-morph/common/dist/typescript.js") as TS;
  } catch {
    try {
      return (require("ts-morph") as TsMorph).ts;
    } catch {
      return (await import("ts-morph")).ts;
    }
  }
}

type TsMorph = typeof TsMorphModule;

function syntaxProblem(t: typeof ts, file: string, sourceFile: ts.SourceFile, diagnostic: ts.Diagnostic): InputProblem {
  const message = t.flattenDiagnosticMessageText(diagnostic.messageText, "\n").split("\n")[0]!.replace(/\.$/, "");
  if (diagnostic.start === undefined) return { file, message: `syntax error: ${message}` };
  const { line, character } = t.getLineAndCharacterOfPosition(sourceFile, diagnostic.start);
  return { file, line: line + 1, column: character + 1, message: `syntax error: ${message}` };
}

// ---------------------------------------------------------------- ordering

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePositions(a: Position, b: Position): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column;
}

function positionKey(position: Position): string {
  return `${position.file}:${position.line}:${position.column}`;
}

function compareReads(a: SecretRead, b: SecretRead): number {
  return comparePositions(a.position, b.position) || compareText(a.name, b.name) || compareText(a.kind, b.kind);
}

function compareDynamicCalls(a: DynamicAccessorCall, b: DynamicAccessorCall): number {
  return comparePositions(a.position, b.position) || compareText(a.accessor, b.accessor);
}

function compareProblems(a: InputProblem, b: InputProblem): number {
  return (
    compareText(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    compareText(a.message, b.message)
  );
}

function dedupe<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const itemKey = key(item);
    if (seen.has(itemKey)) return false;
    seen.add(itemKey);
    return true;
  });
}
