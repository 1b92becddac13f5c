/**
 * `secrets/no-hardcoded-secret`: a string whose shape is a known credential is reported wherever
 * it is; a string assigned to a secret-like name is reported unless it is a placeholder or
 * something else such names hold in real code (the name of an env var, a storage key, a label, a
 * path, a URL, a message). Messages show at most the first four characters of a value.
 *
 * Every credential-shaped string is assembled at run time (`credential-samples.ts` of the core
 * package), so this file holds none.
 */
import { CREDENTIAL_FORMATS, maskSecret } from "@secrets-suite/core";
import type { InvalidTestCase } from "@typescript-eslint/rule-tester";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import rule, { type MessageIds, type Options } from "../../src/rules/no-hardcoded-secret.js";
import { runRuleTests } from "../rule-tester.js";
import {
  ALNUM,
  PEM_BEGIN,
  join,
  jwt,
  privateKey,
  randomString,
  sample,
  urlWithPassword,
} from "../../../secrets-core/test/credential-samples.js";

type Error = InvalidTestCase<MessageIds, Options>["errors"][number];

/** What a message shows of a value (core's mask, tested there): never more than four characters. */
const preview = maskSecret;
const description = (id: string): string => CREDENTIAL_FORMATS.find((format) => format.id === id)!.description;

/** A random value that looks like a credential and no known format. */
const value = (seed: number, length = 24): string => randomString(length, ALNUM, seed);

const formatError = (id: string, credential: string, accessor = "getSecret"): Error => ({
  messageId: "credentialFormat",
  data: { format: description(id), preview: preview(credential), accessor },
});
const nameError = (name: string, secret: string, accessor = "getSecret"): Error => ({
  messageId: "secretName",
  data: { name, preview: preview(secret), accessor },
});

const JSX = { parserOptions: { ecmaFeatures: { jsx: true } } };

const github = sample("github-token");
const aws = sample("aws-access-key-id");
const googleKey = sample("google-api-key");
const signedJwt = sample("jwt");
const pem = privateKey();
const K1 = value(101);
const K2 = value(102);
const K3 = value(103);
/** A PostHog project API key: public by design (it only sends events). */
const posthogProjectKey = join("ph", "c_", randomString(43, ALNUM, 61));
/** The ASN.1 preamble every 2048-bit RSA key in PKCS#8 starts with: not key material. */
const RSA_PREAMBLE = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC4";

