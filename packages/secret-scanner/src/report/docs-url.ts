/**
 * Where each check's user documentation lives: `docs/scanner/<ruleId>.md` of the repository, the
 * layout the ESLint plugin's rule docs follow too (`docs/rules/<name>.md`, create-rule.ts).
 */
import type { RuleId } from "../model.js";

const REPOSITORY_URL = "https://github.com/eslint-plugin-secrets/eslint-plugin-secrets";

/** One base for every link to the scanner's docs. */
export const SCANNER_DOCS_URL = `${REPOSITORY_URL}/blob/main/docs/scanner/`;

export function checkDocsUrl(ruleId: RuleId): string {
  return `${SCANNER_DOCS_URL}${ruleId}.md`;
}
