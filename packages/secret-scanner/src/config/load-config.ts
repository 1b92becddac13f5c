/**
 * Loads and validates the scanner's configuration. Zero configuration is the normal case: an
 * ordinary repository needs no file at all.
 */
import {
  loadConfigFile,
  resolveSecretsSettings,
  SecretsConfigError,
  type ResolvedSecretsSettings,
} from "@secrets-suite/core";
import type { ErrorObject, ValidateFunction } from "ajv";
import { validate as generatedValidate } from "../generated/validate-config.js";
import type { ConfigurableRuleId, Severity } from "../model.js";
import { RULE_IDS } from "./schema.js";

export type RuleSetting = Severity | "off";

export interface ScannerConfig {
  /** The file the configuration came from, if any. */
  readonly source: string | undefined;
  readonly settings: ResolvedSecretsSettings;
  readonly composeGlobs: readonly string[];
  /** The configured `envExamples` globs; undefined for the default names (discovery/env-example-names.ts). */
  readonly envExampleGlobs: readonly string[] | undefined;
  readonly ignore: readonly string[];
  readonly services: Readonly<Record<string, readonly string[]>>;
  readonly lowercaseComposeNames: boolean;
  readonly rules: Readonly<Record<ConfigurableRuleId, RuleSetting>>;
}

export const DEFAULT_SEVERITIES: Readonly<Record<ConfigurableRuleId, Severity>> = {
  "undeclared-in-compose": "error",
  "undeclared-in-env-example": "error",
  "unused-compose-secret": "error",
  "unused-env-example-key": "warning",
  "name-mismatch": "error",
  "service-not-granted": "error",
  "granted-but-unused": "warning",
  "dynamic-secret-name": "error",
  "parse-error": "error",
  // `audit` only: see docs/scanner/audit.md for why each severity
  "bare-env-secret": "error",
  "secret-fallback": "error",
  "hardcoded-secret": "error",
  "secret-in-compose-environment": "error",
  "compose-secret-fallback": "error",
  "committed-secret-file": "error",
  "gitignore-missing-pattern": "warning",
  "env-example-real-value": "error",
};

interface ConfigInput {
  secrets?: unknown;
  compose?: string[];
  envExamples?: string[];
  ignore?: string[];
  services?: Record<string, string[]>;
  lowercaseComposeNames?: boolean;
  rules?: Partial<Record<ConfigurableRuleId, RuleSetting>>;
}

/** Ajv's validator of `configSchema` (schema.ts), compiled ahead of time (scripts/validators.mjs). */
const validate = generatedValidate as ValidateFunction<ConfigInput>;

function describe(error: ErrorObject): string {
  const where = error.instancePath === "" ? "the configuration" : error.instancePath.slice(1).replace(/\//g, ".");
  if (error.keyword === "additionalProperties") {
    return `${where} has unknown key "${String((error.params as { additionalProperty?: string }).additionalProperty)}"`;
  }
  if (error.keyword === "enum") {
    return `${where} must be one of ${((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(", ")}`;
  }
  return `${where} ${error.message ?? "is invalid"}`;
}

/** Loads the configuration of `root`; throws `SecretsConfigError` with one line per problem. */
export function loadScannerConfig(root: string, explicitFile?: string): ScannerConfig {
  const loaded = loadConfigFile(root, explicitFile);
  const input = loaded?.value ?? {};
  if (!validate(input)) {
    const problems = (validate.errors ?? []).map(describe).join("; ");
    throw new SecretsConfigError(`${loaded?.location ?? "configuration"}: ${problems}`);
  }
  const rules = { ...DEFAULT_SEVERITIES } as Record<ConfigurableRuleId, RuleSetting>;
  for (const id of RULE_IDS) {
    const setting = input.rules?.[id];
    if (setting !== undefined) rules[id] = setting;
  }
  return {
    source: loaded?.location,
    settings: resolveSecretsSettings(input.secrets ?? {}, `${loaded?.location ?? "configuration"} "secrets"`),
    composeGlobs: input.compose ?? [],
    envExampleGlobs: input.envExamples,
    ignore: input.ignore ?? [],
    services: input.services ?? {},
    lowercaseComposeNames: input.lowercaseComposeNames ?? false,
    rules,
  };
}

export { SecretsConfigError };
