// docs/migrating-from-1x.md is the 1.x table in prose: every name and option of the data has its row,
// with the same decision and target, so the guide cannot drift from what the rules and codemod read.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { API_1X, OPTIONS_1X } from "./honeyhive-1x.js";
import type { Migration } from "./types.js";

const guide = readFileSync(join(import.meta.dirname, "..", "..", "..", "docs", "migrating-from-1x.md"), "utf8");
const cell = (text: string) => text.replace(/\|/g, "\\|");

/** The table rows under the `### <title>` heading, up to the next heading. */
function rowsUnder(title: string): string[] {
  const start = guide.indexOf(`\n### ${title}\n`);
  if (start === -1) return [];
  const end = guide.indexOf("\n#", start + 1);
  return guide
    .slice(start, end === -1 ? undefined : end)
    .split("\n")
    .filter((line) => line.startsWith("| `"));
}

function expectRow(rows: readonly string[], first: string, migration: Migration): void {
  const row = rows.find((line) => line.startsWith(`| \`${cell(first)}\` |`));
  expect(row, `row for ${first}`).toBeDefined();
  const cells = row!.split(/(?<!\\)\|/).map((part) => part.trim());
  // | name | versions | decision | this SDK | why | status |
  expect(cells[3], `decision of ${first}`).toBe(migration.decision);
  expect(cells[4], `target of ${first}`).toBe(migration.to === undefined ? "—" : `\`${cell(migration.to)}\``);
  expect(cells[6], `status of ${first}`).toBe(migration.status);
}

const SECTIONS = { static: "Static members of `HoneyHiveTracer`", instance: "Instance members of a 1.x tracer", export: "Exports of `honeyhive` 1.x" } as const;

describe("docs/migrating-from-1x.md", () => {
  it("has a row with the data's decision and target for every 1.x name", () => {
    for (const entry of API_1X) expectRow(rowsUnder(SECTIONS[entry.where]), entry.display, entry.migration);
  });

  it("has a row with the data's decision and target for every 1.x option", () => {
    for (const option of OPTIONS_1X) expectRow(rowsUnder(`Options of \`${option.of}\``), option.key, option.migration);
  });

  it("lists nothing the data does not have", () => {
    const known = new Set([...API_1X.map((entry) => `\`${cell(entry.display)}\``), ...OPTIONS_1X.map((option) => `\`${option.key}\``)]);
    const rows = [...Object.values(SECTIONS), ...new Set(OPTIONS_1X.map((option) => `Options of \`${option.of}\``))].flatMap(rowsUnder);
    expect(rows.map((row) => row.split(/(?<!\\)\|/)[1].trim()).filter((first) => !known.has(first))).toEqual([]);
  });

  it("says how many of the 1.x names migrate --from 1 rewrites, as the data does", () => {
    const implemented = API_1X.filter((entry) => entry.migration.status === "implemented").length;
    expect(implemented).toBeGreaterThan(0);
    expect(guide).toContain(`rewrites **${implemented} of the ${API_1X.length} 1.x names** below`);
  });
});
