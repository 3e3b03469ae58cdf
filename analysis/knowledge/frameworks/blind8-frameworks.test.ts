// The descriptors added after the eighth blind round (chat-bots.ts, rpc.ts, job-runners.ts,
// service-frameworks.ts): the handlers each finds, the look-alikes it must not find (another object with the
// same method names, a client of the same package), and what a file pays that imports none of their modules.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { handlersOf } from "../../test-utils/handlers-of.js";
import { indexedDescriptorsFor } from "../index.js";
import { mayMatchConvention } from "../../entry-gate.js";
import { parseAnalysisInput } from "../../parse-input.js";

describe("chat bots", () => {
  it("finds Discord.js client listeners, grammY and Telegraf bot listeners and middleware", () => {
    expect(handlersOf(`import { Client, Events } from "discord.js";\nconst client = new Client({ intents: [] });\nclient.on(Events.MessageCreate, async (message) => {});\nclient.once(Events.ClientReady, () => {});`)).toEqual([
      "discord.js: async (message) => {}",
    ]);
    expect(handlersOf(`import { Bot } from "grammy";\nconst bot = new Bot("t");\nbot.on("message:text", async (ctx) => {});\nbot.command("start", (ctx) => {});\nbot.use(async (ctx, next) => next());`)).toEqual([
      "grammy: async (ctx) => {}",
      "grammy: (ctx) => {}",
      "grammy: async (ctx, next) => next()",
    ]);
    expect(handlersOf(`const { Telegraf } = require("telegraf");\nconst bot = new Telegraf("t");\nbot.hears(/hi/, (ctx) => {});\nbot.action("rate", async (ctx) => {});\nbot.launch();`, "src/bot.js")).toEqual([
      "telegraf: (ctx) => {}",
      "telegraf: async (ctx) => {}",
    ]);
  });

  it("does not take another object's on/command, or discord.js's REST client, for a bot", () => {
    expect(handlersOf(`import { EventEmitter } from "node:events";\nconst client = new EventEmitter();\nclient.on("messageCreate", async (message) => {});`)).toEqual([]);
    expect(handlersOf(`const bot = { command(name: string, fn: (ctx: unknown) => void) {} };\nbot.command("start", (ctx) => {});`)).toEqual([]);
    expect(handlersOf(`import { REST, Routes } from "discord.js";\nconst rest = new REST().setToken("t");\nrest.on("response", () => {});`)).toEqual([]);
  });
});

describe("RPC servers and Electron IPC", () => {
  it("finds the methods of a gRPC implementation object, inline or by name, and Connect router.service methods", () => {
    expect(handlersOf(`import * as grpc from "@grpc/grpc-js";\nconst server = new grpc.Server();\nconst impl = { async streamAnswer(call) {} };\nserver.addService(def, { ask(call, callback) {} });\nserver.addService(other, impl);`)).toEqual([
      // Source order; a method's function starts at its parameters.
      "grpc: (call) {}",
      "grpc: (call, callback) {}",
    ]);
    expect(handlersOf(`import type { ConnectRouter } from "@connectrpc/connect";\nexport default (router: ConnectRouter) => router.service(ChatService, { async ask(req) { return {}; } });`)).toEqual([
      "connect-rpc: (req) { return {}; }",
    ]);
    expect(handlersOf(`import { ipcMain } from "electron";\nipcMain.handle("chat:ask", async (_event, question) => question);\nipcMain.on("ping", (event) => {});\nipcMain.handleOnce("init", async () => 1);`)).toEqual([
      "electron-ipc: async (_event, question) => question",
      "electron-ipc: (event) => {}",
    ]);
  });

  it("does not take a gRPC client, another addService or the renderer's ipcRenderer for a server", () => {
    expect(handlersOf(`import * as grpc from "@grpc/grpc-js";\nconst client = new Chat("localhost:50051", grpc.credentials.createInsecure());\nclient.ask({ q: "x" }, (err, reply) => {});`)).toEqual([]);
    expect(handlersOf(`const registry = { addService(name: string, impl: object) {} };\nregistry.addService("chat", { ask(call: unknown) {} });`)).toEqual([]);
    expect(handlersOf(`import { ipcRenderer } from "electron";\nipcRenderer.on("reply", (event, answer) => {});`)).toEqual([]);
  });
});

