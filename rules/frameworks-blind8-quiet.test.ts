// Look-alikes of the descriptors merged after the eighth blind round (chat-bots.ts, slack-bolt.ts, rpc.ts,
// job-runners.ts, service-frameworks.ts) and of fix-blind8-defects' new sources (Azure v3 context,
// Socket.IO io.use): startup code of those apps (run once), the correct per-job pattern, the runtime's own
// ids, and user classes with the descriptors' method names. The bar is `recommended`'s: none is reported.
import { describe, expect, it } from "vitest";
import sessionIdRule, { RULE_NAME as SESSION_ID_RULE } from "./require-valid-session-id.js";
import initRule, { RULE_NAME as INIT_RULE } from "./no-tracer-init-in-handler.js";
import sessionStartRule, { RULE_NAME as SESSION_START_RULE } from "./no-session-start-in-handler.js";
import { type AnyRule, type Case, lintCase, showMessages } from "./test-utils/blind-cases.js";

const HH = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;

/** The number of reports of `rule` on `code` linted as `filename`. */
function reports(ruleName: string, rule: AnyRule, code: string, filename = "src/server.ts", files?: Case["files"]): number {
  const messages = lintCase(ruleName, rule, { name: ruleName, code, filename, ...(files === undefined ? {} : { files }) });
  expect(messages.some((message) => message.fatal === true), showMessages(messages)).toBe(false);
  return messages.filter((message) => message.ruleId === `honeyhive/${ruleName}`).length;
}
const init = (code: string): number => reports(INIT_RULE, initRule as AnyRule, `import { HoneyHiveTracer } from "honeyhive";\nlet tracer: HoneyHiveTracer | undefined;\n${code}`);
const start = (code: string): number => reports(SESSION_START_RULE, sessionStartRule as AnyRule, HH + code);
const sid = (code: string, filename?: string, files?: Case["files"]): number => reports(SESSION_ID_RULE, sessionIdRule as AnyRule, HH + code, filename, files);
const MAKE = `tracer = HoneyHiveTracer.init({ project: "p" });`;

describe(`${INIT_RULE}: a tracer made once at startup of the new descriptors' apps`, () => {
  it.each([
    ["Discord ready (once)", `import { Client, Events } from "discord.js";\nconst client = new Client({ intents: [] });\nclient.once(Events.ClientReady, () => { ${MAKE} });`],
    ["Discord ready (on, literal)", `import { Client } from "discord.js";\nconst client = new Client({ intents: [] });\nclient.on("ready", () => { ${MAKE} });`],
    ["Discord ready (on, Events.ClientReady)", `import { Client, Events } from "discord.js";\nconst client = new Client({ intents: [] });\nclient.on(Events.ClientReady, () => { ${MAKE} });`],
    ["Discord on an event named by a variable", `import { Client } from "discord.js";\nconst client = new Client({ intents: [] });\nconst READY = "ready";\nclient.on(READY, () => { ${MAKE} });`],
    ["Discord on an own Events object's member", `import { Client } from "discord.js";\nconst Events = { MessageCreate: "ready" };\nconst client = new Client({ intents: [] });\nclient.on(Events.MessageCreate, () => { ${MAKE} });`],
    ["Discord ready (on, namespace Events)", `import * as Discord from "discord.js";\nconst client = new Discord.Client({ intents: [] });\nclient.on(Discord.Events.ClientReady, () => { ${MAKE} });`],
    ["Slack app.start().then", `import { App } from "@slack/bolt";\nconst app = new App({ token: "t", signingSecret: "s" });\napp.start(3000).then(() => { ${MAKE} });`],
    ["Slack await app.start() in an IIFE", `import { App } from "@slack/bolt";\nconst app = new App({ token: "t", signingSecret: "s" });\n(async () => { await app.start(3000); ${MAKE} })();`],
    ["Electron app.whenReady().then", `import { app, ipcMain } from "electron";\napp.whenReady().then(() => { ${MAKE} });\nipcMain.handle("ask", async () => tracer?.createSession());`],
    ["Electron app.on('ready')", `import { app } from "electron";\napp.on("ready", () => { ${MAKE} });`],
    ["gRPC bindAsync callback", `import * as grpc from "@grpc/grpc-js";\nconst server = new grpc.Server();\nserver.bindAsync("0.0.0.0:50051", grpc.ServerCredentials.createInsecure(), () => { ${MAKE} });`],
    ["Telegraf bot.launch().then", `import { Telegraf } from "telegraf";\nconst bot = new Telegraf("t");\nbot.launch().then(() => { ${MAKE} });`],
    ["grammY bot.start({ onStart })", `import { Bot } from "grammy";\nconst bot = new Bot("t");\nbot.start({ onStart: () => { ${MAKE} } });`],
    ["Moleculer service started()", `import { ServiceBroker } from "moleculer";\nconst broker = new ServiceBroker();\nbroker.createService({ name: "chat", started() { ${MAKE} }, actions: { ask() { return 1; } } });`],
    ["Feathers service setup()", `import { feathers } from "@feathersjs/feathers";\nclass Messages {\n  async setup() { ${MAKE} }\n  async find() { return []; }\n}\nconst app = feathers();\napp.use("messages", new Messages());`],
  ])("%s", (_name, code) => expect(init(code)).toBe(0));
});

