// The rules on a project whose tracer lives in its own modules (fixtures/cross-file/app): what they
// learn from the modules a linted file imports, one module deep (analysis/project-modules.ts), changes
// the verdict. Each case is also linted as a file outside any project (the imports then resolve to
// nothing), to show that the verdict comes from the imported module and not from the file alone.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "../fixtures/index.js";
import { mayImportOtelPipeline } from "../analysis/flush-calls.js";
import { parseAnalysisInput } from "../analysis/parse-input.js";
import { NODE_FILE_SYSTEM, ProjectModules, setProjectModules } from "../analysis/project-modules.js";
import { useTempProjects } from "../analysis/test-utils/temp-projects.js";
import evaluateRule, { RULE_NAME as EVALUATE_RULE } from "./no-global-tracer-with-evaluate.js";
import sessionRule, { RULE_NAME as SESSION_RULE } from "./no-session-start-in-handler.js";
import flushRule, { RULE_NAME as FLUSH_RULE } from "./require-force-flush-in-lambda.js";
import { Linter } from "eslint";
import { configForRule, lintWithRule } from "./test-utils/fixture-lint.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";

const APP = join(FIXTURES_DIR, "cross-file", "app");
const file = (path: string) => ({ filename: join(APP, path), code: readFileSync(join(APP, path), "utf8") });
/**
 * A Lambda whose tracer getter (src/lib/tracer-factory.ts) makes a new tracer per call. Kept here, not
 * on disk: `migrate` ends such a handler with a review marker, and `npm run demo` lists every marker.
 */
const FACTORY_GETTER = {
  filename: join(APP, "src/lambda/factory-getter.ts"),
  code: `import type { APIGatewayProxyEvent, APIGatewayProxyResult } from "aws-lambda";
import { getTracer } from "../lib/tracer-factory.js";

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  getTracer().enrichSession({ metadata: { path: event.path } });
  return { statusCode: 200, body: "{}" };
};
`,
};
/** The same text as a file of no project: nothing to follow. */
const alone = (path: string) => join("no-such-project", path);

const ruleTester = createRuleTester();

describe("no-session-start-in-handler across files", () => {
  ruleTester.run(SESSION_RULE, testableRule(sessionRule), {
    valid: [file("src/routes/chat-request-scoped.ts")],
    invalid: [
      {
        ...file("src/routes/chat-neutral-getter.ts"),
        output: file("src/routes/chat-neutral-getter.ts").code.replace("obs().sessionStart(", "obs().createSession("),
        errors: [{ messageId: "sessionStartInHandler", data: { tracer: "obs()", handler: "Express handler", unit: "request" }, line: 9 }],
      },
      {
        ...file("src/routes/chat-session-helper.ts"),
        output: null,
        errors: [
          {
            messageId: "sessionStartInImportedHelper",
            data: { helper: "openChatSession", tracer: "tracer", method: "sessionStart", location: "src/lib/sessions.ts:4", handler: "Express handler", unit: "request" },
            line: 9,
            column: 21,
            endColumn: 36,
          },
        ],
      },
    ],
  });

  it("without the imported modules, neither is reported (a neutral name, a helper of unknown body)", () => {
    for (const path of ["src/routes/chat-neutral-getter.ts", "src/routes/chat-session-helper.ts"]) {
      expect(lintWithRule(SESSION_RULE, sessionRule, file(path).code, alone(path))).toEqual([]);
    }
  });
});

describe("no-session-start-in-handler: what it asks of the imported modules", () => {
  let restore: ProjectModules | undefined;
  afterEach(() => {
    if (restore) setProjectModules(restore);
  });

  it("reads no module for a call of an imported helper outside every function (no handler can hold it)", () => {
    const reads: string[] = [];
    // Modules only: the project's package.json is read through the same reader (the deployment configuration's walk).
    const isModule = (path: string) => /\.[cm]?[jt]sx?$/.test(path);
    restore = setProjectModules(new ProjectModules({ ...NODE_FILE_SYSTEM, readFile: (path) => (isModule(path) && reads.push(path), NODE_FILE_SYSTEM.readFile(path)) }));
    const code = `import { openChatSession } from "../lib/sessions.js";\nexport const bootSession = openChatSession("boot");\n`;
    expect(lintWithRule(SESSION_RULE, sessionRule, code, join(APP, "src/routes/boot.ts"))).toEqual([]);
    expect(reads).toEqual([]);
    // Nor inside a function of a file that can hold no handler (no framework import, no entry export, no routed path).
    const later = `${code}export function later() { return openChatSession("later"); }\n`;
    lintWithRule(SESSION_RULE, sessionRule, later, join(APP, "src/routes/boot.ts"));
    expect(reads).toEqual([]);
    // Once it may hold one (it imports Express), the module is read (the handler model is asked only when it says something).
    lintWithRule(SESSION_RULE, sessionRule, `import express from "express";\n${later}`, join(APP, "src/routes/boot.ts"));
    expect(reads).toContain(join(APP, "src/lib/sessions.ts"));
  });
});

