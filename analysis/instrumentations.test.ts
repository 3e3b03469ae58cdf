import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { instrumentationProviderFixes } from "./fixes/instrumentation-provider.js";
import { editsOf } from "./fixes/finding-fix.js";
import { applyEdits } from "./edits.js";
import { extractModuleFacts } from "./export-facts.js";
import { findInstrumentationsWithoutProvider, isMovableBelow, pipelineActivationOf } from "./instrumentations.js";
import { INSTRUMENTATION_FAMILIES, PIPELINE_OWNERS, mayActivatePipeline, mayHoldInstrumentation, REGISTER_CALLS, TELEMETRY_INTEGRATIONS, TELEMETRY_OPTIONS } from "./knowledge/instrumentations.js";
import { parseAnalysisInput } from "./parse-input.js";
import { useTempProjects } from "./test-utils/temp-projects.js";

const HH = `import { HoneyHiveTracer } from "honeyhive";\n`;
const TRACER = `${HH}const tracer = HoneyHiveTracer.init();\n`;
const REGISTER = `import { registerInstrumentations } from "@opentelemetry/instrumentation";\n`;

function findings(code: string, filename = "src/otel.ts") {
  return findInstrumentationsWithoutProvider(parseAnalysisInput(code, filename)).map((finding) => ({
    kind: finding.kind,
    setup: finding.setup,
    label: finding.label,
    placement: finding.placement?.kind,
  }));
}

/** What the codemod's fixes make of `code` (markers aside). */
function fixed(code: string): string {
  const input = parseAnalysisInput(code, "src/otel.ts");
  const fixes = instrumentationProviderFixes(input).flatMap(({ fix, move }) => (fix ? [fix] : move ? [move] : []));
  return applyEdits(code, editsOf(input, fixes));
}

describe("the instrumentation knowledge", () => {
  it("says where every entry was checked", () => {
    for (const entry of [...INSTRUMENTATION_FAMILIES, ...REGISTER_CALLS, ...TELEMETRY_OPTIONS, ...PIPELINE_OWNERS]) expect(entry.verifiedAt.length).toBeGreaterThan(10);
  });

  it("lets a module that may activate an owner's pipeline through the project-module reader's text gate, and no other", () => {
    for (const owner of PIPELINE_OWNERS) {
      for (const pkg of owner.packages) {
        for (const activation of owner.activations) {
          const use = activation.kind === "call" ? `${activation.name}({});` : activation.kind === "instance" ? `new ${activation.className}().${activation.methods[0]}();` : "";
          expect(mayActivatePipeline(`import x from "${pkg}";\n${use}`)).toBe(true);
        }
      }
    }
    expect(mayActivatePipeline(`import express from "express";\nimport { z } from "zod";`)).toBe(false);
    // Imported for something else: no activation name in the text.
    expect(mayActivatePipeline(`import * as Sentry from "@sentry/node";\nSentry.captureException(error);`)).toBe(false);
    expect(mayActivatePipeline(`import appInsights from "applicationinsights";\nappInsights.defaultClient.trackEvent({ name: "x" });`)).toBe(false);
    // A name without the package activates nothing either.
    expect(mayActivatePipeline(`export function init() {}\ninit();`)).toBe(false);
  });

  it("lets every name it knows through the text gate (a file that uses one is never skipped)", () => {
    // As a key of an options object: the settings keys the full check reads are written so.
    const passes = (name: string) => mayHoldInstrumentation(`f({ ${name}: {} });`);
    for (const register of REGISTER_CALLS) expect(passes(register.callee.name)).toBe(true);
    for (const option of TELEMETRY_OPTIONS) for (const key of [option.option, ...(option.tracerMovedToIntegration?.options ?? [])]) expect(passes(key)).toBe(true);
    for (const integration of TELEMETRY_INTEGRATIONS) for (const cls of integration.classes) expect(mayHoldInstrumentation(`import { ${cls.export.name} } from "${cls.export.package}";`)).toBe(true);
    for (const family of INSTRUMENTATION_FAMILIES) {
      // A class name the family's pattern accepts also passes the gate.
      for (const name of ["HttpInstrumentation", "OpenAIInstrumentation"]) if (family.classNamePattern.test(name)) expect(passes(name)).toBe(true);
      for (const pkg of family.packages) expect(pkg.endsWith("-")).toBe(true);
    }
  });
});

