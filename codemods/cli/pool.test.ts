// The built `honeyhive` bin with the real transforms, on one fixture case per transform, extension and
// outcome plus the sample app (not every fixture: the pool's work is the same per file): the worker pool must
// give exactly what in-process transforming gives (migrate-fixtures.test.ts checks that result
// against the fixtures). Worker threads need the compiled worker script, hence the built bin; the
// vitest global setup rebuilds dist/ when it is stale.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES_DIR, loadFixtures } from "../../fixtures/index.js";
import { chooseWorkerCount, POOL_THRESHOLD } from "./migrate.js";
import { TransformPool, transformInPool } from "./pool.js";
import type { JsonReport } from "./report.js";
import { BUILT_BIN } from "./test-utils/git-project.js";
import { makeProject, removeProjects, treeOf, type CliRun } from "./test-utils/project.js";

afterAll(removeProjects);

function runBin(cwd: string, argv: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUILT_BIN, ...argv], { cwd });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A plain-JavaScript worker (vitest cannot run TypeScript in a worker thread) with the pool's protocol. */
function workerScript(body: string): URL {
  const directory = mkdtempSync(join(tmpdir(), "honeyhive-worker-"));
  temporaryDirectories.push(directory);
  const path = join(directory, "worker.mjs");
  writeFileSync(path, `import { parentPort } from "node:worker_threads";\n${body}\n`);
  return pathToFileURL(path);
}

const temporaryDirectories: string[] = [];
afterAll(() => {
  for (const directory of temporaryDirectories) rmSync(directory, { recursive: true, force: true });
});

describe("transformInPool", () => {
  const files = ["a", "CRASH", "b", "c", "d"].map((name) => ({ filePath: `/p/${name}.ts`, source: `// ${name}\n` }));

  it("fails only the file a worker died on, and goes on with a fresh worker", async () => {
    const url = workerScript(`parentPort.on("message", (task) => {
      if (task.source.includes("CRASH")) process.exit(1);
      parentPort.postMessage({ id: task.id, result: { output: task.source.toUpperCase(), changed: true, applied: [], markers: 0 } });
    });`);
    const results = await transformInPool(files, {}, 2, () => {}, url);
    expect(results.map((result) => result.error?.message ?? result.output)).toEqual([
      "// A\n",
      "worker exited unexpectedly",
      "// B\n",
      "// C\n",
      "// D\n",
    ]);
  });

  it("keeps its workers between batches until closed", async () => {
    const url = workerScript(`import { threadId } from "node:worker_threads";
    parentPort.on("message", (task) => {
      parentPort.postMessage({ id: task.id, result: { output: String(threadId), changed: false, applied: [], markers: 0 } });
    });`);
    const pool = new TransformPool({}, 2, url);
    try {
      const first = await pool.run(files);
      const second = await pool.run(files.slice(0, 3));
      expect(second).toHaveLength(3);
      const threads = (results: readonly { output: string }[]) => new Set(results.map((result) => result.output));
      expect(threads(first).size).toBe(2);
      for (const thread of threads(second)) expect(threads(first)).toContain(thread);
      expect(await pool.run([])).toEqual([]);
    } finally {
      await pool.close();
    }
    await expect(pool.run(files)).rejects.toThrow(/closed/);
  });

  it("fails every file with the reason when workers cannot load the transforms", async () => {
    const url = workerScript(`throw new Error("cannot load the engine");`);
    const results = await transformInPool(files, {}, 2, () => {}, url);
    expect(results).toHaveLength(files.length);
    for (const result of results) expect(result.error?.message).toBe("internal error in worker: cannot load the engine");
  });
});

