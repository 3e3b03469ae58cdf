// Preloaded (NODE_OPTIONS=--require) into every Node process a measured tool starts, including
// jscodeshift's forked workers: on exit the main thread writes the CPU time of its whole process
// (all threads, user + system) to $BENCH_CPU_DIR/<pid>.json, and the benchmark adds them up. The
// machine is shared, so wall time measures the neighbours as much as the tool; CPU time does not.
const { isMainThread } = require("node:worker_threads");

const directory = process.env.BENCH_CPU_DIR;
if (directory && isMainThread) {
  process.on("exit", () => {
    const { user, system } = process.cpuUsage();
    require("node:fs").writeFileSync(require("node:path").join(directory, `${process.pid}.json`), JSON.stringify({ user, system }));
  });
}
