import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { resolveSecretsSettings, type SecretsSettingsInput } from "@secrets-suite/core";
import type { CodeFacts, DynamicAccessorCall, InputProblem, Position, SecretRead } from "../src/model.js";
import { readCode } from "../src/code/read-code.js";

// ---------------------------------------------------------------- helpers

type Files = Record<string, string | Buffer>;

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

const CODE_FILE = /\.(?:[cm]?[jt]sx?)$/;

function writeProject(files: Files): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "secret-scanner-code-"));
  roots.push(root);
  for (const [file, content] of Object.entries(files)) {
    const absolute = path.join(root, file);
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    fs.writeFileSync(absolute, content);
  }
  return root;
}

async function scan(files: Files, settings: SecretsSettingsInput = {}, extraFiles: string[] = []): Promise<CodeFacts> {
  const root = writeProject(files);
  const codeFiles = [...Object.keys(files).filter((file) => CODE_FILE.test(file)), ...extraFiles];
  return readCode(root, codeFiles, resolveSecretsSettings(settings));
}

/** The 1-based position of the `occurrence`-th `needle` in a file of the project. */
function at(files: Files, file: string, needle: string, occurrence = 1): Position {
  const text = String(files[file]);
  let index = -1;
  for (let count = 0; count < occurrence; count++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`${needle} (#${occurrence}) not found in ${file}`);
  }
  const before = text.slice(0, index).split("\n");
  return { file, line: before.length, column: before[before.length - 1]!.length + 1 };
}

function accessor(name: string, position: Position): SecretRead {
  return { name, kind: "accessor", position, secretLike: true };
}

function envRead(name: string, position: Position, secretLike = false): SecretRead {
  return { name, kind: "env", position, secretLike };
}

function dynamic(accessorName: string, position: Position): DynamicAccessorCall {
  return { accessor: accessorName, position };
}

function byPosition(a: Position, b: Position): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}

