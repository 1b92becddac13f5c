/**
 * `secrets/literal-secret-name`: the name passed to the accessor is known without running the
 * code (a literal, or a constant of this file), so the scanner can compare it with the names in
 * docker-compose and .env.example; and it has the agreed form.
 */
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import rule, { DEFAULT_NAME_PATTERN } from "../../src/rules/literal-secret-name.js";
import { runRuleTests } from "../rule-tester.js";

const DOCKER_SECRET_PATTERN = "^[a-z][a-z0-9_]*$";

runRuleTests("literal-secret-name", rule, {
  valid: [
    // another API under the accessor's name takes an options object (Stripe Apps, reduced from dub)
    'import { getSecret } from "@stripe/ui-extension-sdk/utils";\nconst workspace = await getSecret({ stripe, name: "dub_workspace" });',
    // the accessor's own implementation forwards the names it is given
    {
      code: "export const getSecret = (name) => store.getSecret(name);",
      filename: "src/config/secrets.ts",
      settings: { secrets: { accessorFiles: ["src/config/**"] } },
    },

    // literals
    'getSecret("API_KEY");',
    "getSecret('DB_PASSWORD');",
    "getSecret(`API_KEY`);",
    'getSecret("API_KEY_V2");',

    // a const of this file, directly or through other consts
    'const NAME = "API_KEY";\ngetSecret(NAME);',
    "const NAME = `API_KEY`;\ngetSecret(NAME);",
    'const BASE = "API_KEY";\nconst NAME = BASE;\ngetSecret(NAME);',
    'const A = "API_KEY";\nconst B = A;\nconst C = B;\ngetSecret(C);',
    'const NAME = "API_KEY";\nfunction connect() { return getSecret(NAME); }',
    'export const NAME = "API_KEY";\nexport const key = getSecret(NAME);',

    // members of a frozen object
    'const NAMES = Object.freeze({ API_KEY: "API_KEY" });\ngetSecret(NAMES.API_KEY);',
    'const NAMES = Object.freeze({ api: "API_KEY" });\ngetSecret(NAMES["api"]);',
    'const NAMES = Object.freeze({ "api-key": "API_KEY" });\ngetSecret(NAMES["api-key"]);',
    'const NAME = "API_KEY";\nconst NAMES = Object.freeze({ api: NAME });\ngetSecret(NAMES.api);',
    'const NAMES = Object.freeze({ db: Object.freeze({ PASSWORD: "DB_PASSWORD" }) });\ngetSecret(NAMES.db.PASSWORD);',
    // names in a const's initialiser are looked up where the const is declared
    'const NAME = "API_KEY";\nconst KEY_NAME = NAME;\nfunction read(NAME) { return getSecret(KEY_NAME); }',
    'const NAME = "API_KEY";\nconst NAMES = Object.freeze({ api: NAME });\nfunction read(NAME) { return getSecret(NAMES.api); }',
    // the last property wins, as at run time
    'const NAMES = Object.freeze({ api: "OLD_API_KEY", api: "API_KEY" });\ngetSecret(NAMES.api);',

    // aliased and member accessors, with a good name
    'import { getSecret as gs } from "@acme/secrets";\ngs("API_KEY");',
    'secrets.getSecret("API_KEY");',
    'getSecret?.("API_KEY");',

    // functions that are not the accessor are not checked
    "readSecret(name);",
    "getSecretName();",
    { code: "getSecret(name);", settings: { secrets: { accessors: ["loadSecret"] } } },
    { code: 'loadSecret("API_KEY");', settings: { secrets: { accessors: ["loadSecret"] } } },

    // names imported from another module, when the option says the scanner resolves them
    {
      code: 'import { API_KEY_NAME } from "./names.js";\ngetSecret(API_KEY_NAME);',
      options: [{ allowImportedNames: true }],
    },
    {
      code: 'import { API_KEY_NAME as NAME } from "./names.js";\nconst ALIAS = NAME;\ngetSecret(ALIAS);',
      options: [{ allowImportedNames: true }],
    },
    {
      code: 'import { NAMES } from "./names.js";\ngetSecret(NAMES.API_KEY);',
      options: [{ allowImportedNames: true }],
    },
    {
      code: 'import * as names from "./names.js";\ngetSecret(names.API_KEY);',
      options: [{ allowImportedNames: true }],
    },

    // a custom naming pattern: docker secret file names
    { code: 'getSecret("db_password");', options: [{ pattern: DOCKER_SECRET_PATTERN }] },
    {
      code: 'const NAME = "stripe_api_key";\ngetSecret(NAME);',
      options: [{ pattern: DOCKER_SECRET_PATTERN, allowImportedNames: false }],
    },
  ],

  invalid: [
    {
      // outside the accessor files, the same forwarding is a dynamic name
      code: "export const getSecret = (name) => store.getSecret(name);",
      filename: "src/payments.ts",
      settings: { secrets: { accessorFiles: ["src/config/**"] } },
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" } }],
    },
    // ---- no name ----
    {
      code: "getSecret();",
      errors: [{ messageId: "missingName", data: { accessor: "getSecret" }, line: 1, column: 1 }],
    },
    {
      code: 'import { getSecret as gs } from "@acme/secrets";\ngs();',
      errors: [{ messageId: "missingName", data: { accessor: "gs" }, line: 2 }],
    },
    {
      code: "secrets.getSecret();",
      errors: [{ messageId: "missingName", data: { accessor: "getSecret" } }],
    },

    // ---- names not known statically ----
    {
      code: "getSecret(...args);",
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" }, column: 11 }],
    },
    {
      code: "function read(name) { return getSecret(name); }",
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" }, column: 40 }],
    },
    {
      code: 'function read(name = "API_KEY") { return getSecret(name); }',
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" } }],
    },
    {
      code: 'let NAME = "API_KEY";\ngetSecret(NAME);',
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" }, line: 2, column: 11 }],
    },
    {
      code: 'var NAME = "API_KEY";\ngetSecret(NAME);',
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" } }],
    },
    {
      // a const holding a let is no more static than the let
      code: 'let base = "API_KEY";\nconst NAME = base;\ngetSecret(NAME);',
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" } }],
    },
    {
      // KEY_NAME holds the outer, mutable NAME, not the const NAME seen at the call
      code: 'let NAME = readName();\nconst KEY_NAME = NAME;\nfunction read() { const NAME = "API_KEY"; return getSecret(KEY_NAME); }',
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" }, line: 3 }],
    },
    {
      code: 'let NAME = readName();\nconst NAMES = Object.freeze({ api: NAME });\nfunction read() { const NAME = "API_KEY"; return getSecret(NAMES.api); }',
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" }, line: 3 }],
    },
    {
      code: "for (const name of names) getSecret(name);",
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" } }],
    },
    {
      // a plain object can be changed at run time
      code: 'const NAMES = { API_KEY: "API_KEY" };\ngetSecret(NAMES.API_KEY);',
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" }, line: 2, column: 11 }],
    },
    {
      code: 'const NAMES = { API_KEY: "API_KEY" };\ngetSecret(NAMES["API_KEY"]);',
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" } }],
    },
    {
      // Object.freeze is shallow: the inner object can still be changed
      code: 'const NAMES = Object.freeze({ db: { PASSWORD: "DB_PASSWORD" } });\ngetSecret(NAMES.db.PASSWORD);',
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" } }],
    },
    {
      code: 'const NAMES = Object.freeze({ API_KEY: "API_KEY" });\ngetSecret(NAMES[key]);',
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" } }],
    },
    {
      code: 'const NAMES = Object.freeze({ API_KEY: "API_KEY" });\ngetSecret(NAMES.DB_PASSWORD);',
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" } }],
    },
    {
      // a spread may bring the key in: not known here
      code: 'const NAMES = Object.freeze({ ...BASE_NAMES, API_KEY: "API_KEY" });\ngetSecret(NAMES.DB_PASSWORD);',
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" } }],
    },
    {
      code: "getSecret(`${prefix}_API_KEY`);",
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" }, column: 11 }],
    },
    {
      code: "getSecret(secretName());",
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" } }],
    },
    {
      code: 'getSecret("API_" + "KEY");',
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" } }],
    },
    {
      code: 'getSecret(isProd ? "API_KEY" : "DEV_API_KEY");',
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" } }],
    },
    {
      code: "getSecret(config.secretName);",
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" } }],
    },
    {
      code: "getSecret(42);",
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" } }],
    },
    {
      code: "getSecret(API_KEY_NAME);",
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" } }],
    },

    // ---- imported names, without allowImportedNames ----
    {
      code: 'import { API_KEY_NAME } from "./names.js";\ngetSecret(API_KEY_NAME);',
      errors: [{ messageId: "importedName", data: { local: "API_KEY_NAME" }, line: 2, column: 11 }],
    },
    {
      code: 'import API_KEY_NAME from "./names.js";\ngetSecret(API_KEY_NAME);',
      options: [{ allowImportedNames: false }],
      errors: [{ messageId: "importedName", data: { local: "API_KEY_NAME" } }],
    },
    {
      code: 'import { API_KEY_NAME as NAME } from "./names.js";\nconst ALIAS = NAME;\ngetSecret(ALIAS);',
      errors: [{ messageId: "importedName", data: { local: "NAME" } }],
    },
    {
      code: 'import { NAMES } from "./names.js";\ngetSecret(NAMES.API_KEY);',
      errors: [{ messageId: "importedName", data: { local: "NAMES.API_KEY" } }],
    },
    {
      code: 'import * as names from "./names.js";\ngetSecret(names["API_KEY"]);',
      errors: [{ messageId: "importedName", data: { local: "names.API_KEY" } }],
    },
    {
      // the option does not make a computed member static
      code: 'import { NAMES } from "./names.js";\ngetSecret(NAMES[key]);',
      options: [{ allowImportedNames: true }],
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" } }],
    },

    // ---- names that do not match the pattern ----
    {
      code: 'getSecret("api_key");',
      errors: [{ messageId: "badName", data: { name: "api_key", pattern: DEFAULT_NAME_PATTERN }, column: 11 }],
    },
    {
      code: 'getSecret("API-KEY");',
      errors: [{ messageId: "badName", data: { name: "API-KEY", pattern: DEFAULT_NAME_PATTERN } }],
    },
    {
      code: 'getSecret("");',
      errors: [{ messageId: "badName", data: { name: "", pattern: DEFAULT_NAME_PATTERN } }],
    },
    {
      code: 'getSecret("1PASSWORD_TOKEN");',
      errors: [{ messageId: "badName", data: { name: "1PASSWORD_TOKEN", pattern: DEFAULT_NAME_PATTERN } }],
    },
    {
      code: 'const NAME = "apiKey";\ngetSecret(NAME);',
      errors: [{ messageId: "badName", data: { name: "apiKey", pattern: DEFAULT_NAME_PATTERN }, line: 2, column: 11 }],
    },
    {
      code: 'const NAMES = Object.freeze({ api: "api-key" });\ngetSecret(NAMES.api);',
      errors: [{ messageId: "badName", data: { name: "api-key", pattern: DEFAULT_NAME_PATTERN } }],
    },
    {
      code: 'getSecret("API_KEY");',
      options: [{ pattern: DOCKER_SECRET_PATTERN }],
      errors: [{ messageId: "badName", data: { name: "API_KEY", pattern: DOCKER_SECRET_PATTERN } }],
    },
    {
      code: 'getSecret("db-password");',
      options: [{ pattern: DOCKER_SECRET_PATTERN }],
      errors: [{ messageId: "badName", data: { name: "db-password", pattern: DOCKER_SECRET_PATTERN } }],
    },

    // ---- aliased and member accessors are checked too ----
    {
      code: 'import { getSecret as gs } from "@acme/secrets";\ngs(name);',
      errors: [{ messageId: "dynamicName", data: { accessor: "gs" }, line: 2, column: 4 }],
    },
    {
      code: 'const { getSecret: read } = require("@acme/secrets");\nread(`${env}_KEY`);',
      errors: [{ messageId: "dynamicName", data: { accessor: "read" } }],
    },
    {
      code: "secrets.getSecret(name);",
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" } }],
    },
    {
      code: 'this.secrets.getSecret("api_key");',
      errors: [{ messageId: "badName", data: { name: "api_key", pattern: DEFAULT_NAME_PATTERN } }],
    },
    {
      code: "getSecret?.(name);",
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" } }],
    },
    {
      code: "loadSecret(name);",
      settings: { secrets: { accessors: ["getSecret", "loadSecret"] } },
      errors: [{ messageId: "dynamicName", data: { accessor: "loadSecret" } }],
    },
    {
      code: "getSecret(a);\ngetSecret(b);",
      errors: [
        { messageId: "dynamicName", data: { accessor: "getSecret" }, line: 1 },
        { messageId: "dynamicName", data: { accessor: "getSecret" }, line: 2 },
      ],
    },
  ],

  validTs: [
    'const NAMES = { API_KEY: "API_KEY" } as const;\ngetSecret(NAMES.API_KEY);',
    'const NAMES = { API_KEY: "API_KEY" } as const;\ngetSecret(NAMES["API_KEY"]);',
    'const NAMES = { db: { PASSWORD: "DB_PASSWORD" } } as const;\ngetSecret(NAMES.db.PASSWORD);',
    'const NAMES = { API_KEY: "API_KEY" } as const satisfies Record<string, string>;\ngetSecret(NAMES.API_KEY);',
    'const NAMES = Object.freeze({ API_KEY: "API_KEY" } as const);\ngetSecret(NAMES.API_KEY);',
    'const NAME = "API_KEY" as const;\ngetSecret(NAME);',
    'const NAME: string = "API_KEY";\ngetSecret(NAME);',
    'getSecret("API_KEY" as SecretName);',
    'getSecret<string>("API_KEY");',
    'enum S { Api = "API_KEY" }\ngetSecret(S.Api);',
    'enum S { Api = "API_KEY", Db = "DB_PASSWORD" }\ngetSecret(S["Db"]);',
    'const enum S { Api = "API_KEY" }\ngetSecret(S.Api);',
    'enum S { "api-key" = "API_KEY" }\ngetSecret(S["api-key"]);',
  ],

  invalidTs: [
    {
      code: 'const NAMES = { API_KEY: "API_KEY" } satisfies Record<string, string>;\ngetSecret(NAMES.API_KEY);',
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" } }],
    },
    {
      code: 'enum S { Api }\ngetSecret(S.Api);',
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" } }],
    },
    {
      code: 'declare enum S { Api = "API_KEY" }\ngetSecret(S.Api);',
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" } }],
    },
    {
      code: 'enum S { Api = "API_KEY" }\ngetSecret(S.Db);',
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" } }],
    },
    {
      code: 'enum S { Api = "api-key" }\ngetSecret(S.Api);',
      errors: [{ messageId: "badName", data: { name: "api-key", pattern: DEFAULT_NAME_PATTERN } }],
    },
    {
      code: 'function read(name: string) { return getSecret(name as SecretName); }',
      errors: [{ messageId: "dynamicName", data: { accessor: "getSecret" } }],
    },
    {
      code: 'import type { Names } from "./names.js";\nimport { NAMES } from "./names.js";\ngetSecret(NAMES.API_KEY as Names);',
      errors: [{ messageId: "importedName", data: { local: "NAMES.API_KEY" } }],
    },
  ],
});

