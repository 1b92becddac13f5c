/**
 * A secret value that does not leak by accident: printing, logging, serialising or
 * interpolating it shows `[redacted]`. Only `.reveal()` gives the string.
 */
import { inspect } from "node:util";

export const REDACTED = "[redacted]";

export class Secret {
  readonly #value: string;
  /** The name the secret was read by (not secret itself); shown by `util.inspect`. */
  readonly name: string;

  constructor(name: string, value: string) {
    this.name = name;
    this.#value = value;
  }

  /** The secret value. Call it where the value is used (a client, a header), nowhere else. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.toPrimitive](): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `Secret(${this.name}) ${REDACTED}`;
  }
}
