// Platform and framework knowledge left open by blind-12 and hunt-real-5 (gaps-platforms-2), each a small project on
// disk linted with one rule (harness: ./test-utils/blind-cases.ts, as rules/blind-cases-12.test.ts): a case that failed
// before the knowledge was added, and a quiet look-alike beside it.
// - CDK: a cdk.json in a folder beside the code (`infra/` beside `services/`), an ES module stack's
//   `fileURLToPath(new URL(…, import.meta.url))` entry, stacks nested under `lib/stacks/`
//   (frameworks/lambda-functions-config.ts `cdkAppsAt`, `cdkStackFiles`, `MODULE_URL`).
// - SvelteKit: `handle = sequence(a, b)` of `@sveltejs/kit/hooks`, a `handle(input)` calling `input.resolve(input.event)`,
//   `kit.files.hooks.server` moving the hooks module (frameworks/sveltekit.ts `SERVER_HOOKS`, export-facts.ts `through`);
//   adapter-cloudflare as Cloudflare Workers, with `platform.ctx`/`platform.context` waitUntil as its background flush.
// - Remix / React Router on Cloudflare (`@remix-run/cloudflare` beside a wrangler config: `context.cloudflare.ctx.waitUntil`),
//   and a route module outside app/routes that app/routes.ts or remix.config.js names (frameworks/remix.ts `ROUTE_CONFIGS`).
// - Supabase Edge Functions: `EdgeRuntime.waitUntil(tracer.forceFlush())` (platforms/supabase-edge-functions.ts).
import { describe } from "vitest";
import { type AnyRule, type Case, describeBlindCases, type Known } from "./test-utils/blind-cases.js";
import flushRule, { RULE_NAME as FLUSH_RULE } from "./require-force-flush-in-lambda.js";
import sessionIdRule, { RULE_NAME as SESSION_ID_RULE } from "./require-valid-session-id.js";

// Met since rules-11: only the platform's own `waitUntil` counts as a background flush (analysis/background-work.ts), so
// a function's own `waitUntil` is no longer taken for EdgeRuntime's (the case below is reported).
const KNOWN: readonly Known[] = [];
const c = (name: string, code: string, extra: Omit<Case, "name" | "code"> = {}): Case => ({ name, code, ...extra });
const pkg = (deps: Record<string, string>, extra: Record<string, unknown> = {}): string => JSON.stringify({ name: "app", private: true, ...extra, dependencies: deps });
const HH = { honeyhive: "^2.0.0" };
const TRACING_TS = `import { HoneyHiveTracer } from "honeyhive";

export const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" });
`;
/** A Lambda that traces through the module's tracer and returns without a flush, exported as `name`. */
const lambdaNamed = (name: string, from: string): string => `import { tracer } from "${from}";

export const ${name} = async (event: { body?: string }) => {
  tracer.enrichSession({ metadata: { size: event.body?.length ?? 0 } });
  const answer = await tracer.startSpan("answer", async () => String(event.body ?? "").toUpperCase());
  return { statusCode: 200, body: JSON.stringify({ answer }) };
};
`;