describe("worker pool", () => {
  it("starts only for many files unless --cpus asks for workers, and never with more workers than files", () => {
    const choose = (candidates: number, cpus?: number, runInBand = false): number =>
      chooseWorkerCount({ runInBand, cpus, candidates, cores: 8 });
    expect(choose(POOL_THRESHOLD)).toBe(1);
    expect(choose(POOL_THRESHOLD + 1)).toBe(7);
    expect(choose(POOL_THRESHOLD + 1, undefined, true)).toBe(1);
    expect(choose(10, 4)).toBe(4);
    expect(choose(3, 4)).toBe(3);
    expect(choose(1, 4)).toBe(1);
    expect(chooseWorkerCount({ runInBand: false, cpus: undefined, candidates: 500, cores: 1 })).toBe(1);
  });

  /**
   * One project through the pool and the same through one process, each run once for the two cases below: a fixture
   * case of each transform, extension and outcome (changed, marked, unchanged), a file that does not parse and one
   * without the SDK, and the sample app in a folder of its own (its tracer module read by the project pass). What
   * a worker is sent and gives back does not depend on the transform, so these take every path the pool has; that
   * the in-process results are the fixtures' afters is migrate-fixtures.test.ts's (every case, in process).
   */
  const runs = (() => {
    let started: Promise<{ files: Record<string, string>; pooled: string; inBand: string; pooledRun: CliRun; inBandRun: CliRun }> | undefined;
    return () =>
      (started ??= (async () => {
        const kinds = new Set<string>();
        const fixtures = loadFixtures().filter((fixture) => {
          const kind = [fixture.transform, fixture.filename.slice(fixture.filename.lastIndexOf(".")), fixture.marker, fixture.before === fixture.after].join(" ");
          return !kinds.has(kind) && kinds.add(kind);
        });
        const files: Record<string, string> = {
          "src/broken.ts": 'import { trace } from "honeyhive";\nexport const f = trace((x) => x;\n',
          "src/plain.ts": "export const unrelated = 1;\n",
        };
        for (const fixture of fixtures) files[`${fixture.id}/${fixture.filename}`] = fixture.before;
        for (const [path, text] of Object.entries(treeOf(join(FIXTURES_DIR, "sample-app")))) files[`sample-app/${path}`] = text;
        const pooled = makeProject(files);
        const inBand = makeProject(files);
        const [pooledRun, inBandRun] = await Promise.all([
          runBin(pooled, ["migrate", "--json", "--verbose", "--cpus", "2"]),
          runBin(inBand, ["migrate", "--json", "--verbose", "--run-in-band"]),
        ]);
        return { files, pooled, inBand, pooledRun, inBandRun };
      })());
  })();

  // Past the 30 s default under load.
  it("gives the same report and files as in-process transforming", async () => {
    const { files, pooled, inBand, pooledRun, inBandRun } = await runs();
    expect(pooledRun.stderr).toMatch(/\d+ candidate files, 2 workers/);
    expect(inBandRun.stderr).toMatch(/\d+ candidate files, in process/);
    expect(pooledRun.code).toBe(1); // the broken file
    expect(inBandRun.code).toBe(1);

    const pooledReport = JSON.parse(pooledRun.stdout) as JsonReport;
    expect(pooledReport).toEqual(JSON.parse(inBandRun.stdout));
    expect(pooledReport.summary.changed).toBeGreaterThan(0);
    expect(pooledReport.summary.markers).toBeGreaterThan(0);
    expect(pooledReport.files.find((file) => file.path === "src/broken.ts")).toMatchObject({
      status: "failed",
      error: { line: 2, column: expect.any(Number) },
    });
    expect(pooledRun.stderr).toMatch(/src\/broken\.ts:2:\d+ /);

    for (const path of Object.keys(files)) {
      expect(readFileSync(join(pooled, path), "utf8"), path).toBe(readFileSync(join(inBand, path), "utf8"));
    }
  }, 120_000);

  it("runs the project pass's second round on the workers too: the sample app comes out as expected", async () => {
    const { pooled, pooledRun } = await runs();
    expect(pooledRun.stderr).toMatch(/\d+ files? after the project pass, 2 workers/);
    const expectedRoot = join(FIXTURES_DIR, "sample-app-expected");
    for (const [file, text] of Object.entries(treeOf(expectedRoot))) {
      expect(readFileSync(join(pooled, "sample-app", file), "utf8"), file).toBe(text);
    }
  }, 120_000);
});
