/**
 * `--format sarif`: valid by the official SARIF 2.1.0 schema (vendored in test/schemas/, see its
 * README), what GitHub code scanning reads (driver, rules with their documentation, results with
 * relative locations), fingerprints that survive moved lines, and never a value read from a file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Log, Result } from "sarif";
import { describe, expect, it } from "vitest";
import { CHECK_IDS } from "../../src/config/schema.js";
import { sarifSchemaErrors } from "../sarif-schema.js";
import { exampleRepoWithCanaries, expectNoCanary } from "./canaries.js";
import { checkJson, copyFixture, makeRepo, repoRoot, runCli, type CliRun } from "./harness.js";

/** Runs `check --format sarif`, and checks the log against the schema before anything else. */
function checkSarif(root: string, ...extra: string[]): { run: CliRun; log: Log } {
  const run = runCli(["check", root, "--format", "sarif", ...extra]);
  const log = JSON.parse(run.stdout) as Log;
  expect(sarifSchemaErrors(log), "errors against the SARIF 2.1.0 schema").toEqual([]);
  return { run, log };
}

function resultsOf(log: Log): Result[] {
  expect(log.runs).toHaveLength(1);
  return log.runs[0]!.results ?? [];
}

function location(result: Result): { uri: string | undefined; uriBaseId: string | undefined; line: number | undefined; column: number | undefined } {
  const physical = result.locations?.[0]?.physicalLocation;
  return {
    uri: physical?.artifactLocation?.uri,
    uriBaseId: physical?.artifactLocation?.uriBaseId,
    line: physical?.region?.startLine,
    column: physical?.region?.startColumn,
  };
}

function fingerprint(result: Result): string {
  const values = Object.values(result.partialFingerprints ?? {});
  expect(values).toHaveLength(1);
  return values[0]!;
}

