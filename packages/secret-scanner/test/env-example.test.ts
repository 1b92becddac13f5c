import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "dotenv";
import { afterAll, describe, expect, it } from "vitest";
import {
  MAX_ENV_EXAMPLE_FILE_BYTES,
  MAX_ODD_LINE_PROBLEMS_PER_FILE,
  locateEnvKeys,
  readEnvExamples,
} from "../src/env-example/read-env-examples.js";
import type { EnvExampleFacts } from "../src/model.js";

const roots: string[] = [];

afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

/** Writes `files` (relative path → content) into a fresh temp directory and returns it. */
function project(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "env-example-test-"));
  roots.push(root);
  for (const [rel, content] of Object.entries(files)) {
    const absolute = path.join(root, rel);
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    fs.writeFileSync(absolute, content);
  }
  return root;
}

/** Joins lines with LF and a final newline, so that line numbers in the tests are easy to count. */
function env(...lines: string[]): string {
  return `${lines.join("\n")}\n`;
}

/** name@line:column (or file:name@line:column) for compact assertions. */
function at(facts: EnvExampleFacts, withFile = false): string[] {
  return facts.keys.map(
    (k) => `${withFile ? `${k.position.file}:` : ""}${k.name}@${k.position.line}:${k.position.column}`,
  );
}

function problemsOf(facts: EnvExampleFacts): string[] {
  return facts.problems.map((p) => `${p.file}:${p.line ?? "-"}:${p.column ?? "-"} ${p.message}`);
}

async function readOne(content: string | Buffer, name = ".env.example"): Promise<EnvExampleFacts> {
  return readEnvExamples(project({ [name]: content }), [name]);
}

