// The 2.x transforms in code written without semicolons (the ASI audit after 1x-trace-wrappers' guard,
// analysis/rewrite.ts `semicolonBefore`): a rewrite that puts a statement starting with `(`, `[` or a
// template right after a statement that ends with neither `;` nor a block would continue that statement
// (`x\n[a].forEach(f)` is `x[a].forEach(f)`). Those that can (lambda-force-flush unwrapping a `try` or
// joining statements into one, lost-session-context moving createSession()) write standard style's `;`.
import { parse } from "@typescript-eslint/typescript-estree";
import type { TSESTree } from "@typescript-eslint/types";
import { expect, it } from "vitest";
import { runTransforms } from "../engine/engine.js";
import type { TransformId } from "./ids.js";

const TRACER = `import { HoneyHiveTracer } from "honeyhive"\n\nconst tracer = HoneyHiveTracer.init({ project: "p" })\n`;

const migrate = (transform: TransformId, code: string, filename = "src/handler.ts") => {
  const { output } = runTransforms(code, filename, { transforms: [transform] });
  // Idempotent: the guarded output is left as it is.
  expect(runTransforms(output, filename, { transforms: [transform] }).changed).toBe(false);
  return output;
};

it("lambda-force-flush: a `try` whose finally only flushed goes, and its first statement is guarded", () => {
  const code = `import * as functions from "@google-cloud/functions-framework"\n${TRACER}functions.http("chat", async (req, res) => {\n  tracer.createSession()\n  try {\n    [req.body].forEach(audit)\n    const reply = await answer(req.body)\n    res.json({ reply })\n  } finally {\n    await tracer.forceFlush()\n  }\n})\n`;
  const output = migrate("lambda-force-flush", code, "index.js");
  expect(output).toContain("  tracer.createSession()\n  ;[req.body].forEach(audit)\n  const reply = await answer(req.body)\n");
  // A statement ending with `;` before it: no guard.
  expect(migrate("lambda-force-flush", code.replace("createSession()\n  try", "createSession();\n  try"), "index.js")).toContain("  tracer.createSession();\n  [req.body].forEach(audit)\n");
});

it("lambda-force-flush: statements joined into the flushing `try` keep its first statement apart", () => {
  const code = `import { HoneyHiveTracer } from "honeyhive"\nlet cached\nfunction getTracer() {\n  return (cached ??= HoneyHiveTracer.init({ project: "p" }))\n}\nexport const handler = async (event) => {\n  const tracer = getTracer()\n  if (!event.body) return { statusCode: 400 }\n  try {\n    \`\${event.id}\`.split("").forEach(track)\n    tracer.createSession()\n    return await work(event)\n  } finally {\n    await tracer.forceFlush()\n  }\n}\n`;
  const output = migrate("lambda-force-flush", code, "src/handler.js");
  expect(output).toContain("  try {\n    if (!event.body) return { statusCode: 400 }\n    ;`${event.id}`.split(\"\").forEach(track)\n    tracer.createSession()\n");
});

it("lost-session-context: createSession() moved before a statement starting with `(` keeps them apart", () => {
  const code = `import Fastify from "fastify"\n${TRACER}const app = Fastify()\n\napp.addHook("onRequest", async (request) => {\n  (await audit(request)).log()\n  tracer.createSession({ sessionName: request.url })\n})\n`;
  const output = migrate("lost-session-context", code, "src/server.ts");
  expect(output).toContain(`async (request) => {\n  tracer.createSession({ sessionName: request.url })\n  ;(await audit(request)).log()\n})`);
});

it("lost-session-context: the statement after the moved one is guarded against the one before it", () => {
  const code = `import Fastify from "fastify"\n${TRACER}const app = Fastify()\n\napp.addHook("onRequest", async (request) => {\n  await audit(request)\n  tracer.createSession({ sessionName: request.url });\n  [request.id].forEach(track)\n})\n`;
  const output = migrate("lost-session-context", code, "src/server.ts");
  expect(output).toContain(`async (request) => {\n  tracer.createSession({ sessionName: request.url });\n  await audit(request)\n  ;[request.id].forEach(track)\n})`);
});

