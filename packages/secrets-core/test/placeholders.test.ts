/**
 * Table-driven tests of `placeholderReason` and `classifySecretValue`. The rows for a name come
 * from how public projects write configuration: localStorage keys (`TOKEN_KEY = "auth_token"`),
 * form and translation files (`password: "Password"`), Firebase and weather-API templates
 * (`apiKey: "YOUR_API_KEY"`), express-session and TypeORM setups, Ace highlight rules
 * (`token: "comment"`), shadcn's theme provider (`storageKey: "vite-ui-theme"`). Each row states
 * the verdict a demanding user wants and the reason that gives it.
 */
import { describe, expect, it } from "vitest";
import {
  classifySecretValue,
  createTestFileMatcher,
  isPlaceholder,
  isPlaceholderToken,
  isPublicJwt,
  placeholderReason,
  valueWords,
  DEFAULT_SCRIPT_PATTERNS,
  DEFAULT_TEST_FILE_PATTERNS,
  MIN_SECRET_LENGTH,
  type PlaceholderReason,
  type SecretValueReason,
} from "../src/placeholders.js";
import { ALNUM, join, jwt, randomString } from "./credential-samples.js";

describe("placeholderReason", () => {
  const rows: readonly (readonly [value: string, reason: PlaceholderReason | undefined])[] = [
    // empty
    ["", "empty"],
    ["   ", "empty"],
    // references to a value held elsewhere
    ["${DB_PASSWORD}", "reference"],
    ["${DB_PASSWORD:-postgres}", "reference"],
    ["prefix-${SECRET}-suffix", "reference"],
    ["$STRIPE_SECRET_KEY", "reference"],
    ["%API_KEY%", "reference"],
    ["{{ config.FIREBASE_API_KEY }}", "reference"],
    ["{{password}}", "reference"],
    ["#{secret}", "reference"],
    ["{apiKey}", "reference"],
    ["$(cat /run/secrets/token)", "reference"],
    // slots to fill in
    ["<YOUR_KEY>", "fill-in"],
    ["<api key>", "fill-in"],
    ["Bearer <token>", "fill-in"],
    ["[REDACTED]", "fill-in"],
    // masked
    ["***", "masked"],
    ["sk-****************", "masked"],
    ["••••••••", "masked"],
    ["xxxx-xxxx-xxxx", "masked"],
    ["XXXXXXXX", "masked"],
    ["xxx", "masked"],
    // too short to be a credential
    ["abc", "too-short"],
    ["dev", "too-short"],
    ["root", "too-short"],
    ["12345", "too-short"],
    // repeated characters or units
    ["aaaaaaaa", "repeated"],
    ["00000000", "repeated"],
    ["abcabcabc", "repeated"],
    ["1212121212", "repeated"],
    ["key_000000_live", "repeated"],
    // straight runs
    ["123456", "sequence"],
    ["1234567890", "sequence"],
    ["abcdef", "sequence"],
    ["abc123", "sequence"],
    ["abcd-1234", "sequence"],
    ["0123456789abcdef", "sequence"],
    ["qwerty", "sequence"],
    ["qwerty123", "sequence"],
    ["1qaz2wsx", "sequence"],
    // words that say it is a stand-in
    ["changeme", "placeholder-word"],
    ["CHANGE_ME", "placeholder-word"],
    ["change-me-in-production", "placeholder-word"],
    ["your-api-key", "placeholder-word"],
    ["your_api_key_here", "placeholder-word"],
    ["YOUR_API_KEY", "placeholder-word"],
    ["REPLACE_WITH_YOUR_API_KEY", "placeholder-word"],
    ["yourApiKey", "placeholder-word"],
    ["example-token", "placeholder-word"],
    ["dummy_password", "placeholder-word"],
    ["placeholder", "placeholder-word"],
    ["test-secret", "placeholder-word"],
    ["my-test-key", "placeholder-word"],
    ["fake-secret", "placeholder-word"],
    ["not-a-secret", "placeholder-word"],
    ["notasecret", "placeholder-word"],
    ["insert_key_here", "placeholder-word"],
    ["demo-app-secret", "placeholder-word"],
    ["undefined", "placeholder-word"],
    ["invalid-token", "placeholder-word"],
    ["wrong-password", "placeholder-word"],
    ["foobar-secret", "placeholder-word"],
    // values that could work
    ["hunter2", undefined],
    ["s3cr3t-Kq7", undefined],
    ["supersecret", undefined],
    ["keyboard cat", undefined],
    ["latest-release", undefined], // `test` only as a word
    ["contest2024", undefined],
    [randomString(32, ALNUM, 1), undefined],
  ];

  it.each(rows)("%j → %s", (value, reason) => {
    expect(placeholderReason(value)).toBe(reason);
    expect(isPlaceholder(value)).toBe(reason !== undefined);
  });

  it("honours extra placeholder patterns", () => {
    const extraPlaceholders = [/^acme-demo-/u, /^local-only$/u];
    expect(placeholderReason("acme-demo-9f8e7d", { extraPlaceholders })).toBe("extra-placeholder");
    expect(placeholderReason("local-only", { extraPlaceholders })).toBe("extra-placeholder");
    expect(placeholderReason("acme-prod-9f8e7d", { extraPlaceholders })).toBeUndefined();
  });

  it("takes six characters as the shortest credential", () => {
    expect(MIN_SECRET_LENGTH).toBe(6);
    expect(placeholderReason("hunte")).toBe("too-short");
    expect(placeholderReason("hunter")).toBeUndefined();
  });
});