runRuleTests<MessageIds, Options>("no-hardcoded-secret", rule, {
  valid: [
    // ---- found by dogfooding: a map of files, and a severity keyed by a rule id ----
    `makeRepo({ "secret.txt": "${K1}", "certs/server.key": "${K2}" });`,
    'const config = { rules: { "unused-compose-secret": "warning", "granted-but-unused": "off" } };',

    // ---- secrets read at run time ----
    'const apiKey = getSecret("API_KEY");',
    "const apiKey = process.env.API_KEY;",
    "const config = { apiKey: process.env.STRIPE_SECRET_KEY, password: getSecret('DB_PASSWORD') };",
    "session({ secret: process.env.SESSION_SECRET, resave: false });",

    // ---- empty values and placeholders ----
    'const config = { password: "" };',
    "let token = '';",
    'const secret = process.env.SESSION_SECRET || "";',
    'const password = "dev";',
    'const apiKey = "YOUR_API_KEY";',
    'const apiKey = "your_api_key_here";',
    'const DB_PASSWORD = "changeme";',
    'const DB_PASSWORD = "CHANGE_ME_IN_PRODUCTION";',
    'const token = "<YOUR_TOKEN>";',
    'const apiKey = "xxxxxxxxxxxxxxxx";',
    'const password = "********";',
    'const secret = "example-secret";',
    'const password = "dummy_password";',
    'const token = "test-token";',
    'const apiKey = "placeholder";',
    'const password = "${DB_PASSWORD}";',
    'const token = "$GITHUB_TOKEN";',
    'const apiKey = "%API_KEY%";',
    'const apiKey = "{{ config.FIREBASE_API_KEY }}";',
    'const password = "aaaaaaaa";',
    'const password = "123456";',
    `
      const firebaseConfig = {
        apiKey: "YOUR_API_KEY",
        authDomain: "your-app.firebaseapp.com",
        projectId: "your-app",
        messagingSenderId: "123456789",
      };
    `,

    // ---- the name of an environment variable, not its value ----
    'const API_KEY = "STRIPE_API_KEY";',
    'export const DB_PASSWORD_VAR = "DB_PASSWORD";',
    'const names = { apiKey: "OPENAI_API_KEY", dbPassword: "POSTGRES_PASSWORD" };',

    // ---- storage keys, cookies, form fields, headers: the credential's name ----
    'const TOKEN_KEY = "auth_token";\nlocalStorage.setItem(TOKEN_KEY, token);',
    "export const AUTH_TOKEN_KEY = 'auth_token';",
    "const tokenKey = 'authToken';",
    "const KEY = 'auth.token';",
    'const ACCESS_TOKEN = "access_token";',
    'const config = { password: "password" };',
    'const fields = [{ name: "password", type: "password", autoComplete: "current-password" }];',
    'const field = { password: "current-password" };',
    'const headers = { apiKey: "x-api-key" };',
    'const auth = { token: "Authorization" };',
    'const session = { sessionKey: "connect.sid" };',
    'export const SET_TOKEN = "auth/SET_TOKEN";',
    'const AUTH_ERRORS = { WRONG_PASSWORD: "auth/wrong-password", WEAK_PASSWORD: "auth/weak-password" };',
    'const selectors = { password: "#password" };',

    // ---- labels, messages, statuses ----
    'const labels = { password: "Password", confirmPassword: "Confirm password" };',
    'const de = { password: "Passwort" };',
    'const es = { password: "Contraseña" };',
    'errors.password = "Password is required";',
    'errors.password = "required";',
    'const messages = { token: "Token expired, please sign in again." };',
    'const status = { DATABASE_URL: "present", SENTRY_DSN: "missing" };',

    // ---- URLs without credentials, and file paths ----
    'const DATABASE_URL = "postgres://db.internal:5432/app";',
    'const authToken = "https://oauth2.example.org/token";',
    'const DB_PASSWORD_FILE = "/run/secrets/db_password";',
    'const privateKey = "./certs/key.pem";',
    'const credentials = "service-account.json";',

    // ---- plain words under a generic key or token name ----
    'const ssrModuleExportsKey = "__vite_ssr_exports__";',
    'this.$rules = { start: [{ token: "comment", regex: "//.*$" }, { token: "keyword.control", regex: "\\\\bif\\\\b" }] };',
    'lastSignificantToken = "?InterpolationInTemplate";',
    'const menu = [{ key: "dashboard-1", label: "Dashboard" }];',
    'const theme = { storageKey: "vite-ui-theme" };',

    // ---- the vocabulary around credentials, as real code writes it (credential-vocabulary.ts) ----
    // the credentials mode of fetch: better-auth's client, outline's ApiClient, hoppscotch
    'fetch(url, { credentials: "include" });',
    "const init = isCredentialsSupported ? { credentials: 'include' } : {};",
    'fetch("/api/auth.info", { method: "POST", credentials: "same-origin" });',
    'fetch(url, { credentials: "omit" });',
    'fetch(url, { credentials: authConfig.withCredentials ? "include" : "same-origin" });',
    "options.credentials = 'include';",
    'const client = new ApolloClient({ uri: "/graphql", credentials: "include" });',
    // how a secret is kept: better-auth's oauth-provider, PostgreSQL settings
    'oauthProvider({ storeClientSecret: options.disableJwtPlugin ? "encrypted" : "hashed", storeTokens: "hashed" });',
    "const security = { authentication: { method: 'md5', passwordEncryption: 'scram-sha-256' } };",
    "const pg = { password_encryption: 'scram-sha-256' };",
    // header names: Hasura's JWT helpers, Azure API Management
    "export const constants = { adminSecret: 'X-Hasura-Admin-Secret', allowedRoles: 'X-Hasura-Allowed-Roles' };",
    "export const apiHeaders = { ocpSubscriptionKey: 'Ocp-Apim-Subscription-Key' };",
    "const HEADER_NAMES = { AUTHORIZATION: 'Authorization', SUBSCRIPTION_KEY: 'Ocp-Apim-Subscription-Key' };",
    // OAuth values
    "const TokenEndpointAuthMethod = { NONE: 'none', CLIENT_SECRET: 'client_secret_post' };",
    "const GRANT_TYPE_CLIENT_CREDENTIALS = 'client_credentials';",
    "const PASSWORD_GRANT = 'password';",
    "const defaults = { clientSecret: undefined, scope: 'openid profile email' };",
    // where the secret is kept: AWS Secrets Manager, Google Secret Manager
    "const config = { JWT_SECRET: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:genesis/jwt-secret-AbCdEf' };",
    "const env = { PM_BROKER_SECRET: 'projects/p/secrets/s/versions/latest' };",
    // selectors of a login form in a scraper's page object
    `const selectors = { login: { email: 'input[name="Email"]', password: 'input[type="password"]', button: '#login-form > button' } };`,
    // the name of a secret rather than its value, and its storage keys
    'const API_KEY_ENV = "STRIPE_API_KEY";',
    'const secret = { secretName: "JWT_SECRET" };',
    'localStorage.setItem("accessToken", accessToken);\nconst ACCESS_TOKEN_KEY = "accessToken";',
    'const TOKEN_URL = "/api/auth/token";\nconst authToken = "/oauth/token";',
    // labels and prose
    'const copy = { password: "Enter your password", forgotPassword: "Forgot password?", passwordLabel: "auth.password.label" };',
    // logto: i18n keys and translation files
    "const storageKey = 'i18nextLogtoUiLng';",
    { code: '<MfaBinding descriptionKey="mfa.link_email_2fa_description" />;', languageOptions: JSX },
    "const LogtoOidcConfigKey = { PrivateKeys: 'oidc.privateKeys', CookieKeys: 'oidc.cookieKeys' };",
    "const userDetails = { password: 'Passwort:', created_password: 'Senha:' };",
    "const input = { password: 'Palavra-passe' };",
    "const applicationDetails = { application_secret: 'App-Geheimnis', application_secret_other: 'App-Geheimnisse' };",
    // payload: translation files, with i18next's numbered tags
    "export const da = { cartSecret: 'Kurv-hemmelighed' };",
    "export const zh = { loggedInChangePassword: '要更改您的密码，请到您的<0>账号</0>页面并在那里编辑您的密码。' };",
    // medusa's JS SDK
    'fetch(url, { credentials: this.config.auth?.type === "session" ? "include" : "omit" });',
    // outline: password managers and their authenticator ids
    'const PasskeyProvider = { OnePassword: "bada5566-a7aa-401f-bd96-45619a55120d", LastPass: "b78a0a55-6ef8-d246-a042-ba0f6d55050c" };',
    // hoppscotch: a PostHog project key, public by design
    `class PosthogService { POSTHOG_API_KEY = "${posthogProjectKey}"; }`,
    // test data in a file that is not a test file: hosts reserved for examples, keys cut short
    `const redisUrl = "${urlWithPassword(K1, "redis.example:6379", "rediss", "user")}";`,
    `const proxyUrl = "${urlWithPassword(K1, "proxy.example.com:8080", "http", "user")}";`,
    `const privateKey = "${PEM_BEGIN}PRIVATE KEY-----\\n${RSA_PREAMBLE}...";`,

    // ---- not a secret-like name ----
    'const greeting = "Welcome back, friend";',
    'const PASSWORD_MIN_LENGTH = "12";',
    'const TOKEN_TTL = "1h";',
    'const tokenType = "Bearer";',
    'const body = { grant_type: "password", username, password };',
    'const API_KEY_HEADER = "x-api-key";',
    'setTheme("dark-mode");',

    // ---- not an assignment of the literal ----
    `if (token === "${K1}") allow();`,
    `const token = "Bearer " + "${K1}".trim();`,
    `const API_KEYS = ["${K1}"];`,

    // ---- hashes and public keys ----
    `const seedUser = { email: "admin@acme.dev", password: "${join("$2b$10$", randomString(53, ALNUM, 7))}" };`,
    `const stripeKey = "${join("pk", "_live_", value(7))}";`,
    `const supabase = createClient(url, "${jwt({ iss: "supabase", role: "anon" })}");`,
    `const supabaseKey = "${jwt({ iss: "supabase", role: "anon" })}";`,
    `
      const firebaseConfig = {
        apiKey: "${googleKey}",
        authDomain: "acme-prod.firebaseapp.com",
        projectId: "acme-prod",
      };
    `,

    // ---- stand-ins of credential formats ----
    `const key = "${join("AK", "IA", "IOSFODNN7", "EXAMPLE")}";`,
    `const token = "${join("gh", "p_", "x".repeat(36))}";`,
    `const PEM_HEADER = "${PEM_BEGIN}PRIVATE KEY-----";\nconst body = pem.replace(PEM_HEADER, "");`,
    `const url = "${urlWithPassword("password")}";`,
    `const url = "${urlWithPassword("${DB_PASSWORD}")}";`,
    "const url = `postgres://app:${password}@db.internal/app`;",
    `const url = "${urlWithPassword(K1, "localhost:5432")}";`,
    `const example = "${jwt({ sub: "1234567890", name: "John Doe", iat: 1516239022 })}";`,

    // ---- JSX ----
    { code: '<input type="password" name="password" autoComplete="current-password" />;', languageOptions: JSX },
    { code: '<ThemeProvider defaultTheme="dark" storageKey="vite-ui-theme" />;', languageOptions: JSX },
    { code: "<Client apiKey={process.env.API_KEY} />;", languageOptions: JSX },

    // ---- options ----
    { code: `const apiKey = "${K1}";`, options: [{ checkNames: false }] },
    { code: `const greeting = "${github}";`, options: [{ checkFormats: false }] },
    { code: `const firebaseConfig = { apiKey: "${googleKey}", authDomain: "acme-prod.firebaseapp.com" };`, options: [{ checkFormats: false }] },
    { code: 'const apiKey = "acme-demo-9f8e7d6c";', options: [{ extraPlaceholders: ["^acme-demo-"] }] },
    { code: `const greeting = "${join("gh", "p_", "acme", value(9, 32))}";`, options: [{ extraPlaceholders: ["^ghp_acme"] }] },
    // name-based findings in test files are test data
    { code: `const password = "${K1}";`, filename: "src/auth.test.ts" },
    { code: `const password = "${K1}";`, filename: "src/__tests__/auth.ts" },
    { code: `process.env.API_KEY = "${K1}";`, filename: "test/setup.ts" },
    { code: `const password = "${K1}";`, filename: "qa/login.ts", options: [{ testFilePatterns: ["qa/**"] }] },
    // and so are test tool configs (core's DEFAULT_TEST_FILE_PATTERNS)
    { code: `export default defineConfig({ use: { httpCredentials: { username: "admin", password: "${K1}" } } });`, filename: "playwright.config.ts" },
    { code: `module.exports = { env: { apiKey: "${K1}" } };`, filename: "cypress.config.js" },
    { code: `process.env.STRIPE_SECRET_KEY = "${K1}";`, filename: "src/setupTests.ts" },

    // ---- the shared classifier settings ----
    { code: `const apiKey = "${K1}";`, settings: { secrets: { ignoreNames: ["apiKey"] } } },
  ],

  invalid: [
    // ---- credential formats, wherever they are ----
    ...CREDENTIAL_FORMATS.map((format) => {
      const credential = sample(format.id);
      return {
        code: `const greeting = ${JSON.stringify(credential)};`,
        errors: [formatError(format.id, credential)],
      };
    }),
    {
      code: `fetch(url, { headers: { Authorization: "Bearer ${signedJwt}" } });`,
      errors: [{ ...formatError("jwt", signedJwt), line: 1, column: 40 }],
    },
    {
      // inside a template with substitutions: the text around them is checked
      code: `const auth = \`token ${github} for \${user}\`;`,
      errors: [formatError("github-token", github)],
    },
    {
      code: `const key = \`${pem}\`;`,
      errors: [formatError("private-key", pem)],
    },
    {
      // a format under a secret-like name: one report, that names the format
      code: `const AWS_ACCESS_KEY = "${aws}";`,
      errors: [formatError("aws-access-key-id", aws)],
    },
    {
      code: `const DATABASE_URL = "${urlWithPassword(K1)}";`,
      errors: [formatError("url-password", urlWithPassword(K1))],
    },
    {
      // a Google API key outside a Firebase web config
      code: `const maps = { apiKey: "${googleKey}", libraries: ["places"] };`,
      errors: [formatError("google-api-key", googleKey)],
    },
    {
      // beside Firebase keys, only `apiKey` is the public web key: another Google key is not
      code: `const admin = { authDomain: "acme-prod.firebaseapp.com", serverKey: "${googleKey}" };`,
      errors: [formatError("google-api-key", googleKey)],
    },
    {
      code: `const supabaseAdmin = createClient(url, "${jwt({ iss: "supabase", role: "service_role" })}");`,
      errors: [formatError("jwt", jwt({ iss: "supabase", role: "service_role" }))],
    },
    {
      // formats are reported in test files too: a real token does not become test data there
      code: `const token = "${github}";`,
      filename: "src/auth.test.ts",
      errors: [formatError("github-token", github)],
    },
    {
      code: `<Map apiKey="${googleKey}" />;`,
      languageOptions: JSX,
      errors: [formatError("google-api-key", googleKey)],
    },

    // ---- hardcoded defaults and secrets that look a little like vocabulary ----
    { code: 'const FALLBACK_JWT_SECRET = "changeme-please";', errors: [nameError("FALLBACK_JWT_SECRET", "changeme-please")] },
    { code: 'const DEFAULT_ADMIN_PASSWORD = "123456";', errors: [nameError("DEFAULT_ADMIN_PASSWORD", "123456")] },
    { code: 'const seed = { adminPassword: "P@ssw0rd-2024" };', errors: [nameError("adminPassword", "P@ssw0rd-2024")] },
    { code: 'const config = { password: "hunter2hunter2" };', errors: [nameError("password", "hunter2hunter2")] },
    {
      code: `const stripe = new Stripe({ apiKey: "${sample("stripe-live-key")}" });`,
      errors: [formatError("stripe-live-key", sample("stripe-live-key"))],
    },
    // a vocabulary word under a name it does not belong to: `include` is a mode of credentials only
    { code: 'const jwtSecret = "include";', errors: [nameError("jwtSecret", "include")] },
    { code: `fetch(url, { credentials: "${K1}" });`, errors: [nameError("credentials", K1)] },
    { code: 'const auth = { token: "Bearer-2024-Kq7" };', errors: [nameError("token", "Bearer-2024-Kq7")] },
    {
      code: `const apiSecret = "x-${randomString(32, "0123456789abcdef", 3)}";`,
      errors: [nameError("apiSecret", join("x-", randomString(32, "0123456789abcdef", 3)))],
    },
    { code: 'const lastPassword = "s3cr3t-Kq7";', errors: [nameError("lastPassword", "s3cr3t-Kq7")] },
    {
      // a real host, not one reserved for examples
      code: `const url = "${urlWithPassword(K1, "db.example-corp.com")}";`,
      errors: [formatError("url-password", urlWithPassword(K1, "db.example-corp.com"))],
    },

    // ---- variable declarations ----
    {
      code: `const apiKey = "${K1}";`,
      errors: [{ ...nameError("apiKey", K1), line: 1, column: 16, endColumn: 42 }],
    },
    { code: 'const DB_PASSWORD = "s3cr3t-Kq7";', errors: [nameError("DB_PASSWORD", "s3cr3t-Kq7")] },
    { code: 'let password = "hunter2";', errors: [nameError("password", "hunter2")] },
    { code: 'const secret = "keyboard cat";', errors: [nameError("secret", "keyboard cat")] },
    { code: 'const jwtSecret = "mysecretkey";', errors: [nameError("jwtSecret", "mysecretkey")] },
    { code: 'const password = "postgres";', errors: [nameError("password", "postgres")] },
    { code: `const token = \`${K1}\`;`, errors: [nameError("token", K1)] },

    // ---- assignments ----
    { code: `let token;\ntoken = "${K1}";`, errors: [{ ...nameError("token", K1), line: 2 }] },
    { code: 'config.password = "hunter2";', errors: [nameError("password", "hunter2")] },
    { code: `config["api-key"] = "${K1}";`, errors: [nameError("api-key", K1)] },
    { code: `config.token ||= "${K1}";`, errors: [nameError("token", K1)] },
    {
      // writing a secret into the environment hardcodes it as much as a const does
      code: `process.env.API_KEY = "${K1}";`,
      errors: [nameError("API_KEY", K1)],
    },
    { code: `class Client { #token; reset() { this.#token = "${K1}"; } }`, errors: [nameError("token", K1)] },

    // ---- object properties and call arguments ----
    { code: 'const config = { password: "hunter2" };', errors: [nameError("password", "hunter2")] },
    { code: `const config = { "apiKey": "${K1}" };`, errors: [nameError("apiKey", K1)] },
    { code: `const config = { ["client_secret"]: "${K1}" };`, errors: [nameError("client_secret", K1)] },
    { code: `const client = new Client({ token: "${K1}" });`, errors: [nameError("token", K1)] },
    { code: 'app.use(session({ secret: "mySecret", resave: false }));', errors: [nameError("secret", "mySecret")] },
    { code: `const headers = { "x-api-key": "${K1}" };`, errors: [nameError("x-api-key", K1)] },
    {
      code: `TypeOrmModule.forRoot({ type: "postgres", username: "app", password: "${K2}", database: "app" });`,
      errors: [nameError("password", K2)],
    },
    { code: `sgMail.setApiKey("${join("SG.", value(5, 22), ".", value(6, 43))}");`, errors: [nameError("setApiKey", join("SG.", value(5, 22)))] },

    // ---- class fields ----
    { code: `class Client { token = "${K1}"; }`, errors: [nameError("token", K1)] },
    { code: `class Client { static secret = "${K1}"; }`, errors: [nameError("secret", K1)] },
    { code: `class Client { #apiKey = "${K1}"; }`, errors: [nameError("apiKey", K1)] },

    // ---- default parameters and destructuring defaults ----
    { code: `function connect(password = "${K1}") {}`, errors: [nameError("password", K1)] },
    { code: `const connect = (apiKey = "${K1}") => apiKey;`, errors: [nameError("apiKey", K1)] },
    { code: `const { password = "${K1}" } = options;`, errors: [nameError("password", K1)] },
    { code: `function connect({ token = "${K1}" } = {}) {}`, errors: [nameError("token", K1)] },
    { code: `const { password: pw = "${K1}" } = options;`, errors: [nameError("password", K1)] },

    // ---- values that may still end up in the name ----
    { code: `const secret = process.env.JWT_SECRET || "${K1}";`, errors: [nameError("secret", K1)] },
    { code: `const apiKey = options.apiKey ?? "${K1}";`, errors: [nameError("apiKey", K1)] },
    { code: `const password = isDev ? "${K1}" : getSecret("DB_PASSWORD");`, errors: [nameError("password", K1)] },

    // ---- JSX ----
    { code: `<Client apiKey="${K1}" />;`, languageOptions: JSX, errors: [nameError("apiKey", K1)] },
    { code: `<Client apiKey={"${K1}"} />;`, languageOptions: JSX, errors: [nameError("apiKey", K1)] },

    // ---- options and settings ----
    {
      code: `const password = "${K1}";`,
      filename: "src/auth.test.ts",
      options: [{ ignoreTestFiles: false }],
      errors: [nameError("password", K1)],
    },
    {
      // a module that only shares a tool's name is not a test file
      code: `export const browser = { password: "${K1}" };`,
      filename: "src/playwright.ts",
      errors: [nameError("password", K1)],
    },
    {
      // custom test-file globs replace the defaults
      code: `const password = "${K1}";`,
      filename: "src/auth.test.ts",
      options: [{ testFilePatterns: ["qa/**"] }],
      errors: [nameError("password", K1)],
    },
    {
      code: `const license = "${K1}";`,
      settings: { secrets: { secretWords: ["LICENSE"] } },
      errors: [nameError("license", K1)],
    },
    {
      code: `const passcode = "${K1}";`,
      settings: { secrets: { alwaysSecret: ["passcode"] } },
      errors: [nameError("passcode", K1)],
    },
    {
      // the message names the project's accessor
      code: `const apiKey = "${K1}";`,
      settings: { secrets: { accessors: ["readSecret"] } },
      errors: [nameError("apiKey", K1, "readSecret")],
    },
    {
      // extraPlaceholders do not hide other values
      code: `const apiKey = "${K3}";`,
      options: [{ extraPlaceholders: ["^acme-demo-"] }],
      errors: [nameError("apiKey", K3)],
    },
    {
      // checkFormats: false still leaves the name check
      code: `const token = "${github}";`,
      options: [{ checkFormats: false }],
      errors: [nameError("token", github)],
    },
  ],

  validTs: [
    "enum TokenEndpointAuthMethod { NONE = 'none', CLIENT_SECRET = 'client_secret_post' }",
    "enum LogtoOidcConfigKey { PrivateKeys = 'oidc.privateKeys', CookieKeys = 'oidc.cookieKeys' }",
    'enum PasskeyProvider { OnePassword = "bada5566-a7aa-401f-bd96-45619a55120d", ProtonPass = "50726f74-6f6e-5061-7373-50726f746f6e" }',
    `class PosthogService { private POSTHOG_API_KEY = "${posthogProjectKey}"; }`,
    "const init: RequestInit = { credentials: 'same-origin' };",
    'class Session { private readonly tokenKey = "auth_token"; }',
    'enum StorageKeys { Token = "token", RefreshToken = "refresh_token" }',
    'const API_KEY = "STRIPE_API_KEY" as const;',
    'type Config = { password: "hunter2" };',
  ],

  invalidTs: [
    { code: `class Client { private token = "${K1}"; }`, errors: [nameError("token", K1)] },
    { code: `class Client { readonly apiKey: string = "${K1}"; }`, errors: [nameError("apiKey", K1)] },
    { code: `class Db { constructor(private readonly password = "${K1}") {} }`, errors: [nameError("password", K1)] },
    { code: `const apiKey: string = "${K1}";`, errors: [nameError("apiKey", K1)] },
    { code: `const apiKey = "${K1}" as string;`, errors: [nameError("apiKey", K1)] },
    { code: `const config = { password: "${K1}" } satisfies Config;`, errors: [nameError("password", K1)] },
    { code: `const config = { token: <string>"${K1}" };`, errors: [nameError("token", K1)] },
    { code: `(config as Config).apiKey = "${K1}";`, errors: [nameError("apiKey", K1)] },
    { code: `(config as Config).apiKey ??= ("${K1}" as string);`, errors: [nameError("apiKey", K1)] },
    { code: `enum Secrets { ApiKey = "${K1}" }`, errors: [nameError("ApiKey", K1)] },
    {
      // a format in a type is committed all the same
      code: `type Token = "${github}";`,
      errors: [formatError("github-token", github)],
    },
  ],
});

