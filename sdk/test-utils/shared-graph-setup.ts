// Setup file of the unit-shared vitest project (vitest.config.ts). Its files share one module graph per
// worker, the SDK's unit files among them, and the SDK keeps state for the whole process: the default
// tracer (the first HoneyHiveTracer.init()), the logger's once-per-process and once-per-outage memory, and
// environment variables a file stubbed. After each file this puts back what the next file would find in a
// process of its own, so a file that asserts "found no tracer" or a first warning sees it whatever ran
// before it in the worker. (The connection pool is per origin, and every file's stand-in backends listen
// on ports of their own; a file's tracers are its own to shut down.)
import { afterAll, vi } from "vitest";
import { setDefaultTracer } from "../default-tracer.js";
import { resetWarningsForTests } from "../logger.js";

afterAll(() => {
  setDefaultTracer(undefined);
  resetWarningsForTests();
  vi.unstubAllEnvs();
});
