import type { FrameworkDescriptor } from "../types.js";
import { REQUEST_OBJECT, UPPERCASE_VERBS } from "./common.js";

/** Astro endpoints (`src/pages/**\/*.ts` verb exports and `ALL`) and middleware (`src/middleware.ts` `onRequest`). */
export const astro = {
  id: "astro",
  name: "Astro endpoint",
  modules: ["astro", "astro:middleware"],
  files: [
    { path: /(?:^|\/)src\/pages\/.+\.(?:[cm]?[jt]s)$/, exports: [...UPPERCASE_VERBS, "ALL"] },
    { path: /(?:^|\/)src\/middleware(?:\/index)?\.(?:[cm]?[jt]s)$/, exports: ["onRequest"] },
  ],
  calls: [{ callee: { package: ["astro:middleware", "astro/middleware"], name: "defineMiddleware" }, arguments: [0] }],
  handlerTypes: [{ package: "astro", name: ["APIRoute", "APIContext", "MiddlewareHandler"] }],
  requestInputs: REQUEST_OBJECT,
} as const satisfies FrameworkDescriptor;