describe("require-force-flush-in-lambda across files", () => {
  ruleTester.run(FLUSH_RULE, testableRule(flushRule), {
    valid: [file("src/lambda/flush-through-barrel.ts")],
    invalid: [
      {
        ...file("src/lambda/flush-sometimes.ts"),
        errors: [
          {
            messageId: "missingFlush",
            line: 7,
            suggestions: [
              {
                messageId: "wrapInTryFinally",
                data: { flush: "tracer.forceFlush()" },
                output: file("src/lambda/flush-sometimes.ts").code.replace(
                  /  tracer\.createSession[\s\S]*?body: "\{\}" \};\n/,
                  (body) => `  try {\n${body.replace(/^(?=.)/gm, "  ")}  } finally {\n    await tracer.forceFlush();\n  }\n`,
                ),
              },
            ],
          },
        ],
      },
      // A factory getter: no suggestion writes `getTracer().forceFlush()` (a new tracer, nothing to flush).
      { ...FACTORY_GETTER, errors: [{ messageId: "missingFlush", line: 4, suggestions: [] }] },
    ],
  });

  it("without the imported modules, the barrel's flush is unknown and the named getter is taken for a caching one", () => {
    const barrel = "src/lambda/flush-through-barrel.ts";
    expect(lintWithRule(FLUSH_RULE, flushRule, file(barrel).code, alone(barrel)).map((message) => message.messageId)).toEqual(["missingFlush"]);
    const [message] = lintWithRule(FLUSH_RULE, flushRule, FACTORY_GETTER.code, alone("src/lambda/factory-getter.ts"));
    expect(message?.suggestions?.map((suggestion) => suggestion.fix.text).join("")).toContain("getTracer().forceFlush()");
  });
});

describe("no-global-tracer-with-evaluate across files", () => {
  ruleTester.run(EVALUATE_RULE, testableRule(evaluateRule), {
    valid: [file("src/eval/run-unbound.ts")],
    invalid: [
      {
        ...file("src/eval/run-bound.ts"),
        errors: [{ messageId: "importedFunctionBoundToTracer", data: { name: "answer", tracer: "tracer", module: "src/eval/pipeline.ts" }, line: 7, column: 13 }],
      },
    ],
  });

  it("without the imported module, the evaluated function's binding is unknown", () => {
    const path = "src/eval/run-bound.ts";
    expect(lintWithRule(EVALUATE_RULE, evaluateRule, file(path).code, alone(path))).toEqual([]);
  });
});

/** A project on disk, made once for the cases below (RuleTester lints by filename, and the rule follows the handler's imports there). */
const tempProject = useTempProjects("otel-xfile", "all");

const HH_EXPORTER = `new OTLPTraceExporter({ url: "https://api.honeyhive.ai/opentelemetry/v1/traces" })`;
const OTEL_IMPORTS = `import { trace } from "@opentelemetry/api";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
`;
const OTEL_APP = tempProject({
  "package.json": `{ "name": "otel-app", "private": true }\n`,
  // Builds and registers a provider exporting to HoneyHive, exports it and a tracer of it.
  "src/tracing.ts": `${OTEL_IMPORTS}
export const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(${HH_EXPORTER})] });
provider.register();
export const tracer = provider.getTracer("orders");
export const apiTracer = trace.getTracer("orders");
export async function flushTelemetry() {
  await provider.forceFlush();
}
`,
  // The same pipeline, exporting to another vendor.
  "src/vendor-tracing.ts": `${OTEL_IMPORTS}
export const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: "https://otlp.example.com/v1/traces" }))] });
provider.register();
export const tracer = provider.getTracer("orders");
`,
  // Side-effect modules: one registers instrumentations and does not export its provider; NodeSDK has no forceFlush.
  "src/instrumentation.ts": `${OTEL_IMPORTS}import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(${HH_EXPORTER})] });
provider.register();
registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });
`,
  "src/otel-sdk.ts": `import { NodeSDK } from "@opentelemetry/sdk-node";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
new NodeSDK({ traceExporter: ${HH_EXPORTER} }).start();
`,
});

const LAMBDA_TYPES = `import type { APIGatewayProxyEvent } from "aws-lambda";\n`;
const otelCase = (name: string, code: string) => ({ filename: join(OTEL_APP, "src/handlers", `${name}.ts`), code: LAMBDA_TYPES + code });
const WORK = `  return tracer.startActiveSpan("order", async (span) => {\n    span.end();\n    return { statusCode: 200, body: event.body ?? "" };\n  });\n`;
/** The suggestion: the body in try/finally flushing `receiver` (the returned promise awaited, so the flush runs after it). */
const wrapped = (code: string, body: string, receiver: string) =>
  LAMBDA_TYPES +
  code.replace(body, `  try {\n${body.replace(/^(?=.)/gm, "  ").replace("return tracer.", "return await tracer.")}  } finally {\n    await ${receiver}.forceFlush();\n  }\n`);

