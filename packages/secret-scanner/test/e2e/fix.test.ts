/**
 * `secret-scanner fix` and `check --fix` through the built CLI, on git repositories in temp dirs:
 * which file gets a missing key, what is written (and what is kept byte for byte), compose edits
 * that keep comments, anchors and odd indentation, --prune, --dry-run, a second run that changes
 * nothing, and values that never leave their file.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { placeholderReason } from "@secrets-suite/core";
import { parse } from "dotenv";
import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { brief, checkJson, makeRepo, runCli, type JsonReport } from "./harness.js";

const ACCESSOR_IMPORT = `import { getSecret } from "@acme/secrets";\n`;
/**
 * A value that looks like a live key: it must never be printed, and stays where it is unless pruned.
 * Built at run time, so that no key-shaped literal sits in the repository.
 */
const CANARY = ["sk", "live", "51Hc4N4ryV4lu3xQz9TtW2mPp8Lk"].join("_");

const read = (root: string, file: string): string => readFileSync(path.join(root, file), "utf8");
const gitStatus = (root: string): string => execFileSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" });

describe("fix: missing env example keys go to the nearest env example", () => {
  const files = {
    ".env.example": "# shared\r\nLOG_LEVEL=info", // CRLF, no final line break
    "services/api/.env.example": `\uFEFF# api\nSTRIPE_SECRET_KEY=${CANARY}\n`,
    "services/worker/.env.example": "QUEUE_URL=\n\n",
    "services/api/src/pay.ts": `${ACCESSOR_IMPORT}export const k = getSecret("STRIPE_SECRET_KEY");
export const w = getSecret("STRIPE_WEBHOOK_SIGNING_KEY");
export const level = process.env.LOG_LEVEL;
`,
    "services/api/src/db.ts": `${ACCESSOR_IMPORT}export const p = getSecret("DB_PASSWORD");\n`,
    "services/api/src/db2.ts": `${ACCESSOR_IMPORT}export const p = getSecret("DB_PASSWORD");\n`,
    "services/worker/src/main.ts": `${ACCESSOR_IMPORT}export const q = process.env.QUEUE_URL;
export const t = getSecret("QUEUE_TOKEN");
export const p = getSecret("DB_PASSWORD");
`,
    "scripts/seed.ts": `${ACCESSOR_IMPORT}export const s = getSecret("SEED_API_KEY");\n`,
  };
  const root = makeRepo(files);
  const first = runCli(["fix", root]);

  it("adds each key to the env example of the reading file's directory or its nearest ancestor, listing what it added", () => {
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(
      [
        ".env.example: added SEED_API_KEY",
        "services/api/.env.example: added DB_PASSWORD, STRIPE_WEBHOOK_SIGNING_KEY",
        "services/worker/.env.example: added DB_PASSWORD, QUEUE_TOKEN",
        "",
      ].join("\n"),
    );
    expect(first.stderr).toBe("");
  });

  it("appends under a comment naming the readers, with an empty value, and keeps every other byte (BOM, CRLF, blank lines)", () => {
    expect(read(root, ".env.example")).toBe("# shared\r\nLOG_LEVEL=info\r\n\r\n# read by scripts/seed.ts\r\nSEED_API_KEY=\r\n");
    expect(read(root, "services/api/.env.example")).toBe(
      `\uFEFF# api\nSTRIPE_SECRET_KEY=${CANARY}\n\n# read by services/api/src/db.ts, services/api/src/db2.ts\nDB_PASSWORD=\n# read by services/api/src/pay.ts\nSTRIPE_WEBHOOK_SIGNING_KEY=\n`,
    );
    expect(read(root, "services/worker/.env.example")).toBe(
      "QUEUE_URL=\n\n# read by services/worker/src/main.ts\nDB_PASSWORD=\n# read by services/worker/src/main.ts\nQUEUE_TOKEN=\n",
    );
  });

  it("writes a value core's placeholder test calls a placeholder", () => {
    const added = parse(read(root, "services/worker/.env.example"));
    expect(added.QUEUE_TOKEN).toBe("");
    expect(placeholderReason(added.QUEUE_TOKEN!)).toBe("empty");
  });

  it("leaves nothing to report, and a second run changes nothing", () => {
    const { run, report } = checkJson(root);
    expect(brief(report)).toEqual([]);
    expect(run.status).toBe(0);
    const before = gitStatus(root);
    const contents = Object.keys(files).map((file) => read(root, file));
    const second = runCli(["fix", root]);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe("");
    expect(second.stderr).toBe("secret-scanner: no file changed\n");
    expect(gitStatus(root)).toBe(before);
    expect(Object.keys(files).map((file) => read(root, file))).toEqual(contents);
  });

  it("never prints the value of a key it did not touch", () => {
    expect(first.stdout + first.stderr).not.toContain(CANARY);
    expect(first.stdout + first.stderr).not.toContain(CANARY.slice(0, 12));
  });
});

