// Blind round 15 for `honeyhive migrate`: THE NEWEST FRAMEWORK AND RUNTIME VERSIONS (2025–2026), on projects like
// rules/blind-cases-15's (written on disk, migrated with the 2.x set). Each handler is written the way its framework's
// current docs write it: Vercel's web-standard `export default { fetch }`, Cloudflare `WorkerEntrypoint` classes and
// `export default { fetch(request, env, ctx) } satisfies ExportedHandler`, Durable Objects, Bun ≥1.2 `Bun.serve({ routes
// })`, `deno serve`'s default export, Next.js 15 `export const runtime = "edge"` routes and Next.js 16 `proxy.ts`,
// React Router 7 actions, TanStack Start server functions, h3 v2 `new H3()`, Hono 4 factories, Fastify 5 hooks, AWS
// Lambda `.mjs` handlers and `awslambda.streamifyResponse`, Azure Functions v4, the Functions Framework v4, Firebase v2
// `onRequest({ … }, fn)`, Netlify Functions v2 and Supabase Edge Functions. About a third are look-alikes that must
// come out byte for byte (a Bun server that needs no flush, a Next.js route without a serverless signal, a Durable
// Object, a flush already handed to `waitUntil`, another library's `sessionStart`).
//
// Written from docs/codemods.md (lambda-force-flush: "The body goes into `try { … } finally { await
// <tracer>.forceFlush(); }`", "On a platform with a background-work hook the flush takes the platform's form:
// `waitUntil(tracer.forceFlush())` / `ctx.waitUntil(…)` in the `finally`, or `after(() => tracer.forceFlush());` at the
// top of a Next.js handler", "An HTTP handler that answers through `res` on Google Cloud Functions or Firebase gets
// `await tracer.forceFlush();` before each statement that sends the response"; session-start-to-create-session;
// explicit-tracer; evaluate-managed-tracer; validate-session-id's marker; lost-session-context's move; hoist-tracer-init's
// getter) and docs/rules/require-force-flush-in-lambda.md's platform table (`this.ctx.waitUntil` in a `WorkerEntrypoint`,
// `context.waitUntil` on Netlify, `EdgeRuntime.waitUntil` where the file loads the edge-runtime types, a Durable
// Object's `fetch` is no entry point), before reading the transforms.
//
// Each expectation asserts the correct output; those the codemod does not meet today are in KNOWN (asserted as failing
// today, with a reason), so a fix turns the file red until the entry is deleted.
import { afterAll, beforeAll, describe, expect } from "vitest";
import { removeProjects } from "./cli/test-utils/project.js";
import { describeSetExpectations, type Expectation, type KnownExpectation, projectRuns, type SetProject } from "./cli/test-utils/shapes.js";
import { HH2, pkg, TRACING_TS } from "../rules/test-utils/programs.js";

const DENO_TRACING_TS = `import { HoneyHiveTracer } from "npm:honeyhive@^2";

export const tracer = HoneyHiveTracer.init({ apiKey: Deno.env.get("HH_API_KEY"), project: "edge" });
`;
const WRANGLER = `{ "name": "chat-worker", "main": "src/index.ts", "compatibility_date": "2025-09-01" }\n`;
const CLOUDFLARE = { "package.json": pkg({ ...HH2, wrangler: "^4.33.0" }), "wrangler.jsonc": WRANGLER, "src/tracing.ts": TRACING_TS };
const VERCEL = { "package.json": pkg({ ...HH2, "@vercel/functions": "^2.2.0" }), "api/_lib/tracing.ts": TRACING_TS };
const NEXT = { "package.json": pkg({ ...HH2, next: "^15.5.0", react: "^19.1.0" }), "lib/tracing.ts": TRACING_TS };
const BUN = { "package.json": pkg({ ...HH2, "@types/bun": "^1.2.19" }, { type: "module" }), "src/tracing.ts": TRACING_TS };
const AWS_MJS = { "package.json": pkg(HH2, { type: "module" }), "tracing.mjs": TRACING_TS };

