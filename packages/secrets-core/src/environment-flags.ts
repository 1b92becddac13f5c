/**
 * The names of deployment environments, and of the flags and variables that tell them apart:
 * what makes a condition such as `isProd`, `import.meta.env.DEV` or
 * `process.env.NODE_ENV !== "production"` depend on the environment the code runs in. The ESLint
 * rule `secrets/no-secret-fallback` uses it to find a secret that outside production is a value
 * written in the code (`isProd ? getSecret("CSRF_SECRET") : "local"`).
 */
import { splitNameSegments } from "./classifier.js";

/** Names of deployment environments, as flags and `NODE_ENV`-style values spell them. */
export const ENVIRONMENT_NAMES: readonly string[] = [
  "PRODUCTION", "PROD", "DEVELOPMENT", "DEV", "TEST", "TESTING", "LOCAL", "STAGING", "CI", "PREVIEW",
];

/**
 * Values so plainly environment names that a comparison with them is an environment test
 * whatever is compared (`target === "production"`); `"test"` or `"local"` need a variable that
 * holds the environment (`NODE_ENV === "test"`).
 */
export const UNAMBIGUOUS_ENVIRONMENT_NAMES: readonly string[] = ["PRODUCTION", "DEVELOPMENT"];

/** The last word of a variable that holds the environment's name: `NODE_ENV`, `APP_ENV`, `mode`, `stage`. */
export const ENVIRONMENT_SELECTOR_WORDS: readonly string[] = ["ENV", "ENVIRONMENT", "MODE", "STAGE"];

/** Words a flag may begin with: `isProd`, `inProduction`, `IS_NOT_PRODUCTION`. */
const FLAG_PREFIX_WORDS: ReadonlySet<string> = new Set(["IS", "IN", "NOT", "ON"]);
/** Words a flag may end with: `isDevEnv`, `devMode`, `IS_PRODUCTION_BUILD`. */
const FLAG_SUFFIX_WORDS: ReadonlySet<string> = new Set(["ENV", "ENVIRONMENT", "MODE", "BUILD"]);
/** Words that join environment names in one flag: `isDevOrTest`. */
const JOINING_WORDS: ReadonlySet<string> = new Set(["OR", "AND"]);

const environmentNames: ReadonlySet<string> = new Set(ENVIRONMENT_NAMES);
const selectorWords: ReadonlySet<string> = new Set(ENVIRONMENT_SELECTOR_WORDS);
const unambiguousNames: ReadonlySet<string> = new Set(UNAMBIGUOUS_ENVIRONMENT_NAMES);

/**
 * Whether a name is a flag of the environment: `isProd`, `IS_PRODUCTION`, `__DEV__`, `dev`,
 * `inProduction`, `isDevOrTest`, `devMode`, `PROD` (`import.meta.env.PROD`), `CI`. The words must
 * be environment names, with at most a leading `is`/`in`/`not` and a trailing `env`/`mode`/`build`:
 * `isDevice`, `testUser` or `devKey` are not flags.
 */
export function isEnvironmentFlagName(name: string): boolean {
  const words = splitNameSegments(name);
  let start = 0;
  while (start < words.length && FLAG_PREFIX_WORDS.has(words[start]!)) start++;
  let end = words.length;
  if (end - start > 1 && FLAG_SUFFIX_WORDS.has(words[end - 1]!)) end--;
  if (start >= end) return false;
  for (let index = start; index < end; index++) {
    const word = words[index]!;
    const expected = (index - start) % 2 === 0 ? environmentNames.has(word) : JOINING_WORDS.has(word);
    if (!expected) return false;
  }
  return (end - start) % 2 === 1; // a name, not a dangling "or"
}

/** Whether a variable (or option) holds the environment's name: `NODE_ENV`, `APP_ENV`, `env`, `mode`. */
export function isEnvironmentSelectorName(name: string): boolean {
  const words = splitNameSegments(name);
  const last = words[words.length - 1];
  return last !== undefined && selectorWords.has(last);
}

/**
 * Whether `value`, compared with `selector` (the name of what it is compared with, if known),
 * makes an environment test: `NODE_ENV === "test"`, `mode !== "development"`, and any comparison
 * with `"production"` or `"development"`.
 */
export function isEnvironmentComparison(value: string, selector: string | undefined): boolean {
  const word = value.toUpperCase();
  if (!environmentNames.has(word)) return false;
  return unambiguousNames.has(word) || (selector !== undefined && isEnvironmentSelectorName(selector));
}
