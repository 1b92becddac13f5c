/**
 * The analysis thread (see analysis-thread.ts): loads TypeScript as soon as it starts, runs the
 * parsing stage on the input it is sent, asking the main thread for the texts it needs, and
 * answers with the output.
 */
import { parentPort } from "node:worker_threads";
import type { MainMessage, WorkerMessage } from "./analysis-thread.js";
import { loadTypeScript, parseAndAnalyze, type TextSource } from "./read-code.js";

const port = parentPort;
if (port) {
  // started before the input exists: the main thread is still reading the files
  const typescript = loadTypeScript();
  typescript.catch(() => undefined); // reported when the stage awaits it
  const texts = new Map<string, string>();
  const waiting = new Map<number, (answer: Exclude<MainMessage, { kind: "input" }>) => void>();
  let nextId = 0;
  const send = (message: WorkerMessage): void => port.postMessage(message);
  const ask = (request: { kind: "texts"; files: readonly string[] } | { kind: "mentioning"; files: readonly string[]; names: readonly string[] }) =>
    new Promise<Exclude<MainMessage, { kind: "input" }>>((resolve) => {
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
    giveBack(file, text) {
      texts.set(file, text);
    },
    async mentioning(files, names) {
      const answer = await ask({ kind: "mentioning", files, names });
      return answer.kind === "files" ? [...answer.files] : [];
    },
  };
  port.on("message", (message: MainMessage) => {
    if (message.kind !== "input") {
      waiting.get(message.id)?.(message);
      waiting.delete(message.id);
      return;
    }
    void (async () => {
      try {
        send({ kind: "done", output: await parseAndAnalyze(message.input, source, await typescript) });
      } catch (error) {
        send({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
}
