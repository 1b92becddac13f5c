/** The scan root every command takes. */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { UsageError } from "./exit.js";

/** The absolute scan root, or a UsageError when the argument is not a directory. */
export function resolveRoot(rootArgument: string): string {
  const root = path.resolve(rootArgument);
  if (!existsSync(root)) throw new UsageError(`${rootArgument}: no such directory`);
  if (!statSync(root).isDirectory()) throw new UsageError(`${rootArgument}: not a directory`);
  return root;
}
