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

// reduced from Outline: server/utils/environment.ts wraps process.env in a Proxy that resolves
// Docker-style _FILE secrets; server/env.ts and each plugin read it through a path alias
describe("an environment wrapped by a function and imported through a tsconfig path alias", () => {
  const files = {
    "tsconfig.json": `{
  // comments and trailing commas, as tsconfig.json allows
  "compilerOptions": {
    "paths": { "@server/*": ["./server/*"], },
  },
}
`,
    ".env.sample": "SECRET_KEY=\nSLACK_CLIENT_SECRET=\n",
    "server/utils/environment.ts": `export function withFileSecrets(env: Record<string, string | undefined>) {
  return new Proxy(env, { get: (target, prop) => Reflect.get(target, prop) });
}
export default withFileSecrets(process.env);
`,
    "server/env.ts": `import environment from "./utils/environment";
export class Environment {
  public SECRET_KEY = environment.SECRET_KEY ?? "";
}
`,
    "plugins/slack/server/env.ts": `import environment from "@server/utils/environment";
class SlackPluginEnvironment {
  public SLACK_CLIENT_SECRET = environment.SLACK_CLIENT_SECRET;
  public SLACK_SIGNING_SECRET = environment.SLACK_SIGNING_SECRET;
}
export default new SlackPluginEnvironment();
`,
  };

  it("reads through the wrapper count, in the file and through the alias", () => {
    const { run, report } = checkJson(makeRepo(files));
    expect(brief(report)).toEqual(["plugins/slack/server/env.ts:4:45 undeclared-in-env-example SLACK_SIGNING_SECRET"]);
    expect(run.status).toBe(1);
  });

  it("the alias follows extends, in a jsconfig.json too, and baseUrl", () => {
    const root = makeRepo({
      "tsconfig.base.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "~lib/*": ["libs/*"] } } }),
      "apps/web/tsconfig.json": JSON.stringify({ extends: "../../tsconfig.base.json", compilerOptions: { jsx: "preserve" } }),
      "apps/web/src/page.ts": `import { env } from "~lib/env";\nexport const key = env.STRIPE_SECRET_KEY;\n`,
      "apps/admin/jsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: "src" } }),
      "apps/admin/src/config/env.js": `export const env = process.env;\n`,
      "apps/admin/src/index.js": `import { env } from "config/env";\nexport const token = env.ADMIN_API_TOKEN;\n`,
      "libs/env.ts": `export const env = process.env;\n`,
      ".env.example": "NOTHING_HERE=\n",
    });
    const { report } = checkJson(root);
    expect(brief(report)).toEqual([
      ".env.example:1:1 unused-env-example-key NOTHING_HERE",
      "apps/admin/src/index.js:2:26 undeclared-in-env-example ADMIN_API_TOKEN",
      "apps/web/src/page.ts:2:24 undeclared-in-env-example STRIPE_SECRET_KEY",
    ]);
  });
});

describe("reads in tests", () => {
  it("are no undeclared-in-env-example (a test's own set-up), but count as uses", () => {
    const root = makeRepo({
      ".env.example": "API_TOKEN=\n",
      "src/app.test.ts": `expect(process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN).toBeUndefined();\nexport const token = process.env.API_TOKEN;\n`,
    });
    const { run, report } = checkJson(root);
    expect(brief(report)).toEqual([]);
    expect(run.status).toBe(0);
  });
});
