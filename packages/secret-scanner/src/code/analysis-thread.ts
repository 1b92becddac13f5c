/**
 * Where the code reader's parsing stage runs. On a large tree it runs on a worker thread started
 * before the files are read, so that loading TypeScript (some 400 ms) happens while this thread
 * reads the files and scans their imports, instead of after. The worker gets the texts it needs
 * from this thread on request (copying every text to it would cost as much as it saves). On a
 * small tree there is nothing to overlap, and the stage runs here, loading TypeScript only if
 * some file must be parsed.
 */
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { takePrestartedThread, WORKER_FILE } from "./analysis-prestart.js";
import type { TextReader } from "./files.js";
import { filesMentioning, parseAndAnalyze, textSourceOf, type AnalysisInput, type AnalysisOutput, type StageSetup } from "./read-code.js";

/**
 * From this many code files on, reading them takes about as long as loading TypeScript; below
 * it a thread gains little, and would load TypeScript even when no file needs parsing.
 */
export const THREAD_MIN_FILES = 1000;

/** Messages from the worker. */
export type WorkerMessage =
  | { readonly kind: "texts"; readonly id: number; readonly files: readonly string[] }
  | { readonly kind: "mentioning"; readonly id: number; readonly files: readonly string[]; readonly names: readonly string[] }
  | { readonly kind: "done"; readonly output: AnalysisOutput }
  | { readonly kind: "failed"; readonly message: string };

/**
 * Messages to the worker: the setup, the candidates' texts as they are read, the input, then
 * answers to its requests (texts; which files mention names).
 */
export type MainMessage =
  | { readonly kind: "setup"; readonly setup: StageSetup }
  | { readonly kind: "offer"; readonly file: string; readonly text: string }
  | { readonly kind: "input"; readonly input: AnalysisInput }
  | { readonly kind: "texts"; readonly id: number; readonly texts: ReadonlyArray<readonly [string, string]> }
  | { readonly kind: "files"; readonly id: number; readonly files: readonly string[] };

export interface Analysis {
  /** What the stage needs before any file is parsed (sent as soon as the files are listed). */
  setup(setup: StageSetup): void;
  /**
   * A candidate's text, as soon as it is read. True when the stage takes it (on the thread, which
   * parses it while the other files are read): the caller need not keep it.
   */
  offer(file: string, text: string): boolean;
  /**
   * Runs the parsing stage (once) to its end, on the texts this thread kept; `reader` reads again,
   * should the thread fail, the texts it was given.
   */
  run(input: AnalysisInput, texts: Map<string, string>, reader: TextReader): Promise<AnalysisOutput>;
  /** Ends the thread, if any. */
  close(): void;
}

const onThisThread: Analysis = {
  setup: () => undefined,
  offer: () => false,
  run: (input, texts) => parseAndAnalyze(input, textSourceOf(texts)),
  close: () => undefined,
};

/** Starts the parsing stage's thread now if the tree is large enough to gain from it. */
export function startAnalysis(codeFileCount: number): Analysis {
  // the thread the command started as it started (analysis-prestart.ts), if any
  const prestarted = takePrestartedThread();
  if (codeFileCount < THREAD_MIN_FILES || !existsSync(WORKER_FILE)) {
    void prestarted?.terminate();
    return onThisThread;
  }
  let worker: Worker;
  try {
    worker = prestarted ?? new Worker(WORKER_FILE);
  } catch {
    return onThisThread;
  }
  // a scan that ends before the stage runs (no candidate, an error) does not wait for the thread
  worker.unref();
  let alive = true;
  worker.once("error", () => (alive = false));
  worker.once("exit", () => (alive = false));
  const send = (message: MainMessage): void => worker.postMessage(message);
  /** The texts the thread took: read again if it fails. */
  const offered: string[] = [];
  return {
    setup(setup) {
      send({ kind: "setup", setup });
    },
    offer(file, text) {
      if (!alive) return false;
      offered.push(file);
      send({ kind: "offer", file, text });
      return true;
    },
    async run(input, texts, reader) {
      const outcome = await new Promise<AnalysisOutput | undefined>((resolve, reject) => {
        if (!alive) {
          resolve(undefined);
          return;
        }
        const textsOf = (files: readonly string[]) =>
          files.flatMap((file) => {
            const text = texts.get(file);
            return text === undefined ? [] : [[file, text] as const];
          });
        worker.on("message", (message: WorkerMessage) => {
          if (message.kind === "texts") send({ kind: "texts", id: message.id, texts: textsOf(message.files) });
          else if (message.kind === "mentioning") send({ kind: "files", id: message.id, files: filesMentioning(texts, message.files, message.names) });
          else if (message.kind === "done") resolve(message.output);
          // the stage itself failed: doing it again here would fail the same way
          else reject(new Error(message.message));
        });
        // the thread died (it could not start, or ran out of memory): the work is done here
        worker.once("error", () => resolve(undefined));
        worker.once("exit", () => resolve(undefined));
        send({ kind: "input", input });
      });
      if (outcome) return outcome;
      // the texts the thread took are read again: nothing is lost
      for (const file of offered) {
        const text = reader.read(file);
        if (text !== undefined) texts.set(file, text);
      }
      return onThisThread.run(input, texts, reader);
    },
    close() {
      void worker.terminate();
    },
  };
}
