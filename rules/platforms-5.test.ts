// platforms-5 (issue 13): frameworks and platforms the flush and session rules did not know, or knew only in part.
// Each flush case is a project on disk: a reported case's suggestion is applied and compared with what
// `honeyhive migrate`'s transform writes (rules/test-utils/flush-project-cases.ts).
import { join } from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../codemods/engine/engine.js";
import rule, { RULE_NAME } from "./require-force-flush-in-lambda.js";
import { configForRule } from "./test-utils/fixture-lint.js";
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
  { name: "a pattern over several lines keeps its layout: locals on a line of its own", files: astroCloudflare("^12.6.0"), filename: "src/pages/api/chat.ts", code: ASTRO_ENDPOINT("{\n  request,\n}"), writes: "async ({\n  request,\n  locals,\n}) => {\n  try {" },
  { name: "({ request, locals: l }): l.runtime.ctx.waitUntil", files: astroCloudflare("^12.6.0"), filename: "src/pages/api/chat.ts", code: ASTRO_ENDPOINT("{ request, locals: l }"), writes: "    l.runtime.ctx.waitUntil(tracer.forceFlush());" },
  { name: "({ request, ...context }): context.locals.runtime.ctx.waitUntil", files: astroCloudflare("^12.6.0"), filename: "src/pages/api/chat.ts", code: ASTRO_ENDPOINT("{ request, ...context }"), writes: "    context.locals.runtime.ctx.waitUntil(tracer.forceFlush());" },
  // Look-alike: a module-level `locals` the handler reads; a parameter of that name would shadow it: the awaited flush.
  { name: "a module-level locals read in the handler: the awaited flush, the pattern untouched", files: astroCloudflare("^12.6.0"), filename: "src/pages/api/chat.ts", code: ASTRO_ENDPOINT("{ request }", "const locals = { region: \"eu\" };\n").replace("  return new", "  console.log(locals.region);\n  return new"), writes: "    await tracer.forceFlush();", notWritten: "{ request, locals }" },
  { name: "quiet: ({ request, locals }) that hands the flush to locals.runtime.ctx.waitUntil", files: astroCloudflare("^12.6.0"), filename: "src/pages/api/chat.ts", code: ASTRO_ENDPOINT("{ request, locals }").replace("  return new", "  locals.runtime.ctx.waitUntil(tracer.forceFlush());\n  return new") },
]);

// ---------------------------------------------------------------------------------------------------------------
// 4. The AI SDK 7 (vercel/ai ai@7.0.77, ai-sdk.dev/v7/docs/ai-sdk-core/telemetry; read with the search and fetch tools
// 2026-12-07): `telemetry` replaces `experimental_telemetry` (kept, deprecated), `onEnd` replaces `onFinish`, and a call
// without `isEnabled` traces once an integration is registered (`registerTelemetry(new OpenTelemetry())`, the
// OpenTelemetry integration being `@ai-sdk/otel`) or given (`telemetry: { integrations }`); `isEnabled: false` opts out.
const aiProject = (deps: Record<string, string>) => ({ "package.json": pkg({ ai: "^7.0.0", "@ai-sdk/openai": "^3.0.0", ...deps }), "lib/tracing.ts": TRACING_TS });
const AI7 = aiProject({});
const AI7_OTEL = aiProject({ "@ai-sdk/otel": "^1.0.0" });
const ai7Route = (options: string, { before = "", callback = "onFinish" } = {}) => `import { openai } from "@ai-sdk/openai";
import { streamText } from "ai";
import { tracer } from "../lib/tracing";
${before}
export async function POST(request: Request) {
  tracer.createSession({ sessionName: "chat" });
  const result = streamText({
    model: openai("gpt-4o-mini"),
    prompt: await request.text(),${options}
    ${callback}: async () => {
      await tracer.forceFlush();
    },
  });
  return result.toTextStreamResponse();
}
`;

describeCases("the AI SDK 7: telemetry off", [
  { name: "quiet: no integration anywhere, the flush at the end of onFinish", files: AI7, filename: "api/chat.ts", code: ai7Route(`\n    telemetry: { functionId: "chat" },`) },
  { name: "quiet: 7.0's onEnd ends the stream too (the flush at its end)", files: AI7, filename: "api/chat.ts", code: ai7Route("", { callback: "onEnd" }) },
  { name: "quiet: @ai-sdk/otel declared, but telemetry: { isEnabled: false }", files: AI7_OTEL, filename: "api/chat.ts", code: ai7Route(`\n    telemetry: { isEnabled: false, functionId: "chat" },`) },
  { name: "quiet: a project on ai 6 with settings without isEnabled (off by default before 7.0)", files: { ...AI7, "package.json": pkg({ ai: "^6.0.0", "@ai-sdk/otel": "^1.0.0" }) }, filename: "api/chat.ts", code: ai7Route(`\n    experimental_telemetry: { functionId: "chat" },`) },
  { name: "quiet: a registerTelemetry of the project's own (not the ai package's)", files: AI7, filename: "api/chat.ts", code: ai7Route("", { before: `\nconst registerTelemetry = (name: string) => name;\nregisterTelemetry("chat");\n` }) },
]);

