/**
 * Lines and columns in a text, for every reader: where each line starts (found with indexOf,
 * much faster than a character loop), and the line of an offset (a binary search).
 */

/** Offsets of the first character of each line, counting `\n` as the line break. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) starts.push(at + 1);
  return starts;
}

/** 0-based index of the line (in `lineStarts`) that holds `offset`. */
export function lineIndexAt(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** 1-based line and column of an offset. */
export function lineAndColumn(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  const index = lineIndexAt(lineStarts, offset);
  return { line: index + 1, column: offset - lineStarts[index]! + 1 };
}
