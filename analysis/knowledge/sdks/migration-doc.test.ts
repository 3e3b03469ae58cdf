// docs/migrating-from-1x.md is the 1.x table in prose: every name and option of the data has its row,
// with the same decision and target, so the guide cannot drift from what the rules and codemod read.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { API_1X, IMMEDIATE_MEMBERS_1X, OPTIONS_1X, WRAPPER_EXPORTS_1X, WRAPPER_MEMBERS_1X } from "./honeyhive-1x.js";
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

  it("gives each 1.x wrapper name a short row of the transform table that links to a section about it", () => {
    // What `1x-trace-wrappers` rewrites, from the data: the wrappers (tracer methods and free exports),
    // the immediate `tracer.trace(fn, ...args)`, and `logModel` (a marker in the data, so no behaviour flag).
    const names = new Set([...WRAPPER_MEMBERS_1X.keys(), ...WRAPPER_EXPORTS_1X.keys(), ...IMMEDIATE_MEMBERS_1X, "logModel"]);
    expect(names.size).toBeGreaterThan(4);
    const rows = guide.split("\n").filter((line) => line.startsWith("| `1x-trace-wrappers` |"));
    const sections = sectionsBySlug();
    for (const name of names) {
      const mentions = new RegExp(`\\b${name}\\b`);
      const row = rows.find((line) => mentions.test(line.split(/(?<!\\)\|/)[2] ?? ""));
      expect(row, `a row for ${name}`).toBeDefined();
      const what = row!.split(/(?<!\\)\|/)[2]!.trim();
      // One short line: the details live in the section it links to.
      expect(what.length, `the row for ${name}`).toBeLessThanOrEqual(220);
      const anchor = /\]\(#([\w-]+)\)/.exec(what)?.[1];
      expect(anchor, `a link in the row for ${name}`).toBeDefined();
      const section = sections.get(anchor!);
      expect(section, `the section #${anchor}`).toBeDefined();
      expect(section, `the section #${anchor} about ${name}`).toMatch(mentions);
    }
  });

  it("says how many of the 1.x names migrate --from 1 rewrites, as the data does", () => {
    const implemented = API_1X.filter((entry) => entry.migration.status === "implemented").length;
    expect(implemented).toBeGreaterThan(0);
    expect(guide).toContain(`rewrites **${implemented} of the ${API_1X.length} 1.x names** below`);
  });
});

/** Each heading's text up to the next heading, by the anchor GitHub gives the heading (lower case, punctuation dropped, spaces as `-`). */
function sectionsBySlug(): Map<string, string> {
  const sections = new Map<string, string>();
  const headings = [...guide.matchAll(/^#{2,4} (.+)$/gm)];
  headings.forEach((heading, index) => {
    const slug = heading[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, "")
      .replace(/ /g, "-");
    sections.set(slug, guide.slice(heading.index, headings[index + 1]?.index));
  });
  return sections;
}
