/**
 * What a file reader records when reading one file threw past its own checks of the file. The
 * failure is a bug of ours (`internal`: an `internal-error` finding, never a `parse-error`) unless
 * it is the file system's (an `errno` code) or the file's own nesting overflowed the call stack.
 * The error's text is never used: it may quote the file.
 */
import type { InputProblem } from "./model.js";

/** The file system's code for a failed read (`ENOENT`, `EACCES`…), if the error has one. */
export function errnoCode(error: unknown): string | undefined {
  return error && typeof error === "object" && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

/**
 * The problem for a read of `file` that failed with `error`; `kind` names the file for the
 * message (`compose file`, `env example file`).
 */
export function readFailure(file: string, kind: string, error: unknown): InputProblem {
  const code = errnoCode(error);
  if (code !== undefined) return { file, message: `Could not read ${kind} (${code}).` };
  if (error instanceof RangeError && /call stack/i.test(error.message)) return { file, message: `Could not read ${kind} (too deeply nested).` };
  const name = error instanceof Error ? error.name : typeof error;
  return { file, message: `internal error while reading the ${kind} (${name})`, internal: true };
}
