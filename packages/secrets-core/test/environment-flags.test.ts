/**
 * Table of the names that make a condition an environment test. The flags come from how projects
 * spell them: Next.js custom servers (`const dev = process.env.NODE_ENV !== "production"`), React
 * Native and Metro (`__DEV__`), Vite (`import.meta.env.DEV`, `mode`), Express (`app.get("env")`),
 * NestJS and Serverless (`stage`), and the `isProd` / `IS_PRODUCTION` of config modules.
 */
import { describe, expect, it } from "vitest";
import { isEnvironmentComparison, isEnvironmentFlagName, isEnvironmentSelectorName } from "../src/environment-flags.js";

describe("isEnvironmentFlagName", () => {
  it.each([
    "isProd", "isProduction", "IS_PRODUCTION", "IS_PROD", "isDev", "isDevelopment", "__DEV__", "DEV", "PROD", "dev",
    "production", "inProduction", "isNotProduction", "isLocal", "isTest", "isTestEnv", "isDevMode", "devMode",
    "IS_PRODUCTION_BUILD", "isDevOrTest", "isStaging", "CI", "isCi", "isPreview",
  ])("%s is a flag of the environment", (name) => {
    expect(isEnvironmentFlagName(name)).toBe(true);
  });

  it.each([
    "isDevice", "devKey", "testUser", "isTestnet", "productionUrl", "isEnabled", "debug", "isDebug", "env", "mode",
    "isOr", "isDevOr", "is", "isAdmin", "localStorage", "useMock", "",
  ])("%s is not", (name) => {
    expect(isEnvironmentFlagName(name)).toBe(false);
  });
});

describe("isEnvironmentSelectorName", () => {
  it.each(["NODE_ENV", "APP_ENV", "VERCEL_ENV", "env", "environment", "mode", "stage", "RAILS_ENV"])("%s holds the environment's name", (name) => {
    expect(isEnvironmentSelectorName(name)).toBe(true);
  });

  it.each(["type", "kind", "target", "ENV_FILE", "envPath", ""])("%s does not", (name) => {
    expect(isEnvironmentSelectorName(name)).toBe(false);
  });
});

describe("isEnvironmentComparison", () => {
  it.each<[string, string | undefined]>([
    ["production", "NODE_ENV"],
    ["production", undefined],
    ["production", "target"],
    ["development", "mode"],
    ["test", "NODE_ENV"],
    ["dev", "stage"],
    ["local", "APP_ENV"],
    ["Production", "env"],
  ])('"%s" compared with %s is an environment test', (value, selector) => {
    expect(isEnvironmentComparison(value, selector)).toBe(true);
  });

  it.each<[string, string | undefined]>([
    ["test", "type"],
    ["test", undefined],
    ["local", "storage"],
    ["admin", "NODE_ENV"],
    ["", "NODE_ENV"],
  ])('"%s" compared with %s is not', (value, selector) => {
    expect(isEnvironmentComparison(value, selector)).toBe(false);
  });
});
