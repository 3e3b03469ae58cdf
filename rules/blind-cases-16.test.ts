// Blind cases, sixteenth round: CODE THAT ALREADY DOES IT RIGHT. Users who follow the seeds and our docs must see no
// message. Every recommended pattern is written the many ways real code writes it, and every `quiet` case is run
// through ALL EIGHT rules (correct code is correct for every rule, not only for the one it was written for):
// - init once at startup: a module tracer in its own module (ESM, CommonJS, default export, a barrel, a tsconfig path
//   alias), lazy getters (`??=`, `if (!tracer)`, the seed's `if (tracer) return tracer`, a memoized promise, a class
//   singleton, a `globalThis` cache, a per-tenant Map cache, lodash `once`), Next.js `instrumentation.ts`'s
//   `register()`, a NestJS provider's `useFactory`, Fastify's `decorate` in a plugin;
// - per-request sessions: `createSession()` / `acreateSession()` / `withSession(opts, () => next())` first in Express,
//   Fastify, Koa and Hono middleware and in Next.js, SvelteKit, Remix and h3 handlers; linked sessions
//   (`createSession({ sessionId: toSessionId(…), skipApiCall: true })`), ids checked with `isSessionId` or a UUID RegExp;
// - serverless flush: `try { … } finally { await tracer.forceFlush() }` on AWS Lambda (ESM, CommonJS), Google Cloud
//   Functions, Azure Functions v4, Netlify, Vercel; `ctx.waitUntil(…)` on Workers, `after(() => …)` on Next.js,
//   `waitUntil` of `@vercel/functions`, middy, a shared `withFlush(handler)`, `.finally(() => tracer.forceFlush())`,
//   a response stream flushed where it ends;
// - evaluate(): implicit `trace()` and `enrichSession()` in the evaluated code, plain evaluators, inline datasets;
// - explicit binding: `trace({ tracer, … }, fn)`, `tracer.trace(…)`, a tracer passed as a parameter, `@trace({ tracer })`;
// - instrumentors after init with `tracerProvider: tracer.provider`, `setTracerProvider(tracer.provider)`, AI SDK
//   `experimental_telemetry: { isEnabled: true, tracer: tracer.provider.getTracer("ai") }` (docs/sdk.md, the rule's
//   page), OpenInference `manuallyInstrument` after init.
// About a quarter are `reported` near-misses: the correct pattern broken in one small way.
//
// Written before reading the analysis code (analysis/**, rules/*.ts), from the seed (/work/shared/seeds/001: "Initialize
// once at module level", "initialize the tracer outside the handler and reuse it across warm starts", the `get_tracer()`
// lazy getter, "create a new session per request using create_session() or its async variant", "Don't use
// session_start() for web servers", "call tracer.force_flush() before returning so buffered spans are exported",
// "Initialize the tracer before any instrumentor ... pass tracer.provider", "When running experiments with evaluate(),
// don't create your own tracer", "Passing tracer=tracer makes the binding explicit", "Link to existing ... skip_api_call")
// and each rule's page (docs/rules/*.md: its ✅ examples and its "Not reported" lists). Note on evaluate(): docs/sdk.md
// ("`function` ... called once per datapoint with `{ inputs, groundTruth }`") passes no tracer to the evaluated function,
// so "the tracer evaluate passes in" is written as the implicit `trace()` / `enrichSession()` the rule's page shows.
// Each case asserts the CORRECT behaviour: `reported` (at least one report of its rule) or `quiet` (no report of any
// rule). Cases the core does not get right are in the labelled KNOWN block, asserting today's behaviour with a reason
// each (harness: ./test-utils/blind-cases.ts).
import { describe } from "vitest";
import { type AnyRule, type Case, describeBlindCases, type Known, caseOf as c } from "./test-utils/blind-cases.js";
import flushRule, { RULE_NAME as FLUSH_RULE } from "./require-force-flush-in-lambda.js";
import initRule, { RULE_NAME as INIT_RULE } from "./no-tracer-init-in-handler.js";
import providerRule, { RULE_NAME as PROVIDER_RULE } from "./tracer-provider-for-instrumentors.js";
import explicitRule, { RULE_NAME as EXPLICIT_RULE } from "./require-explicit-tracer.js";
import sessionStartRule, { RULE_NAME as SESSION_START_RULE } from "./no-session-start-in-handler.js";
import evaluateRule, { RULE_NAME as EVALUATE_RULE } from "./no-global-tracer-with-evaluate.js";
import lostContextRule, { RULE_NAME as LOST_CONTEXT_RULE } from "./no-lost-session-context.js";
import sessionIdRule, { RULE_NAME as SESSION_ID_RULE } from "./require-valid-session-id.js";
import { HH2, pkg, project, TRACING_TS } from "./test-utils/programs.js";

// Cases the core gets wrong today (`Known` in ./test-utils/blind-cases.ts); each says why, and where.
// First run (127 cases, 91 quiet ones through all eight rules: 764 tests, 2026-12-07): 2 findings, no crash, no parse
// failure; every other recommended shape (module tracers in ESM, CommonJS, default-export, barrel and path-alias modules;
// `??=`, `if (!tracer)`, early-return, memoized-promise, lodash `once`, class-singleton, `globalThis`, per-tenant Map and
// app.locals caches; instrumentation.ts, NestJS `useFactory`, Fastify `decorate`; createSession/acreateSession/withSession
// first in Express, Fastify, Koa, Hono, NestJS, Next.js, SvelteKit, Remix and h3; every flush form on Lambda, Cloud
// Functions, Azure, Netlify, Vercel, Workers and Next.js; evaluate() with implicit tracing; instrumentors given the
// provider; checked session ids) was read right, and 35 of 36 near-misses were reported.
// (A) WRONG EXPECTATION: the pages/api `globalThis` case carried `// eslint-disable-next-line no-var`, which the
//     harness's Linter (only the rule under test configured) reports as an unused directive; the comment is gone.
// (B) ENGINE (fixed): `return work().finally(() => { tracer.forceFlush(); })` in a non-async handler was trusted (a
//     non-async handler that calls a flush anywhere is, analysis/flush.ts `collectFlushCalls`), though the chain never
//     waits for a promise its callback does not return. A fire-and-forget flush statement in a `.then/.catch/.finally`
//     callback is no longer trusted in a handler that answers with its promise (callback-style handlers keep the trust);
//     look-alikes in analysis/flush.test.ts.
// Second batch (2 cases, after the migrate round's fastify-hooks project got a lost-session marker on correct code):
// (C) ENGINE (fixed): `firstAwaitBefore` (analysis/lost-session.ts) counted an await by its place in the text, so a
//     `createSession()` in the `else` of an `if` whose other branch awaits `acreateSession()`, or after an `if` that
//     awaits a send and returns, was "after an await" (a false report on the seed's multi-turn middleware). Now an await
//     on no path to the call (two branches of one if / ?: / jumping switch case, a block that returns or throws after it)
//     does not count; look-alikes in analysis/lost-session.test.ts.
const KNOWN: readonly Known[] = [];

const SERVER = "src/server.ts";

// ================================================================================================================
// QUIET: correct code, run through every rule.
// ================================================================================================================

