// AWS Lambda entry points are exports, not registrations: `export const handler`, `exports.handler`,
// a configured name (`settings.honeyhive.lambdaHandlerNames`) or an export typed with an `aws-lambda`
// handler type; `middy(fn)`, the response-streaming wrappers and other vendors' transparent wrappers
// are looked through. A hook over the top-level exports only, run for every file that is neither a
// long-running server nor a file-routed module.
import type { TSESTree } from "@typescript-eslint/types";
import { staticName, type FunctionNode } from "../../ast.js";
import { unwrap } from "../../bindings.js";
import { projectDependsOn, projectRelativePath } from "../../deployment.js";
import { jsdocTypesBefore, mayHaveJsdocTypes } from "../../jsdoc.js";
import { awsLambda as awsLambdaPlatform } from "../platforms/aws-lambda.js";
import { TWILIO_FUNCTIONS_PROJECT, twilioFunctions } from "../platforms/twilio-functions.js";
import type { ExportedValue, FrameworkDescriptor, HandlerHookApi, ValueSpecifier } from "../types.js";
import { instanceMethods } from "./common.js";
import { configuredHandlerNames, configuredPlatform } from "./lambda-functions-config.js";

const DEFAULT_NAMES = ["handler"];
const MIDDY: ValueSpecifier = { package: ["@middy/core", "middy"], name: ["", "middy"] };
const LAMBDA_STREAM: ValueSpecifier = { package: "lambda-stream", name: "streamifyResponse" };
/**
 * Wrappers of other vendors that call the handler and do not flush a HoneyHive tracer (they flush their
 * own data): the wrapped function is the Lambda handler. Other wrapper calls are not looked through.
 * `soleArgument`: looked through only when called with one function (see Architect below).
 */
const TRANSPARENT_WRAPPERS: readonly { readonly callee: ValueSpecifier; readonly soleArgument?: true; readonly argument?: "last" }[] = [
  { callee: { package: ["@sentry/aws-serverless", "@sentry/serverless"], name: ["wrapHandler", "AWSLambda.wrapHandler"] } },
  { callee: { package: "datadog-lambda-js", name: "datadog" } },
  // SST v2's `export const handler = ApiHandler(async (event) => …)` (https://docs.sst.dev/clients/api#apihandler).
  { callee: { package: "sst/node/api", name: "ApiHandler" } },
  // Architect's `exports.handler = arc.http(async (req) => …)` (also the older `arc.http.async`) and
  // `arc.events.subscribe(fn)` / `arc.queues.subscribe(fn)`, which await the function and return its result
  // (https://arc.codes/docs/en/reference/runtime-helpers/node.js). `arc.http(auth, handler)` runs its
  // functions as middleware, in order: each one before the last may answer early (a 401), or hands
  // the request on by returning nothing; the last one is the route's handler and must answer. The
  // last is examined; the middleware before it are not (a flush there would run before the handler).
  { callee: { package: "@architect/functions", name: ["http", "http.async"] }, argument: "last" },
  { callee: { package: "@architect/functions", name: ["events.subscribe", "queues.subscribe"] }, soleArgument: true },
];
/**
 * A yargs command module (`yargs.commandDir("commands")`, `.command(require("./ingest"))`) exports its `handler`
 * beside `command`, the command's name and arguments, with `describe` and `builder`
 * (https://github.com/yargs/yargs/blob/main/docs/advanced.md#providing-a-command-module; yargs' `command.js`
 * reads `cmd.command` and `cmd.handler` of the module): a CLI command, run once per process, not a Lambda
 * handler. Its `handler` is one only where an `aws-lambda` type (of the export or of its function's parameters) or
 * the project's function configuration says so.
 */
const COMMAND_MODULE_EXPORT = "command";

