// Convex functions: the project's code under `convex/` registers each function through the builders of its
// generated module, and Convex runs the function once per call, many at a time.
import type { FrameworkDescriptor } from "../types.js";

/**
 * The generated module a function file imports its builders from (`import { action } from
 * "./_generated/server"`, Convex's `npx convex dev` output), as a file of `convex/` or of a folder below it
 * writes it (with or without `.js`); `convex/server` exports the same builders as `…Generic`.
 */
const GENERATED = ["", "../", "../../", "../../../"].flatMap((up) =>
  [`${up}_generated/server`, `${up}_generated/server.js`].map((path) => (up === "" ? `./${path}` : path)),
);
const GENERIC = "convex/server";

/** Builders whose function any client may call: its arguments are the client's. */
const PUBLIC = ["action", "mutation", "query", "httpAction"];
/** Builders of functions only other Convex functions, crons and the scheduler call: their arguments are the app's own. */
const INTERNAL = ["internalAction", "internalMutation", "internalQuery"];

/** `action({ args, handler })`, or the handler given directly (`query(async (ctx) => …)`, `httpAction(fn)`). */
const registrationsOf = (names: readonly string[]) =>
  [
    { callee: { package: GENERATED, name: names }, arguments: [0], options: ["handler"] },
    { callee: { package: GENERIC, name: names.map((name) => `${name}Generic`) }, arguments: [0], options: ["handler"] },
  ] as const;

/** A Convex descriptor over some of the builders: their handlers run once per call, many at a time. */
const functionsOf = (id: string, name: string, builders: readonly string[]) =>
  ({ id, name, unit: "call", modules: [...GENERATED, GENERIC], calls: registrationsOf(builders) }) as const;

/**
 * Public Convex functions (docs.convex.dev/functions/actions: "To declare an action in Convex you use the
 * action constructor function. Pass it an object with a `handler` function"; the generated
 * `_generated/server.js` exports `action = actionGeneric`, `query = queryGeneric`, … of `convex/server`;
 * checked with the search tool, 2026-12-06). The handler's first parameter is the function context, the
 * second the arguments the client sent (an HTTP action's: the client's `Request`), checked only for their
 * types by the `args` validators: a `v.string()` admits any text.
 */
export const convex = {
  ...functionsOf("convex", "Convex function", PUBLIC),
  requestInputs: { holds: "input", parameter: 1 },
} as const satisfies FrameworkDescriptor;

/** Internal Convex functions: run once per call like the public ones, with no client input. */
export const convexInternal = functionsOf("convex-internal", "internal Convex function", INTERNAL) satisfies FrameworkDescriptor;