const PROVIDER_TRACER = `import { provider } from "../tracing.js";\n\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  const tracer = provider.getTracer("orders");\n${WORK}};\n`;
const IMPORTED_TRACER = `import { provider, tracer } from "../tracing.js";\n\nexport const handler = async (event: APIGatewayProxyEvent) => {\n${WORK}};\n`;
const TRACER_ONLY = `import { tracer } from "../tracing.js";\n\nexport const handler = async (event: APIGatewayProxyEvent) => {\n${WORK}};\n`;
const API_TRACER = `import { trace } from "@opentelemetry/api";\nimport { provider as otelProvider } from "../tracing.js";\n\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  const tracer = trace.getTracer("orders");\n${WORK}};\n`;
const INSTRUMENTED = `import "../instrumentation.js";\n\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  const response = await fetch("https://example.com/orders");\n  return { statusCode: response.status, body: event.body ?? "" };\n};\n`;
const REQUIRED = `const { provider: otelProvider, tracer } = require("../tracing.js");\n\nexport const handler = async (event: APIGatewayProxyEvent) => {\n${WORK}};\n`;
const API_BODY = `  const tracer = trace.getTracer("orders");\n${WORK}`;
/** The missing flush of `provider`, with the suggestion's `output`. */
const flushProvider = (output: string) => ({
  messageId: "missingFlush" as const,
  data: { name: "handler", flush: "provider.forceFlush()", platform: "AWS Lambda", recommended: "`await provider.forceFlush()`" },
  suggestions: [{ messageId: "wrapInTryFinally" as const, data: { flush: "provider.forceFlush()" }, output }],
});
const SIDE_EFFECT = `import { trace } from "@opentelemetry/api";\nimport "../tracing.js";\n\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  const tracer = trace.getTracer("orders");\n${WORK}};\n`;
const REQUIRED_BARE = `const { trace } = require("@opentelemetry/api");\nrequire("../tracing.js");\n\nexports.handler = async (event) => {\n  const tracer = trace.getTracer("orders");\n${WORK}};\n`;
const SDK_STARTED = `import "../otel-sdk.js";\nimport { trace } from "@opentelemetry/api";\n\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  const tracer = trace.getTracer("orders");\n${WORK}};\n`;

