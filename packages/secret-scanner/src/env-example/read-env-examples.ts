/**
 * The env example reader: which keys `.env.example` (and similar) files define, and where.
 *
 * Semantics come from dotenv itself: a key is listed only if `dotenv.parse` (the default parser,
 * the one `dotenv.config()` uses) defines it. dotenv gives no positions, so a scan over the same
 * text finds each key's 1-based line and column (see `locateEnvKeys`).
 *
 * Values are never kept: `parse` returns them, but only its key names are looked at, and each
 * value is reduced to core's verdict on it (`classifySecretValue`: a credential, or why not) before
 * it is dropped; every problem message is fixed text plus line numbers — never a piece of the
 * file. A value in an env example may be a real secret somebody pasted by mistake.
 *
 * Never throws for bad input: a missing, unreadable, oversized (> 5 MB) or binary (NUL bytes) file
 * is one `InputProblem` and the other files are still read.
 */

import { promises as fs } from "node:fs";
import path from "node:path";
import { classifySecretValue, type SecretValueReason } from "@secrets-suite/core";
import { parse } from "dotenv";
import type { ComposeNamedEntry, EnvExampleFacts, EnvExampleKey, InputProblem, TextObserver } from "../model.js";
import { readFailure } from "../reader-failure.js";
import { lineAndColumn, lineIndexAt, lineStartsOf } from "../text-positions.js";

/** Files larger than this are skipped with a problem. */
export const MAX_ENV_EXAMPLE_FILE_BYTES = 5 * 1024 * 1024;

/** Lines that are not KEY=value reported per file before the rest are summarised in one problem. */
export const MAX_ODD_LINE_PROBLEMS_PER_FILE = 50;

/**
 * dotenv's own line grammar: the `LINE` regular expression of its default parser (unchanged from
 * dotenv 16 to the 18.0.10 installed here), with the `d` flag added for match indices, which does
 * not change what it matches. In words: at the start of a line, optional whitespace, an optional
 * `export `, a key of `[A-Za-z0-9_.-]`, then `=` (spaces allowed around it) or `:` followed by
 * whitespace, then an optional value — a '…', "…" or `…` quoted string, which may span lines, or
 * else everything up to `#` or the end of the line — and an optional `# comment`.
 *
 * Consequences worth knowing (all verified against `dotenv.parse` in the tests):
 * - `KEY` alone on a line (no `=`) defines nothing: dotenv skips the line silently. We report it.
 * - `KEY: value` (colon and whitespace) defines KEY; `KEY:value` does not.
 * - `NOT A VALID LINE`, `=value`, `MY KEY=1`, `KÉY=1` (non-ASCII key) define nothing.
 * - Lines inside a multi-line quoted value are part of that value, not keys.
 *
 * If a future dotenv changes its grammar, the key set still comes from `parse` (see
 * `locateEnvKeys`); only positions and odd-line detection would follow this copy.
 */
const DOTENV_LINE =
  /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/dgm;

/**
 * A key written out in a comment line: `# KEY=value`, `#KEY=`, `# export KEY=value`. Only the
 * comment's first word, followed at once by `=`: prose (`# Set FOO=1 to …`) is not a key.
 */
const COMMENTED_KEY = /^[ \t]*#[ \t]*(?:export[ \t]+)?([A-Za-z_][\w.-]*)[ \t]*=/gm;

/** The keys written out in comment lines, with their 1-based positions. */
export function locateCommentedKeys(text: string): Array<{ readonly name: string; readonly line: number; readonly column: number }> {
  const matches = [...text.matchAll(COMMENTED_KEY)];
  if (matches.length === 0) return [];
  const lineStarts = lineStartsOf(text);
  return matches.map((match) => {
    const name = match[1]!;
    return { name, ...lineAndColumn(lineStarts, match.index + match[0].lastIndexOf(name, match[0].length - 1)) };
  });
}

/** A key defined by an env file, with its 1-based position. */
export interface LocatedEnvKey {
  readonly name: string;
  readonly line: number;
  readonly column: number;
  /** The last line of the definition: a quoted value may span lines (what `fix --prune` removes). */
  readonly endLine: number;
  /**
   * Core's verdict on the value dotenv gives the key (for a key defined twice, its last value, as
   * for dotenv): `credential`, or why it is not one. Never the value.
   */
  readonly value: SecretValueReason;
}

