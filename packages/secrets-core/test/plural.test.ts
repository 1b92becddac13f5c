import { describe, expect, it } from "vitest";
import { hasPluralSpelling, isPluralOf, NOT_PLURALS } from "../src/plural.js";

describe("isPluralOf", () => {
  it.each([
    ["SECRETS", "SECRET"],
    ["KEYS", "KEY"],
    ["PORTS", "PORT"],
    ["DAYS", "DAY"],
    ["POLICIES", "POLICY"],
    ["ENTRIES", "ENTRY"],
    ["PROXIES", "PROXY"],
    ["ALIASES", "ALIAS"],
    ["ADDRESSES", "ADDRESS"],
    ["STATUSES", "STATUS"],
    ["BOXES", "BOX"],
    ["HASHES", "HASH"],
    ["BATCHES", "BATCH"],
    ["IDS", "ID"],
    ["IPS", "IP"],
    ["URLS", "URL"],
  ])("%s is the plural of %s", (plural, singular) => {
    expect(isPluralOf(plural, singular)).toBe(true);
    expect(isPluralOf(singular, plural)).toBe(false);
  });

  it.each([
    ["ADDRESS", "ADDRES"], // a word ending in -SS is singular
    ["STATUS", "STATU"], // -US
    ["REDIS", "REDI"], // -IS
    ["ALIAS", "ALIA"],
    ["HTTPS", "HTTP"],
    ["JWKS", "JWK"],
    ["CORS", "COR"],
    ["POSTGRES", "POSTGRE"],
    ["TLS", "TL"], // two-letter acronyms
    ["AWS", "AW"],
    ["DNS", "DN"],
    ["OS", "O"],
    ["KEYES", "KEY"],
    ["KEIES", "KEY"], // a vowel before the Y: KEYS
    ["POLICYS", "POLICY"],
    ["BOXS", "BOX"],
    ["K8SS", "K8S"],
    ["SECRETS", "SECRETS"],
  ])("%s is not the plural of %s", (plural, singular) => {
    expect(isPluralOf(plural, singular)).toBe(false);
  });

  it("NOT_PLURALS holds only words the spelling rules would take for a plural", () => {
    const spelledAsPlural = (word: string) =>
      hasPluralSpelling(word, word.slice(0, -1)) || hasPluralSpelling(word, word.slice(0, -2));
    expect([...NOT_PLURALS].filter((word) => !spelledAsPlural(word))).toEqual([]);
  });
});
