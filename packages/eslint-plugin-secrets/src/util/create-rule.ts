import { ESLintUtils } from "@typescript-eslint/utils";

/** Where each rule's documentation lives; `meta.docs.url` points at its page. */
export const REPOSITORY_URL = "https://github.com/eslint-plugin-secrets/eslint-plugin-secrets";

/** Extra `meta.docs` keys of this plugin's rules. */
export interface SecretsRuleDocs {
  /** Rule is in the `recommended` config. */
  recommended?: boolean;
}

export const createRule = ESLintUtils.RuleCreator<SecretsRuleDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);
