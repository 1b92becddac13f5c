/**
 * The compose reader: what docker-compose files declare about secrets and environment variables.
 *
 * Reads each file with the `yaml` package (positions from the file's own line breaks), follows `include:`,
 * resolves anchors, aliases and `<<` merge keys on the YAML nodes themselves (so every name keeps
 * the position where it is written), and returns plain data (see ../model.ts). Values are never
 * kept: only names, paths and positions (an `environment:` value is kept only when it is the path of
 * a secret's file, `/run/secrets/…`; of any other only its kind and core's verdict on it: see
 * `ComposeEnvironmentEntry`), and problem messages are built from fixed text, names and
 * paths, never from a value (or from the yaml package's messages, which can quote the source).
 *
 * Never throws for bad input: every problem becomes an `InputProblem` and the rest is still read.
 */

import { promises as fs } from "node:fs";
import path from "node:path";
import { classifySecretValue, findCredential, type SecretValueReason } from "@secrets-suite/core";
import {
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  parseAllDocuments,
  visit,
  type Document,
  type Node,
  type YAMLMap,
} from "yaml";
import type {
  ComposeEnvironmentEntry,
  ComposeFacts,
  ComposeNamedEntry,
  ComposeSecretGrant,
  ComposeValueKind,
  ComposeVariableReference,
  ComposeSecretDeclaration,
  ComposeService,
  InputProblem,
  Position,
  TextObserver,
} from "../model.js";
import { readFailure } from "../reader-failure.js";
import { lineAndColumn, lineStartsOf } from "../text-positions.js";
import { scanInterpolations } from "./interpolation.js";

/** Files larger than this are skipped with a problem. */
export const MAX_COMPOSE_FILE_BYTES = 5 * 1024 * 1024;

/** Problems reported per file before the rest are summarised in one line. */
const MAX_PROBLEMS_PER_FILE = 100;

/**
 * Reads the compose files `files` (POSIX paths relative to `root`, an absolute directory) and
 * every file they include.
 */
export async function readCompose(root: string, files: readonly string[], observe?: TextObserver): Promise<ComposeFacts> {
  const state: ReadState = {
    root,
    observe,
    read: [],
    secrets: [],
    services: [],
    referencedVariables: [],
    problems: [],
  };

  const queued = new Set<string>();
  const queue: FileRequest[] = [];
  for (const file of files) {
    const rel = normalizeRelative(file);
    if (queued.has(rel)) continue;
    queued.add(rel);
    queue.push({ file: rel, baseDir: path.posix.dirname(rel) });
  }

  // Breadth-first: the files given first, then what they include, then what those include…
  for (let i = 0; i < queue.length; i++) {
    const request = queue[i]!;
    let includes: IncludeRequest[] = [];
    try {
      includes = await readOneFile(state, request);
    } catch (error) {
      // one file's failure (our bug, or a stack overflow on absurd nesting) does not stop the scan
      state.problems.push(readFailure(request.file, "compose file", error));
    }
    for (const include of includes) {
      if (queued.has(include.file)) continue;
      queued.add(include.file);
      const exists = await isFile(path.resolve(root, include.file));
      if (!exists) {
        state.problems.push({
          file: include.from.file,
          line: include.from.line,
          column: include.from.column,
          message: `Included compose file ${quote(include.file)} was not found.`,
        });
        continue;
      }
      queue.push({ file: include.file, baseDir: include.baseDir });
    }
  }

  return {
    files: [...new Set(state.read)].sort(compareStrings),
    secrets: state.secrets.sort((a, b) => comparePositions(a.position, b.position) || compareStrings(a.name, b.name)),
    services: state.services.sort(
      (a, b) => comparePositions(a.position, b.position) || compareStrings(a.name, b.name),
    ),
    referencedVariables: sortEntries(state.referencedVariables),
    problems: sortProblems(uniqueProblems(state.problems)),
  };
}

// ---------------------------------------------------------------- state

interface ReadState {
  readonly root: string;
  readonly observe: TextObserver | undefined;
  readonly read: string[];
  readonly secrets: ComposeSecretDeclaration[];
  readonly services: ComposeService[];
  readonly referencedVariables: ComposeVariableReference[];
  readonly problems: InputProblem[];
}

interface FileRequest {
  /** Relative POSIX path of the file. */
  readonly file: string;
  /** Directory (relative POSIX) that relative paths in the file are resolved against. */
  readonly baseDir: string;
}

