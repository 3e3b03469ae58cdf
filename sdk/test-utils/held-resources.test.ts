// The held-resources check (held-resources.ts) can fail: a child process that leaves a timer or a socket
// open, or whose tracer still waits on the network, prints what holds it, and expectNothingHeld() fails
// naming it. The same program with everything closed passes, so the filter of the process's own stdio and
// of requests that end on their own does not hide what a test must see.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, expect, it } from "vitest";
import { FakeHoneyHiveBackend } from "./fake-backend.js";
import { expectNothingHeld, HELD_RESOURCES_SOURCE } from "./held-resources.js";

// The build the global test setup keeps fresh.
const esmSdk = pathToFileURL(join(__dirname, "..", "..", "dist", "esm", "sdk", "index.js")).href;

const backends: FakeHoneyHiveBackend[] = [];
afterAll(() => Promise.all(backends.splice(0).map((backend) => backend.close())));

/** Runs `body` as an ES module with `heldResources()` and the SDK's HoneyHiveTracer; resolves its stdout. */
function runScript(body: string): Promise<string> {
  const script = `import { HoneyHiveTracer } from ${JSON.stringify(esmSdk)};\nimport { connect } from "node:net";\n${HELD_RESOURCES_SOURCE}\n${body}`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(killer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`the script exited with ${code}:\n${stdout}\n${stderr}`));
    });
  });
}

/** The JSON a script printed as `<label> <json>`. */
function printed(stdout: string, label: string): string | undefined {
  return new RegExp(`^${label} (.*)$`, "m").exec(stdout)?.[1];
}

it("fails naming a timer and a socket a program left open, and passes once they are closed", async () => {
  const backend = await FakeHoneyHiveBackend.start();
  backends.push(backend);
  const { port } = new URL(backend.url);
  const stdout = await runScript(`
    const socket = connect(${port}, "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    const timer = setTimeout(() => {}, 60_000);
    console.log("left-open " + JSON.stringify(heldResources()));
    clearTimeout(timer);
    socket.destroy();
    await new Promise((resolve) => socket.once("close", resolve));
    console.log("closed " + JSON.stringify(heldResources()));`);

  expect(() => expectNothingHeld(printed(stdout, "left-open"), "left open")).toThrow(/left open: the process is still held open by .*Timeout/);
  expect(() => expectNothingHeld(printed(stdout, "left-open"), "left open")).toThrow(/TCPSocketWrap/);
  expectNothingHeld(printed(stdout, "closed"), "closed");
});

it("fails naming what a tracer still holds while a flush waits on a backend that never answers, and passes after shutdown()", async () => {
  const backend = await FakeHoneyHiveBackend.start();
  backends.push(backend);
  backend.inject({ mode: "hang" });
  const stdout = await runScript(`
    const tracer = HoneyHiveTracer.init({ apiKey: "held-resources-key", project: "held", serverUrl: ${JSON.stringify(backend.url)} });
    tracer.startSpan("step", () => undefined);
    const flushing = tracer.forceFlush({ timeoutMs: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    console.log("flushing " + JSON.stringify(heldResources()));
    await tracer.shutdown({ timeoutMs: 200 });
    await flushing;
    console.log("shut-down " + JSON.stringify(heldResources()));`);

  // The flush's deadline timer is ref'd while it is awaited (timing.ts): the check sees it.
  expect(() => expectNothingHeld(printed(stdout, "flushing"), "during a flush")).toThrow(/during a flush: the process is still held open by .*Timeout/);
  expectNothingHeld(printed(stdout, "shut-down"), "after shutdown");
});

it("fails when the program printed nothing to check", () => {
  expect(() => expectNothingHeld(undefined, "after shutdown")).toThrow(/after shutdown: the process printed no heldResources\(\)/);
});
