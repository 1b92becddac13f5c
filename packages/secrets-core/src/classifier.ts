/**
 * The one judgement of the suite: is an environment variable (or property) name a secret?
 *
 * The ESLint rules and the scanner both call `classifySecretName`, so a name is never a
 * secret for one tool and configuration for the other. Precision matters as much as recall:
 * a rule that cries wolf on `PASSWORD_MIN_LENGTH` or `CACHE_KEY` gets switched off.
 *
 * The approach: split the name into word segments and look at its *head*, the last word once
 * version tags, encodings and the Docker `_FILE` suffix are set aside. `STRIPE_API_KEY` is about
 * a key; `JWT_TOKEN_TTL` is about a duration.
 */
import { matchesNamePattern } from "./name-pattern.js";

/** Words that make a name a credential when they are its head. */
export const DEFAULT_SECRET_WORDS: readonly string[] = [
  "KEY",
  "KEYS",
  "APIKEY",
  "SECRETKEY",
  "TOKEN",
  "TOKENS",
  "AUTHTOKEN",
  "SECRET",
  "SECRETS",
  "PASSWORD",
  "PASSWORDS",
  "PASSWD",
  "PGPASSWORD",
  "PWD",
  "PASS",
  "PASSPHRASE",
  "CREDENTIAL",
  "CREDENTIALS",
  "SALT",
  "DSN",
];

/**
 * Words that make a name a credential wherever they stand, unless the head is a qualifier:
 * `SECRET_KEY_BASE`, `PASSWORD_PEPPER`. (`PRIVATE` followed by `KEY` is handled apart.)
 */
const ANYWHERE_WORDS: ReadonlySet<string> = new Set(["SECRET", "PASSWORD", "PASSWD", "PASSPHRASE"]);

/**
 * Heads that describe a secret rather than hold one: its lifetime, size, policy, header name,
 * where it is kept. `JWT_TOKEN_TTL`, `PASSWORD_MIN_LENGTH`, `API_KEY_HEADER`, `SECRET_ARN`.
 */
export const QUALIFIER_WORDS: ReadonlySet<string> = new Set([
  // time
  "TTL", "EXPIRY", "EXPIRES", "EXPIRE", "EXPIRATION", "EXP", "LIFETIME", "AGE", "TIMEOUT",
  "DURATION", "INTERVAL", "DELAY", "PERIOD", "WINDOW", "MS", "MILLIS", "SEC", "SECS", "SECOND",
  "SECONDS", "MIN", "MINS", "MINUTE", "MINUTES", "HOUR", "HOURS", "HRS", "DAY", "DAYS", "WEEKS",
  "ROTATION", "VALIDITY",
  // size and policy
  "LENGTH", "LEN", "SIZE", "MAX", "MAXIMUM", "MINIMUM", "COUNT", "LIMIT", "RETRIES", "ATTEMPTS",
  "ROUNDS", "ITERATIONS", "COST", "STRENGTH", "COMPLEXITY", "POLICY", "REGEX", "PATTERN", "RULES",
  "THRESHOLD", "BITS", "HISTORY",
  // what a password policy demands: PASSWORD_REQUIRE_UPPERCASE, PASSWORD_REQUIRE_SPECIAL_CHARS
  "UPPERCASE", "LOWERCASE", "NUMBER", "NUMBERS", "DIGIT", "DIGITS", "SPECIAL", "SYMBOL", "SYMBOLS",
  "CHARS", "CHARACTERS",
  // switches
  "ENABLED", "DISABLED", "ENABLE", "DISABLE", "REQUIRED", "OPTIONAL", "ALLOWED", "FLAG", "MODE",
  "STRATEGY", "ON", "OFF", "CHECK", "VALIDATION", "VERIFY", "VERIFICATION",
  "DUMMY", // Rails' SECRET_KEY_BASE_DUMMY=1
  // diagnostics of a tool that handles secrets: SECRET_SCANNER_DEBUG, VAULT_SECRET_LOG_LEVEL
  "DEBUG", "VERBOSE", "LEVEL", "LOGGING", "TRACE", "SILENT", "QUIET",
  // names and shapes of a secret, not the secret
  "HEADER", "HEADERS", "NAME", "NAMES", "PREFIX", "SUFFIX", "FIELD", "PARAM", "PARAMETER", "QUERY",
  "COOKIE", "TYPE", "KIND", "FORMAT", "ENCODING", "ALGORITHM", "ALGORITHMS", "ALG", "CIPHER",
  "ISSUER", "AUDIENCE", "SCOPE", "SCOPES", "CLAIM", "CLAIMS", "VERSION", "LABEL", "TAG", "ID",
  "IDS", "ARN", "ALIAS", "REF", "HINT", "DESCRIPTION", "LOCATION", "PATH", "DIR", "DIRECTORY",
  "FOLDER", "URL", "URI", "ENDPOINT", "HOST", "HOSTNAME", "PORT", "REGION", "ZONE", "ACCOUNT",
  "BUCKET", "NAMESPACE", "PROJECT",
  // where secrets come from
  "BACKEND", "PROVIDER", "MANAGER", "RESOLVER", "STORE", "SOURCE", "SERVICE", "ENGINE", "ROLE",
  "USER", "USERNAME", "LOGIN", "EMAIL", "FROM",
  // a reset flow, a form field
  "RESET", "CHANGE", "HASHER", "HASHING", "INPUT", "LINK", "PAGE", "ROUTE",
  "TEMPLATE", "SUBJECT", "MESSAGE", "TEXT",
]);

