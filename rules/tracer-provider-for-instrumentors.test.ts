import { join } from "node:path";
import { useTempProjects } from "../analysis/test-utils/temp-projects.js";
import rule, { RULE_NAME } from "./tracer-provider-for-instrumentors.js";
import { describeFixtureTruth } from "./test-utils/fixture-lint.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";

const ruleTester = createRuleTester();
const testedRule = testableRule(rule);

const HH = `import { HoneyHiveTracer } from "honeyhive";\n`;
const TRACER = `${HH}const tracer = HoneyHiveTracer.init({ project: "p" });\n`;
const REGISTER = `import { registerInstrumentations } from "@opentelemetry/instrumentation";\nimport { HttpInstrumentation } from "@opentelemetry/instrumentation-http";\n`;
const OPENINFERENCE = `import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";\n`;
const AI = `import { generateText, streamText } from "ai";\n`;
const ONE_PROVIDER = "`tracer.provider`";
const SENTRY = `import * as Sentry from "@sentry/node";\n`;
const APP = `${REGISTER}${TRACER}registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });`;
const APP_FIXED = `${REGISTER}${TRACER}registerInstrumentations({ instrumentations: [new HttpInstrumentation()], tracerProvider: tracer.provider });`;
const NOT_REACHED = [{ messageId: "missingProvider" as const, data: { label: "registerInstrumentations()", providers: ONE_PROVIDER } }];

/** A project on disk whose modules activate (or only import) a vendor's pipeline, for the cases that import them. */
const tempProject = useTempProjects("instrumentation-activation", "all");
const PROJECT = tempProject({
  "package.json": `{ "name": "app", "private": true }\n`,
  "src/instrument.ts": `${SENTRY}Sentry.init({ dsn: process.env.SENTRY_DSN, tracesSampleRate: 1 });\n`,
  "src/tracing.ts": `import { NodeSDK } from "@opentelemetry/sdk-node";\nexport const sdk = new NodeSDK({});\nsdk.start();\n`,
  "src/report.ts": `${SENTRY}export function report(error: unknown) {\n  Sentry.captureException(error);\n}\n`,
  "src/sentry-off.ts": `${SENTRY}Sentry.init({ dsn: process.env.SENTRY_DSN, skipOpenTelemetrySetup: true });\n`,
  "src/app/": "",
});
const inProject = (code: string) => ({ code, filename: join(PROJECT, "src/app/server.ts") });