// --- init once at startup ------------------------------------------------------------------------------------------
const INIT_QUIET: Case[] = [
  c(
    "init: ESM module tracer imported by an Express app that opens a session per request",
    `import express from "express";
import { tracer } from "./tracing";

const app = express();
app.use((req, res, next) => {
  tracer.createSession({ sessionName: "api", inputs: { path: req.path } });
  next();
});
app.post("/chat", async (req, res) => {
  res.json(await tracer.startSpan("chat", () => answer(req.body.message)));
});
app.listen(3000);
`,
    { filename: SERVER, files: project({ express: "^5.1.0" }) },
  ),
  c(
    "init: CommonJS tracing module required by a Lambda that flushes in finally",
    `const { tracer } = require("./tracing");

exports.handler = async (event) => {
  try {
    tracer.createSession({ sessionName: "lambda" });
    return { statusCode: 200, body: JSON.stringify(await work(event)) };
  } finally {
    await tracer.forceFlush();
  }
};
`,
    {
      filename: "src/handler.js",
      files: {
        "package.json": pkg(HH2),
        "src/tracing.js": `const { HoneyHiveTracer } = require("honeyhive");\n\nconst tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "app" });\n\nmodule.exports = { tracer };\n`,
      },
    },
  ),
  c(
    "init: a default-exported tracer imported by a Koa app",
    `import Koa from "koa";
import tracer from "./tracer";

const app = new Koa();
app.use(async (ctx, next) => {
  tracer.createSession({ sessionName: "koa" });
  await next();
});
app.use(async (ctx) => {
  ctx.body = await tracer.startSpan("reply", () => reply(ctx.request.body));
});
app.listen(3000);
`,
    {
      filename: SERVER,
      files: {
        "package.json": pkg({ ...HH2, koa: "^3.0.0" }),
        "src/tracer.ts": `import { HoneyHiveTracer } from "honeyhive";\n\nexport default HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "koa" });\n`,
      },
    },
  ),
  c(
    "init: a tracer re-exported by a barrel (src/lib/index.ts) used in a Hono middleware",
    `import { Hono } from "hono";
import { serve } from "@hono/node-server";
import { tracer } from "./lib";

const app = new Hono();
app.use(async (c, next) => {
  tracer.createSession({ sessionName: c.req.path });
  await next();
});
app.get("/search", async (c) => c.json(await tracer.startSpan("search", () => search(c.req.query("q")))));
serve(app);
`,
    {
      filename: SERVER,
      files: {
        "package.json": pkg({ ...HH2, hono: "^4.9.0", "@hono/node-server": "^1.19.0" }),
        "src/lib/tracing.ts": TRACING_TS,
        "src/lib/index.ts": `export { tracer } from "./tracing";\nexport * from "./util";\n`,
        "src/lib/util.ts": `export const slug = (s: string) => s.toLowerCase();\n`,
      },
    },
  ),
  c(
    "init: a tracer imported through a tsconfig paths alias (@/lib/tracing) in a Next.js route handler",
    `import { tracer } from "@/lib/tracing";

export async function POST(request: Request) {
  tracer.createSession({ sessionName: "chat" });
  const { message } = await request.json();
  return Response.json(await tracer.startSpan("chat", () => answer(message)));
}
`,
    {
      filename: "app/api/chat/route.ts",
      files: {
        "package.json": pkg({ ...HH2, next: "^15.5.0", react: "^19.1.0" }),
        "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./src/*"] } } }),
        "src/lib/tracing.ts": TRACING_TS,
      },
    },
  ),
  c(
    "init: lazy getter with ??= (the Lambda warm-start pattern)",
    `import { HoneyHiveTracer } from "honeyhive";

let tracer: HoneyHiveTracer | undefined;

function getTracer(): HoneyHiveTracer {
  return (tracer ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: process.env.HH_PROJECT, source: "lambda" }));
}

export const handler = async (event: { body: string }) => {
  const t = getTracer();
  try {
    t.createSession({ sessionName: "lambda" });
    return { statusCode: 200, body: await t.startSpan("work", () => work(event.body)) };
  } finally {
    await t.forceFlush();
  }
};
`,
  ),
  c(
    "init: lazy getter with if (!tracer) { tracer = init } (the seed's get_tracer)",
    `import { HoneyHiveTracer } from "honeyhive";

let tracer: HoneyHiveTracer | null = null;

export function getTracer(): HoneyHiveTracer {
  if (!tracer) {
    tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: process.env.HH_PROJECT, source: "lambda" });
  }
  return tracer;
}

export async function handler(event: { records: string[] }) {
  const tracer = getTracer();
  tracer.createSession({ sessionName: "batch", inputs: { count: event.records.length } });
  try {
    return await tracer.startSpan("batch", () => processAll(event.records));
  } finally {
    await tracer.forceFlush();
  }
}
`,
  ),
  c(
    "init: lazy getter in the seed's early-return shape (if (tracer) return tracer)",
    `import { HoneyHiveTracer } from "honeyhive";

let tracer: HoneyHiveTracer | undefined;

function getTracer() {
  if (tracer) return tracer;
  tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "orders" });
  return tracer;
}

export const handler = async (event: unknown) => {
  const t = getTracer();
  try {
    t.createSession({ sessionName: "orders" });
    return await t.startSpan("orders", () => handleOrder(event));
  } finally {
    await t.forceFlush();
  }
};
`,
  ),
  c(
    "init: memoized promise getter (config loaded once, the init behind it)",
    `import { HoneyHiveTracer } from "honeyhive";

let ready: Promise<HoneyHiveTracer> | undefined;

function getTracer(): Promise<HoneyHiveTracer> {
  ready ??= loadSecrets().then((secrets) => HoneyHiveTracer.init({ apiKey: secrets.hhApiKey, project: "secrets" }));
  return ready;
}

export const handler = async (event: { id: string }) => {
  const tracer = await getTracer();
  try {
    tracer.createSession({ sessionName: "secrets" });
    return await tracer.startSpan("lookup", () => lookup(event.id));
  } finally {
    await tracer.forceFlush();
  }
};
`,
  ),
  c(
    "init: class singleton (static instance ??= new Observability()) whose field holds the tracer",
    `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

class Observability {
  private static instance: Observability | undefined;
  readonly tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "shop" });

  static getInstance(): Observability {
    this.instance ??= new Observability();
    return this.instance;
  }
}

const app = express();
app.use((req, res, next) => {
  Observability.getInstance().tracer.createSession({ sessionName: req.path });
  next();
});
app.get("/cart", (req, res) => {
  const { tracer } = Observability.getInstance();
  res.json(tracer.startSpan("cart", () => cart(req.query.user)));
});
app.listen(3000);
`,
    { filename: SERVER, files: { "package.json": pkg({ ...HH2, express: "^5.1.0" }) } },
  ),
  c(
    "init: globalThis cache in lib/tracing.ts (the Next.js dev-server idiom), used by a route",
    `import { tracer } from "../../../lib/tracing";

export async function GET(request: Request) {
  tracer.createSession({ sessionName: "feed" });
  return Response.json(await tracer.startSpan("feed", () => feed(new URL(request.url).searchParams.get("page"))));
}
`,
    {
      filename: "app/api/feed/route.ts",
      files: {
        "package.json": pkg({ ...HH2, next: "^15.5.0", react: "^19.1.0" }),
        "lib/tracing.ts": `import { HoneyHiveTracer } from "honeyhive";

const g = globalThis as unknown as { hhTracer?: HoneyHiveTracer };

export const tracer = (g.hhTracer ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "feed" }));
`,
      },
    },
  ),
  c(
    "init: globalThis getter called inside a pages/api route",
    `import type { NextApiRequest, NextApiResponse } from "next";
import { HoneyHiveTracer } from "honeyhive";

declare global {
  var __hhTracer: HoneyHiveTracer | undefined;
}

function getTracer(): HoneyHiveTracer {
  if (!globalThis.__hhTracer) globalThis.__hhTracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "pages" });
  return globalThis.__hhTracer;
}

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const tracer = getTracer();
  tracer.createSession({ sessionName: "pages-api" });
  res.status(200).json(await tracer.startSpan("answer", () => answer(req.body)));
}
`,
    { filename: "pages/api/answer.ts", files: { "package.json": pkg({ ...HH2, next: "^15.5.0", react: "^19.1.0" }) } },
  ),
  c(
    "init: per-tenant Map cache (get, init when missing, set back) in an Express route",
    `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

const tracers = new Map<string, HoneyHiveTracer>();

function tracerFor(tenant: string): HoneyHiveTracer {
  let t = tracers.get(tenant);
  if (!t) {
    t = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "tenant-" + tenant });
    tracers.set(tenant, t);
  }
  return t;
}

const app = express();
app.post("/t/:tenant/chat", async (req, res) => {
  const tracer = tracerFor(req.params.tenant);
  tracer.createSession({ sessionName: "chat" });
  res.json(await tracer.startSpan("chat", () => answer(req.body)));
});
app.listen(3000);
`,
    { filename: SERVER, files: { "package.json": pkg({ ...HH2, express: "^5.1.0" }) } },
  ),
  c(
    "init: per-tenant Map cache with has/set inline in a Fastify route",
    `import Fastify from "fastify";
import { HoneyHiveTracer } from "honeyhive";

const tracers = new Map<string, HoneyHiveTracer>();
const app = Fastify();

app.post<{ Params: { tenant: string } }>("/t/:tenant/ask", async (request) => {
  const { tenant } = request.params;
  if (!tracers.has(tenant)) tracers.set(tenant, HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: tenant }));
  const tracer = tracers.get(tenant)!;
  tracer.createSession({ sessionName: "ask" });
  return tracer.startSpan("ask", () => ask(request.body));
});
await app.listen({ port: 3000 });
`,
    { filename: SERVER, files: { "package.json": pkg({ ...HH2, fastify: "^5.5.0" }, { type: "module" }) } },
  ),
  c(
    "init: lodash once() getter in a Lambda",
    `import once from "lodash/once";
import { HoneyHiveTracer } from "honeyhive";

const getTracer = once(() => HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "once" }));

export const handler = async (event: { text: string }) => {
  const tracer = getTracer();
  try {
    tracer.createSession({ sessionName: "once" });
    return await tracer.startSpan("summarize", () => summarize(event.text));
  } finally {
    await tracer.forceFlush();
  }
};
`,
  ),
  c(
    "init: Next.js instrumentation.ts register() initializes the module tracer",
    `import { HoneyHiveTracer } from "honeyhive";

export let tracer: HoneyHiveTracer | undefined;

export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "next-app" });
  }
}
`,
    { filename: "instrumentation.ts", files: { "package.json": pkg({ ...HH2, next: "^15.5.0", react: "^19.1.0" }) } },
  ),
  c(
    "init: NestJS provider useFactory (default scope: once at bootstrap)",
    `import { Inject, Injectable, Module } from "@nestjs/common";
import { HoneyHiveTracer } from "honeyhive";

export const TRACER = Symbol("TRACER");

@Injectable()
export class ChatService {
  constructor(@Inject(TRACER) private readonly tracer: HoneyHiveTracer) {}

  answer(message: string) {
    return this.tracer.startSpan("answer", () => message.toUpperCase());
  }
}

@Module({
  providers: [
    { provide: TRACER, useFactory: () => HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "nest" }) },
    ChatService,
  ],
  exports: [TRACER],
})
export class TracingModule {}
`,
    { filename: "src/tracing.module.ts", files: { "package.json": pkg({ ...HH2, "@nestjs/common": "^11.1.0", "@nestjs/core": "^11.1.0" }) } },
  ),
  c(
    "init: Fastify plugin decorates the instance with one tracer",
    `import fp from "fastify-plugin";
import type { FastifyInstance } from "fastify";
import { HoneyHiveTracer } from "honeyhive";

declare module "fastify" {
  interface FastifyInstance {
    tracer: HoneyHiveTracer;
  }
}

export default fp(async (fastify: FastifyInstance) => {
  fastify.decorate("tracer", HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "fastify" }));
  fastify.addHook("onRequest", async (request) => {
    fastify.tracer.createSession({ sessionName: request.url });
  });
});
`,
    { filename: "src/plugins/tracing.ts", files: { "package.json": pkg({ ...HH2, fastify: "^5.5.0", "fastify-plugin": "^5.0.1" }) } },
  ),
  c(
    "init: Express app.locals cache reached through the request (req.app.locals.tracer ??=)",
    `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

const app = express();
app.use((req, res, next) => {
  const tracer: HoneyHiveTracer = (req.app.locals.tracer ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "locals" }));
  tracer.createSession({ sessionName: req.path });
  next();
});
app.listen(3000);
`,
    { filename: SERVER, files: { "package.json": pkg({ ...HH2, express: "^5.1.0" }) } },
  ),
  c(
    "init: one tracer per project built at startup with projects.map, picked per request",
    `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

const PROJECTS = ["search", "chat"] as const;
const tracers = new Map(PROJECTS.map((project) => [project, HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project })] as const));

const app = express();
app.post("/:project", (req, res) => {
  const tracer = tracers.get(req.params.project as (typeof PROJECTS)[number]);
  if (!tracer) return res.sendStatus(404);
  tracer.createSession({ sessionName: req.params.project });
  res.json(tracer.startSpan("run", () => run(req.body)));
});
app.listen(3000);
`,
    { filename: SERVER, files: { "package.json": pkg({ ...HH2, express: "^5.1.0" }) } },
  ),
  c(
    "init: a module-level service instance whose method caches with this.tracer ??=",
    `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

class Tracing {
  private tracer: HoneyHiveTracer | undefined;
  get(): HoneyHiveTracer {
    return (this.tracer ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "svc" }));
  }
}

const tracing = new Tracing();
const app = express();
app.use((req, res, next) => {
  tracing.get().createSession({ sessionName: req.path });
  next();
});
app.listen(3000);
`,
    { filename: SERVER, files: { "package.json": pkg({ ...HH2, express: "^5.1.0" }) } },
  ),
  c(
    "init: a test's beforeEach makes a testMode tracer per test",
    `import { beforeEach, expect, it } from "vitest";
import { HoneyHiveTracer } from "honeyhive";

let tracer: HoneyHiveTracer;

beforeEach(() => {
  tracer = HoneyHiveTracer.init({ project: "test", testMode: true });
});

it("keeps the session per request", () => {
  const id = tracer.createSession({ sessionName: "t" });
  expect(id).toBeTypeOf("string");
});
`,
    { filename: "src/chat.test.ts" },
  ),
  c(
    "init: a script's main() initializes, starts its one session and flushes",
    `import { HoneyHiveTracer, trace } from "honeyhive";

async function main() {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "nightly", sessionName: "nightly-batch" });
  const step = trace({ eventType: "tool", tracer }, async (n: number) => n * 2);
  for (const n of [1, 2, 3]) await step(n);
  await tracer.forceFlush();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`,
    { filename: "scripts/nightly.ts" },
  ),
];

