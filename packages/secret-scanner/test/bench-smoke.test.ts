/**
 * The benchmark harness (scripts/bench/run.mjs) in --smoke mode: a tiny generated tree, one run
 * of everything, in a subprocess as `pnpm bench` runs it. Checks the shape and sanity of the
 * JSON results, never the timings themselves (they depend on the machine). `pnpm test` builds
 * the packages first; the harness measures the builds.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const harness = path.join(repoRoot, "scripts/bench/run.mjs");
const scratch = mkdtempSync(path.join(tmpdir(), "secrets-bench-smoke-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Row {
  id: string;
  available: boolean;
  reason?: string;
  command?: string;
  runsMs?: number[];
  medianMs?: number;
  cpuMs?: number;
  peakRssMb?: number;
  details?: Record<string, unknown>;
}

interface Results {
  version: number;
  command: string;
  machine: { cpuModel: string; cores: number; memoryGb: number; node: string };
  tree: { root: string; seed: number; codeFiles: number; codeLines: number };
  rows: Row[];
  eslintOverhead: Record<string, { wall: number; cpu?: number; overNoopRule?: { wall: number } }>;
  eslintTiming: { rulesMs: Record<string, number>; stats: { parseMs: number; totalMs: number } };
  targetsJudged: boolean;
  targets: Array<{ id: string; met: boolean | null }>;
}

function runHarness(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [harness, ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    // only what the harness needs: no secret of the test environment reaches it
    env: { PATH: process.env.PATH, ...(process.env.HOME ? { HOME: process.env.HOME } : {}) },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Positive and finite: a duration or a size that was actually measured. */
function expectMeasured(value: unknown): void {
  expect(typeof value).toBe("number");
  expect(Number.isFinite(value)).toBe(true);
  expect(value as number).toBeGreaterThan(0);
}

describe("pnpm bench --smoke", () => {
  const tree = path.join(scratch, "tree");
  const jsonOut = path.join(scratch, "results.json");

  it("measures ESLint with and without the plugin and the scanner, and writes sane JSON", () => {
    const run = runHarness(["--smoke", "--out", tree, "--json-out", jsonOut]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("ESLint + secrets/recommended");

    const results = JSON.parse(readFileSync(jsonOut, "utf8")) as Results;
    expect(results.version).toBe(1);
    expect(results.command).toContain("--smoke");
    expect(results.machine.cores).toBeGreaterThanOrEqual(1);
    expect(results.machine.node).toBe(process.version);
    expect(results.machine.cpuModel.length).toBeGreaterThan(0);
    expect(results.tree).toMatchObject({ root: tree, seed: 42, codeFiles: 50 });
    expect(results.tree.codeLines).toBeGreaterThan(1000);

    expect(results.rows.map((row) => row.id)).toEqual([
      "eslint-baseline",
      "eslint-noop-rule",
      "eslint-recommended",
      "eslint-strict",
      "check",
      "check-staged",
      "audit",
    ]);
    const byId = new Map(results.rows.map((row) => [row.id, row]));

    const eslintFiles: unknown[] = [];
    for (const id of ["eslint-baseline", "eslint-noop-rule", "eslint-recommended", "eslint-strict", "check"]) {
      const row = byId.get(id)!;
      expect(row.available, id).toBe(true);
      expect(row.runsMs, id).toHaveLength(1);
      expectMeasured(row.medianMs);
      expectMeasured(row.cpuMs);
      expectMeasured(row.peakRssMb);
      expect(row.peakRssMb!, id).toBeLessThan(8000);
      expect(row.command, id).toMatch(/^node /);
      if (id.startsWith("eslint-")) eslintFiles.push(row.details?.["files"]);
    }
    // the same files for every variant: the tree's code files and its eslint.config.js
    expect(new Set(eslintFiles).size).toBe(1);
    expect(eslintFiles[0] as number).toBeGreaterThanOrEqual(results.tree.codeFiles);

    // the planted contract violations are found by the plugin, and only with it
    const problems = (id: string) => (byId.get(id)!.details?.["problems"] ?? {}) as Record<string, number>;
    expect(Object.keys(problems("eslint-baseline"))).toEqual([]);
    expect(Object.keys(problems("eslint-noop-rule"))).toEqual([]);
    expect(problems("eslint-recommended")["secrets/no-bare-env-secret"]).toBeGreaterThan(0);
    expect(problems("eslint-recommended")["secrets/no-secret-fallback"]).toBeGreaterThan(0);
    expect(problems("eslint-strict")["secrets/no-bare-env-secret"]).toBeGreaterThan(0);
    for (const variant of ["recommended", "strict"]) {
      expect(Number.isFinite(results.eslintOverhead[variant]?.wall), variant).toBe(true);
      expect(Number.isFinite(results.eslintOverhead[variant]?.overNoopRule?.wall), variant).toBe(true);
    }
    expect(Object.keys(results.eslintTiming.rulesMs)).toContain("secrets/no-bare-env-secret");
    expectMeasured(results.eslintTiming.stats.parseMs);

    const check = byId.get("check")!;
    expect(check.details?.["filesScanned"] as number).toBeGreaterThanOrEqual(results.tree.codeFiles);
    expectMeasured(check.details?.["filesPerSecond"]);
    // the tree's naming drift and dynamic name are findings
    expect(check.details?.["errors"] as number).toBeGreaterThan(0);

    // modes that do not exist yet are rows that say so; once they exist, they are measured
    for (const id of ["check-staged", "audit"]) {
      const row = byId.get(id)!;
      if (row.available) expectMeasured(row.medianMs);
      else expect(row.reason, id).toMatch(/does not exist yet/);
    }

    // a 50-file tree is not the one the targets are about: listed, not judged
    expect(results.targetsJudged).toBe(false);
    expect(results.targets.map((target) => target.id)).toEqual([
      "eslint-recommended-overhead",
      "eslint-strict-overhead",
      "check-wall",
      "check-memory",
      "check-staged-wall",
      "audit-wall",
    ]);
    for (const target of results.targets) expect(target.met, target.id).toBeNull();
  }, 300_000);

  it("generates the same tree from the same seed", () => {
    const again = path.join(scratch, "tree-again");
    const run = runHarness(["--smoke", "--out", again, "--json-out", path.join(scratch, "again.json"), "--only", "audit"]);
    expect(run.status, run.stderr).toBe(0);
    const treeHash = (dir: string) => execFileSync("git", ["rev-parse", "HEAD^{tree}"], { cwd: dir, encoding: "utf8" }).trim();
    expect(treeHash(again)).toBe(treeHash(tree));
  }, 120_000);
});