/** `export const command = "ingest <file>"` / `exports.command = ["serve", "s"]`: yargs' command string(s). */
function isCommandString(value: TSESTree.Node): boolean {
  const target = unwrap(value);
  if (target.type === "ArrayExpression") return target.elements.length > 0 && target.elements.every((element) => element !== null && element.type !== "SpreadElement" && isCommandString(element));
  return (target.type === "Literal" && typeof target.value === "string") || target.type === "TemplateLiteral";
}
/** `Handler`, `APIGatewayProxyHandler`, `APIGatewayProxyHandlerV2`, `SQSHandler`, … */
const HANDLER_TYPE = /Handler(?:V\d+)?$/;

function isHandlerType(api: HandlerHookApi, type: TSESTree.TypeNode | undefined): boolean {
  if (type?.type !== "TSTypeReference") return false;
  const origin = api.originOf(type.typeName);
  return origin?.module === "aws-lambda" && origin.path.length === 1 && HANDLER_TYPE.test(origin.path[0]);
}

/** JavaScript's `/** @type {import("aws-lambda").SQSHandler} *\/ export const consume = …` (analysis/jsdoc.ts). */
function isJsdocHandlerType(api: HandlerHookApi, exported: ExportedValue): boolean {
  if (!mayHaveJsdocTypes(api.ast, api.text, api.filename)) return false;
  return jsdocTypesBefore(api.text, exported.exportNode).some((type) => type.tag === "type" && type.module === "aws-lambda" && HANDLER_TYPE.test(type.name));
}

/**
 * `async (event: APIGatewayProxyEvent, context: Context) => …`: a function of the export takes a parameter typed
 * with a type of `aws-lambda` (the event and context types that package declares for Lambda's handlers).
 */
function takesLambdaTypes(api: HandlerHookApi, exported: ExportedValue): boolean {
  return api.functionsOf(exported.value).some((fn) =>
    fn.params.some((parameter) => {
      const typed = parameter.type === "AssignmentPattern" ? parameter.left : parameter;
      const type = "typeAnnotation" in typed ? typed.typeAnnotation?.typeAnnotation : undefined;
      return type?.type === "TSTypeReference" && api.originOf(type.typeName)?.module === "aws-lambda";
    }),
  );
}

/** `(async (event) => …) satisfies Handler` / `as APIGatewayProxyHandler`. */
function isTypedValue(api: HandlerHookApi, value: TSESTree.Node): boolean {
  return (value.type === "TSSatisfiesExpression" || value.type === "TSAsExpression") && isHandlerType(api, value.typeAnnotation);
}

/** `Sentry.wrapHandler(fn)`, `datadog(fn)` → `fn`; anything else as is. */
function unwrapVendorWrapper(api: HandlerHookApi, value: TSESTree.Node): TSESTree.Node {
  const target = unwrap(value);
  if (target.type !== "CallExpression" || !target.arguments[0]) return value;
  const wrapper = TRANSPARENT_WRAPPERS.find(({ callee }) => api.matches(target.callee, callee));
  if (!wrapper) return value;
  if (wrapper.argument === "last") {
    const last = target.arguments.at(-1)!;
    return last.type === "SpreadElement" ? value : last;
  }
  return !wrapper.soleArgument || target.arguments.length === 1 ? target.arguments[0] : value;
}

/**
 * `awslambda.streamifyResponse(fn)` (the runtime's global for response streaming, also through a
 * `const streamifyResponse = awslambda.streamifyResponse` alias) or the `lambda-stream` package's
 * `streamifyResponse(fn)` → `fn`.
 */
