// RPC servers and desktop IPC: each method of a service (or each IPC channel's listener) runs once per call
// a client makes, concurrently, on the module's one tracer; the call's message is the client's.
import type { FrameworkDescriptor } from "../types.js";

/**
 * gRPC for Node (`@grpc/grpc-js`): `new Server()`'s `addService(definition, implementation)` takes an
 * object of method handlers, one per RPC (`ask(call, callback)`, `streamAnswer(call)`); each runs once per
 * call. The call's `request` (the client's message) and `metadata` (its headers) are the client's
 * (grpc-js src/server.ts `addService<ImplementationType>(service, implementation)`, src/server-call.ts
 * `ServerSurfaceCall { readonly metadata }`, `ServerUnaryCall = ServerSurfaceCall & { request }`; checked
 * with the search tool on unpkg 1.14.3, 2026-12-06). `call.getPeer()` and the callback are the server's.
 */
export const grpcJs = {
  id: "grpc",
  name: "gRPC method",
  unit: "call",
  modules: ["@grpc/grpc-js"],
  objects: {
    server: {
      createdBy: [{ value: { package: "@grpc/grpc-js", name: "Server" }, new: true }],
      types: [{ package: "@grpc/grpc-js", name: "Server" }],
      methods: { addService: { arguments: [], methodMaps: [1] } },
    },
  },
  requestInputs: { holds: "request", parts: ["request", "metadata"] },
} as const satisfies FrameworkDescriptor;

/** The server adapters that take a routes function as their `routes` option (see `connectRpc`). */
const CONNECT_ADAPTERS = [
  { package: "@connectrpc/connect-node", name: "connectNodeAdapter" },
  { package: "@connectrpc/connect-express", name: "expressConnectMiddleware" },
  { package: "@connectrpc/connect-fastify", name: "fastifyConnectPlugin" },
] as const;

/**
 * Connect RPC (`@connectrpc/connect` 2): a routes function `(router: ConnectRouter) => router.service(
 * Service, { ask(req, context) {} })` registers one handler per method, and `router.rpc(method, impl)` one;
 * the routes function is handed to `connectNodeAdapter({ routes })`, `fastifyConnectPlugin`, … (connectrpc.com
 * "Implementing services", connect-es README; checked with the search tool 2026-12-06). A method's first
 * parameter is the client's request message. A routes function given untyped is a router's too
 * (`optionParameters`): `connectNodeAdapter({ routes: (router) => router.service(…) })` of connect-node
 * (connect-node-adapter.d.ts 2.0.2 on unpkg: `routes: (router: ConnectRouter) => void`),
 * `expressConnectMiddleware({ routes })` of connect-express, and `server.register(fastifyConnectPlugin, { routes })`
 * of connect-fastify (packages/connect-fastify/README.md; checked with the search tool 2026-12-06).
 */
export const connectRpc = {
  id: "connect-rpc",
  name: "Connect RPC method",
  unit: "call",
  modules: ["@connectrpc/connect", ...CONNECT_ADAPTERS.map((adapter) => adapter.package)],
  objects: {
    router: {
      types: [{ package: "@connectrpc/connect", name: "ConnectRouter" }],
      optionParameters: CONNECT_ADAPTERS.map((beside) => ({ beside, option: "routes", parameter: 0 })),
      methods: { service: { arguments: [], methodMaps: [1] }, rpc: { arguments: [1] } },
    },
  },
  requestInputs: { holds: "input", parameter: 0 },
} as const satisfies FrameworkDescriptor;

/**
 * Electron's main process: `ipcMain.handle(channel, (event, ...args) => …)` answers a renderer's
 * `ipcRenderer.invoke(channel, ...args)`, `ipcMain.on(channel, (event, ...args) => …)` its `send`; each runs
 * once per message from a window (electronjs.org/docs/api/ipc-main; checked with the search tool
 * 2026-12-06). `once`/`handleOnce` run once and are not registered. The arguments after the event are what
 * the renderer (web content) sent.
 */
export const electronIpc = {
  id: "electron-ipc",
  name: "Electron IPC",
  unit: "message",
  modules: ["electron"],
  objects: {
    ipcMain: {
      isValue: [{ package: "electron", name: "ipcMain" }],
      types: [{ package: "electron", name: ["IpcMain", "Electron.IpcMain"] }],
      methods: { handle: { arguments: [1] }, on: { arguments: [1] } },
    },
  },
  // The event (parameter 0) is Electron's (`sender`, `processId`, `frameId`), not the renderer's data.
  requestInputs: { holds: "input", everyParameter: { from: 1 } },
} as const satisfies FrameworkDescriptor;
