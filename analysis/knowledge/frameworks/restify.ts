import type { FrameworkDescriptor } from "../types.js";
import { REQUEST_OBJECT, methods } from "./common.js";

/** restify: `restify.createServer()` routes (`get`, `post`, `del`, `opts`, …) and `use`/`pre` handlers. */
export const restify = {
  id: "restify",
  name: "restify",
  modules: ["restify"],
  objects: {
    server: {
      createdBy: [{ value: { package: "restify", name: "createServer" }, new: false }],
      types: [{ package: "restify", name: "Server" }],
      methods: methods(["get", "post", "put", "patch", "del", "head", "opts", "use", "pre"]),
      listens: ["listen"],
    },
  },
  handlerTypes: [{ package: "restify", name: ["Request", "Response", "Next", "RequestHandler"] }],
  requestInputs: { ...REQUEST_OBJECT, getters: [...REQUEST_OBJECT.getters, "getQuery"] },
} as const satisfies FrameworkDescriptor;
