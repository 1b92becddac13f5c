/**
 * What `check` is asked to check, from its arguments:
 *  - no argument, or one directory: that root, whole (as it always was);
 *  - `--staged` (with at most one directory, default the top of the git work tree): the staged
 *    changes of that repository;
 *  - files (any argument that is not a lone directory): those files, under the top of the git
 *    work tree of the working directory, or under the working directory outside git.
 */
import { existsSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { gitToplevel, listFiles, stagedChanges, unstagedFiles } from "../git/git.js";
import type { Changes } from "../scan-changes.js";
import { UsageError } from "./exit.js";
import { resolveRoot } from "./root.js";

export type CheckTarget =
  | { readonly kind: "root"; readonly root: string }
  | {
      readonly kind: "changes";
      readonly root: string;
      readonly changes: Changes;
      /** Lists the repository's files without reading them; undefined outside git (the tree is walked). */
      readonly listFiles: (() => readonly string[]) | undefined;
      readonly notes: readonly string[];
    };

function isDirectory(file: string): boolean {
  return existsSync(file) && statSync(file).isDirectory();
}

export function checkTarget(paths: readonly string[], staged: boolean): CheckTarget {
  if (staged) return stagedTarget(paths);
  if (paths.length === 0) return { kind: "root", root: resolveRoot(".") };
  if (paths.length === 1 && isDirectory(path.resolve(paths[0]!))) return { kind: "root", root: path.resolve(paths[0]!) };
  return filesTarget(paths);
}

function stagedTarget(paths: readonly string[]): CheckTarget {
  if (paths.length > 1 || (paths.length === 1 && !isDirectory(path.resolve(paths[0]!)))) {
    throw new UsageError("--staged takes no file arguments, only the root directory to check (default: the top of the git work tree)");
  }
  const where = paths.length === 1 ? resolveRoot(paths[0]!) : process.cwd();
  const toplevel = gitToplevel(where);
  if (toplevel === undefined) throw new UsageError(`--staged needs a git repository, and ${paths[0] ?? "the working directory"} is not in one`);
  const root = paths.length === 1 ? where : toplevel;
  const changes = stagedChanges(root);
  // the files are read from the working tree: a staged file changed since it was staged is read
  // as it is now, not as it will be committed (see docs/pre-commit.md)
  const unstaged = changes.present.length > 0 ? unstagedFiles(root) : new Set<string>();
  const differ = changes.present.filter((file) => unstaged.has(file));
  const notes =
    changes.present.length + changes.deleted.length === 0
      ? ["nothing is staged"]
      : differ.length > 0
        ? [`${differ.join(", ")}: changed since staged; the working-tree version was checked (stash unstaged changes to check the commit exactly)`]
        : [];
  return { kind: "changes", root, changes, listFiles: () => listFiles(root, false), notes };
}

function filesTarget(paths: readonly string[]): CheckTarget {
  const toplevel = gitToplevel(process.cwd());
  const root = toplevel ?? realpathSync.native(process.cwd());
  const present: string[] = [];
  for (const argument of paths) {
    const given = path.resolve(argument);
    if (!existsSync(given)) throw new UsageError(`${argument}: no such file or directory`);
    // git gives the top of the work tree without symbolic links: so must the file's directory be
    const absolute = path.join(realpathSync.native(path.dirname(given)), path.basename(given));
    if (isDirectory(absolute)) {
      throw new UsageError(`${argument}: a directory is the root to check and must be the only argument; the other arguments are files`);
    }
    const relative = path.relative(root, absolute).split(path.sep).join("/");
    if (relative.startsWith("../") || path.isAbsolute(relative)) throw new UsageError(`${argument}: outside ${root}, the root checked`);
    present.push(relative);
  }
  return {
    kind: "changes",
    root,
    changes: { present: [...new Set(present)].sort(), deleted: [] },
    listFiles: toplevel === undefined ? undefined : () => listFiles(root, true),
    notes: [],
  };
}
