/**
 * `secrets/no-env-file-loading`: code must not load `.env` files (dotenv and friends,
 * `process.loadEnvFile`, `@next/env`) or read them with `fs` at run time. Secrets are injected
 * by the platform; a local or committed file is never a source.
 */
import path from "node:path";
import type { InvalidTestCase } from "@typescript-eslint/rule-tester";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import rule, { type MessageIds, type Options } from "../../src/rules/no-env-file-loading.js";
import { runRuleTests } from "../rule-tester.js";

type Error = InvalidTestCase<MessageIds, Options>["errors"][number];
type At = { line?: number; column?: number; endColumn?: number };

const importLoader = (module: string, at: At = {}): Error => ({ messageId: "importLoader", data: { module }, ...at });
const callLoader = (loader: string, module: string, at: At = {}): Error => ({
  messageId: "callLoader",
  data: { loader, module },
  ...at,
});
const readEnvFile = (loader: string, module: string, file: string, at: At = {}): Error => ({
  messageId: "readEnvFile",
  data: { loader, module, file },
  ...at,
});

/**
 * A CommonJS file. typescript-eslint's parser reads `parserOptions.sourceType`, espree the
 * `sourceType` of languageOptions, so both are given.
 */
const commonjs = { sourceType: "commonjs", parserOptions: { sourceType: "commonjs" } } as const;

/** A file under the working directory, as ESLint passes it to rules. */
const underCwd = (relative: string): string => path.join(process.cwd(), relative);

