/**
 * Where the code reader's parsing stage runs. On a large tree it runs on a worker thread started
 * before the files are read, so that loading TypeScript (some 400 ms) happens while this thread
 * reads the files and scans their imports, instead of after. The worker gets the texts it needs
 * from this thread on request (copying every text to it would cost as much as it saves). On a
 * small tree there is nothing to overlap, and the stage runs here, loading TypeScript only if
 * some file must be parsed.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { filesMentioning, parseAndAnalyze, textSourceOf, type AnalysisInput, type AnalysisOutput } from "./read-code.js";

/**
 * From this many code files on, reading them takes about as long as loading TypeScript; below
 * it a thread gains little, and would load TypeScript even when no file needs parsing.
 */
export const THREAD_MIN_FILES = 1000;

/**
 * From this many files to parse on, the thread is given up and the stage runs here: parsing is
 * then most of the work, and a second heap (which holds the same parsed trees' garbage and facts,
 * with its own slack) costs more memory than loading TypeScript in parallel saves time.
 */
export const THREAD_MAX_CANDIDATES = 1000;

/** The worker's entry point: the built file next to this one (absent when run from sources). */
const WORKER_FILE = fileURLToPath(new URL("./analysis-worker.js", import.meta.url));

/** Messages from the worker. */
export type WorkerMessage =
  | { readonly kind: "texts"; readonly id: number; readonly files: readonly string[] }
  | { readonly kind: "mentioning"; readonly id: number; readonly files: readonly string[]; readonly names: readonly string[] }
  | { readonly kind: "done"; readonly output: AnalysisOutput }
  | { readonly kind: "failed"; readonly message: string };

/** Messages to the worker: the input, then answers to its requests (texts; which files mention names). */
export type MainMessage =
  | { readonly kind: "input"; readonly input: AnalysisInput }
  | { readonly kind: "texts"; readonly id: number; readonly texts: ReadonlyArray<readonly [string, string]> }
  | { readonly kind: "files"; readonly id: number; readonly files: readonly string[] };

export interface Analysis {
  /** Runs the parsing stage (once), on the texts this thread read. */
  run(input: AnalysisInput, texts: Map<string, string>): Promise<AnalysisOutput>;
  /** Ends the thread, if any. */
  close(): void;
}

const onThisThread: Analysis = {
  run: (input, texts) => parseAndAnalyze(input, textSourceOf(texts)),
  close: () => undefined,
};

/** Starts the parsing stage's thread now if the tree is large enough to gain from it. */
export function startAnalysis(codeFileCount: number): Analysis {
  if (codeFileCount < THREAD_MIN_FILES || !existsSync(WORKER_FILE)) return onThisThread;
  let worker: Worker;
  try {
    worker = new Worker(WORKER_FILE);
  } catch {
    return onThisThread;
  }
  // a scan that ends before the stage runs (no candidate, an error) does not wait for the thread
  worker.unref();
  return {
    async run(input, texts) {
      if (input.candidates.length >= THREAD_MAX_CANDIDATES) {
        // its heap is given back before this thread loads TypeScript and parses
        await worker.terminate();
        return onThisThread.run(input, texts);
      }
      const outcome = await new Promise<AnalysisOutput | undefined>((resolve, reject) => {
        const send = (message: MainMessage): void => worker.postMessage(message);
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
      return outcome ?? onThisThread.run(input, texts);
    },
    close() {
      void worker.terminate();
    },
  };
}
