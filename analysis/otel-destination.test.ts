// componentDestination (fix-lookalike-names D2): where each OpenTelemetry component of a file sends its spans,
// so that two pipelines of one file (a Honeycomb provider beside one exporting to HoneyHive) are told apart.
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import { describe, expect, it } from "vitest";
import { nodesOfType } from "./nodes.js";
import { componentDestination } from "./otel-destination.js";
import { parseAnalysisInput } from "./parse-input.js";

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
