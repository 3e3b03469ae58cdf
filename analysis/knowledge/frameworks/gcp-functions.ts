import { relative, resolve, sep } from "node:path";
import { deploymentOf, type DeploymentSignals } from "../../deployment.js";
import { gcpFunctions as platform } from "../platforms/gcp-functions.js";
import type { TSESTree } from "@typescript-eslint/types";
import type { ExportedValue, FrameworkDescriptor, HandlerHookApi, ValueSpecifier } from "../types.js";

/** Where compilers put the JavaScript that `main` names (`build/src/index.js` is compiled from `src/index.ts`). */
const OUTPUT_FOLDER = /^(?:dist|build|lib|out)\//;
const EXTENSION = /\.[cm]?[jt]sx?$/;

/**
 * Whether `filename` is the module a Cloud Function deploys from: the package.json's `main` (or its
 * TypeScript source: the same path with another extension, or under `src/` instead of an output folder),
 * else `index.*` at the project root or in `src/`.
 */
function isEntryModule(filename: string, deployment: DeploymentSignals): boolean {
  if (deployment.root === undefined) return false;
  const path = relative(deployment.root, resolve(filename)).split(sep).join("/").replace(EXTENSION, "");
  const main = deployment.main?.replace(/^\.\//, "").replace(EXTENSION, "");
  const entries = main === undefined ? ["index", "src/index"] : [main, ...(OUTPUT_FOLDER.test(main) ? [main.replace(OUTPUT_FOLDER, ""), `src/${main.replace(OUTPUT_FOLDER, "")}`] : [])];
  return entries.includes(path);
}

/**
 * The legacy signatures, exported from the entry module of a Cloud Functions project (deployment.ts:
 * the functions framework among its dependencies, or a `.gcloudignore`): `exports.fn = (req, res) => …`
 * (HTTP), `exports.fn = (data, context) => …` and `(data, context, callback)` (background functions; the
 * runtime waits for the callback). A one-parameter export (a CloudEvent function without the framework's
 * registration) is not told apart from a helper, so it is not read.
 */
function collectLegacyExports(api: HandlerHookApi): void {
  if (api.isServerOrRoutedFile) return;
  if (collectTypedExports(api)) return;
  // The project first: its signals are read once per folder (and already were for a file that uses the
  // SDK, whose major comes from the same package.json), while resolving every export to its functions
  // was per file, for the few projects that are Cloud Functions.
  const deployment = deploymentOf(api.filename);
  if (!deployment.gcpFunctions || !isEntryModule(api.filename, deployment)) return;
  const candidates = api
    .namedExports()
    .flatMap((exported) => api.functionsOf(exported.value).map((fn) => ({ exported, fn })))
    .filter(({ fn }) => fn.params.length === 2 || fn.params.length === 3);
  for (const { exported, fn } of candidates) {
    api.invocation(fn, { platform, exportName: exported.name, nameNode: exported.nameNode, exportNode: exported.exportNode, callbackStyle: fn.params.length === 3 });
  }
}

const FRAMEWORK = "@google-cloud/functions-framework";
/** The framework's function types: an export declared with one is deployed by name (`--entry-point`/`--target`). */
const FUNCTION_TYPES: ValueSpecifier = {
  package: FRAMEWORK,
  name: ["HttpFunction", "CloudEventFunction", "CloudEventFunctionWithCallback", "EventFunction", "EventFunctionWithCallback"],
};

/** The type an export is declared with: `export const fn: HttpFunction = …` or `… satisfies HttpFunction`. */
function declaredType(exported: ExportedValue): TSESTree.TypeNode | undefined {
  if (exported.type) return exported.type;
  const { value } = exported;
  return value.type === "TSSatisfiesExpression" || value.type === "TSAsExpression" ? value.typeAnnotation : undefined;
}

/**
 * Exports typed with the framework's function types, in any module of any project (the type says what
 * the export is). Returns whether it found one: a module that types its functions is not also read by
 * signature (below).
 */
function collectTypedExports(api: HandlerHookApi): boolean {
  if (!api.text.includes(FRAMEWORK)) return false;
  let typed = false;
  for (const exported of api.namedExports()) {
    const type = declaredType(exported);
    if (type?.type !== "TSTypeReference" || !api.matches(type.typeName, FUNCTION_TYPES)) continue;
    typed = true;
    for (const fn of api.functionsOf(exported.value)) {
      api.invocation(fn, { platform, exportName: exported.name, nameNode: exported.nameNode, exportNode: exported.exportNode, callbackStyle: fn.params.length === 3 && isBackground(type) });
    }
  }
  return typed;
}

/** The callback-style types (the third parameter of a background function is its callback). */
function isBackground(type: TSESTree.TSTypeReference): boolean {
  const name = type.typeName.type === "Identifier" ? type.typeName.name : type.typeName.type === "TSQualifiedName" ? type.typeName.right.name : "";
  return name.endsWith("WithCallback");
}

/**
 * Google Cloud Functions: `functions.http("name", fn)` and `functions.cloudEvent("name", fn)` of
 * `@google-cloud/functions-framework`, and the legacy exports of a Cloud Functions project's entry module.
 */
export const gcpFunctions = {
  id: "gcp-functions",
  name: "Google Cloud Functions",
  modules: ["@google-cloud/functions-framework"],
  platform,
  calls: [{ callee: { package: FRAMEWORK, name: ["http", "cloudEvent"] }, arguments: [1], nameArgument: 0 }],
  // Exports typed with the framework's types, or any export of a Cloud Functions project's entry module.
  hook: { trigger: { always: true }, signs: { invocation: { imports: [FRAMEWORK], exportsWhere: "gcpFunctions" } }, run: collectLegacyExports },
} as const satisfies FrameworkDescriptor;
