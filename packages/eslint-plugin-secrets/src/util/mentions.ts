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

/**
 * Whether the file's text can load an env file: it contains `env` in any case (`dotenv`,
 * `loadEnvFile`, `.env`, `ENV_FILE`) or imports `@nestjs/config`, whose `ConfigModule.forRoot()`
 * loads `.env` without naming it.
 */
export function mayLoadEnvFiles(context: Context): boolean {
  const facts = factsOf(context);
  facts.mayLoadEnvFiles ??= facts.env || /env|@nestjs\/config/i.test(facts.text);
  return facts.mayLoadEnvFiles;
}
