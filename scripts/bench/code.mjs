/**
 * Ordinary code for the synthetic monorepo: interfaces, types, enums, functions, classes and
 * data tables, in TypeScript or JavaScript, that never touch a secret or the environment. What
 * matters for the benchmark is that it parses like real code (a realistic mix of syntax, about
 * the same number of tokens per line) and that files import each other.
 */

/** @typedef {import("./random.mjs").Random} Random */

const NOUNS = [
  "account", "order", "invoice", "customer", "session", "cart", "product", "payment", "shipment", "report",
  "ticket", "message", "event", "job", "task", "cache", "metric", "profile", "team", "project", "comment",
  "tenant", "region", "plan", "coupon", "refund", "ledger", "address", "catalog", "price", "quote", "review",
  "schedule", "slot", "booking", "device", "upload", "asset", "policy", "rule", "batch", "record", "entry",
  "channel", "thread", "notification", "subscription", "contract", "warehouse", "carrier", "parcel", "vendor",
];
const VERBS = [
  "get", "load", "build", "create", "update", "compute", "format", "parse", "validate", "normalize", "merge",
  "resolve", "fetch", "map", "filter", "sort", "group", "render", "sync", "apply", "collect", "prepare",
  "ensure", "find", "list", "count", "split", "serialize", "hydrate", "estimate", "dispatch", "archive", "restore",
];
const QUALIFIERS = [
  "Total", "Summary", "Batch", "Index", "State", "Snapshot", "Window", "Limit", "Range", "Options", "Result",
  "Payload", "Context", "Entry", "Stats", "Plan", "Draft", "View", "Delta", "Record",
];
const FIELDS = [
  "id", "name", "status", "amount", "quantity", "createdAt", "updatedAt", "price", "total", "count", "priority",
  "weight", "score", "label", "owner", "kind", "version", "currency", "position", "attempts",
];
const NUMERIC_FIELDS = ["amount", "quantity", "price", "total", "count", "priority", "weight", "score", "version", "attempts"];
const STATUSES = ["draft", "pending", "active", "paused", "failed", "archived", "completed", "cancelled"];