describe("--format sarif", () => {
  const root = copyFixture("example-repo");
  /** The report of `root`, computed once for the tests that only read it. */
  let exampleRun: ReturnType<typeof checkSarif> | undefined;
  const example = (): ReturnType<typeof checkSarif> => (exampleRun ??= checkSarif(root));

  it("is valid SARIF 2.1.0 holding the findings of the JSON report, in the same order; exit code 1", () => {
    const { run, log } = example();
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
    expect(log.version).toBe("2.1.0");
    const { report } = checkJson(root);
    expect(report.findings).toHaveLength(11);
    const driverRules = log.runs[0]!.tool.driver.rules!;
    expect(
      resultsOf(log).map((result) => {
        // ruleIndex points at the rule of the same id
        expect(driverRules[result.ruleIndex!]!.id).toBe(result.ruleId);
        const { uri, uriBaseId, line, column } = location(result);
        expect(uriBaseId).toBe("%SRCROOT%");
        return { ruleId: result.ruleId, level: result.level, message: result.message.text, file: uri, line, column };
      }),
    ).toEqual(
      report.findings.map((finding) => ({
        ruleId: finding.ruleId,
        level: finding.severity,
        message: finding.message,
        file: finding.file,
        line: finding.line,
        column: finding.column,
      })),
    );
  });

  it("describes the tool, and every check as a rule with its documentation page", async () => {
    const { log } = example();
    const { driver } = log.runs[0]!.tool;
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, "packages/secret-scanner/package.json"), "utf8")) as { version: string };
    expect([driver.name, driver.version, driver.semanticVersion]).toEqual(["secret-scanner", version, version]);
    // one base URL for the plugin's rule pages and the scanner's pages
    const plugin = (await import("eslint-plugin-secrets")).default as { rules: Record<string, { meta: { docs: { url: string } } }> };
    const docsBase = plugin.rules["no-bare-env-secret"]!.meta.docs.url.replace(/rules\/no-bare-env-secret\.md$/, "");
    expect(docsBase).toMatch(/^https:\/\/github\.com\/.+\/blob\/main\/docs\/$/);
    expect(driver.informationUri).toBe(`${docsBase}scanner/README.md`);
    expect(driver.rules!.map((rule) => rule.id)).toEqual(CHECK_IDS);
    for (const rule of driver.rules!) {
      expect(rule.helpUri).toBe(`${docsBase}scanner/${rule.id}.md`);
      // the page exists, and the descriptions are its own words
      const page = readFileSync(path.join(repoRoot, "docs/scanner", `${rule.id}.md`), "utf8").split("\n");
      expect(page[0]).toBe(`# ${rule.id}`);
      expect(rule.fullDescription?.markdown).toBe(page[2]);
      expect(rule.fullDescription?.text).toBe(page[2]!.replaceAll("`", ""));
      expect(rule.shortDescription?.text).toMatch(/^[A-Z].{10,80}[^.]$/);
      const severity = /^\*\*(?:Default severity|Severity):\*\* (?:always )?(error|warning)/m.exec(page.join("\n"))?.[1];
      expect(rule.defaultConfiguration?.level, rule.id).toBe(severity);
    }
  });

  it("on a clean repository: no results, exit 0, notes as tool execution notifications", () => {
    const clean = makeRepo({
      "docker-compose.yml": "secrets:\n  DATABASE_URL:\n    environment: DATABASE_URL\n",
      "src/db.ts": 'import { getSecret } from "@acme/secrets";\nexport const url = getSecret("DATABASE_URL");\n',
    });
    const { run, log } = checkSarif(clean);
    expect(run.status).toBe(0);
    expect(resultsOf(log)).toEqual([]);
    expect(log.runs[0]!.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          { level: "note", message: { text: "no env example file found: undeclared-in-env-example and unused-env-example-key were skipped" } },
        ],
      },
    ]);
  });

  it("writes paths as relative URI references, percent-encoded", () => {
    const odd = makeRepo({ "deploy/we ird%dir#1/docker-compose.yml": "secrets:\n  OLD_TOKEN:\n    external: true\n" });
    const { log } = checkSarif(odd);
    expect(resultsOf(log).map((result) => location(result).uri)).toEqual(["deploy/we%20ird%25dir%231/docker-compose.yml"]);
  });

  it("gives each finding a fingerprint that stays when lines move above it, and not its content", () => {
    const moved = copyFixture("example-repo");
    const before = resultsOf(checkSarif(moved).log);
    const fingerprints = before.map(fingerprint);
    expect(new Set(fingerprints).size).toBe(before.length);
    expect(fingerprints.every((value) => /^[0-9a-f]{64}$/.test(value))).toBe(true);

    // three lines above every finding of two files, and another value on a finding's line
    for (const file of ["docker-compose.yml", "services/api/src/index.ts"]) {
      const target = path.join(moved, file);
      writeFileSync(target, `# one\n# two\n# three\n${readFileSync(target, "utf8")}`.replace(/^# (.*)$/gm, file.endsWith(".ts") ? "// $1" : "# $1"));
    }
    const envExample = path.join(moved, ".env.example");
    writeFileSync(envExample, readFileSync(envExample, "utf8").replace("MIXPANEL_TOKEN=\n", "MIXPANEL_TOKEN=another-placeholder\n"));
    const after = resultsOf(checkSarif(moved).log);

    const lineShift = (result: Result): number => {
      const uri = location(result).uri!;
      return uri === "docker-compose.yml" || uri === "services/api/src/index.ts" ? 3 : 0;
    };
    expect(after.map((result) => [fingerprint(result), result.ruleId, location(result).uri, location(result).line])).toEqual(
      before.map((result) => [fingerprint(result), result.ruleId, location(result).uri, location(result).line! + lineShift(result)]),
    );
  });

  it("tells apart two findings of one check, file and secret by their order in the file", () => {
    const twice = makeRepo({
      "docker-compose.yml": "secrets:\n  DATABASE_URL:\n    environment: DATABASE_URL\n",
      ".env.example": "DATABASE_URL=\nSENTRY_DSN=\n",
      "src/a.ts": `import { getSecret } from "@acme/secrets";
export const url = getSecret("DATABASE_URL");
export const dsn = getSecret("SENTRY_DSN");
export const again = getSecret("SENTRY_DSN");
`,
    });
    const first = resultsOf(checkSarif(twice).log);
    expect(first.map((result) => `${result.ruleId} ${location(result).line}`)).toEqual(["undeclared-in-compose 3", "undeclared-in-compose 4"]);
    expect(fingerprint(first[0]!)).not.toBe(fingerprint(first[1]!));

    // a new read above both: the first two keep their fingerprints, the new last one gets a new one
    const file = path.join(twice, "src/a.ts");
    writeFileSync(file, readFileSync(file, "utf8").replace("export const url", 'export const early = getSecret("SENTRY_DSN");\nexport const url'));
    const second = resultsOf(checkSarif(twice).log);
    expect(second.map((result) => `${result.ruleId} ${location(result).line}`)).toEqual([
      "undeclared-in-compose 2",
      "undeclared-in-compose 4",
      "undeclared-in-compose 5",
    ]);
    expect(second.slice(0, 2).map(fingerprint)).toEqual(first.map(fingerprint));
    expect(first.map(fingerprint)).not.toContain(fingerprint(second[2]!));
  });

  it("--output writes the same bytes as a run to standard output (a second run); the exit code is kept", () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "secret-scanner-sarif-")), "report.sarif");
    const toFile = runCli(["check", root, "--format", "sarif", "--output", out]);
    expect([toFile.status, toFile.stdout, toFile.stderr]).toEqual([1, "", ""]);
    expect(readFileSync(out, "utf8")).toBe(example().run.stdout);
  });

  it("never holds a value read from a file", () => {
    const { root: planted, canaries } = exampleRepoWithCanaries();
    const { run, log } = checkSarif(planted);
    expect(run.status).toBe(1);
    expect(resultsOf(log)).toHaveLength(11);
    expectNoCanary(canaries, run.stdout, run.stderr);
  });
});
