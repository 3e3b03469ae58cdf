import { describe, expect, it } from "vitest";
import { clearSdkVersionCache } from "./sdk-version.js";
import { onAnalysisError } from "./ast.js";
import { tracerInitFixes, TRACER_INIT_MARKERS, unitOf } from "./fixes/tracer-init.js";
import { parseAnalysisInput } from "./parse-input.js";
import { findTracerInitsPerCall, type TracerInitPerCall } from "./tracer-init.js";

const EXPRESS = `import express from "express";\nimport { HoneyHiveTracer } from "honeyhive";\nconst app = express();\n`;

function find(code: string, filename = "src/server.ts"): readonly TracerInitPerCall[] {
  return findTracerInitsPerCall(parseAnalysisInput(code, filename));
}

/** `kind:unit` of each finding, e.g. `handler:request`. */
function places(code: string, filename?: string): string[] {
  return find(code, filename).map((finding) => `${finding.place.kind}:${unitOf(finding.place)}`);
}

describe("findTracerInitsPerCall", () => {
  it("finds a creation per request, per invocation, per datapoint and per item", () => {
    expect(places(`${EXPRESS}app.get("/", (req, res) => { HoneyHiveTracer.init().startSpan("x", () => res.end()); });`)).toEqual(["handler:request"]);
    expect(places(`import { HoneyHiveTracer } from "honeyhive";\nexport const handler = async () => { const t = HoneyHiveTracer.init(); await t.forceFlush(); };`)).toEqual([
      "handler:invocation",
    ]);
    expect(
      places(
        `import { HoneyHiveTracer } from "honeyhive";\nimport { evaluate } from "honeyhive/experiments";\nfunction step(x) { const t = HoneyHiveTracer.init(); return x; }\nfunction run(d) { return step(d); }\nawait evaluate({ function: run, dataset: [], name: "n" });`,
      ),
    ).toEqual(["evaluate:datapoint"]);
    expect(places(`import { HoneyHiveTracer } from "honeyhive";\nwhile (queue.length) { const t = HoneyHiveTracer.init(); t.startSpan("job", () => queue.pop()); }`)).toEqual(["loop:item"]);
    expect(places(`import { HoneyHiveTracer } from "honeyhive";\nitems.map(async (item) => { const t = HoneyHiveTracer.init(); return t.startSpan("i", () => item); });`)).toEqual(["loop:item"]);
  });

  it("does not count a loop's header, a function declared in a loop, or a stored tracer", () => {
    expect(places(`import { HoneyHiveTracer } from "honeyhive";\nfor (const t = HoneyHiveTracer.init(); ; ) break;`)).toEqual([]);
    expect(places(`import { HoneyHiveTracer } from "honeyhive";\nfor (const p of ps) { register(() => HoneyHiveTracer.init({ project: p })); }`)).toEqual([]);
    expect(places(`import { HoneyHiveTracer } from "honeyhive";\nconst all = [];\nfor (const p of ps) all.push(HoneyHiveTracer.init({ project: p }));`)).toEqual([]);
  });

  it("leaves caches alone only when the cache outlives the call", () => {
    const cached = [
      `let t;\napp.get("/", (req, res) => { t ??= HoneyHiveTracer.init(); res.end(); });`,
      `let t;\napp.get("/", (req, res) => { t ||= HoneyHiveTracer.init(); res.end(); });`,
      `let t;\napp.get("/", (req, res) => { (t ?? (t = HoneyHiveTracer.init())).createSession(); res.end(); });`,
      `let t;\napp.get("/", (req, res) => { const tracer = t ? t : (t = HoneyHiveTracer.init()); res.end(); });`,
      `const cache = {};\napp.get("/", (req, res) => { if (cache.tracer == null) cache.tracer = HoneyHiveTracer.init(); res.end(); });`,
    ];
    for (const body of cached) expect(find(`${EXPRESS}${body}`), body).toEqual([]);
    // The same shapes on a variable of the handler itself cache nothing.
    expect(places(`${EXPRESS}app.get("/", (req, res) => { let t; t ??= HoneyHiveTracer.init(); res.end(); });`)).toEqual(["handler:request"]);
    expect(places(`${EXPRESS}app.get("/", (req, res) => { let t; if (!t) t = HoneyHiveTracer.init(); res.end(); });`)).toEqual(["handler:request"]);
    // A test on another name is no cache: `if (!tracerReady)` does not mention `tracer`.
    expect(places(`${EXPRESS}let tracer, tracerReady;\napp.get("/", (req, res) => { if (!tracerReady) tracer = HoneyHiveTracer.init(); res.end(); });`)).toEqual([
      "handler:request",
    ]);
  });

  it("follows one level into the file's own functions that create a tracer on every call", () => {
    const helper = (body: string) => find(`${EXPRESS}${body}`).map((finding) => `${finding.place.kind}:${finding.helper}`);
    expect(helper(`function make() { return HoneyHiveTracer.init(); }\napp.get("/", (req, res) => { make(); res.end(); });`)).toEqual(["handler:make"]);
    expect(helper(`const make = () => HoneyHiveTracer.init();\nfor (const x of xs) { const t = make(); t.startSpan("x", () => x); }`)).toEqual(["loop:make"]);
    // Not per call: called at startup only, the call's result cached, the helper caching itself (?? and an early return).
    expect(helper(`function make() { return HoneyHiveTracer.init(); }\nconst t = make();\napp.get("/", (req, res) => { t.createSession(); res.end(); });`)).toEqual([]);
    expect(helper(`let t;\nfunction make() { return HoneyHiveTracer.init(); }\napp.get("/", (req, res) => { if (!t) t = make(); res.end(); });`)).toEqual([]);
    expect(helper(`let t;\nfunction get() { return t ?? (t = HoneyHiveTracer.init()); }\napp.get("/", (req, res) => { get(); res.end(); });`)).toEqual([]);
    expect(helper(`let t;\nfunction get() { if (t !== undefined) { return t; } t = HoneyHiveTracer.init(); return t; }\napp.get("/", (req, res) => { get(); res.end(); });`)).toEqual([]);
  });

  it("tells 1.x from this SDK by the awaited init, unless the project declares its major", () => {
    clearSdkVersionCache();
    const [awaited] = find(`${EXPRESS}app.get("/", async (req, res) => { const t = await HoneyHiveTracer.init(); res.end(); });`);
    expect(awaited).toMatchObject({ major: 1, display: "await HoneyHiveTracer.init()" });
    const [plain] = find(`${EXPRESS}app.get("/", (req, res) => { const t = HoneyHiveTracer.init(); res.end(); });`);
    expect(plain).toMatchObject({ major: 2, display: "HoneyHiveTracer.init()" });
    const [constructed] = find(`${EXPRESS}app.get("/", (req, res) => { const t = new HoneyHiveTracer({}); res.end(); });`);
    expect(constructed).toMatchObject({ major: 1, display: "new HoneyHiveTracer()" });
    const [joined] = find(`${EXPRESS}app.get("/", async (req, res) => { const t = await HoneyHiveTracer.initFromSessionId({}); res.end(); });`);
    expect(joined).toMatchObject({ major: 1, display: "await HoneyHiveTracer.initFromSessionId()" });
    // The file's major is the SDK model's: a call only this SDK has outweighs a harmless await of its synchronous init.
    const [mixed] = find(`${EXPRESS}app.get("/", async (req, res) => { const t = await HoneyHiveTracer.init(); await t.forceFlush(); res.end(); });`);
    expect(mixed).toMatchObject({ major: 2, display: "await HoneyHiveTracer.init()" });
  });

  it("counts an OpenTelemetry provider only when it is made global and exports to HoneyHive", () => {
    const otel = (body: string, url = "https://api.honeyhive.ai/opentelemetry/v1/traces") =>
      find(
        `import express from "express";\nimport { trace } from "@opentelemetry/api";\nimport { NodeTracerProvider as Provider } from "@opentelemetry/sdk-trace-node";\nconst URL = "${url}";\nconst app = express();\napp.get("/", (req, res) => { ${body} res.end(); });`,
      ).map((finding) => finding.display);
    expect(otel(`const p = new Provider(); p.register();`)).toEqual(["new NodeTracerProvider().register()"]);
    expect(otel(`trace.setGlobalTracerProvider(new Provider());`)).toEqual(["new NodeTracerProvider() + setGlobalTracerProvider()"]);
    expect(otel(`const p = new Provider(); p.getTracer("x");`)).toEqual([]);
    expect(otel(`new Provider().register();`, "https://collector.example.com/v1/traces")).toEqual([]);
  });

  it("costs nothing and finds nothing in a file that names no creator", () => {
    const errors: unknown[] = [];
    onAnalysisError((error) => errors.push(error));
    try {
      expect(find(`import express from "express";\nconst app = express();\napp.get("/", (req, res) => { init(); res.end(); });`)).toEqual([]);
    } finally {
      onAnalysisError(undefined);
    }
    expect(errors).toEqual([]);
  });
});

