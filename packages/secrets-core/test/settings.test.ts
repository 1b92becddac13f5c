/**
 * The shared settings block: what `resolveSecretsSettings` accepts beyond the schema, and the
 * defaults it applies.
 */
import { describe, expect, it } from "vitest";
import { resolveSecretsSettings, SecretsConfigError } from "../src/settings.js";

describe("envAccessors", () => {
  it("defaults to none", () => {
    expect(resolveSecretsSettings({}).envAccessors).toEqual([]);
  });

  it("lists the general-purpose environment accessors", () => {
    expect(resolveSecretsSettings({ envAccessors: ["env", "getEnv"] }).envAccessors).toEqual(["env", "getEnv"]);
  });

  it.each([
    ["a name in both lists", { accessors: ["env"], envAccessors: ["env"] }, '"env"'],
    ["a default accessor listed as an environment accessor", { envAccessors: ["getSecret"] }, '"getSecret"'],
  ])("rejects %s: every call of a secret accessor is a secret read, an environment accessor's are judged by name", (_, input, name) => {
    expect(() => resolveSecretsSettings(input, "settings.secrets")).toThrow(SecretsConfigError);
    expect(() => resolveSecretsSettings(input, "settings.secrets")).toThrow(
      `Invalid settings.secrets: ${name} is listed in both accessors and envAccessors`,
    );
  });

  it("accepts an accessor and an environment accessor side by side", () => {
    const settings = resolveSecretsSettings({ accessors: ["getSecret"], envAccessors: ["env"] });
    expect(settings.accessors).toEqual(["getSecret"]);
    expect(settings.envAccessors).toEqual(["env"]);
  });
});
