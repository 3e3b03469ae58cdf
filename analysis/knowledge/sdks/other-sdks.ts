// Other tracing SDKs' flush calls. A handler that awaits one of these flushes correctly through that
// SDK; the HoneyHive rules must never report it (nor suggest a HoneyHive flush on it). Each name was
// checked where the comment says; none is guessed.
import type { FlushCall, FlushReceiver, SdkProfileBase } from "./types.js";

const call = (receiver: FlushReceiver, method: string, effect: FlushCall["effect"], nameAlone: boolean, verifiedAt: string): FlushCall => ({
  receiver,
  method,
  effect,
  nameAlone,
  verifiedAt,
});

const instanceOf = (pkg: string, name: string): FlushReceiver => ({ kind: "instance", export: { package: pkg, name } });

// Langfuse JS v3 (`langfuse`, `langfuse-node`, and the LangChain `CallbackHandler` of `langfuse-langchain`):
// `flushAsync()` and `shutdownAsync()` — langfuse.com/faq/all/aws-lambda-and-serverless-functions and
// docs/observability/features/queuing-batching (its LangChain JS section: `await langfuseHandler.flushAsync()`),
// used as `await langfuse.flushAsync()` / `await langfuseHandler.shutdownAsync()` in public code, with
// `import { Langfuse } from "langfuse-node"` and `import Langfuse from "langfuse"` (code search). v4 (`@langfuse/otel`) is an OpenTelemetry
// span processor: `await langfuseSpanProcessor.forceFlush()`, often inside Next's `after()` / `waitUntil()`
// (code search: "langfuseSpanProcessor.forceFlush()").
const langfuseClients = [
  ["langfuse", "Langfuse"],
  ["langfuse", "default"],
  ["langfuse-node", "Langfuse"],
  ["langfuse-langchain", "CallbackHandler"],
  ["langfuse-langchain", "default"],
] as const;

export const langfuseProfile = {
  id: "langfuse",
  name: "Langfuse",
  modules: ["langfuse", "langfuse-node", "langfuse-langchain", "@langfuse/"],
  flushCalls: [
    ...langfuseClients.flatMap(([pkg, name]) => [
      call(instanceOf(pkg, name), "flushAsync", "flush", true, "langfuse.com docs: queuing-batching (JS flushAsync)"),
      call(instanceOf(pkg, name), "shutdownAsync", "shutdown", true, "langfuse.com docs: serverless FAQ (JS shutdownAsync)"),
    ]),
    call(instanceOf("@langfuse/otel", "LangfuseSpanProcessor"), "forceFlush", "flush", true, "code search: langfuseSpanProcessor.forceFlush() in Next.js routes"),
    call(instanceOf("@langfuse/otel", "LangfuseSpanProcessor"), "shutdown", "shutdown", false, "OpenTelemetry SpanProcessor interface"),
  ],
} as const satisfies SdkProfileBase;

// LangSmith JS: `Client#awaitPendingTraceBatches()` (since 0.1) and `Client#flush()` (since 0.2) —
// reference.langchain.com/javascript/langsmith/client/Client/{awaitPendingTraceBatches,flush} and
// docs.langchain.com/langsmith/serverless-environments. LangChain's callbacks (which carry LangSmith
// tracing) are awaited with `awaitAllCallbacks()` from `@langchain/core/callbacks/promises` (code search).
export const langsmithProfile = {
  id: "langsmith",
  name: "LangSmith",
  modules: ["langsmith", "@langchain/core/callbacks/promises"],
  flushCalls: [
    call(instanceOf("langsmith", "Client"), "awaitPendingTraceBatches", "flush", true, "reference.langchain.com: Client.awaitPendingTraceBatches"),
    call(instanceOf("langsmith", "Client"), "flush", "flush", false, "reference.langchain.com: Client.flush (since 0.2)"),
    call({ kind: "module", package: "@langchain/core/callbacks/promises" }, "awaitAllCallbacks", "flush", true, "code search: awaitAllCallbacks from @langchain/core/callbacks/promises"),
  ],
} as const satisfies SdkProfileBase;