/** Expected reads in the order the reader must return them. */
function sortedReads(reads: SecretRead[]): SecretRead[] {
  return [...reads].sort((a, b) => byPosition(a.position, b.position) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function sortedCalls(calls: DynamicAccessorCall[]): DynamicAccessorCall[] {
  return [...calls].sort((a, b) => byPosition(a.position, b.position));
}

const SECRETS_LIB = `export function getSecret(name: string): string {
  return process.env[name] ?? "";
}
`;

// ---------------------------------------------------------------- accessor forms

describe("accessor calls", () => {
  const files: Files = {
    "lib/secrets.ts": SECRETS_LIB,
    "lib/wrappers.ts": `import { getSecret } from "./secrets.js";
export const secret = (name: string) => getSecret(name);
export function requiredSecret(key: string): string {
  const value = secret(key);
  if (!value) throw new Error("missing secret");
  return value;
}
`,
    "lib/default-wrapper.ts": `import { getSecret } from "./secrets.js";
export default function (name: string) {
  return getSecret(name);
}
`,
    "lib/index.ts": `export * from "./wrappers.js";
export { getSecret as readSecret } from "./secrets.js";
`,
    "app/direct.ts": `import { getSecret } from "../lib/secrets.js";
import { getSecret as gs } from "../lib/secrets.js";
import * as secrets from "../lib/secrets.js";
const vault = { getSecret };
getSecret("DIRECT_TOKEN");
gs("ALIASED_TOKEN");
secrets.getSecret("NAMESPACE_TOKEN");
vault.getSecret("MEMBER_TOKEN");
getSecret?.("OPTIONAL_CALL_TOKEN");
`,
    "app/common.cjs": `const { getSecret: fetchIt } = require("../lib/secrets.js");
fetchIt("CJS_REQUIRED_TOKEN");
`,
    "app/required.ts": `const { getSecret: viaRequire } = require("../lib/secrets");
const wrappers = require("../lib/wrappers");
viaRequire("TS_REQUIRED_TOKEN");
wrappers.secret("REQUIRED_WRAPPER_TOKEN");
`,
    "app/wrapped.ts": `import { secret, requiredSecret, readSecret } from "../lib/index.js";
import { secret as renamedWrapper } from "../lib/wrappers.js";
secret("WRAPPED_TOKEN");
requiredSecret("WRAPPER_OF_WRAPPER_TOKEN");
readSecret("REEXPORTED_ALIAS_TOKEN");
renamedWrapper("RENAMED_WRAPPER_TOKEN");
`,
    "app/default-only.ts": `import loadSecret from "../lib/default-wrapper.js";
loadSecret("DEFAULT_WRAPPER_TOKEN");
`,
    "app/local-wrapper.ts": `import { getSecret } from "../lib/secrets.js";
function local(n: string) {
  return getSecret(n);
}
const viaExpression = function (n: string) {
  return local(n);
};
const constAlias = getSecret;
local("LOCAL_WRAPPER_TOKEN");
viaExpression("FUNCTION_EXPRESSION_TOKEN");
constAlias("CONST_ALIAS_TOKEN");
`,
    "app/unrelated.ts": `export function secretive(name: string) {
  return name.toUpperCase();
}
secretive("NOT_A_SECRET_READ");
`,
  };

  test("every form is resolved to the accessor, with the name at the argument", async () => {
    const facts = await scan(files);
    expect(facts.reads).toEqual(
      sortedReads([
        accessor("DIRECT_TOKEN", at(files, "app/direct.ts", '"DIRECT_TOKEN"')),
        accessor("ALIASED_TOKEN", at(files, "app/direct.ts", '"ALIASED_TOKEN"')),
        accessor("NAMESPACE_TOKEN", at(files, "app/direct.ts", '"NAMESPACE_TOKEN"')),
        accessor("MEMBER_TOKEN", at(files, "app/direct.ts", '"MEMBER_TOKEN"')),
        accessor("OPTIONAL_CALL_TOKEN", at(files, "app/direct.ts", '"OPTIONAL_CALL_TOKEN"')),
        accessor("CJS_REQUIRED_TOKEN", at(files, "app/common.cjs", '"CJS_REQUIRED_TOKEN"')),
        accessor("TS_REQUIRED_TOKEN", at(files, "app/required.ts", '"TS_REQUIRED_TOKEN"')),
        accessor("REQUIRED_WRAPPER_TOKEN", at(files, "app/required.ts", '"REQUIRED_WRAPPER_TOKEN"')),
        accessor("WRAPPED_TOKEN", at(files, "app/wrapped.ts", '"WRAPPED_TOKEN"')),
        accessor("WRAPPER_OF_WRAPPER_TOKEN", at(files, "app/wrapped.ts", '"WRAPPER_OF_WRAPPER_TOKEN"')),
        accessor("REEXPORTED_ALIAS_TOKEN", at(files, "app/wrapped.ts", '"REEXPORTED_ALIAS_TOKEN"')),
        accessor("RENAMED_WRAPPER_TOKEN", at(files, "app/wrapped.ts", '"RENAMED_WRAPPER_TOKEN"')),
        accessor("DEFAULT_WRAPPER_TOKEN", at(files, "app/default-only.ts", '"DEFAULT_WRAPPER_TOKEN"')),
        accessor("LOCAL_WRAPPER_TOKEN", at(files, "app/local-wrapper.ts", '"LOCAL_WRAPPER_TOKEN"')),
        accessor("FUNCTION_EXPRESSION_TOKEN", at(files, "app/local-wrapper.ts", '"FUNCTION_EXPRESSION_TOKEN"')),
        accessor("CONST_ALIAS_TOKEN", at(files, "app/local-wrapper.ts", '"CONST_ALIAS_TOKEN"')),
      ]),
    );
    // wrapper bodies and the accessor itself pass a parameter on: not dynamic calls; process.env[name] is no named read
    expect(facts.dynamicCalls).toEqual([]);
    expect(facts.problems).toEqual([]);
    expect(facts.filesScanned).toBe(Object.keys(files).length);
  });

  test("custom accessor names replace the default", async () => {
    const custom: Files = {
      "vault.ts": `export function readVaultSecret(name: string) { return name; }
export function getSecret(name: string) { return name; }
readVaultSecret("VAULT_TOKEN");
getSecret("IGNORED_TOKEN");
`,
    };
    const facts = await scan(custom, { accessors: ["readVaultSecret"] });
    expect(facts.reads).toEqual([accessor("VAULT_TOKEN", at(custom, "vault.ts", '"VAULT_TOKEN"'))]);
    expect(facts.dynamicCalls).toEqual([]);
  });

  test("the accessor's own definition calling another accessor with its parameter is not dynamic", async () => {
    const own: Files = {
      "secrets.ts": `const vault = { getSecret: (key: string) => key };
export function getSecret(name: string): string {
  name = name.trim();
  return vault.getSecret(name);
}
`,
    };
    const facts = await scan(own);
    expect(facts.reads).toEqual([]);
    expect(facts.dynamicCalls).toEqual([]);
  });
});

// ---------------------------------------------------------------- workspace packages

test("a workspace package import resolves to the package's source through paths", async () => {
  const files: Files = {
    "package.json": JSON.stringify({ name: "acme", private: true }),
    "packages/secrets/package.json": JSON.stringify({
      name: "@acme/secrets",
      exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } },
    }),
    "packages/secrets/src/index.ts": `export * from "./accessor.js";\n`,
    "packages/secrets/src/accessor.ts": `export function getSecret(name: string): string {
  return name;
}
export const secretValue = (name: string) => getSecret(name);
`,
    "services/api/src/main.ts": `import { secretValue } from "@acme/secrets";
import { getSecret as fromPackage } from "@acme/secrets";
export const token = secretValue("WORKSPACE_TOKEN");
export const key = fromPackage("WORKSPACE_ALIAS_KEY");
`,
    "services/api/src/unrelated.ts": `import { Thing } from "some-npm-package";\nexport const thing = new Thing();\n`,
  };
  const facts = await scan(files);
  expect(facts.reads).toEqual([
    accessor("WORKSPACE_TOKEN", at(files, "services/api/src/main.ts", '"WORKSPACE_TOKEN"')),
    accessor("WORKSPACE_ALIAS_KEY", at(files, "services/api/src/main.ts", '"WORKSPACE_ALIAS_KEY"')),
  ]);
  expect(facts.dynamicCalls).toEqual([]);
  expect(facts.imports).toEqual(
    new Map([
      ["packages/secrets/src/accessor.ts", []],
      ["packages/secrets/src/index.ts", ["packages/secrets/src/accessor.ts"]],
      ["services/api/src/main.ts", ["packages/secrets/src/index.ts"]],
      ["services/api/src/unrelated.ts", []],
    ]),
  );
});