/**
 * Segments set aside at the end of a name before the head is taken: the Docker `_FILE`
 * convention, version and rotation tags, encodings.
 */
const TRAILING_TAGS: ReadonlySet<string> = new Set([
  "FILE",
  "OLD", "NEW", "PREV", "PREVIOUS", "CURRENT", "LEGACY", "NEXT", "PRIMARY", "SECONDARY",
  "BASE64", "B64", "PEM", "HEX", "JSON", "RAW", "ENCODED", "ENC", "ENCRYPTED", "DER",
  "CONTENT", "CONTENTS",
  "DEV", "PROD", "PRODUCTION", "STAGING", "TEST", "LIVE", "SANDBOX",
  // pooled, direct and no-SSL variants of one connection string (Neon, Vercel Postgres)
  "POOLED", "UNPOOLED", "POOLING", "NON", "NO", "SSL",
]);

/**
 * Words before a head `KEY` that make the key a lookup key, not a credential. Not `EVENT` nor
 * `REDIS`: `INNGEST_EVENT_KEY` and `AZURE_REDIS_KEY` are credentials.
 */
const NON_CREDENTIAL_KEY_MODIFIERS: ReadonlySet<string> = new Set([
  "CACHE", "SORT", "PRIMARY", "PARTITION", "IDEMPOTENCY", "FOREIGN", "COMPOSITE", "UNIQUE",
  "LOOKUP", "RANGE", "ROUTING", "DEDUPE", "DEDUPLICATION", "OBJECT", "QUERY",
  "TRANSLATION", "I18N", "MESSAGE", "SHORTCUT", "HOT", "HOTKEY", "TOGGLE", "MAP",
  "DICT", "ROW", "COLUMN", "INDEX", "SHARD", "GROUP", "LOCK", "QUEUE", "FLAG",
  "FEATURE", "PUB", "ANON", "SITE", "PATH", "NAME", "ENUM", "CONFIG", "SETTINGS",
]);

/**
 * Verbs that, first in a two-word name with a plural head, make the name a switch of what a tool
 * shows: the yaml parser's `LOG_TOKENS` logs its lexer's tokens. A singular head stays a
 * credential (`LOG_TOKEN` can be a log service's token).
 */
const DIAGNOSTIC_VERBS: ReadonlySet<string> = new Set(["LOG", "DEBUG", "PRINT", "SHOW", "DUMP", "TRACE", "DISPLAY", "REDACT", "MASK", "HIDE"]);
const PLURAL_SECRET_WORDS: ReadonlySet<string> = new Set(["KEYS", "TOKENS", "SECRETS", "PASSWORDS", "CREDENTIALS"]);

/**
 * Before a head `STORAGE KEY` the storage may be a cloud account (`AZURE_STORAGE_KEY` is a
 * credential) or the browser (`LOCAL_STORAGE_KEY` is a key name). Only these make it a name.
 */
