/**
 * `secrets/no-public-env-secret`: a secret-like variable whose name carries a framework's public
 * prefix (`NEXT_PUBLIC_`, `VITE_`, ...) is inlined into the client bundle. Every read of one is
 * reported; credentials that are public by design are not.
 */
import { DEFAULT_PUBLIC_ENV_PREFIXES, PUBLIC_ENV_PREFIXES } from "@secrets-suite/core";
import type { InvalidTestCase } from "@typescript-eslint/rule-tester";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import rule, { type MessageIds, type Options } from "../../src/rules/no-public-env-secret.js";
import { runRuleTests } from "../rule-tester.js";

type Error = InvalidTestCase<MessageIds, Options>["errors"][number];

type At = { line?: number; column?: number; endColumn?: number };

/** The report of a secret name with a public prefix, with the framework list as the message shows it. */
function publicSecret(name: string, prefix: string, frameworks: string, at: At = {}): Error {
  return { messageId: "publicSecret", data: { name, prefix, frameworks }, ...at };
}

/** The report of a credential that is never public, with what its name says it is. */
function serverOnly(name: string, prefix: string, frameworks: string, why: string, at: At = {}): Error {
  return { messageId: "serverOnlySecret", data: { name, prefix, frameworks, why }, ...at };
}

/** What `serverOnlySecret` says of a provider that issues no browser credential. */
const provider = (service: string) => `${service} issues no credential meant for browsers`;
/** What `serverOnlySecret` says of a never-public word in the name. */
const marked = (word: string, marks: string) => `'${word}' marks ${marks}`;

/** A CommonJS file (typescript-eslint's parser needs its own `sourceType`, see no-bare-env-secret). */
const commonjs = { sourceType: "commonjs", parserOptions: { sourceType: "commonjs" } } as const;

/**
 * Names taken from public `.env.example` files and client code (Next.js, Vite, CRA, Expo,
 * Astro, Laravel), after the prefix is taken off. Public by design: the vendor means them to
 * be in the browser.
 */
const PUBLIC_BY_DESIGN: readonly string[] = [
  // issue 12: reported before, meant for the browser
  "NEXT_PUBLIC_SEGMENT_API_KEY", // Segment write key, handed to @segment/snippet
  "REACT_APP_STRIPE_CLIENT_KEY", // Stripe publishable key
  "NEXT_PUBLIC_ALGOLIA_API_KEY", // next to a search client: the search-only key
  "VITE_MIXPANEL_KEY", // Mixpanel project token
  "NEXT_PUBLIC_STRIPE_KEY", // loadStripe() refuses secret keys
  "EXPO_PUBLIC_SUPABASE_KEY", // createClient(url, key) in an app: the anon key
  "VITE_SUPABASE_KEY",
  "NEXT_PUBLIC_SEGMENT_KEY",
  "VITE_AMPLITUDE_API_KEY",
  "NEXT_PUBLIC_HEAP_ANALYTICS_KEY",
  "NEXT_PUBLIC_RECAPTCHA_KEY", // <ReCAPTCHA sitekey={...} />
  "NEXT_PUBLIC_MEILISEARCH_API_KEY",
  "NEXT_PUBLIC_TYPESENSE_API_KEY",
  "NEXT_PUBLIC_SEARCH_API_KEY", // Medusa's storefront search key
  "REACT_APP_GOOGLE_MAP_API_KEY",
  "NEXT_PUBLIC_CLOUDINARY_API_KEY",
  "NEXT_PUBLIC_SHOPIFY_STOREFRONT_ACCESS_TOKEN",
  "VITE_PUBLIC_POSTHOG_KEY", // PostHog's own spelling for Vite
  "REACT_APP_MAGIC_PUBLISH_KEY",
  "VITE_RAZORPAY_KEY", // Razorpay Checkout's key id
  "NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY", // Stripe publishable key (pk_)
  "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY",
  "VITE_SUPABASE_ANON_KEY", // Supabase anon key, protected by row level security
  "NEXT_PUBLIC_SUPABASE_ANON_KEY",
  "NEXT_PUBLIC_RECAPTCHA_SITE_KEY", // captcha site keys
  "NEXT_PUBLIC_TURNSTILE_SITE_KEY",
  "VITE_HCAPTCHA_SITEKEY",
  "PUBLIC_POSTHOG_KEY", // PostHog project API key (phc_), SvelteKit/Astro spelling
  "NEXT_PUBLIC_POSTHOG_KEY",
  "EXPO_PUBLIC_POSTHOG_KEY",
  "NEXT_PUBLIC_SENTRY_DSN", // Sentry DSN: write-only by design
  "VITE_SENTRY_DSN",
  "NEXT_PUBLIC_MAPBOX_TOKEN", // Mapbox public token (pk.)
  "VITE_MAPBOX_ACCESS_TOKEN",
  "NEXT_PUBLIC_GOOGLE_MAPS_API_KEY", // Google Maps JavaScript API key, referrer-restricted
  "VITE_GOOGLE_MAPS_KEY",
  "REACT_APP_GOOGLE_PLACES_API_KEY",
  "REACT_APP_FIREBASE_API_KEY", // Firebase web config apiKey
  "NEXT_PUBLIC_FIREBASE_API_KEY",
  "VITE_FIREBASE_APIKEY",
  "NEXT_PUBLIC_FIREBASE_VAPID_KEY",
  "NEXT_PUBLIC_ALGOLIA_SEARCH_API_KEY", // Algolia search-only key
  "NEXT_PUBLIC_ALGOLIA_SEARCH_ONLY_TOKEN",
  "NEXT_PUBLIC_TYPESENSE_SEARCH_ONLY_API_KEY",
  "VITE_PUSHER_APP_KEY", // Laravel's default .env.example
  "VITE_REVERB_APP_KEY",
  "NEXT_PUBLIC_DD_CLIENT_TOKEN", // Datadog RUM client token
  "NEXT_PUBLIC_PADDLE_CLIENT_TOKEN",
  "NEXT_PUBLIC_STATSIG_CLIENT_KEY",
  "NEXT_PUBLIC_SEGMENT_WRITE_KEY",
  "NEXT_PUBLIC_MIXPANEL_TOKEN",
  "NEXT_PUBLIC_AMPLITUDE_API_KEY",
  "EXPO_PUBLIC_REVENUECAT_APPLE_API_KEY",
  "VITE_TINYMCE_API_KEY",
  // configuration, not credentials
  "NEXT_PUBLIC_SUPABASE_URL",
  "NEXT_PUBLIC_POSTHOG_HOST",
  "NEXT_PUBLIC_APP_URL",
  "VITE_API_URL",
  "NEXT_PUBLIC_GA_MEASUREMENT_ID",
  "NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID",
  "NEXT_PUBLIC_ALGOLIA_APP_ID",
  "NEXT_PUBLIC_ALGOLIA_INDEX_NAME",
  "NEXT_PUBLIC_TOKEN_TTL",
  // "public key": PUBLIC is part of the term, not a prefix
  "PUBLIC_KEY",
  "PUBLIC_KEY_PEM",
  "NEXT_PUBLIC_KEY",
];

