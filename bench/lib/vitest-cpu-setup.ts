// Per-file CPU of a vitest run (bench/vitest-cpu.config.ts): the worker's user+sys time, plus its
// waited-for children's (spawned CLIs, tsc, npm), from the file's setup to its last afterAll. Appends
// one JSON line per file to $VITEST_CPU_OUT. CPU seconds, unlike durations, barely move with load.
import { appendFileSync, readFileSync } from "node:fs";
import { afterAll } from "vitest";

function cpuSeconds(): { own: number; children: number } {
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // fields[11..14] are utime, stime, cutime, cstime (stat(5) fields 14-17), in clock ticks.
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
  return { own: (utime + stime) / 100, children: (cutime + cstime) / 100 };
}

const start = cpuSeconds();
afterAll(({}, suite) => {
  const end = cpuSeconds();
  const file = "filepath" in suite ? suite.filepath : undefined;
  const out = process.env.VITEST_CPU_OUT;
  if (!out || !file) return;
  const own = end.own - start.own;
  const children = end.children - start.children;
  appendFileSync(out, `${JSON.stringify({ file, own: +own.toFixed(2), children: +children.toFixed(2), cpu: +(own + children).toFixed(2) })}\n`);
});
