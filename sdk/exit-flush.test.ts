import { execFile } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectExitedInTime, WORK_ENDED_SOURCE } from "./test-utils/deadline.js";
import { FakeHoneyHiveBackend } from "./test-utils/fake-backend.js";

const run = promisify(execFile);
// A script has to run in a process of its own to end; it uses the build the global test setup keeps fresh.
const builtSdk = pathToFileURL(join(__dirname, "..", "dist", "esm", "sdk", "index.js")).href;

/**
 * Runs a script that traces one step and ends without forceFlush() or shutdown(); it prints the timing
 * of its own exit (test-utils/deadline.ts WORK_ENDED_SOURCE).
 */
function runScriptThatForgetsToFlush(serverUrl: string): Promise<{ stdout: string; stderr: string }> {
  const script = `
    import { HoneyHiveTracer, trace } from ${JSON.stringify(builtSdk)};
    ${WORK_ENDED_SOURCE}
    const tracer = HoneyHiveTracer.init({ apiKey: "script-key", project: "script", serverUrl: ${JSON.stringify(serverUrl)}, timeoutMs: 500 });
    trace({ tracer, eventName: "script-step" }, () => 1)();
    workEnded();
  `;
  return run(process.execPath, ["--input-type=module", "-e", script], { timeout: 15_000 });
}

describe("a script that ends without flushing", () => {
  let backend: FakeHoneyHiveBackend;

  beforeAll(async () => {
    backend = await FakeHoneyHiveBackend.start();
  });
  afterAll(async () => {
    await backend.close();
  });

  it("still delivers its spans: tracers flush when the event loop runs dry", async () => {
    await runScriptThatForgetsToFlush(backend.url);

    expect(backend.spans().map((span) => span.name)).toContain("script-step");
  });

  it("still exits promptly when the backend is down", async () => {
    const run = await runScriptThatForgetsToFlush(await FakeHoneyHiveBackend.refusingUrl());

    // Against the script's own clock at the time: it was `< 10_000` ms of wall time seen by this
    // process, which measured the machine's load (process start, module loading) as much as the SDK.
    expectExitedInTime(run);
    expect(run.stderr).not.toContain("script-key");
  });
});
