/**
 * What one code file tells about secrets and the environment, as plain data: the output of the
 * extraction pass (extract.ts, one walk over one file's syntax tree) and the input of the linking
 * pass (link.ts, which resolves across files). Nothing here refers to a syntax tree, so a file's
 * tree is dropped as soon as its facts exist, and facts cross threads as they are.
 *
 * Names are resolved within the file by its own lexical scopes when the facts are made: a `Ref`
 * says which declaration of the file an identifier refers to, or that it refers to none (a
 * global). Nothing another file declares can change that.
 */

/** A value as far as it can be known without running the code. */
export type Val =
  /** A string literal or a template literal without substitutions. */
  | { readonly k: "s"; readonly v: string }
  /** An identifier: `d` is the index of the file's declaration it refers to, or -1 for a global. */
  | Ref
  /** `o.p`, `o["p"]`. */
  | { readonly k: "m"; readonly o: Val; readonly p: string }
  /** `import.meta`. */
  | { readonly k: "meta" }
  /**
   * `require("s")` (`r` is the `require` identifier, resolved like any other: a local function
   * called require is not Node's) or `await import("s")` (no `r`).
   */
  | { readonly k: "req"; readonly s: string; readonly r?: Ref }
  /** An object literal, or a class's static side. */
  | ObjectVal
  /** A function literal or declaration: the index of its entry in `FileFacts.fns`. */
  | { readonly k: "f"; readonly f: number }
  /**
   * A call whose result may be one of its arguments (`withFileSecrets(process.env)`): the
   * callee, and the arguments (`null` for a spread).
   */
  | { readonly k: "call"; readonly c: Val; readonly a: ReadonlyArray<Val | null> }
  /** `this` inside a class member: the index of the class in `FileFacts.classes`. */
  | { readonly k: "this"; readonly c: number }
  /** Anything else. */
  | { readonly k: "?" };

export interface Ref {
  readonly k: "r";
  readonly n: string;
  /** Resolved after the file's walk: hoisted declarations are known only then. */
  d: number;
}

export interface ObjectVal {
  readonly k: "o";
  /** Properties with a static key, in source order (the last one of a key wins, as at run time). */
  readonly props: ReadonlyArray<readonly [key: string, value: Val]>;
  /** `...x` entries: an object spread from the environment is a copy of it. */
  readonly spreads: readonly Val[];
  /** `as const`, `Object.freeze(…)`, or inside such a literal: its values cannot change. */
  readonly frozen: boolean;
}

export type DeclKind = "const" | "let" | "var" | "param" | "function" | "class" | "import" | "enum" | "other";

export interface Decl {
  readonly n: string;
  readonly kind: DeclKind;
  /**
   * The value a binding starts with: a variable's initialiser (for a destructured binding, the
   * member of the initialiser it takes), a function's `f`, a class's static side, an enum's
   * members as a frozen object.
   */
  readonly init?: Val;
  /** Imports: the module specifier and the name taken (`default`, `*` for the whole module). */
  readonly from?: string;
  readonly imported?: string;
  /** Parameters: the function, the position (after any `this` parameter), rest, default value. */
  readonly fn?: number;
  readonly index?: number;
  readonly rest?: boolean;
  readonly def?: Val;
  /** Written after its declaration (`x = …`, `x++`, a destructuring assignment). */
  assigned?: boolean;
}

export interface Fn {
  /** The name it is bound to (`function f`, `const f = () => …`, a method), if any. */
  readonly name: string | undefined;
  /**
   * Bound to a name or a property (so callers elsewhere can call it), as opposed to a callback or
   * an immediately invoked function: only a bound function can wrap an accessor.
   */
  readonly bound: boolean;
  /** Declaration index of each parameter (after `this`), -1 for a destructured one. */
  readonly params: readonly number[];
  /**
   * The parameter every `return` hands back (itself, or wrapped: `new Proxy(p, …)`,
   * `Object.freeze(p)`, `{ ...p }`), so that a call returns that argument: a function that wraps
   * the environment returns the environment.
   */
  readonly returns?: number;
}

export interface ClassFacts {
  /** Instance properties with an initialiser, and `this.x = …` in the constructor. */
  readonly instance: ReadonlyArray<readonly [key: string, value: Val]>;
}

