/**
 * Which files a scan reads: .gitignore (nested too) and node_modules are never read, `ignore`
 * globs are honoured, configured `compose` and `envExamples` globs are found, and by default
 * every env example name (`.env.example`, `example.env`, `apps/web/.env.local.example`…) is found in
 * any directory, and no file of real values (`.env`, `.env.local`…).
 */
import { describe, expect, it } from "vitest";
import { brief, checkJson, makeRepo } from "./harness.js";

const read = (name: string) => `import { getSecret } from "@acme/secrets";\nexport const value = getSecret("${name}");\n`;

describe("file discovery", () => {
  const root = makeRepo({
    "secret-scanner.config.json": JSON.stringify({
      compose: ["deploy/*.yml"],
      envExamples: ["config/env.tmpl"],
      ignore: ["vendor/**", "**/*.generated.ts"],
    }),
    ".gitignore": "build/\n*.local.ts\n",
    "src/.gitignore": "fixtures/\n",
    "deploy/stack.yml": `secrets:
  DATABASE_URL:
    environment: DATABASE_URL
  UNUSED_KEY:
    external: true
`,
    "config/env.tmpl": "DATABASE_URL=\nMIXPANEL_TOKEN=\n",
    // replaced by the configured envExamples: not read
    ".env.example": "ROOT_EXAMPLE_KEY=\n",
    "src/app.ts": `import { getSecret } from "@acme/secrets";
export const db = getSecret("DATABASE_URL");
export const dsn = getSecret("SENTRY_DSN");
`,
    // none of these is read: each would be an undeclared secret
    "build/out.ts": read("BUILD_OUTPUT_TOKEN"),
    "src/dev.local.ts": read("LOCAL_FILE_TOKEN"),
    "src/fixtures/sample.ts": read("NESTED_GITIGNORE_TOKEN"),
    "vendor/legacy.ts": read("VENDORED_TOKEN"),
    "src/api.generated.ts": read("GENERATED_TOKEN"),
    "node_modules/@acme/secrets/index.js": read("NODE_MODULES_TOKEN"),
    "node_modules/some-package/docker-compose.yml": "secrets:\n  NODE_MODULES_SECRET:\n    external: true\n",
    "node_modules/some-package/.env.example": "NODE_MODULES_KEY=\n",
    "packages/lib/node_modules/dep/index.ts": read("NESTED_NODE_MODULES_TOKEN"),
  });

  it("reads configured compose and env example globs, and nothing ignored, git-ignored or in node_modules", () => {
    const { run, report } = checkJson(root);
    expect(brief(report)).toEqual([
      "config/env.tmpl:2:1 unused-env-example-key MIXPANEL_TOKEN",
      "deploy/stack.yml:4:3 unused-compose-secret UNUSED_KEY",
      "src/app.ts:3:30 undeclared-in-compose SENTRY_DSN",
      "src/app.ts:3:30 undeclared-in-env-example SENTRY_DSN",
    ]);
    // src/app.ts, deploy/stack.yml, config/env.tmpl
    expect(report.summary.files).toBe(3);
    expect(report.notes).toEqual([]);
    expect(run.status).toBe(1);
  });
});

describe("default env example names", () => {
  // the names public repositories give their env examples, in the root and in a monorepo's app
  const examples = [
    ".env.example",
    "apps/web/.env.example",
    "apps/web/.env.sample",
    "apps/web/.env.template",
    "apps/web/.env.dist",
    "apps/web/env.example",
    "apps/web/example.env",
    "apps/web/.example.env",
    "apps/web/sample.env",
    "apps/web/.env-example",
    "apps/web/.env_example",
    "apps/web/.env.local.example",
    "apps/web/.env.development.example",
    "apps/web/.env.production.example",
    "apps/web/.env.example.local",
    "apps/web/api.env.example",
    "apps/web/api.example.env",
  ];
  // files that hold real values, or another format
  const others = [
    ".env",
    "apps/web/.env",
    "apps/web/.env.local",
    "apps/web/.env.test",
    "apps/web/.env.development",
    "apps/web/.env.production",
    "apps/web/.env.development.local",
    "apps/web/.env.defaults",
    "apps/web/dev.env",
    "apps/web/.env.example.bak",
    "apps/web/env.json.example",
  ];

  it("reads every env example name and no file of real values", () => {
    const root = makeRepo(
      Object.fromEntries([
        ...examples.map((file) => [file, "LISTED_KEY=\n"]),
        ...others.map((file) => [file, "REAL_KEY=\n"]),
      ]),
    );
    const { run, report } = checkJson(root);
    expect(brief(report)).toEqual([...examples].sort().map((file) => `${file}:1:1 unused-env-example-key LISTED_KEY`));
    expect(report.summary.files).toBe(examples.length);
    expect(run.status).toBe(0);
  });

  it("finds *.env.example in a subdirectory", () => {
    const root = makeRepo({
      "services/api/api.env.example": "API_SECRET=\nSTALE_TOKEN=\n",
      "services/api/main.ts": "export const secret = process.env.API_SECRET;\n",
    });
    const { run, report } = checkJson(root);
    expect(brief(report)).toEqual(["services/api/api.env.example:2:1 unused-env-example-key STALE_TOKEN"]);
    expect(run.status).toBe(0);
  });
});
