/**
 * The few questions a check of changes asks git, each one `git` command in a subprocess (as
 * lint-staged and pre-commit do): where the repository is, what is staged, which files it
 * tracks. Paths come back NUL-separated (`-z`), relative to the directory asked about, POSIX.
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

/** Output of a git command, or undefined when git says no (exit code not 0). */
function git(cwd: string, args: readonly string[]): Buffer | undefined {
  const result = spawnSync("git", args, { cwd, maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError("git is not installed (or not on PATH)");
    throw result.error;
  }
  return result.status === 0 ? result.stdout : undefined;
}

function nulSeparated(output: Buffer): string[] {
  return output.toString("utf8").split("\0").filter((entry) => entry !== "");
}

/** The top directory of the git work tree that holds `directory`, or undefined outside one. */
export function gitToplevel(directory: string): string | undefined {
  const output = git(directory, ["rev-parse", "--show-toplevel"]);
  const toplevel = output?.toString("utf8").trim();
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
