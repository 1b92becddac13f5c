/**
 * One scan, end to end: configuration → discovery → readers → checks → suppressions.
 * Each stage hands the next plain data (see model.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { runChecks, type CheckResult } from "./checks/run-checks.js";
import { readCode } from "./code/read-code.js";
import { readCompose } from "./compose/read-compose.js";
import { loadScannerConfig, type ScannerConfig } from "./config/load-config.js";
import { RULE_IDS } from "./config/schema.js";
import { discoverFiles } from "./discovery/discover.js";
import { readEnvExamples } from "./env-example/read-env-examples.js";
import type { Finding } from "./model.js";
import { commentKindForFile, parseSuppressions } from "./suppressions.js";

export interface ScanOptions {
  /** Config file given with --config (relative to the working directory or absolute). */
  readonly configFile?: string;
}

export interface ScanResult extends CheckResult {
  readonly config: ScannerConfig;
  readonly filesScanned: number;
}

/** Drops findings silenced by an inline `secret-scanner-disable-*` comment in their file. */
function applySuppressions(root: string, findings: readonly Finding[]): { kept: Finding[]; notes: string[] } {
  const cache = new Map<string, ReturnType<typeof parseSuppressions> | undefined>();
  const notes: string[] = [];
  const suppressionsOf = (file: string) => {
    if (cache.has(file)) return cache.get(file);
    const kind = commentKindForFile(file);
    let parsed: ReturnType<typeof parseSuppressions> | undefined;
    if (kind) {
      try {
        parsed = parseSuppressions(readFileSync(path.join(root, file), "utf8"), kind, RULE_IDS);
        for (const problem of parsed.problems) notes.push(`${file}:${problem.line}: ${problem.message}`);
      } catch {
        parsed = undefined; // unreadable files are reported by the readers
      }
    }
    cache.set(file, parsed);
    return parsed;
  };
  const kept = findings.filter((finding) => !suppressionsOf(finding.file)?.isSuppressed(finding.line, finding.ruleId));
  return { kept, notes };
}

export async function scan(root: string, options: ScanOptions = {}): Promise<ScanResult> {
  const config = loadScannerConfig(root, options.configFile);
  const discovered = discoverFiles(root, {
    composeGlobs: config.composeGlobs,
    envExampleGlobs: config.envExampleGlobs,
    ignore: config.ignore,
  });
  const [code, compose, envExamples] = await Promise.all([
    readCode(root, discovered.code, config.settings),
    readCompose(root, discovered.compose),
    readEnvExamples(root, discovered.envExamples),
  ]);
  const result = runChecks({ code, compose, envExamples, problems: discovered.problems, config });
  const { kept, notes } = applySuppressions(root, result.findings);
  return {
    ...result,
    findings: kept,
    notes: [...result.notes, ...notes],
    config,
    filesScanned: code.filesScanned + compose.files.length + envExamples.files.length,
  };
}