/**
 * Secrets under a public prefix, each with the prefix and frameworks the message names, and,
 * for credentials that are never public, what the `serverOnlySecret` message says they are.
 */
const LEAKS: readonly (readonly [name: string, prefix: string, frameworks: string, why?: string])[] = [
  // server secrets by a word of their name
  ["NEXT_PUBLIC_STRIPE_SECRET_KEY", "NEXT_PUBLIC_", "Next.js", marked("SECRET", "a secret")],
  ["VITE_STRIPE_SECRET_KEY", "VITE_", "Vite", marked("SECRET", "a secret")],
  ["VITE_DB_PASSWORD", "VITE_", "Vite", marked("PASSWORD", "a password")],
  ["VITE_ADMIN_PASSWORD", "VITE_", "Vite", marked("PASSWORD", "a password")],
  ["NUXT_PUBLIC_API_SECRET", "NUXT_PUBLIC_", "Nuxt", marked("SECRET", "a secret")],
  ["PUBLIC_STRIPE_SECRET_KEY", "PUBLIC_", "SvelteKit and Astro", marked("SECRET", "a secret")],
  ["VUE_APP_JWT_SECRET", "VUE_APP_", "Vue CLI", marked("SECRET", "a secret")],
  ["NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY", "NEXT_PUBLIC_", "Next.js", marked("SERVICE", "a service-role or service-account key")],
  // source-map upload token, not the DSN
  ["NEXT_PUBLIC_SENTRY_AUTH_TOKEN", "NEXT_PUBLIC_", "Next.js", marked("AUTH", "an auth token")],
  ["NEXT_PUBLIC_MAPBOX_SECRET_TOKEN", "NEXT_PUBLIC_", "Next.js", marked("SECRET", "a secret")],
  ["NEXT_PUBLIC_POSTHOG_PERSONAL_API_KEY", "NEXT_PUBLIC_", "Next.js", marked("PERSONAL", "a personal access token")],
  ["NEXT_PUBLIC_ALGOLIA_ADMIN_KEY", "NEXT_PUBLIC_", "Next.js", marked("ADMIN", "an admin credential")],
  // FCM legacy server key
  ["NEXT_PUBLIC_FIREBASE_SERVER_KEY", "NEXT_PUBLIC_", "Next.js", marked("SERVER", "a server-side credential")],
  ["VITE_PUSHER_APP_SECRET", "VITE_", "Vite", marked("SECRET", "a secret")],
  ["NEXT_PUBLIC_CLOUDINARY_API_SECRET", "NEXT_PUBLIC_", "Next.js", marked("SECRET", "a secret")],
  ["NEXT_PUBLIC_TWILIO_AUTH_TOKEN", "NEXT_PUBLIC_", "Next.js", marked("AUTH", "an auth token")],
  // providers that issue no browser credential
  ["VITE_OPENAI_API_KEY", "VITE_", "Vite", provider("OpenAI")],
  ["NEXT_PUBLIC_OPENAI_API_KEY", "NEXT_PUBLIC_", "Next.js", provider("OpenAI")],
  ["VITE_PUBLIC_OPENAI_API_KEY", "VITE_", "Vite", provider("OpenAI")], // PUBLIC continues the prefix
  ["VITE_ANTHROPIC_API_KEY", "VITE_", "Vite", provider("Anthropic")],
  ["VITE_GROQ_API_KEY", "VITE_", "Vite", provider("Groq")],
  ["VITE_HF_TOKEN", "VITE_", "Vite", provider("Hugging Face")],
  ["REACT_APP_SENDGRID_API_KEY", "REACT_APP_", "Create React App", provider("SendGrid")],
  ["VITE_RESEND_API_KEY", "VITE_", "Vite", provider("Resend")],
  ["STORYBOOK_GITHUB_TOKEN", "STORYBOOK_", "Storybook", provider("GitHub")],
  ["NEXT_PUBLIC_GITHUB_TOKEN", "NEXT_PUBLIC_", "Next.js", provider("GitHub")],
  // secret names that do not say which credential they hold
  ["REACT_APP_API_KEY", "REACT_APP_", "Create React App"],
  ["GATSBY_CONTENTFUL_ACCESS_TOKEN", "GATSBY_", "Gatsby"],
  ["NEXT_PUBLIC_DATABASE_URL", "NEXT_PUBLIC_", "Next.js"], // a connection string
  ["REACT_APP_FIREBASE_TOKEN", "REACT_APP_", "Create React App"], // firebase-tools CI token
  ["NEXT_PUBLIC_DATADOG_API_KEY", "NEXT_PUBLIC_", "Next.js"], // the API key, not the client token
  ["VITE_AZURE_SEARCH_KEY", "VITE_", "Vite"], // a query key or an admin key
  ["VITE_FB_KEY", "VITE_", "Vite"], // Firebase or Facebook?
];