describe(`${INIT_RULE}: Discord's per-message and per-interaction events stay handlers`, () => {
  it.each([
    ["literal messageCreate", `import { Client } from "discord.js";\nconst client = new Client({ intents: [] });\nclient.on("messageCreate", () => { ${MAKE} });`],
    ["Events.InteractionCreate", `import { Client, Events } from "discord.js";\nconst client = new Client({ intents: [] });\nclient.on(Events.InteractionCreate, () => { ${MAKE} });`],
    ["namespace Discord.Events.MessageReactionAdd", `import * as Discord from "discord.js";\nconst client = new Discord.Client({ intents: [] });\nclient.on(Discord.Events.MessageReactionAdd, () => { ${MAKE} });`],
    ["require'd Events.MessageCreate", `const { Client, Events } = require("discord.js");\nconst client = new Client({ intents: [] });\nclient.on(Events.MessageCreate, () => { ${MAKE} });`],
  ])("%s", (_name, code) => expect(init(code)).toBe(1));
});

describe(`${INIT_RULE} and ${SESSION_START_RULE}: user objects with the descriptors' method names`, () => {
  it.each([
    ["router.service of an own class", `class Router { service(name: string, impl: object) {} }\nconst router = new Router();\nrouter.service("chat", { ask() { ${MAKE} } });`],
    ["bot.command of an own class", `class Bot { command(name: string, fn: () => void) {} }\nconst bot = new Bot();\nbot.command("x", () => { ${MAKE} });`],
    ["client.on of an own emitter", `import { EventEmitter } from "node:events";\nconst client = new EventEmitter();\nclient.on("messageCreate", () => { ${MAKE} });`],
    ["agenda.define of a plain object", `const agenda = { define(name: string, fn: () => void) {} };\nagenda.define("x", () => { ${MAKE} });`],
    ["ipcMain of another module", `import { ipcMain } from "./ipc";\nipcMain.handle("x", () => { ${MAKE} });`],
    ["broker.createService of another package", `import { ServiceBroker } from "./broker";\nconst broker = new ServiceBroker();\nbroker.createService({ actions: { ask() { ${MAKE} } } });`],
  ])("init: %s", (_name, code) => expect(init(code)).toBe(0));

  it.each([
    ["router.service of an own class", `class Router { service(name: string, impl: object) {} }\nconst router = new Router();\nrouter.service("chat", { ask() { tracer.sessionStart(); } });`],
    ["bot.command of an own class", `class Bot { command(name: string, fn: () => void) {} }\nconst bot = new Bot();\nbot.command("x", () => { tracer.sessionStart(); });`],
    ["server.addService of an own registry", `const server = { addService(def: object, impl: object) {} };\nserver.addService({}, { ask() { tracer.sessionStart(); } });`],
  ])("sessionStart: %s", (_name, code) => expect(start(code)).toBe(0));
});

