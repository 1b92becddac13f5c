/**
 * The synchronous accessor: `getSecret`, `getOptionalSecret`, `hasSecret`, `validateSecrets`.
 * No defaults, no `.env` loading: a missing required secret throws at once with a message that
 * names it, every place looked and how to provide it.
 */
import { TtlCache } from "./cache.js";
import { loadCiFallback, type CiFallback } from "./ci-fallback.js";
import { SecretNotFoundError, SecretValidationError, type SourceReport } from "./errors.js";
import { Secret } from "./secret.js";
import {
  assertValidName,
  howToProvide,
  lookupDockerSecret,
  lookupEnvironment,
  lookupFileVariable,
  type Environment,
  type Lookup,
  type SecretFileNames,
} from "./sources.js";

export interface SecretsOptions {
  /** Directory of Docker secret files. Default `/run/secrets`. */
  readonly secretsDir?: string;
  /** `lowercase` reads `/run/secrets/db_password` for `DB_PASSWORD`. Default `exact`. */
  readonly fileNames?: SecretFileNames;
  /** The environment to read. Default `process.env` (read at each call, not copied). */
  readonly env?: Environment;
  /** Keep values this long in memory; 0 (default) reads the sources on every call. */
  readonly cacheTtlMs?: number;
  /**
   * CI only: a KEY=VALUE file consulted after every other source. Refused when NODE_ENV is
   * production and when the CI variable is not set. See docs/runtime.md.
   */
  readonly ciFallbackFile?: string;
  /** Return plain strings instead of `Secret` wrappers, for code that cannot change yet. */
  readonly plain?: boolean;
  /** Clock for the cache (tests). */
  readonly now?: () => number;
}

export type SecretStatus = "present" | "missing";

export interface SecretsSpec {
  readonly required?: readonly string[];
  readonly optional?: readonly string[];
}

export interface Secrets<V> {
  /** The secret, or a `SecretNotFoundError` naming every source looked at. */
  getSecret(name: string): V;
  /** The secret, or `undefined` when it is missing: for optional features only. */
  getOptionalSecret(name: string): V | undefined;
  /** Whether the secret is available (check before using an optional feature). */
  hasSecret(name: string): boolean;
  /**
   * Checks every listed secret at once, at start-up. Throws one `SecretValidationError` listing
   * every missing required secret; otherwise returns names with "present" or "missing" only.
   */
  validateSecrets(spec: SecretsSpec): Record<string, SecretStatus>;
  /** Forgets cached values (after a rotation). */
  clearCache(): void;
}

export const DEFAULT_SECRETS_DIR = "/run/secrets";

export function createSecrets(options: SecretsOptions & { readonly plain: true }): Secrets<string>;
export function createSecrets(options?: SecretsOptions & { readonly plain?: false }): Secrets<Secret>;
export function createSecrets(options: SecretsOptions = {}): Secrets<Secret> | Secrets<string> {
  const directory = options.secretsDir ?? DEFAULT_SECRETS_DIR;
  const fileNames = options.fileNames ?? "exact";
  const environment = (): Environment => options.env ?? process.env;
  const cache = new TtlCache<string>(options.cacheTtlMs ?? 0, options.now ?? Date.now);
  // Loaded (and refused) when the accessor is created, so a misconfiguration fails at start-up.
  const ciFallback: CiFallback | undefined =
    options.ciFallbackFile !== undefined ? loadCiFallback(options.ciFallbackFile, environment()) : undefined;

  /** The value, or the reports of every source that did not have it. */
  const resolve = (name: string): { value: string } | { looked: SourceReport[] } => {
    assertValidName(name);
    const cached = cache.get(name);
    if (cached !== undefined) return { value: cached };
    const env = environment();
    const lookups: (() => Lookup)[] = [
      () => lookupDockerSecret(name, directory, fileNames),
      () => lookupFileVariable(name, env),
      () => lookupEnvironment(name, env),
    ];
    if (ciFallback) lookups.push(() => ciFallback.lookup(name));
    const looked: SourceReport[] = [];
    for (const lookup of lookups) {
      const result = lookup();
      if ("value" in result) {
        cache.set(name, result.value);
        return { value: result.value };
      }
      looked.push(result.report);
    }
    return { looked };
  };

  const wrap = (name: string, value: string): Secret | string => (options.plain ? value : new Secret(name, value));
  const notFound = (name: string, looked: SourceReport[]): SecretNotFoundError =>
    new SecretNotFoundError(name, looked, howToProvide(name, directory, fileNames));

  const secrets: Secrets<Secret | string> = {
    getSecret(name) {
      const result = resolve(name);
      if ("value" in result) return wrap(name, result.value);
      throw notFound(name, result.looked);
    },
    getOptionalSecret(name) {
      const result = resolve(name);
      return "value" in result ? wrap(name, result.value) : undefined;
    },
    hasSecret(name) {
      return "value" in resolve(name);
    },
    validateSecrets(spec) {
      const status: Record<string, SecretStatus> = {};
      const missing: SecretNotFoundError[] = [];
      for (const name of spec.required ?? []) {
        const result = resolve(name);
        status[name] = "value" in result ? "present" : "missing";
        if (!("value" in result)) missing.push(notFound(name, result.looked));
      }
      for (const name of spec.optional ?? []) status[name] = "value" in resolve(name) ? "present" : "missing";
      if (missing.length > 0) throw new SecretValidationError(missing);
      return status;
    },
    clearCache() {
      cache.clear();
    },
  };
  return secrets as Secrets<Secret> | Secrets<string>;
}
