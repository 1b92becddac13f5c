/**
 * Finds the files a scan reads: code, compose files and env examples. Honours every
 * `.gitignore` on the way down (and `.git/info/exclude`), never enters `node_modules` or `.git`,
 * and does not follow symbolic links to directories (so a link loop cannot trap it).
 */
import { readdirSync, readFileSync, statSync, type Dirent } from "node:fs";
import path from "node:path";
import ignore, { type Ignore } from "ignore";
import picomatch from "picomatch";
import type { DiscoveredFiles, InputProblem } from "../model.js";
import { isEnvExampleName } from "./env-example-names.js";

export const CODE_EXTENSIONS: ReadonlySet<string> = new Set([".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"]);
const DECLARATION_FILE = /\.d\.[mc]?ts$/;
/** compose.yaml, compose.override.yml, docker-compose.yml, docker-compose.prod.yaml, ... */
const COMPOSE_FILE = /^(?:docker-)?compose(?:\.[\w.-]+)?\.ya?ml$/;
const ALWAYS_SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(["node_modules", ".git"]);

export interface DiscoveryOptions {
  readonly composeGlobs: readonly string[];
  /** Globs of env examples; undefined for the default names (see `isEnvExampleName`). */
  readonly envExampleGlobs: readonly string[] | undefined;
  readonly ignore: readonly string[];
}

interface IgnoreScope {
  /** Directory (relative POSIX, "" for root) the patterns are relative to. */
  readonly base: string;
  readonly matcher: Ignore;
}