// --- per-request sessions -----------------------------------------------------------------------------------------
const SESSION_QUIET: Case[] = [
  c(
    "session: Fastify onRequest hook awaits acreateSession first (the seed's FastAPI middleware)",
    `import Fastify from "fastify";
import { tracer } from "./tracing";

const app = Fastify();
app.addHook("onRequest", async (request, reply) => {
  const sessionId = await tracer.acreateSession({ sessionName: "api-" + request.url, inputs: { method: request.method } });
  reply.header("x-session-id", sessionId);
});
app.post("/chat", async (request) => tracer.startSpan("chat", () => answer(request.body)));
await app.listen({ port: 3000 });
`,
    { filename: SERVER, files: project({ fastify: "^5.5.0" }, {}, { type: "module" }) },
  ),
  c(
    "session: Koa middleware scopes the request with withSession(opts, () => next())",
    `import Koa from "koa";
import { tracer } from "./tracing";

const app = new Koa();
app.use((ctx, next) => tracer.withSession({ sessionName: ctx.path }, () => next()));
app.use(async (ctx) => {
  ctx.body = await tracer.startSpan("reply", () => reply(ctx.request.body));
});
app.listen(3000);
`,
    { filename: SERVER, files: project({ koa: "^3.0.0" }) },
  ),
  c(
    "session: Express middleware with withSession wrapping next()",
    `import express from "express";
import { tracer } from "./tracing";

const app = express();
app.use((req, res, next) => {
  tracer.withSession({ sessionName: "express-" + req.path }, () => next());
});
app.get("/", (req, res) => res.send(tracer.startSpan("home", () => "ok")));
app.listen(3000);
`,
    { filename: SERVER, files: project({ express: "^5.1.0" }) },
  ),
  c(
    "session: Express async middleware awaits acreateSession, sets the header, then next()",
    `import express from "express";
import { tracer } from "./tracing";

const app = express();
app.use(async (req, res, next) => {
  const sessionId = await tracer.acreateSession({ sessionName: "api-" + req.path, inputs: { userId: req.get("x-user-id") } });
  res.setHeader("X-Session-ID", sessionId);
  next();
});
app.post("/api/chat", async (req, res) => {
  res.json(await tracer.startSpan("chat", () => answer(req.body.message)));
});
app.listen(3000);
`,
    { filename: SERVER, files: project({ express: "^5.1.0" }) },
  ),
  c(
    "session: multi-turn Express middleware links an existing UUID session with skipApiCall, else starts one",
    `import express from "express";
import { isSessionId } from "honeyhive";
import { tracer } from "./tracing";

const app = express();
app.use((req, res, next) => {
  const existing = req.get("x-session-id");
  if (existing && isSessionId(existing)) {
    tracer.createSession({ sessionId: existing, skipApiCall: true });
  } else {
    const sessionId = tracer.createSession({ sessionName: "conversation-" + req.path });
    res.setHeader("X-Session-ID", sessionId);
  }
  next();
});
app.listen(3000);
`,
    { filename: SERVER, files: project({ express: "^5.1.0" }) },
  ),
  c(
    "session: Next.js route handler creates its session first",
    `import { NextResponse, type NextRequest } from "next/server";
import { tracer } from "@/lib/tracing";

export async function POST(request: NextRequest) {
  tracer.createSession({ sessionName: "next-chat" });
  const body = await request.json();
  return NextResponse.json(await tracer.startSpan("chat", () => answer(body.message)));
}
`,
    {
      filename: "src/app/api/chat/route.ts",
      files: {
        "package.json": pkg({ ...HH2, next: "^15.5.0", react: "^19.1.0" }),
        "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./src/*"] } } }),
        "src/lib/tracing.ts": TRACING_TS,
      },
    },
  ),
  c(
    "session: SvelteKit handle hook creates the session before resolve(event)",
    `import type { Handle } from "@sveltejs/kit";
import { tracer } from "$lib/server/tracing";

export const handle: Handle = async ({ event, resolve }) => {
  tracer.createSession({ sessionName: event.url.pathname });
  return resolve(event);
};
`,
    {
      filename: "src/hooks.server.ts",
      files: {
        "package.json": pkg({ ...HH2, "@sveltejs/kit": "^2.27.0", "@sveltejs/adapter-node": "^5.2.0" }),
        "svelte.config.js": `import adapter from "@sveltejs/adapter-node";\n\nexport default { kit: { adapter: adapter() } };\n`,
        "src/lib/server/tracing.ts": TRACING_TS,
      },
    },
  ),
  c(
    "session: Remix action creates the session first",
    `import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { tracer } from "~/tracing.server";

export async function action({ request }: ActionFunctionArgs) {
  tracer.createSession({ sessionName: "remix-chat" });
  const form = await request.formData();
  return json(await tracer.startSpan("chat", () => answer(String(form.get("message")))));
}
`,
    {
      filename: "app/routes/chat.tsx",
      files: {
        "package.json": pkg({ ...HH2, "@remix-run/node": "^2.16.0", "@remix-run/react": "^2.16.0" }),
        "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "~/*": ["./app/*"] } } }),
        "app/tracing.server.ts": TRACING_TS,
      },
    },
  ),
  c(
    "session: h3 defineEventHandler (Nuxt server/api) creates the session first",
    `import { defineEventHandler, readBody } from "h3";
import { tracer } from "../utils/tracing";

export default defineEventHandler(async (event) => {
  tracer.createSession({ sessionName: "nuxt-ask" });
  const body = await readBody(event);
  return tracer.startSpan("ask", () => ask(body.question));
});
`,
    {
      filename: "server/api/ask.post.ts",
      files: { "package.json": pkg({ ...HH2, nuxt: "^4.0.0", h3: "^1.15.0" }), "server/utils/tracing.ts": TRACING_TS },
    },
  ),
  c(
    "session: Hono route links a conversation with toSessionId(header) and skipApiCall",
    `import { Hono } from "hono";
import { serve } from "@hono/node-server";
import { toSessionId } from "honeyhive";
import { tracer } from "./tracing";

const app = new Hono();
app.post("/chat", async (c) => {
  const conversation = c.req.header("x-conversation-id");
  if (conversation) tracer.createSession({ sessionId: toSessionId(conversation), skipApiCall: true });
  else tracer.createSession({ sessionName: "chat" });
  return c.json(await tracer.startSpan("chat", async () => answer(await c.req.json())));
});
serve(app);
`,
    { filename: SERVER, files: project({ hono: "^4.9.0", "@hono/node-server": "^1.19.0" }) },
  ),
  c(
    "session: NestJS middleware class creates the session and calls next()",
    `import { Injectable, type NestMiddleware } from "@nestjs/common";
import type { NextFunction, Request, Response } from "express";
import { tracer } from "./tracing";

@Injectable()
export class SessionMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction) {
    tracer.createSession({ sessionName: "nest-" + req.path });
    next();
  }
}
`,
    { filename: "src/session.middleware.ts", files: project({ "@nestjs/common": "^11.1.0", "@nestjs/core": "^11.1.0", express: "^5.1.0" }) },
  ),
  c(
    "session: a script's one sessionStart() on its own tracer (one run, one session)",
    `import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "backfill" });
tracer.sessionStart({ sessionName: "backfill" });
await tracer.startSpan("backfill", () => backfill());
await tracer.forceFlush();
`,
    { filename: "scripts/backfill.ts" },
  ),
  c(
    "session: a worker's withSession per job (scoped session, batch pattern)",
    `import { Worker } from "bullmq";
import { tracer } from "./tracing";

new Worker("emails", async (job) =>
  tracer.withSession({ sessionName: "email-" + job.id, inputs: { to: job.data.to } }, () =>
    tracer.startSpan("send", () => send(job.data)),
  ),
);
`,
    { filename: "src/worker.ts", files: project({ bullmq: "^5.58.0" }) },
  ),
  c(
    "session: another library's sessionStart() (PostHog wrapper) in an Express route",
    `import express from "express";
import { analytics } from "./analytics";
import { tracer } from "./tracing";

const app = express();
app.use((req, res, next) => {
  tracer.createSession({ sessionName: req.path });
  next();
});
app.post("/signup", (req, res) => {
  analytics.sessionStart({ userId: req.body.userId });
  res.end();
});
app.listen(3000);
`,
    {
      filename: SERVER,
      files: project(
        { express: "^5.1.0", "posthog-node": "^5.8.0" },
        { "src/analytics.ts": `import { PostHog } from "posthog-node";\n\nconst client = new PostHog("key");\nexport const analytics = { sessionStart(props: { userId?: string }) { client.capture({ distinctId: props.userId ?? "anon", event: "session_start" }); } };\n` },
      ),
    },
  ),
];

// --- serverless flush ---------------------------------------------------------------------------------------------
const VERCEL_JSON = `{ "framework": "nextjs" }\n`;
const FLUSH_QUIET: Case[] = [
  c(
    "flush: Lambda (ESM) body in try/finally with an awaited flush",
    `import type { APIGatewayProxyEvent } from "aws-lambda";
import { tracer } from "./tracing";

export const handler = async (event: APIGatewayProxyEvent) => {
  try {
    tracer.createSession({ sessionName: "api" });
    if (!event.body) return { statusCode: 400, body: "empty" };
    return { statusCode: 200, body: JSON.stringify(await work(JSON.parse(event.body))) };
  } finally {
    await tracer.forceFlush();
  }
};
`,
    { files: project({ "@types/aws-lambda": "^8.10.150" }) },
  ),
  c(
    "flush: Lambda with try/catch/finally",
    `import { tracer } from "./tracing";

export async function handler(event: { id: string }) {
  try {
    tracer.createSession({ sessionName: "job" });
    return await tracer.startSpan("job", () => run(event.id));
  } catch (error) {
    console.error(error);
    return { ok: false };
  } finally {
    await tracer.forceFlush({ timeoutMs: 5000 });
  }
}
`,
    { files: project() },
  ),
  c(
    "flush: CommonJS module.exports = { handler } with a function declaration",
    `const { HoneyHiveTracer } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "cjs" });

async function handler(event) {
  try {
    tracer.createSession({ sessionName: "cjs" });
    return await tracer.startSpan("work", () => work(event));
  } finally {
    await tracer.forceFlush();
  }
}

module.exports = { handler };
`,
    { filename: "src/index.js" },
  ),
  c(
    "flush: the seed's shape: the only return after an awaited flush",
    `import { tracer } from "./tracing";

export const handler = async (event: { text: string }) => {
  tracer.createSession({ sessionName: "summary" });
  const summary = await summarize(event.text);
  tracer.enrichSession({ outputs: { summary } });
  await tracer.forceFlush({ timeoutMs: 5000 });
  return summary;
};
`,
    { files: project() },
  ),
  c(
    "flush: a shared withFlush(handler) wrapper used by the export",
    `import { tracer } from "./tracing";

const withFlush =
  <E, R>(fn: (event: E) => Promise<R>) =>
  async (event: E): Promise<R> => {
    try {
      return await fn(event);
    } finally {
      await tracer.forceFlush();
    }
  };

export const handler = withFlush(async (event: { id: string }) => {
  tracer.createSession({ sessionName: "wrapped" });
  return tracer.startSpan("wrapped", () => lookup(event.id));
});
`,
    { files: project() },
  ),
  c(
    "flush: withFlush imported from a project module wraps the export",
    `import { withFlush } from "./with-flush";
import { tracer } from "./tracing";

export const handler = withFlush(async (event: { id: string }) => {
  tracer.createSession({ sessionName: "read" });
  return tracer.startSpan("read", () => read(event.id));
});
`,
    {
      files: project(
        {},
        {
          "src/with-flush.ts": `import { tracer } from "./tracing";

export function withFlush<E, R>(fn: (event: E) => Promise<R>) {
  return async (event: E): Promise<R> => {
    try {
      return await fn(event);
    } finally {
      await tracer.forceFlush();
    }
  };
}
`,
        },
      ),
    },
  ),
  c(
    "flush: return work().finally(() => tracer.forceFlush())",
    `import { tracer } from "./tracing";

export const handler = (event: { id: string }) => {
  tracer.createSession({ sessionName: "promise" });
  return tracer.startSpan("promise", () => fetchRecord(event.id)).finally(() => tracer.forceFlush());
};
`,
    { files: project() },
  ),
  c(
    "flush: middy middleware that flushes after the handler and on error",
    `import middy from "@middy/core";
import { tracer } from "./tracing";

const flushMiddleware = (): middy.MiddlewareObj => ({
  after: async () => {
    await tracer.forceFlush();
  },
  onError: async () => {
    await tracer.forceFlush();
  },
});

const baseHandler = async (event: { name: string }) => {
  tracer.createSession({ sessionName: "middy" });
  return tracer.startSpan("greet", () => "hello " + event.name);
};

export const handler = middy(baseHandler).use(flushMiddleware());
`,
    { files: project({ "@middy/core": "^6.4.0" }) },
  ),
  c(
    "flush: response stream flushed where the stream ends (awslambda.streamifyResponse)",
    `import { tracer } from "./tracing";

export const handler = awslambda.streamifyResponse(async (event: { prompt: string }, responseStream) => {
  tracer.createSession({ sessionName: "stream" });
  try {
    for await (const chunk of streamAnswer(event.prompt)) responseStream.write(chunk);
  } finally {
    responseStream.end();
    await tracer.forceFlush();
  }
});
`,
    { files: project() },
  ),
  c(
    "flush: Google Cloud Functions HTTP function flushes before it sends",
    `import * as functions from "@google-cloud/functions-framework";
import { tracer } from "./tracing";

functions.http("chat", async (req, res) => {
  tracer.createSession({ sessionName: "gcf" });
  const reply = await tracer.startSpan("chat", () => answer(req.body.message));
  await tracer.forceFlush();
  res.json({ reply });
});
`,
    { filename: "src/index.ts", files: project({ "@google-cloud/functions-framework": "^4.0.0" }) },
  ),
  c(
    "flush: Google Cloud Functions CloudEvent function in try/finally",
    `import * as functions from "@google-cloud/functions-framework";
import { tracer } from "./tracing";

functions.cloudEvent("ingest", async (cloudEvent) => {
  try {
    tracer.createSession({ sessionName: "ingest" });
    await tracer.startSpan("ingest", () => ingest(cloudEvent.data));
  } finally {
    await tracer.forceFlush();
  }
});
`,
    { filename: "src/index.ts", files: project({ "@google-cloud/functions-framework": "^4.0.0" }) },
  ),
  c(
    "flush: Azure Functions v4 app.http handler in try/finally",
    `import { app, type HttpRequest, type InvocationContext } from "@azure/functions";
import { tracer } from "../tracing";

app.http("chat", {
  methods: ["POST"],
  authLevel: "anonymous",
  handler: async (request: HttpRequest, context: InvocationContext) => {
    try {
      tracer.createSession({ sessionName: "azure", metadata: { invocationId: context.invocationId } });
      const body = (await request.json()) as { message: string };
      return { jsonBody: await tracer.startSpan("chat", () => answer(body.message)) };
    } finally {
      await tracer.forceFlush();
    }
  },
});
`,
    { filename: "src/functions/chat.ts", files: project({ "@azure/functions": "^4.7.0" }) },
  ),
  c(
    "flush: Netlify Functions v2 default export hands the flush to context.waitUntil",
    `import type { Context } from "@netlify/functions";
import { tracer } from "../../src/tracing";

export default async (req: Request, context: Context) => {
  try {
    tracer.createSession({ sessionName: "netlify" });
    return Response.json(await tracer.startSpan("chat", async () => answer(await req.json())));
  } finally {
    context.waitUntil(tracer.forceFlush());
  }
};
`,
    { filename: "netlify/functions/chat.ts", files: project({ "@netlify/functions": "^4.2.0" }) },
  ),
  c(
    "flush: Netlify Functions v1 handler in try/finally",
    `import type { Handler } from "@netlify/functions";
import { tracer } from "../../src/tracing";

export const handler: Handler = async (event) => {
  try {
    tracer.createSession({ sessionName: "netlify-v1" });
    return { statusCode: 200, body: JSON.stringify(await tracer.startSpan("chat", () => answer(event.body))) };
  } finally {
    await tracer.forceFlush();
  }
};
`,
    { filename: "netlify/functions/legacy.ts", files: project({ "@netlify/functions": "^4.2.0" }) },
  ),
  c(
    "flush: Vercel web-standard export default { fetch } with waitUntil of @vercel/functions",
    `import { waitUntil } from "@vercel/functions";
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
`,
    { filename: "api/chat.ts", files: project({ "@vercel/functions": "^2.2.0" }) },
  ),
  c(
    "flush: Vercel api/ POST export with an awaited flush in finally",
    `import { tracer } from "../src/tracing";

export async function POST(request: Request) {
  try {
    tracer.createSession({ sessionName: "vercel-post" });
    return Response.json(await tracer.startSpan("post", async () => answer(await request.json())));
  } finally {
    await tracer.forceFlush();
  }
}
`,
    { filename: "api/post.ts", files: project() },
  ),
  c(
    "flush: Cloudflare module worker hands the flush to ctx.waitUntil in finally",
    `import { tracer } from "./tracing";

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
`,
    {
      filename: "src/index.ts",
      files: project({ wrangler: "^4.33.0" }, { "wrangler.jsonc": `{ "name": "w", "main": "src/index.ts", "compatibility_date": "2025-09-01" }\n` }),
    },
  ),
  c(
    "flush: Next.js route on Vercel schedules the flush with after() at the top",
    `import { after } from "next/server";
import { tracer } from "@/lib/tracing";

export async function POST(request: Request) {
  after(() => tracer.forceFlush());
  tracer.createSession({ sessionName: "next-vercel" });
  const { message } = await request.json();
  return Response.json(await tracer.startSpan("chat", () => answer(message)));
}
`,
    {
      filename: "app/api/chat/route.ts",
      files: {
        "package.json": pkg({ ...HH2, next: "^15.5.0", react: "^19.1.0" }),
        "vercel.json": VERCEL_JSON,
        "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./src/*"] } } }),
        "src/lib/tracing.ts": TRACING_TS,
      },
    },
  ),
  c(
    "flush: Next.js route on Vercel with waitUntil of @vercel/functions in finally",
    `import { waitUntil } from "@vercel/functions";
import { tracer } from "../../../lib/tracing";

export async function GET() {
  try {
    tracer.createSession({ sessionName: "next-wait" });
    return Response.json(await tracer.startSpan("list", () => list()));
  } finally {
    waitUntil(tracer.forceFlush());
  }
}
`,
    {
      filename: "app/api/list/route.ts",
      files: { "package.json": pkg({ ...HH2, next: "^15.5.0", react: "^19.1.0", "@vercel/functions": "^2.2.0" }), "vercel.json": VERCEL_JSON, "lib/tracing.ts": TRACING_TS },
    },
  ),
  c(
    "flush: Lambda flushes both SDKs with Promise.all in finally",
    `import { Langfuse } from "langfuse";
import { tracer } from "./tracing";

const langfuse = new Langfuse();

export const handler = async (event: { q: string }) => {
  try {
    tracer.createSession({ sessionName: "both" });
    return await tracer.startSpan("answer", () => answer(event.q));
  } finally {
    await Promise.all([langfuse.flushAsync(), tracer.forceFlush()]);
  }
};
`,
    { files: project({ langfuse: "^3.38.0" }) },
  ),
];

// --- explicit tracer binding --------------------------------------------------------------------------------------
const EXPLICIT_QUIET: Case[] = [
  c(
    "explicit: trace({ eventType, tracer }, fn) with the module tracer and tracer.enrichSpan",
    `import { HoneyHiveTracer, trace } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "my-project", sessionName: "local-dev-session" });

export const processData = trace({ eventType: "tool", tracer }, async (input: string) => {
  tracer.enrichSpan({ metadata: { inputLength: input.length } });
  return input.trim();
});
`,
    { filename: "src/process.ts" },
  ),
  c(
    "explicit: tracer.trace(options, fn) on an imported tracer",
    `import { tracer } from "./tracing";

export const classify = tracer.trace({ eventType: "tool", eventName: "classify" }, async (text: string) => (text.length > 100 ? "long" : "short"));
`,
    { filename: "src/classify.ts", files: project() },
  ),
  c(
    "explicit: a tracer passed as a typed parameter and bound with trace({ tracer })",
    `import { type HoneyHiveTracer, trace } from "honeyhive";

export function makeRetriever(tracer: HoneyHiveTracer) {
  return trace({ eventType: "tool", eventName: "retrieve", tracer }, async (query: string) => {
    tracer.enrichSpan({ metadata: { query } });
    return search(query);
  });
}
`,
    { filename: "src/retriever.ts" },
  ),
  c(
    "explicit: a JSDoc-typed tracer parameter in JavaScript",
    `const { trace } = require("honeyhive");

/** @param {import("honeyhive").HoneyHiveTracer} tracer */
function makeSummarizer(tracer) {
  return trace({ eventType: "chain", tracer }, async (text) => text.slice(0, 100));
}

module.exports = { makeSummarizer };
`,
    { filename: "src/summarize.js" },
  ),
  c(
    "explicit: @trace({ eventType, tracer }) decorators on class methods",
    `import { trace } from "honeyhive";
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
`,
    { filename: "src/agent.ts", files: project() },
  ),
  c(
    "explicit: trace({ tracer: getTracer() }, fn) with a lazy getter",
    `import { HoneyHiveTracer, trace } from "honeyhive";

let tracer: HoneyHiveTracer | undefined;
const getTracer = () => (tracer ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "lazy" }));

export const embed = trace({ eventType: "tool", tracer: getTracer() }, async (text: string) => vectorize(text));
`,
    { filename: "src/embed.ts" },
  ),
  c(
    "explicit: renamed and namespace imports with explicit tracers",
    `import * as hh from "honeyhive";
import { trace as traced } from "honeyhive";

const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "ns" });