describe("isPlaceholderToken", () => {
  it.each([
    ["x".repeat(36), true],
    ["0".repeat(24), true],
    ["abcd".repeat(9), true],
    ["1234567890abcdefghij", true],
    ["IOSFODNN7EXAMPLE", true],
    ["your-token-here", true],
    ["YOUR_KEY", true],
    ["dummy", true],
    [randomString(36, ALNUM, 5), false],
    [`q7yOurB${randomString(30, ALNUM, 7)}`, false], // `your` by chance inside a token, not as a word
  ])("%j → %s", (token, expected) => {
    expect(isPlaceholderToken(token)).toBe(expected);
  });
});

describe("classifySecretValue with a name", () => {
  const rows: readonly (readonly [value: string, name: string, reason: SecretValueReason])[] = [
    // ---- credentials ----
    ["hunter2", "password", "credential"],
    ["pass123", "password", "credential"], // TypeORM module in a NestJS starter
    ["postgres", "password", "credential"], // a database's default password is still a password
    ["mySecret", "secret", "credential"], // express-session tutorials
    ["keyboard cat", "secret", "credential"], // express-session's documentation example
    ["lantern_@midday", "secret", "credential"],
    ["7340917362850194", "secret", "credential"],
    ["supersecret", "jwtSecret", "credential"],
    ["my_secret_key", "JWT_SECRET", "credential"],
    ["mysecretkey", "SECRET_KEY", "credential"],
    ["django-insecure-k3j4h5g6f7d8s9a0", "SECRET_KEY", "credential"],
    [randomString(32, "0123456789abcdef", 21), "apiKey", "credential"], // OpenWeather tutorials hardcode such keys
    [randomString(32, "0123456789abcdef", 22), "API_KEY", "credential"],
    ["tok_9f8a7b6c5d4e", "token", "credential"],
    ["s3cr3t!Pw", "DB_PASSWORD", "credential"],
    ["Server=tcp:db.acme.net;User ID=app;Password=p4ss!w0rd;", "connectionString", "credential"],
    ["kq7-prod-signing", "privateKey", "credential"], // plain words, but a strong name

    // ---- a name too generic to judge: a lone `key` ----
    ["dashboard", "key", "generic-name"], // antd menu items, React list keys
    ["item-12", "key", "generic-name"],
    ["9f8a7b6c5d4e3f2a", "KEY", "generic-name"],

    // ---- placeholders ----
    ["", "password", "empty"],
    ["YOUR_API_KEY", "apiKey", "placeholder-word"], // Firebase and weather-API templates
    ["your_secret_key", "secret", "placeholder-word"],
    ["REPLACE_WITH_YOUR_API_KEY", "apiKey", "placeholder-word"],
    ["{{ config.FIREBASE_API_KEY }}", "apiKey", "reference"],
    ["${apiKey}", "apiKey", "reference"],
    ["123456", "password", "sequence"], // TypeORM module in a NestJS starter
    ["12345", "password", "too-short"],
    ["sk_test_51Habc9Kq", "STRIPE_KEY", "placeholder-word"], // Stripe test-mode keys are test data

    // ---- messages and labels ----
    ["is required", "password", "message"],
    ["Enter your password", "password", "placeholder-word"],
    ["Token expired, please sign in again.", "token", "message"],
    ["Invalid token", "token", "placeholder-word"],
    ["at least 8 characters", "password", "message"],
    ["Mot de passe", "password", "message"],
    ["secret message", "secret", "message"], // the name's own word: not a passphrase
    ["correct horse battery staple", "passphrase", "message"], // four words read as text
    ["Password", "password", "label"], // i18n resources
    ["Passwort", "password", "label"],
    ["Contraseña", "password", "label"],
    ["Пароль", "password", "label"],
    ["パスワードを入力", "password", "label"],
    ["Authorization", "token", "label"],
    // translation files: labels with a colon, and dashed words of other languages
    ["Passwort:", "password", "label"], // logto's de locale
    ["Senha:", "created_password", "label"], // pt-br
    ["Palavra-passe", "password", "label"], // pt-pt
    ["Palavra-passe:", "created_password", "label"],
    ["App-Geheimnis", "application_secret", "label"], // de
    ["App-Geheimnisse", "application_secret_other", "label"],
    ["Kurv-hemmelighed", "cartSecret", "label"], // payload's plugin-ecommerce, Danish
    ["Warenkorb-Geheimnis", "cartSecret", "label"],
    // i18next <Trans> strings: the numbered tags are markup (payload's ja and zh translations)
    ["パスワードを変更するには、<0>アカウント</0>にアクセスしてください。", "loggedInChangePassword", "label"],
    ["若要變更密碼，請前往<0>帳戶</0>設定進行修改。", "loggedInChangePassword", "label"],
    ["Пароль1", "password", "credential"], // a digit in the value itself
    ["Super-Secret", "jwtSecret", "credential"], // dashed capitalised words with no credential word of another language

    // ---- URLs, paths, hashes, public keys ----
    ["https://api.acme.dev/v1", "apiKey", "url"],
    ["postgres://app@db.internal:5432/app", "DATABASE_URL", "url"],
    ["/run/secrets/db_password", "DB_PASSWORD_FILE", "path"],
    ["/run/secrets/db_password", "dbPassword", "path"],
    ["./certs/key.pem", "privateKey", "path"],
    ["../secrets/jwt.key", "JWT_SECRET", "path"],
    ["certs/server.key", "tlsKey", "path"],
    ["service-account.json", "credentials", "path"],
    ["C:\\secrets\\token.txt", "token", "path"],
    ["~/.ssh/id_ed25519", "sshKey", "path"],
    ["/var/lib", "secretDir", "path"],
    ["$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy", "password", "password-hash"],
    ["$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG", "passwordHash", "password-hash"],
    ["pk_live_51Habc9KqXy7", "stripeKey", "public-by-design"],
    ["pk_test_51Habc9KqXy7", "STRIPE_KEY", "placeholder-word"], // a test key, and publishable
    [join("ph", "c_", randomString(43, ALNUM, 61)), "POSTHOG_API_KEY", "public-by-design"], // PostHog project API key

    // ---- names of environment variables ----
    ["STRIPE_API_KEY", "API_KEY", "env-var-name"],
    ["DB_PASSWORD", "passwordVar", "env-var-name"],
    ["APIKEY", "apiKey", "env-var-name"],

    // ---- the value names the credential: storage keys, fields, headers ----
    ["auth_token", "TOKEN_KEY", "names-credential"], // localStorage helpers
    ["authToken", "TOKEN_KEY", "names-credential"],
    ["auth.token", "KEY", "generic-name"],
    ["auth_token", "AUTH_TOKEN_KEY", "names-credential"],
    ["token_key", "TOKENKEY", "names-itself"],
    ["access_token", "ACCESS_TOKEN", "names-itself"],
    ["access_token", "TOKEN_STORAGE_KEY", "names-credential"],
    ["x-api-key", "apiKey", "names-credential"],
    ["X-Auth-Token", "authToken", "names-credential"],
    ["current-password", "password", "names-credential"], // autocomplete attribute
    ["#password", "password", "names-itself"],
    ["auth/weak-password", "WEAK_PASSWORD", "names-itself"], // Firebase error codes: a path ending in the name
    ["auth/SET_TOKEN", "SET_TOKEN", "names-itself"], // Redux action types
    ["auth/token-expired", "TOKEN_EXPIRED_ERROR", "names-credential"],
    ["oidc.privateKeys", "PrivateKeys", "names-itself"], // logto's `enum LogtoOidcConfigKey { PrivateKeys = 'oidc.privateKeys' }`
    ["settings/clientSecret", "clientSecret", "names-itself"],
    ["mfa.link_email_2fa_description", "descriptionKey", "lookup-value"], // an i18n key: `2fa` is a word
    ["i18nextLogtoUiLng", "storageKey", "lookup-value"], // the i18next language key: `i18n` is a word
    ["i18nextLng", "storageKey", "lookup-value"],
    ["connect.sid", "sessionKey", "names-credential"],
    ["password", "password", "names-itself"],
    ["client_secret", "clientSecret", "names-itself"],
    ["jwtsecret", "JWT_SECRET", "names-itself"],
    ["stripe_secret_key", "STRIPE_SECRET_KEY", "names-itself"],

    // ---- status words ----
    ["required", "password", "status-word"],
    ["present", "DATABASE_URL", "status-word"],
    ["missing", "SENTRY_DSN", "status-word"],
    ["expired", "token", "status-word"],

    // ---- plain words for a generic key or token name ----
    ["vite-ui-theme", "storageKey", "lookup-value"], // shadcn's ThemeProvider
    ["keyword.control", "token", "lookup-value"], // Ace highlight rules
    ["comment", "token", "lookup-value"],
    ["markup.heading.1", "token", "lookup-value"],
    ["?InterpolationInTemplate", "lastSignificantToken", "lookup-value"], // a lexer's state
    ["__vite_ssr_exports__", "ssrModuleExportsKey", "lookup-value"],
    ["rawEmitters", "KEY_RAW", "lookup-value"],
    ["shadow", "renderPass", "lookup-value"],
    ["profile", "activeKey", "lookup-value"],
    ["uv", "dataKey", "too-short"],

    // ---- the vocabulary around credentials (credential-vocabulary.ts) ----
    ["include", "credentials", "vocabulary"], // `fetch(url, { credentials: "include" })`
    ["same-origin", "credentials", "vocabulary"],
    ["hashed", "storeClientSecret", "vocabulary"], // better-auth's oauth-provider options
    ["encrypted", "storeClientSecret", "vocabulary"],
    ["client_secret_post", "CLIENT_SECRET", "vocabulary"],
    ["X-Hasura-Admin-Secret", "adminSecret", "vocabulary"],
    ["scram-sha-256", "passwordEncryption", "vocabulary"],
    ["openid profile email", "clientSecret", "vocabulary"], // three words: no passphrase
    ['input[type="password"]', "password", "vocabulary"],

    // ---- a default or fallback: stand-ins that would work are credentials there ----
    ["changeme-please", "FALLBACK_JWT_SECRET", "credential"],
    ["123456", "DEFAULT_ADMIN_PASSWORD", "credential"],
    ["aaaaaaaa", "defaultPassword", "credential"],
    ["changeme-please", "JWT_SECRET", "placeholder-word"],
    ["", "DEFAULT_PASSWORD", "empty"],
    ["<YOUR_KEY>", "defaultApiKey", "fill-in"],
    ["${JWT_SECRET}", "FALLBACK_JWT_SECRET", "reference"],
    ["Password", "defaultPassword", "label"],
  ];

  it.each(rows)("%j for %s → %s", (value, name, reason) => {
    const verdict = classifySecretValue(value, { name });
    expect(verdict).toEqual({ secret: reason === "credential", reason });
  });

  it("does not take plain words for a lookup key when a strong word qualifies the name", () => {
    expect(classifySecretValue("mysecretvalue", { name: "SECRET_KEY" }).secret).toBe(true);
    expect(classifySecretValue("mykeyvalue", { name: "privateKey" }).secret).toBe(true);
    expect(classifySecretValue("mysecretvalue", { name: "SIGNING_KEY" })).toEqual({ secret: false, reason: "lookup-value" });
  });

  it("takes a value with letters and digits mixed for a credential even under a generic name", () => {
    expect(classifySecretValue(randomString(24, ALNUM, 3), { name: "storageKey" }).secret).toBe(true);
    expect(classifySecretValue(randomString(24, ALNUM, 3), { name: "token" }).secret).toBe(true);
  });

  it("leaves Supabase anon keys alone but not service-role keys", () => {
    const anon = jwt({ iss: "supabase", role: "anon" });
    expect(isPublicJwt(anon)).toBe(true);
    expect(classifySecretValue(anon, { name: "supabaseKey" })).toEqual({ secret: false, reason: "public-by-design" });
    expect(classifySecretValue(jwt({ iss: "supabase", role: "service_role" }), { name: "supabaseKey" }).secret).toBe(true);
  });

  it("honours extra placeholder patterns", () => {
    expect(classifySecretValue("acme-demo-9f8e7d", { name: "apiKey", extraPlaceholders: [/^acme-demo-/u] })).toEqual({
      secret: false,
      reason: "extra-placeholder",
    });
  });
});