function readIgnoreFile(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

function isIgnored(scopes: readonly IgnoreScope[], relative: string, isDirectory: boolean): boolean {
  for (const scope of scopes) {
    const local = scope.base === "" ? relative : relative.slice(scope.base.length + 1);
    if (scope.matcher.ignores(isDirectory ? `${local}/` : local)) return true;
  }
  return false;
}

export type FileKind = "code" | "compose" | "envExample";

/** What a file is to the scan, by its path (relative POSIX) and its name; undefined: not read. */
function kindOfFile(options: DiscoveryOptions): (relative: string, fileName: string) => FileKind | undefined {
  const isExtraCompose = options.composeGlobs.length > 0 ? picomatch([...options.composeGlobs], { dot: true }) : () => false;
  const isEnvExample: (relative: string, fileName: string) => boolean =
    options.envExampleGlobs === undefined
      ? (_relative, fileName) => isEnvExampleName(fileName)
      : (() => {
          const matches = picomatch([...options.envExampleGlobs], { dot: true });
          return (relative: string) => matches(relative);
        })();
  return (relative, fileName) => {
    const extension = path.extname(fileName);
    if (CODE_EXTENSIONS.has(extension) && !DECLARATION_FILE.test(fileName)) return "code";
    if (COMPOSE_FILE.test(fileName) || isExtraCompose(relative)) return "compose";
    if (isEnvExample(relative, fileName)) return "envExample";
    return undefined;
  };
}

function configuredIgnore(options: DiscoveryOptions): (relative: string) => boolean {
  return options.ignore.length > 0 ? picomatch([...options.ignore], { dot: true }) : () => false;
}

/**
 * What a listed file (a path from `git ls-files`, not found by walking) is to the scan, by the
 * walk's rules: not under `node_modules` or `.git`, nor under a configured `ignore` glob. A
 * `.gitignore` is not read here: git lists ignored files only when they are tracked anyway.
 */
export function listedFileClassifier(options: DiscoveryOptions): (relative: string) => FileKind | undefined {
  const kindOf = kindOfFile(options);
  const isSkipped = listedFileSkipper(options);
  return (relative) => (isSkipped(relative) ? undefined : kindOf(relative, relative.slice(relative.lastIndexOf("/") + 1)));
}

/** Whether the walk would skip a listed file: under `node_modules` or `.git`, or a configured `ignore` glob. */
function listedFileSkipper(options: DiscoveryOptions): (relative: string) => boolean {
  const isConfiguredIgnore = configuredIgnore(options);
  return (relative) => {
    const segments = relative.split("/");
    if (segments.some((segment) => ALWAYS_SKIPPED_DIRECTORIES.has(segment)) || isConfiguredIgnore(relative)) return true;
    for (let end = 1; end < segments.length; end++) {
      const directory = segments.slice(0, end).join("/");
      if (isConfiguredIgnore(directory) || isConfiguredIgnore(`${directory}/`)) return true;
    }
    return false;
  };
}

/** Sorts listed files (see `listedFileClassifier`) into what a scan reads, as the walk does. */
export function classifyListedFiles(root: string, files: readonly string[], options: DiscoveryOptions): DiscoveredFiles {
  const kindOf = kindOfFile(options);
  const isSkipped = listedFileSkipper(options);
  const all: string[] = [];
  const found: Record<FileKind, string[]> = { code: [], compose: [], envExample: [] };
  for (const file of new Set(files)) {
    if (isSkipped(file)) continue;
    all.push(file);
    const kind = kindOf(file, file.slice(file.lastIndexOf("/") + 1));
    if (kind) found[kind].push(file);
  }
  const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return {
    root,
    all: all.sort(byPath),
    code: found.code.sort(byPath),
    compose: found.compose.sort(byPath),
    envExamples: found.envExample.sort(byPath),
    problems: [],
  };
}

export function discoverFiles(root: string, options: DiscoveryOptions): DiscoveredFiles {
  const all: string[] = [];
  const code: string[] = [];
  const compose: string[] = [];
  const envExamples: string[] = [];
  const problems: InputProblem[] = [];
  const kindOf = kindOfFile(options);
  const isConfiguredIgnore = configuredIgnore(options);

  const rootScopes: IgnoreScope[] = [];
  const exclude = readIgnoreFile(path.join(root, ".git", "info", "exclude"));
  if (exclude) rootScopes.push({ base: "", matcher: ignore().add(exclude) });

  const walk = (relativeDirectory: string, inheritedScopes: readonly IgnoreScope[]): void => {
    const absoluteDirectory = path.join(root, relativeDirectory);
    let entries: Dirent[];
    try {
      entries = readdirSync(absoluteDirectory, { withFileTypes: true });
    } catch (error) {
      problems.push({
        file: relativeDirectory === "" ? "." : relativeDirectory,
        message: `cannot read directory (${(error as NodeJS.ErrnoException).code ?? "error"})`,
      });
      return;
    }
    const gitignore = entries.some((entry) => entry.name === ".gitignore" && !entry.isDirectory())
      ? readIgnoreFile(path.join(absoluteDirectory, ".gitignore"))
      : undefined;
    const scopes = gitignore ? [...inheritedScopes, { base: relativeDirectory, matcher: ignore().add(gitignore) }] : inheritedScopes;

    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const relative = relativeDirectory === "" ? entry.name : `${relativeDirectory}/${entry.name}`;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(path.join(root, relative));
          isFile = target.isFile();
          isDirectory = false; // never follow directory links: they can loop
        } catch {
          continue; // dangling link: nothing to read
        }
      }
      if (isDirectory) {
        if (ALWAYS_SKIPPED_DIRECTORIES.has(entry.name)) continue;
        if (isIgnored(scopes, relative, true) || isConfiguredIgnore(relative) || isConfiguredIgnore(`${relative}/`)) continue;
        walk(relative, scopes);
        continue;
      }
      if (!isFile) continue;
      if (isIgnored(scopes, relative, false) || isConfiguredIgnore(relative)) continue;
      all.push(relative);
      const kind = kindOf(relative, entry.name);
      if (kind === "code") code.push(relative);
      else if (kind === "compose") compose.push(relative);
      else if (kind === "envExample") envExamples.push(relative);
    }
  };

  walk("", rootScopes);
  const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return {
    root,
    all: all.sort(byPath),
    code: code.sort(byPath),
    compose: compose.sort(byPath),
    envExamples: envExamples.sort(byPath),
    problems,
  };
}
