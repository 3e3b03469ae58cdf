#!/usr/bin/env node
// `npm run bench`: every benchmark in one run, written to bench/RESULTS.md with the machine, the Node
// version, the date and every figure. A missed target is profiled and the profile summarized there.
// Hand-written findings from investigations live in bench/NOTES.md and are copied in verbatim.
//
//   node bench/run.mjs [--quick] [--only lint,codemod,sdk] [--out bench/RESULTS.md] [--render]
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { CORPUS_PACKAGES, requireCorpus } from "./corpus.mjs";
import { benchCodemod, codemodTargetRows, CORPUS_TARGET_SPEEDUP } from "./codemod.mjs";
import { generateTree } from "./generate.mjs";
import { benchLint, lintTargetRows, mergeLintParts, renderLintSection } from "./lint.mjs";
import { formatMs, formatRatio } from "./lib/measure.mjs";
import { BENCH_DIR, CACHE_DIR, CORPUS_DIR, MIGRATE_BIN, RESULTS_JSON, ROOT_DIR, prepareBuild } from "./lib/paths.mjs";
import { profileNode } from "./lib/profile.mjs";
import { benchSdk, RSS_BOUND_FACTOR, SDK_TARGET_RATIO } from "./sdk.mjs";
import { readMarkedSections } from "./lib/marked-sections.mjs";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string", default: "lint,codemod,sdk" },
    out: { type: "string", default: join(BENCH_DIR, "RESULTS.md") },
    // Rewrites RESULTS.md from the last run's figures (bench/.cache/results.json) and the current
    // bench/NOTES.md, without measuring again.
    render: { type: "boolean", default: false },
  },
});
const only = new Set(values.only.split(","));
const log = (line) => console.log(line);

function machine() {
  const commit = (() => {
    try {
      return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT_DIR, encoding: "utf8" }).trim();
    } catch {
      return "unknown";
    }
  })();
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: availableParallelism(),
    memoryGiB: totalmem() / 1024 ** 3,
    node: process.version,
    os: `${platform()} ${release()}`,
    commit,
    load: loadavg(),
  };
}

async function measureAll() {
  const started = new Date();
  const host = machine();
  const build = prepareBuild({ log });
  const corpus = requireCorpus();
  const synthetic = generateTree({ files: 10_000, share: 1, log });
  const results = {};
  // The real corpus is also linted file by file in one process (the target's figure): the plugin's
  // own cost (~1% by TIMING) is far below the noise between separate processes.
  // An even number of process-level pairs, so that each configuration goes first equally often.
  // The synthetic tree is judged the same way (the plugin costs +20–40% there, still within the process-level noise).
  if (only.has("lint")) {
    const rounds = values.quick ? 1 : 5;
    results.lint = await benchLint({ pairs: values.quick ? 1 : 4, syntheticPairs: values.quick ? 1 : 2, interleavedRounds: rounds, syntheticRounds: rounds, log });
  }
  // Four synthetic pairs: on this class of machine one tool's CPU time varies by ±10% from run to run.
  if (only.has("codemod")) results.codemod = await benchCodemod({ pairs: values.quick ? 1 : 3, syntheticPairs: values.quick ? 1 : 4, log });
  if (only.has("sdk")) results.sdk = await benchSdk({ rounds: values.quick ? 1 : 3, log });
  const loadAtEnd = loadavg();

  // Missed targets: profile where the time goes.
  const profiles = [];
  const OWN_CODE = /package-snapshot\/dist\//;
  if (results.codemod && !results.codemod.corpusMet) {
    profiles.push({
      title: `honeyhive migrate --dry --run-in-band over the real corpus (target ≥ ${CORPUS_TARGET_SPEEDUP}× missed)`,
      summary: await profileNode(MIGRATE_BIN, ["migrate", "--dry", "--json", "--run-in-band", "."], { cwd: CORPUS_DIR, env: { GIT_CEILING_DIRECTORIES: CACHE_DIR }, ownCode: OWN_CODE }),
    });
  }
  if (results.codemod && !results.codemod.syntheticMet) {
    profiles.push({
      title: "honeyhive migrate --dry --run-in-band over the 100% synthetic tree (target: no slower than the no-op missed)",
      summary: await profileNode(MIGRATE_BIN, ["migrate", "--dry", "--json", "--run-in-band", "."], { cwd: synthetic.dir, env: { GIT_CEILING_DIRECTORIES: CACHE_DIR }, ownCode: OWN_CODE }),
    });
  }
  if (results.sdk && !results.sdk.rawTargetMet) {
    profiles.push({
      title: `traced no-op calls, honeyhive (target ≤ ${SDK_TARGET_RATIO}× raw OpenTelemetry missed)`,
      summary: await profileNode(join(BENCH_DIR, "lib", "sdk-child.mjs"), ["honeyhive", "calls", String(results.sdk.port)], { ownCode: OWN_CODE }),
    });
  }
  const { sdkFiles, ...syntheticMeta } = synthetic;
  return {
    started: started.toISOString(),
    tookMs: Date.now() - started.getTime(),
    host,
    build,
    corpus,
    synthetic: { ...syntheticMeta, sdkFileCount: sdkFiles.length },
    results,
    loadAtEnd,
    profiles,
  };
}

