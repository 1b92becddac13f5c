/**
 * Finds and reads the repository's shared configuration file, so that the scanner and the
 * ESLint plugin (through `settings.secrets`) are configured from one place.
 *
 * The file is `secret-scanner.config.json` at the repository root, or the `secretScanner` key
 * of its package.json. Its `secrets` block is the same block as ESLint's `settings.secrets`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { SecretsConfigError } from "./settings.js";

export const CONFIG_FILE_NAME = "secret-scanner.config.json";
export const PACKAGE_JSON_KEY = "secretScanner";

export interface LoadedConfigFile {
  /** Absolute path of the file the configuration came from. */
  readonly path: string;
  /** Where in that file: the whole file, or the package.json key. */
  readonly location: string;
  readonly value: unknown;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new SecretsConfigError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    // JSON.parse's message quotes the text around the mistake, which may be a value: keep only where it is
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new SecretsConfigError(`${file}: not valid JSON${position === undefined ? "" : ` (at character ${position})`}`);
  }
}

function exists(file: string): boolean {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * The configuration for `root`: an explicit file when given, else `secret-scanner.config.json`,
 * else package.json's `secretScanner` key; undefined when the repository has none.
 * Throws `SecretsConfigError` (one line naming the file) when a file exists but cannot be used.
 */
export function loadConfigFile(root: string, explicitFile?: string): LoadedConfigFile | undefined {
  if (explicitFile !== undefined) {
    const file = path.resolve(root, explicitFile);
    if (!exists(file)) throw new SecretsConfigError(`${explicitFile}: config file not found`);
    const value = readJson(file);
    if (path.basename(file) === "package.json") {
      const section = (value as Record<string, unknown> | null)?.[PACKAGE_JSON_KEY];
      if (section === undefined) throw new SecretsConfigError(`${explicitFile}: has no "${PACKAGE_JSON_KEY}" key`);
      return { path: file, location: `${file}#${PACKAGE_JSON_KEY}`, value: section };
    }
    return { path: file, location: file, value };
  }
  const configFile = path.join(root, CONFIG_FILE_NAME);
  if (exists(configFile)) return { path: configFile, location: configFile, value: readJson(configFile) };
  const packageJson = path.join(root, "package.json");
  if (exists(packageJson)) {
    const value = readJson(packageJson);
    const section =
      value !== null && typeof value === "object" ? (value as Record<string, unknown>)[PACKAGE_JSON_KEY] : undefined;
    if (section !== undefined) return { path: packageJson, location: `${packageJson}#${PACKAGE_JSON_KEY}`, value: section };
  }
  return undefined;
}

/**
 * The shared `secrets` block of the repository's configuration file, for ESLint configs:
 * `settings: { secrets: sharedSecretsSettings(import.meta.dirname) }`. Empty when there is none.
 */
export function sharedSecretsSettings(root: string): Record<string, unknown> {
  const loaded = loadConfigFile(root);
  const value = loaded?.value;
  if (value === undefined || value === null || typeof value !== "object") return {};
  const secrets = (value as Record<string, unknown>).secrets;
  return secrets !== null && typeof secrets === "object" ? (secrets as Record<string, unknown>) : {};
}
