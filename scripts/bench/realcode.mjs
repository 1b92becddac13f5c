#!/usr/bin/env node
/**
 * The plugin's share of ESLint's time on real code (issue 12): a deterministic sample of the
 * installed dependencies' JavaScript files, linted with `@eslint/js` recommended plus
 * `secrets/recommended`, with ESLint's `stats` (the per-rule times ESLint measures itself, rule
 * set-up included), so that the plugin's rules can be weighed against all of ESLint's work on
 * code nobody wrote for the benchmark.
 *
 * As a module: `sampleRealCode` builds the sample. As a script, in a child process of the harness
 * (so that its time and memory are measured apart):
 *
 *   node scripts/bench/realcode.mjs lint <sample-dir> --variant secrets|peers --out <file.json>
 *
 * lints the sample and writes the totals (no file's text, no message's text: counts and times).
 * The `peers` variant is the same with two other rules in place of ours, for comparison:
 * `no-secrets/no-secrets` (eslint-plugin-no-secrets, which looks at every string) and
 * `n/no-process-env` (eslint-plugin-n, which looks at every `process.env`).
 */
import { createHash } from "node:crypto";
import { copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { totalsOfStats } from "./eslint.mjs";
import { childEnv, commandLine, measureRounds, median, timing } from "./measure.mjs";

/** @typedef {import("./measure.mjs").Tools} Tools */
/** @typedef {import("./measure.mjs").RoundEntry} RoundEntry */
/** @typedef {import("./report.mjs").Row} Row */

const repoRoot = path.resolve(import.meta.dirname, "../..");
const PNPM_STORE = path.join(repoRoot, "node_modules/.pnpm");
const EXTENSIONS = new Set([".js", ".mjs", ".cjs"]);
/** Minified bundles say nothing about code people write, and one of them would outweigh hundreds of files. */
const MINIFIED = /\.min\.[cm]?js$/;

/** @typedef {"module" | "commonjs"} ModuleKind */
/** @typedef {"secrets" | "peers"} RealCodeVariant */

/** @type {readonly RealCodeVariant[]} */
export const REALCODE_VARIANTS = ["secrets", "peers"];

/**
 * @typedef {object} Sample
 * @property {string} root the directory the sample was copied into
 * @property {number} files files in the sample
 * @property {number} bytes their total size
 * @property {number} eligible files it was drawn from
 * @property {Record<ModuleKind, number>} byKind
 * @property {string} listHash SHA-256 of the sorted list of the sample's files (as they are in the store)
 */

/**
 * Every JavaScript file of the pnpm store, sorted, as paths relative to the store. Symbolic links
 * are not followed (the store links every package into the others' node_modules).
 * @param {number} maxBytes
 * @returns {Array<{ relative: string, size: number }>}
 */
function eligibleFiles(maxBytes) {
  /** @type {Array<{ relative: string, size: number }>} */
  const found = [];
  /** @param {string} relativeDirectory */
  const walk = (relativeDirectory) => {
    for (const entry of readdirSync(path.join(PNPM_STORE, relativeDirectory), { withFileTypes: true })) {
      const relative = relativeDirectory === "" ? entry.name : `${relativeDirectory}/${entry.name}`;
      if (entry.isDirectory()) {
        // .bin holds launchers, the store's top-level node_modules only links
        if (entry.name === ".bin" || relative === "node_modules") continue;
        walk(relative);
      } else if (entry.isFile() && EXTENSIONS.has(path.extname(entry.name)) && !MINIFIED.test(entry.name)) {
        const size = lstatSync(path.join(PNPM_STORE, relative)).size;
        if (size > 0 && size <= maxBytes) found.push({ relative, size });
      }
    }
  };
  walk("");
  return found.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}

/**
 * Whether a file is an ES module or CommonJS, as Node decides: by its extension, and for `.js` by
 * the `type` of the nearest package.json.
 * @param {string} relative path in the store
 * @param {Map<string, ModuleKind>} cache by directory
 * @returns {ModuleKind}
 */
function moduleKind(relative, cache) {
  const extension = path.extname(relative);
  if (extension === ".mjs") return "module";
  if (extension === ".cjs") return "commonjs";
  /**
   * @param {string} directory
   * @returns {ModuleKind}
   */
  const kindOf = (directory) => {
    const cached = cache.get(directory);
    if (cached) return cached;
    /** @type {ModuleKind} */
    let kind = "commonjs";
    let manifest;
    try {
      manifest = readFileSync(path.join(PNPM_STORE, directory, "package.json"), "utf8");
    } catch {
      manifest = undefined;
    }
    if (manifest !== undefined) {
      try {
        kind = /** @type {{ type?: string }} */ (JSON.parse(manifest)).type === "module" ? "module" : "commonjs";
      } catch {
        kind = "commonjs";
      }
    } else if (directory.includes("/")) {
      kind = kindOf(path.posix.dirname(directory));
    }
    cache.set(directory, kind);
    return kind;
  };
  return kindOf(path.posix.dirname(relative));
}

/**
 * Copies `count` files of the store (all of them if there are fewer), drawn evenly from its sorted
 * list, into `out`, under `module/` or `commonjs/` by how Node would load them, without any
 * `node_modules` in their paths (ESLint ignores those). The same installed dependencies give the
 * same sample.
 * @param {{ count: number, maxBytes: number, out: string }} options
 * @returns {Sample}
 */
export function sampleRealCode(options) {
  const eligible = eligibleFiles(options.maxBytes);
  if (eligible.length === 0) throw new Error(`no JavaScript file in ${PNPM_STORE}: run pnpm install`);
  const step = Math.max(1, eligible.length / options.count);
  /** @type {typeof eligible} */
  const chosen = [];
  for (let index = 0; chosen.length < options.count && Math.floor(index * step) < eligible.length; index++) {
    chosen.push(/** @type {(typeof eligible)[number]} */ (eligible[Math.floor(index * step)]));
  }
  /** @type {Map<string, ModuleKind>} */
  const kinds = new Map();
  /** @type {Record<ModuleKind, number>} */
  const byKind = { module: 0, commonjs: 0 };
  const written = new Set();
  const hash = createHash("sha256");
  let bytes = 0;
  for (const file of chosen) {
    const kind = moduleKind(file.relative, kinds);
    const target = `${kind}/${file.relative.split("/").filter((part) => part !== "node_modules").join("/")}`;
    if (written.has(target)) continue;
    written.add(target);
    mkdirSync(path.join(options.out, path.posix.dirname(target)), { recursive: true });
    copyFileSync(path.join(PNPM_STORE, file.relative), path.join(options.out, target));
    byKind[kind]++;
    bytes += file.size;
    hash.update(`${file.relative}\n`);
  }
  return { root: options.out, files: written.size, bytes, eligible: eligible.length, byKind, listHash: hash.digest("hex") };
}

/**
 * The flat config of a variant: `@eslint/js` recommended, Node's and browsers' globals, ES modules
 * and CommonJS as the sample's directories say, inline configuration off (a file's
 * `eslint-disable` would switch rules off for some files and not others), then the variant's rules.
 * @param {RealCodeVariant} variant
 */
async function variantConfig(variant) {
  const { default: js } = await import("@eslint/js");
  const { default: globals } = await import("globals");
  /** @type {import("eslint").Linter.Config[]} */
  const config = [
    { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: "off" } },
    js.configs.recommended,
    { languageOptions: { ecmaVersion: "latest", globals: { ...globals.node, ...globals.browser } } },
    { files: ["module/**"], languageOptions: { sourceType: "module" } },
    { files: ["commonjs/**"], languageOptions: { sourceType: "commonjs" } },
  ];
  if (variant === "secrets") {
    const { default: secrets } = await import("eslint-plugin-secrets");
    config.push(secrets.configs.recommended);
  } else {
    const { default: noSecrets } = await import("eslint-plugin-no-secrets");
    const { default: n } = await import("eslint-plugin-n");
    config.push({ plugins: { "no-secrets": noSecrets, n }, rules: { "no-secrets/no-secrets": "error", "n/no-process-env": "error" } });
  }
  return config;
}

