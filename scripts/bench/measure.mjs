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

/** @param {readonly number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? /** @type {number} */ (sorted[middle]) : (/** @type {number} */ (sorted[middle - 1]) + /** @type {number} */ (sorted[middle])) / 2;
}
