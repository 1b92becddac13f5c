/**
 * Every question the scanner asks git, each one `git` command in a subprocess (as lint-staged and
 * pre-commit do): where the repository is, what is staged, which files it tracks or would commit,
 * which paths its ignore rules ignore. Git answers them itself, so its own semantics apply
 * (nested `.gitignore` files, negations, `.git/info/exclude`, a root that is a subdirectory of
 * the repository). Paths come back NUL-separated (`-z`), never quoted, relative to the directory
 * asked about, POSIX.
 */
import { spawnSync } from "node:child_process";
import { UsageError } from "../commands/exit.js";

/** Staged changes, relative to the directory asked about. */
export interface StagedChanges {
  /** Added, copied, modified, renamed (new path) or type-changed in the index. */
  readonly present: readonly string[];
  /** Deleted from the index, and the old path of a rename. */
  readonly deleted: readonly string[];
}

/** Git's output can be large (a listing of every file of a monorepo). */
const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

interface GitRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly error?: NodeJS.ErrnoException;
}

/** One git command, as it went. Git's messages are not ours to show; these commands only read, and reach no network or pager. */
function runGit(cwd: string, args: readonly string[], input?: string): GitRun {
  const result = spawnSync("git", [...args], {
    cwd,
    encoding: "utf8",
    input,
    maxBuffer: MAX_OUTPUT_BYTES,
    stdio: [input === undefined ? "ignore" : "pipe", "pipe", "ignore"],
  });
  return { status: result.status, stdout: result.stdout, ...(result.error ? { error: result.error as NodeJS.ErrnoException } : {}) };
}

/** Output of a git command, or undefined when git says no (exit code not 0). */
function git(cwd: string, args: readonly string[]): string | undefined {
  const result = runGit(cwd, args);
  if (result.error) {
    if (result.error.code === "ENOENT") throw new UsageError("git is not installed (or not on PATH)");
    throw result.error;
  }
  return result.status === 0 ? result.stdout : undefined;
}

/** A git command that must succeed once the directory is known to be in a work tree: a failure is a bug or a broken repository. */
function mustRunGit(cwd: string, args: readonly string[], okStatuses: readonly number[] = [0], input?: string): string {
  const result = runGit(cwd, args, input);
  if (result.error || result.status === null || !okStatuses.includes(result.status)) {
    throw new Error(`git ${args.join(" ")} failed (${result.error?.code ?? `exit ${String(result.status)}`})`);
  }
  return result.stdout;
}

function nulSeparated(output: string): string[] {
  return output.split("\0").filter((entry) => entry !== "");
}

const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The top directory of the git work tree that holds `directory`, or undefined outside one. */
export function gitToplevel(directory: string): string | undefined {
  const output = git(directory, ["rev-parse", "--show-toplevel"]);
  const toplevel = output?.trim();
  return toplevel === undefined || toplevel === "" ? undefined : toplevel;
}

/**
 * What is staged under `directory`: `git diff --cached --name-status -z --no-renames --relative`.
 * Without rename detection a rename is what it does to the tree: the old path deleted, the new
 * one added. A repository without a commit yet compares with the empty tree.
 */
export function stagedChanges(directory: string): StagedChanges {
  const output = git(directory, ["diff", "--cached", "--name-status", "-z", "--no-renames", "--relative"]);
  if (output === undefined) throw new UsageError(`${directory}: git cannot list the staged changes`);
  const fields = nulSeparated(output);
  const present: string[] = [];
  const deleted: string[] = [];
  for (let index = 0; index + 1 < fields.length; index += 2) {
    const status = fields[index]!;
    const file = fields[index + 1]!;
    if (status.startsWith("D")) deleted.push(file);
    else present.push(file);
  }
  return { present: present.sort(), deleted: deleted.sort() };
}

/**
 * The files git knows under `directory`: those in the index, and with `untracked` those not yet
 * added that no `.gitignore` ignores. Listing them costs a read of the index, not a walk.
 */
export function listFiles(directory: string, untracked: boolean): string[] {
  const args = ["ls-files", "-z", "--cached", ...(untracked ? ["--others", "--exclude-standard"] : [])];
  const output = git(directory, args);
  if (output === undefined) throw new UsageError(`${directory}: git cannot list the files`);
  return nulSeparated(output);
}

/** Files under `directory` whose working-tree content differs from the index. */
export function unstagedFiles(directory: string): Set<string> {
  const output = git(directory, ["diff", "--name-only", "-z", "--relative"]);
  return new Set(output === undefined ? [] : nulSeparated(output));
}

/** The repository as `audit` sees it from its root (every path relative to the root, POSIX). */
export interface GitView {
  /** Files in git's index under the root, sorted. */
  readonly tracked: readonly string[];
  /** Files present under the root that git neither tracks nor ignores: `git add .` would commit them. Sorted. */
  readonly untracked: readonly string[];
  /**
   * The paths among `paths` (files or directories, need not exist) that the repository's own
   * ignore rules ignore: its `.gitignore` files and `.git/info/exclude`, not the user's global
   * excludes file, which other clones do not have.
   */
  ignoredByRepository(paths: readonly string[]): ReadonlySet<string>;
}

/** Why git cannot answer: the root is not in a work tree, or git is not installed. */
export type NoGit = { readonly reason: string };

/** The repository that holds `root`, or why there is none (the audit then skips its git checks, with a note). */
export function openGit(root: string): GitView | NoGit {
  const probe = runGit(root, ["rev-parse", "--is-inside-work-tree"]);
  if (probe.error?.code === "ENOENT") return { reason: "git is not installed" };
  if (probe.status !== 0 || probe.stdout.trim() !== "true") return { reason: "the root is not inside a git work tree" };

  const tracked = [...new Set(nulSeparated(mustRunGit(root, ["ls-files", "-z", "--cached"])))].sort(byPath);
  const untracked = nulSeparated(mustRunGit(root, ["ls-files", "-z", "--others", "--exclude-standard"])).sort(byPath);
  return {
    tracked,
    untracked,
    ignoredByRepository(paths) {
      if (paths.length === 0) return new Set();
      // --no-index: judge each path by the ignore rules even if a file of that name is tracked;
      // an empty core.excludesFile leaves out the user's global excludes (exit 1: none ignored)
      const output = mustRunGit(root, ["-c", "core.excludesFile=", "check-ignore", "--no-index", "-z", "--stdin"], [0, 1], `${paths.join("\0")}\0`);
      return new Set(nulSeparated(output));
    },
  };
}
