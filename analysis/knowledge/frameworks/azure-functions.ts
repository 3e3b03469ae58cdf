import { basename, dirname, join } from "node:path";
import type { TSESTree } from "@typescript-eslint/types";
import type { FunctionNode } from "../../ast.js";
import { unwrap } from "../../bindings.js";
import { deploymentOf } from "../../deployment.js";
import { absolutePath, projectModules, withoutBom } from "../../project-modules.js";
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

/** What a v3 function folder's `function.json` runs: a module of the folder, and the export Azure calls. */
interface V3Function {
  /** The module's base name without extension: its `scriptFile`'s, or `index`. */
  readonly script: string;
  /** Its `entryPoint` (a named export), else `default` (the module's export, `module.exports = …`). */
  readonly exportName: string;
}

/**
 * The function a `function.json` declares: the base name of its `scriptFile`, or `index` (Azure's
 * default `index.js`; `index.ts` when the project compiles to it), and its `entryPoint`; null without
 * a trigger binding.
 */
function v3FunctionOfText(text: string): V3Function | null {
  let config: unknown;
  try {
    config = JSON.parse(withoutBom(text));
  } catch {
    // A function.json that does not parse declares nothing: Azure would not load it either.
    return null;
  }
  const record = typeof config === "object" && config !== null ? (config as Record<string, unknown>) : {};
  const bindings = Array.isArray(record.bindings) ? (record.bindings as unknown[]) : [];
  const triggered = bindings.some((binding) => typeof binding === "object" && binding !== null && /Trigger$/.test(String((binding as Record<string, unknown>).type)));
  if (!triggered) return null;
  const script = typeof record.scriptFile === "string" ? basename(record.scriptFile).replace(/\.[^.]+$/, "") : "index";
  const exportName = typeof record.entryPoint === "string" && record.entryPoint !== "" ? record.entryPoint : "default";
  return { script, exportName };
}

/**
 * What the `function.json` of `directory` runs, through the project reader: its listing (read again
 * when the folder changes) and the file parsed again only when its mtime or size changes, each looked
 * at no more than once a second (`ProjectModules.rechecked`): a whole-tree lint pays no stat per file,
 * an editor session sees an edit soon after.
 */
function v3FunctionIn(directory: string): V3Function | undefined {
  return projectModules().rechecked(directory, readV3Function);
}

function readV3Function(directory: string): V3Function | undefined {
  const modules = projectModules();
  return modules.listing(directory)?.get("function.json") === "file" ? (modules.parsedFile(join(directory, "function.json"), v3FunctionOfText) ?? undefined) : undefined;
}

/** The export Azure calls in this file, when the file is the module its folder's v3 `function.json` runs. */
function v3DeployedExport(filename: string): string | undefined {
  // Only in a function app (its host.json, one look per project root, shared with the other platforms'
  // signals): elsewhere no folder is listed, so a tree of SDK files pays nothing here.
  if (!deploymentOf(filename).azureFunctions) return undefined;
  const absolute = absolutePath(filename);
  const deployed = v3FunctionIn(dirname(absolute));
  return deployed !== undefined && basename(absolute).replace(/\.[^.]+$/, "") === deployed.script ? deployed.exportName : undefined;
}

/** The exports the entry gate should look for: the one the folder's `function.json` runs (`default`, or its `entryPoint`). */
function v3DeployedExports(filename: string): readonly string[] {
  const exported = v3DeployedExport(filename);
  return exported === undefined ? [] : [exported];
}

/**
 * The v3 programming model: each function's folder has a `function.json` and a module whose export
 * is the handler (`export default httpTrigger`, `module.exports = async function (context, req)`, or
 * the named export its `entryPoint` gives). Typed with the package's v3 types, a default export is one
 * anywhere; untyped JavaScript only in the module its folder's `function.json` runs (nothing else in
 * the file says it is Azure's).
 */
function collectV3Functions(api: HandlerHookApi): void {
  // Asked only once the file exports a function that takes parameters: most files pay nothing.
  let deployed: string | null | undefined;
  const deployedExport = () => (deployed ??= v3DeployedExport(api.filename) ?? null);
  for (const statement of api.ast.body) {
    const value = statement.type === "ExportDefaultDeclaration" ? statement.declaration : moduleExportsValue(statement, api);
    if (!value) continue;
    for (const fn of api.functionsOf(value)) {
      if (api.isHandler(fn)) continue;
      if (isV3Function(api, value, fn) || (fn.params.length > 0 && deployedExport() === "default")) {
        api.invocation(fn, { platform: azureFunctionsV3, exportName: "default", nameNode: value, exportNode: statement });
      }
    }
  }
  for (const exported of api.namedExports()) {
    if (exported.name === "default") continue;
    for (const fn of api.functionsOf(exported.value)) {
      if (api.isHandler(fn) || fn.params.length === 0 || deployedExport() !== exported.name) continue;
      api.invocation(fn, { platform: azureFunctionsV3, exportName: exported.name, nameNode: exported.nameNode, exportNode: exported.exportNode });
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
  hook: { trigger: { always: true }, signs: { invocation: { imports: [MODULE], deployedExports: v3DeployedExports }, request: {} }, run: collectV3Functions },
} as const satisfies FrameworkDescriptor;
