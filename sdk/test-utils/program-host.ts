// One Node.js process that runs many of sdk/blind-users.test.ts's programs, one after the other, instead of a
// process each. Loading the built package is most of what a program costs (~0.3 s CPU a process); a program
// whose subject is not the process (not its exit, signals, the environment at load, how a module system
// loads the package, once-per-process memory across copies) runs here as a module imported by the host.
//
// Between programs the host puts back what a fresh process would have: the environment (the program's own),
// no default tracer, no warned-once memory, no diagnostic logger, and no live tracer of an earlier program
// (each tracer the program made is shut down after it, as the exit flush would have flushed it). Each
// program runs in an async resource of its own, so a session it enters never reaches the next program.
// What the program prints is captured per program; its RESULT line ends it.
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

/** What one program did: the same shape as a process of its own (`code` 0 unless it threw or never reported). */
export interface HostedRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The host program, written into the consumer project so "honeyhive" and @opentelemetry/api resolve as a program's do. */
export const PROGRAM_HOST_SOURCE = `import { AsyncResource } from "node:async_hooks";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
const require = createRequire(import.meta.url);
const otel = require("@opentelemetry/api");
const copies = [await import("honeyhive"), require("honeyhive")];
const write = { stdout: process.stdout.write.bind(process.stdout), stderr: process.stderr.write.bind(process.stderr) };
let current;
for (const stream of ["stdout", "stderr"]) {
  process[stream].write = (chunk, encoding, callback) => {
    if (!current) return write[stream](chunk, encoding, callback);
    current[stream] += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    if (stream === "stdout" && current.stdout.includes("RESULT ")) current.reported();
    (typeof encoding === "function" ? encoding : callback)?.();
    return true;
  };
}
const failed = (error) => {
  if (!current) return write.stderr(String(error && error.stack || error) + "\\n");
  current.stderr += String(error && error.stack || error) + "\\n";
  current.code = 1;
  current.reported();
};
process.on("uncaughtException", failed);
process.on("unhandledRejection", failed);
for (const { HoneyHiveTracer } of copies) {
  const init = HoneyHiveTracer.init;
  HoneyHiveTracer.init = { init(...args) { const tracer = init.apply(this, args); current?.tracers.push(tracer); return tracer; } }.init;
}
const baseEnvironment = { ...process.env };
function setEnvironment(environment) {
  for (const name of Object.keys(process.env)) delete process.env[name];
  Object.assign(process.env, environment);
}
function freshProcessState() {
  const defaultTracer = globalThis[Symbol.for("honeyhive.defaultTracer")];
  if (defaultTracer) defaultTracer.tracer = undefined;
  const memory = globalThis[Symbol.for("honeyhive.logMemory")];
  for (const remembered of [memory?.warnedKeys, memory?.outages, memory?.secrets]) remembered?.clear();
  otel.diag.disable();
}
const turns = async (count) => { for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve)); };
const imported = new Set();
async function run({ path, environment, timeout }) {
  setEnvironment(environment);
  freshProcessState();
  let reported;
  const done = new Promise((resolve) => (reported = resolve));
  const program = (current = { stdout: "", stderr: "", code: 0, tracers: [], reported });
  const timer = setTimeout(() => { program.stderr += "program host: no RESULT line within " + timeout + " ms\\n"; program.code = 124; reported(); }, timeout);
  let url = pathToFileURL(path).href;
  if (imported.has(url)) url += "?run=" + imported.size;
  imported.add(url);
  const evaluated = new AsyncResource("blind-program").runInAsyncScope(() => import(url)).catch(failed);
  await done;
  // Its top-level code to its end, then what a process would do before it exits: flush its tracers.
  await Promise.race([evaluated, new Promise((resolve) => setTimeout(resolve, 5000))]);
  clearTimeout(timer);
  await turns(3);
  await Promise.allSettled(program.tracers.map((tracer) => tracer.shutdown({ timeoutMs: 1500 })));
  await turns(3);
  current = undefined;
  setEnvironment(baseEnvironment);
  return { code: program.code, stdout: program.stdout, stderr: program.stderr };
}
let queue = Promise.resolve();
process.on("message", (message) => {
  queue = queue.then(async () => process.send({ id: message.id, ...(await run(message)) }));
});
process.send({ ready: true });
`;

interface Pending {
  resolve: (run: HostedRun) => void;
}

/** One host process, started on first use and again after it died. */
class ProgramHost {
  private child: ChildProcess | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private hostStderr = "";

  constructor(
    private readonly directory: string,
    private readonly hostPath: string,
    private readonly environment: NodeJS.ProcessEnv,
  ) {}

  get load(): number {
    return this.pending.size;
  }

  run(path: string, environment: NodeJS.ProcessEnv, timeout: number): Promise<HostedRun> {
    const child = this.started();
    const id = this.nextId++;
    return new Promise<HostedRun>((resolve) => {
      this.pending.set(id, { resolve });
      child.send({ id, path, environment, timeout });
    });
  }

  close(): void {
    this.child?.kill();
    this.child = undefined;
  }

  private started(): ChildProcess {
    if (this.child) return this.child;
    const child = spawn(process.execPath, [this.hostPath], { cwd: this.directory, env: this.environment, stdio: ["ignore", "inherit", "pipe", "ipc"] });
    this.hostStderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (this.hostStderr += chunk.toString("utf8")));
    child.on("message", (message: { id?: number } & HostedRun) => {
      if (message.id === undefined) return;
      this.pending.get(message.id)?.resolve({ code: message.code, stdout: message.stdout, stderr: message.stderr });
      this.pending.delete(message.id);
    });
    child.on("exit", (code) => {
      if (this.child === child) this.child = undefined;
      for (const { resolve } of this.pending.values()) resolve({ code: code ?? 1, stdout: "", stderr: `program host exited (${String(code)}) before the program's RESULT:\n${this.hostStderr}` });
      this.pending.clear();
    });
    this.child = child;
    return child;
  }
}

/**
 * `size` hosts in `directory` (a consumer project); `run` gives a program to the least busy one. Two hosts
 * keep the programs of a concurrent block from all waiting behind one program's deadline.
 */
export function programHosts(directory: string, environment: NodeJS.ProcessEnv, size = 2): { run: ProgramHost["run"]; close: () => void } {
  const hostPath = join(directory, "program-host.mjs");
  writeFileSync(hostPath, PROGRAM_HOST_SOURCE);
  const hosts = Array.from({ length: size }, () => new ProgramHost(directory, hostPath, environment));
  return {
    run: (path, programEnvironment, timeout) => hosts.reduce((least, host) => (host.load < least.load ? host : least)).run(path, programEnvironment, timeout),
    close: () => hosts.forEach((host) => host.close()),
  };
}
