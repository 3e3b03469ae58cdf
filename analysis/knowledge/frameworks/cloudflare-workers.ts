import { join, resolve } from "node:path";
import { deploymentOf } from "../../deployment.js";
import { absolutePath, parseJsonc, projectModules } from "../../project-modules.js";
import { cloudflareWorkers as platform } from "../platforms/cloudflare-workers.js";
import type { TSESTree } from "@typescript-eslint/types";
import type { FrameworkDescriptor, GlobalRegistration, HandlerHookApi, ValueSpecifier, WorkHandedTo } from "../types.js";
import { REQUEST_OBJECT, instanceMethods } from "./common.js";
import { declaredTypeName, defaultExportObject, type DefaultExportObject } from "./default-export-object.js";

/** Keys only a Worker's default export has (Bun and Deno serve `fetch` alone). */
const WORKER_ONLY_KEYS = ["queue", "scheduled", "email", "tail", "trace"];
const HANDLER_KEYS = ["fetch", ...WORKER_ONLY_KEYS];

/**
 * Is this default export a Cloudflare Worker (not a Bun or Deno server)? Typed `ExportedHandler`, a
 * Worker-only key, a `fetch(request, env, ctx)` with the execution context, an import of
 * `cloudflare:workers`, or a wrangler config beside the nearest package.json.
 */
function isWorker(api: HandlerHookApi, exported: DefaultExportObject): boolean {
  if (declaredTypeName(api, exported.declaration) === "ExportedHandler") return true;
  if (exported.entries.some((entry) => WORKER_ONLY_KEYS.includes(entry.key))) return true;
  if (exported.entries.some((entry) => entry.key === "fetch" && entry.functions.some((fn) => fn.params.length >= 3))) return true;
  if (api.text.includes("cloudflare:workers")) return true;
  return deploymentOf(api.filename).wrangler;
}

/** `class extends WorkerEntrypoint`: the class form of a Worker (its `env` and `ctx` are `this.env`, `this.ctx`). */
const WORKER_ENTRYPOINT: ValueSpecifier = { package: "cloudflare:workers", name: "WorkerEntrypoint" };
/**
 * `class extends DurableObject`: one instance serves every request to its id, interleaving them at each
 * `await` (https://developers.cloudflare.com/durable-objects/api/base/), so `fetch` and the WebSocket
 * message handler run per request on the module's one tracer. Request handlers, not invocations: the
 * object is not cancelled when a response is sent, and `waitUntil` has no effect there.
 */
const DURABLE_OBJECT: ValueSpecifier = { package: "cloudflare:workers", name: "DurableObject" };
/**
 * The handler methods of the Durable Object base class (https://developers.cloudflare.com/durable-objects/
 * api/base/): `fetch`, `alarm` (the Alarms API) and the WebSocket Hibernation API's `webSocketMessage`,
 * `webSocketClose` and `webSocketError`; each runs on the one shared instance, interleaved with the others.
 */
const DURABLE_OBJECT_HANDLERS = ["fetch", "alarm", "webSocketMessage", "webSocketClose", "webSocketError"];
/**
 * `class extends WorkflowEntrypoint` (Cloudflare Workflows, https://developers.cloudflare.com/workflows/
 * build/workflows-api/): `run(event, step)` runs once per workflow instance, many instances at a time in
 * the Worker's isolates; its `event.payload` is what the code creating the instance passed (the
 * application's own), so it is no request input.
 */
const WORKFLOW_ENTRYPOINT: ValueSpecifier = { package: "cloudflare:workers", name: "WorkflowEntrypoint" };

type ExportedClass = { readonly node: TSESTree.ClassDeclaration | TSESTree.ClassExpression; readonly statement: TSESTree.Node };

/** The exported classes that extend `base` (the default export, and named entrypoints for service bindings). */
function exportedClassesOf(api: HandlerHookApi, base: ValueSpecifier): ExportedClass[] {
  const found = [];
  for (const statement of api.ast.body) {
    const declaration = statement.type === "ExportDefaultDeclaration" || statement.type === "ExportNamedDeclaration" ? statement.declaration : null;
    if ((declaration?.type === "ClassDeclaration" || declaration?.type === "ClassExpression") && declaration.superClass && api.matches(declaration.superClass, base)) {
      found.push({ node: declaration, statement });
    }
  }
  return found;
}