describe("require-force-flush-in-lambda: an OpenTelemetry pipeline made in a project module", () => {
  // No flush to write: the message says what to do, in the words of migrate's review marker (fixes/review-markers.ts).
  const OTEL_HEAD = "await the tracer provider's forceFlush() before this handler returns";
  const IMPORT_PROVIDER = `${OTEL_HEAD} (import the NodeTracerProvider that ../tracing.js exports as provider, under a name free in this file, and flush that)`;
  const EXPORT_INSTRUMENTATION = `${OTEL_HEAD} (export the NodeTracerProvider that ../instrumentation.js builds, import it here and flush that)`;
  const NODE_SDK_MODULE = `${OTEL_HEAD} (NodeSDK has none: build the provider or span processor in ../otel-sdk.js yourself and export it)`;
  const otelNoFlush = (advice: string) => ({
    messageId: "missingOtelFlush" as const,
    data: { name: "handler", flush: "provider.forceFlush()", platform: "AWS Lambda", advice },
    suggestions: [],
  });
  ruleTester.run(FLUSH_RULE, testableRule(flushRule), {
    valid: [
      // The imported provider flushed, or an imported helper that flushes it on every path.
      otelCase("flushed", PROVIDER_TRACER.replace("  return tracer", "  await provider.forceFlush();\n  return tracer")),
      otelCase("helper", `import { flushTelemetry, tracer } from "../tracing.js";\n\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  try {\n  ${WORK.replace(/\n(?=.)/g, "\n  ")}  } finally {\n    await flushTelemetry();\n  }\n};\n`),
      // Look-alikes: another vendor's pipeline; a package (never read); a handler that does not trace.
      otelCase("vendor", TRACER_ONLY.replace("../tracing.js", "../vendor-tracing.js")),
      // Named `tracer` and used through no member: the module says it is an OpenTelemetry tracer, not a HoneyHive one.
      otelCase("vendor-named", `import { tracer } from "../vendor-tracing.js";\n\nexport const handler = async (event: APIGatewayProxyEvent) => ({ statusCode: 200, body: JSON.stringify([tracer, event.body]) });\n`),
      otelCase("package", TRACER_ONLY.replace("../tracing.js", "@acme/tracing")),
      // Another vendor's provider shut down: no HoneyHive pipeline (its shutdown is not this rule's).
      otelCase("vendor-shutdown", `import { provider, tracer } from "../vendor-tracing.js";\n\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  await provider.shutdown();\n${WORK}};\n`),
      otelCase("no-trace", `import { provider } from "../tracing.js";\n\nexport const handler = async (event: APIGatewayProxyEvent) => ({ statusCode: 200, body: event.body ?? "" });\nexport const name = provider.constructor.name;\n`),
    ],
    invalid: [
      {
        ...otelCase("provider-tracer", PROVIDER_TRACER),
        errors: [
          {
            messageId: "missingFlush",
            data: { name: "handler", flush: "provider.forceFlush()", platform: "AWS Lambda", recommended: "`await provider.forceFlush()`" },
            suggestions: [{ messageId: "wrapInTryFinally", data: { flush: "provider.forceFlush()" }, output: wrapped(PROVIDER_TRACER, `  const tracer = provider.getTracer("orders");\n${WORK}`, "provider") }],
          },
        ],
      },
      {
        ...otelCase("imported-tracer", IMPORTED_TRACER),
        errors: [{ messageId: "missingFlush", data: { name: "handler", flush: "provider.forceFlush()", platform: "AWS Lambda", recommended: "`await provider.forceFlush()`" }, suggestions: [{ messageId: "wrapInTryFinally", data: { flush: "provider.forceFlush()" }, output: wrapped(IMPORTED_TRACER, WORK, "provider") }] }],
      },
      {
        ...otelCase("api-tracer", API_TRACER),
        errors: [{ messageId: "missingFlush", data: { name: "handler", flush: "otelProvider.forceFlush()", platform: "AWS Lambda", recommended: "`await otelProvider.forceFlush()`" }, suggestions: [{ messageId: "wrapInTryFinally", data: { flush: "otelProvider.forceFlush()" }, output: wrapped(API_TRACER, `  const tracer = trace.getTracer("orders");\n${WORK}`, "otelProvider") }] }],
      },
      // The provider is not imported here: the suggestion imports it from the tracer's module.
      {
        ...otelCase("tracer-only", TRACER_ONLY),
        errors: [
          {
            messageId: "missingFlush",
            data: { name: "handler", flush: "provider.forceFlush()", platform: "AWS Lambda", recommended: "`await provider.forceFlush()`" },
            suggestions: [{ messageId: "wrapInTryFinally", data: { flush: "provider.forceFlush()" }, output: wrapped(TRACER_ONLY, WORK, "provider").replace("{ tracer }", "{ tracer, provider }") }],
          },
        ],
      },
      // A side-effect import of the pipeline's module becomes the provider's import (the same module,
      // evaluated once where it was): not a second import of it beside the bare one.
      {
        ...otelCase("side-effect", SIDE_EFFECT),
        errors: [flushProvider(wrapped(SIDE_EFFECT, API_BODY, "provider").replace(`import "../tracing.js";`, `import { provider } from "../tracing.js";`))],
      },
      // The same in CommonJS: the bare `require()` binds the provider, and no `import` is added.
      {
        filename: join(OTEL_APP, "src/handlers/required-bare.js"),
        code: REQUIRED_BARE,
        errors: [flushProvider(wrapped(REQUIRED_BARE, API_BODY, "provider").slice(LAMBDA_TYPES.length).replace(`\nrequire("../tracing.js");`, `\nconst { provider } = require("../tracing.js");`))],
      },
      // `require()` too; the provider under its local name, and no `import` added to a file that requires.
      {
        ...otelCase("required", REQUIRED),
        errors: [{ messageId: "missingFlush", data: { name: "handler", flush: "otelProvider.forceFlush()", platform: "AWS Lambda", recommended: "`await otelProvider.forceFlush()`" }, suggestions: [{ messageId: "wrapInTryFinally", data: { flush: "otelProvider.forceFlush()" }, output: wrapped(REQUIRED, WORK, "otelProvider") }] }],
      },
      {
        ...otelCase("required-tracer", REQUIRED.replace("provider: otelProvider, ", "")),
        errors: [otelNoFlush(IMPORT_PROVIDER)],
      },
      // ... unless `provider` names something else in the file: no suggestion (the codemod leaves a marker).
      {
        ...otelCase("provider-taken", `${TRACER_ONLY}const provider = "aws";\n`),
        errors: [otelNoFlush(IMPORT_PROVIDER)],
      },
      // Side-effect imports: instrumentations of a registered pipeline; NodeSDK (no forceFlush of its own).
      { ...otelCase("instrumented", INSTRUMENTED), errors: [otelNoFlush(EXPORT_INSTRUMENTATION)] },
      { ...otelCase("sdk-started", SDK_STARTED), errors: [otelNoFlush(NODE_SDK_MODULE)] },
      // shutdown() of the imported provider: the path's flush (no missing flush), but the warm instance's
      // later invocations export nothing; the suggestion writes its forceFlush() in its place.
      {
        ...otelCase("imported-shutdown", PROVIDER_TRACER.replace("  return tracer", "  await provider.shutdown();\n  return tracer")),
        errors: [{ messageId: "shutdownOfSharedPipeline", data: { name: "handler", platform: "AWS Lambda", tracer: "provider", flush: "provider.forceFlush()" }, suggestions: [{ messageId: "flushInsteadOfPipelineShutdown", data: { flush: "provider.forceFlush()" }, output: LAMBDA_TYPES + PROVIDER_TRACER.replace("  return tracer", "  await provider.forceFlush();\n  return tracer") }] }],
      },
      // The same with the tracer made once at the top of the module.
      {
        ...otelCase("sdk-started-module-tracer", SDK_STARTED.replace('export const handler', 'const tracer = trace.getTracer("orders");\n\nexport const handler').replace('  const tracer = trace.getTracer("orders");\n', "")),
        errors: [otelNoFlush(NODE_SDK_MODULE)],
      },
    ],
  });

  it("without the imported modules, none of these handlers is reported", () => {
    for (const code of [PROVIDER_TRACER, IMPORTED_TRACER, API_TRACER, INSTRUMENTED]) {
      expect(lintWithRule(FLUSH_RULE, flushRule, LAMBDA_TYPES + code, alone("src/handlers/h.ts"))).toEqual([]);
    }
  });
});

