/**
 * The HTML report as a reader sees it: the built CLI writes it for the example repository, and
 * Chromium (Debian's, driven by playwright-core; never a downloaded browser) opens the file.
 * What the page shows is checked against the JSON report of the same scan, and the page must
 * make no request. Chromium is required in CI (`.ci/run` installs it); elsewhere the test is
 * skipped, with a message, when /usr/bin/chromium is missing.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFixture, repoRoot, runCliAsync, type JsonReport } from "./harness.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
const inCi = !["", "0", "false"].includes(process.env.CI ?? "");
const screenshotDirectory = path.join(repoRoot, "packages/secret-scanner/test-output");
/** Set UPDATE_DOCS_IMAGES=1 to refresh the image that the README and docs/scanner/html-report.md show. */
const docsImage = path.join(repoRoot, "docs/images/report-example.png");

if (!hasChromium && !inCi) {
  process.stderr.write(
    `\nhtml-report.browser.test.ts SKIPPED: ${CHROMIUM} not found. Install it (apt-get install -y chromium) to run the browser test; in CI it is required.\n\n`,
  );
}

interface Inventory {
  name: string;
  reads: unknown[];
  declared: { compose: unknown[]; envExample: unknown[] };
  grantedTo: string[];
  readBy: string[];
}
interface Service {
  name: string;
  codeScanned: boolean;
}

interface PageElement {
  readonly attributes: Readonly<Record<string, string>>;
  /** What the reader sees (innerText), trimmed. */
  readonly text: string;
}

/**
 * The elements that `selector` matches, read in the page. Written as page source, not as a
 * TypeScript callback, so that this Node-side test needs no DOM types.
 */
async function elementsOf(page: Page, selector: string): Promise<PageElement[]> {
  return (await page.evaluate(
    `[...document.querySelectorAll(${JSON.stringify(selector)})].map((element) => ({
      attributes: Object.fromEntries([...element.attributes].map((attribute) => [attribute.name, attribute.value])),
      text: element.innerText.trim(),
    }))`,
  )) as PageElement[];
}

/** The state a cell must show, from the JSON report alone. */
function expectedState(secret: Inventory, service: Service): string {
  const granted = secret.grantedTo.includes(service.name);
  const read = secret.readBy.includes(service.name);
  if (granted && read) return "granted-read";
  if (granted) return service.codeScanned ? "granted-unused" : "granted-unknown";
  return read ? "read-not-granted" : "none";
}

describe.skipIf(!hasChromium && !inCi)("the HTML report of the example repository's audit, in Chromium", () => {
  let browser: Browser | undefined;
  let page: Page;
  let report: Omit<JsonReport, "secrets" | "services"> & { secrets: Inventory[]; services: Service[] };
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  let reportUrl: string;

  beforeAll(async () => {
    if (!hasChromium) {
      throw new Error(
        `${CHROMIUM} is missing, and CI is set: the HTML report's browser test needs Debian's Chromium. Install it with 'DEBIAN_FRONTEND=noninteractive apt-get install -y chromium' (.ci/run does so when run as root).`,
      );
    }
    const root = copyFixture("example-repo");
    const output = path.join(root, "report.html");
    const [jsonRun, htmlRun] = await Promise.all([
      runCliAsync(["audit", root, "--format", "json"]),
      runCliAsync(["audit", root, "--format", "html", "--output", output]),
    ]);
    expect(htmlRun.status).toBe(jsonRun.status);
    expect(htmlRun.stderr).toBe("");
    report = JSON.parse(jsonRun.stdout) as typeof report;
    reportUrl = pathToFileURL(output).href;

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.on("request", (request) => requests.push(request.url()));
    page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    await page.goto(reportUrl, { waitUntil: "load" });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("shows every secret × service cell as the JSON report's grantedTo and readBy say", async () => {
    const cells = (await elementsOf(page, "td[data-state]")).map(({ attributes, text }) => ({
      secret: attributes["data-secret"],
      service: attributes["data-service"],
      state: attributes["data-state"],
      text,
    }));
    const expected = report.secrets.flatMap((secret) =>
      report.services.map((service) => ({ secret: secret.name, service: service.name, state: expectedState(secret, service) })),
    );
    expect(report.services.map((service) => service.name)).toEqual(["api", "worker"]);
    expect(cells.map(({ secret, service, state }) => ({ secret, service, state }))).toEqual(expected);
    // every state of the example shows up, and each says so in words, not by colour alone
    expect(new Set(cells.map((cell) => cell.state))).toEqual(new Set(["granted-read", "granted-unused", "read-not-granted", "none"]));
    const labels = new Map(cells.map((cell) => [cell.state, cell.text]));
    expect(labels.get("granted-read")).toBe("✔granted, read");
    expect(labels.get("granted-unused")).toBe("⚠granted, unused");
    expect(labels.get("read-not-granted")).toBe("✖read, not granted");
    expect(labels.get("none")).toBe("·neither");
    // the style sheet passed the page's Content-Security-Policy: the cells are coloured
    const background = await page.evaluate(`getComputedStyle(document.querySelector('td[data-state="granted-read"]')).backgroundColor`);
    expect(background).toBe("rgb(211, 243, 220)");
    expect(consoleErrors).toEqual([]);
  });

  it("shows the JSON report's summary: counts by severity, by check, and files scanned", async () => {
    const count = async (selector: string): Promise<string | undefined> => (await elementsOf(page, selector))[0]?.text;
    expect(await count('[data-count-severity="error"]')).toBe(String(report.summary.errors));
    expect(await count('[data-count-severity="warning"]')).toBe(String(report.summary.warnings));
    expect(await count("[data-count-files]")).toBe(String(report.summary.files));
    const byRule = (await elementsOf(page, "[data-count-rule]")).map(({ attributes, text }) => [attributes["data-count-rule"], Number(text)]);
    const expected = new Map<string, number>();
    for (const finding of report.findings) expected.set(finding.ruleId, (expected.get(finding.ruleId) ?? 0) + 1);
    expect(Object.fromEntries(byRule)).toEqual(Object.fromEntries(expected));
    expect(await page.locator("tr[data-finding]").count()).toBe(report.findings.length);
  });

  it("shows where each name is found, as the JSON inventory says", async () => {
    const rows = (await elementsOf(page, "tr[data-drift-secret]")).map(({ attributes }) => [
      attributes["data-drift-secret"],
      attributes["data-in-code"],
      attributes["data-in-compose"],
      attributes["data-in-env-example"],
    ]);
    expect(rows).toEqual(
      report.secrets.map((secret) => [
        secret.name,
        String(secret.reads.length > 0),
        String(secret.declared.compose.length > 0),
        String(secret.declared.envExample.length > 0),
      ]),
    );
  });

  it("made no network request: the page is the only thing loaded", async () => {
    mkdirSync(screenshotDirectory, { recursive: true });
    const screenshot = path.join(screenshotDirectory, "report.png");
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(existsSync(screenshot)).toBe(true);
    if (process.env.UPDATE_DOCS_IMAGES === "1") {
      // the docs show the top of the page: the summary, the matrix and the drift table
      const drift = (await page.evaluate(`document.querySelector("#drift").getBoundingClientRect().bottom + window.scrollY`)) as number;
      await page.screenshot({ path: docsImage, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.ceil(drift) + 16 } });
    }
    expect(requests).toEqual([reportUrl]);
  });
});