/** A non-blank, non-comment line that dotenv skips. */
export interface OddEnvLine {
  readonly line: number;
  /** Column of the line's first non-whitespace character. */
  readonly column: number;
  /** The line is a bare name (`KEY` or `export KEY`) with no `=`. */
  readonly bareName: boolean;
}

export interface EnvKeyScan {
  /** Every definition, in file order; a key defined twice appears twice. */
  readonly keys: readonly LocatedEnvKey[];
  readonly oddLines: readonly OddEnvLine[];
}

/**
 * Finds the keys dotenv defines in `text` (the file's contents, BOM already removed) and the lines
 * it skips that are neither blank nor comments. Pure; exported for tests and other callers.
 */
export function locateEnvKeys(text: string): EnvKeyScan {
  // dotenv turns CRLF and lone CR into LF before parsing; line numbers follow the same breaks.
  const lines = text.replace(/\r\n?/g, "\n").split("\n");

  // Each run of whitespace-only lines becomes one empty line before parsing. dotenv's regular
  // expression is quadratic on runs of blank lines (100 000 empty lines take it about 25 s);
  // with runs of one it is linear. Which keys are defined does not change: the grammar only lets
  // whitespace, blank lines included, sit between tokens or inside a quoted value, and the one
  // place where blank lines count is `KEY:` at the end of a line, whose value is the next line
  // only if no blank line comes between — a difference that one empty line keeps. (Checked by
  // fuzzing this function against dotenv on the original text: same keys, positions, odd lines.)
  const keptLines: string[] = [];
  const lineNumbers: number[] = []; // 1-based line number in the file of each kept line
  let previousBlank = false;
  lines.forEach((line, index) => {
    const blank = line.trim() === "";
    if (blank && previousBlank) return;
    keptLines.push(blank ? "" : line);
    lineNumbers.push(index + 1);
    previousBlank = blank;
  });
  const compact = keptLines.join("\n");
  const lineStarts = lineStartsOf(compact);

  const values = parse(compact);
  const defined = new Set(Object.keys(values));
  const verdictOf = (name: string): SecretValueReason => classifySecretValue(values[name] ?? "", { name }).reason;

  const keys: LocatedEnvKey[] = [];
  const covered = new Uint8Array(keptLines.length);
  for (const match of compact.matchAll(DOTENV_LINE)) {
    const keyStart = match.indices?.[1]?.[0] ?? match.index;
    const matchEnd = match.index + match[0].length;
    const first = lineIndexAt(lineStarts, keyStart);
    const last = lineIndexAt(lineStarts, Math.max(keyStart, matchEnd - 1));
    covered.fill(1, first, last + 1);
    const name = match[1]!;
    // `__proto__` matches the grammar but is not an own key of dotenv's result, so it is not defined.
    if (!defined.has(name)) continue;
    keys.push({ name, line: lineNumbers[first]!, column: keyStart - lineStarts[first]! + 1, endLine: lineNumbers[last]!, value: verdictOf(name) });
  }

  // Guard against dotenv changing its grammar: a key `parse` defines is always listed, at the
  // first line that plausibly defines it (or 1:1).
  const located = new Set(keys.map((key) => key.name));
  for (const name of defined) {
    if (located.has(name)) continue;
    keys.push({ ...fallbackPosition(name, keptLines, lineNumbers), value: verdictOf(name) });
  }
  keys.sort((a, b) => a.line - b.line || a.column - b.column);

  const oddLines: OddEnvLine[] = [];
  keptLines.forEach((line, index) => {
    if (covered[index]) return;
    const trimmed = line.trimStart();
    if (trimmed === "" || trimmed.startsWith("#")) return; // blank line or full-line comment
    // A bare `KEY` (or `export KEY`) with no `=` is skipped by dotenv without a word: it defines
    // nothing, not even an empty KEY. Other readers (`docker run --env-file`) take such a line as
    // "pass KEY through from the environment", so writing one in an env example is a plausible
    // mistake; it is reported (with a hint to write `KEY=`) and not listed as a key.
    oddLines.push({
      line: lineNumbers[index]!,
      column: line.length - trimmed.length + 1,
      bareName: /^(?:export\s+)?[\w.-]+\s*$/.test(trimmed),
    });
  });

  return { keys, oddLines };
}

/**
 * Reads the env example files `files` (POSIX paths relative to `root`, an absolute directory).
 *
 * In the result, `files` are the files that were read (a skipped file is only a problem); `keys`
 * has one entry per definition (a key defined twice in a file is listed twice, at both lines);
 * keys and problems are sorted by file, then line and column. Problem messages are fixed text
 * with line numbers, never text from the file.
 */