export const a = traced({ eventType: "tool", tracer }, (x: number) => x + 1);
export const b = hh.trace({ eventType: "tool", tracer }, (x: number) => x * 2);
tracer.enrichSession({ metadata: { version: "1" } });
`,
    { filename: "src/ns.ts" },
  ),
  c(
    "explicit: CommonJS require of the project's tracer, tracer.startSpan and trace({ tracer })",
    `const { trace } = require("honeyhive");
const { tracer } = require("./tracing");

const fetchDocs = trace({ eventType: "tool", tracer }, async (q) => search(q));

async function answer(q) {
  return tracer.startSpan("answer", async () => {
    const docs = await fetchDocs(q);
    tracer.enrichSpan({ metadata: { docs: docs.length } });
    return docs[0];
  });
}

module.exports = { answer };
`,
    {
      filename: "src/answer.js",
      files: {
        "package.json": pkg(HH2),
        "src/tracing.js": `const { HoneyHiveTracer } = require("honeyhive");\n\nmodule.exports.tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "cjs" });\n`,
      },
    },
  ),
];

// --- evaluate() ---------------------------------------------------------------------------------------------------
const EVALUATE_QUIET: Case[] = [
  c(
    "evaluate: the seed's shape: trace() without a tracer, no HoneyHiveTracer.init()",
    `import { trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const myRagPipeline = trace({ eventType: "tool" }, async (datapoint: { inputs: { query: string; context: string } }) => {
  const { query, context } = datapoint.inputs;
  return { answer: await generateResponse(query, context) };
});

await evaluate({
  function: myRagPipeline,
  dataset: [{ inputs: { query: "q", context: "c" } }],
  apiKey: process.env.HH_API_KEY,
  project: "my-project",
  name: "rag-experiment-1",
});
`,
    { filename: "scripts/eval.ts" },
  ),
  c(
    "evaluate: evaluators as plain functions, dataset inline, implicit enrichSession in the evaluated code",
    `import { enrichSession, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const retrieve = trace({ eventType: "tool" }, async (q: string) => [q]);

async function pipeline({ inputs }: { inputs: { question: string } }) {
  const docs = await retrieve(inputs.question);
  enrichSession({ metadata: { promptVersion: "v3", docs: docs.length } });
  return { answer: docs[0] };
}

function exactMatch(outputs: { answer?: string }, inputs: unknown, groundTruth?: { answer?: string }) {
  return outputs.answer === groundTruth?.answer;
}
const length = (outputs: { answer?: string }) => outputs.answer?.length ?? 0;

await evaluate({
  function: pipeline,
  dataset: [
    { inputs: { question: "2+2" }, groundTruth: { answer: "4" } },
    { inputs: { question: "capital of France" }, groundTruth: { answer: "Paris" } },
  ],
  evaluators: { exactMatch, length },
  name: "qa-v3",
  maxConcurrency: 4,
});
`,
    { filename: "scripts/eval-qa.ts" },
  ),
  c(
    "evaluate: an inline evaluated function with enrichSpan, a datasetId and an evaluator list",
    `import { enrichSpan, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

await evaluate({
  function: trace({ eventType: "chain", eventName: "agent" }, async (datapoint: { inputs: { task: string } }) => {
    enrichSpan({ metadata: { task: datapoint.inputs.task } });
    return { done: true };
  }),
  datasetId: process.env.HH_DATASET_ID,
  evaluators: [function completed(outputs: { done: boolean }) { return outputs.done; }],
  name: "agent-nightly",
});
`,
    { filename: "scripts/agent-eval.ts" },
  ),
  c(
    "evaluate: a CommonJS eval script with require('honeyhive/experiments')",
    `const { trace } = require("honeyhive");
const { evaluate } = require("honeyhive/experiments");

const reverse = trace({ eventType: "tool" }, async ({ inputs }) => ({ out: inputs.text.split("").reverse().join("") }));

evaluate({ function: reverse, dataset: [{ inputs: { text: "abc" } }], name: "reverse" }).then((result) => console.log(result));
`,
    { filename: "scripts/reverse-eval.js" },
  ),
  c(
    "evaluate: the evaluated pipeline imported from a module with no tracer of its own",
    `import { evaluate } from "honeyhive/experiments";
import { pipeline } from "../src/pipeline";

await evaluate({ function: pipeline, dataset: [{ inputs: { query: "hello" } }], name: "pipeline" });
`,
    {
      filename: "scripts/eval.ts",
      files: {
        "package.json": pkg(HH2),
        "src/pipeline.ts": `import { trace } from "honeyhive";\n\nexport const pipeline = trace({ eventType: "chain" }, async ({ inputs }: { inputs: { query: string } }) => ({ answer: inputs.query }));\n`,
      },
    },
  ),
];

// --- instrumentors ------------------------------------------------------------------------------------------------
const PROVIDER_QUIET: Case[] = [
  c(
    "provider: registerInstrumentations with tracerProvider after init",
    `import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import { HoneyHiveTracer } from "honeyhive";

export const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "otel" });

registerInstrumentations({
  tracerProvider: tracer.provider,
  instrumentations: [new HttpInstrumentation(), new UndiciInstrumentation()],
});
`,
    { filename: "src/tracing.ts" },
  ),
  c(
    "provider: setTracerProvider(tracer.provider) on an instrumentation held in a const",
    `import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";
import OpenAI from "openai";
import { tracer } from "./tracing";

const instrumentation = new OpenAIInstrumentation();
instrumentation.setTracerProvider(tracer.provider);
instrumentation.manuallyInstrument(OpenAI);

export const openai = new OpenAI();
`,
    { filename: "src/openai.ts", files: project({ openai: "^5.20.0", "@arizeai/openinference-instrumentation-openai": "^3.2.0" }) },
  ),
  c(
    "provider: OpenInference OpenAI and LangChain both given tracerProvider, manuallyInstrument after init",
    `import * as CallbackManagerModule from "@langchain/core/callbacks/manager";
import { LangChainInstrumentation } from "@arizeai/openinference-instrumentation-langchain";
import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";
import OpenAI from "openai";
import { HoneyHiveTracer } from "honeyhive";

export const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "agents" });

