// `honeyhive migrate`: guard, discover, prefilter, transform (in process or on worker threads),
// write, report. Every outcome is decided per file, so one bad file never stops the others.
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { DirectoryListings } from "../engine/directory-listings.js";
import type { RunTransformsOptions, TransformRunResult } from "../engine/engine.js";
import { ALL_TRANSFORMS, is1xTransformId, TRANSFORMS } from "../transforms/ids.js";
import { parseCommandLine, UsageError, type MigrateOptions } from "./args.js";
import { unifiedDiff } from "./diff.js";
import { discoverFiles, firstPathOutside, GitTopLevels, isInside, MissingPathError, projectRoot, resolveGitTopLevels, toPosix } from "./discover.js";
import { loadDefaultEngine, loadPrefilter, transformSafely, type MigrateEngine, type TextTests } from "./engine-port.js";
import { formatterCommand } from "./formatter-hint.js";
import { gitUncommittedPaths, gitUnstagedFiles } from "./git.js";
import { MAIN_HELP, migrateHelp } from "./help.js";
import { TransformPool, WORKER_URL } from "./pool.js";
import { ProgressBar, type ProgressStream } from "./progress.js";
import { decodeSource, type DecodedSource } from "./decode.js";
import { buildJsonReport, formatSummary, plural, type FileError, type FileOutcome, type JsonReport } from "./report.js";
import { packageVersion } from "./version.js";
import { updateHoneyhiveRange } from "./update-package.js";
import { writeFileAtomically } from "./write-file.js";

export const EXIT_OK = 0;
export const EXIT_FAILED_FILES = 1;
export const EXIT_USAGE = 2;
export const EXIT_CHECK_FOUND_WORK = 3;

/** Below this many candidate files, starting worker threads costs more than it saves. */
export const POOL_THRESHOLD = 50;

export interface CliIo {
  readonly cwd: string;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: ProgressStream;
  /** Test seam: transforms other than the real ones. Runs in process (functions cannot cross threads). */
  readonly engine?: MigrateEngine;
  /** Where the worker script is; defaults to the compiled one next to this module. */
  readonly workerUrl?: URL;
}

interface Candidate {
  /** Index into the outcomes array. */
  readonly index: number;
  readonly realPath: string;
  readonly source: string;
  /** Set when the file is not valid UTF-8: it is reported with this error, never transformed or written. */
  readonly invalid?: FileError;
  /** What the project pass knows about this file. */
  readonly project?: RunTransformsOptions["project"];
}

interface FileRun {
  readonly outcome: FileOutcome;
  /** Present for candidates: what the transforms saw and produced. */
  readonly candidate?: Candidate;
  readonly result?: TransformRunResult;
  /** A file the text prefilter skipped, kept until the project pass has had its say. */
  readonly prefiltered?: { readonly realPath: string; readonly source: string; readonly invalid?: FileError };
}

/** The transforms a run may apply: with `--from 1` the 1.x set, then the rest. */
function transformSet(options: MigrateOptions): readonly (typeof ALL_TRANSFORMS)[number][] {
  return options.from1x || options.transforms.some(is1xTransformId) ? ALL_TRANSFORMS : TRANSFORMS;
}

function listTransforms(io: CliIo, json: boolean, set: readonly (typeof ALL_TRANSFORMS)[number][]): number {
  if (json) {
    io.stdout.write(`${JSON.stringify({ version: 1, transforms: set }, null, 2)}\n`);
    return EXIT_OK;
  }
  const idWidth = Math.max(...set.map((transform) => transform.id.length));
  for (const transform of set) {
    io.stdout.write(`${transform.id.padEnd(idWidth)}  ${transform.title}\n${" ".repeat(idWidth + 2)}${transform.description}\n`);
  }
  return EXIT_OK;
}

function listTransformCounts(io: CliIo, report: JsonReport, selected: MigrateOptions["transforms"], set: readonly (typeof ALL_TRANSFORMS)[number][]): void {
  const idWidth = Math.max(...set.map((transform) => transform.id.length));
  for (const transform of set) {
    const count = selected.includes(transform.id) ? plural(report.transforms[transform.id]?.files ?? 0, "file") : "not selected";
    io.stdout.write(`${transform.id.padEnd(idWidth)}  ${count.padEnd(12)}  ${transform.title}\n`);
  }
}

/**
 * Refuses (one line, with the remedy) a path argument that leads out of the project, in every mode:
 * a preview shows what the writing run would do, and that run must not write there.
 */
