// Blind cases, fifteenth round: THE NEWEST FRAMEWORK AND RUNTIME VERSIONS (2025–2026), across the eight rules, written
// the way each framework's current docs write its handlers: Bun ≥1.2 `Bun.serve({ routes })` (per-method objects, static
// routes), `export default { fetch } satisfies Serve`, `Deno.serve` and `deno serve`'s `export default { fetch }
// satisfies Deno.ServeDefaultExport`, Cloudflare `WorkerEntrypoint` classes, Durable Objects and Workflows, Vercel's
// web-standard `export default { fetch }` with `@vercel/functions`' `waitUntil`; Next.js 15/16 (`after`, route segment
// config, `proxy.ts`, `"use server"` files, `export const runtime`), React Router 7 framework mode (`Route.ActionArgs`),
// TanStack Start (`createServerFn(...).handler(...)`, `createServerFileRoute().methods(...)`, `createFileRoute(path)({
// server: { handlers } })`), h3 v2 / Nitro v3 (`defineHandler`, `new H3().post(...)`, `import { defineHandler } from
// "nitro"`), Express 5, Fastify 5, Hono 4 (`createFactory().createHandlers`, `app.on`), Elysia 1.x, Astro 5 `APIRoute`,
// SvelteKit 2 `RequestHandler`, Nuxt 4 `server/api`; AWS Lambda on Node 22 (`.mjs`, `awslambda.streamifyResponse`),
// Azure Functions v4 (`app.http` with `extraInputs`), the Functions Framework v4, Firebase v2 `onRequest({ … }, fn)`
// (also `firebase-functions/https`), Netlify Functions v2 (`export const config = { path }`), Supabase Edge `Deno.serve`.
// About 40% are quiet look-alikes (another SDK's session or flush, a self-hosted server, an app's own `sessionStart`).
//
// Written before reading the analysis code (analysis/**, rules/*.ts), from the seeds (/work/shared/seeds/: "Don't use
// session_start() for web servers", "call tracer.force_flush() before returning so buffered spans are exported before the
// runtime freezes", "initialize the tracer outside the handler", "Initialize the tracer before any instrumentor ... pass
// tracer.provider", "When you're running experiments with evaluate(), don't initialize your own tracer", "Always pass
// tracer parameter to @trace"), README and docs/rules/*.md (require-force-flush-in-lambda's platform table: Vercel's
// `export default { fetch }`, `waitUntil` of `@vercel/functions`, `this.ctx.waitUntil` in a `WorkerEntrypoint`, a Durable
// Object's `fetch` is no entry point, Supabase's `EdgeRuntime.waitUntil`, Netlify's `context.waitUntil`, Next.js's
// serverless signals `runtime`/`maxDuration`/`vercel.json` and `after()`; no-session-start-in-handler's "What is
// recognized" table: Bun `routes`, `Deno.serve`, Durable Objects and Workflows, h3 v2 `new H3()`, React Router's
// `+types` routes; require-valid-session-id's sources table). Each case asserts the CORRECT behaviour: `reported` (at
// least one report of the rule) or `quiet` (none). Cases the core does not get right are in the labelled KNOWN block,
// asserting today's behaviour with a reason each (harness: ./test-utils/blind-cases.ts).
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
import { HH2, pkg, projectAt, TRACING_TS } from "./test-utils/programs.js";

// Cases the core gets wrong today (`Known` in ./test-utils/blind-cases.ts); each says why, and where.
// First run (160 cases, 2026-12-06): 7 misses, no false report, no crash, no parse failure; every other newest shape
// (Bun `routes`, `satisfies Serve` and `Deno.ServeDefaultExport` default exports, WorkerEntrypoint/Durable Object/Workflow
// classes, Vercel's `export default { fetch }` and `waitUntil`, Next.js 15/16 `after`, segment config, `proxy.ts`, server
// actions, React Router 7 `+types` routes, h3 v2 `new H3()`, Express 5, Fastify 5, Hono 4 factories and `app.on`, Elysia,
// Astro 5, SvelteKit 2 adapters, Nuxt 4 presets, `.mjs` Lambdas, `streamifyResponse`, Azure v4 `extraInputs`, Functions
// Framework v4, Firebase v2 options and `firebase-functions/https`, Netlify v2 `config.path`, Supabase `EdgeRuntime`) was
// read right. No expectation had to be corrected. The misses, both knowledge of the world (fixed in fix-blind15, look-alikes
// in rules/fix-blind15.test.ts):
// (A) TANSTACK START was no framework: `createServerFn(…).handler(fn)` (session start, tracer init, its `data` as input),
//     `createServerFileRoute(path).methods({ POST })` and `createFileRoute(path)({ server: { handlers } })` registered
//     nothing (5 misses). Now analysis/knowledge/frameworks/tanstack-start.ts; the validator chain is read through
//     `validatedBy.chainedCall`, which takes a list (`inputValidator`, and `validator` before 1.13x).
// (B) NITRO V3 imports `defineHandler` from `"nitro"` / `"nitro/h3"` (v3 dropped the auto-imports): not among h3's modules
//     (analysis/knowledge/frameworks/h3.ts `H3_MODULES`), so its routes were no handlers (2 misses). Added.
// Second batch (4 cases, after fix-blind15: Astro 5 on its Vercel and Node adapters, React Router 7 with the
// `@vercel/react-router` preset, a Next.js route flushing through `waitUntil` of `@vercel/functions`): 1 miss, (C):
// (C) AN ASTRO ENDPOINT ON A SERVERLESS ADAPTER is no entry point: the Astro descriptor has no `platform`
//     (analysis/knowledge/frameworks/astro.ts:9), so `adapter: vercel()` of `@astrojs/vercel` (also `@astrojs/netlify`,
//     `@astrojs/cloudflare`) in astro.config.* makes nothing serverless, where SvelteKit's adapters do
//     (server-adapters-config.ts:135 `svelteKitAdapterPlatform`, the model for an `astroAdapterPlatform`). Fixed since
//     (fix-blind15, `astroAdapterPlatform`: `@astrojs/vercel` and `@astrojs/netlify`; `@astrojs/cloudflare` since platforms-3).
const KNOWN: readonly Known[] = [];
const describeCases = (ruleName: string, rule: AnyRule, cases: { reported: readonly Case[]; quiet: readonly Case[] }): void =>
  describeBlindCases(ruleName, rule, cases, KNOWN);

const DENO_TRACING_TS = `import { HoneyHiveTracer } from "npm:honeyhive@^2";

export const tracer = HoneyHiveTracer.init({ apiKey: Deno.env.get("HH_API_KEY"), project: "edge" });
`;
const BUN = projectAt({ "@types/bun": "^1.2.19" }, "src/tracing.ts", {}, { type: "module" });
const DENO = { "deno.json": `{ "imports": { "honeyhive": "npm:honeyhive@^2" } }`, "src/tracing.ts": DENO_TRACING_TS };
const WRANGLER = `{
  "name": "chat-worker",
  "main": "src/index.ts",
  "compatibility_date": "2025-09-01",
  "compatibility_flags": ["nodejs_compat"]
}
`;
const CLOUDFLARE = projectAt({ "@cloudflare/workers-types": "^4.20250901.0", wrangler: "^4.33.0" }, "src/tracing.ts", { "wrangler.jsonc": WRANGLER });
const VERCEL_FN = projectAt({ "@vercel/functions": "^2.2.0" }, "api/_lib/tracing.ts");
const NEXT = projectAt({ next: "^15.5.0", react: "^19.1.0" }, "lib/tracing.ts");
const NEXT_VERCEL = { ...NEXT, "vercel.json": `{ "regions": ["iad1"] }` };
const NEXT16 = projectAt({ next: "^16.0.0", react: "^19.2.0" }, "src/lib/tracing.ts");
const RR7 = projectAt({ "react-router": "^7.8.0", "@react-router/node": "^7.8.0" }, "app/lib/tracing.ts", { "react-router.config.ts": `export default { ssr: true };\n` });
const TANSTACK = projectAt({ "@tanstack/react-start": "^1.131.0", "@tanstack/react-router": "^1.131.0" }, "src/lib/tracing.ts");
const H3V2 = projectAt({ h3: "^2.0.0" }, "src/tracing.ts", {}, { type: "module" });
const NITRO3 = projectAt({ nitro: "^3.0.0" }, "lib/tracing.ts", { "nitro.config.ts": `import { defineConfig } from "nitro";\n\nexport default defineConfig({ serverDir: "./" });\n` }, { type: "module" });
const EXPRESS5 = projectAt({ express: "^5.1.0" }, "src/tracing.ts");
const FASTIFY5 = projectAt({ fastify: "^5.5.0" }, "src/tracing.ts");
const HONO = projectAt({ hono: "^4.9.0", "@hono/node-server": "^1.19.0" }, "src/tracing.ts");
const ELYSIA = projectAt({ elysia: "^1.3.0" }, "src/tracing.ts", {}, { type: "module" });
const ASTRO = projectAt({ astro: "^5.13.0" }, "src/lib/tracing.ts");
const SVELTEKIT = (adapter: string) =>
  projectAt({ "@sveltejs/kit": "^2.36.0", [adapter]: "^5.0.0" }, "src/lib/tracing.ts", {
    "svelte.config.js": `import adapter from "${adapter}";\n\nexport default { kit: { adapter: adapter() } };\n`,
  });
const NUXT = (preset: string | undefined) =>
  projectAt({ nuxt: "^4.0.0" }, "server/utils/tracing.ts", {
    "nuxt.config.ts": preset === undefined ? `export default defineNuxtConfig({ compatibilityDate: "2025-07-15" });\n` : `export default defineNuxtConfig({ compatibilityDate: "2025-07-15", nitro: { preset: "${preset}" } });\n`,
  });
const AWS_MJS = { "package.json": pkg(HH2, { type: "module" }), "tracing.mjs": TRACING_TS.replace("process.env.HH_API_KEY", "process.env.HH_API_KEY") };
const AZURE = projectAt({ "@azure/functions": "^4.7.0" }, "src/tracing.ts", { "host.json": `{ "version": "2.0" }` }, { main: "dist/src/functions/*.js" });
const GCP = projectAt({ "@google-cloud/functions-framework": "^4.0.0" }, "src/tracing.ts", {}, { main: "dist/index.js" });
const FIREBASE = projectAt({ "firebase-functions": "^6.4.0", "firebase-admin": "^13.4.0" }, "src/tracing.ts", {}, { main: "lib/index.js" });
const NETLIFY = projectAt({ "@netlify/functions": "^4.2.0" }, "netlify/lib/tracing.ts", {}, { type: "module" });
const SUPABASE = { "supabase/config.toml": `project_id = "chat"\n`, "supabase/functions/_shared/tracing.ts": DENO_TRACING_TS };