describe("no-env-file-loading", () => {
  describe("dotenv and its relatives", () => {
    runRuleTests("no-env-file-loading", rule, {
      valid: [
        // parsing a string is not loading a file
        'import dotenv from "dotenv";\nconst values = dotenv.parse(body);',
        'import { parse } from "dotenv";\nconst values = parse(Buffer.from(text));',
        'import { expand } from "dotenv-expand";\nexpand({ parsed: { HOST: "localhost" } });',
        // functions called config that are not dotenv's
        "function config() { return {}; }\nconfig();",
        'import { config } from "./config.js";\nconst settings = config();',
        'import { config } from "aws-sdk";\nconfig.update({ region: "eu-west-1" });',
        'import convict from "convict";\nconst config = convict(schema);\nconfig.validate({ allowed: "strict" });',
        // a local function called require is not Node's
        'function require(name) { return stubs[name]; }\nrequire("dotenv").config();',
        // dotenv passed around, not called
        'import dotenv from "dotenv";\nexport { dotenv };',
        // an alias that is assigned again may hold anything
        'import dotenv from "dotenv";\nlet loader = dotenv;\nloader = { config() { return {}; } };\nloader.config();',
        // Vite's loadEnv runs in the bundler's configuration, not in the application
        'import { defineConfig, loadEnv } from "vite";\nexport default defineConfig(({ mode }) => ({ define: { __MODE__: JSON.stringify(loadEnv(mode, process.cwd()).MODE) } }));',
        // a local variable called process
        "function start(process) { process.loadEnvFile(); }",
        // environment reads are other rules' concern
        "const port = Number(process.env.PORT ?? 3000);",
      ],
      invalid: [
        // ---- modules that load .env when imported ----
        { code: 'import "dotenv/config";', errors: [importLoader("dotenv/config", { line: 1, column: 1, endColumn: 24 })] },
        { code: 'import "dotenv/config.js";', errors: [importLoader("dotenv/config.js")] },
        { code: 'import "dotenv-flow/config";', errors: [importLoader("dotenv-flow/config")] },
        { code: 'import "@dotenvx/dotenvx/config";', errors: [importLoader("@dotenvx/dotenvx/config")] },
        { code: 'import "dotenv-expand/config";', errors: [importLoader("dotenv-expand/config")] },
        { code: 'import "dotenv-safe/config";', errors: [importLoader("dotenv-safe/config")] },
        { code: 'import "jsr:@std/dotenv/load";', errors: [importLoader("jsr:@std/dotenv/load")] },
        { code: 'await import("dotenv/config");', errors: [importLoader("dotenv/config", { column: 7 })] },
        {
          code: 'require("dotenv/config");',
          languageOptions: commonjs,
          errors: [importLoader("dotenv/config", { column: 1, endColumn: 25 })],
        },
        {
          code: "if (process.env.NODE_ENV !== 'production') {\n  require('dotenv/config');\n}",
          languageOptions: commonjs,
          errors: [importLoader("dotenv/config", { line: 2, column: 3 })],
        },

        // ---- dotenv's config() in every import style ----
        {
          code: 'require("dotenv").config();',
          languageOptions: commonjs,
          errors: [callLoader("config", "dotenv", { column: 1, endColumn: 27 })],
        },
        {
          code: 'require("dotenv").config({ path: ".env.local" });',
          languageOptions: commonjs,
          errors: [callLoader("config", "dotenv")],
        },
        {
          code: 'const dotenv = require("dotenv");\ndotenv.config();',
          languageOptions: commonjs,
          errors: [callLoader("config", "dotenv", { line: 2, column: 1 })],
        },
        {
          code: 'const { config } = require("dotenv");\nconfig();',
          languageOptions: commonjs,
          errors: [callLoader("config", "dotenv", { line: 2, column: 1 })],
        },
        {
          code: 'const { config: loadEnv } = require("dotenv");\nloadEnv({ override: true });',
          languageOptions: commonjs,
          errors: [callLoader("config", "dotenv", { line: 2 })],
        },
        {
          code: 'import dotenv from "dotenv";\ndotenv.config();',
          errors: [callLoader("config", "dotenv", { line: 2, column: 1, endColumn: 16 })],
        },
        {
          code: 'import dotenv from "dotenv";\ndotenv.config({ path: path.resolve(process.cwd(), ".env.local") });',
          errors: [callLoader("config", "dotenv", { line: 2 })],
        },
        {
          code: 'import { config } from "dotenv";\nconfig();',
          errors: [callLoader("config", "dotenv", { line: 2 })],
        },
        {
          code: 'import { config as loadEnv } from "dotenv";\nloadEnv();',
          errors: [callLoader("config", "dotenv", { line: 2 })],
        },
        {
          code: 'import * as dotenv from "dotenv";\ndotenv.config();',
          errors: [callLoader("config", "dotenv", { line: 2 })],
        },
        {
          code: 'import { configDotenv } from "dotenv";\nconfigDotenv();',
          errors: [callLoader("configDotenv", "dotenv", { line: 2 })],
        },
        {
          code: 'import dotenv from "dotenv";\nconst { config } = dotenv;\nconfig();',
          errors: [callLoader("config", "dotenv", { line: 3 })],
        },
        {
          code: 'import dotenv from "dotenv";\nconst env = dotenv;\nenv.config();',
          errors: [callLoader("config", "dotenv", { line: 3 })],
        },
        {
          code: 'const { config } = await import("dotenv");\nconfig();',
          errors: [callLoader("config", "dotenv", { line: 2 })],
        },
        {
          code: '(await import("dotenv")).config();',
          errors: [callLoader("config", "dotenv", { column: 1 })],
        },
        {
          code: '(await import("dotenv")).default.config();',
          errors: [callLoader("config", "dotenv", { column: 1 })],
        },
        {
          // ES modules use createRequire to require CommonJS packages
          code: 'import { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);\nrequire("dotenv").config();',
          errors: [callLoader("config", "dotenv", { line: 3 })],
        },
        {
          // loading in development only is still loading a file at run time
          code: 'import dotenv from "dotenv";\nif (process.env.NODE_ENV !== "production") dotenv.config();',
          errors: [callLoader("config", "dotenv", { line: 2, column: 44 })],
        },

        // ---- dotenv-expand wraps dotenv: one report, on the call that loads ----
        {
          code: 'import dotenv from "dotenv";\nimport { expand } from "dotenv-expand";\nexpand(dotenv.config());',
          errors: [callLoader("config", "dotenv", { line: 3, column: 8, endColumn: 23 })],
        },
        {
          code: 'import { config } from "dotenv";\nimport { expand } from "dotenv-expand";\nexpand(config());',
          errors: [callLoader("config", "dotenv", { line: 3, column: 8 })],
        },
        {
          code: 'const dotenvExpand = require("dotenv-expand");\ndotenvExpand.expand(require("dotenv").config());',
          languageOptions: commonjs,
          errors: [callLoader("config", "dotenv", { line: 2, column: 21 })],
        },

        // ---- other loaders ----
        {
          code: 'require("dotenv-flow").config();',
          languageOptions: commonjs,
          errors: [callLoader("config", "dotenv-flow")],
        },
        {
          code: 'import dotenvFlow from "dotenv-flow";\ndotenvFlow.load([".env", ".env.local"]);',
          errors: [callLoader("load", "dotenv-flow", { line: 2 })],
        },
        {
          code: 'import dotenvx from "@dotenvx/dotenvx";\ndotenvx.config();',
          errors: [callLoader("config", "@dotenvx/dotenvx", { line: 2 })],
        },
        {
          code: 'require("@dotenvx/dotenvx").config({ path: [".env.local", ".env"] });',
          languageOptions: commonjs,
          errors: [callLoader("config", "@dotenvx/dotenvx")],
        },
        {
          code: 'require("dotenv-safe").config({ example: ".env.example" });',
          languageOptions: commonjs,
          errors: [callLoader("config", "dotenv-safe")],
        },
        {
          code: 'import { loadEnvConfig } from "@next/env";\nloadEnvConfig(process.cwd());',
          errors: [callLoader("loadEnvConfig", "@next/env", { line: 2 })],
        },
        {
          // @next/env is CommonJS: ES modules import the default and destructure it
          code: 'import nextEnv from "@next/env";\nconst { loadEnvConfig } = nextEnv;\nloadEnvConfig(path.join(webDir, ".."));',
          errors: [callLoader("loadEnvConfig", "@next/env", { line: 3 })],
        },
        {
          code: 'const { loadEnvConfig } = require("@next/env");\nloadEnvConfig(process.cwd(), true);',
          languageOptions: commonjs,
          errors: [callLoader("loadEnvConfig", "@next/env", { line: 2 })],
        },
        {
          code: 'import { load } from "jsr:@std/dotenv";\nawait load({ export: true });',
          errors: [callLoader("load", "jsr:@std/dotenv", { line: 2, column: 7 })],
        },
      ],
    });
  });

  describe("NestJS: ConfigModule.forRoot() loads .env unless ignoreEnvFile is true", () => {
    runRuleTests("no-env-file-loading", rule, {
      invalid: [
        {
          // the file names no env file at all: forRoot() reads .env from the working directory
          code: 'import { ConfigModule } from "@nestjs/config";\nexport const config = ConfigModule.forRoot();',
          errors: [callLoader("ConfigModule.forRoot", "@nestjs/config", { line: 2, column: 23 })],
        },
        {
          code: 'import { ConfigModule } from "@nestjs/config";\nConfigModule.forRoot({ isGlobal: true, envFilePath: [".env.local", ".env"] });',
          errors: [callLoader("ConfigModule.forRoot", "@nestjs/config", { line: 2 })],
        },
        {
          code: 'import * as nestConfig from "@nestjs/config";\nnestConfig.ConfigModule.forRoot({ ignoreEnvFile: false });',
          errors: [callLoader("ConfigModule.forRoot", "@nestjs/config", { line: 2 })],
        },
      ],
      invalidTs: [
        {
          code: [
            'import { Module } from "@nestjs/common";',
            'import { ConfigModule } from "@nestjs/config";',
            "@Module({ imports: [ConfigModule.forRoot({ isGlobal: true })] })",
            "export class AppModule {}",
          ].join("\n"),
          errors: [callLoader("ConfigModule.forRoot", "@nestjs/config", { line: 3, column: 21 })],
        },
      ],
      valid: [
        // the platform injects the variables; ConfigModule only validates and serves them
        'import { ConfigModule } from "@nestjs/config";\nConfigModule.forRoot({ ignoreEnvFile: true, isGlobal: true });',
        'import { ConfigModule } from "@nestjs/config";\nConfigModule.forFeature(databaseConfig);',
        'import { ConfigService } from "@nestjs/config";\nexport const make = (config) => new ConfigService(config);',
        // another module's ConfigModule
        'import { ConfigModule } from "./config.module.js";\nConfigModule.forRoot();',
      ],
    });
  });

  describe("process.loadEnvFile (Node.js 20.12+)", () => {
    runRuleTests("no-env-file-loading", rule, {
      invalid: [
        { code: "process.loadEnvFile();", errors: [callLoader("loadEnvFile", "process", { column: 1, endColumn: 22 })] },
        { code: 'process.loadEnvFile(".env");', errors: [callLoader("loadEnvFile", "process")] },
        {
          // any file: Cloudflare's .dev.vars is an env file too
          code: 'if (existsSync(".dev.vars")) {\n  process.loadEnvFile(".dev.vars");\n}',
          errors: [callLoader("loadEnvFile", "process", { line: 2, column: 3 })],
        },
        {
          code: 'try {\n  process.loadEnvFile();\n} catch {\n  // no .env file in production\n}',
          errors: [callLoader("loadEnvFile", "process", { line: 2 })],
        },
        {
          code: 'import process from "node:process";\nprocess.loadEnvFile(".env.local");',
          errors: [callLoader("loadEnvFile", "node:process", { line: 2 })],
        },
        {
          code: 'import { loadEnvFile } from "node:process";\nloadEnvFile();',
          errors: [callLoader("loadEnvFile", "node:process", { line: 2 })],
        },
        {
          code: 'const { loadEnvFile } = require("process");\nloadEnvFile(".env");',
          languageOptions: commonjs,
          errors: [callLoader("loadEnvFile", "process", { line: 2 })],
        },
      ],
    });
  });

  describe("fs reads of env files", () => {
    runRuleTests("no-env-file-loading", rule, {
      valid: [
        // files that are not env files
        'import fs from "node:fs";\nconst pkg = JSON.parse(fs.readFileSync("./package.json", "utf8"));',
        'import { readFileSync } from "node:fs";\nconst cert = readFileSync(path.join(__dirname, "certs", "ca.pem"));',
        'import { readFile } from "node:fs/promises";\nconst rc = await readFile(".envrc", "utf8");',
        'import { readFile } from "node:fs/promises";\nconst types = await readFile("src/env.ts", "utf8");',
        'import fs from "fs";\nconst text = fs.readFileSync(`${root}/environments/${name}.json`, "utf8");',
        // checking for, writing and deleting a .env file is not reading one
        'import fs from "node:fs";\nif (fs.existsSync(".env")) console.warn(".env is ignored in production");',
        'import { writeFileSync } from "node:fs";\nwriteFileSync(".env", lines.join("\\n"));',
        'import { rmSync } from "node:fs";\nrmSync(".env.local", { force: true });',
        // a path that is not known statically
        'import fs from "node:fs";\nconst text = fs.readFileSync(file, "utf8");',
        'import fs from "node:fs";\nconst text = fs.readFileSync(path.join(dir, name), "utf8");',
        'import fs from "node:fs";\nlet file = ".env";\nfile = "config.json";\nconst text = fs.readFileSync(file, "utf8");',
        // readFileSync of something that is not fs
        'import { readFileSync } from "./memory-fs.js";\nreadFileSync(".env");',
        'const fs = createMemoryFs();\nfs.readFileSync(".env");',
      ],
      invalid: [
        {
          code: 'import fs from "fs";\nconst text = fs.readFileSync(".env", "utf8");',
          errors: [readEnvFile("readFileSync", "fs", ".env", { line: 2, column: 14, endColumn: 45 })],
        },
        {
          code: 'import fs from "node:fs";\nconst text = fs.readFileSync("./.env.local", "utf8");',
          errors: [readEnvFile("readFileSync", "node:fs", ".env.local", { line: 2 })],
        },
        {
          // .env.example holds placeholders: reading it at run time is just as wrong
          code: 'import fs from "node:fs";\nconst example = fs.readFileSync(".env.example", "utf8");',
          errors: [readEnvFile("readFileSync", "node:fs", ".env.example", { line: 2 })],
        },
        {
          code: 'import { readFileSync } from "node:fs";\nconst text = readFileSync(path.join(__dirname, ".env"));',
          errors: [readEnvFile("readFileSync", "node:fs", ".env", { line: 2 })],
        },
        {
          code: 'import { readFileSync } from "node:fs";\nconst text = readFileSync(path.resolve(__dirname, "..", "..", ".env.production"));',
          errors: [readEnvFile("readFileSync", "node:fs", ".env.production", { line: 2 })],
        },
        {
          code: 'import { readFile } from "node:fs/promises";\nconst text = await readFile(`${root}/.env.production`, "utf8");',
          errors: [readEnvFile("readFile", "node:fs/promises", ".env.production", { line: 2, column: 20 })],
        },
        {
          code: 'import { readFile } from "fs/promises";\nconst text = await readFile(`.env.${process.env.NODE_ENV}`, "utf8");',
          errors: [readEnvFile("readFile", "fs/promises", ".env.${…}", { line: 2 })],
        },
        {
          code: 'import { readFile } from "fs/promises";\nconst text = await readFile(`${root}/.env${suffix}`, "utf8");',
          errors: [readEnvFile("readFile", "fs/promises", ".env${…}", { line: 2 })],
        },
        {
          code: 'import fs from "node:fs";\nconst text = fs.readFileSync(`${configDir}/${service}.env`, "utf8");',
          errors: [readEnvFile("readFileSync", "node:fs", "${…}.env", { line: 2 })],
        },
        {
          code: 'import fs from "node:fs";\nconst text = fs.readFileSync("config/production.env", "utf8");',
          errors: [readEnvFile("readFileSync", "node:fs", "production.env", { line: 2 })],
        },
        {
          code: 'import fs from "node:fs";\nconst text = fs.readFileSync(__dirname + "/.env", "utf8");',
          errors: [readEnvFile("readFileSync", "node:fs", ".env", { line: 2 })],
        },
        {
          code: 'import fs from "node:fs";\nconst ENV_FILE = path.resolve(__dirname, "../.env");\nconst text = fs.readFileSync(ENV_FILE, "utf8");',
          errors: [readEnvFile("readFileSync", "node:fs", ".env", { line: 3 })],
        },
        {
          code: 'import { readFileSync } from "node:fs";\nconst text = readFileSync(new URL("../.env", import.meta.url), "utf8");',
          errors: [readEnvFile("readFileSync", "node:fs", ".env", { line: 2 })],
        },
        {
          code: 'import { readFileSync } from "node:fs";\nimport { fileURLToPath } from "node:url";\nconst text = readFileSync(fileURLToPath(new URL(".env.local", import.meta.url)), "utf8");',
          errors: [readEnvFile("readFileSync", "node:fs", ".env.local", { line: 3 })],
        },
        {
          code: 'import fs from "fs";\nconst text = await fs.promises.readFile(".env", "utf8");',
          errors: [readEnvFile("promises.readFile", "fs", ".env", { line: 2, column: 20 })],
        },
        {
          code: 'import { promises as fsp } from "fs";\nconst text = await fsp.readFile(".env", "utf8");',
          errors: [readEnvFile("promises.readFile", "fs", ".env", { line: 2 })],
        },
        {
          code: 'import * as fs from "node:fs";\nfs.readFile(".env", "utf8", (error, text) => load(text));',
          errors: [readEnvFile("readFile", "node:fs", ".env", { line: 2, column: 1 })],
        },
        {
          code: 'import fse from "fs-extra";\nconst text = fse.readFileSync(".env", "utf8");',
          errors: [readEnvFile("readFileSync", "fs-extra", ".env", { line: 2 })],
        },
        {
          // dotenv.parse of a file read: the read is the load, reported once
          code: 'import fs from "node:fs";\nimport dotenv from "dotenv";\nconst values = dotenv.parse(fs.readFileSync(".env"));',
          errors: [readEnvFile("readFileSync", "node:fs", ".env", { line: 3, column: 29 })],
        },
        {
          code: 'const fs = require("fs");\nconst text = fs.readFileSync(".env", "utf8");',
          languageOptions: commonjs,
          errors: [readEnvFile("readFileSync", "fs", ".env", { line: 2 })],
        },
        {
          code: 'const text = require("fs").readFileSync(".env", "utf8");',
          languageOptions: commonjs,
          errors: [readEnvFile("readFileSync", "fs", ".env", { column: 14 })],
        },
        {
          code: 'const { readFileSync } = require("node:fs");\nconst text = readFileSync(".env.local", "utf8");',
          languageOptions: commonjs,
          errors: [readEnvFile("readFileSync", "node:fs", ".env.local", { line: 2 })],
        },
        {
          code: 'const { promises: { readFile } } = require("fs");\nreadFile(".env");',
          languageOptions: commonjs,
          errors: [readEnvFile("promises.readFile", "fs", ".env", { line: 2 })],
        },
      ],
    });
  });

  describe("allowInFiles", () => {
    runRuleTests("no-env-file-loading", rule, {
      valid: [
        // the rule tester lints an absolute filename with the root of the file system as cwd,
        // so these globs start with **
        {
          code: 'import "dotenv/config";',
          filename: underCwd("scripts/seed.ts"),
          options: [{ allowInFiles: ["**/scripts/**"] }],
        },
        {
          code: 'process.loadEnvFile(".env.test");',
          filename: underCwd("test/setup.ts"),
          options: [{ allowInFiles: ["**/test/setup.ts", "**/scripts/**"] }],
        },
      ],
      invalid: [
        {
          code: 'import "dotenv/config";',
          filename: underCwd("src/server.ts"),
          options: [{ allowInFiles: ["**/scripts/**"] }],
          errors: [importLoader("dotenv/config")],
        },
      ],
    });
  });

  describe("test files and test tool configs (ignoreTestFiles, testFilePatterns)", () => {
    const loadEnv = 'import dotenv from "dotenv";\ndotenv.config();';
    const nestImports = 'import { Test } from "@nestjs/testing";\nimport { ConfigModule } from "@nestjs/config";\n';
    runRuleTests("no-env-file-loading", rule, {
      valid: [
        // test runners' configs and setup files load a test env file: that is setup, not the service
        ...[
          "playwright.config.ts",
          "playwright.auth.config.ts",
          "vitest.config.ts",
          "vitest.setup.ts",
          "vitest.workspace.ts",
          "jest.config.js",
          "src/jest.setup.ts",
          "jest-setup.js",
          "src/setupTests.ts",
          "e2e/global-setup.ts",
          "utils/globalSetup.js",
          "cypress.config.ts",
          "cypress/support/e2e.ts",
          "karma.conf.js",
          ".storybook/main.ts",
        ].map((filename) => ({ code: loadEnv, filename })),
        // test files
        ...[
          "src/users/users.service.spec.ts",
          "src/auth.test.js",
          "test/app.e2e-spec.ts",
          "src/__tests__/db.ts",
          "__mocks__/stripe.ts",
          "apps/web-e2e/src/login.ts",
          "packages/api/test/helpers.ts",
        ].map((filename) => ({ code: 'import "dotenv/config";', filename })),
        { code: 'require("dotenv").config({ path: ".env.test" });', filename: "jest.config.js", languageOptions: commonjs },
        { code: 'process.loadEnvFile(".env.test");', filename: "test/setup.ts" },
        // the list replaces the defaults
        { code: 'import "dotenv/config";', filename: "qa/login.ts", options: [{ testFilePatterns: ["qa/**"] }] },
        // the test environment's file is test setup wherever it is loaded
        ...[
          'import dotenv from "dotenv";\ndotenv.config({ path: ".env.test" });',
          'require("dotenv").config({ path: require("path").resolve(__dirname, "../.env.test") });',
          'import { config } from "@dotenvx/dotenvx";\nconfig({ path: [".env.test.local", ".env.test"] });',
          'process.loadEnvFile(".env.testing");',
          'import dotenv from "dotenv";\ndotenv.config({ ...options, path: ".env.test" });',
          'import { readFileSync } from "node:fs";\nconst text = readFileSync("config/test.env", "utf8");',
          'import { ConfigModule } from "@nestjs/config";\nexport const TestConfigModule = ConfigModule.forRoot({ isGlobal: true, envFilePath: ".env.test" });',
          'import { ConfigModule } from "@nestjs/config";\nConfigModule.forRoot({ envFilePath: [".env.e2e"] });',
        ].map((code) => ({ code, filename: "src/test.module.ts" })),
        // a NestJS testing module needs the config its application module reads, wherever it is built
        {
          code: `${nestImports}export async function createTestApp() {
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule.forRoot({ isGlobal: true, envFilePath: ".env.test" }), AppModule],
  }).compile();
  return moduleRef.createNestApplication();
}`,
          filename: "src/testing/create-test-app.ts",
        },
        {
          code: `${nestImports}const moduleRef = await Test.createTestingModule({
  imports: [...(withConfig ? [ConfigModule.forRoot()] : []), UsersModule],
  providers: [UsersService],
}).compile();`,
          filename: "src/users/testing.ts",
        },
        {
          code: `${nestImports}Test.createTestingModule({ imports: [await ConfigModule.forRoot({ load: [configuration] })] });`,
          filename: "libs/testing/src/index.ts",
        },
      ],
      invalid: [
        // production entry points
        ...["src/main.ts", "server.js", "index.ts", "src/index.mjs"].map((filename) => ({
          code: 'import "dotenv/config";',
          filename,
          errors: [importLoader("dotenv/config")],
        })),
        // modules that only share a name with a test tool
        ...["src/playwright.ts", "src/setup.ts", "vite.config.ts", "src/testing/fixtures-loader.ts"].map((filename) => ({
          code: loadEnv,
          filename,
          errors: [callLoader("config", "dotenv", { line: 2 })],
        })),
        // a file of another environment, or one that may be any, next to the test's
        ...[
          'import dotenv from "dotenv";\ndotenv.config({ path: ".env.local" });',
          'import dotenv from "dotenv";\ndotenv.config({ path: `.env.${process.env.NODE_ENV}` });',
          'import dotenv from "dotenv";\ndotenv.config({ path: [".env.test", ".env"] });',
          'import dotenv from "dotenv";\ndotenv.config({ path: ".env.test.example" });',
          'import dotenv from "dotenv";\ndotenv.config({ path: ".env.latest" });',
          'import dotenv from "dotenv";\ndotenv.config({ path: envPath });',
          'import dotenv from "dotenv";\ndotenv.config({ path: ".env.test", ...options });',
        ].map((code) => ({ code, filename: "src/main.ts", errors: [callLoader("config", "dotenv", { line: 2 })] })),
        {
          code: 'import { ConfigModule } from "@nestjs/config";\nConfigModule.forRoot({ envFilePath: process.env.NODE_ENV === "test" ? ".env.test" : ".env" });',
          filename: "src/app.module.ts",
          errors: [callLoader("ConfigModule.forRoot", "@nestjs/config", { line: 2 })],
        },
        {
          code: 'import dotenv from "dotenv";\ndotenv.config({ path: ".env.test" });',
          filename: "src/main.ts",
          options: [{ ignoreTestFiles: false }],
          errors: [callLoader("config", "dotenv", { line: 2 })],
        },
        // the exemption can be turned off
        {
          code: loadEnv,
          filename: "playwright.config.ts",
          options: [{ ignoreTestFiles: false }],
          errors: [callLoader("config", "dotenv", { line: 2 })],
        },
        {
          code: `${nestImports}Test.createTestingModule({ imports: [ConfigModule.forRoot()] });`,
          filename: "src/testing/create-test-app.ts",
          options: [{ ignoreTestFiles: false }],
          errors: [callLoader("ConfigModule.forRoot", "@nestjs/config", { line: 3 })],
        },
        // a list given replaces the defaults
        {
          code: 'import "dotenv/config";',
          filename: "src/auth.test.ts",
          options: [{ testFilePatterns: ["qa/**"] }],
          errors: [importLoader("dotenv/config")],
        },
        // a testing module exempts what it imports, not the file around it
        {
          code: `${nestImports}ConfigModule.forRoot();\nTest.createTestingModule({ imports: [AppModule] });`,
          filename: "src/testing/create-test-app.ts",
          errors: [callLoader("ConfigModule.forRoot", "@nestjs/config", { line: 3 })],
        },
        {
          code: `${nestImports}Test.createTestingModule({ providers: [ConfigService], imports: [AppModule] }, ConfigModule.forRoot());`,
          filename: "src/testing/create-test-app.ts",
          errors: [callLoader("ConfigModule.forRoot", "@nestjs/config", { line: 3 })],
        },
        {
          code: `${nestImports}NestFactory.create({ imports: [ConfigModule.forRoot()] });`,
          filename: "src/main.ts",
          errors: [callLoader("ConfigModule.forRoot", "@nestjs/config", { line: 3 })],
        },
      ],
      invalidTs: [
        // the service's own module
        {
          code: 'import { ConfigModule } from "@nestjs/config";\n@Module({ imports: [ConfigModule.forRoot({ isGlobal: true })] })\nexport class AppModule {}',
          filename: "src/app.module.ts",
          errors: [callLoader("ConfigModule.forRoot", "@nestjs/config", { line: 2 })],
        },
      ],
    });
  });

  // reduced from dub's apps/web/scripts: 97 maintenance scripts that import "dotenv-flow/config"
  describe("developers' scripts and database tooling (ignoreScripts, scriptPatterns)", () => {
    runRuleTests("no-env-file-loading", rule, {
      valid: [
        "apps/web/scripts/bulk-delete-users.ts",
        "scripts/backfill.mjs",
        "prisma/seed.ts",
        "src/db/seeds/users.ts",
        "migrations/20240101_init.js",
        "drizzle.config.ts",
        "knexfile.js",
      ].map((filename) => ({ code: 'import "dotenv-flow/config";', filename })),
      invalid: [
        // the service itself
        { code: 'import "dotenv-flow/config";', filename: "apps/web/lib/prisma.ts", errors: [importLoader("dotenv-flow/config")] },
        { code: 'import "dotenv/config";', filename: "src/db/data-source.ts", errors: [importLoader("dotenv/config")] },
        // the exemption can be turned off, and the list replaced
        {
          code: 'import "dotenv-flow/config";',
          filename: "scripts/backfill.ts",
          options: [{ ignoreScripts: false }],
          errors: [importLoader("dotenv-flow/config")],
        },
        {
          code: 'import "dotenv-flow/config";',
          filename: "scripts/backfill.ts",
          options: [{ scriptPatterns: ["tools/**"] }],
          errors: [importLoader("dotenv-flow/config")],
        },
      ],
    });
  });

  describe("TypeScript syntax", () => {
    runRuleTests("no-env-file-loading", rule, {
      validTs: [
        'import type { DotenvConfigOptions } from "dotenv";\nconst options: DotenvConfigOptions = { path: ".env" };',
        'import { type DotenvConfigOutput } from "dotenv";\nlet output: DotenvConfigOutput;',
        'import type dotenv = require("dotenv");',
      ],
      invalidTs: [
        {
          code: 'import dotenv = require("dotenv");\ndotenv.config();',
          errors: [callLoader("config", "dotenv", { line: 2 })],
        },
        {
          code: 'import env = require("dotenv/config");',
          errors: [importLoader("dotenv/config", { column: 1 })],
        },
        {
          code: '(require("dotenv") as typeof import("dotenv")).config();',
          errors: [callLoader("config", "dotenv", { column: 1 })],
        },
        {
          code: 'import fs from "node:fs";\nconst text = fs.readFileSync(".env" as string, "utf8")!;',
          errors: [readEnvFile("readFileSync", "node:fs", ".env", { line: 2 })],
        },
      ],
    });
  });

  describe("allowInFiles is relative to the working directory", () => {
    const lint = (filename: string, allowInFiles: string[]) =>
      new Linter({ configType: "flat", cwd: process.cwd() }).verify(
        'require("dotenv").config();',
        [
          {
            files: ["**/*.js"],
            languageOptions: { sourceType: "commonjs" },
            plugins: { secrets: { rules: { "no-env-file-loading": rule as never } } },
            rules: { "secrets/no-env-file-loading": ["error", { allowInFiles }] },
          },
        ],
        filename,
      );

    it("allows loading in a file the glob matches", () => {
      expect(lint(underCwd("workers/queue.js"), ["workers/**"])).toEqual([]);
    });

    it("still reports in other files", () => {
      const messages = lint(underCwd("src/workers/server.js"), ["workers/**"]);
      expect(messages.map((message) => message.ruleId)).toEqual(["secrets/no-env-file-loading"]);
    });
  });

  describe("messages", () => {
    const lint = (code: string) =>
      new Linter({ configType: "flat" }).verify(code, [
        {
          plugins: { secrets: { rules: { "no-env-file-loading": rule as never } } },
          rules: { "secrets/no-env-file-loading": "error" },
        },
      ]);
    const injection =
      "Secrets must be injected at run time (docker secrets, the platform's environment), never read from a committed or local file.";

    it("name what loads the file and say how secrets must arrive", () => {
      expect(lint('import "dotenv/config";')[0]?.message).toBe(
        `Importing 'dotenv/config' loads a .env file into the environment at start-up. ${injection}`,
      );
      expect(lint('import { config } from "dotenv";\nconfig();')[0]?.message).toBe(
        `config() from 'dotenv' loads a .env file into the environment. ${injection}`,
      );
      expect(lint('import { readFileSync } from "node:fs";\nreadFileSync(".env.local");')[0]?.message).toBe(
        `readFileSync() from 'node:fs' reads the env file '.env.local' at run time. ${injection}`,
      );
    });
  });
});
