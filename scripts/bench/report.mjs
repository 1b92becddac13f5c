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
 * @property {"ratio" | "times" | "share" | "ms" | "MB"} unit `ratio`: an overhead (0.05 is +5 %);
 *   `times`: a quotient (1.5 is 1.5×); `share`: a part of a whole (0.01 is 1 %)
 * @property {number} limit
 * @property {number | undefined} value
 * @property {boolean | null} met null when not judged (not measured, or not the size the target is stated for)
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

/** @param {number} share */
function sharePercent(share) {
  return `${(share * 100).toFixed(share < 0.01 ? 2 : 1)} %`;
}

/** @param {number} value */
function times(value) {
  return `${value.toFixed(2)}×`;
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
 *   tree?: { seed: number, codeFiles: number, codeLines: number, reused: boolean, root: string } | undefined,
 *   machine: ReturnType<typeof machineDescription>,
 *   loadAverageAtEnd: number,
 *   rows: Row[],
 *   eslintOverhead: Record<string, Overhead>,
 *   eslintTiming?: { rulesMs: Record<string, number>, stats: { parseMs: number, totalMs: number, pluginRulesMs: number, pluginShare: number | undefined } } | undefined,
 *   shapes: import("./shapes.mjs").ShapeComparison[],
 *   realCode?: import("./realcode.mjs").RealCodeResults | undefined,
 *   targets: Target[],
 *   targetsJudged: boolean,
 * }} results
 */
export function formatTable(results) {
  const { tree, machine } = results;
  const lines = [""];
  if (tree) {
    lines.push(`secrets benchmark: ${thousands(tree.codeFiles)} code files, ${thousands(tree.codeLines)} lines (seed ${tree.seed}, ${tree.reused ? "reused" : "generated"} in ${tree.root})`);
  }
  for (const shape of results.shapes) {
    const matched = shape.tree.matchedShare !== undefined ? `, ${thousands(shape.tree.matchedFiles ?? 0)} mention env or the accessor (1 in ${(1 / shape.tree.matchedShare).toFixed(1)})` : "";
    lines.push(`${shape.shape} tree: ${thousands(shape.tree.codeFiles)} code files, ${thousands(shape.tree.codeLines)} lines${matched} (in ${shape.treeRoot})`);
  }
  lines.push(
    `machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}; load average ${machine.loadAverage1m} at the start, ${results.loadAverageAtEnd} at the end`,
    "",
  );
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
    if (typeof details["overSmallRepository"] === "number") notes.push(`${times(details["overSmallRepository"])} the small repository's time`);
    const shape = results.shapes.find((candidate) => row.id === `check-${candidate.shape}`);
    if (shape?.checkOverFloor) {
      const { wall, cpu, peakRss } = shape.checkOverFloor;
      if (wall !== undefined) notes.push(`${times(wall)} the floor${cpu !== undefined ? ` (CPU ${times(cpu)})` : ""}`);
      if (peakRss !== undefined) notes.push(`peak ${times(peakRss)} the floor's`);
    }
    if (shape?.checkOverPeer?.wall !== undefined) notes.push(`${times(shape.checkOverPeer.wall)} dotenv-diff's time`);
    if (row.id.startsWith("floor-") && typeof details["matched"] === "number") notes.push(`parsed ${thousands(details["matched"])} of ${thousands(Number(details["files"]))} files`);
    if (row.id.startsWith("dotenv-diff-") && typeof details["filesScanned"] === "number") notes.push(`${thousands(details["filesScanned"])} files scanned`);
    if (row.id.startsWith("realcode-")) notes.push(`${thousands(Number(details["files"]))} files`);
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

  if (results.realCode) lines.push(...realCodeLines(results.realCode));

  lines.push("");
  /** @type {string[][]} */
  const targetCells = [["target", "limit", "measured", "met"]];
  for (const target of results.targets) {
    const show = (/** @type {number} */ value) =>
      target.unit === "ratio"
        ? percent(value)
        : target.unit === "times"
          ? times(value)
          : target.unit === "share"
            ? sharePercent(value)
            : target.unit === "ms"
              ? duration(value)
              : `${Math.round(value)} MB`;
    targetCells.push([
      target.description,
      target.unit === "ratio" ? `${(target.limit * 100).toFixed(0)} %` : show(target.limit),
      target.value === undefined ? "not measured" : show(target.value),
      target.met === null ? (target.value === undefined ? "" : "not judged (smaller tree or sample)") : target.met ? "met" : "MISSED",
    ]);
  }
  lines.push(align(targetCells));
  return `${lines.join("\n")}\n`;
}

/**
 * The real-code part: the sample, ESLint's time on it, the plugin's share and each rule's, and
 * the peers' rules on the same files.
 * @param {import("./realcode.mjs").RealCodeResults} realCode
 */
function realCodeLines(realCode) {
  const { sample, secrets, peers } = realCode;
  const rules = (/** @type {Record<string, { ms: number, share: number }>} */ byRule) =>
    Object.entries(byRule)
      .sort((a, b) => b[1].share - a[1].share)
      .map(([rule, { ms, share }]) => `${rule} ${sharePercent(share)} (${duration(ms)})`)
      .join(", ");
  const counts = (/** @type {Record<string, number>} */ problems) =>
    Object.entries(problems)
      .map(([rule, count]) => `${rule} ${count}`)
      .join(", ") || "none";
  const lines = [
    "",
    `real code: ${thousands(sample.files)} files (${(sample.bytes / 1e6).toFixed(1)} MB; ${thousands(sample.byKind.module)} ES modules, ${thousands(sample.byKind.commonjs)} CommonJS) drawn from ${thousands(sample.eligible)} in node_modules/.pnpm; ${secrets.fatal} not parsed; median of ${realCode.runs} run(s)`,
    `  ESLint --stats, @eslint/js recommended + secrets/recommended: ${duration(secrets.totalMs)} linting, of which parsing ${duration(secrets.parseMs)}, the plugin's rules ${duration(secrets.pluginMs)} (${sharePercent(secrets.pluginShare)})`,
    `  per rule: ${rules(secrets.rules)}`,
    `  the plugin's findings on that code: ${counts(secrets.problems)}`,
  ];
  if (peers) lines.push(`  peers on the same files (@eslint/js recommended + them, ${duration(peers.totalMs)} linting): ${rules(peers.rules)}; findings: ${counts(peers.problems)}`);
  return lines;
}
