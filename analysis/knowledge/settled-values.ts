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
