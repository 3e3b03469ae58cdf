import type { FrameworkDescriptor } from "../types.js";
import { HTTP_VERBS, REQUEST_OBJECT, methods } from "./common.js";

/** Local hooks a route's options object may carry (`.get("/", fn, { beforeHandle })`). */
const LOCAL_HOOKS = ["beforeHandle", "afterHandle", "transform", "parse", "error", "afterResponse", "mapResponse", "derive", "resolve"];
const GLOBAL_HOOKS = [
  "onRequest", "onParse", "onTransform", "onBeforeHandle", "onAfterHandle", "onMapResponse", "onError", "onAfterResponse",
  "derive", "resolve", "mapResponse",
];

/** Elysia: `new Elysia()` routes, their local hooks, and the lifecycle hooks (`onRequest`, `onBeforeHandle`, `derive`, …). */
export const elysia = {
  id: "elysia",
  name: "Elysia",
  modules: ["elysia"],
  objects: {
    app: {
      createdBy: [{ value: { package: "elysia", name: "Elysia" }, new: true }],
      types: [{ package: "elysia", name: "Elysia" }],
      methods: {
        ...methods([...HTTP_VERBS, "route"], { options: LOCAL_HOOKS }),
        ...methods(GLOBAL_HOOKS),
        guard: { options: LOCAL_HOOKS },
        ws: { options: ["message", "open", "close", "beforeHandle"] },
      },
      chainable: ["group", "prefix", "use", "state", "decorate", "model", "macro", "onStart", "onStop"],
      listens: ["listen"],
      // `app.group("/api", (group) => group.post(…))`: the callback gets a scoped app to register on.
      plugins: { registerMethod: "group" },
    },
  },
  handlerTypes: [{ package: "elysia", name: ["Context"] }],
  // `({ headers, query, params, body, cookie, request })`.
  requestInputs: { ...REQUEST_OBJECT, parts: [...REQUEST_OBJECT.parts, "cookie"] },
} as const satisfies FrameworkDescriptor;
