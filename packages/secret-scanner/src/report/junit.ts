/**
 * `--format junit`: JUnit XML for the CI systems that show test reports (GitLab, Jenkins, Azure
 * Pipelines), see docs/scanner/junit-output.md. One test suite per check, always in one order: a check with findings has a failing test case per finding, a clean check one passing
 * test case, and a check turned off one skipped test case. Per check rather than per file, so that
 * a clean run still lists what was checked, and the suites are the same from run to run.
 */
import type { RuleSetting } from "../config/load-config.js";
import type { ConfigurableRuleId, Finding, RuleId } from "../model.js";
import { checksToDescribe, describeCheck } from "./check-descriptions.js";
import type { ReportData } from "./json.js";

/**
 * Text and attribute values. XML 1.0 cannot hold most control characters even escaped, so they
 * (and the C1 controls it discourages) become U+FFFD; line breaks and tabs are written as
 * references, which attributes keep as they are.
 */
export function escapeXml(text: string): string {
  return text
    // control characters but tab, LF and CR; with the u flag, \p{Cs} is a surrogate without its pair
    .replace(/(?![\t\n\r])[\p{Cc}\p{Cs}\uFFFE\uFFFF]/gu, "\uFFFD")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;")
    .replaceAll("\t", "&#9;")
    .replaceAll("\n", "&#10;")
    .replaceAll("\r", "&#13;");
}

type Attributes = ReadonlyArray<readonly [string, string | number]>;

function element(name: string, attributes: Attributes, children: readonly string[] = []): string[] {
  const open = `<${name}${attributes.map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`).join("")}`;
  if (children.length === 0) return [`${open}/>`];
  return [`${open}>`, ...children.map((child) => `  ${child}`), `</${name}>`];
}

function failingCase(suite: string, finding: Finding): string[] {
  const name = `${finding.file}:${finding.line}:${finding.column}${finding.secret !== undefined ? ` ${finding.secret}` : ""}`;
  const check = describeCheck(finding.ruleId);
  const details = `${finding.severity} at ${finding.file}:${finding.line}:${finding.column}\n${finding.message}\n${check.helpUri}`;
  return element("testcase", [["classname", suite], ["name", name], ["file", finding.file]], [
    `<failure message="${escapeXml(finding.message)}" type="${finding.severity}">${escapeXml(details)}</failure>`,
  ]);
}

function suite(id: RuleId, findings: readonly Finding[], setting: RuleSetting): string[] {
  const name = `secret-scanner.${id}`;
  const counts = (tests: number, failures: number, skipped: number): Attributes => [
    ["name", name],
    ["tests", tests],
    ["failures", failures],
    ["errors", 0],
    ["skipped", skipped],
  ];
  if (findings.length > 0) {
    return element("testsuite", counts(findings.length, findings.length, 0), findings.flatMap((finding) => failingCase(name, finding)));
  }
  if (setting === "off") {
    return element("testsuite", counts(1, 0, 1), [
      ...element("testcase", [["classname", name], ["name", "turned off in the configuration"]], ["<skipped/>"]),
    ]);
  }
  return element("testsuite", counts(1, 0, 0), element("testcase", [["classname", name], ["name", "no findings"]]));
}

export function formatJunit(data: ReportData, rules: Readonly<Record<ConfigurableRuleId, RuleSetting>>): string {
  const checks = checksToDescribe(data.findings, data.checksRun);
  const byCheck = new Map<RuleId, Finding[]>(checks.map((id) => [id, []]));
  for (const finding of data.findings) byCheck.get(finding.ruleId)!.push(finding);
  const suites = checks.map((id) => suite(id, byCheck.get(id)!, id === "internal-error" ? "error" : rules[id]));
  const skipped = checks.filter((id) => id !== "internal-error" && rules[id] === "off" && byCheck.get(id)!.length === 0).length;
  const tests = data.findings.length + checks.filter((id) => byCheck.get(id)!.length === 0).length;
  const root = element(
    "testsuites",
    [["name", "secret-scanner"], ["tests", tests], ["failures", data.findings.length], ["errors", 0], ["skipped", skipped]],
    suites.flat(),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root.join("\n")}\n`;
}
