import { rmSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { NODE_FILE_SYSTEM, ProjectModules, setProjectModules } from "../analysis/project-modules.js";
import { withFakeDate } from "../analysis/test-utils/clock.js";
import { useTempProjects } from "../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../codemods/engine/engine.js";
import { loadFixtures } from "../fixtures/index.js";
import rule, { RULE_NAME } from "./require-force-flush-in-lambda.js";
import { configForRule, lintWithRule, type FixtureLintMessage } from "./test-utils/fixture-lint.js";
import { type AnyRule, type Case, lintCase } from "./test-utils/blind-cases.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";

const ruleTester = createRuleTester();
const testedRule = testableRule(rule);

const TRACER = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;

ruleTester.run(RULE_NAME, testedRule, {
  valid: [
    // A non-async Firebase 1st-gen handler that sends only once the flush settled.
    {
      code: `import * as functions from "firebase-functions";\n${TRACER}export const api = functions.https.onRequest((req, res) => {\n  tracer.createSession();\n  tracer.forceFlush().then(() => res.send("ok"));\n});`,
      filename: "functions/src/index.ts",
    },
    // try/finally with an awaited flush; `return await` keeps the flush after the work.
    `${TRACER}export const handler = async (event) => {\n  try {\n    return await work(event);\n  } finally {\n    await tracer.forceFlush();\n  }\n};`,
    // A flush before every return, early returns included.
    `${TRACER}export async function handler(event) {\n  if (!event.body) {\n    await tracer.forceFlush();\n    return { statusCode: 400 };\n  }\n  const out = await work(event);\n  await tracer.forceFlush();\n  return out;\n}`,
    // Throw paths need no flush.
    `${TRACER}export const handler = async (event) => {\n  if (!event.ok) throw new Error("bad");\n  tracer.createSession();\n  await tracer.forceFlush();\n};`,
    // Optional call and Promise.all count when awaited.
    `${TRACER}export const handler = async () => { tracer.createSession(); await tracer?.forceFlush(); };`,
    `${TRACER}export const handler = async () => { tracer.createSession(); await Promise.all([tracer.forceFlush(), other()]); };`,
    // Expression-bodied arrow whose expression awaits the flush.
    `${TRACER}export const handler = async () => void (await tracer.forceFlush());`,
    // Does not trace: nothing to flush.
    `${TRACER}export const handler = async (event) => ({ statusCode: 200 });`,
    // Not a Lambda: a script, another export name, a server, a Next.js route.
    `${TRACER}export const main = async () => { tracer.createSession(); };`,
    `${TRACER}import express from "express";\nconst app = express();\nexport const handler = async (req, res) => { tracer.createSession(); res.end(); };\napp.post("/x", handler);\napp.listen(3000);`,
    { code: `${TRACER}export async function POST() { tracer.createSession(); return new Response(); }`, filename: "app/api/x/route.ts" },
    // A yargs command module: its `handler` runs beside `command` as a CLI command, once per process.
    `${TRACER}export const command = "ingest <file>";\nexport const handler = async (argv) => { tracer.createSession(); await work(argv.file); };`,
    // A file without the SDK.
    `export const handler = async (event) => { await work(event); };`,
    // Callback-style handler that flushes before calling back: trusted (the rule cannot follow callbacks).
    `${TRACER}exports.handler = (event, context, callback) => {\n  tracer.createSession();\n  tracer.forceFlush().then(() => callback(null, "ok"));\n};`,
    // OpenTelemetry's tracer is not a HoneyHive one.
    `import { trace } from "@opentelemetry/api";\nexport const handler = async () => { trace.getTracer("svc").startActiveSpan("x", (span) => span.end()); };`,
    // A parameter that shadows the module's tracer is not it.
    `${TRACER}export const handler = async (event, tracer) => { tracer.createSession(); };`,
    // Another library's forceFlush-free "tracer" from a package.
    `import { tracer } from "dd-trace";\nexport const handler = async () => { tracer.trace("x", () => 1); };`,
    // Counted as a flush: the platform finishes it after the response, or the returned promise settles after it.
    `import { waitUntil } from "@vercel/functions";\n${TRACER}export const handler = async (event) => { tracer.createSession(); waitUntil(tracer.forceFlush()); };`,
    `import { after } from "next/server";\n${TRACER}export const handler = async () => { after(() => tracer.forceFlush()); tracer.createSession(); };`,
    `${TRACER}export const handler = async (event) => { tracer.createSession(); return work(event).finally(() => tracer.forceFlush()); };`,
    `${TRACER}export const handler = async (event) =>\n  tracer.startActiveSpan("h", async (span) => {\n    try {\n      return await work(event);\n    } finally {\n      span.end();\n      await tracer.forceFlush();\n    }\n  });`,
    // A flush right before a send whose argument awaits nothing: the argument is computed after the flush, but runs no work.
    { code: `import * as functions from "@google-cloud/functions-framework";\n${TRACER}functions.http("chat", async (req, res) => {\n  tracer.createSession();\n  const reply = await answer(req.body);\n  await tracer.forceFlush();\n  res.json({ reply, at: Date.now() });\n});\n`, filename: "src/index.ts" },
    // Known false negative: an arbitrary wrapper around the handler is not analysed.
    `${TRACER}export const handler = withSentry(async () => { tracer.createSession(); });`,
    // shutdown() of a tracer the invocation made (the seed's per-invocation tracer), also through a local
    // alias of it; of a tracer handed in; a factory's fresh tracer; and a database pool's shutdown.
    `import { HoneyHiveTracer } from "honeyhive";\nexport const handler = async (event) => {\n  const tracer = HoneyHiveTracer.init({ project: "p" });\n  try {\n    return await tracer.trace({ eventName: "work" }, work)(event);\n  } finally {\n    await tracer.shutdown();\n  }\n};`,
    `import { HoneyHiveTracer } from "honeyhive";\nexport const handler = async (event) => {\n  const own = HoneyHiveTracer.init({ project: "p" });\n  const tracer = own;\n  tracer.createSession();\n  await tracer.shutdown();\n};`,
    `import { HoneyHiveTracer } from "honeyhive";\nconst makeTracer = (project) => HoneyHiveTracer.init({ project });\nexport const handler = async (event) => {\n  const tracer = makeTracer(event.project);\n  tracer.createSession();\n  await tracer.shutdown();\n};`,
    `${TRACER}import { Pool } from "pg";\nconst pool = new Pool();\nexport const handler = async () => {\n  tracer.createSession();\n  await tracer.forceFlush();\n  await pool.shutdown();\n};`,
    // Look-alikes of `export { worker as default }`: a default-exported function, a call's result, a
    // re-export from another module (none is an object literal of this file, so no module worker).
    `${TRACER}function worker(request) {\n  tracer.createSession();\n  return request;\n}\nexport { worker as default };`,
    `${TRACER}const worker = makeWorker({ async fetch(request) { tracer.createSession(); return request; } });\nexport { worker as default };`,
    `${TRACER}export { default } from "./worker";\nexport const helpers = { async fetch(request) { tracer.createSession(); return request; } };`,
    // A script's main() may shut its module tracer down: it is no serverless handler.
    `${TRACER}export const main = async () => { tracer.createSession(); await tracer.shutdown(); };`,
  ],
  invalid: [
    {
      // shutdown() of the module-level tracer: the warm instance's later invocations record nothing
      // (real-code-public-2 shape 36). Its flush instead; the path counts as flushed all the same.
      code: `${TRACER}export const handler = async (event) => {\n  tracer.createSession({ sessionName: "invocation" });\n  try {\n    return { statusCode: 200 };\n  } finally {\n    await tracer.shutdown();\n  }\n};`,
      errors: [
        {
          messageId: "shutdownOfSharedTracer",
          data: { name: "handler", platform: "AWS Lambda", tracer: "tracer", flush: "tracer.forceFlush()" },
          line: 8,
          column: 18,
          endColumn: 26,
          suggestions: [
            {
              messageId: "flushInsteadOfShutdown",
              data: { flush: "tracer.forceFlush()" },
              output: `${TRACER}export const handler = async (event) => {\n  tracer.createSession({ sessionName: "invocation" });\n  try {\n    return { statusCode: 200 };\n  } finally {\n    await tracer.forceFlush();\n  }\n};`,
            },
          ],
        },
      ],
    },
    {
      // Through a caching getter's local, an optional call, and an imported tracer in a `.finally()` callback.
      code: `import { HoneyHiveTracer } from "honeyhive";\nlet cached;\nconst getTracer = () => (cached ??= HoneyHiveTracer.init({ project: "p" }));\nexport const handler = async (event) => {\n  const tracer = getTracer();\n  tracer.createSession();\n  await tracer?.shutdown();\n};`,
      errors: [
        {
          messageId: "shutdownOfSharedTracer",
          data: { name: "handler", platform: "AWS Lambda", tracer: "tracer", flush: "tracer.forceFlush()" },
          suggestions: [
            {
              messageId: "flushInsteadOfShutdown",
              data: { flush: "tracer.forceFlush()" },
              output: `import { HoneyHiveTracer } from "honeyhive";\nlet cached;\nconst getTracer = () => (cached ??= HoneyHiveTracer.init({ project: "p" }));\nexport const handler = async (event) => {\n  const tracer = getTracer();\n  tracer.createSession();\n  await tracer?.forceFlush();\n};`,
            },
          ],
        },
      ],
    },
    {
      code: `import { tracer } from "./lib/tracing";\nexport const handler = async (event) => {\n  tracer.createSession();\n  return work(event).finally(() => tracer.shutdown());\n};`,
      errors: [
        {
          messageId: "shutdownOfSharedTracer",
          data: { name: "handler", platform: "AWS Lambda", tracer: "tracer", flush: "tracer.forceFlush()" },
          suggestions: [
            {
              messageId: "flushInsteadOfShutdown",
              data: { flush: "tracer.forceFlush()" },
              output: `import { tracer } from "./lib/tracing";\nexport const handler = async (event) => {\n  tracer.createSession();\n  return work(event).finally(() => tracer.forceFlush());\n};`,
            },
          ],
        },
      ],
    },
    {
      code: `${TRACER}export const handler = async (event) => {\n  tracer.createSession();\n  return work(event);\n};`,
      errors: [
        {
          messageId: "missingFlush",
          data: { name: "handler", flush: "tracer.forceFlush()", platform: "AWS Lambda", recommended: "`await tracer.forceFlush()`" },
          line: 3,
          column: 14,
          endColumn: 21,
          suggestions: [
            {
              messageId: "wrapInTryFinally",
              data: { flush: "tracer.forceFlush()" },
              output: `${TRACER}export const handler = async (event) => {\n  try {\n    tracer.createSession();\n    return await work(event);\n  } finally {\n    await tracer.forceFlush();\n  }\n};`,
            },
          ],
        },
      ],
    },
    // A module-level tracer the handler assigns with `??=`: its declaration lets it be undefined and
    // TypeScript does not carry the narrowing into the finally (TS18048), so the flush is optional.
    ...[
      ["let tracer: HoneyHiveTracer | undefined;", "tracer?.forceFlush()"],
      ["let tracer: HoneyHiveTracer | null = null;", "tracer?.forceFlush()"],
      ["let tracer;", "tracer?.forceFlush()"],
      ["let tracer = undefined;", "tracer?.forceFlush()"],
      ["let tracer: HoneyHiveTracer = HoneyHiveTracer.init({ project: \"p\" });", "tracer.forceFlush()"],
    ].map(([declaration, flush]) => ({
      code: `import { HoneyHiveTracer } from "honeyhive";\n${declaration}\nexport const handler = async (event) => {\n  tracer ??= HoneyHiveTracer.init({ project: "p" });\n  tracer.createSession();\n  return work(event);\n};`,
      errors: [
        {
          messageId: "missingFlush" as const,
          data: { name: "handler", flush, platform: "AWS Lambda", recommended: `\`await ${flush}\`` },
          suggestions: [
            {
              messageId: "wrapInTryFinally" as const,
              data: { flush },
              output: `import { HoneyHiveTracer } from "honeyhive";\n${declaration}\nexport const handler = async (event) => {\n  try {\n    tracer ??= HoneyHiveTracer.init({ project: "p" });\n    tracer.createSession();\n    return await work(event);\n  } finally {\n    await ${flush};\n  }\n};`,
            },
          ],
        },
      ],
    })),
    {
      // Wrapping awaits only the handler's own returns (not those of a callback inside it), and
      // leaves the lines inside a multi-line template literal as they are.
      code: `${TRACER}export const handler = async (event) => {\n  tracer.createSession();\n  const items = event.items.map((item) => {\n    return format(item);\n  });\n  const body = \`a\nb\`;\n  return send(items, body);\n};`,
      errors: [
        {
          messageId: "missingFlush",
          suggestions: [
            {
              messageId: "wrapInTryFinally",
              data: { flush: "tracer.forceFlush()" },
              output: `${TRACER}export const handler = async (event) => {\n  try {\n    tracer.createSession();\n    const items = event.items.map((item) => {\n      return format(item);\n    });\n    const body = \`a\nb\`;\n    return await send(items, body);\n  } finally {\n    await tracer.forceFlush();\n  }\n};`,
            },
          ],
        },
      ],
    },
    {
      // The early return skips the flush.
      code: `${TRACER}export async function handler(event) {\n  if (!event.body) return { statusCode: 400 };\n  tracer.createSession();\n  await tracer.forceFlush();\n  return { statusCode: 200 };\n}`,
      errors: [
        {
          messageId: "missingFlush",
          line: 3,
          column: 23,
          suggestions: [
            {
              messageId: "wrapInTryFinally",
              data: { flush: "tracer.forceFlush()" },
              // The finally flushes every path once: the flush on one path goes.
              output: `${TRACER}export async function handler(event) {\n  try {\n    if (!event.body) return { statusCode: 400 };\n    tracer.createSession();\n    return { statusCode: 200 };\n  } finally {\n    await tracer.forceFlush();\n  }\n}`,
            },
          ],
        },
      ],
    },
    {
      // A flush that is not awaited does not count; awaiting it is the suggestion.
      code: `${TRACER}export const handler = async () => {\n  tracer.createSession();\n  void tracer.forceFlush();\n};`,
      errors: [
        {
          messageId: "missingFlush",
          suggestions: [
            {
              messageId: "awaitFlush",
              data: { flush: "tracer.forceFlush()" },
              output: `${TRACER}export const handler = async () => {\n  tracer.createSession();\n  await tracer.forceFlush();\n};`,
            },
          ],
        },
      ],
    },
    {
      // An un-awaited flush in the finally does not count either; awaiting its chain is the fix.
      code: `${TRACER}export const handler = async () => {\n  try {\n    tracer.createSession();\n  } finally {\n    tracer.forceFlush().then(() => undefined);\n  }\n};`,
      errors: [
        {
          messageId: "missingFlush",
          suggestions: [
            {
              messageId: "awaitFlush",
              data: { flush: "tracer.forceFlush()" },
              output: `${TRACER}export const handler = async () => {\n  try {\n    tracer.createSession();\n  } finally {\n    await tracer.forceFlush().then(() => undefined);\n  }\n};`,
            },
          ],
        },
      ],
    },
    {
      // Conditional flush: one path misses it.
      code: `${TRACER}export const handler = async (event) => {\n  tracer.createSession();\n  if (event.flush) await tracer.forceFlush();\n};`,
      errors: [
        {
          messageId: "missingFlush",
          suggestions: [
            {
              messageId: "wrapInTryFinally",
              data: { flush: "tracer.forceFlush()" },
              output: `${TRACER}export const handler = async (event) => {\n  try {\n    tracer.createSession();\n    if (event.flush) await tracer.forceFlush();\n  } finally {\n    await tracer.forceFlush();\n  }\n};`,
            },
          ],
        },
      ],
    },
    {
      // Expression-bodied async arrow, CommonJS export.
      code: `const { HoneyHiveTracer } = require("honeyhive");\nconst tracer = HoneyHiveTracer.init();\nexports.handler = async (event) => tracer.startSpan("x", () => work(event));`,
      filename: "index.cjs",
      errors: [
        {
          messageId: "missingFlush",
          data: { name: "handler", flush: "tracer.forceFlush()", platform: "AWS Lambda", recommended: "`await tracer.forceFlush()`" },
          line: 3,
          column: 9,
          suggestions: [
            {
              messageId: "wrapInTryFinally",
              data: { flush: "tracer.forceFlush()" },
              output: `const { HoneyHiveTracer } = require("honeyhive");\nconst tracer = HoneyHiveTracer.init();\nexports.handler = async (event) => {\n  try {\n    return await tracer.startSpan("x", () => work(event));\n  } finally {\n    await tracer.forceFlush();\n  }\n};`,
            },
          ],
        },
      ],
    },
    {
      // module.exports = { handler } with a lazily initialized tracer in a local module.
      code: `const { getTracer } = require("./tracing");\nasync function handler(event) {\n  getTracer().createSession();\n}\nmodule.exports = { handler };`,
      filename: "index.js",
      errors: [
        {
          messageId: "missingFlush",
          data: { name: "handler", flush: "getTracer().forceFlush()", platform: "AWS Lambda", recommended: "`await getTracer().forceFlush()`" },
          line: 5,
          column: 20,
          suggestions: [
            {
              messageId: "wrapInTryFinally",
              data: { flush: "getTracer().forceFlush()" },
              output: `const { getTracer } = require("./tracing");\nasync function handler(event) {\n  try {\n    getTracer().createSession();\n  } finally {\n    await getTracer().forceFlush();\n  }\n}\nmodule.exports = { handler };`,
            },
          ],
        },
      ],
    },
    {
      // The getter destructured from an awaited import() in the handler: flushed through its call, as
      // when imported statically (review-rules F1: `getTracer.forceFlush()` threw in the finally).
      code: `export const handler = async (event) => {\n  const { getTracer } = await import("./tracing");\n  return getTracer().trace("order", async () => ({ statusCode: 200 }));\n};`,
      filename: "src/handler.ts",
      errors: [
        {
          messageId: "missingFlush",
          data: { name: "handler", flush: "getTracer().forceFlush()", platform: "AWS Lambda", recommended: "`await getTracer().forceFlush()`" },
          suggestions: [
            {
              messageId: "wrapInTryFinally",
              data: { flush: "getTracer().forceFlush()" },
              output: `export const handler = async (event) => {\n  const { getTracer } = await import("./tracing");\n  try {\n    return await getTracer().trace("order", async () => ({ statusCode: 200 }));\n  } finally {\n    await getTracer().forceFlush();\n  }\n};`,
            },
          ],
        },
      ],
    },
    {
      // Only a traced function is called; its bound tracer is the one to flush.
      code: `import { trace, HoneyHiveTracer as T } from "honeyhive";\nconst t = T.init();\nconst step = trace({ tracer: t }, async () => 1);\nexport const handler = async () => { await step(); };`,
      errors: [
        {
          messageId: "missingFlush",
          data: { name: "handler", flush: "t.forceFlush()", platform: "AWS Lambda", recommended: "`await t.forceFlush()`" },
          // A compact body is rebuilt as a block, as the codemod does.
          suggestions: [{ messageId: "wrapInTryFinally", data: { flush: "t.forceFlush()" }, output: `import { trace, HoneyHiveTracer as T } from "honeyhive";\nconst t = T.init();\nconst step = trace({ tracer: t }, async () => 1);\nexport const handler = async () => {\n  try {\n    await step();\n  } finally {\n    await t.forceFlush();\n  }\n};` }],
        },
      ],
    },
    {
      // Non-async handler: a different message, no suggestion.
      code: `${TRACER}export function handler(event) {\n  tracer.createSession();\n  return { ok: true };\n}`,
      errors: [{ messageId: "missingFlushNotAsync", data: { name: "handler", flush: "tracer.forceFlush()", platform: "AWS Lambda" }, suggestions: [] }],
    },
    // Non-async handlers of platforms whose HTTP invocation ends with the response (Firebase 1st and 2nd
    // gen `https.onRequest`, the Functions Framework's `http`): the message says "before it sends the
    // response", as the send-based suggestion does, not "before it returns".
    ...[
      [`import * as functions from "firebase-functions";\n`, "export const api = functions.https.onRequest((req, res) => {", "api"],
      [`import * as functions from "firebase-functions/v1";\n`, `export const api = functions.region("europe-west1").https.onRequest((req, res) => {`, "api"],
      [`import { onRequest } from "firebase-functions/v2/https";\n`, "export const api = onRequest((req, res) => {", "api"],
      [`import * as functions from "@google-cloud/functions-framework";\n`, `functions.http("chat", (req, res) => {`, "chat"],
    ].map(([imports, head, name]) => ({
      code: `${imports}${TRACER}${head}\n  tracer.createSession();\n  res.send("ok");\n});`,
      filename: "functions/src/index.ts",
      errors: [{ messageId: "missingFlushNotAsyncBeforeSend" as const, data: { name, flush: "tracer.forceFlush()", platform: "Google Cloud Functions" }, suggestions: [] }],
    })),
    // Firebase's `cors(req, res, async () => …)`: the handler is not async, the callback it hands the response to is
    // and sends; making the handler async would not help, the flush goes in the callback.
    ...[
      [`import cors from "cors";\nconst corsHandler = cors({ origin: true });\n`, "corsHandler(req, res, async () => {"],
      [`import { withAuth } from "./auth";\n`, "withAuth(req, res, async function (user) {"],
    ].map(([setup, call]) => ({
      code: `import * as functions from "firebase-functions";\n${setup}${TRACER}export const api = functions.https.onRequest((req, res) => {\n  ${call}\n    tracer.createSession();\n    res.send(await answer(req.body));\n  });\n});`,
      filename: "functions/src/index.ts",
      errors: [{ messageId: "missingFlushInCallback" as const, data: { name: "api", flush: "tracer.forceFlush()", platform: "Google Cloud Functions" }, suggestions: [] }],
    })),
    // The callback is not async (Firebase's own sample, `cors(req, res, () => …)`): making the handler async would not
    // help either; the flush goes in the callback, made async (review-rules3: was told to make the handler async).
    {
      code: `import * as functions from "firebase-functions";\nimport cors from "cors";\nconst corsHandler = cors({ origin: true });\n${TRACER}export const api = functions.https.onRequest((req, res) => {\n  corsHandler(req, res, () => {\n    tracer.createSession();\n    res.status(200).send("ok");\n  });\n});`,
      filename: "functions/src/index.ts",
      errors: [{ messageId: "missingFlushInCallback" as const, data: { name: "api", flush: "tracer.forceFlush()", platform: "Google Cloud Functions" }, suggestions: [] }],
    },
    // The response cast where it is handed on and where the callback sends (`(res as any).json(x)`): still the callback's wording.
    {
      code: `import * as functions from "firebase-functions";\nimport cors from "cors";\nconst corsHandler = cors({ origin: true });\n${TRACER}export const api = functions.https.onRequest((req, res) => {\n  corsHandler(req, res as any, () => {\n    tracer.createSession();\n    (res as any).status(200).send("ok");\n  });\n});`,
      filename: "functions/src/index.ts",
      errors: [{ messageId: "missingFlushInCallback" as const, data: { name: "api", flush: "tracer.forceFlush()", platform: "Google Cloud Functions" }, suggestions: [] }],
    },
    // Look-alike: the async callback the response goes with does not send; the handler sends itself: the not-async wording.
    {
      code: `import * as functions from "firebase-functions";\nimport { setHeaders } from "./headers";\n${TRACER}export const api = functions.https.onRequest((req, res) => {\n  tracer.createSession();\n  setHeaders(req, res, async () => { await audit(req); });\n  res.json({ ok: true });\n});`,
      filename: "functions/src/index.ts",
      errors: [{ messageId: "missingFlushNotAsyncBeforeSend" as const, data: { name: "api", flush: "tracer.forceFlush()", platform: "Google Cloud Functions" }, suggestions: [] }],
    },
    // An async handler on a send-based platform: "can send the response before", with the fix before the send;
    // one whose unflushed exit is a return that sends nothing keeps "can return without".
    {
      code: `import * as functions from "@google-cloud/functions-framework";\n${TRACER}functions.http("chat", async (req, res) => {\n  tracer.createSession();\n  res.json(await answer(req.body));\n});\n`,
      filename: "src/index.ts",
      errors: [
        {
          messageId: "missingFlushBeforeSend" as const,
          data: { name: "chat", flush: "tracer.forceFlush()", platform: "Google Cloud Functions" },
          suggestions: [{ messageId: "flushBeforeResponse" as const, data: { flush: "tracer.forceFlush()" }, output: `import * as functions from "@google-cloud/functions-framework";\n${TRACER}functions.http("chat", async (req, res) => {\n  tracer.createSession();\n  const result = await answer(req.body);\n  await tracer.forceFlush();\n  res.json(result);\n});\n` }],
        },
      ],
    },
    {
      code: `import * as functions from "@google-cloud/functions-framework";\n${TRACER}functions.http("chat", async (req, res) => {\n  tracer.createSession();\n  if (!req.body) return;\n  await tracer.forceFlush();\n  res.json({});\n});\n`,
      filename: "src/index.ts",
      errors: [{ messageId: "missingFlush" as const, data: { name: "chat", flush: "tracer.forceFlush()", platform: "Google Cloud Functions", recommended: "`await tracer.forceFlush()`" } }],
    },
    {
      code: `${TRACER}exports.handler = function (event, context, callback) {\n  tracer.createSession();\n  callback(null, "ok");\n};`,
      filename: "index.js",
      errors: [{ messageId: "missingFlushCallback", data: { name: "handler", flush: "tracer.forceFlush()", platform: "AWS Lambda" }, suggestions: [] }],
    },
    {
      // middy: the wrapped function is analysed and reported, by the name it is declared with.
      code: `import middy from "@middy/core";\n${TRACER}const base = async () => { tracer.createSession(); };\nexport const handler = middy(base).use(cors());`,
      errors: [
        {
          messageId: "missingFlush",
          line: 4,
          column: 7,
          suggestions: [{ messageId: "wrapInTryFinally", data: { flush: "tracer.forceFlush()" }, output: `import middy from "@middy/core";\n${TRACER}const base = async () => {\n  try {\n    tracer.createSession();\n  } finally {\n    await tracer.forceFlush();\n  }\n};\nexport const handler = middy(base).use(cors());` }],
        },
      ],
    },
    {
      // Member require, .cts file.
      code: `const tracer = require("honeyhive").HoneyHiveTracer.init();\nmodule.exports.handler = async () => { tracer.createSession(); };`,
      filename: "index.cts",
      errors: [
        {
          messageId: "missingFlush",
          data: { name: "handler", flush: "tracer.forceFlush()", platform: "AWS Lambda", recommended: "`await tracer.forceFlush()`" },
          line: 2,
          column: 16,
          suggestions: [{ messageId: "wrapInTryFinally", data: { flush: "tracer.forceFlush()" }, output: `const tracer = require("honeyhive").HoneyHiveTracer.init();\nmodule.exports.handler = async () => {\n  try {\n    tracer.createSession();\n  } finally {\n    await tracer.forceFlush();\n  }\n};` }],
        },
      ],
    },
    {
      // Configured handler names and aws-lambda types.
      code: `${TRACER}export const process = async () => { tracer.createSession(); };`,
      settings: { honeyhive: { lambdaHandlerNames: ["process"] } },
      errors: [
        {
          messageId: "missingFlush",
          data: { name: "process", flush: "tracer.forceFlush()", platform: "AWS Lambda", recommended: "`await tracer.forceFlush()`" },
          suggestions: [{ messageId: "wrapInTryFinally", data: { flush: "tracer.forceFlush()" }, output: `${TRACER}export const process = async () => {\n  try {\n    tracer.createSession();\n  } finally {\n    await tracer.forceFlush();\n  }\n};` }],
        },
      ],
    },
    {
      code: `import type { SQSHandler } from "aws-lambda";\n${TRACER}export const consume: SQSHandler = async () => { tracer.createSession(); };`,
      filename: "consumer.mts",
      errors: [
        {
          messageId: "missingFlush",
          data: { name: "consume", flush: "tracer.forceFlush()", platform: "AWS Lambda", recommended: "`await tracer.forceFlush()`" },
          suggestions: [{ messageId: "wrapInTryFinally", data: { flush: "tracer.forceFlush()" }, output: `import type { SQSHandler } from "aws-lambda";\n${TRACER}export const consume: SQSHandler = async () => {\n  try {\n    tracer.createSession();\n  } finally {\n    await tracer.forceFlush();\n  }\n};` }],
        },
      ],
    },
  ],
});

/**
 * The flush fix on the shapes the old suggestion got wrong (issue 13). Each is a RuleTester case
 * (the suggestion's output) and a codemod case (the same output): one fix, two faces.
 */
const GCF = `import * as functions from "@google-cloud/functions-framework";\n${TRACER}`;
const SEMICOLON_FREE_GCF = `import * as functions from "@google-cloud/functions-framework"\nimport { HoneyHiveTracer } from "honeyhive"\nconst tracer = HoneyHiveTracer.init({ project: "p" })\n`;
const SEMICOLON_FREE_GETTER = `import { HoneyHiveTracer } from "honeyhive"\nlet cached: HoneyHiveTracer | undefined\nfunction getTracer() {\n  return (cached ??= HoneyHiveTracer.init({ project: "p" }))\n}\n`;

const FIX_CASES: ReadonlyArray<{
  readonly name: string;
  readonly code: string;
  readonly messageId: "wrapInTryFinally" | "awaitFlush" | "waitUntilFlush" | "flushBeforeResponse" | "afterFlush";
  readonly output: string;
  readonly filename?: string;
}> = [
  {
    name: "a comment between => and the body stays, above the return",
    code: `${TRACER}export const handler = async (event) => // the span is the handler's\n  tracer.startSpan("x", () => work(event));\n`,
    messageId: "wrapInTryFinally",
    output: `${TRACER}export const handler = async (event) => {\n  try {\n    // the span is the handler's\n    return await tracer.startSpan("x", () => work(event));\n  } finally {\n    await tracer.forceFlush();\n  }\n};\n`,
  },
  {
    name: "a 4-space file is indented with 4 spaces",
    code: `${TRACER}export const handler = async (event) => {\n    tracer.createSession();\n    if (event.skip) {\n        return null;\n    }\n    return work(event);\n};\n`,
    messageId: "wrapInTryFinally",
    output: `${TRACER}export const handler = async (event) => {\n    try {\n        tracer.createSession();\n        if (event.skip) {\n            return null;\n        }\n        return await work(event);\n    } finally {\n        await tracer.forceFlush();\n    }\n};\n`,
  },
  {
    name: "a body already in try/finally gets the flush in its finally",
    code: `${TRACER}export const handler = async (event) => {\n  try {\n    tracer.createSession();\n    return work(event);\n  } finally {\n    cleanup();\n  }\n};\n`,
    messageId: "wrapInTryFinally",
    output: `${TRACER}export const handler = async (event) => {\n  try {\n    tracer.createSession();\n    return await work(event);\n  } finally {\n    cleanup();\n    await tracer.forceFlush();\n  }\n};\n`,
  },
  {
    name: "void flush: await, and the fire-and-forget comment (now false) goes",
    code: `${TRACER}export const handler = async (event) => {\n  tracer.createSession();\n  await work(event);\n  void tracer.forceFlush(); // fire-and-forget: do not delay the response\n};\n`,
    messageId: "awaitFlush",
    output: `${TRACER}export const handler = async (event) => {\n  tracer.createSession();\n  await work(event);\n  await tracer.forceFlush();\n};\n`,
  },
  {
    name: "void flush: another comment stays",
    code: `${TRACER}export const handler = async (event) => {\n  tracer.createSession();\n  await work(event);\n  // flush what the work recorded\n  void tracer.forceFlush();\n};\n`,
    messageId: "awaitFlush",
    output: `${TRACER}export const handler = async (event) => {\n  tracer.createSession();\n  await work(event);\n  // flush what the work recorded\n  await tracer.forceFlush();\n};\n`,
  },
  {
    name: "a try/catch that flushes on one path gets a finally and flushes once",
    code: `${TRACER}export const handler = async (event) => {\n  try {\n    tracer.createSession();\n    const result = await work(event);\n    await tracer.forceFlush();\n    return result;\n  } catch (error) {\n    log(error);\n    return { statusCode: 500 };\n  }\n};\n`,
    messageId: "wrapInTryFinally",
    output: `${TRACER}export const handler = async (event) => {\n  try {\n    tracer.createSession();\n    const result = await work(event);\n    return result;\n  } catch (error) {\n    log(error);\n    return { statusCode: 500 };\n  } finally {\n    await tracer.forceFlush();\n  }\n};\n`,
  },
  // Platforms whose HTTP handler answers through `res`: the invocation ends when the response is sent,
  // so the flush goes before each send (a finally would run after it).
  {
    name: "Cloud Functions HTTP: an awaited flush before each send, an unbraced early send gets braces",
    code: `${GCF}functions.http("chat", async (req, res) => {\n  tracer.createSession();\n  if (!req.body) return res.status(400).send("no body");\n  const reply = await answer(req.body);\n  res.status(200).json({ reply });\n});\n`,
    messageId: "flushBeforeResponse",
    output: `${GCF}functions.http("chat", async (req, res) => {\n  tracer.createSession();\n  if (!req.body) { await tracer.forceFlush(); return res.status(400).send("no body"); }\n  const reply = await answer(req.body);\n  await tracer.forceFlush();\n  res.status(200).json({ reply });\n});\n`,
  },
  {
    name: "Cloud Functions HTTP: a fire-and-forget flush after the response goes, the awaited one comes before it",
    code: `${GCF}functions.http("chat", async (req, res) => {\n  tracer.createSession();\n  if (req.query.dry) {\n    res.end();\n    return;\n  }\n  res.json(await answer(req.body));\n  void tracer.forceFlush();\n});\n`,
    messageId: "flushBeforeResponse",
    output: `${GCF}functions.http("chat", async (req, res) => {\n  tracer.createSession();\n  if (req.query.dry) {\n    await tracer.forceFlush();\n    res.end();\n    return;\n  }\n  const result = await answer(req.body);\n  await tracer.forceFlush();\n  res.json(result);\n});\n`,
  },
  // A flush in a `finally` runs after the response: it moves before each send (issue 13).
  {
    name: "Cloud Functions HTTP: a try whose finally only flushes goes, the flush moves before the send",
    code: `${GCF}functions.http("chat", async (req, res) => {\n  tracer.createSession();\n  try {\n    const reply = await answer(req.body);\n    res.json({ reply });\n  } finally {\n    await tracer.forceFlush();\n  }\n});\n`,
    messageId: "flushBeforeResponse",
    output: `${GCF}functions.http("chat", async (req, res) => {\n  tracer.createSession();\n  const reply = await answer(req.body);\n  await tracer.forceFlush();\n  res.json({ reply });\n});\n`,
  },
  {
    name: "Cloud Functions HTTP: try/catch/finally keeps the catch, the finally that only flushed goes",
    code: `${GCF}functions.http("chat", async (req, res) => {\n  try {\n    tracer.createSession();\n    const reply = await answer(req.body);\n    res.json({ reply });\n  } catch (error) {\n    res.status(500).send(String(error));\n  } finally {\n    await tracer.forceFlush();\n  }\n});\n`,
    messageId: "flushBeforeResponse",
    output: `${GCF}functions.http("chat", async (req, res) => {\n  try {\n    tracer.createSession();\n    const reply = await answer(req.body);\n    await tracer.forceFlush();\n    res.json({ reply });\n  } catch (error) {\n    await tracer.forceFlush();\n    res.status(500).send(String(error));\n  }\n});\n`,
  },
  {
    name: "Cloud Functions HTTP: a finally that does more keeps the rest",
    code: `${GCF}functions.http("chat", async (req, res) => {\n  const lease = await acquire();\n  try {\n    tracer.createSession();\n    res.json(answerFrom(lease));\n  } finally {\n    await tracer.forceFlush();\n    lease.release();\n  }\n});\n`,
    messageId: "flushBeforeResponse",
    output: `${GCF}functions.http("chat", async (req, res) => {\n  const lease = await acquire();\n  try {\n    tracer.createSession();\n    await tracer.forceFlush();\n    res.json(answerFrom(lease));\n  } finally {\n    lease.release();\n  }\n});\n`,
  },
  {
    name: "Cloud Functions CloudEvent: ends with its promise, try/finally",
    code: `${GCF}functions.cloudEvent("ingest", async (event) => {\n  tracer.createSession();\n  await ingest(event.data);\n});\n`,
    messageId: "wrapInTryFinally",
    output: `${GCF}functions.cloudEvent("ingest", async (event) => {\n  try {\n    tracer.createSession();\n    await ingest(event.data);\n  } finally {\n    await tracer.forceFlush();\n  }\n});\n`,
  },
  {
    name: "Firebase onRequest: the flush before res.send",
    code: `import { onRequest } from "firebase-functions/v2/https";\n${TRACER}export const chat = onRequest(async (req, res) => {\n  tracer.createSession();\n  res.send(await answer(req.body));\n});\n`,
    messageId: "flushBeforeResponse",
    output: `import { onRequest } from "firebase-functions/v2/https";\n${TRACER}export const chat = onRequest(async (req, res) => {\n  tracer.createSession();\n  const result = await answer(req.body);\n  await tracer.forceFlush();\n  res.send(result);\n});\n`,
  },
  // A send whose argument awaits work: that work's spans start after a flush written before the
  // statement, so the argument goes into a const first and the flush follows it.
  {
    name: "Vercel (req, res): res.send(await run(req)) computes the argument before the flush",
    code: `import type { VercelRequest, VercelResponse } from "@vercel/node";\n${TRACER}export default async function handler(req: VercelRequest, res: VercelResponse) {\n  tracer.createSession();\n  res.send(await run(req));\n}\n`,
    messageId: "flushBeforeResponse",
    output: `import type { VercelRequest, VercelResponse } from "@vercel/node";\n${TRACER}export default async function handler(req: VercelRequest, res: VercelResponse) {\n  tracer.createSession();\n  const result = await run(req);\n  await tracer.forceFlush();\n  res.send(result);\n}\n`,
    filename: "api/chat.ts",
  },
  {
    name: "Cloud Functions HTTP: a flush written before an awaited send argument moves after it, under a free name",
    code: `${GCF}functions.http("chat", async (req, res) => {\n  const result = req.body;\n  tracer.createSession();\n  await tracer.forceFlush();\n  return res.status(200).json({ answer: await answer(result) });\n});\n`,
    messageId: "flushBeforeResponse",
    output: `${GCF}functions.http("chat", async (req, res) => {\n  const result = req.body;\n  tracer.createSession();\n  const responseBody = { answer: await answer(result) };\n  await tracer.forceFlush();\n  return res.status(200).json(responseBody);\n});\n`,
  },
  {
    name: "Cloud Functions HTTP: only the send that awaits work gets a const, a plain one keeps its argument",
    code: `${GCF}functions.http("chat", async (req, res) => {\n  tracer.createSession();\n  if (req.query.kind) {\n    res.json({ kind: req.query.kind, at: Date.now() });\n  } else {\n    res.json(await answer(req.body));\n  }\n});\n`,
    messageId: "flushBeforeResponse",
    output: `${GCF}functions.http("chat", async (req, res) => {\n  tracer.createSession();\n  if (req.query.kind) {\n    await tracer.forceFlush();\n    res.json({ kind: req.query.kind, at: Date.now() });\n  } else {\n    const result = await answer(req.body);\n    await tracer.forceFlush();\n    res.json(result);\n  }\n});\n`,
  },
  // A lazy getter, then an early return before the try whose finally flushes (the getter's tracer exists on every path).
  {
    name: "lazy getter, early return before a flushing try: the return moves into that try, no second try, no empty finally",
    code: `import { HoneyHiveTracer } from "honeyhive";\nlet cached;\nfunction getTracer() {\n  return (cached ??= HoneyHiveTracer.init({ project: "p" }));\n}\nexport const handler = async (event) => {\n  const tracer = getTracer();\n  if (!event.body) return { statusCode: 400 };\n  try {\n    tracer.createSession();\n    return await work(event);\n  } finally {\n    await tracer.forceFlush();\n  }\n};\n`,
    messageId: "wrapInTryFinally",
    output: `import { HoneyHiveTracer } from "honeyhive";\nlet cached;\nfunction getTracer() {\n  return (cached ??= HoneyHiveTracer.init({ project: "p" }));\n}\nexport const handler = async (event) => {\n  const tracer = getTracer();\n  try {\n    if (!event.body) return { statusCode: 400 };\n    tracer.createSession();\n    return await work(event);\n  } finally {\n    await tracer.forceFlush();\n  }\n};\n`,
  },
  {
    name: "lazy getter, early returns before a flushing try/catch: a flush before each (after the work one returns), the catch catches no more",
    code: `import { HoneyHiveTracer } from "honeyhive";\nlet cached;\nfunction getTracer() {\n  return (cached ??= HoneyHiveTracer.init({ project: "p" }));\n}\nexport const handler = async (event) => {\n  const tracer = getTracer();\n  if (event.cached) return lookup(event);\n  if (!event.body) {\n    await tracer.forceFlush();\n    return { statusCode: 400 };\n  }\n  try {\n    tracer.createSession();\n    return await work(event);\n  } catch {\n    return { statusCode: 500 };\n  } finally {\n    await tracer.forceFlush();\n  }\n};\n`,
    messageId: "wrapInTryFinally",
    output: `import { HoneyHiveTracer } from "honeyhive";\nlet cached;\nfunction getTracer() {\n  return (cached ??= HoneyHiveTracer.init({ project: "p" }));\n}\nexport const handler = async (event) => {\n  const tracer = getTracer();\n  if (event.cached) { const result = await lookup(event); await tracer.forceFlush(); return result; }\n  if (!event.body) {\n    await tracer.forceFlush();\n    return { statusCode: 400 };\n  }\n  try {\n    tracer.createSession();\n    return await work(event);\n  } catch {\n    return { statusCode: 500 };\n  } finally {\n    await tracer.forceFlush();\n  }\n};\n`,
  },
  {
    name: "lazy getter, a declaration before the flushing try that its finally uses: it stays, the early return gets the flush",
    code: `import { HoneyHiveTracer } from "honeyhive";\nlet cached;\nfunction getTracer() {\n  return (cached ??= HoneyHiveTracer.init({ project: "p" }));\n}\nexport const handler = async (event) => {\n  const tracer = getTracer();\n  const lease = await acquire();\n  if (!lease) return { statusCode: 503 };\n  try {\n    tracer.createSession();\n    return await work(lease);\n  } finally {\n    await tracer.forceFlush();\n    lease.release();\n  }\n};\n`,
    messageId: "wrapInTryFinally",
    output: `import { HoneyHiveTracer } from "honeyhive";\nlet cached;\nfunction getTracer() {\n  return (cached ??= HoneyHiveTracer.init({ project: "p" }));\n}\nexport const handler = async (event) => {\n  const tracer = getTracer();\n  const lease = await acquire();\n  if (!lease) { await tracer.forceFlush(); return { statusCode: 503 }; }\n  try {\n    tracer.createSession();\n    return await work(lease);\n  } finally {\n    await tracer.forceFlush();\n    lease.release();\n  }\n};\n`,
  },
  {
    name: "Cloudflare WorkerEntrypoint: this.ctx.waitUntil in the finally",
    code: `import { WorkerEntrypoint } from "cloudflare:workers";\n${TRACER}export default class extends WorkerEntrypoint {\n  async queue(batch) {\n    tracer.createSession();\n    await handle(batch);\n  }\n}\n`,
    messageId: "waitUntilFlush",
    output: `import { WorkerEntrypoint } from "cloudflare:workers";\n${TRACER}export default class extends WorkerEntrypoint {\n  async queue(batch) {\n    try {\n      tracer.createSession();\n      await handle(batch);\n    } finally {\n      this.ctx.waitUntil(tracer.forceFlush());\n    }\n  }\n}\n`,
  },
  {
    name: "Hono on Workers: c.executionCtx.waitUntil in the finally",
    code: `import { Hono } from "hono";\nimport { env } from "cloudflare:workers";\n${TRACER}const app = new Hono();\napp.post("/chat", async (c) => {\n  tracer.createSession();\n  return c.json(await answer(await c.req.json(), env));\n});\nexport default app;\n`,
    messageId: "waitUntilFlush",
    output: `import { Hono } from "hono";\nimport { env } from "cloudflare:workers";\n${TRACER}const app = new Hono();\napp.post("/chat", async (c) => {\n  try {\n    tracer.createSession();\n    return c.json(await answer(await c.req.json(), env));\n  } finally {\n    c.executionCtx.waitUntil(tracer.forceFlush());\n  }\n});\nexport default app;\n`,
  },
  {
    name: "Cloudflare module worker without a ctx parameter: the object's this is not the execution context, an awaited flush",
    code: `${TRACER}export default {\n  async scheduled(controller, env) {\n    tracer.createSession();\n    await sweep(env);\n  },\n} satisfies ExportedHandler<Env>;\n`,
    messageId: "wrapInTryFinally",
    output: `${TRACER}export default {\n  async scheduled(controller, env) {\n    try {\n      tracer.createSession();\n      await sweep(env);\n    } finally {\n      await tracer.forceFlush();\n    }\n  },\n} satisfies ExportedHandler<Env>;\n`,
  },
  {
    // A `const` object exported as the default by a specifier: the same module worker (it was not read as one).
    name: "Cloudflare module worker exported as `export { worker as default }`: ctx.waitUntil in the finally",
    code: `${TRACER}const worker = {\n  async fetch(request, env, ctx) {\n    tracer.createSession();\n    return new Response(await answer(request));\n  },\n};\nexport { worker as default };\n`,
    messageId: "waitUntilFlush",
    output: `${TRACER}const worker = {\n  async fetch(request, env, ctx) {\n    try {\n      tracer.createSession();\n      return new Response(await answer(request));\n    } finally {\n      ctx.waitUntil(tracer.forceFlush());\n    }\n  },\n};\nexport { worker as default };\n`,
  },
  {
    name: "Cloudflare module worker exported by name with `export default worker`, typed ExportedHandler",
    code: `${TRACER}const worker: ExportedHandler<Env> = {\n  async scheduled(controller, env) {\n    tracer.createSession();\n    await sweep(env);\n  },\n};\nexport default worker;\n`,
    messageId: "wrapInTryFinally",
    output: `${TRACER}const worker: ExportedHandler<Env> = {\n  async scheduled(controller, env) {\n    try {\n      tracer.createSession();\n      await sweep(env);\n    } finally {\n      await tracer.forceFlush();\n    }\n  },\n};\nexport default worker;\n`,
  },
  {
    name: "Netlify's Lambda-compatible handler(event, context): Lambda's context has no waitUntil, an awaited flush",
    code: `${TRACER}export const handler = async (event, context) => {\n  tracer.createSession();\n  return { statusCode: 200, body: await answer(event.body) };\n};\n`,
    messageId: "wrapInTryFinally",
    output: `${TRACER}export const handler = async (event, context) => {\n  try {\n    tracer.createSession();\n    return { statusCode: 200, body: await answer(event.body) };\n  } finally {\n    await tracer.forceFlush();\n  }\n};\n`,
    filename: "netlify/functions/chat.mts",
  },
  // gaps-migrate-9: semicolon-free code guards a statement starting with `(` (`;(res as any).json(x)`); the `;` belongs to
  // the statement before in the AST. A send through a cast is still the response's, and lines written before such a
  // statement, or after the one the guard ends, go before the guard (analysis/rewrite.ts `beforeGuard`, `guardLineStart`).
  {
    name: "semicolon-free: a send through a cast behind a guard gets the flush before the guard",
    code: `${SEMICOLON_FREE_GCF}functions.http("chat", async (req, res) => {\n  tracer.createSession()\n  const reply = await answer(req.body)\n  ;(res as any).json({ reply })\n})\n`,
    messageId: "flushBeforeResponse",
    output: `${SEMICOLON_FREE_GCF}functions.http("chat", async (req, res) => {\n  tracer.createSession()\n  const reply = await answer(req.body)\n  await tracer.forceFlush()\n  ;(res as any).json({ reply })\n})\n`,
    filename: "src/index.ts",
  },
  {
    name: "semicolon-free: a chained send through a cast (`;(res as Response).status(200).send(x)`) and a plain one",
    code: `${SEMICOLON_FREE_GCF}functions.http("chat", async (req, res) => {\n  tracer.createSession()\n  if (!req.body) {\n    res.status(400).end()\n    return\n  }\n  ;(res as Response).status(200).send(await answer(req.body))\n})\n`,
    messageId: "flushBeforeResponse",
    output: `${SEMICOLON_FREE_GCF}functions.http("chat", async (req, res) => {\n  tracer.createSession()\n  if (!req.body) {\n    await tracer.forceFlush()\n    res.status(400).end()\n    return\n  }\n  const result = await answer(req.body)\n  await tracer.forceFlush()\n  ;(res as Response).status(200).send(result)\n})\n`,
    filename: "src/index.ts",
  },
  {
    name: "semicolon-free: the try starts at the guard that ends the setup statement, so the guard stays with its statement",
    code: `${SEMICOLON_FREE_GETTER}export const handler = async (event: unknown) => {\n  const tracer = getTracer()\n  ;(globalThis as any).lastEvent = event\n  tracer.createSession()\n  return answer(event)\n}\n`,
    messageId: "wrapInTryFinally",
    output: `${SEMICOLON_FREE_GETTER}export const handler = async (event: unknown) => {\n  const tracer = getTracer()\n  try {\n    ;(globalThis as any).lastEvent = event\n    tracer.createSession()\n    return await answer(event)\n  } finally {\n    await tracer.forceFlush()\n  }\n}\n`,
    filename: "src/handler.ts",
  },
  {
    name: "semicolon-free: after() goes before the guard that ends the setup statement, not between the guard and its statement",
    code: `export const maxDuration = 60\n${SEMICOLON_FREE_GETTER}export async function POST(request: Request) {\n  const tracer = getTracer()\n  ;(globalThis as any).lastRequest = request\n  tracer.createSession()\n  return Response.json(await answer(request))\n}\n`,
    messageId: "afterFlush",
    output: `export const maxDuration = 60\n${SEMICOLON_FREE_GETTER.replace("\n", `\nimport { after } from "next/server"\n`)}export async function POST(request: Request) {\n  const tracer = getTracer()\n  after(() => tracer.forceFlush())\n  ;(globalThis as any).lastRequest = request\n  tracer.createSession()\n  return Response.json(await answer(request))\n}\n`,
    filename: "app/api/chat/route.ts",
  },
];

/** Response-style handlers whose sends the fix cannot all precede: no suggestion, a review marker in the codemod. */
const RESPONSE_BY_HAND = [
  // `res` leaves the handler: the helper may send.
  `${GCF}functions.http("chat", async (req, res) => {\n  tracer.createSession();\n  await reply(req, res);\n});\n`,
  // The send is in a callback: an awaited flush of the handler cannot precede it.
  `${GCF}functions.http("chat", async (req, res) => {\n  tracer.createSession();\n  answer(req.body).then((reply) => res.json(reply));\n});\n`,
  // A send that awaits work in a `case`: a const there would be a lexical declaration of the whole switch.
  `${GCF}functions.http("chat", async (req, res) => {\n  tracer.createSession();\n  switch (req.query.kind) {\n    case "a":\n      res.json(await a(req));\n      break;\n    default:\n      res.end();\n  }\n});\n`,
  // The send is not a statement.
  `${GCF}functions.http("chat", async (req, res) => {\n  tracer.createSession();\n  req.body ? res.json(await answer(req.body)) : res.sendStatus(400);\n});\n`,
];

ruleTester.run(`${RULE_NAME} response-style handlers by hand`, testedRule, {
  valid: [],
  // What loses spans there is a send before the flush, not a return: the message says so (it said "can return without" before).
  invalid: RESPONSE_BY_HAND.map((code) => ({ code, errors: [{ messageId: "missingFlushBeforeSend" as const, suggestions: [] }] })),
});

describe("the codemod marks response-style handlers it cannot fix", () => {
  it.each(RESPONSE_BY_HAND.map((code, index) => [index, code] as const))("case %i", (_index, code) => {
    const output = runTransforms(code, "src/index.ts", { transforms: ["lambda-force-flush"] }).output;
    expect(output).toContain("honeyhive-migrate: await tracer.forceFlush() before each place this handler sends its response");
    expect(output.replace(/\/\* honeyhive-migrate:[^\n]*\n/, "")).toBe(code);
  });
});

ruleTester.run(`${RULE_NAME} fixes`, testedRule, {
  valid: FIX_CASES.map((entry) => ({ code: entry.output, ...(entry.filename ? { filename: entry.filename } : {}) })),
  invalid: FIX_CASES.map((entry) => ({
    code: entry.code,
    ...(entry.filename ? { filename: entry.filename } : {}),
    // A handler answered through `res` is told it can send before the flush; the others that they can return without it.
    errors: [{ messageId: entry.messageId === "flushBeforeResponse" ? ("missingFlushBeforeSend" as const) : ("missingFlush" as const), suggestions: [{ messageId: entry.messageId, data: { flush: "tracer.forceFlush()" }, output: entry.output }] }],
  })),
});

describe("the codemod writes the suggestion", () => {
  it.each(FIX_CASES.map((entry) => [entry.name, entry] as const))("%s", (_name, entry) => {
    expect(runTransforms(entry.code, entry.filename ?? "src/handler.ts", { transforms: ["lambda-force-flush"] }).output).toBe(entry.output);
  });
});

describe("Next.js after() only where the project's Next.js has it (15.1)", () => {
  const project = useTempProjects("next-after");
  /** A route file in a fresh project whose package.json declares `next` at `range`. */
  const route = (range: string) => join(project({ "package.json": JSON.stringify({ dependencies: { next: range, honeyhive: "^2.0.0" } }), "app/api/chat/": "" }), "app", "api", "chat", "route.ts");

  const code = `${TRACER}export const maxDuration = 60;\nexport async function POST(request: Request) {\n  tracer.createSession();\n  return Response.json(await answer(request));\n}\n`;

  it.each([
    ["^15.1.0", "afterFlush", `after(() => tracer.forceFlush());`],
    ["16.0.3", "afterFlush", `after(() => tracer.forceFlush());`],
    ["^15.0.3", "wrapInTryFinally", `} finally {\n    await tracer.forceFlush();\n  }`],
    ["~14.2.3", "wrapInTryFinally", `} finally {\n    await tracer.forceFlush();\n  }`],
  ])("next %s: %s", (range, messageId, written) => {
    const filename = route(range);
    // ESLint lints only files under its cwd: the project's own folder.
    const [message] = new Linter({ configType: "flat", cwd: dirname(dirname(dirname(dirname(filename)))) }).verify(code, configForRule(RULE_NAME, rule), { filename }) as FixtureLintMessage[];
    // The suggestion writes the same form (its fix is the codemod's edit, one range).
    expect(message.suggestions).toHaveLength(1);
    expect(message.suggestions?.[0].fix.text).toContain(written);
    const output = runTransforms(code, filename, { transforms: ["lambda-force-flush"] }).output;
    expect(output).toContain(written);
    expect(output.includes(`from "next/server"`)).toBe(messageId === "afterFlush");
  });
});

// rules-14: `after` / `unstable_after` count by binding (the platform's `backgroundWork`, analysis/background-work.ts), not by
// name: Next.js 15.0's `unstable_after` of next/server flushes after the response like `after` (it was reported), and a
// project's own function named `after` wrapping a flush, in the handler or in a flush helper, hands nothing to the platform.
describe("Next.js after() and unstable_after() by binding", () => {
  const NEXT_ON_VERCEL = { "package.json": JSON.stringify({ dependencies: { honeyhive: "^2.0.0", next: "^15.1.0" } }), "vercel.json": "{}" };
  const LOCAL_AFTER = `const later: Array<() => unknown> = [];\nfunction after(fn: () => unknown) { later.push(fn); }\n`;
  const handler = (head: string, body: string): Case => ({
    name: body,
    code: `${head}${TRACER}export async function POST() {\n  tracer.createSession();\n  ${body}\n  return Response.json({});\n}\n`,
    filename: "app/api/chat/route.ts",
    files: NEXT_ON_VERCEL,
  });
  const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  const HELPER = `async function flushLater() {\n  after(() => tracer.forceFlush());\n}\n`;
  it.each([
    handler(`import { unstable_after } from "next/server";\n`, "unstable_after(() => tracer.forceFlush());"),
    handler(`import { unstable_after as after } from "next/server";\n`, "after(() => tracer.forceFlush());"),
    handler(`import { after } from "next/server";\n`, "after(() => tracer.forceFlush());"),
    handler(`import { after } from "next/server";\n${HELPER}`, "await flushLater();"),
  ])("quiet: $code", (testCase) => expect(reports(testCase)).toBe(0));
  it.each([
    handler(LOCAL_AFTER, "after(() => tracer.forceFlush());"),
    handler(`${LOCAL_AFTER}${HELPER}`, "await flushLater();"),
    handler(`import { unstable_after } from "./queue";\n`, "unstable_after(() => tracer.forceFlush());"),
  ])("reported: $code", (testCase) => expect(reports(testCase)).toBe(1));
  const project = useTempProjects("next-unstable-after");
  it("the codemod leaves a route that flushes in unstable_after() as it is, and on Next.js 15.0 writes the awaited flush, never unstable_after", () => {
    const migrate = (testCase: Case, next: string): string => {
      const root = project({ ...NEXT_ON_VERCEL, "package.json": JSON.stringify({ dependencies: { honeyhive: "^2.0.0", next } }), "app/api/chat/": "" });
      return runTransforms(testCase.code, join(root, testCase.filename!), { transforms: ["lambda-force-flush"], cwd: root }).output;
    };
    const flushed = handler(`import { unstable_after } from "next/server";\n`, "unstable_after(() => tracer.forceFlush());");
    expect(migrate(flushed, "^15.1.0")).toBe(flushed.code);
    const unflushed = handler(`import { unstable_after } from "next/server";\n`, "unstable_after(() => audit());");
    const output = migrate(unflushed, "15.0.3");
    expect(output).toContain("await tracer.forceFlush();");
    expect(output.match(/unstable_after\(/g)).toHaveLength(1);
  });
});

describe(`${RULE_NAME} on the fixtures`, () => {
  const fixtures = loadFixtures(RULE_NAME);
  it("has fixtures", () => expect(fixtures.length).toBeGreaterThanOrEqual(10));

  it.each(fixtures.map((fixture) => [fixture.id, fixture] as const))("%s", (_id, fixture) => {
    const before = lintWithRule(RULE_NAME, rule, fixture.before, fixture.filename);
    expect(before.filter((message) => message.ruleId !== `honeyhive/${RULE_NAME}`)).toEqual([]);
    expect(before).toHaveLength(1); // once per handler
    if (fixture.marker) return;
    expect(lintWithRule(RULE_NAME, rule, fixture.after, fixture.filename)).toEqual([]);
    // That the suggestion writes what the codemod writes: rules/fixes-agree.test.ts, for every rule.
    expect(before[0].suggestions).toHaveLength(1);
  });
});

// A middleware or hook that runs after the route and before the response covers the routes with its
// flush (`RouteCover` in analysis/knowledge/types.ts), decided from where it is registered and from the
// flush analysis of the callback itself, not from the text of a `use(…)` call.
describe(`${RULE_NAME}: routes covered by a flushing middleware or hook`, () => {
  const KOA = `import Koa from "koa";\nimport Router from "@koa/router";\nimport serverless from "serverless-http";\n${TRACER}const app = new Koa();\nconst router = new Router();\n`;
  const HONO = `import { Hono } from "hono";\nimport { handle } from "hono/aws-lambda";\n${TRACER}const app = new Hono();\n`;
  const FASTIFY = `import Fastify from "fastify";\nimport awsLambdaFastify from "@fastify/aws-lambda";\n${TRACER}const app = Fastify();\n`;
  const AROUND = `async (ctx, next) => { try { await next(); } finally { await tracer.forceFlush(); } }`;
  const KOA_ROUTE = `router.post("/chat", async (ctx) => { tracer.createSession(); ctx.body = {}; });`;
  const KOA_ROUTE_FLUSHED = `router.post("/chat", async (ctx) => {\n  try {\n    tracer.createSession(); ctx.body = {};\n  } finally {\n    await tracer.forceFlush();\n  }\n});`;
  const HONO_ROUTE = `app.post("/chat", async (c) => { tracer.createSession(); return c.json({}); });`;
  const HONO_ROUTE_FLUSHED = `app.post("/chat", async (c) => {\n  try {\n    tracer.createSession(); return c.json({});\n  } finally {\n    await tracer.forceFlush();\n  }\n});`;
  const FASTIFY_ROUTE = `app.post("/chat", async (request, reply) => { tracer.createSession(); return {}; });`;
  const FASTIFY_ROUTE_FLUSHED = `app.post("/chat", async (request, reply) => {\n  try {\n    tracer.createSession(); return {};\n  } finally {\n    await tracer.forceFlush();\n  }\n});`;
  /** The route's report, whose suggestion wraps `route` into `flushed` (the codemod's edit). */
  const reportedRoute = (code: string, route: string, flushed: string, name = "/chat") => {
    if (!code.includes(route)) throw new Error(`no ${route} in the case`);
    return {
      code,
      errors: [
        {
          messageId: "missingFlush" as const,
          data: { name, flush: "tracer.forceFlush()", platform: "AWS Lambda", recommended: "`await tracer.forceFlush()`" },
          suggestions: [{ messageId: "wrapInTryFinally" as const, data: { flush: "tracer.forceFlush()" }, output: code.replace(route, flushed) }],
        },
      ],
    };
  };

  ruleTester.run(RULE_NAME, testedRule, {
    valid: [
      // Was reported: a named middleware declared elsewhere in the file.
      `${KOA}async function flushAfter(ctx, next) {\n  try {\n    await next();\n  } finally {\n    await tracer.forceFlush();\n  }\n}\napp.use(flushAfter);\n${KOA_ROUTE}\napp.use(router.routes());\nexport const handler = serverless(app);`,
      // The flush in a callback of `next()`'s promise; Hono's catch-all path.
      `${HONO}app.use("*", (c, next) => next().finally(() => tracer.forceFlush()));\n${HONO_ROUTE}\nexport const handler = handle(app);`,
      // A sub-app mounted after the app's flushing middleware runs inside it.
      `${HONO}const api = new Hono();\napi.post("/chat", async (c) => { tracer.createSession(); return c.json({}); });\napp.use(${AROUND.replace("ctx", "c")});\napp.route("/api", api);\nexport const handler = handle(app);`,
      // A router's own flushing middleware covers that router's routes.
      `${KOA}router.use(${AROUND});\n${KOA_ROUTE}\napp.use(router.routes());\nexport const handler = serverless(app);`,
      // Was reported: Fastify awaits an async onSend hook before it writes the response.
      `${FASTIFY}app.addHook("onSend", async (request, reply, payload) => { await tracer.forceFlush(); return payload; });\n${FASTIFY_ROUTE}\nexport const handler = awsLambdaFastify(app);`,
      // Was reported: a route's own onSend option, and a hook of the plugin instance the route is registered on.
      `${FASTIFY}const flushOnSend = async (request, reply, payload) => { await tracer.forceFlush(); return payload; };\napp.post("/chat", { onSend: flushOnSend }, async (request, reply) => { tracer.createSession(); return {}; });\nexport const handler = awsLambdaFastify(app);`,
      `${FASTIFY}app.register(async (instance) => {\n  instance.addHook("onSend", async (request, reply, payload) => { await tracer.forceFlush(); return payload; });\n  instance.post("/chat", async (request, reply) => { tracer.createSession(); return {}; });\n});\nexport const handler = awsLambdaFastify(app);`,
      // The hook on the app covers the routes of a plugin registered on it (child instances inherit hooks).
      `${FASTIFY}app.addHook("onSend", async (request, reply, payload) => { await tracer.forceFlush(); return payload; });\napp.register(async (instance) => {\n  instance.post("/chat", async (request, reply) => { tracer.createSession(); return {}; });\n});\nexport const handler = awsLambdaFastify(app);`,
      // A plugin wrapped by fastify-plugin shares the instance it is registered on, hooks included.
      `import fp from "fastify-plugin";\n${FASTIFY}app.register(fp(async (instance) => {\n  instance.addHook("onSend", async (request, reply, payload) => { await tracer.forceFlush(); return payload; });\n}));\n${FASTIFY_ROUTE}\nexport const handler = awsLambdaFastify(app);`,
      // Was reported: an error handler runs for a failed request only (throw paths need no flush).
      `${FASTIFY}app.setErrorHandler(async (error, request, reply) => { tracer.enrichSession({ metadata: { error: error.message } }); return reply.status(500).send({}); });\napp.post("/chat", async (request, reply) => { try { tracer.createSession(); return {}; } finally { await tracer.forceFlush(); } });\nexport const handler = awsLambdaFastify(app);`,
      `${HONO}app.onError(async (err, c) => { tracer.enrichSession({ metadata: { error: err.message } }); return c.json({}, 500); });\napp.post("/chat", async (c) => { try { tracer.createSession(); return c.json({}); } finally { await tracer.forceFlush(); } });\nexport const handler = handle(app);`,
      // Was reported: a chain `use(mw).post(…)` registers the route after the middleware (both calls start at `app`).
      `${HONO}app.use(async (c, next) => { await next(); await tracer.forceFlush(); }).post("/chat", async (c) => { tracer.createSession(); return c.json({}); });\nexport const handler = handle(app);`,
      `${KOA}router.use(${AROUND}).post("/chat", async (ctx) => { tracer.createSession(); ctx.body = {}; });\napp.use(router.routes());\nexport const handler = serverless(app);`,
      // Was reported: Hono's basePath returns a clone sharing the app's router and middleware.
      `${HONO}app.use(${AROUND.replace("ctx", "c")});\nconst api = app.basePath("/api");\napi.post("/chat", async (c) => { tracer.createSession(); return c.json({}); });\nexport const handler = handle(app);`,
      // On Pages (as on Workers) the execution context holds the flush until it settles.
      { code: `${HONO.replace("hono/aws-lambda", "hono/cloudflare-pages")}app.use(async (c, next) => { await next(); c.executionCtx.waitUntil(tracer.forceFlush()); });\n${HONO_ROUTE}\nexport const onRequest = handle(app);`, filename: "functions/api/[[route]].ts" },
      // Koa's error-handling shape: the catch runs after `await next()` failed, the finally after either.
      `${KOA}app.use(async (ctx, next) => { try { await next(); } catch (err) { ctx.status = 500; } finally { await tracer.forceFlush(); } });\n${KOA_ROUTE}\napp.use(router.routes());\nexport const handler = serverless(app);`,
      // Another SDK's flush counts (a handler that flushes through Langfuse is never reported).
      `import { Langfuse } from "langfuse";\nconst langfuse = new Langfuse();\n${KOA}app.use(async (ctx, next) => { try { await next(); } finally { await langfuse.flushAsync(); await tracer.forceFlush(); } });\n${KOA_ROUTE}\napp.use(router.routes());\nexport const handler = serverless(app);`,
    ],
    invalid: [
      // Was accepted: the flush is not awaited, so the response (and the frozen instance) may come first.
      reportedRoute(`${KOA}app.use(async (ctx, next) => { try { await next(); } finally { tracer.forceFlush(); } });\n${KOA_ROUTE}\napp.use(router.routes());\nexport const handler = serverless(app);`, KOA_ROUTE, KOA_ROUTE_FLUSHED),
      // Was accepted: a flush before `await next()` runs before the route.
      reportedRoute(`${HONO}app.use(async (c, next) => { await tracer.forceFlush(); await next(); });\n${HONO_ROUTE}\nexport const handler = handle(app);`, HONO_ROUTE, HONO_ROUTE_FLUSHED),
      // Was accepted: another router's middleware covers only that router's routes (`/stats` is covered, `/chat` is not).
      reportedRoute(
        `${KOA}const admin = new Router();\nadmin.use(${AROUND});\nadmin.get("/stats", async (ctx) => { tracer.createSession(); ctx.body = {}; });\n${KOA_ROUTE}\napp.use(admin.routes());\napp.use(router.routes());\nexport const handler = serverless(app);`,
        KOA_ROUTE,
        KOA_ROUTE_FLUSHED,
      ),
      // Was accepted: a middleware under a path prefix runs for some routes only.
      reportedRoute(`${HONO}app.use("/admin/*", ${AROUND.replace("ctx", "c")});\n${HONO_ROUTE}\nexport const handler = handle(app);`, HONO_ROUTE, HONO_ROUTE_FLUSHED),
      // A chain in the other order: the route comes before the middleware.
      reportedRoute(
        `${HONO}app.post("/chat", async (c) => { tracer.createSession(); return c.json({}); }).use(${AROUND.replace("ctx", "c")});\nexport const handler = handle(app);`,
        `app.post("/chat", async (c) => { tracer.createSession(); return c.json({}); })`,
        HONO_ROUTE_FLUSHED.replace(/;$/, ""),
      ),
      // A view's routes registered before the app's middleware still answer before it.
      reportedRoute(
        `${HONO}const api = app.basePath("/api");\napi.post("/chat", async (c) => { tracer.createSession(); return c.json({}); });\napp.use(${AROUND.replace("ctx", "c")});\nexport const handler = handle(app);`,
        `api.post("/chat", async (c) => { tracer.createSession(); return c.json({}); });`,
        `api.post("/chat", async (c) => {\n  try {\n    tracer.createSession(); return c.json({});\n  } finally {\n    await tracer.forceFlush();\n  }\n});`,
      ),
      // Was accepted: on AWS Lambda `c.executionCtx` throws (hono/aws-lambda passes no execution context).
      reportedRoute(`${HONO}app.use(async (c, next) => { await next(); c.executionCtx.waitUntil(tracer.forceFlush()); });\n${HONO_ROUTE}\nexport const handler = handle(app);`, HONO_ROUTE, HONO_ROUTE_FLUSHED),
      // Was accepted: the flush of the other path follows an `await next()` in the text, not on its path.
      reportedRoute(
        `${KOA}app.use(async (ctx, next) => { if (ctx.path === "/health") { await next(); await tracer.forceFlush(); return; } await tracer.forceFlush(); await next(); });\n${KOA_ROUTE}\napp.use(router.routes());\nexport const handler = serverless(app);`,
        KOA_ROUTE,
        KOA_ROUTE_FLUSHED,
      ),
      // Was accepted: a route registered before the middleware answers before it runs.
      reportedRoute(`${HONO}${HONO_ROUTE}\napp.use(${AROUND.replace("ctx", "c")});\nexport const handler = handle(app);`, HONO_ROUTE, HONO_ROUTE_FLUSHED),
      // Was accepted: the path that skips to `next()` without the flush still runs the routes.
      reportedRoute(
        `${KOA}app.use(async (ctx, next) => { if (ctx.path === "/health") return next(); try { await next(); } finally { await tracer.forceFlush(); } });\n${KOA_ROUTE}\napp.use(router.routes());\nexport const handler = serverless(app);`,
        KOA_ROUTE,
        KOA_ROUTE_FLUSHED,
      ),
      // onResponse runs after the response is sent: @fastify/aws-lambda's promise does not wait for it.
      reportedRoute(`${FASTIFY}app.addHook("onResponse", async (request, reply) => { await tracer.forceFlush(); });\n${FASTIFY_ROUTE}\nexport const handler = awsLambdaFastify(app);`, FASTIFY_ROUTE, FASTIFY_ROUTE_FLUSHED),
      // Was accepted: another app's onSend hook covers that app's routes only.
      reportedRoute(
        `${FASTIFY}const admin = Fastify();\nadmin.addHook("onSend", async (request, reply, payload) => { await tracer.forceFlush(); return payload; });\n${FASTIFY_ROUTE}\nexport const handler = awsLambdaFastify(app);`,
        FASTIFY_ROUTE,
        FASTIFY_ROUTE_FLUSHED,
      ),
      // A hook of a plugin (not wrapped by fastify-plugin) is encapsulated: the app's own routes are not covered.
      reportedRoute(
        `${FASTIFY}app.register(async (instance) => {\n  instance.addHook("onSend", async (request, reply, payload) => { await tracer.forceFlush(); return payload; });\n});\n${FASTIFY_ROUTE}\nexport const handler = awsLambdaFastify(app);`,
        FASTIFY_ROUTE,
        FASTIFY_ROUTE_FLUSHED,
      ),
      // An onSend hook whose flush is not awaited.
      reportedRoute(`${FASTIFY}app.addHook("onSend", async (request, reply, payload) => { tracer.forceFlush(); return payload; });\n${FASTIFY_ROUTE}\nexport const handler = awsLambdaFastify(app);`, FASTIFY_ROUTE, FASTIFY_ROUTE_FLUSHED),
      // A look-alike flush: a cache's `flush()` is no tracer's.
      reportedRoute(`${KOA}import { cache } from "./cache";\napp.use(async (ctx, next) => { try { await next(); } finally { await cache.flush(); } });\n${KOA_ROUTE}\napp.use(router.routes());\nexport const handler = serverless(app);`, KOA_ROUTE, KOA_ROUTE_FLUSHED),
    ],
  });

  const project = useTempProjects("route-cover");
  it("a middleware imported from a project module covers the routes when that module's analysis says it flushes after next()", () => {
    const lambda = `${KOA}import { flushAfterNext, flushBeforeNext } from "./middleware";\napp.use(MIDDLEWARE);\n${KOA_ROUTE}\napp.use(router.routes());\nexport const handler = serverless(app);`;
    const root = project({
      "package.json": JSON.stringify({ dependencies: { koa: "^2.15.0", honeyhive: "^2.0.0" } }),
      "src/middleware.ts": `${TRACER}export async function flushAfterNext(ctx, next) {\n  try {\n    await next();\n  } finally {\n    await tracer.forceFlush();\n  }\n}\nexport const flushBeforeNext = async (ctx, next) => {\n  await tracer.forceFlush();\n  await next();\n};\n`,
      "src/lambda.ts": "",
    });
    const lint = (middleware: string) =>
      new Linter({ configType: "flat", cwd: root }).verify(lambda.replace("MIDDLEWARE", middleware), configForRule(RULE_NAME, rule), { filename: join(root, "src", "lambda.ts") });
    expect(lint("flushAfterNext")).toEqual([]);
    expect(lint("flushBeforeNext").map((message) => message.messageId)).toEqual(["missingFlush"]);
  });
});

// Express tells error middleware by `fn.length === 4`, wherever it is registered: it runs for a failed
// request only, so it is neither the route's end (the route before it is) nor checked itself.
describe(`${RULE_NAME}: Express error middleware is decided by registration and Express's own arity rule`, () => {
  const EXPRESS = `import express from "express";\nimport serverless from "serverless-http";\n${TRACER}const app = express();\n`;
  const ON_ERROR = `(err, req, res, next) => { tracer.enrichSession({ metadata: { error: String(err) } }); res.status(500).json({}); }`;
  const route = `app.post("/chat", async (req, res) => { tracer.createSession(); res.json({}); }, (err, req, res, next) => { res.status(500).json({}); });`;
  ruleTester.run(RULE_NAME, testedRule, {
    valid: [
      // Was reported (as a non-async end of the route): the error middleware after the route.
      `${EXPRESS}app.post("/chat", async (req, res) => { tracer.createSession(); await tracer.forceFlush(); res.json({}); }, ${ON_ERROR});\nexport const handler = serverless(app);`,
      `${EXPRESS}app.post("/chat", async (req, res) => { tracer.createSession(); await tracer.forceFlush(); res.json({}); });\napp.use(async ${ON_ERROR});\nexport const handler = serverless(app);`,
    ],
    invalid: [
      {
        // Was missed: the error middleware was taken for the route's end, and the route for middleware.
        code: `${EXPRESS}${route}\nexport const handler = serverless(app);`,
        errors: [
          {
            messageId: "missingFlushBeforeSend",
            data: { name: "/chat", flush: "tracer.forceFlush()", platform: "AWS Lambda" },
            line: 6,
            suggestions: [
              {
                messageId: "flushBeforeResponse",
                data: { flush: "tracer.forceFlush()" },
                output: `${EXPRESS}${route.replace("tracer.createSession(); res.json({});", "tracer.createSession(); await tracer.forceFlush();\nres.json({});")}\nexport const handler = serverless(app);`,
              },
            ],
          },
        ],
      },
    ],
  });
});

// Which exports are Lambda handlers: `handler`, the names of `settings.honeyhive.lambdaHandlerNames`,
// and the names the project's own deployment configuration gives the file (serverless.yml, a SAM
// template, sst.config.ts); `default` for `export default` only where configured so.
describe(`${RULE_NAME}: Lambda handler names from the settings and the project's function configuration`, () => {
  const ARC = `const arc = require("@architect/functions");\nconst { HoneyHiveTracer } = require("honeyhive");\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
  const AUTH = `async function auth(req) { tracer.enrichSession({ metadata: { user: req.session.user } }); }\n`;
  const missing = (name: string) => ({ messageId: "missingFlush" as const, data: { name, flush: "tracer.forceFlush()", platform: "AWS Lambda", recommended: "`await tracer.forceFlush()`" } });
  ruleTester.run(RULE_NAME, testedRule, {
    valid: [
      // The runtime looks up the named export `handler`: a default export is no handler unless configured.
      `${TRACER}export default async (event) => { tracer.createSession(); return {}; };`,
      { code: `${TRACER}export const main = async (event) => { try { tracer.createSession(); return {}; } finally { await tracer.forceFlush(); } };`, settings: { honeyhive: { lambdaHandlerNames: ["main"] } } },
      // arc.http: the last function is the handler, the middleware before it are not examined.
      { code: `${ARC}${AUTH}async function chat(req) { try { tracer.createSession(); return { json: {} }; } finally { await tracer.forceFlush(); } }\nexports.handler = arc.http(auth, chat);`, filename: "src/http/post-chat/index.js" },
    ],
    invalid: [
      {
        code: `${TRACER}export default async function chat(event) {\n  tracer.createSession();\n  return {};\n}`,
        settings: { honeyhive: { lambdaHandlerNames: ["default"] } },
        errors: [
          {
            ...missing("default"),
            line: 3,
            suggestions: [
              {
                messageId: "wrapInTryFinally",
                data: { flush: "tracer.forceFlush()" },
                output: `${TRACER}export default async function chat(event) {\n  try {\n    tracer.createSession();\n    return {};\n  } finally {\n    await tracer.forceFlush();\n  }\n}`,
              },
            ],
          },
        ],
      },
      {
        // Was missed: with several functions, arc.http was not looked through. Reported on `chat`, the wrapped function.
        code: `${ARC}${AUTH}async function chat(req) { tracer.createSession(); return { json: {} }; }\nexports.handler = arc.http(auth, chat);`,
        filename: "src/http/post-chat/index.js",
        errors: [
          {
            ...missing("handler"),
            line: 5,
            suggestions: [
              {
                messageId: "wrapInTryFinally",
                data: { flush: "tracer.forceFlush()" },
                output: `${ARC}${AUTH}async function chat(req) {\n  try {\n    tracer.createSession(); return { json: {} };\n  } finally {\n    await tracer.forceFlush();\n  }\n}\nexports.handler = arc.http(auth, chat);`,
              },
            ],
          },
        ],
      },
    ],
  });

  const project = useTempProjects("lambda-config");
  const PACKAGE = JSON.stringify({ dependencies: { honeyhive: "^2.0.0" } });
  const MAIN = `${TRACER}export const main = async (event) => { tracer.createSession(); return {}; };\n`;
  const DEFAULT = `${TRACER}export default async (event) => { tracer.createSession(); return {}; };\n`;
  /** The names the rule reports in `code` linted as `file` of a project made of `files`. */
  const reportedNames = (files: Record<string, string>, file: string, code: string, cwd = "") => {
    const root = project({ "package.json": PACKAGE, ...files, [file]: code });
    const filename = join(root, file);
    return new Linter({ configType: "flat", cwd: join(root, cwd) })
      .verify(code, configForRule(RULE_NAME, rule), { filename })
      .map((message) => message.message.match(/handler `([^`]+)`/)?.[1] ?? message.message);
  };

  it("a serverless.yml handler names the export (and no other file's)", () => {
    const config = { "serverless.yml": `service: chat\nfunctions:\n  chat:\n    handler: src/chat.main # the chat API\n    events:\n      - httpApi: POST /chat\n` };
    expect(reportedNames(config, "src/chat.ts", MAIN)).toEqual(["main"]);
    expect(reportedNames(config, "src/other.ts", MAIN)).toEqual([]);
    expect(reportedNames({}, "src/chat.ts", MAIN)).toEqual([]);
  });

  it("a SAM template's Handler under its CodeUri; `default` names an ES module's default export", () => {
    const template = `Resources:\n  ChatFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: chat/\n      Handler: app.default\n      Runtime: nodejs22.x\n`;
    expect(reportedNames({ "template.yaml": template }, "chat/app.mjs", DEFAULT)).toEqual(["default"]);
    expect(reportedNames({ "template.yaml": template.replace("app.default", "app.handler") }, "chat/app.mjs", DEFAULT)).toEqual([]);
  });

  it("two SAM functions in different CodeUris: a handler file is an entry only for the function whose CodeUri + Handler names it", () => {
    const template = `Resources:\n  ChatFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: chat/\n      Handler: app.main\n  SearchFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: search/\n      Handler: index.main\n`;
    expect(reportedNames({ "template.yaml": template }, "chat/app.ts", MAIN)).toEqual(["main"]);
    expect(reportedNames({ "template.yaml": template }, "search/index.ts", MAIN)).toEqual(["main"]);
    // `app.main` is relative to chat/ only, `index.main` to search/ only.
    expect(reportedNames({ "template.yaml": template }, "search/app.ts", MAIN)).toEqual([]);
    expect(reportedNames({ "template.yaml": template }, "chat/index.ts", MAIN)).toEqual([]);
    expect(reportedNames({ "template.yaml": template }, "app.ts", MAIN)).toEqual([]);
  });

  it("the walk up for a configuration stops at ESLint's cwd, not at the process's working directory", () => {
    // The package sits one folder below the configuration, as a SAM function's folder does.
    const files = { "serverless.yml": `functions:\n  chat:\n    handler: app/src/chat.main\n`, "app/package.json": PACKAGE };
    expect(process.cwd()).not.toContain("lambda-config");
    // ESLint runs in the package: the configuration above it is not read.
    expect(reportedNames(files, "app/src/chat.ts", MAIN, "app")).toEqual([]);
    // ESLint runs above it: it is.
    expect(reportedNames(files, "app/src/chat.ts", MAIN, "")).toEqual(["main"]);
  });

  it("the codemod's walk stops at the project root it is given (`migrate` passes its own), not at the process's working directory", () => {
    const root = project({ "serverless.yml": `functions:\n  chat:\n    handler: app/src/chat.main\n`, "app/package.json": PACKAGE, "app/src/chat.ts": MAIN });
    const filename = join(root, "app/src/chat.ts");
    const migrated = (cwd: string) => runTransforms(MAIN, filename, { transforms: ["lambda-force-flush"], cwd }).changed;
    expect(migrated(join(root, "app"))).toBe(false);
    expect(migrated(root)).toBe(true);
  });

  it("a serverless.yml created during an editor session names its handler a second later", () => {
    const root = project({ "package.json": PACKAGE, "src/chat.ts": MAIN });
    const lint = () => new Linter({ configType: "flat", cwd: root }).verify(MAIN, configForRule(RULE_NAME, rule), { filename: join(root, "src/chat.ts") }).map((message) => message.message.match(/handler `([^`]+)`/)?.[1]);
    withFakeDate((nextSecond) => {
      expect(lint()).toEqual([]);
      writeFileSync(join(root, "serverless.yml"), `functions:\n  chat:\n    handler: src/chat.main\n`);
      utimesSync(root, new Date(), new Date(Date.now() + 5_000));
      expect(lint()).toEqual([]);
      nextSecond();
      expect(lint()).toEqual(["main"]);
    });
  });

  it("an sst.config.ts at the monorepo root names a handler in a package below it", () => {
    const files = {
      "sst.config.ts": `export default $config({\n  async run() {\n    new sst.aws.Function("Chat", { handler: "packages/functions/src/chat.main", url: true });\n  },\n});\n`,
      "packages/functions/package.json": PACKAGE,
    };
    expect(reportedNames(files, "packages/functions/src/chat.ts", MAIN)).toEqual(["main"]);
  });
});

// A router made in its own module and mounted by the module that serves the app: the routes are found
// when the router's module is linted (a `Router()` made there registers them), and run on the platform
// of the adapter the mounting module exports.
describe(`${RULE_NAME}: a router mounted by the module beside it that serves the app`, () => {
  const project = useTempProjects("mounted-router");
  const lint = (files: Record<string, string>, file: string) => {
    const root = project({ "package.json": JSON.stringify({ dependencies: { honeyhive: "^2.0.0", express: "^5.1.0", koa: "^3.0.0" } }), ...files });
    const filename = join(root, file);
    return new Linter({ configType: "flat", cwd: root }).verify(files[file]!, configForRule(RULE_NAME, rule), { filename }).map((message) => message.message.match(/^[^`]*`[^`]+`/)?.[0] ?? message.message);
  };
  const EXPRESS_ROUTES = `import { Router } from "express";\n${TRACER}const router = Router();\nrouter.post("/chat", async (req, res) => { tracer.createSession(); res.json({}); });\nexport default router;\n`;
  const EXPRESS_LAMBDA = `import express from "express";\nimport serverless from "serverless-http";\nimport routes from "./routes";\nconst app = express();\napp.use(express.json());\napp.use("/api", routes);\nexport const handler = serverless(app);\n`;

  it("reports the Express router's routes (was missed), and nothing in the serving module", () => {
    const files = { "src/routes.ts": EXPRESS_ROUTES, "src/lambda.ts": EXPRESS_LAMBDA };
    expect(lint(files, "src/routes.ts")).toEqual(["AWS Lambda handler `/chat`"]);
    expect(lint(files, "src/lambda.ts")).toEqual([]);
  });

  it("reports a Koa router mounted with app.use(router.routes())", () => {
    const routes = `import Router from "@koa/router";\n${TRACER}export const router = new Router();\nrouter.post("/chat", async (ctx) => { tracer.createSession(); ctx.body = {}; });\n`;
    const lambda = `import Koa from "koa";\nimport serverless from "serverless-http";\nimport { router } from "./routes";\nconst app = new Koa();\napp.use(router.routes());\nexport const handler = serverless(app);\n`;
    expect(lint({ "src/routes.ts": routes, "src/lambda.ts": lambda }, "src/routes.ts")).toEqual(["AWS Lambda handler `/chat`"]);
  });

  it("does not report a Koa router mounted after the serving module's flushing middleware (was reported)", () => {
    const routes = `import Router from "@koa/router";\n${TRACER}const router = new Router();\nrouter.post("/chat", async (ctx) => { tracer.createSession(); ctx.body = {}; });\nexport default router;\n`;
    const FLUSH_MW = `async (ctx, next) => { try { await next(); } finally { await tracer.forceFlush(); } }`;
    const lambda = (middleware: string) =>
      `import Koa from "koa";\nimport serverless from "serverless-http";\n${TRACER}import router from "./routes";\nconst app = new Koa();\n${middleware}\nexport const handler = serverless(app);\n`;
    const lintWith = (middleware: string) => lint({ "src/routes.ts": routes, "src/app.ts": lambda(middleware) }, "src/routes.ts");
    expect(lintWith(`app.use(${FLUSH_MW});\napp.use(router.routes());`)).toEqual([]);
    expect(lintWith(`async function flushAfter(ctx, next) { await next(); await tracer.forceFlush(); }\napp.use(flushAfter);\napp.use(router.routes());`)).toEqual([]);
    // Still reported: the middleware comes after the mount, flushes before next(), or is another app's.
    expect(lintWith(`app.use(router.routes());\napp.use(${FLUSH_MW});`)).toEqual(["AWS Lambda handler `/chat`"]);
    expect(lintWith(`app.use(async (ctx, next) => { await tracer.forceFlush(); await next(); });\napp.use(router.routes());`)).toEqual(["AWS Lambda handler `/chat`"]);
    expect(lintWith(`const admin = new Koa();\nadmin.use(${FLUSH_MW});\napp.use(router.routes());`)).toEqual(["AWS Lambda handler `/chat`"]);
  });

  it("reports a Hono sub-app mounted with app.route (was missed), unless after the serving module's flushing middleware", () => {
    const api = `import { Hono } from "hono";\n${TRACER}const api = new Hono();\napi.post("/chat", async (c) => { tracer.createSession(); return c.json({}); });\nexport default api;\n`;
    const lambda = (middleware: string) => `import { Hono } from "hono";\nimport { handle } from "hono/aws-lambda";\n${TRACER}import api from "./api";\nconst app = new Hono();\n${middleware}app.route("/api", api);\nexport const handler = handle(app);\n`;
    const files = (middleware: string) => ({ "package.json": JSON.stringify({ dependencies: { honeyhive: "^2.0.0", hono: "^4.7.0" } }), "src/api.ts": api, "src/lambda.ts": lambda(middleware) });
    expect(lint(files(""), "src/api.ts")).toEqual(["AWS Lambda handler `/chat`"]);
    expect(lint(files(`app.use(async (c, next) => { try { await next(); } finally { await tracer.forceFlush(); } });\n`), "src/api.ts")).toEqual([]);
  });

  it("reads a mount written in a chain or inside a function that makes the app (were missed)", () => {
    const lambda = (body: string) => `import express from "express";\nimport serverless from "serverless-http";\nimport routes from "./routes";\n${body}\n`;
    const lintLambda = (body: string) => lint({ "src/routes.ts": EXPRESS_ROUTES, "src/lambda.ts": lambda(body) }, "src/routes.ts");
    const REPORTED = ["AWS Lambda handler `/chat`"];
    expect(lintLambda(`const app = express();\napp.use(express.json()).use("/api", routes);\nexport const handler = serverless(app);`)).toEqual(REPORTED);
    expect(lintLambda(`const app = express().use(express.json()).use("/api", routes);\nexport const handler = serverless(app);`)).toEqual(REPORTED);
    expect(lintLambda(`function createApp() {\n  const app = express();\n  app.use("/api", routes);\n  return app;\n}\nexport const handler = serverless(createApp());`)).toEqual(REPORTED);
    expect(lintLambda(`const createApp = () => express().use("/api", routes);\nconst app = createApp();\nexport const handler = serverless(app);`)).toEqual(REPORTED);
    // Look-alikes: another object of the function is mounted on; an app the function takes as a parameter (which app is not known there).
    expect(lintLambda(`function createApp() {\n  const app = express();\n  const admin = express();\n  admin.use("/api", routes);\n  return app;\n}\nexport const handler = serverless(createApp());`)).toEqual([]);
    expect(lintLambda(`function mountAll(app) {\n  app.use("/api", routes);\n}\nconst app = express();\nexport const handler = serverless(app);`)).toEqual([]);
  });

  it("keeps a same-named object of a block, a catch clause or a destructuring apart from the served app (were reported)", () => {
    const lambda = (body: string) => `import express from "express";\nimport serverless from "serverless-http";\nimport routes from "./routes";\n${body}\n`;
    const lintLambda = (body: string) => lint({ "src/routes.ts": EXPRESS_ROUTES, "src/lambda.ts": lambda(body) }, "src/routes.ts");
    const SERVED = `const app = express();\nexport const handler = serverless(app);`;
    for (const local of [
      `if (process.env.ADMIN) {\n  const app = express();\n  app.use("/api", routes);\n  app.listen(3000);\n}`,
      `for (const port of [1, 2]) { const app = express(); app.use("/api", routes); app.listen(port); }`,
      `switch (process.env.MODE) {\n  case "dev": {\n    const app = express();\n    app.use("/api", routes);\n    app.listen(3000);\n    break;\n  }\n}`,
      `switch (process.env.MODE) {\n  case "dev":\n    const app = express();\n    app.use("/api", routes);\n    app.listen(3000);\n}`,
      `try {\n} catch (app) {\n  app.use("/api", routes);\n}`,
      `function startLocal() {\n  const { app } = makeServer();\n  app.use("/api", routes);\n  app.listen(3000);\n}`,
      `function startLocal({ app }) {\n  app.use("/api", routes);\n  app.listen(3000);\n}`,
      `function startLocal([app]) {\n  app.use("/api", routes);\n}`,
      `function startLocal(app = express()) {\n  app.use("/api", routes);\n  app.listen(3000);\n}`,
    ]) {
      expect(lintLambda(`${local}\n${SERVED}`), local).toEqual([]);
    }
    // Still reported: the mount on the served app inside a block, or on a `var` of a block (the module's own).
    expect(lintLambda(`const app = express();\nif (process.env.API) {\n  app.use("/api", routes);\n}\nexport const handler = serverless(app);`)).toEqual(["AWS Lambda handler `/chat`"]);
    expect(lintLambda(`if (true) {\n  var app = express();\n  app.use("/api", routes);\n}\nexport const handler = serverless(app);`)).toEqual(["AWS Lambda handler `/chat`"]);
  });

  it("orders a registration inside a function called once at the top level by that call (a flush installed after the mount was taken as covering it)", () => {
    const routes = `import Router from "@koa/router";\n${TRACER}const router = new Router();\nrouter.post("/chat", async (ctx) => { tracer.createSession(); ctx.body = {}; });\nexport default router;\n`;
    const FLUSH_MW = `async (ctx, next) => { try { await next(); } finally { await tracer.forceFlush(); } }`;
    const lambda = (body: string) => `import Koa from "koa";\nimport serverless from "serverless-http";\n${TRACER}import router from "./routes";\n${body}\n`;
    const lintLambda = (body: string) => lint({ "src/routes.ts": routes, "src/lambda.ts": lambda(body) }, "src/routes.ts");
    const REPORTED = ["AWS Lambda handler `/chat`"];
    expect(lintLambda(`function installFlush() { app.use(${FLUSH_MW}); }\nconst app = new Koa();\napp.use(router.routes());\ninstallFlush();\nexport const handler = serverless(app);`)).toEqual(REPORTED);
    expect(lintLambda(`const app = new Koa();\napp.use(router.routes());\ninstallFlush();\nexport const handler = serverless(app);\nfunction installFlush() { app.use(${FLUSH_MW}); }`)).toEqual(REPORTED);
    // A flushing middleware on a block's own app covers nothing of the served one.
    expect(lintLambda(`if (process.env.LOCAL) { const app = new Koa(); app.use(${FLUSH_MW}); app.listen(3000); }\nconst app = new Koa();\napp.use(router.routes());\nexport const handler = serverless(app);`)).toEqual(REPORTED);
    // Called before the mount, though written after it: covers.
    expect(lintLambda(`const app = new Koa();\ninstallFlush();\napp.use(router.routes());\nexport const handler = serverless(app);\nfunction installFlush() { app.use(${FLUSH_MW}); }`)).toEqual([]);
    // Known miss, documented: a function called twice (or from another function) is read where it is
    // written, here before the mount, although both calls run after it.
    expect(lintLambda(`function installFlush() { app.use(${FLUSH_MW}); }\nconst app = new Koa();\napp.use(router.routes());\ninstallFlush();\ninstallFlush();\nexport const handler = serverless(app);`)).toEqual([]);
  });

  it("reads a Koa app's flushing middleware registered in the same chain before the mount (not reported)", () => {
    const routes = `import Router from "@koa/router";\n${TRACER}const router = new Router();\nrouter.post("/chat", async (ctx) => { tracer.createSession(); ctx.body = {}; });\nexport default router;\n`;
    const FLUSH_MW = `async (ctx, next) => { try { await next(); } finally { await tracer.forceFlush(); } }`;
    const lambda = (body: string) => `import Koa from "koa";\nimport serverless from "serverless-http";\n${TRACER}import router from "./routes";\n${body}\n`;
    const lintLambda = (body: string) => lint({ "src/routes.ts": routes, "src/lambda.ts": lambda(body) }, "src/routes.ts");
    expect(lintLambda(`const app = new Koa().use(${FLUSH_MW}).use(router.routes());\nexport const handler = serverless(app);`)).toEqual([]);
    expect(lintLambda(`export function createApp() {\n  const app = new Koa();\n  app.use(${FLUSH_MW});\n  app.use(router.routes());\n  return app;\n}\nexport const handler = serverless(createApp());`)).toEqual([]);
    // A flushing middleware named inside that function, as a const or a function declaration.
    expect(lintLambda(`export function createApp() {\n  const app = new Koa();\n  const flushAfter = ${FLUSH_MW};\n  app.use(flushAfter);\n  app.use(router.routes());\n  return app;\n}\nexport const handler = serverless(createApp());`)).toEqual([]);
    expect(lintLambda(`export function createApp() {\n  async function flushAfter(ctx, next) { await next(); await tracer.forceFlush(); }\n  const app = new Koa();\n  app.use(flushAfter);\n  app.use(router.routes());\n  return app;\n}\nexport const handler = serverless(createApp());`)).toEqual([]);
    // A parameter of that function named like it is no function it can see: not covered.
    expect(lintLambda(`export function createApp(flushAfter) {\n  const app = new Koa();\n  app.use(flushAfter);\n  app.use(router.routes());\n  return app;\n}\nasync function flushAfter(ctx, next) { await next(); await tracer.forceFlush(); }\nexport const handler = serverless(createApp(() => {}));`)).toEqual(["AWS Lambda handler `/chat`"]);
    // The flushing middleware after the mount in the chain covers nothing.
    expect(lintLambda(`const app = new Koa().use(router.routes()).use(${FLUSH_MW});\nexport const handler = serverless(app);`)).toEqual(["AWS Lambda handler `/chat`"]);
  });

  it("does not report a router that the module beside only imports, or that a server mounts", () => {
    const imported = EXPRESS_LAMBDA.replace(`app.use("/api", routes);\n`, `console.log(routes.stack.length);\n`);
    expect(lint({ "src/routes.ts": EXPRESS_ROUTES, "src/lambda.ts": imported }, "src/routes.ts")).toEqual([]);
    const server = `import express from "express";\nimport routes from "./routes";\nconst app = express();\napp.use("/api", routes);\napp.listen(3000);\n`;
    expect(lint({ "src/routes.ts": EXPRESS_ROUTES, "src/server.ts": server }, "src/routes.ts")).toEqual([]);
    // A router of another library (not Express's) exported under the same shape.
    const other = EXPRESS_ROUTES.replace(`import { Router } from "express";`, `import { Router } from "itty-router";`);
    expect(lint({ "src/routes.ts": other, "src/lambda.ts": EXPRESS_LAMBDA }, "src/routes.ts")).toEqual([]);
  });
});

// middy runs a middleware's `after` once the handler returned and awaits it before the invocation's
// promise settles: one that awaits a flush on every path covers every normal exit of the handler.
describe(`${RULE_NAME}: a middy middleware that flushes after the handler`, () => {
  const MIDDY = `import middy from "@middy/core";\n${TRACER}const base = async (event) => { tracer.createSession(); return { statusCode: 200 }; };\n`;
  const FLUSH = `async () => { await tracer.forceFlush(); }`;
  const BASE = `const base = async (event) => { tracer.createSession(); return { statusCode: 200 }; };`;
  const BASE_FLUSHED = `const base = async (event) => {\n  try {\n    tracer.createSession(); return { statusCode: 200 };\n  } finally {\n    await tracer.forceFlush();\n  }\n};`;
  const reported = (code: string) => ({
    code,
    errors: [
      {
        messageId: "missingFlush" as const,
        data: { name: "handler", flush: "tracer.forceFlush()", platform: "AWS Lambda", recommended: "`await tracer.forceFlush()`" },
        suggestions: [{ messageId: "wrapInTryFinally" as const, data: { flush: "tracer.forceFlush()" }, output: code.replace(BASE, BASE_FLUSHED) }],
      },
    ],
  });
  ruleTester.run(RULE_NAME, testedRule, {
    valid: [
      // Was reported: an inline middleware object whose `after` and `onError` flush.
      `${MIDDY}export const handler = middy(base).use({ after: ${FLUSH}, onError: ${FLUSH} });`,
      // `after` alone: a throw runs `onError` instead, and throw paths need no flush (as for any handler).
      `${MIDDY}const flushTraces = { after: ${FLUSH} };\nexport const handler = middy(base).use(cors()).use(flushTraces);`,
      // The object a local factory returns, in a list, on `middy().use(…).handler(base)`.
      `${MIDDY}const flushTraces = () => ({ async after() { await tracer.forceFlush(); } });\nexport const handler = middy().use([cors(), flushTraces()]).handler(base);`,
    ],
    invalid: [
      // `before` runs before the handler; an `after` whose flush is not awaited lets the promise settle first.
      { ...reported(`${MIDDY}export const handler = middy(base).use({ before: ${FLUSH} });`) },
      { ...reported(`${MIDDY}export const handler = middy(base).use({ after: async () => { tracer.forceFlush(); } });`) },
      // A flush on some paths only.
      { ...reported(`${MIDDY}export const handler = middy(base).use({ after: async (request) => { if (request.response) await tracer.forceFlush(); } });`) },
    ],
  });
});

// Which files are Netlify/Vercel functions, read from the project on disk: a netlify.toml functions folder
// replaces the default `netlify/functions`, the one entry per subfolder holds in a configured folder too
// (and follows the folder's listing as files come and go), and a Vercel `api/` path outside any project
// is read from its outermost `api/` folder.
describe(`${RULE_NAME}: Netlify and Vercel function paths in a project`, () => {
  const project = useTempProjects("function-paths");
  const PACKAGE = JSON.stringify({ dependencies: { honeyhive: "^2.0.0", "@netlify/functions": "^4.0.0" } });
  const V2 = `${TRACER}export default async (req: Request) => { tracer.createSession(); return new Response("ok"); };\n`;
  const CUSTOM = { "netlify.toml": `[functions]\n  directory = "src/functions"\n` };
  const namesIn = (root: string, file: string, code: string) =>
    new Linter({ configType: "flat", cwd: root })
      .verify(code, configForRule(RULE_NAME, rule), { filename: join(root, file) })
      .map((message) => message.message.match(/handler `([^`]+)`/)?.[1] ?? message.message);
  const reportedNames = (files: Record<string, string>, file: string, code = V2) => namesIn(project({ "package.json": PACKAGE, ...files, [file]: code }), file, code);

  it("netlify/functions is no functions folder once netlify.toml names another (was reported)", () => {
    expect(reportedNames(CUSTOM, "netlify/functions/chat.mts")).toEqual([]);
    expect(reportedNames(CUSTOM, "netlify/functions/chat/index.ts")).toEqual([]);
    expect(reportedNames({ "netlify.toml": `[build]\n  functions = "lambda"\n` }, "netlify/functions/chat.mts")).toEqual([]);
    // Look-alikes: the configured folder's file, the default folder when netlify.toml names none or names it.
    expect(reportedNames(CUSTOM, "src/functions/chat.mts")).toEqual(["default"]);
    expect(reportedNames({ "netlify.toml": `[build]\n  command = "npm run build"\n` }, "netlify/functions/chat.mts")).toEqual(["default"]);
    expect(reportedNames({ "netlify.toml": `[functions]\n  directory = "netlify/functions/"\n` }, "netlify/functions/chat.mts")).toEqual(["default"]);
  });

  it("one entry per subfolder of a configured folder, as zip-it-and-ship-it picks it (was every entry-named file)", () => {
    // `{name}.js` comes before `index.ts`: the index is no function beside it.
    expect(reportedNames({ ...CUSTOM, "src/functions/chat/chat.js": V2 }, "src/functions/chat/index.ts")).toEqual([]);
    expect(reportedNames({ ...CUSTOM, "src/functions/chat/index.ts": V2 }, "src/functions/chat/chat.js")).toEqual(["default"]);
    expect(reportedNames({ ...CUSTOM, "src/functions/chat/chat.mts": V2 }, "src/functions/chat/index.ts")).toEqual(["default"]);
    expect(reportedNames(CUSTOM, "src/functions/chat/index.ts")).toEqual(["default"]);
    // A folder named like an entry is no entry file.
    expect(reportedNames({ ...CUSTOM, "src/functions/chat/chat.js/": "" }, "src/functions/chat/index.ts")).toEqual(["default"]);
  });

  it("the entry follows the subfolder's listing: a file added before it is seen on a lint a second later", () => {
    const root = project({ "package.json": PACKAGE, "netlify/functions/chat/index.ts": V2 });
    withFakeDate((nextSecond) => {
      expect(namesIn(root, "netlify/functions/chat/index.ts", V2)).toEqual(["default"]);
      writeFileSync(join(root, "netlify/functions/chat/index.js"), V2);
      // The folder's mtime changed with the new file: its listing is read again once the last look is a second old.
      utimesSync(join(root, "netlify/functions/chat"), new Date(), new Date(Date.now() + 5_000));
      expect(namesIn(root, "netlify/functions/chat/index.ts", V2)).toEqual(["default"]);
      nextSecond();
      expect(namesIn(root, "netlify/functions/chat/index.ts", V2)).toEqual([]);
      expect(namesIn(root, "netlify/functions/chat/index.js", V2)).toEqual(["default"]);
    });
  });

  it("a vercel.json created during an editor session makes a Next.js route a serverless entry a second later, and removed, not (was: only after a restart)", () => {
    const ROUTE = `${TRACER}export async function POST(req: Request) {\n  tracer.createSession();\n  return Response.json({});\n}\n`;
    const root = project({ "package.json": JSON.stringify({ dependencies: { honeyhive: "^2.0.0", next: "15.0.0" } }), "app/api/chat/route.ts": ROUTE });
    const lint = () => namesIn(root, "app/api/chat/route.ts", ROUTE);
    // The folder's mtime, 5 s ahead of the faked clock, so one second later's touch always differs from this one (a
    // random 5-10 s gave the same millisecond to both touches about once in 6,000 runs: the listing was rightly kept).
    const touch = () => utimesSync(root, new Date(), new Date(Date.now() + 5_000));
    withFakeDate((nextSecond) => {
      expect(lint()).toEqual([]);
      writeFileSync(join(root, "vercel.json"), "{}");
      touch();
      expect(lint()).toEqual([]);
      nextSecond();
      expect(lint()).toEqual(["POST"]);
      rmSync(join(root, "vercel.json"));
      touch();
      nextSecond();
      expect(lint()).toEqual([]);
    });
  });

  it("reads a subfolder's files from the project reader's listing: listed once while its mtime holds, no probe per name", () => {
    const root = project({ "package.json": PACKAGE, "netlify/functions/chat/index.ts": V2, "netlify/functions/chat/prompt.ts": "" });
    const listed: string[] = [];
    const previous = setProjectModules(new ProjectModules({ ...NODE_FILE_SYSTEM, readDirectory: (path) => (listed.push(path), NODE_FILE_SYSTEM.readDirectory(path)) }));
    try {
      for (let lint = 0; lint < 3; lint++) expect(namesIn(root, "netlify/functions/chat/index.ts", V2)).toEqual(["default"]);
    } finally {
      setProjectModules(previous);
    }
    expect(listed.filter((path) => path === join(root, "netlify/functions/chat"))).toHaveLength(1);
  });

  it("outside any project a Vercel api/ path is read from its outermost api/ folder (was from an inner one)", () => {
    const root = project({});
    const NODE = `${TRACER}export default async function handler(req, res) { tracer.createSession(); await tracer.forceFlush(); res.json({}); }\nexport function GET() { tracer.createSession(); return new Response("ok"); }\n`;
    expect(namesIn(root, "app/api/_lib/api/impl.ts", NODE)).toEqual([]);
    expect(namesIn(root, "app/api/.internal/api/impl.ts", NODE)).toEqual([]);
    // Look-alikes: a function of the outermost api/ folder, nested or not.
    expect(namesIn(root, "app/api/chat.ts", NODE)).toEqual(["GET"]);
    expect(namesIn(root, "app/api/v1/chat.ts", NODE)).toEqual(["GET"]);
  });
});

// A holder whose member may give another tracer later (issue 16): reported, but the fix is not written through it
// (`obs.tracer.forceFlush()` might flush the replacement, not the tracer the handler used).
const HOLDER = `import { HoneyHiveTracer } from "honeyhive";\nconst obs = { tracer: HoneyHiveTracer.init({ project: "p" }) };\n`;
const HOLDER_HANDLER = `export const handler = async (event) => {\n  obs.tracer.createSession();\n  return {};\n};`;
ruleTester.run(`${RULE_NAME}: holders that may change`, testedRule, {
  // A reassigned `let` holder may hold anything by then (not followed, as before).
  valid: [`${HOLDER.replace("const obs", "let obs")}export function reset(other) { obs = other; }\n${HOLDER_HANDLER}`],
  invalid: [
    {
      code: `${HOLDER}export function useTracer(next) { obs.tracer = next; }\n${HOLDER_HANDLER}`,
      errors: [{ messageId: "missingFlush" as const, suggestions: [] }],
    },
    // Look-alikes: a `let` holder nobody reassigns, another property assigned: the fix writes through the holder.
    ...[HOLDER.replace("const obs", "let obs"), `${HOLDER}export function label(name) { obs.name = name; }\n`].map((head) => ({
      code: `${head}${HOLDER_HANDLER}`,
      errors: [
        {
          messageId: "missingFlush" as const,
          suggestions: [{ messageId: "wrapInTryFinally" as const, data: { flush: "obs.tracer.forceFlush()" }, output: `${head}export const handler = async (event) => {\n  try {\n    obs.tracer.createSession();\n    return {};\n  } finally {\n    await obs.tracer.forceFlush();\n  }\n};` }],
        },
      ],
    })),
  ],
});

// fix-blind7: an export of a JavaScript module typed by JSDoc with an aws-lambda handler type.
// fix-blind8: a Powertools batch handler traces through the record handler it hands to
// `processPartialResponse` by name (knowledge/record-handlers.ts): followed like the handler's own body.
describe("fix-blind8: Powertools record handlers passed by reference", () => {
  const HEAD = `${TRACER}import { BatchProcessor, EventType, processPartialResponse, processPartialResponseSync } from "@aws-lambda-powertools/batch";\nconst processor = new BatchProcessor(EventType.SQS);\n`;
  const reports = (code: string): number => lintCase(RULE_NAME, rule as unknown as AnyRule, { name: code, code: `${HEAD}${code}`, filename: "src/batch.ts" }).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  it.each([
    `const recordHandler = async (record) => { tracer.createSession({ sessionName: record.messageId }); };\nexport const handler = async (event, context) => processPartialResponse(event, recordHandler, processor, { context });`,
    `async function recordHandler(record) { await tracer.startSpan("r", async () => record.body); }\nexport const handler = async (event) => { return await processPartialResponse(event, recordHandler, processor); };`,
    `const recordHandler = (record) => { tracer.createSession({ sessionName: record.messageId }); };\nexport const handler = async (event, context) => processPartialResponseSync(event, recordHandler, processor, { context });`,
  ])("reported: %s", (code) => expect(reports(code)).toBeGreaterThan(0));
  it.each([
    // Flushed after the batch settles.
    `const recordHandler = async (record) => { tracer.createSession({ sessionName: record.messageId }); };\nexport const handler = async (event, context) => {\n  try {\n    return await processPartialResponse(event, recordHandler, processor, { context });\n  } finally {\n    await tracer.forceFlush();\n  }\n};`,
    // The record handler traces nothing; a function of the same name handed to another library's call.
    `const recordHandler = async (record) => { console.log(record.body); };\nexport const handler = async (event, context) => processPartialResponse(event, recordHandler, processor, { context });`,
    `import { processAll } from "./batch-utils";\nconst recordHandler = async (record) => { tracer.createSession({ sessionName: record.messageId }); };\nexport const handler = async (event) => processAll(event, recordHandler, processor);`,
  ])("quiet: %s", (code) => expect(reports(code)).toBe(0));
});

describe("fix-blind7: JSDoc aws-lambda handler types", () => {
  const TRACER = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
  const BODY = `async (event) => {\n  await tracer.startSpan("consume", async () => event.Records.length);\n};`;
  const reports = (code: string, filename: string): number => lintCase(RULE_NAME, rule as unknown as AnyRule, { name: code, code: `${TRACER}${code}`, filename }).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  it.each([
    [`/** @type {import("aws-lambda").SQSHandler} */\nexport const consume = ${BODY}`, "src/consume.mjs"],
    [`/** @type {import('aws-lambda').Handler<unknown, void>} */\nexport const consume = ${BODY}`, "src/consume.js"],
  ])("reported: %s (%s)", (code, filename) => expect(reports(code, filename)).toBeGreaterThan(0));
  it.each([
    // Not a handler type, a TypeScript file, the type on another statement.
    [`/** @type {import("aws-lambda").SQSEvent} */\nexport const consume = ${BODY}`, "src/consume.mjs"],
    [`/** @type {import("aws-lambda").SQSHandler} */\nexport const consume = ${BODY.replace("(event)", "(event: any)")}`, "src/consume.ts"],
    [`/** @type {import("aws-lambda").SQSHandler} */\nconst other = null;\nexport const consume = ${BODY}`, "src/consume.mjs"],
  ])("quiet: %s (%s)", (code, filename) => expect(reports(code, filename)).toBe(0));
});

// fix-blind7: a serverless.yml handler whose module re-exports the function from another (one hop).
describe("fix-blind7: handlers re-exported by the configured module", () => {
  const SERVERLESS = `service: s\nprovider:\n  name: aws\nfunctions:\n  digest:\n    handler: src/index.handler\n`;
  const IMPL = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nexport async function run(event: { ids: string[] }) {\n  await tracer.startSpan("digest", async () => event.ids.length);\n}\n`;
  const impl = (index: string, code = IMPL): Case => ({ name: index, code, filename: "src/impl.ts", files: { "serverless.yml": SERVERLESS, "src/index.ts": index } });
  const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  it.each([`export { run as handler } from "./impl";\n`, `export { run as handler } from "./impl.js";\n`, `export * from "./impl";\nexport { run as handler } from "./impl";\n`])("reported: %s", (index) => expect(reports(impl(index))).toBeGreaterThan(0));
  it.each([
    // Re-exported under another name, from another module, or imported and wrapped (not followed).
    impl(`export { run as other } from "./impl";\n`),
    impl(`export { run as handler } from "./other";\n`),
    impl(`import { run } from "./impl";\nexport const handler = (e: { ids: string[] }) => run(e);\n`),
    // The followed function flushes.
    impl(`export { run as handler } from "./impl";\n`, IMPL.replace("event.ids.length);", "event.ids.length);\n  await tracer.forceFlush();")),
  ])("quiet: $name", (testCase) => expect(reports(testCase)).toBe(0));
});


// gaps-rules-6b: honeyhive 2.x builds its own provider and never registers it globally (sdk/tracer.ts,
// ARCHITECTURE.md "no hidden global"): beside its tracer, a flush of OpenTelemetry's global provider
// flushes another pipeline (or the no-op one) unless the file registers the tracer's provider as the
// global one or sets up an OpenTelemetry pipeline itself; 1.x runs on Traceloop's global SDK.
describe("gaps-rules-6b: the global provider's flush beside a HoneyHive tracer", () => {
  const reports = (code: string): number => lintCase(RULE_NAME, rule as unknown as AnyRule, { name: code, code, filename: "src/handler.ts" }).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  const API = `import { trace } from "@opentelemetry/api";\n`;
  const handler = (flush: string) => `export const handler = async (event) => {\n  tracer.createSession({ sessionName: "x" });\n  await ${flush};\n  return { statusCode: 200 };\n};`;
  it.each([
    `${API}${TRACER}${handler("trace.getTracerProvider().getDelegate().forceFlush()")}`,
    `${API}${TRACER}${handler("(trace.getTracerProvider() as any).forceFlush()")}`,
    `${API}${TRACER}const provider = trace.getTracerProvider();\n${handler("(provider as any).getDelegate().forceFlush()")}`,
    // Another provider made global: still not the tracer's.
    `${API}${TRACER}import { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";\ntrace.setGlobalTracerProvider(new BasicTracerProvider());\n${handler("trace.getTracerProvider().getDelegate().forceFlush()")}`,
    // registerOTel exporting elsewhere (Honeycomb): the global provider is not HoneyHive's.
    `${API}${TRACER}import { registerOTel, OTLPHttpJsonTraceExporter } from "@vercel/otel";\nregisterOTel({ serviceName: "s", traceExporter: new OTLPHttpJsonTraceExporter({ url: "https://api.honeycomb.io/v1/traces" }) });\n${handler("trace.getTracerProvider().getDelegate().forceFlush()")}`,
  ])("reported: %s", (code) => expect(reports(code)).toBe(1));
  it.each([
    // The tracer's own provider made the global one.
    `${API}${TRACER}trace.setGlobalTracerProvider(tracer.provider);\n${handler("trace.getTracerProvider().getDelegate().forceFlush()")}`,
    // The tracer's own flush, and both.
    `${API}${TRACER}${handler("tracer.forceFlush()")}`,
    `${API}${TRACER}${handler("Promise.all([tracer.forceFlush(), trace.getTracerProvider().getDelegate().forceFlush()])")}`,
    // An OpenTelemetry pipeline to HoneyHive made global beside the tracer.
    `${API}${TRACER}import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";\nimport { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";\nimport { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";\nnew NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: "https://api.honeyhive.ai/opentelemetry/v1/traces" }))] }).register();\n${handler("trace.getTracerProvider().getDelegate().forceFlush()")}`,
    // @vercel/otel's registerOTel (a component made by a call) registering a pipeline to HoneyHive: its provider is the global one.
    `${API}${TRACER}import { registerOTel, OTLPHttpJsonTraceExporter } from "@vercel/otel";\nregisterOTel({ serviceName: "s", traceExporter: new OTLPHttpJsonTraceExporter({ url: "https://api.honeyhive.ai/opentelemetry/v1/traces" }) });\n${handler("trace.getTracerProvider().getDelegate().forceFlush()")}`,
    // honeyhive 1.x: Traceloop's SDK is the global provider.
    `${API}import { HoneyHiveTracer } from "honeyhive";\nconst tracer = await HoneyHiveTracer.init({ apiKey: "k", project: "p" });\nexport const handler = async (event) => {\n  await tracer.startSession();\n  await trace.getTracerProvider().getDelegate().forceFlush();\n  return { statusCode: 200 };\n};`,
  ])("quiet: %s", (code) => expect(reports(code)).toBe(0));
});

