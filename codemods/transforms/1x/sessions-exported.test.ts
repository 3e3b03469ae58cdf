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

  // review-migrate: methods of exported classes and of exported objects were not read as exported.
  const members = `import { HoneyHiveTracer } from "honeyhive";
const tracer = await HoneyHiveTracer.init({ project: "p" });
export class Agent {
  async reply() { return await tracer.startSession(); }
  static async open() { return await tracer.startSession(); }
}
class Hidden {
  async reply() { return await tracer.startSession(); }
}
export default {
  async start() { return await tracer.startSession(); },
  stop: async () => tracer.startSession(),
};
export const api = { begin: async () => await tracer.startSession() } as const;
const local = { begin: async () => await tracer.startSession() };
new Hidden(); local.begin();
`;

  it("marks methods of an exported class and functions of an exported or default-exported object, not a private class's or object's", () => {
    const result = migrate({ express: "^5.0.0" }, members);
    // Five marked (reply, open, start, stop, begin of api); Hidden's reply and local's begin are not.
    expect(result.output.split(MARKER).length - 1).toBe(5);
    const marked = (line: string) => new RegExp(`${MARKER.replace(/[.()]/g, "\\$&")}[^\\n]*\\n\\s*${line.replace(/[.()]/g, "\\$&")}`);
    expect(result.output).toMatch(marked("async reply() { return tracer.sessionId; }"));
    expect(result.output).toMatch(marked("async start() { return tracer.sessionId; },"));
    expect(result.output).toMatch(marked("stop: async () => tracer.sessionId,"));
    expect(result.output).toMatch(marked("export const api = { begin: async () => tracer.sessionId } as const;"));
    expect(result.output).toMatch(marked("static async open() { return tracer.sessionId; }"));
    expect(result.output).not.toMatch(marked("const local"));
    expect(result.output).toMatch(/class Hidden \{\n {2}async reply\(\) \{ return tracer\.sessionId; \}/);
  });

  it("marks a discarded `await tracer.startSession();` outside a handler (a worker's loop turn), in any project", () => {
    const worker = `import { HoneyHiveTracer } from "honeyhive";
export async function startWorker(next: () => Promise<string | undefined>) {
  const tracer = await HoneyHiveTracer.init({ project: "jobs" });
  setInterval(async () => {
    const job = await next();
    await tracer.startSession();
    const id = await tracer.startSession();
    console.log(job, id);
  }, 1000);
}
`;
    const result = migrate({}, worker);
    expect(result.markers).toBe(1);
    expect(result.output).toMatch(/1\.x startSession\(\) here returned the tracer's one session and started none.*\*\/\n {4}tracer\.sessionId;\n {4}const id = tracer\.sessionId;/);
    expect(runTransforms(result.output, "lib/reply.ts", { transforms: TRANSFORM_1X_IDS }).output).toBe(result.output);
  });

  it("leaves a project without a framework or deployment signal unmarked (a batch script's exported main)", () => {
    expect(migrate({}, helper).markers).toBe(0);
    expect(migrate({}, helper).output).toContain("if (tracer) id = tracer.sessionId;");
    // A deployment file is a signal too.
    expect(migrate({}, helper, { "vercel.json": "{}" }).markers).toBe(1);
  });
});