function checkPathsInsideProject(io: CliIo, cwd: string, paths: readonly string[], gitTopLevels: GitTopLevels): boolean {
  const root = projectRoot(cwd, gitTopLevels);
  const outside = firstPathOutside(root, cwd, paths);
  if (outside === undefined) return true;
  io.stderr.write(
    `honeyhive migrate: ${outside} is outside the project (${root}); run the command from that project, or pass --allow-outside-project\n`,
  );
  return false;
}

/**
 * Refuses (one line, with the remedy) to write into a work tree with uncommitted changes, so that
 * the migration is its own reviewable diff. Files named on the command line only need to be free of
 * unstaged changes (staged or unchanged): right after a commit that a hook blocked, `migrate <file>`
 * then writes the rewrite as the files' unstaged diff. A directory argument needs its tree clean.
 */
function checkWorkTreesClean(io: CliIo, cwd: string, options: MigrateOptions, gitTopLevels: GitTopLevels): boolean {
  const namedFiles = new Map<string, string[]>();
  const wholeTrees = new Set<string>();
  const explicitPaths = options.explicitPaths;
  for (const [absolute, topLevel] of resolveGitTopLevels(cwd, options.paths, gitTopLevels)) {
    if (topLevel === undefined) continue;
    if (explicitPaths && !statSync(absolute).isDirectory()) namedFiles.set(topLevel, [...(namedFiles.get(topLevel) ?? []), toPosix(relative(topLevel, absolute))]);
    else wholeTrees.add(topLevel);
  }
  for (const topLevel of wholeTrees) {
    const dirty = gitUncommittedPaths(topLevel);
    if (dirty.length === 0) continue;
    io.stderr.write(
      `honeyhive migrate: ${topLevel} has uncommitted changes (${examplesOf(dirty)}); commit or stash them so the migration is its own reviewable diff, or pass --allow-dirty\n`,
    );
    return false;
  }
  for (const [topLevel, files] of namedFiles) {
    if (wholeTrees.has(topLevel)) continue;
    const unstaged = gitUnstagedFiles(topLevel, files);
    if (unstaged.length === 0) continue;
    io.stderr.write(
      `honeyhive migrate: ${examplesOf(unstaged)} ${unstaged.length === 1 ? "has" : "have"} changes that are not staged; ` +
        `stage them with git add (or commit or stash them) so the migration is its own reviewable diff, or pass --allow-dirty\n`,
    );
    return false;
  }
  return true;
}

function examplesOf(paths: readonly string[]): string {
  return paths.slice(0, 3).join(", ") + (paths.length > 3 ? ", …" : "");
}

/** The text prefilter, and whether the files it skips are kept for a project pass. */
interface Prefilter {
  readonly mayUseSdk: MigrateEngine["mayUseSdk"];
  readonly keepSkipped: boolean;
}

/** Reads every discovered file once and keeps those whose text may use the SDK. */
function readFiles(
  io: CliIo,
  cwd: string,
  options: MigrateOptions,
  prefilter: Prefilter,
  settings: RunTransformsOptions["settings"],
  listings: DirectoryListings,
  gitTopLevels: GitTopLevels,
): FileRun[] {
  // The directory walk hands its listings on: the project pass resolves imports from them.
  const { files } = discoverFiles({ cwd, paths: options.paths, extensions: options.extensions, ignore: options.ignore, listings, gitTopLevels });
  const runs: FileRun[] = [];
  const listed = new Set(files.map((file) => file.absolutePath));
  const seenRealPaths = new Set<string>();
  const realRoots = new Map<string, string>();
  for (const file of files) {
    const path = toPosix(relative(cwd, file.absolutePath));
    const skip = (reason: string): void => {
      runs.push({ outcome: { path, status: "skipped", transforms: [], markers: 0, reason } });
    };
    let realPath: string;
    try {
      // The walk vouches for the files it found through directories and no link (glibc's realpath
      // reads every segment of the path as a link). One realpath(3) call for the rest, not an lstat
      // per path segment as `realpathSync` makes.
      realPath = file.real ? file.absolutePath : realpathSync.native(file.absolutePath);
    } catch {
      continue; // listed by git but deleted from the work tree, or a dangling link: nothing to migrate
    }
    let realRoot = realRoots.get(file.root);
    if (realRoot === undefined) realRoots.set(file.root, (realRoot = realpathSync.native(file.root)));
    if (!isInside(realRoot, realPath)) {
      skip(`symbolic link to ${realPath}, outside ${file.root}`);
      continue;
    }
    // A file reached through links is migrated once, under its own path when that is listed too.
    if ((realPath !== file.absolutePath && listed.has(realPath)) || seenRealPaths.has(realPath)) continue;
    seenRealPaths.add(realPath);
    let decoded: DecodedSource;
    try {
      decoded = decodeSource(readFileSync(realPath));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EISDIR") continue; // a submodule or a link to a directory
      runs.push({ outcome: { path, status: "failed", transforms: [], markers: 0, error: { message: (error as Error).message } } });
      continue;
    }
    const { text: source, invalid } = decoded;
    const read = { realPath, source, ...(invalid ? { invalid } : {}) };
    if (!prefilter.mayUseSdk(source, settings, realPath)) {
      runs.push({
        outcome: { path, status: "skipped", transforms: [], markers: 0, reason: "no SDK usage" },
        ...(prefilter.keepSkipped ? { prefiltered: read } : {}),
      });
      continue;
    }
    const candidate: Candidate = { index: runs.length, ...read };
    runs.push({ outcome: { path, status: "unchanged", transforms: [], markers: 0 }, candidate });
  }
  return runs;
}

