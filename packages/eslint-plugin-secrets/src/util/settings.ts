import { resolveSecretsSettings, type ResolvedSecretsSettings } from "@secrets-suite/core";
import type { TSESLint } from "@typescript-eslint/utils";

/**
 * The shared `settings.secrets` block, validated and with defaults applied. A malformed block
 * throws, and ESLint shows the message with the rule that read it: a silent misconfiguration
 * would switch the rules off without anyone noticing.
 */
export function getSecretsSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): ResolvedSecretsSettings {
  const settings = context.settings as { secrets?: unknown };
  return resolveSecretsSettings(settings.secrets, "settings.secrets");
}

/** The last answer of isInAccessorFile: several rules ask about the same file in a row. */
let lastAccessorFileAnswer: { filename: string; cwd: string; settings: ResolvedSecretsSettings; answer: boolean } | undefined;

/** Whether the file being linted implements the accessor and may read the environment. */
export function isInAccessorFile(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  settings: ResolvedSecretsSettings,
): boolean {
  const { filename, cwd } = context;
  const last = lastAccessorFileAnswer;
  if (last && last.filename === filename && last.cwd === cwd && last.settings === settings) return last.answer;
  const answer = settings.isAccessorFile(filename, cwd);
  lastAccessorFileAnswer = { filename, cwd, settings, answer };
  return answer;
}
