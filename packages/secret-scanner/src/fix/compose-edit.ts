/**
 * Applies a `ComposeEdit` to the text of a compose file: declares top-level secrets, grants
 * secrets to services, removes unused top-level secrets.
 *
 * The `yaml` package's Document API finds the nodes and where they are (`parseAllDocuments`, node
 * ranges), but the file is not re-printed with `toString()`: that re-indents the whole file
 * (three-space indentation becomes two, comments move to their own line). Instead, the new lines
 * are spliced into the text at the end of the nodes they extend, with the indentation the file
 * already uses there; removed entries are cut as whole lines. Every byte outside the edits stays.
 *
 * The result is parsed again and must equal, as data, the original with the intended changes (a
 * difference is a bug of ours, thrown as such). What cannot be edited safely (a flow-style or
 * aliased section, a service that inherits `secrets:` through `<<`, a file that does not parse)
 * is left as it is, with a note.
 */
import { isDeepStrictEqual } from "node:util";
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, parseDocument, type Document, type Node, type Pair, type YAMLMap } from "yaml";
import type { EditedText } from "./env-example-edit.js";
import type { ComposeEdit, ComposeGrant, ComposeSecretAddition } from "./plan.js";

export interface ComposeEditResult extends EditedText {
  /** What was applied: the edit less what had to be left alone. */
  readonly applied: ComposeEdit;
  readonly notes: readonly string[];
}

interface Splice {
  readonly at: number;
  readonly end: number;
  readonly insert: string;
}

type Json = Record<string, unknown>;

const PARSE_OPTIONS = { merge: true, uniqueKeys: false, prettyErrors: false } as const;