describe("fix-blind10: TypeScript's export = and import x = require()", () => {
  const HH_PACKAGE = JSON.stringify({ name: "app", private: true, dependencies: { honeyhive: "^2.0.0" } });
  const TRACER_MODULE = `import hh = require("honeyhive");\n\nconst tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "p" });\nexport = tracer;\n`;
  const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  const handlerUsing = (flush: string): Case => ({
    name: flush,
    code: `import tracer = require("./tracer");\n\nexport const handler = async (event: { id: string }) => {\n  tracer.enrichSession({ metadata: { id: event.id } });\n${flush}  return { ok: true };\n};\n`,
    filename: "src/handler.ts",
    files: { "package.json": HH_PACKAGE, "src/tracer.ts": TRACER_MODULE },
  });
  it("reads `export = tracer` as the module's module.exports, and `import tracer = require()` of it as that tracer", () => {
    expect(reports(handlerUsing(""))).toBe(1);
    expect(reports(handlerUsing("  await tracer.forceFlush();\n"))).toBe(0);
  });
  it("is quiet when the module's `export =` holds another library's tracer", () => {
    const other = handlerUsing("");
    expect(reports({ ...other, code: other.code.replace("tracer.enrichSession({ metadata: { id: event.id } })", "tracer.trace(\"work\", () => event.id)"), files: { ...other.files, "src/tracer.ts": `import ddTrace = require("dd-trace");\n\nconst tracer = ddTrace.init();\nexport = tracer;\n` } })).toBe(0);
  });
  const exportAssigned = (exported: string): Case => ({
    name: exported,
    code: `import { HoneyHiveTracer } from "honeyhive";\n\nconst tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "p" });\n\nasync function handler(event: { id: string }) {\n  tracer.enrichSession({ metadata: { id: event.id } });\n  return { ok: true };\n}\n\nexport = ${exported};\n`,
    filename: "src/handler.ts",
    files: { "package.json": HH_PACKAGE },
  });
  it("reads the ESM default import of a CommonJS module as its module.exports (not the default import of an ES module)", () => {
    const defaultImportOf = (module: string, files: Record<string, string>): Case => ({
      name: module,
      code: `import tracing from "${module}";\n\nexport const handler = async (event) => {\n  tracing.tracer.enrichSession({ metadata: { id: event.id } });\n  return { ok: true };\n};\n`,
      filename: "src/handler.mjs",
      files: { "package.json": HH_PACKAGE, ...files },
    });
    expect(reports(defaultImportOf("./tracing.cjs", { "src/tracing.cjs": `const hh = require("honeyhive");\n\nexports.tracer = hh.HoneyHiveTracer.init({ project: "p" });\n` }))).toBe(1);
    const esm = `import { HoneyHiveTracer } from "honeyhive";\n\nexport const tracer = HoneyHiveTracer.init({ project: "p" });\nexport default { version: 1 };\n`;
    expect(reports(defaultImportOf("./tracing.mjs", { "src/tracing.mjs": esm }))).toBe(0);
  });
  it("takes `export = { handler }` as a Lambda entry, as `module.exports = { handler }` is; another name is none", () => {
    expect(reports(exportAssigned("{ handler }"))).toBe(1);
    expect(reports(exportAssigned("{ format: handler }"))).toBe(0);
  });
});

