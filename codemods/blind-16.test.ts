// Blind round 16 for `honeyhive migrate`: CODE THAT ALREADY DOES IT RIGHT, on projects like rules/blind-cases-16's
// (written on disk, migrated with the 2.x set). Most projects are written the way the seed and our docs recommend
// (a module tracer in its own module, lazy getters, per-tenant caches, sessions created first in middleware, every
// serverless shape flushed the documented way, evaluate() with implicit tracing, instrumentors given the provider,
// session ids checked before they are linked): they must come out byte for byte, and a second run changes nothing.
// The rest are near-misses, the same code broken in one small way, that must get exactly the documented fix.
//
// Written from docs/codemods.md before reading the transforms: session-start-to-create-session ("`sessionStart()` →
// `createSession()`"), lambda-force-flush ("A flush that is not awaited gets its `await` when that is enough for every
// path"; "The body goes into `try { … } finally { await <tracer>.forceFlush(); }`"; "every path flushes once"),
// lost-session-context ("the statement moves in front of the statement that holds the hook's first `await`"),
// explicit-tracer ("`trace(fn)` → `trace({ tracer }, fn)`"), instrumentation-provider ("OpenInference classes get
// `tracerProvider` in their options", "AI SDK telemetry `tracer: tracer.provider.getTracer("ai")`"),
// validate-session-id ("Marker only ... one marker in front of the statement"), hoist-tracer-init ("A review marker
// instead where ... a helper that makes a tracer per call", docs/rules/no-tracer-init-in-handler.md "The fix").
//
// Each expectation asserts the correct output; those the codemod does not meet today are in KNOWN (asserted as failing
// today, with a reason), so a fix turns the file red until the entry is deleted.
import { afterAll, beforeAll, describe, expect } from "vitest";
import { removeProjects } from "./cli/test-utils/project.js";
import { describeSetExpectations, type Expectation, type KnownExpectation, projectRuns, type SetProject } from "./cli/test-utils/shapes.js";
import { HH2, pkg, project, TRACING_TS } from "../rules/test-utils/programs.js";

