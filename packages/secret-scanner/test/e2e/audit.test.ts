/**
 * `secret-scanner audit` as users run it: the built CLI on real git repositories in temp dirs (and
 * on a plain directory), one focused fixture per check, the clean case, canaries, and the
 * example repository.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { brief, copyFixture, makeRepo, runCli, type CliRun, type JsonReport } from "./harness.js";

function auditJson(root: string, ...extra: string[]): { run: CliRun; report: JsonReport } {
  const run = runCli(["audit", root, "--format", "json", ...extra]);
  return { run, report: JSON.parse(run.stdout) as JsonReport };
}

/** The findings of the audit's own checks (`check`'s are tested elsewhere). */
const AUDIT_IDS = new Set([
  "bare-env-secret",
  "secret-fallback",
  "hardcoded-secret",
  "secret-in-compose-environment",
  "compose-secret-fallback",
  "committed-secret-file",
  "gitignore-missing-pattern",
  "env-example-real-value",
]);
function auditFindings(report: JsonReport): string[] {
  return brief({ ...report, findings: report.findings.filter((finding) => AUDIT_IDS.has(finding.ruleId)) });
}

/** A .gitignore with every rule contract 002 requires, so that a fixture shows only its own finding. */
const FULL_GITIGNORE = ["node_modules/", ".env", ".env.*", "!.env.example", "*.pem", "*.key", "*.crt", "*.p12", "secrets/", ""].join("\n");

// Canaries: credential-shaped values that must never appear in any output. Built at run time so
// that no token-shaped literal is committed (made up, never valid).
const GITHUB_TOKEN = ["ghp_", "R8fK2mQ9vL4xT7nB1cZ6", "wY3pH5jD0sA2gE9k"].join("");
const AWS_KEY_ID = ["AKIA", "Q7X2M4R6T3W5Y2ZB"].join("");
const COMPOSE_LITERAL = "Zq8vR2mX7kPw4tLc9";
const EXAMPLE_LITERAL = "a8f5f167f44f4964e6c998dee827110c";

function expectNoCanary(run: CliRun, ...canaries: string[]): void {
  for (const canary of canaries) {
    // not the value, and not its secret part without the prefix a masked preview may show
    for (const piece of [canary, canary.slice(4)]) {
      expect(run.stdout).not.toContain(piece);
      expect(run.stderr).not.toContain(piece);
    }
  }
}

const plainDirectories: string[] = [];
afterAll(() => {
  for (const directory of plainDirectories) rmSync(directory, { recursive: true, force: true });
});

