/**
 * A text test that lets a rule skip a file before setting anything up. Every environment read
 * names `env` (`process.env`, `import.meta.env`, `Bun.env`, `Deno.env`, `{ env } = process`,
 * `$env/static/public`) or an environment accessor (`settings.secrets.envAccessors`), and every
 * accessor call names the accessor, even under an alias (`import { getSecret as gs }`): an alias
 * is imported under the accessor's own name. A file whose text contains none cannot hold what the rules
 * that look for them report, and most files of a project are such files: one substring search
 * of the text costs less than building the rule's listeners, and saves walking the file for them.
 */
import { mentionsEnv } from "@secrets-suite/core";
import type { TSESLint } from "@typescript-eslint/utils";

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** What the text tests found in the file linted last: every rule asks about the same file in turn. */
interface TextFacts {
  readonly text: string;
  readonly env: boolean;
  mayLoadEnvFiles?: boolean;
  accessors?: readonly string[];
  accessor?: boolean;
  envAccessors?: readonly string[];
  envAccessor?: boolean;
}
let last: TextFacts | undefined;

function factsOf(context: Context): TextFacts {
  const { text } = context.sourceCode;
  if (last?.text !== text) last = { text, env: mentionsEnv(text) };
  return last;
}

/** Whether the file's text contains one of the accessor names. */
export function mentionsAccessor(context: Context, accessors: readonly string[]): boolean {
  const facts = factsOf(context);
  if (facts.accessors !== accessors) {
    facts.accessors = accessors;
    facts.accessor = accessors.some((accessor) => facts.text.includes(accessor));
  }
  return facts.accessor === true;
}

/**
 * Whether the file's text contains `env`, one of the accessor names or one of the environment
 * accessor names (`settings.secrets.envAccessors`: `readConfig("X")` names no `env`).
 */
export function mayReadSecrets(
  context: Context,
  accessors: readonly string[],
  envAccessors: readonly string[] = [],
): boolean {
  const facts = factsOf(context);
  if (facts.env || mentionsAccessor(context, accessors)) return true;
  if (facts.envAccessors !== envAccessors) {
    facts.envAccessors = envAccessors;
    facts.envAccessor = envAccessors.some((accessor) => facts.text.includes(accessor));
  }
  return facts.envAccessor === true;
}

// `.env` at the end of a string, with what a file name may add (`".env"`, `"config/production.env"`,
// `` `${dir}/.env.local` ``, `` `.env.${mode}` ``), not a member (`process.env.X`, `import.meta.env[key]`)
const ENV_FILE_LOADING = /dotenv|loadenvfile|loadenvconfig|@next\/env|@nestjs\/config|\.env[\w.\-/]*(?:["'`]|\$\{)|env_?file|envpath/i;

/** The text test of `mayLoadEnvFiles`, on a text. */
export function textMayLoadEnvFiles(text: string): boolean {
  return ENV_FILE_LOADING.test(text);
}

/**
 * Whether the file's text can load an env file: every loader the rule knows names itself in the
 * file (`dotenv` and its kin, `loadEnvFile`, `@next/env`'s `loadEnvConfig`, `@nestjs/config`,
 * whose `ConfigModule.forRoot()` loads `.env` without naming it), and a file read is reported only
 * when its path, written in the file, names an env file (`.env`, `.env.local`, `ENV_FILE`,
 * `envPath`). Not `process.env`: most files that read the environment load nothing.
 */
export function mayLoadEnvFiles(context: Context): boolean {
  const facts = factsOf(context);
  facts.mayLoadEnvFiles ??= textMayLoadEnvFiles(facts.text);
  return facts.mayLoadEnvFiles;
}
