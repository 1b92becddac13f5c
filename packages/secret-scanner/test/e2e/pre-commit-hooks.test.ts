/**
 * The pre-commit recipes of docs/pre-commit.md, on real git repositories: the pre-commit
 * framework's hook (`.pre-commit-hooks.yaml`: it parses, and its entry runs as written; the
 * framework itself is Python and is not run), and husky + lint-staged with the real packages,
 * installed as the recipe says: a commit that breaks the contract is refused with the scanner's
 * message, a clean one goes through.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { cliPath, git, GIT_IDENTITY, makeRepo, repoRoot } from "./harness.js";

/**
 * `node_modules/.bin` of a project that installed the recipe's packages: shims that run the
 * workspace's installed copies (what npm links there when it installs them).
 */
function installBinaries(root: string): string {
  const bin = path.join(root, "node_modules/.bin");
  mkdirSync(bin, { recursive: true });
  const shims: Record<string, string> = {
    "secret-scanner": cliPath,
    husky: path.join(repoRoot, "node_modules/husky/bin.js"),
    "lint-staged": path.join(repoRoot, "node_modules/lint-staged/bin/lint-staged.js"),
  };
  for (const [name, target] of Object.entries(shims)) {
    writeFileSync(path.join(bin, name), `#!/bin/sh\nexec "${process.execPath}" "${target}" "$@"\n`);
    chmodSync(path.join(bin, name), 0o755);
  }
  return bin;
}

/** A project whose contract holds: a compose file, an env example, the accessor, one reader. */
function project(): string {
  return makeRepo({
    ".gitignore": "node_modules\n",
    "package.json": `${JSON.stringify({ name: "hooked", private: true, type: "module" }, null, 2)}\n`,
    "compose.yaml": "services:\n  api:\n    build: .\n    secrets: [DB_PASSWORD]\nsecrets:\n  DB_PASSWORD:\n    file: ./db_password.txt\n",
    ".env.example": "DB_PASSWORD=\n",
    "src/secrets.ts": "export function getSecret(name: string): string {\n  return process.env[name] ?? '';\n}\n",
    "src/db.ts": 'import { getSecret } from "./secrets";\nexport const password = getSecret("DB_PASSWORD");\n',
  });
}

const BREAKING = 'import { getSecret } from "./secrets";\nexport const stripe = getSecret("STRIPE_KEY");\n';
const CLEAN = 'import { getSecret } from "./secrets";\nexport const again = getSecret("DB_PASSWORD");\n';

/** The fenced block of `language` that follows `heading` in docs/pre-commit.md. */
function recipeBlock(heading: string, language: string): string {
  const docs = readFileSync(path.join(repoRoot, "docs/pre-commit.md"), "utf8");
  const section = docs.slice(docs.indexOf(`## ${heading}`));
  const match = new RegExp("```" + language + "\\n([\\s\\S]*?)```").exec(section);
  if (!match) throw new Error(`no ${language} block under "${heading}" in docs/pre-commit.md`);
  return match[1]!;
}

