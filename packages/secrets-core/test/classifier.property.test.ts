/**
 * Property-based tests (fast-check) of the secret-name classifier and the drift matcher: random
 * and structured names never make them throw, and the invariants the rest of the suite relies on
 * (separator style and case do not matter, configuration always wins, drift is symmetric and
 * matching is order-independent) hold for every generated input, not only the tables.
 *
 * No fixed seeds: fast-check varies the seed per run and prints it (with the shrunk
 * counterexample) on failure; rerun with `{ seed, path }` from that report to reproduce.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  classifySecretName,
  DEFAULT_SECRET_WORDS,
  mayBeSecretName,
  QUALIFIER_WORDS,
  splitNameSegments,
  WELL_KNOWN_NON_SECRETS,
  type SecretNameReason,
} from "../src/classifier.js";
import { classifyDrift, matchDrift } from "../src/drift.js";

const SECRET_REASONS: ReadonlySet<SecretNameReason> = new Set([
  "secret-word",
  "connection-string",
  "secret-word-in-name",
  "configured-secret",
]);
const NON_SECRET_REASONS: ReadonlySet<SecretNameReason> = new Set([
  "configured-ignore",
  "public",
  "qualifier",
  "lookup-key",
  "diagnostic-switch",
  "no-secret-word",
]);

/** The characters `splitNameSegments` splits on. */
const SEPARATOR = /[\s_\-./:]/;

// ---------------------------------------------------------------- arbitraries

/** Fragments that exercise the splitter: separators, case boundaries, digits, non-ASCII. */
const nameFragment = fc.oneof(
  fc.constantFrom("_", "-", ".", "/", ":", " ", "\t", "\n", "__", "-_-", "\u00a0", "\u2028", "\ufeff"),
  fc.constantFrom("KEY", "Key", "key", "API", "Api", "APIKey", "SECRET", "TOKEN", "PASSWORD", "URL", "DB", "FILE"),
  fc.constantFrom("V2", "2", "64", "OLD", "PUBLIC", "PRIVATE", "TTL", "CACHE", "*", "ß", "ǅ", "ﬁ", "İ", "ŉ"),
  fc.string({ unit: "grapheme", maxLength: 6 }),
  fc.string({ unit: "binary", maxLength: 6 }),
);

/** Arbitrary strings of every flavour, including empty and separators only. */
const shortName = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.string({ unit: fc.constantFrom("_", "-", ".", "/", ":", " ", "\t", "\r\n", "\u3000") }),
  fc.array(nameFragment, { maxLength: 12 }).map((parts) => parts.join("")),
);

/**
 * The same, and now and then a very long one (built by repetition: generating 40 000 characters
 * one by one would cost more than classifying them).
 */
const anyName = fc.oneof(
  { weight: 20, arbitrary: shortName },
  {
    weight: 1,
    arbitrary: fc
      .tuple(shortName, fc.integer({ min: 50, max: 500 }), fc.string({ unit: "grapheme-ascii", maxLength: 10 }))
      .map(([part, times, tail]) => part.repeat(times) + tail),
  },
  // Long upper-case runs: the camelCase split once backtracked quadratically on these.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("A", "AB_", "Aa", "A_", "AAAAb"), fc.integer({ min: 10_000, max: 40_000 }), shortName)
      .map(([unit, times, tail]) => unit.repeat(Math.ceil(times / unit.length)) + tail),
  },
);

/** Words the classifier gives meaning to, so that generated names hit every branch. */
const VOCABULARY: readonly string[] = [
  ...DEFAULT_SECRET_WORDS,
  ...[...QUALIFIER_WORDS].slice(0, 60),
  "PUBLIC", "PUBLISHABLE", "PRIVATE", "DATABASE", "DB", "REDIS", "URL", "URI", "REST", "CONNECTION",
  "STRING", "CONN", "STR", "CACHE", "SORT", "STORAGE", "LOCAL", "SESSION", "AZURE", "FILE", "OLD",
  "NEW", "BASE", "PEM", "IN", "AT", "STRIPE", "API", "JWT", "GITHUB", "AWS", "ACCESS", "WEBHOOK",
  "MYSQL", "ALLOW", "EMPTY", "ROOT", "OLDPWD", "A", "B", "X", "P", "W", "D", "S",
];

/** One word segment: upper-case letters only (no digits, so style changes cannot move boundaries). */
const word = fc.oneof(fc.constantFrom(...VOCABULARY), fc.stringMatching(/^[A-Z]{1,8}$/));
const words = fc.array(word, { minLength: 1, maxLength: 6 });

const capitalize = (w: string): string => w[0]! + w.slice(1).toLowerCase();
const styles = {
  upperSnake: (ws: readonly string[]) => ws.join("_"),
  lowerKebab: (ws: readonly string[]) => ws.map((w) => w.toLowerCase()).join("-"),
  lowerDotted: (ws: readonly string[]) => ws.map((w) => w.toLowerCase()).join("."),
  camel: (ws: readonly string[]) => ws.map((w, i) => (i === 0 ? w.toLowerCase() : capitalize(w))).join(""),
  pascal: (ws: readonly string[]) => ws.map(capitalize).join(""),
};

