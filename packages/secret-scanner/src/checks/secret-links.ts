/**
 * Variables that carry a secret: an `environment:` entry of a service whose value is the path of
 * the file of one of its secrets (`DB_PASSWORD_FILE: /run/secrets/db_password`). Code that reads
 * the variable reads the secret's file. By the `_FILE` convention of official images (postgres,
 * mysql, mariadb…) and of the entrypoints modelled on them, so does code that reads the name
 * without `_FILE` (`DB_PASSWORD`): the entrypoint reads the file into that variable.
 */
import type { ComposeService } from "../model.js";

/** Where compose mounts a service's secrets, unless a grant's `target:` says otherwise. */
const SECRETS_DIRECTORY = "/run/secrets/";
const FILE_SUFFIX = "_FILE";

export interface SecretLink {
  /** The variable that `environment:` points at the secret's file. */
  readonly variable: string;
  /** The names whose read is a read of the secret: the variable, and the name without `_FILE`. */
  readonly readNames: readonly string[];
  /** The compose secret, as the service's grant (or the top-level declaration) names it. */
  readonly secret: string;
  /**
   * Whether one of the service's grants mounts the secret at that path. False when the path is
   * `/run/secrets/<name>` of a declared secret that the service is not granted: the file will be
   * missing at run time.
   */
  readonly granted: boolean;
}

/**
 * The variables of `service` that carry a secret, in the order of its `environment:`.
 * `isDeclared` tells whether a name is a compose secret declared under top-level `secrets:`.
 */
export function secretLinks(service: ComposeService, isDeclared: (name: string) => boolean): SecretLink[] {
  const links: SecretLink[] = [];
  const seen = new Set<string>();
  for (const entry of service.environment) {
    const file = entry.secretFile;
    if (file === undefined) continue;
    const grant = service.secrets.find((candidate) => (candidate.target ?? `${SECRETS_DIRECTORY}${candidate.name}`) === file);
    // Without a grant there, `/run/secrets/<name>` still names the declared secret <name>, which
    // the service is then not granted; unless a grant mounts <name> elsewhere (`target:`), which
    // makes the path a mistake this module does not guess about. Any other path is a file compose
    // does not provide (a volume, a file of the image): no claim either way.
    const fileName = file.slice(SECRETS_DIRECTORY.length);
    const ungranted =
      !fileName.includes("/") && isDeclared(fileName) && !service.secrets.some((candidate) => candidate.name === fileName);
    const secret = grant?.name ?? (ungranted ? fileName : undefined);
    if (secret === undefined) continue;
    const key = `${entry.name}\u0000${secret}`;
    if (seen.has(key)) continue; // the same entry in an override file
    seen.add(key);
    const withoutSuffix = entry.name.endsWith(FILE_SUFFIX) ? entry.name.slice(0, -FILE_SUFFIX.length) : "";
    links.push({
      variable: entry.name,
      readNames: withoutSuffix === "" ? [entry.name] : [entry.name, withoutSuffix],
      secret,
      granted: grant !== undefined,
    });
  }
  return links;
}
