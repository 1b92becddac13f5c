import { describe, expect, it } from "vitest";
import { classifyDrift, editDistance, matchDrift } from "../src/drift.js";

describe("classifyDrift: two spellings of one secret", () => {
  it.each([
    ["DB_PASSWORD", "db_password", "case-or-separators"],
    ["DB_PASSWORD", "dbPassword", "case-or-separators"],
    ["API_KEY", "APIKEY", "case-or-separators"],
    ["STRIPE-API-KEY", "STRIPE_API_KEY", "case-or-separators"],
    ["SECRET_JWT", "JWT_SECRET", "word-order"],
    ["KEY_STRIPE_API", "STRIPE_API_KEY", "word-order"],
    ["SIGNING_SECRETS", "SIGNING_SECRET", "plural"],
    ["PORTS", "PORT", "plural"],
    ["JWT_KEYS", "JWT_KEY", "plural"],
    ["ALLOWED_ORIGINS", "allowedOrigin", "plural"],
    ["RETENTION_POLICIES", "RETENTION_POLICY", "plural"],
    ["DB_ALIASES", "DB_ALIAS", "plural"],
    ["MAIL_ADDRESSES", "MAIL_ADDRESS", "plural"],
    ["ALLOWED_IPS", "ALLOWED_IP", "plural"],
    ["TOKEN_TTL_MINS", "TOKEN_TTL_MINUTES", "abbreviation"],
    ["TOKEN_TTL_HRS", "TOKEN_TTL_HOURS", "abbreviation"],
    ["REQUEST_TIMEOUT_MS", "REQUEST_TIMEOUT_MILLISECONDS", "abbreviation"],
    // words that end like a plural and are none: a dropped S is a typo
    ["MAIL_ADDRESS", "MAIL_ADDRES", "typo"],
    ["JOB_STATUS", "JOB_STATU", "typo"],
    ["REDIS_URL", "REDI_URL", "typo"],
    ["DB_ALIAS", "DB_ALIA", "typo"],
    ["DB_PASSWD", "DB_PASSWORD", "abbreviation"],
    ["DB_PASSWORD", "DATABASE_PASSWORD", "abbreviation"],
    ["SESSION_TTL_SECS", "SESSION_TTL_SECONDS", "abbreviation"],
    ["ENV_NAME", "ENVIRONMENT_NAME", "abbreviation"],
    ["PG_PASSWORD", "POSTGRES_PASSWORD", "abbreviation"],
    ["MONGO_URI", "MONGODB_URI", "abbreviation"],
    ["STRIPE_SECERT_KEY", "STRIPE_SECRET_KEY", "typo"],
    ["SENDGRID_API_KYE", "SENDGRID_API_KEY", "typo"],
    ["MAILGUN_APIKEY_PRIVAT", "MAILGUN_APIKEY_PRIVATE", "typo"],
    ["WEBHOOK_SECRET", "STRIPE_WEBHOOK_SECRET", "extra-word"],
    ["GITHUB_TOKEN", "GITHUB_ACCESS_TOKEN", "extra-word"],
    ["TOKEN", "GITHUB_TOKEN", "extra-word"],
  ] as const)("%s ~ %s: %s", (a, b, kind) => {
    expect(classifyDrift(a, b)).toBe(kind);
    expect(classifyDrift(b, a)).toBe(kind);
  });

  it.each([
    ["DB_PASSWORD", "DB_PASSWORD"],
    ["DB_PASSWORD", "SMTP_PASSWORD"],
    ["API_KEY_1", "API_KEY_2"],
    ["AWS_KEY", "GCS_KEY"],
    ["STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY"],
    ["JWT_SECRET", "SESSION_SECRET"],
    ["GITHUB_TOKEN", "GITLAB_TOKEN_FOR_CI"],
    ["DB_PASSWORD", "DB_USER_PASSWORD_HASH"],
    // a word and the other word it makes with an S: neither a plural nor a typo
    ["HTTPS_PROXY_PASSWORD", "HTTP_PROXY_PASSWORD"],
    ["SMTPS_PASSWORD", "SMTP_PASSWORD"],
    ["JWKS_URL", "JWK_URL"],
    // two-letter words are no plurals (nor typos)
    ["AWS_KEY", "AW_KEY"],
    ["TLS_CERT", "TL_CERT"],
    // a plural and another difference: only one word may differ
    ["SIGNING_SECRETS", "SIGNING_SECRET_V2"],
    ["DB_PASSWORDS", "DATABASE_PASSWORD"],
    ["SECRETS_JWT", "JWT_SECRET"],
  ])("%s and %s are two secrets, not drift", (a, b) => {
    expect(classifyDrift(a, b)).toBeUndefined();
  });
});

