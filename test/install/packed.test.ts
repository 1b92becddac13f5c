/**
 * The packages as users install them: every publishable package packed with `pnpm pack` (which
 * turns `workspace:*` into real versions), installed with npm from the tarballs into a fresh
 * project outside the workspace, next to `eslint` and `typescript-eslint` from the registry, and
 * run there exactly as the README's quick starts say. Nothing of the workspace is on the way: the
 * project is under the OS temp dir, its node_modules holds real copies, and the children get a
 * PATH without the workspace's `node_modules/.bin`.
 *
 * It needs the npm registry. When the registry cannot be reached it fails, saying so: it is never
 * skipped, in CI or elsewhere.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const INSTALL_TIMEOUT_MS = 5 * 60_000;

/** The packages users install; any other non-private package under packages/ is packed and installed too. */
const expectedPackages = ["@secrets-suite/core", "@secrets-suite/secret-scanner", "eslint-plugin-secrets", "secrets-runtime"];

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  main?: string;
  types?: string;
  bin?: Record<string, string>;
  exports?: Record<string, string | Record<string, string>>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

interface Packed {
  /** The workspace directory the package was packed from. */
  readonly source: string;
  readonly tarball: string;
  /** `tar -tzf`, without the leading `package/`. */
  readonly entries: readonly string[];
  /** The tarball extracted, to read what users get. */
  readonly contents: string;
  readonly manifest: Manifest;
}

const packed = new Map<string, Packed>();
let work: string;
let project: string;

/**
 * The environment of every child: what npm needs to reach the registry (home, proxies,
 * certificates, registry settings), a PATH without workspace directories, and nothing that pnpm
 * or vitest set for this process (npm_*, NODE_OPTIONS, NODE_ENV, NODE_PATH). npx must not fetch a
 * package of the same name from the registry when the local one is missing (the registry has an
 * unrelated `secret-scanner`): npm_config_yes=false.
 */
