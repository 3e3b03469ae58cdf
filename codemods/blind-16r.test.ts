// Blind round 16r for `honeyhive migrate` (issue 16): the programs of rules/blind-cases-16r.test.ts
// (rules/test-utils/blind-16r-programs.ts), migrated with the 2.x set in one in-process run. The reported ones become
// what docs/codemods.md promises (hoist-tracer-init, instrumentation-provider, validate-session-id,
// lost-session-context: an edit or a review marker); the quiet ones come out byte for byte. Expectations were written
// from docs/codemods.md and the rules' pages before the first run; where the first run disagreed, the expectation
// says who was wrong.
import { afterAll, beforeAll, describe } from "vitest";
import { removeProjects } from "./cli/test-utils/project.js";
import * as programs from "../rules/test-utils/blind-16r-programs.js";
import { blindProgramRuns, describeSetExpectations, type Expectation, type KnownExpectation } from "./cli/test-utils/shapes.js";

const { projects: PROJECTS, runs, edited, unchanged } = blindProgramRuns(programs);

/** The edit that puts a review marker (`indent` deep) on its own line before `line`. */
const marker = (line: string, text: string, indent = "  "): readonly [string, string] => [line, `${indent}/* honeyhive-migrate: ${text} */\n${line}`];

/** The module-level lazy getter hoist-tracer-init writes for `options` (the seed's "initialize once"). */
const getter = (options: string): string =>
  `let tracer: HoneyHiveTracer | undefined;\n\nfunction getTracer() {\n  return (tracer ??= HoneyHiveTracer.init(${options}));\n}\n\n`;

const SID_MARKER = (method: string) =>
  `this session id comes from client input unchecked and ${method}() throws for a non-UUID: convert it with toSessionId() or check it with isSessionId()`;

