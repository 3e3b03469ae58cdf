// A CommonJS module in both builds (a `.cts` file compiles to `.cjs` in each): `require` here is
// Node's synchronous `require`, resolving from this folder. parse-input.ts loads parts of
// typescript-estree lazily through it, which the ES module build could not do synchronously.
export const localRequire = require;