new OpenAIInstrumentation({ tracerProvider: tracer.provider }).manuallyInstrument(OpenAI);
const langchain = new LangChainInstrumentation({ tracerProvider: tracer.provider });
langchain.manuallyInstrument(CallbackManagerModule);
`,
    {
      filename: "src/instrument.ts",
      files: { "package.json": pkg({ ...HH2, openai: "^5.20.0", "@langchain/core": "^0.3.72", "@arizeai/openinference-instrumentation-openai": "^3.2.0", "@arizeai/openinference-instrumentation-langchain": "^3.4.0" }) },
    },
  ),
  c(
    "provider: AI SDK generateText with experimental_telemetry tracer from tracer.provider",
    `import { generateText } from "ai";
import { openai } from "@ai-sdk/openai";
import { tracer } from "./tracing";

export async function answer(prompt: string) {
  const { text } = await generateText({
    model: openai("gpt-4.1-mini"),
    prompt,
    experimental_telemetry: { isEnabled: true, functionId: "answer", tracer: tracer.provider.getTracer("ai") },
  });
  return text;
}
`,
    { filename: "src/answer.ts", files: project({ ai: "^5.0.0", "@ai-sdk/openai": "^2.0.0" }) },
  ),
  c(
    "provider: AI SDK streamText with the telemetry tracer held in a module const",
    `import { streamText } from "ai";
import { anthropic } from "@ai-sdk/anthropic";
import { tracer } from "./tracing";

const aiTracer = tracer.provider.getTracer("ai");

export function stream(prompt: string) {
  return streamText({
    model: anthropic("claude-sonnet-4-5"),
    prompt,
    experimental_telemetry: { isEnabled: true, tracer: aiTracer },
  });
}
`,
    { filename: "src/stream.ts", files: project({ ai: "^5.0.0", "@ai-sdk/anthropic": "^2.0.0" }) },
  ),
  c(
    "provider: a getter's tracer provider given to registerInstrumentations (namespace import)",
    `import * as otel from "@opentelemetry/instrumentation";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { HoneyHiveTracer } from "honeyhive";

let tracer: HoneyHiveTracer | undefined;

export function getTracer(): HoneyHiveTracer {
  if (!tracer) {
    tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "db" });
    otel.registerInstrumentations({ instrumentations: [new PgInstrumentation()], tracerProvider: tracer.provider });
  }
  return tracer;
}
`,
    { filename: "src/tracing.ts" },
  ),
  c(
    "provider: CommonJS instrument module, init first then instrumentations",
    `const { registerInstrumentations } = require("@opentelemetry/instrumentation");
const { HttpInstrumentation } = require("@opentelemetry/instrumentation-http");
const { HoneyHiveTracer } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "cjs-otel" });
registerInstrumentations({ instrumentations: [new HttpInstrumentation()], tracerProvider: tracer.provider });

