// The rules on the frameworks added after the eighth blind round (analysis/knowledge/frameworks/chat-bots.ts,
// rpc.ts, job-runners.ts, service-frameworks.ts): what each descriptor's handlers report, and look-alikes
// (another object with the same method names, what the server itself sets) that stay quiet.
import { describe, expect, it } from "vitest";
import sessionIdRule, { RULE_NAME as SESSION_ID_RULE } from "./require-valid-session-id.js";
import initRule, { RULE_NAME as INIT_RULE } from "./no-tracer-init-in-handler.js";
import sessionStartRule, { RULE_NAME as SESSION_START_RULE } from "./no-session-start-in-handler.js";
import flushRule, { RULE_NAME as FLUSH_RULE } from "./require-force-flush-in-lambda.js";
import { parseNitroPreset, parseNitroPresetEnv } from "../analysis/knowledge/frameworks/server-adapters-config.js";
import { type AnyRule, type Case, lintCase, showMessages } from "./test-utils/blind-cases.js";

const HH = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
const link = (id: string): string => `tracer.createSession({ sessionId: ${id}, skipApiCall: true });`;

/** The number of reports of `rule` on `code` linted as `filename`. */
function reports(ruleName: string, rule: AnyRule, code: string, filename = "src/server.ts", files?: Case["files"]): number {
  const messages = lintCase(ruleName, rule, { name: ruleName, code, filename, ...(files === undefined ? {} : { files }) });
  expect(messages.some((message) => message.fatal === true), showMessages(messages)).toBe(false);
  return messages.filter((message) => message.ruleId === `honeyhive/${ruleName}`).length;
}
const sid = (code: string, filename?: string): number => reports(SESSION_ID_RULE, sessionIdRule as AnyRule, HH + code, filename);

describe(`${SESSION_ID_RULE}: client input of the new descriptors`, () => {
  it("reads a Discord message, a grammY/Telegraf update, an RPC request and an IPC argument as client input", () => {
    expect(sid(`import { Client, Events } from "discord.js";\nconst client = new Client({ intents: [] });\nclient.on(Events.MessageCreate, async (message) => { ${link("message.channelId")} });`)).toBe(1);
    expect(sid(`import { Bot } from "grammy";\nconst bot = new Bot("t");\nbot.on("message", async (ctx) => { ${link("String(ctx.chat.id)")} });`)).toBe(1);
    expect(sid(`import { Telegraf } from "telegraf";\nconst bot = new Telegraf("t");\nbot.command("resume", async (ctx) => { ${link("ctx.payload")} });`)).toBe(1);
    expect(sid(`import * as grpc from "@grpc/grpc-js";\nconst server = new grpc.Server();\nserver.addService(def, { async ask(call, callback) { ${link("call.request.sessionId")} callback(null, {}); } });`)).toBe(1);
    expect(sid(`import type { ConnectRouter } from "@connectrpc/connect";\nexport default (router: ConnectRouter) => router.service(S, { async ask(req) { ${link("req.sessionId")} return {}; } });`)).toBe(1);
    expect(sid(`import { ipcMain } from "electron";\nipcMain.handle("ask", async (_event, sessionId: string) => { ${link("sessionId")} });`)).toBe(1);
  });

  it("stays quiet on the same shapes on another object, and on what the server itself holds", () => {
    expect(sid(`import { EventEmitter } from "node:events";\nconst client = new EventEmitter();\nclient.on("messageCreate", async (message) => { ${link("message.channelId")} });`)).toBe(0);
    expect(sid(`import { Bot } from "grammy";\nconst bot = new Bot("t");\nbot.on("message", async (ctx) => { ${link("ctx.session.id")} });`)).toBe(0);
    expect(sid(`const registry = { addService(name: string, impl: object) {} };\nregistry.addService("chat", { async ask(call: { request: { sessionId: string } }) { ${link("call.request.sessionId")} } });`)).toBe(0);
    expect(sid(`import { ipcRenderer } from "electron";\nipcRenderer.on("reply", async (_event, sessionId: string) => { ${link("sessionId")} });`)).toBe(0);
  });

  it("reads Feathers data/id/params.query and Moleculer ctx.params, not params.user or ctx.meta", () => {
    const feathers = (method: string, id: string): string =>
      `import { feathers } from "@feathersjs/feathers";\nclass Messages {\n  async ${method} { ${link(id)} return {}; }\n}\nconst app = feathers();\napp.use("messages", new Messages());`;
    expect(sid(feathers("create(data, params)", "data.sessionId"))).toBe(1);
    expect(sid(feathers("find(params)", "params.query.sessionId"))).toBe(1);
    expect(sid(feathers("patch(id, data, params)", "data.sessionId"))).toBe(1);
    expect(sid(feathers("create(data, params)", "params.user.sessionId"))).toBe(0);
    const moleculer = (id: string): string =>
      `import { ServiceBroker } from "moleculer";\nconst broker = new ServiceBroker();\nbroker.createService({ name: "chat", actions: { async ask(ctx) { ${link(id)} } } });`;
    expect(sid(moleculer("ctx.params.sessionId"))).toBe(1);
    expect(sid(moleculer("ctx.meta.sessionId"))).toBe(0);
  });

  it("reads AdonisJS request input, Qwik City request events and actions, SolidStart requests", () => {
    expect(sid(`import router from "@adonisjs/core/services/router";\nrouter.post("/chat", async ({ request }) => { ${link('request.input("sessionId")')} });`, "start/routes.ts")).toBe(1);
    expect(sid(`import { routeAction$ } from "@builder.io/qwik-city";\nexport const useAsk = routeAction$(async (data) => { ${link("String(data.sessionId)")} return {}; });`, "src/routes/index.tsx")).toBe(1);
    expect(sid(`import { routeLoader$ } from "@builder.io/qwik-city";\nexport const useT = routeLoader$(async (requestEvent) => { ${link("requestEvent.params.threadId")} return {}; });`, "src/routes/t/[threadId]/index.tsx")).toBe(1);
    expect(sid(`export async function POST(event) {\n  const body = await event.request.json();\n  ${link("body.sessionId")}\n  return new Response("ok");\n}`, "src/routes/chat.ts")).toBe(1);
    // The app's own value in a routed file is not the client's.
    expect(sid(`import { randomUUID } from "node:crypto";\nexport async function POST(event) {\n  ${link("randomUUID()")}\n  return new Response("ok");\n}`, "src/routes/chat.ts")).toBe(0);
  });

  it("takes no job payload of the new runners for client input", () => {
    expect(sid(`import PgBoss from "pg-boss";\nconst boss = new PgBoss("x");\nawait boss.work("q", async ([job]) => { ${link("job.data.sessionId")} });`)).toBe(0);
    expect(sid(`import { Agenda } from "agenda";\nconst agenda = new Agenda({});\nagenda.define("x", async (job) => { ${link("job.attrs.data.sessionId")} });`)).toBe(0);
  });
});