// ---------------------------------------------------------------- name forms

test("secret names: literals, templates, consts (local and imported), frozen members, enums; the rest is dynamic", async () => {
  const files: Files = {
    "secrets.ts": SECRETS_LIB,
    "names.ts": `export const DB_NAME = "DATABASE_PASSWORD";
export const NAMES = { api: "API_KEY", nested: { smtp: "SMTP_PASSWORD" } } as const;
export const FROZEN = Object.freeze({ redis: "REDIS_PASSWORD" });
export enum SecretName {
  Jwt = "JWT_SECRET",
}
export const MUTABLE = { value: "NOT_STATIC" };
`,
    "reexported-names.ts": `export { DB_NAME as RENAMED_DB_NAME } from "./names.js";\n`,
    "use.ts": `import { getSecret } from "./secrets.js";
import { DB_NAME, NAMES, FROZEN, SecretName, MUTABLE } from "./names.js";
import { RENAMED_DB_NAME } from "./reexported-names.js";
import * as names from "./names.js";
const LOCAL = "LOCAL_SECRET";
const CHAINED = LOCAL;
let changing = "CHANGING";
getSecret("LITERAL_SECRET");
getSecret(\`TEMPLATE_SECRET\`);
getSecret(LOCAL);
getSecret(CHAINED);
getSecret(DB_NAME);
getSecret(RENAMED_DB_NAME);
getSecret(NAMES.api);
getSecret(NAMES["nested"].smtp);
getSecret(FROZEN.redis);
getSecret(SecretName.Jwt);
getSecret(names.NAMES.api);
getSecret("CAST_SECRET" as string);
getSecret(changing);
getSecret(MUTABLE.value);
getSecret(\`PREFIX_\${changing}\`);
getSecret({ stripe, name: "another_api" });
getSecret();
getSecret(...["SPREAD"]);
["A", "B"].map((n) => getSecret(n));
`,
  };
  const facts = await scan(files);
  const use = (needle: string, occurrence = 1): Position => at(files, "use.ts", needle, occurrence);
  expect(facts.reads).toEqual(
    sortedReads([
      accessor("LITERAL_SECRET", use('"LITERAL_SECRET"')),
      accessor("TEMPLATE_SECRET", use("`TEMPLATE_SECRET`")),
      accessor("LOCAL_SECRET", use("LOCAL);")),
      accessor("LOCAL_SECRET", use("CHAINED);")),
      accessor("DATABASE_PASSWORD", use("DB_NAME);")),
      accessor("DATABASE_PASSWORD", use("RENAMED_DB_NAME);")),
      accessor("API_KEY", use("NAMES.api);")),
      accessor("SMTP_PASSWORD", use('NAMES["nested"]')),
      accessor("REDIS_PASSWORD", use("FROZEN.redis")),
      accessor("JWT_SECRET", use("SecretName.Jwt")),
      accessor("API_KEY", use("names.NAMES.api")),
      accessor("CAST_SECRET", use('"CAST_SECRET"')),
    ]),
  );
  expect(facts.dynamicCalls).toEqual(
    sortedCalls([
      dynamic("getSecret", use("changing);")),
      dynamic("getSecret", use("MUTABLE.value")),
      dynamic("getSecret", use("`PREFIX_")),
      dynamic("getSecret", use("getSecret();")),
      dynamic("getSecret", use("...[")),
      dynamic("getSecret", use("n));")),
    ]),
  );
  expect(facts.problems).toEqual([]);
});