describe("job runners", () => {
  it("finds pg-boss work, Graphile Worker tasks, Agenda definitions, node-cron ticks and NATS subscription callbacks", () => {
    expect(handlersOf(`import PgBoss from "pg-boss";\nconst boss = new PgBoss("postgres://x");\nawait boss.work("q", { batchSize: 5 }, async (jobs) => {});`)).toEqual(["pg-boss: async (jobs) => {}"]);
    expect(handlersOf(`import { run, type Task } from "graphile-worker";\nconst a: Task = async (payload, helpers) => {};\nawait run({ taskList: { a, b: async (payload) => {} } });`)).toEqual([
      "graphile-worker: async (payload, helpers) => {}",
      "graphile-worker: async (payload) => {}",
    ]);
    expect(handlersOf(`import { Agenda } from "agenda";\nconst agenda = new Agenda({});\nagenda.define("x", async (job) => {});\nagenda.define("y", { concurrency: 2 }, async (job) => {});`)).toEqual([
      "agenda: async (job) => {}",
      "agenda: async (job) => {}",
    ]);
    expect(handlersOf(`import cron from "node-cron";\ncron.schedule("* * * * *", async () => {});`)).toEqual(["node-cron: async () => {}"]);
    expect(handlersOf(`import { connect } from "nats";\nconst nc = await connect({});\nnc.subscribe("x", { queue: "q", callback: (err, msg) => {} });`)).toEqual(["nats: (err, msg) => {}"]);
  });

  it("does not take producers or another object's work/define/schedule for a runner", () => {
    expect(handlersOf(`import PgBoss from "pg-boss";\nconst boss = new PgBoss("postgres://x");\nawait boss.send("q", { a: 1 });`)).toEqual([]);
    expect(handlersOf(`const scheduler = { schedule(expr: string, fn: () => void) {} };\nscheduler.schedule("* * * * *", async () => {});`)).toEqual([]);
    expect(handlersOf(`const agenda = { define(name: string, fn: (job: unknown) => void) {} };\nagenda.define("x", async (job) => {});`)).toEqual([]);
    expect(handlersOf(`import { connect } from "nats";\nconst nc = await connect({});\nnc.publish("x", "payload");`)).toEqual([]);
  });
});

describe("service frameworks", () => {
  it("finds AdonisJS routes and HttpContext-typed controller methods", () => {
    expect(handlersOf(`import router from "@adonisjs/core/services/router";\nrouter.post("/chat", async ({ request }) => {});\nrouter.get("/x", [ChatsController, "index"]);\nrouter.group(() => {});`, "start/routes.ts")).toEqual([
      "adonisjs: async ({ request }) => {}",
    ]);
    expect(handlersOf(`import type { HttpContext } from "@adonisjs/core/http";\nexport default class ChatsController {\n  async store({ request }: HttpContext) {}\n  helper(x: number) {}\n}`, "app/controllers/chats_controller.ts")).toEqual([
      "adonisjs: ({ request }: HttpContext) {}",
    ]);
  });

  it("finds Feathers service methods of an instance or an object, not setup/teardown", () => {
    const code = `import { feathers } from "@feathersjs/feathers";\nimport { koa } from "@feathersjs/koa";\nclass MessageService {\n  async create(data) {}\n  async setup(app) {}\n  static make() {}\n}\nconst app = koa(feathers());\napp.use("messages", new MessageService());\napp.use("todos", { async get(id) {} });`;
    expect(handlersOf(code)).toEqual(["feathers: (data) {}", "feathers: (id) {}"]);
  });

  it("does not take an Express or Koa app.use(path, object) for a Feathers service", () => {
    expect(handlersOf(`import Koa from "koa";\nclass MessageService { async create(data) {} }\nconst app = new Koa();\napp.use(new MessageService());`)).toEqual([]);
    expect(handlersOf(`class MessageService { async create(data) {} }\nconst app = { use(path: string, service: object) {} };\napp.use("messages", new MessageService());`)).toEqual([]);
  });

  it("finds Moleculer actions, shorthand and { handler } form, not another createService", () => {
    expect(handlersOf(`import { ServiceBroker } from "moleculer";\nconst broker = new ServiceBroker();\nbroker.createService({ name: "chat", actions: { add(ctx) {}, ask: { params: {}, async handler(ctx) {} } } });`)).toEqual([
      "moleculer: (ctx) {}",
      "moleculer: (ctx) {}",
    ]);
    expect(handlersOf(`const broker = { createService(schema: object) {} };\nbroker.createService({ name: "chat", actions: { add(ctx) {} } });`)).toEqual([]);
  });

  it("finds Qwik City route handlers and server callbacks, SolidStart verb exports, by path", () => {
    expect(handlersOf(`export const onPost = async ({ json }) => { json(200, {}); };\nexport const helper = () => 1;`, "src/routes/api/chat/index.ts")).toEqual([
      "qwik-city: async ({ json }) => { json(200, {}); }",
    ]);
    expect(handlersOf(`import { routeLoader$, server$ } from "@builder.io/qwik-city";\nexport const useThread = routeLoader$(async (requestEvent) => 1);\nconst ask = server$(async function (q) { return q; });`, "src/routes/threads/[id]/index.tsx")).toEqual([
      "qwik-city: async (requestEvent) => 1",
      "qwik-city: async function (q) { return q; }",
    ]);
    expect(handlersOf(`export async function POST(event) { return new Response("ok"); }`, "src/routes/chat.ts")).toEqual([
      'solid-start: async function POST(event) { return new Response("ok"); }',
    ]);
  });

  it("does not take an onGet export outside src/routes, or a component file's helpers, for a route handler", () => {
    expect(handlersOf(`export const onGet = async () => 1;`, "src/lib/fetchers.ts")).toEqual([]);
    expect(handlersOf(`export async function POST() { return 1; }`, "src/components/form.ts")).toEqual([]);
    // SvelteKit's `+`-prefixed route files are SvelteKit's: a `+page.ts` is no SolidStart route, nor does it pass the gate for one.
    expect(handlersOf(`export function GET() { return new Response("x"); }`, "src/routes/blog/+page.ts")).toEqual([]);
    expect(mayMatchConvention(parseAnalysisInput(`export const load = () => ({});`, "src/routes/blog/+page.ts"))).toBe(false);
    expect(mayMatchConvention(parseAnalysisInput(`export function GET() {}`, "src/routes/blog/feed.ts"))).toBe(true);
  });
});

