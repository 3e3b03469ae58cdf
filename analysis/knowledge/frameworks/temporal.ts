import type { TSESTree } from "@typescript-eslint/types";
import type { FunctionNode } from "../../ast.js";
import { projectDependsOn } from "../../deployment.js";
import type { FrameworkDescriptor, HandlerHookApi } from "../types.js";

const ACTIVITY = "@temporalio/activity";

/**
 * Temporal's layout for activities (docs.temporal.io TypeScript "Develop a basic Activity", the samples-typescript
 * repository: `src/activities.ts`, or a folder `src/activities/` of them), registered whole by the worker as
 * `import * as activities from "./activities"`. Such a module often imports nothing of Temporal (the hello-world
 * `export async function greet(name)`), so only its name and its project's dependency on the worker tell it.
 * Not a test beside it (`activities.test.ts`, `activities/greet.spec.ts`) nor a declaration file.
 */
const ACTIVITY_MODULE_PATH = /(?:^|\/)activities(?:\.[cm]?[jt]s|\/(?:(?!\.(?:test|spec)\.|\.d\.)[^/])+\.[cm]?[jt]s)$/;
const WORKER_PACKAGES = ["@temporalio/worker", ACTIVITY];

/** An activity module by Temporal's layout, in a project that runs a Temporal worker. */
function isActivityModuleByLayout(filename: string): boolean {
  return ACTIVITY_MODULE_PATH.test(filename.replaceAll("\\", "/")) && projectDependsOn(filename, WORKER_PACKAGES);
}

/** The file imports a value of `@temporalio/activity` (`Context`, `heartbeat`, `log`, …), not only its types. */
function importsActivityValues(api: HandlerHookApi): boolean {
  return api.ast.body.some(
    (statement) =>
      statement.type === "ImportDeclaration" &&
      statement.source.value === ACTIVITY &&
      statement.importKind !== "type" &&
      statement.specifiers.some((specifier) => specifier.type !== "ImportSpecifier" || specifier.importKind !== "type"),
  );
}

/** An object literal's method and function values (`{ async greet() {} }`, `{ greet: async () => … }`). */
function objectFunctions(api: HandlerHookApi, node: TSESTree.Node | null | undefined): FunctionNode[] {
  const object = api.objectOf(node);
  return object ? object.properties.flatMap((property) => (property.type === "Property" ? api.functionsOf(property.value) : [])) : [];
}

/**
 * Temporal's dependency-injection form (docs.temporal.io "activity dependency injection": `export const
 * createActivities = (db) => ({ async greet() { … } })`, called once when the worker starts): an
 * exported function that returns an object of functions is a factory, its returned functions are the
 * activities. Its body only as written: an arrow's object body, or a `return { … }` as its last statement.
 */
function factoryActivities(api: HandlerHookApi, fn: FunctionNode): FunctionNode[] | undefined {
  const body = fn.body;
  const returned = body.type !== "BlockStatement" ? body : body.body.at(-1)?.type === "ReturnStatement" ? (body.body.at(-1) as TSESTree.ReturnStatement).argument : undefined;
  const functions = objectFunctions(api, returned);
  return functions.length > 0 ? functions : undefined;
}

/**
 * Temporal activities, run once per activity task, concurrently up to the worker's
 * `maxConcurrentActivityTaskExecutions`:
 * - the functions of `Worker.create({ activities: { … } })` (`@temporalio/worker`) written inline;
 * - the exported functions of an activity module: one that imports a value of `@temporalio/activity`
 *   (`Context.current()`, `heartbeat`, `log`, which only work inside an activity), or one laid out as
 *   Temporal's docs lay out the module a worker passes by name (`import * as activities from
 *   "./activities"`: `activities.ts`, `activities/*.ts`) in a project that depends on the worker; the
 *   functions returned by an exported factory of activities (dependency injection), not the factory.
 * An activity's arguments come from the workflow, the application's own code: no `requestInputs`.
 */
export const temporal = {
  id: "temporal-activity",
  name: "Temporal activity",
  unit: "run",
  modules: ["@temporalio/worker", ACTIVITY],
  calls: [{ callee: { package: "@temporalio/worker", name: "Worker.create" }, arguments: [], resolverMaps: ["activities"] }],
  hook: {
    trigger: { imports: true, path: ACTIVITY_MODULE_PATH },
    signs: { request: { imports: [ACTIVITY], exportsInFile: isActivityModuleByLayout } },
    run(api) {
      if (!importsActivityValues(api) && !isActivityModuleByLayout(api.filename)) return;
      for (const exported of api.namedExports()) {
        for (const fn of api.functionsOf(exported.value)) api.request(factoryActivities(api, fn) ?? [fn], exported.exportNode);
      }
    },
  },
} as const satisfies FrameworkDescriptor;
