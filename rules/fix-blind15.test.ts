// fix-blind15: the look-alikes of the knowledge added for rules/blind-cases-15.test.ts's misses: TanStack Start
// (analysis/knowledge/frameworks/tanstack-start.ts) and Nitro v3's `defineHandler` of `"nitro"` / `"nitro/h3"`
// (analysis/knowledge/frameworks/h3.ts). The reported side is in rules/blind-cases-15.test.ts; here, what looks the
// same and is not: builders of another package or of the project, a route's isomorphic `loader`, a validator that
// checks UUIDs, a `defineHandler` of the project's own module.
import { describe } from "vitest";
import { type AnyRule, type Case, describeBlindCases } from "./test-utils/blind-cases.js";
import sessionStartRule, { RULE_NAME as SESSION_START_RULE } from "./no-session-start-in-handler.js";
import initRule, { RULE_NAME as INIT_RULE } from "./no-tracer-init-in-handler.js";
import sessionIdRule, { RULE_NAME as SESSION_ID_RULE } from "./require-valid-session-id.js";
import flushRule, { RULE_NAME as FLUSH_RULE } from "./require-force-flush-in-lambda.js";

const c = (name: string, code: string, extra: Omit<Case, "name" | "code"> = {}): Case => ({ name, code, ...extra });
const TRACING_TS = `import { HoneyHiveTracer } from "honeyhive";

export const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "app" });
`;
const project = (deps: Record<string, string>, tracingPath: string, extra: Record<string, string> = {}) => ({
  "package.json": JSON.stringify({ name: "app", private: true, type: "module", dependencies: { honeyhive: "^2.0.0", ...deps } }),
  [tracingPath]: TRACING_TS,
  ...extra,
});
const TANSTACK = project({ "@tanstack/react-start": "^1.131.0", "@tanstack/react-router": "^1.131.0", zod: "^4.0.0" }, "src/lib/tracing.ts");
const NITRO3 = project({ nitro: "^3.0.0" }, "lib/tracing.ts");

describe(`${SESSION_START_RULE}: TanStack Start and Nitro v3 look-alikes`, () => {
  const reported: Case[] = [
    c("a TanStack Start function middleware's server(fn)", `import { createMiddleware } from "@tanstack/react-start";
import { tracer } from "../lib/tracing";

export const withSession = createMiddleware({ type: "function" }).server(async ({ next }) => {
  tracer.sessionStart({ sessionName: "fn" });
  return next();
});
`, { files: TANSTACK, filename: "src/server/middleware.ts" }),
  ];
  const quiet: Case[] = [
    c("createServerFn of the project's own module (not TanStack's)", `import { createServerFn } from "../lib/rpc";
import { tracer } from "../lib/tracing";

export const warmup = createServerFn({ method: "POST" }).handler(async () => {
  tracer.sessionStart({ sessionName: "warmup" });
});
`, { files: { ...TANSTACK, "src/lib/rpc.ts": `export function createServerFn(_o: object) { return { handler: (fn: () => unknown) => fn }; }\n` }, filename: "src/server/warmup.ts" }),
    c("a TanStack route's loader (isomorphic, no server handler) and component", `import { createFileRoute } from "@tanstack/react-router";
import { tracer } from "../lib/tracing";

export const Route = createFileRoute("/chat")({
  loader: async () => {
    tracer.sessionStart({ sessionName: "loader" });
    return null;
  },
  component: () => null,
});
`, { files: TANSTACK, filename: "src/routes/chat.tsx" }),
    c("createFileRoute of the project's module with server handlers", `import { createFileRoute } from "../lib/routes";
import { tracer } from "../lib/tracing";

export const Route = createFileRoute("/api/chat")({
  server: { handlers: { POST: async () => { tracer.sessionStart({ sessionName: "x" }); return new Response("ok"); } } },
});
`, { files: { ...TANSTACK, "src/lib/routes.ts": `export const createFileRoute = (_p: string) => (o: object) => o;\n` }, filename: "src/routes/chat.ts" }),
    c("defineHandler of the project's own module under routes/", `import { defineHandler } from "../lib/handlers";
import { tracer } from "../lib/tracing";

export default defineHandler(() => {
  tracer.sessionStart({ sessionName: "x" });
  return "ok";
});
`, { files: { ...NITRO3, "lib/handlers.ts": `export const defineHandler = (fn: () => unknown) => fn;\n` }, filename: "scripts/job.ts" }),
    c("a Nitro v3 route that creates its session (the fix)", `import { defineHandler } from "nitro";
import { tracer } from "../../lib/tracing";

export default defineHandler((event) => {
  tracer.createSession({ sessionName: event.path });
  return "ok";
});
`, { files: NITRO3, filename: "routes/api/ok.ts" }),
  ];
  describeBlindCases(SESSION_START_RULE, sessionStartRule as AnyRule, { reported, quiet }, []);
});

