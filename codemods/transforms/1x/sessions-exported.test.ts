// 1x-sessions on `tracer.startSession()` outside any handler of its file, in an exported function on a
// tracer that function did not create: in a project that serves requests, another module may run it per
// request (real-code-public shape 01: a Next.js route running lib/agent-stream.ts's generator), so the
// `tracer.sessionId` it becomes gets a marker. A script's, or a tracer made per call, gets none.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../../engine/engine.js";
import { TRANSFORM_1X_IDS } from "../ids.js";

const MARKER = "honeyhive-migrate: 1.x startSession() returned the tracer's one session";

describe("1x-sessions: startSession() in an exported function", () => {
  const project = useTempProjects("1x-sessions-exported");
  const migrate = (dependencies: Record<string, string>, code: string, files: Record<string, string> = {}) => {
    const root = project({ "package.json": JSON.stringify({ dependencies: { honeyhive: "^1.0.42", ...dependencies } }), "lib/": "", ...files });
    return runTransforms(code, join(root, "lib/reply.ts"), { transforms: TRANSFORM_1X_IDS });
  };
  const helper = `import { getTracer } from "./t";
export async function reply() {
  const tracer = getTracer();
  let id: string | null = null;
  if (tracer) id = await tracer.startSession();
  return id;
}
`;
  const moduleTracer = `import { HoneyHiveTracer } from "honeyhive";
const tracer = await HoneyHiveTracer.init({ project: "p" });
async function inner() { return await tracer.startSession(); }
export const viaArrow = async () => { const id = await tracer.startSession(); return id; };
function listed() { return tracer.startSession(); }
export { listed };
export async function own() {
  const mine = await HoneyHiveTracer.init({ project: "p" });
  return await mine.startSession();
}
`;

  it("marks tracer.sessionId in a project with a framework (next), a getter's tracer", () => {
    const result = migrate({ next: "^15.0.0" }, helper);
    expect(result.markers).toBe(1);
    expect(result.output).toMatch(new RegExp(`${MARKER.replace(/[.()]/g, "\\$&")}.*\\*/\\n {2}if \\(tracer\\) id = tracer\\.sessionId;`));
  });

  it("marks exported arrows and `export { f }`, not a private function nor one that creates its tracer", () => {
    const result = migrate({ express: "^5.0.0" }, moduleTracer);
    expect(result.markers).toBe(2);
    expect(result.output).toContain("async function inner() { return tracer.sessionId; }");
    expect(result.output).toMatch(/\*\/\nexport const viaArrow = async \(\) => \{ const id = tracer\.sessionId;/);
    expect(result.output).toContain("  return mine.sessionId;");
    expect(result.output.split(MARKER).length - 1).toBe(2);
    expect(result.output).not.toMatch(new RegExp(`${MARKER.replace(/[.()]/g, "\\$&")}[^\\n]*\\n {2}return mine`));
  });

  it("leaves a project without a framework or deployment signal unmarked (a batch script's exported main)", () => {
    expect(migrate({}, helper).markers).toBe(0);
    expect(migrate({}, helper).output).toContain("if (tracer) id = tracer.sessionId;");
    // A deployment file is a signal too.
    expect(migrate({}, helper, { "vercel.json": "{}" }).markers).toBe(1);
  });
});