describe(".pre-commit-hooks.yaml", () => {
  const hooks = parse(readFileSync(path.join(repoRoot, ".pre-commit-hooks.yaml"), "utf8")) as Array<Record<string, unknown>>;
  const hook = hooks.find((candidate) => candidate["id"] === "secret-scanner")!;

  it("declares the secret-scanner hook for node, on the files the scanner reads", () => {
    expect(hooks).toHaveLength(1);
    expect(hook).toMatchObject({ id: "secret-scanner", language: "node", entry: "secret-scanner check --staged", pass_filenames: false });
    // pre-commit matches `files` with Python's re.search; this pattern means the same in JavaScript
    const files = new RegExp(hook["files"] as string);
    for (const file of ["src/a.ts", "web/App.tsx", "lib/x.mjs", "compose.yaml", "deploy/docker-compose.prod.yml", ".env.example", "api.env.sample", "secret-scanner.config.json"]) {
      expect(files.test(file), file).toBe(true);
    }
    for (const file of ["README.md", "Dockerfile", "docs/deploy.yaml", "package.json"]) expect(files.test(file), file).toBe(false);
    // the documented copy is the file's
    expect(recipeBlock("The pre-commit framework", "yaml")).toContain(`entry: ${hook["entry"] as string}`);
    expect(recipeBlock("The pre-commit framework", "yaml")).toContain(`files: '${hook["files"] as string}'`);
  });

  it("runs as written: the entry refuses a breaking change and passes a clean one", () => {
    const root = project();
    const bin = installBinaries(root);
    const runEntry = () =>
      spawnSync("sh", ["-c", hook["entry"] as string], { cwd: root, encoding: "utf8", env: { PATH: `${bin}:${process.env.PATH ?? ""}`, NO_COLOR: "1" } });

    writeFileSync(path.join(root, "src/billing.ts"), BREAKING);
    git(root, "add", "src/billing.ts");
    const refused = runEntry();
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain("Secret 'STRIPE_KEY' is read here but no compose file declares it");

    git(root, "reset", "-q");
    writeFileSync(path.join(root, "src/billing.ts"), CLEAN);
    git(root, "add", "src/billing.ts");
    const passed = runEntry();
    expect(passed.stderr).toContain("checked the reads of 1 changed code file(s)");
    expect(passed.status).toBe(0);
  });
});

describe("husky + lint-staged", () => {
  it("refuses a commit that breaks the contract, with the scanner's message, and lets a clean one through", () => {
    const root = project();
    const bin = installBinaries(root);
    // only what git, husky and lint-staged need: no secret of the test environment
    const env = { PATH: `${bin}:${process.env.PATH ?? ""}`, HOME: process.env.HOME ?? "", NO_COLOR: "1", FORCE_COLOR: "0" };
    // the recipe: `npx husky init`, then the hook runs lint-staged, configured as documented
    execFileSync(path.join(bin, "husky"), ["init"], { cwd: root, env, stdio: "ignore" });
    const install = recipeBlock("husky + lint-staged", "sh");
    expect(install).toContain('echo "lint-staged" > .husky/pre-commit');
    writeFileSync(path.join(root, ".husky/pre-commit"), "lint-staged\n");
    writeFileSync(path.join(root, "lint-staged.config.mjs"), recipeBlock("husky + lint-staged", "js"));
    expect(git(root, "config", "core.hooksPath").trim()).toBe(".husky/_");
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "hooks");
    const commit = (message: string) =>
      spawnSync("git", [...GIT_IDENTITY, "commit", "-m", message], { cwd: root, encoding: "utf8", env });
    const head = () => git(root, "rev-parse", "HEAD").trim();

    writeFileSync(path.join(root, "src/billing.ts"), BREAKING);
    git(root, "add", "src/billing.ts");
    const before = head();
    const refused = commit("billing");
    expect(refused.status).not.toBe(0);
    expect(`${refused.stdout}${refused.stderr}`).toContain("Secret 'STRIPE_KEY' is read here but no compose file declares it");
    expect(`${refused.stdout}${refused.stderr}`).toContain("husky - pre-commit script failed");
    expect(head()).toBe(before);

    // a clean change commits, though its file has a breaking change that is not staged:
    // lint-staged sets it aside, so the scanner checks what is committed, and puts it back
    writeFileSync(path.join(root, "src/billing.ts"), CLEAN);
    git(root, "add", "src/billing.ts");
    appendFileSync(path.join(root, "src/billing.ts"), 'export const later = getSecret("NOT_YET");\n');
    const passed = commit("billing, clean");
    expect(passed.status, `${passed.stdout}${passed.stderr}`).toBe(0);
    expect(head()).not.toBe(before);
    expect(git(root, "show", "HEAD:src/billing.ts")).toBe(CLEAN);
    expect(readFileSync(path.join(root, "src/billing.ts"), "utf8")).toContain("NOT_YET");
  });
});
