import type { TSESTree } from "@typescript-eslint/types";
import type { FunctionNode } from "../../ast.js";
import { unwrap } from "../../bindings.js";
import { azureFunctions as platform, azureFunctionsV3 } from "../platforms/azure-functions.js";
import type { FrameworkDescriptor, HandlerHookApi, ValueSpecifier } from "../types.js";
import { methods, moduleExportsValue } from "./common.js";

/** The trigger methods of the v4 programming model's `app` (each takes a name and a handler or `{ handler }`). */
const TRIGGERS = [
  "http", "get", "post", "put", "patch", "deleteRequest", "timer", "storageQueue", "storageBlob", "serviceBusQueue",
  "serviceBusTopic", "eventHub", "eventGrid", "cosmosDB", "sql", "mySql", "webPubSub", "warmup", "generic",
];

const MODULE = "@azure/functions";
/** The v3 model's function type, and its context type (the v3 handler's first parameter; v4's is `InvocationContext`, second). */
const V3_FUNCTION: ValueSpecifier = { package: MODULE, name: "AzureFunction" };
const V3_CONTEXT: ValueSpecifier = { package: MODULE, name: "Context" };

/** Is `type` a reference to one of `spec`'s types? */
function isType(api: HandlerHookApi, type: TSESTree.TypeNode | undefined, spec: ValueSpecifier): boolean {
  return type?.type === "TSTypeReference" && api.matches(type.typeName, spec);
}

/** A v3 function: the value is declared `AzureFunction` (`const httpTrigger: AzureFunction = …`), or its first parameter is typed `Context`. */
function isV3Function(api: HandlerHookApi, value: TSESTree.Node, fn: FunctionNode): boolean {
  const first = fn.params[0];
  if (first?.type === "Identifier" && isType(api, first.typeAnnotation?.typeAnnotation, V3_CONTEXT)) return true;
  const target = unwrap(value);
  const def = target.type === "Identifier" ? api.variableOf(target)?.defs[0] : undefined;
  return def?.node.type === "VariableDeclarator" && def.node.id.type === "Identifier" && isType(api, def.node.id.typeAnnotation?.typeAnnotation, V3_FUNCTION);
}

/**
 * The v3 programming model: each function's folder has a `function.json` and a module whose default
 * export is the handler (`export default httpTrigger`, `module.exports = …`). Read only when typed with
 * the package's v3 types: the JavaScript form says nothing of Azure without its `function.json`.
 */
function collectV3DefaultExport(api: HandlerHookApi): void {
  for (const statement of api.ast.body) {
    const value = statement.type === "ExportDefaultDeclaration" ? statement.declaration : moduleExportsValue(statement, api);
    if (!value) continue;
    for (const fn of api.functionsOf(value)) {
      if (!api.isHandler(fn) && isV3Function(api, value, fn)) api.invocation(fn, { platform: azureFunctionsV3, exportName: "default", nameNode: value, exportNode: statement });
    }
  }
}

/**
 * Azure Functions: the Node.js v4 model's `app.http("name", { handler })`, `app.storageQueue("name", { handler })`, …,
 * and the v3 model's default export typed `AzureFunction` (or taking a `Context`).
 */
export const azureFunctions = {
  id: "azure-functions",
  name: "Azure Functions",
  modules: [MODULE],
  platform,
  objects: {
    app: {
      isValue: [{ package: MODULE, name: "app" }],
      methods: methods(TRIGGERS, { options: ["handler"], nameArgument: 0 }),
    },
  },
  hook: { trigger: { imports: true }, run: collectV3DefaultExport },
} as const satisfies FrameworkDescriptor;
