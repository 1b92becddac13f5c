import { DEFAULT_SCRIPT_PATTERNS, DEFAULT_TEST_FILE_PATTERNS } from "@secrets-suite/core";
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { calleeName, constInit, memberPropertyName, outermostValueNode, staticKeyName, staticStringOf, unwrapExpression } from "../util/ast.js";
import { createRule } from "../util/create-rule.js";
import { mayLoadEnvFiles } from "../util/mentions.js";
import { fileGlobsSchema, fileMatchesGlobs } from "../util/globs.js";
import { envFileNameOf } from "../util/no-env-file-loading-path.js";
import { isInTestingModule, namesTestEnvFilesOnly } from "../util/no-env-file-loading-tests.js";

export type Options = [
  {
    /** Globs (relative to the working directory) of files that may load env files. */
    allowInFiles?: string[];
    /** Test files, test tool configs, NestJS testing modules and loads of `.env.test` may load env files. */
    ignoreTestFiles?: boolean;
    /** Globs (relative to the working directory) of test files and test tool configs; replace the defaults. */
    testFilePatterns?: string[];
    /** Developers' scripts, seeds, migrations and ORM CLI configs (`scriptPatterns`) may load env files. */
    ignoreScripts?: boolean;
    /** Globs (relative to the working directory) of such scripts; replace the defaults. */
    scriptPatterns?: string[];
  },
];

export type MessageIds = "importLoader" | "callLoader" | "readEnvFile";

/** Module entry points that load a .env file as a side effect of being imported. */
const SIDE_EFFECT_LOADERS: ReadonlySet<string> = new Set([
  "dotenv/config",
  "dotenv-flow/config",
  "dotenv-safe/config",
  "dotenv-defaults/config",
  "dotenv-expand/config",
  "@dotenvx/dotenvx/config",
  "@std/dotenv/load",
]);

/** Functions that load .env files into the environment, by module (member paths joined with `.`). */
const LOADER_FUNCTIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["dotenv", new Set(["config", "configDotenv"])],
  ["dotenv-flow", new Set(["config", "load"])],
  ["dotenv-safe", new Set(["config"])],
  ["dotenv-defaults", new Set(["config"])],
  ["@dotenvx/dotenvx", new Set(["config"])],
  ["@next/env", new Set(["loadEnvConfig"])],
  ["@std/dotenv", new Set(["load", "loadSync"])],
  ["process", new Set(["loadEnvFile"])],
  // NestJS reads `.env` (or `envFilePath`) into process.env unless told not to
  ["@nestjs/config", new Set(["ConfigModule.forRoot"])],
]);

/** Loaders that a test module of their framework imports to run: NestJS' `Test.createTestingModule(...)`. */
const TESTING_MODULE_LOADERS: ReadonlyMap<string, string> = new Map([["@nestjs/config", "ConfigModule.forRoot"]]);

/**
 * Where a loader is told which file to load, by module and loader: an option of its first
 * argument (`dotenv.config({ path })`), or the first argument itself (`process.loadEnvFile(path)`).
 */
const LOADER_FILE_ARGUMENTS: ReadonlyMap<string, { readonly option: string } | { readonly argument: 0 }> = new Map([
  ["dotenv", { option: "path" }],
  ["dotenv-safe", { option: "path" }],
  ["dotenv-defaults", { option: "path" }],
  ["@dotenvx/dotenvx", { option: "path" }],
  ["@std/dotenv", { option: "envPath" }],
  ["process", { argument: 0 }],
  ["@nestjs/config", { option: "envFilePath" }],
]);

/** The expression that names the file a loader call loads, if the call shows it. */
function loadedFileOf(call: TSESTree.CallExpression, module: string): TSESTree.Node | undefined {
  const where = LOADER_FILE_ARGUMENTS.get(module);
  const [first] = call.arguments;
  if (!where || !first || first.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if ("argument" in where) return first;
  const options = unwrapExpression(first);
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  // the last word on the option: a spread after it may replace it
  let file: TSESTree.Node | undefined;
  for (const property of options.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) file = undefined;
    else if (staticKeyName(property.key, property.computed) === where.option) file = property.value;
  }
  return file;
}

/** Options that make a loader load no file: `ConfigModule.forRoot({ ignoreEnvFile: true })`. */
const LOADER_OPT_OUTS: ReadonlyMap<string, string> = new Map([["@nestjs/config", "ignoreEnvFile"]]);