function streamingFunction(api: HandlerHookApi, value: TSESTree.Node): TSESTree.Node | undefined {
  const target = unwrap(value);
  if (target.type !== "CallExpression") return undefined;
  let callee = unwrap(target.callee);
  if (callee.type === "Identifier") {
    if (api.matches(callee, LAMBDA_STREAM)) return target.arguments[0];
    const def = api.variableOf(callee)?.defs[0];
    const alias = def?.type === "Variable" && def.node.type === "VariableDeclarator" && def.parent?.kind === "const" ? def.node.init : null;
    if (!alias) return undefined;
    callee = unwrap(alias);
  }
  if (callee.type !== "MemberExpression") return undefined;
  const { object } = callee;
  // `declare const awslambda: …` (how TypeScript code types the runtime's global, which no types package
  // declares) is no binding: bindings.ts `isGlobal` reads it as the global, as it does `declare const Deno`.
  const isRuntimeGlobal = object.type === "Identifier" && object.name === "awslambda" && api.isGlobal(object);
  return isRuntimeGlobal && staticName(callee.property, callee.computed) === "streamifyResponse" ? target.arguments[0] : undefined;
}

function isMiddy(api: HandlerHookApi, callee: TSESTree.Node): boolean {
  return api.matches(callee, MIDDY);
}

/** `middy(fn)`, `middy(fn).use(…)…`, `middy().use(…).handler(fn)` → `fn`. */
function middyWrappedFunction(api: HandlerHookApi, value: TSESTree.Node): TSESTree.Node | undefined {
  let current = unwrap(value);
  while (current.type === "CallExpression") {
    const { callee } = current;
    if (callee.type === "MemberExpression") {
      if (staticName(callee.property, callee.computed) === "handler" && isMiddyChain(api, callee.object)) return current.arguments[0];
      current = unwrap(callee.object);
      continue;
    }
    if (!isMiddy(api, callee)) return undefined;
    const base = current.arguments[0];
    return base && base.type !== "ObjectExpression" ? base : undefined;
  }
  return undefined;
}

/**
 * A middleware of the middy chain (`middy(fn).use(mw)`, `.use([a, b])`; inline, through a `const`, or
 * the object a local factory returns: `.use(flushTraces())`) whose `after` awaits a flush on every path,
 * or an `.after(fn)` of the chain whose `fn` does.
 * middy runs `after` once the handler returned and awaits it before the invocation's promise settles,
 * so it covers every normal exit of the handler; a throw runs `onError` instead, and throw paths need
 * no flush (the rule's standard for any handler), so `onError` is not required.
 */
function middyFlushesAfter(api: HandlerHookApi, value: TSESTree.Node): boolean {
  for (let current = unwrap(value); current.type === "CallExpression" && current.callee.type === "MemberExpression"; current = unwrap(current.callee.object)) {
    const method = staticName(current.callee.property, current.callee.computed);
    // `.after(fn)`: middy's shorthand for `.use({ after: fn })`.
    if (method === "after" && current.arguments.some((argument) => api.functionsOf(argument).some((fn) => api.flushesOnEveryPath(fn)))) return true;
    if (method !== "use") continue;
    const used = current.arguments.flatMap((argument): TSESTree.Node[] => {
      const target = unwrap(argument);
      return target.type === "ArrayExpression" ? target.elements.filter((element): element is TSESTree.Expression => element !== null && element.type !== "SpreadElement") : [target];
    });
    if (used.some((middleware) => middlewareObjects(api, middleware).some((object) => flushingHook(api, object, "after")))) return true;
  }
  return false;
}

/** The middleware object `node` is: an object literal (inline or by `const`), or what a local factory called there returns. */
function middlewareObjects(api: HandlerHookApi, node: TSESTree.Node): TSESTree.ObjectExpression[] {
  const direct = api.objectOf(node);
  if (direct) return [direct];
  const call = unwrap(node);
  if (call.type !== "CallExpression") return [];
  return api.functionsOf(call.callee).flatMap((factory) => {
    if (factory.body.type !== "BlockStatement") return api.objectOf(factory.body) ? [api.objectOf(factory.body)!] : [];
    return factory.body.body.flatMap((statement) => (statement.type === "ReturnStatement" && statement.argument && api.objectOf(statement.argument) ? [api.objectOf(statement.argument)!] : []));
  });
}

