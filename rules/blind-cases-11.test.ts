// Blind cases, eleventh round: WHERE THE TRACER LIVES AND HOW CODE REACHES IT, across the eight rules. The same
// promises the rules already make, written the ways public apps hold a tracer and hand it to their code: a class that
// owns it (a field, a private `#tracer` behind `get tracer()`, a static `getInstance()` singleton, a static
// `instance`), dependency injection (NestJS `useFactory` providers and `@Inject(TRACER)`, tsyringe, a service
// constructed with the tracer), a context object (`res.locals.tracer`, Hono's `c.get("tracer")`, Fastify's
// `decorate("tracer", …)` read as `request.server.tracer`, Koa's `app.context`), the Next.js dev cache
// (`globalThis.__hh ??= …` with `declare global`, the Prisma-style `globalForHH`), lazy getters and caches (a module
// `let`, lodash `memoize`, a tenant map), and higher-order wrappers the app writes (`withTracing(handler)`, curried
// `makeHandler(tracer)`), optional chaining and `satisfies`/`as`. About 40% are quiet look-alikes: a `Tracer` class of
// another package, OpenTelemetry's `getTracer()`, a DI token named TRACER bound to dd-trace, a user `withSession`.
//
// Written before reading the analysis code (analysis/**, rules/*.ts), from the seeds (/work/shared/seeds/: "Module-level
// variable (survives warm starts) … def get_tracer()", "@lru_cache(maxsize=1)", "Initialize tracer ONCE at application
// startup", "call tracer.force_flush() before returning"), ARCHITECTURE.md, README and docs/rules/*.md: the holders
// each rule's page names (no-session-start-in-handler: "held in `this.tracer` … injected NestJS-style … held by an
// object of the same file … a class's static getter … held by a class of the file that a dependency-injection container
// makes once … the slot used directly … Koa's `app.context.tracer`"; no-tracer-init-in-handler: "a request-scoped
// provider's factory itself", Hono `c.set("tracer", …)` reported, `instance.decorate("tracer", …)` not, lodash
// `memoize`, tenant maps; require-force-flush-in-lambda: "held by an object of the same file … a class's static
// getter … whose getter, argument-less method or field holds one"). Each case asserts the CORRECT behaviour:
// `reported` (at least one report of the rule) or `quiet` (none). Cases the core does not get right are in the
// labelled KNOWN block, asserting today's behaviour with a reason each (harness: ./test-utils/blind-cases.ts).
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
import { HH2, pkg } from "./test-utils/programs.js";

// Cases the core gets wrong today (`Known` in ./test-utils/blind-cases.ts); each says why, and where.
// First run (76 cases, 2026-12-06): 21 misses, 0 false reports; all engine, none descriptor knowledge (every DI container,
// function cache and framework shape the docs name held: NestJS request-scoped factories, tsyringe singletons, lodash
// memoize, tenant maps, Fastify decorate as no handler, Hono c.set per request, Koa app.context). Six causes:
// (a) PRIVATE: a `#tracer` private field is never a member tracer: analysis/ast.ts:58 `staticName` has no case for a
//     PrivateIdentifier, so analysis/sdk-model.ts:711 (`addMemberTracers`) gets no name and `get tracer() { return
//     this.#tracer }` returns nothing known (a `private tracer` of TypeScript is found: same shape, one keyword);
// (b) TWO-HOP HOLDER: `Observability.instance.tracer` / `Observability.getInstance().tracer`: sdk-model.ts:1220
//     (`holderMemberTracer`) follows an Identifier holder only (a class name, a const), never a static field or a
//     static method's result holding an instance of a class of the file;
// (c) IMPORTED SINGLETON: `export const obs = Observability.getInstance()`: analysis/honeyhive-1x.ts:297
//     (`tracerHoldersOf`'s `add`) records an exported instance only for `new X()` (or an object literal), not for a
//     static factory's result, so the importer's `obs.tracer` (sdk-model.ts:1251 `importedHeldTracer`) finds no
//     `tracerHolders` fact; with `new Observability()` and a public field it is found, with `#tracer` (a) again;
// (d) APP-WRITTEN HANDLER WRAPPER: `export const handler = withSession(fn)` / `withTracing(fn)` /
//     `makeHandler(tracer)`: analysis/bindings.ts:226 (`functionsOf`) reads a wrapper call as its function
//     arguments (right for `asyncHandler(fn)`), never as the function a wrapper of the file returns; the handler is
//     taken to be the inner `fn` (which does not trace) or nothing (`makeHandler(tracer)` has no function argument);
// (e) DECORATED / CONTEXT-VARIABLE TRACER: Fastify `app.decorate("tracer", HoneyHiveTracer.init(…))` read as
//     `request.server.tracer`, and Hono `c.set("tracer", tracer)` in an app middleware read as `c.get("tracer")`:
//     sdk-model.ts:1047 (`appContextTracer`) knows only APP_CONTEXT_SLOTS (knowledge/app-lifetime.ts:55,
//     `app.<member>.<name> = tracer`); a setter call (`decorate(name, value)`, `c.set(name, value)`) and a read
//     through a member of the parameter (`request.server`) or a getter call with an argument (`c.get("tracer")`,
//     sdk-model.ts:1199 `heldTracerOf` takes argument-less calls only) are no slot form: needs a schema field and
//     engine code, not a data entry alone;
// (f) A METHOD CALLED FROM THE HANDLER / EVALUATED CODE: no-session-start-in-handler takes a call lexically inside a
//     handler only (analysis/handlers.ts:1565 `enclosingHandler(node)`), so `chat.open()` whose method calls
//     `this.tracer.sessionStart()` is not followed (the docs promise "at any depth inside", lexical; the session-id
//     rule follows such methods); no-global-tracer-with-evaluate finds session calls in evaluated code only among the
//     references of the tracer's variable (analysis/evaluate.ts:555 `otherUsesOf`, read at :510), and a member or
//     held tracer (`this.tracer`, `Observability.instance.tracer`) has none, although `resolveMember` follows the
//     method (evaluate.ts:237): with a class field `tracer = HoneyHiveTracer.init()` it is missed too.
// Second batch (8 cases, after the first run): TypeDI was missing from knowledge/di-containers.ts (its
// `@Service({ transient: true })` option needed a descriptor field, `decoratorOptions`): added, its 4 cases right. One
// more engine gap: (g) MEMOIZED GETTER: `const getTracer = memoize(() => HoneyHiveTracer.init(…))` (lodash
// `memoize`/`once`, the seed's `@lru_cache(maxsize=1) def get_tracer()`) is no tracer getter for the session-start,
// flush (and every other) rule: sdk-model.ts:1409 (`examine`: `functionOfVariable(variable)`) takes a function
// declaration or a `const` function only, and FUNCTION_CACHES (knowledge/function-caches.ts) is read by
// tracer-init.ts:276 alone; a process-lifetime cache's wrapped function should be read as a getter of one tracer
// (`getTracer()` writable), a request-lifetime one (React `cache`) as a factory.
// Third batch (6 cases: `satisfies` / `as` / `!` between the tracer and the call, a handler cast to its type): all right.
// Fourth batch (7 cases: middleware factories taking the tracer, `app.use(sessionMiddleware(tracer))`): the 4 reported
// ones are missed, (d) again: the registration's argument is a call of a function of the file, read by
// bindings.ts:226 (`functionsOf`) as its arguments (`tracer`, `"chat"`), so the middleware it returns is no handler;
// the tracer there is the factory's parameter (typed `HoneyHiveTracer`), which a fix must also take as the module
// tracer the call passes (the session-id rule's helper-parameter reading is the model). The quiet ones hold.
// Fifth batch (4 cases: Express context objects carrying the module tracer): the 3 reported ones are missed, (e)
// again: sdk-model.ts:1050 (`appContextTracer`) reads `<parameter>.<name>` of an APP_CONTEXT_SLOTS app only; a tracer
// stored on what each request gets anew by an app-wide middleware (`req.tracer = tracer`, `res.locals.tracer =
// tracer`: the stored value, not the holder, decides) or on the app (`app.locals.tracer = tracer`, read as
// `req.app.locals.tracer` through knowledge/app-lifetime.ts's APP_LIFETIME_HOLDERS, which only tracer-init.ts reads) is
// not followed. The per-request `req.tracer = HoneyHiveTracer.init(…)` stays quiet, as it should.
// Sixth batch (2 cases: destructured methods): `const { forceFlush } = tracer; await forceFlush()` is taken for a flush
// (analysis/flush-calls.ts:53/58: `calledName` gives a bare identifier's own name and `isFlushByName` counts it, a
// rule meant for `<anything>.forceFlush()`); unbound, the call rejects (the SDK's methods read `this.#…`) and flushes
// nothing. README and the rule's page say nothing about destructured methods (noticed, not changed here).
// Seventh batch (5 cases: tenant maps, memoized promises): one miss: a promise memoized from a lazily imported SDK,
// `tracerPromise ??= import("honeyhive").then(({ HoneyHiveTracer }) => HoneyHiveTracer.init(…))`: analysis/bindings.ts:130
// (`originOf`) takes `import("m")` for the module only where it is awaited; the `.then` callback's (destructured)
// parameter is no binding of the SDK, so the init is not seen.
// In all: 107 cases, 32 KNOWN misses, no false report; one knowledge fix (TypeDI), the rest engine gaps (a)–(g) and three single ones.
// fix-blind11-holders: (a), (b), (c), (e) fixed, their 18 entries asserted: a private name is a member name (`#tracer`,
// ast.ts `staticName`); a class's one instance is followed (analysis/class-singletons.ts, read by sdk-model.ts
// `holderMemberTracer` and honeyhive-1x.ts `tracerHoldersOf`); what an app keeps for its handlers is data
// (knowledge/app-lifetime.ts APP_CONTEXT_SLOTS `store`/`reads`: Fastify decorate, Hono c.set/c.get/c.var, Express
// req.<name>, res.locals, app.locals), read by sdk-model.ts `appContextTracer`.
// fix-blind11-flow (2026-12-06) fixed (d), (f), (g) and the lazy import and destructured flush singles (13 entries gone):
// (d) bindings.ts `returnedFunctionsOf`: a call of a wrapper or factory written in the file stands for the function it
//     returns (a Lambda export: that function only; a registration: it and the wrapped arguments); vendor wrappers
//     unchanged; a wrapper imported from a project module is still not read (no fact carries its returned function;
//     gaps-rules-10b: now the module's `returnsFunction` fact, rules/gaps-rules-10b.test.ts);
// (f) one level: handlers.ts `sharedTracerInHandler` follows a session start written in a function or method of the
//     file that a handler calls (by name, on `this`, on a `const x = new C()` not made in the handler); evaluate.ts
//     finds session-bound calls on class-held tracers in evaluated code by call (`heldTracerCallsInEvaluatedCode`);
// (g) analysis/function-caches.ts, the one reader of FUNCTION_CACHES: a process-lifetime cache's function is a getter;
// lazy import: bindings.ts `lazyImportOfParameter`, sdk-model `lazyImportCallback`; destructured flush:
//     flush-calls.ts `tracerFlushMethodOf` (unbound: no flush, the rule's `unboundFlush` message says why; bound: a flush by any name).
// Left: (b) in "Observability.instance.tracer.enrichSession()" below (fix-blind11-holders' part; (f) is in place).
// The lead, at the merge of both: the last one, an `Obs.instance.tracer` call in evaluated code, resolved to a tracer of
// its own sharing the member's declaration; evaluate.ts `heldTracerCallsInEvaluatedCode` now reports it as that member.
const KNOWN: readonly Known[] = [
];
const describeCases = (ruleName: string, rule: AnyRule, cases: { reported: readonly Case[]; quiet: readonly Case[] }): void =>
  describeBlindCases(ruleName, rule, cases, KNOWN);

