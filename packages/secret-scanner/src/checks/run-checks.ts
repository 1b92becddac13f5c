/**
 * The checks: pure functions from the facts the readers gathered to findings. No file is read
 * here, so every check can be tested on plain data and the output is deterministic.
 */
import { createTestFileMatcher, ISSUES_URL, isSecretEnvName, matchDrift, type DriftKind } from "@secrets-suite/core";
import type { ScannerConfig } from "../config/load-config.js";
import type {
  CodeFacts,
  ComposeFacts,
  ComposeService,
  EnvExampleFacts,
  Finding,
  InputProblem,
  Position,
  ConfigurableRuleId,
  SecretRead,
} from "../model.js";
import { secretLinks, type SecretLink } from "./secret-links.js";
import { codeOfServices, isUnder } from "./service-code.js";

export interface CheckInput {
  readonly code: CodeFacts;
  readonly compose: ComposeFacts;
  readonly envExamples: EnvExampleFacts;
  /** Problems found before the readers ran (discovery). */
  readonly problems: readonly InputProblem[];
  readonly config: ScannerConfig;
}

export interface InventoryEntry {
  readonly name: string;
  readonly reads: readonly (Position & { readonly kind: SecretRead["kind"] })[];
  readonly declared: {
    readonly compose: readonly Position[];
    readonly envExample: readonly Position[];
  };
  readonly grantedTo: readonly string[];
  /**
   * The compose services whose code reads this secret (any read of the name, compared as the
   * checks compare compose names, or of a variable that carries it), sorted. A service whose
   * code is not scanned reads a secret only through a variable its environment points at it.
   */
  readonly readBy: readonly string[];
}

/** A compose service, once per name (override files merged): the matrix's columns. */
export interface ServiceEntry {
  readonly name: string;
  /** Where the service is first defined. */
  readonly position: Position;
  /** Whether the scan knows its code (a build context or configured globs), so that its reads can be judged. */
  readonly codeScanned: boolean;
}

export interface CheckResult {
  readonly findings: readonly Finding[];
  /** Checks that were skipped, and why. */
  readonly notes: readonly string[];
  readonly inventory: readonly InventoryEntry[];
  /** Every compose service, sorted by name. */
  readonly services: readonly ServiceEntry[];
}

const DRIFT_WORDS: Record<DriftKind, string> = {
  "case-or-separators": "differ only in case or separators",
  "word-order": "have the same words in another order",
  plural: "differ by a word in the plural and the singular",
  abbreviation: "differ by an abbreviated word",
  typo: "differ by a typo",
  "extra-word": "differ by one word",
};

function where(position: Position): string {
  return `${position.file}:${position.line}:${position.column}`;
}

function byPosition(a: Position, b: Position): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    byPosition(a, b) ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

function groupByName<T extends { readonly name: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.name);
    if (group) group.push(item);
    else groups.set(item.name, [item]);
  }
  return groups;
}

/**
 * One service per name: an override file (`compose.override.yml`, `-f a -f b`) adds to the
 * service of the same name. Its first build context wins; grants and environment add up.
 */
export function mergeServices(services: readonly ComposeService[]): ComposeService[] {
  const merged = new Map<string, ComposeService>();
  for (const service of services) {
    const existing = merged.get(service.name);
    if (!existing) {
      merged.set(service.name, service);
      continue;
    }
    const buildContext = existing.buildContext ?? service.buildContext;
    merged.set(service.name, {
      name: service.name,
      position: existing.position,
      ...(buildContext !== undefined ? { buildContext } : {}),
      secrets: [...existing.secrets, ...service.secrets],
      environment: [...existing.environment, ...service.environment],
      envFiles: [...existing.envFiles, ...service.envFiles],
    });
  }
  return [...merged.values()];
}

/**
 * The env example in the closest directory above `file`; else the first one in path order. Also
 * where `fix` adds a missing key (fix/plan.ts).
 */
