// Migrates folders of public-code shapes (fixtures/real-code-public*) as their projects would be, and
// type-checks the output of many shapes as one `tsc --strict` program. Test-only (not built).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import tsParser from "@typescript-eslint/parser";
import { parse } from "@typescript-eslint/typescript-estree";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "../../../fixtures/index.js";
import plugin from "../../../rules/index.js";
import type { BlindProgram } from "../../../rules/test-utils/programs.js";
import { shapeNames } from "../../../rules/test-utils/shape-projects.js";
import { createConsumerProject, typeErrorsOf, type ConsumerProject, type TypeErrorAt } from "../../../sdk/test-utils/type-check.js";
import { countMarkers } from "../../engine/markers.js";
import { markedAt, unmarkedOneXNames } from "../../transforms/1x/left-behind.js";
import { buildJsonReport, type JsonReport } from "../report.js";
import { makeProject, read, removeProjects, runInProcess, treeOf, writeFiles } from "./project.js";

export interface MigratedShape {
  readonly input: Record<string, string>;
  readonly output: Record<string, string>;
  readonly report: JsonReport;
  /** Files a second run of the same command changed (0 when the first run's output is stable). */
  readonly secondChanged: number;
}

/** Runs `args` (a `migrate … --json` command) twice on a copy of the shape folder `dir`. */
export async function migrateShape(dir: string, args: readonly string[]): Promise<MigratedShape> {
  return migrateFiles(dir, treeOf(dir), args);
}

/** Runs `args` twice on a temporary project of `files` (`name` labels a failure). */
export async function migrateFiles(name: string, files: Readonly<Record<string, string>>, args: readonly string[]): Promise<MigratedShape> {
  const root = makeProject(files);
  const first = await runInProcess(root, [...args], null);
  if (first.code === 1) throw new Error(`${name} (${args.join(" ")}): ${first.stderr}`);
  const report = JSON.parse(first.stdout) as JsonReport;
  const output = Object.fromEntries(Object.keys(files).map((path) => [path, read(root, path)]));
  const second = await runInProcess(root, [...args], null);
  return { input: { ...files }, output, report, secondChanged: (JSON.parse(second.stdout) as JsonReport).summary.changed };
}

/** A project to migrate: its name (a folder name) and its files. */
export interface NamedProject {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
}

/**
 * migrateFiles() of several projects at once: each project is a folder of one temporary directory, and `args` run
 * twice there, not twice per project (a run's fixed cost, the CLI's set-up, git and the listings of the directories
 * above, is most of a small project's). A project's output, report and second run are its folder's part, its paths
 * relative to the folder: the same as its own run gives, since nothing of a project looks into a sibling folder and
 * the shared directory holds no configuration (migrateEach() checks this on a suite's first project per command). A batch
 * whose 1.x-hint list was cut (report.ts USES_1X_LISTED) runs its projects one by one instead.
 */
export async function migrateBatch(projects: readonly NamedProject[], args: readonly string[]): Promise<Map<string, MigratedShape>> {
  const root = makeProject(Object.fromEntries(projects.flatMap(({ name, files }) => Object.entries(files).map(([path, text]) => [`${name}/${path}`, text]))));
  const first = await runInProcess(root, [...args], null);
  if (first.code === 1) throw new Error(`${projects.map(({ name }) => name).join(", ")} (${args.join(" ")}): ${first.stderr}`);
  const report = JSON.parse(first.stdout) as JsonReport;
  const second = JSON.parse((await runInProcess(root, [...args], null)).stdout) as JsonReport;
  const runs = new Map<string, MigratedShape>();
  if (report.uses1x && report.uses1x.count > report.uses1x.files.length) {
    for (const { name, files } of projects) runs.set(name, await migrateFiles(name, files, args));
    return runs;
  }
  for (const { name, files } of projects) {
    const prefix = `${name}/`;
    const own = (paths: readonly string[]) => paths.filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length));
    const outcomes = report.files.filter((file) => file.path.startsWith(prefix)).map((file) => ({ ...file, path: file.path.slice(prefix.length) }));
    const output = Object.fromEntries(Object.keys(files).map((path) => [path, read(root, `${prefix}${path}`)]));
    const secondChanged = second.files.filter((file) => file.path.startsWith(prefix) && file.status === "changed").length;
    runs.set(name, { input: { ...files }, output, report: buildJsonReport(outcomes, own(report.uses1x?.files ?? [])), secondChanged });
  }
  return runs;
}

