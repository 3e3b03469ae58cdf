import type { FrameworkDescriptor } from "../types.js";
import { REQUEST_OBJECT } from "./common.js";

const HAPI = ["@hapi/hapi", "hapi"];
/** Request lifecycle extension points (not the server's onPreStart/onPostStart/onPreStop/onPostStop). */
const REQUEST_EXTENSIONS = ["onRequest", "onPreAuth", "onCredentials", "onPostAuth", "onPreHandler", "onPostHandler", "onPreResponse", "onPostResponse"];

/**
 * hapi: `server.route({ method, path, handler })` (also `options: { handler }`, `config: { handler }`,
 * and arrays of routes) and request extensions: `server.ext("onRequest", fn)`, the object form
 * `server.ext({ type: "onRequest", method })` and arrays of such objects (`method` may be an array too),
 * also on the `server` a plugin object's `register(server, options)` receives.
 */
export const hapi = {
  id: "hapi",
  name: "hapi",
  modules: HAPI,
  objects: {
    server: {
      createdBy: [{ value: { package: HAPI, name: ["server", "Server"] } }],
      types: [{ package: HAPI, name: "Server" }],
      methods: {
        route: { arguments: [], options: ["handler"], optionContainers: ["options", "config"] },
        ext: { arguments: [1], when: { argument: 0, oneOf: REQUEST_EXTENSIONS }, options: ["method"], optionsWhen: { key: "type", oneOf: REQUEST_EXTENSIONS } },
      },
      listens: ["start"],
    },
  },
  // A plugin module: `export const plugin = { name, register(server, options) { server.route(…) } }`,
  // `exports.plugin = …`, `module.exports = { name, register }`, `export default { name, register }`.
  pluginExports: [{ projectDependency: HAPI, shape: "object-with-register", exports: ["default", "plugin"], serverParam: 0, object: "server" }],
  handlerTypes: [{ package: HAPI, name: ["Request", "ResponseToolkit", "Lifecycle.Method"] }],
  // `request.payload` is the body, `request.state` the cookies.
  requestInputs: { ...REQUEST_OBJECT, parts: [...REQUEST_OBJECT.parts, "payload", "state"] },
} as const satisfies FrameworkDescriptor;
