/**
 * Property-based tests (fast-check) of the compose reader and the interpolation scanner:
 * arbitrary text and bytes, generated compose documents (serialised with the `yaml` package) and
 * mutations of them never make `readCompose` throw; an unmutated document gives back exactly the
 * secrets, grants and environment names it was generated from; every position is in range of the
 * file; every interpolation offset points at a `$`.
 *
 * No fixed seeds: fast-check varies the seed per run and prints it (with the shrunk
 * counterexample) on failure; rerun with `{ seed, path }` from that report to reproduce.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { scanInterpolations } from "../src/compose/interpolation.js";
import { readCompose } from "../src/compose/read-compose.js";
import type { ComposeFacts, Position } from "../src/model.js";

let root = "";
let caseNumber = 0;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "compose-property-"));
});
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

/** Writes `content` as `compose.yaml` in a fresh directory under the temp root; returns that directory. */
function writeCase(content: string | Uint8Array): string {
  const dir = path.join(root, `case-${caseNumber++}`);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "compose.yaml"), content);
  return dir;
}

// ---------------------------------------------------------------- arbitraries

/** Pieces of interpolation syntax, valid and broken. */
const interpolationFragment = fc.oneof(
  fc.constantFrom("$", "$$", "${", "}", "{", ":-", "-", ":?", "?", ":+", "+", ":", "!", " ", "\n", "\\", "'", '"'),
  fc.constantFrom("$A", "${B}", "${C:-x}", "${D-}", "${E:?err}", "${F+alt}", "$${G}", "${H:-${I}}", "$1", "${ J}"),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}$/),
  fc.string({ maxLength: 4 }),
  fc.string({ unit: "binary", maxLength: 4 }),
);
const interpolationSoup = fc.array(interpolationFragment, { maxLength: 30 }).map((parts) => parts.join(""));
/** Thousands of nested `${A:-…` with some of them closed: the scan must not recurse per level. */
const deepNesting = fc
  .tuple(fc.integer({ min: 1, max: 20_000 }), fc.nat({ max: 20_000 }), fc.constantFrom("", "x", "$B", "${C}"))
  .map(([open, close, middle]) => "${A:-".repeat(open) + middle + "}".repeat(close));

/** A string value for the generated documents: plain, interpolated, multi-line, any unicode. */
const stringValue = fc.oneof(
  fc.stringMatching(/^[a-z0-9./:_-]{0,12}$/),
  interpolationSoup,
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.array(fc.string({ maxLength: 10 }), { minLength: 2, maxLength: 3 }).map((lines) => lines.join("\n")),
);

/**
 * Names of secrets and services: compose-like, and sometimes any unicode. Not `x-…` (an extension,
 * skipped by design) and not `<<` (the yaml package writes that key unquoted, which reads back as a
 * merge key).
 */
const entityName = fc
  .oneof(
    { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,12}$/) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 10 }) },
  )
  .filter((name) => !name.startsWith("x-") && name !== "<<");
const variableName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/);

interface GeneratedService {
  readonly name: string;
  readonly grants: readonly string[];
  readonly environment: readonly string[];
  readonly buildContext: string | undefined;
  readonly body: Record<string, unknown>;
}

const secretGrant = fc.tuple(entityName, fc.constantFrom("short", "long", "long-target")).map(([name, style]) => ({
  name,
  written:
    style === "short"
      ? name
      : style === "long"
        ? { source: name }
        : { source: name, target: `/run/${name.length}`, mode: 0o400 },
}));

const environmentSection = fc.oneof(
  fc
    .uniqueArray(fc.tuple(variableName, fc.oneof(stringValue, fc.integer(), fc.boolean(), fc.constant(null))), {
      selector: ([name]) => name,
      maxLength: 5,
    })
    .map((pairs) => ({ names: pairs.map(([name]) => name), written: Object.fromEntries(pairs) as unknown })),
  fc
    .array(fc.tuple(variableName, fc.option(stringValue)), { maxLength: 5 })
    .map((pairs) => ({
      names: pairs.map(([name]) => name),
      written: pairs.map(([name, value]) => (value === null ? name : `${name}=${value}`)) as unknown,
    })),
);

const buildSection = fc.option(
  fc.oneof(
    fc.stringMatching(/^(?:\.\/)?[a-z]{1,6}(?:\/[a-z]{1,6})?$/).map((dir) => ({ written: dir as unknown, context: dir })),
    fc
      .stringMatching(/^[a-z]{1,6}$/)
      .map((dir) => ({ written: { context: `./${dir}`, dockerfile: "Dockerfile" } as unknown, context: dir })),
    fc.constant({ written: { dockerfile: "Dockerfile" } as unknown, context: "." }),
  ),
  { nil: undefined },
);