/**
 * @typedef {object} RealCodeLint
 * @property {RealCodeVariant} variant
 * @property {number} files files linted
 * @property {number} fatal files ESLint could not parse (no rule ran on them)
 * @property {number} totalMs ESLint's time on the files, by its `stats` (parsing, rules, the rest)
 * @property {number} parseMs
 * @property {Record<string, number>} rulesMs per rule
 * @property {Record<string, number>} problems problems per rule (counts only)
 */

/**
 * @param {string} root
 * @param {RealCodeVariant} variant
 * @returns {Promise<RealCodeLint>}
 */
async function lintSample(root, variant) {
  const { ESLint } = await import("eslint");
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: await variantConfig(variant), stats: true, fix: false, cache: false });
  const results = await eslint.lintFiles(["."]);
  const totals = totalsOfStats(results);
  /** @type {Record<string, number>} */
  const problems = {};
  let fatal = 0;
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) fatal++;
      else if (message.ruleId) problems[message.ruleId] = (problems[message.ruleId] ?? 0) + 1;
    }
  }
  return { variant, files: results.length, fatal, totalMs: totals.totalMs, parseMs: totals.parseMs, rulesMs: totals.rules, problems };
}

/** The plugin's rules: those of the `secrets/` namespace. */
const OURS = /^secrets\//;

