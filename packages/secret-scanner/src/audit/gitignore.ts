/**
 * `gitignore-missing-pattern`: the ignore rules contract 002 (§5.2) makes mandatory. Each rule is
 * checked by asking git whether it would ignore sample paths, at the root and in a subdirectory
 * (`git check-ignore --no-index`), never by comparing `.gitignore` lines as strings: `*.pem`,
 * `**\/*.pem` and `certs/` followed by `*.pem` elsewhere all count, and a later `!server.pem`
 * that undoes one is seen.
 */
import type { AuditHit } from "./compose-checks.js";

export interface RequiredIgnore {
  /** The pattern to suggest. */
  readonly pattern: string;
  /** A negation to write after it, so that what must stay committable stays so. */
  readonly except?: string;
  /** What it keeps out of the repository, for the message. */
  readonly what: string;
  /** Paths (relative to the root) that must all be ignored. */
  readonly samples: readonly string[];
}

/** A directory deep in the tree, where the contract's `instances/**` rules apply. */
const NESTED = "instances/example";

export const REQUIRED_IGNORES: readonly RequiredIgnore[] = [
  { pattern: ".env", what: "env files", samples: [".env", `${NESTED}/.env`] },
  { pattern: ".env.*", except: "!.env.example", what: "stage env files", samples: [".env.local", ".env.production", `${NESTED}/.env.production`] },
  { pattern: "*.pem", what: "PEM keys", samples: ["server.pem", "certs/server.pem"] },
  { pattern: "*.key", what: "private keys", samples: ["server.key", "certs/server.key"] },
  { pattern: "*.crt", what: "certificates", samples: ["server.crt", "certs/server.crt"] },
  { pattern: "*.p12", what: "PKCS#12 keystores", samples: ["keystore.p12", "certs/keystore.p12"] },
  { pattern: "secrets/", what: "secrets folders", samples: ["secrets/db_password.txt", `${NESTED}/secrets/db_password.txt`] },
];

/** Every sample path, to ask git about in one call. */
export function ignoreSamples(): string[] {
  return REQUIRED_IGNORES.flatMap((rule) => rule.samples);
}

/** A hit, at the root's `.gitignore`, for each required rule with a sample that `ignored` lacks. */
export function missingIgnorePatterns(ignored: ReadonlySet<string>): AuditHit[] {
  const hits: AuditHit[] = [];
  for (const rule of REQUIRED_IGNORES) {
    const exposed = rule.samples.find((sample) => !ignored.has(sample));
    if (exposed === undefined) continue;
    const where = exposed.includes("/") && rule.samples.some((sample) => ignored.has(sample)) ? " in a subdirectory" : "";
    hits.push({
      position: { file: ".gitignore", line: 1, column: 1 },
      message: `Git does not ignore ${rule.what}${where}: it would commit '${exposed}'. Add '${rule.pattern}'${rule.except === undefined ? "" : ` (then '${rule.except}')`} to .gitignore (secret files must never be committed).`,
    });
  }
  return hits;
}
