/**
 * The bundled example repository (fixtures/example-repo, the README's demo) breaks the contract
 * in every way the scanner checks, once each. This is the scanner's exact answer on it.
 */
import { describe, expect, it } from "vitest";
import { brief, checkJson, copyFixture, runCli } from "./harness.js";

const root = copyFixture("example-repo");

describe("secret-scanner check on the example repository", () => {
  const { run, report } = checkJson(root);

  it("exits 1: there are error findings", () => {
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
  });

  it("finds each deliberate drift, sorted by file, line, column, rule", () => {
    expect(brief(report)).toEqual([
      ".env.example:14:1 unused-env-example-key MIXPANEL_TOKEN",
      "docker-compose.yml:21:9 granted-but-unused JWT_SECRET",
      "docker-compose.yml:38:3 unused-compose-secret LEGACY_API_TOKEN",
      "libs/billing/src/index.ts:4:30 service-not-granted STRIPE_SECRET_KEY",
      "scripts/seed-dev.ts:2:43 undeclared-in-env-example DEV_DATABASE_URL",
      "services/api/src/index.ts:8:29 undeclared-in-env-example JWT_SECRET",
      "services/api/src/index.ts:9:32 undeclared-in-env-example SESSION_SIGNING_KEY",
      "services/api/src/index.ts:10:29 undeclared-in-compose SENTRY_DSN",
      "services/api/src/payments.ts:7:30 name-mismatch WEBHOOK_SECRET",
      "services/api/src/payments.ts:8:29 dynamic-secret-name",
      "services/worker/src/index.js:7:29 name-mismatch SMTP_PASSWD",
    ]);
    expect(report.summary).toEqual({ errors: 9, warnings: 2, files: 9 });
    expect(report.notes).toEqual([]);
  });

  it("pairs drifted names with the declared spelling and says where it is declared", () => {
    const mismatches = report.findings.filter((finding) => finding.ruleId === "name-mismatch");
    expect(mismatches.map((finding) => [finding.secret, finding.suggestion])).toEqual([
      ["WEBHOOK_SECRET", "STRIPE_WEBHOOK_SECRET"],
      ["SMTP_PASSWD", "SMTP_PASSWORD"],
    ]);
    expect(mismatches[1]!.message).toContain(".env.example:11:1, docker-compose.yml:34:3");
    expect(mismatches[1]!.message).toContain("differ by an abbreviated word");
  });

  it("follows the wrapper exported by the accessor library and the shared billing library", () => {
    const inventory = report.secrets as { name: string; reads: { file: string; kind: string }[]; grantedTo: string[] }[];
    const smtp = inventory.find((entry) => entry.name === "SMTP_PASSWD");
    expect(smtp?.reads).toEqual([{ file: "services/worker/src/index.js", line: 7, column: 29, kind: "accessor" }]);
    const stripe = inventory.find((entry) => entry.name === "STRIPE_SECRET_KEY");
    expect(stripe?.grantedTo).toEqual(["api"]);
  });

  it("prints the same findings in ESLint's stylish layout", () => {
    const text = runCli(["check", root]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain("services/worker/src/index.js\n  7:29  error    Secret 'SMTP_PASSWD' is read here");
    expect(text.stdout.trimEnd().split("\n").at(-1)).toBe("✖ 11 problems (9 errors, 2 warnings)");
    expect(text.stdout).not.toContain("\u001b["); // no colour when not on a terminal
  });

  it("gives byte-identical output on a second run", () => {
    expect(checkJson(root).run.stdout).toBe(run.stdout);
  });

  it("never prints a value from the example's .env.example or compose file", () => {
    for (const placeholder of ["postgres://user", "redis://localhost", "jwt_secret.txt", "<your Stripe secret key>"]) {
      expect(run.stdout).not.toContain(placeholder);
    }
  });
});
