/**
 * The command line: output formats and their contract, --output, --quiet, --max-warnings, the
 * `rules` setting, exit codes, usage errors (exit 2, one line on stderr, no stack trace), --help,
 * --version and the default root.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import { brief, checkJson, checkJsonAsync, makeRepo, repoRoot, runCli, runCliAsync, type CliRun } from "./harness.js";

const root = makeRepo({
  "docker-compose.yml": `services:
  api:
    build: ./services/api
    secrets:
      - DATABASE_URL
      - JWT_SECRET
secrets:
  DATABASE_URL:
    environment: DATABASE_URL
  JWT_SECRET:
    environment: JWT_SECRET
  SMTP_PASSWORD:
    environment: SMTP_PASSWORD
`,
  ".env.example": "DATABASE_URL=\nSMTP_PASSWORD=\nMIXPANEL_TOKEN=\n",
  "services/api/src/main.ts": `import { getSecret } from "@acme/secrets";
export const db = getSecret("DATABASE_URL");
export const smtp = getSecret("SMTP_PASSWD");
`,
  "scripts/blob.js": Buffer.from([0x67, 0, 0x73]),
  "config/relaxed.json": JSON.stringify({
    rules: { "name-mismatch": "warning", "unused-compose-secret": "warning", "parse-error": "off", "unused-env-example-key": "off" },
  }),
});

/** The JSON report of `root`, computed once. */
let jsonRun: ReturnType<typeof checkJson> | undefined;
const rootJson = (): ReturnType<typeof checkJson> => (jsonRun ??= checkJson(root));

const EXPECTED_FINDINGS = [
  ".env.example:3:1 unused-env-example-key MIXPANEL_TOKEN",
  "docker-compose.yml:6:9 granted-but-unused JWT_SECRET",
  "docker-compose.yml:10:3 unused-compose-secret JWT_SECRET",
  "scripts/blob.js:1:1 parse-error",
  "services/api/src/main.ts:3:31 name-mismatch SMTP_PASSWD",
];

const EXPECTED_TEXT = `
.env.example
  3:1  warning  'MIXPANEL_TOKEN' is listed in the env example but no code reads it and no compose file references it.  unused-env-example-key

docker-compose.yml
  6:9   warning  Service 'api' is granted secret 'JWT_SECRET' but none of its code reads it.  granted-but-unused
  10:3  error    Compose secret 'JWT_SECRET' is declared but no code reads it.  unused-compose-secret

scripts/blob.js
  1:1  error    Could not read this file: skipped: binary file  parse-error

services/api/src/main.ts
  3:31  error    Secret 'SMTP_PASSWD' is read here but declared nowhere, while 'SMTP_PASSWORD' is declared (.env.example:2:1, docker-compose.yml:12:3) but read nowhere: the names differ by an abbreviated word. Use 'SMTP_PASSWORD' in both places, or rename the declaration.  name-mismatch

✖ 5 problems (3 errors, 2 warnings)

`;

