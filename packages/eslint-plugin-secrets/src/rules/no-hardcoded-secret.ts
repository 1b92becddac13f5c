import {
  classifySecretValue,
  findCredentials,
  maskSecret,
  DEFAULT_TEST_FILE_PATTERNS,
  type CredentialMatch,
} from "@secrets-suite/core";
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { calleeName, memberPropertyName, outermostValueNode, staticKeyName, unwrapExpression } from "../util/ast.js";
import { createRule } from "../util/create-rule.js";
import { fileGlobsSchema, fileMatchesGlobs } from "../util/globs.js";
import { getSecretsSettings } from "../util/settings.js";

export type Options = [
  {
    /** Values assigned to secret-like names in test files are test data (formats are still checked). */
    ignoreTestFiles?: boolean;
    /** Globs (relative to the working directory) of test files; replace the defaults. */
    testFilePatterns?: string[];
    /** Regular expressions of further values that are placeholders. */
    extraPlaceholders?: string[];
    /** Report strings that have the shape of a known credential, wherever they are. */
    checkFormats?: boolean;
    /** Report strings assigned to secret-like names. */
    checkNames?: boolean;
  },
];

export type MessageIds = "credentialFormat" | "secretName";

/** Shortest credential any format can match (`ftp://u:secret@h` and up): shorter strings are skipped. */
const MIN_FORMAT_LENGTH = 12;

/** Property names of a Firebase web config, whose `apiKey` is an identifier meant for browsers. */
const FIREBASE_CONFIG_KEYS: ReadonlySet<string> = new Set(["authDomain", "messagingSenderId"]);

/** A Google API key, the whole value. */
const GOOGLE_API_KEY = /^AIza[0-9A-Za-z_-]{35}$/;

/** Compiled `extraPlaceholders`, per options list (the options are shared between files, see create-rule.ts). */
const compiledPlaceholders = new WeakMap<readonly string[], RegExp[]>();

function compilePlaceholders(sources: readonly string[]): RegExp[] {
  let compiled = compiledPlaceholders.get(sources);
  if (!compiled) {
    compiled = sources.map((source) => {
      try {
        return new RegExp(source, "u");
      } catch (error) {
        throw new Error(
          `secrets/no-hardcoded-secret: option "extraPlaceholders" holds an invalid regular expression /${source}/: ${(error as Error).message}`,
          { cause: error },
        );
      }
    });
    compiledPlaceholders.set(sources, compiled);
  }
  return compiled;
}

/** The name of the key a property has, including `#private` class fields. */
function propertyKeyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (!computed && key.type === AST_NODE_TYPES.PrivateIdentifier) return key.name;
  return staticKeyName(key, computed);
}

/** A name a literal is assigned to, and how to classify it (a setter's name without `set`). */
interface Target {
  readonly name: string;
  readonly classifyAs: string;
}

/** `"secrets/db.txt"`, `"server.key"`: a key that names a file (in a map of files) is not a secret's name. */
const FILE_NAME = /\/|\.(?:txt|pem|key|crt|cer|csr|der|p12|pfx|json|ya?ml|env|ini|toml|conf|cfg|xml|[cm]?[jt]sx?|md|sh|log)$/i;

const named = (name: string | undefined): Target[] =>
  name === undefined || FILE_NAME.test(name) ? [] : [{ name, classifyAs: name }];

/**
 * The names a value is assigned to, if it is: `const apiKey = v`, `config.password = v`,
 * `{ token: v }`, `token = v` as a class field, default parameter or destructuring default,
 * `<Client apiKey="v" />`, `setApiKey(v)`. Climbs out of type-only wrappers and of the right of
 * `??` / `||` and the branches of `?:`: the value may still end up in the name.
 */
