// gaps-rules-7: rule gaps left by gaps-rules-6a/6b, each with the shape that must be reported and the
// look-alikes that must not be: Koa and Telegraf middleware registered through `compose([...])` / `mount()`
// (their `ctx.tracer` is the app's: analysis/knowledge/app-lifetime.ts `wrappers`), and Slack Bolt on
// Lambda with two apps in one file (the receiver's app only runs inside the invocation).
import { describe, expect, it } from "vitest";
import flushRule, { RULE_NAME as FLUSH } from "./require-force-flush-in-lambda.js";
import sessionStartRule, { RULE_NAME as SESSION_START } from "./no-session-start-in-handler.js";
import { lintWithRule } from "./test-utils/fixture-lint.js";

const HH = `import { HoneyHiveTracer } from "honeyhive";\n`;
const KOA = `${HH}import Koa from "koa";\nconst app = new Koa();\napp.context.tracer = HoneyHiveTracer.init({ project: "p" });\n`;
const MIDDLEWARE = `async function chat(ctx, next) {\n  ctx.tracer.sessionStart({ sessionName: "chat" });\n  await next();\n}\n`;

interface LintCase {
  readonly title: string;
  readonly code: string;
  /** A text each report holds, one per report (none: quiet). */
  readonly reports: readonly string[];
}

function describeLintCases(ruleName: string, rule: Parameters<typeof lintWithRule>[1], cases: readonly LintCase[]): void {
  describe(`${ruleName}: gaps-rules-7`, () => {
    for (const { title, code, reports } of cases) {
      it(`${title}: ${reports.length === 0 ? "quiet" : "reported"}`, () => {
        const messages = lintWithRule(ruleName, rule, code, "src/app.ts").map((message) => message.message);
        expect(messages).toHaveLength(reports.length);
        reports.forEach((text, index) => expect(messages[index]).toContain(text));
      });
    }
  });
}