describe("tracerInitFixes", () => {
  const fixOf = (code: string, filename = "src/server.ts") => tracerInitFixes(parseAnalysisInput(code, filename))[0];

  it("gives one getter to every init with the same options, and another name to different ones", () => {
    const code = `${EXPRESS}app.get("/a", (req, res) => { const tracer = HoneyHiveTracer.init({ project: "p" }); res.end(); });\napp.get("/b", (req, res) => { const tracer = HoneyHiveTracer.init({ project: "p" }); res.end(); });\napp.get("/c", (req, res) => { const tracer = HoneyHiveTracer.init({ project: "q" }); res.end(); });`;
    const fixes = tracerInitFixes(parseAnalysisInput(code, "src/server.ts"));
    expect(fixes.map((fix) => fix.getter)).toEqual(["getTracer", "getTracer", "getHoneyHiveTracer"]);
    // The shared getter is the same edit object, so applying both fixes writes it once.
    expect(fixes[0].fix!.edits[0]).toBe(fixes[1].fix!.edits[0]);
  });

  it("does not take a name the file uses", () => {
    const code = `${EXPRESS}const tracer = 1;\nfunction getTracer() {}\napp.get("/", (req, res) => { const t = HoneyHiveTracer.init(); res.end(); });`;
    const fix = fixOf(code);
    expect(fix.getter).toBe("getHoneyHiveTracer");
    expect(fix.fix!.edits[0].text).toContain("let honeyhiveTracer: HoneyHiveTracer | undefined;");
  });

  it("marks what it cannot hoist, with the unit of work in the text", () => {
    expect(fixOf(`${EXPRESS}app.get("/", (req, res) => { const t = HoneyHiveTracer.init({ project: req.query.p }); res.end(); });`).marker?.message).toBe(
      TRACER_INIT_MARKERS.readsCall("request"),
    );
    expect(fixOf(`${EXPRESS}app.get("/", function (req, res) { const t = HoneyHiveTracer.init({ project: this.project }); res.end(); });`).marker?.message).toBe(
      TRACER_INIT_MARKERS.readsCall("request"),
    );
    expect(fixOf(`${EXPRESS}app.get("/", (req, res) => { HoneyHiveTracer.init().startSpan("x", () => res.end()); });`).marker?.message).toBe(
      TRACER_INIT_MARKERS.byHand("request"),
    );
    expect(fixOf(`${EXPRESS}app.get("/", (req, res) => { const t = HoneyHiveTracer.init(); t.sessionStart(); res.end(); });`).marker?.message).toBe(
      TRACER_INIT_MARKERS.byHand("request"),
    );
    expect(fixOf(`${EXPRESS}function make() { const t = HoneyHiveTracer.init(); return t; }\napp.get("/", (req, res) => { make(); res.end(); });`).marker?.message).toBe(
      TRACER_INIT_MARKERS.helper("make", "request"),
    );
  });

  it("moves no session options next to a session the code starts itself, and adds no second createSession()", () => {
    expect(fixOf(`${EXPRESS}app.get("/", (req, res) => { const t = HoneyHiveTracer.init({ sessionName: "x" }); t.createSession(); res.end(); });`).fix).toBeUndefined();
    const edits = fixOf(`${EXPRESS}app.get("/", (req, res) => { const t = HoneyHiveTracer.init(); t.withSession("s", () => res.end()); });`).fix!.edits;
    expect(edits.map((edit) => edit.text).join("")).not.toContain("createSession");
  });

  it("hoists options that read module constants and a callback's own parameters", () => {
    const fix = fixOf(`${EXPRESS}const PROJECT = "p";\napp.get("/", (req, res) => { const t = HoneyHiveTracer.init({ project: PROJECT, redact: (value) => value }); res.end(); });`);
    expect(fix.fix!.edits[0].text).toContain(`HoneyHiveTracer.init({ project: PROJECT, redact: (value) => value })`);
  });
});

