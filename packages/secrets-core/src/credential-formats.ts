/**
 * Credentials recognisable by their shape alone: a GitHub token starts with `ghp_`, an AWS access
 * key id with `AKIA`, a private key with `-----BEGIN … PRIVATE KEY-----`. A string of such a
 * shape is a committed credential wherever it stands, whatever the variable holding it is called.
 *
 * One table, `CREDENTIAL_FORMATS`, read by the ESLint rule `secrets/no-hardcoded-secret` and by
 * the scanner. Only high-confidence formats belong here: each has a fixed prefix or structure that
 * ordinary strings do not have, and a validator that rejects the stand-ins found in documentation
 * (`AKIAIOSFODNN7EXAMPLE`, `ghp_xxxx…`, `postgres://user:password@host`).
 *
 * Pure, no dependency on ESLint. The regular expressions are linear (no nested quantifiers over
 * the same characters), so scanning any string is cheap.
 */
import { classifySecretValue, decodeJwtPart, isPlaceholderToken, isPublicJwt } from "./placeholders.js";

export interface CredentialFormat {
  /** Stable identifier, e.g. `github-token`. */
  readonly id: string;
  /** What the credential is, for messages: "GitHub token". */
  readonly description: string;
  /**
   * Substrings every match contains; a text holding none of them is not searched with `regex`.
   * They make scanning every string literal of a file cheap.
   */
  readonly keywords: readonly string[];
  /**
   * Substrings every match contains besides a keyword, all of them: a text that lacks one is
   * not searched either (`@` for a URL's user info: most strings with `://` are plain URLs).
   */
  readonly needs?: readonly string[];
  /** The shape of the credential (not global, not sticky); the whole match is the credential. */
  readonly regex: RegExp;
  /** Rejects matches that have the shape but are not credentials: stand-ins, public values. */
  readonly validate?: (match: RegExpExecArray) => boolean;
}

/** A token is real unless it is a stand-in such as `ghp_xxxx…` or `AKIA…EXAMPLE`. */
const notPlaceholder = (match: RegExpExecArray): boolean => !isPlaceholderToken(match[0]);

/**
 * A signed JWT: the header is a JSON object with an `alg`. Not a credential: Supabase's `anon`
 * key (public by design: it ships in every browser bundle, the database's row-level security
 * guards the data) and the jwt.io sample token of the documentation.
 */
function isSignedJwt(match: RegExpExecArray): boolean {
  const token = match[0];
  const [headerPart = "", payloadPart = ""] = token.split(".");
  const header = decodeJwtPart(headerPart);
  if (typeof header?.alg !== "string" || header.alg.toLowerCase() === "none") return false;
  if (isPublicJwt(token)) return false;
  const payload = decodeJwtPart(payloadPart);
  if (payload?.sub === "1234567890" && payload.name === "John Doe") return false;
  return !isPlaceholderToken(token.slice(token.indexOf(".") + 1));
}

/** The match is followed by an ellipsis: what documentation and tests write for the rest of a key. */
function isCutShort(match: RegExpExecArray): boolean {
  const after = match.input.slice(match.index + match[0].length, match.index + match[0].length + 3);
  return after === "..." || after.startsWith("…");
}

/**
 * Hosts that only the developer's own machine can reach, and names reserved for documentation
 * and tests that no real service has (RFC 2606, RFC 6761): `example.com`, `redis.example`,
 * `db.test`, `host.invalid`.
 */
function isLocalOrReservedHost(host: string): boolean {
  const bare = host.replace(/:\d*$/, "").replace(/^\[|\]$/g, "").toLowerCase();
  return (
    bare === "localhost" ||
    bare.endsWith(".localhost") ||
    bare === "::1" ||
    bare === "0.0.0.0" ||
    bare === "host.docker.internal" ||
    /^127(?:\.\d{1,3}){3}$/.test(bare) ||
    // a bare `test` may be a compose service; `db.test` cannot be a real host
    /(?:^|\.)example$|\.(?:test|invalid)$/.test(bare) ||
    /(?:^|\.)example\.(?:com|net|org)$/.test(bare)
  );
}

function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Passwords in documentation URLs that are not words the value classifier knows. */
const URL_PLACEHOLDER_PASSWORDS: ReadonlySet<string> = new Set(["secret", "secrets", "s3cret"]);