describe("--format json", () => {
  it("follows the version 1 contract: keys, order, POSIX relative paths, 1-based positions", () => {
    const { run, report } = rootJson();
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
    expect(brief(report)).toEqual(EXPECTED_FINDINGS);
    expect(Object.keys(report)).toEqual(["version", "summary", "findings", "secrets", "services", "notes"]);
    expect(report.version).toBe(1);
    expect(report.summary).toEqual({ errors: 3, warnings: 2, files: 4 });
    expect(Object.keys(report.summary)).toEqual(["errors", "warnings", "files"]);
    // secret only when there is one, suggestion only for name-mismatch; always in this order
    expect(report.findings.map((finding) => Object.keys(finding).join(","))).toEqual([
      "ruleId,severity,message,secret,file,line,column",
      "ruleId,severity,message,secret,file,line,column",
      "ruleId,severity,message,secret,file,line,column",
      "ruleId,severity,message,file,line,column",
      "ruleId,severity,message,secret,file,line,column,suggestion",
    ]);
    expect(report.findings[4]!.suggestion).toBe("SMTP_PASSWORD");
    expect(report.notes).toEqual([]);
    expect(report.secrets).toEqual([
      {
        name: "DATABASE_URL",
        reads: [{ file: "services/api/src/main.ts", line: 2, column: 29, kind: "accessor" }],
        declared: {
          compose: [{ file: "docker-compose.yml", line: 8, column: 3 }],
          envExample: [{ file: ".env.example", line: 1, column: 1 }],
        },
        grantedTo: ["api"],
        readBy: ["api"],
      },
      {
        name: "JWT_SECRET",
        reads: [],
        declared: { compose: [{ file: "docker-compose.yml", line: 10, column: 3 }], envExample: [] },
        grantedTo: ["api"],
        readBy: [],
      },
      {
        name: "MIXPANEL_TOKEN",
        reads: [],
        declared: { compose: [], envExample: [{ file: ".env.example", line: 3, column: 1 }] },
        grantedTo: [],
        readBy: [],
      },
      {
        name: "SMTP_PASSWD",
        reads: [{ file: "services/api/src/main.ts", line: 3, column: 31, kind: "accessor" }],
        declared: { compose: [], envExample: [] },
        grantedTo: [],
        readBy: ["api"],
      },
      {
        name: "SMTP_PASSWORD",
        reads: [],
        declared: {
          compose: [{ file: "docker-compose.yml", line: 12, column: 3 }],
          envExample: [{ file: ".env.example", line: 2, column: 1 }],
        },
        grantedTo: [],
        readBy: [],
      },
    ]);
    expect(report.services).toEqual([{ name: "api", file: "docker-compose.yml", line: 2, column: 3, codeScanned: true }]);
    expect(run.stdout).not.toContain(root);
    expect(run.stdout.endsWith("}\n")).toBe(true);
  });
});

describe("--format text", () => {
  it("prints ESLint's stylish layout and a summary line, without colour when not on a terminal", () => {
    // text is the default; as in ESLint, a blank line ends the report
    const text = runCli(["check", root]);
    expect(text.status).toBe(1);
    expect(text.stdout).toBe(EXPECTED_TEXT);
    expect(text.stderr).toBe("");
  });

  it("colours with FORCE_COLOR, and never in a file written with --output", () => {
    const coloured = runCli(["check", root, "--format", "text"], { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } });
    expect(coloured.stdout).toContain("\u001b[31merror  \u001b[39m");
    expect(stripVTControlCharacters(coloured.stdout)).toBe(EXPECTED_TEXT);

    const file = path.join(root, "out", "report.txt");
    mkdirSync(path.dirname(file), { recursive: true });
    const toFile = runCli(["check", root, "--output", file], { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } });
    expect(toFile.status).toBe(1);
    expect(toFile.stdout).toBe("");
    expect(readFileSync(file, "utf8")).toBe(EXPECTED_TEXT);
  });

  it("says so when there is nothing to report", () => {
    const clean = makeRepo({ ".env.example": "PORT=8080\n", "src/server.ts": "export const port = process.env.PORT;\n" });
    const text = runCli(["check", clean]);
    expect(text.status).toBe(0);
    expect(text.stdout).toBe("✔ No problems (2 files checked)\n");
  });
});

describe("--output and the default root", () => {
  it("check without a root scans the working directory; --output writes the JSON report there and nothing on stdout", () => {
    const toFile = runCli(["check", "--format", "json", "--output", "report.json"], { cwd: root });
    expect(toFile.status).toBe(1);
    expect(toFile.stdout).toBe("");
    expect(toFile.stderr).toBe("");
    expect(readFileSync(path.join(root, "report.json"), "utf8")).toBe(rootJson().run.stdout);
  });
});

