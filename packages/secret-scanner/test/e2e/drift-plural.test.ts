/**
 * name-mismatch for a word in the plural and the singular, through the built CLI; and a word that
 * is another word with an S (HTTPS, HTTP), which is no drift.
 */
import { describe, expect, it } from "vitest";
import { brief, checkJson, makeRepo } from "./harness.js";

describe("name-mismatch: plural and singular", () => {
  const root = makeRepo({
    ".env.example": "SIGNING_SECRETS=\nHTTP_PROXY_PASSWORD=\n",
    "src/app.ts": `import { getSecret } from "@acme/secrets";
export const signing = getSecret("SIGNING_SECRET");
export const proxy = getSecret("HTTPS_PROXY_PASSWORD");
`,
  });

  it("pairs SIGNING_SECRET with SIGNING_SECRETS, and not HTTPS_PROXY_PASSWORD with HTTP_PROXY_PASSWORD", () => {
    const { run, report } = checkJson(root);
    expect(brief(report)).toEqual([
      ".env.example:2:1 unused-env-example-key HTTP_PROXY_PASSWORD",
      "src/app.ts:2:34 name-mismatch SIGNING_SECRET",
      "src/app.ts:3:32 undeclared-in-env-example HTTPS_PROXY_PASSWORD",
    ]);
    const mismatch = report.findings.find((finding) => finding.ruleId === "name-mismatch")!;
    expect(mismatch.message).toBe(
      "Secret 'SIGNING_SECRET' is read here but no env example lists it, while 'SIGNING_SECRETS' is declared (.env.example:1:1) but read nowhere: the names differ by a word in the plural and the singular. Use 'SIGNING_SECRETS' in both places, or rename the declaration.",
    );
    expect(mismatch.suggestion).toBe("SIGNING_SECRETS");
    expect(run.status).toBe(1);
  });
});
