/**
 * Builds the edit that makes the accessor available in a file, for suggestions that rewrite a
 * bare environment read into an accessor call.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** `import { getSecret } from "..."` (ES modules) or `const { getSecret } = require("...")`. */
export function insertAccessorImport(
  context: Context,
  fixer: TSESLint.RuleFixer,
  accessor: string,
  from: string,
): TSESLint.RuleFix {
  const program = context.sourceCode.ast;
  const specifier = JSON.stringify(from);
  const isModule = program.sourceType === "module";
  const statement = isModule
    ? `import { ${accessor} } from ${specifier};`
    : `const { ${accessor} } = require(${specifier});`;

  const imports = program.body.filter(
    (node): node is TSESTree.ImportDeclaration => node.type === AST_NODE_TYPES.ImportDeclaration,
  );
  const lastImport = imports[imports.length - 1];
  if (lastImport) return fixer.insertTextAfter(lastImport, `\n${statement}`);

  // after any directive prologue ("use strict", "use client")
  const directives = program.body.filter(
    (node): node is TSESTree.ExpressionStatement =>
      node.type === AST_NODE_TYPES.ExpressionStatement && node.directive !== undefined,
  );
  const lastDirective = directives[directives.length - 1];
  if (lastDirective) return fixer.insertTextAfter(lastDirective, `\n${statement}`);
  const first = program.body[0];
  return first ? fixer.insertTextBefore(first, `${statement}\n`) : fixer.insertTextAfterRange([0, 0], `${statement}\n`);
}
