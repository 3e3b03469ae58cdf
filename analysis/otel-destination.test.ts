// componentDestination (fix-lookalike-names D2): where each OpenTelemetry component of a file sends its spans,
// so that two pipelines of one file (a Honeycomb provider beside one exporting to HoneyHive) are told apart.
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import { describe, expect, it } from "vitest";
import { nodesOfType } from "./nodes.js";
import { join } from "node:path";
import { componentDestination, configurationSendsOtelToHoneyhive, exportsOtelToHoneyhive } from "./otel-destination.js";
import { parseAnalysisInput } from "./parse-input.js";
import { useTempProjects } from "./test-utils/temp-projects.js";
import { getAnalysisContext } from "./context.js";
import { isKnownNonHoneyhiveModule } from "./knowledge/sdks/index.js";
import { importedExport, importedFromOtherSdkModule, importedModule } from "./project-modules.js";

const IMPORTS =
  `import { NodeTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-node";\n` +
  `import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";\n` +
  `import { MeterProvider } from "@opentelemetry/sdk-metrics";\n` +
  `import { OTLPHttpJsonTraceExporter, OTLPHttpProtoTraceExporter } from "@vercel/otel";\n`;
const HH = `new OTLPTraceExporter({ url: "https://api.honeyhive.ai/opentelemetry/v1/traces" })`;
const HONEYCOMB = `new OTLPTraceExporter({ url: "https://api.honeycomb.io/v1/traces" })`;

/** The destination of the `new` expression assigned to `name` in `code`. */
function destinationOf(code: string, name: string): string {
  const input = parseAnalysisInput(IMPORTS + code, "src/handler.ts");
  const creation = nodesOfType(input.ast, AST_NODE_TYPES.NewExpression).find(
    (node) => node.parent?.type === AST_NODE_TYPES.VariableDeclarator && node.parent.id.type === AST_NODE_TYPES.Identifier && node.parent.id.name === name,
  );
  expect(creation, name).toBeDefined();
  return componentDestination(input, creation!);
}

describe("componentDestination", () => {
  it("a provider: through the processors in its options to their exporter", () => {
    const code = `const a = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(${HONEYCOMB})] });\nconst b = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(${HH})] });\n`;
    expect(destinationOf(code, "a")).toBe("other");
    expect(destinationOf(code, "b")).toBe("honeyhive");
  });

  it("through consts, and a processor added with addSpanProcessor()", () => {
    const code = `const exporter = ${HH};\nconst processor = new BatchSpanProcessor(exporter);\nconst p = new NodeTracerProvider();\np.addSpanProcessor(processor);\nconst q = new NodeTracerProvider({ spanProcessors: [processor] });\n`;
    expect(destinationOf(code, "p")).toBe("honeyhive");
    expect(destinationOf(code, "q")).toBe("honeyhive");
    expect(destinationOf(code, "processor")).toBe("honeyhive");
  });

  it("unknown where a part cannot be read: no processor, a processor from elsewhere, not a trace component", () => {
    expect(destinationOf(`const p = new NodeTracerProvider();\n`, "p")).toBe("unknown");
    expect(destinationOf(`const p = new NodeTracerProvider({ spanProcessors: [makeProcessor()] });\n`, "p")).toBe("unknown");
    expect(destinationOf(`const m = new MeterProvider();\n`, "m")).toBe("unknown");
    // One processor to HoneyHive among others: the provider sends there.
    expect(destinationOf(`const p = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(${HONEYCOMB}), new BatchSpanProcessor(${HH})] });\n`, "p")).toBe("honeyhive");
  });

  it("@vercel/otel's own OTLP exporters (blind-9): read by their url and key header like OTLPTraceExporter", () => {
    expect(destinationOf(`const e = new OTLPHttpJsonTraceExporter({ url: "https://api.honeyhive.ai/opentelemetry/v1/traces" });\n`, "e")).toBe("honeyhive");
    expect(destinationOf(`const e = new OTLPHttpProtoTraceExporter({ url: process.env.OTEL_URL, headers: { Authorization: \`Bearer \${process.env.HH_API_KEY}\` } });\n`, "e")).toBe("honeyhive");
    expect(destinationOf(`const e = new OTLPHttpJsonTraceExporter({ url: "https://otel.baselime.io/v1/traces", headers: { "x-api-key": process.env.BASELIME_KEY ?? "" } });\n`, "e")).toBe("other");
  });
});

