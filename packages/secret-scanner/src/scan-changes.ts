/**
 * A check of changed files (`check --staged`, `check FILE…`): what the change can have broken,
 * at a cost that follows the size of the change, not of the repository.
 *
 *  - A changed compose file, env example or configuration file can break any read of the
 *    repository: the whole cross-check runs (a full scan).
 *  - Otherwise only the changed code files' reads are judged, against every compose file and
 *    env example: they are parsed, and the modules their calls and names lead into (wrappers,
 *    environment accessors, constants defined elsewhere) on demand (readCode's scope). The other
 *    code files are listed (to resolve imports) but not read. Findings are kept when they are
 *    about a changed code file.
 *
 * Checks that need every read of the repository (a declaration nothing reads any more) are left
 * to the full check; see docs/pre-commit.md for what is and is not caught.
 */
import path from "node:path";
import { loadScannerConfig, type ScannerConfig } from "./config/load-config.js";
import { CHECK_IDS } from "./config/schema.js";
import { classifyListedFiles, discoverFiles, listedFileClassifier } from "./discovery/discover.js";
import type { DiscoveredFiles } from "./model.js";
import type { ReportData } from "./report/json.js";
import { discoveryOptions, scanFiles, type ScanOptions } from "./scan.js";

export interface Changes {
  /** Changed files that exist (relative POSIX paths from the scan root). */
  readonly present: readonly string[];
  /** Deleted files (and old paths of renames): they tell whether a compose file or env example changed. */
  readonly deleted: readonly string[];
}

/** What a check of changes reports: a scan's report data, without the facts a whole scan keeps. */
export interface ChangesScanResult extends ReportData {
  readonly config: ScannerConfig;
  /** `full`: the whole cross-check ran; `code`: the changed code files were checked; `none`: nothing to check. */
  readonly scope: "full" | "code" | "none";
}

/** The name-mismatch check pairs a read with a declaration that nothing else reads: only a full scan knows. */
const NEEDS_EVERY_READ = "name-mismatch";

/** POSIX path of `absolute` from `root`, or undefined outside it. */
function relativePath(root: string, absolute: string): string | undefined {
  const relative = path.relative(root, absolute).split(path.sep).join("/");
  return relative === "" || relative.startsWith("../") || relative === ".." || path.isAbsolute(relative) ? undefined : relative;
}

/** The configuration files whose change changes every check: the one in use, and the default name. */
function configFiles(root: string, config: ScannerConfig): Set<string> {
  const files = new Set(["secret-scanner.config.json"]);
  if (config.source !== undefined) {
    const file = relativePath(root, config.source.replace(/#[^#/\\]*$/, ""));
    if (file !== undefined) files.add(file);
  }
  return files;
}

/**
 * Scans what `changes` can have broken under `root`.
 * @param listFiles the files of the repository (git's index or listing), without reading them;
 *   undefined outside git, where the tree is walked (walking lists files, it does not read code)
 */
export async function scanChanges(
  root: string,
  changes: Changes,
  listFiles: (() => readonly string[]) | undefined,
  options: ScanOptions = {},
): Promise<ChangesScanResult> {
  const config = loadScannerConfig(root, options.configFile);
  const classify = listedFileClassifier(discoveryOptions(config));
  const triggers = configFiles(root, config);
  const crossFile = [...changes.present, ...changes.deleted].find((file) => {
    const kind = classify(file);
    return triggers.has(file) || kind === "compose" || kind === "envExample";
  });
  const walk = (): DiscoveredFiles => discoverFiles(root, discoveryOptions(config));
  if (crossFile !== undefined) {
    const result = await scanFiles(root, config, walk());
    return { ...result, scope: "full", notes: [...result.notes, `${crossFile} changed: the whole repository was checked`] };
  }

  const changedCode = [...new Set(changes.present.filter((file) => classify(file) === "code"))].sort();
  if (changedCode.length === 0) {
    return {
      scope: "none",
      findings: [],
      inventory: [],
      notes: changes.present.length + changes.deleted.length === 0 ? [] : ["no changed code, compose or env example file: nothing to check"],
      services: [],
      config,
      filesScanned: 0,
      checksRun: CHECK_IDS,
    };
  }

  const listed = listFiles ? classifyListedFiles(root, listFiles(), discoveryOptions(config)) : walk();
  // a file named on the command line is checked even when git does not list it (an ignored file)
  const discovered: DiscoveredFiles = { ...listed, code: [...new Set([...listed.code, ...changedCode])].sort() };
  const changed = new Set(changedCode);
  let result = await scanFiles(root, config, discovered, changedCode);
  let findings = result.findings.filter((finding) => changed.has(finding.file));
  if (findings.some((finding) => finding.ruleId === NEEDS_EVERY_READ)) {
    // rare, and only when something is wrong: the exact answer costs a full scan
    result = await scanFiles(root, config, walk());
    findings = result.findings.filter((finding) => changed.has(finding.file));
  }
  return {
    ...result,
    scope: "code",
    findings,
    // the secrets the changed files read; declarations elsewhere are listed with them
    inventory: result.inventory.filter((entry) => entry.reads.some((read) => changed.has(read.file))),
    notes: [
      ...result.notes,
      `checked the reads of ${changedCode.length} changed code file(s); unused-compose-secret, unused-env-example-key and granted-but-unused need a full check`,
    ],
  };
}
