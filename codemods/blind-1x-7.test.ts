// Seventh blind round of `migrate --from 1` (issue 15): 1.x code in shapes the earlier rounds did not write
// (fixtures/blind-1x-7, one small project per folder, each README naming what it stands for): a pnpm-style monorepo
// whose workspace package makes the tracer and re-exports the free wrappers for two apps, the tracer on Express's
// `app.locals`, a Fastify plugin's `decorate` read from a routes module without the SDK, a NestJS `useFactory`
// provider injected into a service, the 1.x REST client starting a session that a tracer joins, wrappers on async and
// sync generators and on a function returning a stream, traceModel around an OpenAI stream, enrichSession with
// `userProperties` and `feedback` (and a snake_case key 1.x never read), a session id sent between two services in a
// header and joined per request, every init option read from the environment with a default, ES module JavaScript
// with JSDoc types, a TSX server component, a Jest setup file keeping the tracer on a declared global, a vi.mock
// factory of 1.x shapes, the free traceFunction on an async generator inside 1.x's immediate `tracer.trace`, an .mjs
// http server through a namespace import, Koa's typed `ctx.state`, and getTracer() with logModel through a namespace
// `require`.
//
// The 1.x forms were read in the honeyhive@1.0.42 tarball (sdk/tracer.d.ts, sdk/tracer.js) and public 1.x code (its
// test scripts: `new HoneyHive({ bearerAuth, serverURL })` beside the tracer, `client.session.startSession`); what each
// shape should become was written down from docs/migrating-from-1x.md before migrate was run. The run found two
// defects, fixed with this round: an init joining an id that may be missing (shapes 05, 09: 1.x started a new session
// without one, the rewrite joined a made-up session no call starts), and a 1.x flush() left unmarked on a global slot
// whose traceTool() beside it was marked (shape 13: a TypeError at run time).
//
// Asserted: a clean, parsable, stable run (a second run changes nothing) with both sets; the `--from 1` output of every
// file equal to the expected one (fixtures/blind-1x-7-expected); no 1.x-only name left unmarked; `tsc --strict` over
// the TypeScript output (and over the expected output) against this SDK reports nothing outside a marked place.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { strictConsumerOptions } from "../sdk/test-utils/type-check.js";
import { actualAndExpectedFrom1, describeExpectedShapes, migratedShapeSuite, unmarkedTypeErrors, type KnownDefect } from "./cli/test-utils/shapes.js";
import { markerComment } from "./engine/markers.js";
import { MESSAGES_1X } from "./transforms/1x/messages.js";

const { dir: SHAPES_DIR, shapes: SHAPES, byName, out, consumer } = migratedShapeSuite("blind-1x-7", {
  moduleType: "module",
  linkedDependencies: ["@types", "express", "fastify", "koa", "vitest"],
});
const EXPECTED_DIR = `${SHAPES_DIR}-expected`;

/** `<shape>/<path>` → a `--from 1` output that differs from the expected one today (a fix turns its check red). */
const KNOWN: Readonly<Record<string, KnownDefect>> = {};

/** 1.x-only names left without a marker today (`<shape>/<path>:<line> <name>`), each a KNOWN defect. */
const KNOWN_UNMARKED: readonly string[] = [];

/**
 * What the unmarked-name check finds that is no use of a 1.x tracer name: the REST client's own session API (its
 * import carries the no-counterpart marker, and its calls stay as they are), the fake tracer of a mock (under the
 * mock's marker).
 */
const NOT_1X: Readonly<Record<string, readonly string[]>> = {
  "05-rest-client-sessions": ["src/backfill.ts:7 .startSession("],
  "14-vi-mock-factory": ["src/agent.test.ts:10 traceChain"],
};

