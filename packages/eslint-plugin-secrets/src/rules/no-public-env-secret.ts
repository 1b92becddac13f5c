import {
  classifyPublicEnvName,
  DEFAULT_PUBLIC_ENV_PREFIXES,
  frameworksOfPublicPrefix,
  type PublicEnvNameVerdict,
} from "@secrets-suite/core";
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { assignmentTargetUse, memberPropertyName, outermostValueNode, staticKeyName } from "../util/ast.js";
import { createAccessorMatcher } from "../util/accessor-calls.js";
import { createRule } from "../util/create-rule.js";
import { mayReadSecrets } from "../util/mentions.js";
import { envReadListeners } from "../util/env-reads.js";
import { getSecretsSettings } from "../util/settings.js";
import { resolveStaticName } from "../util/static-name.js";

export type Options = [
  {
    /** Public prefixes; replaces the default list. */
    prefixes?: string[];
    /** Public prefixes added to the default list (or to `prefixes`). */
    additionalPrefixes?: string[];
    /** Full variable names (exact, or `*` globs) that the team has decided are public. */
    allowNames?: string[];
  },
];

export type MessageIds = "publicSecret" | "serverOnlySecret";

/** SvelteKit's modules of public variables: every name imported from them reaches the browser. */
const SVELTEKIT_STATIC_PUBLIC = "$env/static/public";
const SVELTEKIT_DYNAMIC_PUBLIC = "$env/dynamic/public";

const stringList = {
  type: "array",
  items: { type: "string", minLength: 1 },
  uniqueItems: true,
} as const;

/** Why a never-public credential is one, for the message: `"SECRET" marks a secret`. */
function describeNeverPublic(verdict: Extract<PublicEnvNameVerdict, { exposed: true }>): string | undefined {
  const key = verdict.browserKey;
  if (key?.verdict !== "never-public") return undefined;
  return key.reason === "never-public-provider"
    ? `${key.service} issues no credential meant for browsers`
    : `'${key.word}' marks ${key.marks}`;
}

function describeFrameworks(prefix: string): string {
  const frameworks = frameworksOfPublicPrefix(prefix);
  if (frameworks.length === 0) return "a configured public prefix";
  if (frameworks.length === 1) return frameworks[0]!;
  return `${frameworks.slice(0, -1).join(", ")} and ${frameworks[frameworks.length - 1]!}`;
}

export default createRule<Options, MessageIds>({
  name: "no-public-env-secret",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow secret-like environment variables with a prefix that ships them to the browser",
      recommended: true,
    },
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          prefixes: {
            ...stringList,
            description: "Public prefixes (case-sensitive); replaces the default list.",
          },
          additionalPrefixes: {
            ...stringList,
            description: "Public prefixes added to the default list (or to `prefixes`).",
          },
          allowNames: {
            ...stringList,
            description: "Full variable names (exact, or `*` globs) that the team has decided are public.",
          },
        },
      },
    ],
    defaultOptions: [{ prefixes: [...DEFAULT_PUBLIC_ENV_PREFIXES], additionalPrefixes: [], allowNames: [] }],
    messages: {
      publicSecret:
        "'{{name}}' is a secret-like name with the public prefix '{{prefix}}' ({{frameworks}}): its value is inlined into the client bundle and will be shipped to every browser. Keep the secret server-side under a name without the prefix; if the value is public by design, list the name in `allowNames`.",
      serverOnlySecret:
        "'{{name}}' has the public prefix '{{prefix}}' ({{frameworks}}) but is a server-side credential ({{why}}): its value is inlined into the client bundle and will be shipped to every browser. Keep it server-side under a name without the prefix, and call the service from server code.",
    },
  },
  create(context, [options]) {
    const settings = getSecretsSettings(context);
    if (!mayReadSecrets(context, settings.accessors, settings.envAccessors)) return {};
    const prefixes = [...(options.prefixes ?? DEFAULT_PUBLIC_ENV_PREFIXES), ...(options.additionalPrefixes ?? [])];
    const allowNames = options.allowNames ?? [];
    const matcher = createAccessorMatcher(context, settings.accessors);
    const verdicts = new Map<string, PublicEnvNameVerdict>();

    const check = (name: string, node: TSESTree.Node): void => {
      let verdict = verdicts.get(name);
      if (!verdict) {
        verdict = classifyPublicEnvName(name, { prefixes, allowNames, classify: settings.classify });
        verdicts.set(name, verdict);
      }
      if (!verdict.exposed || !verdict.leak) return;
      const frameworks = describeFrameworks(verdict.prefix);
      const why = describeNeverPublic(verdict);
      context.report(
        why === undefined
          ? { node, messageId: "publicSecret", data: { name, prefix: verdict.prefix, frameworks } }
          : { node, messageId: "serverOnlySecret", data: { name, prefix: verdict.prefix, frameworks, why } },
      );
    };

    /** Reads of `env.NAME` where `env` comes from `$env/dynamic/public`. */
    const checkPublicEnvObject = (variable: TSESLint.Scope.Variable | undefined): void => {
      for (const reference of variable?.references ?? []) {
        if (!reference.isRead()) continue;
        const value = outermostValueNode(reference.identifier);
        const member = value.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== value) continue;
        const name = memberPropertyName(member);
        if (name !== undefined && assignmentTargetUse(member) !== "write") check(name, member);
      }
    };

    const envListeners = envReadListeners(context, (read) => {
      if (read.kind !== "named") return;
      // `process.env.X = ...` and `[process.env.X] = ...` only write the variable
      if (read.valueExpression && assignmentTargetUse(read.valueExpression) === "write") return;
      check(read.name, read.node);
    });

    return {
      ...envListeners,
      CallExpression(call) {
        if (!matcher.isAccessorCall(call)) return;
        const [first] = call.arguments;
        if (!first || first.type === AST_NODE_TYPES.SpreadElement) return;
        const resolved = resolveStaticName(first, context.sourceCode.getScope(call));
        if (resolved.kind === "static") check(resolved.name, first);
      },
      ImportDeclaration(declaration) {
        const source = declaration.source.value;
        if (source !== SVELTEKIT_STATIC_PUBLIC && source !== SVELTEKIT_DYNAMIC_PUBLIC) return;
        for (const specifier of declaration.specifiers) {
          const [variable] = context.sourceCode.getDeclaredVariables(specifier);
          if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) {
            // import * as publicEnv from "$env/static/public": publicEnv.PUBLIC_X
            if (source === SVELTEKIT_STATIC_PUBLIC) checkPublicEnvObject(variable);
            continue;
          }
          const imported = staticKeyName(specifier.imported, false);
          if (imported === undefined) continue;
          if (source === SVELTEKIT_STATIC_PUBLIC) check(imported, specifier);
          else if (imported === "env") checkPublicEnvObject(variable);
        }
      },
    };
  },
});