const generatedService = fc
  .record({
    name: entityName,
    image: fc.option(stringValue, { nil: undefined }),
    grants: fc.option(fc.array(secretGrant, { maxLength: 4 }), { nil: undefined }),
    environment: fc.option(environmentSection, { nil: undefined }),
    build: buildSection,
    envFile: fc.option(fc.constantFrom("./app.env", ".env", "config/x.env"), { nil: undefined }),
  })
  .map((s): GeneratedService => {
    const body: Record<string, unknown> = {};
    if (s.image !== undefined) body["image"] = s.image;
    if (s.build !== undefined) body["build"] = s.build.written;
    if (s.grants !== undefined) body["secrets"] = s.grants.map((grant) => grant.written);
    if (s.environment !== undefined) body["environment"] = s.environment.written;
    if (s.envFile !== undefined) body["env_file"] = s.envFile;
    return {
      name: s.name,
      grants: s.grants?.map((grant) => grant.name) ?? [],
      environment: s.environment?.names ?? [],
      buildContext: s.build === undefined ? undefined : path.posix.normalize(s.build.context).replace(/\/+$/, "") || ".",
      body,
    };
  });

const secretDefinition = fc.oneof(
  fc.stringMatching(/^\.\/[a-z]{1,8}\.txt$/).map((file) => ({ file })),
  variableName.map((environment) => ({ environment })),
  fc.constant({ external: true }),
  entityName.map((name) => ({ external: { name } })),
  entityName.map((name) => ({ external: true, name })),
  fc.constant(null),
);

interface GeneratedCompose {
  readonly services: readonly GeneratedService[];
  readonly secrets: ReadonlyArray<readonly [string, Record<string, unknown> | null]>;
  readonly document: Record<string, unknown>;
  readonly text: string;
}

const composeDocument: fc.Arbitrary<GeneratedCompose> = fc
  .record({
    services: fc.uniqueArray(generatedService, { selector: (s) => s.name, maxLength: 4 }),
    secrets: fc.uniqueArray(fc.tuple(entityName, secretDefinition), { selector: ([name]) => name, maxLength: 5 }),
    name: fc.option(stringValue, { nil: undefined }),
    extension: fc.option(stringValue, { nil: undefined }),
  })
  .map(({ services, secrets, name, extension }) => {
    const document: Record<string, unknown> = {};
    if (name !== undefined) document["name"] = name;
    // An `x-` section is not interpolated: its `${…}` must not show up as a reference.
    if (extension !== undefined) document["x-common"] = { note: extension };
    document["services"] = Object.fromEntries(services.map((s) => [s.name, s.body]));
    if (secrets.length > 0) document["secrets"] = Object.fromEntries(secrets);
    return { services, secrets, document, text: stringify(document) };
  });

