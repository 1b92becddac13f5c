/**
 * Property-based tests (fast-check) of the env example reader: generated and random env files
 * never make `locateEnvKeys` or `readEnvExamples` throw, the keys found are exactly the keys
 * `dotenv.parse` defines, every position is in range and points at its key, and a file built
 * from a known key → value map gives back exactly those keys, in order.
 *
 * No fixed seeds: fast-check varies the seed per run and prints it (with the shrunk
 * counterexample) on failure; rerun with `{ seed, path }` from that report to reproduce.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "dotenv";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { locateEnvKeys, readEnvExamples, type EnvKeyScan } from "../src/env-example/read-env-examples.js";

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

// ---------------------------------------------------------------- arbitraries

const lineEnding = fc.constantFrom("\n", "\r\n", "\r");
const indent = fc.constantFrom("", "", " ", "  ", "\t", " \t ");
const key = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,12}$/);
const exportPrefix = fc.constantFrom("", "", "export ", "export\t", "  export  ");
const aroundEquals = fc.constantFrom("=", "=", " = ", "= ", " =", "\t=\t");

/** Text for a value, from plain ASCII to any unicode (line breaks excluded: quoting adds them). */
const valueText = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_ .:/@+=-]{0,20}$/),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 12 }),
);

/** A value written unquoted or in one of the three quotes, possibly spanning lines when quoted. */
function writtenValue(
  text: string,
  style: "plain" | "single" | "double" | "backtick",
  lineBreak: string,
): string {
  const oneLine = text.replace(/[\r\n\u2028\u2029]/g, " ");
  switch (style) {
    case "plain":
      // Unquoted: up to `#` or the end of the line; must not open a quote.
      return oneLine.replace(/#/g, "").replace(/^[\s'"`]+/, "");
    case "single":
      return `'${text.replace(/['\\]/g, "").replace(/\n/g, lineBreak)}'`;
    case "double":
      return `"${text.replace(/["\\]/g, "").replace(/\n/g, lineBreak)}"`;
    case "backtick":
      return `\`${text.replace(/[`\\]/g, "").replace(/\n/g, lineBreak)}\``;
  }
}
const quoteStyle = fc.constantFrom("plain", "single", "double", "backtick") as fc.Arbitrary<
  "plain" | "single" | "double" | "backtick"
>;

/** Optional trailing comment (after whitespace, as dotenv requires for unquoted values). */
const trailingComment = fc.oneof(
  fc.constant(""),
  fc.string({ maxLength: 12 }).map((text) => ` # ${text.replace(/[\r\n\u2028\u2029]/g, "")}`),
);

/**
 * A valid `KEY=value` definition (one or more lines, the last without its line ending), its key,
 * and whether dotenv is certain to define it. A quoted value may contain newlines.
 */
const definition = fc
  .record({
    indent,
    exportPrefix,
    key,
    equals: aroundEquals,
    colonForm: fc.boolean(),
    text: fc.oneof(valueText, fc.array(valueText, { minLength: 2, maxLength: 3 }).map((parts) => parts.join("\n"))),
    style: quoteStyle,
    comment: trailingComment,
    lineBreak: lineEnding,
  })
  .map((d) => {
    const value = writtenValue(d.text, d.style, d.lineBreak);
    // `KEY: value` needs whitespace after the colon and a value on the same line.
    const colon = d.colonForm && value !== "";
    const separator = colon ? ": " : d.equals;
    return { key: d.key, text: `${d.indent}${d.exportPrefix}${d.key}${separator}${value}${d.comment}` };
  });

/** Pieces of text that confuse a line parser: quotes, separators, markers, any unicode. */
const junkFragment = fc.oneof(
  fc.constantFrom("=", ":", ": ", "#", " #", "'", '"', "`", "\\", "\\'", '\\"', "export", "export ", " ", "\t"),
  fc.constantFrom("KEY", "A", "__proto__", "constructor", "x.y-z", "KÉY", "\u00a0", "\ufeff", "\u2028", "\u2029"),
  fc.constantFrom("\n", "\r\n", "\r", "\n\n\n", "\v", "\f"),
  fc.string({ unit: "grapheme", maxLength: 6 }),
  fc.string({ unit: "binary", maxLength: 6 }),
);
const junkLine = fc.array(junkFragment, { maxLength: 8 }).map((parts) => parts.join(""));

/** One line of a generated env file (without its line ending). */
const envLine = fc.oneof(
  { weight: 6, arbitrary: definition.map((d) => d.text) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((text) => `# ${text.replace(/[\r\n]/g, "")}`) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "\t", "   ") },
  { weight: 1, arbitrary: key.map((k) => k) }, // a bare name
  { weight: 2, arbitrary: junkLine },
);

/** A whole env file: generated lines with mixed line endings, an optional BOM, an optional final newline. */
const envFile = fc
  .record({
    bom: fc.boolean(),
    lines: fc.array(fc.tuple(envLine, lineEnding), { maxLength: 25 }),
    finalNewline: fc.boolean(),
  })
  .map(({ bom, lines, finalNewline }) => {
    const body = lines.map(([line, ending], i) => line + (i < lines.length - 1 || finalNewline ? ending : "")).join("");
    return (bom ? "\ufeff" : "") + body;
  });

