// Blind cases, twentieth round: PLATFORMS, FRAMEWORKS AND CODE STYLES NO EARLIER ROUND MODELLED. Each program
// (rules/test-utils/blind-20-programs.ts) is written the way public code writes it: Amplify Gen 2 functions, AWS CDK
// NodejsFunction entries, Lambda@Edge, SQS/EventBridge/DynamoDB-stream handlers, Appwrite and DigitalOcean Functions,
// Cloudflare's service-worker syntax, Vercel cron routes, Alibaba FC, Tencent SCF, Firebase 1st gen; Egg.js, Midway,
// LoopBack 4, Moleculer, Encore.ts, uWebSockets.js, node:http's "request" event, Express app.all/app.param, a Fastify
// routes module, NestJS interceptors and gateways; Object.assign(exports, …), module.exports = { handler }, re-exported
// and wrapped handlers, static methods, `satisfies`, namespaces, .mjs/.cjs with JSDoc types; look-alikes. Each is
// linted with ALL EIGHT rules at once and asserts the exact messages, `rule:line` (short names:
// rules/test-utils/blind-cases.ts), written from the seeds and docs/rules/*.md BEFORE the first run; where the first run
// disagreed, the case says who was wrong.
import { describe, expect, it } from "vitest";
import { rules } from "./index.js";
import { lintMessagesWithAllRules, lintWithAllRules, type AnyRule } from "./test-utils/blind-cases.js";
import * as programs from "./test-utils/blind-20-programs.js";

type Name = keyof typeof programs;

/** A program of the shared module, what it is, and the messages expected on it. */
const c = (name: Name, title: string, expected: readonly string[]) => ({ name, title, expected });

const SERVERLESS = [
  c("AMPLIFY_GEN2", "Amplify Gen 2 function handler.ts (defineFunction in resource.ts)", ["start:5", "flush:4"]),
  c("CDK_NODEJS_FUNCTION_MAIN", "AWS CDK NodejsFunction entry whose handler is named main", ["flush:3"]),
  c("LAMBDA_EDGE", "Lambda@Edge viewer-request typed CloudFrontRequestHandler", ["flush:4"]),
  c("SQS_HANDLER", "SQS consumer typed SQSHandler under another name", ["start:6", "flush:4"]),
  c("EVENTBRIDGE_HANDLER", "EventBridge consumer typed Handler<EventBridgeEvent<…>>", ["flush:6"]),
  c("DYNAMODB_STREAM_FLUSHED", "DynamoDB stream handler flushed in finally", []),
  // Our gap (first run: nothing): Appwrite Functions were not modelled (now knowledge/frameworks/appwrite-functions.ts).
  c("APPWRITE_FUNCTION", "Appwrite function export default async ({ req, res, log })", ["start:4"]),
  // Our gap (first run: nothing): DigitalOcean Functions (OpenWhisk: the container is paused after each activation,
  // like a frozen Lambda) were not modelled (now knowledge/platforms/digitalocean-functions.ts: `main` of
  // packages/<package>/ beside project.yml). The message names DigitalOcean Functions (PLATFORM_NAMES below).
  c("DIGITALOCEAN_FUNCTION", "DigitalOcean Functions main(args) (OpenWhisk pauses the container)", ["start:4", "flush:9"]),
  // Our gap (first run: nothing): the service-worker syntax (`addEventListener("fetch", (event) => event.respondWith(…))`,
  // a global registration with `event.waitUntil` as its background hook) was no Workers entry point (now
  // knowledge/frameworks/cloudflare-workers.ts `cloudflareWorkersServiceWorker`: the entry of the wrangler.toml's `main`).
  c("WORKER_SERVICE_WORKER", "Cloudflare Worker in service-worker syntax: addEventListener(\"fetch\")", ["start:8", "flush:3"]),
  c("VERCEL_CRON", "Vercel cron route api/cron/*.ts GET", ["flush:3"]),
  c("ALIBABA_FC", "Alibaba Cloud FC 3.0 exports.handler (s.yaml)", ["start:5", "flush:3"]),
  // Our gap (first run: nothing): the `src:` beside `handler:` under a Serverless Components service's `inputs:` was
  // not read as the code folder (now knowledge/frameworks/lambda-functions-config.ts). The message names Tencent SCF
  // (PLATFORM_NAMES below).
  c("TENCENT_SCF", "Tencent SCF exports.main_handler named in serverless.yml inputs", ["flush:3"]),
  c("FIREBASE_V1_ON_REQUEST", "Firebase 1st gen functions.region().https.onRequest", ["start:5", "flush:4"]),
];

// Our gaps (first run: nothing on each): Egg.js, Midway, LoopBack 4, Encore.ts and uWebSockets.js were not modelled
// (now knowledge/frameworks/controller-frameworks.ts), nor a NestJS gateway's handleConnection (knowledge/frameworks/nestjs.ts).
const SERVERS = [
  c("EGG_CONTROLLER", "Egg.js controller class extends Controller", ["start:7"]),
  c("MIDWAY_CONTROLLER", "Midway @Controller/@Post", ["start:8"]),
  c("LOOPBACK4_CONTROLLER", "LoopBack 4 @post controller method", ["start:7"]),
  c("MOLECULER_SATISFIES", "Moleculer service file export default { … } satisfies ServiceSchema", ["start:8"]),
  c("ENCORE_API", "Encore.ts api(options, fn)", ["start:9"]),
  c("UWEBSOCKETS", "uWebSockets.js App().get()", ["start:7"]),
  c("NODE_HTTP_REQUEST_EVENT", "node:http createServer() then server.on(\"request\")", ["start:7"]),
  c("EXPRESS_ALL_AND_PARAM", "Express app.param and app.all", ["start:7", "start:12"]),
  c("FASTIFY_ROUTES_MODULE", "Fastify routes function typed FastifyInstance in its own module", ["start:6"]),
  c("NEST_INTERCEPTOR", "NestJS interceptor intercept()", ["start:9"]),
  c("NEST_GATEWAY_CONNECTION", "NestJS gateway handleConnection (OnGatewayConnection)", ["start:8"]),
];