/** A compose file written by hand: comments everywhere, an anchor and merge key, three-space indentation, a flow list. */
const COMPOSE = `# Production-like stack.   Keep the comments!
x-common: &common
   restart: unless-stopped   # odd indentation on purpose
   secrets:
     - shared_token

services:
   api:   # the API
      <<: *common
      build: ./api
      secrets:
        - db_password    # mounted at /run/secrets/db_password
      environment:
         POSTGRES_PASSWORD: "${CANARY}"

   worker:
      build:
         context: ./worker
      secrets: [db_password]   # flow style

   cron:
      build: ./cron   # no secrets: yet
      image: example/cron:1

   inherited:
      <<: *common
      build: ./inherited

secrets:
    db_password:
        file: ./secrets/db_password.txt   # trailing comment
    shared_token:
        environment: SHARED_TOKEN
    legacy_key:   # nobody reads it
        file: ./secrets/legacy_key.txt
# end of file
`;

describe("fix --compose: declares and grants compose secrets, keeping the file's comments and layout", () => {
  const files = {
    "compose.yaml": COMPOSE,
    "api/main.ts": `${ACCESSOR_IMPORT}export const a = getSecret("db_password");
export const b = getSecret("stripe_key");
export const c = getSecret("shared_token");
`,
    "worker/main.ts": `${ACCESSOR_IMPORT}export const a = getSecret("db_password");\nexport const b = getSecret("stripe_key");\n`,
    "cron/main.ts": `${ACCESSOR_IMPORT}export const a = getSecret("db_password");\n`,
    "inherited/main.ts": `${ACCESSOR_IMPORT}export const a = getSecret("db_password");\nexport const b = getSecret("shared_token");\n`,
  };
  const root = makeRepo(files);
  const dryRun = runCli(["fix", root, "--compose", "--dry-run"]);
  const withoutCompose = runCli(["fix", root]);
  const applied = runCli(["fix", root, "--compose"]);

  it("without --compose, leaves compose files alone and says how to fix them", () => {
    expect(withoutCompose.status).toBe(0);
    expect(withoutCompose.stdout).toBe("");
    expect(withoutCompose.stderr).toContain("compose finding(s) (undeclared-in-compose, service-not-granted) not fixed: run with --compose");
  });

  it("--dry-run prints a diff without context lines and writes nothing", () => {
    expect(dryRun.status).toBe(0);
    expect(dryRun.stdout).toBe(`--- a/compose.yaml
+++ b/compose.yaml
@@ -12,0 +13,2 @@
+        - shared_token
+        - stripe_key
@@ -19,1 +21,1 @@
-      secrets: …
+      secrets: …
@@ -23,0 +26,2 @@
+      secrets:
+         - db_password
@@ -35,0 +40,2 @@
+    stripe_key:
+        file: ./secrets/stripe_key.txt
`);
    expect(dryRun.stdout + dryRun.stderr).not.toContain(CANARY);
    // the merge key gives 'inherited' its secrets: an own secrets: would replace them
    expect(dryRun.stderr).toContain("compose.yaml: service 'inherited' inherits its secrets: through a << merge key; db_password not granted");
  });

  it("writes exactly the lines the diff showed, every other byte as it was", () => {
    expect(applied.status).toBe(0);
    expect(applied.stdout).toBe(
      [
        "compose.yaml: declared secret stripe_key (file: ./secrets/stripe_key.txt)",
        // its own secrets: replaces the one <<: *common brings: shared_token was not granted
        "compose.yaml: granted shared_token, stripe_key to service api",
        "compose.yaml: granted db_password to service cron",
        "compose.yaml: granted stripe_key to service worker",
        "",
      ].join("\n"),
    );
    const expected = COMPOSE.replace("# mounted at /run/secrets/db_password\n", "# mounted at /run/secrets/db_password\n        - shared_token\n        - stripe_key\n")
      .replace("secrets: [db_password]", "secrets: [db_password, stripe_key]")
      .replace("image: example/cron:1\n", "image: example/cron:1\n      secrets:\n         - db_password\n")
      .replace(
        "        file: ./secrets/legacy_key.txt\n",
        "        file: ./secrets/legacy_key.txt\n    stripe_key:\n        file: ./secrets/stripe_key.txt\n",
      );
    expect(read(root, "compose.yaml")).toBe(expected);
    expect(parseDocument(read(root, "compose.yaml")).errors).toEqual([]);
  });

  it("leaves no finding it could fix, and a second run changes nothing", () => {
    const { report } = checkJson(root);
    expect(brief(report)).toEqual([
      "compose.yaml:38:5 unused-compose-secret legacy_key",
      "inherited/main.ts:2:28 service-not-granted db_password",
    ]);
    const before = read(root, "compose.yaml");
    const second = runCli(["fix", root, "--compose"]);
    expect(second.stdout).toBe("");
    expect(read(root, "compose.yaml")).toBe(before);
  });

  it("--prune --compose removes an unused top-level secret, its lines only", () => {
    const before = read(root, "compose.yaml");
    const run = runCli(["fix", root, "--compose", "--prune"]);
    expect(run.stdout).toBe("compose.yaml: removed secret legacy_key\n");
    expect(read(root, "compose.yaml")).toBe(
      before.replace("    legacy_key:   # nobody reads it\n        file: ./secrets/legacy_key.txt\n", ""),
    );
  });
});

