import { docsUrl } from "@secrets-suite/core";
import { ESLintUtils, type TSESLint } from "@typescript-eslint/utils";

/** Extra `meta.docs` keys of this plugin's rules. */
export interface SecretsRuleDocs {
  /** Rule is in the `recommended` config. */
  recommended?: boolean;
}

/** `meta.docs.url` of each rule: its page under docs/rules/. */
const createRuleWithDocs = ESLintUtils.RuleCreator<SecretsRuleDocs>((name) => docsUrl(`rules/${name}.md`));

/** Distinct option sets a rule keeps with defaults applied (a config rarely has more than a few). */
const CACHED_OPTION_SETS = 16;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Whether two option values are equal. Options are JSON values (ESLint validated them against the
 * schema), so plain structural equality will do, and it is much cheaper than `isDeepStrictEqual`,
 * which this runs for every rule on every file.
 */
function sameOptions(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, index) => sameOptions(item, b[index]));
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameOptions((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * `ESLintUtils.RuleCreator` (documentation URL, defaults applied to the options), except that the
 * defaults are applied once per distinct set of options instead of on every file: RuleCreator
 * deep-clones the defaults (`structuredClone`) and merges them for every rule on every file, which
 * costs more than most of what our rules do per file. The options handed to `create` are
 * therefore shared between files, and frozen so that no rule can change them for the next file.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, SecretsRuleDocs>>,
): TSESLint.RuleModule<MessageIds, Options, SecretsRuleDocs> & { name: string } {
  const created = createRuleWithDocs(rule);
  // the defaults RuleCreator applies (`meta.defaultOptions`, which ESLint and the docs read too)
  const defaults = (rule.meta.defaultOptions ?? []) as Readonly<Options>;
  const applied: Array<{ readonly input: readonly unknown[]; readonly options: Options }> = [];
  return {
    ...created,
    create(context) {
      // ESLint hands each file a fresh copy of the options: compare them, most recent set first
      const input = context.options;
      const index = applied.findIndex((candidate) => sameOptions(candidate.input, input));
      let entry = applied[index];
      if (!entry) {
        entry = { input, options: deepFreeze(ESLintUtils.applyDefault(defaults, input)) };
        applied.unshift(entry);
        if (applied.length > CACHED_OPTION_SETS) applied.pop();
      } else if (index > 0) {
        applied.splice(index, 1);
        applied.unshift(entry);
      }
      return rule.create(context, entry.options);
    },
  };
}