const PLAIN = { "package.json": pkg(HH2) };
const EXPRESS = { "package.json": pkg({ ...HH2, express: "^4.21.2" }) };
const FASTIFY = { "package.json": pkg({ ...HH2, fastify: "^5.2.0", "fastify-plugin": "^5.0.1" }) };
const HONO = { "package.json": pkg({ ...HH2, hono: "^4.6.0" }) };
const KOA = { "package.json": pkg({ ...HH2, koa: "^2.15.0" }) };
const NEST = { "package.json": pkg({ ...HH2, "@nestjs/common": "^10.4.0", "@nestjs/core": "^10.4.0" }) };
const NEXT = { "package.json": pkg({ ...HH2, next: "^15.1.0" }) };
const TSYRINGE = { "package.json": pkg({ ...HH2, express: "^4.21.2", tsyringe: "^4.8.0", "reflect-metadata": "^0.2.2" }) };
const TYPEDI = { "package.json": pkg({ ...HH2, express: "^4.21.2", typedi: "^0.10.0", "reflect-metadata": "^0.2.2" }) };
const INSTR = { "@opentelemetry/instrumentation": "^0.203.0", "@opentelemetry/instrumentation-http": "^0.203.0" };
const OTEL = { "package.json": pkg({ ...HH2, ...INSTR }) };

/** A class that owns the tracer behind a private field and a getter, with a static singleton. */
const OBSERVABILITY_TS = `import { HoneyHiveTracer } from "honeyhive";

export class Observability {
  static #instance: Observability | undefined;
  readonly #tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" });

  static getInstance(): Observability {
    return (Observability.#instance ??= new Observability());
  }

  get tracer(): HoneyHiveTracer {
    return this.#tracer;
  }
}

export const obs = Observability.getInstance();
`;
/** A NestJS tracing module: the TRACER token bound to a factory that makes HoneyHive's tracer once. */
const NEST_TRACING_TS = `import { Module } from "@nestjs/common";
import { HoneyHiveTracer } from "honeyhive";

export const TRACER = Symbol("TRACER");

@Module({
  providers: [{ provide: TRACER, useFactory: () => HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "api" }) }],
  exports: [TRACER],
})
export class TracingModule {}
`;
/** The same token bound to dd-trace: a look-alike. */
const NEST_DD_TRACING_TS = `import { Module } from "@nestjs/common";
import tracer from "dd-trace";

export const TRACER = "TRACER";

@Module({
  providers: [{ provide: TRACER, useFactory: () => tracer.init({ service: "api" }) }],
  exports: [TRACER],
})
export class TracingModule {}
`;
/** A local class named Tracer (an in-house session store), no SDK. */
const LOCAL_TRACER_TS = `export class Tracer {
  private readonly sessions = new Map<string, { name?: string }>();

  sessionStart(fields: { sessionName?: string }): string {
    const id = String(this.sessions.size + 1);
    this.sessions.set(id, { name: fields.sessionName });
    return id;
  }

  createSession(fields: { sessionId?: string; sessionName?: string }): string {
    const id = fields.sessionId ?? String(this.sessions.size + 1);
    this.sessions.set(id, { name: fields.sessionName });
    return id;
  }

  async forceFlush(): Promise<void> {}
}

export class Observability {
  static readonly instance = new Observability();
  readonly tracer = new Tracer();
}
`;

