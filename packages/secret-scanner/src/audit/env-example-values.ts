/**
 * `env-example-real-value`: an env example gives a secret-like key a value that could work
 * (contract 002 §4.2: placeholders must be clearly non-functional). Pure: the env example reader
 * keeps, for each key, core's verdict on its value (`classifySecretValue`), never the value.
 */
import type { EnvExampleFacts } from "../model.js";
import type { AuditHit } from "./compose-checks.js";

export function realEnvExampleValues(envExamples: EnvExampleFacts, isSecretName: (name: string) => boolean): AuditHit[] {
  return envExamples.keys
    .filter((key) => key.value === "credential" && isSecretName(key.name))
    .map((key) => ({
      position: key.position,
      secret: key.name,
      message: `Secret '${key.name}' has a value in the env example that could be a real one. An example holds placeholders only: write '${key.name}=' or an obvious stand-in such as '<your ${key.name.toLowerCase().replace(/_/g, " ")}>', and if the value is real, rotate it.`,
    }));
}