/** Lints `code` with ESLint's own `Linter`, as a user's project would. */
function lint(code: string, options: unknown[] = [], filename = "src/app.js"): Linter.LintMessage[] {
  return new Linter({ configType: "flat" }).verify(
    code,
    [
      {
        plugins: { secrets: { rules: { "no-hardcoded-secret": rule as never } } },
        rules: { "secrets/no-hardcoded-secret": ["error", ...options] as Linter.RuleEntry },
        languageOptions: { ecmaVersion: "latest", sourceType: "module" },
      },
    ],
    filename,
  );
}

describe("no-hardcoded-secret: options", () => {
  it("rejects unknown options and values of the wrong type", () => {
    expect(() => lint("", [{ ignoreTests: true }])).toThrow(/Unexpected property "ignoreTests"/);
    expect(() => lint("", [{ checkFormats: "yes" }])).toThrow(/Value "yes" should be boolean/);
    expect(() => lint("", [{ testFilePatterns: [""] }])).toThrow(/should NOT be shorter than 1 characters/);
    expect(() => lint("", [{ extraPlaceholders: ["a", "a"] }])).toThrow(/should NOT have duplicate items/);
  });

  it("rejects an invalid regular expression in extraPlaceholders, naming it", () => {
    expect(() => lint("const a = 1;", [{ extraPlaceholders: ["(unclosed"] }])).toThrow(
      /option "extraPlaceholders" holds an invalid regular expression \/\(unclosed\//,
    );
  });

  it("does nothing at all with both checks off", () => {
    expect(lint(`const apiKey = "${K1}"; const g = "${github}";`, [{ checkFormats: false, checkNames: false }])).toEqual([]);
  });
});

/**
 * The canary: whatever the rule reports, its message must not give the value away. Every message
 * shows at most the first four characters of the value, and no five characters of it in a row.
 */
describe("no-hardcoded-secret: messages never echo a secret", () => {
  const secrets = [
    ...CREDENTIAL_FORMATS.map((format) => sample(format.id)),
    value(201),
    value(202, 64),
    join("Kq7", value(203, 9)),
    "hunter2",
    "keyboard cat",
  ];
  const code = [
    ...secrets.slice(0, CREDENTIAL_FORMATS.length).map((secret, index) => `const value${index} = ${JSON.stringify(secret)};`),
    `const apiKey = "${secrets[CREDENTIAL_FORMATS.length]}";`,
    `const config = { password: "${secrets[CREDENTIAL_FORMATS.length + 1]}" };`,
    `function connect(token = "${secrets[CREDENTIAL_FORMATS.length + 2]}") {}`,
    `class Db { password = "${secrets[CREDENTIAL_FORMATS.length + 3]}"; }`,
    `session({ secret: "${secrets[CREDENTIAL_FORMATS.length + 4]}" });`,
  ].join("\n");
  const messages = lint(code);

  it("reports every secret once", () => {
    expect(messages.map((message) => message.line)).toEqual(secrets.map((_, index) => index + 1));
  });

  it.each(secrets.map((secret, index) => [index + 1, secret] as const))("line %i: no more than the prefix", (line, secret) => {
    const message = messages.find((candidate) => candidate.line === line)!.message;
    // the credential a format names may sit inside the literal (a URL's password)
    const shown = /\("([^"]*)…"\)/.exec(message)?.[1];
    expect(shown).toBeDefined();
    expect(shown!.length).toBeLessThanOrEqual(4);
    expect(secret.startsWith(shown!) || secret.includes(shown!)).toBe(true);
    for (let start = 0; start + 5 <= secret.length; start++) {
      const window = secret.slice(start, start + 5);
      expect(message.includes(window), `message shows "${window}"`).toBe(false);
    }
  });
});