const BROWSER_STORAGE_WORDS: ReadonlySet<string> = new Set(["LOCAL", "SESSION", "LOCALSTORAGE"]);

/** Segments that mark a value as public by design. */
const PUBLIC_WORDS: ReadonlySet<string> = new Set(["PUBLIC", "PUBLISHABLE", "PUBKEY"]);

/**
 * Datastores whose connection URL carries a user and password, and services whose URL is
 * itself the credential.
 */
const CONNECTION_STORES: ReadonlySet<string> = new Set([
  "DATABASE", "DB", "REDIS", "MONGO", "MONGODB", "AMQP", "RABBITMQ", "RABBIT", "POSTGRES",
  "POSTGRESQL", "PG", "PSQL", "MYSQL", "MARIADB", "MSSQL", "SQLSERVER", "COCKROACH",
  "COCKROACHDB", "CLICKHOUSE", "BROKER", "SMTP", "DIRECT", "NEO4J", "CASSANDRA", "COUCHDB",
  "COUCHBASE", "MEMGRAPH", "VALKEY", "NATS", "MQTT", "CLOUDAMQP",
  "KV", // Vercel KV's KV_URL is a rediss:// URL with its password
  // CLOUDINARY_URL is cloudinary://key:secret@cloud; whoever holds an incoming-webhook URL
  // (SLACK_WEBHOOK_URL, DISCORD_WEBHOOK_URL) can post as the app
  "CLOUDINARY", "WEBHOOK",
]);

/** Words between a store and its URL that mean "a web endpoint of the store", not its DSN. */
const WEB_ENDPOINT_WORDS: ReadonlySet<string> = new Set([
  "REST", "HTTP", "HTTPS", "API", "UI", "DASHBOARD", "ADMIN", "CONSOLE", "WEB", "STUDIO",
]);

/**
 * Names that look like secrets but are set by shells and CI systems for everyone, or are yes/no
 * switches of the official database images.
 */
export const WELL_KNOWN_NON_SECRETS: ReadonlySet<string> = new Set([
  "PWD", "OLDPWD",
  "MYSQL_ALLOW_EMPTY_PASSWORD", "MYSQL_RANDOM_ROOT_PASSWORD", "MARIADB_ALLOW_EMPTY_ROOT_PASSWORD",
  "MARIADB_RANDOM_ROOT_PASSWORD", "ALLOW_EMPTY_PASSWORD",
]);

/**
 * Products whose names run a secret word into one word (`LastPass`, `1Password`): a brand, not a
 * password. Compared by letters and digits, lower case, so that every spelling is one name.
 * `enum PasskeyProvider { LastPass = "b78a0a55-…" }` maps the product to an authenticator id.
 */
const PRODUCT_NAMES: ReadonlySet<string> = new Set([
  "1password", "onepassword", "lastpass", "nordpass", "protonpass", "keepass", "keepassxc", "keepassdx",
  "keepassium", "applepasswords", "ipasswords", "stickypassword", "rememberthepassword",
]);

/**
 * Fragments that every secret name holds once upper-cased: each secret word and connection-string
 * head contains one. A name without any is not a secret (unless `alwaysSecret` says so), which a
 * rule can learn without splitting the name.
 */
const SECRET_NAME_FRAGMENTS = /KEY|TOKEN|SECRET|PASS|PWD|CREDENTIAL|SALT|DSN|URL|URI|CONN/;
/**
 * The same on the name as written: for ASCII, ignoring case is upper-casing. (Not beyond:
 * `"paß".toUpperCase()` is `PASS`, which no case-insensitive test finds.)
 */
const SECRET_NAME_FRAGMENTS_ANY_CASE = new RegExp(SECRET_NAME_FRAGMENTS.source, "i");
/** A fragment in any case, or a character beyond ASCII: one scan rules out most names. */
const FRAGMENT_OR_NON_ASCII = new RegExp(`${SECRET_NAME_FRAGMENTS.source}|[^\\x00-\\x7f]`, "i");

/**
 * Whether `name` may be a secret: `false` only when `classifySecretName(name, options)` is sure
 * to say it is not. Much cheaper than the classification (no split, and for an ASCII name no
 * allocation at all), for callers that ask about every name of a file.
 */