interface IncludeRequest extends FileRequest {
  readonly from: Position;
}

/** One YAML document being read. */
interface DocContext {
  readonly state: ReadState;
  readonly file: string;
  readonly baseDir: string;
  readonly source: string;
  /** Offset of the start of each line of `source` (lines end at LF, as in the yaml package). */
  readonly lineStarts: readonly number[];
  /** Alias → the node it refers to (the last anchor of that name before it), or null. */
  readonly aliasTargets: Map<Node, Node | null>;
  /** Memoised merge-aware entries of mappings (also guards against merge cycles). */
  readonly entriesCache: Map<YAMLMap, readonly MapEntry[]>;
  readonly includes: IncludeRequest[];
}

interface MapEntry {
  readonly key: string;
  readonly keyNode: Node;
  /** Resolved value (aliases followed); null for a missing or unresolvable value. */
  readonly value: Node | null;
  /** The value as written (before alias resolution), for positions of problems. */
  readonly rawValue: Node | null;
}

// ---------------------------------------------------------------- files

async function readOneFile(state: ReadState, request: FileRequest): Promise<IncludeRequest[]> {
  const { file } = request;
  const absolute = path.resolve(state.root, file);

  let stat;
  try {
    stat = await fs.stat(absolute);
  } catch (error) {
    state.problems.push(readFailure(file, "compose file", error));
    return [];
  }
  if (!stat.isFile()) {
    state.problems.push({ file, message: "Compose path is not a regular file; skipped." });
    return [];
  }
  if (stat.size > MAX_COMPOSE_FILE_BYTES) {
    state.problems.push({ file, message: "Compose file is larger than 5 MB; skipped." });
    return [];
  }

  let buffer: Buffer;
  try {
    buffer = await fs.readFile(absolute);
  } catch (error) {
    state.problems.push(readFailure(file, "compose file", error));
    return [];
  }
  if (buffer.length > MAX_COMPOSE_FILE_BYTES) {
    state.problems.push({ file, message: "Compose file is larger than 5 MB; skipped." });
    return [];
  }
  if (buffer.includes(0)) {
    state.problems.push({ file, message: "Compose file contains NUL bytes (binary?); skipped." });
    return [];
  }

  let source = buffer.toString("utf8");
  // A byte order mark would shift every column on the first line by one.
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  state.read.push(file);
  state.observe?.(file, source);

  // Not the yaml package's `LineCounter`: it only hears of the line breaks its parser reports, and
  // after some syntax errors (e.g. in a block scalar) it misses some, which puts every later
  // position on the wrong line, past the end of it.
  const lineStarts = lineStartsOf(source);
  const docs = parseAllDocuments(source, { merge: true, prettyErrors: false, uniqueKeys: false });
  const includes: IncludeRequest[] = [];

  const firstProblem = state.problems.length;
  let syntaxProblems = 0;
  let hasContent = false;
  for (const doc of docs) {
    for (const error of doc.errors) {
      syntaxProblems++;
      const { line, column } = linePosition(lineStarts, source.length, error.pos[0]);
      state.problems.push({ file, line, column, message: `Invalid YAML: ${describeYamlError(error.code)}.` });
    }
    const ctx: DocContext = {
      state,
      file,
      baseDir: request.baseDir,
      source,
      lineStarts,
      aliasTargets: new Map(),
      entriesCache: new Map(),
      includes,
    };
    indexDocument(ctx, doc);
    if (readDocument(ctx, doc)) hasContent = true;
  }
  if (!hasContent && syntaxProblems === 0) {
    state.problems.push({ file, line: 1, column: 1, message: "Compose file is empty." });
  }

  // A badly broken file can yield thousands of problems: list the first ones only.
  // After a syntax error the structure is misread: its shape problems would be noise, so list the syntax errors only.
  const fileProblems = sortProblems(uniqueProblems(state.problems.splice(firstProblem))).filter(
    (entry) => syntaxProblems === 0 || entry.message.startsWith("Invalid YAML:"),
  );
  state.problems.push(...fileProblems.slice(0, MAX_PROBLEMS_PER_FILE));
  if (fileProblems.length > MAX_PROBLEMS_PER_FILE) {
    state.problems.push({
      file,
      message: `${fileProblems.length - MAX_PROBLEMS_PER_FILE} more problems in this compose file not listed.`,
    });
  }
  return includes;
}

