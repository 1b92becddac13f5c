/**
 * Inline suppression comments: a finding is dropped when its line carries, or follows, a
 * `secret-scanner-disable-*` comment naming its rule (or naming no rule, which means every rule).
 *
 * Code files (`.ts .tsx .mts .cts .js .jsx .mjs .cjs`), `//` or single-line `/* … *\/` comments:
 *
 *     // secret-scanner-disable-next-line name-mismatch, dynamic-secret-name -- why
 *     const key = getSecret(name);
 *     const token = process.env.TOKEN; // secret-scanner-disable-line -- every rule, with a reason
 *
 * YAML and env files (`#` comments; `#` must start the line or follow whitespace):
 *
 *     # secret-scanner-disable-next-line unused-compose-secret
 *     legacy_key:
 *     API_KEY= # secret-scanner-disable-line unused-env-example-key -- read by the old worker
 *
 * The directive must open the comment. Rule ids are separated by commas (or whitespace); the
 * reason after ` -- ` is optional. `disable-line` silences the comment's own line and
 * `disable-next-line` the line after the comment, as in ESLint: two `disable-next-line` comments in
 * a row do not stack (the first one silences the second comment's line).
 *
 * Reported as problems (with the comment's line), so the CLI can warn: unknown rule ids (a
 * directive naming only unknown ids silences nothing, it never falls back to "all rules"), unknown
 * `secret-scanner-…` directives, a `disable-line` on a line with no code (it silences nothing), and
 * a directive in a block comment spanning several lines (ignored, as ESLint does).
 *
 * Limits of the comment scan — it is a light lexer, not a parser:
 * - Code: strings, template literals (also across lines and through `${…}`), block comments and
 *   regular expression literals are tracked, so a marker inside a string or template is not a
 *   comment. Whether `/` starts a regular expression is guessed from the previous token (the usual
 *   heuristic); a wrong guess affects at most the rest of that line, unless the misread text holds
 *   a backtick, which can hide directives until the next backtick. JSX text is read as code, so an
 *   apostrophe in JSX text hides a trailing directive on that line.
 * - YAML and env files: quotes are tracked within one line only. A quote opens a quoted value only
 *   at the start of a value (after whitespace, `=`, `:`, `[`, `{` or `,`), so an apostrophe inside a
 *   plain value does not hide a comment. A `#` line inside a multi-line quoted value or a YAML block
 *   scalar (`|`, `>`) is read as a comment.
 */

import path from "node:path";

export type CommentKind = "code" | "hash";

export type SuppressionDirectiveName = "secret-scanner-disable-line" | "secret-scanner-disable-next-line";

export interface SuppressionDirective {
  readonly directive: SuppressionDirectiveName;
  /** Where the comment starts (1-based). */
  readonly line: number;
  readonly column: number;
  /** The line it silences. */
  readonly appliesTo: number;
  /** Known rule ids it names; empty when it names none, which means every rule. */
  readonly ruleIds: readonly string[];
  /** Whether the comment named no rule at all (every rule is silenced). */
  readonly allRules: boolean;
  readonly reason?: string;
}

/** A problem with a suppression comment; the caller adds the file to make an `InputProblem`. */
export interface SuppressionProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface Suppressions {
  readonly directives: readonly SuppressionDirective[];
  readonly problems: readonly SuppressionProblem[];
  /** Whether a finding of rule `ruleId` on `line` (1-based) is silenced. */
  isSuppressed(line: number, ruleId: string): boolean;
}

const CODE_EXTENSIONS: ReadonlySet<string> = new Set([".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"]);
const YAML_EXTENSIONS: ReadonlySet<string> = new Set([".yml", ".yaml"]);

/**
 * Which comment syntax `file` uses: "code" for JavaScript and TypeScript, "hash" for YAML and env
 * files (`.env`, `.env.*`, `*.env`, `env.example`, `app.env.sample`…), undefined for anything else.
 */
