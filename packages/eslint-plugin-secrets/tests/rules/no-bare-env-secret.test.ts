/**
 * Specification of `secrets/no-bare-env-secret`: a secret is read only through the sanctioned
 * accessor (`getSecret("NAME")`), never straight from the environment, whatever the syntax.
 *
 * `valid`/`invalid` run under typescript-eslint's parser and espree; `validTs`/`invalidTs`
 * (TypeScript syntax) under typescript-eslint's parser only.
 */
import type { TestCaseError } from "@typescript-eslint/rule-tester";
import path from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import rule, { type MessageIds } from "../../src/rules/no-bare-env-secret.js";
import { runRuleTests } from "../rule-tester.js";

/** The runtime's environment object, or a call of an environment accessor (`env()`). */
type Source = "process.env" | "import.meta.env" | "Bun.env" | "Deno.env" | `${string}()`;
type Suggestion = NonNullable<TestCaseError<MessageIds>["suggestions"]>[number];

interface Expect {
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** The accessor named in the message (`settings.secrets.accessors[0]`). */
  accessor?: string;
  /**
   * Expected suggestions. A read with a value (a member, `Deno.env.get`) has one by default (its
   * output is specified in the suggestion cases below); pass `[]` for reads that have none.
   */
  suggestions?: Suggestion[] | number;
}

const ERROR_KEYS = ["line", "column", "endLine", "endColumn"] as const;

function located(expect: Expect, defaultSuggestions: Suggestion[] | number = []): Partial<TestCaseError<MessageIds>> {
  const location: Record<string, number> = {};
  for (const key of ERROR_KEYS) if (expect[key] !== undefined) location[key] = expect[key];
  // RuleTester accepts a count of suggestions as well as their list; its types only name the list
  const suggestions = (expect.suggestions ?? defaultSuggestions) as TestCaseError<MessageIds>["suggestions"];
  return { ...location, suggestions };
}

/** `Secret 'NAME' is read from SOURCE. Read it with getSecret("NAME") ...` */
function bareSecretRead(name: string, source: Source, expect: Expect = {}): TestCaseError<MessageIds> {
  return {
    messageId: "bareSecretRead",
    data: { name, source, accessor: expect.accessor ?? "getSecret" },
    ...located(expect, 1),
  };
}

/** The same report for a destructured property: no single expression to rewrite, so no suggestion. */
function destructuredRead(name: string, source: Source, expect: Expect = {}): TestCaseError<MessageIds> {
  return bareSecretRead(name, source, { suggestions: [], ...expect });
}

/** `SOURCE is read with a computed key, which can read any secret. ...` */
function dynamicKeyRead(source: Source, expect: Expect = {}): TestCaseError<MessageIds> {
  return { messageId: "dynamicKeyRead", data: { source, accessor: expect.accessor ?? "getSecret" }, ...located(expect) };
}

/** How the whole environment was taken, as the message words it. */
const SPREAD = "spread into an object";
const REST = "collected by a rest element";
const CALL = "passed to a function that reads every value";
const CHILD_PROCESS = "handed on as a child process environment";

/** `The whole of SOURCE, secrets included, is USE. ...` */
function wholeEnvRead(source: Source, use: string, expect: Expect = {}): TestCaseError<MessageIds> {
  return {
    messageId: "wholeEnvRead",
    data: { source, use, accessor: expect.accessor ?? "getSecret" },
    ...located(expect),
  };
}

/** The `Replace with ACCESSOR("NAME")` suggestion and the code after applying it. */
function useAccessor(name: string, output: string, accessor = "getSecret"): Suggestion {
  return { messageId: "useAccessor", data: { accessor, name }, output };
}

/**
 * A CommonJS file. @typescript-eslint/rule-tester parses with `parserOptions.sourceType: "module"`
 * unless the case sets its own, so both are given (typescript-eslint's parser reads "commonjs" as "script").
 */
const commonjs = { sourceType: "commonjs", parserOptions: { sourceType: "commonjs" } } as const;
const importFrom = { secrets: { importFrom: "@acme/secrets" } };

