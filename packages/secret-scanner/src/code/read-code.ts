/**
 * The code reader: which secret names and environment variables the repository's code reads.
 *
 * One pass, cheapest first, so that the cost follows what must be parsed, not the size of the tree:
 *  1. read every file once; a regular-expression scan gives the import graph, and a text test
 *     picks the candidates (files that mention an accessor, an environment accessor, or an
 *     environment root);
 *  2. parse each candidate with TypeScript's parser, reduce it to its facts (extract.ts: plain
 *     data, names resolved by the file's own scopes) and drop its tree;
 *  3. link the facts across files (link.ts): wrappers, environment accessors, constant names and
 *     environment aliases, through imports. Linking tells which more files matter (those that
 *     import a wrapper, an environment accessor or an alias, and those whose constants a secret
 *     name needs); they are parsed in turn, to a fixpoint.
 * Nothing is bound or type-checked. TypeScript (the copy ts-morph bundles) is only loaded when
 * some file needs parsing.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { mayReadEnv, resolveSecretsSettings, type ResolvedSecretsSettings, type SecretsSettingsInput } from "@secrets-suite/core";
import type * as TsMorphModule from "ts-morph";
import type { CodeFacts, DynamicAccessorCall, InputProblem, Position, SecretRead, TextObserver } from "../model.js";
import { startAnalysis } from "./analysis-thread.js";
import { extractFacts, type Extraction } from "./extract.js";
import type { FileFacts } from "./facts.js";
import { namePattern, readTexts } from "./files.js";
import { ImportResolver, importEdges, type ImportEdge } from "./imports.js";
import { link, type LinkOutput } from "./link.js";
import { PROCESS_MODULES, type TS } from "./syntax.js";
import { findPathConfigs, type PathConfig } from "./tsconfig.js";
import { codeDirectories, findWorkspacePackages, type WorkspacePackage } from "./workspace.js";

/**
 * Reads the code facts of a repository.
 * @param root absolute path of the scan root
 * @param files every code file of the repository, POSIX paths relative to `root`
 */