/**
 * Each of `projects` migrated with `args` by migrateBatch(), keyed by name; the first project is also migrated alone
 * and its run must equal its part of the batch (that the batch changes nothing of what a suite asserts).
 */
async function migrateEach(projects: readonly NamedProject[], args: readonly string[]): Promise<Map<string, MigratedShape>> {
  if (projects.length === 0) return new Map();
  const runs = await migrateBatch(projects, args);
  const [first] = projects;
  if (first && projects.length > 1) {
    const alone = await migrateFiles(first.name, first.files, args);
    expect(runs.get(first.name), `${first.name} (${args.join(" ")}) in a batch and alone`).toEqual(alone);
  }
  return runs;
}

/** A project of a blind round: its files and the sets (`migrate`, `migrate --from 1`) it is migrated with. */
export interface SetProject {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
  readonly sets: readonly SetName[];
}

/** The runs of `projects` with their sets: `migrate()` (in a beforeAll) fills them; `out` reads a migrated file. */
export function projectRuns(projects: readonly SetProject[]) {
  const runs = new Map<string, MigratedShape>();
  const runOf = (name: string, set: SetName): MigratedShape => {
    const run = runs.get(`${name} ${set}`);
    if (!run) throw new Error(`no run ${name} ${set}`);
    return run;
  };
  const out = (name: string, path: string, set: SetName = "2x"): string => runOf(name, set).output[path]!;
  const input = (name: string, path: string): string => projects.find((project) => project.name === name)!.files[path]!;
  return {
    async migrate(): Promise<void> {
      for (const set of ["2x", "from1"] as const) {
        const migrated = await migrateEach(projects.filter((project) => project.sets.includes(set)), SET_ARGS[set]);
        for (const [name, run] of migrated) runs.set(`${name} ${set}`, run);
      }
    },
    runOf,
    out,
    input,
    /** Expects `path` of project `name` (its 2.x run) as it was written. */
    unchanged: (name: string, path: string): Expectation => ({
      name: `${name}: unchanged (${path})`,
      check: () => expect(out(name, path)).toBe(input(name, path)),
    }),
    /** Expects `path` of project `name` (its 2.x run) to be `expected`, for the reason `why` (the expectation's name). */
    becomes: (name: string, path: string, expected: string, why: string): Expectation => ({
      name: `${name}: ${why}`,
      check: () => expect(out(name, path)).toBe(expected),
    }),
  };
}

/** One expectation on a blind round's migrated projects. */
export interface Expectation {
  readonly name: string;
  readonly check: () => void;
}

/** An expectation not met today, matched by a part of its name, with the reason (asserted failing, so a fix turns it red). */
export interface KnownExpectation {
  readonly match: string;
  readonly reason: string;
}

/**
 * The common tests of a blind round over `projects` (codemods/blind-10.test.ts on): every run clean and stable, then each
 * expectation, those in `known` asserted as failing today. Call inside a describe, after projectRuns()'s `migrate` in a beforeAll.
 */