describe(`${SESSION_START_RULE}: the correct pattern in jobs and listeners (a session per job)`, () => {
  it.each([
    ["node-cron createSession per tick", `import cron from "node-cron";\ncron.schedule("*/5 * * * *", async () => { tracer.createSession({ sessionName: "digest" }); });`],
    ["node-cron sessionStart under noOverlap: true", `import cron from "node-cron";\ncron.schedule("*/5 * * * *", async () => { tracer.sessionStart({ sessionName: "digest" }); }, { noOverlap: true });`],
    ["node-cron withSession per tick", `import cron from "node-cron";\ncron.schedule("*/5 * * * *", () => tracer.withSession("digest", async () => {}));`],
    ["Agenda createSession per job", `import { Agenda } from "agenda";\nconst agenda = new Agenda({});\nagenda.define("digest", async (job) => { tracer.createSession({ sessionName: job.attrs.name }); });`],
    ["pg-boss createSession per batch", `import PgBoss from "pg-boss";\nconst boss = new PgBoss("x");\nawait boss.work("q", async ([job]) => { tracer.createSession({ sessionName: job.name }); });`],
    ["Discord createSession per message", `import { Client, Events } from "discord.js";\nconst client = new Client({ intents: [] });\nclient.on(Events.MessageCreate, async () => { tracer.createSession(); });`],
    ["sessionStart once at Discord ready", `import { Client, Events } from "discord.js";\nconst client = new Client({ intents: [] });\nclient.on(Events.ClientReady, () => { tracer.sessionStart(); });`],
    ["Telegraf bot.context of another bot's module", `import { Telegraf } from "./bot";\nconst bot = new Telegraf("t");\nbot.context.tracer = tracer;\nbot.on("text", (ctx) => { ctx.tracer.sessionStart(); });`],
    ["sessionStart once after Slack start", `import { App } from "@slack/bolt";\nconst app = new App({ token: "t", signingSecret: "s" });\nawait app.start(3000);\ntracer.sessionStart();`],
  ])("%s", (_name, code) => expect(start(code)).toBe(0));
});

