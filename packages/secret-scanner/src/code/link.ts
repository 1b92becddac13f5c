/**
 * The linking pass: from the facts of the parsed files (plain data, one file at a time, see
 * facts.ts) to the reads of secrets and environment variables, resolving what crosses files
 * through imports and exports: accessor wrappers, general-purpose environment accessors, names
 * held in constants, and objects that alias the environment. Nothing is parsed or bound here.
 *
 * It also tells the reader which files to parse next: those that import a file whose exports can
 * change what they read (a wrapper, an environment accessor, an environment alias), and those
 * whose constants a name needs.
 */
import { isSecretEnvName, type ResolvedSecretsSettings } from "@secrets-suite/core";
import type { DynamicAccessorCall, InputProblem, SecretRead } from "../model.js";
import { OPTIONAL_ACCESSORS, unpackPosition, type Call, type FileFacts, type ObjectVal, type Ref, type Val } from "./facts.js";
import { PROCESS_MODULES } from "./syntax.js";

/** What an expression can be on the way to an environment read. */
type EnvKind = "global" | "process" | "env" | "bun" | "deno" | "denoEnv" | "importMeta";

const GLOBAL_KINDS: ReadonlyMap<string, EnvKind> = new Map<string, EnvKind>([
  ["process", "process"],
  ["globalThis", "global"],
  ["global", "global"],
  ["window", "global"],
  ["self", "global"],
  ["Bun", "bun"],
  ["Deno", "deno"],
]);

function memberKind(base: EnvKind, key: string): EnvKind | undefined {
  switch (base) {
    case "global":
      return key === "process" ? "process" : key === "Bun" ? "bun" : key === "Deno" ? "deno" : undefined;
    case "process":
    case "bun":
    case "importMeta":
      return key === "env" ? "env" : undefined;
    case "deno":
      return key === "env" ? "denoEnv" : undefined;
    default:
      return undefined;
  }
}

/** Chains of constants, aliases, imports and wrappers longer than this are not followed (cycles end here). */
const MAX_DEPTH = 32;

export type ReadSort = "accessor" | "env";

/** A call of something that reads a secret or a variable by name, and which argument holds it. */
interface Callable {
  readonly sort: ReadSort;
  readonly index: number;
  /** The wrapper (or environment accessor) function, for its parameter's default value. */
  readonly wrapper?: { readonly file: string; readonly fn: number };
}

/** Where following a value leads. */
type Target =
  | { readonly t: "val"; readonly file: string; readonly val: Val }
  /** A module's namespace: `import * as m`, `require("./m")`. */
  | { readonly t: "module"; readonly file: string }
  /** A global the file does not declare. */
  | { readonly t: "global"; readonly name: string }
  /** A binding of a module outside the repository (or not parsed). */
  | { readonly t: "external"; readonly from: string; readonly imported: string };

export interface LinkInput {
  readonly facts: ReadonlyMap<string, FileFacts>;
  readonly resolve: (fromFile: string, specifier: string) => string | undefined;
  readonly settings: ResolvedSecretsSettings;
  /**
   * Files are parsed on demand (a check of changed files, which does not parse the tree): the
   * files whose reads are wanted. A module that their calls and reads are followed into is
   * needed, not only one a secret name goes through, and so is one that a function passing its
   * parameter on calls (a wrapper's wrapper), so that wrappers and environment accessors defined
   * elsewhere are found; other calls are not followed, so that the demand stays with the change.
   */
  readonly onDemand?: ReadonlySet<string>;
}

export interface LinkOutput {
  readonly reads: SecretRead[];
  readonly dynamicCalls: DynamicAccessorCall[];
  /**
   * Parsed files whose exports can change what an importer reads, with the names of those
   * exports (an importer that mentions none of them cannot use one), or "all" when an importer
   * can use one under any name (a default export, `module.exports`).
   */
  readonly interesting: ReadonlyMap<string, ReadonlySet<string> | "all">;
  /** Files not parsed that a secret name's resolution went through. */
  readonly needed: ReadonlySet<string>;
  /**
   * Parsed on demand (LinkInput.onDemand): modules an `export *` passes on, not parsed, that
   * may export one of these names; needed if they mention one (or pass on another module's).
   */
  readonly neededIfExporting: ReadonlyMap<string, ReadonlySet<string>>;
  /** Files whose linking failed: a bug of ours, reported as such. */
  readonly problems: InputProblem[];
}

