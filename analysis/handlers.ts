// Which functions in a file run once per request or per invocation: request handlers and middleware
// of the web frameworks (Express, Koa, Fastify, Hono, node:http, NestJS, Next.js) and AWS Lambda
// handlers. Inside such a function, state stored on a shared tracer (`sessionStart()`) leaks between
// concurrent requests, and a Lambda must flush before the runtime freezes.
//
// Framework objects are recognized through bindings (`import express from "express"`,
// `require("fastify")()`, a parameter typed `FastifyInstance`, …), never by variable name, and a
// handler may be given inline or declared elsewhere in the file and passed by name.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { isFunctionNode, reportAnalysisError, staticName, unwrapExpression, type FunctionNode } from "./ast.js";
import type { AnalysisInput } from "./input.js";
import { nodesOfType, nodesOfTypes } from "./nodes.js";
import { getSdkModel, type TracerDeclaration } from "./sdk-model.js";
import { AttachedCache } from "./attached-cache.js";
import type { PlatformDescriptor } from "./knowledge/types.js";
import { awsLambda } from "./knowledge/platforms/aws-lambda.js";

// Node-type lists asked of the node index, kept as constants: the index caches its merged lists per array.
const CALL_TYPES = [AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.NewExpression] as const;
const CLASS_TYPES = [AST_NODE_TYPES.ClassDeclaration, AST_NODE_TYPES.ClassExpression] as const;
const FUNCTION_TYPES = [AST_NODE_TYPES.FunctionDeclaration, AST_NODE_TYPES.FunctionExpression, AST_NODE_TYPES.ArrowFunctionExpression] as const;

export type RequestFramework = "express" | "koa" | "fastify" | "hono" | "node-http" | "nestjs" | "nextjs" | "nextjs-action" | "vercel";

/** A function a web framework calls once per request (route handler, middleware, hook). */
export interface RequestHandler {
  readonly kind: "request";
  readonly function: FunctionNode;
  readonly framework: RequestFramework;
  /** What makes it a handler: the registering call, the decorator, or the export (Next.js). */
  readonly registration: TSESTree.Node;
}

/** An exported AWS Lambda entry point (for `middy(fn)`, `function` is `fn`). */
export interface LambdaHandler {
  readonly kind: "lambda";
  readonly function: FunctionNode;
  /** The export name the Lambda runtime is configured with (`handler`, or a typed/configured name). */
  readonly exportName: string;
  /** Where to report: the exported name (identifier, `exports.handler` property, object key). */
  readonly nameNode: TSESTree.Node;
  /** The whole export (statement or assignment); a review marker goes before it. */
  readonly exportNode: TSESTree.Node;
  /** Exported as `middy(function)`; `function` is the wrapped one. */
  readonly middy: boolean;
  /** `(event, context, callback)`: the runtime waits for the callback, not for a promise. */
  readonly callbackStyle: boolean;
  /** The serverless platform that runs it (its name goes into messages; its hooks shape the fix). */
  readonly platform: PlatformDescriptor;
}

export type Handler = RequestHandler | LambdaHandler;

export interface HandlerModel {
  readonly requestHandlers: readonly RequestHandler[];
  readonly lambdaHandlers: readonly LambdaHandler[];
  /** The handler record of exactly this function, if it is one. */
  handlerOf(fn: TSESTree.Node): Handler | undefined;
  /** The innermost handler that lexically contains `node` (`node` itself included when it is one). */
  enclosingHandler(node: TSESTree.Node): Handler | undefined;
}

// ---------------------------------------------------------------------------------------------
// Framework vocabulary

type FrameworkObject = "express" | "express-route" | "koa" | "koa-router" | "fastify" | "hono" | "hono-factory" | "http-server";

const HTTP_VERBS = ["get", "post", "put", "patch", "delete", "head", "options", "all"];

/** Methods whose function arguments are per-request handlers, per framework object. */
const HANDLER_METHODS: Record<FrameworkObject, ReadonlySet<string>> = {
  express: new Set([...HTTP_VERBS, "use", "param", "del"]),
  "express-route": new Set(HTTP_VERBS),
  koa: new Set(["use"]),
  "koa-router": new Set([...HTTP_VERBS, "use", "param", "del"]),
  fastify: new Set([...HTTP_VERBS, "route", "addHook", "setErrorHandler", "setNotFoundHandler"]),
  hono: new Set([...HTTP_VERBS, "use", "on", "onError", "notFound"]),
  // `createFactory()` from hono/factory: `factory.createHandlers(…)`, `factory.createMiddleware(…)`.
  "hono-factory": new Set(["createHandlers", "createMiddleware"]),
  "http-server": new Set(["on", "once", "addListener", "prependListener"]),
};

const FRAMEWORK_OF_OBJECT: Record<FrameworkObject, RequestFramework> = {
  express: "express",
  "express-route": "express",
  koa: "koa",
  "koa-router": "koa",
  fastify: "fastify",
  hono: "hono",
  "hono-factory": "hono",
  "http-server": "node-http",
};

/** Methods that return the framework object they are called on (not registrations): `Fastify().withTypeProvider()`. */
const CHAINABLE_METHODS: Partial<Record<FrameworkObject, ReadonlySet<string>>> = {
  fastify: new Set(["withTypeProvider"]),
  hono: new Set(["basePath", "route"]),
};

/** Fastify hooks that run per request (not the application hooks onReady/onClose/onRoute/…). */
const FASTIFY_REQUEST_HOOKS = new Set([
  "onRequest", "preParsing", "preValidation", "preHandler", "preSerialization", "onSend", "onResponse",
  "onError", "onTimeout", "onRequestAbort",
]);
/** Properties of a Fastify route options object that hold per-request functions. */
const FASTIFY_ROUTE_FUNCTIONS = new Set(["handler", "errorHandler", ...FASTIFY_REQUEST_HOOKS]);

