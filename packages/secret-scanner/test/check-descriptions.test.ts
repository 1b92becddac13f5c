/**
 * The descriptions of the checks that SARIF and JUnit reports carry: each is its documentation
 * page's own first paragraph; and `internal-error` (which no scan of a real repository can be made
 * to produce) is described, last, when a report holds one.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Log } from "sarif";
import { describe, expect, it } from "vitest";
import { DEFAULT_SEVERITIES } from "../src/config/load-config.js";
import { CHECK_IDS, RULE_IDS } from "../src/config/schema.js";
import type { Finding, RuleId } from "../src/model.js";
import { checksToDescribe, describeCheck } from "../src/report/check-descriptions.js";
import { formatJunit } from "../src/report/junit.js";
import { formatSarif } from "../src/report/sarif.js";
import { sarifSchemaErrors } from "./sarif-schema.js";

const docs = path.resolve(import.meta.dirname, "../../../docs/scanner");
const ALL: readonly RuleId[] = [...RULE_IDS, "internal-error"];

const internalError: Finding = {
  ruleId: "internal-error",
  severity: "error",
  message: "secret-scanner failed on this file: internal error while analysing the file (TypeError).",
  file: "src/a.ts",
  line: 1,
  column: 1,
};

describe("check descriptions", () => {
  it.each(ALL)("%s: the first paragraph of its page, and the page's address", (id) => {
    const page = readFileSync(path.join(docs, `${id}.md`), "utf8").split("\n");
    const check = describeCheck(id);
    expect(page[0]).toBe(`# ${id}`);
    expect(check.fullDescription).toBe(page[2]);
    expect(check.helpUri).toBe(`https://github.com/eslint-plugin-secrets/eslint-plugin-secrets/blob/main/docs/scanner/${id}.md`);
  });

  it("a report describes the checks its command ran; internal-error only when a finding is one, after the others", () => {
    expect(checksToDescribe([], RULE_IDS)).toEqual(RULE_IDS);
    expect(checksToDescribe([internalError], RULE_IDS)).toEqual(ALL);
    // check runs fewer checks than audit: its report does not claim the audit's passed
    expect(checksToDescribe([], CHECK_IDS)).toEqual(CHECK_IDS);
    expect(checksToDescribe([internalError], CHECK_IDS)).toEqual([...CHECK_IDS, "internal-error"]);
  });

  it("SARIF and JUnit reports of an internal error: the rule at the end, a failing suite", () => {
    const data = { findings: [internalError], inventory: [], services: [], notes: [], filesScanned: 1, checksRun: RULE_IDS };
    const log = JSON.parse(formatSarif(data)) as Log;
    expect(sarifSchemaErrors(log)).toEqual([]);
    const rules = log.runs[0]!.tool.driver.rules!;
    expect(rules.map((rule) => rule.id)).toEqual(ALL);
    expect(log.runs[0]!.results![0]).toMatchObject({ ruleId: "internal-error", ruleIndex: ALL.length - 1, level: "error" });

    const junit = formatJunit(data, { ...DEFAULT_SEVERITIES });
    expect(junit).toContain('<testsuite name="secret-scanner.internal-error" tests="1" failures="1" errors="0" skipped="0">');
  });
});
