/**
 * Property-based tests (fast-check) of the suppression-comment parser: arbitrary text never makes
 * `parseSuppressions` throw and every directive and problem it reports is on a line of the text;
 * a directive comment inserted into generated code or YAML/env text silences exactly the line it
 * names, for exactly the rules it names.
 *
 * No fixed seeds: fast-check varies the seed per run and prints it (with the shrunk
 * counterexample) on failure; rerun with `{ seed, path }` from that report to reproduce.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RULE_IDS } from "../src/config/schema.js";
import type { ConfigurableRuleId } from "../src/model.js";
import { parseSuppressions, type CommentKind, type Suppressions } from "../src/suppressions.js";

/** Every check the scanner has: the rule ids a directive may name. */
const RULES = RULE_IDS;

// ---------------------------------------------------------------- arbitraries

const lineEnding = fc.constantFrom("\n", "\r\n", "\r");
const ruleId = fc.constantFrom(...RULES);

/** Pieces that stress the comment scanners: delimiters, quotes, templates, markers, rule ids. */
const fragment = fc.oneof(
  fc.constantFrom("//", "/*", "*/", "/**", "#", " #", "`", "${", "}", "{", "'", '"', "\\", "/", "[", "]", "(", ")"),
  fc.constantFrom("secret-scanner-disable-line", "secret-scanner-disable-next-line", "secret-scanner-", "secret-scanner-x"),
  fc.constantFrom(" ", "\t", ",", " -- ", "--", "=", ":", "x", "const a = ", "return", "#!", "\ufeff"),
  fc.constantFrom("\n", "\r\n", "\r", "\u2028", "\u2029"),
  ruleId,
  fc.constantFrom("name-mismatc", "no-such-rule", "a".repeat(70)),
  fc.string({ maxLength: 5 }),
  fc.string({ unit: "binary", maxLength: 5 }),
);
const soup = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(""));
const anyText = fc.oneof(soup, fc.string({ maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 200 }));

/** Lines of code that open nothing past their end: every string, template, comment and regex is closed. */
const codeLine = fc.oneof(
  fc.constantFrom(
    "",
    "   ",
    "const a = 1;",
    'foo(bar, "baz // not a comment");',
    "let s = 'it\\'s # fine';",
    "const t = `x ${y} // z`;",
    "const n = `${`nested // ${deep}`}`;",
    "const r = /ab+c\\/\\//g;",
    "const cls = /[/*]/.test(x);",
    "x = a / b / c;",
    "/* block */ call();",
    "if (a) { b(); }",
    "// plain comment",
    "/** doc comment */",
    'const url = "http://example.com/*";',
    "const o = { a: 1, b: [2, 3] };",
    "const e = 'é 😀';",
    "#!notfirst;",
  ),
  fc
    .tuple(fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,8}$/), fc.integer())
    .map(([name, value]) => `const ${name} = ${value};`),
);

/** Lines of YAML or env text that open nothing past their end. */
const hashLine = fc.oneof(
  fc.constantFrom(
    "",
    "  ",
    "KEY=value",
    "export API_KEY=abc",
    "services:",
    "  app:",
    "    image: node:20",
    '    command: "echo # not a comment"',
    "    label: 'it''s # not a comment'",
    "    - item",
    "# plain comment",
    "url: http://x#y",
    "A='#' # comment",
  ),
  fc
    .tuple(fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/), fc.stringMatching(/^[a-z0-9]{0,8}$/))
    .map(([key, value]) => `${key}=${value}`),
);

/** Rule ids of a directive (possibly none: every rule), joined in one of the accepted ways. */
const ruleList = fc
  .tuple(fc.subarray([...RULES]), fc.constantFrom(", ", ",", " ", " ,  ", ",,"))
  .map(([ids, separator]) => ({ ids, text: ids.length === 0 ? "" : ` ${ids.join(separator)}` }));