// small-fixes: a hook body written at column 0 puts the moved lines and the target's guard at one offset; the moved
// lines come first, then the `;` that keeps the target apart from them (analysis/fixes/lost-session.ts).
it("lost-session-context: at column 0 the moved statement comes before the guard of the statement it now precedes", () => {
  const code = `import Fastify from "fastify"\n${TRACER}const app = Fastify()\n\napp.addHook("onRequest", async (request) => {\n(await audit(request)).log()\ntracer.createSession({ sessionName: request.url })\n})\n`;
  const output = migrate("lost-session-context", code, "src/server.ts");
  expect(output).toContain(`async (request) => {\ntracer.createSession({ sessionName: request.url })\n;(await audit(request)).log()\n})`);
  // It parses, and each statement is its own: the session first, then the awaited work.
  const program = parse(output, { range: true });
  const hook = (program.body.at(-1) as TSESTree.ExpressionStatement).expression as TSESTree.CallExpression;
  const body = (hook.arguments[1] as TSESTree.ArrowFunctionExpression).body as TSESTree.BlockStatement;
  expect(body.body.map((statement) => output.slice(...statement.range))).toEqual(["tracer.createSession({ sessionName: request.url })\n;", "(await audit(request)).log()"]);
});

it("lost-session-context: at column 0 the statement after the moved one is guarded against the one before it", () => {
  const code = `import Fastify from "fastify"\n${TRACER}const app = Fastify()\n\napp.addHook("onRequest", async (request) => {\nawait audit(request)\ntracer.createSession({ sessionName: request.url });\n[request.id].forEach(track)\n})\n`;
  const output = migrate("lost-session-context", code, "src/server.ts");
  expect(output).toContain(`async (request) => {\ntracer.createSession({ sessionName: request.url });\nawait audit(request)\n;[request.id].forEach(track)\n})`);
  expect(() => parse(output)).not.toThrow();
});

// small-fixes: the flush the fix writes ends as the file's statements do (analysis/rewrite.ts `statementEnd`), the
// rule's fix and the codemod alike (one fix: rules/fixes-agree); a file that writes semicolons keeps getting one.
it("lambda-force-flush: the flush before a send follows the file's semicolon style", () => {
  const handler = `import * as functions from "@google-cloud/functions-framework"\n${TRACER}functions.http("chat", async (req, res) => {\n  tracer.createSession()\n  const reply = await answer(req.body)\n  res.json({ reply })\n})\n`;
  expect(migrate("lambda-force-flush", handler, "index.js")).toContain("  const reply = await answer(req.body)\n  await tracer.forceFlush()\n  res.json({ reply })\n");
  const withSemicolons = handler.replace(/\)\n/g, ");\n").replace(/(project: "p" \}\)|from "honeyhive"|functions-framework")\n/g, "$1;\n");
  expect(migrate("lambda-force-flush", withSemicolons, "index.js")).toContain("  await tracer.forceFlush();\n  res.json({ reply });\n");
});

// gaps-migrate-9: a `;` first on its line guards the statement after it; the parser ends the statement before with it,
// but the file is still written without semicolons (analysis/rewrite.ts `statementEnd` reads `guardLineStart`).
it("lambda-force-flush: guards do not count as statement ends when the fix reads the file's style", () => {
  const guards = ["body", "query", "headers", "params", "ip", "path", "cookies", "url"].map((key) => `  ;[req.${key}].forEach(audit)\n`).join("");
  const handler = `import * as functions from "@google-cloud/functions-framework"\n${TRACER}functions.http("chat", async (req, res) => {\n  tracer.createSession()\n${guards}  const reply = await answer(req.body)\n  res.json({ reply })\n})\n`;
  expect(migrate("lambda-force-flush", handler, "index.js")).toContain("  const reply = await answer(req.body)\n  await tracer.forceFlush()\n  res.json({ reply })\n");
});
