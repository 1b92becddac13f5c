/**
 * Which code belongs to which compose service: the files under its build context, the files
 * those import (relative imports and workspace packages), and configured globs.
 */
import picomatch from "picomatch";
import type { CodeFacts, ComposeService } from "../model.js";

/** Whether `file` is `directory` or below it ("." and "" are the root). */
export function isUnder(file: string, directory: string): boolean {
  return directory === "." || directory === "" || file === directory || file.startsWith(`${directory}/`);
}

/** Files reachable from `start` through imports, `start` included. */
function reachable(start: readonly string[], imports: CodeFacts["imports"]): Set<string> {
  const seen = new Set(start);
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.pop()!;
    for (const imported of imports.get(file) ?? []) {
      if (!seen.has(imported)) {
        seen.add(imported);
        queue.push(imported);
      }
    }
  }
  return seen;
}

/**
 * Service name → the set of code files that belong to it. Services without a build context and
 * without configured globs have no code here (an image built elsewhere) and are left out.
 */
export function codeOfServices(
  services: readonly ComposeService[],
  codeFiles: readonly string[],
  imports: CodeFacts["imports"],
  configured: Readonly<Record<string, readonly string[]>>,
): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const service of services) {
    const globs = configured[service.name];
    const matches = globs ? picomatch([...globs], { dot: true }) : undefined;
    const own = matches
      ? codeFiles.filter((file) => matches(file))
      : service.buildContext !== undefined
        ? codeFiles.filter((file) => isUnder(file, service.buildContext!))
        : undefined;
    if (own === undefined) continue;
    const files = reachable(own, imports);
    const existing = result.get(service.name);
    if (existing) for (const file of files) existing.add(file);
    else result.set(service.name, files);
  }
  return result;
}
