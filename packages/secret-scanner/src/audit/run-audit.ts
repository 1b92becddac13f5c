/**
 * One audit, end to end: everything `check` runs (scan.ts), then the hygiene checks of the whole
 * repository: the plugin's two code rules on every code file, committed credentials in every text
 * file, compose values and defaults, env example values, committed secret files and the ignore
 * rules. The checks are pure functions in this directory; this module reads the files, asks git
 * (../git/git.ts) and turns what the checks found into findings.
 */
import { isSecretEnvName, mentionsEnv } from "@secrets-suite/core";
import { compareFindings, findingOfProblem } from "../checks/run-checks.js";
import { syntaxErrorOf } from "../code/extract.js";
import { loadTypeScript } from "../code/read-code.js";
import type { AuditRuleId, ConfigurableRuleId, Finding, InputProblem } from "../model.js";
import { RULE_IDS } from "../config/schema.js";
import { scan, SuppressionIndex, type ScanOptions, type ScanResult } from "../scan.js";
import { composeSecretFallbacks, secretsInComposeEnvironment, type AuditHit } from "./compose-checks.js";
import { realEnvExampleValues } from "./env-example-values.js";
import { auditedFiles, MAX_AUDITED_FILE_BYTES, readAuditedFile } from "./files.js";
import { openGit, type GitView } from "../git/git.js";
import { ignoreSamples, missingIgnorePatterns } from "./gitignore.js";
import { findHardcodedSecrets, hardcodedSecretMessage } from "./hardcoded-secret.js";
import { createCodeLinter, type CodeLinter } from "./lint.js";
import type { Progress } from "./progress.js";
import { committedSecretFiles } from "./secret-files.js";


export interface AuditResult {
  readonly findings: readonly Finding[];
  readonly notes: readonly string[];
  readonly inventory: ScanResult["inventory"];
  readonly services: ScanResult["services"];
  readonly filesScanned: number;
  /** The checks the audit ran: `check`'s and its own. */
  readonly checksRun: readonly ConfigurableRuleId[];
  /** The configuration's check settings: the JUnit report shows the checks turned off as skipped. */
  readonly config: Pick<ScanResult["config"], "rules">;
}

/** Names of skipped files shown in a note before the rest are counted. */
const LISTED_SKIPS = 5;

function skippedNote(files: readonly string[], why: string): string {
  const shown = files.slice(0, LISTED_SKIPS).join(", ");
  const more = files.length > LISTED_SKIPS ? ` and ${files.length - LISTED_SKIPS} more` : "";
  return `${files.length} ${files.length === 1 ? "file" : "files"} ${why} were not searched for credentials: ${shown}${more}`;
}

/** A code file the two rules can report in: it names the environment or an accessor (core's cheap text test, as the rules use it). */
function mayNeedLint(text: string, names: readonly string[]): boolean {
  return mentionsEnv(text) || names.some((name) => text.includes(name));
}

/** A `.pem` that holds certificates or public keys only (a CA bundle), no private key. */
function holdsOnlyPublicMaterial(root: string, file: string): boolean {
  const read = readAuditedFile(root, file);
  return "text" in read && !read.text.includes("PRIVATE KEY") && /-----BEGIN (?:CERTIFICATE|PUBLIC KEY)-----/.test(read.text);
}

