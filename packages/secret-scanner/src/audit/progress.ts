/**
 * A one-line progress indicator on stderr while `audit` reads files: `audit: searching files
 * 120/845`, redrawn in place and erased when done. Only on a terminal: nothing at all when stderr
 * is piped or redirected, or when `CI` is set (CI logs keep every redraw as a line).
 */

/** Where the indicator is drawn: process.stderr, or any stream-like sink. */
export interface ProgressSink {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** A new stage with `total` steps; drawn at once. */
  stage(label: string, total: number): void;
  /** One step of the stage done. */
  tick(): void;
  /** Erases the indicator. */
  done(): void;
}

/** Redraws at most this often: a terminal is slower than reading small files. */
const REDRAW_MS = 100;

const SILENT: Progress = { stage() {}, tick() {}, done() {} };

export function createProgress(sink: ProgressSink, env: NodeJS.ProcessEnv, now: () => number = Date.now): Progress {
  if (sink.isTTY !== true || (env.CI !== undefined && env.CI !== "" && env.CI !== "false" && env.CI !== "0")) return SILENT;
  let label = "";
  let total = 0;
  let count = 0;
  let drawnAt = -Infinity;
  let drawn = false;
  const draw = (): void => {
    // \r to the line's start, then erase to its end: the previous, longer text leaves no trace
    sink.write(`\r\u001b[Kaudit: ${label} ${count}/${total}`);
    drawnAt = now();
    drawn = true;
  };
  return {
    stage(nextLabel, nextTotal) {
      label = nextLabel;
      total = nextTotal;
      count = 0;
      draw();
    },
    tick() {
      count++;
      if (count === total || now() - drawnAt >= REDRAW_MS) draw();
    },
    done() {
      if (drawn) sink.write("\r\u001b[K");
      drawn = false;
    },
  };
}