export function mayBeSecretName(name: string, options: ClassifierOptions = {}): boolean {
  if ((options.alwaysSecret?.length ?? 0) > 0) return true;
  if (FRAGMENT_OR_NON_ASCII.test(name)) {
    if (SECRET_NAME_FRAGMENTS_ANY_CASE.test(name) || SECRET_NAME_FRAGMENTS.test(name.toUpperCase())) return true;
  }
  const secretWords = options.secretWords ?? [];
  if (secretWords.length === 0) return false;
  const upper = name.toUpperCase();
  return secretWords.some((word) => word !== "" && upper.includes(word.toUpperCase()));
}

export type SecretNameReason =
  /** The head is a secret word (`STRIPE_API_KEY`). */
  | "secret-word"
  /** A credential-bearing connection string (`DATABASE_URL`, `AZURE_..._CONNECTION_STRING`). */
  | "connection-string"
  /** `SECRET`, `PASSWORD` or `PRIVATE_KEY` away from the head (`SECRET_KEY_BASE`). */
  | "secret-word-in-name"
  /** Listed in `alwaysSecret`. */
  | "configured-secret"
  /** Not a secret: listed in `ignoreNames`. */
  | "configured-ignore"
  /** Not a secret: a PUBLIC or PUBLISHABLE segment. */
  | "public"
  /** Not a secret: the head qualifies a secret (`JWT_TOKEN_TTL`). */
  | "qualifier"
  /** Not a secret: a lookup key (`CACHE_KEY`). */
  | "lookup-key"
  /** Not a secret: a switch that makes a tool show its secrets (`LOG_TOKENS`, `DEBUG_SECRETS`). */
  | "diagnostic-switch"
  /** Not a secret: no secret word. */
  | "no-secret-word";

export interface SecretNameVerdict {
  readonly secret: boolean;
  readonly reason: SecretNameReason;
  /** Upper-cased word segments the verdict was made on. */
  readonly segments: readonly string[];
}

export interface ClassifierOptions {
  /** Extra head words that make a name secret, e.g. `["HMAC", "LICENSE"]`. Case-insensitive. */
  readonly secretWords?: readonly string[];
  /** Names (exact, or globs with `*`) that are always secrets. */
  readonly alwaysSecret?: readonly string[];
  /** Names (exact, or globs with `*`) that are never secrets. */
  readonly ignoreNames?: readonly string[];
}

/**
 * Splits a name into upper-cased word segments on `_ - . /` and camelCase boundaries:
 * `STRIPE_API_KEY` and `stripeApiKey` both give `STRIPE API KEY`; `APIKey` gives `API KEY`.
 */
export function splitNameSegments(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    // A lookahead, not `([A-Z]+)([A-Z][a-z])`: that backtracks over every upper-case run and
    // took seconds on a name of 50 000 capitals. Same split: `APIKey` → `API Key`.
    .replace(/([A-Z])(?=[A-Z][a-z])/g, "$1 ")
    .split(/[\s_\-./:]+/)
    .filter((segment) => segment.length > 0)
    .map((segment) => segment.toUpperCase());
}

/** A segment without trailing digits (`KEY2` → `KEY`), unless it is all digits. */
function withoutTrailingDigits(segment: string): string {
  const stripped = segment.replace(/\d+$/, "");
  return stripped.length > 0 ? stripped : segment;
}

/** Little words that end a qualifier phrase: `TOKEN_EXPIRES_IN`, `KEY_ROTATED_AT`. */
const TRAILING_CONNECTORS: ReadonlySet<string> = new Set(["IN", "AT", "AFTER"]);

function isTrailingTag(segment: string): boolean {
  return (
    TRAILING_TAGS.has(segment) ||
    TRAILING_CONNECTORS.has(segment) ||
    /^\d+$/.test(segment) ||
    /^V\d+$/.test(segment)
  );
}

/** The segments that end the name once trailing tags are set aside (at least one is kept). */
function stripTrailingTags(segments: readonly string[]): string[] {
  const kept = [...segments];
  while (kept.length > 1 && isTrailingTag(kept[kept.length - 1]!)) kept.pop();
  return kept.map(withoutTrailingDigits);
}