// gaps-rules-9: @vercel/otel's `registerOTel()` without `traceExporter` exports through the OTLP exporter the
// environment configures: where the project's deployment configuration (SAM here) points OTEL_EXPORTER_OTLP_ENDPOINT
// at HoneyHive, the pipeline is HoneyHive's and a handler that traces through it must flush (analysis/otel-destination.ts,
// knowledge/trace-exporters.ts). Pointed elsewhere, or given an exporter to elsewhere, it is another vendor's pipeline.
describe("gaps-rules-9: an environment-configured @vercel/otel pipeline", () => {
  const SAM = (endpoint: string) =>
    `AWSTemplateFormatVersion: "2010-09-09"\nTransform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    Environment:\n      Variables:\n        OTEL_EXPORTER_OTLP_ENDPOINT: ${endpoint}\nResources:\n  App:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src/\n      Handler: app.lambdaHandler\n      Runtime: nodejs20.x\n`;
  const PACKAGE = JSON.stringify({ name: "app", private: true, type: "module", dependencies: { "@vercel/otel": "^1.12.0", "@opentelemetry/api": "^1.9.0" } });
  const handler = (register: string, endpoint: string): Case => ({
    name: `${register} → ${endpoint}`,
    code: `import { registerOTel, OTLPHttpJsonTraceExporter } from "@vercel/otel";\nimport { trace } from "@opentelemetry/api";\n\n${register};\n\nexport const lambdaHandler = async () => {\n  trace.getTracer("bot").startSpan("answer").end();\n  return { statusCode: 200, body: "ok" };\n};\n`,
    filename: "src/app.ts",
    files: { "package.json": PACKAGE, "template.yaml": SAM(endpoint) },
  });
  const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  const HONEYHIVE = "https://api.honeyhive.ai/opentelemetry";
  const reported: Case[] = [handler(`registerOTel("bot")`, HONEYHIVE), handler(`registerOTel({ serviceName: "bot" })`, HONEYHIVE)];
  const quiet: Case[] = [
    handler(`registerOTel("bot")`, "https://api.honeycomb.io"),
    // The exporter given in the options decides, not the environment.
    handler(`registerOTel({ serviceName: "bot", traceExporter: new OTLPHttpJsonTraceExporter({ url: "https://api.honeycomb.io/v1/traces" }) })`, HONEYHIVE),
  ];
  it.each(reported.map((testCase) => [testCase.name, testCase] as const))("reported: %s", (_name, testCase) => expect(reports(testCase)).toBe(1));
  it.each(quiet.map((testCase) => [testCase.name, testCase] as const))("quiet: %s", (_name, testCase) => expect(reports(testCase)).toBe(0));
});