// ---------------------------------------------------------------- env reads

test("environment reads: every static form, at the name; writes are not reads", async () => {
  const files: Files = {
    "config.ts": `import { env } from "node:process";
import proc from "process";
import * as nodeProcess from "node:process";
const a = process.env.DOT_NAME;
const b = process.env["BRACKET_NAME"];
const c = process.env[\`TEMPLATE_NAME\`];
const d = process["env"].BRACKET_ENV_NAME;
const e = globalThis.process.env.GLOBAL_NAME;
const { DESTRUCTURED_NAME, RENAMED_NAME: renamed, DEFAULTED_NAME = "x" } = process.env;
const { env: { NESTED_NAME } } = process;
const alias = process.env;
const f = alias.ALIAS_NAME;
const g = env.IMPORTED_ENV_NAME;
const h = proc.env.DEFAULT_IMPORT_NAME;
const i = nodeProcess.env.NAMESPACE_IMPORT_NAME;
const j = import.meta.env.VITE_NAME;
const k = Bun.env.BUN_NAME;
const l = Deno.env.get("DENO_NAME");
const m = process.env.NON_NULL_NAME!;
const n = process.env.AS_NAME as string;
const o = process.env?.OPTIONAL_NAME;
const p = (process.env as Record<string, string>).CAST_OBJECT_NAME;
const q = process.env.DB_PASSWORD;
let ASSIGNED_NAME: string | undefined;
({ ASSIGNED_NAME } = process.env);
function withDefaults({ PARAMETER_NAME } = process.env) {
  return PARAMETER_NAME;
}
function shadowed(process: { env: Record<string, string> }) {
  return process.env.SHADOWED_NAME;
}
const key = "KEY";
const r = process.env[key];
process.env.WRITTEN_NAME = "1";
delete process.env.DELETED_NAME;
export { a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, renamed, withDefaults, shadowed };
`,
    "legacy.cjs": `const processModule = require("node:process");
const { env: requiredEnv } = require("process");
module.exports = { a: processModule.env.REQUIRED_PROCESS_NAME, b: requiredEnv.REQUIRED_ENV_NAME };
`,
  };
  const facts = await scan(files);
  const config = (needle: string): Position => at(files, "config.ts", needle);
  expect(facts.reads).toEqual(
    sortedReads([
      envRead("DOT_NAME", config("DOT_NAME")),
      envRead("BRACKET_NAME", config('"BRACKET_NAME"')),
      envRead("TEMPLATE_NAME", config("`TEMPLATE_NAME`")),
      envRead("BRACKET_ENV_NAME", config("BRACKET_ENV_NAME")),
      envRead("GLOBAL_NAME", config("GLOBAL_NAME")),
      envRead("DESTRUCTURED_NAME", config("DESTRUCTURED_NAME")),
      envRead("RENAMED_NAME", config("RENAMED_NAME")),
      envRead("DEFAULTED_NAME", config("DEFAULTED_NAME")),
      envRead("NESTED_NAME", config("NESTED_NAME")),
      envRead("ALIAS_NAME", config("ALIAS_NAME")),
      envRead("IMPORTED_ENV_NAME", config("IMPORTED_ENV_NAME")),
      envRead("DEFAULT_IMPORT_NAME", config("DEFAULT_IMPORT_NAME")),
      envRead("NAMESPACE_IMPORT_NAME", config("NAMESPACE_IMPORT_NAME")),
      envRead("VITE_NAME", config("VITE_NAME")),
      envRead("BUN_NAME", config("BUN_NAME")),
      envRead("DENO_NAME", config('"DENO_NAME"')),
      envRead("NON_NULL_NAME", config("NON_NULL_NAME")),
      envRead("AS_NAME", config("AS_NAME as")),
      envRead("OPTIONAL_NAME", config("OPTIONAL_NAME")),
      envRead("CAST_OBJECT_NAME", config("CAST_OBJECT_NAME")),
      envRead("DB_PASSWORD", config("DB_PASSWORD"), true),
      envRead("ASSIGNED_NAME", config("ASSIGNED_NAME }")),
      envRead("PARAMETER_NAME", config("PARAMETER_NAME }")),
      envRead("REQUIRED_PROCESS_NAME", at(files, "legacy.cjs", "REQUIRED_PROCESS_NAME")),
      envRead("REQUIRED_ENV_NAME", at(files, "legacy.cjs", "REQUIRED_ENV_NAME")),
    ]),
  );
  expect(facts.dynamicCalls).toEqual([]);
  expect(facts.problems).toEqual([]);
});