describe(`${INIT_RULE} and ${SESSION_START_RULE} on the new descriptors`, () => {
  const init = (code: string): number => reports(INIT_RULE, initRule as AnyRule, `import { HoneyHiveTracer } from "honeyhive";\n${code}`);
  const start = (code: string): number => reports(SESSION_START_RULE, sessionStartRule as AnyRule, HH + code);
  const MAKE = `const t = HoneyHiveTracer.init({ project: "p" }); t.createSession();`;

  it("reports a tracer made per event, call or job, not one made on a look-alike's callback", () => {
    expect(init(`import { ipcMain } from "electron";\nipcMain.handle("ask", async () => { ${MAKE} });`)).toBe(1);
    expect(init(`import cron from "node-cron";\ncron.schedule("* * * * *", async () => { ${MAKE} });`)).toBe(1);
    expect(init(`import { connect } from "nats";\nconst nc = await connect({});\nnc.subscribe("x", { callback: async () => { ${MAKE} } });`)).toBe(1);
    expect(init(`const scheduler = { schedule(expr: string, fn: () => void) {} };\nscheduler.schedule("* * * * *", async () => { ${MAKE} });`)).toBe(0);
  });

  it("reports sessionStart() on the shared tracer in concurrent listeners and overlapping node-cron ticks, not under noOverlap: true", () => {
    expect(start(`import { Agenda } from "agenda";\nconst agenda = new Agenda({});\nagenda.define("x", async () => { tracer.sessionStart(); });`)).toBe(1);
    expect(start(`import { Bot } from "grammy";\nconst bot = new Bot("t");\nbot.command("x", async () => { tracer.sessionStart(); });`)).toBe(1);
    // node-cron's ticks overlap by default (`noOverlap` defaults to false): a slow tick races the next.
    expect(start(`import cron from "node-cron";\ncron.schedule("* * * * *", async () => { tracer.sessionStart(); });`)).toBe(1);
    expect(start(`import cron from "node-cron";\ncron.schedule("* * * * *", async () => { tracer.sessionStart(); }, { noOverlap: false });`)).toBe(1);
    expect(start(`import cron from "node-cron";\ncron.schedule("* * * * *", async () => { tracer.sessionStart(); }, { noOverlap: true, name: "digest" });`)).toBe(0);
    expect(start(`import { createTask } from "node-cron";\nconst task = createTask("* * * * *", async () => { tracer.sessionStart(); }, { noOverlap: true });\ntask.start();`)).toBe(0);
  });
});

