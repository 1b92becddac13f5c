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

const scannerStatus = run("secret-scanner check: code against docker-compose and .env.example", path.join(root, "packages/secret-scanner/dist/cli.js"), ["check", "."]);
const eslintStatus = run("ESLint with eslint-plugin-secrets (recommended)", path.join(root, "node_modules/eslint/bin/eslint.js"), ["."]);

/** @param {number} status */
const found = (status) => (status === 1 ? "found the problems above" : "found nothing (unexpected)");
process.stdout.write(
  `\nThe example repository breaks the contract on purpose: the scanner ${found(scannerStatus)}, and ESLint ${found(eslintStatus)}.\n`,
);
