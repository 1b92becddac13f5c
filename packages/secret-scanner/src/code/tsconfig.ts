/**
 * Path aliases of the repository's TypeScript and JavaScript projects: `compilerOptions.paths`
 * and `baseUrl` of the nearest `tsconfig.json` (or `jsconfig.json`), with what it `extends`, so
 * that `import environment from "@server/utils/environment"` or `import { getSecret } from
 * "@/lib/secrets"` resolves into the repository as TypeScript and the bundlers resolve it.
 * Config files are JSON with comments and trailing commas, read with jsonc-parser.
 */
import fs from "node:fs";
import path from "node:path";
import { parse, type ParseError } from "jsonc-parser";
import type { WorkspacePackage } from "./workspace.js";

export interface PathAlias {
  /** The pattern, with at most one `*` (`@server/*`, `@/*`, `config`). */
  readonly pattern: string;
  /** What it maps to, relative POSIX paths from the scan root, with the same `*`. */
  readonly targets: readonly string[];
}

/** The aliases in force for the code under one directory. */
export interface PathConfig {
  /** Directory of the config file, relative POSIX ("" for the root). */
  readonly dir: string;
  /** `baseUrl`, relative POSIX from the scan root ("" for the root), if set. */
  readonly baseUrl: string | undefined;
  readonly aliases: readonly PathAlias[];
}

const CONFIG_NAMES = ["tsconfig.json", "jsconfig.json"];
/** `extends` chains longer than this are not followed (a cycle ends here). */
const MAX_EXTENDS = 8;

interface Options {
  baseUrl?: { readonly value: string; readonly dir: string };
  paths?: { readonly value: Record<string, unknown>; readonly dir: string };
}

/** Relative POSIX path from the root of an absolute path, or undefined outside the root. */
function relativeTo(root: string, absolute: string): string | undefined {
  const relative = path.relative(root, absolute).split(path.sep).join("/");
  if (relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
  return relative;
}

function readJsonc(file: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true, disallowComments: false }) as unknown;
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The config file `extends` names, from the file that names it. */
function extendedFile(root: string, fromDir: string, specifier: string, packages: readonly WorkspacePackage[]): string | undefined {
  const withJson = (file: string): string | undefined => {
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
    if (!file.endsWith(".json") && fs.existsSync(`${file}.json`)) return `${file}.json`;
    if (fs.existsSync(path.join(file, "tsconfig.json"))) return path.join(file, "tsconfig.json");
    return undefined;
  };
  if (specifier.startsWith(".") || path.isAbsolute(specifier)) return withJson(path.resolve(fromDir, specifier));
  // a shared config of the workspace (`@repo/typescript-config/base.json`); one from a package
  // outside the repository sets no alias of the repository's
  for (const workspacePackage of packages) {
    if (specifier !== workspacePackage.name && !specifier.startsWith(`${workspacePackage.name}/`)) continue;
    const rest = specifier.slice(workspacePackage.name.length + 1);
    return withJson(path.join(root, workspacePackage.dir, rest === "" ? "tsconfig.json" : rest));
  }
  return undefined;
}

/** The `baseUrl` and `paths` a config file sets, with those it inherits, each with the directory it is relative to. */
function loadOptions(root: string, file: string, packages: readonly WorkspacePackage[], depth: number): Options {
  const config = readJsonc(file);
  if (!config || depth > MAX_EXTENDS) return {};
  const dir = path.dirname(file);
  let options: Options = {};
  const extendsField = config["extends"];
  const parents = typeof extendsField === "string" ? [extendsField] : Array.isArray(extendsField) ? extendsField : [];
  for (const parent of parents) {
    if (typeof parent !== "string") continue;
    const parentFile = extendedFile(root, dir, parent, packages);
    if (parentFile) options = { ...options, ...loadOptions(root, parentFile, packages, depth + 1) };
  }
  const compilerOptions = config["compilerOptions"];
  if (compilerOptions && typeof compilerOptions === "object") {
    const record = compilerOptions as Record<string, unknown>;
    if (typeof record["baseUrl"] === "string") options = { ...options, baseUrl: { value: record["baseUrl"], dir } };
    const paths = record["paths"];
    if (paths && typeof paths === "object" && !Array.isArray(paths)) options = { ...options, paths: { value: paths as Record<string, unknown>, dir } };
  }
  return options;
}

/**
 * The path configs of the repository: one for each directory (among `directories`, the ones that
 * hold code and their parents) with a `tsconfig.json` or `jsconfig.json` that sets aliases.
 */
export function findPathConfigs(root: string, directories: Iterable<string>, packages: readonly WorkspacePackage[]): PathConfig[] {
  const configs: PathConfig[] = [];
  for (const dir of [...directories].sort()) {
    if (dir.split("/").includes("node_modules")) continue;
    const file = CONFIG_NAMES.map((name) => path.join(root, dir, name)).find((candidate) => fs.existsSync(candidate));
    if (!file) continue;
    const options = loadOptions(root, file, packages, 0);
    const baseUrl = options.baseUrl ? relativeTo(root, path.resolve(options.baseUrl.dir, options.baseUrl.value)) : undefined;
    const aliases: PathAlias[] = [];
    if (options.paths) {
      // targets are relative to baseUrl, or without one to the config that sets `paths`
      const base = options.baseUrl ? path.resolve(options.baseUrl.dir, options.baseUrl.value) : options.paths.dir;
      for (const [pattern, value] of Object.entries(options.paths.value)) {
        if (!Array.isArray(value) || (pattern.match(/\*/g)?.length ?? 0) > 1) continue;
        const targets: string[] = [];
        for (const target of value) {
          if (typeof target !== "string") continue;
          const relative = relativeTo(root, path.resolve(base, target));
          if (relative !== undefined && !relative.split("/").includes("node_modules")) targets.push(relative);
        }
        if (targets.length > 0) aliases.push({ pattern, targets });
      }
    }
    configs.push({ dir, baseUrl, aliases });
  }
  return configs;
}

/**
 * The candidate paths an alias maps a specifier to, best pattern first: an exact pattern, else
 * the wildcard pattern with the longest prefix (as TypeScript chooses).
 */
export function aliasCandidates(aliases: readonly PathAlias[], specifier: string): string[] {
  let best: { alias: PathAlias; captured: string; prefix: number } | undefined;
  for (const alias of aliases) {
    const star = alias.pattern.indexOf("*");
    if (star === -1) {
      if (alias.pattern === specifier) return [...alias.targets];
      continue;
    }
    const prefix = alias.pattern.slice(0, star);
    const suffix = alias.pattern.slice(star + 1);
    if (specifier.length < prefix.length + suffix.length || !specifier.startsWith(prefix) || !specifier.endsWith(suffix)) continue;
    if (best && best.prefix >= prefix.length) continue;
    best = { alias, captured: specifier.slice(prefix.length, specifier.length - suffix.length), prefix: prefix.length };
  }
  if (!best) return [];
  const { alias, captured } = best;
  return alias.targets.map((target) => target.replace("*", captured));
}
