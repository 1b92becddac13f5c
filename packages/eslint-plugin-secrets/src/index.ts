import { createRequire } from "node:module";
import type { TSESLint } from "@typescript-eslint/utils";
import type { ESLint, Linter } from "eslint";
import literalSecretName from "./rules/literal-secret-name.js";
import noBareEnvSecret from "./rules/no-bare-env-secret.js";
import noSecretFallback from "./rules/no-secret-fallback.js";

const { name, version } = createRequire(import.meta.url)("../package.json") as { name: string; version: string };

export const rules = {
  "literal-secret-name": literalSecretName,
  "no-bare-env-secret": noBareEnvSecret,
  "no-secret-fallback": noSecretFallback,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

type RuleName = keyof typeof rules;
type RuleEntry = Linter.RuleEntry;

const recommendedRules: Record<`secrets/${RuleName}`, RuleEntry> = {
  "secrets/literal-secret-name": "error",
  "secrets/no-bare-env-secret": "error",
  "secrets/no-secret-fallback": "error",
};

/** `strict` also forbids handing the whole environment, secrets included, to a child process. */
const strictRules: Record<`secrets/${RuleName}`, RuleEntry> = {
  ...recommendedRules,
  "secrets/no-bare-env-secret": ["error", { allowChildProcessEnv: false }],
};

/** Typed with ESLint's own types, so that `defineConfig(secrets.configs.recommended)` type-checks. */
interface SecretsPlugin {
  meta: { name: string; version: string };
  rules: typeof rules;
  configs: { recommended: Linter.Config; strict: Linter.Config };
}

const plugin: SecretsPlugin = {
  meta: { name, version },
  rules,
  configs: {} as SecretsPlugin["configs"],
};

plugin.configs.recommended = {
  name: "secrets/recommended",
  plugins: { secrets: plugin as unknown as ESLint.Plugin },
  rules: recommendedRules,
};
plugin.configs.strict = {
  name: "secrets/strict",
  plugins: { secrets: plugin as unknown as ESLint.Plugin },
  rules: strictRules,
};

export const configs = plugin.configs;
export const meta = plugin.meta;
export default plugin;

/**
 * The `secrets` block of the repository's `secret-scanner.config.json` (or package.json's
 * `secretScanner` key), so that ESLint and the scanner are configured from one place:
 * `settings: { secrets: sharedSecretsSettings(import.meta.dirname) }`.
 */
export { sharedSecretsSettings } from "@secrets-suite/core";
