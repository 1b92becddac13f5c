/**
 * Workspace packages: every `package.json` with a `name` in a directory that holds code files
 * (so never under node_modules, which discovery leaves out), mapped to the source file its entry
 * point is built from, so that `import { getSecret } from "@acme/secrets"` resolves into the repo.
 */
import fs from "node:fs";
import path from "node:path";

export interface WorkspacePackage {
  readonly name: string;
  /** Directory relative to the scan root, POSIX, "" for the root itself. */
  readonly dir: string;
  /** The source file the package's main entry maps to, relative to the scan root. */
  readonly entry: string | undefined;
  /** Subpath exports (`"./client"`) mapped to source files, relative to the scan root. */
  readonly subpaths: ReadonlyMap<string, string>;
}

export const CODE_EXTENSIONS: readonly string[] = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

/** Output directories whose files are usually built from `src/`. */
const BUILD_DIRS = /^(?:dist|lib|build|out)\//;
const CODE_OR_DECLARATION = /(?:\.d)?\.(?:[cm]?[jt]sx?)$/;

export function joinPosix(dir: string, file: string): string {
  return dir === "" ? path.posix.normalize(file) : path.posix.normalize(`${dir}/${file}`);
}

/** Every string in an `exports` condition object, in the order written (types, import, default…). */
function conditionTargets(value: unknown, out: string[]): void {
  if (typeof value === "string") {
    out.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) conditionTargets(item, out);
  } else if (value && typeof value === "object") {
    for (const item of Object.values(value as Record<string, unknown>)) conditionTargets(item, out);
  }
}

/** Maps a published path (`./dist/index.js`, `./dist/index.d.ts`) to the source file it is built from. */
function sourceFor(dir: string, target: string, codeFiles: ReadonlySet<string>): string | undefined {
  const relative = target.replace(/^\.\//, "");
  if (relative.startsWith("/") || relative.startsWith("../")) return undefined;
  const direct = joinPosix(dir, relative);
  if (codeFiles.has(direct) && !direct.endsWith(".d.ts")) return direct;
  const stem = relative.replace(CODE_OR_DECLARATION, "");
  const stems = BUILD_DIRS.test(stem) ? [stem.replace(BUILD_DIRS, "src/"), stem] : [stem, `src/${stem}`];
  for (const candidateStem of stems) {
    for (const extension of CODE_EXTENSIONS) {
      const candidate = joinPosix(dir, candidateStem + extension);
      if (codeFiles.has(candidate)) return candidate;
    }
  }
  return undefined;
}

function mainEntry(dir: string, manifest: Record<string, unknown>, codeFiles: ReadonlySet<string>): string | undefined {
  const targets: string[] = [];
  const exportsField = manifest["exports"];
  if (typeof exportsField === "string" || Array.isArray(exportsField)) {
    conditionTargets(exportsField, targets);
  } else if (exportsField && typeof exportsField === "object") {
    const record = exportsField as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.some((key) => key.startsWith("."))) conditionTargets(record["."], targets);
    else conditionTargets(record, targets);
  }
  for (const field of ["main", "types", "typings", "module"]) {
    const value = manifest[field];
    if (typeof value === "string") targets.push(value);
  }
  for (const target of targets) {
    const source = sourceFor(dir, target, codeFiles);
    if (source) return source;
  }
  for (const fallback of ["src/index", "index"]) {
    for (const extension of CODE_EXTENSIONS) {
      const candidate = joinPosix(dir, fallback + extension);
      if (codeFiles.has(candidate)) return candidate;
    }
  }
  return undefined;
}

function subpathEntries(dir: string, manifest: Record<string, unknown>, codeFiles: ReadonlySet<string>): Map<string, string> {
  const subpaths = new Map<string, string>();
  const exportsField = manifest["exports"];
  if (!exportsField || typeof exportsField !== "object" || Array.isArray(exportsField)) return subpaths;
  for (const [key, value] of Object.entries(exportsField as Record<string, unknown>)) {
    if (!key.startsWith("./") || key.includes("*")) continue;
    const targets: string[] = [];
    conditionTargets(value, targets);
    for (const target of targets) {
      const source = sourceFor(dir, target, codeFiles);
      if (source) {
        subpaths.set(key.slice(2), source);
        break;
      }
    }
  }
  return subpaths;
}

/** The directories that contain code files, and their parents ("" for the root). */
export function codeDirectories(codeFiles: readonly string[]): Set<string> {
  const directories = new Set<string>([""]);
  for (const file of codeFiles) {
    let dir = path.posix.dirname(file);
    while (dir !== "." && dir !== "/" && !directories.has(dir)) {
      directories.add(dir);
      dir = path.posix.dirname(dir);
    }
  }
  return directories;
}

/** Finds the workspace packages among the directories that contain code files (and their parents). */
export function findWorkspacePackages(root: string, codeFiles: readonly string[], directories = codeDirectories(codeFiles)): WorkspacePackage[] {
  const codeSet = new Set(codeFiles);
  const packages: WorkspacePackage[] = [];
  for (const dir of [...directories].sort()) {
    if (dir.split("/").includes("node_modules")) continue;
    const manifestPath = path.join(root, dir, "package.json");
    if (!fs.existsSync(manifestPath)) continue; // cheaper than a failed read (no exception)
    let manifest: unknown;
    try {
      manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8"));
    } catch {
      continue; // not one we can read: not a package
    }
    if (!manifest || typeof manifest !== "object") continue;
    const record = manifest as Record<string, unknown>;
    const name = record["name"];
    if (typeof name !== "string" || name === "") continue;
    packages.push({
      name,
      dir,
      entry: mainEntry(dir, record, codeSet),
      subpaths: subpathEntries(dir, record, codeSet),
    });
  }
  return packages;
}