describe("no-bare-env-secret", () => {
  describe("a secret read by name from the environment is reported, in every syntax", () => {
    runRuleTests("no-bare-env-secret", rule, {
      invalid: [
        // member access on process.env
        {
          code: "const apiKey = process.env.API_KEY;",
          errors: [bareSecretRead("API_KEY", "process.env", { line: 1, column: 16, endLine: 1, endColumn: 35 })],
        },
        {
          code: 'const apiKey = process.env["API_KEY"];',
          errors: [bareSecretRead("API_KEY", "process.env", { line: 1, column: 16, endColumn: 38 })],
        },
        {
          code: "const apiKey = process.env[`API_KEY`];",
          errors: [bareSecretRead("API_KEY", "process.env", { line: 1, column: 16, endColumn: 38 })],
        },
        {
          code: 'const apiKey = process["env"].API_KEY;',
          errors: [bareSecretRead("API_KEY", "process.env", { line: 1, column: 16 })],
        },
        {
          code: "const apiKey = globalThis.process.env.API_KEY;",
          errors: [bareSecretRead("API_KEY", "process.env", { line: 1, column: 16 })],
        },
        {
          code: "const apiKey = global.process.env.API_KEY;",
          errors: [bareSecretRead("API_KEY", "process.env", { line: 1, column: 16 })],
        },
        {
          code: "const apiKey = process.env?.API_KEY;",
          errors: [bareSecretRead("API_KEY", "process.env", { line: 1, column: 16, endColumn: 36 })],
        },
        {
          code: "const apiKey = process?.env?.API_KEY;",
          errors: [bareSecretRead("API_KEY", "process.env", { line: 1, column: 16 })],
        },
        // other runtimes
        {
          code: "const apiKey = import.meta.env.API_KEY;",
          errors: [bareSecretRead("API_KEY", "import.meta.env", { line: 1, column: 16, endColumn: 39 })],
        },
        {
          code: "const apiKey = Bun.env.API_KEY;",
          errors: [bareSecretRead("API_KEY", "Bun.env", { line: 1, column: 16, endColumn: 31 })],
        },
        {
          code: 'const apiKey = Deno.env.get("API_KEY");',
          errors: [bareSecretRead("API_KEY", "Deno.env", { line: 1, column: 16, endColumn: 39 })],
        },
        // the location is the read itself, wherever it stands
        {
          code: ["export function connect() {", "  return createPool(process.env.DATABASE_URL);", "}"].join("\n"),
          errors: [bareSecretRead("DATABASE_URL", "process.env", { line: 2, column: 21, endLine: 2, endColumn: 45 })],
        },
        // one report per secret; configuration next to it is left alone
        {
          code: "const config = { key: process.env.API_KEY, port: process.env.PORT, token: process.env.GITHUB_TOKEN };",
          errors: [
            bareSecretRead("API_KEY", "process.env", { line: 1, column: 23 }),
            bareSecretRead("GITHUB_TOKEN", "process.env", { line: 1, column: 75 }),
          ],
        },
        // compound assignment and logical assignment read the old value
        {
          code: 'process.env.API_KEY ??= "dev";',
          errors: [bareSecretRead("API_KEY", "process.env", { line: 1, column: 1, suggestions: [] })],
        },
      ],
    });
  });

  describe("destructuring the environment reads each secret it names", () => {
    runRuleTests("no-bare-env-secret", rule, {
      invalid: [
        {
          code: "const { API_KEY } = process.env;",
          errors: [destructuredRead("API_KEY", "process.env", { line: 1, column: 9, endColumn: 16 })],
        },
        {
          code: "const { API_KEY: apiKey } = process.env;",
          errors: [destructuredRead("API_KEY", "process.env", { line: 1, column: 9, endColumn: 24 })],
        },
        {
          code: 'const { API_KEY = "dev-key" } = process.env;',
          errors: [destructuredRead("API_KEY", "process.env", { line: 1, column: 9 })],
        },
        {
          code: 'const { ["API_KEY"]: apiKey } = process.env;',
          errors: [destructuredRead("API_KEY", "process.env", { line: 1, column: 9 })],
        },
        {
          code: "const { env: { API_KEY } } = process;",
          errors: [destructuredRead("API_KEY", "process.env", { line: 1, column: 16 })],
        },
        {
          // the rest element takes every other variable, secrets included
          code: "const { PORT, API_KEY, ...rest } = process.env;",
          errors: [
            destructuredRead("API_KEY", "process.env", { line: 1, column: 15 }),
            wholeEnvRead("process.env", REST, { line: 1, column: 24, endColumn: 31 }),
          ],
        },
        {
          code: "let apiKey;\n({ API_KEY: apiKey } = process.env);",
          errors: [destructuredRead("API_KEY", "process.env", { line: 2, column: 4 })],
        },
        {
          code: "function connect({ DATABASE_URL } = process.env) {}",
          errors: [destructuredRead("DATABASE_URL", "process.env", { line: 1, column: 20 })],
        },
        {
          code: "const { API_KEY } = import.meta.env;",
          errors: [destructuredRead("API_KEY", "import.meta.env", { line: 1, column: 9 })],
        },
        {
          code: "const { API_KEY } = Bun.env;",
          errors: [destructuredRead("API_KEY", "Bun.env", { line: 1, column: 9 })],
        },
        {
          // a computed key in the pattern can name any variable
          code: "const { [name]: value } = process.env;",
          errors: [dynamicKeyRead("process.env", { line: 1, column: 9 })],
        },
      ],
    });
  });

  describe("aliases of process and process.env are followed", () => {
    runRuleTests("no-bare-env-secret", rule, {
      invalid: [
        {
          code: "const env = process.env;\nconst apiKey = env.API_KEY;",
          errors: [bareSecretRead("API_KEY", "process.env", { line: 2, column: 16, endColumn: 27 })],
        },
        {
          code: "const env = process.env;\nconst { API_KEY } = env;",
          errors: [destructuredRead("API_KEY", "process.env", { line: 2, column: 9 })],
        },
        {
          code: "const { env } = process;\nconst apiKey = env.API_KEY;",
          errors: [bareSecretRead("API_KEY", "process.env", { line: 2, column: 16 })],
        },
        {
          code: "const proc = process;\nconst apiKey = proc.env.API_KEY;",
          errors: [bareSecretRead("API_KEY", "process.env", { line: 2, column: 16 })],
        },
        {
          code: 'import { env } from "node:process";\nconst apiKey = env.API_KEY;',
          errors: [bareSecretRead("API_KEY", "process.env", { line: 2, column: 16 })],
        },
        {
          code: 'import { env as processEnv } from "process";\nconst apiKey = processEnv.API_KEY;',
          errors: [bareSecretRead("API_KEY", "process.env", { line: 2, column: 16 })],
        },
        {
          code: 'import process from "process";\nconst apiKey = process.env.API_KEY;',
          errors: [bareSecretRead("API_KEY", "process.env", { line: 2, column: 16 })],
        },
        {
          code: 'import * as nodeProcess from "node:process";\nconst apiKey = nodeProcess.env.API_KEY;',
          errors: [bareSecretRead("API_KEY", "process.env", { line: 2, column: 16 })],
        },
        {
          code: 'const { env } = require("process");\nconst apiKey = env.API_KEY;',
          languageOptions: commonjs,
          errors: [bareSecretRead("API_KEY", "process.env", { line: 2, column: 16 })],
        },
        {
          code: 'const proc = require("node:process");\nconst apiKey = proc.env.API_KEY;',
          languageOptions: commonjs,
          errors: [bareSecretRead("API_KEY", "process.env", { line: 2, column: 16 })],
        },
        {
          code: 'const { env: { API_KEY } } = require("node:process");',
          languageOptions: commonjs,
          errors: [destructuredRead("API_KEY", "process.env", { line: 1, column: 16 })],
        },
        {
          code: 'const apiKey = require("process").env.API_KEY;',
          languageOptions: commonjs,
          errors: [bareSecretRead("API_KEY", "process.env", { line: 1, column: 16 })],
        },
      ],
    });
  });

  // reduced from novu's framework client tests: a test sets and reads the environment it needs
  describe("test files and test tool configs (ignoreTestFiles, testFilePatterns)", () => {
    runRuleTests("no-bare-env-secret", rule, {
      valid: [
        { code: "process.env = { ...process.env, NOVU_SECRET_KEY: key };", filename: "packages/framework/src/client.test.ts" },
        { code: "const url = process.env.MONGODB_URL;", filename: "apps/web/tests/utils/plugins.ts" },
        { code: "const token = process.env.E2E_API_TOKEN;", filename: "playwright.config.ts" },
      ],
      invalid: [
        {
          code: "const url = process.env.MONGODB_URL;",
          filename: "apps/web/tests/utils/plugins.ts",
          options: [{ ignoreTestFiles: false }],
          errors: [bareSecretRead("MONGODB_URL", "process.env", { column: 13 })],
        },
        {
          code: "const url = process.env.MONGODB_URL;",
          filename: "apps/web/src/db.ts",
          errors: [bareSecretRead("MONGODB_URL", "process.env", { column: 13 })],
        },
      ],
    });
  });

  // reduced from argparse's _colorize.js: a function of the file that reads the variable it is given
  describe("a function of the file that reads process.env[param] is an environment accessor", () => {
    runRuleTests("no-bare-env-secret", rule, {
      valid: [
        "const getenv = (name) => process.env[name] ?? undefined;\nif (getenv('NO_COLOR')) console.log('plain');",
        // a callback is no accessor: nothing calls it by a name
        "const values = ['A'].map((name) => process.env[name]);\nvoid values;",
        // the sanctioned accessor's own body reads the environment by its parameter
        "export function getSecret(name) { return process.env[name]; }\nexport const key = getSecret('API_KEY');",
      ].map((code) => ({ code, settings: { secrets: { accessorFiles: ["**/*"] } } })),
      invalid: [
        {
          code: "const getenv = (name) => process.env[name];\nexport const token = getenv('GITHUB_TOKEN');",
          settings: { secrets: { accessorFiles: ["never-matches/**"] } },
          errors: [
            dynamicKeyRead("process.env", { line: 1, column: 26 }),
            bareSecretRead("GITHUB_TOKEN", "getenv()", { line: 2, column: 22, suggestions: 1 }),
          ],
        },
        {
          code: "function readEnv(key, fallback) {\n  return process.env[key] || fallback;\n}\nfunction required(key) {\n  return readEnv(key);\n}\nexport const token = required('NPM_TOKEN');",
          errors: [
            dynamicKeyRead("process.env", { line: 2, column: 10 }),
            bareSecretRead("NPM_TOKEN", "required()", { line: 7, column: 22, suggestions: 1 }),
          ],
        },
      ],
    });
  });

  // reduced from node-gyp's find-python.js: a class keeps the environment in a field
  describe("a class field that holds the environment is an alias in the class's members", () => {
    runRuleTests("no-bare-env-secret", rule, {
      valid: [
        // a nested function's `this` is not the instance
        "class Finder {\n  env = process.env;\n  find() {\n    return function () { return this.env.API_KEY; };\n  }\n}",
        // a static field is not read through `this` of a method
        "class Finder {\n  static env = process.env;\n  find() { return this.env.API_KEY; }\n}",
        // writing the field is no read of the environment
        "class Finder {\n  env = process.env;\n  reset() { this.env = {}; }\n}",
      ],
      invalid: [
        {
          code: "class Finder {\n  env = process.env;\n  find() {\n    return this.env.GITHUB_TOKEN;\n  }\n}",
          errors: [bareSecretRead("GITHUB_TOKEN", "process.env", { line: 4, column: 12 })],
        },
        {
          code: "class Finder {\n  env = process.env;\n  find = () => [1].map(() => this.env.NPM_TOKEN);\n}",
          errors: [bareSecretRead("NPM_TOKEN", "process.env", { line: 3, column: 30 })],
        },
        {
          code: "class Finder {\n  constructor() {\n    this.vars = process.env;\n  }\n  get token() {\n    return this.vars.DEPLOY_TOKEN;\n  }\n}",
          errors: [bareSecretRead("DEPLOY_TOKEN", "process.env", { line: 6, column: 12 })],
        },
      ],
    });
  });

  describe("parentheses and TypeScript wrappers do not hide a read", () => {
    runRuleTests("no-bare-env-secret", rule, {
      invalid: [
        {
          code: "const apiKey = (process.env).API_KEY;",
          errors: [bareSecretRead("API_KEY", "process.env", { line: 1, column: 16 })],
        },
        {
          code: "const apiKey = ((process).env)?.API_KEY;",
          errors: [bareSecretRead("API_KEY", "process.env", { line: 1, column: 16 })],
        },
        {
          // a parenthesised optional chain ends the chain: `(process?.env)` is the object read
          code: "const apiKey = (process?.env).API_KEY;",
          errors: [bareSecretRead("API_KEY", "process.env", { line: 1, column: 16 })],
        },
        {
          code: "const { API_KEY } = process?.env;",
          errors: [destructuredRead("API_KEY", "process.env", { line: 1, column: 9 })],
        },
      ],
      invalidTs: [
        {
          code: "const apiKey = process.env.API_KEY!;",
          errors: [bareSecretRead("API_KEY", "process.env", { line: 1, column: 16, endColumn: 35 })],
        },
        {
          code: "const apiKey = (process.env as any).API_KEY;",
          errors: [bareSecretRead("API_KEY", "process.env", { line: 1, column: 16 })],
        },
        {
          code: 'const apiKey = (process.env as NodeJS.ProcessEnv)["API_KEY"] as string;',
          errors: [bareSecretRead("API_KEY", "process.env", { line: 1, column: 16 })],
        },
        {
          code: "const apiKey = (<Record<string, string>>process.env).API_KEY;",
          errors: [bareSecretRead("API_KEY", "process.env", { line: 1, column: 16 })],
        },
        {
          code: "const apiKey = process.env.API_KEY satisfies string | undefined;",
          errors: [bareSecretRead("API_KEY", "process.env", { line: 1, column: 16 })],
        },
        {
          code: "const { API_KEY } = process.env as Record<string, string>;",
          errors: [destructuredRead("API_KEY", "process.env", { line: 1, column: 9 })],
        },
        {
          code: "const apiKey: string = (process.env as any)[`API_KEY`]!;",
          errors: [bareSecretRead("API_KEY", "process.env", { line: 1, column: 24 })],
        },
      ],
      validTs: [
        'process.env.API_KEY! = "test-key";',
        '(process.env as any).API_KEY = "test-key";',
        // type positions read nothing at run time
        "type ApiKey = typeof process.env.API_KEY;",
        "declare const env: typeof process.env;",
        "function connect(process: { env: Record<string, string> }): string | undefined { return process.env.API_KEY; }",
      ],
    });
  });

  describe("a read with a computed key is reported as dynamicKeyRead, unless checkDynamicKeys is false", () => {
    runRuleTests("no-bare-env-secret", rule, {
      invalid: [
        {
          code: "const value = process.env[name];",
          errors: [dynamicKeyRead("process.env", { line: 1, column: 15, endColumn: 32 })],
        },
        {
          code: "const value = process.env[`${prefix}_API_KEY`];",
          errors: [dynamicKeyRead("process.env", { line: 1, column: 15 })],
        },
        {
          code: "const value = import.meta.env[key];",
          errors: [dynamicKeyRead("import.meta.env", { line: 1, column: 15 })],
        },
        {
          code: "const value = Bun.env[key];",
          errors: [dynamicKeyRead("Bun.env", { line: 1, column: 15 })],
        },
        {
          code: "const value = Deno.env.get(name);",
          errors: [dynamicKeyRead("Deno.env", { line: 1, column: 15, endColumn: 33 })],
        },
        {
          code: "const env = process.env;\nconst value = env[name];",
          errors: [dynamicKeyRead("process.env", { line: 2, column: 15 })],
        },
        {
          // checkDynamicKeys only silences computed keys; a named secret is still reported
          code: "const value = process.env[name];\nconst apiKey = process.env.API_KEY;",
          options: [{ checkDynamicKeys: false }],
          errors: [bareSecretRead("API_KEY", "process.env", { line: 2, column: 16 })],
        },
      ],
      valid: [
        { code: "const value = process.env[name];", options: [{ checkDynamicKeys: false }] },
        { code: "const value = Deno.env.get(name);", options: [{ checkDynamicKeys: false }] },
        { code: "const { [name]: value } = process.env;", options: [{ checkDynamicKeys: false }] },
        // writing with a computed key reads nothing
        "process.env[name] = value;",
        "delete process.env[name];",
        "[process.env[name]] = [value];",
      ],
    });
  });

  describe("reading the whole environment is reported as wholeEnvRead, unless checkWholeEnv is false", () => {
    runRuleTests("no-bare-env-secret", rule, {
      invalid: [
        {
          code: "const copy = { ...process.env };",
          errors: [wholeEnvRead("process.env", SPREAD, { line: 1, column: 16, endColumn: 30 })],
        },
        {
          code: "const pairs = Object.entries(process.env);",
          errors: [wholeEnvRead("process.env", CALL, { line: 1, column: 15, endColumn: 42 })],
        },
        {
          code: "const values = Object.values(process.env);",
          errors: [wholeEnvRead("process.env", CALL, { line: 1, column: 16 })],
        },
        {
          code: "logger.info(JSON.stringify(process.env));",
          errors: [wholeEnvRead("process.env", CALL, { line: 1, column: 13 })],
        },
        {
          code: "const copy = Object.assign({}, process.env);",
          errors: [wholeEnvRead("process.env", CALL, { line: 1, column: 14 })],
        },
        {
          code: "const copy = structuredClone(process.env);",
          errors: [wholeEnvRead("process.env", CALL, { line: 1, column: 14 })],
        },
        {
          code: "const all = Deno.env.toObject();",
          errors: [wholeEnvRead("Deno.env", CALL, { line: 1, column: 13, endColumn: 32 })],
        },
        {
          code: "const copy = { ...import.meta.env };",
          errors: [wholeEnvRead("import.meta.env", SPREAD, { line: 1, column: 16 })],
        },
        {
          code: "const copy = { ...Bun.env };",
          errors: [wholeEnvRead("Bun.env", SPREAD, { line: 1, column: 16 })],
        },
        {
          code: "const env = process.env;\nconst copy = { ...env, DEBUG: '1' };",
          errors: [wholeEnvRead("process.env", SPREAD, { line: 2, column: 16 })],
        },
        {
          // checkWholeEnv only silences whole-environment reads; the named secret is still reported
          code: "const { API_KEY, ...rest } = process.env;",
          options: [{ checkWholeEnv: false }],
          errors: [destructuredRead("API_KEY", "process.env", { line: 1, column: 9 })],
        },
      ],
      valid: [
        { code: "const copy = { ...process.env };", options: [{ checkWholeEnv: false }] },
        { code: "const pairs = Object.entries(process.env);", options: [{ checkWholeEnv: false }] },
        { code: "const all = Deno.env.toObject();", options: [{ checkWholeEnv: false }] },
        { code: "const { PORT, ...rest } = process.env;", options: [{ checkWholeEnv: false }] },
        // only the names are taken, never the values
        "const names = Object.keys(process.env);",
        // handed whole to a configuration library: it names no secret (logging it is no-secret-logging's)
        "const env = cleanEnv(process.env, { PORT: port() });",
        "const config = new Config(process.env);",
        "for (const name in process.env) console.log(name);",
      ],
    });
  });

  describe("handing the environment to a child process is allowed, unless allowChildProcessEnv is false", () => {
    const spawnWithEnv = 'spawn("node", ["worker.js"], { env: process.env });';
    const spawnWithSpread = 'spawn("node", ["worker.js"], { env: { ...process.env, NODE_ENV: "test" } });';
    runRuleTests("no-bare-env-secret", rule, {
      valid: [
        spawnWithEnv,
        spawnWithSpread,
        'execFile("git", ["status"], { cwd, env: process.env });',
        'const { env } = process;\nfork("worker.js", { env });',
        'new Worker("./worker.js", { env: process.env });',
        "child_process.spawnSync(cmd, args, { env: { ...process.env, CI: \"1\" } });",
        // an options object built before the call is taken to be for a child process
        "const options = { cwd: root, env: process.env };",
        // checkWholeEnv: false switches off every whole-environment report
        { code: spawnWithEnv, options: [{ checkWholeEnv: false, allowChildProcessEnv: false }] },
      ],
      invalid: [
        {
          code: spawnWithEnv,
          options: [{ allowChildProcessEnv: false }],
          errors: [wholeEnvRead("process.env", CHILD_PROCESS, { line: 1, column: 37, endColumn: 48 })],
        },
        {
          code: 'const { env } = process;\nfork("worker.js", { env });',
          options: [{ allowChildProcessEnv: false }],
          errors: [wholeEnvRead("process.env", CHILD_PROCESS, { line: 2, column: 21, endColumn: 24 })],
        },
        {
          code: spawnWithSpread,
          options: [{ allowChildProcessEnv: false }],
          errors: [wholeEnvRead("process.env", CHILD_PROCESS, { line: 1, column: 39, endColumn: 53 })],
        },
        {
          // an `env:` key in the argument of any other function is not a child process: it is logged, sent, stored
          code: 'logger.info({ msg: "starting", env: process.env });',
          errors: [wholeEnvRead("process.env", CALL, { line: 1, column: 37 })],
        },
        {
          code: "res.json({ env: { ...process.env } });",
          errors: [wholeEnvRead("process.env", SPREAD, { line: 1, column: 19 })],
        },
        {
          // a spread that is not an `env:` option is reported even when child processes are allowed
          code: 'spawn("node", ["worker.js"], { stdio: "inherit", ...process.env });',
          errors: [wholeEnvRead("process.env", SPREAD, { line: 1, column: 50 })],
        },
      ],
    });
  });

  describe("a computed key that runs over non-secret names of the environment is not reported (real libraries)", () => {
    runRuleTests("no-bare-env-secret", rule, {
      valid: [
        // the debug package: its DEBUG_* options, kept by a prefix that names no secret
        "const options = Object.keys(process.env).filter((key) => /^debug_/i.test(key)).reduce((obj, key) => { obj[key] = process.env[key]; return obj; }, {});",
        'Object.keys(process.env).filter((key) => key.startsWith("VITE_")).forEach((key) => { define[key] = process.env[key]; });',
        "Object.keys(process.env).filter(function (key) { return /^npm_config_/.test(key); }).map((key) => [key, process.env[key]]);",
        // vitest's import.meta.env: a transparent proxy over the environment; its users' reads are judged where they are written
        "const env = new Proxy(process.env, { get(_, key) { if (typeof key !== \"string\") return; return process.env[key]; } });",
        "const env = new Proxy(process.env, { has: (_, key) => process.env[key] !== undefined });",
        // an environment built to be handed on to a child process later (tinyexec, execa): named as an environment
        "function computeEnv(cwd, env) { const envWithDefault = { ...process.env, ...env }; return envWithDefault; }",
        "function childEnvironment(extra) { return { ...process.env, ...extra }; }",
        "const spawnEnv = (extra) => ({ ...process.env, FORCE_COLOR: \"1\", ...extra });",
        "let env; env = { ...process.env, CI: \"1\" };",
        // documenso's public environment: the whole environment listed to keep a public prefix
        'const publicEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.startsWith("NEXT_PUBLIC_")));',
        // whether a secret is set, not its value (documenso's license and AI feature flags)
        "if (process.env.STRIPE_SECRET_KEY) initStripe();",
        "const HAS_LICENSE_KEY = !!process.env.NEXT_PRIVATE_LICENSE_KEY;",
        'const aiEnabled = process.env.GOOGLE_VERTEX_PROJECT_ID && process.env.GOOGLE_VERTEX_API_KEY ? "true" : "false";',
        'if (process.env.API_KEY === undefined || typeof process.env.JWT_SECRET !== "string") throw new Error("missing");',
        "const configured = Boolean(process.env.API_KEY);",
        // a list of names written in the file, none of them a secret's
        'for (const name of ["PORT", "HOST", "LOG_LEVEL"]) { if (!process.env[name]) throw new Error(`${name} is not set`); }',
        'const REQUIRED = ["PORT", "DATABASE_HOST"];\nREQUIRED.forEach((name) => { if (!process.env[name]) throw new Error(name); });',
        // rolldown's CI detection: the variable of each CI, from a list of lists
        'const CI = [["APPVEYOR"], ["AWS_AMPLIFY", "AWS_APP_ID", { ci: true }], ["NETLIFY"]];\nfunction detect() { for (const e of CI) { const s = e[1] || e[0]; if (globalThis.process?.env[s]) return e[0]; } }',
      ],
      invalid: [
        {
          // a prefix that names a secret keeps secrets
          code: "Object.keys(process.env).filter((key) => /^secret_/i.test(key)).forEach((key) => { out[key] = process.env[key]; });",
          errors: [dynamicKeyRead("process.env", { line: 1, column: 95 })],
        },
        {
          // no filter: every variable, secrets included
          code: "Object.keys(process.env).forEach((key) => { copy[key] = process.env[key]; });",
          errors: [dynamicKeyRead("process.env", { line: 1, column: 57 })],
        },
        {
          // a map between the filter and the read may change the names
          code: "Object.keys(process.env).filter((key) => /^APP_/.test(key)).map((key) => key.slice(4)).forEach((key) => use(process.env[key]));",
          errors: [dynamicKeyRead("process.env", { line: 1, column: 109 })],
        },
        {
          // a prefix that names a secret keeps secrets
          code: 'const copy = Object.entries(process.env).filter(([key]) => key.startsWith("SECRET_"));',
          errors: [wholeEnvRead("process.env", CALL, { line: 1, column: 14 })],
        },
        {
          // compared with a value, or given on by `&&` / `||`: the value itself is used
          code: 'if (process.env.API_KEY === "abc") grant();\nconst key = process.env.ENABLED && process.env.API_KEY;\nconst other = process.env.API_KEY || fallback;',
          errors: [
            bareSecretRead("API_KEY", "process.env", { line: 1, column: 5 }),
            bareSecretRead("API_KEY", "process.env", { line: 2, column: 36 }),
            bareSecretRead("API_KEY", "process.env", { line: 3, column: 15 }),
          ],
        },
        {
          // a list that names a secret: it can read that secret
          code: 'for (const name of ["PORT", "JWT_SECRET"]) use(process.env[name]);',
          errors: [dynamicKeyRead("process.env", { line: 1, column: 48 })],
        },
        {
          // a list that may change is not known
          code: 'let names = ["PORT"];\nnames = load();\nfor (const name of names) use(process.env[name]);',
          errors: [dynamicKeyRead("process.env", { line: 3, column: 31 })],
        },
        {
          code: "for (const name of loadNames()) use(process.env[name]);",
          errors: [dynamicKeyRead("process.env", { line: 1, column: 37 })],
        },
        {
          // a function of any name
          code: "function read(name) { return process.env[name]; }",
          errors: [dynamicKeyRead("process.env", { line: 1, column: 30 })],
        },
        {
          // a proxy's other traps are not key lookups of its users
          code: "const env = new Proxy({}, { set(_, key, value) { return process.env[value]; } });",
          errors: [dynamicKeyRead("process.env", { line: 1, column: 57 })],
        },
        {
          // a trap's key assigned again is no longer what the proxy's user asked for
          code: 'const env = new Proxy(process.env, { get(_, key) { key = "API_" + String(key); return process.env[key]; } });',
          errors: [dynamicKeyRead("process.env", { line: 1, column: 87 })],
        },
        {
          // shown to the browser, not handed to a child process
          code: "window.ENV = { ...process.env };",
          errors: [wholeEnvRead("process.env", SPREAD, { line: 1, column: 16 })],
        },
        {
          code: "const publicEnv = { ...process.env };",
          errors: [wholeEnvRead("process.env", SPREAD, { line: 1, column: 21 })],
        },
        {
          code: "const settings = { ...process.env };",
          errors: [wholeEnvRead("process.env", SPREAD, { line: 1, column: 20 })],
        },
        {
          // an environment that is still asked to keep child-process environments out
          code: "const childEnv = { ...process.env, CI: \"1\" };",
          options: [{ allowChildProcessEnv: false }],
          errors: [wholeEnvRead("process.env", CHILD_PROCESS, { line: 1, column: 20 })],
        },
      ],
    });
  });

  describe("configuration, writes and lookalikes are not reported", () => {
    const nonSecretNames = [
      "PORT",
      "NODE_ENV",
      "LOG_LEVEL",
      "HOST",
      "JWT_TOKEN_TTL",
      "CACHE_KEY",
      "STRIPE_PUBLISHABLE_KEY",
      "AWS_ACCESS_KEY_ID",
    ];
    runRuleTests("no-bare-env-secret", rule, {
      valid: [
        ...nonSecretNames.map((name) => `const value = process.env.${name};`),
        ...nonSecretNames.map((name) => `const value = Deno.env.get("${name}");`),
        `const { ${nonSecretNames.join(", ")} } = process.env;`,
        "const port = Number(import.meta.env.PORT ?? 3000);",
        // writes: the old value is not read
        'process.env.API_KEY = "test-key";',
        "delete process.env.API_KEY;",
        '[process.env.API_KEY, process.env.DB_PASSWORD] = ["test-key", "test-password"];',
        "({ key: process.env.API_KEY, ...process.env.REST_TOKEN } = defaults);",
        '[process.env.API_KEY = "test-key"] = [];',
        "for (process.env.API_KEY of candidateKeys) tryKey();",
        'Object.assign(process.env, { API_KEY: "test-key" });',
        'Deno.env.set("API_KEY", "test-key");',
        // presence checks and key listings
        'if ("API_KEY" in process.env) start();',
        "const names = Object.keys(process.env);",
        'const hasKey = Deno.env.has("API_KEY");',
        // a local variable called process, env or require is not the real one
        "function connect(process) { return process.env.API_KEY; }",
        "const process = { env: {} };\nexport const apiKey = process.env.API_KEY;",
        'import { env } from "./config.js";\nexport const apiKey = env.API_KEY;',
        "export const apiKey = config.env.API_KEY;",
        {
          code: 'function require(id) { return { env: {} }; }\nconst { env } = require("process");\nconst apiKey = env.API_KEY;',
          languageOptions: commonjs,
        },
        // the accessor itself
        'const apiKey = getSecret("API_KEY");',
        'const apiKey = await secrets.getSecret("API_KEY");',
        'const apiKey = getSecret?.("API_KEY");',
        // other members of process and import.meta
        "const args = process.argv.slice(2);",
        "const here = new URL(import.meta.url);",
      ],
    });
  });

  describe("calls of environment accessors (settings.secrets.envAccessors) are judged by name, like bare reads", () => {
    const envAccessor = { secrets: { envAccessors: ["env"], importFrom: "@acme/secrets" } };
    runRuleTests("no-bare-env-secret", rule, {
      valid: [
        // configuration read through the project's env(): no secret name, no report
        { code: 'const from = env("SMTP_FROM_NAME") || "Acme";', settings: envAccessor },
        { code: 'const transport = env("UPLOAD_TRANSPORT");', settings: envAccessor },
        { code: 'const port = config.env("PORT");', settings: envAccessor },
        // not a call: an object called env is not the accessor
        { code: 'import { env } from "./config.js";\nexport const apiKey = env.API_KEY;', settings: envAccessor },
        // a function whose name merely contains the accessor's
        { code: 'const secret = getEnv("JWT_SECRET");\nconst other = myenv("JWT_SECRET");', settings: envAccessor },
        // the name in a comment or a string is not a call
        { code: '// env("JWT_SECRET") is read by the worker\nconst note = "env(\\"JWT_SECRET\\")";', settings: envAccessor },
        // without the setting, env() is not an environment read
        'const secret = env("JWT_SECRET");',
        // a dynamic name is reported only when checkDynamicKeys is on
        { code: "const value = env(name);", settings: envAccessor, options: [{ checkDynamicKeys: false }] },
        // env() without arguments names no variable
        { code: "const all = env();", settings: envAccessor },
        // the file that implements the accessor may read secrets
        {
          code: 'export const env = (name) => process.env[name];\nconst secret = env("JWT_SECRET");',
          filename: "src/config/env.ts",
          settings: { secrets: { ...envAccessor.secrets, accessorFiles: ["src/config/**"] } },
        },
      ],
      invalid: [
        {
          // a secret read through env() is a secret read outside the sanctioned accessor
          code: 'const secret = env("JWT_SECRET");',
          settings: envAccessor,
          errors: [
            bareSecretRead("JWT_SECRET", "env()", {
              line: 1,
              column: 16,
              endColumn: 33,
              suggestions: [
                useAccessor("JWT_SECRET", 'import { getSecret } from "@acme/secrets";\nconst secret = getSecret("JWT_SECRET");'),
              ],
            }),
          ],
        },
        {
          code: 'const secret = config.env("GOOGLE_CLIENT_SECRET");',
          settings: envAccessor,
          errors: [bareSecretRead("GOOGLE_CLIENT_SECRET", "config.env()", { column: 16 })],
        },
        {
          code: 'const secret = this.env("JWT_SECRET");',
          settings: envAccessor,
          errors: [bareSecretRead("JWT_SECRET", "this.env()", { column: 16 })],
        },
        {
          code: 'const secret = env?.("JWT_SECRET");',
          settings: envAccessor,
          errors: [bareSecretRead("JWT_SECRET", "env()", { column: 16 })],
        },
        {
          code: 'import { env as readEnv } from "./env.js";\nconst secret = readEnv("JWT_SECRET");',
          settings: envAccessor,
          errors: [bareSecretRead("JWT_SECRET", "readEnv()", { line: 2, column: 16 })],
        },
        {
          code: 'const { env: e } = require("./env");\nconst secret = e("JWT_SECRET");',
          settings: envAccessor,
          errors: [bareSecretRead("JWT_SECRET", "e()", { line: 2, column: 16 })],
        },
        {
          code: 'const NAME = "STRIPE_SECRET_KEY";\nconst secret = env(NAME);',
          settings: envAccessor,
          errors: [bareSecretRead("STRIPE_SECRET_KEY", "env()", { line: 2 })],
        },
        {
          code: 'const secret = env("JWT_SECRET", "dev");\nconst port = env("PORT", "3000");',
          settings: envAccessor,
          errors: [bareSecretRead("JWT_SECRET", "env()", { line: 1 })],
        },
        {
          code: "for (const name of names) check(env(name));",
          settings: envAccessor,
          errors: [dynamicKeyRead("env()", { column: 33, endColumn: 42 })],
        },
        {
          // several environment accessors, and names without `env` in them
          code: 'const a = readConfig("DB_PASSWORD");\nconst b = getEnv("API_TOKEN");',
          settings: { secrets: { envAccessors: ["readConfig", "getEnv"], importFrom: "@acme/secrets" } },
          errors: [bareSecretRead("DB_PASSWORD", "readConfig()", { line: 1 }), bareSecretRead("API_TOKEN", "getEnv()", { line: 2 })],
        },
      ],
      validTs: [{ code: 'const port = env<number>("PORT");', settings: envAccessor }],
      invalidTs: [
        {
          code: 'const secret = env<string>("JWT_SECRET");',
          settings: envAccessor,
          errors: [bareSecretRead("JWT_SECRET", "env()", { column: 16 })],
        },
        {
          code: 'const secret = env!("JWT_SECRET");',
          settings: envAccessor,
          errors: [bareSecretRead("JWT_SECRET", "env()", { column: 16 })],
        },
      ],
    });
  });

  describe("files listed in settings.secrets.accessorFiles implement the accessor and may read the environment", () => {
    const code = "export function getSecret(name) {\n  const value = process.env[name];\n  return value ?? process.env.API_KEY;\n}";
    const settings = { secrets: { accessorFiles: ["src/config/**"] } };
    runRuleTests("no-bare-env-secret", rule, {
      valid: [{ code, filename: "src/config/secrets.ts", settings }],
      invalid: [
        {
          code,
          filename: "src/routes/payments.ts",
          settings,
          errors: [
            dynamicKeyRead("process.env", { line: 2, column: 17 }),
            bareSecretRead("API_KEY", "process.env", { line: 3, column: 19 }),
          ],
        },
      ],
    });
  });

  describe("the classifier settings decide what is a secret", () => {
    runRuleTests("no-bare-env-secret", rule, {
      valid: [
        { code: "const key = process.env.LEGACY_API_KEY;", settings: { secrets: { ignoreNames: ["LEGACY_API_KEY"] } } },
        { code: "const password = process.env.E2E_ADMIN_PASSWORD;", settings: { secrets: { ignoreNames: ["E2E_*"] } } },
        // without alwaysSecret / secretWords these are configuration
        "const roleId = process.env.VAULT_ROLE_ID;",
        "const hmac = process.env.WEBHOOK_HMAC;",
      ],
      invalid: [
        {
          code: "const password = process.env.E2E_ADMIN_PASSWORD;",
          settings: { secrets: { ignoreNames: ["LEGACY_*"] } },
          errors: [bareSecretRead("E2E_ADMIN_PASSWORD", "process.env", { line: 1, column: 18 })],
        },
        {
          code: "const roleId = process.env.VAULT_ROLE_ID;",
          settings: { secrets: { alwaysSecret: ["VAULT_*"] } },
          errors: [bareSecretRead("VAULT_ROLE_ID", "process.env", { line: 1, column: 16 })],
        },
        {
          code: "const hmac = process.env.WEBHOOK_HMAC;",
          settings: { secrets: { secretWords: ["hmac"] } },
          errors: [bareSecretRead("WEBHOOK_HMAC", "process.env", { line: 1, column: 14 })],
        },
        {
          // the message names the first configured accessor
          code: "const apiKey = process.env.API_KEY;\nconst value = process.env[name];\nconst copy = { ...process.env };",
          settings: { secrets: { accessors: ["readSecret", "getSecret"] } },
          errors: [
            bareSecretRead("API_KEY", "process.env", { line: 1, accessor: "readSecret" }),
            dynamicKeyRead("process.env", { line: 2, accessor: "readSecret" }),
            wholeEnvRead("process.env", SPREAD, { line: 3, accessor: "readSecret" }),
          ],
        },
      ],
    });
  });

  describe("a credential public by design behind a public prefix is configuration, not a secret", () => {
    runRuleTests("no-bare-env-secret", rule, {
      valid: [
        // issue 12: the bundle ships these to browsers on purpose
        "const segment = snippet.min({ apiKey: process.env.NEXT_PUBLIC_SEGMENT_API_KEY });",
        "const stripePromise = loadStripe(process.env.REACT_APP_STRIPE_CLIENT_KEY);",
        "const client = algoliasearch(process.env.NEXT_PUBLIC_ALGOLIA_APP_ID, process.env.NEXT_PUBLIC_ALGOLIA_API_KEY);",
        "mixpanel.init(import.meta.env.VITE_MIXPANEL_KEY);",
        // VITE_ and REACT_APP_ are no public words to the classifier: these were reported
        "const stripe = await loadStripe(process.env.REACT_APP_STRIPE_KEY);",
        "amplitude.init(import.meta.env.VITE_AMPLITUDE_API_KEY);",
        "posthog.init(import.meta.env.VITE_POSTHOG_KEY, { api_host: import.meta.env.VITE_POSTHOG_HOST });",
        "const supabase = createClient(import.meta.env.VITE_SUPABASE_URL, import.meta.env.VITE_SUPABASE_KEY);",
        "const { VITE_FIREBASE_API_KEY, VITE_FIREBASE_AUTH_DOMAIN } = import.meta.env;",
        "mapboxgl.accessToken = import.meta.env.VITE_MAPBOX_TOKEN;",
        "Sentry.init({ dsn: import.meta.env.VITE_SENTRY_DSN });",
        "const key = process.env.REACT_APP_RECAPTCHA_KEY;",
        "initializePaddle({ token: process.env.REACT_APP_PADDLE_CLIENT_TOKEN });",
        "const search = new MeiliSearch({ host, apiKey: import.meta.env.VITE_MEILISEARCH_API_KEY });",
        // the classifier's public words: reported by secrets/no-public-env-secret, not here
        "const openai = new OpenAI({ apiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY });",
      ],
      invalid: [
        {
          code: "const stripe = new Stripe(import.meta.env.VITE_STRIPE_SECRET_KEY);",
          errors: [bareSecretRead("VITE_STRIPE_SECRET_KEY", "import.meta.env", { column: 27 })],
        },
        {
          code: "sgMail.setApiKey(process.env.REACT_APP_SENDGRID_API_KEY);",
          errors: [bareSecretRead("REACT_APP_SENDGRID_API_KEY", "process.env", { column: 18 })],
        },
        {
          code: "if (password === import.meta.env.VITE_ADMIN_PASSWORD) login();",
          errors: [bareSecretRead("VITE_ADMIN_PASSWORD", "import.meta.env", { column: 18 })],
        },
        {
          code: "const openai = new OpenAI({ apiKey: import.meta.env.VITE_OPENAI_API_KEY });",
          errors: [bareSecretRead("VITE_OPENAI_API_KEY", "import.meta.env", { column: 37 })],
        },
        {
          code: "const { VITE_GITHUB_TOKEN } = import.meta.env;",
          errors: [destructuredRead("VITE_GITHUB_TOKEN", "import.meta.env", { column: 9 })],
        },
        {
          // without a public prefix the same name may be the admin or server key
          code: "const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY });\nconst algolia = algoliasearch(appId, process.env.ALGOLIA_API_KEY);",
          errors: [
            bareSecretRead("SEGMENT_WRITE_KEY", "process.env", { line: 1, column: 45 }),
            bareSecretRead("ALGOLIA_API_KEY", "process.env", { line: 2, column: 38 }),
          ],
        },
        {
          // alwaysSecret beats the public-by-design tables
          code: "mixpanel.init(import.meta.env.VITE_MIXPANEL_KEY);",
          settings: { secrets: { alwaysSecret: ["VITE_MIXPANEL_KEY"] } },
          errors: [bareSecretRead("VITE_MIXPANEL_KEY", "import.meta.env", { column: 15 })],
        },
      ],
    });
  });

  describe("the useAccessor suggestion leaves a type-only import of the module alone", () => {
    runRuleTests("no-bare-env-secret", rule, {
      invalidTs: [
        {
          code: 'import type { SecretName } from "@acme/secrets";\nconst apiKey = process.env.API_KEY;',
          settings: importFrom,
          errors: [
            bareSecretRead("API_KEY", "process.env", {
              suggestions: [
                useAccessor(
                  "API_KEY",
                  'import type { SecretName } from "@acme/secrets";\nimport { getSecret } from "@acme/secrets";\nconst apiKey = getSecret("API_KEY");',
                ),
              ],
            }),
          ],
        },
      ],
    });
  });

  describe("the useAccessor suggestion rewrites the read when the accessor can be made available", () => {
    runRuleTests("no-bare-env-secret", rule, {
      invalid: [
        {
          // by default the accessor comes from secrets-runtime, whose values are redacting Secret
          // objects: the rewrite reveals the value, so the code keeps receiving a string
          code: "const apiKey = process.env.API_KEY;",
          errors: [
            bareSecretRead("API_KEY", "process.env", {
              suggestions: [
                useAccessor(
                  "API_KEY",
                  'import { getSecret } from "secrets-runtime";\nconst apiKey = getSecret("API_KEY").reveal();',
                ),
              ],
            }),
          ],
        },
        {
          // an accessor imported from secrets-runtime already: reused, revealed, no second import
          code: 'import { getSecret } from "secrets-runtime";\nconst apiKey = process.env.API_KEY;',
          errors: [
            bareSecretRead("API_KEY", "process.env", {
              suggestions: [
                useAccessor(
                  "API_KEY",
                  'import { getSecret } from "secrets-runtime";\nconst apiKey = getSecret("API_KEY").reveal();',
                ),
              ],
            }),
          ],
        },
        {
          // an accessor this file defines itself: called as it is, nothing imported
          code: 'function getSecret(name) { return vault.read(name); }\nconst apiKey = process.env.API_KEY;',
          errors: [
            bareSecretRead("API_KEY", "process.env", {
              suggestions: [
                useAccessor("API_KEY", 'function getSecret(name) { return vault.read(name); }\nconst apiKey = getSecret("API_KEY");'),
              ],
            }),
          ],
        },
        {
          // importFrom: the import goes at the top of a file without imports
          code: "const apiKey = process.env.API_KEY;",
          settings: importFrom,
          errors: [
            bareSecretRead("API_KEY", "process.env", {
              suggestions: [
                useAccessor("API_KEY", 'import { getSecret } from "@acme/secrets";\nconst apiKey = getSecret("API_KEY");'),
              ],
            }),
          ],
        },
        {
          // ... after the last import
          code: [
            'import express from "express";',
            'import { db } from "./db.js";',
            "",
            "const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);",
          ].join("\n"),
          settings: importFrom,
          errors: [
            bareSecretRead("STRIPE_SECRET_KEY", "process.env", {
              line: 4,
              column: 27,
              suggestions: [
                useAccessor(
                  "STRIPE_SECRET_KEY",
                  [
                    'import express from "express";',
                    'import { db } from "./db.js";',
                    'import { getSecret } from "@acme/secrets";',
                    "",
                    'const stripe = new Stripe(getSecret("STRIPE_SECRET_KEY"));',
                  ].join("\n"),
                ),
              ],
            }),
          ],
        },
        {
          // a file that imports other names from the module already: the accessor joins them
          code: 'import { hasSecret } from "secrets-runtime";\nconst apiKey = hasSecret("API_KEY") ? process.env.API_KEY : undefined;',
          errors: [
            bareSecretRead("API_KEY", "process.env", {
              suggestions: [
                useAccessor(
                  "API_KEY",
                  'import { hasSecret, getSecret } from "secrets-runtime";\nconst apiKey = hasSecret("API_KEY") ? getSecret("API_KEY").reveal() : undefined;',
                ),
              ],
            }),
          ],
        },
        {
          // ... or its default export only: the named import follows it
          code: 'import runtime from "@acme/secrets";\nconst apiKey = process.env.API_KEY;',
          settings: importFrom,
          errors: [
            bareSecretRead("API_KEY", "process.env", {
              suggestions: [
                useAccessor("API_KEY", 'import runtime, { getSecret } from "@acme/secrets";\nconst apiKey = getSecret("API_KEY");'),
              ],
            }),
          ],
        },
        {
          // a namespace import of the module cannot take the name: a new line
          code: 'import * as runtime from "@acme/secrets";\nconst apiKey = process.env.API_KEY;',
          settings: importFrom,
          errors: [
            bareSecretRead("API_KEY", "process.env", {
              suggestions: [
                useAccessor(
                  "API_KEY",
                  'import * as runtime from "@acme/secrets";\nimport { getSecret } from "@acme/secrets";\nconst apiKey = getSecret("API_KEY");',
                ),
              ],
            }),
          ],
        },
        {
          // ... after a directive prologue
          code: '"use client";\n\nexport const apiKey = process.env.API_KEY;',
          settings: importFrom,
          errors: [
            bareSecretRead("API_KEY", "process.env", {
              suggestions: [
                useAccessor(
                  "API_KEY",
                  '"use client";\nimport { getSecret } from "@acme/secrets";\n\nexport const apiKey = getSecret("API_KEY");',
                ),
              ],
            }),
          ],
        },
        {
          // CommonJS: require, after "use strict"
          code: '"use strict";\nconst apiKey = process.env.API_KEY;',
          languageOptions: commonjs,
          settings: importFrom,
          errors: [
            bareSecretRead("API_KEY", "process.env", {
              suggestions: [
                useAccessor(
                  "API_KEY",
                  '"use strict";\nconst { getSecret } = require("@acme/secrets");\nconst apiKey = getSecret("API_KEY");',
                ),
              ],
            }),
          ],
        },
        {
          // CommonJS: require, at the top
          code: "module.exports = { apiKey: process.env.API_KEY };",
          languageOptions: commonjs,
          settings: importFrom,
          errors: [
            bareSecretRead("API_KEY", "process.env", {
              suggestions: [
                useAccessor(
                  "API_KEY",
                  'const { getSecret } = require("@acme/secrets");\nmodule.exports = { apiKey: getSecret("API_KEY") };',
                ),
              ],
            }),
          ],
        },
        {
          // an accessor imported under an alias is reused, with or without importFrom
          code: 'import { getSecret as gs } from "@acme/secrets";\n\nconst apiKey = process.env.API_KEY;',
          errors: [
            bareSecretRead("API_KEY", "process.env", {
              suggestions: [
                useAccessor("API_KEY", 'import { getSecret as gs } from "@acme/secrets";\n\nconst apiKey = gs("API_KEY");', "gs"),
              ],
            }),
          ],
        },
        {
          code: 'import { getSecret as gs } from "@acme/secrets";\n\nconst apiKey = process.env.API_KEY;',
          settings: importFrom,
          errors: [
            bareSecretRead("API_KEY", "process.env", {
              suggestions: [
                useAccessor("API_KEY", 'import { getSecret as gs } from "@acme/secrets";\n\nconst apiKey = gs("API_KEY");', "gs"),
              ],
            }),
          ],
        },
        {
          code: 'import { getSecret } from "./secrets.js";\nconst apiKey = process.env.API_KEY;',
          errors: [
            bareSecretRead("API_KEY", "process.env", {
              suggestions: [useAccessor("API_KEY", 'import { getSecret } from "./secrets.js";\nconst apiKey = getSecret("API_KEY");')],
            }),
          ],
        },
        {
          code: 'const { getSecret: gs } = require("@acme/secrets");\nconst apiKey = process.env.API_KEY;',
          languageOptions: commonjs,
          errors: [
            destructuredRead("API_KEY", "process.env", {
              suggestions: [
                useAccessor("API_KEY", 'const { getSecret: gs } = require("@acme/secrets");\nconst apiKey = gs("API_KEY");', "gs"),
              ],
            }),
          ],
        },
        {
          // the first configured accessor is the one imported
          code: "const apiKey = process.env.API_KEY;",
          settings: { secrets: { accessors: ["readSecret"], importFrom: "@acme/config" } },
          errors: [
            bareSecretRead("API_KEY", "process.env", {
              accessor: "readSecret",
              suggestions: [
                useAccessor(
                  "API_KEY",
                  'import { readSecret } from "@acme/config";\nconst apiKey = readSecret("API_KEY");',
                  "readSecret",
                ),
              ],
            }),
          ],
        },
        // every read with an expression of its own is rewritten whole
        {
          code: 'import { getSecret } from "@acme/secrets";\nconst a = process.env["API_KEY"];',
          errors: [
            bareSecretRead("API_KEY", "process.env", {
              suggestions: [useAccessor("API_KEY", 'import { getSecret } from "@acme/secrets";\nconst a = getSecret("API_KEY");')],
            }),
          ],
        },
        {
          code: 'import { getSecret } from "@acme/secrets";\nconst a = process.env?.API_KEY;',
          errors: [
            bareSecretRead("API_KEY", "process.env", {
              suggestions: [useAccessor("API_KEY", 'import { getSecret } from "@acme/secrets";\nconst a = getSecret("API_KEY");')],
            }),
          ],
        },
        {
          code: 'import { getSecret } from "@acme/secrets";\nconst a = globalThis.process.env.API_KEY;',
          errors: [
            bareSecretRead("API_KEY", "process.env", {
              suggestions: [useAccessor("API_KEY", 'import { getSecret } from "@acme/secrets";\nconst a = getSecret("API_KEY");')],
            }),
          ],
        },
        {
          code: 'import { getSecret } from "@acme/secrets";\nconst env = process.env;\nconst a = env.API_KEY;',
          errors: [
            bareSecretRead("API_KEY", "process.env", {
              line: 3,
              suggestions: [
                useAccessor("API_KEY", 'import { getSecret } from "@acme/secrets";\nconst env = process.env;\nconst a = getSecret("API_KEY");'),
              ],
            }),
          ],
        },
        {
          code: 'import { getSecret } from "@acme/secrets";\nconst a = Deno.env.get("API_KEY");',
          errors: [
            bareSecretRead("API_KEY", "Deno.env", {
              suggestions: [useAccessor("API_KEY", 'import { getSecret } from "@acme/secrets";\nconst a = getSecret("API_KEY");')],
            }),
          ],
        },
        {
          code: 'import { getSecret } from "@acme/secrets";\nconst a = import.meta.env.API_KEY;',
          errors: [
            bareSecretRead("API_KEY", "import.meta.env", {
              suggestions: [useAccessor("API_KEY", 'import { getSecret } from "@acme/secrets";\nconst a = getSecret("API_KEY");')],
            }),
          ],
        },
        {
          // a read that is also assigned to cannot become a call: reported, no suggestion
          code: 'process.env.API_KEY ??= "dev-key";\nprocess.env.DB_PASSWORD += "!";',
          settings: importFrom,
          errors: [
            bareSecretRead("API_KEY", "process.env", { line: 1, column: 1, suggestions: [] }),
            bareSecretRead("DB_PASSWORD", "process.env", { line: 2, column: 1, suggestions: [] }),
          ],
        },
        {
          // destructuring has no single expression to replace: no suggestion
          code: "const { API_KEY } = process.env;",
          settings: importFrom,
          errors: [destructuredRead("API_KEY", "process.env", { suggestions: [] })],
        },
      ],
      invalidTs: [
        {
          code: "const apiKey = process.env.API_KEY!;",
          settings: importFrom,
          errors: [
            bareSecretRead("API_KEY", "process.env", {
              suggestions: [
                useAccessor("API_KEY", 'import { getSecret } from "@acme/secrets";\nconst apiKey = getSecret("API_KEY")!;'),
              ],
            }),
          ],
        },
        {
          code: 'import type { Config } from "./config.js";\nconst apiKey = (process.env as any).API_KEY as string;',
          settings: importFrom,
          errors: [
            bareSecretRead("API_KEY", "process.env", {
              suggestions: [
                useAccessor(
                  "API_KEY",
                  'import type { Config } from "./config.js";\nimport { getSecret } from "@acme/secrets";\nconst apiKey = getSecret("API_KEY") as string;',
                ),
              ],
            }),
          ],
        },
      ],
    });
  });
});

