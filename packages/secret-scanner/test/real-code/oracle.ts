/**
 * An oracle for environment reads that shares nothing with the scanner's analysis: a plain
 * regular expression for `process.env.NAME`, run on the text with its comments, strings and
 * template texts blanked out by TypeScript's scanner (not its parser), so that a mention in a
 * comment or a message is not taken for a read.
 */
import type { ts } from "ts-morph";

type TS = typeof ts;

/** The text with every comment, string literal and template text replaced by spaces (lines kept). */
export function blankCommentsAndStrings(t: TS, text: string, jsx: boolean): string {
  const K = t.SyntaxKind;
  const scanner = t.createScanner(t.ScriptTarget.ESNext, false, jsx ? t.LanguageVariant.JSX : t.LanguageVariant.Standard, text);
  const out = text.split("");
  const blank = (start: number, end: number): void => {
    for (let index = start; index < end; index++) if (out[index] !== "\n" && out[index] !== "\r") out[index] = " ";
  };
  // `${` opens an expression whose `}` goes back into the template: a stack of what each `{` opened
  const braces: Array<"template" | "block"> = [];
  for (let kind = scanner.scan(); kind !== K.EndOfFileToken; kind = scanner.scan()) {
    if (kind === K.CloseBraceToken && braces.pop() === "template") kind = scanner.reScanTemplateToken(false);
    switch (kind) {
      case K.SingleLineCommentTrivia:
      case K.MultiLineCommentTrivia:
      case K.StringLiteral:
      case K.NoSubstitutionTemplateLiteral:
      case K.TemplateTail:
        blank(scanner.getTokenStart(), scanner.getTokenEnd());
        break;
      case K.TemplateHead:
      case K.TemplateMiddle:
        blank(scanner.getTokenStart(), scanner.getTokenEnd());
        braces.push("template");
        break;
      case K.OpenBraceToken:
        braces.push("block");
        break;
      default:
        break;
    }
  }
  return out.join("");
}

export interface OracleRead {
  readonly name: string;
  readonly line: number;
}

/** `process.env.NAME` reads (not `=` writes, `++`, `--` or `delete`) in a blanked text. */
export function literalEnvReads(blanked: string): OracleRead[] {
  const reads: OracleRead[] = [];
  const pattern = /(?<![\w$.])process\s*\.\s*env\s*\.\s*([A-Za-z_$][\w$]*)(?!\s*(?:=(?!=)|\+\+|--))/g;
  let line = 1;
  let counted = 0;
  for (const match of blanked.matchAll(pattern)) {
    if (/\bdelete\s*$/.test(blanked.slice(Math.max(0, match.index - 12), match.index))) continue;
    for (; counted < match.index; counted++) if (blanked.charCodeAt(counted) === 10) line++;
    reads.push({ name: match[1]!, line });
  }
  return reads;
}