/**
 * Do the files need the parsers? Yes when one names the SDK, or a skipped one may import a
 * HoneyHive tracer from a project module: with no candidates the project pass would find no
 * tracer module, so this is its own answer (`importsTracerModule`) for that case.
 */
function needsEngine(runs: readonly FileRun[], textTests: TextTests, settings: RunTransformsOptions["settings"], listings: DirectoryListings): boolean {
  if (runs.some((run) => run.candidate)) return true;
  const namesSdk = new Map<string, boolean>();
  return runs.some(
    ({ prefiltered }) => prefiltered && textTests.mayImportSdkTracer(prefiltered.source, prefiltered.realPath, settings, () => false, namesSdk, listings),
  );
}

/**
 * The project pass, after the first round has transformed the candidates and collected their links:
 * the files it adds (skipped by the text prefilter, but importing a module that exports a tracer)
 * and the candidates it has facts for (their exports that evaluate() runs from another module),
 * which the second round transforms (again) with those facts. Usually few or none.
 */
function secondRound(runs: readonly FileRun[], engine: MigrateEngine, settings: RunTransformsOptions["settings"], listings: DirectoryListings): FileRun[] {
  if (!engine.linkProject) return [];
  const analysed = runs.flatMap(({ candidate, result }) => (candidate ? [{ path: candidate.realPath, ...(result?.links ? { links: result.links } : {}) }] : []));
  const project = engine.linkProject(analysed, { settings, listings });
  if (project.noteImports) {
    for (const { candidate, prefiltered } of runs) {
      const file = candidate ?? prefiltered;
      if (file && !file.invalid) project.noteImports(file.realPath, file.source);
    }
  }
  return runs.flatMap((run, index): FileRun[] => {
    const { outcome, candidate, prefiltered } = run;
    if (candidate) {
      const facts = project.factsFor(candidate.realPath);
      return facts ? [{ outcome, candidate: { ...candidate, project: facts } }] : [];
    }
    if (prefiltered && project.importsTracerModule(prefiltered.realPath, prefiltered.source)) {
      const facts = project.factsFor(prefiltered.realPath);
      return [{ outcome: { path: outcome.path, status: "unchanged", transforms: [], markers: 0 }, candidate: { index, ...prefiltered, ...(facts ? { project: facts } : {}) } }];
    }
    return [];
  });
}

function outcomeOf(path: string, result: TransformRunResult): FileOutcome {
  if (result.error) return { path, status: "failed", transforms: [], markers: 0, error: result.error };
  return { path, status: result.changed ? "changed" : "unchanged", transforms: result.applied, markers: result.markers };
}

/**
 * How many worker threads to transform with (1: in the main thread). Without `--cpus`, one per
 * core but one, and only for more than POOL_THRESHOLD candidates; `--cpus n` asks for n workers
 * whatever the count. Never more workers than files.
 */
export function chooseWorkerCount(choice: { runInBand: boolean; cpus: number | undefined; candidates: number; cores: number }): number {
  if (choice.runInBand || choice.candidates < 2) return 1;
  if (choice.cpus === undefined && choice.candidates <= POOL_THRESHOLD) return 1;
  const wanted = choice.cpus ?? Math.max(1, choice.cores - 1);
  return Math.min(wanted, choice.candidates);
}

