// Convex functions: the project's code under `convex/` registers each function through the builders of its
// generated module, and Convex runs the function once per call, many at a time.
import { convexActions, convexInternalActions } from "../platforms/convex.js";
import type { FrameworkDescriptor, PlatformDescriptor } from "../types.js";

/**
 * The generated module a function file imports its builders from (`import { action } from
 * "./_generated/server"`, Convex's `npx convex dev` output), as a file of `convex/` or of a folder below it at any
 * depth writes it (with or without `.js`, or through a path alias such as `@/convex/_generated/server`);
 * `convex/server` exports the same builders as `…Generic`.
 */
const GENERATED = /(?:^|\/)_generated\/server(?:\.js)?$/;
const GENERIC = "convex/server";

/** Builders whose function any client may call: its arguments are the client's. */
const PUBLIC = ["action", "mutation", "query", "httpAction"];
/** Builders of functions only other Convex functions, crons and the scheduler call: their arguments are the app's own. */
const INTERNAL = ["internalAction", "internalMutation", "internalQuery"];

/** Builders of actions: their handlers run where work still pending at the return may never finish (`convexActions`). */
const ACTIONS = ["action", "internalAction", "httpAction"];

/**
 * `action({ args, handler })`, or the handler given directly (`query(async (ctx) => …)`, `httpAction(fn)`); the
 * export that holds it names the function (`export const ask = action(…)` is `api.chat.ask`).
 */
const registrationsOf = (names: readonly string[]) =>
  [
    { callee: { package: GENERATED, name: names }, arguments: [0], options: ["handler"], nameFromExport: true },
    { callee: { package: GENERIC, name: names.map((name) => `${name}Generic`) }, arguments: [0], options: ["handler"], nameFromExport: true },
  ] as const;

/** A Convex descriptor over some of the builders: their handlers run once per call, many at a time; an action's on `convexActions`. */
const functionsOf = (id: string, name: string, builders: readonly string[], platform?: PlatformDescriptor) =>
  ({
    id,
    name,
    unit: "call",
    modules: [GENERIC],
    modulePatterns: [GENERATED],
    calls: registrationsOf(builders),
    ...(platform === undefined ? {} : { platform }),
  }) as const;

/**
 * Public Convex functions (docs.convex.dev/functions/actions: "To declare an action in Convex you use the
 * action constructor function. Pass it an object with a `handler` function"; the generated
 * `_generated/server.js` exports `action = actionGeneric`, `query = queryGeneric`, … of `convex/server`;
 * checked with the search tool, 2026-12-06). The handler's first parameter is the function context, the
 * second the arguments the client sent (an HTTP action's: the client's `Request`), checked only for their
 * types by the `args` validators: a `v.string()` admits any text.
 */
const CLIENT_INPUT = { requestInputs: { holds: "input", parameter: 1 } } as const;
const queries = (builders: readonly string[]) => builders.filter((builder) => !ACTIONS.includes(builder));
const actions = (builders: readonly string[]) => builders.filter((builder) => ACTIONS.includes(builder));

export const convex = { ...functionsOf("convex", "Convex function", queries(PUBLIC)), ...CLIENT_INPUT } as const satisfies FrameworkDescriptor;

/** Public Convex actions (`action`, `httpAction`): as `convex`, on a platform that stops pending work at the return. */
export const convexAction = { ...functionsOf("convex-action", "Convex action", actions(PUBLIC), convexActions), ...CLIENT_INPUT } as const satisfies FrameworkDescriptor;

/** Internal Convex functions: run once per call like the public ones, with no client input. */
export const convexInternal = functionsOf("convex-internal", "internal Convex function", queries(INTERNAL)) satisfies FrameworkDescriptor;

/** Internal Convex actions (`internalAction`): as `convexInternal`, on `convexActions`. */
export const convexInternalAction = functionsOf("convex-internal-action", "internal Convex action", actions(INTERNAL), convexInternalActions) satisfies FrameworkDescriptor;