/** Reads one YAML document of a compose file. Returns false if the document is empty. */
function readDocument(ctx: DocContext, doc: Document.Parsed): boolean {
  const contents = resolve(ctx, doc.contents);
  if (contents === null || (isScalar(contents) && contents.value === null)) return false;
  if (!isMap(contents)) {
    problem(ctx, contents, `The top level of a compose file must be a mapping, found ${describeNode(contents)}.`);
    return true;
  }

  const top = entries(ctx, contents);
  for (const entry of top) {
    if (isExtension(entry.key)) continue;
    switch (entry.key) {
      case "secrets":
        readTopLevelSecrets(ctx, entry);
        break;
      case "services":
        readServices(ctx, entry);
        break;
      case "include":
        readIncludes(ctx, entry);
        break;
      default:
        break;
    }
  }

  // Interpolation applies to every value compose reads, i.e. everything but `x-` sections
  // (whose anchors are still scanned where they are used through an alias).
  collectInterpolations(
    ctx,
    top.filter((entry) => !isExtension(entry.key)).map((entry) => entry.rawValue),
  );
  return true;
}

// ---------------------------------------------------------------- top-level secrets

function readTopLevelSecrets(ctx: DocContext, section: MapEntry): void {
  const secrets = section.value;
  if (isNullish(secrets)) return;
  if (!isMap(secrets)) {
    wrongType(ctx, section, "`secrets`", "a mapping");
    return;
  }
  for (const entry of entries(ctx, secrets)) {
    if (isExtension(entry.key)) continue;
    const declaration: {
      name: string;
      position: Position;
      file?: string;
      environment?: string;
      external?: boolean;
      platformName?: string;
    } = { name: entry.key, position: position(ctx, entry.keyNode) };

    const definition = entry.value;
    if (!isNullish(definition) && !isMap(definition)) {
      wrongType(ctx, entry, `Secret ${quote(entry.key)}`, "a mapping");
    } else if (isMap(definition)) {
      let externalName: string | undefined;
      for (const field of entries(ctx, definition)) {
        switch (field.key) {
          case "file": {
            const file = scalarText(field.value);
            if (file === undefined) wrongType(ctx, field, `\`file\` of secret ${quote(entry.key)}`, "a string");
            else declaration.file = file;
            break;
          }
          case "environment": {
            const variable = scalarText(field.value);
            if (variable === undefined || field.value === null) {
              wrongType(ctx, field, `\`environment\` of secret ${quote(entry.key)}`, "a string");
            } else {
              declaration.environment = variable;
              ctx.state.referencedVariables.push({ name: variable, position: position(ctx, field.value) });
            }
            break;
          }
          case "external": {
            const external = field.value;
            if (isScalar(external) && typeof external.value === "boolean") {
              declaration.external = external.value;
            } else if (isScalar(external) && (external.value === "true" || external.value === "false")) {
              declaration.external = external.value === "true";
            } else if (isMap(external)) {
              // Legacy `external: { name: … }`.
              declaration.external = true;
              for (const sub of entries(ctx, external)) {
                if (sub.key !== "name") continue;
                const name = scalarText(sub.value);
                if (name === undefined) wrongType(ctx, sub, `\`external.name\` of secret ${quote(entry.key)}`, "a string");
                else externalName = name;
              }
            } else {
              wrongType(ctx, field, `\`external\` of secret ${quote(entry.key)}`, "a boolean or a mapping");
            }
            break;
          }
          case "name": {
            const name = scalarText(field.value);
            if (name === undefined) wrongType(ctx, field, `\`name\` of secret ${quote(entry.key)}`, "a string");
            else declaration.platformName = name;
            break;
          }
          default:
            break;
        }
      }
      if (declaration.platformName === undefined && externalName !== undefined) {
        declaration.platformName = externalName;
      }
    }
    ctx.state.secrets.push(declaration);
  }
}

// ---------------------------------------------------------------- services