describe("findInstrumentationsWithoutProvider", () => {
  it("finds each setup shape and where its provider goes", () => {
    const code = `${REGISTER}import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";
import { LangChainInstrumentation } from "@arizeai/openinference-instrumentation-langchain";
import { AnthropicInstrumentation } from "@traceloop/instrumentation-anthropic";
import { streamText } from "ai";
${TRACER}registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });
new OpenAIInstrumentation({ traceConfig: {} });
new LangChainInstrumentation();
const anthropic = new AnthropicInstrumentation();
anthropic.enable();
export const run = () => streamText({ experimental_telemetry: { isEnabled: flag } });
`;
    expect(findings(code)).toEqual([
      { kind: "missingProvider", setup: "register", label: "registerInstrumentations()", placement: "property" },
      { kind: "missingProvider", setup: "instance", label: "new OpenAIInstrumentation()", placement: "property" },
      { kind: "missingProvider", setup: "instance", label: "new LangChainInstrumentation()", placement: "argument" },
      { kind: "missingProvider", setup: "instance", label: "new AnthropicInstrumentation()", placement: "statement" },
      { kind: "missingProvider", setup: "telemetry", label: "streamText()", placement: "property" },
    ]);
  });

  it("resolves instrumentation classes through namespace imports and require", () => {
    const code = `import * as http from "@opentelemetry/instrumentation-http";\nconst { PgInstrumentation } = require("@opentelemetry/instrumentation-pg");\n${TRACER}new http.HttpInstrumentation();\nnew PgInstrumentation();\n`;
    expect(findings(code).map((finding) => finding.label)).toEqual(["new HttpInstrumentation()", "new PgInstrumentation()"]);
  });

  it("is silent without a HoneyHive tracer, and in a file that activates an OpenTelemetry pipeline of its own", () => {
    expect(findings(`${REGISTER}registerInstrumentations({ instrumentations: [] });`)).toEqual([]);
    expect(findings(`${REGISTER}import { registerOTel } from "@vercel/otel";\n${TRACER}registerOTel("app");\nregisterInstrumentations({ instrumentations: [] });`)).toEqual([]);
  });

  it("reports beside a vendor's package that is imported and not activated", () => {
    expect(findings(`${REGISTER}import { registerOTel } from "@vercel/otel";\n${TRACER}registerInstrumentations({ instrumentations: [] });\nexport { registerOTel };`)).toHaveLength(1);
  });

  describe("honeyhive 1.x projects", () => {
    const project = useTempProjects("instrumentations");
    const projectFile = (honeyhive: string) => join(project({ "package.json": JSON.stringify({ dependencies: { honeyhive } }), "src/": "" }), "src", "otel.ts");

    it("reports nothing where the package.json says 1.x (its tracer registered a global provider)", () => {
      const code = `${REGISTER}${TRACER}registerInstrumentations({ instrumentations: [] });`;
      expect(findings(code, projectFile("^1.0.42"))).toEqual([]);
      expect(findings(code, projectFile("^2.0.0"))).toHaveLength(1);
    });
  });

  it("reports a setup above the module's init as beforeTracer, and one inside a function that runs later as missingProvider", () => {
    const code = `${REGISTER}${HH}registerInstrumentations({ instrumentations: [] });\nexport function later() { registerInstrumentations({ instrumentations: [] }); }\nconst tracer = HoneyHiveTracer.init();\nexport { tracer };`;
    expect(findings(code).map((finding) => finding.kind)).toEqual(["beforeTracer", "missingProvider"]);
  });
});

describe("isMovableBelow", () => {
  function statements(code: string): { movable: boolean } {
    const input = parseAnalysisInput(code, "src/otel.ts");
    const [finding] = findInstrumentationsWithoutProvider(input);
    const later = finding?.later;
    if (!later) throw new Error("expected a beforeTracer finding");
    return { movable: isMovableBelow(input, later.statement, later.initStatement) };
  }

  it("moves over declarations and functions that do not run", () => {
    expect(statements(`${REGISTER}${HH}registerInstrumentations({ instrumentations: [] });\nconst PROJECT = "p";\nfunction helper() { return fetch("x"); }\nconst tracer = HoneyHiveTracer.init({ project: PROJECT });\nexport { tracer, helper };`).movable).toBe(true);
  });

  it("does not move over code that runs (a require, a call, an await)", () => {
    for (const between of ['const OpenAI = require("openai");', "console.log(1);", "await ready;", "const client = new Client();"]) {
      expect(statements(`${REGISTER}${HH}registerInstrumentations({ instrumentations: [] });\n${between}\nconst tracer = HoneyHiveTracer.init();\nexport { tracer };`).movable).toBe(false);
    }
  });

  it("does not move an export", () => {
    expect(statements(`${REGISTER}${HH}export const stop = registerInstrumentations({ instrumentations: [] });\nconst tracer = HoneyHiveTracer.init();\nexport { tracer };`).movable).toBe(false);
  });
});

