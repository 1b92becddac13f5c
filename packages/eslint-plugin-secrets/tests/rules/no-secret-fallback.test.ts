/**
 * `secrets/no-secret-fallback`: a secret read through the accessor, or a bare read of a
 * secret-like environment variable, must not get a silent default. A missing required secret
 * fails fast; an optional one is checked for explicitly.
 */
import path from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import rule from "../../src/rules/no-secret-fallback.js";
import { runRuleTests } from "../rule-tester.js";

const asyncAccessor = { secrets: { accessors: ["getSecretAsync"] } };
/** A project whose `env("NAME")` reads any configuration. */
/** The option that turns on `uncheckedInString` (on in `strict`). */
const interpolation: [{ checkInterpolation: boolean }] = [{ checkInterpolation: true }];
const envAccessor = { secrets: { envAccessors: ["env"] } };

/** A file under the working directory, as ESLint passes it to rules. */
const underCwd = (relative: string): string => path.join(process.cwd(), relative);

runRuleTests("no-secret-fallback", rule, {
  valid: [
    // reads without any fallback
    'const key = getSecret("API_KEY");',
    "const key = process.env.API_KEY;",

    // another read is no default: when both are missing the value is still missing (reduced from novu's framework client)
    "builtConfiguration.secretKey = providedOptions?.secretKey || process.env.NOVU_SECRET_KEY || process.env.NOVU_API_KEY;",
    'const key = process.env.STRIPE_SECRET_KEY ?? getSecret("STRIPE_KEY");',
    // a test may default to a local service (reduced from novu's apps/web/tests/utils/plugins.ts)
    { code: 'const url = process.env.MONGODB_URL ?? "mongodb://127.0.0.1:27017/novu-test";', filename: "apps/web/tests/utils/plugins.ts" },
    { code: 'const key = process.env.API_KEY ?? "test-key";', filename: "src/auth.test.ts" },
    // a public-by-design browser key is configuration (reduced from novu's apps/web)
    'const key = process.env.REACT_APP_STRIPE_CLIENT_KEY || "";',

    // a catch that handles the error returns no stand-in value (reduced from dub's API routes)
    'export async function POST(req) {\n  try {\n    const key = getSecret("TINYBIRD_API_KEY");\n    return ingest(key, await req.json());\n  } catch (error) {\n    return handleAndReturnErrorResponse(error);\n  }\n}',
    'export async function GET() {\n  try {\n    return Response.json(await query(process.env.TINYBIRD_API_KEY));\n  } catch (error) {\n    return NextResponse.json({ error: "failed" }, { status: 500 });\n  }\n}',

    // passing the absence on is not a default
    'const key = getSecret("API_KEY") ?? undefined;',
    'const key = getSecret("API_KEY") ?? null;',
    'const key = getSecret("API_KEY") || undefined;',
    "const key = process.env.API_KEY ?? null;",
    "const key = process.env.API_KEY || null;",
    'const key = getSecret("API_KEY", null);',
    'const key = process.env.API_KEY ? process.env.API_KEY : null;',
    { code: 'const key = await getSecretAsync("API_KEY").catch(function () { return null; });', settings: asyncAccessor },
    { code: 'const key = env("API_KEY") ?? null;', settings: envAccessor },
    'const key = getSecret("API_KEY") || void 0;',
    "const key = process.env.API_KEY || void 0;",
    "const key = process.env.API_KEY ?? undefined;",
    'const key = getSecret("API_KEY") ? getSecret("API_KEY") : undefined;',
    'const key = getSecret("API_KEY") === undefined ? undefined : getSecret("API_KEY");',

    // a fallback that throws is failing fast
    'const key = getSecret("API_KEY") ?? fail("API_KEY");',
    'const key = process.env.API_KEY ?? fail("API_KEY");',
    'const key = getSecret("API_KEY") ?? throwMissing("API_KEY");',
    'const key = getSecret("API_KEY") || requireSecret("API_KEY");',
    'const key = getSecret("API_KEY") ?? errors.fail("API_KEY");',
    'const key = getSecret("API_KEY") ?? (() => { throw new Error("API_KEY is missing"); })();',
    'const key = process.env.API_KEY || (function () { throw new Error("API_KEY is missing"); })();',
    'const key = getSecret("API_KEY") ? getSecret("API_KEY") : fail("API_KEY");',

    // `&&` uses the secret, it does not replace it
    'const header = getSecret("API_KEY") && `Bearer ${getSecret("API_KEY")}`;',
    'const header = process.env.API_KEY && "Bearer " + process.env.API_KEY;',

    // a fallback on the left of `??` belongs to something else
    'const key = cached ?? getSecret("API_KEY");',
    'const key = cached || getSecret("API_KEY") || fail("API_KEY");',

    // configuration that is not secret may have defaults
    "const port = process.env.PORT ?? 3000;",
    'const level = process.env.LOG_LEVEL || "info";',
    'process.env.LOG_LEVEL ||= "info";',
    'const { PORT = "3000", LOG_LEVEL = "info" } = process.env;',
    'const ttl = process.env.JWT_TOKEN_TTL ? process.env.JWT_TOKEN_TTL : "1h";',

    // a secret destructured without a default
    "const { API_KEY } = process.env;",

    // accessor options that are not a default
    'const key = getSecret("API_KEY", { cache: true });',
    'const key = getSecret("API_KEY", { required: true, trim: true });',
    'const key = getSecret("API_KEY", options);',
    'const key = getSecret("API_KEY", config.secretOptions);',
    'const key = getSecret("API_KEY", ...extraArguments);',
    'const key = getSecret("API_KEY", undefined);',
    'const key = getSecret("API_KEY", void 0);',

    // an explicit presence check for an optional secret
    'const key = hasSecret("API_KEY") ? getSecret("API_KEY") : undefined;',
    'if (hasSecret("SENTRY_TOKEN")) { enableSentry(getSecret("SENTRY_TOKEN")); }',

    // a conditional whose test is about something else
    'const key = useVault ? getSecret("API_KEY") : readKeyFile();',
    'const key = typeof window === "undefined" ? getSecret("API_KEY") : undefined;',
    'const key = region === "eu" ? getSecret("EU_API_KEY") : getSecret("US_API_KEY");',

    // catch clauses that rethrow, or log and exit
    `
      let key;
      try {
        key = getSecret("API_KEY");
      } catch (error) {
        throw new Error("API_KEY is required", { cause: error });
      }
    `,
    `
      let key;
      try {
        key = getSecret("API_KEY");
      } catch (error) {
        console.error("API_KEY is missing", error);
        process.exit(1);
      }
    `,
    `
      function load() {
        try {
          return getSecret("API_KEY");
        } catch (error) {
          logger.error({ error }, "cannot read API_KEY");
          throw error;
        }
      }
    `,
    `
      let key;
      try {
        key = getSecret("API_KEY");
      } catch (error) {
        error.message = "API_KEY: " + error.message;
        throw error;
      }
    `,
    `
      let lastError;
      try {
        key = getSecret("API_KEY");
      } catch (error) {
        lastError = error;
      }
    `,
    // the catch only sees errors of code that runs in the try block itself
    `
      function register(app) {
        try {
          app.get("/health", () => getSecret("API_KEY"));
        } catch (error) {
          return null;
        }
      }
    `,
    `
      let handler;
      try {
        handler = function () { return getSecret("API_KEY"); };
      } catch {
        handler = undefined;
      }
    `,
    // a catch that returns a value, around code that reads no secret
    `
      function parse(text) {
        try {
          return JSON.parse(text);
        } catch {
          return {};
        }
      }
    `,
    // a catch around a read of a variable that is not secret
    `
      let port;
      try {
        port = parsePort(process.env.PORT);
      } catch {
        port = 3000;
      }
    `,
    // a finally block is not a fallback
    `
      let key;
      try {
        key = getSecret("API_KEY");
      } finally {
        done = true;
      }
    `,

    // promise handlers that rethrow
    {
      code: 'const key = await getSecretAsync("API_KEY").catch((error) => { throw new Error("missing", { cause: error }); });',
      settings: asyncAccessor,
    },
    {
      code: 'const key = await getSecretAsync("API_KEY").catch((error) => { console.error(error); process.exit(1); });',
      settings: asyncAccessor,
    },
    {
      code: 'const key = await getSecretAsync("API_KEY").catch((error) => fail("API_KEY"));',
      settings: asyncAccessor,
    },
    // `.catch` on something that is not an accessor call
    'const data = await fetchData().catch(() => "dev");',

    // a function that is not the accessor
    'const key = readSecret("API_KEY") ?? "dev";',
    // with custom accessors, the default name is no longer the accessor
    { code: 'const key = getSecret("API_KEY") ?? "dev";', settings: asyncAccessor },

    // a local variable called process is not the environment
    'function f(process) { return process.env.API_KEY ?? "dev"; }',

    // ---- statements after the read that are not fallbacks ----
    // the missing secret stops the program
    'let secret = process.env.JWT_SECRET;\nif (!secret) throw new Error("JWT_SECRET is required");',
    'let secret = process.env.JWT_SECRET;\nif (!secret) { logger.error("JWT_SECRET is required"); process.exit(1); }',
    'let secret = getSecret("JWT_SECRET");\nif (secret === undefined) { throw new Error("missing"); }',
    'function f() {\n  let secret = process.env.JWT_SECRET;\n  if (!secret) { console.error("missing"); return; }\n}',
    'function f() { let secret = process.env.JWT_SECRET; if (!secret) { fail("JWT_SECRET"); secret = "x"; } return secret; }',
    // the branch taken when the secret is present
    'let secret = process.env.JWT_SECRET;\nif (secret) secret = secret.trim();',
    'let secret = process.env.JWT_SECRET;\nif (secret !== undefined) { secret = decode(secret); }',
    // a test of something else
    'let secret = process.env.JWT_SECRET;\nif (rotate) secret = nextSecret();',
    'let secret = process.env.JWT_SECRET;\nif (secret === "changeme") secret = generate();',
    // another variable gets the value, or the secret is replaced before the test
    'let secret = process.env.JWT_SECRET;\nlet other;\nif (!secret) other = "dev";',
    'let secret = process.env.JWT_SECRET;\nsecret = normalise(secret);\nsecret ||= "dev";',
    // the absence passed on
    'let secret = process.env.JWT_SECRET;\nif (!secret) secret = undefined;',
    'let secret = process.env.JWT_SECRET;\nsecret ??= null;',
    // a configuration variable that is not secret may get a default
    'let port = process.env.PORT;\nif (!port) port = "3000";',
    'if (!process.env.LOG_LEVEL) process.env.LOG_LEVEL = "info";',
    // the test reads the secret, the branch sets another variable
    'if (!process.env.JWT_SECRET) process.env.AUTH_DISABLED = "true";',

    // ---- the environment decides something other than the secret's value ----
    'const key = isProd ? getSecret("LIVE_API_KEY") : getSecret("TEST_API_KEY");',
    'const key = process.env.NODE_ENV === "production" ? process.env.LIVE_API_KEY : process.env.SANDBOX_API_KEY;',
    'const key = isProd ? getSecret("API_KEY") : undefined;',
    'const key = isDev ? null : getSecret("API_KEY");',
    'const key = isProd ? getSecret("API_KEY") : readLocalKey();',
    // a test that is not about the environment
    'const key = type === "test" ? "fixture" : getSecret("API_KEY");',
    'const key = isEnabled ? getSecret("API_KEY") : "";',
    // a string that is not a secret's value
    'const port = isProd ? process.env.PORT : "3000";',
    'let secret = getSecret("JWT_SECRET");\nif (isDev) log("using the development secret");',

    // ---- a variable that holds the secret, used without a default (reduced from real projects) ----
    'const token = process.env.GITHUB_TOKEN;\nconst headers = token ? { Authorization: `token ${token}` } : {};',
    'const apiKey = process.env.OPENAI_API_KEY;\nif (!apiKey) console.warn("OPENAI_API_KEY missing; AI features disabled");\nexport const ai = apiKey ? new OpenAI({ apiKey }) : null;',
    'const password = process.env.DB_PASSWORD;\nconst shown = password ? "set" : "not set";',
    'export const SESSION_SECRET = process.env.SESSION_SECRET;\nif (!SESSION_SECRET) throw new Error("SESSION_SECRET must be set");',
    'const JWT_SECRET = process.env.JWT_SECRET;\nif (!JWT_SECRET) { console.error("JWT_SECRET is not set"); process.exit(1); }\nmodule.exports = JWT_SECRET;',
    // the variable is assigned again: its uses are not the read's value
    'let secret = process.env.JWT_SECRET;\nsecret = secret.trim();\nexport const key = secret || "dev";',
    // environment-dependent values that are all read from the environment
    'const NODE_ENV = process.env.NODE_ENV;\nconst SECRET = NODE_ENV === "test" || NODE_ENV === "development" ? process.env.TEST_SECRET : process.env.SECRET;',
    'export const __prod__ = process.env.NODE_ENV === "production";\nexport const DATABASE_URL = __prod__ ? process.env.DATABASE_URL : process.env.LOCAL_DATABASE_URL;',
    'let { MONGODB_URI } = process.env;\nif (process.env.NODE_ENV === "test") {\n  MONGODB_URI = process.env.TEST_MONGODB_URI;\n}',
    'const url = process.env.NODE_ENV === "production" ? "https://api.example.com" : "http://localhost:3000";',

    // ---- a secret put into a string: not reported by default (no-bare-env-secret reports the read) ----
    "const url = `postgres://app:${process.env.POSTGRES_PASSWORD}@db/app`;",
    'const auth = "Bearer " + process.env.API_TOKEN;',

    // ---- with checkInterpolation (strict): a secret put into a string after a check that it is set (reduced from real projects) ----
    { code: 'if (!process.env.POSTGRES_PASSWORD) throw new Error("POSTGRES_PASSWORD is required");\nconst url = `postgres://app:${process.env.POSTGRES_PASSWORD}@db/app`;', options: interpolation },
    { code: 'const url = `postgres://app:${process.env.POSTGRES_PASSWORD}@db/app`;\nif (!process.env.POSTGRES_PASSWORD) throw new Error("POSTGRES_PASSWORD is required");', options: interpolation },
    { code: 'async function call() {\n  const OPENAI_API_KEY = process.env.OPENAI_API_KEY;\n  if (!OPENAI_API_KEY) throw new Error("Missing OPENAI_API_KEY");\n  return fetch(url, { headers: { Authorization: `Bearer ${OPENAI_API_KEY}` } });\n}', options: interpolation },
    { code: 'const OPENAI_TOKEN = process.env.OPENAI_TOKEN;\nexport async function call() {\n  if (!OPENAI_TOKEN) { console.log("No OpenAI key"); return; }\n  return `Bearer ${OPENAI_TOKEN}`;\n}', options: interpolation },
    { code: 'const header = process.env.API_SECRET ? `Bearer ${process.env.API_SECRET}` : undefined;', options: interpolation },
    { code: 'assert(process.env.API_TOKEN, "API_TOKEN is required");\nconst header = "Bearer " + process.env.API_TOKEN;', options: interpolation },
    { code: 'const token = process.env.API_TOKEN ?? fail("API_TOKEN");\nconst header = `Bearer ${process.env.API_TOKEN}`;', options: interpolation },
    // a list of required variables, checked in a loop
    { code: 'for (const name of ["DATABASE_PASSWORD"]) if (!process.env[name]) throw new Error(`${name} is missing`);\nconst url = `postgres://app:${process.env.DATABASE_PASSWORD}@db/app`;', options: interpolation },
    { code: 'const { DATABASE_PASSWORD } = process.env;\nrequireEnv("DATABASE_PASSWORD");\nconst url = `postgres://app:${DATABASE_PASSWORD}@db/app`;', options: interpolation },
    // configuration, and the accessor (which fails fast itself)
    { code: "const url = `http://${process.env.HOST}:${process.env.PORT}`;", options: interpolation },
    { code: 'const header = `Bearer ${getSecret("API_TOKEN")}`;', options: interpolation },
    // a tagged template hands the value to a function
    { code: "const rows = sql`select * from keys where key = ${process.env.API_KEY}`;", options: interpolation },
    // not put into a string
    { code: 'const header = { Authorization: process.env.API_TOKEN };\nconst length = `${process.env.API_TOKEN.length}`;', options: interpolation },
    { code: 'const secret = `${process.env.JWT_SECRET ?? fail("JWT_SECRET")}`;', options: interpolation },

    // ---- environment accessors (settings.secrets.envAccessors) ----
    { code: 'const from = env("SMTP_FROM_NAME") || "Acme";', settings: envAccessor },
    // Strapi's config files: env is the parameter of the config function
    { code: 'module.exports = ({ env }) => ({ host: env("HOST", "0.0.0.0"), apiToken: { salt: env("API_TOKEN_SALT") } });', settings: envAccessor },
    { code: 'const port = env("PORT", "3000");', settings: envAccessor },
    { code: 'const level = config.env("LOG_LEVEL") ?? "info";', settings: envAccessor },
    { code: 'const secret = env("JWT_SECRET");', settings: envAccessor },
    { code: 'const secret = env("JWT_SECRET", { required: true });', settings: envAccessor },
    { code: 'const secret = env("JWT_SECRET") ?? fail("JWT_SECRET");', settings: envAccessor },
    // without the setting, env() is some other function
    'const secret = env("JWT_SECRET") ?? "";',

    // fallbacks are allowed in the files listed in allowInFiles; the rule tester lints an
    // absolute filename with the root of the file system as cwd, so the glob starts with **
    {
      code: 'const key = getSecret("API_KEY") ?? "dev-key";',
      filename: underCwd("scripts/seed.ts"),
      options: [{ allowInFiles: ["**/scripts/**"] }],
    },
    {
      code: 'const { API_KEY = "test-key" } = process.env;',
      filename: underCwd("src/service.test.ts"),
      options: [{ allowInFiles: ["**/*.test.ts", "**/scripts/**"] }],
    },
  ],

  invalid: [
    // ---- the value of a secrets-runtime Secret, or of a trimmed string, is still the secret ----
    {
      code: 'const key = getSecret("API_KEY").reveal() || "dev";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `||`" }, line: 1, column: 13 }],
    },
    {
      code: 'const key = process.env.API_KEY?.trim() ?? "dev";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" } }],
    },
    // ---- `??` and `||` ----
    {
      code: 'const key = getSecret("API_KEY") ?? "dev";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" }, line: 1, column: 13 }],
    },
    {
      // a file that names neither the environment nor getSecret: the configured accessor is enough
      code: 'const key = vault("API_KEY") ?? "dev";',
      settings: { secrets: { accessors: ["vault"] } },
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" }, line: 1, column: 13 }],
    },
    {
      code: 'const key = getSecret("API_KEY") || "changeme";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `||`" } }],
    },
    {
      code: 'const key = process.env.API_KEY ?? "dev";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" }, line: 1, column: 13 }],
    },
    {
      code: 'const password = process.env.DB_PASSWORD || "changeme";',
      errors: [{ messageId: "fallback", data: { name: "DB_PASSWORD", how: "a default after `||`" } }],
    },
    {
      code: 'const password = process.env["DB_PASSWORD"] || "changeme";',
      errors: [{ messageId: "fallback", data: { name: "DB_PASSWORD", how: "a default after `||`" } }],
    },
    {
      code: 'const key = getSecret("API_KEY") || "";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `||`" } }],
    },
    {
      code: "const key = getSecret(\"API_KEY\") ?? DEFAULT_KEY;",
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" } }],
    },
    {
      // a call that does not throw, even though its name starts like one that does
      code: 'const key = getSecret("API_KEY") ?? failoverKey();',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" } }],
    },
    {
      code: 'const key = getSecret("API_KEY") ?? throwawayKey("API_KEY");',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" } }],
    },
    {
      // an IIFE that may return before it throws
      code: 'const key = getSecret("API_KEY") ?? (() => { if (isDev) return "dev"; throw new Error("missing"); })();',
      errors: [
        {
          messageId: "fallback",
          data: { name: "API_KEY", how: "a default after `??`" },
        },
      ],
    },
    {
      // in a chain, each read falls back to everything on its right
      code: 'const key = process.env.API_KEY ?? process.env.LEGACY_API_KEY ?? "dev";',
      errors: [
        { messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" }, column: 13 },
        { messageId: "fallback", data: { name: "LEGACY_API_KEY", how: "a default after `??`" }, column: 13 },
      ],
    },
    {
      code: 'const secret = cached || getSecret("JWT_SECRET") || "dev";',
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a default after `||`" } }],
    },
    {
      code: 'const url = process.env.DATABASE_URL ?? "postgres://localhost/dev";',
      errors: [{ messageId: "fallback", data: { name: "DATABASE_URL", how: "a default after `??`" } }],
    },
    {
      code: 'const key = import.meta.env.VITE_STRIPE_SECRET_KEY ?? "sk_test";',
      errors: [{ messageId: "fallback", data: { name: "VITE_STRIPE_SECRET_KEY", how: "a default after `??`" } }],
    },
    {
      code: 'const key = Deno.env.get("API_KEY") ?? "dev";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" } }],
    },
    {
      code: 'const key = Bun.env.API_KEY || "dev";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `||`" } }],
    },
    {
      code: 'import process from "node:process";\nconst key = process.env.API_KEY ?? "dev";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" }, line: 2 }],
    },
    {
      code: 'const env = process.env;\nconst key = env.API_KEY ?? "dev";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" }, line: 2 }],
    },
    {
      code: 'const { env } = process;\nconst key = env.API_KEY || "dev";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `||`" }, line: 2 }],
    },
    {
      code: 'const config = { apiKey: getSecret("API_KEY") ?? "dev" };',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" } }],
    },
    {
      code: 'connect(getSecret("DB_PASSWORD") || "postgres");',
      errors: [{ messageId: "fallback", data: { name: "DB_PASSWORD", how: "a default after `||`" } }],
    },
    {
      code: 'function key() { return getSecret("API_KEY") ?? "dev"; }',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" } }],
    },
    {
      // an awaited asynchronous accessor
      code: 'const key = (await getSecretAsync("API_KEY")) ?? "dev";',
      settings: asyncAccessor,
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" } }],
    },
    {
      code: 'const key = await getSecretAsync("API_KEY") || "dev";',
      settings: asyncAccessor,
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `||`" } }],
    },

    // ---- the name as the rule knows it ----
    {
      code: 'const NAME = "API_KEY";\nconst key = getSecret(NAME) ?? "dev";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" } }],
    },
    {
      code: 'function read(name) { return getSecret(name) ?? "dev"; }',
      errors: [{ messageId: "fallback", data: { name: "name", how: "a default after `??`" } }],
    },

    // ---- aliased and member accessors ----
    {
      code: 'import { getSecret as gs } from "@acme/secrets";\nconst key = gs("API_KEY") ?? "d";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" }, line: 2 }],
    },
    {
      code: 'const { getSecret: read } = require("@acme/secrets");\nconst key = read("API_KEY") || "d";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `||`" }, line: 2 }],
    },
    {
      code: 'const key = secrets.getSecret("API_KEY") ?? "d";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" } }],
    },
    {
      code: 'const key = getSecret?.("API_KEY") ?? "d";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" } }],
    },
    {
      code: 'const key = secrets?.getSecret("API_KEY") ?? "d";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" } }],
    },

    // ---- logical assignment ----
    {
      code: 'process.env.API_KEY ||= "dev";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default assigned with `||=`" }, line: 1, column: 1 }],
    },
    {
      code: 'process.env.API_KEY ??= "dev";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default assigned with `??=`" } }],
    },
    {
      code: 'process.env["JWT_SECRET"] ??= "secret";',
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a default assigned with `??=`" } }],
    },
    {
      code: 'process.env.API_KEY = process.env.API_KEY || "dev";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `||`" }, column: 23 }],
    },

    // ---- conditionals ----
    {
      code: 'const key = getSecret("API_KEY") ? getSecret("API_KEY") : "dev";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a conditional default" }, column: 13 }],
    },
    {
      code: 'const key = process.env.API_KEY ? process.env.API_KEY : "dev";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a conditional default" } }],
    },
    {
      code: 'const key = !getSecret("API_KEY") ? "dev" : getSecret("API_KEY");',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a conditional default" } }],
    },
    {
      code: 'const key = !process.env.API_KEY ? "dev" : process.env.API_KEY;',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a conditional default" } }],
    },
    {
      code: 'const key = getSecret("API_KEY") === undefined ? "dev" : getSecret("API_KEY");',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a conditional default" } }],
    },
    {
      code: 'const key = process.env.API_KEY === undefined ? "dev" : process.env.API_KEY;',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a conditional default" } }],
    },
    {
      code: 'const key = undefined === process.env.API_KEY ? "dev" : process.env.API_KEY;',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a conditional default" } }],
    },
    {
      code: 'const key = process.env.API_KEY != null ? process.env.API_KEY : "dev";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a conditional default" } }],
    },
    {
      code: 'const key = typeof process.env.API_KEY === "string" ? process.env.API_KEY : "dev";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a conditional default" } }],
    },

    // ---- destructuring defaults ----
    {
      code: 'const { API_KEY = "dev" } = process.env;',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a destructuring default" }, column: 19 }],
    },
    {
      code: 'const { DB_PASSWORD: password = "postgres", PORT = "5432" } = process.env;',
      errors: [{ messageId: "fallback", data: { name: "DB_PASSWORD", how: "a destructuring default" } }],
    },
    {
      code: 'const { env: { JWT_SECRET = "secret" } } = process;',
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a destructuring default" } }],
    },

    // ---- default arguments and options of the accessor ----
    {
      code: 'const key = getSecret("API_KEY", "dev");',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default argument" }, column: 34 }],
    },
    {
      code: "const key = getSecret(\"API_KEY\", `dev-${user}`);",
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default argument" } }],
    },
    {
      code: 'const key = getSecret("API_KEY", loadDefaultKey());',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default argument" } }],
    },
    {
      code: 'const key = getSecret("API_KEY", { default: "dev" });',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a `default` option" }, column: 36 }],
    },
    {
      code: 'const key = getSecret("API_KEY", { fallback: "dev" });',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a `fallback` option" } }],
    },
    {
      code: 'const key = getSecret("API_KEY", { cache: true, defaultValue: "dev" });',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a `defaultValue` option" }, column: 49 }],
    },
    {
      code: 'const key = getSecret("API_KEY", { fallbackValue: () => "dev" });',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a `fallbackValue` option" } }],
    },
    {
      code: 'const key = getSecret("API_KEY", { ["default"]: "dev" });',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a `default` option" } }],
    },
    {
      code: 'const fallback = "dev";\nconst key = getSecret("API_KEY", { fallback });',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a `fallback` option" }, line: 2 }],
    },
    {
      code: 'const key = secrets.getSecret("API_KEY", { default: "dev" });',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a `default` option" } }],
    },
    {
      // two fallbacks, two reports
      code: 'const key = getSecret("API_KEY", "dev") ?? "other";',
      errors: [
        { messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" } },
        { messageId: "fallback", data: { name: "API_KEY", how: "a default argument" } },
      ],
    },

    // ---- promise fallbacks ----
    {
      code: 'const key = await getSecretAsync("API_KEY").catch(() => "dev");',
      settings: asyncAccessor,
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "`.catch()` returns a value" }, column: 19 }],
    },
    {
      code: 'getSecretAsync("API_KEY").catch((error) => { console.warn(error); return "dev"; }).then(start);',
      settings: asyncAccessor,
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "`.catch()` returns a value" } }],
    },
    {
      code: 'const key = await secrets.getSecretAsync("API_KEY").catch(async () => "dev");',
      settings: asyncAccessor,
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "`.catch()` returns a value" } }],
    },

    // ---- fallbacks written as statements after the read ----
    {
      // seen in a real repository
      code: 'let secret = process.env.JWT_SECRET;\nif (!secret) secret = "supersecret";',
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a default assigned when it is missing" }, line: 2, column: 14 }],
    },
    {
      code: 'let secret = process.env.JWT_SECRET;\nif (secret === undefined) secret = "supersecret";',
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a default assigned when it is missing" }, line: 2 }],
    },
    {
      code: 'let secret = process.env.JWT_SECRET;\nif (!secret) {\n  console.warn("JWT_SECRET is not set, using a default");\n  secret = "x";\n}',
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a default assigned when it is missing" }, line: 4 }],
    },
    {
      code: 'var secret = process.env.JWT_SECRET;\nif (typeof secret !== "string" || secret.length === 0) { secret = randomBytes(32).toString("hex"); }',
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a default assigned when it is missing" } }],
    },
    {
      code: 'let secret = process.env.JWT_SECRET;\nif (secret) { use(secret); } else { secret = "dev"; }',
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a default assigned when it is missing" } }],
    },
    {
      code: 'let secret;\nsecret = getSecret("JWT_SECRET");\nif (secret == null) secret = "dev";',
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a default assigned when it is missing" }, line: 3 }],
    },
    {
      code: 'let secret = process.env.JWT_SECRET;\nsecret ||= "supersecret";',
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a default assigned with `||=`" }, line: 2, column: 1 }],
    },
    {
      code: 'let secret = getSecret("JWT_SECRET");\nsecret ??= generateKey();',
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a default assigned with `??=`" }, line: 2 }],
    },
    {
      code: 'let { JWT_SECRET: secret } = process.env;\nif (!secret) secret = "supersecret";',
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a default assigned when it is missing" }, line: 2 }],
    },
    {
      code: 'let secret = process.env.JWT_SECRET || process.env.SESSION_SECRET;\nif (!secret) secret = "dev";',
      errors: [
        // JWT_SECRET falls back to SESSION_SECRET (another read: no default), and both to "dev"
        { messageId: "fallback", data: { name: "JWT_SECRET", how: "a default assigned when it is missing" }, line: 2 },
        { messageId: "fallback", data: { name: "SESSION_SECRET", how: "a default assigned when it is missing" }, line: 2 },
      ],
    },
    {
      code: 'class Auth {\n  constructor() {\n    this.secret = process.env.JWT_SECRET;\n    if (!this.secret) this.secret = "dev";\n  }\n}',
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a default assigned when it is missing" }, line: 4 }],
    },
    {
      code: 'function load() {\n  let key = Bun.env.API_KEY;\n  if (!key) key = "dev";\n  return key;\n}',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default assigned when it is missing" }, line: 3 }],
    },
    {
      code: 'let key = Deno.env.get("API_KEY");\nkey ??= "dev";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default assigned with `??=`" }, line: 2 }],
    },
    {
      // the environment variable itself, set when it is missing
      code: 'if (!process.env.JWT_SECRET) process.env.JWT_SECRET = "supersecret";',
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a default assigned when it is missing" }, column: 30 }],
    },
    {
      code: 'if (process.env.JWT_SECRET === undefined) {\n  process.env.JWT_SECRET = "supersecret";\n}',
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a default assigned when it is missing" }, line: 2 }],
    },

    // ---- a string written in the code instead of the secret, in some environments ----
    {
      code: 'const csrf = isProd ? getSecret("CSRF_SECRET") : "local";',
      errors: [{ messageId: "environmentDefault", data: { name: "CSRF_SECRET", condition: "`isProd` is false" }, column: 14 }],
    },
    {
      code: 'const csrf = process.env.NODE_ENV !== "production" ? "x" : getSecret("CSRF_SECRET");',
      errors: [
        {
          messageId: "environmentDefault",
          data: { name: "CSRF_SECRET", condition: '`process.env.NODE_ENV !== "production"` is true' },
        },
      ],
    },
    {
      code: 'const secret = process.env.NODE_ENV === "production" ? process.env.JWT_SECRET : "dev-secret";',
      errors: [
        {
          messageId: "environmentDefault",
          data: { name: "JWT_SECRET", condition: '`process.env.NODE_ENV === "production"` is false' },
        },
      ],
    },
    {
      code: 'const key = __DEV__ ? "test-key" : getSecret("API_KEY");',
      errors: [{ messageId: "environmentDefault", data: { name: "API_KEY", condition: "`__DEV__` is true" } }],
    },
    {
      code: 'const key = import.meta.env.DEV ? `dev-${user}` : import.meta.env.VITE_API_SECRET;',
      errors: [{ messageId: "environmentDefault", data: { name: "VITE_API_SECRET", condition: "`import.meta.env.DEV` is true" } }],
    },
    {
      code: 'const key = app.get("env") === "development" ? "" : getSecret("API_KEY");',
      errors: [{ messageId: "environmentDefault", data: { name: "API_KEY", condition: '`app.get("env") === "development"` is true' } }],
    },
    {
      code: 'const config = { secret: !config.isProduction() ? "dev" : Bun.env.JWT_SECRET };',
      errors: [{ messageId: "environmentDefault", data: { name: "JWT_SECRET", condition: "`!config.isProduction()` is true" } }],
    },
    {
      code: 'const key = mode === "test" || isLocal ? "fixture" : getSecret("API_KEY");',
      errors: [{ messageId: "environmentDefault", data: { name: "API_KEY", condition: '`mode === "test" || isLocal` is true' } }],
    },
    {
      code: 'let secret = getSecret("JWT_SECRET");\nif (isDev) secret = "dev";',
      errors: [{ messageId: "environmentDefault", data: { name: "JWT_SECRET", condition: "`isDev` is true" }, line: 2 }],
    },

    // ---- a variable that holds the secret and nothing else: each use is the secret ----
    {
      code: 'const JWT_SECRET = process.env.JWT_SECRET;\nmodule.exports = JWT_SECRET || "dev";',
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a default after `||`" }, line: 2 }],
    },
    {
      code: 'function sign(payload) {\n  const key = getSecret("API_KEY");\n  return hmac(payload, key ?? "dev");\n}',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" }, line: 3 }],
    },
    {
      code: 'const { SESSION_SECRET: secret } = process.env;\napp.use(session({ secret: secret ? secret : "keyboard cat" }));',
      errors: [{ messageId: "fallback", data: { name: "SESSION_SECRET", how: "a conditional default" }, line: 2 }],
    },
    {
      // reduced from Express projects of a course (many repositories)
      code: 'const { JWT_SECRET, NODE_ENV } = process.env;\nmodule.exports = {\n  JWT_SECRET: NODE_ENV === "production" ? JWT_SECRET : "dev-secret",\n};',
      errors: [{ messageId: "environmentDefault", data: { name: "JWT_SECRET", condition: '`NODE_ENV === "production"` is false' }, line: 3 }],
    },
    {
      code: 'const { NODE_ENV, JWT_SECRET } = process.env;\nconst DEFAULT_SECRET_KEY = "top-secret-key";\nconst SECRET_KEY = NODE_ENV === "production" ? JWT_SECRET : DEFAULT_SECRET_KEY;',
      errors: [{ messageId: "environmentDefault", data: { name: "JWT_SECRET", condition: '`NODE_ENV === "production"` is false' }, line: 3 }],
    },
    {
      code: 'let { JWT_SECRET, NODE_ENV } = process.env;\nif (NODE_ENV !== "production" && NODE_ENV !== null) {\n  JWT_SECRET = "dev-secret";\n}',
      errors: [
        {
          messageId: "environmentDefault",
          data: { name: "JWT_SECRET", condition: '`NODE_ENV !== "production" && NODE_ENV !== null` is true' },
          line: 3,
        },
      ],
    },
    {
      code: 'export const IS_PROD = process.env.NODE_ENV === "production";\nexport const SECRET = IS_PROD ? process.env.SECRET : "secret";',
      errors: [{ messageId: "environmentDefault", data: { name: "SECRET", condition: "`IS_PROD` is false" }, line: 2 }],
    },
    {
      code: 'export const isTestEnv = process.env.NODE_ENV === "test";\nexport default { secret: isTestEnv ? "TEST" : process.env.SECRET };',
      errors: [{ messageId: "environmentDefault", data: { name: "SECRET", condition: "`isTestEnv` is true" }, line: 2 }],
    },

    // ---- tests are checked when ignoreTestFiles is off (strict) ----
    {
      code: 'const url = process.env.MONGODB_URL ?? "mongodb://127.0.0.1:27017/novu-test";',
      filename: "apps/web/tests/utils/plugins.ts",
      options: [{ ignoreTestFiles: false }],
      errors: [{ messageId: "fallback", data: { name: "MONGODB_URL", how: "a default after `??`" } }],
    },

    // ---- a secret put into a string without a check that it is set ----
    {
      code: "const url = `postgres://app:${process.env.POSTGRES_PASSWORD}@db/app`;",
      options: interpolation,
      errors: [{ messageId: "uncheckedInString", data: { name: "POSTGRES_PASSWORD", source: "process.env" }, column: 31, endColumn: 60 }],
    },
    {
      code: 'const auth = "Bearer " + process.env.API_TOKEN;',
      options: interpolation,
      errors: [{ messageId: "uncheckedInString", data: { name: "API_TOKEN", source: "process.env" }, column: 26 }],
    },
    {
      // reduced from a Next.js project: a fetch with the key in its header
      code: 'export async function create(opts) {\n  return fetch(url, { headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` } });\n}',
      options: interpolation,
      errors: [{ messageId: "uncheckedInString", data: { name: "OPENAI_API_KEY", source: "process.env" }, line: 2 }],
    },
    {
      // reduced from a MongoDB connection module
      code: 'const { DB_USER, DB_PASSWORD, DB_CLUSTER } = process.env;\nconst uri = `mongodb+srv://${DB_USER}:${DB_PASSWORD}@${DB_CLUSTER}.mongodb.net`;',
      options: interpolation,
      errors: [{ messageId: "uncheckedInString", data: { name: "DB_PASSWORD", source: "process.env" }, line: 2, column: 41 }],
    },
    {
      code: "const password = Bun.env.DB_PASSWORD;\nconst dsn = `postgres://app:${password}@db/app`;",
      options: interpolation,
      errors: [{ messageId: "uncheckedInString", data: { name: "DB_PASSWORD", source: "Bun.env" }, line: 2 }],
    },
    {
      code: 'const dsn = "postgres://app:" + Deno.env.get("DB_PASSWORD") + "@db/app";',
      options: interpolation,
      errors: [{ messageId: "uncheckedInString", data: { name: "DB_PASSWORD", source: "Deno.env" } }],
    },
    {
      code: 'const header = `Bearer ${env("API_TOKEN")}`;',
      settings: envAccessor,
      options: interpolation,
      errors: [{ messageId: "uncheckedInString", data: { name: "API_TOKEN", source: "env()" } }],
    },
    {
      // a check of another secret does not check this one
      code: 'if (!process.env.DB_USER_PASSWORD) throw new Error("missing");\nconst url = `postgres://app:${process.env.DB_PASSWORD}@db/app`;',
      options: interpolation,
      errors: [{ messageId: "uncheckedInString", data: { name: "DB_PASSWORD", source: "process.env" }, line: 2 }],
    },

    // ---- environment accessors (settings.secrets.envAccessors) are bare reads ----
    {
      // Strapi's config/admin.js as generated: a default secret in the repository
      code: 'module.exports = ({ env }) => ({\n  auth: { secret: env("ADMIN_JWT_SECRET", "tobemodified") },\n});',
      settings: envAccessor,
      errors: [{ messageId: "fallback", data: { name: "ADMIN_JWT_SECRET", how: "a default argument" }, line: 2 }],
    },
    {
      code: 'const secret = env("GOOGLE_CLIENT_SECRET") ?? "";',
      settings: envAccessor,
      errors: [{ messageId: "fallback", data: { name: "GOOGLE_CLIENT_SECRET", how: "a default after `??`" }, column: 16 }],
    },
    {
      code: 'const secret = env("JWT_SECRET", "dev");',
      settings: envAccessor,
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a default argument" }, column: 34 }],
    },
    {
      code: 'const secret = env("JWT_SECRET", { default: "dev" });',
      settings: envAccessor,
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a `default` option" } }],
    },
    {
      code: 'const secret = config.env("JWT_SECRET") || "dev";',
      settings: envAccessor,
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a default after `||`" } }],
    },
    {
      code: 'import { env as readEnv } from "./env";\nconst secret = readEnv("JWT_SECRET") || "dev";',
      settings: envAccessor,
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a default after `||`" }, line: 2 }],
    },
    {
      // a name with no `env` in it: the setting alone makes the file worth reading
      code: 'const secret = readConfig("JWT_SECRET") ?? "dev";',
      settings: { secrets: { envAccessors: ["readConfig"] } },
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a default after `??`" } }],
    },
    {
      code: 'const NAME = "JWT_SECRET";\nconst secret = env(NAME) ?? "dev";',
      settings: envAccessor,
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a default after `??`" }, line: 2 }],
    },
    {
      code: 'let secret = env("JWT_SECRET");\nif (!secret) secret = "supersecret";',
      settings: envAccessor,
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a default assigned when it is missing" }, line: 2 }],
    },
    {
      code: 'const secret = isProd ? env("JWT_SECRET") : "local";',
      settings: envAccessor,
      errors: [{ messageId: "environmentDefault", data: { name: "JWT_SECRET", condition: "`isProd` is false" } }],
    },
    {
      code: 'const { DB_PASSWORD = "postgres" } = Bun.env;',
      errors: [{ messageId: "fallback", data: { name: "DB_PASSWORD", how: "a destructuring default" } }],
    },

    // ---- try/catch around a read ----
    {
      code: `
function loadKey() {
  try {
    return getSecret("API_KEY");
  } catch (error) {
    return "dev";
  }
}`,
      errors: [
        {
          messageId: "fallback",
          data: { name: "API_KEY", how: "the catch clause around its read returns a value instead of rethrowing" },
          line: 5,
        },
      ],
    },
    {
      code: `
let key;
try {
  key = getSecret("API_KEY");
} catch {
  key = "dev";
}`,
      errors: [
        {
          messageId: "fallback",
          data: { name: "API_KEY", how: "the catch clause around its read assigns a value instead of rethrowing" },
          line: 5,
        },
      ],
    },
    {
      code: `
let key;
try {
  key = getSecret("API_KEY");
} catch (error) {
  if (error.code === "ENOENT") {
    key = "dev";
  } else {
    throw error;
  }
}`,
      errors: [
        {
          messageId: "fallback",
          data: { name: "API_KEY", how: "the catch clause around its read assigns a value instead of rethrowing" },
        },
      ],
    },
    {
      // a rethrow that comes after a conditional return
      code: `
function loadKey() {
  try {
    return getSecret("API_KEY");
  } catch (error) {
    if (isDev) return "dev";
    throw error;
  }
}`,
      errors: [
        {
          messageId: "fallback",
          data: { name: "API_KEY", how: "the catch clause around its read returns a value instead of rethrowing" },
        },
      ],
    },
    {
      code: `
const config = {};
try {
  config.apiKey = getSecret("API_KEY");
  config.dbPassword = getSecret("DB_PASSWORD");
} catch {
  config.offline = true;
}`,
      errors: [
        {
          messageId: "fallback",
          data: {
            name: "API_KEY', 'DB_PASSWORD",
            how: "the catch clause around its read assigns a value instead of rethrowing",
          },
        },
      ],
    },
    {
      code: `
async function loadKey() {
  try {
    return await getSecretAsync("API_KEY");
  } catch {
    return "dev";
  }
}`,
      settings: asyncAccessor,
      errors: [
        {
          messageId: "fallback",
          data: { name: "API_KEY", how: "the catch clause around its read returns a value instead of rethrowing" },
        },
      ],
    },
    {
      // a bare read that throws when the variable is missing
      code: `
let key;
try {
  key = process.env.API_KEY.trim();
} catch {
  key = "dev";
}`,
      errors: [
        {
          messageId: "fallback",
          data: { name: "API_KEY", how: "the catch clause around its read assigns a value instead of rethrowing" },
        },
      ],
    },
    {
      code: `
import { getSecret as gs } from "@acme/secrets";
let key;
try {
  key = gs("API_KEY");
} catch {
  key = "dev";
}`,
      errors: [
        {
          messageId: "fallback",
          data: { name: "API_KEY", how: "the catch clause around its read assigns a value instead of rethrowing" },
        },
      ],
    },

    // ---- allowInFiles matches only the files it lists ----
    {
      code: 'const key = getSecret("API_KEY") ?? "dev-key";',
      filename: underCwd("src/server.ts"),
      options: [{ allowInFiles: ["**/scripts/**"] }],
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" } }],
    },
  ],

  validTs: [
    'const key = (getSecret("API_KEY") as string | undefined) ?? undefined;',
    'const key = (getSecret("API_KEY") as string | null) ?? null;',
    { code: 'const port = env<number>("PORT") ?? 3000;', settings: envAccessor },
    // a non-null assertion: the author says the variable was checked (at start-up, in another module)
    "const url = `postgres://app:${process.env.POSTGRES_PASSWORD!}@db/app`;",
    "const PASSWORD = process.env.MONGO_PASSWORD!;\nconst uri = `mongodb+srv://app:${PASSWORD}@cluster0.example.net`;",
    'const key = getSecret("API_KEY")! ?? fail("API_KEY");',
    'const port = (process.env.PORT as string) ?? "3000";',
    'const key: string | undefined = hasSecret("API_KEY") ? getSecret("API_KEY") : undefined;',
  ],

  invalidTs: [
    {
      code: 'const key = (getSecret("API_KEY") as string) ?? "d";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" } }],
    },
    {
      code: 'const key = getSecret("API_KEY")! || "d";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `||`" } }],
    },
    {
      code: 'const key = (getSecret("API_KEY") satisfies string | undefined) ?? "d";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" } }],
    },
    {
      code: 'const key = (<string>getSecret("API_KEY")) || "d";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `||`" } }],
    },
    {
      code: 'const key = (process.env.API_KEY as string) || "dev";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `||`" } }],
    },
    {
      code: 'const key = getSecret<string>("API_KEY") ?? "d";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" } }],
    },
    {
      code: 'const key = getSecret("API_KEY", { default: "dev" } as SecretOptions);',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a `default` option" } }],
    },
    {
      code: 'let secret: string | undefined = process.env.JWT_SECRET;\nif (!secret) secret = "supersecret" as string;',
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a default assigned when it is missing" }, line: 2 }],
    },
    {
      code: 'const secret = env<string>("JWT_SECRET") ?? "dev";',
      settings: envAccessor,
      errors: [{ messageId: "fallback", data: { name: "JWT_SECRET", how: "a default after `??`" } }],
    },
    {
      code: 'enum Names { Api = "API_KEY" }\nconst key = getSecret(Names.Api) ?? "d";',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" }, line: 2 }],
    },
  ],
});

