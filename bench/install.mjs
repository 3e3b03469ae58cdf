#!/usr/bin/env node
// `npm run bench:install`: what installing the SDK costs an application, side by side in one run with
// the tracing SDKs a HoneyHive user compares it with. Packs the committed HEAD (built in
// bench/.cache/package-snapshot), installs each candidate alone into an empty project with npm's
// default peer handling, and measures the packages and size of node_modules
// (scripts/install-footprint.mjs, shared with the install tests) and the median cold import time
// (a fresh Node process per import, rounds alternating between candidates and bare Node). Writes
// its section of bench/RESULTS.md.
//
//   node bench/install.mjs [--rounds 11] [--out bench/RESULTS.md]
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { installFootprint, npmEnvironment, packTarball } from "../scripts/install-footprint.mjs";
import { writeMarkedSection } from "./lib/marked-sections.mjs";
import { median, runProcess } from "./lib/measure.mjs";
import { BENCH_DIR, CACHE_DIR, ROOT_DIR, SNAPSHOT_DIR, prepareBuild } from "./lib/paths.mjs";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "11" },
    out: { type: "string", default: join(BENCH_DIR, "RESULTS.md") },
  },
});
const rounds = Number(values.rounds);
const INSTALL_DIR = join(CACHE_DIR, "install");

/** Issue 11's figures for an SDK-only install. */
const TARGETS = { packages: 20, diskMiB: 30, importOverBareMs: 60 };

const build = prepareBuild();
mkdirSync(INSTALL_DIR, { recursive: true });
const tarball = packTarball(SNAPSHOT_DIR, INSTALL_DIR);

/** Each candidate: what `npm install` is given, and the modules an application imports from it. */
const CANDIDATES = [
  { id: "honeyhive", label: "honeyhive 2 (this package)", install: [tarball], modules: ["honeyhive"] },
  { id: "langfuse", label: "@langfuse/tracing + @langfuse/otel", install: ["@langfuse/tracing", "@langfuse/otel"], modules: ["@langfuse/tracing", "@langfuse/otel"] },
  { id: "langsmith", label: "langsmith", install: ["langsmith"], modules: ["langsmith"] },
  { id: "honeyhive-1.0.42", label: "honeyhive@1.0.42 (npm, 1.x)", install: ["honeyhive@1.0.42"], modules: ["honeyhive"] },
];

