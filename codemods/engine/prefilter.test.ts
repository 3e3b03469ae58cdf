import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { localImportsOfTracerHint, mayImportSdkTracer, mayUseSdk, projectFilesOf } from "./prefilter.js";

const root = mkdtempSync(join(tmpdir(), "hh-prefilter-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

write({
  "src/Tracer.ts": `export interface Tracer { readonly span: string }\n`,
  "src/lib/tracing.ts": `import { HoneyHiveTracer } from "honeyhive";\nexport const tracer = HoneyHiveTracer.init();\n`,
  "src/util/index.ts": `export const format = (value: string) => value;\n`,
});
const handler = join(root, "src/handler.ts");

describe("mayUseSdk", () => {
  it("keeps files that name the SDK or a settings module, not a tracer imported from a local module", () => {
    expect(mayUseSdk(`import { trace } from "honeyhive";`)).toBe(true);
    expect(mayUseSdk(`import { tracer } from "@/lib/tracing";`, { modules: ["@/lib/tracing"] })).toBe(true);
    expect(mayUseSdk(`import { tracer } from "./lib/tracing";\ntracer.sessionStart();`)).toBe(false);
  });

  it("keeps a file calling a 1.x-only wrapper on a receiver named like a tracer (blind-1x-3 D2), not the same name on another receiver", () => {
    expect(mayUseSdk(`const { tracer } = req.app.locals;\nawait tracer.traceChain(fn, { eventName: "chat" });`)).toBe(true);
    expect(mayUseSdk(`hhTracer?.traceModel(fn);`)).toBe(true);
    expect(mayUseSdk(`pipeline.traceChain(fn);\ntracer.startSpan("x");`)).toBe(false);
  });

  it("keeps OpenTelemetry code that exports to HoneyHive (its serverless handlers must flush), not OpenTelemetry to another backend", () => {
    const otel = (url: string) => `import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";\nnew OTLPTraceExporter({ url: ${url} });`;
    expect(mayUseSdk(otel("`${process.env.HONEYHIVE_SERVER_URL}/opentelemetry/v1/traces`"))).toBe(true);
    expect(mayUseSdk(otel(`"https://api.honeyhive.ai/opentelemetry/v1/traces"`))).toBe(true);
    expect(mayUseSdk(otel(`"https://otel.example.com/v1/traces"`))).toBe(false);
    expect(mayUseSdk(`// POST /opentelemetry/v1/traces\nexport const handler = async () => 1;`)).toBe(false);
  });
});

describe("localImportsOfTracerHint", () => {
  it("lists project modules only when the file mentions a tracer", () => {
    expect(localImportsOfTracerHint(`import * as Tracer from "./Tracer.js";\nimport { pipe } from "effect";`)).toEqual(["./Tracer.js"]);
    expect(localImportsOfTracerHint(`import { format } from "./util";`)).toEqual([]);
  });

  it("takes the tracer members from the SDK profiles: 1.x-only members count, names other objects share do not", () => {
    expect(localImportsOfTracerHint(`import { hh } from "./obs";\nconst run = hh.traceFunction({ eventName: "x" })(fn);`)).toEqual(["./obs"]);
    expect(localImportsOfTracerHint(`import { hh } from "./obs";\nawait hh.startSession();`)).toEqual(["./obs"]);
    // A logger's flush() and a provider's getTracer() are no sign of a HoneyHive tracer: the file stays skipped.
    expect(localImportsOfTracerHint(`import { log } from "./log";\nawait log.flush();`)).toEqual([]);
    expect(localImportsOfTracerHint(`import { db } from "./db";\nawait db.query("select 1");`)).toEqual([]);
  });
});

describe("projectFilesOf", () => {
  it("finds the files TypeScript's Bundler resolution may pick, or says it cannot tell", () => {
    expect(projectFilesOf("./Tracer.js", handler)).toEqual([join(root, "src/Tracer.ts")]);
    expect(projectFilesOf("./util", handler)).toEqual([join(root, "src/util/index.ts")]);
    expect(projectFilesOf("./missing", handler)).toBeUndefined();
    expect(projectFilesOf("@/lib/tracing", handler)).toBeUndefined();
  });
});

describe("mayImportSdkTracer", () => {
  const decide = (source: string, exportsNoTracer: (file: string) => boolean = () => false) =>
    mayImportSdkTracer(source, handler, undefined, exportsNoTracer, new Map());

  it("rules out a tracer-like import from a project module that does not name the SDK (Effect's own Tracer)", () => {
    expect(decide(`import * as Tracer from "./Tracer.js";\nconst tracer: Tracer.Tracer = make();`)).toBe(false);
  });

  it("keeps a file importing a module that names the SDK, unless the project pass ruled that module out", () => {
    const source = `import { tracer } from "./lib/tracing.js";\ntracer.sessionStart();`;
    expect(decide(source)).toBe(true);
    expect(decide(source, (file) => file === join(root, "src/lib/tracing.ts"))).toBe(false);
  });

  it("keeps a file importing a barrel that re-exports through a path alias; not one whose re-exports name no SDK", () => {
    write({ "src/obs/index.ts": `export * from "@/lib/hh";\n`, "src/fmt/index.ts": `export * as fmt from "../util/index.js";\n` });
    expect(decide(`import { tracer } from "./obs/index.js";\ntracer.sessionStart();`)).toBe(true);
    expect(decide(`import { tracer } from "./fmt/index.js";\ntracer.sessionStart();`)).toBe(false);
  });

  it("keeps a file whose tracer comes from a module it cannot look into (missing file, path alias)", () => {
    expect(decide(`import { getTracer } from "./tracing";\nawait getTracer().forceFlush();`)).toBe(true);
    expect(decide(`import { getTracer } from "@/lib/tracing";\nawait getTracer().forceFlush();`)).toBe(true);
  });

  it("asks the caller's resolver about a package specifier (a workspace package) and tests the file it names; without one, such an import is not followed", () => {
    const workspaceFile = (specifier: string) => ({ "@acme/telemetry": join(root, "src/lib/tracing.ts"), "@acme/format": join(root, "src/util/index.ts") })[specifier];
    const source = (specifier: string) => `import { tracer } from "${specifier}";\ntracer.sessionStart();`;
    const withWorkspace = (text: string) => mayImportSdkTracer(text, handler, undefined, () => false, new Map(), undefined, workspaceFile);
    expect(withWorkspace(source("@acme/telemetry"))).toBe(true);
    expect(withWorkspace(source("@acme/format"))).toBe(false);
    expect(withWorkspace(source("express"))).toBe(false);
    expect(withWorkspace(`import { format } from "@acme/telemetry";\nformat("x");`)).toBe(false); // no tracer hint in the text
    expect(decide(source("@acme/telemetry"))).toBe(false);
  });
});