function isConnectionString(segments: readonly string[]): boolean {
  const head = segments[segments.length - 1]!;
  const beforeHead = segments[segments.length - 2];
  // AZURE_STORAGE_CONNECTION_STRING, SQL_CONNSTR, DB_CONN_STRING
  if (head === "CONNECTIONSTRING" || head === "CONNSTR") return true;
  if ((head === "STRING" || head === "STR") && (beforeHead === "CONNECTION" || beforeHead === "CONN")) {
    return true;
  }
  // DATABASE_URL, SHADOW_DATABASE_URL, POSTGRES_PRISMA_URL, CELERY_BROKER_URL;
  // not UPSTASH_REDIS_REST_URL (an HTTP endpoint) nor REDIS_HOST.
  if (head !== "URL" && head !== "URI" && head !== "URLS") return false;
  for (let index = segments.length - 2; index >= 0; index--) {
    const segment = segments[index]!;
    if (WEB_ENDPOINT_WORDS.has(segment)) return false;
    if (CONNECTION_STORES.has(segment)) return true;
  }
  return false;
}

function isLookupKey(segments: readonly string[]): boolean {
  const modifier = segments[segments.length - 2];
  if (modifier === undefined) return false;
  if (modifier === "STORAGE") {
    const before = segments[segments.length - 3];
    return before !== undefined && BROWSER_STORAGE_WORDS.has(before);
  }
  return NON_CREDENTIAL_KEY_MODIFIERS.has(modifier);
}

function hasPrivateKey(segments: readonly string[]): boolean {
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    if (segment === "PRIVATEKEY") return true;
    if (segment === "PRIVATE" && withoutTrailingDigits(segments[index + 1] ?? "") === "KEY") return true;
  }
  return false;
}

/**
 * Decides whether `name` is a secret. Pure and cheap: no regex per call beyond the split,
 * so rules can call it on every env read.
 */
export function classifySecretName(name: string, options: ClassifierOptions = {}): SecretNameVerdict {
  const segments = splitNameSegments(name);
  const verdict = (secret: boolean, reason: SecretNameReason): SecretNameVerdict => ({ secret, reason, segments });

  if (options.ignoreNames?.some((pattern) => matchesNamePattern(name, pattern))) {
    return verdict(false, "configured-ignore");
  }
  if (options.alwaysSecret?.some((pattern) => matchesNamePattern(name, pattern))) {
    return verdict(true, "configured-secret");
  }
  if (segments.length === 0 || WELL_KNOWN_NON_SECRETS.has(name)) return verdict(false, "no-secret-word");
  // a product's name is one word, whatever a camelCase split makes of it
  if (PRODUCT_NAMES.has(segments.join("").toLowerCase().replace(/[^a-z0-9]/g, ""))) {
    return verdict(false, "no-secret-word");
  }
  if (segments.some((segment) => PUBLIC_WORDS.has(segment))) return verdict(false, "public");

  const core = stripTrailingTags(segments);
  const head = core[core.length - 1]!;
  const extraWords = options.secretWords?.map((word) => word.toUpperCase()) ?? [];

  if (DEFAULT_SECRET_WORDS.includes(head) || extraWords.includes(head)) {
    if ((head === "KEY" || head === "KEYS") && isLookupKey(core)) return verdict(false, "lookup-key");
    if (core.length === 2 && DIAGNOSTIC_VERBS.has(core[0]!) && PLURAL_SECRET_WORDS.has(head)) return verdict(false, "diagnostic-switch");
    return verdict(true, "secret-word");
  }
  if (isConnectionString(core)) return verdict(true, "connection-string");
  if (QUALIFIER_WORDS.has(head)) return verdict(false, "qualifier");
  if (core.some((segment) => ANYWHERE_WORDS.has(segment)) || hasPrivateKey(core)) {
    return verdict(true, "secret-word-in-name");
  }
  return verdict(false, "no-secret-word");
}

/** Shorthand for `classifySecretName(name, options).secret`. */
export function isSecretName(name: string, options?: ClassifierOptions): boolean {
  return classifySecretName(name, options).secret;
}
