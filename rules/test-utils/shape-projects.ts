// Lints folders of public-code shapes (fixtures/real-code-public*), each as its own project: ESLint's
// cwd is the shape's folder, so its package.json, tsconfig paths, platform files and sibling modules are
// what the cross-file reading sees. Test-only (not built).
import tsParser from "@typescript-eslint/parser";
import { ESLint, type Linter } from "eslint";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { FIXTURES_DIR } from "../../fixtures/index.js";
import plugin from "../index.js";

export interface ShapeFinding {
  /** `file:line rule` (`fatal` for a parse error). */
  readonly at: string;
  readonly message: string;
}

/** The shape folders of `dir`, sorted. */
export function shapeNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();
}

/** The source files of shape `name` of `dir` (relative path → text), installed packages left out, sorted. */
export function shapeSources(dir: string, name: string): [string, string][] {
  const root = join(dir, name);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.[cm]?[jt]sx?$/.test(entry.name) && !entry.parentPath.includes("node_modules"))
    .map((entry) => join(entry.parentPath, entry.name))
    .map((path): [string, string] => [relative(root, path), readFileSync(path, "utf8")])
    .sort(([a], [b]) => a.localeCompare(b));
}

/** Every shape of `dir` linted with `configs.all`: shape name → its findings. */
export async function lintShapes(dir: string): Promise<Map<string, ShapeFinding[]>> {
  const findings = new Map<string, ShapeFinding[]>();
  for (const shape of shapeNames(dir)) {
    const cwd = join(dir, shape);
    const config: Linter.Config = {
      ...(plugin.configs.all as Linter.Config),
      files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"],
      languageOptions: { parser: tsParser as unknown as Linter.Parser, ecmaVersion: "latest", sourceType: "module" },
    };
    const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [config] });
    const results = await eslint.lintFiles(["."]);
    findings.set(
      shape,
      results.flatMap((result) =>
        result.messages.map((message) => ({ at: `${result.filePath.slice(cwd.length + 1)}:${message.line} ${message.ruleId ?? "fatal"}`, message: message.message })),
      ),
    );
  }
  return findings;
}

/**
 * A suite's set-up over the shape folders of fixtures/<folder>: every shape linted once, in a beforeAll;
 * the folder, its shape names, the findings (filled by then) and the lookups by prefix (`shapeLookup`).
 */
export function lintedShapes(folder: string) {
  const dir = join(FIXTURES_DIR, folder);
  const names = shapeNames(dir);
  const findings = new Map<string, ShapeFinding[]>();
  beforeAll(async () => {
    for (const [shape, found] of await lintShapes(dir)) findings.set(shape, found);
  }, 300_000);
  return { dir, names, findings, ...shapeLookup(names, findings) };
}

/** Lookups by a shape's two-digit prefix. */
export function shapeLookup(names: readonly string[], findings: ReadonlyMap<string, ShapeFinding[]>) {
  const of = (prefix: string): ShapeFinding[] => {
    const name = names.find((candidate) => candidate.startsWith(`${prefix}-`));
    const found = name && findings.get(name);
    if (!found) throw new Error(`no shape ${prefix}`);
    return found;
  };
  const at = (prefix: string): string[] => of(prefix).map((finding) => finding.at).sort();
  return { of, at };
}

/**
 * The tests every shape folder gets: no parse error, and exactly `expected[prefix]` (quiet when absent)
 * for each shape whose prefix is not in `misses` (those are asserted by the caller's known-misses block).
 */
export function describeExpectedFindings(
  names: readonly string[],
  findings: ReadonlyMap<string, ShapeFinding[]>,
  expected: Readonly<Record<string, readonly string[]>>,
  misses: ReadonlySet<string>,
): void {
  const { at } = shapeLookup(names, findings);
  it("lints every shape without a parse error", () => {
    for (const name of names) expect(findings.get(name)!.filter((finding) => finding.at.endsWith(" fatal")), name).toEqual([]);
  });
  for (const name of names) {
    const prefix = name.slice(0, 2);
    if (misses.has(prefix)) continue;
    it(`${name}: ${expected[prefix] ? expected[prefix].join(", ") : "quiet"}`, () => {
      expect(at(prefix)).toEqual([...(expected[prefix] ?? [])].sort());
    });
  }
}
