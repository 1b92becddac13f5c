/**
 * Applies an `EnvExampleEdit` to the text of an env example: removes the definitions of pruned
 * keys (every line of a quoted value that spans lines), and appends the missing keys at the end,
 * each under a comment naming the files that read it. Every other byte of the file is kept: the
 * lines are cut and joined with their own line breaks, and a byte order mark stays in place.
 *
 * A value is never written: added keys are empty (`NAME=`), which core's placeholder test calls a
 * placeholder (`placeholderReason("") === "empty"`), and the only value text that leaves the file is
 * in removed lines, which are dropped.
 */
import { locateEnvKeys } from "../env-example/read-env-examples.js";
import type { EnvExampleEdit } from "./plan.js";

/** The file's text after the edit, and the lines the edit wrote (shown as they are in a dry run). */
export interface EditedText {
  readonly text: string;
  readonly ownLines: ReadonlySet<string>;
}

/** The comment line `fix` writes above an added key. */
const READ_BY = /^# read by \S/;

/** Reading files named in a key's comment before the rest are counted. */
const MAX_READERS_NAMED = 3;

/** The lines of `text`, each with its own line break (`\n`, `\r\n` or a lone `\r`, as dotenv reads them). */
export function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

function readByComment(readBy: readonly string[]): string {
  const named = readBy.slice(0, MAX_READERS_NAMED).join(", ");
  const more = readBy.length - MAX_READERS_NAMED;
  return `# read by ${named}${more > 0 ? ` and ${more} more file(s)` : ""}`;
}

export function applyEnvExampleEdit(original: string, edit: EnvExampleEdit): EditedText {
  const bom = original.startsWith("\uFEFF") ? "\uFEFF" : "";
  const text = original.slice(bom.length);
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = splitLines(text);
  const before = locateEnvKeys(text);

  // ---- removals: whole lines, from the key's line to the last line of its value
  const removed = new Set(edit.remove);
  const dropped = new Set<number>(); // 1-based line numbers
  for (const key of before.keys) {
    if (!removed.has(key.name)) continue;
    for (let line = key.line; line <= key.endLine; line++) dropped.add(line);
    // the comment fix wrote above the key goes with it
    if (READ_BY.test(lines[key.line - 2] ?? "")) dropped.add(key.line - 1);
  }
  let result = lines.filter((_line, index) => !dropped.has(index + 1)).join("");

  // ---- additions: at the end, after a blank line, each under its comment
  const ownLines = new Set<string>();
  if (edit.add.length > 0) {
    if (result !== "" && !/[\r\n]$/.test(result)) result += newline;
    const lastLine = splitLines(result).at(-1);
    if (lastLine !== undefined && lastLine.trim() !== "") result += newline;
    for (const addition of edit.add) {
      const comment = readByComment(addition.readBy);
      const definition = `${addition.name}=`;
      result += `${comment}${newline}${definition}${newline}`;
      ownLines.add(comment).add(definition);
    }
  }

  // The edit must define exactly the keys it meant to: anything else is a bug of ours, not the file's.
  const expected = new Set(before.keys.map((key) => key.name).filter((name) => !removed.has(name)));
  for (const addition of edit.add) expected.add(addition.name);
  const after = new Set(locateEnvKeys(result).keys.map((key) => key.name));
  if (after.size !== expected.size || [...expected].some((name) => !after.has(name))) {
    throw new Error(`fix: editing ${edit.file} would not define the expected keys`);
  }
  return { text: bom + result, ownLines };
}
