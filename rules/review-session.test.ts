// review-session: defects found by reading this session's merged change (gaps-rules-6a) with look-alikes:
// a Bolt-on-Lambda handler (async, passing its callback on) called callback-style.
import { describe, expect, it } from "vitest";
import flushRule, { RULE_NAME as FLUSH } from "./require-force-flush-in-lambda.js";
import { lintWithRule } from "./test-utils/fixture-lint.js";

const HH = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
const BOLT = `import { App, AwsLambdaReceiver } from "@slack/bolt";\n${HH}const receiver = new AwsLambdaReceiver({ signingSecret: "s" });\nconst app = new App({ token: "t", receiver });\napp.message("hi", async ({ say }) => { tracer.createSession(); await say("hi"); });\n`;

function messagesOf(ruleName: string, rule: Parameters<typeof lintWithRule>[1], code: string): string[] {
  return lintWithRule(ruleName, rule, code, "src/file.ts").map((message) => message.message);
}

describe(`${FLUSH}: an async Lambda handler that passes its callback on is not callback-style`, () => {
  it("Bolt's documented handler (event, context, callback) handed to the receiver's handler", () => {
    const code = `${BOLT}export const handler = async (event, context, callback) => {\n  const boltHandler = await receiver.start();\n  return boltHandler(event, context, callback);\n};\n`;
    const messages = messagesOf(FLUSH, flushRule, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^AWS Lambda handler `handler` can return without `await tracer.forceFlush\(\)`/);
  });

  it("an async handler with an unused callback parameter", () => {
    const code = `${HH}export const handler = async (event, context, callback) => {\n  tracer.createSession();\n  return { statusCode: 200 };\n};\n`;
    expect(messagesOf(FLUSH, flushRule, code)[0]).toMatch(/^AWS Lambda handler `handler` can return without/);
  });

  it("an async handler that calls its callback stays callback-style", () => {
    const code = `${HH}export const handler = async (event, context, callback) => {\n  tracer.createSession();\n  callback(null, { statusCode: 200 });\n};\n`;
    expect(messagesOf(FLUSH, flushRule, code)[0]).toMatch(/^Callback-style AWS Lambda handler `handler`/);
  });

  it("a synchronous handler with a callback stays callback-style", () => {
    const code = `${HH}export const handler = (event, context, callback) => {\n  tracer.createSession();\n  callback(null, { statusCode: 200 });\n};\n`;
    expect(messagesOf(FLUSH, flushRule, code)[0]).toMatch(/^Callback-style AWS Lambda handler `handler`/);
  });
});