describe("options", () => {
  const lint = (options: unknown): Linter.LintMessage[] =>
    new Linter({ configType: "flat" }).verify('getSecret("API_KEY");', [
      {
        plugins: { secrets: { rules: { "literal-secret-name": rule as never } } },
        rules: { "secrets/literal-secret-name": ["error", options] as Linter.RuleEntry },
      },
    ]);

  it("reports an invalid regular expression in `pattern` with a clear error", () => {
    expect(() => lint({ pattern: "^[A-Z" })).toThrow(
      /secrets\/literal-secret-name: option "pattern" is not a valid regular expression: .*\[A-Z/,
    );
  });

  it("accepts a valid pattern", () => {
    expect(lint({ pattern: "^[A-Z_]+$" })).toEqual([]);
  });

  it("rejects an unknown option key", () => {
    expect(() => lint({ allowImportedName: true })).toThrow(
      /secrets\/literal-secret-name[\s\S]*Unexpected property "allowImportedName"/,
    );
  });

  it("rejects an empty pattern, a pattern that is not a string and a non-boolean allowImportedNames", () => {
    expect(() => lint({ pattern: "" })).toThrow(/Value "" should NOT be shorter than 1 characters/);
    expect(() => lint({ pattern: 42 })).toThrow(/Value 42 should be string/);
    expect(() => lint({ allowImportedNames: "yes" })).toThrow(/Value "yes" should be boolean/);
  });
});
