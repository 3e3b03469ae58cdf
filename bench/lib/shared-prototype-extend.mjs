// ESLint's rule contexts made on one shared prototype instead of the file's own context, for the readings of
// bench/lib/context-gc.mjs and bench/lib/instr-noop-child.mjs (bench/NOTES.md, perf-nonsdk-6): ESLint
// (lib/linter/file-context.js, 9.x and 10.x) makes each rule's context with
// `Object.freeze(Object.assign(Object.create(fileContext), { id, options, report }))`, so every linted file's
// `FileContext` becomes a prototype. This replaces `FileContext.prototype.extend` by one that gives every context
// `FileContext.prototype` (its methods in 9.x) and copies the file context's six fields: what a rule reads of the
// context is the same, only the prototype chain differs. The module instance patched is the one ESLint's linter
// loaded (CommonJS caches by file name).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const eslintRoot = dirname(dirname(require.resolve("eslint")));
export const { FileContext } = require(join(eslintRoot, "lib", "linter", "file-context.js"));
export const inheritingExtend = FileContext.prototype.extend;

/** See the module's comment. */
export function sharedPrototypeExtend(extension) {
  const context = Object.create(FileContext.prototype);
  context.cwd = this.cwd;
  context.filename = this.filename;
  context.physicalFilename = this.physicalFilename;
  context.sourceCode = this.sourceCode;
  context.languageOptions = this.languageOptions;
  context.settings = this.settings;
  return Object.freeze(Object.assign(context, extension));
}

/** Makes ESLint's rule contexts with `extend` (`inheritingExtend`: ESLint's own) from now on. */
export function useExtend(extend) {
  FileContext.prototype.extend = extend;
}
