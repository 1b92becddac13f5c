/**
 * What `secret-scanner fix` would change, decided from the findings of one scan: plain data, no
 * file read or written here (fix/env-example-edit.ts and fix/compose-edit.ts apply it). A plan
 * holds names and paths only, never a value.
 *
 * - `undeclared-in-env-example`: the key is added to the env example nearest to each file that
 *   reads it (the same choice the finding's message names, `nearestEnvExample`).
 * - `undeclared-in-compose`, `service-not-granted` (with `compose`): a top-level secret is
 *   declared, and granted to the services whose code reads it.
 * - `unused-env-example-key` (with `prune`), `unused-compose-secret` (with `prune` and `compose`):
 *   the declaration is removed; a compose secret that a service is still granted is kept.
 * - `name-mismatch` is never fixed: which of the two spellings is right is the user's decision.
 */
import { nearestEnvExample } from "../checks/run-checks.js";
import type { ComposeFacts, Finding } from "../model.js";

export interface FixOptions {
  /** Edit compose files too (declare and grant secrets; with `prune`, remove unused ones). */
  readonly compose: boolean;
  /** Remove unused declarations. */
  readonly prune: boolean;
}

export interface FixInput {
  /** The findings of the scan, after suppressions and severities (an `off` rule fixes nothing). */
  readonly findings: readonly Finding[];
  /** The env example files the scan read. */
  readonly envExampleFiles: readonly string[];
  readonly compose: ComposeFacts;
  /** The configuration's `lowercaseComposeNames`: a new compose secret gets the lowercase name. */
  readonly lowercaseComposeNames: boolean;
}

export interface EnvKeyAddition {
  readonly name: string;
  /** The code files that read it (relative POSIX paths, sorted): the comment above the key. */
  readonly readBy: readonly string[];
}

export interface EnvExampleEdit {
  readonly file: string;
  readonly add: readonly EnvKeyAddition[];
  readonly remove: readonly string[];
}

export interface ComposeSecretAddition {
  readonly name: string;
  /** The `file:` source, relative to the compose file: `./secrets/<name>.txt`. */
  readonly sourceFile: string;
}

export interface ComposeGrant {
  readonly service: string;
  readonly secret: string;
}

export interface ComposeEdit {
  readonly file: string;
  readonly addSecrets: readonly ComposeSecretAddition[];
  readonly grants: readonly ComposeGrant[];
  readonly removeSecrets: readonly string[];
}

export interface FixPlan {
  readonly envExamples: readonly EnvExampleEdit[];
  readonly compose: readonly ComposeEdit[];
  /** What was left alone, and why: one line each, names only. */
  readonly notes: readonly string[];
}

/** A key dotenv can define (its grammar's key characters): anything else could not be listed. */
const ENV_KEY = /^[\w.-]+$/;
/** A compose secret name that is also a safe file name under `./secrets/`. */
const COMPOSE_SECRET_NAME = /^[A-Za-z0-9][\w.-]*$/;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A map of sets that hands its entries back sorted, so that the plan is deterministic. */
class SortedGroups {
  private readonly groups = new Map<string, Map<string, Set<string>>>();

  add(file: string, name: string, member?: string): void {
    const byName = this.groups.get(file) ?? new Map<string, Set<string>>();
    this.groups.set(file, byName);
    const members = byName.get(name) ?? new Set<string>();
    byName.set(name, members);
    if (member !== undefined) members.add(member);
  }

  files(): string[] {
    return [...this.groups.keys()].sort(compare);
  }

  names(file: string): Array<[string, string[]]> {
    return [...(this.groups.get(file) ?? new Map<string, Set<string>>())]
      .map(([name, members]): [string, string[]] => [name, [...members].sort(compare)])
      .sort((a, b) => compare(a[0], b[0]));
  }
}

