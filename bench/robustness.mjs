#!/usr/bin/env node
// `npm run test:corpus`: the rules and the codemod on code nobody here wrote.
//  1. Every rule (configs.all) over the whole real corpus: no crash, no report.
//  2. The same with a namespace import of "honeyhive" put in front of every file, so the analysis
//     runs in full on real code instead of stopping at "this file does not use the SDK".
//  3. `honeyhive migrate --dry --json` over the real corpus: no change, no failure.
//  4. The engine's runTransforms on every corpus file, plain and with the probe import (so the
//     prefilter cannot skip it): no change; every failure is a genuine parse error (TypeScript's own
//     parser must reject the file too), and is reported.
//  5. The 100% synthetic tree: the rules report on every SDK file; `migrate` (writing, on a copy)
//     changes them, its output parses, equals the fixture's `after` (review markers included; plus
//     the file's own suffix),
//     the rules report nothing on what it fixed, and a second run changes nothing.
// Exit code 1 when a check fails. Needs `npm run build` and `npm run bench:corpus`.
import { cpSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { availableParallelism } from "node:os";
import ts from "typescript";
import { requireCorpus } from "./corpus.mjs";
import { generateTree, loadTemplates } from "./generate.mjs";
import { createLinter, lintDirectory } from "./lib/lint-child.mjs";
import { runNode } from "./lib/measure.mjs";
import { CACHE_DIR, CORPUS_DIR, DIST_DIR, MIGRATE_BIN, listFiles, prepareBuild } from "./lib/paths.mjs";

const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
/** Makes a file "use the SDK" for every prefilter and import check, without binding a common name. */
const PROBE_IMPORT = 'import * as honeyhiveRobustnessProbe from "honeyhive";\n';
const OUTSIDE_GIT = { GIT_CEILING_DIRECTORIES: CACHE_DIR };
const WORKERS = String(Math.max(1, availableParallelism() - 1));

const checks = [];
function check(name, passed, details = []) {
  checks.push({ name, passed, details });
  console.log(`${passed ? "ok  " : "FAIL"} ${name}`);
  for (const line of details.slice(0, 10)) console.log(`       ${line}`);
  if (details.length > 10) console.log(`       … and ${details.length - 10} more`);
}

/** TypeScript's own verdict: the syntax errors it finds in `text` (empty when the file parses). */
function typescriptParseErrors(path, text) {
  const kind = /\.[cm]?tsx?$/.test(path) && !path.endsWith(".tsx") ? ts.ScriptKind.TS : path.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.JS;
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, kind);
  return source.parseDiagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
}

function honeyhiveMessages(results, root) {
  return results.flatMap((result) =>
    result.messages
      .filter((message) => message.fatal || message.ruleId?.startsWith("honeyhive/"))
      .map((message) => `${relative(root, result.filePath)}:${message.line}:${message.column} ${message.ruleId ?? "parse error"}: ${message.message}`),
  );
}

async function lintWithoutCrash(kind, directory) {
  try {
    return { results: (await lintDirectory(kind, directory)).results };
  } catch (error) {
    return { crash: String(error?.stack ?? error).split("\n").slice(0, 4).join(" | ") };
  }
}

async function rulesOnCorpus(files) {
  const plain = await lintWithoutCrash("all", CORPUS_DIR);
  check("every rule over the real corpus: no crash", !plain.crash, plain.crash ? [plain.crash] : []);
  if (plain.results) {
    check(`every rule over the real corpus (${plain.results.length} files): no report, no parse error`, honeyhiveMessages(plain.results, CORPUS_DIR).length === 0, honeyhiveMessages(plain.results, CORPUS_DIR));
  }
  const eslint = await createLinter("all", CORPUS_DIR);
  const crashes = [];
  const reports = [];
  for (const path of files) {
    try {
      const results = await eslint.lintText(PROBE_IMPORT + readFileSync(path, "utf8"), { filePath: path });
      reports.push(...honeyhiveMessages(results, CORPUS_DIR));
    } catch (error) {
      crashes.push(`${relative(CORPUS_DIR, path)}: ${String(error?.message ?? error).split("\n")[0]}`);
    }
  }
  check("every rule over the real corpus with a honeyhive import in front: no crash", crashes.length === 0, crashes);
  check("every rule over the real corpus with a honeyhive import in front: no report", reports.length === 0, reports);
}