describe("classifySecretValue without a name", () => {
  it("judges the value alone: placeholders, messages, URLs and paths are not credentials", () => {
    expect(classifySecretValue("changeme").secret).toBe(false);
    expect(classifySecretValue("Invalid token").secret).toBe(false);
    expect(classifySecretValue("https://example.com").secret).toBe(false);
    expect(classifySecretValue("/run/secrets/token").secret).toBe(false);
    expect(classifySecretValue("hunter2").secret).toBe(true);
    // without a name there is nothing to say that plain words are a lookup key
    expect(classifySecretValue("vite-ui-theme").secret).toBe(true);
  });
});

describe("valueWords", () => {
  it("splits on punctuation, and at camelCase humps only when the value has no digits", () => {
    expect(valueWords("x-api-key")).toEqual(["x", "api", "key"]);
    expect(valueWords("yourApiKey")).toEqual(["your", "api", "key"]);
    expect(valueWords("XAuthToken")).toEqual(["x", "auth", "token"]);
    expect(valueWords("aB3xTestQ9")).toEqual(["ab3xtestq9"]);
  });
});

describe("test files", () => {
  const isTestFile = createTestFileMatcher();

  it.each([
    ["src/auth.test.ts", true],
    ["src/auth.spec.js", true],
    ["src/__tests__/auth.ts", true],
    ["src/__mocks__/stripe.ts", true],
    ["test/setup.ts", true],
    ["packages/api/tests/helpers.ts", true],
    ["packages/api/test/fixtures/user.json", true],
    ["fixtures/users.ts", true],
    ["apps/web/e2e/login.ts", true],
    ["test/app.e2e-spec.ts", true],
    ["apps/api/src/users.e2e-spec.ts", true],
    ["e2e/login.e2e.js", true],
    ["apps/web-e2e/src/app.cy.ts", true],
    ["cypress/support/commands.ts", true],
    ["src/auth.ts", false],
    ["src/testing-library.ts", false],
    ["src/contest/entry.ts", false],
    ["src/features/ab_test.ts", false],
    ["src/latest/index.ts", false],
    ["scripts/seed.ts", false],
  ])("%s → %s", (file, expected) => {
    expect(isTestFile(file)).toBe(expected);
  });

  // test runners' and Storybook's configuration and setup files, under the names their tools use
  it.each([
    ["playwright.config.ts", true],
    ["apps/web/playwright.config.mts", true],
    ["playwright.auth.config.ts", true],
    ["vitest.config.ts", true],
    ["packages/api/vitest.config.mjs", true],
    ["vitest.workspace.ts", true],
    ["vitest.setup.ts", true],
    ["vitest.e2e.config.ts", true],
    ["jest.config.js", true],
    ["jest.config.ts", true],
    ["src/jest.setup.ts", true],
    ["jest.env.setup.ts", true],
    ["jest-setup.js", true],
    [".jest/set-env-vars.ts", true],
    ["cypress.config.ts", true],
    ["karma.conf.js", true],
    ["wdio.conf.ts", true],
    ["wdio.ios.conf.ts", true],
    ["src/setupTests.ts", true],
    ["src/setup-tests.ts", true],
    ["src/test-setup.ts", true],
    ["global-setup.ts", true],
    ["utils/globalSetup.js", true],
    ["globalTeardown.ts", true],
    [".storybook/main.ts", true],
    ["apps/web/.storybook/preview.tsx", true],
    // production entry points, and modules that only share a tool's name
    ["src/main.ts", false],
    ["src/app.module.ts", false],
    ["server.js", false],
    ["index.ts", false],
    ["src/playwright.ts", false],
    ["src/lib/playwright/browser.ts", false],
    ["src/setup.ts", false],
    ["drizzle.config.ts", false],
    ["vite.config.ts", false],
    ["next.config.js", false],
  ])("%s → %s", (file, expected) => {
    expect(isTestFile(file)).toBe(expected);
  });

  // reduced from dub's apps/web/scripts (97 maintenance scripts that import "dotenv-flow/config")
  it.each([
    ["apps/web/scripts/bulk-delete-users.ts", true],
    ["scripts/backfill.mjs", true],
    ["prisma/seed.ts", true],
    ["src/db/seeds/users.ts", true],
    ["src/database/seeders/admin.seed.ts", true],
    ["migrations/20240101_init.js", true],
    ["drizzle.config.ts", true],
    ["knexfile.js", true],
    ["ormconfig.ts", true],
    ["prisma.config.ts", true],
    // the service itself
    ["src/main.ts", false],
    ["server.js", false],
    ["src/app.module.ts", false],
    ["src/db/data-source.ts", false],
    ["src/lib/description.ts", false],
    ["bin/server.js", false],
  ])("script: %s → %s", (file, expected) => {
    expect(createTestFileMatcher(DEFAULT_SCRIPT_PATTERNS)(file)).toBe(expected);
  });

  it("takes other globs in place of the defaults, and none at all", () => {
    expect(DEFAULT_TEST_FILE_PATTERNS).toContain("**/*.test.*");
    expect(createTestFileMatcher(["qa/**"])("qa/login.ts")).toBe(true);
    expect(createTestFileMatcher(["qa/**"])("src/auth.test.ts")).toBe(false);
    expect(createTestFileMatcher([])("src/auth.test.ts")).toBe(false);
  });
});