function readServices(ctx: DocContext, section: MapEntry): void {
  const services = section.value;
  if (isNullish(services)) return;
  if (!isMap(services)) {
    wrongType(ctx, section, "`services`", "a mapping");
    return;
  }
  for (const entry of entries(ctx, services)) {
    if (isExtension(entry.key)) continue;
    const service: {
      name: string;
      position: Position;
      buildContext?: string;
      secrets: ComposeSecretGrant[];
      environment: ComposeEnvironmentEntry[];
      envFiles: ComposeNamedEntry[];
    } = { name: entry.key, position: position(ctx, entry.keyNode), secrets: [], environment: [], envFiles: [] };

    const definition = entry.value;
    if (!isMap(definition)) {
      wrongType(ctx, entry, `Service ${quote(entry.key)}`, "a mapping");
    } else {
      for (const field of entries(ctx, definition)) {
        switch (field.key) {
          case "secrets":
            readServiceSecrets(ctx, entry.key, field, service.secrets);
            break;
          case "environment":
            readServiceEnvironment(ctx, entry.key, field, service.environment);
            break;
          case "env_file":
            readServiceEnvFiles(ctx, entry.key, field, service.envFiles);
            break;
          case "build": {
            const context = readBuildContext(ctx, entry.key, field);
            if (context !== undefined) service.buildContext = context;
            break;
          }
          default:
            break;
        }
      }
    }
    service.secrets = sortEntries(service.secrets);
    service.environment = sortEntries(service.environment);
    service.envFiles = sortEntries(service.envFiles);
    ctx.state.services.push(service);
  }
}

function readServiceSecrets(ctx: DocContext, service: string, field: MapEntry, out: ComposeSecretGrant[]): void {
  const list = field.value;
  if (isNullish(list)) return;
  if (!isSeq(list)) {
    wrongType(ctx, field, `\`secrets\` of service ${quote(service)}`, "a list");
    return;
  }
  for (const rawItem of list.items) {
    const item = resolve(ctx, rawItem);
    if (item === null) continue;
    if (isScalar(item)) {
      const name = scalarText(item);
      if (name === undefined || name === "") problem(ctx, item, `A secret of service ${quote(service)} has no name.`);
      else out.push({ name, position: position(ctx, item) });
    } else if (isMap(item)) {
      // Long syntax: `- source: NAME`, and `target:` where its file is mounted (uid, gid, mode are not needed).
      const fields = entries(ctx, item);
      const source = fields.find((e) => e.key === "source");
      const name = source === undefined ? undefined : scalarText(source.value);
      const targetField = fields.find((e) => e.key === "target");
      const target = targetField === undefined ? undefined : scalarText(targetField.value);
      if (name === undefined || name === "") {
        problem(ctx, item, `A secret of service ${quote(service)} has no \`source\`.`);
      } else {
        out.push({
          name,
          position: position(ctx, item),
          ...(target !== undefined && target !== "" ? { target: secretMountPath(target) } : {}),
        });
      }
    } else {
      problem(ctx, item, `A secret of service ${quote(service)} must be a string or a mapping, found ${describeNode(item)}.`);
    }
  }
}

function readServiceEnvironment(ctx: DocContext, service: string, field: MapEntry, out: ComposeEnvironmentEntry[]): void {
  const environment = field.value;
  if (isNullish(environment)) return;
  if (isMap(environment)) {
    for (const entry of entries(ctx, environment)) {
      // `KEY:` alone passes the shell's value through; a number or boolean is a literal too
      const scalar = isScalar(entry.value) ? entry.value.value : undefined;
      const value = scalar === null || scalar === undefined ? undefined : typeof scalar === "object" ? "" : String(scalar);
      out.push(environmentEntry(entry.key, position(ctx, entry.keyNode), value));
    }
    return;
  }
  if (isSeq(environment)) {
    for (const rawItem of environment.items) {
      const item = resolve(ctx, rawItem);
      if (item === null) continue;
      if (!isScalar(item) || typeof item.value !== "string") {
        problem(ctx, item, `An \`environment\` entry of service ${quote(service)} must be a string, found ${describeNode(item)}.`);
        continue;
      }
      // `KEY=value` or `KEY`: the name before the first `=`; the value is reduced to its kind (environmentEntry)
      const text = item.value;
      const equals = text.indexOf("=");
      const name = (equals === -1 ? text : text.slice(0, equals)).trim();
      if (name === "") {
        problem(ctx, item, `An \`environment\` entry of service ${quote(service)} has no variable name.`);
        continue;
      }
      out.push(environmentEntry(name, position(ctx, item), equals === -1 ? undefined : text.slice(equals + 1)));
    }
    return;
  }
  wrongType(ctx, field, `\`environment\` of service ${quote(service)}`, "a list or a mapping");
}

/** Where compose mounts service secrets: `/run/secrets/<target>` (`<source>` without a target). */
const SECRETS_DIRECTORY = "/run/secrets/";