// --- inputs -----------------------------------------------------------------------------------------------------
const VERCEL_FETCH = `import { tracer } from "./_lib/tracing";

export default {
  async fetch(request: Request) {
    tracer.createSession({ sessionName: "chat" });
    return new Response(await request.text());
  },
};
`;
const VERCEL_FLUSHED = `import { waitUntil } from "@vercel/functions";
import { tracer } from "./_lib/tracing";

export default {
  async fetch(request: Request) {
    try {
      tracer.createSession({ sessionName: "chat" });
      return new Response(await request.text());
    } finally {
      waitUntil(tracer.forceFlush());
    }
  },
};
`;
const WORKER_ENTRYPOINT = `import { WorkerEntrypoint } from "cloudflare:workers";
import { tracer } from "./tracing";

export default class extends WorkerEntrypoint<Env> {
  async fetch(request: Request) {
    tracer.createSession({ sessionName: new URL(request.url).pathname });
    return new Response("ok");
  }
}
`;
const WORKER_ENTRYPOINT_AFTER = `import { WorkerEntrypoint } from "cloudflare:workers";
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
`;
const MODULE_WORKER = `import { tracer } from "./tracing";

export default {
  async fetch(request, env, ctx): Promise<Response> {
    tracer.createSession({ sessionName: request.url });
    return new Response("ok");
  },
} satisfies ExportedHandler<Env>;
`;
const MODULE_WORKER_AFTER = `import { tracer } from "./tracing";

export default {
  async fetch(request, env, ctx): Promise<Response> {
    try {
      tracer.createSession({ sessionName: request.url });
      return new Response("ok");
    } finally {
      ctx.waitUntil(tracer.forceFlush());
    }
  },
} satisfies ExportedHandler<Env>;
`;
const DURABLE_OBJECT = `import { DurableObject } from "cloudflare:workers";
import { tracer } from "./tracing";

export class ChatRoom extends DurableObject<Env> {
  async fetch(request: Request) {
    tracer.sessionStart({ sessionName: "room" });
    return new Response(await request.text());
  }
}
`;
const NEXT_EDGE = `import { tracer } from "../../../lib/tracing";

export const runtime = "edge";

export async function POST(request: Request) {
  tracer.createSession({ sessionName: "edge-chat" });
  return new Response(await request.text());
}
`;
const NEXT_PLAIN = `import { tracer } from "../../../lib/tracing";

export async function POST(request: Request) {
  tracer.createSession({ sessionName: "chat" });
  return new Response(await request.text());
}
`;
const NEXT16_PROXY = `import { NextResponse, type NextRequest } from "next/server";
import { tracer } from "./lib/tracing";

export function proxy(request: NextRequest) {
  tracer.sessionStart({ sessionName: request.nextUrl.pathname });
  return NextResponse.next();
}

export const config = { matcher: ["/api/:path*"] };
`;
const RR7_ACTION = `import type { Route } from "./+types/chat";
import { tracer } from "../lib/tracing";

export async function action({ request }: Route.ActionArgs) {
  tracer.sessionStart({ sessionName: "chat" });
  const form = await request.formData();
  return { message: form.get("message") };
}
`;
const TANSTACK_SERVER_FN = `import { createServerFn } from "@tanstack/react-start";
import { tracer } from "../lib/tracing";

export const sendMessage = createServerFn({ method: "POST" })
  .validator((data: { message: string }) => data)
  .handler(async ({ data }) => {
    tracer.sessionStart({ sessionName: "chat" });
    return { echo: data.message };
  });
`;
const BUN_ROUTES_SESSION_START = `import { tracer } from "./tracing";

Bun.serve({
  routes: {
    "/api/status": new Response("OK"),
    "/api/chat": {
      POST: async (req) => {
        tracer.sessionStart({ sessionName: "chat" });
        return Response.json(await req.json());
      },
    },
  },
});
`;
const BUN_ROUTES_CREATE = BUN_ROUTES_SESSION_START.replace("sessionStart", "createSession");
const DENO_DEFAULT_EXPORT = `import { tracer } from "./tracing.ts";

export default {
  async fetch(request: Request) {
    tracer.sessionStart({ sessionName: request.method });
    return new Response("hello");
  },
} satisfies Deno.ServeDefaultExport;
`;
const LAMBDA_MJS = `import { tracer } from "./tracing.mjs";

export const handler = async (event) => {
  tracer.createSession({ sessionName: event.rawPath });
  return { statusCode: 200, body: "ok" };
};
`;
const LAMBDA_MJS_AFTER = `import { tracer } from "./tracing.mjs";

export const handler = async (event) => {
  try {
    tracer.createSession({ sessionName: event.rawPath });
    return { statusCode: 200, body: "ok" };
  } finally {
    await tracer.forceFlush();
  }
};
`;
const STREAMIFY = `import { tracer } from "./tracing.mjs";

export const handler = awslambda.streamifyResponse(async (event, responseStream, _context) => {
  tracer.createSession({ sessionName: "stream" });
  responseStream.write("hello");
  responseStream.end();
});
`;
const STREAMIFY_AFTER = `import { tracer } from "./tracing.mjs";

export const handler = awslambda.streamifyResponse(async (event, responseStream, _context) => {
  try {
    tracer.createSession({ sessionName: "stream" });
    responseStream.write("hello");
    responseStream.end();
  } finally {
    await tracer.forceFlush();
  }
});
`;
const AZURE_V4 = `import { app, type HttpRequest } from "@azure/functions";
import { tracer } from "../tracing";

app.http("chat", {
  methods: ["POST"],
  authLevel: "anonymous",
  handler: async (request: HttpRequest) => {
    tracer.createSession({ sessionName: "azure" });
    return { body: "ok" };
  },
});
`;
const AZURE_V4_AFTER = `import { app, type HttpRequest } from "@azure/functions";
import { tracer } from "../tracing";

app.http("chat", {
  methods: ["POST"],
  authLevel: "anonymous",
  handler: async (request: HttpRequest) => {
    try {
      tracer.createSession({ sessionName: "azure" });
      return { body: "ok" };
    } finally {
      await tracer.forceFlush();
    }
  },
});
`;
const GCP_FF = `import * as functions from "@google-cloud/functions-framework";
import { tracer } from "./tracing";

functions.http("chat", async (req, res) => {
  tracer.createSession({ sessionName: "gcp" });
  res.json({ ok: true });
});
`;
const GCP_FF_AFTER = `import * as functions from "@google-cloud/functions-framework";
import { tracer } from "./tracing";

functions.http("chat", async (req, res) => {
  tracer.createSession({ sessionName: "gcp" });
  await tracer.forceFlush();
  res.json({ ok: true });
});
`;
const FIREBASE_V2 = `import { onRequest } from "firebase-functions/v2/https";
import { tracer } from "./tracing";

export const chat = onRequest({ cors: true, region: "europe-west1" }, async (req, res) => {
  tracer.createSession({ sessionName: "firebase" });
  res.status(200).send("ok");
});
`;
const FIREBASE_V2_AFTER = `import { onRequest } from "firebase-functions/v2/https";
import { tracer } from "./tracing";

export const chat = onRequest({ cors: true, region: "europe-west1" }, async (req, res) => {
  tracer.createSession({ sessionName: "firebase" });
  await tracer.forceFlush();
  res.status(200).send("ok");
});
`;
const NETLIFY_V2 = `import type { Config, Context } from "@netlify/functions";
import { tracer } from "../lib/tracing";

export default async (req: Request, context: Context) => {
  tracer.createSession({ sessionName: "netlify" });
  return new Response(await req.text());
};

export const config: Config = { path: "/api/chat" };
`;
const NETLIFY_V2_AFTER = `import type { Config, Context } from "@netlify/functions";
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
`;
const SUPABASE_EDGE = `import "jsr:@supabase/functions-js/edge-runtime.d.ts";
import { tracer } from "../_shared/tracing.ts";

Deno.serve(async (req) => {
  tracer.createSession({ sessionName: "edge" });
  return new Response(await req.text());
});
`;
const SUPABASE_EDGE_AFTER = `import "jsr:@supabase/functions-js/edge-runtime.d.ts";
import { tracer } from "../_shared/tracing.ts";

Deno.serve(async (req) => {
  try {
    tracer.createSession({ sessionName: "edge" });
    return new Response(await req.text());
  } finally {
    EdgeRuntime.waitUntil(tracer.forceFlush());
  }
});
`;
const H3_INIT = `import { H3, defineHandler } from "h3";
import { HoneyHiveTracer } from "honeyhive";

export const app = new H3();
app.post(
  "/chat",
  defineHandler(async (event) => {
    const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat", sessionName: \`chat-\${event.url.pathname}\` });
    tracer.enrichSession({ metadata: { route: "chat" } });
    return { ok: true };
  }),
);
`;
const HONO_FACTORY_TRACE = `import { Hono } from "hono";
import { createFactory } from "hono/factory";
import { trace } from "honeyhive";
import { tracer } from "./tracing";

const answer = trace(async (q: string) => q.toUpperCase());

const factory = createFactory();
const handlers = factory.createHandlers(async (c) => {
  tracer.createSession({ sessionName: c.req.path });
  return c.text(await answer(await c.req.text()));
});

const app = new Hono();
app.post("/chat", ...handlers);
export default app;
`;
const BUN_EVAL = `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "evals" });

const pipeline = trace({ eventType: "chain", tracer }, async (datapoint: { inputs: { q: string } }) => ({ answer: datapoint.inputs.q }));

const dataset = await Bun.file("dataset.json").json();
await evaluate({ function: pipeline, dataset, name: "bun-eval" });
`;
const BUN_EVAL_AFTER = `import { trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const pipeline = trace({ eventType: "chain" }, async (datapoint: { inputs: { q: string } }) => ({ answer: datapoint.inputs.q }));

const dataset = await Bun.file("dataset.json").json();
await evaluate({ function: pipeline, dataset, name: "bun-eval" });
`;
const BUN_SESSION_ID = `import { tracer } from "./tracing";

Bun.serve({
  routes: {
    "/api/chat": {
      POST: async (req) => {
        const sid = req.headers.get("x-session-id") ?? undefined;
        tracer.createSession({ sessionId: sid, skipApiCall: true });
        return new Response("ok");
      },
    },
  },
});
`;
const FASTIFY5_HOOK = `import Fastify from "fastify";
import { tracer } from "./tracing";

const app = Fastify({ logger: true });
app.addHook("onRequest", async (request) => {
  await audit(request.url);
  tracer.createSession({ sessionName: request.url });
});
app.post("/chat", async () => tracer.startSpan("chat", () => ({ ok: true })));

async function audit(url: string) {
  return url;
}
await app.listen({ port: 3000 });
`;
const FASTIFY5_HOOK_AFTER = `import Fastify from "fastify";
import { tracer } from "./tracing";

const app = Fastify({ logger: true });
app.addHook("onRequest", async (request) => {
  tracer.createSession({ sessionName: request.url });
  await audit(request.url);
});
app.post("/chat", async () => tracer.startSpan("chat", () => ({ ok: true })));

async function audit(url: string) {
  return url;
}
await app.listen({ port: 3000 });
`;
const ANALYTICS_SESSION_START = `import { Hono } from "hono";
import { analytics } from "./analytics";

const app = new Hono();
app.post("/login", (c) => {
  analytics.sessionStart({ userId: c.req.header("x-user") });
  return c.text("ok");
});
export default app;
`;

