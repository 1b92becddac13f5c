/**
 * Secrets passed to a service through a variable: an `environment:` value `/run/secrets/<file>`
 * ties the variable to the secret mounted there, and code that reads the variable (or, by the
 * `_FILE` convention, the name without `_FILE`) reads the secret. Through the built CLI.
 */
import { describe, expect, it } from "vitest";
import { brief, checkJson, makeRepo } from "./harness.js";

const ACCESSOR_IMPORT = `import { getSecret } from "@acme/secrets";\n`;
const NO_ENV_EXAMPLE_NOTE = "no env example file found: undeclared-in-env-example and unused-env-example-key were skipped";

describe("variables that carry a secret", () => {
  const root = makeRepo({
    "docker-compose.yml": `services:
  api:
    build: ./api
    environment:
      DB_PASSWORD_FILE: /run/secrets/db_password
      SESSION_SECRET: s3ssion-value-never-printed
    secrets:
      - db_password
  mailer:
    build: ./mailer
    environment:
      - SMTP_PASSWORD_FILE=/run/secrets/smtp_pw
    secrets:
      - source: smtp_password
        target: smtp_pw
  signer:
    build: ./signer
    environment:
      JWT_KEY_PATH: /run/secrets/keys/jwt
      CONFIG_FILE: /etc/signer/config.json
    secrets:
      - source: jwt_key
        target: /run/secrets/keys/jwt
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/pg_password
    secrets:
      - pg_password
  cache:
    image: redis:7
    secrets:
      - redis_password
  reporter:
    build: ./reporter
    environment:
      REPORT_TOKEN_FILE: /run/secrets/report_token
    secrets:
      - report_token
  billing:
    build: ./billing
    environment:
      STRIPE_KEY_FILE: /run/secrets/stripe_key
      WEBHOOK_KEY_FILE: /run/secrets/not_declared
secrets:
  db_password:
    file: ./secrets/db_password.txt
  smtp_password:
    file: ./secrets/smtp_password.txt
  jwt_key:
    file: ./secrets/jwt_key.pem
  pg_password:
    file: ./secrets/pg_password.txt
  redis_password:
    file: ./secrets/redis_password.txt
  report_token:
    file: ./secrets/report_token.txt
  stripe_key:
    file: ./secrets/stripe_key.txt
`,
    // the variable itself
    "api/main.ts": "export const passwordFile = process.env.DB_PASSWORD_FILE;\n",
    // the name without _FILE, through the accessor, in the list form and a custom target
    "mailer/main.ts": `${ACCESSOR_IMPORT}export const smtp = getSecret("SMTP_PASSWORD");\n`,
    // an absolute target, and a variable without _FILE
    "signer/main.ts": "export const keyPath = process.env.JWT_KEY_PATH;\nexport const config = process.env.CONFIG_FILE;\n",
    // reads neither REPORT_TOKEN_FILE nor REPORT_TOKEN
    "reporter/main.ts": "export const port = process.env.PORT;\n",
    // STRIPE_KEY through STRIPE_KEY_FILE, whose file billing is not granted
    "billing/main.ts": "export const stripe = process.env.STRIPE_KEY;\nexport const webhook = process.env.WEBHOOK_KEY;\n",
    // not the code of mailer: its environment ties nothing here
    "scripts/send.ts": `${ACCESSOR_IMPORT}export const smtp = getSecret("SMTP_PASSWORD");\n`,
  });

  let json: ReturnType<typeof checkJson> | undefined;
  const scan = () => (json ??= checkJson(root));

  it("a read of the variable, or of its name without _FILE, in the service's code uses the secret; an image's variable does too", () => {
    const { run, report } = scan();
    expect(brief(report)).toEqual([
      "billing/main.ts:1:35 service-not-granted stripe_key",
      "docker-compose.yml:39:9 granted-but-unused report_token",
      "docker-compose.yml:54:3 unused-compose-secret redis_password",
      "docker-compose.yml:56:3 unused-compose-secret report_token",
      "scripts/send.ts:2:31 undeclared-in-compose SMTP_PASSWORD",
    ]);
    expect(report.notes).toEqual([NO_ENV_EXAMPLE_NOTE]);
    expect(run.status).toBe(1);
  });

  it("says which variable carries the secret", () => {
    const { report } = scan();
    const message = (ruleId: string) => report.findings.find((finding) => finding.ruleId === ruleId)!.message;
    expect(message("service-not-granted")).toBe(
      "Service 'billing' reads secret 'stripe_key' here (its environment: points STRIPE_KEY_FILE at the secret's file), but its secrets: in compose (docker-compose.yml:40:3) does not grant it, so the file will be missing.",
    );
    expect(message("granted-but-unused")).toBe(
      "Service 'reporter' is granted secret 'report_token' but none of its code reads it, nor REPORT_TOKEN_FILE nor REPORT_TOKEN, which its environment: points at the secret's file.",
    );
  });

  it("prints no environment value", () => {
    const { run } = scan();
    expect(run.stdout).not.toContain("s3ssion-value-never-printed");
    expect(run.stdout).not.toContain("/run/secrets");
    expect(run.stdout).not.toContain("/etc/signer");
  });
});

describe("a variable that carries a secret, across an override file", () => {
  const root = makeRepo({
    "docker-compose.yml": `services:
  api:
    build: ./api
    environment:
      DB_PASSWORD_FILE: /run/secrets/db_password
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/pg_password
secrets:
  db_password:
    file: ./secrets/db_password.txt
  pg_password:
    file: ./secrets/pg_password.txt
`,
    "docker-compose.override.yml": `services:
  api:
    secrets:
      - db_password
`,
    "api/main.ts": `${ACCESSOR_IMPORT}export const password = getSecret("DB_PASSWORD");\n`,
  });

  it("links the override's grant to the base file's variable: no drift between DB_PASSWORD and db_password; an image's variable without the grant is no use", () => {
    const { run, report } = checkJson(root);
    expect(brief(report)).toEqual(["docker-compose.yml:13:3 unused-compose-secret pg_password"]);
    expect(run.status).toBe(1);
  });
});
