// Node.js server frameworks found in blind round 20 (rules/blind-cases-20.test.ts): controllers written as classes
// (Egg.js, Midway, LoopBack 4), Encore.ts endpoints and uWebSockets.js routes. Each handler runs once per request, for
// every client at once, on the module's one tracer.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { nodesOfTypes } from "../../nodes.js";
import type { FrameworkDescriptor, HandlerHookApi, ValueSpecifier } from "../types.js";
import { REQUEST_OBJECT, instanceMethods, methods } from "./common.js";

const CLASS_TYPES = [AST_NODE_TYPES.ClassDeclaration, AST_NODE_TYPES.ClassExpression] as const;

const decoratedWith = (api: HandlerHookApi, decorators: readonly TSESTree.Decorator[], spec: ValueSpecifier): TSESTree.Decorator | undefined =>
  decorators.find((decorator) => api.matches(decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.callee : decorator.expression, spec));

/**
 * A framework whose routes are methods declared by decorators: in a class decorated `controller` (when given), each
 * method decorated with one of `routes` handles its route's requests (a hook run in files that import `modules`).
 */
function decoratedRoutes(id: string, name: string, modules: readonly string[], routes: ValueSpecifier, controller?: ValueSpecifier): FrameworkDescriptor {
  return {
    id,
    name,
    modules,
    hook: {
      trigger: { imports: true },
      run(api) {
        for (const node of nodesOfTypes(api.ast, CLASS_TYPES)) {
          if (controller !== undefined && !decoratedWith(api, node.decorators, controller)) continue;
          for (const { member, fn } of instanceMethods(node)) {
            const route = decoratedWith(api, member.decorators, routes);
            if (route) api.request([fn], route);
          }
        }
      },
    },
  };
}

/**
 * Egg.js (eggjs.org/basics/controller; checked with the search tool 2026-12-07): a controller is a class of
 * `app/controller/**` that extends `Controller` of `egg` (`const { Controller } = require("egg")`); the router maps a
 * route to one of its methods (`router.post("/chat", controller.chat.ask)`), and Egg makes the controller per request
 * with that request's `this.ctx`. Every instance method of such a class is a request handler.
 */
const EGG_CONTROLLER: ValueSpecifier = { package: "egg", name: "Controller" };
export const eggjs = {
  id: "eggjs",
  name: "Egg.js",
  modules: ["egg"],
  hook: {
    trigger: { imports: true },
    run(api) {
      for (const node of nodesOfTypes(api.ast, CLASS_TYPES)) {
        if (!node.superClass || !api.matches(node.superClass, EGG_CONTROLLER)) continue;
        for (const { member, fn } of instanceMethods(node)) api.request([fn], member);
      }
    },
  },
} as const satisfies FrameworkDescriptor;

/**
 * Midway 3 (midwayjs.org/docs/controller; `@midwayjs/decorator` in Midway 2): a `@Controller("/api")` class whose
 * methods decorated `@Get()`, `@Post()`, `@Put()`, `@Del()`, `@Patch()`, `@Options()`, `@Head()`, `@All()` answer
 * their routes.
 */
const MIDWAY = ["@midwayjs/core", "@midwayjs/decorator"];
export const midway = decoratedRoutes(
  "midway",
  "Midway",
  MIDWAY,
  { package: MIDWAY, name: ["Get", "Post", "Put", "Del", "Patch", "Options", "Head", "All"] },
  { package: MIDWAY, name: "Controller" },
);

/**
 * LoopBack 4 (loopback.io/doc/en/lb4/Controller.html, "Decorators"): controller methods decorated `@get(path)`,
 * `@post(path)`, `@put`, `@patch`, `@del` or `@operation(verb, path)` of `@loopback/rest` are routes; a controller
 * needs no class decorator.
 */
export const loopback = decoratedRoutes("loopback", "LoopBack", ["@loopback/rest"], { package: "@loopback/rest", name: ["get", "post", "put", "patch", "del", "operation"] });

/**
 * Encore.ts (encore.dev/docs/ts/primitives/defining-apis): `export const ask = api({ method, path, expose }, async
 * (params) => …)` of `encore.dev/api`, and the raw and streaming forms `api.raw(options, (req, resp) => …)`,
 * `api.streamIn`/`streamOut`/`streamInOut(options, async (stream) => …)`: the function runs per call.
 */
export const encore = {
  id: "encore",
  name: "Encore",
  modules: ["encore.dev/api"],
  calls: [{ callee: { package: "encore.dev/api", name: ["api", "api.raw", "api.streamIn", "api.streamOut", "api.streamInOut"] }, arguments: [1] }],
} as const satisfies FrameworkDescriptor;

/**
 * uWebSockets.js (github.com/uNetworking/uWebSockets.js, `index.d.ts` of its TemplatedApp): `uWS.App()` or
 * `SSLApp(options)` registers routes with `get/post/put/patch/del/options/head/connect/trace/any(pattern, (res, req)
 * => …)`, each returning the app, so they chain before `listen`.
 */
const UWS_ROUTES = ["get", "post", "put", "patch", "del", "options", "head", "connect", "trace", "any"];
export const uWebSockets = {
  id: "uwebsockets",
  name: "uWebSockets.js",
  modules: ["uWebSockets.js"],
  objects: {
    app: {
      createdBy: [{ value: { package: "uWebSockets.js", name: ["App", "SSLApp"] }, new: false }],
      types: [{ package: "uWebSockets.js", name: "TemplatedApp" }],
      methods: methods(UWS_ROUTES, { arguments: [1] }),
      chainable: [...UWS_ROUTES, "ws"],
      listens: ["listen"],
    },
  },
  requestInputs: { ...REQUEST_OBJECT, parameter: 1, getters: ["getHeader", "getQuery", "getParameter", "getUrl"] },
} as const satisfies FrameworkDescriptor;
