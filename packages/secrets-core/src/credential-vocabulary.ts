/**
 * The vocabulary around credentials: words that a credential-named key holds in real code and
 * that are never a credential. `fetch(url, { credentials: "include" })` sets a request's
 * credentials *mode*; `{ storeClientSecret: "hashed" }` says how a secret is kept;
 * `{ adminSecret: "X-Hasura-Admin-Secret" }` names the header that carries one;
 * `{ JWT_SECRET: "arn:aws:secretsmanager:…" }` says where one is stored. The value belongs to
 * the protocol or the product, not to the secret.
 *
 * One table, `CREDENTIAL_VOCABULARIES`, one entry per kind of vocabulary, read by
 * `classifySecretValue` (and through it by `secrets/no-hardcoded-secret`). An entry lists whole
 * values (compared without case, once trimmed) and, for open families such as `X-…` headers or
 * ARNs, shapes. An entry may be restricted to names of one head: `include` is a credentials mode
 * only under a name that ends in `credentials`.
 *
 * Only words that no one would pick as a secret belong here: protocol constants, algorithm and
 * header names, references into secret stores. A real secret that happened to equal one of them
 * would be far weaker than any that the rule exists to catch.
 *
 * Pure, no dependency on ESLint.
 */

export type CredentialVocabularyKind =
  /** The credentials mode of a fetch request: `credentials: "include"`. */
  | "request-credentials-mode"
  /** An HTTP authentication scheme: `Bearer`, `Basic`, `Token`. */
  | "authorization-scheme"
  /** A value of OAuth 2.0 / OpenID Connect: grant types, response types, client authentication methods, errors, scopes. */
  | "oauth-protocol"
  /** The name of an HTTP header that carries a credential: `X-API-Key`, `Ocp-Apim-Subscription-Key`. */
  | "header-name"
  /** How a secret is kept or derived: `hashed`, `encrypted`, `bcrypt`, `scram-sha-256`, `HS256`, `base64`. */
  | "algorithm"
  /** Where a secret is stored: an AWS ARN, a Google Secret Manager resource, a Vault or Key Vault reference. */
  | "secret-reference"
  /** A CSS or XPath selector of a form field: `input[type="password"]`. */
  | "selector"
  /** A URN, a name by definition: `urn:ietf:params:oauth:grant-type:device_code`. */
  | "urn";

export interface CredentialVocabulary {
  readonly kind: CredentialVocabularyKind;
  /** What the words are, and where they come from. */
  readonly description: string;
  /**
   * Heads of the names (upper case, as `splitNameSegments` gives them, trailing digits removed)
   * under which these words are vocabulary; empty: under any name.
   */
  readonly heads: readonly string[];
  /** Whole values, lower case; a value is compared lower-cased and trimmed. */
  readonly words: readonly string[];
  /** Shapes of whole values (tested against the trimmed value). */
  readonly shapes?: readonly RegExp[];
}

/** Scopes of OpenID Connect: a value made of them only (`"openid profile email"`) is a scope list. */
export const OPENID_SCOPES: readonly string[] = ["openid", "profile", "email", "address", "phone", "offline_access"];

/** A CSS selector (a simplified grammar: no escapes, no nested functions) with an attribute selector. */
const CSS_SELECTOR_WITH_ATTRIBUTE = ((): RegExp => {
  const ident = String.raw`-?[A-Za-z_][\w-]*`;
  const attribute = String.raw`\[\s*[A-Za-z_][\w:-]*(?:\s*[~|^$*]?=\s*(?:"[^"\]]*"|'[^'\]]*'|[\w-]+)(?:\s+[is])?)?\s*\]`;
  const simple = String.raw`(?:#${ident}|\.${ident}|${attribute}|::?${ident}(?:\([^()]*\))?)`;
  const compound = String.raw`(?:(?:${ident}|\*)${simple}*|${simple}+)`;
  const selector = String.raw`${compound}(?:(?:\s*[>+~]\s*|\s+)${compound})*`;
  return new RegExp(String.raw`^(?=[^\[]*${attribute})${selector}(?:\s*,\s*${selector})*$`);
})();

