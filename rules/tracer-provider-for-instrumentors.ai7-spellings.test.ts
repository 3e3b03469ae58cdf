// AI SDK 7's settings key `telemetry` however it is written (issue 16): the rule's text gate
// (knowledge/instrumentations.ts `mayHoldInstrumentation`) must let through every file the full check reports, and the
// full check reads settings a call is given by name (`{ telemetry }`, `{ ...base, telemetry }`) as it reads them inline.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../analysis/test-utils/temp-projects.js";
import { mayHoldInstrumentation } from "../analysis/knowledge/instrumentations.js";
import rule, { RULE_NAME } from "./tracer-provider-for-instrumentors.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";

const ruleTester = createRuleTester();
const testedRule = testableRule(rule);

const PROJECTS = useTempProjects("provider-ai7-spellings", "all");
const AI7 = PROJECTS({ "package.json": `{ "name": "app", "private": true, "dependencies": { "ai": "^7.0.0" } }\n`, "src/": "" });
const in7 = (code: string) => ({ code, filename: join(AI7, "src/chat.ts") });
const HEAD = `import { generateText } from "ai";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\ndeclare const model: Parameters<typeof generateText>[0]["model"];\n`;
const SETTINGS_TRACER = `tracer: tracer.provider.getTracer("ai")`;
const ignored = (option = "telemetry") => ({
  messageId: "ignoredTracer" as const,
  data: { label: "generateText()", option, integration: "new OpenTelemetry({ tracer }) of @ai-sdk/otel" },
});

// Each spelling the formatters do not write (`telemetry:` was the only one the gate knew).
const SPELLINGS = {
  spaced: `${HEAD}export const run = (prompt: string) => generateText({ model, prompt, telemetry : { ${SETTINGS_TRACER} } });`,
  quoted: `${HEAD}export const run = (prompt: string) => generateText({ model, prompt, "telemetry": { ${SETTINGS_TRACER} } });`,
  shorthand: `${HEAD}const telemetry = { isEnabled: true, ${SETTINGS_TRACER} };\nexport const run = (prompt: string) => generateText({ model, prompt, telemetry });`,
  spread: `${HEAD}const base = { maxRetries: 1 };\nconst telemetry = { ${SETTINGS_TRACER} };\nexport const run = (prompt: string) => generateText({ ...base, model, prompt, telemetry });`,
};

describe("mayHoldInstrumentation (the text gate)", () => {
  it.each(Object.entries(SPELLINGS))("lets the %s spelling through", (_, code) => expect(mayHoldInstrumentation(code)).toBe(true));
  it("keeps out a file that names telemetry only inside longer names", () =>
    expect(mayHoldInstrumentation(`import { trace } from "@opentelemetry/api";\nimport { OpenTelemetryTransport } from "x";\nconst hasTelemetry = true;\n`)).toBe(false));
});

ruleTester.run(`${RULE_NAME} (ai 7 settings key spellings)`, testedRule, {
  valid: [
    // Turned off literally: nothing traces, the tracer is moot (as inline settings are read).
    in7(`${HEAD}const telemetry = { isEnabled: false, ${SETTINGS_TRACER} };\nexport const run = (prompt: string) => generateText({ model, prompt, telemetry });`),
  ],
  invalid: [
    { ...in7(SPELLINGS.spaced), output: null, errors: [ignored()] },
    { ...in7(SPELLINGS.quoted), output: null, errors: [ignored()] },
    { ...in7(SPELLINGS.shorthand), output: null, errors: [{ ...ignored(), line: 5, column: 38 }] },
    { ...in7(SPELLINGS.spread), output: null, errors: [ignored()] },
    // One settings object given to two calls: reported once, where the tracer is written.
    {
      ...in7(`${HEAD}const telemetry = { ${SETTINGS_TRACER} };\nexport const a = (prompt: string) => generateText({ model, prompt, telemetry });\nexport const b = (prompt: string) => generateText({ model, prompt, telemetry });`),
      output: null,
      errors: [ignored()],
    },
  ],
});