describe("audit: one fixture per check", () => {
  it("committed-secret-file: a tracked .env and a tracked id_rsa; an untracked, unignored .env.production; not the examples or the public key", () => {
    const root = makeRepo({
      ".gitignore": "node_modules/\n",
      ".env": "PORT=8080\n",
      ".env.example": "API_KEY=\n",
      "deploy/id_rsa": "not really a key\n",
      "deploy/id_rsa.pub": "ssh-ed25519 AAAA\n",
      "certs/ca.pem": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
    });
    writeFileSync(path.join(root, ".env.production"), "PORT=80\n");
    const audit = auditJson(root);
    expect(audit.run.status).toBe(1);
    const files = audit.report.findings.filter((finding) => finding.ruleId === "committed-secret-file");
    expect(files.map((finding) => finding.file)).toEqual([".env", ".env.production", "deploy/id_rsa"]);
    expect(files[0]!.message).toContain("git tracks it");
    expect(files[1]!.message).toContain("git does not ignore it");
    expect(files[2]!.message).toContain("SSH private key");
  });

  it("committed-secret-file: a compose secret's file that git tracks", () => {
    const root = makeRepo({
      ".gitignore": FULL_GITIGNORE.replace("secrets/\n", ""),
      "compose.yaml": "services:\n  api:\n    image: x\n    secrets: [db_password]\nsecrets:\n  db_password:\n    file: ./config/db_password.txt\n",
      "config/db_password.txt": "hunter2hunter2\n",
    });
    const { report } = auditJson(root);
    expect(auditFindings(report)).toContain("config/db_password.txt:1:1 committed-secret-file");
    expect(report.findings.find((finding) => finding.ruleId === "committed-secret-file")!.message).toContain(
      "compose secret 'db_password' (compose.yaml:6)",
    );
  });

  it("gitignore-missing-pattern: asks git about sample paths, so any spelling of a rule counts", () => {
    const root = makeRepo({ ".gitignore": "node_modules/\n/.env\n**/*.pem\ncerts/\n" });
    const { run, report } = auditJson(root);
    expect(run.status).toBe(0); // warnings only
    const messages = report.findings.filter((finding) => finding.ruleId === "gitignore-missing-pattern").map((finding) => finding.message);
    // `/.env` covers the root only; `**/*.pem` covers every PEM; `certs/` covers the nested samples of *.key, *.crt, *.p12 only
    expect(messages.map((message) => /would commit '([^']+)'/.exec(message)?.[1]).sort()).toEqual([
      ".env.local",
      "instances/example/.env",
      "keystore.p12",
      "secrets/db_password.txt",
      "server.crt",
      "server.key",
    ]);
    expect(messages.find((message) => message.includes("instances/example/.env'"))).toContain("env files in a subdirectory");
    expect(messages.join("\n")).not.toContain("server.pem");
    expect(report.findings.every((finding) => finding.file === ".gitignore" && finding.severity === "warning")).toBe(true);
  });

  it("secret-in-compose-environment: a literal secret value, not an interpolation, a pass-through, a secret file, a URL without credentials or a non-secret", () => {
    const root = makeRepo({
      ".gitignore": FULL_GITIGNORE,
      "compose.yaml": [
        "services:",
        "  api:",
        "    image: node:20",
        "    environment:",
        `      JWT_SECRET: ${COMPOSE_LITERAL}`, // 5
        "      API_TOKEN: ${API_TOKEN}",
        "      STRIPE_SECRET_KEY:",
        "      POSTGRES_PASSWORD_FILE: /run/secrets/db_password",
        "      REDIS_URL: redis://redis:6379",
        "      PORT: 8080",
        "  worker:",
        "    image: node:20",
        "    environment:",
        "      - SMTP_PASSWORD=changeme", // 14: a placeholder the service runs with
        "      - DB_PASSWORD=",
        "",
      ].join("\n"),
    });
    const { run, report } = auditJson(root);
    expect(run.status).toBe(1);
    expect(auditFindings(report)).toEqual([
      "compose.yaml:5:7 secret-in-compose-environment JWT_SECRET",
      "compose.yaml:14:9 secret-in-compose-environment SMTP_PASSWORD",
    ]);
    expect(report.findings.find((finding) => finding.secret === "SMTP_PASSWORD")!.message).toContain("placeholder");
    expectNoCanary(run, COMPOSE_LITERAL);
  });

  it("compose-secret-fallback: ${SECRET:-default} and ${SECRET-default}, not :? or ? or a non-secret default", () => {
    const root = makeRepo({
      ".gitignore": FULL_GITIGNORE,
      "compose.yaml": [
        "services:",
        "  api:",
        "    image: node:20",
        "    environment:",
        "      STRIPE_KEY: ${STRIPE_SECRET_KEY:-sk_test_dummy}", // 5
        "      JWT: ${JWT_SECRET-dev}", // 6
        "      DB: ${DB_PASSWORD:?DB_PASSWORD is required}",
        "      TOKEN: ${API_TOKEN?}",
        "      LOG_LEVEL: ${LOG_LEVEL:-info}",
        "",
      ].join("\n"),
    });
    const { report } = auditJson(root);
    expect(auditFindings(report)).toEqual([
      "compose.yaml:5:19 compose-secret-fallback STRIPE_SECRET_KEY",
      "compose.yaml:6:12 compose-secret-fallback JWT_SECRET",
    ]);
    expect(report.findings.map((finding) => finding.message).join("\n")).not.toContain("sk_test_dummy");
  });

  it("env-example-real-value: a value that could work, not a placeholder, an empty value or a non-secret key", () => {
    const root = makeRepo({
      ".gitignore": FULL_GITIGNORE,
      ".env.example": ["PORT=8080", `API_KEY=${EXAMPLE_LITERAL}`, "STRIPE_SECRET_KEY=<your Stripe secret key>", "JWT_SECRET=", "DB_PASSWORD=changeme", ""].join("\n"),
    });
    const { run, report } = auditJson(root);
    expect(auditFindings(report)).toEqual([".env.example:2:1 env-example-real-value API_KEY"]);
    expectNoCanary(run, EXAMPLE_LITERAL);
  });

  it("bare-env-secret and secret-fallback: the plugin's rules on TypeScript and JavaScript, with the repository's settings", () => {
    const root = makeRepo({
      ".gitignore": FULL_GITIGNORE,
      "secret-scanner.config.json": JSON.stringify({ secrets: { accessorFiles: ["src/config/**"] } }),
      "src/server.ts": 'const key: string | undefined = process.env.API_KEY;\nexport const jwt = process.env.JWT_SECRET ?? "dev";\nexport const port = process.env.PORT ?? "3000";\nexport { key };\n',
      "src/worker.jsx": 'export const token = process.env.SLACK_TOKEN || "none";\nexport const View = () => <div>{token}</div>;\n',
      "src/config/secrets.ts": "export const raw = process.env.DATABASE_URL;\n",
    });
    const { report } = auditJson(root);
    expect(auditFindings(report)).toEqual([
      "src/server.ts:1:33 bare-env-secret API_KEY",
      "src/server.ts:2:20 bare-env-secret JWT_SECRET",
      "src/server.ts:2:20 secret-fallback JWT_SECRET",
      "src/worker.jsx:1:22 bare-env-secret SLACK_TOKEN",
      "src/worker.jsx:1:22 secret-fallback SLACK_TOKEN",
    ]);
    expect(report.findings.filter((finding) => finding.ruleId === "parse-error")).toEqual([]);
    const fallback = report.findings.find((finding) => finding.ruleId === "secret-fallback")!;
    expect(fallback.severity).toBe("error");
    expect(fallback.message).toMatch(/^Secret 'JWT_SECRET' gets a fallback/);
  });

  it("hardcoded-secret: a credential in Markdown, YAML and a shell script, shown by format and masked prefix only", () => {
    const root = makeRepo({
      ".gitignore": FULL_GITIGNORE,
      "README.md": `# Setup\n\nUse the bot token \`${GITHUB_TOKEN}\` to call the API.\n`,
      "deploy/values.yaml": `aws:\n  accessKeyId: ${AWS_KEY_ID}\n`,
      "scripts/run.sh": `#!/bin/sh\nexport AWS_ACCESS_KEY_ID=${AWS_KEY_ID}\n`,
      "docs/keys.md": "An AWS key id looks like AKIAIOSFODNN7EXAMPLE.\n",
      "logo.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x41, 0x4b, 0x49, 0x41]),
    });
    const { run, report } = auditJson(root);
    expect(run.status).toBe(1);
    expect(auditFindings(report)).toEqual([
      "README.md:3:20 hardcoded-secret",
      "deploy/values.yaml:2:16 hardcoded-secret",
      "scripts/run.sh:2:26 hardcoded-secret",
    ]);
    const readme = report.findings.find((finding) => finding.file === "README.md")!;
    expect(readme.message).toContain("GitHub token (ghp_…)");
    expect(report.notes.join("\n")).toContain("1 file that are binary were not searched for credentials: logo.png");
    expectNoCanary(run, GITHUB_TOKEN, AWS_KEY_ID);

    const text = runCli(["audit", root]);
    expectNoCanary(text, GITHUB_TOKEN, AWS_KEY_ID);
    expect(text.stdout).toContain("Credential written in this file: AWS access key id (AKIA…)");
  });
});

