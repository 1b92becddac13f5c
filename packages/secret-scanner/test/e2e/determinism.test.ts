/**
 * The same repository gives the same bytes: on a second run, and when its files were created in
 * another order (directory listing order must not leak into the output).
 */
import { describe, expect, it } from "vitest";
import { brief, makeRepo, runCliAsync } from "./harness.js";

const files: Record<string, string> = {
  "docker-compose.yml": `services:
  worker:
    build: ./services/worker
    secrets:
      - REDIS_URL
      - UNUSED_GRANT
  api:
    build: ./services/api
    secrets:
      - DATABASE_URL
secrets:
  REDIS_URL:
    environment: REDIS_URL
  UNUSED_GRANT:
    environment: UNUSED_GRANT
  DATABASE_URL:
    environment: DATABASE_URL
  STRIPE_WEBHOOK_SECRET:
    environment: STRIPE_WEBHOOK_SECRET
`,
  "services/api/.env.example": "DATABASE_URL=\nZETA_TOKEN=\nALPHA_TOKEN=\n",
  ".env.example": "REDIS_URL=\nSTRIPE_WEBHOOK_SECRET=\n",
  "services/worker/src/b.ts": `import { getSecret } from "@acme/secrets";
import { shared } from "../../../libs/shared/index.js";
export const redis = getSecret("REDIS_URL");
export const db = getSecret("DATABASE_URL");
export { shared };
`,
  "services/worker/src/a.ts": `import { getSecret } from "@acme/secrets";
export const x = getSecret("ZZ_UNDECLARED_SECRET"), y = getSecret("AA_UNDECLARED_SECRET");
`,
  "services/api/src/main.ts": `import { getSecret } from "@acme/secrets";
import { shared } from "../../../libs/shared/index.js";
export const db = getSecret("DATABASE_URL");
export const hook = getSecret("WEBHOOK_SECRET");
export const key = getSecret(\`KEY_\${process.argv[2]}\`);
export { shared };
`,
  "libs/shared/index.ts": `import { getSecret } from "@acme/secrets";
export const shared = () => getSecret("REDIS_URL");
`,
};

describe("determinism", () => {
  const forward = makeRepo(files);
  const backward = makeRepo(Object.fromEntries(Object.entries(files).reverse()));

  const scanBoth = (root: string) => Promise.all([runCliAsync(["check", root, "--format", "json"]), runCliAsync(["check", root])]);
  let first: Awaited<ReturnType<typeof scanBoth>> | undefined;

  it("gives byte-identical JSON and text on a second run", async () => {
    first = await scanBoth(forward);
    const [json, text] = first.map((run) => run.stdout);
    expect(brief(JSON.parse(json!))).toEqual([
      "docker-compose.yml:6:9 granted-but-unused UNUSED_GRANT",
      "docker-compose.yml:14:3 unused-compose-secret UNUSED_GRANT",
      "libs/shared/index.ts:2:39 service-not-granted REDIS_URL",
      "services/api/.env.example:2:1 unused-env-example-key ZETA_TOKEN",
      "services/api/.env.example:3:1 unused-env-example-key ALPHA_TOKEN",
      "services/api/src/main.ts:4:31 name-mismatch WEBHOOK_SECRET",
      "services/api/src/main.ts:5:30 dynamic-secret-name",
      "services/worker/src/a.ts:2:28 undeclared-in-compose ZZ_UNDECLARED_SECRET",
      "services/worker/src/a.ts:2:28 undeclared-in-env-example ZZ_UNDECLARED_SECRET",
      "services/worker/src/a.ts:2:67 undeclared-in-compose AA_UNDECLARED_SECRET",
      "services/worker/src/a.ts:2:67 undeclared-in-env-example AA_UNDECLARED_SECRET",
      "services/worker/src/b.ts:4:29 service-not-granted DATABASE_URL",
    ]);
    const [jsonAgain, textAgain] = (await scanBoth(forward)).map((run) => run.stdout);
    expect(jsonAgain).toBe(json);
    expect(textAgain).toBe(text);
  });

  it("gives the same bytes for the repository with its files created in reverse order", async () => {
    const [json, text] = (first ??= await scanBoth(forward)).map((run) => run.stdout);
    const [jsonBackward, textBackward] = (await scanBoth(backward)).map((run) => run.stdout);
    expect(jsonBackward).toBe(json);
    expect(textBackward).toBe(text);
  });
});
