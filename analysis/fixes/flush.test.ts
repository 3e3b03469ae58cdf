// The flush fix in the form each platform recommends. The platforms that offer background work
// (Vercel's waitUntil, Cloudflare's ctx.waitUntil, Next.js after()) get their descriptors elsewhere;
// here a test-only platform on an AWS-shaped handler drives the fix through `handler.platform` alone.
import { describe, expect, it } from "vitest";
import { applyEdits } from "../edits.js";
import { lambdaFlushOf } from "../flush.js";
import { getHandlerModel } from "../handlers.js";
import type { BackgroundWork, PlatformDescriptor } from "../knowledge/types.js";
import { parseAnalysisInput } from "../parse-input.js";
import { editsOf } from "./finding-fix.js";
import { flushFix, type FlushFixKind } from "./flush.js";

const TRACER = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\n`;

const VERCEL: BackgroundWork = { kind: "import", module: "@vercel/functions", name: "waitUntil", takes: "promise" };
const CLOUDFLARE: BackgroundWork = { kind: "parameter-method", parameterIndex: 2, method: "waitUntil", takes: "promise" };
const NEXT: BackgroundWork = { kind: "import", module: "next/server", name: "after", takes: "callback" };

function testPlatform(backgroundWork: BackgroundWork | undefined): PlatformDescriptor {
  return { id: "test-platform", name: "Test Platform", freezesAfterReturn: true, ...(backgroundWork ? { backgroundWork } : {}) };
}

/** The fix of the file's one handler, as if it ran on a platform with `backgroundWork`. */
function fixed(code: string, backgroundWork: BackgroundWork | undefined): { kind: FlushFixKind | undefined; output: string } {
  const input = parseAnalysisInput(code, "src/handler.ts");
  const [handler] = getHandlerModel(input).lambdaHandlers;
  const flush = lambdaFlushOf(input, handler!)!;
  // `callbackStyle: false`: on AWS a third parameter is the callback; on these platforms it is not
  // (Cloudflare's is `ctx`), which their descriptors will say.
  // The flush's answers are getters on its prototype (computed on first read): a spread would drop them.
  const onPlatform: typeof flush = Object.assign(Object.create(Object.getPrototypeOf(flush) as object) as typeof flush, flush, {
    handler: { ...flush.handler, platform: testPlatform(backgroundWork), callbackStyle: false },
  });
  const found = flushFix(input, onPlatform);
  if (!found.fix) return { kind: undefined, output: code };
  return { kind: found.kind, output: applyEdits(code, editsOf(input, [found.fix])) };
}

const BODY = `export const handler = async (request, env, ctx) => {\n  tracer.createSession();\n  return work(request);\n};\n`;

describe("flushFix writes the form the platform recommends", () => {
  it("without background work: try/finally with an awaited flush", () => {
    expect(fixed(`${TRACER}${BODY}`, undefined)).toEqual({
      kind: "wrapInTryFinally",
      output: `${TRACER}export const handler = async (request, env, ctx) => {\n  try {\n    tracer.createSession();\n    return await work(request);\n  } finally {\n    await tracer.forceFlush();\n  }\n};\n`,
    });
  });

  it("an imported waitUntil: in the finally, imported after the file's imports", () => {
    expect(fixed(`${TRACER}${BODY}`, VERCEL)).toEqual({
      kind: "waitUntilFlush",
      output: `import { HoneyHiveTracer } from "honeyhive";\nimport { waitUntil } from "@vercel/functions";\nconst tracer = HoneyHiveTracer.init();\nexport const handler = async (request, env, ctx) => {\n  try {\n    tracer.createSession();\n    return await work(request);\n  } finally {\n    waitUntil(tracer.forceFlush());\n  }\n};\n`,
    });
  });

  it("an imported waitUntil already imported (renamed): its local name, no second import", () => {
    const code = `import { waitUntil as keepAlive } from "@vercel/functions";\n${TRACER}${BODY}`;
    expect(fixed(code, VERCEL).output).toBe(
      `import { waitUntil as keepAlive } from "@vercel/functions";\n${TRACER}export const handler = async (request, env, ctx) => {\n  try {\n    tracer.createSession();\n    return await work(request);\n  } finally {\n    keepAlive(tracer.forceFlush());\n  }\n};\n`,
    );
  });

  it("an imported waitUntil already required (destructured, renamed): its local name, no import beside it", () => {
    const code = `const { waitUntil: keepAlive } = require("@vercel/functions");\n${TRACER}${BODY}`;
    expect(fixed(code, VERCEL).output).toBe(
      `const { waitUntil: keepAlive } = require("@vercel/functions");\n${TRACER}export const handler = async (request, env, ctx) => {\n  try {\n    tracer.createSession();\n    return await work(request);\n  } finally {\n    keepAlive(tracer.forceFlush());\n  }\n};\n`,
    );
  });

  it("a parameter method (Cloudflare ctx.waitUntil): through the handler's own parameter", () => {
    expect(fixed(`${TRACER}${BODY.replace("(request, env, ctx)", "(req, bindings, executionContext)").replace("work(request)", "work(req)")}`, CLOUDFLARE)).toEqual({
      kind: "waitUntilFlush",
      output: `${TRACER}export const handler = async (req, bindings, executionContext) => {\n  try {\n    tracer.createSession();\n    return await work(req);\n  } finally {\n    executionContext.waitUntil(tracer.forceFlush());\n  }\n};\n`,
    });
  });

  it("a parameter method whose parameter the handler does not declare: an awaited flush", () => {
    const code = `${TRACER}export const handler = async (request) => {\n  tracer.createSession();\n  return work(request);\n};\n`;
    expect(fixed(code, CLOUDFLARE).kind).toBe("wrapInTryFinally");
  });

  it("after(): one call first in the handler, added to the file's next/server import", () => {
    const code = `import { NextResponse } from "next/server";\n${TRACER}export const handler = async (request) => {\n  tracer.createSession();\n  return NextResponse.json(await work(request));\n};\n`;
    expect(fixed(code, NEXT)).toEqual({
      kind: "afterFlush",
      output: `import { NextResponse, after } from "next/server";\n${TRACER}export const handler = async (request) => {\n  after(() => tracer.forceFlush());\n  tracer.createSession();\n  return NextResponse.json(await work(request));\n};\n`,
    });
  });

  it("after() on an expression-bodied arrow: a block with the call and the return", () => {
    const code = `${TRACER}export const handler = async (request) => tracer.startSpan("h", () => work(request));\n`;
    expect(fixed(code, NEXT).output).toBe(
      `import { HoneyHiveTracer } from "honeyhive";\nimport { after } from "next/server";\nconst tracer = HoneyHiveTracer.init();\nexport const handler = async (request) => {\n  after(() => tracer.forceFlush());\n  return tracer.startSpan("h", () => work(request));\n};\n`,
    );
  });

  it("after() whose name the file already uses for something else: an awaited flush", () => {
    const code = `${TRACER}function after(ms) { return ms; }\n${BODY}`;
    expect(fixed(code, NEXT).kind).toBe("wrapInTryFinally");
  });

  it("after() whose name a destructuring or a type-only import already takes: an awaited flush, no second binding", () => {
    expect(fixed(`${TRACER}const { after } = helpers;\n${BODY}`, NEXT).kind).toBe("wrapInTryFinally");
    expect(fixed(`import { type after } from "next/server";\n${TRACER}${BODY}`, NEXT).kind).toBe("wrapInTryFinally");
  });

  it("after() replaces a fire-and-forget flush instead of adding a second one", () => {
    const code = `${TRACER}export const handler = async (request) => {\n  const tracerRef = tracer;\n  if (request.skip) return null;\n  tracerRef.createSession();\n  tracer.forceFlush();\n  return work(request);\n};\n`;
    expect(fixed(code, NEXT).output).toBe(
      `import { HoneyHiveTracer } from "honeyhive";\nimport { after } from "next/server";\nconst tracer = HoneyHiveTracer.init();\nexport const handler = async (request) => {\n  const tracerRef = tracer;\n  after(() => tracerRef.forceFlush());\n  if (request.skip) return null;\n  tracerRef.createSession();\n  return work(request);\n};\n`,
    );
  });
});

// blind-15: `return await new Response(…)` awaited a value that is never a promise (typescript-eslint's
// `await-thenable` reports it); the global web classes of knowledge/settled-values.ts are returned as they are.
describe("flushFix awaits only what may be a promise", () => {
  const handlerReturning = (returned: string, prelude = ""): string =>
    `${TRACER}${prelude}export const handler = async (request, env, ctx) => {\n  tracer.createSession();\n  return ${returned};\n};\n`;
  const wrapped = (returned: string, prelude = ""): string =>
    `${TRACER}${prelude}export const handler = async (request, env, ctx) => {\n  try {\n    tracer.createSession();\n    return ${returned};\n  } finally {\n    await tracer.forceFlush();\n  }\n};\n`;

  it.each([`new Response("ok")`, `Response.json({ ok: true })`, `Response.redirect("/x")`, `new Headers()`])("the global %s: no await", (returned) => {
    expect(fixed(handlerReturning(returned), undefined).output).toBe(wrapped(returned));
  });

  it.each([
    ["a Promise", `new Promise((resolve) => resolve(1))`, ""],
    ["a Response class of the file", `new Response("ok")`, "class Response { constructor(readonly body: string) {} }\n"],
    ["an imported Response with a json()", `Response.json({ ok: true })`, `import { Response } from "./http";\n`],
    ["another static method of the global Response", `Response.fromStream(request)`, ""],
  ])("%s: awaited", (_label, returned, prelude) => {
    expect(fixed(handlerReturning(returned, prelude), undefined).output).toBe(wrapped(`await ${returned}`, prelude));
  });
});
