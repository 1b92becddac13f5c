/**
 * `--format github`: GitHub Actions workflow commands, which the runner turns into annotations on
 * the run and on the pull request's diff (docs/scanner/github-output.md). One `::error` or
 * `::warning` line per finding, a `::notice` per note, then a plain summary line for the log.
 */
import type { Finding } from "../model.js";
import { summarize, type ReportData } from "./json.js";

/**
 * The message of a command, escaped as @actions/core's `escapeData` does and the runner undoes:
 * `%` first, so that the escapes themselves survive.
 */
export function escapeData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/** A property value (`file=…,title=…`): also `:` and `,`, which end the property list and a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

function command(name: string, properties: ReadonlyArray<readonly [string, string]>, message: string): string {
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(",");
  return `::${name}${list === "" ? "" : ` ${list}`}::${escapeData(message)}`;
}

function annotation(finding: Finding): string {
  return command(
    finding.severity,
    [
      ["file", finding.file],
      ["line", String(finding.line)],
      ["col", String(finding.column)],
      ["title", `secret-scanner: ${finding.ruleId}`],
    ],
    finding.message,
  );
}

export function formatGithub(data: ReportData): string {
  const { errors, warnings } = summarize(data.findings);
  const lines = [
    ...data.findings.map(annotation),
    ...data.notes.map((note) => command("notice", [["title", "secret-scanner"]], note)),
    `secret-scanner: ${errors + warnings} problem(s) (${errors} error(s), ${warnings} warning(s)) in ${data.filesScanned} file(s) checked`,
  ];
  return `${lines.join("\n")}\n`;
}
