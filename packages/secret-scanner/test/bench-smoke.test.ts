/**
 * The benchmark harness (scripts/bench/run.mjs) in --smoke mode: tiny generated trees, a few real
 * files, one run of everything, in a subprocess as `pnpm bench` runs it. Checks the shape and
 * sanity of the JSON results, never the timings themselves (they depend on the machine).
 * `pnpm test` builds the packages first; the harness measures the builds.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensureTree } from "../../../scripts/bench/generate.mjs";
import { sampleRealCode } from "../../../scripts/bench/realcode.mjs";

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

interface Ratios {
  wall?: number;
  cpu?: number;
  peakRss?: number;
}

interface Results {
  version: number;
  command: string;
  machine: { cpuModel: string; cores: number; memoryGb: number; node: string };
  repository: { commit?: string };
  tools: Record<string, unknown>;
  tree?: { root: string; seed: number; codeFiles: number; codeLines: number };
  rows: Row[];
  eslintOverhead: Record<string, { wall: number; cpu?: number; overNoopRule?: { wall: number } }>;
  eslintTiming: { rulesMs: Record<string, number>; stats: { parseMs: number; totalMs: number } };
  shapes: Array<{
    shape: string;
    treeRoot: string;
    tree: { codeFiles: number; codeLines: number; matchedFiles?: number; matchedShare?: number };
    checkOverFloor?: Ratios;
    checkOverPeer?: Ratios;
  }>;
  realCode?: {
    sample: { files: number; bytes: number; eligible: number; requested: number; listHash: string; byKind: { module: number; commonjs: number } };
    runs: number;
    secrets: {
      files: number;
      fatal: number;
      totalMs: number;
      parseMs: number;
      pluginMs: number;
      pluginShare: number;
      rules: Record<string, { ms: number; share: number }>;
      problems: Record<string, number>;
    };
    peers?: { files: number; totalMs: number; rules: Record<string, { ms: number; share: number }> };
  };
  targetsJudged: boolean;
  realCodeJudged: boolean;
  targets: Array<{ id: string; value?: number; met: boolean | null }>;
}

const TARGET_IDS = [
  "eslint-recommended-overhead",
  "eslint-strict-overhead",
  "check-wall",
  "check-memory",
  "check-staged-wall",
  "check-staged-size-ratio",
  "audit-wall",
  "check-floor-realistic-wall",
  "check-floor-all-accessor-wall",
  "check-floor-all-accessor-memory",
  "check-peer-realistic-wall",
  "check-peer-all-accessor-wall",
  "realcode-plugin-share",
  "realcode-rule-share",
];

/** The plugin's rules, all in secrets/recommended. */
const PLUGIN_RULES = [
  "secrets/literal-secret-name",
  "secrets/no-bare-env-secret",
  "secrets/no-env-file-loading",
  "secrets/no-hardcoded-secret",
  "secrets/no-public-env-secret",
  "secrets/no-secret-fallback",
  "secrets/no-secret-logging",
];

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

/** A row of one timed run with its wall time, CPU time, peak memory and exact command. */
function expectMeasuredRow(row: Row | undefined, id: string): void {
  expect(row, id).toBeDefined();
  expect(row!.available, id).toBe(true);
  expect(row!.runsMs, id).toHaveLength(1);
  expectMeasured(row!.medianMs);
  expectMeasured(row!.cpuMs);
  expectMeasured(row!.peakRssMb);
  expect(row!.peakRssMb!, id).toBeLessThan(8000);
  expect(row!.command, id).toMatch(/^node /);
}

const treeHash = (dir: string) => execFileSync("git", ["rev-parse", "HEAD^{tree}"], { cwd: dir, encoding: "utf8" }).trim();