/** Whether the call's first argument is an object literal that sets `option` to `true`. */
function optsOut(call: TSESTree.CallExpression, option: string): boolean {
  const [first] = call.arguments;
  if (first?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return first.properties.some(
    (property) =>
      property.type === AST_NODE_TYPES.Property &&
      staticKeyName(property.key, property.computed) === option &&
      property.value.type === AST_NODE_TYPES.Literal &&
      property.value.value === true,
  );
}

/** Functions that read a file whose path is their first argument, by module. */
const FS_READERS = new Set(["readFileSync", "readFile", "promises.readFile"]);
const FILE_READERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["fs", FS_READERS],
  ["fs-extra", FS_READERS],
  ["fs/promises", new Set(["readFile"])],
]);

/** `node:fs` → `fs`, `jsr:@std/dotenv` → `@std/dotenv`, `dotenv/config.js` → `dotenv/config`. */
function normalizeSpecifier(specifier: string): string {
  return specifier.replace(/^(?:node|jsr|npm):/, "").replace(/\.(?:c|m)?js$/, "");
}

function isKnownModule(normalized: string): boolean {
  return LOADER_FUNCTIONS.has(normalized) || FILE_READERS.has(normalized);
}

/** Whether following `path` further can still reach a loader or reader of the module. */
function leadsToKnownFunction(module: string, path: readonly string[]): boolean {
  if (path.length === 0) return true;
  const joined = path.join(".");
  const functions = [...(LOADER_FUNCTIONS.get(module) ?? []), ...(FILE_READERS.get(module) ?? [])];
  return functions.some((name) => name === joined || name.startsWith(`${joined}.`));
}

/** A value that is a module, or a member of one: `fs`, `fs.promises`, `dotenv.config`. */
interface ModuleValue {
  /** The module as the source names it (`node:fs`), for messages. */
  readonly written: string;
  /** The module, normalised (`fs`). */
  readonly module: string;
  /** Member names taken from the module so far. */
  readonly path: readonly string[];
}

/** How far values are followed through aliases and destructuring. */
const MAX_DEPTH = 6;

const INJECTION = "Secrets must be injected at run time (docker secrets, the platform's environment), never read from a committed or local file.";

