// Blind cases, nineteenth round: PRECISION AND RECALL ON SHAPES WE HAD NOT SEEN (issues 13 and 16). Each program
// (rules/test-utils/blind-19-programs.ts, shared with codemods/blind-19.test.ts) is written the way public code writes
// it: SST, Middy, Architect, Serverless Framework and streaming Lambdas, Workers with fetch/scheduled/queue and Durable
// Objects, Pages Functions, Vercel's waitUntil, Netlify Functions 2.0, Firebase v2 triggers, Supabase's Deno.serve,
// Next.js Server Actions, pages/api and middleware, Remix, SvelteKit, Astro, SolidStart, tRPC 11, Yoga, Socket.IO, ws,
// sandboxed BullMQ processors, Temporal activities, Inngest, Trigger.dev, Mastra tools, MCP tools, Electron IPC, a CLI;
// tracers behind globalThis, a class or a DI container; AI SDK 5 and 7 telemetry; look-alikes of other libraries. Each is
// linted with ALL EIGHT rules at once and asserts the exact messages, `rule:line` (short names:
// rules/test-utils/blind-cases.ts), written from the seeds and docs/rules/*.md BEFORE the first run; where the first run
// disagreed, the case says who was wrong.
import { rules } from "./index.js";
import { describeProgramRound, type AnyRule, type ProgramCase } from "./test-utils/blind-cases.js";
import * as programs from "./test-utils/blind-19-programs.js";

type Name = keyof typeof programs;

/** A program of the shared module, what it is, and the messages expected on it. */
const c = (name: Name, title: string, expected: readonly string[]): ProgramCase<Name> => ({ name, title, expected });

const SERVERLESS = [
  c("SST_RESOURCE", "SST v3 Lambda handler reading Resource, typed APIGatewayProxyHandlerV2", ["start:9", "flush:8"]),
  // Reported on `ask`, the wrapped function the fix (and the codemod) puts the flush in (issue 13; the export line before).
  c("MIDDY", "Middy: middy(ask).use(...) exported as the handler, the flush belongs in ask", ["start:8", "flush:7"]),
  // Reported on `chat`, as Middy's (issue 13; `exports.handler = arc.http(chat)` before).
  c("ARCHITECT", "Architect arc.http(chat) (CommonJS)", ["start:5", "flush:4"]),
  c("SERVERLESS_YML", "Serverless Framework handler named in serverless.yml by its TS path", ["flush:3"]),
  c("STREAMIFY", "Lambda response streaming: awslambda.streamifyResponse(...)", ["start:4", "flush:3"]),
  c("HONO_STREAM_HANDLE", "Hono streamHandle(app) of hono/aws-lambda", ["start:9", "flush:8"]),
  c("WORKER_ALL_HANDLERS", "Workers export default { fetch, scheduled, queue }: scheduled flushes through ctx.waitUntil", ["flush:8", "flush:20", "start:22"]),
  // First expectation asked for a flush: wrong. A Durable Object outlives the request (it stays in memory while it
  // has work or is recently used; its ctx.waitUntil has no effect), so the exporter's own timer still runs.
  c("DURABLE_OBJECT", "Durable Object fetch()", ["start:6"]),
  c("PAGES_ON_REQUEST_POST", "Cloudflare Pages Function onRequestPost", ["start:8", "flush:7"]),
  c("VERCEL_WAIT_UNTIL", "Vercel function flushing through waitUntil of @vercel/functions", []),
  c("NETLIFY_V2", "Netlify Functions 2.0: default (req, context) with export const config = { path }", ["start:5", "flush:4"]),
  c("FIREBASE_ON_REQUEST", "Firebase v2 onRequest with options", ["start:5", "flush:4"]),
  c("FIREBASE_ON_CALL", "Firebase v2 onCall with createSession and the flush in finally", []),
  c("FIREBASE_ON_DOCUMENT", "Firebase v2 onDocumentCreated and onSchedule", ["start:6", "flush:5", "flush:11"]),
  c("SUPABASE_DENO_SERVE", "Supabase edge function: Deno.serve with an npm: import", ["start:6", "flush:5"]),
];

const FRAMEWORKS = [
  c("NEXT_SERVER_ACTION", "Next.js Server Action in a \"use server\" module (tsconfig @/ alias)", ["start:7"]),
  c("NEXT_PAGES_API", "Next.js pages/api default export (no serverless host configured)", ["start:6"]),
  c("NEXT_MIDDLEWARE", "Next.js middleware.ts", ["start:5"]),
  c("REMIX_ACTION", "Remix action in app/routes/*.tsx (~/ alias)", ["start:7"]),
  c("SVELTEKIT_ACTIONS", "SvelteKit form actions { default } satisfies Actions ($lib alias)", ["start:10"]),
  c("ASTRO_API_ROUTE", "Astro POST: APIRoute", ["start:7"]),
  c("SOLIDSTART_USE_SERVER", "SolidStart action() with \"use server\" in the function", ["start:6"]),
  c("TRPC_V11", "tRPC 11 publicProcedure.input().mutation()", ["start:7"]),
  c("YOGA_CREATE_SCHEMA", "GraphQL Yoga createSchema resolvers", ["start:13"]),
];

