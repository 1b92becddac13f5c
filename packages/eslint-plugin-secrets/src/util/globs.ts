import picomatch from "picomatch";

/** Compiled matchers per list of globs: rule options are shared between files (see create-rule.ts). */
const matchers = new WeakMap<readonly string[], (path: string) => boolean>();

/**
 * A matcher for option globs (relative paths, POSIX, dot files included), compiled once per
 * options list rather than once per file: picomatch compiles every glob to a regular expression.
 */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  let matcher = matchers.get(globs);
  if (!matcher) {
    matcher = picomatch([...globs], { dot: true });
    matchers.set(globs, matcher);
  }
  return matcher;
}