async function migrateCliOnCorpus() {
  const run = await runNode(MIGRATE_BIN, ["migrate", "--dry", "--json", "--cpus", WORKERS, "."], { cwd: CORPUS_DIR, env: OUTSIDE_GIT, allowFailure: true });
  const report = JSON.parse(run.stdout);
  const { summary } = report;
  check(
    `migrate --dry over the real corpus (${summary.scanned} files): no change, no failure`,
    run.code === 0 && summary.changed === 0 && summary.failed === 0,
    report.files.filter((file) => file.status === "changed" || file.status === "failed").map((file) => `${file.path}: ${file.status} ${file.error?.message ?? ""}`),
  );
}

async function engineOnCorpus(files) {
  const { runTransforms } = await import(pathToFileURL(join(DIST_DIR, "codemods", "engine", "engine.js")).href);
  for (const [label, prefix] of [["plain", ""], ["with a honeyhive import in front", PROBE_IMPORT]]) {
    const changed = [];
    const thrown = [];
    const failures = [];
    for (const path of files) {
      const source = prefix + readFileSync(path, "utf8");
      try {
        const result = runTransforms(source, path);
        if (result.output !== source || result.changed) changed.push(relative(CORPUS_DIR, path));
        if (result.error) failures.push({ path, error: result.error, typescript: typescriptParseErrors(path, source) });
      } catch (error) {
        thrown.push(`${relative(CORPUS_DIR, path)}: ${String(error?.message ?? error).split("\n")[0]}`);
      }
    }
    check(`codemod engine on every corpus file (${label}): never throws`, thrown.length === 0, thrown);
    check(`codemod engine on every corpus file (${label}): no change`, changed.length === 0, changed);
    const notGenuine = failures.filter((failure) => failure.typescript.length === 0);
    check(
      `codemod engine on every corpus file (${label}): ${failures.length} failure(s), each a genuine parse error (TypeScript rejects the file too)`,
      notGenuine.length === 0,
      notGenuine.map((failure) => `${relative(CORPUS_DIR, failure.path)}:${failure.error.line ?? "?"}:${failure.error.column ?? "?"} ${failure.error.message}`),
    );
    for (const failure of failures.filter((entry) => entry.typescript.length > 0)) {
      console.log(`       reported: ${relative(CORPUS_DIR, failure.path)}: ${failure.error.message} (TypeScript: ${failure.typescript[0]})`);
    }
  }
}

