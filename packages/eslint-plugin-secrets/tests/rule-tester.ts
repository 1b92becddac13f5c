/**
 * RuleTester on vitest, twice over: once with typescript-eslint's parser and once with
 * ESLint's default parser (espree) on plain JavaScript, so every rule is proven on both.
 */
import { RuleTester, type InvalidTestCase, type ValidTestCase } from "@typescript-eslint/rule-tester";
import type { TSESLint } from "@typescript-eslint/utils";
import * as espree from "espree";
import { afterAll, describe, it } from "vitest";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

type Options = readonly unknown[];

export interface Cases<MessageIds extends string, RuleOptions extends Options> {
  /** Cases in the common subset of JavaScript and TypeScript: run under both parsers. */
  valid?: (ValidTestCase<RuleOptions> | string)[];
  invalid?: InvalidTestCase<MessageIds, RuleOptions>[];
  /** Cases that use TypeScript syntax: run under typescript-eslint's parser only. */
  validTs?: (ValidTestCase<RuleOptions> | string)[];
  invalidTs?: InvalidTestCase<MessageIds, RuleOptions>[];
}

const tsTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaVersion: "latest", sourceType: "module" } },
});

const jsTester = new RuleTester({
  languageOptions: {
    parser: espree as unknown as TSESLint.FlatConfig.Parser,
    ecmaVersion: "latest",
    sourceType: "module",
  },
});

/** Runs the cases with both parsers (the `*Ts` cases with typescript-eslint's parser only). */
export function runRuleTests<MessageIds extends string, RuleOptions extends Options>(
  name: string,
  rule: TSESLint.RuleModule<MessageIds, RuleOptions>,
  cases: Cases<MessageIds, RuleOptions>,
): void {
  describe("typescript-eslint parser", () => {
    tsTester.run(name, rule, {
      valid: [...(cases.valid ?? []), ...(cases.validTs ?? [])],
      invalid: [...(cases.invalid ?? []), ...(cases.invalidTs ?? [])],
    });
  });
  if ((cases.valid?.length ?? 0) + (cases.invalid?.length ?? 0) === 0) return;
  describe("espree (ESLint's default parser)", () => {
    jsTester.run(name, rule, { valid: cases.valid ?? [], invalid: cases.invalid ?? [] });
  });
}