// ---------------------------------------------------------------------------------------------------
// no-session-start-in-handler: a shared tracer however it is held; a per-request or non-HoneyHive one is quiet.
describe(`${SESSION_START_RULE} (blind 11, where the tracer lives)`, () => {
  const reported: Case[] = [
    c("a class field read through a module-level instance (obs.tracer), private #tracer behind get tracer()", `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

class Observability {
  readonly #tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
  get tracer(): HoneyHiveTracer {
    return this.#tracer;
  }
}

const obs = new Observability();
const app = express();

app.post("/chat", (req, res) => {
  obs.tracer.sessionStart({ sessionName: "chat" });
  res.json({ ok: true, body: req.body });
});
`, { filename: "src/server.ts", files: EXPRESS }),
    c("a static getInstance() singleton of the file: Observability.getInstance().tracer.sessionStart() in a route", `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

class Observability {
  private static instance: Observability | undefined;
  readonly tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
  static getInstance(): Observability {
    if (!Observability.instance) Observability.instance = new Observability();
    return Observability.instance;
  }
}

const app = express();
app.post("/chat", (req, res) => {
  Observability.getInstance().tracer.sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: EXPRESS }),
    c("a static instance field: Observability.instance.tracer in a route", `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

class Observability {
  static readonly instance = new Observability();
  readonly tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
}

const app = express();
app.post("/chat", (req, res) => {
  Observability.instance.tracer.sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: EXPRESS }),
    c("the singleton imported from the project's module (obs = Observability.getInstance())", `import express from "express";
import { obs } from "./observability";

const app = express();
app.post("/chat", (req, res) => {
  obs.tracer.sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: { ...EXPRESS, "src/observability.ts": OBSERVABILITY_TS } }),
    c("NestJS @Inject(TRACER) private readonly tracer: HoneyHiveTracer in a controller", `import { Body, Controller, Inject, Post } from "@nestjs/common";
import type { HoneyHiveTracer } from "honeyhive";
import { TRACER } from "./tracing.module";

@Controller("chat")
export class ChatController {
  constructor(@Inject(TRACER) private readonly tracer: HoneyHiveTracer) {}

  @Post()
  chat(@Body() body: { message: string }) {
    this.tracer.sessionStart({ sessionName: "chat" });
    return { reply: body.message };
  }
}
`, { filename: "src/chat.controller.ts", files: { ...NEST, "src/tracing.module.ts": NEST_TRACING_TS } }),
    c("Fastify decorate(\"tracer\", init) read as request.server.tracer in a route", `import Fastify from "fastify";
import { HoneyHiveTracer } from "honeyhive";

const app = Fastify();
app.decorate("tracer", HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" }));

app.post("/chat", async (request) => {
  request.server.tracer.sessionStart({ sessionName: "chat" });
  return { ok: true };
});
`, { filename: "src/server.ts", files: FASTIFY }),
    c("the Next.js dev cache (globalForHH.tracer ?? init, Prisma style) in a route handler", `import { HoneyHiveTracer } from "honeyhive";

const globalForHH = globalThis as unknown as { hhTracer?: HoneyHiveTracer };
export const tracer = globalForHH.hhTracer ?? HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "web" });
if (process.env.NODE_ENV !== "production") globalForHH.hhTracer = tracer;

export async function POST(request: Request) {
  tracer.sessionStart({ sessionName: "chat" });
  return Response.json(await request.json());
}
`, { filename: "app/api/chat/route.ts", files: NEXT }),
    c("declare global { var __hh } with globalThis.__hh ??= init, the slot used in a route handler", `import { HoneyHiveTracer } from "honeyhive";

declare global {
  var __hh: HoneyHiveTracer | undefined;
}

globalThis.__hh ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "web" });

export async function POST(request: Request) {
  globalThis.__hh!.sessionStart({ sessionName: "chat" });
  return Response.json(await request.json());
}
`, { filename: "app/api/chat/route.ts", files: NEXT }),
    c("tsyringe @singleton() class resolved in a route: container.resolve(Tracing).tracer", `import "reflect-metadata";
import express from "express";
import { HoneyHiveTracer } from "honeyhive";
import { container, singleton } from "tsyringe";

@singleton()
class Tracing {
  readonly tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
}

const app = express();
app.post("/chat", (req, res) => {
  container.resolve(Tracing).tracer.sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: TSYRINGE }),
    c("a service constructed with the module tracer (new ChatService(tracer)), its method called by a route", `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

class ChatService {
  constructor(private readonly tracer: HoneyHiveTracer) {}
  open(name: string) {
    return this.tracer.sessionStart({ sessionName: name });
  }
}

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
const chat = new ChatService(tracer);
const app = express();
app.post("/chat", (req, res) => {
  chat.open("chat");
  res.json(req.body);
});
`, { filename: "src/server.ts", files: EXPRESS }),
    c("Koa app.context.tracer set once, ctx.tracer?.sessionStart() with optional chaining", `import Koa from "koa";
import { HoneyHiveTracer } from "honeyhive";

const app = new Koa();
app.context.tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });

app.use(async (ctx, next) => {
  ctx.tracer?.sessionStart({ sessionName: "chat" });
  await next();
});
`, { filename: "src/server.ts", files: KOA }),
  ];
  const quiet: Case[] = [
    c("a local Tracer class (an in-house session store) held by Observability.instance.tracer", `import express from "express";
import { Observability } from "./observability";

const app = express();
app.post("/chat", (req, res) => {
  Observability.instance.tracer.sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: { ...EXPRESS, "src/observability.ts": LOCAL_TRACER_TS } }),
    c("NestJS TRACER token bound to dd-trace, @Inject(TRACER) typed as dd-trace's Tracer", `import { Controller, Inject, Post } from "@nestjs/common";
import type { Tracer } from "dd-trace";
import { TRACER } from "./tracing.module";

@Controller("chat")
export class ChatController {
  constructor(@Inject(TRACER) private readonly tracer: Tracer & { sessionStart(o: object): void }) {}

  @Post()
  chat() {
    this.tracer.sessionStart({ name: "chat" });
    return { ok: true };
  }
}
`, { filename: "src/chat.controller.ts", files: { "package.json": pkg({ ...HH2, "@nestjs/common": "^10.4.0", "dd-trace": "^5.30.0" }), "src/tracing.module.ts": NEST_DD_TRACING_TS } }),
    c("a script's main() on a class-held tracer (no handler)", `import { HoneyHiveTracer } from "honeyhive";

class Observability {
  static readonly instance = new Observability();
  readonly tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "batch" });
}

export async function main() {
  Observability.instance.tracer.sessionStart({ sessionName: "nightly" });
  await Observability.instance.tracer.forceFlush();
}
`, { filename: "scripts/nightly.ts", files: PLAIN }),
    c("a Lambda handler's own per-invocation tracer handed to a service (new ChatService(tracer))", `import { HoneyHiveTracer } from "honeyhive";

class ChatService {
  constructor(private readonly tracer: HoneyHiveTracer) {}
  open() {
    return this.tracer.sessionStart({ sessionName: "job" });
  }
}

export const handler = async () => {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });
  new ChatService(tracer).open();
  await tracer.forceFlush();
  return { ok: true };
};
`, { filename: "src/handler.ts", files: PLAIN }),
  ];
  describeCases(SESSION_START_RULE, sessionStartRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// no-tracer-init-in-handler: a tracer made per request however the app wraps it; the process-long caches are quiet.
describe(`${INIT_RULE} (blind 11, where the tracer lives)`, () => {
  const reported: Case[] = [
    c("NestJS request-scoped TRACER provider: useFactory making a tracer with scope: Scope.REQUEST", `import { Module, Scope } from "@nestjs/common";
import { HoneyHiveTracer } from "honeyhive";

export const TRACER = Symbol("TRACER");

@Module({
  providers: [{ provide: TRACER, scope: Scope.REQUEST, useFactory: () => HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "api" }) }],
  exports: [TRACER],
})
export class TracingModule {}
`, { filename: "src/tracing.module.ts", files: NEST }),
    c("Hono middleware c.set(\"tracer\", init) per request, c.get(\"tracer\") in the route", `import { Hono } from "hono";
import { HoneyHiveTracer } from "honeyhive";

const app = new Hono<{ Variables: { tracer: HoneyHiveTracer } }>();
app.use(async (c, next) => {
  c.set("tracer", HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" }));
  await next();
});
app.post("/chat", (c) => {
  c.get("tracer").createSession({ sessionName: "chat" });
  return c.json({ ok: true });
});
export default app;
`, { filename: "src/index.ts", files: HONO }),
    c("Express res.locals.tracer ??= init in a middleware (a new res per request)", `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

const app = express();
app.use((_req, res, next) => {
  res.locals.tracer ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
  next();
});
`, { filename: "src/server.ts", files: EXPRESS }),
    c("an app-written withTracing(handler) wrapper whose returned Lambda handler makes a tracer per invocation", `import { HoneyHiveTracer } from "honeyhive";

type Traced<E> = (event: E, tracer: HoneyHiveTracer) => Promise<unknown>;

function withTracing<E>(fn: Traced<E>) {
  return async (event: E) => {
    const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });
    try {
      return await fn(event, tracer);
    } finally {
      await tracer.forceFlush();
    }
  };
}

export const handler = withTracing(async (event: { id: string }, tracer) => {
  tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
});
`, { filename: "src/handler.ts", files: PLAIN }),
    c("a class owning a tracer field made with new Observability() inside a route", `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

class Observability {
  readonly tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
}