export default createRule<Options, MessageIds>({
  name: "no-env-file-loading",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow loading .env files at run time: secrets must be injected by the platform",
      recommended: true,
    },
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          allowInFiles: fileGlobsSchema("Globs (relative to the working directory) of files that may load env files."),
          ignoreTestFiles: {
            type: "boolean",
            description:
              "Allow loading env files in test files and test tool configs (`testFilePatterns`), `ConfigModule.forRoot()` in a NestJS testing module, and loading only the test env file (`.env.test`) anywhere.",
          },
          testFilePatterns: fileGlobsSchema(
            "Globs (relative to the working directory) of test files and test tool configs; they replace the default list.",
          ),
          ignoreScripts: {
            type: "boolean",
            description: "Allow loading env files in developers' scripts, seeds, migrations and ORM CLI configs (`scriptPatterns`).",
          },
          scriptPatterns: fileGlobsSchema(
            "Globs (relative to the working directory) of developers' scripts and database tooling; they replace the default list.",
          ),
        },
      },
    ],
    defaultOptions: [
      {
        allowInFiles: [],
        ignoreTestFiles: true,
        testFilePatterns: [...DEFAULT_TEST_FILE_PATTERNS],
        ignoreScripts: true,
        scriptPatterns: [...DEFAULT_SCRIPT_PATTERNS],
      },
    ],
    messages: {
      importLoader: `Importing '{{module}}' loads a .env file into the environment at start-up. ${INJECTION}`,
      callLoader: `{{loader}}() from '{{module}}' loads a .env file into the environment. ${INJECTION}`,
      readEnvFile: `{{loader}}() from '{{module}}' reads the env file '{{file}}' at run time. ${INJECTION}`,
    },
  },
  create(context, [options]) {
    if (fileMatchesGlobs(context, options.allowInFiles ?? []) || !mayLoadEnvFiles(context)) return {};
    // tests load a test env file to run at all; that is setup, not a service reading its secrets
    const ignoreTests = options.ignoreTestFiles !== false;
    if (ignoreTests && fileMatchesGlobs(context, options.testFilePatterns ?? DEFAULT_TEST_FILE_PATTERNS)) return {};
    // a script a developer runs from a checkout gets its connection string from a local .env
    if (options.ignoreScripts !== false && fileMatchesGlobs(context, options.scriptPatterns ?? DEFAULT_SCRIPT_PATTERNS)) return {};
    const sourceCode = context.sourceCode;
    const reported = new Set<TSESTree.Node>();

    const report = (descriptor: TSESLint.ReportDescriptor<MessageIds> & { node: TSESTree.Node }): void => {
      if (reported.has(descriptor.node)) return;
      reported.add(descriptor.node);
      context.report(descriptor);
    };

    const reportImport = (node: TSESTree.Node, specifier: string): void => {
      report({ node, messageId: "importLoader", data: { module: specifier } });
    };

    /** A load that only sets up a test: in a NestJS testing module, or of the test env file. */
    const isTestSetup = (call: TSESTree.CallExpression, module: string, loader: string): boolean => {
      if (TESTING_MODULE_LOADERS.get(module) === loader && isInTestingModule(call)) return true;
      const file = loadedFileOf(call, module);
      return file !== undefined && namesTestEnvFilesOnly(file, sourceCode.getScope(call));
    };

    const onCall = (call: TSESTree.CallExpression, value: ModuleValue): void => {
      const loader = value.path.join(".");
      if (LOADER_FUNCTIONS.get(value.module)?.has(loader)) {
        const optOut = LOADER_OPT_OUTS.get(value.module);
        if (optOut !== undefined && optsOut(call, optOut)) return;
        if (ignoreTests && isTestSetup(call, value.module, loader)) return;
        report({ node: call, messageId: "callLoader", data: { loader, module: value.written } });
        return;
      }
      if (!FILE_READERS.get(value.module)?.has(loader)) return;
      const [first] = call.arguments;
      if (!first || first.type === AST_NODE_TYPES.SpreadElement) return;
      const file = envFileNameOf(first, sourceCode.getScope(call));
      if (file !== undefined && !(ignoreTests && namesTestEnvFilesOnly(first, sourceCode.getScope(call)))) {
        report({ node: call, messageId: "readEnvFile", data: { loader, module: value.written, file } });
      }
    };

    const followVariable = (variable: TSESLint.Scope.Variable | null | undefined, value: ModuleValue, depth: number): void => {
      for (const reference of variable?.references ?? []) {
        if (reference.isRead()) follow(reference.identifier, value, depth + 1);
      }
    };

    /** `const { config } = dotenv`, `const { promises: { readFile } } = require("fs")`. */
    const followPattern = (pattern: TSESTree.ObjectPattern, value: ModuleValue, depth: number): void => {
      for (const property of pattern.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const key = staticKeyName(property.key, property.computed);
        if (key === undefined) continue;
        const member = memberValue(value, key);
        const target = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
        if (target.type === AST_NODE_TYPES.Identifier) {
          followVariable(ASTUtils.findVariable(sourceCode.getScope(target), target), member, depth);
        } else if (target.type === AST_NODE_TYPES.ObjectPattern) {
          followPattern(target, member, depth + 1);
        }
      }
    };

    /** `node` evaluates to `value`; look at what is done with it. */
    const follow = (node: TSESTree.Node, value: ModuleValue, depth = 0): void => {
      // `process.env.X`, `fs.writeFileSync`: nothing this rule looks for lies that way
      if (depth > MAX_DEPTH || !leadsToKnownFunction(value.module, value.path)) return;
      const outer = outermostValueNode(node);
      const parent = outer.parent;
      if (!parent) return;
      switch (parent.type) {
        case AST_NODE_TYPES.MemberExpression: {
          if (parent.object !== outer) return;
          const key = memberPropertyName(parent);
          if (key !== undefined) follow(parent, memberValue(value, key), depth);
          return;
        }
        case AST_NODE_TYPES.CallExpression:
          if (parent.callee === outer) onCall(parent, value);
          return;
        case AST_NODE_TYPES.VariableDeclarator: {
          if (parent.init !== outer) return;
          if (parent.id.type === AST_NODE_TYPES.Identifier) {
            const [variable] = sourceCode.getDeclaredVariables(parent);
            // an alias that is assigned again may hold anything
            if (variable && variable.references.filter((reference) => reference.isWrite()).length <= 1) {
              followVariable(variable, value, depth);
            }
          } else if (parent.id.type === AST_NODE_TYPES.ObjectPattern) {
            followPattern(parent.id, value, depth);
          }
          return;
        }
        default:
          return;
      }
    };

    /** A module-valued expression: `require("fs")`, `await import("dotenv")`, an import binding. */
    const startModule = (node: TSESTree.Node, specifier: string): void => {
      const normalized = normalizeSpecifier(specifier);
      if (isKnownModule(normalized)) follow(node, { written: specifier, module: normalized, path: [] });
    };

    const handleImport = (declaration: TSESTree.ImportDeclaration): void => {
      const specifier = declaration.source.value;
      const normalized = normalizeSpecifier(specifier);
      if (SIDE_EFFECT_LOADERS.has(normalized)) {
        reportImport(declaration, specifier);
        return;
      }
      if (!isKnownModule(normalized) || declaration.importKind === "type") return;
      for (const specifierNode of declaration.specifiers) {
        if (specifierNode.type === AST_NODE_TYPES.ImportSpecifier && specifierNode.importKind === "type") continue;
        const imported =
          specifierNode.type === AST_NODE_TYPES.ImportSpecifier ? staticKeyName(specifierNode.imported, false) : undefined;
        const path = imported === undefined || imported === "default" ? [] : [imported];
        const [variable] = sourceCode.getDeclaredVariables(specifierNode);
        followVariable(variable, { written: specifier, module: normalized, path }, 0);
      }
    };

    /** `require` is Node's, not a local function of that name (`createRequire(...)` counts as Node's). */
    const isNodeRequire = (callee: TSESTree.Identifier): boolean => {
      const variable = ASTUtils.findVariable(sourceCode.getScope(callee), callee);
      if (!variable || variable.defs.length === 0) return true;
      const init = constInit(variable);
      return init?.type === AST_NODE_TYPES.CallExpression && calleeName(init.callee) === "createRequire";
    };

    return {
      Program(program) {
        for (const statement of program.body) {
          if (statement.type === AST_NODE_TYPES.ImportDeclaration) handleImport(statement);
        }
        // the global `process`: process.loadEnvFile()
        const globalScope = sourceCode.getScope(program);
        const processValue: ModuleValue = { written: "process", module: "process", path: [] };
        for (const reference of globalScope.through) {
          if (reference.identifier.name === "process") follow(reference.identifier, processValue);
        }
        const declaredProcess = globalScope.set.get("process");
        if (declaredProcess && declaredProcess.defs.length === 0) followVariable(declaredProcess, processValue, -1);
      },
      CallExpression(call) {
        const callee = unwrapExpression(call.callee);
        if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== "require" || call.arguments.length !== 1) return;
        const specifier = staticStringOf(call.arguments[0]!);
        if (specifier === undefined || !isNodeRequire(callee)) return;
        if (SIDE_EFFECT_LOADERS.has(normalizeSpecifier(specifier))) reportImport(call, specifier);
        else startModule(call, specifier);
      },
      ImportExpression(node) {
        const specifier = staticStringOf(node.source);
        if (specifier === undefined) return;
        if (SIDE_EFFECT_LOADERS.has(normalizeSpecifier(specifier))) {
          reportImport(node, specifier);
          return;
        }
        // (await import("dotenv")).config(), const { config } = await import("dotenv")
        const awaited = outermostValueNode(node).parent;
        if (awaited?.type === AST_NODE_TYPES.AwaitExpression) startModule(awaited, specifier);
      },
      TSImportEqualsDeclaration(node) {
        // import dotenv = require("dotenv");
        if (node.moduleReference.type !== AST_NODE_TYPES.TSExternalModuleReference || node.importKind === "type") return;
        const specifier = staticStringOf(node.moduleReference.expression);
        if (specifier === undefined) return;
        const normalized = normalizeSpecifier(specifier);
        if (SIDE_EFFECT_LOADERS.has(normalized)) {
          reportImport(node, specifier);
        } else if (isKnownModule(normalized)) {
          const [variable] = sourceCode.getDeclaredVariables(node);
          followVariable(variable, { written: specifier, module: normalized, path: [] }, 0);
        }
      },
    };
  },
});

/** The value of `value[key]`; `default` of a module is the module (CommonJS interop). */
function memberValue(value: ModuleValue, key: string): ModuleValue {
  if (key === "default" && value.path.length === 0) return value;
  return { ...value, path: [...value.path, key] };
}
