/**
 * The drift matcher: which two names are two spellings of one secret?
 *
 * It pairs each name that is read but declared nowhere with a name that is declared but read
 * nowhere (orphan with orphan: two names both in use are two secrets, never drift). Candidates
 * are ranked by how small the difference is, and the best pairs are taken first, so one name is
 * never paired twice and the result does not depend on input order.
 */
import { splitNameSegments } from "./classifier.js";
import { isPluralOf, OTHER_WORD_WITH_S } from "./plural.js";

/** How two names differ, from the closest kind of drift to the loosest. */
export type DriftKind =
  /** `DB_PASSWORD` / `db_password` / `dbPassword` / `DBPASSWORD` */
  | "case-or-separators"
  /** `SECRET_JWT` / `JWT_SECRET` */
  | "word-order"
  /** `SIGNING_SECRETS` / `SIGNING_SECRET`, `ALLOWED_ORIGINS` / `ALLOWED_ORIGIN` */
  | "plural"
  /** `DB_PASSWD` / `DATABASE_PASSWORD` */
  | "abbreviation"
  /** `STRIPE_SECERT_KEY` / `STRIPE_SECRET_KEY` */
  | "typo"
  /** `WEBHOOK_SECRET` / `STRIPE_WEBHOOK_SECRET` */
  | "extra-word";

export interface DriftPair {
  readonly read: string;
  readonly declared: string;
  readonly kind: DriftKind;
}

const KIND_RANK: Record<DriftKind, number> = {
  "case-or-separators": 0,
  "word-order": 1,
  plural: 2,
  abbreviation: 3,
  typo: 4,
  "extra-word": 5,
};

/** Words and their usual abbreviations; each group is one word. */
const ABBREVIATION_GROUPS: readonly (readonly string[])[] = [
  ["DATABASE", "DB"],
  ["PASSWORD", "PASSWD", "PWD", "PASS", "PW"],
  ["MILLISECONDS", "MS", "MILLIS"],
  ["SECONDS", "SECS", "SEC", "S"],
  ["MINUTES", "MINS", "MIN"],
  ["HOURS", "HRS", "HR"],
  ["ENVIRONMENT", "ENV"],
  ["CONNECTION", "CONN"],
  ["CONFIGURATION", "CONFIG", "CONF", "CFG"],
  ["AUTHENTICATION", "AUTH", "AUTHN"],
  ["AUTHORIZATION", "AUTHZ"],
  ["MESSAGE", "MSG"],
  ["PRODUCTION", "PROD"],
  ["DEVELOPMENT", "DEV"],
  ["ACCOUNT", "ACCT", "ACC"],
  ["SERVICE", "SVC", "SRV"],
  ["POSTGRES", "POSTGRESQL", "PG", "PSQL"],
  ["MONGODB", "MONGO"],
  ["CREDENTIALS", "CREDENTIAL", "CREDS", "CRED"],
  ["APPLICATION", "APP"],
  ["IDENTIFIER", "ID"],
  ["ADDRESS", "ADDR"],
  ["REPOSITORY", "REPO"],
  ["ORGANIZATION", "ORGANISATION", "ORG"],
  ["PRIVATE", "PRIV"],
  ["PUBLIC", "PUB"],
  ["TOKEN", "TOK"],
];

const CANONICAL_WORD = new Map<string, string>();
for (const group of ABBREVIATION_GROUPS) {
  for (const word of group) CANONICAL_WORD.set(word, group[0]!);
}

function canonicalWord(word: string): string {
  return CANONICAL_WORD.get(word) ?? word;
}

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  // Three rolling rows (the transposition looks two rows back), not the whole table: two names of
  // 40 000 characters used to need some 13 GB.
  let beforePrevious = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, column) => column);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let row = 1; row <= a.length; row++) {
    current[0] = row;
    for (let column = 1; column <= b.length; column++) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      let best = Math.min(previous[column]! + 1, current[column - 1]! + 1, previous[column - 1]! + cost);
      if (row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1]) {
        best = Math.min(best, beforePrevious[column - 2]! + 1);
      }
      current[column] = best;
    }
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length]!;
}

/**
 * Whether `editDistance(a, b) <= limit`, in time proportional to `limit` times the length: only
 * the diagonal band |row - column| <= limit of the table can hold values within the limit, so
 * every cell outside it is taken as `limit + 1`, and so is every larger value.
 */
function editDistanceAtMost(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  const cap = limit + 1;
  let beforePrevious = new Array<number>(b.length + 1).fill(cap);
  let previous = Array.from({ length: b.length + 1 }, (_, column) => Math.min(column, cap));
  let current = new Array<number>(b.length + 1).fill(cap);
  for (let row = 1; row <= a.length; row++) {
    const low = Math.max(1, row - limit);
    const high = Math.min(b.length, row + limit);
    current[low - 1] = low === 1 ? Math.min(row, cap) : cap;
    if (high < b.length) current[high + 1] = cap;
    for (let column = low; column <= high; column++) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      let best = Math.min(previous[column]! + 1, current[column - 1]! + 1, previous[column - 1]! + cost, cap);
      if (row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1]) {
        best = Math.min(best, beforePrevious[column - 2]! + 1);
      }
      current[column] = best;
    }
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length]! <= limit;
}