// ---------------------------------------------------------------------------------------------
function render({ started, tookMs, host, build, corpus, synthetic, results, loadAtEnd, profiles }) {
  const lines = [];
  const push = (...items) => lines.push(...items);
  // A section that neither this run nor results.json has (a partial run on a fresh cache) keeps what
  // RESULTS.md showed: its target rows and its text.
  const previous = previousSectionsOf(values.out);
  const carried = ["lint", "codemod", "sdk"].filter((name) => !results[name] && (previous.targetRows[name].length > 0 || previous.blocks[name] || (name === "lint" && previous.lintSection)));
  const verdict = (met) => (met === undefined ? "not measurable" : met ? "**met**" : "**missed**");
  const ns = (value) => (value === undefined ? "—" : value >= 10_000 ? `${(value / 1000).toFixed(1)} µs` : `${value.toFixed(0)} ns`);
  const mb = (value) => `${value.toFixed(1)} MB`;

  push(
    "# Benchmark results",
    "",
    "Written by `npm run bench` (bench/run.mjs) from one run on the machine below; do not edit by hand.",
    "Reproduce: `npm run bench:corpus && npm run bench` (the benchmarks build the committed HEAD themselves).",
    "",
    `- Date: ${started} (took ${formatMs(tookMs)})`,
    `- Machine: ${host.cpu}, ${host.cores} cores, ${host.memoryGiB.toFixed(1)} GiB memory, ${host.os}`,
    `- Load average (1/5/15 min) at start: ${host.load.map((value) => value.toFixed(2)).join(" / ")}; at end: ${loadAtEnd.map((value) => value.toFixed(2)).join(" / ")}` +
      " (the machine is shared; every ratio compares runs that alternate, so load hits both sides)",
    `- Node ${host.node}; the package as committed at ${build.slice(0, 12)} (git archive + npm run build in bench/.cache/package-snapshot; work tree at ${host.commit})`,
    `- Real corpus: ${Object.values(corpus.packages).reduce((sum, entry) => sum + entry.ts, 0)} TypeScript files and ` +
      `${Object.values(corpus.packages).reduce((sum, entry) => sum + entry.js, 0)} JavaScript files from ` +
      CORPUS_PACKAGES.map((pkg) => `${pkg.name}@${pkg.version}`).join(", "),
    `- Synthetic tree: ${synthetic.files} files, all using the SDK, from ${synthetic.templateSource} (seed ${synthetic.seed}); ` +
      "`node bench/generate.mjs --share 0.01` makes the 1% tree",
    "",
    ...(new Set(Object.values(results).map((section) => section.measuredAt)).size > 1 || carried.length > 0
      ? [
          `- Sections measured at different commits: ${[
            ...Object.entries(results).map(([name, section]) => `${name} at ${String(section.measuredAt).slice(0, 12)}`),
            ...carried.map((name) => `${name}${previous.measuredAt[name] ? ` at ${previous.measuredAt[name]}` : ""} (kept from the previous RESULTS.md)`),
          ].join(", ")}`,
          "",
        ]
      : []),
    "## Targets",
    "",
    "| target | figure | result |",
    "|---|---|---|",
  );
  if (results.lint) push(...lintTargetRows(results.lint, verdict));
  else push(...previous.targetRows.lint);
  if (results.codemod) {
    const { codemod } = results;
    push(...codemodTargetRows(codemod, verdict));
  } else push(...previous.targetRows.codemod);
  if (!results.sdk) push(...previous.targetRows.sdk);
  if (results.sdk) {
    const { sdk } = results;
    push(
      `| traced call ≤ ${SDK_TARGET_RATIO}× raw OpenTelemetry | ${sdk.ratioToRaw.toFixed(2)}× | ${verdict(sdk.rawTargetMet)} |`,
      `| traced call faster than honeyhive@1.0.44 | ${sdk.ratioToLegacy1044 === undefined ? "1.0.44 cannot run (see below)" : `${sdk.ratioToLegacy1044.toFixed(2)}×`} | ${verdict(sdk.legacyTargetMet)} |`,
      `| (substitute) traced call faster than honeyhive@1.0.42 | ${sdk.ratioToLegacy1042 === undefined ? "—" : `${sdk.ratioToLegacy1042.toFixed(2)}× its time`} | ${verdict(sdk.ratioToLegacy1042 === undefined ? undefined : sdk.ratioToLegacy1042 < 1)} |`,
      `| RSS after 100,000 spans ≤ ${RSS_BOUND_FACTOR}× RSS after 10,000, backend down | ${sdk.variants.honeyhive.memory ? `${mb(sdk.variants.honeyhive.memory.rssAfter10k)} → ${mb(sdk.variants.honeyhive.memory.rssAfter100k)}` : "—"} | ${verdict(sdk.memoryBounded)} |`,
    );
  }

  // Between markers, because `npm run bench:lint` rewrites this section on its own.
  if (results.lint) push("", "<!-- bench:lint:start -->", renderLintSection(results.lint), "<!-- bench:lint:end -->");
  else if (previous.lintSection) push("", previous.lintSection);

  if (results.codemod) {
    const { codemod } = results;
    push(
      "",
      "## 2. Codemod throughput",
      "",
      `\`honeyhive migrate --dry --json --cpus ${codemod.cpus}\` (all transforms) against \`jscodeshift --dry --cpus=${codemod.cpus}\` with`,
      "bench/noop-transform.cjs, a transform that parses the file with the chosen parser and changes nothing. jscodeshift takes",
      "one parser per run, so both tools run once per parser group (`--parser=ts` for .ts, `babel` for .js) over the same",
      "files, and the times of a tool add up. Times are the CPU time of every process a tool ran (jscodeshift's forked",
      "workers included), because the machine is shared; files/s are per CPU-second; medians over alternating pairs; the",
      "wall-time speed-up of the same runs is beside it.",
      "",
      "| tree | files | honeyhive, CPU | files/CPU-s | jscodeshift no-op, CPU | files/CPU-s | honeyhive faster by (median) | wall | pair speed-ups |",
      "|---|---|---|---|---|---|---|---|---|",
    );
    // The 1.x set (`migrate --from 1`) has its own rows: on the corpus beside the 2.x run, and on the 1.x synthetic tree.
    for (const target of [codemod.corpus, codemod.synthetic, codemod.synthetic1x].filter(Boolean)) {
      for (const [set, figures] of Object.entries(target.sets)) {
        push(
          `| ${target.label}${set === "1x" ? ", migrate --from 1" : ""} | ${target.files} | ${formatMs(figures.honeyhiveMs)} | ${figures.honeyhiveFilesPerSecond.toFixed(0)} | ${formatMs(target.jscodeshiftMs)} | ${target.jscodeshiftFilesPerSecond.toFixed(0)} | ${formatRatio(figures.medianSpeedup)} | ${formatRatio(figures.medianWallSpeedup)} | ${target.runs.map((run) => run.sets[set].speedup.toFixed(2)).join(", ")} |`,
        );
      }
    }
    const report = codemod.synthetic.runs[0]?.details.honeyhive.map((detail) => detail.report).filter(Boolean);
    if (report?.length) {
      push("", `migrate's own report on the synthetic tree: ${report.map((summary) => JSON.stringify(summary)).join("; ")}.`);
    }
  }

  if (!results.codemod && previous.blocks.codemod) push("", previous.blocks.codemod);

  if (!results.sdk && previous.blocks.sdk) push("", previous.blocks.sdk);
  if (results.sdk) {
    const { sdk } = results;
    push(
      "",
      "## 3. SDK overhead",
      "",
      "A no-op function called 20,000 times per round (7 rounds after a warm-up, chunks of 100 calls with an event-loop turn",
      "between chunks so the batch processor can export); the figure is the process CPU time inside the chunks per call, i.e.",
      "what the caller's latency costs on an idle core; “with export work” adds the event-loop turns where batches are",
      "serialized and sent; “wall” is the same as the figure in wall time (inflated by the shared machine's load). Every variant",
      `exports through a BatchSpanProcessor (queue 2048, batches of 512) and OTLP/HTTP to 127.0.0.1:${sdk.port}, where nothing`,
      "listens (backend down, same for all). Each variant runs in its own process, rotated over rounds; medians over rounds.",
      "A guard preloaded into every process refuses and counts connections to anything but 127.0.0.1: " +
        (sdk.offline ? "none was attempted." : "**connections were attempted** (see JSON)."),
      "",
      "| variant | CPU per traced call | with export work | wall per call | untraced call | RSS after 10k spans | after 100k spans |",
      "|---|---|---|---|---|---|---|",
    );
    const labels = {
      "raw-otel": "raw OpenTelemetry `startActiveSpan`",
      honeyhive: "honeyhive `trace({ tracer }, fn)`",
      "legacy-1.0.44": "honeyhive@1.0.44 (npm) `traceFunction`",
      "legacy-1.0.42": "honeyhive@1.0.42 (npm) `traceFunction`",
    };
    for (const [variant, figures] of Object.entries(sdk.variants)) {
      if (!figures.nsPerCall) {
        push(`| ${labels[variant]} | cannot run: ${figures.failure} | | | | | |`);
        continue;
      }
      push(
        `| ${labels[variant]} | ${ns(figures.nsPerCall)} | ${ns(figures.nsPerCallWithExport)} | ${ns(figures.wallNsPerCall)} | ${ns(figures.untracedNsPerCall)} | ${figures.memory ? mb(figures.memory.rssAfter10k) : "—"} | ${figures.memory ? mb(figures.memory.rssAfter100k) : "—"} |`,
      );
    }
    push(
      "",
      `honeyhive / raw OpenTelemetry: **${sdk.ratioToRaw.toFixed(2)}×** (median of honeyhive over median of raw` +
        (sdk.roundRatiosToRaw ? `; within each round: ${sdk.roundRatiosToRaw.map((ratio) => ratio.toFixed(2)).join(", ")})` : ")") +
        ".",
    );
    if (sdk.variants["legacy-1.0.44"].failure) {
      const legacyDir = join(BENCH_DIR, "node_modules", "honeyhive-legacy");
      const shipped = existsSync(legacyDir) ? execFileSync("find", [".", "-type", "f"], { cwd: legacyDir, encoding: "utf8" }).split("\n").filter(Boolean).sort() : [];
      push(
        "",
        `honeyhive@1.0.44 cannot run at all: its published tarball holds only ${shipped.map((file) => `\`${file.replace(/^\.\//, "")}\``).join(", ")};`,
        "`main` is `./dist/index.js`, which is not in it, so `require(\"honeyhive\")` fails with MODULE_NOT_FOUND (offline or not).",
        "The figures of honeyhive@1.0.42 (the previous release, whose tarball has its code) stand in for it.",
      );
    }
    if (sdk.sessions) {
      const { sessions } = sdk;
      push(
        "",
        "Session calls per request, in CPU time (a request = its own async context via setImmediate + one traced call; the",
        "cost is the difference to a request without the session call; “inline” is inside the request, “total” adds the",
        "event-loop work it causes, such as the background call that tells the backend about the session):",
        "",
        "| per request | inline | total |",
        "|---|---|---|",
        `| request with one traced call, no session call | ${ns(sessions.traceOnlyInlineNs)} | |`,
        `| + \`createSession()\` (backend call in the background, backend down) | ${ns(sessions.addedInlineNs.createSession)} | ${ns(sessions.addedWallNs.createSession)} |`,
        `| + \`createSession({ skipApiCall: true })\` (context only) | ${ns(sessions.addedInlineNs.createSessionSkipApi)} | ${ns(sessions.addedWallNs.createSessionSkipApi)} |`,
        `| + \`withSession(name, fn)\` | ${ns(sessions.addedInlineNs.withSession)} | ${ns(sessions.addedWallNs.withSession)} |`,
      );
    }
  }

  // The profiles are of the codemod's missed targets: a run without the codemod keeps the last ones.
  if (!results.codemod && previous.blocks.profiles) push("", previous.blocks.profiles);
  if (profiles.length > 0) {
    push("", "## Profiles of missed targets", "");
    for (const { title, summary } of profiles) {
      push(`### ${title}`, "");
      if (!summary) {
        push("(no profile was written)", "");
        continue;
      }
      push(`${formatMs(summary.totalMs)} sampled. Self time:`, "", "| function | self | share |", "|---|---|---|");
      for (const row of summary.self) push(`| \`${row.name}\` | ${formatMs(row.ms)} | ${(row.share * 100).toFixed(1)}% |`);
      push("", "Time under the package's own functions (inclusive):", "", "| function | inclusive | share |", "|---|---|---|");
      for (const row of summary.ownInclusive) push(`| \`${row.name}\` | ${formatMs(row.ms)} | ${(row.share * 100).toFixed(1)}% |`);
      push("");
    }
  }
  // The sections of bench:install and bench:sdk-transport are measured on their own: keep them as they are
  // (the lint section is rendered above from results.json, which bench:lint keeps up to date too).
  for (const section of readMarkedSections(values.out)) if (!section.startsWith("<!-- bench:lint:start -->")) push("", section);
  const notesPath = join(BENCH_DIR, "NOTES.md");
  if (existsSync(notesPath)) push("", readFileSync(notesPath, "utf8").trim());
  push("");
  return lines.join("\n");
}

