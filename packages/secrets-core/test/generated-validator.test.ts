/**
 * The settings validator is compiled ahead of time (scripts/validators.mjs): the committed module
 * must be exactly what the schema compiles to today, and must judge like Ajv compiling it now.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { describe, expect, test } from "vitest";
import { VALIDATORS, validatorText } from "../../../scripts/validators.mjs";
import { validate as generated } from "../src/generated/validate-settings.js";
import { secretsSettingsSchema } from "../src/settings.js";

// the generated module is not type-checked (@ts-nocheck): its function is an Ajv validator
const validate = generated as ValidateFunction;
const repoRoot = path.resolve(import.meta.dirname, "../../..");
const entry = VALIDATORS.find((validator) => validator.file.endsWith("/validate-settings.ts"))!;

describe("the generated settings validator", () => {
  test("is what the schema compiles to (run `pnpm validators` after changing the schema)", () => {
    expect(readFileSync(path.join(repoRoot, entry.file), "utf8")).toBe(validatorText(entry, secretsSettingsSchema));
  });

  test.each<[string, unknown]>([
    ["an empty block", {}],
    ["every key", { accessors: ["getSecret"], accessorFiles: ["src/secrets/**"], importFrom: "@acme/secrets", secretWords: ["pin"], alwaysSecret: ["X_*"], ignoreNames: ["Y"] }],
    ["an unknown key", { accessor: ["getSecret"] }],
    ["an empty accessor name", { accessors: [""] }],
    ["no accessor", { accessors: [] }],
    ["duplicates", { ignoreNames: ["A", "A"] }],
    ["a wrong type", { importFrom: 3 }],
    ["not an object", ["getSecret"]],
  ])("judges %s as Ajv compiling the schema now does", (_, input) => {
    const fresh = new Ajv(entry.options).compile(secretsSettingsSchema);
    expect(validate(input)).toBe(fresh(input));
    expect(validate.errors ?? null).toEqual(fresh.errors ?? null);
  });
});