/** @param {string} word */
export function capitalize(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Names used in one file, so that nothing is declared twice.
 */
export class NameScope {
  /** @param {Random} random */
  constructor(random) {
    this.random = random;
    /** @type {Set<string>} */
    this.used = new Set();
  }

  /**
   * `base`, or `base2`, `base3`… if taken.
   * @param {string} base
   */
  unique(base) {
    let name = base;
    for (let index = 2; this.used.has(name); index++) name = `${base}${index}`;
    this.used.add(name);
    return name;
  }

  noun() {
    return this.random.pick(NOUNS);
  }

  functionName() {
    const qualifier = this.random.chance(0.4) ? this.random.pick(QUALIFIERS) : "";
    return this.unique(`${this.random.pick(VERBS)}${capitalize(this.noun())}${qualifier}`);
  }

  typeName() {
    return this.unique(`${capitalize(this.noun())}${this.random.pick(QUALIFIERS)}`);
  }

  className() {
    return this.unique(`${capitalize(this.noun())}${this.random.pick(["Service", "Repository", "Store", "Controller", "Client", "Queue", "Builder", "Tracker"])}`);
  }

  variable() {
    return this.unique(`${this.noun()}${this.random.pick(QUALIFIERS)}`);
  }
}

/**
 * What other files export, that a file may import and call.
 * @typedef {object} Importable
 * @property {string} specifier module specifier as the importing file writes it
 * @property {string[]} values exported functions
 * @property {string[]} types exported types (TypeScript only)
 */

/**
 * @typedef {object} Generated
 * @property {string[]} lines
 * @property {string[]} values exported functions and classes
 * @property {string[]} types exported types
 */

/**
 * Writes code for one file.
 */
export class CodeWriter {
  /**
   * @param {Random} random
   * @param {boolean} typescript
   * @param {NameScope} names
   */
  constructor(random, typescript, names) {
    this.random = random;
    this.ts = typescript;
    this.names = names;
    /** @type {string[]} */
    this.lines = [];
    /** @type {string[]} */
    this.values = [];
    /** @type {string[]} */
    this.types = [];
    /** Local types declared so far (to annotate with). @type {string[]} */
    this.localTypes = [];
    /** Imported functions that bodies may call. @type {string[]} */
    this.callables = [];
  }

  /**
   * Adds the import lines for these modules (and remembers what can be called).
   * @param {readonly Importable[]} importables
   */
  imports(importables) {
    const random = this.random;
    for (const importable of importables) {
      // a name can be bound once per file: skip what another import (or a declaration) took
      const values = random.sample([...new Set(importable.values)].filter((value) => !this.names.used.has(value)), random.int(1, 3));
      const freeTypes = [...new Set(importable.types)].filter((type) => !this.names.used.has(type));
      const types = this.ts && freeTypes.length > 0 && random.chance(0.5) ? random.sample(freeTypes, 1) : [];
      for (const value of values) this.names.used.add(value);
      for (const type of types) this.names.used.add(type);
      if (values.length > 0) {
        this.lines.push(`import { ${values.join(", ")} } from "${importable.specifier}";`);
        this.callables.push(...values.filter((value) => /^[a-z]/.test(value)));
      }
      if (types.length > 0) {
        this.lines.push(`import type { ${types.join(", ")} } from "${importable.specifier}";`);
        this.localTypes.push(...types);
      }
    }
  }

  /** @param {string} line */
  push(line) {
    this.lines.push(line);
  }

  /** Blank line between top-level blocks. */
  gap() {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== "") this.lines.push("");
  }

  /** @param {string} annotation */
  type(annotation) {
    return this.ts ? `: ${annotation}` : "";
  }

  /** A type to annotate with: a local one or a built-in one. */
  someType() {
    const random = this.random;
    if (this.localTypes.length > 0 && random.chance(0.6)) return random.pick(this.localTypes);
    return random.pick(["Record<string, unknown>", "readonly string[]", "Map<string, number>", "number", "string"]);
  }

  /** One top-level block, chosen at random. */
  block() {
    const random = this.random;
    this.gap();
    const roll = random.next();
    if (this.ts && (roll < 0.18 || this.localTypes.length === 0)) this.interfaceBlock();
    else if (this.ts && roll < 0.24) this.typeAliasBlock();
    else if (this.ts && roll < 0.26) this.enumBlock();
    else if (roll < 0.6) this.functionBlock();
    else if (roll < 0.82) this.classBlock();
    else this.tableBlock();
  }

  interfaceBlock() {
    const random = this.random;
    const name = this.names.typeName();
    const exported = random.chance(0.7);
    if (random.chance(0.4)) this.push(`/** The ${name.replace(/([A-Z])/g, " $1").trim().toLowerCase()} as stored and sent. */`);
    this.push(`${exported ? "export " : ""}interface ${name} {`);
    for (const field of random.sample(FIELDS, random.int(3, 9))) {
      const optional = random.chance(0.2) ? "?" : "";
      const fieldType = NUMERIC_FIELDS.includes(field)
        ? "number"
        : field === "status"
          ? random.sample(STATUSES, 3).map((status) => `"${status}"`).join(" | ")
          : field.endsWith("At")
            ? "Date"
            : "string";
      this.push(`  ${random.chance(0.3) ? "readonly " : ""}${field}${optional}: ${fieldType};`);
    }
    if (this.localTypes.length > 0 && random.chance(0.4)) this.push(`  children: ${random.pick(this.localTypes)}[];`);
    this.push("}");
    this.localTypes.push(name);
    if (exported) this.types.push(name);
  }

  typeAliasBlock() {
    const random = this.random;
    const name = this.names.typeName();
    const exported = random.chance(0.7);
    const roll = random.next();
    if (roll < 0.4) {
      this.push(`${exported ? "export " : ""}type ${name} = ${random.sample(STATUSES, random.int(2, 5)).map((s) => `"${s}"`).join(" | ")};`);
    } else if (roll < 0.7 && this.localTypes.length > 0) {
      const base = random.pick(this.localTypes);
      this.push(`${exported ? "export " : ""}type ${name} = Partial<Pick<${base}, ${random.sample(["id", "name", "status"], 2).map((f) => `"${f}"`).join(" | ")}>> & {`);
      this.push(`  readonly requestedAt: Date;`);
      this.push(`};`);
    } else {
      this.push(`${exported ? "export " : ""}type ${name}<T = unknown> = {`);
      this.push(`  readonly items: readonly T[];`);
      this.push(`  readonly cursor?: string;`);
      this.push(`  readonly total: number;`);
      this.push(`};`);
    }
    this.localTypes.push(name);
    if (exported) this.types.push(name);
  }

  enumBlock() {
    const random = this.random;
    const name = this.names.unique(`${capitalize(this.names.noun())}Kind`);
    this.push(`export enum ${name} {`);
    for (const status of random.sample(STATUSES, random.int(3, 6))) this.push(`  ${capitalize(status)} = "${status}",`);
    this.push("}");
    this.types.push(name);
  }

  /**
   * A function with a body of ordinary statements.
   * @param {{ indent?: string, method?: boolean }} [options]
   */
  functionBlock(options = {}) {
    const random = this.random;
    const indent = options.indent ?? "";
    const name = this.names.functionName();
    const exported = !options.method && random.chance(0.6);
    const isAsync = random.chance(0.25);
    const input = this.names.unique(this.names.noun());
    const inputType = this.someType();
    const hasOptions = random.chance(0.4);
    const params = [`${input}${this.type(inputType)}`];
    if (hasOptions) params.push(`options${this.type("{ readonly limit?: number; readonly strict?: boolean }")} = {}`);
    const returnType = this.ts && random.chance(0.5) ? `: ${isAsync ? `Promise<${this.someType()}>` : this.someType()}` : "";
    if (random.chance(0.45)) {
      this.push(`${indent}/**`);
      this.push(`${indent} * ${capitalize(name.replace(/([A-Z])/g, " $1").toLowerCase())} for the given ${input}.`);
      if (random.chance(0.5)) this.push(`${indent} * @param ${input} the ${input} to work on`);
      this.push(`${indent} */`);
    }
    const arrow = !options.method && random.chance(0.3);
    if (options.method) {
      this.push(`${indent}${isAsync ? "async " : ""}${name}(${params.join(", ")})${returnType} {`);
    } else if (arrow) {
      this.push(`${indent}${exported ? "export " : ""}const ${name} = ${isAsync ? "async " : ""}(${params.join(", ")})${returnType} => {`);
    } else {
      this.push(`${indent}${exported ? "export " : ""}${isAsync ? "async " : ""}function ${name}(${params.join(", ")})${returnType} {`);
    }
    const locals = [input];
    const count = random.int(3, 9);
    for (let index = 0; index < count; index++) this.statement(`${indent}  `, locals, isAsync, 0, hasOptions);
    this.push(`${indent}  return ${random.chance(0.5) ? `{ ${random.sample(locals, Math.min(locals.length, 3)).join(", ")} }` : random.pick(locals)};`);
    this.push(`${indent}}${arrow ? ";" : ""}`);
    if (exported) this.values.push(name);
    return name;
  }

  /**
   * One statement (sometimes a compound one) in a function body.
   * @param {string} indent
   * @param {string[]} locals variables in scope
   * @param {boolean} isAsync
   * @param {number} depth
   * @param {boolean} hasOptions
   */
  statement(indent, locals, isAsync, depth, hasOptions) {
    const random = this.random;
    const subject = random.pick(locals);
    const field = random.pick(FIELDS);
    const numeric = random.pick(NUMERIC_FIELDS);
    const roll = depth > 1 ? random.next() * 0.45 : random.next();
    if (roll < 0.15) {
      const name = this.names.variable();
      this.push(`${indent}const ${name} = ${this.expression(locals)};`);
      locals.push(name);
    } else if (roll < 0.25 && this.callables.length > 0) {
      const name = this.names.variable();
      const callee = random.pick(this.callables);
      this.push(`${indent}const ${name} = ${isAsync && random.chance(0.5) ? "await " : ""}${callee}(${subject});`);
      locals.push(name);
    } else if (roll < 0.33) {
      const items = this.names.variable();
      const item = this.names.unique("item");
      this.push(`${indent}const ${items} = [${subject}].flat()`);
      this.push(`${indent}  .filter((${item}) => ${item} !== undefined && ${item} !== null)`);
      this.push(`${indent}  .map((${item}) => ({ ${field}: String(${item}), at: Date.now() }));`);
      locals.push(items);
    } else if (roll < 0.4) {
      const label = this.names.unique("label");
      this.push(`${indent}const ${label} = \`${this.names.noun()}:\${String(${subject})}:${random.int(1, 999)}\`;`);
      locals.push(label);
    } else if (roll < 0.45) {
      const name = this.names.variable();
      this.push(`${indent}const ${name}${this.type("Record<string, unknown>")} = {`);
      for (const key of random.sample(FIELDS, random.int(2, 5))) this.push(`${indent}  ${key}: ${this.expression(locals)},`);
      this.push(`${indent}};`);
      locals.push(name);
    } else if (roll < 0.6) {
      const total = this.names.unique("total");
      const entry = this.names.unique("entry");
      this.push(`${indent}let ${total} = 0;`);
      this.push(`${indent}for (const ${entry} of Object.values(${this.ts ? `${subject} as Record<string, number>` : subject})) {`);
      this.push(`${indent}  if (${entry} > ${random.int(0, 100)}) {`);
      this.push(`${indent}    ${total} += ${entry} * ${random.int(2, 9)};`);
      this.push(`${indent}  } else if (${entry} < 0) {`);
      this.push(`${indent}    continue;`);
      this.push(`${indent}  } else {`);
      this.push(`${indent}    ${total} -= 1;`);
      this.push(`${indent}  }`);
      this.push(`${indent}}`);
      locals.push(total);
    } else if (roll < 0.7) {
      this.push(`${indent}if (${subject} === undefined || ${subject} === null) {`);
      this.push(`${indent}  throw new TypeError(\`${this.names.noun()} ${field} is required\`);`);
      this.push(`${indent}}`);
    } else if (roll < 0.78) {
      const kind = this.names.unique("kind");
      this.push(`${indent}const ${kind} = String(${subject}).length % 4;`);
      this.push(`${indent}switch (${kind}) {`);
      for (const [index, status] of random.sample(STATUSES, 3).entries()) {
        this.push(`${indent}  case ${index}:`);
        this.push(`${indent}    console.debug("${status}", ${subject});`);
        this.push(`${indent}    break;`);
      }
      this.push(`${indent}  default:`);
      this.push(`${indent}    break;`);
      this.push(`${indent}}`);
    } else if (roll < 0.86) {
      this.push(`${indent}try {`);
      this.statement(`${indent}  `, locals, isAsync, depth + 1, hasOptions);
      this.push(`${indent}} catch (error) {`);
      this.push(`${indent}  console.warn("${this.names.noun()} ${random.pick(VERBS)} failed", error instanceof Error ? error.message : error);`);
      this.push(`${indent}}`);
    } else if (roll < 0.93) {
      const limit = this.names.unique("limit");
      const index = this.names.unique("index");
      this.push(`${indent}const ${limit} = ${hasOptions ? `options.limit ?? ${random.int(5, 500)}` : random.int(5, 500)};`);
      this.push(`${indent}for (let ${index} = 0; ${index} < ${limit}; ${index}++) {`);
      this.push(`${indent}  if (${index} % ${random.int(2, 7)} === 0) continue;`);
      this.statement(`${indent}  `, [...locals, index], isAsync, depth + 1, hasOptions);
      this.push(`${indent}}`);
    } else {
      const sorted = this.names.variable();
      this.push(`${indent}const ${sorted} = [...[${subject}].flat()]${this.ts ? ` as Array<{ ${numeric}: number }>` : ""};`);
      this.push(`${indent}${sorted}.sort((a, b) => a.${numeric} - b.${numeric});`);
      locals.push(sorted);
    }
  }

  /** @param {string[]} locals */
  expression(locals) {
    const random = this.random;
    const subject = random.pick(locals);
    const roll = random.next();
    if (roll < 0.2) return `${random.int(0, 10_000)}`;
    if (roll < 0.35) return `"${random.pick(STATUSES)}"`;
    if (roll < 0.5) return `Math.max(${random.int(0, 10)}, Number(${subject}) || 0)`;
    if (roll < 0.6) return `new Map${this.ts ? "<string, number>" : ""}()`;
    if (roll < 0.7) return `[${random.sample(STATUSES, 3).map((s) => `"${s}"`).join(", ")}]`;
    if (roll < 0.8 && this.callables.length > 0) return `${random.pick(this.callables)}(${subject})`;
    if (roll < 0.9) return `JSON.stringify(${subject})`;
    return `String(${subject}).trim().toLowerCase()`;
  }

  classBlock() {
    const random = this.random;
    const name = this.names.className();
    const exported = random.chance(0.75);
    const optionsType = this.someType();
    if (random.chance(0.5)) this.push(`/** Keeps ${this.names.noun()} data close to where it is used. */`);
    this.push(`${exported ? "export " : ""}class ${name} {`);
    if (this.ts) {
      this.push(`  private readonly cache = new Map<string, ${this.someType()}>();`);
      this.push(`  private hits = 0;`);
      this.push("");
      this.push(`  constructor(private readonly options: ${optionsType}) {}`);
    } else {
      this.push(`  #cache = new Map();`);
      this.push(`  #hits = 0;`);
      this.push("");
      this.push(`  constructor(options) {`);
      this.push(`    this.options = options;`);
      this.push(`  }`);
    }
    const cache = this.ts ? "this.cache" : "this.#cache";
    const hits = this.ts ? "this.hits" : "this.#hits";
    this.push("");
    this.push(`  get size()${this.type("number")} {`);
    this.push(`    return ${cache}.size + ${hits};`);
    this.push(`  }`);
    const methods = random.int(1, 4);
    for (let index = 0; index < methods; index++) {
      this.push("");
      this.functionBlock({ indent: "  ", method: true });
    }
    this.push("}");
    if (exported) this.values.push(name);
  }

  tableBlock() {
    const random = this.random;
    const name = this.names.unique(`${this.names.noun().toUpperCase()}_${random.pick(["DEFAULTS", "LIMITS", "LABELS", "ROUTES", "WEIGHTS"])}`);
    const exported = random.chance(0.6);
    this.push(`${exported ? "export " : ""}const ${name} = {`);
    for (const noun of random.sample(NOUNS, random.int(3, 12))) {
      this.push(`  ${noun}: { ${random.pick(NUMERIC_FIELDS)}: ${random.int(0, 1000)}, ${random.pick(["label", "name", "kind"])}: "${capitalize(noun)}" },`);
    }
    this.push(`}${this.ts && random.chance(0.5) ? " as const" : ""};`);
    if (exported) this.values.push(name);
  }

  /** The file's text. */
  text() {
    return `${this.lines.join("\n").trimEnd()}\n`;
  }
}