/**
 * A URL whose user info carries a password that is not a stand-in (`user:password`,
 * `${DB_PASSWORD}`, `<password>`, `****`) and whose host is neither the local machine (the local
 * database of a development setup is not a secret) nor a name reserved for examples.
 */
function hasRealPassword(match: RegExpExecArray): boolean {
  const password = decodePercent(match.groups?.password ?? "");
  const host = match.groups?.host ?? "";
  if (isLocalOrReservedHost(host)) return false;
  if (URL_PLACEHOLDER_PASSWORDS.has(password.toLowerCase())) return false;
  return classifySecretValue(password, { name: "password" }).secret;
}

/**
 * The formats, most specific first: when a string holds several (a GitHub token in a URL's user
 * info), the first one that matches names it.
 */
export const CREDENTIAL_FORMATS: readonly CredentialFormat[] = [
  {
    id: "aws-access-key-id",
    description: "AWS access key id",
    keywords: ["AKIA", "ASIA"],
    // long-term (AKIA) and temporary (ASIA) key ids: 16 base32 characters after the prefix
    regex: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Za-z0-9])/,
    validate: notPlaceholder,
  },
  {
    id: "github-token",
    description: "GitHub token",
    keywords: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
    // classic tokens (personal, OAuth, user-to-server, server-to-server, refresh) and fine-grained
    // personal access tokens
    regex: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{80,240})(?![A-Za-z0-9_])/,
    validate: notPlaceholder,
  },
  {
    id: "slack-token",
    description: "Slack token",
    keywords: ["xoxa-", "xoxb-", "xoxp-", "xoxr-"],
    // app, bot, user and refresh tokens: numeric team/user parts, then the secret part
    regex: /(?<![A-Za-z0-9])xox[abpr]-(?:[0-9]+-)+[A-Za-z0-9]{8,}(?![A-Za-z0-9-])/,
    validate: notPlaceholder,
  },
  {
    id: "stripe-live-key",
    description: "Stripe live secret key",
    keywords: ["sk_live_", "rk_live_"],
    // live secret (sk_live_) and restricted (rk_live_) keys; test and publishable keys are not here
    regex: /(?<![A-Za-z0-9])[rs]k_live_[A-Za-z0-9]{20,247}(?![A-Za-z0-9])/,
    validate: notPlaceholder,
  },
  {
    id: "google-api-key",
    description: "Google API key",
    keywords: ["AIza"],
    regex: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/,
    validate: notPlaceholder,
  },
  {
    id: "anthropic-api-key",
    description: "Anthropic API key",
    keywords: ["sk-ant-"],
    // sk-ant-api03-…, sk-ant-admin01-…
    regex: /(?<![A-Za-z0-9_-])sk-ant-[a-z]{3,8}[0-9]{2}-[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])/,
    validate: notPlaceholder,
  },
  {
    id: "openai-api-key",
    description: "OpenAI API key",
    keywords: ["sk-"],
    // project, service-account and admin keys; legacy keys carry `T3BlbkFJ` (base64 of "OpenAI")
    // in the middle, or are 48 letters and digits
    regex:
      /(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{40,}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}|[A-Za-z0-9]{48})(?![A-Za-z0-9_-])/,
    validate: notPlaceholder,
  },
  {
    id: "npm-token",
    description: "npm access token",
    keywords: ["npm_"],
    regex: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/,
    validate: notPlaceholder,
  },
  {
    id: "private-key",
    description: "private key",
    keywords: ["-----BEGIN "],
    needs: ["PRIVATE KEY"],
    // the header followed by key material (real line breaks or `\n` escapes, optional PEM
    // headers such as `Proc-Type:`, each ending at its line break, so that no text can be split
    // in more than one way): a header alone is what code that parses keys compares with
    regex:
      /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:\s|\\[rn])+(?:[A-Za-z-]+: [^\r\n\\]*(?:\r?\n|\\r?\\n)(?:\s|\\[rn])*)*[A-Za-z0-9+/=]{32,}/,
    // base64 of real key material has long runs (`AAAAAA`), so only the obvious stand-ins count,
    // and a key cut short with an ellipsis (`MIIEvQIBADANBg…`, the header every RSA key shares)
    validate: (match) => !/x{8,}|example|your|\.\.\./i.test(match[0]) && !isCutShort(match),
  },
  {
    id: "jwt",
    description: "JSON Web Token",
    keywords: ["eyJ"],
    // header (a JSON object, so base64url `eyJ`), payload and a non-empty signature
    regex: /(?<![A-Za-z0-9_.-])eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{16,}(?![A-Za-z0-9_-])/,
    validate: isSignedJwt,
  },
  {
    id: "url-password",
    description: "URL with an inline password",
    keywords: ["://"],
    needs: ["@"],
    // scheme://user:password@host, any scheme; the user may be empty (redis://:password@host)
    regex:
      /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/[^\s:/?#@"'`]*:(?<password>[^\s/?#@"'`]+)@(?<host>[^\s/?#@"'`\\]*)/,
    validate: hasRealPassword,
  },
];

