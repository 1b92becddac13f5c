import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RULE_IDS } from "../src/config/schema.js";
import { commentKindForFile, parseSuppressions, type Suppressions } from "../src/suppressions.js";

/** Every check the scanner has: the rule ids a directive may name. */
const RULES = RULE_IDS;

const roots: string[] = [];

afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

/** Writes `content` to a temp file named `name` and reads it back as the scanner does (utf8, BOM kept). */
function roundTrip(name: string, content: string | Buffer): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "suppressions-test-"));
  roots.push(root);
  const file = path.join(root, name);
  fs.writeFileSync(file, content);
  return fs.readFileSync(file, "utf8");
}

function lines(...text: string[]): string {
  return `${text.join("\n")}\n`;
}

/** For each line 1..count, which of `rules` are suppressed there: "line:rule,rule" entries for non-empty lines. */
function suppressedMap(s: Suppressions, count: number, rules: readonly string[] = RULES): string[] {
  const out: string[] = [];
  for (let line = 1; line <= count; line++) {
    const hit = rules.filter((rule) => s.isSuppressed(line, rule));
    if (hit.length === rules.length) out.push(`${line}:*`);
    else if (hit.length > 0) out.push(`${line}:${hit.join(",")}`);
  }
  return out;
}

function problemsOf(s: Suppressions): string[] {
  return s.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
}

describe("commentKindForFile", () => {
  it("maps code, YAML and env files, and nothing else", () => {
    for (const file of ["a.ts", "b/c.tsx", "x.mts", "x.cts", "x.js", "x.jsx", "x.mjs", "x.cjs", "types.d.ts", "UP.TS"]) {
      expect(commentKindForFile(file), file).toBe("code");
    }
    for (const file of [
      "compose.yaml",
      "deploy/docker-compose.yml",
      ".env",
      ".env.example",
      "api/.env.sample",
      ".env.template",
      ".env.dist",
      "prod.env",
      "api.env.example",
      "env.example",
      "C:\\repo\\.env.example",
    ]) {
      expect(commentKindForFile(file), file).toBe("hash");
    }
    for (const file of ["README.md", "secrets.json", ".env.json", "dotenv", "Dockerfile", "environment.txt", "x.ts.bak"]) {
      expect(commentKindForFile(file), file).toBeUndefined();
    }
  });
});

