#!/usr/bin/env node
// `npm run check:1x-types`: type-checks the 1.x INPUTS of the migrate fixtures against the real
// honeyhive@1.0.42 (the last 1.x version with code), so a fixture cannot test code that never compiled
// against 1.x. Not part of `npm test`: its set-up needs the npm registry (once; then npm's cache).
//
// Set-up: `npm pack honeyhive@1.0.42` into bench/.cache/check-1x-types/, then `npm install` of that
// tarball (its dependencies and zod, its peer) in the same folder. The inputs are copied under its
// src/<group>/ and checked as one strict program (the options the fixture tests use for the outputs,
// plus checkJs for JavaScript carrying JSDoc types). Modules neither folder has installed (openai, next,
// @nestjs/common…) resolve to `any` through a `declare module "*"` shim; express, hono, koa, fastify and
// @types/node resolve from the repository's node_modules.
//
// Prints each input with errors (`group/file:line TScode message`) and exits 1 when there is any.
// Options: --group <name> (repeatable) checks only those groups; --list prints the files checked;
// --fixtures <dir> reads another checkout's fixtures folder.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const ARGS = process.argv.slice(2);
/** `--fixtures <dir>`: another checkout's fixtures folder (the default is this repository's). */
const FIXTURES = ARGS.includes("--fixtures") ? ARGS[ARGS.indexOf("--fixtures") + 1] : join(ROOT, "fixtures");
const VERSION = "1.0.42";
const CACHE = join(ROOT, "bench", ".cache", "check-1x-types");

const SOURCE = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/;
const JS = /\.(?:[cm]?js|jsx)$/;
/** JavaScript is checked only where it carries JSDoc types (checkJs on code written untyped is noise). */
const JSDOC_TYPES = /@(?:type|param|returns?|typedef|satisfies)\b/;

/** Installs honeyhive@1.0.42 from its packed tarball into CACHE unless it is there already. */
function setUp() {
  const installed = join(CACHE, "node_modules", "honeyhive", "package.json");
  if (existsSync(installed) && JSON.parse(readFileSync(installed, "utf8")).version === VERSION && existsSync(join(CACHE, "node_modules", "@types", "aws-lambda"))) return;
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(join(CACHE, "package.json"), JSON.stringify({ name: "check-1x-types", private: true }));
  const npm = (args) => execFileSync("npm", [...args, "--no-audit", "--no-fund", "--prefer-offline"], { cwd: CACHE, stdio: ["ignore", "pipe", "inherit"] }).toString();
  const tarball = npm(["pack", `honeyhive@${VERSION}`]).trim().split("\n").pop();
  // zod is 1.x's peer; @types/aws-lambda types the Lambda handlers of the inputs.
  npm(["install", `./${tarball}`, "zod@3", "@types/aws-lambda@8"]);
}

