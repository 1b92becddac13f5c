/**
 * A validator of the official SARIF 2.1.0 schema (vendored in schemas/, see its README). The
 * schema is draft-04, which Ajv compiles with its draft-04 class; ajv-formats checks `uri`,
 * `uri-reference` and `date-time`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import type { ErrorObject } from "ajv";

// CommonJS modules: under NodeNext their classes are the `default` of the default import
const ajv = new AjvDraft04.default({ allErrors: true });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(path.join(import.meta.dirname, "schemas/sarif-2.1.0.json"), "utf8")) as object);

/** The schema's complaints about a SARIF log: none for a valid one. */
export function sarifSchemaErrors(log: unknown): ErrorObject[] {
  return validate(log) ? [] : [...(validate.errors ?? [])];
}
