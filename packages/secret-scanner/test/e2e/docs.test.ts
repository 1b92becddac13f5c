/**
 * `secret-scanner docs`: the contract document, through the built CLI on real git repositories.
 * Generation, idempotence, hand-written text kept around the region, `--check` for CI, and never
 * a value.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { copyFixture, makeRepo, runCli } from "./harness.js";

const START = "<!-- secret-scanner:docs:start -->";
const END = "<!-- secret-scanner:docs:end -->";

/** Values planted in every kind of file the scan reads: none may reach any output. */
// the first is key-shaped, built at run time so that no such literal sits in the repository
const CANARIES = [["sk", "live", "CANARYcode0123456789"].join("_"), "CANARY-compose-env-4b9d", "CANARY-env-example-77aa", "CANARY-secret-file-e3f1"];

const API_CODE = `import { getOptionalSecret, getSecret, hasSecret } from "secrets-runtime";

export const db = getSecret("DATABASE_URL");
export const stripe = process.env.STRIPE_API_KEY ?? "${CANARIES[0]}";
if (hasSecret("SENTRY_DSN")) init(getSecret("SENTRY_DSN"));
export const slack = getOptionalSecret("SLACK_WEBHOOK_SECRET");
export const redis = getSecret("REDIS_PASSWORD");
`;

const COMPOSE = `services:
  api:
    build: ./services/api
    environment:
      LOG_LEVEL: "${CANARIES[1]}"
      REDIS_PASSWORD_FILE: /run/secrets/redis_pw
    secrets:
      - DATABASE_URL
      - source: redis_password
        target: redis_pw
  postgres:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/DATABASE_URL
    secrets:
      - DATABASE_URL
secrets:
  DATABASE_URL:
    environment: DATABASE_URL
  redis_password:
    file: ./secrets/redis.txt
  LEGACY_TOKEN:
    external: true
`;

function project(): Record<string, string> {
  return {
    "services/api/src/index.ts": API_CODE,
    "services/api/src/index.test.ts": 'export const t = process.env.TEST_ONLY_TOKEN;\n',
    "docker-compose.yml": COMPOSE,
    ".env.example": `DATABASE_URL=${CANARIES[2]}\nSENTRY_DSN=\nSTRIPE_API_KEY=\nPORT=8080\n`,
    "secrets/redis.txt": `${CANARIES[3]}\n`,
  };
}

function expectNoCanary(...outputs: string[]): void {
  for (const output of outputs) for (const canary of CANARIES) expect(output).not.toContain(canary);
}

/** The table row of a secret, split into its cells. */
function row(document: string, name: string): string[] {
  const line = document.split("\n").find((candidate) => candidate.startsWith(`| \`${name}\` |`));
  expect(line, `a row for ${name}`).toBeDefined();
  return line!.split(" | ").map((cell) => cell.replace(/^\| |\s*\|$/g, ""));
}

