// `migrate --from 1` on tracer receivers blind-1x-3 found unread (issue 15): a cast to the tracer's type
// (D4), a helper returning the tracer or null (D12), a static field of another module's class (D13), and
// a Slack Bolt listener as a per-event handler (D5, analysis/knowledge/frameworks/slack-bolt.ts).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractModuleFacts } from "../../../analysis/export-facts.js";
import { parseAnalysisInput } from "../../../analysis/parse-input.js";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { countMarkers } from "../../engine/markers.js";
import { runTransforms } from "../../engine/engine.js";
import { ALL_TRANSFORM_IDS } from "../ids.js";

const makeProject = useTempProjects("receivers-blind-1x-3", "all");

const OBSERVABILITY = `import { HoneyHiveTracer } from "honeyhive";

export class Observability {
  static tracer: HoneyHiveTracer | undefined;
  static label = "obs";
  static readonly ready: Promise<void> = HoneyHiveTracer.init({ project: "p" }).then((tracer) => {
    Observability.tracer = tracer;
  });
}
`;

const manifest = `{ "name": "app", "private": true, "dependencies": { "honeyhive": "^1.0.42" } }\n`;
const root = makeProject({ "package.json": manifest, "src/observability.ts": OBSERVABILITY });
const migrate = (path: string, code: string) => runTransforms(code, join(root, path), { transforms: ALL_TRANSFORM_IDS });

describe("a static field of another module's class typed as the tracer (D13)", () => {
  it("is listed in the class's holder facts, a plain static field is not", () => {
    const facts = extractModuleFacts(parseAnalysisInput(OBSERVABILITY, join(root, "src/observability.ts")));
    expect(facts.tracerHolders?.Observability).toEqual({ of: "class", members: [], methods: [], statics: ["tracer"] });
  });

  it("is a tracer receiver in an importer with no SDK import; another member of the class is not", () => {
    const code = `import { Observability } from "./observability.js";\n\nexport const sort = Observability.tracer!.traceTool(async (xs: string[]) => xs, { eventName: "rank" });\nexport const other = Observability.label.traceTool;\n`;
    const result = migrate("src/use.ts", code);
    expect(result.output).toContain(`Observability.tracer!.trace({ eventType: "tool", eventName: "rank" }, async (xs: string[]) => xs)`);
    expect(result.output).toContain("Observability.label.traceTool;");
    expect(result.markers).toBe(0);
  });
});

