// gaps-rules-11: what the rules still got wrong (issues 13/16), each with its look-alike.
import { describe, expect, it } from "vitest";
import flushRule, { RULE_NAME as FLUSH_RULE } from "./require-force-flush-in-lambda.js";
import sessionStartRule, { RULE_NAME as SESSION_START_RULE } from "./no-session-start-in-handler.js";
import { type AnyRule, type Case, lintCase } from "./test-utils/blind-cases.js";

const countOf = (ruleName: string, rule: unknown, testCase: Case): number =>
  lintCase(ruleName, rule as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${ruleName}`).length;

describe("no-session-start-in-handler: a tracer on a declared global slot, called directly in a Next.js route", () => {
  const files = {
    "package.json": JSON.stringify({ name: "web", private: true, dependencies: { honeyhive: "^2.0.0", next: "^15.0.0" } }),
    "lib/tracing.ts": `import { HoneyHiveTracer } from "honeyhive";\n\ndeclare global {\n  var tracer: HoneyHiveTracer | undefined;\n}\n\nglobalThis.tracer ??= HoneyHiveTracer.init({ project: "web" });\n`,
    "lib/otel.ts": `import { trace, type Tracer } from "@opentelemetry/api";\n\ndeclare global {\n  var tracer: Tracer;\n}\n\nglobalThis.tracer ??= trace.getTracer("web");\n`,
  };
  const route = (call: string, module = "../../../lib/tracing"): Case => ({
    name: call,
    code: `import "${module}";\n\nexport async function POST(request: Request): Promise<Response> {\n  ${call};\n  return Response.json(await request.json());\n}\n`,
    filename: "app/api/chat/route.ts",
    files,
  });
  it.each(["globalThis.tracer?.sessionStart()", "globalThis.tracer.sessionStart()", "globalThis.tracer!.sessionStart()"])("reported: %s", (call) =>
    expect(countOf(SESSION_START_RULE, sessionStartRule, route(call))).toBe(1),
  );
  it("quiet: an OpenTelemetry tracer on the slot, and createSession()", () => {
    expect(countOf(SESSION_START_RULE, sessionStartRule, route("(globalThis.tracer as any).sessionStart()", "../../../lib/otel"))).toBe(0);
    expect(countOf(SESSION_START_RULE, sessionStartRule, route("globalThis.tracer?.createSession()"))).toBe(0);
  });
});

describe("require-force-flush-in-lambda: only the platform's own waitUntil hands the flush over", () => {
  const pkg = (deps: Record<string, string>, extra: Record<string, unknown> = {}): string => JSON.stringify({ name: "app", private: true, ...extra, dependencies: { honeyhive: "^2.0.0", ...deps } });
  const TRACING = `import { HoneyHiveTracer } from "honeyhive";\n\nexport const tracer = HoneyHiveTracer.init({ project: "support" });\n`;
  const VERCEL = { "package.json": pkg({ "@vercel/functions": "^1.5.0" }), "vercel.json": JSON.stringify({ functions: { "api/**/*.ts": { maxDuration: 30 } } }), "lib/tracing.ts": TRACING };
  const WORKERS = { "package.json": pkg({}, { devDependencies: { wrangler: "^3.90.0" } }), "wrangler.toml": `name = "w"\nmain = "src/index.ts"\n`, "src/tracing.ts": TRACING };
  const QUEUE = `export function waitUntil(work: Promise<unknown>): void {\n  pending.push(work);\n}\nconst pending: Promise<unknown>[] = [];\n`;
  const vercel = (imports: string, call = "waitUntil(tracer.forceFlush())"): Case => ({
    name: `${imports} ${call}`,
    code: `${imports}\nimport { tracer } from "../lib/tracing";\n\nexport async function POST(request: Request) {\n  try {\n    tracer.createSession({ sessionName: "chat" });\n    return Response.json({ answer: request.url });\n  } finally {\n    ${call};\n  }\n}\n`,
    filename: "api/chat.ts",
    files: { ...VERCEL, "lib/queue.ts": QUEUE },
  });
  const worker = (call: string, before = ""): Case => ({
    name: call,
    code: `import { tracer } from "./tracing";\n${before}\nexport default {\n  async fetch(request: Request, env: unknown, ctx: ExecutionContext): Promise<Response> {\n    try {\n      tracer.createSession({ sessionName: "chat" });\n      return new Response(request.url);\n    } finally {\n      ${call};\n    }\n  },\n};\n`,
    filename: "src/index.ts",
    files: WORKERS,
  });
  it("a project's own waitUntil, or a local one, is no background flush", () => {
    expect(countOf(FLUSH_RULE, flushRule, vercel(`import { waitUntil } from "../lib/queue";`))).toBe(1);
    expect(countOf(FLUSH_RULE, flushRule, vercel(`function waitUntil(work: Promise<unknown>): void {\n  void work;\n}`))).toBe(1);
    expect(countOf(FLUSH_RULE, flushRule, worker("jobs.waitUntil(tracer.forceFlush())", "const jobs = { waitUntil(work: Promise<unknown>) { void work; } };"))).toBe(1);
    expect(countOf(FLUSH_RULE, flushRule, worker("env.waitUntil(tracer.forceFlush())", "declare const env: never;"))).toBe(1);
    // AWS Lambda's context has no waitUntil (rules/require-force-flush-in-lambda.test.ts had it valid, by name).
    const lambda = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nexport const handler = async (event, context) => { tracer.createSession(); context.waitUntil(tracer.forceFlush()); };`;
    expect(countOf(FLUSH_RULE, flushRule, { name: "lambda", code: lambda })).toBe(1);
  });
  it("the platform's waitUntil is one (look-alike of the above)", () => {
    expect(countOf(FLUSH_RULE, flushRule, vercel(`import { waitUntil } from "@vercel/functions";`))).toBe(0);
    expect(countOf(FLUSH_RULE, flushRule, worker("ctx.waitUntil(tracer.forceFlush())"))).toBe(0);
  });
});
