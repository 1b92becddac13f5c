/**
 * `--format html`: one self-contained page (inline CSS, no script, no external asset, a strict
 * Content-Security-Policy) with the summary, the secrets × services matrix, the drift table and
 * the findings by file. A pure function of the report data, like the other reporters: the same
 * data gives the same bytes (no timestamp). Every text goes through the `html` tag, which
 * escapes it. Elements carry `data-*` attributes so that tests and scripts can read the page.
 */
import { createHash } from "node:crypto";
import type { InventoryEntry, ServiceEntry } from "../checks/run-checks.js";
import type { Finding, RuleId } from "../model.js";
import { checkDocsUrl, SCANNER_DOCS_URL } from "./docs-url.js";
import { html, SafeHtml } from "./html-escape.js";
import { summarize, type ReportData } from "./json.js";

/** What a matrix cell says about one secret and one service. */
type CellState = "granted-read" | "granted-unused" | "granted-unknown" | "read-not-granted" | "none";

const STATES: ReadonlyArray<{ readonly state: CellState; readonly symbol: string; readonly label: string; readonly meaning: string }> = [
  { state: "granted-read", symbol: "✔", label: "granted, read", meaning: "the service is granted the secret and its code reads it" },
  { state: "granted-unused", symbol: "⚠", label: "granted, unused", meaning: "the service is granted the secret but none of its code reads it" },
  {
    state: "read-not-granted",
    symbol: "✖",
    label: "read, not granted",
    meaning: "the service's code reads the name but its secrets: does not grant it",
  },
  {
    state: "granted-unknown",
    symbol: "?",
    label: "granted, code not scanned",
    meaning: "the service is granted the secret; its code is not in the scan (an image built elsewhere)",
  },
  { state: "none", symbol: "·", label: "neither", meaning: "not granted and not read" },
];
const STATE_BY_NAME = new Map(STATES.map((entry) => [entry.state, entry]));

function cellState(entry: InventoryEntry, service: ServiceEntry): CellState {
  const granted = entry.grantedTo.includes(service.name);
  const read = entry.readBy.includes(service.name);
  if (granted && read) return "granted-read";
  if (granted) return service.codeScanned ? "granted-unused" : "granted-unknown";
  return read ? "read-not-granted" : "none";
}

// Colours pass WCAG AA for the dark text on them; every state also has a symbol and a label.
const STYLE = `
:root { color-scheme: light; --border: #c9ced6; --muted: #57606a; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--border); }
h3 { font-size: 14px; margin: 16px 0 6px; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
p, li { max-width: 960px; }
.muted { color: var(--muted); }
table { border-collapse: collapse; margin: 4px 0 8px; }
th, td { border: 1px solid var(--border); padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: #f3f5f7; }
code, .name { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 13px; }
.counts { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 24px; }
.number { text-align: right; font-variant-numeric: tabular-nums; }
.sev-error { color: #b42318; font-weight: 600; }
.sev-warning { color: #8a5a00; font-weight: 600; }
.ok { color: #1a7f37; font-weight: 600; }
.cell { white-space: nowrap; }
.state-granted-read { background: #d3f3dc; }
.state-granted-unused { background: #fde8b0; }
.state-read-not-granted { background: #ffd7d5; }
.state-granted-unknown { background: #dde7f7; }
.state-none { background: #fff; color: var(--muted); }
.symbol { display: inline-block; width: 1.2em; font-weight: 700; }
.legend { list-style: none; padding: 0; margin: 8px 0; display: flex; flex-wrap: wrap; gap: 6px 16px; }
.legend li { padding: 2px 8px; border: 1px solid var(--border); }
.yes { color: #1a7f37; }
.no { color: #b42318; }
.location { white-space: nowrap; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 13px; }
`;

/**
 * No script, no image, no font, no request of any kind: only the one inline style sheet, by its
 * hash (so no other inline style can run either).
 */