describe("require-force-flush-in-lambda: what it reads of the modules a Lambda file imports", () => {
  let restore: ProjectModules | undefined;
  afterEach(() => {
    if (restore) setProjectModules(restore);
    restore = undefined;
  });
  /** Lints a file of the temporary project (a Linter rooted there: the default cwd's config does not match it). */
  const lintInApp = (code: string, path: string) =>
    new Linter({ configType: "flat", cwd: OTEL_APP }).verify(code, configForRule(FLUSH_RULE, flushRule), { filename: join(OTEL_APP, path) });
  const countingReads = (): string[] => {
    const reads: string[] = [];
    restore = setProjectModules(new ProjectModules({ ...NODE_FILE_SYSTEM, readFile: (path) => (reads.push(path), NODE_FILE_SYSTEM.readFile(path)) }));
    return reads;
  };

  it("reads no module for a handler file whose text names no OpenTelemetry, tracer or flush word and has no side-effect import", () => {
    const reads = countingReads();
    const code = `${LAMBDA_TYPES}import { provider as source } from "../tracing.js";\n\nexport const handler = async (event: APIGatewayProxyEvent) => ({ statusCode: 200, body: String(source) + event.body });\n`;
    expect(lintInApp(code, "src/handlers/plain.ts")).toEqual([]);
    expect(reads).toEqual([]);
    // The text gate that decides it before any module is resolved; every traced case above passes it.
    expect(mayImportOtelPipeline(code)).toBe(false);
    expect(mayImportOtelPipeline(`import "./styles.css";\nimport "dotenv/config";\n`)).toBe(false);
    // An OpenTelemetry package quoted in a comment (Effect's JSDoc examples) is no import of the file.
    const documented = parseAnalysisInput(`/**\n * import { NodeSDK } from "@opentelemetry/sdk-node"\n */\nexport const handler = async () => ({ statusCode: 200 });\n`, "src/handlers/doc.ts");
    expect([mayImportOtelPipeline(documented.text), mayImportOtelPipeline(documented.text, documented.ast)]).toEqual([true, false]);
    const imported = parseAnalysisInput(`import { trace } from "@opentelemetry/api";\nexport const handler = async () => ({ statusCode: 200 });\n`, "src/handlers/api.ts");
    expect(mayImportOtelPipeline(imported.text, imported.ast)).toBe(true);
    for (const traced of [PROVIDER_TRACER, IMPORTED_TRACER, TRACER_ONLY, API_TRACER, INSTRUMENTED, SDK_STARTED]) expect(mayImportOtelPipeline(traced)).toBe(true);
  });

  it("reads the module a side-effect import names, and the one a tracer is imported from", () => {
    const reads = countingReads();
    expect(lintInApp(LAMBDA_TYPES + INSTRUMENTED, "src/handlers/instrumented.ts").map((message) => message.messageId)).toEqual(["missingOtelFlush"]);
    expect(reads).toContain(join(OTEL_APP, "src/instrumentation.ts"));
    expect(lintInApp(LAMBDA_TYPES + TRACER_ONLY, "src/handlers/tracer-only.ts").map((message) => message.messageId)).toEqual(["missingFlush"]);
    expect(reads).toContain(join(OTEL_APP, "src/tracing.ts"));
  });
});

/** A project whose tracer sits in an exported holder instance (`tracing.tracer`), and a look-alike holding another library's client. */
const HOLDER_APP = tempProject({
  "package.json": `{ "name": "holder-app", "private": true, "dependencies": { "honeyhive": "^2.0.0" } }\n`,
  "src/tracing.ts": `import { HoneyHiveTracer } from "honeyhive";
import { PostHog } from "posthog-node";
export class Tracing {
  readonly tracer = HoneyHiveTracer.init({ project: "p" });
  readonly client = new PostHog("key");
  make() {
    return HoneyHiveTracer.init({ project: "p" });
  }
}
export const tracing = new Tracing();
export const obs = { tracer: HoneyHiveTracer.init({ project: "p" }) };
`,
  "src/analytics.ts": `import { PostHog } from "posthog-node";\nexport const analytics = { client: new PostHog("key") };\n`,
  // Names HoneyHive (a comment, a type) but holds OpenTelemetry's tracer under \`tracer\` (review-rules4).
  "src/otel-holder.ts": `import { trace } from "@opentelemetry/api";\nimport type { HoneyHiveTracer } from "honeyhive";\nexport type Legacy = HoneyHiveTracer;\nexport const telemetry = { tracer: trace.getTracer("chat") };\n`,
});
const holderCase = (name: string, code: string) => ({ filename: join(HOLDER_APP, "src", `${name}.ts`), code });
const EXPRESS_HEAD = `import express from "express";\nconst app = express();\n`;

