/**
 * The CI examples of docs/ci.md are real files (docs/examples/) that the page quotes as they are,
 * and every `secret-scanner` and `eslint` command in them, and in the page's other snippets, uses
 * only commands, options and formats that the built CLI and the installed ESLint list in --help.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments, parseDocument } from "yaml";
import { repoRoot, runCli } from "./harness.js";
import { FORMATS } from "../../src/commands/check.js";

const ciPage = readFileSync(path.join(repoRoot, "docs/ci.md"), "utf8");
const EXAMPLES = ["docs/examples/github-actions.yml", "docs/examples/gitlab-ci.yml"];

/** What a tool's --help lists: its options (long and short), and for the scanner its commands and formats. */
interface Usage {
  readonly commands: ReadonlySet<string>;
  readonly options: ReadonlySet<string>;
  readonly formats: ReadonlySet<string>;
}

function optionsIn(help: string): Set<string> {
  return new Set([...help.matchAll(/(?<=^|[\s,])(--?[a-z][a-z0-9-]*)/gm)].map((match) => match[1]!));
}

function scannerUsage(): Usage {
  const top = runCli(["--help"]);
  const check = runCli(["check", "--help"]);
  expect([top.status, check.status]).toEqual([0, 0]);
  const commandList = top.stdout.slice(top.stdout.indexOf("Commands:"));
  const choices = /choices: ([^)]*)/.exec(check.stdout.replace(/\s+/g, " "))?.[1] ?? "";
  return {
    commands: new Set([...commandList.matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((match) => match[1]!)),
    options: optionsIn(check.stdout),
    formats: new Set([...choices.matchAll(/"([a-z]+)"/g)].map((match) => match[1]!)),
  };
}

function eslintUsage(): Usage {
  const help = execFileSync(process.execPath, [path.join(repoRoot, "node_modules/eslint/bin/eslint.js"), "--help"], { encoding: "utf8" });
  return { commands: new Set(), options: optionsIn(help), formats: new Set() };
}

/** The shell lines of a parsed CI file: GitHub's `run:`, GitLab's `script:`, `before_script:`, `after_script:`. */
function shellLines(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(shellLines);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) => {
    if (key === "run" || key === "script" || key === "before_script" || key === "after_script") {
      return (Array.isArray(child) ? child : [child]).flatMap((entry) => String(entry).split("\n"));
    }
    return shellLines(child);
  });
}

/** The problems of one command line with our two tools in it (none when it runs neither). */
function problemsOf(line: string, scanner: Usage, eslint: Usage): string[] {
  const words = line.trim().split(/\s+/);
  const at = words.findIndex((word) => word === "secret-scanner" || word === "eslint");
  if (at === -1) return [];
  const tool = words[at]!;
  const usage = tool === "eslint" ? eslint : scanner;
  const args = words.slice(at + 1);
  const problems: string[] = [];
  if (tool === "secret-scanner" && !usage.commands.has(args[0] ?? "")) problems.push(`${line}: no command ${args[0]}`);
  args.forEach((word, index) => {
    const option = word.split("=")[0]!;
    if (option.startsWith("-") && !usage.options.has(option)) problems.push(`${line}: no option ${option}`);
    if (tool === "secret-scanner" && (option === "--format" || option === "-f") && !usage.formats.has(args[index + 1] ?? "")) {
      problems.push(`${line}: no format ${args[index + 1]}`);
    }
  });
  return problems;
}

/** The fenced blocks of the page: `{ lang, text }`. */
function fencedBlocks(markdown: string): Array<{ lang: string; text: string }> {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({ lang: match[1]!, text: match[2]! }));
}