export function nearestEnvExample(file: string, examples: readonly string[]): string {
  let best = examples[0]!;
  let bestDepth = -1;
  for (const example of examples) {
    const directory = example.includes("/") ? example.slice(0, example.lastIndexOf("/")) : "";
    const depth = directory === "" ? 0 : directory.split("/").length;
    if (isUnder(file, directory) && depth > bestDepth) {
      best = example;
      bestDepth = depth;
    }
  }
  return best;
}

/**
 * The finding for a problem with an input file: `parse-error` (unless configured off), or
 * `internal-error` when the scanner failed on the file, a bug of ours: always an error, and
 * never silenced by configuration.
 */
export function findingOfProblem(problem: InputProblem, rules: ScannerConfig["rules"]): Finding | undefined {
  const position = { file: problem.file, line: problem.line ?? 1, column: problem.column ?? 1 };
  if (problem.internal) {
    return {
      ruleId: "internal-error",
      severity: "error",
      message: `secret-scanner failed on this file: ${problem.message}. Its reads are missing from this scan; please report this at ${ISSUES_URL} (with the file, if you can share it).`,
      ...position,
    };
  }
  const severity = rules["parse-error"];
  if (severity === "off") return undefined;
  return { ruleId: "parse-error", severity, message: `Could not read this file: ${problem.message}`, ...position };
}

/**
 * Test files and test tool configs (core's shared patterns, as the plugin's rules use them): a
 * secret they read is a test's own set-up, not something to declare for the services; it still
 * counts as a use of a declared one.
 */
const isTestFile = createTestFileMatcher();

