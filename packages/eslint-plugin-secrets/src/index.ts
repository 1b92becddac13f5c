import { createRequire } from "node:module";
import type { TSESLint } from "@typescript-eslint/utils";
import type { ESLint, Linter } from "eslint";
import literalSecretName from "./rules/literal-secret-name.js";
import noBareEnvSecret from "./rules/no-bare-env-secret.js";
import noEnvFileLoading from "./rules/no-env-file-loading.js";
import noHardcodedSecret from "./rules/no-hardcoded-secret.js";
import noPublicEnvSecret from "./rules/no-public-env-secret.js";
import noSecretFallback from "./rules/no-secret-fallback.js";
import noSecretLogging from "./rules/no-secret-logging.js";

const { name, version } = createRequire(import.meta.url)("../package.json") as { name: string; version: string };

export const rules = {
  "literal-secret-name": literalSecretName,
  "no-bare-env-secret": noBareEnvSecret,
  "no-env-file-loading": noEnvFileLoading,
  "no-hardcoded-secret": noHardcodedSecret,
  "no-public-env-secret": noPublicEnvSecret,
  "no-secret-fallback": noSecretFallback,
  "no-secret-logging": noSecretLogging,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

type RuleName = keyof typeof rules;
type RuleEntry = Linter.RuleEntry;

/** Every rule: each is precise enough to be an error by default (see each rule's page for why). */
const recommendedRules: Record<`secrets/${RuleName}`, RuleEntry> = {
  "secrets/literal-secret-name": "error",
  "secrets/no-bare-env-secret": "error",
  "secrets/no-env-file-loading": "error",
  "secrets/no-hardcoded-secret": "error",
  "secrets/no-public-env-secret": "error",
  "secrets/no-secret-fallback": "error",
  "secrets/no-secret-logging": "error",
};

/**
 * `strict` also forbids handing the whole environment, secrets included, to a child process,
 * checks values assigned to secret names in test files too, and reports a secret put into a
 * string before any check that it is set.
 */
const strictRules: Record<`secrets/${RuleName}`, RuleEntry> = {
  ...recommendedRules,
  "secrets/no-bare-env-secret": ["error", { allowChildProcessEnv: false, ignoreTestFiles: false }],
  "secrets/no-hardcoded-secret": ["error", { ignoreTestFiles: false }],
  "secrets/no-secret-fallback": ["error", { checkInterpolation: true, ignoreTestFiles: false }],
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