describe("fix --prune", () => {
  const root = makeRepo({
    ".env.example": `# keep me\napi_token=\nOLD_SECRET="${CANARY}\nsecond line of a quoted value"\nPORT=3000 # inline comment\n`,
    "compose.yml": `services:
  api:
    build: ./api
    secrets:
      - api_token
      - granted_only
secrets:
  api_token:
    file: ./secrets/api_token.txt
  granted_only:
    file: ./secrets/granted_only.txt
  nobody:
    file: ./secrets/nobody.txt
`,
    "api/main.ts": `${ACCESSOR_IMPORT}export const t = getSecret("api_token");\n`,
  });

  it("without --prune keeps unused keys and says so; --dry-run masks the removed lines", () => {
    const kept = runCli(["fix", root]);
    expect(kept.stderr).toContain("2 unused env example key(s) kept: run with --prune to remove them");
    expect(kept.stderr).toContain("2 unused compose secret(s) kept: run with --prune --compose to remove them");
    const dry = runCli(["fix", root, "--prune", "--dry-run"]);
    expect(dry.stdout).toBe(`--- a/.env.example
+++ b/.env.example
@@ -3,3 +2,0 @@
-OLD_SECRET=…
-…
-PORT=…
`);
    expect(dry.stdout + dry.stderr + kept.stdout + kept.stderr).not.toContain(CANARY);
    expect(gitStatus(root)).toBe("");
  });

  it("removes whole definitions (every line of a quoted value), keeps a compose secret still granted, and changes nothing the second time", () => {
    const run = runCli(["fix", root, "--prune", "--compose"]);
    expect(run.stdout).toBe(".env.example: removed OLD_SECRET, PORT\ncompose.yml: removed secret nobody\n");
    expect(run.stderr).toContain("compose secret 'granted_only' kept although no code reads it: service(s) api are still granted it");
    expect(run.stdout + run.stderr).not.toContain(CANARY);
    expect(read(root, ".env.example")).toBe("# keep me\napi_token=\n");
    expect(read(root, "compose.yml")).not.toContain("nobody");
    const second = runCli(["fix", root, "--prune", "--compose"]);
    expect(second.stdout).toBe("");
  });
});