type Mutation =
  | { kind: "truncate"; at: number }
  | { kind: "delete-line"; at: number }
  | { kind: "duplicate-line"; at: number }
  | { kind: "indent"; at: number; by: number }
  | { kind: "insert"; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("delete-line" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate-line" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("indent" as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.constantFrom("&a", "*a", "<<: *a", "- ", ": ", "{", "[", "'", '"', "\t", "---", "!!map", "? ", "|", "${"),
  }),
);

function mutate(text: string, m: Mutation): string {
  if (m.kind === "truncate") return text.slice(0, m.at % (text.length + 1));
  if (m.kind === "insert") {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + m.text + text.slice(at);
  }
  const lines = text.split("\n");
  const i = m.at % lines.length;
  if (m.kind === "delete-line") lines.splice(i, 1);
  else if (m.kind === "duplicate-line") lines.splice(i, 0, lines[i]!);
  else {
    const line = lines[i]!;
    lines[i] = m.by >= 0 ? " ".repeat(m.by) + line : line.replace(new RegExp(`^ {0,${-m.by}}`), "");
  }
  return lines.join("\n");
}

/** YAML-ish fragments for random documents: structure, anchors, merges, flow, quotes, tags. */
const yamlFragment = fc.oneof(
  fc.constantFrom("services:", "secrets:", "environment:", "build:", "include:", "source:", "external:", "file:"),
  fc.constantFrom("\n", "\n  ", "\n    ", "\r\n", "\t", " ", "- ", ": ", "? ", "&a ", "*a", "<<: *a", "<<: [*a, *b]"),
  fc.constantFrom("{", "}", "[", "]", ",", "'", '"', "|", ">", "---", "...", "!!str ", "!!map", "%YAML 1.2", "# c"),
  fc.constantFrom("x-a: &a", "true", "null", "~", "1", "0o7", "- missing.yaml", "\ufeff", "\u2028", "\u0085"),
  interpolationFragment,
  fc.string({ unit: "grapheme", maxLength: 5 }),
);
const yamlSoup = fc.array(yamlFragment, { maxLength: 80 }).map((parts) => parts.join(""));

// ---------------------------------------------------------------- helpers

/** The file's text as the reader sees it (BOM removed). */
function sourceOf(content: string | Uint8Array): string {
  const text = typeof content === "string" ? content : Buffer.from(content).toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Every position in `facts`, and every problem that has one, is inside the file `source`. */
function checkPositions(facts: ComposeFacts, source: string): void {
  // The reader breaks lines at LF only, as the yaml package does (a CRLF line keeps its CR).
  const lines = source.split("\n");
  const check = (where: string, position: { line?: number; column?: number }): void => {
    if (position.line === undefined) return;
    expect(position.line, where).toBeGreaterThanOrEqual(1);
    expect(position.line, where).toBeLessThanOrEqual(lines.length);
    expect(position.column, where).toBeGreaterThanOrEqual(1);
    expect(position.column, where).toBeLessThanOrEqual(lines[position.line - 1]!.length + 1);
  };
  const all: Array<[string, Position]> = [
    ...facts.secrets.map((s) => [`secret ${s.name}`, s.position] as [string, Position]),
    ...facts.referencedVariables.map((v) => [`variable ${v.name}`, v.position] as [string, Position]),
  ];
  for (const service of facts.services) {
    all.push([`service ${service.name}`, service.position]);
    for (const list of [service.secrets, service.environment, service.envFiles]) {
      for (const entry of list) all.push([`${service.name}: ${entry.name}`, entry.position]);
    }
  }
  for (const [where, position] of all) {
    expect(position.file).toBe("compose.yaml");
    check(where, position);
  }
  for (const problem of facts.problems) {
    if (problem.file === "compose.yaml") check(`problem ${problem.message}`, problem);
  }
}

/** Every string value in `value` (not keys), depth first, except under `x-` keys. */
function stringValues(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringValues(item, out);
  else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) if (!key.startsWith("x-")) stringValues(item, out);
  }
  return out;
}

// ---------------------------------------------------------------- properties

describe("scanInterpolations: properties", () => {
  it("never throws; every reference and every invalid offset points at a `$`", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          { weight: 10, arbitrary: fc.oneof(interpolationSoup, fc.string(), fc.string({ unit: "binary" })) },
          { weight: 1, arbitrary: deepNesting },
        ),
        (text) => {
          const scan = scanInterpolations(text);
          // Plain checks, one assertion: the deep cases have tens of thousands of references.
          const badRefs = scan.refs.filter((ref) => {
            const at = text[ref.offset + 1] === "{" ? ref.offset + 2 : ref.offset + 1;
            return text[ref.offset] !== "$" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(ref.name) || !text.startsWith(ref.name, at);
          });
          expect(badRefs).toEqual([]);
          expect(scan.invalid.filter((offset) => text[offset] !== "$")).toEqual([]);
          // Each `$` is reported once, in text order.
          expect(scan.refs.every((ref, i) => i === 0 || scan.refs[i - 1]!.offset < ref.offset)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("round-trips: text built from known references gives exactly those names, in order", () => {
    const literal = fc.string({ maxLength: 6 }).map((text) => text.replace(/\$/g, "$$$$"));
    const reference = fc.tuple(variableName, fc.constantFrom("braced", "bare", "default", "nested", "error")).map(
      ([name, form]) => {
        switch (form) {
          case "braced":
            return { text: `\${${name}}`, names: [name] };
          case "bare":
            return { text: `$${name}-`, names: [name] }; // `-` ends a bare name
          case "default":
            return { text: `\${${name}:-fallback}`, names: [name] };
          case "nested":
            return { text: `\${${name}-\${${name}_INNER}}`, names: [name, `${name}_INNER`] };
          case "error":
            return { text: `\${${name}:?${name} is required}`, names: [name] };
        }
      },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(literal, reference), { maxLength: 6 }), literal, (parts, tail) => {
        const text = parts.map(([before, ref]) => before + ref.text).join("") + tail;
        const scan = scanInterpolations(text);
        expect(scan.invalid).toEqual([]);
        expect(scan.refs.map((ref) => ref.name)).toEqual(parts.flatMap(([, ref]) => ref.names));
      }),
      { numRuns: 500 },
    );
  });
});

describe("readCompose: properties", () => {
  it("never throws on arbitrary text or bytes, and keeps positions in range", async () => {
    const content = fc.oneof(
      { weight: 3, arbitrary: yamlSoup },
      { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 300 }) },
      { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 300 }) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 500 }) },
    );
    await fc.assert(
      fc.asyncProperty(content, async (written) => {
        const dir = writeCase(written);
        const facts = await readCompose(dir, ["compose.yaml"]);
        const bytes = typeof written === "string" ? Buffer.from(written, "utf8") : Buffer.from(written);
        if (bytes.includes(0)) {
          expect(facts.files).toEqual([]);
          expect(facts.problems.map((p) => p.message).join("\n")).toMatch(/NUL/);
          return;
        }
        expect(facts.files[0]).toBe("compose.yaml");
        checkPositions(facts, sourceOf(written));
      }),
      { numRuns: 100 },
    );
  });

  it("round-trips generated documents: exactly the generated secrets, services, grants and variables", async () => {
    await fc.assert(
      fc.asyncProperty(composeDocument, async (generated) => {
        const dir = writeCase(generated.text);
        const facts = await readCompose(dir, ["compose.yaml"]);
        const context = `\n${generated.text}`;

        expect(facts.secrets.map((s) => s.name), context).toEqual(generated.secrets.map(([name]) => name));
        for (const [name, definition] of generated.secrets) {
          const declared = facts.secrets.find((s) => s.name === name)!;
          if (definition && "file" in definition) expect(declared.file).toBe(definition["file"]);
          if (definition && "environment" in definition) expect(declared.environment).toBe(definition["environment"]);
          if (definition && "external" in definition) expect(declared.external).toBe(true);
        }

        expect(facts.services.map((s) => s.name), context).toEqual(generated.services.map((s) => s.name));
        for (const expected of generated.services) {
          const actual = facts.services.find((s) => s.name === expected.name)!;
          expect(actual.secrets.map((grant) => grant.name), context).toEqual(expected.grants);
          expect(actual.environment.map((variable) => variable.name), context).toEqual(expected.environment);
          expect(actual.buildContext, context).toBe(expected.buildContext);
        }

        // Variables: every interpolation in a string value outside `x-` sections, plus the
        // `environment:` of top-level secrets.
        const values = stringValues({ ...generated.document, secrets: undefined });
        const expectedVariables = values.flatMap((value) => scanInterpolations(value).refs.map((ref) => ref.name));
        for (const [, definition] of generated.secrets) {
          if (!definition) continue;
          if ("environment" in definition) expectedVariables.push(definition["environment"] as string);
          for (const value of stringValues(definition)) {
            expectedVariables.push(...scanInterpolations(value).refs.map((ref) => ref.name));
          }
        }
        expect(facts.referencedVariables.map((v) => v.name).sort(), context).toEqual(expectedVariables.sort());

        // The only problems a valid document can have are malformed interpolations in its values.
        const hasInvalid = stringValues(generated.document).some((value) => scanInterpolations(value).invalid.length > 0);
        for (const problem of facts.problems) expect(problem.message, context).toMatch(/^Invalid interpolation syntax/);
        if (!hasInvalid) expect(facts.problems, context).toEqual([]);

        checkPositions(facts, generated.text);
        // Each secret and service is placed on its key (written plain, or quoted by the yaml package).
        const lines = generated.text.split("\n");
        for (const { name, position } of [...facts.secrets, ...facts.services]) {
          const rest = lines[position.line - 1]!.slice(position.column - 1);
          expect(rest.startsWith(name) || /^["']/.test(rest), `${name} at ${position.line}:${position.column}`).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("never throws on mutated documents (truncated, lines deleted or duplicated, re-indented), positions in range", async () => {
    await fc.assert(
      fc.asyncProperty(composeDocument, fc.array(mutation, { minLength: 1, maxLength: 3 }), async (generated, mutations) => {
        const text = mutations.reduce(mutate, generated.text);
        const dir = writeCase(text);
        const facts = await readCompose(dir, ["compose.yaml"]);
        expect(facts.files).toEqual(["compose.yaml"]);
        checkPositions(facts, text);
      }),
      { numRuns: 100 },
    );
  });
});
