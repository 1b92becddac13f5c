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
  // a value import of the module already: the accessor joins its names (no second import line)
  for (const declaration of imports) {
    if (declaration.source.value !== from || declaration.importKind === "type") continue;
    const named = declaration.specifiers.filter(
      (specifier): specifier is TSESTree.ImportSpecifier => specifier.type === AST_NODE_TYPES.ImportSpecifier,
    );
    const lastNamed = named[named.length - 1];
    if (lastNamed) return fixer.insertTextAfter(lastNamed, `, ${accessor}`);
    const [only] = declaration.specifiers;
    // `import runtime from "..."`: named imports may follow the default one
    if (declaration.specifiers.length === 1 && only?.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
      return fixer.insertTextAfter(only, `, { ${accessor} }`);
    }
  }
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