describe("single-file receivers", () => {
  it("reads `x as HoneyHiveTracer` as the tracer (D4), not `x as OtherTracer`", () => {
    const code = `import type { HoneyHiveTracer } from "honeyhive";\nimport type { OtherTracer } from "./other";\n\nexport async function handle(locals: Record<string, unknown>) {\n  const tracer = locals.tracer as HoneyHiveTracer;\n  const id = await tracer.startSession();\n  const other = locals.other as OtherTracer;\n  return [id, other.traceModel(async () => 1, { eventName: "x" })];\n}\n`;
    const result = migrate("src/cast.ts", code);
    expect(result.output).toContain("const id = tracer.sessionId;");
    expect(result.output).not.toContain("tracer.startSession(");
    // The other tracer's call is no HoneyHive receiver: the unresolved-receiver marker, not a rewrite.
    expect(result.output).toContain(`other.traceModel(async () => 1, { eventName: "x" })`);
    expect(countMarkers(result.output)).toBeGreaterThan(0);
  });

  it("follows a helper that returns the init in try and null in catch (D12), not one that returns another value too", () => {
    const code = `import { HoneyHiveTracer, enrichSpan } from "honeyhive";\n\nasync function makeTracer() {\n  try {\n    return await HoneyHiveTracer.init({ project: "p" });\n  } catch {\n    return null;\n  }\n}\n\nconst tracer = await makeTracer();\n\nexport const work = tracer?.traceTool(async (x: string) => {\n  enrichSpan({ metadata: { n: x.length } });\n  return x;\n});\n`;
    const result = migrate("src/or-null.ts", code);
    expect(result.output).toContain(`tracer?.trace({ eventType: "tool" }, async (x: string) => {\n  tracer.enrichSpan({ metadata: { n: x.length } });`);
    expect(result.markers).toBe(0);
    const mixed = code.replace("return null;", `return { traceTool: (fn: unknown) => fn };`);
    expect(countMarkers(migrate("src/or-fake.ts", mixed).output)).toBeGreaterThan(0);
  });

  it("reads a member typed as the tracer by the file's module augmentation (D18), not one of a local interface", () => {
    const code = `import Fastify from "fastify";\nimport { HoneyHiveTracer } from "honeyhive";\n\ndeclare module "fastify" {\n  interface FastifyInstance {\n    hh: HoneyHiveTracer;\n  }\n}\ninterface Local {\n  other: HoneyHiveTracer;\n}\n\nconst app = Fastify();\napp.decorate("hh", await HoneyHiveTracer.init({ project: "p" }));\napp.addHook("onClose", async (instance) => {\n  await instance.hh.flush();\n});\nexport async function close(box: { other: { flush(): Promise<void> } }) {\n  await box.other.flush();\n}\n`;
    const result = migrate("src/fastify.ts", code);
    expect(result.output).toContain("await instance.hh.forceFlush();");
    expect(result.output).toContain("await box.other.flush();");
  });

  it("leaves a look-alike member of the augmented name whose receiver the file types itself: a const object, a local interface, a type literal (D18)", () => {
    const code = `import Fastify from "fastify";\nimport { HoneyHiveTracer } from "honeyhive";\nimport { StatsD } from "hot-shots";\n\ndeclare module "fastify" {\n  interface FastifyInstance {\n    hh: HoneyHiveTracer;\n  }\n}\ninterface Metrics {\n  hh: StatsD;\n}\ninterface Server extends Fastify.FastifyInstance {}\n\nconst metrics = { hh: new StatsD() };\nconst app = Fastify();\napp.decorate("hh", await HoneyHiveTracer.init({ project: "p" }));\nexport async function close(client: Metrics, literal: { hh: StatsD }, server: Server) {\n  metrics.hh.flush();\n  client.hh.flush();\n  literal.hh.flush();\n  await server.hh.flush();\n}\n`;
    const result = migrate("src/fastify-metrics.ts", code);
    expect(result.output).toContain("  metrics.hh.flush();\n  client.hh.flush();\n  literal.hh.flush();\n");
    // An interface extending the package's still has the augmented member.
    expect(result.output).toContain("await server.hh.forceFlush();");
  });

  it("reads a member of a type the file passes to a package's class as a type argument (D20: `new Koa<State>()`), not of a global class's", () => {
    const code = `import Koa from "koa";\nimport { HoneyHiveTracer } from "honeyhive";\n\ninterface State {\n  tracer: HoneyHiveTracer;\n}\ninterface Entry {\n  hh: HoneyHiveTracer;\n}\n\nconst tracer = await HoneyHiveTracer.init({ project: "p" });\nconst app = new Koa<State>();\nconst cache = new Map<string, Entry>();\n\napp.use(async (ctx) => {\n  const sessionId = await ctx.state.tracer.startSession();\n  await ctx.other.hh.startSession();\n  ctx.body = { sessionId, size: cache.size };\n});\n`;
    const result = migrate("src/koa.ts", code);
    expect(result.output).toContain("const sessionId = ctx.state.tracer.createSession();");
    expect(result.output).not.toContain("ctx.other.hh.createSession()");
  });

  it("gives a Slack Bolt listener its own session (D5)", () => {
    const code = `import { App } from "@slack/bolt";\nimport { HoneyHiveTracer } from "honeyhive";\n\nconst tracer = await HoneyHiveTracer.init({ project: "bot" });\nconst app = new App({ token: "t", signingSecret: "s" });\n\napp.event("app_mention", async ({ say }) => {\n  const sessionId = await tracer.startSession();\n  await say(sessionId);\n});\n`;
    const result = migrate("src/slack.ts", code);
    expect(result.output).toContain("const sessionId = tracer.createSession();");
  });
});