describe("the fixes", () => {
  it("writes the provider in each API's form", () => {
    const code = `import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";\nimport { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";\n${TRACER}const undici = new UndiciInstrumentation();\nundici.enable();\nnew OpenAIInstrumentation;\n`;
    expect(fixed(code)).toBe(
      `import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";\nimport { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";\n${TRACER}const undici = new UndiciInstrumentation();\nundici.setTracerProvider(tracer.provider);\nundici.enable();\nnew OpenAIInstrumentation({ tracerProvider: tracer.provider });\n`,
    );
  });

  it("moves a setTracerProvider setup below the init together with its new line", () => {
    const code = `import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";\n${HH}\nconst undici = new UndiciInstrumentation();\n\nexport const tracer = HoneyHiveTracer.init(); // the one tracer\n`;
    expect(fixed(code)).toBe(
      `import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";\n${HH}\nexport const tracer = HoneyHiveTracer.init(); // the one tracer\n\nconst undici = new UndiciInstrumentation();\nundici.setTracerProvider(tracer.provider);\n`,
    );
  });

  it("leaves a review marker (no fix) where no tracer is in scope", () => {
    const input = parseAnalysisInput(`${REGISTER}${HH}class Service {\n  tracer = HoneyHiveTracer.init();\n}\nregisterInstrumentations({ instrumentations: [] });\nexport { Service };`, "src/otel.ts");
    const [result] = instrumentationProviderFixes(input);
    expect(result?.fix).toBeUndefined();
    expect(result?.marker?.message).toMatch(/none is in scope here/);
    expect((result?.marker?.node as TSESTree.Node).type).toBe(AST_NODE_TYPES.CallExpression);
  });
});