describe(`${INIT_RULE}: TanStack Start look-alikes`, () => {
  const reported: Case[] = [
    c("init in a createServerFileRoute().methods({ GET }) handler", `import { createServerFileRoute } from "@tanstack/react-start/server";
import { HoneyHiveTracer } from "honeyhive";

export const ServerRoute = createServerFileRoute("/api/report").methods({
  GET: async () => {
    const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "r" });
    tracer.createSession({ sessionName: "report" });
    return new Response("ok");
  },
});
`, { files: TANSTACK, filename: "src/routes/api/report.ts" }),
  ];
  const quiet: Case[] = [
    c("init at the top of a module that declares a server function", `import { createServerFn } from "@tanstack/react-start";
import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "r" });

export const report = createServerFn().handler(async () => {
  tracer.createSession({ sessionName: "report" });
  return "ok";
});
`, { files: TANSTACK, filename: "src/server/report.ts" }),
  ];
  describeBlindCases(INIT_RULE, initRule as AnyRule, { reported, quiet }, []);
});

describe(`${SESSION_ID_RULE}: TanStack Start look-alikes`, () => {
  const reported: Case[] = [
    c("a server route's params", `import { createFileRoute } from "@tanstack/react-router";
import { tracer } from "../../../lib/tracing";

export const Route = createFileRoute("/api/sessions/$sid")({
  server: {
    handlers: {
      POST: async ({ params }) => {
        tracer.createSession({ sessionId: params.sid, skipApiCall: true });
        return new Response("ok");
      },
    },
  },
});
`, { files: TANSTACK, filename: "src/routes/api/sessions/$sid.ts" }),
  ];
  const quiet: Case[] = [
    c("a server function whose inputValidator checks a UUID", `import { createServerFn } from "@tanstack/react-start";
import { z } from "zod";
import { tracer } from "../lib/tracing";

export const resume = createServerFn({ method: "POST" })
  .inputValidator(z.object({ sessionId: z.string().uuid() }))
  .handler(async ({ data }) => {
    tracer.createSession({ sessionId: data.sessionId, skipApiCall: true });
    return { ok: true };
  });
`, { files: TANSTACK, filename: "src/server/resume.ts" }),
    c("a server function's context (set by middleware, not the client)", `import { createServerFn } from "@tanstack/react-start";
import { tracer } from "../lib/tracing";

export const resume = createServerFn({ method: "POST" }).handler(async ({ context }) => {
  tracer.createSession({ sessionId: (context as { sessionId: string }).sessionId, skipApiCall: true });
  return { ok: true };
});
`, { files: TANSTACK, filename: "src/server/resume.ts" }),
  ];
  describeBlindCases(SESSION_ID_RULE, sessionIdRule as AnyRule, { reported, quiet }, []);
});

// Astro's serverless adapters (analysis/knowledge/frameworks/server-adapters-config.ts `astroAdapterPlatform`): only the
// endpoints of a project whose astro.config.* imports `@astrojs/vercel` / `@astrojs/netlify` are entry points.
describe(`${FLUSH_RULE}: Astro adapter look-alikes`, () => {
  const ENDPOINT = `import type { APIRoute } from "astro";
import { tracer } from "../../lib/tracing";

export const POST: APIRoute = async ({ request }) => {
  tracer.createSession({ sessionName: "astro" });
  return new Response(await request.text());
};
`;
  const astroProject = (adapter: string | undefined) =>
    project({ astro: "^5.13.0", ...(adapter ? { [adapter]: "^8.0.0" } : {}) }, "src/lib/tracing.ts", {
      "astro.config.mjs": adapter === undefined ? `import { defineConfig } from "astro/config";\n\nexport default defineConfig({});\n` : `import { defineConfig } from "astro/config";\nimport adapter from "${adapter}";\n\nexport default defineConfig({ output: "server", adapter: adapter() });\n`,
    });
  const reported: Case[] = [c("an endpoint on @astrojs/netlify", ENDPOINT, { files: astroProject("@astrojs/netlify"), filename: "src/pages/api/chat.ts" })];
  const quiet: Case[] = [
    c("an endpoint of a static Astro site (no adapter)", ENDPOINT, { files: astroProject(undefined), filename: "src/pages/api/chat.ts" }),
    c("a helper module beside the pages of an Astro project on Vercel", ENDPOINT.replace("../../lib/tracing", "./tracing"), { files: astroProject("@astrojs/vercel"), filename: "src/lib/chat.ts" }),
  ];
  describeBlindCases(FLUSH_RULE, flushRule as AnyRule, { reported, quiet }, []);
});
