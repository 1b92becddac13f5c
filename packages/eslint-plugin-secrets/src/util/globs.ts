import { createTestFileMatcher, toPosixRelative } from "@secrets-suite/core";
import type { JSONSchema, TSESLint } from "@typescript-eslint/utils";

/** Compiled matchers per list of globs: rule options are shared between files (see create-rule.ts). */
const matchers = new WeakMap<readonly string[], (path: string) => boolean>();

/**
 * A matcher for globs of files (relative paths, POSIX, dot files included; core's matcher, the
 * same for accessorFiles, test files and allowInFiles), compiled once per list rather than once
 * per file: picomatch compiles every glob to a regular expression.
 */
function globMatcher(globs: readonly string[]): (path: string) => boolean {
  let matcher = matchers.get(globs);
  if (!matcher) {
    matcher = createTestFileMatcher(globs);
    matchers.set(globs, matcher);
  }
  return matcher;
}

/** The last file's path relative to the working directory: every rule asks for the same file in turn. */
let lastRelative: { filename: string; cwd: string; relative: string } | undefined;

/** The linted file's path, relative to the working directory and in POSIX form, as globs are written. */
export function relativeFilename(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): string {
  const { filename, cwd } = context;
  if (lastRelative?.filename !== filename || lastRelative.cwd !== cwd) {
    lastRelative = { filename, cwd, relative: toPosixRelative(filename, cwd) };
  }
  return lastRelative.relative;
}

/** Whether the linted file matches one of `globs` (an empty list matches nothing). */
export function fileMatchesGlobs(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  globs: readonly string[],
): boolean {
  return globs.length > 0 && globMatcher(globs)(relativeFilename(context));
}

/** The schema of an option that lists globs of files, relative to the working directory. */
export function fileGlobsSchema(description: string): JSONSchema.JSONSchema4ArraySchema {
  return { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true, description };
}
