// What hoist-tracer-init's rewrite of init's `sessionId` does at run time, against the SDK and a
// local stand-in backend (test mode makes no calls, so there would be nothing to count): the
// fixtures' Lambda handlers are rewritten by the transform, compiled, and invoked like warm starts.
// A caller's id links the existing session (no POST /session/start, the spans still carry it); an
// id made here starts its session, once per invocation, as the per-invocation init did.
import * as crypto from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "../../fixtures/index.js";
import * as sdk from "../../sdk/index.js";
import { useFakeBackend } from "../../sdk/test-utils/use-fake-backend.js";
import { runTransforms } from "../engine/engine.js";

const backend = useFakeBackend();

interface LambdaResult {
  readonly statusCode: number;
  readonly body: string;
}
type Handler = (event: object) => Promise<LambdaResult>;

const tracers: sdk.HoneyHiveTracer[] = [];
const savedEnv = { ...process.env };
beforeEach(() => {
  process.env.HH_API_KEY = "hh-runtime-key";
  process.env.HH_API_URL = backend().url;
});
afterEach(async () => {
  for (const tracer of tracers.splice(0)) await tracer.shutdown();
  process.env = { ...savedEnv };
});

/** The fixture's code: `before.ts` as written, or as hoist-tracer-init rewrites it. */
function fixtureCode(fixture: string, rewritten: boolean): string {
  const before = readFileSync(join(FIXTURES_DIR, "no-tracer-init-in-handler", fixture, "before.ts"), "utf8");
  return rewritten ? runTransforms(before, "src/handler.ts", { transforms: ["hoist-tracer-init"] }).output : before;
}

/**
 * The module's `handler`, compiled to CommonJS and evaluated with `honeyhive` bound to this SDK (its
 * init recorded, so the test shuts every tracer down) and `node:crypto` to Node's.
 */
function loadHandler(code: string): Handler {
  const { outputText } = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  const HoneyHiveTracer = {
    init: (options: sdk.TracerOptions) => {
      const tracer = sdk.HoneyHiveTracer.init(options);
      tracers.push(tracer);
      return tracer;
    },
  };
  const modules: Record<string, unknown> = { honeyhive: { ...sdk, HoneyHiveTracer }, "node:crypto": crypto };
  const module = { exports: {} as { handler?: Handler } };
  const require = (id: string) => {
    if (!(id in modules)) throw new Error(`unexpected import ${id}`);
    return modules[id];
  };
  // The fixture is this repository's own test input, compiled just above.
  new Function("require", "module", "exports", outputText)(require, module, module.exports);
  if (!module.exports.handler) throw new Error("the fixture exports no handler");
  return module.exports.handler;
}

const sessionStarts = () => backend().startedSessions().map((session) => session.session_id);
const spanSessions = () => new Set(backend().spans().map((span) => span.attributes["honeyhive.session_id"]));

/** Starts (POST /session/start) that one invocation made. */
async function startsOf(invoke: () => Promise<LambdaResult>): Promise<{ started: unknown[]; body: Record<string, unknown> }> {
  const before = sessionStarts().length;
  const result = await invoke();
  expect(result.statusCode).toBe(200);
  return { started: sessionStarts().slice(before), body: JSON.parse(result.body) as Record<string, unknown> };
}

describe("hoist-tracer-init at run time: init's sessionId by the seed's table", () => {
  const existing = "0b7c3c2e-7a51-4c1b-9a5e-2f0c1d2e3f40";

  it("the caller's id (lambda-linked-session): the rewrite links it without a session start; the per-invocation init started it on every call", async () => {
    const original = loadHandler(fixtureCode("lambda-linked-session", false));
    expect((await startsOf(() => original({ sessionId: existing, message: "hi" }))).started).toEqual([existing]);

    const rewritten = loadHandler(fixtureCode("lambda-linked-session", true));
    await rewritten({ sessionId: existing, message: "cold" }); // the cold start inits the shared tracer (its own startup session)
    for (const message of ["warm", "warmer"]) {
      expect((await startsOf(() => rewritten({ sessionId: existing, message }))).started).toEqual([]);
    }
    expect(sessionStarts().filter((id) => id === existing)).toHaveLength(1); // the original's, none of the rewrite's
    expect(spanSessions()).toContain(existing);
  });

  it("an id made here (lambda-new-session-id): the rewrite starts each invocation's new session, once", async () => {
    const rewritten = loadHandler(fixtureCode("lambda-new-session-id", true));
    await rewritten({ message: "cold" });
    for (const message of ["warm", "warmer"]) {
      const { started, body } = await startsOf(() => rewritten({ message }));
      expect(started).toEqual([body.sessionId]);
    }
  });

  it("either (lambda-link-or-start): the rewrite links the caller's session and starts one when there is none", async () => {
    const rewritten = loadHandler(fixtureCode("lambda-link-or-start", true));
    await rewritten({ message: "cold" });
    expect((await startsOf(() => rewritten({ sessionId: existing, message: "linked" }))).started).toEqual([]);
    const fresh = await startsOf(() => rewritten({ message: "new" }));
    expect(fresh.started).toHaveLength(1);
    expect(fresh.started[0]).not.toBe(existing);
    expect(spanSessions()).toContain(existing);
  });
});
