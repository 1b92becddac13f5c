/**
 * The one allowed fallback, for CI only: a KEY=VALUE file named explicitly by the caller.
 * It refuses to load when NODE_ENV is production or when not running in CI, so it can never
 * hide a missing secret in a deployment (contract 000, step 5).
 */
import { readFileSync } from "node:fs";
import { SecretConfigurationError } from "./errors.js";
import type { Environment, Lookup } from "./sources.js";

/** Parses `KEY=VALUE` lines: `#` comments, blank lines, optional `export`, optional quotes. */
export function parseKeyValueFile(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const rawLine of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    let value = match[2]!;
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) value = value.slice(1, -1);
    values.set(match[1]!, value);
  }
  return values;
}

export interface CiFallback {
  readonly file: string;
  lookup(name: string): Lookup;
}

export function loadCiFallback(file: string, env: Environment): CiFallback {
  if (env.NODE_ENV === "production") {
    throw new SecretConfigurationError(
      `The CI secrets fallback (${file}) is not allowed when NODE_ENV=production: production secrets must be injected.`,
    );
  }
  if (env.CI === undefined || env.CI === "" || env.CI === "false" || env.CI === "0") {
    throw new SecretConfigurationError(
      `The CI secrets fallback (${file}) only works in CI (the CI environment variable is not set).`,
    );
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new SecretConfigurationError(
      `The CI secrets fallback file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}).`,
    );
  }
  const values = parseKeyValueFile(text);
  const source = `CI fallback file ${file}`;
  return {
    file,
    lookup(name) {
      const value = values.get(name);
      if (value === undefined) return { report: { source, outcome: "not listed" } };
      if (value === "") return { report: { source, outcome: "empty" } };
      return { value };
    },
  };
}
