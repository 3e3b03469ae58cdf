// `migrate --from 1` on a file that imports nothing of the SDK but calls 1.x methods on a tracer the
// model does not follow (blind-1x-3 D6: `globalThis.honeyhive`, typed by another module's `declare
// global`): 1x-trace-wrappers marked its wrapper while 1x-sessions and 1x-flush returned early, leaving
// startSession() and flush() unmarked (TS2339). All three mark now; a file whose receiver is no 1.x tracer
// (no 1.x wrapper on it, another library's session) stays as it is. The project here has no module
// declaring the slot: where the route loads one (or Next.js preloads it), the slot is the tracer and the
// calls are rewritten (imported-global-slot.test.ts, blind-1x-3).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { markerComment } from "../../engine/markers.js";
import { runTransforms } from "../../engine/engine.js";
import { ALL_TRANSFORM_IDS } from "../ids.js";
import { MESSAGES_1X } from "./messages.js";

const makeProject = useTempProjects("global-slot-receivers", "all");
const manifest = `{ "name": "app", "private": true, "dependencies": { "honeyhive": "^1.0.42" } }\n`;
const root = makeProject({ "package.json": manifest });
const migrate = (path: string, code: string) => runTransforms(code, join(root, path), { transforms: ALL_TRANSFORM_IDS });

const ROUTE = `export async function POST(request: Request): Promise<Response> {
  const tracer = globalThis.honeyhive;
  if (!tracer) return Response.json({});
  await tracer.startSession();
  const answer = tracer.traceChain(async (q: string) => q, { eventName: "answer" });
  const text = await answer(await request.text());
  await tracer.flush();
  return Response.json({ text });
}
`;

describe("1.x calls on an unfollowed receiver in a file without an SDK import (D6)", () => {
  it("marks startSession() and flush() as the wrapper beside them is marked, and a second run changes nothing", () => {
    const first = migrate("app/api/answer/route.ts", ROUTE);
    const lines = first.output.split("\n");
    const markedAbove = (needle: string) => {
      const at = lines.findIndex((line) => line.includes(needle));
      return at > 0 && /honeyhive-migrate/.test(lines[at - 1]!);
    };
    expect(markedAbove("tracer.startSession()")).toBe(true);
    expect(markedAbove("tracer.traceChain(")).toBe(true);
    expect(markedAbove("tracer.flush()")).toBe(true);
    expect(migrate("app/api/answer/route.ts", first.output).output).toBe(first.output);
  });

  it("leaves another library's session start and a flush with no 1.x wrapper beside it", () => {
    const code = `export async function run(db: { startSession(): Promise<void> }, logger: { flush(): Promise<void> }) {\n  await db.startSession();\n  await logger.flush();\n}\n`;
    expect(migrate("src/db.ts", code).output).toBe(code);
  });
});

describe("the flush of an untyped holder's tracer beside a marked 1.x wrapper (blind-1x-3 chat.ts)", () => {
  it("is marked on the first run, not only on the second (the SDK model resolves no variable in a file without the SDK)", () => {
    const code = `import { Router } from "express";\n\nexport const chat = Router();\nchat.post("/", async (req, res) => {\n  const { tracer } = req.app.locals;\n  const reply = await tracer.traceChain(async (m: string) => m, { eventName: "chat" })(String(req.body.m));\n  await tracer.flush();\n  res.json({ reply });\n});\n`;
    const first = migrate("src/chat.ts", code);
    expect(first.output).toMatch(/forceFlush\(\) instead of 1\.x flush\(\) \*\/\n {2}await tracer\.flush\(\);/);
    expect(migrate("src/chat.ts", first.output).output).toBe(first.output);
  });
});

/** `--from 1` on a file of the project above, checked stable on a second run. */
function from1x(code: string, path: string): string {
  const { output } = migrate(path, code);
  expect(migrate(path, output).output).toBe(output);
  return output;
}

// blind-1x-7 shape 13: a test file using the tracer a Jest setup file keeps on `globalThis`.
describe("a 1.x flush() on a global slot beside a 1.x wrapper on it, in a file without the SDK", () => {
  it("is marked as the wrapper is", () => {
    const output = from1x(`export async function run(): Promise<void> {\n  const f = globalThis.hhTracer.traceModel(async () => 1);\n  await f();\n  await globalThis.hhTracer.flush();\n}\n`, "src/run.ts");
    expect(output).toContain(`  ${markerComment(MESSAGES_1X.flushOfWrapperReceiver)}\n  await globalThis.hhTracer.flush();`);
  });

  it("is left where nothing 1.x is called on the slot (a logger's flush)", () => {
    const code = `export async function run(): Promise<void> {\n  globalThis.logger.info("done");\n  await globalThis.logger.flush();\n}\n`;
    expect(from1x(code, "src/run.ts")).toBe(code);
  });
});
