// Importing the SDK must stay cheap (issue 11: at most 60 ms over bare `node`, measured by
// `npm run bench:sdk-transport`, never asserted as a time here). What a test can hold is the structure
// that makes it cheap: the OpenTelemetry SDK packages a tracer runs on are loaded by the first
// HoneyHiveTracer.init(), and the OTLP exporter and its packages (serializer, logs and metrics SDKs) by
// the first export, not by `import "honeyhive"`. Checked in a fresh process, for the ESM and the
// CommonJS build, through the module cache that both loaders fill.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeHoneyHiveBackend } from "./test-utils/fake-backend.js";

const run = promisify(execFile);
const esmSdk = pathToFileURL(join(__dirname, "..", "dist", "esm", "sdk", "index.js")).href;
const cjsSdk = join(__dirname, "..", "dist", "cjs", "sdk", "index.js");
/** Packages only an export needs. */
const EXPORT_ONLY = /[\\/]@opentelemetry[\\/](otlp-exporter-base|otlp-transformer|exporter-trace-otlp-http|sdk-logs|sdk-metrics)[\\/]/;
/** Packages the first init() needs (sdk/otel-sdk.ts), and what they load in turn. */
const INIT_ONLY = /[\\/]@opentelemetry[\\/](core|resources|sdk-trace-base|context-async-hooks|semantic-conventions)[\\/]/;
/** Each deferred package, by name, once it is loaded. */
const loadedPackages = (pattern: RegExp) =>
  `[...new Set(Object.keys(moduleCache()).map((path) => ${pattern}.exec(path)?.[1]).filter(Boolean))].sort().join(",") || "none"`;

let backend: FakeHoneyHiveBackend;
beforeAll(async () => {
  backend = await FakeHoneyHiveBackend.start();
});
afterAll(async () => {
  await backend.close();
});

/**
 * Prints the deferred modules loaded after import, after the first init() and a traced call (with
 * what the call returned), then after the tracer's first export (with what forceFlush() answered).
 */
const probe = (serverUrl: string, eventName: string): string => `
  const exportOnly = () => Object.keys(moduleCache()).filter((path) => ${EXPORT_ONLY}.test(path)).length;
  const initOnly = () => ${loadedPackages(INIT_ONLY)};
  console.log("after-import " + exportOnly() + " " + initOnly());
  const tracer = HoneyHiveTracer.init({ apiKey: "import-cost-key", project: "import-cost", serverUrl: ${JSON.stringify(serverUrl)} });
  const traced = tracer.trace({ eventName: ${JSON.stringify(eventName)} }, (a, b) => a + b);
  console.log("after-init " + initOnly() + " " + traced(20, 22));
  const flushed = await tracer.forceFlush({ timeoutMs: 5000 });
  console.log("after-export " + exportOnly() + " " + flushed);
  await tracer.shutdown({ timeoutMs: 1000 });
`;

const INIT_PACKAGES = "context-async-hooks,core,resources,sdk-trace-base,semantic-conventions";

describe("importing the SDK", () => {
  it("loads neither the tracer's OpenTelemetry SDK nor the OTLP exporter (ESM); init() and the first export do", async () => {
    const script = `
      import { createRequire } from "node:module";
      const moduleCache = () => createRequire(import.meta.url).cache;
      const { HoneyHiveTracer } = await import(${JSON.stringify(esmSdk)});
      ${probe(backend.url, "first-esm")}`;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { timeout: 20_000 });

    expect(stdout).toMatch(/^after-import 0 none$/m);
    expect(stdout).toContain(`\nafter-init ${INIT_PACKAGES} 42\n`);
    expect(stdout).toMatch(/^after-export [1-9]\d* true$/m);
    expect(backend.spans().filter((span) => span.name === "first-esm")).toHaveLength(1);
  });

  it("loads neither the tracer's OpenTelemetry SDK nor the OTLP exporter (CommonJS); init() and the first export do", async () => {
    const script = `
      const moduleCache = () => require.cache;
      const { HoneyHiveTracer } = require(${JSON.stringify(cjsSdk)});
      (async () => { ${probe(backend.url, "first-cjs")} })();`;
    const { stdout } = await run(process.execPath, ["--input-type=commonjs", "-e", script], { timeout: 20_000 });

    expect(stdout).toMatch(/^after-import 0 none$/m);
    expect(stdout).toContain(`\nafter-init ${INIT_PACKAGES} 42\n`);
    expect(stdout).toMatch(/^after-export [1-9]\d* true$/m);
    expect(backend.spans().filter((span) => span.name === "first-cjs")).toHaveLength(1);
  });
});
