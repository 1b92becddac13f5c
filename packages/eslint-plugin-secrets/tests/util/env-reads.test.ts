/**
 * The environment reads of a file are collected once and shared: every rule that asks about the
 * same file, in one ESLint run, gets the same list, under ESLint 9 and ESLint 10 alike; a new run
 * (a changed text, a pass of `--fix`) parses anew and gets its own.
 */
import { Linter as Linter10 } from "eslint";
import { Linter as Linter9 } from "eslint-v9";
import { describe, expect, it } from "vitest";
import { envReadsOf, type EnvRead } from "../../src/util/env-reads.js";

/** What the test needs of a Linter of either version (their full types differ in details). */
type LinterClass = new (options: { configType: "flat" }) => { verify(code: string, config: never): unknown[] };

/** A rule that only records the reads it is given for each file. */
function recordingRule(seen: (readonly EnvRead[])[]) {
  return {
    meta: { type: "problem" as const, schema: [] },
    create(context: never) {
      return {
        Program() {
          seen.push(envReadsOf(context));
        },
      };
    },
  };
}

function lintWithTwoRules(Linter: LinterClass, code: string, settings: object = {}): (readonly EnvRead[])[] {
  const seen: (readonly EnvRead[])[] = [];
  const messages = new Linter({ configType: "flat" }).verify(code, [
    {
      plugins: { probe: { rules: { first: recordingRule(seen), second: recordingRule(seen) } } },
      rules: { "probe/first": "error", "probe/second": "error" },
      settings,
    },
  ] as never);
  expect(messages).toEqual([]);
  return seen;
}

const describeRead = (read: EnvRead): string =>
  read.kind === "named" ? `${read.source} ${read.name}` : `${read.source} ${read.kind}`;

describe.each([
  ["ESLint 10", Linter10 as unknown as LinterClass],
  ["ESLint 9", Linter9 as unknown as LinterClass],
])("%s", (_, Linter) => {
  it("gives every rule the same list of reads for a file", () => {
    const code = 'const a = process.env.API_KEY;\nconst b = import.meta.env.VITE_URL;\nconst c = env("JWT_SECRET");\nconst d = env(name);';
    const [first, second] = lintWithTwoRules(Linter, code, { secrets: { envAccessors: ["env"] } });
    expect(second).toBe(first);
    expect(first!.map(describeRead)).toEqual([
      "process.env API_KEY",
      "import.meta.env VITE_URL",
      "env() JWT_SECRET",
      "env() dynamic",
    ]);
  });

  it("collects the reads of each run anew", () => {
    const [first] = lintWithTwoRules(Linter, "const a = process.env.API_KEY;");
    const [again] = lintWithTwoRules(Linter, "const a = process.env.DB_PASSWORD;");
    expect(again).not.toBe(first);
    expect(again!.map(describeRead)).toEqual(["process.env DB_PASSWORD"]);
  });
});