ruleTester.run(RULE_NAME, testedRule, {
  valid: [
    // Given a provider (any expression is trusted).
    `${REGISTER}${TRACER}registerInstrumentations({ instrumentations: [new HttpInstrumentation()], tracerProvider: tracer.provider });`,
    `${REGISTER}${TRACER}import { provider } from "./otel";\nregisterInstrumentations({ instrumentations: [new HttpInstrumentation()], tracerProvider: provider });`,
    `${OPENINFERENCE}${TRACER}new OpenAIInstrumentation({ tracerProvider: tracer.provider }).enable();`,
    `${OPENINFERENCE}${TRACER}const instrumentation = new OpenAIInstrumentation();\ninstrumentation.setTracerProvider(tracer.provider);\ninstrumentation.enable();`,
    `${OPENINFERENCE}${TRACER}new OpenAIInstrumentation().setTracerProvider(tracer.provider);`,
    `${AI}${TRACER}export const run = (prompt: string) => generateText({ model, prompt, experimental_telemetry: { isEnabled: true, tracer: tracer.provider.getTracer("ai") } });`,
    // Telemetry that is off (the AI SDK's default), or settings the rule cannot read.
    `${AI}${TRACER}export const run = (prompt: string) => generateText({ model, prompt, experimental_telemetry: { isEnabled: false } });`,
    // ToolLoopAgent with a tracer, or telemetry off; a class of the same name that is not the AI SDK's.
    `import { ToolLoopAgent } from "ai";\n${TRACER}export const agent = new ToolLoopAgent({ model, experimental_telemetry: { isEnabled: true, tracer: tracer.provider.getTracer("ai") } });`,
    `import { ToolLoopAgent } from "ai";\n${TRACER}export const agent = new ToolLoopAgent({ model, experimental_telemetry: { isEnabled: false } });`,
    `import { ToolLoopAgent } from "./agents";\n${TRACER}export const agent = new ToolLoopAgent({ model, experimental_telemetry: { isEnabled: true } });`,
    `${AI}${TRACER}export const run = (prompt: string) => generateText({ model, prompt, experimental_telemetry: { functionId: "run" } });`,
    `${AI}${TRACER}import { telemetry } from "./telemetry";\nexport const run = (prompt: string) => streamText({ model, prompt, experimental_telemetry: telemetry });`,
    `${AI}${TRACER}export const run = (prompt: string) => generateText({ model, prompt, experimental_telemetry: { ...defaults, isEnabled: true } });`,
    // Options the rule cannot read: a variable, a spread.
    `${REGISTER}${TRACER}import { options } from "./otel";\nregisterInstrumentations(options);`,
    `${REGISTER}${TRACER}import { shared } from "./otel";\nregisterInstrumentations({ ...shared, instrumentations: [new HttpInstrumentation()] });`,
    // … a prototype or a computed key that may carry the provider.
    `${REGISTER}${TRACER}import { shared } from "./otel";\nregisterInstrumentations({ __proto__: shared, instrumentations: [new HttpInstrumentation()] });`,
    `${REGISTER}${TRACER}import { key, provider } from "./otel";\nregisterInstrumentations({ [key]: provider, instrumentations: [new HttpInstrumentation()] });`,
    `${OPENINFERENCE}${TRACER}import { shared } from "./otel";\nnew OpenAIInstrumentation({ __proto__: shared }).enable();`,
    `${AI}${TRACER}import { defaults } from "./telemetry";\nexport const run = (prompt: string) => generateText({ model, prompt, experimental_telemetry: { __proto__: defaults, isEnabled: true } });`,
    // The instance goes where the rule cannot follow: another call, an export, a return.
    `${REGISTER}${TRACER}import { setUp } from "./otel";\nsetUp(new HttpInstrumentation());`,
    `${OPENINFERENCE}${TRACER}export const instrumentation = new OpenAIInstrumentation();\ninstrumentation.enable();`,
    `${OPENINFERENCE}${TRACER}const instrumentation = new OpenAIInstrumentation();\nexport default instrumentation;`,
    `${OPENINFERENCE}${TRACER}export function make() { return new OpenAIInstrumentation(); }`,
    // A file with an OpenTelemetry pipeline of its own (NodeSDK, a provider it registers): its instrumentations go there.
    `import { NodeSDK } from "@opentelemetry/sdk-node";\n${REGISTER}${TRACER}new NodeSDK({ instrumentations: [new HttpInstrumentation()] }).start();\nregisterInstrumentations({ instrumentations: [] });`,
    `import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";\n${REGISTER}${TRACER}new NodeTracerProvider().register();\nregisterInstrumentations({ instrumentations: [new HttpInstrumentation()] });`,
    // A provider registered globally in the file: providerless instrumentations record into it.
    `import { trace } from "@opentelemetry/api";\n${REGISTER}${TRACER}trace.setGlobalTracerProvider(tracer.provider);\nregisterInstrumentations({ instrumentations: [new HttpInstrumentation()] });`,
    `import * as api from "@opentelemetry/api";\n${OPENINFERENCE}${TRACER}api.trace.setGlobalTracerProvider(tracer.provider);\nnew OpenAIInstrumentation().enable();`,
    // A vendor's pipeline activated in the file: Sentry.init (the Sentry docs' registerInstrumentations after it), through a
    // namespace, a named and a default import, in require form, in Next.js's register(); the other vendors' activations.
    `${SENTRY}${APP}\nSentry.init({ dsn: "d", tracesSampleRate: 1 });`,
    `import { init } from "@sentry/nextjs";\n${APP}\ninit({ dsn: "d" });`,
    `const Sentry = require("@sentry/aws-serverless");\n${APP}\nSentry.init({ dsn: process.env.SENTRY_DSN });`,
    `import { options } from "./sentry-options";\n${SENTRY}${APP}\nSentry.init(options);`,
    `import "@sentry/node/init";\n${APP}`,
    `import { useAzureMonitor } from "@azure/monitor-opentelemetry";\n${APP}\nuseAzureMonitor();`,
    `import * as appInsights from "applicationinsights";\n${APP}\nappInsights.setup(process.env.CS).setAutoCollectExceptions(true).start();`,
    `import { registerOTel } from "@vercel/otel";\n${REGISTER}${TRACER}export function register() {\n  registerOTel({ serviceName: "app" });\n  registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });\n}`,
    `import "@opentelemetry/auto-instrumentations-node/register";\n${APP}`,
    `import "@elastic/opentelemetry-node";\n${APP}`,
    `const tracerDd = require("dd-trace").init();\nconst { TracerProvider } = tracerDd;\nnew TracerProvider().register();\n${APP}`,
    // … or in a project module the file loads, for its effect or for one of its bindings.
    inProject(`import "../instrument";\n${APP}`),
    inProject(`import { sdk } from "../tracing";\n${APP}\nexport { sdk };`),
    // No HoneyHive tracer in the file: a plain OpenTelemetry app.
    `${REGISTER}registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });`,
    `${OPENINFERENCE}new OpenAIInstrumentation().enable();`,
    `${AI}export const run = (prompt: string) => generateText({ model, prompt, experimental_telemetry: { isEnabled: true } });`,
    // Look-alikes: local functions and classes of the same names, another package's registerInstrumentations.
    `${TRACER}function registerInstrumentations(options: object) { return options; }\nregisterInstrumentations({ instrumentations: [] });`,
    `${TRACER}class HttpInstrumentation { enable() {} }\nnew HttpInstrumentation().enable();`,
    `${TRACER}import { registerInstrumentations } from "./instrumentation";\nregisterInstrumentations({ instrumentations: [] });`,
    `${TRACER}import { generateText } from "./llm";\nexport const run = () => generateText({ experimental_telemetry: { isEnabled: true } });`,
    `${TRACER}import { OpenAIInstrumentation } from "@arizeai/openinference-semantic-conventions";\nnew OpenAIInstrumentation();`,
    // honeyhive 1.x (an awaited init): its tracer registered Traceloop's provider globally, and has no \`provider\`.
    `${REGISTER}${HH}const tracer = await HoneyHiveTracer.init({ project: "p" });\nregisterInstrumentations({ instrumentations: [new HttpInstrumentation()] });`,
    {
      code: `${REGISTER}${TRACER}registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });`,
      settings: { honeyhive: { sdkVersion: 1 } },
    },
  ],
  invalid: [
    // rules-12: a tracer in a static field of a class of the file is the candidate, written as the class reads it; look-alikes:
    // an instrumentation above the class at load (the field is not initialized yet), a class of another scope.
    {
      code: `${REGISTER}${HH}class Obs {\n  static tracer = HoneyHiveTracer.init({ project: "p" });\n}\nregisterInstrumentations({ instrumentations: [new HttpInstrumentation()] });`,
      output: `${REGISTER}${HH}class Obs {\n  static tracer = HoneyHiveTracer.init({ project: "p" });\n}\nregisterInstrumentations({ instrumentations: [new HttpInstrumentation()], tracerProvider: Obs.tracer.provider });`,
      errors: [{ messageId: "missingProvider", data: { label: "registerInstrumentations()", providers: "`Obs.tracer.provider`" } }],
    },
    {
      code: `${REGISTER}${HH}registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });\nclass Obs {\n  static tracer = HoneyHiveTracer.init({ project: "p" });\n}\nexport { Obs };`,
      output: null,
      errors: [{ messageId: "missingProvider", data: { label: "registerInstrumentations()", providers: "none is in scope here; pass one in or initialize the tracer first" } }],
    },
    {
      code: `${REGISTER}${HH}export function make() {\n  class Obs {\n    static tracer = HoneyHiveTracer.init({ project: "p" });\n  }\n  return Obs;\n}\nregisterInstrumentations({ instrumentations: [new HttpInstrumentation()] });`,
      output: null,
      errors: [{ messageId: "missingProvider", data: { label: "registerInstrumentations()", providers: "none is in scope here; pass one in or initialize the tracer first" } }],
    },
    // A vendor's package imported, not activated: its global provider is the no-op one (was: the import silenced the rule).
    { code: `${SENTRY}${APP}\nexport const report = (error: unknown) => Sentry.captureException(error);`, output: `${SENTRY}${APP_FIXED}\nexport const report = (error: unknown) => Sentry.captureException(error);`, errors: NOT_REACHED },
    { code: `import type { Span } from "@sentry/node";\n${APP}\nexport type S = Span;`, output: `import type { Span } from "@sentry/node";\n${APP_FIXED}\nexport type S = Span;`, errors: NOT_REACHED },
    { code: `${SENTRY}${APP}\nSentry.init({ dsn: "d", skipOpenTelemetrySetup: true });`, output: `${SENTRY}${APP_FIXED}\nSentry.init({ dsn: "d", skipOpenTelemetrySetup: true });`, errors: NOT_REACHED },
    // Sentry's preload hook wraps modules early and initializes nothing.
    { code: `import "@sentry/node/preload";\n${APP}`, output: `import "@sentry/node/preload";\n${APP_FIXED}`, errors: NOT_REACHED },
    { code: `import { NodeSDK } from "@opentelemetry/sdk-node";\n${APP}\nexport const sdk = new NodeSDK({});`, output: `import { NodeSDK } from "@opentelemetry/sdk-node";\n${APP_FIXED}\nexport const sdk = new NodeSDK({});`, errors: NOT_REACHED },
    // Look-alikes of an activation: a local init, Sentry from another module, start() on an unrelated object.
    { code: `${SENTRY}${APP}\nfunction init(options: object) { return options; }\ninit({ dsn: "d" });\nexport { Sentry };`, output: `${SENTRY}${APP_FIXED}\nfunction init(options: object) { return options; }\ninit({ dsn: "d" });\nexport { Sentry };`, errors: NOT_REACHED },
    { code: `import * as Sentry from "./sentry";\n${APP}\nSentry.init({ dsn: "d" });`, output: `import * as Sentry from "./sentry";\n${APP_FIXED}\nSentry.init({ dsn: "d" });`, errors: NOT_REACHED },
    { code: `import { NodeSDK } from "@opentelemetry/sdk-node";\nimport { server } from "./server";\n${APP}\nserver.start();\nexport { NodeSDK };`, output: `import { NodeSDK } from "@opentelemetry/sdk-node";\nimport { server } from "./server";\n${APP_FIXED}\nserver.start();\nexport { NodeSDK };`, errors: NOT_REACHED },
    // A project module that only imports the vendor, opts out, or is imported for its types.
    { ...inProject(`import { report } from "../report";\n${APP}\nreport(1);`), output: `import { report } from "../report";\n${APP_FIXED}\nreport(1);`, errors: NOT_REACHED },
    { ...inProject(`import "../sentry-off";\n${APP}`), output: `import "../sentry-off";\n${APP_FIXED}`, errors: NOT_REACHED },
    { ...inProject(`import type { sdk } from "../tracing";\n${APP}\nexport type S = typeof sdk;`), output: `import type { sdk } from "../tracing";\n${APP_FIXED}\nexport type S = typeof sdk;`, errors: NOT_REACHED },
    {
      code: `${REGISTER}${TRACER}registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });`,
      output: `${REGISTER}${TRACER}registerInstrumentations({ instrumentations: [new HttpInstrumentation()], tracerProvider: tracer.provider });`,
      errors: [{ messageId: "missingProvider", data: { label: "registerInstrumentations()", providers: ONE_PROVIDER }, line: 5, column: 1, endLine: 5 }],
    },
    // A look-alike global registration (a project helper of the same name) does not silence it.
    {
      code: `${REGISTER}${TRACER}import { trace } from "./otel";\ntrace.setGlobalTracerProvider(tracer.provider);\nregisterInstrumentations({ instrumentations: [] });`,
      output: `${REGISTER}${TRACER}import { trace } from "./otel";\ntrace.setGlobalTracerProvider(tracer.provider);\nregisterInstrumentations({ instrumentations: [], tracerProvider: tracer.provider });`,
      errors: [{ messageId: "missingProvider" }],
    },
    // registerInstrumentations() without a provider hands every instrumentation the global one, replacing a constructor's.
    {
      code: `${REGISTER}${OPENINFERENCE}${TRACER}registerInstrumentations({ instrumentations: [new OpenAIInstrumentation({ tracerProvider: tracer.provider })] });`,
      output: `${REGISTER}${OPENINFERENCE}${TRACER}registerInstrumentations({ instrumentations: [new OpenAIInstrumentation({ tracerProvider: tracer.provider })], tracerProvider: tracer.provider });`,
      errors: [{ messageId: "missingProvider", data: { label: "registerInstrumentations()", providers: ONE_PROVIDER } }],
    },
    // Namespace import and CommonJS require of the same function.
    {
      code: `import * as instr from "@opentelemetry/instrumentation";\n${TRACER}instr.registerInstrumentations({ instrumentations: [] });`,
      output: `import * as instr from "@opentelemetry/instrumentation";\n${TRACER}instr.registerInstrumentations({ instrumentations: [], tracerProvider: tracer.provider });`,
      errors: [{ messageId: "missingProvider", data: { label: "registerInstrumentations()", providers: ONE_PROVIDER } }],
    },
    {
      code: `const { registerInstrumentations: register } = require("@opentelemetry/instrumentation");\nconst { HoneyHiveTracer } = require("honeyhive");\nconst tracer = HoneyHiveTracer.init();\nregister({ instrumentations: [] });`,
      output: `const { registerInstrumentations: register } = require("@opentelemetry/instrumentation");\nconst { HoneyHiveTracer } = require("honeyhive");\nconst tracer = HoneyHiveTracer.init();\nregister({ instrumentations: [], tracerProvider: tracer.provider });`,
      errors: [{ messageId: "missingProvider", data: { label: "registerInstrumentations()", providers: ONE_PROVIDER } }],
    },
    // Inside a setup function, with the module's tracer in scope.
    {
      code: `${REGISTER}${TRACER}export function setUp() {\n  registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });\n}`,
      output: `${REGISTER}${TRACER}export function setUp() {\n  registerInstrumentations({ instrumentations: [new HttpInstrumentation()], tracerProvider: tracer.provider });\n}`,
      errors: [{ messageId: "missingProvider", line: 6, column: 3 }],
    },
    // OpenInference: the constructor takes the provider.
    {
      code: `${OPENINFERENCE}${TRACER}new OpenAIInstrumentation();`,
      output: `${OPENINFERENCE}${TRACER}new OpenAIInstrumentation({ tracerProvider: tracer.provider });`,
      errors: [{ messageId: "missingProvider", data: { label: "new OpenAIInstrumentation()", providers: ONE_PROVIDER }, line: 4, column: 1 }],
    },
    {
      code: `${OPENINFERENCE}${TRACER}import OpenAI from "openai";\nnew OpenAIInstrumentation({ traceConfig: { hideInputs: true } }).manuallyInstrument(OpenAI);`,
      output: `${OPENINFERENCE}${TRACER}import OpenAI from "openai";\nnew OpenAIInstrumentation({ traceConfig: { hideInputs: true }, tracerProvider: tracer.provider }).manuallyInstrument(OpenAI);`,
      errors: [{ messageId: "missingProvider", data: { label: "new OpenAIInstrumentation()", providers: ONE_PROVIDER } }],
    },
    // An OpenTelemetry class used in place: no variable to call setTracerProvider() on, so no fix.
    {
      code: `${REGISTER}${TRACER}new HttpInstrumentation().enable();`,
      output: null,
      errors: [{ messageId: "missingProvider", data: { label: "new HttpInstrumentation()", providers: ONE_PROVIDER }, suggestions: [] }],
    },
    // AI SDK telemetry, with the tracer imported from a project module that cannot be read here: its name
    // is a guess, so a suggestion (fixtures/…/openinference-manually-instrument has the module: a fix).
    {
      code: `${AI}import { tracer } from "./tracing";\nexport const run = (prompt: string) => streamText({ model, prompt, experimental_telemetry: { isEnabled: true } });`,
      output: null,
      errors: [
        {
          messageId: "telemetryWithoutTracer",
          data: { label: "streamText()", providers: ONE_PROVIDER },
          line: 3,
          column: 68,
          suggestions: [{ messageId: "passProvider", output: `${AI}import { tracer } from "./tracing";\nexport const run = (prompt: string) => streamText({ model, prompt, experimental_telemetry: { isEnabled: true, tracer: tracer.provider.getTracer("ai") } });` }],
        },
      ],
    },
    // AI SDK 6: a ToolLoopAgent passes its telemetry settings to the calls of its loop (ai@6.0.41
    // src/agent/tool-loop-agent-settings.ts).
    {
      code: `import { ToolLoopAgent } from "ai";\nimport { tracer } from "./tracing";\nexport const agent = new ToolLoopAgent({ model, tools: {}, experimental_telemetry: { isEnabled: true } });`,
      output: null,
      errors: [
        {
          messageId: "telemetryWithoutTracer",
          data: { label: "new ToolLoopAgent()", providers: ONE_PROVIDER },
          line: 3,
          suggestions: [{ messageId: "passProvider", output: `import { ToolLoopAgent } from "ai";\nimport { tracer } from "./tracing";\nexport const agent = new ToolLoopAgent({ model, tools: {}, experimental_telemetry: { isEnabled: true, tracer: tracer.provider.getTracer("ai") } });` }],
        },
      ],
    },
    // A lazy getter: calling it at load would create the tracer early, so only a suggestion.
    {
      code: `${REGISTER}${HH}let tracer: HoneyHiveTracer | undefined;\nexport function getTracer() { return (tracer ??= HoneyHiveTracer.init()); }\nregisterInstrumentations({ instrumentations: [] });`,
      output: null,
      errors: [
        {
          messageId: "missingProvider",
          data: { label: "registerInstrumentations()", providers: "`getTracer().provider`" },
          suggestions: [
            {
              messageId: "passProvider",
              data: { provider: "getTracer().provider" },
              output: `${REGISTER}${HH}let tracer: HoneyHiveTracer | undefined;\nexport function getTracer() { return (tracer ??= HoneyHiveTracer.init()); }\nregisterInstrumentations({ instrumentations: [], tracerProvider: getTracer().provider });`,
            },
          ],
        },
      ],
    },
    // Two tracers: one suggestion each.
    {
      code: `${REGISTER}${HH}const a = HoneyHiveTracer.init({ project: "a" });\nconst b = HoneyHiveTracer.init({ project: "b" });\nregisterInstrumentations({ instrumentations: [] });`,
      output: null,
      errors: [
        {
          messageId: "missingProvider",
          data: { label: "registerInstrumentations()", providers: "`a.provider` or `b.provider`" },
          suggestions: [
            {
              messageId: "passProvider",
              data: { provider: "a.provider" },
              output: `${REGISTER}${HH}const a = HoneyHiveTracer.init({ project: "a" });\nconst b = HoneyHiveTracer.init({ project: "b" });\nregisterInstrumentations({ instrumentations: [], tracerProvider: a.provider });`,
            },
            {
              messageId: "passProvider",
              data: { provider: "b.provider" },
              output: `${REGISTER}${HH}const a = HoneyHiveTracer.init({ project: "a" });\nconst b = HoneyHiveTracer.init({ project: "b" });\nregisterInstrumentations({ instrumentations: [], tracerProvider: b.provider });`,
            },
          ],
        },
      ],
    },
    // Set up before the tracer exists: moved below the init, with the provider.
    {
      code: `${REGISTER}${HH}registerInstrumentations({ instrumentations: [] });\nconst tracer = HoneyHiveTracer.init();\nexport default tracer;`,
      output: null,
      errors: [
        {
          messageId: "beforeTracer",
          data: { label: "registerInstrumentations()", tracer: "tracer", provider: "tracer.provider" },
          line: 4,
          suggestions: [
            {
              messageId: "moveBelowInit",
              data: { provider: "tracer.provider" },
              output: `${REGISTER}${HH}const tracer = HoneyHiveTracer.init();\n\nregisterInstrumentations({ instrumentations: [], tracerProvider: tracer.provider });\nexport default tracer;`,
            },
          ],
        },
      ],
    },
    // Before the tracer, with code in between that must keep running after the instrumentation (a require of the instrumented library): no move.
    {
      code: `${OPENINFERENCE}${HH}new OpenAIInstrumentation();\nconst OpenAI = require("openai");\nconst tracer = HoneyHiveTracer.init();\nexport { tracer, OpenAI };`,
      output: null,
      errors: [{ messageId: "beforeTracer", data: { label: "new OpenAIInstrumentation()", tracer: "tracer", provider: "tracer.provider" }, suggestions: [] }],
    },
    // A variable the move would read before its declaration: no move.
    {
      code: `${REGISTER}${HH}const unregister = registerInstrumentations({ instrumentations: [] });\nconst hooks = { unregister };\nconst tracer = HoneyHiveTracer.init();\nexport { tracer, hooks };`,
      output: null,
      errors: [{ messageId: "beforeTracer", suggestions: [] }],
    },
  ],
});

