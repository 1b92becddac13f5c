/**
 * Fuzzing the built CLI with the strange files real repositories contain: the example repository,
 * mutated (truncated files, invalid UTF-8, binary junk, deeply nested YAML, anchors and merge
 * keys, huge lines, symlink loops, unreadable files, CRLF and BOM). Whatever the input, the CLI
 * never crashes with a stack trace, exits 0, 1 or 2 as documented, and reports each unreadable
 * file once. Mutations are drawn from a seeded generator, so a failure names the seed to replay.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
// the seeded generator the core tests draw credential-shaped samples from
import { generator } from "../../../secrets-core/test/credential-samples.js";
import { copyFixture, runCli, type JsonReport } from "./harness.js";

function filesOf(root: string, relative = ""): string[] {
  const result: string[] = [];
  for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
    const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
    if (entry.name === ".git" || entry.name === "node_modules") continue;
    if (entry.isDirectory()) result.push(...filesOf(root, child));
    else if (entry.isFile()) result.push(child);
  }
  return result.sort();
}

interface Mutation {
  readonly name: string;
  /** Applies the mutation; returns files that must be reported as unreadable, once each. */
  apply(root: string, random: () => number): string[];
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;
const isRoot = process.getuid?.() === 0;

const MUTATIONS: readonly Mutation[] = [
  {
    name: "truncate a file",
    apply(root, random) {
      const file = path.join(root, pick(filesOf(root), random));
      const content = readFileSync(file);
      writeFileSync(file, content.subarray(0, Math.floor(random() * content.length)));
      return [];
    },
  },
  {
    name: "invalid UTF-8",
    apply(root, random) {
      const file = path.join(root, pick(filesOf(root), random));
      const content = readFileSync(file);
      const at = Math.floor(random() * (content.length + 1));
      writeFileSync(file, Buffer.concat([content.subarray(0, at), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed]), content.subarray(at)]));
      return [];
    },
  },
  {
    name: "binary junk",
    apply(root, random) {
      const file = path.join(root, pick(filesOf(root), random));
      writeFileSync(file, Buffer.from(Array.from({ length: 4096 }, () => Math.floor(random() * 256))));
      return [];
    },
  },
  {
    name: "deeply nested YAML",
    apply(root) {
      const depth = 20_000;
      writeFileSync(path.join(root, "compose.override.yml"), `services:\n  api:\n    labels: ${"[".repeat(depth)}${"]".repeat(depth)}\n`);
      writeFileSync(
        path.join(root, "docker-compose.deep.yml"),
        Array.from({ length: 2000 }, (_, level) => `${"  ".repeat(level)}k${level}:`).join("\n") + " x\n",
      );
      return [];
    },
  },
  {
    name: "anchors, aliases and merge keys (and an alias bomb)",
    apply(root) {
      writeFileSync(
        path.join(root, "compose.override.yml"),
        [
          "x-common: &common",
          "  secrets: [JWT_SECRET]",
          "  environment: { QUEUE_NAME: emails }",
          "services:",
          "  api:",
          "    <<: *common",
          "  worker:",
          "    <<: [*common]",
          "x-bomb:",
          "  a: &a [x, x, x, x, x, x, x, x, x, x]",
          "  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
          "  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
          "  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
          "  e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]",
          "",
        ].join("\n"),
      );
      return [];
    },
  },
  {
    name: "huge lines",
    apply(root, random) {
      const long = "x".repeat(3 * 1024 * 1024);
      writeFileSync(path.join(root, "services/api/src/generated.ts"), `export const blob = "${long}"; const k = process.env.API_TOKEN;\n`);
      writeFileSync(path.join(root, ".env.example"), `${readFileSync(path.join(root, ".env.example"), "utf8")}HUGE=${long}\n`);
      if (random() < 0.5) writeFileSync(path.join(root, "big.env.example"), `A=${"y".repeat(6 * 1024 * 1024)}\n`);
      return [];
    },
  },
  {
    name: "symlink loops",
    apply(root) {
      symlinkSync(".", path.join(root, "services/loop"));
      symlinkSync("b-link", path.join(root, "a-link"));
      symlinkSync("a-link", path.join(root, "b-link"));
      symlinkSync("../..", path.join(root, "libs/billing/up"));
      return [];
    },
  },
  {
    name: "unreadable files",
    apply(root) {
      // As root every permission is granted, so the unreadable file is one the kernel refuses to read.
      const file = "services/api/src/unreadable.ts";
      if (isRoot) {
        symlinkSync("/proc/self/mem", path.join(root, file));
      } else {
        writeFileSync(path.join(root, file), "export const x = process.env.API_TOKEN;\n");
        chmodSync(path.join(root, file), 0o000);
      }
      const envFile = "deploy/.env.example";
      mkdirSync(path.join(root, "deploy"), { recursive: true });
      if (isRoot) {
        symlinkSync("/proc/self/mem", path.join(root, envFile));
      } else {
        writeFileSync(path.join(root, envFile), "A=1\n");
        chmodSync(path.join(root, envFile), 0o000);
      }
      return [file, envFile];
    },
  },
  {
    name: "CRLF and BOM",
    apply(root) {
      for (const file of filesOf(root)) {
        const absolute = path.join(root, file);
        if (!statSync(absolute).isFile()) continue;
        const text = readFileSync(absolute, "utf8");
        writeFileSync(absolute, `\uFEFF${text.replace(/\r?\n/g, "\r\n")}`);
      }
      return [];
    },
  },
];

