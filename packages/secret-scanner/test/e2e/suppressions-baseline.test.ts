/**
 * Silencing findings: inline `secret-scanner-disable-*` comments in code, compose YAML and env
 * examples, and `--baseline FILE` for adopting the scanner on a repository with known findings.
 * Neither may leak a value read from a file.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { brief, checkJson, makeRepo, runCli } from "./harness.js";

describe("inline suppressions", () => {
  const root = makeRepo({
    "docker-compose.yml": `secrets:
  LEGACY_TOKEN: # secret-scanner-disable-line unused-compose-secret -- rotated out next quarter
    external: true
  OLD_CERT:
    file: ./old.pem
  # secret-scanner-disable-next-line unused-compose-secret
  RETIRED_KEY:
    external: true
`,
    ".env.example": `MIXPANEL_TOKEN= # secret-scanner-disable-line unused-env-example-key -- read by the analytics sidecar
STALE_KEY= # secret-scanner-disable-line unused-env-exmaple-key
`,
    "src/app.ts": `import { getSecret } from "@acme/secrets";
// secret-scanner-disable-next-line undeclared-in-compose, undeclared-in-env-example -- injected by the platform
export const a = getSecret("PLATFORM_TOKEN");
// secret-scanner-disable-next-line undeclared-in-compose -- compose only
export const b = getSecret("HALF_TOKEN");
export const c = getSecret("TYPO_TOKEN"); // secret-scanner-disable-line undeclard-in-compose
`,
  });

  it("silence the named rules on their line in code, YAML and env examples; an unknown rule id silences nothing and gives a note", () => {
    const { run, report } = checkJson(root);
    expect(brief(report)).toEqual([
      ".env.example:2:1 unused-env-example-key STALE_KEY",
      "docker-compose.yml:4:3 unused-compose-secret OLD_CERT",
      "src/app.ts:5:28 undeclared-in-env-example HALF_TOKEN",
      "src/app.ts:6:28 undeclared-in-compose TYPO_TOKEN",
      "src/app.ts:6:28 undeclared-in-env-example TYPO_TOKEN",
    ]);
    expect(run.status).toBe(1);
    expect(report.notes).toEqual([
      '.env.example:2: secret-scanner-disable-line names unknown rule id "unused-env-exmaple-key" (did you mean "unused-env-example-key"?)',
      'src/app.ts:6: secret-scanner-disable-line names unknown rule id "undeclard-in-compose" (did you mean "undeclared-in-compose"?)',
    ]);
  });

  it("text mode prints the notes on stderr", () => {
    const text = runCli(["check", root]);
    expect(text.status).toBe(1);
    const notes = text.stderr.split("\n").filter(Boolean);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/^note: \.env\.example:2: .*unused-env-exmaple-key/);
    expect(notes[1]).toMatch(/^note: src\/app\.ts:6: .*undeclard-in-compose/);
  });
});

describe("--baseline", () => {
  const canaries = Array.from({ length: 6 }, () => `canary-${randomBytes(6).toString("hex")}`);
  const root = makeRepo({
    "docker-compose.yml": `services:
  api:
    build: ./api
    image: registry.example/${canaries[0]}
    environment:
      LOG_LEVEL: ${canaries[1]}
    secrets:
      - DATABASE_URL
secrets:
  DATABASE_URL:
    file: ./secrets/${canaries[2]}.txt
  LEGACY_TOKEN:
    external: true
`,
    ".env.example": `DATABASE_URL=postgres://user:${canaries[3]}@localhost/db
MIXPANEL_TOKEN=${canaries[4]}
LOG_LEVEL=info
`,
    "api/main.ts": `import { getSecret } from "@acme/secrets";
export const db = getSecret("DATABASE_URL");
export const dsn = getSecret("SENTRY_DSN") || "${canaries[5]}";
`,
  });
  const baseline = path.join(root, "secret-scanner-baseline.json");

  // the steps run in order on one repository; every output is kept for the canary check at the end
  const outputs: string[] = [];
  let written = "";

  it("before: the findings the baseline will hold", () => {
    const before = checkJson(root);
    expect(brief(before.report)).toEqual([
      ".env.example:2:1 unused-env-example-key MIXPANEL_TOKEN",
      "api/main.ts:3:30 undeclared-in-compose SENTRY_DSN",
      "api/main.ts:3:30 undeclared-in-env-example SENTRY_DSN",
      "docker-compose.yml:12:3 unused-compose-secret LEGACY_TOKEN",
    ]);
    outputs.push(before.run.stdout, before.run.stderr);
  });

  it("first run: writes the baseline (names and paths only), reports nothing, exits 0", () => {
    const first = checkJson(root, "--baseline", baseline);
    expect(first.run.status).toBe(0);
    expect(first.report.findings).toEqual([]);
    expect(first.report.summary).toEqual({ errors: 0, warnings: 0, files: 3 });
    expect(first.report.notes).toEqual([
      `baseline written to ${baseline} with 4 finding(s); later runs report only new findings`,
    ]);
    expect(existsSync(baseline)).toBe(true);
    written = readFileSync(baseline, "utf8");
    expect(JSON.parse(written)).toEqual({
      version: 1,
      findings: [
        { ruleId: "unused-env-example-key", file: ".env.example", secret: "MIXPANEL_TOKEN" },
        { ruleId: "undeclared-in-compose", file: "api/main.ts", secret: "SENTRY_DSN" },
        { ruleId: "undeclared-in-env-example", file: "api/main.ts", secret: "SENTRY_DSN" },
        { ruleId: "unused-compose-secret", file: "docker-compose.yml", secret: "LEGACY_TOKEN" },
      ],
    });
    outputs.push(first.run.stdout, first.run.stderr, written);
  });

  it("second run on the same repository: nothing new, exit 0, the baseline is not rewritten", () => {
    const second = runCli(["check", root, "--baseline", baseline]);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe("✔ No problems (3 files checked)\n");
    expect(second.stderr).toBe(`note: baseline ${baseline}: 4 known finding(s) hidden\n`);
    expect(readFileSync(baseline, "utf8")).toBe(written);
    outputs.push(second.stdout, second.stderr);
  });

  it("after a new drift (and an old finding moved to another line): only the drift is reported, exit 1", () => {
    writeFileSync(
      path.join(root, "api/main.ts"),
      `import { getSecret } from "@acme/secrets";
export const db = getSecret("DATABASE_URL");

export const dsn = getSecret("SENTRY_DSN") || "${canaries[5]}";
export const jwt = getSecret("JWT_SECRT");
`,
    );
    writeFileSync(path.join(root, ".env.example"), `${readFileSync(path.join(root, ".env.example"), "utf8")}JWT_SECRET=\n`);
    const third = checkJson(root, "--baseline", baseline);
    expect(brief(third.report)).toEqual([
      "api/main.ts:5:30 name-mismatch JWT_SECRT",
      "api/main.ts:5:30 undeclared-in-compose JWT_SECRT",
    ]);
    expect(third.report.notes).toEqual([`baseline ${baseline}: 4 known finding(s) hidden`]);
    expect(third.run.status).toBe(1);
    const outputFile = path.join(root, "report.json");
    const toFile = runCli(["check", root, "--baseline", baseline, "--format", "json", "--output", outputFile]);
    expect(toFile.status).toBe(1);
    expect(toFile.stdout).toBe("");
    expect(readFileSync(outputFile, "utf8")).toBe(third.run.stdout);
    outputs.push(third.run.stdout, third.run.stderr, toFile.stderr);
  });

  it("no output format and no baseline holds a value from the env example, compose or code", () => {
    // every finding, in text, without the baseline
    const text = runCli(["check", root]);
    expect(text.status).toBe(1);
    expect(text.stdout.trimEnd().split("\n").at(-1)).toBe("✖ 6 problems (5 errors, 1 warning)");
    outputs.push(text.stdout, text.stderr);
    expect(outputs).toHaveLength(12);
    for (const output of outputs) {
      for (const canary of canaries) expect(output).not.toContain(canary);
      expect(output).not.toContain("canary-");
    }
  });
});
