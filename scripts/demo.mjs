#!/usr/bin/env node
// The main job: the suite on the bundled example repository (fixtures/example-repo), which
// breaks the contract on purpose. Exits 0 when the tools ran and reported, 2 when one failed.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const exampleRepo = path.join(root, "fixtures/example-repo");

/**
 * @param {string} title
 * @param {string} command
 * @param {string[]} args
 */
function run(title, command, args) {
  process.stdout.write(`\n=== ${title}\n$ ${[path.basename(command), ...args].join(" ")}  (in fixtures/example-repo)\n`);
  const result = spawnSync(process.execPath, [command, ...args], { cwd: exampleRepo, stdio: "inherit" });
  if (result.status === 0 || result.status === 1) return result.status;
  process.stderr.write(`${title} failed (exit ${result.status ?? result.signal}).\n`);
  process.exit(2);
}

const eslintStatus = run("ESLint with eslint-plugin-secrets (recommended)", path.join(root, "node_modules/eslint/bin/eslint.js"), ["."]);

process.stdout.write(
  `\nThe example repository breaks the contract on purpose: ESLint ${eslintStatus === 1 ? "found the violations above" : "found nothing (unexpected)"}.\n`,
);
