/**
 * Errors that tell an operator what is missing and where to put it, and never contain a value.
 */

/** One place the accessor looked, and what it found there (never the value). */
export interface SourceReport {
  /** E.g. `file /run/secrets/DB_PASSWORD`, `environment variable DB_PASSWORD`. */
  readonly source: string;
  /** E.g. `not found`, `empty`, `not set`, `cannot be read (EACCES)`. */
  readonly outcome: string;
}

export class SecretNotFoundError extends Error {
  override readonly name = "SecretNotFoundError";
  readonly secretName: string;
  readonly looked: readonly SourceReport[];

  constructor(secretName: string, looked: readonly SourceReport[], howToProvide: string) {
    const where = looked.map((report) => `${report.source} (${report.outcome})`).join("; ");
    super(`Required secret ${secretName} is missing. Looked in: ${where}. ${howToProvide}`);
    this.secretName = secretName;
    this.looked = looked;
  }
}

export class SecretValidationError extends Error {
  override readonly name = "SecretValidationError";
  /** Every required secret that is missing, in the order they were listed. */
  readonly missing: readonly string[];
  readonly errors: readonly SecretNotFoundError[];

  constructor(errors: readonly SecretNotFoundError[]) {
    const names = errors.map((error) => error.secretName);
    super(
      `${names.length} required secret${names.length === 1 ? " is" : "s are"} missing: ${names.join(", ")}.\n` +
        errors.map((error) => `- ${error.message}`).join("\n"),
    );
    this.missing = names;
    this.errors = errors;
  }
}

export class SecretConfigurationError extends Error {
  override readonly name = "SecretConfigurationError";
}
