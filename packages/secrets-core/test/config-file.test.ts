import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfigFile, sharedSecretsSettings } from "../src/config-file.js";

function repo(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "secrets-config-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(root, name), content);
  return root;
}

describe("loadConfigFile", () => {
  it("reads secret-scanner.config.json first", () => {
    const root = repo({
      "secret-scanner.config.json": '{ "secrets": { "accessors": ["readSecret"] } }',
      "package.json": '{ "secretScanner": { "secrets": { "accessors": ["other"] } } }',
    });
    expect(loadConfigFile(root)?.value).toEqual({ secrets: { accessors: ["readSecret"] } });
    expect(sharedSecretsSettings(root)).toEqual({ accessors: ["readSecret"] });
  });

  it("falls back to package.json's secretScanner key, and to nothing", () => {
    const withKey = repo({ "package.json": '{ "name": "x", "secretScanner": { "secrets": { "ignoreNames": ["X"] } } }' });
    expect(loadConfigFile(withKey)?.location).toBe(`${path.join(withKey, "package.json")}#secretScanner`);
    expect(sharedSecretsSettings(withKey)).toEqual({ ignoreNames: ["X"] });
    const without = repo({ "package.json": '{ "name": "x" }' });
    expect(loadConfigFile(without)).toBeUndefined();
    expect(sharedSecretsSettings(without)).toEqual({});
  });

  it("names the file and the problem when it cannot be used", () => {
    const broken = repo({ "secret-scanner.config.json": "{ secrets: " });
    expect(() => loadConfigFile(broken)).toThrow(/secret-scanner\.config\.json: not valid JSON/);
    expect(() => loadConfigFile(broken, "missing.json")).toThrow(/missing\.json: config file not found/);
  });

  it("accepts a BOM", () => {
    const root = repo({ "secret-scanner.config.json": '\uFEFF{ "secrets": {} }' });
    expect(loadConfigFile(root)?.value).toEqual({ secrets: {} });
  });
});
