/**
 * The import graph, from a regular-expression scan of each file's text (no parsing: this runs on
 * every code file of the repository). It finds `import … from "x"`, `export … from "x"`,
 * `import "x"`, `import("x")` and `require("x")`, and resolves relative specifiers and workspace
 * package names to code files of the repository.
 */
import path from "node:path";
import { aliasCandidates, type PathConfig } from "./tsconfig.js";
import { CODE_EXTENSIONS, joinPosix, type WorkspacePackage } from "./workspace.js";

export interface ImportEdge {
  /** The imported code file, relative to the scan root. */
  readonly target: string;
  /** `export … from`: the file passes the target's exports on. */
  readonly reexport: boolean;
}

export interface ImportSpecifierMatch {
  readonly specifier: string;
  readonly reexport: boolean;
}

/*
 * 1: `import … from "x"`, `import "x"`, `export … from "x"` (the keyword, then anything that can
 *    stand between it and `from`, comments included, then the string); 2: `import("x")`, `require("x")`.
 */
const IMPORT_PATTERN =
  /\b(import|export)\s*(?:type\s+)?(?:(?:[\w$*{}\s,]|\/\/[^\n]*\n|\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\/)*?\bfrom\s*)?(["'])([^"'\n\r]+)\2|\b(?:import|require)\s*\(\s*(["'])([^"'\n\r]+)\4\s*\)/g;

export function scanImportSpecifiers(text: string): ImportSpecifierMatch[] {
  const matches: ImportSpecifierMatch[] = [];
  IMPORT_PATTERN.lastIndex = 0;
  for (let match = IMPORT_PATTERN.exec(text); match; match = IMPORT_PATTERN.exec(text)) {
    if (match[3] !== undefined) {
      const reexport = match[1] === "export";
      // `export "x"` is not a statement; `export const a = "x"` cannot match (no `from`)
      if (reexport && !/\bfrom\s*["']$/.test(match[0].slice(0, match[0].length - match[3].length - 1))) continue;
      matches.push({ specifier: match[3], reexport });
    } else if (match[5] !== undefined) {
      matches.push({ specifier: match[5], reexport: false });
    }
  }
  return matches;
}

/** `.js` in a TypeScript import names the `.ts` file it is compiled from. */
const TS_FOR_JS: ReadonlyMap<string, readonly string[]> = new Map([
  [".js", [".ts", ".tsx"]],
  [".jsx", [".tsx"]],
  [".mjs", [".mts"]],
  [".cjs", [".cts"]],
]);

export class ImportResolver {
  private readonly packagesByName: ReadonlyMap<string, WorkspacePackage>;
  private readonly configsByDir: ReadonlyMap<string, PathConfig>;
  /** The path config in force in a directory (null: none), per directory asked about. */
  private readonly configOfDir = new Map<string, PathConfig | null>();
  private readonly cache = new Map<string, string | null>();
  private readonly relativeCache = new Map<string, string | null>();

  constructor(
    private readonly codeFiles: ReadonlySet<string>,
    packages: readonly WorkspacePackage[],
    pathConfigs: readonly PathConfig[] = [],
  ) {
    const byName = new Map<string, WorkspacePackage>();
    for (const workspacePackage of packages) {
      if (!byName.has(workspacePackage.name)) byName.set(workspacePackage.name, workspacePackage);
    }
    this.packagesByName = byName;
    this.configsByDir = new Map(pathConfigs.map((config) => [config.dir, config]));
  }

  /** The nearest path config above a directory (TypeScript uses the nearest tsconfig.json). */
  private configFor(dir: string): PathConfig | undefined {
    const known = this.configOfDir.get(dir);
    if (known !== undefined) return known ?? undefined;
    const own = this.configsByDir.get(dir);
    const found = own ?? (dir === "" ? undefined : this.configFor(dir.includes("/") ? dir.slice(0, dir.lastIndexOf("/")) : ""));
    this.configOfDir.set(dir, found ?? null);
    return found;
  }

  /** A non-relative specifier through the path aliases and `baseUrl` in force for `dir`. */
  private resolveAlias(dir: string, specifier: string): string | undefined {
    const config = this.configFor(dir);
    if (!config) return undefined;
    for (const candidate of aliasCandidates(config.aliases, specifier)) {
      const resolved = this.resolvePath(candidate);
      if (resolved) return resolved;
    }
    return config.baseUrl === undefined ? undefined : this.resolvePath(joinPosix(config.baseUrl, specifier));
  }

  /** The code file `specifier` refers to from `fromFile`, if it is one of the repository's. */
  resolve(fromFile: string, specifier: string): string | undefined {
    if (specifier.startsWith(".")) {
      const slash = fromFile.lastIndexOf("/");
      const dir = slash === -1 ? "" : fromFile.slice(0, slash);
      // files of one directory tend to import the same modules
      const key = `${dir}\0${specifier}`;
      const cached = this.relativeCache.get(key);
      if (cached !== undefined) return cached ?? undefined;
      const resolved = this.resolvePath(joinPosix(dir, specifier));
      this.relativeCache.set(key, resolved ?? null);
      return resolved;
    }
    if (specifier.startsWith("/") || specifier.includes(":")) return undefined;
    const slash = fromFile.lastIndexOf("/");
    const dir = slash === -1 ? "" : fromFile.slice(0, slash);
    // aliases first (TypeScript and the bundlers read them before node_modules), then packages
    const config = this.configsByDir.size > 0 ? this.configFor(dir) : undefined;
    const key = `${config?.dir ?? ""}\0${specifier}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const resolved = (config ? this.resolveAlias(dir, specifier) : undefined) ?? this.resolvePackage(specifier);
    this.cache.set(key, resolved ?? null);
    return resolved;
  }

  private resolvePackage(specifier: string): string | undefined {
    const segments = specifier.split("/");
    const nameLength = specifier.startsWith("@") ? 2 : 1;
    if (segments.length < nameLength) return undefined;
    const name = segments.slice(0, nameLength).join("/");
    const workspacePackage = this.packagesByName.get(name);
    if (!workspacePackage) return undefined;
    const subpath = segments.slice(nameLength).join("/");
    if (subpath === "") return workspacePackage.entry;
    const exported = workspacePackage.subpaths.get(subpath);
    if (exported) return exported;
    return (
      this.resolvePath(joinPosix(workspacePackage.dir, `src/${subpath}`)) ??
      this.resolvePath(joinPosix(workspacePackage.dir, subpath))
    );
  }

  /** A path without or with an extension, or a directory with an index file. */
  resolvePath(base: string): string | undefined {
    if (base.startsWith("../") || base === "..") return undefined;
    const cached = this.cache.get(base);
    if (cached !== undefined) return cached ?? undefined;
    const resolved = this.lookup(base);
    this.cache.set(base, resolved ?? null);
    return resolved;
  }

  private lookup(base: string): string | undefined {
    const has = (candidate: string): boolean => this.codeFiles.has(candidate);
    const extension = path.posix.extname(base);
    const swapped = TS_FOR_JS.get(extension);
    if (swapped) {
      const stem = base.slice(0, -extension.length);
      for (const replacement of swapped) if (has(stem + replacement)) return stem + replacement;
    }
    if (has(base)) return base;
    for (const candidate of CODE_EXTENSIONS) if (has(base + candidate)) return base + candidate;
    if (has(`${base}.d.ts`)) return `${base}.d.ts`;
    const dir = base === "." ? "" : `${base}/`;
    for (const candidate of CODE_EXTENSIONS) if (has(`${dir}index${candidate}`)) return `${dir}index${candidate}`;
    return undefined;
  }
}

/** The import edges of one file, in the order found, without duplicates or self-imports. */
export function importEdges(file: string, text: string, resolver: ImportResolver): ImportEdge[] {
  const edges = new Map<string, ImportEdge>();
  for (const { specifier, reexport } of scanImportSpecifiers(text)) {
    const target = resolver.resolve(file, specifier);
    if (target === undefined || target === file) continue;
    const existing = edges.get(target);
    if (!existing || (reexport && !existing.reexport)) edges.set(target, { target, reexport });
  }
  return [...edges.values()];
}
