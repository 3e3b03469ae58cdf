// NestJS registers handlers with decorators and interfaces, not calls: a small hook, run only in
// files that import a `@nestjs/*` package.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { findProperty, isFunctionNode, unwrapExpression } from "../../ast.js";
import type { ModuleOrigin } from "../../bindings.js";
import { nodesOfTypes, nodesOfTypesWithin } from "../../nodes.js";
import type { FrameworkDescriptor, HandlerHookApi, ParameterDecorators } from "../types.js";
import { REQUEST_OBJECT, instanceMethods } from "./common.js";

const COMMON = "@nestjs/common";
const CLASS_TYPES = [AST_NODE_TYPES.ClassDeclaration, AST_NODE_TYPES.ClassExpression] as const;

/** Method decorators that make a method run per request (HTTP route, message, GraphQL field, socket event), by module. */
const HANDLER_DECORATORS: Readonly<Record<string, readonly string[]>> = {
  [COMMON]: ["Get", "Post", "Put", "Patch", "Delete", "Head", "Options", "All", "Search", "Sse"],
  "@nestjs/microservices": ["MessagePattern", "EventPattern", "GrpcMethod", "GrpcStreamMethod"],
  "@nestjs/graphql": ["Query", "Mutation", "Subscription", "ResolveField", "ResolveReference"],
  "@nestjs/websockets": ["SubscribeMessage"],
  // `@nestjs/bull`: `@Process()` (or `@Process("name")`) on a method of a `@Processor("queue")` class runs per job.
  "@nestjs/bull": ["Process"],
};
/** Class decorators whose decorated methods are handlers. */
const HANDLER_CLASSES: Readonly<Record<string, readonly string[]>> = {
  [COMMON]: ["Controller"],
  "@nestjs/graphql": ["Resolver"],
  "@nestjs/websockets": ["WebSocketGateway"],
  "@nestjs/bull": ["Processor"],
};
/**
 * Class decorators whose class has a handler method by name, without a method decorator: a
 * `@Processor("queue")` class of `@nestjs/bullmq` extends `WorkerHost`, whose `process(job)` BullMQ's
 * worker runs per job (https://docs.nestjs.com/techniques/queues). A `@WebSocketGateway()` class's
 * `handleConnection(client)` and `handleDisconnect(client)` (the `OnGatewayConnection`/`OnGatewayDisconnect` hooks,
 * which Nest calls whether or not the class declares the interface: docs.nestjs.com/websockets/gateways "Lifecycle
 * hooks") run once per client connection, for every client at once.
 */
const HANDLER_METHODS_OF_CLASS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  "@nestjs/bullmq": { Processor: ["process"] },
  "@nestjs/websockets": { WebSocketGateway: ["handleConnection", "handleDisconnect"] },
};
/** Classes whose method runs per request, keyed by the interface the class implements. */
const PER_REQUEST_INTERFACES: Readonly<Record<string, string>> = {
  NestMiddleware: "use",
  NestInterceptor: "intercept",
  CanActivate: "canActivate",
  ExceptionFilter: "catch",
  PipeTransform: "transform",
};

/**
 * Injection scopes (docs.nestjs.com/fundamentals/injection-scopes, checked with the docs corpus): a class
 * decorated with `scope: Scope.REQUEST` in its options is instantiated for each incoming request, so its
 * field initializers and constructor run per request. A class that injects the request
 * (`@Inject(REQUEST)`, `REQUEST` from `@nestjs/core`) is request-scoped whatever its own option says
 * (the scope bubbles up the injection chain; nestjs/docs.nestjs.com#2945). `Scope.TRANSIENT` is left
 * out on purpose: a transient provider is made once per consumer that injects it, at bootstrap for a
 * singleton consumer (the docs' "Scope hierarchy": a singleton injecting a transient one stays a
 * singleton), so its constructor is not per-request code by itself.
 */
