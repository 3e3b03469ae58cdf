// platforms-5 (issue 13): entry points the rules did not know as per-request handlers, or not as a serverless
// platform's: Astro middleware on its adapter, TanStack Start's `createHandlers` on a plain server, Next.js 16's
// `proxy.ts`, SvelteKit's remote functions. Each case is a project on disk; where the rule fixes, its output is compared
// with what `honeyhive migrate`'s transform writes.
import { join } from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../codemods/engine/engine.js";
import sessionRule, { RULE_NAME as SESSION_RULE } from "./no-session-start-in-handler.js";
import { configForRule } from "./test-utils/fixture-lint.js";
import { createHandlersRoute, describeFlushCases, pkg, TRACING_TS, type FlushCase } from "./test-utils/flush-project-cases.js";

interface SessionCase {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
  readonly filename: string;
  readonly code: string;
  /** Reported: the text the fix writes (`createSession`), the same as the codemod's. Absent: quiet. */
  readonly fixed?: string;
}

function describeSessionCases(title: string, cases: readonly SessionCase[]): void {
  describe(title, () => {
    const project = useTempProjects("platforms-5-sessions");
    it.each(cases.map((testCase) => [testCase.name, testCase] as const))("%s", (_name, testCase) => {
      const root = project({ ...testCase.files, [testCase.filename]: testCase.code });
      const filename = join(root, testCase.filename);
      const linter = new Linter({ configType: "flat", cwd: root });
      const config = configForRule(SESSION_RULE, sessionRule);
      const reports = linter.verify(testCase.code, config, { filename }).filter((message) => message.ruleId === `honeyhive/${SESSION_RULE}`);
      const migrated = runTransforms(testCase.code, filename, { transforms: ["session-start-to-create-session"], cwd: root }).output;
      if (testCase.fixed === undefined) {
        expect(reports).toEqual([]);
        expect(migrated).toBe(testCase.code);
        return;
      }
      expect(reports).toHaveLength(1);
      const { output } = linter.verifyAndFix(testCase.code, config, { filename });
      expect(output).toBe(testCase.fixed);
      expect(migrated).toBe(testCase.fixed);
    });
  });
}

const sessionStarted = (code: string): { code: string; fixed: string } => ({ code, fixed: code.replace("tracer.sessionStart(", "tracer.createSession(") });

// ---------------------------------------------------------------------------------------------------------------
// 2. Astro middleware: `onRequest` of src/middleware.ts, `defineMiddleware(fn)`, `sequence(a, b)` of astro:middleware.
// It runs once per request, in the adapter's function on a serverless adapter, as endpoints do.
const astro = (adapter: "cloudflare" | "node") => ({
  "package.json": pkg(adapter === "cloudflare" ? { astro: "^5.13.0", "@astrojs/cloudflare": "^12.6.0" } : { astro: "^5.13.0", "@astrojs/node": "^9.4.0" }),
  "astro.config.mjs":
    adapter === "cloudflare"
      ? `import { defineConfig } from "astro/config";\nimport cloudflare from "@astrojs/cloudflare";\n\nexport default defineConfig({ output: "server", adapter: cloudflare() });\n`
      : `import { defineConfig } from "astro/config";\nimport node from "@astrojs/node";\n\nexport default defineConfig({ output: "server", adapter: node({ mode: "standalone" }) });\n`,
  "src/lib/tracing.ts": TRACING_TS,
});
const ASTRO_MIDDLEWARE = (body: string) => `import { defineMiddleware, sequence } from "astro:middleware";
import { tracer } from "./lib/tracing";

const logged = defineMiddleware(async (context, next) => {
  ${body}
  return next();
});

export const onRequest = sequence(logged);
`;
const ASTRO_SEQUENCE_INLINE = `import { sequence } from "astro:middleware";
import { tracer } from "./lib/tracing";

export const onRequest = sequence(async (context, next) => {
  tracer.sessionStart({ sessionName: "request" });
  return next();
});
`;

describeSessionCases("Astro middleware starts a session per request", [
  { name: "defineMiddleware inside sequence()", files: astro("node"), filename: "src/middleware.ts", ...sessionStarted(ASTRO_MIDDLEWARE(`tracer.sessionStart({ sessionName: "request" });`)) },
  { name: "a function given to sequence() itself", files: astro("node"), filename: "src/middleware.ts", ...sessionStarted(ASTRO_SEQUENCE_INLINE) },
  { name: "sequence() of astro:middleware outside src/middleware.ts", files: astro("node"), filename: "src/lib/steps.ts", ...sessionStarted(ASTRO_SEQUENCE_INLINE.replace("./lib/tracing", "./tracing").replace("export const onRequest", "export const steps")) },
  { name: "quiet: sequence() of another package outside src/middleware.ts", files: astro("node"), filename: "src/lib/steps.ts", code: ASTRO_SEQUENCE_INLINE.replace("./lib/tracing", "./tracing").replace("export const onRequest", "export const steps").replace(`"astro:middleware"`, `"./sequence"`) },
]);

