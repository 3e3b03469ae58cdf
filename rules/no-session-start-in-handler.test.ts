import { describe, expect, it } from "vitest";
import { loadFixtures } from "../fixtures/index.js";
import rule, { RULE_NAME } from "./no-session-start-in-handler.js";
import { fixWithRule, lintWithRule, describeNeverThrows } from "./test-utils/fixture-lint.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";

const ruleTester = createRuleTester();
const testedRule = testableRule(rule);

const EXPRESS = `import express from "express";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst app = express();\n`;

ruleTester.run(RULE_NAME, testedRule, {
  valid: [
    // The script pattern: one session for the whole run.
    `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\ntracer.sessionStart({ sessionName: "batch" });\nawait run();`,
    // A function that is not a handler.
    `${EXPRESS}function startBatch() { tracer.sessionStart(); }`,
    // createSession is the recommended call.
    `${EXPRESS}app.post("/x", (req, res) => { tracer.createSession({ sessionName: "x" }); });`,
    // Another library's sessionStart.
    `import express from "express";\nimport { analytics } from "session-analytics";\nconst app = express();\napp.post("/x", (req, res) => { analytics.sessionStart(); });`,
    // A local object named like a tracer but not a HoneyHive one, in a file that uses the SDK.
    `${EXPRESS}const recorder = { sessionStart() {} };\napp.post("/x", (req, res) => { recorder.sessionStart(); });`,
    // Shadowed: the parameter is not the module's tracer.
    `${EXPRESS}app.post("/x", (req, res) => { const tracer = req.app.locals.recorder; tracer.sessionStart(); });`,
    // Known false negative: lexical containment only, a helper called from a handler is not followed.
    `${EXPRESS}function openSession() { tracer.sessionStart(); }\napp.post("/x", (req, res) => { openSession(); });`,
    // Not an Express app: an object that merely has get/post.
    `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nconst routes = new Map();\nroutes.get("/x", () => tracer.sessionStart());`,
    // A Next.js-looking export outside app/**/route.*.
    {
      code: `import { tracer } from "@/lib/tracing";\nexport async function POST() { tracer.sessionStart(); }`,
      filename: "src/lib/post.ts",
    },
  ],
  invalid: [
    {
      code: `${EXPRESS}app.post("/chat", async (req, res) => {\n  tracer.sessionStart({ sessionName: "chat" });\n});`,
      output: `${EXPRESS}app.post("/chat", async (req, res) => {\n  tracer.createSession({ sessionName: "chat" });\n});`,
      errors: [{ messageId: "sessionStartInHandler", data: { tracer: "tracer", handler: "Express handler" }, line: 6, column: 10, endColumn: 22 }],
    },
    {
      // Renamed import, optional call, handler declared elsewhere and passed by name.
      code: `import express from "express";\nimport { HoneyHiveTracer as HH } from "honeyhive";\nconst t = HH.init();\nconst router = express.Router();\nconst chat = async (req, res) => { t?.sessionStart(); };\nrouter.post("/x", chat);`,
      output: `import express from "express";\nimport { HoneyHiveTracer as HH } from "honeyhive";\nconst t = HH.init();\nconst router = express.Router();\nconst chat = async (req, res) => { t?.createSession(); };\nrouter.post("/x", chat);`,
      errors: [{ messageId: "sessionStartInHandler", data: { tracer: "t", handler: "Express handler" }, line: 5, column: 39 }],
    },
    {
      // Computed member keeps its quotes.
      code: `${EXPRESS}app.use((req, res, next) => { tracer['sessionStart'](); next(); });`,
      output: `${EXPRESS}app.use((req, res, next) => { tracer['createSession'](); next(); });`,
      errors: [{ messageId: "sessionStartInHandler", line: 5, column: 38 }],
    },
    {
      // require + destructuring, CommonJS, node:http.
      code: `const http = require("http");\nconst { HoneyHiveTracer } = require("honeyhive");\nconst tracer = HoneyHiveTracer.init();\nhttp.createServer((req, res) => { tracer.sessionStart(); res.end(); }).listen(80);`,
      output: `const http = require("http");\nconst { HoneyHiveTracer } = require("honeyhive");\nconst tracer = HoneyHiveTracer.init();\nhttp.createServer((req, res) => { tracer.createSession(); res.end(); }).listen(80);`,
      filename: "server.cjs",
      errors: [{ messageId: "sessionStartInHandler", data: { tracer: "tracer", handler: "node:http request handler" } }],
    },
    {
      // Member require and namespace import; nested callback inside the handler still counts.
      code: `import * as hh from "honeyhive";\nimport Fastify from "fastify";\nconst tracer = hh.HoneyHiveTracer.init();\nconst app = Fastify();\napp.get("/x", async () => { await Promise.all([1].map(async () => tracer.sessionStart())); });`,
      output: `import * as hh from "honeyhive";\nimport Fastify from "fastify";\nconst tracer = hh.HoneyHiveTracer.init();\nconst app = Fastify();\napp.get("/x", async () => { await Promise.all([1].map(async () => tracer.createSession())); });`,
      errors: [{ messageId: "sessionStartInHandler", data: { tracer: "tracer", handler: "Fastify handler" } }],
    },
    {
      code: `const tracer = require("honeyhive").HoneyHiveTracer.init();\nexports.handler = async (event) => { tracer.sessionStart(); };`,
      output: `const tracer = require("honeyhive").HoneyHiveTracer.init();\nexports.handler = async (event) => { tracer.createSession(); };`,
      filename: "index.js",
      errors: [{ messageId: "sessionStartInHandler", data: { tracer: "tracer", handler: "AWS Lambda handler" } }],
    },
    {
      // A local alias of an imported getter inside a Lambda handler (.cts, CommonJS-flavoured TypeScript).
      code: `import { getTracer } from "./tracing";\nexport const handler = async () => {\n  const tracer = getTracer();\n  tracer.sessionStart();\n};`,
      output: `import { getTracer } from "./tracing";\nexport const handler = async () => {\n  const tracer = getTracer();\n  tracer.createSession();\n};`,
      filename: "handler.cts",
      errors: [{ messageId: "sessionStartInHandler", data: { tracer: "tracer", handler: "AWS Lambda handler" }, line: 4, column: 10 }],
    },
    {
      // Lazy getter called inline; Next.js route by file name (.tsx extension works too).
      code: `import { getTracer } from "../../../lib/tracing";\nexport const GET = async () => { getTracer().sessionStart(); return new Response("ok"); };`,
      output: `import { getTracer } from "../../../lib/tracing";\nexport const GET = async () => { getTracer().createSession(); return new Response("ok"); };`,
      filename: "src/app/api/health/route.tsx",
      errors: [{ messageId: "sessionStartInHandler", data: { tracer: "getTracer()", handler: "Next.js route handler" } }],
    },
    {
      code: `import { Controller, Get } from "@nestjs/common";\nimport { tracer } from "./tracing";\n@Controller()\nexport class AppController {\n  @Get()\n  hello() { tracer.sessionStart(); return "hi"; }\n}`,
      output: `import { Controller, Get } from "@nestjs/common";\nimport { tracer } from "./tracing";\n@Controller()\nexport class AppController {\n  @Get()\n  hello() { tracer.createSession(); return "hi"; }\n}`,
      filename: "app.controller.mts",
      errors: [{ messageId: "sessionStartInHandler", data: { tracer: "tracer", handler: "NestJS handler" } }],
    },
  ],
});

describe(`${RULE_NAME} on the fixtures`, () => {
  const fixtures = loadFixtures(RULE_NAME);
  it("has fixtures", () => expect(fixtures.length).toBeGreaterThanOrEqual(10));

  it.each(fixtures.map((fixture) => [fixture.id, fixture] as const))("%s", (_id, fixture) => {
    const before = lintWithRule(RULE_NAME, rule, fixture.before, fixture.filename);
    expect(before.filter((message) => message.fatal)).toEqual([]);
    expect(before.length).toBeGreaterThan(0);
    expect(before.filter((message) => message.ruleId !== `honeyhive/${RULE_NAME}`)).toEqual([]);
    // The autofix writes exactly what the codemod writes.
    expect(fixWithRule(RULE_NAME, rule, fixture.before, fixture.filename)).toBe(fixture.after);
    expect(lintWithRule(RULE_NAME, rule, fixture.after, fixture.filename)).toEqual([]);
  });
});

describeNeverThrows(RULE_NAME, rule);
