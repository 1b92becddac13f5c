/**
 * `--format text`: ESLint's stylish layout (file, then `line:column  severity  message  rule`,
 * then a summary line). Colour only when writing to a terminal that wants it.
 */
import type { Finding } from "../model.js";
import { summarize, type ReportData } from "./json.js";

export interface Colors {
  readonly underline: (text: string) => string;
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly green: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
export const ANSI_COLORS: Colors = {
  underline: ansi(4, 24),
  red: ansi(31, 39),
  yellow: ansi(33, 39),
  green: ansi(32, 39),
  dim: ansi(2, 22),
  bold: ansi(1, 22),
};
const identity = (text: string): string => text;
export const NO_COLORS: Colors = { underline: identity, red: identity, yellow: identity, green: identity, dim: identity, bold: identity };

/** Colour when the stream is a terminal, unless NO_COLOR is set; FORCE_COLOR=1 forces it. */
export function colorsFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Colors {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return ANSI_COLORS;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return NO_COLORS;
  return stream.isTTY ? ANSI_COLORS : NO_COLORS;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export function formatText(data: ReportData, colors: Colors): string {
  const { errors, warnings } = summarize(data.findings);
  if (data.findings.length === 0) {
    return `${colors.green("✔")} No problems (${plural(data.filesScanned, "file")} checked)\n`;
  }
  const byFile = new Map<string, Finding[]>();
  for (const finding of data.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  const lines: string[] = [];
  for (const [file, findings] of byFile) {
    lines.push("", colors.underline(file));
    const positionWidth = Math.max(...findings.map((finding) => `${finding.line}:${finding.column}`.length));
    for (const finding of findings) {
      const position = `${finding.line}:${finding.column}`.padEnd(positionWidth);
      const severity = finding.severity === "error" ? colors.red("error  ") : colors.yellow("warning");
      lines.push(`  ${colors.dim(position)}  ${severity}  ${finding.message}  ${colors.dim(finding.ruleId)}`);
    }
  }
  const total = errors + warnings;
  const mark = errors > 0 ? colors.red(colors.bold("✖")) : colors.yellow(colors.bold("✖"));
  lines.push("", `${mark} ${plural(total, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")})`, "");
  return `${lines.join("\n")}\n`;
}
