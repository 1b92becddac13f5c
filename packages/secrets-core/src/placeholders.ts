/**
 * Which literal values are *not* secrets. The ESLint rule `secrets/no-hardcoded-secret` asks
 * this about every string assigned to a secret-like name, and the scanner asks it when it audits
 * committed files: a `.env.example` may only hold placeholders.
 *
 * Two questions, two functions:
 *
 * - `placeholderReason(value)`: is the value a stand-in that cannot work as a credential
 *   (`changeme`, `<YOUR_KEY>`, `${DB_PASSWORD}`, `xxxx`, `***`, a value too short to be one)?
 *   It looks at the value alone.
 * - `classifySecretValue(value, { name })`: given the name the value is assigned to, is it a
 *   credential? Besides placeholders, a secret-named variable often holds something else: the
 *   *name* of an environment variable (`API_KEY = "STRIPE_API_KEY"`), a storage key
 *   (`TOKEN_KEY = "auth_token"`), a form label (`password: "Password"`), a file path, a URL
 *   without credentials, a message. Those are not secrets either.
 *
 * Pure, no dependency on ESLint. Precision matters as much as recall: a rule that flags
 * `{ password: "Password" }` in a translation file gets switched off.
 */
import { Buffer } from "node:buffer";
import picomatch from "picomatch";
import { DEFAULT_SECRET_WORDS, splitNameSegments } from "./classifier.js";
import { credentialVocabularyOf, CREDENTIAL_WORDS_IN_OTHER_LANGUAGES } from "./credential-vocabulary.js";

/**
 * Values shorter than this are not taken for credentials. Six is the shortest memorised secret
 * NIST SP 800-63B accepts at all (and only when it is chosen at random by the verifier; a
 * user-chosen password needs eight), and every token, key and connection password issued by
 * a provider is far longer. The stubs that code and tests use instead (`"abc"`, `"dev"`,
 * `"1234"`, `"root"`, `"pw"`) are shorter. It also keeps a masked preview of four characters
 * from showing most of a value.
 */
export const MIN_SECRET_LENGTH = 6;

/** Why a value is a placeholder, not a credential. */
export type PlaceholderReason =
  /** Empty or only whitespace. */
  | "empty"
  /** Matches one of the caller's extra placeholder patterns. */
  | "extra-placeholder"
  /** A reference to a value held elsewhere: `${DB_PASSWORD}`, `$TOKEN`, `%API_KEY%`, `{{ token }}`. */
  | "reference"
  /** A slot to fill in: `<YOUR_KEY>`, `[REDACTED]`. */
  | "fill-in"
  /** A masked value: `***`, `xxxx-xxxx`, `••••`. */
  | "masked"
  /** Shorter than `MIN_SECRET_LENGTH`. */
  | "too-short"
  /** One character or a short unit repeated: `aaaaaa`, `000000`, `abcabcabc`. */
  | "repeated"
  /** A straight run: `123456`, `abcdef`, `abc123`, `qwerty`. */
  | "sequence"
  /** A word that says it is a stand-in: `changeme`, `example`, `dummy`, `test`, `your-api-key`. */
  | "placeholder-word";

/** Why a value assigned to a secret-like name is not a credential, besides being a placeholder. */
export type NonCredentialReason =
  | PlaceholderReason
  /** The name is too generic to say anything: a lone `key` (React keys, map keys, menu items). */
  | "generic-name"
  /** Text with spaces: a message, a label, a hint. */
  | "message"
  /** A URL (a URL with an inline password is a credential format of its own). */
  | "url"
  /** A file path: `/run/secrets/db_password`, `./certs/key.pem`. */
  | "path"
  /** A password hash in modular crypt format (`$2b$…`, `$argon2id$…`), not the password. */
  | "password-hash"
  /** A key that is public by design: Stripe publishable keys, Mapbox public tokens. */
  | "public-by-design"
  /** The name of an environment variable: `API_KEY = "STRIPE_API_KEY"`. */
  | "env-var-name"
  /** A label in a UI or translation: `password: "Password"`, `password: "Contraseña"`. */
  | "label"
  /**
   * A word of the vocabulary around credentials (`credential-vocabulary.ts`): a credentials mode
   * (`credentials: "include"`), an authentication scheme, an OAuth value, a header name, an
   * algorithm, a reference into a secret store, a selector, a URN.
   */
  | "vocabulary"
  /** The value spells the name it is assigned to: `clientSecret: "client_secret"`. */
  | "names-itself"
  /** The value names a credential: a storage key, header or field (`"auth_token"`, `"x-api-key"`). */
  | "names-credential"
  /** A status or validation word: `password: "required"`, `token: "expired"`. */
  | "status-word"
  /** Plain words assigned to a generic key/token name: a lookup key, a CSS class, a token type. */
  | "lookup-value";

