/**
 * For `secrets/no-env-file-loading`: whether a loader call is part of a test's setup wherever the
 * file is. A NestJS test builds its module with `Test.createTestingModule({ imports: [...] })`,
 * and an application module under test often needs `ConfigModule.forRoot()` there to start at
 * all. That module only lives for the test; the service's own `ConfigModule.forRoot()` in its
 * `@Module({ imports })` is still reported.
 */
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { calleeName, outermostValueNode, staticKeyName } from "./ast.js";

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