// ---------------------------------------------------------------- problems

test("syntax errors, binary, oversized and unreadable files are problems; the scan goes on", async () => {
  const files: Files = {
    "broken.ts": `const token = process.env.BROKEN_TOKEN;\nconst = ;\n`,
    "ok.ts": `export const port = process.env.PORT;\n`,
    "binary.ts": Buffer.concat([Buffer.from("process.env.BINARY_NAME;\n"), Buffer.from([0, 1, 2])]),
    "huge.js": `// process.env.HUGE_NAME\n${"x".repeat(2 * 1024 * 1024)}\n`,
    // neither an accessor nor an environment read: never parsed, so its syntax error is never seen
    "unrelated.ts": `this is not { valid code\n`,
    "mentions-process.ts": `process.exit(1);\nconst = ;\n`,
  };
  const facts = await scan(files, {}, ["missing.ts"]);
  expect(facts.reads).toEqual([envRead("PORT", at(files, "ok.ts", "PORT"))]);
  const problems: InputProblem[] = [
    { file: "binary.ts", message: "skipped: binary file" },
    { file: "broken.ts", line: 2, column: 7, message: "syntax error: Variable declaration expected" },
    { file: "huge.js", message: "skipped: larger than 2 MB" },
    { file: "missing.ts", message: "cannot read file (ENOENT)" },
  ];
  expect(facts.problems).toEqual(problems);
  expect(facts.filesScanned).toBe(7);
  expect([...facts.imports.keys()]).toEqual(["broken.ts", "mentions-process.ts", "ok.ts", "unrelated.ts"]);
});

// ---------------------------------------------------------------- imports

test("imports: a regular-expression scan of every file, resolved to the repository's code files", async () => {
  const files: Files = {
    "src/a.ts": `import { b } from "./b.js";
export * from "./c";
import type { T } from "./types";
const d = await import("./d.mjs");
const e = require("./e.cjs");
import "./dir";
import {
  many, // a comment
  names,
} from "./multi.js";
import lodash from "lodash";
import missing from "./missing.js";
export { b, d, e, many, names, lodash, missing };
export type { T };
`,
    "src/b.ts": `export const b = 1;\n`,
    "src/c.tsx": `export const C = () => <div />;\n`,
    "src/d.mjs": `export default 1;\n`,
    "src/e.cjs": `module.exports = require("../lib/util");\n`,
    "src/dir/index.ts": `export {};\n`,
    "src/multi.ts": `export const many = 1, names = 2;\n`,
    "src/types.d.ts": `export type T = string;\n`,
    "lib/util.js": `exports.util = true;\n`,
  };
  const facts = await scan(files);
  expect(facts.imports).toEqual(
    new Map<string, string[]>([
      ["lib/util.js", []],
      ["src/a.ts", ["src/b.ts", "src/c.tsx", "src/d.mjs", "src/dir/index.ts", "src/e.cjs", "src/multi.ts", "src/types.d.ts"]],
      ["src/b.ts", []],
      ["src/c.tsx", []],
      ["src/d.mjs", []],
      ["src/dir/index.ts", []],
      ["src/e.cjs", ["lib/util.js"]],
      ["src/multi.ts", []],
      ["src/types.d.ts", []],
    ]),
  );
  // nothing here reads a secret or the environment: nothing was parsed
  expect(facts.reads).toEqual([]);
  expect(facts.dynamicCalls).toEqual([]);
  expect(facts.problems).toEqual([]);
  expect(facts.filesScanned).toBe(9);
});

// ---------------------------------------------------------------- determinism