export type SecretValueReason = NonCredentialReason | "credential";

export interface SecretValueVerdict {
  readonly secret: boolean;
  readonly reason: SecretValueReason;
}

export interface PlaceholderOptions {
  /** More values that are placeholders, tested against the whole value. */
  readonly extraPlaceholders?: readonly RegExp[];
}

export interface SecretValueOptions extends PlaceholderOptions {
  /** The variable, property or parameter name the value is assigned to, if any. */
  readonly name?: string;
}

/**
 * Words that mark a stand-in wherever they stand as a word of the value (split on
 * non-alphanumerics, and at camelCase humps when the value has no digits).
 */
const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set([
  "example", "examples", "sample", "dummy", "fake", "mock", "mocked", "stub", "placeholder",
  "test", "tests", "testing", "demo",
  "changeme", "replaceme", "todo", "fixme", "tbd", "redacted",
  "your", "yours", "here",
  "none", "null", "nil", "undefined", "unset", "empty",
  "foo", "bar", "baz", "qux", "foobar",
  "invalid", "wrong", "incorrect", "bogus",
]);

/**
 * Run-together spellings that mark a stand-in anywhere in the value, compared with letters and
 * digits only: `CHANGE_ME`, `change-me-in-production`, `not-a-secret`, `insert_key`.
 */
const PLACEHOLDER_FRAGMENTS: readonly string[] = [
  "changeme", "changethis", "replaceme", "replacewith", "placeholder", "example", "dummy",
  "notasecret", "notreal", "insertyour", "enteryour", "putyour", "addyour", "fillin",
];

/** Starts of keyboard runs used as stand-ins. */
const KEYBOARD_RUNS: readonly string[] = ["qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx3edc", "1q2w3e4r5t6y"];

/** `${X}`, `{{ x }}`, `#{x}` anywhere in the value: an interpolation template, not a value. */
const INTERPOLATION = /\$\{[^{}]*\}|\{\{[^{}]*\}\}|#\{[^{}]*\}/;
/** The whole value refers to a variable: `$TOKEN`, `%API_KEY%`, `{apiKey}`, `$(cat file)`. */
const WHOLE_REFERENCE = /^(?:\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|\{[A-Za-z_][\w.-]*\}|\$\([^)]*\))$/;
/** `<YOUR_KEY>`, `<api key>`, `Bearer <token>`. */
const ANGLE_SLOT = /<[A-Za-z_][\w .:-]*>/;
/** `[REDACTED]`, `[your key]`. */
const BRACKET_SLOT = /^\[[^\]]+\]$/;
/** `***`, `••`, `xxxx`: masked or crossed-out values. */
const MASKED = /\*{3,}|[•●·]{2,}|x{4,}/i;