export function link(input: LinkInput): LinkOutput {
  return new Linker(input).run();
}

class Linker {
  private readonly accessors: ReadonlySet<string>;
  private readonly envAccessors: ReadonlySet<string>;
  /** Wrappers and environment accessors found so far, by `file\0fn`. */
  private readonly callables = new Map<string, Callable>();
  private readonly envKinds = new Map<Val, EnvKind | null>();
  private readonly needed = new Set<string>();
  private readonly neededIfExporting = new Map<string, Set<string>>();
  /** Whether the value followed now is one whose modules are needed (see LinkInput.onDemand). */
  private demanding = false;
  /** Functions (`file\0fn`) the files of LinkInput.onDemand call, directly or through others. */
  private readonly demandedFunctions = new Set<string>();
  private readonly failed = new Map<string, string>();
  private readonly files: readonly string[];

  constructor(private readonly input: LinkInput) {
    this.accessors = new Set(input.settings.accessors);
    this.envAccessors = new Set(input.settings.envAccessors);
    this.files = [...input.facts.keys()].sort();
  }

  run(): LinkOutput {
    this.findCallables();
    if (this.input.onDemand) this.followDemand();
    const reads: SecretRead[] = [];
    const dynamicCalls: DynamicAccessorCall[] = [];
    for (const file of this.files) {
      if (this.failed.has(file)) continue;
      const facts = this.input.facts.get(file)!;
      const fileReads: SecretRead[] = [];
      const fileDynamic: DynamicAccessorCall[] = [];
      this.demanding = this.input.onDemand?.has(file) ?? false;
      const ok = this.guard(file, () => {
        this.emitEnvReads(facts, fileReads);
        this.emitCalls(facts, fileReads, fileDynamic);
      });
      this.demanding = false;
      if (!ok) continue;
      reads.push(...fileReads);
      dynamicCalls.push(...fileDynamic);
    }
    const interesting = new Map<string, ReadonlySet<string> | "all">();
    for (const file of this.files) {
      if (this.failed.has(file)) continue;
      this.guard(file, () => {
        const names = this.namesThatMatter(file);
        if (names === "all" || names.size > 0) interesting.set(file, names);
      });
    }
    const problems: InputProblem[] = [...this.failed].map(([file, message]) => ({
      file,
      message: `internal error while analysing the file (${message})`,
      internal: true,
    }));
    return { reads, dynamicCalls, interesting, needed: this.needed, neededIfExporting: this.neededIfExporting, problems };
  }

  /** Runs one file's part of the work; an exception is a bug of ours, recorded against the file. */
  private guard(file: string, work: () => void): boolean {
    try {
      work();
      return true;
    } catch (error) {
      this.failed.set(file, error instanceof Error ? error.message : String(error));
      return false;
    }
  }

  // ---------------------------------------------------------------- wrappers and environment accessors