const app = express();
app.post("/chat", (req, res) => {
  const obs = new Observability();
  obs.tracer.createSession({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: EXPRESS }),
    c("a getter whose let is local to the call (caches nothing) called in a route", `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

function getTracer(): HoneyHiveTracer {
  let tracer: HoneyHiveTracer | undefined;
  tracer ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
  return tracer;
}

const app = express();
app.post("/chat", (req, res) => {
  getTracer().createSession({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: EXPRESS }),
  ];
  const quiet: Case[] = [
    c("lodash memoize around the factory, called in a route", `import express from "express";
import memoize from "lodash/memoize";
import { HoneyHiveTracer } from "honeyhive";

const getTracer = memoize(() => HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" }));

const app = express();
app.post("/chat", (req, res) => {
  getTracer().createSession({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: { "package.json": pkg({ ...HH2, express: "^4.21.2", lodash: "^4.17.21" }) } }),
    c("a tracer map keyed by tenant, filled once per tenant in a route", `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

const tracers = new Map<string, HoneyHiveTracer>();
function tracerFor(tenant: string): HoneyHiveTracer {
  let tracer = tracers.get(tenant);
  if (!tracer) {
    tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: tenant });
    tracers.set(tenant, tracer);
  }
  return tracer;
}

const app = express();
app.post("/:tenant/chat", (req, res) => {
  tracerFor(req.params.tenant).createSession({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: EXPRESS }),
    c("a Fastify plugin that decorates the instance with the tracer once (fastify-plugin)", `import fp from "fastify-plugin";
import { HoneyHiveTracer } from "honeyhive";

export default fp(async (fastify) => {
  fastify.decorate("tracer", HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" }));
  fastify.get("/health", async () => ({ ok: true }));
});
`, { filename: "src/plugins/tracer.ts", files: FASTIFY }),
    c("the Next.js dev cache in a route handler: globalThis.__hh ??= init (declare global)", `import { HoneyHiveTracer } from "honeyhive";

declare global {
  var __hh: HoneyHiveTracer | undefined;
}

export async function POST(request: Request) {
  const tracer = (globalThis.__hh ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "web" }));
  tracer.createSession({ sessionName: "chat" });
  return Response.json(await request.json());
}
`, { filename: "app/api/chat/route.ts", files: NEXT }),
    c("OpenTelemetry's trace.getTracer() in a route (not a tracer init)", `import express from "express";
import { trace } from "@opentelemetry/api";

const app = express();
app.post("/chat", (req, res) => {
  const tracer = trace.getTracer("chat");
  tracer.startActiveSpan("chat", (span) => {
    span.end();
    res.json(req.body);
  });
});
`, { filename: "src/server.ts", files: { "package.json": pkg({ express: "^4.21.2", "@opentelemetry/api": "^1.9.0" }) } }),
    c("tsyringe @singleton() Tracing resolved in a route (made once)", `import "reflect-metadata";
import express from "express";
import { HoneyHiveTracer } from "honeyhive";
import { container, singleton } from "tsyringe";

@singleton()
class Tracing {
  readonly tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
}

const app = express();
app.post("/chat", (req, res) => {
  container.resolve(Tracing).tracer.createSession({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: TSYRINGE }),
    c("a memoized promise on a module let (lazy async getter) awaited in a route", `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

let tracerPromise: Promise<HoneyHiveTracer> | undefined;
function getTracer(): Promise<HoneyHiveTracer> {
  tracerPromise ??= Promise.resolve().then(() => HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" }));
  return tracerPromise;
}

const app = express();
app.post("/chat", async (req, res) => {
  (await getTracer()).createSession({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: EXPRESS }),
  ];
  describeCases(INIT_RULE, initRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// require-force-flush-in-lambda: a Lambda that traces through a held tracer or an app-written wrapper.
describe(`${FLUSH_RULE} (blind 11, where the tracer lives)`, () => {
  const reported: Case[] = [
    c("a Lambda using obs.tracer (private #tracer behind get tracer()), no flush", `import { HoneyHiveTracer } from "honeyhive";

class Observability {
  readonly #tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });
  get tracer(): HoneyHiveTracer {
    return this.#tracer;
  }
}
const obs = new Observability();

export const handler = async (event: { id: string }) => {
  obs.tracer.createSession({ sessionName: "job-" + event.id });
  return { ok: true };
};
`, { filename: "src/handler.ts", files: PLAIN }),
    c("a Lambda using Observability.getInstance().tracer (static singleton of the file), no flush", `import { HoneyHiveTracer } from "honeyhive";

class Observability {
  private static instance?: Observability;
  readonly tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });
  static getInstance(): Observability {
    return (this.instance ??= new Observability());
  }
}

export const handler = async (event: { id: string }) => {
  Observability.getInstance().tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`, { filename: "src/handler.ts", files: PLAIN }),
    c("the singleton imported from the project's module (obs.tracer), no flush", `import { obs } from "./observability";

export const handler = async (event: { id: string }) => {
  obs.tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`, { filename: "src/handler.ts", files: { ...PLAIN, "src/observability.ts": OBSERVABILITY_TS } }),
    c("an app-written withSession(handler) wrapper: the exported handler is its returned function, no flush", `import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });

function withSession<E, R>(fn: (event: E) => Promise<R>) {
  return async (event: E): Promise<R> => {
    tracer.createSession({ sessionName: "job" });
    return fn(event);
  };
}

export const handler = withSession(async (event: { id: string }) => ({ id: event.id }));
`, { filename: "src/handler.ts", files: PLAIN }),
    c("curried makeHandler(tracer): the handler closes over the tracer parameter, no flush", `import { HoneyHiveTracer } from "honeyhive";

const makeHandler = (tracer: HoneyHiveTracer) => async (event: { id: string }) => {
  tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};

export const handler = makeHandler(HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" }));
`, { filename: "src/handler.ts", files: PLAIN }),
  ];
  const quiet: Case[] = [
    c("obs.tracer flushed in finally through the same holder", `import { HoneyHiveTracer } from "honeyhive";

class Observability {
  readonly #tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });
  get tracer(): HoneyHiveTracer {
    return this.#tracer;
  }
}
const obs = new Observability();

export const handler = async (event: { id: string }) => {
  try {
    obs.tracer.createSession({ sessionName: "job-" + event.id });
    return { ok: true };
  } finally {
    await obs.tracer.forceFlush();
  }
};
`, { filename: "src/handler.ts", files: PLAIN }),
    c("a let tracer: HoneyHiveTracer | undefined filled in the handler, flushed with await tracer?.forceFlush()", `import { HoneyHiveTracer } from "honeyhive";

let tracer: HoneyHiveTracer | undefined;

export const handler = async (event: { id: string }) => {
  try {
    tracer ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });
    tracer.enrichSession({ metadata: { id: event.id } });
    return { ok: true };
  } finally {
    await tracer?.forceFlush();
  }
};
`, { filename: "src/handler.ts", files: PLAIN }),
    c("Powertools Tracer held by an Observability class (another package's Tracer)", `import { Tracer } from "@aws-lambda-powertools/tracer";

class Observability {
  static readonly instance = new Observability();
  readonly tracer = new Tracer({ serviceName: "jobs" });
}

export const handler = async (event: { id: string }) => {
  Observability.instance.tracer.putAnnotation("id", event.id);
  return { ok: true };
};
`, { filename: "src/handler.ts", files: { "package.json": pkg({ "@aws-lambda-powertools/tracer": "^2.12.0" }) } }),
    c("an app-written withSession wrapper unrelated to HoneyHive (a DB session)", `import { MongoClient } from "mongodb";

const client = new MongoClient(process.env.MONGO_URL ?? "");

async function withSession<R>(fn: (session: ReturnType<MongoClient["startSession"]>) => Promise<R>): Promise<R> {
  const session = client.startSession();
  try {
    return await fn(session);
  } finally {
    await session.endSession();
  }
}

export const handler = async (event: { id: string }) => withSession(async () => ({ id: event.id }));
`, { filename: "src/handler.ts", files: { "package.json": pkg({ mongodb: "^6.12.0" }) } }),
  ];
  describeCases(FLUSH_RULE, flushRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// tracer-provider-for-instrumentors: a file whose HoneyHive tracer is held by a class, a global slot or a DI provider.
describe(`${PROVIDER_RULE} (blind 11, where the tracer lives)`, () => {
  const reported: Case[] = [
    c("a class owning the tracer registers instrumentations in its constructor without a provider", `import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { HoneyHiveTracer } from "honeyhive";

export class Observability {
  static readonly instance = new Observability();
  readonly tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "api" });
  private constructor() {
    registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });
  }
}
`, { filename: "src/observability.ts", files: OTEL }),
    c("the Next.js dev cache globalThis.__hh ??= init, then registerInstrumentations without a provider", `import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { HoneyHiveTracer } from "honeyhive";

declare global {
  var __hh: HoneyHiveTracer | undefined;
}

export const tracer = (globalThis.__hh ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "web" }));
registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });
`, { filename: "lib/tracer.ts", files: OTEL }),
    c("a lazy getTracer() with if (!tracer), then registerInstrumentations without a provider", `import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { HoneyHiveTracer } from "honeyhive";

let tracer: HoneyHiveTracer | undefined;
export function getTracer(): HoneyHiveTracer {
  if (!tracer) {
    tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "api" });
    registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });
  }
  return tracer;
}
`, { filename: "src/tracing.ts", files: OTEL }),
    c("a service constructed with the tracer: AI SDK generateText with experimental_telemetry and no tracer", `import { openai } from "@ai-sdk/openai";
import { generateText } from "ai";
import type { HoneyHiveTracer } from "honeyhive";

export class ChatService {
  constructor(private readonly tracer: HoneyHiveTracer) {}

  async answer(prompt: string) {
    this.tracer.enrichSession({ metadata: { prompt } });
    const { text } = await generateText({ model: openai("gpt-4o-mini"), prompt, experimental_telemetry: { isEnabled: true } });
    return text;
  }
}
`, { filename: "src/chat.service.ts", files: { "package.json": pkg({ ...HH2, ai: "^4.1.0", "@ai-sdk/openai": "^1.1.0" }) } }),
  ];
  const quiet: Case[] = [
    c("registerInstrumentations given Observability.instance.tracer.provider", `import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { HoneyHiveTracer } from "honeyhive";

export class Observability {
  static readonly instance = new Observability();
  readonly tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "api" });
}

registerInstrumentations({ tracerProvider: Observability.instance.tracer.provider, instrumentations: [new HttpInstrumentation()] });
`, { filename: "src/observability.ts", files: OTEL }),
    c("the service passes this.tracer.provider.getTracer(\"ai\") to the AI SDK", `import { openai } from "@ai-sdk/openai";
import { generateText } from "ai";
import type { HoneyHiveTracer } from "honeyhive";

export class ChatService {
  constructor(private readonly tracer: HoneyHiveTracer) {}

  async answer(prompt: string) {
    const { text } = await generateText({
      model: openai("gpt-4o-mini"),
      prompt,
      experimental_telemetry: { isEnabled: true, tracer: this.tracer.provider.getTracer("ai") },
    });
    return text;
  }
}
`, { filename: "src/chat.service.ts", files: { "package.json": pkg({ ...HH2, ai: "^4.1.0", "@ai-sdk/openai": "^1.1.0" }) } }),
    c("a plain OpenTelemetry app: an Observability class with OpenTelemetry's getTracer()", `import { trace } from "@opentelemetry/api";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";

export class Observability {
  static readonly instance = new Observability();
  readonly tracer = trace.getTracer("api");
}

registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });
`, { filename: "src/observability.ts", files: { "package.json": pkg({ ...INSTR, "@opentelemetry/api": "^1.9.0" }) } }),
    c("a NestJS TRACER token bound to dd-trace next to registerInstrumentations", `import { Module } from "@nestjs/common";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import tracer from "dd-trace";

