/**
 * A failure of the scanner on a file is a bug of ours, never a problem of the user's file: it is
 * an `internal-error` finding (error severity, not configurable, never silenced by a comment or
 * adopted by a baseline), and never a `parse-error`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ISSUES_URL } from "@secrets-suite/core";
import { afterAll, describe, expect, it } from "vitest";
import { isAdoptable, newFindings } from "../src/baseline.js";
import { runChecks } from "../src/checks/run-checks.js";
import { loadScannerConfig } from "../src/config/load-config.js";
import type { CodeFacts, ComposeFacts, EnvExampleFacts } from "../src/model.js";
import { readFailure } from "../src/reader-failure.js";

const root = mkdtempSync(path.join(tmpdir(), "secret-scanner-internal-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
// every check the configuration can turn off is off: an internal error still shows
writeFileSync(
  path.join(root, "secret-scanner.config.json"),
  JSON.stringify({ rules: { "parse-error": "off", "undeclared-in-env-example": "off", "unused-env-example-key": "off" } }),
);
const config = loadScannerConfig(root);

const code: CodeFacts = {
  reads: [],
  dynamicCalls: [],
  imports: new Map(),
  filesScanned: 2,
  problems: [
    { file: "src/ours.ts", message: "internal error while analysing the file (TypeError: x is undefined)", internal: true },
    { file: "src/theirs.ts", line: 2, column: 7, message: "syntax error: Variable declaration expected" },
  ],
};
const compose: ComposeFacts = { files: [], secrets: [], services: [], referencedVariables: [], problems: [] };
const envExamples: EnvExampleFacts = { files: [], keys: [], commentedKeys: [], problems: [] };

describe("internal-error", () => {
  const { findings } = runChecks({ code, compose, envExamples, problems: [], config });

  it("is an error finding of its own, naming the file and asking for a report; the syntax error stays a parse-error (here off)", () => {
    expect(findings).toEqual([
      {
        ruleId: "internal-error",
        severity: "error",
        message: `secret-scanner failed on this file: internal error while analysing the file (TypeError: x is undefined). Its reads are missing from this scan; please report this at ${ISSUES_URL} (with the file, if you can share it).`,
        file: "src/ours.ts",
        line: 1,
        column: 1,
      },
    ]);
    expect(findings[0]!.message).not.toContain("\n");
  });

  it("is never adopted by a baseline", () => {
    expect(findings.every((finding) => !isAdoptable(finding))).toBe(true);
    const baseline = { version: 1 as const, findings: [{ ruleId: "internal-error", file: "src/ours.ts" }] };
    expect(newFindings(findings, baseline)).toEqual(findings);
  });
});

/** The error `work` throws (it must throw). */
function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the work to throw");
}

describe("a compose or env example reader's failure on a file", () => {
  const missing = thrownBy(() => readFileSync(path.join(root, "no-such-file.env")));
  const overflow = thrownBy(function recurse(): number {
    return recurse() + 1;
  });
  const bug = thrownBy(() => (undefined as unknown as { name: string }).name);

  it("is the file's problem when the file system refuses it or its nesting overflows the stack", () => {
    expect(readFailure("compose.yaml", "compose file", missing)).toEqual({ file: "compose.yaml", message: "Could not read compose file (ENOENT)." });
    expect(readFailure("compose.yaml", "compose file", overflow)).toEqual({ file: "compose.yaml", message: "Could not read compose file (too deeply nested)." });
  });

  it("is an internal-error otherwise, naming the error's kind and never its text", () => {
    const problem = readFailure(".env.example", "env example file", bug);
    expect(problem).toEqual({ file: ".env.example", message: "internal error while reading the env example file (TypeError)", internal: true });
    const { findings } = runChecks({
      code: { ...code, problems: [] },
      compose,
      envExamples: { ...envExamples, problems: [problem] },
      problems: [],
      config,
    });
    expect(findings.map((finding) => `${finding.ruleId} ${finding.file}`)).toEqual(["internal-error .env.example"]);
  });
});