function flushingHook(api: HandlerHookApi, object: TSESTree.ObjectExpression, key: string): boolean {
  return object.properties.some(
    (property) => property.type === "Property" && staticName(property.key, property.computed) === key && api.functionsOf(property.value).some((fn) => api.flushesOnEveryPath(fn)),
  );
}

function isMiddyChain(api: HandlerHookApi, node: TSESTree.Node): boolean {
  let current = unwrap(node);
  while (current.type === "CallExpression") {
    if (current.callee.type !== "MemberExpression") return isMiddy(api, current.callee);
    current = unwrap(current.callee.object);
  }
  return false;
}

/**
 * Powertools for AWS Lambda's class form (its decorators need a class): `export const handler =
 * handlerClass.handler.bind(handlerClass)` with `const handlerClass = new Lambda()` of a class declared
 * in this file (https://docs.powertools.aws.dev/lambda/typescript/latest/core/tracer/) → that method.
 */
function boundMethod(api: HandlerHookApi, value: TSESTree.Node): FunctionNode | undefined {
  const call = unwrap(value);
  if (call.type !== "CallExpression" || call.callee.type !== "MemberExpression" || staticName(call.callee.property, call.callee.computed) !== "bind") return undefined;
  const method = unwrap(call.callee.object);
  if (method.type !== "MemberExpression") return undefined;
  const name = staticName(method.property, method.computed);
  let instance: TSESTree.Node | null | undefined = unwrap(method.object);
  if (instance.type === "Identifier") {
    const def = api.variableOf(instance)?.defs[0];
    instance = def?.type === "Variable" && def.node.type === "VariableDeclarator" && def.parent?.kind === "const" ? def.node.init : undefined;
  }
  if (instance?.type !== "NewExpression" || instance.callee.type !== "Identifier") return undefined;
  const declaration = api.variableOf(instance.callee)?.defs[0]?.node;
  if (declaration?.type !== "ClassDeclaration" || name === undefined) return undefined;
  return instanceMethods(declaration, [name])[0]?.fn;
}

/**
 * The function a Lambda export is: inline or by name, never through an arbitrary wrapper call. A wrapper or
 * factory written in this file (`withSession(fn)`, curried `makeHandler(tracer)`) is read: the function it
 * returns is the handler the runtime calls (the wrapped `fn` runs inside it and is not an entry point).
 */
function lambdaFunctionsOf(api: HandlerHookApi, value: TSESTree.Node): FunctionNode[] {
  const target = unwrap(value);
  if (target.type === "CallExpression") return api.returnedFunctionsOf(target);
  // `const handler = withSession(fn)` exported by name: the same reading; any other held call as before.
  const held = target.type === "Identifier" ? api.valueOf(target) : undefined;
  const heldCall = held && unwrap(held);
  const returned = heldCall?.type === "CallExpression" ? api.returnedFunctionsOf(heldCall) : [];
  return returned.length > 0 ? returned : api.functionsOf(value);
}

/**
 * The functions the module itself calls at its top level (`handler().then(…)`, `await handler()`,
 * `void main()`): a module that runs its export on load is a script, not a Lambda. A call under a
 * condition (`if (require.main === module) handler()`) is a local test run and does not count.
 */
function calledOnLoad(api: HandlerHookApi): ReadonlySet<FunctionNode> {
  const called = new Set<FunctionNode>();
  for (const statement of api.ast.body) {
    if (statement.type !== "ExpressionStatement") continue;
    let current: TSESTree.Node = statement.expression;
    for (;;) {
      if (current.type === "AwaitExpression" || (current.type === "UnaryExpression" && current.operator === "void")) current = current.argument;
      else if (current.type === "CallExpression" && current.callee.type === "MemberExpression") current = current.callee.object;
      else break;
    }
    if (current.type === "CallExpression" && current.callee.type === "Identifier") for (const fn of api.functionsOf(current.callee)) called.add(fn);
  }
  return called;
}

