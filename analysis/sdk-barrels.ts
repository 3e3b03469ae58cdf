// A project module that re-exports the SDK (`export * from "honeyhive"`, `export { HoneyHiveTracer }
// from "honeyhive"`, `module.exports = require("honeyhive")`, `export * as hh from "honeyhive"`) is a
// barrel: its importers use the SDK through it without naming "honeyhive". What the barrel hands on
// is a fact of the barrel (`sdkReExport`, analysis/export-facts.ts), read one module deep through the
// input's `readModuleFacts` hook (analysis/project-modules.ts); here it turns an origin in the barrel
// into the origin in the SDK it stands for, so the SDK model (and, through it, the rules and the
// codemods) reads `import { traceModel } from "./hh"` as honeyhive's `traceModel`.
import type { TSESTree } from "@typescript-eslint/types";
import { exportPath, type ModuleOrigin } from "./bindings.js";
import type { SdkReExportFact } from "./export-facts.js";
import type { AnalysisInput } from "./input.js";
import { HONEYHIVE_VALUE_EXPORTS } from "./knowledge/sdks/index.js";
import { importedModule } from "./project-modules.js";
import { isLocalModule, isSdkModule } from "./settings.js";

/**
 * The text of a module that may re-export the SDK (`export * from "honeyhive"`, `export { … } from
 * "honeyhive"`, `module.exports = require("honeyhive")`): the cheap test before its facts are asked for.
 */
export const MAY_RE_EXPORT_SDK = /\bexport\b[^;]*?\bfrom\s*["']honeyhive["']|module\.exports\s*=\s*require\(\s*["']honeyhive["']/;

/** Per file: specifier → what that module re-exports of the SDK (null: nothing, or not a readable project module). */
const barrelsByFile = new WeakMap<TSESTree.Program, Map<string, SdkReExportFact | null>>();

/** What the project module `specifier` (imported by the file of `input`) re-exports of the SDK, if it is a barrel. */
export function sdkBarrelOf(input: AnalysisInput, specifier: string): SdkReExportFact | undefined {
  if (!input.readModuleFacts || isSdkModule(specifier, input.settings) || !isLocalModule(specifier, input.settings)) return undefined;
  let bySpecifier = barrelsByFile.get(input.ast);
  if (!bySpecifier) barrelsByFile.set(input.ast, (bySpecifier = new Map()));
  let fact = bySpecifier.get(specifier);
  if (fact === undefined) {
    fact = importedModule(input, specifier)?.facts.sdkReExport ?? null;
    bySpecifier.set(specifier, fact);
  }
  return fact ?? undefined;
}

/**
 * The SDK origin an origin in a barrel stands for (`./hh` `traceModel` → `honeyhive` `traceModel`);
 * undefined when the module is no barrel or the name is not one it hands on from the SDK (a tracer the
 * barrel defines itself stays the barrel's).
 */
export function sdkOriginThroughBarrel(input: AnalysisInput, origin: ModuleOrigin): ModuleOrigin | undefined {
  const barrel = sdkBarrelOf(input, origin.module);
  if (!barrel) return undefined;
  const path = exportPath(origin);
  const [head, ...rest] = path;
  let sdkPath: readonly string[] | undefined;
  if (head === undefined) sdkPath = barrel.all ? [] : undefined; // the barrel's module object
  else if (Object.hasOwn(barrel.names, head)) sdkPath = [barrel.names[head]!, ...rest];
  else if (barrel.namespaces.includes(head)) sdkPath = rest;
  else if (barrel.all && HONEYHIVE_VALUE_EXPORTS.has(head)) sdkPath = path;
  if (sdkPath === undefined) return undefined;
  return { module: "honeyhive", path: sdkPath, ...(origin.typeOnly ? { typeOnly: true as const } : {}) };
}

/** Every name of the SDK a file may import through the barrel by its own name (`export *`), so new names can be added to that import. */
export function barrelExportsEverySdkName(input: AnalysisInput, specifier: string): boolean {
  return sdkBarrelOf(input, specifier)?.all === true;
}