export function runChecks(input: CheckInput): CheckResult {
  const { code, compose, envExamples, config } = input;
  const findings: Finding[] = [];
  const notes: string[] = [];
  const emit = (
    ruleId: ConfigurableRuleId,
    position: Position,
    message: string,
    secret?: string,
    suggestion?: string,
    services?: readonly string[],
  ): void => {
    const severity = config.rules[ruleId];
    if (severity === "off") return;
    findings.push({
      ruleId,
      severity,
      message,
      ...(secret !== undefined ? { secret } : {}),
      file: position.file,
      line: position.line,
      column: position.column,
      ...(suggestion !== undefined ? { suggestion } : {}),
      ...(services !== undefined && services.length > 0 ? { services } : {}),
    });
  };

  // Compose names may be lowercase docker secret names for uppercase env names, when configured.
  const composeKey = (name: string): string => (config.lowercaseComposeNames ? name.toUpperCase() : name);
  const hasCompose = compose.files.length > 0;
  const hasEnvExample = envExamples.files.length > 0;
  if (!hasCompose) {
    notes.push("no compose file found: undeclared-in-compose, unused-compose-secret, service-not-granted and granted-but-unused were skipped");
  }
  if (!hasEnvExample) {
    notes.push("no env example file found: undeclared-in-env-example and unused-env-example-key were skipped");
  }

  const readsByName = groupByName([...code.reads].sort((a, b) => byPosition(a.position, b.position)));
  const accessorReads = code.reads.filter((read) => read.kind === "accessor");
  const secretReads = code.reads.filter((read) => read.kind === "accessor" || read.secretLike);
  const readKeys = new Set(code.reads.map((read) => composeKey(read.name)));
  const readNames = new Set(code.reads.map((read) => read.name));
  const composeSecrets = groupByName(compose.secrets);
  const composeKeys = new Set(compose.secrets.map((secret) => composeKey(secret.name)));
  const envKeys = groupByName(envExamples.keys);
  const commentedKeys = new Set(envExamples.commentedKeys.map((key) => key.name));
  const composeReferences = new Set([
    ...compose.referencedVariables.map((entry) => entry.name),
    ...compose.services.flatMap((service) => service.environment.map((entry) => entry.name)),
  ]);

  // ---- services, their code, and the variables that carry their secrets (secret-links.ts)
  const services = mergeServices(compose.services);
  const serviceCode = codeOfServices(services, [...code.imports.keys()], code.imports, config.services);
  const linksOf = new Map(services.map((service) => [service.name, secretLinks(service, (name) => composeKeys.has(composeKey(name)))]));
  /** Reads, by a service's code, of a variable that carries one of its secrets: each is a read of that secret. */
  const linkedReads: Array<{ readonly read: SecretRead; readonly service: ComposeService; readonly link: SecretLink }> = [];
  /** Compose secrets (by composeKey) read through a variable, or handed to an image built elsewhere. */
  const usedThroughLinks = new Set<string>();
  for (const service of services) {
    const links = linksOf.get(service.name)!;
    if (links.length === 0) continue;
    const files = serviceCode.get(service.name);
    if (!files) {
      // an image built elsewhere (postgres with POSTGRES_PASSWORD_FILE): its environment says it reads the file
      for (const link of links) if (link.granted) usedThroughLinks.add(composeKey(link.secret));
      continue;
    }
    for (const read of code.reads) {
      if (!files.has(read.position.file)) continue;
      const link = links.find((candidate) => candidate.readNames.includes(read.name));
      if (!link) continue;
      linkedReads.push({ read, service, link });
      usedThroughLinks.add(composeKey(link.secret));
    }
  }
  const linked = new Set(linkedReads.map(({ read }) => read));
  // an accessor read of a variable that carries a compose secret is declared through it
  const unlinkedAccessorReads = accessorReads.filter((read) => !linked.has(read));

  // ---- name-mismatch: orphan reads against orphan declarations, per declaring source
  const explainedReads = { compose: new Set<string>(), env: new Set<string>() };
  const explainedDeclared = { compose: new Set<string>(), env: new Set<string>() };
  const mismatches = new Map<
    string,
    { read: string; declared: string; kind: DriftKind; positions: Position[]; sources: Set<"compose" | "env"> }
  >();
  const addPairs = (source: "compose" | "env", orphanReads: string[], orphanDeclared: string[], positionsOf: (name: string) => Position[]): void => {
    for (const pair of matchDrift(orphanReads, orphanDeclared)) {
      // A pair explains its two orphans only when it is reported: with name-mismatch off, the
      // drift still shows as an undeclared read and an unused declaration.
      if (config.rules["name-mismatch"] !== "off") {
        explainedReads[source].add(pair.read);
        explainedDeclared[source].add(pair.declared);
      }
      const key = `${pair.read}\u0000${pair.declared}`;
      const entry = mismatches.get(key) ?? { ...pair, positions: [], sources: new Set<"compose" | "env">() };
      entry.positions.push(...positionsOf(pair.declared));
      entry.sources.add(source);
      mismatches.set(key, entry);
    }
  };
  if (hasCompose) {
    addPairs(
      "compose",
      [...new Set(unlinkedAccessorReads.map((read) => read.name))].filter((name) => !composeKeys.has(composeKey(name))),
      [...composeSecrets.keys()].filter((name) => !readKeys.has(composeKey(name)) && !usedThroughLinks.has(composeKey(name))),
      (name) => (composeSecrets.get(name) ?? []).map((secret) => secret.position),
    );
  }
  if (hasEnvExample) {
    addPairs(
      "env",
      [...new Set(secretReads.map((read) => read.name))].filter((name) => !envKeys.has(name)),
      [...envKeys.keys()].filter((name) => !readNames.has(name)),
      (name) => (envKeys.get(name) ?? []).map((key) => key.position),
    );
  }
  for (const mismatch of mismatches.values()) {
    const firstRead = readsByName.get(mismatch.read)![0]!;
    const declaredAt = mismatch.positions.sort(byPosition).map(where).join(", ");
    // the read may well be declared in the other source: say which one lacks it
    const missing =
      mismatch.sources.size > 1
        ? "declared nowhere"
        : mismatch.sources.has("compose")
          ? "no compose file declares it"
          : "no env example lists it";
    emit(
      "name-mismatch",
      firstRead.position,
      `Secret '${mismatch.read}' is read here but ${missing}, while '${mismatch.declared}' is declared (${declaredAt}) but read nowhere: the names ${DRIFT_WORDS[mismatch.kind]}. Use '${mismatch.declared}' in both places, or rename the declaration.`,
      mismatch.read,
      mismatch.declared,
    );
  }

  // ---- undeclared-in-compose / undeclared-in-env-example
  if (hasCompose) {
    for (const read of unlinkedAccessorReads) {
      if (composeKeys.has(composeKey(read.name)) || explainedReads.compose.has(read.name)) continue;
      if (isTestFile(read.position.file)) continue;
      emit(
        "undeclared-in-compose",
        read.position,
        `Secret '${read.name}' is read here but no compose file declares it under top-level secrets:.`,
        read.name,
        undefined,
        services.filter((service) => serviceCode.get(service.name)?.has(read.position.file)).map((service) => service.name),
      );
    }
  }
  if (hasCompose) {
    // a service granted a secret that nothing declares: compose itself refuses the project
    // ("service refers to undefined secret"), so the drift would only show at deploy time
    for (const service of compose.services) {
      for (const entry of service.secrets) {
        if (composeKeys.has(composeKey(entry.name))) continue;
        emit(
          "undeclared-in-compose",
          entry.position,
          `Service '${service.name}' is granted secret '${entry.name}' but no compose file declares it under top-level secrets:; compose refuses to start such a project.`,
          entry.name,
        );
      }
    }
  }
  if (hasEnvExample) {
    for (const read of secretReads) {
      // `# KEY=` lists an optional variable: documented, though it defines nothing
      if (envKeys.has(read.name) || commentedKeys.has(read.name) || explainedReads.env.has(read.name)) continue;
      // a test sets up or asserts on the variables it needs: not the service's configuration
      if (isTestFile(read.position.file)) continue;
      emit(
        "undeclared-in-env-example",
        read.position,
        `Secret '${read.name}' is read here but no env example lists it; add '${read.name}=' with a placeholder to ${nearestEnvExample(read.position.file, envExamples.files)}.`,
        read.name,
      );
    }
  }

  // ---- unused-compose-secret / unused-env-example-key
  for (const [name, declarations] of composeSecrets) {
    if (readKeys.has(composeKey(name)) || usedThroughLinks.has(composeKey(name)) || explainedDeclared.compose.has(name)) continue;
    for (const declaration of declarations) {
      emit("unused-compose-secret", declaration.position, `Compose secret '${name}' is declared but no code reads it.`, name);
    }
  }
  for (const [name, keys] of envKeys) {
    if (readNames.has(name) || composeReferences.has(name) || explainedDeclared.env.has(name)) continue;
    for (const key of keys) {
      emit(
        "unused-env-example-key",
        key.position,
        `'${name}' is listed in the env example but no code reads it and no compose file references it.`,
        name,
      );
    }
  }

  // ---- service-not-granted / granted-but-unused
  const grantedTo = new Map<string, Set<string>>();
  /** composeKey of a secret → the services that read it (the inventory's readBy). */
  const readBy = new Map<string, Set<string>>();
  const addReader = (key: string, service: string): void => {
    const names = readBy.get(key) ?? new Set<string>();
    names.add(service);
    readBy.set(key, names);
  };
  for (const service of services) {
    // an image built elsewhere reads the secrets its environment points at (usedThroughLinks)
    if (!serviceCode.has(service.name)) for (const link of linksOf.get(service.name)!) if (link.granted) addReader(composeKey(link.secret), service.name);
  }
  for (const service of services) {
    const files = serviceCode.get(service.name);
    const granted = new Set(service.secrets.map((entry) => composeKey(entry.name)));
    for (const entry of service.secrets) {
      const names = grantedTo.get(entry.name) ?? new Set<string>();
      names.add(service.name);
      grantedTo.set(entry.name, names);
    }
    if (!files) continue;
    const linkedHere = linkedReads.filter((entry) => entry.service === service);
    // a read of a variable that carries a secret is judged by its link, below
    const readHere = accessorReads.filter((read) => files.has(read.position.file) && !linkedHere.some((entry) => entry.read === read));
    for (const read of readHere) {
      const key = composeKey(read.name);
      if (!composeKeys.has(key) || granted.has(key)) continue; // undeclared secrets are reported once, above
      emit(
        "service-not-granted",
        read.position,
        `Service '${service.name}' reads secret '${read.name}' here, but its secrets: in compose (${where(service.position)}) does not grant it.`,
        read.name,
        undefined,
        [service.name],
      );
    }
    for (const { read, link } of linkedHere) {
      if (link.granted) continue;
      emit(
        "service-not-granted",
        read.position,
        `Service '${service.name}' reads secret '${link.secret}' here (its environment: points ${link.variable} at the secret's file), but its secrets: in compose (${where(service.position)}) does not grant it, so the file will be missing.`,
        link.secret,
        undefined,
        [service.name],
      );
    }
    // any read counts as use of a grant: an env read of the same name is a wiring problem, not an
    // unused grant; and so does a read of a variable that carries the secret
    const readKeysHere = new Set([
      ...code.reads.filter((read) => files.has(read.position.file)).map((read) => composeKey(read.name)),
      ...linkedHere.map(({ link }) => composeKey(link.secret)),
    ]);
    // the matrix's "reads": what grants apply to. A bare environment read of a name that compose does
    // not declare is configuration (or a secret read the wrong way, which no grant would fix)
    for (const read of code.reads) {
      if (files.has(read.position.file) && (read.kind === "accessor" || composeKeys.has(composeKey(read.name)))) addReader(composeKey(read.name), service.name);
    }
    for (const { link } of linkedHere) addReader(composeKey(link.secret), service.name);
    for (const entry of service.secrets) {
      // a grant whose name drifted from the code's is reported once, as name-mismatch, and a
      // grant of a secret nothing declares once, as undeclared-in-compose
      const key = composeKey(entry.name);
      if (readKeysHere.has(key) || explainedDeclared.compose.has(entry.name) || !composeKeys.has(key)) continue;
      const carriers = linksOf
        .get(service.name)!
        .filter((link) => link.granted && composeKey(link.secret) === key)
        .flatMap((link) => link.readNames);
      emit(
        "granted-but-unused",
        entry.position,
        carriers.length === 0
          ? `Service '${service.name}' is granted secret '${entry.name}' but none of its code reads it.`
          : `Service '${service.name}' is granted secret '${entry.name}' but none of its code reads it, nor ${[...new Set(carriers)].join(" nor ")}, which its environment: points at the secret's file.`,
        entry.name,
      );
    }
  }

  // ---- dynamic-secret-name / parse-error
  for (const call of code.dynamicCalls) {
    emit(
      "dynamic-secret-name",
      call.position,
      `The secret name passed to ${call.accessor}() cannot be resolved statically, so it cannot be checked against compose and env examples; pass a literal or a const.`,
    );
  }
  for (const problem of [...input.problems, ...code.problems, ...compose.problems, ...envExamples.problems]) {
    const finding = findingOfProblem(problem, config.rules);
    if (finding) findings.push(finding);
  }

  // ---- inventory of every secret name: read (accessor or secret-like), declared in compose, or granted
  const inventoryNames = new Set<string>([
    ...secretReads.map((read) => read.name),
    ...composeSecrets.keys(),
    ...[...envKeys.keys()].filter((name) => isSecretEnvName(name, { classify: config.settings.classify })),
  ]);
  const inventory = [...inventoryNames].sort().map((name): InventoryEntry => ({
    name,
    reads: (readsByName.get(name) ?? []).map((read) => ({ ...read.position, kind: read.kind })),
    declared: {
      compose: (composeSecrets.get(name) ?? []).map((secret) => secret.position).sort(byPosition),
      envExample: (envKeys.get(name) ?? []).map((key) => key.position).sort(byPosition),
    },
    grantedTo: [...(grantedTo.get(name) ?? [])].sort(),
    readBy: [...(readBy.get(composeKey(name)) ?? [])].sort(),
  }));
  const serviceEntries = services
    .map((service): ServiceEntry => ({ name: service.name, position: service.position, codeScanned: serviceCode.has(service.name) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  return { findings: findings.sort(compareFindings), notes, inventory, services: serviceEntries };
}