function targetsOf(literal: TSESTree.Node): Target[] {
  let value = outermostValueNode(literal);
  for (;;) {
    const parent = value.parent;
    if (parent?.type === AST_NODE_TYPES.LogicalExpression && parent.operator !== "&&" && parent.right === value) {
      value = outermostValueNode(parent);
    } else if (parent?.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== value) {
      value = outermostValueNode(parent);
    } else {
      break;
    }
  }
  const parent = value.parent;
  if (!parent) return [];
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === value && parent.id.type === AST_NODE_TYPES.Identifier ? named(parent.id.name) : [];
    case AST_NODE_TYPES.AssignmentExpression: {
      if (parent.right !== value || parent.operator === "&&=" || !["=", "||=", "??="].includes(parent.operator)) {
        return [];
      }
      const left = unwrapExpression(parent.left);
      if (left.type === AST_NODE_TYPES.Identifier) return named(left.name);
      if (left.type === AST_NODE_TYPES.MemberExpression) {
        const property = left.property;
        if (!left.computed && property.type === AST_NODE_TYPES.PrivateIdentifier) return named(property.name);
        return named(memberPropertyName(left));
      }
      return [];
    }
    case AST_NODE_TYPES.Property:
      return parent.value === value && parent.parent.type === AST_NODE_TYPES.ObjectExpression
        ? named(propertyKeyName(parent.key, parent.computed))
        : [];
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.AccessorProperty:
      return parent.value === value ? named(propertyKeyName(parent.key, parent.computed)) : [];
    case AST_NODE_TYPES.AssignmentPattern: {
      if (parent.right !== value || parent.left.type !== AST_NODE_TYPES.Identifier) return [];
      const targets = named(parent.left.name);
      // `{ password: pw = "…" }`: the key names the value as much as the local binding does
      const property = parent.parent;
      if (property.type === AST_NODE_TYPES.Property && property.value === parent && !property.shorthand) {
        targets.push(...named(propertyKeyName(property.key, property.computed)));
      }
      return targets;
    }
    case AST_NODE_TYPES.TSEnumMember:
      return parent.initializer === value ? named(propertyKeyName(parent.id, parent.computed ?? false)) : [];
    case AST_NODE_TYPES.JSXAttribute:
      return parent.value === value && parent.name.type === AST_NODE_TYPES.JSXIdentifier ? named(parent.name.name) : [];
    case AST_NODE_TYPES.JSXExpressionContainer: {
      const attribute = parent.parent;
      return attribute.type === AST_NODE_TYPES.JSXAttribute && attribute.name.type === AST_NODE_TYPES.JSXIdentifier
        ? named(attribute.name.name)
        : [];
    }
    case AST_NODE_TYPES.CallExpression: {
      // a setter: `sgMail.setApiKey("…")`, `client.setToken("…")`
      if (parent.arguments[0] !== value) return [];
      const callee = calleeName(parent.callee);
      return callee !== undefined && /^set[A-Z]/.test(callee) ? [{ name: callee, classifyAs: callee.slice(3) }] : [];
    }
    default:
      return [];
  }
}

/**
 * `apiKey: "AIza…"` beside `authDomain` or `messagingSenderId`: the key of a Firebase web config,
 * which Google documents as safe to ship to browsers (it identifies the project; security rules
 * and API restrictions guard the data).
 */
function isFirebaseWebApiKey(value: string, literal: TSESTree.Node): boolean {
  if (!GOOGLE_API_KEY.test(value)) return false;
  const property = outermostValueNode(literal).parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.parent.type !== AST_NODE_TYPES.ObjectExpression) {
    return false;
  }
  if (propertyKeyName(property.key, property.computed) !== "apiKey") return false;
  return property.parent.properties.some(
    (sibling) =>
      sibling.type === AST_NODE_TYPES.Property &&
      FIREBASE_CONFIG_KEYS.has(propertyKeyName(sibling.key, sibling.computed) ?? ""),
  );
}

