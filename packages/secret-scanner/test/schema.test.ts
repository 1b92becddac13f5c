import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configSchema } from "../src/config/schema.js";

describe("the published JSON schema", () => {
  it("is the schema the loader validates with (run `pnpm --filter @secrets-suite/secret-scanner run schema` after changing it)", () => {
    const published = JSON.parse(readFileSync(new URL("../schema.json", import.meta.url), "utf8")) as unknown;
    expect(published).toEqual(JSON.parse(JSON.stringify(configSchema)));
  });
});
