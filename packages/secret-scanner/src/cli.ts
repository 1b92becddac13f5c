#!/usr/bin/env node
/**
 * The `secret-scanner` command. Exit codes: 0 no error-severity finding (and warnings within
 * --max-warnings), 1 findings, 2 usage or configuration error. Never prints a stack trace for
 * a user's mistake, and never prints a value read from a file.
 */
import { existsSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { BaselineError, isAdoptable, newFindings, readBaseline, writeBaseline } from "./baseline.js";
import { formatJson, summarize, type ReportData } from "./report/json.js";
import { colorsFor, formatText, NO_COLORS } from "./report/text.js";
import { scan } from "./scan.js";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

class UsageError extends Error {}

interface CheckOptions {
  format: "text" | "json";
  output?: string;
  config?: string;
  maxWarnings?: number;
  quiet?: boolean;
  baseline?: string;
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("expected a whole number (0 or more)");
  return Number(value);
}

async function check(rootArgument: string, options: CheckOptions): Promise<number> {
  const root = path.resolve(rootArgument);
  if (!existsSync(root)) throw new UsageError(`${rootArgument}: no such directory`);
  if (!statSync(root).isDirectory()) throw new UsageError(`${rootArgument}: not a directory`);

  const result = await scan(root, options.config !== undefined ? { configFile: path.resolve(options.config) } : {});
  let findings = result.findings;
  const notes = [...result.notes];

  if (options.baseline !== undefined) {
    const baselineFile = path.resolve(options.baseline);
    const baseline = readBaseline(baselineFile);
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

function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command("secret-scanner")
    .description("Cross-checks the secrets code reads against docker-compose secrets and .env.example")
    .version(version, "-v, --version")
    .exitOverride()
    // usage errors in one line, like the scanner's own: "secret-scanner: unknown option '--x' (…)"
    .configureOutput({
      outputError: (text, write) =>
        // commander's "(Did you mean --output?)" comes on a line of its own: joined, it stays one line
        write(`secret-scanner: ${text.replace(/^error: /, "").trim().replace(/\s*\n\s*/g, " ")} (run secret-scanner --help for usage)\n`),
    });

  program
    .command("check")
    .description("check that code, compose files and env examples name the same secrets")
    .argument("[root]", "repository root to scan", ".")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("-o, --output <file>", "write the report to a file instead of standard output")
    .option("-c, --config <file>", "configuration file (default: secret-scanner.config.json or package.json#secretScanner)")
    .option("--max-warnings <count>", "exit 1 when there are more warnings than this", parseCount)
    .option("-q, --quiet", "report errors only")
    .option("--baseline <file>", "write current findings to FILE on the first run; later runs report only new findings")
    .action(async (root: string, options: CheckOptions) => {
      setExitCode(await check(root, options));
    });
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = EXIT_CLEAN;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0
      return error.exitCode === 0 ? EXIT_CLEAN : EXIT_USAGE;
    }
    const known =
      error instanceof UsageError ||
      error instanceof BaselineError ||
      (error instanceof Error && error.name === "SecretsConfigError");
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`secret-scanner: ${known ? "" : "internal error: "}${message}\n`);
    if (!known && process.env.SECRET_SCANNER_DEBUG) process.stderr.write(`${(error as Error).stack ?? ""}\n`);
    return EXIT_USAGE;
  }
}

process.exitCode = await main(process.argv.slice(2));
