/**
 * `secrets/no-secret-logging`: a value that comes from a secret read (an accessor call, or a
 * bare read of a secret-like environment variable) must not reach a log call, an error or an
 * HTTP response. The value is followed within the file through variables, objects, arrays,
 * strings and `await`, but not into or out of other functions.
 */
import type { InvalidTestCase } from "@typescript-eslint/rule-tester";
import rule, { type MessageIds, type Options } from "../../src/rules/no-secret-logging.js";
import { runRuleTests } from "../rule-tester.js";

type Expected = NonNullable<InvalidTestCase<MessageIds, Options>["errors"]>[number];

/** The secret `name` reaches the log call `sink`. */
const log = (name: string, sink: string, at: Partial<Expected> = {}): Expected => ({
  messageId: "log",
  data: { name, sink },
  ...at,
});
/** The secret `name` reaches the error `sink`. */
const error = (name: string, sink: string, at: Partial<Expected> = {}): Expected => ({
  messageId: "error",
  data: { name, sink },
  ...at,
});
/** The whole environment object `source` (or a serialisation of it) reaches the `kind` sink `sink`. */
const wholeEnv = (kind: "log" | "error" | "response", source: string, sink: string, at: Partial<Expected> = {}): Expected => ({
  messageId: `${kind}WholeEnv`,
  data: { name: source, sink },
  ...at,
});
/** The secret `name` reaches the response `sink`. */
const response = (name: string, sink: string, at: Partial<Expected> = {}): Expected => ({
  messageId: "response",
  data: { name, sink },
  ...at,
});

const asyncAccessor = { secrets: { accessors: ["getSecret", "getSecretAsync"] } };
/** A project whose `env("NAME")` reads any configuration (settings.secrets.envAccessors). */
const envAccessor = { secrets: { envAccessors: ["env"] } };

