import { describe, expect, it } from "vitest";
import { runTransforms } from "../engine/engine.js";

const run = (code: string, filename = "src/handler.ts") => runTransforms(code, filename, { transforms: ["lambda-force-flush"] });

const HEADER = `import { HoneyHiveTracer, trace } from "honeyhive";

const tracer = HoneyHiveTracer.init({ project: "lambda" });
const work = trace({ eventType: "tool", tracer }, async (id: string) => ({ id }));
`;

describe("lambda-force-flush", () => {
  it("turns a one-line block body into a try/finally and awaits the returned call", () => {
    const result = run(`${HEADER}\nexport const handler = async (event: { id: string }) => { return work(event.id); };\n`);
    expect(result.output).toBe(`${HEADER}
export const handler = async (event: { id: string }) => {
  try {
    return await work(event.id);
  } finally {
    await tracer.forceFlush();
  }
};
`);
  });

  it("flushes a getter destructured from an awaited import() through its call (review-rules F1)", () => {
    const before = `export const handler = async (event: { id: string }) => {\n  const { getTracer } = await import("./tracing");\n  return getTracer().trace("order", async () => ({ statusCode: 200 }));\n};\n`;
    expect(run(before).output).toBe(`export const handler = async (event: { id: string }) => {
  const { getTracer } = await import("./tracing");
  try {
    return await getTracer().trace("order", async () => ({ statusCode: 200 }));
  } finally {
    await getTracer().forceFlush();
  }
};
`);
  });

  it("returns an object literal body without await and keeps tabs and template literals as written", () => {
    const tabbed = `${HEADER}\nexport const handler = async (event) =>\n\t({\n\t\tbody: \`id:\n\${event.id}\`,\n\t\tstatus: await work(event.id),\n\t});\n`;
    expect(run(tabbed, "src/handler.mjs").output).toBe(`${HEADER}
export const handler = async (event) => {
\ttry {
\t\treturn {
\t\t\tbody: \`id:
\${event.id}\`,
\t\t\tstatus: await work(event.id),
\t\t};
\t} finally {
\t\tawait tracer.forceFlush();
\t}
};
`);
  });

  it("awaits a fire-and-forget flush when that is enough, and wraps when an early return skips it", () => {
    const awaited = `${HEADER}
export async function handler(event: { id: string }) {
  const result = await work(event.id);
  tracer.forceFlush();
  return result;
}
`;
    expect(run(awaited).output).toBe(awaited.replace("  tracer.forceFlush();", "  await tracer.forceFlush();"));

    const early = `${HEADER}
export async function handler(event: { id?: string }) {
  if (!event.id) return { statusCode: 400 };
  const result = await work(event.id);
  tracer.forceFlush();
  return result;
}
`;
    expect(run(early).output).toBe(`${HEADER}
export async function handler(event: { id?: string }) {
  try {
    if (!event.id) return { statusCode: 400 };
    const result = await work(event.id);
    return result;
  } finally {
    await tracer.forceFlush();
  }
}
`);
  });

  it("writes forceFlush() for the shutdown() of a module-level tracer, keeps a per-invocation tracer's, and is idempotent", () => {
    const shared = `${HEADER}\nexport const handler = async (event: { id: string }) => {\n  try {\n    return await work(event.id);\n  } finally {\n    await tracer.shutdown();\n  }\n};\n`;
    const fixed = shared.replace("await tracer.shutdown();", "await tracer.forceFlush();");
    expect(run(shared).output).toBe(fixed);
    expect(run(fixed).output).toBe(fixed);
    // The shutdown in a callback settling before the return, on a local holding the module's tracer.
    const aliased = `${HEADER}\nexport const handler = async (event: { id: string }) => {\n  const t = tracer;\n  return work(event.id).finally(() => t.shutdown());\n};\n`;
    expect(run(aliased).output).toBe(aliased.replace("t.shutdown()", "t.forceFlush()"));
    const own = `import { HoneyHiveTracer } from "honeyhive";\n\nexport const handler = async (event: { id: string }) => {\n  const tracer = HoneyHiveTracer.init({ project: "lambda" });\n  try {\n    return await tracer.trace({ eventName: "work" }, async () => event.id)();\n  } finally {\n    await tracer.shutdown();\n  }\n};\n`;
    expect(run(own).output).toBe(own);
  });

  it("writes forceFlush() for the shutdown() of a module-level OpenTelemetry provider, marks a NodeSDK's, keeps a per-invocation provider's", () => {
    const imports = `import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";\nimport { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";\nimport { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";\n`;
    const exporter = `new OTLPTraceExporter({ url: "https://api.honeyhive.ai/opentelemetry/v1/traces" })`;
    const shared = `${imports}\nconst provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(${exporter})] });\nconst tracer = provider.getTracer("orders");\n\nexport const handler = async (event: { id: string }) => {\n  tracer.startActiveSpan("lookup", (span) => span.end());\n  await provider.shutdown();\n  return event.id;\n};\n`;
    const fixed = shared.replace("await provider.shutdown();", "await provider.forceFlush();");
    expect(run(shared).output).toBe(fixed);
    expect(run(fixed).output).toBe(fixed);
    const own = `${imports}\nexport const handler = async (event: { id: string }) => {\n  const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(${exporter})] });\n  provider.getTracer("orders").startActiveSpan("lookup", (span) => span.end());\n  await provider.shutdown();\n  return event.id;\n};\n`;
    expect(run(own).output).toBe(own);
    const sdkSetup = `import { trace } from "@opentelemetry/api";\nimport { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";\nimport { NodeSDK } from "@opentelemetry/sdk-node";\n\nconst sdk = new NodeSDK({ traceExporter: ${exporter} });\nsdk.start();\n\n`;
    const sdkHandler = `export const handler = async (event: { id: string }) => {\n  trace.getTracer("orders").startActiveSpan("lookup", (span) => span.end());\n  await sdk.shutdown();\n  return event.id;\n};\n`;
    const marked = run(sdkSetup + sdkHandler).output;
    expect(marked).toBe(
      `${sdkSetup}export const handler = async (event: { id: string }) => {\n  trace.getTracer("orders").startActiveSpan("lookup", (span) => span.end());\n  /* honeyhive-migrate: sdk.shutdown() stops the pipeline for this warm instance's later invocations, and it has no forceFlush(): keep its provider or span processor in a module-level variable and await provider.forceFlush() here instead */\n  await sdk.shutdown();\n  return event.id;\n};\n`,
    );
    expect(run(marked).output).toBe(marked);
  });

  it("fixes a function exported under two handler names once", () => {
    const before = `${HEADER}\nasync function main(event: { id: string }) {\n  return work(event.id);\n}\n\nexport { main as handler, main as retryHandler };\n`;
    const result = runTransforms(before, "src/handler.ts", {
      transforms: ["lambda-force-flush"],
      settings: { lambdaHandlerNames: ["retryHandler"] },
    });
    expect(result.error).toBeUndefined();
    expect(result.output).toBe(before.replace("  return work(event.id);\n", "  try {\n    return await work(event.id);\n  } finally {\n    await tracer.forceFlush();\n  }\n"));
  });

  it("asks for a hand-made try/finally when the tracer set-up shares a line with the rest", () => {
    const before = `import { getTracer } from "./tracing.js";\n\nexport const handler = async () => { const tracer = getTracer(); tracer.createSession(); };\n`;
    expect(run(before).output).toBe(
      `import { getTracer } from "./tracing.js";\n\n/* honeyhive-migrate: wrap the rest of this handler in try { … } finally { await tracer.forceFlush(); } */\nexport const handler = async () => { const tracer = getTracer(); tracer.createSession(); };\n`,
    );
  });

  it("marks a non-async handler once, also after a second run", () => {
    const before = `${HEADER}\nexport function handler(event: { id: string }) {\n  return work(event.id);\n}\n`;
    const once = run(before);
    expect(once.output).toBe(before.replace("export function handler", "/* honeyhive-migrate: make this handler async and await tracer.forceFlush() before it returns */\nexport function handler"));
    expect(once.markers).toBe(1);
    expect(run(once.output).output).toBe(once.output);
  });

  it("finds the arrow after a return type holding a function type and past a comment that mentions =>", () => {
    const before = `${HEADER}
export const handler = async (event: { id: string }): Promise<{ id: string } | ((a: number) => void)> /* => work */ =>
  work(event.id);
export const other = async <T,>(event: T, done?: (error: Error) => void) // => not this one
  => work(String(event));
`;
    const wrapped = (indent: string, call: string) =>
      ` {\n${indent}  try {\n${indent}    return await ${call};\n${indent}  } finally {\n${indent}    await tracer.forceFlush();\n${indent}  }\n${indent}};`;
    const result = runTransforms(before, "src/handler.ts", { transforms: ["lambda-force-flush"], settings: { lambdaHandlerNames: ["handler", "other"] } });
    expect(result.error).toBeUndefined();
    expect(result.output).toBe(
      before
        .replace("/* => work */ =>\n  work(event.id);", `/* => work */ =>${wrapped("", "work(event.id)")}`)
        .replace("// => not this one\n  => work(String(event));", `// => not this one\n  =>${wrapped("", "work(String(event))")}`),
    );
  });

  it("keeps multi-line template literals in a wrapped block body byte for byte", () => {
    // Only the lines that start a statement move; the others are template text.
    const statements = (indent: string) => `${indent}const result = await work(event.id);
${indent}const body = \`id:
  \${result.id}
\${\`nested
    line\`}\`;
${indent}type Shape = \`a
  \${string}\`;
${indent}return String.raw\`raw
  line \${body}\` as Shape;
`;
    const signature = `${HEADER}\nexport async function handler(event: { id: string }) {\n`;
    expect(run(`${signature}${statements("  ")}}\n`).output).toBe(
      `${signature}  try {\n${statements("    ")}  } finally {\n    await tracer.forceFlush();\n  }\n}\n`,
    );
  });

  it("adds no marker under an existing one, even another transform's and a blank line away", () => {
    const before = `${HEADER}\n/* honeyhive-migrate: pass a tracer to this call (no HoneyHive tracer in scope) */\n\nexport function handler(event: { id: string }) {\n  return work(event.id);\n}\n`;
    expect(run(before)).toMatchObject({ output: before, changed: false });
  });

  it("marks a handler under look-alikes of a marker: in a template literal, a string, a line comment", () => {
    const marker = "/* honeyhive-migrate: make this handler async and await tracer.forceFlush() before it returns */";
    const handler = "export function handler(event: { id: string }) {\n  return work(event.id);\n}\n";
    const lookAlikes = [
      // The text above ends with the `*/` of a regular expression; the marker text before it is a template's line.
      `const note = \`\n${marker}\`, star = /\\*/\n`,
      `const note = "${marker}"\n`,
      `// ${marker}\n`,
      `const note = \`\n${marker}\n\`;\n`,
    ];
    for (const lookAlike of lookAlikes) {
      const before = `${HEADER}\n${lookAlike}${handler}`;
      const result = run(before);
      expect(result.output).toBe(`${HEADER}\n${lookAlike}${marker}\n${handler}`);
      expect(run(result.output).output).toBe(result.output);
    }
  });

  it("leaves a handler that already flushes on every path, and a server that is not a Lambda", () => {
    const flushed = `${HEADER}
export const handler = async (event: { id: string }) => {
  try {
    return await work(event.id);
  } finally {
    await tracer.forceFlush();
  }
};
`;
    expect(run(flushed)).toMatchObject({ output: flushed, changed: false });
    const server = `${HEADER}\nimport http from "node:http";\nexport const handler = async () => work("x");\nhttp.createServer(() => {}).listen(3000);\n`;
    expect(run(server).output).toBe(server);
  });

  it("leaves handlers that flush through 1.x byte-identical, flushes beside another SDK's flush, and flushes a 1.x one with 1.x's flush", () => {
    const flushed1x = `import { HoneyHiveTracer } from "honeyhive";\nexport const handler = async () => {\n  const tracer = await HoneyHiveTracer.init({ project: "p" });\n  tracer.startSession();\n  await HoneyHiveTracer.flush();\n};\n`;
    expect(run(flushed1x)).toMatchObject({ output: flushed1x, changed: false });
    // LangSmith's flush sends LangSmith's runs, not the HoneyHive tracer's spans (fix-lookalike-names D1): kept, and the tracer flushed.
    const setup = `import { tracer } from "./tracing";\nimport { Client } from "langsmith";\nconst client = new Client();\n`;
    expect(run(`${setup}export const handler = async () => {\n  tracer.trace("h", () => 1);\n  await client.flush();\n};\n`).output).toBe(
      `${setup}export const handler = async () => {\n  try {\n    tracer.trace("h", () => 1);\n    await client.flush();\n  } finally {\n    await tracer.forceFlush();\n  }\n};\n`,
    );
    const unflushed = `import { HoneyHiveTracer } from "honeyhive";\nexport const handler = async () => {\n  const tracer = await HoneyHiveTracer.init({ project: "p" });\n  tracer.startSession();\n};\n`;
    expect(run(unflushed).output).toBe(
      `import { HoneyHiveTracer } from "honeyhive";\nexport const handler = async () => {\n  const tracer = await HoneyHiveTracer.init({ project: "p" });\n  try {\n    tracer.startSession();\n  } finally {\n    await tracer.flush();\n  }\n};\n`,
    );
  });

  it("flushes the provider exporting to HoneyHive, not a Honeycomb provider declared first and flushed (fix-lookalike-names D2)", () => {
    const setup =
      `import { NodeTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-node";\nimport { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";\n` +
      `const honeycomb = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: "https://api.honeycomb.io/v1/traces" }))] });\n` +
      `const honeyhive = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: "https://api.honeyhive.ai/opentelemetry/v1/traces" }))] });\n`;
    const body = [`honeycomb.getTracer("a").startSpan("a").end();`, `honeyhive.getTracer("b").startSpan("b").end();`, "await honeycomb.forceFlush();"];
    const result = run(`${setup}export const handler = async () => {\n${body.map((line) => `  ${line}\n`).join("")}};\n`);
    expect(result.output).toBe(`${setup}export const handler = async () => {\n  try {\n${body.map((line) => `    ${line}\n`).join("")}  } finally {\n    await honeyhive.forceFlush();\n  }\n};\n`);
    expect(run(result.output)).toMatchObject({ changed: false });
  });

  it("leaves a review marker on an OpenTelemetry handler whose NodeSDK offers nothing to flush, once", () => {
    // NodeSDK has no forceFlush and no public way to its provider; shutdown() would end a warm Lambda's pipeline.
    const setup = `import { trace } from "@opentelemetry/api";\nimport { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";\nimport { NodeSDK } from "@opentelemetry/sdk-node";\n\nconst sdk = new NodeSDK({ traceExporter: new OTLPTraceExporter({ url: "https://api.honeyhive.ai/opentelemetry/v1/traces" }) });\nsdk.start();\n\n`;
    const handler = `export const handler = async (event: { id: string }) => {\n  trace.getTracer("orders").startActiveSpan("lookup", (span) => span.end());\n  return fetchOrder(event.id);\n};\n`;
    const result = run(setup + handler);
    expect(result.output).toBe(
      `${setup}/* honeyhive-migrate: await the tracer provider's forceFlush() before this handler returns (NodeSDK has none: keep the provider or span processor in a module-level variable) */\n${handler}`,
    );
    expect(run(result.output).output).toBe(result.output);
  });

  it("names what the file builds in the marker: a provider or a span processor that no module-level variable holds", () => {
    const imports = `import { trace } from "@opentelemetry/api";\nimport { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";\nimport { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";\n`;
    const exporter = `new OTLPTraceExporter({ url: "https://api.honeyhive.ai/opentelemetry/v1/traces" })`;
    const handler = `export const handler = async (event: { id: string }) => {\n  trace.getTracer("orders").startActiveSpan("lookup", (span) => span.end());\n  return fetchOrder(event.id);\n};\n`;
    const provider = `${imports}import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";\n\nnew NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(${exporter})] }).register();\n\n`;
    expect(run(provider + handler).output).toBe(
      `${provider}/* honeyhive-migrate: await the tracer provider's forceFlush() before this handler returns (keep the NodeTracerProvider this file builds in a module-level variable and flush that) */\n${handler}`,
    );
    const sdk = `${imports}import { NodeSDK } from "@opentelemetry/sdk-node";\n\nnew NodeSDK({ spanProcessors: [new BatchSpanProcessor(${exporter})] }).start();\n\n`;
    expect(run(sdk + handler).output).toBe(
      `${sdk}/* honeyhive-migrate: await the span processor's forceFlush() before this handler returns (keep the BatchSpanProcessor this file builds in a module-level variable and flush that) */\n${handler}`,
    );
  });
});

