// The flush rule on AI SDK 7 telemetry (issue 16): ai 7 no longer reads a `tracer` in the telemetry settings
// (knowledge/instrumentations.ts `tracerMovedToIntegration`); its spans reach HoneyHive through a telemetry integration
// made with a HoneyHive tracer (`new OpenTelemetry({ tracer: tracer.provider.getTracer("gen_ai") })` of @ai-sdk/otel),
// given to the call (`telemetry: { integrations }`, which wins over the registered ones) or registered for every call
// (`registerTelemetry(…)`). A call whose spans reach HoneyHive after the handler's last flush is not flushed by it; one
// whose spans do not (an ignored settings tracer, an integration on the global provider, `isEnabled: false`) is quiet.
// Which side of 7.0 a project is on is the instrumentation rule's answer (analysis/telemetry-version.ts).
import { describe, expect, it } from "vitest";
import rule, { RULE_NAME } from "./require-force-flush-in-lambda.js";
import { type AnyRule, lintCase } from "./test-utils/blind-cases.js";

const pkg = (ai: string): string => JSON.stringify({ name: "app", private: true, type: "module", dependencies: { honeyhive: "^2.0.0", ai } });
const AI7 = { "package.json": pkg("^7.0.0") };
const AI6 = { "package.json": pkg("^6.0.0") };
const HH_INTEGRATION = `new OpenTelemetry({ tracer: tracer.provider.getTracer("gen_ai") })`;

/** A Lambda handler that flushes, then calls generateText with `options` (and the module-level `setup` before it). */
const lateCall = (options: string, setup = ""): string =>
  `import { generateText, registerTelemetry } from "ai";\nimport { OpenTelemetry } from "@ai-sdk/otel";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n${setup}declare const model: Parameters<typeof generateText>[0]["model"];\nexport const handler = async (event: { body: string }) => {\n  tracer.createSession();\n  await tracer.forceFlush();\n  const { text } = await generateText({ model, prompt: event.body${options} });\n  return { statusCode: 200, body: text };\n};\n`;

const reportsOn = (code: string, files: Record<string, string>): string[] =>
  lintCase(RULE_NAME, rule as unknown as AnyRule, { name: "ai7", code, files }).flatMap((message) => (message.ruleId === `honeyhive/${RULE_NAME}` ? [message.messageId ?? ""] : []));

describe(`${RULE_NAME}: AI SDK 7 telemetry through integrations`, () => {
  it("reported: the call's own integration carries the HoneyHive tracer", () =>
    expect(reportsOn(lateCall(`, telemetry: { integrations: [${HH_INTEGRATION}] }`), AI7)).toEqual(["missingFlush"]));
  it("reported: the same integration given alone (not in an array) under the deprecated experimental_telemetry", () =>
    expect(reportsOn(lateCall(`, experimental_telemetry: { integrations: ${HH_INTEGRATION} }`), AI7)).toEqual(["missingFlush"]));
  it("reported: the integration held by a const", () =>
    expect(reportsOn(lateCall(`, telemetry: { integrations: [otel] }`, `const otel = ${HH_INTEGRATION};\n`), AI7)).toEqual(["missingFlush"]));
  it("reported: registered for every call (ai 7 traces by default then, no settings needed)", () =>
    expect(reportsOn(lateCall("", `registerTelemetry(${HH_INTEGRATION});\n`), AI7)).toEqual(["missingFlush"]));
  it("quiet: registered, but the call turns telemetry off", () =>
    expect(reportsOn(lateCall(", telemetry: { isEnabled: false }", `registerTelemetry(${HH_INTEGRATION});\n`), AI7)).toEqual([]));
  it("quiet: registered, but the call's own integrations (on the global provider) win", () =>
    expect(reportsOn(lateCall(", telemetry: { integrations: [new OpenTelemetry()] }", `registerTelemetry(${HH_INTEGRATION});\n`), AI7)).toEqual([]));
  it("quiet: an integration made without a tracer records into the global provider", () =>
    expect(reportsOn(lateCall("", "registerTelemetry(new OpenTelemetry());\n"), AI7)).toEqual([]));
  // ai 7 ignores the settings' tracer (the instrumentation rule marks it): no span of this call reaches HoneyHive.
  it("quiet: ai 7 with a settings tracer and no integration", () =>
    expect(reportsOn(lateCall(`, experimental_telemetry: { isEnabled: true, tracer: tracer.provider.getTracer("ai") }`), AI7)).toEqual([]));
  it("reported: ai 6 with the same settings tracer (read there)", () =>
    expect(reportsOn(lateCall(`, experimental_telemetry: { isEnabled: true, tracer: tracer.provider.getTracer("ai") }`), AI6)).toEqual(["missingFlush"]));
  it("quiet: ai 6 with an integration (ai 6 has none: @ai-sdk/otel's class is not read there)", () =>
    expect(reportsOn(lateCall(`, experimental_telemetry: { isEnabled: true, integrations: [${HH_INTEGRATION}] }`), AI6)).toEqual([]));
});