module.exports = { tracer };
`,
    { filename: "src/instrument.js" },
  ),
];

// --- session ids from the client ----------------------------------------------------------------------------------
const SESSION_ID_QUIET: Case[] = [
  c(
    "session id: Express header turned into a UUID with toSessionId, linked with skipApiCall",
    `import express from "express";
import { toSessionId } from "honeyhive";
import { tracer } from "./tracing";

const app = express();
app.use((req, res, next) => {
  const conversation = req.headers["x-conversation-id"];
  if (typeof conversation === "string") tracer.createSession({ sessionId: toSessionId(conversation), skipApiCall: true });
  else tracer.createSession({ sessionName: "new-conversation" });
  next();
});
app.listen(3000);
`,
    { filename: SERVER, files: project({ express: "^5.1.0" }) },
  ),
  c(
    "session id: isSessionId check that answers 400 and returns",
    `import express from "express";
import { isSessionId } from "honeyhive";
import { tracer } from "./tracing";

const app = express();
app.post("/chat", async (req, res) => {
  const sessionId = req.body.sessionId;
  if (!isSessionId(sessionId)) {
    res.status(400).json({ error: "bad session id" });
    return;
  }
  tracer.createSession({ sessionId, skipApiCall: true });
  res.json(await tracer.startSpan("chat", () => answer(req.body.message)));
});
app.listen(3000);
`,
    { filename: SERVER, files: project({ express: "^5.1.0" }) },
  ),
  c(
    "session id: an anchored UUID RegExp test before the link",
    `import Fastify from "fastify";
import { tracer } from "./tracing";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const app = Fastify();

app.addHook("onRequest", async (request) => {
  const sid = request.headers["x-session-id"];
  if (typeof sid === "string" && UUID_RE.test(sid)) tracer.createSession({ sessionId: sid, skipApiCall: true });
  else tracer.createSession({ sessionName: request.url });
});
await app.listen({ port: 3000 });
`,
    { filename: SERVER, files: project({ fastify: "^5.5.0" }, {}, { type: "module" }) },
  ),
  c(
    "session id: a zod schema with .uuid() parses the body first",
    `import express from "express";
import { z } from "zod";
import { tracer } from "./tracing";

const Body = z.object({ sessionId: z.string().uuid(), message: z.string() });
const app = express();
app.post("/chat", async (req, res) => {
  const { sessionId, message } = Body.parse(req.body);
  tracer.createSession({ sessionId, skipApiCall: true });
  res.json(await tracer.startSpan("chat", () => answer(message)));
});
app.listen(3000);
`,
    { filename: SERVER, files: project({ express: "^5.1.0", zod: "^3.25.0" }) },
  ),
  c(
    "session id: isSessionId(x) ? x : undefined before createSession",
    `import { Hono } from "hono";
import { serve } from "@hono/node-server";
import { isSessionId } from "honeyhive";
import { tracer } from "./tracing";

const app = new Hono();
app.use(async (c, next) => {
  const header = c.req.header("x-session-id");
  const sessionId = header && isSessionId(header) ? header : undefined;
  tracer.createSession(sessionId ? { sessionId, skipApiCall: true } : { sessionName: c.req.path });
  await next();
});
serve(app);
`,
    { filename: SERVER, files: project({ hono: "^4.9.0", "@hono/node-server": "^1.19.0" }) },
  ),
  c(
    "session id: Lambda links invocations with toSessionId(event.conversationId)",
    `import { toSessionId } from "honeyhive";
import { tracer } from "./tracing";

export const handler = async (event: { conversationId?: string; message: string }) => {
  try {
    if (event.conversationId) tracer.createSession({ sessionId: toSessionId(event.conversationId), skipApiCall: true });
    else tracer.createSession({ sessionName: "turn" });
    return await tracer.startSpan("turn", () => answer(event.message));
  } finally {
    await tracer.forceFlush();
  }
};
`,
    { files: project() },
  ),
  c(
    "session id: uuid's validate() in the Lambda before the link",
    `import { validate } from "uuid";
import { tracer } from "./tracing";

export const handler = async (event: { sessionId?: string }) => {
  try {
    if (event.sessionId && validate(event.sessionId)) tracer.createSession({ sessionId: event.sessionId, skipApiCall: true });
    else tracer.createSession();
    return await tracer.startSpan("work", () => work(event));
  } finally {
    await tracer.forceFlush();
  }
};
`,
    { files: project({ uuid: "^11.1.0" }) },
  ),
  c(
    "session id: Next.js route derives the id from a cookie with toSessionId",
    `import { cookies } from "next/headers";
import { toSessionId } from "honeyhive";
import { tracer } from "@/lib/tracing";

export async function POST(request: Request) {
  const store = await cookies();
  const chat = store.get("chat")?.value;
  tracer.createSession(chat ? { sessionId: toSessionId(chat), skipApiCall: true } : { sessionName: "chat" });
  return Response.json(await tracer.startSpan("chat", async () => answer(await request.json())));
}
`,
    {
      filename: "app/api/chat/route.ts",
      files: {
        "package.json": pkg({ ...HH2, next: "^15.5.0", react: "^19.1.0" }),
        "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./*"] } } }),
        "lib/tracing.ts": TRACING_TS,
      },
    },
  ),
];

// --- session context reaches the handler --------------------------------------------------------------------------
const LOST_QUIET: Case[] = [
  c(
    "lost: Fastify onRequest creates the session before its first await",
    `import Fastify from "fastify";
import { tracer } from "./tracing";

const app = Fastify();
app.addHook("onRequest", async (request) => {
  tracer.createSession({ sessionName: request.url });
  const user = await users.fromToken(request.headers.authorization);
  tracer.enrichSession({ metadata: { userId: user?.id } });
});
app.get("/me", async () => tracer.startSpan("me", () => "me"));
await app.listen({ port: 3000 });
`,
    { filename: SERVER, files: project({ fastify: "^5.5.0" }, {}, { type: "module" }) },
  ),
  c(
    "lost: Fastify done-callback preHandler hook",
    `import Fastify from "fastify";
import { tracer } from "./tracing";

const app = Fastify();
app.addHook("preHandler", (request, reply, done) => {
  tracer.createSession({ sessionName: request.url });
  done();
});
app.get("/ping", async () => tracer.startSpan("ping", () => "pong"));
await app.listen({ port: 3000 });
`,
    { filename: SERVER, files: project({ fastify: "^5.5.0" }, {}, { type: "module" }) },
  ),
  c(
    "lost: Koa middleware awaits auth, then createSession, then await next()",
    `import Koa from "koa";
import { tracer } from "./tracing";

const app = new Koa();
app.use(async (ctx, next) => {
  const account = await accounts.fromKey(ctx.get("x-api-key"));
  tracer.createSession({ sessionName: ctx.path, metadata: { account: account.id } });
  await next();
});
app.use(async (ctx) => {
  ctx.body = await tracer.startSpan("work", () => work(ctx.request.body));
});
app.listen(3000);
`,
    { filename: SERVER, files: project({ koa: "^3.0.0" }) },
  ),
  c(
    "lost: Express session middleware registered before every route with app.use",
    `import express from "express";
import { tracer } from "./tracing";

const app = express();
const openSession: express.RequestHandler = (req, res, next) => {
  tracer.createSession({ sessionName: req.path });
  next();
};

app.use(openSession);
app.post("/chat", (req, res) => res.json(tracer.startSpan("chat", () => answer(req.body))));
app.get("/search", (req, res) => res.json(tracer.startSpan("search", () => search(req.query.q))));
app.get("/health", (req, res) => res.send("ok"));
app.listen(3000);
`,
    { filename: SERVER, files: project({ express: "^5.1.0" }) },
  ),
  c(
    "lost: Express promise callback that creates the session and calls next() itself",
    `import express from "express";
import { tracer } from "./tracing";

const app = express();
app.use((req, res, next) => {
  keys.check(req.get("x-api-key")).then((account) => {
    tracer.createSession({ sessionName: "search", metadata: { account: account.id } });
    next();
  }, next);
});
app.listen(3000);
`,
    { filename: SERVER, files: project({ express: "^5.1.0" }) },
  ),
  c(
    "lost: a Fastify plugin module's onRequest hook calls a session helper before any await",
    `import type { FastifyInstance, FastifyRequest } from "fastify";
import { tracer } from "../tracing";

function openSession(request: FastifyRequest) {
  tracer.createSession({ sessionName: request.routeOptions.url ?? request.url });
}

export default async function sessions(fastify: FastifyInstance) {
  fastify.addHook("onRequest", async (request) => {
    openSession(request);
    await audit(request.id);
  });
}
`,
    { filename: "src/plugins/sessions.ts", files: project({ fastify: "^5.5.0" }) },
  ),
];

// Second batch (after the first run, from the migrate round's fastify-hooks project): the link and the new session in
// the two branches of one `if`, the awaited `acreateSession()` in one of them.
const SECOND_BATCH_QUIET: Case[] = [
  c(
    "lost: Fastify onRequest awaits acreateSession in one branch, createSession in the other",
    `import Fastify from "fastify";
import { toSessionId } from "honeyhive";
import { tracer } from "./tracing";

const app = Fastify();
app.addHook("onRequest", async (request, reply) => {
  const conversation = request.headers["x-conversation-id"];
  if (typeof conversation === "string") {
    await tracer.acreateSession({ sessionId: toSessionId(conversation), skipApiCall: true });
  } else {
    reply.header("x-session-id", tracer.createSession({ sessionName: request.url }));
  }
});
app.post("/chat", async (request) => tracer.startSpan("chat", () => answer(request.body)));
await app.listen({ port: 3000 });
`,
    { filename: SERVER, files: project({ fastify: "^5.5.0" }, {}, { type: "module" }) },
  ),
  c(
    "lost: Fastify preHandler rejects with an awaited send and returns before creating the session",
    `import Fastify from "fastify";
import { tracer } from "./tracing";

const app = Fastify();
app.addHook("preHandler", async (request, reply) => {
  if (!request.headers.authorization) {
    await reply.code(401).send({ error: "unauthorized" });
    return reply;
  }
  tracer.createSession({ sessionName: request.url });
});
app.get("/me", async () => tracer.startSpan("me", () => "me"));
await app.listen({ port: 3000 });
`,
    { filename: SERVER, files: project({ fastify: "^5.5.0" }, {}, { type: "module" }) },
  ),
];

const QUIET: readonly Case[] = [...INIT_QUIET, ...SESSION_QUIET, ...FLUSH_QUIET, ...EXPLICIT_QUIET, ...EVALUATE_QUIET, ...PROVIDER_QUIET, ...SESSION_ID_QUIET, ...LOST_QUIET, ...SECOND_BATCH_QUIET];

// ================================================================================================================
// REPORTED: the correct pattern broken in one small way, each for the rule that names the break.
// ================================================================================================================

const INIT_REPORTED: Case[] = [
  c(
    "init miss: a getter without the cache check (a new tracer on every invocation)",
    `import { HoneyHiveTracer } from "honeyhive";

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
`,
  ),
  c(
    "init miss: a getter that checks the cache but never stores into it",
    `import { HoneyHiveTracer } from "honeyhive";

