// gaps-rules-11: what the rules still got wrong (issues 13/16), each with its look-alike.
import { describe, expect, it } from "vitest";
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
