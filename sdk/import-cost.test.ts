// Importing the SDK must stay cheap (issue 11: at most 60 ms over bare `node`, measured by
// `npm run bench:sdk-import`, never asserted as a time here). What a test can hold is the structure
// that makes it cheap: the OTLP exporter and its OpenTelemetry packages (serializer, logs and metrics
// SDKs) are loaded by the first export, not by `import "honeyhive"`. Checked in a fresh process, for
// the ESM and the CommonJS build, through the module cache that both loaders fill.
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

let backend: FakeHoneyHiveBackend;
beforeAll(async () => {
  backend = await FakeHoneyHiveBackend.start();
});
afterAll(async () => {
  await backend.close();
});

/** Prints the export-only modules loaded after import, then after a tracer's first export. */
const probe = (serverUrl: string): string => `
  const exportOnly = () => Object.keys(moduleCache()).filter((path) => ${EXPORT_ONLY}.test(path)).length;
  console.log("after-import " + exportOnly());
  const tracer = HoneyHiveTracer.init({ apiKey: "import-cost-key", project: "import-cost", serverUrl: ${JSON.stringify(serverUrl)} });
  tracer.startSpan("first", () => undefined);
  const flushed = await tracer.forceFlush({ timeoutMs: 5000 });
  console.log("after-export " + exportOnly() + " " + flushed);
  await tracer.shutdown({ timeoutMs: 1000 });
`;

describe("importing the SDK", () => {
  it("does not load the OTLP exporter (ESM); the first export does", async () => {
    const script = `
      import { createRequire } from "node:module";
      const moduleCache = () => createRequire(import.meta.url).cache;
      const { HoneyHiveTracer } = await import(${JSON.stringify(esmSdk)});
      ${probe(backend.url)}`;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { timeout: 20_000 });

    expect(stdout).toMatch(/^after-import 0$/m);
    expect(stdout).toMatch(/^after-export [1-9]\d* true$/m);
  });

  it("does not load the OTLP exporter (CommonJS); the first export does", async () => {
    const script = `
      const moduleCache = () => require.cache;
      const { HoneyHiveTracer } = require(${JSON.stringify(cjsSdk)});
      (async () => { ${probe(backend.url)} })();`;
    const { stdout } = await run(process.execPath, ["--input-type=commonjs", "-e", script], { timeout: 20_000 });

    expect(stdout).toMatch(/^after-import 0$/m);
    expect(stdout).toMatch(/^after-export [1-9]\d* true$/m);
  });
});
