/**
 * Where each check's user documentation lives: `docs/scanner/<ruleId>.md`, under the project's one
 * base URL (core's `docsUrl`, which the ESLint plugin's rule links use too).
 */
import { docsUrl } from "@secrets-suite/core";
import type { RuleId } from "../model.js";

/** The folder of the scanner's documentation pages. */
export const SCANNER_DOCS_URL = docsUrl("scanner/");

export function checkDocsUrl(ruleId: RuleId): string {
  return docsUrl(`scanner/${ruleId}.md`);
}
