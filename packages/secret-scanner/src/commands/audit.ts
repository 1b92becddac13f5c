/**
 * `secret-scanner audit`: the whole-repository secret hygiene audit (docs/scanner/audit.md):
 * everything `check` runs, then the audit's own checks, reported like `check`'s findings.
 * Returns the exit code; throws UsageError for what the user must fix.
 */
import path from "node:path";
import { createProgress } from "../audit/progress.js";
import { runAudit } from "../audit/run-audit.js";
import { report, type CheckOptions } from "./check.js";
import { resolveRoot } from "./root.js";

export type AuditOptions = CheckOptions;

export async function audit(rootArgument: string, options: AuditOptions): Promise<number> {
  const root = resolveRoot(rootArgument);
  const progress = createProgress(process.stderr, process.env);
  const result = await runAudit(root, options.config !== undefined ? { configFile: path.resolve(options.config) } : {}, progress);
  return report(result, options);
}
