/**
 * The audit's progress indicator, given an output sink that says it is a terminal (a plain object
 * that collects what is written: nothing parsed is stood in for). The "nothing when piped or in
 * CI" side through the CLI is in e2e/audit.test.ts.
 */
import { describe, expect, it } from "vitest";
import { createProgress } from "../src/audit/progress.js";

function terminal(isTTY: boolean): { isTTY: boolean; written: string[]; write(text: string): boolean } {
  const written: string[] = [];
  return { isTTY, written, write: (text) => written.push(text) > 0 };
}

describe("audit progress", () => {
  it("draws the stage in place on a terminal, redraws at most every 100 ms and at the last step, and erases itself", () => {
    const sink = terminal(true);
    let clock = 0;
    const progress = createProgress(sink, {}, () => clock);
    progress.stage("reading files", 3);
    progress.tick(); // 1/3 within 100 ms of the first draw: not drawn
    clock = 150;
    progress.tick(); // 2/3
    progress.tick(); // 3/3: the last step is always drawn
    progress.done();
    expect(sink.written).toEqual([
      "\r\u001b[Kaudit: reading files 0/3",
      "\r\u001b[Kaudit: reading files 2/3",
      "\r\u001b[Kaudit: reading files 3/3",
      "\r\u001b[K",
    ]);
  });

  it("writes nothing when the stream is not a terminal, or when CI is set", () => {
    for (const [sink, env] of [
      [terminal(false), {}],
      [terminal(true), { CI: "true" }],
      [terminal(true), { CI: "1" }],
    ] as const) {
      const progress = createProgress(sink, env);
      progress.stage("reading files", 2);
      progress.tick();
      progress.tick();
      progress.done();
      expect(sink.written).toEqual([]);
    }
  });

  it("draws on a terminal when CI is set to false", () => {
    const sink = terminal(true);
    const progress = createProgress(sink, { CI: "false" });
    progress.stage("reading files", 0);
    progress.done();
    expect(sink.written).toEqual(["\r\u001b[Kaudit: reading files 0/0", "\r\u001b[K"]);
  });
});
