// platforms-5 (issue 13): frameworks and platforms the flush and session rules did not know, or knew only in part.
// Each flush case is a project on disk: a reported case's suggestion is applied and compared with what
// `honeyhive migrate`'s transform writes (rules/test-utils/flush-project-cases.ts).
import { describeFlushCases, pkg, TRACING_TS, type FlushCase } from "./test-utils/flush-project-cases.js";

const describeCases = (title: string, cases: readonly FlushCase[]): void => describeFlushCases(title, "platforms-5", cases);

// ---------------------------------------------------------------------------------------------------------------
// 1. Astro on `@astrojs/cloudflare`, a handler that destructures its context without `locals`: the fix adds `locals`
// to the pattern and writes the adapter's `locals.runtime.ctx.waitUntil` (v12) / `locals.cfContext.waitUntil` (v13).
const astroCloudflare = (adapterRange: string, astroRange = "^5.13.0") => ({
  "package.json": pkg({ astro: astroRange, "@astrojs/cloudflare": adapterRange }),
  "astro.config.mjs": `import { defineConfig } from "astro/config";\nimport cloudflare from "@astrojs/cloudflare";\n\nexport default defineConfig({ output: "server", adapter: cloudflare() });\n`,
  "src/lib/tracing.ts": TRACING_TS,
});
const ASTRO_ENDPOINT = (parameter: string, before = "") => `import type { APIRoute } from "astro";
import { tracer } from "../../lib/tracing";
${before}
export const POST: APIRoute = async (${parameter}) => {
  tracer.createSession({ sessionName: "chat" });
  return new Response(await request.text());
};
`;

describeCases("Astro on Cloudflare: a destructured context without locals", [
  { name: "({ request }) on adapter 12: locals added, locals.runtime.ctx.waitUntil", files: astroCloudflare("^12.6.0"), filename: "src/pages/api/chat.ts", code: ASTRO_ENDPOINT("{ request }"), writes: "async ({ request, locals }) => {\n  try {" },
  { name: "({ request }) on adapter 12: the waitUntil", files: astroCloudflare("^12.6.0"), filename: "src/pages/api/chat.ts", code: ASTRO_ENDPOINT("{ request }"), writes: "    locals.runtime.ctx.waitUntil(tracer.forceFlush());" },
  { name: "({ request }) on adapter 13: locals.cfContext.waitUntil", files: astroCloudflare("^13.0.0", "^6.0.0"), filename: "src/pages/api/chat.ts", code: ASTRO_ENDPOINT("{ request }: APIContext"), writes: "({ request, locals }: APIContext) => {\n  try {\n    tracer.createSession({ sessionName: \"chat\" });\n    return new Response(await request.text());\n  } finally {\n    locals.cfContext.waitUntil(tracer.forceFlush());" },
  { name: "({ request, locals: l }): l.runtime.ctx.waitUntil", files: astroCloudflare("^12.6.0"), filename: "src/pages/api/chat.ts", code: ASTRO_ENDPOINT("{ request, locals: l }"), writes: "    l.runtime.ctx.waitUntil(tracer.forceFlush());" },
  { name: "({ request, ...context }): context.locals.runtime.ctx.waitUntil", files: astroCloudflare("^12.6.0"), filename: "src/pages/api/chat.ts", code: ASTRO_ENDPOINT("{ request, ...context }"), writes: "    context.locals.runtime.ctx.waitUntil(tracer.forceFlush());" },
  // Look-alike: a module-level `locals` the handler reads; a parameter of that name would shadow it: the awaited flush.
  { name: "a module-level locals read in the handler: the awaited flush, the pattern untouched", files: astroCloudflare("^12.6.0"), filename: "src/pages/api/chat.ts", code: ASTRO_ENDPOINT("{ request }", "const locals = { region: \"eu\" };\n").replace("  return new", "  console.log(locals.region);\n  return new"), writes: "    await tracer.forceFlush();", notWritten: "{ request, locals }" },
  { name: "quiet: ({ request, locals }) that hands the flush to locals.runtime.ctx.waitUntil", files: astroCloudflare("^12.6.0"), filename: "src/pages/api/chat.ts", code: ASTRO_ENDPOINT("{ request, locals }").replace("  return new", "  locals.runtime.ctx.waitUntil(tracer.forceFlush());\n  return new") },
]);