test("output is sorted and the same on every run", async () => {
  const files: Files = {
    "z.ts": `export const z = process.env.Z_NAME;\n`,
    "a.ts": `import { getSecret } from "./secrets.js";\nexport const b = [getSecret("B_TOKEN"), process.env.A_NAME, getSecret(String(1))];\n`,
    "secrets.ts": SECRETS_LIB,
  };
  const root = writeProject(files);
  const settings = resolveSecretsSettings({});
  const first = await readCode(root, ["z.ts", "secrets.ts", "a.ts"], settings);
  const second = await readCode(root, ["a.ts", "z.ts", "secrets.ts"], settings);
  expect(second).toEqual(first);
  expect(first.reads).toEqual([
    accessor("B_TOKEN", at(files, "a.ts", '"B_TOKEN"')),
    envRead("A_NAME", at(files, "a.ts", "A_NAME")),
    envRead("Z_NAME", at(files, "z.ts", "Z_NAME")),
  ]);
  expect(first.dynamicCalls).toEqual([dynamic("getSecret", at(files, "a.ts", "String(1)"))]);
});

// ---------------------------------------------------------------- file-local analysis (issue 11)

describe("names are resolved by each file's own scopes", () => {
  test("a JavaScript file that writes the environment hides no read elsewhere", async () => {
    const files: Files = {
      "a.js": `process.env.LOG_LEVEL = "error";\n`,
      "b.ts": `export const k = process.env.API_KEY;\n`,
    };
    const facts = await scan(files);
    expect(facts.reads).toEqual([envRead("API_KEY", at(files, "b.ts", "API_KEY"), true)]);
    expect(facts.problems).toEqual([]);
  });

  test("nor in the same file: a large JavaScript file that writes one variable and reads others", async () => {
    const files: Files = {
      "setup.js": `if (!process.env.DEBUG) process.env.DEBUG = "app:*";
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
const token = process.env.GITHUB_TOKEN;
module.exports = { token, level: process.env.LOG_LEVEL };
`,
    };
    const facts = await scan(files);
    expect(facts.reads).toEqual([
      envRead("DEBUG", at(files, "setup.js", "DEBUG")),
      envRead("GITHUB_TOKEN", at(files, "setup.js", "GITHUB_TOKEN"), true),
      envRead("LOG_LEVEL", at(files, "setup.js", "LOG_LEVEL")),
    ]);
  });

  test("a file that calls a function named get is analysed, not dropped", async () => {
    const files: Files = {
      "b.ts": `declare function get(k: string): string;
export const a = get("minute");
export const k = process.env.API_KEY;
`,
      "c.js": `const cache = new Map();\nexports.v = cache.get("x") + process.env.SMTP_PASSWORD;\n`,
    };
    const facts = await scan(files);
    expect(facts.reads).toEqual([
      envRead("API_KEY", at(files, "b.ts", "API_KEY"), true),
      envRead("SMTP_PASSWORD", at(files, "c.js", "SMTP_PASSWORD"), true),
    ]);
    expect(facts.problems).toEqual([]);
  });

  // reduced from node-gyp's lib/node-gyp.js, on which the analysis once failed
  test("a computed key held by a local, and a local function called require, are no reads and no failure", async () => {
    const files: Files = {
      "legacy.js": `const key = compute();
exports.v = process.env[key];
function require(x) { return x; }
exports.w = require("process").env.NOT_NODES_PROCESS;
exports.x = process.env.REAL_NAME;
function compute() { return "K"; }
`,
    };
    const facts = await scan(files);
    expect(facts.reads).toEqual([envRead("REAL_NAME", at(files, "legacy.js", "REAL_NAME"))]);
    expect(facts.problems).toEqual([]);
  });

  test("a local declaration shadows the global: parameters, later (hoisted) declarations, catch, blocks", async () => {
    const files: Files = {
      "shadow.ts": `export function fromParameter(process: { env: Record<string, string> }) {
  return process.env.PARAM_SHADOWED;
}
export function hoisted() {
  return process.env.HOISTED_SHADOWED;
  var process = { env: {} as Record<string, string> };
}
try {} catch (process) { (process as any).env.CATCH_SHADOWED; }
{
  const process = { env: { BLOCK_SHADOWED: "" } };
  void process.env.BLOCK_SHADOWED;
}
export const outside = process.env.NOT_SHADOWED;
declare const Bun: { env: Record<string, string> };
export const ambient = Bun.env.AMBIENT_IS_GLOBAL;
`,
    };
    const facts = await scan(files);
    expect(facts.reads).toEqual([
      envRead("NOT_SHADOWED", at(files, "shadow.ts", "NOT_SHADOWED")),
      envRead("AMBIENT_IS_GLOBAL", at(files, "shadow.ts", "AMBIENT_IS_GLOBAL")),
    ]);
  });
});

