/**
 * `--baseline FILE`: adopt the scanner on an existing repository in one step. The first run
 * writes the current findings; later runs report only findings that are not in it.
 *
 * A finding is remembered by rule, file and secret name, not by line, so that edits elsewhere
 * in a file do not resurface old findings; counts are kept, so a second copy of an old problem
 * is still new. The file holds names and paths only, never a value.
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { Finding } from "./model.js";

interface BaselineFile {
  readonly version: 1;
  readonly findings: readonly { readonly ruleId: string; readonly file: string; readonly secret?: string }[];
}

function keyOf(finding: { ruleId: string; file: string; secret?: string }): string {
  return `${finding.ruleId}\u0000${finding.file}\u0000${finding.secret ?? ""}`;
}

export class BaselineError extends Error {
  override readonly name = "BaselineError";
}

/** Reads a baseline, or returns undefined when the file does not exist yet. */
export function readBaseline(file: string): BaselineFile | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new BaselineError(`${file}: cannot read the baseline (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BaselineError(`${file}: the baseline is not valid JSON`);
  }
  const candidate = parsed as Partial<BaselineFile> | null;
  if (candidate?.version !== 1 || !Array.isArray(candidate.findings)) {
    throw new BaselineError(`${file}: not a secret-scanner baseline (expected {"version": 1, "findings": [...]})`);
  }
  return candidate as BaselineFile;
}

/** A bug of ours is never adopted as a known finding: it must stay visible until it is fixed. */
export const isAdoptable = (finding: Finding): boolean => finding.ruleId !== "internal-error";

export function writeBaseline(file: string, findings: readonly Finding[]): void {
  const content: BaselineFile = {
    version: 1,
    findings: findings.filter(isAdoptable).map((finding) => ({
      ruleId: finding.ruleId,
      file: finding.file,
      ...(finding.secret !== undefined ? { secret: finding.secret } : {}),
    })),
  };
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
}

/** The findings that the baseline does not account for (findings must be sorted). */
export function newFindings(findings: readonly Finding[], baseline: BaselineFile): Finding[] {
  const remaining = new Map<string, number>();
  for (const known of baseline.findings) remaining.set(keyOf(known), (remaining.get(keyOf(known)) ?? 0) + 1);
  return findings.filter((finding) => {
    if (!isAdoptable(finding)) return true;
    const count = remaining.get(keyOf(finding)) ?? 0;
    if (count === 0) return true;
    remaining.set(keyOf(finding), count - 1);
    return false;
  });
}
