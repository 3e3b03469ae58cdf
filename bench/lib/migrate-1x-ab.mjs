#!/usr/bin/env node
// The seven 1.x transforms of `migrate --from 1`, timed alone on a fresh parse of each file (the SDK
// model built before the clock, as every run builds it anyway), two builds alternating file by file,
// per-file minimum over the repetitions. Their per-file caches live on the parse, so each repetition
// parses again (untimed): a harness that reused one parse would time the caches warm.
// `only`: `2x` the tree's files made from 2.x fixtures (the 100% tree holds 1.x fixtures too, see
// bench/NOTES.md, perf-migrate), `1x` the 1.x ones, `all`.
//   node bench/lib/migrate-1x-ab.mjs <distA> <distB> <synthetic tree> <2x|1x|all> [repetitions]
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
const [distA, distB, tree, only, repsArg = "5"] = process.argv.slice(2);
async function load(dist) {
  const im = (p) => import(pathToFileURL(join(resolve(dist), "esm", p)).href);
  const { parseFile, releaseParse } = await im("codemods/engine/parse.js");
  const { EditList } = await im("analysis/edits.js");
  const { getSdkModel } = await im("analysis/sdk-model.js");
  const { readSettings } = await im("analysis/settings.js");
  const ids = await im("codemods/transforms/ids.js");
  const { transformById } = await im("codemods/transforms/index.js");
  const settings = { ...readSettings({ honeyhive: {} }), sdkVersion: 2 };
  const ts = ids.TRANSFORM_1X_IDS.map((id) => transformById(id));
  return (text, file) => {
    const p = parseFile(text, file, settings); getSdkModel(p.input);
    const s = performance.now();
    let n = 0;
    for (const t of ts) { const el = new EditList(); t.collect({ file: p, edits: el, run: { removedTracers: new Set() } }); n += el.edits.length; }
    const d = performance.now() - s; releaseParse(p); return [d, n];
  };
}
const A = await load(distA), B = await load(distB);
const files = [];
(function walk(d) { for (const e of readdirSync(d, { withFileTypes: true })) { const p = join(d, e.name); if (e.isDirectory()) walk(p); else if (/\.[cm]?ts$/.test(e.name)) files.push(p); } })(tree);
files.sort();
const m = JSON.parse(readFileSync(join(tree, "manifest.json"), "utf8"));
const tpl = new Map(m.sdkFiles.map((f) => [join(tree, f.path), f.template]));
const keep = files.filter((f) => { const t = tpl.get(f) ?? ""; const is1 = /1x/.test(t); return only === "1x" ? is1 : only === "all" ? true : !is1; });
const texts = keep.map((f) => readFileSync(f, "utf8"));
const bestA = new Float64Array(keep.length).fill(Infinity), bestB = new Float64Array(keep.length).fill(Infinity);
for (let r = 0; r < Number(repsArg); r++) {
  let ea = 0, eb = 0;
  for (let i = 0; i < keep.length; i++) {
    const order = (i + r) % 2 === 0;
    const [x, y] = order ? [A, B] : [B, A];
    const [d1, n1] = x(texts[i], keep[i]); const [d2, n2] = y(texts[i], keep[i]);
    const [da, na, db, nb] = order ? [d1, n1, d2, n2] : [d2, n2, d1, n1];
    if (da < bestA[i]) bestA[i] = da; if (db < bestB[i]) bestB[i] = db; ea += na; eb += nb;
  }
  if (r === 0) console.log("edits A", ea, "B", eb);
}
const sa = bestA.reduce((a, b) => a + b, 0), sb = bestB.reduce((a, b) => a + b, 0);
console.log(`files ${keep.length}: A ${(sa * 1000 / keep.length).toFixed(1)} µs/file, B ${(sb * 1000 / keep.length).toFixed(1)} µs/file, B/A ${(sb / sa).toFixed(3)}`);
