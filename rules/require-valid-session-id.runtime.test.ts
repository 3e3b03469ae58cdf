// What require-valid-session-id's suggestion does at run time: an Express app is linted, every
// suggestion applied, the result compiled and served by the real Express with the built SDK in test
// mode. The client decides the type of its input (`?sid=a&sid=b` is an array, a JSON body's field a
// number) and toSessionId() throws a TypeError for anything but a non-empty string, so an unguarded
// conversion answers 500 to any client that sends one; the suggestion's `typeof` guard must not.
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import type { Server } from "node:http";
import ts from "typescript";
import { afterEach, describe, expect, it } from "vitest";
import rule, { RULE_NAME } from "./require-valid-session-id.js";
import { lintWithRule } from "./test-utils/fixture-lint.js";

const require = createRequire(import.meta.url);
// The global test setup keeps dist/ in sync with the sources.
const sdk = require("../dist/cjs/sdk/index.js") as typeof import("../sdk/index.js");
const express = require("express") as unknown;

const APP = `import express from "express";
import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p", testMode: true });
export const app = express();
app.use(express.json());
app.get("/chat", (req, res) => {
  const id = tracer.createSession({ sessionId: req.query.sid });
  res.json({ id });
});
app.post("/chat", (req, res) => {
  const id = tracer.createSession({ sessionId: req.body.sessionId });
  res.json({ id });
});
`;
const FILENAME = "src/server.ts";

/** `code` with the rule's first suggestion applied, report after report, until none is left. */
function withSuggestions(code: string): string {
  let current = code;
  for (let round = 0; round < 5; round++) {
    const fix = lintWithRule(RULE_NAME, rule, current, FILENAME).find((message) => message.suggestions?.length)?.suggestions?.[0]?.fix;
    if (!fix) return current;
    current = current.slice(0, fix.range[0]) + fix.text + current.slice(fix.range[1]);
  }
  throw new Error("suggestions did not settle");
}

const tracers: import("../sdk/index.js").HoneyHiveTracer[] = [];
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((done) => server.close(done));
  for (const tracer of tracers.splice(0)) await tracer.shutdown();
});

/** The app compiled to CommonJS with `honeyhive` bound to the built SDK, listening on a free port: its base URL. */
async function serve(code: string): Promise<string> {
  const { outputText } = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
  const HoneyHiveTracer = {
    init: (options: import("../sdk/index.js").TracerOptions) => {
      const tracer = sdk.HoneyHiveTracer.init(options);
      tracers.push(tracer);
      return tracer;
    },
  };
  const modules: Record<string, unknown> = { honeyhive: { ...sdk, HoneyHiveTracer }, express };
  const module = { exports: {} as { app?: { listen(port: number, done: () => void): Server } } };
  const load = (id: string) => {
    if (!(id in modules)) throw new Error(`unexpected import ${id}`);
    return modules[id];
  };
  // The code is this test's own app, after the rule's suggestions, compiled just above.
  new Function("require", "module", "exports", outputText)(load, module, module.exports);
  const app = module.exports.app;
  if (!app) throw new Error("the app exports nothing");
  const server = await new Promise<Server>((done) => {
    const listening: Server = app.listen(0, () => done(listening));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const getChat = (base: string, query: string) => fetch(`${base}/chat?${query}`);
const postChat = (base: string, body: unknown) => fetch(`${base}/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("require-valid-session-id's suggestion at run time (Express, built SDK in test mode)", () => {
  const suggested = withSuggestions(APP);

  it("guards both reads by type", () => {
    expect(suggested).toContain(`sessionId: typeof req.query.sid === "string" && req.query.sid ? toSessionId(req.query.sid) : undefined`);
    expect(suggested).toContain(`sessionId: typeof req.body.sessionId === "string" && req.body.sessionId ? toSessionId(req.body.sessionId) : undefined`);
  });

  it("answers ?sid=a&sid=b (an array) and a JSON body's number with a new session, and converts a string", async () => {
    const base = await serve(suggested);
    for (const response of [await getChat(base, "sid=a&sid=b"), await getChat(base, "sid="), await postChat(base, { sessionId: 42 }), await postChat(base, { sessionId: ["a"] })]) {
      expect(response.status).toBe(200);
      expect(((await response.json()) as { id: string }).id).toMatch(UUID);
    }
    const converted = (await (await getChat(base, "sid=conversation-7")).json()) as { id: string };
    expect(converted.id).toBe(sdk.toSessionId("conversation-7"));
    const fromBody = (await (await postChat(base, { sessionId: "conversation-7" })).json()) as { id: string };
    expect(fromBody.id).toBe(sdk.toSessionId("conversation-7"));
  });

  it("the former suggestion (a truthiness test only) fails the same requests with a 500", async () => {
    const former = suggested.replace(/typeof (\S+) === "string" && \1 \?/g, "$1 ?");
    expect(former).toContain("sessionId: req.query.sid ? toSessionId(req.query.sid) : undefined");
    const base = await serve(former);
    expect((await getChat(base, "sid=a&sid=b")).status).toBe(500);
    expect((await postChat(base, { sessionId: 42 })).status).toBe(500);
    expect((await getChat(base, "sid=conversation-7")).status).toBe(200);
  });
});