describe("matchDrift: orphan reads against orphan declarations", () => {
  it("pairs each orphan once, closest first, and leaves the rest alone", () => {
    expect(
      matchDrift(["WEBHOOK_SECRET", "DB_PASSWD", "SENTRY_TOKEN"], ["STRIPE_WEBHOOK_SECRET", "DB_PASSWORD", "db_passwd"]),
    ).toEqual([
      { read: "DB_PASSWD", declared: "db_passwd", kind: "case-or-separators" },
      { read: "WEBHOOK_SECRET", declared: "STRIPE_WEBHOOK_SECRET", kind: "extra-word" },
    ]);
  });

  it("does not depend on input order", () => {
    const reads = ["A_TOKEN", "DB_PASSWD", "STRIPE_SECERT_KEY", "JWT_SECRET_OLD"];
    const declared = ["DATABASE_PASSWORD", "STRIPE_SECRET_KEY", "A_TOKENS", "JWT_SECRET"];
    const expected = matchDrift(reads, declared);
    expect(matchDrift([...reads].reverse(), [...declared].reverse())).toEqual(expected);
    expect(expected.map((pair) => `${pair.read}=${pair.declared}`)).toEqual([
      "A_TOKEN=A_TOKENS",
      "DB_PASSWD=DATABASE_PASSWORD",
      "JWT_SECRET_OLD=JWT_SECRET",
      "STRIPE_SECERT_KEY=STRIPE_SECRET_KEY",
    ]);
  });

  it("gives the better candidate to the closer read", () => {
    // DB_PASSWORD (case only) beats DB_PASSWD (abbreviation) for db_password
    expect(matchDrift(["DB_PASSWD", "DB_PASSWORD"], ["db_password"])).toEqual([
      { read: "DB_PASSWORD", declared: "db_password", kind: "case-or-separators" },
    ]);
  });
});

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["KEY", "KEY", 0],
    ["SECRET", "SECERT", 1],
    ["PASSWORD", "PASWORD", 1],
    ["KITTEN", "SITTING", 3],
    ["AB", "BA", 1],
    ["ABC", "CA", 3], // optimal string alignment: a transposed pair is not edited again
    ["", "ABC", 3],
  ] as const)("%s → %s is %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe("long names", () => {
  it("are compared in linear memory, and typos are checked in linear time", () => {
    // Regression (found while fuzzing the drift matcher with long names): the distance table was
    // kept whole, so two one-word names of 10 000 characters took 15 s and 900 MB to compare as a
    // possible typo, and of 40 000 characters ran the process out of memory.
    const started = performance.now();
    const long = "A".repeat(20_000);
    expect(classifyDrift(long, `B${long.slice(1)}`)).toBe("typo");
    expect(classifyDrift(long, `BB${long.slice(2)}`)).toBe("typo");
    expect(classifyDrift(long, `BBB${long.slice(3)}`)).toBeUndefined();
    expect(classifyDrift(`${long}_KEY`, `${long}_KYE`)).toBe("typo");
    expect(matchDrift([long.slice(0, 2_000)], [`B${long.slice(1, 2_000)}`])).toEqual([
      { read: long.slice(0, 2_000), declared: `B${long.slice(1, 2_000)}`, kind: "typo" },
    ]);
    expect(editDistance(long.slice(0, 2_000), "B".repeat(2_000))).toBe(2_000);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