/** The container path of a grant's `target:`, relative to the secrets directory unless absolute. */
function secretMountPath(target: string): string {
  return path.posix.normalize(target.startsWith("/") ? target : `${SECRETS_DIRECTORY}${target}`);
}

/**
 * An `environment:` entry. Its value is kept only when it is the path of a secret's file (the
 * `_FILE` convention of official images: `POSTGRES_PASSWORD_FILE: /run/secrets/db_password`):
 * any other value may be a credential, and is dropped here.
 */
function environmentEntry(name: string, where: Position, value: string | undefined): ComposeEnvironmentEntry {
  const valueKind = valueKindOf(value);
  if (valueKind === "literal") return { name, position: where, valueKind, literalVerdict: literalVerdictOf(name, value!) };
  if (value === undefined || !value.startsWith(SECRETS_DIRECTORY)) return { name, position: where, valueKind };
  const file = path.posix.normalize(value);
  if (!file.startsWith(SECRETS_DIRECTORY) || file.length === SECRETS_DIRECTORY.length) return { name, position: where, valueKind };
  return { name, position: where, secretFile: file, valueKind: "secret-file" };
}

/** Core's verdict on a literal value: a credential (a URL with an inline password is one), or why not. */
function literalVerdictOf(name: string, value: string): SecretValueReason {
  return findCredential(value) !== undefined ? "credential" : classifySecretValue(value, { name }).reason;
}

/** What kind of value an `environment:` entry gives (see `ComposeValueKind`); the value is not kept. */
function valueKindOf(value: string | undefined): ComposeValueKind {
  if (value === undefined) return "passed-through";
  if (value.trim() === "") return "empty";
  // the `$` test first, as for every scalar (scanScalar): most values interpolate nothing
  if (value.includes("$") && scanInterpolations(value).refs.length > 0) return "interpolated";
  if (value.startsWith(SECRETS_DIRECTORY)) return "secret-file";
  return "literal";
}

function readServiceEnvFiles(ctx: DocContext, service: string, field: MapEntry, out: ComposeNamedEntry[]): void {
  const value = field.value;
  if (isNullish(value)) return;
  const what = `\`env_file\` of service ${quote(service)}`;
  if (isScalar(value)) {
    const file = scalarText(value);
    if (file === undefined || file === "") wrongType(ctx, field, what, "a string or a list");
    else out.push({ name: resolvePath(ctx, file), position: position(ctx, value) });
    return;
  }
  if (!isSeq(value)) {
    wrongType(ctx, field, what, "a string or a list");
    return;
  }
  for (const rawItem of value.items) {
    const item = resolve(ctx, rawItem);
    if (item === null) continue;
    let file: string | undefined;
    if (isScalar(item)) {
      file = scalarText(item);
    } else if (isMap(item)) {
      // Long syntax: `- path: ./x.env` with `required`, `format`.
      const entry = entries(ctx, item).find((e) => e.key === "path");
      file = entry === undefined ? undefined : scalarText(entry.value);
    }
    if (file === undefined || file === "") {
      problem(ctx, item, `An entry of ${what} must be a path or a mapping with \`path\`.`);
      continue;
    }
    out.push({ name: resolvePath(ctx, file), position: position(ctx, item) });
  }
}

/** `build: dir` or `build: { context: dir }` (context defaults to the project directory). */
function readBuildContext(ctx: DocContext, service: string, field: MapEntry): string | undefined {
  const build = field.value;
  if (isNullish(build)) return undefined;
  let context: string | undefined;
  if (isScalar(build)) {
    context = scalarText(build);
  } else if (isMap(build)) {
    const entry = entries(ctx, build).find((e) => e.key === "context");
    if (entry === undefined || isNullish(entry.value)) {
      context = ".";
    } else {
      context = scalarText(entry.value);
      if (context === undefined) {
        wrongType(ctx, entry, `\`build.context\` of service ${quote(service)}`, "a string");
        return undefined;
      }
    }
  } else {
    wrongType(ctx, field, `\`build\` of service ${quote(service)}`, "a string or a mapping");
    return undefined;
  }
  if (context === undefined || context === "") return undefined;
  if (isRemoteContext(context)) return undefined;
  return resolvePath(ctx, context);
}

/** Build contexts compose fetches rather than reads from disk (compose-go's `isRemoteContext`). */
function isRemoteContext(context: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(context) || /^git@/.test(context) || /^github\.com\//.test(context);
}