describe("the AI SDK 7: telemetry on, a flush at the end of onFinish / onEnd misses its spans", () => {
  const project = useTempProjects("platforms-5-ai7");
  it.each([
    ["@ai-sdk/otel declared, no telemetry option", AI7_OTEL, ai7Route("")],
    ["@ai-sdk/otel declared, telemetry: { functionId } (no isEnabled)", AI7_OTEL, ai7Route(`\n    telemetry: { functionId: "chat" },`)],
    ["@ai-sdk/otel declared, the flush at the end of onEnd", AI7_OTEL, ai7Route("", { callback: "onEnd" })],
    ["the file registers the integration (registerTelemetry of ai)", AI7, ai7Route("", { before: `import { registerTelemetry } from "ai";\nimport { OpenTelemetry } from "@ai-sdk/otel";\n\nregisterTelemetry(new OpenTelemetry());\n` })],
    ["the call is given integrations", AI7, ai7Route(`\n    telemetry: { integrations: [integration] },`, { before: `\ndeclare const integration: never;\n` })],
    ["7.0's telemetry: { isEnabled: true }", AI7, ai7Route(`\n    telemetry: { isEnabled: true },`)],
    ["telemetry wins over experimental_telemetry", AI7, ai7Route(`\n    telemetry: { isEnabled: true },\n    experimental_telemetry: { isEnabled: false },`)],
  ])("%s: reported, the codemod leaves its review marker", (_name, files, code) => {
    const root = project({ ...files, "api/chat.ts": code });
    const filename = join(root, "api/chat.ts");
    const messages = new Linter({ configType: "flat", cwd: root }).verify(code, configForRule(RULE_NAME, rule), { filename });
    expect(messages.map((message) => message.ruleId)).toEqual([`honeyhive/${RULE_NAME}`]);
    expect(runTransforms(code, filename, { transforms: ["lambda-force-flush"], cwd: root }).output).toContain("/* honeyhive-migrate: this handler returns a stream whose callbacks trace after it has returned");
  });
});

// The options object held in a const: its callbacks run while the response streams as the inline ones do.
const AI4 = { "package.json": pkg({ ai: "^4.3.0", "@ai-sdk/openai": "^1.3.0" }), "lib/tracing.ts": TRACING_TS };
const heldOptions = (flush: boolean) => `import { openai } from "@ai-sdk/openai";
import { streamText } from "ai";
import { tracer } from "../lib/tracing";

export async function POST(request: Request) {
  tracer.createSession({ sessionName: "chat" });
  const options = {
    model: openai("gpt-4o-mini"),
    prompt: await request.text(),
    onFinish: async ({ text }: { text: string }) => {
      await tracer.startSpan("store", async () => text.length);${flush ? "\n      await tracer.forceFlush();" : ""}
    },
  };
  const result = streamText(options);
  return result.toTextStreamResponse();
}
`;
describeCases("the AI SDK's options held in a const", [
  { name: "no flush: the flush goes at the end of the const's onFinish", files: AI4, filename: "api/chat.ts", code: heldOptions(false), writes: heldOptions(true) },
  { name: "quiet: the const's onFinish flushes at its end", files: AI4, filename: "api/chat.ts", code: heldOptions(true) },
]);

// A traced scope left running writes a stream: it runs after the handler returned only where that stream is answered with.
const leftRunning = (answer: string) => `import { tracer } from "../lib/tracing";

export async function POST(request: Request) {
  try {
    tracer.createSession({ sessionName: "chat" });
    const stream = new TransformStream();
    const writer = stream.writable.getWriter();
    void tracer.startSpan("generate", async () => {
      await writer.write(new TextEncoder().encode(await request.text()));
      await writer.close();
    });
    ${answer}
  } finally {
    await tracer.forceFlush();
  }
}
`;
describe("a traced scope left running that writes a stream", () => {
  const project = useTempProjects("platforms-5-left-running");
  const VERCEL = { "package.json": pkg({}), "lib/tracing.ts": TRACING_TS, "vercel.json": "{}" };
  it.each([
    ["the stream's readable side is answered with: reported", "return new Response(stream.readable);", 1],
    ["the handler reads the stream itself before answering: quiet", "const text = await new Response(stream.readable).text();\n    return new Response(text);", 0],
  ])("%s", (_name, answer, reports) => {
    const code = leftRunning(answer);
    const root = project({ ...VERCEL, "api/chat.ts": code });
    const messages = new Linter({ configType: "flat", cwd: root }).verify(code, configForRule(RULE_NAME, rule), { filename: join(root, "api/chat.ts") });
    expect(messages.filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`)).toHaveLength(reports);
  });
});
