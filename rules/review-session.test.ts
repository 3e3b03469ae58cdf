// review-session: defects found by reading this session's merged change (gaps-rules-6a) with look-alikes:
// a Bolt-on-Lambda handler (async, passing its callback on) called callback-style, and Moleculer's internal
// `$`-prefixed events counted as per-call handlers (in createService and in moleculer-runner service files).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import flushRule, { RULE_NAME as FLUSH } from "./require-force-flush-in-lambda.js";
import sessionStartRule, { RULE_NAME as SESSION_START } from "./no-session-start-in-handler.js";
import { configForRule, lintWithRule } from "./test-utils/fixture-lint.js";

const root = mkdtempSync(join(tmpdir(), "honeyhive-review-session-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
function projectFile(name: string, dependencies: Record<string, string>, path: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, private: true, dependencies }));
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  return file;
}

const HH = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
const HH_CJS = `const { HoneyHiveTracer } = require("honeyhive");\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
const BOLT = `import { App, AwsLambdaReceiver } from "@slack/bolt";\n${HH}const receiver = new AwsLambdaReceiver({ signingSecret: "s" });\nconst app = new App({ token: "t", receiver });\napp.message("hi", async ({ say }) => { tracer.createSession(); await say("hi"); });\n`;

function lint(ruleName: string, rule: Parameters<typeof lintWithRule>[1], code: string, filename = "src/file.ts"): Array<{ message: string; line: number }> {
  return filename.startsWith(root)
    ? new Linter({ configType: "flat", cwd: root }).verify(code, configForRule(ruleName, rule), { filename })
    : lintWithRule(ruleName, rule, code, filename);
}
function messagesOf(ruleName: string, rule: Parameters<typeof lintWithRule>[1], code: string, filename?: string): string[] {
  return lint(ruleName, rule, code, filename).map((message) => message.message);
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

describe(`${FLUSH}: a Twilio Function ends when its callback is called`, () => {
  it("an async Twilio Function that passes its callback on stays callback-style", () => {
    const file = projectFile("twilio-app", { "@twilio/runtime-handler": "2.0.3", honeyhive: "^2.0.0" }, "functions/reply.js");
    const code = `${HH_CJS}const { reply } = require(Runtime.getAssets()["/reply.js"].path);\nexports.handler = async (context, event, callback) => {\n  tracer.createSession();\n  return reply(context, event, callback);\n};\n`;
    expect(messagesOf(FLUSH, flushRule, code, file)[0]).toMatch(/^Callback-style Twilio Functions handler `handler`/);
  });
});

describe(`${SESSION_START}: Moleculer's internal \`$\` events are not per-call handlers`, () => {
  const broker = `const { ServiceBroker } = require("moleculer");\n${HH_CJS}const broker = new ServiceBroker();\n`;
  it("createService: a `$node.connected` handler is quiet, a user event beside it is reported", () => {
    const code = `${broker}broker.createService({\n  name: "watcher",\n  events: {\n    "$node.connected"(ctx) { tracer.sessionStart({ sessionName: "node" }); },\n    "order.created"(ctx) { tracer.sessionStart({ sessionName: "order" }); },\n  },\n});\n`;
    const found = lint(SESSION_START, sessionStartRule, code);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("Moleculer event handler");
    expect(found[0]!.message).toContain("concurrent events");
    expect(code.split("\n")[found[0]!.line - 1]).toContain("order.created");
  });

  it("createService: `$services.changed` in the { handler } form is quiet", () => {
    const code = `${broker}broker.createService({ name: "watcher", events: { "$services.changed": { handler(ctx) { tracer.sessionStart(); } } } });\n`;
    expect(messagesOf(SESSION_START, sessionStartRule, code)).toEqual([]);
  });

  it("a moleculer-runner service file: `$broker.started` is quiet, an action is reported", () => {
    const file = projectFile("moleculer-app", { moleculer: "^0.14.35", honeyhive: "^2.0.0" }, "services/watch.service.js");
    const code = `${HH_CJS}module.exports = {\n  name: "watch",\n  events: { "$broker.started"() { tracer.sessionStart({ sessionName: "boot" }); } },\n  actions: { ping(ctx) { tracer.sessionStart(); return "pong"; } },\n};\n`;
    const found = lint(SESSION_START, sessionStartRule, code, file);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("Moleculer service handler");
    expect(code.split("\n")[found[0]!.line - 1]).toContain("ping(ctx)");
  });

  it("a NestJS *.service.ts in a project that also depends on moleculer is no service schema", () => {
    const file = projectFile("nest-app", { "@nestjs/common": "^10.0.0", moleculer: "^0.14.35", honeyhive: "^2.0.0" }, "src/users/users.service.ts");
    const code = `import { Injectable } from "@nestjs/common";\n${HH}@Injectable()\nexport class UsersService {\n  name = "users";\n  events = { created() { tracer.sessionStart(); } };\n}\nexport default { name: "users", helpers: { created() { tracer.sessionStart(); } } };\n`;
    expect(messagesOf(SESSION_START, sessionStartRule, code, file)).toEqual([]);
  });
});
