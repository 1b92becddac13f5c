/**
 * The asynchronous accessor, for secret stores behind a network (Vault, AWS Secrets Manager).
 * A backend is any object with `get(name)`; the default backends are the contract's three
 * sources, so `createAsyncSecrets()` behaves like the synchronous accessor.
 */
import { TtlCache } from "./cache.js";
import { DEFAULT_SECRETS_DIR, type SecretStatus, type SecretsSpec } from "./accessor.js";
import { SecretNotFoundError, SecretValidationError, type SourceReport } from "./errors.js";
import { Secret } from "./secret.js";
import {
  assertValidName,
  lookupDockerSecret,
  lookupEnvironment,
  lookupFileVariable,
  type Environment,
  type Lookup,
  type SecretFileNames,
} from "./sources.js";

/** A place secrets are read from. `get` resolves to `undefined` when it does not hold the secret. */
export interface SecretBackend {
  /** Where it looks, for error messages: `"Vault kv/data/payments"`. Never a value. */
  describe(name: string): string;
  get(name: string): Promise<string | undefined>;
}

function fromLookup(describe: (name: string) => string, lookup: (name: string) => Lookup): SecretBackend {
  return {
    describe,
    async get(name) {
      const result = lookup(name);
      return "value" in result ? result.value : undefined;
    },
  };
}

export function dockerSecretsBackend(options: { secretsDir?: string; fileNames?: SecretFileNames } = {}): SecretBackend {
  const directory = options.secretsDir ?? DEFAULT_SECRETS_DIR;
  const fileNames = options.fileNames ?? "exact";
  return fromLookup(
    (name) => `Docker secret file in ${directory}${fileNames === "lowercase" ? ` (as ${name.toLowerCase()})` : ""}`,
    (name) => lookupDockerSecret(name, directory, fileNames),
  );
}

export function fileVariableBackend(env: Environment = process.env): SecretBackend {
  return fromLookup((name) => `file named by ${name}_FILE`, (name) => lookupFileVariable(name, env));
}

export function environmentBackend(env: Environment = process.env): SecretBackend {
  return fromLookup((name) => `environment variable ${name}`, (name) => lookupEnvironment(name, env));
}

export interface AsyncSecretsOptions {
  /** Consulted in order; the first that has the secret wins. Default: Docker file, NAME_FILE, environment. */
  readonly backends?: readonly SecretBackend[];
  readonly cacheTtlMs?: number;
  readonly plain?: boolean;
  readonly now?: () => number;
}

export interface AsyncSecrets<V> {
  getSecret(name: string): Promise<V>;
  getOptionalSecret(name: string): Promise<V | undefined>;
  hasSecret(name: string): Promise<boolean>;
  validateSecrets(spec: SecretsSpec): Promise<Record<string, SecretStatus>>;
  clearCache(): void;
}

export function createAsyncSecrets(options: AsyncSecretsOptions & { readonly plain: true }): AsyncSecrets<string>;
export function createAsyncSecrets(options?: AsyncSecretsOptions & { readonly plain?: false }): AsyncSecrets<Secret>;
export function createAsyncSecrets(options: AsyncSecretsOptions = {}): AsyncSecrets<Secret> | AsyncSecrets<string> {
  const backends = options.backends ?? [dockerSecretsBackend(), fileVariableBackend(), environmentBackend()];
  const cache = new TtlCache<string>(options.cacheTtlMs ?? 0, options.now ?? Date.now);

  const resolve = async (name: string): Promise<{ value: string } | { looked: SourceReport[] }> => {
    assertValidName(name);
    const cached = cache.get(name);
    if (cached !== undefined) return { value: cached };
    const looked: SourceReport[] = [];
    for (const backend of backends) {
      let value: string | undefined;
      try {
        value = await backend.get(name);
      } catch (error) {
        // a backend's own message may quote what it received; keep only its kind
        const kind = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.name) : typeof error;
        looked.push({ source: backend.describe(name), outcome: `failed (${kind})` });
        continue;
      }
      if (value !== undefined && value !== "") {
        cache.set(name, value);
        return { value };
      }
      looked.push({ source: backend.describe(name), outcome: value === "" ? "empty" : "not found" });
    }
    return { looked };
  };

  const wrap = (name: string, value: string): Secret | string => (options.plain ? value : new Secret(name, value));
  const howTo = (name: string): string => `Provide ${name} in one of these sources.`;

  const secrets: AsyncSecrets<Secret | string> = {
    async getSecret(name) {
      const result = await resolve(name);
      if ("value" in result) return wrap(name, result.value);
      throw new SecretNotFoundError(name, result.looked, howTo(name));
    },
    async getOptionalSecret(name) {
      const result = await resolve(name);
      return "value" in result ? wrap(name, result.value) : undefined;
    },
    async hasSecret(name) {
      return "value" in (await resolve(name));
    },
    async validateSecrets(spec) {
      const status: Record<string, SecretStatus> = {};
      const missing: SecretNotFoundError[] = [];
      for (const name of spec.required ?? []) {
        const result = await resolve(name);
        status[name] = "value" in result ? "present" : "missing";
        if (!("value" in result)) missing.push(new SecretNotFoundError(name, result.looked, howTo(name)));
      }
      for (const name of spec.optional ?? []) status[name] = "value" in (await resolve(name)) ? "present" : "missing";
      if (missing.length > 0) throw new SecretValidationError(missing);
      return status;
    },
    clearCache() {
      cache.clear();
    },
  };
  return secrets as AsyncSecrets<Secret> | AsyncSecrets<string>;
}
