/**
 * The plugin as users run it: the real `eslint` CLI (ESLint 9 and ESLint 10) on a consumer
 * project whose only configuration is the README's quick start. The built plugin is linked
 * into the project's node_modules, as a package manager would install it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rules } from "../../src/index.js";

const repoRoot = path.resolve(import.meta.dirname, "../../../..");
const fixture = path.join(repoRoot, "fixtures/eslint-consumer");

const eslintVersions = [
  { major: 9, bin: path.join(repoRoot, "node_modules/eslint-v9/bin/eslint.js") },
  { major: 10, bin: path.join(repoRoot, "node_modules/eslint/bin/eslint.js") },
];

interface EslintMessage {
  ruleId: string | null;
  messageId?: string;
  message: string;
  line: number;
  column: number;
  severity: number;
  fatal?: boolean;
}
interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
}

/** Every finding the quick-start configuration must report on the fixture, in ESLint's order. */
const expectedFindings = [
  "scripts/migrate.cjs:4:18 secrets/no-bare-env-secret bareSecretRead",
  "scripts/migrate.cjs:4:18 secrets/no-secret-fallback fallback",
  "scripts/migrate.cjs:4:40 secrets/no-hardcoded-secret secretName",
  "src/legacy.ts:2:1 secrets/no-env-file-loading importLoader",
  "src/legacy.ts:5:22 secrets/no-hardcoded-secret secretName",
  "src/legacy.ts:7:13 secrets/no-secret-logging log",
  "src/legacy.ts:8:26 secrets/no-public-env-secret serverOnlySecret",
  "src/server.ts:11:19 secrets/no-bare-env-secret bareSecretRead",
  "src/server.ts:14:23 secrets/no-secret-fallback fallback",
  "src/server.ts:17:9 secrets/no-bare-env-secret bareSecretRead",
  "src/server.ts:17:24 secrets/no-secret-fallback fallback",
  "src/server.ts:21:28 secrets/literal-secret-name dynamicName",
  "src/worker.js:5:25 secrets/no-bare-env-secret bareSecretRead",
  "src/worker.js:6:27 secrets/no-bare-env-secret wholeEnvRead",
];

/** The example repository's findings: its config reads settings from secret-scanner.config.json. */
const expectedExampleFindings = [
  "scripts/seed-dev.ts:2:31 secrets/no-bare-env-secret bareSecretRead",
  "services/api/src/index.ts:8:19 secrets/no-secret-fallback fallback",
  "services/api/src/index.ts:8:55 secrets/no-hardcoded-secret secretName",
  "services/api/src/index.ts:9:20 secrets/no-bare-env-secret bareSecretRead",
  "services/api/src/payments.ts:8:29 secrets/literal-secret-name dynamicName",
  "services/worker/src/index.js:5:9 secrets/no-bare-env-secret bareSecretRead",
  "services/worker/src/index.js:13:5 secrets/no-secret-fallback fallback",
];

let project: string;
let exampleRepo: string;

/** A copy of a fixture with the built plugin and typescript-eslint installed, as a package manager would. */
function installFixture(source: string, prefix: string): string {
  const copy = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(source, copy, { recursive: true });
  const modules = path.join(copy, "node_modules");
  mkdirSync(modules);
  symlinkSync(path.join(repoRoot, "packages/eslint-plugin-secrets"), path.join(modules, "eslint-plugin-secrets"), "dir");
  symlinkSync(realpathSync(path.join(repoRoot, "node_modules/typescript-eslint")), path.join(modules, "typescript-eslint"), "dir");
  return copy;
}

function findingsOf(results: EslintResult[], root: string): string[] {
  return results.flatMap((result) =>
    result.messages.map((message) => {
      const file = path.relative(root, result.filePath).split(path.sep).join("/");
      return `${file}:${message.line}:${message.column} ${message.ruleId} ${message.messageId}`;
    }),
  );
}

beforeAll(() => {
  project = installFixture(fixture, "eslint-consumer-");
  exampleRepo = installFixture(path.join(repoRoot, "fixtures/example-repo"), "example-repo-");
});

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
  rmSync(exampleRepo, { recursive: true, force: true });
});

describe.each(eslintVersions)("eslint CLI, ESLint $major", ({ major, bin }) => {
  it(`is ESLint ${major}`, () => {
    const version = execFileSync(process.execPath, [bin, "--version"], { encoding: "utf8" }).trim();
    expect(version).toMatch(new RegExp(`^v${major}\\.`));
  });

  it("reports exactly the contract violations of the fixture, with the documented flat config only", () => {
    // every rule of the plugin is exercised by the fixture
    const covered = new Set(expectedFindings.map((finding) => finding.split(" ")[1]));
    expect([...covered].sort()).toEqual(Object.keys(rules).map((rule) => `secrets/${rule}`).sort());
    const run = spawnSync(process.execPath, [bin, "--format", "json", "."], { cwd: project, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    const results = JSON.parse(run.stdout) as EslintResult[];
    expect(findingsOf(results, project).sort()).toEqual([...expectedFindings].sort());
    // every message names the secret it is about, so a reader knows what to fix
    const messages = results.flatMap((result) => result.messages);
    expect(messages.every((message) => message.severity === 2 && !message.fatal)).toBe(true);
    expect(messages.find((message) => message.line === 11)?.message).toContain("'JWT_SECRET'");
  });

  it("lints the example repository with the settings shared with secret-scanner (sharedSecretsSettings)", () => {
    const run = spawnSync(process.execPath, [bin, "--format", "json", "."], { cwd: exampleRepo, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    expect(findingsOf(JSON.parse(run.stdout) as EslintResult[], exampleRepo).sort()).toEqual([...expectedExampleFindings].sort());
  });

  it("exits 0 on a file that follows the contract", () => {
    const run = spawnSync(process.execPath, [bin, "--format", "json", "src/config/secrets.ts"], {
      cwd: project,
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as EslintResult[])[0]?.messages).toEqual([]);
  });
});
