/**
 * `CREDENTIAL_FORMATS`: one describe block per format. Each proves the format finds a real-shaped
 * credential (alone and inside other text), stops at its boundaries, and leaves alone the
 * stand-ins that documentation uses. Every credential-shaped string is assembled at run time
 * (see `credential-samples.ts`): the repository holds none.
 */
import { describe, expect, it } from "vitest";
import {
  CREDENTIAL_FORMATS,
  findCredential,
  findCredentials,
  mayHoldCredential,
  maskSecret,
  type CredentialFormat,
} from "../src/credential-formats.js";
import {
  ALNUM,
  BASE32,
  BASE64URL,
  CREDENTIAL_SAMPLES,
  DIGITS,
  jwt,
  pemBody,
  PEM_BEGIN,
  PEM_END,
  join,
  privateKey,
  randomString,
  sample,
  urlWithPassword,
} from "./credential-samples.js";

/** The id of the format that names `text`, or `undefined` if none does. */
const formatOf = (text: string): string | undefined => findCredential(text)?.format.id;

function expectFound(text: string, id: string, credential: string = text): void {
  const found = findCredential(text);
  expect(found?.format.id, `format of ${maskSecret(text)}`).toBe(id);
  expect(found?.credential).toBe(credential);
}

describe("the table", () => {
  it("has unique ids, a description, keywords and a non-global regex for every format", () => {
    const ids = CREDENTIAL_FORMATS.map((format) => format.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const format of CREDENTIAL_FORMATS) {
      expect(format.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(format.description.length).toBeGreaterThan(0);
      expect(format.keywords.length).toBeGreaterThan(0);
      expect(format.regex.global || format.regex.sticky).toBe(false);
    }
  });

  it("lists as needed only what every match of the format contains", () => {
    for (const format of CREDENTIAL_FORMATS) {
      const credential = findCredential(sample(format.id))?.credential ?? "";
      for (const needed of format.needs ?? []) expect(credential, format.id).toContain(needed);
    }
    // a URL without user info is not searched for a password, and one with it is
    expect(findCredential("see https://docs.acme.dev/a:b for details")).toBeUndefined();
    expect(findCredential(urlWithPassword(randomString(20, ALNUM, 47)))?.format.id).toBe("url-password");
  });

  it("has a sample for every format, found as that format and containing one of its keywords", () => {
    expect(Object.keys(CREDENTIAL_SAMPLES).sort()).toEqual(CREDENTIAL_FORMATS.map((format) => format.id).sort());
    for (const format of CREDENTIAL_FORMATS) {
      const text = sample(format.id);
      expect(format.keywords.some((keyword) => text.includes(keyword)), format.id).toBe(true);
      // the credential found is the sample itself, or (a URL's password, a key in its armour) a
      // long enough part of it
      const found = findCredential(text);
      expect(found?.format.id, format.id).toBe(format.id);
      expect(text, format.id).toContain(found!.credential);
      expect(found!.credential.length, format.id).toBeGreaterThanOrEqual(Math.min(text.length, 8));
    }
  });

  it("finds credentials inside other text, and several in one text in table order", () => {
    const github = sample("github-token");
    const aws = sample("aws-access-key-id");
    const text = `export AWS_KEY=${aws}\ncurl -H "Authorization: token ${github}" https://api.github.com`;
    expect(findCredentials(text).map((match) => [match.format.id, match.credential, match.index])).toEqual([
      ["aws-access-key-id", aws, text.indexOf(aws)],
      ["github-token", github, text.indexOf(github)],
    ]);
  });

  it("prefers the more specific format when one credential holds another", () => {
    const github = sample("github-token");
    const url = join("https://x-access-token:", github, "@github.com/acme/app.git");
    expect(findCredential(url)?.format.id).toBe("github-token");
    expect(findCredentials(url).map((match) => match.format.id)).toEqual(["github-token", "url-password"]);
  });

  it("finds nothing in ordinary text", () => {
    for (const text of [
      "",
      "hello world",
      "https://example.com/path?query=1",
      "The quick brown fox jumps over the lazy dog",
      "eyes.open.wide",
      "sk-learn is a Python library",
      "mailto:someone@example.com",
    ]) {
      expect(findCredentials(text), text).toEqual([]);
    }
  });

  it("skips a text without any keyword in one test, and finds the same as before in one with", () => {
    expect(mayHoldCredential("const greeting = 'hello world'")).toBe(false);
    expect(mayHoldCredential("AKIA")).toBe(true);
    expect(mayHoldCredential("see https://x")).toBe(true);
    for (const format of CREDENTIAL_FORMATS) {
      for (const keyword of format.keywords) expect(mayHoldCredential(`..${keyword}..`), keyword).toBe(true);
    }
    // the keywords are matched as text, not as patterns
    const dotted: CredentialFormat = { id: "dotted", description: "dotted", keywords: ["a.b"], regex: /a\.b\d+/ };
    expect(mayHoldCredential("axb1", [dotted])).toBe(false);
    expect(findCredential("a.b1", [dotted])?.credential).toBe("a.b1");
  });

  it("is reusable: a global regex's state does not leak between calls", () => {
    const text = sample("npm-token");
    for (let round = 0; round < 3; round++) expect(formatOf(text)).toBe("npm-token");
  });

  it("scans long adversarial strings in linear time", () => {
    const started = performance.now();
    for (const text of [
      `${"a".repeat(200_000)}://`,
      `${"a".repeat(100_000)}:${"b".repeat(100_000)}`,
      `${PEM_BEGIN}PRIVATE KEY-----\n${"A: ".repeat(50_000)}`,
      `eyJ${"a".repeat(100_000)}.`,
      `xoxb-${"1-".repeat(100_000)}`,
      "sk-".repeat(50_000),
    ]) {
      findCredentials(text);
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("aws-access-key-id", () => {
  it("finds long-term (AKIA) and temporary (ASIA) key ids", () => {
    expectFound(sample("aws-access-key-id"), "aws-access-key-id");
    expectFound(join("AS", "IA", randomString(16, BASE32, 53)), "aws-access-key-id");
  });

  it("needs exactly 16 base32 characters after the prefix", () => {
    const body = randomString(16, BASE32, 3);
    expect(formatOf(join("AK", "IA", body.slice(1)))).toBeUndefined();
    expect(formatOf(join("AK", "IA", body, "Q"))).toBeUndefined();
    expect(formatOf(join("AK", "IA", body.slice(1), "8"))).toBeUndefined(); // 8 is not base32
    expect(formatOf(join("AK", "IA", body.toLowerCase()))).toBeUndefined();
    expect(formatOf(join("X", "AK", "IA", body))).toBeUndefined(); // inside a longer word
  });

  it("leaves the documentation's example key and masked ids alone", () => {
    expect(formatOf(join("AK", "IA", "IOSFODNN7", "EXAMPLE"))).toBeUndefined();
    expect(formatOf(join("AK", "IA", "X".repeat(16)))).toBeUndefined();
    expect(formatOf(join("AK", "IA", "ABCDEFGHIJKLMNOP"))).toBeUndefined();
  });
});

describe("github-token", () => {
  it("finds every classic token kind and fine-grained personal access tokens", () => {
    for (const kind of ["p", "o", "u", "s", "r"]) {
      expectFound(join("gh", kind, "_", randomString(36, ALNUM, 59)), "github-token");
    }
    expectFound(join("github", "_pat_", randomString(22, ALNUM, 61), "_", randomString(59, ALNUM, 67)), "github-token");
  });

  it("needs at least 36 characters after a classic prefix", () => {
    expect(formatOf(join("gh", "p_", randomString(35, ALNUM, 5)))).toBeUndefined();
    expect(formatOf(join("gh", "x_", randomString(36, ALNUM, 5)))).toBeUndefined();
    expect(formatOf(join("my", "gh", "p_", randomString(36, ALNUM, 5)))).toBeUndefined();
  });

  it("leaves stand-ins alone", () => {
    expect(formatOf(join("gh", "p_", "x".repeat(36)))).toBeUndefined();
    expect(formatOf(join("gh", "p_", "a".repeat(36)))).toBeUndefined();
    expect(formatOf(join("gh", "p_", "abcd".repeat(9)))).toBeUndefined();
    expect(formatOf(join("gh", "p_", "1234567890".repeat(3), "abcdef"))).toBeUndefined();
    expect(formatOf(join("gh", "p_", "your", randomString(32, ALNUM, 5)))).toBeDefined(); // `your` only as a word
    expect(formatOf(join("gh", "p_", "YOUR_TOKEN_HERE"))).toBeUndefined();
  });
});

describe("slack-token", () => {
  it("finds bot, user, app and refresh tokens", () => {
    expectFound(sample("slack-token"), "slack-token");
    const user = join(
      "xo", "xp-", randomString(10, DIGITS, 71), "-", randomString(11, DIGITS, 73), "-",
      randomString(12, DIGITS, 79), "-", randomString(32, "0123456789abcdef", 83),
    );
    expectFound(user, "slack-token");
    expectFound(join("xo", "xa-2-", randomString(40, ALNUM, 89)), "slack-token");
    expectFound(join("xo", "xr-", randomString(10, DIGITS, 97), "-", randomString(30, ALNUM, 101)), "slack-token");
  });

  it("needs a numeric part, and a secret part of eight or more", () => {
    expect(formatOf(join("xo", "xb-your-bot-token"))).toBeUndefined();
    expect(formatOf(join("xo", "xb-", randomString(11, DIGITS, 13), "-", randomString(7, ALNUM, 19)))).toBeUndefined();
    expect(formatOf(join("xo", "xc-", randomString(11, DIGITS, 13), "-", randomString(24, ALNUM, 19)))).toBeUndefined();
  });

  it("leaves stand-ins alone", () => {
    expect(formatOf(join("xo", "xb-", "1234-5678-abcdefghijkl"))).toBeUndefined();
    expect(formatOf(join("xo", "xb-", "000000000000-000000000000-", "x".repeat(24)))).toBeUndefined();
  });
});

describe("stripe-live-key", () => {
  it("finds live secret and restricted keys, short and long", () => {
    expectFound(sample("stripe-live-key"), "stripe-live-key");
    expectFound(join("rk", "_live_", randomString(24, ALNUM, 103)), "stripe-live-key");
    expectFound(join("sk", "_live_", randomString(99, ALNUM, 107)), "stripe-live-key");
  });

  it("leaves test and publishable keys alone (test keys cannot move money; publishable keys are public)", () => {
    expect(formatOf(join("sk", "_test_", randomString(24, ALNUM, 23)))).toBeUndefined();
    expect(formatOf(join("pk", "_live_", randomString(24, ALNUM, 23)))).toBeUndefined();
  });

  it("leaves stand-ins alone", () => {
    expect(formatOf(join("sk", "_live_", "x".repeat(24)))).toBeUndefined();
    expect(formatOf(join("sk", "_live_", "0".repeat(24)))).toBeUndefined();
    expect(formatOf(join("sk", "_live_", "your_key"))).toBeUndefined();
  });
});

describe("google-api-key", () => {
  it("finds a key of 35 characters after the prefix", () => {
    expectFound(sample("google-api-key"), "google-api-key");
    expectFound(`https://maps.googleapis.com/maps/api/js?key=${sample("google-api-key")}`, "google-api-key", sample("google-api-key"));
  });

  it("needs exactly 35 characters", () => {
    const body = randomString(35, BASE64URL, 29);
    expect(formatOf(join("AI", "za", body.slice(1)))).toBeUndefined();
    expect(formatOf(join("AI", "za", body, "Q"))).toBeUndefined();
  });

  it("leaves stand-ins alone", () => {
    expect(formatOf(join("AI", "za", "Sy", "X".repeat(33)))).toBeUndefined();
    expect(formatOf(join("AI", "za", "SyA-", "EXAMPLE", randomString(24, ALNUM, 29)))).toBeUndefined();
  });
});

describe("anthropic-api-key", () => {
  it("finds API and admin keys", () => {
    expectFound(sample("anthropic-api-key"), "anthropic-api-key");
    expectFound(join("sk-", "ant-", "admin01-", randomString(93, BASE64URL, 109), "AA"), "anthropic-api-key");
  });

  it("is not taken for an OpenAI key", () => {
    expect(findCredentials(sample("anthropic-api-key")).map((match) => match.format.id)).toEqual(["anthropic-api-key"]);
  });

  it("leaves short and masked keys alone", () => {
    expect(formatOf(join("sk-", "ant-", "api03-", randomString(20, ALNUM, 31)))).toBeUndefined();
    expect(formatOf(join("sk-", "ant-", "api03-", "x".repeat(95)))).toBeUndefined();
    expect(formatOf(join("sk-", "ant-", "your-key"))).toBeUndefined();
  });
});

describe("openai-api-key", () => {
  it("finds project, service-account and admin keys", () => {
    expectFound(sample("openai-api-key"), "openai-api-key");
    for (const kind of ["svcacct-", "admin-"]) {
      expectFound(join("sk-", kind, randomString(58, BASE64URL, 113), "T3Blbk", "FJ", randomString(58, BASE64URL, 127)), "openai-api-key");
    }
  });

  it("finds legacy keys: 48 letters and digits, with or without the marker", () => {
    expectFound(join("sk-", randomString(20, ALNUM, 131), "T3Blbk", "FJ", randomString(20, ALNUM, 137)), "openai-api-key");
    expectFound(join("sk-", randomString(48, ALNUM, 139)), "openai-api-key");
  });

  it("needs the full length: a shorter `sk-` string is something else", () => {
    expect(formatOf(join("sk-", randomString(32, ALNUM, 139)))).toBeUndefined();
    expect(formatOf(join("sk-", randomString(49, ALNUM, 139)))).toBeUndefined();
    expect(formatOf(join("sk-", "proj-", randomString(30, ALNUM, 139)))).toBeUndefined();
    expect(formatOf("sk-learn-preprocessing-standard-scaler-fit-transform")).toBeUndefined();
  });

  it("leaves stand-ins alone", () => {
    expect(formatOf(join("sk-", "proj-", "x".repeat(48)))).toBeUndefined();
    expect(formatOf(join("sk-", "proj-", "your-api-key-", randomString(40, ALNUM, 149)))).toBeUndefined();
    expect(formatOf(join("sk-", "abcdefghijklmnopqrstuvwxyz", "0123456789", "ABCDEFGHIJKL"))).toBeUndefined();
  });
});

describe("npm-token", () => {
  it("finds an access token", () => {
    expectFound(sample("npm-token"), "npm-token");
    expectFound(`//registry.npmjs.org/:_authToken=${sample("npm-token")}`, "npm-token", sample("npm-token"));
  });

  it("needs exactly 36 characters", () => {
    expect(formatOf(join("np", "m_", randomString(35, ALNUM, 43)))).toBeUndefined();
    expect(formatOf(join("np", "m_", randomString(37, ALNUM, 43)))).toBeUndefined();
    expect(formatOf(join("np", "m_", "x".repeat(36)))).toBeUndefined();
  });
});

describe("private-key", () => {
  it("finds PKCS#1, PKCS#8, EC, OpenSSH, encrypted and PGP private keys with their material", () => {
    for (const kind of ["RSA ", "", "EC ", "OPENSSH ", "ENCRYPTED ", "DSA "]) {
      expect(formatOf(privateKey(kind)), kind).toBe("private-key");
    }
    expect(formatOf(join(PEM_BEGIN, "PGP PRIVATE KEY BLOCK-----\n\n", pemBody()))).toBe("private-key");
  });

  it("finds a key written with `\\n` escapes, as in JSON and .env files", () => {
    expect(formatOf(privateKey("", "\\n"))).toBe("private-key");
  });

  it("finds a key with PEM headers before the material", () => {
    const legacy = join(PEM_BEGIN, "RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0A1B\n\n", pemBody());
    expect(formatOf(legacy)).toBe("private-key");
  });

  it("finds OpenSSH material, whose base64 has long runs of A", () => {
    const openssh = join(PEM_BEGIN, "OPENSSH PRIVATE KEY-----\n", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB", pemBody());
    expect(formatOf(openssh)).toBe("private-key");
  });

  it("leaves a header alone: code that parses keys compares with it", () => {
    expect(formatOf(join(PEM_BEGIN, "PRIVATE KEY-----"))).toBeUndefined();
    expect(formatOf(join(PEM_BEGIN, "RSA PRIVATE KEY-----\n"))).toBeUndefined();
    expect(formatOf(join(PEM_BEGIN, "PRIVATE KEY-----\n...\n", PEM_END, "PRIVATE KEY-----"))).toBeUndefined();
    expect(formatOf(join(PEM_BEGIN, "PRIVATE KEY-----\nYOUR_PRIVATE_KEY_HERE\n", PEM_END, "PRIVATE KEY-----"))).toBeUndefined();
    expect(formatOf(join(PEM_BEGIN, "PRIVATE KEY-----\n", "x".repeat(64), "\n"))).toBeUndefined();
  });

  it("leaves alone a key cut short with an ellipsis, as tests and documentation abbreviate it", () => {
    // hoppscotch's jwt.spec.ts: the ASN.1 preamble every 2048-bit RSA key in PKCS#8 starts with, then "..."
    const preamble = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC4";
    expect(formatOf(join(PEM_BEGIN, "PRIVATE KEY-----\n", preamble, "..."))).toBeUndefined();
    expect(formatOf(join(PEM_BEGIN, "PRIVATE KEY-----\\n", preamble, "...\\n", PEM_END, "PRIVATE KEY-----"))).toBeUndefined();
    expect(formatOf(join(PEM_BEGIN, "PRIVATE KEY-----\n", preamble, "…"))).toBeUndefined();
    // a whole key is found, whatever follows it
    expect(formatOf(`${privateKey()}\n...`)).toBe("private-key");
  });

  it("leaves public keys and certificates alone", () => {
    expect(formatOf(join(PEM_BEGIN, "PUBLIC KEY-----\n", pemBody()))).toBeUndefined();
    expect(formatOf(join(PEM_BEGIN, "CERTIFICATE-----\n", pemBody()))).toBeUndefined();
  });
});

describe("jwt", () => {
  it("finds a signed token whose header has an alg", () => {
    expectFound(sample("jwt"), "jwt");
    expectFound(jwt({ role: "service_role", iss: "supabase" }), "jwt");
    expectFound(`Bearer ${sample("jwt")}`, "jwt", sample("jwt"));
  });

  it("leaves alone tokens without a JSON header with an alg, or without a signature", () => {
    expect(formatOf(jwt({ sub: "u" }, { typ: "JWT" }))).toBeUndefined();
    expect(formatOf(jwt({ sub: "u" }, { alg: "none" }))).toBeUndefined();
    const [header, payload] = sample("jwt").split(".");
    expect(formatOf(`${header}.${payload}.`)).toBeUndefined();
    expect(formatOf(join("eyJ", randomString(20, ALNUM, 151), ".", randomString(20, ALNUM, 157), ".", randomString(43, ALNUM, 163)))).toBeUndefined();
  });

  it("leaves alone Supabase anon keys (public by design) and the jwt.io sample", () => {
    expect(formatOf(jwt({ iss: "supabase", ref: "abcdefghijklmnop", role: "anon" }))).toBeUndefined();
    expect(formatOf(jwt({ sub: "1234567890", name: "John Doe", iat: 1516239022 }))).toBeUndefined();
  });

  it("leaves Mapbox public tokens alone", () => {
    expect(formatOf(join("pk", ".", sample("jwt")))).toBeUndefined();
  });
});

describe("url-password", () => {
  it("finds a password in the user info of any scheme", () => {
    const password = randomString(20, ALNUM, 47);
    for (const scheme of ["postgres", "postgresql", "mysql", "mongodb+srv", "redis", "rediss", "amqp", "https", "ftp"]) {
      expectFound(urlWithPassword(password, "db.internal:5432", scheme), "url-password", join(scheme, "://app:", password, "@db.internal:5432"));
    }
    expect(formatOf(join("redis://:", password, "@cache.internal:6379"))).toBe("url-password");
    expect(formatOf(urlWithPassword("p%40ss%3Aw0rd-Kq7"))).toBe("url-password");
  });

  it("leaves URLs without a password alone", () => {
    expect(formatOf("postgres://app@db.internal:5432/app")).toBeUndefined();
    expect(formatOf("https://db.internal:5432/app")).toBeUndefined();
    expect(formatOf("https://example.com/a:b@c")).toBeUndefined();
  });

  it("leaves placeholder passwords alone", () => {
    for (const password of [
      "password", "pass", "PASSWORD", "secret", "changeme", "<password>", "${DB_PASSWORD}", "$DB_PASSWORD",
      "%DB_PASSWORD%", "{{password}}", "****", "xxxx", "your-password", "pw", "example",
    ]) {
      expect(formatOf(urlWithPassword(password)), password).toBeUndefined();
    }
  });

  it("leaves local development databases alone", () => {
    const password = randomString(20, ALNUM, 47);
    for (const host of ["localhost", "localhost:5432", "127.0.0.1:5432", "[::1]:5432", "0.0.0.0", "host.docker.internal", "db.localhost"]) {
      expect(formatOf(urlWithPassword(password, host)), host).toBeUndefined();
    }
  });

  it("leaves alone hosts reserved for examples and tests (RFC 2606, RFC 6761)", () => {
    const password = randomString(20, ALNUM, 47);
    // logto's and bruno's tests: `rediss://user:p%40ss%2Fword@redis.example:6379`, `…@proxy.example.com:8080`
    for (const host of ["redis.example:6379", "proxy.example.com:8080", "example.com", "db.example.org", "example.net", "db.test", "host.invalid"]) {
      expect(formatOf(urlWithPassword(password, host)), host).toBeUndefined();
    }
    // names that only look like them are real hosts: a compose service called `test`, a company's domain
    for (const host of ["test:5432", "db.example-corp.com", "examples.com", "db.testing.io", "example.com.attacker.io"]) {
      expect(formatOf(urlWithPassword(password, host)), host).toBe("url-password");
    }
  });
});

describe("maskSecret", () => {
  it("shows at most four characters, fewer for short values", () => {
    expect(maskSecret(sample("github-token"))).toBe(join("gh", "p_", "…"));
    expect(maskSecret("hunter2")).toBe("hu…");
    expect(maskSecret("abcdefghijkl")).toBe("abcd…");
    expect(maskSecret("ab")).toBe("…");
  });
});

describe("every format", () => {
  it.each(CREDENTIAL_FORMATS.map((format): [string, CredentialFormat] => [format.id, format]))(
    "%s: finds its sample inside quotes, JSON and a shell line",
    (id) => {
      const credential = findCredential(sample(id))!.credential;
      for (const text of [`"${credential}"`, JSON.stringify({ value: credential }), `export X='${credential}'`]) {
        expect(findCredential(text)?.format.id, text.slice(0, 10)).toBe(id);
      }
    },
  );
});
