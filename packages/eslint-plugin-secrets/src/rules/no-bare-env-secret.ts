import { DEFAULT_IMPORT_FROM, DEFAULT_TEST_FILE_PATTERNS, isSecretEnvName } from "@secrets-suite/core";
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { insertAccessorImport } from "../util/accessor-import.js";
import { assignmentTargetUse } from "../util/ast.js";
import { createAccessorMatcher } from "../util/accessor-calls.js";
import { createRule } from "../util/create-rule.js";
import { isFilteredByNonSecretPrefix, isNonSecretDynamicKey } from "../util/dynamic-env-key.js";
import { isPresenceOnly } from "../util/presence-test.js";
import { fileGlobsSchema, fileMatchesGlobs } from "../util/globs.js";
import { mayReadSecrets } from "../util/mentions.js";
import { envReadListeners, type WholeEnvUse } from "../util/env-reads.js";
import { getSecretsSettings, isInAccessorFile } from "../util/settings.js";

export type Options = [
  {
    /** Report `process.env[name]` and other reads whose key is not known statically. */
    checkDynamicKeys?: boolean;
    /** Report reads of the whole environment: `{ ...process.env }`, `Object.entries(process.env)`. */
    checkWholeEnv?: boolean;
    /** Allow handing the whole environment to a child process (`{ env: process.env }`). */
    allowChildProcessEnv?: boolean;
    /** Test files and test tool configs read what their set-up needs: nothing is reported there. */
    ignoreTestFiles?: boolean;
    /** Globs (relative to the working directory) of test files and test tool configs; replace the defaults. */
    testFilePatterns?: string[];
  },
];

export type MessageIds = "bareSecretRead" | "dynamicKeyRead" | "wholeEnvRead" | "useAccessor";

const WHOLE_ENV_USES: Record<WholeEnvUse, string> = {
  spread: "spread into an object",
  rest: "collected by a rest element",
  call: "passed to a function that reads every value",
  "child-process": "handed on as a child process environment",
  argument: "handed to a function", // only reported to rules that ask for these reads
};