export function planFixes(input: FixInput, options: FixOptions): FixPlan {
  const notes: string[] = [];
  const count = (ruleId: Finding["ruleId"]): Finding[] => input.findings.filter((finding) => finding.ruleId === ruleId);

  // ---- env examples
  const envAdd = new SortedGroups();
  const envRemove = new SortedGroups();
  const unlistable = new Set<string>();
  for (const finding of count("undeclared-in-env-example")) {
    const name = finding.secret!;
    if (!ENV_KEY.test(name)) {
      unlistable.add(name);
      continue;
    }
    envAdd.add(nearestEnvExample(finding.file, input.envExampleFiles), name, finding.file);
  }
  for (const name of [...unlistable].sort(compare)) {
    notes.push(`'${name}' is not a name an env example can list (dotenv keys are letters, digits, '_', '.' and '-'); not added`);
  }
  const unusedKeys = count("unused-env-example-key");
  if (options.prune) for (const finding of unusedKeys) envRemove.add(finding.file, finding.secret!);
  else if (unusedKeys.length > 0) notes.push(`${unusedKeys.length} unused env example key(s) kept: run with --prune to remove them`);
  if (input.envExampleFiles.length === 0) {
    notes.push("no env example file found: nothing to add keys to (create an empty .env.example where you want one, then run fix again)");
  }

  const envFiles = [...new Set([...envAdd.files(), ...envRemove.files()])].sort(compare);
  const envExamples = envFiles.map(
    (file): EnvExampleEdit => ({
      file,
      add: envAdd.names(file).map(([name, readBy]) => ({ name, readBy })),
      remove: envRemove.names(file).map(([name]) => name),
    }),
  );

  // ---- compose
  const composeFindings = [...count("undeclared-in-compose"), ...count("service-not-granted")];
  const unusedSecrets = count("unused-compose-secret");
  const compose: ComposeEdit[] = [];
  if (options.compose) {
    compose.push(...planCompose(input, composeFindings, options.prune ? unusedSecrets : [], notes));
  } else if (composeFindings.length > 0) {
    notes.push(`${composeFindings.length} compose finding(s) (undeclared-in-compose, service-not-granted) not fixed: run with --compose`);
  }
  if (unusedSecrets.length > 0 && !(options.compose && options.prune)) {
    notes.push(`${unusedSecrets.length} unused compose secret(s) kept: run with --prune --compose to remove them`);
  }

  const mismatches = count("name-mismatch");
  if (mismatches.length > 0) {
    notes.push(
      `${mismatches.length} name-mismatch finding(s) left alone: which spelling is right is your decision; rename the read or the declaration by hand`,
    );
  }
  return { envExamples, compose, notes };
}

function planCompose(
  input: FixInput,
  findings: readonly Finding[],
  unusedSecrets: readonly Finding[],
  notes: string[],
): ComposeEdit[] {
  const { compose, lowercaseComposeNames } = input;
  const key = (name: string): string => (lowercaseComposeNames ? name.toUpperCase() : name);
  /** Declared compose name by key, so that a grant uses the name as declared (`db_password` for `DB_PASSWORD`). */
  const declared = new Map<string, string>();
  for (const secret of compose.secrets) if (!declared.has(key(secret.name))) declared.set(key(secret.name), secret.name);
  /** The file each service is (first) defined in: where its grants go. */
  const serviceFile = new Map<string, string>();
  for (const service of compose.services) if (!serviceFile.has(service.name)) serviceFile.set(service.name, service.position.file);
  /** Default home of a new top-level secret: the first file that declares some, else the first compose file. */
  const secretHome =
    [...compose.secrets].map((secret) => secret.position.file).sort(compare)[0] ?? [...compose.files].sort(compare)[0]!;

  const additions = new SortedGroups(); // file → name → (nothing)
  const grants = new SortedGroups(); // file → service → secrets
  const removals = new SortedGroups();
  const unnamable = new Set<string>();
  const toDeclare = new Map<string, string>(); // key → name declared by this plan

  for (const finding of findings) {
    const readName = finding.secret!;
    // undeclared-in-compose is about a read in code, or about a grant in a compose file
    const fromGrant = compose.files.includes(finding.file);
    let name = declared.get(key(readName)) ?? toDeclare.get(key(readName));
    if (name === undefined) {
      // a grant already spells the name; a read's name follows lowercaseComposeNames
      const candidate = lowercaseComposeNames && !fromGrant ? readName.toLowerCase() : readName;
      if (!COMPOSE_SECRET_NAME.test(candidate)) {
        unnamable.add(readName);
        continue;
      }
      name = candidate;
      toDeclare.set(key(readName), name);
      // declared in the grant's own file; for a read, in the file of its first reading service
      const readerFile = (finding.services ?? []).map((service) => serviceFile.get(service)).find((file) => file !== undefined);
      additions.add(fromGrant ? finding.file : (readerFile ?? secretHome), name);
    }
    for (const service of finding.services ?? []) {
      const file = serviceFile.get(service);
      if (file !== undefined) grants.add(file, service, name);
    }
  }
  for (const name of [...unnamable].sort(compare)) {
    notes.push(`'${name}' is not a name a compose secret can have here (letters, digits, '_', '.', '-'); not declared`);
  }

  const grantedSomewhere = new Map<string, string[]>();
  for (const service of compose.services) {
    for (const grant of service.secrets) grantedSomewhere.set(grant.name, [...(grantedSomewhere.get(grant.name) ?? []), service.name]);
  }
  for (const finding of unusedSecrets) {
    const name = finding.secret!;
    const services = grantedSomewhere.get(name);
    if (services) {
      notes.push(
        `compose secret '${name}' kept although no code reads it: service(s) ${[...new Set(services)].sort(compare).join(", ")} are still granted it (remove the grants first)`,
      );
      continue;
    }
    removals.add(finding.file, name);
  }

  const files = [...new Set([...additions.files(), ...grants.files(), ...removals.files()])].sort(compare);
  return files.map(
    (file): ComposeEdit => ({
      file,
      addSecrets: additions.names(file).map(([name]) => ({ name, sourceFile: `./secrets/${name}.txt` })),
      grants: grants.names(file).flatMap(([service, secrets]) => secrets.map((secret) => ({ service, secret }))),
      removeSecrets: removals.names(file).map(([name]) => name),
    }),
  );
}
