/**
 * For `secrets/no-env-file-loading`: whether a load is part of a test's setup wherever the file
 * is, in the two ways the code shows it:
 *
 * - a NestJS test builds its module with `Test.createTestingModule({ imports: [...] })`, and an
 *   application module under test often needs `ConfigModule.forRoot()` there to start at all.
 *   That module only lives for the test; the service's own `ConfigModule.forRoot()` in its
 *   `@Module({ imports })` is still reported;
 * - the file loaded is the test environment's (`.env.test`).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { calleeName, outermostValueNode, staticKeyName, unwrapExpression } from "./ast.js";
import { envFileNameOf } from "./no-env-file-loading-path.js";

/** NestJS' `Test.createTestingModule(metadata)` (from `@nestjs/testing`): no other API has the name. */
const TESTING_MODULE_FACTORY = "createTestingModule";

/**
 * Whether `call` is one of the `imports` of a testing module: `Test.createTestingModule({ imports:
 * [ConfigModule.forRoot()] })`, also through spreads, conditionals and `await`. A list built
 * elsewhere and passed in (`{ imports }`) is not followed.
 */
export function isInTestingModule(call: TSESTree.CallExpression): boolean {
  let current = outermostValueNode(call);
  for (let parent = current.parent; parent; parent = current.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.SpreadElement:
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.LogicalExpression:
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === current) return false;
        break;
      case AST_NODE_TYPES.Property: {
        if (parent.value !== current || staticKeyName(parent.key, parent.computed) !== "imports") return false;
        const metadata = outermostValueNode(parent.parent);
        const factory = metadata.parent;
        return (
          factory?.type === AST_NODE_TYPES.CallExpression &&
          factory.arguments[0] === metadata &&
          calleeName(factory.callee) === TESTING_MODULE_FACTORY
        );
      }
      default:
        return false;
    }
    current = outermostValueNode(parent);
  }
  return false;
}

/** `.env.test`, `.env.test.local`, `.env.testing`, `.env.e2e`, `test.env`, `.e2e.env`: env files of tests. */
const TEST_ENV_FILE = /^(?:\.env\.(?:test|testing|e2e)(?:\.local)?|\.?(?:test|testing|e2e)\.env)$/;

/**
 * Whether `node`, the file (or list of files) given to a loader, names test env files only:
 * `".env.test"`, `path.resolve(__dirname, "../.env.test")`, `[".env.test.local", ".env.test"]`.
 * Loading the test environment is test setup wherever the code stands (`src/test.module.ts`,
 * a shared `testing/` helper); a file with an unknown part (`` `.env.${mode}` ``) may be any.
 */
export function namesTestEnvFilesOnly(node: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  const inner = unwrapExpression(node);
  const files = inner.type === AST_NODE_TYPES.ArrayExpression ? inner.elements : [inner];
  return (
    files.length > 0 &&
    files.every((file) => {
      if (!file || file.type === AST_NODE_TYPES.SpreadElement) return false;
      const name = envFileNameOf(file, scope);
      return name !== undefined && TEST_ENV_FILE.test(name);
    })
  );
}
