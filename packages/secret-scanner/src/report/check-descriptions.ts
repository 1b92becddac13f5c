/**
 * What each check is, for the reports that describe their rules (SARIF's `tool.driver.rules`,
 * JUnit's suites): a short line, the first paragraph of the check's page under docs/scanner/ (a
 * test keeps the two equal), and the address of that page.
 */
import type { ConfigurableRuleId, Finding, RuleId } from "../model.js";
import { checkDocsUrl } from "./docs-url.js";

export interface CheckDescription {
  readonly id: RuleId;
  readonly shortDescription: string;
  /** The first paragraph of the check's documentation page, as Markdown. */
  readonly fullDescription: string;
  readonly helpUri: string;
}

/**
 * The checks a report describes, in the documentation's order: those the command ran (`check`'s,
 * or `audit`'s, which are more), then
 * `internal-error` (a bug of ours, not a check that runs) only when the findings hold one. Last, so
 * that the others keep their place either way.
 */
export function checksToDescribe(findings: readonly Finding[], checksRun: readonly ConfigurableRuleId[]): RuleId[] {
  return findings.some((finding) => finding.ruleId === "internal-error") ? [...checksRun, "internal-error"] : [...checksRun];
}

const DESCRIPTIONS: Readonly<Record<RuleId, { readonly short: string; readonly full: string }>> = {
  "undeclared-in-compose": {
    short: "Secret read or granted but not declared in any compose file",
    full: "A secret that the code reads through the accessor, or that a service is granted, is not declared under top-level `secrets:` in any compose file.",
  },
  "undeclared-in-env-example": {
    short: "Secret read but not listed in any env example",
    full: "A secret that the code reads is not listed in any env example (`.env.example` and the like).",
  },
  "unused-compose-secret": {
    short: "Compose secret that no code reads",
    full: "A secret declared under top-level `secrets:` in a compose file is read by no code in the repository.",
  },
  "unused-env-example-key": {
    short: "Env example key that no code reads",
    full: "A key listed in an env example (`.env.example` and the like) is read by no code, and no compose file refers to it.",
  },
  "name-mismatch": {
    short: "Secret read and declared under two spellings of one name",
    full: "The code reads a secret under one name, and a compose file or an env example declares it under another spelling of the same name.",
  },
  "service-not-granted": {
    short: "Service reads a compose secret it is not granted",
    full: "The code of a compose service reads a secret that compose declares, but the service's `secrets:` list does not grant it.",
  },
  "granted-but-unused": {
    short: "Service granted a secret that its code does not read",
    full: "A compose service is granted a secret that none of its code reads.",
  },
  "dynamic-secret-name": {
    short: "Secret name known only at run time",
    full: "The secret name passed to the accessor cannot be known without running the code, so the scanner cannot check it.",
  },
  "parse-error": {
    short: "File that could not be read or parsed",
    full: "A file that the scanner needs could not be read or parsed, in whole or in part, so the other checks may be incomplete.",
  },
  "bare-env-secret": {
    short: "Secret read straight from the environment, not through the accessor",
    full: "A secret is read straight from the environment (`process.env.API_KEY`, `import.meta.env.X`, `const { X } = process.env`…) outside the accessor's files. Reported by [`secret-scanner audit`](audit.md) only.",
  },
  "secret-fallback": {
    short: "Secret given a silent default",
    full: "A secret is given a silent default: when it is missing, the code carries on with a made-up value instead of failing. Reported by [`secret-scanner audit`](audit.md) only.",
  },
  "hardcoded-secret": {
    short: "Credential of a known format written in a file",
    full: "A credential of a known format is written in a file of the repository. Reported by [`secret-scanner audit`](audit.md) only.",
  },
  "secret-in-compose-environment": {
    short: "Secret given a literal value in a compose environment",
    full: "A secret-like variable is given a value written in a compose file's `environment:`. Reported by [`secret-scanner audit`](audit.md) only.",
  },
  "compose-secret-fallback": {
    short: "Secret interpolated with a default in a compose file",
    full: "A secret-like variable is interpolated with a default in a compose file: `${JWT_SECRET:-dev}` or `${JWT_SECRET-dev}`. Reported by [`secret-scanner audit`](audit.md) only.",
  },
  "committed-secret-file": {
    short: "File that holds secrets committed, or not ignored",
    full: "A file that holds secrets by its nature is committed, or would be by the next `git add .`. Reported by [`secret-scanner audit`](audit.md) only, in a git repository.",
  },
  "gitignore-missing-pattern": {
    short: "Ignore rule required by the contract missing",
    full: "The repository's ignore rules lack one that contract 002 (§5.2) makes mandatory. Reported by [`secret-scanner audit`](audit.md) only, in a git repository.",
  },
  "env-example-real-value": {
    short: "Env example value that could be a real secret",
    full: "An env example gives a secret-like key a value that could work. Reported by [`secret-scanner audit`](audit.md) only.",
  },
  "internal-error": {
    short: "The scanner failed on a file (a bug of secret-scanner)",
    full: "The scanner itself failed on a file: a bug of secret-scanner, never a problem of your file. The file's reads are missing from this scan, so other checks may be wrong about the secrets it reads.",
  },
};

export function describeCheck(id: RuleId): CheckDescription {
  const { short, full } = DESCRIPTIONS[id];
  return { id, shortDescription: short, fullDescription: full, helpUri: checkDocsUrl(id) };
}