describe("parseSuppressions: code files", () => {
  it("applies disable-next-line and disable-line, with rule lists and reasons", () => {
    const text = lines(
      "// secret-scanner-disable-next-line name-mismatch", //                                   1
      'const a = getSecret("A");', //                                                           2
      "// secret-scanner-disable-next-line name-mismatch, dynamic-secret-name -- legacy names", // 3
      "const b = getSecret(name);", //                                                          4
      "/* secret-scanner-disable-next-line undeclared-in-compose */", //                        5
      "const c = process.env.C;", //                                                            6
      "const d = process.env.D; // secret-scanner-disable-line undeclared-in-env-example", //    7
      "const e = process.env.E; /* secret-scanner-disable-line -- every rule, with a reason */", // 8
      "// secret-scanner-disable-next-line", //                                                 9
      "const f = process.env.F;", //                                                            10
      "    // secret-scanner-disable-next-line name-mismatch,,dynamic-secret-name   ", //         11
      "const g = 1;", //                                                                        12
      "/** secret-scanner-disable-next-line parse-error */", //                                 13
      "const h = 1;", //                                                                        14
      "const i = 1; //secret-scanner-disable-line", //                                          15
    );
    const s = parseSuppressions(text, "code", RULES);
    expect(suppressedMap(s, 16)).toEqual([
      "2:name-mismatch",
      "4:name-mismatch,dynamic-secret-name",
      "6:undeclared-in-compose",
      "7:undeclared-in-env-example",
      "8:*",
      "10:*",
      "12:name-mismatch,dynamic-secret-name",
      "14:parse-error",
      "15:*",
    ]);
    expect(s.problems).toEqual([]);
    expect(s.directives[1]).toEqual({
      directive: "secret-scanner-disable-next-line",
      line: 3,
      column: 1,
      appliesTo: 4,
      ruleIds: ["name-mismatch", "dynamic-secret-name"],
      allRules: false,
      reason: "legacy names",
    });
    expect(s.directives[4]).toMatchObject({ line: 8, column: 26, appliesTo: 8, allRules: true, reason: "every rule, with a reason" });
    expect(s.directives[2]).not.toHaveProperty("reason");
  });

  it("is not fooled by the marker inside strings, templates or regular expressions", () => {
    const text = lines(
      'const s1 = "// secret-scanner-disable-line";', //                           1
      "const s2 = '/* secret-scanner-disable-line */';", //                        2
      "const s3 = `// secret-scanner-disable-line`;", //                           3
      "const s4 = `", //                                                           4
      "// secret-scanner-disable-next-line", //                                    5 (inside the template)
      "${x /* real comment */} // secret-scanner-disable-line", //                 6 (still template text)
      "`;", //                                                                     7
      "const r = /\\/\\/ secret-scanner-disable-line/.test(x);", //                8
      "const url = 'http://example.com'; // secret-scanner-disable-line parse-error", // 9
      "const q = a / b; // secret-scanner-disable-line name-mismatch", //          10
      'const esc = "quote \\" // secret-scanner-disable-line";', //                11
      "const re2 = x.replace(/'/g, ''); // secret-scanner-disable-line dynamic-secret-name", // 12
      "const nested = `${`// secret-scanner-disable-line`}`;", //                  13
      "const cls = /[/]/; // secret-scanner-disable-line granted-but-unused", //   14
    );
    const s = parseSuppressions(text, "code", RULES);
    expect(suppressedMap(s, 15)).toEqual([
      "9:parse-error",
      "10:name-mismatch",
      "12:dynamic-secret-name",
      "14:granted-but-unused",
    ]);
    expect(s.problems).toEqual([]);
  });

  it("tracks block comments across lines", () => {
    const text = lines(
      "/*", //                                                 1
      "  const x = '", //                                      2 (an apostrophe in a comment opens nothing)
      "*/ const y = 1; // secret-scanner-disable-line", //     3
    );
    const s = parseSuppressions(text, "code", RULES);
    expect(suppressedMap(s, 3)).toEqual(["3:*"]);
  });

  it("does not stack disable-next-line comments (as in ESLint)", () => {
    const text = lines(
      "// secret-scanner-disable-next-line name-mismatch",
      "// secret-scanner-disable-next-line parse-error",
      "const a = 1;",
    );
    const s = parseSuppressions(text, "code", RULES);
    expect(suppressedMap(s, 3)).toEqual(["2:name-mismatch", "3:parse-error"]);
  });

  it("reports unknown rule ids with their position and suggests the closest", () => {
    const text = lines(
      "// secret-scanner-disable-next-line name-mismatch, name-mismatc -- typo", // 1
      "const a = 1;", //                                                          2
      "const b = 1; /* secret-scanner-disable-line no-such-rule */", //           3
      "const c = 1; // secret-scanner-disable-line dynamic-secret-name because reasons", // 4
    );
    const s = parseSuppressions(text, "code", RULES);
    expect(problemsOf(s)).toEqual([
      '1:52 secret-scanner-disable-next-line names unknown rule id "name-mismatc" (did you mean "name-mismatch"?)',
      '3:45 secret-scanner-disable-line names unknown rule id "no-such-rule"',
      '4:65 secret-scanner-disable-line names unknown rule id "because"',
      '4:73 secret-scanner-disable-line names unknown rule id "reasons"',
    ]);
    // Known ids still apply; a comment naming only unknown ids silences nothing (never "all rules").
    expect(suppressedMap(s, 4)).toEqual(["2:name-mismatch", "4:dynamic-secret-name"]);
    expect(s.directives[1]).toMatchObject({ ruleIds: [], allRules: false });
  });

  it("reports unknown and malformed directives, and directives that cannot work", () => {
    const text = lines(
      "// secret-scanner-disable-nextline name-mismatch", //           1
      "const a = 1; // secret-scanner-disable", //                     2
      "const b = 1; // secret-scanner-disable-line:name-mismatch", //  3
      "// secret-scanner-disable-line name-mismatch", //               4 (no code on the line)
      "/* secret-scanner-disable-next-line", //                        5
      "   name-mismatch */", //                                        6
      "const c = 1;", //                                               7
      "// a comment that mentions secret-scanner-disable-line", //     8 (not at the start: not a directive)
    );
    const s = parseSuppressions(text, "code", RULES);
    expect(problemsOf(s)).toEqual([
      '1:1 unknown suppression "secret-scanner-disable-nextline"; use secret-scanner-disable-line or secret-scanner-disable-next-line',
      '2:14 unknown suppression "secret-scanner-disable"; use secret-scanner-disable-line or secret-scanner-disable-next-line',
      "3:14 malformed secret-scanner-disable-line; write secret-scanner-disable-line <rule-id>, <rule-id> -- <reason>",
      "4:1 secret-scanner-disable-line on a line without code silences nothing; use secret-scanner-disable-next-line above the line",
      "5:1 secret-scanner-disable-next-line in a block comment must fit on one line; ignored",
    ]);
    expect(suppressedMap(s, 8)).toEqual(["4:name-mismatch"]);
  });

  it("reads a CRLF file with a BOM (as read from disk)", () => {
    const text = roundTrip(
      "app.ts",
      "\uFEFF" +
        [
          "// secret-scanner-disable-next-line name-mismatch", //                     1
          "const a = 1;", //                                                          2
          "const b = 1; // secret-scanner-disable-line nope", //                      3
          "const c = `a\r\n// secret-scanner-disable-line`; // secret-scanner-disable-line", // 4, 5
          "",
        ].join("\r\n"),
    );
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const s = parseSuppressions(text, "code", RULES);
    expect(suppressedMap(s, 6)).toEqual(["2:name-mismatch", "5:*"]);
    expect(problemsOf(s)).toEqual(['3:45 secret-scanner-disable-line names unknown rule id "nope"']);
  });

  it("skips a shebang line", () => {
    const s = parseSuppressions(lines("#!/usr/bin/env node 'x", "run(); // secret-scanner-disable-line"), "code", RULES);
    expect(suppressedMap(s, 2)).toEqual(["2:*"]);
  });
});