describe("pipelineActivationOf", () => {
  const activation = (code: string) => pipelineActivationOf(parseAnalysisInput(code, "src/otel.ts"));

  it("names the owner of each activating call, instance and preload import", () => {
    const cases: readonly (readonly [string, string])[] = [
      [`import * as Sentry from "@sentry/node";\nSentry.init({ dsn: "d", tracesSampleRate: 1 });`, "Sentry"],
      [`const Sentry = require("@sentry/aws-serverless");\nSentry.init({ dsn: process.env.DSN });`, "Sentry"],
      [`import { init } from "@sentry/nestjs";\nimport { options } from "./sentry-options";\ninit(options);`, "Sentry"],
      [`import "@sentry/node/init";`, "Sentry"],
      [`import "@sentry/aws-serverless/awslambda-auto";`, "Sentry"],
      [`require("@sentry/aws-serverless/build/npm/cjs/awslambda-auto");`, "Sentry"],
      [`require("@dash0/opentelemetry");`, "Dash0"],
      [`import { useAzureMonitor } from "@azure/monitor-opentelemetry";\nuseAzureMonitor();`, "Azure Monitor"],
      [`import * as appInsights from "applicationinsights";\nappInsights.setup(process.env.CS).setAutoCollectRequests(true).start();`, "Application Insights"],
      [`import { NodeSDK } from "@opentelemetry/sdk-node";\nconst sdk = new NodeSDK({});\nsdk.start();`, "OpenTelemetry"],
      [`import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";\nnew NodeTracerProvider().register();`, "OpenTelemetry"],
      [`import { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";\nimport { trace } from "@opentelemetry/api";\ntrace.setGlobalTracerProvider(new BasicTracerProvider());`, "OpenTelemetry"],
      [`import { registerOTel } from "@vercel/otel";\nexport function register() {\n  registerOTel({ serviceName: "app" });\n}`, "Vercel OTel"],
      [`import { HoneycombSDK } from "@honeycombio/opentelemetry-node";\nnew HoneycombSDK({}).start();`, "Honeycomb"],
      [`import { register } from "@arizeai/phoenix-otel";\nexport const provider = register({ projectName: "p" });`, "Arize Phoenix"],
      [`import * as traceloop from "@traceloop/node-server-sdk";\ntraceloop.initialize({ appName: "app" });`, "Traceloop (OpenLLMetry)"],
      [`import { initializeOTEL } from "langsmith/experimental/otel/setup";\ninitializeOTEL();`, "LangSmith"],
      [`const { start } = require("@splunk/otel");\nstart({ serviceName: "svc" });`, "Splunk"],
      [`import "@splunk/otel/instrument";`, "Splunk"],
      [`require("@splunk/otel/instrument");`, "Splunk"],
      [`import "@elastic/opentelemetry-node";`, "Elastic (EDOT Node.js)"],
      [`require("@opentelemetry/auto-instrumentations-node/register");`, "OpenTelemetry auto-instrumentations"],
      [`const tracer = require("dd-trace").init();\nconst { TracerProvider } = tracer;\nconst provider = new TracerProvider();\nprovider.register();`, "Datadog"],
    ];
    for (const [code, owner] of cases) expect([code, activation(code)]).toEqual([code, owner]);
  });

  it("follows an instance assigned later, cast, or kept on `this`", () => {
    const cases = [
      `import { NodeSDK } from "@opentelemetry/sdk-node";\nlet sdk: NodeSDK | undefined;\nexport function initTelemetry() { sdk = new NodeSDK({}); sdk.start(); }`,
      `import { NodeSDK } from "@opentelemetry/sdk-node";\nexport class Telemetry { sdk: NodeSDK; constructor() { this.sdk = new NodeSDK({}); this.sdk.start(); } }`,
      `import { NodeSDK } from "@opentelemetry/sdk-node";\nexport class Telemetry { private sdk = new NodeSDK({}); start() { this.sdk.start(); } }`,
      `import { NodeSDK } from "@opentelemetry/sdk-node";\nconst sdk = new NodeSDK({}) as NodeSDK;\nsdk.start();`,
      `import { NodeSDK } from "@opentelemetry/sdk-node";\nconst sdk = new NodeSDK({}) satisfies NodeSDK;\nsdk.start();`,
      `import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";\nlet provider;\nprovider = new NodeTracerProvider();\nprovider.register();`,
    ];
    for (const code of cases) expect([code, activation(code)]).toEqual([code, "OpenTelemetry"]);
    // Stored the same ways and never started; started on another member, or in another class.
    const inert = [
      `import { NodeSDK } from "@opentelemetry/sdk-node";\nlet sdk: NodeSDK | undefined;\nexport function initTelemetry() { sdk = new NodeSDK({}); return sdk; }`,
      `import { NodeSDK } from "@opentelemetry/sdk-node";\nexport class Telemetry { sdk = new NodeSDK({}); other = { start() {} }; go() { this.other.start(); } }`,
      `import { NodeSDK } from "@opentelemetry/sdk-node";\nexport class A { sdk = new NodeSDK({}); }\nexport class B { sdk = { start() {} }; go() { this.sdk.start(); } }`,
    ];
    for (const code of inert) expect([code, activation(code)]).toEqual([code, undefined]);
  });

  it("counts Application Insights' start() as its own statement", () => {
    expect(activation(`import * as appInsights from "applicationinsights";\nappInsights.setup(process.env.CS);\nappInsights.start();`)).toBe("Application Insights");
    expect(activation(`const appInsights = require("applicationinsights");\nappInsights.setup("cs").setAutoCollectRequests(true);\nappInsights.start();`)).toBe("Application Insights");
  });

  it("does not count an import, another call of the package, an opt-out or a look-alike", () => {
    const cases = [
      // Imported, used for something else, or only its types.
      `import * as Sentry from "@sentry/node";\nexport function report(e: unknown) { Sentry.captureException(e); }`,
      `import type { Span } from "@sentry/node";\nexport type S = Span;`,
      `import { type Span } from "@sentry/node";\nexport type S = Span;`,
      `import type {} from "@opentelemetry/auto-instrumentations-node/register";`,
      // Preloading Sentry's instrumentation is not initializing it.
      `import "@sentry/node/preload";`,
      // The setup opted out of, literally.
      `import * as Sentry from "@sentry/node";\nSentry.init({ dsn: "d", skipOpenTelemetrySetup: true });`,
      `import { start } from "@splunk/otel";\nstart({ tracing: false });`,
      `import { register } from "@arizeai/phoenix-otel";\nexport const provider = register({ projectName: "p", global: false });`,
      // Built and never started or registered.
      `import { NodeSDK } from "@opentelemetry/sdk-node";\nexport const sdk = new NodeSDK({});`,
      `import * as appInsights from "applicationinsights";\nappInsights.setup(process.env.CS);`,
      `import tracer from "dd-trace";\ntracer.init();`,
      // Look-alikes: a local init, Sentry from another module, start() on an unrelated object.
      `import * as Sentry from "@sentry/node";\nfunction init(options: object) { return options; }\ninit({ dsn: "d" });\nexport { Sentry };`,
      `import * as Sentry from "./sentry";\nSentry.init({ dsn: "d" });`,
      `import { NodeSDK } from "@opentelemetry/sdk-node";\nimport { Server } from "./server";\nnew Server().start();\nexport { NodeSDK };`,
      `import { TracerProvider } from "./tracing";\nnew TracerProvider().register();`,
    ];
    for (const code of cases) expect([code, activation(code)]).toEqual([code, undefined]);
  });

  it("is an export fact of a module, with or without exports", () => {
    expect(extractModuleFacts(parseAnalysisInput(`import * as Sentry from "@sentry/node";\nSentry.init({ dsn: "d" });`, "src/instrument.ts")).activatesPipeline).toBe("Sentry");
    expect(extractModuleFacts(parseAnalysisInput(`import * as Sentry from "@sentry/node";\nexport const report = (e: unknown) => Sentry.captureException(e);`, "src/report.ts")).activatesPipeline).toBeUndefined();
  });
});

