/**
 * `secret-scanner check` against what it cannot do without, and against a peer (issue 11), on
 * two more trees generated with the same seed and size as the default one:
 *  - `realistic`: 1 file in 30 mentions the environment or the accessor (the default tree's mix,
 *    scaled down with the secret density);
 *  - `all-accessor`: every ordinary module also reads secrets through the accessor (the
 *    generator's `all-accessor` profile), so that about 98 % of the files must be parsed: the
 *    scanner's worst case.
 * On each, in rounds (every round runs each command once, in a rotated order, so that ratios can be
 * taken round by round):
 *  - `check` on the whole tree;
 *  - the floor process (floor.mjs): loads TypeScript, reads every file, tests it with one regular
 *    expression, parses the files that match; the ratio check/floor is what the scanner costs
 *    beyond that;
 *  - `dotenv-diff --scan-usage` (a devDependency of the harness), the peer `check` must be faster than.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ensureTree } from "./generate.mjs";
import { childEnv, commandLine, expectExit01, measureRounds, median, pairedRatio, timing } from "./measure.mjs";

/** @typedef {import("./measure.mjs").Command} Command */
/** @typedef {import("./measure.mjs").RunResult} RunResult */
/** @typedef {import("./measure.mjs").Tools} Tools */
/** @typedef {import("./measure.mjs").RoundEntry} RoundEntry */
/** @typedef {import("./report.mjs").Row} Row */
/** @typedef {import("./generate.mjs").Profile} Profile */

const repoRoot = path.resolve(import.meta.dirname, "../..");
const scannerCli = path.join(repoRoot, "packages/secret-scanner/dist/cli.js");
const floorScript = path.join(import.meta.dirname, "floor.mjs");
const dotenvDiffCli = path.join(repoRoot, "node_modules/dotenv-diff/dist/bin/dotenv-diff.js");

/**
 * The secret density that makes 1 file in 30 mention the environment or the accessor: at density
 * 1 the generator's roles give about 1 in 18 (the floor's counts say how many exactly, and the
 * table shows it).
 */
export const REALISTIC_DENSITY = 0.58;

/**
 * @typedef {object} Shape
 * @property {"realistic" | "all-accessor"} id
 * @property {string} description
 * @property {Profile} profile
 * @property {number} secretDensity
 */

/** @type {readonly Shape[]} */
export const SHAPES = [
  { id: "realistic", description: "realistic tree", profile: "default", secretDensity: REALISTIC_DENSITY },
  { id: "all-accessor", description: "all-accessor tree", profile: "all-accessor", secretDensity: 1 },
];

/**
 * What the floor process printed.
 * @typedef {object} FloorCounts
 * @property {number} files code files listed
 * @property {number} matched files whose text matched
 * @property {number} parsed
 */

/**
 * What one shape's measurement adds to the results.
 * @typedef {object} ShapeComparison
 * @property {Shape["id"]} shape
 * @property {string} treeRoot
 * @property {{ codeFiles: number, codeLines: number, matchedFiles?: number, matchedShare?: number }} tree
 * @property {{ wall: number | undefined, cpu: number | undefined, peakRss: number | undefined } | undefined} checkOverFloor
 *   check/floor: the median of the rounds' ratios of wall and CPU time; the ratio of the highest peaks of memory
 * @property {{ wall: number | undefined, cpu: number | undefined, peakRss: number | undefined } | undefined} checkOverPeer
 *   check/dotenv-diff, the same way (below 1: check is faster)
 */

/**
 * The tree of a shape: next to the default tree's directory, generated once and reused.
 * @param {Shape} shape
 * @param {{ out: string, seed: number, files: number, lines: number }} options
 * @param {(message: string) => void} log
 */
export function ensureShapeTree(shape, options, log) {
  return ensureTree(
    { out: `${options.out}-${shape.id}`, seed: options.seed, files: options.files, lines: options.lines, secretDensity: shape.secretDensity, profile: shape.profile },
    log,
  );
}

/**
 * Measures `check`, and the floor and/or the peer, on one shape's tree.
 * @param {Shape} shape
 * @param {import("./generate.mjs").Tree} generated the shape's tree
 * @param {{ floor: boolean, peer: boolean, warmup: number, runs: number }} options
 * @param {Tools} tools
 * @param {string} scratch
 * @param {(message: string) => void} log
 * @returns {{ rows: Row[], comparison: ShapeComparison }}
 */
