/**
 * The `secret-scanner` command line (cli.ts is its entry point). Exit codes: 0 no error-severity finding (and warnings within
 * --max-warnings), 1 findings, 2 usage or configuration error. Never prints a stack trace for
 * a user's mistake, and never prints a value read from a file.
 */
import { Command, CommanderError, Option } from "commander";
import { BaselineError } from "./baseline.js";
import { audit, type AuditOptions } from "./commands/audit.js";
import { check, parseCount, FORMATS, type CheckOptions } from "./commands/check.js";
import { docs, type DocsOptions } from "./commands/docs.js";
import { EXIT_CLEAN, EXIT_USAGE, UsageError } from "./commands/exit.js";
import { fix, type FixCommandOptions } from "./commands/fix.js";
import { SCANNER_VERSION } from "./version.js";

export { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE } from "./commands/exit.js";

/** The help of `-c, --config`, which every command takes. */
const CONFIG_OPTION_HELP = "configuration file (default: secret-scanner.config.json or package.json#secretScanner)";

/** The report options `check` and `audit` share: format, output, configuration, thresholds, baseline. */
function withReportOptions(command: Command): Command {
  return command
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMATS).default("text"))
    .option("-o, --output <file>", "write the report to a file instead of standard output")
    .option("-c, --config <file>", CONFIG_OPTION_HELP)
    .option("--max-warnings <count>", "exit 1 when there are more warnings than this", parseCount)
    .option("-q, --quiet", "report errors only")
    .option("--baseline <file>", "write current findings to FILE on the first run; later runs report only new findings");
}

function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command("secret-scanner")
    .description("Cross-checks the secrets code reads against docker-compose secrets and .env.example")
    .version(SCANNER_VERSION, "-v, --version")
    .exitOverride()
    // usage errors in one line, like the scanner's own: "secret-scanner: unknown option '--x' (…)"
    .configureOutput({
      outputError: (text, write) =>
        // commander's "(Did you mean --output?)" comes on a line of its own: joined, it stays one line
        write(`secret-scanner: ${text.replace(/^error: /, "").trim().replace(/\s*\n\s*/g, " ")} (run secret-scanner --help for usage)\n`),
    });

  withReportOptions(program.command("check"))
    .description("check that code, compose files and env examples name the same secrets")
    .argument("[root|files...]", "one directory: the root to scan (default: .); else the files to check, for what they can break")
    .option("--fix", "apply `fix` first, then report what is left")
    .option("--compose", "with --fix: edit compose files too")
    .option("--prune", "with --fix: remove unused declarations")
    .option("--staged", "check what the staged changes can break (a pre-commit hook)")
    .action(async (paths: string[], options: CheckOptions) => {
      setExitCode(await check(paths, options));
    });

  program
    .command("fix")
    .description("add missing env example keys (and, with --compose, compose secrets and grants); never renames")
    .argument("[root]", "repository root to fix", ".")
    .option("-c, --config <file>", CONFIG_OPTION_HELP)
    .option("--compose", "also declare missing compose secrets and grant them to the services that read them")
    .option("--prune", "also remove unused env example keys (and, with --compose, unused compose secrets)")
    .option("--dry-run", "print a unified diff (values masked) and write nothing")
    .action(async (root: string, options: FixCommandOptions) => {
      setExitCode(await fix(root, options));
    });

  program
    .command("docs")
    .description("generate the contract document: every secret, its sources, its services, the code that reads it, required or optional")
    .argument("[root]", "repository root to scan", ".")
    .option("-o, --output <file>", "write the document's generated region into FILE (created if missing) instead of standard output")
    .option("--check", "exit 1 with a diff when the document (--output, default ROOT/docs/secrets.md) is not up to date")
    .option("-c, --config <file>", CONFIG_OPTION_HELP)
    .action(async (root: string, options: DocsOptions) => {
      setExitCode(await docs(root, options));
    });

  withReportOptions(program.command("audit"))
    .description("audit a whole repository's secret hygiene: everything check runs, plus committed secrets and files, compose values, ignore rules")
    .argument("[root]", "repository root to audit", ".")
    .action(async (root: string, options: AuditOptions) => {
      setExitCode(await audit(root, options));
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

