/**
 * The ways code calls the accessor, through the CLI: every form must count as a read of the
 * secret (here: each shows up as undeclared-in-compose at the name), and nothing else may.
 */
import { describe, expect, it } from "vitest";
import { THREAD_MIN_FILES } from "../../src/code/analysis-thread.js";
import { brief, checkJson, checkJsonAsync, makeRepo } from "./harness.js";

// a compose file with no secrets: every accessor read is undeclared-in-compose, env reads are not
const COMPOSE = "services:\n  web:\n    image: nginx\n";

/** Every form of accessor call, across files: a workspace package, a wrapper, constants. */
const FORMS: Record<string, string> = {
    "compose.yaml": COMPOSE,
    "libs/secrets/package.json": JSON.stringify({ name: "@acme/secrets", main: "src/index.ts" }),
    "libs/secrets/src/index.ts": `export function getSecret(name: string): string {
  return process.env[name] ?? "";
}
`,
    "libs/secrets/src/require.ts": `import { getSecret } from "./index.js";
export function requireSecret(key: string): string {
  const value = getSecret(key);
  if (!value) throw new Error("missing secret");
  return value;
}
`,
    "app/names.ts": `export const PAYMENT_KEY_NAME = "PAYMENT_API_KEY";
export const NAMES = { smtp: "SMTP_PASSWORD" } as const;
export enum SecretName {
  Jwt = "JWT_SECRET",
}
`,
    "app/forms.ts": `import { getSecret as readIt } from "@acme/secrets";
import * as secrets from "@acme/secrets";
import { requireSecret } from "../libs/secrets/src/require.js";
import { PAYMENT_KEY_NAME, NAMES, SecretName } from "./names.js";
const vault = { getSecret: readIt };
export const a = readIt("RENAMED_TOKEN");
export const b = secrets.getSecret("NAMESPACE_TOKEN");
export const c = vault.getSecret("MEMBER_TOKEN");
export const d = requireSecret("WRAPPED_TOKEN");
export const e = readIt(NAMES.smtp);
export const f = readIt(SecretName.Jwt);
export const g = readIt(PAYMENT_KEY_NAME);
export const h = process.env.SESSION_TOKEN;
function secretive(name: string) {
  return name;
}
export const i = secretive("NOT_A_SECRET");
`,
};

describe("accessor forms", () => {
  const root = makeRepo(FORMS);

  it("renamed and namespace imports, member calls, a wrapper in another file, as-const members, enum members and imported consts", () => {
    const { run, report } = checkJson(root);
    expect(brief(report)).toEqual([
      "app/forms.ts:6:25 undeclared-in-compose RENAMED_TOKEN",
      "app/forms.ts:7:36 undeclared-in-compose NAMESPACE_TOKEN",
      "app/forms.ts:8:34 undeclared-in-compose MEMBER_TOKEN",
      "app/forms.ts:9:32 undeclared-in-compose WRAPPED_TOKEN",
      "app/forms.ts:10:25 undeclared-in-compose SMTP_PASSWORD",
      "app/forms.ts:11:25 undeclared-in-compose JWT_SECRET",
      "app/forms.ts:12:25 undeclared-in-compose PAYMENT_API_KEY",
    ]);
    // the wrapper's own getSecret(key) passes its parameter on: not a dynamic name
    expect(run.status).toBe(1);
    const inventory = report.secrets as { name: string; reads: { file: string; kind: string }[] }[];
    expect(inventory.find((entry) => entry.name === "SESSION_TOKEN")?.reads).toEqual([
      { file: "app/forms.ts", line: 13, column: 30, kind: "env" },
    ]);
    expect(inventory.map((entry) => entry.name)).not.toContain("NOT_A_SECRET");
  });
});

describe("custom accessors", () => {
  const code = `import { readVaultSecret } from "@acme/vault";
import { getSecret } from "@acme/secrets";
export const a = readVaultSecret("VAULT_TOKEN");
export const b = getSecret("NOT_AN_ACCESSOR_NOW");
`;

  it("from secret-scanner.config.json: secrets.accessors replaces getSecret", () => {
    const root = makeRepo({
      "secret-scanner.config.json": JSON.stringify({ secrets: { accessors: ["readVaultSecret"] } }),
      "compose.yaml": COMPOSE,
      "src/app.ts": code,
    });
    const { run, report } = checkJson(root);
    expect(brief(report)).toEqual(["src/app.ts:3:34 undeclared-in-compose VAULT_TOKEN"]);
    expect(run.status).toBe(1);
  });

  it("from package.json secretScanner", () => {
    const root = makeRepo({
      "package.json": JSON.stringify({ name: "acme", private: true, secretScanner: { secrets: { accessors: ["readVaultSecret"] } } }),
      "compose.yaml": COMPOSE,
      "src/app.ts": code,
    });
    const { run, report } = checkJson(root);
    expect(brief(report)).toEqual(["src/app.ts:3:34 undeclared-in-compose VAULT_TOKEN"]);
    expect(run.status).toBe(1);
  });
});

describe("a large tree is analysed on a second thread, with the same result", () => {
  // files that call the wrapper: the thread finds them only after parsing the wrapper, and asks
  // for their texts then
  const callers = {
    "app/callers/billing.ts": `import { requireSecret } from "../../libs/secrets/src/require.js";\nexport const key = requireSecret("BILLING_TOKEN");\n`,
    "app/callers/mail.ts": `import * as wrappers from "../../libs/secrets/src/require.js";\nexport const key = wrappers.requireSecret("MAIL_TOKEN");\n`,
  };
  const filler = Object.fromEntries(
    Array.from({ length: THREAD_MIN_FILES }, (_, index) => [`filler/part-${index}.ts`, `export const part${index} = ${index};\n`]),
  );

  it(`with ${THREAD_MIN_FILES} code files or more, the findings and the inventory are those of a small tree`, async () => {
    const [small, large] = await Promise.all([
      checkJsonAsync(makeRepo({ ...FORMS, ...callers })),
      checkJsonAsync(makeRepo({ ...FORMS, ...callers, ...filler })),
    ]);
    expect(brief(small.report)).toContain("app/callers/billing.ts:2:34 undeclared-in-compose BILLING_TOKEN");
    expect(brief(small.report)).toContain("app/callers/mail.ts:2:43 undeclared-in-compose MAIL_TOKEN");
    expect(brief(large.report)).toEqual(brief(small.report));
    expect(large.report.secrets).toEqual(small.report.secrets);
    expect(large.run.status).toBe(small.run.status);
    expect(large.report.summary.files).toBeGreaterThanOrEqual(THREAD_MIN_FILES);
  });
});
