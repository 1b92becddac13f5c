/**
 * Plain data passed between the scanner's stages: discovery → readers (code, compose, env
 * examples) → checks → reporters. No stage holds another's objects (no ts-morph nodes, no YAML
 * documents) past its own boundary, so each can be tested on its own and the checks are pure.
 */
import type { SecretValueReason } from "@secrets-suite/core";

/** A place in a file. `file` is a POSIX path relative to the scan root; line and column are 1-based. */
export interface Position {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** A problem with an input file that did not stop the scan. */
export interface InputProblem {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** One line, naming the problem; never a value read from the file. */
  readonly message: string;
  /**
   * The scanner failed on the file: a bug of ours, not a problem of the file. Reported as
   * `internal-error`, never as `parse-error`.
   */
  readonly internal?: boolean;
}

/**
 * Told of every text a reader reads, as it reads it: what needs the texts of all files (suppression
 * comments) gets them in the same pass, and no file is read twice.
 */
export type TextObserver = (file: string, text: string) => void;

// ---------------------------------------------------------------- discovery

export interface DiscoveredFiles {
  /** Absolute path of the scan root. */
  readonly root: string;
  /** Every file the walk found, of any kind (relative POSIX paths), sorted: what `audit` searches outside git. */
  readonly all: readonly string[];
  /** Code files (relative POSIX paths), sorted. */
  readonly code: readonly string[];
  /** Compose files found by name or configured glob (relative POSIX paths), sorted. */
  readonly compose: readonly string[];
  /** Env example files (relative POSIX paths), sorted. */
  readonly envExamples: readonly string[];
  readonly problems: readonly InputProblem[];
}

// ---------------------------------------------------------------- code

export type ReadKind =
  /** `getSecret("X")` and its aliases and wrappers */
  | "accessor"
  /** `process.env.X`, `import.meta.env.X` and the other bare forms */
  | "env";

export interface SecretRead {
  readonly name: string;
  readonly kind: ReadKind;
  readonly position: Position;
  /** Whether the shared classifier calls the name a secret. Accessor reads are secrets by definition. */
  readonly secretLike: boolean;
  /**
   * The code does without the name when it is missing: the read is a presence check of it
   * (`hasSecret("X")`, `if (process.env.X)`), runs only after one, or is `getOptionalSecret("X")`.
   */
  readonly optional?: true;
}

/** An accessor call whose name could not be resolved statically. */
export interface DynamicAccessorCall {
  readonly accessor: string;
  readonly position: Position;
}

export interface CodeFacts {
  readonly reads: readonly SecretRead[];
  readonly dynamicCalls: readonly DynamicAccessorCall[];
  /** For each readable code file, the code files it imports (relative imports and workspace packages). */
  readonly imports: ReadonlyMap<string, readonly string[]>;
  /** Number of code files considered (after the cheap text test, parsed or not). */
  readonly filesScanned: number;
  readonly problems: readonly InputProblem[];
}

// ---------------------------------------------------------------- compose

export interface ComposeSecretDeclaration {
  readonly name: string;
  readonly position: Position;
  /** How compose provides it: `file`, `environment`, `external`; `name` is the platform name. */
  readonly file?: string;
  readonly environment?: string;
  readonly external?: boolean;
  readonly platformName?: string;
}

export interface ComposeNamedEntry {
  readonly name: string;
  readonly position: Position;
}

/** A secret granted to a service: `- NAME`, or `- source: NAME` in the long syntax. */
export interface ComposeSecretGrant extends ComposeNamedEntry {
  /**
   * Where the long syntax's `target:` mounts the secret's file in the container, as an absolute
   * path (`target: pg_pw` is `/run/secrets/pg_pw`). Absent without `target:`: the file is then
   * `/run/secrets/<name>`.
   */
  readonly target?: string;
}

/** A variable set in a service's `environment:`. */
export interface ComposeEnvironmentEntry extends ComposeNamedEntry {
  /**
   * The value, only when it is the path of a secret's file, under `/run/secrets/`
   * (`POSTGRES_PASSWORD_FILE: /run/secrets/db_password`). No other value is ever kept.
   */
  readonly secretFile?: string;
  /**
   * What kind of value the variable is given, never the value itself: `literal` (written in the
   * file), `interpolated` (holds a `${VAR}` or `$VAR`), `secret-file` (a `/run/secrets/` path),
   * `empty` (`KEY=` or `KEY: ""`) or `passed-through` (`KEY` or `KEY:` alone: the value comes
   * from the shell that runs compose). For `audit`'s `secret-in-compose-environment`.
   */
  readonly valueKind: ComposeValueKind;
  /**
   * For a `literal` value, core's verdict on it with the variable's name: `credential` (also a URL
   * with an inline password), else why it is not one (`url`, `path`, `placeholder-word`…).
   */
  readonly literalVerdict?: SecretValueReason;
}

export type ComposeValueKind = "literal" | "interpolated" | "secret-file" | "empty" | "passed-through";

/** A variable compose interpolates, or a top-level secret's `environment:` names. */
export interface ComposeVariableReference extends ComposeNamedEntry {
  /**
   * The interpolation gives a default when the variable is unset (`${X:-default}`, `${X-default}`),
   * so a missing value goes unnoticed. The default itself is never kept.
   */
  readonly defaulted?: boolean;
}

export interface ComposeService {
  readonly name: string;
  readonly position: Position;
  /** Build context directory, relative POSIX path from the scan root ("." for the root), if any. */
  readonly buildContext?: string;
  /** Secrets granted to the service (`source` for the long syntax). */
  readonly secrets: readonly ComposeSecretGrant[];
  /** Variable names set in `environment:` (list or map form). */
  readonly environment: readonly ComposeEnvironmentEntry[];
  /** `env_file:` paths, relative POSIX paths from the scan root. */
  readonly envFiles: readonly ComposeNamedEntry[];
}

export interface ComposeFacts {
  /** Compose files that were read, including those pulled in by `include:`. */
  readonly files: readonly string[];
  readonly secrets: readonly ComposeSecretDeclaration[];
  readonly services: readonly ComposeService[];
  /** Variable names referenced by interpolation (`${X}`) or `environment:` of a top-level secret. */
  readonly referencedVariables: readonly ComposeVariableReference[];
  readonly problems: readonly InputProblem[];
}

// ---------------------------------------------------------------- env examples

/** A key an env example defines. */
export interface EnvExampleKey extends ComposeNamedEntry {
  /**
   * Core's verdict on the key's value (`classifySecretValue` with the key's name): `credential`
   * when it could work as one, else why not (`empty`, `fill-in`, `placeholder-word`, `url`…).
   * The value itself is never kept. For `audit`'s `env-example-real-value`.
   */
  readonly value: SecretValueReason;
}

export interface EnvExampleFacts {
  readonly files: readonly string[];
  readonly keys: readonly EnvExampleKey[];
  /**
   * Keys documented in a comment, `# SMTP_PASSWORD=` or `# KEY=value`: the common way to list an
   * optional variable. They define nothing (dotenv skips comments), but they tell a reader the key
   * exists, so a read of one is documented (no `undeclared-in-env-example`).
   */
  readonly commentedKeys: readonly ComposeNamedEntry[];
  readonly problems: readonly InputProblem[];
}

// ---------------------------------------------------------------- findings

export type RuleId =
  | "undeclared-in-compose"
  | "undeclared-in-env-example"
  | "unused-compose-secret"
  | "unused-env-example-key"
  | "name-mismatch"
  | "service-not-granted"
  | "granted-but-unused"
  | "dynamic-secret-name"
  | "parse-error"
  | "internal-error"
  | AuditRuleId;

/** The checks only `audit` runs (docs/scanner/audit.md). */
export type AuditRuleId =
  | "bare-env-secret"
  | "secret-fallback"
  | "hardcoded-secret"
  | "secret-in-compose-environment"
  | "compose-secret-fallback"
  | "committed-secret-file"
  | "gitignore-missing-pattern"
  | "env-example-real-value";

/** The checks a configuration can set the severity of: all but `internal-error`, a bug of ours. */
export type ConfigurableRuleId = Exclude<RuleId, "internal-error">;

export type Severity = "error" | "warning";

export interface Finding {
  readonly ruleId: RuleId;
  readonly severity: Severity;
  /** Names the secret and what to do; never contains a value read from a file. */
  readonly message: string;
  /** The secret the finding is about (absent for parse errors). */
  readonly secret?: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The name to use instead, for `name-mismatch`. */
  readonly suggestion?: string;
  /**
   * For `undeclared-in-compose` (a read) and `service-not-granted`: the compose services whose code
   * makes this read and whose `secrets:` lacks the secret, the grants `fix --compose` adds.
   */
  readonly services?: readonly string[];
}