export async function readEnvExamples(root: string, files: readonly string[], observe?: TextObserver): Promise<EnvExampleFacts> {
  const read: string[] = [];
  const keys: EnvExampleKey[] = [];
  const commentedKeys: ComposeNamedEntry[] = [];
  const problems: InputProblem[] = [];

  for (const file of [...new Set(files)]) {
    try {
      const text = await readText(root, file, problems);
      if (text === undefined) continue;
      read.push(file);
      observe?.(file, text);
      const scan = locateEnvKeys(text);
      for (const key of scan.keys) {
        keys.push({ name: key.name, position: { file, line: key.line, column: key.column }, value: key.value });
      }
      for (const key of locateCommentedKeys(text)) commentedKeys.push({ name: key.name, position: { file, line: key.line, column: key.column } });
      for (const odd of scan.oddLines.slice(0, MAX_ODD_LINE_PROBLEMS_PER_FILE)) {
        problems.push({ file, line: odd.line, column: odd.column, message: oddLineMessage(odd) });
      }
      const unlisted = scan.oddLines[MAX_ODD_LINE_PROBLEMS_PER_FILE];
      if (unlisted) {
        const more = scan.oddLines.length - MAX_ODD_LINE_PROBLEMS_PER_FILE;
        problems.push({
          file,
          line: unlisted.line,
          column: unlisted.column,
          message: `${more} more ${more === 1 ? "line is" : "lines are"} not KEY=value; not listed`,
        });
      }
    } catch (error) {
      // one file's failure (a bug of ours) does not stop the scan
      problems.push(readFailure(file, "env example file", error));
    }
  }

  read.sort(compareStrings);
  keys.sort(
    (a, b) =>
      compareStrings(a.position.file, b.position.file) ||
      a.position.line - b.position.line ||
      a.position.column - b.position.column,
  );
  problems.sort(
    (a, b) => compareStrings(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  commentedKeys.sort(
    (a, b) => compareStrings(a.position.file, b.position.file) || a.position.line - b.position.line || a.position.column - b.position.column,
  );
  return { files: read, keys, commentedKeys, problems };
}

// ---------------------------------------------------------------- helpers

/** The file's text without a BOM, or undefined after recording why it was skipped. */
async function readText(root: string, file: string, problems: InputProblem[]): Promise<string | undefined> {
  const absolute = path.resolve(root, file);
  let stat;
  try {
    stat = await fs.stat(absolute);
  } catch (error) {
    problems.push(readFailure(file, "env example file", error));
    return undefined;
  }
  if (!stat.isFile()) {
    problems.push({ file, message: "Env example path is not a regular file; skipped." });
    return undefined;
  }
  if (stat.size > MAX_ENV_EXAMPLE_FILE_BYTES) {
    problems.push({ file, message: "Env example file is larger than 5 MB; skipped." });
    return undefined;
  }
  let buffer: Buffer;
  try {
    buffer = await fs.readFile(absolute);
  } catch (error) {
    problems.push(readFailure(file, "env example file", error));
    return undefined;
  }
  if (buffer.length > MAX_ENV_EXAMPLE_FILE_BYTES) {
    // It grew between stat and read.
    problems.push({ file, message: "Env example file is larger than 5 MB; skipped." });
    return undefined;
  }
  if (buffer.includes(0)) {
    problems.push({ file, message: "Env example file contains NUL bytes (binary?); skipped." });
    return undefined;
  }
  const text = buffer.toString("utf8");
  // A byte order mark would shift every column on the first line by one.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function oddLineMessage(odd: OddEnvLine): string {
  // Fixed text only: the line itself may be a pasted secret (a bare token looks like a bare name).
  return odd.bareName
    ? `line ${odd.line} is not KEY=value (a name without '=' defines nothing for dotenv; write NAME= to list it)`
    : `line ${odd.line} is not KEY=value`;
}

function fallbackPosition(name: string, keptLines: readonly string[], lineNumbers: readonly number[]): Omit<LocatedEnvKey, "value"> {
  const escaped = name.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
  const pattern = new RegExp(`^(\\s*(?:export\\s+)?)${escaped}\\s*[=:]`);
  for (let index = 0; index < keptLines.length; index++) {
    const found = pattern.exec(keptLines[index]!);
    if (found) return { name, line: lineNumbers[index]!, column: found[1]!.length + 1, endLine: lineNumbers[index]! };
  }
  return { name, line: 1, column: 1, endLine: 1 };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