export const CREDENTIAL_VOCABULARIES: readonly CredentialVocabulary[] = [
  {
    kind: "request-credentials-mode",
    description: "The credentials mode of the Fetch standard's RequestInit (fetch, Request, Apollo, ky, ofetch).",
    heads: ["CREDENTIALS", "CREDENTIAL"],
    words: ["include", "same-origin", "omit"],
  },
  {
    kind: "authorization-scheme",
    description:
      "HTTP authentication schemes: the IANA registry, and the schemes of widely used APIs (Token for Django REST framework and GitHub, JWT for passport-jwt, ApiKey for Elasticsearch, SSWS for Okta, SharedKey for Azure Storage, Bot for Discord, AWS4-HMAC-SHA256 for AWS Signature Version 4).",
    heads: [],
    words: [
      // IANA HTTP Authentication Scheme Registry
      "basic", "bearer", "concealed", "digest", "dpop", "gnap", "hoba", "mutual", "negotiate", "oauth",
      "privatetoken", "scram-sha-1", "scram-sha-256", "vapid",
      // schemes of APIs and frameworks
      "token", "jwt", "apikey", "api-key", "ntlm", "kerberos", "hawk", "aws4-hmac-sha256", "ssws",
      "sharedkey", "sharedkeylite", "bot",
    ],
  },
  {
    kind: "oauth-protocol",
    description:
      "Values of OAuth 2.0 (RFC 6749, 7009, 7523, 7636, 8628, 8693, 9449) and OpenID Connect: grant types, response types and modes, token types and hints, client authentication methods, PKCE methods, prompts, parameter names, error codes, scopes.",
    heads: [],
    words: [
      // grant types
      "authorization_code", "client_credentials", "refresh_token", "password", "implicit",
      "device_code", "token-exchange", "jwt-bearer", "saml2-bearer",
      // response types and modes
      "code", "token", "id_token", "code id_token", "code token", "id_token token", "code id_token token",
      "query", "fragment", "form_post", "query.jwt", "fragment.jwt", "form_post.jwt", "web_message",
      // token types and hints
      "n_a", "mac", "access_token",
      // client authentication methods (token_endpoint_auth_method)
      "client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt",
      "tls_client_auth", "self_signed_tls_client_auth",
      // PKCE code challenge methods
      "s256", "plain",
      // prompt and display
      "login", "consent", "select_account", "create", "popup", "touch", "wap",
      // parameter names, as keys of a form body or of a map of field names
      "client_id", "client_secret", "code_verifier", "code_challenge", "code_challenge_method",
      "redirect_uri", "grant_type", "response_type", "response_mode", "token_type", "token_type_hint",
      "assertion", "client_assertion", "client_assertion_type", "subject_token", "subject_token_type",
      "actor_token", "actor_token_type", "requested_token_type", "user_code", "id_token_hint",
      "login_hint", "nonce", "state", "scope", "audience", "resource",
      // error codes
      "invalid_request", "invalid_client", "invalid_grant", "unauthorized_client", "unsupported_grant_type",
      "invalid_scope", "access_denied", "unsupported_response_type", "server_error",
      "temporarily_unavailable", "invalid_token", "insufficient_scope", "authorization_pending",
      "slow_down", "expired_token", "interaction_required", "login_required", "consent_required",
      "account_selection_required", "invalid_request_uri", "invalid_request_object",
      "invalid_dpop_proof", "use_dpop_nonce", "invalid_client_metadata", "invalid_redirect_uri",
      // scopes
      ...OPENID_SCOPES,
    ],
    shapes: [
      // a list of OpenID scopes: "openid profile email offline_access"
      new RegExp(`^(?:${OPENID_SCOPES.join("|")})(?: (?:${OPENID_SCOPES.join("|")}))+$`, "i"),
    ],
  },
  {
    kind: "header-name",
    description:
      "Names of HTTP headers that carry credentials: the standard ones, vendors' (Azure API Management, GitLab, CircleCI, Datadog, Stripe), and any `X-…` header.",
    heads: [],
    words: [
      "authorization", "proxy-authorization", "www-authenticate", "proxy-authenticate", "cookie",
      "set-cookie", "api-key", "apikey", "private-token", "job-token", "deploy-token", "circle-token",
      "ocp-apim-subscription-key", "dd-api-key", "dd-application-key", "stripe-signature",
      "dpop", "authentication",
    ],
    // `X-API-Key`, `x-hasura-admin-secret`, `X-Hub-Signature-256`: words (letters, at most three
    // digits after them, or a short number) joined by dashes; not `x-5f4dcc3b5aa7…`
    shapes: [/^x(?:-(?:[a-z]+\d{0,3}|\d{1,3}))+$/i],
  },
  {
    kind: "algorithm",
    description:
      "How a secret is stored, hashed, signed or encoded: storage modes (better-auth's storeClientSecret), password hashing schemes (PostgreSQL's password_encryption), JOSE algorithms, ciphers, encodings.",
    heads: [],
    words: [
      // storage modes
      "hashed", "encrypted", "plain", "plaintext", "hash", "none",
      // password hashing
      "bcrypt", "scrypt", "argon2", "argon2id", "argon2i", "argon2d", "pbkdf2", "md5", "scram-sha-256",
      // digests and MACs
      "sha1", "sha-1", "sha256", "sha-256", "sha384", "sha-384", "sha512", "sha-512", "sha3-256",
      "sha3-512", "hmac", "hmac-sha1", "hmac-sha256", "hmac-sha384", "hmac-sha512",
      // JOSE algorithms and key types
      "hs256", "hs384", "hs512", "rs256", "rs384", "rs512", "es256", "es384", "es512", "ps256",
      "ps384", "ps512", "eddsa", "ed25519", "ed448", "rsa", "ec", "oct", "okp", "ecdsa",
      "rsa-oaep", "rsa-oaep-256", "a128gcm", "a256gcm", "a256kw", "dir",
      // ciphers
      "aes-128-gcm", "aes-192-gcm", "aes-256-gcm", "aes-128-cbc", "aes-256-cbc", "aes-256-ctr",
      "chacha20-poly1305",
      // encodings
      "base64", "base64url", "hex", "utf8", "utf-8", "binary", "latin1", "ascii",
    ],
  },
  {
    kind: "secret-reference",
    description:
      "Where a secret is kept rather than the secret: AWS ARNs (Secrets Manager, Parameter Store, KMS), Google Secret Manager resource names, HashiCorp Vault references, Azure Key Vault references.",
    heads: [],
    words: [],
    shapes: [
      /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d*:\S+$/i,
      /^projects\/[^/\s]+\/secrets\/[^/\s]+(?:\/versions\/[^/\s]+)?$/,
      /^vault:[\w./-]+(?:#[\w.-]+)?$/,
      /^@Microsoft\.KeyVault\(.+\)$/,
    ],
  },
  {
    kind: "selector",
    description:
      "Selectors of form fields, as page objects and scrapers hold them under the field's name: `{ password: 'input[type=\"password\"]' }`.",
    heads: [],
    words: [],
    shapes: [
      // CSS with an attribute selector: `input[name="password"]`, `#login input[type=password]`,
      // lists and combinators
      CSS_SELECTOR_WITH_ATTRIBUTE,
      // XPath: //input[@name='password']
      /^\/\/?[\w*-]+\[@[\w-]+/,
    ],
  },
  {
    kind: "urn",
    description: "Uniform resource names (RFC 8141) such as OAuth's `urn:ietf:params:oauth:grant-type:device_code`: names by definition.",
    heads: [],
    words: [],
    shapes: [/^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i],
  },
];

interface VocabularyIndex {
  /** Entries by lower-cased word. */
  readonly byWord: ReadonlyMap<string, readonly CredentialVocabulary[]>;
  /** Entries with shapes. */
  readonly shaped: readonly CredentialVocabulary[];
}

const indexes = new WeakMap<readonly CredentialVocabulary[], VocabularyIndex>();

function indexOf(vocabularies: readonly CredentialVocabulary[]): VocabularyIndex {
  let index = indexes.get(vocabularies);
  if (!index) {
    const byWord = new Map<string, CredentialVocabulary[]>();
    for (const vocabulary of vocabularies) {
      for (const word of vocabulary.words) {
        const entries = byWord.get(word) ?? [];
        entries.push(vocabulary);
        byWord.set(word, entries);
      }
    }
    index = { byWord, shaped: vocabularies.filter((vocabulary) => (vocabulary.shapes?.length ?? 0) > 0) };
    indexes.set(vocabularies, index);
  }
  return index;
}

const appliesTo = (vocabulary: CredentialVocabulary, head: string | undefined): boolean =>
  vocabulary.heads.length === 0 || (head !== undefined && vocabulary.heads.includes(head));

/**
 * The kind of vocabulary `value` is a word of, under a name whose head is `head` (upper case,
 * without trailing digits: `CREDENTIALS` for `fetchCredentials`), or `undefined`. Without a head,
 * only the vocabularies that hold under any name are consulted.
 */
export function credentialVocabularyOf(
  value: string,
  head?: string,
  vocabularies: readonly CredentialVocabulary[] = CREDENTIAL_VOCABULARIES,
): CredentialVocabularyKind | undefined {
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  const index = indexOf(vocabularies);
  const entries = index.byWord.get(trimmed.toLowerCase());
  const byWord = entries?.find((vocabulary) => appliesTo(vocabulary, head));
  if (byWord) return byWord.kind;
  for (const vocabulary of index.shaped) {
    if (appliesTo(vocabulary, head) && vocabulary.shapes!.some((shape) => shape.test(trimmed))) return vocabulary.kind;
  }
  return undefined;
}

/**
 * Credential words of other languages (password, secret, key, token, credentials), lower case,
 * as UI labels and translation files write them: `{ password: "Palavra-passe" }`,
 * `{ application_secret: "App-Geheimnis" }`. A capitalised label made of words joined by dashes
 * is a label when one of its words is one of these (a lone capitalised word always is).
 */
export const CREDENTIAL_WORDS_IN_OTHER_LANGUAGES: ReadonlySet<string> = new Set([
  // German
  "passwort", "kennwort", "geheimnis", "geheimnisse", "schlüssel", "schluessel", "zugangsdaten", "anmeldedaten",
  // French ("mot de passe")
  "passe", "jeton", "clé", "cle", "identifiants",
  // Spanish
  "contraseña", "contrasena", "clave", "secreto", "credenciales",
  // Portuguese ("palavra-passe")
  "senha", "segredo", "chave", "credenciais",
  // Italian
  "segreto", "chiave", "credenziali",
  // Dutch
  "wachtwoord", "geheim", "sleutel", "inloggegevens",
  // Polish
  "hasło", "haslo", "klucz",
  // Turkish
  "şifre", "sifre", "parola", "anahtar",
  // Swedish, Danish, Norwegian
  "lösenord", "losenord", "nyckel", "hemlighet", "adgangskode", "passord", "nøgle", "nøkkel",
  "hemmelighed", "hemmelighet",
  // Finnish, Czech, Hungarian, Indonesian, Romanian
  "salasana", "avain", "salaisuus", "heslo", "jelszó", "jelszo", "kulcs", "titok", "sandi", "kunci",
  "rahasia", "cheie", "parolă",
]);
