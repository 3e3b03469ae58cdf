// A Lambda handler whose only tracing is an AI SDK call (issue 16/13): the call's spans reach HoneyHive through the
// integration registered with (or given) the module's HoneyHive tracer (ai >= 7), or through the settings' tracer
// (ai <= 6), and the handler never names the tracer otherwise. The call is the handler's tracer use (the same answer
// as the flush rule's span starts, analysis/flush.ts `spanTestOf`): without a flush the spans are lost when the
// platform freezes, so it is reported and the fix flushes the tracer the integration carries.
import { describe, expect, it } from "vitest";
import rule, { RULE_NAME } from "./require-force-flush-in-lambda.js";
import { type AnyRule, lintCase } from "./test-utils/blind-cases.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";

const ruleTester = createRuleTester();
const testedRule = testableRule(rule);

const AI7_IMPORTS = `import { generateText, registerTelemetry } from "ai";\nimport { OpenTelemetry } from "@ai-sdk/otel";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
const AI6_IMPORTS = `import { generateText } from "ai";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
const HH_INTEGRATION = `new OpenTelemetry({ tracer: tracer.provider.getTracer("gen_ai") })`;
const REGISTERED = `${AI7_IMPORTS}registerTelemetry(${HH_INTEGRATION});\n`;
const AI_TRACER = `const aiTracer = tracer.provider.getTracer("ai");\n`;

/** A handler whose body is `body` (the answer of a generateText call). */
const handler = (body: string): string => `export const handler = async (event: { body: string }) => {\n${body}};\n`;
const CALL = (options = ""): string => `  const { text } = await generateText({ model: "m", prompt: event.body${options} });\n  return { statusCode: 200, body: text };\n`;
const FLUSHED = (options = ""): string =>
  `  try {\n    const { text } = await generateText({ model: "m", prompt: event.body${options} });\n    return { statusCode: 200, body: text };\n  } finally {\n    await tracer.forceFlush();\n  }\n`;

/** The finding, with its fix (a suggestion: the codemod's edit) giving `output`. */
const reported = (output: string) => [{ messageId: "missingFlush" as const, suggestions: [{ messageId: "wrapInTryFinally" as const, output }] }];

ruleTester.run(`${RULE_NAME} (AI SDK call as the handler's tracing)`, testedRule, {
  valid: [
    // Flushed.
    REGISTERED + handler(FLUSHED()),
    // The integration carries a tracer of the global provider, not HoneyHive's: nothing of this call reaches HoneyHive.
    `${AI7_IMPORTS}import { trace } from "@opentelemetry/api";\nregisterTelemetry(new OpenTelemetry({ tracer: trace.getTracer("gen_ai") }));\n${handler(CALL())}`,
    `${AI7_IMPORTS}registerTelemetry(new OpenTelemetry());\n${handler(CALL())}`,
    // ai 7 turned off for the call.
    REGISTERED + handler(CALL(", telemetry: { isEnabled: false }")),
    // ai 6: telemetry not enabled.
    AI6_IMPORTS + AI_TRACER + handler(CALL(", experimental_telemetry: { tracer: aiTracer }")),
    // ai 6 flushed.
    AI6_IMPORTS + AI_TRACER + handler(FLUSHED(", experimental_telemetry: { isEnabled: true, tracer: aiTracer }")),
  ],
  invalid: [
    // ai 7, integration registered at module level.
    { code: REGISTERED + handler(CALL()), errors: reported(REGISTERED + handler(FLUSHED())) },
    // ai 7, the integration given to the call, held by a module-level const.
    {
      code: `${AI7_IMPORTS}const otel = ${HH_INTEGRATION};\n${handler(CALL(", telemetry: { integrations: [otel] }"))}`,
      errors: reported(`${AI7_IMPORTS}const otel = ${HH_INTEGRATION};\n${handler(FLUSHED(", telemetry: { integrations: [otel] }"))}`),
    },
    // ai 6, the settings' tracer from the HoneyHive tracer's provider, held by a module-level const.
    {
      code: AI6_IMPORTS + AI_TRACER + handler(CALL(", experimental_telemetry: { isEnabled: true, tracer: aiTracer }")),
      errors: reported(AI6_IMPORTS + AI_TRACER + handler(FLUSHED(", experimental_telemetry: { isEnabled: true, tracer: aiTracer }"))),
    },
  ],
});

const pkg = (ai: string): Record<string, string> => ({ "package.json": JSON.stringify({ name: "app", private: true, type: "module", dependencies: { honeyhive: "^2.0.0", ai } }) });
const reportsOn = (code: string, files: Record<string, string>): string[] =>
  lintCase(RULE_NAME, rule as unknown as AnyRule, { name: "ai-handler", code, files }).flatMap((message) => (message.ruleId === `honeyhive/${RULE_NAME}` ? [message.messageId ?? ""] : []));

describe(`${RULE_NAME}: the project's ai version decides which tracer the call's spans take`, () => {
  const settingsTracer = AI6_IMPORTS + AI_TRACER + handler(CALL(", experimental_telemetry: { isEnabled: true, tracer: aiTracer }"));
  it("reported on ai 6 (the settings' tracer is read)", () => expect(reportsOn(settingsTracer, pkg("^6.0.0"))).toEqual(["missingFlush"]));
  // ai 7 ignores the settings' tracer (the instrumentation rule marks it): the call traces into no HoneyHive tracer.
  it("quiet on ai 7 (the settings' tracer is ignored)", () => expect(reportsOn(settingsTracer, pkg("^7.0.0"))).toEqual([]));
  it("reported on ai 7 with the integration registered", () => expect(reportsOn(REGISTERED + handler(CALL()), pkg("^7.0.0"))).toEqual(["missingFlush"]));
});