// ---- CDK ----
const cdkStack = (entry: string): string => `import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { Stack, type StackProps } from "aws-cdk-lib";
import { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import type { Construct } from "constructs";

export class ChatStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    void path;
    void fileURLToPath;
    new NodejsFunction(this, "Chat", {
      entry: ${entry},
      handler: "main",
    });
  }
}
`;
const CDK_PACKAGE = pkg({ "aws-cdk-lib": "^2.170.0", constructs: "^10.4.2" }, { type: "module" });
/** A repository whose CDK app is `infra/` and whose Lambda code is `services/chat` (a package of its own). */
const infraBeside = (entry: string): Record<string, string> => ({
  "package.json": JSON.stringify({ name: "acme", private: true }),
  "infra/package.json": CDK_PACKAGE,
  "infra/cdk.json": JSON.stringify({ app: "npx tsx bin/app.ts" }),
  "infra/bin/app.ts": `import { App } from "aws-cdk-lib";\nimport { ChatStack } from "../lib/stacks/chat-stack.js";\n\nnew ChatStack(new App(), "Chat");\n`,
  "infra/lib/stacks/chat-stack.ts": cdkStack(entry),
  "services/chat/package.json": pkg(HH),
  "services/chat/tracing.ts": TRACING_TS,
});
/** One package: cdk.json at its root, the stack at `stackPath`, the Lambda in src/. */
const cdkApp = (stackPath: string, entry: string): Record<string, string> => ({
  "package.json": pkg({ ...HH, "aws-cdk-lib": "^2.170.0", constructs: "^10.4.2" }, { type: "module" }),
  "cdk.json": JSON.stringify({ app: "npx tsx bin/app.ts" }),
  [stackPath]: cdkStack(entry),
  "src/tracing.ts": TRACING_TS,
});

// ---- SvelteKit ----
const svelteProject = (adapter: string, extra: Record<string, string>, config?: string): Record<string, string> => ({
  "package.json": pkg({ ...HH, "@sveltejs/kit": "^2.9.0", [adapter]: "^5.0.0" }, { type: "module" }),
  "svelte.config.js": config ?? `import adapter from "${adapter}";\n\nexport default { kit: { adapter: adapter() } };\n`,
  "src/lib/tracing.ts": TRACING_TS,
  ...extra,
});
const SVELTE_ROUTE = `import { tracer } from "$lib/tracing";

export async function POST({ request }: { request: Request }) {
  tracer.createSession({ sessionName: "chat" });
  return new Response(await tracer.startSpan("answer", async () => request.url));
}
`;
const FLUSHING_HANDLE = `async ({ event, resolve }) => {
  const response = await resolve(event);
  await tracer.forceFlush();
  return response;
}`;
const LOGGING_HANDLE = `async ({ event, resolve }) => {
  console.log(event.url.pathname);
  return resolve(event);
}`;
const hooks = (body: string): string => `import type { Handle } from "@sveltejs/kit";
import { sequence } from "@sveltejs/kit/hooks";
import { tracer } from "$lib/tracing";

${body}
`;
const VERCEL_ADAPTER = "@sveltejs/adapter-vercel";
const CLOUDFLARE_ADAPTER = "@sveltejs/adapter-cloudflare";

// ---- Remix / React Router ----
const REMIX_CLOUDFLARE = {
  "package.json": pkg({ ...HH, "@remix-run/cloudflare": "^2.15.0", "@remix-run/react": "^2.15.0" }, { type: "module", devDependencies: { wrangler: "^3.90.0" } }),
  "wrangler.toml": `name = "support"\nmain = "./server.ts"\ncompatibility_date = "2024-11-01"\n`,
  "app/tracing.server.ts": TRACING_TS,
};
const remixLoader = (body: string): string => `import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import { tracer } from "~/tracing.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const answer = await tracer.startSpan("answer", async () => request.url);
${body}  return Response.json({ answer });
}
`;
const REACT_ROUTER_VERCEL = {
  "package.json": pkg({ ...HH, "react-router": "^7.1.0", "@react-router/node": "^7.1.0", "@vercel/react-router": "^1.0.0" }, { type: "module" }),
  "app/routes.ts": `import { type RouteConfig, index, route } from "@react-router/dev/routes";\n\nexport default [\n  index("routes/home.tsx"),\n  route("chat", "features/chat/route.tsx"),\n] satisfies RouteConfig;\n`,
  "app/tracing.server.ts": TRACING_TS,
};
const RR_LOADER = `import type { LoaderFunctionArgs } from "react-router";
import { tracer } from "../../tracing.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const answer = await tracer.startSpan("answer", async () => request.url);
  return { answer };
}
`;
const REMIX_CONFIG_VERCEL = {
  "package.json": pkg({ ...HH, "@remix-run/node": "^2.15.0", "@vercel/remix": "^2.15.0" }),
  "remix.config.js": `/** @type {import('@remix-run/dev').AppConfig} */\nmodule.exports = {\n  appDirectory: "app",\n  routes(defineRoutes) {\n    return defineRoutes((route) => {\n      route("/chat", "features/chat.tsx");\n    });\n  },\n};\n`,
  "app/tracing.server.ts": TRACING_TS,
};