// fix-blind11-flow: a wrapper or factory of the file exported as the handler (`withSession(fn)`, curried
// `makeHandler(tracer)`): the function it returns is the handler; a getter memoized for the process (lodash `once`);
// a flush method taken off the tracer (`const { forceFlush } = tracer`) is no flush, and the message says why.
describe("fix-blind11-flow: returned handlers, memoized getters, unbound flushes", () => {
  const reports = (code: string): number => lintCase(RULE_NAME, rule as unknown as AnyRule, { name: code, code, filename: "src/handler.ts" }).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  it.each([
    `${TRACER}function withSession(fn) {\n  return async (event) => {\n    tracer.createSession();\n    return fn(event);\n  };\n}\nexport const handler = withSession(async (event) => ({ id: event.id }));`,
    `${TRACER}const wrapped = withSession(async (event) => ({ id: event.id }));\nfunction withSession(fn) {\n  return async (event) => {\n    tracer.createSession();\n    return fn(event);\n  };\n}\nexport { wrapped as handler };`,
    `import { HoneyHiveTracer } from "honeyhive";\nconst makeHandler = (tracer: HoneyHiveTracer) => async (event) => {\n  tracer.enrichSession({ metadata: { id: event.id } });\n  return {};\n};\nexport const handler = makeHandler(HoneyHiveTracer.init());`,
    `import once from "lodash/once";\nimport { HoneyHiveTracer } from "honeyhive";\nconst getTracer = once(() => HoneyHiveTracer.init());\nexport const handler = async (event) => {\n  getTracer().enrichSession({ metadata: { id: event.id } });\n  return {};\n};`,
  ])("reported: %s", (code) => expect(reports(code)).toBeGreaterThan(0));
  it.each([
    // The returned function flushes around the wrapped one (the wrapped one is no entry point of its own).
    `${TRACER}function withFlush(fn) {\n  return async (event) => {\n    try {\n      return await fn(event);\n    } finally {\n      await tracer.forceFlush();\n    }\n  };\n}\nexport const handler = withFlush(async (event) => {\n  tracer.enrichSession({ metadata: { id: event.id } });\n  return {};\n});`,
    // A user withSession() (a DB session) returning a function that traces nothing; a memoize of OpenTelemetry's tracer.
    `const db = { startSession() { return { end() {} }; } };\nfunction withSession(fn) {\n  return async (event) => {\n    const session = db.startSession();\n    try { return await fn(event, session); } finally { session.end(); }\n  };\n}\nexport const handler = withSession(async (event) => ({ id: event.id }));`,
    `import memoize from "lodash/memoize";\nimport { trace } from "@opentelemetry/api";\nconst getTracer = memoize(() => trace.getTracer("jobs"));\nexport const handler = async (event) => {\n  getTracer().startActiveSpan("job", (span) => span.end());\n  return {};\n};`,
    // A bound method is a flush.
    `${TRACER}const flush = tracer.forceFlush.bind(tracer);\nexport const handler = async (event) => {\n  try {\n    tracer.createSession();\n    return {};\n  } finally {\n    await flush();\n  }\n};`,
  ])("quiet: %s", (code) => expect(reports(code)).toBe(0));
});

