#!/usr/bin/env node
/**
 * The `secret-scanner` command. Exit codes: 0 no error-severity finding (and warnings within
 * --max-warnings), 1 findings, 2 usage or configuration error. Never prints a stack trace for
 * a user's mistake, and never prints a value read from a file.
 */
import { createRequire } from "node:module";
import { Command, CommanderError, Option } from "commander";
import { BaselineError } from "./baseline.js";
import { check, parseCount, type CheckOptions } from "./commands/check.js";
import { EXIT_CLEAN, EXIT_USAGE, UsageError } from "./commands/exit.js";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

export { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE } from "./commands/exit.js";

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
    .argument("[root|files...]", "one directory: the root to scan (default: .); else the files to check, for what they can break")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("-o, --output <file>", "write the report to a file instead of standard output")
    .option("-c, --config <file>", "configuration file (default: secret-scanner.config.json or package.json#secretScanner)")
    .option("--max-warnings <count>", "exit 1 when there are more warnings than this", parseCount)
    .option("-q, --quiet", "report errors only")
    .option("--baseline <file>", "write current findings to FILE on the first run; later runs report only new findings")
    .option("--staged", "check what the staged changes can break (a pre-commit hook)")
    .action(async (paths: string[], options: CheckOptions) => {
      setExitCode(await check(paths, options));
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