// ---- Supabase ----
const SUPABASE = {
  "supabase/config.toml": `project_id = "support"\n`,
  "supabase/functions/_shared/tracing.ts": `import { HoneyHiveTracer } from "npm:honeyhive@2";\n\nexport const tracer = HoneyHiveTracer.init({ apiKey: Deno.env.get("HH_API_KEY"), project: "support" });\n`,
};
const supabaseFunction = (flush: string): string => `import "jsr:@supabase/functions-js/edge-runtime.d.ts";
import { tracer } from "../_shared/tracing.ts";

Deno.serve(async (req) => {
  const answer = await tracer.startSpan("answer", async () => req.url);
${flush}  return new Response(answer);
});
`;

describe(`${FLUSH_RULE} (gaps-platforms-2)`, () => {
  const reported: Case[] = [
    c("CDK app in infra/ beside services/: its stack's entry names services/chat/handler.ts", lambdaNamed("main", "./tracing"), {
      filename: "services/chat/handler.ts",
      files: infraBeside(`path.join(__dirname, "../../../services/chat/handler.ts")`),
    }),
    c("CDK stack entry written fileURLToPath(new URL(\"../src/chat.ts\", import.meta.url))", lambdaNamed("main", "./tracing"), {
      filename: "src/chat.ts",
      files: cdkApp("lib/chat-stack.ts", `fileURLToPath(new URL("../src/chat.ts", import.meta.url))`),
    }),
    c("CDK stack entry written new URL(\"../src/chat.ts\", import.meta.url).pathname", lambdaNamed("main", "./tracing"), {
      filename: "src/chat.ts",
      files: cdkApp("lib/chat-stack.ts", `new URL("../src/chat.ts", import.meta.url).pathname`),
    }),
    c("CDK stack nested in lib/stacks/chat-stack.ts (path.join(__dirname, \"../../src/chat.ts\"))", lambdaNamed("main", "./tracing"), {
      filename: "src/chat.ts",
      files: cdkApp("lib/stacks/chat-stack.ts", `path.join(__dirname, "../../src/chat.ts")`),
    }),
    // SvelteKit on Cloudflare (adapter-cloudflare: Workers or Pages, which cancel work after the response).
    c("SvelteKit +server.ts with @sveltejs/adapter-cloudflare: returns without a flush", SVELTE_ROUTE, { filename: "src/routes/api/chat/+server.ts", files: svelteProject(CLOUDFLARE_ADAPTER, {}) }),
    // A `sequence(…)` of handles none of which flushes after resolve covers nothing (the look-alike of the quiet case).
    c("SvelteKit on Vercel whose handle = sequence(logging, other) flushes nowhere", SVELTE_ROUTE, {
      filename: "src/routes/api/chat/+server.ts",
      files: svelteProject(VERCEL_ADAPTER, { "src/hooks.server.ts": hooks(`const logging: Handle = ${LOGGING_HANDLE};\n\nexport const handle = sequence(logging, logging);`) }),
    }),
    // kit.files.hooks.server moved the hooks file: a flushing src/hooks.server.ts is then not the app's.
    c("SvelteKit on Vercel with kit.files.hooks.server = src/server/hooks: a flushing src/hooks.server.ts is not loaded", SVELTE_ROUTE, {
      filename: "src/routes/api/chat/+server.ts",
      files: svelteProject(VERCEL_ADAPTER, { "src/hooks.server.ts": hooks(`export const handle: Handle = ${FLUSHING_HANDLE};`), "src/server/hooks.ts": hooks(`export const handle: Handle = ${LOGGING_HANDLE};`) }, `import adapter from "${VERCEL_ADAPTER}";\n\nexport default { kit: { adapter: adapter(), files: { hooks: { server: "src/server/hooks" } } } };\n`),
    }),
    // Remix / React Router on Cloudflare, and a route module outside app/routes.
    c("Supabase edge function that hands a flush to a waitUntil of its own making (not EdgeRuntime's)", supabaseFunction("  const waitUntil = (promise: Promise<unknown>) => void promise;\n  waitUntil(tracer.forceFlush());\n"), { filename: "supabase/functions/chat/index.ts", files: SUPABASE }),
    c("Remix loader on Cloudflare (@remix-run/cloudflare, wrangler.toml) returns without a flush", remixLoader(""), { filename: "app/routes/chat.tsx", files: REMIX_CLOUDFLARE }),
    c("React Router 7 route app/features/chat/route.tsx named in app/routes.ts, on Vercel", RR_LOADER, { filename: "app/features/chat/route.tsx", files: REACT_ROUTER_VERCEL }),
    c("Remix route app/features/chat.tsx named by remix.config.js routes(), on Vercel", RR_LOADER.replace('"react-router"', '"@remix-run/node"').replace("../../tracing.server", "../tracing.server"), { filename: "app/features/chat.tsx", files: REMIX_CONFIG_VERCEL }),
  ];
  const quiet: Case[] = [
    c("CDK app in infra/ whose stack names services/other/handler.ts: services/chat's `main` is no handler", lambdaNamed("main", "./tracing"), {
      filename: "services/chat/handler.ts",
      files: infraBeside(`path.join(__dirname, "../../../services/other/handler.ts")`),
    }),
    c("a cdk.json-shaped file inside node_modules/ beside the code names it: no CDK app of the project", lambdaNamed("main", "./tracing"), {
      filename: "src/chat.ts",
      files: {
        "package.json": pkg(HH),
        "src/tracing.ts": TRACING_TS,
        "node_modules/some-cdk-app/cdk.json": JSON.stringify({ app: "node bin/app.js" }),
        "node_modules/some-cdk-app/lib/stack.ts": cdkStack(`path.join(__dirname, "../../../src/chat.ts")`),
      },
    }),
    c("CDK stack entry fileURLToPath(new URL(\"../src/other.ts\", import.meta.url)): src/chat.ts's `main` is no handler", lambdaNamed("main", "./tracing"), {
      filename: "src/chat.ts",
      files: cdkApp("lib/chat-stack.ts", `fileURLToPath(new URL("../src/other.ts", import.meta.url))`),
    }),
    c("CDK stack nested in lib/stacks/ naming src/other.ts", lambdaNamed("main", "./tracing"), {
      filename: "src/chat.ts",
      files: cdkApp("lib/stacks/chat-stack.ts", `path.join(__dirname, "../../src/other.ts")`),
    }),
    // SvelteKit: the Cloudflare execution context as SvelteKit hands it to a route (`platform.context`, `platform.ctx`).
    c("SvelteKit on Cloudflare whose route hands the flush to platform.context.waitUntil", `import { tracer } from "$lib/tracing";

export async function POST({ request, platform }: { request: Request; platform: { context: { waitUntil(p: Promise<unknown>): void } } }) {
  const answer = await tracer.startSpan("answer", async () => request.url);
  platform.context.waitUntil(tracer.forceFlush());
  return new Response(answer);
}
`, { filename: "src/routes/api/chat/+server.ts", files: svelteProject(CLOUDFLARE_ADAPTER, {}) }),
    c("SvelteKit on Cloudflare whose route hands the flush to event.platform.ctx.waitUntil", `import type { RequestEvent } from "@sveltejs/kit";
import { tracer } from "$lib/tracing";

export async function POST(event: RequestEvent) {
  const answer = await tracer.startSpan("answer", async () => event.request.url);
  event.platform!.ctx.waitUntil(tracer.forceFlush());
  return new Response(answer);
}
`, { filename: "src/routes/api/chat/+server.ts", files: svelteProject(CLOUDFLARE_ADAPTER, {}) }),
    c("SvelteKit on Vercel whose handle = sequence(logging, flushing): the flushing one awaits resolve and flushes", SVELTE_ROUTE, {
      filename: "src/routes/api/chat/+server.ts",
      files: svelteProject(VERCEL_ADAPTER, { "src/hooks.server.ts": hooks(`const logging: Handle = ${LOGGING_HANDLE};\nconst flushing: Handle = ${FLUSHING_HANDLE};\n\nexport const handle = sequence(logging, flushing);`) }),
    }),
    c("SvelteKit on Vercel whose handle takes (input) and flushes after input.resolve(input.event)", SVELTE_ROUTE, {
      filename: "src/routes/api/chat/+server.ts",
      files: svelteProject(VERCEL_ADAPTER, { "src/hooks.server.ts": hooks(`export const handle: Handle = async (input) => {\n  const response = await input.resolve(input.event);\n  await tracer.forceFlush();\n  return response;\n};\nvoid sequence;`) }),
    }),
    c("SvelteKit on Vercel with kit.files.hooks.server = src/server/hooks, whose handle flushes", SVELTE_ROUTE, {
      filename: "src/routes/api/chat/+server.ts",
      files: svelteProject(VERCEL_ADAPTER, { "src/server/hooks.ts": hooks(`export const handle: Handle = ${FLUSHING_HANDLE};`) }, `import adapter from "${VERCEL_ADAPTER}";\n\nexport default { kit: { adapter: adapter(), files: { hooks: { server: "src/server/hooks" } } } };\n`),
    }),
    c("Remix loader on Cloudflare that hands the flush to context.cloudflare.ctx.waitUntil", remixLoader("  context.cloudflare.ctx.waitUntil(tracer.forceFlush());\n"), { filename: "app/routes/chat.tsx", files: REMIX_CLOUDFLARE }),
    c("a module beside a React Router 7 route that app/routes.ts does not name (app/features/chat/helpers.tsx)", RR_LOADER, { filename: "app/features/chat/helpers.tsx", files: REACT_ROUTER_VERCEL }),
    c("a Remix module app/features/other.tsx that remix.config.js does not name", RR_LOADER.replace('"react-router"', '"@remix-run/node"').replace("../../tracing.server", "../tracing.server"), { filename: "app/features/other.tsx", files: REMIX_CONFIG_VERCEL }),
    // Supabase: `EdgeRuntime.waitUntil(promise)` keeps the instance running until the promise settles.
    c("Supabase edge function that hands the flush to EdgeRuntime.waitUntil", supabaseFunction("  EdgeRuntime.waitUntil(tracer.forceFlush());\n"), { filename: "supabase/functions/chat/index.ts", files: SUPABASE }),
  ];
  describeBlindCases(FLUSH_RULE, flushRule as AnyRule, { reported, quiet }, KNOWN);
});