/**
 * A typo within one word: one edit in a short word, two in a long one; never between numbers, nor
 * between a word and the other word it makes with an S (`HTTP` / `HTTPS`).
 */
function isSmallEdit(a: string, b: string): boolean {
  if (/^\d+$/.test(a) || /^\d+$/.test(b)) return false;
  if ((OTHER_WORD_WITH_S.has(a) && b === a.slice(0, -1)) || (OTHER_WORD_WITH_S.has(b) && a === b.slice(0, -1))) return false;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 3) return false;
  return editDistanceAtMost(a, b, shorter >= 8 ? 2 : 1);
}

function sameMultiset(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sortedA = [...a].sort();
  const sortedB = [...b].sort();
  return sortedA.every((word, index) => word === sortedB[index]);
}

/** Removes one occurrence of each word of `small` from `large`; what is left over. */
function leftover(large: readonly string[], small: readonly string[]): string[] | undefined {
  const rest = [...large];
  for (const word of small) {
    const index = rest.indexOf(word);
    if (index === -1) return undefined;
    rest.splice(index, 1);
  }
  return rest;
}

/** How two names drift apart, or undefined when they are not two spellings of one secret. */
export function classifyDrift(a: string, b: string): DriftKind | undefined {
  if (a === b) return undefined;
  const wordsA = splitNameSegments(a);
  const wordsB = splitNameSegments(b);
  if (wordsA.length === 0 || wordsB.length === 0) return undefined;
  if (wordsA.join("") === wordsB.join("")) return "case-or-separators";
  if (sameMultiset(wordsA, wordsB)) return "word-order";
  if (wordsA.length === wordsB.length) {
    const differing = wordsA.flatMap((word, index) => (word === wordsB[index] ? [] : [index]));
    const [x, y] = differing.length === 1 ? [wordsA[differing[0]!]!, wordsB[differing[0]!]!] : [];
    if (x !== undefined && y !== undefined && (isPluralOf(x, y) || isPluralOf(y, x))) return "plural";
  }

  const canonicalA = wordsA.map(canonicalWord);
  const canonicalB = wordsB.map(canonicalWord);
  if (canonicalA.join("_") === canonicalB.join("_") || (canonicalA.length > 1 && sameMultiset(canonicalA, canonicalB))) {
    return "abbreviation";
  }

  if (wordsA.length === wordsB.length) {
    const differing = wordsA.flatMap((word, index) => (word === wordsB[index] ? [] : [index]));
    if (differing.length === 1 && isSmallEdit(wordsA[differing[0]!]!, wordsB[differing[0]!]!)) return "typo";
    return undefined;
  }

  // one word added or dropped, the rest in the same order: WEBHOOK_SECRET / STRIPE_WEBHOOK_SECRET
  const [longer, shorter] = canonicalA.length > canonicalB.length ? [canonicalA, canonicalB] : [canonicalB, canonicalA];
  if (longer.length !== shorter.length + 1 || shorter.length < 1) return undefined;
  for (let skip = 0; skip < longer.length; skip++) {
    const without = [...longer.slice(0, skip), ...longer.slice(skip + 1)];
    if (without.join("_") === shorter.join("_")) return "extra-word";
  }
  // the same, but with the words in another order
  const rest = leftover(longer, shorter);
  return rest?.length === 1 && shorter.length > 1 ? "extra-word" : undefined;
}

/**
 * Pairs orphan reads with orphan declarations. Each name is used at most once; the closest
 * pairs are taken first; ties are broken by name, so the output is deterministic.
 */
export function matchDrift(orphanReads: readonly string[], orphanDeclared: readonly string[]): DriftPair[] {
  // Each candidate's distance is computed once, not at every comparison of the sort.
  const candidates: Array<{ pair: DriftPair; distance: number }> = [];
  const reads = [...new Set(orphanReads)].sort();
  const declared = [...new Set(orphanDeclared)].sort();
  for (const read of reads) {
    for (const name of declared) {
      const kind = classifyDrift(read, name);
      if (kind) candidates.push({ pair: { read, declared: name, kind }, distance: editDistance(read, name) });
    }
  }
  candidates.sort(
    ({ pair: x, distance: dx }, { pair: y, distance: dy }) =>
      KIND_RANK[x.kind] - KIND_RANK[y.kind] ||
      dx - dy ||
      x.read.localeCompare(y.read) ||
      x.declared.localeCompare(y.declared),
  );
  const usedReads = new Set<string>();
  const usedDeclared = new Set<string>();
  const pairs: DriftPair[] = [];
  for (const { pair: candidate } of candidates) {
    if (usedReads.has(candidate.read) || usedDeclared.has(candidate.declared)) continue;
    usedReads.add(candidate.read);
    usedDeclared.add(candidate.declared);
    pairs.push(candidate);
  }
  return pairs.sort((x, y) => x.read.localeCompare(y.read));
}
