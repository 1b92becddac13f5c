/**
 * `--format sarif`: SARIF 2.1.0 as GitHub code scanning takes it (docs/scanner/sarif-output.md).
 * One run; every check is a rule, always in one order, so that `ruleIndex` means the same in every
 * report. Paths are relative to `%SRCROOT%`, the scan root.
 */
import { createHash } from "node:crypto";
import { docsUrl } from "@secrets-suite/core";
import type { Log, ReportingDescriptor, Result } from "sarif";
import { DEFAULT_SEVERITIES } from "../config/load-config.js";
import type { Finding, RuleId } from "../model.js";
import { SCANNER_VERSION } from "../version.js";
import { checksToDescribe, describeCheck } from "./check-descriptions.js";
import type { ReportData } from "./json.js";

/** The official schema of the version written, the one a test validates against. */
const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/** Name (and version) of our partial fingerprint; a new way of computing it gets a new version. */
export const FINGERPRINT_KEY = "secretScannerFinding/v1";

/** Markdown to plain text: our descriptions use backticks for code and nothing else. */
const plain = (markdown: string): string => markdown.replaceAll("`", "");

function rule(id: RuleId): ReportingDescriptor {
  const check = describeCheck(id);
  return {
    id,
    shortDescription: { text: check.shortDescription },
    fullDescription: { text: plain(check.fullDescription), markdown: check.fullDescription },
    helpUri: check.helpUri,
    help: {
      text: `${plain(check.fullDescription)} See ${check.helpUri}`,
      markdown: `${check.fullDescription} See [${id}](${check.helpUri}).`,
    },
    defaultConfiguration: { level: id === "internal-error" ? "error" : DEFAULT_SEVERITIES[id] },
  };
}

/** A relative POSIX path as a relative URI reference: each segment percent-encoded. */
function relativeUri(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

/**
 * The identity of each finding across runs. Built from the check, the file, the secret and the
 * occurrence of that triple in the file (findings come sorted by position), never from the file's
 * text: a finding keeps its fingerprint when lines are added or removed above it, and no value
 * read from a file can leak into it.
 */
function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const identity = JSON.stringify([finding.ruleId, finding.file, finding.secret ?? ""]);
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return createHash("sha256").update(`${identity}#${occurrence}`).digest("hex");
  });
}

export function formatSarif(data: ReportData): string {
  const rules = checksToDescribe(data.findings, data.checksRun);
  const ruleIndex = new Map(rules.map((id, index) => [id, index]));
  const fingerprintOf = fingerprints(data.findings);
  const results: Result[] = data.findings.map((finding, index) => ({
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId)!,
    level: finding.severity,
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(finding.file), uriBaseId: "%SRCROOT%" },
          region: { startLine: finding.line, startColumn: finding.column },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprintOf[index]! },
  }));
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "secret-scanner",
            version: SCANNER_VERSION,
            semanticVersion: SCANNER_VERSION,
            informationUri: docsUrl("scanner/README.md"),
            rules: rules.map(rule),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: data.notes.map((note) => ({ level: "note", message: { text: note } })),
          },
        ],
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
