/**
 * The example repository with secret-looking values planted where the scanner reads, next to its
 * findings: in the env example, the compose file and the code. No report may contain any of them.
 */
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { copyFixture } from "./harness.js";

export interface CanaryRepo {
  readonly root: string;
  readonly canaries: readonly string[];
}

function plant(root: string, file: string, from: string, to: string): void {
  const target = path.join(root, file);
  const text = readFileSync(target, "utf8");
  expect(text, `${file} holds ${JSON.stringify(from)}`).toContain(from);
  writeFileSync(target, text.replace(from, to));
}

export function exampleRepoWithCanaries(): CanaryRepo {
  const root = copyFixture("example-repo");
  const canaries = Array.from({ length: 7 }, () => `canary-${randomBytes(8).toString("hex")}`);
  const [unusedKey, declaredKey, portValue, secretFile, platformName, fallback, region] = canaries as [string, ...string[]];
  plant(root, ".env.example", "MIXPANEL_TOKEN=\n", `MIXPANEL_TOKEN=${unusedKey}\n`);
  plant(root, ".env.example", "SMTP_PASSWORD=\n", `SMTP_PASSWORD="${declaredKey}"\n`);
  plant(root, "docker-compose.yml", 'PORT: "8080"', `PORT: "${portValue}"`);
  plant(root, "docker-compose.yml", "./secrets/jwt_secret.txt", `./secrets/${secretFile}.txt`);
  plant(root, "docker-compose.yml", "    external: true\n", `    external: true\n    name: ${platformName}\n`);
  plant(root, "services/api/src/payments.ts", 'getSecret("WEBHOOK_SECRET")', `getSecret("WEBHOOK_SECRET") ?? "${fallback}"`);
  plant(root, "services/api/src/payments.ts", 'region = "eu"', `region = "${region}"`);
  return { root, canaries };
}

/** No planted value, and no `canary-` prefix of one, in any of the outputs. */
export function expectNoCanary(canaries: readonly string[], ...outputs: string[]): void {
  for (const output of outputs) {
    for (const canary of canaries) expect(output).not.toContain(canary);
    expect(output).not.toContain("canary-");
  }
}
