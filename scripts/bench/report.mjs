/**
 * The benchmark's report: the machine it ran on, and the table printed at the end of a run.
 */
import os from "node:os";

/**
 * One measured (or not yet measurable) command.
 * @typedef {object} Row
 * @property {string} id
 * @property {string} label
 * @property {boolean} available false when the command does not exist yet
 * @property {string} [reason] why it is not available
 * @property {string} [command] the exact command line (run in `cwd`)
 * @property {string} [cwd]
 * @property {"perf_hooks" | "hyperfine"} [timer]
 * @property {number[]} [runsMs] wall time of each timed run
 * @property {number} [medianMs]
 * @property {number} [minMs]
 * @property {number} [maxMs]
 * @property {number} [cpuMs] user + system CPU time of the process (median; hyperfine's mean)
 * @property {number[]} [cpuRunsMs] CPU time of each timed run (where measured run by run)
 * @property {number} [peakRssMb] highest peak resident set size seen, in MB (10^6 bytes)
 * @property {Record<string, unknown>} [details]
 */

/**
 * A variant's overhead over ESLint without the plugin and without rules, as a ratio (0.05 is
 * 5 %): the median over the rounds of runs of each round's ratio, by wall time and by CPU time;
 * for the plugin's configs, also over ESLint with one rule that does nothing.
 * @typedef {object} Overhead
 * @property {number} wall
 * @property {number | undefined} cpu
 * @property {{ wall: number, cpu: number | undefined }} [overNoopRule]
 */

/**
 * @typedef {object} Target
 * @property {string} id
 * @property {string} description
 * @property {"ratio" | "ms" | "MB"} unit
 * @property {number} limit
 * @property {number | undefined} value
 * @property {boolean | null} met null when not judged (not measured, or not the default tree)
 */

export function machineDescription() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism(),
    memoryGb: Math.round((os.totalmem() / 1e9) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    /** Other work on the machine makes every figure noisier: the load when the run started. */
    loadAverage1m: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}

/** @param {number} ms */
function duration(ms) {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/** @param {number} ratio */
function percent(ratio) {
  return `${ratio >= 0 ? "+" : ""}${(ratio * 100).toFixed(1)} %`;
}

/** @param {number} value */
function thousands(value) {
  return Math.round(value).toLocaleString("en-US");
}

/**
 * @param {string[][]} cells
 */
function align(cells) {
  /** @type {number[]} */
  const widths = [];
  for (const row of cells) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  return cells.map((row) => row.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join("  ").trimEnd()).join("\n");
}

/**
 * @param {{
 *   tree: { seed: number, codeFiles: number, codeLines: number, reused: boolean, root: string },
 *   machine: ReturnType<typeof machineDescription>,
 *   loadAverageAtEnd: number,
 *   rows: Row[],
 *   eslintOverhead: Record<string, Overhead>,
 *   eslintTiming?: { rulesMs: Record<string, number>, stats: { parseMs: number, totalMs: number, pluginRulesMs: number, pluginShare: number | undefined } } | undefined,
 *   targets: Target[],
 *   targetsJudged: boolean,
 * }} results
 */
export function formatTable(results) {
  const { tree, machine } = results;
  const lines = [
    "",
    `secrets benchmark: ${thousands(tree.codeFiles)} code files, ${thousands(tree.codeLines)} lines (seed ${tree.seed}, ${tree.reused ? "reused" : "generated"} in ${tree.root})`,
    `machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}; load average ${machine.loadAverage1m} at the start, ${results.loadAverageAtEnd} at the end`,
    "",
  ];
  /** @type {string[][]} */
  const cells = [["measurement", "median", "min – max", "runs", "CPU", "peak RSS", "notes"]];
  for (const row of results.rows) {
    if (!row.available || row.medianMs === undefined) {
      cells.push([row.label, "not available", "", "", "", "", row.reason ?? ""]);
      continue;
    }
    const notes = [];
    const details = row.details ?? {};
    if (row.id === "eslint-baseline") notes.push(`${details["files"]} files`);
    const overhead = results.eslintOverhead[row.id.replace("eslint-", "")];
    if (overhead !== undefined) {
      const cpu = (/** @type {number | undefined} */ ratio) => (ratio !== undefined ? ` (CPU ${percent(ratio)})` : "");
      notes.push(`${percent(overhead.wall)}${cpu(overhead.cpu)} over no rule`);
      if (overhead.overNoopRule) notes.push(`${percent(overhead.overNoopRule.wall)}${cpu(overhead.overNoopRule.cpu)} over one no-op rule`);
    }
    if (typeof details["filesPerSecond"] === "number") notes.push(`${thousands(details["filesPerSecond"])} files/s`);
    if (row.timer === "hyperfine") notes.push("hyperfine");
    cells.push([
      row.label,
      duration(row.medianMs),
      `${duration(row.minMs ?? row.medianMs)} – ${duration(row.maxMs ?? row.medianMs)}`,
      String(row.runsMs?.length ?? 0),
      row.cpuMs !== undefined ? duration(row.cpuMs) : "",
      row.peakRssMb !== undefined ? `${Math.round(row.peakRssMb)} MB` : "",
      notes.join(", "),
    ]);
  }
  lines.push(align(cells));

  if (results.eslintTiming) {
    const { rulesMs, stats } = results.eslintTiming;
    lines.push("");
    lines.push(
      `plugin rules, TIMING=all (strict, one run): ${Object.entries(rulesMs)
        .sort((a, b) => b[1] - a[1])
        .map(([rule, ms]) => `${rule} ${duration(ms)}`)
        .join(", ") || "none reported"}`,
    );
    lines.push(
      `ESLint --stats, same run: ${duration(stats.totalMs)} linting, of which parsing ${duration(stats.parseMs)}, the plugin's rules ${duration(stats.pluginRulesMs)}${stats.pluginShare !== undefined ? ` (${(stats.pluginShare * 100).toFixed(1)} %)` : ""}`,
    );
  }

  lines.push("");
  /** @type {string[][]} */
  const targetCells = [[results.targetsJudged ? "target" : "target (judged on the default tree only)", "limit", "measured", ""]];
  for (const target of results.targets) {
    const show = (/** @type {number} */ value) =>
      target.unit === "ratio" ? percent(value) : target.unit === "ms" ? duration(value) : `${Math.round(value)} MB`;
    targetCells.push([
      target.description,
      target.unit === "ratio" ? `${(target.limit * 100).toFixed(0)} %` : show(target.limit),
      target.value === undefined ? "not measured" : show(target.value),
      target.met === null ? "" : target.met ? "met" : "MISSED",
    ]);
  }
  lines.push(align(targetCells));
  return `${lines.join("\n")}\n`;
}
