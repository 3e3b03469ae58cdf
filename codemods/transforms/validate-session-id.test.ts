import { describe, expect, it } from "vitest";
import { runTransforms } from "../engine/engine.js";
import { markerComment } from "../engine/markers.js";
import { unvalidatedSessionIdMarker } from "./validate-session-id.js";

const run = (code: string, filename = "src/server.ts") => runTransforms(code, filename, { transforms: ["validate-session-id"] });

const HEADER = `import express from "express";
import { HoneyHiveTracer, isSessionId } from "honeyhive";

const tracer = HoneyHiveTracer.init({ project: "api" });
const app = express();
`;

describe("validate-session-id", () => {
  it("marks each call once, also when two calls share a line (a marker line each), and never rewrites the id", () => {
    const before = `${HEADER}
app.use((req, res, next) => {
  const id = req.get("x-session-id");
  if (id) tracer.createSession({ sessionId: id }); else tracer.withSession({ sessionId: \`anon-\${id}\` }, () => {});
  next();
});
`;
    const result = run(before);
    expect(result.markers).toBe(2);
    expect(result.output).toBe(
      before.replace(
        "  if (id) tracer",
        `  ${markerComment(unvalidatedSessionIdMarker("createSession"))}\n  ${markerComment(unvalidatedSessionIdMarker("withSession"))}\n  if (id) tracer`,
      ),
    );
    expect(run(result.output).changed).toBe(false);
  });

  it("leaves checked ids and files without the SDK alone", () => {
    const checked = `${HEADER}
app.use((req, res, next) => {
  const id = req.get("x-session-id");
  tracer.createSession({ sessionId: id && isSessionId(id) ? id : undefined });
  next();
});
`;
    expect(run(checked).changed).toBe(false);
    const noSdk = `import express from "express";
import { store } from "./sessions";
const app = express();
app.use((req, res, next) => { store.createSession({ sessionId: req.headers["x-session-id"] }); next(); });
`;
    expect(run(noSdk).changed).toBe(false);
  });

  it("agrees with the rule on ids handed to a helper: checked before the call, or marked", () => {
    const helper = `function startChat(sessionId) {\n  return tracer.createSession({ sessionId });\n}\n`;
    const checkedByCaller = `${HEADER}${helper}app.post("/chat", (req, res) => { const id = req.get("x-session-id"); if (!isSessionId(id)) return res.status(400).end(); startChat(id); res.end(); });\n`;
    expect(run(checkedByCaller).changed).toBe(false);
    const checkedTooLate = checkedByCaller.replace("if (!isSessionId(id)) return res.status(400).end(); startChat(id);", "startChat(id); if (!isSessionId(id)) return res.status(400).end();");
    const result = run(checkedTooLate);
    expect(result.markers).toBe(1);
    expect(result.output).toBe(checkedTooLate.replace("  return tracer.createSession", `  ${markerComment(unvalidatedSessionIdMarker("createSession"))}\n  return tracer.createSession`));
  });

  it("marks what the rule reports through a method helper, an object parameter or a default", () => {
    const shapes = [
      `class Chats {\n  start(sessionId) {\n    return tracer.createSession({ sessionId });\n  }\n}\nconst chats = new Chats();\napp.post("/chat", (req, res) => { chats.start(req.get("x-session-id")); res.end(); });\n`,
      `const startChat = ({ sessionId }) => {\n  return tracer.createSession({ sessionId });\n};\napp.post("/chat", (req, res) => { startChat(req.body); res.end(); });\n`,
      `function startChat(sessionId = "") {\n  return tracer.createSession({ sessionId });\n}\napp.post("/chat", (req, res) => { startChat(req.query.sid); res.end(); });\n`,
      // The first caller hands over the request, a later one its body (review-rules F4), in both orders.
      `function open(source) {\n  return tracer.createSession({ sessionId: source.id });\n}\napp.post("/a", async (req, res) => { await open(req); res.end(); });\napp.post("/b", async (req, res) => { await open(req.body); res.end(); });\n`,
      `function open(source) {\n  return tracer.createSession({ sessionId: source.id });\n}\napp.post("/b", async (req, res) => { await open(req.body); res.end(); });\napp.post("/a", async (req, res) => { await open(req); res.end(); });\n`,
    ];
    for (const shape of shapes) {
      const before = `${HEADER}${shape}`;
      const result = run(before);
      expect(result.markers).toBe(1);
      expect(result.output).toBe(before.replace(/( *)return tracer\.createSession/, (_, indent: string) => `${indent}${markerComment(unvalidatedSessionIdMarker("createSession"))}\n${indent}return tracer.createSession`));
      expect(run(result.output).changed).toBe(false);
    }
    // Every caller hands over the request, whose `id` is no client input.
    expect(run(`${HEADER}${shapes[3]!.replace("open(req.body)", "open(req)")}`).changed).toBe(false);
    // A method of the same name on an imported object is not the helper.
    expect(run(`${HEADER}import { chats } from "./chats";\n${shapes[0]!.replace("const chats = new Chats();\n", "")}`).changed).toBe(false);
  });

  // migrate-11: a `let` declared without a value is followed to its one plain write only where that write comes before
  // the call in source order (session-id-flow `soleAssignedValue`). In a loop, a write after the call reaches it on the
  // next iteration; that is not followed, so nothing is marked: pinned here as the known limit it is
  // (docs/rules/require-valid-session-id.md "Known limits"), beside the same loop written in order, which is marked.
  it("marks a let written once before the call in a loop, not one written after the call (the next iteration's id)", () => {
    const lambda = (body: string) =>
      `import { HoneyHiveTracer } from "honeyhive";\n\nconst tracer = HoneyHiveTracer.init({ project: "jobs" });\n\nexport const handler = async (event: SQSEvent) => {\n  let sessionId: string | undefined;\n  for (const record of event.Records) {\n${body}\n  }\n  await tracer.forceFlush();\n  return {};\n};\n`;
    const read = "    sessionId = record.messageAttributes.session?.stringValue;";
    const call = "    tracer.createSession({ sessionId });";
    const inOrder = lambda(`${read}\n${call}`);
    const result = runTransforms(inOrder, "src/handler.ts", { transforms: ["validate-session-id"] });
    expect(result.output).toBe(inOrder.replace(call, `    ${markerComment(unvalidatedSessionIdMarker("createSession"))}\n${call}`));
    const afterTheCall = lambda(`${call}\n${read}`);
    expect(runTransforms(afterTheCall, "src/handler.ts", { transforms: ["validate-session-id"] }).changed).toBe(false);
    expect(runTransforms(afterTheCall, "src/handler.ts").changed).toBe(false);
  });
});
