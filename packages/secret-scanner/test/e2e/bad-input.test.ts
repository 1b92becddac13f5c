/**
 * Broken input files: each is one parse-error finding naming the file (one line in text mode),
 * and the rest of the scan goes on and still produces its other findings.
 */
import { describe, expect, it } from "vitest";
import { checkJson, makeRepo, runCli } from "./harness.js";

describe("parse-error", () => {
  const root = makeRepo({
    "docker-compose.yml": `include:
  - ./missing/compose.extra.yml
services:
  api:
    build: ./api
    secrets:
      - DATABASE_URL
secrets:
  DATABASE_URL:
    environment: DATABASE_URL
  UNUSED_TOKEN:
    external: true
`,
    // a mis-indented key: one YAML error, not also the shape problems it causes
    "deploy/compose.worker.yml": `services:
  worker:
    build: ./worker
   secrets:
      - REDIS_URL
`,
    ".env.example": "DATABASE_URL=\nthis line is odd\nSENTRY_DSN=\nSMTP_PASSWORD\n",
    "api/main.ts": `import { getSecret } from "@acme/secrets";
export const db = getSecret("DATABASE_URL");
export const dsn = getSecret("SENTRY_DSN");
export const jwt = getSecret("JWT_SECRET");
`,
    "api/broken.ts": `import { getSecret } from "@acme/secrets";\nexport const x = getSecret("BROKEN_TOKEN";\n`,
    "api/blob.js": Buffer.concat([Buffer.from('getSecret("BLOB_TOKEN");\n'), Buffer.from([0, 1, 2, 0])]),
  });

  it("reports each broken file once, at the problem, and goes on with the rest", () => {
    const { run, report } = checkJson(root);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
    const lines = report.findings.map(
      (finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId} ${finding.secret ?? finding.message}`,
    );
    expect(lines).toEqual([
      ".env.example:2:1 parse-error Could not read this file: line 2 is not KEY=value",
      ".env.example:4:1 parse-error Could not read this file: line 4 is not KEY=value (a name without '=' defines nothing for dotenv; write NAME= to list it)",
      "api/blob.js:1:1 parse-error Could not read this file: skipped: binary file",
      "api/broken.ts:2:42 parse-error Could not read this file: syntax error: ')' expected",
      // the other findings: the env example was read past its odd line, the compose file past its include
      "api/main.ts:3:30 undeclared-in-compose SENTRY_DSN",
      "api/main.ts:4:30 undeclared-in-compose JWT_SECRET",
      "api/main.ts:4:30 undeclared-in-env-example JWT_SECRET",
      "deploy/compose.worker.yml:4:1 parse-error Could not read this file: Invalid YAML: bad indentation.",
      'docker-compose.yml:2:5 parse-error Could not read this file: Included compose file "missing/compose.extra.yml" was not found.',
      "docker-compose.yml:11:3 unused-compose-secret UNUSED_TOKEN",
    ]);

  });

  it("prints each as one line in text mode", () => {
    const text = runCli(["check", root]);
    expect(text.status).toBe(1);
    const lines = text.stdout.split("\n").filter((line) => line.endsWith("  parse-error"));
    expect(lines).toHaveLength(6);
    for (const line of lines) expect(line).toMatch(/^ {2}\d+:\d+ +error {4}Could not read this file: [^\n]+ {2}parse-error$/);
    expect(text.stdout.trimEnd().split("\n").at(-1)).toBe("✖ 10 problems (10 errors, 0 warnings)");
  });
});