// ---------------------------------------------------------------- include

function readIncludes(ctx: DocContext, section: MapEntry): void {
  const list = section.value;
  if (isNullish(list)) return;
  if (!isSeq(list)) {
    wrongType(ctx, section, "`include`", "a list");
    return;
  }
  for (const rawItem of list.items) {
    const item = resolve(ctx, rawItem);
    if (item === null) continue;
    const paths: Array<{ text: string; node: Node }> = [];
    let projectDirectory: string | undefined;
    if (isScalar(item)) {
      const text = scalarText(item);
      if (text !== undefined && text !== "") paths.push({ text, node: item });
    } else if (isMap(item)) {
      for (const entry of entries(ctx, item)) {
        if (entry.key === "path") {
          const value = entry.value;
          if (isSeq(value)) {
            for (const rawPath of value.items) {
              const pathNode = resolve(ctx, rawPath);
              const text = scalarText(pathNode);
              if (pathNode !== null && text !== undefined && text !== "") paths.push({ text, node: pathNode });
              else problem(ctx, pathNode ?? item, "An `include` path must be a string.");
            }
          } else {
            const text = scalarText(value);
            if (value !== null && text !== undefined && text !== "") paths.push({ text, node: value });
            else wrongType(ctx, entry, "`include` `path`", "a string or a list of strings");
          }
        } else if (entry.key === "project_directory") {
          projectDirectory = scalarText(entry.value);
        }
      }
    }
    if (paths.length === 0) {
      problem(ctx, item, "An `include` entry must be a path or a mapping with `path`.");
      continue;
    }

    let baseDir: string | undefined =
      projectDirectory !== undefined && !projectDirectory.includes("$")
        ? resolvePath(ctx, projectDirectory)
        : undefined;
    for (const { text, node } of paths) {
      if (text.includes("$")) {
        problem(ctx, node, "An `include` path uses interpolation; it was not followed.");
        continue;
      }
      const file = resolvePath(ctx, text);
      // Without `project_directory`, the included files' relative paths are resolved against the
      // directory of the (first) included file.
      baseDir ??= path.posix.dirname(file);
      ctx.includes.push({ file, baseDir, from: position(ctx, node) });
    }
  }
}

// ---------------------------------------------------------------- interpolation

/**
 * Collects `${VAR}`-style references from every string value under `roots`, following aliases.
 * Each node is scanned once, at the position where it is written.
 */
function collectInterpolations(ctx: DocContext, roots: ReadonlyArray<Node | null>): void {
  const seen = new Set<Node>();
  const stack: Node[] = roots.filter((node): node is Node => node !== null).reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (isAlias(node)) {
      const target = ctx.aliasTargets.get(node);
      if (target) stack.push(target);
    } else if (isScalar(node)) {
      if (typeof node.value === "string") scanScalar(ctx, node);
    } else if (isMap(node)) {
      // Values only: compose does not interpolate keys.
      for (let i = node.items.length - 1; i >= 0; i--) {
        const value = node.items[i]!.value;
        if (isNode(value)) stack.push(value);
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i];
        if (isNode(item)) stack.push(item);
      }
    }
  }
}

function scanScalar(ctx: DocContext, node: Node & { value: unknown }): void {
  const value = node.value as string;
  if (!value.includes("$")) return;
  const fromValue = scanInterpolations(value);
  if (fromValue.invalid.length > 0) {
    problem(ctx, node, "Invalid interpolation syntax in a value (write `$$` for a literal `$`).");
  }
  if (fromValue.refs.length === 0) return;

  // Positions: scan the source text of the scalar too; if it finds the same names (no escapes or
  // folding in the way), each reference gets its exact place, else the scalar's start.
  const range = node.range;
  let offsets: number[] | undefined;
  if (range) {
    const fromSource = scanInterpolations(ctx.source.slice(range[0], range[1])).refs;
    if (
      fromSource.length === fromValue.refs.length &&
      fromSource.every((ref, i) => ref.name === fromValue.refs[i]!.name)
    ) {
      offsets = fromSource.map((ref) => range[0] + ref.offset);
    }
  }
  const start = range?.[0] ?? 0;
  fromValue.refs.forEach((ref, i) => {
    const where = positionAt(ctx, offsets?.[i] ?? start);
    ctx.state.referencedVariables.push(ref.defaulted ? { name: ref.name, position: where, defaulted: true } : { name: ref.name, position: where });
  });
}

