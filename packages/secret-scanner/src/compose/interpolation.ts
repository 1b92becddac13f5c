/**
 * Compose variable interpolation (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?err}`, `${VAR?err}`, `${VAR:+alt}`, `${VAR+alt}`; `$$` is a literal `$`), as in
 * compose-spec "Interpolation". Only the variable names and their offsets are returned; the
 * defaults and messages are scanned for nested interpolations but never kept.
 */

export interface InterpolationRef {
  readonly name: string;
  /** Offset of the `$` in the scanned text. */
  readonly offset: number;
  /**
   * `${NAME:-default}` or `${NAME-default}`: compose substitutes the default when the variable is
   * unset (or empty, with `:`). Absent for `${NAME}`, `$NAME`, the fail-fast `${NAME:?err}` and the
   * alternative `${NAME:+alt}`. The default's text is not kept.
   */
  readonly defaulted?: true;
}

export interface InterpolationScan {
  readonly refs: readonly InterpolationRef[];
  /** Offsets of `$` that start a malformed interpolation (compose rejects these). */
  readonly invalid: readonly number[];
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const OPERATOR = /:?[-?+]/y;

function matchAt(re: RegExp, text: string, at: number): string | undefined {
  re.lastIndex = at;
  return re.exec(text)?.[0];
}

/**
 * Finds every interpolated variable in `text`, including those nested in defaults. Iterative (a
 * stack of the open `${…}`), so that absurd nesting cannot overflow the call stack.
 */
export function scanInterpolations(text: string): InterpolationScan {
  const refs: InterpolationRef[] = [];
  const invalid: number[] = [];
  /** Offsets of the `$` of each `${NAME<op>` whose closing `}` is still to come, innermost last. */
  const open: number[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "}" && open.length > 0) {
      open.pop();
      i++;
      continue;
    }
    if (c !== "$") {
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === "$") {
      i += 2;
      continue;
    }
    if (next === "{") {
      const name = matchAt(NAME, text, i + 2);
      if (name === undefined) {
        invalid.push(i);
        i += 2;
        continue;
      }
      const afterName = i + 2 + name.length;
      if (text[afterName] === "}") {
        refs.push({ name, offset: i });
        i = afterName + 1;
        continue;
      }
      const op = matchAt(OPERATOR, text, afterName);
      if (op === undefined) {
        refs.push({ name, offset: i });
        invalid.push(i);
        i = afterName;
        continue;
      }
      refs.push(op.endsWith("-") ? { name, offset: i, defaulted: true } : { name, offset: i });
      // The default, message or alternative runs to the matching `}` and may nest more `${…}`.
      open.push(i);
      i = afterName + op.length;
      continue;
    }
    const name = matchAt(NAME, text, i + 1);
    if (name !== undefined) {
      refs.push({ name, offset: i });
      i += 1 + name.length;
      continue;
    }
    // A lone `$` (e.g. `$1`, `cost: 5$`) is kept literally by compose.
    i++;
  }
  // Unclosed `${…}`, innermost first.
  while (open.length > 0) invalid.push(open.pop()!);
  return { refs, invalid };
}
