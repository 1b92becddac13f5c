/**
 * Where a secret can come from, in the contract's order: the Docker secret file, the file named
 * by `<NAME>_FILE` (the convention of the official postgres and mysql images), the environment
 * variable `<NAME>`. Each lookup reports what it found without ever returning a value in a report.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { SecretConfigurationError, type SourceReport } from "./errors.js";

export type Lookup = { readonly value: string } | { readonly report: SourceReport };

export type Environment = Readonly<Record<string, string | undefined>>;

/** How a Docker secret file is named for a secret: as read, or lowercased (`DB_PASSWORD` → `db_password`). */
export type SecretFileNames = "exact" | "lowercase";

/** Secret names are environment variable names; anything else could walk out of the secrets directory. */
const VALID_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export function assertValidName(name: unknown): asserts name is string {
  if (typeof name !== "string" || !VALID_NAME.test(name) || name.includes("..")) {
    throw new SecretConfigurationError(
      `Invalid secret name ${JSON.stringify(typeof name === "string" ? name.slice(0, 64) : typeof name)}: use letters, digits and underscores, as in an environment variable name.`,
    );
  }
}

/** A file's content without its trailing newline(s); an empty file counts as missing. */
function readSecretFile(file: string, source: string): Lookup {
  let content: string;
  try {
    content = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const outcome = code === "ENOENT" ? "not found" : code === "EISDIR" ? "is a directory" : `cannot be read (${code ?? "error"})`;
    return { report: { source, outcome } };
  }
  const value = content.replace(/(?:\r?\n)+$/, "");
  return value === "" ? { report: { source, outcome: "empty" } } : { value };
}

export function dockerSecretFile(name: string, directory: string, fileNames: SecretFileNames): string {
  return path.join(directory, fileNames === "lowercase" ? name.toLowerCase() : name);
}

export function lookupDockerSecret(name: string, directory: string, fileNames: SecretFileNames): Lookup {
  const file = dockerSecretFile(name, directory, fileNames);
  return readSecretFile(file, `file ${file}`);
}

export function lookupFileVariable(name: string, env: Environment): Lookup {
  const variable = `${name}_FILE`;
  const file = env[variable];
  if (file === undefined || file === "") return { report: { source: `${variable}`, outcome: "not set" } };
  return readSecretFile(file, `file ${file} (from ${variable})`);
}

export function lookupEnvironment(name: string, env: Environment): Lookup {
  const value = env[name];
  const source = `environment variable ${name}`;
  if (value === undefined) return { report: { source, outcome: "not set" } };
  if (value === "") return { report: { source, outcome: "empty" } };
  return { value };
}

/** What to tell an operator about providing `name`. */
export function howToProvide(name: string, directory: string, fileNames: SecretFileNames): string {
  const file = dockerSecretFile(name, directory, fileNames);
  return (
    `Provide it as a Docker secret (a top-level compose secret granted to the service, mounted at ${file}), ` +
    `or set ${name}_FILE to the path of a file that holds it, or set the environment variable ${name}.`
  );
}
