/**
 * `check --staged` and `check FILE…`: what a change can have broken, on real git repositories
 * with changes staged by the test, through the built CLI.
 */
import { randomBytes } from "node:crypto";
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { brief, git, makeRepo, runCli, type JsonReport } from "./harness.js";

/** A value planted in the files: no output may contain it. */
const CANARY = `canary-${randomBytes(6).toString("hex")}`;

/** A repository whose contract holds, except for a file nobody touches (old.ts) and an unused secret. */
function repository(extra: Record<string, string> = {}): string {
  const others: Record<string, string> = {};
  // ordinary code the code-only check must not read
  for (let index = 0; index < 30; index++) others[`src/other/file${index}.ts`] = `export const value${index} = ${index};\n`;
  return makeRepo({
    "compose.yaml": [
      "services:",
      "  api:",
      "    build: ./services/api",
      "    secrets: [DB_PASSWORD]",
      "secrets:",
      "  DB_PASSWORD:",
      "    file: ./secrets/db_password.txt",
      "  UNUSED_TOKEN:",
      "    environment: UNUSED_TOKEN",
      "",
    ].join("\n"),
    ".env.example": `DB_PASSWORD=\nUNUSED_TOKEN=${CANARY}\nSTRIPE_KEY=\n`,
    // the wrapper lives in a library the staged files import: it is read, the rest is not
    "libs/secrets/index.ts": [
      'import { getSecret } from "./accessor";',
      "export function requireSecret(name: string): string {",
      "  return getSecret(name);",
      "}",
      "",
    ].join("\n"),
    "libs/secrets/accessor.ts": "export function getSecret(name: string): string {\n  return process.env[name] ?? '';\n}\n",
    "services/api/src/db.ts": 'import { requireSecret } from "../../../libs/secrets";\nexport const password = requireSecret("DB_PASSWORD");\n',
    // an existing problem in a file the change does not touch
    "src/old.ts": 'import { getSecret } from "../libs/secrets/accessor";\nexport const old = getSecret("LEGACY_SECRET");\n',
    ...others,
    ...extra,
  });
}