let tracer: HoneyHiveTracer | undefined;

function getTracer() {
  if (tracer) return tracer;
  return HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "nostore" });
}

export const handler = async (event: unknown) => {
  const t = getTracer();
  try {
    t.createSession({ sessionName: "nostore" });
    return await t.startSpan("work", () => work(event));
  } finally {
    await t.forceFlush();
  }
};
`,
  ),
  c(
    "init miss: a per-tenant cache read from one Map and stored into another",
    `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

const tracers = new Map<string, HoneyHiveTracer>();
const recent = new Map<string, HoneyHiveTracer>();

const app = express();
app.post("/t/:tenant/chat", async (req, res) => {
  let tracer = tracers.get(req.params.tenant);
  if (!tracer) {
    tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: req.params.tenant });
    recent.set(req.params.tenant, tracer);
  }
  tracer.createSession({ sessionName: "chat" });
  res.json(await tracer.startSpan("chat", () => answer(req.body)));
});
app.listen(3000);
`,
    { filename: SERVER, files: { "package.json": pkg({ ...HH2, express: "^5.1.0" }) } },
  ),
  c(
    "init miss: res.locals.tracer ??= (res.locals is new for every request)",
    `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

const app = express();
app.use((req, res, next) => {
  const tracer: HoneyHiveTracer = (res.locals.tracer ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "locals" }));
  tracer.createSession({ sessionName: req.path });
  next();
});
app.listen(3000);
`,
    { filename: SERVER, files: { "package.json": pkg({ ...HH2, express: "^5.1.0" }) } },
  ),
  c(
    "init miss: a NestJS useFactory provider with scope: Scope.REQUEST",
    `import { Module, Scope } from "@nestjs/common";
import { HoneyHiveTracer } from "honeyhive";

@Module({
  providers: [
    { provide: "TRACER", scope: Scope.REQUEST, useFactory: () => HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "nest" }) },
  ],
  exports: ["TRACER"],
})
export class TracingModule {}
`,
    { filename: "src/tracing.module.ts", files: { "package.json": pkg({ ...HH2, "@nestjs/common": "^11.1.0", "@nestjs/core": "^11.1.0" }) } },
  ),
  c(
    "init miss: a Hono c.set('tracer', init) cache (a new context per request)",
    `import { Hono } from "hono";
import { serve } from "@hono/node-server";
import { HoneyHiveTracer } from "honeyhive";

const app = new Hono<{ Variables: { tracer: HoneyHiveTracer } }>();
app.use(async (c, next) => {
  if (!c.get("tracer")) c.set("tracer", HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "hono" }));
  c.get("tracer").createSession({ sessionName: c.req.path });
  await next();
});
serve(app);
`,
    { filename: SERVER, files: { "package.json": pkg({ ...HH2, hono: "^4.9.0", "@hono/node-server": "^1.19.0" }) } },
  ),
  c(
    "init miss: the lazy getter's ??= on a local declared inside the getter",
    `import { HoneyHiveTracer } from "honeyhive";

function getTracer() {
  let tracer: HoneyHiveTracer | undefined;
  tracer ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "local" });
  return tracer;
}

export const handler = async (event: unknown) => {
  const t = getTracer();
  try {
    t.createSession({ sessionName: "local" });
    return await t.startSpan("work", () => work(event));
  } finally {
    await t.forceFlush();
  }
};
`,
  ),
];

const SESSION_REPORTED: Case[] = [
  c(
    "session miss: sessionStart() in the Express middleware (same code as the quiet one otherwise)",
    `import express from "express";
import { tracer } from "./tracing";

const app = express();
app.use((req, res, next) => {
  tracer.sessionStart({ sessionName: "api", inputs: { path: req.path } });
  next();
});
app.post("/chat", async (req, res) => {
  res.json(await tracer.startSpan("chat", () => answer(req.body.message)));
});
app.listen(3000);
`,
    { filename: SERVER, files: project({ express: "^5.1.0" }) },
  ),
  c(
    "session miss: sessionStart() in a Koa middleware before await next()",
    `import Koa from "koa";
import tracer from "./tracer";

const app = new Koa();
app.use(async (ctx, next) => {
  tracer.sessionStart({ sessionName: "koa" });
  await next();
});
app.listen(3000);
`,
    {
      filename: SERVER,
      files: {
        "package.json": pkg({ ...HH2, koa: "^3.0.0" }),
        "src/tracer.ts": `import { HoneyHiveTracer } from "honeyhive";\n\nexport default HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "koa" });\n`,
      },
    },
  ),
  c(
    "session miss: sessionStart() on the lazy getter's tracer in a Lambda",
    `import { HoneyHiveTracer } from "honeyhive";

let tracer: HoneyHiveTracer | undefined;
const getTracer = () => (tracer ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "lambda" }));

export const handler = async (event: unknown) => {
  const t = getTracer();
  try {
    t.sessionStart({ sessionName: "lambda" });
    return await t.startSpan("work", () => work(event));
  } finally {
    await t.forceFlush();
  }
};
`,
  ),
  c(
    "session miss: sessionStart() in a SvelteKit handle hook",
    `import type { Handle } from "@sveltejs/kit";
import { tracer } from "$lib/server/tracing";

export const handle: Handle = async ({ event, resolve }) => {
  tracer.sessionStart({ sessionName: event.url.pathname });
  return resolve(event);
};
`,
    {
      filename: "src/hooks.server.ts",
      files: {
        "package.json": pkg({ ...HH2, "@sveltejs/kit": "^2.27.0", "@sveltejs/adapter-node": "^5.2.0" }),
        "svelte.config.js": `import adapter from "@sveltejs/adapter-node";\n\nexport default { kit: { adapter: adapter() } };\n`,
        "src/lib/server/tracing.ts": TRACING_TS,
      },
    },
  ),
  c(
    "session miss: sessionStart() through the class singleton in an Express route",
    `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

class Observability {
  private static instance: Observability | undefined;
  readonly tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "shop" });
  static getInstance(): Observability {
    this.instance ??= new Observability();
    return this.instance;
  }
}

const app = express();
app.get("/cart", (req, res) => {
  const { tracer } = Observability.getInstance();
  tracer.sessionStart({ sessionName: "cart" });
  res.json(tracer.startSpan("cart", () => cart(req.query.user)));
});
app.listen(3000);
`,
    { filename: SERVER, files: { "package.json": pkg({ ...HH2, express: "^5.1.0" }) } },
  ),
];

const FLUSH_REPORTED: Case[] = [
  c(
    "flush miss: the flush after an early return (outside finally)",
    `import { tracer } from "./tracing";

export const handler = async (event: { body?: string }) => {
  tracer.createSession({ sessionName: "api" });
  if (!event.body) return { statusCode: 400, body: "empty" };
  const result = await work(JSON.parse(event.body));
  await tracer.forceFlush();
  return { statusCode: 200, body: JSON.stringify(result) };
};
`,
    { files: project() },
  ),
  c(
    "flush miss: .finally(() => { tracer.forceFlush(); }) with braces returns nothing to wait on",
    `import { tracer } from "./tracing";

export const handler = (event: { id: string }) => {
  tracer.createSession({ sessionName: "promise" });
  return tracer.startSpan("promise", () => fetchRecord(event.id)).finally(() => {
    tracer.forceFlush();
  });
};
`,
    { files: project() },
  ),
  c(
    "flush miss: finally { tracer.forceFlush(); } without await",
    `import { tracer } from "./tracing";

export const handler = async (event: unknown) => {
  try {
    tracer.createSession({ sessionName: "noawait" });
    return await tracer.startSpan("work", () => work(event));
  } finally {
    tracer.forceFlush();
  }
};
`,
    { files: project() },
  ),
  c(
    "flush miss: withFlush exists but the handler export is not wrapped",
    `import { tracer } from "./tracing";

const withFlush =
  <E, R>(fn: (event: E) => Promise<R>) =>
  async (event: E): Promise<R> => {
    try {
      return await fn(event);
    } finally {
      await tracer.forceFlush();
    }
  };

export const ingest = withFlush(async (event: { id: string }) => tracer.startSpan("ingest", () => ingest1(event.id)));

export const handler = async (event: { id: string }) => {
  tracer.createSession({ sessionName: "unwrapped" });
  return tracer.startSpan("read", () => read(event.id));
};
`,
    { files: project() },
  ),
  c(
    "flush miss: Cloudflare worker's ctx.waitUntil(flush) skipped by an early return",
    `import { tracer } from "./tracing";

export default {
  async fetch(request, env, ctx): Promise<Response> {
    tracer.createSession({ sessionName: "worker" });
    if (request.method !== "POST") return new Response("method not allowed", { status: 405 });
    const body = await tracer.startSpan("echo", async () => request.text());
    ctx.waitUntil(tracer.forceFlush());
    return new Response(body);
  },
} satisfies ExportedHandler<Env>;
`,
    {
      filename: "src/index.ts",
      files: project({ wrangler: "^4.33.0" }, { "wrangler.jsonc": `{ "name": "w", "main": "src/index.ts", "compatibility_date": "2025-09-01" }\n` }),
    },
  ),
  c(
    "flush miss: Next.js route on Vercel calls after(() => flush) only after an early return",
    `import { after } from "next/server";
import { tracer } from "@/lib/tracing";

export async function POST(request: Request) {
  tracer.createSession({ sessionName: "next-vercel" });
  const { message } = await request.json();
  if (!message) return Response.json({ error: "empty" }, { status: 400 });
  after(() => tracer.forceFlush());
  return Response.json(await tracer.startSpan("chat", () => answer(message)));
}
`,
    {
      filename: "app/api/chat/route.ts",
      files: {
        "package.json": pkg({ ...HH2, next: "^15.5.0", react: "^19.1.0" }),
        "vercel.json": VERCEL_JSON,
        "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./src/*"] } } }),
        "src/lib/tracing.ts": TRACING_TS,
      },
    },
  ),
  c(
    "flush miss: Google Cloud Functions flushes after it sends",
    `import * as functions from "@google-cloud/functions-framework";
import { tracer } from "./tracing";