describe("activation in a project module the file loads", () => {
  const project = useTempProjects("instrumentation-activation");
  const APP = `${REGISTER}${TRACER}registerInstrumentations({ instrumentations: [] });\n`;
  const lint = (instrument: string, app: string) => {
    const root = project({ "package.json": "{}", "src/instrument.ts": instrument, "src/app.ts": app });
    return findings(app, join(root, "src", "app.ts"));
  };

  it("is silent when an imported module activates a pipeline, for its effect or for a binding", () => {
    expect(lint(`import * as Sentry from "@sentry/node";\nSentry.init({ dsn: "d" });`, `import "./instrument";\n${APP}`)).toEqual([]);
    expect(lint(`import * as Sentry from "@sentry/node";\nSentry.init({ dsn: "d" });\nexport { Sentry };`, `import { Sentry } from "./instrument";\n${APP}Sentry.captureMessage("up");`)).toEqual([]);
    expect(lint(`import { registerOTel } from "@vercel/otel";\nexport function register() {\n  registerOTel("app");\n}`, `import { register } from "./instrument";\nregister();\n${APP}`)).toEqual([]);
  });

  it("follows the module one hop further: `./instrument` runs `initSentry()` of `./sentry`", () => {
    const root = project({
      "package.json": "{}",
      "src/instrument.ts": `import { initSentry } from "./sentry";\ninitSentry();\n`,
      "src/sentry.ts": `import * as Sentry from "@sentry/node";\nexport function initSentry() { Sentry.init({ dsn: "d" }); }\n`,
      "src/app.ts": `import "./instrument";\n${APP}`,
    });
    expect(findings(`import "./instrument";\n${APP}`, join(root, "src", "app.ts"))).toEqual([]);
    const inert = project({ "package.json": "{}", "src/instrument.ts": `import { initSentry } from "./sentry";\nexport { initSentry };\n`, "src/sentry.ts": `export function initSentry() {}\n` });
    expect(findings(`import "./instrument";\n${APP}`, join(inert, "src", "app.ts"))).toHaveLength(1);
  });

  it("reports when the module only imports the vendor, opts out, or is imported for its types", () => {
    expect(lint(`import * as Sentry from "@sentry/node";\nexport const report = (e: unknown) => Sentry.captureException(e);`, `import { report } from "./instrument";\n${APP}report(1);`)).toHaveLength(1);
    expect(lint(`import * as Sentry from "@sentry/node";\nSentry.init({ dsn: "d", skipOpenTelemetrySetup: true });`, `import "./instrument";\n${APP}`)).toHaveLength(1);
    expect(lint(`import * as Sentry from "@sentry/node";\nSentry.init({ dsn: "d" });\nexport type Options = { dsn: string };`, `import type { Options } from "./instrument";\n${APP}export type O = Options;`)).toHaveLength(1);
    expect(lint(`import * as Sentry from "@sentry/node";\nSentry.init({ dsn: "d" });\nexport type Options = { dsn: string };`, `import type { Options } from "./instrument";\nexport type { Options } from "./instrument";\n${APP}`)).toHaveLength(1);
  });

  it("counts a module imported for its types as loaded when the file also requires or import()s it", () => {
    const INSTRUMENT = `import * as Sentry from "@sentry/node";\nSentry.init({ dsn: "d" });\nexport type Options = { dsn: string };`;
    expect(lint(INSTRUMENT, `import type { Options } from "./instrument";\nrequire("./instrument");\n${APP}export type O = Options;`)).toEqual([]);
    expect(lint(INSTRUMENT, `import type { Options } from "./instrument";\nexport async function boot() { await import("./instrument"); }\n${APP}export type O = Options;`)).toEqual([]);
  });
});

