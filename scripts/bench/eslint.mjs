/**
 * The ESLint side of the benchmark: one flat config per variant, and readers for ESLint's JSON
 * results, its `--stats` figures and its `TIMING` table. The variants, all with typescript-eslint's
 * parser for TypeScript:
 *  - `baseline`: no plugin, no rule;
 *  - `noop-rule`: no plugin, one rule that does nothing. ESLint does more per file as soon as any
 *    rule is on, whatever the rule; this variant measures that, so that the plugin's own share of
 *    its overhead over `baseline` can be told apart;
 *  - `recommended`, `strict`: the plugin's configs.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** @typedef {"baseline" | "noop-rule" | "recommended" | "strict"} Variant */

/** @type {readonly Variant[]} */
export const VARIANTS = ["baseline", "noop-rule", "recommended", "strict"];

/**
 * Writes the configs into `dir` and returns their paths. They are the generated tree's
 * eslint.config.js with the plugin's part swapped, and import typescript-eslint and the plugin
 * by absolute URL (this repository's builds), so they work wherever the tree is.
 * @param {string} dir
 * @returns {Record<Variant, string>}
 */
export function writeVariantConfigs(dir) {
  mkdirSync(dir, { recursive: true });
  const tseslintUrl = import.meta.resolve("typescript-eslint");
  const pluginUrl = import.meta.resolve("eslint-plugin-secrets");
  const configs = /** @type {Record<Variant, string>} */ ({});
  for (const variant of VARIANTS) {
    const withPlugin = variant === "recommended" || variant === "strict";
    const text = [
      `// secrets benchmark, ESLint variant "${variant}": written by scripts/bench/eslint.mjs on every run.`,
      ...(withPlugin ? [`import secrets from ${JSON.stringify(pluginUrl)};`] : []),
      `import tseslint from ${JSON.stringify(tseslintUrl)};`,
      "",
      ...(variant === "noop-rule"
        ? [`const bench = { rules: { "does-nothing": { meta: { type: "suggestion", schema: [] }, create: () => ({}) } } };`, ""]
        : []),
      "export default [",
      `  { ignores: ["**/dist/**", "**/coverage/**"] },`,
      `  { files: ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"], languageOptions: { parser: tseslint.parser } },`,
      `  { settings: { secrets: { accessors: ["getSecret"], accessorFiles: ["libs/secrets/src/**"], importFrom: "@bench/secrets" } } },`,
      ...(variant === "noop-rule" ? [`  { plugins: { bench }, rules: { "bench/does-nothing": "error" } },`] : []),
      ...(withPlugin
        ? [
            `  secrets.configs.${variant},`,
            `  { files: ["services/*/src/config/secrets.{ts,js}"], rules: { "secrets/literal-secret-name": "off" } },`,
          ]
        : []),
      "];",
      "",
    ].join("\n");
    const file = path.join(dir, `${variant}.config.mjs`);
    writeFileSync(file, text);
    configs[variant] = file;
  }
  return configs;
}

/**
 * @typedef {object} LintSummary
 * @property {number} files files linted
 * @property {number} fatal parse errors (the generated code must have none)
 * @property {Record<string, number>} problems problems per rule
 */

/**
 * @typedef {object} EslintMessage
 * @property {string | null} ruleId
 * @property {boolean} [fatal]
 */

/**
 * @typedef {object} EslintStatsPass
 * @property {{ total: number }} parse
 * @property {Record<string, { total: number }>} [rules]
 * @property {number} total
 */

/**
 * @typedef {object} EslintResult
 * @property {string} filePath
 * @property {EslintMessage[]} messages
 * @property {{ times?: { passes?: EslintStatsPass[] } }} [stats]
 */

/**
 * @param {string} json ESLint's `--format json` output
 * @returns {LintSummary}
 */
export function summarizeResults(json) {
  /** @type {EslintResult[]} */
  const results = JSON.parse(json);
  /** @type {Record<string, number>} */
  const problems = {};
  let fatal = 0;
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) fatal++;
      const rule = message.ruleId ?? "(no rule)";
      problems[rule] = (problems[rule] ?? 0) + 1;
    }
  }
  return { files: results.length, fatal, problems };
}

/**
 * Totals of ESLint's `--stats` figures: time spent parsing, and in each rule, over all files.
 * @param {string} json ESLint's `--format json --stats` output
 * @returns {{ parseMs: number, rulesMs: number, totalMs: number, rules: Record<string, number> }}
 */
export function summarizeStats(json) {
  return totalsOfStats(JSON.parse(json));
}

/**
 * The same totals from ESLint's results (the `ESLint` class's, or its JSON output's).
 * @param {ReadonlyArray<{ stats?: { times?: { passes?: ReadonlyArray<Partial<EslintStatsPass>> } } }>} results
 * @returns {{ parseMs: number, rulesMs: number, totalMs: number, rules: Record<string, number> }}
 */
export function totalsOfStats(results) {
  let parseMs = 0;
  let totalMs = 0;
  /** @type {Record<string, number>} */
  const rules = {};
  for (const result of results) {
    for (const pass of result.stats?.times?.passes ?? []) {
      const parse = pass.parse?.total ?? 0;
      parseMs += parse;
      // a pass that stopped at a parse error has no total: it took its parsing time
      totalMs += pass.total ?? parse;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) rules[rule] = (rules[rule] ?? 0) + time.total;
    }
  }
  const rulesMs = Object.values(rules).reduce((a, b) => a + b, 0);
  return { parseMs, rulesMs, totalMs, rules };
}

/**
 * The rows of the table ESLint prints when `TIMING` is set.
 * @param {string} output
 * @returns {Record<string, number>} milliseconds per rule
 */
export function parseTimingTable(output) {
  /** @type {Record<string, number>} */
  const rules = {};
  for (const line of output.split("\n")) {
    const match = /^\s*(\S+)\s*\|\s*([\d.]+)\s*\|\s*[\d.]+%\s*$/.exec(line);
    if (match && match[1] && match[2]) rules[match[1]] = Number(match[2]);
  }
  return rules;
}