function lettersAndDigits(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * Splits a value into lower-cased words on non-alphanumerics, and at camelCase humps when the
 * value holds no digits (a random token like `aB3xTestQ9` is not split into `test`).
 */
export function valueWords(value: string): string[] {
  const camel = /\d/.test(value)
    ? value
    : value.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2");
  return camel
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

/** Whether the characters (letters or digits) each follow the one before: `abcdef`, `3456`. */
function ascendingRunLengths(text: string): number[] {
  const runs: number[] = [];
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const previous = index > 0 ? text.charCodeAt(index - 1) : -2;
    const follows = code === previous + 1 || (text[index] === "0" && text[index - 1] === "9");
    const sameClass = index > 0 && /\d/.test(text[index]!) === /\d/.test(text[index - 1]!);
    if (length > 0 && follows && sameClass) {
      length++;
    } else {
      if (length > 0) runs.push(length);
      length = 1;
    }
  }
  if (length > 0) runs.push(length);
  return runs;
}

/**
 * `123456`, `abcdef`, `abc123`, `abcd-1234`, `0123456789abcdef`, `qwerty`, `qwerty123`; or an
 * ascending run of six anywhere (`ghp_123456…`).
 */
function isSequence(value: string): boolean {
  const compact = lettersAndDigits(value);
  if (compact.length < 3) return false;
  const runs = ascendingRunLengths(compact);
  if (runs.length <= 2 && runs.every((run) => run >= 3)) return true;
  if (runs.some((run) => run >= 6)) return true;
  for (const row of KEYBOARD_RUNS) {
    const letters = compact.replace(/\d+$/, "");
    const digits = compact.slice(letters.length);
    if (letters.length >= 4 && row.startsWith(letters) && (digits === "" || isSequence(digits))) return true;
    if (compact.length >= 4 && row.startsWith(compact)) return true;
  }
  return false;
}

/**
 * `aaaaaa`, `abcabcabc`, `1212121212`: a unit of one to three characters repeated throughout;
 * or, anywhere in the value, one character six times or a unit of up to four five times
 * (`sk_live_000000…`).
 */
function isRepeated(value: string): boolean {
  return /^([\s\S]{1,3})\1{2,}$/.test(value) || /([\s\S])\1{5,}/.test(value) || /([\s\S]{2,4})\1{4,}/.test(value);
}

function hasPlaceholderWord(value: string): boolean {
  if (valueWords(value).some((word) => PLACEHOLDER_WORDS.has(word))) return true;
  const compact = lettersAndDigits(value);
  return compact.startsWith("your") || PLACEHOLDER_FRAGMENTS.some((fragment) => compact.includes(fragment));
}

/**
 * Why `value` is a placeholder that cannot work as a credential, or `undefined` if it could be
 * one. Looks at the value alone; see `classifySecretValue` for the judgement with a name.
 */
export function placeholderReason(value: string, options: PlaceholderOptions = {}): PlaceholderReason | undefined {
  const trimmed = value.trim();
  if (trimmed === "") return "empty";
  if (options.extraPlaceholders?.some((pattern) => pattern.test(value))) return "extra-placeholder";
  if (INTERPOLATION.test(trimmed) || WHOLE_REFERENCE.test(trimmed)) return "reference";
  if (ANGLE_SLOT.test(trimmed) || BRACKET_SLOT.test(trimmed)) return "fill-in";
  if (MASKED.test(trimmed) || /^x+$/i.test(lettersAndDigits(trimmed).replace(/\d/g, ""))) return "masked";
  if (trimmed.length < MIN_SECRET_LENGTH) return "too-short";
  if (isRepeated(trimmed)) return "repeated";
  if (isSequence(trimmed)) return "sequence";
  if (hasPlaceholderWord(trimmed)) return "placeholder-word";
  return undefined;
}

/** Shorthand for `placeholderReason(value, options) !== undefined`. */
export function isPlaceholder(value: string, options?: PlaceholderOptions): boolean {
  return placeholderReason(value, options) !== undefined;
}

/**
 * Whether a string that has the shape of a credential format (`ghp_…`, `AKIA…`) is a stand-in:
 * a character repeated six times or more, a unit of up to four characters repeated five times,
 * four `x`s, an ascending run of six (`123456`, `abcdef`), or a word such as `EXAMPLE`. A random
 * token of the same length holds none of these except by a one-in-a-million chance.
 */
export function isPlaceholderToken(token: string): boolean {
  if (/([\s\S])\1{5,}/.test(token) || /([\s\S]{2,4})\1{4,}/.test(token) || /x{4,}/i.test(token)) return true;
  if (ascendingRunLengths(token.toLowerCase()).some((run) => run >= 6)) return true;
  // four-letter words only as whole words: `sk-proj-your-key-…`, not `…q7yOurB…` by chance
  return /example|dummy|placeholder|sample|(?<![a-z])(?:your|fake)(?![a-z])/i.test(token);
}

// ---- values that are not credentials for a secret-named target ----

/**
 * Heads of names that are too generic to tell a credential from a lookup key or token type
 * (`storageKey`, `lastSignificantToken`, `renderPass`), unless a strong word stands elsewhere in
 * the name (`SECRET_KEY`, `privateKey`).
 */
const GENERIC_HEADS: ReadonlySet<string> = new Set(["KEY", "KEYS", "TOKEN", "TOKENS", "PASS"]);
const STRONG_WORDS: ReadonlySet<string> = new Set([
  "SECRET", "SECRETS", "PASSWORD", "PASSWD", "PASSPHRASE", "PRIVATE", "CREDENTIAL", "CREDENTIALS",
]);

/**
 * Words of a name that say its value is used when nothing else is given: `FALLBACK_JWT_SECRET`,
 * `defaultAdminPassword`. Such a value is a working default credential, however much it reads
 * like a stand-in (`changeme-please`, `123456`): see `WORKING_STAND_INS`.
 */
const DEFAULT_VALUE_WORDS: ReadonlySet<string> = new Set(["DEFAULT", "DEFAULTS", "FALLBACK"]);

/**
 * Stand-ins that still work as a credential when they are a default: a word that says "change
 * me", a run, a repetition. An empty value, a reference, a slot to fill in or a masked value
 * cannot be used as a password by anyone.
 */
const WORKING_STAND_INS: ReadonlySet<PlaceholderReason> = new Set(["placeholder-word", "sequence", "repeated"]);

/** Words that make a word-like value the *name* of a credential (a storage key, header, field). */
const NAMING_WORDS: ReadonlySet<string> = new Set([
  "token", "tokens", "password", "passwords", "passwd", "pwd", "pass", "auth", "authorization",
  "session", "sessionid", "jwt", "cookie", "cookies", "apikey", "credential", "credentials",
  "csrf", "xsrf", "bearer", "oauth", "sid", "otp",
]);

/** Status and validation words: `errors.password = "required"`. */
const STATUS_WORDS: ReadonlySet<string> = new Set([
  "required", "invalid", "missing", "incorrect", "mismatch", "mismatched", "expired", "failed",
  "failure", "denied", "forbidden", "unauthorized", "unknown", "disabled", "enabled", "hidden",
  "visible", "toggle", "forgot", "forgotten", "change", "update", "confirm", "confirmed",
  "submit", "signin", "signup", "login", "logout", "error", "blank", "weak", "strong", "wrong",
  "empty", "reset", "show", "hide", "enter", "valid", "verified", "pending", "revoked",
  // a report of which secrets are there: `{ DATABASE_URL: "present" }`
  "present", "absent", "configured", "unconfigured", "loaded", "available", "unavailable",
  // severities and modes: `rules: { "unused-compose-secret": "warning" }`
  "warning", "strict", "verbose", "silent", "default", "inherit", "optional",
]);

/** Little words of English sentences: text with them is a message, not a passphrase. */
const MESSAGE_WORDS: ReadonlySet<string> = new Set([
  ...STATUS_WORDS,
  "is", "are", "was", "be", "been", "not", "no", "too", "must", "should", "can", "cannot", "will",
  "please", "the", "a", "an", "of", "to", "for", "with", "has", "have", "does", "do", "at",
  "least", "than", "more", "less", "only", "and", "or", "new", "old", "current", "repeat",
]);

/**
 * A word of a word-like value: letters with up to three digits after them, or a short number with
 * up to three letters after it (`2fa`, `3ds`, `1st`).
 */
const WORD = /^(?:[a-z]+\d{0,3}|\d{1,3}[a-z]{0,3})$/;
/**
 * Numeronyms: words with digits inside (`i18nextLng`, the i18next language key). Without their
 * digits the value reads as the words it is; a random token has digits elsewhere too.
 */
const NUMERONYMS = /i18n|l10n|a11y|g11n|k8s/gi;
/**
 * Word-like values: words joined by `_ - . : / @`, once punctuation around them is set aside
 * (`#password`, `__vite_ssr_exports__`, `?InterpolationInJSX`).
 */
const WORD_LIKE = /^[A-Za-z0-9]+(?:[-_.:/@]+[A-Za-z0-9]+)*$/;
/** The value without the punctuation around it (a loop: a `[^…]+$` regex is quadratic). */
function withoutSurroundingPunctuation(value: string): string {
  const isAlphanumeric = (code: number): boolean =>
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  let start = 0;
  let end = value.length;
  while (start < end && !isAlphanumeric(value.charCodeAt(start))) start++;
  while (end > start && !isAlphanumeric(value.charCodeAt(end - 1))) end--;
  return value.slice(start, end);
}

/** `https://…`, `postgres://…`, `file:///…`. */
const URL_VALUE = /^[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\//;
/** Files that hold keys and configuration; a value ending so names a file. */
const FILE_EXTENSION =
  /\.(?:pem|key|crt|cer|csr|der|p12|pfx|jks|keystore|pub|gpg|asc|json|ya?ml|toml|txt|env|ini|conf|cfg|properties|xml|js|cjs|mjs|ts|secret|secrets)$/i;
/** `./x`, `../x`, `~/x`, `C:\x`, `\\server\x`. */
const RELATIVE_OR_WINDOWS_PATH = /^(?:\.{1,2}[\\/]|~[\\/]|[A-Za-z]:[\\/]|\\\\)/;
/** `/run/secrets/db_password`: absolute, words only, no `+` or `=` as in base64. */
const ABSOLUTE_PATH = /^(?:\/[\w.@-]+)+\/?$/;
/** Modular crypt format: bcrypt, argon2, scrypt, pbkdf2, md5-crypt, sha-crypt. */
const PASSWORD_HASH = /^\$(?:2[abxy]?|argon2(?:id|i|d)|scrypt|pbkdf2(?:-[\w]+)?|[156]|7|y|gy)\$/;
/**
 * Prefixes of keys that are meant to be public: Stripe publishable keys, Mapbox public tokens,
 * PostHog project API keys (`phc_`, which only send events; personal keys are `phx_`).
 */
const PUBLIC_BY_DESIGN = /^(?:pk_(?:live|test)_|pk\.ey|phc_)/;
/** The three parts of a JWT. */
const JWT_SHAPE = /^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** The JSON object a base64url part of a JWT decodes to, if it does. */
export function decodeJwtPart(part: string): Record<string, unknown> | undefined {
  try {
    const decoded = JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as unknown;
    return typeof decoded === "object" && decoded !== null && !Array.isArray(decoded)
      ? (decoded as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A JWT that is public by design: Supabase's `anon` key ships in every browser bundle (row-level
 * security guards the data). `service_role` keys are secrets.
 */
export function isPublicJwt(token: string): boolean {
  const payload = token.split(".")[1];
  return payload !== undefined && decodeJwtPart(payload)?.role === "anon";
}
/** An environment variable name. */
const ENV_VAR_NAME = /^[A-Z][A-Z0-9_]*$/;

function isPath(value: string): boolean {
  if (RELATIVE_OR_WINDOWS_PATH.test(value) || value.startsWith("file:")) return true;
  if (/^[\w.@/\\-]+$/.test(value) && FILE_EXTENSION.test(value) && /[A-Za-z0-9_-]\.[A-Za-z]+$/.test(value)) {
    return true;
  }
  // one-segment absolute paths must read as words: `/run`, not `/K7MDENGbPxRfiCY`
  if (!ABSOLUTE_PATH.test(value)) return false;
  const segments = value.split("/").filter((segment) => segment.length > 0);
  return segments.length >= 2 || /^[a-z0-9._@-]+$/.test(segments[0] ?? "");
}

function isEnvVarName(value: string): boolean {
  // `STRIPE_API_KEY` or `APIKEY` is a name; `K7Q2XM9PLR4T` (letters and digits, no underscore) is
  // how many keys look, so it is not
  return ENV_VAR_NAME.test(value) && (value.includes("_") || !/\d/.test(value));
}

/** Capitalised words joined by dashes, as labels write them: `App-Geheimnis`, `Palavra-passe`, `API-Key`. */
const DASHED_LABEL = /^(?=\p{Lu})(?:\p{Lu}+|\p{Lu}?\p{Ll}+)(?:-(?:\p{Lu}+|\p{Lu}?\p{Ll}+))*$/u;

function isLabel(text: string): boolean {
  // a label may end with a colon: `Passwort:`, `Senha:`
  const value = text.endsWith(":") ? text.slice(0, -1) : text;
  if (/^\p{Lu}\p{Ll}+$/u.test(value)) return true; // `Password`, `Passwort`, `Contraseña`
  // `Palavra-passe`, `App-Geheimnis`: dashed words, one of them a credential word of a translation
  if (DASHED_LABEL.test(value) && value.toLowerCase().split("-").some((word) => CREDENTIAL_WORDS_IN_OTHER_LANGUAGES.has(word))) {
    return true;
  }
  if (!/[^\p{ASCII}]/u.test(value)) return false;
  // words in a script other than ASCII: `パスワード`, `Пароль`, `mật-khẩu`; the numbered tags of
  // i18next's <Trans> (`<0>アカウント</0>`) are markup, not digits of the value
  const words = value.replace(/<\/?\d{1,2}>/g, "");
  return /\p{L}/u.test(words) && !/\d/.test(words);
}

interface NameShape {
  /** Lower-cased letters and digits of the name. */
  readonly compact: string;
  /** Lower-cased words of the name. */
  readonly words: readonly string[];
  /**
   * The last secret word of the name (`KEY` in `KEY_RAW`, `API_KEY_V2`), upper-cased without
   * trailing digits; the last word if it has none (`DATABASE_URL`).
   */
  readonly head: string;
  /** The head is generic and no strong word qualifies it. */
  readonly generic: boolean;
  /** The name says its value is a default or a fallback (`FALLBACK_JWT_SECRET`). */
  readonly holdsDefault: boolean;
}

function nameShape(name: string): NameShape {
  const segments = splitNameSegments(name).map((segment) => segment.replace(/(?<=\D)\d+$/, ""));
  const head = segments.findLast((segment) => DEFAULT_SECRET_WORDS.includes(segment)) ?? segments[segments.length - 1] ?? "";
  return {
    compact: lettersAndDigits(name),
    words: segments.map((segment) => segment.toLowerCase()),
    head,
    generic: GENERIC_HEADS.has(head) && !segments.some((segment) => STRONG_WORDS.has(segment)),
    holdsDefault: segments.some((segment) => DEFAULT_VALUE_WORDS.has(segment)),
  };
}

/**
 * Text with whitespace is a message or label unless it reads like a passphrase: two or three
 * lower-case words, none of them a word of the name or of an English sentence
 * (`"keyboard cat"`, not `"is required"`, `"Enter your password"`, `"invalid token"`).
 */
function isPassphrase(value: string, name: NameShape | undefined): boolean {
  if (!name || name.generic) return false;
  if (!/^[a-z0-9]+(?: [a-z0-9]+){1,2}$/.test(value)) return false;
  const words = value.split(" ");
  return !words.some((word) => MESSAGE_WORDS.has(word) || name.words.includes(word));
}

/**
 * Whether a literal value, assigned to `options.name` when given, is a credential. Placeholders
 * never are; with a name, neither are the names, labels, paths, URLs and messages that
 * secret-named variables hold in real code.
 */
export function classifySecretValue(value: string, options: SecretValueOptions = {}): SecretValueVerdict {
  const notSecret = (reason: NonCredentialReason): SecretValueVerdict => ({ secret: false, reason });
  const name = options.name === undefined ? undefined : nameShape(options.name);
  if (name && name.words.length === 1 && (name.head === "KEY" || name.head === "KEYS")) return notSecret("generic-name");

  const placeholder = placeholderReason(value, options);
  // `FALLBACK_JWT_SECRET = "changeme-please"` signs real tokens whenever the variable is unset
  if (placeholder && !(name?.holdsDefault === true && WORKING_STAND_INS.has(placeholder))) return notSecret(placeholder);

  const trimmed = value.trim();
  if (/\s/.test(trimmed) && !trimmed.includes("=") && !isPassphrase(trimmed, name)) return notSecret("message");
  if (URL_VALUE.test(trimmed)) return notSecret("url");
  if (PASSWORD_HASH.test(trimmed)) return notSecret("password-hash");
  if (isPath(trimmed)) return notSecret("path");
  if (PUBLIC_BY_DESIGN.test(trimmed) || (JWT_SHAPE.test(trimmed) && isPublicJwt(trimmed))) {
    return notSecret("public-by-design");
  }
  if (isEnvVarName(trimmed)) return notSecret("env-var-name");
  if (isLabel(trimmed)) return notSecret("label");

  const bare = withoutSurroundingPunctuation(trimmed);
  if (name && WORD_LIKE.test(bare)) {
    const words = valueWords(bare.replace(NUMERONYMS, (numeronym) => numeronym.replace(/\d/g, "")));
    if (lettersAndDigits(bare) === name.compact) return notSecret("names-itself");
    // a key path that ends in the name: `oidc.privateKeys` for `PrivateKeys`, `auth/clientSecret`
    const lastSegment = /[.:/]([^.:/]+)$/.exec(bare)?.[1];
    if (lastSegment !== undefined && lettersAndDigits(lastSegment) === name.compact) return notSecret("names-itself");
    if (words.every((word) => WORD.test(word))) {
      const namesCredential =
        words.some((word) => NAMING_WORDS.has(word)) ||
        words.some((word, index) => word === "api" && words[index + 1] === "key");
      if (namesCredential) return notSecret("names-credential");
      if (words.some((word) => STATUS_WORDS.has(word))) return notSecret("status-word");
      if (name.generic) return notSecret("lookup-value");
    }
  }
  if (credentialVocabularyOf(trimmed, name?.head) !== undefined) return notSecret("vocabulary");
  return { secret: true, reason: "credential" };
}

// ---- test files ----

/** Test files, by their name or their folder. */
const TEST_FILE_GLOBS: readonly string[] = [
  "**/*.test.*",
  "**/*.spec.*",
  // NestJS' generated end-to-end tests (`app.e2e-spec.ts`) and Detox's (`login.e2e.js`). Not
  // `*_test.*` (a Deno convention): `ab_test.ts` and `speed_test.ts` are features as often
  "**/*.e2e-spec.*",
  "**/*.e2e.*",
  "**/__tests__/**",
  "**/__mocks__/**",
  "**/__fixtures__/**",
  "**/test/**",
  "**/tests/**",
  "**/fixtures/**",
  "**/e2e/**",
  // Nx puts each app's end-to-end tests in a project of its own: `apps/web-e2e/`
  "**/*-e2e/**",
  "**/cypress/**",
];

/**
 * Configuration and setup files of test runners and of Storybook: code that runs the tests, not
 * the service. Only names that their tools give them (or that their docs use), so that a
 * module of the service never matches: `playwright.ts` may be a scraper, so Playwright counts
 * by its config files only.
 */
const TEST_TOOL_GLOBS: readonly string[] = [
  "**/playwright.config.*",
  "**/playwright.*.config.*",
  // vitest.config.ts, vitest.workspace.ts, vitest.setup.ts, vitest.e2e.config.ts; the same for Jest
  "**/vitest.*.*",
  "**/jest.*.*",
  "**/jest-setup.*",
  "**/.jest/**",
  "**/cypress.config.*",
  "**/karma.conf.*",
  "**/wdio.conf.*",
  "**/wdio.*.conf.*",
  // Create React App's, Angular's and Vitest's setup files
  "**/setupTests.*",
  "**/setup-tests.*",
  "**/test-setup.*",
  // Jest's, Vitest's and Playwright's `globalSetup` / `globalTeardown` files
  "**/global-setup.*",
  "**/globalSetup.*",
  "**/global-teardown.*",
  "**/globalTeardown.*",
  "**/.storybook/**",
];

/**
 * Globs of test files and test tool configs: values in them are test data
 * (`no-hardcoded-secret`'s `ignoreTestFiles`), and loading a `.env` file in them is test setup
 * (`no-env-file-loading`'s `ignoreTestFiles`).
 */
export const DEFAULT_TEST_FILE_PATTERNS: readonly string[] = [...TEST_FILE_GLOBS, ...TEST_TOOL_GLOBS];

/**
 * Developers' scripts and database tooling: code a person runs from a checkout (a one-off data
 * fix, a seed, a migration, an ORM's CLI config), not a service started by the platform. Loading
 * a `.env` file there is how such tools get a connection string (`no-env-file-loading`'s
 * `ignoreScripts`). Not test files: a secret hardcoded in a script is still one.
 */
export const DEFAULT_SCRIPT_PATTERNS: readonly string[] = [
  "**/scripts/**",
  "**/script/**",
  "**/seeds/**",
  "**/seeders/**",
  "**/seed.*",
  "**/*.seed.*",
  "**/migrations/**",
  // the configs of ORM and migration CLIs, which their CLIs load outside the service
  "**/drizzle.config.*",
  "**/knexfile.*",
  "**/ormconfig.*",
  "**/prisma.config.*",
  "**/mikro-orm.config.*",
];

/**
 * A matcher for test files, against POSIX paths relative to the working directory (see
 * `toPosixRelative`). Dotfiles and dot-directories match too.
 */
export function createTestFileMatcher(patterns: readonly string[] = DEFAULT_TEST_FILE_PATTERNS): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  return picomatch([...patterns], { dot: true });
}