// Braintrust JS: a free `flush()` export and `flush()` on the logger `initLogger()` returns:
// `import { flush, initLogger } from "braintrust"` and `await logger.flush()`
// (code search; braintrust.dev docs: integrations/runtime-environments/aws-lambda "calls the SDK's flush()").
export const braintrustProfile = {
  id: "braintrust",
  name: "Braintrust",
  modules: ["braintrust"],
  flushCalls: [
    call({ kind: "module", package: "braintrust" }, "flush", "flush", false, "code search: import { flush, initLogger } from \"braintrust\""),
    call({ kind: "result", export: { package: "braintrust", name: "initLogger" } }, "flush", "flush", false, "code search: await logger.flush() in braintrust-sdk tests"),
  ],
} as const satisfies SdkProfileBase;

// Traceloop / OpenLLMetry: `await traceloop.forceFlush()` on `import * as traceloop from
// "@traceloop/node-server-sdk"` (honeyhive 1.x's own static flush calls it: src/sdk/tracer.ts; code search). Its
// `initialize({ baseUrl })` to HoneyHive is a pipeline into HoneyHive (knowledge/sdks/opentelemetry.ts), whose flush this is.
export const traceloopProfile = {
  id: "traceloop",
  name: "Traceloop (OpenLLMetry)",
  modules: ["@traceloop/node-server-sdk"],
  flushCalls: [call({ kind: "module", package: "@traceloop/node-server-sdk" }, "forceFlush", "flush", true, "honeyhive 1.x tracer.ts: traceloop.forceFlush()")],
} as const satisfies SdkProfileBase;

// Arize Phoenix / OpenInference: `register()` from `@arizeai/phoenix-otel` returns the tracer provider
// (`export const provider = register({ projectName })`, code search); it is flushed as an OpenTelemetry
// provider. OpenInference instrumentations export through whatever provider they are given.
export const arizeProfile = {
  id: "arize",
  name: "Arize Phoenix / OpenInference",
  modules: ["@arizeai/"],
  flushCalls: [
    call({ kind: "result", export: { package: "@arizeai/phoenix-otel", name: "register" } }, "forceFlush", "flush", true, "code search: const provider = register({...})"),
    call({ kind: "result", export: { package: "@arizeai/phoenix-otel", name: "register" } }, "shutdown", "shutdown", false, "OpenTelemetry TracerProvider interface"),
  ],
} as const satisfies SdkProfileBase;

// Laminar: static `Laminar.flush()` and `Laminar.shutdown()` on `import { Laminar } from "@lmnr-ai/lmnr"`
// (code search: `await Laminar.flush()`, `await Laminar.shutdown()`; Laminar's own evaluations call
// `Laminar.shutdown()`).
export const laminarProfile = {
  id: "laminar",
  name: "Laminar",
  modules: ["@lmnr-ai/lmnr"],
  flushCalls: [
    call({ kind: "static", export: { package: "@lmnr-ai/lmnr", name: "Laminar" } }, "flush", "flush", false, "code search: await Laminar.flush()"),
    call({ kind: "static", export: { package: "@lmnr-ai/lmnr", name: "Laminar" } }, "shutdown", "shutdown", false, "code search: await Laminar.shutdown()"),
  ],
} as const satisfies SdkProfileBase;

// Helicone logs through its proxy or `HeliconeManualLogger#logRequest(...)` from `@helicone/helpers`,
// which sends within the awaited call (docs.helicone.ai: manual-logger-typescript): there is nothing to
// flush, so a handler using it needs no flush and the profile has no flush calls.
export const heliconeProfile = {
  id: "helicone",
  name: "Helicone",
  modules: ["@helicone/"],
  flushCalls: [],
} as const satisfies SdkProfileBase;

export const OTHER_SDK_PROFILES = [langfuseProfile, langsmithProfile, braintrustProfile, traceloopProfile, arizeProfile, laminarProfile, heliconeProfile] as const;

/**
 * Packages that are not HoneyHive's and whose objects have members of 1.x's names (`startSession()`,
 * `trace()`, `init()`), beside the tracing SDKs above: the 1.x codemod leaves their receivers unmarked
 * without finding the package in node_modules. MongoDB Node driver: `MongoClient#startSession()`
 * (mongodb.com/docs/drivers/node, transactions); Mongoose: `mongoose.startSession()` / `Connection#startSession()`
 * (mongoosejs.com/docs/transactions); Datadog: `tracer.init()` / `tracer.trace()` of `dd-trace`
 * (datadoghq.com docs, Node.js custom instrumentation).
 */
export const OTHER_PACKAGES_WITH_LOOKALIKE_MEMBERS: readonly string[] = ["mongodb", "mongoose", "dd-trace"];