// --- correct projects (must stay byte for byte) ------------------------------------------------------------------
const EXPRESS_APP = `import express from "express";
import { isSessionId } from "honeyhive";
import { tracer } from "./tracing";

const app = express();

app.use((req, res, next) => {
  const existing = req.get("x-session-id");
  if (existing && isSessionId(existing)) {
    // Link to the existing session (no API call).
    tracer.createSession({ sessionId: existing, skipApiCall: true });
  } else {
    const sessionId = tracer.createSession({ sessionName: \`api-\${req.path}\`, inputs: { method: req.method } });
    res.setHeader("X-Session-ID", sessionId);
  }
  next();
});

app.post("/api/chat", async (req, res) => {
  res.json(await tracer.startSpan("chat", () => answer(req.body.message)));
});

app.listen(3000);
`;
const LAMBDA_GETTER = `import { HoneyHiveTracer } from "honeyhive";

let tracer: HoneyHiveTracer | undefined; // survives warm starts

function getTracer(): HoneyHiveTracer {
  return (tracer ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: process.env.HH_PROJECT, source: "lambda" }));
}

export const handler = async (event: { body?: string }, context: { awsRequestId: string }) => {
  const tracer = getTracer();
  try {
    tracer.createSession({ sessionName: \`lambda-\${context.awsRequestId}\`, inputs: { event } });
    if (!event.body) return { statusCode: 400, body: "empty" };
    const result = await tracer.startSpan("process", () => processEvent(JSON.parse(event.body!)));
    tracer.enrichSession({ outputs: { result } });
    return { statusCode: 200, body: JSON.stringify(result) };
  } finally {
    await tracer.forceFlush({ timeoutMs: 5000 });
  }
};
`;
const LAMBDA_CJS = `const { HoneyHiveTracer } = require("honeyhive");

let tracer = null;

function getTracer() {
  if (!tracer) {
    tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: process.env.HH_PROJECT });
  }
  return tracer;
}

exports.handler = async (event) => {
  const t = getTracer();
  try {
    t.createSession({ sessionName: "cjs" });
    return await t.startSpan("work", () => work(event));
  } finally {
    await t.forceFlush();
  }
};
`;
const WITH_FLUSH = `import { tracer } from "./tracing";

export function withFlush<E, R>(fn: (event: E) => Promise<R>) {
  return async (event: E): Promise<R> => {
    try {
      return await fn(event);
    } finally {
      await tracer.forceFlush();
    }
  };
}
`;
const WITH_FLUSH_HANDLERS = `import { tracer } from "./tracing";
import { withFlush } from "./with-flush";

export const handler = withFlush(async (event: { id: string }) => {
  tracer.createSession({ sessionName: "read" });
  return tracer.startSpan("read", () => read(event.id));
});
`;
const PROMISE_FINALLY = `import { tracer } from "./tracing";

export const handler = (event: { id: string }) => {
  tracer.createSession({ sessionName: "promise" });
  return tracer.startSpan("promise", () => fetchRecord(event.id)).finally(() => tracer.forceFlush());
};
`;
const MIDDY = `import middy from "@middy/core";
import { tracer } from "./tracing";

const flush = (): middy.MiddlewareObj => ({
  after: async () => {
    await tracer.forceFlush();
  },
  onError: async () => {
    await tracer.forceFlush();
  },
});

const baseHandler = async (event: { name: string }) => {
  tracer.createSession({ sessionName: "middy" });
  return tracer.startSpan("greet", () => \`hello \${event.name}\`);
};

export const handler = middy(baseHandler).use(flush());
`;
const GCF = `import * as functions from "@google-cloud/functions-framework";
import { tracer } from "./tracing";

functions.http("chat", async (req, res) => {
  tracer.createSession({ sessionName: "gcf" });
  const reply = await tracer.startSpan("chat", () => answer(req.body.message));
  await tracer.forceFlush();
  res.json({ reply });
});
`;
const WORKER = `import { tracer } from "./tracing";

export default {
  async fetch(request, env, ctx): Promise<Response> {
    try {
      tracer.createSession({ sessionName: "worker" });
      return new Response(await tracer.startSpan("echo", async () => request.text()));
    } finally {
      ctx.waitUntil(tracer.forceFlush());
    }
  },
} satisfies ExportedHandler<Env>;
`;
const NEXT_AFTER = `import { after } from "next/server";
import { tracer } from "../../../lib/tracing";

export async function POST(request: Request) {
  after(() => tracer.forceFlush());
  tracer.createSession({ sessionName: "next" });
  const { message } = await request.json();
  return Response.json(await tracer.startSpan("chat", () => answer(message)));
}
`;
const VERCEL_FETCH = `import { waitUntil } from "@vercel/functions";
import { tracer } from "../src/tracing";

export default {
  async fetch(request: Request) {
    try {
      tracer.createSession({ sessionName: "vercel" });
      return Response.json(await tracer.startSpan("chat", async () => answer(await request.text())));
    } finally {
      waitUntil(tracer.forceFlush());
    }
  },
};
`;
const EVAL_SCRIPT = `import { enrichSession, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

// No HoneyHiveTracer.init() here: evaluate() makes a tracer per datapoint.
const retrieve = trace({ eventType: "tool" }, async (q: string) => [q]);

async function pipeline({ inputs }: { inputs: { question: string } }) {
  const docs = await retrieve(inputs.question);
  enrichSession({ metadata: { docs: docs.length } });
  return { answer: docs[0] };
}

const exactMatch = (outputs: { answer?: string }, _inputs: unknown, groundTruth?: { answer?: string }) => outputs.answer === groundTruth?.answer;

await evaluate({
  function: trace({ eventType: "chain" }, pipeline),
  dataset: [{ inputs: { question: "2+2" }, groundTruth: { answer: "4" } }],
  evaluators: { exactMatch },
  name: "qa",
});
`;
const INSTRUMENT = `import * as CallbackManagerModule from "@langchain/core/callbacks/manager";
import { LangChainInstrumentation } from "@arizeai/openinference-instrumentation-langchain";
import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import OpenAI from "openai";
import { HoneyHiveTracer } from "honeyhive";

export const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "agents" });

registerInstrumentations({ instrumentations: [new HttpInstrumentation()], tracerProvider: tracer.provider });
new OpenAIInstrumentation({ tracerProvider: tracer.provider }).manuallyInstrument(OpenAI);
const langchain = new LangChainInstrumentation({ tracerProvider: tracer.provider });
langchain.manuallyInstrument(CallbackManagerModule);
`;
const AI_SDK = `import { generateText } from "ai";
import { openai } from "@ai-sdk/openai";
import { tracer } from "./tracing";

export async function answer(prompt: string) {
  const { text } = await generateText({
    model: openai("gpt-4.1-mini"),
    prompt,
    experimental_telemetry: { isEnabled: true, tracer: tracer.provider.getTracer("ai") },
  });
  return text;
}
`;
const TENANTS = `import express from "express";
import { HoneyHiveTracer, trace } from "honeyhive";

const tracers = new Map<string, HoneyHiveTracer>();

function tracerFor(tenant: string): HoneyHiveTracer {
  let t = tracers.get(tenant);
  if (!t) {
    t = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: \`tenant-\${tenant}\` });
    tracers.set(tenant, t);
  }
  return t;
}

const app = express();
app.post("/t/:tenant/chat", async (req, res) => {
  const tracer = tracerFor(req.params.tenant);
  tracer.createSession({ sessionName: "chat" });
  const run = trace({ eventType: "chain", tracer }, async (message: string) => answer(message));
  res.json(await run(req.body.message));
});
app.listen(3000);
`;
const FASTIFY_HOOKS = `import Fastify from "fastify";
import { toSessionId } from "honeyhive";
import { tracer } from "./tracing";

const app = Fastify();

app.addHook("onRequest", async (request, reply) => {
  const conversation = request.headers["x-conversation-id"];
  if (typeof conversation === "string") {
    await tracer.acreateSession({ sessionId: toSessionId(conversation), skipApiCall: true });
  } else {
    reply.header("x-session-id", await tracer.acreateSession({ sessionName: request.url }));
  }
});

app.post("/chat", async (request) => tracer.startSpan("chat", () => answer(request.body)));

await app.listen({ port: 3000 });
`;
const KOA_WITH_SESSION = `import Koa from "koa";
import tracer from "./tracer";

const app = new Koa();
app.use((ctx, next) => tracer.withSession({ sessionName: ctx.path }, () => next()));
app.use(async (ctx) => {
  ctx.body = await tracer.startSpan("reply", () => reply(ctx.request.body));
});
app.listen(3000);
`;
const AGENT_DECORATORS = `import { trace } from "honeyhive";
import { tracer } from "./tracing";

export class Agent {
  @trace({ eventType: "chain", tracer })
  async run(task: string) {
    return this.plan(task);
  }

  @trace({ eventType: "tool", tracer })
  async plan(task: string) {
    tracer.enrichSpan({ metadata: { task } });
    return [task];
  }
}
`;
const NEXT_INSTRUMENTATION = `import { HoneyHiveTracer } from "honeyhive";

export let tracer: HoneyHiveTracer | undefined;

export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "next-app" });
  }
}
`;
const STREAMIFY = `import { tracer } from "./tracing";

export const handler = awslambda.streamifyResponse(async (event: { prompt: string }, responseStream) => {
  tracer.createSession({ sessionName: "stream" });
  try {
    for await (const chunk of streamAnswer(event.prompt)) responseStream.write(chunk);
  } finally {
    responseStream.end();
    await tracer.forceFlush();
  }
});
`;