function npm(args, cwd) {
  return execFileSync("npm", args, { cwd, env: npmEnvironment(), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

const installed = {};
for (const candidate of CANDIDATES) {
  const directory = join(INSTALL_DIR, candidate.id);
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  npm(["init", "-y"], directory);
  console.log(`install ${candidate.label}`);
  npm(["install", "--no-audit", "--no-fund", "--prefer-offline", ...candidate.install], directory);
  const footprint = installFootprint(directory);
  const versions = Object.fromEntries(
    candidate.modules.map((name) => [name, JSON.parse(npm(["ls", name, "--json", "--depth=0"], directory)).dependencies[name].version]),
  );
  installed[candidate.id] = { directory, footprint, versions };
}

/** CPU and wall time of a fresh Node process that loads `modules` (none: bare Node) and exits; undefined if it fails. */
async function coldStart(directory, modules, system) {
  const load = modules.map((name) => (system === "esm" ? `await import(${JSON.stringify(name)});` : `require(${JSON.stringify(name)});`)).join("");
  const args = system === "esm" ? ["--input-type=module", "-e", `${load}process.exit(0);`] : ["-e", `${load}process.exit(0);`];
  const run = await runProcess(process.execPath, args, { cwd: directory, env: { HH_API_KEY: "", HH_TEST_MODE: "" }, measureCpu: true });
  return run.code === 0 ? { cpu: run.cpuMs, wall: run.wallMs } : undefined;
}

const timings = {};
for (const system of ["esm", "cjs"]) {
  const variants = [{ id: "bare", directory: INSTALL_DIR, modules: [] }, ...CANDIDATES.map((candidate) => ({ id: candidate.id, directory: installed[candidate.id].directory, modules: candidate.modules }))];
  for (const variant of variants) timings[`${variant.id}:${system}`] = [];
  for (let round = 0; round < rounds; round++) {
    // Rotate the order so no variant always runs first on a busy machine.
    for (let index = 0; index < variants.length; index++) {
      const variant = variants[(index + round) % variants.length];
      timings[`${variant.id}:${system}`].push(await coldStart(variant.directory, variant.modules, system));
    }
  }
  console.log(`import timings (${system}) done`);
}

const medianOf = (key, measure = "cpu") => (timings[key].includes(undefined) ? undefined : median(timings[key].map((timing) => timing[measure])));
const bare = { esm: medianOf("bare:esm"), cjs: medianOf("bare:cjs") };
const bareWall = { esm: medianOf("bare:esm", "wall"), cjs: medianOf("bare:cjs", "wall") };
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const overBare = (id, system) => {
  const value = medianOf(`${id}:${system}`);
  return value === undefined ? undefined : value - bare[system];
};
const wallOverBare = (id, system) => {
  const value = medianOf(`${id}:${system}`, "wall");
  return value === undefined ? undefined : value - bareWall[system];
};
const ms = (value) => (value === undefined ? "fails" : `+${value.toFixed(0)} ms`);

const own = installed.honeyhive;
const ownImport = Math.max(overBare("honeyhive", "esm") ?? Infinity, overBare("honeyhive", "cjs") ?? Infinity);
const toolchain = own.footprint.packages.filter((name) => /^(typescript|eslint|@typescript-eslint\/.*|@babel\/.*|ts-morph|jscodeshift)$/.test(name));
const verdict = (met) => (met ? "**met**" : "**missed**");
const npmVersion = npm(["--version"], ROOT_DIR).trim();

const body = [
  "## 4. Install footprint and import cost (`npm run bench:install`)",
  "",
  `Written by bench/install.mjs; do not edit by hand. ${new Date().toISOString()}, the package as committed at ${build.slice(0, 12)}, ` +
    `Node ${process.version}, npm ${npmVersion}, ${cpus()[0]?.model ?? "unknown CPU"} (${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB), ` +
    `load average at end ${loadavg().map((value) => value.toFixed(2)).join(" / ")}.`,
  "",
  "Each candidate alone in an empty project: `npm install <specs>` (npm's default peer handling, so required peers",
  "are installed too). Packages: entries in node_modules/.package-lock.json (what npm reports as added). Size: node_modules",
  "on disk in 4 KiB blocks per file and folder (what `du` shows), apparent size (bytes in files) beside it. Import: CPU time",
  `(user + system) of a fresh \`node\` process that imports the modules and exits, minus the same for bare \`node\`, median of ${rounds}`,
  "runs per variant, runs alternating between variants; wall time beside it (the machine is shared: wall time also measures the",
  "neighbours, see the load average). The files are in the OS cache after the first run: \"cold\" is the process, not the disk.",
  "",
  "| candidate | versions | packages | node_modules (disk) | apparent | `import()` over bare node: CPU (wall) | `require()` over bare node: CPU (wall) |",
  "|---|---|---|---|---|---|---|",
  ...CANDIDATES.map((candidate) => {
    const { footprint, versions } = installed[candidate.id];
    const versionText = Object.entries(versions).map(([name, version]) => `${name}@${version}`).join(", ");
    return `| ${candidate.label} | ${versionText} | ${footprint.packages.length} | ${mib(footprint.diskBytes)} | ${mib(footprint.apparentBytes)} | ${ms(overBare(candidate.id, "esm"))} (${ms(wallOverBare(candidate.id, "esm"))}) | ${ms(overBare(candidate.id, "cjs"))} (${ms(wallOverBare(candidate.id, "cjs"))}) |`;
  }),
  "",
  `Bare node: ${bare.esm?.toFixed(0)} ms CPU / ${bareWall.esm?.toFixed(0)} ms wall (ES module \`-e\`), ${bare.cjs?.toFixed(0)} ms / ${bareWall.cjs?.toFixed(0)} ms (CommonJS \`-e\`).`,
  "",
  "| target (issue 11, SDK-only install) | figure | result |",
  "|---|---|---|",
  `| at most ${TARGETS.packages} packages | ${own.footprint.packages.length} | ${verdict(own.footprint.packages.length <= TARGETS.packages)} |`,
  `| at most ${TARGETS.diskMiB} MB of node_modules | ${mib(own.footprint.diskBytes)} | ${verdict(own.footprint.diskBytes <= TARGETS.diskMiB * 2 ** 20)} |`,
  `| no typescript, eslint, @typescript-eslint/*, Babel, ts-morph | ${toolchain.length === 0 ? "none installed" : toolchain.join(", ")} | ${verdict(toolchain.length === 0)} |`,
  `| cold \`import("honeyhive")\` at most ${TARGETS.importOverBareMs} ms over bare node (ESM / CJS, CPU) | ${ms(overBare("honeyhive", "esm"))} / ${ms(overBare("honeyhive", "cjs"))} | ${verdict(ownImport <= TARGETS.importOverBareMs)} |`,
  "",
  `honeyhive 2 installs: ${own.footprint.packages.join(", ")}.`,
].join("\n");

writeMarkedSection(values.out, "install", body);
console.log(body);
