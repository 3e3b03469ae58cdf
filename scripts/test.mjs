// `npm test`: the type check (`npm run typecheck`), the lint of the sources (`npm run lint`) and the test suite
// (`vitest run`, with any arguments given to `npm test -- ...`) run side by side.
//
// Why side by side: CI has two cores. The type check and the lint are one single-threaded process of 30-60 s
// each; run before the suite they cost a minute of wall time, half of it with a core idle. The suite keeps both
// cores ~90% busy but not 100%: its SDK tests wait on deadlines, batches and child processes. So the two checks run
// at a lower scheduling priority (nice 10): they take the CPU the suite leaves idle and yield it when the suite
// wants it, so the suite's own timing is what it would be alone.
//
// Output: vitest prints live; each check's output is held and printed whole when the suite has ended (or, if the
// suite ends first, when the check ends), so nothing interleaves. The exit code is non-zero when any of the three
// fails.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { setPriority } from "node:os";
import { dirname, join } from "node:path";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const CHECK_PRIORITY = 10;

function runCheck(script) {
  return new Promise((resolve) => {
    const child = spawn(npm, ["run", "--silent", script], { stdio: ["ignore", "pipe", "pipe"], shell: process.platform === "win32" });
    try {
      // Set before npm has started its script, so the script's processes inherit it.
      if (child.pid !== undefined) setPriority(child.pid, CHECK_PRIORITY);
    } catch {
      // Not permitted here (some containers): the check then runs at normal priority, which is only slower.
    }
    const output = [];
    child.stdout.on("data", (chunk) => output.push(chunk));
    child.stderr.on("data", (chunk) => output.push(chunk));
    child.on("error", (error) => resolve({ name: `npm run ${script}`, code: 1, output: `${error.message}\n` }));
    child.on("close", (code, signal) => resolve({ name: `npm run ${script}`, code: code ?? (signal ? 1 : 0), output: Buffer.concat(output).toString() }));
  });
}

function runSuite(args) {
  const vitest = join(dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, "run", ...args], { stdio: "inherit" });
    child.on("error", (error) => resolve({ name: "vitest run", code: 1, output: `${error.message}\n` }));
    child.on("close", (code, signal) => resolve({ name: "vitest run", code: code ?? (signal ? 1 : 0), output: "" }));
  });
}

const checks = ["typecheck", "lint"].map(runCheck);
const suite = await runSuite(process.argv.slice(2));
const results = [suite, ...(await Promise.all(checks))];
for (const { name, code, output } of results.slice(1)) {
  process.stdout.write(`\n> ${name}: ${code === 0 ? "ok" : `failed (exit ${code})`}\n${output}`);
}
const failed = results.filter(({ code }) => code !== 0).map(({ name }) => name);
process.stdout.write(failed.length === 0 ? "\nnpm test: type check, lint and tests passed\n" : `\nnpm test failed: ${failed.join(", ")}\n`);
process.exitCode = failed.length === 0 ? 0 : 1;