describeFlushCases("Astro middleware on a serverless adapter flushes as an endpoint does", "platforms-5-astro-middleware", [
  { name: "on @astrojs/cloudflare: the adapter's waitUntil", files: astro("cloudflare"), filename: "src/middleware.ts", code: ASTRO_MIDDLEWARE(`tracer.createSession({ sessionName: "request" });`), writes: "context.locals.runtime.ctx.waitUntil(tracer.forceFlush());" },
  { name: "quiet: on @astrojs/node (a server)", files: astro("node"), filename: "src/middleware.ts", code: ASTRO_MIDDLEWARE(`tracer.createSession({ sessionName: "request" });`) },
  // An action's `handler(input, context)` reads no context first: it is not given the middleware's platform forms.
  { name: "quiet: an action on @astrojs/cloudflare (no input.locals… written)", files: astro("cloudflare"), filename: "src/actions/index.ts", code: `import { defineAction } from "astro:actions";
import { tracer } from "../lib/tracing";

export const server = {
  chat: defineAction({
    handler: async (input, context) => {
      tracer.createSession({ sessionName: "chat" });
      return { ok: true };
    },
  }),
};
` },
] satisfies FlushCase[]);

// ---------------------------------------------------------------------------------------------------------------
// 3. TanStack Start's `handlers: ({ createHandlers }) => createHandlers({ POST: { handler } })` on Nitro's node server:
// no serverless platform, but each handler still runs once per request.
const TANSTACK_NODE = {
  "package.json": pkg({ "@tanstack/react-start": "^1.131.0", "@tanstack/react-router": "^1.131.0", nitro: "^3.0.0" }),
  "vite.config.ts": `import { defineConfig } from "vite";\nimport { tanstackStart } from "@tanstack/react-start/plugin/vite";\nimport { nitro } from "nitro/vite";\n\nexport default defineConfig({ plugins: [tanstackStart(), nitro()] });\n`,
  "src/lib/tracing.ts": TRACING_TS,
};
describeSessionCases("TanStack Start createHandlers on a plain server", [
  { name: "sessionStart in a createHandlers handler", files: TANSTACK_NODE, filename: "src/routes/api/chat.ts", ...sessionStarted(createHandlersRoute(`tracer.sessionStart({ sessionName: "chat" });`)) },
  { name: "quiet: one session at module scope (a script-like start), the handler only traces", files: TANSTACK_NODE, filename: "src/routes/api/chat.ts", code: createHandlersRoute(`tracer.createSession({ sessionName: "chat" });`, `\ntracer.sessionStart({ sessionName: "server" });\n`) },
]);

// ---------------------------------------------------------------------------------------------------------------
// 5. Current majors. Next.js 16's `proxy.ts` (middleware renamed: `export function proxy(request)`, or a default export).
const NEXT16 = { "package.json": pkg({ next: "^16.0.0", react: "^19.2.0" }), "lib/tracing.ts": TRACING_TS };
// JavaScript, without the `NextRequest` type that would say "handler" by itself.
const PROXY = (exported: string) => `import { NextResponse } from "next/server";
import { tracer } from "./lib/tracing";

${exported} {
  tracer.sessionStart({ sessionName: request.nextUrl.pathname });
  return NextResponse.next();
}

export const config = { matcher: "/api/:path*" };
`;
const PROXY_LOOKALIKE = `import { createServer } from "node:http";
import { tracer } from "./lib/tracing";

export function proxy(request) {
  tracer.sessionStart({ sessionName: request.url });
  return createServer();
}
`;
describeSessionCases("Next.js 16 proxy.ts", [
  { name: "export function proxy", files: NEXT16, filename: "proxy.js", ...sessionStarted(PROXY("export function proxy(request)")) },
  { name: "src/proxy.js, a default export", files: NEXT16, filename: "src/proxy.js", ...sessionStarted(PROXY("export default function (request)").replace("./lib/tracing", "../lib/tracing")) },
  { name: "quiet: a proxy.ts of the project's own that does not import next/server", files: NEXT16, filename: "scripts/proxy.js", code: PROXY_LOOKALIKE.replace("./lib/tracing", "../lib/tracing") },
]);

// SvelteKit remote functions: `query` / `command` / `form` / `prerender` of `$app/server` in `*.remote.ts`.
const svelte = (adapter: "vercel" | "node") => ({
  "package.json": pkg({ "@sveltejs/kit": "^2.49.0", [`@sveltejs/adapter-${adapter}`]: adapter === "vercel" ? "^6.0.0" : "^5.4.0" }),
  "svelte.config.js": `import adapter from "@sveltejs/adapter-${adapter}";\n\nexport default { kit: { adapter: adapter(), experimental: { remoteFunctions: true } } };\n`,
  "src/lib/tracing.ts": TRACING_TS,
});
const REMOTE = (start: string, from = "$app/server") => `import { command, query } from "${from}";
import * as v from "valibot";
import { tracer } from "$lib/tracing";

export const getChat = query(v.string(), async (id) => {
  return { id };
});

export const sendMessage = command(v.string(), async (text) => {
  tracer.${start}({ sessionName: "chat" });
  return text.length;
});
`;
describeSessionCases("SvelteKit remote functions", [
  { name: "command(schema, fn) starts a session per call", files: svelte("node"), filename: "src/routes/chat.remote.ts", ...sessionStarted(REMOTE("sessionStart")) },
  { name: "quiet: command of another package", files: svelte("node"), filename: "src/routes/chat.remote.ts", code: REMOTE("sessionStart", "./commands") },
]);
describeFlushCases("SvelteKit remote functions on a serverless adapter", "platforms-5-svelte-remote", [
  { name: "on adapter-vercel: the awaited flush", files: svelte("vercel"), filename: "src/routes/chat.remote.ts", code: REMOTE("createSession"), writes: "    await tracer.forceFlush();" },
  { name: "quiet: on adapter-node (a server)", files: svelte("node"), filename: "src/routes/chat.remote.ts", code: REMOTE("createSession") },
]);
