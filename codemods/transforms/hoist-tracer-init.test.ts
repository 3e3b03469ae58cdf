import { afterAll, describe, expect, it } from "vitest";
import { TRACER_INIT_MARKERS } from "../../analysis/fixes/tracer-init.js";
import { runTransforms } from "../engine/engine.js";
import { markerComment } from "../engine/markers.js";
import { makeProject, read, removeProjects, runInProcess } from "../cli/test-utils/project.js";

const run = (code: string, filename = "src/server.ts") => runTransforms(code, filename, { transforms: ["hoist-tracer-init"] });

const HEADER = `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

const app = express();
`;

describe("hoist-tracer-init", () => {
  it("writes one getter for two handlers with the same init, and a second run changes nothing", () => {
    const before = `${HEADER}
app.get("/a", (req, res) => {
  const tracer = HoneyHiveTracer.init({ project: "api" });
  tracer.startSpan("a", () => res.end());
});

app.get("/b", (req, res) => {
  const tracer = HoneyHiveTracer.init({ project: "api" });
  tracer.startSpan("b", () => res.end());
});
`;
    const result = run(before);
    expect(result.output).toBe(`${HEADER}
let tracer: HoneyHiveTracer | undefined;

function getTracer() {
  return (tracer ??= HoneyHiveTracer.init({ project: "api" }));
}

app.get("/a", (req, res) => {
  const tracer = getTracer();
  tracer.createSession();
  tracer.startSpan("a", () => res.end());
});

app.get("/b", (req, res) => {
  const tracer = getTracer();
  tracer.createSession();
  tracer.startSpan("b", () => res.end());
});
`);
    expect(run(result.output).changed).toBe(false);
  });

  it("leaves one marker where the options read the request, also after a second run", () => {
    const before = `${HEADER}app.get("/:project", (req, res) => {
  const tracer = HoneyHiveTracer.init({ project: req.params.project });
  res.end();
});
`;
    const once = run(before);
    expect(once.markers).toBe(1);
    expect(once.output).toBe(before.replace("  const tracer", `  ${markerComment(TRACER_INIT_MARKERS.readsCall("request"))}\n  const tracer`));
    expect(run(once.output).changed).toBe(false);
  });

  it("leaves an init whose session id is unchecked client input to validate-session-id's marker", () => {
    const before = `import { HoneyHiveTracer } from "honeyhive";

export const handler = async (event) => {
  const tracer = HoneyHiveTracer.init({ project: "p", sessionId: event.session_id });
  await tracer.forceFlush();
  return {};
};
`;
    expect(run(before, "src/handler.js").changed).toBe(false);
    const all = runTransforms(before, "src/handler.js");
    expect(all.markers).toBe(1);
    expect(all.output).not.toContain("getTracer");
  });

  it("changes nothing in files without the SDK or with a cached tracer", () => {
    const noSdk = `import express from "express";
import { init } from "./db";
const app = express();
app.get("/", (req, res) => { const db = init(); res.end(); });
`;
    expect(run(noSdk).changed).toBe(false);
    const cached = `${HEADER}let tracer: HoneyHiveTracer | undefined;
app.get("/", (req, res) => {
  tracer ??= HoneyHiveTracer.init({ project: "api" });
  res.end();
});
`;
    expect(run(cached).changed).toBe(false);
  });

  it("agrees with the rule on caches by lifetime: the application object's is left alone, the request's is rewritten", () => {
    const express = `import express from "express";\nimport { HoneyHiveTracer } from "honeyhive";\nconst app = express();\n`;
    const appLocals = `${express}app.use((req, res, next) => {\n  req.app.locals.tracer ??= HoneyHiveTracer.init({ project: "p" });\n  next();\n});\n`;
    expect(run(appLocals).changed).toBe(false);
    const resLocals = appLocals.replace("req.app.locals.tracer", "res.locals.tracer");
    expect(run(resLocals).changed).toBe(true);
  });

  it("leaves the application object's cache alone behind a local, a destructured parameter or a TS cast (review-rules F3)", () => {
    const express = `import express from "express";\nimport { HoneyHiveTracer } from "honeyhive";\nconst app = express();\n`;
    const route = (params: string, body: string) => `${express}app.post("/chat", async (${params}) => {\n${body}\n  res.end();\n});\n`;
    const INIT = `HoneyHiveTracer.init({ project: "p" })`;
    for (const cached of [
      route("req, res", `  const { locals } = req.app;\n  locals.tracer ??= ${INIT};`),
      route("req, res", `  const locals = req.app.locals;\n  locals.tracer ??= ${INIT};`),
      route("{ app: server }, res", `  server.locals.tracer ??= ${INIT};`),
      route("req, res", `  (req.app.locals as Record<string, any>).tracer ??= ${INIT};\n  req.app.locals!.tracer ??= ${INIT};`),
    ]) {
      expect(run(cached).changed, cached).toBe(false);
    }
    expect(run(route("req, res", `  const { locals } = res;\n  locals.tracer ??= ${INIT};`)).changed).toBe(true);
  });
});

describe("hoist-tracer-init: a handler calling an imported function that inits a tracer on every call", () => {
  afterAll(() => removeProjects());
  const project = (script: string) =>
    makeProject({
      "package.json": JSON.stringify({ name: "p", private: true, dependencies: { honeyhive: "^2.0.0" } }),
      "script.ts": `import { HoneyHiveTracer } from "honeyhive";\n${script}`,
      "handler.ts": `import { main } from "./script";\nexport const handler = async () => {\n  await main();\n  return { statusCode: 200 };\n};\n`,
    });

  it("marks the handler's call (the init is in the other module), and a second run adds nothing", async () => {
    const root = project(`export async function main() {\n  const tracer = HoneyHiveTracer.init({ project: "p" });\n  await tracer.forceFlush();\n}\n`);
    expect((await runInProcess(root, ["migrate"], null)).code).toBe(0);
    const handler = read(root, "handler.ts");
    expect(handler).toMatch(/honeyhive-migrate: main\(\) creates a tracer on every call \(in script\.ts\).*\n {2}await main\(\);/);
    expect((await runInProcess(root, ["migrate"], null)).code).toBe(0);
    expect(read(root, "handler.ts")).toBe(handler);
  });

  it("leaves the handler alone when the imported function caches its tracer", async () => {
    const root = project(`let tracer: HoneyHiveTracer | undefined;\nexport async function main() {\n  tracer ??= HoneyHiveTracer.init({ project: "p" });\n  await tracer.forceFlush();\n}\n`);
    await runInProcess(root, ["migrate"], null);
    expect(read(root, "handler.ts")).not.toContain("honeyhive-migrate");
  });
});
