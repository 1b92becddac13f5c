/**
 * `check --format html` as users run it: the built CLI on real git repositories. What the page
 * looks like in a browser is checked in html-report.browser.test.ts; here, its bytes: escaped,
 * self-contained, deterministic, and free of any value read from a file.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectNoCanary } from "./canaries.js";
import { copyFixture, makeRepo, repoRoot, runCli, runCliAsync, type JsonReport } from "./harness.js";

/** Where the scanner's docs are published: docs/scanner/ of the repository, on GitHub. */
const SCANNER_DOCS_URL = "https://github.com/eslint-plugin-secrets/eslint-plugin-secrets/blob/main/docs/scanner/";

/** Every value a reader could see in this repository; none may reach the page. */
const CANARIES = [
  "canary-env-example-7f31c2",
  "canary-compose-env-5e0b9d",
  "canary-secret-file-a94e10",
  "canary-code-literal-3d8f62",
  "canary-dotenv-0c4a77",
];

const canaryRepo = (): string =>
  makeRepo({
    "docker-compose.yml": [
      "services:",
      "  api:",
      "    build: ./api",
      "    environment:",
      `      API_MODE: ${CANARIES[1]}`,
      "    secrets:",
      "      - STRIPE_SECRET_KEY",
      "      - JWT_SECRET",
      "  db:",
      "    image: postgres:16",
      "    environment:",
      "      POSTGRES_PASSWORD_FILE: /run/secrets/db_password",
      "    secrets:",
      "      - db_password",
      "  cache:",
      "    image: redis:7",
      "    secrets:",
      "      - JWT_SECRET",
      "secrets:",
      "  STRIPE_SECRET_KEY:",
      "    file: ./secrets/stripe.txt",
      "  JWT_SECRET:",
      "    environment: JWT_SECRET",
      "  db_password:",
      "    file: ./secrets/db.txt",
      "",
    ].join("\n"),
    "secrets/stripe.txt": `${CANARIES[2]}\n`,
    "secrets/db.txt": `${CANARIES[2]}\n`,
    ".env.example": `STRIPE_SECRET_KEY=${CANARIES[0]}\nSESSION_KEY=${CANARIES[0]}\n`,
    ".env": `STRIPE_SECRET_KEY=${CANARIES[4]}\n`,
    "api/src/main.ts": [
      'import { getSecret } from "./secrets.js";',
      'export const stripe = getSecret("STRIPE_SECRET_KEY");',
      'export const webhook = getSecret("STRIPE_WEBHOOK_SECRET");',
      `export const fallback = process.env.SESSION_KEY ?? "${CANARIES[3]}";`,
      "",
    ].join("\n"),
    "api/src/secrets.ts": "export function getSecret(name: string): string { return name; }\n",
  });