export const TRACER = "TRACER";
registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });

@Module({ providers: [{ provide: TRACER, useFactory: () => tracer.init({ service: "api" }) }], exports: [TRACER] })
export class TracingModule {}
`, { filename: "src/tracing.module.ts", files: { "package.json": pkg({ ...INSTR, "@nestjs/common": "^10.4.0", "dd-trace": "^5.30.0" }) } }),
  ];
  describeCases(PROVIDER_RULE, providerRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// require-explicit-tracer: a file whose tracer is held by a class field, injected or cached globally.
describe(`${EXPLICIT_RULE} (blind 11, where the tracer lives)`, () => {
  const reported: Case[] = [
    c("a class holding the tracer in a field calls the free enrichSpan() in a method", `import { enrichSpan, HoneyHiveTracer } from "honeyhive";

export class Observability {
  readonly tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "api" });

  record(step: string) {
    enrichSpan({ metadata: { step } });
  }
}
`, { filename: "src/observability.ts", files: PLAIN }),
    c("a NestJS service with @Inject(TRACER) private readonly tracer: HoneyHiveTracer, trace() without tracer", `import { Inject, Injectable } from "@nestjs/common";
import { trace, type HoneyHiveTracer } from "honeyhive";
import { TRACER } from "./tracing.module";

@Injectable()
export class SearchService {
  constructor(@Inject(TRACER) private readonly tracer: HoneyHiveTracer) {}

  readonly search = trace({ eventType: "tool" }, async (query: string) => {
    this.tracer.enrichSession({ metadata: { query } });
    return [query];
  });
}
`, { filename: "src/search.service.ts", files: { ...NEST, "src/tracing.module.ts": NEST_TRACING_TS } }),
    c("the dev-cache tracer (globalThis.__hh ??= init) and a free enrichSession()", `import { enrichSession, HoneyHiveTracer } from "honeyhive";

declare global {
  var __hh: HoneyHiveTracer | undefined;
}

export const tracer = (globalThis.__hh ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "web" }));

export function finish(reply: string) {
  enrichSession({ outputs: { reply } });
}
`, { filename: "lib/tracer.ts", files: PLAIN }),
    c("the singleton imported from the project's module (obs), trace() without tracer", `import { trace } from "honeyhive";
import { obs } from "./observability";

export const lookup = trace({ eventType: "tool" }, async (id: string) => {
  obs.tracer.enrichSpan({ metadata: { id } });
  return { id };
});
`, { filename: "src/tools.ts", files: { ...PLAIN, "src/observability.ts": OBSERVABILITY_TS } }),
  ];
  const quiet: Case[] = [
    c("trace({ tracer: this.tracer }) in a service constructed with the tracer", `import { trace, type HoneyHiveTracer } from "honeyhive";

export class SearchService {
  constructor(private readonly tracer: HoneyHiveTracer) {}

  readonly search = trace({ eventType: "tool", tracer: this.tracer }, async (query: string) => [query]);
}
`, { filename: "src/search.service.ts", files: PLAIN }),
    c("trace({ tracer: Observability.getInstance().tracer }) with the class of the project's module", `import { trace } from "honeyhive";
import { Observability } from "./observability";

export const lookup = trace({ eventType: "tool", tracer: Observability.getInstance().tracer }, async (id: string) => ({ id }));
`, { filename: "src/tools.ts", files: { ...PLAIN, "src/observability.ts": OBSERVABILITY_TS } }),
    c("a NestJS service injecting a dd-trace TRACER: the free enrichSpan() in a file without HoneyHive's tracer", `import { Inject, Injectable } from "@nestjs/common";
import type { Tracer } from "dd-trace";
import { enrichSpan } from "honeyhive";
import { TRACER } from "./tracing.module";

@Injectable()
export class SearchService {
  constructor(@Inject(TRACER) private readonly tracer: Tracer) {}

  search(query: string) {
    enrichSpan({ metadata: { query } });
    return this.tracer.trace("search", () => [query]);
  }
}
`, { filename: "src/search.service.ts", files: { "package.json": pkg({ ...HH2, "@nestjs/common": "^10.4.0", "dd-trace": "^5.30.0" }), "src/tracing.module.ts": NEST_DD_TRACING_TS } }),
    c("a class holding OpenTelemetry's getTracer() and a user-defined trace()", `import { trace as otel } from "@opentelemetry/api";

function trace<T>(name: string, fn: () => T): T {
  return otel.getTracer("app").startActiveSpan(name, (span) => {
    try {
      return fn();
    } finally {
      span.end();
    }
  });
}

export class Observability {
  readonly tracer = otel.getTracer("api");
  run() {
    return trace("run", () => 1);
  }
}
`, { filename: "src/observability.ts", files: { "package.json": pkg({ "@opentelemetry/api": "^1.9.0" }) } }),
  ];
  describeCases(EXPLICIT_RULE, explicitRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// no-global-tracer-with-evaluate: a held tracer bound to, or acting in, the code evaluate() runs.
describe(`${EVALUATE_RULE} (blind 11, where the tracer lives)`, () => {
  const reported: Case[] = [
    c("trace({ tracer: obs.tracer }) given to evaluate(), obs a const object literal", `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const obs = { tracer: HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "evals" }) };
const answer = trace({ eventType: "chain", tracer: obs.tracer }, async (datapoint: { inputs: { q: string } }) => ({ a: datapoint.inputs.q }));

await evaluate({ function: answer, dataset: [{ inputs: { q: "2 + 2?" } }], name: "holder" });
`, { filename: "src/eval.ts", files: PLAIN }),
    c("Observability.instance.tracer.enrichSession() inside the evaluated function (static instance of the file)", `import { HoneyHiveTracer } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

class Observability {
  static readonly instance = new Observability();
  readonly tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "evals" });
}

await evaluate({
  function: async (datapoint: { inputs: { q: string } }) => {
    Observability.instance.tracer.enrichSession({ metadata: { q: datapoint.inputs.q } });
    return { a: datapoint.inputs.q };
  },
  dataset: [{ inputs: { q: "2 + 2?" } }],
  name: "static-instance",
});
`, { filename: "src/eval.ts", files: PLAIN }),
    c("a lazy getTracer() (if (!tracer)) whose startSpan runs inside the evaluated function", `import { HoneyHiveTracer } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

let tracer: HoneyHiveTracer | undefined;
function getTracer(): HoneyHiveTracer {
  if (!tracer) tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "evals" });
  return tracer;
}

await evaluate({
  function: async (datapoint: { inputs: { q: string } }) => {
    const span = getTracer().startSpan("answer");
    span.end();
    return { a: datapoint.inputs.q };
  },
  dataset: [{ inputs: { q: "2 + 2?" } }],
  name: "lazy",
});
`, { filename: "src/eval.ts", files: PLAIN }),
    c("a service constructed with the tracer (new ChatService(tracer)); its method enriches the session in evaluated code", `import { HoneyHiveTracer } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

class ChatService {
  constructor(private readonly tracer: HoneyHiveTracer) {}
  async answer(q: string) {
    this.tracer.enrichSession({ metadata: { q } });
    return { a: q };
  }
}

const service = new ChatService(HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "evals" }));

await evaluate({
  function: (datapoint: { inputs: { q: string } }) => service.answer(datapoint.inputs.q),
  dataset: [{ inputs: { q: "2 + 2?" } }],
  name: "service",
});
`, { filename: "src/eval.ts", files: PLAIN }),
  ];
  const quiet: Case[] = [
    c("the evaluated function only enriches the active span through the exported holder (enrichSpan is fine)", `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

export const obs = { tracer: HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "evals" }) };

const answer = trace({ eventType: "chain" }, async (datapoint: { inputs: { q: string } }) => {
  obs.tracer.enrichSpan({ metadata: { q: datapoint.inputs.q } });
  return { a: datapoint.inputs.q };
});