/** Which section a row of the targets table belongs to, by how each section words its rows. */
function sectionOfTargetRow(row) {
  if (/^\| migrate /.test(row)) return "codemod";
  if (/^\| (?:\(substitute\) )?traced call|^\| RSS after/.test(row)) return "sdk";
  return "lint";
}

/**
 * The target rows, the unmarked sections (`## 2. Codemod throughput`, `## 3. SDK overhead`, the codemod's
 * profiles) and the marked lint section of the RESULTS.md at `path`.
 */
function previousSectionsOf(path) {
  const found = { targetRows: { lint: [], codemod: [], sdk: [] }, blocks: {}, lintSection: undefined, measuredAt: {} };
  if (!existsSync(path)) return found;
  const text = readFileSync(path, "utf8");
  const commits = /^- Sections measured at different commits: (.*)$/m.exec(text)?.[1] ?? "";
  for (const [, name, commit] of commits.matchAll(/\b(lint|codemod|sdk) at ([0-9a-f]{7,40})/g)) found.measuredAt[name] = commit;
  const table = /^## Targets\n\n\| target \| figure \| result \|\n\|---\|---\|---\|\n((?:\|.*\n)*)/m.exec(text);
  for (const row of table?.[1].split("\n").filter(Boolean) ?? []) found.targetRows[sectionOfTargetRow(row)].push(row);
  found.lintSection = readMarkedSections(path).find((section) => section.startsWith("<!-- bench:lint:start -->"));
  for (const [name, heading] of [["codemod", "## 2. Codemod throughput"], ["sdk", "## 3. SDK overhead"], ["profiles", "## Profiles of missed targets"]]) {
    const start = text.indexOf(`\n${heading}\n`);
    if (start === -1) continue;
    const rest = text.slice(start + 1);
    const end = rest.search(/\n(?:## |<!-- bench:)/);
    found.blocks[name] = (end === -1 ? rest : rest.slice(0, end)).trim();
  }
  return found;
}

// A partial run (`--only codemod,sdk`) keeps the other sections of the previous run, each labelled
// with the commit it was measured at, so re-measuring one face after a fix does not drop the rest.
function withPreviousSections(data) {
  for (const section of Object.values(data.results)) section.measuredAt ??= data.build;
  if (!existsSync(RESULTS_JSON)) return data;
  const previous = JSON.parse(readFileSync(RESULTS_JSON, "utf8"));
  // A lint run keeps the lint parts it did not measure (bench:lint --parts measures a few).
  if (data.results.lint) data.results.lint = mergeLintParts(previous.results?.lint, data.results.lint);
  for (const [name, section] of Object.entries(previous.results ?? {})) {
    if (data.results[name]) continue;
    section.measuredAt ??= previous.build;
    data.results[name] = section;
  }
  return data;
}

const data = values.render ? JSON.parse(readFileSync(RESULTS_JSON, "utf8")) : withPreviousSections(await measureAll());
// `npm run bench:lint` alone keeps its figures in results.json too, without the machine a full run records.
if (!data.host) throw new Error(`${RESULTS_JSON} holds no full run yet (only a bench:lint section): run npm run bench once first`);
writeFileSync(values.out, render(data));
if (!values.render) {
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(RESULTS_JSON, JSON.stringify(data, null, 2) + "\n");
}
log(`wrote ${relative(process.cwd(), values.out)} (figures: ${relative(process.cwd(), RESULTS_JSON)})`);