/** Modules the consumer project has no types of: what the shapes use of them. */
const SHIMS = [
  `declare module "fastify-plugin" { const fp: (plugin: (fastify: import("fastify").FastifyInstance) => Promise<void>) => unknown; export default fp; }`,
  `declare module "@nestjs/common" {
  export function Module(metadata: object): ClassDecorator;
  export function Injectable(): ClassDecorator;
  export function Inject(token: unknown): ParameterDecorator;
  export interface OnModuleDestroy { onModuleDestroy(): unknown }
}`,
  `declare module "@nestjs/config" { export class ConfigService { get<T = unknown>(key: string, fallback?: T): T | undefined } }`,
  `declare module "openai" {
  interface Chunk { choices: { delta?: { content?: string | null } }[] }
  export default class OpenAI {
    chat: { completions: { create(body: { model: string; stream: true; messages: { role: string; content: string }[] }): Promise<AsyncIterable<Chunk>> } };
  }
}`,
  `declare function beforeAll(fn: () => unknown): void;`,
  `declare function afterAll(fn: () => unknown): void;`,
  `declare function test(name: string, fn: () => unknown): void;`,
  `declare function expect(value: unknown): { toBe(expected: unknown): void };`,
];

describe("blind-1x-7: monorepos, framework holders, the REST client, generators and streams, joined sessions, test set-ups", () => {
  describeExpectedShapes({ shapesDir: SHAPES_DIR, expectedDir: EXPECTED_DIR, shapes: SHAPES, known: KNOWN, knownUnmarked: KNOWN_UNMARKED, not1x: NOT_1X, minShapes: 15 }, byName);

  it("joins an id that may be missing only when it is there, as 1.x's init did (it started a new session without one)", () => {
    // A property path is read again in the guard; 1.x's REST client typed the started session's id as optional.
    expect(out("05", "src/backfill.ts")).toContain("  const tracer = HoneyHiveTracer.init({ project });\n  if (started.sessionId) tracer.sessionStart({ sessionId: started.sessionId, skipApiCall: true });\n");
    // A header read is a call: not repeated, marked on the init.
    const answerer = out("09", "src/answerer.ts");
    expect(answerer).toContain("1.x joined this id only when it was set");
    expect(answerer).toContain('  tracer.sessionStart({ sessionId: req.header("x-honeyhive-session"), skipApiCall: true });');
  });

  // The slot is declared and filled by the Jest setup file package.json's "jest".setupFilesAfterEnv names, which Jest loads
  // before every test file (analysis/framework-preloads.ts): the test's wrapper and flush are rewritten, not marked.
  it("rewrites the 1.x wrapper and flush() on the global slot a Jest setup file fills", () => {
    const scorer = out("13", "src/scorer.test.ts");
    expect(scorer).toContain("  const traced = globalThis.hhTracer.trace({ eventType: \"tool\", eventName: \"score\" }, score);");
    expect(scorer).toContain("  await globalThis.hhTracer.forceFlush();");
    expect(scorer).not.toContain(markerComment(MESSAGES_1X.flushOfWrapperReceiver));
  });

  it("type-checks the TypeScript output (and the expected output) against this SDK with no error outside a marked place", async () => {
    const monorepoPackage = (tree: string) => join("src", tree, "01-monorepo-observability", "packages", "observability", "src", "index.ts");
    const errors = await unmarkedTypeErrors(
      consumer().directory,
      actualAndExpectedFrom1(SHAPES, EXPECTED_DIR, byName),
      SHIMS,
      {
        ...strictConsumerOptions({ module: "esnext", moduleResolution: "bundler" }),
        experimentalDecorators: true,
        // The workspace package the monorepo's apps import by name, as its package.json's `main` says.
        paths: { "@acme/observability": [`./${monorepoPackage("actual")}`] },
      },
      // A Jest test file without imports is a script: its actual and expected copies share this one program's global scope.
      (path, code) => code === "TS2451" && path.endsWith("13-jest-setup-file/src/scorer.test.ts"),
    );
    expect(errors).toEqual([]);
  }, 120_000);
});