describe("route-file paths as common as src/routes/**", () => {
  /** `handlersOf` a file at `path` in a project on disk whose package.json names `dependencies`. */
  const inProject = (dependencies: Record<string, string>, path: string, code: string): string[] => {
    const root = mkdtempSync(join(tmpdir(), "hh-routes-"));
    try {
      writeFileSync(join(root, "package.json"), JSON.stringify({ name: "app", dependencies }));
      mkdirSync(join(root, path, ".."), { recursive: true });
      writeFileSync(join(root, path), code);
      return handlersOf(code, join(root, path));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
  const GET = `export async function GET() { return new Response("ok"); }\nexport const onGet = async () => {};`;

  it("are SolidStart's and Qwik City's only in a project that depends on them (an Express app's src/routes/ modules are not)", () => {
    expect(inProject({ express: "^5.1.0" }, "src/routes/feed.ts", GET)).toEqual([]);
    expect(inProject({ express: "^5.1.0" }, "src/routes/api/index.ts", GET)).toEqual([]);
    expect(inProject({ "@solidjs/start": "^1.1.0" }, "src/routes/feed.ts", GET)).toEqual(['solid-start: async function GET() { return new Response("ok"); }']);
    expect(inProject({ "@builder.io/qwik-city": "^1.9.0" }, "src/routes/api/index.ts", GET)).toEqual(["qwik-city: async () => {}"]);
  });

  it("hold in a file that imports the framework, whatever the package.json says", () => {
    expect(inProject({}, "src/routes/feed.ts", `import type { APIEvent } from "@solidjs/start/server";\n${GET}`)).toEqual(['solid-start: async function GET() { return new Response("ok"); }']);
  });
});

describe("the knowledge index", () => {
  it("reads each new descriptor only for a file that imports one of its modules", () => {
    const ids = (modules: string[]): string[] => indexedDescriptorsFor(new Set(modules)).map((descriptor) => descriptor.id);
    expect(ids(["discord.js"])).toEqual(["discord.js"]);
    expect(ids(["grammy", "telegraf"])).toEqual(["grammy", "telegraf"]);
    expect(ids(["@grpc/grpc-js", "@connectrpc/connect", "electron"])).toEqual(["grpc", "connect-rpc", "electron-ipc"]);
    expect(ids(["pg-boss", "graphile-worker", "agenda", "node-cron", "nats"])).toEqual(["pg-boss", "graphile-worker", "agenda", "node-cron", "nats"]);
    expect(ids(["@adonisjs/core/services/router", "@feathersjs/feathers", "moleculer", "@builder.io/qwik-city"])).toEqual(["adonisjs", "feathers", "moleculer", "qwik-city"]);
    // A file that imports none of them reads none of them.
    expect(ids(["lodash", "zod", "@grpc/proto-loader", "discord-api-types/v10"])).toEqual([]);
  });
});
