/**
 * The files `audit` searches for committed credentials: in a git repository, every file git
 * tracks or would commit (`git add .`), else every file the discovery walk finds; and how one is
 * read: text only, within a size limit.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import picomatch from "picomatch";
import type { GitView } from "../git/git.js";

/** Files larger than this are not searched (a note lists them): generated bundles, data dumps. */
export const MAX_AUDITED_FILE_BYTES = 1024 * 1024;

/** How far into a file a NUL byte marks it as binary: git's own heuristic looks at the first 8000 bytes. */
const BINARY_PROBE_BYTES = 8000;

/**
 * The files to search: in a git repository the tracked files and those `git add .` would add,
 * else `walked` (the discovery walk: `.gitignore` honoured, no `node_modules`). The configured
 * `ignore` globs apply to both.
 */
export function auditedFiles(git: GitView | undefined, walked: readonly string[], ignoreGlobs: readonly string[]): string[] {
  const isIgnored = ignoreGlobs.length > 0 ? picomatch([...ignoreGlobs], { dot: true }) : () => false;
  const listed = git ? [...new Set([...git.tracked, ...git.untracked])] : [...walked];
  return listed.filter((file) => !isIgnored(file)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export type ReadOutcome =
  | { readonly text: string }
  /** `missing`: deleted from the work tree, or not a regular file (a submodule's directory). */
  | { readonly skipped: "binary" | "too-large" | "missing" | "unreadable" };

/** The text of a file, or why it is not searched. A BOM is removed, so columns stay right. */
export function readAuditedFile(root: string, file: string): ReadOutcome {
  const absolute = path.join(root, file);
  let size: number;
  try {
    const stat = statSync(absolute);
    if (!stat.isFile()) return { skipped: "missing" };
    size = stat.size;
  } catch (error) {
    return { skipped: (error as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : "unreadable" };
  }
  if (size > MAX_AUDITED_FILE_BYTES) return { skipped: "too-large" };
  let buffer: Buffer;
  try {
    buffer = readFileSync(absolute);
  } catch {
    return { skipped: "unreadable" };
  }
  if (buffer.length > MAX_AUDITED_FILE_BYTES) return { skipped: "too-large" };
  if (buffer.subarray(0, BINARY_PROBE_BYTES).includes(0)) return { skipped: "binary" };
  const text = buffer.toString("utf8");
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
