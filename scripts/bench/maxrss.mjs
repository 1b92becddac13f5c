/**
 * Peak memory without GNU time: `node maxrss.mjs <out-file> <script> [...args]` runs the Node
 * script in this process and, when the process exits, writes its maximum resident set size
 * (`process.resourceUsage().maxRSS`, in kilobytes) and its CPU time to <out-file>.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [outFile, script, ...args] = process.argv.slice(2);
if (outFile === undefined || script === undefined) {
  process.stderr.write("usage: node maxrss.mjs <out-file> <script> [...args]\n");
  process.exit(2);
}
// the script sees the command line it would have seen if run directly
process.argv = [process.argv[0] ?? process.execPath, path.resolve(script), ...args];
process.on("exit", () => {
  const usage = process.resourceUsage();
  // kilobytes; CPU seconds
  writeFileSync(outFile, `maxRSS=${usage.maxRSS}\nuser=${usage.userCPUTime / 1e6}\nsystem=${usage.systemCPUTime / 1e6}\n`);
});
await import(pathToFileURL(path.resolve(script)).href);