async function syntheticTree() {
  const tree = generateTree({ files: 10_000, share: 1 });
  const sdkPaths = new Map(tree.sdkFiles.map((file) => [file.path, file]));
  const templates = new Map(loadTemplates().templates.map((template) => [template.id, template]));
  const before = await lintWithoutCrash("honeyhive", tree.dir);
  if (before.results) {
    const silent = before.results
      .filter((result) => sdkPaths.has(relative(tree.dir, result.filePath)) && !result.messages.some((message) => message.ruleId?.startsWith("honeyhive/")))
      .map((result) => relative(tree.dir, result.filePath));
    check(`synthetic 100% (${tree.sdkFiles.length} SDK files from ${tree.templateSource}): the rules report on every SDK file before the migration`, silent.length === 0, silent);
  } else {
    check("synthetic 100%: linting the tree before the migration does not crash", false, [before.crash]);
  }

  const copy = join(CACHE_DIR, "robustness", "synthetic-100");
  rmSync(copy, { recursive: true, force: true });
  cpSync(tree.dir, copy, { recursive: true });
  rmSync(join(copy, "manifest.json"));
  const first = await runNode(MIGRATE_BIN, ["migrate", "--json", "--cpus", WORKERS, "."], { cwd: copy, env: OUTSIDE_GIT, allowFailure: true });
  const firstReport = JSON.parse(first.stdout);
  // A fixture whose after equals its before (nothing to do) must stay unchanged; every other changes.
  const mustChange = (file) => templates.get(file.template)?.after !== templates.get(file.template)?.text;
  const expectedChanges = tree.sdkFiles.filter(mustChange).length;
  const wrongStatus = firstReport.files.filter((file) => {
    const sdkFile = sdkPaths.get(file.path);
    return file.status === "failed" || (sdkFile !== undefined && (file.status === "changed") !== mustChange(sdkFile));
  });
  check(
    `synthetic 100%: migrate changes every SDK file that has something to change (${firstReport.summary.changed} changed of ${expectedChanges} expected, ${firstReport.summary.failed} failed, ${firstReport.summary.markers} review markers)`,
    first.code === 0 && wrongStatus.length === 0 && firstReport.summary.changed === expectedChanges,
    wrongStatus.map((file) => `${file.path}: ${file.status} ${file.error?.message ?? file.reason ?? ""}`),
  );

  const unparsable = [];
  const different = [];
  for (const file of listFiles(copy, SOURCE_EXTENSIONS)) {
    const path = relative(copy, file);
    const text = readFileSync(file, "utf8");
    const errors = typescriptParseErrors(file, text);
    if (errors.length > 0) unparsable.push(`${path}: ${errors[0]}`);
    const sdkFile = sdkPaths.get(path);
    const template = sdkFile && templates.get(sdkFile.template);
    if (template?.after !== undefined && text !== template.after + sdkFile.suffix) different.push(`${path} (${sdkFile.template})`);
  }
  check("synthetic 100%: every file parses after the migration (TypeScript's parser)", unparsable.length === 0, unparsable);
  check("synthetic 100%: each migrated file is exactly its fixture's after (plus its suffix)", different.length === 0, different);

  const after = await lintWithoutCrash("honeyhive", copy);
  if (after.results) {
    const markerFiles = new Set(tree.sdkFiles.filter((file) => file.marker).map((file) => file.path));
    const reports = honeyhiveMessages(after.results.filter((result) => !markerFiles.has(relative(copy, result.filePath))), copy);
    check(`synthetic 100%: the rules report nothing on what the codemod fixed (${markerFiles.size} files with review markers left out)`, reports.length === 0, reports);
  } else {
    check("synthetic 100%: linting the migrated tree does not crash", false, [after.crash]);
  }

  const second = await runNode(MIGRATE_BIN, ["migrate", "--dry", "--json", "--cpus", WORKERS, "."], { cwd: copy, env: OUTSIDE_GIT, allowFailure: true });
  const secondReport = JSON.parse(second.stdout);
  check(
    `synthetic 100%: a second run changes nothing (${secondReport.summary.changed} changed, ${secondReport.summary.failed} failed)`,
    second.code === 0 && secondReport.summary.changed === 0 && secondReport.summary.failed === 0,
    secondReport.files.filter((file) => file.status === "changed" || file.status === "failed").map((file) => file.path),
  );
}


const started = performance.now();
prepareBuild();
requireCorpus();
const corpusFiles = listFiles(CORPUS_DIR, SOURCE_EXTENSIONS);
await rulesOnCorpus(corpusFiles);
await migrateCliOnCorpus();
await engineOnCorpus(corpusFiles);
await syntheticTree();
const failed = checks.filter((entry) => !entry.passed);
console.log(`\n${checks.length - failed.length} of ${checks.length} checks passed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exitCode = failed.length > 0 ? 1 : 0;
