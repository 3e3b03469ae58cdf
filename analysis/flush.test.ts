import { describe, expect, it } from "vitest";
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import { loadFixtures } from "../fixtures/index.js";
import rule, { RULE_NAME } from "../rules/require-force-flush-in-lambda.js";
import { lintWithRule } from "../rules/test-utils/fixture-lint.js";
import { onAnalysisError } from "./ast.js";
import { anyPlatformBackgroundTest } from "./background-work.js";
import { isFlushByName, profileFlushTestOf } from "./flush-calls.js";
import { flushesAroundNext, flushesOnEveryPath, lambdaFlushOf, type LambdaFlush } from "./flush.js";
import { getHandlerModel } from "./handlers.js";
import { nodesOfType } from "./nodes.js";
import { parseAnalysisInput } from "./parse-input.js";
import { DEFAULT_SETTINGS, type HoneyhiveSettings } from "./settings.js";

const TRACER = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\n`;

function flushOf(code: string, filename = "src/handler.ts", settings: HoneyhiveSettings = DEFAULT_SETTINGS): LambdaFlush {
  const input = parseAnalysisInput(code, filename, settings);
  const [handler] = getHandlerModel(input).lambdaHandlers;
  if (!handler) throw new Error("no Lambda handler in the snippet");
  const flush = lambdaFlushOf(input, handler);
  if (!flush) throw new Error("no flush analysis");
  return flush;
}

/**
 * `flushesOnEveryPath` of the body of `export const handler = async (event) => { <body> }`, in a file that imports
 * `waitUntil` of @vercel/functions and `after` of next/server (counted by binding where the platform is not known).
 */
function bodyFlushes(body: string): boolean {
  const imports = `import { waitUntil } from "@vercel/functions";\nimport { after } from "next/server";\n`;
  const input = parseAnalysisInput(`${imports}${TRACER}export const handler = async (event) => {\n${body}\n};`, "src/handler.ts");
  return flushesOnEveryPath(getHandlerModel(input).lambdaHandlers[0].function, new Set(), isFlushByName, [], anyPlatformBackgroundTest(input));
}

/** `flushesAroundNext` of `const middleware = async (ctx, next) => { <body> }` (its `next` at 1). */
function middlewareFlushes(body: string): boolean {
  const input = parseAnalysisInput(`${TRACER}const middleware = async (ctx, next) => {\n${body}\n};`, "src/middleware.ts");
  const [fn] = nodesOfType(input.ast, AST_NODE_TYPES.ArrowFunctionExpression);
  return flushesAroundNext(fn, 1, isFlushByName, anyPlatformBackgroundTest(input));
}

describe("flushesAroundNext: a middleware flushes on every path after the rest of the chain", () => {
  it.each([
    ["try { await next() } finally { await flush }", "try { await next(); } finally { await tracer.forceFlush(); }", true],
    ["await next(); then an awaited flush", "await next();\nawait tracer.forceFlush();", true],
    ["await next(); then waitUntil(flush)", "await next();\nctx.executionCtx.waitUntil(tracer.forceFlush());", true],
    ["await next().finally(() => flush)", "await next().finally(() => tracer.forceFlush());", true],
    ["return next().then(flushing callback)", "return next().then(async () => { await tracer.forceFlush(); });", true],
    ["a flush that is not awaited", "try { await next(); } finally { tracer.forceFlush(); }", false],
    ["a flush before next()", "await tracer.forceFlush();\nawait next();", false],
    ["next() not awaited: the flush runs while the routes do", "next();\nawait tracer.forceFlush();", false],
    ["a path that returns next() without the flush", "if (ctx.path === '/health') return next();\nawait next();\nawait tracer.forceFlush();", false],
    ["another function's next", "await other.next();\nawait tracer.forceFlush();", false],
  ])("%s", (_title, body, expected) => {
    expect(middlewareFlushes(body)).toBe(expected);
  });
});

describe("flushesOnEveryPath", () => {
  it.each([
    ["a flush at the end", "tracer.createSession();\nawait tracer.forceFlush();", true],
    ["waitUntil of a flush (@vercel/functions)", "tracer.createSession();\nwaitUntil(tracer.forceFlush());", true],
    ["ctx.waitUntil of a flush (Cloudflare)", "tracer.createSession();\nevent.ctx.waitUntil(tracer.forceFlush());", true],
    ["Next.js after() with a flushing arrow", "tracer.createSession();\nafter(() => tracer.forceFlush());", true],
    ["after() with an async block that awaits the flush", "after(async () => {\n  await tracer.forceFlush();\n});", true],
    ["after() that does not flush", "after(() => log());", false],
    // A local function named `after` (not next/server's) hands nothing to the platform.
    ["a local after() around a flush", "const after = (fn) => queue.push(fn);\nafter(() => tracer.forceFlush());", false],
    ["a local waitUntil() around a flush", "const waitUntil = (promise) => pending.push(promise);\nwaitUntil(tracer.forceFlush());", false],
    ["waitUntil of other work", "waitUntil(work());", false],
    ["return work().finally(() => flush)", "return work().finally(() => tracer.forceFlush());", true],
    ["return work().then(() => flush)", "return work().then(async (r) => { await tracer.forceFlush(); return r; });", true],
    ["return work().finally(() => other)", "return work().finally(() => log());", false],
    ["a returned startActiveSpan whose callback flushes", "return tracer.startActiveSpan('x', async (span) => {\n  try { return await work(); } finally { span.end(); await tracer.forceFlush(); }\n});", true],
    ["an awaited startSpan whose callback flushes", "await tracer.startSpan('x', async () => { await work(); await tracer.forceFlush(); });", true],
    ["a returned startActiveSpan whose callback does not flush", "return tracer.startActiveSpan('x', async () => work());", false],
    ["no flush", "tracer.createSession();", false],
    ["a flush not awaited", "tracer.forceFlush();", false],
    ["void flush", "void tracer.forceFlush();", false],
    // Awaiting the chain waits for the flush first (`.catch(log)` is the common form).
    ["awaited then/catch chain", "await tracer.forceFlush().then(() => 1);", true],
    ["awaited catch chain", "await tracer.forceFlush().catch(console.error);", true],
    ["then chain left floating", "tracer.forceFlush().then(() => 1);", false],
    ["optional call, awaited", "await tracer?.forceFlush();", true],
    ["Promise.all", "await Promise.all([tracer.forceFlush(), x()]);", true],
    ["flush in the value of a declaration", "const ok = await tracer.forceFlush();", true],
    ["early return before the flush", "if (event.x) return 1;\nawait tracer.forceFlush();\nreturn 2;", false],
    ["a flush before each return", "if (event.x) { await tracer.forceFlush(); return 1; }\nawait tracer.forceFlush();\nreturn 2;", true],
    ["flush in one branch", "if (event.x) await tracer.forceFlush();", false],
    ["flush in both branches", "if (event.x) await tracer.forceFlush(); else await tracer.forceFlush();", true],
    ["flush in the if test", "if (await tracer.forceFlush()) return 1;\nreturn 2;", true],
    ["right side of &&", "event.x && (await tracer.forceFlush());", false],
    ["inside a nested function", "const later = async () => { await tracer.forceFlush(); };\nawait later();", false],
    ["try/finally", "try {\n  return await work();\n} finally {\n  await tracer.forceFlush();\n}", true],
    ["try/finally not awaited", "try {\n  return await work();\n} finally {\n  tracer.forceFlush();\n}", false],
    ["try/catch returning without flush", "try {\n  await work();\n  await tracer.forceFlush();\n} catch {\n  return 'failed';\n}", false],
    ["throw paths need no flush", "if (!event.ok) throw new Error('bad');\nawait tracer.forceFlush();", true],
    ["flush in a loop body only", "for (const r of event.Records) { await tracer.forceFlush(); }", false],
    ["flush in a do-while body", "do { await tracer.forceFlush(); } while (event.more);", true],
    ["while(true) with break after flush", "while (true) { if (event.x) { await tracer.forceFlush(); break; } }", true],
    ["break out of a loop skips the flush", "for (;;) { if (event.x) break; await tracer.forceFlush(); return 1; }", false],
    ["switch with default, all flush", "switch (event.t) {\n  case 1: await tracer.forceFlush(); break;\n  default: await tracer.forceFlush();\n}", true],
    ["switch without default", "switch (event.t) {\n  case 1: await tracer.forceFlush(); break;\n}", false],
    // Conservative, like ESLint's code paths, which do not route a jump through the finalizer.
    ["labeled break through a flushing finally", "outer: try { if (event.x) break outer; } finally { await tracer.forceFlush(); }", false],
  ])("%s", (_name, body, expected) => {
    expect(bodyFlushes(body)).toBe(expected);
  });

  it("treats an expression-bodied arrow by its expression", () => {
    const flushing = flushOf(`${TRACER}export const handler = async () => void (await tracer.forceFlush());`);
    expect(flushing.flushedOnEveryPath).toBe(true);
    expect(flushOf(`${TRACER}export const handler = async () => tracer.startSpan("x", () => 1);`).flushedOnEveryPath).toBe(false);
  });
});

describe("lambdaFlushOf", () => {
  it("names the tracer to flush and the statements that set it up", () => {
    const local = flushOf(
      `import { getTracer } from "./tracing";\nexport const handler = async () => {\n  const tracer = getTracer();\n  tracer.createSession();\n};`,
    );
    expect(local).toMatchObject({ traces: true, tracerText: "tracer", statementsBeforeTry: 1, flushedOnEveryPath: false });
    const lazy = flushOf(`import { getTracer } from "./tracing";\nexport const handler = async () => { getTracer().createSession(); };`);
    expect(lazy).toMatchObject({ tracerText: "getTracer()", statementsBeforeTry: 0 });
    const moduleLevel = flushOf(`${TRACER}export const handler = async () => { tracer.createSession(); };`);
    expect(moduleLevel).toMatchObject({ tracerText: "tracer", statementsBeforeTry: 0 });
  });

  it("keeps its lazy answers on a shared prototype, not as getters of each object (GC: see LazyLambdaFlush)", () => {
    const first = flushOf(`${TRACER}export const handler = async () => { tracer.createSession(); };`);
    const second = flushOf(`${TRACER}export const handler = async () => {\n  try { tracer.createSession(); } finally { await tracer.forceFlush(); }\n};`, "src/other.ts");
    for (const key of ["flushedOnEveryPath", "wrappedInTryFinally", "unawaitedFlushes", "flushedIfAwaited"]) {
      expect(Object.getOwnPropertyDescriptor(first, key)).toBeUndefined();
    }
    expect(Object.getPrototypeOf(first)).toBe(Object.getPrototypeOf(second));
    expect(Object.getPrototypeOf(first)).not.toBe(Object.prototype);
    expect([first.flushedOnEveryPath, first.wrappedInTryFinally, first.unawaitedFlushes, first.flushedIfAwaited]).toEqual([false, false, [], false]);
    expect([second.flushedOnEveryPath, second.wrappedInTryFinally]).toEqual([true, true]);
  });

  it("sees a handler that only calls a traced function", () => {
    const flush = flushOf(`import { trace, HoneyHiveTracer } from "honeyhive";\nconst t = HoneyHiveTracer.init();\nconst step = trace({ tracer: t }, async () => 1);\nexport const handler = async () => step();`);
    expect(flush).toMatchObject({ traces: true, tracerText: "t" });
  });

  it("does not take the result of a traced call for the tracer", () => {
    const flush = flushOf(
      `import { trace, HoneyHiveTracer } from "honeyhive";\nconst t = HoneyHiveTracer.init();\nconst step = trace({ tracer: t }, async () => 1);\nexport const handler = async () => {\n  const result = await step();\n  return result;\n};`,
    );
    expect(flush).toMatchObject({ tracerText: "t", statementsBeforeTry: 0 });
  });

  it("does not see tracing in a handler that does not trace", () => {
    expect(flushOf(`${TRACER}export const handler = async () => 1;`).traces).toBe(false);
  });

  it("lists un-awaited flushes and whether awaiting them is enough", () => {
    const statement = flushOf(`${TRACER}export const handler = async () => {\n  tracer.createSession();\n  tracer.forceFlush();\n  return 1;\n};`);
    expect(statement.unawaitedFlushes).toHaveLength(1);
    expect(statement.flushedIfAwaited).toBe(true);
    const early = flushOf(`${TRACER}export const handler = async (e) => {\n  if (e.x) return 0;\n  tracer.forceFlush();\n  return 1;\n};`);
    expect(early.flushedIfAwaited).toBe(false);
    const chained = flushOf(`${TRACER}export const handler = async () => {\n  tracer.forceFlush().then(() => 1);\n};`);
    expect(chained.unawaitedFlushes).toHaveLength(1);
    // `await` before the call awaits the whole chain.
    expect(chained.flushedIfAwaited).toBe(true);
    const inner = flushOf(`${TRACER}export const handler = async () => {\n  const done = tracer.forceFlush();\n  return done;\n};`);
    expect(inner.flushedIfAwaited).toBe(false);
  });

  it("recognizes a body already wrapped in try/finally", () => {
    const wrapped = flushOf(
      `import { getTracer } from "./tracing";\nexport const handler = async () => {\n  const tracer = getTracer();\n  try {\n    return await work();\n  } finally {\n    await tracer.forceFlush();\n  }\n};`,
    );
    expect(wrapped).toMatchObject({ wrappedInTryFinally: true, flushedOnEveryPath: true });
  });

  it("trusts a non-async or callback-style handler that flushes somewhere", () => {
    const callback = flushOf(
      `${TRACER}exports.handler = (event, context, callback) => { tracer.createSession(); tracer.forceFlush().then(() => callback(null)); };`,
      "src/index.js",
    );
    expect(callback.flushedOnEveryPath).toBe(true);
    const sync = flushOf(`${TRACER}export function handler() { tracer.createSession(); }`);
    expect(sync.flushedOnEveryPath).toBe(false);
  });

  // Blind round 16: `.finally(() => { tracer.forceFlush(); })` returns nothing, so the returned chain settles before the flush.
  it("does not trust a fire-and-forget flush in a promise callback of a handler that answers with its promise", () => {
    const chain = (callback: string): boolean =>
      flushOf(`${TRACER}export const handler = (event) => {\n  tracer.createSession();\n  return work(event).finally(${callback});\n};`).flushedOnEveryPath;
    expect(chain("() => { tracer.forceFlush(); }")).toBe(false);
    expect(chain("() => { void tracer.forceFlush(); }")).toBe(false);
    expect(chain("async () => { tracer.forceFlush(); }")).toBe(false);
    // Look-alikes: the callback's result is the flush, so the chain waits for it.
    expect(chain("() => tracer.forceFlush()")).toBe(true);
    expect(chain("() => { return tracer.forceFlush(); }")).toBe(true);
    expect(chain("async () => { await tracer.forceFlush(); }")).toBe(true);
    const callbackStyle = flushOf(
      `${TRACER}exports.handler = (event, context, callback) => { work(event).then((result) => { tracer.forceFlush(); callback(null, result); }); };`,
      "src/index.js",
    );
    expect(callbackStyle.flushedOnEveryPath).toBe(true);
  });
});

/** Is the last awaited call of `code` a flush of some SDK profile? */
function isProfileFlush(code: string): boolean {
  const input = parseAnalysisInput(code, "src/handler.ts");
  const awaited = nodesOfType(input.ast, AST_NODE_TYPES.AwaitExpression).at(-1);
  const argument = awaited?.argument.type === "ChainExpression" ? awaited.argument.expression : awaited?.argument;
  if (argument?.type !== "CallExpression") throw new Error("no awaited call in the snippet");
  return profileFlushTestOf(input)(argument);
}

describe("profileFlushTestOf: the profiles' flush calls, receivers resolved through bindings", () => {
  it.each([
    // nameAlone methods count on any receiver, resolved or not.
    ["forceFlush on anything", `import { p } from "./otel";\nawait p.forceFlush();`, true],
    ["Langfuse flushAsync, optional call through an `as` alias", `import { Langfuse } from "langfuse";\nconst ext = instance as Langfuse;\nawait ext.flushAsync?.();`, true],
    ["LangSmith awaitPendingTraceBatches on a project client", `import { client } from "./ls";\nawait client.awaitPendingTraceBatches();`, true],
    ["LangChain awaitAllCallbacks, renamed", `import { awaitAllCallbacks as wait } from "@langchain/core/callbacks/promises";\nawait wait();`, true],
    // module: an export of the package, by name or on the module value.
    ["Braintrust flush()", `import { flush } from "braintrust";\nawait flush();`, true],
    ["Braintrust flush() renamed", `import { flush as btFlush } from "braintrust";\nawait btFlush();`, true],
    ["braintrust.flush() on a namespace", `import * as braintrust from "braintrust";\nawait braintrust.flush();`, true],
    ["require(\"braintrust\").flush()", `const bt = require("braintrust");\nawait bt.flush();`, true],
    // static: a static of an exported class.
    ["1.x HoneyHiveTracer.flush()", `import { HoneyHiveTracer } from "honeyhive";\nawait HoneyHiveTracer.flush();`, true],
    ["Laminar.flush()", `import { Laminar as L } from "@lmnr-ai/lmnr";\nawait L.flush();`, true],
    // instance: `new X()`, an annotation, a cast, aliases.
    ["LangSmith new Client().flush()", `import { Client } from "langsmith";\nconst client = new Client();\nawait client.flush();`, true],
    ["LangSmith Client annotation", `import type { Client } from "langsmith";\nasync function f(client: Client) { await client.flush(); }`, true],
    ["NodeSDK shutdown through an alias", `import { NodeSDK } from "@opentelemetry/sdk-node";\nconst sdk = new NodeSDK({});\nconst same = sdk;\nawait same.shutdown();`, true],
    // result: what an export returns, and chains of calls on it.
    ["Braintrust initLogger().flush()", `import { initLogger } from "braintrust";\nconst logger = initLogger({ projectName: "p" });\nawait logger.flush();`, true],
    ["the global provider's delegate shutdown", `import { trace } from "@opentelemetry/api";\nawait trace.getTracerProvider().getDelegate().shutdown();`, true],
    // tracer: a HoneyHive tracer, 1.x included.
    ["1.x tracer.flush()", `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = await HoneyHiveTracer.init({});\nawait tracer.flush();`, true],
    ["2.x tracer.shutdown()", `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({});\nawait tracer.shutdown();`, true],
    // `flush` / `shutdown` need a resolved receiver.
    ["a pool's shutdown()", `import { Pool } from "pg";\nconst pool = new Pool();\nawait pool.shutdown();`, false],
    ["flush() of a project module", `import { flush } from "./queue";\nawait flush();`, false],
    ["a Client of another package", `import { Client } from "./db";\nconst client = new Client();\nawait client.flush();`, false],
    ["a logger's flush()", `const logger = makeLogger();\nawait logger.flush();`, false],
    ["a shadowed braintrust", `import * as braintrust from "braintrust";\nasync function f(braintrust) { await braintrust.flush(); }`, false],
  ])("%s", (_name, code, expected) => {
    expect(isProfileFlush(code)).toBe(expected);
  });
});

describe("lambdaFlushOf speaks the handler's profile", () => {
  const V1 = `import { HoneyHiveTracer } from "honeyhive";\nconst tracerPromise = HoneyHiveTracer.init({ project: "p" });\n`;
  const OTEL = (url: string, setup = `const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(exporter)] });\nconst tracer = provider.getTracer("x");\n`) =>
    `import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";\nimport { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";\n` +
    `import { trace } from "@opentelemetry/api";\nimport { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";\n` +
    `const exporter = new OTLPTraceExporter({ url: "${url}" });\n${setup}`;
  const HH_URL = "https://api.honeyhive.ai/opentelemetry/v1/traces";

  it("this SDK: forceFlush", () => {
    expect(flushOf(`${TRACER}export const handler = async () => { tracer.createSession(); };`)).toMatchObject({ profile: "honeyhive", flushText: "tracer.forceFlush()" });
  });

  it("1.x: the tracer's flush(), the static one where the file uses it, the awaited promise's", () => {
    const local = flushOf(`${V1}export const handler = async () => {\n  const tracer = await tracerPromise;\n  tracer.startSession();\n};`);
    expect(local).toMatchObject({ profile: "honeyhive-1x", flushText: "tracer.flush()", statementsBeforeTry: 1, flushedOnEveryPath: false });
    const promise = flushOf(`${V1}export const handler = async () => { (await tracerPromise).startSession(); };`);
    expect(promise).toMatchObject({ profile: "honeyhive-1x", flushText: "(await tracerPromise).flush()" });
    const staticFlush = flushOf(`${V1}export const handler = async () => { (await tracerPromise).startSession(); };\nexport const other = async () => HoneyHiveTracer.flush();`);
    expect(staticFlush).toMatchObject({ profile: "honeyhive-1x", flushText: "HoneyHiveTracer.flush()" });
  });

  it("the settings' sdkVersion wins over the code's evidence", () => {
    const code = `${V1}export const handler = async () => {\n  const tracer = await tracerPromise;\n  tracer.startSession();\n};`;
    expect(flushOf(code, "src/handler.ts", { ...DEFAULT_SETTINGS, sdkVersion: 2 })).toMatchObject({ profile: "honeyhive", flushText: "tracer.forceFlush()" });
    const constructed = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = new HoneyHiveTracer({ project: "p" });\nexport const handler = async () => { tracer.startSession(); };`;
    expect(flushOf(constructed, "src/handler.ts", { ...DEFAULT_SETTINGS, sdkVersion: 1 })).toMatchObject({ profile: "honeyhive-1x", flushText: "tracer.flush()" });
    // 1.x's init is async: what it returns without `await` is a promise.
    const plain = `${TRACER}export const handler = async () => { tracer.createSession(); };`;
    expect(flushOf(plain, "src/handler.ts", { ...DEFAULT_SETTINGS, sdkVersion: 1 })).toMatchObject({ profile: "honeyhive-1x", flushText: "(await tracer).flush()" });
  });

  it("OpenTelemetry to HoneyHive: the provider the file has, else a processor, else nothing to write", () => {
    const handler = `export const handler = async () => { tracer.startActiveSpan("h", (span) => span.end()); };`;
    expect(flushOf(OTEL(HH_URL) + handler)).toMatchObject({ traces: true, profile: "opentelemetry", flushText: "provider.forceFlush()", flushedOnEveryPath: false });
    const viaApi = handler.replace("tracer.startActiveSpan", `trace.getTracer("x").startActiveSpan`);
    const processor = OTEL(HH_URL, "const processor = new BatchSpanProcessor(exporter);\nnew NodeTracerProvider({ spanProcessors: [processor] }).register();\n");
    expect(flushOf(processor + viaApi)).toMatchObject({ traces: true, profile: "opentelemetry", flushText: "processor.forceFlush()" });
    const inline = OTEL(HH_URL, "new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(exporter)] }).register();\n");
    expect(flushOf(inline + viaApi)).toMatchObject({ traces: true, profile: "opentelemetry", flushText: undefined });
    // A handler that uses none of it does not trace (no instrumentations registered).
    expect(flushOf(`${OTEL(HH_URL)}export const handler = async () => 1;`).traces).toBe(false);
  });

  it("OpenTelemetry to another backend is no HoneyHive code", () => {
    const input = parseAnalysisInput(`${OTEL("https://otel.example.com/v1/traces")}export const handler = async () => { tracer.startActiveSpan("h", (s) => s.end()); };`, "src/handler.ts");
    expect(lambdaFlushOf(input, getHandlerModel(input).lambdaHandlers[0])).toBeUndefined();
  });
});

// The codemod relies on flush.ts, the rule on ESLint's code paths: they must agree, or the codemod
// would touch a handler the rule accepts (or leave one it reports).
describe("flush.ts agrees with the rule's code-path analysis", () => {
  function structuralVerdict(code: string, filename: string): string[] {
    const input = parseAnalysisInput(code, filename);
    return getHandlerModel(input)
      .lambdaHandlers.filter((handler) => {
        const flush = lambdaFlushOf(input, handler);
        return flush !== undefined && flush.traces && !flush.flushedOnEveryPath;
      })
      .map((handler) => handler.exportName);
  }

  function ruleVerdict(code: string, filename: string): string[] {
    const messages = lintWithRule(RULE_NAME, rule, code, filename);
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    // A module tracer's (or OpenTelemetry pipeline's) shutdown() is reported for what it does to warm invocations, not as a missing flush.
    return messages.filter((message) => !message.messageId?.startsWith("shutdownOfShared")).map((message) => /`([^`]+)`/.exec(message.message)?.[1] ?? "?");
  }

  // Same-file helpers: one flushes on every path, the other only sometimes.
  const HELPERS = "async function flushTraces() { await tracer.forceFlush(); }\nasync function notAFlush() { if (Math.random() > 0.5) await tracer.forceFlush(); }\n";
  const fixtureTexts = loadFixtures()
    .filter((fixture) => fixture.rule === RULE_NAME || fixture.rule === "no-session-start-in-handler")
    .flatMap((fixture) => [
      [`${fixture.id} (before)`, fixture.before, fixture.filename] as const,
      [`${fixture.id} (after)`, fixture.after, fixture.filename] as const,
    ]);
  const bodies = [
    "tracer.createSession();\nwaitUntil(tracer.forceFlush());",
    "tracer.createSession();\nevent.ctx.waitUntil(tracer.forceFlush());",
    "tracer.createSession();\nafter(() => tracer.forceFlush());",
    "after(async () => {\n  await tracer.forceFlush();\n});",
    "after(() => log());",
    "waitUntil(work());",
    "return work().finally(() => tracer.forceFlush());",
    "return work().then(async (r) => { await tracer.forceFlush(); return r; });",
    "return work().finally(() => log());",
    "return tracer.startActiveSpan('x', async (span) => {\n  try { return await work(); } finally { span.end(); await tracer.forceFlush(); }\n});",
    "await tracer.startSpan('x', async () => { await work(); await tracer.forceFlush(); });",
    "return tracer.startActiveSpan('x', async () => work());",
    "try {\n  return await work();\n} finally {\n  await tracer.forceFlush();\n}",
    "if (event.x) return 1;\nawait tracer.forceFlush();",
    "do { await tracer.forceFlush(); } while (event.more);",
    "while (true) { if (event.x) { await tracer.forceFlush(); break; } }",
    "for (;;) { if (event.x) break; await tracer.forceFlush(); return 1; }",
    "switch (event.t) {\n  case 1: await tracer.forceFlush(); break;\n  default: await tracer.forceFlush();\n}",
    "switch (event.t) {\n  case 1: await tracer.forceFlush(); break;\n}",
    "outer: try { if (event.x) break outer; } finally { await tracer.forceFlush(); }",
    "try {\n  await work();\n  await tracer.forceFlush();\n} catch {\n  return 'failed';\n}",
    "if (!event.ok) throw new Error('bad');\nawait tracer.forceFlush();",
    "event.x && (await tracer.forceFlush());",
    "await tracer?.forceFlush();",
    "try { await tracer.forceFlush(); } catch {}",
    "for (const r of event.Records) { if (r.x) continue; await tracer.forceFlush(); }\nawait tracer.forceFlush();",
    "await tracer.forceFlush().catch(console.error);",
    "tracer.forceFlush().catch(console.error);",
    "if (event.x) return tracer.forceFlush().then(() => 1);\nawait tracer.forceFlush();",
    "if (event.x) return tracer?.forceFlush();\nreturn 2;",
    "try { return await work(); } finally { await flushTraces(); }",
    "await Promise.race([flushTraces(), new Promise((resolve) => setTimeout(resolve, 500))]);",
    "try { return await work(); } finally { await notAFlush(); }",
    "try { return await work(); } finally { await tracer.shutdown(); }",
    "try { return await work(); } finally { await server.shutdown(); }",
  ].map((body, index) => [`snippet ${index}`, `${TRACER}${HELPERS}export const handler = async (event) => {\n${body}\n};`, "src/handler.ts"] as const);

  it("has cases", () => expect(fixtureTexts.length).toBeGreaterThan(20));

  it.each([...fixtureTexts, ...bodies])("%s", (_name, code, filename) => {
    expect(ruleVerdict(code, filename)).toEqual(structuralVerdict(code, filename));
  });
});

describe("handlers.ts and flush.ts on every fixture", () => {
  it("swallow no analysis error (the catch-all is for shapes nobody has seen yet)", () => {
    const swallowed: unknown[] = [];
    onAnalysisError((error) => swallowed.push(error));
    try {
      for (const fixture of loadFixtures()) {
        for (const code of [fixture.before, fixture.after]) {
          const input = parseAnalysisInput(code, fixture.filename);
          for (const handler of getHandlerModel(input).lambdaHandlers) lambdaFlushOf(input, handler);
        }
      }
    } finally {
      onAnalysisError(undefined);
    }
    expect(swallowed).toEqual([]);
  });
});

describe("flush helpers", () => {
  it("count a same-file function that flushes on every path and a tracer's shutdown, not a helper that may skip it or another object's shutdown", () => {
    const verdict = (body: string) => {
      const input = parseAnalysisInput(
        `${TRACER}async function flushTraces() { await tracer.forceFlush(); }\nasync function maybe() { if (Math.random() > 0.5) await tracer.forceFlush(); }\nexport const handler = async (event) => {\n  tracer.createSession();\n${body}\n};`,
        "src/handler.ts",
      );
      return lambdaFlushOf(input, getHandlerModel(input).lambdaHandlers[0])?.flushedOnEveryPath;
    };
    expect(verdict("await flushTraces();")).toBe(true);
    expect(verdict("await tracer.shutdown();")).toBe(true);
    expect(verdict("await maybe();")).toBe(false);
    expect(verdict("await server.shutdown();")).toBe(false);
    expect(verdict("flushTraces();")).toBe(false);
  });
});