await evaluate({ function: answer, dataset: [{ inputs: { q: "2 + 2?" } }], name: "span-only" });
`, { filename: "src/eval.ts", files: PLAIN }),
    c("a user withSession() unrelated to HoneyHive inside the evaluated function", `import { trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const sessions = new Map<string, number>();
function withSession<T>(name: string, fn: () => Promise<T>): Promise<T> {
  sessions.set(name, (sessions.get(name) ?? 0) + 1);
  return fn();
}

const answer = trace({ eventType: "chain" }, (datapoint: { inputs: { q: string } }) => withSession("db", async () => ({ a: datapoint.inputs.q })));

await evaluate({ function: answer, dataset: [{ inputs: { q: "2 + 2?" } }], name: "user-with-session" });
`, { filename: "src/eval.ts", files: PLAIN }),
    c("an Observability class holding OpenTelemetry's tracer, used in the evaluated function", `import { trace as otel } from "@opentelemetry/api";
import { evaluate } from "honeyhive/experiments";

class Observability {
  static readonly instance = new Observability();
  readonly tracer = otel.getTracer("evals");
}

await evaluate({
  function: async (datapoint: { inputs: { q: string } }) => {
    const span = Observability.instance.tracer.startSpan("answer");
    span.end();
    return { a: datapoint.inputs.q };
  },
  dataset: [{ inputs: { q: "2 + 2?" } }],
  name: "otel",
});
`, { filename: "src/eval.ts", files: { "package.json": pkg({ ...HH2, "@opentelemetry/api": "^1.9.0" }) } }),
  ];
  describeCases(EVALUATE_RULE, evaluateRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// no-lost-session-context: a held tracer's createSession() where it cannot reach the handler.
describe(`${LOST_CONTEXT_RULE} (blind 11, where the tracer lives)`, () => {
  const reported: Case[] = [
    c("Fastify async preHandler: await, then request.server.tracer.createSession() (decorated tracer)", `import Fastify from "fastify";
import { HoneyHiveTracer } from "honeyhive";

const app = Fastify();
app.decorate("tracer", HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" }));

app.addHook("preHandler", async (request) => {
  await request.jwtVerify?.();
  request.server.tracer.createSession({ sessionName: "chat" });
});

app.post("/chat", async () => ({ ok: true }));
`, { filename: "src/server.ts", files: FASTIFY }),
    c("Express middleware: obs.tracer.createSession() in a setTimeout while next() runs outside", `import express from "express";
import { obs } from "./observability";

const app = express();
app.use((_req, _res, next) => {
  setTimeout(() => obs.tracer.createSession({ sessionName: "chat" }), 0);
  next();
});
app.post("/chat", (req, res) => res.json(req.body));
`, { filename: "src/server.ts", files: { ...EXPRESS, "src/observability.ts": OBSERVABILITY_TS } }),
    c("Fastify async onRequest: await, then this.tracer of a class instance's createSession()", `import Fastify from "fastify";
import { HoneyHiveTracer } from "honeyhive";

class Observability {
  static readonly instance = new Observability();
  readonly tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
}

const app = Fastify();
app.addHook("onRequest", async (request) => {
  await Promise.resolve(request.id);
  Observability.instance.tracer.createSession({ sessionName: "chat" });
});
app.post("/chat", async () => ({ ok: true }));
`, { filename: "src/server.ts", files: FASTIFY }),
    c("Koa: ctx.tracer (app.context) createSession() in a .then while await next() runs outside", `import Koa from "koa";
import { HoneyHiveTracer } from "honeyhive";

const app = new Koa();
app.context.tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });

app.use(async (ctx, next) => {
  void Promise.resolve().then(() => ctx.tracer.createSession({ sessionName: "chat" }));
  await next();
});
`, { filename: "src/server.ts", files: KOA }),
  ];
  const quiet: Case[] = [
    c("Express middleware: obs.tracer.createSession() then next()", `import express from "express";
import { obs } from "./observability";

const app = express();
app.use((_req, _res, next) => {
  obs.tracer.createSession({ sessionName: "chat" });
  next();
});
app.post("/chat", (req, res) => res.json(req.body));
`, { filename: "src/server.ts", files: { ...EXPRESS, "src/observability.ts": OBSERVABILITY_TS } }),
    c("Fastify async hook: await, then a local Tracer class's createSession() (in-house store)", `import Fastify from "fastify";
import { Observability } from "./observability";

const app = Fastify();
app.addHook("preHandler", async (request) => {
  await Promise.resolve(request.id);
  Observability.instance.tracer.createSession({ sessionName: "chat" });
});
app.post("/chat", async () => ({ ok: true }));
`, { filename: "src/server.ts", files: { ...FASTIFY, "src/observability.ts": LOCAL_TRACER_TS } }),
    c("Express middleware: a user withSession() (DB) in a setTimeout", `import express from "express";

const store = new Map<string, number>();
function withSession(name: string): void {
  store.set(name, Date.now());
}

const app = express();
app.use((_req, _res, next) => {
  setTimeout(() => withSession("chat"), 0);
  next();
});
app.post("/chat", (req, res) => res.json(req.body));
`, { filename: "src/server.ts", files: EXPRESS }),
  ];
  describeCases(LOST_CONTEXT_RULE, lostContextRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// require-valid-session-id: a request's id reaching a held tracer's createSession() unchecked.
describe(`${SESSION_ID_RULE} (blind 11, where the tracer lives)`, () => {
  const reported: Case[] = [
    c("Express: obs.tracer.createSession({ sessionId: req.header(…) }) with the project's singleton", `import express from "express";
import { obs } from "./observability";