export function measureShape(shape, generated, options, tools, scratch, log) {
  const tree = generated.root;
  const report = path.join(scratch, `check-${shape.id}.json`);
  /** @type {Record<string, Command>} */
  const commands = {
    check: { script: scannerCli, args: ["check", ".", "--format", "json", "--output", report], cwd: tree, env: childEnv() },
    floor: { script: floorScript, args: ["--accessor", "getSecret"], cwd: tree, env: childEnv() },
    // --ci: never prompts and never creates a file; --json: its report on stdout. Everything else
    // as it comes: its usage scan with its default file patterns and its secret detection.
    peer: { script: dotenvDiffCli, args: ["--scan-usage", "--ci", "--json"], cwd: tree, env: childEnv() },
  };
  /** @type {{ files: number, errors: number, warnings: number } | undefined} */
  let checkSummary;
  /** @type {FloorCounts | undefined} */
  let floorCounts;
  /** @type {{ filesScanned: number, totalUsages: number, uniqueVariables: number } | undefined} */
  let peerStats;
  /** @type {RoundEntry[]} */
  const entries = [
    {
      id: `check-${shape.id}`,
      command: /** @type {Command} */ (commands["check"]),
      check: (run) => {
        expectExit01(run, `secret-scanner check (${shape.id})`);
        /** @type {{ summary: { files: number, errors: number, warnings: number } }} */
        const json = JSON.parse(readFileSync(report, "utf8"));
        checkSummary = json.summary;
      },
    },
  ];
  if (options.floor) {
    entries.push({
      id: `floor-${shape.id}`,
      command: /** @type {Command} */ (commands["floor"]),
      check: (run) => {
        if (run.status !== 0) throw new Error(`the floor process exited with ${run.status}:\n${run.stderr.trim()}`);
        floorCounts = JSON.parse(run.stdout);
        if (!floorCounts || !(floorCounts.files > 0) || floorCounts.parsed !== floorCounts.matched) {
          throw new Error(`the floor process printed unexpected counts: ${run.stdout.trim()}`);
        }
      },
    });
  }
  if (options.peer) {
    entries.push({
      id: `dotenv-diff-${shape.id}`,
      command: /** @type {Command} */ (commands["peer"]),
      check: (run) => {
        expectExit01(run, `dotenv-diff (${shape.id})`);
        // only its counts are kept: the report names variables
        /** @type {{ stats?: { filesScanned: number, totalUsages: number, uniqueVariables: number } }} */
        const json = JSON.parse(run.stdout);
        if (!json.stats || !(json.stats.filesScanned > 0)) throw new Error(`dotenv-diff scanned no file in ${tree}`);
        peerStats = { filesScanned: json.stats.filesScanned, totalUsages: json.stats.totalUsages, uniqueVariables: json.stats.uniqueVariables };
      },
    });
  }
  const measured = measureRounds(entries, options, tools, log);

  /** @param {string} id */
  const resultOf = (id) => /** @type {import("./measure.mjs").RoundResult} */ (measured.get(id));
  /**
   * @param {RoundEntry} entry
   * @param {string} label
   * @param {Record<string, unknown>} details
   * @returns {Row}
   */
  const row = (entry, label, details) => {
    const result = resultOf(entry.id);
    return {
      id: entry.id,
      label,
      available: true,
      command: commandLine(entry.command),
      cwd: tree,
      timer: "perf_hooks",
      ...timing(result.runsMs, result.cpuRunsMs.length === result.runsMs.length ? median(result.cpuRunsMs) : undefined),
      cpuRunsMs: result.cpuRunsMs.map((ms) => Math.round(ms)),
      peakRssMb: result.peaksMb.length > 0 ? Math.max(...result.peaksMb) : undefined,
      details,
    };
  };
  /**
   * check over another command of the rounds.
   * @param {string} other
   */
  const checkOver = (other) => {
    const check = resultOf(`check-${shape.id}`);
    const base = resultOf(other);
    const peak = (/** @type {number[]} */ peaks) => (peaks.length > 0 ? Math.max(...peaks) : undefined);
    const checkPeak = peak(check.peaksMb);
    const basePeak = peak(base.peaksMb);
    return {
      wall: pairedRatio(check.runsMs, base.runsMs),
      cpu: pairedRatio(check.cpuRunsMs, base.cpuRunsMs),
      peakRss: checkPeak !== undefined && basePeak !== undefined ? checkPeak / basePeak : undefined,
    };
  };

  const [checkEntry, ...others] = entries;
  const files = checkSummary?.files ?? 0;
  const checkRow = row(/** @type {RoundEntry} */ (checkEntry), `secret-scanner check, ${shape.description}`, {
    filesScanned: files,
    errors: checkSummary?.errors,
    warnings: checkSummary?.warnings,
  });
  checkRow.details = { ...checkRow.details, filesPerSecond: Math.round(files / ((checkRow.medianMs ?? Number.NaN) / 1000)) };
  /** @type {Row[]} */
  const rows = [checkRow];
  for (const entry of others) {
    if (entry.id.startsWith("floor-")) {
      rows.push(row(entry, `floor (read all, one regex, ts.createSourceFile on matches), ${shape.description}`, { ...floorCounts }));
    } else {
      rows.push(row(entry, `dotenv-diff --scan-usage, ${shape.description}`, { ...peerStats }));
    }
  }
  return {
    rows,
    comparison: {
      shape: shape.id,
      treeRoot: tree,
      tree: {
        codeFiles: generated.stats.codeFiles,
        codeLines: generated.stats.codeLines,
        ...(floorCounts ? { matchedFiles: floorCounts.matched, matchedShare: floorCounts.matched / floorCounts.files } : {}),
      },
      checkOverFloor: options.floor ? checkOver(`floor-${shape.id}`) : undefined,
      checkOverPeer: options.peer ? checkOver(`dotenv-diff-${shape.id}`) : undefined,
    },
  };
}
