/**
 * The unified diff `fix --dry-run` prints: for review, never a way to leak a value. It has no
 * context lines (an env example's or a compose file's neighbouring lines may hold values), shows
 * the lines the fix wrote as they are, and masks every other line it must show (a removed line, a
 * line the fix changed in place): the key stays, what follows `=` or `:` becomes `…`. The masked
 * diff is therefore not a patch to apply.
 */
import { FILE_HEADERS_ONLY, formatPatch, structuredPatch } from "diff";

/** A line with whatever could be a value replaced by `…`: `KEY=…`, `  file: …`, `# …`, `- …`. */
export function maskLine(line: string): string {
  const indent = /^\s*/.exec(line)![0];
  const rest = line.slice(indent.length);
  if (rest === "") return line;
  if (rest.startsWith("#")) return `${indent}# …`;
  const key = /^(?:export\s+)?[\w.-]+\s*(?:=|:(?=\s|$))/.exec(rest);
  if (key) {
    if (rest.slice(key[0].length).trim() === "") return line;
    return `${indent}${key[0].trimEnd()}${key[0].trimEnd().endsWith("=") ? "" : " "}…`;
  }
  if (rest.startsWith("- ")) return `${indent}- …`;
  return `${indent}…`;
}

export function reviewDiff(file: string, before: string, after: string, ownLines: ReadonlySet<string>): string {
  const patch = structuredPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { context: 0 });
  for (const hunk of patch.hunks) {
    hunk.lines = hunk.lines.map((line) => {
      const sign = line[0];
      if (sign !== "+" && sign !== "-") return line; // "\ No newline at end of file"
      const content = line.slice(1).replace(/\r$/, "");
      return sign === "+" && ownLines.has(content) ? `+${content}` : `${sign}${maskLine(content)}`;
    });
  }
  return formatPatch(patch, FILE_HEADERS_ONLY);
}