function contentSecurityPolicy(): string {
  const styleHash = createHash("sha256").update(STYLE).digest("base64");
  return `default-src 'none'; style-src 'sha256-${styleHash}'; base-uri 'none'; form-action 'none'`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function summarySection(data: ReportData): SafeHtml {
  const { errors, warnings } = summarize(data.findings);
  const byRule = new Map<RuleId, number>();
  for (const finding of data.findings) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
  const rules = [...byRule].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const verdict =
    data.findings.length === 0
      ? html`<p class="ok" data-verdict="clean">✔ No problems (${plural(data.filesScanned, "file")} checked)</p>`
      : html`<p data-verdict="problems"><span class="${errors > 0 ? "sev-error" : "sev-warning"}">✖ ${plural(data.findings.length, "problem")}</span> (${plural(errors, "error")}, ${plural(warnings, "warning")}) in ${plural(data.filesScanned, "file")} checked</p>`;
  return html`<section id="summary">
<h2>Summary</h2>
${verdict}
<div class="counts">
<table>
<thead><tr><th>severity</th><th>findings</th></tr></thead>
<tbody>
<tr><td class="sev-error">error</td><td class="number" data-count-severity="error">${errors}</td></tr>
<tr><td class="sev-warning">warning</td><td class="number" data-count-severity="warning">${warnings}</td></tr>
<tr><td>files scanned</td><td class="number" data-count-files>${data.filesScanned}</td></tr>
</tbody>
</table>
${
  rules.length === 0
    ? html``
    : html`<table>
<thead><tr><th>check</th><th>findings</th></tr></thead>
<tbody>
${rules.map(([ruleId, count]) => html`<tr><td><a href="${checkDocsUrl(ruleId)}"><code>${ruleId}</code></a></td><td class="number" data-count-rule="${ruleId}">${count}</td></tr>\n`)}</tbody>
</table>`
}
</div>
</section>
`;
}

function matrixSection(data: ReportData): SafeHtml {
  const legend = html`<ul class="legend">
${STATES.map(({ state, symbol, label, meaning }) => html`<li class="state-${state}" title="${meaning}"><span class="symbol">${symbol}</span>${label}: ${meaning}</li>\n`)}</ul>`;
  let body: SafeHtml;
  if (data.services.length === 0) {
    body = html`<p class="muted" data-matrix="empty">No compose service was found, so there is no grant to show.</p>`;
  } else if (data.inventory.length === 0) {
    body = html`<p class="muted" data-matrix="empty">No secret was found.</p>`;
  } else {
    const header = data.services.map(
      (service) =>
        html`<th scope="col" data-service="${service.name}"><span class="name">${service.name}</span>${service.codeScanned ? "" : html`<br><span class="muted">code not scanned</span>`}</th>`,
    );
    const rows = data.inventory.map((entry) => {
      const cells = data.services.map((service) => {
        const state = cellState(entry, service);
        const { symbol, label } = STATE_BY_NAME.get(state)!;
        return html`<td class="cell state-${state}" data-secret="${entry.name}" data-service="${service.name}" data-state="${state}"><span class="symbol">${symbol}</span>${label}</td>`;
      });
      return html`<tr><th scope="row" class="name" data-secret="${entry.name}">${entry.name}</th>${cells}</tr>\n`;
    });
    body = html`<table data-matrix="secrets-by-service">
<thead><tr><th scope="col">secret</th>${header}</tr></thead>
<tbody>
${rows}</tbody>
</table>`;
  }
  return html`<section id="matrix">
<h2>Secrets × services</h2>
<p class="muted">Which compose service is granted which secret (<code>services.&lt;name&gt;.secrets</code>), and whose code reads it (the files under its build context, what they import, and configured globs).</p>
${legend}
${body}
</section>
`;
}

function presence(found: boolean, count: number, what: string): SafeHtml {
  return found
    ? html`<span class="yes">✔ yes</span> <span class="muted">(${plural(count, what)})</span>`
    : html`<span class="no">✖ no</span>`;
}

function driftSection(data: ReportData): SafeHtml {
  // name-mismatch pairs, from both ends: the name read, and the declared name to use instead
  const useInstead = new Map<string, Set<string>>();
  const readAs = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, value: string): void => {
    const values = map.get(key) ?? new Set<string>();
    values.add(value);
    map.set(key, values);
  };
  for (const finding of data.findings) {
    if (finding.ruleId !== "name-mismatch" || finding.secret === undefined || finding.suggestion === undefined) continue;
    add(useInstead, finding.secret, finding.suggestion);
    add(readAs, finding.suggestion, finding.secret);
  }
  const sorted = (values: Set<string> | undefined): string[] => [...(values ?? [])].sort();
  const rows = data.inventory.map((entry) => {
    const inCode = entry.reads.length > 0;
    const inCompose = entry.declared.compose.length > 0;
    const inEnv = entry.declared.envExample.length > 0;
    const suggestions = [
      ...sorted(useInstead.get(entry.name)).map(
        (name) => html`<div data-suggestion="${name}">rename to <code>${name}</code> (<a href="${checkDocsUrl("name-mismatch")}">name-mismatch</a>)</div>`,
      ),
      ...sorted(readAs.get(entry.name)).map((name) => html`<div data-read-as="${name}">the code reads it as <code>${name}</code></div>`),
    ];
    return html`<tr data-drift-secret="${entry.name}" data-in-code="${inCode}" data-in-compose="${inCompose}" data-in-env-example="${inEnv}"><th scope="row" class="name">${entry.name}</th><td>${presence(inCode, entry.reads.length, "read")}</td><td>${presence(inCompose, entry.declared.compose.length, "declaration")}</td><td>${presence(inEnv, entry.declared.envExample.length, "key")}</td><td>${suggestions}</td></tr>\n`;
  });
  return html`<section id="drift">
<h2>Drift</h2>
<p class="muted">Every secret name: whether the code reads it, a compose file declares it under top-level <code>secrets:</code>, and an env example lists it.</p>
${
  data.inventory.length === 0
    ? html`<p class="muted">No secret was found.</p>`
    : html`<table data-drift>
<thead><tr><th scope="col">secret</th><th scope="col">in code</th><th scope="col">in compose</th><th scope="col">in env example</th><th scope="col">name mismatch</th></tr></thead>
<tbody>
${rows}</tbody>
</table>`
}
</section>
`;
}

