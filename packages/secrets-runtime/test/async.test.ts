import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  createAsyncSecrets,
  dockerSecretsBackend,
  environmentBackend,
  fileVariableBackend,
  SecretNotFoundError,
  type SecretValidationError,
  type SecretBackend,
} from "../src/index.js";

const canary = (label: string): string => ["canary", label, Math.random().toString(36).slice(2, 10)].join("-");

/** What a Vault or AWS Secrets Manager adapter looks like: an in-memory store standing in for the network. */
function storeBackend(store: Map<string, string>, calls: string[] = []): SecretBackend {
  return {
    describe: (name) => `store secret ${name}`,
    get: async (name) => {
      calls.push(name);
      return store.get(name);
    },
  };
}

describe("createAsyncSecrets", () => {
  it("consults backends in order; the first that has the secret wins", async () => {
    const value = canary("store");
    const secrets = createAsyncSecrets({
      backends: [environmentBackend({}), storeBackend(new Map([["API_KEY", value]]))],
      plain: true,
    });
    expect(await secrets.getSecret("API_KEY")).toBe(value);
  });

  it("defaults to the contract's sources: Docker file, NAME_FILE, environment", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "secrets-async-"));
    const value = canary("docker");
    writeFileSync(path.join(dir, "DB_PASSWORD"), `${value}\n`);
    const env = { TOKEN_FILE: path.join(dir, "token"), PLAIN: canary("env") };
    writeFileSync(env.TOKEN_FILE, canary("token"));
    const secrets = createAsyncSecrets({
      backends: [dockerSecretsBackend({ secretsDir: dir }), fileVariableBackend(env), environmentBackend(env)],
      plain: true,
    });
    expect(await secrets.getSecret("DB_PASSWORD")).toBe(value);
    expect(await secrets.hasSecret("TOKEN")).toBe(true);
    expect(await secrets.getSecret("PLAIN")).toBe(env.PLAIN);
    expect(await secrets.getOptionalSecret("NOPE")).toBeUndefined();
  });

  it("fails with every backend named, and validates all at once", async () => {
    const secrets = createAsyncSecrets({ backends: [environmentBackend({}), storeBackend(new Map())] });
    const error = await secrets.getSecret("JWT_SECRET").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SecretNotFoundError);
    expect((error as SecretNotFoundError).looked).toEqual([
      { source: "environment variable JWT_SECRET", outcome: "not found" },
      { source: "store secret JWT_SECRET", outcome: "not found" },
    ]);
    const validation = await secrets.validateSecrets({ required: ["A", "B"] }).catch((caught: unknown) => caught);
    expect((validation as SecretValidationError).missing).toEqual(["A", "B"]);
  });

  it("caches per TTL so a network store is not asked on every call", async () => {
    let now = 0;
    const calls: string[] = [];
    const secrets = createAsyncSecrets({
      backends: [storeBackend(new Map([["K", canary("k")]]), calls)],
      cacheTtlMs: 1000,
      now: () => now,
    });
    await secrets.getSecret("K");
    await secrets.getSecret("K");
    expect(calls).toEqual(["K"]);
    now = 1000;
    await secrets.getSecret("K");
    expect(calls).toEqual(["K", "K"]);
  });
});