interface Outcome {
  readonly status: number | null;
  readonly report?: JsonReport;
  readonly stderr: string;
}

function scanMutated(mutations: readonly Mutation[], random: () => number): { outcome: Outcome; unreadable: string[] } {
  const root = copyFixture("example-repo");
  const unreadable = mutations.flatMap((mutation) => mutation.apply(root, random));
  const run = runCli(["check", root, "--format", "json"]);
  let report: JsonReport | undefined;
  if (run.status === 0 || run.status === 1) report = JSON.parse(run.stdout) as JsonReport;
  return { outcome: { status: run.status, stderr: run.stderr, ...(report ? { report } : {}) }, unreadable };
}

function expectDocumentedBehaviour(outcome: Outcome, unreadable: readonly string[], label: string): void {
  expect([0, 1, 2], `${label}: exit code`).toContain(outcome.status);
  expect(outcome.stderr, `${label}: no stack trace`).not.toMatch(/^\s+at |internal error/m);
  if (outcome.status === 2) {
    expect(outcome.stderr.trim().split("\n"), `${label}: one line on a usage error`).toHaveLength(1);
    // only a broken configuration stops the scan (any other unreadable file is a finding)
    expect(outcome.stderr, `${label}: exit 2 names the configuration`).toMatch(/secret-scanner\.config\.json|package\.json/);
    return;
  }
  expect(outcome.report?.version, `${label}: a JSON report`).toBe(1);
  for (const file of unreadable) {
    const reports = outcome.report!.findings.filter((finding) => finding.ruleId === "parse-error" && finding.file === file);
    expect(reports, `${label}: ${file} reported once`).toHaveLength(1);
  }
}

describe("fuzzing the CLI with mutated copies of the example repository", () => {
  it.each(MUTATIONS.map((mutation) => [mutation.name, mutation] as const))("%s", (_name, mutation) => {
    const seed = 1000 + MUTATIONS.indexOf(mutation);
    const { outcome, unreadable } = scanMutated([mutation], generator(seed));
    expectDocumentedBehaviour(outcome, unreadable, `${mutation.name} (seed ${seed})`);
  });

  it("all mutations at once", () => {
    const { outcome, unreadable } = scanMutated(MUTATIONS, generator(42));
    expectDocumentedBehaviour(outcome, unreadable, "all mutations (seed 42)");
  });

  // Random combinations; the seed is printed on failure. FUZZ_RUNS raises the count for a longer local run.
  const runs = Number(process.env.FUZZ_RUNS ?? 6);
  it.each(Array.from({ length: runs }, (_, index) => 7 + index * 7919))("random mutations, seed %i", (seed) => {
    const random = generator(seed);
    const chosen = MUTATIONS.filter(() => random() < 0.35);
    const { outcome, unreadable } = scanMutated(chosen, random);
    expectDocumentedBehaviour(outcome, unreadable, `seed ${seed}: ${chosen.map((mutation) => mutation.name).join(", ")}`);
  });

  it("the unreadable-file mutation really produces an unreadable file", () => {
    const root = copyFixture("example-repo");
    const [file] = MUTATIONS.find((mutation) => mutation.name === "unreadable files")!.apply(root, generator(1));
    expect(existsSync(path.join(root, file!))).toBe(true);
    expect(() => readFileSync(path.join(root, file!))).toThrow();
  });
});