/** How many worker threads to transform `candidates` files with (1: in this thread). */
function workerCountFor(io: CliIo, options: MigrateOptions, candidates: number): number {
  // An injected engine is a set of functions, which cannot cross to a worker thread.
  if (io.engine) return 1;
  const workers = chooseWorkerCount({ runInBand: options.runInBand, cpus: options.cpus, candidates, cores: availableParallelism() });
  if (workers > 1 && !existsSync(fileURLToPath(io.workerUrl ?? WORKER_URL))) return 1; // running from sources: no compiled worker
  return workers;
}

/** One round of transforms, as the progress bar and `--verbose` name it. */
interface TransformRound {
  /** Files the bar counts: the first round counts every file read, as the summary's "files scanned" does. */
  readonly total: number;
  /** Of those, files already settled without a transform (skipped by the prefilter, not UTF-8). */
  readonly settled: number;
  /** What the bar counts, for one file and for several. */
  readonly unit: readonly [string, string];
  /** What `--verbose` calls the candidates, one and several. */
  readonly what: readonly [string, string];
}

/** Runs the engine over candidates in this thread, or on a worker pool started when a round is large enough. */
class Transformer {
  /** Started by the first round large enough for workers; the later rounds reuse it. */
  private pool: { readonly workers: number; readonly threads: TransformPool } | undefined;

  constructor(
    private readonly io: CliIo,
    private readonly options: MigrateOptions,
    private readonly engine: MigrateEngine | undefined,
    private readonly transformOptions: RunTransformsOptions,
  ) {}

  /**
   * The candidates' results in order; a file that is not UTF-8 gets its error without reaching the
   * engine. The progress bar counts `round.total` files, of which `round.settled` need no transform.
   */
  async transform(candidates: readonly Candidate[], round: TransformRound): Promise<TransformRunResult[]> {
    const readable = candidates.filter((candidate) => !candidate.invalid);
    const settled = round.settled + candidates.length - readable.length;
    const results = readable.length > 0 ? await this.transformReadable(readable, { ...round, settled }) : [];
    let next = 0;
    return candidates.map((candidate) =>
      candidate.invalid
        ? { output: candidate.source, changed: false, applied: [], markers: 0, error: candidate.invalid }
        : results[next++],
    );
  }

  private async transformReadable(candidates: readonly Candidate[], round: TransformRound): Promise<TransformRunResult[]> {
    const progress = new ProgressBar(this.io.stderr, round.total, ...round.unit);
    const workers = this.pool?.workers ?? workerCountFor(this.io, this.options, candidates.length);
    if (this.options.verbose && candidates.length > 0) {
      this.io.stderr.write(`honeyhive migrate: ${plural(candidates.length, ...round.what)}, ${workers > 1 ? `${workers} workers` : "in process"}\n`);
    }
    let results: TransformRunResult[];
    if (workers > 1) {
      this.pool ??= { threads: new TransformPool(this.transformOptions, workers, this.io.workerUrl ?? WORKER_URL), workers };
      let done = 0;
      results = await this.pool.threads.run(
        candidates.map(({ realPath, source, project }) => ({ filePath: realPath, source, ...(project ? { project } : {}) })),
        () => progress.update(round.settled + ++done),
      );
    } else {
      results = candidates.map((candidate, done) => {
        const fileOptions = candidate.project ? { ...this.transformOptions, project: candidate.project } : this.transformOptions;
        const result = this.engine
          ? transformSafely(this.engine, candidate.source, candidate.realPath, fileOptions)
          : { output: candidate.source, changed: false, applied: [], markers: 0, error: { message: "internal error: no engine loaded" } };
        progress.update(round.settled + done + 1);
        return result;
      });
    }
    progress.clear();
    return results;
  }

  close(): Promise<void> {
    return this.pool?.threads.close() ?? Promise.resolve();
  }
}

/** The runs with the candidates' results in place. */
function withResults(runs: readonly FileRun[], candidates: readonly Candidate[], results: readonly TransformRunResult[]): FileRun[] {
  const updated = [...runs];
  candidates.forEach((candidate, position) => {
    const result = results[position];
    updated[candidate.index] = { candidate, result, outcome: outcomeOf(runs[candidate.index].outcome.path, result) };
  });
  return updated;
}

/**
 * Transforms the candidates, collecting what each tells the project pass; then the second round
 * (see `secondRound`) over the files the joined links add or change. Each file is parsed once per
 * round it is in, and nothing is parsed for the project pass alone.
 */
