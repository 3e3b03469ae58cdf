#!/usr/bin/env node
// Where one `migrate` run's time per file goes, in one process (bench/NOTES.md, "### perf-migrate-7"):
// the transforms' engine (`runTransforms(…, { links: true })`, as the CLI's first round calls it) on
// each file of a tree, several passes, with per-file minima of the process's CPU time (the machine is
// shared: wall time counts the time a file waited for a core, which at a load of 16 on 2 cores is
// most of a whole run's; a minimum over passes also drops a collection that fell in one pass) of
// - `tsOnly`: TypeScript's parser alone (what the output check pays for a file it must re-parse);
// - `parse`: the engine's parse (TypeScript, typescript-estree's conversion, the node index, scopes),
//   and its steps alone: `estree` (TypeScript and the conversion), `index` (the node index and `parent`
//   links of that AST), `scopes` (scope-manager on it);
// - `settle` (`--from1`): the engine's parse of the text the 1.x set left, which the 2.x transforms
//   read (captured from the first 2.x transform's context; on the files that have one);
// - `full`: the whole engine run;
// - each selected transform's `collect` (the first to ask for a model pays for it: the SDK model is
//   evaluate-managed-tracer's, the handler model usually session-start-to-create-session's);
// and the CPU time of each pass (the first pass also pays the JIT's warm-up and every cache the
// analysis keeps per folder or package: on a tree of one package per file, what the CLI pays).
//
//   node bench/lib/migrate-stages.mjs --dist <dist/esm> --tree <dir> [--passes 4] [--from1]
//                                     [--extensions ts,mts,cts] [--step 1]
// `--step n` takes every n-th file. The CLI's discovery fills the directory listings the project
// reader answers from; here they are listed on first use, so the first pass also pays the `readdir`s
// that discovery pays in a CLI run.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    dist: { type: "string" },
    tree: { type: "string" },
    passes: { type: "string", default: "4" },
    from1: { type: "boolean", default: false },
    extensions: { type: "string", default: "ts,mts,cts" },
    step: { type: "string", default: "1" },
  },
});
const dist = resolve(values.dist);
const tree = resolve(values.tree);
const extensions = new Set(values.extensions.split(",").map((extension) => `.${extension}`));

function filesUnder(directory, into = []) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules") filesUnder(path, into);
    } else if (extensions.has(path.slice(path.lastIndexOf(".")))) into.push(path);
  }
  return into;
}
const files = filesUnder(tree).sort().filter((_, index) => index % Number(values.step) === 0);
const texts = files.map((file) => readFileSync(file, "utf8"));

const { runTransforms } = await import(join(dist, "codemods/engine/engine.js"));
const { parseFile, releaseParse, syntaxErrorOf } = await import(join(dist, "codemods/engine/parse.js"));
const { useDirectoryListings } = await import(join(dist, "codemods/engine/listings-file-system.js"));
const { parseEstree } = await import(join(dist, "analysis/parse-input.js"));
const { indexNodes } = await import(join(dist, "analysis/nodes.js"));
const scopeManager = createRequire(join(dist, "analysis/parse-input.js"))("@typescript-eslint/scope-manager");
const { transformById } = await import(join(dist, "codemods/transforms/index.js"));
const { ALL_TRANSFORM_IDS, TRANSFORM_IDS } = await import(join(dist, "codemods/transforms/ids.js"));
useDirectoryListings();

// The CLI's sets: the 2.x transforms, or (`--from 1`) the 1.x ones first, then those.
const transforms = values.from1 ? ALL_TRANSFORM_IDS : TRANSFORM_IDS;
/** The process's CPU time (user and system), ns: getrusage's sum is kept to the µs by the scheduler. */
function cpuNs() {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
}
const spent = new Map(transforms.map((id) => [id, 0]));
// Per file, the text the 2.x transforms read when it is not the source (the settle's), by file index.
const settled = new Map();
let current = -1;
for (const id of transforms) {
  const transform = transformById(id);
  const collect = transform.collect;
  transform.collect = (context) => {
    if (values.from1 && !settled.has(current) && context.file.text !== texts[current] && TRANSFORM_IDS.includes(id)) settled.set(current, context.file.text);
    const start = cpuNs();
    try {
      return collect(context);
    } finally {
      spent.set(id, spent.get(id) + cpuNs() - start);
    }
  };
}

const stages = ["tsOnly", "parse", "estree", "index", "scopes", ...(values.from1 ? ["settle"] : []), "full", ...transforms];
const minima = new Map(stages.map((stage) => [stage, new Float64Array(files.length).fill(Infinity)]));
const keep = (stage, index, ns) => {
  const row = minima.get(stage);
  if (ns < row[index]) row[index] = ns;
};
const timed = (fn) => {
  const start = cpuNs();
  fn();
  return cpuNs() - start;
};
const options = { links: true, cwd: tree, transforms };
for (let pass = 0; pass < Number(values.passes); pass++) {
  const cpu = process.cpuUsage();
  for (let index = 0; index < files.length; index++) {
    for (const id of transforms) spent.set(id, 0);
    current = index;
    keep("full", index, timed(() => runTransforms(texts[index], files[index], options)));
    for (const id of transforms) keep(id, index, spent.get(id));
  }
  const used = process.cpuUsage(cpu);
  console.log(`pass ${pass + 1}: engine CPU ${((used.user + used.system) / files.length).toFixed(0)} µs a file`);
  // The parses alone, after the engine's pass (so that the engine's pass CPU above is its own).
  for (let index = 0; index < files.length; index++) {
    keep("tsOnly", index, timed(() => syntaxErrorOf(texts[index], files[index])));
    keep("parse", index, timed(() => releaseParse(parseFile(texts[index], files[index], undefined, undefined, tree))));
    const jsx = /\.(tsx|jsx|js|cjs|mjs)$/i.test(files[index]);
    let ast;
    keep("estree", index, timed(() => (ast = parseEstree(texts[index], files[index], jsx))));
    keep("index", index, timed(() => indexNodes(ast)));
    const sourceType = ast.body.some((statement) => statement.type.startsWith("Import") || statement.type.startsWith("Export")) ? "module" : "script";
    keep("scopes", index, timed(() => scopeManager.analyze(ast, { sourceType: /\.(cjs|cts)$/i.test(files[index]) ? sourceType : "module", lib: [] })));
    const text = settled.get(index);
    // "unchecked": the engine's settle skips typescript-estree's grammar checks (perf-migrate-9); a build
    // from before takes no sixth argument and parses checked, as its engine does.
    if (text !== undefined) keep("settle", index, timed(() => releaseParse(parseFile(text, files[index], undefined, undefined, tree, "unchecked"))));
  }
}
const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
console.log(`${files.length} files of ${tree}, ${values.passes} passes, load ${load}; sum of per-file minima, µs a file:`);
// Spread over all files (a stage a file does not have counts 0 for it), so the rows add up to the run.
const settles = values.from1 ? `, settled ${settled.size} of ${files.length}` : "";
console.log(`(per file of all ${files.length}${settles})`);
for (const [stage, row] of minima) console.log(`  ${stage.padEnd(34)} ${(row.reduce((sum, ns) => sum + (ns === Infinity ? 0 : ns), 0) / files.length / 1000).toFixed(1)}`);