const SHARED = "`ctx.tracer.sessionStart()` in this Koa handler";
describeLintCases(SESSION_START, sessionStartRule, [
  // The shape 6b reported, for reference: the middleware registered on the app directly.
  { title: "Koa: app.use(fn)", code: `${KOA}${MIDDLEWARE}app.use(chat);\n`, reports: [SHARED] },
  { title: "Koa: app.use(compose([fn]))", code: `${KOA}import compose from "koa-compose";\n${MIDDLEWARE}app.use(compose([chat]));\n`, reports: [SHARED] },
  { title: "Koa: the composed middleware kept in a const", code: `${KOA}import compose from "koa-compose";\n${MIDDLEWARE}const api = compose([async (ctx, next) => next(), chat]);\napp.use(api);\n`, reports: [SHARED] },
  { title: "Koa: app.use(mount(path, fn))", code: `${KOA}import mount from "koa-mount";\n${MIDDLEWARE}app.use(mount("/chat", chat));\n`, reports: [SHARED] },
  { title: "Koa: mount of a composition", code: `${KOA}import mount from "koa-mount";\nimport compose from "koa-compose";\n${MIDDLEWARE}app.use(mount("/chat", compose([chat])));\n`, reports: [SHARED] },
  // Look-alikes: a compose of another package, a local compose, a composition given to another app, never registered.
  { title: "another package's compose", code: `${KOA}import { compose } from "ramda";\n${MIDDLEWARE}app.use(compose(chat));\n`, reports: [] },
  { title: "a local compose function", code: `${KOA}const compose = (fns) => fns[0];\n${MIDDLEWARE}app.use(compose([chat]));\n`, reports: [] },
  { title: "a composition given to another Koa app", code: `${KOA}import compose from "koa-compose";\n${MIDDLEWARE}const admin = new Koa();\nadmin.use(compose([chat]));\n`, reports: [] },
  { title: "a composition never registered", code: `${KOA}import compose from "koa-compose";\n${MIDDLEWARE}export const api = compose([chat]);\n`, reports: [] },
  // Known gap (documented): a middleware of another module reads the context of whatever app registers it;
  // that module alone cannot tell it is this app's (its `ctx.tracer` is not followed across modules).
  { title: "a middleware of another module (known gap)", code: `${HH}import type { Context } from "koa";\nexport async function chat(ctx: Context) {\n  ctx.tracer.sessionStart();\n}\n`, reports: [] },
  // Telegraf: the bot's context, through the Composer statics.
  {
    title: "Telegraf: bot.use(Composer.compose([fn]))",
    code: `${HH}import { Composer, Telegraf } from "telegraf";\nconst bot = new Telegraf("t");\nbot.context.tracer = HoneyHiveTracer.init({ project: "p" });\nconst ask = async (ctx) => { ctx.tracer.sessionStart(); await ctx.reply("hi"); };\nbot.use(Composer.compose([ask]));\n`,
    reports: ["`ctx.tracer.sessionStart()` in this Telegraf handler"],
  },
  // gaps-rules-8: the same statics read through the Telegraf class (it extends Composer), and Composer.mount.
  ...(["Telegraf.compose([ask])", 'Telegraf.mount("text", ask)', 'Composer.mount("text", ask)'] as const).map((wrapped) => ({
    title: `Telegraf: bot.use(${wrapped})`,
    code: `${HH}import { Composer, Telegraf } from "telegraf";\nconst bot = new Telegraf("t");\nbot.context.tracer = HoneyHiveTracer.init({ project: "p" });\nconst ask = async (ctx) => { ctx.tracer.sessionStart(); await ctx.reply("hi"); };\nbot.use(${wrapped});\n`,
    reports: ["`ctx.tracer.sessionStart()` in this Telegraf handler"],
  })),
  // Look-alikes: Telegraf.compose given to another bot, a local Telegraf class's compose, never registered.
  { title: "Telegraf.compose given to another bot", code: `${HH}import { Telegraf } from "telegraf";\nconst bot = new Telegraf("t");\nbot.context.tracer = HoneyHiveTracer.init({ project: "p" });\nconst ask = async (ctx) => { ctx.tracer.sessionStart(); };\nconst other = new Telegraf("u");\nother.use(Telegraf.compose([ask]));\n`, reports: [] },
  { title: "a local Telegraf class's compose", code: `${HH}import { Telegraf as Bot } from "telegraf";\nclass Telegraf { static compose(fns) { return fns[0]; } }\nconst bot = new Bot("t");\nbot.context.tracer = HoneyHiveTracer.init({ project: "p" });\nconst ask = async (ctx) => { ctx.tracer.sessionStart(); };\nbot.use(Telegraf.compose([ask]));\n`, reports: [] },
  { title: "Telegraf.mount never registered", code: `${HH}import { Telegraf } from "telegraf";\nconst bot = new Telegraf("t");\nbot.context.tracer = HoneyHiveTracer.init({ project: "p" });\nconst ask = async (ctx) => { ctx.tracer.sessionStart(); };\nexport const onText = Telegraf.mount("text", ask);\n`, reports: [] },
]);

const BOLT = `import { App, AwsLambdaReceiver } from "@slack/bolt";\n${HH}const tracer = HoneyHiveTracer.init({ project: "p" });\nconst receiver = new AwsLambdaReceiver({ signingSecret: "s" });\nconst app = new App({ token: "t", receiver });\n`;
const SOCKET_APP = `const socketApp = new App({ token: "t", socketMode: true, appToken: "a" });\n`;
const TRACED = `async ({ say }) => { tracer.createSession({ sessionName: "hello" }); await say("hi"); }`;
const UNTRACED = `async ({ say }) => { await say("hi"); }`;
const BOLT_HANDLER = `export const handler = async (event, context) => {\n  const boltHandler = await receiver.start();\n  return boltHandler(event, context, () => {});\n};\n`;

