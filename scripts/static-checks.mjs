// `npm test`'s first step: the type check (`npm run typecheck`) and the lint of the sources (`npm run lint`)
// run side by side. Each is one single-threaded process of 30-60 s, so on CI's two cores running them one
// after the other left a core idle for the whole type check. Each child's output is held and printed whole
// when it ends, so the two never interleave; the exit code is non-zero when either fails.
import { spawn } from "node:child_process";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(script) {
  return new Promise((resolve) => {
    const child = spawn(npm, ["run", "--silent", script], { stdio: ["ignore", "pipe", "pipe"], shell: process.platform === "win32" });
    const output = [];
    child.stdout.on("data", (chunk) => output.push(chunk));
    child.stderr.on("data", (chunk) => output.push(chunk));
    child.on("error", (error) => resolve({ script, code: 1, output: `${error.message}\n` }));
    child.on("close", (code, signal) => resolve({ script, code: code ?? (signal ? 1 : 0), output: Buffer.concat(output).toString() }));
  });
}

const results = await Promise.all(["typecheck", "lint"].map(run));
for (const { script, code, output } of results) {
  process.stdout.write(`> npm run ${script}: ${code === 0 ? "ok" : `failed (exit ${code})`}\n${output}`);
}
process.exitCode = results.some(({ code }) => code !== 0) ? 1 : 0;
