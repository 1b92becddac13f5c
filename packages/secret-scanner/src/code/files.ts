/**
 * Reading code files and the cheap text test that decides which ones are worth parsing.
 */
import fs from "node:fs";
import path from "node:path";
import type { InputProblem } from "../model.js";

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Reads files as UTF-8, one at a time. A file that is too large, binary (contains a NUL byte) or
 * unreadable gives undefined, with one problem. Reads are synchronous into one shared buffer
 * (open, read, close; no per-file allocation, no stat): on a warm cache this is the fastest way
 * through thousands of small files.
 */
export class TextReader {
  // one byte more than the limit: a file that fills it is too large
  private readonly buffer = Buffer.allocUnsafe(MAX_FILE_BYTES + 1);

  constructor(
    private readonly root: string,
    private readonly problems: InputProblem[],
  ) {}

  read(file: string): string | undefined {
    const buffer = this.buffer;
    let descriptor: number | undefined;
    try {
      descriptor = fs.openSync(path.join(this.root, file), "r");
      let length = 0;
      for (;;) {
        const read = fs.readSync(descriptor, buffer, length, buffer.length - length, null);
        if (read === 0) break;
        length += read;
        if (length === buffer.length) break;
      }
      if (length > MAX_FILE_BYTES) {
        this.problems.push({ file, message: "skipped: larger than 2 MB" });
        return undefined;
      }
      if (buffer.subarray(0, length).includes(0)) {
        this.problems.push({ file, message: "skipped: binary file" });
        return undefined;
      }
      return buffer.toString("utf8", 0, length);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      this.problems.push({ file, message: code ? `cannot read file (${code})` : "cannot read file" });
      return undefined;
    } finally {
      if (descriptor !== undefined) {
        try {
          fs.closeSync(descriptor);
        } catch {
          // nothing left to do
        }
      }
    }
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A regular expression that matches a text that mentions one of `names` as a whole identifier. */
export function namePattern(names: Iterable<string>): RegExp | undefined {
  const sorted = [...new Set(names)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (sorted.length === 0) return undefined;
  return new RegExp(String.raw`(?<![\w$])(?:${sorted.map(escapeRegExp).join("|")})(?![\w$])`);
}
