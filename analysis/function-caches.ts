// The one reader of knowledge/function-caches.ts: which library call wraps a function in a cache, and for how long
// it remembers. The SDK model takes a process-lifetime cache of a tracer factory for a getter of one tracer
// (`const getTracer = memoize(() => HoneyHiveTracer.init(…))`, lodash `once`: the seed's `@lru_cache(maxsize=1)
// def get_tracer()`); the tracer-init analysis follows a request-lifetime one (React's `cache`) as a factory.
import type { TSESTree } from "@typescript-eslint/types";
import { isFunctionNode, type FunctionNode } from "./ast.js";
import { unwrap, type Bindings } from "./bindings.js";
import { originMatches } from "./value-specifier.js";
import { FUNCTION_CACHES, type FunctionCache } from "./knowledge/function-caches.js";

/** How long the library wrapper `callee` (`memoize`, React's `cache`) remembers a result; undefined when it is not a known one. */
export function functionCacheLifetime(bindings: Bindings, callee: TSESTree.Node): FunctionCache["lifetime"] | undefined {
  const origin = bindings.originOf(callee);
  if (!origin || origin.typeOnly) return undefined;
  return FUNCTION_CACHES.find((cache) => originMatches(origin, cache))?.lifetime;
}

/**
 * The function `value` wraps in a known cache (`memoize(() => …)`, `once(makeTracer)`: its one function argument,
 * inline or by name), with the cache's lifetime; undefined for any other value.
 */
export function cachedFunctionOf(bindings: Bindings, value: TSESTree.Node | null | undefined): { readonly fn: FunctionNode; readonly lifetime: FunctionCache["lifetime"] } | undefined {
  const call = value ? unwrap(value) : undefined;
  if (call?.type !== "CallExpression" || call.arguments.length === 0) return undefined;
  const wrapped = unwrap(call.arguments[0]!);
  const fn = isFunctionNode(wrapped) ? wrapped : wrapped.type === "Identifier" ? bindings.valueOf(wrapped) : undefined;
  if (!fn || !isFunctionNode(fn)) return undefined;
  const lifetime = functionCacheLifetime(bindings, call.callee);
  return lifetime ? { fn, lifetime } : undefined;
}

