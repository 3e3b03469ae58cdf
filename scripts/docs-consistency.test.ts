// What the README and docs/ say about the CLI and the plugin's settings, held against the code that
// defines them, so a new option, transform, exit code, report field or setting cannot land
// undocumented and a renamed one cannot stay in the docs. (The rule pages' examples and the rules
// table: rules/docs.test.ts; the SDK examples: sdk/readme-examples.test.ts; the 1.x guide's tables:
// analysis/knowledge/sdks/migration-doc.test.ts.)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { readSettings } from "../analysis/settings.js";
import { rules } from "../rules/index.js";
import { MIGRATE_OPTIONS, parseCommandLine } from "../codemods/cli/args.js";
import { DEFAULT_EXTENSIONS } from "../codemods/cli/discover.js";
import { migrateHelp } from "../codemods/cli/help.js";
import { buildJsonReport } from "../codemods/cli/report.js";
import { TRANSFORM_1X_IDS, TRANSFORM_IDS } from "../codemods/transforms/ids.js";

const ROOT = join(import.meta.dirname, "..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const README = read("README.md");

/** The text between `<!-- section:<name>:start -->` and its end marker. */
function section(name: string): string {
  const start = README.indexOf(`<!-- section:${name}:start -->`);
  const end = README.indexOf(`<!-- section:${name}:end -->`);
  if (start < 0 || end < start) throw new Error(`README has no section "${name}"`);
  return README.slice(start, end);
}

/** The rows (cells trimmed, backslash-escaped pipes kept in their cell) of the table under `heading`, up to the next heading. */
function tableUnder(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`no heading "${heading}"`);
  const next = markdown.slice(start + heading.length + 2).search(/^#/m);
  const body = next < 0 ? markdown.slice(start) : markdown.slice(start, start + heading.length + 2 + next);
  return body
    .split("\n")
    .filter((line) => line.startsWith("| ") && !/^\| -+ \|/.test(line) && !/^\|-/.test(line))
    .slice(1) // the header row
    .map((line) => line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim()));
}

/** `--dry`, `-d` and `--no-serverless` as written in a cell or a help line. */
const flagsIn = (text: string) => new Set([...text.matchAll(/(?<![\w-])--?[a-z][a-z0-9-]*/g)].map(([flag]) => flag));

const migrate = section("migrate");
const optionRows = tableUnder(migrate, "### Options");
const readmeFlags = new Set(optionRows.flatMap(([first]) => [...flagsIn(first)]));
const helpText = migrateHelp();
const helpOptions = helpText.slice(helpText.indexOf("\nOptions:\n"), helpText.indexOf("\nExit codes:\n"));

