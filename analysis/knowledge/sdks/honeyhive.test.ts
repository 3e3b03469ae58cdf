import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { HoneyHiveTracer } from "../../../sdk/tracer.js";
import {
  FLUSH_MEMBERS,
  GENERIC_TRACER_MEMBERS,
  HONEYHIVE_ONLY_MEMBERS,
  INSTANCE_SESSION_MEMBERS,
  LEGACY_MEMBERS,
  REQUEST_SCOPED_SESSION_MEMBERS,
  SDK_EXPORTS,
  SESSION_STARTING_MEMBERS,
  TRACER_MEMBERS,
  TRACER_STATICS,
  honeyhiveProfile,
} from "./honeyhive.js";

// The built package, as a consumer loads it (vitest's global setup rebuilds dist/ when sdk/ is newer).
const dist = join(import.meta.dirname, "..", "..", "..", "dist", "esm", "sdk");
type SdkModule = typeof import("../../../sdk/index.js");
const loadBuilt = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(dist, path)).href)) as T;

describe("this SDK's tracer manifest", () => {
  it("names exactly the tracer's public members (checked by tsc)", () => {
    expectTypeOf<keyof typeof TRACER_MEMBERS>().toEqualTypeOf<keyof HoneyHiveTracer>();
  });

  it("names exactly the members of the built HoneyHiveTracer: prototype methods and accessors, and instance fields", async () => {
    const { HoneyHiveTracer } = await loadBuilt<SdkModule>("index.js");
    const tracer = HoneyHiveTracer.init({ testMode: true, project: "manifest-test" });
    try {
      const onPrototype = Object.getOwnPropertyNames(HoneyHiveTracer.prototype).filter((name) => name !== "constructor");
      const onInstance = Object.keys(tracer);
      expect(new Set([...onPrototype, ...onInstance])).toEqual(new Set(Object.keys(TRACER_MEMBERS)));
      for (const name of onPrototype) {
        const descriptor = Object.getOwnPropertyDescriptor(HoneyHiveTracer.prototype, name)!;
        const kind = typeof descriptor.value === "function" ? "method" : "property";
        expect({ name, kind }).toEqual({ name, kind: TRACER_MEMBERS[name as keyof typeof TRACER_MEMBERS].kind });
      }
      for (const name of onInstance) expect(TRACER_MEMBERS[name as keyof typeof TRACER_MEMBERS].kind).toBe("property");
    } finally {
      await tracer.shutdown();
    }
  });

  it("names exactly the static members of the built HoneyHiveTracer", async () => {
    const { HoneyHiveTracer } = await loadBuilt<SdkModule>("index.js");
    const statics = Object.getOwnPropertyNames(HoneyHiveTracer).filter((name) => !["length", "name", "prototype"].includes(name));
    expect(new Set(statics)).toEqual(new Set(Object.keys(TRACER_STATICS)));
  });

  it("names exactly the runtime exports of honeyhive and honeyhive/experiments", async () => {
    expect(new Set(Object.keys(await loadBuilt<object>("index.js")))).toEqual(new Set(Object.keys(SDK_EXPORTS.root)));
    expect(new Set(Object.keys(await loadBuilt<object>("experiments/index.js")))).toEqual(new Set(Object.keys(SDK_EXPORTS.experiments)));
  });
});

describe("tables derived from the manifest", () => {
  it("flush members: forceFlush, and shutdown which flushes first", () => {
    expect(FLUSH_MEMBERS).toEqual(new Set(["forceFlush", "shutdown"]));
  });

  it("session-starting members, split into request-scoped and the instance-wide legacy one", () => {
    expect(SESSION_STARTING_MEMBERS).toEqual(new Set(["createSession", "acreateSession", "withSession", "sessionStart"]));
    expect(REQUEST_SCOPED_SESSION_MEMBERS).toEqual(new Set(["createSession", "acreateSession", "withSession"]));
    expect(INSTANCE_SESSION_MEMBERS).toEqual(new Set(["sessionStart"]));
    expect(LEGACY_MEMBERS.get("sessionStart")).toMatch(/createSession/);
    expect([...LEGACY_MEMBERS.keys()]).toEqual(["sessionStart"]);
  });

  it("HoneyHive-only and generic tracer members do not overlap, and cover what the engine keys on today", () => {
    expect([...HONEYHIVE_ONLY_MEMBERS].filter((name) => GENERIC_TRACER_MEMBERS.has(name))).toEqual([]);
    // analysis/sdk-model.ts's hand-written lists (to be replaced by these): every name must still be here.
    for (const name of ["createSession", "acreateSession", "withSession", "enrichSpan", "enrichSession"] as const) expect(HONEYHIVE_ONLY_MEMBERS).toContain(name);
    for (const name of ["sessionStart", "forceFlush", "trace", "startSpan", "sessionId"] as const) expect(GENERIC_TRACER_MEMBERS).toContain(name);
    // A name every propagator, exporter or analytics client has is never proof of a HoneyHive tracer.
    for (const name of ["inject", "extract", "shutdown", "getFinishedSpans", "sessionStart", "forceFlush"] as const) expect(HONEYHIVE_ONLY_MEMBERS).not.toContain(name);
  });

  it("the profile's flush calls are the flush members on the tracer; only forceFlush counts by name alone", () => {
    expect(honeyhiveProfile.flushCalls.map(({ method, effect, nameAlone, receiver }) => ({ method, effect, nameAlone, receiver }))).toEqual([
      { method: "forceFlush", effect: "flush", nameAlone: true, receiver: { kind: "tracer" } },
      { method: "shutdown", effect: "shutdown", nameAlone: false, receiver: { kind: "tracer" } },
    ]);
  });
});
