/**
 * No value reaches a log, a serialisation or an error message: the contract's "secrets are
 * never logged" (002 §9, 003 AC12), proven on canary values.
 */
import { Console } from "node:console";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { format, inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createAsyncSecrets, createSecrets, REDACTED, type SecretBackend } from "../src/index.js";

const value = ["canary", "redaction", Math.random().toString(36).slice(2)].join("-");

function captureConsole(run: (console: Console) => void): string {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  run(new Console({ stdout: stream, stderr: stream }));
  return Buffer.concat(chunks).toString("utf8");
}

describe("a Secret never shows its value by accident", () => {
  const secret = createSecrets({ env: { API_KEY: value } }).getSecret("API_KEY");

  it("console.log, console.error, util.inspect and util.format show [redacted]", () => {
    const output = captureConsole((console) => {
      console.log(secret);
      console.log("key:", secret, { nested: { secret } }, [secret]);
      console.error(`template ${secret}`);
      console.log("%s %o %O %j", secret, secret, secret, { secret });
    });
    expect(output).not.toContain(value);
    expect(output).toContain(REDACTED);
    expect(inspect(secret, { depth: 10, showHidden: true })).not.toContain(value);
    expect(format("%s", secret)).toBe(REDACTED);
  });

  it("JSON.stringify, String(), template literals and concatenation show [redacted]", () => {
    expect(JSON.stringify({ secret })).toBe(`{"secret":"${REDACTED}"}`);
    expect(String(secret)).toBe(REDACTED);
    expect(`Bearer ${secret}`).toBe(`Bearer ${REDACTED}`);
    expect("Bearer " + secret).toBe(`Bearer ${REDACTED}`);
    expect(Object.keys(secret)).not.toContain("value");
    expect(JSON.stringify(Object.entries(secret))).not.toContain(value);
  });

  it("an Error built from it does not carry the value", () => {
    const error = new Error(`could not connect with ${secret}`);
    expect(error.message).not.toContain(value);
    expect(inspect(error)).not.toContain(value);
  });
});

describe("errors and statuses never carry a value", () => {
  it("a missing secret's error names sources only, even when other secrets are set", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "secrets-redaction-"));
    writeFileSync(path.join(dir, "OTHER"), value);
    const secrets = createSecrets({ secretsDir: dir, env: { OTHER_KEY: value, MISSING_FILE: path.join(dir, "OTHER") } });
    expect(() => secrets.getSecret("NOT_THERE")).toThrow(/NOT_THERE/);
    let message = "";
    try {
      secrets.validateSecrets({ required: ["NOT_THERE", "ALSO_MISSING"], optional: ["OTHER_KEY"] });
    } catch (error) {
      message = `${(error as Error).message}\n${inspect(error)}`;
    }
    expect(message).toContain("NOT_THERE");
    expect(message).not.toContain(value);
    const status = secrets.validateSecrets({ optional: ["OTHER_KEY", "MISSING"] });
    expect(JSON.stringify(status)).not.toContain(value);
    expect(status).toEqual({ OTHER_KEY: "present", MISSING: "present" });
  });

  it("a failing backend's own message (which may quote what it received) is not repeated", async () => {
    const leaky: SecretBackend = {
      describe: () => "leaky backend",
      get: async () => {
        throw new Error(`upstream said: ${value}`);
      },
    };
    const secrets = createAsyncSecrets({ backends: [leaky] });
    await expect(secrets.getSecret("X")).rejects.toThrow("leaky backend (failed (Error))");
    await expect(secrets.getSecret("X")).rejects.not.toThrow(value);
  });
});