/** `name` as a YAML scalar that reads back as the same string (`true`, `1.5`, `null` get quotes). */
function scalarText(name: string): string {
  const parsed = parseDocument(name).contents;
  return isScalar(parsed) && parsed.value === name && !/[\s:#]/.test(name) ? name : JSON.stringify(name);
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
}

function range(node: unknown): readonly [number, number, number] {
  return (node as Node).range!;
}

export function applyComposeEdit(original: string, edit: ComposeEdit): ComposeEditResult {
  const notes: string[] = [];
  const nothing: ComposeEdit = { file: edit.file, addSecrets: [], grants: [], removeSecrets: [] };
  const leaveAlone = (why: string): ComposeEditResult => {
    notes.push(`${edit.file}: ${why}; left as it is`);
    return { text: original, ownLines: new Set(), applied: nothing, notes };
  };
  const documents = parseAllDocuments(original, PARSE_OPTIONS);
  if (!Array.isArray(documents) || documents.length !== 1) return leaveAlone("not a single YAML document");
  const doc = documents[0]!;
  if (doc.errors.length > 0) return leaveAlone("does not parse as YAML");
  const root = doc.contents;
  if (!isMap(root) || root.flow) return leaveAlone("its top level is not a block mapping");

  const text = original;
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const lineStart = (offset: number): number => text.lastIndexOf("\n", offset - 1) + 1;
  const column = (offset: number): number => offset - lineStart(offset);
  /** The start of the line after the one where a node ending at `end` ends (block nodes end after their line break). */
  const afterLine = (end: number): number => {
    if (end > 0 && text[end - 1] === "\n") return end;
    const next = text.indexOf("\n", end);
    return next === -1 ? text.length : next + 1;
  };
  /** The indentation step the file uses: that of the first nested block mapping at the top level. */
  const unit = (() => {
    for (const pair of root.items) {
      if (isMap(pair.value) && !pair.value.flow && pair.value.items.length > 0 && isScalar(pair.key)) {
        const step = column(range(pair.value.items[0]!.key)[0]) - column(range(pair.key)[0]);
        if (step > 0) return step;
      }
    }
    return 2;
  })();
  const rootColumn = column(range(root.items[0]!.key)[0]);

  const splices: Splice[] = [];
  const ownLines = new Set<string>();
  /** Lines written by us, indented, joined with the file's line breaks; starts on a new line. */
  const block = (at: number, lines: readonly string[]): void => {
    for (const line of lines) ownLines.add(line);
    const prefix = at > 0 && text[at - 1] !== "\n" ? newline : "";
    splices.push({ at, end: at, insert: prefix + lines.map((line) => line + newline).join("") });
  };
  const spaces = (count: number): string => " ".repeat(count);
  const expected = doc.toJS() as Json;

  // ---- top-level secrets: removals, then additions
  const secretsPair = pairOf(root, "secrets");
  const secretsMap = secretsPair?.value;
  const removedSecrets: string[] = [];
  if (edit.removeSecrets.length > 0) {
    if (!isMap(secretsMap) || secretsMap.flow || secretsMap.anchor !== undefined) {
      notes.push(`${edit.file}: top-level secrets: is not a plain block mapping; unused secrets left in place`);
    } else {
      const removable = edit.removeSecrets.filter((name) => pairOf(secretsMap, name) !== undefined);
      const wholeSection = removable.length === secretsMap.items.length && edit.addSecrets.length === 0;
      if (wholeSection) {
        splices.push({ at: lineStart(range(secretsPair!.key)[0]), end: afterLine(range(secretsMap)[1]), insert: "" });
        delete expected.secrets;
        removedSecrets.push(...removable);
      } else {
        for (const name of removable) {
          const pair = pairOf(secretsMap, name)!;
          const keyStart = range(pair.key)[0];
          if (text.slice(lineStart(keyStart), keyStart).trim() !== "") continue; // not alone on its line
          const end = pair.value ? range(pair.value)[1] : range(pair.key)[1];
          splices.push({ at: lineStart(keyStart), end: afterLine(end), insert: "" });
          delete (expected.secrets as Json)[name];
          removedSecrets.push(name);
        }
      }
    }
  }
  const addedSecrets: ComposeSecretAddition[] = [];
  if (edit.addSecrets.length > 0) {
    const entries = (keyColumn: number, step: number): string[] =>
      edit.addSecrets.flatMap((addition) => [
        `${spaces(keyColumn)}${scalarText(addition.name)}:`,
        `${spaces(keyColumn + step)}file: ${addition.sourceFile}`,
      ]);
    const isEmpty = secretsPair !== undefined && (secretsMap === null || (isScalar(secretsMap) && secretsMap.value === null && secretsMap.source === ""));
    let added = true;
    if (secretsPair === undefined) {
      block(text.length, [`${spaces(rootColumn)}secrets:`, ...entries(rootColumn + unit, unit)]);
    } else if (isEmpty) {
      block(afterLine(range(secretsPair.key)[1]), entries(column(range(secretsPair.key)[0]) + unit, unit));
    } else if (isMap(secretsMap) && !secretsMap.flow && secretsMap.anchor === undefined && secretsMap.items.length > 0) {
      const first = secretsMap.items[0]!;
      const keyColumn = column(range(first.key)[0]);
      const step = isMap(first.value) && !first.value.flow ? column(range(first.value)[0]) - keyColumn : unit;
      block(afterLine(range(secretsMap)[1]), entries(keyColumn, step > 0 ? step : unit));
    } else {
      notes.push(`${edit.file}: top-level secrets: is not a plain block mapping; ${edit.addSecrets.map((a) => a.name).join(", ")} not declared`);
      added = false;
    }
    if (added) {
      const secrets = (expected.secrets ?? {}) as Json;
      for (const addition of edit.addSecrets) secrets[addition.name] = { file: addition.sourceFile };
      expected.secrets = secrets;
      addedSecrets.push(...edit.addSecrets);
    }
  }

  // ---- grants, per service
  const appliedGrants: ComposeGrant[] = [];
  const services = pairOf(root, "services")?.value;
  const byService = new Map<string, string[]>();
  for (const grant of edit.grants) byService.set(grant.service, [...(byService.get(grant.service) ?? []), grant.secret]);
  for (const [service, names] of byService) {
    const serviceMap = isMap(services) && !services.flow ? pairOf(services, service)?.value : undefined;
    const skip = (why: string): void => {
      notes.push(`${edit.file}: service '${service}' ${why}; ${names.join(", ")} not granted`);
    };
    if (!isMap(serviceMap) || serviceMap.flow || serviceMap.items.length === 0) {
      skip("is not a block mapping here");
      continue;
    }
    if (serviceMap.anchor !== undefined) {
      skip("is a YAML anchor that other services may merge");
      continue;
    }
    const own = pairOf(serviceMap, "secrets");
    const items = names.map(scalarText);
    if (own === undefined) {
      if (inheritsSecrets(serviceMap, doc)) {
        skip("inherits its secrets: through a << merge key");
        continue;
      }
      const keyColumn = column(range(serviceMap.items[0]!.key)[0]);
      block(afterLine(range(serviceMap)[1]), [`${spaces(keyColumn)}secrets:`, ...items.map((item) => `${spaces(keyColumn + unit)}- ${item}`)]);
    } else if (own.value === null || (isScalar(own.value) && own.value.value === null && own.value.source === "")) {
      const keyColumn = column(range(own.key)[0]);
      block(afterLine(range(own.key)[1]), items.map((item) => `${spaces(keyColumn + unit)}- ${item}`));
    } else if (isSeq(own.value) && own.value.anchor === undefined && !own.value.flow && own.value.items.length > 0) {
      const dashColumn = column(range(own.value)[0]);
      block(afterLine(range(own.value)[1]), items.map((item) => `${spaces(dashColumn)}- ${item}`));
    } else if (isSeq(own.value) && own.value.anchor === undefined && own.value.flow) {
      const last = own.value.items.at(-1);
      const at = last === undefined ? range(own.value)[0] + 1 : range(last)[1];
      splices.push({ at, end: at, insert: last === undefined ? items.join(", ") : `, ${items.join(", ")}` });
    } else {
      skip("has a secrets: that is not a plain list");
      continue;
    }
    const target = (expected.services as Record<string, Json>)[service]!;
    target.secrets = [...((target.secrets as unknown[] | null | undefined) ?? []), ...names];
    appliedGrants.push(...names.map((secret) => ({ service, secret })));
  }

  let result = text;
  for (const splice of [...splices].sort((a, b) => b.at - a.at || b.end - a.end)) {
    result = result.slice(0, splice.at) + splice.insert + result.slice(splice.end);
  }
  const reread = parseAllDocuments(result, PARSE_OPTIONS);
  if (!Array.isArray(reread) || reread.length !== 1 || reread[0]!.errors.length > 0 || !isDeepStrictEqual(reread[0]!.toJS(), expected)) {
    throw new Error(`fix: the edit of ${edit.file} did not give the intended compose file`);
  }
  return {
    text: result,
    ownLines,
    applied: { file: edit.file, addSecrets: addedSecrets, grants: appliedGrants, removeSecrets: removedSecrets },
    notes,
  };
}

/** Whether a `<<` merge key of the service brings in a `secrets:` (an own one would replace it). */
function inheritsSecrets(serviceMap: YAMLMap, doc: Document): boolean {
  for (const pair of serviceMap.items) {
    // with `merge: true` the key of a merge is the symbol `<<`
    if (!isScalar(pair.key) || (typeof pair.key.value !== "symbol" && pair.key.value !== "<<")) continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const resolved = isAlias(source) ? source.resolve(doc) : source;
      if (isMap(resolved) && pairOf(resolved, "secrets") !== undefined) return true;
    }
  }
  return false;
}
