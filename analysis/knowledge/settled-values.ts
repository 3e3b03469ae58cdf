// What a handler returns that is never a promise: a fix that puts a handler's body in `try { … } finally { flush }`
// awaits each `return call()` so that the `finally` runs once the returned promise settled (analysis/fixes/flush.ts),
// but `return await new Response(body)` awaits a value that is no promise: typescript-eslint's `await-thenable`
// (in its `recommended-type-checked` config) reports the line the fix wrote. Read only where the name is the runtime's
// global (a `Response` the file declares or imports is not this one).

/**
 * Global classes of the web platform (and Node, Bun, Deno, Workers: WHATWG fetch and URL) whose `new` makes the
 * value itself: `new Response(body)`, `new Headers(init)`, `new URL(path, base)`.
 */
export const SETTLED_CONSTRUCTORS: ReadonlySet<string> = new Set(["Response", "Request", "Headers", "URL", "URLSearchParams", "FormData", "Blob", "ReadableStream", "Error"]);

/**
 * Static methods of those globals that return the value itself, not a promise: `Response.json(data)`,
 * `Response.redirect(url)`, `Response.error()` (fetch.spec.whatwg.org, "Response class").
 */
export const SETTLED_STATIC_CALLS: Readonly<Record<string, readonly string[]>> = { Response: ["json", "redirect", "error"] };

/**
 * Methods of a framework's per-request context that build the response right away, by the id of the framework whose
 * handler gets it and the parameter it comes in: Hono's `return c.json(data)`, `c.text(s)`, `c.body(data)`,
 * `c.redirect(url)`, `c.newResponse(body)` return a `Response`, not a promise (hono.dev/docs/api/context; Hono 4's
 * context.ts; checked 2026-12-07). Not `c.html()`, which returns a promise when given one (async JSX), nor `c.notFound()`.
 */
export const SETTLED_CONTEXT_CALLS: Readonly<Record<string, { readonly parameter: number; readonly methods: readonly string[] }>> = {
  hono: { parameter: 0, methods: ["json", "text", "body", "redirect", "newResponse"] },
};