export async function readCode(
  root: string,
  files: readonly string[],
  settings: ResolvedSecretsSettings,
  observe?: TextObserver,
): Promise<CodeFacts> {
  const rootAbsolute = path.resolve(root);
  const codeFiles = [...new Set(files)].sort();
  // on a large tree, TypeScript loads on the analysis thread while this one reads the files
  const analysis = startAnalysis(codeFiles.length);
  try {
    const problems: InputProblem[] = [];
    const texts = readTexts(rootAbsolute, codeFiles, problems);

    const directories = codeDirectories(codeFiles);
    const packages = findWorkspacePackages(rootAbsolute, codeFiles, directories);
    const pathConfigs = findPathConfigs(rootAbsolute, directories, packages);
    const resolver = new ImportResolver(new Set(codeFiles), packages, pathConfigs);
    const edges = new Map<string, ImportEdge[]>();
    const imports = new Map<string, readonly string[]>();
    const namesPattern = namePattern([...settings.accessors, ...settings.envAccessors]);
    const candidates: string[] = [];
    for (const file of codeFiles) {
      const text = texts.get(file);
      if (text === undefined) continue;
      observe?.(file, text);
      const fileEdges = importEdges(file, text, resolver);
      edges.set(file, fileEdges);
      imports.set(file, fileEdges.map((edge) => edge.target).sort());
      if (namesPattern?.test(text) || mayReadEnv(text)) candidates.push(file);
    }

    let reads: SecretRead[] = [];
    let dynamicCalls: DynamicAccessorCall[] = [];
    if (candidates.length > 0) {
      const input: AnalysisInput = { codeFiles, edges, candidates, packages, pathConfigs, settings: settings.input };
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
 * not in it: the stage asks a TextSource for the ones it parses.
 */
export interface AnalysisInput {
  /** Every code file discovered, readable or not: import resolution sees them all. */
  readonly codeFiles: readonly string[];
  /** The import edges of every readable file (a file without an entry could not be read). */
  readonly edges: ReadonlyMap<string, readonly ImportEdge[]>;
  /** The files the text test picked, sorted. */
  readonly candidates: readonly string[];
  readonly packages: readonly WorkspacePackage[];
  /** Path aliases of the repository's tsconfig.json and jsconfig.json files. */
  readonly pathConfigs: readonly PathConfig[];
  /** The validated settings block (resolved again where the stage runs). */
  readonly settings: SecretsSettingsInput;
}

export interface AnalysisOutput {
  readonly reads: SecretRead[];
  readonly dynamicCalls: DynamicAccessorCall[];
  readonly problems: InputProblem[];
}

/** Where the parsing stage gets the texts of the files it parses, which the reading stage holds. */
export interface TextSource {
  /** Makes the texts of `files` available to `take`. */
  fetch(files: readonly string[]): Promise<void>;
  /** A fetched text (undefined for an unreadable file); the source need not keep it afterwards. */
  take(file: string): string | undefined;
  /** Keeps a taken text after all, for a file that may be parsed again. */
  giveBack(file: string, text: string): void;
  /** Those of `files` whose text mentions one of `names` as a whole identifier. */
  mentioning(files: readonly string[], names: readonly string[]): Promise<string[]>;
}

/**
 * A TextSource over texts this thread holds. A text taken is dropped from the map: a file is
 * parsed once (a file whose facts left names out is given its text back, see parseAndAnalyze),
 * so that the texts of a tree that is parsed whole do not stay in memory after their trees.
 */
export function textSourceOf(texts: Map<string, string>): TextSource {
  return {
    fetch: async () => undefined,
    take: (file) => {
      const text = texts.get(file);
      texts.delete(file);
      return text;
    },
    giveBack: (file, text) => void texts.set(file, text),
    mentioning: async (files, names) => filesMentioning(texts, files, names),
  };
}

/** Those of `files` whose text (in `texts`) mentions one of `names` as a whole identifier. */
export function filesMentioning(texts: ReadonlyMap<string, string>, files: readonly string[], names: readonly string[]): string[] {
  const pattern = namePattern(names);
  if (!pattern) return [];
  return files.filter((file) => {
    const text = texts.get(file);
    return text !== undefined && pattern.test(text);
  });
}

/**
 * The parsing stage: parses the candidates, and to a fixpoint the files linking says matter, each
 * reduced to its facts as soon as it is parsed; then the facts' reads. `typescript` is the module
 * when the caller has loaded it already.
 */
/** Files whose texts the parsing stage asks for at a time. */
const TEXT_BATCH = 128;

export async function parseAndAnalyze(input: AnalysisInput, texts: TextSource, typescript?: TS): Promise<AnalysisOutput> {
  // validated already, where it was first resolved
  const settings = resolveSecretsSettings(input.settings);
  const resolver = new ImportResolver(new Set(input.codeFiles), input.packages, input.pathConfigs);
  const resolve = (fromFile: string, specifier: string): string | undefined => resolver.resolve(fromFile, specifier);
  const importers = new Map<string, string[]>();
  for (const [file, fileEdges] of input.edges) {
    for (const edge of fileEdges) {
      const list = importers.get(edge.target);
      if (list) list.push(file);
      else importers.set(edge.target, [file]);
    }
  }

  const t = typescript ?? (await loadTypeScript());
  const accessors = new Set(settings.accessors);
  const envAccessors = new Set(settings.envAccessors);
  const facts = new Map<string, FileFacts>();
  const tried = new Set<string>();
  const problems: InputProblem[] = [];

  /** Files whose facts left out exports that only hold names (see ExtractOptions.keepNames). */
  const trimmed = new Set<string>();
  const parseOne = (file: string): void => {
    const keepNames = tried.has(file);
    tried.add(file);
    const text = texts.take(file);
    if (text === undefined) return; // unreadable: the reading stage reported it
    let extraction: Extraction;
    try {
      // an import matters when its module is one of the repository's, or `process`
      const resolves = (specifier: string): boolean => PROCESS_MODULES.has(specifier) || resolve(file, specifier) !== undefined;
      extraction = extractFacts(t, file, text, { accessors, envAccessors, resolves, keepNames });
    } catch (error) {
      problems.push({ file, message: `internal error while analysing the file (${errorMessage(error)})`, internal: true });
      return;
    }
    if ("facts" in extraction) {
      facts.set(file, extraction.facts);
      if (extraction.facts.trimmed) {
        // a name may be looked up in what was left out: the file is then parsed again
        trimmed.add(file);
        texts.giveBack(file, text);
      } else {
        trimmed.delete(file);
      }
    } else {
      const { line, column, message } = extraction.syntaxError;
      problems.push({ file, line, column, message: `syntax error: ${message}` });
    }
  };

  let toParse = [...input.candidates];
  let linked: LinkOutput;
  for (;;) {
    // texts come in batches, the next one asked for while this one is parsed: the stage holds
    // a batch of texts at a time, never all of them
    const batches: string[][] = [];
    for (let start = 0; start < toParse.length; start += TEXT_BATCH) batches.push(toParse.slice(start, start + TEXT_BATCH));
    let arriving = batches.length > 0 ? texts.fetch(batches[0]!) : Promise.resolve();
    for (let index = 0; index < batches.length; index++) {
      await arriving;
      arriving = index + 1 < batches.length ? texts.fetch(batches[index + 1]!) : Promise.resolve();
      for (const file of batches[index]!) parseOne(file);
    }
    linked = link({ facts, resolve, settings });
    const next = new Set<string>();
    // files a name needs: not parsed yet, or parsed without their names
    for (const file of linked.needed) if (!tried.has(file) || trimmed.has(file)) next.add(file);
    // an importer of a file whose exports matter is parsed when it can use one of them: it
    // re-exports the file, or mentions one of their names, or any name can be one (a default export)
    const mentioning = new Set<string>();
    const names = new Set<string>();
    for (const [file, exported] of linked.interesting) {
      for (const importer of importers.get(file) ?? []) {
        if (tried.has(importer) || next.has(importer)) continue;
        const reexports = input.edges.get(importer)?.some((edge) => edge.target === file && edge.reexport) ?? false;
        if (exported === "all" || reexports) {
          next.add(importer);
          continue;
        }
        mentioning.add(importer);
        for (const name of exported) names.add(name);
      }
    }
    for (const file of next) mentioning.delete(file);
    if (mentioning.size > 0) for (const file of await texts.mentioning([...mentioning].sort(), [...names].sort())) next.add(file);
    if (next.size === 0) break;
    toParse = [...next].sort();
  }
  return { reads: linked.reads, dynamicCalls: linked.dynamicCalls, problems: [...problems, ...linked.problems] };
}

function errorMessage(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // one line, and short: the message names our bug, it never quotes the file
  return text.split("\n")[0]!.slice(0, 200);
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