const EXPECTATIONS: readonly Expectation[] = [
  // --- tracer init per call ---------------------------------------------------------------------------------------
  edited(
    "FASTIFY_ON_REQUEST_INIT",
    "the hook's tracer becomes a module-level getter with a session per request",
    ["app.addHook(", `${getter(`{ apiKey: process.env.HH_API_KEY, project: "gateway" }`)}app.addHook(`],
    [
      `  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "gateway" });\n`,
      "  const tracer = getTracer();\n  tracer.createSession();\n",
    ],
  ),
  edited(
    "NEST_REQUEST_SCOPED",
    "a request-scoped provider's field init: a marker (a field gets no rewrite)",
    marker("  private readonly tracer", "create this tracer once (a module-level lazy getTracer()) and start a session per request with createSession()"),
  ),
  edited(
    "APOLLO_CONTEXT",
    "an init in the context object (no const to rewrite): a marker",
    marker("    tracer: HoneyHiveTracer.init(", "create this tracer once (a module-level lazy getTracer()) and start a session per request with createSession()", "    "),
  ),
  edited(
    "TRPC_CREATE_CONTEXT",
    "tRPC createContext's tracer becomes a getter with a session per request",
    ["const createContext", `${getter(`{ apiKey: process.env.HH_API_KEY, project: "trpc-app" }`)}const createContext`],
    [
      `  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "trpc-app" });\n`,
      "  const tracer = getTracer();\n  tracer.createSession();\n",
    ],
  ),
  unchanged("TRPC_CONTEXT_CACHED"),
  edited("TRPC_FASTIFY_PLUGIN", "sessionStart() in createContext becomes createSession()", ["tracer.sessionStart(", "tracer.createSession("]),
  edited(
    "TRPC_FETCH_IN_NEXT_ROUTE",
    "an init in createContext's returned object (no const to rewrite): a marker",
    marker("    createContext: () => ({ tracer: HoneyHiveTracer.init(", "create this tracer once (a module-level lazy getTracer()) and start a session per request with createSession()", "    "),
  ),
  edited(
    "TRPC_CONTEXT_SESSION_ID",
    "createContext's header id: the marker",
    marker(`      tracer.createSession({ sessionId: req.get("x-session-id"), skipApiCall: true });`, SID_MARKER("createSession"), "      "),
  ),
  edited(
    "NEXT_ROUTE_HELPER_MODULE",
    "the imported factory: a marker at the handler's call naming its module",
    marker(
      `  const tracer = createTracer("summarize");`,
      "createTracer() creates a tracer on every call (in lib/honeyhive.ts) and runs per call of this handler: create the tracer once at module level there and reuse it.",
    ),
  ),
  unchanged("LODASH_MEMOIZE"),
  unchanged("LODASH_ONCE"),
  unchanged("P_MEMOIZE"),
  unchanged("LOGICAL_OR_ASSIGN"),
  unchanged("STATIC_FIELD_TRACER"),
  unchanged("PROJECT_MEMOIZE_WRAPPER"),
  unchanged("LISTEN_CALLBACK_INIT"),
  edited(
    "LOOP_OVER_DATAPOINTS",
    "a tracer per datapoint: one getter, a session per datapoint",
    ["async function main", `${getter(`{ apiKey: process.env.HH_API_KEY, project: "scoring" }`)}async function main`],
    [
      `    const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "scoring", sessionName: datapoint.id });\n`,
      "    const tracer = getTracer();\n    tracer.createSession({ sessionName: datapoint.id });\n",
    ],
  ),
  edited(
    "EVALUATE_INIT_IN_FUNCTION",
    "an init in the evaluated function: the evaluate marker",
    marker("  const tracer = HoneyHiveTracer.init(", "evaluate() creates a tracer for each datapoint: remove this init and let trace()/enrichSpan() use the datapoint's tracer"),
  ),
  // --- instrumentations -------------------------------------------------------------------------------------------
  edited("REGISTER_WITHOUT_PROVIDER", "registerInstrumentations gets tracerProvider", [
    "  instrumentations: [new HttpInstrumentation()],\n",
    "  instrumentations: [new HttpInstrumentation()],\n  tracerProvider: tracer.provider,\n",
  ]),
  unchanged("REGISTER_WITH_PROVIDER"),
  edited("OPENINFERENCE_MANUAL", "an OpenInference class gets tracerProvider in its options", [
    "new OpenAIInstrumentation().manuallyInstrument(OpenAI);",
    "new OpenAIInstrumentation({ tracerProvider: tracer.provider }).manuallyInstrument(OpenAI);",
  ]),
  edited("TRACELOOP_IN_VARIABLE", "a Traceloop instrumentation in a variable: setTracerProvider on the next line", [
    "const anthropicInstrumentation = new AnthropicInstrumentation();\n",
    "const anthropicInstrumentation = new AnthropicInstrumentation();\nanthropicInstrumentation.setTracerProvider(tracer.provider);\n",
  ]),
  unchanged("DISABLED_THEN_PROVIDER"),
  unchanged("AI_SDK_TRACER_CONST"),
  edited("AI_SDK_STREAM_NO_TRACER", "AI SDK 4 telemetry gets the tracer's provider", [
    "experimental_telemetry: { isEnabled: true },",
    `experimental_telemetry: { isEnabled: true, tracer: tracer.provider.getTracer("ai") },`,
  ]),
  unchanged("LANGCHAIN_WITH_PROVIDER"),
  // First expectation had the moved setup right under the init: the layout guess was wrong. The move leaves a blank
  // line between them, as the fixture tracer-provider-for-instrumentors/before-the-tracer does.
  edited(
    "INSTRUMENTATION_ABOVE_INIT",
    "the setup moves below the init and gets the provider",
    [
      `new OpenAIInstrumentation().manuallyInstrument(OpenAI);\nexport const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "early" });\n`,
      `export const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "early" });\n\nnew OpenAIInstrumentation({ tracerProvider: tracer.provider }).manuallyInstrument(OpenAI);\n`,
    ],
  ),
  unchanged("MASTRA_TELEMETRY"),
  // --- session ids ------------------------------------------------------------------------------------------------
  edited("EXPRESS_DESTRUCTURE_NULLISH", "the unchecked id gets the validate-session-id marker", marker("  tracer.createSession({ sessionId, skipApiCall: true });", SID_MARKER("createSession"))),
  edited(
    "SESSION_ID_HELPER",
    "the helper's SDK call gets the marker",
    marker("  return tracer.createSession({ sessionId: conversationId, skipApiCall: true });", SID_MARKER("createSession")),
  ),
  unchanged("ZOD_UUID_PARSE"),
  unchanged("VALIDATOR_IS_UUID"),
  unchanged("RANDOM_UUID_SESSION"),
  edited("LAMBDA_PATH_PARAMETER", "a path parameter: the marker", marker("    tracer.createSession({ sessionId, skipApiCall: true });", SID_MARKER("createSession"), "    ")),
  edited("SQS_MESSAGE_ATTRIBUTE", "a message attribute: the marker", marker("      tracer.createSession({ sessionId, skipApiCall: true });", SID_MARKER("createSession"), "      ")),
  edited(
    "WEBSOCKET_MESSAGE",
    "a websocket message's id: the marker",
    marker("    tracer.createSession({ sessionId: message.sessionId, skipApiCall: true });", SID_MARKER("createSession"), "    "),
  ),
  edited("NEXT_COOKIES", "a cookie: the marker", marker("  await tracer.acreateSession({ sessionId, skipApiCall: true });", SID_MARKER("acreateSession"))),
  unchanged("NEXT_COOKIES_CONVERTED"),
  edited("HONO_HEADER_OR_RANDOM", "a header ?? randomUUID(): the marker", marker("  await tracer.acreateSession({ sessionId, skipApiCall: true });", SID_MARKER("acreateSession"))),
  // --- lost session context ---------------------------------------------------------------------------------------
  edited(
    "FASTIFY_PREHANDLER_AFTER_AWAIT",
    "the session reads what the hook awaited: the marker",
    marker(
      `  tracer.createSession({ sessionName: "api", metadata: { userId: user.id } });`,
      "this session does not reach the handler (created after an await in the preHandler hook): create it before the hook's first await and add what you await later with enrichSession()",
    ),
  ),
  edited("FASTIFY_ON_REQUEST_MOVABLE", "the call and its comment move before the first await", [
    `  await new Promise((resolve) => setImmediate(resolve));
  hits.set(request.ip, (hits.get(request.ip) ?? 0) + 1);
  // One session per request.
  tracer.createSession({ sessionName: request.routeOptions.url ?? "unknown" });
`,
    `  // One session per request.
  tracer.createSession({ sessionName: request.routeOptions.url ?? "unknown" });
  await new Promise((resolve) => setImmediate(resolve));
  hits.set(request.ip, (hits.get(request.ip) ?? 0) + 1);
`,
  ]),
  edited(
    "EXPRESS_ROUTER_ROUTE_LEVEL",
    "route-level middleware: the marker names the route without a session",
    marker(
      "  tracer.createSession({ sessionName: req.path });",
      "this session reaches only the routes this middleware is registered for (GET /search traces without one, in the tracer's startup session): register it for every route with router.use(), or give the other routes a session of their own (withSession(..., () => next()))",
    ),
  ),
  unchanged("KOA_BEFORE_NEXT"),
  edited(
    "KOA_AFTER_NEXT",
    "the session records ctx.status, which the handler sets: the marker (no move before next())",
    marker(
      "  tracer.createSession({ sessionName: ctx.path, metadata: { status: ctx.status } });",
      "this session does not reach the handler (created after await next(), which runs the handler): create it before await next() and add what the handler set with enrichSession() after it",
    ),
  ),
  edited(
    "KOA_MICROTASK",
    "a session in a microtask: the marker",
    marker(
      "    tracer.createSession({ sessionName: ctx.path });",
      "this session does not reach the handler (created in a queueMicrotask callback, next() called outside it): call next() inside the callback, on every path, after createSession()",
      "    ",
    ),
  ),
  unchanged("HONO_C_SET"),
  unchanged("KOA_WITH_SESSION_NEXT"),
  unchanged("FASTIFY_AWAIT_ONLY_ON_REJECT"),
  unchanged("FASTIFY_AWAIT_IN_NESTED_FUNCTION"),
  // --- look-alikes ------------------------------------------------------------------------------------------------
  unchanged("LUCIA_CREATE_SESSION"),
  unchanged("DB_CREATE_SESSION_ID"),
  unchanged("CUID_INIT_IN_HANDLER"),
  unchanged("SOCKET_IO_ADMIN_INSTRUMENT"),
  unchanged("DATADOG_INIT_PER_REQUEST"),
];

const KNOWN: readonly KnownExpectation[] = [];

describe("honeyhive migrate on blind round 16r's programs", () => {
  beforeAll(runs.migrate, 300_000);
  afterAll(() => removeProjects());
  describeSetExpectations(PROJECTS, runs.runOf, EXPECTATIONS, KNOWN);
});
