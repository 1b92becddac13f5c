/** Name patterns of the settings (`alwaysSecret`, `ignoreNames`) and of `allowNames` options. */

/**
 * A tiny `*` glob for names: `*` matches any run of characters (line breaks too). Matched by
 * hand, not through a RegExp: `^.*A.*B.*$` backtracks polynomially (a long name and a pattern
 * with a few stars took minutes) and a pattern of some 40 000 characters is too large for one.
 * The parts between stars are matched at their leftmost places, which finds a match if any exists.
 */
export function matchesNamePattern(name: string, pattern: string): boolean {
  if (!pattern.includes("*")) return name === pattern;
  const parts = pattern.split("*");
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (name.length < first.length + last.length || !name.startsWith(first) || !name.endsWith(last)) return false;
  const end = name.length - last.length;
  let at = first.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i]!;
    const found = name.indexOf(part, at);
    if (found === -1 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}