export function describeSetExpectations(
  projects: readonly SetProject[],
  runOf: (name: string, set: SetName) => MigratedShape,
  expectations: readonly Expectation[],
  known: readonly KnownExpectation[],
): void {
  it("migrates every project with its sets without a failure, to parsable output a second run leaves alone", () => {
    for (const project of projects) for (const set of project.sets) expectCleanRun(`${project.name} ${set}`, runOf(project.name, set));
  });
  for (const expectation of expectations) {
    const entry = known.find((candidate) => expectation.name.includes(candidate.match));
    if (entry === undefined) it(expectation.name, expectation.check);
    else it(`known (not met today: ${entry.reason}): ${expectation.name}`, () => expect(expectation.check).toThrow());
  }
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
 * The plugin's recommended config (over `files`, a glob of extensions) on a migrated tree in `directory`:
 * `unmarked`, its messages on the output's sources (written to `lint/`) standing within five lines after
 * no marker (`path:line rule`); `onInput(paths)`, the rule ids it reports per file of the input's sources
 * (written to `lint-input/`), which shows the check is not vacuous.
 */
export async function lintWhereUnmarked(
  directory: string,
  migrated: { readonly input: Readonly<Record<string, string>>; readonly output: Readonly<Record<string, string>> },
  files: string,
): Promise<{ readonly unmarked: string[]; readonly onInput: (paths: readonly string[]) => Promise<(string | null)[][]> }> {
  const config = [{ ...plugin.configs.recommended, files: [files], languageOptions: { parser: tsParser } }];
  // typescript-eslint's config types are not ESLint's own; the object is the same at runtime.
  const eslint = new ESLint({ cwd: directory, overrideConfigFile: true, overrideConfig: config as unknown as ESLint.Options["overrideConfig"] });
  const root = join(directory, "lint");
  const sources = sourcesOf(migrated.output);
  writeFiles(root, sources);
  const results = await eslint.lintFiles(Object.keys(sources).map((path) => join(root, path)));
  const unmarked = results.flatMap((result) => {
    const lines = readFileSync(result.filePath, "utf8").split("\n");
    const marked = (line: number) => lines.slice(Math.max(0, line - 5), line).some((text) => countMarkers(text) > 0);
    return result.messages.filter((message) => !marked(message.line)).map((message) => `${relative(root, result.filePath)}:${message.line} ${message.ruleId ?? message.message}`);
  });
  const input = join(directory, "lint-input");
  writeFiles(input, sourcesOf(migrated.input));
  const onInput = async (paths: readonly string[]) =>
    (await eslint.lintFiles(paths.map((path) => join(input, path)))).map((result) => result.messages.map((message) => message.ruleId));
  return { unmarked, onInput };
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
    const projects = shapes.map((name) => ({ name, files: treeOf(join(dir, name)) }));
    for (const set of ["2x", "from1"] as const) {
      for (const [name, run] of await migrateEach(projects, SET_ARGS[set])) runs.set(`${name} ${set}`, run);
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

/**
 * A suite's set-up over the shape folders of fixtures/<folder>: every shape migrated with both sets (in a
 * beforeAll), the temporary projects and the consumer project removed after the suite (afterAll). Returns
 * the folder, its shape names, migratedShapes()'s lookups, and `consumer()`: the suite's one project to
 * type-check and lint outputs in, made on the first call with `consumerOptions`.
 */
export function migratedShapeSuite(folder: string, consumerOptions: Parameters<typeof createConsumerProject>[1]) {
  const dir = join(FIXTURES_DIR, folder);
  const shapes = shapeNames(dir);
  const migrated = migratedShapes(dir, shapes);
  let project: ConsumerProject | undefined;
  beforeAll(migrated.load, 300_000);
  afterAll(() => {
    removeProjects();
    project?.remove();
  });
  return { dir, shapes, ...migrated, consumer: (): ConsumerProject => (project ??= createConsumerProject(folder, consumerOptions)) };
}

/** A file whose output differs from its expected one today: a defect, asserted as it is. */
export interface KnownDefect {
  /** Why today's output is wrong, and where the fix likely goes. */
  readonly why: string;
  /** Text today's output holds in place of the expected (each must be found). */
  readonly today: readonly string[];
}

/** A blind round of `migrate --from 1`: 1.x inputs and the outputs written for them by hand. */
export interface BlindRound {
  /** The fixture folder's name (`blind-1x-3`); the expected tree is `<app>-expected`. */
  readonly name: string;
  readonly title: string;
  readonly app: string;
  readonly expected: string;
  /** At least this many source files in the input. */
  readonly minFiles: number;
  readonly known: Readonly<Record<string, KnownDefect>>;
  /** 1.x-only names left without a marker today (`path:line name`), each a defect of `known`. */
  readonly knownUnmarkedNames: readonly string[];
  /** What the unmarked-name check finds that is no use of a 1.x name, by path. */
  readonly not1x: Readonly<Record<string, readonly string[]>>;
}

/**
 * The blind rounds' common suite: migrates the round's input with `--from 1` (beforeAll), removes the
 * temporary projects (afterAll), and asserts a clean stable run, every file equal to its expected output
 * but the known defects (those hold their `today` pieces and differ from the expected), and no 1.x-only
 * name left unmarked but the known ones. Returns the run, for the round's own checks (after beforeAll).
 */
export function describeBlindRound(round: BlindRound): () => MigratedShape {
  let migrated: MigratedShape | undefined;
  beforeAll(async () => {
    migrated = await migrateShape(round.app, ["migrate", "--from", "1", "--json"]);
  }, 180_000);
  afterAll(() => removeProjects());
  const run = (): MigratedShape => migrated!;

  describe(round.title, () => {
    it("has the files, runs without a failure, to parsable output that a second run leaves as it is", () => {
      expect(Object.keys(sourcesOf(run().input)).length).toBeGreaterThanOrEqual(round.minFiles);
      expectCleanRun(round.name, run());
    });

    it("writes the expected output for every file but the known defects", () => {
      const expected = treeOf(round.expected);
      expect(Object.keys(run().output)).toEqual(Object.keys(expected));
      for (const [path, text] of Object.entries(run().output)) {
        const known = round.known[path];
        if (!known) {
          expect(text, path).toBe(expected[path]);
          continue;
        }
        expect(text, `${path}: known defect fixed? update the expected tree and drop it from KNOWN`).not.toBe(expected[path]);
        for (const piece of known.today) expect(text, `${path} (${known.why})`).toContain(piece);
      }
    });

    it("leaves no 1.x-only name without a marker but the known ones", () => {
      expect(unmarkedOneXNames(sourcesOf(run().output), round.not1x)).toEqual(round.knownUnmarkedNames);
    });
  });
  return run;
}

/** A folder of public-code shapes with a hand-written `--from 1` output per shape (`<folder>-expected`). */
export interface ExpectedShapes {
  readonly shapesDir: string;
  readonly expectedDir: string;
  readonly shapes: readonly string[];
  /** `<shape>/<path>` → a `--from 1` output that differs from the expected one today. */
  readonly known: Readonly<Record<string, KnownDefect>>;
  /** 1.x-only names left without a marker today (`<shape>/<path>:<line> <name>`). */
  readonly knownUnmarked: readonly string[];
  /** Shape → what the unmarked-name check finds that is no 1.x name (`<path>:<line> <name>`). */
  readonly not1x?: Readonly<Record<string, readonly string[]>>;
  /** At least this many shapes (4 unless said). */
  readonly minShapes?: number;
}

/**
 * The checks every such folder gets (real-code-public-3 on): a README per shape, a clean stable run with
 * both sets, every `--from 1` source file equal to its expected output but the known defects (those hold
 * their `today` pieces and differ from the expected), no 1.x-only name left unmarked but the known ones.
 * `byName` is migratedShapes()'s, filled in a beforeAll.
 */
export function describeExpectedShapes(folder: ExpectedShapes, byName: (name: string, set: SetName) => MigratedShape): void {
  const { shapesDir, expectedDir, shapes, known, knownUnmarked, not1x = {}, minShapes = 4 } = folder;
  it("has the shapes, each with a README naming its kind of project", () => {
    expect(shapes.length).toBeGreaterThanOrEqual(minShapes);
    for (const name of shapes) expect(readFileSync(join(shapesDir, name, "README.md"), "utf8").trim().length, name).toBeGreaterThan(40);
  });

  it("migrates every shape with both sets without a failure, to parsable, idempotent output", () => {
    for (const name of shapes) for (const set of ["2x", "from1"] as const) expectCleanRun(`${name} ${set}`, byName(name, set));
  });

  it("writes the expected --from 1 output for every source file but the known defects", () => {
    for (const name of shapes) {
      const run = byName(name, "from1");
      const expected = expectedFrom1(expectedDir, name, run);
      const output = sourcesOf(run.output);
      expect(Object.keys(output).sort(), name).toEqual(Object.keys(expected).sort());
      for (const [path, text] of Object.entries(output)) {
        const defect = known[`${name}/${path}`];
        if (!defect) {
          expect(text, `${name}/${path}`).toBe(expected[path]);
          continue;
        }
        expect(text, `${name}/${path}: known defect fixed? drop it from KNOWN`).not.toBe(expected[path]);
        for (const piece of defect.today) expect(text, `${name}/${path} (${defect.why})`).toContain(piece);
      }
    }
  });

  it("leaves no 1.x-only name without a marker after --from 1 but the known ones", () => {
    const unmarked = shapes.flatMap((name) =>
      unmarkedOneXNames(sourcesOf(byName(name, "from1").output))
        .filter((found) => !not1x[name]?.includes(found))
        .map((found) => `${name}/${found}`),
    );
    expect(unmarked).toEqual(knownUnmarked);
  });
}

/**
 * A shape's expected `--from 1` tree: its input's sources, each replaced by the hand-written file of the same path in
 * the shape's expected folder where there is one. A file (or a whole shape, a look-alike) migrate leaves as it is has
 * no copy there: it is expected to come out as it went in.
 */
function expectedFrom1(expectedDir: string, name: string, run: MigratedShape): Record<string, string> {
  const written = existsSync(join(expectedDir, name)) ? treeOf(join(expectedDir, name)) : {};
  return { ...sourcesOf(run.input), ...written };
}

/** The `--from 1` output of every shape and its hand-written expected tree, keyed `actual/<shape>` and `expected/<shape>` (unmarkedTypeErrors' outputs). */
export function actualAndExpectedFrom1(shapes: readonly string[], expectedDir: string, byName: (name: string, set: SetName) => MigratedShape): Map<string, Record<string, string>> {
  const outputs = new Map<string, Record<string, string>>();
  for (const name of shapes) {
    const run = byName(name, "from1");
    outputs.set(`actual/${name}`, run.output);
    outputs.set(`expected/${name}`, expectedFrom1(expectedDir, name, run));
  }
  return outputs;
}

/** The `--from 1` inputs and outputs of `shapes` as two trees keyed `<shape>/<path>` (for lintWhereUnmarked). */
export function from1Trees(shapes: readonly string[], byName: (name: string, set: SetName) => MigratedShape): { input: Record<string, string>; output: Record<string, string> } {
  const trees = { input: {} as Record<string, string>, output: {} as Record<string, string> };
  for (const name of shapes) {
    const run = byName(name, "from1");
    for (const [path, text] of Object.entries(sourcesOf(run.input))) trees.input[`${name}/${path}`] = text;
    for (const [path, text] of Object.entries(sourcesOf(run.output))) trees.output[`${name}/${path}`] = text;
  }
  return trees;
}

/**
 * The codemod side of a blind round whose programs the rule test shares (rules/test-utils/blind-N-programs.ts): each
 * program a project migrated with the 2.x set, and the expectations written against its text.
 */
export function blindProgramRuns<Name extends string>(programs: Readonly<Record<Name, BlindProgram>>) {
  const names = Object.keys(programs) as Name[];
  const projects: readonly SetProject[] = names.map((name) => ({
    name,
    files: { ...programs[name].files, [programs[name].path]: programs[name].code },
    sets: ["2x"],
  }));
  const runs = projectRuns(projects);
  /** The program `name` after migrate: its text with `edits` ([before, after] pairs, each found once) applied. */
  const edited = (name: Name, why: string, ...edits: readonly (readonly [string, string])[]): Expectation => {
    const { path, code } = programs[name];
    let expected = code;
    for (const [before, after] of edits) {
      if (!expected.includes(before)) throw new Error(`${name}: no ${before}`);
      expected = expected.replace(before, after);
    }
    return runs.becomes(name, path, expected, why);
  };
  const RENAME = ["tracer.sessionStart(", "tracer.createSession("] as const;
  return {
    projects,
    runs,
    edited,
    RENAME,
    renamed: (name: Name, why = "sessionStart() in a handler becomes createSession()") => edited(name, why, RENAME),
    unchanged: (name: Name) => runs.unchanged(name, programs[name].path),
  };
}