describe("--quiet, --max-warnings and rules", () => {
  const warningsOnly = makeRepo({
    ".env.example": "PORT=8080\nMIXPANEL_TOKEN=\nFEATURE_FLAG=\n",
    "src/server.ts": "export const port = process.env.PORT;\n",
  });

  it("exit 0 with warnings only; --max-warnings below their number exits 1 with one line on stderr", async () => {
    const [plain, zero, two, quietZero] = await Promise.all([
      checkJsonAsync(warningsOnly),
      runCliAsync(["check", warningsOnly, "--max-warnings", "0"]),
      checkJsonAsync(warningsOnly, "--max-warnings", "2"),
      checkJsonAsync(warningsOnly, "--quiet"),
    ]);
    expect(brief(plain.report)).toEqual([
      ".env.example:2:1 unused-env-example-key MIXPANEL_TOKEN",
      ".env.example:3:1 unused-env-example-key FEATURE_FLAG",
    ]);
    expect(plain.run.status).toBe(0);
    expect(zero.status).toBe(1);
    expect(zero.stdout.trimEnd().split("\n").at(-1)).toBe("✖ 2 problems (0 errors, 2 warnings)");
    expect(zero.stderr.split("\n").filter((line) => !line.startsWith("note: "))).toEqual([
      "secret-scanner: 2 warning(s), more than --max-warnings 0",
      "",
    ]);
    expect(two.run.status).toBe(0);
    expect(brief(two.report)).toHaveLength(2);
    // --quiet drops the warnings
    expect(quietZero.run.status).toBe(0);
    expect(quietZero.report.findings).toEqual([]);
    expect(quietZero.report.summary).toEqual({ errors: 0, warnings: 0, files: 2 });
  });

  it("--quiet keeps the errors and drops warnings and notes in text mode", () => {
    const quiet = runCli(["check", root, "--quiet"]);
    expect(quiet.status).toBe(1);
    expect(quiet.stdout).not.toContain("warning  ");
    expect(quiet.stdout.trimEnd().split("\n").at(-1)).toBe("✖ 3 problems (3 errors, 0 warnings)");
    expect(quiet.stdout.match(/^ {2}\d+:\d+ +error {4}/gm)).toHaveLength(3);
    expect(quiet.stdout.split("\n")).not.toContain(".env.example"); // its only finding was a warning
  });

  it("rules in the configuration turn a check off or into a warning", () => {
    const { run, report } = checkJson(root, "--config", path.join(root, "config/relaxed.json"));
    expect(report.findings.map((finding) => `${finding.ruleId} ${finding.severity}`)).toEqual([
      "granted-but-unused warning",
      "unused-compose-secret warning",
      "name-mismatch warning",
    ]);
    expect(run.status).toBe(0);
  });
});