/**
 * `export { handler }` / `module.exports = { handler }` of a never-reassigned `const handler = middy(base).use(…)`
 * (or a streaming wrapper, or a bound method): the call the name holds, read as if it were exported inline.
 * Any other name stays as it is (`functionsOf` follows it to a function, or to a call's function arguments).
 */
function exportedValue(api: HandlerHookApi, value: TSESTree.Node): TSESTree.Node {
  const target = unwrap(value);
  const held = target.type === "Identifier" ? api.valueOf(target) : undefined;
  if (!held || unwrap(held).type !== "CallExpression") return value;
  const recognized = middyWrappedFunction(api, held) !== undefined || streamingFunction(api, held) !== undefined || boundMethod(api, held) !== undefined;
  return recognized ? held : value;
}

function collectExport(api: HandlerHookApi, named: ExportedValue, scriptFunctions: ReadonlySet<FunctionNode>): void {
  const exported = { ...named, value: exportedValue(api, named.value) };
  const middyWrapped = middyWrappedFunction(api, exported.value);
  // Looked through once: read again below only where it was read here (no middy wrapper).
  const vendorUnwrapped = middyWrapped === undefined ? unwrapVendorWrapper(api, exported.value) : undefined;
  const streamed = streamingFunction(api, middyWrapped ?? vendorUnwrapped!);
  const bound = streamed || middyWrapped ? undefined : boundMethod(api, exported.value);
  const functions = streamed
    ? api.functionsOf(streamed)
    : middyWrapped
      ? api.functionsOf(middyWrapped)
      : bound
        ? [bound]
        : lambdaFunctionsOf(api, vendorUnwrapped!);
  // A flushing `after` middleware ends the invocation with a flush: the handler is then one request's work.
  if (middyWrapped && middyFlushesAfter(api, exported.value)) {
    api.request(functions, exported.exportNode);
    return;
  }
  const platform = isTwilioFunction(api.filename) ? twilioFunctions : (configuredPlatform(api.filename, api.cwd) ?? awsLambdaPlatform);
  for (const fn of functions) {
    if (scriptFunctions.has(fn)) continue;
    api.invocation(fn, {
      platform,
      exportName: exported.name,
      nameNode: exported.nameNode,
      exportNode: exported.exportNode,
      middy: middyWrapped !== undefined,
      // A streaming handler's third parameter is the context, not a callback. On Lambda an async handler that
      // never calls its callback ends with its promise; a Twilio Function ends only when the callback is called
      // ("When your code finishes, call callback() … After callback() returns, the runtime terminates execution":
      // twilio.com/docs/serverless/functions-assets/functions/invocation, and async handlers there still end
      // with `return callback(null, …)`: …/async-await-migration; checked with the search tool 2026-12-06).
      callbackStyle: !streamed && fn.params.length >= 3 && !(platform !== twilioFunctions && fn.async && !callsParameter(api, fn.params[2]!)),
    });
  }
}

/**
 * Whether `fn`'s parameter `parameter` is called in `fn` (`callback(null, result)`). An async handler that
 * never calls its callback, only passes it on (Bolt's `return handler(event, context, callback)`) or leaves
 * it unused, ends when its promise settles: the Node.js runtime uses the returned promise (aws-lambda's
 * `Handler` type: "callback … Can instead return a promise that resolves with the result payload"; the runtime
 * team's aws-lambda-nodejs-runtime-interface-client#137 on the two handler styles; checked with the search tool
 * 2026-12-06).
 */
function callsParameter(api: HandlerHookApi, parameter: TSESTree.Parameter): boolean {
  const variable = parameter.type === "Identifier" ? api.variableOf(parameter) : undefined;
  // A destructured or defaulted parameter: not read here, so keep the callback reading.
  if (!variable) return true;
  return variable.references.some(({ identifier }) => {
    const { parent } = identifier as TSESTree.Identifier;
    return parent?.type === "CallExpression" ? parent.callee === identifier : parent?.type === "MemberExpression" && parent.object === identifier;
  });
}

