/**
 * `bare-env-secret` and `secret-fallback`: the ESLint rules `secrets/no-bare-env-secret` and
 * `secrets/no-secret-fallback` themselves, run through ESLint's `Linter` on the repository's code
 * files, so that an audit needs no ESLint set-up in the audited repository and the two tools can
 * never disagree (one implementation). TypeScript files are parsed with `@typescript-eslint/parser`,
 * JavaScript with ESLint's own parser (espree, JSX on). The repository's settings block
 * (`secrets` in the scanner's configuration) is the rules' `settings.secrets`; `eslint-disable`
 * comments in the files are honoured as in an ESLint run.
 *
 * ESLint and the parser are loaded only when a file needs linting, so `check` never pays for them.
 */
import path from "node:path";
import type { ResolvedSecretsSettings } from "@secrets-suite/core";
import type { ESLint, Linter } from "eslint";
import type { InputProblem, Position } from "../model.js";

/** Each plugin rule the audit runs, and the audit check it reports under. */
export const LINTED_RULES = {
  "secrets/no-bare-env-secret": "bare-env-secret",
  "secrets/no-secret-fallback": "secret-fallback",
} as const;

type LintedRule = keyof typeof LINTED_RULES;

export interface LintHit {
  readonly ruleId: (typeof LINTED_RULES)[LintedRule];
  readonly position: Position;
  readonly secret?: string;
  /** The rule's own message: names and fixed text, never a value. */
  readonly message: string;
}

/** What linting one file gave. */
export type FileLint =
  | { readonly hits: readonly LintHit[] }
  /** ESLint's parser could not parse the file (position only: a parser's message may quote the code). */
  | { readonly parseFailure: { readonly line: number; readonly column: number } }
  /** A rule threw: a bug of ours, reported as `internal-error`. */
  | { readonly crash: InputProblem };

export interface CodeLinter {
  lint(file: string, text: string): FileLint;
}

function isLintedRule(ruleId: string | null): ruleId is LintedRule {
  return ruleId !== null && Object.hasOwn(LINTED_RULES, ruleId);
}

/** The name a message is about: every message of the two rules that names one starts with `Secret 'NAME'`. */
function secretOf(message: string): string | undefined {
  return /^Secret '([^']+)'/.exec(message)?.[1];
}

/** ESLint appends `Rule: "id"` to the error a rule throws. */
function crashedRule(error: unknown): string {
  const message = error instanceof Error ? error.message : "";
  return /\nRule: "([^"]+)"/.exec(message)?.[1] ?? "an ESLint rule";
}

/**
 * A linter for the files under `root` (the working directory the rules' globs, such as
 * `accessorFiles`, are relative to).
 */
export async function createCodeLinter(root: string, settings: ResolvedSecretsSettings): Promise<CodeLinter> {
  const [{ Linter: LinterClass }, tsParser, plugin] = await Promise.all([
    import("eslint"),
    import("@typescript-eslint/parser"),
    import("eslint-plugin-secrets"),
  ]);
  const linter = new LinterClass({ cwd: root, configType: "flat" });
  const rules: Linter.RulesRecord = {};
  for (const rule of Object.keys(LINTED_RULES)) {
    // the recommended configuration's setting of each rule (its options included)
    rules[rule] = plugin.configs.recommended.rules?.[rule] ?? "error";
  }
  const config: Linter.Config[] = [
    {
      files: ["**/*.js", "**/*.jsx", "**/*.mjs", "**/*.cjs"],
      languageOptions: { ecmaVersion: "latest", parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    { files: ["**/*.cjs"], languageOptions: { sourceType: "commonjs" } },
    { files: ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"], languageOptions: { parser: tsParser as Linter.Parser } },
    {
      plugins: { secrets: plugin.default as unknown as ESLint.Plugin },
      rules,
      settings: { secrets: settings.input },
      // the audited repository's own `eslint-disable` comments name rules we do not load
      linterOptions: { reportUnusedDisableDirectives: "off", reportUnusedInlineConfigs: "off" },
    },
  ];

  return {
    lint(file, text) {
      let messages: Linter.LintMessage[];
      try {
        messages = linter.verify(text, config, { filename: path.join(root, file) });
      } catch (error) {
        // the error's text is not shown: ESLint adds the source line to some
        return { crash: { file, message: `${crashedRule(error)} crashed (${error instanceof Error ? error.name : "error"})`, internal: true } };
      }
      const fatal = messages.find((message) => message.fatal === true);
      if (fatal) return { parseFailure: { line: fatal.line, column: fatal.column } };
      const hits: LintHit[] = [];
      for (const message of messages) {
        if (!isLintedRule(message.ruleId)) continue; // e.g. "Definition for rule 'x' was not found" from an inline comment
        const secret = secretOf(message.message);
        hits.push({
          ruleId: LINTED_RULES[message.ruleId],
          position: { file, line: message.line, column: message.column },
          ...(secret !== undefined ? { secret } : {}),
          message: message.message,
        });
      }
      return { hits };
    },
  };
}