describeFixtureTruth(RULE_NAME, rule);

// fix-blind10: the file's only tracer is a member of a project module it holds whole (`tracing.tracer`).
const HELD_PROJECT = useTempProjects("provider-held-tracer", "all")({
  "package.json": `{ "name": "app", "private": true, "type": "commonjs" }\n`,
  "src/tracing.js": `const hh = require("honeyhive");\n\nexports.tracer = hh.HoneyHiveTracer.init({ project: "p" });\n`,
  "src/otel.js": `const { trace } = require("@opentelemetry/api");\n\nexports.tracer = trace.getTracer("app");\n`,
});
const REGISTER_CJS = `const { registerInstrumentations } = require("@opentelemetry/instrumentation");\nconst { HttpInstrumentation } = require("@opentelemetry/instrumentation-http");\n`;
const heldIn = (module: string, exported = "tracing.tracer") =>
  `${REGISTER_CJS}const tracing = require("${module}");\n\nregisterInstrumentations({ instrumentations: [new HttpInstrumentation()] });\nmodule.exports = { tracer: ${exported} };\n`;
ruleTester.run(`${RULE_NAME} (a tracer held by a required module)`, testedRule, {
  valid: [
    // The module's `tracer` is OpenTelemetry's, not HoneyHive's: no HoneyHive tracer in the file.
    { code: heldIn("./otel"), filename: join(HELD_PROJECT, "src/instrument.js") },
    // Given the held tracer's provider.
    { code: heldIn("./tracing").replace("new HttpInstrumentation()] }", "new HttpInstrumentation()], tracerProvider: tracing.tracer.provider }"), filename: join(HELD_PROJECT, "src/instrument.js") },
  ],
  invalid: [
    {
      code: heldIn("./tracing"),
      filename: join(HELD_PROJECT, "src/instrument.js"),
      output: heldIn("./tracing").replace("new HttpInstrumentation()] }", "new HttpInstrumentation()], tracerProvider: tracing.tracer.provider }"),
      errors: [{ messageId: "missingProvider", data: { label: "registerInstrumentations()", providers: "`tracing.tracer.provider`" } }],
    },
  ],
});

