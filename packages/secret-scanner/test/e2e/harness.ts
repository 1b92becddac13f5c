/**
 * The scanner as users run it: the built CLI (`dist/cli.js`) in a subprocess, on repositories
 * that are real git repositories in temp dirs. `pnpm test` builds before it tests.
 */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect } from "vitest";

export const repoRoot = path.resolve(import.meta.dirname, "../../../..");
export const cliPath = path.join(repoRoot, "packages/secret-scanner/dist/cli.js");

const created: string[] = [];
afterAll(() => {
  for (const directory of created) rmSync(directory, { recursive: true, force: true });
});

/** A commit identity, and no signing: the tests commit on machines with no git configuration. */
export const GIT_IDENTITY = ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"];

/** Runs git in `cwd` (it throws when git fails) and returns its output. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", [...GIT_IDENTITY, ...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** A new git repository with these files committed (paths relative, POSIX). */
export function makeRepo(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(tmpdir(), "secret-scanner-"));
  created.push(root);
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(root, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  git(root, "init", "-q", "-b", "main");
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", "fixture", "--allow-empty");
  return root;
}

/** A copy of a directory under fixtures/, made into a git repository. */
export function copyFixture(name: string): string {
  const root = mkdtempSync(path.join(tmpdir(), `secret-scanner-${name}-`));
  created.push(root);
  cpSync(path.join(repoRoot, "fixtures", name), root, { recursive: true });
  git(root, "init", "-q", "-b", "main");
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", "fixture");
  return root;
}

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

function childEnvironment(options: RunOptions): NodeJS.ProcessEnv {
  // only what the CLI needs: the child gets no secret of the test environment
  return { PATH: process.env.PATH, NO_COLOR: "1", ...options.env };
}

/**
 * Every run, whatever the test: the CLI never prints a stack trace, and never fails on a file
 * (an internal-error finding is a bug of ours: every test fails on it).
 */
function checked(run: CliRun): CliRun {
  expect(run.stderr, "a stack trace on stderr").not.toMatch(/^\s+at /m);
  expect(run.stdout, "the scanner failed on a file (internal-error)").not.toContain("internal-error");
  return run;
}

export function runCli(args: readonly string[], options: RunOptions = {}): CliRun {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: "utf8",
    env: childEnvironment(options),
  });
  return checked({ status: result.status, stdout: result.stdout, stderr: result.stderr });
}

/** `runCli` without blocking, so that independent runs can share the two cores. */
export function runCliAsync(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cliPath, ...args],
      { cwd: options.cwd ?? repoRoot, encoding: "utf8", env: childEnvironment(options), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const status = error === null ? 0 : typeof error.code === "number" ? error.code : null;
        if (status === null) {
          reject(error);
          return;
        }
        try {
          resolve(checked({ status, stdout, stderr }));
        } catch (failure) {
          reject(failure);
        }
      },
    );
  });
}

export interface JsonFinding {
  ruleId: string;
  severity: "error" | "warning";
  message: string;
  secret?: string;
  file: string;
  line: number;
  column: number;
  suggestion?: string;
}

export interface JsonReport {
  version: number;
  summary: { errors: number; warnings: number; files: number };
  findings: JsonFinding[];
  secrets: unknown[];
  services: unknown[];
  notes: string[];
}

/** Runs `check --format json` and parses the report. */
export function checkJson(root: string, ...extra: string[]): { run: CliRun; report: JsonReport } {
  const run = runCli(["check", root, "--format", "json", ...extra]);
  return { run, report: JSON.parse(run.stdout) as JsonReport };
}

/** `checkJson` without blocking. */
export async function checkJsonAsync(root: string, ...extra: string[]): Promise<{ run: CliRun; report: JsonReport }> {
  const run = await runCliAsync(["check", root, "--format", "json", ...extra]);
  return { run, report: JSON.parse(run.stdout) as JsonReport };
}

/** `file:line:column ruleId secret` for each finding: compact, readable expectations. */
export function brief(report: JsonReport): string[] {
  return report.findings.map(
    (finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}${finding.secret ? ` ${finding.secret}` : ""}`,
  );
}