/** Every source file under `dir`, relative to it, with `/` separators. */
function filesOf(dir) {
  const out = [];
  const walk = (at) => {
    for (const name of readdirSync(at)) {
      if (name === "node_modules") continue;
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (SOURCE.test(name)) out.push(relative(dir, path).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

const namesHoneyhive = (text) => /["']honeyhive["']/.test(text);
/**
 * The 1.x shapes of a folder mixing 1.x and 2.x code: a file names honeyhive, and the shape is not one
 * the folder's test names as 2.x (real-code-public: 18–28; real-code-public-2: a `-2x` suffix; real-code-public-3: all 1.x;
 * lookalike-apps: only the `hh1` apps use HoneyHive 1.x; lookalike-names: the mixed folders of 1.x scripts).
 */
const IS_1X_SHAPE = {
  "real-code-public": (name) => !(Number(name.slice(0, 2)) >= 18 && Number(name.slice(0, 2)) <= 28),
  "real-code-public-2": (name) => !name.endsWith("-2x"),
  "real-code-public-3": () => true,
  "lookalike-apps": (name) => name.includes("-hh1-"),
  // The 1.x scripts beside a look-alike (rules/lookalike-names.test.ts: m14–m16, m33, m34, m49, m50, m53).
  "lookalike-names": (name) => /^m(?:1[4-6]|3[34]|49|50|53)-/.test(name),
};
const isDirectory = (...parts) => statSync(join(FIXTURES, ...parts)).isDirectory();

/** A whole 1.x tree: [path inside the program, fixture file]. */
const tree = (group) => filesOf(join(FIXTURES, group)).map((path) => [path, join(group, path)]);

/** The 1.x shapes of a mixed folder, each under its own name. */
const shapes = (group) =>
  readdirSync(join(FIXTURES, group))
    .filter((name) => isDirectory(group, name) && IS_1X_SHAPE[group](name))
    .map((shape) => ({ shape, files: tree(join(group, shape)) }))
    .filter(({ files }) => files.some(([, fixture]) => namesHoneyhive(readFileSync(join(FIXTURES, fixture), "utf8"))))
    .flatMap(({ shape, files }) => files.map(([path, fixture]) => [`${shape}/${path}`, fixture]));

/** group → [path inside the program, fixture file] */
const GROUPS = {
  "blind-1x-11": () => tree("blind-1x-11"),
  "blind-1x-10": () => tree("blind-1x-10"),
  "blind-1x-8": () => tree("blind-1x-8"),
  "blind-1x-7": () => tree("blind-1x-7"),
  "blind-1x-6": () => tree("blind-1x-6"),
  "blind-1x-5": () => tree("blind-1x-5"),
  "blind-1x-4": () => tree("blind-1x-4"),
  "blind-1x-3": () => tree("blind-1x-3"),
  "blind-1x-2": () => tree("blind-1x-2"),
  "blind-1x": () => tree("blind-1x"),
  "real-code-1x": () => tree("real-code-1x"),
  "sample-app-1x": () => tree("sample-app-1x"),
  "round-1x": () => tree("round-1x"),
  // Each case's before.<ext>, as index.<ext> of a folder named after the case.
  "migrate-1x": () =>
    readdirSync(join(FIXTURES, "migrate-1x"))
      .filter((name) => isDirectory("migrate-1x", name))
      .flatMap((name) => readdirSync(join(FIXTURES, "migrate-1x", name)).filter((file) => file.startsWith("before.")).map((file) => [`${name}/${file.replace(/^before/, "index")}`, join("migrate-1x", name, file)])),
  "real-code-public": () => shapes("real-code-public"),
  "real-code-public-2": () => shapes("real-code-public-2"),
  "real-code-public-3": () => shapes("real-code-public-3"),
  "lookalike-apps": () => shapes("lookalike-apps"),
  "lookalike-names": () => shapes("lookalike-names"),
};

/**
 * Errors the inputs have under 1.0.42, each with why it stays (version ranges: analysis/knowledge/sdks/
 * honeyhive-1x.ts). "older": code of an older 1.x version, consistent with that version, which the
 * codemod migrates too. "mixed": names from 1.x versions that never shipped together, so no 1.x
 * compiled the file: left as found (the case still tests the codemod), to be made consistent. "kept":
 * invalid for another reason named there. Anything else reported is a fixture that never compiled
 * against 1.x, or a wrong belief about 1.x's types: fix the input (and its expected output), or the mapping.
 */
const SETTERS = "setFeedback/setMetric/setMetadata (1.0.0–1.0.6)";
const EXPECTED = {
  "blind-1x-10/02-async-local-storage/src/context.ts:4 TS2347": "kept: node:async_hooks resolves to the `any` shim here, so new AsyncLocalStorage<T>() takes no type arguments",
  "blind-1x-10/10-dts-export-equals/src/rank.ts:1 TS1202": "kept: `import x = require()` of a CommonJS package, checked in this ES module program",
  "blind-1x-10/12-trpc-context/src/router.ts:5 TS2347": "kept: @trpc/server is shimmed as `any` here, so initTRPC.context<T>() takes no type arguments",
  "blind-1x-10/12-trpc-context/src/router.ts:8 TS7031": "kept: as line 5 (the resolver's ctx and input untyped through the `any` shim)",
  "blind-1x-8/02-tc39-method-decorators/src/retriever.ts:6 TS1241": "kept: a TC39 (TypeScript 5) method decorator, which this program's experimentalDecorators checks as a legacy one",
  "blind-1x-8/02-tc39-method-decorators/src/retriever.ts:6 TS1270": "kept: as TS1241 on line 6",
  "blind-1x-8/02-tc39-method-decorators/src/retriever.ts:11 TS1241": "kept: as line 6",
  "blind-1x-8/02-tc39-method-decorators/src/retriever.ts:11 TS1270": "kept: as line 6",
  "blind-1x-8/06-react-context/src/tracing.tsx:5 TS2347": "kept: react is shimmed as `any` here, so createContext<T>() takes no type arguments",
  "blind-1x-8/11-evaluate-evaluators-list/src/eval.ts:25 TS2561": "mixed: evaluate()'s snake_case server_url (1.0.21–1.0.32) pasted beside the camelCase keys of 1.0.33+",
  "blind-1x-5/01-half-migrated-tracer-module-1x-routes/src/routes.ts:4 TS2339": "half-migrated: 1.x routes over a tracer module already on 2.x (its init is synchronous there; 1.x types it a promise)",
  "blind-1x-5/01-half-migrated-tracer-module-1x-routes/src/routes.ts:14 TS2339": "half-migrated: as line 4",
  "blind-1x-5/04-hand-migrated-await-init-kept/src/agent.ts:5 TS2353": "half-migrated: 2.x's tracer.trace(options, fn), migrated by hand",
  "blind-1x-5/04-hand-migrated-await-init-kept/src/agent.ts:8 TS2339": "half-migrated: 2.x's forceFlush(), migrated by hand",
  "blind-1x-5/05-hand-migrated-session-start-in-handler/src/server.ts:5 TS2339": "half-migrated: a synchronous 2.x init and its tracer.trace(options, fn)",
  "blind-1x-5/05-hand-migrated-session-start-in-handler/src/server.ts:11 TS2339": "half-migrated: as line 5 (2.x's sessionStart left in a handler)",
  "blind-1x-5/05-hand-migrated-session-start-in-handler/src/server.ts:19 TS2339": "half-migrated: as line 5 (a 1.x flush() left on the 2.x tracer)",
  "blind-1x-5/06-2x-tracer-leftover-trace-function/src/search.ts:1 TS2305": "half-migrated: 2.x's free trace beside a leftover 1.x traceFunction",
  "blind-1x-5/06-2x-tracer-leftover-trace-function/src/search.ts:5 TS2339": "half-migrated: as line 1 (the 2.x init is synchronous)",
  "blind-1x-5/07-router-create-session-beside-start-session/src/orders.ts:9 TS2339": "half-migrated: a 2.x createSession() route beside a 1.x startSession() one",
  "blind-1x-5/07-router-create-session-beside-start-session/src/orders.ts:14 TS2339": "half-migrated: as line 9",
  "blind-1x-5/17-fully-migrated-2x-project/src/eval.ts:1 TS2307": "kept: the fully migrated 2.x project (the look-alike migrate must leave)",
  "blind-1x-5/17-fully-migrated-2x-project/src/eval.ts:4 TS7031": "kept: as line 1",
  "blind-1x-5/17-fully-migrated-2x-project/src/server.ts:8 TS2339": "kept: as line 1",
  "blind-1x-5/17-fully-migrated-2x-project/src/tracing.ts:3 TS2353": "kept: as line 1",
  "blind-1x-5/17-fully-migrated-2x-project/src/tracing.ts:5 TS2339": "kept: as line 1",
  "blind-1x-5/17-fully-migrated-2x-project/src/tracing.ts:8 TS2339": "kept: as line 1",
  "blind-1x-5/17-fully-migrated-2x-project/src/tracing.ts:8 TS7006": "kept: as line 1",
  "blind-1x-5/17-fully-migrated-2x-project/src/tracing.ts:9 TS2339": "kept: as line 1",
  "blind-1x-5/18-lambda-2x-init-leftover-flush-and-trace-tool/src/handler.ts:5 TS2339": "half-migrated: a synchronous 2.x init and createSession() with a leftover 1.x traceTool and flush()",
  "blind-1x-5/18-lambda-2x-init-leftover-flush-and-trace-tool/src/handler.ts:8 TS2339": "half-migrated: as line 5",
  "blind-1x-5/18-lambda-2x-init-leftover-flush-and-trace-tool/src/handler.ts:10 TS2339": "half-migrated: as line 5",
  "blind-1x-5/20-half-migrated-free-wrappers-one-file/src/pipeline.ts:1 TS2305": "half-migrated: 2.x's free trace beside a leftover 1.x traceTool",
  "blind-1x-4/01-script-1-0-0-setters-and-void-trace/src/main.ts:18 TS2339": `older: ${SETTERS}, the script of 1.0.0`,
  "blind-1x-4/01-script-1-0-0-setters-and-void-trace/src/main.ts:19 TS2339": "older: as line 18",
  "blind-1x-4/01-script-1-0-0-setters-and-void-trace/src/main.ts:20 TS2551": "older: as line 18",
  "blind-1x-4/02-positional-trace-function-1-0-6-and-join/src/worker.ts:11 TS2339": "older: initFromSessionId (to 1.0.20) with traceFunction(config, metadata) of 1.0.5–1.0.6",
  "blind-1x-4/03-evaluate-1-0-18-query-list-inputs-first-evaluators/src/eval.ts:12 TS2353": "older: evaluate()'s evaluationFunction/hh_*/query_list config of 1.0.12–1.0.19",
  "blind-1x-4/20-evaluator-order-of-a-pinned-1-0-23/src/eval.ts:20 TS2353": "older: evaluate()'s evaluationFunction/hh_*/dataset_id config of 1.0.12–1.0.32 (1.0.23 here)",
  "blind-1x-4/21-evaluator-order-from-1-0-24/src/eval.ts:12 TS2353": "older: as 20, of 1.0.26–1.0.32",
  "blind-1x-4/22-evaluator-order-caret-range-spanning-both/src/eval.ts:12 TS2353": "older: as 20",
  "blind-1x-6/06-next-rsc-page-tsx/src/app/page.tsx:9 TS7026": "kept: no React types in this program (a server component's JSX)",
  "blind-1x-4/12-next-server-component-tsx/app/page.tsx:10 TS7026": "kept: no React types in this program (a server component's JSX)",
  "blind-1x-4/12-next-server-component-tsx/app/page.tsx:12 TS7026": "kept: as line 10",
  "blind-1x-4/12-next-server-component-tsx/app/page.tsx:14 TS7026": "kept: as line 10",
  "blind-1x-4/16-init-options-of-1-0-2x-and-session-id-assignment/src/score.ts:17 TS2353": "older: init's modules and evalContext options (1.0.20–1.0.32) with disableHttpTracing (1.0.23+): 1.0.23–1.0.32",
  "blind-1x-3/apps/bots/src/slack.ts:16 TS7031": "kept: @slack/bolt is shimmed as `any` here, so its listener's parameters (`event`, `say`: two errors) are untyped (the fixture test's shim types them)",
  "blind-1x-3/src/di/inversify.ts:22 TS2347": "kept: inversify is shimmed as `any` here, so `bind<T>()` takes no type arguments (the fixture test's shim is generic)",
  "blind-1x-3/src/di/inversify.ts:25 TS2347": "kept: as line 22",
  "blind-1x-3/src/namespace/import-equals.cts:2 TS1202": "kept: a .cts file's `import x = require()`; this program is ESM (the fixture test compiles it with module: preserve)",
  "blind-1x-3/src/openai/service.ts:6 TS2749": "kept: openai's default export is shimmed as a value only here, so `OpenAI` as a type fails (the fixture test's shim declares the class)",
  "blind-1x-3/src/openai/service.ts:8 TS2749": "kept: as line 6",
  "blind-1x/src/esm/evaluate-legacy.ts:11 TS2353": `mixed: evaluationFunction/hh_* keys (1.0.12–1.0.32) with evaluator() (1.0.33+)`,
  "migrate-1x/computed-member-names/index.ts:4 TS7053": `mixed: initFromSessionId (to 1.0.20) with ${SETTERS}, getTracer (1.0.16+) and flush (1.0.7+)`,
  "migrate-1x/enrichment-instance-setters/index.ts:7 TS2339": `mixed: ${SETTERS} with tracer.enrichSpan (1.0.7+) and tracer.project (1.0.20+)`,
  "migrate-1x/enrichment-instance-setters/index.ts:8 TS2551": "mixed: as line 7",
  "migrate-1x/enrichment-static-and-setters/index.ts:7 TS2339": `mixed: ${SETTERS} with static enrichSpan (1.0.33+)`,
  "migrate-1x/evaluate-query-list-evaluator/index.ts:7 TS2353": "mixed: evaluationFunction/query_list (to 1.0.19) with evaluator() (1.0.33+)",
  "migrate-1x/init-new-and-from-session-id/index.ts:3 TS2673": "kept: 1.x's constructor is private in its types (JavaScript reached it); the case tests `new` → init",
  "migrate-1x/init-new-and-from-session-id/index.ts:6 TS2339": "older: initFromSessionId (1.0.0–1.0.20)",
  "migrate-1x/trace-shorthand-own-event-type/index.ts:6 TS2353": "kept: an eventType in a shorthand's options, rejected by 1.0.42's types (Omit<TraceFunctionOptions, 'eventType'>), passed by JavaScript and overridden at run time (sdk/tracer.js); the case tests that it is dropped",
  "migrate-1x/trace-shorthand-own-event-type/index.ts:7 TS2353": "kept: as line 6",
  "migrate-1x/trace-shorthand-own-event-type/index.ts:8 TS2353": "kept: as line 6",
  "migrate-1x/trace-optional-chain/index.ts:30 TS2339": `mixed: ${SETTERS} with traceModel (1.0.20+) and getTracer (1.0.16+)`,
  "migrate-1x/trace-options-with-unknown-keys/index.ts:9 TS2353": "kept: an unknown key inline in the options literal, rejected by 1.x's types (TypeScript), taken by 1.x at run time (JavaScript)",
  "migrate-1x/trace-positional-config-metadata/index.ts:7 TS2559": "older: traceFunction(config, metadata) of 1.0.5–1.0.6, beside the 1.0.7+ options form on purpose",
  "migrate-1x/trace-positional-config-metadata/index.ts:13 TS2554": "older: as line 7",
  "real-code-public/01-next-instrumentation-getter/instrumentation.ts:10 TS2673": "kept: `new HoneyHiveTracer(…)` as the public shape has it; private in 1.x's types",
  "real-code-public/09-modules-option-env-test/index.ts:11 TS2353": "older: init's modules option (1.0.20–1.0.32)",
  "real-code-public/10-init-from-session-id/resume.ts:4 TS2339": `older: initFromSessionId (to 1.0.20) with ${SETTERS}`,
  "real-code-public/29-ts-import-equals-lambda/src/handler.ts:1 TS1202": "kept: a CommonJS project's `import x = require()`; this program is ESM, as the test's is (which ignores the same code)",
  "round-1x/src/11-middleware.ts:19 TS2339": `older: ${SETTERS} on an un-awaited init's tracer`,
  "round-1x/src/13-join.ts:4 TS2339": "older: initFromSessionId (to 1.0.20) with traceFunction's eventName (1.0.20+): 1.0.20",
  "round-1x/src/15-evaluate-snake.ts:6 TS2353": "older: evaluate()'s snake_case config of 1.0.12–1.0.32",
  "lookalike-names/m16-promptfoo-and-1x-evaluate/evals/run.ts:8 TS2353": "older: evaluate()'s snake_case config of 1.0.12–1.0.32",
  "migrate-1x/imports-unused-import-equals/index.ts:2 TS1202": "kept: a CommonJS-style `import hh = require()` in a .ts file; this program is ESM (the case tests that the codemod drops the import once unused)",
  "migrate-1x/names-never-exported/index.ts:1 TS2305": "kept: WrapperTracer, which no published 1.x exported; the case tests the marker at such an import",
  "migrate-1x/names-unknown-exports/index.ts:1 TS2305": "kept: names neither 1.x nor this SDK exports (0.x's SessionTracer, TracerOptions, ToolConfig: three errors); the case tests the marker at their import",
  "migrate-1x/names-unknown-exports/index.ts:2 TS2305": "kept: as line 1 (0.x's ModelConfig)",
  "migrate-1x/names-unknown-exports/index.ts:3 TS2305": "mixed: toSessionId is this SDK's (2.x), imported beside 1.x code; the case tests that it passes unmarked",
};

const COMPILER_OPTIONS = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: ["node"],
  esModuleInterop: true,
  experimentalDecorators: true,
  allowJs: true,
  checkJs: true,
  jsx: ts.JsxEmit.Preserve,
  resolveJsonModule: true,
};

/** Test-runner globals the jest-style inputs use (no @types/jest here). */
const GLOBALS = ["jest", "test", "it", "describe", "expect", "beforeEach", "afterEach", "beforeAll", "afterAll"];

/**
 * Shims for the modules that resolve nowhere: each name a file imports from one is `any` as a value and
 * as a (generic) type, so `NextRequest` in a parameter type or `implements OnModuleDestroy` reads as the
 * code meant; anything else (require(), a default import) falls to `declare module "*"`.
 */
function shimsFor(roots, unresolvedOwn) {
  const names = new Map();
  for (const root of roots) {
    const source = ts.createSourceFile(root, readFileSync(root, "utf8"), ts.ScriptTarget.Latest, false);
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const specifier = statement.moduleSpecifier.text;
      if (specifier.startsWith(".") || ts.resolveModuleName(specifier, root, COMPILER_OPTIONS, ts.sys).resolvedModule) continue;
      // The package under test is never shimmed: a path 1.0.42 does not have is an error of the input.
      if (specifier === "honeyhive" || specifier.startsWith("honeyhive/")) {
        const line = source.getLineAndCharacterOfPosition(statement.moduleSpecifier.getStart(source)).line + 1;
        unresolvedOwn.push({ file: root, line, code: 2307, message: `Cannot find module '${specifier}' in honeyhive@${VERSION}.` });
        continue;
      }
      const bindings = statement.importClause?.namedBindings;
      const set = names.get(specifier) ?? new Set();
      names.set(specifier, set);
      if (statement.importClause?.name) set.add("default");
      if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) set.add((element.propertyName ?? element.name).text);
      if (bindings && ts.isNamespaceImport(bindings)) set.add("*");
    }
  }
  const modules = [...names].filter(([, set]) => !set.has("*")).map(([specifier, set]) => {
    const members = [...set].map((name) => (name === "default" ? "const _default: any; export default _default;" : `export type ${name}<A = any, B = any, C = any, D = any> = any; export const ${name}: any;`));
    return `declare module ${JSON.stringify(specifier)} { ${members.join(" ")} }`;
  });
  // A script (no import or export), so each `declare module` is an ambient module, not an augmentation.
  return [`declare module "*";`, ...modules, ...GLOBALS.map((name) => `declare var ${name}: any;`), ""].join("\n");
}

function main() {
  const only = ARGS.flatMap((arg, index) => (ARGS[index - 1] === "--group" ? [arg] : []));
  const groups = Object.keys(GROUPS).filter((name) => only.length === 0 || only.includes(name));
  setUp();
  const src = join(CACHE, "src");
  rmSync(src, { recursive: true, force: true });
  const roots = [];
  for (const group of groups) {
    for (const [path, fixture] of GROUPS[group]()) {
      const text = readFileSync(join(FIXTURES, fixture), "utf8");
      const target = join(src, group, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
      if (!JS.test(path) || JSDOC_TYPES.test(text)) roots.push(target);
    }
  }
  const shim = join(src, "shims.d.ts");
  const unresolvedOwn = [];
  writeFileSync(shim, shimsFor(roots, unresolvedOwn));
  if (ARGS.includes("--list")) for (const root of roots) console.log(relative(src, root));
  const program = ts.createProgram([...roots, shim], COMPILER_OPTIONS);
  const checked = new Set(roots);
  const errors = [...unresolvedOwn];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file;
    if (file && !checked.has(file.fileName)) continue;
    const line = file ? file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1 : 0;
    errors.push({ file: file?.fileName ?? "(program)", line, code: diagnostic.code, message: ts.flattenDiagnosticMessageText(diagnostic.messageText, " ") });
  }
  const found = errors.map(({ file, line, code, message }) => ({ key: `${relative(src, file)}:${line} TS${code}`, message }));
  const unexpected = found.filter(({ key }) => !(key in EXPECTED));
  const stale = Object.keys(EXPECTED).filter((key) => groups.includes(key.split("/")[0]) && !found.some((error) => error.key === key));
  for (const { key, message } of found) console.log(`${key in EXPECTED ? `listed (${EXPECTED[key].split(":")[0]})` : "ERROR          "} ${key} ${message}`);
  for (const key of stale) console.log(`STALE      ${key}: listed in EXPECTED, not reported any more (drop it)`);
  const withErrors = new Set(unexpected.map(({ key }) => key.split(":")[0]));
  console.log(
    `${roots.length} 1.x inputs checked against honeyhive@${VERSION} (${groups.join(", ")}): ` +
      `${found.length - unexpected.length} errors listed in EXPECTED (older/mixed/kept), ${unexpected.length} other errors in ${withErrors.size} files, ${stale.length} stale entries`,
  );
  process.exitCode = unexpected.length > 0 || stale.length > 0 ? 1 : 0;
}

main();