  /**
   * Grows the wrappers and environment accessors to a fixpoint: a bound function that passes one
   * of its parameters as the name of an accessor call is a wrapper (its calls read the name they
   * are given); one that reads `process.env[param]`, or passes the parameter to an environment
   * accessor, is an environment accessor.
   */
  private findCallables(): void {
    let changed = true;
    while (changed) {
      changed = false;
      for (const file of this.files) {
        if (this.failed.has(file)) continue;
        const facts = this.input.facts.get(file)!;
        this.guard(file, () => {
          for (const call of facts.calls) {
            // in a function the changed files call, a call that passes its parameter on can make
            // it a wrapper: the callee's module is needed
            this.demanding =
              this.input.onDemand !== undefined &&
              call.a.some((argument) => {
                const parameter = argument?.k === "r" ? this.plainParameter(facts, argument) : undefined;
                return parameter !== undefined && this.demandedFunctions.has(`${file}\0${parameter.fn}`);
              });
            const callable = this.callableOf(file, call.c, 0);
            this.demanding = false;
            if (!callable || this.spreadBefore(call, callable.index)) continue;
            const argument = call.a[callable.index];
            if (argument && argument.k === "r" && this.promote(facts, argument, callable.sort)) changed = true;
          }
          for (const access of facts.accesses) {
            if (access.p !== undefined || !access.key || access.write) continue;
            if (this.envKind(file, access.o, 0) !== "env") continue;
            if (this.promote(facts, access.key, "env")) changed = true;
          }
        });
      }
    }
  }

  /**
   * The functions the files of LinkInput.onDemand call, and those these call with a parameter,
   * to a fixpoint; the modules they lead into that are not parsed are needed.
   */
  private followDemand(): void {
    for (;;) {
      const known = this.demandedFunctions.size;
      for (const file of this.files) {
        if (!this.input.onDemand!.has(file) || this.failed.has(file)) continue;
        const facts = this.input.facts.get(file)!;
        this.demanding = true;
        this.guard(file, () => {
          for (const call of facts.calls) this.callableOf(file, call.c, 0);
        });
        this.demanding = false;
      }
      this.findCallables();
      if (this.demandedFunctions.size === known) return;
    }
  }

  /** Makes the function whose plain parameter `argument` is a callable of `sort`; true if that is new. */
  private promote(facts: FileFacts, argument: Ref, sort: ReadSort): boolean {
    const parameter = this.plainParameter(facts, argument);
    if (!parameter) return false;
    const fn = facts.fns[parameter.fn];
    if (!fn?.bound) return false;
    const key = `${facts.file}\0${parameter.fn}`;
    const existing = this.callables.get(key);
    // a secret accessor wrapper stays one even if it also reads the environment
    if (existing && (existing.sort === "accessor" || sort === "env")) return false;
    this.callables.set(key, { sort, index: parameter.index, wrapper: { file: facts.file, fn: parameter.fn } });
    return true;
  }

  /** The function and position of a parameter passed on as it is (not reassigned, not rest). */
  private plainParameter(facts: FileFacts, ref: Ref): { fn: number; index: number } | undefined {
    if (ref.d < 0) return undefined;
    const decl = facts.decls[ref.d]!;
    if (decl.kind !== "param" || decl.rest || decl.assigned || decl.fn === undefined || decl.index === undefined) return undefined;
    return { fn: decl.fn, index: decl.index };
  }

  private spreadBefore(call: Call, index: number): boolean {
    for (let position = 0; position <= index && position < call.a.length; position++) if (call.a[position] === null) return true;
    return false;
  }

