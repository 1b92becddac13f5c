/**
 * The text test that lets no-env-file-loading skip a file: every loader it reports names itself
 * in the file, and every env file it reports is named in a string; `process.env` alone is no
 * reason to look (library code reads NODE_ENV in most files).
 */
import { describe, expect, it } from "vitest";
import { textMayLoadEnvFiles } from "../../src/util/mentions.js";

describe("textMayLoadEnvFiles", () => {
  it.each([
    'import "dotenv/config";',
    'require("dotenv").config();',
    'import { config } from "dotenv-flow";',
    'import "@dotenvx/dotenvx/config";',
    'import { load } from "jsr:@std/dotenv";',
    "process.loadEnvFile();",
    'const { loadEnvConfig } = require("@next/env");',
    'import { ConfigModule } from "@nestjs/config";',
    'fs.readFileSync(".env", "utf8");',
    'fs.readFileSync("config/production.env", "utf8");',
    "readFile(`${root}/.env.local`);",
    "readFile(`.env.${mode}`);",
    "readFile(`${root}/.env${suffix}`);",
    "fs.readFileSync(ENV_FILE);",
    "fs.readFileSync(options.envPath);",
  ])("%s: may load an env file", (text) => {
    expect(textMayLoadEnvFiles(text)).toBe(true);
  });

  it.each([
    'const mode = process.env.NODE_ENV ?? "development";',
    'if (process.env["DEBUG"]) log("x", process.env.LEVEL);',
    "const url = import.meta.env.VITE_API_URL;",
    "const home = `${process.env.HOME}/config`;",
    'const { env } = process; const environment = "production";',
  ])("%s: cannot", (text) => {
    expect(textMayLoadEnvFiles(text)).toBe(false);
  });
});
