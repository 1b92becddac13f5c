/**
 * `secret-scanner fix`: one scan, a plan from its findings (fix/plan.ts), the edits applied to
 * the files' texts (fix/env-example-edit.ts, fix/compose-edit.ts), then either written and listed
 * (`fix`, `check --fix`) or shown as a masked unified diff (`fix --dry-run`).
 *
 * Exit code of `fix`: 0 once the fixes are written (or shown, with --dry-run), even if findings that
 * no fix covers remain (`check`, or `check --fix`, says whether the repository is clean); 2 for a
 * usage error. Output names files and secret names only, never a value.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { applyComposeEdit } from "../fix/compose-edit.js";
import { applyEnvExampleEdit } from "../fix/env-example-edit.js";
import { planFixes, type FixOptions } from "../fix/plan.js";
import { reviewDiff } from "../fix/review-diff.js";
import { scan, type ScanResult } from "../scan.js";
import { resolveRoot } from "./root.js";
import { EXIT_CLEAN, UsageError } from "./exit.js";

export interface FixCommandOptions {
  config?: string;
  compose?: boolean;
  prune?: boolean;
  dryRun?: boolean;
}

/** One file the fix changes. */
interface FileChange {
  readonly file: string;
  readonly before: string;
  readonly after: string;
  readonly ownLines: ReadonlySet<string>;
  /** What changed, one line each: names only. */
  readonly summary: readonly string[];
}

export interface FixOutcome {
  readonly changes: readonly FileChange[];
  readonly notes: readonly string[];
  /** The scan the fixes were planned from: the repository as it was before them. */
  readonly scanned: ScanResult;
}

function list(names: readonly string[]): string {
  return names.join(", ");
}

/**
 * The file's text, or undefined (with a note) when it cannot be edited without changing bytes we
 * did not mean to: a file that is not valid UTF-8 would not be written back as it was.
 */
function readForEdit(root: string, file: string, notes: string[]): string | undefined {
  let buffer: Buffer;
  try {
    buffer = readFileSync(path.join(root, file));
  } catch (error) {
    notes.push(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}); left as it is`);
    return undefined;
  }
  const text = buffer.toString("utf8");
  if (!Buffer.from(text, "utf8").equals(buffer)) {
    notes.push(`${file}: not valid UTF-8; left as it is`);
    return undefined;
  }
  return text;
}

/** Scans `root`, plans the fixes and computes every file's new text; writes them unless `dryRun`. */
export async function runFix(root: string, options: FixCommandOptions): Promise<FixOutcome> {
  const result = await scan(root, options.config !== undefined ? { configFile: path.resolve(options.config) } : {});
  const fixOptions: FixOptions = { compose: options.compose === true, prune: options.prune === true };
  const plan = planFixes(
    {
      findings: result.findings,
      envExampleFiles: result.facts.envExamples.files,
      compose: result.facts.compose,
      lowercaseComposeNames: result.config.lowercaseComposeNames,
    },
    fixOptions,
  );
  const notes = [...plan.notes];
  const changes: FileChange[] = [];

  for (const edit of plan.envExamples) {
    const before = readForEdit(root, edit.file, notes);
    if (before === undefined) continue;
    const { text, ownLines } = applyEnvExampleEdit(before, edit);
    const summary = [
      ...(edit.add.length > 0 ? [`${edit.file}: added ${list(edit.add.map((addition) => addition.name))}`] : []),
      ...(edit.remove.length > 0 ? [`${edit.file}: removed ${list(edit.remove)}`] : []),
    ];
    if (text !== before) changes.push({ file: edit.file, before, after: text, ownLines, summary });
  }

  let declaredSecrets = false;
  for (const edit of plan.compose) {
    const before = readForEdit(root, edit.file, notes);
    if (before === undefined) continue;
    const { text, ownLines, applied, notes: editNotes } = applyComposeEdit(before, edit);
    notes.push(...editNotes);
    const grants = new Map<string, string[]>();
    for (const grant of applied.grants) grants.set(grant.service, [...(grants.get(grant.service) ?? []), grant.secret]);
    const summary = [
      ...(applied.addSecrets.length > 0
        ? [`${edit.file}: declared secret ${list(applied.addSecrets.map((addition) => `${addition.name} (file: ${addition.sourceFile})`))}`]
        : []),
      ...[...grants].map(([service, secrets]) => `${edit.file}: granted ${list(secrets)} to service ${service}`),
      ...(applied.removeSecrets.length > 0 ? [`${edit.file}: removed secret ${list(applied.removeSecrets)}`] : []),
    ];
    declaredSecrets ||= applied.addSecrets.length > 0;
    if (text !== before) changes.push({ file: edit.file, before, after: text, ownLines, summary });
  }
  if (declaredSecrets) {
    notes.push("each new compose secret reads its value from ./secrets/<name>.txt beside its compose file: create that file, and keep it out of git");
  }

  if (!options.dryRun) {
    for (const change of changes) {
      try {
        writeFileSync(path.join(root, change.file), change.after);
      } catch (error) {
        throw new UsageError(`${change.file}: cannot write the fix (${(error as NodeJS.ErrnoException).code ?? "error"})`);
      }
    }
  }
  return { changes, notes, scanned: result };
}

export async function fix(rootArgument: string, options: FixCommandOptions): Promise<number> {
  const root = resolveRoot(rootArgument);
  const outcome = await runFix(root, options);
  if (options.dryRun) {
    for (const change of outcome.changes) process.stdout.write(reviewDiff(change.file, change.before, change.after, change.ownLines));
  } else {
    for (const change of outcome.changes) for (const line of change.summary) process.stdout.write(`${line}\n`);
  }
  if (outcome.changes.length === 0) process.stderr.write("secret-scanner: no file changed\n");
  for (const note of outcome.notes) process.stderr.write(`note: ${note}\n`);
  return EXIT_CLEAN;
}
