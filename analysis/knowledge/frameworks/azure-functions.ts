import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
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

/** Whether a folder holds a v3 `function.json` that runs `file` (its `scriptFile`, else the folder's `index.*`), by folder and file name. */
const v3ScriptFiles = new Map<string, string | null>();

/**
 * The module a v3 function folder's `function.json` runs: the base name of its `scriptFile`, or
 * `index` (Azure's default `index.js`; `index.ts` when the project compiles to it); undefined without
 * a `function.json` that declares a trigger binding.
 */
function v3ScriptOf(directory: string): string | undefined {
  const known = v3ScriptFiles.get(directory);
  if (known !== undefined) return known ?? undefined;
  let script: string | null = null;
  const path = resolve(directory, "function.json");
  if (existsSync(path)) {
    try {
      const config: unknown = JSON.parse(readFileSync(path, "utf8"));
      const record = typeof config === "object" && config !== null ? (config as Record<string, unknown>) : {};
      const bindings = Array.isArray(record.bindings) ? (record.bindings as unknown[]) : [];
      const triggered = bindings.some((binding) => typeof binding === "object" && binding !== null && /Trigger$/.test(String((binding as Record<string, unknown>).type)));
      if (triggered) script = typeof record.scriptFile === "string" ? basename(record.scriptFile).replace(/\.[^.]+$/, "") : "index";
    } catch {
      // A function.json that does not parse declares nothing: Azure would not load it either.
    }
  }
  v3ScriptFiles.set(directory, script);
  return script ?? undefined;
}

/** The file is the module its folder's v3 `function.json` runs: its default export is the function, typed or not. */
function isV3ScriptFile(filename: string): boolean {
  const absolute = resolve(filename);
  const script = v3ScriptOf(dirname(absolute));
  return script !== undefined && basename(absolute).replace(/\.[^.]+$/, "") === script;
}

/** The exports the entry gate should look for: `default` in a module its folder's `function.json` runs. */
function v3DeployedExports(filename: string): readonly string[] {
  return isV3ScriptFile(filename) ? ["default"] : [];
}

/**
 * The v3 programming model: each function's folder has a `function.json` and a module whose default
 * export is the handler (`export default httpTrigger`, `module.exports = async function (context, req)`).
 * Typed with the package's v3 types it is one anywhere; untyped JavaScript only in the module its
 * folder's `function.json` runs (nothing else in the file says it is Azure's).
 */
function collectV3DefaultExport(api: HandlerHookApi): void {
  let scriptFile: boolean | undefined;
  for (const statement of api.ast.body) {
    const value = statement.type === "ExportDefaultDeclaration" ? statement.declaration : moduleExportsValue(statement, api);
    if (!value) continue;
    for (const fn of api.functionsOf(value)) {
      if (api.isHandler(fn)) continue;
      if (isV3Function(api, value, fn) || (fn.params.length > 0 && (scriptFile ??= isV3ScriptFile(api.filename)))) {
        api.invocation(fn, { platform: azureFunctionsV3, exportName: "default", nameNode: value, exportNode: statement });
      }
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
  // Also in files that import nothing of Azure: an untyped v3 function is known by its function.json.
  hook: { trigger: { always: true }, signs: { invocation: { imports: [MODULE], deployedExports: v3DeployedExports }, request: {} }, run: collectV3DefaultExport },
} as const satisfies FrameworkDescriptor;