// AI SDK 7: spans go through telemetry integrations (`registerTelemetry(new OpenTelemetry())`, @ai-sdk/otel), whose
// constructor takes the tracer (without one: the global provider's `gen_ai` tracer); a `tracer` in the call's
// `telemetry` / `experimental_telemetry` is no longer read (vercel/ai migration-guide-7-0 "`tracer` Property Removed").
const AI_PROJECTS = useTempProjects("provider-ai-versions", "all");
const AI7 = AI_PROJECTS({ "package.json": `{ "name": "app", "private": true, "dependencies": { "ai": "^7.0.0", "@ai-sdk/otel": "^1.0.0" } }\n`, "src/": "" });
const AI6 = AI_PROJECTS({ "package.json": `{ "name": "app", "private": true, "dependencies": { "ai": "^6.0.0" } }\n`, "src/": "" });
const OTEL_AI = `import { registerTelemetry } from "ai";\nimport { OpenTelemetry } from "@ai-sdk/otel";\n`;
const GEN_AI = `tracer: tracer.provider.getTracer("gen_ai")`;
const in7 = (code: string) => ({ code, filename: join(AI7, "src/instrumentation.ts") });
const in6 = (code: string) => ({ code, filename: join(AI6, "src/instrumentation.ts") });
ruleTester.run(`${RULE_NAME} (AI SDK 7 telemetry integrations)`, testedRule, {
  valid: [
    // Given a tracer (any expression is trusted), or options the rule cannot read.
    in7(`${OTEL_AI}${TRACER}registerTelemetry(new OpenTelemetry({ ${GEN_AI} }));`),
    in7(`${OTEL_AI}${TRACER}registerTelemetry(new OpenTelemetry({ tracer }));`),
    in7(`${OTEL_AI}${TRACER}import { options } from "./otel";\nregisterTelemetry(new OpenTelemetry(options));`),
    in7(`${OTEL_AI}${TRACER}import { options } from "./otel";\nregisterTelemetry(new OpenTelemetry({ ...options }));`),
    // A class named OpenTelemetry of another package or of the project; a type-only import.
    in7(`import { registerTelemetry } from "ai";\nimport { OpenTelemetry } from "./telemetry";\n${TRACER}registerTelemetry(new OpenTelemetry());`),
    in7(`import { registerTelemetry } from "ai";\nimport { OpenTelemetry } from "@opentelemetry/sdk-node";\n${TRACER}registerTelemetry(new OpenTelemetry());`),
    in7(`${TRACER}class OpenTelemetry {}\nexport const otel = [new OpenTelemetry()];`),
    // A program without a HoneyHive tracer.
    in7(`${OTEL_AI}registerTelemetry(new OpenTelemetry());`),
    // The instance goes where the rule cannot follow: exported, handed to another function.
    in7(`${OTEL_AI}${TRACER}export const otel = new OpenTelemetry();\nregisterTelemetry(otel);`),
    in7(`${OTEL_AI}${TRACER}import { setUp } from "./otel";\nsetUp(new OpenTelemetry());`),
    // A global pipeline of the program's own: the integration's global tracer reaches it.
    in7(`${OTEL_AI}import { registerOTel } from "@vercel/otel";\n${TRACER}registerOTel({ serviceName: "app" });\nregisterTelemetry(new OpenTelemetry());`),
    // ai 7 settings without a tracer: the tracer belongs to the integration, reported where it is made.
    in7(`import { generateText } from "ai";\n${TRACER}export const run = (prompt: string) => generateText({ model, prompt, telemetry: { functionId: "run" } });`),
    in7(`import { generateText } from "ai";\n${TRACER}export const run = (prompt: string) => generateText({ model, prompt, experimental_telemetry: { isEnabled: true } });`),
    // Telemetry off: the tracer left there does nothing.
    in7(`import { generateText } from "ai";\n${TRACER}export const run = (prompt: string) => generateText({ model, prompt, telemetry: { isEnabled: false, tracer: tracer.provider.getTracer("ai") } });`),
    // ai 6 keeps reading the settings' tracer.
    in6(`import { generateText } from "ai";\n${TRACER}export const run = (prompt: string) => generateText({ model, prompt, experimental_telemetry: { isEnabled: true, tracer: tracer.provider.getTracer("ai") } });`),
  ],
  invalid: [
    {
      ...in7(`${OTEL_AI}${TRACER}registerTelemetry(new OpenTelemetry());`),
      output: `${OTEL_AI}${TRACER}registerTelemetry(new OpenTelemetry({ ${GEN_AI} }));`,
      errors: [{ messageId: "integrationWithoutTracer", data: { label: "new OpenTelemetry()", providers: '`tracer.provider.getTracer("gen_ai")`' }, line: 5, column: 19 }],
    },
    // Options without a tracer; the legacy integration, whose spans are ai 6's `ai.*` ones under the `ai` tracer.
    {
      ...in7(`${OTEL_AI}${TRACER}registerTelemetry(new OpenTelemetry({ usage: true }));`),
      output: `${OTEL_AI}${TRACER}registerTelemetry(new OpenTelemetry({ usage: true, ${GEN_AI} }));`,
      errors: [{ messageId: "integrationWithoutTracer" }],
    },
    {
      ...in7(`import { registerTelemetry } from "ai";\nimport { LegacyOpenTelemetry as Legacy } from "@ai-sdk/otel";\n${TRACER}registerTelemetry(new Legacy({}));`),
      output: `import { registerTelemetry } from "ai";\nimport { LegacyOpenTelemetry as Legacy } from "@ai-sdk/otel";\n${TRACER}registerTelemetry(new Legacy({ tracer: tracer.provider.getTracer("ai") }));`,
      errors: [{ messageId: "integrationWithoutTracer", data: { label: "new LegacyOpenTelemetry()", providers: '`tracer.provider.getTracer("ai")`' } }],
    },
    // Given per call, in `telemetry: { integrations }`, and through a variable used only there.
    {
      ...in7(`import { generateText } from "ai";\nimport { OpenTelemetry } from "@ai-sdk/otel";\n${TRACER}export const run = (prompt: string) => generateText({ model, prompt, telemetry: { integrations: [new OpenTelemetry()] } });`),
      output: `import { generateText } from "ai";\nimport { OpenTelemetry } from "@ai-sdk/otel";\n${TRACER}export const run = (prompt: string) => generateText({ model, prompt, telemetry: { integrations: [new OpenTelemetry({ ${GEN_AI} })] } });`,
      errors: [{ messageId: "integrationWithoutTracer" }],
    },
    {
      ...in7(`${OTEL_AI}${TRACER}const otel = new OpenTelemetry();\nregisterTelemetry(otel);`),
      output: `${OTEL_AI}${TRACER}const otel = new OpenTelemetry({ ${GEN_AI} });\nregisterTelemetry(otel);`,
      errors: [{ messageId: "integrationWithoutTracer" }],
    },
    // Registered before the tracer exists: moved below the init, with the tracer.
    {
      ...in7(`${OTEL_AI}${HH}registerTelemetry(new OpenTelemetry());\nconst tracer = HoneyHiveTracer.init();\nexport default tracer;`),
      output: null,
      errors: [
        {
          messageId: "beforeTracer",
          data: { label: "new OpenTelemetry()", tracer: "tracer", provider: 'tracer.provider.getTracer("gen_ai")' },
          suggestions: [
            {
              messageId: "moveBelowInit",
              output: `${OTEL_AI}${HH}const tracer = HoneyHiveTracer.init();\n\nregisterTelemetry(new OpenTelemetry({ ${GEN_AI} }));\nexport default tracer;`,
            },
          ],
        },
      ],
    },
    // ai 7 no longer reads a tracer in the settings (either key): reported, for a person to move to the integration.
    {
      ...in7(`import { generateText } from "ai";\n${TRACER}export const run = (prompt: string) => generateText({ model, prompt, experimental_telemetry: { isEnabled: true, tracer: tracer.provider.getTracer("ai") } });`),
      output: null,
      errors: [{ messageId: "ignoredTracer", data: { label: "generateText()", option: "experimental_telemetry", integration: "new OpenTelemetry({ tracer }) of @ai-sdk/otel" }, line: 4, column: 113 }],
    },
    {
      ...in7(`import { streamText } from "ai";\n${TRACER}export const run = (prompt: string) => streamText({ model, prompt, telemetry: { tracer: tracer.provider.getTracer("ai") } });`),
      output: null,
      errors: [{ messageId: "ignoredTracer", data: { label: "streamText()", option: "telemetry", integration: "new OpenTelemetry({ tracer }) of @ai-sdk/otel" } }],
    },
    // A project that declares no `ai` version, whose file imports @ai-sdk/otel (ai 7 only): read as ai 7.
    {
      code: `import { generateText } from "ai";\nimport { OpenTelemetry } from "@ai-sdk/otel";\n${TRACER}export const run = (prompt: string) => generateText({ model, prompt, experimental_telemetry: { isEnabled: true, integrations: [new OpenTelemetry({ ${GEN_AI} })], tracer: tracer.provider.getTracer("ai") } });`,
      output: null,
      errors: [{ messageId: "ignoredTracer" }],
    },
    // ai 6 keeps today's fix: the tracer goes into the settings.
    {
      ...in6(`import { generateText } from "ai";\n${TRACER}export const run = (prompt: string) => generateText({ model, prompt, experimental_telemetry: { isEnabled: true } });`),
      output: `import { generateText } from "ai";\n${TRACER}export const run = (prompt: string) => generateText({ model, prompt, experimental_telemetry: { isEnabled: true, tracer: tracer.provider.getTracer("ai") } });`,
      errors: [{ messageId: "telemetryWithoutTracer" }],
    },
  ],
});
