/**
 * A body of real code nobody here wrote: every JavaScript and TypeScript source file of the
 * installed dependencies (`node_modules/.pnpm`) and of Node's global packages (npm, corepack,
 * pnpm), copied into a temp tree whose paths hold no `node_modules` (which the scanner and ESLint
 * skip). Sorted and deterministic for one install.
 */
import { copyFileSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const CODE = /\.(?:[cm]?[jt]sx?)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
/** The scanner skips larger files; so does this corpus (it is about code, not bundles). */
export const MAX_CORPUS_FILE_BYTES = 2 * 1024 * 1024;

export interface CorpusFile {
  /** Path in the corpus tree (POSIX, relative). */
  readonly file: string;
  /** Where it was copied from. */
  readonly source: string;
}

function walk(directory: string, found: string[]): void {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) walk(full, found);
    else if (entry.isFile() && CODE.test(entry.name) && !DECLARATION.test(entry.name)) found.push(full);
  }
}

/** The source roots: each installed package directory, and the global packages' directory. */
function sourceRoots(repoRoot: string): Array<{ readonly label: string; readonly dir: string }> {
  const roots: Array<{ label: string; dir: string }> = [];
  const store = path.join(repoRoot, "node_modules/.pnpm");
  for (const entry of readdirSync(store, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isDirectory() || entry.name === "node_modules") continue;
    roots.push({ label: `pnpm/${entry.name}`, dir: path.join(store, entry.name, "node_modules") });
  }
  const globals = path.resolve(path.dirname(process.execPath), "../lib/node_modules");
  roots.push({ label: "global", dir: globals });
  return roots;
}

/** Lists the corpus without copying it. */
export function listCorpus(repoRoot: string): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const { label, dir } of sourceRoots(repoRoot)) {
    const found: string[] = [];
    walk(dir, found);
    for (const source of found.sort()) {
      let size: number;
      try {
        size = statSync(source).size;
      } catch {
        continue;
      }
      if (size > MAX_CORPUS_FILE_BYTES) continue;
      const relative = path.relative(dir, source).split(path.sep).join("/").replace(/(^|\/)node_modules(?=\/)/g, "$1nm");
      files.push({ file: `${label}/${relative}`, source });
    }
  }
  return files;
}

/** Copies the corpus into `target`. */
export function copyCorpus(files: readonly CorpusFile[], target: string): void {
  for (const { file, source } of files) {
    const destination = path.join(target, file);
    mkdirSync(path.dirname(destination), { recursive: true });
    copyFileSync(source, destination);
  }
}
