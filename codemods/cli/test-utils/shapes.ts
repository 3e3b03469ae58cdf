// Migrates folders of public-code shapes (fixtures/real-code-public*) as their projects would be, and
// type-checks the output of many shapes as one `tsc --strict` program. Test-only (not built).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse } from "@typescript-eslint/typescript-estree";
import { expect } from "vitest";
import { typeErrorsOf, type TypeErrorAt } from "../../../sdk/test-utils/consumer-project.js";
import { markedAt } from "../../transforms/1x/left-behind.js";
import type { JsonReport } from "../report.js";
import { makeProject, read, runInProcess, treeOf } from "./project.js";

export interface MigratedShape {
  readonly input: Record<string, string>;
  readonly output: Record<string, string>;
  readonly report: JsonReport;
  /** Files a second run of the same command changed (0 when the first run's output is stable). */
  readonly secondChanged: number;
}

/** Runs `args` (a `migrate … --json` command) twice on a copy of the shape folder `dir`. */
export async function migrateShape(dir: string, args: readonly string[]): Promise<MigratedShape> {
  const input = treeOf(dir);
  const root = makeProject(input);
  const first = await runInProcess(root, [...args], null);
  if (first.code === 1) throw new Error(`${dir} (${args.join(" ")}): ${first.stderr}`);
  const report = JSON.parse(first.stdout) as JsonReport;
  const output = Object.fromEntries(Object.keys(input).map((path) => [path, read(root, path)]));
  const second = await runInProcess(root, [...args], null);
  return { input, output, report, secondChanged: (JSON.parse(second.stdout) as JsonReport).summary.changed };
}

/** Changed files of a migrated shape → their review markers, from the JSON report. */
export function changedFiles(migrated: MigratedShape): Record<string, number> {
  return Object.fromEntries(migrated.report.files.filter((file) => file.status === "changed").map((file) => [file.path, file.markers]));
}

const SOURCE = /\.[cm]?[jt]sx?$/;

/** No failure, a stable second run, and every source file of the output parses. */
export function expectCleanRun(name: string, { output, report, secondChanged }: MigratedShape): void {
  expect(report.summary.failed, name).toBe(0);
  expect(secondChanged, `${name}: a second run changed files`).toBe(0);
  for (const [path, text] of Object.entries(output)) {
    if (SOURCE.test(path)) expect(() => parse(text, { jsx: !/\.[cm]?ts$/.test(path), range: true }), `${name}/${path}`).not.toThrow();
  }
}

/** The source files of a migrated tree. */
export function sourcesOf(output: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(output).filter(([path]) => SOURCE.test(path)));
}

/** The errors no review marker covers: a marker on the error's line or one of the four above it. */
export function unmarkedErrors(project: string, errors: readonly TypeErrorAt[]): TypeErrorAt[] {
  return errors.filter(({ path, line }) => !markedAt(readFileSync(join(project, path), "utf8"), line));
}

/**
 * Writes each shape's TypeScript output under `<project>/src/<shape>/`, with `shims` as src/shims.d.ts,
 * runs `tsc` with `compilerOptions`, and returns the errors (`<shape>/<path>:<line> <code>`) that no
 * review marker covers, minus those `ignore` drops.
 */
export async function unmarkedTypeErrors(
  project: string,
  outputs: ReadonlyMap<string, Readonly<Record<string, string>>>,
  shims: readonly string[],
  compilerOptions: Record<string, unknown>,
  ignore: (path: string, code: string) => boolean = () => false,
): Promise<string[]> {
  const src = join(project, "src");
  for (const [name, output] of outputs) {
    for (const [path, text] of Object.entries(output)) {
      if (!/\.[cm]?ts$/.test(path)) continue;
      mkdirSync(dirname(join(src, name, path)), { recursive: true });
      writeFileSync(join(src, name, path), text);
    }
  }
  writeFileSync(join(src, "shims.d.ts"), [...shims, ""].join("\n"));
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["src/**/*.ts", "src/**/*.mts", "src/**/*.cts"] }));
  return unmarkedErrors(project, await typeErrorsOf(project))
    .map(({ path, line, code }) => ({ path: path.replace(/^src\//, ""), line, code }))
    .filter(({ path, code }) => !ignore(path, code))
    .map(({ path, line, code }) => `${path}:${line} ${code}`)
    .sort();
}

/** The two command sets a shape folder is migrated with: the 2.x set (`migrate`) and `--from 1`. */
export type SetName = "2x" | "from1";
export const SET_ARGS: Readonly<Record<SetName, readonly string[]>> = { "2x": ["migrate", "--json"], from1: ["migrate", "--from", "1", "--json"] };

/**
 * Every shape folder of `dir` migrated with both sets, filled by `load()` (call it in `beforeAll`), and
 * lookups by a shape's two-digit prefix: the run, its changed files (path → markers) and an output file.
 */
export function migratedShapes(dir: string, shapes: readonly string[]) {
  const runs = new Map<string, MigratedShape>();
  const load = async (): Promise<void> => {
    for (const shape of shapes) {
      for (const set of ["2x", "from1"] as const) runs.set(`${shape} ${set}`, await migrateShape(join(dir, shape), SET_ARGS[set]));
    }
  };
  const byName = (name: string, set: SetName): MigratedShape => runs.get(`${name} ${set}`)!;
  const shape = (prefix: string, set: SetName): MigratedShape => {
    const name = shapes.find((candidate) => candidate.startsWith(`${prefix}-`));
    const found = name && runs.get(`${name} ${set}`);
    if (!found) throw new Error(`no shape ${prefix}`);
    return found;
  };
  const changes = (prefix: string, set: SetName = "from1"): Record<string, number> => changedFiles(shape(prefix, set));
  const out = (prefix: string, path: string, set: SetName = "from1"): string => shape(prefix, set).output[path]!;
  return { load, byName, shape, changes, out };
}
