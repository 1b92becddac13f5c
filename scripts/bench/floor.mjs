#!/usr/bin/env node
/**
 * The scanner's floor (issue 11): the least work any tool must do to find environment reads and
 * accessor calls with TypeScript's parser, so that `secret-scanner check` can be judged against
 * it rather than against an absolute time that depends on the machine. In the directory it is
 * run in, it
 *  1. loads TypeScript, the very copy the scanner loads (the one ts-morph bundles);
 *  2. lists the code files as the scanner finds them (tracked and untracked files with a code
 *     extension, .gitignore honoured, declaration files left out), with `git ls-files`;
 *  3. reads every file and tests it with one regular expression: does it name `env` or an
 *     accessor as a whole identifier (the scanner's own test is of the same kind);
 *  4. parses the files that match with `ts.createSourceFile` (no parent pointers, no JSDoc, as
 *     the scanner parses) and drops each tree at once.
 * It resolves no symbol, binds nothing and analyses nothing: whatever the scanner does beyond
 * this is what the ratio check/floor measures. Prints one line of JSON with its counts.
 *
 *   node scripts/bench/floor.mjs [--accessor <name>]...   (default accessor: getSecret)
 */
import { execFileSync } from "node:child_process";
import { readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";

const repoRoot = path.resolve(import.meta.dirname, "../..");
/** The scanner's code extensions (packages/secret-scanner/src/discovery/discover.ts). */
const CODE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
const DECLARATION_FILE = /\.d\.[mc]?ts$/;

/**
 * The one text test: `env` or an accessor's name as a whole identifier (a `$` or a word
 * character on either side makes it another name).
 * @param {readonly string[]} accessors
 */
export function mentionPattern(accessors) {
  const names = ["env", ...accessors].map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(String.raw`(?<![\w$])(?:${names.join("|")})(?![\w$])`);
}

/**
 * TypeScript as the scanner loads it: the copy ts-morph bundles, resolved from the scanner's
 * package (packages/secret-scanner/src/code/read-code.ts, `loadTypeScript`).
 * @returns {typeof import("typescript")}
 */
function loadTypeScript() {
  const fromScanner = createRequire(path.join(repoRoot, "packages/secret-scanner/package.json"));
  return createRequire(fromScanner.resolve("ts-morph"))("@ts-morph/common/dist/typescript.js");
}

/** @param {string} root */
function listCodeFiles(root) {
  const output = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const files = new Set(output.split("\0").filter((file) => CODE_EXTENSIONS.includes(path.extname(file)) && !DECLARATION_FILE.test(file)));
  return [...files].sort();
}

/**
 * @param {typeof import("typescript")} ts
 * @param {string} file
 */
function scriptKind(ts, file) {
  switch (path.extname(file)) {
    case ".tsx":
      return ts.ScriptKind.TSX;
    case ".jsx":
      return ts.ScriptKind.JSX;
    case ".js":
    case ".mjs":
    case ".cjs":
      return ts.ScriptKind.JS;
    default:
      return ts.ScriptKind.TS;
  }
}

function main() {
  const { values } = parseArgs({ options: { accessor: { type: "string", multiple: true } }, strict: true });
  const ts = loadTypeScript();
  const root = process.cwd();
  const pattern = mentionPattern(values.accessor ?? ["getSecret"]);
  const files = listCodeFiles(root);
  let bytes = 0;
  let matched = 0;
  let statements = 0;
  for (const file of files) {
    const text = readFileSync(path.join(root, file), "utf8");
    bytes += text.length;
    if (!pattern.test(text)) continue;
    matched++;
    const sourceFile = ts.createSourceFile(
      file,
      text,
      { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
      false,
      scriptKind(ts, file),
    );
    // counted, so that the parse is observably used; the tree itself is dropped here
    statements += sourceFile.statements.length;
  }
  process.stdout.write(`${JSON.stringify({ files: files.length, characters: bytes, matched, parsed: matched, statements })}\n`);
}

// run as a script (Node gives the module its real path, whatever path it was started by)
if (process.argv[1] && realpathSync(process.argv[1]) === import.meta.filename) main();