function userEnvironment(): NodeJS.ProcessEnv {
  const inherited: NodeJS.ProcessEnv = {
    HOME: process.env.HOME,
    USER: process.env.USER,
    LANG: process.env.LANG,
    TMPDIR: process.env.TMPDIR,
    CI: process.env.CI,
    SYSTEMROOT: process.env.SYSTEMROOT,
    APPDATA: process.env.APPDATA,
    LOCALAPPDATA: process.env.LOCALAPPDATA,
    NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS,
    SSL_CERT_FILE: process.env.SSL_CERT_FILE,
    HTTP_PROXY: process.env.HTTP_PROXY,
    HTTPS_PROXY: process.env.HTTPS_PROXY,
    NO_PROXY: process.env.NO_PROXY,
    http_proxy: process.env.http_proxy,
    https_proxy: process.env.https_proxy,
    no_proxy: process.env.no_proxy,
    npm_config_registry: process.env.npm_config_registry,
    npm_config_cafile: process.env.npm_config_cafile,
    npm_config_proxy: process.env.npm_config_proxy,
    npm_config_https_proxy: process.env.npm_config_https_proxy,
    npm_config_userconfig: process.env.npm_config_userconfig,
  };
  const environment = Object.fromEntries(Object.entries(inherited).filter(([, value]) => value !== undefined));
  environment.PATH = (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter((entry) => path.isAbsolute(entry) && !isInside(entry, repoRoot))
    .join(path.delimiter);
  environment.NO_COLOR = "1";
  environment.npm_config_yes = "false";
  return environment;
}

function isInside(file: string, directory: string): boolean {
  const relative = path.relative(directory, file);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

function run(command: string, args: readonly string[], cwd: string, timeout = 120_000): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: userEnvironment(), timeout, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return result;
}

/** Runs a command that must succeed, with its output in the failure message. */
function mustRun(command: string, args: readonly string[], cwd: string, timeout?: number): string {
  const result = run(command, args, cwd, timeout);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited with ${result.status} in ${cwd}\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

function assertRegistryReachable(): void {
  const registry = mustRun("npm", ["config", "get", "registry"], work).trim();
  const ping = spawnSync("npm", ["ping", "--fetch-retries=0", "--fetch-timeout=30000"], { cwd: work, encoding: "utf8", env: userEnvironment(), timeout: 60_000 });
  if (ping.error !== undefined || ping.status !== 0) {
    const why = ping.error === undefined ? `npm ping exited with ${ping.status}` : `npm ping: ${ping.error.message}`;
    throw new Error(
      `The npm registry ${registry} cannot be reached (${why}): this test installs eslint and typescript-eslint from it, ` +
        `as users do, and cannot run offline.\n${ping.stderr ?? ""}`,
    );
  }
}

/** The README's section that starts with `heading`, up to the next heading of any level. */
function readmeSection(heading: string): string {
  const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
  const start = readme.indexOf(`\n${heading}\n`);
  if (start === -1) throw new Error(`README.md has no section '${heading}'`);
  const rest = readme.slice(start + heading.length + 2);
  const end = rest.search(/^#{1,6} /m);
  return end === -1 ? rest : rest.slice(0, end);
}

/** The code blocks of a Markdown section in a language, in order. */
function codeBlocks(section: string, language: string): string[] {
  return [...section.matchAll(new RegExp("^```" + language + "\\n([\\s\\S]*?)^```", "gm"))].map((match) => match[1] ?? "");
}

function pack(source: string, destination: string): void {
  const manifest = JSON.parse(readFileSync(path.join(source, "package.json"), "utf8")) as Manifest;
  const output = execFileSync("pnpm", ["pack", "--pack-destination", destination, "--json"], { cwd: source, encoding: "utf8" });
  const tarball = (JSON.parse(output) as { filename: string }).filename;
  const entries = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" })
    .split("\n")
    .filter((entry) => entry !== "")
    .map((entry) => {
      expect(entry, `${manifest.name}: every tarball entry is under package/`).toMatch(/^package\//);
      return entry.slice("package/".length);
    })
    .sort();
  const contents = path.join(destination, "contents", manifest.name);
  mkdirSync(contents, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", contents, "--strip-components=1"]);
  const packedManifest = JSON.parse(readFileSync(path.join(contents, "package.json"), "utf8")) as Manifest;
  packed.set(manifest.name, { source, tarball, entries, contents, manifest: packedManifest });
}

function writeFiles(root: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
}

function git(...args: string[]): void {
  mustRun("git", ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", ...args], project);
}

/** A TypeScript file that reads one secret bare (no-bare-env-secret) and one under a drifted name. */
const serverSource = `import { getSecret } from "./config/secrets.js";

const port: number = 3000;
export const stripeKey = process.env.STRIPE_API_KEY;
export const databasePassword = getSecret("DATABASE_PASSWORD");
export const webhookSecret = getSecret("WEBHOOK_SECRET");
export { port };
`;

const composeFile = `services:
  api:
    build: .
    secrets:
      - DATABASE_PASSWORD
      - STRIPE_WEBHOOK_SECRET
secrets:
  DATABASE_PASSWORD:
    file: ./secrets/database_password.txt
  STRIPE_WEBHOOK_SECRET:
    file: ./secrets/stripe_webhook_secret.txt
`;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "secrets-suite-packed-"));
  expect(isInside(realpathSync(work), repoRoot), "the temp dir is outside the workspace").toBe(false);
  assertRegistryReachable();

  const tarballs = path.join(work, "tarballs");
  for (const directory of readdirSync(path.join(repoRoot, "packages"))) {
    const source = path.join(repoRoot, "packages", directory);
    const manifestFile = path.join(source, "package.json");
    if (!existsSync(manifestFile)) continue;
    if ((JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest).private !== true) pack(source, tarballs);
  }

  // What a user does: a new package (npm init -y, an ES module package as eslint.config.js needs),
  // then the README's install commands, with our packages from the tarballs instead of the registry.
  project = path.join(work, "project");
  mkdirSync(project);
  mustRun("npm", ["init", "-y"], project);
  mustRun("npm", ["pkg", "set", "type=module"], project);
  const installs = codeBlocks(readmeSection("## Quick start (ESLint flat config)"), "sh")
    .concat(codeBlocks(readmeSection("## Quick start: secret-scanner"), "sh"))
    .flatMap((block) => block.split("\n"))
    .filter((line) => line.startsWith("npm install"));
  expect(installs).toEqual(["npm install --save-dev eslint eslint-plugin-secrets typescript-eslint", "npm install --save-dev @secrets-suite/secret-scanner"]);
  const specs = installs
    .flatMap((line) => line.replace("npm install --save-dev ", "").split(" "))
    .map((name) => packed.get(name)?.tarball ?? name);
  // The dependencies between our packages (the plugin and the scanner on @secrets-suite/core) are
  // not on the registry: every tarball is installed, and npm links them by version.
  const ours = [...packed.values()].map((entry) => entry.tarball).filter((tarball) => !specs.includes(tarball));
  mustRun("npm", ["install", "--save-dev", "--no-audit", "--no-fund", "--prefer-offline", ...specs, ...ours], project, INSTALL_TIMEOUT_MS);

  const eslintConfig = codeBlocks(readmeSection("## Quick start (ESLint flat config)"), "js")[0];
  if (eslintConfig === undefined) throw new Error("README.md's ESLint quick start has no js block");
  writeFiles(project, {
    "eslint.config.js": eslintConfig,
    ".gitignore": "node_modules/\n",
    // the accessor file of the README's settings: the sanctioned accessor, from secrets-runtime
    "src/config/secrets.ts": 'export { getSecret } from "secrets-runtime";\n',
    "src/server.ts": serverSource,
    "docker-compose.yml": composeFile,
    ".env.example": "DATABASE_PASSWORD=\nSTRIPE_WEBHOOK_SECRET=\n",
  });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "a project that installs the secrets suite");
}, INSTALL_TIMEOUT_MS);

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

describe("the packed tarballs", () => {
  it("are every publishable package", () => {
    expect([...packed.keys()].sort()).toEqual(expect.arrayContaining(expectedPackages));
  });

  it("hold the build, its sources, the manifest, README and LICENSE, and no tests or fixtures", () => {
    for (const [name, { entries }] of packed) {
      expect(entries, name).toEqual(expect.arrayContaining(["package.json", "README.md", "LICENSE"]));
      expect(entries.filter((entry) => entry.startsWith("dist/")).length, `${name}: dist/ is packed`).toBeGreaterThan(0);
      for (const entry of entries) {
        expect(entry, `${name}: only the manifest, README, LICENSE, schema.json, dist/ and src/`).toMatch(/^(package\.json|README\.md|LICENSE|schema\.json|(dist|src)\/.+)$/);
        expect(entry, `${name}: no tests, fixtures or build state`).not.toMatch(/(^|\/)(test|tests|__tests__|fixtures)\/|\.(test|spec)\.|tsbuildinfo/);
      }
    }
  });

  it("have source maps whose sources are in the tarball", () => {
    for (const [name, { entries, contents }] of packed) {
      const maps = entries.filter((entry) => entry.endsWith(".map"));
      for (const map of maps) {
        const { sources } = JSON.parse(readFileSync(path.join(contents, map), "utf8")) as { sources: string[] };
        for (const source of sources) {
          expect(entries, `${name}: ${map} points to ${source} (a stale dist/? pnpm clean && pnpm build)`).toContain(path.posix.join(path.posix.dirname(map), source));
        }
      }
    }
  });

  it("have manifests with real versions whose entry points are in the tarball", () => {
    for (const [name, { entries, manifest }] of packed) {
      expect(JSON.stringify(manifest), `${name}: pnpm pack replaced workspace: ranges`).not.toContain("workspace:");
      const targets = [manifest.main, manifest.types, ...Object.values(manifest.bin ?? {})];
      for (const target of Object.values(manifest.exports ?? {})) targets.push(...(typeof target === "string" ? [target] : Object.values(target)));
      for (const target of targets.filter((entry) => entry !== undefined)) {
        expect(entries, `${name}: ${target}`).toContain(path.posix.normalize(target));
      }
    }
  });

  it("ship the CLI executable, with a node shebang", () => {
    const scanner = packed.get("@secrets-suite/secret-scanner");
    const bin = scanner?.manifest.bin?.["secret-scanner"];
    if (scanner === undefined || bin === undefined) throw new Error("secret-scanner has no secret-scanner bin");
    const file = path.join(scanner.contents, bin);
    expect(readFileSync(file, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
    expect(statSync(file).mode & 0o111, "executable").not.toBe(0);
  });

  it("declare every package their built code and types import as a dependency or peer dependency", () => {
    const builtins = new Set(builtinModules);
    for (const [name, { entries, contents, manifest }] of packed) {
      const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
      for (const entry of entries.filter((file) => /^dist\/.*\.(js|d\.ts)$/.test(file))) {
        const { importedFiles } = ts.preProcessFile(readFileSync(path.join(contents, entry), "utf8"), true, true);
        for (const { fileName: specifier } of importedFiles) {
          if (specifier.startsWith(".") || specifier.startsWith("node:") || builtins.has(specifier)) continue;
          const parts = specifier.split("/");
          const packageName = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
          expect(declared.has(packageName ?? ""), `${name}: ${entry} imports ${specifier}, not in dependencies or peerDependencies`).toBe(true);
        }
      }
    }
  });
});

describe("a project that installs the tarballs", () => {
  it("has its own copies of the packages, outside the workspace", () => {
    expect(isInside(project, repoRoot)).toBe(false);
    const modules = path.join(project, "node_modules");
    const topLevel = readdirSync(modules).flatMap((entry) =>
      entry.startsWith("@") ? readdirSync(path.join(modules, entry)).map((scoped) => `${entry}/${scoped}`) : [entry],
    );
    for (const entry of topLevel) {
      expect(lstatSync(path.join(modules, entry)).isSymbolicLink(), `node_modules/${entry} is a symbolic link`).toBe(false);
    }
    for (const name of [...packed.keys(), "eslint", "typescript-eslint"]) {
      const resolved = realpathSync(mustRun(process.execPath, ["--input-type=module", "-e", `console.log(import.meta.resolve(${JSON.stringify(name)}))`], project).trim().replace(/^file:\/\//, ""));
      expect(isInside(resolved, path.join(realpathSync(project), "node_modules", name)), `${name} resolves to ${resolved}`).toBe(true);
    }
    for (const bin of ["eslint", "secret-scanner"]) {
      const target = realpathSync(path.join(modules, ".bin", bin));
      expect(isInside(target, realpathSync(modules)), `node_modules/.bin/${bin} -> ${target}`).toBe(true);
    }
  });

  it("runs secrets-runtime's accessor", () => {
    const token = randomUUID();
    const script = 'import { getSecret } from "secrets-runtime"; const token = getSecret("PACKED_TEST_TOKEN"); console.log(token.reveal().length, String(token));';
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: project,
      encoding: "utf8",
      env: { ...userEnvironment(), PACKED_TEST_TOKEN: token },
    });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(`${token.length} [redacted]\n`);
  });

  it("npx eslint . with the README's config reports the bare secret read", () => {
    const result = run("npx", ["eslint", "."], project);
    const findings: string[] = [];
    let file = "";
    for (const line of result.stdout.split("\n")) {
      if (line.startsWith("/")) file = path.relative(realpathSync(project), realpathSync(line.trim()));
      const message = /^\s+(\d+:\d+)\s+(error|warning)\s+.*?\s(\S+)$/.exec(line);
      if (message) findings.push(`${file}:${message[1]} ${message[2]} ${message[3]}`);
    }
    expect(findings, result.stdout + result.stderr).toEqual(["src/server.ts:4:26 error secrets/no-bare-env-secret"]);
    expect(result.status).toBe(1);
  });

  it("npx secret-scanner check reports the drifted name and the undocumented one, in text and in a JSON report", () => {
    const text = run("npx", ["secret-scanner", "check"], project);
    expect(text.stderr).toBe("");
    expect(text.stdout).toMatch(/^src\/server\.ts$/m);
    expect(text.stdout).toMatch(/^\s+6:\d+\s+error\s+Secret 'WEBHOOK_SECRET' .*\bname-mismatch$/m);
    expect(text.status).toBe(1);

    const json = run("npx", ["secret-scanner", "check", "--format", "json", "--output", "secrets-report.json"], project);
    expect(json.status).toBe(1);
    const report = JSON.parse(readFileSync(path.join(project, "secrets-report.json"), "utf8")) as {
      findings: { ruleId: string; file: string; line: number; secret?: string }[];
    };
    expect(report.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId} ${finding.secret ?? ""}`)).toEqual([
      "src/server.ts:4 undeclared-in-env-example STRIPE_API_KEY",
      "src/server.ts:6 name-mismatch WEBHOOK_SECRET",
    ]);
  });

  it("npx secret-scanner --version prints the packed version", () => {
    const result = run("npx", ["secret-scanner", "--version"], project);
    expect(result.stdout.trim(), result.stderr).toBe(packed.get("@secrets-suite/secret-scanner")?.manifest.version);
    expect(result.status).toBe(0);
  });
});
