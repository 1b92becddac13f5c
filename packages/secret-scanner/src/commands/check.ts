/**
 * `secret-scanner check`: one scan, the baseline, then one report in the chosen format.
 * Returns the exit code; throws UsageError for what the user must fix.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { InvalidArgumentError } from "commander";
import { isAdoptable, newFindings, readBaseline, writeBaseline } from "../baseline.js";
import { formatJson, summarize, type ReportData } from "../report/json.js";
import { colorsFor, formatText, NO_COLORS } from "../report/text.js";
import { scanChanges } from "../scan-changes.js";
import { scan } from "../scan.js";
import { checkTarget } from "./check-target.js";
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from "./exit.js";

export interface CheckOptions {
  format: "text" | "json";
  output?: string;
  config?: string;
  maxWarnings?: number;
  quiet?: boolean;
  baseline?: string;
  staged?: boolean;
}

export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("expected a whole number (0 or more)");
  return Number(value);
}

export async function check(paths: readonly string[], options: CheckOptions): Promise<number> {
  const target = checkTarget(paths, options.staged === true);
  const scanOptions = options.config !== undefined ? { configFile: path.resolve(options.config) } : {};
  const result =
    target.kind === "root"
      ? await scan(target.root, scanOptions)
      : await scanChanges(target.root, target.changes, target.listFiles, scanOptions);
  let findings = result.findings;
  const notes = [...(target.kind === "changes" ? target.notes : []), ...result.notes];

  if (options.baseline !== undefined) {
    const baselineFile = path.resolve(options.baseline);
    const baseline = readBaseline(baselineFile);
    if (baseline === undefined && target.kind === "changes") {
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

  const data: ReportData = { findings, inventory: result.inventory, notes, filesScanned: result.filesScanned };
  const colors = options.output === undefined ? colorsFor(process.stdout, process.env) : NO_COLORS;
  const report = options.format === "json" ? formatJson(data) : formatText(data, colors);
  if (options.output !== undefined) {
    try {
      writeFileSync(path.resolve(options.output), report);
    } catch (error) {
      throw new UsageError(`${options.output}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    }
  } else {
    process.stdout.write(report);
  }
  if (options.format === "text" && !options.quiet) {
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