/** Lints one file with ESLint's own `Linter` and a flat config, as a user's project would. */
function lintWithEslint(secrets: unknown, filename = "src/app.js", cwd?: string): Linter.LintMessage[] {
  return new Linter({ configType: "flat", ...(cwd ? { cwd } : {}) }).verify(
    "const apiKey = process.env.API_KEY;",
    [
      {
        plugins: { secrets: { rules: { "no-bare-env-secret": rule as never } } },
        rules: { "secrets/no-bare-env-secret": "error" },
        settings: { secrets },
      },
    ],
    filename,
  );
}

describe("no-bare-env-secret: an invalid settings.secrets block is a configuration error", () => {
  const lint = (secrets: unknown): Linter.LintMessage[] => lintWithEslint(secrets);

  it("accepts a valid block (and the rule then reports)", () => {
    const messages = lint({ accessors: ["getSecret"], importFrom: "@acme/secrets" });
    expect(messages.map((message) => message.messageId)).toEqual(["bareSecretRead"]);
  });

  it("throws on an unknown key, naming it and the known keys", () => {
    expect(() => lint({ accesors: ["getSecret"] })).toThrow(/settings\.secrets.*unknown key "accesors".*known keys: accessors/);
  });

  it("throws on a value of the wrong type, naming the key", () => {
    expect(() => lint({ accessors: "getSecret" })).toThrow(/settings\.secrets.*accessors must be array/);
    expect(() => lint({ importFrom: 42 })).toThrow(/settings\.secrets.*importFrom must be string/);
    expect(() => lint({ ignoreNames: [""] })).toThrow(/settings\.secrets.*ignoreNames\.0 must NOT have fewer than 1 characters/);
  });

  it("throws on a function listed both as the accessor and as an environment accessor", () => {
    expect(() => lint({ accessors: ["env"], envAccessors: ["env"] })).toThrow(
      /settings\.secrets: "env" is listed in both accessors and envAccessors/,
    );
  });

  it("says which rule read the block", () => {
    expect(() => lint({ accesors: ["getSecret"] })).toThrow(/secrets\/no-bare-env-secret/);
  });
});

/*
 * @typescript-eslint/rule-tester lints an absolute `filename` with the working directory set to
 * the file system root, so the RuleTester cases above use relative names. ESLint itself gives
 * rules absolute file names and its own cwd: accessorFiles globs are relative to that cwd.
 */
describe("no-bare-env-secret: accessorFiles globs are relative to ESLint's working directory", () => {
  const cwd = path.resolve("/work/project");
  const settings = { accessorFiles: ["src/config/**"] };

  it("does not report in an accessor file given by absolute path", () => {
    expect(lintWithEslint(settings, path.join(cwd, "src/config/secrets.js"), cwd)).toEqual([]);
  });

  it("reports in any other file", () => {
    const messages = lintWithEslint(settings, path.join(cwd, "src/routes/payments.js"), cwd);
    expect(messages.map((message) => message.messageId)).toEqual(["bareSecretRead"]);
  });
});