ruleTester.run(`${RULE_NAME}: unbound flush methods`, testedRule, {
  valid: [],
  invalid: [
    {
      code: `${TRACER}const { forceFlush } = tracer;\nexport const handler = async (event) => {\n  try {\n    tracer.createSession();\n    return {};\n  } finally {\n    await forceFlush();\n  }\n};`,
      errors: [{ messageId: "unboundFlush" as const, data: { name: "handler", call: "forceFlush()", tracer: "tracer", method: "forceFlush", flush: "tracer.forceFlush()", platform: "AWS Lambda" }, suggestions: [] }],
    },
    {
      code: `${TRACER}const flush = tracer.forceFlush;\nexport const handler = async (event) => {\n  tracer.createSession();\n  await flush();\n  return {};\n};`,
      errors: [{ messageId: "unboundFlush" as const, data: { name: "handler", call: "flush()", tracer: "tracer", method: "forceFlush", flush: "tracer.forceFlush()", platform: "AWS Lambda" }, suggestions: [] }],
    },
  ],
});

// small-fixes (issue 13): an @vercel/otel exporter exported by a module that loads only @vercel/otel. Its `otel` export
// fact says where it sends (analysis/export-facts.ts), so the handler's flush of the one to HoneyHive counts; one to
// another vendor is another pipeline's flush, whatever the module beside it registers.
describe("small-fixes: the flush of an exporter exported by an @vercel/otel module", () => {
  const PACKAGE = JSON.stringify({ name: "app", private: true, type: "module", dependencies: { "@vercel/otel": "^1.12.0", "@opentelemetry/api": "^1.9.0" } });
  const exporterModule = (url: string) =>
    `import { registerOTel, OTLPHttpJsonTraceExporter } from "@vercel/otel";\nexport const exporter = new OTLPHttpJsonTraceExporter({ url: "${url}" });\nregisterOTel({ serviceName: "bot", traceExporter: exporter });\n`;
  const HONEYHIVE = "https://api.honeyhive.ai/opentelemetry/v1/traces";
  const HONEYCOMB = "https://api.honeycomb.io/v1/traces";
  const handler = (name: string, otel: string, extra: Record<string, string> = {}): Case => ({
    name,
    code: `import { trace } from "@opentelemetry/api";\nimport { exporter } from "./otel";\n\nexport const handler = async () => {\n  trace.getTracer("bot").startSpan("answer").end();\n  await exporter.forceFlush();\n  return { statusCode: 200, body: "ok" };\n};\n`,
    filename: "src/app.ts",
    files: { "package.json": PACKAGE, "src/otel.ts": otel, ...extra },
  });
  const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  it("quiet: the exporter to HoneyHive is flushed", () => expect(reports(handler("to HoneyHive", exporterModule(HONEYHIVE)))).toBe(0));
  it("reported: the exported exporter goes to Honeycomb while the module registers a pipeline to HoneyHive", () => {
    const otel = `import { registerOTel, OTLPHttpJsonTraceExporter } from "@vercel/otel";\nexport const exporter = new OTLPHttpJsonTraceExporter({ url: "${HONEYCOMB}" });\nregisterOTel({ serviceName: "bot", traceExporter: new OTLPHttpJsonTraceExporter({ url: "${HONEYHIVE}" }) });\n`;
    expect(reports(handler("look-alike", otel))).toBe(1);
  });
});