// gaps-rules-9: the destination is read from bindings, not from the text `OTLPTraceExporter`: an exporter class of
// knowledge/trace-exporters.ts under an alias or through a namespace, and @vercel/otel's `registerOTel()`, whose
// exporter (without `traceExporter`) is the OTLP one the environment configures: the endpoint the project's Lambda
// configuration (SAM here) sets for the handler. `.env` files are not read.
describe("exportsOtelToHoneyhive: exporter bindings and environment-configured pipelines", () => {
  const makeProject = useTempProjects("otel-destination", "all");
  const SAM = (endpoint: string) =>
    `AWSTemplateFormatVersion: "2010-09-09"\nTransform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    Environment:\n      Variables:\n        OTEL_EXPORTER_OTLP_ENDPOINT: ${endpoint}\nResources:\n  App:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src/\n      Handler: app.lambdaHandler\n      Runtime: nodejs20.x\n`;
  const PACKAGE = JSON.stringify({ name: "app", private: true, dependencies: { "@vercel/otel": "^1.12.0", "@opentelemetry/exporter-trace-otlp-proto": "^0.203.0" } });
  const honeyhive = makeProject({ "package.json": PACKAGE, "template.yaml": SAM("https://api.honeyhive.ai/opentelemetry"), "src/app.ts": "" });
  const honeycomb = makeProject({ "package.json": PACKAGE, "template.yaml": SAM("https://api.honeycomb.io"), "src/app.ts": "", ".env": "OTEL_EXPORTER_OTLP_ENDPOINT=https://api.honeyhive.ai/opentelemetry\n" });
  const HANDLER = "export const lambdaHandler = async () => ({ statusCode: 200, body: \"ok\" });\n";
  const sends = (project: string, code: string) => exportsOtelToHoneyhive(parseAnalysisInput(code + HANDLER, join(project, "src/app.ts"), undefined, project));

  it("registerOTel() without an exporter sends where the configuration's OTLP endpoint points", () => {
    const code = `import { registerOTel } from "@vercel/otel";\nregisterOTel("support-bot");\n`;
    expect(sends(honeyhive, code)).toBe(true);
    // A .env file naming HoneyHive is not read: the deployment's value decides.
    expect(sends(honeycomb, code)).toBe(false);
    expect(sends(honeyhive, `import { registerOTel as setUp } from "@vercel/otel";\nsetUp({ serviceName: "support-bot" });\n`)).toBe(true);
    expect(configurationSendsOtelToHoneyhive(code, join(honeyhive, "src/app.ts"))).toBe(true);
    expect(configurationSendsOtelToHoneyhive(code, join(honeycomb, "src/app.ts"))).toBe(false);
  });

  it("registerOTel() given an exporter sends where that exporter does", () => {
    const code = `import { registerOTel, OTLPHttpJsonTraceExporter } from "@vercel/otel";\nregisterOTel({ serviceName: "bot", traceExporter: new OTLPHttpJsonTraceExporter({ url: "https://api.honeycomb.io/v1/traces" }) });\n`;
    expect(sends(honeyhive, code)).toBe(false);
  });

  it("an exporter without url, imported under an alias or read through a namespace", () => {
    expect(sends(honeyhive, `import "@opentelemetry/api";\nimport * as otlp from "@opentelemetry/exporter-trace-otlp-proto";\nconst exporter = new otlp.OTLPTraceExporter();\n`)).toBe(true);
    expect(sends(honeyhive, `import { OTLPTraceExporter as Exporter } from "@opentelemetry/exporter-trace-otlp-proto";\nconst exporter = new Exporter();\n`)).toBe(true);
    expect(sends(honeycomb, `import { OTLPTraceExporter as Exporter } from "@opentelemetry/exporter-trace-otlp-proto";\nconst exporter = new Exporter();\n`)).toBe(false);
  });

  it("look-alikes: a local registerOTel, a local exporter class", () => {
    expect(sends(honeyhive, `import "@vercel/otel";\nfunction registerOTel(name: string) { return name; }\nregisterOTel("bot");\n`)).toBe(false);
    expect(sends(honeyhive, `import "@opentelemetry/api";\nclass OTLPTraceExporter {}\nconst exporter = new OTLPTraceExporter();\n`)).toBe(false);
  });
});

