/**
 * The JSON schema of `secret-scanner.config.json` (and of package.json's `secretScanner` key).
 * `schema.json` at the package root is this object, written by `pnpm --filter @secrets-suite/secret-scanner
 * run schema`; a test fails when the two drift apart.
 */
import { secretsSettingsSchema } from "@secrets-suite/core";
import type { ConfigurableRuleId } from "../model.js";

/** The checks `check` runs. */
export const CHECK_IDS: readonly ConfigurableRuleId[] = [
  "undeclared-in-compose",
  "undeclared-in-env-example",
  "unused-compose-secret",
  "unused-env-example-key",
  "name-mismatch",
  "service-not-granted",
  "granted-but-unused",
  "dynamic-secret-name",
  "parse-error",
];

/** The checks `audit` runs besides those (docs/scanner/audit.md). */
export const AUDIT_ONLY_IDS: readonly ConfigurableRuleId[] = [
  "bare-env-secret",
  "secret-fallback",
  "hardcoded-secret",
  "secret-in-compose-environment",
  "compose-secret-fallback",
  "committed-secret-file",
  "gitignore-missing-pattern",
  "env-example-real-value",
];

/** Every check a configuration can set the severity of. */
export const RULE_IDS: readonly ConfigurableRuleId[] = [...CHECK_IDS, ...AUDIT_ONLY_IDS];

const globList = { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true } as const;
const { $id: _settingsId, title: _settingsTitle, ...sharedSettings } = secretsSettingsSchema;

export const configSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://eslint-plugin-secrets.dev/schemas/secret-scanner.config.json",
  title: "secret-scanner configuration",
  type: "object",
  additionalProperties: false,
  properties: {
    $schema: { type: "string" },
    secrets: {
      ...sharedSettings,
      description: "The shared settings block, the same as ESLint's settings.secrets.",
    },
    compose: { ...globList, description: "Extra globs of compose files, besides the standard names." },
    envExamples: {
      ...globList,
      description:
        "Globs of env example files; replaces the default names (.env.example, .env.sample, .env.template, .env.dist, env.example, example.env, .env.local.example, api.env.example and the like).",
    },
    ignore: { ...globList, description: "Globs of files and directories not to scan, besides .gitignore and node_modules." },
    services: {
      type: "object",
      description: "Compose service name → globs of its code, where build contexts cannot tell.",
      additionalProperties: globList,
    },
    lowercaseComposeNames: {
      type: "boolean",
      description: "Accept a lowercase compose secret (db_password) for the uppercase name code reads (DB_PASSWORD).",
    },
    rules: {
      type: "object",
      description: "Severity per check: error, warning or off.",
      additionalProperties: false,
      properties: Object.fromEntries(RULE_IDS.map((id) => [id, { enum: ["error", "warning", "off"] }])),
    },
  },
} as const;