// --- near-misses (must get exactly the documented fix) -------------------------------------------------------------
const EXPRESS_SESSION_START = EXPRESS_APP.replace("tracer.createSession({ sessionName: `api-", "tracer.sessionStart({ sessionName: `api-");
const LAMBDA_NO_AWAIT = `import { tracer } from "./tracing";

export const handler = async (event: unknown) => {
  try {
    tracer.createSession({ sessionName: "noawait" });
    return await tracer.startSpan("work", () => work(event));
  } finally {
    tracer.forceFlush();
  }
};
`;
const LAMBDA_EARLY_RETURN = `import { tracer } from "./tracing";

export const handler = async (event: { body?: string }) => {
  tracer.createSession({ sessionName: "api" });
  if (!event.body) return { statusCode: 400, body: "empty" };
  const result = await work(JSON.parse(event.body));
  await tracer.forceFlush();
  return { statusCode: 200, body: JSON.stringify(result) };
};
`;
const FASTIFY_LATE = `import Fastify from "fastify";
import { tracer } from "./tracing";

const app = Fastify();

app.addHook("onRequest", async (request) => {
  await audit(request.id);
  tracer.createSession({ sessionName: request.url });
});

app.get("/me", async () => tracer.startSpan("me", () => "me"));

await app.listen({ port: 3000 });
`;
const FASTIFY_LATE_AFTER = `import Fastify from "fastify";
import { tracer } from "./tracing";

const app = Fastify();

app.addHook("onRequest", async (request) => {
  tracer.createSession({ sessionName: request.url });
  await audit(request.id);
});

app.get("/me", async () => tracer.startSpan("me", () => "me"));

await app.listen({ port: 3000 });
`;
const IMPLICIT_TRACE = `import { trace } from "honeyhive";
import { tracer } from "./tracing";

export const classify = trace({ eventType: "tool" }, async (text: string) => {
  tracer.enrichSpan({ metadata: { length: text.length } });
  return text.length > 100 ? "long" : "short";
});
`;
const INSTRUMENT_ONE_MISSING = INSTRUMENT.replace(
  "const langchain = new LangChainInstrumentation({ tracerProvider: tracer.provider });",
  "const langchain = new LangChainInstrumentation();",
);
const AI_SDK_NO_TRACER = AI_SDK.replace("experimental_telemetry: { isEnabled: true, tracer: tracer.provider.getTracer(\"ai\") }", "experimental_telemetry: { isEnabled: true }");
const WRONG_VARIABLE = `import express from "express";
import { toSessionId } from "honeyhive";
import { tracer } from "./tracing";

const app = express();
app.use((req, res, next) => {
  const conversation = req.get("x-conversation-id");
  const userKey = toSessionId(req.get("x-user-id") ?? "anonymous");
  res.locals.userKey = userKey;
  if (conversation) {
    tracer.createSession({ sessionId: conversation, skipApiCall: true });
  } else {
    tracer.createSession({ sessionName: "new" });
  }
  next();
});
app.listen(3000);
`;
const GETTER_NO_CACHE = `import { HoneyHiveTracer } from "honeyhive";

function getTracer() {
  return HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "nocache" });
}

export const handler = async (event: unknown) => {
  const tracer = getTracer();
  try {
    tracer.createSession({ sessionName: "nocache" });
    return await tracer.startSpan("work", () => work(event));
  } finally {
    await tracer.forceFlush();
  }
};
`;