const JOBS_AND_CONNECTIONS = [
  c("SOCKET_IO", "Socket.IO socket.on inside io.on(\"connection\")", ["start:8"]),
  c("WS_SERVER", "ws: ws.on(\"message\") inside wss.on(\"connection\")", ["start:8"]),
  // First expectation reported sessionStart(): wrong. A sandboxed processor runs in a child process that takes one
  // job at a time, so the tracer's session cannot be overwritten by another job mid-run (no race to report).
  c("BULLMQ_SANDBOXED", "BullMQ sandboxed processor file (new Worker(q, path) in worker.ts)", []),
  c("TEMPORAL_ACTIVITIES", "Temporal activities module registered by Worker.create({ activities })", ["start:5"]),
  c("INNGEST_FUNCTION", "Inngest inngest.createFunction", ["start:10"]),
  // First expectation reported sessionStart(): wrong. A Trigger.dev run has a task run process to itself
  // (knowledge/frameworks/trigger-dev.ts, `concurrent: false`): runs never overlap on one tracer.
  c("TRIGGER_TASK", "Trigger.dev v3 task({ run })", []),
  c("MASTRA_TOOL", "Mastra createTool({ execute })", ["start:10"]),
  c("MCP_SERVER_TOOL", "MCP server.tool and server.registerTool", ["start:9", "start:15"]),
  c("ELECTRON_IPC", "Electron ipcMain.handle", ["start:5"]),
  c("COMMANDER_CLI", "commander action: a CLI run, not a request handler", []),
];

const SDK_SHAPES = [
  c("INSTRUMENTATION_GLOBAL", "tracer made in instrumentation.ts register(), read through globalThis in a route", ["start:3"]),
  c("OBSERVABILITY_CLASS", "a class whose constructor assigns this.tracer = HoneyHiveTracer.init(...)", ["start:16"]),
  c("TSYRINGE_CONTROLLER", "tsyringe @inject(\"Tracer\") constructor parameter property", ["start:13"]),
  c("LAMBDA_SKIP_API_CALL", "createSession({ sessionId: toSessionId(...), skipApiCall }) in a flushed Lambda", []),
  c("WITH_SESSION_NEXT", "withSession around next() in Express middleware", []),
  // Our bug (first run: nothing): the `tracer` option counted as a use of the tracer outside evaluate(), but evaluate()
  // reads no such option (the SDK manifest's evaluate options), so the tracer serves nothing (analysis/evaluate.ts).
  c("EVALUATE_WITH_TRACER_OPTION", "evaluate() handed a tracer the script made (no such option)", ["evaluate:4"]),
  c("AI_SDK5_TELEMETRY", "AI SDK 5 experimental_telemetry without a tracer", ["provider:10"]),
  c("AI_SDK5_TELEMETRY_TRACER", "AI SDK 5 experimental_telemetry with the tracer's provider", []),
  c("AI_SDK7_REGISTER", "AI SDK 7 registerTelemetry(new OpenTelemetry()) without a tracer", ["provider:5"]),
  c("LAMBDA_RAW_SESSION_ID", "a Lambda joining the session id of a request header unchecked", ["sid:6"]),
  c("NEXT_ROUTE_AFTER", "Next.js route on Vercel flushing through after() of next/server", []),
  c("AI_SDK6_AGENT", "AI SDK 6 ToolLoopAgent with telemetry on and no tracer", ["provider:8"]),
];

const LOOK_ALIKES = [
  c("SENTRY_FLUSH", "Sentry Lambda with Sentry.flush()", []),
  c("DD_TRACE", "dd-trace tracer.init() and tracer.startSpan() in a Lambda", []),
  c("OTEL_NODE_SDK_OTHER", "OpenTelemetry NodeSDK exporting to another backend", []),
  c("LANGSMITH_TRACEABLE", "LangSmith traceable in a Lambda", []),
  c("HELICONE", "Helicone session headers from the request body", []),
  c("POSTHOG_SHUTDOWN", "PostHog posthog.shutdown() in a Lambda", []),
  c("BRAINTRUST_EVAL", "Braintrust Eval and initLogger", []),
  c("PROMPTFOO_EVALUATE", "promptfoo.evaluate()", []),
  c("HONEYCOMB_NODE", "@honeycombio/opentelemetry-node in a Lambda", []),
  c("HONEYHIVE_MOCK", "HoneyHiveTracer of a package named honeyhive-mock", []),
  c("MONGOOSE_START_SESSION", "mongoose startSession()/startTransaction() next to createSession", []),
];

const GROUPS = [
  ["serverless handlers", SERVERLESS],
  ["framework request functions", FRAMEWORKS],
  ["jobs, connections and tools", JOBS_AND_CONNECTIONS],
  ["SDK shapes", SDK_SHAPES],
  ["look-alikes", LOOK_ALIKES],
] as const;

describeProgramRound("blind-19", rules as unknown as Record<string, AnyRule>, programs, GROUPS, 45);
