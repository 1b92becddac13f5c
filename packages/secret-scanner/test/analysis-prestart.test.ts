/**
 * Which command lines start the analysis thread before the scanner is loaded: those that scan a
 * whole repository. A wrong guess costs a thread ended unused or started later, never a result,
 * so these cases pin down the guess, not the findings (the e2e tests check those, with the thread).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scansWholeRepository } from "../src/code/analysis-prestart.js";

const directory = mkdtempSync(path.join(tmpdir(), "prestart-"));
const file = path.join(directory, "a.ts");
writeFileSync(file, "export const a = 1;\n");

describe("scansWholeRepository", () => {
  it.each([
    [["check"]],
    [["check", "."]],
    [["check", directory]],
    [["check", directory, "--format", "json", "--output", "report.json"]],
    [["check", "-f", "sarif", "-o", "out.sarif", "-c", "config.json"]],
    [["check", "--max-warnings", "0", "--baseline", "baseline.json", directory]],
    [["audit", directory, "--format", "html"]],
    [["docs", "--check"]],
    [["fix", "--dry-run"]],
  ])("%j: yes", (argv) => {
    expect(scansWholeRepository(argv)).toBe(true);
  });

  it.each([
    [[]],
    [["--help"]],
    [["--version"]],
    [["check", "--help"]],
    [["check", "-h"]],
    [["check", "--staged"]],
    [["check", file]],
    [["check", file, path.join(directory, "b.ts")]],
    [["check", directory, directory]],
    [["check", path.join(directory, "missing")]],
    [["unknown-command"]],
  ])("%j: no", (argv) => {
    expect(scansWholeRepository(argv)).toBe(false);
  });
});
