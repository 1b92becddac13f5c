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

/** A file under the working directory, as ESLint passes it to rules. */
const underCwd = (relative: string): string => path.join(process.cwd(), relative);

runRuleTests("no-secret-fallback", rule, {
  valid: [
    // reads without any fallback
    'const key = getSecret("API_KEY");',
    "const key = process.env.API_KEY;",

    // passing the absence on is not a default
    'const key = getSecret("API_KEY") ?? undefined;',
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
    'const key = isProduction ? getSecret("API_KEY") : "dev";',

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
      code: 'const key = getSecret("API_KEY") ?? null;',
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "a default after `??`" } }],
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
      code: 'const key = getSecret("API_KEY", null);',
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
      code: 'const key = await getSecretAsync("API_KEY").catch(function () { return null; });',
      settings: asyncAccessor,
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "`.catch()` returns a value" } }],
    },
    {
      code: 'const key = await secrets.getSecretAsync("API_KEY").catch(async () => "dev");',
      settings: asyncAccessor,
      errors: [{ messageId: "fallback", data: { name: "API_KEY", how: "`.catch()` returns a value" } }],
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
  ])("%s", (code) => {
    const messages = new Linter({ configType: "flat" }).verify(code, [
      {
        plugins: { secrets: { rules: { "no-secret-fallback": rule as never } } },
        rules: { "secrets/no-secret-fallback": "error" },
      },
    ]);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).not.toContain(canary);
    expect(messages[0]!.message).toContain("API_KEY");
  });
});