// ---------------------------------------------------------------- YAML helpers

/**
 * One pass over the document (document order): maps every alias to the node it refers to (the
 * last anchor of that name before it) and reports duplicate mapping keys. The yaml package's own
 * duplicate check (`uniqueKeys`) is quadratic in the size of a mapping, so it is turned off.
 */
function indexDocument(ctx: DocContext, doc: Document.Parsed): void {
  const anchors = new Map<string, Node>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        ctx.aliasTargets.set(node, anchors.get(node.source) ?? null);
        return;
      }
      if (node.anchor) anchors.set(node.anchor, node);
      if (isMap(node)) {
        const keys = new Set<string>();
        for (const pair of node.items) {
          const key = pair.key;
          if (!isScalar(key) || isMergeKey(key) || key.value === null || typeof key.value === "object") continue;
          const text = String(key.value);
          if (keys.has(text)) problem(ctx, key, "Invalid YAML: duplicate mapping key.");
          else keys.add(text);
        }
      }
    },
  });
}

/** Follows aliases; null for nothing or an unresolvable alias. */
function resolve(ctx: DocContext, value: unknown): Node | null {
  let node: unknown = value;
  for (let hops = 0; isAlias(node); hops++) {
    if (hops > 100) return null;
    node = ctx.aliasTargets.get(node) ?? null;
  }
  return isNode(node) ? node : null;
}

function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  const value = key.value;
  return value === "<<" || (typeof value === "symbol" && value.description === "<<");
}

/**
 * The entries of a mapping with `<<` merge keys applied (own keys win over merged ones, earlier
 * merge sources over later ones), values resolved through aliases.
 */
function entries(ctx: DocContext, map: YAMLMap): readonly MapEntry[] {
  const cached = ctx.entriesCache.get(map);
  if (cached) return cached;
  ctx.entriesCache.set(map, []); // a merge cycle sees an empty mapping

  const own: MapEntry[] = [];
  const merged: MapEntry[] = [];
  for (const pair of map.items) {
    const rawValue = isNode(pair.value) ? pair.value : null;
    if (isMergeKey(pair.key)) {
      const value = resolve(ctx, rawValue);
      const sources = isSeq(value) ? value.items.map((item) => resolve(ctx, item)) : [value];
      for (const source of sources) {
        if (isMap(source)) merged.push(...entries(ctx, source));
        else problem(ctx, rawValue ?? (pair.key as Node), "A merge key `<<` must refer to a mapping or a list of mappings.");
      }
      continue;
    }
    const key = pair.key;
    if (!isScalar(key) || key.value === null || key.value === undefined || typeof key.value === "object") {
      if (isNode(key)) problem(ctx, key, "Mapping keys must be plain scalars; this entry was ignored.");
      continue;
    }
    own.push({ key: String(key.value), keyNode: key, value: resolve(ctx, rawValue), rawValue });
  }

  // A duplicate key (reported by indexDocument) counts once: the first one.
  const result: MapEntry[] = [];
  const keys = new Set<string>();
  for (const entry of own) {
    if (keys.has(entry.key)) continue;
    keys.add(entry.key);
    result.push(entry);
  }
  for (const entry of merged) {
    if (keys.has(entry.key)) continue;
    keys.add(entry.key);
    result.push(entry);
  }
  ctx.entriesCache.set(map, result);
  return result;
}

function isNullish(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

/** The text of a scalar (numbers and booleans as written by JS); undefined for anything else. */
function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return undefined;
}

function describeNode(node: Node | null): string {
  if (node === null) return "nothing";
  if (isMap(node)) return "a mapping";
  if (isSeq(node)) return "a list";
  if (isScalar(node)) {
    const value = node.value;
    if (value === null || value === undefined) return "nothing";
    if (typeof value === "string") return "a string";
    if (typeof value === "number" || typeof value === "bigint") return "a number";
    if (typeof value === "boolean") return "a boolean";
    return "a scalar";
  }
  return "an unsupported value";
}

function isExtension(key: string): boolean {
  return key.startsWith("x-");
}

// ---------------------------------------------------------------- positions and problems

function positionAt(ctx: DocContext, offset: number): Position {
  return { file: ctx.file, ...linePosition(ctx.lineStarts, ctx.source.length, offset) };
}

/** 1-based line and column of `offset` (clamped to the text, whose length is `length`). */
function linePosition(lineStarts: readonly number[], length: number, offset: number): { line: number; column: number } {
  return lineAndColumn(lineStarts, Math.min(Math.max(offset, 0), length));
}