export interface CredentialMatch {
  readonly format: CredentialFormat;
  /** The credential as found (the whole match). */
  readonly credential: string;
  /** Where it starts in the searched text. */
  readonly index: number;
}

const globalRegexes = new WeakMap<CredentialFormat, RegExp>();

function globalRegex(format: CredentialFormat): RegExp {
  let regex = globalRegexes.get(format);
  if (!regex) {
    regex = new RegExp(format.regex.source, `${format.regex.flags.replace(/[gy]/g, "")}g`);
    globalRegexes.set(format, regex);
  }
  return regex;
}

const keywordPatterns = new WeakMap<readonly CredentialFormat[], RegExp>();

/**
 * One regular expression that finds any keyword of `formats`: a single pass over a text that
 * holds none (nearly every string of a program), where testing each keyword apart would take
 * twenty passes.
 */
function keywordPattern(formats: readonly CredentialFormat[]): RegExp {
  if (formats === CREDENTIAL_FORMATS) return DEFAULT_KEYWORD_PATTERN;
  let pattern = keywordPatterns.get(formats);
  if (!pattern) {
    pattern = anyKeyword(formats);
    keywordPatterns.set(formats, pattern);
  }
  return pattern;
}

function anyKeyword(formats: readonly CredentialFormat[]): RegExp {
  const keywords = formats.flatMap((format) => format.keywords);
  return new RegExp(keywords.map((keyword) => keyword.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"));
}

/** The default table's, made once: it is asked about every string of every file. */
const DEFAULT_KEYWORD_PATTERN = anyKeyword(CREDENTIAL_FORMATS);

/** Whether `text` holds one of the format's keywords and everything it needs. */
function holdsKeyword(text: string, format: CredentialFormat): boolean {
  let keyword = false;
  for (const candidate of format.keywords) {
    if (text.includes(candidate)) {
      keyword = true;
      break;
    }
  }
  if (!keyword || format.needs === undefined) return keyword;
  for (const needed of format.needs) if (!text.includes(needed)) return false;
  return true;
}

/** Whether `text` holds a keyword of one of `formats`, so that a credential may be in it. */
export function mayHoldCredential(text: string, formats: readonly CredentialFormat[] = CREDENTIAL_FORMATS): boolean {
  return keywordPattern(formats).test(text);
}

/**
 * Every credential in `text`, in the order of `formats` (the most specific format first), then
 * by position. Matches a format's validator rejects are left out.
 */
export function findCredentials(
  text: string,
  formats: readonly CredentialFormat[] = CREDENTIAL_FORMATS,
): CredentialMatch[] {
  const found: CredentialMatch[] = [];
  if (!mayHoldCredential(text, formats)) return found;
  for (const format of formats) {
    if (!holdsKeyword(text, format)) continue;
    const regex = globalRegex(format);
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match; match = regex.exec(text)) {
      if (!format.validate || format.validate(match)) {
        found.push({ format, credential: match[0], index: match.index });
      }
    }
  }
  return found;
}

/** The first credential `findCredentials` would list, without searching further. */
export function findCredential(
  text: string,
  formats: readonly CredentialFormat[] = CREDENTIAL_FORMATS,
): CredentialMatch | undefined {
  if (!mayHoldCredential(text, formats)) return undefined;
  for (const format of formats) {
    if (!holdsKeyword(text, format)) continue;
    const regex = globalRegex(format);
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match; match = regex.exec(text)) {
      if (!format.validate || format.validate(match)) {
        regex.lastIndex = 0;
        return { format, credential: match[0], index: match.index };
      }
    }
  }
  return undefined;
}

/**
 * A preview that never gives a value away: at most its first four characters (fewer for short
 * values: a third of the length), then `…`. `"ghp_…"`.
 */
export function maskSecret(value: string): string {
  const shown = Math.min(4, Math.floor(value.length / 3));
  return `${value.slice(0, shown)}…`;
}