// fix-blind13: a stream the handler returns runs its callbacks after the handler returned (knowledge/streams.ts).
const STREAM_START = (flushBeforeClose: boolean): string =>
  `${TRACER}export const handler = async (event: { body: string }) => {\n  const stream = new ReadableStream({\n    async start(controller) {\n      const text = await tracer.startSpan("answer", async () => event.body);\n      controller.enqueue(text);\n${flushBeforeClose ? "      await tracer.forceFlush();\n" : ""}      controller.close();\n    },\n  });\n  try {\n    return new Response(stream);\n  } finally {\n    await tracer.forceFlush();\n  }\n};\n`;
ruleTester.run(`${RULE_NAME} streamed responses`, testedRule, {
  valid: [
    { code: STREAM_START(true), filename: "src/handler.ts" },
    // The stream only enqueues what the handler traced before its own flush.
    {
      code: `${TRACER}export const handler = async (event: { body: string }) => {\n  const text = await tracer.startSpan("answer", async () => event.body);\n  await tracer.forceFlush();\n  return new Response(new ReadableStream({ start(controller) { controller.enqueue(text); controller.close(); } }));\n};\n`,
      filename: "src/handler.ts",
    },
    // A class of the file's own named ReadableStream is not the web stream.
    {
      code: `${TRACER}class ReadableStream { constructor(readonly source: { start(): Promise<void> }) {} }\nexport const handler = async () => {\n  const stream = new ReadableStream({ async start() { await tracer.startSpan("s", async () => 1); } });\n  await tracer.forceFlush();\n  return stream;\n};\n`,
      filename: "src/handler.ts",
    },
  ],
  invalid: [
    {
      code: STREAM_START(false),
      filename: "src/handler.ts",
      errors: [{ messageId: "missingFlushAfterStream", suggestions: [{ messageId: "flushAtStreamEnd", data: { flush: "tracer.forceFlush()" }, output: STREAM_START(true) }] }],
    },
    // A TransformStream's transform traces: no place the fix can tell; no suggestion (a marker in migrate).
    {
      code: `${TRACER}export const handler = async (event: { body: string }) => {\n  try {\n    return new Response(new Blob([event.body]).stream().pipeThrough(new TransformStream({ async transform(chunk, controller) { controller.enqueue(await tracer.startSpan("chunk", async () => chunk)); } })));\n  } finally {\n    await tracer.forceFlush();\n  }\n};\n`,
      filename: "src/handler.ts",
      errors: [{ messageId: "missingFlushAfterStream", suggestions: [] }],
    },
  ],
});

