/**
 * The audit's compose checks, pure functions of what the compose reader found:
 *
 * - `secret-in-compose-environment`: a secret-like variable given a value written in the compose
 *   file (`JWT_SECRET: s3cr3t`), instead of `${JWT_SECRET}`, an empty value, a value passed
 *   through from the shell, or the path of a secret's file;
 * - `compose-secret-fallback`: a secret-like variable interpolated with a default
 *   (`${JWT_SECRET:-dev}`), which hides a missing secret. `${X:?message}` fails fast and is fine.
 */
import type { SecretValueReason } from "@secrets-suite/core";
import type { ComposeFacts, Position } from "../model.js";

export interface AuditHit {
  readonly position: Position;
  readonly secret?: string;
  readonly message: string;
}

/**
 * Verdicts on a literal that say the value is not a secret at all: a URL without a password, a
 * file path, the name of another variable, a public-by-design key, a word of the vocabulary
 * around credentials. Any other literal (a credential, or a placeholder such as `changeme`,
 * which the service then runs with) is a secret written in a committed file.
 */
const NOT_A_SECRET_VALUE: ReadonlySet<SecretValueReason> = new Set<SecretValueReason>([
  "empty",
  "reference",
  "generic-name",
  "message",
  "url",
  "path",
  "password-hash",
  "public-by-design",
  "env-var-name",
  "label",
  "vocabulary",
  "names-itself",
  "names-credential",
  "status-word",
  "lookup-value",
]);

/** Verdicts of a stand-in: reported all the same, with a word on why a placeholder is no better. */
const PLACEHOLDER: ReadonlySet<SecretValueReason> = new Set<SecretValueReason>([
  "extra-placeholder",
  "fill-in",
  "masked",
  "too-short",
  "repeated",
  "sequence",
  "placeholder-word",
]);

export function secretsInComposeEnvironment(compose: ComposeFacts, isSecretName: (name: string) => boolean): AuditHit[] {
  const hits: AuditHit[] = [];
  for (const service of compose.services) {
    for (const entry of service.environment) {
      if (entry.valueKind !== "literal" || !isSecretName(entry.name)) continue;
      const verdict = entry.literalVerdict ?? "credential";
      if (NOT_A_SECRET_VALUE.has(verdict)) continue;
      const kind = PLACEHOLDER.has(verdict) ? "a placeholder value (the service runs with it all the same)" : "a value";
      hits.push({
        position: entry.position,
        secret: entry.name,
        message: `Secret '${entry.name}' is given ${kind} written in the compose file (service '${service.name}'). Compose files are committed: inject it with \${${entry.name}} from the environment, or as a compose secret (secrets: and a /run/secrets/ file).`,
      });
    }
  }
  return hits;
}

export function composeSecretFallbacks(compose: ComposeFacts, isSecretName: (name: string) => boolean): AuditHit[] {
  return compose.referencedVariables
    .filter((reference) => reference.defaulted === true && isSecretName(reference.name))
    .map((reference) => ({
      position: reference.position,
      secret: reference.name,
      message: `Secret '${reference.name}' is interpolated with a default: when it is not set, compose substitutes the default and the service starts without the real secret. Write \${${reference.name}:?${reference.name} is required} to fail fast, or \${${reference.name}} alone.`,
    }));
}