describe("docs to standard output", () => {
  test("one row per secret, sorted by name, with status, sources, grants and reads; never a value", () => {
    const root = makeRepo(project());
    const run = runCli(["docs", root]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const document = run.stdout;
    expect(document.startsWith("# Secrets\n")).toBe(true);
    expect(document).toContain(`${START}\n`);
    expect(document.trimEnd().endsWith(END)).toBe(true);

    const names = [...document.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]);
    // no row for REDIS_PASSWORD_FILE: nothing reads it, and its name is not a secret's
    expect(names).toEqual(["DATABASE_URL", "LEGACY_TOKEN", "REDIS_PASSWORD", "SENTRY_DSN", "SLACK_WEBHOOK_SECRET", "STRIPE_API_KEY", "redis_password"]);
    // a test's own variable and plain configuration are no part of the contract
    expect(document).not.toContain("TEST_ONLY_TOKEN");
    expect(document).not.toContain("`PORT`");

    expect(row(document, "DATABASE_URL")).toEqual([
      "`DATABASE_URL`",
      "required",
      "compose secret (`docker-compose.yml`): variable `DATABASE_URL` of the compose environment<br>file `/run/secrets/DATABASE_URL` in `postgres`, named by `POSTGRES_PASSWORD_FILE`<br>env example `.env.example`",
      "`api`<br>`postgres`",
      "`services/api/src/index.ts:3`",
    ]);
    expect(row(document, "SENTRY_DSN").slice(1)).toEqual(["optional", "env example `.env.example`", "—", "`services/api/src/index.ts:5` (optional)"]);
    expect(row(document, "SLACK_WEBHOOK_SECRET")[1]).toBe("optional");
    expect(row(document, "STRIPE_API_KEY").slice(1, 2)).toEqual(["unchecked"]);
    expect(row(document, "LEGACY_TOKEN").slice(1)).toEqual(["not read", "compose secret (`docker-compose.yml`): external", "—", "—"]);
    // read through the variable that holds its file's path, in the service it is granted to
    expect(row(document, "redis_password").slice(1)).toEqual([
      "required",
      "compose secret (`docker-compose.yml`): file `./secrets/redis.txt`<br>file `/run/secrets/redis_pw` in `api`, named by `REDIS_PASSWORD_FILE`",
      "`api` (at `/run/secrets/redis_pw`)",
      "`services/api/src/index.ts:7` as `REDIS_PASSWORD`",
    ]);
    expect(row(document, "REDIS_PASSWORD")[2]).toBe("the file of compose secret `redis_password`, named by `REDIS_PASSWORD_FILE` in `api`");
    expectNoCanary(run.stdout, run.stderr);
  });

  test("a repository without secrets gets a document that says so", () => {
    const root = makeRepo({ "index.ts": "export const port = process.env.PORT;\n" });
    const run = runCli(["docs", root]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${START}\n`);
    expect(run.stdout).toContain("The scan found no secret.");
  });
});

describe("docs --output", () => {
  test("creates the file and its directory, then a second run changes nothing", () => {
    const root = makeRepo(project());
    const first = runCli(["docs", root, "--output", path.join(root, "docs/secrets.md")]);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe("");
    const written = readFileSync(path.join(root, "docs/secrets.md"), "utf8");
    expect(written).toBe(runCli(["docs", root]).stdout);

    const second = runCli(["docs", ".", "--output", "docs/secrets.md"], { cwd: root });
    expect(second.status).toBe(0);
    expect(readFileSync(path.join(root, "docs/secrets.md"), "utf8")).toBe(written);
    expectNoCanary(written, first.stderr, second.stderr);
  });

  test("keeps hand-written text before and after the region when the code changes", () => {
    const root = makeRepo(project());
    const file = path.join(root, "docs/secrets.md");
    runCli(["docs", root, "--output", file]);
    const generated = readFileSync(file, "utf8");
    const region = generated.slice(generated.indexOf(START), generated.indexOf(END) + END.length);
    const handWritten = `# Our secrets\n\nAsk the platform team for access.\n\n${region}\n\n## Rotation\n\nRotate every 90 days.\n`;
    writeFileSync(file, handWritten);
    writeFileSync(path.join(root, "services/api/src/mail.ts"), 'import { getSecret } from "secrets-runtime";\nexport const smtp = getSecret("SMTP_PASSWORD");\n');

    const run = runCli(["docs", root, "--output", file]);
    expect(run.status).toBe(0);
    const updated = readFileSync(file, "utf8");
    expect(updated.startsWith("# Our secrets\n\nAsk the platform team for access.\n\n<!-- secret-scanner:docs:start -->")).toBe(true);
    expect(updated.endsWith(`${END}\n\n## Rotation\n\nRotate every 90 days.\n`)).toBe(true);
    expect(row(updated, "SMTP_PASSWORD").slice(1)).toEqual(["required", "—", "—", "`services/api/src/mail.ts:2`"]);
  });

  test("a file without markers gets the region appended, with a note", () => {
    const root = makeRepo({ ...project(), "SECRETS.md": "# Secrets\n\nWritten by hand.\n" });
    const run = runCli(["docs", root, "--output", path.join(root, "SECRETS.md")]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("had no generated region: it was appended at the end of the file");
    const text = readFileSync(path.join(root, "SECRETS.md"), "utf8");
    expect(text.startsWith(`# Secrets\n\nWritten by hand.\n\n${START}\n`)).toBe(true);
    expect(text.endsWith(`${END}\n`)).toBe(true);
  });

  test("broken markers are a usage error, and the file is left alone", () => {
    const broken = `# Secrets\n\n${START}\nold\n`;
    const root = makeRepo({ ...project(), "docs/secrets.md": broken });
    const run = runCli(["docs", root, "--output", path.join(root, "docs/secrets.md")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^secret-scanner: .*docs\/secrets\.md: expected one .* found 1 and 0; fix the markers/);
    expect(readFileSync(path.join(root, "docs/secrets.md"), "utf8")).toBe(broken);
  });
});

describe("docs on a root that is not a directory", () => {
  test("a usage error, as for every command", () => {
    const root = makeRepo({ "main.ts": "export {};\n" });
    const missing = runCli(["docs", path.join(root, "nowhere")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`secret-scanner: ${path.join(root, "nowhere")}: no such directory\n`);
    const file = runCli(["docs", path.join(root, "main.ts")]);
    expect(file.status).toBe(2);
    expect(file.stderr).toBe(`secret-scanner: ${path.join(root, "main.ts")}: not a directory\n`);
  });
});

describe("docs --check", () => {
  test("exit 0 and no output when the document is current; exit 1 with a unified diff when it is stale", () => {
    const root = makeRepo(project());
    runCli(["docs", ".", "--output", "docs/secrets.md"], { cwd: root });
    const current = runCli(["docs", "--check"], { cwd: root });
    expect(current.status).toBe(0);
    expect(current.stdout).toBe("");
    expect(current.stderr).toBe("");

    // SENTRY_DSN is now required: read outside its presence check
    writeFileSync(path.join(root, "services/api/src/index.ts"), `${API_CODE}export const dsn = getSecret("SENTRY_DSN");\n`);
    const stale = runCli(["docs", "--check"], { cwd: root });
    expect(stale.status).toBe(1);
    expect(stale.stderr).toBe("secret-scanner: docs/secrets.md is out of date; update it with: secret-scanner docs --output docs/secrets.md\n");
    expect(stale.stdout).toMatch(/^Index: docs\/secrets\.md\n={67}\n--- docs\/secrets\.md\tcommitted\n\+\+\+ docs\/secrets\.md\tgenerated\n@@ /);
    expect(stale.stdout).toContain("\n-| `SENTRY_DSN` | optional |");
    expect(stale.stdout).toContain("\n+| `SENTRY_DSN` | required |");
    expectNoCanary(stale.stdout, stale.stderr);
    // the committed file is not touched by --check
    expect(readFileSync(path.join(root, "docs/secrets.md"), "utf8")).toContain("| `SENTRY_DSN` | optional |");
  });

  test("a missing document fails with a clear message; a document without region is stale", () => {
    const root = makeRepo(project());
    const missing = runCli(["docs", root, "--check"]);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toMatch(/^secret-scanner: .*docs\/secrets\.md does not exist; create it with: secret-scanner docs --output /);
    expect(existsSync(path.join(root, "docs/secrets.md"))).toBe(false);

    writeFileSync(path.join(root, "NOTES.md"), "# Notes\n");
    const noRegion = runCli(["docs", root, "--check", "--output", path.join(root, "NOTES.md")]);
    expect(noRegion.status).toBe(1);
    expect(noRegion.stderr).toContain("NOTES.md has no generated region");
    expect(noRegion.stdout).toContain(`+${START}`);
  });

  test("the committed document of fixtures/example-repo is current", () => {
    const root = copyFixture("example-repo");
    const run = runCli(["docs", "--check"], { cwd: root });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});
