// Library wrappers that take a function and return one that remembers its result
// (`const getTracer = memoize(() => HoneyHiveTracer.init(…))`), by how long they remember it. A factory
// wrapped in a cache that lives as long as the process is made once; one wrapped in a cache that lives
// for one request runs again on the next request, so a tracer made inside it is a per-request init.
// Read by analysis/tracer-init.ts (`throughHelper`): it follows a wrapped factory only when its wrapper
// is listed here as `request`; a wrapper listed as `process`, or not listed at all, is taken to cache
// (a wrapper we do not know may well be a memoizer: `mem`, `moize`, a project's own).

import type { ValueSpecifier } from "./types.js";

export interface FunctionCache extends ValueSpecifier {
  /** How long the wrapped function's result is remembered: the whole process, or one server request. */
  readonly lifetime: "process" | "request";
  readonly verifiedAt: string;
}

export const FUNCTION_CACHES: readonly FunctionCache[] = [
  {
    package: "react",
    name: "cache",
    lifetime: "request",
    verifiedAt:
      "react.dev/reference/react/cache (Caveats): 'React will invalidate the cache for all memoized functions for each server request'; it is only for React Server Components, and reactjs/react.dev#7278: it does not cache in a server action (each call is a fresh call); facebook/react#27977: outside Server Components `cache(fn)` returns fn as is",
  },
  {
    package: ["lodash", "lodash-es", "lodash/memoize", "lodash/memoize.js", "lodash.memoize"],
    name: ["memoize", ""],
    lifetime: "process",
    verifiedAt: "lodash.com/docs#memoize: results are stored in `memoized.cache` (a Map-like cache keyed by the first argument) for the life of the function",
  },
  {
    package: ["lodash", "lodash-es", "lodash/once", "lodash/once.js", "lodash.once"],
    name: ["once", ""],
    lifetime: "process",
    verifiedAt: "lodash.com/docs#once: 'Repeat calls to the function return the value of the first invocation'",
  },
  {
    package: ["once", "onetime", "p-memoize", "memoize", "mem"],
    name: ["", "default", "once", "strict", "pMemoize", "memoize"],
    lifetime: "process",
    verifiedAt: "npm `once` (isaacs), `onetime`, `p-memoize`, `memoize`/`mem` (sindresorhus) READMEs: the first result is kept for later calls (p-memoize: the promise), for the function's life",
  },
];