describe("parseSuppressions: YAML and env files", () => {
  it("applies trailing disable-line and own-line disable-next-line", () => {
    const text = roundTrip(
      "compose.yaml",
      lines(
        "secrets:", //                                                                  1
        "  # secret-scanner-disable-next-line unused-compose-secret -- kept for v1", // 2
        "  legacy_key:", //                                                             3
        "    file: ./legacy.txt", //                                                    4
        "  api_key: # secret-scanner-disable-line unused-compose-secret, name-mismatch", // 5
        "    file: ./api.txt # secret-scanner-disable-line", //                         6
        "#secret-scanner-disable-next-line", //                                         7
        "  other:", //                                                                  8
      ),
    );
    const s = parseSuppressions(text, "hash", RULES);
    expect(suppressedMap(s, 9)).toEqual(["3:unused-compose-secret", "5:unused-compose-secret,name-mismatch", "6:*", "8:*"]);
    expect(s.problems).toEqual([]);
    expect(s.directives[0]).toMatchObject({ line: 2, column: 3, appliesTo: 3, reason: "kept for v1" });
  });

  it("works in env files, with CRLF and a BOM", () => {
    const text = roundTrip(
      ".env.example",
      "\uFEFF" +
        [
          "API_KEY= # secret-scanner-disable-line unused-env-example-key", // 1
          "# secret-scanner-disable-next-line unused-env-example-key", //    2
          "OLD_TOKEN=", //                                                   3
          "X=1 # secret-scanner-disable-line unused-env-exampel-key", //     4
          "",
        ].join("\r\n"),
    );
    const s = parseSuppressions(text, "hash", RULES);
    expect(suppressedMap(s, 5)).toEqual(["1:unused-env-example-key", "3:unused-env-example-key"]);
    expect(problemsOf(s)).toEqual([
      '4:35 secret-scanner-disable-line names unknown rule id "unused-env-exampel-key" (did you mean "unused-env-example-key"?)',
    ]);
  });

  it("ignores the marker inside quoted values and after a # that does not start a comment", () => {
    const text = lines(
      'A="x # secret-scanner-disable-line"', //                        1
      "B='y # secret-scanner-disable-line'", //                        2
      "C=`z # secret-scanner-disable-line`", //                        3
      "D=abc#secret-scanner-disable-line", //                          4 (`#` must follow whitespace)
      "note: it's fine # secret-scanner-disable-line parse-error", //  5 (an apostrophe in a plain value)
      "quoted: 'it''s # not a comment' # secret-scanner-disable-line name-mismatch", // 6
      'esc: "a \\" # still quoted" # secret-scanner-disable-line granted-but-unused', // 7
      "list: [\"a #\", 'b #'] # secret-scanner-disable-line dynamic-secret-name", // 8
    );
    const s = parseSuppressions(text, "hash", RULES);
    expect(suppressedMap(s, 8)).toEqual(["5:parse-error", "6:name-mismatch", "7:granted-but-unused", "8:dynamic-secret-name"]);
  });

  it("reports a disable-line on a comment-only line", () => {
    const s = parseSuppressions(lines("  # secret-scanner-disable-line", "A=1"), "hash", RULES);
    expect(problemsOf(s)).toEqual([
      "1:3 secret-scanner-disable-line on a line without code silences nothing; use secret-scanner-disable-next-line above the line",
    ]);
  });

  it("does not read // comments in hash files or # comments in code", () => {
    expect(parseSuppressions(lines("A=1 // secret-scanner-disable-line"), "hash", RULES).directives).toEqual([]);
    expect(parseSuppressions(lines("x(); # secret-scanner-disable-line"), "code", RULES).directives).toEqual([]);
  });
});

describe("parseSuppressions: API", () => {
  it("answers false for lines and rules without a directive, and handles empty text", () => {
    const empty = parseSuppressions("", "code", RULES);
    expect(empty.isSuppressed(1, "name-mismatch")).toBe(false);
    expect(empty.directives).toEqual([]);
    expect(empty.problems).toEqual([]);
    const s = parseSuppressions(lines("x(); // secret-scanner-disable-line name-mismatch"), "code", RULES);
    expect(s.isSuppressed(1, "parse-error")).toBe(false);
    expect(s.isSuppressed(2, "name-mismatch")).toBe(false);
    expect(s.isSuppressed(0, "name-mismatch")).toBe(false);
  });

  it("takes the known ids from the caller", () => {
    const s = parseSuppressions(lines("x(); // secret-scanner-disable-line custom-rule"), "code", ["custom-rule"]);
    expect(s.isSuppressed(1, "custom-rule")).toBe(true);
    expect(s.problems).toEqual([]);
  });
});