describe("the CI examples", () => {
  const scanner = scannerUsage();
  const eslint = eslintUsage();

  it("the usage read from --help is what the checks below compare with", () => {
    expect([...scanner.commands]).toContain("check");
    expect([...scanner.formats].sort()).toEqual([...FORMATS].sort());
    expect([...scanner.options]).toEqual(expect.arrayContaining(["--format", "-f", "--output", "--max-warnings", "--quiet"]));
    expect([...eslint.options]).toEqual(expect.arrayContaining(["--max-warnings", "--format", "--output-file"]));
    // a mistake in any part of a command is caught
    expect(problemsOf("npx secret-scanner check . --formt sarif", scanner, eslint)).toEqual(["npx secret-scanner check . --formt sarif: no option --formt"]);
    expect(problemsOf("npx secret-scanner check . -f sarif2", scanner, eslint)).toEqual(["npx secret-scanner check . -f sarif2: no format sarif2"]);
    expect(problemsOf("npx secret-scanner scan .", scanner, eslint)).toEqual(["npx secret-scanner scan .: no command scan"]);
    expect(problemsOf("pnpm exec eslint . --max-warning 0", scanner, eslint)).toEqual(["pnpm exec eslint . --max-warning 0: no option --max-warning"]);
  });

  it.each(EXAMPLES)("%s is valid YAML, quoted as it is in docs/ci.md, and runs both tools with options that exist", (file) => {
    const text = readFileSync(path.join(repoRoot, file), "utf8");
    const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    expect(document.errors.map(String)).toEqual([]);
    expect(document.warnings.map(String)).toEqual([]);
    expect(ciPage).toContain(`\`\`\`yaml\n${text}\`\`\``);

    const lines = shellLines(document.toJS());
    expect(lines.some((line) => /\bsecret-scanner check\b/.test(line))).toBe(true);
    expect(lines.some((line) => /\beslint\b/.test(line))).toBe(true);
    expect(lines.flatMap((line) => problemsOf(line, scanner, eslint))).toEqual([]);
  });

  it("the GitHub workflow uploads the SARIF report it writes, with the permission to", () => {
    const workflow = parseDocument(readFileSync(path.join(repoRoot, EXAMPLES[0]!), "utf8")).toJS() as {
      jobs: Record<string, { permissions?: Record<string, string>; steps: Array<{ run?: string; uses?: string; with?: Record<string, string> }> }>;
    };
    const job = workflow.jobs["secret-scanner"]!;
    expect(job.permissions?.["security-events"]).toBe("write");
    const report = /--format sarif --output (\S+)/.exec(job.steps.map((step) => step.run ?? "").join("\n"))?.[1];
    const upload = job.steps.find((step) => step.uses?.startsWith("github/codeql-action/upload-sarif@"));
    expect(report).toBeDefined();
    expect(upload?.with?.sarif_file).toBe(report);
  });

  it("the GitLab job hands the JUnit report it writes to artifacts:reports:junit, also when it fails", () => {
    const pipeline = parseDocument(readFileSync(path.join(repoRoot, EXAMPLES[1]!), "utf8")).toJS() as Record<
      string,
      { script?: string[]; artifacts?: { when?: string; reports?: { junit?: string } } }
    >;
    const job = pipeline["secret-scanner"]!;
    const report = /--format junit --output (\S+)/.exec((job.script ?? []).join("\n"))?.[1];
    expect(report).toBeDefined();
    expect(job.artifacts).toEqual({ when: "always", reports: { junit: report } });
  });

  it("every other snippet of docs/ci.md names only commands, options and formats that exist", () => {
    const blocks = fencedBlocks(ciPage);
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const lines = blocks.flatMap(({ lang, text }) => {
      if (lang === "yaml") {
        return parseAllDocuments(text).flatMap((document) => {
          expect(document.errors.map(String)).toEqual([]);
          return shellLines(document.toJS());
        });
      }
      return text.split("\n");
    });
    expect(lines.filter((line) => /\bsecret-scanner check\b/.test(line)).length).toBeGreaterThanOrEqual(4);
    expect(lines.flatMap((line) => problemsOf(line, scanner, eslint))).toEqual([]);
  });
});