const PROJECTS: readonly SetProject[] = [
  { name: "express-app", sets: ["2x"], files: { ...project({ express: "^5.1.0" }), "src/server.ts": EXPRESS_APP } },
  { name: "lambda-getter", sets: ["2x"], files: { "package.json": pkg(HH2), "src/handler.ts": LAMBDA_GETTER } },
  { name: "lambda-cjs", sets: ["2x"], files: { "package.json": pkg(HH2), "src/index.js": LAMBDA_CJS } },
  { name: "with-flush", sets: ["2x"], files: { ...project(), "src/with-flush.ts": WITH_FLUSH, "src/handler.ts": WITH_FLUSH_HANDLERS } },
  { name: "promise-finally", sets: ["2x"], files: { ...project(), "src/handler.ts": PROMISE_FINALLY } },
  { name: "middy", sets: ["2x"], files: { ...project({ "@middy/core": "^6.4.0" }), "src/handler.ts": MIDDY } },
  { name: "gcf", sets: ["2x"], files: { ...project({ "@google-cloud/functions-framework": "^4.0.0" }), "src/index.ts": GCF } },
  {
    name: "worker",
    sets: ["2x"],
    files: { ...project({ wrangler: "^4.33.0" }), "wrangler.jsonc": `{ "name": "w", "main": "src/index.ts", "compatibility_date": "2025-09-01" }\n`, "src/index.ts": WORKER },
  },
  {
    name: "next-after",
    sets: ["2x"],
    files: { "package.json": pkg({ ...HH2, next: "^15.5.0", react: "^19.1.0" }), "vercel.json": `{ "framework": "nextjs" }\n`, "lib/tracing.ts": TRACING_TS, "app/api/chat/route.ts": NEXT_AFTER },
  },
  { name: "vercel-fetch", sets: ["2x"], files: { ...project({ "@vercel/functions": "^2.2.0" }), "api/chat.ts": VERCEL_FETCH } },
  { name: "eval-script", sets: ["2x"], files: { "package.json": pkg(HH2), "scripts/eval.ts": EVAL_SCRIPT } },
  {
    name: "instrument",
    sets: ["2x"],
    files: {
      "package.json": pkg({ ...HH2, openai: "^5.20.0", "@langchain/core": "^0.3.72", "@arizeai/openinference-instrumentation-openai": "^3.2.0", "@arizeai/openinference-instrumentation-langchain": "^3.4.0", "@opentelemetry/instrumentation": "^0.203.0", "@opentelemetry/instrumentation-http": "^0.203.0" }),
      "src/instrument.ts": INSTRUMENT,
    },
  },
  { name: "ai-sdk", sets: ["2x"], files: { ...project({ ai: "^5.0.0", "@ai-sdk/openai": "^2.0.0" }), "src/answer.ts": AI_SDK } },
  { name: "tenants", sets: ["2x"], files: { "package.json": pkg({ ...HH2, express: "^5.1.0" }), "src/server.ts": TENANTS } },
  { name: "fastify-hooks", sets: ["2x"], files: { ...project({ fastify: "^5.5.0" }, {}, { type: "module" }), "src/server.ts": FASTIFY_HOOKS } },
  {
    name: "koa-with-session",
    sets: ["2x"],
    files: {
      "package.json": pkg({ ...HH2, koa: "^3.0.0" }),
      "src/tracer.ts": `import { HoneyHiveTracer } from "honeyhive";\n\nexport default HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "koa" });\n`,
      "src/server.ts": KOA_WITH_SESSION,
    },
  },
  { name: "agent-decorators", sets: ["2x"], files: { ...project(), "src/agent.ts": AGENT_DECORATORS } },
  { name: "next-instrumentation", sets: ["2x"], files: { "package.json": pkg({ ...HH2, next: "^15.5.0", react: "^19.1.0" }), "instrumentation.ts": NEXT_INSTRUMENTATION } },
  { name: "streamify", sets: ["2x"], files: { ...project(), "src/handler.ts": STREAMIFY } },
  // near-misses
  { name: "express-session-start", sets: ["2x"], files: { ...project({ express: "^5.1.0" }), "src/server.ts": EXPRESS_SESSION_START } },
  { name: "lambda-no-await", sets: ["2x"], files: { ...project(), "src/handler.ts": LAMBDA_NO_AWAIT } },
  { name: "lambda-early-return", sets: ["2x"], files: { ...project(), "src/handler.ts": LAMBDA_EARLY_RETURN } },
  { name: "fastify-late", sets: ["2x"], files: { ...project({ fastify: "^5.5.0" }, {}, { type: "module" }), "src/server.ts": FASTIFY_LATE } },
  { name: "implicit-trace", sets: ["2x"], files: { ...project(), "src/classify.ts": IMPLICIT_TRACE } },
  {
    name: "instrument-one-missing",
    sets: ["2x"],
    files: {
      "package.json": pkg({ ...HH2, openai: "^5.20.0", "@langchain/core": "^0.3.72", "@arizeai/openinference-instrumentation-openai": "^3.2.0", "@arizeai/openinference-instrumentation-langchain": "^3.4.0", "@opentelemetry/instrumentation": "^0.203.0", "@opentelemetry/instrumentation-http": "^0.203.0" }),
      "src/instrument.ts": INSTRUMENT_ONE_MISSING,
    },
  },
  { name: "ai-sdk-no-tracer", sets: ["2x"], files: { ...project({ ai: "^5.0.0", "@ai-sdk/openai": "^2.0.0" }), "src/answer.ts": AI_SDK_NO_TRACER } },
  { name: "wrong-variable", sets: ["2x"], files: { ...project({ express: "^5.1.0" }), "src/server.ts": WRONG_VARIABLE } },
  { name: "getter-no-cache", sets: ["2x"], files: { "package.json": pkg(HH2), "src/handler.ts": GETTER_NO_CACHE } },
];