/** A Twilio Function: Lambda-shaped, with the request in its second parameter (`TWILIO_FUNCTIONS_PROJECT`). */
function isTwilioFunction(filename: string): boolean {
  return inTwilioFolder(filename, TWILIO_FUNCTIONS_PROJECT.folder);
}

/** A Twilio Asset (`TWILIO_FUNCTIONS_PROJECT.assetsFolder`): a module the Functions load, not an entry point of any platform. */
function isTwilioAsset(filename: string): boolean {
  return inTwilioFolder(filename, TWILIO_FUNCTIONS_PROJECT.assetsFolder);
}

function inTwilioFolder(filename: string, folder: string): boolean {
  // The dependency first: a look-up in the project's package.json, where the relative path is a string made anew per call.
  return projectDependsOn(filename, TWILIO_FUNCTIONS_PROJECT.dependencies) && projectRelativePath(filename)?.startsWith(folder) === true;
}

/** AWS Lambda handlers (and the Lambda-compatible exports of other hosts that have no descriptor of their own). */
export const awsLambda = {
  id: "aws-lambda",
  name: "AWS Lambda",
  modules: [],
  platform: awsLambdaPlatform,
  hook: {
    trigger: { always: true },
    // Its entry points are exports under these names, or typed with an `aws-lambda` type.
    signs: { invocation: { exports: DEFAULT_NAMES, configuredExports: true, deployedExports: configuredHandlerNames, imports: ["aws-lambda"] } },
    run(api) {
      // A server that listens, or a file-routed module, runs its handlers per request, not per invocation: there an
      // export is a Lambda handler only by `aws-lambda`'s types, not by its name (Redwood's `api/src/functions/*`,
      // which Vercel's `api/` convention matches under a root package.json, types its `handler` so).
      const routed = api.isServerOrRoutedFile;
      let asset: boolean | undefined; // a project look-up: asked only once an export is named like a handler
      const configured = configuredHandlerNames(api.filename, api.cwd);
      const names = new Set([...DEFAULT_NAMES, ...api.settings.lambdaHandlerNames, ...configured]);
      const commandModule = api.namedExports().some((exported) => exported.name === COMMAND_MODULE_EXPORT && isCommandString(exported.value));
      let scriptFunctions: ReadonlySet<FunctionNode> | undefined;
      for (const exported of api.namedExports()) {
        const typed = isHandlerType(api, exported.type) || isTypedValue(api, exported.value) || isJsdocHandlerType(api, exported);
        if (routed ? !(typed || (names.has(exported.name) && takesLambdaTypes(api, exported))) : !(typed || names.has(exported.name))) continue;
        if (commandModule && !typed && !configured.includes(exported.name) && !takesLambdaTypes(api, exported)) continue;
        if (routed && api.functionsOf(exported.value).some((fn) => api.isHandler(fn))) continue;
        if ((asset ??= isTwilioAsset(api.filename))) return;
        collectExport(api, exported, (scriptFunctions ??= calledOnLoad(api)));
      }
      // An ES module's `export default` is the handler `<file>.default`, only where it is configured so:
      // the runtime looks up the named export, and `<file>.handler` does not find a default one.
      if (routed || !names.has("default")) return;
      for (const statement of api.ast.body) {
        if (statement.type !== "ExportDefaultDeclaration") continue;
        const { declaration } = statement;
        const nameNode = (declaration.type === "FunctionDeclaration" || declaration.type === "ClassDeclaration") && declaration.id ? declaration.id : declaration;
        if ((asset ??= isTwilioAsset(api.filename))) return;
        collectExport(api, { name: "default", value: declaration, nameNode, exportNode: statement }, (scriptFunctions ??= calledOnLoad(api)));
      }
    },
  },
} as const satisfies FrameworkDescriptor;