const CODE_STYLES = [
  // Our gap (first run: nothing): `Object.assign(exports, { handler })` (also `module.exports`) was no export for the
  // engine (now read by analysis/entry-gate.ts and the hooks' named exports, analysis/handlers.ts).
  c("OBJECT_ASSIGN_EXPORTS", "Lambda handler assigned through Object.assign(exports, { handler })", ["start:5", "flush:4"]),
  c("MODULE_EXPORTS_OBJECT", ".cjs module.exports = { handler }", ["start:4", "flush:9"]),
  c("REEXPORTED_HANDLER", "index.ts that only re-exports the handler", []),
  c("OWN_WRAPPER_VERCEL", "Vercel api/ default export wrapped by the project's withAuth()", ["start:6", "flush:5"]),
  c("STATIC_METHOD_HANDLER", "handler = ChatHandler.handle (a static method)", ["start:6", "flush:12"]),
  c("SATISFIES_HANDLER", "handler = (async (event) => …) satisfies Handler<…>", ["start:5", "flush:4"]),
  c("NAMESPACE_HANDLERS", "Express route registered as Handlers.chat of a TypeScript namespace", ["start:7"]),
  c("MJS_JSDOC_SQS", ".mjs export typed by JSDoc import(\"aws-lambda\").SQSHandler", ["flush:4"]),
  c("CJS_JSDOC_EXPRESS", ".cjs route typed by JSDoc import(\"express\").RequestHandler", ["start:5"]),
  c("DECORATED_METHOD_LAMBDA", "Lambda calling a @trace-decorated method, no flush", ["flush:14"]),
  c("LAZY_TRACER_PER_INVOCATION_SESSION", "the seed's lazy getTracer() Lambda with createSession and the flush", []),
];

const LOOK_ALIKES = [
  c("SENTRY_SESSION_EXPRESS", "Sentry startSession/flush beside createSession in Express", []),
  c("SEGMENT_CLOSE_AND_FLUSH", "Segment closeAndFlush in a Lambda, no HoneyHive", []),
  c("VITEST_MOCKED_TRACER", "a test file mocking the tracer module", []),
  c("PLAYWRIGHT_ROUTE", "Playwright page.route callback", []),
  c("MSW_HANDLERS", "MSW request handlers, one exported as handler", []),
  c("BETTER_AUTH_CREATE_SESSION", "better-auth internalAdapter.createSession in an Express route", []),
  c("LOCAL_CREATE_SESSION", "a local createSession() of the app's own session store", []),
  c("STORYBOOK_STORY", "Storybook story with msw handlers", []),
  // Added after the first run, beside the descriptors it added: a Stimulus controller (browser code) and an `api()`
  // of the project's own client are not Egg.js controllers or Encore endpoints.
  c("STIMULUS_CONTROLLER", "Stimulus class extends Controller of @hotwired/stimulus", []),
  c("ENCORE_CLIENT_API", "an api() of the project's own module in an Encore project", []),
];

/**
 * The platform the flush message names, for handlers shaped like Lambda's on another platform: the configuration that
 * names the function says which (knowledge/platforms/lambda-compatible.ts); first run: "AWS Lambda" on both.
 */
const PLATFORM_NAMES: ReadonlyArray<readonly [Name, string]> = [
  ["ALIBABA_FC", "Alibaba Cloud Function Compute"],
  ["TENCENT_SCF", "Tencent Cloud SCF"],
  ["DIGITALOCEAN_FUNCTION", "DigitalOcean Functions"],
];

const GROUPS = [
  ["serverless handlers", SERVERLESS],
  ["servers and frameworks", SERVERS],
  ["code styles", CODE_STYLES],
  ["look-alikes", LOOK_ALIKES],
] as const;

describe("blind-20", () => {
  it("has 40 programs or more, each with an expectation", () => {
    const named = GROUPS.flatMap(([, cases]) => cases.map((entry) => entry.name));
    expect(named.length).toBeGreaterThanOrEqual(40);
    expect([...named].sort()).toEqual(Object.keys(programs).sort());
  });
  for (const [group, cases] of GROUPS) {
    describe(group, () => {
      it.each(cases.map((entry) => [entry.title, entry] as const))("%s", (_title, { name, expected }) => {
        const { path, code, files } = programs[name];
        expect(lintWithAllRules(rules as unknown as Record<string, AnyRule>, path, code, files)).toEqual([...expected].sort());
      });
    });
  }
  it.each(PLATFORM_NAMES)("the flush message of %s names %s", (name, platform) => {
    const { path, code, files } = programs[name];
    const flush = lintMessagesWithAllRules(rules as unknown as Record<string, AnyRule>, path, code, files).filter(({ ruleId }) => ruleId === "honeyhive/require-force-flush-in-lambda");
    expect(flush.map(({ message }) => message.includes(platform) && !message.includes("AWS Lambda"))).toEqual([true]);
  });
});