export async function runAudit(root: string, options: ScanOptions, progress: Progress): Promise<AuditResult> {
  const base = await scan(root, options);
  const { config, facts, discovered } = base;
  const isSecretName = (name: string): boolean => isSecretEnvName(name, { classify: config.settings.classify });
  const notes: string[] = [...base.notes];
  const hits: Array<{ readonly ruleId: AuditRuleId; readonly hit: AuditHit }> = [];
  const problems: InputProblem[] = [];
  const suppressions = new SuppressionIndex();
  const add = (ruleId: AuditRuleId, found: readonly AuditHit[]): void => {
    for (const hit of found) hits.push({ ruleId, hit });
  };

  const opened = openGit(root);
  const git: GitView | undefined = "reason" in opened ? undefined : opened;
  if ("reason" in opened) {
    notes.push(
      `${opened.reason}: committed-secret-file and gitignore-missing-pattern were skipped, and hardcoded-secret searched the files found by walking the directory`,
    );
  }

  // ---- every file: credentials (hardcoded-secret); code files: the plugin's rules
  const searched = auditedFiles(git, discovered.all, config.ignore);
  const searchedSet = new Set(searched);
  const codeFiles = new Set(discovered.code);
  const files = [...new Set([...searched, ...discovered.code])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lintNames = [...config.settings.accessors, ...config.settings.envAccessors];
  let linter: CodeLinter | undefined;
  const tooLarge: string[] = [];
  const binary: string[] = [];
  const unreadable: string[] = [];
  const parseFailures: Array<{ file: string; text: string; line: number; column: number }> = [];
  progress.stage("reading files", files.length);
  for (const file of files) {
    const read = readAuditedFile(root, file);
    progress.tick();
    if ("skipped" in read) {
      if (read.skipped === "too-large") tooLarge.push(file);
      else if (read.skipped === "binary") binary.push(file);
      else if (read.skipped === "unreadable") unreadable.push(file);
      continue;
    }
    suppressions.observe(file, read.text);
    if (searchedSet.has(file)) {
      for (const hit of findHardcodedSecrets(file, read.text)) {
        hits.push({ ruleId: "hardcoded-secret", hit: { position: hit.position, message: hardcodedSecretMessage(hit) } });
      }
    }
    if (codeFiles.has(file) && mayNeedLint(read.text, lintNames)) {
      linter ??= await createCodeLinter(root, config.settings);
      const result = linter.lint(file, read.text);
      if ("hits" in result) for (const hit of result.hits) hits.push({ ruleId: hit.ruleId, hit });
      else if ("crash" in result) problems.push(result.crash);
      else parseFailures.push({ file, text: read.text, ...result.parseFailure });
    }
  }
  progress.done();
  if (tooLarge.length > 0) notes.push(skippedNote(tooLarge, `larger than ${MAX_AUDITED_FILE_BYTES / 1024 / 1024} MB`));
  if (binary.length > 0) notes.push(skippedNote(binary, "that are binary"));
  if (unreadable.length > 0) notes.push(skippedNote(unreadable, "that could not be read"));

  // A file ESLint's parser rejects is a parse error only if TypeScript rejects it too (and the
  // scan has not reported it already); otherwise our parser choice is at fault, not the file.
  const reported = new Set(facts.code.problems.map((problem) => problem.file));
  const unexplained = parseFailures.filter((failure) => !reported.has(failure.file));
  if (unexplained.length > 0) {
    const t = await loadTypeScript();
    for (const failure of unexplained) {
      const syntaxError = syntaxErrorOf(t, failure.file, failure.text);
      if (syntaxError) {
        problems.push({ file: failure.file, line: syntaxError.line, column: syntaxError.column, message: `syntax error: ${syntaxError.message}` });
      } else {
        notes.push(
          `${failure.file}:${failure.line}:${failure.column}: ESLint's parser cannot parse this file, which TypeScript parses: bare-env-secret and secret-fallback were not checked in it`,
        );
      }
    }
  }

  // ---- compose, env examples
  add("secret-in-compose-environment", secretsInComposeEnvironment(facts.compose, isSecretName));
  add("compose-secret-fallback", composeSecretFallbacks(facts.compose, isSecretName));
  add("env-example-real-value", realEnvExampleValues(facts.envExamples, isSecretName));

  // ---- git: committed secret files, ignore rules
  if (git) {
    add(
      "committed-secret-file",
      committedSecretFiles({
        tracked: git.tracked,
        untracked: git.untracked,
        composeSecrets: facts.compose.secrets,
        holdsOnlyPublicMaterial: (file) => holdsOnlyPublicMaterial(root, file),
      }),
    );
    add("gitignore-missing-pattern", missingIgnorePatterns(git.ignoredByRepository(ignoreSamples())));
  }

  // ---- findings: configured severity, inline suppressions, one finding per credential
  const credentialLines = new Set(
    hits.filter(({ ruleId }) => ruleId === "hardcoded-secret").map(({ hit }) => `${hit.position.file}:${hit.position.line}`),
  );
  const auditFindings: Finding[] = [];
  for (const { ruleId, hit } of hits) {
    const severity = config.rules[ruleId];
    if (severity === "off") continue;
    // a credential in an env example is reported once, as hardcoded-secret, which names its format
    if (ruleId === "env-example-real-value" && credentialLines.has(`${hit.position.file}:${hit.position.line}`)) continue;
    auditFindings.push({
      ruleId,
      severity,
      message: hit.message,
      ...(hit.secret !== undefined ? { secret: hit.secret } : {}),
      ...hit.position,
    });
  }
  for (const problem of problems) {
    const finding = findingOfProblem(problem, config.rules);
    if (finding) auditFindings.push(finding);
  }

  return {
    findings: [...base.findings, ...suppressions.keep(auditFindings)].sort(compareFindings),
    notes: [...new Set([...notes, ...suppressions.notes])],
    inventory: base.inventory,
    services: base.services,
    config: { rules: config.rules },
    checksRun: RULE_IDS,
    filesScanned: new Set([...files, ...facts.compose.files, ...facts.envExamples.files]).size,
  };
}