async function transformAll(
  io: CliIo,
  options: MigrateOptions,
  runs: FileRun[],
  engine: MigrateEngine | undefined,
  transformOptions: RunTransformsOptions,
  listings: DirectoryListings,
): Promise<FileRun[]> {
  const transformer = new Transformer(io, options, engine, { ...transformOptions, ...(engine?.linkProject ? { links: true } : {}) });
  // In this thread the analysis reads the directories discovery listed (worker.ts: the worker's own).
  const stopUsingListings = engine?.useListings?.(listings);
  try {
    const first = runs.flatMap((run) => (run.candidate ? [run.candidate] : []));
    const firstRound: TransformRound = {
      total: runs.length,
      settled: runs.length - first.length,
      unit: ["file", "files"],
      what: ["candidate file", "candidate files"],
    };
    let updated = withResults(runs, first, await transformer.transform(first, firstRound));
    if (!engine) return updated;
    const again = secondRound(updated, engine, transformOptions.settings, listings).map((run) => run.candidate!);
    // The project pass's round transforms some of those files again: its bar says so.
    const afterPass = ["file after the project pass", "files after the project pass"] as const;
    const projectRound: TransformRound = { total: again.length, settled: 0, unit: afterPass, what: afterPass };
    if (again.length > 0) updated = withResults(updated, again, await transformer.transform(again, projectRound));
    return updated;
  } finally {
    stopUsingListings?.();
    await transformer.close();
  }
}

/** Writes the changed files; a file that cannot be written safely becomes a failure. */
function writeChanged(runs: FileRun[]): FileRun[] {
  return runs.map((run) => {
    if (run.outcome.status !== "changed" || !run.candidate || !run.result) return run;
    try {
      writeFileAtomically(run.candidate.realPath, run.candidate.source, run.result.output);
      return run;
    } catch (error) {
      const message = `not written: ${(error as Error).message}`;
      return { ...run, outcome: { path: run.outcome.path, status: "failed", transforms: [], markers: 0, error: { message } } };
    }
  });
}

function printFileOutputs(stream: CliIo["stdout"], runs: readonly FileRun[], options: MigrateOptions): void {
  const changed = runs.flatMap(({ outcome, candidate, result }) =>
    outcome.status === "changed" && candidate && result ? [{ path: outcome.path, source: candidate.source, output: result.output }] : [],
  );
  // Written in chunks of about 64 kB: one write per file costs a system call (and a stream write) each.
  let pending = "";
  for (const { path, source, output } of changed) {
    if (options.print) {
      // One file prints as is (ready to redirect); several get a header each, like head(1).
      if (changed.length > 1) pending += `==> ${path} <==\n`;
      pending += output.endsWith("\n") || output === "" ? output : `${output}\n`;
    } else {
      pending += unifiedDiff(path, source, output);
    }
    if (pending.length >= 65_536) {
      stream.write(pending);
      pending = "";
    }
  }
  if (pending) stream.write(pending);
}

function printVerbose(io: CliIo, runs: readonly FileRun[]): void {
  for (const { outcome } of runs) {
    const detail = outcome.transforms.length > 0 ? ` (${outcome.transforms.join(", ")})` : outcome.reason ? ` (${outcome.reason})` : "";
    io.stderr.write(`${outcome.status.padEnd(9)} ${outcome.path}${detail}\n`);
  }
}

function exitCodeOf(report: JsonReport, options: MigrateOptions): number {
  if (report.summary.failed > 0) return EXIT_FAILED_FILES;
  if (options.check && (report.summary.changed > 0 || report.summary.markers > 0)) return EXIT_CHECK_FOUND_WORK;
  return EXIT_OK;
}

