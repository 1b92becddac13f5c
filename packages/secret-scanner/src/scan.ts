/**
 * One scan, end to end: configuration → discovery → readers → checks → suppressions.
 * Each stage hands the next plain data (see model.ts).
 */
import { runChecks, type CheckResult } from "./checks/run-checks.js";
import { readCode } from "./code/read-code.js";
import { readCompose } from "./compose/read-compose.js";
import { loadScannerConfig, type ScannerConfig } from "./config/load-config.js";
import { CHECK_IDS, RULE_IDS } from "./config/schema.js";
import { discoverFiles, type DiscoveryOptions } from "./discovery/discover.js";
import { readEnvExamples } from "./env-example/read-env-examples.js";
import type { CodeFacts, ConfigurableRuleId, ComposeFacts, DiscoveredFiles, EnvExampleFacts, Finding, TextObserver } from "./model.js";
import { commentKindForFile, parseSuppressions, type Suppressions } from "./suppressions.js";

export interface ScanOptions {
  /** Config file given with --config (relative to the working directory or absolute). */
  readonly configFile?: string;
}

export interface ScanResult extends CheckResult {
  readonly config: ScannerConfig;
  readonly filesScanned: number;
  /** The checks this scan ran: `check`'s. */
  readonly checksRun: readonly ConfigurableRuleId[];
  /** What discovery found: `audit` checks more of it. */
  readonly discovered: DiscoveredFiles;
  /** What the readers found, for commands that describe or edit the repository (`docs`, `fix`, `audit`). */
  readonly facts: { readonly code: CodeFacts; readonly compose: ComposeFacts; readonly envExamples: EnvExampleFacts };
}

/**
 * The inline `secret-scanner-disable-*` comments of every file the readers read, collected as
 * they read it (a file is never read again for them), with a note for each malformed one.
 */
export class SuppressionIndex {
  private readonly byFile = new Map<string, Suppressions>();
  private readonly problems: Array<{ readonly file: string; readonly line: number; readonly message: string }> = [];

  readonly observe: TextObserver = (file, text) => {
    // most files have none; the directive's name is in every one of them
    if (!text.includes("secret-scanner-disable")) return;
    const kind = commentKindForFile(file);
    if (!kind) return;
    const parsed = parseSuppressions(text, kind, RULE_IDS);
    this.byFile.set(file, parsed);
    for (const problem of parsed.problems) this.problems.push({ file, line: problem.line, message: problem.message });
  };

  /** A note per malformed comment, by file and line (the readers run side by side). */
  get notes(): string[] {
    return [...this.problems]
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line))
      .map((problem) => `${problem.file}:${problem.line}: ${problem.message}`);
  }

  /** The findings not silenced by a comment in their file. A bug of ours cannot be silenced. */
  keep(findings: readonly Finding[]): Finding[] {
    return findings.filter(
      (finding) => finding.ruleId === "internal-error" || !this.byFile.get(finding.file)?.isSuppressed(finding.line, finding.ruleId),
    );
  }
}

export async function scan(root: string, options: ScanOptions = {}): Promise<ScanResult> {
  const config = loadScannerConfig(root, options.configFile);
  return scanFiles(root, config, discoverFiles(root, discoveryOptions(config)));
}

/** What discovery needs of the configuration. */
export function discoveryOptions(config: ScannerConfig): DiscoveryOptions {
  return { composeGlobs: config.composeGlobs, envExampleGlobs: config.envExampleGlobs, ignore: config.ignore };
}

/**
 * A scan of files already found. With `codeScope`, only those code files are read, and what they
 * import (see readCode); the other code files of `discovered` only resolve imports.
 */
export async function scanFiles(
  root: string,
  config: ScannerConfig,
  discovered: DiscoveredFiles,
  codeScope?: readonly string[],
): Promise<ScanResult> {
  const suppressions = new SuppressionIndex();
  const [code, compose, envExamples] = await Promise.all([
    readCode(root, discovered.code, config.settings, suppressions.observe, codeScope),
    readCompose(root, discovered.compose, suppressions.observe),
    readEnvExamples(root, discovered.envExamples, suppressions.observe),
  ]);
  const result = runChecks({ code, compose, envExamples, problems: discovered.problems, config });
  return {
    ...result,
    findings: suppressions.keep(result.findings),
    notes: [...result.notes, ...suppressions.notes],
    config,
    filesScanned: code.filesScanned + compose.files.length + envExamples.files.length,
    checksRun: CHECK_IDS,
    discovered,
    facts: { code, compose, envExamples },
  };
}