/**
 * A rule's time over the runs: the median of its milliseconds and of its share of ESLint's time.
 * @typedef {object} RuleShare
 * @property {number} ms
 * @property {number} share ratio (0.01 is 1 %)
 */

/**
 * What the real-code part adds to the results.
 * @typedef {object} RealCodeResults
 * @property {Omit<Sample, "root"> & { requested: number, maxBytes: number }} sample
 * @property {number} runs runs of each variant (the figures are medians over them)
 * @property {{ files: number, fatal: number, totalMs: number, parseMs: number, pluginMs: number, pluginShare: number,
 *   rules: Record<string, RuleShare>, problems: Record<string, number> }} secrets
 *   `@eslint/js` recommended + `secrets/recommended`; `rules` and `problems` are the plugin's only
 * @property {{ files: number, fatal: number, totalMs: number, rules: Record<string, RuleShare>, problems: Record<string, number> } | undefined} peers
 *   `@eslint/js` recommended + the peers' rules; `rules` and `problems` are the peers' only
 */

/**
 * Samples real code and lints it with each variant, `runs` times in rounds.
 * @param {{ files: number, maxBytes: number, runs: number, peers: boolean }} options
 * @param {Tools} tools
 * @param {string} scratch a directory of the caller's that it deletes
 * @param {(message: string) => void} log
 * @returns {{ rows: Row[], results: RealCodeResults }}
 */
