// The descriptors of MCP servers (mcp.ts), Inngest functions (inngest.ts), Temporal's activities
// (temporal.ts) and Pothos resolvers (pothos.ts): the handlers each finds, and the look-alikes it must not find.
import { describe, expect, it } from "vitest";
import { handlersOf } from "../../test-utils/handlers-of.js";

describe("MCP servers (@modelcontextprotocol/sdk)", () => {
  it("finds the callbacks of McpServer's tool/prompt/resource registrations, whatever their position", () => {
    const code = `
      import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
      import { z } from "zod";
      const server = new McpServer({ name: "s", version: "1.0.0" });
      server.tool("ping", async () => ({ content: [] }));
      server.tool("ask", { q: z.string() }, async ({ q }) => ({ content: [] }));
      server.tool("ask2", "Asks", { q: z.string() }, async function ask2(args) { return { content: [] }; });
      server.registerTool("search", { inputSchema: { q: z.string() } }, async (args, extra) => ({ content: [] }));
      server.registerPrompt("review", { argsSchema: { code: z.string() } }, ({ code }) => ({ messages: [] }));
      server.registerResource("cfg", "config://app", { title: "Config" }, async (uri) => ({ contents: [] }));
    `;
    expect(handlersOf(code)).toEqual([
      "mcp-server: async () => ({ content: [] })",
      "mcp-server: async ({ q }) => ({ content: [] })",
      "mcp-server: async function ask2(args) { return { content: [] }; }",
      "mcp-server: async (args, extra) => ({ content: [] })",
      "mcp-server: ({ code }) => ({ messages: [] })",
      "mcp-server: async (uri) => ({ contents: [] })",
    ]);
  });

  it("finds the handler of the low-level Server's setRequestHandler, also through mcpServer.server", () => {
    const code = `
      import { Server } from "@modelcontextprotocol/sdk/server/index.js";
      import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
      import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
      const low = new Server({ name: "s", version: "1" }, { capabilities: { tools: {} } });
      low.setRequestHandler(CallToolRequestSchema, async (request) => ({ content: [] }));
      const high = new McpServer({ name: "h", version: "1" });
      high.server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: [] }));
    `;
    expect(handlersOf(code)).toEqual(["mcp-server: async (request) => ({ content: [] })", "mcp-server: async () => ({ tools: [] })"]);
  });

  it("does not take another object's tool() or a local McpServer class for the SDK's", () => {
    expect(handlersOf(`const server = { tool(name: string, fn: () => void) {} };\nserver.tool("x", async () => {});`)).toEqual([]);
    expect(handlersOf(`class McpServer { tool(n: string, f: () => void) {} }\nnew McpServer().tool("x", async () => {});`)).toEqual([]);
    expect(handlersOf(`import { Client } from "@modelcontextprotocol/sdk/client/index.js";\nconst client = new Client({ name: "c", version: "1" });\nclient.setRequestHandler(Schema, async () => ({}));`)).toEqual([]);
  });
});

describe("Inngest functions", () => {
  it("finds the handler of createFunction in the v3 (configuration, trigger, handler) and v4 (configuration, handler) forms", () => {
    const code = `
      import { Inngest } from "inngest";
      const inngest = new Inngest({ id: "app" });
      export const a = inngest.createFunction({ id: "a" }, { event: "x/y" }, async ({ event, step }) => event.data);
      export const b = inngest.createFunction({ id: "b", triggers: { cron: "0 * * * *" } }, async ({ step }) => 1);
    `;
    expect(handlersOf(code)).toEqual(["inngest: async ({ event, step }) => event.data", "inngest: async ({ step }) => 1"]);
  });

  it("finds it on the client imported under Inngest's documented name from the project's client module", () => {
    const code = `import { inngest } from "./client";\nexport default inngest.createFunction({ id: "a" }, { event: "x/y" }, async ({ event }) => event);`;
    expect(handlersOf(code, "src/inngest/functions.ts")).toEqual(["inngest: async ({ event }) => event"]);
    expect(handlersOf(code.replace("./client", "@/inngest/client"))).toEqual(["inngest: async ({ event }) => event"]);
    expect(handlersOf(code.replace("./client", "../lib/inngest"))).toEqual(["inngest: async ({ event }) => event"]);
  });

  it("does not take another module's `inngest` or a local object's createFunction for the SDK's", () => {
    expect(handlersOf(`import { inngest } from "./analytics";\ninngest.createFunction({ id: "a" }, { event: "x" }, async () => 1);`)).toEqual([]);
    // Only `./client` itself among the modules named `client`: `../client` and `./api/client` are other clients.
    expect(handlersOf(`import { inngest } from "../client";\ninngest.createFunction({ id: "a" }, { event: "x" }, async () => 1);`)).toEqual([]);
    expect(handlersOf(`import { inngest } from "./api/client";\ninngest.createFunction({ id: "a" }, { event: "x" }, async () => 1);`)).toEqual([]);
    expect(handlersOf(`const inngest = { createFunction(...args: unknown[]) { return args; } };\ninngest.createFunction({ id: "a" }, { event: "x" }, async () => 1);`)).toEqual([]);
  });
});

