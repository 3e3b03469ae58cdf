// Blind cases, round 16r: ISSUE 16's FOUR RULES ON SHAPES NOBODY HERE HAD WRITTEN. Each program
// (rules/test-utils/blind-16r-programs.ts, shared with codemods/blind-16r.test.ts) is linted with ALL EIGHT rules at
// once and asserts the exact messages, `rule:line` (short names: rules/test-utils/blind-cases.ts), written from the
// seeds, docs/rules/*.md and docs/codemods.md BEFORE the first run; where the first run disagreed, the case says who
// was wrong.
import { rules } from "./index.js";
import { describeProgramRound, type AnyRule, type ProgramCase } from "./test-utils/blind-cases.js";
import * as programs from "./test-utils/blind-16r-programs.js";

type Name = keyof typeof programs;

/** A program of the shared module, what it is, and the messages expected on it. */
const c = (name: Name, title: string, expected: readonly string[]): ProgramCase<Name> => ({ name, title, expected });

const TRACER_INIT = [
  c("FASTIFY_ON_REQUEST_INIT", "HoneyHiveTracer.init in a Fastify onRequest hook", ["init:7"]),
  c("NEST_REQUEST_SCOPED", "a field initializer of a NestJS Scope.REQUEST provider", ["init:6"]),
  c("APOLLO_CONTEXT", "Apollo Server 4 startStandaloneServer context factory", ["init:17"]),
  // Our miss (first run: nothing): an adapter's createContext was no per-request place (knowledge/frameworks/trpc.ts
  // had the procedures only); it is now `trpcContext`. The next three were written after that fix.
  c("TRPC_CREATE_CONTEXT", "tRPC createContext given to createExpressMiddleware", ["init:7"]),
  c("TRPC_CONTEXT_CACHED", "tRPC standalone createContext caching the tracer with ??=", []),
  c("TRPC_FETCH_IN_NEXT_ROUTE", "tRPC fetch adapter's inline createContext in a Next.js route", ["init:10"]),
  c("TRPC_CONTEXT_SESSION_ID", "a header read from createContext's req into createSession", ["sid:12"]),
  // Written after the Fastify plugin (register's trpcOptions) was added to trpcContext; without it: nothing.
  c("TRPC_FASTIFY_PLUGIN", "sessionStart in the createContext of fastifyTRPCPlugin's trpcOptions", ["start:7"]),
  c("NEXT_ROUTE_HELPER_MODULE", "Next.js route calling a factory of @/lib that inits on every call", ["init:5"]),
  c("LODASH_MEMOIZE", "lodash/memoize getter used in an Express router", []),
  c("LODASH_ONCE", "lodash once getter used in a pg-boss worker", []),
  c("P_MEMOIZE", "p-memoize tracer per project in a Hono route", []),
  c("LOGICAL_OR_ASSIGN", "module let cached with ||= in a getter, Koa middleware", []),
  c("STATIC_FIELD_TRACER", "a class static field tracer used in an Express route", []),
  // Written after the first run, as were the four below marked so.
  c("PROJECT_MEMOIZE_WRAPPER", "a project's own caching wrapper (a wrapper the rule does not know)", []),
  c("LISTEN_CALLBACK_INIT", "an init in app.listen's callback, which runs once", []),
  c("LOOP_OVER_DATAPOINTS", "a tracer per datapoint in a for-of loop of a script", ["init:6"]),
  c("EVALUATE_INIT_IN_FUNCTION", "HoneyHiveTracer.init in the function evaluate() runs", ["init:4"]),
];

const INSTRUMENTATIONS = [
  c("REGISTER_WITHOUT_PROVIDER", "registerInstrumentations without tracerProvider", ["provider:7"]),
  c("REGISTER_WITH_PROVIDER", "registerInstrumentations with tracerProvider: tracer.provider", []),
  c("OPENINFERENCE_MANUAL", "new OpenAIInstrumentation().manuallyInstrument(OpenAI) in place", ["provider:5"]),
  c("TRACELOOP_IN_VARIABLE", "a Traceloop instrumentation in a variable, manuallyInstrument only", ["provider:5"]),
  c("DISABLED_THEN_PROVIDER", "new ExpressInstrumentation({ enabled: false }) then setTracerProvider and enable", []),
  c("AI_SDK_TRACER_CONST", "AI SDK 4 telemetry with a tracer of tracer.provider held in a const", []),
  c("AI_SDK_STREAM_NO_TRACER", "AI SDK 4 streamText telemetry on, no tracer", ["provider:10"]),
  c("LANGCHAIN_WITH_PROVIDER", "OpenInference LangChainInstrumentation given tracerProvider", []),
  c("INSTRUMENTATION_ABOVE_INIT", "an instrumentation set up above the module's init", ["provider:5"]),
  c("MASTRA_TELEMETRY", "Mastra's own telemetry option (no instrumentation of ours to give a provider)", []),
];