// ---- require-valid-session-id: which branch of a check fails ----
// A check counts when its failing branch ends the flow (gaps-rules-9); which branch fails was read from `!` and the
// verdict keys `error`/`issues` only. Now also `errors` (zod's ZodError.errors, ajv's), only the first key of a chain
// (`result.error?.issues` is one failure), a list's count (`if (errors.length)`, `> 0`, `!== 0`, `=== 0`: knowledge/schema-checks.ts
// COUNT_MEMBER), and tests of `success`, the `validator` package's `validator.isUUID(id)` member form and an inline
// `z.string().uuid().safeParse(id).success` (these three held before; untested).
const expressRoute = (check: string, imports = ""): string => `import express from "express";
${imports}import { tracer } from "./tracing";

const app = express();
app.post("/chat", (req, res) => {
  const id = req.get("x-session-id") ?? "";
${check}
  tracer.createSession({ sessionId: id });
  res.end();
});
app.listen(3000);
`;
const SESSION_FILES = { "package.json": pkg({ ...HH, express: "^4.21.2", zod: "^3.24.0", validator: "^13.12.0", "class-validator": "^0.14.1" }), "src/tracing.ts": TRACING_TS };
const ZOD = `import { z } from "zod";\n`;
const SESSION_SCHEMA = `const Session = z.object({ id: z.string().uuid() });\n`;
const onApp = (name: string, check: string, imports = ""): Case => c(name, expressRoute(check, imports), { filename: "src/app.ts", files: SESSION_FILES });