describe("readEnvExamples: the forms dotenv accepts, with positions", () => {
  it("finds every form of key with its line and column", async () => {
    const facts = await readOne(
      env(
        "# full-line comment", //                            1
        "API_KEY=abc", //                                     2
        "export DB_PASSWORD=secret", //                       3
        "  SPACED_KEY   =   spaced value  ", //               4
        "SINGLE='single # not a comment'", //                 5
        'DOUBLE="double # not a comment"', //                 6
        "BACKTICK=`tick`", //                                 7
        "TRAILING=value # trailing comment", //               8
        "my.dotted-key=1", //                                 9
        "COLON_KEY: yaml style", //                          10
        'MULTI="line one', //                                11
        "line two", //                                       12
        'NOT_A_KEY=inside the value"', //                    13
        "AFTER_MULTI=1", //                                  14
        "", //                                               15
        "EMPTY=", //                                         16
        "\texport\tTABBED=1", //                             17
        "SINGLE_MULTI='a", //                                18
        "# still the value", //                              19
        "'", //                                              20
        "BACKTICK_MULTI=`a", //                              21
        "b` # comment after a multi-line value", //          22
        "  # indented comment", //                           23
        "EQUALS_IN_VALUE=a=b=c", //                          24
        "HASH_ONLY=#", //                                    25
      ),
    );
    expect(at(facts)).toEqual([
      "API_KEY@2:1",
      "DB_PASSWORD@3:8",
      "SPACED_KEY@4:3",
      "SINGLE@5:1",
      "DOUBLE@6:1",
      "BACKTICK@7:1",
      "TRAILING@8:1",
      "my.dotted-key@9:1",
      "COLON_KEY@10:1",
      "MULTI@11:1",
      "AFTER_MULTI@14:1",
      "EMPTY@16:1",
      "TABBED@17:9",
      "SINGLE_MULTI@18:1",
      "BACKTICK_MULTI@21:1",
      "EQUALS_IN_VALUE@24:1",
      "HASH_ONLY@25:1",
    ]);
    expect(facts.problems).toEqual([]);
    expect(facts.files).toEqual([".env.example"]);
    for (const key of facts.keys) expect(key.position.file).toBe(".env.example");
  });

  it("agrees with dotenv.parse on which keys exist", async () => {
    const samples = [
      env("A=1", "export B=2", "C: 3", "D:4", "E", "=F", "G H=1", 'I="x', 'J="y"', "K=`z"),
      env("A:", "B=1", "", "C:", "", "D=1"), // `A:` at a line end takes the next line as its value
      env("A:", "  ", "B=1"),
      "A:", // at the very end: no whitespace after the colon, so nothing
      "A:\n",
      env("A=", '"quoted on the next line"', "B=1"),
      env("KEY", "=value"), // a key on one line and `=` on the next is still KEY=value for dotenv
      env("A='it''s'", "B='unterminated", "C=1", "D=\"a\\\"b\"", "E=1"),
      env("__proto__=1", "constructor=2", "X=3"),
    ];
    for (const sample of samples) {
      const expected = Object.keys(parse(sample)).sort();
      const facts = await readOne(sample);
      expect([...new Set(facts.keys.map((k) => k.name))].sort(), JSON.stringify(sample)).toEqual(expected);
    }
  });

  it("handles a UTF-8 BOM and CRLF line endings", async () => {
    const crlf = "\uFEFF" + ["API_KEY=1", "export TOKEN=2", "", "MULTI=\"a", "b\"", "  LAST = 3", "NOT VALID", ""].join("\r\n");
    const facts = await readOne(Buffer.from(crlf, "utf8"));
    expect(at(facts)).toEqual(["API_KEY@1:1", "TOKEN@2:8", "MULTI@4:1", "LAST@6:3"]);
    expect(problemsOf(facts)).toEqual([".env.example:7:1 line 7 is not KEY=value"]);
  });

  it("counts a lone CR as a line break, as dotenv does", async () => {
    const facts = await readOne("A=1\rB=2\r\rC=3");
    expect(at(facts)).toEqual(["A@1:1", "B@2:1", "C@4:1"]);
  });

  it("keeps a key defined twice at both places", async () => {
    const facts = await readOne(env("API_KEY=a", "OTHER=b", "API_KEY=c"));
    expect(at(facts)).toEqual(["API_KEY@1:1", "OTHER@2:1", "API_KEY@3:1"]);
  });

  it("reads an empty file: no keys, no problems, but the file counts as read", async () => {
    const facts = await readOne("");
    expect(facts).toEqual({ files: [".env.example"], keys: [], commentedKeys: [], problems: [] });
  });

  it("stays fast on long runs of blank lines (dotenv alone is quadratic there)", async () => {
    const text = `A=1${"\n".repeat(200_000)}   \n\t\nB=2\n`;
    const started = Date.now();
    const facts = await readOne(text);
    expect(at(facts)).toEqual(["A@1:1", "B@200003:1"]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("readEnvExamples: lines dotenv ignores", () => {
  it("reports each line that is not blank, a comment or KEY=value", async () => {
    const facts = await readOne(
      env(
        "GOOD=1", //                   1
        "NOT A VALID LINE", //         2
        "=value", //                   3
        "BARE_KEY", //                 4
        "  export ONLY_EXPORTED", //   5
        "NO_SPACE:value", //           6
        "MY KEY=1", //                 7
        "KÉY=1", //                    8
        "", //                         9
        "   ", //                      10
        "# comment", //                11
        "ALSO_GOOD=2", //              12
      ),
    );
    expect(at(facts)).toEqual(["GOOD@1:1", "ALSO_GOOD@12:1"]);
    const bare = "is not KEY=value (a name without '=' defines nothing for dotenv; write NAME= to list it)";
    expect(problemsOf(facts)).toEqual([
      ".env.example:2:1 line 2 is not KEY=value",
      ".env.example:3:1 line 3 is not KEY=value",
      `.env.example:4:1 line 4 ${bare}`,
      `.env.example:5:3 line 5 ${bare}`,
      ".env.example:6:1 line 6 is not KEY=value",
      ".env.example:7:1 line 7 is not KEY=value",
      ".env.example:8:1 line 8 is not KEY=value",
    ]);
  });

  it("does not report lines inside a multi-line value, and reports what follows a broken one", async () => {
    const facts = await readOne(
      env(
        'CERT="-----BEGIN-----', //  1
        "NOT A KEY LINE", //          2
        '-----END-----"', //          3
        'BROKEN="a', //               4  (closing quote followed by junk: dotenv takes `"a` as the value)
        'b" junk', //                 5
      ),
    );
    expect(at(facts)).toEqual(["CERT@1:1", "BROKEN@4:1"]);
    expect(problemsOf(facts)).toEqual([".env.example:5:1 line 5 is not KEY=value"]);
  });

  it(`lists at most ${MAX_ODD_LINE_PROBLEMS_PER_FILE} such lines per file, then one summary`, async () => {
    const lines = Array.from({ length: MAX_ODD_LINE_PROBLEMS_PER_FILE + 10 }, () => "not a line");
    const facts = await readOne(env("A=1", ...lines));
    expect(facts.problems).toHaveLength(MAX_ODD_LINE_PROBLEMS_PER_FILE + 1);
    expect(facts.problems.at(-1)).toEqual({
      file: ".env.example",
      line: MAX_ODD_LINE_PROBLEMS_PER_FILE + 2,
      column: 1,
      message: "10 more lines are not KEY=value; not listed",
    });
  });
});

describe("readEnvExamples: files that cannot be read", () => {
  it("reports a missing file once and reads the others", async () => {
    const root = project({ ".env.example": env("A=1"), "api/.env.sample": env("B=2") });
    const facts = await readEnvExamples(root, [".env.example", "missing/.env.example", "api/.env.sample"]);
    expect(facts.files).toEqual([".env.example", "api/.env.sample"]);
    expect(at(facts, true)).toEqual([".env.example:A@1:1", "api/.env.sample:B@1:1"]);
    expect(facts.problems).toEqual([
      { file: "missing/.env.example", message: "Could not read env example file (ENOENT)." },
    ]);
  });

  it("skips a binary file (NUL bytes) with one problem", async () => {
    const binary = Buffer.concat([Buffer.from("A=1\nB=2\n"), Buffer.from([0, 1, 2, 0xff]), Buffer.from("\nC=3\n")]);
    const root = project({ "bin.env.example": binary, ".env.example": env("OK=1") });
    const facts = await readEnvExamples(root, ["bin.env.example", ".env.example"]);
    expect(facts.files).toEqual([".env.example"]);
    expect(at(facts)).toEqual(["OK@1:1"]);
    expect(facts.problems).toEqual([
      { file: "bin.env.example", message: "Env example file contains NUL bytes (binary?); skipped." },
    ]);
  });

  it("skips a file over 5 MB with one problem", async () => {
    const big = `A=1\n${"# padding\n".repeat(MAX_ENV_EXAMPLE_FILE_BYTES / 10)}`;
    expect(Buffer.byteLength(big)).toBeGreaterThan(MAX_ENV_EXAMPLE_FILE_BYTES);
    const facts = await readOne(big);
    expect(facts).toEqual({
      files: [],
      keys: [],
      commentedKeys: [],
      problems: [{ file: ".env.example", message: "Env example file is larger than 5 MB; skipped." }],
    });
  });

  it("skips a directory given as a file", async () => {
    const root = project({ "dir.env.example/inner": "A=1" });
    const facts = await readEnvExamples(root, ["dir.env.example"]);
    expect(facts).toEqual({
      files: [],
      keys: [],
      commentedKeys: [],
      problems: [{ file: "dir.env.example", message: "Env example path is not a regular file; skipped." }],
    });
  });

  it("never throws, even for an empty list or a root that does not exist", async () => {
    await expect(readEnvExamples(project({}), [])).resolves.toEqual({ files: [], keys: [], commentedKeys: [], problems: [] });
    const facts = await readEnvExamples(path.join(os.tmpdir(), "no-such-root-7c1e9a"), [".env.example"]);
    expect(facts.problems).toEqual([{ file: ".env.example", message: "Could not read env example file (ENOENT)." }]);
  });
});

describe("readEnvExamples: output", () => {
  it("sorts files, keys and problems by file, then line, whatever the input order", async () => {
    const root = project({
      "b/.env.example": env("B2=1", "junk here", "B1=1"),
      "a/.env.example": env("oops", "A1=1"),
    });
    const facts = await readEnvExamples(root, ["b/.env.example", "a/.env.example", "b/.env.example"]);
    expect(facts.files).toEqual(["a/.env.example", "b/.env.example"]);
    expect(at(facts, true)).toEqual(["a/.env.example:A1@2:1", "b/.env.example:B2@1:1", "b/.env.example:B1@3:1"]);
    expect(facts.problems.map((p) => `${p.file}:${p.line}`)).toEqual(["a/.env.example:1", "b/.env.example:2"]);
  });

  it("never contains a value (canary)", async () => {
    const canary = "canary-7c1e9a-value";
    const facts = await readOne(
      env(
        `API_KEY=${canary}`,
        `export QUOTED="${canary}"`,
        `SINGLE='${canary}' # ${canary}`,
        `MULTI="${canary}`,
        `${canary}"`,
        `COLON: ${canary}`,
        `${canary}`, // a bare token looks like a bare name
        `not valid ${canary}`,
        `=${canary}`,
        `# ${canary}`,
        `BROKEN="${canary}" ${canary}`,
      ),
    );
    expect(facts.keys.map((k) => k.name)).toEqual(["API_KEY", "QUOTED", "SINGLE", "MULTI", "COLON", "BROKEN"]);
    expect(facts.problems).toHaveLength(3);
    expect(JSON.stringify(facts)).not.toContain("canary");
    expect(JSON.stringify(locateEnvKeys(fs.readFileSync(path.join(roots.at(-1)!, ".env.example"), "utf8")))).not.toContain(
      "canary",
    );
  });
});