const INJECTION_SCOPE = {
  /** Class decorators that take scope options (`@Injectable({ scope })`, `@Controller({ path, scope })`), by module. */
  decorators: { [COMMON]: ["Injectable", "Controller"] } as Readonly<Record<string, readonly string[]>>,
  optionKey: "scope",
  /** The scope enum and its members that make an instance per request. */
  scopeEnum: { module: COMMON, name: "Scope" },
  perRequestMembers: ["REQUEST"] as readonly string[],
  /** `@Inject(token)` of one of these makes the class request-scoped. */
  inject: { module: COMMON, name: "Inject" },
  /**
   * A custom provider's long form in a module's `providers` (`@Module({ providers: [{ provide, useClass,
   * scope: Scope.REQUEST }] })`): the docs' "In the case of custom providers, you will have to set the
   * scope property in the long-hand form for a provider registration"; `useClass` names the class made per request.
   */
  moduleDecorator: { module: COMMON, name: "Module" },
  providersKey: "providers",
  useClassKey: "useClass",
  /** `useFactory: () => new ChatService(…)`: the factory runs per request, and the class it returns is made per request. */
  useFactoryKey: "useFactory",
  requestTokens: [{ module: "@nestjs/core", name: "REQUEST" }] as readonly { readonly module: string; readonly name: string }[],
};

/**
 * Route handler parameter decorators (docs.nestjs.com/custom-decorators, "Param decorators": `@Req()` is
 * `req`, `@Param(param?)` `req.params[param]`, `@Body(param?)`, `@Query(param?)`, `@Headers(param?)`;
 * checked with the docs corpus and @nestjs/common's route-params.decorator.d.ts: a first argument that is
 * not a string is a pipe). `@Session()` (the server's session store), `@Ip()` and `@Res()` are not the
 * client's text. GraphQL's `@Args("name")` and a gateway's `@MessageBody()` are what the client sent.
 */
const PARAMETER_DECORATORS = {
  injected: [
    { decorator: { package: COMMON, name: ["Req", "Request"] }, holds: "request" },
    { decorator: { package: COMMON, name: ["Headers", "Query", "Body"] }, holds: "part" },
    { decorator: { package: COMMON, name: "Param" }, holds: "part", route: true },
    { decorator: { package: "@nestjs/graphql", name: "Args" }, holds: "part" },
    { decorator: { package: "@nestjs/websockets", name: "MessageBody" }, holds: "part" },
  ],
  request: REQUEST_OBJECT,
  // docs.nestjs.com/pipes "Built-in pipes"; ParseUUIDPipe throws a BadRequestException unless the value is a UUID.
  validatingPipes: [{ package: COMMON, name: "ParseUUIDPipe" }],
  knownPipes: [
    {
      package: COMMON,
      name: ["ValidationPipe", "ParseIntPipe", "ParseFloatPipe", "ParseBoolPipe", "ParseArrayPipe", "ParseEnumPipe", "DefaultValuePipe", "ParseFilePipe", "ParseDatePipe"],
    },
  ],
  dtoChecks: [{ package: "class-validator", name: "IsUUID" }],
  // docs.nestjs.com/techniques/validation ("nested objects": `@ValidateNested()` with class-transformer's
  // `@Type(() => X)`, without which the nested value stays a plain object and is not validated).
  nestedDto: { validates: [{ package: "class-validator", name: "ValidateNested" }], typedBy: [{ package: "class-transformer", name: "Type" }] },
  // docs.nestjs.com/custom-decorators: `createParamDecorator((data, ctx: ExecutionContext) => { const request =
  // ctx.switchToHttp().getRequest(); return request.user; })`, run for each request of a route using it.
  customFactories: [{ package: COMMON, name: "createParamDecorator" }],
} as const satisfies ParameterDecorators;

interface Decorator {
  readonly module: string;
  readonly name: string;
}

/** Module and name of a decorator imported from a `@nestjs/*` package. */
function nestDecorator(api: HandlerHookApi, decorator: TSESTree.Decorator): Decorator | undefined {
  const expression = decorator.expression.type === "CallExpression" ? decorator.expression.callee : decorator.expression;
  const origin = api.originOf(expression);
  return origin?.module.startsWith("@nestjs/") && origin.path.length === 1 ? { module: origin.module, name: origin.path[0] } : undefined;
}

const isIn = (table: Readonly<Record<string, readonly string[]>>, found: Decorator | undefined): boolean =>
  found !== undefined && table[found.module]?.includes(found.name) === true;

