import type { FrameworkDescriptor } from "../types.js";
import { REQUEST_OBJECT, methods } from "./common.js";

const HTTP = ["http", "https", "http2", "node:http", "node:https", "node:http2"];
const CREATE_SERVER = { package: HTTP, name: ["createServer", "createSecureServer", "Server"] };

/**
 * node:http servers: `createServer(cb)`, `new http.Server(cb)`, `server.on("request", cb)`.
 * `IncomingMessage` is not a handler type: an outgoing request's response has it too.
 */
export const nodeHttp = {
  id: "node-http",
  name: "node:http request",
  modules: HTTP,
  objects: {
    server: {
      createdBy: [{ value: CREATE_SERVER }],
      types: [{ package: HTTP, name: "Server" }],
      methods: methods(["on", "once", "addListener", "prependListener"], {
        arguments: [1],
        when: { argument: 0, oneOf: ["request", "checkContinue"] },
      }),
      listens: ["listen"],
    },
  },
  calls: [{ callee: CREATE_SERVER }],
  handlerTypes: [{ package: HTTP, name: ["ServerResponse", "RequestListener"] }],
  requestInputs: REQUEST_OBJECT,
} as const satisfies FrameworkDescriptor;
