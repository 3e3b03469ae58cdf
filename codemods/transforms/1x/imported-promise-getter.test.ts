// `migrate --from 1` on the importers of an untyped 1.x getter of the init's promise (`const
// tracerPromise = HoneyHiveTracer.init(…); export function getTracer() { return tracerPromise; }`), which
// only other modules `await` or call `.then()` on. The getter's module keeps it returning a promise
// (1x-init makes it `async`); its importers must not take `getTracer()` for the tracer, whichever of the
// two files the run writes first, and their `.then()` on it is wrapped in `Promise.resolve(…)`, right
// whether the getter returns the tracer or its promise.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractModuleFacts } from "../../../analysis/export-facts.js";
import { parseAnalysisInput } from "../../../analysis/parse-input.js";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../../engine/engine.js";
import { ALL_TRANSFORM_IDS } from "../ids.js";

const makeProject = useTempProjects("imported-promise-getter", "all");

const GETTERS = `import { HoneyHiveTracer } from "honeyhive";

const tracerPromise = HoneyHiveTracer.init({ project: "p" });

export function getTracer() {
  return tracerPromise;
}

export const tracerReady = () => tracerPromise;

export function makeTracer() {
  return HoneyHiveTracer.init({ project: "per-job" });
}
`;

const CONSUMER = `import { traceModel } from "honeyhive";
import { getTracer, makeTracer } from "./tracing";

export const ready = getTracer().then((t) => t.sessionId);
export const made = makeTracer().then((t) => t.sessionId);
export const maybe = getTracer()?.then((t) => t.sessionId);

export async function run(): Promise<void> {
  const t = await getTracer();
  await t.flush();
}

export const answer = traceModel(async (question: string) => question);
`;

const manifest = (range: string) => `{ "name": "app", "private": true, "dependencies": { "honeyhive": "${range}" } }\n`;
const project1x = makeProject({ "package.json": manifest("^1.0.42"), "src/tracing.ts": GETTERS });
const project2x = makeProject({ "package.json": manifest("^2.0.0"), "src/tracing.ts": GETTERS });

const factsAt = (root: string) => extractModuleFacts(parseAnalysisInput(GETTERS, join(root, "src/tracing.ts")));
const migrate = (root: string, path: string, code: string) => runTransforms(code, join(root, path), { transforms: ALL_TRANSFORM_IDS }).output;

describe("the getter module's facts", () => {
  it("list the getters that return an un-awaited init, and make them async getters where the package is 1.x", () => {
    const facts = factsAt(project1x);
    expect(facts.initPromiseGetters).toEqual(["getTracer", "tracerReady", "makeTracer"]);
    expect(facts.exports.getTracer).toEqual([{ kind: "getter", caching: true, async: true }]);
    // A factory that makes a tracer on every call also has the fact no-tracer-init-in-handler reads (cleanup-core).
    expect(facts.exports.makeTracer).toEqual([
      { kind: "getter", caching: false, async: true },
      { kind: "initsTracer", display: "HoneyHiveTracer.init()", line: 12, api: "honeyhive" },
    ]);
  });

  it("leave a 2.x module's getter synchronous: there init() returns the tracer", () => {
    const facts = factsAt(project2x);
    expect(facts.initPromiseGetters).toEqual(["getTracer", "tracerReady", "makeTracer"]);
    expect(facts.exports.getTracer).toEqual([{ kind: "getter", caching: true, async: false }]);
  });
});

describe("migrate --from 1 on an importer of the getter", () => {
  const expected = `import { trace } from "honeyhive";
import { getTracer, makeTracer } from "./tracing";

export const ready = Promise.resolve(getTracer()).then((t) => t.sessionId);
export const made = Promise.resolve(makeTracer()).then((t) => t.sessionId);
export const maybe = Promise.resolve(getTracer()).then((t) => t.sessionId);

export async function run(): Promise<void> {
  const t = await getTracer();
  await t.forceFlush();
}

/* honeyhive-migrate: pass a tracer to this call (no HoneyHive tracer in scope) */
export const answer = trace({ eventType: "model" }, async (question: string) => question);
`;

  it("wraps .then() on its call and never passes the call as a tracer, before its module is migrated", () => {
    expect(migrate(project1x, "src/consumer.ts", CONSUMER)).toBe(expected);
  });

  it("writes the same after its module is migrated (the getter made async), and nothing on a second run", () => {
    const root = makeProject({ "package.json": manifest("^1.0.42"), "src/tracing.ts": GETTERS });
    const migratedGetters = migrate(root, "src/tracing.ts", GETTERS);
    expect(migratedGetters).toContain("export async function getTracer() {");
    writeFileSync(join(root, "src/tracing.ts"), migratedGetters);
    expect(migrate(root, "src/consumer.ts", CONSUMER)).toBe(expected);
    expect(migrate(root, "src/consumer.ts", expected)).toBe(expected);
  });
});
