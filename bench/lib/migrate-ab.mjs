#!/usr/bin/env node
// Whole-run A/B of `migrate --dry --json --cpus 1`, the way bench/codemod.mjs runs it (one process per
// parser group, CPU of every process summed), two builds (or one build with two sets of node flags)
// alternating, the order flipped every round. Every pair's report (stdout, timing removed) and diffs
// (stderr) are compared byte for byte: a difference is printed and fails the run.
//
//   node bench/lib/migrate-ab.mjs --a <dist/esm> --b <dist/esm> --tree <dir> [--from1] [--rounds 4]
//                                 [--a-flags "--x"] [--b-flags "--y"] [--groups ts,babel]
//   node bench/lib/migrate-ab.mjs --a <dist/esm> --b <dist/esm> --tree <dir> [--from1] --digest
// With --digest, no timing: both builds migrate a copy of the tree each (writing) and every file is
// compared by its sha256 (bench/lib/tree-digest.mjs).
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { runNode, median } from "./measure.mjs";
import { CACHE_DIR } from "./paths.mjs";
import { sameMigratedTree } from "./tree-digest.mjs";

const { values } = parseArgs({
  options: {
    a: { type: "string" },
    b: { type: "string" },
    tree: { type: "string" },
    from1: { type: "boolean", default: false },
    rounds: { type: "string", default: "4" },
    "a-flags": { type: "string", default: "" },
    "b-flags": { type: "string", default: "" },
    groups: { type: "string", default: "ts,tsx,babel" },
    digest: { type: "boolean", default: false },
  },
});
const GROUPS = { ts: "ts,mts,cts", tsx: "tsx", babel: "js,jsx,mjs,cjs" };
const builds = [
  { name: "A", bin: join(resolve(values.a), "codemods", "bin.js"), flags: values["a-flags"].split(" ").filter(Boolean) },
  { name: "B", bin: join(resolve(values.b), "codemods", "bin.js"), flags: values["b-flags"].split(" ").filter(Boolean) },
];
if (values.digest) {
  const same = await sameMigratedTree(builds[0].bin, builds[1].bin, values.tree, [...(values.from1 ? ["--from", "1"] : []), "--cpus", "1"]);
  process.exit(same ? 0 : 1);
}
const strip = (text) => text.replace(/\([\d.]+s\)/g, "(s)");

async function runBuild(build) {
  let cpuMs = 0;
  let out = "";
  for (const group of values.groups.split(",")) {
    const run = await runNode(
      build.bin,
      ["migrate", "--dry", "--json", ...(values.from1 ? ["--from", "1"] : []), "--cpus", "1", "--extensions", GROUPS[group], "."],
      { cwd: resolve(values.tree), env: { GIT_CEILING_DIRECTORIES: CACHE_DIR }, allowFailure: true, measureCpu: true, nodeArgs: build.flags },
    );
    if (run.code !== 0 && !(run.code === 1 && run.stdout.includes("\"summary\""))) throw new Error(`${build.name} exited ${run.code}: ${run.stderr.slice(-2000)}`);
    cpuMs += run.cpuMs;
    out += `${strip(run.stdout)}\n--stderr--\n${strip(run.stderr)}\n`;
  }
  return { cpuMs, out };
}

const times = { A: [], B: [] };
const ratios = [];
for (let round = 0; round < Number(values.rounds); round++) {
  const order = round % 2 === 0 ? builds : [...builds].reverse();
  const results = {};
  for (const build of order) results[build.name] = await runBuild(build);
  if (results.A.out !== results.B.out) {
    console.error(`round ${round + 1}: outputs differ (${results.A.out.length} vs ${results.B.out.length} chars)`);
    process.exitCode = 1;
  }
  times.A.push(results.A.cpuMs);
  times.B.push(results.B.cpuMs);
  ratios.push(results.B.cpuMs / results.A.cpuMs);
  console.log(`round ${round + 1}: A ${results.A.cpuMs.toFixed(0)} ms, B ${results.B.cpuMs.toFixed(0)} ms, B/A ${ratios.at(-1).toFixed(3)}`);
}
console.log(`median A ${median(times.A).toFixed(0)} ms, B ${median(times.B).toFixed(0)} ms; B/A pairs ${ratios.map((r) => r.toFixed(3)).join(", ")}, median ${median(ratios).toFixed(3)}`);
