/**
 * The analysis thread (see analysis-thread.ts): loads TypeScript as soon as it starts, parses each
 * candidate it is offered while the main thread still reads the others, then runs the rest of the
 * parsing stage on the input it is sent, asking the main thread for the texts it needs, and
 * answers with the output.
 */
import { parentPort } from "node:worker_threads";
import type { MainMessage, WorkerMessage } from "./analysis-thread.js";
import { loadTypeScript, ParsingStage, type TextSource } from "./read-code.js";

const port = parentPort;
if (port) {
  // started before the input exists: the main thread is still listing and reading the files
  const typescript = loadTypeScript();
  typescript.catch(() => undefined); // reported when the stage awaits it
  const texts = new Map<string, string>();
  const waiting = new Map<number, (answer: Exclude<MainMessage, { kind: "input" | "setup" | "offer" }>) => void>();
  let nextId = 0;
  const send = (message: WorkerMessage): void => port.postMessage(message);
  const ask = (request: { kind: "texts"; files: readonly string[] } | { kind: "mentioning"; files: readonly string[]; names: readonly string[] }) =>
    new Promise<Exclude<MainMessage, { kind: "input" | "setup" | "offer" }>>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      send({ ...request, id });
    });
  const source: TextSource = {
    async fetch(files) {
      const missing = files.filter((file) => !texts.has(file));
      if (missing.length === 0) return;
      const answer = await ask({ kind: "texts", files: missing });
      if (answer.kind === "texts") for (const [file, text] of answer.texts) texts.set(file, text);
    },
    // a text is parsed once: it is not kept here after it is handed over
    take(file) {
      const text = texts.get(file);
      texts.delete(file);
      return text;
    },
    async mentioning(files, names) {
      const answer = await ask({ kind: "mentioning", files, names });
      return answer.kind === "files" ? [...answer.files] : [];
    },
  };
  let stage: Promise<ParsingStage> | undefined;
  // the work in the order it came: offered texts are parsed before the input is finished
  let queue: Promise<unknown> = Promise.resolve();
  const fail = (error: unknown): void => send({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
  port.on("message", (message: MainMessage) => {
    switch (message.kind) {
      case "setup":
        stage = typescript.then((t) => new ParsingStage(message.setup, t));
        return;
      case "offer":
        queue = queue.then(async () => (await stage!).parse(message.file, message.text));
        return;
      case "input":
        queue = queue.then(async () => send({ kind: "done", output: await (await stage!).finish(message.input, source) })).catch(fail);
        return;
      default:
        waiting.get(message.id)?.(message);
        waiting.delete(message.id);
    }
  });
}