const reason = fc.oneof(
  fc.constant(""),
  fc.stringMatching(/^[a-zA-Z0-9 ,.'-]{0,20}$/).map((text) => ` -- ${text}`),
);

// ---------------------------------------------------------------- helpers

function linesOf(text: string, kind: CommentKind): string[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return source.split(kind === "code" ? /\r\n|\r|\n|\u2028|\u2029/ : /\r\n|\r|\n/);
}

/** Every line (1..count+1) and rule whose suppression differs from `expected(line, rule)`. */
function mismatches(s: Suppressions, count: number, expected: (line: number, rule: string) => boolean): string[] {
  const out: string[] = [];
  for (let line = 1; line <= count + 1; line++) {
    for (const rule of RULES) {
      if (s.isSuppressed(line, rule) !== expected(line, rule)) out.push(`${line}:${rule}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------- properties

describe("parseSuppressions: properties", () => {
  it.each(["code", "hash"] as const)("never throws on arbitrary %s text; directives and problems are on its lines", (kind) => {
    fc.assert(
      fc.property(anyText, (text) => {
        const s = parseSuppressions(text, kind, RULES);
        const lines = linesOf(text, kind);
        const inRange = (line: number, column: number): boolean =>
          line >= 1 && line <= lines.length && column >= 1 && column <= lines[line - 1]!.length + 1;
        expect(s.directives.filter((d) => !inRange(d.line, d.column))).toEqual([]);
        expect(s.directives.filter((d) => d.appliesTo < d.line || d.appliesTo > lines.length + 1)).toEqual([]);
        expect(s.problems.filter((p) => !inRange(p.line, p.column))).toEqual([]);
        for (const d of s.directives) {
          for (const id of d.ruleIds) expect(RULES).toContain(id);
          expect(d.allRules && d.ruleIds.length > 0).toBe(false);
        }
        // Suppression only ever applies where a directive says.
        const targets = new Set(s.directives.map((d) => d.appliesTo));
        for (let line = 0; line <= lines.length + 2; line++) {
          if (!targets.has(line)) expect(RULES.some((rule) => s.isSuppressed(line, rule))).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("code: a disable-next-line comment on line N silences exactly line N+1, for exactly its rules", () => {
    const directive = fc
      .tuple(
        fc.constantFrom("//", "// ", "/* ", "/** ", "code //", "code /*"),
        ruleList,
        reason,
        fc.constantFrom("", "  ", "\t"),
      )
      .map(([form, rules, why, indent]) => {
        const body = `secret-scanner-disable-next-line${rules.text}${why}`;
        const code = form.startsWith("code") ? "const z = 0; " : "";
        const opener = form.replace(/^code /, "");
        const text = opener.startsWith("/*") ? `${opener}${body} */` : `${opener}${body}`;
        return { text: `${indent}${code}${text}`, ids: rules.ids };
      });
    fc.assert(
      fc.property(fc.array(codeLine, { maxLength: 12 }), fc.nat(), directive, lineEnding, (base, at, d, ending) => {
        const lines = [...base];
        const index = at % (lines.length + 1);
        lines.splice(index, 0, d.text);
        const text = lines.join(ending) + ending;
        const n = index + 1;
        const s = parseSuppressions(text, "code", RULES);
        expect(s.problems).toEqual([]);
        expect(s.directives).toHaveLength(1);
        expect(s.directives[0]).toMatchObject({ line: n, appliesTo: n + 1, allRules: d.ids.length === 0 });
        expect(
          mismatches(s, lines.length, (line, rule) => line === n + 1 && (d.ids.length === 0 || d.ids.includes(rule as ConfigurableRuleId))),
        ).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("code: a disable-line comment after code on line N silences exactly line N", () => {
    fc.assert(
      fc.property(
        fc.array(codeLine, { maxLength: 12 }),
        fc.nat(),
        ruleList,
        reason,
        fc.boolean(),
        lineEnding,
        (base, at, rules, why, block, ending) => {
          const lines = [...base];
          const index = at % (lines.length + 1);
          const body = `secret-scanner-disable-line${rules.text}${why}`;
          lines.splice(index, 0, `const secret = process.env.X; ${block ? `/* ${body} */` : `// ${body}`}`);
          const n = index + 1;
          const s = parseSuppressions(lines.join(ending), "code", RULES);
          expect(s.problems).toEqual([]);
          expect(
            mismatches(s, lines.length, (line, rule) => line === n && (rules.ids.length === 0 || rules.ids.includes(rule as ConfigurableRuleId))),
          ).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("hash: a `#` directive on line N silences exactly line N+1 (next-line) or N (after a value), for exactly its rules", () => {
    fc.assert(
      fc.property(
        fc.array(hashLine, { maxLength: 12 }),
        fc.nat(),
        ruleList,
        reason,
        fc.constantFrom("next-line", "next-line-indented", "line"),
        lineEnding,
        (base, at, rules, why, form, ending) => {
          const lines = [...base];
          const index = at % (lines.length + 1);
          const n = index + 1;
          const text =
            form === "line"
              ? `SECRET_KEY= # secret-scanner-disable-line${rules.text}${why}`
              : `${form === "next-line" ? "" : "    "}# secret-scanner-disable-next-line${rules.text}${why}`;
          lines.splice(index, 0, text);
          const s = parseSuppressions(lines.join(ending) + ending, "hash", RULES);
          expect(s.problems).toEqual([]);
          const target = form === "line" ? n : n + 1;
          expect(
            mismatches(s, lines.length, (line, rule) => line === target && (rules.ids.length === 0 || rules.ids.includes(rule as ConfigurableRuleId))),
          ).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