const { migrate, runOf, out, input, unchanged, becomes } = projectRuns(PROJECTS);
beforeAll(migrate, 300_000);
afterAll(() => removeProjects());

const MARKER_LINE = /^[ \t]*\/\* honeyhive-migrate: [^\n]*\*\/\n/gm;
/** The one review marker of `path`, mentioning `mention`; the file otherwise unchanged. */
const markedOnce = (name: string, path: string, mention: RegExp, why: string): Expectation => ({
  name: `${name}: ${why}`,
  check: () => {
    const text = out(name, path);
    const markers = text.match(MARKER_LINE) ?? [];
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatch(mention);
    expect(text.replace(MARKER_LINE, "")).toBe(input(name, path));
  },
});

const EXPECTATIONS: readonly Expectation[] = [
  unchanged("express-app", "src/server.ts"),
  unchanged("lambda-getter", "src/handler.ts"),
  unchanged("lambda-cjs", "src/index.js"),
  unchanged("with-flush", "src/with-flush.ts"),
  unchanged("with-flush", "src/handler.ts"),
  unchanged("promise-finally", "src/handler.ts"),
  unchanged("middy", "src/handler.ts"),
  unchanged("gcf", "src/index.ts"),
  unchanged("worker", "src/index.ts"),
  unchanged("next-after", "app/api/chat/route.ts"),
  unchanged("vercel-fetch", "api/chat.ts"),
  unchanged("eval-script", "scripts/eval.ts"),
  unchanged("instrument", "src/instrument.ts"),
  unchanged("ai-sdk", "src/answer.ts"),
  unchanged("tenants", "src/server.ts"),
  unchanged("fastify-hooks", "src/server.ts"),
  unchanged("koa-with-session", "src/server.ts"),
  unchanged("koa-with-session", "src/tracer.ts"),
  unchanged("agent-decorators", "src/agent.ts"),
  unchanged("next-instrumentation", "instrumentation.ts"),
  unchanged("streamify", "src/handler.ts"),
  unchanged("express-session-start", "src/tracing.ts"),
  becomes("express-session-start", "src/server.ts", EXPRESS_APP, "sessionStart() in the middleware → createSession(), nothing else"),
  becomes(
    "lambda-no-await",
    "src/handler.ts",
    LAMBDA_NO_AWAIT.replace("    tracer.forceFlush();", "    await tracer.forceFlush();"),
    "the flush in finally gets its await (enough for every path)",
  ),
  {
    name: "lambda-early-return: the body in try/finally with the awaited flush, flushed once on every path",
    check: () => {
      const text = out("lambda-early-return", "src/handler.ts");
      expect(text).toMatch(/async \(event: \{ body\?: string \}\) => \{\n {2}try \{\n {4}tracer\.createSession\(\{ sessionName: "api" \}\);\n {4}if \(!event\.body\) return \{ statusCode: 400, body: "empty" \};/);
      expect(text).toMatch(/\n {2}\} finally \{\n {4}await tracer\.forceFlush\(\);\n {2}\}\n\};\n$/);
      expect(text.match(/forceFlush\(/g)).toHaveLength(1);
      expect(text).not.toMatch(/honeyhive-migrate:/);
    },
  },
  becomes("fastify-late", "src/server.ts", FASTIFY_LATE_AFTER, "createSession() moved in front of the hook's first await"),
  becomes(
    "implicit-trace",
    "src/classify.ts",
    IMPLICIT_TRACE.replace('trace({ eventType: "tool" }, async', 'trace({ eventType: "tool", tracer }, async'),
    "trace({ eventType }) → trace({ eventType, tracer })",
  ),
  becomes(
    "instrument-one-missing",
    "src/instrument.ts",
    INSTRUMENT,
    "the LangChain instrumentation gets tracerProvider: tracer.provider in its options, the OpenAI one left as it is",
  ),
  becomes("ai-sdk-no-tracer", "src/answer.ts", AI_SDK, 'AI SDK telemetry gets tracer: tracer.provider.getTracer("ai")'),
  markedOnce("wrong-variable", "src/server.ts", /toSessionId\(\)|isSessionId\(\)/, "one validate-session-id marker for the unchecked conversation id, nothing rewritten"),
  markedOnce("getter-no-cache", "src/handler.ts", /./, "one hoist-tracer-init review marker for the helper that makes a tracer per call, nothing rewritten"),
];

// First run (28 projects, 32 expectations, 2026-12-07): every run clean and stable; 31 expectations met, 1 not:
// fastify-hooks, the seed's multi-turn hook (`if (linked) { await tracer.acreateSession({ …, skipApiCall: true }); } else
// { reply.header("x-session-id", await tracer.acreateSession(…)); }`), got a lost-session-context marker on its `else`:
// analysis/lost-session.ts `firstAwaitBefore` took the other branch's await, earlier in the text, for one on the path.
// Fixed since (look-alikes in analysis/lost-session.test.ts; the same shape in rules/blind-cases-16.test.ts). Every
// near-miss got its documented fix first time (the rename, the awaited flush, the try/finally flushed once, the moved
// createSession(), `tracer` in trace()'s options, `tracerProvider` and the AI SDK tracer, the two markers).
// Expectations the codemod does not meet today (see the header).
const KNOWN: readonly KnownExpectation[] = [];

describe("blind 16: migrate leaves correct code alone and fixes near-misses exactly", () => {
  describeSetExpectations(PROJECTS, runOf, EXPECTATIONS, KNOWN);
});