describe("check --fix", () => {
  it("fixes, reports on stderr what it fixed, then reports what is left; a name-mismatch is never renamed", () => {
    const root = makeRepo({
      ".env.example": "STRIPE_WEBHOOK_SECRET=\n",
      "main.ts": `${ACCESSOR_IMPORT}export const a = getSecret("WEBHOOK_SECRET");\nexport const b = getSecret("SMTP_PASSWORD");\n`,
    });
    const run = runCli(["check", root, "--fix", "--format", "json"]);
    expect(run.stderr).toContain("fixed: .env.example: added SMTP_PASSWORD\n");
    expect(run.stderr).toContain("1 name-mismatch finding(s) left alone: which spelling is right is your decision");
    const report = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; secret: string }> };
    expect(report.findings.map((finding) => `${finding.ruleId} ${finding.secret}`)).toEqual(["name-mismatch WEBHOOK_SECRET"]);
    expect(run.status).toBe(1);
    expect(read(root, ".env.example")).toBe("STRIPE_WEBHOOK_SECRET=\n\n# read by main.ts\nSMTP_PASSWORD=\n");
  });

  it("with nothing to fix, reports exactly what check reports (from the one scan the fix made)", () => {
    const root = makeRepo({
      ".env.example": "STRIPE_WEBHOOK_SECRET=\nUNUSED_KEY=\n",
      "main.ts": `${ACCESSOR_IMPORT}export const a = getSecret("WEBHOOK_SECRET");\n`,
    });
    const fixed = runCli(["check", root, "--fix", "--format", "json"]);
    const checked = runCli(["check", root, "--format", "json"]);
    expect(fixed.stdout).toBe(checked.stdout);
    expect(fixed.status).toBe(1);
    expect(checked.status).toBe(1);
    expect(brief(JSON.parse(fixed.stdout) as JsonReport)).toEqual([".env.example:2:1 unused-env-example-key UNUSED_KEY", "main.ts:2:28 name-mismatch WEBHOOK_SECRET"]);
    expect(fixed.stderr).toContain("1 unused env example key(s) kept: run with --prune to remove them");
    expect(gitStatus(root)).toBe("");
  });

  it("exits 0 when the fix leaves nothing; --compose and --prune need --fix", () => {
    const root = makeRepo({ ".env.example": "", "main.ts": `${ACCESSOR_IMPORT}export const b = getSecret("SMTP_PASSWORD");\n` });
    expect(runCli(["check", root, "--fix"]).status).toBe(0);
    const misuse = runCli(["check", root, "--prune"]);
    expect(misuse.status).toBe(2);
    expect(misuse.stderr).toBe("secret-scanner: --compose and --prune go with --fix\n");
  });

  it("creates no env example where there is none, and says so", () => {
    const root = makeRepo({ "main.ts": `${ACCESSOR_IMPORT}export const b = getSecret("SMTP_PASSWORD");\n` });
    const run = runCli(["fix", root]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("no env example file found: nothing to add keys to");
    expect(gitStatus(root)).toBe("");
  });
});