describe("check --format html", () => {
  it("never writes a value read from a file (canaries)", async () => {
    const run = await runCliAsync(["check", canaryRepo(), "--format", "html"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^<!DOCTYPE html>\n/);
    expectNoCanary(CANARIES, run.stdout);
    // the report is there: names, not values
    expect(run.stdout).toContain('data-secret="STRIPE_WEBHOOK_SECRET" data-service="api" data-state="read-not-granted"');
    expect(run.stdout).toContain('data-secret="JWT_SECRET" data-service="api" data-state="granted-unused"');
    // an image built elsewhere reads the secret its environment points at
    expect(run.stdout).toContain('data-secret="db_password" data-service="db" data-state="granted-read"');
    expect(run.stdout).toContain('data-secret="JWT_SECRET" data-service="db" data-state="none"');
    // a grant to an image built elsewhere, with no variable pointing at it: it cannot be judged
    expect(run.stdout).toContain('data-secret="JWT_SECRET" data-service="cache" data-state="granted-unknown"');
    expect(run.stdout).toContain('<th scope="col" data-service="cache"><span class="name">cache</span><br><span class="muted">code not scanned</span></th>');
  });

  it("is self-contained: a strict Content-Security-Policy, no script, no external resource", async () => {
    const run = await runCliAsync(["check", canaryRepo(), "--format", "html"]);
    const page = run.stdout;
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)?.[1]?.replaceAll("&#39;", "'");
    expect(policy).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; base-uri 'none'; form-action 'none'$/);
    // the hash is that of the one inline style sheet, so the browser applies it
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    const { createHash } = await import("node:crypto");
    expect(policy).toContain(`'sha256-${createHash("sha256").update(style).digest("base64")}'`);
    expect(page.match(/<style>/g)).toHaveLength(1);
    expect(page).not.toMatch(/<script|<link|<img|<iframe|<object|\ssrc=|\sstyle=|url\(|@import/i);
    // the only URLs are links to the checks' docs
    const urls = [...page.matchAll(/https?:\/\/[^"'\s<)]*/g)].map((match) => match[0]);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith(SCANNER_DOCS_URL)).toBe(true);
  });

  it("lists the JSON report's findings, by file, each linked to its check's docs page, which exists", async () => {
    const root = canaryRepo();
    const [htmlRun, jsonRun] = await Promise.all([
      runCliAsync(["check", root, "--format", "html"]),
      runCliAsync(["check", root, "--format", "json"]),
    ]);
    const report = JSON.parse(jsonRun.stdout) as JsonReport;
    expect(report.findings.length).toBeGreaterThan(3);
    const files = [...htmlRun.stdout.matchAll(/<section class="file" data-file="([^"]*)">([\s\S]*?)<\/section>/g)];
    const rows = files.flatMap(([, file, section]) =>
      [...section!.matchAll(/<tr data-finding data-rule="([a-z-]+)" data-severity="(error|warning)"><td class="location">(\d+):(\d+)<\/td>.*?<a href="([^"]+)">/g)].map(
        ([, ruleId, severity, line, column, href]) => ({ file, ruleId, severity, line: Number(line), column: Number(column), href }),
      ),
    );
    expect(rows).toEqual(
      report.findings.map(({ file, ruleId, severity, line, column }) => ({ file, ruleId, severity, line, column, href: `${SCANNER_DOCS_URL}${ruleId}.md` })),
    );
    for (const { ruleId } of rows) expect(existsSync(path.join(repoRoot, "docs/scanner", `${ruleId}.md`)), `docs/scanner/${ruleId}.md`).toBe(true);
  });

  it("escapes every name and path: a file or a secret named like markup stays text", async () => {
    const root = makeRepo({
      "docker-compose.yml": [
        "services:",
        "  api:",
        "    build: .",
        "secrets:",
        `  "<script>alert('x')</script>":`,
        "    external: true",
        "",
      ].join("\n"),
      "<img src=x onerror=alert(1)>.ts": 'import { getSecret } from "./s.js";\nexport const a = getSecret("A_&_B_TOKEN");\n',
      "s.ts": "export const getSecret = (name: string): string => name;\n",
    });
    const run = await runCliAsync(["check", root, "--format", "html"]);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(/<script|<img|A_&_B/);
    expect(run.stdout).toContain('<h3>&lt;img src=x onerror=alert(1)&gt;.ts</h3>');
    expect(run.stdout).toContain('data-secret="&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"');
    expect(run.stdout).toContain("Secret &#39;A_&amp;_B_TOKEN&#39; is read here");
  });

  it("gives the same bytes for the same repository, wherever it is (no timestamp, no absolute path)", async () => {
    const first = copyFixture("example-repo");
    const second = copyFixture("example-repo");
    const [a, b, again] = await Promise.all([
      runCliAsync(["check", first, "--format", "html"]),
      runCliAsync(["check", second, "--format", "html"]),
      runCliAsync(["check", first, "--format", "html"]),
    ]);
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(b.stdout).toBe(a.stdout);
    expect(again.stdout).toBe(a.stdout);
    expect(a.stdout).not.toContain(first);
  });

  it("writes one file with --output, and exits as the text format does", () => {
    const root = copyFixture("example-repo");
    const output = path.join(root, "report.html");
    const run = runCli(["check", root, "--format", "html", "--output", output]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("");
    const page = readFileSync(output, "utf8");
    expect(page).toMatch(/<\/html>\n$/);
    expect(page).toContain('<td class="number" data-count-severity="error">9</td>');
    expect(page).toContain('<td class="number" data-count-severity="warning">2</td>');
    expect(page).toContain('<td class="number" data-count-rule="name-mismatch">2</td>');
    // the worker reads STRIPE_SECRET_KEY through the billing library it imports
    expect(page).toContain('data-secret="STRIPE_SECRET_KEY" data-service="worker" data-state="read-not-granted"');
    expect(page).toContain('data-secret="STRIPE_SECRET_KEY" data-service="api" data-state="granted-read"');
    // the drift table pairs both spellings of a drifted name
    expect(page).toContain('<tr data-drift-secret="WEBHOOK_SECRET" data-in-code="true" data-in-compose="false" data-in-env-example="false">');
    expect(page).toContain('<div data-suggestion="STRIPE_WEBHOOK_SECRET">');
    expect(page).toContain('<div data-read-as="WEBHOOK_SECRET">');
  });

  it("counts as a service's read what grants apply to: the accessor, or a bare read of a name compose declares", () => {
    const root = makeRepo({
      "docker-compose.yml": "services:\n  api:\n    build: ./api\n    secrets: [db_password]\nsecrets:\n  db_password:\n    file: ./db.txt\n",
      ".env.example": "SESSION_KEY=\nDB_PASSWORD=\n",
      // a bare read of a declared secret: a wiring problem, but the service does use the secret
      // (in a compose file lower-case names are the same secret only with lowercaseComposeNames, so
      // the declared name is read as written); a bare read of an undeclared one: no grant applies
      "api/src/index.ts": "export const db = process.env.db_password;\nexport const session = process.env.SESSION_KEY;\n",
    });
    const report = JSON.parse(runCli(["check", root, "--format", "json"]).stdout) as Omit<JsonReport, "secrets"> & {
      secrets: Array<{ name: string; readBy: string[] }>;
    };
    const readBy = Object.fromEntries(report.secrets.map((secret) => [secret.name, secret.readBy]));
    expect(readBy).toMatchObject({ db_password: ["api"], SESSION_KEY: [] });
    const page = runCli(["check", root, "--format", "html"]).stdout;
    expect(page).toContain('data-secret="db_password" data-service="api" data-state="granted-read"');
    expect(page).toContain('data-secret="SESSION_KEY" data-service="api" data-state="none"');
  });

  it("says there is no problem on a clean repository, exit code 0; notes are in the page", () => {
    const root = makeRepo({
      "src/main.ts": 'import { getSecret } from "./s.js";\nexport const key = getSecret("API_TOKEN");\n',
      "src/s.ts": "export const getSecret = (name: string): string => name;\n",
      ".env.example": "API_TOKEN=\n",
    });
    const run = runCli(["check", root, "--format", "html"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain('data-verdict="clean"');
    expect(run.stdout).toContain('data-count-severity="error">0<');
    expect(run.stdout).not.toContain("data-finding");
    // no compose file: the matrix says why it is empty, and the skipped checks are noted
    expect(run.stdout).toContain('data-matrix="empty"');
    expect(run.stdout).toMatch(/<li data-note>no compose file found: [^<]*<\/li>/);
  });
});
