#!/usr/bin/env node
// Which of a build's functions V8 optimizes, de-optimizes (and why) and optimizes again, pass by pass, over the
// first n files of the 100%-SDK synthetic tree (the files of `instr-ab.mjs --sdk n`), natively:
//
//   node bench/lib/jit-trace.mjs <dist/esm/rules/index.js> [--sdk 200 | --corpus-every k] [--passes 4] [--kind honeyhive|control|baseline] [--all] [--where]
//
// `--corpus-every k`: every k-th file of the real corpus instead (paths.mjs's listFiles order, as instr-ab.mjs's
// `--corpus-every` samples it): what the plugin compiles on code that does not use the SDK.
// Runs itself as a child under `--trace-opt --trace-deopt --predictable --single-threaded` (instr-ab.mjs's
// flags, so V8 compiles what it compiles under callgrind), the child printing a marker between passes. V8 names
// a JavaScript function only by its name, so a function counts as the build's when its name is declared in
// the build's files (`function name(`, `name(…) {` methods, `name = (` arrows) and in no file of ESLint or
// typescript-estree the lint loads; `--all` lists every function. Prints per pass: optimizing compiles (the
// build's / all), de-optimizations by function and reason, and the functions compiled again after a deopt.
// `--where` (V8's `--trace-deopt-verbose`, a much longer trace) adds to each deopt the source position it
// happened at, innermost first (`file:line:column`, the inlined functions' positions included).
import { spawn } from "node:child_process";
import { readFileSync, readdirSync, realpathSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CORPUS_DIR, SYNTHETIC_DIR, listFiles } from "./paths.mjs";

const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
};
const PASS_MARK = "@@jit-trace pass ";

