/**
 * Whether a condition depends on the environment the code runs in: `isProd`, `!__DEV__`,
 * `import.meta.env.DEV`, `config.isProduction()`, `process.env.NODE_ENV !== "production"`,
 * `app.get("env") === "development"`, and `&&`/`||` of them. The names are judged by core's
 * vocabulary of environments (`isEnvironmentFlagName`, `isEnvironmentComparison`).
 */
import { isEnvironmentComparison, isEnvironmentFlagName } from "@secrets-suite/core";
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { calleeName, memberPropertyName, staticStringOf, unwrapExpression } from "./ast.js";

/** The name an operand is known by: `NODE_ENV` of `process.env.NODE_ENV`, `env` of `app.get("env")`. */
function operandName(node: TSESTree.Node): string | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type === AST_NODE_TYPES.MemberExpression) return memberPropertyName(inner);
  if (inner.type === AST_NODE_TYPES.CallExpression) {
    // Express: app.get("env"); an accessor of configuration: config.get("NODE_ENV")
    const [first] = inner.arguments;
    const argument = first && inner.arguments.length === 1 ? staticStringOf(first) : undefined;
    return argument ?? calleeName(inner.callee);
  }
  return undefined;
}

export function isEnvironmentGate(test: TSESTree.Node): boolean {
  const inner = unwrapExpression(test);
  switch (inner.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return inner.operator === "!" && isEnvironmentGate(inner.argument);
    case AST_NODE_TYPES.LogicalExpression:
      return isEnvironmentGate(inner.left) || isEnvironmentGate(inner.right);
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression: {
      const name = operandName(inner);
      return name !== undefined && isEnvironmentFlagName(name);
    }
    case AST_NODE_TYPES.CallExpression: {
      // isProduction(), env.isDev()
      const name = inner.arguments.length === 0 ? calleeName(inner.callee) : undefined;
      return name !== undefined && isEnvironmentFlagName(name);
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (!["===", "!==", "==", "!="].includes(inner.operator)) return false;
      const leftValue = staticStringOf(inner.left);
      const rightValue = staticStringOf(inner.right);
      if (rightValue !== undefined) return isEnvironmentComparison(rightValue, operandName(inner.left));
      if (leftValue !== undefined) return isEnvironmentComparison(leftValue, operandName(inner.right));
      return false;
    }
    default:
      return false;
  }
}
