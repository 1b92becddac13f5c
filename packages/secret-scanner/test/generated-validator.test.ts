/**
 * The configuration validator is compiled ahead of time (scripts/validators.mjs): the committed
 * module must be exactly what the schema compiles to today, and must judge like Ajv compiling it now.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { describe, expect, test } from "vitest";
import { VALIDATORS, validatorText } from "../../../scripts/validators.mjs";
import { configSchema } from "../src/config/schema.js";
import { validate as generated } from "../src/generated/validate-config.js";

// the generated module is not type-checked (@ts-nocheck): its function is an Ajv validator
const validate = generated as ValidateFunction;
const repoRoot = path.resolve(import.meta.dirname, "../../..");
const entry = VALIDATORS.find((validator) => validator.file.endsWith("/validate-config.ts"))!;

describe("the generated configuration validator", () => {
  test("is what the schema compiles to (run `pnpm validators` after changing the schema)", () => {
    expect(readFileSync(path.join(repoRoot, entry.file), "utf8")).toBe(validatorText(entry, configSchema));
  });

  test.each<[string, unknown]>([
    ["an empty configuration", {}],
    ["shared settings and rules", { secrets: { accessors: ["getSecret"] }, rules: { "name-mismatch": "warning", "parse-error": "off" } }],
    ["compose files and services", { compose: ["deploy/compose.yaml"], services: { api: ["services/api/**"] }, lowercaseComposeNames: true }],
    ["an unknown rule", { rules: { "no-such-rule": "error" } }],
    ["an unknown severity", { rules: { "name-mismatch": "fatal" } }],
    ["an unknown key", { compsoe: ["compose.yaml"] }],
    ["an unknown settings key", { secrets: { accessor: ["getSecret"] } }],
    ["a wrong type", { ignore: "dist/**" }],
  ])("judges %s as Ajv compiling the schema now does", (_, input) => {
    const fresh = new Ajv(entry.options).compile(configSchema);
    expect(validate(input)).toBe(fresh(input));
    expect(validate.errors ?? null).toEqual(fresh.errors ?? null);
  });
});