describe(`${SESSION_ID_RULE} (gaps-platforms-2: the failing branch)`, () => {
  const quiet: Case[] = [
    onApp("if (errors.length) return 400 (a list of failures from a validator of the app)", `  const errors = Session.safeParse({ id }).error?.issues ?? [];\n  if (errors.length) return res.status(400).end();`, ZOD + SESSION_SCHEMA),
    onApp("if (result.error?.issues.length > 0) return 400", `  const result = Session.safeParse({ id });\n  if (result.error?.issues.length > 0) return res.status(400).end();`, ZOD + SESSION_SCHEMA),
    onApp("if (!result.success) return 400", `  const result = Session.safeParse({ id });\n  if (!result.success) return res.status(400).end();`, ZOD + SESSION_SCHEMA),
    onApp("if (result.error) return 400", `  const result = Session.safeParse({ id });\n  if (result.error) return res.status(400).end();`, ZOD + SESSION_SCHEMA),
    onApp("const { error: validation } = …; if (validation?.errors.length > 0) return 400 (zod's ZodError.errors)", `  const { error: validation } = Session.safeParse({ id });\n  if (validation?.errors.length > 0) return res.status(400).end();`, ZOD + SESSION_SCHEMA),
    onApp("const errors = result.success ? [] : […]; if (errors.length !== 0) return 400", `  const result = Session.safeParse({ id });\n  const errors = result.success ? [] : ["invalid session id"];\n  if (errors.length !== 0) return res.status(400).end();`, ZOD + SESSION_SCHEMA),
    onApp("if (!validator.isUUID(id)) return 400 (the validator package's default export, member form)", `  if (!validator.isUUID(id)) return res.status(400).end();`, `import validator from "validator";\n`),
    onApp("if (!z.string().uuid().safeParse(id).success) return 400 (inline schema)", `  if (!z.string().uuid().safeParse(id).success) return res.status(400).end();`, ZOD),
  ];
  const reported: Case[] = [
    // The same checks with the branches the other way round: the failing branch only logs, or the passing one returns.
    onApp("if (errors.length === 0) return 400 (returns when nothing failed)", `  const errors = Session.safeParse({ id }).error?.issues ?? [];\n  if (errors.length === 0) return res.status(400).end();`, ZOD + SESSION_SCHEMA),
    onApp("if (result.success) return 400 (returns when the check passed)", `  const result = Session.safeParse({ id });\n  if (result.success) return res.status(400).end();`, ZOD + SESSION_SCHEMA),
    onApp("if (validator.isUUID(id)) return 400 (returns when the id is valid)", `  if (validator.isUUID(id)) return res.status(400).end();`, `import validator from "validator";\n`),
    onApp("if (result.error?.issues.length === 0) return 400 (returns when nothing failed)", `  const result = Session.safeParse({ id });\n  if (result.error?.issues.length === 0) return res.status(400).end();`, ZOD + SESSION_SCHEMA),
    onApp("if (errors.length) console.warn(…) (the failing branch only logs)", `  const errors = Session.safeParse({ id }).error?.issues ?? [];\n  if (errors.length) console.warn("bad session id");`, ZOD + SESSION_SCHEMA),
  ];
  describeBlindCases(SESSION_ID_RULE, sessionIdRule as AnyRule, { reported, quiet }, []);
});