const HTTP_MODULES = new Set(["http", "https", "http2", "node:http", "node:https", "node:http2"]);
const HONO_MODULES = new Set(["hono", "hono/quick", "hono/tiny"]);
const KOA_ROUTER_MODULES = new Set(["@koa/router", "koa-router"]);
const HONO_FACTORY_MODULE = "hono/factory";
const MIDDY_MODULES = new Set(["@middy/core", "middy"]);
const NEST_COMMON = "@nestjs/common";
/** Method decorators that make a NestJS method run per request (HTTP route, message, GraphQL field, socket event), by module. */
const NEST_HANDLER_DECORATORS: Record<string, ReadonlySet<string>> = {
  [NEST_COMMON]: new Set(["Get", "Post", "Put", "Patch", "Delete", "Head", "Options", "All", "Search", "Sse"]),
  "@nestjs/microservices": new Set(["MessagePattern", "EventPattern", "GrpcMethod", "GrpcStreamMethod"]),
  "@nestjs/graphql": new Set(["Query", "Mutation", "Subscription", "ResolveField", "ResolveReference"]),
  "@nestjs/websockets": new Set(["SubscribeMessage"]),
};
/** Class decorators whose decorated methods are handlers. */
const NEST_HANDLER_CLASSES: Record<string, ReadonlySet<string>> = {
  [NEST_COMMON]: new Set(["Controller"]),
  "@nestjs/graphql": new Set(["Resolver"]),
  "@nestjs/websockets": new Set(["WebSocketGateway"]),
};
/** NestJS classes whose method runs per request, keyed by the interface the class implements. */
const NEST_PER_REQUEST_INTERFACES: Record<string, string> = {
  NestMiddleware: "use",
  NestInterceptor: "intercept",
  CanActivate: "canActivate",
  ExceptionFilter: "catch",
  PipeTransform: "transform",
};

/**
 * Types that say a function runs per request, on the variable that holds it (`const h: RequestHandler`)
 * or on one of its parameters (`(req: Request, res: Response)`, `(c: Context)`): controllers and
 * middleware written in their own files and registered elsewhere. Only module-bound names count (the
 * global fetch `Request` is not Express's); `IncomingMessage` is left out (an outgoing request's response has it too).
 */
const PER_REQUEST_TYPES: ReadonlyArray<{ module: (m: string) => boolean; names: ReadonlySet<string>; framework: RequestFramework }> = [
  {
    module: (m) => m === "express" || m === "express-serve-static-core",
    names: new Set(["Request", "Response", "NextFunction", "RequestHandler", "ErrorRequestHandler", "Handler"]),
    framework: "express",
  },
  { module: (m) => m === "koa", names: new Set(["Context", "ParameterizedContext", "Middleware"]), framework: "koa" },
  { module: (m) => KOA_ROUTER_MODULES.has(m), names: new Set(["RouterContext", "Middleware"]), framework: "koa" },
  {
    module: (m) => m === "fastify",
    names: new Set([
      "FastifyRequest", "FastifyReply", "RouteHandlerMethod", "RouteHandler", "onRequestHookHandler", "preParsingHookHandler",
      "preValidationHookHandler", "preHandlerHookHandler", "preSerializationHookHandler", "onSendHookHandler",
      "onResponseHookHandler", "onErrorHookHandler", "onTimeoutHookHandler",
    ]),
    framework: "fastify",
  },
  { module: (m) => HONO_MODULES.has(m), names: new Set(["Context", "Handler", "MiddlewareHandler", "ErrorHandler", "NotFoundHandler"]), framework: "hono" },
  { module: (m) => m === "next", names: new Set(["NextApiRequest", "NextApiResponse", "NextApiHandler"]), framework: "nextjs" },
  { module: (m) => m === "next/server", names: new Set(["NextRequest", "NextMiddleware", "NextFetchEvent"]), framework: "nextjs" },
  { module: (m) => HTTP_MODULES.has(m), names: new Set(["ServerResponse", "RequestListener"]), framework: "node-http" },
  { module: (m) => m === "@vercel/node", names: new Set(["VercelRequest", "VercelResponse", "VercelApiHandler"]), framework: "vercel" },
];

/** `FastifyPluginAsync` and the type providers' variants (`FastifyPluginAsyncTypebox`, `FastifyPluginAsyncZod`, …). */
const FASTIFY_PLUGIN_TYPE = /^FastifyPlugin(?:Async|Callback)/;
function isFastifyTypesModule(module: string): boolean {
  return module === "fastify" || module.startsWith("@fastify/type-provider-") || module.startsWith("fastify-type-provider-");
}

/** Types that, on a parameter, say it is a framework object (`function routes(app: Express)`). */
const TYPED_FRAMEWORK_OBJECTS: ReadonlyArray<{ module: (m: string) => boolean; names: readonly string[]; object: FrameworkObject }> = [
  { module: (m) => m === "express", names: ["Express", "Application", "Router", "IRouter"], object: "express" },
  { module: (m) => m === "koa", names: ["", "default", "Koa"], object: "koa" },
  { module: (m) => KOA_ROUTER_MODULES.has(m), names: ["", "default", "Router"], object: "koa-router" },
  { module: (m) => m === "fastify", names: ["FastifyInstance"], object: "fastify" },
  { module: (m) => HONO_MODULES.has(m), names: ["Hono"], object: "hono" },
  { module: (m) => HTTP_MODULES.has(m), names: ["Server"], object: "http-server" },
];

const NEXT_HTTP_EXPORTS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);
const SCRIPT_EXTENSION = String.raw`\.(?:[cm]?[jt]sx?)$`;
const NEXT_APP_ROUTE = new RegExp(String.raw`(?:^|/)app/(?:.+/)?route${SCRIPT_EXTENSION}`);
const NEXT_PAGES_API = new RegExp(String.raw`(?:^|/)pages/api/.+${SCRIPT_EXTENSION}`);
const NEXT_MIDDLEWARE = new RegExp(String.raw`(?:^|/)middleware${SCRIPT_EXTENSION}`);

const DEFAULT_LAMBDA_NAMES = ["handler"];
/**
 * Wrappers of other vendors that call the handler and do not flush a HoneyHive tracer (they flush their
 * own data): the wrapped function is the Lambda handler. Other wrapper calls are not looked through.
 */
const TRANSPARENT_LAMBDA_WRAPPERS: ReadonlyArray<{ module: (m: string) => boolean; paths: ReadonlyArray<readonly string[]> }> = [
  {
    module: (m) => m === "@sentry/aws-serverless" || m === "@sentry/serverless",
    paths: [["wrapHandler"], ["AWSLambda", "wrapHandler"]],
  },
  { module: (m) => m === "datadog-lambda-js", paths: [["datadog"]] },
];
const AWS_LAMBDA_MODULE = "aws-lambda";
/** `Handler`, `APIGatewayProxyHandler`, `APIGatewayProxyHandlerV2`, `SQSHandler`, … */
const AWS_LAMBDA_HANDLER_TYPE = /Handler(?:V\d+)?$/;

/** How many call wrappers (`asyncHandler(trace(fn))`) we look through to find a handler function. */
const MAX_WRAPPER_DEPTH = 4;