// rules-13: a handler whose parameters are typed with `aws-lambda`'s types is a Lambda handler in a file a
// route convention also matches (Redwood's `api/src/functions/chat/chat.ts` under the only, root package.json,
// which Vercel's `api/` convention matches): was reported only when `api/package.json` existed (bench/NOTES.md
// `### real-apps-7`). By its name alone it stays none there: a routed module's exports are the convention's.
describe("rules-13: a handler typed with aws-lambda's types in a file a route convention matches", () => {
  const LAMBDA = (types: string, params: string) => `import type { ${types} } from "aws-lambda";\n${TRACER}export const handler = async (${params}) => {\n  tracer.createSession();\n  return { statusCode: 200, body: "ok" };\n};\n`;
  const reports = (code: string, files: Record<string, string> = {}): number =>
    lintCase(RULE_NAME, rule as unknown as AnyRule, { name: code, code, filename: "api/src/functions/chat/chat.ts", files }).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  it("reported with only the root package.json, as with api/package.json", () => {
    expect(reports(LAMBDA("APIGatewayEvent, Context", "event: APIGatewayEvent, _context: Context"))).toBe(1);
    expect(reports(LAMBDA("APIGatewayEvent, Context", "event: APIGatewayEvent, _context: Context"), { "api/package.json": `{ "name": "api" }` })).toBe(1);
    expect(reports(LAMBDA("SQSEvent", "event: SQSEvent"))).toBe(1);
  });
  it("quiet: the same export untyped, or typed with a type of the project's own", () => {
    expect(reports(`${TRACER}export const handler = async (event) => {\n  tracer.createSession();\n  return { statusCode: 200 };\n};\n`)).toBe(0);
    expect(reports(`import type { APIGatewayEvent } from "./types";\n${TRACER}export const handler = async (event: APIGatewayEvent) => {\n  tracer.createSession();\n  return { statusCode: 200 };\n};\n`)).toBe(0);
  });
});