const app = express();
app.post("/chat", (req, res) => {
  obs.tracer.createSession({ sessionId: req.header("x-session-id"), skipApiCall: true });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: { ...EXPRESS, "src/observability.ts": OBSERVABILITY_TS } }),
    c("NestJS: @Inject(TRACER) tracer's createSession({ sessionId: body.sessionId }) with @Body()", `import { Body, Controller, Inject, Post } from "@nestjs/common";
import type { HoneyHiveTracer } from "honeyhive";
import { TRACER } from "./tracing.module";

@Controller("chat")
export class ChatController {
  constructor(@Inject(TRACER) private readonly tracer: HoneyHiveTracer) {}

  @Post()
  chat(@Body() body: { sessionId: string; message: string }) {
    this.tracer.createSession({ sessionId: body.sessionId, skipApiCall: true });
    return { reply: body.message };
  }
}
`, { filename: "src/chat.controller.ts", files: { ...NEST, "src/tracing.module.ts": NEST_TRACING_TS } }),
    c("Fastify: request.server.tracer (decorated) given the header's id", `import Fastify from "fastify";
import { HoneyHiveTracer } from "honeyhive";

const app = Fastify();
app.decorate("tracer", HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" }));

app.post("/chat", async (request) => {
  request.server.tracer.createSession({ sessionId: request.headers["x-session-id"] as string, skipApiCall: true });
  return { ok: true };
});
`, { filename: "src/server.ts", files: FASTIFY }),
    c("Hono: c.get(\"tracer\") (set once from a module tracer) given c.req.header(…)", `import { Hono } from "hono";
import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
const app = new Hono<{ Variables: { tracer: HoneyHiveTracer } }>();
app.use(async (c, next) => {
  c.set("tracer", tracer);
  await next();
});
app.post("/chat", (c) => {
  c.get("tracer").createSession({ sessionId: c.req.header("x-session-id"), skipApiCall: true });
  return c.json({ ok: true });
});
export default app;
`, { filename: "src/index.ts", files: HONO }),
    c("a service constructed with the tracer: chats.open(req.body.sid) reaching this.tracer.createSession", `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

class Chats {
  constructor(private readonly tracer: HoneyHiveTracer) {}
  open(sessionId: string) {
    return this.tracer.createSession({ sessionId, skipApiCall: true });
  }
}

const chats = new Chats(HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" }));
const app = express();
app.post("/chat", (req, res) => {
  chats.open(req.body.sid);
  res.json({ ok: true });
});
`, { filename: "src/server.ts", files: EXPRESS }),
  ];
  const quiet: Case[] = [
    c("obs.tracer given toSessionId(req.header(…))", `import express from "express";
import { toSessionId } from "honeyhive";
import { obs } from "./observability";

const app = express();
app.post("/chat", (req, res) => {
  obs.tracer.createSession({ sessionId: toSessionId(req.header("x-session-id") ?? "anonymous"), skipApiCall: true });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: { ...EXPRESS, "src/observability.ts": OBSERVABILITY_TS } }),
    c("a local Tracer class (in-house store) held by Observability.instance.tracer, given req.body.sid", `import express from "express";
import { Observability } from "./observability";

const app = express();
app.post("/chat", (req, res) => {
  Observability.instance.tracer.createSession({ sessionId: req.body.sid });
  res.json({ ok: true });
});
`, { filename: "src/server.ts", files: { ...EXPRESS, "src/observability.ts": LOCAL_TRACER_TS } }),
    c("a user withSession({ sessionId }) unrelated to HoneyHive given req.body.sid", `import express from "express";

const open = new Map<string, number>();
function withSession(options: { sessionId: string }, fn: () => void): void {
  open.set(options.sessionId, Date.now());
  fn();
}

const app = express();
app.post("/chat", (req, res) => {
  withSession({ sessionId: req.body.sid }, () => res.json({ ok: true }));
});
`, { filename: "src/server.ts", files: EXPRESS }),
    c("NestJS: the injected tracer given isSessionId-checked body.sessionId", `import { BadRequestException, Body, Controller, Inject, Post } from "@nestjs/common";
import { isSessionId, type HoneyHiveTracer } from "honeyhive";
import { TRACER } from "./tracing.module";

@Controller("chat")
export class ChatController {
  constructor(@Inject(TRACER) private readonly tracer: HoneyHiveTracer) {}

  @Post()
  chat(@Body() body: { sessionId: string }) {
    if (!isSessionId(body.sessionId)) throw new BadRequestException("bad session id");
    this.tracer.createSession({ sessionId: body.sessionId, skipApiCall: true });
    return { ok: true };
  }
}
`, { filename: "src/chat.controller.ts", files: { ...NEST, "src/tracing.module.ts": NEST_TRACING_TS } }),
  ];
  describeCases(SESSION_ID_RULE, sessionIdRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// Second batch (written after the first run, against the knowledge tables' lists: a container and cache wrappers they
// do not name). TypeDI (typestack/typedi docs/typescript/02-basic-usage-guide.md, "Singleton vs transient classes":
// "Every registered service by default is a singleton. Meaning repeated calls to `Container.get(MyClass)` will return
// the same instance ... a class can be marked as `transient` via the `@Service()` decorator", `@Service({ transient:
// true })`), and the seed's `@lru_cache(maxsize=1) def get_tracer()` written with a JS memoizer.
const typediTracing = (options: string): string => `import "reflect-metadata";
import express from "express";
import { HoneyHiveTracer } from "honeyhive";
import { Container, Service } from "typedi";

@Service(${options})
class Tracing {
  readonly tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
}

const app = express();
`;
describe(`${SESSION_START_RULE} (blind 11, second batch: TypeDI, memoized getters)`, () => {
  const reported: Case[] = [
    c("TypeDI @Service() (a singleton by default): Container.get(Tracing).tracer.sessionStart() in a route", `${typediTracing("")}app.post("/chat", (req, res) => {
  Container.get(Tracing).tracer.sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: TYPEDI }),
    c("the seed's cached getter written with lodash memoize: getTracer().sessionStart() in a route", `import express from "express";
import memoize from "lodash/memoize";
import { HoneyHiveTracer } from "honeyhive";

const getTracer = memoize(() => HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" }));

const app = express();
app.post("/chat", (req, res) => {
  getTracer().sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: { "package.json": pkg({ ...HH2, express: "^4.21.2", lodash: "^4.17.21" }) } }),
  ];
  const quiet: Case[] = [
    c("TypeDI @Service({ transient: true }): Container.get(Tracing) makes the tracer per get, its own session", `${typediTracing("{ transient: true }")}app.post("/chat", (req, res) => {
  Container.get(Tracing).tracer.sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: TYPEDI }),
  ];
  describeCases(SESSION_START_RULE, sessionStartRule as AnyRule, { reported, quiet });
});

describe(`${INIT_RULE} (blind 11, second batch: TypeDI)`, () => {
  const reported: Case[] = [
    c("TypeDI @Service({ transient: true }) resolved in a route: a tracer per request", `${typediTracing("{ transient: true }")}app.post("/chat", (req, res) => {
  Container.get(Tracing).tracer.createSession({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: TYPEDI }),
  ];
  const quiet: Case[] = [
    c("TypeDI @Service() resolved in a route: made once", `${typediTracing("")}app.post("/chat", (req, res) => {
  Container.get(Tracing).tracer.createSession({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: TYPEDI }),
    c("a Container/Service pair of another package (a local DI helper) resolved in a route", `import express from "express";
import { HoneyHiveTracer } from "honeyhive";
import { Container, Service } from "./di";

@Service({ transient: true })
class Tracing {
  readonly tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
}

const tracing = Container.get(Tracing);
const app = express();
app.post("/chat", (req, res) => {
  tracing.tracer.createSession({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: { ...EXPRESS, "src/di.ts": `export function Service(_options?: object) {\n  return (_target: unknown) => undefined;\n}\nexport const Container = { get<T>(cls: new () => T): T { return new cls(); } };\n` } }),
  ];
  describeCases(INIT_RULE, initRule as AnyRule, { reported, quiet });
});

describe(`${FLUSH_RULE} (blind 11, second batch: memoized getters)`, () => {
  const reported: Case[] = [
    c("a Lambda using a lodash once() getter (the seed's lru_cache), no flush", `import once from "lodash/once";
import { HoneyHiveTracer } from "honeyhive";

const getTracer = once(() => HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" }));

export const handler = async (event: { id: string }) => {
  getTracer().enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`, { filename: "src/handler.ts", files: { "package.json": pkg({ ...HH2, lodash: "^4.17.21" }) } }),
  ];
  const quiet: Case[] = [
    c("a memoized OpenTelemetry getTracer() in a Lambda (not HoneyHive's)", `import { trace } from "@opentelemetry/api";
import memoize from "lodash/memoize";

const getTracer = memoize(() => trace.getTracer("jobs"));

export const handler = async (event: { id: string }) => {
  getTracer().startActiveSpan("job", (span) => span.end());
  return { id: event.id };
};
`, { filename: "src/handler.ts", files: { "package.json": pkg({ "@opentelemetry/api": "^1.9.0", lodash: "^4.17.21" }) } }),
  ];
  describeCases(FLUSH_RULE, flushRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// Third batch: `satisfies` / `as` casts and `!` on the way from the tracer to the call (TypeScript erases them).
describe(`${SESSION_START_RULE} (blind 11, casts)`, () => {
  const reported: Case[] = [
    c("(tracer as HoneyHiveTracer).sessionStart() in a route whose handler is cast to RequestHandler", `import express, { type RequestHandler } from "express";
import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" }) satisfies HoneyHiveTracer;
const app = express();
app.post("/chat", ((req, res) => {
  (tracer as HoneyHiveTracer).sessionStart({ sessionName: "chat" });
  res.json(req.body);
}) as RequestHandler);
`, { filename: "src/server.ts", files: EXPRESS }),
  ];
  describeCases(SESSION_START_RULE, sessionStartRule as AnyRule, { reported, quiet: [] });
});

describe(`${FLUSH_RULE} (blind 11, casts)`, () => {
  const reported: Case[] = [
    c("export const handler = (async (event) => …) satisfies Handler, a held tracer read through obs!.tracer", `import type { Handler } from "aws-lambda";
import { HoneyHiveTracer } from "honeyhive";

const obs = { tracer: HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" }) } as const;

export const handler = (async (event: { id: string }) => {
  obs!.tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
}) satisfies Handler<{ id: string }, { ok: boolean }>;
`, { filename: "src/handler.ts", files: PLAIN }),
  ];
  const quiet: Case[] = [
    c("the same handler flushing (tracer as HoneyHiveTracer).forceFlush() in finally", `import type { Handler } from "aws-lambda";
import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });

export const handler = (async (event: { id: string }) => {
  try {
    tracer.enrichSession({ metadata: { id: event.id } });
    return { ok: true };
  } finally {
    await (tracer as HoneyHiveTracer).forceFlush();
  }
}) satisfies Handler<{ id: string }, { ok: boolean }>;
`, { filename: "src/handler.ts", files: PLAIN }),
  ];
  describeCases(FLUSH_RULE, flushRule as AnyRule, { reported, quiet });
});

describe(`${EVALUATE_RULE} (blind 11, casts)`, () => {
  const reported: Case[] = [
    c("evaluate({ … } satisfies EvaluateOptions) with trace({ tracer: tracer as HoneyHiveTracer }, fn)", `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate, type EvaluateOptions } from "honeyhive/experiments";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "evals" });
const answer = trace({ eventType: "chain", tracer: tracer as HoneyHiveTracer }, async (datapoint: { inputs: { q: string } }) => ({ a: datapoint.inputs.q }));

await evaluate({ function: answer, dataset: [{ inputs: { q: "2 + 2?" } }], name: "casts" } satisfies EvaluateOptions<{ q: string }>);
`, { filename: "src/eval.ts", files: PLAIN }),
  ];
  describeCases(EVALUATE_RULE, evaluateRule as AnyRule, { reported, quiet: [] });
});

describe(`${SESSION_ID_RULE} (blind 11, casts)`, () => {
  const reported: Case[] = [
    c("createSession({ sessionId: req.headers[\"x-session-id\"] as string }) on obs.tracer! of a const holder", `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

const obs: { tracer?: HoneyHiveTracer } = { tracer: HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" }) };
const app = express();
app.post("/chat", (req, res) => {
  obs.tracer!.createSession({ sessionId: req.headers["x-session-id"] as string, skipApiCall: true });
  res.json({ ok: true });
});
`, { filename: "src/server.ts", files: EXPRESS }),
  ];
  describeCases(SESSION_ID_RULE, sessionIdRule as AnyRule, { reported, quiet: [] });
});

// ---------------------------------------------------------------------------------------------------
// Fourth batch: middleware factories that take the tracer (`app.use(sessionMiddleware(tracer))`), the returned
// function being the middleware; and a factory that makes its tracer once, when the app registers it (quiet).
const SESSION_MIDDLEWARE_TS = (call: string): string => `import express, { type RequestHandler } from "express";
import { HoneyHiveTracer } from "honeyhive";

function sessionMiddleware(tracer: HoneyHiveTracer): RequestHandler {
  return (req, _res, next) => {
    ${call}
    next();
  };
}

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
const app = express();
app.use(sessionMiddleware(tracer));
app.post("/chat", (req, res) => res.json(req.body));
`;
describe(`${SESSION_START_RULE} (blind 11, middleware factories)`, () => {
  const reported: Case[] = [
    c("app.use(sessionMiddleware(tracer)): the returned middleware calls tracer.sessionStart()", SESSION_MIDDLEWARE_TS(`tracer.sessionStart({ sessionName: "api-" + req.path });`), { filename: "src/server.ts", files: EXPRESS }),
  ];
  describeCases(SESSION_START_RULE, sessionStartRule as AnyRule, { reported, quiet: [] });
});

describe(`${SESSION_ID_RULE} (blind 11, middleware factories)`, () => {
  const reported: Case[] = [
    c("app.use(sessionMiddleware(tracer)): the returned middleware passes req.header(\"x-session-id\") to createSession", SESSION_MIDDLEWARE_TS(`tracer.createSession({ sessionId: req.header("x-session-id"), skipApiCall: true });`), { filename: "src/server.ts", files: EXPRESS }),
  ];
  const quiet: Case[] = [
    c("app.use(sessionMiddleware(tracer)): the returned middleware converts the id with toSessionId()", SESSION_MIDDLEWARE_TS(`tracer.createSession({ sessionId: toSessionId(req.header("x-session-id") ?? "anonymous"), skipApiCall: true });`).replace("import { HoneyHiveTracer }", "import { HoneyHiveTracer, toSessionId }"), { filename: "src/server.ts", files: EXPRESS }),
  ];
  describeCases(SESSION_ID_RULE, sessionIdRule as AnyRule, { reported, quiet });
});

describe(`${LOST_CONTEXT_RULE} (blind 11, middleware factories)`, () => {
  const reported: Case[] = [
    c("app.use(sessionMiddleware(tracer)): the returned middleware creates the session in a setTimeout, next() outside", SESSION_MIDDLEWARE_TS(`setTimeout(() => tracer.createSession({ sessionName: "chat" }), 0);`), { filename: "src/server.ts", files: EXPRESS }),
  ];
  const quiet: Case[] = [
    c("app.use(sessionMiddleware(tracer)): the returned middleware creates the session, then next()", SESSION_MIDDLEWARE_TS(`tracer.createSession({ sessionName: "chat" });`), { filename: "src/server.ts", files: EXPRESS }),
  ];
  describeCases(LOST_CONTEXT_RULE, lostContextRule as AnyRule, { reported, quiet });
});

describe(`${INIT_RULE} (blind 11, middleware factories)`, () => {
  const reported: Case[] = [
    c("a middleware factory whose returned middleware makes the tracer (per request)", `import express, { type RequestHandler } from "express";
import { HoneyHiveTracer } from "honeyhive";

function tracing(project: string): RequestHandler {
  return (req, res, next) => {
    res.locals.tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project });
    next();
  };
}

const app = express();
app.use(tracing("chat"));
app.post("/chat", (req, res) => res.json(req.body));
`, { filename: "src/server.ts", files: EXPRESS }),
  ];
  const quiet: Case[] = [
    c("a middleware factory that makes the tracer once, when app.use() calls it at startup", `import express, { type RequestHandler } from "express";
import { HoneyHiveTracer } from "honeyhive";

function tracing(project: string): RequestHandler {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project });
  return (req, res, next) => {
    res.locals.tracer = tracer;
    tracer.createSession({ sessionName: "api-" + req.path });
    next();
  };
}

const app = express();
app.use(tracing("chat"));
app.post("/chat", (req, res) => res.json(req.body));
`, { filename: "src/server.ts", files: EXPRESS }),
  ];
  describeCases(INIT_RULE, initRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// Fifth batch: Express context objects carrying the module tracer to the routes (`req.tracer`, `res.locals.tracer`,
// `app.locals.tracer` read as `req.app.locals.tracer`): every request reads the one shared tracer.
const expressCarrier = (set: string, read: string): string => `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

declare global {
  namespace Express {
    interface Request {
      tracer?: HoneyHiveTracer;
    }
  }
}

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
const app = express();
${set}
app.post("/chat", (req, res) => {
  ${read}.sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
`;
describe(`${SESSION_START_RULE} (blind 11, Express context objects)`, () => {
  const reported: Case[] = [
    c("req.tracer set to the module tracer by an app middleware, req.tracer!.sessionStart() in a route", expressCarrier(`app.use((req, _res, next) => {\n  req.tracer = tracer;\n  next();\n});`, "req.tracer!"), { filename: "src/server.ts", files: EXPRESS }),
    c("res.locals.tracer set to the module tracer by an app middleware, read in a route", expressCarrier(`app.use((_req, res, next) => {\n  res.locals.tracer = tracer;\n  next();\n});`, "res.locals.tracer"), { filename: "src/server.ts", files: EXPRESS }),
    c("app.locals.tracer set at startup, req.app.locals.tracer.sessionStart() in a route", expressCarrier(`app.locals.tracer = tracer;`, "req.app.locals.tracer"), { filename: "src/server.ts", files: EXPRESS }),
  ];
  const quiet: Case[] = [
    c("req.tracer made per request by an app middleware (its own tracer, its own session)", expressCarrier(`app.use((req, _res, next) => {\n  req.tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });\n  next();\n});`, "req.tracer!"), { filename: "src/server.ts", files: EXPRESS }),
  ];
  describeCases(SESSION_START_RULE, sessionStartRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// Sixth batch: destructured methods. The tracer's methods are class methods that read private state (sdk/tracer.ts
// `createSession()` calls `this.#openSession`, `forceFlush()` `this.#flush`): `const { forceFlush } = tracer;
// await forceFlush()` rejects with a TypeError and flushes nothing. The docs say nothing about unbound methods; the
// correct reading of the flush rule is that such a call is no flush.
describe(`${FLUSH_RULE} (blind 11, destructured methods)`, () => {
  const reported: Case[] = [
    c("const { forceFlush } = tracer; await forceFlush() in finally (unbound: rejects, flushes nothing)", `import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });
const { forceFlush } = tracer;

export const handler = async (event: { id: string }) => {
  try {
    tracer.enrichSession({ metadata: { id: event.id } });
    return { ok: true };
  } finally {
    await forceFlush();
  }
};
`, { filename: "src/handler.ts", files: PLAIN }),
  ];
  const quiet: Case[] = [
    c("const forceFlush = tracer.forceFlush.bind(tracer); await forceFlush() in finally", `import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });
const forceFlush = tracer.forceFlush.bind(tracer);

export const handler = async (event: { id: string }) => {
  try {
    tracer.enrichSession({ metadata: { id: event.id } });
    return { ok: true };
  } finally {
    await forceFlush();
  }
};
`, { filename: "src/handler.ts", files: PLAIN }),
  ];
  describeCases(FLUSH_RULE, flushRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// Seventh batch: caches by tenant and memoized promises, as holders of a shared tracer.
const TENANT_MAP_TS = `import { HoneyHiveTracer } from "honeyhive";

const tracers = new Map<string, HoneyHiveTracer>();
function tracerFor(tenant: string): HoneyHiveTracer {
  let tracer = tracers.get(tenant);
  if (!tracer) {
    tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: tenant });
    tracers.set(tenant, tracer);
  }
  return tracer;
}
`;
describe(`${SESSION_START_RULE} (blind 11, caches by key and memoized promises)`, () => {
  const reported: Case[] = [
    c("tracerFor(tenant).sessionStart() in a route: the tenant's cached tracer is shared by its requests", `import express from "express";
${TENANT_MAP_TS}
const app = express();
app.post("/:tenant/chat", (req, res) => {
  tracerFor(req.params.tenant).sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: EXPRESS }),
    c("(await getTracer()).sessionStart() of a memoized promise of an async factory (tracerPromise ??= createTracer())", `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

async function createTracer(): Promise<HoneyHiveTracer> {
  return HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
}

let tracerPromise: Promise<HoneyHiveTracer> | undefined;
function getTracer(): Promise<HoneyHiveTracer> {
  tracerPromise ??= createTracer();
  return tracerPromise;
}

const app = express();
app.post("/chat", async (req, res) => {
  (await getTracer()).sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: EXPRESS }),
    c("(await getTracer()).sessionStart() of a lazily imported SDK (tracerPromise ??= import(\"honeyhive\").then(…))", `import express from "express";
import type { HoneyHiveTracer } from "honeyhive";

let tracerPromise: Promise<HoneyHiveTracer> | undefined;
function getTracer(): Promise<HoneyHiveTracer> {
  tracerPromise ??= import("honeyhive").then(({ HoneyHiveTracer }) => HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" }));
  return tracerPromise;
}

const app = express();
app.post("/chat", async (req, res) => {
  (await getTracer()).sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: EXPRESS }),
  ];
  describeCases(SESSION_START_RULE, sessionStartRule as AnyRule, { reported, quiet: [] });
});

describe(`${FLUSH_RULE} (blind 11, caches by key)`, () => {
  const reported: Case[] = [
    c("a Lambda tracing through tracerFor(event.tenant), no flush", `${TENANT_MAP_TS}
export const handler = async (event: { tenant: string; id: string }) => {
  tracerFor(event.tenant).enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`, { filename: "src/handler.ts", files: PLAIN }),
  ];
  const quiet: Case[] = [
    c("the same Lambda flushing the tenant's tracer in finally", `${TENANT_MAP_TS}
export const handler = async (event: { tenant: string; id: string }) => {
  const tracer = tracerFor(event.tenant);
  try {
    tracer.enrichSession({ metadata: { id: event.id } });
    return { ok: true };
  } finally {
    await tracer.forceFlush();
  }
};
`, { filename: "src/handler.ts", files: PLAIN }),
  ];
  describeCases(FLUSH_RULE, flushRule as AnyRule, { reported, quiet });
});
