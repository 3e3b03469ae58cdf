// Deno imports packages as `npm:express@4`, `jsr:@hono/hono@4`: the rules find the handlers and the
// SDK through those specifiers as through the bare names, and a fix that adds an import writes the
// specifier the file already uses for that package (analysis/context.ts: `importedModules`,
// `specifierFor`).
import rule, { RULE_NAME } from "./no-session-start-in-handler.js";
import flushRule, { RULE_NAME as FLUSH_RULE } from "./require-force-flush-in-lambda.js";
import sessionIdRule, { RULE_NAME as SESSION_ID_RULE } from "./require-valid-session-id.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";

const ruleTester = createRuleTester();

const SDK = `import { HoneyHiveTracer } from "npm:honeyhive@^2";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
const START = `tracer.sessionStart({ sessionName: "chat" });`;
const CREATE = `tracer.createSession({ sessionName: "chat" });`;

/** A handler registered through a Deno specifier: reported, and fixed, as through the bare name. */
function handlerCase(head: string, register: (body: string) => string, handler: string, unit = "request") {
  return {
    code: `${head}${SDK}${register(START)}\n`,
    output: `${head}${SDK}${register(CREATE)}\n`,
    errors: [{ messageId: "sessionStartInHandler" as const, data: { tracer: "tracer", handler, unit } }],
  };
}

ruleTester.run(`${RULE_NAME} (Deno specifiers)`, testableRule(rule), {
  valid: [
    // A package whose name starts like the SDK's is not the SDK.
    `import express from "npm:express@4";\nimport { HoneyHiveTracer } from "npm:honeyhive-lookalike@1";\nconst tracer = HoneyHiveTracer.init();\nconst app = express();\napp.post("/x", (req, res) => { ${START} });`,
    // A project file whose name looks like a specifier is not the package.
    `import express from "./npm:express@4";\n${SDK}const app = express();\napp.post("/x", (req, res) => { ${START} });`,
    `import { Hono } from "./jsr:@hono/hono";\n${SDK}const app = new Hono();\napp.post("/x", (c) => { ${START} return c.text("ok"); });`,
  ],
  invalid: [
    handlerCase(`import express from "npm:express@4";\n`, (body) => `const app = express();\napp.post("/x", (req, res) => { ${body} });`, "Express handler"),
    handlerCase(`import express from "npm:/express@^4.21.0";\n`, (body) => `const router = express.Router();\nrouter.get("/x", (req, res) => { ${body} });`, "Express handler"),
    handlerCase(`import { Hono } from "npm:hono@4";\n`, (body) => `const app = new Hono();\napp.post("/x", (c) => { ${body} return c.text("ok"); });`, "Hono handler"),
    handlerCase(`import { Hono } from "jsr:@hono/hono@^4.6";\n`, (body) => `const app = new Hono();\napp.post("/x", (c) => { ${body} return c.text("ok"); });`, "Hono handler"),
    handlerCase(`import * as functions from "npm:@google-cloud/functions-framework@3";\n`, (body) => `functions.http("chat", (req, res) => { ${body} res.send("ok"); });`, "Google Cloud Functions handler", "invocation"),
    // `require()` and `await import()` of a Deno specifier (the entry gate reads them from the text).
    handlerCase(`const express = require("npm:express@4");\n`, (body) => `const app = express();\napp.post("/x", (req, res) => { ${body} });`, "Express handler"),
    handlerCase(`const { Hono } = await import("npm:hono@4");\n`, (body) => `const app = new Hono();\napp.post("/x", (c) => { ${body} return c.text("ok"); });`, "Hono handler"),
  ],
});

ruleTester.run(`${SESSION_ID_RULE} (Deno specifiers)`, testableRule(sessionIdRule), {
  valid: [],
  invalid: [
    {
      // The file imports only types from the SDK: `toSessionId` gets an import of its own, from `npm:honeyhive@^2`.
      code: `import { tracer } from "./tracing.ts";\nimport type { SessionOptions } from "npm:honeyhive@^2";\nDeno.serve(async (request) => {\n  const sid = request.headers.get("x-session-id");\n  return tracer.withSession({ sessionId: sid, sessionName: "chat" }, async () => new Response("ok"));\n});\n`,
      output: null,
      errors: [
        {
          messageId: "unvalidatedSessionId",
          suggestions: [
            {
              messageId: "wrapInToSessionId",
              output: `import { tracer } from "./tracing.ts";\nimport { toSessionId } from "npm:honeyhive@^2";\nimport type { SessionOptions } from "npm:honeyhive@^2";\nDeno.serve(async (request) => {\n  const sid = request.headers.get("x-session-id");\n  return tracer.withSession({ sessionId: typeof sid === "string" && sid ? toSessionId(sid) : undefined, sessionName: "chat" }, async () => new Response("ok"));\n});\n`,
            },
          ],
        },
      ],
    },
    {
      // CommonJS: the added `require()` names the SDK as the file's own `require("npm:honeyhive@2")` does.
      code: `const { tracer } = require("./tracing");\nrequire("npm:honeyhive@2");\nconst express = require("npm:express@4");\nconst app = express();\napp.post("/x", (req, res) => {\n  tracer.createSession({ sessionId: req.header("x-session-id") });\n  res.send("ok");\n});\n`,
      filename: "main.js",
      output: null,
      errors: [
        {
          messageId: "unvalidatedSessionId",
          suggestions: [
            {
              messageId: "wrapInToSessionId",
              output: `const { toSessionId } = require("npm:honeyhive@2");\nconst { tracer } = require("./tracing");\nrequire("npm:honeyhive@2");\nconst express = require("npm:express@4");\nconst app = express();\napp.post("/x", (req, res) => {\n  tracer.createSession({ sessionId: typeof req.header("x-session-id") === "string" && req.header("x-session-id") ? toSessionId(req.header("x-session-id")) : undefined });\n  res.send("ok");\n});\n`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run(`${FLUSH_RULE} (Deno specifiers)`, testableRule(flushRule), {
  valid: [],
  invalid: [
    {
      // `waitUntil` joins the file's own import of `npm:@vercel/functions@1` instead of a second import of `@vercel/functions`.
      code: `import { geolocation } from "npm:@vercel/functions@1";\n${SDK}export async function POST(request: Request) {\n  ${CREATE}\n  return Response.json(geolocation(request));\n}\n`,
      filename: "api/chat.ts",
      output: null,
      errors: [
        {
          messageId: "missingFlush",
          suggestions: [
            {
              messageId: "waitUntilFlush",
              output: `import { geolocation, waitUntil } from "npm:@vercel/functions@1";\n${SDK}export async function POST(request: Request) {\n  try {\n    ${CREATE}\n    return Response.json(geolocation(request));\n  } finally {\n    waitUntil(tracer.forceFlush());\n  }\n}\n`,
            },
          ],
        },
      ],
    },
  ],
});