/** The `fetch`, `queue`, … methods of `class extends WorkerEntrypoint`; the handler methods of `class extends DurableObject`; `run` of `class extends WorkflowEntrypoint`. */
function collectEntrypointClasses(api: HandlerHookApi): void {
  if (!api.text.includes("cloudflare:workers")) return;
  for (const { node, statement } of exportedClassesOf(api, WORKER_ENTRYPOINT)) {
    for (const { key, name, fn } of instanceMethods(node, HANDLER_KEYS)) api.invocation(fn, { platform, exportName: name, nameNode: key, exportNode: statement });
  }
  for (const { node, statement } of exportedClassesOf(api, DURABLE_OBJECT)) {
    for (const { fn } of instanceMethods(node, DURABLE_OBJECT_HANDLERS)) api.request([fn], statement);
  }
  for (const { node, statement } of exportedClassesOf(api, WORKFLOW_ENTRYPOINT)) {
    for (const { fn } of instanceMethods(node, ["run"])) api.request([fn], statement);
  }
}

/** Cloudflare Workers: the `fetch`, `queue`, `scheduled`, … handlers of the module worker's default export or `WorkerEntrypoint` class. */
export const cloudflareWorkers = {
  id: "cloudflare-workers",
  name: "Cloudflare Workers",
  modules: ["cloudflare:workers", "@cloudflare/workers-types"],
  platform,
  hook: {
    trigger: { always: true },
    // The default export object, or a `WorkerEntrypoint` / `DurableObject` class (only of `cloudflare:workers`,
    // which the import sign covers).
    signs: { invocation: { defaultExportObject: true, imports: ["cloudflare:workers"] }, request: { imports: ["cloudflare:workers"] } },
    run(api) {
      collectEntrypointClasses(api);
      const exported = defaultExportObject(api);
      if (!exported || !exported.entries.some((entry) => HANDLER_KEYS.includes(entry.key)) || !isWorker(api, exported)) return;
      for (const entry of exported.entries) {
        if (!HANDLER_KEYS.includes(entry.key)) continue;
        for (const fn of entry.functions) {
          api.invocation(fn, { platform, exportName: entry.key, nameNode: entry.keyNode, exportNode: exported.statement });
        }
      }
    },
  },
  // A Durable Object's `fetch(request)` (the entry points' own input is the platform's: `INVOCATION_INPUT`).
  requestInputs: REQUEST_OBJECT,
  // `webSocketMessage(ws, message)`: the message is what the client sent over the socket; `alarm()`,
  // `webSocketClose`/`webSocketError` and a Workflow's `run(event, step)` get nothing of a client's.
  requestInputsByMethod: { webSocketMessage: { holds: "input", parameter: 1 }, alarm: null, webSocketClose: null, webSocketError: null, run: null },
} as const satisfies FrameworkDescriptor;

// ---------------------------------------------------------------------------------------------
// The service-worker syntax: `addEventListener("fetch", (event) => event.respondWith(…))`.

/**
 * The global registration of a Worker (or a Fastly Compute service) in the service-worker syntax: the listener at
 * the second argument of `addEventListener(event, listener)`, written bare, on `self` or on `globalThis`, runs once
 * per event of one of `events`, named after it in messages. Only where the descriptor's `platform` chooses the
 * platform for the file (`onlyOnPlatform`): a browser's or a PWA's service worker registers the same way.
 */
export function serviceWorkerListeners(events: readonly string[]): readonly GlobalRegistration[] {
  return ["addEventListener", "self.addEventListener", "globalThis.addEventListener"].map((name) => ({
    name,
    arguments: [1],
    when: { argument: 0, oneOf: events },
    nameArgument: 0,
    onlyOnPlatform: true,
  }));
}

/**
 * The events a Worker in the service-worker syntax listens to: `fetch` (an HTTP request) and `scheduled` (a Cron
 * Trigger), each with its own `event.waitUntil` (https://developers.cloudflare.com/workers/reference/migrate-to-module-workers/);
 * Queues, Email and Tail Workers exist in the module syntax only.
 */
const SERVICE_WORKER_EVENTS = ["fetch", "scheduled"];

/**
 * A service worker's listener answers with `event.respondWith(promise)` and keeps the invocation alive for
 * `event.waitUntil(promise)`, and returns at once: its work is that promise, the flush goes after it, through the
 * event's `waitUntil` (https://developers.cloudflare.com/workers/reference/migrate-to-module-workers/#access-ctxwaituntil).
 */
export const SERVICE_WORKER_WORK = {
  parameterIndex: 0,
  methods: ["respondWith", "waitUntil"],
  recommendedFlush: "`event.waitUntil({flush})` chained onto the work it hands the event (`work.finally(() => event.waitUntil({flush}))`)",
} as const satisfies WorkHandedTo;

