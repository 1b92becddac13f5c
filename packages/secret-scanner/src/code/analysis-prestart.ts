/**
 * The analysis thread, started as the command starts. Loading TypeScript on the thread takes some
 * 450 ms; started when the code reader begins (after the scanner's own modules are loaded, the
 * configuration read and the files listed), the thread was the scan's critical path on large
 * trees. Started first thing, it loads TypeScript while this thread loads the scanner and lists
 * the files. The code reader then adopts it (a large tree) or ends it (a small one: the parsing
 * stage runs on the main thread); a command that never gets there leaves it to die with the
 * process. This module imports nothing of the scanner's, so that it costs nothing to load.
 */
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

/** The worker's entry point: the built file next to this one (absent when run from sources). */
export const WORKER_FILE = fileURLToPath(new URL("./analysis-worker.js", import.meta.url));

/** The commands that scan a whole repository, and the options of theirs that take a value. */
const WHOLE_REPOSITORY_COMMANDS: ReadonlySet<string> = new Set(["check", "audit", "docs", "fix"]);
const OPTIONS_WITH_VALUES: ReadonlySet<string> = new Set(["-f", "--format", "-o", "--output", "-c", "--config", "--max-warnings", "--baseline"]);

let prestarted: Worker | undefined;

/**
 * Whether the command line asks for a scan of a whole repository: `check`, `audit`, `docs` or `fix`
 * with at most one directory, not `--staged`, not `--help`. A wrong guess costs a thread that is
 * ended unused, or a thread started later: never a different result.
 */
export function scansWholeRepository(argv: readonly string[]): boolean {
  const [command, ...rest] = argv;
  if (command === undefined || !WHOLE_REPOSITORY_COMMANDS.has(command)) return false;
  const positional: string[] = [];
  for (let index = 0; index < rest.length; index++) {
    const argument = rest[index]!;
    if (argument === "--staged" || argument === "-h" || argument === "--help") return false;
    if (OPTIONS_WITH_VALUES.has(argument)) index++;
    else if (!argument.startsWith("-")) positional.push(argument);
  }
  if (positional.length > 1) return false;
  return positional.length === 0 || statSync(positional[0]!, { throwIfNoEntry: false })?.isDirectory() === true;
}

/** Starts the analysis thread now, if the built worker is there and a thread can start. */
export function prestartAnalysisThread(): void {
  if (prestarted) return;
  try {
    prestarted = new Worker(WORKER_FILE);
  } catch {
    return; // no thread: the code reader starts one later, or works on this thread
  }
  // a command that ends without scanning does not wait for it
  prestarted.unref();
  // a thread that failed or ended before it was adopted is not adopted: the reader starts its own
  // or works on this thread (after adoption, the reader's own listeners take over)
  const thread = prestarted;
  const forget = (): void => {
    if (prestarted === thread) prestarted = undefined;
  };
  thread.once("error", forget);
  thread.once("exit", forget);
}

/** The thread started by `prestartAnalysisThread`, handed over once; undefined if none. */
export function takePrestartedThread(): Worker | undefined {
  const worker = prestarted;
  prestarted = undefined;
  return worker;
}
