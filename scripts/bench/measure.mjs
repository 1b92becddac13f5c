/**
 * Running a command and measuring it with public tools only: wall time with Node's perf_hooks,
 * peak memory (maximum resident set size) with GNU time's `/usr/bin/time -v` or, where that is
 * missing, with `process.resourceUsage().maxRSS` in a wrapper process (maxrss.mjs); timed
 * repetitions with hyperfine when it is installed.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const MAXRSS_WRAPPER = path.join(import.meta.dirname, "maxrss.mjs");
const GNU_TIME = "/usr/bin/time";

/**
 * A command to run: `node <script> ...args` in `cwd`.
 * @typedef {object} Command
 * @property {string} script the Node script (absolute path)
 * @property {string[]} args
 * @property {string} cwd
 * @property {Record<string, string>} env the child's whole environment
 * @property {string[]} [nodeOptions] flags for node itself (`--cpu-prof`, ...)
 */

/**
 * @typedef {object} RunResult
 * @property {number} wallMs
 * @property {number | undefined} peakRssMb
 * @property {number | undefined} cpuMs user + system CPU time of the measured process
 * @property {number | null} status
 * @property {string} stdout
 * @property {string} stderr
 */

/**
 * @typedef {object} Tools
 * @property {"gnu-time" | "maxrss-wrapper"} memory how peak memory is measured
 * @property {string | undefined} hyperfine hyperfine's version, when it is installed and used
 */

/**
 * Which tools this machine has.
 * @param {{ useHyperfine: boolean }} options
 * @returns {Tools}
 */
export function detectTools(options) {
  let memory = /** @type {Tools["memory"]} */ ("maxrss-wrapper");
  if (existsSync(GNU_TIME)) {
    const probe = spawnSync(GNU_TIME, ["-v", process.execPath, "-e", ""], { encoding: "utf8" });
    if (probe.status === 0 && /Maximum resident set size/.test(probe.stderr)) memory = "gnu-time";
  }
  let hyperfine;
  if (options.useHyperfine) {
    const probe = spawnSync("hyperfine", ["--version"], { encoding: "utf8" });
    if (probe.status === 0) hyperfine = probe.stdout.trim().replace(/^hyperfine\s+/, "");
  }
  return { memory, hyperfine };
}

/**
 * The command line as a user would type it (for the report; arguments with spaces quoted).
 * @param {Command} command
 * @param {(file: string) => string} [show] how to show paths
 */
export function commandLine(command, show = (file) => file) {
  const quote = (/** @type {string} */ word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);
  return ["node", ...(command.nodeOptions ?? []), show(command.script), ...command.args.map((arg) => show(arg))].map(quote).join(" ");
}

/**
 * Runs the command once: wall time, peak memory, output.
 * @param {Command} command
 * @param {Tools} tools
 * @returns {RunResult}
 */
