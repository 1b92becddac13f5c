/**
 * Each check of `secret-scanner check`, on the smallest repository that shows it, through the
 * built CLI: the exact findings (`brief`), the exit code, and the corners of each check.
 */
import { describe, expect, it } from "vitest";
import { brief, checkJson, makeRepo, runCli, type JsonReport } from "./harness.js";

const ACCESSOR_IMPORT = `import { getSecret } from "@acme/secrets";\n`;

const NO_COMPOSE_NOTE =
  "no compose file found: undeclared-in-compose, unused-compose-secret, service-not-granted and granted-but-unused were skipped";
const NO_ENV_EXAMPLE_NOTE = "no env example file found: undeclared-in-env-example and unused-env-example-key were skipped";

/** The service a service-not-granted or granted-but-unused finding names. */
function services(report: JsonReport): string[] {
  return report.findings.map((finding) => `${finding.file}:${finding.line} ${/^Service '([^']+)'/.exec(finding.message)?.[1]}`);
}

describe("undeclared-in-compose", () => {
  const root = makeRepo({
    "docker-compose.yml": `services:
  api:
    build: ./api
    secrets:
      - DATABASE_URL
      - source: SENTRY_DSN
        target: sentry
secrets:
  DATABASE_URL:
    environment: DATABASE_URL
`,
    "api/main.ts": `${ACCESSOR_IMPORT}export const db = getSecret("DATABASE_URL");
export const dsn = getSecret("SENTRY_DSN");
export const session = process.env.SESSION_SECRET;
`,
  });

  let json: ReturnType<typeof checkJson> | undefined;
  const scan = () => (json ??= checkJson(root));

  it("reports an accessor read no compose file declares, once (not also as service-not-granted); a bare env read is no compose secret", () => {
    const { run, report } = scan();
    expect(brief(report)).toEqual([
      "api/main.ts:3:30 undeclared-in-compose SENTRY_DSN",
      "docker-compose.yml:6:9 undeclared-in-compose SENTRY_DSN",
    ]);
    expect(report.findings[0]!.message).toBe(
      "Secret 'SENTRY_DSN' is read here but no compose file declares it under top-level secrets:.",
    );
    expect(report.findings[0]!.severity).toBe("error");
    expect(report.notes).toEqual([NO_ENV_EXAMPLE_NOTE]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
  });

  it("reports a service's grant (here in the long syntax) of a secret nothing declares: compose refuses such a project", () => {
    const { report } = scan();
    expect(report.findings[1]!.message).toBe(
      "Service 'api' is granted secret 'SENTRY_DSN' but no compose file declares it under top-level secrets:; compose refuses to start such a project.",
    );
  });
});

describe("undeclared-in-env-example, and a repository without compose file", () => {
  const root = makeRepo({
    ".env.example": "# configuration\nPORT=8080\nDATABASE_URL=\n",
    "src/app.ts": `${ACCESSOR_IMPORT}export const db = getSecret("DATABASE_URL");
export const token = getSecret("API_TOKEN");
export const port = process.env.PORT;
export const logLevel = process.env.LOG_LEVEL;
export const session = process.env.SESSION_SECRET;
`,
  });

  let json: ReturnType<typeof checkJson> | undefined;
  const scan = () => (json ??= checkJson(root));

  it("reports accessor reads and secret-like env reads the env example lacks, not configuration like PORT or LOG_LEVEL", () => {
    const { run, report } = scan();
    expect(brief(report)).toEqual([
      "src/app.ts:3:32 undeclared-in-env-example API_TOKEN",
      "src/app.ts:6:36 undeclared-in-env-example SESSION_SECRET",
    ]);
    expect(report.findings[0]!.message).toBe(
      "Secret 'API_TOKEN' is read here but no env example lists it; add 'API_TOKEN=' with a placeholder to .env.example.",
    );
    expect(run.status).toBe(1);
  });

  it("takes a key written out in a comment (# KEY=) as documented: an optional variable, as documenso lists them", () => {
    const root = makeRepo({
      ".env.example": "DATABASE_URL=\n# Optional: the document converter\n# CONVERTER_PASSWORD=password\n#export SMTP_PASSWORD=\n# Set LEGACY_TOKEN=1 to ...\n",
      "src/app.ts": `${ACCESSOR_IMPORT}export const db = getSecret("DATABASE_URL");
export const converter = process.env.CONVERTER_PASSWORD;
export const smtp = process.env.SMTP_PASSWORD;
export const legacy = process.env.LEGACY_TOKEN;
`,
    });
    const { report } = checkJson(root);
    // prose that mentions a key is no listing of it; a commented key is never "unused" either
    expect(brief(report)).toEqual(["src/app.ts:5:35 undeclared-in-env-example LEGACY_TOKEN"]);
  });

  it("skips the compose checks with a note in JSON, and on stderr in text mode", () => {
    const { report } = scan();
    expect(report.notes).toEqual([NO_COMPOSE_NOTE]);
    const text = runCli(["check", root]);
    expect(text.status).toBe(1);
    expect(text.stderr).toBe(`note: ${NO_COMPOSE_NOTE}\n`);
  });
});

describe("unused-compose-secret", () => {
  const root = makeRepo({
    "compose.yaml": `services:
  web:
    image: nginx
secrets:
  DATABASE_URL:
    environment: DATABASE_URL
  LEGACY_TOKEN:
    external: true
  OLD_CERT:
    file: ./certs/old.pem
`,
    "src/db.ts": `${ACCESSOR_IMPORT}export const db = getSecret("DATABASE_URL");\n`,
  });

  it("reports each top-level secret no code reads, at its key", () => {
    const { run, report } = checkJson(root);
    expect(brief(report)).toEqual([
      "compose.yaml:7:3 unused-compose-secret LEGACY_TOKEN",
      "compose.yaml:9:3 unused-compose-secret OLD_CERT",
    ]);
    expect(report.findings[0]!.message).toBe("Compose secret 'LEGACY_TOKEN' is declared but no code reads it.");
    expect(run.status).toBe(1);
  });
});

describe("unused-env-example-key", () => {
  const root = makeRepo({
    "docker-compose.yml": `services:
  api:
    image: acme/api:\${IMAGE_TAG}
    environment:
      - QUEUE_NAME
      - LOG_FORMAT=json
`,
    ".env.example": `PORT=8080
IMAGE_TAG=latest
QUEUE_NAME=emails
LOG_FORMAT=
MIXPANEL_TOKEN=
FEATURE_FLAG=
`,
    "src/server.ts": `export const port = process.env.PORT;\n`,
  });

  it("warns about keys nothing uses; code reads, ${VAR} interpolation and environment: all count as use", () => {
    const { run, report } = checkJson(root);
    expect(brief(report)).toEqual([
      ".env.example:5:1 unused-env-example-key MIXPANEL_TOKEN",
      ".env.example:6:1 unused-env-example-key FEATURE_FLAG",
    ]);
    expect(report.findings.map((finding) => finding.severity)).toEqual(["warning", "warning"]);
    expect(report.findings[0]!.message).toBe(
      "'MIXPANEL_TOKEN' is listed in the env example but no code reads it and no compose file references it.",
    );
    expect(report.summary).toEqual({ errors: 0, warnings: 2, files: 3 });
    expect(run.status).toBe(0); // warnings alone do not fail the run
  });
});

describe("name-mismatch", () => {
  const drift = makeRepo({
    "docker-compose.yml": `secrets:
  db_password:
    environment: DB_PASSWORD
  SMTP_PASSWORD:
    environment: SMTP_PASSWORD
  DATABASE_URL:
    environment: DATABASE_URL
  JWT_SECRET:
    file: ./jwt.txt
  STRIPE_SECRET_KEY:
    environment: STRIPE_SECRET_KEY
  STRIPE_WEBHOOK_SECRET:
    environment: STRIPE_WEBHOOK_SECRET
`,
    "api/main.ts": `${ACCESSOR_IMPORT}export const a = getSecret("DB_PASSWORD");
export const b = getSecret("SMTP_PASSWD");
export const c = getSecret("DB_URL");
export const d = getSecret("SECRET_JWT");
export const e = getSecret("STRIPE_SECERT_KEY");
export const f = getSecret("WEBHOOK_SECRET");
export const g = getSecret("WEBHOOK_SECRET");
`,
  });

  it("pairs each kind of drift, once per pair, at the first read, with the declared name as suggestion", () => {
    const { run, report } = checkJson(drift);
    expect(run.status).toBe(1);
    expect(
      report.findings.map((finding) => [
        `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`,
        finding.secret,
        finding.suggestion,
        /the names (.*?)\./.exec(finding.message)?.[1],
      ]),
    ).toEqual([
      ["api/main.ts:2:28 name-mismatch", "DB_PASSWORD", "db_password", "differ only in case or separators"],
      ["api/main.ts:3:28 name-mismatch", "SMTP_PASSWD", "SMTP_PASSWORD", "differ by an abbreviated word"],
      ["api/main.ts:4:28 name-mismatch", "DB_URL", "DATABASE_URL", "differ by an abbreviated word"],
      ["api/main.ts:5:28 name-mismatch", "SECRET_JWT", "JWT_SECRET", "have the same words in another order"],
      ["api/main.ts:6:28 name-mismatch", "STRIPE_SECERT_KEY", "STRIPE_SECRET_KEY", "differ by a typo"],
      ["api/main.ts:7:28 name-mismatch", "WEBHOOK_SECRET", "STRIPE_WEBHOOK_SECRET", "differ by one word"],
    ]);
    // the pair explains both sides: neither undeclared-in-compose nor unused-compose-secret
    expect(report.findings[0]!.message).toBe(
      "Secret 'DB_PASSWORD' is read here but no compose file declares it, while 'db_password' is declared (docker-compose.yml:2:3) but read nowhere: the names differ only in case or separators. Use 'db_password' in both places, or rename the declaration.",
    );
  });

  const pairing = makeRepo({
    "docker-compose.yml": `secrets:
  API_KEY:
    environment: API_KEY
  STRIPE_API_KEY:
    environment: STRIPE_API_KEY
  db_password:
    environment: DB_PASSWORD
  DATABASE_PASSWORD:
    environment: DATABASE_PASSWORD
  SMTP_PASSWORD:
    environment: SMTP_PASSWORD
`,
    ".env.example": "API_KEY=\nSTRIPE_API_KEY=\nSMTP_PASSWORD=\nDB_PASSWORD=\n",
    "src/a.ts": `${ACCESSOR_IMPORT}export const a = getSecret("API_KEY");
export const b = getSecret("STRIPE_API_KEY");
export const c = getSecret("DB_PASSWORD");
`,
    "src/b.ts": `${ACCESSOR_IMPORT}export const x = getSecret("SMTP_PASSWD");
export const y = getSecret("SMTP_PASSWD");
`,
  });

  it("never pairs names both in use, the closest candidate wins, and one finding covers compose and env example", () => {
    const { run, report } = checkJson(pairing);
    expect(run.status).toBe(1);
    expect(brief(report)).toEqual([
      // DB_PASSWORD pairs with db_password (case) rather than DATABASE_PASSWORD (abbreviation)
      "docker-compose.yml:8:3 unused-compose-secret DATABASE_PASSWORD",
      "src/a.ts:4:28 name-mismatch DB_PASSWORD",
      // read twice, declared in both sources: one finding, at the first read
      "src/b.ts:2:28 name-mismatch SMTP_PASSWD",
    ]);
    expect(report.findings[1]!.suggestion).toBe("db_password");
    // DB_PASSWORD is listed in the env example: only the compose side drifted
    expect(report.findings[1]!.message).toContain("Secret 'DB_PASSWORD' is read here but no compose file declares it, while");
    expect(report.findings[2]!.suggestion).toBe("SMTP_PASSWORD");
    expect(report.findings[2]!.message).toContain(
      "Secret 'SMTP_PASSWD' is read here but declared nowhere, while 'SMTP_PASSWORD' is declared (.env.example:3:1, docker-compose.yml:10:3) but read nowhere",
    );
  });

  it("pairs env example keys with secret-like env reads too", () => {
    const root = makeRepo({
      ".env.example": "PORT=8080\nSESSION_SECRET=\n",
      "src/app.ts": "export const port = process.env.PORT;\nexport const s = process.env.SESION_SECRET;\n",
    });
    const { report } = checkJson(root);
    expect(brief(report)).toEqual(["src/app.ts:2:30 name-mismatch SESION_SECRET"]);
    expect(report.findings[0]!.suggestion).toBe("SESSION_SECRET");
    expect(report.findings[0]!.message).toContain("is read here but no env example lists it, while 'SESSION_SECRET' is declared (.env.example:2:1)");
  });
});

describe("lowercaseComposeNames", () => {
  const root = makeRepo({
    "config/lowercase.json": JSON.stringify({ lowercaseComposeNames: true }),
    "compose.yaml": `services:
  api:
    build: .
    secrets:
      - db_password
secrets:
  db_password:
    environment: DB_PASSWORD
`,
    "main.ts": `${ACCESSOR_IMPORT}export const pw = getSecret("DB_PASSWORD");\n`,
  });

  it("is off by default: db_password and DB_PASSWORD are a name-mismatch", () => {
    const { run, report } = checkJson(root);
    expect(brief(report)).toEqual(["main.ts:2:29 name-mismatch DB_PASSWORD"]);
    expect(run.status).toBe(1);
  });

  it("when true, accepts the lowercase compose secret (declared and granted) for the uppercase name", () => {
    const { run, report } = checkJson(root, "--config", `${root}/config/lowercase.json`);
    expect(brief(report)).toEqual([]);
    expect(run.status).toBe(0);
  });
});

describe("service-not-granted", () => {
  const root = makeRepo({
    "package.json": JSON.stringify({ name: "acme", private: true, workspaces: ["libs/*"] }),
    "secret-scanner.config.json": JSON.stringify({ services: { "billing-job": ["jobs/billing/**"] } }),
    "docker-compose.yml": `services:
  api:
    build: ./services/api
    secrets:
      - DATABASE_URL
  worker:
    build:
      context: ./services/worker
    secrets:
      - REDIS_URL
  billing-job:
    image: acme/billing-job
  cache:
    image: redis
    secrets:
      - REDIS_URL
secrets:
  DATABASE_URL:
    environment: DATABASE_URL
  REDIS_URL:
    environment: REDIS_URL
  SMTP_PASSWORD:
    environment: SMTP_PASSWORD
  STRIPE_KEY:
    environment: STRIPE_KEY
`,
    "services/api/src/main.ts": `${ACCESSOR_IMPORT}import { sendMail } from "../../../libs/mail/send.js";
export const db = getSecret("DATABASE_URL");
export const redis = getSecret("REDIS_URL");
export { sendMail };
`,
    "libs/mail/send.ts": `${ACCESSOR_IMPORT}export const sendMail = () => getSecret("SMTP_PASSWORD");\n`,
    "services/worker/src/main.ts": `${ACCESSOR_IMPORT}import { stripeKey } from "@acme/billing";
export const redis = getSecret("REDIS_URL");
export { stripeKey };
`,
    "libs/billing/package.json": JSON.stringify({ name: "@acme/billing", main: "src/index.ts" }),
    "libs/billing/src/index.ts": `${ACCESSOR_IMPORT}export const stripeKey = () => getSecret("STRIPE_KEY");\n`,
    "jobs/billing/run.ts": `${ACCESSOR_IMPORT}export const key = getSecret("STRIPE_KEY");\n`,
  });

  it("follows build contexts (string and build.context), relative imports, workspace packages and configured globs", () => {
    const { run, report } = checkJson(root);
    expect(brief(report)).toEqual([
      "jobs/billing/run.ts:2:30 service-not-granted STRIPE_KEY", // billing-job, by the services globs
      "libs/billing/src/index.ts:2:42 service-not-granted STRIPE_KEY", // worker, through @acme/billing
      "libs/mail/send.ts:2:41 service-not-granted SMTP_PASSWORD", // api, through a relative import
      "services/api/src/main.ts:4:32 service-not-granted REDIS_URL", // api, in its build context
    ]);
    expect(services(report)).toEqual([
      "jobs/billing/run.ts:2 billing-job",
      "libs/billing/src/index.ts:2 worker",
      "libs/mail/send.ts:2 api",
      "services/api/src/main.ts:4 api",
    ]);
    expect(report.findings[3]!.message).toBe(
      "Service 'api' reads secret 'REDIS_URL' here, but its secrets: in compose (docker-compose.yml:2:3) does not grant it.",
    );
    // cache (an image, no code here) is granted REDIS_URL: no granted-but-unused for it
    expect(run.status).toBe(1);
  });
});

describe("granted-but-unused, override files and include:", () => {
  const root = makeRepo({
    "docker-compose.yml": `include:
  - infra/secrets.yml
services:
  api:
    build: ./api
    secrets:
      - DATABASE_URL
      - JWT_SECRET
  worker:
    build: ./worker
    secrets:
      - JWT_SECRET
`,
    "docker-compose.override.yml": `services:
  api:
    secrets:
      - REDIS_URL
`,
    // not a compose file by name: read only because docker-compose.yml includes it
    "infra/secrets.yml": `secrets:
  DATABASE_URL:
    environment: DATABASE_URL
  JWT_SECRET:
    environment: JWT_SECRET
  REDIS_URL:
    environment: REDIS_URL
`,
    "api/main.ts": `${ACCESSOR_IMPORT}export const db = getSecret("DATABASE_URL");
export const redis = getSecret("REDIS_URL");
`,
    "worker/main.ts": `${ACCESSOR_IMPORT}export const jwt = getSecret("JWT_SECRET");\n`,
  });

  it("warns about a grant the service's code never reads; the override's grant and the included secrets count", () => {
    const { run, report } = checkJson(root);
    expect(brief(report)).toEqual(["docker-compose.yml:8:9 granted-but-unused JWT_SECRET"]);
    expect(report.findings[0]!).toMatchObject({
      severity: "warning",
      message: "Service 'api' is granted secret 'JWT_SECRET' but none of its code reads it.",
    });
    expect(report.summary).toEqual({ errors: 0, warnings: 1, files: 5 });
    expect(run.status).toBe(0);
  });
});

describe("dynamic-secret-name", () => {
  const root = makeRepo({
    "src/payments.ts": `${ACCESSOR_IMPORT}const NAME = "PAYPAL_CLIENT_SECRET";
export function clients(region: string, names: string[]) {
  let key = "STRIPE_KEY";
  return [
    getSecret(NAME),
    getSecret(\`PAYPAL_\${region}_SECRET\`),
    getSecret(key),
    names.map((name) => getSecret(name)),
  ];
}
`,
  });

  it("reports accessor calls whose name is not static, at the argument; a const is static", () => {
    const { run, report } = checkJson(root);
    expect(brief(report)).toEqual([
      "src/payments.ts:7:15 dynamic-secret-name",
      "src/payments.ts:8:15 dynamic-secret-name",
      "src/payments.ts:9:35 dynamic-secret-name",
    ]);
    expect(report.findings[0]!.message).toBe(
      "The secret name passed to getSecret() cannot be resolved statically, so it cannot be checked against compose and env examples; pass a literal or a const.",
    );
    expect(report.findings[0]!.secret).toBeUndefined();
    expect(run.status).toBe(1);
  });
});

describe("name-mismatch switched off, and the env example a message names", () => {
  const root = makeRepo({
    "secret-scanner.config.json": JSON.stringify({ rules: { "name-mismatch": "off" } }),
    ".env.example": "SMTP_PASSWORD=\n",
    "services/mail/.env.example": "MAIL_FROM=\n",
    "services/mail/main.ts": `${ACCESSOR_IMPORT}export const password = getSecret("SMTP_PASSWD");\n`,
  });

  it("still shows the drift as an undeclared read and an unused key, and names the closest env example", () => {
    const { run, report } = checkJson(root);
    expect(run.status).toBe(1);
    expect(brief(report)).toEqual([
      ".env.example:1:1 unused-env-example-key SMTP_PASSWORD",
      "services/mail/.env.example:1:1 unused-env-example-key MAIL_FROM",
      "services/mail/main.ts:2:35 undeclared-in-env-example SMTP_PASSWD",
    ]);
    expect(report.findings[2]!.message).toContain("with a placeholder to services/mail/.env.example.");
  });
});
