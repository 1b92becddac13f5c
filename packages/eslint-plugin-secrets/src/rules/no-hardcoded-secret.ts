import {
  classifySecretValue,
  findCredential,
  findCredentials,
  mayHoldCredential,
  maskSecret,
  DEFAULT_TEST_FILE_PATTERNS,
  MIN_SECRET_LENGTH,
  mayBeSecretName,
  type ClassifierOptions,
  type CredentialMatch,
  type ResolvedSecretsSettings,
} from "@secrets-suite/core";
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import {
  calleeName,
  memberPropertyName,
  outermostValueNode,
  staticKeyName,
  unwrapExpression,
  TRANSPARENT_WRAPPERS,
} from "../util/ast.js";
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

/**
 * Shortest string worth a look: a credential format is longer, and a value shorter than core's
 * `MIN_SECRET_LENGTH` is never a secret by name. Most string literals of a program are shorter,
 * and are dropped before anything else is done for them.
 */
const MIN_CHECKED_LENGTH = Math.min(MIN_FORMAT_LENGTH, MIN_SECRET_LENGTH);

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

/** Assignments whose right side may end up in the left: not `+=`, not `&&=` (it keeps a falsy value). */
const ASSIGNING_OPERATORS: ReadonlySet<string> = new Set(["=", "||=", "??="]);

/** A name a literal is assigned to, and how to classify it (a setter's name without `set`). */
interface Target {
  readonly name: string;
  readonly classifyAs: string;
}

/** `"secrets/db.txt"`, `"server.key"`: a key that names a file (in a map of files) is not a secret's name. */
const FILE_NAME = /\/|\.(?:txt|pem|key|crt|cer|csr|der|p12|pfx|json|ya?ml|env|ini|toml|conf|cfg|xml|[cm]?[jt]sx?|md|sh|log)$/i;

/** Shared by every literal that reaches no name (typed read-only; not frozen, which slows iteration). */
const NO_TARGETS: readonly Target[] = [];

/**
 * A target of that name, if the name may be secret-like (judged by the shared classifier's cheap
 * test, so that most literals allocate nothing; a name that is a file's is left out later).
 */
const named = (name: string | undefined, classifier: ClassifierOptions): readonly Target[] =>
  name === undefined || !mayBeSecretName(name, classifier) ? NO_TARGETS : [{ name, classifyAs: name }];

/** The other places `targetsOf` finds a name in, left to it by `mayReachSecretLikeName`. */
const OTHER_NAMED_PLACES: ReadonlySet<string> = new Set<string>([
  AST_NODE_TYPES.PropertyDefinition,
  AST_NODE_TYPES.AccessorProperty,
  AST_NODE_TYPES.AssignmentPattern,
  AST_NODE_TYPES.TSEnumMember,
  AST_NODE_TYPES.JSXAttribute,
  AST_NODE_TYPES.JSXExpressionContainer,
]);

/** `setApiKey`, `setToken`: `set` and a capital. */
const isSetterName = (name: string): boolean => name.startsWith("set") && /^[A-Z]/.test(name.charAt(3));

/**
 * A quick look at where the literal goes: whether `targetsOf` may find a secret-like name for it,
 * `false` only when it will not. The common places (`{ key: v }`, `const name = v`,
 * `a.name = v`, `f(v)`) are read directly and their name tested with the classifier's cheap
 * test; the rarer ones are left to `targetsOf`. Most string literals of a program stop here.
 */
function mayReachSecretLikeName(literal: TSESTree.Node, classifier: ClassifierOptions): boolean {
  let value: TSESTree.Node = literal;
  let parent = literal.parent;
  while (parent !== undefined && passesValueOn(parent, value)) {
    value = parent;
    parent = parent.parent;
  }
  if (parent === undefined) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.Property: {
      if (parent.value !== value) return false;
      const key = parent.key;
      return parent.computed || key.type !== AST_NODE_TYPES.Identifier || mayBeSecretName(key.name, classifier);
    }
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === value && parent.id.type === AST_NODE_TYPES.Identifier && mayBeSecretName(parent.id.name, classifier);
    case AST_NODE_TYPES.AssignmentExpression: {
      if (parent.right !== value) return false;
      const left = parent.left;
      if (left.type === AST_NODE_TYPES.Identifier) return mayBeSecretName(left.name, classifier);
      if (left.type === AST_NODE_TYPES.MemberExpression && !left.computed && left.property.type === AST_NODE_TYPES.Identifier) {
        return mayBeSecretName(left.property.name, classifier);
      }
      return true;
    }
    case AST_NODE_TYPES.CallExpression: {
      if (parent.arguments[0] !== value) return false;
      const callee = calleeName(parent.callee);
      return callee !== undefined && isSetterName(callee) && mayBeSecretName(callee, classifier);
    }
    default:
      return OTHER_NAMED_PLACES.has(parent.type);
  }
}

