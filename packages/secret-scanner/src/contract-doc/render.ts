/**
 * The contract as Markdown: one table row per secret, then the rule behind the status column.
 * Same contract, same bytes: rows come sorted by name and cells sorted by the contract builder.
 */
import type { ContractEntry, ContractGrant, ContractRead, SecretSource } from "./contract.js";

/**
 * A code span that stays in its table cell: `|` is escaped (GitHub reads `\|` as a pipe inside a
 * code span in a table), a line break becomes a space, and a backtick gets a longer fence.
 */
function code(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, " ").replace(/\|/g, "\\|");
  if (!flat.includes("`")) return `\`${flat}\``;
  let fence = "``";
  while (flat.includes(fence)) fence += "`";
  return `${fence} ${flat} ${fence}`;
}

function renderSource(source: SecretSource): string {
  switch (source.kind) {
    case "compose": {
      const where = `compose secret (${code(source.file)})`;
      if (source.provider === "file") return `${where}: file ${code(source.from!)}`;
      if (source.provider === "environment") return `${where}: variable ${code(source.from!)} of the compose environment`;
      if (source.provider === "external") return `${where}: external`;
      return where;
    }
    case "mount":
      return `file ${code(source.path)} in ${code(source.service)}, named by ${code(source.variable)}`;
    case "carrier":
      return `the file of compose secret ${code(source.secret)}, named by ${code(source.variable)} in ${code(source.service)}`;
    case "env-example":
      return `env example ${code(source.file)}`;
  }
}

function renderGrant(grant: ContractGrant): string {
  return grant.target === undefined ? code(grant.service) : `${code(grant.service)} (at ${code(grant.target)})`;
}

function renderRead(read: ContractRead): string {
  const as = read.as === undefined ? "" : ` as ${code(read.as)}`;
  return `${code(`${read.file}:${read.line}`)}${as}${read.optional ? " (optional)" : ""}`;
}

function cell(items: readonly string[]): string {
  return items.length === 0 ? "—" : items.join("<br>");
}

const LEGEND = [
  "**required**: read through the accessor (`getSecret`) outside any presence check; the accessor throws when the secret is missing, so the service fails fast.",
  "**optional**: every read checks that the secret is present first (`hasSecret(\"X\")`, `if (process.env.X)`), or is `getOptionalSecret`.",
  "**unchecked**: read from the environment (`process.env.X`) without the accessor and without a presence check: the code expects it, but nothing fails fast when it is missing.",
  "**not read**: declared, but no code reads it.",
];

/** The generated part of the document (without its markers), ending with a newline. */
export function renderContract(entries: readonly ContractEntry[]): string {
  const lines =
    entries.length === 0
      ? ["The scan found no secret."]
      : [
          "| Secret | Status | Sources | Granted to | Read in |",
          "| --- | --- | --- | --- | --- |",
          ...entries.map(
            (entry) =>
              `| ${code(entry.name)} | ${entry.status} | ${cell(entry.sources.map(renderSource))} | ${cell(entry.grants.map(renderGrant))} | ${cell(entry.reads.map(renderRead))} |`,
          ),
        ];
  lines.push("", ...LEGEND.map((text) => `- ${text}`));
  return `${lines.join("\n")}\n`;
}