const PROJECTS: readonly SetProject[] = [
  { name: "vercel-fetch", sets: ["2x"], files: { ...VERCEL, "api/chat.ts": VERCEL_FETCH } },
  { name: "vercel-flushed", sets: ["2x"], files: { ...VERCEL, "api/chat.ts": VERCEL_FLUSHED } },
  { name: "worker-entrypoint", sets: ["2x"], files: { ...CLOUDFLARE, "src/index.ts": WORKER_ENTRYPOINT } },
  { name: "module-worker", sets: ["2x"], files: { ...CLOUDFLARE, "src/index.ts": MODULE_WORKER } },
  { name: "durable-object", sets: ["2x"], files: { ...CLOUDFLARE, "src/room.ts": DURABLE_OBJECT } },
  { name: "next-edge", sets: ["2x"], files: { ...NEXT, "app/api/chat/route.ts": NEXT_EDGE } },
  { name: "next-plain", sets: ["2x"], files: { ...NEXT, "app/api/chat/route.ts": NEXT_PLAIN } },
  {
    name: "next16-proxy",
    sets: ["2x"],
    files: { "package.json": pkg({ ...HH2, next: "^16.0.0", react: "^19.2.0" }), "src/lib/tracing.ts": TRACING_TS, "src/proxy.ts": NEXT16_PROXY },
  },
  {
    name: "rr7-action",
    sets: ["2x"],
    files: { "package.json": pkg({ ...HH2, "react-router": "^7.8.0" }), "app/lib/tracing.ts": TRACING_TS, "app/routes/chat.ts": RR7_ACTION },
  },
  {
    name: "tanstack-server-fn",
    sets: ["2x"],
    files: { "package.json": pkg({ ...HH2, "@tanstack/react-start": "^1.131.0" }), "src/lib/tracing.ts": TRACING_TS, "src/server/chat.ts": TANSTACK_SERVER_FN },
  },
  { name: "bun-routes-session-start", sets: ["2x"], files: { ...BUN, "src/server.ts": BUN_ROUTES_SESSION_START } },
  { name: "bun-routes-unflushed", sets: ["2x"], files: { ...BUN, "src/server.ts": BUN_ROUTES_CREATE } },
  {
    name: "deno-default-export",
    sets: ["2x"],
    files: { "deno.json": `{ "imports": {} }\n`, "src/tracing.ts": DENO_TRACING_TS, "src/main.ts": DENO_DEFAULT_EXPORT },
  },
  { name: "lambda-mjs", sets: ["2x"], files: { ...AWS_MJS, "index.mjs": LAMBDA_MJS } },
  { name: "streamify", sets: ["2x"], files: { ...AWS_MJS, "index.mjs": STREAMIFY } },
  {
    name: "azure-v4",
    sets: ["2x"],
    files: { "package.json": pkg({ ...HH2, "@azure/functions": "^4.7.0" }), "host.json": `{ "version": "2.0" }\n`, "src/tracing.ts": TRACING_TS, "src/functions/chat.ts": AZURE_V4 },
  },
  {
    name: "gcp-ff",
    sets: ["2x"],
    files: { "package.json": pkg({ ...HH2, "@google-cloud/functions-framework": "^4.0.0" }), "src/tracing.ts": TRACING_TS, "src/index.ts": GCP_FF },
  },
  {
    name: "firebase-v2",
    sets: ["2x"],
    files: { "package.json": pkg({ ...HH2, "firebase-functions": "^6.4.0" }), "src/tracing.ts": TRACING_TS, "src/index.ts": FIREBASE_V2 },
  },
  {
    name: "netlify-v2",
    sets: ["2x"],
    files: { "package.json": pkg({ ...HH2, "@netlify/functions": "^4.2.0" }, { type: "module" }), "netlify/lib/tracing.ts": TRACING_TS, "netlify/functions/chat.mts": NETLIFY_V2 },
  },
  {
    name: "supabase-edge",
    sets: ["2x"],
    files: { "supabase/config.toml": `project_id = "chat"\n`, "supabase/functions/_shared/tracing.ts": DENO_TRACING_TS, "supabase/functions/chat/index.ts": SUPABASE_EDGE },
  },
  { name: "h3-init", sets: ["2x"], files: { "package.json": pkg({ ...HH2, h3: "^2.0.0" }, { type: "module" }), "src/app.ts": H3_INIT } },
  {
    name: "hono-factory-trace",
    sets: ["2x"],
    files: { "package.json": pkg({ ...HH2, hono: "^4.9.0" }), "src/tracing.ts": TRACING_TS, "src/app.ts": HONO_FACTORY_TRACE },
  },
  { name: "bun-eval", sets: ["2x"], files: { ...BUN, "scripts/eval.ts": BUN_EVAL } },
  { name: "bun-session-id", sets: ["2x"], files: { ...BUN, "src/server.ts": BUN_SESSION_ID } },
  {
    name: "fastify5-hook",
    sets: ["2x"],
    files: { "package.json": pkg({ ...HH2, fastify: "^5.5.0" }), "src/tracing.ts": TRACING_TS, "src/server.ts": FASTIFY5_HOOK },
  },
  {
    name: "analytics-session-start",
    sets: ["2x"],
    files: {
      "package.json": pkg({ ...HH2, hono: "^4.9.0", "posthog-node": "^5.8.0" }),
      "src/analytics.ts": `import { PostHog } from "posthog-node";\n\nexport const analytics = { client: new PostHog("key"), sessionStart(props: { userId?: string }) { this.client.capture({ distinctId: props.userId ?? "anon", event: "session_start" }); } };\n`,
      "src/app.ts": ANALYTICS_SESSION_START,
    },
  },
];