/** The wrangler configurations, in the order Wrangler looks for them beside the project's package.json. */
const WRANGLER_CONFIGS = ["wrangler.json", "wrangler.jsonc", "wrangler.toml"];

/**
 * What a wrangler configuration says of the Worker's entry: its `main`, top-level and of each environment (`main`
 * is inheritable: `[env.staging] main = "src/staging.ts"` deploys another entry), and Wrangler 1's `[build.upload]
 * format = "service-worker"`.
 */
interface WranglerEntry {
  readonly mains: readonly string[];
  readonly serviceWorkerFormat: boolean;
}

const TOML_TABLE = /^\s*\[\s*([^\]]*?)\s*\]/;
const TOML_MAIN = /^\s*main\s*=\s*(?:"([^"\n]*)"|'([^'\n]*)')/;

/** The `main` of the top level and of `[env.<name>]` tables, read as text, as netlify-config.ts reads netlify.toml. */
function parseWranglerToml(text: string): WranglerEntry {
  const mains: string[] = [];
  let table = "";
  for (const line of text.split(/\r?\n/)) {
    const header = TOML_TABLE.exec(line);
    if (header) table = header[1]!;
    const main = TOML_MAIN.exec(line);
    if (main && (table === "" || /^env\.[^.]+$/.test(table))) mains.push(main[1] ?? main[2]!);
  }
  return { mains, serviceWorkerFormat: /^\s*format\s*=\s*["']service-worker["']/m.test(text) };
}

function parseWranglerJson(text: string): WranglerEntry {
  const mainOf = (value: unknown): string[] => (typeof value === "object" && value !== null && "main" in value && typeof value.main === "string" ? [value.main] : []);
  const config = parseJsonc(text);
  const envs = typeof config === "object" && config !== null && "env" in config && typeof config.env === "object" && config.env !== null ? Object.values(config.env) : [];
  return { mains: [...mainOf(config), ...envs.flatMap(mainOf)], serviceWorkerFormat: false };
}

/**
 * Is the file the Worker of its project's wrangler configuration? A `main` of the configuration names it; without a
 * `main` (Wrangler 1), the package.json's `main` names it, or the configuration uploads in the service-worker format
 * (every module of the project is the Worker's). A project's other files, such as a PWA's `public/sw.js` served as a
 * static asset of the Worker, are not.
 */
function isWranglerEntry(filename: string): boolean {
  const { root, wrangler, main } = deploymentOf(filename);
  if (!wrangler || root === undefined) return false;
  const reader = projectModules();
  const file = absolutePath(filename);
  for (const config of WRANGLER_CONFIGS) {
    const entry = reader.parsedFile(join(root, config), config.endsWith(".toml") ? parseWranglerToml : parseWranglerJson);
    if (entry === undefined) continue;
    const mains = entry.mains.length > 0 ? entry.mains : main === undefined ? [] : [main];
    return entry.serviceWorkerFormat || mains.some((named) => resolve(root, named) === file);
  }
  return false;
}

/**
 * Is the file a Worker in the service-worker syntax? It names `@cloudflare/workers-types` (a `/// <reference types>`
 * or a type import: a browser's service worker has the DOM's and WebWorker's types instead), or it is the entry of
 * its project's wrangler configuration (`isWranglerEntry`). A `FetchEvent` annotation is no sign: the WebWorker
 * library declares it for every service worker.
 */
function isServiceWorkerSyntaxWorker(api: HandlerHookApi): boolean {
  return api.text.includes("@cloudflare/workers-types") || isWranglerEntry(api.filename);
}

/**
 * Cloudflare Workers in the service-worker syntax: `addEventListener("fetch", (event) => { event.respondWith(…) })`
 * and `addEventListener("scheduled", …)`, whose background hook is the event's own `event.waitUntil(promise)`
 * (`platforms/cloudflare-workers.ts`, for this descriptor's listeners only).
 */
export const cloudflareWorkersServiceWorker = {
  id: "cloudflare-workers-service-worker",
  name: "Cloudflare Workers",
  modules: [],
  platform: (api) => (isServiceWorkerSyntaxWorker(api) ? platform : undefined),
  globals: serviceWorkerListeners(SERVICE_WORKER_EVENTS),
  workHandedTo: SERVICE_WORKER_WORK,
} as const satisfies FrameworkDescriptor;