/** `origin` is `{ module, name }` (one name deep, or `name.member` with `member` one of `members`). */
function isExport(origin: ModuleOrigin | undefined, spec: { readonly module: string; readonly name: string }, members?: readonly string[]): boolean {
  if (origin?.module !== spec.module || origin.typeOnly || origin.path[0] !== spec.name) return false;
  return members === undefined ? origin.path.length === 1 : origin.path.length === 2 && members.includes(origin.path[1]);
}

/** The decorator or injected parameter that makes the class request-scoped (`INJECTION_SCOPE`), if any. */
function requestScopeSign(api: HandlerHookApi, node: TSESTree.ClassDeclaration | TSESTree.ClassExpression, classDecorators: readonly (Decorator | undefined)[]): TSESTree.Node | undefined {
  const scoped = node.decorators.find((decorator, index) => {
    if (!isIn(INJECTION_SCOPE.decorators, classDecorators[index]) || decorator.expression.type !== AST_NODE_TYPES.CallExpression) return false;
    return hasRequestScope(api, api.objectOf(decorator.expression.arguments[0]));
  });
  if (scoped) return scoped;
  // `constructor(@Inject(REQUEST) req)` (a parameter property too), or a property `@Inject(REQUEST) req`.
  const constructor = node.body.body.find((member) => member.type === AST_NODE_TYPES.MethodDefinition && member.kind === "constructor");
  const parameters = constructor?.type === AST_NODE_TYPES.MethodDefinition ? constructor.value.params : [];
  const properties = node.body.body.filter((member) => member.type === AST_NODE_TYPES.PropertyDefinition && !member.static);
  for (const holder of [...parameters, ...properties]) {
    for (const decorator of "decorators" in holder ? (holder.decorators ?? []) : []) {
      const call = decorator.expression;
      if (call.type !== AST_NODE_TYPES.CallExpression || !isExport(api.originOf(call.callee), INJECTION_SCOPE.inject) || !call.arguments[0]) continue;
      const token = api.originOf(call.arguments[0]);
      if (INJECTION_SCOPE.requestTokens.some((spec) => isExport(token, spec))) return decorator;
    }
  }
  return undefined;
}