function findingsSection(data: ReportData): SafeHtml {
  const byFile = new Map<string, Finding[]>();
  for (const finding of data.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  const files = [...byFile].map(
    ([file, findings]) => html`<section class="file" data-file="${file}">
<h3>${file}</h3>
<table>
<thead><tr><th scope="col">position</th><th scope="col">severity</th><th scope="col">message</th><th scope="col">check</th></tr></thead>
<tbody>
${findings.map(
  (finding) =>
    html`<tr data-finding data-rule="${finding.ruleId}" data-severity="${finding.severity}"><td class="location">${finding.line}:${finding.column}</td><td class="sev-${finding.severity}">${finding.severity}</td><td>${finding.message}</td><td><a href="${checkDocsUrl(finding.ruleId)}"><code>${finding.ruleId}</code></a></td></tr>\n`,
)}</tbody>
</table>
</section>
`,
  );
  return html`<section id="findings">
<h2>Findings</h2>
${data.findings.length === 0 ? html`<p class="ok">✔ No problems.</p>` : files}
</section>
`;
}

function notesSection(notes: readonly string[]): SafeHtml {
  if (notes.length === 0) return html``;
  return html`<section id="notes">
<h2>Notes</h2>
<ul>
${notes.map((note) => html`<li data-note>${note}</li>\n`)}</ul>
</section>
`;
}

export function formatHtml(data: ReportData): string {
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>secret-scanner report</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>
<h1>secret-scanner report</h1>
<p class="muted">Names, paths and positions only: no secret value is ever written here. Each check is documented under <a href="${SCANNER_DOCS_URL}">docs/scanner</a>.</p>
${summarySection(data)}${matrixSection(data)}${driftSection(data)}${findingsSection(data)}${notesSection(data.notes)}</body>
</html>
`;
  return page.markup;
}