// ---------------------------------------------------------------------------------------------------------------
describe(`${SESSION_START_RULE}: the newest framework and runtime shapes`, () => {
  const reported: Case[] = [
    c("Bun.serve routes: a per-method POST object", `import { tracer } from "./tracing";

Bun.serve({
  routes: {
    "/api/status": new Response("OK"),
    "/api/chat": {
      POST: async (req) => {
        tracer.sessionStart({ sessionName: "chat" });
        return Response.json({ ok: true, body: await req.json() });
      },
    },
  },
});
`, { files: BUN, filename: "src/server.ts" }),
    c("Bun.serve routes: a dynamic route function", `import { tracer } from "./tracing";

const server = Bun.serve({
  port: 3000,
  routes: {
    "/users/:id": (req) => {
      tracer.sessionStart({ sessionName: \`user-\${req.params.id}\` });
      return Response.json({ id: req.params.id });
    },
  },
  fetch() {
    return new Response("Not found", { status: 404 });
  },
});
console.log(server.url.href);
`, { files: BUN, filename: "src/server.ts" }),
    c("Bun: export default { fetch } satisfies Serve", `import type { Serve } from "bun";
import { tracer } from "./tracing";

export default {
  async fetch(request) {
    tracer.sessionStart({ sessionName: new URL(request.url).pathname });
    return new Response("ok");
  },
} satisfies Serve;
`, { files: BUN, filename: "src/server.ts" }),
    c("Deno.serve with options and handler", `import { tracer } from "./tracing.ts";

Deno.serve({ port: 8000 }, async (req: Request) => {
  tracer.sessionStart({ sessionName: "deno" });
  return new Response(await req.text());
});
`, { files: DENO, filename: "src/main.ts" }),
    c("deno serve: export default { fetch } satisfies Deno.ServeDefaultExport", `import { tracer } from "./tracing.ts";

export default {
  async fetch(request: Request) {
    tracer.sessionStart({ sessionName: request.method });
    return new Response("hello");
  },
} satisfies Deno.ServeDefaultExport;
`, { files: DENO, filename: "src/main.ts" }),
    c("Cloudflare WorkerEntrypoint default class fetch", `import { WorkerEntrypoint } from "cloudflare:workers";
import { tracer } from "./tracing";

export default class extends WorkerEntrypoint<Env> {
  async fetch(request: Request) {
    tracer.sessionStart({ sessionName: new URL(request.url).pathname });
    return new Response("ok");
  }
}
`, { files: CLOUDFLARE, filename: "src/index.ts" }),
    c("Cloudflare Durable Object fetch", `import { DurableObject } from "cloudflare:workers";
import { tracer } from "./tracing";

export class ChatRoom extends DurableObject<Env> {
  async fetch(request: Request) {
    tracer.sessionStart({ sessionName: "room" });
    return new Response(await request.text());
  }
}
`, { files: CLOUDFLARE, filename: "src/room.ts" }),
    c("Cloudflare Workflows WorkflowEntrypoint.run", `import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep } from "cloudflare:workers";
import { tracer } from "./tracing";

type Params = { email: string };

export class OnboardingWorkflow extends WorkflowEntrypoint<Env, Params> {
  async run(event: WorkflowEvent<Params>, step: WorkflowStep) {
    tracer.sessionStart({ sessionName: event.payload.email });
    await step.do("send welcome", async () => ({ sent: true }));
  }
}
`, { files: CLOUDFLARE, filename: "src/workflow.ts" }),
    c("Vercel fetch-style Node function: export default { fetch }", `import { tracer } from "./_lib/tracing";

export default {
  async fetch(request: Request) {
    tracer.sessionStart({ sessionName: "vercel" });
    return Response.json({ ok: true });
  },
};
`, { files: VERCEL_FN, filename: "api/chat.ts" }),
    c("Next.js 15 route handler in app/api (self-hosted is still a request handler)", `import { NextResponse } from "next/server";
import { tracer } from "../../../lib/tracing";

export async function POST(request: Request) {
  tracer.sessionStart({ sessionName: "chat" });
  return NextResponse.json(await request.json());
}
`, { files: NEXT, filename: "app/api/chat/route.ts" }),
    c("Next.js 16 proxy.ts (the renamed middleware)", `import { NextResponse, type NextRequest } from "next/server";
import { tracer } from "./lib/tracing";

export function proxy(request: NextRequest) {
  tracer.sessionStart({ sessionName: request.nextUrl.pathname });
  return NextResponse.next();
}

export const config = { matcher: ["/api/:path*"] };
`, { files: NEXT16, filename: "src/proxy.ts" }),
    c("Next.js server action in a \"use server\" file", `"use server";

import { tracer } from "../lib/tracing";

export async function sendMessage(formData: FormData) {
  tracer.sessionStart({ sessionName: String(formData.get("topic")) });
  return { ok: true };
}
`, { files: NEXT, filename: "app/actions.ts" }),
    c("React Router 7 framework mode action with Route.ActionArgs", `import type { Route } from "./+types/chat";
import { tracer } from "../lib/tracing";

export async function action({ request }: Route.ActionArgs) {
  tracer.sessionStart({ sessionName: "chat" });
  const form = await request.formData();
  return { message: form.get("message") };
}

export default function Chat() {
  return null;
}
`, { files: RR7, filename: "app/routes/chat.tsx" }),
    c("React Router 7 loader({ request, context })", `import type { Route } from "./+types/home";
import { tracer } from "../lib/tracing";

export async function loader({ request, context }: Route.LoaderArgs) {
  tracer.sessionStart({ sessionName: new URL(request.url).pathname });
  return { user: context };
}
`, { files: RR7, filename: "app/routes/home.tsx" }),
    c("TanStack Start createServerFn handler", `import { createServerFn } from "@tanstack/react-start";
import { tracer } from "../lib/tracing";

export const sendMessage = createServerFn({ method: "POST" })
  .validator((data: { message: string }) => data)
  .handler(async ({ data }) => {
    tracer.sessionStart({ sessionName: "chat" });
    return { echo: data.message };
  });
`, { files: TANSTACK, filename: "src/server/chat.ts" }),
    c("TanStack Start server route createServerFileRoute().methods({ POST })", `import { createServerFileRoute } from "@tanstack/react-start/server";
import { tracer } from "../../lib/tracing";

export const ServerRoute = createServerFileRoute("/api/chat").methods({
  POST: async ({ request }) => {
    tracer.sessionStart({ sessionName: "chat" });
    return new Response(await request.text());
  },
});
`, { files: TANSTACK, filename: "src/routes/api/chat.ts" }),
    c("TanStack Start createFileRoute(path)({ server: { handlers } })", `import { createFileRoute } from "@tanstack/react-router";
import { tracer } from "../../lib/tracing";

export const Route = createFileRoute("/api/chat")({
  server: {
    handlers: {
      POST: async ({ request }) => {
        tracer.sessionStart({ sessionName: "chat" });
        return Response.json(await request.json());
      },
    },
  },
});
`, { files: TANSTACK, filename: "src/routes/api/chat.ts" }),
    c("h3 v2: new H3().post(path, defineHandler(...))", `import { H3, defineHandler, serve } from "h3";
import { tracer } from "./tracing";

const app = new H3().post(
  "/chat",
  defineHandler(async (event) => {
    tracer.sessionStart({ sessionName: event.url.pathname });
    return { ok: true };
  }),
);

serve(app, { port: 3000 });
`, { files: H3V2, filename: "src/server.ts" }),
    c("Nitro v3 route: defineHandler imported from \"nitro\"", `import { defineHandler } from "nitro";
import { tracer } from "../../lib/tracing";

export default defineHandler(async (event) => {
  tracer.sessionStart({ sessionName: event.path });
  return { ok: true };
});
`, { files: NITRO3, filename: "routes/api/chat.post.ts" }),
    c("Nitro v3 route: defineHandler imported from \"nitro/h3\"", `import { defineHandler } from "nitro/h3";
import { tracer } from "../lib/tracing";

export default defineHandler((event) => {
  tracer.sessionStart({ sessionName: event.path });
  return "ok";
});
`, { files: NITRO3, filename: "routes/hello.ts" }),
    c("Express 5: async handler on app.route(path).post", `import express from "express";
import { tracer } from "./tracing";

const app = express();
app.use(express.json());
app.route("/chat").post(async (req, res) => {
  tracer.sessionStart({ sessionName: "chat" });
  res.json({ ok: true, body: req.body });
});
app.listen(3000);
`, { files: EXPRESS5, filename: "src/server.ts" }),
    c("Fastify 5 route", `import Fastify from "fastify";
import { tracer } from "./tracing";

const fastify = Fastify({ logger: true });
fastify.post("/chat", async (request, reply) => {
  tracer.sessionStart({ sessionName: request.url });
  return reply.send({ ok: true });
});
await fastify.listen({ port: 3000 });
`, { files: FASTIFY5, filename: "src/server.ts" }),
    c("Hono 4: createFactory().createHandlers from hono/factory", `import { Hono } from "hono";
import { createFactory } from "hono/factory";
import { tracer } from "./tracing";

const factory = createFactory();
const handlers = factory.createHandlers(async (c) => {
  tracer.sessionStart({ sessionName: c.req.path });
  return c.json({ ok: true });
});

const app = new Hono();
app.post("/chat", ...handlers);
export default app;
`, { files: HONO, filename: "src/app.ts" }),
    c("Hono 4: app.on(methods, path, handler)", `import { Hono } from "hono";
import { tracer } from "./tracing";

const app = new Hono();
app.on(["POST", "PUT"], "/chat", async (c) => {
  tracer.sessionStart({ sessionName: c.req.method });
  return c.text("ok");
});
export default app;
`, { files: HONO, filename: "src/app.ts" }),
    c("Elysia 1.x chain", `import { Elysia, t } from "elysia";
import { tracer } from "./tracing";

new Elysia()
  .post(
    "/chat",
    ({ body }) => {
      tracer.sessionStart({ sessionName: "chat" });
      return { echo: body.message };
    },
    { body: t.Object({ message: t.String() }) },
  )
  .listen(3000);
`, { files: ELYSIA, filename: "src/index.ts" }),
    c("Astro 5 APIRoute", `import type { APIRoute } from "astro";
import { tracer } from "../../lib/tracing";

export const prerender = false;

export const POST: APIRoute = async ({ request }) => {
  tracer.sessionStart({ sessionName: "astro" });
  return new Response(await request.text());
};
`, { files: ASTRO, filename: "src/pages/api/chat.ts" }),
    c("SvelteKit 2 RequestHandler", `import { json, type RequestHandler } from "@sveltejs/kit";
import { tracer } from "../../../lib/tracing";

export const POST: RequestHandler = async ({ request }) => {
  tracer.sessionStart({ sessionName: "kit" });
  return json(await request.json());
};
`, { files: SVELTEKIT("@sveltejs/adapter-node"), filename: "src/routes/api/chat/+server.ts" }),
    c("Nuxt 4 server/api with the auto-imported defineEventHandler", `import { tracer } from "../utils/tracing";

export default defineEventHandler(async (event) => {
  tracer.sessionStart({ sessionName: event.path });
  return { ok: true };
});
`, { files: NUXT(undefined), filename: "server/api/chat.post.ts" }),
    c("AWS Lambda Node 22 ESM .mjs handler", `import { tracer } from "./tracing.mjs";

export const handler = async (event) => {
  tracer.sessionStart({ sessionName: event.rawPath });
  return { statusCode: 200, body: "ok" };
};
`, { files: AWS_MJS, filename: "index.mjs" }),
    c("Azure Functions v4 app.http with extraInputs", `import { app, input, type HttpRequest, type InvocationContext } from "@azure/functions";
import { tracer } from "../tracing";

const blobInput = input.storageBlob({ path: "prompts/system.txt", connection: "AzureWebJobsStorage" });

app.http("chat", {
  methods: ["POST"],
  authLevel: "anonymous",
  extraInputs: [blobInput],
  handler: async (request: HttpRequest, context: InvocationContext) => {
    tracer.sessionStart({ sessionName: context.invocationId });
    return { jsonBody: { prompt: context.extraInputs.get(blobInput), body: await request.text() } };
  },
});
`, { files: AZURE, filename: "src/functions/chat.ts" }),
    c("Firebase v2 onRequest({ options }, fn)", `import { onRequest } from "firebase-functions/v2/https";
import { tracer } from "./tracing";

export const chat = onRequest({ cors: true, region: "europe-west1" }, async (req, res) => {
  tracer.sessionStart({ sessionName: "firebase" });
  res.json({ ok: true });
});
`, { files: FIREBASE, filename: "src/index.ts" }),
    c("Supabase Edge Function Deno.serve", `import "jsr:@supabase/functions-js/edge-runtime.d.ts";
import { tracer } from "../_shared/tracing.ts";

Deno.serve(async (req) => {
  tracer.sessionStart({ sessionName: "edge" });
  return new Response(JSON.stringify(await req.json()), { headers: { "Content-Type": "application/json" } });
});
`, { files: SUPABASE, filename: "supabase/functions/chat/index.ts" }),
  ];
  const quiet: Case[] = [
    c("Bun.serve routes with createSession (the fix)", `import { tracer } from "./tracing";

Bun.serve({
  routes: {
    "/api/chat": {
      POST: async (req) => {
        tracer.createSession({ sessionName: "chat" });
        return Response.json(await req.json());
      },
    },
  },
});
`, { files: BUN, filename: "src/server.ts" }),
    c("Bun script: sessionStart once at the top of a one-shot script", `import { tracer } from "./tracing";

tracer.sessionStart({ sessionName: "nightly-import" });
const rows = await Bun.file("rows.json").json();
console.log(rows.length);
`, { files: BUN, filename: "src/nightly.ts" }),
    c("Bun.serve routes: PostHog's sessionStart-like call on an analytics client", `import { PostHog } from "posthog-node";

const posthog = new PostHog(process.env.POSTHOG_KEY!);

Bun.serve({
  routes: {
    "/api/chat": {
      POST: async () => {
        posthog.capture({ distinctId: "u", event: "session_start" });
        return new Response("ok");
      },
    },
  },
});
`, { files: BUN, filename: "src/server.ts" }),
    c("Hono 4: the app's own sessionStart helper of the file", `import { Hono } from "hono";

const sessions = new Map<string, number>();
function sessionStart(id: string) {
  sessions.set(id, Date.now());
}

const app = new Hono();
app.post("/login", (c) => {
  sessionStart(c.req.header("x-user") ?? "anon");
  return c.text("ok");
});
export default app;
`, { files: HONO, filename: "src/app.ts" }),
    c("Cloudflare WorkerEntrypoint with createSession", `import { WorkerEntrypoint } from "cloudflare:workers";
import { tracer } from "./tracing";

export default class extends WorkerEntrypoint<Env> {
  async fetch(request: Request) {
    tracer.createSession({ sessionName: new URL(request.url).pathname });
    return new Response("ok");
  }
}
`, { files: CLOUDFLARE, filename: "src/index.ts" }),
    c("Express 5: MongoDB's client.startSession() in a route", `import express from "express";
import { MongoClient } from "mongodb";

const client = new MongoClient(process.env.MONGO_URL!);
const app = express();
app.post("/transfer", async (_req, res) => {
  const session = client.startSession();
  try {
    await session.withTransaction(async () => undefined);
  } finally {
    await session.endSession();
  }
  res.sendStatus(204);
});
app.listen(3000);
`, { files: EXPRESS5, filename: "src/server.ts" }),
    c("Next.js route handler with the seed's createSession", `import { tracer } from "../../../lib/tracing";

export async function POST(request: Request) {
  await tracer.acreateSession({ sessionName: "chat" });
  return Response.json(await request.json());
}
`, { files: NEXT, filename: "app/api/chat/route.ts" }),
  ];
  describeCases(SESSION_START_RULE, sessionStartRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------------------
describe(`${FLUSH_RULE}: the newest framework and runtime shapes`, () => {
  const reported: Case[] = [
    c("Vercel web-standard export default { fetch } without a flush", `import { tracer } from "./_lib/tracing";

export default {
  async fetch(request: Request) {
    tracer.createSession({ sessionName: "chat" });
    const body = await request.json();
    return Response.json({ echo: body });
  },
};
`, { files: VERCEL_FN, filename: "api/chat.ts" }),
    c("Vercel web handler export async function POST without a flush", `import { tracer } from "./_lib/tracing";

export async function POST(request: Request) {
  tracer.createSession({ sessionName: "chat" });
  return Response.json(await request.json());
}
`, { files: VERCEL_FN, filename: "api/chat.ts" }),
    c("Cloudflare WorkerEntrypoint class fetch without a flush", `import { WorkerEntrypoint } from "cloudflare:workers";
import { tracer } from "./tracing";

export default class extends WorkerEntrypoint<Env> {
  async fetch(request: Request) {
    tracer.createSession({ sessionName: new URL(request.url).pathname });
    return new Response("ok");
  }
}
`, { files: CLOUDFLARE, filename: "src/index.ts" }),
    c("Cloudflare module worker export default { fetch(request, env, ctx) } satisfies ExportedHandler", `import { tracer } from "./tracing";

export default {
  async fetch(request, env, ctx): Promise<Response> {
    tracer.createSession({ sessionName: request.url });
    return new Response("ok");
  },
} satisfies ExportedHandler<Env>;
`, { files: CLOUDFLARE, filename: "src/index.ts" }),
    c("Next.js 15 route with export const runtime = \"edge\" and no flush", `import { tracer } from "../../../lib/tracing";

export const runtime = "edge";

export async function POST(request: Request) {
  tracer.createSession({ sessionName: "edge-chat" });
  return Response.json(await request.json());
}
`, { files: NEXT, filename: "app/api/chat/route.ts" }),
    c("Next.js 15 route with export const maxDuration and no flush", `import { tracer } from "../../../lib/tracing";

export const maxDuration = 60;
export const dynamic = "force-dynamic";

export async function GET() {
  tracer.createSession({ sessionName: "report" });
  return Response.json({ ok: true });
}
`, { files: NEXT, filename: "app/api/report/route.ts" }),
    c("Next.js route on Vercel (vercel.json) without a flush", `import { tracer } from "../../../lib/tracing";

export async function POST(request: Request) {
  tracer.createSession({ sessionName: "chat" });
  return Response.json(await request.json());
}
`, { files: NEXT_VERCEL, filename: "app/api/chat/route.ts" }),
    c("Next.js server action in a \"use server\" file on Vercel without a flush", `"use server";

import { tracer } from "../lib/tracing";

export async function sendMessage(formData: FormData) {
  tracer.createSession({ sessionName: "action" });
  return { message: String(formData.get("message")) };
}
`, { files: NEXT_VERCEL, filename: "app/actions.ts" }),
    c("AWS Lambda Node 22 ESM .mjs handler without a flush", `import { tracer } from "./tracing.mjs";

export const handler = async (event) => {
  tracer.createSession({ sessionName: event.requestContext?.requestId ?? "local" });
  return { statusCode: 200, body: JSON.stringify({ ok: true }) };
};
`, { files: AWS_MJS, filename: "index.mjs" }),
    c("AWS Lambda response streaming: awslambda.streamifyResponse without a flush", `import { tracer } from "./tracing.mjs";

export const handler = awslambda.streamifyResponse(async (event, responseStream, _context) => {
  tracer.createSession({ sessionName: "stream" });
  await tracer.startSpan("generate", async () => {
    responseStream.write("hello ");
  });
  responseStream.write("world");
  responseStream.end();
});
`, { files: AWS_MJS, filename: "index.mjs" }),
    c("Azure Functions v4 app.http with extraInputs, no flush", `import { app, input, type HttpRequest } from "@azure/functions";
import { tracer } from "../tracing";

const blobInput = input.storageBlob({ path: "prompts/system.txt", connection: "AzureWebJobsStorage" });

app.http("chat", {
  methods: ["POST"],
  extraInputs: [blobInput],
  handler: async (request: HttpRequest) => {
    tracer.createSession({ sessionName: "azure" });
    return { jsonBody: { body: await request.text() } };
  },
});
`, { files: AZURE, filename: "src/functions/chat.ts" }),
    c("Functions Framework v4: functions.http with the response sent before any flush", `import * as functions from "@google-cloud/functions-framework";
import { tracer } from "./tracing";

functions.http("chat", async (req, res) => {
  tracer.createSession({ sessionName: "gcp" });
  res.json({ ok: true });
});
`, { files: GCP, filename: "src/index.ts" }),
    c("Functions Framework v4: a flush in finally runs after res.json", `import * as functions from "@google-cloud/functions-framework";
import { tracer } from "./tracing";

functions.http("chat", async (req, res) => {
  try {
    tracer.createSession({ sessionName: "gcp" });
    res.json({ ok: true });
  } finally {
    await tracer.forceFlush();
  }
});
`, { files: GCP, filename: "src/index.ts" }),
    c("Firebase v2 onRequest({ options }, fn) without a flush", `import { onRequest } from "firebase-functions/v2/https";
import { tracer } from "./tracing";

export const chat = onRequest({ cors: true, timeoutSeconds: 60 }, async (req, res) => {
  tracer.createSession({ sessionName: "firebase" });
  res.json({ ok: true });
});
`, { files: FIREBASE, filename: "src/index.ts" }),
    c("Firebase v6 onRequest imported from firebase-functions/https without a flush", `import { onRequest } from "firebase-functions/https";
import { tracer } from "./tracing";

export const chat = onRequest({ region: "us-central1" }, async (req, res) => {
  tracer.createSession({ sessionName: "firebase" });
  res.send("ok");
});
`, { files: FIREBASE, filename: "src/index.ts" }),
    c("Netlify Functions v2 with export const config = { path } and no flush", `import type { Config, Context } from "@netlify/functions";
import { tracer } from "../lib/tracing";

export default async (req: Request, context: Context) => {
  tracer.createSession({ sessionName: context.requestId });
  return new Response(await req.text());
};

export const config: Config = { path: "/api/chat" };
`, { files: NETLIFY, filename: "netlify/functions/chat.mts" }),
    c("Supabase Edge Function Deno.serve without a flush", `import { tracer } from "../_shared/tracing.ts";

Deno.serve(async (req) => {
  tracer.createSession({ sessionName: "edge" });
  return new Response(await req.text());
});
`, { files: SUPABASE, filename: "supabase/functions/chat/index.ts" }),
    c("SvelteKit 2 RequestHandler on adapter-vercel without a flush", `import { json, type RequestHandler } from "@sveltejs/kit";
import { tracer } from "../../../lib/tracing";

export const POST: RequestHandler = async ({ request }) => {
  tracer.createSession({ sessionName: "kit" });
  return json(await request.json());
};
`, { files: SVELTEKIT("@sveltejs/adapter-vercel"), filename: "src/routes/api/chat/+server.ts" }),
    c("Nuxt 4 server/api with a vercel preset, no flush", `import { tracer } from "../utils/tracing";

export default defineEventHandler(async (event) => {
  tracer.createSession({ sessionName: event.path });
  return { ok: true };
});
`, { files: NUXT("vercel"), filename: "server/api/chat.post.ts" }),
    c("Astro 5 endpoint on @astrojs/vercel without a flush", `import type { APIRoute } from "astro";
import { tracer } from "../../lib/tracing";

export const prerender = false;

export const POST: APIRoute = async ({ request }) => {
  tracer.createSession({ sessionName: "astro" });
  return new Response(await request.text());
};
`, { files: { ...ASTRO, "package.json": pkg({ ...HH2, astro: "^5.13.0", "@astrojs/vercel": "^8.2.0" }), "astro.config.mjs": `import { defineConfig } from "astro/config";\nimport vercel from "@astrojs/vercel";\n\nexport default defineConfig({ output: "server", adapter: vercel() });\n` }, filename: "src/pages/api/chat.ts" }),
    c("React Router 7 action with the @vercel/react-router preset, no flush", `import type { Route } from "./+types/chat";
import { tracer } from "../lib/tracing";

export async function action({ request }: Route.ActionArgs) {
  tracer.createSession({ sessionName: "chat" });
  return { body: await request.text() };
}
`, { files: { ...RR7, "package.json": pkg({ ...HH2, "react-router": "^7.8.0", "@vercel/react-router": "^1.2.0" }), "react-router.config.ts": `import { vercelPreset } from "@vercel/react-router/vite";\n\nexport default { ssr: true, presets: [vercelPreset()] };\n` }, filename: "app/routes/chat.tsx" }),
    c("Vercel function: only Langfuse's flush, not HoneyHive's", `import { Langfuse } from "langfuse";
import { tracer } from "./_lib/tracing";

const langfuse = new Langfuse();

export default {
  async fetch(request: Request) {
    tracer.createSession({ sessionName: "chat" });
    langfuse.trace({ name: "chat" });
    await langfuse.flushAsync();
    return new Response(await request.text());
  },
};
`, { files: { ...VERCEL_FN, "package.json": pkg({ ...HH2, "@vercel/functions": "^2.2.0", langfuse: "^3.38.0" }) }, filename: "api/chat.ts" }),
  ];
  const quiet: Case[] = [
    c("Vercel export default { fetch } with waitUntil(tracer.forceFlush()) in finally", `import { waitUntil } from "@vercel/functions";
import { tracer } from "./_lib/tracing";

export default {
  async fetch(request: Request) {
    try {
      tracer.createSession({ sessionName: "chat" });
      return Response.json(await request.json());
    } finally {
      waitUntil(tracer.forceFlush());
    }
  },
};
`, { files: VERCEL_FN, filename: "api/chat.ts" }),
    c("Cloudflare WorkerEntrypoint with this.ctx.waitUntil(tracer.forceFlush())", `import { WorkerEntrypoint } from "cloudflare:workers";
import { tracer } from "./tracing";

export default class extends WorkerEntrypoint<Env> {
  async fetch(request: Request) {
    try {
      tracer.createSession({ sessionName: new URL(request.url).pathname });
      return new Response("ok");
    } finally {
      this.ctx.waitUntil(tracer.forceFlush());
    }
  }
}
`, { files: CLOUDFLARE, filename: "src/index.ts" }),
    c("Cloudflare Durable Object fetch (no entry point for the flush rule)", `import { DurableObject } from "cloudflare:workers";
import { tracer } from "./tracing";

export class ChatRoom extends DurableObject<Env> {
  async fetch(request: Request) {
    tracer.createSession({ sessionName: "room" });
    return new Response(await request.text());
  }
}
`, { files: CLOUDFLARE, filename: "src/room.ts" }),
    c("Next.js 15 route with after(() => tracer.forceFlush()) from next/server", `import { after } from "next/server";
import { tracer } from "../../../lib/tracing";

export const runtime = "nodejs";
export const maxDuration = 30;

export async function POST(request: Request) {
  after(() => tracer.forceFlush());
  tracer.createSession({ sessionName: "chat" });
  return Response.json(await request.json());
}
`, { files: NEXT, filename: "app/api/chat/route.ts" }),
    c("Next.js route without a serverless signal (next start)", `import { tracer } from "../../../lib/tracing";

export async function POST(request: Request) {
  tracer.createSession({ sessionName: "chat" });
  return Response.json(await request.json());
}
`, { files: NEXT, filename: "app/api/chat/route.ts" }),
    c("Bun.serve routes: a long-running server needs no flush", `import { tracer } from "./tracing";

Bun.serve({
  routes: {
    "/api/chat": {
      POST: async (req) => {
        tracer.createSession({ sessionName: "chat" });
        return Response.json(await req.json());
      },
    },
  },
});
`, { files: BUN, filename: "src/server.ts" }),
    c("Deno Deploy: Deno.serve outside supabase/functions is a server", `import { tracer } from "./tracing.ts";

Deno.serve(async (req) => {
  tracer.createSession({ sessionName: "deploy" });
  return new Response(await req.text());
});
`, { files: DENO, filename: "src/main.ts" }),
    c("AWS Lambda .mjs with try/finally await tracer.forceFlush()", `import { tracer } from "./tracing.mjs";

export const handler = async (event) => {
  try {
    tracer.createSession({ sessionName: event.rawPath });
    return { statusCode: 200, body: "ok" };
  } finally {
    await tracer.forceFlush();
  }
};
`, { files: AWS_MJS, filename: "index.mjs" }),
    c("awslambda.streamifyResponse flushing after the last traced chunk", `import { tracer } from "./tracing.mjs";

export const handler = awslambda.streamifyResponse(async (event, responseStream, _context) => {
  tracer.createSession({ sessionName: "stream" });
  await tracer.startSpan("generate", async () => {
    responseStream.write("hello");
  });
  await tracer.forceFlush();
  responseStream.end();
});
`, { files: AWS_MJS, filename: "index.mjs" }),
    c("Azure Functions v4 with try/finally flush", `import { app, type HttpRequest } from "@azure/functions";
import { tracer } from "../tracing";

app.http("chat", {
  methods: ["POST"],
  handler: async (request: HttpRequest) => {
    try {
      tracer.createSession({ sessionName: "azure" });
      return { jsonBody: { body: await request.text() } };
    } finally {
      await tracer.forceFlush();
    }
  },
});
`, { files: AZURE, filename: "src/functions/chat.ts" }),
    c("Functions Framework v4: awaited flush before res.json", `import * as functions from "@google-cloud/functions-framework";
import { tracer } from "./tracing";

functions.http("chat", async (req, res) => {
  tracer.createSession({ sessionName: "gcp" });
  await tracer.forceFlush();
  res.json({ ok: true });
});
`, { files: GCP, filename: "src/index.ts" }),
    c("Netlify Functions v2 with context.waitUntil(tracer.forceFlush())", `import type { Config, Context } from "@netlify/functions";
import { tracer } from "../lib/tracing";

export default async (req: Request, context: Context) => {
  try {
    tracer.createSession({ sessionName: "netlify" });
    return new Response(await req.text());
  } finally {
    context.waitUntil(tracer.forceFlush());
  }
};

export const config: Config = { path: "/api/chat" };
`, { files: NETLIFY, filename: "netlify/functions/chat.mts" }),
    c("Supabase Edge Function with EdgeRuntime.waitUntil(tracer.forceFlush())", `import "jsr:@supabase/functions-js/edge-runtime.d.ts";
import { tracer } from "../_shared/tracing.ts";

Deno.serve(async (req) => {
  try {
    tracer.createSession({ sessionName: "edge" });
    return new Response(await req.text());
  } finally {
    EdgeRuntime.waitUntil(tracer.forceFlush());
  }
});
`, { files: SUPABASE, filename: "supabase/functions/chat/index.ts" }),
    c("SvelteKit 2 on adapter-node (a server)", `import { json, type RequestHandler } from "@sveltejs/kit";
import { tracer } from "../../../lib/tracing";

export const POST: RequestHandler = async ({ request }) => {
  tracer.createSession({ sessionName: "kit" });
  return json(await request.json());
};
`, { files: SVELTEKIT("@sveltejs/adapter-node"), filename: "src/routes/api/chat/+server.ts" }),
    c("Nuxt 4 server/api without a serverless preset", `import { tracer } from "../utils/tracing";

export default defineEventHandler(async (event) => {
  tracer.createSession({ sessionName: event.path });
  return { ok: true };
});
`, { files: NUXT(undefined), filename: "server/api/chat.post.ts" }),
    c("Astro 5 endpoint on @astrojs/node (a server)", `import type { APIRoute } from "astro";
import { tracer } from "../../lib/tracing";

export const POST: APIRoute = async ({ request }) => {
  tracer.createSession({ sessionName: "astro" });
  return new Response(await request.text());
};
`, { files: { ...ASTRO, "package.json": pkg({ ...HH2, astro: "^5.13.0", "@astrojs/node": "^9.4.0" }), "astro.config.mjs": `import { defineConfig } from "astro/config";\nimport node from "@astrojs/node";\n\nexport default defineConfig({ output: "server", adapter: node({ mode: "standalone" }) });\n` }, filename: "src/pages/api/chat.ts" }),
    c("Next.js 15 route on Vercel with waitUntil of @vercel/functions in finally", `import { waitUntil } from "@vercel/functions";
import { tracer } from "../../../lib/tracing";

export async function POST(request: Request) {
  try {
    tracer.createSession({ sessionName: "chat" });
    return new Response(await request.text());
  } finally {
    waitUntil(tracer.forceFlush());
  }
}
`, { files: NEXT_VERCEL, filename: "app/api/chat/route.ts" }),
    c("Vercel function that does not trace (no HoneyHive at all)", `import { waitUntil } from "@vercel/functions";

export default {
  async fetch(request: Request) {
    waitUntil(fetch("https://example.com/log", { method: "POST", body: request.url }));
    return new Response("ok");
  },
};
`, { files: VERCEL_FN, filename: "api/ping.ts" }),
  ];
  describeCases(FLUSH_RULE, flushRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------------------
const INIT = `HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "app" })`;
describe(`${INIT_RULE}: the newest framework and runtime shapes`, () => {
  const reported: Case[] = [
    c("Bun.serve routes: init inside a POST route", `import { HoneyHiveTracer } from "honeyhive";

Bun.serve({
  routes: {
    "/api/chat": {
      POST: async (req) => {
        const tracer = ${INIT};
        tracer.createSession({ sessionName: "chat" });
        return Response.json(await req.json());
      },
    },
  },
});
`, { files: BUN, filename: "src/server.ts" }),
    c("Deno.serve: init per request with an npm: specifier", `import { HoneyHiveTracer } from "npm:honeyhive@^2";

Deno.serve(async (req: Request) => {
  const tracer = HoneyHiveTracer.init({ apiKey: Deno.env.get("HH_API_KEY"), project: "deno" });
  tracer.createSession({ sessionName: "deno" });
  return new Response(await req.text());
});
`, { files: DENO, filename: "src/main.ts" }),
    c("Cloudflare WorkerEntrypoint: init inside fetch", `import { WorkerEntrypoint } from "cloudflare:workers";
import { HoneyHiveTracer } from "honeyhive";

export default class extends WorkerEntrypoint<Env> {
  async fetch(request: Request) {
    const tracer = HoneyHiveTracer.init({ apiKey: this.env.HH_API_KEY, project: "worker" });
    tracer.createSession({ sessionName: request.url });
    return new Response("ok");
  }
}
`, { files: CLOUDFLARE, filename: "src/index.ts" }),
    c("Next.js 15 route handler: init per request", `import { HoneyHiveTracer } from "honeyhive";

export async function POST(request: Request) {
  const tracer = ${INIT};
  tracer.createSession({ sessionName: "chat" });
  return Response.json(await request.json());
}
`, { files: NEXT, filename: "app/api/chat/route.ts" }),
    c("Next.js server action: init per call", `"use server";

import { HoneyHiveTracer } from "honeyhive";

export async function sendMessage(formData: FormData) {
  const tracer = ${INIT};
  tracer.createSession({ sessionName: String(formData.get("topic")) });
  return { ok: true };
}
`, { files: NEXT, filename: "app/actions.ts" }),
    c("React Router 7 action: init per request", `import type { Route } from "./+types/chat";
import { HoneyHiveTracer } from "honeyhive";

export async function action({ request }: Route.ActionArgs) {
  const tracer = ${INIT};
  tracer.createSession({ sessionName: "chat" });
  return { body: await request.text() };
}
`, { files: RR7, filename: "app/routes/chat.tsx" }),
    c("TanStack Start createServerFn handler: init per call", `import { createServerFn } from "@tanstack/react-start";
import { HoneyHiveTracer } from "honeyhive";

export const ask = createServerFn({ method: "POST" }).handler(async ({ data }) => {
  const tracer = ${INIT};
  tracer.createSession({ sessionName: "ask" });
  return { data };
});
`, { files: TANSTACK, filename: "src/server/ask.ts" }),
    c("h3 v2 defineHandler on new H3(): init per request", `import { H3, defineHandler } from "h3";
import { HoneyHiveTracer } from "honeyhive";

export const app = new H3();
app.post(
  "/chat",
  defineHandler(async () => {
    const tracer = ${INIT};
    tracer.createSession({ sessionName: "chat" });
    return { ok: true };
  }),
);
`, { files: H3V2, filename: "src/app.ts" }),
    c("Elysia 1.x: init in a route", `import { Elysia } from "elysia";
import { HoneyHiveTracer } from "honeyhive";

export const app = new Elysia().post("/chat", async ({ body }) => {
  const tracer = ${INIT};
  tracer.createSession({ sessionName: "chat" });
  return body;
});
`, { files: ELYSIA, filename: "src/index.ts" }),
    c("AWS Lambda .mjs: init inside the handler", `import { HoneyHiveTracer } from "honeyhive";

export const handler = async (event) => {
  const tracer = ${INIT};
  tracer.createSession({ sessionName: event.rawPath });
  try {
    return { statusCode: 200 };
  } finally {
    await tracer.forceFlush();
  }
};
`, { files: AWS_MJS, filename: "index.mjs" }),
    c("Azure Functions v4: init in the handler", `import { app } from "@azure/functions";
import { HoneyHiveTracer } from "honeyhive";

app.http("chat", {
  methods: ["POST"],
  handler: async (request) => {
    const tracer = ${INIT};
    try {
      tracer.createSession({ sessionName: "azure" });
      return { body: await request.text() };
    } finally {
      await tracer.forceFlush();
    }
  },
});
`, { files: AZURE, filename: "src/functions/chat.ts" }),
    c("Firebase v2 onRequest: init in the function", `import { onRequest } from "firebase-functions/v2/https";
import { HoneyHiveTracer } from "honeyhive";

export const chat = onRequest({ cors: true }, async (req, res) => {
  const tracer = ${INIT};
  tracer.createSession({ sessionName: "firebase" });
  await tracer.forceFlush();
  res.json({ ok: true });
});
`, { files: FIREBASE, filename: "src/index.ts" }),
  ];
  const quiet: Case[] = [
    c("Bun.serve: tracer at module level, session per route", `import { HoneyHiveTracer } from "honeyhive";

const tracer = ${INIT};

Bun.serve({
  routes: {
    "/health": new Response("ok"),
    "/api/chat": { POST: async (req) => { tracer.createSession({ sessionName: "chat" }); return Response.json(await req.json()); } },
  },
});
`, { files: BUN, filename: "src/server.ts" }),
    c("Cloudflare WorkerEntrypoint: a lazy module getter called in fetch (the seed's serverless pattern)", `import { WorkerEntrypoint } from "cloudflare:workers";
import { HoneyHiveTracer } from "honeyhive";

let tracer: HoneyHiveTracer | undefined;
function getTracer(apiKey: string) {
  return (tracer ??= HoneyHiveTracer.init({ apiKey, project: "worker" }));
}

export default class extends WorkerEntrypoint<Env> {
  async fetch(request: Request) {
    const t = getTracer(this.env.HH_API_KEY);
    try {
      t.createSession({ sessionName: request.url });
      return new Response("ok");
    } finally {
      this.ctx.waitUntil(t.forceFlush());
    }
  }
}
`, { files: CLOUDFLARE, filename: "src/index.ts" }),
    c("Next.js 15 instrumentation.ts register(): runs once per server start", `import { HoneyHiveTracer } from "honeyhive";

export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    globalThis.hhTracer = ${INIT};
  }
}
`, { files: NEXT, filename: "instrumentation.ts" }),
    c("AWS Lambda .mjs: module-level init, handler creates the session", `import { HoneyHiveTracer } from "honeyhive";

const tracer = ${INIT};

export const handler = async (event) => {
  try {
    tracer.createSession({ sessionName: event.rawPath });
    return { statusCode: 200 };
  } finally {
    await tracer.forceFlush();
  }
};
`, { files: AWS_MJS, filename: "index.mjs" }),
    c("Hono 4: another SDK's client made per request (Langfuse)", `import { Hono } from "hono";
import { Langfuse } from "langfuse";

const app = new Hono();
app.post("/chat", async (c) => {
  const langfuse = new Langfuse({ publicKey: "pk", secretKey: "sk" });
  langfuse.trace({ name: "chat" });
  await langfuse.flushAsync();
  return c.text("ok");
});
export default app;
`, { files: HONO, filename: "src/app.ts" }),
    c("TanStack Start: init once in the module, server function creates a session", `import { createServerFn } from "@tanstack/react-start";
import { HoneyHiveTracer } from "honeyhive";

const tracer = ${INIT};

export const ask = createServerFn({ method: "POST" }).handler(async () => {
  tracer.createSession({ sessionName: "ask" });
  return { ok: true };
});
`, { files: TANSTACK, filename: "src/server/ask.ts" }),
  ];
  describeCases(INIT_RULE, initRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------------------
describe(`${PROVIDER_RULE}: the newest framework and runtime shapes`, () => {
  const reported: Case[] = [
    c("Bun server: OpenInference instrumentation without the provider", `import OpenAI from "openai";
import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";
import { HoneyHiveTracer } from "honeyhive";

export const tracer = ${INIT};
const instrumentation = new OpenAIInstrumentation();
instrumentation.manuallyInstrument(OpenAI);

Bun.serve({ routes: { "/api/chat": { POST: async () => new Response("ok") } } });
`, { files: BUN, filename: "src/server.ts" }),
    c("Next.js 15 route: AI SDK telemetry without the HoneyHive tracer", `import { generateText } from "ai";
import { openai } from "@ai-sdk/openai";
import { tracer } from "../../../lib/tracing";

export async function POST(request: Request) {
  const { prompt } = await request.json();
  tracer.createSession({ sessionName: "chat" });
  const { text } = await generateText({ model: openai("gpt-4.1-mini"), prompt, experimental_telemetry: { isEnabled: true } });
  return Response.json({ text });
}
`, { files: NEXT, filename: "app/api/chat/route.ts" }),
    c("Hono 4 server: registerInstrumentations without the provider", `import { Hono } from "hono";
import { serve } from "@hono/node-server";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import { HoneyHiveTracer } from "honeyhive";

export const tracer = ${INIT};
registerInstrumentations({ instrumentations: [new UndiciInstrumentation()] });

const app = new Hono();
app.get("/", (c) => c.text("ok"));
serve({ fetch: app.fetch, port: 3000 });
`, { files: HONO, filename: "src/server.ts" }),
    c("Elysia 1.x server: Anthropic instrumentation without the provider", `import { Elysia } from "elysia";
import Anthropic from "@anthropic-ai/sdk";
import { AnthropicInstrumentation } from "@arizeai/openinference-instrumentation-anthropic";
import { HoneyHiveTracer } from "honeyhive";

const tracer = ${INIT};
const instrumentation = new AnthropicInstrumentation();
instrumentation.manuallyInstrument(Anthropic);

new Elysia().post("/chat", () => { tracer.createSession({ sessionName: "chat" }); return "ok"; }).listen(3000);
`, { files: ELYSIA, filename: "src/index.ts" }),
  ];
  const quiet: Case[] = [
    c("Bun server: OpenInference instrumentation with tracerProvider: tracer.provider", `import OpenAI from "openai";
import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";
import { HoneyHiveTracer } from "honeyhive";

export const tracer = ${INIT};
const instrumentation = new OpenAIInstrumentation({ tracerProvider: tracer.provider });
instrumentation.manuallyInstrument(OpenAI);

Bun.serve({ routes: { "/api/chat": { POST: async () => new Response("ok") } } });
`, { files: BUN, filename: "src/server.ts" }),
    c("Next.js 15 route: AI SDK telemetry with the HoneyHive tracer", `import { generateText } from "ai";
import { openai } from "@ai-sdk/openai";
import { tracer } from "../../../lib/tracing";

export async function POST(request: Request) {
  const { prompt } = await request.json();
  const { text } = await generateText({
    model: openai("gpt-4.1-mini"),
    prompt,
    experimental_telemetry: { isEnabled: true, tracer: tracer.provider.getTracer("ai") },
  });
  return Response.json({ text });
}
`, { files: NEXT, filename: "app/api/chat/route.ts" }),
    c("Next.js 15 instrumentation.ts: @vercel/otel registerOTel owns the pipeline", `import { registerOTel } from "@vercel/otel";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import { HoneyHiveTracer } from "honeyhive";

export const tracer = ${INIT};

export function register() {
  registerOTel({ serviceName: "web" });
  registerInstrumentations({ instrumentations: [new UndiciInstrumentation()] });
}
`, { files: NEXT, filename: "instrumentation.ts" }),
    c("Bun server: @sentry/bun's init sets up OpenTelemetry", `import * as Sentry from "@sentry/bun";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { GenericPoolInstrumentation } from "@opentelemetry/instrumentation-generic-pool";
import { HoneyHiveTracer } from "honeyhive";

export const tracer = ${INIT};
Sentry.init({ dsn: process.env.SENTRY_DSN, tracesSampleRate: 1 });
registerInstrumentations({ instrumentations: [new GenericPoolInstrumentation()] });
`, { files: BUN, filename: "src/server.ts" }),
    c("Elysia 1.x: @elysiajs/opentelemetry plugin with no HoneyHive tracer in the file", `import { Elysia } from "elysia";
import { opentelemetry } from "@elysiajs/opentelemetry";

new Elysia().use(opentelemetry({ serviceName: "chat" })).get("/", () => "ok").listen(3000);
`, { files: ELYSIA, filename: "src/index.ts" }),
  ];
  describeCases(PROVIDER_RULE, providerRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------------------
describe(`${EXPLICIT_RULE}: the newest framework and runtime shapes`, () => {
  const reported: Case[] = [
    c("Bun routes: trace(fn) without the file's tracer", `import { trace } from "honeyhive";
import { tracer } from "./tracing";

const answer = trace(async (q: string) => q.toUpperCase());

Bun.serve({
  routes: {
    "/api/chat": { POST: async (req) => { tracer.createSession({ sessionName: "chat" }); return new Response(await answer(await req.text())); } },
  },
});
`, { files: BUN, filename: "src/server.ts" }),
    c("Next.js 15 route: the global enrichSpan beside an imported tracer", `import { enrichSpan } from "honeyhive";
import { tracer } from "../../../lib/tracing";

export async function POST(request: Request) {
  tracer.createSession({ sessionName: "chat" });
  const body = await request.json();
  enrichSpan({ metadata: { size: JSON.stringify(body).length } });
  return Response.json(body);
}
`, { files: NEXT, filename: "app/api/chat/route.ts" }),
    c("Cloudflare WorkerEntrypoint: an @trace() decorator on an RPC method without the tracer", `import { WorkerEntrypoint } from "cloudflare:workers";
import { trace } from "honeyhive";
import { tracer } from "./tracing";

export default class ChatService extends WorkerEntrypoint<Env> {
  @trace({ eventType: "tool" })
  async summarize(text: string) {
    tracer.enrichSpan({ metadata: { length: text.length } });
    return text.slice(0, 100);
  }
}
`, { files: CLOUDFLARE, filename: "src/index.ts" }),
    c("TanStack Start server function: trace({ eventType }) without the tracer", `import { createServerFn } from "@tanstack/react-start";
import { trace } from "honeyhive";
import { tracer } from "../lib/tracing";

const retrieve = trace({ eventType: "tool" }, async (q: string) => [q]);

export const ask = createServerFn({ method: "POST" }).handler(async ({ data }) => {
  tracer.createSession({ sessionName: "ask" });
  return retrieve(String(data));
});
`, { files: TANSTACK, filename: "src/server/ask.ts" }),
    c("Supabase Edge: enrichSession global with a tracer of the file (npm: specifier)", `import { HoneyHiveTracer, enrichSession } from "npm:honeyhive@^2";

const tracer = HoneyHiveTracer.init({ apiKey: Deno.env.get("HH_API_KEY"), project: "edge" });

Deno.serve(async (req) => {
  tracer.createSession({ sessionName: "edge" });
  enrichSession({ metadata: { path: new URL(req.url).pathname } });
  return new Response("ok");
});
`, { files: SUPABASE, filename: "supabase/functions/chat/index.ts" }),
  ];
  const quiet: Case[] = [
    c("Bun routes: trace({ tracer }, fn)", `import { trace } from "honeyhive";
import { tracer } from "./tracing";

const answer = trace({ eventType: "chain", tracer }, async (q: string) => q.toUpperCase());

Bun.serve({ routes: { "/api/chat": { POST: async (req) => new Response(await answer(await req.text())) } } });
`, { files: BUN, filename: "src/server.ts" }),
    c("Next.js 15 route: tracer.enrichSpan on the instance", `import { tracer } from "../../../lib/tracing";

export async function POST(request: Request) {
  const body = await request.json();
  tracer.enrichSpan({ metadata: { keys: Object.keys(body).length } });
  return Response.json(body);
}
`, { files: NEXT, filename: "app/api/chat/route.ts" }),
    c("Hono 4: OpenTelemetry's trace.getTracer is not the SDK's trace", `import { Hono } from "hono";
import { trace } from "@opentelemetry/api";

const otel = trace.getTracer("chat");
const app = new Hono();
app.post("/chat", (c) => otel.startActiveSpan("chat", (span) => { span.end(); return c.text("ok"); }));
export default app;
`, { files: HONO, filename: "src/app.ts" }),
    c("A library module with trace(fn) and no tracer of its own", `import { trace } from "honeyhive";

export const summarize = trace({ eventType: "tool" }, async (text: string) => text.slice(0, 100));
`, { files: BUN, filename: "src/summarize.ts" }),
    c("Elysia 1.x: a local trace() helper of the app", `import { Elysia } from "elysia";

function trace<T>(label: string, fn: () => T): T {
  console.time(label);
  try { return fn(); } finally { console.timeEnd(label); }
}

new Elysia().get("/", () => trace("root", () => "ok")).listen(3000);
`, { files: ELYSIA, filename: "src/index.ts" }),
  ];
  describeCases(EXPLICIT_RULE, explicitRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------------------
describe(`${EVALUATE_RULE}: the newest framework and runtime shapes`, () => {
  const reported: Case[] = [
    c("a Bun eval script: module tracer bound with trace({ tracer })", `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const tracer = ${INIT};

const pipeline = trace({ eventType: "chain", tracer }, async (datapoint: { inputs: { q: string } }) => ({ answer: datapoint.inputs.q }));

const dataset = await Bun.file("dataset.json").json();
await evaluate({ function: pipeline, dataset, name: "bun-eval" });
`, { files: BUN, filename: "scripts/eval.ts" }),
    c("a Deno eval script through npm: specifiers: tracer.enrichSession in the evaluated function", `import { HoneyHiveTracer } from "npm:honeyhive@^2";
import { evaluate } from "npm:honeyhive@^2/experiments";

const tracer = HoneyHiveTracer.init({ apiKey: Deno.env.get("HH_API_KEY"), project: "evals" });

await evaluate({
  function: async (datapoint: { inputs: { q: string } }) => {
    tracer.enrichSession({ metadata: { model: "gpt-4.1" } });
    return { answer: datapoint.inputs.q };
  },
  dataset: [],
  name: "deno-eval",
});
`, { files: DENO, filename: "scripts/eval.ts" }),
    c("a TanStack Start project's eval script: tracer.trace around the evaluated function", `import { HoneyHiveTracer } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

async function main() {
  const tracer = ${INIT};
  const classify = tracer.trace({ eventType: "tool" }, async (datapoint: { inputs: { text: string } }) => ({ label: datapoint.inputs.text.length > 10 ? "long" : "short" }));
  await evaluate({ function: classify, dataset: [], name: "classify" });
}

void main();
`, { files: TANSTACK, filename: "scripts/eval.ts" }),
  ];
  const quiet: Case[] = [
    c("a Bun eval script without a tracer (the seed's pattern)", `import { trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const pipeline = trace({ eventType: "chain" }, async (datapoint: { inputs: { q: string } }) => ({ answer: datapoint.inputs.q }));

await evaluate({ function: pipeline, dataset: await Bun.file("dataset.json").json(), name: "bun-eval" });
`, { files: BUN, filename: "scripts/eval.ts" }),
    c("Braintrust's Eval beside a HoneyHive tracer (not honeyhive's evaluate)", `import { Eval } from "braintrust";
import { HoneyHiveTracer, trace } from "honeyhive";

const tracer = ${INIT};
const task = trace({ eventType: "chain", tracer }, async (input: string) => input.toUpperCase());

Eval("upper", { data: () => [{ input: "a", expected: "A" }], task, scores: [] });
`, { files: BUN, filename: "scripts/bt-eval.ts" }),
    c("an app's own evaluate() helper with a module tracer", `import { HoneyHiveTracer, trace } from "honeyhive";

const tracer = ${INIT};
const score = trace({ eventType: "tool", tracer }, async (text: string) => text.length);

async function evaluate(options: { function: (text: string) => Promise<number>; inputs: string[] }) {
  return Promise.all(options.inputs.map((text) => options.function(text)));
}

await evaluate({ function: score, inputs: ["a", "bb"] });
`, { files: BUN, filename: "scripts/score.ts" }),
  ];
  describeCases(EVALUATE_RULE, evaluateRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------------------
describe(`${LOST_CONTEXT_RULE}: the newest framework and runtime shapes`, () => {
  const reported: Case[] = [
    c("Fastify 5 onRequest hook: createSession after an await", `import Fastify from "fastify";
import { tracer } from "./tracing";

const app = Fastify({ logger: true });
app.addHook("onRequest", async (request) => {
  const user = await verify(request.headers.authorization);
  tracer.createSession({ sessionName: request.url, metadata: { user } });
});
app.post("/chat", async () => tracer.startSpan("chat", () => ({ ok: true })));

async function verify(token: string | undefined) {
  return token ?? "anonymous";
}
await app.listen({ port: 3000 });
`, { files: FASTIFY5, filename: "src/server.ts" }),
    c("Hono 4 middleware: createSession in a setTimeout while next() runs outside", `import { Hono } from "hono";
import { tracer } from "./tracing";

const app = new Hono();
app.use(async (c, next) => {
  setTimeout(() => {
    tracer.createSession({ sessionName: c.req.path });
  }, 0);
  await next();
});
app.post("/chat", (c) => tracer.startSpan("chat", () => c.text("ok")));
export default app;
`, { files: HONO, filename: "src/app.ts" }),
    c("Express 5: route-level session middleware while another route traces without one", `import express from "express";
import { tracer } from "./tracing";

const app = express();
function openSession(req: express.Request, _res: express.Response, next: express.NextFunction) {
  tracer.createSession({ sessionName: req.path });
  next();
}
app.post("/chat", openSession, async (_req, res) => {
  res.json(await tracer.startSpan("chat", async () => ({ ok: true })));
});
app.get("/search", async (_req, res) => {
  res.json(await tracer.startSpan("search", async () => []));
});
app.listen(3000);
`, { files: EXPRESS5, filename: "src/server.ts" }),
  ];
  const quiet: Case[] = [
    c("Fastify 5 onRequest hook: createSession before the await", `import Fastify from "fastify";
import { tracer } from "./tracing";

const app = Fastify();
app.addHook("onRequest", async (request) => {
  tracer.createSession({ sessionName: request.url });
  await audit(request.url);
});
app.post("/chat", async () => tracer.startSpan("chat", () => ({ ok: true })));

async function audit(url: string) {
  return url;
}
await app.listen({ port: 3000 });
`, { files: FASTIFY5, filename: "src/server.ts" }),
    c("Hono 4 createMiddleware: await, then createSession, then await next()", `import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { tracer } from "./tracing";

const session = createMiddleware(async (c, next) => {
  const user = await Promise.resolve(c.req.header("x-user"));
  tracer.createSession({ sessionName: c.req.path, metadata: { user } });
  await next();
});

const app = new Hono();
app.use(session);
app.post("/chat", (c) => tracer.startSpan("chat", () => c.text("ok")));
export default app;
`, { files: HONO, filename: "src/app.ts" }),
    c("Express 5: app.use(openSession) before every route", `import express from "express";
import { tracer } from "./tracing";

const app = express();
app.use((req, _res, next) => {
  tracer.createSession({ sessionName: req.path });
  next();
});
app.post("/chat", async (_req, res) => {
  res.json(await tracer.startSpan("chat", async () => ({ ok: true })));
});
app.get("/search", async (_req, res) => {
  res.json(await tracer.startSpan("search", async () => []));
});
app.listen(3000);
`, { files: EXPRESS5, filename: "src/server.ts" }),
    c("Fastify 5 preHandler hook: another library's session after an await", `import Fastify from "fastify";
import { PostHog } from "posthog-node";

const posthog = new PostHog("key");
const app = Fastify();
app.addHook("preHandler", async (request) => {
  await Promise.resolve();
  posthog.capture({ distinctId: request.id, event: "session" });
});
app.get("/", async () => "ok");
await app.listen({ port: 3000 });
`, { files: FASTIFY5, filename: "src/server.ts" }),
  ];
  describeCases(LOST_CONTEXT_RULE, lostContextRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------------------
/** A link-to-existing call of the seed's multi-turn pattern. */
const link = (expression: string): string => `tracer.createSession({ sessionId: ${expression}, skipApiCall: true })`;
describe(`${SESSION_ID_RULE}: the newest framework and runtime shapes`, () => {
  const reported: Case[] = [
    c("Bun.serve routes: the x-session-id header of a POST route", `import { tracer } from "./tracing";

Bun.serve({
  routes: {
    "/api/chat": {
      POST: async (req) => {
        const sid = req.headers.get("x-session-id");
        if (sid) ${link("sid")};
        return new Response("ok");
      },
    },
  },
});
`, { files: BUN, filename: "src/server.ts" }),
    c("Bun.serve routes: a route parameter req.params", `import { tracer } from "./tracing";

Bun.serve({
  routes: {
    "/api/sessions/:sid/messages": {
      POST: async (req) => {
        ${link("req.params.sid")};
        return new Response("ok");
      },
    },
  },
});
`, { files: BUN, filename: "src/server.ts" }),
    c("deno serve default export: a query parameter", `import { tracer } from "./tracing.ts";

export default {
  async fetch(request: Request) {
    const sid = new URL(request.url).searchParams.get("session") ?? undefined;
    ${link("sid")};
    return new Response("ok");
  },
} satisfies Deno.ServeDefaultExport;
`, { files: DENO, filename: "src/main.ts" }),
    c("Cloudflare WorkerEntrypoint fetch: a header", `import { WorkerEntrypoint } from "cloudflare:workers";
import { tracer } from "./tracing";

export default class extends WorkerEntrypoint<Env> {
  async fetch(request: Request) {
    const sid = request.headers.get("x-session-id") ?? undefined;
    tracer.createSession({ sessionId: sid });
    return new Response("ok");
  }
}
`, { files: CLOUDFLARE, filename: "src/index.ts" }),
    c("Cloudflare Durable Object: webSocketMessage's message", `import { DurableObject } from "cloudflare:workers";
import { tracer } from "./tracing";

export class ChatRoom extends DurableObject<Env> {
  async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer) {
    const { sessionId } = JSON.parse(String(message));
    ${link("sessionId")};
    ws.send("ok");
  }
}
`, { files: CLOUDFLARE, filename: "src/room.ts" }),
    c("Vercel export default { fetch }: the JSON body", `import { tracer } from "./_lib/tracing";

export default {
  async fetch(request: Request) {
    const { sessionId } = await request.json();
    ${link("sessionId")};
    return new Response("ok");
  },
};
`, { files: VERCEL_FN, filename: "api/chat.ts" }),
    c("Next.js 15 route: request.headers.get", `import { tracer } from "../../../lib/tracing";

export async function POST(request: Request) {
  const sid = request.headers.get("x-session-id");
  if (sid) ${link("sid")};
  return Response.json({ ok: true });
}
`, { files: NEXT, filename: "app/api/chat/route.ts" }),
    c("Next.js 15 route: awaited params (params is a Promise since 15)", `import { tracer } from "../../../../lib/tracing";

export async function POST(request: Request, { params }: { params: Promise<{ sid: string }> }) {
  const { sid } = await params;
  ${link("sid")};
  return Response.json({ ok: true });
}
`, { files: NEXT, filename: "app/api/chat/[sid]/route.ts" }),
    c("Next.js 15: awaited headers() from next/headers in a server action", `"use server";

import { headers } from "next/headers";
import { tracer } from "../lib/tracing";

export async function send(message: string) {
  const sid = (await headers()).get("x-session-id") ?? undefined;
  ${link("sid")};
  return message;
}
`, { files: NEXT, filename: "app/actions.ts" }),
    c("Next.js server action: its argument", `"use server";

import { tracer } from "../lib/tracing";

export async function resume(sessionId: string) {
  ${link("sessionId")};
  return { ok: true };
}
`, { files: NEXT, filename: "app/actions.ts" }),
    c("React Router 7 action: params of Route.ActionArgs", `import type { Route } from "./+types/chat";
import { tracer } from "../lib/tracing";

export async function action({ params }: Route.ActionArgs) {
  ${link("params.sid")};
  return { ok: true };
}
`, { files: RR7, filename: "app/routes/chat.$sid.tsx" }),
    c("TanStack Start createServerFn: the validated-by-type-only data", `import { createServerFn } from "@tanstack/react-start";
import { tracer } from "../lib/tracing";

export const resume = createServerFn({ method: "POST" })
  .validator((data: { sessionId: string }) => data)
  .handler(async ({ data }) => {
    ${link("data.sessionId")};
    return { ok: true };
  });
`, { files: TANSTACK, filename: "src/server/resume.ts" }),
    c("h3 v2: event.req.headers.get in defineHandler", `import { H3, defineHandler } from "h3";
import { tracer } from "./tracing";

export const app = new H3().post(
  "/chat",
  defineHandler((event) => {
    const sid = event.req.headers.get("x-session-id") ?? undefined;
    ${link("sid")};
    return "ok";
  }),
);
`, { files: H3V2, filename: "src/app.ts" }),
    c("h3 v2: getRouterParam", `import { H3, defineHandler, getRouterParam } from "h3";
import { tracer } from "./tracing";

export const app = new H3().post(
  "/sessions/:sid",
  defineHandler((event) => {
    ${link('getRouterParam(event, "sid")')};
    return "ok";
  }),
);
`, { files: H3V2, filename: "src/app.ts" }),
    c("Express 5: req.params of app.route(path).post", `import express from "express";
import { tracer } from "./tracing";

const app = express();
app.route("/sessions/:sid").post(async (req, res) => {
  ${link("req.params.sid")};
  res.sendStatus(204);
});
app.listen(3000);
`, { files: EXPRESS5, filename: "src/server.ts" }),
    c("Fastify 5: request.body without a schema", `import Fastify from "fastify";
import { tracer } from "./tracing";

const app = Fastify();
app.post<{ Body: { sessionId: string } }>("/chat", async (request) => {
  ${link("request.body.sessionId")};
  return { ok: true };
});
await app.listen({ port: 3000 });
`, { files: FASTIFY5, filename: "src/server.ts" }),
    c("Hono 4: c.req.header in app.on", `import { Hono } from "hono";
import { tracer } from "./tracing";

const app = new Hono();
app.on(["POST"], "/chat", async (c) => {
  ${link('c.req.header("x-session-id")')};
  return c.text("ok");
});
export default app;
`, { files: HONO, filename: "src/app.ts" }),
    c("Elysia 1.x: headers of the context", `import { Elysia } from "elysia";
import { tracer } from "./tracing";

new Elysia()
  .post("/chat", ({ headers }) => {
    ${link('headers["x-session-id"]')};
    return "ok";
  })
  .listen(3000);
`, { files: ELYSIA, filename: "src/index.ts" }),
    c("Astro 5 APIRoute: params", `import type { APIRoute } from "astro";
import { tracer } from "../../../lib/tracing";

export const POST: APIRoute = async ({ params }) => {
  ${link("params.sid")};
  return new Response("ok");
};
`, { files: ASTRO, filename: "src/pages/api/sessions/[sid].ts" }),
    c("SvelteKit 2 RequestHandler: url.searchParams", `import type { RequestHandler } from "@sveltejs/kit";
import { tracer } from "../../../lib/tracing";

export const POST: RequestHandler = async ({ url }) => {
  const sid = url.searchParams.get("sid") ?? undefined;
  ${link("sid")};
  return new Response("ok");
};
`, { files: SVELTEKIT("@sveltejs/adapter-node"), filename: "src/routes/api/chat/+server.ts" }),
    c("Nuxt 4 server/api: readBody auto-import", `import { tracer } from "../utils/tracing";

export default defineEventHandler(async (event) => {
  const { sessionId } = await readBody(event);
  ${link("sessionId")};
  return { ok: true };
});
`, { files: NUXT(undefined), filename: "server/api/chat.post.ts" }),
    c("AWS Lambda .mjs: a header of the event", `import { tracer } from "./tracing.mjs";

export const handler = async (event) => {
  try {
    ${link('event.headers["x-session-id"]')};
    return { statusCode: 200 };
  } finally {
    await tracer.forceFlush();
  }
};
`, { files: AWS_MJS, filename: "index.mjs" }),
    c("Azure Functions v4: request.query.get", `import { app, type HttpRequest } from "@azure/functions";
import { tracer } from "../tracing";

app.http("chat", {
  methods: ["POST"],
  handler: async (request: HttpRequest) => {
    try {
      ${link('request.query.get("sid") ?? undefined')};
      return { body: "ok" };
    } finally {
      await tracer.forceFlush();
    }
  },
});
`, { files: AZURE, filename: "src/functions/chat.ts" }),
    c("Functions Framework v4: req.get", `import * as functions from "@google-cloud/functions-framework";
import { tracer } from "./tracing";

functions.http("chat", async (req, res) => {
  ${link('req.get("x-session-id")')};
  await tracer.forceFlush();
  res.send("ok");
});
`, { files: GCP, filename: "src/index.ts" }),
    c("Firebase v2 onRequest: req.body", `import { onRequest } from "firebase-functions/v2/https";
import { tracer } from "./tracing";

export const chat = onRequest({ cors: true }, async (req, res) => {
  ${link("req.body.sessionId")};
  await tracer.forceFlush();
  res.json({ ok: true });
});
`, { files: FIREBASE, filename: "src/index.ts" }),
    c("Netlify Functions v2: context.params of config.path", `import type { Config, Context } from "@netlify/functions";
import { tracer } from "../lib/tracing";

export default async (_req: Request, context: Context) => {
  try {
    ${link("context.params.sid")};
    return new Response("ok");
  } finally {
    context.waitUntil(tracer.forceFlush());
  }
};

export const config: Config = { path: "/api/sessions/:sid" };
`, { files: NETLIFY, filename: "netlify/functions/chat.mts" }),
    c("Supabase Edge Deno.serve: a header", `import { tracer } from "../_shared/tracing.ts";

Deno.serve(async (req) => {
  try {
    ${link('req.headers.get("x-session-id") ?? undefined')};
    return new Response("ok");
  } finally {
    await tracer.forceFlush();
  }
});
`, { files: SUPABASE, filename: "supabase/functions/chat/index.ts" }),
  ];
  const quiet: Case[] = [
    c("Bun.serve routes: checked with isSessionId before linking", `import { isSessionId } from "honeyhive";
import { tracer } from "./tracing";

Bun.serve({
  routes: {
    "/api/chat": {
      POST: async (req) => {
        const sid = req.headers.get("x-session-id");
        if (sid && isSessionId(sid)) ${link("sid")};
        return new Response("ok");
      },
    },
  },
});
`, { files: BUN, filename: "src/server.ts" }),
    c("Cloudflare WorkerEntrypoint: converted with toSessionId", `import { WorkerEntrypoint } from "cloudflare:workers";
import { toSessionId } from "honeyhive";
import { tracer } from "./tracing";

export default class extends WorkerEntrypoint<Env> {
  async fetch(request: Request) {
    const conversation = request.headers.get("x-conversation");
    if (conversation) tracer.createSession({ sessionId: toSessionId(conversation) });
    return new Response("ok");
  }
}
`, { files: CLOUDFLARE, filename: "src/index.ts" }),
    c("Cloudflare Workflow: event.payload is the application's own", `import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep } from "cloudflare:workers";
import { tracer } from "./tracing";

export class ChatWorkflow extends WorkflowEntrypoint<Env, { sessionId: string }> {
  async run(event: WorkflowEvent<{ sessionId: string }>, step: WorkflowStep) {
    ${link("event.payload.sessionId")};
    await step.do("reply", async () => "ok");
  }
}
`, { files: CLOUDFLARE, filename: "src/workflow.ts" }),
    c("Hono 4: zValidator with a uuid schema before the handler", `import { Hono } from "hono";
import { zValidator } from "@hono/zod-validator";
import { z } from "zod";
import { tracer } from "./tracing";

const app = new Hono();
app.post("/chat", zValidator("json", z.object({ sessionId: z.string().uuid() })), async (c) => {
  const { sessionId } = c.req.valid("json");
  ${link("sessionId")};
  return c.text("ok");
});
export default app;
`, { files: HONO, filename: "src/app.ts" }),
    c("Fastify 5: a route schema with format uuid", `import Fastify from "fastify";
import { tracer } from "./tracing";

const app = Fastify();
app.post<{ Body: { sessionId: string } }>(
  "/chat",
  { schema: { body: { type: "object", required: ["sessionId"], properties: { sessionId: { type: "string", format: "uuid" } } } } },
  async (request) => {
    ${link("request.body.sessionId")};
    return { ok: true };
  },
);
await app.listen({ port: 3000 });
`, { files: FASTIFY5, filename: "src/server.ts" }),
    c("Next.js 15 route: a session id the server makes (randomUUID)", `import { randomUUID } from "node:crypto";
import { tracer } from "../../../lib/tracing";

export async function POST() {
  const sessionId = randomUUID();
  tracer.createSession({ sessionId });
  return Response.json({ sessionId });
}
`, { files: NEXT, filename: "app/api/chat/route.ts" }),
    c("Elysia 1.x: a t.String({ format: \"uuid\" }) header schema is not read, but the id is checked with isSessionId", `import { Elysia } from "elysia";
import { isSessionId } from "honeyhive";
import { tracer } from "./tracing";

new Elysia()
  .post("/chat", ({ headers, status }) => {
    const sid = headers["x-session-id"];
    if (!sid || !isSessionId(sid)) return status(400);
    ${link("sid")};
    return "ok";
  })
  .listen(3000);
`, { files: ELYSIA, filename: "src/index.ts" }),
    c("Bun.serve routes: a different SDK's session id (PostHog) from the header", `import { PostHog } from "posthog-node";

const posthog = new PostHog("key");

Bun.serve({
  routes: {
    "/api/chat": {
      POST: async (req) => {
        posthog.capture({ distinctId: req.headers.get("x-session-id") ?? "anon", event: "chat", properties: { $session_id: req.headers.get("x-session-id") } });
        return new Response("ok");
      },
    },
  },
});
`, { files: BUN, filename: "src/server.ts" }),
  ];
  describeCases(SESSION_ID_RULE, sessionIdRule as AnyRule, { reported, quiet });
});