describe("general-purpose environment accessors", () => {
  const files: Files = {
    "lib/env.ts": `export const env = (name: string) => process.env[name];
export function getEnv(key: string, fallback?: string) {
  return process.env[key] ?? fallback;
}
export const readDeno = (name: string) => Deno.env.get(name);
export function required(key: string): string {
  const value = getEnv(key);
  if (!value) throw new Error("missing " + key);
  return value;
}
export const config = { get: (key: string) => process.env[key] };
`,
    "app/main.ts": `import { env, getEnv, readDeno, required, config } from "../lib/env";
import * as envs from "../lib/env";
export const a = env("DATABASE_PASSWORD");
export const b = getEnv("PORT", "3000");
export const c = readDeno("DENO_TOKEN");
export const d = required("REDIS_URL");
export const e = config.get("SMTP_HOST");
export const f = envs.getEnv("NAMESPACE_SECRET");
export const g = env(someName());
declare function someName(): string;
`,
  };

  test("a function whose body reads process.env[param] is one, without configuration: its calls are environment reads", async () => {
    const facts = await scan(files);
    const main = (needle: string): Position => at(files, "app/main.ts", needle);
    expect(facts.reads).toEqual(
      sortedReads([
        envRead("DATABASE_PASSWORD", main('"DATABASE_PASSWORD"'), true),
        envRead("PORT", main('"PORT"')),
        envRead("DENO_TOKEN", main('"DENO_TOKEN"'), true),
        envRead("REDIS_URL", main('"REDIS_URL"'), true),
        envRead("SMTP_HOST", main('"SMTP_HOST"')),
        envRead("NAMESPACE_SECRET", main('"NAMESPACE_SECRET"'), true),
      ]),
    );
    // a dynamic name given to an environment accessor is no finding, like process.env[key]
    expect(facts.dynamicCalls).toEqual([]);
    expect(facts.problems).toEqual([]);
  });

  test("envAccessors names more (a package's accessor); the secret accessor keeps precedence", async () => {
    const more: Files = {
      "app.ts": `import { env } from "@acme/config";
import { getSecret } from "secrets-runtime";
export const a = env("JWT_SECRET");
export const b = env.call(null, "NOT_A_CALL_OF_ENV");
export const c = getSecret("API_TOKEN");
`,
    };
    const facts = await scan(more, { envAccessors: ["env"] });
    expect(facts.reads).toEqual([
      envRead("JWT_SECRET", at(more, "app.ts", '"JWT_SECRET"'), true),
      accessor("API_TOKEN", at(more, "app.ts", '"API_TOKEN"')),
    ]);
    const without = await scan(more);
    expect(without.reads).toEqual([accessor("API_TOKEN", at(more, "app.ts", '"API_TOKEN"'))]);
  });
});

describe("objects that alias the environment", () => {
  test("in the same file: const and never-reassigned let aliases, { env } = process, copies, this.env in a class", async () => {
    const files: Files = {
      "config.ts": `const environment = process.env;
let other = process.env;
let changed = process.env;
changed = {};
const { env } = process;
const copy = { ...process.env, LOCAL_ONLY: "x" };
class Settings {
  private readonly vars = process.env;
  readonly port = this.vars.SETTINGS_PORT;
}
export const values = [
  environment.ALIAS_NAME,
  other.LET_ALIAS_NAME,
  changed.NOT_AN_ALIAS_ANY_MORE,
  env.DESTRUCTURED_ENV_NAME,
  copy.COPIED_NAME,
  copy.LOCAL_ONLY,
  new Settings().port,
];
`,
    };
    const facts = await scan(files);
    const config = (needle: string): Position => at(files, "config.ts", needle);
    expect(facts.reads).toEqual(
      sortedReads([
        envRead("SETTINGS_PORT", config("SETTINGS_PORT")),
        envRead("ALIAS_NAME", config("ALIAS_NAME")),
        envRead("LET_ALIAS_NAME", config("LET_ALIAS_NAME")),
        envRead("DESTRUCTURED_ENV_NAME", config("DESTRUCTURED_ENV_NAME")),
        envRead("COPIED_NAME", config("COPIED_NAME")),
      ]),
    );
  });

  test("across files: an exported alias, an object and a class built from it, a CommonJS export", async () => {
    const files: Files = {
      "env.ts": `export const environment = process.env;\nexport default process.env;\n`,
      "config.ts": `import { environment } from "./env";
export const config = { vars: environment, name: "app" };
export class Secrets {
  public SENTRY_AUTH_TOKEN = environment.SENTRY_AUTH_TOKEN;
}
`,
      "legacy.cjs": `module.exports = { env: process.env };\n`,
      "app.ts": `import { config } from "./config";
import processEnv from "./env";
const { env } = require("./legacy.cjs");
export const a = config.vars.STRIPE_SECRET_KEY;
export const b = processEnv.DEFAULT_EXPORT_NAME;
export const c = env.CJS_NAME;
export const d = config.name;
`,
    };
    const facts = await scan(files);
    expect(facts.reads).toEqual(
      sortedReads([
        envRead("STRIPE_SECRET_KEY", at(files, "app.ts", "STRIPE_SECRET_KEY"), true),
        envRead("DEFAULT_EXPORT_NAME", at(files, "app.ts", "DEFAULT_EXPORT_NAME")),
        envRead("CJS_NAME", at(files, "app.ts", "CJS_NAME")),
        envRead("SENTRY_AUTH_TOKEN", at(files, "config.ts", "SENTRY_AUTH_TOKEN;"), true),
      ]),
    );
    expect(facts.problems).toEqual([]);
  });
});

