import { AST_NODE_TYPES } from "@typescript-eslint/utils";
import { calleeName } from "../util/ast.js";
import { createAccessorMatcher } from "../util/accessor-calls.js";
import { createRule } from "../util/create-rule.js";
import { mentionsAccessor } from "../util/mentions.js";
import { getSecretsSettings, isInAccessorFile } from "../util/settings.js";
import { resolveStaticName } from "../util/static-name.js";

export const DEFAULT_NAME_PATTERN = "^[A-Z][A-Z0-9_]*$";

export type Options = [
  {
    /** Regular expression every secret name must match. */
    pattern?: string;
    /** Accept identifiers imported from another module (the scanner resolves them across files). */
    allowImportedNames?: boolean;
  },
];

export type MessageIds = "missingName" | "dynamicName" | "importedName" | "badName";

export default createRule<Options, MessageIds>({
  name: "literal-secret-name",
  meta: {
    type: "problem",
    docs: {
      description: "Require the secret name passed to the accessor to be statically known and well-formed",
      recommended: true,
    },
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          pattern: {
            type: "string",
            minLength: 1,
            description: "Regular expression (JavaScript syntax, no slashes) every secret name must match.",
          },
          allowImportedNames: {
            type: "boolean",
            description: "Accept names imported from another module; the scanner resolves them across files.",
          },
        },
      },
    ],
    defaultOptions: [{ pattern: DEFAULT_NAME_PATTERN, allowImportedNames: false }],
    messages: {
      missingName: "{{accessor}}() is called without a secret name.",
      dynamicName:
        "The secret name passed to {{accessor}}() is not known statically. Pass a string literal or a const of this file, so that the scanner can check the name against docker-compose and .env.example.",
      importedName:
        "The secret name '{{local}}' is imported from another module, so it cannot be checked here. Pass a literal or a const of this file (or set `allowImportedNames`: the scanner resolves imports).",
      badName: "Secret name '{{name}}' does not match the naming pattern /{{pattern}}/.",
    },
  },
  create(context, [options]) {
    const settings = getSecretsSettings(context);
    // The accessor's own implementation forwards the names it is given (`getSecret(name)`).
    if (isInAccessorFile(context, settings) || !mentionsAccessor(context, settings.accessors)) return {};
    const matcher = createAccessorMatcher(context, settings.accessors);
    const patternSource = options.pattern ?? DEFAULT_NAME_PATTERN;
    let pattern: RegExp;
    try {
      pattern = new RegExp(patternSource, "u");
    } catch (error) {
      throw new Error(
        `secrets/literal-secret-name: option "pattern" is not a valid regular expression: ${(error as Error).message}`,
        { cause: error },
      );
    }

    return {
      CallExpression(call) {
        if (!matcher.isAccessorCall(call)) return;
        const accessor = calleeName(call.callee) ?? settings.accessors[0] ?? "getSecret";
        const [first] = call.arguments;
        if (!first) {
          context.report({ node: call, messageId: "missingName", data: { accessor } });
          return;
        }
        if (first.type === AST_NODE_TYPES.SpreadElement) {
          context.report({ node: first, messageId: "dynamicName", data: { accessor } });
          return;
        }
        const resolved = resolveStaticName(first, context.sourceCode.getScope(call));
        switch (resolved.kind) {
          case "dynamic":
            context.report({ node: first, messageId: "dynamicName", data: { accessor } });
            return;
          case "imported":
            if (!options.allowImportedNames) {
              context.report({ node: first, messageId: "importedName", data: { local: resolved.local } });
            }
            return;
          case "static":
            if (!pattern.test(resolved.name)) {
              context.report({ node: first, messageId: "badName", data: { name: resolved.name, pattern: patternSource } });
            }
            return;
        }
      },
    };
  },
});