  /** Whether calling `callee` reads a name, and which argument holds it. */
  private callableOf(file: string, callee: Val, depth: number): Callable | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const byName = (name: string): Callable | undefined =>
      this.accessors.has(name) ? { sort: "accessor", index: 0 } : this.envAccessors.has(name) ? { sort: "env", index: 0 } : undefined;
    switch (callee.k) {
      case "r": {
        const named = byName(callee.n);
        if (named || callee.d < 0) return named;
        const decl = this.factsOf(file)!.decls[callee.d]!;
        switch (decl.kind) {
          case "import":
            return byName(decl.imported!) ?? this.callableOfImport(file, decl.from!, decl.imported!, depth + 1);
          case "function":
            if (decl.init?.k !== "f") return undefined;
            if (this.demanding) this.demandedFunctions.add(`${file}\0${decl.init.f}`);
            return this.callables.get(`${file}\0${decl.init.f}`);
          case "const":
          case "let":
          case "var":
            return decl.init && !decl.assigned ? this.callableOf(file, decl.init, depth + 1) : undefined;
          default:
            return undefined;
        }
      }
      case "m": {
        const named = byName(callee.p);
        if (named) return named;
        if (callee.p === "get" && this.envKind(file, callee.o, 0) === "denoEnv") return { sort: "env", index: 0 };
        const base = this.deref(file, callee.o, false, depth + 1);
        if (base?.t === "module") return this.callableOfExport(base.file, callee.p, depth + 1);
        return this.callableOfTarget(this.member(base, callee.p, false, depth + 1), depth + 1);
      }
      case "f": {
        if (this.demanding) this.demandedFunctions.add(`${file}\0${callee.f}`);
        // a function declared under an accessor's name is the accessor, whatever its body does
        const name = this.factsOf(file)!.fns[callee.f]?.name;
        return (name !== undefined ? byName(name) : undefined) ?? this.callables.get(`${file}\0${callee.f}`);
      }
      default:
        return undefined;
    }
  }

  /**
   * The callable a module exports under `name`, checking every name it is passed on under
   * (`export { getSecret as readSecret } from "./secrets.js"` exports the accessor).
   */
  private callableOfExport(file: string, name: string, depth: number): Callable | undefined {
    const facts = this.factsOf(file);
    if (!facts) {
      // parsed on demand: the callee is defined in a module not parsed yet
      if (this.demanding) this.needed.add(file);
      return undefined;
    }
    if (depth > MAX_DEPTH) return undefined;
    const entry = facts.exports.get(name);
    if (entry) {
      if ("v" in entry) return this.callableOf(file, entry.v, depth + 1);
      if ("trimmed" in entry) return undefined; // a secret name, nothing callable
      if (this.accessors.has(entry.imported)) return { sort: "accessor", index: 0 };
      if (this.envAccessors.has(entry.imported)) return { sort: "env", index: 0 };
      return this.callableOfImport(file, entry.from, entry.imported, depth + 1);
    }
    if (facts.commonJs) {
      if (name === "default") return this.callableOf(file, facts.commonJs, depth + 1);
      return this.callableOfTarget(this.member(this.deref(file, facts.commonJs, false, depth + 1), name, false, depth + 1), depth + 1);
    }
    if (name === "default") return undefined;
    for (const star of facts.stars) {
      const target = this.input.resolve(file, star);
      if (target !== undefined && !this.factsOf(target) && this.demanding) {
        // one of many modules a barrel passes on: parsed only if it can export the name
        const names = this.neededIfExporting.get(target) ?? new Set<string>();
        names.add(name);
        this.neededIfExporting.set(target, names);
        continue;
      }
      const found = target === undefined ? undefined : this.callableOfExport(target, name, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  private callableOfImport(file: string, specifier: string, imported: string, depth: number): Callable | undefined {
    if (imported === "*") return undefined;
    const target = this.input.resolve(file, specifier);
    return target === undefined ? undefined : this.callableOfExport(target, imported, depth + 1);
  }

  private callableOfTarget(target: Target | undefined, depth: number): Callable | undefined {
    if (!target) return undefined;
    switch (target.t) {
      case "val":
        return this.callableOf(target.file, target.val, depth);
      case "external":
      case "global": {
        const name = target.t === "global" ? target.name : target.imported;
        if (this.accessors.has(name)) return { sort: "accessor", index: 0 };
        return this.envAccessors.has(name) ? { sort: "env", index: 0 } : undefined;
      }
      default:
        return undefined;
    }
  }

  // ---------------------------------------------------------------- following values

  private factsOf(file: string): FileFacts | undefined {
    return this.input.facts.get(file);
  }

  /**
   * Where a value leads once references, imports, members and constants are followed: a final
   * value (a literal, an object, a function), a module, a global or an external binding. With
   * `forName`, only `const` bindings and frozen objects are followed (a `let` can change), and a
   * module that is not parsed yet is noted as needed.
   */
  private deref(file: string, value: Val, forName: boolean, depth: number): Target | undefined {
    if (depth > MAX_DEPTH) return undefined;
    switch (value.k) {
      case "r": {
        if (value.d < 0) return { t: "global", name: value.n };
        const decl = this.factsOf(file)!.decls[value.d]!;
        if (decl.kind === "import") {
          return this.derefTarget(this.importTarget(file, decl.from!, decl.imported!, forName, depth + 1), forName, depth + 1);
        }
        if (decl.kind === "param" || decl.kind === "other" || decl.assigned || !decl.init) return undefined;
        if (forName && decl.kind !== "const" && decl.kind !== "enum") return undefined;
        return this.deref(file, decl.init, forName, depth + 1);
      }
      case "m":
        return this.derefTarget(this.member(this.deref(file, value.o, forName, depth + 1), value.p, forName, depth + 1), forName, depth + 1);
      case "req":
        if (value.r && value.r.d >= 0) return undefined; // a local function called require
        return this.derefTarget(this.moduleTarget(file, value.s, forName), forName, depth + 1);
      case "this": {
        const instance = this.factsOf(file)!.classes[value.c]?.instance ?? [];
        return { t: "val", file, val: { k: "o", props: instance, spreads: [], frozen: false } };
      }
      case "?":
        return undefined;
      default:
        return { t: "val", file, val: value };
    }
  }

  private derefTarget(target: Target | undefined, forName: boolean, depth: number): Target | undefined {
    return target?.t === "val" ? this.deref(target.file, target.val, forName, depth) : target;
  }

  /** A module as a whole: its namespace, or the value `module.exports` is given. */
  private moduleTarget(file: string, specifier: string, forName: boolean): Target | undefined {
    const target = this.input.resolve(file, specifier);
    if (target === undefined) return { t: "external", from: specifier, imported: "*" };
    const facts = this.factsOf(target);
    if (!facts) {
      if (forName || this.demanding) this.needed.add(target);
      return undefined;
    }
    return facts.commonJs ? { t: "val", file: target, val: facts.commonJs } : { t: "module", file: target };
  }

  /** What an import binds, where it is defined (not followed further). */
  private importTarget(file: string, specifier: string, imported: string, forName: boolean, depth: number): Target | undefined {
    if (imported === "*") return this.moduleTarget(file, specifier, forName);
    const target = this.input.resolve(file, specifier);
    if (target === undefined) return { t: "external", from: specifier, imported };
    if (!this.factsOf(target)) {
      if (forName || this.demanding) this.needed.add(target);
      return undefined;
    }
    return this.exportOf(target, imported, forName, depth + 1);
  }

  /** What a parsed module exports under `name`, where it is defined (not followed further). */
  private exportOf(file: string, name: string, forName: boolean, depth: number): Target | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const facts = this.factsOf(file)!;
    const entry = facts.exports.get(name);
    if (entry) {
      if ("v" in entry) return { t: "val", file, val: entry.v };
      if ("trimmed" in entry) {
        // a name is looked up in what was left out: the file is reduced again, keeping it
        if (forName) this.needed.add(file);
        return undefined;
      }
      return this.importTarget(file, entry.from, entry.imported, forName, depth + 1);
    }
    if (facts.commonJs) {
      if (name === "default") return { t: "val", file, val: facts.commonJs };
      return this.member(this.deref(file, facts.commonJs, forName, depth + 1), name, forName, depth + 1);
    }
    if (name === "default") return undefined;
    for (const star of facts.stars) {
      const target = this.input.resolve(file, star);
      if (target === undefined) continue;
      if (!this.factsOf(target)) {
        if (forName || this.demanding) this.needed.add(target);
        continue;
      }
      const found = this.exportOf(target, name, forName, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  /** The member `key` of a followed value, where it is defined (not followed further). */
  private member(target: Target | undefined, key: string, forName: boolean, depth: number): Target | undefined {
    if (!target || depth > MAX_DEPTH) return undefined;
    if (target.t === "module") return this.exportOf(target.file, key, forName, depth + 1);
    if (target.t === "external") return target.imported === "*" ? { t: "external", from: target.from, imported: key } : undefined;
    if (target.t !== "val" || target.val.k !== "o") return undefined;
    const object = target.val;
    if (forName && !object.frozen) return undefined; // a member of a mutable object can change
    const property = lastProperty(object, key);
    return property ? { t: "val", file: target.file, val: property } : undefined;
  }

  // ---------------------------------------------------------------- names

  /** The string a value is known to hold without running the code. */
  private nameOf(file: string, value: Val): string | undefined {
    if (value.k === "s") return value.v;
    const target = this.deref(file, value, true, 0);
    return target?.t === "val" && target.val.k === "s" ? target.val.v : undefined;
  }

  // ---------------------------------------------------------------- the environment

  private envKind(file: string, value: Val, depth: number): EnvKind | undefined {
    const known = this.envKinds.get(value);
    if (known !== undefined) return known ?? undefined;
    if (depth > MAX_DEPTH) return undefined;
    this.envKinds.set(value, null); // cycle guard
    const kind = this.computeEnvKind(file, value, depth);
    this.envKinds.set(value, kind ?? null);
    return kind;
  }

  private computeEnvKind(file: string, value: Val, depth: number): EnvKind | undefined {
    switch (value.k) {
      case "meta":
        return "importMeta";
      case "r": {
        if (value.d < 0) return GLOBAL_KINDS.get(value.n);
        const decl = this.factsOf(file)!.decls[value.d]!;
        if (decl.kind === "import") {
          return this.envKindOfTarget(this.importTarget(file, decl.from!, decl.imported!, false, depth + 1), depth + 1);
        }
        if ((decl.kind === "const" || decl.kind === "let" || decl.kind === "var") && decl.init && !decl.assigned) {
          return this.envKind(file, decl.init, depth + 1);
        }
        return undefined;
      }
      case "m": {
        const base = this.envKind(file, value.o, depth + 1);
        if (base) return memberKind(base, value.p);
        return this.envKindOfTarget(this.member(this.deref(file, value.o, false, depth + 1), value.p, false, depth + 1), depth + 1);
      }
      case "req":
        if (value.r && value.r.d >= 0) return undefined; // a local function called require
        if (PROCESS_MODULES.has(value.s)) return "process";
        return this.envKindOfTarget(this.moduleTarget(file, value.s, false), depth + 1);
      case "o":
        // a copy of the environment (`{ ...process.env }`) holds its variables
        return value.spreads.some((spread) => this.envKind(file, spread, depth + 1) === "env") ? "env" : undefined;
      case "call": {
        // a function that hands back its argument, given the environment, returns it
        const fn = this.functionOf(file, value.c, depth + 1);
        const returned = fn ? this.factsOf(fn.file)!.fns[fn.fn]?.returns : undefined;
        const argument = returned === undefined ? undefined : value.a[returned];
        return argument ? this.envKind(file, argument, depth + 1) : undefined;
      }
      case "this":
        return undefined;
      default:
        return undefined;
    }
  }

  /** The function a callee is, in its file: a local or imported function, or a member of an object. */
  private functionOf(file: string, callee: Val, depth: number): { file: string; fn: number } | undefined {
    if (depth > MAX_DEPTH) return undefined;
    if (callee.k === "f") return { file, fn: callee.f };
    const target = this.deref(file, callee, false, depth + 1);
    return target?.t === "val" && target.val.k === "f" ? { file: target.file, fn: target.val.f } : undefined;
  }

  private envKindOfTarget(target: Target | undefined, depth: number): EnvKind | undefined {
    if (!target) return undefined;
    switch (target.t) {
      case "val":
        return this.envKind(target.file, target.val, depth);
      case "global":
        return GLOBAL_KINDS.get(target.name);
      case "external":
        if (!PROCESS_MODULES.has(target.from)) return undefined;
        return target.imported === "env" ? "env" : target.imported === "default" || target.imported === "*" ? "process" : undefined;
      default:
        return undefined;
    }
  }

  private emitEnvReads(facts: FileFacts, reads: SecretRead[]): void {
    for (const read of facts.reads) reads.push(this.read(facts, read.name, read.sort, read.pos, read.optional === true));
    for (const access of facts.accesses) {
      if (access.write || access.p === undefined) continue;
      if (this.envKind(facts.file, access.o, 0) !== "env") continue;
      // a copy of the environment with the variable set in the literal holds the literal's value
      if (access.o.k === "o" && lastProperty(access.o, access.p)) continue;
      const copy = this.envCopyOf(facts.file, access.o);
      if (copy && lastProperty(copy, access.p)) continue;
      reads.push(this.read(facts, access.p, "env", access.pos));
    }
  }

  /** The object literal a value is when it is a copy of the environment (`{ ...process.env, X: "1" }`). */
  private envCopyOf(file: string, value: Val): ObjectVal | undefined {
    const target = this.deref(file, value, false, 0);
    return target?.t === "val" && target.val.k === "o" && target.val.spreads.length > 0 ? target.val : undefined;
  }

  // ---------------------------------------------------------------- calls

  private emitCalls(facts: FileFacts, reads: SecretRead[], dynamicCalls: DynamicAccessorCall[]): void {
    const file = facts.file;
    for (const call of facts.dynamicCalls) dynamicCalls.push({ accessor: call.name, position: this.position(facts, call.pos) });
    for (const call of facts.calls) {
      const callable = this.callableOf(file, call.c, 0);
      if (!callable) continue;
      const dynamic = (pos: number): void => {
        // a dynamic name given to an environment accessor is no finding, like process.env[key]
        if (callable.sort === "accessor") dynamicCalls.push({ accessor: call.name, position: this.position(facts, pos) });
      };
      const spread = call.a.findIndex((argument, index) => argument === null && index <= callable.index);
      if (spread >= 0) {
        dynamic(call.argPos[spread]!);
        continue;
      }
      const argument = call.a[callable.index];
      if (argument === undefined) {
        const fallback = this.parameterDefault(callable);
        if (fallback !== undefined) reads.push(this.read(facts, fallback, callable.sort, call.pos));
        else dynamic(call.pos);
        continue;
      }
      if (argument === null) continue; // a spread, reported above
      if (argument.k === "o") continue; // an options object: another API under the same name
      const name = this.nameOf(file, argument);
      if (name !== undefined) {
        const optional = callable.sort === "accessor" && OPTIONAL_ACCESSORS.has(call.name);
        reads.push(this.read(facts, name, callable.sort, call.argPos[callable.index]!, optional));
        continue;
      }
      if (argument.k === "r" && this.isPassedThrough(facts, argument)) continue;
      dynamic(call.argPos[callable.index]!);
    }
  }

  /** The static default of a wrapper's name parameter, when a call leaves the argument out. */
  private parameterDefault(callable: Callable): string | undefined {
    if (!callable.wrapper) return undefined;
    const facts = this.factsOf(callable.wrapper.file)!;
    const parameter = facts.fns[callable.wrapper.fn]?.params[callable.index];
    const decl = parameter === undefined || parameter < 0 ? undefined : facts.decls[parameter];
    return decl?.def ? this.nameOf(callable.wrapper.file, decl.def) : undefined;
  }

  /**
   * A wrapper's (or the accessor's own) parameter passed on: the body of a wrapper, not a dynamic
   * call. A callback's parameter (`names.map((n) => getSecret(n))`) is dynamic.
   */
  private isPassedThrough(facts: FileFacts, argument: Ref): boolean {
    if (argument.d < 0) return false;
    const decl = facts.decls[argument.d]!;
    if (decl.kind !== "param" || decl.fn === undefined) return false;
    if (this.callables.has(`${facts.file}\0${decl.fn}`)) return true;
    const fn = facts.fns[decl.fn];
    return fn !== undefined && fn.bound && fn.name !== undefined && (this.accessors.has(fn.name) || this.envAccessors.has(fn.name));
  }

  private read(facts: FileFacts, name: string, sort: ReadSort, pos: number, optionalCall = false): SecretRead {
    // the read is a presence check of the name, or runs only after one (see FinalGuard)
    const guarded = facts.guards?.some((guard) => guard.name === name && (guard.test === pos || (guard.from <= pos && pos < guard.to))) ?? false;
    return {
      name,
      kind: sort,
      position: this.position(facts, pos),
      // a public-by-design browser key (NEXT_PUBLIC_SEGMENT_WRITE_KEY) is configuration, as for the plugin
      secretLike: sort === "accessor" || isSecretEnvName(name, { classify: this.input.settings.classify }),
      ...(optionalCall || guarded ? { optional: true as const } : {}),
    };
  }

  private position(facts: FileFacts, pos: number): { file: string; line: number; column: number } {
    return { file: facts.file, ...unpackPosition(pos) };
  }

  // ---------------------------------------------------------------- what importers need

  /**
   * Whether a parsed file exports something that changes what an importer reads: a wrapper or an
   * environment accessor, the environment (or `process`) itself, or an object holding one of those.
   */
  /** The exports of a parsed file that matter to an importer (see LinkOutput.interesting). */
  private namesThatMatter(file: string, seen: Set<string> = new Set()): ReadonlySet<string> | "all" {
    seen.add(file);
    const facts = this.factsOf(file)!;
    const names = new Set<string>();
    for (const name of facts.exports.keys()) {
      if (!this.targetMatters(this.exportOf(file, name, false, 0), 0, new Set([file]))) continue;
      if (name === "default") return "all";
      names.add(name);
    }
    if (facts.commonJs && this.targetMatters({ t: "val", file, val: facts.commonJs }, 0, new Set([file]))) return "all";
    for (const star of facts.stars) {
      const target = this.input.resolve(file, star);
      if (target === undefined || !this.factsOf(target) || seen.has(target)) continue;
      const passed = this.namesThatMatter(target, seen);
      if (passed === "all") return "all";
      for (const name of passed) if (name !== "default") names.add(name);
    }
    return names;
  }

  private exportsMatter(file: string, depth: number, seen: Set<string>): boolean {
    if (seen.has(file) || depth > 4) return false;
    seen.add(file);
    const facts = this.factsOf(file);
    if (!facts) return false;
    for (const name of facts.exports.keys()) {
      if (this.targetMatters(this.exportOf(file, name, false, 0), depth, seen)) return true;
    }
    if (facts.commonJs && this.targetMatters({ t: "val", file, val: facts.commonJs }, depth, seen)) return true;
    for (const star of facts.stars) {
      const target = this.input.resolve(file, star);
      if (target !== undefined && this.exportsMatter(target, depth + 1, seen)) return true;
    }
    return false;
  }

  private targetMatters(target: Target | undefined, depth: number, seen: Set<string>): boolean {
    if (!target || depth > 4) return false;
    if (target.t === "val") {
      if (this.envKind(target.file, target.val, 0) !== undefined || this.callableOf(target.file, target.val, 0) !== undefined) return true;
    } else if (this.callableOfTarget(target, 0) !== undefined || this.envKindOfTarget(target, 0) !== undefined) {
      return true;
    }
    const final = this.derefTarget(target, false, 0);
    if (final?.t === "module") return this.exportsMatter(final.file, depth + 1, seen);
    if (final?.t === "val" && final.val.k === "o") {
      for (const [, property] of final.val.props) {
        if (this.targetMatters({ t: "val", file: final.file, val: property }, depth + 1, seen)) return true;
      }
    }
    return false;
  }
}

function lastProperty(object: ObjectVal, key: string): Val | undefined {
  for (let index = object.props.length - 1; index >= 0; index--) {
    const [name, value] = object.props[index]!;
    if (name === key) return value;
  }
  return undefined;
}
