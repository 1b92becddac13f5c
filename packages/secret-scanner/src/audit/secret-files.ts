/**
 * `committed-secret-file`: a file that holds secrets by its nature (a `.env`, a private key, a
 * keystore, a compose secret's `file:`) that git tracks, or that is present and not ignored, so
 * that `git add .` would commit it. Pure: git's listings in, hits out.
 */
import path from "node:path";
import type { ComposeSecretDeclaration } from "../model.js";
import { CODE_EXTENSIONS } from "../discovery/discover.js";
import { isEnvExampleName } from "../discovery/env-example-names.js";
import type { AuditHit } from "./compose-checks.js";

/** Key and keystore extensions: PEM (when it holds a private key), raw keys, PKCS#12. */
const KEY_EXTENSIONS: ReadonlySet<string> = new Set([".pem", ".key", ".p12", ".pfx"]);
/** OpenSSH private keys by their default names (`id_ed25519`, not `id_ed25519.pub`). */
const SSH_PRIVATE_KEY = /^id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/;
/** dotenv-vault's encrypted file: made to be committed. */
const ENCRYPTED_ENV_FILES: ReadonlySet<string> = new Set([".env.vault"]);
/** `.env.d.ts`, `.env.ts`, `.env.md`: code and documentation about the environment, not env files. */
const NOT_ENV_EXTENSIONS: ReadonlySet<string> = new Set([...CODE_EXTENSIONS, ".md"]);

/** What kind of secret file the name says it is, or undefined. */
export function secretFileKind(file: string): string | undefined {
  const base = path.posix.basename(file);
  const lower = base.toLowerCase();
  const envLike = lower.startsWith(".env.") || lower.endsWith(".env");
  if (lower === ".env" || (envLike && !ENCRYPTED_ENV_FILES.has(lower) && !NOT_ENV_EXTENSIONS.has(path.posix.extname(lower)))) {
    return isEnvExampleName(base) ? undefined : "an env file";
  }
  if (SSH_PRIVATE_KEY.test(lower)) return "an SSH private key";
  const extension = path.posix.extname(lower);
  if (extension === ".p12" || extension === ".pfx") return "a PKCS#12 keystore";
  if (KEY_EXTENSIONS.has(extension)) return "a private key file";
  return undefined;
}

/**
 * A compose secret's `file:` as a path relative to the root: compose resolves it against the
 * compose file's directory. A path outside the root, or in the home directory, is not the
 * repository's.
 */
function secretFileOf(secret: ComposeSecretDeclaration): string | undefined {
  const written = secret.file;
  if (written === undefined || written === "" || written.startsWith("~") || path.posix.isAbsolute(written)) return undefined;
  const file = path.posix.normalize(path.posix.join(path.posix.dirname(secret.position.file), written.replace(/\\/g, "/")));
  return file.startsWith("../") || file === ".." ? undefined : file;
}

export interface SecretFileInput {
  readonly tracked: readonly string[];
  readonly untracked: readonly string[];
  readonly composeSecrets: readonly ComposeSecretDeclaration[];
  /**
   * Whether a `.pem` file holds only public material (certificates, public keys): a CA bundle is
   * not a secret. Asked only of `.pem` files.
   */
  readonly holdsOnlyPublicMaterial: (file: string) => boolean;
}

export function committedSecretFiles(input: SecretFileInput): AuditHit[] {
  const tracked = new Set(input.tracked);
  const untracked = new Set(input.untracked);
  /** file → why it holds secrets */
  const candidates = new Map<string, string>();
  for (const file of [...input.tracked, ...input.untracked]) {
    const kind = secretFileKind(file);
    if (kind === undefined) continue;
    if (path.posix.extname(file).toLowerCase() === ".pem" && input.holdsOnlyPublicMaterial(file)) continue;
    candidates.set(file, kind);
  }
  for (const secret of input.composeSecrets) {
    const file = secretFileOf(secret);
    if (file === undefined || candidates.has(file)) continue;
    const declared = `${secret.position.file}:${secret.position.line}`;
    candidates.set(file, `the file of compose secret '${secret.name}' (${declared})`);
  }

  const hits: AuditHit[] = [];
  for (const [file, kind] of [...candidates].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const position = { file, line: 1, column: 1 };
    if (tracked.has(file)) {
      hits.push({
        position,
        message: `This file is ${kind}, and git tracks it: it is committed. Consider what it holds leaked: rotate it, remove the file from the repository (git rm --cached) and its history, and ignore it in .gitignore.`,
      });
    } else if (untracked.has(file)) {
      hits.push({
        position,
        message: `This file is ${kind}, and git does not ignore it: \`git add .\` would commit it. Add it, or a pattern that covers it, to .gitignore.`,
      });
    }
  }
  return hits;
}
