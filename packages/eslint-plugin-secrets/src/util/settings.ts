import { resolveSecretsSettings, type ResolvedSecretsSettings } from "@secrets-suite/core";
import type { TSESLint } from "@typescript-eslint/utils";
import { fileMatchesGlobs } from "./globs.js";

/**
 * The shared `settings.secrets` block, validated and with defaults applied. A malformed block
 * throws, and ESLint shows the message with the rule that read it: a silent misconfiguration
 * would switch the rules off without anyone noticing.
 */
export function getSecretsSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): ResolvedSecretsSettings {
  const settings = context.settings as { secrets?: unknown };
  return resolveSecretsSettings(settings.secrets, "settings.secrets");
}

/** Whether the file being linted implements the accessor and may read the environment. */
export function isInAccessorFile(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  settings: ResolvedSecretsSettings,
): boolean {
  return fileMatchesGlobs(context, settings.accessorFiles);
}