/** `scope: Scope.REQUEST` among an options object's properties. */
function hasRequestScope(api: HandlerHookApi, options: TSESTree.ObjectExpression | undefined): boolean {
  const scope = options && findProperty(options, INJECTION_SCOPE.optionKey);
  return scope !== undefined && isExport(api.originOf(scope.value), INJECTION_SCOPE.scopeEnum, INJECTION_SCOPE.perRequestMembers);
}

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** The class of this file a name resolves to (`useClass: ChatService`, a constructor parameter's type). */
function classNamed(api: HandlerHookApi, name: TSESTree.Node | undefined): ClassNode | undefined {
  if (name?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = api.variableOf(name)?.defs[0];
  return def?.type === "ClassName" && (def.node.type === AST_NODE_TYPES.ClassDeclaration || def.node.type === AST_NODE_TYPES.ClassExpression) ? def.node : undefined;
}

/**
 * Classes of this file registered request-scoped by a custom provider of a module of this file
 * (`@Module({ providers: [{ provide: TOKEN, useClass: ChatService, scope: Scope.REQUEST }] })`), with the
 * provider object that makes them so. A class registered from another module is not followed. A
 * request-scoped provider's factory itself runs per request (`useFactory: () => HoneyHiveTracer.init(…)`
 * makes a tracer for each request), so it is registered as a per-request function; a default-scoped
 * factory runs once, at bootstrap.
 */
function requestScopedByModules(api: HandlerHookApi, classes: readonly ClassNode[]): Map<ClassNode, TSESTree.Node> {
  const found = new Map<ClassNode, TSESTree.Node>();
  for (const node of classes) {
    for (const decorator of node.decorators) {
      const call = decorator.expression;
      if (call.type !== AST_NODE_TYPES.CallExpression || !isExport(api.originOf(call.callee), INJECTION_SCOPE.moduleDecorator)) continue;
      const options = api.objectOf(call.arguments[0]);
      const providers = options && findProperty(options, INJECTION_SCOPE.providersKey)?.value;
      if (providers?.type !== AST_NODE_TYPES.ArrayExpression) continue;
      for (const element of providers.elements) {
        const provider = element && element.type !== AST_NODE_TYPES.SpreadElement ? api.objectOf(element) : undefined;
        if (!provider || !hasRequestScope(api, provider)) continue;
        const factory = findProperty(provider, INJECTION_SCOPE.useFactoryKey)?.value;
        if (factory) api.request(api.functionsOf(factory).slice(0, 1), provider);
        const made = classNamed(api, findProperty(provider, INJECTION_SCOPE.useClassKey)?.value) ?? classMadeBy(api, factory);
        if (made && !found.has(made)) found.set(made, provider);
      }
    }
  }
  return found;
}

/**
 * The class of this file a factory always returns a new instance of: `() => new ChatService(…)`, or a
 * body whose every `return` is one (`async` too: Nest awaits a factory's promise). Another return, or
 * a class from elsewhere, is not followed.
 */
function classMadeBy(api: HandlerHookApi, factory: TSESTree.Node | undefined): ClassNode | undefined {
  const [fn] = factory ? api.functionsOf(factory) : [];
  if (!fn) return undefined;
  const madeIn = (value: TSESTree.Node | null | undefined): ClassNode | undefined => {
    const made = unwrapExpression(value);
    return made?.type === AST_NODE_TYPES.NewExpression ? classNamed(api, made.callee) : undefined;
  };
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return madeIn(fn.body);
  let found: ClassNode | undefined;
  for (const statement of nodesOfTypesWithin(api.ast, [AST_NODE_TYPES.ReturnStatement], fn.body)) {
    // A nested function's return is not the factory's.
    let owner: TSESTree.Node | undefined = statement.parent;
    while (owner && owner !== fn && !isFunctionNode(owner)) owner = owner.parent;
    if (owner !== fn) continue;
    const made = madeIn(statement.argument);
    if (!made || (found && found !== made)) return undefined;
    found = made;
  }
  return found;
}

/**
 * One level of scope bubbling (docs.nestjs.com/fundamentals/injection-scopes, "Scope hierarchy": a
 * provider that depends on a request-scoped one is request-scoped too): a class of this file whose
 * constructor takes a parameter typed with a request-scoped class of this file. Deeper chains are not followed.
 */
function injectingRequestScoped(api: HandlerHookApi, node: ClassNode, scoped: ReadonlySet<ClassNode>): TSESTree.Node | undefined {
  const constructor = node.body.body.find((member) => member.type === AST_NODE_TYPES.MethodDefinition && member.kind === "constructor");
  if (constructor?.type !== AST_NODE_TYPES.MethodDefinition) return undefined;
  for (const parameter of constructor.value.params) {
    const declared = parameter.type === AST_NODE_TYPES.TSParameterProperty ? parameter.parameter : parameter;
    const type = declared.type === AST_NODE_TYPES.Identifier ? declared.typeAnnotation?.typeAnnotation : undefined;
    const injected = type?.type === AST_NODE_TYPES.TSTypeReference ? classNamed(api, type.typeName) : undefined;
    if (injected && injected !== node && scoped.has(injected)) return parameter;
  }
  return undefined;
}

function collectClass(api: HandlerHookApi, node: ClassNode, requestScopedBy?: TSESTree.Node): void {
  const classDecorators = node.decorators.map((decorator) => nestDecorator(api, decorator));
  const requestScoped = requestScopeSign(api, node, classDecorators) ?? requestScopedBy;
  if (requestScoped) api.perRequestClass(node, requestScoped);
  if (classDecorators.some((decorator) => isIn(HANDLER_CLASSES, decorator))) {
    for (const { member, fn } of instanceMethods(node)) {
      const route = member.decorators.find((decorator) => isIn(HANDLER_DECORATORS, nestDecorator(api, decorator)));
      if (route) api.request([fn], route);
    }
  }
  const namedMethods = classDecorators.flatMap((decorator) => {
    return (decorator && HANDLER_METHODS_OF_CLASS[decorator.module]?.[decorator.name]) ?? [];
  });
  if (namedMethods.length > 0) for (const { member, fn } of instanceMethods(node, namedMethods)) api.request([fn], member);
  // `implements NestMiddleware` is enough: a middleware class without `@Injectable()` is valid Nest.
  const perRequestMethods = node.implements.flatMap((clause) => {
    const origin = api.originOf(clause.expression);
    const name = origin?.module === COMMON && origin.path.length === 1 ? origin.path[0] : undefined;
    return name !== undefined && Object.hasOwn(PER_REQUEST_INTERFACES, name) ? [PER_REQUEST_INTERFACES[name]] : [];
  });
  const injectable = classDecorators.some((decorator) => decorator?.module === COMMON && decorator.name === "Injectable");
  const exceptionFilter = classDecorators.some((decorator) => decorator?.module === COMMON && decorator.name === "Catch");
  if (perRequestMethods.length === 0 && !injectable && !exceptionFilter) return;
  for (const { member, name, fn } of instanceMethods(node)) {
    // Without an `implements` clause (JavaScript, lax TypeScript): `use(req, res, next)` is Nest's middleware shape.
    const middlewareShape = injectable && name === "use" && fn.params.length === 3;
    const filterShape = exceptionFilter && name === "catch";
    if (perRequestMethods.includes(name) || middlewareShape || filterShape) api.request([fn], member);
  }
}

/**
 * NestJS: controller/resolver/gateway methods with a route decorator, queue processors' job methods,
 * middleware, interceptors, guards, filters, pipes; request-scoped providers and controllers as classes
 * made per request.
 */
export const nestjs = {
  id: "nestjs",
  name: "NestJS",
  modules: ["@nestjs/*"],
  // A controller's parameters are what its decorators inject (`@Body() dto`, `@Headers("x") id`):
  // `PARAMETER_DECORATORS`. An interceptor, guard or filter reaches the request through the execution
  // context: `context.switchToHttp().getRequest()` is the platform's request (Express by default, or
  // Fastify): docs.nestjs.com/fundamentals/execution-context ("ArgumentsHost ... switchToHttp() ...
  // getRequest()"), /guards (`const request = context.switchToHttp().getRequest()`), /interceptors.
  requestInputs: {
    holds: "context",
    requestCalls: [{ calls: ["switchToHttp", "getRequest"], request: REQUEST_OBJECT }],
    parameterDecorators: PARAMETER_DECORATORS,
  },
  hook: {
    trigger: { imports: true },
    run(api) {
      const classes = nodesOfTypes(api.ast, CLASS_TYPES);
      // Custom providers registered request-scoped by a module of this file; then one level of bubbling
      // from every request-scoped class of the file (those and the ones scoped by their own decorator).
      const registered = api.text.includes("useClass") || api.text.includes("useFactory") ? requestScopedByModules(api, classes) : new Map<ClassNode, TSESTree.Node>();
      const scoped = new Set(registered.keys());
      for (const node of classes) {
        if (node.decorators.length > 0 && !scoped.has(node) && requestScopeSign(api, node, node.decorators.map((decorator) => nestDecorator(api, decorator)))) scoped.add(node);
      }
      if (scoped.size > 0) {
        for (const node of classes) {
          // Only a decorated class gets its constructor's parameters injected by type (the decorator is what
          // emits their types' metadata): a plain class taking a RequestContext is made by hand (review-rules4).
          const injecting = scoped.has(node) || node.decorators.length === 0 ? undefined : injectingRequestScoped(api, node, scoped);
          if (injecting) registered.set(node, injecting);
        }
      }
      for (const node of classes) {
        const by = registered.get(node);
        if (node.decorators.length > 0 || node.implements.length > 0 || by) collectClass(api, node, by);
      }
      // A custom parameter decorator's callback runs for every request of a route that uses it.
      if (api.text.includes("createParamDecorator")) {
        for (const call of nodesOfTypes(api.ast, [AST_NODE_TYPES.CallExpression])) {
          const callback = call.arguments[0];
          if (!callback || !isFunctionNode(callback)) continue;
          const origin = api.originOf(call.callee);
          if (PARAMETER_DECORATORS.customFactories.some((spec) => isExport(origin, { module: spec.package, name: spec.name }))) api.request([callback], call);
        }
      }
    },
  },
} as const satisfies FrameworkDescriptor;
