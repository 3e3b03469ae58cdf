import type { FrameworkDescriptor } from "../types.js";
import { HTTP_VERBS, ONE_METHOD_VERBS, REQUEST_OBJECT, methods } from "./common.js";

/** Express: `express()` / `Router()` apps and routers, `app.route(path)` chains, typed `(req: Request, res: Response)` controllers. */
export const express = {
  id: "express",
  name: "Express",
  modules: ["express", "express-serve-static-core"],
  objects: {
    app: {
      createdBy: [{ value: { package: "express", name: ["", "Router"] } }],
      types: [{ package: "express", name: ["Express", "Application", "Router", "IRouter"] }],
      methods: methods([...HTTP_VERBS, "use", "param", "del"]),
      returns: { route: "route" },
      listens: ["listen"],
    },
    route: { methods: methods(HTTP_VERBS) },
  },
  // Route-level middleware (`app.get("/chat", openSession, handler)`) runs for its route only: proven
  // in sdk/lost-session-context.test.ts.
  sessionFlow: {
    beforeHandler: { "*": { nextParameterByArity: { 3: 2, 4: 3 } } },
    routeLevel: { routeMethods: ONE_METHOD_VERBS },
  },
  handlerTypes: [
    {
      package: ["express", "express-serve-static-core"],
      name: ["Request", "Response", "NextFunction", "RequestHandler", "ErrorRequestHandler", "Handler"],
    },
  ],
  // `(err, req, res, next)` is error middleware; `app.param(name, (req, res, next, value) => …)` is not.
  requestInputs: { ...REQUEST_OBJECT, parameterByArity: { 4: 1 }, arityExceptMethods: ["param"] },
} as const satisfies FrameworkDescriptor;