export function measureRealCode(options, tools, scratch, log) {
  const sample = sampleRealCode({ count: options.files, maxBytes: options.maxBytes, out: path.join(scratch, "realcode") });
  log(`real code: ${sample.files} files (${(sample.bytes / 1e6).toFixed(1)} MB) drawn from ${sample.eligible} in node_modules/.pnpm`);
  /** @type {RealCodeVariant[]} */
  const variants = options.peers ? ["secrets", "peers"] : ["secrets"];
  /** @type {Map<RealCodeVariant, RealCodeLint[]>} */
  const lints = new Map(variants.map((variant) => [variant, []]));
  /** @param {RealCodeVariant} variant */
  const outFile = (variant) => path.join(scratch, `realcode-${variant}.json`);
  /** @type {RoundEntry[]} */
  const entries = variants.map((variant) => ({
    id: `realcode-${variant}`,
    command: { script: import.meta.filename, args: ["lint", sample.root, "--variant", variant, "--out", outFile(variant)], cwd: repoRoot, env: childEnv() },
    check: (run) => {
      if (run.status !== 0) throw new Error(`linting the real code (${variant}) exited with ${run.status}:\n${run.stderr.trim().split("\n").slice(-15).join("\n")}`);
      /** @type {RealCodeLint} */
      const lint = JSON.parse(readFileSync(outFile(variant), "utf8"));
      if (lint.files !== sample.files) throw new Error(`ESLint linted ${lint.files} files of the ${sample.files} of the sample (${variant})`);
      if (!(lint.totalMs > 0)) throw new Error(`ESLint's stats gave no time (${variant})`);
    },
    collect: () => /** @type {RealCodeLint[]} */ (lints.get(variant)).push(JSON.parse(readFileSync(outFile(variant), "utf8"))),
  }));
  const measured = measureRounds(entries, { warmup: 0, runs: options.runs }, tools, log);

  /** @type {Row[]} */
  const rows = entries.map((entry) => {
    const result = /** @type {import("./measure.mjs").RoundResult} */ (measured.get(entry.id));
    return {
      id: entry.id,
      label: entry.id === "realcode-secrets" ? "ESLint, real code: @eslint/js recommended + secrets/recommended" : "ESLint, real code: @eslint/js recommended + no-secrets + n/no-process-env",
      available: true,
      command: commandLine(entry.command),
      cwd: repoRoot,
      timer: "perf_hooks",
      ...timing(result.runsMs, result.cpuRunsMs.length === result.runsMs.length ? median(result.cpuRunsMs) : undefined),
      cpuRunsMs: result.cpuRunsMs.map((ms) => Math.round(ms)),
      peakRssMb: result.peaksMb.length > 0 ? Math.max(...result.peaksMb) : undefined,
      details: { files: sample.files },
    };
  });

  /**
   * The rules matched by `pattern`, each a median over the runs.
   * @param {RealCodeLint[]} runs
   * @param {(rule: string) => boolean} pattern
   */
  const rulesOf = (runs, pattern) => {
    const names = [...new Set(runs.flatMap((run) => Object.keys(run.rulesMs)))].filter(pattern).sort();
    return Object.fromEntries(
      names.map((rule) => [
        rule,
        { ms: median(runs.map((run) => run.rulesMs[rule] ?? 0)), share: median(runs.map((run) => (run.rulesMs[rule] ?? 0) / run.totalMs)) },
      ]),
    );
  };
  /** @param {RealCodeLint} run @param {(rule: string) => boolean} pattern */
  const problemsOf = (run, pattern) => Object.fromEntries(Object.entries(run.problems).filter(([rule]) => pattern(rule)).sort());
  const ours = (/** @type {string} */ rule) => OURS.test(rule);
  const secretsRuns = /** @type {RealCodeLint[]} */ (lints.get("secrets"));
  const first = /** @type {RealCodeLint} */ (secretsRuns[0]);
  const pluginMsOf = (/** @type {RealCodeLint} */ run) => Object.entries(run.rulesMs).reduce((sum, [rule, ms]) => (ours(rule) ? sum + ms : sum), 0);
  const peersRuns = lints.get("peers");
  const peerRule = (/** @type {string} */ rule) => rule.startsWith("no-secrets/") || rule.startsWith("n/");
  return {
    rows,
    results: {
      sample: { files: sample.files, bytes: sample.bytes, eligible: sample.eligible, byKind: sample.byKind, listHash: sample.listHash, requested: options.files, maxBytes: options.maxBytes },
      runs: options.runs,
      secrets: {
        files: first.files,
        fatal: first.fatal,
        totalMs: median(secretsRuns.map((run) => run.totalMs)),
        parseMs: median(secretsRuns.map((run) => run.parseMs)),
        pluginMs: median(secretsRuns.map(pluginMsOf)),
        pluginShare: median(secretsRuns.map((run) => pluginMsOf(run) / run.totalMs)),
        rules: rulesOf(secretsRuns, ours),
        problems: problemsOf(first, ours),
      },
      peers:
        peersRuns && peersRuns[0]
          ? {
              files: peersRuns[0].files,
              fatal: peersRuns[0].fatal,
              totalMs: median(peersRuns.map((run) => run.totalMs)),
              rules: rulesOf(peersRuns, peerRule),
              problems: problemsOf(peersRuns[0], peerRule),
            }
          : undefined,
    },
  };
}

async function main() {
  const { values, positionals } = parseArgs({
    options: { variant: { type: "string" }, out: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  const [command, root] = positionals;
  const variant = /** @type {RealCodeVariant} */ (values.variant);
  if (command !== "lint" || root === undefined || values.out === undefined || !REALCODE_VARIANTS.includes(variant)) {
    process.stderr.write(`usage: node realcode.mjs lint <sample-dir> --variant ${REALCODE_VARIANTS.join("|")} --out <file.json>\n`);
    process.exitCode = 2;
    return;
  }
  const summary = await lintSample(path.resolve(root), variant);
  writeFileSync(values.out, `${JSON.stringify(summary)}\n`);
}

// run as a script (Node gives the module its real path, whatever path it was started by)
if (process.argv[1] && realpathSync(process.argv[1]) === import.meta.filename) await main();
