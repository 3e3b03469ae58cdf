// Shared by the benchmarks: child processes that report a JSON result, medians, and the way
// figures are printed. A measured run always happens in a fresh process so that one tool's JIT
// warm-up, caches and heap never flatter or penalize the next.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const CPU_REPORT = join(import.meta.dirname, "cpu-report.cjs");

const RESULT_PREFIX = "BENCH_RESULT ";

/** Called by a child: the one line its parent reads back. */
export function reportResult(result) {
  process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

/**
 * Runs `command args` and resolves { code, stdout, stderr, wallMs, cpuMs, processes, result } where
 * `result` is the object a node child passed to reportResult (undefined for other programs), and
 * `cpuMs` (with `measureCpu`) the CPU time of every Node process the command ran, added up.
 */
export async function runProcess(command, args, { cwd, env, input, measureCpu = false } = {}) {
  const cpuDir = measureCpu ? mkdtempSync(join(tmpdir(), "bench-cpu-")) : undefined;
  const cpuEnv = cpuDir ? { BENCH_CPU_DIR: cpuDir, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${CPU_REPORT}`.trim() } : {};
  try {
    const run = await spawnAndCollect(command, args, { cwd, env: { ...process.env, ...env, ...cpuEnv }, input });
    if (!cpuDir) return run;
    const reports = readdirSync(cpuDir).map((name) => JSON.parse(readFileSync(join(cpuDir, name), "utf8")));
    return { ...run, cpuMs: reports.reduce((sum, report) => sum + (report.user + report.system) / 1000, 0), processes: reports.length };
  } finally {
    if (cpuDir) rmSync(cpuDir, { recursive: true, force: true });
  }
}

function spawnAndCollect(command, args, { cwd, env, input }) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ["pipe", "pipe", "pipe"] });
    const stdout = [];
    const stderr = [];
    child.stdout.on("data", (chunk) => stdout.push(chunk));
    child.stderr.on("data", (chunk) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = performance.now() - started;
      const out = Buffer.concat(stdout).toString("utf8");
      const resultLine = out.split("\n").findLast((line) => line.startsWith(RESULT_PREFIX));
      resolve({
        code,
        stdout: out,
        stderr: Buffer.concat(stderr).toString("utf8"),
        wallMs,
        result: resultLine ? JSON.parse(resultLine.slice(RESULT_PREFIX.length)) : undefined,
      });
    });
    child.stdin.end(input ?? "");
  });
}

/** Like runProcess with `node`, and fails loudly when the child did not finish cleanly. */
export async function runNode(script, args = [], options = {}) {
  const run = await runProcess(process.execPath, [...(options.nodeArgs ?? []), script, ...args], options);
  if (run.code !== 0 && !options.allowFailure) {
    throw new Error(`${script} ${args.join(" ")} exited with ${run.code}\n${run.stderr.slice(-4000)}`);
  }
  return run;
}

export function median(values) {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function formatMs(ms) {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

export function formatRatio(ratio) {
  return `${ratio.toFixed(ratio >= 10 ? 1 : 3)}×`;
}