describe("README: Codemods: npx honeyhive migrate", () => {
  it("has an option row for every option the command line parser takes, and no other", () => {
    const parserFlags = new Set(
      Object.entries(MIGRATE_OPTIONS).flatMap(([name, option]) => ["--" + name, ...("short" in option ? ["-" + option.short] : [])]),
    );
    expect([...readmeFlags].sort()).toEqual([...parserFlags].sort());
  });

  it("names the same options as `honeyhive migrate --help`", () => {
    expect([...flagsIn(helpOptions)].sort()).toEqual([...readmeFlags].sort());
  });

  it("gives each option's value as the parser takes it: a value for string options, none for switches", () => {
    for (const [name, option] of Object.entries(MIGRATE_OPTIONS)) {
      const row = optionRows.find(([first]) => flagsIn(first).has("--" + name));
      const takesValue = new RegExp(`--${name} <[^>]+>`).test(row?.[0] ?? "") || (name === "from" && /--from 1/.test(row?.[0] ?? ""));
      expect(takesValue, `--${name}: ${row?.[0]}`).toBe(option.type === "string");
    }
  });

  it("lists the exit codes that --help lists, with the same numbers", () => {
    const readmeCodes = tableUnder(migrate, "### Exit codes").map(([code]) => code);
    const helpCodes = [...helpText.slice(helpText.indexOf("\nExit codes:\n")).matchAll(/^ {2}(\d) {2}/gm)].map(([, code]) => code);
    expect(readmeCodes).toEqual(["0", "1", "2", "3"]);
    expect(helpCodes).toEqual(readmeCodes);
  });

  it("has a transform row for every transform, in the order they run", () => {
    const ids = tableUnder(migrate, "## Codemods: `npx honeyhive migrate`").map(([first]) => first.replace(/`/g, ""));
    expect(ids).toEqual(TRANSFORM_IDS);
  });

  it("names the default extensions as the file discovery has them", () => {
    const listed = /It reads\s+`([^`]+)` files/.exec(migrate)?.[1].split(/\s+/).map((extension) => extension.replace(/^\./, ""));
    expect(listed).toEqual([...DEFAULT_EXTENSIONS]);
    const row = optionRows.find(([first]) => first.includes("--extensions"));
    expect(row?.[1]).toContain(`(default \`${DEFAULT_EXTENSIONS.join(",")}\`)`);
  });

  it("counts the 1x-* transforms as the registry has them", () => {
    const words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
    const said = /: (\w+) `1x-\*` transforms/.exec(migrate)?.[1];
    expect(said).toBe(words[TRANSFORM_1X_IDS.length]);
  });

  it("shows a JSON report with exactly the fields the CLI writes", () => {
    const example = JSON.parse(/### JSON report \(`--json`\)\n\n```json\n([\s\S]*?)```/.exec(migrate)?.[1] ?? "null");
    const real = buildJsonReport([
      { path: "src/a.ts", status: "changed", transforms: ["explicit-tracer"], markers: 1 },
      { path: "src/b.ts", status: "failed", transforms: [], markers: 0, error: { message: "')' expected.", line: 3, column: 7 } },
      { path: "src/c.ts", status: "skipped", transforms: [], markers: 0, reason: "no SDK usage" },
    ]);
    const keys = (value: object) => Object.keys(value).sort();
    expect(keys(example)).toEqual(keys(real));
    expect(keys(example.summary)).toEqual(keys(real.summary));
    expect(Object.keys(example.transforms)).toEqual(Object.keys(real.transforms));
    for (const counts of Object.values(example.transforms)) expect(keys(counts as object)).toEqual(["files", "markers"]);
    const fileKeys = (file: object) => keys(file).join(",");
    expect(example.files.map(fileKeys)).toEqual(real.files.map(fileKeys));
    expect(keys(example.files[1].error)).toEqual(keys(real.files[1].error!));
  });

  it("names each command-line example, here and in docs/, with options the parser accepts", () => {
    const docs = [README, ...["codemods.md", "migrating-from-1x.md", "contributing.md"].map((file) => read(`docs/${file}`))];
    docs.push(...readdirSync(join(ROOT, "docs", "rules")).map((file) => read(`docs/rules/${file}`)));
    // In a code span up to its closing backtick, in a code block up to a comment or a redirection.
    const commands = docs.flatMap((text) => [...text.matchAll(/npx honeyhive migrate([^`\n#>]*)/g)].map(([, rest]) => rest.trim()));
    expect(commands.length).toBeGreaterThan(10);
    for (const rest of commands) {
      const args = rest === "" ? [] : rest.split(/\s+/).map((arg) => arg.replace(/^"(.*)"$/, "$1"));
      expect(() => parseCommandLine(["migrate", ...args]), `npx honeyhive migrate ${rest}`).not.toThrow();
    }
  });
});

describe("docs/codemods.md", () => {
  it("has a section for every transform, in the order they run", () => {
    const ids = [...read("docs/codemods.md").matchAll(/^## `([\w-]+)`$/gm)].map(([, id]) => id);
    expect(ids).toEqual(TRANSFORM_IDS);
  });
});

describe("settings.honeyhive in the README and docs", () => {
  // Every key `readSettings` keeps, given a valid value for each.
  const known = Object.keys(readSettings({ honeyhive: { modules: [], lambdaHandlerNames: [], serverless: true, sdkVersion: 2 } })).sort();

  it("has a settings row for every key the rules read, and no other", () => {
    expect(known).toEqual(["lambdaHandlerNames", "modules", "sdkVersion", "serverless"]);
    const rows = tableUnder(section("eslint"), "### Settings").map(([first]) => first.replace(/`/g, ""));
    expect(rows.sort()).toEqual(known);
  });

  it("names only settings that exist", () => {
    const docs = ["README.md", ...["codemods.md", "contributing.md", "migrating-from-1x.md", "sdk.md", "sdk-profiles.md"].map((file) => `docs/${file}`)];
    const rulePages = readdirSync(join(ROOT, "docs", "rules")).map((file) => `docs/rules/${file}`);
    const named = [...docs, ...rulePages].flatMap((path) =>
      [...read(path).matchAll(/settings\.honeyhive\.(\w+)/g)].map(([, key]) => ({ path, key })),
    );
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter(({ key }) => !known.includes(key))).toEqual([]);
  });

  it("gives each setting its migrate option, as the option table says", () => {
    const settingOf: Record<string, string> = {};
    for (const [first, description] of optionRows) {
      const setting = /settings\.honeyhive\.(\w+)/.exec(description)?.[1];
      if (setting) settingOf[setting] = first;
    }
    expect(Object.keys(settingOf).sort()).toEqual(known);
  });
});

/** The property names of `interface <name>` in a source file, read from its syntax (no type check). */
function interfaceMembers(path: string, name: string): string[] {
  const file = ts.createSourceFile(path, read(path), ts.ScriptTarget.Latest);
  const declaration = file.statements.find((statement): statement is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(statement) && statement.name.text === name);
  if (!declaration) throw new Error(`${path} declares no interface ${name}`);
  return declaration.members.flatMap((member) => (member.name && ts.isIdentifier(member.name) ? [member.name.text] : [])).sort();
}

describe("docs/sdk.md option tables", () => {
  const sdkDoc = read("docs/sdk.md");
  /** The backticked names in the first cell of each row (a row may name several: `inputs`, `metadata`). */
  const documented = (heading: string) => tableUnder(sdkDoc, heading).flatMap(([first]) => [...first.matchAll(/`(\w+)`/g)].map(([, option]) => option)).sort();

  it.each([
    ["#### `TracerOptions`", "sdk/types.ts", "TracerOptions"],
    ["#### `SessionOptions`", "sdk/types.ts", "SessionOptions"],
    ["## `evaluate()` (`honeyhive/experiments`)", "sdk/experiments/evaluate.ts", "EvaluateOptions"],
  ] as const)("%s names every option of %s's %s, and no other", (heading, path, name) => {
    expect(documented(heading)).toEqual(interfaceMembers(path, name));
  });
});

describe("files the contributor docs name", () => {
  it.each(["docs/contributing.md", "docs/sdk-profiles.md", "docs/codemods.md"])("%s names only files that exist", (doc) => {
    // `analysis/handlers.ts`, and the knowledge folders' own files by their short name (`frameworks/common.ts`).
    const paths = [...read(doc).matchAll(/`((?:analysis|rules|codemods|sdk|fixtures|scripts|bench|docs|frameworks|platforms|sdks)\/[\w./-]+\.(?:ts|mjs|md|json))`/g)].map(([, path]) => path);
    expect(paths.length).toBeGreaterThan(doc === "docs/codemods.md" ? 0 : 5);
    const missing = paths.filter((path) => {
      const candidates = /^(frameworks|platforms|sdks)\//.test(path) ? [join("analysis", "knowledge", path)] : [path];
      return !candidates.some((candidate) => existsSync(join(ROOT, candidate)));
    });
    expect(missing).toEqual([]);
  });
});

describe("docs/rules/*.md Options sections", () => {
  it.each(Object.entries(rules))("%s: says it has no options exactly when its schema takes none", (name, rule) => {
    const page = read(`docs/rules/${name}.md`);
    const options = /\n## Options\n([\s\S]*?)(?:\n## |$)/.exec(page)?.[1];
    expect(options, `docs/rules/${name}.md has an "## Options" section`).toBeDefined();
    const schema = rule.meta.schema;
    const takesNone = schema === undefined || (Array.isArray(schema) && schema.length === 0);
    expect(options?.includes("This rule has no options.")).toBe(takesNone);
  });
});
