/**
 * `--format junit`: JUnit XML as GitLab, Jenkins and Azure Pipelines read it, parsed back with a
 * real XML parser (fast-xml-parser): a suite per check, a failing test case per finding, a passing
 * one for a clean check, a skipped one for a check turned off; escaped; no value read from a file.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { exampleRepoWithCanaries, expectNoCanary } from "./canaries.js";
import { checkJson, copyFixture, makeRepo, runCli, type CliRun } from "./harness.js";

interface TestCase {
  classname: string;
  name: string;
  file?: string;
  failure?: { message: string; type: string; "#text": string };
  skipped?: string;
}
interface TestSuite {
  name: string;
  tests: string;
  failures: string;
  errors: string;
  skipped: string;
  testcase: TestCase[];
}
interface JunitReport {
  testsuites: { name: string; tests: string; failures: string; errors: string; skipped: string; testsuite: TestSuite[] };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  // character references (&#10;) are decoded too
  htmlEntities: true,
  isArray: (name) => name === "testsuite" || name === "testcase",
});

function checkJunit(root: string, ...extra: string[]): { run: CliRun; report: JunitReport } {
  const run = runCli(["check", root, "--format", "junit", ...extra]);
  expect(run.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  expect(XMLValidator.validate(run.stdout)).toBe(true);
  // XML 1.0 cannot hold these, even as references; the parser above does not reject them
  expect(run.stdout).not.toMatch(/(?![\t\n\r])\p{Cc}|&#(?:[0-8]|1[124-9]|2\d|3[01]);/u);
  return { run, report: parser.parse(run.stdout) as JunitReport };
}

/** The counts of each suite match its test cases, and the totals match the suites. */
function expectConsistentCounts(report: JunitReport): void {
  const suites = report.testsuites.testsuite;
  for (const suite of suites) {
    expect(Number(suite.tests), suite.name).toBe(suite.testcase.length);
    expect(Number(suite.failures), suite.name).toBe(suite.testcase.filter((testCase) => testCase.failure !== undefined).length);
    expect(Number(suite.skipped), suite.name).toBe(suite.testcase.filter((testCase) => testCase.skipped !== undefined).length);
    expect(suite.errors).toBe("0");
  }
  const total = (key: "tests" | "failures" | "skipped"): number => suites.reduce((sum, suite) => sum + Number(suite[key]), 0);
  expect([report.testsuites.tests, report.testsuites.failures, report.testsuites.skipped].map(Number)).toEqual([
    total("tests"),
    total("failures"),
    total("skipped"),
  ]);
}

