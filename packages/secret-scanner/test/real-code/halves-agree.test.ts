/**
 * The two halves of the suite find the same environment reads in the same real code (corpus.ts):
 * the plugin's env-read finder (ESLint's scope analysis on typescript-eslint's tree) and the
 * scanner's (its own scopes on TypeScript's tree, linked across files). Each read is a file, a
 * line and a name; where the two lists differ, one of the finders is wrong.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { mentionsEnv, resolveSecretsSettings } from "@secrets-suite/core";
import { Linter } from "eslint";
import tseslint from "typescript-eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envReadsOf } from "../../../eslint-plugin-secrets/src/util/env-reads.js";
import { readCode } from "../../src/code/read-code.js";
import { repoRoot } from "../e2e/harness.js";
import { copyCorpus, listCorpus, type CorpusFile } from "./corpus.js";

const root = mkdtempSync(path.join(tmpdir(), "secret-scanner-halves-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let corpus: CorpusFile[];
let scannerReads: Set<string>;
let pluginReads: Set<string>;
/** Files one of the two could not parse: there is nothing to compare in them. */
const unparsed = new Set<string>();

/** The plugin's finder, as a rule that records the named reads of each file. */
function pluginReadsOf(files: readonly CorpusFile[]): Set<string> {
  const reads = new Set<string>();
  let current = "";
  const linter = new Linter({ configType: "flat" });
  const recorder = {
    meta: { type: "problem" as const, schema: [] },
    create(context: Parameters<typeof envReadsOf>[0]) {
      return {
        Program() {
          for (const read of envReadsOf(context)) if (read.kind === "named") reads.add(`${current}:${read.node.loc.start.line} ${read.name}`);
        },
      };
    },
  };
  for (const { file } of files) {
    const text = readFileSync(path.join(root, file), "utf8");
    // the finder's own text test: a file that does not mention env has no read
    if (!mentionsEnv(text)) continue;
    current = file;
    const messages = linter.verify(
      text,
      [
        {
          files: ["**/*"],
          plugins: { probe: { rules: { reads: recorder } } },
          rules: { "probe/reads": "error" },
          languageOptions: {
            parser: tseslint.parser,
            sourceType: file.endsWith(".cjs") ? "commonjs" : "module",
            parserOptions: { ecmaFeatures: { jsx: /\.[jt]sx$/.test(file) } },
          },
        },
      ] as never,
      file,
    );
    if (messages.some((message) => message.fatal)) unparsed.add(file);
  }
  return reads;
}

beforeAll(async () => {
  corpus = listCorpus(repoRoot);
  copyCorpus(corpus, root);
  const facts = await readCode(
    root,
    corpus.map(({ file }) => file),
    resolveSecretsSettings({}),
  );
  for (const problem of facts.problems) unparsed.add(problem.file);
  scannerReads = new Set(facts.reads.filter((read) => read.kind === "env").map((read) => `${read.position.file}:${read.position.line} ${read.name}`));
  pluginReads = pluginReadsOf(corpus);
}, 300_000);

describe("the plugin's and the scanner's environment reads on real code", () => {
  const inParsedFiles = (reads: Set<string>): string[] =>
    [...reads].filter((read) => !unparsed.has(read.slice(0, read.lastIndexOf(":")))).sort();

  it("are many (the comparison means something)", () => {
    expect(scannerReads.size).toBeGreaterThan(300);
    expect(pluginReads.size).toBeGreaterThan(300);
    // files neither could parse are few: the comparison covers almost all of the corpus
    expect(unparsed.size).toBeLessThan(20);
  });

  it("the scanner finds every read the plugin finds", () => {
    const scanner = new Set(inParsedFiles(scannerReads));
    expect(inParsedFiles(pluginReads).filter((read) => !scanner.has(read))).toEqual([]);
  });

  it("the plugin finds every read the scanner finds", () => {
    const plugin = new Set(inParsedFiles(pluginReads));
    expect(inParsedFiles(scannerReads).filter((read) => !plugin.has(read))).toEqual([]);
  });
});
