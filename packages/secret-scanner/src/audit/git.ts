/**
 * Every question `audit` asks git, in one place: which files git tracks, which files are present
 * but neither tracked nor ignored, and which paths the repository's ignore rules ignore. Git
 * answers them itself (`git ls-files`, `git check-ignore`), so its own semantics apply: nested
 * `.gitignore` files, negations, `.git/info/exclude`, a root that is a subdirectory of the
 * repository.
 */
import { spawnSync } from "node:child_process";

/** The repository as seen from the audit's root (every path relative to the root, POSIX). */
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

/** Git's output can be large (a listing of every file of a monorepo). */
const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

function runGit(root: string, args: readonly string[], input?: string): { status: number | null; stdout: string; error?: NodeJS.ErrnoException } {
  const result = spawnSync("git", [...args], {
    cwd: root,
    encoding: "utf8",
    input,
    maxBuffer: MAX_OUTPUT_BYTES,
    // git's messages are not ours to show; these commands read only, and never reach a network or a pager
    stdio: ["pipe", "pipe", "ignore"],
  });
  return { status: result.status, stdout: result.stdout, ...(result.error ? { error: result.error as NodeJS.ErrnoException } : {}) };
}

/** A git command that must succeed once the root is known to be in a work tree: a failure is a bug or a broken repository. */
function mustRunGit(root: string, args: readonly string[], okStatuses: readonly number[] = [0], input?: string): string {
  const result = runGit(root, args, input);
  if (result.error || result.status === null || !okStatuses.includes(result.status)) {
    throw new Error(`git ${args.join(" ")} failed (${result.error?.code ?? `exit ${String(result.status)}`})`);
  }
  return result.stdout;
}

function nulSeparated(output: string): string[] {
  return output.split("\0").filter((entry) => entry !== "");
}

const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The repository that holds `root`, or why there is none. */
export function openGit(root: string): GitView | NoGit {
  const probe = runGit(root, ["rev-parse", "--is-inside-work-tree"]);
  if (probe.error?.code === "ENOENT") return { reason: "git is not installed" };
  if (probe.status !== 0 || probe.stdout.trim() !== "true") return { reason: "the root is not inside a git work tree" };

  // -z: paths as they are, never quoted; paths are relative to the working directory, the root
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