export async function runMigrate(options: MigrateOptions, io: CliIo): Promise<number> {
  const startedAt = performance.now();
  if (options.list && !options.explicitPaths) return listTransforms(io, options.json, transformSet(options));
  const cwd = realpathSync(io.cwd);
  const writes = !options.dry && !options.list;
  // Which git work tree holds what, asked once per work tree for the guards, the discovery and the report.
  const gitTopLevels = new GitTopLevels();
  if (!options.allowOutsideProject && !checkPathsInsideProject(io, cwd, options.paths, gitTopLevels)) return EXIT_USAGE;
  if (writes && !options.allowDirty && !checkWorkTreesClean(io, cwd, options, gitTopLevels)) return EXIT_USAGE;

  // The project's root bounds the walk up for a deployment configuration, as ESLint's `cwd` does for the rules.
  // The 2.x set alone also asks each parsed file whether it uses 1.x APIs (the `--from 1` hint below).
  const hint1x = transformSet(options) === TRANSFORMS;
  const transformOptions: RunTransformsOptions = { transforms: options.transforms, settings: options.settings, cwd: projectRoot(cwd, gitTopLevels), ...(hint1x ? { uses1x: true } : {}) };
  // The parsers are loaded only when some file needs them: over code that does not use the SDK the
  // run costs reading the files and the text tests.
  const textTests = io.engine ? undefined : await loadPrefilter();
  const prefilter: Prefilter = textTests
    ? { mayUseSdk: textTests.mayUseSdk, keepSkipped: true }
    : { mayUseSdk: io.engine?.mayUseSdk ?? (() => true), keepSkipped: io.engine?.linkProject !== undefined };
  // One listing per directory for the whole run: discovery, the text tests and the project pass.
  const listings = new DirectoryListings();
  let runs = readFiles(io, cwd, options, prefilter, transformOptions.settings, listings, gitTopLevels);
  if (textTests && !needsEngine(runs, textTests, transformOptions.settings, listings)) {
    // Nothing to parse: what the project pass would answer with no candidates, without loading it.
    runs = await transformAll(io, options, runs.map(({ outcome }) => ({ outcome })), undefined, transformOptions, listings);
  } else {
    const engine = io.engine ?? (await loadDefaultEngine());
    runs = await transformAll(io, options, runs, engine, transformOptions, listings);
  }
  if (writes) runs = writeChanged(runs);
  if (options.updatePackage) updatePackageManifest(io, cwd, writes);

  // The 2.x set alone on code that uses 1.x APIs changes none of them: the summary says what to run instead (each
  // file's answer comes from its worker's parse: engine.ts `TransformRunResult.uses1x`).
  const uses1x = hint1x ? runs.filter((run) => run.result?.uses1x === true).map((run) => run.outcome.path) : [];
  const report = buildJsonReport(runs.map((run) => run.outcome), uses1x);
  const fileOutputStream = options.json ? io.stderr : io.stdout;
  if (options.dry && !options.list) printFileOutputs(fileOutputStream, runs, options);
  if (options.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (options.list) listTransformCounts(io, report, options.transforms, transformSet(options));
  if (options.verbose) printVerbose(io, runs);
  io.stderr.write(formatSummary(report, { dry: !writes, elapsedMs: performance.now() - startedAt }));

  if (writes) {
    const written = report.files.filter((outcome) => outcome.status === "changed").map((outcome) => outcome.path);
    const topLevels = [...resolveGitTopLevels(cwd, ["."], gitTopLevels).values()];
    const command = formatterCommand(cwd, topLevels[0] ?? cwd, written);
    if (command) io.stderr.write(`Format the changed files with the project's formatter:\n  ${command}\n`);
  }
  return exitCodeOf(report, options);
}

/** `--update-package`: the `honeyhive` range of the package.json in the working directory. */
function updatePackageManifest(io: CliIo, cwd: string, writes: boolean): void {
  const path = join(cwd, "package.json");
  const source = existsSync(path) ? readFileSync(path, "utf8") : undefined;
  if (source === undefined) {
    io.stderr.write(`--update-package: no package.json in ${cwd}\n`);
    return;
  }
  const update = updateHoneyhiveRange(source, packageVersion());
  if (!update) {
    io.stderr.write(`package.json: no honeyhive range to move to ^${packageVersion()}\n`);
    return;
  }
  if (writes) writeFileAtomically(realpathSync(path), source, update.text);
  io.stderr.write(
    `package.json: honeyhive ${update.from.join(", ")} → ${update.to}${writes ? "" : " (not written)"}; ` +
      `the lock file is left to your package manager: run its install\n`,
  );
}

/** The whole program: parses `argv` (without node and the script), runs, returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    if (command.kind === "help") {
      io.stdout.write(command.topic === "migrate" ? migrateHelp() : MAIN_HELP);
      return EXIT_OK;
    }
    if (command.kind === "version") {
      io.stdout.write(`${packageVersion()}\n`);
      return EXIT_OK;
    }
    return await runMigrate(command.options, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof MissingPathError) {
      io.stderr.write(`honeyhive: ${error.message}\nRun "honeyhive migrate --help" for usage.\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