describe(`${FLUSH_RULE}: Nitro presets and Qwik City adapters that deploy to a serverless platform`, () => {
  const TRACES = `${HH}`;
  const flush = (code: string, filename: string, files: Case["files"]): number => reports(FLUSH_RULE, flushRule as AnyRule, TRACES + code, filename, files);
  const nitro = (config: string): Case["files"] => ({ "package.json": JSON.stringify({ name: "app", dependencies: { honeyhive: "^2.0.0", nitropack: "^2.12.0" } }), "nitro.config.ts": config });
  const HANDLER = `export default defineEventHandler(async (event) => {\n  tracer.createSession({ sessionName: "x" });\n  return { ok: true };\n});\n`;

  it("reads the preset a nitro.config or nuxt.config names", () => {
    expect(parseNitroPreset(`export default defineNitroConfig({ srcDir: "server", preset: "vercel" });`)).toBe("vercel");
    expect(parseNitroPreset(`export default defineNuxtConfig({ nitro: { preset: 'vercel_edge' } });`)).toBe("vercel-edge");
    expect(parseNitroPreset(`export default defineNitroConfig({ srcDir: "server" });`)).toBeUndefined();
  });

  it("reports an unflushed Nitro handler under a serverless preset, not under a server preset or none", () => {
    expect(flush(HANDLER, "server/api/chat.post.ts", nitro(`export default defineNitroConfig({ srcDir: "server", preset: "vercel" });\n`))).toBe(1);
    expect(flush(HANDLER, "server/api/chat.post.ts", nitro(`export default defineNitroConfig({ srcDir: "server", preset: "node-server" });\n`))).toBe(0);
    expect(flush(HANDLER, "server/api/chat.post.ts", nitro(`export default defineNitroConfig({ srcDir: "server" });\n`))).toBe(0);
  });

  // fix-blind8-rest: `NITRO_PRESET` set in a package.json script, vercel.json's build env or netlify.toml, when no config names a preset.
  it("reads NITRO_PRESET from the build settings when no config names a preset", () => {
    expect(parseNitroPresetEnv(`{ "scripts": { "build": "NITRO_PRESET=vercel_edge nuxt build" } }`)).toBe("vercel-edge");
    expect(parseNitroPresetEnv(`{ "build": { "env": { "NITRO_PRESET": "vercel" } } }`)).toBe("vercel");
    expect(parseNitroPresetEnv(`[build.environment]\n  NITRO_PRESET = "netlify"\n`)).toBe("netlify");
    expect(parseNitroPresetEnv(`{ "scripts": { "build": "nuxt build" } }`)).toBeUndefined();
    const config = `export default defineNitroConfig({ srcDir: "server" });\n`;
    const pkg = (script: string) => JSON.stringify({ name: "app", scripts: { build: script }, dependencies: { honeyhive: "^2.0.0", nitropack: "^2.12.0" } });
    expect(flush(HANDLER, "server/api/chat.post.ts", { "package.json": pkg("NITRO_PRESET=vercel nitro build"), "nitro.config.ts": config })).toBe(1);
    expect(flush(HANDLER, "server/api/chat.post.ts", { ...nitro(config), "netlify.toml": `[build.environment]\nNITRO_PRESET = "netlify"\n` })).toBe(1);
    expect(flush(HANDLER, "server/api/chat.post.ts", { "package.json": pkg("NITRO_PRESET=node-server nitro build"), "nitro.config.ts": config })).toBe(0);
    // The config's own preset is read first.
    expect(flush(HANDLER, "server/api/chat.post.ts", { "package.json": pkg("NITRO_PRESET=vercel nitro build"), "nitro.config.ts": `export default defineNitroConfig({ preset: "node-server" });\n` })).toBe(0);
  });

  it("reports an unflushed Qwik City route handler with the Vercel Edge adapter, not with the Express adapter", () => {
    const route = `export const onPost = async ({ json }) => {\n  tracer.createSession({ sessionName: "x" });\n  json(200, {});\n};\n`;
    const qwik = (adapter: string): Case["files"] => ({
      "package.json": JSON.stringify({ name: "app", dependencies: { honeyhive: "^2.0.0", "@builder.io/qwik-city": "^1.14.0" } }),
      [`adapters/${adapter}/vite.config.ts`]: "export default {};\n",
    });
    expect(flush(route, "src/routes/api/chat/index.ts", qwik("vercel-edge"))).toBe(1);
    expect(flush(route, "src/routes/api/chat/index.ts", qwik("express"))).toBe(0);
  });
});