describe("activation in a module the framework loads (Next.js instrumentation.ts)", () => {
  const project = useTempProjects("instrumentation-next");
  const ROUTE = `import { generateText } from "ai";\n${TRACER}export async function POST(request: Request) {\n  const { text } = await generateText({ model, prompt: await request.text(), experimental_telemetry: { isEnabled: true } });\n  return Response.json({ text });\n}\n`;
  const REGISTER_OTEL = `import { registerOTel } from "@vercel/otel";\nexport function register() {\n  registerOTel({ serviceName: "app" });\n}\n`;
  const lint = (files: Record<string, string>) => {
    const root = project({ "src/app/api/chat/route.ts": ROUTE, ...files });
    return findings(ROUTE, join(root, "src", "app", "api", "chat", "route.ts"));
  };
  const NEXT = JSON.stringify({ dependencies: { next: "15.0.0" } });

  it("is silent when the Next.js app's instrumentation.ts (root or src/) activates a pipeline", () => {
    expect(lint({ "package.json": NEXT, "instrumentation.ts": REGISTER_OTEL })).toEqual([]);
    expect(lint({ "package.json": NEXT, "src/instrumentation.ts": REGISTER_OTEL })).toEqual([]);
  });

  it("follows what instrumentation.ts loads in register() (Sentry's wizard, Next.js's instrumentation.node)", () => {
    const wizard = `import * as Sentry from "@sentry/nextjs";\nexport async function register() {\n  if (process.env.NEXT_RUNTIME === "nodejs") {\n    await import("./sentry.server.config");\n  }\n  if (process.env.NEXT_RUNTIME === "edge") {\n    await import("./sentry.edge.config");\n  }\n}\nexport const onRequestError = Sentry.captureRequestError;\n`;
    const sentryConfig = `import * as Sentry from "@sentry/nextjs";\nSentry.init({ dsn: "d", tracesSampleRate: 1 });\n`;
    expect(lint({ "package.json": NEXT, "instrumentation.ts": wizard, "sentry.server.config.ts": sentryConfig, "sentry.edge.config.ts": sentryConfig })).toEqual([]);
    expect(lint({ "package.json": NEXT, "src/instrumentation.ts": wizard.replaceAll("./sentry", "../sentry"), "sentry.server.config.ts": sentryConfig, "sentry.edge.config.ts": sentryConfig })).toEqual([]);
    // instrumentation.ts names no vendor: read all the same, it runs for its effect.
    const nodeOnly = `export async function register() {\n  if (process.env.NEXT_RUNTIME === "nodejs") {\n    await import("./instrumentation.node");\n  }\n}\n`;
    const nodeSdk = `import { NodeSDK } from "@opentelemetry/sdk-node";\nconst sdk = new NodeSDK({});\nsdk.start();\n`;
    expect(lint({ "package.json": NEXT, "instrumentation.ts": nodeOnly, "instrumentation.node.ts": nodeSdk })).toEqual([]);
    expect(lint({ "package.json": NEXT, "src/instrumentation.ts": nodeOnly, "src/instrumentation.node.ts": nodeSdk })).toEqual([]);
    // What it loads activates nothing.
    expect(lint({ "package.json": NEXT, "instrumentation.ts": nodeOnly, "instrumentation.node.ts": `import { NodeSDK } from "@opentelemetry/sdk-node";\nexport const sdk = new NodeSDK({});\n` })).toHaveLength(1);
  });

  it("follows what the package.json scripts preload (node --import ./instrument.mjs, NODE_OPTIONS)", () => {
    const sentry = `import * as Sentry from "@sentry/node";\nSentry.init({ dsn: "d" });\n`;
    const scripts = (script: string) => JSON.stringify({ scripts: { start: script } });
    expect(lint({ "package.json": scripts("node --import ./instrument.mjs dist/app.mjs"), "instrument.mjs": sentry })).toEqual([]);
    expect(lint({ "package.json": scripts("NODE_OPTIONS='--import ./src/instrument.mjs' nest start"), "src/instrument.mjs": sentry })).toEqual([]);
    expect(lint({ "package.json": scripts("node -r @opentelemetry/auto-instrumentations-node/register app.js") })).toEqual([]);
    // Sentry's Lambda preload, as its README writes NODE_OPTIONS (v9+) and as v8 named it.
    expect(lint({ "package.json": scripts("NODE_OPTIONS='--import @sentry/aws-serverless/awslambda-auto' node app.mjs") })).toEqual([]);
    expect(lint({ "package.json": scripts("node -r @sentry/aws-serverless/build/npm/cjs/awslambda-auto app.js") })).toEqual([]);
    expect(lint({ "package.json": scripts("NODE_OPTIONS='--require @dash0/opentelemetry' node server.js") })).toEqual([]);
    // The package itself preloaded is no activation (importing Sentry initializes nothing).
    expect(lint({ "package.json": scripts("node -r @sentry/aws-serverless app.js") })).toHaveLength(1);
    // Preloaded, and activating nothing; a package that is no preload.
    expect(lint({ "package.json": scripts("node --import ./instrument.mjs app.mjs"), "instrument.mjs": `export const x = 1;\n` })).toHaveLength(1);
    expect(lint({ "package.json": scripts("node -r dotenv/config app.js") })).toHaveLength(1);
  });

  it("follows a Lambda preload set in NODE_OPTIONS of serverless.yml or a SAM template", () => {
    const sentry = `import * as Sentry from "@sentry/aws-serverless";\nSentry.init({ dsn: "d" });\n`;
    const serverless = (environment: string) => `service: chat\nprovider:\n  name: aws\n  runtime: nodejs20.x\n${environment}functions:\n  chat:\n    handler: src/app/api/chat/route.handler\n`;
    expect(lint({ "package.json": "{}", "serverless.yml": serverless("  environment:\n    NODE_OPTIONS: --import @sentry/aws-serverless/awslambda-auto\n") })).toEqual([]);
    expect(lint({ "package.json": "{}", "serverless.yml": serverless("  environment:\n    NODE_OPTIONS: '--import ./instrument.mjs'\n"), "instrument.mjs": sentry })).toEqual([]);
    const sam = `Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    Runtime: nodejs20.x\n    Environment:\n      Variables:\n        NODE_OPTIONS: "-r @sentry/aws-serverless/build/npm/cjs/awslambda-auto"\nResources:\n  Chat:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: src/app/api/chat/route.handler\n`;
    expect(lint({ "package.json": "{}", "template.yaml": sam })).toEqual([]);
    // Look-alikes: another variable, a commented-out line, the package itself (no activation), an unrelated key named like it.
    expect(lint({ "package.json": "{}", "serverless.yml": serverless("  environment:\n    OTHER_OPTIONS: --import @sentry/aws-serverless/awslambda-auto\n") })).toHaveLength(1);
    expect(lint({ "package.json": "{}", "serverless.yml": serverless("  environment:\n    # NODE_OPTIONS: --import @sentry/aws-serverless/awslambda-auto\n    STAGE: dev\n") })).toHaveLength(1);
    expect(lint({ "package.json": "{}", "serverless.yml": serverless("  environment:\n    NODE_OPTIONS: -r @sentry/aws-serverless\n") })).toHaveLength(1);
    expect(lint({ "package.json": "{}", "serverless.yml": serverless("  tags:\n    NODE_OPTIONS: --import @sentry/aws-serverless/awslambda-auto\n") })).toHaveLength(1);
  });

  it("resolves a relative Lambda preload against the function's CodeUri, where Lambda runs it from", () => {
    const sentry = `import * as Sentry from "@sentry/aws-serverless";\nSentry.init({ dsn: "d" });\n`;
    const sam = `Transform: AWS::Serverless-2016-10-31\nResources:\n  Chat:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src/\n      Handler: app/api/chat/route.handler\n      Environment:\n        Variables:\n          NODE_OPTIONS: --import ./instrument.mjs\n`;
    expect(lint({ "package.json": "{}", "template.yaml": sam, "src/instrument.mjs": sentry })).toEqual([]);
    // The same name beside the template only: not in the function's package, so nothing is preloaded.
    expect(lint({ "package.json": "{}", "template.yaml": sam, "instrument.mjs": sentry })).toHaveLength(1);
  });

  it("finds the Next.js app of a monorepo whose next sits in the workspace root's package.json, or by its next.config", () => {
    const member = (files: Record<string, string>) => {
      const root = project({ "apps/web/src/app/api/chat/route.ts": ROUTE, ...files });
      return findings(ROUTE, join(root, "apps", "web", "src", "app", "api", "chat", "route.ts"));
    };
    const WORKSPACE_ROOT = JSON.stringify({ private: true, workspaces: ["apps/*"], devDependencies: { next: "15.0.0" } });
    expect(member({ "package.json": WORKSPACE_ROOT, "apps/web/package.json": JSON.stringify({ name: "web" }), "apps/web/instrumentation.ts": REGISTER_OTEL })).toEqual([]);
    expect(member({ "package.json": "{}", "apps/web/package.json": "{}", "apps/web/next.config.mjs": "export default {};\n", "apps/web/src/instrumentation.ts": REGISTER_OTEL })).toEqual([]);
    // A member that is a server of its own takes no framework from the root; a root that is no workspace gives none.
    expect(member({ "package.json": WORKSPACE_ROOT, "apps/web/package.json": JSON.stringify({ dependencies: { express: "5" } }), "apps/web/instrumentation.ts": REGISTER_OTEL })).toHaveLength(1);
    expect(member({ "package.json": JSON.stringify({ dependencies: { next: "15.0.0" } }), "apps/web/package.json": "{}", "apps/web/instrumentation.ts": REGISTER_OTEL })).toHaveLength(1);
  });

  it("finds apps/web/instrumentation.ts of a Next.js app folder without a package.json of its own (the route's path shows the app root)", () => {
    // gaps-rules-10b: the one resolver of FRAMEWORK_PRELOADS (analysis/framework-preloads.ts), as the global slots read it;
    // before, only the package root (the workspace's) was asked, where no instrumentation.ts is.
    const inApp = (files: Record<string, string>, route = "apps/web/app/api/chat/route.ts") => {
      const root = project({ [route]: ROUTE, ...files });
      return findings(ROUTE, join(root, ...route.split("/")));
    };
    expect(inApp({ "package.json": NEXT, "apps/web/instrumentation.ts": REGISTER_OTEL })).toEqual([]);
    expect(inApp({ "package.json": NEXT, "apps/web/src/instrumentation.ts": REGISTER_OTEL }, "apps/web/src/app/api/chat/route.ts")).toEqual([]);
    // Look-alikes: an instrumentation.ts of another app folder, and one that activates nothing.
    expect(inApp({ "package.json": NEXT, "apps/admin/instrumentation.ts": REGISTER_OTEL })).toHaveLength(1);
    expect(inApp({ "package.json": NEXT, "apps/web/instrumentation.ts": `export function register() {}
` })).toHaveLength(1);
  });

  it("reports when the project is not a Next.js app, or its instrumentation.ts activates nothing", () => {
    expect(lint({ "package.json": "{}", "src/instrumentation.ts": REGISTER_OTEL })).toHaveLength(1);
    expect(lint({ "package.json": NEXT, "src/instrumentation.ts": `import { registerOTel } from "@vercel/otel";\nexport { registerOTel };\n` })).toHaveLength(1);
    expect(lint({ "package.json": NEXT })).toHaveLength(1);
  });
});
