/**
 * Where the project lives. One base URL for every link the tools print or write: the plugin's
 * `meta.docs.url` of each rule, the scanner's documentation links (SARIF `helpUri`, JUnit) and
 * where bugs are reported.
 */
export const REPOSITORY_URL = "https://github.com/eslint-plugin-secrets/eslint-plugin-secrets";

/** The documentation page at `page`, relative to `docs/` (`rules/no-bare-env-secret.md`). */
export function docsUrl(page: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/${page}`;
}

/** Where users report a bug of the tools. */
export const ISSUES_URL = `${REPOSITORY_URL}/issues`;