describe("usage and configuration errors: exit 2, one line on stderr, nothing on stdout", () => {
  const bad = makeRepo({
    "a-file.txt": "not a directory\n",
    "configs/broken.json": '{ "compose": [',
    "configs/unknown-key.json": JSON.stringify({ composeFiles: ["x.yml"] }),
    "configs/bad-type.json": JSON.stringify({ compose: "deploy/stack.yml" }),
    "configs/bad-rule.json": JSON.stringify({ rules: { "name-mismatch": "loud" } }),
    "invalid-root-config/secret-scanner.config.json": "{ nope }",
    "invalid-package-json/package.json": JSON.stringify({ name: "x", secretScanner: { lowercaseComposeNames: "yes" } }),
  });

  const cases: Array<[string, string[], RegExp]> = [
    ["an unknown option", ["check", ".", "--bogus"], /^secret-scanner: unknown option '--bogus' \(run secret-scanner --help for usage\)$/],
    [
      "a misspelt option, with commander's suggestion on the same line",
      ["check", ".", "--outptu", "report.json"],
      /^secret-scanner: unknown option '--outptu' \(Did you mean --output\?\) \(run secret-scanner --help for usage\)$/,
    ],
    ["an unknown command", ["scan", "."], /^secret-scanner: unknown command 'scan'/],
    ["--format xml", ["check", ".", "--format", "xml"], /^secret-scanner: option '-f, --format <format>' argument 'xml' is invalid\. Allowed choices are text, json, sarif, github, junit, html\./],
    ["--max-warnings -1", ["check", ".", "--max-warnings", "-1"], /^secret-scanner: option '--max-warnings <count>' argument '-1' is invalid/],
    ["a root among files", ["check", ".", "a-file.txt"], /^secret-scanner: \.: a directory is the root to check and must be the only argument; the other arguments are files$/],
    ["a missing root", ["check", "no-such-dir"], /^secret-scanner: no-such-dir: no such file or directory$/],
    ["a missing file among files", ["check", "a-file.txt", "no-such.ts"], /^secret-scanner: no-such\.ts: no such file or directory$/],
    ["a missing --config file", ["check", ".", "--config", "configs/missing.json"], /^secret-scanner: .*configs\/missing\.json: config file not found$/],
    ["a --config file that is not JSON", ["check", ".", "--config", "configs/broken.json"], /^secret-scanner: .*configs\/broken\.json: not valid JSON/],
    ["a config with an unknown key", ["check", ".", "--config", "configs/unknown-key.json"], /^secret-scanner: .*configs\/unknown-key\.json: the configuration has unknown key "composeFiles"$/],
    ["a config with a wrong type", ["check", ".", "--config", "configs/bad-type.json"], /^secret-scanner: .*configs\/bad-type\.json: compose must be array$/],
    ["a config with an unknown severity", ["check", ".", "--config", "configs/bad-rule.json"], /^secret-scanner: .*configs\/bad-rule\.json: rules\.name-mismatch must be one of error, warning, off$/],
    ["an invalid secret-scanner.config.json in the root", ["check", "invalid-root-config"], /^secret-scanner: .*invalid-root-config\/secret-scanner\.config\.json: not valid JSON/],
    ["an invalid package.json secretScanner", ["check", "invalid-package-json"], /^secret-scanner: .*invalid-package-json\/package\.json#secretScanner: lowercaseComposeNames must be boolean$/],
    ["a --baseline file that is not a baseline", ["check", ".", "--baseline", "configs/bad-type.json"], /^secret-scanner: .*configs\/bad-type\.json: not a secret-scanner baseline/],
  ];

  it.each(cases)("%s", async (_name, args, message) => {
    const run: CliRun = await runCliAsync(args, { cwd: bad });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.endsWith("\n")).toBe(true);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(message);
  });

  it("an --output file that cannot be written names it", async () => {
    const run = await runCliAsync(["check", ".", "--output", "no-such-dir/report.txt"], { cwd: bad });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("secret-scanner: no-such-dir/report.txt: cannot write the report (ENOENT)\n");
  });
});

describe("--help and --version", () => {
  it("--help and --version exit 0 on stdout", async () => {
    const [help, checkHelp, version] = await Promise.all([
      runCliAsync(["--help"]),
      runCliAsync(["check", "--help"]),
      runCliAsync(["--version"]),
    ]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: secret-scanner \[options\] \[command\]\n/);
    expect(help.stdout).toContain("check [options] [root|files...]");
    expect(checkHelp.status).toBe(0);
    expect(checkHelp.stdout).toMatch(/^Usage: secret-scanner check \[options\] \[root\|files\.\.\.\]\n/);
    for (const option of ["--format", "--output", "--config", "--max-warnings", "--quiet", "--baseline", "--staged"]) {
      expect(checkHelp.stdout).toContain(option);
    }
    const { version: packageVersion } = JSON.parse(
      readFileSync(path.join(repoRoot, "packages/secret-scanner/package.json"), "utf8"),
    ) as { version: string };
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`${packageVersion}\n`);
    for (const run of [help, checkHelp, version]) expect(run.stderr).toBe("");
  });
});