const { migrate, runOf, out, unchanged, becomes } = projectRuns(PROJECTS);
beforeAll(migrate, 300_000);
afterAll(() => removeProjects());

const MARKER = /\/\* honeyhive-migrate: /;

const EXPECTATIONS: readonly Expectation[] = [
  {
    name: "vercel-fetch: the fetch body in try/finally with waitUntil(tracer.forceFlush()), waitUntil imported from @vercel/functions",
    check: () => {
      const text = out("vercel-fetch", "api/chat.ts");
      expect(text).toMatch(/^import \{ waitUntil \} from "@vercel\/functions";$/m);
      expect(text).toContain(`  async fetch(request: Request) {
    try {
      tracer.createSession({ sessionName: "chat" });
      return new Response(await request.text());
    } finally {
      waitUntil(tracer.forceFlush());
    }
  },
};
`);
      expect(text).not.toMatch(MARKER);
    },
  },
  unchanged("vercel-flushed", "api/chat.ts"),
  becomes("worker-entrypoint", "src/index.ts", WORKER_ENTRYPOINT_AFTER, "WorkerEntrypoint fetch gets this.ctx.waitUntil(tracer.forceFlush()) in a finally"),
  becomes("module-worker", "src/index.ts", MODULE_WORKER_AFTER, "module worker fetch(request, env, ctx) gets ctx.waitUntil(tracer.forceFlush()) in a finally"),
  becomes("durable-object", "src/room.ts", DURABLE_OBJECT.replace("sessionStart", "createSession"), "Durable Object fetch: sessionStart → createSession, and no flush (no entry point)"),
  {
    name: "next-edge: after(() => tracer.forceFlush()); at the top of the edge route, after imported from next/server",
    check: () => {
      const text = out("next-edge", "app/api/chat/route.ts");
      expect(text).toMatch(/^import \{ after \} from "next\/server";$/m);
      expect(text).toContain(`export async function POST(request: Request) {
  after(() => tracer.forceFlush());
  tracer.createSession({ sessionName: "edge-chat" });
  return new Response(await request.text());
}
`);
      expect(text).not.toContain("finally");
    },
  },
  unchanged("next-plain", "app/api/chat/route.ts"),
  becomes("next16-proxy", "src/proxy.ts", NEXT16_PROXY.replace("sessionStart", "createSession"), "Next.js 16 proxy(): sessionStart → createSession"),
  becomes("rr7-action", "app/routes/chat.ts", RR7_ACTION.replace("sessionStart", "createSession"), "React Router 7 action: sessionStart → createSession"),
  becomes("tanstack-server-fn", "src/server/chat.ts", TANSTACK_SERVER_FN.replace("sessionStart", "createSession"), "TanStack Start createServerFn handler: sessionStart → createSession"),
  becomes("bun-routes-session-start", "src/server.ts", BUN_ROUTES_CREATE, "Bun.serve routes POST: sessionStart → createSession, no flush added (a server)"),
  unchanged("bun-routes-unflushed", "src/server.ts"),
  becomes("deno-default-export", "src/main.ts", DENO_DEFAULT_EXPORT.replace("sessionStart", "createSession"), "deno serve default export: sessionStart → createSession"),
  becomes("lambda-mjs", "index.mjs", LAMBDA_MJS_AFTER, ".mjs Lambda handler: body in try/finally with await tracer.forceFlush()"),
  becomes("streamify", "index.mjs", STREAMIFY_AFTER, "awslambda.streamifyResponse body: try/finally with await tracer.forceFlush()"),
  becomes("azure-v4", "src/functions/chat.ts", AZURE_V4_AFTER, "Azure Functions v4 app.http handler: try/finally with await tracer.forceFlush()"),
  becomes("gcp-ff", "src/index.ts", GCP_FF_AFTER, "Functions Framework v4: await tracer.forceFlush(); before res.json"),
  becomes("firebase-v2", "src/index.ts", FIREBASE_V2_AFTER, "Firebase v2 onRequest({ options }, fn): await tracer.forceFlush(); before res.status().send"),
  becomes("netlify-v2", "netlify/functions/chat.mts", NETLIFY_V2_AFTER, "Netlify Functions v2: context.waitUntil(tracer.forceFlush()) in a finally"),
  becomes("supabase-edge", "supabase/functions/chat/index.ts", SUPABASE_EDGE_AFTER, "Supabase Edge Deno.serve: EdgeRuntime.waitUntil(tracer.forceFlush()) in a finally"),
  {
    name: "h3-init: the per-request init becomes a module-level lazy getter; sessionName moves to createSession",
    check: () => {
      const text = out("h3-init", "src/app.ts");
      expect(text).toMatch(/let tracer: HoneyHiveTracer \| undefined;/);
      expect(text).toMatch(/return \(tracer \?\?= HoneyHiveTracer\.init\(\{ apiKey: process\.env\.HH_API_KEY, project: "chat" \}\)\);/);
      expect(text).toContain("const tracer = getTracer();");
      expect(text).toContain("tracer.createSession({ sessionName: `chat-${event.url.pathname}` });");
      expect(text.match(/HoneyHiveTracer\.init\(/g)).toHaveLength(1);
      expect(text).not.toMatch(MARKER);
    },
  },
  becomes(
    "hono-factory-trace",
    "src/app.ts",
    HONO_FACTORY_TRACE.replace("trace(async (q: string)", "trace({ tracer }, async (q: string)"),
    "Hono 4 factory app: trace(fn) → trace({ tracer }, fn)",
  ),
  becomes("bun-eval", "scripts/eval.ts", BUN_EVAL_AFTER, "Bun eval script: the module tracer and its binding removed, HoneyHiveTracer import dropped"),
  {
    name: "bun-session-id: the validate-session-id marker in front of the createSession statement",
    check: () => {
      const text = out("bun-session-id", "src/server.ts");
      expect(text).toMatch(/\n {8}\/\* honeyhive-migrate: [^\n]*toSessionId\(\)[^\n]*\*\/\n {8}tracer\.createSession\(\{ sessionId: sid, skipApiCall: true \}\);/);
      expect(text.match(/honeyhive-migrate:/g)).toHaveLength(1);
    },
  },
  becomes("fastify5-hook", "src/server.ts", FASTIFY5_HOOK_AFTER, "Fastify 5 onRequest hook: createSession moved before the first await"),
  unchanged("analytics-session-start", "src/app.ts"),
  unchanged("analytics-session-start", "src/analytics.ts"),
];

// First run (26 projects, 28 expectations, 2026-12-06): every run clean and stable; 23 expectations met, 5 not, one cause:
// every try/finally the fix wrote for a web handler (Vercel's `export default { fetch }`, a `WorkerEntrypoint`, a
// module worker, Netlify v2, Supabase Edge) returned `return await new Response(…)`, an await of a value that is never
// a promise (typescript-eslint's `await-thenable` reports it): analysis/fixes/flush.ts `needsAwait` awaited every `new`
// and call. Fixed since (the global web classes are knowledge/settled-values.ts; look-alikes in
// analysis/fixes/flush.test.ts). The rest (the platforms' background-work forms, Next.js `after()`, sends on Cloud
// Functions and Firebase, TanStack Start once its descriptor existed, the Bun/Deno servers left alone) was right first time.
// Expectations the codemod does not meet today (see the header).
const KNOWN: readonly KnownExpectation[] = [];

describe("blind 15: migrate on the newest framework and runtime shapes", () => {
  describeSetExpectations(PROJECTS, runOf, EXPECTATIONS, KNOWN);
});
