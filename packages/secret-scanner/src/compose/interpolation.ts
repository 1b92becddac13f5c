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

/** Finds every interpolated variable in `text`, including those nested in defaults. */
export function scanInterpolations(text: string): InterpolationScan {
  const refs: InterpolationRef[] = [];
  const invalid: number[] = [];
  scan(text, 0, false, refs, invalid);
  return { refs, invalid };
}

/**
 * Scans from `start`. When `nested`, stops at the `}` closing the enclosing `${…}` and returns
 * its index; otherwise (or if there is none) returns `text.length`.
 */
function scan(text: string, start: number, nested: boolean, refs: InterpolationRef[], invalid: number[]): number {
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (nested && c === "}") return i;
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
      refs.push({ name, offset: i });
      const afterName = i + 2 + name.length;
      if (text[afterName] === "}") {
        i = afterName + 1;
        continue;
      }
      const op = matchAt(OPERATOR, text, afterName);
      if (op === undefined) {
        invalid.push(i);
        i = afterName;
        continue;
      }
      const close = scan(text, afterName + op.length, true, refs, invalid);
      if (close >= text.length) {
        invalid.push(i);
        return text.length;
      }
      i = close + 1;
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
  return text.length;
}