// rules-13: a module Worker's object literal exported by reference (`export default worker`, `… satisfies
// ExportedHandler<Env>`, `export { worker as default }`) is the Worker's entry point. Checked: already so.
describe("rules-13: a Worker object exported by reference", () => {
  const WORKER = `${TRACER}const worker = {\n  async fetch(request: Request, env: Env, ctx: ExecutionContext) {\n    tracer.createSession();\n    return new Response("ok");\n  },\n};\n`;
  const reports = (code: string): number =>
    lintCase(RULE_NAME, rule as unknown as AnyRule, { name: code, code, filename: "src/index.ts" }).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  it.each(["export default worker;", "export default worker satisfies ExportedHandler<Env>;", "export { worker as default };"])("reported: %s", (tail) => expect(reports(`${WORKER}${tail}\n`)).toBe(1));
  // Look-alikes: the object never exported as the default; the default export flushing through ctx.waitUntil.
  it.each(["export const handlers = worker;", "void worker;"])("quiet: %s", (tail) => expect(reports(`${WORKER}${tail}\n`)).toBe(0));
  it("quiet when its fetch hands the flush to ctx.waitUntil", () =>
    expect(reports(`${WORKER.replace('    return new Response("ok");', '    ctx.waitUntil(tracer.forceFlush());\n    return new Response("ok");')}export default worker;\n`)).toBe(0));
});

// The message names the flush each platform's docs recommend (`PlatformDescriptor.recommendedFlush`): a Worker
// hands it to `ctx.waitUntil`, a Vercel function to `waitUntil` of `@vercel/functions`, a Next.js route to `after`;
// AWS Lambda, with nothing outliving the return, awaits it. The Workers message said "without `await …`" only.
describe(`${RULE_NAME}: the message names the platform's recommended flush`, () => {
  const missing = (name: string, platform: string, recommended: string) => ({ messageId: "missingFlush" as const, data: { name, flush: "tracer.forceFlush()", platform, recommended } });
  ruleTester.run(RULE_NAME, testedRule, {
    valid: [],
    invalid: [
      {
        code: `${TRACER}export default {\n  async fetch(request, env, ctx) {\n    tracer.createSession();\n    return new Response("ok");\n  },\n};\n`,
        errors: [
          {
            ...missing("fetch", "Cloudflare Workers", "`ctx.waitUntil(tracer.forceFlush())` or `await tracer.forceFlush()`"),
            suggestions: [
              {
                messageId: "waitUntilFlush",
                data: { flush: "tracer.forceFlush()" },
                output: `${TRACER}export default {\n  async fetch(request, env, ctx) {\n    try {\n      tracer.createSession();\n      return new Response("ok");\n    } finally {\n      ctx.waitUntil(tracer.forceFlush());\n    }\n  },\n};\n`,
              },
            ],
          },
        ],
      },
      {
        code: `${TRACER}export async function onRequestPost(context) {\n  tracer.createSession();\n  return new Response("ok");\n}\n`,
        filename: "functions/api/chat.ts",
        errors: [
          {
            ...missing("onRequestPost", "Cloudflare Pages Functions", "`context.waitUntil(tracer.forceFlush())` or `await tracer.forceFlush()`"),
            suggestions: [
              {
                messageId: "waitUntilFlush",
                data: { flush: "tracer.forceFlush()" },
                output: `${TRACER}export async function onRequestPost(context) {\n  try {\n    tracer.createSession();\n    return new Response("ok");\n  } finally {\n    context.waitUntil(tracer.forceFlush());\n  }\n}\n`,
              },
            ],
          },
        ],
      },
      {
        code: `${TRACER}export const maxDuration = 30;\nexport async function POST(request) {\n  tracer.createSession();\n  return Response.json({});\n}\n`,
        filename: "app/api/chat/route.ts",
        errors: [
          {
            ...missing("POST", "Next.js serverless function", "`after(() => tracer.forceFlush())` (`next/server`) or `await tracer.forceFlush()`"),
            suggestions: [
              {
                messageId: "afterFlush",
                data: { flush: "tracer.forceFlush()" },
                output: `${TRACER.replace("\n", `\nimport { after } from "next/server";\n`)}export const maxDuration = 30;\nexport async function POST(request) {\n  after(() => tracer.forceFlush());\n  tracer.createSession();\n  return Response.json({});\n}\n`,
              },
            ],
          },
        ],
      },
      // The look-alike: AWS Lambda keeps the awaited flush.
      {
        code: `${TRACER}export const handler = async (event) => {\n  tracer.createSession();\n  return {};\n};\n`,
        errors: [
          {
            ...missing("handler", "AWS Lambda", "`await tracer.forceFlush()`"),
            suggestions: [
              {
                messageId: "wrapInTryFinally",
                data: { flush: "tracer.forceFlush()" },
                output: `${TRACER}export const handler = async (event) => {\n  try {\n    tracer.createSession();\n    return {};\n  } finally {\n    await tracer.forceFlush();\n  }\n};\n`,
              },
            ],
          },
        ],
      },
    ],
  });
  // RuleTester fills the message from the case's `data`: the words themselves, read off the linted message.
  it.each([
    ["Cloudflare Workers", `${TRACER}export default {\n  async fetch(request, env, ctx) {\n    tracer.createSession();\n    return new Response("ok");\n  },\n};\n`, "worker.ts", "can return without `ctx.waitUntil(tracer.forceFlush())` or `await tracer.forceFlush()`:"],
    ["Next.js", `${TRACER}export const maxDuration = 30;\nexport async function POST(request) {\n  tracer.createSession();\n  return Response.json({});\n}\n`, "app/api/chat/route.ts", "can return without `after(() => tracer.forceFlush())` (`next/server`) or `await tracer.forceFlush()`:"],
    ["AWS Lambda", `${TRACER}export const handler = async (event) => {\n  tracer.createSession();\n  return {};\n};\n`, "handler.ts", "can return without `await tracer.forceFlush()`:"],
    // A Pages Router API route: `after` of next/server does not run there, so it is not named (the App Router's route above).
    [
      "Next.js Pages Router API route",
      `${TRACER}export const maxDuration = 30;\nexport default async function handler(req, res) {\n  tracer.createSession();\n  res.statusCode = 204;\n}\n`,
      "pages/api/chat.ts",
      "can return without `await tracer.forceFlush()` before the response is sent:",
    ],
    // Netlify Functions 2.0: the default export's `context` has `waitUntil` (@netlify/types Context); said without it before.
    [
      "Netlify Functions",
      `${TRACER}export default async (req, context) => {\n  tracer.createSession();\n  return new Response("ok");\n};\n`,
      "netlify/functions/chat.mts",
      "can return without `context.waitUntil(tracer.forceFlush())` (in the default export `(req, context)`) or `await tracer.forceFlush()`:",
    ],
  ])("%s", (_platform, code, filename, words) => {
    expect(lintWithRule(RULE_NAME, rule, code, filename).map((message) => message.message)).toEqual([expect.stringContaining(words)]);
  });
});

// A handler that is not async can still flush: by returning its work's promise with the flush chained
// (`return work(event).finally(() => tracer.forceFlush())`, which the rule counts). The message says both ways;
// it said only "make it async and await the flush".
describe(`${RULE_NAME}: a handler that is not async is told both ways to flush`, () => {
  ruleTester.run(RULE_NAME, testedRule, {
    valid: [
      // The look-alike: the chained flush is returned, the handler settles after it.
      `${TRACER}export function handler(event) {\n  tracer.createSession();\n  return work(event).finally(() => tracer.forceFlush());\n}`,
    ],
    invalid: [
      {
        code: `${TRACER}export function handler(event) {\n  tracer.createSession();\n  return work(event);\n}`,
        errors: [{ messageId: "missingFlushNotAsync", data: { name: "handler", flush: "tracer.forceFlush()", platform: "AWS Lambda" }, suggestions: [] }],
      },
    ],
  });
  it("names the chained flush beside the awaited one", () => {
    const code = `${TRACER}export function handler(event) {\n  tracer.createSession();\n  return work(event);\n}`;
    expect(lintWithRule(RULE_NAME, rule, code, "handler.ts").map((message) => message.message)).toEqual([
      expect.stringContaining("make it async and await the flush, or return its work's promise with the flush chained: `return work().finally(() => tracer.forceFlush())`"),
    ]);
  });
});

// rules-13 made an `aws-lambda`-typed export a Lambda handler also in a file that calls `listen()` (it was always
// skipped there). Decided on the real shape: a Lambda handler module that also runs itself as a local dev server
// (`if (require.main === module) createServer(…).listen(3000)`) deploys that export to Lambda, where it must flush:
// reported when its types say so. Its name alone stays no sign in a file that listens (an Express server's `handler`).
describe("a file that is both a local dev server and a Lambda handler", () => {
  const reported = (code: string): string[] =>
    lintCase(RULE_NAME, rule as unknown as AnyRule, { name: code, code, filename: "src/chat.ts" })
      .filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`)
      .map((message) => message.message.match(/^[^`]*`[^`]+`/)?.[0] ?? message.message);
  const DEV_SERVER = `if (require.main === module) {\n  createServer(async (req, res) => {\n    const result = await handler({ body: "{}" } as APIGatewayProxyEvent, {} as Context);\n    res.end(result.body);\n  }).listen(3000);\n}\n`;
  it("reports the aws-lambda-typed handler of a module that listens only when run directly", () => {
    const code = `import { createServer } from "node:http";\nimport type { APIGatewayProxyEvent, Context } from "aws-lambda";\n${TRACER}export const handler = async (event: APIGatewayProxyEvent, context: Context) => {\n  tracer.createSession();\n  return { statusCode: 200, body: await answer(event.body) };\n};\n${DEV_SERVER}`;
    expect(reported(code)).toEqual(["AWS Lambda handler `handler`"]);
  });
  it("quiet: the same handler untyped (its name alone, in a file that listens), or flushing", () => {
    const untyped = `import { createServer } from "node:http";\n${TRACER}export const handler = async (event, context) => {\n  tracer.createSession();\n  return { statusCode: 200, body: await answer(event.body) };\n};\n${DEV_SERVER.replaceAll(" as APIGatewayProxyEvent", "").replace(" as Context", "")}`;
    expect(reported(untyped)).toEqual([]);
    const flushed = `import { createServer } from "node:http";\nimport type { APIGatewayProxyEvent, Context } from "aws-lambda";\n${TRACER}export const handler = async (event: APIGatewayProxyEvent, context: Context) => {\n  try {\n    tracer.createSession();\n    return { statusCode: 200, body: await answer(event.body) };\n  } finally {\n    await tracer.forceFlush();\n  }\n};\n${DEV_SERVER}`;
    expect(reported(flushed)).toEqual([]);
  });
  it("serverless-http with a dev server: the app's routes are what Lambda runs per invocation", () => {
    const code = `import express from "express";\nimport serverless from "serverless-http";\nimport type { Handler } from "aws-lambda";\n${TRACER}const app = express();\napp.post("/chat", async (req, res) => {\n  tracer.createSession();\n  res.json(await answer(req.body));\n});\nexport const handler: Handler = serverless(app);\nif (require.main === module) app.listen(3000);\n`;
    expect(reported(code)).toEqual(["AWS Lambda handler `/chat`"]);
  });
});

// cf-sw: a Worker in the service-worker syntax (`addEventListener("fetch", (event) => event.respondWith(work))`,
// knowledge/frameworks/cloudflare-workers.ts `cloudflareWorkersServiceWorker`) is an entry point; the work it hands the
// event runs inside it, and the flush is chained onto that work through the event's `waitUntil`. A browser's or a
// PWA's service worker registers the same way: only a file that names `@cloudflare/workers-types` or is the entry of
// its project's wrangler configuration is a Worker.
describe("cf-sw: Cloudflare Workers in the service-worker syntax", () => {
  const TYPES = `/// <reference types="@cloudflare/workers-types" />\n`;
  const HANDLE = `async function handle(request) {\n  tracer.createSession();\n  return new Response(await answer(await request.text()));\n}\n`;
  const FETCH = `${TYPES}${TRACER}addEventListener("fetch", (event) => {\n  event.respondWith(handle(event.request));\n});\n${HANDLE}`;
  const FLUSHED = `${TYPES}${TRACER}addEventListener("fetch", (event) => {\n  event.respondWith(handle(event.request).finally(() => event.waitUntil(tracer.forceFlush())));\n});\n${HANDLE}`;
  const recommended = "`event.waitUntil(tracer.forceFlush())` chained onto the work it hands the event (`work.finally(() => event.waitUntil(tracer.forceFlush()))`)";
  const CASES: ReadonlyArray<{ readonly name: string; readonly code: string; readonly output: string; readonly listener?: string }> = [
    { name: "fetch: the work handed to respondWith gets the flush chained", code: FETCH, output: FLUSHED },
    // An async listener returns at once too (its promise is no one's): judged and fixed the same way.
    { name: "an async listener: the same", code: FETCH.replace("(event) =>", "async (event) =>"), output: FLUSHED.replace("(event) =>", "async (event) =>") },
    {
      name: "self.addEventListener with a named listener, a function that is not async: made a promise first",
      code: `${TYPES}${TRACER}self.addEventListener("fetch", onFetch);\nfunction onFetch(e) {\n  e.respondWith(route(e.request));\n}\nfunction route(request) {\n  return tracer.startSpan("route", () => new Response("ok"));\n}\n`,
      output: `${TYPES}${TRACER}self.addEventListener("fetch", onFetch);\nfunction onFetch(e) {\n  e.respondWith(Promise.resolve(route(e.request)).finally(() => e.waitUntil(tracer.forceFlush())));\n}\nfunction route(request) {\n  return tracer.startSpan("route", () => new Response("ok"));\n}\n`,
      listener: "onFetch",
    },
    {
      name: "scheduled: the work handed to waitUntil gets the flush chained",
      code: `${TYPES}${TRACER}globalThis.addEventListener("scheduled", (event) => {\n  event.waitUntil(sweep(event.scheduledTime));\n});\nasync function sweep(at) {\n  await tracer.startSpan("sweep", () => purge(at));\n}\n`,
      output: `${TYPES}${TRACER}globalThis.addEventListener("scheduled", (event) => {\n  event.waitUntil(sweep(event.scheduledTime).finally(() => event.waitUntil(tracer.forceFlush())));\n});\nasync function sweep(at) {\n  await tracer.startSpan("sweep", () => purge(at));\n}\n`,
    },
  ];
  ruleTester.run(RULE_NAME, testedRule, {
    valid: [
      ...CASES.map((entry) => entry.output),
      // Not a Worker: no Workers types, no wrangler configuration (a browser's or a PWA's service worker).
      FETCH.replace(TYPES, ""),
      `${TRACER}self.addEventListener("fetch", (event) => {\n  event.respondWith(handle(event.request));\n});\n${HANDLE}`,
      // Another event, another object's listener, a local addEventListener.
      `${TYPES}${TRACER}addEventListener("message", (event) => {\n  event.waitUntil(handle(event.data));\n});\n${HANDLE}`,
      `${TYPES}${TRACER}const bus = new EventTarget();\nbus.addEventListener("fetch", (event) => {\n  event.respondWith(handle(event.request));\n});\n${HANDLE}`,
      `${TYPES}${TRACER}function addEventListener(name, fn) {}\naddEventListener("fetch", (event) => {\n  event.respondWith(handle(event.request));\n});\n${HANDLE}`,
    ],
    invalid: CASES.map((entry) => ({
      code: entry.code,
      errors: [
        {
          messageId: "missingFlush" as const,
          data: { name: entry.code.includes("scheduled") ? "scheduled" : "fetch", flush: "tracer.forceFlush()", platform: "Cloudflare Workers", recommended },
          suggestions: [{ messageId: "waitUntilFlush" as const, data: { flush: "tracer.forceFlush()" }, output: entry.output }],
        },
      ],
    })),
  });
  it.each(CASES.map((entry) => [entry.name, entry] as const))("the codemod writes the suggestion: %s", (_name, entry) => {
    expect(runTransforms(entry.code, "src/worker.ts", { transforms: ["lambda-force-flush"] }).output).toBe(entry.output);
    expect(runTransforms(entry.output, "src/worker.ts", { transforms: ["lambda-force-flush"] }).output).toBe(entry.output);
  });

  // The wrangler configuration decides for a file that names no Workers types: its `main`, or Wrangler 1's package.json `main`.
  const project = useTempProjects("cf-sw");
  const PLAIN = FETCH.replace(TYPES, "");
  const reportsIn = (files: Record<string, string>, path: string, code = PLAIN): number => {
    const root = project({ "package.json": JSON.stringify({ dependencies: { honeyhive: "^2.0.0" }, devDependencies: { wrangler: "^3.90.0" } }), ...files, [path]: code });
    return new Linter({ configType: "flat", cwd: root }).verify(code, configForRule(RULE_NAME, rule), { filename: join(root, path) }).length;
  };
  it.each([
    ["wrangler.toml main", { "wrangler.toml": `name = "chat"\nmain = "src/worker.ts"\ncompatibility_date = "2024-09-23"\n` }, "src/worker.ts"],
    ["wrangler.toml main of an environment", { "wrangler.toml": `name = "chat"\nmain = "src/index.ts"\n\n[env.staging]\nmain = "src/worker.ts"\n` }, "src/worker.ts"],
    ["wrangler.jsonc main", { "wrangler.jsonc": `{\n  // the Worker\n  "name": "chat",\n  "main": "./src/worker.ts",\n}\n` }, "src/worker.ts"],
    ["Wrangler 1: the package.json main", { "wrangler.toml": `name = "chat"\ntype = "javascript"\n`, "package.json": JSON.stringify({ main: "index.js", dependencies: { honeyhive: "^2.0.0" } }) }, "index.js"],
    ["Wrangler 1: the service-worker upload format", { "wrangler.toml": `name = "chat"\ntype = "javascript"\n[build.upload]\nformat = "service-worker"\n` }, "src/index.ts"],
  ])("reported: %s", (_name, files, path) => expect(reportsIn(files, path)).toBe(1));
  it.each([
    // A PWA's service worker served as a static asset of a Worker whose main is another file.
    ["another file is the main", { "wrangler.toml": `name = "chat"\nmain = "src/index.ts"\n[assets]\ndirectory = "public"\n` }, "public/sw.js"],
    // A Vite app deployed with `wrangler pages deploy`: wrangler among its dependencies, no configuration.
    ["wrangler a dependency, no configuration", {}, "src/sw.ts"],
    // A Pages project's configuration names no Worker entry.
    // A `main` key of a table other than an environment's (`[env.<name>]`) is no entry of the Worker.
    ["a main of another table", { "wrangler.toml": `name = "chat"\nmain = "src/index.ts"\n\n[build]\nmain = "src/worker.ts"\n` }, "src/worker.ts"],
    ["a Pages configuration", { "wrangler.toml": `name = "site"\npages_build_output_dir = "dist"\n` }, "src/sw.ts"],
  ])("quiet: %s", (_name, files, path) => expect(reportsIn(files, path)).toBe(0));
});
