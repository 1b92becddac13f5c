/**
 * The default env example names: the names public repositories give their committed example of
 * the environment, and never a file that holds real values.
 */
import { describe, expect, it } from "vitest";
import { isEnvExampleName } from "../src/discovery/env-example-names.js";
import { commentKindForFile } from "../src/suppressions.js";

/** Names of env examples, each one held by hundreds to thousands of public repositories. */
const EXAMPLES = [
  ".env.example",
  ".env.sample",
  ".env.template",
  ".env.dist",
  "env.example",
  "env.sample",
  "env.template",
  "example.env",
  "sample.env",
  ".example.env",
  ".sample.env",
  ".env-example",
  ".env_example",
  // the example of another file of the same family
  ".env.local.example",
  ".env.local.sample",
  ".env.development.example",
  ".env.production.example",
  ".env.test.example",
  ".env.docker.example",
  ".env.example.local",
  ".env.example.production",
  // *.env.example: one service's example
  "api.env.example",
  "worker.env.sample",
  "api.example.env",
  // names are compared in lower case
  ".env.EXAMPLE",
  "Example.env",
];

/** Files that hold real values, and other files whose names come close. */
const NOT_EXAMPLES = [
  ".env",
  ".env.local",
  ".env.test",
  ".env.development",
  ".env.production",
  ".env.development.local",
  ".env.production.local",
  ".env.defaults",
  ".env.vault",
  ".env.keys",
  ".envrc",
  "dev.env",
  "api.env",
  "dist.env",
  ".env.examples",
  // another format, or a stale copy
  ".env.example.json",
  "env.json.example",
  ".env.example.yml",
  "env.sh.example",
  ".env.example.ts",
  "env.example.md",
  ".env.example.bak",
  ".env.example.old",
  // no env in the name
  "example",
  "config.example",
  "environment.example",
  "settings.sample",
  ".env..example",
];

describe("isEnvExampleName", () => {
  it.each(EXAMPLES)("%s is an env example", (name) => {
    expect(isEnvExampleName(name)).toBe(true);
  });

  it.each(NOT_EXAMPLES)("%s is not an env example", (name) => {
    expect(isEnvExampleName(name)).toBe(false);
  });

  it("every env example takes # suppression comments", () => {
    expect(EXAMPLES.filter((name) => commentKindForFile(`apps/web/${name}`) !== "hash")).toEqual([]);
  });
});