describe("an imported holder's tracer (`import { tracing } from \"./tracing\"; tracing.tracer`), one module deep", () => {
  ruleTester.run(SESSION_RULE, testableRule(sessionRule), {
    valid: [
      // Another library's client in the holder, a method's result (may be a new tracer per call), another module's client.
      holderCase("client", `${EXPRESS_HEAD}import { tracing } from "./tracing";\napp.post("/x", (req, res) => { tracing.client.sessionStart(); res.end(); });\n`),
      holderCase("method", `${EXPRESS_HEAD}import { tracing } from "./tracing";\napp.post("/x", (req, res) => { tracing.make().sessionStart(); res.end(); });\n`),
      holderCase("analytics", `${EXPRESS_HEAD}import { analytics } from "./analytics";\napp.post("/x", (req, res) => { analytics.client.sessionStart(); res.end(); });\n`),
      // A holder's \`tracer\` that is OpenTelemetry's in a module naming HoneyHive.
      holderCase("otel-holder", `${EXPRESS_HEAD}import { telemetry } from "./otel-holder";\napp.post("/x", (req, res) => { telemetry.tracer.sessionStart(); res.end(); });\n`),
      // Outside a handler: a script's own session.
      holderCase("script", `import { tracing } from "./tracing";\ntracing.tracer.sessionStart();\n`),
    ],
    invalid: [
      {
        ...holderCase("instance", `${EXPRESS_HEAD}import { obs, tracing } from "./tracing";\napp.post("/x", (req, res) => {\n  tracing.tracer.sessionStart();\n  obs.tracer.sessionStart();\n  res.end();\n});\n`),
        output: `${EXPRESS_HEAD}import { obs, tracing } from "./tracing";\napp.post("/x", (req, res) => {\n  tracing.tracer.createSession();\n  obs.tracer.createSession();\n  res.end();\n});\n`,
        errors: [
          { messageId: "sessionStartInHandler", data: { tracer: "tracing.tracer", handler: "Express handler", unit: "request" }, line: 5 },
          { messageId: "sessionStartInHandler", data: { tracer: "obs.tracer", handler: "Express handler", unit: "request" }, line: 6 },
        ],
      },
    ],
  });

  ruleTester.run(FLUSH_RULE, testableRule(flushRule), {
    valid: [holderCase("flushed", `import { tracing } from "./tracing";\nexport const handler = async (event) => {\n  try {\n    return await tracing.tracer.trace("h", () => event.body);\n  } finally {\n    await tracing.tracer.forceFlush();\n  }\n};\n`)],
    invalid: [
      {
        ...holderCase("shutdown", `import { tracing } from "./tracing";\nexport const handler = async (event) => {\n  const out = await tracing.tracer.trace("h", () => event.body);\n  await tracing.tracer.shutdown();\n  return out;\n};\n`),
        errors: [
          {
            messageId: "shutdownOfSharedTracer",
            data: { name: "handler", platform: "AWS Lambda", tracer: "tracing.tracer", flush: "tracing.tracer.forceFlush()" },
            suggestions: [
              {
                messageId: "flushInsteadOfShutdown",
                data: { flush: "tracing.tracer.forceFlush()" },
                output: `import { tracing } from "./tracing";\nexport const handler = async (event) => {\n  const out = await tracing.tracer.trace("h", () => event.body);\n  await tracing.tracer.forceFlush();\n  return out;\n};\n`,
              },
            ],
          },
        ],
      },
    ],
  });

  it("without the imported module, nothing is reported (the holder's member is not known to be a tracer)", () => {
    const code = `${EXPRESS_HEAD}import { tracing } from "./tracing";\napp.post("/x", (req, res) => { tracing.tracer.sessionStart(); res.end(); });\n`;
    expect(lintWithRule(SESSION_RULE, sessionRule, code, alone("src/instance.ts"))).toEqual([]);
  });
});

/**
 * A monorepo whose tracer sits in a workspace package (`packages/telemetry`, imported as `@acme/telemetry`
 * from `apps/api`), and a package of the same shape outside the workspace's patterns (`tools/analytics`).
 */
