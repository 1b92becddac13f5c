/**
 * The shared `secrets` settings block: configured once, read by every rule of the ESLint
 * plugin (as `settings.secrets`) and by the scanner. Validation and defaults live here only,
 * so both tools agree on what a configuration means and reject the same mistakes.
 */
import path from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv";
import { classifySecretName, mayBeSecretName, type ClassifierOptions, type SecretNameVerdict } from "./classifier.js";
import { validate as generatedValidate } from "./generated/validate-settings.js";

/** The settings as a user writes them. Every key is optional. */
export interface SecretsSettingsInput {
  /** Names of the sanctioned accessor functions. Default `["getSecret", "getOptionalSecret"]` (secrets-runtime). */
  accessors?: string[];
  /** Globs (relative to the working directory) of files that implement the accessor. Default `[]`. */
  accessorFiles?: string[];
  /** Module that suggestions import the accessor from. Default `"secrets-runtime"`. */
  importFrom?: string;
  /** Extra head words that make a name secret. Default `[]`. */
  secretWords?: string[];
  /** Names (exact, or `*` globs) that are always secrets. Default `[]`. */
  alwaysSecret?: string[];
  /** Names (exact, or `*` globs) that are never secrets. Default `[]`. */
  ignoreNames?: string[];
  /**
   * Names of general-purpose environment accessors (`env("PORT")`): their calls with a static name
   * are environment reads, judged by the classifier like `process.env.PORT`. Default `[]`.
   */
  envAccessors?: string[];
}

/** The functions of `secrets-runtime` that return a secret's value. */
export const DEFAULT_ACCESSORS: readonly string[] = ["getSecret", "getOptionalSecret"];

/** The reference accessor package; suggestions import from it unless `importFrom` says otherwise. */
export const DEFAULT_IMPORT_FROM = "secrets-runtime";

const stringList = { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true } as const;

/** JSON schema of the settings block; unknown keys are errors, not silently ignored. */
export const secretsSettingsSchema = {
  $id: "https://eslint-plugin-secrets.dev/schemas/settings.json",
  title: "secrets settings",
  type: "object",
  additionalProperties: false,
  properties: {
    accessors: { ...stringList, minItems: 1, description: "Names of the sanctioned accessor functions." },
    accessorFiles: { ...stringList, description: "Globs of the files that implement the accessor." },
    importFrom: { type: "string", minLength: 1, description: "Module suggestions import the accessor from." },
    secretWords: { ...stringList, description: "Extra head words that make a name secret." },
    alwaysSecret: { ...stringList, description: "Names (or * globs) that are always secrets." },
    ignoreNames: { ...stringList, description: "Names (or * globs) that are never secrets." },
    envAccessors: {
      ...stringList,
      description: "Names of general-purpose environment accessors: their calls are environment reads, not secret reads.",
    },
  },
} as const;

export class SecretsConfigError extends Error {
  override readonly name = "SecretsConfigError";
}

/** Settings with defaults applied and the judgements they imply, ready to use. */
export interface ResolvedSecretsSettings {
  /**
   * The validated block these settings were resolved from: plain data, so the settings can be
   * handed to another thread and resolved there again.
   */
  readonly input: SecretsSettingsInput;
  readonly accessors: readonly string[];
  readonly accessorFiles: readonly string[];
  readonly importFrom: string;
  /** General-purpose environment accessors: a call with a static name is an environment read. */
  readonly envAccessors: readonly string[];
  readonly classifier: ClassifierOptions;
  /** Whether an environment variable name is a secret under these settings (memoised). */
  isSecretName(name: string): boolean;
  /** The classifier's full verdict, for messages and `explain`-style output. */
  classify(name: string): SecretNameVerdict;
}

/** Ajv's validator of `secretsSettingsSchema`, compiled ahead of time (scripts/validators.mjs). */
const validateSettings = generatedValidate as ValidateFunction<SecretsSettingsInput>;

