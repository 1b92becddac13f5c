/**
 * `secret-scanner check`: one scan, the baseline, then one report in the chosen format.
 * Returns the exit code; throws UsageError for what the user must fix.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { InvalidArgumentError } from "commander";
import { isAdoptable, newFindings, readBaseline, writeBaseline } from "../baseline.js";
import type { ScannerConfig } from "../config/load-config.js";
import { formatGithub } from "../report/github.js";
import { formatHtml } from "../report/html.js";
import { formatJson, summarize, type ReportData } from "../report/json.js";
import { formatJunit } from "../report/junit.js";
import { formatSarif } from "../report/sarif.js";
import { colorsFor, formatText, NO_COLORS, type Colors } from "../report/text.js";
import { scanChanges } from "../scan-changes.js";
import { scan } from "../scan.js";
import { checkTarget } from "./check-target.js";
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from "./exit.js";
import { runFix } from "./fix.js";

/** The values of --format, for `check` and `audit`. */
export const FORMATS = ["text", "json", "sarif", "github", "junit", "html"] as const;

/** Formats whose report has no place for notes: they go to standard error, as `note: …` lines. */
const NOTES_ON_STDERR: ReadonlySet<CheckOptions["format"]> = new Set(["text", "junit"]);

export interface CheckOptions {
  format: (typeof FORMATS)[number];
  output?: string;
  config?: string;
  maxWarnings?: number;
  quiet?: boolean;
  baseline?: string;
  /** Apply `fix` first (with `compose` and `prune` as for `fix`), then report what is left. */
  fix?: boolean;
  compose?: boolean;
  prune?: boolean;
  /** Check what the staged changes can break (with file arguments: those files). */
  staged?: boolean;
}

export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("expected a whole number (0 or more)");
  return Number(value);
}

function formatReport(format: CheckOptions["format"], data: ReportData, rules: ScannerConfig["rules"], colors: Colors): string {
  switch (format) {
    case "text":
      return formatText(data, colors);
    case "json":
      return formatJson(data);
    case "sarif":
      return formatSarif(data);
    case "github":
      return formatGithub(data);
    case "junit":
      return formatJunit(data, rules);
    case "html":
      return formatHtml(data);
  }
}

export async function check(paths: readonly string[], options: CheckOptions): Promise<number> {
  if ((options.compose || options.prune) && !options.fix) throw new UsageError("--compose and --prune go with --fix");
  const target = checkTarget(paths, options.staged === true);
  if (options.fix && target.kind !== "root") throw new UsageError("--fix fixes a whole repository: give it a directory, not --staged or files");
  if (options.fix) {
    // what was fixed goes to stderr: stdout is the report, which may be JSON
    const outcome = await runFix(target.root, { ...options, dryRun: false });
    for (const change of outcome.changes) for (const line of change.summary) process.stderr.write(`fixed: ${line}\n`);
    for (const note of outcome.notes) process.stderr.write(`note: ${note}\n`);
    // no file written: the fix's own scan is the repository as it is, no need to read it again
    if (outcome.changes.length === 0) return report(outcome.scanned, options);
  }
  const scanOptions = options.config !== undefined ? { configFile: path.resolve(options.config) } : {};
  if (target.kind === "root") return report(await scan(target.root, scanOptions), options);
  const result = await scanChanges(target.root, target.changes, target.listFiles, scanOptions);
  return report(result, options, { notes: target.notes });
}

/**
 * What `check` and `audit` do with their findings: the baseline, `--quiet`, the report in the
 * chosen format (to stdout or `--output`), the notes, and the exit code.
 */
export function report(
  result: ReportData & { readonly config: Pick<ScannerConfig, "rules"> },
  options: CheckOptions,
  /** A check of changes (`--staged`, files): its findings are a few files', not the repository's. */
  changes?: { readonly notes: readonly string[] },
): number {
  let findings = result.findings;
  const notes = [...(changes?.notes ?? []), ...result.notes];

  if (options.baseline !== undefined) {
    const baselineFile = path.resolve(options.baseline);
    const baseline = readBaseline(baselineFile);
    if (baseline === undefined && changes !== undefined) {
      // the findings of a few files are not the repository's: a full check writes the baseline
      throw new UsageError(`${options.baseline}: no such baseline; write it with a full check (secret-scanner check --baseline ${options.baseline})`);
    }
    if (baseline === undefined) {
      try {
        writeBaseline(baselineFile, findings);
      } catch (error) {
        throw new UsageError(`${options.baseline}: cannot write the baseline (${(error as NodeJS.ErrnoException).code ?? "error"})`);
      }
      const adopted = findings.filter(isAdoptable);
      notes.push(`baseline written to ${options.baseline} with ${adopted.length} finding(s); later runs report only new findings`);
      findings = findings.filter((finding) => !isAdoptable(finding));
    } else {
      const known = findings.length;
      findings = newFindings(findings, baseline);
      notes.push(`baseline ${options.baseline}: ${known - findings.length} known finding(s) hidden`);
    }
  }
  if (options.quiet) findings = findings.filter((finding) => finding.severity === "error");

  const data: ReportData = { findings, inventory: result.inventory, services: result.services, notes, filesScanned: result.filesScanned, checksRun: result.checksRun };
  const colors = options.output === undefined ? colorsFor(process.stdout, process.env) : NO_COLORS;
  const report = formatReport(options.format, data, result.config.rules, colors);
  if (options.output !== undefined) {
    try {
      writeFileSync(path.resolve(options.output), report);
    } catch (error) {
      throw new UsageError(`${options.output}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    }
  } else {
    process.stdout.write(report);
  }
  if (NOTES_ON_STDERR.has(options.format) && !options.quiet) {
    for (const note of notes) process.stderr.write(`note: ${note}\n`);
  }

  const { errors, warnings } = summarize(findings);
  if (errors > 0) return EXIT_FINDINGS;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    process.stderr.write(`secret-scanner: ${warnings} warning(s), more than --max-warnings ${options.maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_CLEAN;
}