// gaps-rules-9: with @vercel/otel among the OpenTelemetry profile's packages (cleanup-core-2), a project module that
// loads only it is another SDK's module (knowledge/sdks `isKnownNonHoneyhiveModule`): the flush analysis's
// `importedFromOtherSdkModule` (a flush of its export is not HoneyHive's, unless the module's facts show a pipeline to
// HoneyHive first, flush-calls.ts) and 1.x's `anotherLibrarysModule` (codemods/transforms/1x/shared.ts) read it so.
describe("a project module loading only @vercel/otel", () => {
  const makeProject = useTempProjects("otel-vercel-module", "all");
  const VERCEL_EXPORTER = (url: string) => `import { registerOTel, OTLPHttpJsonTraceExporter } from "@vercel/otel";\nexport const exporter = new OTLPHttpJsonTraceExporter({ url: "${url}" });\nregisterOTel({ serviceName: "bot", traceExporter: exporter });\n`;
  const project = makeProject({
    "package.json": JSON.stringify({ name: "app", private: true, dependencies: { "@vercel/otel": "^1.12.0" } }),
    "src/app.ts": "",
    "src/to-honeycomb.ts": VERCEL_EXPORTER("https://api.honeycomb.io/v1/traces"),
    "src/to-honeyhive.ts": VERCEL_EXPORTER("https://api.honeyhive.ai/opentelemetry/v1/traces"),
    // Look-alikes: a module that also loads another project module, or an unknown package (either may hand on HoneyHive's objects).
    "src/mixed.ts": `import "./tracing";\n${VERCEL_EXPORTER("https://api.honeycomb.io/v1/traces")}`,
    "src/wrapped.ts": `import "@acme/telemetry";\n${VERCEL_EXPORTER("https://api.honeycomb.io/v1/traces")}`,
    "src/tracing.ts": "export const x = 1;\n",
  });
  const importedVariable = (from: string) => {
    const input = parseAnalysisInput(`import { exporter } from "${from}";\nexport const handler = async () => { await exporter.forceFlush(); };\n`, join(project, "src/app.ts"), undefined, project);
    const identifier = nodesOfType(input.ast, AST_NODE_TYPES.ImportSpecifier)[0]!.local;
    return { input, variable: getAnalysisContext(input).bindings.variableOf(identifier)! };
  };
  it("is another SDK's module (importedFromOtherSdkModule), and @vercel/otel is known not to be HoneyHive's", () => {
    expect(isKnownNonHoneyhiveModule("@vercel/otel")).toBe(true);
    const { input, variable } = importedVariable("./to-honeycomb");
    expect(importedFromOtherSdkModule(input, variable)).toBe(true);
  });
  it("the look-alikes are not: another project module or an unknown package loaded beside it", () => {
    for (const from of ["./mixed", "./wrapped"]) {
      const { input, variable } = importedVariable(from);
      expect(importedFromOtherSdkModule(input, variable), from).toBe(false);
    }
  });
  it("its module facts say where its pipeline sends (what `import \"./instrumentation\"` reads)", () => {
    const honeyhive = importedVariable("./to-honeyhive");
    expect(importedModule(honeyhive.input, "./to-honeyhive")?.facts.otelPipeline).toMatchObject({ registered: true, parts: ["OTLPHttpJsonTraceExporter", "registerOTel"] });
    expect(importedModule(honeyhive.input, "./to-honeycomb")?.facts.otelPipeline).toBeUndefined();
  });
  // small-fixes (was a known gap of gaps-rules-9): an exported trace exporter carries the `otel` fact, `honeyhive` by
  // its own destination, so flush-calls' facts-first check sees the one to HoneyHive before asking what the module loads.
  it("its exported exporter carries the otel fact, to HoneyHive by its own url", () => {
    const honeyhive = importedVariable("./to-honeyhive");
    expect(importedExport(honeyhive.input, honeyhive.variable)?.facts).toEqual([{ kind: "otel", role: "exporter", honeyhive: true }]);
    const honeycomb = importedVariable("./to-honeycomb");
    expect(importedExport(honeycomb.input, honeycomb.variable)?.facts).toEqual([{ kind: "otel", role: "exporter", honeyhive: false }]);
    // What the module loads still says "another SDK's" for both: the facts are read first (flush-calls.ts isForeignValue).
    expect(importedFromOtherSdkModule(honeyhive.input, honeyhive.variable)).toBe(true);
  });
});
