/**
 * Text tests that decide, before anything is parsed, whether a file can hold an environment read.
 * Both tools skip most files with them: the ESLint rules skip a file whose text does not mention
 * `env` (nor an accessor), and the scanner parses only files that may read the environment (or
 * call an accessor). Each test can only say "maybe": it never rules out a file that holds a read.
 */

/** The word every environment read contains. */
const ENV_WORD = "env";

/**
 * Whether the text names `env` at all, in any identifier or string. Every environment read does:
 * `process.env`, `import.meta.env`, `Bun.env`, `Deno.env`, `{ env } = process`,
 * `import { env } from "node:process"`, and SvelteKit's `$env/static/public`.
 */
export function mentionsEnv(text: string): boolean {
  return text.includes(ENV_WORD);
}

/** Mentions of the roots an environment read of code starts from. */
const ENV_ROOT = /\bprocess\b|\bBun\b|\bDeno\b|\bimport\s*\.\s*meta\b/;
/** `env` as a whole identifier (`process.env`, `{ env } = process`, `Deno.env`). */
const ENV_IDENTIFIER = /(?<![\w$])env(?![\w$])/;

/**
 * Whether the text can hold a read of the runtime environment: `env` as a whole identifier and
 * one of the roots it is read from. Stricter than `mentionsEnv` (which it implies), for the
 * scanner, whose reads are those of `process`, `Bun`, `Deno` and `import.meta`.
 */
export function mayReadEnv(text: string): boolean {
  return ENV_IDENTIFIER.test(text) && ENV_ROOT.test(text);
}