/** Anything: generated files, unicode and binary-ish strings, fragment soup. */
const anyEnvText = fc.oneof(
  { weight: 4, arbitrary: envFile },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 300 }) },
  { weight: 2, arbitrary: fc.array(junkFragment, { maxLength: 60 }).map((parts) => parts.join("")) },
);

// ---------------------------------------------------------------- helpers

/** The file's lines as the reader counts them (dotenv's breaks: CRLF, CR, LF). */
function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function checkPositions(text: string, scan: EnvKeyScan): void {
  const lines = linesOf(text);
  for (const found of scan.keys) {
    expect(found.line).toBeGreaterThanOrEqual(1);
    expect(found.line).toBeLessThanOrEqual(lines.length);
    const line = lines[found.line - 1]!;
    expect(found.column).toBeGreaterThanOrEqual(1);
    expect(found.column).toBeLessThanOrEqual(line.length + 1);
    expect(line.slice(found.column - 1).startsWith(found.name), `${found.name} at ${found.line}:${found.column}`).toBe(
      true,
    );
  }
  for (const odd of scan.oddLines) {
    expect(odd.line).toBeGreaterThanOrEqual(1);
    expect(odd.line).toBeLessThanOrEqual(lines.length);
    expect(odd.column).toBeGreaterThanOrEqual(1);
    expect(odd.column).toBeLessThanOrEqual(lines[odd.line - 1]!.length + 1);
  }
}

// ---------------------------------------------------------------- properties

describe("locateEnvKeys: properties", () => {
  it("never throws, finds exactly dotenv's keys, and keeps every position in range and on its key", () => {
    fc.assert(
      fc.property(anyEnvText, (text) => {
        const scan = locateEnvKeys(text);
        const found = [...new Set(scan.keys.map((k) => k.name))].sort();
        expect(found).toEqual(Object.keys(parse(text)).sort());
        checkPositions(text, scan);
      }),
      { numRuns: 500 },
    );
  });

  it("lists keys in file order, never an odd line that also defines a key", () => {
    fc.assert(
      fc.property(envFile, (text) => {
        const scan = locateEnvKeys(text);
        for (let i = 1; i < scan.keys.length; i++) {
          const [a, b] = [scan.keys[i - 1]!, scan.keys[i]!];
          expect(a.line < b.line || (a.line === b.line && a.column < b.column)).toBe(true);
        }
        const keyLines = new Set(scan.keys.map((k) => k.line));
        for (const odd of scan.oddLines) expect(keyLines.has(odd.line)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("round-trips: a file written from a key → value map gives back exactly those keys, in order", () => {
    const entries = fc.uniqueArray(definition, {
      selector: (d) => d.key,
      maxLength: 15,
    });
    const filler = fc.constantFrom("", "  ", "# a comment", "#", "  # indented = comment", "\t");
    fc.assert(
      fc.property(
        entries,
        fc.array(fc.tuple(filler, fc.nat()), { maxLength: 6 }),
        lineEnding,
        fc.boolean(),
        (defs, fillers, ending, bom) => {
          const lines = defs.map((d) => d.text);
          for (const [text, at] of fillers) lines.splice(at % (lines.length + 1), 0, text);
          const text = (bom ? "\ufeff" : "") + lines.join(ending) + ending;
          const scan = locateEnvKeys(text);
          const expected = defs.map((d) => d.key).filter((k) => k !== "__proto__");
          expect(scan.keys.map((k) => k.name)).toEqual(expected);
          expect(Object.keys(parse(text))).toEqual(expected);
          expect(scan.oddLines).toEqual([]);
          checkPositions(text, scan);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("readEnvExamples: properties", () => {
  it("never throws on files of arbitrary bytes; a problem replaces what cannot be read", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "env-example-property-"));
    roots.push(root);
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      fc.uint8Array({ maxLength: 2000 }).map((array) => array.map((byte) => byte || 0x41)), // no NUL
      anyEnvText.map((text) => new Uint8Array(Buffer.from(text, "utf8"))),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(bytes, async (content) => {
        const file = `case-${run++}/.env.example`;
        fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), content);
        const facts = await readEnvExamples(root, [file, "missing/.env.example"]);
        // The missing file is a problem, never an exception.
        expect(facts.problems.some((p) => p.file === "missing/.env.example")).toBe(true);
        if (Buffer.from(content).includes(0)) {
          expect(facts.files).toEqual([]);
          expect(facts.problems.some((p) => p.file === file && /NUL/.test(p.message))).toBe(true);
          return;
        }
        expect(facts.files).toEqual([file]);
        let text = Buffer.from(content).toString("utf8");
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        const lines = linesOf(text);
        for (const entry of facts.keys) {
          expect(entry.position.file).toBe(file);
          expect(entry.position.line).toBeGreaterThanOrEqual(1);
          expect(entry.position.line).toBeLessThanOrEqual(lines.length);
          expect(lines[entry.position.line - 1]!.slice(entry.position.column - 1).startsWith(entry.name)).toBe(true);
        }
        for (const problem of facts.problems.filter((p) => p.file === file)) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.line).toBeLessThanOrEqual(lines.length);
        }
      }),
      { numRuns: 40 },
    );
  });
});