describe("pnpm bench --smoke", () => {
  const tree = path.join(scratch, "tree");
  const jsonOut = path.join(scratch, "results.json");

  it("measures ESLint with and without the plugin and the scanner, and writes sane JSON", () => {
    const run = runHarness(["--smoke", "--out", tree, "--json-out", jsonOut, "--only", "eslint,check,staged,audit"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("ESLint + secrets/recommended");

    const results = JSON.parse(readFileSync(jsonOut, "utf8")) as Results;
    expect(results.version).toBe(1);
    expect(results.command).toContain("--smoke");
    expect(results.machine.cores).toBeGreaterThanOrEqual(1);
    expect(results.machine.node).toBe(process.version);
    expect(results.machine.cpuModel.length).toBeGreaterThan(0);
    expect(results.repository.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(results.tree).toMatchObject({ root: tree, seed: 42, codeFiles: 50 });
    expect(results.tree!.codeLines).toBeGreaterThan(1000);

    expect(results.rows.map((row) => row.id)).toEqual([
      "eslint-baseline",
      "eslint-noop-rule",
      "eslint-recommended",
      "eslint-strict",
      "check",
      "check-staged",
      "check-staged-small",
      "audit",
    ]);
    const byId = new Map(results.rows.map((row) => [row.id, row]));

    const eslintFiles: unknown[] = [];
    for (const id of ["eslint-baseline", "eslint-noop-rule", "eslint-recommended", "eslint-strict", "check"]) {
      const row = byId.get(id);
      expectMeasuredRow(row, id);
      if (id.startsWith("eslint-")) eslintFiles.push(row!.details?.["files"]);
    }
    // the same files for every variant: the tree's code files and its eslint.config.js
    expect(new Set(eslintFiles).size).toBe(1);
    expect(eslintFiles[0] as number).toBeGreaterThanOrEqual(results.tree!.codeFiles);

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
    expect(check.details?.["filesScanned"] as number).toBeGreaterThanOrEqual(results.tree!.codeFiles);
    expectMeasured(check.details?.["filesPerSecond"]);
    // the tree's naming drift and dynamic name are findings
    expect(check.details?.["errors"] as number).toBeGreaterThan(0);

    // check --staged, in the tree and in a repository of the changed files alone, and their ratio
    for (const id of ["check-staged", "check-staged-small"]) expectMeasuredRow(byId.get(id), id);
    expectMeasured(byId.get("check-staged")!.details?.["overSmallRepository"]);

    // modes that do not exist yet are rows that say so; once they exist, they are measured
    for (const id of ["audit"]) {
      const row = byId.get(id)!;
      if (row.available) expectMeasured(row.medianMs);
      else expect(row.reason, id).toMatch(/does not exist yet/);
    }

    // a 50-file tree is not the one the targets are about: listed, not judged
    expect(results.targetsJudged).toBe(false);
    expect(results.targets.map((target) => target.id)).toEqual(TARGET_IDS);
    for (const target of results.targets) expect(target.met, target.id).toBeNull();
    // the parts not asked for are not measured
    expect(results.shapes).toEqual([]);
    expect(results.realCode).toBeUndefined();
  }, 300_000);

  const shapesJson = path.join(scratch, "shapes.json");

  it("measures check against its floor and dotenv-diff on two tree shapes, and the plugin's share on real code", () => {
    const run = runHarness(["--smoke", "--out", tree, "--json-out", shapesJson, "--only", "floor,peer,realcode", "--realcode-files", "12"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("floor (read all, one regex");
    expect(run.stdout).toContain("real code: 12 files");

    const results = JSON.parse(readFileSync(shapesJson, "utf8")) as Results;
    // the default tree is only generated for the parts that run on it
    expect(results.tree).toBeUndefined();
    expect(results.tools["dotenvDiff"]).toMatch(/^\d+\.\d+\.\d+$/);
    expect(results.rows.map((row) => row.id)).toEqual([
      "check-realistic",
      "floor-realistic",
      "dotenv-diff-realistic",
      "check-all-accessor",
      "floor-all-accessor",
      "dotenv-diff-all-accessor",
      "realcode-secrets",
      "realcode-peers",
    ]);
    const byId = new Map(results.rows.map((row) => [row.id, row]));
    for (const row of results.rows) expectMeasuredRow(row, row.id);

    expect(results.shapes.map((shape) => shape.shape)).toEqual(["realistic", "all-accessor"]);
    for (const shape of results.shapes) {
      expect(shape.treeRoot).toBe(`${tree}-${shape.shape}`);
      expect(shape.tree.codeFiles, shape.shape).toBe(50);
      const floor = byId.get(`floor-${shape.shape}`)!.details!;
      // the floor lists what the scanner reads: the generated code files and the tree's eslint.config.js
      expect(floor["files"], shape.shape).toBe(shape.tree.codeFiles + 1);
      expect(floor["parsed"], shape.shape).toBe(floor["matched"]);
      expect(shape.tree.matchedFiles, shape.shape).toBe(floor["matched"]);
      // the scanner also reads the compose file and the env example
      expect(byId.get(`check-${shape.shape}`)!.details!["filesScanned"], shape.shape).toBe(shape.tree.codeFiles + 3);
      const peer = byId.get(`dotenv-diff-${shape.shape}`)!.details!;
      expect(peer["filesScanned"] as number, shape.shape).toBeGreaterThan(0);
      // the trees' env-config modules read the environment
      expect(peer["totalUsages"] as number, shape.shape).toBeGreaterThan(0);
      for (const ratios of [shape.checkOverFloor, shape.checkOverPeer]) {
        expectMeasured(ratios?.wall);
        expectMeasured(ratios?.cpu);
        expectMeasured(ratios?.peakRss);
      }
      // dotenv-diff ran with --ci: it wrote nothing into the tree
      expect(execFileSync("git", ["status", "--porcelain"], { cwd: shape.treeRoot, encoding: "utf8" }), shape.shape).toBe("");
    }
    const [realistic, allAccessor] = results.shapes;
    // every ordinary module of the all-accessor tree calls the accessor
    expect(allAccessor!.tree.matchedShare!).toBeGreaterThan(0.8);
    expect(allAccessor!.tree.matchedShare!).toBeGreaterThan(realistic!.tree.matchedShare!);

    const realCode = results.realCode!;
    expect(realCode.sample).toMatchObject({ files: 12, requested: 12 });
    expect(realCode.sample.eligible).toBeGreaterThan(1000);
    expect(realCode.sample.byKind.module + realCode.sample.byKind.commonjs).toBe(12);
    expect(realCode.sample.listHash).toMatch(/^[0-9a-f]{64}$/);
    expect(realCode.runs).toBe(1);
    expect(realCode.secrets.files).toBe(12);
    expectMeasured(realCode.secrets.totalMs);
    expectMeasured(realCode.secrets.parseMs);
    expectMeasured(realCode.secrets.pluginMs);
    expect(realCode.secrets.pluginShare).toBeGreaterThan(0);
    expect(realCode.secrets.pluginShare).toBeLessThan(1);
    expect(Object.keys(realCode.secrets.rules)).toEqual(PLUGIN_RULES);
    const ruleShares = Object.values(realCode.secrets.rules).map((rule) => rule.share);
    expect(ruleShares.reduce((a, b) => a + b, 0)).toBeCloseTo(realCode.secrets.pluginShare, 10);
    for (const rule of Object.keys(realCode.secrets.problems)) expect(PLUGIN_RULES).toContain(rule);
    expect(Object.keys(realCode.peers!.rules)).toEqual(["n/no-process-env", "no-secrets/no-secrets"]);
    expectMeasured(realCode.peers!.totalMs);

    expect(results.targets.map((target) => target.id)).toEqual(TARGET_IDS);
    const target = (id: string) => results.targets.find((candidate) => candidate.id === id)!;
    for (const id of TARGET_IDS.slice(TARGET_IDS.indexOf("check-floor-realistic-wall"))) {
      expectMeasured(target(id).value);
      // tiny trees and a tiny sample: listed, not judged
      expect(target(id).met, id).toBeNull();
    }
    expect(target("check-floor-all-accessor-memory").value).toBe(results.shapes[1]!.checkOverFloor!.peakRss);
    expect(target("realcode-plugin-share").value).toBe(realCode.secrets.pluginShare);
    expect(target("realcode-rule-share").value).toBe(Math.max(...ruleShares));
    expect(results.realCodeJudged).toBe(false);
  }, 300_000);

  it("generates the same trees from the same seed", () => {
    const again = path.join(scratch, "tree-again");
    const run = runHarness(["--smoke", "--out", again, "--json-out", path.join(scratch, "again.json"), "--only", "audit"]);
    expect(run.status, run.stderr).toBe(0);
    expect(treeHash(again)).toBe(treeHash(tree));

    const allAccessor = ensureTree({ out: path.join(scratch, "all-accessor-again"), seed: 42, files: 50, lines: 10_000, profile: "all-accessor" }, () => {});
    expect(treeHash(allAccessor.root)).toBe(treeHash(`${tree}-all-accessor`));
  }, 120_000);

  it("draws the same real-code sample from the same installed dependencies", () => {
    const results = JSON.parse(readFileSync(shapesJson, "utf8")) as Results;
    const sample = sampleRealCode({ count: 12, maxBytes: 200_000, out: path.join(scratch, "realcode-again") });
    expect(sample.files).toBe(12);
    expect(sample.listHash).toBe(results.realCode!.sample.listHash);
    // ESLint ignores whatever is under node_modules: the sample must not be
    const copied = execFileSync("find", [sample.root, "-type", "f"], { encoding: "utf8" }).trim().split("\n");
    expect(copied).toHaveLength(12);
    for (const file of copied) expect(file).not.toContain("node_modules");
  });
});
