// real-apps-7: the rules (`configs.all`) over whole public applications (bench/NOTES.md `### real-apps-7` lists
// them). Without the SDK the sixteen apps drew no message; with HoneyHive added the way the docs say (a module
// tracer, a flush where the platform ends the invocation) they stayed quiet, and the mistakes added beside it
// were reported. These are reductions of those adoptions, written here: each finding with its look-alike.
import { describe, expect, it } from "vitest";
import flushRule, { RULE_NAME as FLUSH } from "./require-force-flush-in-lambda.js";
import initRule, { RULE_NAME as INIT } from "./no-tracer-init-in-handler.js";
import sessionRule, { RULE_NAME as SESSION } from "./require-valid-session-id.js";
import { type AnyRule, type Case, lintCase } from "./test-utils/blind-cases.js";

const TRACER = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
const count = (name: string, rule: AnyRule, testCase: Case): number =>
  lintCase(name, rule, testCase).filter((message) => message.ruleId === `honeyhive/${name}`).length;

// A Redwood API function (AWS Lambda) that flushes on its error path only, and the same with the flush in `finally`.
const lambda = (flush: string): Case => ({
  name: "lambda",
  filename: "api/src/functions/chat/chat.ts",
  files: { "api/package.json": `{ "name": "api", "private": true, "dependencies": { "@redwoodjs/api": "8.4.0" } }`, "api/tsconfig.json": `{ "compilerOptions": { "strict": true } }` },
  code: `import type { APIGatewayEvent, Context } from "aws-lambda";\n${TRACER}const complete = tracer.trace({ name: "complete" }, async (body: string | null) => body);\nexport const handler = async (event: APIGatewayEvent, _context: Context) => {\n  try {\n    return { statusCode: 200, body: await complete(event.body) };\n  } ${flush}\n};\n`,
});

// A module Worker (wrangler.toml beside package.json) whose cron handler hands other work to waitUntil.
const WRANGLER = { "wrangler.toml": `name = "intake"\nmain = "worker/index.ts"\n` };
const worker = (entry: string, flushed: boolean): Case => ({
  name: "worker",
  filename: "worker/index.ts",
  files: WRANGLER,
  code: `${TRACER}const cleanup = tracer.trace({ name: "cleanup" }, async (env: unknown) => 0);\nasync function fetchHandler(request: Request, env: unknown, ctx: ExecutionContext): Promise<Response> {\n  try {\n    return new Response("ok");\n  } finally {\n    ctx.waitUntil(tracer.forceFlush());\n  }\n}\n${entry === "default" ? "" : "export "}async function scheduled(event: ScheduledEvent, env: unknown, ctx: ExecutionContext): Promise<void> {\n  ctx.waitUntil(cleanup(env).then((n) => console.log(n))${flushed ? ".finally(() => tracer.forceFlush())" : ""});\n}\nexport default { fetch: fetchHandler${entry === "default" ? ", scheduled" : ""} };\n`,
});

// A Mastra tool whose execute makes its own tracer, and one that uses the module's.
const tool = (body: string): Case => ({
  name: "tool",
  filename: "src/mastra/tools/weather.ts",
  code: `import { createTool } from "@mastra/core/tools";\nimport { HoneyHiveTracer } from "honeyhive";\nimport { tracer } from "../../lib/honeyhive";\nexport const weatherTool = createTool({\n  id: "weather",\n  description: "weather",\n  execute: async (input) => {\n    ${body}\n    return { ok: true };\n  },\n});\n`,
});

// A Next.js App Router route of a Vercel project: init per request in DELETE, the module tracer in POST.
const route = (body: string): Case => ({
  name: "route",
  filename: "app/api/chat/route.ts",
  files: { "package.json": `{ "name": "app", "private": true, "dependencies": { "next": "16.0.10" } }`, "vercel.json": "{}" },
  code: `import { after } from "next/server";\nimport { HoneyHiveTracer } from "honeyhive";\nimport { tracer } from "@/lib/honeyhive";\nexport async function DELETE(request: Request) {\n  ${body}\n  return Response.json({ ok: true });\n}\n`,
});

// An Express route made by a factory (mongodb/chatbot's `makeSearchContentRoute`) that starts a session from a header.
const factoryRoute = (start: string): Case => ({
  name: "factory route",
  code: `import type { Request, Response } from "express";\nimport { isSessionId } from "honeyhive";\nimport { tracer } from "./honeyhive";\nexport function makeSearchRoute() {\n  return async (req: Request, res: Response) => {\n    ${start}\n    res.json({ ok: true });\n  };\n}\n`,
});

describe("real-apps-7: reported where the adoption is wrong", () => {
  it("a Lambda handler that flushes in its catch only", () => expect(count(FLUSH, flushRule as unknown as AnyRule, lambda("catch (e) {\n    await tracer.forceFlush();\n    throw e;\n  }"))).toBe(1));
  it("a Worker's scheduled handler that waits for other work, not the flush", () => expect(count(FLUSH, flushRule as unknown as AnyRule, worker("default", false))).toBe(1));
  it("a Mastra tool that makes a tracer per call", () => expect(count(INIT, initRule as unknown as AnyRule, tool(`const t = HoneyHiveTracer.init({ project: "weather" });\n    t.enrichSession({ metadata: { tool: "weather" } });`))).toBe(1));
  it("a route factory's handler that starts a session from an unchecked header", () => expect(count(SESSION, sessionRule as unknown as AnyRule, factoryRoute(`tracer.createSession({ sessionId: req.header("x-session-id") });`))).toBe(1));
  it("a Next.js route that makes a tracer per request", () => expect(count(INIT, initRule as unknown as AnyRule, route(`const t = HoneyHiveTracer.init({ project: "chat" });\n  after(() => t.forceFlush());`))).toBe(1));
});

describe("real-apps-7: quiet where the adoption follows the docs", () => {
  it("a Lambda handler that flushes in finally", () => expect(count(FLUSH, flushRule as unknown as AnyRule, lambda("finally {\n    await tracer.forceFlush();\n  }"))).toBe(0));
  it("a scheduled function exported by name, outside the module Worker's default export (no entry point)", () => expect(count(FLUSH, flushRule as unknown as AnyRule, worker("named", false))).toBe(0));
  it("a Mastra tool that uses the module tracer", () => expect(count(INIT, initRule as unknown as AnyRule, tool(`tracer.enrichSpan({ metadata: { tool: "weather" } });`))).toBe(0));
  it("a route factory's handler that checks the header first", () => expect(count(SESSION, sessionRule as unknown as AnyRule, factoryRoute(`const id = req.header("x-session-id");\n    tracer.createSession(isSessionId(id) ? { sessionId: id } : {});`))).toBe(0));
  it("a Next.js route that uses the module tracer and flushes after the response", () => expect(count(INIT, initRule as unknown as AnyRule, route("after(() => tracer.forceFlush());"))).toBe(0));
});
