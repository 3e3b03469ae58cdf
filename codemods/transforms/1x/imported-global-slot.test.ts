// --from 1 on a route whose tracer another module keeps on `globalThis` (issue 15, D6): `declare global {
// var tracer: HoneyHiveTracer | undefined }` with `globalThis.tracer ??= HoneyHiveTracer.init(…)` in
// lib/tracing.ts, loaded by the route (analysis/global-slots.ts). Calls on the slot migrate in place, the
// receiver as written; a static HoneyHiveTracer.flush() whose only tracer is the slot keeps its marker (the
// slot's type admits undefined: no text a rewrite may write that compiles under --strict).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { markerComment } from "../../engine/markers.js";
import { runTransforms } from "../../engine/engine.js";
import { ALL_TRANSFORM_IDS } from "../ids.js";
import { MESSAGES_1X } from "./messages.js";

const root = useTempProjects("imported-global-slot", "all")({
  "package.json": `{ "name": "web", "private": true, "type": "module", "dependencies": { "honeyhive": "^1.0.42" } }\n`,
  "lib/tracing.ts": `import { HoneyHiveTracer } from "honeyhive";\n\ndeclare global {\n  var tracer: HoneyHiveTracer | undefined;\n}\n\nglobalThis.tracer ??= await HoneyHiveTracer.init({ project: "web" });\n`,
  "lib/otel.ts": `import { trace, type Tracer } from "@opentelemetry/api";\n\ndeclare global {\n  var tracer: Tracer;\n}\n\nglobalThis.tracer ??= trace.getTracer("web");\n`,
});

const from1 = (code: string) => {
  const path = join(root, "app/api/route.ts");
  const { output } = runTransforms(code, path, { transforms: ALL_TRANSFORM_IDS });
  expect(runTransforms(output, path, { transforms: ALL_TRANSFORM_IDS }).output).toBe(output);
  return output;
};

describe("a tracer on globalThis declared by a module the route loads", () => {
  it("migrates calls on the slot in place, and on a variable read from it", () => {
    const before = `import "../../lib/tracing";\n\nexport async function POST(): Promise<Response> {\n  await globalThis.tracer?.startSession();\n  const tracer = globalThis.tracer!;\n  const answer = tracer.traceChain(async (q: string) => q, { eventName: "answer" });\n  await globalThis.tracer?.flush();\n  return Response.json(await answer("q"));\n}\n`;
    const after = before
      // The `await` stays on an optional call (what it awaits is not read).
      .replace("globalThis.tracer?.startSession()", "globalThis.tracer?.createSession()")
      .replace(`tracer.traceChain(async (q: string) => q, { eventName: "answer" })`, `tracer.trace({ eventType: "chain", eventName: "answer" }, async (q: string) => q)`)
      .replace("globalThis.tracer?.flush()", "globalThis.tracer?.forceFlush()");
    expect(from1(before)).toBe(after);
  });

  it("keeps the static flush's marker where the slot is the only tracer", () => {
    const code = `import { HoneyHiveTracer } from "honeyhive";\nimport "../../lib/tracing";\n\nexport async function POST(): Promise<Response> {\n  globalThis.tracer?.enrichSession({ metadata: {} });\n  await HoneyHiveTracer.flush();\n  return new Response("ok");\n}\n`;
    expect(from1(code)).toContain(`${markerComment(MESSAGES_1X.staticFlush)}\n  await HoneyHiveTracer.flush();`);
  });

  it("leaves OpenTelemetry's Tracer in the same slot alone", () => {
    const code = `import "../../lib/otel";\n\nexport function GET(): Response {\n  globalThis.tracer.startSpan("get").end();\n  return new Response("ok");\n}\n`;
    expect(from1(code)).toBe(code);
  });
});
