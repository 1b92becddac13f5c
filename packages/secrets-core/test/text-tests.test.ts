/**
 * The text tests both tools use to skip files: they may say "maybe" to a file without a read,
 * never "no" to a file with one.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mayReadEnv, mentionsEnv } from "../src/text-tests.js";

const READS = [
  "const key = process.env.API_KEY;",
  'const key = process.env["API_KEY"];',
  "const { API_KEY } = process.env;",
  "const { env } = process;\nenv.API_KEY;",
  'import { env } from "node:process";\nenv.API_KEY;',
  "const key = import.meta.env.VITE_KEY;",
  "const key = import . meta . env.VITE_KEY;",
  "const key = Bun.env.API_KEY;",
  'const key = Deno.env.get("API_KEY");',
  "console.log(JSON.stringify(globalThis.process.env));",
];

describe("mentionsEnv and mayReadEnv", () => {
  it.each(READS)("both say maybe for an environment read: %s", (code) => {
    expect(mentionsEnv(code)).toBe(true);
    expect(mayReadEnv(code)).toBe(true);
  });

  it("mentionsEnv also says maybe for SvelteKit's public env module, which mayReadEnv (no runtime root) does not", () => {
    const code = 'import { PUBLIC_KEY } from "$env/static/public";';
    expect(mentionsEnv(code)).toBe(true);
    expect(mayReadEnv(code)).toBe(false);
  });

  it.each([
    "export const add = (a, b) => a + b;",
    'const config = getConfig("API_KEY");',
    "const environment = loadEnvironment();", // env only inside a longer identifier
    "process.exit(1);",
  ])("mayReadEnv rules out code with no read: %s", (code) => {
    expect(mayReadEnv(code)).toBe(false);
  });

  it("mayReadEnv implies mentionsEnv, for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("process", ".", "env", "Deno", "import", "meta", " ", "$", "x", "E", "nv") }), (text) => {
        if (mayReadEnv(text)) expect(mentionsEnv(text)).toBe(true);
      }),
    );
  });
});
