/**
 * What a condition says about whether a value is there: `!x`, `x == null`,
 * `x === undefined`, `typeof x === "undefined"`, `x === ""` are true when it is missing; `x`,
 * `x != null`, `typeof x === "string"` when it is present; `!x || x.length < 32` is true when it is
 * missing (and maybe otherwise); `x && check(x)` only when it is present.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { staticStringOf, unwrapExpression } from "./ast.js";

export type Presence = "missing" | "present";

const flip = (presence: Presence): Presence => (presence === "missing" ? "present" : "missing");

/** `undefined`, `void 0`, `null` or `""`: what a missing variable reads as. */
function isMissingValue(node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name === "undefined";
  if (inner.type === AST_NODE_TYPES.UnaryExpression) return inner.operator === "void";
  if (inner.type === AST_NODE_TYPES.Literal && inner.raw === "null") return true;
  return staticStringOf(inner) === "";
}

/**
 * When `test` is true, whether the value written `subjectText` is missing or present; undefined
 * when `test` does not tell (`x === "changeme"`, `isProduction`).
 */
export function presenceWhenTrue(
  test: TSESTree.Node,
  subjectText: string,
  sourceCode: Readonly<TSESLint.SourceCode>,
): Presence | undefined {
  const inner = unwrapExpression(test);
  if (sourceCode.getText(inner) === subjectText) return "present";
  switch (inner.type) {
    case AST_NODE_TYPES.UnaryExpression: {
      if (inner.operator !== "!") return undefined;
      const presence = presenceWhenTrue(inner.argument, subjectText, sourceCode);
      return presence && flip(presence);
    }
    case AST_NODE_TYPES.LogicalExpression: {
      // `a || b` is true whenever a is: if a is true when missing, so is the whole
      const operands = [inner.left, inner.right].map((operand) => presenceWhenTrue(operand, subjectText, sourceCode));
      if (inner.operator === "||") return operands.includes("missing") ? "missing" : undefined;
      if (inner.operator === "&&") return operands.includes("present") ? "present" : undefined;
      return undefined;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (!["===", "!==", "==", "!="].includes(inner.operator)) return undefined;
      const equal = inner.operator === "===" || inner.operator === "==";
      for (const [side, other] of [
        [inner.left, inner.right],
        [inner.right, inner.left],
      ] as const) {
        const subject = unwrapExpression(side);
        if (
          subject.type === AST_NODE_TYPES.UnaryExpression &&
          subject.operator === "typeof" &&
          sourceCode.getText(unwrapExpression(subject.argument)) === subjectText
        ) {
          const type = staticStringOf(other);
          if (type === undefined) return undefined;
          const missingWhenEqual = type === "undefined";
          return equal === missingWhenEqual ? "missing" : "present";
        }
        if (sourceCode.getText(subject) === subjectText) {
          if (!isMissingValue(other)) return undefined;
          return equal ? "missing" : "present";
        }
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Whether a value is used only to tell whether it is there: the test of an `if`, a loop or a
 * `?:`, negated (`!x`, `!!x`), `Boolean(x)`, compared with a missing value (`x === undefined`,
 * `typeof x !== "undefined"`), the left side of `&&`, or an operand of a `&&` / `||` that is itself
 * such a test. The secret's value goes nowhere: `if (process.env.STRIPE_SECRET_KEY) …`.
 */
export function isPresenceOnly(node: TSESTree.Node): boolean {
  let current: TSESTree.Node = node;
  for (;;) {
    while (current.parent && unwrapExpression(current.parent) !== current.parent && "expression" in current.parent) current = current.parent;
    const parent = current.parent;
    if (!parent) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        return parent.test === current;
      case AST_NODE_TYPES.UnaryExpression:
        return parent.operator === "!" || parent.operator === "typeof";
      case AST_NODE_TYPES.CallExpression:
        return parent.arguments.length === 1 && parent.arguments[0] === current && unwrapExpression(parent.callee).type === AST_NODE_TYPES.Identifier && (unwrapExpression(parent.callee) as TSESTree.Identifier).name === "Boolean";
      case AST_NODE_TYPES.BinaryExpression: {
        if (!["===", "!==", "==", "!="].includes(parent.operator)) return false;
        const other = parent.left === current ? parent.right : parent.left;
        return isMissingValue(other);
      }
      case AST_NODE_TYPES.LogicalExpression:
        // `x && y` gives x only when x is empty; otherwise the whole must be a test
        if (parent.operator === "&&" && parent.left === current) return true;
        current = parent;
        continue;
      default:
        return false;
    }
  }
}