functions.http("chat", async (req, res) => {
  tracer.createSession({ sessionName: "gcf" });
  const reply = await tracer.startSpan("chat", () => answer(req.body.message));
  res.json({ reply });
  await tracer.forceFlush();
});
`,
    { filename: "src/index.ts", files: project({ "@google-cloud/functions-framework": "^4.0.0" }) },
  ),
];

const EXPLICIT_REPORTED: Case[] = [
  c(
    "explicit miss: trace({ eventType }) without tracer next to an imported tracer",
    `import { trace } from "honeyhive";
import { tracer } from "./tracing";

export const classify = trace({ eventType: "tool" }, async (text: string) => {
  tracer.enrichSpan({ metadata: { length: text.length } });
  return text.length > 100 ? "long" : "short";
});
`,
    { filename: "src/classify.ts", files: project() },
  ),
  c(
    "explicit miss: the global enrichSpan() in a file with a module tracer",
    `import { enrichSpan, HoneyHiveTracer, trace } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "my-project" });

export const processData = trace({ eventType: "tool", tracer }, async (input: string) => {
  enrichSpan({ metadata: { inputLength: input.length } });
  return input.trim();
});
`,
    { filename: "src/process.ts" },
  ),
  c(
    "explicit miss: one @trace decorator without tracer among explicit ones",
    `import { trace } from "honeyhive";
import { tracer } from "./tracing";

export class Agent {
  @trace({ eventType: "chain", tracer })
  async run(task: string) {
    return this.plan(task);
  }

  @trace({ eventType: "tool" })
  async plan(task: string) {
    return [task];
  }
}
`,
    { filename: "src/agent.ts", files: project() },
  ),
  c(
    "explicit miss: trace(fn) with a tracer parameter in scope but not passed",
    `import { type HoneyHiveTracer, trace } from "honeyhive";

export function makeRetriever(tracer: HoneyHiveTracer) {
  tracer.enrichSession({ metadata: { retriever: "v2" } });
  return trace(async (query: string) => search(query));
}
`,
    { filename: "src/retriever.ts" },
  ),
];

const EVALUATE_REPORTED: Case[] = [
  c(
    "evaluate miss: a module tracer bound to the evaluated function with trace({ tracer })",
    `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "rag" });

const pipeline = trace({ eventType: "chain", tracer }, async (datapoint: { inputs: { query: string } }) => ({ answer: datapoint.inputs.query }));

await evaluate({ function: pipeline, dataset: [{ inputs: { query: "q" } }], name: "rag" });
`,
    { filename: "scripts/eval.ts" },
  ),
  c(
    "evaluate miss: tracer.enrichSession of an imported module tracer inside the evaluated function",
    `import { trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
import { tracer } from "../src/tracing";

async function pipeline({ inputs }: { inputs: { question: string } }) {
  tracer.enrichSession({ metadata: { promptVersion: "v3" } });
  return { answer: inputs.question };
}

await evaluate({ function: trace({ eventType: "chain" }, pipeline), dataset: [{ inputs: { question: "q" } }], name: "qa" });
`,
    { filename: "scripts/eval.ts", files: project() },
  ),
  c(
    "evaluate miss: tracer.trace(options, fn) as the evaluated function",
    `import { HoneyHiveTracer } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "agent" });

await evaluate({
  function: tracer.trace({ eventType: "chain" }, async ({ inputs }: { inputs: { task: string } }) => ({ done: inputs.task.length > 0 })),
  dataset: [{ inputs: { task: "t" } }],
  name: "agent",
});
`,
    { filename: "scripts/eval.ts" },
  ),
];

const PROVIDER_REPORTED: Case[] = [
  c(
    "provider miss: OpenAI instrumentation given the provider, LangChain's not",
    `import * as CallbackManagerModule from "@langchain/core/callbacks/manager";
import { LangChainInstrumentation } from "@arizeai/openinference-instrumentation-langchain";
import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";
import OpenAI from "openai";
import { HoneyHiveTracer } from "honeyhive";

export const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "agents" });

new OpenAIInstrumentation({ tracerProvider: tracer.provider }).manuallyInstrument(OpenAI);
const langchain = new LangChainInstrumentation();
langchain.manuallyInstrument(CallbackManagerModule);
`,
    {
      filename: "src/instrument.ts",
      files: { "package.json": pkg({ ...HH2, openai: "^5.20.0", "@langchain/core": "^0.3.72", "@arizeai/openinference-instrumentation-openai": "^3.2.0", "@arizeai/openinference-instrumentation-langchain": "^3.4.0" }) },
    },
  ),
  c(
    "provider miss: registerInstrumentations written above HoneyHiveTracer.init()",
    `import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { HoneyHiveTracer } from "honeyhive";

registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });

export const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "otel" });
`,
    { filename: "src/tracing.ts" },
  ),
  c(
    "provider miss: AI SDK experimental_telemetry isEnabled without a tracer",
    `import { generateText } from "ai";
import { openai } from "@ai-sdk/openai";
import { tracer } from "./tracing";

export async function answer(prompt: string) {
  return tracer.startSpan("answer", async () => {
    const { text } = await generateText({ model: openai("gpt-4.1-mini"), prompt, experimental_telemetry: { isEnabled: true } });
    return text;
  });
}
`,
    { filename: "src/answer.ts", files: project({ ai: "^5.0.0", "@ai-sdk/openai": "^2.0.0" }) },
  ),
];

const SESSION_ID_REPORTED: Case[] = [
  c(
    "session id miss: toSessionId applied to another variable than the one linked",
    `import express from "express";
import { toSessionId } from "honeyhive";
import { tracer } from "./tracing";

const app = express();
app.use((req, res, next) => {
  const conversation = req.get("x-conversation-id");
  const userKey = toSessionId(req.get("x-user-id") ?? "anonymous");
  res.locals.userKey = userKey;
  if (conversation) tracer.createSession({ sessionId: conversation, skipApiCall: true });
  else tracer.createSession({ sessionName: "new" });
  next();
});
app.listen(3000);
`,
    { filename: SERVER, files: project({ express: "^5.1.0" }) },
  ),
  c(
    "session id miss: isSessionId check that only warns, then links",
    `import express from "express";
import { isSessionId } from "honeyhive";
import { tracer } from "./tracing";

const app = express();
app.post("/chat", async (req, res) => {
  const sessionId = req.body.sessionId;
  if (!isSessionId(sessionId)) console.warn("not a uuid", sessionId);
  tracer.createSession({ sessionId, skipApiCall: true });
  res.json(await tracer.startSpan("chat", () => answer(req.body.message)));
});
app.listen(3000);
`,
    { filename: SERVER, files: project({ express: "^5.1.0" }) },
  ),
  c(
    "session id miss: an unanchored RegExp that admits any id",
    `import Fastify from "fastify";
import { tracer } from "./tracing";

const ID_RE = /^[\\w-]+$/;
const app = Fastify();

app.addHook("onRequest", async (request) => {
  const sid = request.headers["x-session-id"];
  if (typeof sid === "string" && ID_RE.test(sid)) tracer.createSession({ sessionId: sid, skipApiCall: true });
  else tracer.createSession({ sessionName: request.url });
});
await app.listen({ port: 3000 });
`,
    { filename: SERVER, files: project({ fastify: "^5.5.0" }, {}, { type: "module" }) },
  ),
  c(
    "session id miss: the Lambda checks event.userId, links event.sessionId",
    `import { isSessionId } from "honeyhive";
import { tracer } from "./tracing";

export const handler = async (event: { sessionId?: string; userId?: string }) => {
  try {
    if (event.sessionId && isSessionId(event.userId ?? "")) tracer.createSession({ sessionId: event.sessionId, skipApiCall: true });
    else tracer.createSession();
    return await tracer.startSpan("work", () => work(event));
  } finally {
    await tracer.forceFlush();
  }
};
`,
    { files: project() },
  ),
];

const LOST_REPORTED: Case[] = [
  c(
    "lost miss: Fastify onRequest creates the session after its first await",
    `import Fastify from "fastify";
import { tracer } from "./tracing";

const app = Fastify();
app.addHook("onRequest", async (request) => {
  const user = await users.fromToken(request.headers.authorization);
  tracer.createSession({ sessionName: request.url, metadata: { userId: user?.id } });
});
app.get("/me", async () => tracer.startSpan("me", () => "me"));
await app.listen({ port: 3000 });
`,
    { filename: SERVER, files: project({ fastify: "^5.5.0" }, {}, { type: "module" }) },
  ),
  c(
    "lost miss: Koa creates the session in a setTimeout while await next() runs outside it",
    `import Koa from "koa";
import { tracer } from "./tracing";

const app = new Koa();
app.use(async (ctx, next) => {
  setTimeout(() => tracer.createSession({ sessionName: ctx.path }), 0);
  await next();
});
app.use(async (ctx) => {
  ctx.body = await tracer.startSpan("work", () => work(ctx.request.body));
});
app.listen(3000);
`,
    { filename: SERVER, files: project({ koa: "^3.0.0" }) },
  ),
  c(
    "lost miss: the session middleware mounted on one route while another route traces",
    `import express from "express";
import { tracer } from "./tracing";

const app = express();
const openSession: express.RequestHandler = (req, res, next) => {
  tracer.createSession({ sessionName: req.path });
  next();
};

app.post("/chat", openSession, (req, res) => res.json(tracer.startSpan("chat", () => answer(req.body))));
app.get("/search", (req, res) => res.json(tracer.startSpan("search", () => search(req.query.q))));
app.listen(3000);
`,
    { filename: SERVER, files: project({ express: "^5.1.0" }) },
  ),
];

const RULES: ReadonlyArray<readonly [string, AnyRule, readonly Case[]]> = [
  [INIT_RULE, initRule, INIT_REPORTED],
  [SESSION_START_RULE, sessionStartRule, SESSION_REPORTED],
  [FLUSH_RULE, flushRule, FLUSH_REPORTED],
  [EXPLICIT_RULE, explicitRule, EXPLICIT_REPORTED],
  [EVALUATE_RULE, evaluateRule, EVALUATE_REPORTED],
  [PROVIDER_RULE, providerRule, PROVIDER_REPORTED],
  [SESSION_ID_RULE, sessionIdRule, SESSION_ID_REPORTED],
  [LOST_CONTEXT_RULE, lostContextRule, LOST_REPORTED],
];

describe("blind 16: code that already does it right (every quiet case through every rule)", () => {
  for (const [ruleName, rule, reported] of RULES) {
    describe(ruleName, () => describeBlindCases(ruleName, rule, { reported, quiet: QUIET }, KNOWN));
  }
});