describe("audit: the whole command", () => {
  it("a file ESLint's parser rejects is a parse error only when TypeScript rejects it too; otherwise a note", () => {
    const root = makeRepo({
      ".gitignore": FULL_GITIGNORE,
      // type annotations in a .js file: espree fails, TypeScript parses it
      "src/typed.js": "export const port: string | undefined = process.env.PORT;\n",
      // broken for both (and a read candidate for the scan, which reports it: once)
      "src/broken.js": "export const = process.env.API_KEY;\n",
      // broken for both, but no read candidate for the scan: the audit reports it
      "src/environment.js": "export const environment = ;\n",
    });
    const { report } = auditJson(root);
    expect(brief(report)).toEqual(["src/broken.js:1:14 parse-error", "src/environment.js:1:28 parse-error"]);
    expect(report.notes).toContain(
      "src/typed.js:1:18: ESLint's parser cannot parse this file, which TypeScript parses: bare-env-secret and secret-fallback were not checked in it",
    );
  });

  it("a repository that satisfies contract 002 gets no finding", () => {
    const root = makeRepo({
      ".gitignore": FULL_GITIGNORE,
      ".env.example": "PORT=8080\nLOG_LEVEL=info\nDATABASE_URL=<your database URL>\nJWT_SECRET=\n",
      "compose.yaml": [
        "services:",
        "  api:",
        "    build: .",
        "    environment:",
        "      PORT: 8080",
        "      LOG_LEVEL: ${LOG_LEVEL:-info}",
        "      DATABASE_URL: ${DATABASE_URL:?DATABASE_URL is required}",
        "    secrets: [JWT_SECRET, DATABASE_URL]",
        "secrets:",
        "  JWT_SECRET:",
        "    environment: JWT_SECRET",
        "  DATABASE_URL:",
        "    environment: DATABASE_URL",
        "",
      ].join("\n"),
      "src/index.ts": 'import { getSecret } from "secrets-runtime";\nexport const port = Number(process.env.PORT ?? 8080);\nexport const db = getSecret("DATABASE_URL");\nexport const jwt = getSecret("JWT_SECRET");\n',
      "README.md": "Secrets are injected at run time; see .env.example for their names.\n",
    });
    const { run, report } = auditJson(root);
    expect(report.findings).toEqual([]);
    expect(run.status).toBe(0);
    const text = runCli(["audit", root]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^✔ No problems \(\d+ files checked\)\n$/);
  });

  it("outside a git repository: the git checks are skipped with a note, credentials are still found by walking the directory", () => {
    const root = mkdtempSync(path.join(tmpdir(), "secret-scanner-plain-"));
    plainDirectories.push(root);
    mkdirSync(path.join(root, "docs"));
    writeFileSync(path.join(root, "docs", "setup.md"), `token: ${GITHUB_TOKEN}\n`);
    writeFileSync(path.join(root, ".env"), "PORT=1\n");
    const { run, report } = auditJson(root);
    expect(run.status).toBe(1);
    expect(auditFindings(report)).toEqual(["docs/setup.md:1:8 hardcoded-secret"]);
    expect(report.notes.join("\n")).toContain("not inside a git work tree: committed-secret-file and gitignore-missing-pattern were skipped");
    expectNoCanary(run, GITHUB_TOKEN);
  });

  it("honours the configuration (a check turned off) and inline suppressions, and keeps the inventory in JSON", () => {
    const root = makeRepo({
      ".gitignore": "node_modules/\n",
      "secret-scanner.config.json": JSON.stringify({ rules: { "gitignore-missing-pattern": "off" } }),
      "deploy/values.yaml": `# secret-scanner-disable-next-line hardcoded-secret -- revoked key kept for the parser test\nkey: ${AWS_KEY_ID}\n`,
      "src/index.ts": 'import { getSecret } from "secrets-runtime";\nexport const db = getSecret("DATABASE_URL");\n',
    });
    const { run, report } = auditJson(root);
    expect(auditFindings(report)).toEqual([]);
    expect(run.status).toBe(0);
    expect(report.secrets).toEqual([
      { name: "DATABASE_URL", reads: [{ file: "src/index.ts", line: 2, column: 29, kind: "accessor" }], declared: { compose: [], envExample: [] }, grantedTo: [], readBy: [] },
    ]);
  });

  it("draws no progress indicator when stderr is piped, with or without CI", () => {
    const root = makeRepo({ ".gitignore": FULL_GITIGNORE, "src/a.ts": "export const a = 1;\n" });
    for (const env of [{}, { CI: "true" }]) {
      const run = runCli(["audit", root], { env });
      expect(run.status).toBe(0);
      // the notes only: no carriage return, no escape sequence
      expect(run.stderr).not.toContain("\r");
      expect(run.stderr).not.toContain("\u001b");
      expect(run.stderr).toMatch(/^(?:note: .*\n)+$/);
    }
  });
});