export default createRule<Options, MessageIds>({
  name: "no-bare-env-secret",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow reading secrets from the environment except through the sanctioned accessor",
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          checkDynamicKeys: {
            type: "boolean",
            description: "Report environment reads whose key is not known statically.",
          },
          checkWholeEnv: {
            type: "boolean",
            description: "Report reads of the whole environment (spread, rest, Object.entries, JSON.stringify).",
          },
          allowChildProcessEnv: {
            type: "boolean",
            description: "Allow handing the whole environment to a child process as its `env` option.",
          },
          ignoreTestFiles: {
            type: "boolean",
            description: "Report nothing in test files and test tool configs (`testFilePatterns`): a test reads what its set-up needs.",
          },
          testFilePatterns: fileGlobsSchema("Globs (relative to the working directory) of test files and test tool configs; they replace the default list."),
        },
      },
    ],
    defaultOptions: [
      { checkDynamicKeys: true, checkWholeEnv: true, allowChildProcessEnv: true, ignoreTestFiles: true, testFilePatterns: [...DEFAULT_TEST_FILE_PATTERNS] },
    ],
    messages: {
      bareSecretRead:
        "Secret '{{name}}' is read from {{source}}. Read it with {{accessor}}(\"{{name}}\") so that a missing secret fails fast and the scanner can check the name.",
      dynamicKeyRead:
        "{{source}} is read with a computed key, which can read any secret. Read secrets with {{accessor}}() and a literal name; read configuration by its name.",
      wholeEnvRead:
        "The whole of {{source}}, secrets included, is {{use}}. Take only the variables you need, and read secrets with {{accessor}}().",
      useAccessor: "Replace with {{accessor}}(\"{{name}}\").",
    },
  },
  create(context, [options]) {
    const settings = getSecretsSettings(context);
    if (isInAccessorFile(context, settings) || !mayReadSecrets(context, settings.accessors, settings.envAccessors)) return {};
    // a test reads what its set-up needs, straight from the environment
    if (options.ignoreTestFiles !== false && fileMatchesGlobs(context, options.testFilePatterns ?? DEFAULT_TEST_FILE_PATTERNS)) return {};
    const accessor = settings.accessors[0] ?? "getSecret";
    const matcher = createAccessorMatcher(context, settings.accessors);
    // The rewrite calls the accessor the file already imports, else one the file defines itself,
    // else the accessor imported from `importFrom` (secrets-runtime by default).
    const globalScope = context.sourceCode.getScope(context.sourceCode.ast);
    const topLevelScopes = [globalScope, ...globalScope.childScopes.filter((scope) => scope.type === "module")];
    const definedLocally =
      matcher.importedLocalName === undefined &&
      topLevelScopes.some((scope) => scope.set.get(accessor)?.defs.some((definition) => definition.type !== "ImportBinding"));
    const suggestedAccessor = matcher.importedLocalName ?? accessor;
    const needsImport = matcher.importedLocalName === undefined && !definedLocally;
    // secrets-runtime returns a redacting Secret: the value a bare read gave is `.reveal()`
    const source = matcher.importedFrom ?? (needsImport ? settings.importFrom : undefined);
    const reveal = source === DEFAULT_IMPORT_FROM ? ".reveal()" : "";

    const suggestion = (name: string, expression: TSESTree.Node): TSESLint.SuggestionReportDescriptor<MessageIds>[] => [
      {
        messageId: "useAccessor",
        data: { accessor: suggestedAccessor, name },
        fix: (fixer) => {
          const fixes = [fixer.replaceText(expression, `${suggestedAccessor}(${JSON.stringify(name)})${reveal}`)];
          if (needsImport) fixes.push(insertAccessorImport(context, fixer, accessor, settings.importFrom));
          return fixes;
        },
      },
    ];

    return envReadListeners(context, (read) => {
      switch (read.kind) {
        case "named": {
          // VITE_MIXPANEL_KEY is a secret name to the classifier, but a browser credential
          // behind a public prefix is configuration the bundle ships on purpose
          if (!isSecretEnvName(read.name, { classify: settings.classify })) return;
          // `[process.env.X] = ...`, `for (process.env.X of ...)` only write; `+=`, `??=`, `++` also read,
          // but an accessor call cannot be assigned to, so they get no suggestion
          const targetUse = read.valueExpression ? assignmentTargetUse(read.valueExpression) : undefined;
          if (targetUse === "write") return;
          // `if (process.env.X)`, `!!process.env.X`: whether it is set, not its value
          if (read.valueExpression && targetUse === undefined && isPresenceOnly(read.valueExpression)) return;
          context.report({
            node: read.node,
            messageId: "bareSecretRead",
            data: { name: read.name, source: read.source, accessor },
            suggest: read.valueExpression && targetUse === undefined ? suggestion(read.name, read.valueExpression) : [],
          });
          return;
        }
        case "dynamic":
          if (!options.checkDynamicKeys) return;
          if (assignmentTargetUse(read.node) === "write") return;
          if (isNonSecretDynamicKey(read.node, context.sourceCode, (name) => isSecretEnvName(name, { classify: settings.classify }))) return;
          context.report({ node: read.node, messageId: "dynamicKeyRead", data: { source: read.source, accessor } });
          return;
        case "whole":
          if (!options.checkWholeEnv) return;
          if (read.use === "child-process" && options.allowChildProcessEnv) return;
          // `Object.entries(process.env).filter(([key]) => key.startsWith("NEXT_PUBLIC_"))`: public variables only
          if (read.use === "call" && isFilteredByNonSecretPrefix(read.node, (name) => isSecretEnvName(name, { classify: settings.classify }))) return;
          context.report({
            node: read.node,
            messageId: "wholeEnvRead",
            data: { source: read.source, use: WHOLE_ENV_USES[read.use], accessor },
          });
          return;
      }
    });
  },
});