export function commentKindForFile(file: string): CommentKind | undefined {
  const base = path.posix.basename(file.replace(/\\/g, "/")).toLowerCase();
  const extension = path.posix.extname(base);
  if (CODE_EXTENSIONS.has(extension)) return "code";
  if (YAML_EXTENSIONS.has(extension)) return "hash";
  if (extension === ".json") return undefined;
  if (base === ".env" || base.startsWith(".env.") || base.endsWith(".env")) return "hash";
  if (/(?:^|[._-])env[._-](?:example|sample|template|dist|defaults|local)$/.test(base)) return "hash";
  return undefined;
}

/**
 * Finds the suppression comments in `text`, a file's contents. `knownRuleIds` are the rule ids
 * that exist; any other id a comment names is reported in `problems`.
 */
export function parseSuppressions(text: string, kind: CommentKind, knownRuleIds: Iterable<string>): Suppressions {
  const known = new Set(knownRuleIds);
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { comments, hasCode } = kind === "code" ? scanCodeComments(source) : scanHashComments(source);

  const directives: SuppressionDirective[] = [];
  const problems: SuppressionProblem[] = [];
  for (const comment of comments) {
    const parsed = parseDirective(comment, known, problems);
    if (!parsed) continue;
    if (parsed.directive === "secret-scanner-disable-line" && !hasCode.has(comment.line)) {
      problems.push({
        line: comment.line,
        column: comment.column,
        message:
          "secret-scanner-disable-line on a line without code silences nothing; use secret-scanner-disable-next-line above the line",
      });
    }
    directives.push(parsed);
  }

  const byLine = new Map<number, { all: boolean; ids: Set<string> }>();
  for (const directive of directives) {
    let entry = byLine.get(directive.appliesTo);
    if (!entry) {
      entry = { all: false, ids: new Set() };
      byLine.set(directive.appliesTo, entry);
    }
    if (directive.allRules) entry.all = true;
    for (const id of directive.ruleIds) entry.ids.add(id);
  }

  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return {
    directives,
    problems,
    isSuppressed(line: number, ruleId: string): boolean {
      const entry = byLine.get(line);
      return entry !== undefined && (entry.all || entry.ids.has(ruleId));
    },
  };
}

// ---------------------------------------------------------------- directives

interface Comment {
  /** Where the comment starts (its `//`, `/*` or `#`), 1-based. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  /** The text between the delimiters. */
  readonly body: string;
  /** 1-based column of the body's first character on `line`. */
  readonly bodyColumn: number;
}

const DIRECTIVE_WORD = /^secret-scanner-[\w-]*/;
const DIRECTIVES: ReadonlySet<string> = new Set<SuppressionDirectiveName>([
  "secret-scanner-disable-line",
  "secret-scanner-disable-next-line",
]);

function parseDirective(
  comment: Comment,
  known: ReadonlySet<string>,
  problems: SuppressionProblem[],
): SuppressionDirective | undefined {
  let body = comment.body;
  let offset = body.length - body.trimStart().length;
  // `/** secret-scanner-disable-line */` is accepted too.
  if (body[offset] === "*" && body[offset + 1] !== "/") {
    offset += 1;
    while (offset < body.length && /\s/.test(body[offset]!)) offset++;
  }
  body = body.slice(offset);
  const word = DIRECTIVE_WORD.exec(body)?.[0];
  if (word === undefined) return undefined;
  const rest = body.slice(word.length);
  const at = { line: comment.line, column: comment.column };

  if (!DIRECTIVES.has(word)) {
    const shown = word.length <= 64 ? `"${word}"` : "directive";
    problems.push({
      ...at,
      message: `unknown suppression ${shown}; use secret-scanner-disable-line or secret-scanner-disable-next-line`,
    });
    return undefined;
  }
  if (rest !== "" && !/^\s/.test(rest)) {
    problems.push({ ...at, message: `malformed ${word}; write ${word} <rule-id>, <rule-id> -- <reason>` });
    return undefined;
  }
  const directive = word as SuppressionDirectiveName;

  if (comment.endLine !== comment.line) {
    problems.push({ ...at, message: `${directive} in a block comment must fit on one line; ignored` });
    return undefined;
  }

  const separator = /(?:^|\s)--(?:\s|$)/.exec(rest);
  const idText = separator ? rest.slice(0, separator.index) : rest;
  const reason = separator ? rest.slice(separator.index + separator[0].length).trim() : "";

  const ruleIds: string[] = [];
  let named = 0;
  const idColumn = comment.bodyColumn + offset + word.length;
  for (const match of idText.matchAll(/[^\s,]+/g)) {
    named++;
    const id = match[0];
    if (known.has(id)) {
      if (!ruleIds.includes(id)) ruleIds.push(id);
      continue;
    }
    problems.push({ line: comment.line, column: idColumn + match.index, message: unknownIdMessage(id, directive, known) });
  }

  return {
    directive,
    line: comment.line,
    column: comment.column,
    appliesTo: directive === "secret-scanner-disable-line" ? comment.line : comment.endLine + 1,
    ruleIds,
    allRules: named === 0,
    ...(reason ? { reason } : {}),
  };
}

