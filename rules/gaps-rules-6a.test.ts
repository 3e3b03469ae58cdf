// gaps-rules-6a: the rule gaps precision-new-desc left open, each with the shape that must be reported and the
// look-alikes that must not be: Slack Bolt on AWS Lambda (AwsLambdaReceiver), Discord.js command modules, grammY
// and Telegraf Composers, Moleculer event handlers and moleculer-runner service files, Qwik City's `cookie`, a
// Twilio project's assets/, and messages that name what a handler runs once per (a job, a tick, an update).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import flushRule, { RULE_NAME as FLUSH } from "./require-force-flush-in-lambda.js";
import initRule, { RULE_NAME as INIT } from "./no-tracer-init-in-handler.js";
import sessionIdRule, { RULE_NAME as SESSION_ID } from "./require-valid-session-id.js";
import sessionStartRule, { RULE_NAME as SESSION_START } from "./no-session-start-in-handler.js";
import { Linter } from "eslint";
import { configForRule, lintWithRule } from "./test-utils/fixture-lint.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";

/** Projects on disk: the Moleculer and Twilio cases depend on the nearest package.json. */
const root = mkdtempSync(join(tmpdir(), "honeyhive-gaps-6a-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
function project(name: string, dependencies: Record<string, string>): (path: string) => string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, private: true, dependencies }));
  return (path) => {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    return file;
  };
}
const moleculerProject = project("moleculer-app", { moleculer: "^0.14.35", honeyhive: "^2.0.0" });
const plainProject = project("plain-app", { honeyhive: "^2.0.0" });
const twilioProject = project("twilio-app", { "@twilio/runtime-handler": "2.0.3", honeyhive: "^2.0.0" });

