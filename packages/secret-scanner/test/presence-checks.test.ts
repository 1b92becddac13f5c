/**
 * Presence checks as the code reader sees them: a read is `optional` when it is a presence check
 * of its name, runs only after one, or is `getOptionalSecret`. The contract document (`docs`)
 * calls a secret optional from these flags; these tests pin which forms count.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { resolveSecretsSettings } from "@secrets-suite/core";
import { afterAll, expect, test } from "vitest";
import { readCode } from "../src/code/read-code.js";

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

/** name@line → whether the read is optional, for one file's reads. */
async function optionalByRead(text: string): Promise<Record<string, boolean>> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "secret-scanner-presence-"));
  roots.push(root);
  fs.writeFileSync(path.join(root, "app.ts"), text);
  const facts = await readCode(root, ["app.ts"], resolveSecretsSettings({}));
  expect(facts.problems).toEqual([]);
  return Object.fromEntries(facts.reads.map((read) => [`${read.name}@${read.position.line}`, read.optional === true]));
}

test("hasSecret guards the then-branch, for the name it checks only", async () => {
  const reads = await optionalByRead(
    [
      'import { getSecret, hasSecret } from "secrets-runtime";',
      'if (hasSecret("SENTRY_DSN")) {',
      '  init(getSecret("SENTRY_DSN"), getSecret("DATABASE_URL"));',
      "} else {",
      '  warn(getSecret("SENTRY_DSN"));',
      "}",
      'export const after = getSecret("SENTRY_DSN");',
      "",
    ].join("\n"),
  );
  expect(reads).toEqual({ "SENTRY_DSN@3": true, "DATABASE_URL@3": false, "SENTRY_DSN@5": false, "SENTRY_DSN@7": false });
});

test("an environment read tested in a condition, a ternary or && is optional, and so is the test itself", async () => {
  const reads = await optionalByRead(
    [
      "if (process.env.MAILER_TOKEN) send(process.env.MAILER_TOKEN);",
      "export const dsn = process.env.SENTRY_DSN ? process.env.SENTRY_DSN : undefined;",
      'export const slack = process.env["SLACK_TOKEN"] !== undefined && process.env.SLACK_TOKEN;',
      "export const both = !!process.env.A_TOKEN && process.env.B_TOKEN != null ? [process.env.A_TOKEN, process.env.B_TOKEN] : [];",
      "",
    ].join("\n"),
  );
  expect(reads).toEqual({
    "MAILER_TOKEN@1": true,
    "SENTRY_DSN@2": true,
    "SLACK_TOKEN@3": true,
    "A_TOKEN@4": true,
    "B_TOKEN@4": true,
  });
});

test("getOptionalSecret is optional; a negated check, a fallback and an alias are not presence checks", async () => {
  const reads = await optionalByRead(
    [
      'import { getOptionalSecret, getSecret } from "secrets-runtime";',
      'export const slack = getOptionalSecret("SLACK_WEBHOOK_SECRET");',
      'if (!process.env.API_TOKEN) throw new Error("API_TOKEN is missing");',
      'export const key = process.env.API_KEY ?? "none";',
      "const token = process.env.GITHUB_TOKEN;",
      'if (token) use(getSecret("GITHUB_TOKEN"));',
      "",
    ].join("\n"),
  );
  expect(reads).toEqual({
    "SLACK_WEBHOOK_SECRET@2": true,
    "API_TOKEN@3": false,
    "API_KEY@4": false,
    "GITHUB_TOKEN@5": false,
    "GITHUB_TOKEN@6": false,
  });
});
