/**
 * Compaction of a file's facts before they are kept until linking: memory must not grow with
 * the parsed files beyond what can change a result. Values that can lead to no name, no
 * environment object and no wrapper become unknown, and the declarations and functions nothing
 * kept refers to are dropped (the others are renumbered).
 */
import { ENV_GLOBALS, UNKNOWN, type Access, type Call, type ClassFacts, type Decl, type ExportTarget, type FileFacts, type Fn, type ObjectVal, type Ref, type Val } from "./facts.js";

/** A function as the extraction pass leaves it. */
export interface RawFn extends Fn {
  /** Passes a parameter of its own to a call or as a computed key: it may wrap an accessor. */
  readonly forwards?: boolean;
}

export interface RawFacts extends Omit<FileFacts, "fns"> {
  readonly fns: readonly RawFn[];
}

/**
 * A string that holds only its own characters. Names and literals come from the parser as slices
 * of the file's text, and V8 keeps a long slice's whole parent alive: kept facts would keep every
 * parsed text. Slicing a fresh concatenation copies the characters (a short string is copied
 * anyway).
 */
export function detach(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

export function compact(raw: RawFacts, callNames: ReadonlySet<string>, keepNames: boolean): FileFacts {
  return new Compactor(raw, callNames, keepNames).run();
}

/**
 * What a value can be good for: nothing (`useless`), only as a secret name (`name`: strings and
 * frozen objects of them), or more (`keep`: a function that may wrap an accessor, the
 * environment, an import, a parameter passed on).
 */
type Use = "useless" | "name" | "keep";

function strongest(a: Use, b: Use): Use {
  return a === "keep" || b === "keep" ? "keep" : a === "name" || b === "name" ? "name" : "useless";
}

class Compactor {
  private readonly declIndex = new Map<number, number>();
  private readonly fnIndex = new Map<number, number>();
  private readonly declQueue: number[] = [];
  private readonly refs: Ref[] = [];
  private readonly fnVals: Array<{ f: number }> = [];

  private readonly uses = new Map<number, Use>();
  private trimmed = false;

  constructor(
    private readonly raw: RawFacts,
    private readonly callNames: ReadonlySet<string>,
    private readonly keepNames: boolean,
  ) {}

  /** What a declaration's value can be good for (memoised; cycles count as useless). */
  private declUse(index: number): Use {
    const known = this.uses.get(index);
    if (known !== undefined) return known;
    this.uses.set(index, "useless");
    const decl = this.raw.decls[index]!;
    let use: Use;
    switch (decl.kind) {
      case "param":
      case "import":
      case "other":
        use = "keep";
        break;
      case "enum":
        use = "name";
        break;
      default:
        use = decl.assigned || !decl.init ? "useless" : this.valUse(decl.init);
    }
    this.uses.set(index, use);
    return use;
  }

  private valUse(value: Val): Use {
    switch (value.k) {
      case "s":
        return "name";
      case "r":
        return value.d < 0 ? (ENV_GLOBALS.has(value.n) ? "keep" : "useless") : this.declUse(value.d);
      case "m":
        return this.valUse(value.o);
      case "f":
        return this.fnMatters(value.f) ? "keep" : "useless";
      case "o": {
        let use: Use = "useless";
        for (const [, property] of value.props) use = strongest(use, this.valUse(property));
        for (const spread of value.spreads) use = strongest(use, this.valUse(spread) === "useless" ? "useless" : "keep");
        return use === "name" && !value.frozen ? "useless" : use;
      }
      case "call":
        // what a call returns matters only as (a wrapper of) the environment
        return value.a.some((argument) => argument !== null && this.valUse(argument) === "keep") && this.valUse(value.c) === "keep"
          ? "keep"
          : "useless";
      case "?":
        return "useless";
      default:
        return "keep";
    }
  }

  /**
   * A function that passes nothing on can wrap nothing, unless it is the accessor itself or
   * hands back a parameter (it may wrap the environment).
   */
  private fnMatters(index: number): boolean {
    const fn = this.raw.fns[index]!;
    return fn.forwards === true || fn.returns !== undefined || (fn.name !== undefined && this.callNames.has(fn.name));
  }

  run(): FileFacts {
    const raw = this.raw;
    // copies of everything kept (so renumbering in place touches nothing shared), simplified
    const calls: Call[] = raw.calls.map((call) => ({
      ...call,
      c: this.copy(call.c),
      a: call.a.map((arg) => (arg === null ? null : this.copy(arg))),
      name: detach(call.name),
    }));
    const accesses: Access[] = [];
    for (const access of raw.accesses) {
      // a computed key matters only as a parameter passed on (`process.env[name]`)
      const key = access.key ? this.copy(access.key) : undefined;
      if (access.p === undefined && key?.k !== "r") continue;
      accesses.push({
        ...access,
        o: this.copy(access.o),
        p: access.p === undefined ? undefined : detach(access.p),
        ...(key?.k === "r" ? { key } : {}),
      });
    }
    const exports = new Map<string, ExportTarget>();
    for (const [name, target] of raw.exports) {
      let kept: ExportTarget;
      if ("trimmed" in target) kept = target;
      else if ("from" in target) kept = { from: detach(target.from), imported: detach(target.imported) };
      else if (!this.keepNames && this.valUse(target.v) === "name") kept = TRIMMED;
      else kept = { v: this.copy(target.v) };
      if (kept === TRIMMED) this.trimmed = true;
      exports.set(detach(name), kept);
    }
    const commonJs = raw.commonJs ? this.copy(raw.commonJs) : undefined;
    const classes: ClassFacts[] = raw.classes.map((entry) => ({ instance: this.properties(entry.instance) }));

    // the declarations reachable from what is kept, and from their own values
    const decls: Decl[] = [];
    const copies = new Map<number, Decl>();
    while (this.declQueue.length > 0) {
      const index = this.declQueue.shift()!;
      const decl = raw.decls[index]!;
      const copy: Mutable<Decl> = { n: detach(decl.n), kind: decl.kind };
      if (decl.init) copy.init = this.copy(decl.init);
      if (decl.from !== undefined) copy.from = detach(decl.from);
      if (decl.imported !== undefined) copy.imported = detach(decl.imported);
      if (decl.fn !== undefined) copy.fn = this.fn(decl.fn);
      if (decl.index !== undefined) copy.index = decl.index;
      if (decl.rest) copy.rest = true;
      if (decl.def) copy.def = this.copy(decl.def);
      if (decl.assigned) copy.assigned = true;
      copies.set(index, copy);
    }
    for (const index of [...copies.keys()].sort((a, b) => a - b)) {
      this.declIndex.set(index, decls.length);
      decls.push(copies.get(index)!);
    }
    const fns: Fn[] = [];
    for (const index of [...this.fnIndex.keys()].sort((a, b) => a - b)) {
      this.fnIndex.set(index, fns.length);
      const fn = raw.fns[index]!;
      fns.push({
        name: fn.name === undefined ? undefined : detach(fn.name),
        bound: fn.bound,
        params: [],
        ...(fn.returns !== undefined ? { returns: fn.returns } : {}),
      });
    }
    // renumber
    for (const ref of this.refs) ref.d = ref.d < 0 ? -1 : this.declIndex.get(ref.d)!;
    for (const value of this.fnVals) value.f = this.fnIndex.get(value.f)!;
    for (const decl of decls) if (decl.fn !== undefined) (decl as Mutable<Decl>).fn = this.fnIndex.get(decl.fn)!;
    for (const [index, newIndex] of this.fnIndex) {
      const params = fns[newIndex]!.params as number[];
      for (const param of this.raw.fns[index]!.params) params.push(param >= 0 && this.declIndex.has(param) ? this.declIndex.get(param)! : -1);
    }
    return {
      file: raw.file,
      reads: raw.reads.map((read) => ({ name: detach(read.name), sort: read.sort, pos: read.pos, ...(read.optional ? { optional: true as const } : {}) })),
      dynamicCalls: raw.dynamicCalls.map((call) => ({ name: detach(call.name), pos: call.pos })),
      decls,
      fns,
      classes,
      calls,
      accesses,
      exports,
      stars: raw.stars.map(detach),
      ...(raw.guards && raw.guards.length > 0 ? { guards: raw.guards.map((guard) => ({ ...guard, name: detach(guard.name) })) } : {}),
      ...(commonJs ? { commonJs } : {}),
      ...(this.trimmed ? { trimmed: true as const } : {}),
    };
  }

  /** Marks a declaration as kept (its index is renumbered at the end). */
  private decl(index: number): void {
    if (index < 0 || this.declIndex.has(index)) return;
    this.declIndex.set(index, -1);
    this.declQueue.push(index);
  }

  private fn(index: number): number {
    if (!this.fnIndex.has(index)) this.fnIndex.set(index, -1);
    return index;
  }

  /** A fresh copy of a value, with what cannot matter made unknown and what it refers to kept. */
  private copy(value: Val): Val {
    switch (value.k) {
      case "s":
        return { k: "s", v: detach(value.v) };
      case "meta":
        return value;
      case "r": {
        // a declaration whose value is good for nothing is not kept: the reference is unknown
        if (value.d >= 0 && this.declUse(value.d) === "useless") return UNKNOWN;
        const ref: Ref = { k: "r", n: detach(value.n), d: value.d };
        this.refs.push(ref);
        this.decl(value.d);
        return ref;
      }
      case "m": {
        const object = this.copy(value.o);
        return object.k === "?" ? UNKNOWN : { k: "m", o: object, p: detach(value.p) };
      }
      case "req": {
        // a local function called require is not Node's: what it returns is unknown
        if (value.r && value.r.d >= 0) return UNKNOWN;
        return { k: "req", s: detach(value.s) };
      }
      case "f": {
        if (!this.fnMatters(value.f)) return UNKNOWN;
        const copy = { k: "f" as const, f: this.fn(value.f) };
        this.fnVals.push(copy);
        return copy;
      }
      case "this":
        return value;
      case "o":
        return this.object(value);
      case "call": {
        if (this.valUse(value) === "useless") return UNKNOWN;
        const callee = this.copy(value.c);
        return callee.k === "?" ? UNKNOWN : { k: "call", c: callee, a: value.a.map((argument) => (argument === null ? null : this.copy(argument))) };
      }
      default:
        return UNKNOWN;
    }
  }

  private object(value: ObjectVal): Val {
    const props = this.properties(value.props);
    const spreads: Val[] = [];
    for (const spread of value.spreads) {
      const copy = this.copy(spread);
      if (copy.k !== "?") spreads.push(copy);
    }
    // an object that holds nothing of use, but whose spreads were unknown, is still unknown
    if (props.length === 0 && spreads.length === 0) return UNKNOWN;
    return { k: "o", props, spreads, frozen: value.frozen };
  }

  /** Properties worth keeping: an unknown one only where it hides an earlier one of the same key. */
  private properties(props: ReadonlyArray<readonly [string, Val]>): Array<readonly [string, Val]> {
    const kept: Array<readonly [string, Val]> = [];
    const keys = new Set<string>();
    for (const [key, property] of props) {
      const copy = this.copy(property);
      if (copy.k === "?" && !keys.has(key)) continue;
      keys.add(key);
      kept.push([detach(key), copy]);
    }
    return kept;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const TRIMMED: ExportTarget = { trimmed: true };
