/**
 * Every source and failure mode of the accessor, on real files in a temp directory and real
 * environment objects. Values are canaries assembled at run time.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import {
  createSecrets,
  Secret,
  SecretConfigurationError,
  SecretNotFoundError,
  SecretValidationError,
} from "../src/index.js";

const canary = (label: string): string => ["canary", label, Math.random().toString(36).slice(2, 10)].join("-");

let dir: string;
let secretsDir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "secrets-runtime-"));
  secretsDir = path.join(dir, "run-secrets");
  mkdirSync(secretsDir);
});

function write(file: string, content: string): string {
  const target = path.join(dir, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
  return target;
}

describe("source order: Docker secret file, then NAME_FILE, then the environment", () => {
  it("reads the Docker secret file first, trimming its trailing newline", () => {
    const value = canary("docker");
    write("run-secrets/DB_PASSWORD", `${value}\n`);
    const env = { DB_PASSWORD: canary("env"), DB_PASSWORD_FILE: write("other", canary("file")) };
    expect(createSecrets({ secretsDir, env, plain: true }).getSecret("DB_PASSWORD")).toBe(value);
  });

  it("trims CRLF and several trailing newlines, nothing else", () => {
    write("run-secrets/A", "  value with spaces  \r\n\r\n");
    expect(createSecrets({ secretsDir, env: {}, plain: true }).getSecret("A")).toBe("  value with spaces  ");
  });

  it("reads the file named by NAME_FILE when there is no Docker secret file", () => {
    const value = canary("file");
    const env = { DB_PASSWORD_FILE: write("conf/db_password.txt", `${value}\n`), DB_PASSWORD: canary("env") };
    expect(createSecrets({ secretsDir, env, plain: true }).getSecret("DB_PASSWORD")).toBe(value);
  });

  it("reads the environment variable last", () => {
    const value = canary("env");
    expect(createSecrets({ secretsDir, env: { API_KEY: value }, plain: true }).getSecret("API_KEY")).toBe(value);
  });

  it("maps an uppercase name to the lowercase compose file name when asked", () => {
    const value = canary("lower");
    write("run-secrets/db_password", value);
    const secrets = createSecrets({ secretsDir, env: {}, fileNames: "lowercase", plain: true });
    expect(secrets.getSecret("DB_PASSWORD")).toBe(value);
    expect(createSecrets({ secretsDir, env: {}, plain: true }).hasSecret("DB_PASSWORD")).toBe(false);
  });

  it("treats an empty value as missing in every source and goes on to the next", () => {
    write("run-secrets/TOKEN", "\n");
    const env = { TOKEN_FILE: write("empty.txt", ""), TOKEN: "" };
    expect(createSecrets({ secretsDir, env }).hasSecret("TOKEN")).toBe(false);
    const value = canary("after-empty");
    expect(createSecrets({ secretsDir, env: { ...env, TOKEN: value }, plain: true }).getSecret("TOKEN")).toBe(value);
  });

  it("reads the real process.env by default, at each call", () => {
    const secrets = createSecrets({ secretsDir });
    const name = `SECRETS_RUNTIME_TEST_${process.pid}`;
    expect(secrets.hasSecret(name)).toBe(false);
    process.env[name] = canary("process");
    try {
      expect(secrets.getSecret(name).reveal()).toBe(process.env[name]);
    } finally {
      delete process.env[name];
    }
  });
});

describe("a missing secret fails fast with a message an operator can act on", () => {
  it("names the secret, every source looked at and what was found, and how to provide it", () => {
    const secrets = createSecrets({ secretsDir, env: { STRIPE_SECRET_KEY_FILE: path.join(dir, "nope.txt") } });
    let error: unknown;
    try {
      secrets.getSecret("STRIPE_SECRET_KEY");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SecretNotFoundError);
    const notFound = error as SecretNotFoundError;
    expect(notFound.secretName).toBe("STRIPE_SECRET_KEY");
    expect(notFound.looked).toEqual([
      { source: `file ${path.join(secretsDir, "STRIPE_SECRET_KEY")}`, outcome: "not found" },
      { source: `file ${path.join(dir, "nope.txt")} (from STRIPE_SECRET_KEY_FILE)`, outcome: "not found" },
      { source: "environment variable STRIPE_SECRET_KEY", outcome: "not set" },
    ]);
    expect(notFound.message).toMatch(/^Required secret STRIPE_SECRET_KEY is missing\. Looked in: /);
    expect(notFound.message).toContain("set STRIPE_SECRET_KEY_FILE to the path of a file that holds it");
    expect(notFound.message).toContain("or set the environment variable STRIPE_SECRET_KEY.");
  });

  it("says when a file exists but cannot be read", () => {
    const file = write("locked.txt", canary("locked"));
    chmodSync(file, 0o000);
    const secrets = createSecrets({ secretsDir, env: { K_FILE: file } });
    const isRoot = process.getuid?.() === 0; // root reads any file
    if (isRoot) {
      expect(secrets.hasSecret("K")).toBe(true);
    } else {
      expect(() => secrets.getSecret("K")).toThrow(/cannot be read \(EACCES\)/);
    }
    mkdirSync(path.join(secretsDir, "DIRSECRET"));
    expect(() => createSecrets({ secretsDir, env: {} }).getSecret("DIRSECRET")).toThrow(/is a directory/);
  });

  it("rejects names that are not environment variable names (no path traversal)", () => {
    const secrets = createSecrets({ secretsDir, env: {} });
    for (const name of ["../etc/passwd", "a/b", "", " A", "A..B"]) {
      expect(() => secrets.getSecret(name)).toThrow(SecretConfigurationError);
    }
  });

  it("getOptionalSecret returns undefined and hasSecret false, without throwing", () => {
    const secrets = createSecrets({ secretsDir, env: {} });
    expect(secrets.getOptionalSecret("SLACK_WEBHOOK_URL")).toBeUndefined();
    expect(secrets.hasSecret("SLACK_WEBHOOK_URL")).toBe(false);
  });
});

describe("validateSecrets checks everything at start-up", () => {
  it("throws one error listing every missing required secret", () => {
    const secrets = createSecrets({ secretsDir, env: { REDIS_URL: canary("redis") } });
    let error: unknown;
    try {
      secrets.validateSecrets({ required: ["DATABASE_URL", "REDIS_URL", "JWT_SECRET"], optional: ["POSTHOG_API_KEY"] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SecretValidationError);
    expect((error as SecretValidationError).missing).toEqual(["DATABASE_URL", "JWT_SECRET"]);
    expect((error as Error).message.split("\n")[0]).toBe("2 required secrets are missing: DATABASE_URL, JWT_SECRET.");
  });

  it("returns names with present or missing only", () => {
    const env = { DATABASE_URL: canary("db"), POSTHOG_API_KEY: "" };
    const status = createSecrets({ secretsDir, env }).validateSecrets({
      required: ["DATABASE_URL"],
      optional: ["POSTHOG_API_KEY", "SENTRY_DSN"],
    });
    expect(status).toEqual({ DATABASE_URL: "present", POSTHOG_API_KEY: "missing", SENTRY_DSN: "missing" });
  });
});

describe("cache", () => {
  it("keeps a value for the TTL, then reads the source again; clearCache forgets", () => {
    let now = 1_000;
    const first = canary("v1");
    const second = canary("v2");
    const file = write("run-secrets/ROTATED_KEY", first);
    const secrets = createSecrets({ secretsDir, env: {}, cacheTtlMs: 60_000, now: () => now, plain: true });
    expect(secrets.getSecret("ROTATED_KEY")).toBe(first);
    writeFileSync(file, second);
    now += 59_999;
    expect(secrets.getSecret("ROTATED_KEY")).toBe(first);
    now += 1;
    expect(secrets.getSecret("ROTATED_KEY")).toBe(second);
    writeFileSync(file, first);
    secrets.clearCache();
    expect(secrets.getSecret("ROTATED_KEY")).toBe(first);
  });

  it("reads the source every time without a TTL", () => {
    const file = write("run-secrets/K", "one");
    const secrets = createSecrets({ secretsDir, env: {}, plain: true });
    expect(secrets.getSecret("K")).toBe("one");
    writeFileSync(file, "two");
    expect(secrets.getSecret("K")).toBe("two");
  });
});

describe("the CI-only fallback", () => {
  it("is consulted last, only in CI, and names its file when the secret is missing", () => {
    const value = canary("ci");
    const file = write("ci/test-secrets.env", `# test values\nexport API_KEY="${value}"\nEMPTY=\n`);
    const secrets = createSecrets({ secretsDir, env: { CI: "true" }, ciFallbackFile: file, plain: true });
    expect(secrets.getSecret("API_KEY")).toBe(value);
    expect(() => secrets.getSecret("EMPTY")).toThrow(`CI fallback file ${file} (empty)`);
    const real = canary("real");
    const preferred = createSecrets({ secretsDir, env: { CI: "true", API_KEY: real }, ciFallbackFile: file, plain: true });
    expect(preferred.getSecret("API_KEY")).toBe(real);
  });

  it("refuses to load when NODE_ENV=production or outside CI", () => {
    const file = write("ci/test-secrets.env", "API_KEY=x\n");
    expect(() => createSecrets({ env: { CI: "true", NODE_ENV: "production" }, ciFallbackFile: file })).toThrow(
      /not allowed when NODE_ENV=production/,
    );
    expect(() => createSecrets({ env: {}, ciFallbackFile: file })).toThrow(/only works in CI/);
    expect(() => createSecrets({ env: { CI: "false" }, ciFallbackFile: file })).toThrow(/only works in CI/);
    expect(() => createSecrets({ env: { CI: "1" }, ciFallbackFile: path.join(dir, "missing.env") })).toThrow(
      /cannot be read \(ENOENT\)/,
    );
  });
});

describe("wrapped values", () => {
  it("returns Secret objects unless plain strings are asked for", () => {
    const value = canary("wrap");
    const env = { API_KEY: value };
    const wrapped = createSecrets({ secretsDir, env }).getSecret("API_KEY");
    expect(wrapped).toBeInstanceOf(Secret);
    expect(wrapped.reveal()).toBe(value);
    expect(wrapped.name).toBe("API_KEY");
    expect(createSecrets({ secretsDir, env, plain: true }).getSecret("API_KEY")).toBe(value);
  });
});
