/**
 * Whether one word of a name is the plural of another (`SECRETS` / `SECRET`, `POLICIES` / `POLICY`,
 * `ALIASES` / `ALIAS`): the drift matcher's `plural` kind. English plurals by their spelling, with
 * the words of configuration names that end like a plural but are not one (`HTTPS`, `STATUS`,
 * `REDIS`, `ADDRESS`) kept apart: `HTTP_PORT` and `HTTPS_PORT` are two settings.
 */

/**
 * Words that are another word and an S, and name another thing: the secure variant of a protocol
 * (`HTTPS` is not more than one `HTTP`, nor a typo of it), a JSON Web Key Set (`JWKS`), NATS.
 */
export const OTHER_WORD_WITH_S: ReadonlySet<string> = new Set([
  "HTTPS",
  "FTPS",
  "SMTPS",
  "LDAPS",
  "IMAPS",
  "AMQPS",
  "MQTTS",
  "RTMPS",
  "JWKS",
  "NATS",
]);

/**
 * Words that end like a plural of a shorter word but are none: `OTHER_WORD_WITH_S`, names of
 * things, and singular words ending in -S that the spelling rules do not already exclude (those
 * ending in -SS, -US and -IS are excluded by rule).
 */
export const NOT_PLURALS: ReadonlySet<string> = new Set([
  ...OTHER_WORD_WITH_S,
  // names of things
  "CORS",
  "POSTGRES",
  "KUBERNETES",
  "THANOS",
  "CHAOS",
  "SAAS",
  "PAAS",
  "IAAS",
  // rates: per second
  "IOPS",
  "KBPS",
  "MBPS",
  "GBPS",
  // singular words
  "ALIAS",
  "ATLAS",
  "CANVAS",
  "BIAS",
  "NEWS",
  "SERIES",
  "SPECIES",
]);

/** Two-letter words whose plural is common in names: `ALLOWED_IPS`, `USER_IDS`. Other two-letter words ending in -S are acronyms (`TLS`, `AWS`, `DNS`, `SMS`). */
const SHORT_WORDS_WITH_PLURAL: ReadonlySet<string> = new Set(["ID", "IP"]);

const VOWELS = new Set(["A", "E", "I", "O", "U"]);

/** Whether `plural` is the plural of `singular` (both one upper-case word of a name). */
export function isPluralOf(plural: string, singular: string): boolean {
  return !NOT_PLURALS.has(plural) && hasPluralSpelling(plural, singular);
}

/** Whether `plural` is spelled as the plural of `singular`, by the rules alone (no `NOT_PLURALS`). */
export function hasPluralSpelling(plural: string, singular: string): boolean {
  if (!/^[A-Z]+$/.test(plural) || !/^[A-Z]+$/.test(singular)) return false;
  if (singular.length < 3 && !SHORT_WORDS_WITH_PLURAL.has(singular)) return false;
  // POLICY → POLICIES, ENTRY → ENTRIES (but KEY → KEYS: a vowel before the Y)
  if (plural === `${singular.slice(0, -1)}IES`) return singular.endsWith("Y") && !VOWELS.has(singular.at(-2)!);
  // ALIAS → ALIASES, ADDRESS → ADDRESSES, BOX → BOXES, HASH → HASHES, BATCH → BATCHES
  if (plural === `${singular}ES` && /(?:S|X|Z|CH|SH)$/.test(singular)) return true;
  // PORT → PORTS, EPOCH → EPOCHS; never ADDRES → ADDRESS, STATU → STATUS, REDI → REDIS: a word
  // ending in -SS, -US or -IS is singular; nor BOXS, POLICYS: those take -ES, -IES
  return (
    plural === `${singular}S` &&
    !/(?:S|X|Z|SH)$/.test(singular) &&
    !(singular.endsWith("Y") && !VOWELS.has(singular.at(-2)!)) &&
    !/(?:US|IS)$/.test(plural)
  );
}