// reduced from unkey's apps/dashboard/lib/env.ts, novu's env.validators.ts and t3 apps
describe("a validation of the whole environment reads the keys of its schema", () => {
  test("zod, a const schema with extend and merge, valibot, Joi, envalid, znv, t3-env", async () => {
    const files: Files = {
      "zod.ts": `import { z } from "zod";
export const env = () => z.object({ UNKEY_WORKSPACE_ID: z.string(), VAULT_TOKEN: z.string() }).strict().parse(process.env);
const base = z.object({ DATABASE_URL: z.string() });
const extra = z.object({ SENTRY_DSN: z.string() });
const schema = base.extend({ JWT_SECRET: z.string() }).merge(extra);
export const parsed = schema.safeParse(process.env);
`,
      "valibot.ts": `import * as v from "valibot";
const EnvSchema = v.object({ SMTP_PASSWORD: v.string() });
export const env = v.parse(EnvSchema, import.meta.env);
`,
      "joi.js": `const Joi = require("joi");
const { value } = Joi.object({ REDIS_PASSWORD: Joi.string() }).validate(process.env);
module.exports = value;
`,
      "envalid.ts": `import { cleanEnv, str } from "envalid";
const envValidators = { NOVU_API_KEY: str({ default: "" }), PORT: str() };
export const validated = cleanEnv(process.env, envValidators);
export const inline = cleanEnv(process.env, { STORE_ENCRYPTION_KEY: str() });
`,
      "t3.ts": `import { createEnv } from "@t3-oss/env-nextjs";
export const whole = createEnv({ server: { AUTH_SECRET: z.string() }, client: { NEXT_PUBLIC_URL: z.string() }, runtimeEnv: process.env });
export const implicit = createEnv({ server: { STRIPE_SECRET_KEY: z.string() }, experimental__runtimeEnv: {} });
export const explicit = createEnv({ server: { NOT_READ_HERE: z.string() }, runtimeEnv: { NOT_READ_HERE: process.env.NOT_READ_HERE } });
`,
      "not-schemas.ts": `const raw = JSON.parse(process.env.CONFIG_JSON ?? "{}");
const port = z.coerce.number().parse(process.env.PORT);
const other = z.object({ NOT_ENV: z.string() }).parse(raw);
export { port, other };
`,
    };
    const facts = await scan(files);
    const names = facts.reads.map((read) => `${read.position.file} ${read.name}`);
    expect(names).toEqual([
      "envalid.ts NOVU_API_KEY",
      "envalid.ts PORT",
      "envalid.ts STORE_ENCRYPTION_KEY",
      "joi.js REDIS_PASSWORD",
      "not-schemas.ts CONFIG_JSON",
      "not-schemas.ts PORT",
      "t3.ts AUTH_SECRET",
      "t3.ts NEXT_PUBLIC_URL",
      "t3.ts STRIPE_SECRET_KEY",
      "t3.ts NOT_READ_HERE",
      "valibot.ts SMTP_PASSWORD",
      "zod.ts UNKEY_WORKSPACE_ID",
      "zod.ts VAULT_TOKEN",
      "zod.ts DATABASE_URL",
      "zod.ts SENTRY_DSN",
      "zod.ts JWT_SECRET",
    ]);
    // each read is at its key
    expect(facts.reads.find((read) => read.name === "VAULT_TOKEN")?.position).toEqual(at(files, "zod.ts", "VAULT_TOKEN"));
    expect(facts.problems).toEqual([]);
  });
});