if (process.argv[2] === "--child") {
  const { createLinter } = await import("./lint-child.mjs");
  const [, , , kind, entry, count, passes] = process.argv;
  const every = count.startsWith("corpus:") ? Number(count.slice("corpus:".length)) : undefined;
  const tree = every === undefined ? join(SYNTHETIC_DIR, "files-10000-share-100") : CORPUS_DIR;
  const listed = listFiles(tree, [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"]);
  const paths = every === undefined ? listed.slice(0, Number(count)) : listed.filter((_, index) => (index + 1) % every === 0);
  const files = paths.map((path) => ({ path: realpathSync(path), text: readFileSync(path, "utf8") }));
  const linter = await createLinter(kind, realpathSync(tree), { entry });
  for (let pass = 1; pass <= Number(passes); pass++) {
    // Unbuffered, as V8's traces are (the parent runs this under `stdbuf -o0`), so the marker lands between them.
    process.stdout.write(`${PASS_MARK}${pass}\n`);
    for (const { path, text } of files) await linter.lintText(text, { filePath: path });
  }
  process.stdout.write(`${PASS_MARK}end\n`);
  process.exit(0);
}

const entry = resolve(process.argv[2] ?? "dist/esm/rules/index.js");
const count = option("corpus-every") !== undefined ? `corpus:${option("corpus-every")}` : option("sdk", "200");
const passes = Number(option("passes", "4"));
const kind = option("kind", "honeyhive");
const all = process.argv.includes("--all");
const where = process.argv.includes("--where");

/** Names declared in the .js files under `dir` (functions, methods, arrows assigned to a name). */
function declaredNames(dir, names = new Set()) {
  for (const entryName of readdirSync(dir)) {
    const path = join(dir, entryName);
    if (statSync(path).isDirectory()) declaredNames(path, names);
    else if (/\.[cm]?js$/.test(entryName)) {
      const text = readFileSync(path, "utf8");
      for (const match of text.matchAll(/(?:function\*?\s+([\w$]+)\s*\(|^\s*(?:static\s+|async\s+|get\s+|set\s+)*([\w$]+)\s*\([^)]*\)\s*\{|([\w$]+)\s*=\s*(?:async\s*)?\([^)]*\)\s*=>|class\s+([\w$]+))/gm)) {
        names.add(match[1] ?? match[2] ?? match[3] ?? match[4]);
      }
    }
  }
  return names;
}
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const build = declaredNames(dirname(dirname(entry)));
const theirs = new Set();
for (const dir of ["eslint/lib", "@typescript-eslint/typescript-estree/dist", "@typescript-eslint/parser/dist", "@typescript-eslint/scope-manager/dist", "espree/dist", "esquery/dist"]) {
  try {
    declaredNames(join(ROOT, "node_modules", dir), theirs);
  } catch {
    // A package this install does not have.
  }
}
const ours = (name) => all || (build.has(name) && !theirs.has(name));

const child = spawn(
  "stdbuf",
  ["-o0", process.execPath, "--trace-opt", where ? "--trace-deopt-verbose" : "--trace-deopt", "--predictable", "--single-threaded", "--expose-gc", fileURLToPath(import.meta.url), "--child", kind, entry, count, String(passes)],
  { stdio: ["ignore", "pipe", "inherit"] },
);
let buffered = "";
let pass = 0;
const perPass = [];
const current = () => perPass[pass] ?? (perPass[pass] = { compiles: 0, ms: 0, ourMs: new Map(), ourCompiles: new Map(), deopts: new Map(), reopt: new Map() });
const deoptedOnce = new Set();
const bump = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
const nameOf = (line) => /<JSFunction ([^ >]*)/.exec(line)?.[1] || "(anonymous)";
/** The key of the last deopt of the build's, while `--where` reads its position lines. */
let lastDeopt;
child.stdout.on("data", (chunk) => {
  buffered += chunk;
  const lines = buffered.split("\n");
  buffered = lines.pop();
  for (const line of lines) {
    const position = where && lastDeopt !== undefined ? /;;; deoptimize at <(.*)>/.exec(line) : null;
    if (position) {
      const build = dirname(dirname(entry));
      bump(current().deopts, `${lastDeopt} at ${position[1].replaceAll(build + "/", "")}`);
      current().deopts.set(lastDeopt, current().deopts.get(lastDeopt) - 1);
      if (current().deopts.get(lastDeopt) === 0) current().deopts.delete(lastDeopt);
      lastDeopt = undefined;
    } else if (line.startsWith(PASS_MARK)) {
      const label = line.slice(PASS_MARK.length);
      pass = label === "end" ? passes + 1 : Number(label);
    } else if (line.startsWith("[completed compiling") || line.startsWith("[completed optimizing")) {
      if (!line.includes("TURBOFAN")) continue;
      const name = nameOf(line);
      // "took <prepare>, <execute>, <finalize> ms": wall-clock, so shares within one run are the reading.
      const took = (/took ([\d.]+), ([\d.]+), ([\d.]+) ms/.exec(line) ?? []).slice(1).reduce((sum, value) => sum + Number(value), 0);
      current().compiles++;
      current().ms += took;
      if (!ours(name)) continue;
      bump(current().ourCompiles, name);
      current().ourMs.set(name, (current().ourMs.get(name) ?? 0) + took);
      if (deoptedOnce.has(name)) bump(current().reopt, name);
    } else if (line.startsWith("[bailout (")) {
      const name = nameOf(line);
      lastDeopt = undefined;
      if (!ours(name)) continue;
      const reason = /reason: ([^)]*)\)/.exec(line)?.[1] ?? "?";
      const kindOf = /kind: ([^,]*)/.exec(line)?.[1] ?? "?";
      bump(current().deopts, `${name} (${kindOf}: ${reason})`);
      lastDeopt = `${name} (${kindOf}: ${reason})`;
      deoptedOnce.add(name);
    }
  }
});
child.on("close", (code) => {
  if (code !== 0) console.error(`child exited ${code}`);
  const sorted = (map) => [...map].sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0]));
  const files = count.startsWith("corpus:") ? `every ${count.slice("corpus:".length)}th file of the real corpus` : `first ${count} files of the 100%-SDK tree`;
  console.log(`${kind}, ${entry}, ${files}, ${passes} passes${all ? " (all functions)" : " (the build's functions)"}`);
  for (let index = 1; index <= passes; index++) {
    const { compiles = 0, ms = 0, ourMs = new Map(), ourCompiles = new Map(), deopts = new Map(), reopt = new Map() } = perPass[index] ?? {};
    const sum = (map) => [...map.values()].reduce((total, value) => total + value, 0);
    console.log(
      `\npass ${index}: ${compiles} TurboFan compiles (${ms.toFixed(0)} ms), ${sum(ourCompiles)} of the build's (${sum(ourMs).toFixed(0)} ms); ${sum(deopts)} deopts of the build's`,
    );
    const compiled = sorted(ourMs).map(([name, took]) => `${name}${ourCompiles.get(name) > 1 ? `×${ourCompiles.get(name)}` : ""} ${took.toFixed(1)}`);
    console.log(`  compiled (ms, largest first): ${compiled.join(", ")}`);
    if (deopts.size) console.log(`  deopts:\n${sorted(deopts).map(([key, times]) => `    ${String(times).padStart(3)}  ${key}`).join("\n")}`);
    if (reopt.size) console.log(`  compiled again after a deopt: ${sorted(reopt).map(([name, times]) => (times > 1 ? `${name}×${times}` : name)).join(", ")}`);
  }
});