describe("Temporal inline activities", () => {
  it("finds the functions of Worker.create({ activities })", () => {
    const code = `
      import { Worker } from "@temporalio/worker";
      const worker = await Worker.create({
        taskQueue: "q",
        activities: {
          async summarize(id: string) { return id; },
          embed: async (text: string) => text.length,
        },
      });
    `;
    expect(handlersOf(code)).toEqual(["temporal-activity: (id: string) { return id; }", "temporal-activity: async (text: string) => text.length"]);
  });

  it("does not follow activities passed by name, nor another package's Worker", () => {
    expect(handlersOf(`import { Worker } from "@temporalio/worker";\nimport * as activities from "./activities";\nawait Worker.create({ taskQueue: "q", activities });`)).toEqual([]);
    expect(handlersOf(`import { Worker } from "node:worker_threads";\nconst w = { create: (o: unknown) => o };\nw.create({ activities: { a: async () => 1 } });`)).toEqual([]);
  });
});

describe("Temporal activity modules (fix-blind7)", () => {
  it("finds the exported functions of a module that imports a value of @temporalio/activity", () => {
    const code = `
      import { Context, heartbeat } from "@temporalio/activity";
      export async function summarize(id: string) { Context.current().heartbeat(id); return id; }
      export const embed = async (text: string) => text.length;
      const helper = async () => 1;
    `;
    expect(handlersOf(code, "src/activities.ts")).toEqual(["temporal-activity: async function summarize(id: string) { Context.current().heartbeat(id); return id; }", "temporal-activity: async (text: string) => text.length"]);
  });

  it("takes the functions an exported factory returns (dependency injection), not the factory", () => {
    const code = `import { log } from "@temporalio/activity";\nexport const createActivities = (db: { get(id: string): string }) => ({\n  async greet(id: string) { log.info(id); return db.get(id); },\n});`;
    expect(handlersOf(code, "src/activities.ts")).toEqual(["temporal-activity: (id: string) { log.info(id); return db.get(id); }"]);
  });

  it("does not take a module importing only types of @temporalio/activity, or a workflow module, for one", () => {
    expect(handlersOf(`import type { Context } from "@temporalio/activity";\nexport async function a(c: Context) { return c; }`)).toEqual([]);
    expect(handlersOf(`import { type Context } from "@temporalio/activity";\nexport async function a(c: Context) { return c; }`)).toEqual([]);
    expect(handlersOf(`import { proxyActivities } from "@temporalio/workflow";\nexport async function wf() { return proxyActivities({ startToCloseTimeout: "1m" }); }`)).toEqual([]);
  });
});

// fix-blind7: the Pothos descriptor (pothos.ts).
describe("Pothos resolvers", () => {
  it("finds resolve/subscribe of the fields of queryType, mutationType, objectType, implement and the …Field(s) methods", () => {
    const code = `
      import SchemaBuilder from "@pothos/core";
      const builder = new SchemaBuilder({});
      builder.queryType({ fields: (t) => ({ a: t.string({ args: { q: t.arg.string() }, resolve: (_root, args) => args.q }), b: t.exposeString("b") }) });
      builder.mutationType({ fields: (t) => ({ c: t.field({ type: "String", async resolve(root, args) { return "c"; } }) }) });
      builder.queryField("d", (t) => t.string({ resolve: () => "d" }));
      builder.subscriptionFields((t) => ({ e: t.int({ subscribe: async function* () { yield 1; }, resolve: (v) => v }) }));
      const User = builder.objectRef("User");
      User.implement({ fields: (t) => ({ name: t.string({ resolve: (user) => user.name }) }) });
    `;
    expect(handlersOf(code, "src/schema.ts")).toEqual([
      "pothos: (_root, args) => args.q",
      'pothos: (root, args) { return "c"; }',
      'pothos: () => "d"',
      "pothos: async function* () { yield 1; }",
      "pothos: (v) => v",
      "pothos: (user) => user.name",
    ]);
  });

  it("reads a file importing the project's builder module", () => {
    expect(handlersOf(`import { builder } from "./builder";\nbuilder.queryField("a", (t) => t.string({ resolve: () => "a" }));`)).toEqual(['pothos: () => "a"']);
    expect(handlersOf(`import { builder } from "@/graphql/builder";\nbuilder.queryField("a", (t) => t.string({ resolve: () => "a" }));`)).toEqual(['pothos: () => "a"']);
  });

  it("takes nothing in a file without Pothos, nor calls on another object than the fields function's `t`", () => {
    expect(handlersOf(`import { builder } from "./query-builder";\nbuilder.queryType({ fields: (t) => ({ a: t.string({ resolve: () => "a" }) }) });`)).toEqual([]);
    expect(handlersOf(`import SchemaBuilder from "@pothos/core";\nconst builder = new SchemaBuilder({});\nconst other = { string: (o: unknown) => o };\nbuilder.queryType({ fields: (t) => ({ a: other.string({ resolve: () => "a" }) as any }) });`)).toEqual([]);
  });
});
