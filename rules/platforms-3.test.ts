// platforms-3: the flush rule on the platforms its earlier rounds left out (issue 13): Astro on Cloudflare
// (`locals.runtime.ctx.waitUntil`, Astro 6's `locals.cfContext.waitUntil`), TanStack Start deployed serverless,
// the Vercel `waitUntil` fix only where the project depends on `@vercel/functions`, and (platforms-4) the AI SDK telemetry
// that decides whether a flush in `onFinish` is late. Each case is a project on disk;
// a reported case's suggestion is applied and compared with what `honeyhive migrate`'s transform writes.
import { join } from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../codemods/engine/engine.js";
import rule, { RULE_NAME } from "./require-force-flush-in-lambda.js";
import { configForRule } from "./test-utils/fixture-lint.js";
import { createHandlersRoute, describeFlushCases, pkg, TRACING_TS, type FlushCase } from "./test-utils/flush-project-cases.js";

const describeCases = (title: string, cases: readonly FlushCase[]): void => describeFlushCases(title, "platforms-3", cases);

// ---------------------------------------------------------------------------------------------------------------
// 1. Astro on `@astrojs/cloudflare`: endpoints run on Workers. The adapter (v12, Astro 5) puts the Workers
// ExecutionContext on `locals.runtime.ctx` (`Runtime` in @astrojs/cloudflare@12.6.12 dist/utils/handler.d.ts); v13
// (Astro 6) replaces it with `locals.cfContext` (withastro/docs#12981, "The `Astro.locals.runtime.ctx` object is
// replaced with `Astro.locals.cfContext`").
const astroCloudflare = (adapterRange: string, astroRange = "^5.13.0") => ({
  "package.json": pkg({ astro: astroRange, "@astrojs/cloudflare": adapterRange }),
  "astro.config.mjs": `import { defineConfig } from "astro/config";\nimport cloudflare from "@astrojs/cloudflare";\n\nexport default defineConfig({ output: "server", adapter: cloudflare() });\n`,
  "src/lib/tracing.ts": TRACING_TS,
});
const ASTRO_NODE = {
  "package.json": pkg({ astro: "^5.13.0", "@astrojs/node": "^9.4.0" }),
  "astro.config.mjs": `import { defineConfig } from "astro/config";\nimport node from "@astrojs/node";\n\nexport default defineConfig({ output: "server", adapter: node({ mode: "standalone" }) });\n`,
  "src/lib/tracing.ts": TRACING_TS,
};
const ASTRO_ENDPOINT = (parameter: string, flush = "") => `import type { APIRoute } from "astro";
import { tracer } from "../../lib/tracing";

export const POST: APIRoute = async (${parameter}) => {
  tracer.createSession({ sessionName: "chat" });${flush}
  return new Response("ok");
};
`;

describeCases("Astro on @astrojs/cloudflare", [
  { name: "an endpoint without a flush (context parameter): locals.runtime.ctx.waitUntil", files: astroCloudflare("^12.6.0"), filename: "src/pages/api/chat.ts", code: ASTRO_ENDPOINT("context"), writes: "context.locals.runtime.ctx.waitUntil(tracer.forceFlush());" },
  { name: "an endpoint destructuring { locals }: locals.runtime.ctx.waitUntil", files: astroCloudflare("^12.6.0"), filename: "src/pages/api/chat.ts", code: ASTRO_ENDPOINT("{ request, locals }"), writes: "locals.runtime.ctx.waitUntil(tracer.forceFlush());" },
  { name: "Astro 6 (@astrojs/cloudflare 13): locals.cfContext.waitUntil", files: astroCloudflare("^13.0.0", "^6.0.0"), filename: "src/pages/api/chat.ts", code: ASTRO_ENDPOINT("context"), writes: "context.locals.cfContext.waitUntil(tracer.forceFlush());" },
  { name: "quiet: an endpoint that hands the flush to locals.runtime.ctx.waitUntil", files: astroCloudflare("^12.6.0"), filename: "src/pages/api/chat.ts", code: ASTRO_ENDPOINT("{ locals }", "\n  locals.runtime.ctx.waitUntil(tracer.forceFlush());") },
  { name: "quiet: context.locals.runtime.ctx.waitUntil", files: astroCloudflare("^12.6.0"), filename: "src/pages/api/chat.ts", code: ASTRO_ENDPOINT("context", "\n  context.locals.runtime.ctx.waitUntil(tracer.forceFlush());") },
  { name: "quiet: Astro 6's context.locals.cfContext.waitUntil", files: astroCloudflare("^13.0.0", "^6.0.0"), filename: "src/pages/api/chat.ts", code: ASTRO_ENDPOINT("context", "\n  context.locals.cfContext.waitUntil(tracer.forceFlush());") },
  { name: "quiet: the same endpoint on @astrojs/node (a server)", files: ASTRO_NODE, filename: "src/pages/api/chat.ts", code: ASTRO_ENDPOINT("context") },
  { name: "quiet: a helper module beside the pages on Cloudflare", files: astroCloudflare("^12.6.0"), filename: "src/lib/chat.ts", code: ASTRO_ENDPOINT("context").replace("../../lib/tracing", "./tracing") },
]);