export function runOnce(command, tools) {
  const scratch = mkdtempSync(path.join(tmpdir(), "secrets-bench-run-"));
  const memoryFile = path.join(scratch, "memory.txt");
  const node = [process.execPath, ...(command.nodeOptions ?? [])];
  const [file, ...args] =
    tools.memory === "gnu-time"
      ? [GNU_TIME, "-v", "-o", memoryFile, ...node, command.script, ...command.args]
      : [...node, MAXRSS_WRAPPER, memoryFile, command.script, ...command.args];
  try {
    const started = performance.now();
    const result = spawnSync(/** @type {string} */ (file), args, {
      cwd: command.cwd,
      env: command.env,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    const wallMs = performance.now() - started;
    if (result.error) throw result.error;
    return { wallMs, ...readResourceUsage(memoryFile, tools.memory), status: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Peak memory and CPU time, as GNU time or the wrapper wrote them.
 * @param {string} file
 * @param {Tools["memory"]} kind
 * @returns {{ peakRssMb: number | undefined, cpuMs: number | undefined }} megabytes (10^6 bytes), milliseconds
 */
function readResourceUsage(file, kind) {
  if (!existsSync(file)) return { peakRssMb: undefined, cpuMs: undefined };
  const text = readFileSync(file, "utf8");
  /** @param {RegExp} pattern */
  const number = (pattern) => {
    const match = pattern.exec(text)?.[1];
    return match === undefined ? undefined : Number(match);
  };
  const kilobytes = number(kind === "gnu-time" ? /Maximum resident set size \(kbytes\):\s*(\d+)/ : /maxRSS=(\d+)/);
  const user = number(kind === "gnu-time" ? /User time \(seconds\):\s*([\d.]+)/ : /user=([\d.]+)/);
  const system = number(kind === "gnu-time" ? /System time \(seconds\):\s*([\d.]+)/ : /system=([\d.]+)/);
  return {
    peakRssMb: kilobytes === undefined ? undefined : (kilobytes * 1024) / 1e6,
    cpuMs: user === undefined || system === undefined ? undefined : (user + system) * 1000,
  };
}

/**
 * Times `runs` repetitions (2 or more) with hyperfine, without a shell (so no shell start-up is
 * measured) and without its own warm-up (the caller has run the command once already).
 * @param {Command} command
 * @param {number} runs
 * @returns {{ runsMs: number[], cpuMs: number | undefined }} wall times, and the mean CPU time (user + system), in milliseconds
 */
export function hyperfineRuns(command, runs) {
  const scratch = mkdtempSync(path.join(tmpdir(), "secrets-bench-hyperfine-"));
  const exported = path.join(scratch, "hyperfine.json");
  try {
    const result = spawnSync(
      "hyperfine",
      ["--shell=none", "--runs", String(runs), "--ignore-failure", "--style", "none", "--export-json", exported, commandLine(command).replace(/^node /, `${process.execPath} `)],
      { cwd: command.cwd, env: command.env, encoding: "utf8" },
    );
    if (result.status !== 0) throw new Error(`hyperfine failed: ${result.stderr.trim()}`);
    /** @type {{ results: Array<{ times: number[], user?: number, system?: number }> }} */
    const report = JSON.parse(readFileSync(exported, "utf8"));
    const measured = report.results[0];
    return {
      runsMs: (measured?.times ?? []).map((seconds) => seconds * 1000),
      cpuMs: measured?.user !== undefined && measured.system !== undefined ? (measured.user + measured.system) * 1000 : undefined,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The environment of every measured process: only what they need, so that runs are
 * reproducible and no secret of the caller's environment reaches them.
 * @param {Record<string, string>} [extra]
 * @returns {Record<string, string>}
 */
export function childEnv(extra = {}) {
  /** @type {Record<string, string>} */
  const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", NO_COLOR: "1" };
  if (process.env.HOME) env.HOME = process.env.HOME;
  return { ...env, ...extra };
}

/**
 * A row's timing fields.
 * @param {number[]} runsMs wall times
 * @param {number | undefined} cpuMs CPU time (median, or hyperfine's mean)
 */
export function timing(runsMs, cpuMs) {
  const round = (/** @type {number} */ ms) => Math.round(ms * 10) / 10;
  return {
    runsMs: runsMs.map(round),
    medianMs: round(median(runsMs)),
    minMs: round(Math.min(...runsMs)),
    maxMs: round(Math.max(...runsMs)),
    cpuMs: cpuMs === undefined ? undefined : round(cpuMs),
  };
}

/**
 * Throws unless the command exited with 0 or 1 (the tools exit with 1 when they find problems).
 * @param {RunResult} run
 * @param {string} what
 */
export function expectExit01(run, what) {
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`${what} exited with ${run.status}:\n${run.stderr.trim().split("\n").slice(-15).join("\n")}`);
  }
}

/**
 * @typedef {object} RoundEntry
 * @property {string} id
 * @property {Command} command
 * @property {(run: RunResult) => void} check throws when the output is wrong; called on the first run
 * @property {(run: RunResult) => void} [collect] called after every timed run (after `check`, on the first)
 */

/**
 * @typedef {object} RoundResult
 * @property {number[]} runsMs wall time of each timed run, round by round
 * @property {number[]} cpuRunsMs CPU time of each timed run (empty when not measured)
 * @property {number[]} peaksMb peak memory of every run, warm-ups included
 */

/**
 * Measures commands that are to be compared with each other, in rounds: every round runs each
 * command once, starting with a different one each round (a command that always ran first, or
 * right after another, would get the same share of any drift in the machine's speed every
 * round), so that ratios can be taken round by round (see `pairedRatio`). `warmup` untimed
 * rounds first; each command's first run, timed or not, is checked.
 * @param {RoundEntry[]} entries
 * @param {{ warmup: number, runs: number }} counts
 * @param {Tools} tools
 * @param {(message: string) => void} log
 * @returns {Map<string, RoundResult>}
 */
export function measureRounds(entries, counts, tools, log) {
  /** @type {Map<string, RoundResult>} */
  const results = new Map(entries.map((entry) => [entry.id, { runsMs: [], cpuRunsMs: [], peaksMb: [] }]));
  const checked = new Set();
  /**
   * @param {RoundEntry} entry
   * @param {boolean} timed
   * @param {string} what
   */
  const once = (entry, timed, what) => {
    const result = /** @type {RoundResult} */ (results.get(entry.id));
    const run = runOnce(entry.command, tools);
    if (!checked.has(entry.id)) {
      entry.check(run);
      checked.add(entry.id);
    }
    if (run.peakRssMb !== undefined) result.peaksMb.push(run.peakRssMb);
    if (timed) {
      result.runsMs.push(run.wallMs);
      if (run.cpuMs !== undefined) result.cpuRunsMs.push(run.cpuMs);
      entry.collect?.(run);
    }
    log(`${entry.id}: ${what} ${(run.wallMs / 1000).toFixed(2)} s`);
  };
  for (let index = 0; index < counts.warmup; index++) for (const entry of entries) once(entry, false, "warm-up");
  for (let index = 0; index < counts.runs; index++) {
    const shift = index % entries.length;
    for (const entry of [...entries.slice(shift), ...entries.slice(0, shift)]) once(entry, true, `run ${index + 1}/${counts.runs}`);
  }
  return results;
}

/**
 * The median over the rounds of each round's ratio `values[i] / base[i]` (a round runs the
 * commands back to back, so a change of the machine's speed between rounds cancels out).
 * @param {readonly number[]} values
 * @param {readonly number[]} base
 * @returns {number | undefined} undefined when the two were not measured in the same rounds
 */
export function pairedRatio(values, base) {
  if (values.length === 0 || values.length !== base.length) return undefined;
  return median(values.map((value, index) => value / /** @type {number} */ (base[index])));
}

/** @param {readonly number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? /** @type {number} */ (sorted[middle]) : (/** @type {number} */ (sorted[middle - 1]) + /** @type {number} */ (sorted[middle])) / 2;
}