/**
 * Whether `parent` hands `value` on to its own parent: a type-only wrapper, the right of `??` or
 * `||`, a branch of `?:`. The value may still end up in a name further up.
 */
function passesValueOn(parent: TSESTree.Node, value: TSESTree.Node): boolean {
  switch (parent.type) {
    case AST_NODE_TYPES.LogicalExpression:
      return parent.operator !== "&&" && parent.right === value;
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test !== value;
    default:
      return TRANSPARENT_WRAPPERS.has(parent.type) && (parent as { expression?: TSESTree.Node }).expression === value;
  }
}

/**
 * The names a value is assigned to, if it is: `const apiKey = v`, `config.password = v`,
 * `{ token: v }`, `token = v` as a class field, default parameter or destructuring default,
 * `<Client apiKey="v" />`, `setApiKey(v)`. Climbs out of type-only wrappers and of the right of
 * `??` / `||` and the branches of `?:`: the value may still end up in the name. Asked only for
 * the literals `mayReachSecretLikeName` lets through.
 */
function targetsOf(literal: TSESTree.Node, classifier: ClassifierOptions): readonly Target[] {
  let value: TSESTree.Node = literal;
  let parent = literal.parent;
  while (parent !== undefined && passesValueOn(parent, value)) {
    value = parent;
    parent = parent.parent;
  }
  if (parent === undefined) return NO_TARGETS;
  switch (parent.type) {
    case AST_NODE_TYPES.Property:
      if (parent.value !== value) return NO_TARGETS;
      return parent.parent.type === AST_NODE_TYPES.ObjectExpression
        ? named(propertyKeyName(parent.key, parent.computed), classifier)
        : NO_TARGETS;
    case AST_NODE_TYPES.CallExpression: {
      // a setter: `sgMail.setApiKey("…")`, `client.setToken("…")`
      if (parent.arguments[0] !== value) return NO_TARGETS;
      const callee = calleeName(parent.callee);
      return callee !== undefined && isSetterName(callee) && mayBeSecretName(callee, classifier)
        ? [{ name: callee, classifyAs: callee.slice(3) }]
        : NO_TARGETS;
    }
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === value && parent.id.type === AST_NODE_TYPES.Identifier
        ? named(parent.id.name, classifier)
        : NO_TARGETS;
    case AST_NODE_TYPES.AssignmentExpression: {
      if (parent.right !== value || !ASSIGNING_OPERATORS.has(parent.operator)) return NO_TARGETS;
      const left = unwrapExpression(parent.left);
      if (left.type === AST_NODE_TYPES.Identifier) return named(left.name, classifier);
      if (left.type === AST_NODE_TYPES.MemberExpression) {
        const property = left.property;
        if (!left.computed && property.type === AST_NODE_TYPES.PrivateIdentifier) return named(property.name, classifier);
        return named(memberPropertyName(left), classifier);
      }
      return NO_TARGETS;
    }
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.AccessorProperty:
      return parent.value === value ? named(propertyKeyName(parent.key, parent.computed), classifier) : NO_TARGETS;
    case AST_NODE_TYPES.AssignmentPattern: {
      if (parent.right !== value || parent.left.type !== AST_NODE_TYPES.Identifier) return NO_TARGETS;
      const binding = named(parent.left.name, classifier);
      // `{ password: pw = "…" }`: the key names the value as much as the local binding does
      const property = parent.parent;
      if (property.type === AST_NODE_TYPES.Property && property.value === parent && !property.shorthand) {
        const key = named(propertyKeyName(property.key, property.computed), classifier);
        return key.length === 0 ? binding : [...binding, ...key];
      }
      return binding;
    }
    case AST_NODE_TYPES.TSEnumMember:
      return parent.initializer === value
        ? named(propertyKeyName(parent.id, parent.computed ?? false), classifier)
        : NO_TARGETS;
    case AST_NODE_TYPES.JSXAttribute:
      return parent.value === value && parent.name.type === AST_NODE_TYPES.JSXIdentifier
        ? named(parent.name.name, classifier)
        : NO_TARGETS;
    case AST_NODE_TYPES.JSXExpressionContainer: {
      const attribute = parent.parent;
      return attribute.type === AST_NODE_TYPES.JSXAttribute && attribute.name.type === AST_NODE_TYPES.JSXIdentifier
        ? named(attribute.name.name, classifier)
        : NO_TARGETS;
    }
    default:
      return NO_TARGETS;
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

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

/**
 * The checks of one file. A class rather than closures made in `create`: the functions that run
 * for every string literal are then the same functions for every file, which the JavaScript
 * engine optimises once (closures made per file are new call targets in every file, and code
 * optimised for the previous file's is thrown away).
 */
class FileChecker {
  readonly checkFormats: boolean;
  readonly checkNames: boolean;
  private readonly extraPlaceholders: readonly RegExp[];
  private readonly settings: ResolvedSecretsSettings;
  private readonly accessor: string;
  /** Whether the file is a test file: asked only once a secret-like name holds a literal (rarely). */
  private testFile: boolean | undefined;

  constructor(
    private readonly context: Context,
    private readonly options: Options[0],
  ) {
    this.checkFormats = options.checkFormats !== false;
    this.checkNames = options.checkNames !== false;
    this.extraPlaceholders = compilePlaceholders(options.extraPlaceholders ?? []);
    this.settings = getSecretsSettings(context);
    this.accessor = this.settings.accessors[0] ?? "getSecret";
  }

  inTestFile(): boolean {
    this.testFile ??=
      this.options.ignoreTestFiles !== false &&
      fileMatchesGlobs(this.context, this.options.testFilePatterns ?? DEFAULT_TEST_FILE_PATTERNS);
    return this.testFile;
  }

  /**
   * Checks the value of a string literal or of a template literal without substitutions. The
   * cheap tests come first and decide for nearly every string: too short, no keyword of any
   * credential format, a parent through which no name can be reached.
   */
  check(value: string, node: TSESTree.Node): void {
    if (value.length < MIN_CHECKED_LENGTH) return;
    const mayBeFormat = this.checkFormats && value.length >= MIN_FORMAT_LENGTH && mayHoldCredential(value);
    const mayBeNamed = this.checkNames && mayReachSecretLikeName(node, this.settings.classifier);
    if (!mayBeFormat && !mayBeNamed) return;
    if (value.startsWith("AIza") && isFirebaseWebApiKey(value, node)) return;
    if (mayBeFormat && this.reportFormat(value, node)) return;
    if (mayBeNamed) this.reportName(value, node);
  }

  checkTemplate(node: TSESTree.TemplateLiteral): void {
    if (node.expressions.length === 0) {
      const quasi = node.quasis[0];
      if (quasi) this.check(quasi.value.cooked ?? quasi.value.raw, node);
      return;
    }
    // a template with substitutions has no static value, but its text may hold a credential
    if (!this.checkFormats) return;
    for (const quasi of node.quasis) {
      const text = quasi.value.cooked ?? quasi.value.raw;
      if (text.length >= MIN_FORMAT_LENGTH && mayHoldCredential(text)) this.reportFormat(text, quasi);
    }
  }

  private isExtraPlaceholder(text: string): boolean {
    return this.extraPlaceholders.some((pattern) => pattern.test(text));
  }

  /** The first credential in `text` that is not an extra placeholder. */
  private firstCredential(text: string): CredentialMatch | undefined {
    if (this.extraPlaceholders.length === 0) return findCredential(text);
    return findCredentials(text).find((match) => !this.isExtraPlaceholder(match.credential));
  }

  /** Reports the first credential format in `text`; whether it did. */
  private reportFormat(text: string, node: TSESTree.Node): boolean {
    if (text.length < MIN_FORMAT_LENGTH) return false;
    const found = this.firstCredential(text);
    if (!found || (this.extraPlaceholders.length > 0 && this.isExtraPlaceholder(text))) return false;
    this.context.report({
      node,
      messageId: "credentialFormat",
      data: { format: found.format.description, preview: maskSecret(found.credential), accessor: this.accessor },
    });
    return true;
  }

  private reportName(value: string, node: TSESTree.Node): void {
    const targets = targetsOf(node, this.settings.classifier);
    for (let index = 0; index < targets.length; index++) {
      const target = targets[index]!;
      if (!this.settings.isSecretName(target.classifyAs) || FILE_NAME.test(target.name)) continue;
      if (this.inTestFile()) return;
      const verdict = classifySecretValue(value, { name: target.classifyAs, extraPlaceholders: this.extraPlaceholders });
      if (!verdict.secret) return;
      this.context.report({
        node,
        messageId: "secretName",
        data: { name: target.name, preview: maskSecret(value), accessor: this.accessor },
      });
      return;
    }
  }
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
  create(context, [options]) {
    const checker = new FileChecker(context, options);
    if (!checker.checkFormats && (!checker.checkNames || checker.inTestFile())) return {};
    return {
      Literal(node) {
        // most literals are short strings, numbers, booleans: dropped before any call
        const value = node.value;
        if (typeof value === "string" && value.length >= MIN_CHECKED_LENGTH) checker.check(value, node);
      },
      TemplateLiteral(node) {
        checker.checkTemplate(node);
      },
    };
  },
});
