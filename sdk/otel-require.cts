// A synchronous `require` for both builds. This one source compiles to a CommonJS file in each
// (dist/esm/sdk/otel-require.cjs and dist/cjs/sdk/otel-require.cjs), so the ES module build gets a
// require() without `import.meta` (which the CommonJS build cannot compile) that resolves packages
// from its own folder, as a static import would. Plain JavaScript syntax on purpose: vitest loads
// this file untransformed.
export const otelRequire = require;
