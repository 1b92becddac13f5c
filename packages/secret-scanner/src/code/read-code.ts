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
import { namePattern, TextReader } from "./files.js";
import { ImportResolver, importEdges, type ImportEdge } from "./imports.js";
import { link, type LinkOutput } from "./link.js";
import { PROCESS_MODULES, type TS } from "./syntax.js";
import { findPathConfigs, type PathConfig } from "./tsconfig.js";
import { codeDirectories, findWorkspacePackages, type WorkspacePackage } from "./workspace.js";

/**
 * Reads the code facts of a repository.
 * @param root absolute path of the scan root
 * @param files every code file of the repository, POSIX paths relative to `root`
 * @param scope when given, only these files are read and parsed, and then the modules their
 *   values lead into (wrappers, environment accessors, constants defined elsewhere), as linking
 *   asks for them: a check of changed files. `files` still resolves the imports. Without it,
 *   every file of `files` is read.
 */
export async function readCode(
  root: string,
  files: readonly string[],
  settings: ResolvedSecretsSettings,
  observe?: TextObserver,
  scope?: readonly string[],
): Promise<CodeFacts> {
  const rootAbsolute = path.resolve(root);
  const codeFiles = [...new Set(files)].sort();
  const codeFileSet = new Set(codeFiles);
  const toRead = scope === undefined ? codeFiles : [...new Set(scope)].filter((file) => codeFileSet.has(file)).sort();
  // on a large tree, TypeScript loads on the analysis thread while this one reads the files, and
  // the thread parses each candidate as soon as it is read
  const analysis = startAnalysis(scope === undefined ? toRead.length : 0);
  try {
    const problems: InputProblem[] = [];
    const directories = codeDirectories(codeFiles);
    const packages = findWorkspacePackages(rootAbsolute, codeFiles, directories);
    const pathConfigs = findPathConfigs(rootAbsolute, directories, packages);
    const setup: StageSetup = { codeFiles, packages, pathConfigs, settings: settings.input };
    analysis.setup(setup);

    const resolver = new ImportResolver(codeFileSet, packages, pathConfigs);
    const reader = new TextReader(rootAbsolute, problems);
    const texts = new Map<string, string>();
    const edges = new Map<string, ImportEdge[]>();
    const imports = new Map<string, readonly string[]>();
    const namesPattern = namePattern([...settings.accessors, ...settings.envAccessors]);
    const candidates: string[] = [];
    for (const file of toRead) {
      const text = reader.read(file);
      if (text === undefined) continue;
      observe?.(file, text);
      const fileEdges = importEdges(file, text, resolver);
      edges.set(file, fileEdges);
      imports.set(file, fileEdges.map((edge) => edge.target).sort());
      // a file in scope is parsed whatever it mentions: it may call a wrapper defined elsewhere
      if (scope !== undefined || namesPattern?.test(text) || mayReadEnv(text)) {
        candidates.push(file);
        // a text the thread takes now is not kept here
        if (analysis.offer(file, text)) continue;
      }
      texts.set(file, text);
    }
    let readOnDemand = 0;
    let reads: SecretRead[] = [];
    let dynamicCalls: DynamicAccessorCall[] = [];
    if (candidates.length > 0) {
      const input: AnalysisInput = { ...setup, edges, candidates, ...(scope !== undefined ? { onDemand: candidates } : {}) };
      // in scope, the other files are read when linking asks for them (see AnalysisInput.onDemand)
      const parsed =
        scope === undefined
          ? await analysis.run(input, texts, reader)
          : await parseAndAnalyze(
              input,
              textSourceOf(texts, (file) => {
                const text = reader.read(file);
                if (text !== undefined) {
                  readOnDemand++;
                  observe?.(file, text);
                }
                return text;
              }),
            );
      reads = parsed.reads;
      dynamicCalls = parsed.dynamicCalls;
      problems.push(...parsed.problems);
    }

    return {
      reads: dedupe(reads.sort(compareReads), (read) => `${read.kind}\0${read.name}\0${positionKey(read.position)}`),
      dynamicCalls: dedupe(dynamicCalls.sort(compareDynamicCalls), (call) => `${call.accessor}\0${positionKey(call.position)}`),
      imports,
      filesScanned: toRead.length + readOnDemand,
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
export interface StageSetup {
  /** Every code file discovered, readable or not: import resolution sees them all. */
  readonly codeFiles: readonly string[];
  readonly packages: readonly WorkspacePackage[];
  /** Path aliases of the repository's tsconfig.json and jsconfig.json files. */
  readonly pathConfigs: readonly PathConfig[];
  /** The validated settings block (resolved again where the stage runs). */
  readonly settings: SecretsSettingsInput;
}

export interface AnalysisInput extends StageSetup {
  /** The import edges of every readable file (a file without an entry could not be read). */
  readonly edges: ReadonlyMap<string, readonly ImportEdge[]>;
  /** The files the text test picked, sorted. */
  readonly candidates: readonly string[];
  /**
   * Only these files (the candidates) were read: the modules their values lead into are parsed
   * as linking asks for them (link.ts, LinkInput.onDemand), not every file that can read a secret.
   */
  readonly onDemand?: readonly string[];
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
  /** Those of `files` whose text mentions one of `names` as a whole identifier. */
  mentioning(files: readonly string[], names: readonly string[]): Promise<string[]>;
  /** Those of `files` whose text passes `test` (only on this thread: parsing on demand). */
  matching?(files: readonly string[], test: (text: string) => boolean): Promise<string[]>;
}

/**
 * A TextSource over texts this thread holds (the stage keeps what it must parse again itself),
 * and `read` for those it does not hold (files read on demand).
 */
export function textSourceOf(texts: Map<string, string>, read?: (file: string) => string | undefined): TextSource {
  const textOf = (file: string): string | undefined => {
    const held = texts.get(file);
    if (held !== undefined || !read) return held;
    const text = read(file);
    if (text !== undefined) texts.set(file, text);
    return text;
  };
  return {
    fetch: async () => undefined,
    take: textOf,
    mentioning: async (files, names) => filesMentioning(texts, files, names),
    matching: async (files, test) =>
      files.filter((file) => {
        const text = textOf(file);
        return text !== undefined && test(text);
      }),
  };
}

/** `export * from`: a module that passes on another's exports. */
const STAR_EXPORT = /\bexport\s*\*/;

/** Those of `files` whose text (in `texts`) mentions one of `names` as a whole identifier. */
export function filesMentioning(texts: ReadonlyMap<string, string>, files: readonly string[], names: readonly string[]): string[] {
  const pattern = namePattern(names);
  if (!pattern) return [];
  return files.filter((file) => {
    const text = texts.get(file);
    return text !== undefined && pattern.test(text);
  });
}

/** Files whose texts the parsing stage asks for at a time. */
const TEXT_BATCH = 128;

/**
 * The parsing stage: each file parsed is reduced to its facts at once (extract.ts) and its tree
 * and text dropped. The candidates can be handed to it one by one while the files are still
 * being read (`parse`); `finish` parses those not handed over yet and, to a fixpoint, the files
 * linking says matter, then gives the reads.
 */
export class ParsingStage {
  private readonly settings: ResolvedSecretsSettings;
  private readonly resolver: ImportResolver;
  private readonly accessors: ReadonlySet<string>;
  private readonly envAccessors: ReadonlySet<string>;
  private readonly facts = new Map<string, FileFacts>();
  private readonly tried = new Set<string>();
  private readonly problems: InputProblem[] = [];
  /** Texts of files whose facts left out exports that only hold names: they may be parsed again. */
  private readonly trimmed = new Map<string, string>();

  constructor(
    setup: StageSetup,
    private readonly t: TS,
  ) {
    // validated already, where it was first resolved
    this.settings = resolveSecretsSettings(setup.settings);
    this.resolver = new ImportResolver(new Set(setup.codeFiles), setup.packages, setup.pathConfigs);
    this.accessors = new Set(this.settings.accessors);
    this.envAccessors = new Set(this.settings.envAccessors);
  }

  private readonly resolve = (fromFile: string, specifier: string): string | undefined => this.resolver.resolve(fromFile, specifier);

  /** Parses one file and keeps its facts (a file parsed before is parsed again keeping its names). */
  parse(file: string, text: string): void {
    const keepNames = this.tried.has(file);
    this.tried.add(file);
    this.trimmed.delete(file);
    let extraction: Extraction;
    try {
      // an import matters when its module is one of the repository's, or `process`
      const resolves = (specifier: string): boolean => PROCESS_MODULES.has(specifier) || this.resolve(file, specifier) !== undefined;
      extraction = extractFacts(this.t, file, text, { accessors: this.accessors, envAccessors: this.envAccessors, resolves, keepNames });
    } catch (error) {
      this.problems.push({ file, message: `internal error while analysing the file (${errorMessage(error)})`, internal: true });
      return;
    }
    if ("facts" in extraction) {
      this.facts.set(file, extraction.facts);
      // a name may be looked up in what was left out: the file is then parsed again
      if (extraction.facts.trimmed) this.trimmed.set(file, text);
    } else {
      const { line, column, message } = extraction.syntaxError;
      this.problems.push({ file, line, column, message: `syntax error: ${message}` });
    }
  }

  /** Parses the candidates not parsed yet, then what linking asks for, and gives the reads. */
  async finish(input: AnalysisInput, texts: TextSource): Promise<AnalysisOutput> {
    const importers = new Map<string, string[]>();
    for (const [file, fileEdges] of input.edges) {
      for (const edge of fileEdges) {
        const list = importers.get(edge.target);
        if (list) list.push(file);
        else importers.set(edge.target, [file]);
      }
    }
    let toParse = input.candidates.filter((file) => !this.tried.has(file));
    const onDemand = input.onDemand ? new Set(input.onDemand) : undefined;
    let linked: LinkOutput;
    for (;;) {
      // texts come in batches, the next one asked for while this one is parsed: the stage holds
      // a batch of texts at a time, never all of them
      const fresh = toParse.filter((file) => !this.trimmed.has(file));
      const batches: string[][] = [];
      for (let start = 0; start < fresh.length; start += TEXT_BATCH) batches.push(fresh.slice(start, start + TEXT_BATCH));
      let arriving = batches.length > 0 ? texts.fetch(batches[0]!) : Promise.resolve();
      for (let index = 0; index < batches.length; index++) {
        await arriving;
        arriving = index + 1 < batches.length ? texts.fetch(batches[index + 1]!) : Promise.resolve();
        for (const file of batches[index]!) {
          const text = texts.take(file);
          if (text === undefined) this.tried.add(file); // unreadable: the reading stage reported it
          else this.parse(file, text);
        }
      }
      for (const file of toParse) {
        const text = this.trimmed.get(file);
        if (text !== undefined) this.parse(file, text);
      }
      linked = link({ facts: this.facts, resolve: this.resolve, settings: this.settings, ...(onDemand ? { onDemand } : {}) });
      const next = new Set<string>();
      // files a name needs: not parsed yet, or parsed without their names
      for (const file of linked.needed) if (!this.tried.has(file) || this.trimmed.has(file)) next.add(file);
      // an importer of a file whose exports matter is parsed when it can use one of them: it
      // re-exports the file, or mentions one of their names, or any name can be one (a default export)
      const mentioning = new Set<string>();
      const names = new Set<string>();
      for (const [file, exported] of linked.interesting) {
        for (const importer of importers.get(file) ?? []) {
          if (this.tried.has(importer) || next.has(importer)) continue;
          const reexports = input.edges.get(importer)?.some((edge) => edge.target === file && edge.reexport) ?? false;
          if (exported === "all" || reexports) {
            next.add(importer);
            continue;
          }
          mentioning.add(importer);
          for (const name of exported) names.add(name);
        }
      }
      // parsing on demand: the modules a barrel passes on that can export a name looked up
      if (linked.neededIfExporting.size > 0 && texts.matching) {
        const byNames = new Map<string, string[]>();
        for (const [file, exported] of linked.neededIfExporting) {
          if (this.tried.has(file) || next.has(file)) continue;
          const key = [...exported].sort().join("\0");
          const group = byNames.get(key);
          if (group) group.push(file);
          else byNames.set(key, [file]);
        }
        for (const [key, files] of byNames) {
          const pattern = namePattern(key.split("\0"));
          const exporting = await texts.matching(files.sort(), (text) => STAR_EXPORT.test(text) || (pattern?.test(text) ?? false));
          for (const file of exporting) next.add(file);
        }
      }
      for (const file of next) mentioning.delete(file);
      if (mentioning.size > 0) for (const file of await texts.mentioning([...mentioning].sort(), [...names].sort())) next.add(file);
      if (next.size === 0) break;
      toParse = [...next].sort();
    }
    return { reads: linked.reads, dynamicCalls: linked.dynamicCalls, problems: [...this.problems, ...linked.problems] };
  }
}

/** The parsing stage on this thread, over texts it holds. */
export async function parseAndAnalyze(input: AnalysisInput, texts: TextSource, typescript?: TS): Promise<AnalysisOutput> {
  const stage = new ParsingStage(input, typescript ?? (await loadTypeScript()));
  return stage.finish(input, texts);
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