describe("allowInFiles is relative to the working directory", () => {
  const lint = (filename: string, allowInFiles: string[]) =>
    new Linter({ configType: "flat", cwd: process.cwd() }).verify(
      'const key = getSecret("API_KEY") ?? "dev";',
      [
        {
          files: ["**/*.js"],
          plugins: { secrets: { rules: { "no-secret-fallback": rule as never } } },
          rules: { "secrets/no-secret-fallback": ["error", { allowInFiles }] },
        },
      ],
      filename,
    );

  it("allows a fallback in a file the glob matches", () => {
    expect(lint(underCwd("scripts/seed.js"), ["scripts/**"])).toEqual([]);
  });

  it("still reports in other files", () => {
    const messages = lint(underCwd("src/scripts/server.js"), ["scripts/**"]);
    expect(messages.map((message) => message.ruleId)).toEqual(["secrets/no-secret-fallback"]);
  });
});

describe("messages never contain the fallback value", () => {
  // Assembled at run time so the repository holds no secret-shaped literal.
  const canary = ["canary", "f4e1d2", "value"].join("-");

  it.each([
    `const a = getSecret("API_KEY") ?? "${canary}";`,
    `const a = process.env.API_KEY || "${canary}";`,
    `const a = getSecret("API_KEY") ? getSecret("API_KEY") : "${canary}";`,
    `const { API_KEY = "${canary}" } = process.env;`,
    `const a = getSecret("API_KEY", "${canary}");`,
    `const a = getSecret("API_KEY", { default: "${canary}" });`,
    `process.env.API_KEY ??= "${canary}";`,
    `let key = process.env.API_KEY;\nif (!key) key = "${canary}";`,
    `const a = isProd ? getSecret("API_KEY") : "${canary}";`,
    `const a = "${canary}" + process.env.API_KEY;`,
  ])("%s", (code) => {
    const messages = new Linter({ configType: "flat" }).verify(code, [
      {
        plugins: { secrets: { rules: { "no-secret-fallback": rule as never } } },
        rules: { "secrets/no-secret-fallback": ["error", { checkInterpolation: true }] },
      },
    ]);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).not.toContain(canary);
    expect(messages[0]!.message).toContain("API_KEY");
  });
});
