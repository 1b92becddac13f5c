/**
 * `--format github`: one GitHub Actions workflow command per finding, escaped as the Actions
 * runner unescapes them (@actions/core's escapeData and escapeProperty), a notice per note, a
 * plain summary line; and never a value read from a file.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exampleRepoWithCanaries, expectNoCanary } from "./canaries.js";
import { checkJson, copyFixture, makeRepo, runCli, type JsonFinding } from "./harness.js";

interface Command {
  readonly name: string;
  readonly properties: Record<string, string>;
  readonly message: string;
}

// the runner's unescaping, in its order: the `%25` last, so that an escaped escape stays literal
const unescapeData = (text: string): string => text.replaceAll("%0D", "\r").replaceAll("%0A", "\n").replaceAll("%25", "%");
const unescapeProperty = (text: string): string => unescapeData(text.replaceAll("%3A", ":").replaceAll("%2C", ","));

/** A workflow command line read the way the runner reads it: `::name key=value,…::message`. */
function parseCommand(line: string): Command {
  const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  expect(match, line).not.toBeNull();
  const [, name, list, message] = match!;
  const properties: Record<string, string> = {};
  for (const pair of list ? list.split(",") : []) {
    const at = pair.indexOf("=");
    properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
  }
  return { name: name!, properties, message: unescapeData(message!) };
}

function annotationOf(finding: JsonFinding): Command {
  return {
    name: finding.severity,
    properties: { file: finding.file, line: String(finding.line), col: String(finding.column), title: `secret-scanner: ${finding.ruleId}` },
    message: finding.message,
  };
}

describe("--format github", () => {
  const root = copyFixture("example-repo");

  it("writes an ::error or ::warning command per finding, then a summary line; exit code 1", () => {
    const run = runCli(["check", root, "--format", "github"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
    const lines = run.stdout.split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "::warning file=.env.example,line=14,col=1,title=secret-scanner%3A unused-env-example-key::'MIXPANEL_TOKEN' is listed in the env example but no code reads it and no compose file references it.",
      "::warning file=docker-compose.yml,line=21,col=9,title=secret-scanner%3A granted-but-unused::Service 'worker' is granted secret 'JWT_SECRET' but none of its code reads it.",
      "::error file=docker-compose.yml,line=38,col=3,title=secret-scanner%3A unused-compose-secret::Compose secret 'LEGACY_API_TOKEN' is declared but no code reads it.",
    ]);
    expect(lines.slice(-2)).toEqual(["secret-scanner: 11 problem(s) (9 error(s), 2 warning(s)) in 9 file(s) checked", ""]);
    const { report } = checkJson(root);
    expect(lines.slice(0, -2).map(parseCommand)).toEqual(report.findings.map(annotationOf));
  });

  it("escapes %, CR and LF in messages, and also : and , in properties, as the runner expects", () => {
    const odd = makeRepo({
      "we%ird,dir:x/docker-compose.yml": 'secrets:\n  "A%0A,B:C":\n    file: ./a.txt\n  "LINE\\nBREAK\\rX":\n    file: ./b.txt\n',
      "new\nline/compose.yaml": "secrets:\n  OTHER_TOKEN:\n    file: ./c.txt\n",
      ".env.example": "",
    });
    const run = runCli(["check", odd, "--format", "github"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      [
        "::error file=new%0Aline/compose.yaml,line=2,col=3,title=secret-scanner%3A unused-compose-secret::Compose secret 'OTHER_TOKEN' is declared but no code reads it.",
        "::error file=we%25ird%2Cdir%3Ax/docker-compose.yml,line=2,col=3,title=secret-scanner%3A unused-compose-secret::Compose secret 'A%250A,B:C' is declared but no code reads it.",
        "::error file=we%25ird%2Cdir%3Ax/docker-compose.yml,line=4,col=3,title=secret-scanner%3A unused-compose-secret::Compose secret 'LINE%0ABREAK%0DX' is declared but no code reads it.",
        "secret-scanner: 3 problem(s) (3 error(s), 0 warning(s)) in 3 file(s) checked",
        "",
      ].join("\n"),
    );
    // read back as the runner reads it: the names and paths exactly as the JSON report has them
    const { report } = checkJson(odd);
    expect(report.findings.map((finding) => finding.secret)).toEqual(["OTHER_TOKEN", "A%0A,B:C", "LINE\nBREAK\rX"]);
    expect(run.stdout.split("\n").slice(0, 3).map(parseCommand)).toEqual(report.findings.map(annotationOf));
  });

  it("on a clean repository: notes as ::notice commands and the summary line; exit 0; --output writes the same bytes", () => {
    const clean = makeRepo({
      "docker-compose.yml": "secrets:\n  DATABASE_URL:\n    environment: DATABASE_URL\n",
      "src/db.ts": 'import { getSecret } from "@acme/secrets";\nexport const url = getSecret("DATABASE_URL");\n',
    });
    const run = runCli(["check", clean, "--format", "github"]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toBe(
      "::notice title=secret-scanner::no env example file found: undeclared-in-env-example and unused-env-example-key were skipped\n" +
        "secret-scanner: 0 problem(s) (0 error(s), 0 warning(s)) in 2 file(s) checked\n",
    );
    const out = path.join(mkdtempSync(path.join(tmpdir(), "secret-scanner-github-")), "annotations.txt");
    const toFile = runCli(["check", clean, "--format", "github", "--output", out]);
    expect([toFile.status, toFile.stdout, toFile.stderr]).toEqual([0, "", ""]);
    expect(readFileSync(out, "utf8")).toBe(run.stdout);
  });

  it("keeps --max-warnings and --quiet", () => {
    const warnings = runCli(["check", root, "--format", "github", "--quiet", "--max-warnings", "0"]);
    expect(warnings.status).toBe(1);
    expect(warnings.stdout).not.toContain("::warning");
    expect(warnings.stdout.split("\n").filter((line) => line.startsWith("::error"))).toHaveLength(9);
  });

  it("never holds a value read from a file", () => {
    const { root: planted, canaries } = exampleRepoWithCanaries();
    const run = runCli(["check", planted, "--format", "github"]);
    expect(run.status).toBe(1);
    expect(run.stdout.split("\n").filter((line) => line.startsWith("::"))).toHaveLength(11);
    expectNoCanary(canaries, run.stdout, run.stderr);
  });
});