const SESSION_IDS = [
  c("EXPRESS_DESTRUCTURE_NULLISH", "a body field destructured, ?? a header, into createSession", ["sid:10"]),
  c("SESSION_ID_HELPER", "a route param handed to a helper of the file that links the session", ["sid:5"]),
  c("ZOD_UUID_PARSE", "z.string().uuid().parse() of a header", []),
  c("VALIDATOR_IS_UUID", "validator's isUUID with an early 400 return", []),
  c("RANDOM_UUID_SESSION", "crypto.randomUUID() as the session id", []),
  c("LAMBDA_PATH_PARAMETER", "a Lambda's pathParameters session id, flushed", ["sid:7"]),
  c("SQS_MESSAGE_ATTRIBUTE", "an SQS record's message attribute as the session id", ["sid:8"]),
  c("WEBSOCKET_MESSAGE", "a ws message's JSON sessionId", ["sid:9"]),
  c("NEXT_COOKIES", "Next.js 15 (await cookies()).get().value into acreateSession", ["sid:7"]),
  c("NEXT_COOKIES_CONVERTED", "a cookie kept when a UUID, converted with toSessionId otherwise", []),
  // Written after the first run.
  c("HONO_HEADER_OR_RANDOM", "a Hono header ?? crypto.randomUUID() into acreateSession", ["sid:8"]),
];

const LOST_SESSIONS = [
  c("FASTIFY_PREHANDLER_AFTER_AWAIT", "createSession after an await in a preHandler hook, reading what was awaited", ["lost:12"]),
  c("FASTIFY_ON_REQUEST_MOVABLE", "createSession after an await in an onRequest hook, movable", ["lost:11"]),
  c("EXPRESS_ROUTER_ROUTE_LEVEL", "route-level session middleware on an Express router whose other route traces", ["lost:7"]),
  c("KOA_BEFORE_NEXT", "Koa middleware: createSession before await next()", []),
  // Lost at run time (the handler ran during `await next()`), but not a shape the rule lints: the docs name only
  // the Fastify hooks after an await and the timer/promise callbacks as proven (middleware that awaits is not read).
  c("KOA_AFTER_NEXT", "Koa middleware: createSession after await next()", ["lost:8"]),
  c("KOA_MICROTASK", "Koa middleware: createSession in queueMicrotask, await next() outside", ["lost:8"]),
  c("HONO_C_SET", "Hono middleware: acreateSession then c.set then await next()", []),
  c("KOA_WITH_SESSION_NEXT", "Koa: withSession(..., () => next()) before the router", []),
  // Written after the first run: the await lies only on the path that returns, and in a nested function.
  c("FASTIFY_AWAIT_ONLY_ON_REJECT", "an onRequest hook that awaits only in the branch that rejects, then creates the session", []),
  c("FASTIFY_AWAIT_IN_NESTED_FUNCTION", "a preHandler hook whose only await before createSession is in a nested function", []),
];

const LOOK_ALIKES = [
  c("LUCIA_CREATE_SESSION", "lucia.createSession after an await in a Fastify hook", []),
  c("DB_CREATE_SESSION_ID", "a db module's createSession({ sessionId: req.cookies.sid })", []),
  c("CUID_INIT_IN_HANDLER", "cuid2's init() in an Express route", []),
  c("SOCKET_IO_ADMIN_INSTRUMENT", "@socket.io/admin-ui instrument(io) next to a HoneyHive tracer", []),
  c("DATADOG_INIT_PER_REQUEST", "dd-trace init() in an Express route", []),
];

const GROUPS = [
  ["tracer init per call", TRACER_INIT],
  ["instrumentations", INSTRUMENTATIONS],
  ["session ids", SESSION_IDS],
  ["lost session context", LOST_SESSIONS],
  ["look-alikes", LOOK_ALIKES],
] as const;

describeProgramRound("blind-16r", rules as unknown as Record<string, AnyRule>, programs, GROUPS, 40);