const WORKSPACE_TELEMETRY = `import { HoneyHiveTracer } from "honeyhive";\nexport const obs = { tracer: HoneyHiveTracer.init({ project: "p" }) };\n`;
const WORKSPACE_APP = tempProject({
  "package.json": `{ "name": "acme", "private": true, "workspaces": ["packages/*", "apps/*"] }\n`,
  "packages/telemetry/package.json": `{ "name": "@acme/telemetry", "main": "src/index.ts", "dependencies": { "honeyhive": "^2.0.0" } }\n`,
  "packages/telemetry/src/index.ts": WORKSPACE_TELEMETRY,
  "packages/telemetry/src/holder.ts": WORKSPACE_TELEMETRY,
  "tools/analytics/package.json": `{ "name": "@acme/analytics", "main": "src/index.ts" }\n`,
  "tools/analytics/src/index.ts": WORKSPACE_TELEMETRY,
  // An SDK barrel in a workspace package (a name without "honeyhive": followed only as a workspace package).
  "packages/hh/package.json": `{ "name": "@acme/hh", "main": "src/index.ts", "dependencies": { "honeyhive": "^2.0.0" } }\n`,
  "packages/hh/src/index.ts": `export * from "honeyhive";\n`,
  "tools/hh/package.json": `{ "name": "@acme/hh-outside", "main": "src/index.ts" }\n`,
  "tools/hh/src/index.ts": `export * from "honeyhive";\n`,
  "apps/api/package.json": `{ "name": "@acme/api", "dependencies": { "@acme/telemetry": "workspace:*", "@acme/hh": "workspace:*", "express": "^4.19.2" } }\n`,
  "apps/api/src/": "",
});
const workspaceCase = (name: string, code: string) => ({ filename: join(WORKSPACE_APP, "apps/api/src", `${name}.ts`), code });
const WORKSPACE_HANDLER = (specifier: string) => `${EXPRESS_HEAD}import { obs } from "${specifier}";\napp.post("/x", (req, res) => {\n  obs.tracer.sessionStart();\n  res.end();\n});\n`;

const WORKSPACE_BARREL_HANDLER = (specifier: string) =>
  `${EXPRESS_HEAD}import { HoneyHiveTracer } from "${specifier}";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\napp.post("/x", (req, res) => {\n  tracer.sessionStart();\n  res.end();\n});\n`;

describe("a tracer imported from a workspace package (`@acme/telemetry` from apps/api)", () => {
  ruleTester.run(SESSION_RULE, testableRule(sessionRule), {
    valid: [
      // A package of the same shape that the workspace's patterns do not list: a dependency, not read.
      workspaceCase("outside", WORKSPACE_HANDLER("@acme/analytics")),
      workspaceCase("barrel-outside", WORKSPACE_BARREL_HANDLER("@acme/hh-outside")),
    ],
    invalid: [
      {
        // The SDK re-exported by a workspace package (analysis/sdk-barrels.ts, through the workspace resolver).
        ...workspaceCase("barrel", WORKSPACE_BARREL_HANDLER("@acme/hh")),
        output: WORKSPACE_BARREL_HANDLER("@acme/hh").replace("sessionStart", "createSession"),
        errors: [{ messageId: "sessionStartInHandler", data: { tracer: "tracer", handler: "Express handler", unit: "request" }, line: 6 }],
      },
      {
        ...workspaceCase("bare", WORKSPACE_HANDLER("@acme/telemetry")),
        output: WORKSPACE_HANDLER("@acme/telemetry").replace("sessionStart", "createSession"),
        errors: [{ messageId: "sessionStartInHandler", data: { tracer: "obs.tracer", handler: "Express handler", unit: "request" }, line: 5 }],
      },
      {
        ...workspaceCase("subpath", WORKSPACE_HANDLER("@acme/telemetry/src/holder.js")),
        output: WORKSPACE_HANDLER("@acme/telemetry/src/holder.js").replace("sessionStart", "createSession"),
        errors: [{ messageId: "sessionStartInHandler", data: { tracer: "obs.tracer", handler: "Express handler", unit: "request" }, line: 5 }],
      },
    ],
  });

  it("without the workspace, nothing is reported (the package is not followed)", () => {
    expect(lintWithRule(SESSION_RULE, sessionRule, WORKSPACE_HANDLER("@acme/telemetry"), alone("apps/api/src/bare.ts"))).toEqual([]);
    expect(lintWithRule(SESSION_RULE, sessionRule, WORKSPACE_BARREL_HANDLER("@acme/hh"), alone("apps/api/src/barrel.ts"))).toEqual([]);
  });
});

/**
 * CommonJS (found at the end of the third 2026-12-06 session: the same code with `import` was reported, with
 * `require` not): a helper bound from a project module by a top-level `require` is followed as an import is.
 */
const CJS_APP = tempProject({
  "package.json": `{ "name": "cjs-app", "dependencies": { "honeyhive": "^2.0.0", "express": "^4.19.2" } }\n`,
  "src/session.js": `const { HoneyHiveTracer } = require("honeyhive");\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nfunction openSession(req) { return tracer.sessionStart({ sessionName: req.path }); }\nfunction label(req) { return req.path.toUpperCase(); }\nmodule.exports = { openSession, label, tracer };\n`,
});
const cjsHandler = (binding: string, call: string) =>
  `const express = require("express");\n${binding}\nconst app = express();\napp.post("/chat", (req, res) => {\n  ${call};\n  res.json({});\n});\n`;
const cjsCase = (code: string, path = "src/app.js") => ({ filename: join(CJS_APP, path), code });

