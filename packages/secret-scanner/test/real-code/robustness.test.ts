/**
 * The built CLI on real code nobody here wrote (corpus.ts: several thousand files of the installed
 * dependencies and of Node's global packages): it never fails on a file, reports a syntax error
 * only where TypeScript finds one, and finds every literal `process.env.NAME` read of a secret-like
 * name that a plain regular expression finds (oracle.ts).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { isSecretEnvName, resolveSecretsSettings } from "@secrets-suite/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTypeScript } from "../../src/code/read-code.js";
import { checkJsonAsync, repoRoot, type JsonReport } from "../e2e/harness.js";
import { copyCorpus, listCorpus, type CorpusFile } from "./corpus.js";
import { blankCommentsAndStrings, literalEnvReads } from "./oracle.js";

interface InventoryEntry {
  readonly name: string;
  readonly reads: ReadonlyArray<{ readonly file: string; readonly line: number; readonly kind: string }>;
}

const root = mkdtempSync(path.join(tmpdir(), "secret-scanner-real-code-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let corpus: CorpusFile[];
let report: JsonReport;
let status: number | null;

beforeAll(async () => {
  corpus = listCorpus(repoRoot);
  copyCorpus(corpus, root);
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", ...args], {
      cwd: root,
      stdio: "ignore",
    });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "corpus");
  const result = await checkJsonAsync(root);
  report = result.report;
  status = result.run.status;
}, 300_000);

describe("secret-scanner check on real code", () => {
  it("reads a corpus of thousands of files and finishes with a verdict", () => {
    expect(corpus.length).toBeGreaterThan(2000);
    expect(report.summary.files).toBe(corpus.length);
    expect([0, 1]).toContain(status);
  });

  it("never fails on a file (no internal-error)", () => {
    expect(report.findings.filter((finding) => finding.ruleId === "internal-error")).toEqual([]);
  });

  it("reports a syntax error only for a file TypeScript's parser rejects", async () => {
    const t = await loadTypeScript();
    const wrong: string[] = [];
    for (const finding of report.findings) {
      if (finding.ruleId !== "parse-error" || !finding.message.includes("syntax error")) continue;
      const text = readFileSync(path.join(root, finding.file), "utf8");
      const sourceFile = t.createSourceFile(finding.file, text, t.ScriptTarget.ESNext, false);
      const diagnostics = (sourceFile as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics;
      if (diagnostics.length === 0) wrong.push(`${finding.file}:${finding.line}: ${finding.message}`);
    }
    expect(wrong).toEqual([]);
    // and nothing else is a parse-error: every file of the corpus is a readable text under 2 MB
    expect(report.findings.filter((finding) => finding.ruleId === "parse-error" && !finding.message.includes("syntax error"))).toEqual([]);
  });

  it("finds every literal process.env read of a secret-like name that a regular expression finds, at its line", async () => {
    const t = await loadTypeScript();
    const settings = resolveSecretsSettings({});
    const syntaxErrors = new Set(report.findings.filter((finding) => finding.ruleId === "parse-error").map((finding) => finding.file));
    const inventory = new Set<string>();
    for (const entry of report.secrets as InventoryEntry[]) {
      for (const read of entry.reads) inventory.add(`${read.file}:${read.line} ${entry.name}`);
    }
    const expected: string[] = [];
    for (const { file } of corpus) {
      if (syntaxErrors.has(file)) continue;
      const text = readFileSync(path.join(root, file), "utf8");
      if (!/process\s*\.\s*env/.test(text)) continue;
      const blanked = blankCommentsAndStrings(t, text, /\.[jt]sx$|\.[cm]?js$/.test(file));
      for (const read of literalEnvReads(blanked)) {
        if (isSecretEnvName(read.name, { classify: settings.classify })) expected.push(`${file}:${read.line} ${read.name}`);
      }
    }
    // the corpus holds such reads (npm's and corepack's tokens): the test cannot pass vacuously
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expect(expected.filter((read) => !inventory.has(read))).toEqual([]);
  });
});