describe("--format junit", () => {
  const root = copyFixture("example-repo");

  it("has a suite per check and a failing test case per finding, as in the JSON report; exit code 1", () => {
    const { run, report } = checkJunit(root);
    expect(run.status).toBe(1);
    expectConsistentCounts(report);
    const suites = report.testsuites.testsuite;
    expect(suites.map((suite) => suite.name)).toEqual([
      "secret-scanner.undeclared-in-compose",
      "secret-scanner.undeclared-in-env-example",
      "secret-scanner.unused-compose-secret",
      "secret-scanner.unused-env-example-key",
      "secret-scanner.name-mismatch",
      "secret-scanner.service-not-granted",
      "secret-scanner.granted-but-unused",
      "secret-scanner.dynamic-secret-name",
      "secret-scanner.parse-error",
    ]);
    expect([report.testsuites.tests, report.testsuites.failures, report.testsuites.skipped]).toEqual(["12", "11", "0"]);

    const { report: json } = checkJson(root);
    const failing = suites.flatMap((suite) => suite.testcase.filter((testCase) => testCase.failure));
    const expected = [...json.findings].sort(
      (a, b) => suites.findIndex((suite) => suite.name.endsWith(`.${a.ruleId}`)) - suites.findIndex((suite) => suite.name.endsWith(`.${b.ruleId}`)),
    );
    expect(failing.map((testCase) => [testCase.classname, testCase.name, testCase.file, testCase.failure!.message, testCase.failure!.type])).toEqual(
      expected.map((finding) => [
        `secret-scanner.${finding.ruleId}`,
        `${finding.file}:${finding.line}:${finding.column}${finding.secret ? ` ${finding.secret}` : ""}`,
        finding.file,
        finding.message,
        finding.severity,
      ]),
    );
    expect(failing[0]!.failure!["#text"].split("\n")).toEqual([
      "error at services/api/src/index.ts:10:29",
      "Secret 'SENTRY_DSN' is read here but no compose file declares it under top-level secrets:.",
      "https://github.com/eslint-plugin-secrets/eslint-plugin-secrets/blob/main/docs/scanner/undeclared-in-compose.md",
    ]);
    // a check without findings passes
    expect(suites.at(-1)!.testcase).toEqual([{ classname: "secret-scanner.parse-error", name: "no findings" }]);
  });

  it("on a clean repository: every check passes, one turned off is skipped, exit 0; notes on stderr", () => {
    const clean = makeRepo({
      "docker-compose.yml": "secrets:\n  DATABASE_URL:\n    environment: DATABASE_URL\n",
      "src/db.ts": 'import { getSecret } from "@acme/secrets";\nexport const url = getSecret("DATABASE_URL");\n',
      "secret-scanner.config.json": JSON.stringify({ rules: { "granted-but-unused": "off" } }),
    });
    const { run, report } = checkJunit(clean);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("note: no env example file found: undeclared-in-env-example and unused-env-example-key were skipped\n");
    expectConsistentCounts(report);
    expect([report.testsuites.tests, report.testsuites.failures, report.testsuites.skipped]).toEqual(["9", "0", "1"]);
    const granted = report.testsuites.testsuite.find((suite) => suite.name === "secret-scanner.granted-but-unused")!;
    expect(granted.testcase).toEqual([{ classname: "secret-scanner.granted-but-unused", name: "turned off in the configuration", skipped: "" }]);
    const passing = report.testsuites.testsuite.filter((suite) => suite !== granted).flatMap((suite) => suite.testcase);
    expect(passing.map((testCase) => testCase.name)).toEqual(Array.from({ length: 8 }, () => "no findings"));
  });

  it("escapes what XML reserves, and replaces what XML cannot hold", () => {
    const odd = makeRepo({
      "a&b <c>/docker-compose.yml": "secrets:\n  \"<A&B>\\\"'\":\n    file: ./a.txt\n  \"CTRL\\x01\\nNAME\":\n    file: ./b.txt\n",
      ".env.example": "",
    });
    const { report } = checkJunit(odd);
    const { report: json } = checkJson(odd);
    expect(json.findings.map((finding) => finding.secret)).toEqual(["<A&B>\"'", "CTRL\u0001\nNAME"]);
    const cases = report.testsuites.testsuite.find((suite) => suite.name === "secret-scanner.unused-compose-secret")!.testcase;
    expect(cases.map((testCase) => [testCase.name, testCase.file, testCase.failure!.message])).toEqual([
      ["a&b <c>/docker-compose.yml:2:3 <A&B>\"'", "a&b <c>/docker-compose.yml", "Compose secret '<A&B>\"'' is declared but no code reads it."],
      ["a&b <c>/docker-compose.yml:4:3 CTRL\uFFFD\nNAME", "a&b <c>/docker-compose.yml", "Compose secret 'CTRL\uFFFD\nNAME' is declared but no code reads it."],
    ]);
  });

  it("--output writes the same bytes; a second run gives the same bytes", () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "secret-scanner-junit-")), "junit.xml");
    const toFile = runCli(["check", root, "--format", "junit", "--output", out]);
    expect([toFile.status, toFile.stdout, toFile.stderr]).toEqual([1, "", ""]);
    expect(readFileSync(out, "utf8")).toBe(checkJunit(root).run.stdout);
  });

  it("never holds a value read from a file", () => {
    const { root: planted, canaries } = exampleRepoWithCanaries();
    const { run, report } = checkJunit(planted);
    expect(run.status).toBe(1);
    expect(report.testsuites.failures).toBe("11");
    expectNoCanary(canaries, run.stdout, run.stderr);
  });
});
