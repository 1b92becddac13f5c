/**
 * `secret-scanner docs`: the contract document (every secret, its sources, the services granted
 * it, the code that reads it, required or optional), generated from one scan. To standard
 * output, into the marked region of a file (`--output`), or compared with the committed file
 * (`--check`, for CI). Returns the exit code; throws UsageError for what the user must fix.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createTwoFilesPatch } from "diff";
import { buildContract } from "../contract-doc/contract.js";
import { RegionError, newDocument, updateDocument, type Updated } from "../contract-doc/region.js";
import { renderContract } from "../contract-doc/render.js";
import { scan } from "../scan.js";
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, UsageError } from "./exit.js";
import { resolveRoot } from "./root.js";

export interface DocsOptions {
  output?: string;
  check?: boolean;
  config?: string;
}

/** The document `--check` compares when no `--output` is given, relative to the root. */
export const DEFAULT_DOCUMENT = "docs/secrets.md";

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? "error";
}

/** The file's text, or undefined when there is no such file. */
function readDocument(file: string, shown: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return undefined;
    throw new UsageError(`${shown}: cannot read the document (${errorCode(error)})`);
  }
}

function update(existing: string | undefined, body: string, shown: string): Updated {
  try {
    return updateDocument(existing, body);
  } catch (error) {
    if (error instanceof RegionError) throw new UsageError(`${shown}: ${error.message}; fix the markers, or remove both to regenerate the region`);
    throw error;
  }
}

export async function docs(rootArgument: string, options: DocsOptions): Promise<number> {
  const root = resolveRoot(rootArgument);

  const result = await scan(root, options.config !== undefined ? { configFile: path.resolve(options.config) } : {});
  // a file the scan could not read leaves its secrets out of the document: say which
  let internal = false;
  for (const finding of result.findings) {
    if (finding.ruleId !== "parse-error" && finding.ruleId !== "internal-error") continue;
    internal ||= finding.ruleId === "internal-error";
    process.stderr.write(`note: ${finding.file}:${finding.line}:${finding.column}: ${finding.message}\n`);
  }
  const body = renderContract(buildContract(result));

  if (options.output === undefined && !options.check) {
    process.stdout.write(newDocument(body));
    return internal ? EXIT_USAGE : EXIT_CLEAN;
  }

  const file = options.output !== undefined ? path.resolve(options.output) : path.join(root, DEFAULT_DOCUMENT);
  const shown = options.output ?? (path.relative(process.cwd(), file).split(path.sep).join("/") || file);
  const existing = readDocument(file, shown);
  const updated = update(existing, body, shown);

  if (options.check) {
    if (existing === undefined) {
      process.stderr.write(`secret-scanner: ${shown} does not exist; create it with: secret-scanner docs --output ${shown}\n`);
      return EXIT_FINDINGS;
    }
    if (updated.text === existing) return internal ? EXIT_USAGE : EXIT_CLEAN;
    process.stdout.write(createTwoFilesPatch(shown, shown, existing, updated.text, "committed", "generated"));
    const why = updated.appended ? "has no generated region" : "is out of date";
    process.stderr.write(`secret-scanner: ${shown} ${why}; update it with: secret-scanner docs --output ${shown}\n`);
    return EXIT_FINDINGS;
  }

  if (updated.text !== existing) {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, updated.text);
    } catch (error) {
      throw new UsageError(`${shown}: cannot write the document (${errorCode(error)})`);
    }
  }
  if (updated.appended) process.stderr.write(`note: ${shown} had no generated region: it was appended at the end of the file\n`);
  return internal ? EXIT_USAGE : EXIT_CLEAN;
}
