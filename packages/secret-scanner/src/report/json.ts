/**
 * `--format json`: a documented, stable contract (docs/scanner/json-output.md). Version 1.
 * Keys are written in a fixed order so that the same scan gives the same bytes.
 */
import type { InventoryEntry, ServiceEntry } from "../checks/run-checks.js";
import type { ConfigurableRuleId, Finding } from "../model.js";

export interface ReportData {
  readonly findings: readonly Finding[];
  readonly inventory: readonly InventoryEntry[];
  /** Every compose service, sorted by name: the columns of the HTML report's matrix. */
  readonly services: readonly ServiceEntry[];
  readonly notes: readonly string[];
  /** Files looked at: code, compose and env example files. */
  readonly filesScanned: number;
  /** The checks the command ran (`check`'s or `audit`'s): the rules SARIF and JUnit describe. */
  readonly checksRun: readonly ConfigurableRuleId[];
}

export function summarize(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const finding of findings) if (finding.severity === "error") errors++;
  return { errors, warnings: findings.length - errors };
}

export function formatJson(data: ReportData): string {
  const { errors, warnings } = summarize(data.findings);
  const report = {
    version: 1,
    summary: { errors, warnings, files: data.filesScanned },
    findings: data.findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      ...(finding.secret !== undefined ? { secret: finding.secret } : {}),
      file: finding.file,
      line: finding.line,
      column: finding.column,
      ...(finding.suggestion !== undefined ? { suggestion: finding.suggestion } : {}),
    })),
    secrets: data.inventory.map((entry) => ({
      name: entry.name,
      reads: entry.reads.map(({ file, line, column, kind }) => ({ file, line, column, kind })),
      declared: {
        compose: entry.declared.compose.map(({ file, line, column }) => ({ file, line, column })),
        envExample: entry.declared.envExample.map(({ file, line, column }) => ({ file, line, column })),
      },
      grantedTo: entry.grantedTo,
      readBy: entry.readBy,
    })),
    services: data.services.map(({ name, position, codeScanned }) => ({
      name,
      file: position.file,
      line: position.line,
      column: position.column,
      codeScanned,
    })),
    notes: data.notes,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