export default createRule<Options, MessageIds>({
  name: "no-hardcoded-secret",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow hardcoded secrets: credential-shaped strings and literal values of secret-like names",
      recommended: true,
    },
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          ignoreTestFiles: {
            type: "boolean",
            description:
              "Treat values assigned to secret-like names in test files as test data. Credential formats are still reported there.",
          },
          testFilePatterns: fileGlobsSchema("Globs (relative to the working directory) of test files; they replace the default list."),
          extraPlaceholders: {
            type: "array",
            items: { type: "string", minLength: 1 },
            uniqueItems: true,
            description: "Regular expressions (JavaScript syntax, `u` flag) of further values that are placeholders.",
          },
          checkFormats: {
            type: "boolean",
            description: "Report strings that have the shape of a known credential (GitHub token, AWS key id, private key, ...) anywhere.",
          },
          checkNames: {
            type: "boolean",
            description: "Report string values assigned to secret-like names (variables, properties, parameters, class fields).",
          },
        },
      },
    ],
    defaultOptions: [
      {
        ignoreTestFiles: true,
        testFilePatterns: [...DEFAULT_TEST_FILE_PATTERNS],
        extraPlaceholders: [],
        checkFormats: true,
        checkNames: true,
      },
    ],
    messages: {
      credentialFormat:
        'Hardcoded {{format}} ("{{preview}}"). If it is real it is compromised: revoke it, and read its replacement at run time with {{accessor}}().',
      secretName:
        "Hardcoded secret in '{{name}}' (\"{{preview}}\"). Secrets are injected at run time: read it with {{accessor}}() and keep the value in the secret store.",
    },
  },
  defaultOptions: [
    {
      ignoreTestFiles: true,
      testFilePatterns: [...DEFAULT_TEST_FILE_PATTERNS],
      extraPlaceholders: [],
      checkFormats: true,
      checkNames: true,
    },
  ],
  create(context, [options]) {
    const checkFormats = options.checkFormats !== false;
    const extraPlaceholders = compilePlaceholders(options.extraPlaceholders ?? []);
    const settings = getSecretsSettings(context);
    const inTestFile =
      options.ignoreTestFiles !== false &&
      fileMatchesGlobs(context, options.testFilePatterns ?? DEFAULT_TEST_FILE_PATTERNS);
    const checkNames = options.checkNames !== false && !inTestFile;
    if (!checkFormats && !checkNames) return {};
    const accessor = settings.accessors[0] ?? "getSecret";
    const isExtraPlaceholder = (text: string): boolean => extraPlaceholders.some((pattern) => pattern.test(text));

    /** Reports the first credential format in `text`; whether it did. */
    const reportFormat = (text: string, node: TSESTree.Node): boolean => {
      if (text.length < MIN_FORMAT_LENGTH) return false;
      const found = findCredentials(text).find((match: CredentialMatch) => !isExtraPlaceholder(match.credential));
      if (!found || isExtraPlaceholder(text)) return false;
      context.report({
        node,
        messageId: "credentialFormat",
        data: { format: found.format.description, preview: maskSecret(found.credential), accessor },
      });
      return true;
    };

    const reportName = (value: string, node: TSESTree.Node): void => {
      for (const target of targetsOf(node)) {
        if (!settings.isSecretName(target.classifyAs)) continue;
        if (!classifySecretValue(value, { name: target.classifyAs, extraPlaceholders }).secret) return;
        context.report({
          node,
          messageId: "secretName",
          data: { name: target.name, preview: maskSecret(value), accessor },
        });
        return;
      }
    };

    const check = (value: string, node: TSESTree.Node): void => {
      if (isFirebaseWebApiKey(value, node)) return;
      if (checkFormats && reportFormat(value, node)) return;
      if (checkNames) reportName(value, node);
    };

    return {
      Literal(node) {
        if (typeof node.value === "string") check(node.value, node);
      },
      TemplateLiteral(node) {
        if (node.expressions.length === 0) {
          const quasi = node.quasis[0];
          if (quasi) check(quasi.value.cooked ?? quasi.value.raw, node);
          return;
        }
        // a template with substitutions has no static value, but its text may hold a credential
        if (!checkFormats) return;
        for (const quasi of node.quasis) reportFormat(quasi.value.cooked ?? quasi.value.raw, quasi);
      },
    };
  },
});
