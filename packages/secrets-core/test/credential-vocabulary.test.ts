/**
 * `CREDENTIAL_VOCABULARIES`: the words that credential-named keys hold in real code and that are
 * never credentials. Each row is a value as public code writes it under a credential-like name
 * (the name's head given as the classifier splits it), the kind it belongs to, or `undefined`
 * where the value must stay a candidate secret: real secrets that look a little like the
 * vocabulary, and words of one kind under a name of another.
 */
import { describe, expect, it } from "vitest";
import {
  credentialVocabularyOf,
  CREDENTIAL_VOCABULARIES,
  CREDENTIAL_WORDS_IN_OTHER_LANGUAGES,
  type CredentialVocabularyKind,
} from "../src/credential-vocabulary.js";
import { classifySecretValue } from "../src/placeholders.js";
import { ALNUM, join, randomString } from "./credential-samples.js";

type Row = readonly [value: string, head: string | undefined, kind: CredentialVocabularyKind | undefined];

describe("credentialVocabularyOf", () => {
  const rows: readonly Row[] = [
    // ---- the credentials mode of fetch: `fetch(url, { credentials: "include" })` ----
    ["include", "CREDENTIALS", "request-credentials-mode"],
    ["same-origin", "CREDENTIALS", "request-credentials-mode"], // outline's ApiClient, better-auth's demo
    ["omit", "CREDENTIALS", "request-credentials-mode"],
    ["Include", "CREDENTIALS", "request-credentials-mode"],
    ["include", "CREDENTIAL", "request-credentials-mode"],
    // only under a credentials name: `include` is an English word, not a mode, elsewhere
    ["include", "SECRET", undefined],
    ["same-origin", "PASSWORD", undefined],
    ["include", undefined, undefined],

    // ---- HTTP authentication schemes ----
    ["Bearer", "TOKEN", "authorization-scheme"],
    ["Bearer ", "TOKEN", "authorization-scheme"], // the prefix before the token
    ["Basic", undefined, "authorization-scheme"],
    ["Digest", "SECRET", "authorization-scheme"],
    ["Negotiate", "CREDENTIALS", "authorization-scheme"],
    ["AWS4-HMAC-SHA256", "SECRET", "authorization-scheme"], // AWS Signature Version 4
    ["Token", "TOKEN", "authorization-scheme"], // Django REST framework
    ["DPoP", "TOKEN", "authorization-scheme"],
    ["SSWS", "TOKEN", "authorization-scheme"], // Okta

    // ---- OAuth 2.0 and OpenID Connect ----
    ["client_credentials", "CREDENTIALS", "oauth-protocol"],
    ["authorization_code", undefined, "oauth-protocol"],
    ["refresh_token", "TOKEN", "oauth-protocol"],
    ["password", "PASSWORD", "oauth-protocol"], // the password grant
    ["implicit", "SECRET", "oauth-protocol"],
    ["client_secret_basic", "SECRET", "oauth-protocol"], // token_endpoint_auth_method
    ["client_secret_post", "SECRET", "oauth-protocol"], // `enum TokenEndpointAuthMethod { CLIENT_SECRET = 'client_secret_post' }`
    ["private_key_jwt", "KEY", "oauth-protocol"],
    ["S256", "SECRET", "oauth-protocol"], // PKCE
    ["code id_token", "TOKEN", "oauth-protocol"],
    ["form_post", "SECRET", "oauth-protocol"],
    ["code_verifier", "SECRET", "oauth-protocol"],
    ["invalid_grant", "TOKEN", "oauth-protocol"],
    ["slow_down", "TOKEN", "oauth-protocol"], // device flow
    ["openid", "SECRET", "oauth-protocol"],
    ["openid profile email", "SECRET", "oauth-protocol"],
    ["openid profile email offline_access", undefined, "oauth-protocol"],
    ["urn:ietf:params:oauth:grant-type:device_code", "SECRET", "urn"],
    ["urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "TOKEN", "urn"],
    ["urn:ietf:wg:oauth:2.0:oob", "SECRET", "urn"], // the out-of-band redirect URI

    // ---- header names ----
    ["Authorization", "TOKEN", "header-name"],
    ["WWW-Authenticate", "SECRET", "header-name"],
    ["Ocp-Apim-Subscription-Key", "KEY", "header-name"], // `{ ocpSubscriptionKey: 'Ocp-Apim-Subscription-Key' }`
    ["X-Hasura-Admin-Secret", "SECRET", "header-name"], // `{ adminSecret: 'X-Hasura-Admin-Secret' }`
    ["x-hasura-admin-secret", "SECRET", "header-name"],
    ["X-Hub-Signature-256", "SECRET", "header-name"],
    ["x-functions-key", "KEY", "header-name"], // Azure Functions
    ["Private-Token", "TOKEN", "header-name"], // GitLab
    ["Stripe-Signature", "SECRET", "header-name"],
    // `x-` then random characters is not a header name
    [join("x-", randomString(32, "0123456789abcdef", 3)), "SECRET", undefined],

    // ---- how secrets are kept ----
    ["hashed", "SECRET", "algorithm"], // better-auth: `storeClientSecret: "hashed"`
    ["encrypted", "SECRET", "algorithm"],
    ["plain", "SECRET", "oauth-protocol"], // a PKCE method too: the first kind that has the word names it
    ["scram-sha-256", "PASSWORD", "authorization-scheme"], // PostgreSQL: `password_encryption: 'scram-sha-256'`
    ["BCRYPT", "PASSWORD", "algorithm"],
    ["md5", "PASSWORD", "algorithm"],
    ["HS256", "SECRET", "algorithm"],
    ["aes-256-gcm", "KEY", "algorithm"],
    ["base64", "SECRET", "algorithm"],

    // ---- where secrets are kept ----
    ["arn:aws:secretsmanager:us-east-1:123456789012:secret:genesis/jwt-secret-AbCdEf", "SECRET", "secret-reference"],
    ["arn:aws:ssm:us-east-1:123456789012:parameter/myapplication/dev/db_password", "PASSWORD", "secret-reference"],
    ["arn:aws:kms:eu-west-1:957571717716:key/1234abcd-12ab-34cd-56ef-1234567890ab", "KEY", "secret-reference"],
    ["projects/aja-logistics-prod/secrets/jwt-signing-secret/versions/latest", "SECRET", "secret-reference"],
    ["projects/1/secrets/smtp", "SECRET", "secret-reference"],
    ["vault:secret/data/myapp/config#api_key", "KEY", "secret-reference"],
    ["@Microsoft.KeyVault(SecretUri=https://acme.vault.azure.net/secrets/db-password/)", "PASSWORD", "secret-reference"],

    // ---- selectors of form fields (page objects, scrapers) ----
    ['input[type="password"]', "PASSWORD", "selector"],
    ["input[name=password]", "PASSWORD", "selector"],
    ['input[type="email"], input[name*="email" i]', "PASSWORD", "selector"],
    ['#login-form input[type="password"]', "PASSWORD", "selector"],
    ["//input[@name='password']", "PASSWORD", "selector"],
    ["[data-testid=password-input]", "PASSWORD", "selector"],
    // brackets in a secret do not make it a selector
    ["p[a]ss=w0rd!Kq7", "PASSWORD", undefined],
    ["Kq7[x]9f8e7d6c", "SECRET", undefined],

    // ---- not vocabulary: secrets, some of them close to it ----
    ["hunter2hunter2", "PASSWORD", undefined],
    ["P@ssw0rd-2024", "PASSWORD", undefined],
    ["Bearer-2024-Kq7", "TOKEN", undefined],
    ["hashed-secret-9f8e", "SECRET", undefined],
    ["include-me-2024", "CREDENTIALS", undefined],
    ["mySecret", "SECRET", undefined],
    ["keyboard cat", "SECRET", undefined],
    ["openid profile hunter2", "SECRET", undefined],
    [randomString(32, ALNUM, 5), "SECRET", undefined],
    ["", "SECRET", undefined],
    ["   ", "CREDENTIALS", undefined],
  ];

  it.each(rows)("%j under %s → %s", (value, head, kind) => {
    expect(credentialVocabularyOf(value, head)).toBe(kind);
  });
});

describe("the table", () => {
  it("lists lower-case, trimmed words, each once per kind, and heads in upper case", () => {
    for (const vocabulary of CREDENTIAL_VOCABULARIES) {
      for (const word of vocabulary.words) expect(word, vocabulary.kind).toBe(word.trim().toLowerCase());
      expect(new Set(vocabulary.words).size, vocabulary.kind).toBe(vocabulary.words.length);
      for (const head of vocabulary.heads) expect(head).toBe(head.toUpperCase());
      expect(vocabulary.words.length + (vocabulary.shapes?.length ?? 0), vocabulary.kind).toBeGreaterThan(0);
    }
  });

  it("holds no word that the rule's canary secrets or the documented weak secrets are", () => {
    // the values the issue asks to keep reported, and the classics of hardcoded secrets
    for (const secret of ["changeme-please", "P@ssw0rd-2024", "hunter2hunter2", "mysecretkey", "supersecret", "keyboard cat", "s3cr3t-Kq7"]) {
      expect(credentialVocabularyOf(secret), secret).toBeUndefined();
    }
  });

  it("tests long adversarial values in linear time", () => {
    const values = [
      "#a ".repeat(20_000) + "[b]!",
      "a[b]".repeat(10_000) + "!",
      "x-" + "ab-".repeat(20_000) + "!",
      "arn:aws:" + "a:".repeat(20_000),
      "projects/" + "a/".repeat(20_000),
      "urn:" + "a".repeat(50_000),
    ];
    const started = performance.now();
    for (const value of values) credentialVocabularyOf(value, "PASSWORD");
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("lists translations of credential words in lower case", () => {
    for (const word of CREDENTIAL_WORDS_IN_OTHER_LANGUAGES) expect(word).toBe(word.toLowerCase());
  });
});

describe("classifySecretValue takes vocabulary for what it is", () => {
  it.each([
    ["include", "credentials"],
    ["same-origin", "fetchCredentials"],
    ["omit", "credentials"],
    ["hashed", "storeClientSecret"],
    ["client_secret_post", "CLIENT_SECRET"],
    ["X-Hasura-Admin-Secret", "adminSecret"],
    ["Ocp-Apim-Subscription-Key", "SUBSCRIPTION_KEY"],
    ["scram-sha-256", "password_encryption"],
    ["arn:aws:secretsmanager:us-east-1:123456789012:secret:genesis/jwt-secret-AbCdEf", "JWT_SECRET"],
    ["projects/p/secrets/s/versions/latest", "PM_BROKER_SECRET"],
    ['input[type="password"]', "password"],
    ["openid profile email", "clientSecret"],
    ["urn:ietf:params:oauth:grant-type:device_code", "secret"],
  ])("%j for %s is not a secret", (value, name) => {
    expect(classifySecretValue(value, { name }).secret).toBe(false);
  });

  it("still reports the hardcoded defaults the vocabulary must not hide", () => {
    expect(classifySecretValue("P@ssw0rd-2024", { name: "adminPassword" })).toEqual({ secret: true, reason: "credential" });
    expect(classifySecretValue("hunter2hunter2", { name: "password" })).toEqual({ secret: true, reason: "credential" });
    expect(classifySecretValue("include", { name: "jwtSecret" }).secret).toBe(true);
    expect(classifySecretValue(join("x-", randomString(32, "0123456789abcdef", 3)), { name: "apiSecret" }).secret).toBe(true);
  });
});