function unknownIdMessage(id: string, directive: string, known: ReadonlySet<string>): string {
  // Only something shaped like a rule id is echoed back.
  if (!/^[\w./@-]{1,64}$/.test(id)) return `${directive} names a rule id that does not exist`;
  let best: string | undefined;
  let bestDistance = 4; // suggest only close matches (at most 3 edits)
  for (const candidate of known) {
    const distance = editDistance(id.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  const hint = best === undefined ? "" : ` (did you mean "${best}"?)`;
  return `${directive} names unknown rule id "${id}"${hint}`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

// ---------------------------------------------------------------- comment scanners

interface CommentScan {
  readonly comments: readonly Comment[];
  /** Lines (1-based) with something other than whitespace and comments. */
  readonly hasCode: ReadonlySet<number>;
}

/** Keywords after which `/` starts a regular expression rather than a division. */
const KEYWORDS_BEFORE_EXPRESSION: ReadonlySet<string> = new Set([
  "await",
  "case",
  "delete",
  "do",
  "else",
  "in",
  "instanceof",
  "new",
  "of",
  "return",
  "throw",
  "typeof",
  "void",
  "yield",
]);

const IDENTIFIER_START = /[\p{L}\p{Nl}$_#\\]/u;
const IDENTIFIER_PART = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$_\\\u200c\u200d]/u;

/** The comments of JavaScript or TypeScript source (see the limits in the module comment). */
function scanCodeComments(source: string): CommentScan {
  // TypeScript (and so ts-morph) breaks lines at CRLF, CR, LF, LS and PS.
  const lines = source.split(/\r\n|\r|\n|\u2028|\u2029/);
  const comments: Comment[] = [];
  const hasCode = new Set<number>();

  let block: { line: number; column: number; parts: string[] } | undefined;
  let quote: string | undefined; // an open '…' or "…" string, continued with a trailing backslash
  let inTemplate = false;
  const templateBraces: number[] = []; // for each open `${`, the depth of `{` inside it
  let expressionExpected = true; // whether a `/` here would start a regular expression

  lines.forEach((text, index) => {
    const line = index + 1;
    let i = 0;
    if (index === 0 && text.startsWith("#!")) {
      hasCode.add(line);
      return;
    }
    const markCode = () => hasCode.add(line);

    while (i < text.length) {
      if (block) {
        const end = text.indexOf("*/", i);
        if (end === -1) {
          block.parts.push(text.slice(i));
          break;
        }
        block.parts.push(text.slice(i, end));
        comments.push({
          line: block.line,
          column: block.column,
          endLine: line,
          body: block.parts.join("\n"),
          bodyColumn: block.column + 2,
        });
        block = undefined;
        i = end + 2;
        continue;
      }

      if (quote !== undefined) {
        markCode();
        while (i < text.length && text[i] !== quote) i += text[i] === "\\" ? 2 : 1;
        if (i < text.length) {
          quote = undefined;
          expressionExpected = false;
          i++;
        }
        continue;
      }

      if (inTemplate) {
        markCode();
        while (i < text.length) {
          const char = text[i];
          if (char === "\\") i += 2;
          else if (char === "`") {
            inTemplate = false;
            expressionExpected = false;
            i++;
            break;
          } else if (char === "$" && text[i + 1] === "{") {
            inTemplate = false;
            templateBraces.push(0);
            expressionExpected = true;
            i += 2;
            break;
          } else i++;
        }
        continue;
      }

      const char = text[i]!;
      if (/\s/.test(char)) {
        i++;
        continue;
      }
      if (char === "/" && text[i + 1] === "/") {
        comments.push({ line, column: i + 1, endLine: line, body: text.slice(i + 2), bodyColumn: i + 3 });
        break;
      }
      if (char === "/" && text[i + 1] === "*") {
        block = { line, column: i + 1, parts: [] };
        i += 2;
        continue;
      }

      markCode();
      if (char === "'" || char === '"') {
        quote = char;
        i++;
      } else if (char === "`") {
        inTemplate = true;
        i++;
      } else if (char === "/") {
        const end = expressionExpected ? regexEnd(text, i) : -1;
        if (end === -1) {
          expressionExpected = true; // a division
          i++;
        } else {
          expressionExpected = false;
          i = end;
        }
      } else if (IDENTIFIER_START.test(char)) {
        const start = i;
        i++;
        while (i < text.length && IDENTIFIER_PART.test(text[i]!)) i++;
        expressionExpected = KEYWORDS_BEFORE_EXPRESSION.has(text.slice(start, i));
      } else if (char >= "0" && char <= "9") {
        while (i < text.length && /[\w.]/.test(text[i]!)) i++;
        expressionExpected = false;
      } else {
        if (char === "{" && templateBraces.length > 0) templateBraces[templateBraces.length - 1]!++;
        if (char === "}" && templateBraces.length > 0) {
          if (templateBraces[templateBraces.length - 1] === 0) {
            templateBraces.pop();
            inTemplate = true;
            i++;
            continue;
          }
          templateBraces[templateBraces.length - 1]!--;
        }
        // After `)` and `]` a `/` divides; after any other punctuator (including `}`) it starts a
        // regular expression.
        expressionExpected = char !== ")" && char !== "]";
        i++;
      }
    }

    // A string ends with its line unless the line ends with a backslash (a line continuation).
    if (quote !== undefined && !endsWithOddBackslashes(text)) quote = undefined;
  });

  if (block) {
    // Unterminated block comment: keep it, so a directive in it is still reported (as multi-line).
    comments.push({
      line: block.line,
      column: block.column,
      endLine: lines.length,
      body: block.parts.join("\n"),
      bodyColumn: block.column + 2,
    });
  }
  return { comments, hasCode };
}

/** The index after the regular expression literal starting at `start`, or -1 if the line has none. */
function regexEnd(text: string, start: number): number {
  let i = start + 1;
  let inClass = false;
  while (i < text.length) {
    const char = text[i];
    if (char === "\\") i += 2;
    else if (inClass) {
      if (char === "]") inClass = false;
      i++;
    } else if (char === "[") {
      inClass = true;
      i++;
    } else if (char === "/") {
      i++;
      while (i < text.length && /[a-z]/i.test(text[i]!)) i++; // flags
      return i;
    } else i++;
  }
  return -1;
}

function endsWithOddBackslashes(text: string): boolean {
  let count = 0;
  for (let i = text.length - 1; i >= 0 && text[i] === "\\"; i--) count++;
  return count % 2 === 1;
}

/** The `#` comments of a YAML or env file (see the limits in the module comment). */
function scanHashComments(source: string): CommentScan {
  const lines = source.split(/\r\n|\r|\n/);
  const comments: Comment[] = [];
  const hasCode = new Set<number>();

  lines.forEach((text, index) => {
    const line = index + 1;
    let quote: string | undefined;
    for (let i = 0; i < text.length; i++) {
      const char = text[i]!;
      if (quote !== undefined) {
        if (char === "\\" && quote !== "'") i++;
        else if (char === quote) {
          if (quote === "'" && text[i + 1] === "'") i++; // YAML's '' escape
          else quote = undefined;
        }
        continue;
      }
      if (/\s/.test(char)) continue;
      const previous = i === 0 ? " " : text[i - 1]!;
      if (char === "#" && /\s/.test(previous)) {
        comments.push({ line, column: i + 1, endLine: line, body: text.slice(i + 1), bodyColumn: i + 2 });
        break;
      }
      hasCode.add(line);
      if ((char === "'" || char === '"' || char === "`") && /[\s=:[{,]/.test(previous)) quote = char;
    }
  });
  return { comments, hasCode };
}