// ---------------------------------------------------------------------------------------------
// Bindings: where a name comes from

/** A value reached from a module: `{ module: "express", path: ["Router"] }` for `express.Router`. */
interface ModuleOrigin {
  readonly module: string;
  /** Property path from the module value; the default export and the CommonJS value are `[]`. */
  readonly path: readonly string[];
}

/** The value-bearing node under `await`, `as`, `!`, `satisfies`, optional chains. */
function unwrap(node: TSESTree.Node): TSESTree.Node {
  return unwrapExpression(node) ?? node;
}

class Bindings {
  private readonly variableByIdentifier = new Map<TSESTree.Identifier, Scope.Variable | null>();

  constructor(scopeManager: Scope.ScopeManager) {
    for (const scope of scopeManager.scopes) {
      for (const variable of scope.variables) {
        for (const identifier of variable.identifiers) this.variableByIdentifier.set(identifier, variable);
      }
      for (const reference of scope.references) {
        if (!this.variableByIdentifier.has(reference.identifier as TSESTree.Identifier)) {
          this.variableByIdentifier.set(reference.identifier as TSESTree.Identifier, reference.resolved);
        }
      }
    }
  }

  /** The variable an identifier declares or refers to; `null` for an unresolved global. */
  variableOf(identifier: TSESTree.Identifier): Scope.Variable | null | undefined {
    return this.variableByIdentifier.get(identifier);
  }

  /** True for a reference to a global that no declaration in the file shadows (`module`, `exports`, `require`). */
  isGlobal(identifier: TSESTree.Identifier): boolean {
    const variable = this.variableOf(identifier);
    return variable === null || (variable !== undefined && variable.defs.length === 0);
  }

