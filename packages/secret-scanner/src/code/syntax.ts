/**
 * What the code reader's modules share about TypeScript's syntax: the type of the `ts` namespace
 * that ts-morph bundles (loaded lazily, so only its type is imported here), and the modules whose
 * import is the `process` object.
 */
import type { ts } from "ts-morph";

export type TS = typeof ts;

/** Modules whose default or namespace import is the `process` object. */
export const PROCESS_MODULES: ReadonlySet<string> = new Set(["process", "node:process"]);