describe("Astro on Cloudflare: a waitUntil of another object is no flush", () => {
  const project = useTempProjects("platforms-3-lookalike");
  it("locals.queue.waitUntil(tracer.forceFlush()) is reported", () => {
    const code = ASTRO_ENDPOINT("{ locals }", "\n  locals.queue.waitUntil(tracer.forceFlush());");
    const root = project({ ...astroCloudflare("^12.6.0"), "src/pages/api/chat.ts": code });
    const messages = new Linter({ configType: "flat", cwd: root }).verify(code, configForRule(RULE_NAME, rule), { filename: join(root, "src/pages/api/chat.ts") });
    expect(messages.map((message) => message.ruleId)).toEqual([`honeyhive/${RULE_NAME}`]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 2. TanStack Start deployed serverless: its server functions and server routes are the host's functions. The host,
// from the project (tanstack.com/start/latest/docs/framework/react/guide/hosting, read with the search tool 2026-12-07):
// Cloudflare's `@cloudflare/vite-plugin` in vite.config.*, Netlify's `@netlify/vite-plugin-tanstack-start`, Nitro's
// `nitro({ preset })` / app.config's `server: { preset }` (the Vinxi era), or a vercel.json / netlify.toml beside it.
const tanstack = (deps: Record<string, string>, extra: Record<string, string> = {}) => ({
  "package.json": pkg({ "@tanstack/react-start": "^1.131.0", "@tanstack/react-router": "^1.131.0", ...deps }),
  "src/lib/tracing.ts": TRACING_TS,
  ...extra,
});
const viteConfig = (imports: string, plugins: string) => `import { defineConfig } from "vite";
import { tanstackStart } from "@tanstack/react-start/plugin/vite";
${imports}
export default defineConfig({ plugins: [tanstackStart(), ${plugins}] });
`;
const TANSTACK_VERCEL = tanstack({ nitro: "^3.0.0" }, { "vite.config.ts": viteConfig(`import { nitro } from "nitro/vite";\n`, "nitro()"), "vercel.json": `{ "regions": ["iad1"] }` });
const TANSTACK_NITRO_PRESET = tanstack({ nitro: "^3.0.0" }, { "vite.config.ts": viteConfig(`import { nitro } from "nitro/vite";\n`, `nitro({ preset: "vercel" })`) });
const TANSTACK_NETLIFY = tanstack({ "@netlify/vite-plugin-tanstack-start": "^1.0.0" }, { "vite.config.ts": viteConfig(`import netlify from "@netlify/vite-plugin-tanstack-start";\n`, "netlify()") });
const TANSTACK_CLOUDFLARE = tanstack({ "@cloudflare/vite-plugin": "^1.13.0", wrangler: "^4.33.0" }, {
  "vite.config.ts": viteConfig(`import { cloudflare } from "@cloudflare/vite-plugin";\n`, `cloudflare({ viteEnvironment: { name: "ssr" } })`),
  "wrangler.jsonc": `{ "name": "app", "main": "@tanstack/react-start/server-entry", "compatibility_date": "2025-09-01" }\n`,
});
const TANSTACK_VINXI_PRESET = tanstack({ vinxi: "^0.5.0" }, { "app.config.ts": `import { defineConfig } from "@tanstack/react-start/config";\n\nexport default defineConfig({ server: { preset: "netlify" } });\n` });
const TANSTACK_NODE = tanstack({ nitro: "^3.0.0" }, { "vite.config.ts": viteConfig(`import { nitro } from "nitro/vite";\n`, "nitro()") });

const SERVER_FN = (flush = false) => `import { createServerFn } from "@tanstack/react-start";
import { tracer } from "../lib/tracing";

export const chat = createServerFn({ method: "POST" }).handler(async ({ data }) => {
${flush ? "  try {\n    tracer.createSession({ sessionName: \"chat\" });\n    return { data };\n  } finally {\n    await tracer.forceFlush();\n  }\n" : "  tracer.createSession({ sessionName: \"chat\" });\n  return { data };\n"}});
`;
const SERVER_ROUTE = `import { createFileRoute } from "@tanstack/react-router";
import { tracer } from "../../lib/tracing";

export const Route = createFileRoute("/api/chat")({
  server: {
    handlers: {
      POST: async ({ request }) => {
        tracer.createSession({ sessionName: "chat" });
        return new Response(await request.text());
      },
    },
  },
});
`;
const CREATE_HANDLERS_ROUTE = createHandlersRoute(`tracer.createSession({ sessionName: "chat" });`);
const LOADER_ROUTE = `import { createFileRoute } from "@tanstack/react-router";
import { tracer } from "../lib/tracing";

export const Route = createFileRoute("/chat")({
  loader: async () => {
    tracer.createSession({ sessionName: "loader" });
    return null;
  },
});
`;

describeCases("TanStack Start deployed serverless", [
  { name: "a server function on Vercel (nitro() beside a vercel.json)", files: TANSTACK_VERCEL, filename: "src/server/chat.ts", code: SERVER_FN(), writes: "tracer.forceFlush()" },
  { name: "a server function with nitro({ preset: \"vercel\" })", files: TANSTACK_NITRO_PRESET, filename: "src/server/chat.ts", code: SERVER_FN(), writes: "tracer.forceFlush()" },
  { name: "a server route on Netlify (@netlify/vite-plugin-tanstack-start)", files: TANSTACK_NETLIFY, filename: "src/routes/api/chat.ts", code: SERVER_ROUTE, writes: "await tracer.forceFlush();" },
  { name: "a server route on Cloudflare Workers (@cloudflare/vite-plugin)", files: TANSTACK_CLOUDFLARE, filename: "src/routes/api/chat.ts", code: SERVER_ROUTE, writes: "await tracer.forceFlush();" },
  { name: "handlers: ({ createHandlers }) => createHandlers({ POST: { handler } }) on Netlify", files: TANSTACK_NETLIFY, filename: "src/routes/api/chat.ts", code: CREATE_HANDLERS_ROUTE, writes: "await tracer.forceFlush();" },
  { name: "a server function with app.config's server.preset (Vinxi)", files: TANSTACK_VINXI_PRESET, filename: "src/server/chat.ts", code: SERVER_FN(), writes: "await tracer.forceFlush();" },
  { name: "quiet: a server function served by Nitro's node server", files: TANSTACK_NODE, filename: "src/server/chat.ts", code: SERVER_FN() },
  { name: "quiet: a server route served by Nitro's node server", files: TANSTACK_NODE, filename: "src/routes/api/chat.ts", code: CREATE_HANDLERS_ROUTE },
  { name: "quiet: a server function on Netlify that flushes in its finally", files: TANSTACK_NETLIFY, filename: "src/server/chat.ts", code: SERVER_FN(true) },
  { name: "quiet: a route's isomorphic loader on Netlify", files: TANSTACK_NETLIFY, filename: "src/routes/chat.ts", code: LOADER_ROUTE },
]);

// ---------------------------------------------------------------------------------------------------------------
// 3. On Vercel, `waitUntil` of `@vercel/functions` only where the project depends on that package (an import of a
// package it does not install does not resolve): else the awaited flush in a `finally`.
const astroVercel = (deps: Record<string, string>) => ({
  "package.json": pkg({ astro: "^5.13.0", "@astrojs/vercel": "^8.2.0", ...deps }),
  "astro.config.mjs": `import { defineConfig } from "astro/config";\nimport vercel from "@astrojs/vercel";\n\nexport default defineConfig({ output: "server", adapter: vercel() });\n`,
  "src/lib/tracing.ts": TRACING_TS,
});
const svelteVercel = (deps: Record<string, string>) => ({
  "package.json": pkg({ "@sveltejs/kit": "^2.36.0", "@sveltejs/adapter-vercel": "^5.10.0", ...deps }),
  "svelte.config.js": `import adapter from "@sveltejs/adapter-vercel";\n\nexport default { kit: { adapter: adapter() } };\n`,
  "src/lib/tracing.ts": TRACING_TS,
});
const SVELTE_ROUTE = `import { tracer } from "$lib/tracing";

export async function POST({ request }: { request: Request }) {
  tracer.createSession({ sessionName: "kit" });
  return new Response(await request.text());
}
`;

describeCases("Vercel's waitUntil only with @vercel/functions installed", [
  { name: "Astro on @astrojs/vercel without @vercel/functions: the awaited flush", files: astroVercel({}), filename: "src/pages/api/chat.ts", code: ASTRO_ENDPOINT("context"), writes: "  } finally {\n    await tracer.forceFlush();\n  }", notWritten: "@vercel/functions" },
  { name: "Astro on @astrojs/vercel with @vercel/functions: waitUntil", files: astroVercel({ "@vercel/functions": "^2.2.0" }), filename: "src/pages/api/chat.ts", code: ASTRO_ENDPOINT("context"), writes: `import { waitUntil } from "@vercel/functions";` },
  { name: "SvelteKit on adapter-vercel without @vercel/functions: the awaited flush", files: svelteVercel({}), filename: "src/routes/api/chat/+server.ts", code: SVELTE_ROUTE, writes: "    await tracer.forceFlush();", notWritten: "waitUntil" },
  { name: "SvelteKit on adapter-vercel with @vercel/functions: waitUntil", files: svelteVercel({ "@vercel/functions": "^2.2.0" }), filename: "src/routes/api/chat/+server.ts", code: SVELTE_ROUTE, writes: "waitUntil(tracer.forceFlush());" },
]);

// ---------------------------------------------------------------------------------------------------------------
// 4. Streams (platforms-4). The AI SDK's own spans: `getTracer({ isEnabled = false, tracer })` returns the noop tracer
// unless `isEnabled` is true, and the given `tracer` (else the global one) when it is (ai@6.0.99
// src/telemetry/get-tracer.ts; TelemetrySettings.isEnabled "Disabled by default while experimental"): `isEnabled`
// alone decides, `tracer` only picks where the spans go. A value the code decides at run time may be true.
const AI_VERCEL = {
  "package.json": pkg({ ai: "^4.3.0", "@ai-sdk/openai": "^1.3.0" }),
  "lib/tracing.ts": TRACING_TS,
};
const aiRoute = (telemetry: string) => `import { openai } from "@ai-sdk/openai";
import { streamText } from "ai";
import { tracer } from "../lib/tracing";

const TELEMETRY = process.env.AI_TELEMETRY === "1";

export async function POST(request: Request) {
  tracer.createSession({ sessionName: "chat" });
  const result = streamText({
    model: openai("gpt-4o-mini"),
    prompt: await request.text(),${telemetry}
    onFinish: async () => {
      await tracer.forceFlush();
    },
  });
  return result.toTextStreamResponse();
}
`;

const AI_WRAPPED = `import { openai } from "@ai-sdk/openai";
import { streamText } from "ai";
import { tracer } from "../lib/tracing";

export async function POST(request: Request) {
  tracer.createSession({ sessionName: "chat" });
  const result = streamText({ model: openai("gpt-4o-mini"), prompt: await request.text(), experimental_telemetry: { isEnabled: true } });
  const body = new ReadableStream({
    async start(controller) {
      for await (const chunk of result.textStream) controller.enqueue(chunk);
      await tracer.forceFlush();
      controller.close();
    },
  });
  return new Response(body);
}
`;

describeCases("the AI SDK's telemetry decides by isEnabled", [
  { name: "quiet: isEnabled: false, the flush at the end of onFinish", files: AI_VERCEL, filename: "api/chat.ts", code: aiRoute(`\n    experimental_telemetry: { isEnabled: false },`) },
  { name: "quiet: a tracer without isEnabled (off by default)", files: AI_VERCEL, filename: "api/chat.ts", code: aiRoute(`\n    experimental_telemetry: { tracer: tracer.provider.getTracer("ai") },`) },
  { name: "quiet: no telemetry option", files: AI_VERCEL, filename: "api/chat.ts", code: aiRoute("") },
  { name: "quiet: isEnabled from a const false", files: AI_VERCEL, filename: "api/chat.ts", code: aiRoute(`\n    experimental_telemetry: { isEnabled: OFF },`).replace("\nexport async", "\nconst OFF = false;\n\nexport async") },
  { name: "quiet: isEnabled: undefined", files: AI_VERCEL, filename: "api/chat.ts", code: aiRoute(`\n    experimental_telemetry: { isEnabled: undefined, functionId: "chat" },`) },
  // The SDK's root span ends in its transform's flush() after onFinish (ai@4.3.16 stream-text.ts), which settles before
  // the readable side closes: a wrapper that reads the whole text stream and then flushes covers it.
  { name: "quiet: a ReadableStream that reads the whole textStream (telemetry on), then flushes before close()", files: AI_VERCEL, filename: "api/chat.ts", code: AI_WRAPPED },
]);

describe("the AI SDK's telemetry possibly on: a flush in onFinish misses its root span", () => {
  const project = useTempProjects("platforms-4-telemetry");
  it.each([
    ["isEnabled: true", `\n    experimental_telemetry: { isEnabled: true },`],
    ["isEnabled: true with a tracer", `\n    experimental_telemetry: { isEnabled: true, tracer: tracer.provider.getTracer("ai") },`],
    ["isEnabled from an environment check (a const)", `\n    experimental_telemetry: { isEnabled: TELEMETRY },`],
    ["isEnabled written inline as an expression", `\n    experimental_telemetry: { isEnabled: process.env.AI_TELEMETRY !== "0" },`],
    ["settings spread in after isEnabled: false", `\n    experimental_telemetry: { isEnabled: false, ...SETTINGS },`],
    ["settings from a const object", `\n    experimental_telemetry: SETTINGS,`],
  ])("%s: reported, the codemod leaves its review marker", (_name, telemetry) => {
    const code = aiRoute(telemetry).replace("\nexport async", `\nconst SETTINGS = { isEnabled: TELEMETRY };\n\nexport async`);
    const root = project({ ...AI_VERCEL, "api/chat.ts": code });
    const filename = join(root, "api/chat.ts");
    const messages = new Linter({ configType: "flat", cwd: root }).verify(code, configForRule(RULE_NAME, rule), { filename });
    expect(messages.map((message) => message.ruleId)).toEqual([`honeyhive/${RULE_NAME}`]);
    const migrated = runTransforms(code, filename, { transforms: ["lambda-force-flush"], cwd: root }).output;
    expect(migrated).toContain("/* honeyhive-migrate: this handler returns a stream whose callbacks trace after it has returned");
    expect(migrated).not.toMatch(/\} finally \{/);
  });
});