describe("no-public-env-secret", () => {
  describe("realistic names: public by design passes, secrets are reported", () => {
    runRuleTests("no-public-env-secret", rule, {
      valid: PUBLIC_BY_DESIGN.map((name) => `const value = process.env.${name};`),
      invalid: LEAKS.map(([name, prefix, frameworks, why]) => {
        const at = { line: 1, column: 15, endColumn: 27 + name.length };
        return {
          code: `const value = process.env.${name};`,
          errors: [why === undefined ? publicSecret(name, prefix, frameworks, at) : serverOnly(name, prefix, frameworks, why, at)],
        };
      }),
    });
  });

  describe("the names of issue 12, read as real client code reads them", () => {
    runRuleTests("no-public-env-secret", rule, {
      valid: [
        `
          import * as snippet from "@segment/snippet";
          const { NEXT_PUBLIC_SEGMENT_API_KEY } = process.env;
          export const segment = snippet.min({ apiKey: NEXT_PUBLIC_SEGMENT_API_KEY, page: true });
        `,
        "export const stripePromise = loadStripe(process.env.REACT_APP_STRIPE_CLIENT_KEY);",
        "export const client = algoliasearch(process.env.NEXT_PUBLIC_ALGOLIA_APP_ID ?? '', process.env.NEXT_PUBLIC_ALGOLIA_API_KEY ?? '');",
        "mixpanel.init(import.meta.env.VITE_MIXPANEL_KEY, { track_pageview: true });",
        'const key = getSecret("VITE_MIXPANEL_KEY");',
        'import { PUBLIC_SEGMENT_WRITE_KEY, PUBLIC_ALGOLIA_SEARCH_KEY } from "$env/static/public";',
        "export const supabase = createClient(process.env.EXPO_PUBLIC_SUPABASE_URL, process.env.EXPO_PUBLIC_SUPABASE_KEY);",
        "initializePaddle({ token: process.env.NEXT_PUBLIC_PADDLE_CLIENT_TOKEN, environment: 'sandbox' });",
        "datadogRum.init({ clientToken: process.env.NEXT_PUBLIC_DATADOG_CLIENT_TOKEN, applicationId: process.env.NEXT_PUBLIC_DATADOG_APPLICATION_ID });",
      ],
      invalid: [
        {
          code: "const openai = new OpenAI({ apiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY, dangerouslyAllowBrowser: true });",
          errors: [serverOnly("NEXT_PUBLIC_OPENAI_API_KEY", "NEXT_PUBLIC_", "Next.js", provider("OpenAI"), { column: 37 })],
        },
        {
          code: "sgMail.setApiKey(process.env.REACT_APP_SENDGRID_API_KEY);",
          errors: [serverOnly("REACT_APP_SENDGRID_API_KEY", "REACT_APP_", "Create React App", provider("SendGrid"), { column: 18 })],
        },
        {
          code: "export const octokit = new Octokit({ auth: process.env.NEXT_PUBLIC_GITHUB_TOKEN });",
          errors: [serverOnly("NEXT_PUBLIC_GITHUB_TOKEN", "NEXT_PUBLIC_", "Next.js", provider("GitHub"), { column: 44 })],
        },
        {
          code: "const admin = createClient(url, process.env.NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY);",
          errors: [
            serverOnly("NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY", "NEXT_PUBLIC_", "Next.js", marked("SERVICE", "a service-role or service-account key"), { column: 33 }),
          ],
        },
        {
          code: "if (password === import.meta.env.VITE_ADMIN_PASSWORD) login();",
          errors: [serverOnly("VITE_ADMIN_PASSWORD", "VITE_", "Vite", marked("PASSWORD", "a password"), { column: 18 })],
        },
        {
          // a write key of a search engine is not an analytics write key
          code: "const admin = algoliasearch(appId, process.env.NEXT_PUBLIC_ALGOLIA_WRITE_KEY);",
          errors: [serverOnly("NEXT_PUBLIC_ALGOLIA_WRITE_KEY", "NEXT_PUBLIC_", "Next.js", marked("WRITE", "a write credential"), { column: 36 })],
        },
        {
          code: 'import { PUBLIC_OPENAI_API_KEY } from "$env/static/public";',
          errors: [serverOnly("PUBLIC_OPENAI_API_KEY", "PUBLIC_", "SvelteKit and Astro", provider("OpenAI"), { column: 10 })],
        },
        {
          // allowNames still wins for the names it lists, and only for them
          code: "const a = process.env.VITE_OPENAI_API_KEY;\nconst b = process.env.VITE_GROQ_API_KEY;",
          options: [{ allowNames: ["VITE_OPENAI_API_KEY"] }],
          errors: [serverOnly("VITE_GROQ_API_KEY", "VITE_", "Vite", provider("Groq"), { line: 2 })],
        },
      ],
    });
  });

  describe("every read syntax that envReadListeners knows", () => {
    runRuleTests("no-public-env-secret", rule, {
      valid: [
        // client code of real projects
        'posthog.init(process.env.NEXT_PUBLIC_POSTHOG_KEY, { api_host: process.env.NEXT_PUBLIC_POSTHOG_HOST });',
        "Sentry.init({ dsn: process.env.NEXT_PUBLIC_SENTRY_DSN, tracesSampleRate: 0.2 });",
        'mapboxgl.accessToken = process.env.NEXT_PUBLIC_MAPBOX_TOKEN || "";',
        "export const supabase = createClient(import.meta.env.VITE_SUPABASE_URL, import.meta.env.VITE_SUPABASE_ANON_KEY);",
        "const stripe = await loadStripe(process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY);",
        `
          const firebaseConfig = {
            apiKey: process.env.REACT_APP_FIREBASE_API_KEY,
            authDomain: process.env.REACT_APP_FIREBASE_AUTH_DOMAIN,
            projectId: process.env.REACT_APP_FIREBASE_PROJECT_ID,
          };
        `,
        `
          window.Echo = new Echo({
            broadcaster: "pusher",
            key: import.meta.env.VITE_PUSHER_APP_KEY,
            cluster: import.meta.env.VITE_PUSHER_APP_CLUSTER ?? "mt1",
          });
        `,
        "const searchClient = algoliasearch(process.env.NEXT_PUBLIC_ALGOLIA_APP_ID, process.env.NEXT_PUBLIC_ALGOLIA_SEARCH_API_KEY);",
        'grecaptcha.execute(process.env.NEXT_PUBLIC_RECAPTCHA_SITE_KEY, { action: "submit" });',
        "posthog.init(import.meta.env.PUBLIC_POSTHOG_KEY);",
        "const src = `https://maps.googleapis.com/maps/api/js?key=${process.env.NEXT_PUBLIC_GOOGLE_MAPS_API_KEY}`;",
        "const { NEXT_PUBLIC_SENTRY_DSN, NEXT_PUBLIC_APP_URL } = process.env;",
        // secrets without a public prefix stay on the server (other rules judge how they are read)
        "const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);",
        "const publicKey = process.env.JWT_PUBLIC_KEY;",
        "jwt.verify(token, process.env.PUBLIC_KEY);",
        // writes are not reads
        'process.env.NEXT_PUBLIC_BUILD_TOKEN = "";',
        "[process.env.NEXT_PUBLIC_API_TOKEN] = tokens;",
        // computed keys are not known
        "const value = process.env[name];",
        // a local variable called process is not the environment
        "function read(process) { return process.env.VITE_API_SECRET; }",
        // the name in a string is not a read
        'const docs = "Set VITE_API_SECRET in your shell";',
        // accessor calls: server-side names, names not known here, functions that are not the accessor
        'const key = getSecret("STRIPE_SECRET_KEY");',
        "const key = getSecret(name);",
        'const key = readConfig("VITE_API_SECRET");',
        // environment accessors: public by design, or no public prefix
        { code: 'const key = env("NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY");', settings: { secrets: { envAccessors: ["env"] } } },
        { code: 'const secret = env("JWT_SECRET");', settings: { secrets: { envAccessors: ["env"] } } },
        "const { VITE_SUPABASE_ANON_KEY } = Bun.env;",
        'const dsn = Deno.env.get("PUBLIC_SENTRY_DSN");',
        // SvelteKit: private variables never reach the browser
        'import { API_SECRET } from "$env/static/private";',
        'import { PUBLIC_SUPABASE_URL, PUBLIC_SUPABASE_ANON_KEY } from "$env/static/public";',
        'import { env } from "$env/dynamic/public";\nconst url = env.PUBLIC_API_URL;',
        'import { env } from "$env/dynamic/private";\nconst secret = env.PUBLIC_API_SECRET;',
      ],
      invalid: [
        {
          code: "const key = process.env.NEXT_PUBLIC_STRIPE_SECRET_KEY;",
          errors: [serverOnly("NEXT_PUBLIC_STRIPE_SECRET_KEY", "NEXT_PUBLIC_", "Next.js", "'SECRET' marks a secret", { line: 1, column: 13, endColumn: 54 })],
        },
        {
          code: 'const key = process.env["REACT_APP_API_KEY"];',
          errors: [publicSecret("REACT_APP_API_KEY", "REACT_APP_", "Create React App", { column: 13 })],
        },
        {
          code: "const openai = new OpenAI({ apiKey: import.meta.env.VITE_OPENAI_API_KEY, dangerouslyAllowBrowser: true });",
          errors: [serverOnly("VITE_OPENAI_API_KEY", "VITE_", "Vite", "OpenAI issues no credential meant for browsers", { column: 37, endColumn: 72 })],
        },
        {
          code: "const password = import.meta.env.VITE_DB_PASSWORD;",
          errors: [serverOnly("VITE_DB_PASSWORD", "VITE_", "Vite", "'PASSWORD' marks a password", { column: 18 })],
        },
        {
          code: "const { NEXT_PUBLIC_OPENAI_API_KEY, NEXT_PUBLIC_APP_URL } = process.env;",
          errors: [serverOnly("NEXT_PUBLIC_OPENAI_API_KEY", "NEXT_PUBLIC_", "Next.js", "OpenAI issues no credential meant for browsers", { column: 9, endColumn: 35 })],
        },
        {
          code: "const { VITE_JWT_SECRET: jwtSecret } = import.meta.env;",
          errors: [serverOnly("VITE_JWT_SECRET", "VITE_", "Vite", "'SECRET' marks a secret", { column: 9 })],
        },
        {
          code: "const env = process.env;\nconst token = env.GATSBY_GITHUB_TOKEN;",
          errors: [serverOnly("GATSBY_GITHUB_TOKEN", "GATSBY_", "Gatsby", "GitHub issues no credential meant for browsers", { line: 2, column: 15 })],
        },
        {
          code: "const { env } = process;\nconst secret = env.NUXT_PUBLIC_API_SECRET;",
          errors: [serverOnly("NUXT_PUBLIC_API_SECRET", "NUXT_PUBLIC_", "Nuxt", "'SECRET' marks a secret", { line: 2, column: 16 })],
        },
        {
          code: 'import process from "node:process";\nconst key = process.env.EXPO_PUBLIC_OPENAI_API_KEY;',
          errors: [serverOnly("EXPO_PUBLIC_OPENAI_API_KEY", "EXPO_PUBLIC_", "Expo", "OpenAI issues no credential meant for browsers", { line: 2, column: 13 })],
        },
        {
          code: "const key = Bun.env.PUBLIC_STRIPE_SECRET_KEY;",
          errors: [serverOnly("PUBLIC_STRIPE_SECRET_KEY", "PUBLIC_", "SvelteKit and Astro", "'SECRET' marks a secret", { column: 13 })],
        },
        {
          code: 'const key = Deno.env.get("VITE_API_TOKEN");',
          errors: [publicSecret("VITE_API_TOKEN", "VITE_", "Vite", { column: 13, endColumn: 43 })],
        },
        {
          code: "const { PUBLIC_STRIPE_SECRET_KEY: key } = Bun.env;",
          errors: [serverOnly("PUBLIC_STRIPE_SECRET_KEY", "PUBLIC_", "SvelteKit and Astro", marked("SECRET", "a secret"), { column: 9 })],
        },
        {
          // a call of an environment accessor (settings.secrets.envAccessors) is a read
          code: 'const key = env("NEXT_PUBLIC_OPENAI_API_KEY");',
          settings: { secrets: { envAccessors: ["env"] } },
          errors: [serverOnly("NEXT_PUBLIC_OPENAI_API_KEY", "NEXT_PUBLIC_", "Next.js", provider("OpenAI"), { column: 13, endColumn: 46 })],
        },
        {
          code: 'import { env as e } from "./env";\nconst key = e("VITE_API_TOKEN") ?? "";',
          settings: { secrets: { envAccessors: ["env"] } },
          errors: [publicSecret("VITE_API_TOKEN", "VITE_", "Vite", { line: 2, column: 13 })],
        },
        {
          code: "const secret = globalThis.process.env.VUE_APP_JWT_SECRET;",
          errors: [serverOnly("VUE_APP_JWT_SECRET", "VUE_APP_", "Vue CLI", "'SECRET' marks a secret", { column: 16 })],
        },
        {
          code: "const token = process.env.STORYBOOK_GITHUB_TOKEN ?? fail();",
          errors: [serverOnly("STORYBOOK_GITHUB_TOKEN", "STORYBOOK_", "Storybook", "GitHub issues no credential meant for browsers", { column: 15 })],
        },
        {
          // read and written: still a read
          code: 'process.env.NEXT_PUBLIC_API_TOKEN ||= "dev";',
          errors: [publicSecret("NEXT_PUBLIC_API_TOKEN", "NEXT_PUBLIC_", "Next.js", { column: 1 })],
        },
        {
          // every read is reported
          code: "if (process.env.VITE_API_SECRET) sign(process.env.VITE_API_SECRET);",
          errors: [
            serverOnly("VITE_API_SECRET", "VITE_", "Vite", "'SECRET' marks a secret", { column: 5 }),
            serverOnly("VITE_API_SECRET", "VITE_", "Vite", "'SECRET' marks a secret", { column: 39 }),
          ],
        },
        {
          code: 'const { env } = require("node:process");\nconst token = env.REACT_APP_GITHUB_TOKEN;',
          languageOptions: commonjs,
          errors: [serverOnly("REACT_APP_GITHUB_TOKEN", "REACT_APP_", "Create React App", "GitHub issues no credential meant for browsers", { line: 2, column: 15 })],
        },

        // ---- accessor calls with a public-prefixed name ----
        {
          code: 'const secret = getSecret("VITE_API_SECRET");',
          errors: [serverOnly("VITE_API_SECRET", "VITE_", "Vite", "'SECRET' marks a secret", { column: 26, endColumn: 43 })],
        },
        {
          code: 'const NAME = "NEXT_PUBLIC_JWT_SECRET";\nconst secret = getSecret(NAME);',
          errors: [serverOnly("NEXT_PUBLIC_JWT_SECRET", "NEXT_PUBLIC_", "Next.js", "'SECRET' marks a secret", { line: 2, column: 26 })],
        },
        {
          code: 'const secret = secrets.getSecret("REACT_APP_STRIPE_SECRET_KEY");',
          errors: [serverOnly("REACT_APP_STRIPE_SECRET_KEY", "REACT_APP_", "Create React App", "'SECRET' marks a secret", { column: 34 })],
        },
        {
          code: 'import { getSecret as secret } from "@acme/secrets";\nconst key = secret("VITE_DB_PASSWORD");',
          errors: [serverOnly("VITE_DB_PASSWORD", "VITE_", "Vite", "'PASSWORD' marks a password", { line: 2, column: 20 })],
        },
        {
          code: 'const key = await readSecret("VITE_DB_PASSWORD");',
          settings: { secrets: { accessors: ["readSecret"] } },
          errors: [serverOnly("VITE_DB_PASSWORD", "VITE_", "Vite", "'PASSWORD' marks a password", { column: 30 })],
        },

        // ---- SvelteKit's public modules ----
        {
          code: 'import { PUBLIC_SUPABASE_URL, PUBLIC_STRIPE_SECRET_KEY } from "$env/static/public";',
          errors: [serverOnly("PUBLIC_STRIPE_SECRET_KEY", "PUBLIC_", "SvelteKit and Astro", "'SECRET' marks a secret", { column: 31, endColumn: 55 })],
        },
        {
          code: 'import { PUBLIC_DB_PASSWORD as dbPassword } from "$env/static/public";',
          errors: [serverOnly("PUBLIC_DB_PASSWORD", "PUBLIC_", "SvelteKit and Astro", "'PASSWORD' marks a password", { column: 10 })],
        },
        {
          code: 'import { env } from "$env/dynamic/public";\nconst token = env.PUBLIC_API_TOKEN;',
          errors: [publicSecret("PUBLIC_API_TOKEN", "PUBLIC_", "SvelteKit and Astro", { line: 2, column: 15 })],
        },
        {
          code: 'import * as publicEnv from "$env/static/public";\nconst token = publicEnv.PUBLIC_API_TOKEN;',
          errors: [publicSecret("PUBLIC_API_TOKEN", "PUBLIC_", "SvelteKit and Astro", { line: 2, column: 15 })],
        },
      ],
    });
  });

  describe("options", () => {
    runRuleTests("no-public-env-secret", rule, {
      valid: [
        // allowNames: exact names and * globs, matched against the full name
        {
          // an RPC key restricted by domain: the team's decision, not a kind the tables know
          code: "const key = process.env.NEXT_PUBLIC_ALCHEMY_API_KEY;",
          options: [{ allowNames: ["NEXT_PUBLIC_ALCHEMY_API_KEY"] }],
        },
        {
          code: "const a = process.env.NEXT_PUBLIC_CONTENTFUL_ACCESS_TOKEN;\nconst b = process.env.VITE_CONTENTFUL_ACCESS_TOKEN;",
          options: [{ allowNames: ["*_CONTENTFUL_ACCESS_TOKEN"] }],
        },
        {
          code: 'const key = getSecret("NEXT_PUBLIC_ALCHEMY_API_KEY");',
          options: [{ allowNames: ["NEXT_PUBLIC_ALCHEMY_*"] }],
        },
        // prefixes replaces the default list
        {
          code: "const token = process.env.GATSBY_GITHUB_TOKEN;",
          options: [{ prefixes: ["NEXT_PUBLIC_"] }],
        },
        // the shared settings: ignoreNames on the full name or on the name without the prefix
        {
          code: "const key = process.env.EXPO_PUBLIC_TMDB_API_KEY;",
          settings: { secrets: { ignoreNames: ["EXPO_PUBLIC_TMDB_API_KEY"] } },
        },
        {
          code: "const key = process.env.NEXT_PUBLIC_TMDB_API_KEY;",
          settings: { secrets: { ignoreNames: ["TMDB_API_KEY"] } },
        },
        // ignoreNames is the team's word, even against a provider that issues no browser key
        {
          code: "const key = import.meta.env.VITE_OPENAI_API_KEY;",
          settings: { secrets: { ignoreNames: ["VITE_OPENAI_API_KEY"] } },
        },
        // a configured prefix gets the public-by-design tables too
        {
          code: "const token = process.env.NG_APP_MIXPANEL_TOKEN;",
          options: [{ additionalPrefixes: ["NG_APP_"] }],
        },
        // without the setting, LICENSE is not a secret word
        "const license = import.meta.env.VITE_AG_GRID_LICENSE;",
      ],
      invalid: [
        {
          code: "const secret = process.env.NG_APP_API_SECRET;",
          options: [{ additionalPrefixes: ["NG_APP_"] }],
          errors: [serverOnly("NG_APP_API_SECRET", "NG_APP_", "a configured public prefix", "'SECRET' marks a secret", { column: 16 })],
        },
        {
          // additionalPrefixes extends the default list, it does not replace it
          code: "const secret = process.env.VITE_API_SECRET;",
          options: [{ additionalPrefixes: ["NG_APP_"] }],
          errors: [serverOnly("VITE_API_SECRET", "VITE_", "Vite", "'SECRET' marks a secret")],
        },
        {
          code: "const secret = process.env.APP_PUBLIC_API_SECRET;\nconst other = process.env.VITE_API_SECRET;",
          options: [{ prefixes: ["APP_PUBLIC_"] }],
          errors: [serverOnly("APP_PUBLIC_API_SECRET", "APP_PUBLIC_", "a configured public prefix", "'SECRET' marks a secret", { line: 1 })],
        },
        {
          // the longest matching prefix is the one named
          code: "const secret = process.env.VITE_PUBLIC_API_SECRET;",
          options: [{ prefixes: ["VITE_", "VITE_PUBLIC_"] }],
          errors: [serverOnly("VITE_PUBLIC_API_SECRET", "VITE_PUBLIC_", "a configured public prefix", "'SECRET' marks a secret")],
        },
        {
          // allowNames does not allow other names
          code: "const key = process.env.NEXT_PUBLIC_ALGOLIA_ADMIN_KEY;",
          options: [{ allowNames: ["NEXT_PUBLIC_ALGOLIA_SEARCH_KEY"] }],
          errors: [serverOnly("NEXT_PUBLIC_ALGOLIA_ADMIN_KEY", "NEXT_PUBLIC_", "Next.js", "'ADMIN' marks an admin credential")],
        },
        {
          // alwaysSecret beats the built-in public-by-design list
          code: "const key = process.env.NEXT_PUBLIC_SEGMENT_WRITE_KEY;",
          settings: { secrets: { alwaysSecret: ["NEXT_PUBLIC_SEGMENT_WRITE_KEY"] } },
          errors: [publicSecret("NEXT_PUBLIC_SEGMENT_WRITE_KEY", "NEXT_PUBLIC_", "Next.js")],
        },
        {
          code: "const key = process.env.NEXT_PUBLIC_POSTHOG_KEY;",
          settings: { secrets: { alwaysSecret: ["POSTHOG_KEY"] } },
          errors: [publicSecret("NEXT_PUBLIC_POSTHOG_KEY", "NEXT_PUBLIC_", "Next.js")],
        },
        {
          code: "const license = import.meta.env.VITE_AG_GRID_LICENSE;",
          settings: { secrets: { secretWords: ["LICENSE"] } },
          errors: [publicSecret("VITE_AG_GRID_LICENSE", "VITE_", "Vite")],
        },
      ],
    });
  });

  describe("TypeScript syntax", () => {
    runRuleTests("no-public-env-secret", rule, {
      validTs: [
        "posthog.init(process.env.NEXT_PUBLIC_POSTHOG_KEY!, { api_host: '/ingest' });",
        "const dsn = process.env.NEXT_PUBLIC_SENTRY_DSN as string;",
        "interface ImportMetaEnv { readonly VITE_API_SECRET: string }",
        'import type { PUBLIC_API_SECRET } from "./types";',
      ],
      invalidTs: [
        {
          code: "const key = process.env.NEXT_PUBLIC_OPENAI_API_KEY!;",
          errors: [serverOnly("NEXT_PUBLIC_OPENAI_API_KEY", "NEXT_PUBLIC_", "Next.js", "OpenAI issues no credential meant for browsers", { column: 13 })],
        },
        {
          code: "const key = (import.meta.env.VITE_STRIPE_SECRET_KEY as string).trim();",
          errors: [serverOnly("VITE_STRIPE_SECRET_KEY", "VITE_", "Vite", "'SECRET' marks a secret", { column: 14 })],
        },
        {
          code: 'enum Names { Jwt = "NEXT_PUBLIC_JWT_SECRET" }\nconst secret = getSecret(Names.Jwt);',
          errors: [serverOnly("NEXT_PUBLIC_JWT_SECRET", "NEXT_PUBLIC_", "Next.js", "'SECRET' marks a secret", { line: 2, column: 26 })],
        },
      ],
    });
  });

  describe("the default prefixes", () => {
    it("are exported by @secrets-suite/core for the scanner, with their frameworks", () => {
      expect(DEFAULT_PUBLIC_ENV_PREFIXES).toEqual([
        "NEXT_PUBLIC_",
        "VITE_",
        "REACT_APP_",
        "EXPO_PUBLIC_",
        "NUXT_PUBLIC_",
        "GATSBY_",
        "PUBLIC_",
        "STORYBOOK_",
        "VUE_APP_",
      ]);
      expect(PUBLIC_ENV_PREFIXES.every((entry) => entry.frameworks.length > 0)).toBe(true);
    });

    it("are the rule's default option", () => {
      expect(rule.meta.defaultOptions?.[0]).toEqual({
        prefixes: [...DEFAULT_PUBLIC_ENV_PREFIXES],
        additionalPrefixes: [],
        allowNames: [],
      });
    });
  });

  describe("the message", () => {
    const lint = (code: string) =>
      new Linter({ configType: "flat" }).verify(code, [
        {
          plugins: { secrets: { rules: { "no-public-env-secret": rule as never } } },
          rules: { "secrets/no-public-env-secret": "error" },
        },
      ]);

    it("names the variable, the prefix and the framework, and says the value reaches every browser", () => {
      const [message] = lint("const key = process.env.NEXT_PUBLIC_API_TOKEN;");
      expect(message?.message).toBe(
        "'NEXT_PUBLIC_API_TOKEN' is a secret-like name with the public prefix 'NEXT_PUBLIC_' (Next.js): its value is inlined into the client bundle and will be shipped to every browser. Keep the secret server-side under a name without the prefix; if the value is public by design, list the name in `allowNames`.",
      );
    });

    it("says why a server-side credential is one, and does not offer allowNames for it", () => {
      const [secret, provider] = lint(
        "const key = process.env.NEXT_PUBLIC_STRIPE_SECRET_KEY;\nconst ai = process.env.VITE_OPENAI_API_KEY;",
      );
      expect(secret?.message).toBe(
        "'NEXT_PUBLIC_STRIPE_SECRET_KEY' has the public prefix 'NEXT_PUBLIC_' (Next.js) but is a server-side credential ('SECRET' marks a secret): its value is inlined into the client bundle and will be shipped to every browser. Keep it server-side under a name without the prefix, and call the service from server code.",
      );
      expect(provider?.message).toBe(
        "'VITE_OPENAI_API_KEY' has the public prefix 'VITE_' (Vite) but is a server-side credential (OpenAI issues no credential meant for browsers): its value is inlined into the client bundle and will be shipped to every browser. Keep it server-side under a name without the prefix, and call the service from server code.",
      );
    });

    it("never contains the value", () => {
      // assembled at run time so the repository holds no secret-shaped literal
      const canary = ["sk", "live", "c4n4ry".repeat(4)].join("_");
      const messages = lint(`const key = process.env.VITE_STRIPE_SECRET_KEY ?? "${canary}";`);
      expect(messages).toHaveLength(1);
      expect(messages[0]!.message).not.toContain(canary);
    });
  });
});