describe("tracerInitFixes: where init's sessionId comes from (session-id-flow's sessionIdSourceOf)", () => {
  const LAMBDA = `import { randomUUID } from "node:crypto";\nimport { HoneyHiveTracer, isSessionId, toSessionId } from "honeyhive";\n`;
  /** The source of the one finding's sessionId, for `options` of an init in a Lambda handler after `before`. */
  const sourceOf = (options: string, before = "", parameters = "event, context") =>
    tracerInitFixes(
      parseAnalysisInput(`${LAMBDA}export const handler = async (${parameters}) => {\n${before}  const tracer = HoneyHiveTracer.init(${options});\n  await tracer.forceFlush();\n};`, "src/handler.js"),
    ).map((entry) => entry.sessionIdSource);

  it("the caller's: raw or checked input, converted, through variables and destructuring", () => {
    expect(sourceOf(`{ sessionId: event.sessionId }`)).toEqual(["request"]);
    expect(sourceOf(`{ sessionId: toSessionId(event.conversation) }`)).toEqual(["request"]);
    expect(sourceOf(`{ sessionId: isSessionId(event.id) ? event.id : toSessionId(event.id) }`)).toEqual(["request"]);
    expect(sourceOf(`{ sessionId: id }`, `  const id = toSessionId(\`\${event.tenant}:\${event.chat}\`);\n`)).toEqual(["request"]);
    expect(sourceOf(`{ sessionId }`, `  const { sessionId } = event.body;\n`)).toEqual(["request"]);
  });

  it("made here: generated, from the Lambda context, from a per-request id of the event; none without a sessionId", () => {
    expect(sourceOf(`{ sessionId: randomUUID() }`)).toEqual(["local"]);
    expect(sourceOf(`{ sessionId: toSessionId(context.awsRequestId) }`)).toEqual(["local"]);
    expect(sourceOf(`{ sessionId: toSessionId(event.requestContext.requestId) }`)).toEqual(["local"]);
    expect(sourceOf(`{ sessionId: toSessionId(event.headers["x-request-id"]) }`)).toEqual(["local"]);
    expect(sourceOf(`{ sessionId: SESSION }`, "", "event")).toEqual(["local"]);
    expect(sourceOf(`{ sessionName: event.name }`)).toEqual([undefined]);
  });

  it("either: a choice between the caller's id and one made here, also inside a call or a variable", () => {
    expect(sourceOf(`{ sessionId: event.sessionId ?? randomUUID() }`)).toEqual(["mixed"]);
    expect(sourceOf(`{ sessionId: event.sessionId ? toSessionId(event.sessionId) : randomUUID() }`)).toEqual(["mixed"]);
    expect(sourceOf(`{ sessionId: toSessionId(event.user || randomUUID()) }`)).toEqual(["mixed"]);
    expect(sourceOf(`{ sessionId: id }`, `  const id = event.id || randomUUID();\n`)).toEqual(["mixed"]);
  });
});