function position(ctx: DocContext, node: Node): Position {
  return positionAt(ctx, node.range?.[0] ?? 0);
}

function problem(ctx: DocContext, node: Node, message: string): void {
  const { file, line, column } = position(ctx, node);
  ctx.state.problems.push({ file, line, column, message });
}

/** `what` must be `expected`; reported at the value as written (or the key if there is none). */
function wrongType(ctx: DocContext, entry: MapEntry, what: string, expected: string): void {
  const at = entry.rawValue === null || isNullish(entry.value) ? entry.keyNode : entry.rawValue;
  problem(ctx, at, `${what} must be ${expected}, found ${describeNode(entry.value)}.`);
}

const YAML_ERROR_TEXT: Record<string, string> = {
  ALIAS_PROPS: "an alias cannot have an anchor or a tag",
  BAD_ALIAS: "an alias refers to an anchor that is not defined before it",
  BAD_DIRECTIVE: "bad directive",
  BAD_DQ_ESCAPE: "invalid escape sequence in a double-quoted string",
  BAD_INDENT: "bad indentation",
  BAD_PROP_ORDER: "anchor and tag in the wrong order",
  BAD_SCALAR_START: "a plain value cannot start with this character (quote it)",
  BLOCK_AS_IMPLICIT_KEY: "nested mappings are not allowed in compact mappings (missing line break or quotes?)",
  BLOCK_IN_FLOW: "a block collection cannot be used inside a flow collection",
  DUPLICATE_KEY: "duplicate mapping key",
  IMPOSSIBLE: "internal parser error",
  KEY_OVER_1024_CHARS: "an implicit key is longer than 1024 characters",
  MISSING_CHAR: "missing character (unclosed quote, bracket or brace?)",
  MULTILINE_IMPLICIT_KEY: "an implicit key cannot span several lines",
  MULTIPLE_ANCHORS: "a node has more than one anchor",
  MULTIPLE_DOCS: "unexpected extra document",
  MULTIPLE_TAGS: "a node has more than one tag",
  NON_STRING_KEY: "non-string mapping key",
  RESOURCE_EXHAUSTION: "too many aliases (resource exhaustion)",
  TAB_AS_INDENT: "tabs cannot be used for indentation",
  TAG_RESOLVE_FAILED: "unknown tag",
  UNEXPECTED_TOKEN: "unexpected token",
  BAD_COLLECTION_TYPE: "a tag does not fit the collection it is on",
};

function describeYamlError(code: string): string {
  return YAML_ERROR_TEXT[code] ?? "syntax error";
}

// ---------------------------------------------------------------- paths and misc

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

function normalizeRelative(p: string): string {
  const normalized = path.posix.normalize(p.replace(/\\/g, "/"));
  return normalized.replace(/\/+$/, "") || ".";
}

/** Resolves a path written in a compose file against the file's base directory. */
function resolvePath(ctx: DocContext, written: string): string {
  // `~/…` is the user's home directory: outside the project, kept as written.
  if (written === "~" || written.startsWith("~/")) return written;
  if (path.posix.isAbsolute(written) || path.win32.isAbsolute(written)) {
    return toPosix(path.relative(ctx.state.root, written)) || ".";
  }
  return normalizeRelative(path.posix.join(ctx.baseDir, written.replace(/\\/g, "/")));
}

async function isFile(absolute: string): Promise<boolean> {
  try {
    return (await fs.stat(absolute)).isFile();
  } catch {
    return false;
  }
}

/** A path or name for a one-line message: quoted, control characters escaped, capped. */
function quote(text: string): string {
  const capped = text.length > 200 ? `${text.slice(0, 200)}…` : text;
  return JSON.stringify(capped);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePositions(a: Position, b: Position): number {
  return compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column;
}

/** The same problem can be met twice when an anchored node is used in several places. */
function uniqueProblems(problems: readonly InputProblem[]): InputProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify([p.file, p.line, p.column, p.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** By file, then position; file-level problems (no line) first. The sort is stable. */
function sortProblems(problems: InputProblem[]): InputProblem[] {
  return problems.sort(
    (a, b) => compareStrings(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

function sortEntries<T extends ComposeNamedEntry>(list: T[]): T[] {
  return list.sort((a, b) => comparePositions(a.position, b.position) || compareStrings(a.name, b.name));
}