/** A member read: `o.p`, `o["p"]`, or `{ p } = o` (destructuring). */
export interface Access {
  readonly o: Val;
  /** The static key, or undefined when the key is computed (then `key` is what it is). */
  readonly p: string | undefined;
  /** For a computed key that is a plain identifier: `process.env[name]`. */
  readonly key?: Ref;
  /** Where the key is (the name, the bracketed argument, the destructured property): packPosition. */
  readonly pos: number;
  /** The target of `=` or `delete`: a write, not a read. */
  readonly write?: true;
}

export interface Call {
  readonly c: Val;
  /** The arguments; `null` for a spread argument. */
  readonly a: ReadonlyArray<Val | null>;
  /** Where the call is, and each argument: packPosition. */
  readonly pos: number;
  readonly argPos: readonly number[];
  /** The name the call is made by, for messages: `getSecret` in `secrets.getSecret(…)`. */
  readonly name: string;
}

/**
 * What a file exports under a name: a value of its own, or a binding of another module; or
 * `trimmed`: a value that can only be a secret name (a string, a frozen object of strings), left
 * out until a name is looked up in it (the file is then reduced again, keeping it).
 */
export type ExportTarget = { readonly v: Val } | { readonly from: string; readonly imported: string } | { readonly trimmed: true };

/** Globals an environment read can start from. */
export const ENV_GLOBALS: ReadonlySet<string> = new Set(["process", "globalThis", "global", "window", "self", "Bun", "Deno"]);

/** The runtime's presence check: `hasSecret("X")` tells whether the secret `X` is available. */
export const PRESENCE_FUNCTIONS: ReadonlySet<string> = new Set(["hasSecret"]);

/** Accessors that return nothing (instead of throwing) when the secret is missing. */
export const OPTIONAL_ACCESSORS: ReadonlySet<string> = new Set(["getOptionalSecret"]);

/** A read decided within the file (`getSecret("X")`, `process.env.X`): nothing can change it. */
export interface FinalRead {
  readonly name: string;
  readonly sort: "accessor" | "env";
  /** packPosition */
  readonly pos: number;
  /** A call of an optional accessor (`getOptionalSecret("X")`): the code does without the secret when it is missing. */
  readonly optional?: true;
}

/**
 * A presence check, as plain data: `if (hasSecret("X")) { … }`, `if (process.env.X) { … }`,
 * `process.env.X ? … : …`, `hasSecret("X") && …`. The code from `from` to `to` (the then-branch,
 * the true branch, the right operand) runs only when `X` is present; `test` is where the check
 * names `X`. Positions are packPosition; `to` is just past the region's end.
 */
export interface FinalGuard {
  readonly name: string;
  readonly test: number;
  readonly from: number;
  readonly to: number;
}

/** An accessor call with no static name, decided within the file. */
export interface FinalDynamicCall {
  /** The name the call is made by. */
  readonly name: string;
  readonly pos: number;
}

export interface FileFacts {
  readonly file: string;
  readonly reads: readonly FinalRead[];
  readonly dynamicCalls: readonly FinalDynamicCall[];
  /** The file's presence checks, in source order; absent when it has none. */
  readonly guards?: readonly FinalGuard[];
  readonly decls: readonly Decl[];
  readonly fns: readonly Fn[];
  readonly classes: readonly ClassFacts[];
  readonly calls: readonly Call[];
  readonly accesses: readonly Access[];
  readonly exports: ReadonlyMap<string, ExportTarget>;
  /** `export * from "…"`. */
  readonly stars: readonly string[];
  /** `module.exports = …` or `export = …`: what `require` of the file returns. */
  readonly commonJs?: Val;
  /** Some exports were trimmed (see ExportTarget). */
  readonly trimmed?: true;
}

/**
 * A line and a column in one number (facts keep many positions and use few): a file is at most
 * 2 MB, so a column fits in 21 bits, and the product stays far below 2^53.
 */
const COLUMN_BITS = 2 ** 21;

export function packPosition(line: number, column: number): number {
  return line * COLUMN_BITS + column;
}

export function unpackPosition(packed: number): { line: number; column: number } {
  return { line: Math.floor(packed / COLUMN_BITS), column: packed % COLUMN_BITS };
}

export const UNKNOWN: Val = { k: "?" };
