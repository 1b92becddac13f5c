export { scan, type ScanOptions, type ScanResult } from "./scan.js";
export { runChecks, compareFindings, type CheckInput, type CheckResult, type InventoryEntry, type ServiceEntry } from "./checks/run-checks.js";
export { loadScannerConfig, DEFAULT_SEVERITIES, type ScannerConfig } from "./config/load-config.js";
export { isEnvExampleName } from "./discovery/env-example-names.js";
export { configSchema, RULE_IDS } from "./config/schema.js";
export { formatJson, type ReportData } from "./report/json.js";
export { formatHtml } from "./report/html.js";
export { formatText } from "./report/text.js";
export type * from "./model.js";