  /** Which module (and which property path of it) an expression or type name comes from. */
  originOf(node: TSESTree.Node, seen = new Set<Scope.Variable>()): ModuleOrigin | undefined {
    const target = unwrap(node);
    switch (target.type) {
      case "Identifier":
        return this.originOfIdentifier(target, seen);
      case "MemberExpression": {
        const name = staticName(target.property, target.computed);
        const base = name === undefined ? undefined : this.originOf(target.object, seen);
        return base && name !== undefined ? { module: base.module, path: [...base.path, name] } : undefined;
      }
      case "TSQualifiedName": {
        const base = this.originOf(target.left, seen);
        return base ? { module: base.module, path: [...base.path, target.right.name] } : undefined;
      }
      case "CallExpression": {
        const source = target.arguments[0];
        if (
          target.callee.type === "Identifier" &&
          target.callee.name === "require" &&
          this.isGlobal(target.callee) &&
          source?.type === "Literal" &&
          typeof source.value === "string"
        ) {
          return { module: source.value, path: [] };
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  private originOfIdentifier(identifier: TSESTree.Identifier, seen: Set<Scope.Variable>): ModuleOrigin | undefined {
    const variable = this.variableOf(identifier);
    if (!variable || seen.has(variable)) return undefined;
    seen.add(variable);
    for (const def of variable.defs) {
      if (def.type === "ImportBinding") {
        const specifier = def.node;
        if (specifier.type === "TSImportEqualsDeclaration") {
          const reference = specifier.moduleReference;
          if (reference.type === "TSExternalModuleReference" && reference.expression.type === "Literal") {
            return { module: String(reference.expression.value), path: [] };
          }
          continue;
        }
        const declaration = def.parent as TSESTree.ImportDeclaration;
        const module = declaration.source.value;
        if (specifier.type === "ImportSpecifier") {
          const imported = specifier.imported.type === "Identifier" ? specifier.imported.name : specifier.imported.value;
          return { module, path: imported === "default" ? [] : [imported] };
        }
        return { module, path: [] };
      }
      if (def.type === "Variable" && def.node.type === "VariableDeclarator" && def.node.init) {
        const { id, init } = def.node;
        if (id.type === "Identifier") return this.originOf(init, seen);
        if (id.type === "ObjectPattern") {
          const key = destructuredKey(id, identifier.name);
          const base = key === undefined ? undefined : this.originOf(init, seen);
          if (base && key !== undefined) return { module: base.module, path: [...base.path, key] };
        }
      }
    }
    return undefined;
  }

  /** The functions a handler argument stands for: inline, by name, or inside wrappers/arrays. */
  functionsOf(node: TSESTree.Node | null | undefined, depth = 0, seen = new Set<Scope.Variable>()): FunctionNode[] {
    if (!node || depth > MAX_WRAPPER_DEPTH) return [];
    const target = unwrap(node);
    if (isFunctionNode(target)) return [target];
    if (target.type === "ArrayExpression") {
      return target.elements.flatMap((element) => (element ? this.functionsOf(element, depth + 1, seen) : []));
    }
    if (target.type === "CallExpression") {
      return target.arguments.flatMap((argument) => this.functionsOf(argument, depth + 1, seen));
    }
    if (target.type === "Identifier") {
      const variable = this.variableOf(target);
      if (!variable || seen.has(variable)) return [];
      seen.add(variable);
      const writes = variable.references.filter((reference) => reference.writeExpr && !reference.init);
      if (writes.length > 0) return []; // reassigned: which function runs is not static
      return variable.defs.flatMap((def) => {
        if (def.type === "FunctionName" && def.node.type === "FunctionDeclaration") return [def.node];
        if (def.type === "Variable" && def.node.type === "VariableDeclarator" && def.node.id.type === "Identifier") {
          return this.functionsOf(def.node.init, depth + 1, seen);
        }
        return [];
      });
    }
    return [];
  }
}

function destructuredKey(pattern: TSESTree.ObjectPattern, localName: string): string | undefined {
  for (const property of pattern.properties) {
    if (property.type !== "Property") continue;
    const value = property.value.type === "AssignmentPattern" ? property.value.left : property.value;
    if (value.type === "Identifier" && value.name === localName) return staticName(property.key, property.computed);
  }
  return undefined;
}

function isModuleValue(origin: ModuleOrigin | undefined, modules: (module: string) => boolean, names: readonly string[]): boolean {
  if (!origin || !modules(origin.module)) return false;
  const name = origin.path.length === 0 ? "" : origin.path.length === 1 ? origin.path[0] : undefined;
  return name !== undefined && names.includes(name);
}

// ---------------------------------------------------------------------------------------------
// The model

class HandlerAnalysis implements HandlerModel {
  readonly requestHandlers: RequestHandler[] = [];
  readonly lambdaHandlers: LambdaHandler[] = [];
  private readonly byFunction = new Map<TSESTree.Node, Handler>();
  private readonly bindings: Bindings;
  private readonly objectKinds = new Map<TSESTree.Node, FrameworkObject | null>();
  private readonly registerCalls: TSESTree.CallExpression[] = [];
  /** Calls whose callee is a plain name: `fp(…)`, `registerRoutes(app)`. */
  private readonly identifierCalls: TSESTree.CallExpression[] = [];
  private readonly variableKinds = new Map<Scope.Variable, FrameworkObject | null>();
  private listensAsServer = false;

  constructor(private readonly input: AnalysisInput) {
    this.bindings = new Bindings(input.scopeManager);
    const { ast } = input;
    // The node index also sets `parent` where missing: ESLint sets it before rules run, a bare
    // typescript-estree parse (the codemods) does not. Lists of several types keep the walk's
    // interleaving, which decides who registers a function first.
    for (const node of nodesOfTypes(ast, CALL_TYPES)) this.collectNodeHttpServer(node);
    const memberCalls: TSESTree.CallExpression[] = [];
    for (const node of nodesOfType(ast, AST_NODE_TYPES.CallExpression)) {
      if (node.callee.type === "MemberExpression") {
        memberCalls.push(node);
        if (staticName(node.callee.property, node.callee.computed) === "register") this.registerCalls.push(node);
      } else if (node.callee.type === "Identifier") {
        this.identifierCalls.push(node);
      }
    }
    const classes = nodesOfTypes(ast, CLASS_TYPES).filter((node) => node.decorators.length > 0 || node.implements.length > 0);
    const typedFunctions: FunctionNode[] = [];
    const serverActions: FunctionNode[] = [];
    for (const node of nodesOfTypes(ast, FUNCTION_TYPES)) {
      if (hasTypeAnnotations(node)) typedFunctions.push(node);
      if (node.body.type === "BlockStatement" && hasDirective(node.body.body, "use server")) serverActions.push(node);
    }
    for (const call of memberCalls) this.collectRegistration(call);
    for (const call of this.identifierCalls) this.collectHonoMiddleware(call);
    for (const node of classes) this.collectNestClass(node);
    this.collectNext();
    this.collectServerActions(serverActions);
    for (const fn of typedFunctions) this.collectTypedHandler(fn);
    this.collectLambdas();
    // Source order, whatever order the registrations were found in (`a.get(f).post(g)` visits `post` first).
    this.requestHandlers.sort((a, b) => a.function.range[0] - b.function.range[0]);
  }

  handlerOf(fn: TSESTree.Node): Handler | undefined {
    return this.byFunction.get(fn);
  }

  enclosingHandler(node: TSESTree.Node): Handler | undefined {
    for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
      const handler = this.byFunction.get(current);
      if (handler) return handler;
    }
    return undefined;
  }

  private addRequest(functions: readonly FunctionNode[], framework: RequestFramework, registration: TSESTree.Node): void {
    for (const fn of functions) {
      if (this.byFunction.has(fn)) continue;
      const handler: RequestHandler = { kind: "request", function: fn, framework, registration };
      this.requestHandlers.push(handler);
      this.byFunction.set(fn, handler);
    }
  }

  // --- framework objects ---------------------------------------------------------------------

  /** What framework object an expression evaluates to (`express()`, `new Hono()`, a typed parameter…). */
  private objectKindOf(node: TSESTree.Node): FrameworkObject | undefined {
    const target = unwrap(node);
    if (this.objectKinds.has(target)) return this.objectKinds.get(target) ?? undefined;
    this.objectKinds.set(target, null); // cycle guard: `let app = app.use(…)`
    const kind = this.computeObjectKind(target);
    this.objectKinds.set(target, kind ?? null);
    return kind;
  }

  private computeObjectKind(target: TSESTree.Node): FrameworkObject | undefined {
    switch (target.type) {
      case "Identifier":
        return this.objectKindOfVariable(target);
      case "AwaitExpression":
        return this.objectKindOf(target.argument);
      case "NewExpression":
        return this.factoryKind(target.callee, true);
      case "CallExpression": {
        const factory = this.factoryKind(target.callee, false);
        if (factory) return factory;
        if (target.callee.type !== "MemberExpression") return undefined;
        // Chained registration returns the object itself: `new Hono().get(…).post(…)`, `app.route("/x").get(h)`.
        const method = staticName(target.callee.property, target.callee.computed);
        const receiver = method === undefined ? undefined : this.objectKindOf(target.callee.object);
        if (!receiver || method === undefined) return undefined;
        if (receiver === "express" && method === "route") return "express-route";
        if (receiver === "hono-factory") return method === "createApp" ? "hono" : undefined;
        if (HANDLER_METHODS[receiver].has(method) || CHAINABLE_METHODS[receiver]?.has(method) || method === "listen") return receiver;
        return undefined;
      }
      default:
        return undefined;
    }
  }

  private factoryKind(callee: TSESTree.Node, isNew: boolean): FrameworkObject | undefined {
    const origin = this.bindings.originOf(callee);
    if (!origin) return undefined;
    if (isModuleValue(origin, (m) => m === "express", ["", "Router", "default"])) return "express";
    if (isModuleValue(origin, (m) => HTTP_MODULES.has(m), ["createServer", "createSecureServer", "Server"])) return "http-server";
    if (isNew) {
      if (isModuleValue(origin, (m) => m === "koa", ["", "default", "Koa"])) return "koa";
      if (isModuleValue(origin, (m) => KOA_ROUTER_MODULES.has(m), ["", "default", "Router"])) return "koa-router";
      if (isModuleValue(origin, (m) => HONO_MODULES.has(m), ["Hono"])) return "hono";
      return undefined;
    }
    // koa-router creates itself when called without `new` (`const router = require("koa-router")()`).
    if (isModuleValue(origin, (m) => KOA_ROUTER_MODULES.has(m), ["", "default", "Router"])) return "koa-router";
    if (isModuleValue(origin, (m) => m === "fastify", ["", "default", "fastify"])) return "fastify";
    if (isModuleValue(origin, (m) => m === HONO_FACTORY_MODULE, ["createFactory"])) return "hono-factory";
    return undefined;
  }

  private objectKindOfVariable(identifier: TSESTree.Identifier): FrameworkObject | undefined {
    const variable = this.bindings.variableOf(identifier);
    if (!variable) return undefined;
    if (this.variableKinds.has(variable)) return this.variableKinds.get(variable) ?? undefined;
    this.variableKinds.set(variable, null); // cycle guard
    const kind = this.computeVariableKind(variable);
    this.variableKinds.set(variable, kind ?? null);
    return kind;
  }

  private computeVariableKind(variable: Scope.Variable): FrameworkObject | undefined {
    for (const reference of variable.references) {
      const written = reference.writeExpr ? this.objectKindOf(reference.writeExpr) : undefined;
      if (written) return written;
    }
    for (const def of variable.defs) {
      if (def.type !== "Parameter") continue;
      const parameter = def.name as TSESTree.Identifier;
      const typed = this.typedObjectKind(parameter.typeAnnotation?.typeAnnotation);
      if (typed) return typed;
      const fn = def.node;
      if (!isFunctionNode(fn)) continue;
      const index = fn.params.indexOf(parameter);
      if (index === 0 && this.isFastifyPlugin(fn)) return "fastify";
      if (index !== -1) {
        const passed = this.argumentKindAtCallSites(fn, index);
        if (passed) return passed;
      }
    }
    return undefined;
  }

  /** `function routes(app) { app.get(…) }` called in this file as `routes(express())` / `routes(app)`. */
  private argumentKindAtCallSites(fn: FunctionNode, index: number): FrameworkObject | undefined {
    for (const call of this.identifierCalls) {
      const argument = call.arguments[index];
      if (!argument || argument.type === "SpreadElement") continue;
      if (!this.bindings.functionsOf(call.callee).includes(fn)) continue;
      const kind = this.objectKindOf(argument);
      if (kind) return kind;
    }
    return undefined;
  }

  private typedObjectKind(type: TSESTree.TypeNode | undefined): FrameworkObject | undefined {
    if (type?.type !== "TSTypeReference") return undefined;
    const origin = this.bindings.originOf(type.typeName);
    return TYPED_FRAMEWORK_OBJECTS.find((entry) => isModuleValue(origin, entry.module, entry.names))?.object;
  }

  /** `fastify.register(fn)`, `fp(fn)` from fastify-plugin, or `const fn: FastifyPluginAsync = …`. */
  private isFastifyPlugin(fn: FunctionNode): boolean {
    for (const call of this.registerCalls) {
      const callee = call.callee as TSESTree.MemberExpression;
      if (this.bindings.functionsOf(call.arguments[0]).includes(fn) && this.objectKindOf(callee.object) === "fastify") return true;
    }
    for (const call of this.identifierCalls) {
      if (isModuleValue(this.bindings.originOf(call.callee), (m) => m === "fastify-plugin", ["", "default", "fastifyPlugin"])) {
        if (this.bindings.functionsOf(call.arguments[0]).includes(fn)) return true;
      }
    }
    const holder = fn.parent;
    if (holder?.type === "VariableDeclarator" && holder.init === fn && holder.id.type === "Identifier") {
      const type = holder.id.typeAnnotation?.typeAnnotation;
      if (type?.type === "TSTypeReference") {
        const origin = this.bindings.originOf(type.typeName);
        return origin !== undefined && isFastifyTypesModule(origin.module) && origin.path.length === 1 && FASTIFY_PLUGIN_TYPE.test(origin.path[0]);
      }
    }
    return false;
  }

  // --- registrations -------------------------------------------------------------------------

  private collectRegistration(call: TSESTree.CallExpression): void {
    const callee = call.callee as TSESTree.MemberExpression;
    const method = staticName(callee.property, callee.computed);
    if (method === undefined || !ANY_HANDLER_METHOD.has(method)) return;
    const kind = this.objectKindOf(callee.object);
    if (kind && method === "listen") this.listensAsServer = true;
    if (!kind || !HANDLER_METHODS[kind].has(method)) return;
    const framework = FRAMEWORK_OF_OBJECT[kind];
    const args = call.arguments;
    if (kind === "http-server") {
      const event = args[0] && staticName(args[0], true);
      if (event === "request" || event === "checkContinue") this.addRequest(this.bindings.functionsOf(args[1]), framework, call);
      return;
    }
    if (kind === "fastify" && method === "addHook") {
      const hook = args[0] && staticName(args[0], true);
      if (hook !== undefined && FASTIFY_REQUEST_HOOKS.has(hook)) this.addRequest(this.bindings.functionsOf(args[1]), framework, call);
      return;
    }
    for (const argument of args) {
      if (kind === "fastify" && argument.type === "ObjectExpression") {
        this.addRequest(this.fastifyRouteOptionFunctions(argument), framework, call);
      } else if (argument.type !== "ObjectExpression") {
        this.addRequest(this.bindings.functionsOf(argument), framework, call);
      }
    }
  }

  private fastifyRouteOptionFunctions(options: TSESTree.ObjectExpression): FunctionNode[] {
    return options.properties.flatMap((property) => {
      if (property.type !== "Property") return [];
      const key = staticName(property.key, property.computed);
      if (key === undefined || !FASTIFY_ROUTE_FUNCTIONS.has(key)) return [];
      // `{ handler }` shorthand and `{ async handler(req, reply) {} }` methods both land here.
      return this.bindings.functionsOf(property.value);
    });
  }

  /** `http.createServer(cb)`, `createServer(options, cb)`, `new http.Server(cb)`: `cb` runs per request. */
  private collectNodeHttpServer(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
    if (node.arguments.length === 0) return;
    const origin = this.bindings.originOf(node.callee);
    if (!isModuleValue(origin, (m) => HTTP_MODULES.has(m), ["createServer", "createSecureServer", "Server"])) return;
    this.addRequest(node.arguments.flatMap((argument) => this.bindings.functionsOf(argument)), "node-http", node);
  }

  /** `createMiddleware(async (c, next) => …)` from hono/factory. */
  private collectHonoMiddleware(call: TSESTree.CallExpression): void {
    if (!isModuleValue(this.bindings.originOf(call.callee), (m) => m === HONO_FACTORY_MODULE, ["createMiddleware"])) return;
    this.addRequest(this.bindings.functionsOf(call.arguments[0]), "hono", call);
  }

  private collectNestClass(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): void {
    const classDecorators = node.decorators.map((decorator) => this.nestDecorator(decorator));
    const hasClassDecorator = (table: Record<string, ReadonlySet<string>>): boolean =>
      classDecorators.some((decorator) => decorator !== undefined && table[decorator.module]?.has(decorator.name) === true);
    if (hasClassDecorator(NEST_HANDLER_CLASSES)) {
      for (const member of node.body.body) {
        if (member.type !== "MethodDefinition" || member.kind !== "method") continue;
        const route = member.decorators.find((decorator) => {
          const found = this.nestDecorator(decorator);
          return found !== undefined && NEST_HANDLER_DECORATORS[found.module]?.has(found.name) === true;
        });
        if (route && isFunctionNode(member.value)) this.addRequest([member.value], "nestjs", route);
      }
    }
    // `implements NestMiddleware` is enough: a middleware class without `@Injectable()` is valid Nest.
    const perRequestMethods = node.implements.flatMap((clause) => {
      const origin = this.bindings.originOf(clause.expression);
      const name = origin?.module === NEST_COMMON && origin.path.length === 1 ? origin.path[0] : undefined;
      return name !== undefined && Object.hasOwn(NEST_PER_REQUEST_INTERFACES, name) ? [NEST_PER_REQUEST_INTERFACES[name]] : [];
    });
    const injectable = classDecorators.some((decorator) => decorator?.module === NEST_COMMON && decorator.name === "Injectable");
    const exceptionFilter = classDecorators.some((decorator) => decorator?.module === NEST_COMMON && decorator.name === "Catch");
    if (perRequestMethods.length === 0 && !injectable && !exceptionFilter) return;
    for (const member of node.body.body) {
      if (member.type !== "MethodDefinition" || member.kind !== "method") continue;
      const name = staticName(member.key, member.computed);
      // Without an `implements` clause (JavaScript, lax TypeScript): `use(req, res, next)` is Nest's middleware shape.
      const middlewareShape = injectable && name === "use" && member.value.params.length === 3;
      const filterShape = exceptionFilter && name === "catch";
      if (name !== undefined && (perRequestMethods.includes(name) || middlewareShape || filterShape) && isFunctionNode(member.value)) {
        this.addRequest([member.value], "nestjs", member);
      }
    }
  }

  /** Module and name of a decorator imported from a `@nestjs/*` package. */
  private nestDecorator(decorator: TSESTree.Decorator): { module: string; name: string } | undefined {
    const expression = decorator.expression.type === "CallExpression" ? decorator.expression.callee : decorator.expression;
    const origin = this.bindings.originOf(expression);
    return origin?.module.startsWith("@nestjs/") && origin.path.length === 1 ? { module: origin.module, name: origin.path[0] } : undefined;
  }

  /** A function typed as a handler of a framework, or taking its request/response/context (see PER_REQUEST_TYPES). */
  private collectTypedHandler(fn: FunctionNode): void {
    if (this.byFunction.has(fn) || (fn.parent?.type === "MethodDefinition" && fn.parent.kind !== "method")) return;
    const holder = fn.parent?.type === "VariableDeclarator" && fn.parent.init === fn ? fn.parent.id : undefined;
    const types = [holder?.typeAnnotation?.typeAnnotation, ...fn.params.map(parameterType)];
    for (const type of types) {
      if (type?.type !== "TSTypeReference") continue;
      const origin = this.bindings.originOf(type.typeName);
      const name = origin?.path.length === 1 ? origin.path[0] : undefined;
      const entry = name === undefined ? undefined : PER_REQUEST_TYPES.find((candidate) => candidate.module(origin!.module) && candidate.names.has(name));
      if (entry) {
        this.addRequest([fn], entry.framework, type);
        return;
      }
    }
  }

  /**
   * Next.js server actions run once per form submission or client call: the exported async functions
   * of a `"use server"` file, and functions whose body starts with `"use server"`.
   */
  private collectServerActions(inlineActions: readonly FunctionNode[]): void {
    this.addRequest(inlineActions, "nextjs-action", this.input.ast);
    if (!hasDirective(this.input.ast.body, "use server")) return;
    for (const exported of this.namedExports()) {
      this.addRequest(this.bindings.functionsOf(exported.value).filter((fn) => fn.async), "nextjs-action", exported.exportNode);
    }
    for (const statement of this.input.ast.body) {
      if (statement.type !== "ExportDefaultDeclaration") continue;
      this.addRequest(this.bindings.functionsOf(statement.declaration).filter((fn) => fn.async), "nextjs-action", statement);
    }
  }

  // --- exports: Next.js and Lambda -----------------------------------------------------------

  private get normalizedFilename(): string {
    return this.input.filename.replace(/\\/g, "/");
  }

  private isNextFile(): boolean {
    const filename = this.normalizedFilename;
    return NEXT_APP_ROUTE.test(filename) || NEXT_PAGES_API.test(filename) || this.isNextMiddleware();
  }

  private isNextMiddleware(): boolean {
    if (!NEXT_MIDDLEWARE.test(this.normalizedFilename)) return false;
    return this.input.ast.body.some(
      (statement) => statement.type === "ImportDeclaration" && statement.source.value.startsWith("next/server"),
    );
  }

  private collectNext(): void {
    const filename = this.normalizedFilename;
    const appRoute = NEXT_APP_ROUTE.test(filename);
    const middleware = this.isNextMiddleware();
    const pagesApi = NEXT_PAGES_API.test(filename);
    if (!appRoute && !middleware && !pagesApi) return;
    const isNamedHandler = (name: string): boolean =>
      (appRoute && NEXT_HTTP_EXPORTS.has(name)) || (middleware && name === "middleware");
    for (const exported of this.namedExports()) {
      if (isNamedHandler(exported.name)) this.addRequest(this.bindings.functionsOf(exported.value), "nextjs", exported.exportNode);
    }
    for (const statement of this.input.ast.body) {
      if (statement.type !== "ExportDefaultDeclaration" || (!pagesApi && !middleware)) continue;
      this.addRequest(this.bindings.functionsOf(statement.declaration), "nextjs", statement);
    }
  }

  /** Every named ESM and CommonJS export of the file, with the expression or function it exports. */
  private namedExports(): ExportedValue[] {
    const exported: ExportedValue[] = [];
    for (const statement of this.input.ast.body) {
      if (statement.type === "ExportNamedDeclaration") {
        const declaration = statement.declaration;
        if (declaration?.type === "FunctionDeclaration" && declaration.id) {
          exported.push({ name: declaration.id.name, value: declaration, nameNode: declaration.id, exportNode: statement });
        } else if (declaration?.type === "VariableDeclaration") {
          for (const declarator of declaration.declarations) {
            if (declarator.id.type !== "Identifier" || !declarator.init) continue;
            exported.push({
              name: declarator.id.name,
              value: declarator.init,
              nameNode: declarator.id,
              exportNode: statement,
              type: declarator.id.typeAnnotation?.typeAnnotation,
            });
          }
        } else if (!statement.source) {
          for (const specifier of statement.specifiers) {
            if (specifier.type !== "ExportSpecifier" || specifier.local.type !== "Identifier") continue;
            const name = specifier.exported.type === "Identifier" ? specifier.exported.name : specifier.exported.value;
            exported.push({ name, value: specifier.local, nameNode: specifier.exported, exportNode: statement });
          }
        }
      } else if (statement.type === "ExpressionStatement" && statement.expression.type === "AssignmentExpression") {
        exported.push(...this.commonJsExports(statement, statement.expression));
      }
    }
    return exported;
  }

  /** `exports.handler = …`, `module.exports.handler = …`, `module.exports = { handler, … }`. */
  private commonJsExports(statement: TSESTree.ExpressionStatement, assignment: TSESTree.AssignmentExpression): ExportedValue[] {
    const { left, right } = assignment;
    if (assignment.operator !== "=" || left.type !== "MemberExpression") return [];
    const name = staticName(left.property, left.computed);
    if (name === undefined) return [];
    if (this.isGlobalNamed(left.object, "exports") || this.isModuleObject(left.object)) {
      return [{ name, value: right, nameNode: left.property, exportNode: statement }];
    }
    if (!this.isModuleObject(left)) return [];
    const object = unwrap(right);
    if (object.type !== "ObjectExpression") return [];
    return object.properties.flatMap((property) => {
      if (property.type !== "Property") return [];
      const key = staticName(property.key, property.computed);
      return key === undefined ? [] : [{ name: key, value: property.value, nameNode: property.key, exportNode: statement }];
    });
  }

  /** `module.exports` (so that `module.exports.handler = …` is a named export). */
  private isModuleObject(node: TSESTree.Node): boolean {
    return (
      node.type === "MemberExpression" &&
      staticName(node.property, node.computed) === "exports" &&
      this.isGlobalNamed(node.object, "module")
    );
  }

  private isGlobalNamed(node: TSESTree.Node, name: string): boolean {
    return node.type === "Identifier" && node.name === name && this.bindings.isGlobal(node);
  }

  private collectLambdas(): void {
    // A Next.js route file or a server that listens runs handlers per request, not per invocation.
    if (this.isNextFile() || this.listensAsServer) return;
    const names = new Set([...DEFAULT_LAMBDA_NAMES, ...this.input.settings.lambdaHandlerNames]);
    for (const exported of this.namedExports()) {
      const typed = this.isAwsLambdaType(exported.type) || this.isAwsLambdaTypedValue(exported.value);
      if (!names.has(exported.name) && !typed) continue;
      const middyWrapped = this.middyWrappedFunction(exported.value);
      const streamed = this.streamingFunction(middyWrapped ?? this.unwrapVendorWrapper(exported.value));
      const functions = streamed
        ? this.bindings.functionsOf(streamed)
        : middyWrapped
          ? this.bindings.functionsOf(middyWrapped)
          : this.lambdaFunctionsOf(this.unwrapVendorWrapper(exported.value));
      for (const fn of functions) {
        if (this.byFunction.has(fn)) continue; // also registered with a web framework: a request handler
        const handler: LambdaHandler = {
          kind: "lambda",
          function: fn,
          exportName: exported.name,
          nameNode: exported.nameNode,
          exportNode: exported.exportNode,
          middy: middyWrapped !== undefined,
          // A streaming handler's third parameter is the context, not a callback.
          callbackStyle: !streamed && fn.params.length >= 3,
          platform: awsLambda,
        };
        this.lambdaHandlers.push(handler);
        this.byFunction.set(fn, handler);
      }
    }
  }

  /** The function a Lambda export is: inline or by name, never through an arbitrary wrapper call. */
  private lambdaFunctionsOf(value: TSESTree.Node): FunctionNode[] {
    const target = unwrap(value);
    if (target.type === "CallExpression") return [];
    return this.bindings.functionsOf(target);
  }

  private isAwsLambdaType(type: TSESTree.TypeNode | undefined): boolean {
    if (type?.type !== "TSTypeReference") return false;
    const origin = this.bindings.originOf(type.typeName);
    return origin?.module === AWS_LAMBDA_MODULE && origin.path.length === 1 && AWS_LAMBDA_HANDLER_TYPE.test(origin.path[0]);
  }

  /** `(async (event) => …) satisfies Handler` / `as APIGatewayProxyHandler`. */
  private isAwsLambdaTypedValue(value: TSESTree.Node): boolean {
    return (
      (value.type === "TSSatisfiesExpression" || value.type === "TSAsExpression") && this.isAwsLambdaType(value.typeAnnotation)
    );
  }

  /** `Sentry.wrapHandler(fn)`, `datadog(fn)` → `fn` (see TRANSPARENT_LAMBDA_WRAPPERS); anything else as is. */
  private unwrapVendorWrapper(value: TSESTree.Node): TSESTree.Node {
    const target = unwrap(value);
    if (target.type !== "CallExpression" || !target.arguments[0]) return value;
    const origin = this.bindings.originOf(target.callee);
    const transparent = TRANSPARENT_LAMBDA_WRAPPERS.some(
      (wrapper) => origin !== undefined && wrapper.module(origin.module) && wrapper.paths.some((path) => path.join(".") === origin.path.join(".")),
    );
    return transparent ? target.arguments[0] : value;
  }

  /**
   * `awslambda.streamifyResponse(fn)` (the runtime's global for response streaming, also through a
   * `const streamifyResponse = awslambda.streamifyResponse` alias) or the `lambda-stream` package's
   * `streamifyResponse(fn)` → `fn`.
   */
  private streamingFunction(value: TSESTree.Node): TSESTree.Node | undefined {
    const target = unwrap(value);
    if (target.type !== "CallExpression") return undefined;
    let callee = unwrap(target.callee);
    if (callee.type === "Identifier") {
      if (isModuleValue(this.bindings.originOf(callee), (m) => m === "lambda-stream", ["streamifyResponse"])) return target.arguments[0];
      const def = this.bindings.variableOf(callee)?.defs[0];
      const alias = def?.type === "Variable" && def.node.type === "VariableDeclarator" && def.parent?.kind === "const" ? def.node.init : null;
      if (!alias) return undefined;
      callee = unwrap(alias);
    }
    if (callee.type !== "MemberExpression") return undefined;
    const { object } = callee;
    const isRuntimeGlobal = object.type === "Identifier" && object.name === "awslambda" && this.bindings.isGlobal(object);
    return isRuntimeGlobal && staticName(callee.property, callee.computed) === "streamifyResponse" ? target.arguments[0] : undefined;
  }

  /** `middy(fn)`, `middy(fn).use(…)…`, `middy().use(…).handler(fn)` → `fn`. */
  private middyWrappedFunction(value: TSESTree.Node): TSESTree.Node | undefined {
    let current = unwrap(value);
    while (current.type === "CallExpression") {
      const { callee } = current;
      if (callee.type === "MemberExpression") {
        if (staticName(callee.property, callee.computed) === "handler" && this.isMiddyChain(callee.object)) {
          return current.arguments[0];
        }
        current = unwrap(callee.object);
        continue;
      }
      const origin = this.bindings.originOf(callee);
      if (isModuleValue(origin, (m) => MIDDY_MODULES.has(m), ["", "default", "middy"])) {
        const base = current.arguments[0];
        return base && base.type !== "ObjectExpression" ? base : undefined;
      }
      return undefined;
    }
    return undefined;
  }

  private isMiddyChain(node: TSESTree.Node): boolean {
    let current = unwrap(node);
    while (current.type === "CallExpression") {
      if (current.callee.type !== "MemberExpression") {
        return isModuleValue(this.bindings.originOf(current.callee), (m) => MIDDY_MODULES.has(m), ["", "default", "middy"]);
      }
      current = unwrap(current.callee.object);
    }
    return false;
  }
}

/** Does a body (or the program) start with the directive `"use server"`-style `directive`? */
function hasDirective(statements: readonly TSESTree.Node[], directive: string): boolean {
  for (const statement of statements) {
    if (statement.type !== "ExpressionStatement" || statement.expression.type !== "Literal" || typeof statement.expression.value !== "string") return false;
    if (statement.expression.value === directive) return true;
  }
  return false;
}

function parameterType(parameter: TSESTree.Parameter): TSESTree.TypeNode | undefined {
  const target = parameter.type === "AssignmentPattern" ? parameter.left : parameter;
  if (target.type === "TSParameterProperty") return undefined;
  return target.typeAnnotation?.typeAnnotation;
}

function hasTypeAnnotations(fn: FunctionNode): boolean {
  const holder = fn.parent?.type === "VariableDeclarator" ? fn.parent.id : undefined;
  return holder?.typeAnnotation !== undefined || fn.params.some((parameter) => parameterType(parameter) !== undefined);
}

interface ExportedValue {
  readonly name: string;
  /** The exported expression, function declaration, or local identifier. */
  readonly value: TSESTree.Node;
  readonly nameNode: TSESTree.Node;
  readonly exportNode: TSESTree.Node;
  readonly type?: TSESTree.TypeNode;
}

const ANY_HANDLER_METHOD = new Set([...Object.values(HANDLER_METHODS).flatMap((methods) => [...methods]), "listen"]);

const models = new AttachedCache<TSESTree.Program, HandlerModel>("honeyhive.handlerModel");

/** Request and Lambda handlers of a file; computed once per AST. Never throws (an empty model instead). */
export function getHandlerModel(input: AnalysisInput): HandlerModel {
  let model = models.get(input.ast);
  if (!model) {
    try {
      model = new HandlerAnalysis(input);
    } catch (error) {
      reportAnalysisError(error);
      model = EMPTY_MODEL;
    }
    models.set(input.ast, model);
  }
  return model;
}

const EMPTY_MODEL: HandlerModel = Object.freeze({
  requestHandlers: [],
  lambdaHandlers: [],
  handlerOf: () => undefined,
  enclosingHandler: () => undefined,
});

// ---------------------------------------------------------------------------------------------
// `sessionStart()` inside a handler: shared by the rule `no-session-start-in-handler` and the
// transform `session-start-to-create-session`, so both find exactly the same calls.

export interface SessionStartInHandler {
  readonly call: TSESTree.CallExpression;
  /** The `sessionStart` property (identifier or computed string): the only text the fix replaces. */
  readonly property: TSESTree.Expression | TSESTree.PrivateIdentifier;
  /** The text that replaces `property`: `createSession`, or the same string literal with the new name. */
  readonly replacement: string;
  readonly handler: Handler;
  readonly tracer: TracerDeclaration;
}

/** `<tracer>.sessionStart(…)` (also `?.`, `["sessionStart"]`) lexically inside a request or Lambda handler. */
export function sessionStartInHandler(input: AnalysisInput, call: TSESTree.CallExpression): SessionStartInHandler | undefined {
  const callee = call.callee;
  if (callee.type !== "MemberExpression" || staticName(callee.property, callee.computed) !== "sessionStart") return undefined;
  const sdk = getSdkModel(input);
  if (!sdk.usesSdk) return undefined;
  const tracer = sdk.tracerOf(callee.object);
  if (!tracer) return undefined;
  const handler = getHandlerModel(input).enclosingHandler(call);
  if (!handler || isCreatedPerCall(tracer, handler.function)) return undefined;
  const property = callee.property;
  const original = input.text.slice(property.range[0], property.range[1]);
  const replacement = callee.computed ? original.replace("sessionStart", "createSession") : "createSession";
  return { call, property, replacement, handler, tracer };
}

/**
 * `const tracer = await HoneyHiveTracer.init(…)` inside the handler itself (the seed's per-request
 * tracer for Lambdas): each call has its own tracer, so its `sessionStart()` is not shared state.
 */
function isCreatedPerCall(tracer: TracerDeclaration, fn: FunctionNode): boolean {
  const declarator = tracer.declaration;
  if (tracer.kind !== "init" || declarator.type !== "VariableDeclarator" || !tracer.variable) return false;
  if (declarator.range[0] < fn.body.range[0] || declarator.range[1] > fn.body.range[1]) return false;
  let value = declarator.init ? unwrap(declarator.init) : undefined;
  while (value?.type === "AwaitExpression") value = unwrap(value.argument);
  const writes = tracer.variable.references.filter((reference) => reference.writeExpr);
  return value !== undefined && writes.length === 1 && tracer.initializations.includes(value as TSESTree.Expression);
}

/** A short human name for where a handler lives: "Express handler", "AWS Lambda handler", … */
export function describeHandler(handler: Handler): string {
  if (handler.kind === "lambda") return "AWS Lambda handler";
  return `${FRAMEWORK_NAMES[handler.framework]} handler`;
}

const FRAMEWORK_NAMES: Record<RequestFramework, string> = {
  express: "Express",
  koa: "Koa",
  fastify: "Fastify",
  hono: "Hono",
  "node-http": "node:http request",
  nestjs: "NestJS",
  nextjs: "Next.js route",
  "nextjs-action": "Next.js server action",
  vercel: "Vercel function",
};
