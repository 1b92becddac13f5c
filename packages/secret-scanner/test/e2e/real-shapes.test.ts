/**
 * Shapes reduced from runs on public TypeScript monorepos (issue 11), through the CLI: what the
 * analysis used to lose, and what it now finds without configuration.
 */
import { describe, expect, it } from "vitest";
import { brief, checkJson, makeRepo, runCli } from "./harness.js";

// a compose file with no secrets: accessor reads are undeclared-in-compose, env reads are not
const COMPOSE = "services:\n  api:\n    build: .\n";

interface InventoryEntry {
  name: string;
  reads: { file: string; line: number; column: number; kind: string }[];
}

describe("one JavaScript file writing the environment", () => {
  it("hides no read of another file: the example key is used", () => {
    const root = makeRepo({
      "a.js": `process.env.LOG_LEVEL = "error";\n`,
      "b.ts": `export const k = process.env.API_KEY;\n`,
      ".env.example": "API_KEY=\n",
    });
    const { run, report } = checkJson(root);
    expect(brief(report)).toEqual([]);
    expect(run.status).toBe(0);
  });
});

describe("a file that calls a function named get", () => {
  it("is analysed: no parse-error, and its read counts", () => {
    const root = makeRepo({
      "b.ts": `declare function get(k: string): string;\nexport const a = get("minute");\nexport const k = process.env.API_KEY;\n`,
      ".env.example": "API_KEY=\n",
    });
    const { run, report } = checkJson(root);
    expect(brief(report)).toEqual([]);
    expect(run.status).toBe(0);
  });
});

describe("a general-purpose environment accessor found by itself", () => {
  const files = {
    "compose.yaml": COMPOSE,
    ".env.example": "PORT=\nSESSION_SECRET=\n",
    "src/env.ts": `export const env = (name: string) => process.env[name];
export function getEnv(key: string, fallback?: string) {
  return process.env[key] ?? fallback;
}
`,
    "src/main.ts": `import { env, getEnv } from "./env";
export const port = getEnv("PORT", "3000");
export const session = env("SESSION_SECRET");
export const upload = env("UPLOAD_TOKEN");
`,
  };

  it("its calls are environment reads: example keys are used, a missing secret-like one is reported, none is a compose secret", () => {
    const { run, report } = checkJson(makeRepo(files));
    expect(brief(report)).toEqual(["src/main.ts:4:27 undeclared-in-env-example UPLOAD_TOKEN"]);
    expect(run.status).toBe(1);
    const inventory = report.secrets as InventoryEntry[];
    expect(inventory.find((entry) => entry.name === "SESSION_SECRET")?.reads).toEqual([
      { file: "src/main.ts", line: 3, column: 28, kind: "env" },
    ]);
  });
});

describe("objects that alias the environment, imported elsewhere", () => {
  it("a class field read from an imported alias is a read of that variable", () => {
    const root = makeRepo({
      ".env.example": "SENTRY_AUTH_TOKEN=\nSENTRY_ORG=\n",
      "libs/config/src/environment.ts": `export const environment = process.env;\n`,
      "libs/config/src/sentry.ts": `import { environment } from "./environment";
export class SentryConfig {
  public SENTRY_AUTH_TOKEN = environment.SENTRY_AUTH_TOKEN;
  public org = environment["SENTRY_ORG"];
}
`,
    });
    const { run, report } = checkJson(root);
    expect(brief(report)).toEqual([]);
    expect(run.status).toBe(0);
  });
});

describe("envAccessors in the shared settings", () => {
  it("names an accessor the scanner cannot see (a package outside the repository)", () => {
    const root = makeRepo({
      "secret-scanner.config.json": JSON.stringify({ secrets: { envAccessors: ["env"] } }),
      ".env.example": "SMTP_FROM_NAME=\n",
      "src/mail.ts": `import { env } from "@strapi/utils";\nexport const from = env("SMTP_FROM_NAME");\nexport const key = env("MAIL_API_KEY");\n`,
    });
    const { run, report } = checkJson(root);
    expect(brief(report)).toEqual(["src/mail.ts:3:24 undeclared-in-env-example MAIL_API_KEY"]);
    expect(run.status).toBe(1);
  });

  it("may not name the secret accessor too", () => {
    const root = makeRepo({
      "secret-scanner.config.json": JSON.stringify({ secrets: { accessors: ["env"], envAccessors: ["env"] } }),
      "src/a.ts": "export {};\n",
    });
    const run = runCli(["check", root]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/envAccessors/);
  });
});