describeLintCases(FLUSH, flushRule, [
  { title: "Bolt on Lambda: the receiver's app traces", code: `${BOLT}${SOCKET_APP}app.message("hello", ${TRACED});\nsocketApp.message("hello", ${UNTRACED});\n${BOLT_HANDLER}`, reports: ["AWS Lambda handler `handler`"] },
  // Only the app given the receiver runs inside the invocation: another app's traced listener does not.
  { title: "Bolt on Lambda: only another app of the file traces", code: `${BOLT}${SOCKET_APP}app.message("hello", ${UNTRACED});\nsocketApp.message("hello", ${TRACED});\n${BOLT_HANDLER}`, reports: [] },
  { title: "Bolt on Lambda: two apps, two receivers, the other one's app traces", code: `${BOLT}const otherReceiver = new AwsLambdaReceiver({ signingSecret: "s" });\nconst other = new App({ token: "t", receiver: otherReceiver });\napp.message("hello", ${UNTRACED});\nother.message("hello", ${TRACED});\n${BOLT_HANDLER}`, reports: [] },
]);

// Connect RPC: a routes function given untyped to a server adapter (`optionParameters` in
// analysis/knowledge/frameworks/rpc.ts): its `router` registers one handler per method.
const CONNECT = `${HH}import { ElizaService } from "./gen/eliza_pb";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
const SERVICE = `router.service(ElizaService, { async say(req) { tracer.sessionStart({ sessionName: "say" }); return { sentence: req.sentence }; } })`;
const CONNECT_STARTED = "`tracer.sessionStart()` in this Connect RPC method handler";
describeLintCases(SESSION_START, sessionStartRule, [
  { title: "Connect: connectNodeAdapter({ routes: (router) => … })", code: `import { connectNodeAdapter } from "@connectrpc/connect-node";\nimport http from "node:http";\n${CONNECT}http.createServer(connectNodeAdapter({ routes: (router) => ${SERVICE} })).listen(8080);\n`, reports: [CONNECT_STARTED] },
  { title: "Connect: a routes function of the file given by name", code: `import { connectNodeAdapter } from "@connectrpc/connect-node";\nimport http from "node:http";\n${CONNECT}function routes(router) {\n  ${SERVICE};\n}\nhttp.createServer(connectNodeAdapter({ routes })).listen(8080);\n`, reports: [CONNECT_STARTED] },
  { title: "Connect: expressConnectMiddleware({ routes })", code: `import express from "express";\nimport { expressConnectMiddleware } from "@connectrpc/connect-express";\n${CONNECT}const app = express();\napp.use(expressConnectMiddleware({ routes: (router) => ${SERVICE} }));\napp.listen(8080);\n`, reports: [CONNECT_STARTED] },
  { title: "Connect: server.register(fastifyConnectPlugin, { routes })", code: `import { fastify } from "fastify";\nimport { fastifyConnectPlugin } from "@connectrpc/connect-fastify";\n${CONNECT}const server = fastify();\nconst routes = (router) => ${SERVICE};\nawait server.register(fastifyConnectPlugin, { routes });\nawait server.listen({ port: 8080 });\n`, reports: [CONNECT_STARTED] },
  // Look-alikes: another option of the adapter, another package's adapter of the same name, a local one.
  { title: "a function under another option", code: `import { connectNodeAdapter } from "@connectrpc/connect-node";\n${CONNECT}export const handler = connectNodeAdapter({ routes: () => {}, fallback: (router) => ${SERVICE} });\n`, reports: [] },
  { title: "another package's connectNodeAdapter", code: `import { connectNodeAdapter } from "./adapters";\n${CONNECT}export const handler = connectNodeAdapter({ routes: (router) => ${SERVICE} });\n`, reports: [] },
  { title: "a local register beside no Connect plugin", code: `import { fastify } from "fastify";\n${CONNECT}const server = fastify();\nconst routes = (router) => ${SERVICE};\nawait server.register(async () => {}, { routes });\n`, reports: [] },
]);
