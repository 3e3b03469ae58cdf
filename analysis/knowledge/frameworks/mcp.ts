import type { FrameworkDescriptor } from "../types.js";

/**
 * MCP servers of the TypeScript SDK (`@modelcontextprotocol/sdk`): the callbacks of `new McpServer(…)`'s
 * `tool`, `registerTool`, `prompt`, `registerPrompt`, `resource` and `registerResource`, and of the
 * low-level `new Server(…)`'s `setRequestHandler(schema, handler)` (also reached as `mcpServer.server`),
 * run once per client request, concurrently over a Streamable HTTP transport. Checked against the SDK's
 * `server/mcp.d.ts` (1.19: `registerTool(name, config, callback: (args, extra) => …)`, `readonly server:
 * Server`) and `server/index.js` (`Server extends Protocol`, `setRequestHandler(requestSchema, handler:
 * (request, extra) => …)`); imported from the `.js` subpaths as the SDK's README writes them.
 *
 * What the client sent: a tool's or prompt's first parameter is the arguments the client called it with
 * (`args.sessionId`, `({ conversationId }) => …`), validated only against the registered zod shape; a
 * request handler's first parameter is the JSON-RPC request (`request.params.arguments`). A shape whose
 * text mentions UUIDs (`inputSchema: { sessionId: z.string().uuid() }`) checked what the SDK needs.
 */
const SERVER_MODULES = ["@modelcontextprotocol/sdk/server/index.js", "@modelcontextprotocol/sdk/server/index"];
const MCP_MODULES = ["@modelcontextprotocol/sdk/server/mcp.js", "@modelcontextprotocol/sdk/server/mcp"];

export const mcp = {
  id: "mcp-server",
  name: "MCP request",
  modules: [...MCP_MODULES, ...SERVER_MODULES],
  objects: {
    mcpServer: {
      createdBy: [{ value: { package: MCP_MODULES, name: "McpServer" }, new: true }],
      types: [{ package: MCP_MODULES, name: "McpServer" }],
      methods: { tool: {}, registerTool: {}, prompt: {}, registerPrompt: {}, resource: {}, registerResource: {} },
      properties: { server: "mcpLowLevelServer" },
    },
    mcpLowLevelServer: {
      createdBy: [{ value: { package: SERVER_MODULES, name: "Server" }, new: true }],
      types: [{ package: SERVER_MODULES, name: "Server" }],
      methods: { setRequestHandler: { arguments: [1] } },
    },
  },
  // `registerTool(name, { inputSchema }, cb)`, or the older positional forms `tool(name, [description,]
  // paramsSchema, [annotations,] cb)` and `prompt(name, [description,] argsSchema, cb)` (mcp.d.ts 1.19
  // overloads): the SDK parses the arguments with the shape before calling back.
  requestInputs: { holds: "input", validatedBy: { routeOption: "inputSchema", positionalSchema: { methods: ["tool", "prompt"], from: 1 }, mentions: /uuid/i } },
} as const satisfies FrameworkDescriptor;
