/**
 * Credential-shaped strings for tests, assembled at run time so that the repository holds no
 * token-shaped literal: prefixes are split (`"gh" + "p_"`), bodies come from a seeded generator.
 * The same seed gives the same string, so failures reproduce.
 */
import { Buffer } from "node:buffer";
import { Random } from "../../../scripts/bench/random.mjs";

export const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
export const ALNUM = `${UPPER}abcdefghijklmnopqrstuvwxyz0123456789`;
export const BASE32 = `${UPPER}234567`;
export const BASE64URL = `${ALNUM}-_`;
export const DIGITS = "0123456789";

/** The benchmark's seeded generator (mulberry32) as a function: numbers in [0, 1). */
export function generator(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

/** `length` characters of `alphabet`, drawn from `seed`. */
export function randomString(length: number, alphabet: string = ALNUM, seed = 1): string {
  const next = generator(seed);
  let text = "";
  for (let index = 0; index < length; index++) text += alphabet[Math.floor(next() * alphabet.length)];
  return text;
}

/** Joins pieces of a token-shaped string, so that the source never holds the whole token. */
export const join = (...parts: string[]): string => parts.join("");
const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url");

export const PEM_BEGIN = join("-----BEGIN", " ");
export const PEM_END = join("-----END", " ");

/** Base64 key material in 64-character lines, as in a PEM file. */
export function pemBody(lines = 5, seed = 7): string {
  const alphabet = `${ALNUM}+/`;
  return Array.from({ length: lines }, (_, index) => randomString(64, alphabet, seed + index)).join("\n");
}

export function privateKey(kind = "RSA ", lineBreak = "\n", seed = 7): string {
  const body = pemBody(5, seed).split("\n").join(lineBreak);
  return join(PEM_BEGIN, kind, "PRIVATE KEY-----", lineBreak, body, lineBreak, PEM_END, kind, "PRIVATE KEY-----");
}

/** A signed JWT with the given header and payload, and a random signature. */
export function jwt(
  payload: Record<string, unknown> = { sub: "user-8731", iat: 1_700_000_000 },
  header: Record<string, unknown> = { alg: "HS256", typ: "JWT" },
  seed = 11,
): string {
  return [base64url(header), base64url(payload), randomString(43, BASE64URL, seed)].join(".");
}

/** A URL whose user info carries `password`. */
export function urlWithPassword(password: string, host = "db.internal:5432", scheme = "postgres", user = "app"): string {
  return join(scheme, "://", user, ":", password, "@", host, "/app");
}

/** One real-shaped sample of every format of `CREDENTIAL_FORMATS`, by id. */
export const CREDENTIAL_SAMPLES: Readonly<Record<string, () => string>> = {
  "aws-access-key-id": () => join("AK", "IA", randomString(16, BASE32, 3)),
  "github-token": () => join("gh", "p_", randomString(36, ALNUM, 5)),
  "slack-token": () =>
    join("xo", "xb-", randomString(11, DIGITS, 13), "-", randomString(12, DIGITS, 17), "-", randomString(24, ALNUM, 19)),
  "stripe-live-key": () => join("sk", "_live_", randomString(24, ALNUM, 23)),
  "google-api-key": () => join("AI", "za", randomString(35, BASE64URL, 29)),
  "anthropic-api-key": () => join("sk-", "ant-", "api03-", randomString(93, BASE64URL, 31), "AA"),
  "openai-api-key": () => join("sk-", "proj-", randomString(74, BASE64URL, 37), "T3Blbk", "FJ", randomString(74, BASE64URL, 41)),
  "npm-token": () => join("np", "m_", randomString(36, ALNUM, 43)),
  "private-key": () => privateKey(),
  jwt: () => jwt(),
  "url-password": () => urlWithPassword(randomString(20, ALNUM, 47)),
};

/** The sample of a format, by id; throws for an unknown id. */
export function sample(id: string): string {
  const build = CREDENTIAL_SAMPLES[id];
  if (!build) throw new Error(`no credential sample for format "${id}"`);
  return build();
}