const HH = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
const HH_CJS = `const { HoneyHiveTracer } = require("honeyhive");\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;

const ruleTester = createRuleTester();
const started = (code: string, handler: string, unit: string, filename?: string) => ({
  code,
  ...(filename === undefined ? {} : { filename }),
  output: code.replace(".sessionStart(", ".createSession("),
  errors: [{ messageId: "sessionStartInHandler" as const, data: { tracer: "tracer", handler, unit } }],
});

const MOLECULER_SCHEMA = `${HH_CJS}module.exports = {\n  name: "greeter",\n  actions: {\n    hello: { params: { name: "string" }, handler(ctx) { tracer.sessionStart({ sessionName: "hello" }); return ctx.params.name; } },\n  },\n};\n`;

ruleTester.run(`${SESSION_START}: gaps-rules-6a`, testableRule(sessionStartRule), {
  valid: [
    // A Composer of another package, and a local class named Composer.
    `import { Composer } from "middleware-io";\n${HH}const composer = new Composer();\ncomposer.use(async (ctx) => { tracer.sessionStart(); });`,
    `${HH}class Composer { command(name, fn) {} }\nconst composer = new Composer();\ncomposer.command("stats", async (ctx) => { tracer.sessionStart(); });`,
    // A Moleculer lifecycle hook beside the events map runs once, and an object of another library with `events`.
    `const { ServiceBroker } = require("moleculer");\n${HH_CJS}const broker = new ServiceBroker();\nbroker.createService({ name: "mailer", started() { tracer.sessionStart({ sessionName: "boot" }); }, events: {} });`,
    `${HH_CJS}const emitter = makeEmitter({ events: { "order.created"(payload) { tracer.sessionStart(); } } });`,
    // A service schema file in a project that does not depend on moleculer, one not named *.service.js, one without `name`.
    { code: MOLECULER_SCHEMA, filename: plainProject("services/greeter.service.js") },
    { code: MOLECULER_SCHEMA, filename: moleculerProject("services/greeter.js") },
    { code: MOLECULER_SCHEMA.replace('  name: "greeter",\n', ""), filename: moleculerProject("services/nameless.service.js") },
  ],
  invalid: [
    started(`import { Bot, Composer } from "grammy";\n${HH}const admin = new Composer();\nadmin.command("stats", async (ctx) => { tracer.sessionStart({ sessionName: "stats" }); });\nconst bot = new Bot("t");\nbot.use(admin);`, "grammY handler", "update"),
    // A module of handlers: the composer is exported and used by the bot elsewhere.
    started(`import { Composer } from "grammy";\n${HH}export const composer = new Composer();\ncomposer.on("message:text", async (ctx) => { tracer.sessionStart(); });`, "grammY handler", "update"),
    started(`import { Composer } from "telegraf";\n${HH}const composer = new Composer();\ncomposer.command("help", async (ctx) => { tracer.sessionStart(); });\nexport default composer;`, "Telegraf handler", "update"),
    started(
      `const { ServiceBroker } = require("moleculer");\n${HH_CJS}const broker = new ServiceBroker();\nbroker.createService({ name: "mailer", events: { "order.created"(ctx) { tracer.sessionStart({ inputs: ctx.params }); } } });`,
      // gaps-rules-7: an event handler is worded by its map (`unitsByMap`), not as a service's call.
      "Moleculer event handler",
      "event",
    ),
    started(
      `const { ServiceBroker } = require("moleculer");\n${HH_CJS}const broker = new ServiceBroker();\nbroker.createService({ name: "mailer", events: { "order.created": { group: "mail", handler(ctx) { tracer.sessionStart(); } } } });`,
      "Moleculer event handler",
      "event",
    ),
    started(MOLECULER_SCHEMA, "Moleculer service handler", "call", moleculerProject("services/greeter.service.js")),
    // The TypeScript template's `export default` of a typed const.
    started(
      `import type { ServiceSchema } from "moleculer";\n${HH}const GreeterService: ServiceSchema = {\n  name: "greeter",\n  events: { "user.created"(ctx) { tracer.sessionStart(); } },\n};\nexport default GreeterService;\n`,
      "Moleculer event handler",
      "event",
      moleculerProject("services/greeter.service.ts"),
    ),
  ],
});

interface LintCase {
  readonly title: string;
  readonly code: string;
  readonly filename?: string;
  /** A text each report holds, one per report (none: quiet). */
  readonly reports: readonly string[];
}

function describeLintCases(ruleName: string, rule: Parameters<typeof lintWithRule>[1], cases: readonly LintCase[]): void {
  describe(`${ruleName}: gaps-rules-6a`, () => {
    for (const { title, code, filename, reports } of cases) {
      it(`${title}: ${reports.length === 0 ? "quiet" : "reported"}`, () => {
        // A file of a project on disk is linted from that project's root (ESLint matches no config outside its cwd).
        const found =
          filename !== undefined && isAbsolute(filename)
            ? new Linter({ configType: "flat", cwd: root }).verify(code, configForRule(ruleName, rule), { filename })
            : lintWithRule(ruleName, rule, code, filename ?? "src/file.ts");
        const messages = found.map((message) => message.message);
        expect(messages).toHaveLength(reports.length);
        reports.forEach((text, index) => expect(messages[index]).toContain(text));
      });
    }
  });
}

const BOLT_LAMBDA = `import { App, AwsLambdaReceiver } from "@slack/bolt";\n${HH}const receiver = new AwsLambdaReceiver({ signingSecret: "s" });\nconst app = new App({ token: "t", receiver });\napp.message("hello", async ({ say }) => { tracer.createSession({ sessionName: "hello" }); await say("hi"); });\n`;
const BOLT_HANDLER = `export const handler = async (event, context) => {\n  const boltHandler = await receiver.start();\n  return boltHandler(event, context, () => {});\n};\n`;
const BOLT_FLUSHED = `export const handler = async (event, context) => {\n  const boltHandler = await receiver.start();\n  try {\n    return await boltHandler(event, context, () => {});\n  } finally {\n    await tracer.forceFlush();\n  }\n};\n`;

describeLintCases(FLUSH, flushRule, [
  { title: "Bolt on Lambda: the handler hands the invocation to the receiver", code: `${BOLT_LAMBDA}${BOLT_HANDLER}`, reports: ["AWS Lambda handler `handler` can return without `await tracer.forceFlush()`"] },
  {
    title: "Bolt on Lambda through toHandler(), the receiver passed by name",
    code: BOLT_LAMBDA.replace("receiver });", "receiver: receiver });") + `export const handler = (event, context) => receiver.toHandler()(event, context, () => {});\n`,
    reports: ["AWS Lambda handler `handler`"],
  },
  { title: "Bolt on Lambda, flushed in finally", code: `${BOLT_LAMBDA}${BOLT_FLUSHED}`, reports: [] },
  // Look-alikes: a receiver the app is not given, another package's AwsLambdaReceiver (Zoom Rivet), a local class.
  {
    title: "an AwsLambdaReceiver the app is not given",
    code: BOLT_LAMBDA.replace("new App({ token: \"t\", receiver })", "new App({ token: \"t\", signingSecret: \"s\" })") + BOLT_HANDLER,
    reports: [],
  },
  { title: "Zoom Rivet's AwsLambdaReceiver", code: BOLT_LAMBDA.replace(`import { App, AwsLambdaReceiver } from "@slack/bolt";`, `import { App } from "@slack/bolt";\nimport { AwsLambdaReceiver } from "@zoom/rivet/chatbot";`) + BOLT_HANDLER, reports: [] },
  { title: "a local AwsLambdaReceiver class", code: BOLT_LAMBDA.replace(`import { App, AwsLambdaReceiver } from "@slack/bolt";`, `import { App } from "@slack/bolt";\nclass AwsLambdaReceiver { async start() { return () => {}; } }`) + BOLT_HANDLER, reports: [] },
  // A Twilio project's assets/ are modules the Functions load, not entry points; its functions/ are Functions.
  {
    title: "exports.handler of a Twilio asset",
    code: `${HH_CJS}exports.handler = async (context, event) => { tracer.createSession(); return "ok"; };\n`,
    filename: twilioProject("assets/helper.private.js"),
    reports: [],
  },
  {
    title: "the same export as a Twilio Function",
    code: `${HH_CJS}exports.handler = async (context, event) => { tracer.createSession(); return "ok"; };\n`,
    filename: twilioProject("functions/reply.js"),
    reports: ["Twilio Functions handler `handler`"],
  },
  {
    title: "an assets/ folder of a project that is no Twilio project",
    code: `${HH_CJS}exports.handler = async (event) => { tracer.createSession(); return "ok"; };\n`,
    filename: plainProject("assets/handler.js"),
    reports: ["AWS Lambda handler `handler`"],
  },
]);

const DISCORD_COMMAND = `import { SlashCommandBuilder } from "discord.js";\nimport { HoneyHiveTracer } from "honeyhive";\n`;
const INIT_PER_CALL = `const tracer = HoneyHiveTracer.init({ project: "p" });\n  tracer.createSession();`;

describeLintCases(INIT, initRule, [
  {
    title: "a Discord command module: named exports data and execute",
    code: `${DISCORD_COMMAND}export const data = new SlashCommandBuilder().setName("ask").setDescription("Ask");\nexport async function execute(interaction) {\n  ${INIT_PER_CALL}\n  await interaction.reply("ok");\n}\n`,
    reports: ["runs on every event of this Discord.js handler: each event pays the init"],
  },
  {
    title: "a Discord command module: module.exports = { data, async execute() }, the builder from @discordjs/builders",
    code: `const { SlashCommandBuilder } = require("@discordjs/builders");\nconst { HoneyHiveTracer } = require("honeyhive");\nmodule.exports = {\n  data: new SlashCommandBuilder().setName("ping"),\n  async execute(interaction) {\n    ${INIT_PER_CALL}\n  },\n};\n`,
    filename: "commands/ping.js",
    reports: ["Discord.js handler"],
  },
  {
    title: "a Discord command module: export default { data, execute } with the builder in a const",
    code: `${DISCORD_COMMAND}const data = new SlashCommandBuilder().setName("ask");\nconst execute = async (interaction) => {\n  ${INIT_PER_CALL}\n};\nexport default { data, execute };\n`,
    reports: ["Discord.js handler"],
  },
  // Look-alikes: `data` that is no command builder, `execute` alone, another key than execute, a builder of another package.
  { title: "data is a plain object", code: `${DISCORD_COMMAND}export const data = { name: "ask" };\nexport async function execute(interaction) {\n  ${INIT_PER_CALL}\n}\n`, reports: [] },
  { title: "execute alone", code: `${DISCORD_COMMAND}export async function execute(job) {\n  ${INIT_PER_CALL}\n}\n`, reports: [] },
  { title: "run instead of execute", code: `${DISCORD_COMMAND}export const data = new SlashCommandBuilder().setName("ask");\nexport async function run(interaction) {\n  ${INIT_PER_CALL}\n}\n`, reports: [] },
  {
    title: "a SlashCommandBuilder of another package",
    code: `import { SlashCommandBuilder } from "./builders";\nimport { HoneyHiveTracer } from "honeyhive";\nexport const data = new SlashCommandBuilder().setName("ask");\nexport async function execute(interaction) {\n  ${INIT_PER_CALL}\n}\n`,
    reports: [],
  },
  // What a handler runs once per, as its descriptor names it.
  {
    title: "a pg-boss worker: per job",
    code: `import PgBoss from "pg-boss";\nimport { HoneyHiveTracer } from "honeyhive";\nconst boss = new PgBoss("postgres://x");\nawait boss.work("email", async ([job]) => {\n  ${INIT_PER_CALL}\n});\n`,
    reports: ["runs on every job of this pg-boss job handler: each job pays the init"],
  },
  {
    title: "node-cron: per tick",
    code: `import cron from "node-cron";\nimport { HoneyHiveTracer } from "honeyhive";\ncron.schedule("* * * * *", async () => {\n  ${INIT_PER_CALL}\n});\n`,
    reports: ["runs on every tick of this node-cron task handler: each tick pays the init and gets its own provider and exporter. Initialize the tracer once at startup, and call `createSession()` per tick."],
  },
  {
    title: "Electron IPC: per message, named once",
    code: `import { ipcMain } from "electron";\nimport { HoneyHiveTracer } from "honeyhive";\nipcMain.handle("ask", async (event, question) => {\n  ${INIT_PER_CALL}\n});\n`,
    reports: ["runs on every message of this Electron IPC handler: each message pays the init"],
  },
  {
    title: "an Express route: per request",
    code: `import express from "express";\nimport { HoneyHiveTracer } from "honeyhive";\nconst app = express();\napp.post("/chat", (req, res) => {\n  ${INIT_PER_CALL}\n  res.end();\n});\n`,
    reports: ["runs on every request of this Express handler: each request pays the init"],
  },
]);

describeLintCases(SESSION_ID, sessionIdRule, [
  {
    title: "Qwik City's cookie jar in a route loader",
    code: `import { routeLoader$ } from "@builder.io/qwik-city";\n${HH}export const useSession = routeLoader$(async ({ cookie }) => {\n  tracer.createSession({ sessionId: cookie.get("sid")?.value, skipApiCall: true });\n  return {};\n});\n`,
    reports: ['`cookie.get("sid")?.value` comes from the Qwik City handler\'s input'],
  },
  {
    title: "Qwik City's cookie, checked with isSessionId()",
    code: `import { routeLoader$ } from "@builder.io/qwik-city";\nimport { HoneyHiveTracer, isSessionId } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nexport const useSession = routeLoader$(async ({ cookie }) => {\n  const sid = cookie.get("sid")?.value;\n  if (sid && isSessionId(sid)) tracer.createSession({ sessionId: sid, skipApiCall: true });\n  return {};\n});\n`,
    reports: [],
  },
  {
    title: "a `cookie` of the app's own in a function no framework calls",
    code: `${HH}const cookie = new Map();\nexport function resume() {\n  tracer.createSession({ sessionId: cookie.get("sid")?.value, skipApiCall: true });\n}\n`,
    reports: [],
  },
  {
    title: "a Twilio Function's event: named after Twilio Functions",
    code: `${HH_CJS}exports.handler = async (context, event, callback) => {\n  tracer.createSession({ sessionId: event.ConversationSid, skipApiCall: true });\n  await tracer.forceFlush();\n  callback(null, "ok");\n};\n`,
    filename: twilioProject("functions/resume.js"),
    reports: ["`event.ConversationSid` comes from the Twilio Functions handler's input"],
  },
]);
