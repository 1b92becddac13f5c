/**
 * The secret contract of a repository, as plain data: for every secret name the scan knows, where
 * it comes from (compose secrets, env examples, files that compose mounts and a variable names),
 * which services are granted it, which code reads it, and whether the code requires it. Built
 * from a scan's inventory and facts, without reading a file; it holds names, paths and positions,
 * never a value.
 */
import { createTestFileMatcher } from "@secrets-suite/core";
import { mergeServices } from "../checks/run-checks.js";
import { secretLinks } from "../checks/secret-links.js";
import { codeOfServices } from "../checks/service-code.js";
import type { SecretRead } from "../model.js";
import type { ScanResult } from "../scan.js";

/**
 * - `required`: read through the accessor (`getSecret`) at least once outside a presence check:
 *   the accessor throws when it is missing, so the service fails fast.
 * - `optional`: every read is a presence check, runs only after one, or is `getOptionalSecret`.
 * - `unchecked`: read from the environment (`process.env.X`) outside a presence check, and never
 *   through the accessor: the code expects it, but nothing fails fast when it is missing.
 * - `not read`: declared, but no code reads it.
 */
export type SecretStatus = "required" | "optional" | "unchecked" | "not read";

export type SecretSource =
  /** A top-level compose secret, and how compose provides it. */
  | { readonly kind: "compose"; readonly file: string; readonly provider?: "file" | "environment" | "external"; readonly from?: string }
  /** The file compose mounts for the secret, whose path a service's variable holds (`DB_PASSWORD_FILE`). */
  | { readonly kind: "mount"; readonly path: string; readonly service: string; readonly variable: string }
  /** The name is read through a variable that holds the path of compose secret `secret`'s file. */
  | { readonly kind: "carrier"; readonly secret: string; readonly service: string; readonly variable: string }
  | { readonly kind: "env-example"; readonly file: string };

export interface ContractRead {
  readonly file: string;
  readonly line: number;
  /** Every read on that line does without the secret when it is missing. */
  readonly optional: boolean;
  /** The name the code reads, when it is not the secret's own (a variable that carries it). */
  readonly as?: string;
}

export interface ContractGrant {
  readonly service: string;
  /** Where the grant mounts the file, when its `target:` moves it from `/run/secrets/<name>`. */
  readonly target?: string;
}

export interface ContractEntry {
  readonly name: string;
  readonly status: SecretStatus;
  readonly sources: readonly SecretSource[];
  readonly grants: readonly ContractGrant[];
  readonly reads: readonly ContractRead[];
}

/** Test files set up their own secrets: what they read is no part of the services' contract. */
const isTestFile = createTestFileMatcher();

const SOURCE_ORDER: Record<SecretSource["kind"], number> = { compose: 0, mount: 1, carrier: 2, "env-example": 3 };

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sourceKey(source: SecretSource): string {
  return JSON.stringify([SOURCE_ORDER[source.kind], ...Object.values(source)]);
}

function statusOf(reads: readonly SecretRead[]): SecretStatus {
  if (reads.length === 0) return "not read";
  if (reads.some((read) => read.kind === "accessor" && !read.optional)) return "required";
  return reads.every((read) => read.optional) ? "optional" : "unchecked";
}

/** Reads grouped by file and line (several reads on one line are one entry), sorted. */
function readLines(reads: ReadonlyArray<{ readonly read: SecretRead; readonly as?: string }>): ContractRead[] {
  const lines = new Map<string, ContractRead>();
  for (const { read, as } of reads) {
    const key = JSON.stringify([read.position.file, read.position.line, as ?? ""]);
    const existing = lines.get(key);
    const optional = read.optional === true && (existing?.optional ?? true);
    lines.set(key, { file: read.position.file, line: read.position.line, optional, ...(as !== undefined ? { as } : {}) });
  }
  return [...lines.values()].sort(
    (a, b) => compareText(a.file, b.file) || a.line - b.line || compareText(a.as ?? "", b.as ?? ""),
  );
}