/**
 * Where camelCase loses word boundaries: two one-letter words in a row become one upper-case run,
 * `["KEY","A","B"]` → `keyAB` → `KEY AB`. The splitter cannot know `AB` was two words, so the
 * invariant is only claimed for camel/Pascal names without such runs. In camelCase the first word
 * is lower-case and cannot join a run (`["A","B","CD"]` → `aBCd` → `A B CD`); in PascalCase it can
 * (`ABCd` → `AB CD`).
 */
function camelKeepsBoundaries(ws: readonly string[], fromIndex: 0 | 1): boolean {
  for (let i = fromIndex; i + 1 < ws.length; i++) {
    if (ws[i]!.length === 1 && ws[i + 1]!.length === 1) return false;
  }
  return true;
}

// ---------------------------------------------------------------- classifier

describe("classifySecretName: properties", () => {
  it("never throws on arbitrary strings and returns a known, consistent reason", () => {
    fc.assert(
      fc.property(anyName, (name) => {
        const verdict = classifySecretName(name);
        expect(SECRET_REASONS.has(verdict.reason) || NON_SECRET_REASONS.has(verdict.reason)).toBe(true);
        expect(verdict.secret).toBe(SECRET_REASONS.has(verdict.reason));
        expect(verdict.segments).toEqual(splitNameSegments(name));
      }),
      { numRuns: 500 },
    );
  });

  it("never throws with arbitrary options either", () => {
    const patterns = fc.array(fc.oneof(shortName, fc.constantFrom("*", "**", "*KEY*", "A*B", "*.*", "(*)", "[*]")), {
      maxLength: 4,
    });
    fc.assert(
      fc.property(anyName, patterns, patterns, fc.array(shortName, { maxLength: 3 }), (name, ignore, always, extra) => {
        const verdict = classifySecretName(name, { ignoreNames: ignore, alwaysSecret: always, secretWords: extra });
        expect(verdict.secret).toBe(SECRET_REASONS.has(verdict.reason));
      }),
      { numRuns: 300 },
    );
  });

  it("splitNameSegments gives non-empty, upper-case segments without separators", () => {
    fc.assert(
      fc.property(anyName, (name) => {
        // Plain checks, one assertion: a long name has thousands of segments.
        const bad = splitNameSegments(name).filter(
          (segment) => segment.length === 0 || segment !== segment.toUpperCase() || SEPARATOR.test(segment),
        );
        expect(bad).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("splitNameSegments recovers the words of UPPER_SNAKE, kebab, dotted and (with one exception) camelCase names", () => {
    fc.assert(
      fc.property(words, (ws) => {
        expect(splitNameSegments(styles.upperSnake(ws))).toEqual(ws);
        expect(splitNameSegments(styles.lowerKebab(ws))).toEqual(ws);
        expect(splitNameSegments(styles.lowerDotted(ws))).toEqual(ws);
        if (camelKeepsBoundaries(ws, 1)) expect(splitNameSegments(styles.camel(ws))).toEqual(ws);
        if (camelKeepsBoundaries(ws, 0)) expect(splitNameSegments(styles.pascal(ws))).toEqual(ws);
      }),
      { numRuns: 500 },
    );
  });

  it("the verdict does not depend on separator style or case for names made of words", () => {
    fc.assert(
      fc.property(words, (ws) => {
        const snake = styles.upperSnake(ws);
        const reference = classifySecretName(snake);
        const variants = [styles.lowerKebab(ws), styles.lowerDotted(ws), snake.toLowerCase()];
        if (camelKeepsBoundaries(ws, 1)) variants.push(styles.camel(ws));
        if (camelKeepsBoundaries(ws, 0)) variants.push(styles.pascal(ws));
        for (const variant of variants) {
          const verdict = classifySecretName(variant);
          // Exception, by design: WELL_KNOWN_NON_SECRETS are exact environment variable names
          // (`PWD`, `OLDPWD`, `MYSQL_ALLOW_EMPTY_PASSWORD`…), matched on the name as written; in
          // another spelling they are ordinary names (`pwd` has the head PWD, a secret word).
          if (WELL_KNOWN_NON_SECRETS.has(snake)) continue;
          expect({ variant, secret: verdict.secret, reason: verdict.reason }).toEqual({
            variant,
            secret: reference.secret,
            reason: reference.reason,
          });
        }
      }),
      { numRuns: 500 },
    );
  });

  it("the exceptions are real", () => {
    // one-letter words run together in camelCase
    expect(splitNameSegments("keyAB")).toEqual(["KEY", "AB"]);
    expect(splitNameSegments("ABCd")).toEqual(["AB", "CD"]);
    expect(classifySecretName("X_P_W_D").secret).toBe(false);
    expect(classifySecretName("xPWD").secret).toBe(true);
    // well-known names apply to their exact spelling only
    expect(classifySecretName("PWD").secret).toBe(false);
    expect(classifySecretName("pwd").secret).toBe(true);
    expect(classifySecretName("MYSQL_ALLOW_EMPTY_PASSWORD").secret).toBe(false);
    expect(classifySecretName("mysqlAllowEmptyPassword").secret).toBe(true);
  });

  it("mayBeSecretName is false only for names the classifier does not take for secrets", () => {
    const secretWords = fc.array(fc.oneof(fc.constantFrom("HMAC", "license", "Pepper", "ß"), fc.string({ maxLength: 4 })), {
      maxLength: 3,
    });
    fc.assert(
      fc.property(fc.oneof(anyName, words.map(styles.camel), words.map(styles.upperSnake)), secretWords, (name, extra) => {
        for (const options of [{}, { secretWords: extra }]) {
          if (classifySecretName(name, options).secret) expect(mayBeSecretName(name, options), name).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
    // and it does rule names out: most names of a program hold no secret word
    expect(mayBeSecretName("greeting")).toBe(false);
    expect(mayBeSecretName("className")).toBe(false);
    expect(mayBeSecretName("license", { secretWords: ["LICENSE"] })).toBe(true);
    expect(mayBeSecretName("greeting", { alwaysSecret: ["greeting"] })).toBe(true);
  });

  it("ignoreNames: [name] always gives non-secret, alwaysSecret: [name] always secret", () => {
    fc.assert(
      fc.property(fc.oneof(anyName, words.map(styles.upperSnake)), (name) => {
        const ignored = classifySecretName(name, { ignoreNames: [name] });
        expect(ignored).toMatchObject({ secret: false, reason: "configured-ignore" });
        const always = classifySecretName(name, { alwaysSecret: [name] });
        expect(always).toMatchObject({ secret: true, reason: "configured-secret" });
        // ignoreNames wins over alwaysSecret.
        expect(classifySecretName(name, { ignoreNames: [name], alwaysSecret: [name] }).secret).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------- drift

/** Names likely to drift into each other: a shared vocabulary, random styles, small typos. */
const DRIFT_WORDS = [
  "DB", "DATABASE", "PASSWORD", "PASSWD", "API", "KEY", "KEYS", "STRIPE", "SECRET", "SECERT", "JWT", "TOKEN",
  "WEBHOOK", "GITHUB", "ACCESS", "1", "2", "SECRETS", "TOKENS", "POLICY", "POLICIES", "ADDRESS", "ADDRES", "HTTP",
  "HTTPS", "MINS", "MINUTES",
];
const styleName = fc.constantFrom(...(Object.keys(styles) as (keyof typeof styles)[]));
const wordsName = fc
  .tuple(fc.array(fc.constantFrom(...DRIFT_WORDS), { minLength: 1, maxLength: 4 }), styleName)
  .map(([ws, style]) => styles[style](ws));
const driftName = fc.oneof(
  { weight: 5, arbitrary: wordsName },
  { weight: 5, arbitrary: shortName },
  // Long words, alike up to a typo: the distance table was once kept whole (out of memory).
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("A", "AB"), fc.integer({ min: 500, max: 3_000 }), fc.constantFrom("", "B", "BB", "_KEY"), wordsName)
      .map(([unit, times, typo, rest]) => `${typo}${unit.repeat(times).slice(typo.length)}_${rest}`),
  },
);

describe("classifyDrift and matchDrift: properties", () => {
  it("classifyDrift is symmetric and never pairs a name with itself", () => {
    fc.assert(
      fc.property(driftName, driftName, (a, b) => {
        expect(classifyDrift(a, b)).toBe(classifyDrift(b, a));
        expect(classifyDrift(a, a)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it("matchDrift uses each name at most once, pairs only drifting names, and ignores input order", () => {
    const names = fc.array(driftName, { maxLength: 8 });
    /** The list and a permutation of it (with some entries repeated: duplicates must not matter). */
    const withPermutation = names.chain((list) =>
      fc.tuple(
        fc.constant(list),
        fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
        fc.subarray(list),
      ),
    );
    fc.assert(
      fc.property(withPermutation, withPermutation, ([reads, readsShuffled, readsAgain], [declared, declaredShuffled]) => {
        const pairs = matchDrift(reads, declared);
        const pairedReads = pairs.map((pair) => pair.read);
        const pairedDeclared = pairs.map((pair) => pair.declared);
        expect(new Set(pairedReads).size).toBe(pairedReads.length);
        expect(new Set(pairedDeclared).size).toBe(pairedDeclared.length);
        for (const pair of pairs) {
          expect(reads).toContain(pair.read);
          expect(declared).toContain(pair.declared);
          expect(classifyDrift(pair.read, pair.declared)).toBe(pair.kind);
        }
        expect(matchDrift([...readsShuffled, ...readsAgain], declaredShuffled)).toEqual(pairs);
        expect(matchDrift([...reads].reverse(), [...declared].reverse())).toEqual(pairs);
      }),
      { numRuns: 300 },
    );
  });
});