runRuleTests("no-secret-logging", rule, {
  valid: [
    // ---- configuration read through an environment accessor (settings.secrets.envAccessors) ----
    { code: 'throw new Error(`Unsupported transport: ${env("UPLOAD_TRANSPORT")}`);', settings: envAccessor },
    { code: 'console.log("listening on", env("PORT"), config.env("HOST"));', settings: envAccessor },
    { code: 'logger.info({ from: env("SMTP_FROM_NAME") || "Acme" });', settings: envAccessor },
    { code: 'const key = env("JWT_SECRET");\njwt.sign(payload, key);', settings: envAccessor },
    'console.log(Bun.env.PORT, Deno.env.get("LOG_LEVEL"));',
    // ---- handing the secret to the client that needs it ----
    'import Stripe from "stripe";\nexport const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);',
    `
      if (!process.env.STRIPE_SECRET_KEY) {
        throw new Error("STRIPE_SECRET_KEY is required");
      }
      export const stripe = require("stripe")(process.env.STRIPE_SECRET_KEY);
    `,
    'const token = getSecret("SLACK_BOT_TOKEN");\nconst slack = new WebClient(token);',
    'const client = new Client({ auth: getSecret("NOTION_TOKEN") });',
    'const supabase = createClient(process.env.SUPABASE_URL, process.env.SUPABASE_SERVICE_ROLE_KEY);',
    'const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });',
    'mongoose.connect(getSecret("MONGODB_URI"));',
    `
      const token = getSecret("OPENAI_API_KEY");
      const response = await fetch(url, { headers: { Authorization: \`Bearer \${token}\` } });
      logger.info("request sent", { status: response.status });
    `,
    `
      const headers = { "x-api-key": getSecret("SENDGRID_API_KEY") };
      await axios.post(url, body, { headers });
    `,
    'jwt.sign(payload, getSecret("JWT_SECRET"), { expiresIn: "1h" });',

    // ---- hashing, signing and comparing ----
    `
      const secret = process.env.WEBHOOK_SECRET;
      const signature = createHmac("sha256", secret).update(body).digest("hex");
      console.log("signature", signature);
    `,
    'const digest = createHash("sha256").update(getSecret("API_KEY")).digest("hex");\nlogger.debug({ digest });',
    `
      export function verify(req, res, next) {
        const expected = getSecret("WEBHOOK_SECRET");
        if (!timingSafeEqual(Buffer.from(req.headers["x-signature"]), Buffer.from(expected))) {
          return res.status(401).json({ error: "Invalid signature" });
        }
        next();
      }
    `,
    `
      app.use((req, res, next) => {
        if (req.headers["x-api-key"] !== process.env.ADMIN_API_KEY) {
          console.warn("rejected request with a wrong API key");
          return res.status(401).send("Unauthorized");
        }
        next();
      });
    `,
    'console.log("key matches:", getSecret("API_KEY") === provided);',

    // ---- facts about the secret, not the secret ----
    'console.log("API key length:", process.env.OPENAI_API_KEY.length);',
    'console.log("API keys:", getSecret("API_KEYS").split(",").length);',
    'const key = getSecret("API_KEY");\nlogger.info(`key has ${key.length} characters`);',
    'console.log("APYHUB_API_KEY:", process.env.APYHUB_API_KEY ? "Present" : "Missing");',
    'console.log(`GEMINI_API_KEY exists: ${Boolean(process.env.GEMINI_API_KEY)}`);',
    'const key = getSecret("API_KEY");\nlogger.info({ configured: !!key, kind: typeof key });',
    'const key = getSecret("API_KEY");\nconsole.log("stripe mode:", key.startsWith("sk_live") ? "live" : "test");',
    // `secret && x` is the secret only when it is empty
    'const key = getSecret("API_KEY");\nconsole.log(key && "configured");',

    // ---- masked, hashed or redacted ----
    'const key = getSecret("API_KEY");\nconsole.log("using key", mask(key));',
    'logger.info(`API key loaded: ${maskKey(process.env.BLACKBOX_API_KEY)}`);',
    'console.log("key fingerprint", hash(getSecret("API_KEY")));',
    // a part of at most four characters is a mask
    'const key = getSecret("API_KEY");\nconsole.log(`key: ${key.slice(0, 4)}****`);',
    'const key = getSecret("API_KEY");\nconsole.log(`key: ****${key.slice(-4)}`);',
    'const key = process.env.GEMINI_API_KEY;\nconsole.log(`First 4 chars: ${key.substring(0, 4)}`);',
    'const key = process.env.GEMINI_API_KEY;\nconsole.log(`Last 4 chars: ${key.substring(key.length - 4)}`);',
    'const key = getSecret("API_KEY");\nconsole.log(key.substr(0, 3), key.substr(-2), key.slice(2, 6), key.slice(-4, -1));',
    // replacing the secret in a text redacts it
    'const key = getSecret("API_KEY");\nlogger.error(message.replace(key, "[REDACTED]"));',
    'const key = getSecret("API_KEY");\nlogger.error(message.replaceAll(key, "***"));',

    // ---- a variable whose secret value was replaced before the log ----
    `
      let token = process.env.GITHUB_TOKEN;
      token = redact(token);
      console.log("token", token);
    `,
    `
      function describe() {
        let shown = getSecret("API_KEY");
        shown = "<hidden>";
        return () => console.log(shown);
      }
    `,
    // a log before the secret is stored
    `
      let key;
      console.log("loading key", key);
      key = getSecret("API_KEY");
    `,

    // ---- objects: only the property that holds the secret is the secret ----
    `
      const config = { apiKey: getSecret("API_KEY"), port: 3000, region: "eu-west-1" };
      console.log("listening on", config.port);
      logger.info({ region: config.region });
    `,
    `
      const { apiKey, ...rest } = { apiKey: getSecret("API_KEY"), port: 3000 };
      logger.info(rest);
    `,
    `
      const settings = { credentials: { password: getSecret("DB_PASSWORD") }, pool: { max: 10 } };
      logger.info({ pool: settings.pool });
    `,
    // a plain object stringifies to "[object Object]"
    'const config = { apiKey: getSecret("API_KEY") };\nconsole.log(`config: ${config}`, String(config));',
    // an array element that is not the secret
    'const [key, port] = [getSecret("API_KEY"), 3000];\nconsole.log(port);',
    {
      code: `
        const [dbPassword, port] = await Promise.all([getSecretAsync("DB_PASSWORD"), loadPort()]);
        console.log("port", port);
      `,
      settings: asyncAccessor,
    },

    // ---- configuration that is not secret ----
    'console.log(`Server listening on port ${process.env.PORT}`);',
    'logger.info({ level: process.env.LOG_LEVEL, env: process.env.NODE_ENV });',
    'console.log("token TTL", process.env.JWT_TOKEN_TTL);',
    'console.log("connecting to", process.env.REDIS_HOST);',
    'throw new Error(`Unsupported region ${process.env.AWS_REGION}`);',
    'res.json({ publishableKey: process.env.STRIPE_PUBLISHABLE_KEY });',

    // ---- the name of a secret is not its value ----
    'console.log("STRIPE_SECRET_KEY missing");',
    'logger.error("DATABASE_URL is not set; see .env.example");',
    `
      const key = process.env.STRIPE_SECRET_KEY;
      if (!key) {
        throw new Error("STRIPE_SECRET_KEY is missing. Please add it to your .env file");
      }
    `,
    `
      const name = "JWT_SECRET";
      const value = getSecret(name);
      if (value.length < 32) throw new Error(\`Secret \${name} must be at least 32 characters\`);
    `,
    'if (!getSecret("API_KEY")) { res.status(500).json({ error: "API_KEY is not configured" }); }',

    // ---- things that are not sinks ----
    'const token = getSecret("SESSION_SECRET");\nres.cookie("session", sign(token));',
    'export function GET() {\n  const token = getSecret("API_TOKEN");\n  return new Response("ok", { headers: { "x-upstream-token": token } });\n}',
    'export function GET() {\n  const token = getSecret("API_TOKEN");\n  return NextResponse.json({ ok: true }, { headers: { "x-upstream-token": token } });\n}',
    // pino(options) creates a logger; the transport needs its token
    'const logger = pino({ transport: { target: "@logtail/pino", options: { sourceToken: process.env.LOGTAIL_SOURCE_TOKEN } } });',
    'const key = getSecret("API_KEY");\nMath.log(key.length);',
    'const key = getSecret("API_KEY");\nauditLog.push({ event: "key rotated", at: Date.now() });',
    // with custom loggers, `logger` is no longer one (console always is)
    {
      code: 'const key = getSecret("API_KEY");\nlogger.info(key);',
      options: [{ loggers: ["audit"] }],
    },
    {
      code: 'const key = getSecret("API_KEY");\nlogger.child({ key });',
      options: [{ logMethods: ["info"] }],
    },

    // ---- loggers: a log call without a secret value, and calls that are not log calls ----
    'log.info(`Listening on ${process.env.PORT}`);',
    "logger.debug({ userId });",
    'const token = getSecret("API_TOKEN");\nawait refresh(token);\nlogger.info("token refreshed");',
    'const audit = pino();\naudit.info({ userId, keyConfigured: Boolean(getSecret("API_KEY")) });',
    'const dbg = debug("app:auth");\ndbg("loaded %d keys", getSecret("API_KEYS").split(",").length);',
    'const key = getSecret("API_KEY");\nMath.log(key);',
    'const key = getSecret("API_KEY");\nlogs.push(key);\nchangelog.add(key);\nblog.error(key);\ncatalog.info(key);\ndialog.warn(key);',
    // a logger's factory and constructor take options, a transport's token among them
    'const logger = winston.createLogger({ transports: [new LogtailTransport(new Logtail(process.env.LOGTAIL_SOURCE_TOKEN))] });',
    'import { createLogger } from "./logging.js";\nexport const logger = createLogger({ datadogApiKey: getSecret("DATADOG_API_KEY") });',
    'import pino from "pino";\nexport const logger = pino({ level: "info" }, pino.destination({ dest: getSecret("LOG_SINK_TOKEN") }));',
    'export const logger = new Logger({ token: getSecret("LOGTAIL_TOKEN") });',
    // logdna's factory takes the ingestion key; a project's logger setup takes its transport's
    'const Logger = require("logdna");\nconst logger = Logger.createLogger(`${process.env.LOG_DNA_API_KEY}`, options);',
    'const logger = setupLogger({ datadog: { apiKey: process.env.DATADOG_API_KEY, service: "feeds" } });',
    'logger.add(new DatadogTransport({ apiKey: getSecret("DATADOG_API_KEY") }));',
    'log4js.configure({ appenders: { slack: { type: "@log4js-node/slack", token: process.env.SLACK_TOKEN } } });',
    'import debug from "debug";\nconst enabled = debug.enabled(getSecret("DEBUG_TOKEN"));',
    // an alias of a factory makes a logger when it is called
    'const makeLogger = pino;\nexport const logger = makeLogger({ transport: { options: { token: getSecret("LOGTAIL_TOKEN") } } });',
    'const createDebug = require("debug");\nconst trace = createDebug(getSecret("DEBUG_NAMESPACE_TOKEN"));',
    // fetching logs with a token is not writing one
    'const entries = await getLog(getSecret("API_TOKEN"));\nconst more = fetchLogs(process.env.LOGTAIL_API_TOKEN);',
    // a module's functions that make no logger: winston's formats
    'import { format } from "winston";\nconst fmt = format.json(getSecret("API_KEY"));',
    'import winston from "winston";\nconst fmt = winston.format.printf(getSecret("API_KEY"));',
    // a variable that is assigned again may hold anything
    'let out = pino();\nout = { info() {} };\nout.info(getSecret("API_KEY"));',
    // a parameter without a type is known by its name only
    'function run(out) { out.info(getSecret("API_KEY")); }',

    // ---- secrets-runtime's Secret prints as [redacted]: only .reveal() is the value ----
    'import { getSecret } from "secrets-runtime";\nexport const stripe = new Stripe(getSecret("STRIPE_SECRET_KEY").reveal());',
    `
      import { getSecret } from "secrets-runtime";
      const apiKey = getSecret("API_KEY");
      console.log("using", apiKey);
      logger.info({ apiKey }, \`loaded \${apiKey}\`);
      throw new Error(\`API key \${apiKey} was rejected\`);
    `,
    `
      import { getSecret } from "secrets-runtime";
      const config = { webhookSecret: getSecret("WEBHOOK_SECRET"), port: 3000 };
      logger.debug({ config }, JSON.stringify(config), String(config.webhookSecret));
      res.json(config);
    `,
    'import { getSecret } from "secrets-runtime";\nconsole.log("read secret", getSecret("API_KEY").name);',
    'import { getOptionalSecret } from "secrets-runtime";\nconst dsn = getOptionalSecret("SENTRY_DSN");\nlogger.info({ sentry: dsn ?? "off" });',
    'import { getSecret as secret } from "secrets-runtime";\nconsole.log(secret("API_KEY"));',
    'const { getSecret } = require("secrets-runtime");\nconsole.log(getSecret("API_KEY"));',
    'import * as runtime from "secrets-runtime";\nconsole.log(runtime.getSecret("API_KEY"));',
    'import { createSecrets } from "secrets-runtime";\nconst secrets = createSecrets({ env: process.env });\nconsole.log(secrets.getSecret("API_KEY"));',
    'import { createSecrets } from "secrets-runtime";\nconst secrets = createSecrets({ plain: false });\nconsole.log(secrets.getSecret("API_KEY"));',
    `
      import { createAsyncSecrets } from "secrets-runtime";
      const secrets = createAsyncSecrets({ backend });
      const token = await secrets.getSecret("API_TOKEN");
      logger.info({ token });
    `,
    {
      // a project module that re-exports the runtime
      code: 'import { getSecret } from "@acme/secrets";\nconsole.log(getSecret("API_KEY"));',
      options: [{ redactingModules: ["secrets-runtime", "@acme/secrets"] }],
    },

    // ---- not a secret read ----
    'const key = readSecret("API_KEY");\nconsole.log(key);',
    { code: 'const key = getSecret("API_KEY");\nconsole.log(key);', settings: { secrets: { accessors: ["secret"] } } },
    'function show(process) { console.log(process.env.API_KEY); }',
    'const key = process.env[name];\nconsole.log(key);',

    // ---- the environment handed on whole, where nothing secret is shown ----
    "const env = process.env;\nconsole.log(env.NODE_ENV);",
    "console.log(`${process.env}`);", // [object Object]
    "console.log(Object.keys(process.env));", // the names only
    "const config = cleanEnv(process.env, { PORT: port() });\nconsole.log(config.PORT);",
    "console.log(process.env.NODE_ENV);",
    "const copy = { ...process.env };\nconsole.log(copy.NODE_ENV);",

    // ---- documented limits: not followed across functions ----
    'function print(value) { console.log(value); }\nprint(getSecret("API_KEY"));',
    'function load() { return getSecret("API_KEY"); }\nconsole.log(load());',
    `
      class Payments {
        constructor() { this.key = getSecret("STRIPE_SECRET_KEY"); }
        debug() { console.log(this.key); }
      }
    `,
    {
      code: 'getSecretAsync("API_KEY").then((key) => console.log(key));',
      settings: asyncAccessor,
    },
  ],

  invalid: [
    // ======== sources ========
    {
      code: 'const key = getSecret("STRIPE_SECRET_KEY");\nconsole.log(key);',
      errors: [log("STRIPE_SECRET_KEY", "console.log()", { line: 2, column: 13, endColumn: 16 })],
    },
    {
      code: 'console.log(getSecret("API_KEY"));',
      errors: [log("API_KEY", "console.log()", { line: 1, column: 13 })],
    },
    // ======== the whole environment ========
    {
      code: "console.log(process.env);",
      errors: [wholeEnv("log", "process.env", "console.log()", { line: 1, column: 13 })],
    },
    {
      code: "const env = process.env;\nlogger.info({ env });",
      errors: [wholeEnv("log", "process.env", "logger.info()", { line: 2, column: 13 })],
    },
    {
      code: "console.log(JSON.stringify(import.meta.env));",
      errors: [wholeEnv("log", "import.meta.env", "console.log()")],
    },
    {
      code: "throw new Error(`bad configuration: ${JSON.stringify(process.env)}`);",
      errors: [wholeEnv("error", "process.env", "new Error()")],
    },
    {
      code: 'console.log({ ...process.env, NODE_ENV: "test" });',
      errors: [wholeEnv("log", "process.env", "console.log()", { line: 1, column: 13 })],
    },
    {
      code: "app.get('/debug', (req, res) => res.json(process.env));",
      errors: [wholeEnv("response", "process.env", "res.json()")],
    },
    {
      // a file that names neither the environment nor getSecret: the configured accessor is enough
      code: 'const key = vault("STRIPE_SECRET_KEY");\nconsole.log(key);',
      settings: { secrets: { accessors: ["vault"] } },
      errors: [log("STRIPE_SECRET_KEY", "console.log()", { line: 2, column: 13, endColumn: 16 })],
    },
    {
      code: 'console.log(secrets.getSecret("API_KEY"));',
      errors: [log("API_KEY", "console.log()")],
    },
    {
      code: 'import { getSecret as secret } from "@acme/secrets";\nconsole.log(secret("API_KEY"));',
      errors: [log("API_KEY", "console.log()", { line: 2 })],
    },
    {
      code: 'const NAME = "JWT_SECRET";\nconsole.log(getSecret(NAME));',
      errors: [log("JWT_SECRET", "console.log()", { line: 2 })],
    },
    {
      // a name that is not known statically is shown as written
      code: 'function dump(name) { console.log(getSecret(name)); }',
      errors: [log("name", "console.log()")],
    },
    {
      code: 'const key = await getSecretAsync("API_KEY");\nlogger.info(key);',
      settings: asyncAccessor,
      errors: [log("API_KEY", "logger.info()", { line: 2 })],
    },
    {
      code: 'logger.info(await getSecretAsync("API_KEY"));',
      settings: asyncAccessor,
      errors: [log("API_KEY", "logger.info()")],
    },
    {
      code: 'console.log("API Key:", process.env.API_KEY);',
      errors: [log("API_KEY", "console.log()", { column: 25 })],
    },
    {
      code: 'console.log(process.env["DB_PASSWORD"]);',
      errors: [log("DB_PASSWORD", "console.log()")],
    },
    {
      code: 'console.log(import.meta.env.VITE_SUPABASE_SERVICE_ROLE_KEY);',
      errors: [log("VITE_SUPABASE_SERVICE_ROLE_KEY", "console.log()")],
    },
    {
      code: 'console.log(Bun.env.API_KEY);',
      errors: [log("API_KEY", "console.log()")],
    },
    {
      code: 'console.log(Deno.env.get("API_KEY"));',
      errors: [log("API_KEY", "console.log()")],
    },
    {
      code: 'const { DB_PASSWORD: password } = Bun.env;\nconsole.log("connecting with", password);',
      errors: [log("DB_PASSWORD", "console.log()", { line: 2 })],
    },
    {
      code: 'const token = Deno.env.get("GITHUB_TOKEN");\nthrow new Error(`bad token ${token}`);',
      errors: [error("GITHUB_TOKEN", "new Error()", { line: 2 })],
    },
    {
      code: "console.log(Deno.env.toObject());",
      errors: [wholeEnv("log", "Deno.env", "console.log()")],
    },
    {
      code: "logger.info({ ...Bun.env });",
      errors: [wholeEnv("log", "Bun.env", "logger.info()")],
    },
    // ---- environment accessors (settings.secrets.envAccessors) are judged by name ----
    {
      code: 'console.log(env("JWT_SECRET"));',
      settings: envAccessor,
      errors: [log("JWT_SECRET", "console.log()", { column: 13 })],
    },
    {
      code: 'const secret = config.env("GOOGLE_CLIENT_SECRET");\nthrow new Error(`bad secret: ${secret}`);',
      settings: envAccessor,
      errors: [error("GOOGLE_CLIENT_SECRET", "new Error()", { line: 2 })],
    },
    {
      code: 'const { STRIPE_SECRET_KEY } = process.env;\nconsole.log(STRIPE_SECRET_KEY);',
      errors: [log("STRIPE_SECRET_KEY", "console.log()", { line: 2 })],
    },
    {
      code: 'const { STRIPE_SECRET_KEY: stripeKey, PORT } = process.env;\nconsole.log(PORT, stripeKey);',
      errors: [log("STRIPE_SECRET_KEY", "console.log()", { line: 2, column: 19 })],
    },
    {
      code: 'const { env: { DATABASE_URL } } = process;\nlogger.info({ DATABASE_URL });',
      errors: [log("DATABASE_URL", "logger.info()", { line: 2 })],
    },
    {
      code: 'const env = process.env;\nconst token = env.SLACK_BOT_TOKEN;\nconsole.error("token", token);',
      errors: [log("SLACK_BOT_TOKEN", "console.error()", { line: 3 })],
    },
    {
      code: 'import process from "node:process";\nconsole.log(process.env.API_KEY);',
      errors: [log("API_KEY", "console.log()", { line: 2 })],
    },
    {
      // a parameter default
      code: 'function connect(password = process.env.DB_PASSWORD) { console.log(password); }',
      errors: [log("DB_PASSWORD", "console.log()")],
    },
    {
      // destructuring assignment
      code: 'let key;\n({ API_KEY: key } = process.env);\nconsole.log(key);',
      errors: [log("API_KEY", "console.log()", { line: 3 })],
    },

    // ---- .reveal() is the value ----
    {
      code: 'import { getSecret } from "secrets-runtime";\nconsole.log(getSecret("API_KEY").reveal());',
      errors: [log("API_KEY", "console.log()", { line: 2, column: 13 })],
    },
    {
      code: 'import { getSecret } from "secrets-runtime";\nconst apiKey = getSecret("API_KEY").reveal();\nlogger.info({ apiKey });',
      errors: [log("API_KEY", "logger.info()", { line: 3 })],
    },
    {
      code: 'import { getSecret } from "secrets-runtime";\nconst secret = getSecret("WEBHOOK_SECRET");\nres.json({ value: secret.reveal() });',
      errors: [response("WEBHOOK_SECRET", "res.json()", { line: 3 })],
    },
    {
      code: 'import { getSecret } from "secrets-runtime";\nconst config = { webhookSecret: getSecret("WEBHOOK_SECRET") };\nthrow new Error(`bad secret ${config.webhookSecret.reveal()}`);',
      errors: [error("WEBHOOK_SECRET", "new Error()", { line: 3 })],
    },
    {
      code: 'import * as runtime from "secrets-runtime";\nconsole.log(runtime.getSecret("API_KEY").reveal().slice(0, 10));',
      errors: [log("API_KEY", "console.log()", { line: 2 })],
    },
    {
      code: 'import { createAsyncSecrets } from "secrets-runtime";\nconst secrets = createAsyncSecrets({ backend });\nconst token = (await secrets.getSecret("API_TOKEN")).reveal();\nconsole.log(token);',
      errors: [log("API_TOKEN", "console.log()", { line: 4 })],
    },
    {
      // an accessor of unknown origin may return the value itself; reveal() of it is the value too
      code: 'const key = getSecret("API_KEY").reveal();\nconsole.log(key, getSecret("JWT_SECRET"));',
      errors: [log("API_KEY", "console.log()", { line: 2, column: 13 }), log("JWT_SECRET", "console.log()", { line: 2, column: 18 })],
    },
    {
      code: 'import { getSecret } from "@acme/secrets";\nconsole.log(getSecret("API_KEY"));',
      errors: [log("API_KEY", "console.log()", { line: 2 })],
    },
    {
      // plain: true makes the runtime return strings
      code: 'import { createSecrets } from "secrets-runtime";\nconst secrets = createSecrets({ plain: true });\nconsole.log(secrets.getSecret("API_KEY"));',
      errors: [log("API_KEY", "console.log()", { line: 3 })],
    },
    {
      // options that may say plain: true
      code: 'import { createSecrets } from "secrets-runtime";\nconst secrets = createSecrets(options);\nconsole.log(secrets.getSecret("API_KEY"));',
      errors: [log("API_KEY", "console.log()", { line: 3 })],
    },
    {
      code: 'import { getSecret } from "secrets-runtime";\nconsole.log(getSecret("API_KEY"));',
      options: [{ redactingModules: [] }],
      errors: [log("API_KEY", "console.log()", { line: 2 })],
    },

    // ======== propagation ========
    // ---- variables ----
    {
      code: 'let key = getSecret("API_KEY");\nconsole.log(key);',
      errors: [log("API_KEY", "console.log()")],
    },
    {
      code: 'var key = getSecret("API_KEY");\nconsole.log(key);',
      errors: [log("API_KEY", "console.log()")],
    },
    {
      code: 'let key;\nkey = getSecret("API_KEY");\nconsole.log(key);',
      errors: [log("API_KEY", "console.log()", { line: 3 })],
    },
    {
      code: 'const key = getSecret("API_KEY");\nconst copy = key;\nlet again;\nagain = copy;\nconsole.log(again);',
      errors: [log("API_KEY", "console.log()", { line: 5 })],
    },
    {
      // a reassignment that may not happen does not remove the secret
      code: 'let token = process.env.GITHUB_TOKEN;\nif (short) token = redact(token);\nconsole.log(token);',
      errors: [log("GITHUB_TOKEN", "console.log()", { line: 3 })],
    },
    {
      // a value derived from the secret, stored back
      code: 'let key = getSecret("API_KEY");\nkey = key.trim();\nconsole.log(key);',
      errors: [log("API_KEY", "console.log()", { line: 3 })],
    },
    {
      code: 'const key = getSecret("API_KEY");\nlet message = "key: ";\nmessage += key;\nlogger.debug(message);',
      errors: [log("API_KEY", "logger.debug()", { line: 4 })],
    },
    {
      code: 'let key = cachedKey;\nkey ??= getSecret("API_KEY");\nconsole.log(key);',
      errors: [log("API_KEY", "console.log()", { line: 3 })],
    },
    {
      // a module-level secret read in a request handler
      code: 'const apiKey = getSecret("API_KEY");\napp.get("/debug", (req, res) => {\n  res.json({ apiKey });\n});',
      errors: [response("API_KEY", "res.json()", { line: 3, column: 12 })],
    },
    {
      // a callback may run after the secret is stored
      code: 'let key;\napp.get("/", (req, res) => res.send(key));\nkey = getSecret("API_KEY");',
      errors: [response("API_KEY", "res.send()", { line: 2 })],
    },
    {
      // a function declaration is hoisted: it may run before the value is replaced
      code: 'let key = getSecret("API_KEY");\nkey = "<hidden>";\nfunction show() { console.log(key); }',
      errors: [log("API_KEY", "console.log()", { line: 3 })],
    },
    {
      // a callback created while the variable holds the secret may run before it is replaced
      code: 'let key = getSecret("API_KEY");\nconst show = () => console.log(key);\nkey = "<hidden>";',
      errors: [log("API_KEY", "console.log()", { line: 2 })],
    },
    {
      // a function elsewhere that reads a module variable written by another function
      code: 'let key;\nfunction load() { key = getSecret("API_KEY"); }\nfunction show() { console.log(key); }',
      errors: [log("API_KEY", "console.log()", { line: 3 })],
    },
    {
      code: 'const key = getSecret("API_KEY");\nfor (const attempt of [1, 2, 3]) {\n  console.log(attempt, key);\n}',
      errors: [log("API_KEY", "console.log()", { line: 3 })],
    },

    // ---- destructuring a tainted object ----
    {
      code: 'const { password } = getSecret("DB_CREDENTIALS");\nconsole.log(password);',
      errors: [log("DB_CREDENTIALS", "console.log()", { line: 2 })],
    },
    {
      code: 'const config = { apiKey: getSecret("API_KEY"), port: 3000 };\nconst { apiKey } = config;\nconsole.log(apiKey);',
      errors: [log("API_KEY", "console.log()", { line: 3 })],
    },
    {
      code: 'const config = { stripe: { key: getSecret("STRIPE_SECRET_KEY") } };\nconst { stripe: { key } } = config;\nconsole.log(key);',
      errors: [log("STRIPE_SECRET_KEY", "console.log()", { line: 3 })],
    },
    {
      code: 'const config = { apiKey: getSecret("API_KEY"), port: 3000 };\nconst { port, ...rest } = config;\nlogger.info(rest);',
      errors: [log("API_KEY", "logger.info()", { line: 3 })],
    },
    {
      code: 'const [key] = [getSecret("API_KEY"), 3000];\nconsole.log(key);',
      errors: [log("API_KEY", "console.log()", { line: 2 })],
    },
    {
      code: 'const [dbPassword, port] = await Promise.all([getSecretAsync("DB_PASSWORD"), loadPort()]);\nconsole.log(port, dbPassword);',
      settings: asyncAccessor,
      errors: [log("DB_PASSWORD", "console.log()", { line: 2, column: 19 })],
    },

    // ---- object properties ----
    {
      code: 'const config = { apiKey: getSecret("API_KEY"), port: 3000 };\nlogger.info(config);',
      errors: [log("API_KEY", "logger.info()", { line: 2, column: 13 })],
    },
    {
      code: 'const apiKey = getSecret("API_KEY");\nlogger.info({ apiKey }, "loaded config");',
      errors: [log("API_KEY", "logger.info()", { line: 2, column: 13 })],
    },
    {
      code: 'const config = { apiKey: getSecret("API_KEY"), port: 3000 };\nconsole.log(config.apiKey);',
      errors: [log("API_KEY", "console.log()", { line: 2 })],
    },
    {
      code: 'const config = { apiKey: getSecret("API_KEY") };\nconsole.log(config["apiKey"], config[field]);',
      errors: [log("API_KEY", "console.log()", { column: 13 }), log("API_KEY", "console.log()", { column: 31 })],
    },
    {
      code: 'const config = { db: { password: getSecret("DB_PASSWORD") }, port: 3000 };\nconsole.log(config.db);',
      errors: [log("DB_PASSWORD", "console.log()", { line: 2 })],
    },
    {
      code: 'const base = { token: getSecret("API_TOKEN") };\nconst options = { ...base, retries: 3 };\nlogger.debug(options);',
      errors: [log("API_TOKEN", "logger.debug()", { line: 3 })],
    },
    {
      code: 'const options = { headers: {} };\noptions.headers.Authorization = `Bearer ${getSecret("API_TOKEN")}`;\nlogger.debug("request", options);',
      errors: [log("API_TOKEN", "logger.debug()", { line: 3, column: 25 })],
    },
    {
      code: 'const key = getSecret("API_KEY");\nconst sources = { [provider]: key };\nconsole.log(sources);',
      errors: [log("API_KEY", "console.log()", { line: 3 })],
    },

    // ---- arrays ----
    {
      code: 'const parts = ["Bearer", getSecret("API_TOKEN")];\nconsole.log(parts[1], parts.join(" "), `${parts}`);',
      errors: [
        log("API_TOKEN", "console.log()", { column: 13 }),
        log("API_TOKEN", "console.log()", { column: 23 }),
        log("API_TOKEN", "console.log()", { column: 40 }),
      ],
    },
    {
      code: 'const args = ["token", getSecret("API_TOKEN")];\nconsole.log(...args);',
      errors: [log("API_TOKEN", "console.log()", { line: 2, column: 13 })],
    },

    // ---- strings ----
    {
      code: 'const token = getSecret("API_TOKEN");\nconsole.log(`Authorization: Bearer ${token}`);',
      errors: [log("API_TOKEN", "console.log()", { line: 2 })],
    },
    {
      code: 'const token = getSecret("API_TOKEN");\nconst header = "Bearer " + token;\nconsole.log(header);',
      errors: [log("API_TOKEN", "console.log()", { line: 3 })],
    },
    {
      code: 'const password = getSecret("DB_PASSWORD");\nconst url = `postgres://app:${password}@db:5432/app`;\nlogger.info(`connecting to ${url}`);',
      errors: [log("DB_PASSWORD", "logger.info()", { line: 3 })],
    },
    {
      code: 'const key = getSecret("API_KEY");\nconsole.log(JSON.stringify({ key }));',
      errors: [log("API_KEY", "console.log()", { line: 2 })],
    },
    {
      code: 'const config = { apiKey: getSecret("API_KEY") };\nlogger.info("config " + JSON.stringify(config, null, 2));',
      errors: [log("API_KEY", "logger.info()", { line: 2 })],
    },
    {
      code: 'console.log(String(getSecret("API_KEY")));',
      errors: [log("API_KEY", "console.log()")],
    },
    {
      code: 'console.log(getSecret("API_KEY").toString());',
      errors: [log("API_KEY", "console.log()")],
    },
    {
      code: 'console.log(process.env.API_KEY?.trim().toUpperCase());',
      errors: [log("API_KEY", "console.log()")],
    },
    {
      code: 'const basic = Buffer.from(`${user}:${getSecret("SMTP_PASSWORD")}`).toString("base64");\nlogger.debug(basic);',
      errors: [log("SMTP_PASSWORD", "logger.debug()", { line: 2 })],
    },
    {
      code: 'const query = new URLSearchParams({ client_secret: getSecret("OAUTH_CLIENT_SECRET") });\nconsole.log(`token request: ${query}`);',
      errors: [log("OAUTH_CLIENT_SECRET", "console.log()", { line: 2 })],
    },
    {
      code: 'console.log(util.format("key=%s", getSecret("API_KEY")));',
      errors: [log("API_KEY", "console.log()")],
    },
    {
      code: 'const key = getSecret("API_KEY");\nconsole.log(template.replace("{key}", key), "prefix-".concat(key));',
      errors: [log("API_KEY", "console.log()", { column: 13 }), log("API_KEY", "console.log()", { column: 45 })],
    },
    {
      code: 'const [, secretPart] = getSecret("API_KEY").split("_");\nconsole.log(secretPart);',
      errors: [log("API_KEY", "console.log()", { line: 2 })],
    },
    {
      // a part longer than four characters is the secret
      code: 'const token = getSecret("API_TOKEN");\nconsole.log(token.slice(7), token.substring(0, 8), token.slice(0, 6) + "..." + token.slice(-4));',
      errors: [
        log("API_TOKEN", "console.log()", { column: 13 }),
        log("API_TOKEN", "console.log()", { column: 29 }),
        log("API_TOKEN", "console.log()", { column: 52 }),
      ],
    },
    {
      code: "console.log('CHECKCARD_API_KEY:', process.env.CHECKCARD_API_KEY ? `${process.env.CHECKCARD_API_KEY.substring(0, 8)}...` : 'NOT SET');",
      errors: [log("CHECKCARD_API_KEY", "console.log()", { column: 35 })],
    },

    // ---- operators ----
    {
      code: 'const key = getSecret("API_KEY");\nconsole.log(key || "none", cached ?? key, ready ? key : "pending");',
      errors: [
        log("API_KEY", "console.log()", { column: 13 }),
        log("API_KEY", "console.log()", { column: 28 }),
        log("API_KEY", "console.log()", { column: 43 }),
      ],
    },
    {
      code: 'const key = getSecret("API_KEY");\nconsole.log(ready && key);',
      errors: [log("API_KEY", "console.log()", { line: 2 })],
    },

    // ======== sinks ========
    // ---- console ----
    ...["log", "info", "warn", "error", "debug", "trace", "dir", "table"].map((method) => ({
      code: `console.${method}(getSecret("API_KEY"));`,
      errors: [log("API_KEY", `console.${method}()`)],
    })),
    {
      code: 'console?.log(getSecret("API_KEY"));',
      errors: [log("API_KEY", "console.log()")],
    },

    // ---- loggers ----
    ...["info", "warn", "error", "debug", "trace", "fatal", "log", "verbose", "silly"].map((method) => ({
      code: `logger.${method}("config", { key: getSecret("API_KEY") });`,
      errors: [log("API_KEY", `logger.${method}()`, { column: 9 + method.length + 10 })],
    })),
    ...["log", "pino", "winston", "bunyan"].map((object) => ({
      code: `${object}.info(getSecret("API_KEY"));`,
      errors: [log("API_KEY", `${object}.info()`)],
    })),
    {
      code: 'const key = getSecret("API_KEY");\nthis.logger.warn(`key ${key}`);\nreq.log.info({ key });\nfastify.log.error(key);',
      errors: [
        log("API_KEY", "logger.warn()", { line: 2 }),
        log("API_KEY", "log.info()", { line: 3 }),
        log("API_KEY", "log.error()", { line: 4 }),
      ],
    },
    {
      code: 'const key = getSecret("API_KEY");\nlogger.child({ requestId }).info({ key });',
      errors: [log("API_KEY", "logger.info()", { line: 2 })],
    },
    {
      // a logger called directly
      code: 'const log = debug("app:auth");\nlog("token %s", getSecret("API_TOKEN"));',
      errors: [log("API_TOKEN", "log()", { line: 2 })],
    },
    {
      code: 'logger(getSecret("API_TOKEN"));',
      errors: [log("API_TOKEN", "logger()")],
    },
    {
      code: 'const key = getSecret("API_KEY");\naudit.record(key);\naudit(key);\nconsole.log(key);',
      options: [{ loggers: ["audit"], logMethods: ["record"] }],
      errors: [
        log("API_KEY", "audit.record()", { line: 2 }),
        log("API_KEY", "audit()", { line: 3 }),
        log("API_KEY", "console.log()", { line: 4 }),
      ],
    },
    {
      code: 'const key = getSecret("API_KEY");\nlogger.child({ key });',
      options: [{ logMethods: ["info", "child"] }],
      errors: [log("API_KEY", "logger.child()", { line: 2 })],
    },

    // ---- loggers by name ----
    {
      code: 'logger.info(getSecret("JWT_SECRET"));',
      errors: [log("JWT_SECRET", "logger.info()")],
    },
    {
      code: 'this.logger.debug(`key=${process.env.STRIPE_SECRET_KEY}`);',
      errors: [log("STRIPE_SECRET_KEY", "logger.debug()")],
    },
    ...[
      ["LOGGER.error", "LOGGER.error()"],
      ["this._logger.warn", "_logger.warn()"],
      ["this.log.info", "log.info()"],
      ["$log.info", "$log.info()"],
      ["appLogger.info", "appLogger.info()"],
      ["APP_LOGGER.warn", "APP_LOGGER.warn()"],
      ["auditLog.info", "auditLog.info()"],
      ["ctx.log.info", "log.info()"],
      ["app.log.warn", "log.warn()"],
      ["server.log.error", "log.error()"],
      ["request.log.info", "log.info()"],
      ["Logger.log", "Logger.log()"],
      ["Logger.error", "Logger.error()"],
      ["consola.info", "consola.info()"],
      ["signale.success", "signale.success()"],
      ["logger.success", "logger.success()"],
      ["logger.fail", "logger.fail()"],
      ["logger.notice", "logger.notice()"],
      ["logger.warning", "logger.warning()"],
      ["logger.critical", "logger.critical()"],
      ["logger.alert", "logger.alert()"],
      ["logger.emerg", "logger.emerg()"],
    ].map(([call, sink]) => ({
      code: `${call}("key", process.env.DB_PASSWORD);`,
      errors: [log("DB_PASSWORD", sink!)],
    })),
    {
      // a command's own log method (oclif, Yeoman)
      code: 'class Show extends Command {\n  run() { this.log(`token: ${getSecret("API_TOKEN")}`); }\n}',
      errors: [log("API_TOKEN", "log()", { line: 2 })],
    },
    {
      code: 'class Service {\n  #logger = createLogger("svc");\n  run() { this.#logger.info(getSecret("API_KEY")); }\n}',
      errors: [log("API_KEY", "logger.info()", { line: 3 })],
    },

    // ---- loggers by construction ----
    {
      code: 'const log = pino();\nlog.info({ token: getSecret("API_TOKEN") });',
      errors: [log("API_TOKEN", "log.info()", { line: 2 })],
    },
    {
      code: 'new Logger("App").log(process.env.DB_PASSWORD);',
      errors: [log("DB_PASSWORD", "new Logger().log()")],
    },
    ...[
      "const audit = pino();",
      "const audit = pino.default();",
      'import pino from "pino";\nconst audit = pino({ level: "info" });',
      'import createPino from "pino";\nconst audit = createPino();',
      'import { pino } from "pino";\nconst audit = pino();',
      'const audit = require("pino")();',
      'const audit = winston.createLogger({ level: "info" });',
      'import { createLogger } from "winston";\nconst audit = createLogger();',
      'const { createLogger: make } = require("bunyan");\nconst audit = make({ name: "app" });',
      'const audit = bunyan.createLogger({ name: "app" });',
      'import Bunyan from "bunyan";\nconst audit = new Bunyan({ name: "app" });',
      "const audit = consola.create({});",
      'const audit = consola.withTag("db");',
      'import { createConsola } from "consola";\nconst audit = createConsola({ fancy: true });',
      'const audit = log4js.getLogger("auth");',
      'const audit = LogManager.getLogger("auth");',
      'const audit = new Logger(AppService.name);',
      'import { ConsoleLogger } from "@nestjs/common";\nconst audit = new ConsoleLogger("App");',
      'const audit = new AppLogger();',
      'import { Signale } from "signale";\nconst audit = new Signale({ scope: "auth" });',
      'const audit = pino().child({ module: "db" });',
      "const root = pino();\nconst audit = root.child({ module: \"db\" });",
      "const audit = this.logger;",
      "const audit = await createLogger();",
    ].map((made) => ({
      code: `${made}\naudit.warn("key", getSecret("API_KEY"));`,
      errors: [log("API_KEY", "audit.warn()", { line: made.split("\n").length + 1 })],
    })),
    {
      code: 'log4js.getLogger("auth").info(getSecret("API_KEY"));\npino().child({}).error(getSecret("API_KEY"));',
      errors: [
        log("API_KEY", "log4js.getLogger().info()", { line: 1 }),
        log("API_KEY", "pino().error()", { line: 2 }),
      ],
    },
    // debug's instances are called directly
    ...[
      'const trace = debug("app:auth");',
      'import createDebug from "debug";\nconst trace = createDebug("app:auth");',
      'const trace = require("debug")("app:auth");',
      'import trace from "fancy-log";',
    ].map((made) => ({
      code: `${made}\ntrace("token %s", getSecret("API_TOKEN"));`,
      errors: [log("API_TOKEN", "trace()", { line: made.split("\n").length + 1 })],
    })),

    // ---- logger objects that libraries export, under any local name ----
    ...[
      ['import c from "consola";', "c.info"],
      ['import { consola as out } from "consola";', "out.info"],
      ['const { consola: out } = require("consola");', "out.info"],
      ['const c = require("consola").default;', "c.info"],
      ['import s from "signale";', "s.success"],
      ['const npm = require("npmlog");', "npm.info"],
      ['import lv from "loglevel";', "lv.warn"],
      ['import * as lv from "loglevel";', "lv.warn"],
      ['import elog from "electron-log/main";', "elog.info"],
      ['import w from "winston";', "w.info"],
      ['import { Logger as Nest } from "@nestjs/common";', "Nest.log"],
      ['import * as nest from "@nestjs/common";', "nest.Logger.warn"],
      ['import * as fl from "firebase-functions/logger";', "fl.info"],
    ].map(([made, call]) => ({
      code: `${made}\n${call}("key", process.env.DB_PASSWORD);`,
      errors: [log("DB_PASSWORD", `${call!.split(".").at(-2)}.${call!.split(".").at(-1)}()`, { line: 2 })],
    })),

    // ---- logger fields of a class ----
    {
      code: 'class Payments {\n  audit = pino();\n  charge() { this.audit.info(getSecret("STRIPE_SECRET_KEY")); }\n}',
      errors: [log("STRIPE_SECRET_KEY", "audit.info()", { line: 3 })],
    },
    {
      code: 'class Payments {\n  #audit = new Logger("Payments");\n  charge() { this.#audit.log(getSecret("STRIPE_SECRET_KEY")); }\n}',
      errors: [log("STRIPE_SECRET_KEY", "audit.log()", { line: 3 })],
    },
    {
      code: 'class Payments {\n  constructor() { this.audit = winston.createLogger({}); }\n  charge() { this.audit.error(getSecret("STRIPE_SECRET_KEY")); }\n}',
      errors: [log("STRIPE_SECRET_KEY", "audit.error()", { line: 3 })],
    },
    {
      code: 'class Worker {\n  trace = debug("worker");\n  run() { this.trace(getSecret("API_TOKEN")); }\n}',
      errors: [log("API_TOKEN", "trace()", { line: 3 })],
    },
    {
      // with other logger names, a logger the file makes is still one
      code: 'const out = pino();\nout.info(getSecret("API_KEY"));',
      options: [{ loggers: ["audit"] }],
      errors: [log("API_KEY", "out.info()", { line: 2 })],
    },

    // ---- errors ----
    {
      code: 'const key = getSecret("API_KEY");\nthrow new Error(`Invalid API key: ${key}`);',
      errors: [error("API_KEY", "new Error()", { line: 2, column: 17 })],
    },
    {
      code: 'const key = getSecret("API_KEY");\nif (!valid) throw new TypeError("bad key " + key);',
      errors: [error("API_KEY", "new TypeError()", { line: 2 })],
    },
    {
      code: 'const key = getSecret("API_KEY");\nreject(new ValidationError("key rejected", { key }));',
      errors: [error("API_KEY", "new ValidationError()", { line: 2, column: 44 })],
    },
    {
      code: 'const key = getSecret("API_KEY");\nthrow new errors.UnauthorizedError(key);',
      errors: [error("API_KEY", "new UnauthorizedError()", { line: 2 })],
    },
    {
      code: 'const key = getSecret("API_KEY");\nthrow Error(key);',
      errors: [error("API_KEY", "Error()", { line: 2 })],
    },
    {
      code: 'const key = getSecret("API_KEY");\nthrow createError(401, `rejected ${key}`);',
      errors: [error("API_KEY", "createError()", { line: 2 })],
    },
    {
      code: 'const key = getSecret("API_KEY");\nthrow new Error("request failed", { cause: { key } });',
      errors: [error("API_KEY", "new Error()", { line: 2 })],
    },
    {
      code: 'throw getSecret("API_KEY");',
      errors: [error("API_KEY", "a throw statement", { column: 7 })],
    },
    {
      code: 'const key = getSecret("API_KEY");\nthrow { code: "E_AUTH", key };',
      errors: [error("API_KEY", "a throw statement", { line: 2 })],
    },
    {
      code: 'const error = new Error("request failed");\nerror.message += ` with key ${getSecret("API_KEY")}`;\nthrow error;',
      errors: [error("API_KEY", "a throw statement", { line: 3 })],
    },

    // ---- responses ----
    ...["send", "json", "jsonp", "write", "end"].map((method) => ({
      code: `app.get("/", (req, res) => { res.${method}(getSecret("API_KEY")); });`,
      errors: [response("API_KEY", `res.${method}()`)],
    })),
    {
      code: 'const apiKey = getSecret("API_KEY");\nres.render("settings", { apiKey });',
      errors: [response("API_KEY", "res.render()", { line: 2, column: 24 })],
    },
    {
      code: 'const key = getSecret("API_KEY");\nres.status(500).json({ error: "failed", key });',
      errors: [response("API_KEY", "res.json()", { line: 2 })],
    },
    {
      code: 'const key = getSecret("API_KEY");\nresponse.send(key);',
      errors: [response("API_KEY", "response.send()", { line: 2 })],
    },
    {
      code: 'fastify.get("/", async (request, reply) => {\n  reply.code(200).send({ token: getSecret("API_TOKEN") });\n});',
      errors: [response("API_TOKEN", "reply.send()", { line: 2 })],
    },
    {
      code: 'router.get("/", (ctx) => {\n  ctx.body = { token: getSecret("API_TOKEN") };\n});',
      errors: [response("API_TOKEN", "ctx.body", { line: 2, column: 14 })],
    },
    {
      code: 'ctx.response.body = getSecret("API_TOKEN");',
      errors: [response("API_TOKEN", "ctx.response.body")],
    },
    {
      code: 'export async function GET() {\n  const key = getSecret("API_KEY");\n  return Response.json({ key });\n}',
      errors: [response("API_KEY", "Response.json()", { line: 3 })],
    },
    {
      code: 'export async function GET() {\n  return new Response(getSecret("API_KEY"));\n}',
      errors: [response("API_KEY", "new Response()", { line: 2 })],
    },
    {
      code: 'export async function GET() {\n  return NextResponse.json({ token: getSecret("API_TOKEN") }, { status: 200 });\n}',
      errors: [response("API_TOKEN", "NextResponse.json()", { line: 2 })],
    },
    {
      code: 'export function GET() {\n  return new NextResponse(JSON.stringify({ token: getSecret("API_TOKEN") }));\n}',
      errors: [response("API_TOKEN", "new NextResponse()", { line: 2 })],
    },
    {
      code: 'app.get("/", (c) => c.json({ token: getSecret("API_TOKEN") }));',
      options: [{ responseObjects: ["c"] }],
      errors: [response("API_TOKEN", "c.json()")],
    },

    // ---- several secrets, several sinks ----
    {
      code: 'const user = getSecret("DB_USER_PASSWORD");\nconst admin = getSecret("DB_ADMIN_PASSWORD");\nconsole.log(`${user}/${admin}`);',
      errors: [
        log("DB_USER_PASSWORD", "console.log()", { line: 3 }),
        log("DB_ADMIN_PASSWORD", "console.log()", { line: 3 }),
      ],
    },
    {
      // the same secret reaching one argument twice is one report
      code: 'const key = getSecret("API_KEY");\nconsole.log({ a: key, b: key });',
      errors: [log("API_KEY", "console.log()", { line: 2 })],
    },
    {
      code: 'const key = getSecret("API_KEY");\nconsole.log(key);\nthrow new Error(key);',
      errors: [log("API_KEY", "console.log()", { line: 2 }), error("API_KEY", "new Error()", { line: 3 })],
    },
  ],

  validTs: [
    'const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: "2024-06-20" });',
    'const key: string = getSecret("API_KEY");\nconsole.log((key as string).length);',
    `
      @Injectable()
      export class PaymentsService {
        private readonly logger = new Logger(PaymentsService.name);
        private readonly stripe = new Stripe(this.config.getOrThrow<string>("STRIPE_SECRET_KEY"));
        charge(): void {
          this.logger.log("charging");
        }
      }
    `,

    // a parameter or field typed as something else is not a logger
    'function run(out: Writable) { out.info(getSecret("API_KEY")); }',
    'class Service {\n  constructor(private readonly config: ConfigService) {}\n  run() { this.config.warn(getSecret("API_KEY")); }\n}',
  ],

  invalidTs: [
    {
      code: 'const key = getSecret("API_KEY") as string;\nconsole.log(key);',
      errors: [log("API_KEY", "console.log()", { line: 2 })],
    },
    {
      code: 'const secret = process.env.WEBHOOK_SECRET!;\nconsole.log("secret", secret);',
      errors: [log("WEBHOOK_SECRET", "console.log()", { line: 2 })],
    },
    {
      code: 'const config = { apiKey: getSecret("API_KEY") } satisfies Config;\nlogger.info(config);',
      errors: [log("API_KEY", "logger.info()", { line: 2 })],
    },
    {
      code: 'const key = <string>getSecret("API_KEY");\nconsole.log(key);',
      errors: [log("API_KEY", "console.log()", { line: 2 })],
    },
    {
      code: `
        @Injectable()
        export class AuthGuard {
          private readonly logger = new Logger(AuthGuard.name);
          canActivate(context: ExecutionContext): boolean {
            const expected = getSecret("ADMIN_API_KEY");
            this.logger.debug(\`expected key \${expected}\`);
            throw new UnauthorizedException(\`bad key, expected \${expected}\`);
          }
        }
      `,
      errors: [
        log("ADMIN_API_KEY", "logger.debug()", { line: 7 }),
        error("ADMIN_API_KEY", "new UnauthorizedException()", { line: 8 }),
      ],
    },
    // ---- loggers by their type ----
    {
      code: 'class AuthService {\n  constructor(@InjectPinoLogger(AuthService.name) private readonly audit: PinoLogger) {}\n  run() { this.audit.info(getSecret("JWT_SECRET")); }\n}',
      errors: [log("JWT_SECRET", "audit.info()", { line: 3 })],
    },
    {
      code: 'class AuthService {\n  @Inject(LOGGER) private readonly audit!: LoggerService;\n  run() { this.audit.warn(getSecret("JWT_SECRET")); }\n}',
      errors: [log("JWT_SECRET", "audit.warn()", { line: 3 })],
    },
    {
      code: 'function handle(out: pino.Logger) {\n  out.info({ key: getSecret("API_KEY") });\n}',
      errors: [log("API_KEY", "out.info()", { line: 2 })],
    },
    {
      code: 'const out: Logger = makeIt();\nout.error(getSecret("API_KEY"));',
      errors: [log("API_KEY", "out.error()", { line: 2 })],
    },
    {
      code: `
        @Injectable()
        export class BillingService {
          private readonly audit = new Logger(BillingService.name);
          constructor(private readonly config: ConfigService) {}
          start(): void {
            this.audit.log(\`stripe key \${getSecret("STRIPE_SECRET_KEY")}\`);
          }
        }
      `,
      errors: [log("STRIPE_SECRET_KEY", "audit.log()", { line: 7 })],
    },
  ],
});