function describeAjvError(error: ErrorObject, source: string): string {
  const where = `${source}${error.instancePath.replace(/\//g, ".")}`;
  if (error.keyword === "additionalProperties") {
    const extra = String((error.params as { additionalProperty?: string }).additionalProperty);
    const known = Object.keys(secretsSettingsSchema.properties).join(", ");
    return `${where} has unknown key "${extra}" (known keys: ${known})`;
  }
  return `${where} ${error.message ?? "is invalid"}`;
}

/** Turns a path into the POSIX path relative to `cwd` that globs are written against. */
export function toPosixRelative(filename: string, cwd: string): string {
  const relative = path.isAbsolute(filename) ? path.relative(cwd, filename) : path.normalize(filename);
  return relative.split(path.sep).join("/");
}

const resolvedCache = new WeakMap<object, ResolvedSecretsSettings>();

/**
 * Validates a settings block and applies defaults. `source` names where it came from in
 * error messages (`settings.secrets` in an ESLint config, a scanner config file).
 * Results are cached per input object, so rules can call this on every file for free.
 */
export function resolveSecretsSettings(input: unknown, source = "settings.secrets"): ResolvedSecretsSettings {
  if (input === undefined || input === null) return resolveValid({}, EMPTY_KEY);
  if (typeof input === "object") {
    const cached = resolvedCache.get(input);
    if (cached) return cached;
  }
  if (!validateSettings(input)) {
    const problems = (validateSettings.errors ?? []).map((error) => describeAjvError(error, source)).join("; ");
    throw new SecretsConfigError(`Invalid ${source}: ${problems}`);
  }
  checkAccessorKinds(input, source);
  return resolveValid(input, input);
}

const EMPTY_KEY = {};

/**
 * A function is either the sanctioned secret accessor (every call reads a secret, whatever the
 * name) or a general-purpose environment accessor (a call reads a secret only if the classifier
 * says so of its name), never both: the two judgements of `env("PORT")` contradict each other.
 */
function checkAccessorKinds(input: SecretsSettingsInput, source: string): void {
  const accessors = new Set(input.accessors ?? DEFAULT_ACCESSORS);
  const both = (input.envAccessors ?? []).filter((name) => accessors.has(name));
  if (both.length === 0) return;
  const names = both.map((name) => `"${name}"`).join(", ");
  throw new SecretsConfigError(
    `Invalid ${source}: ${names} is listed in both accessors and envAccessors. List a function that reads any configuration (env("PORT")) in envAccessors only, and the accessor that reads secrets in accessors only.`,
  );
}

function resolveValid(input: SecretsSettingsInput, cacheKey: object): ResolvedSecretsSettings {
  const cached = resolvedCache.get(cacheKey);
  if (cached) return cached;

  const classifier: ClassifierOptions = {
    secretWords: input.secretWords ?? [],
    alwaysSecret: input.alwaysSecret ?? [],
    ignoreNames: input.ignoreNames ?? [],
  };
  const accessorFiles = input.accessorFiles ?? [];
  const verdicts = new Map<string, SecretNameVerdict>();
  const classify = (name: string): SecretNameVerdict => {
    let verdict = verdicts.get(name);
    if (!verdict) {
      verdict = classifySecretName(name, classifier);
      verdicts.set(name, verdict);
    }
    return verdict;
  };

  const resolved: ResolvedSecretsSettings = {
    input,
    accessors: input.accessors ?? DEFAULT_ACCESSORS,
    accessorFiles,
    importFrom: input.importFrom ?? DEFAULT_IMPORT_FROM,
    envAccessors: input.envAccessors ?? [],
    classifier,
    classify,
    // most names a rule asks about hold no secret word: no need to split and remember them
    isSecretName: (name) => mayBeSecretName(name, classifier) && classify(name).secret,
  };
  resolvedCache.set(cacheKey, resolved);
  return resolved;
}