describe(`${SESSION_ID_RULE}: runtime ids and server-held values are not client input`, () => {
  const AZURE_V3 = {
    "package.json": JSON.stringify({ name: "app", private: true, dependencies: { honeyhive: "^2.0.0", "@azure/functions": "^3.5.1" } }),
    "host.json": `{ "version": "2.0" }\n`,
    "Chat/function.json": JSON.stringify({ bindings: [{ type: "httpTrigger", direction: "in", name: "req" }, { type: "http", direction: "out", name: "res" }] }),
  };
  /** `read` as the session id of an Azure v3 function; `read` may start with statements (`const { x } = …; x`). */
  const azure = (read: string): string => {
    const cut = read.lastIndexOf("; ");
    const [before, value] = cut < 0 ? ["", read] : [`${read.slice(0, cut + 1)}\n  `, read.slice(cut + 2)];
    return `import type { AzureFunction, Context, HttpRequest } from "@azure/functions";\nconst run: AzureFunction = async function (context: Context, req: HttpRequest): Promise<void> {\n  ${before}tracer.createSession({ sessionId: ${value}, skipApiCall: true });\n  await tracer.forceFlush();\n  context.res = { status: 200 };\n};\nexport default run;`;
  };
  it.each([
    "context.invocationId",
    "context.bindingData.invocationId",
    "context.bindingData.sys.randGuid",
    "context.traceContext.traceparent",
    "const { invocationId } = context.bindingData; invocationId",
    "const { bindingData } = context; bindingData.invocationId",
    "const { bindingData: { sys } } = context; sys.randGuid",
  ])("Azure v3 %s", (read) =>
    expect(sid(azure(read), "Chat/index.ts", AZURE_V3)).toBe(0),
  );
  it.each([
    "context.bindingData.sessionId",
    "String(context.bindingData.query.sessionId)",
    "const { bindingData } = context; bindingData.sessionId",
    "const { sessionId } = context.bindingData; sessionId",
  ])("still reads a route parameter or query of bindingData: %s", (read) => expect(sid(azure(read), "Chat/index.ts", AZURE_V3)).toBe(1));

  it.each([
    ["io.use socket.data", `import { Server } from "socket.io";\nconst io = new Server(3000);\nio.use((socket, next) => { tracer.createSession({ sessionId: socket.data.sessionId, skipApiCall: true }); next(); });`],
    ["io.use socket.id-derived id", `import { Server } from "socket.io";\nimport { toSessionId } from "honeyhive";\nconst io = new Server(3000);\nio.use((socket, next) => { tracer.createSession({ sessionId: toSessionId(socket.id), skipApiCall: true }); next(); });`],
    ["gRPC call.getPeer() through toSessionId", `import * as grpc from "@grpc/grpc-js";\nimport { toSessionId } from "honeyhive";\nconst server = new grpc.Server();\nserver.addService(def, { ask(call, callback) { tracer.createSession({ sessionId: toSessionId(call.getPeer()) }); callback(null, {}); } });`],
    ["Discord ready's client.user.id via toSessionId", `import { Client, Events } from "discord.js";\nimport { toSessionId } from "honeyhive";\nconst client = new Client({ intents: [] });\nclient.on(Events.ClientReady, (c) => { tracer.createSession({ sessionId: toSessionId(c.user.id) }); });`],
    ["Electron ipcMain: a UUID the main process made", `import { ipcMain } from "electron";\nimport { randomUUID } from "node:crypto";\nipcMain.handle("ask", async (_event, question: string) => { tracer.createSession({ sessionId: randomUUID() }); return question; });`],
    ["own bot.command with a string", `class Bot { command(name: string, fn: (ctx: { payload: string }) => void) {} }\nconst bot = new Bot();\nbot.command("x", (ctx) => { tracer.createSession({ sessionId: ctx.payload, skipApiCall: true }); });`],
    ["Electron ipcMain: the sender's frame process id is the main process's", `import { ipcMain } from "electron";\nimport { toSessionId } from "honeyhive";\nipcMain.handle("ask", async (event) => { tracer.createSession({ sessionId: String(event.processId), skipApiCall: true }); });`],
    ["Moleculer ctx.meta set by the gateway", `import { ServiceBroker } from "moleculer";\nconst broker = new ServiceBroker();\nbroker.createService({ name: "chat", actions: { ask: { handler(ctx) { tracer.createSession({ sessionId: ctx.meta.sessionId, skipApiCall: true }); } } } });`],
    ["Feathers params.user (set by authentication)", `import { feathers } from "@feathersjs/feathers";\nconst app = feathers();\napp.use("messages", { async create(data, params) { tracer.createSession({ sessionId: params.user.sessionId, skipApiCall: true }); return data; } });`],
    ["own router.service with a request", `class Router { service(name: string, impl: object) {} }\nconst router = new Router();\nrouter.service("chat", { ask(req: { sessionId: string }) { tracer.createSession({ sessionId: req.sessionId, skipApiCall: true }); } });`],
  ])("%s", (_name, code) => expect(sid(code)).toBe(0));
});

describe(`${SESSION_START_RULE}: what the docs say of Telegraf's bot.context`, () => {
  it("reads ctx.tracer of a tracer stored once on bot.context as the shared tracer", () => {
    expect(start(`import { Telegraf } from "telegraf";\nconst bot = new Telegraf("t");\nbot.context.tracer = tracer;\nbot.on("text", (ctx) => { ctx.tracer.sessionStart(); });`)).toBe(1);
  });
});