describe("helpers bound by a top-level require() (CommonJS)", () => {
  ruleTester.run(SESSION_RULE, testableRule(sessionRule), {
    valid: [
      // A helper of the same module that starts no session, and the session helper called outside any function.
      cjsCase(cjsHandler(`const { label } = require("./session");`, "label(req)")),
      cjsCase(`const { openSession } = require("./session");\nopenSession({ path: "/boot" });\n`),
      // The same through a top-level awaited import(): the look-alike helper, and the helper called at the top level.
      cjsCase(cjsHandler(`const { label } = await import("./session.js");`, "label(req)")),
      cjsCase(`const { openSession } = await import("./session.js");\nopenSession({ path: "/boot" });\n`),
      // An import() inside the handler binds per request, off the top level: not followed (the helper findings
      // read the file's top-level bindings, analysis/ast.ts `isTopLevelModuleBinding`).
      cjsCase(`const express = require("express");\nconst app = express();\napp.post("/chat", async (req, res) => {\n  const { openSession } = await import("./session.js");\n  openSession(req);\n  res.json({});\n});\n`),
      // Known gaps, as for \`import * as session\`: a whole-module binding (\`import x = require()\`, \`const x =
      // require()\`) whose member is called is not followed (only a binding of the export itself is).
      cjsCase(cjsHandler(`import session = require("./session");`, "session.openSession(req)"), "src/app.ts"),
      cjsCase(cjsHandler(`const session = require("./session");`, "session.openSession(req)")),
    ],
    invalid: [
      [`const { openSession } = require("./session");`, "openSession(req)", "openSession"],
      [`const { openSession: open } = require("./session.js");`, "open(req)", "open"],
      [`const openSession = require("./session").openSession;`, "openSession(req)", "openSession"],
      [`const { openSession } = await import("./session.js");`, "openSession(req)", "openSession"],
      [`const open = (await import("./session.js")).openSession;`, "open(req)", "open"],
    ].map(([binding, call, helper]) => ({
      ...cjsCase(cjsHandler(binding!, call!)),
      errors: [{ messageId: "sessionStartInImportedHelper" as const, line: 5, data: { helper, tracer: "tracer", method: "sessionStart", location: "src/session.js:3", handler: "Express handler", unit: "request" } }],
    })),
  });

  it("without the project, nothing is followed", () => {
    expect(lintWithRule(SESSION_RULE, sessionRule, cjsHandler(`const { openSession } = require("./session");`, "openSession(req)"), alone("src/app.js"))).toEqual([]);
  });
});

/**
 * gaps-rules-9: a transpiled ES module (`Object.defineProperty(exports, "__esModule", { value: true })`, or
 * `exports.__esModule = true`) is no plain CommonJS module: an ESM default import of it is its `exports.default`
 * (the interop tsc, Babel and the bundlers follow), not its whole `module.exports` (export-facts.ts `commonJs`).
 */
const TRANSPILED_INIT = `const honeyhive_1 = require("honeyhive");\nconst tracer = honeyhive_1.HoneyHiveTracer.init({ project: "p" });\nexports.default = tracer;\n`;
const INTEROP_APP = tempProject({
  "package.json": `{ "name": "interop-app", "dependencies": { "honeyhive": "^2.0.0", "express": "^4.19.2" } }\n`,
  "src/tracing.js": `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\n${TRANSPILED_INIT}`,
  "src/assigned.js": `"use strict";\nexports.__esModule = true;\n${TRANSPILED_INIT}`,
  // The look-alike: plain CommonJS with a `default` key; its ESM default import is the exports object.
  "src/plain.js": `"use strict";\n${TRANSPILED_INIT}`,
});
const interopHandler = (from: string, call = "hh.sessionStart({ sessionName: req.path })", path = INTEROP_APP) => ({
  filename: join(path, "src/app.ts"),
  code: `import express from "express";\nimport hh from "${from}";\nconst app = express();\napp.post("/chat", (req, res) => {\n  ${call};\n  res.json({});\n});\n`,
});

describe("gaps-rules-9: the ESM default import of a transpiled ES module", () => {
  const viaDefault = "hh.default.sessionStart({ sessionName: req.path })";
  ruleTester.run(SESSION_RULE, testableRule(sessionRule), {
    valid: [
      // Marked as an ES module: the default import is the tracer itself, whose `default` is nothing.
      interopHandler("./tracing", viaDefault),
      interopHandler("./assigned", viaDefault),
      // Without the project nothing is followed.
      interopHandler("./plain", viaDefault, "no-such-project"),
    ],
    invalid: [
      // Plain CommonJS (the look-alike): the default import is the exports object, whose `default` is the tracer.
      { ...interopHandler("./plain", viaDefault), errors: [{ messageId: "sessionStartInHandler" as const }] },
      { ...interopHandler("./tracing"), errors: [{ messageId: "sessionStartInHandler" as const }] },
      { ...interopHandler("./assigned"), errors: [{ messageId: "sessionStartInHandler" as const }] },
    ].map((testCase) => ({ ...testCase, output: testCase.code.replace(".sessionStart(", ".createSession(") })),
  });
});
