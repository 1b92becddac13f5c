/**
 * Which file names are env examples by default: the names repositories give to the committed list
 * of the variables an application needs (`.env.example`, `example.env`, `apps/web/.env.local.example`…),
 * and never the names of the files that hold real values (`.env`, `.env.local`, `.env.production`).
 *
 * A rule over the words of the name rather than a list of globs, because repositories combine the
 * same few words in many ways: `.env.example`, `.env-example`, `.env_example`, `env.example`,
 * `.env.local.example`, `.env.example.local`, `api.env.example`, `.example.env`, `sample.env`...
 * (each of these is held by thousands of public repositories).
 */

/** The words that make a name an example: what is left once you copy it to `.env`. */
const EXAMPLE_WORDS: ReadonlySet<string> = new Set(["example", "sample", "template", "dist"]);

/**
 * The example words that also come before `env` (`example.env`, `.sample.env`). Not `dist`: a
 * `dist.env` is more likely a build's environment than Symfony's `.env.dist`.
 */
const EXAMPLE_WORDS_BEFORE_ENV: ReadonlySet<string> = new Set(["example", "sample", "template"]);

/**
 * Words that may follow the example word: the environment the example is for
 * (`.env.example.local`, `.env.sample.production`). Any other word after it (`.env.example.bak`,
 * `.env.example.old`) makes the file something else than the example in use.
 */
const STAGE_WORDS: ReadonlySet<string> = new Set([
  "local",
  "dev",
  "development",
  "test",
  "testing",
  "stage",
  "staging",
  "prod",
  "production",
]);

/**
 * Words that name another file format: `env.json.example` or `.env.example.yml` hold JSON or YAML,
 * which dotenv's grammar would read as one parse error per line.
 */
const FORMAT_WORDS: ReadonlySet<string> = new Set([
  "json",
  "jsonc",
  "json5",
  "yaml",
  "yml",
  "toml",
  "ini",
  "xml",
  "md",
  "txt",
  "sh",
  "bash",
  "zsh",
  "ps1",
  "bat",
  "cmd",
  "js",
  "cjs",
  "mjs",
  "ts",
  "cts",
  "mts",
  "py",
  "rb",
  "php",
  "go",
]);

/**
 * Whether `fileName` (a base name, no directory) is an env example by default. The name's words
 * (split at `.`, `-` and `_`, compared in lower case) must hold `env` followed later by an example
 * word (`example`, `sample`, `template`, `dist`), itself followed by stage words only
 * (`.env.example`, `.env.local.example`, `.env.example.local`, `api.env.example`, `.env-sample`);
 * or end with an example word and `env` (`example.env`, `.sample.env`, `api.template.env`).
 */
export function isEnvExampleName(fileName: string): boolean {
  const words = fileName.toLowerCase().replace(/^\./, "").split(/[._-]/);
  if (words.some((word) => word === "" || FORMAT_WORDS.has(word))) return false;

  let end = words.length;
  while (end > 0 && STAGE_WORDS.has(words[end - 1]!)) end--;
  if (end >= 2 && EXAMPLE_WORDS.has(words[end - 1]!) && words.slice(0, end - 1).includes("env")) return true;

  return words.length >= 2 && words[words.length - 1] === "env" && EXAMPLE_WORDS_BEFORE_ENV.has(words[words.length - 2]!);
}