export function buildContract(result: ScanResult): ContractEntry[] {
  const { code, compose, envExamples } = result.facts;
  const config = result.config;
  const composeKey = (name: string): string => (config.lowercaseComposeNames ? name.toUpperCase() : name);
  const declaredKeys = new Set(compose.secrets.map((secret) => composeKey(secret.name)));

  const serviceReads = code.reads.filter((read) => !isTestFile(read.position.file));
  const readsByName = new Map<string, SecretRead[]>();
  for (const read of serviceReads) {
    const list = readsByName.get(read.name);
    if (list) list.push(read);
    else readsByName.set(read.name, [read]);
  }

  const sources = new Map<string, SecretSource[]>();
  const addSource = (name: string, source: SecretSource): void => {
    const list = sources.get(name);
    if (list) list.push(source);
    else sources.set(name, [source]);
  };
  /** Reads of another name that are reads of the secret: a variable that carries it, a lowercase compose name. */
  const readsAs = new Map<string, Array<{ read: SecretRead; as: string }>>();
  const addReadAs = (name: string, read: SecretRead): void => {
    const list = readsAs.get(name);
    if (list) list.push({ read, as: read.name });
    else readsAs.set(name, [{ read, as: read.name }]);
  };

  for (const declaration of compose.secrets) {
    const provider = declaration.external ? "external" : declaration.file !== undefined ? "file" : declaration.environment !== undefined ? "environment" : undefined;
    const from = provider === "file" ? declaration.file : provider === "environment" ? declaration.environment : undefined;
    addSource(declaration.name, {
      kind: "compose",
      file: declaration.position.file,
      ...(provider !== undefined ? { provider } : {}),
      ...(from !== undefined ? { from } : {}),
    });
  }
  for (const key of envExamples.keys) addSource(key.name, { kind: "env-example", file: key.position.file });

  // a variable that holds the path of a granted secret's file (secret-links.ts): within the
  // service's code, a read of it (or of its name without _FILE) is a read of the secret
  const services = mergeServices(compose.services);
  const serviceCode = codeOfServices(services, [...code.imports.keys()], code.imports, config.services);
  const grants = new Map<string, ContractGrant[]>();
  for (const service of services) {
    for (const grant of service.secrets) {
      const entry = { service: service.name, ...(grant.target !== undefined ? { target: grant.target } : {}) };
      const list = grants.get(grant.name);
      if (list) list.push(entry);
      else grants.set(grant.name, [entry]);
    }
    for (const link of secretLinks(service, (name) => declaredKeys.has(composeKey(name)))) {
      if (!link.granted) continue; // the file will be missing: service-not-granted reports it
      const path = service.environment.find((entry) => entry.name === link.variable && entry.secretFile !== undefined)!.secretFile!;
      addSource(link.secret, { kind: "mount", path, service: service.name, variable: link.variable });
      for (const name of link.readNames) addSource(name, { kind: "carrier", secret: link.secret, service: service.name, variable: link.variable });
      const files = serviceCode.get(service.name);
      if (!files) continue;
      for (const read of serviceReads) {
        if (files.has(read.position.file) && link.readNames.includes(read.name)) addReadAs(link.secret, read);
      }
    }
  }
  if (config.lowercaseComposeNames) {
    // `db_password` in compose is the `DB_PASSWORD` that code reads
    for (const declaration of compose.secrets) {
      for (const read of serviceReads) {
        if (read.name !== declaration.name && composeKey(read.name) === composeKey(declaration.name)) addReadAs(declaration.name, read);
      }
    }
  }

  const entries: ContractEntry[] = [];
  for (const item of result.inventory) {
    const name = item.name;
    const own = readsByName.get(name) ?? [];
    const other = readsAs.get(name) ?? [];
    const unique = new Map<string, SecretSource>();
    for (const source of sources.get(name) ?? []) unique.set(sourceKey(source), source);
    // a name only test files read is no secret of the services
    if (own.length === 0 && other.length === 0 && unique.size === 0 && item.grantedTo.length === 0) continue;
    entries.push({
      name,
      status: statusOf([...own, ...other.map(({ read }) => read)]),
      sources: [...unique.entries()].sort(([a], [b]) => compareText(a, b)).map(([, source]) => source),
      // an override file grants the same secret again: one entry
      grants: [...new Map((grants.get(name) ?? []).map((grant) => [JSON.stringify([grant.service, grant.target ?? ""]), grant])).entries()]
        .sort(([a], [b]) => compareText(a, b))
        .map(([, grant]) => grant),
      reads: readLines([...own.map((read) => ({ read })), ...other]),
    });
  }
  return entries;
}
