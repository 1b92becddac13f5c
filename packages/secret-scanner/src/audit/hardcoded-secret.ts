/**
 * `hardcoded-secret`: a credential of a high-confidence format (core's `CREDENTIAL_FORMATS`, the
 * table the ESLint rule `no-hardcoded-secret` uses) anywhere in the text of a file: code, YAML,
 * JSON, env files, Dockerfiles, shell scripts, Markdown. Pure: a file's path and text in, plain
 * hits out. A hit names the format and shows at most a masked prefix, never the credential.
 */
import { findCredentials, maskSecret } from "@secrets-suite/core";
import type { Position } from "../model.js";
import { lineAndColumn, lineStartsOf } from "../text-positions.js";

export interface CredentialHit {
  readonly position: Position;
  /** The format's id, `github-token`. */
  readonly format: string;
  /** What it is, for the message: "GitHub token". */
  readonly description: string;
  /** A masked prefix (`ghp_…`), when the prefix says which credential it is and gives nothing away. */
  readonly preview?: string;
}

/**
 * Formats whose first characters are not the credential's own prefix: a private key starts with
 * its `-----BEGIN` header, a URL with its scheme; their preview would say nothing.
 */
const NO_PREVIEW: ReadonlySet<string> = new Set(["private-key", "url-password"]);

/** Every credential in `text`, in file order; where two formats match overlapping text (a token in a URL's password), the more specific one. */
export function findHardcodedSecrets(file: string, text: string): CredentialHit[] {
  const matches = findCredentials(text); // most specific format first
  if (matches.length === 0) return [];
  const taken: Array<{ start: number; end: number }> = [];
  const kept = matches.filter((match) => {
    const range = { start: match.index, end: match.index + match.credential.length };
    if (taken.some((other) => range.start < other.end && other.start < range.end)) return false;
    taken.push(range);
    return true;
  });
  const lineStarts = lineStartsOf(text);
  return kept
    .sort((a, b) => a.index - b.index)
    .map((match) => ({
      position: { file, ...lineAndColumn(lineStarts, match.index) },
      format: match.format.id,
      description: match.format.description,
      ...(NO_PREVIEW.has(match.format.id) ? {} : { preview: maskSecret(match.credential) }),
    }));
}

export function hardcodedSecretMessage(hit: CredentialHit): string {
  const what = hit.preview === undefined ? hit.description : `${hit.description} (${hit.preview})`;
  return `Credential written in this file: ${what}. Treat it as leaked: revoke it, remove it from the file and from the git history, and inject the new one at run time.`;
}