function staged(root: string, ...extra: string[]): { status: number | null; report: JsonReport; stderr: string } {
  const run = runCli(["check", "--staged", "--format", "json", ...extra], { cwd: root });
  return { status: run.status, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

describe("check --staged", () => {
  it("checks the staged code files' reads, through a wrapper defined in a file they import, and reads nothing else", () => {
    const root = repository();
    writeFileSync(
      path.join(root, "services/api/src/billing.ts"),
      `import { requireSecret } from "../../../libs/secrets";\nexport const stripe = requireSecret("STRIPE_KEY");\nexport const hint = "${CANARY}";\n`,
    );
    git(root, "add", "services/api/src/billing.ts");
    const { status, report } = staged(root);
    expect(status).toBe(1);
    // the staged file's read only: not src/old.ts's, not the unused compose secret
    expect(brief(report)).toEqual(["services/api/src/billing.ts:2:37 undeclared-in-compose STRIPE_KEY"]);
    // billing.ts, the library's index that defines the wrapper (it calls getSecret, an accessor by
    // its name: accessor.ts is not needed), the compose file and the env example
    expect(report.summary.files).toBe(4);
    expect(report.secrets.map((entry) => (entry as { name: string }).name)).toEqual(["STRIPE_KEY"]);
    const text = runCli(["check", "--staged"], { cwd: root });
    for (const output of [JSON.stringify(report), text.stdout, text.stderr]) expect(output).not.toContain("canary-");

    // the full check of the same tree sees the rest
    const full = runCli(["check", ".", "--format", "json"], { cwd: root });
    const fullFindings = brief(JSON.parse(full.stdout) as JsonReport);
    expect(fullFindings).toContain("src/old.ts:2:30 undeclared-in-compose LEGACY_SECRET");
    expect(fullFindings).toContain("services/api/src/billing.ts:2:37 undeclared-in-compose STRIPE_KEY");
  });

  it("follows a wrapper of a wrapper through a barrel's export *, into the files the change needs", () => {
    const root = repository({
      "libs/barrel/index.ts": 'export * from "./dates";\nexport * from "./need";\nexport * from "./nested";\n',
      "libs/barrel/dates.ts": "export function today(): string {\n  return new Date().toISOString();\n}\n",
      "libs/barrel/need.ts": 'import { requireSecret } from "../secrets";\nexport function need(name: string): string {\n  return requireSecret(name);\n}\n',
      "libs/barrel/nested.ts": 'export * from "./deeper";\n',
      "libs/barrel/deeper.ts": 'import { need } from "./need";\nexport const must = (key: string) => need(key);\n',
    });
    writeFileSync(
      path.join(root, "src/uses.ts"),
      'import { need, must, today } from "../libs/barrel";\nexport const a = need("NEW_SECRET");\nexport const b = must("DB_PASSWORD");\nexport const c = today();\n',
    );
    git(root, "add", "src/uses.ts");
    const { status, report } = staged(root);
    expect(status).toBe(1);
    expect(brief(report)).toEqual(["src/uses.ts:2:23 undeclared-in-compose NEW_SECRET", "src/uses.ts:2:23 undeclared-in-env-example NEW_SECRET"]);
    expect(report.secrets.map((entry) => (entry as { name: string }).name)).toEqual(["DB_PASSWORD", "NEW_SECRET"]);
  });

  it("reports a read the service is not granted, a dynamic name and a syntax error of staged files", () => {
    const root = repository({
      "compose.yaml": "services:\n  api:\n    build: ./services/api\n    secrets: [DB_PASSWORD]\nsecrets:\n  DB_PASSWORD:\n    file: ./a\n  JWT_SECRET:\n    file: ./b\n",
    });
    writeFileSync(
      path.join(root, "services/api/src/auth.ts"),
      'import { requireSecret } from "../../../libs/secrets";\nexport const jwt = requireSecret("JWT_SECRET");\nexport const any = requireSecret(String(Math.random()));\n',
    );
    // a syntax error in a file that reads a secret (a file that cannot read one is not parsed)
    const broken = 'import { getSecret } from "../libs/secrets/accessor";\nexport const = getSecret("X");\n';
    writeFileSync(path.join(root, "src/broken.ts"), broken);
    writeFileSync(path.join(root, "src/unstaged-broken.ts"), broken);
    git(root, "add", "services/api/src/auth.ts", "src/broken.ts");
    const { status, report } = staged(root);
    expect(status).toBe(1);
    expect(brief(report)).toEqual([
      "services/api/src/auth.ts:2:34 service-not-granted JWT_SECRET",
      "services/api/src/auth.ts:2:34 undeclared-in-env-example JWT_SECRET",
      "services/api/src/auth.ts:3:34 dynamic-secret-name",
      "src/broken.ts:2:14 parse-error",
    ]);
  });

  it("passes a clean change, and says when nothing is staged", () => {
    const root = repository();
    const nothing = runCli(["check", "--staged"], { cwd: root });
    expect(nothing.status).toBe(0);
    expect(nothing.stderr).toContain("note: nothing is staged");

    appendFileSync(path.join(root, "services/api/src/db.ts"), 'export const again = requireSecret("DB_PASSWORD");\n');
    writeFileSync(path.join(root, "notes.md"), "# notes\n");
    git(root, "add", "-A");
    const clean = runCli(["check", "--staged"], { cwd: root });
    expect(clean.status).toBe(0);
    expect(clean.stderr).toContain("checked the reads of 1 changed code file(s)");

    git(root, "reset", "-q");
    git(root, "add", "notes.md");
    const other = runCli(["check", "--staged"], { cwd: root });
    expect(other.status).toBe(0);
    expect(other.stderr).toContain("no changed code, compose or env example file");
  });

  it("runs the whole cross-check when a compose file is staged", () => {
    const root = repository();
    appendFileSync(path.join(root, "compose.yaml"), "  EXTRA_KEY:\n    file: ./extra\n");
    git(root, "add", "compose.yaml");
    const run = runCli(["check", "--staged"], { cwd: root });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("note: compose.yaml changed: the whole repository was checked");
    expect(run.stdout).toContain("LEGACY_SECRET");
    expect(run.stdout).toContain("EXTRA_KEY");
    expect(run.stdout).toContain("unused-compose-secret");
  });

  it("runs the whole cross-check when an env example is deleted or renamed", () => {
    const deleted = repository();
    git(deleted, "rm", "-q", ".env.example");
    const afterDelete = staged(deleted);
    expect(afterDelete.status).toBe(1);
    expect(afterDelete.report.notes).toContain(".env.example changed: the whole repository was checked");
    expect(afterDelete.report.notes.some((note) => note.startsWith("no env example file found"))).toBe(true);

    // a rename is the old path deleted and the new one added, whatever git's rename detection says
    const renamed = repository();
    git(renamed, "mv", ".env.example", "docs.txt");
    const afterRename = staged(renamed);
    expect(afterRename.report.notes).toContain(".env.example changed: the whole repository was checked");
  });

  it("checks the working tree, and names the staged files changed since", () => {
    const root = repository();
    writeFileSync(path.join(root, "src/new.ts"), 'import { getSecret } from "../libs/secrets/accessor";\nexport const a = getSecret("DB_PASSWORD");\n');
    git(root, "add", "src/new.ts");
    appendFileSync(path.join(root, "src/new.ts"), 'export const b = getSecret("LATER_SECRET");\n');
    const { status, report } = staged(root);
    expect(status).toBe(1);
    expect(brief(report)).toEqual([
      "src/new.ts:3:28 undeclared-in-compose LATER_SECRET",
      "src/new.ts:3:28 undeclared-in-env-example LATER_SECRET",
    ]);
    const run = runCli(["check", "--staged"], { cwd: root });
    expect(run.stderr).toContain("note: src/new.ts: changed since staged; the working-tree version was checked");
  });

  it("works from a subdirectory, with the paths of the whole repository", () => {
    const root = repository();
    writeFileSync(path.join(root, "src/other/file0.ts"), 'import { getSecret } from "../../libs/secrets/accessor";\nexport const a = getSecret("NEW_SECRET");\n');
    git(root, "add", "-A");
    const run = runCli(["check", "--staged", "--format", "json"], { cwd: path.join(root, "src/other") });
    expect(brief(JSON.parse(run.stdout) as JsonReport)).toEqual([
      "src/other/file0.ts:2:28 undeclared-in-compose NEW_SECRET",
      "src/other/file0.ts:2:28 undeclared-in-env-example NEW_SECRET",
    ]);
  });

  it("gives the exact finding when a staged read looks like a drift of a declared name", () => {
    // DB_PASSWORDS drifts from DB_PASSWORD, which db.ts reads: not a name-mismatch, an undeclared read
    const root = repository();
    writeFileSync(path.join(root, "src/a.ts"), 'import { getSecret } from "../libs/secrets/accessor";\nexport const a = getSecret("DB_PASSWORDS");\n');
    // UNUSED_TOKENS drifts from UNUSED_TOKEN, which nothing reads: a name-mismatch
    writeFileSync(path.join(root, "src/b.ts"), 'import { getSecret } from "../libs/secrets/accessor";\nexport const b = getSecret("UNUSED_TOKENS");\n');
    git(root, "add", "src/a.ts", "src/b.ts");
    const { report } = staged(root);
    expect(brief(report)).toEqual([
      "src/a.ts:2:28 undeclared-in-compose DB_PASSWORDS",
      "src/a.ts:2:28 undeclared-in-env-example DB_PASSWORDS",
      "src/b.ts:2:28 name-mismatch UNUSED_TOKENS",
    ]);
  });

  it("is a usage error outside a git repository, with a file argument, or with a baseline not written yet", () => {
    const outside = mkdtempSync(path.join(tmpdir(), "secret-scanner-nogit-"));
    onTestFinished(() => rmSync(outside, { recursive: true, force: true }));
    const run = runCli(["check", "--staged"], { cwd: outside });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("secret-scanner: --staged needs a git repository, and the working directory is not in one\n");

    const root = repository();
    const withFile = runCli(["check", "--staged", "src/old.ts"], { cwd: root });
    expect(withFile.status).toBe(2);
    expect(withFile.stderr.trim().split("\n")).toHaveLength(1);
    expect(withFile.stderr).toContain("--staged takes no file arguments");

    const baseline = runCli(["check", "--staged", "--baseline", "baseline.json"], { cwd: root });
    expect(baseline.status).toBe(2);
    expect(baseline.stderr).toContain("baseline.json: no such baseline; write it with a full check");
  });
});

describe("check FILE…", () => {
  it("checks the files named, relative or absolute, from the top of the work tree", () => {
    const root = repository();
    writeFileSync(path.join(root, "src/other/file1.ts"), 'import { getSecret } from "../../libs/secrets/accessor";\nexport const a = getSecret("NEW_SECRET");\n');
    const run = runCli(["check", "--format", "json", "file1.ts", path.join(root, "services/api/src/db.ts")], { cwd: path.join(root, "src/other") });
    expect(run.status).toBe(1);
    expect(brief(JSON.parse(run.stdout) as JsonReport)).toEqual([
      "src/other/file1.ts:2:28 undeclared-in-compose NEW_SECRET",
      "src/other/file1.ts:2:28 undeclared-in-env-example NEW_SECRET",
    ]);

    // a compose file among them: the whole cross-check
    const withCompose = runCli(["check", "src/old.ts", "compose.yaml"], { cwd: root });
    expect(withCompose.status).toBe(1);
    expect(withCompose.stderr).toContain("compose.yaml changed: the whole repository was checked");
    expect(withCompose.stdout).toContain("unused-compose-secret");
  });

  it("keeps one directory as the root, and refuses what is neither", () => {
    const root = repository();
    const whole = runCli(["check", root, "--format", "json"]);
    expect(brief(JSON.parse(whole.stdout) as JsonReport)).toContain("src/old.ts:2:30 undeclared-in-compose LEGACY_SECRET");

    const mixed = runCli(["check", "src", "src/old.ts"], { cwd: root });
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toBe(
      "secret-scanner: src: a directory is the root to check and must be the only argument; the other arguments are files\n",
    );
    const missing = runCli(["check", "src/nope.ts"], { cwd: root });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("secret-scanner: src/nope.ts: no such file or directory\n");
  });

  it("works outside git, from the working directory", () => {
    const root = mkdtempSync(path.join(tmpdir(), "secret-scanner-files-"));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    writeFileSync(path.join(root, ".env.example"), "DB_PASSWORD=\n");
    writeFileSync(path.join(root, "a.ts"), 'const a = process.env.API_SECRET;\nconst b = process.env.DB_PASSWORD;\n');
    writeFileSync(path.join(root, "b.ts"), "const c = process.env.OTHER_SECRET;\n");
    const run = runCli(["check", "--format", "json", "a.ts"], { cwd: root });
    expect(run.status).toBe(1);
    expect(brief(JSON.parse(run.stdout) as JsonReport)).toEqual(["a.ts:1:23 undeclared-in-env-example API_SECRET"]);
  });
});