describe("audit on fixtures/example-repo", () => {
  it("finds what the fixture breaks, and each finding is right", () => {
    const root = copyFixture("example-repo");
    const { run, report } = auditJson(root);
    expect(run.status).toBe(1);
    // judged by reading the fixture (see docs/scanner/audit.md, "On the example repository")
    expect(auditFindings(report)).toEqual([
      ".gitignore:1:1 gitignore-missing-pattern",
      ".gitignore:1:1 gitignore-missing-pattern",
      ".gitignore:1:1 gitignore-missing-pattern",
      ".gitignore:1:1 gitignore-missing-pattern",
      ".gitignore:1:1 gitignore-missing-pattern",
      ".gitignore:1:1 gitignore-missing-pattern",
      "scripts/seed-dev.ts:2:31 bare-env-secret DEV_DATABASE_URL",
      "scripts/seed-dev.ts:2:31 secret-fallback DEV_DATABASE_URL",
      "services/api/src/index.ts:8:19 secret-fallback JWT_SECRET",
      "services/api/src/index.ts:9:20 bare-env-secret SESSION_SIGNING_KEY",
      "services/worker/src/index.js:5:9 bare-env-secret REDIS_URL",
      "services/worker/src/index.js:13:5 secret-fallback MAILER_API_TOKEN",
    ]);
    const exposed = report.findings
      .filter((finding) => finding.ruleId === "gitignore-missing-pattern")
      .map((finding) => /would commit '([^']+)'/.exec(finding.message)?.[1]);
    expect(exposed).toEqual(["server.pem", "keystore.p12", "server.crt", "server.key", "instances/example/secrets/db_password.txt", ".env.local"]);
    // `check`'s findings are all still there
    const check = runCli(["check", root, "--format", "json"]);
    const checkIds = (JSON.parse(check.stdout) as JsonReport).findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`);
    expect(report.findings.filter((finding) => !AUDIT_IDS.has(finding.ruleId)).map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`)).toEqual(checkIds);
  });
});
