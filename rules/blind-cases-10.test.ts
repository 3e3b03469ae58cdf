// Blind cases, tenth round: IMPORT STYLES and MODULE SYSTEMS across the eight rules. The same promises the rules
// already make, written the ways public projects load the SDK and their own tracing module: CommonJS
// (`const { HoneyHiveTracer } = require("honeyhive")`, `const hh = require("honeyhive")` + `hh.trace(…)`,
// `module.exports = { tracer }`, `exports.tracer = …`, `module.exports.handler = …`, `exports.handler`, `.cjs`
// files, `"type": "commonjs"` packages, JavaScript with JSDoc types), TypeScript's module forms (`import hh =
// require("honeyhive")`, `import * as hh`, `import type` beside value imports, `export =`, default-exported
// tracers, `export { tracer as default }`, `export * from` / `export { default as tracer } from` barrels, tsconfig
// `paths` aliases, `index.ts` barrels, `.mts`/`.mjs`, top-level `await import("honeyhive")`), mixed files (ESM
// imports beside `require("express")`), and the SDK reached through a local wrapper module. About 40% are quiet
// look-alikes: a local module named `honeyhive`, another package's `HoneyHiveTracer`, a user-defined `trace`.
//
// Written before reading the analysis code (analysis/**, rules/*.ts), from the seeds (/work/shared/seeds/),
// ARCHITECTURE.md ("How a rule recognizes the SDK: by import/require binding, not by bare name (renamed imports,
// namespace imports, `require("honeyhive")`, destructuring, and a tracer exported from a local module such as
// `./tracing` and imported elsewhere: the rules follow the file's own local imports one module deep, relative
// paths and tsconfig `paths` aliases"), README, docs/rules/*.md and docs/codemods.md only. Each case asserts the
// CORRECT behaviour: `reported` (at least one report of the rule) or `quiet` (none); the reason is the case's
// name or the comment above its group. Cases the core does not get right are in the labelled KNOWN block,
// asserting today's behaviour with a reason each (harness: ./test-utils/blind-cases.ts, as blind 8 and 9).
import { describe } from "vitest";
import { type AnyRule, type Case, describeBlindCases, type Known, caseOf as c } from "./test-utils/blind-cases.js";
import flushRule, { RULE_NAME as FLUSH_RULE } from "./require-force-flush-in-lambda.js";
import initRule, { RULE_NAME as INIT_RULE } from "./no-tracer-init-in-handler.js";
import providerRule, { RULE_NAME as PROVIDER_RULE } from "./tracer-provider-for-instrumentors.js";
import explicitRule, { RULE_NAME as EXPLICIT_RULE } from "./require-explicit-tracer.js";
import sessionStartRule, { RULE_NAME as SESSION_START_RULE } from "./no-session-start-in-handler.js";
import evaluateRule, { RULE_NAME as EVALUATE_RULE } from "./no-global-tracer-with-evaluate.js";
import lostContextRule, { RULE_NAME as LOST_CONTEXT_RULE } from "./no-lost-session-context.js";
import sessionIdRule, { RULE_NAME as SESSION_ID_RULE } from "./require-valid-session-id.js";
import { HH2, pkg } from "./test-utils/programs.js";

// Cases the core gets wrong today (`Known` in ./test-utils/blind-cases.ts); each says why, and where.
// First run (122 cases, 2026-12-06): 10 misses, 1 false report, all engine (none is descriptor knowledge). A second
// round (21 cases: 1.x code in CommonJS, ESM wrappers of the SDK, default re-export chains) found one more miss of the
// first kind (a member of a whole-module binding). A third round (19 cases: the frameworks and platforms in their
// CommonJS and named-import forms, `.cts`, type-only imports as look-alikes) found nothing: no descriptor gap. A
// fourth (5 cases) shows the module-object gap in each of the other five rules: one engine gap shared by all.
const KNOWN: readonly Known[] = [
  // A project module read as an object: its exported tracer reached as a member of the module binding. Fixed for
  // six rules by lead-modobj (sdk-model.ts `moduleExportTracer`, the gate's `holdsTracerMember`, project-modules.ts
  // `wholeModuleOf`); for require-explicit-tracer and tracer-provider-for-instrumentors (sdk-model.ts
  // `heldTracersInScopeAt`), the ESM default import of a CommonJS module (export-facts.ts `commonJs`) and
  // TypeScript's `export =` / `import x = require()` by fix-blind10, which also reads JSDoc-typed tracer parameters.
  // The helpers bound by a top-level `require()` / `await import()` (session helper, imported per-call init) by
  // cleanup-core. KNOWN is empty.
];
const describeCases = (ruleName: string, rule: AnyRule, cases: { reported: readonly Case[]; quiet: readonly Case[] }): void =>
  describeBlindCases(ruleName, rule, cases, KNOWN);

/** A package.json; `type` "module", "commonjs" or none (Node's default, CommonJS). */
/** honeyhive 1.x projects (the file's major from the package.json range). */
const HH1_CJS = { "package.json": pkg({ honeyhive: "^1.0.42" }, { type: "commonjs" }) };
const HH1_EXPRESS_CJS = { "package.json": pkg({ honeyhive: "^1.0.42", express: "^4.21.2" }, { type: "commonjs" }) };
const HH1_EXPRESS_ESM = { "package.json": pkg({ honeyhive: "^1.0.42", express: "^4.21.2" }, { type: "module" }) };
const CJS = { "package.json": pkg(HH2, { type: "commonjs" }) };
const ESM = { "package.json": pkg(HH2, { type: "module" }) };
const PLAIN = { "package.json": pkg(HH2) };
const EXPRESS_CJS = { "package.json": pkg({ ...HH2, express: "^4.21.2" }, { type: "commonjs" }) };
const EXPRESS = { "package.json": pkg({ ...HH2, express: "^4.21.2" }) };
const SCRIPT = `import { HoneyHiveTracer } from "honeyhive";\n\nexport async function main() {\n  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "batch" });\n  tracer.enrichSession({ metadata: { run: 1 } });\n  await tracer.forceFlush();\n}\n`;
const TSCONFIG_PATHS = JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./src/*"] } } });

/** The project's tracing module in each style. */
const TRACER_CJS = `const { HoneyHiveTracer } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" });

module.exports = { tracer };
`;
const TRACER_EXPORTS_DOT = `const hh = require("honeyhive");

exports.tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" });
`;
const TRACER_DEFAULT_TS = `import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" });
export default tracer;
`;
const TRACER_AS_DEFAULT_TS = `import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" });
export { tracer as default };
`;
const TRACER_NAMED_TS = `import { HoneyHiveTracer } from "honeyhive";

export const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" });
`;
const TRACER_EXPORT_EQUALS_TS = `import hh = require("honeyhive");

const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" });
export = tracer;
`;
/** `module.exports = tracer`: the module object is the tracer. */
const TRACER_MODULE_EXPORTS_ITSELF = `const { HoneyHiveTracer } = require("honeyhive");

module.exports = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" });
`;
/** A CommonJS lazy getter module. */
const GETTER_CJS = `const { HoneyHiveTracer } = require("honeyhive");

let tracer;
function getTracer() {
  if (!tracer) tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" });
  return tracer;
}

module.exports = { getTracer };
`;
/** A session helper module (2.x) whose openSession() calls sessionStart() on the module's tracer. */
const SESSION_HELPER_TS = `import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" });

export function openSession(name: string) {
  return tracer.sessionStart({ sessionName: name });
}
`;
/** ESM wrapper modules of the SDK: everything, or named names. */
const WRAPPER_STAR_TS = `export * from "honeyhive";\n`;
const WRAPPER_NAMED_TS = `export { HoneyHiveTracer, trace, enrichSpan } from "honeyhive";\nexport type { TracerOptions } from "honeyhive";\n`;
/** A wrapper module that re-exports the SDK (CommonJS barrel). */
const WRAPPER_CJS = `module.exports = require("honeyhive");\n`;
/** A local module that happens to be called honeyhive: an in-house analytics client, no SDK. */
const LOCAL_HONEYHIVE_JS = `class HoneyHiveTracer {
  static init(options) {
    return new HoneyHiveTracer(options);
  }
  constructor(options) {
    this.options = options;
    this.events = [];
  }
  sessionStart(fields) {
    this.events.push({ type: "start", fields });
    return "local";
  }
  createSession(fields) {
    this.events.push({ type: "session", fields });
    return "local";
  }
  startSpan(name, fn) {
    return fn({ name });
  }
  enrichSession(fields) {
    this.events.push({ type: "enrich", fields });
  }
  async forceFlush() {
    return true;
  }
}
function trace(options, fn) {
  return fn ?? options;
}
module.exports = { HoneyHiveTracer, trace, tracer: HoneyHiveTracer.init({ name: "local" }) };
`;

// ---------------------------------------------------------------------------------------------------
// no-session-start-in-handler: "recognized through its binding ... `require`, `import x = require()`,
// renamed, namespace and destructured bindings"; a tracer "imported from the project's own module such as
// ./tracing"; framework objects "recognized through their imports (`import`, `require`, `import x = require()`".
describe(`${SESSION_START_RULE} (blind 10, import styles)`, () => {
  const reported: Case[] = [
    c("a .cjs Express app with destructured require of the SDK, sessionStart in app.use", `const express = require("express");
const { HoneyHiveTracer } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
const app = express();

app.use((req, _res, next) => {
  tracer.sessionStart({ sessionName: "api-" + req.path });
  next();
});

app.listen(3000);
`, { filename: "src/server.cjs", files: EXPRESS_CJS }),
    c("exports.handler Lambda with the namespace require (hh.HoneyHiveTracer.init), sessionStart per invocation", `const hh = require("honeyhive");

const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });

exports.handler = async (event) => {
  tracer.sessionStart({ sessionName: "job-" + event.id });
  return { ok: true };
};
`, { filename: "src/handler.js", files: CJS }),
    c("TS import-equals for both express and the SDK (import hh = require)", `import express = require("express");
import hh = require("honeyhive");

const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
const app = express();

app.post("/chat", (req, res) => {
  tracer.sessionStart({ sessionName: "chat" });
  res.json({ ok: true, body: req.body });
});
`, { filename: "src/server.ts", files: EXPRESS }),
    c("tracer from a CommonJS module (module.exports = { tracer }) required by a CommonJS Express route", `const express = require("express");
const { tracer } = require("./lib/tracer");

const router = express.Router();
router.post("/ask", (req, res) => {
  tracer.sessionStart({ sessionName: "ask" });
  res.json({ question: req.body.question });
});
module.exports = router;
`, { filename: "src/routes.js", files: { ...EXPRESS_CJS, "src/lib/tracer.js": TRACER_CJS } }),
    c("tracer from an exports.tracer module, read as a member of the required module object", `const express = require("express");
const tracing = require("./tracing");

const app = express();
app.get("/search", (req, res) => {
  tracing.tracer.sessionStart({ sessionName: "search" });
  res.json({ q: req.query.q });
});
`, { filename: "src/app.js", files: { ...EXPRESS_CJS, "src/tracing.js": TRACER_EXPORTS_DOT } }),
    c("a default-exported tracer through a tsconfig paths alias (import tracer from \"@/lib/tracer\") in a Hono route", `import { Hono } from "hono";
import tracer from "@/lib/tracer";

const app = new Hono();
app.post("/chat", async (c) => {
  tracer.sessionStart({ sessionName: "chat" });
  return c.json({ ok: true });
});
export default app;
`, { filename: "src/app.ts", files: { "package.json": pkg({ ...HH2, hono: "^4.7.0" }, { type: "module" }), "tsconfig.json": TSCONFIG_PATHS, "src/lib/tracer.ts": TRACER_DEFAULT_TS } }),
    c("an index.ts barrel (export * from \"./tracer\") between the route and the tracer", `import express from "express";
import { tracer } from "./lib";

const app = express();
app.post("/chat", (req, res) => {
  tracer.sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/app.ts", files: { ...EXPRESS, "src/lib/index.ts": `export * from "./tracer";\n`, "src/lib/tracer.ts": TRACER_NAMED_TS } }),
    c("a .mts server whose SDK comes from a top-level await import(\"honeyhive\")", `import Fastify from "fastify";

const { HoneyHiveTracer } = await import("honeyhive");
const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "api" });
const app = Fastify();

app.get("/health", async () => {
  tracer.sessionStart({ sessionName: "health" });
  return { ok: true };
});
await app.listen({ port: 3000 });
`, { filename: "src/server.mts", files: { "package.json": pkg({ ...HH2, fastify: "^5.2.0" }, { type: "module" }) } }),
    c("mixed file: ESM import of the SDK, require() of express", `import { HoneyHiveTracer } from "honeyhive";
const express = require("express");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
const app = express();
app.use((req: { path: string }, _res: unknown, next: () => void) => {
  tracer.sessionStart({ sessionName: req.path });
  next();
});
`, { filename: "src/server.ts", files: EXPRESS }),
    c("the SDK through a CommonJS wrapper module (module.exports = require(\"honeyhive\"))", `const express = require("express");
const { HoneyHiveTracer } = require("./hh");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
const app = express();
app.post("/chat", (req, res) => {
  tracer.sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.js", files: { ...EXPRESS_CJS, "src/hh.js": WRAPPER_CJS } }),
    c("an ESM namespace import of the project's tracing module (tracing.tracer.sessionStart)", `import express from "express";
import * as tracing from "./tracing";

const app = express();
app.get("/search", (req, res) => {
  tracing.tracer.sessionStart({ sessionName: "search" });
  res.json({ q: req.query.q });
});
`, { filename: "src/app.ts", files: { ...EXPRESS, "src/tracing.ts": TRACER_NAMED_TS } }),
    c("require(\"./tracing\").tracer read inline into a const", `const express = require("express");
const tracer = require("./tracing").tracer;

const app = express();
app.get("/search", (req, res) => {
  tracer.sessionStart({ sessionName: "search" });
  res.json({ q: req.query.q });
});
`, { filename: "src/app.js", files: { ...EXPRESS_CJS, "src/tracing.js": TRACER_EXPORTS_DOT } }),
    c("a renamed destructure of a required tracer (const { tracer: hhTracer } = require(\"./tracer\"))", `const express = require("express");
const { tracer: hhTracer } = require("./tracer");

const app = express();
app.post("/chat", (req, res) => {
  hhTracer.sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/app.js", files: { ...EXPRESS_CJS, "src/tracer.js": TRACER_CJS } }),
    c("module.exports = HoneyHiveTracer.init(...) required whole (const tracer = require(\"./tracer\"))", `const express = require("express");
const tracer = require("./tracer");

const app = express();
app.post("/chat", (req, res) => {
  tracer.sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/app.js", files: { ...EXPRESS_CJS, "src/tracer.js": TRACER_MODULE_EXPORTS_ITSELF } }),
    c("a CommonJS lazy getter module (module.exports = { getTracer }) called in the route", `const express = require("express");
const { getTracer } = require("./tracing");

const app = express();
app.post("/chat", (req, res) => {
  getTracer().sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/app.js", files: { ...EXPRESS_CJS, "src/tracing.js": GETTER_CJS } }),
    c("a session helper bound by a top-level await import of the helper module", `import express from "express";

const { openSession } = await import("./session");
const app = express();
app.post("/chat", (req, res) => {
  openSession("chat");
  res.json(req.body);
});
`, { filename: "src/app.mts", files: { "package.json": pkg({ ...HH2, express: "^4.21.2" }, { type: "module" }), "src/session.ts": SESSION_HELPER_TS } }),
    c("a session helper required as a member (require(\"./session\").openSession) in an exports.handler Lambda", `const openSession = require("./session").openSession;

exports.handler = async (event) => {
  openSession("job-" + event.id);
  return { ok: true };
};
`, { filename: "src/handler.js", files: { ...CJS, "src/session.ts": SESSION_HELPER_TS } }),
    c("1.x CommonJS: startSession() of a tracer awaited from a module-level promise, in an Express route", `const express = require("express");
const { HoneyHiveTracer } = require("honeyhive");

const tracerPromise = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
const app = express();
app.post("/chat", async (req, res) => {
  const tracer = await tracerPromise;
  await tracer.startSession();
  res.json(req.body);
});
`, { filename: "src/server.js", files: HH1_EXPRESS_CJS }),
    c("1.x .mjs: the default import of the CommonJS package (honeyhive.HoneyHiveTracer), startSession in a route", `import express from "express";
import honeyhive from "honeyhive";

const tracer = await honeyhive.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
const app = express();
app.post("/chat", async (req, res) => {
  await tracer.startSession();
  res.json(req.body);
});
`, { filename: "src/server.mjs", files: HH1_EXPRESS_ESM }),
    c("the SDK through a local ESM wrapper named honeyhive (src/lib/honeyhive.ts: export * from \"honeyhive\")", `import express from "express";
import { HoneyHiveTracer } from "./lib/honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
const app = express();
app.post("/chat", (req, res) => {
  tracer.sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: { ...EXPRESS, "src/lib/honeyhive.ts": WRAPPER_STAR_TS } }),
    c("the tracer through an @/lib alias to an index.ts barrel", `import express from "express";
import { tracer } from "@/lib";

const app = express();
app.post("/chat", (req, res) => {
  tracer.sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: { ...EXPRESS, "tsconfig.json": TSCONFIG_PATHS, "src/lib/index.ts": `export * from "./tracer";\n`, "src/lib/tracer.ts": TRACER_NAMED_TS } }),
    // The frameworks themselves in their other import styles (descriptor module/export names).
    c("express's named Router import (import { Router } from \"express\")", `import { Router } from "express";
import { tracer } from "./tracer";

export const router = Router();
router.post("/chat", (req, res) => {
  tracer.sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/routes.ts", files: { ...EXPRESS, "src/tracer.ts": TRACER_NAMED_TS } }),
    c("express's Router destructured from require (const { Router } = require(\"express\"))", `const { Router } = require("express");
const { tracer } = require("./tracer");

const router = Router();
router.post("/chat", (req, res) => {
  tracer.sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
module.exports = router;
`, { filename: "src/routes.js", files: { ...EXPRESS_CJS, "src/tracer.js": TRACER_CJS } }),
    c("require(\"express\").Router() inline", `const router = require("express").Router();
const { tracer } = require("./tracer");

router.post("/chat", (req, res) => {
  tracer.sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
module.exports = router;
`, { filename: "src/routes.js", files: { ...EXPRESS_CJS, "src/tracer.js": TRACER_CJS } }),
    c("fastify's named export (const { fastify } = require(\"fastify\"))", `const { fastify } = require("fastify");
const { tracer } = require("./tracer");

const app = fastify();
app.post("/chat", async () => {
  tracer.sessionStart({ sessionName: "chat" });
  return { ok: true };
});
`, { filename: "src/server.js", files: { "package.json": pkg({ ...HH2, fastify: "^5.2.0" }, { type: "commonjs" }), "src/tracer.js": TRACER_CJS } }),
    c("fastify's named ESM import (import { fastify } from \"fastify\")", `import { fastify } from "fastify";
import { tracer } from "./tracer";

const app = fastify();
app.post("/chat", async () => {
  tracer.sessionStart({ sessionName: "chat" });
  return { ok: true };
});
`, { filename: "src/server.ts", files: { "package.json": pkg({ ...HH2, fastify: "^5.2.0" }, { type: "module" }), "src/tracer.ts": TRACER_NAMED_TS } }),
    c("CommonJS @koa/router (const Router = require(\"@koa/router\"))", `const Koa = require("koa");
const Router = require("@koa/router");
const { tracer } = require("./tracer");

const app = new Koa();
const router = new Router();
router.post("/chat", async (ctx) => {
  tracer.sessionStart({ sessionName: "chat" });
  ctx.body = { ok: true };
});
app.use(router.routes());
`, { filename: "src/server.js", files: { "package.json": pkg({ ...HH2, koa: "^2.15.0", "@koa/router": "^13.1.0" }, { type: "commonjs" }), "src/tracer.js": TRACER_CJS } }),
    c("CommonJS node:http (const http = require(\"node:http\"); http.createServer(cb))", `const http = require("node:http");
const { tracer } = require("./tracer");

http
  .createServer((req, res) => {
    tracer.sessionStart({ sessionName: req.url });
    res.end("ok");
  })
  .listen(3000);
`, { filename: "src/server.js", files: { ...CJS, "src/tracer.js": TRACER_CJS } }),
    c("CommonJS hono's named import of a sub-path (const { Hono } = require(\"hono/tiny\"))", `const { Hono } = require("hono/tiny");
const { tracer } = require("./tracer");

const app = new Hono();
app.post("/chat", (c) => {
  tracer.sessionStart({ sessionName: "chat" });
  return c.json({ ok: true });
});
module.exports = app;
`, { filename: "src/app.js", files: { "package.json": pkg({ ...HH2, hono: "^4.7.0" }, { type: "commonjs" }), "src/tracer.js": TRACER_CJS } }),
  ];
  const quiet: Case[] = [
    c("a session helper module without the SDK (in-house analytics), required in a route", `const express = require("express");
const { openSession } = require("./session");

const app = express();
app.post("/chat", (req, res) => {
  openSession("chat");
  res.json(req.body);
});
`, { filename: "src/app.js", files: { ...EXPRESS_CJS, "src/session.js": `const sessions = [];\nexports.openSession = (name) => { sessions.push(name); return { sessionStart: () => name }; };\n` } }),
    c("a local module named honeyhive (an in-house analytics client) required in an Express route", `const express = require("express");
const { HoneyHiveTracer } = require("./honeyhive");

const tracer = HoneyHiveTracer.init({ name: "analytics" });
const app = express();
app.post("/chat", (req, res) => {
  tracer.sessionStart({ path: req.path });
  res.json(req.body);
});
`, { filename: "src/server.js", files: { ...EXPRESS_CJS, "src/honeyhive.js": LOCAL_HONEYHIVE_JS } }),
    c("another package's HoneyHiveTracer (require(\"@acme/beehive\"))", `const express = require("express");
const { HoneyHiveTracer } = require("@acme/beehive");

const tracer = HoneyHiveTracer.init({ hive: "main" });
const app = express();
app.post("/chat", (req, res) => {
  tracer.sessionStart({ path: req.path });
  res.json(req.body);
});
`, { filename: "src/server.js", files: { "package.json": pkg({ "@acme/beehive": "^1.0.0", express: "^4.21.2" }, { type: "commonjs" }) } }),
    c("a tracer the Lambda handler makes itself, CommonJS (not shared: the seed's per-invocation tracer)", `const { HoneyHiveTracer } = require("honeyhive");

module.exports.handler = async (event) => {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });
  tracer.sessionStart({ sessionName: "job-" + event.id });
  await tracer.forceFlush();
  return { ok: true };
};
`, { filename: "src/handler.js", files: CJS }),
    c("sessionStart of a CommonJS analytics module's client, imported from a module without the SDK", `const express = require("express");
const analytics = require("./analytics");

const app = express();
app.post("/login", (req, res) => {
  analytics.client.sessionStart({ user: req.body.user });
  res.json({ ok: true });
});
`, { filename: "src/server.js", files: { ...EXPRESS_CJS, "src/analytics.js": `class Client { sessionStart(fields) { return fields; } }\nexports.client = new Client();\n` } }),
    c("sessionStart in a CommonJS script's main(), no handler", `const { HoneyHiveTracer } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "batch" });

async function main() {
  tracer.sessionStart({ sessionName: "nightly" });
  await tracer.forceFlush();
}
main();
`, { filename: "scripts/nightly.cjs", files: CJS }),
    c("1.x CommonJS: MongoDB's client.startSession() in a route (another object's startSession)", `const express = require("express");
const { MongoClient } = require("mongodb");
const { HoneyHiveTracer } = require("honeyhive");

const client = new MongoClient(process.env.MONGO_URL);
const tracerPromise = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
const app = express();
app.post("/chat", async (req, res) => {
  const session = client.startSession();
  await session.endSession();
  await tracerPromise;
  res.json(req.body);
});
`, { filename: "src/server.js", files: { "package.json": pkg({ honeyhive: "^1.0.42", express: "^4.21.2", mongodb: "^6.12.0" }, { type: "commonjs" }) } }),
    c("a type-only import of the SDK beside an in-house analytics object with sessionStart", `import type { HoneyHiveTracer } from "honeyhive";
import express from "express";

const analytics = { sessionStart: (name: string) => name };
export type AppTracer = HoneyHiveTracer;
const app = express();
app.post("/chat", (req, res) => {
  analytics.sessionStart(req.path);
  res.json(req.body);
});
`, { filename: "src/server.ts", files: EXPRESS }),
    c("import type { tracer } of the tracing module (a type position only) and a local analytics tracer", `import express from "express";
import type { tracer as TracerValue } from "./tracer";

type Shared = typeof TracerValue;
const tracer = { sessionStart: (name: string) => name };
const app = express();
app.post("/chat", (req, res) => {
  tracer.sessionStart(req.path);
  res.json({ ok: true, shared: "" as unknown as Shared });
});
`, { filename: "src/server.ts", files: { ...EXPRESS, "src/tracer.ts": TRACER_NAMED_TS } }),
  ];
  describeCases(SESSION_START_RULE, sessionStartRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// no-tracer-init-in-handler: "The SDK is recognized by its import or `require` binding (renamed, namespace,
// destructured), never by name"; a Lambda entry is `exports.handler`, `module.exports.handler`, … (flush rule's
// table, same platforms); an imported per-call function is followed for an `import` binding.
describe(`${INIT_RULE} (blind 10, import styles)`, () => {
  const reported: Case[] = [
    c("a .cjs Lambda (module.exports.handler) creating the tracer from a destructured require", `const { HoneyHiveTracer } = require("honeyhive");

module.exports.handler = async (event) => {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs", sessionName: "job-" + event.id });
  tracer.enrichSession({ metadata: { id: event.id } });
  await tracer.forceFlush();
  return { ok: true };
};
`, { filename: "src/handler.cjs", files: PLAIN }),
    c("an Express route (require) creating the tracer through the namespace require hh.HoneyHiveTracer.init", `const express = require("express");
const hh = require("honeyhive");

const app = express();
app.post("/chat", (req, res) => {
  const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
  tracer.enrichSession({ metadata: { path: req.path } });
  res.json({ ok: true });
});
`, { filename: "src/server.js", files: EXPRESS_CJS }),
    c("TS import-equals SDK in an exported Lambda handler", `import hh = require("honeyhive");

export const handler = async (event: { id: string }) => {
  const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });
  tracer.enrichSession({ metadata: { id: event.id } });
  await tracer.forceFlush();
  return { ok: true };
};
`, { filename: "src/handler.ts", files: PLAIN }),
    c("import * as hh in a Next.js app route POST", `import * as hh from "honeyhive";
import type { TracerOptions } from "honeyhive";

const options: TracerOptions = { apiKey: process.env.HH_API_KEY, project: "web" };

export async function POST(request: Request) {
  const tracer = hh.HoneyHiveTracer.init(options);
  tracer.enrichSession({ metadata: { url: request.url } });
  return Response.json({ ok: true });
}
`, { filename: "app/api/chat/route.ts", files: { "package.json": pkg({ ...HH2, next: "15.3.0" }) } }),
    c("a .mts Lambda whose SDK comes from a top-level await import(\"honeyhive\")", `const { HoneyHiveTracer } = await import("honeyhive");

export const handler = async (event: { id: string }) => {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });
  tracer.enrichSession({ metadata: { id: event.id } });
  await tracer.forceFlush();
  return { ok: true };
};
`, { filename: "src/handler.mts", files: ESM }),
    c("the SDK loaded inside the handler (const { HoneyHiveTracer } = await import(\"honeyhive\")) and a tracer made there", `export const handler = async (event: { id: string }) => {
  const { HoneyHiveTracer } = await import("honeyhive");
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });
  tracer.enrichSession({ metadata: { id: event.id } });
  await tracer.forceFlush();
  return { ok: true };
};
`, { filename: "src/handler.ts", files: ESM }),
    c("an imported per-call main() (import binding) awaited by an Express route in a file that require()s express", `import { main } from "./script";
const express = require("express");

const app = express();
app.post("/run", async (_req: unknown, res: { json(v: unknown): void }) => {
  await main();
  res.json({ ok: true });
});
`, { filename: "src/server.ts", files: { ...EXPRESS, "src/script.ts": SCRIPT } }),
    c("an imported per-call main() in a pure-ESM Lambda (baseline of the mixed-module case)", `import { main } from "./script";

export const handler = async () => {
  await main();
  return { ok: true };
};
`, { filename: "src/handler.ts", files: { ...ESM, "src/script.ts": SCRIPT } }),
    c("the SDK through a CommonJS wrapper module, tracer made per request", `const express = require("express");
const { HoneyHiveTracer } = require("./hh");

const app = express();
app.post("/chat", (req, res) => {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
  tracer.enrichSession({ metadata: { path: req.path } });
  res.json({ ok: true });
});
`, { filename: "src/server.js", files: { ...EXPRESS_CJS, "src/hh.js": WRAPPER_CJS } }),
    c("an imported per-call main() bound by a top-level require (const { main } = require(\"./script\"))", `const { main } = require("./script");

exports.handler = async () => {
  await main();
  return { ok: true };
};
`, { filename: "src/handler.js", files: { ...CJS, "src/script.js": `const { HoneyHiveTracer } = require("honeyhive");\n\nexports.main = async function main() {\n  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "batch" });\n  tracer.enrichSession({ metadata: { run: 1 } });\n  await tracer.forceFlush();\n};\n` } }),
    c("an imported per-call main() bound by a top-level await import in a .mts Lambda", `const { main } = await import("./script");

export const handler = async () => {
  await main();
  return { ok: true };
};
`, { filename: "src/handler.mts", files: { ...ESM, "src/script.ts": SCRIPT } }),
    c("a Vercel api/ function (module.exports = async (req, res) => …) creating the tracer per request", `const { HoneyHiveTracer } = require("honeyhive");

module.exports = async (req, res) => {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "web" });
  tracer.enrichSession({ metadata: { url: req.url } });
  await tracer.forceFlush();
  res.status(200).json({ ok: true });
};
`, { filename: "api/chat.js", files: { "package.json": pkg({ ...HH2, "@vercel/node": "^5.0.0" }), "vercel.json": "{}" } }),
    c("1.x CommonJS: await HoneyHiveTracer.init() inside exports.handler", `const { HoneyHiveTracer } = require("honeyhive");

exports.handler = async (event) => {
  const tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs", sessionName: "job-" + event.id });
  await tracer.flush();
  return { ok: true };
};
`, { filename: "src/handler.js", files: HH1_CJS }),
    c("import * as hh of a named ESM wrapper (export { HoneyHiveTracer } from \"honeyhive\"): hh.HoneyHiveTracer.init in a route", `import express from "express";
import * as hh from "./lib/hh";

const app = express();
app.post("/chat", (req, res) => {
  const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
  tracer.enrichSession({ metadata: { path: req.path } });
  res.json({ ok: true });
});
`, { filename: "src/server.ts", files: { ...EXPRESS, "src/lib/hh.ts": WRAPPER_NAMED_TS } }),
    c("CommonJS BullMQ worker (const { Worker } = require(\"bullmq\")) making a tracer per job", `const { Worker } = require("bullmq");
const { HoneyHiveTracer } = require("honeyhive");

new Worker("emails", async (job) => {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "emails" });
  tracer.enrichSession({ metadata: { id: job.id } });
  await tracer.forceFlush();
});
`, { filename: "src/worker.js", files: { "package.json": pkg({ ...HH2, bullmq: "^5.34.0" }, { type: "commonjs" }) } }),
    c("CommonJS node-cron (const cron = require(\"node-cron\")) making a tracer per tick", `const cron = require("node-cron");
const hh = require("honeyhive");

cron.schedule("*/5 * * * *", async () => {
  const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "cron" });
  tracer.enrichSession({ metadata: { tick: Date.now() } });
  await tracer.forceFlush();
});
`, { filename: "src/cron.js", files: { "package.json": pkg({ ...HH2, "node-cron": "^3.0.3" }, { type: "commonjs" }) } }),
    c("CommonJS discord.js client (const { Client, Events } = require(\"discord.js\")) making a tracer per message", `const { Client, Events, GatewayIntentBits } = require("discord.js");
const { HoneyHiveTracer } = require("honeyhive");

const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] });
client.on(Events.MessageCreate, async (message) => {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "bot" });
  tracer.enrichSession({ metadata: { author: message.author.id } });
});
client.login(process.env.DISCORD_TOKEN);
`, { filename: "src/bot.js", files: { "package.json": pkg({ ...HH2, "discord.js": "^14.17.0" }, { type: "commonjs" }) } }),
  ];
  const quiet: Case[] = [
    c("a module-level tracer of a .cjs Lambda (exports.handler reuses it)", `const { HoneyHiveTracer } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });

exports.handler = async (event) => {
  tracer.createSession({ sessionName: "job-" + event.id });
  await tracer.forceFlush();
  return { ok: true };
};
`, { filename: "src/handler.cjs", files: PLAIN }),
    c("a lazy getter in CommonJS (if (!tracer) tracer = hh.HoneyHiveTracer.init(...)) called by the handler", `const hh = require("honeyhive");

let tracer;
function getTracer() {
  if (!tracer) tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });
  return tracer;
}

exports.handler = async (event) => {
  const t = getTracer();
  t.createSession({ sessionName: "job-" + event.id });
  await t.forceFlush();
  return { ok: true };
};
`, { filename: "src/handler.js", files: CJS }),
    c("a local module named honeyhive whose init is an in-house client", `const express = require("express");
const { HoneyHiveTracer } = require("./honeyhive");

const app = express();
app.post("/chat", (req, res) => {
  const tracer = HoneyHiveTracer.init({ name: req.path });
  tracer.enrichSession({ path: req.path });
  res.json({ ok: true });
});
`, { filename: "src/server.js", files: { ...EXPRESS_CJS, "src/honeyhive.js": LOCAL_HONEYHIVE_JS } }),
    c("a user-defined HoneyHiveTracer class of the file (no SDK binding)", `class HoneyHiveTracer {
  static init(options: { name: string }) {
    return { name: options.name };
  }
}

export const handler = async (event: { id: string }) => {
  const tracer = HoneyHiveTracer.init({ name: event.id });
  return { ok: true, tracer: tracer.name };
};
`, { filename: "src/handler.ts", files: ESM }),
    c("another package's HoneyHiveTracer, import * as", `import * as hive from "@acme/beehive";

export const handler = async (event: { id: string }) => {
  const tracer = hive.HoneyHiveTracer.init({ hive: event.id });
  return { ok: true, tracer };
};
`, { filename: "src/handler.ts", files: { "package.json": pkg({ "@acme/beehive": "^1.0.0" }, { type: "module" }) } }),
    c("a CommonJS module.exports = { tracer } module imported for its module-level tracer (no init per call)", `const { tracer } = require("./lib/tracer");

exports.handler = async (event) => {
  tracer.createSession({ sessionName: "job-" + event.id });
  await tracer.forceFlush();
  return { ok: true };
};
`, { filename: "src/handler.js", files: { ...CJS, "src/lib/tracer.js": TRACER_CJS } }),
    c("1.x CommonJS: a memoized init promise (tracerPromise ??= HoneyHiveTracer.init()) awaited per invocation", `const { HoneyHiveTracer } = require("honeyhive");

let tracerPromise;
exports.handler = async (event) => {
  tracerPromise ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });
  const tracer = await tracerPromise;
  tracer.setMetadata({ id: event.id });
  await tracer.flush();
  return { ok: true };
};
`, { filename: "src/handler.js", files: HH1_CJS }),
  ];
  describeCases(INIT_RULE, initRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// require-force-flush-in-lambda: Lambda entries `exports.handler`, `module.exports.handler`,
// `module.exports = { handler }`; a tracer "imported from the project's own module such as ./tracing";
// "imports are followed one module deep (and one re-export hop)".
describe(`${FLUSH_RULE} (blind 10, import styles)`, () => {
  const reported: Case[] = [
    c("a .cjs module.exports.handler tracing through a destructured require, no flush", `const { HoneyHiveTracer, trace } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });
const summarize = trace({ eventType: "tool", tracer }, async (text) => text.slice(0, 80));

module.exports.handler = async (event) => {
  return { summary: await summarize(event.text) };
};
`, { filename: "src/handler.cjs", files: PLAIN }),
    c("exports.handler with the namespace require and hh.trace, no flush", `const hh = require("honeyhive");

const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });

exports.handler = async (event) => {
  const run = hh.trace({ eventType: "chain", tracer }, async () => event.id);
  return { id: await run() };
};
`, { filename: "src/handler.js", files: CJS }),
    c("module.exports = { handler } in a \"type\": \"commonjs\" package", `const { HoneyHiveTracer } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });

async function handler(event) {
  tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
}

module.exports = { handler };
`, { filename: "src/handler.js", files: CJS }),
    c("a tracer required from the project's CommonJS module (module.exports = { tracer })", `const { tracer } = require("../lib/tracer");

exports.handler = async (event) => {
  tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`, { filename: "src/functions/job.js", files: { ...CJS, "src/lib/tracer.js": TRACER_CJS } }),
    c("a tracer from an exports.tracer module read through the module object (tracing.tracer)", `const tracing = require("./tracing");

exports.handler = async (event) => {
  tracing.tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`, { filename: "src/handler.js", files: { ...CJS, "src/tracing.js": TRACER_EXPORTS_DOT } }),
    c("an index.ts barrel (export * from \"./tracer\") one hop from the tracer", `import { tracer } from "../lib";

export const handler = async (event: { id: string }) => {
  tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`, { filename: "src/functions/job.ts", files: { ...ESM, "src/lib/index.ts": `export * from "./tracer";\n`, "src/lib/tracer.ts": TRACER_NAMED_TS } }),
    c("a barrel re-exporting the default (export { default as tracer } from \"./tracer\")", `import { tracer } from "../lib";

export const handler = async (event: { id: string }) => {
  tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`, { filename: "src/functions/job.ts", files: { ...ESM, "src/lib/index.ts": `export { default as tracer } from "./tracer";\n`, "src/lib/tracer.ts": TRACER_DEFAULT_TS } }),
    c("export { tracer as default } imported by default through the @/ alias", `import tracer from "@/lib/tracer";

export const handler = async (event: { id: string }) => {
  tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`, { filename: "src/functions/job.ts", files: { ...ESM, "tsconfig.json": TSCONFIG_PATHS, "src/lib/tracer.ts": TRACER_AS_DEFAULT_TS } }),
    c("a .mjs handler whose SDK comes from a top-level await import(\"honeyhive\")", `const { HoneyHiveTracer } = await import("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });

export const handler = async (event) => {
  tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`, { filename: "src/handler.mjs", files: PLAIN }),
    c("JavaScript with JSDoc types: /** @type {import(\"aws-lambda\").Handler} */ exports.handler", `// @ts-check
const { HoneyHiveTracer } = require("honeyhive");

/** @type {import("honeyhive").HoneyHiveTracer} */
const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });

/** @type {import("aws-lambda").Handler<{ id: string }, { ok: boolean }>} */
exports.handler = async (event) => {
  tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`, { filename: "src/handler.js", files: CJS }),
    c("TS import tracer = require(\"./tracer\") of an export = tracer module", `import tracer = require("./tracer");

export const handler = async (event: { id: string }) => {
  tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`, { filename: "src/handler.ts", files: { ...PLAIN, "src/tracer.ts": TRACER_EXPORT_EQUALS_TS } }),
    c("a TS file with export = { handler } (compiles to module.exports = { handler })", `import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });

async function handler(event: { id: string }) {
  tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
}

export = { handler };
`, { filename: "src/handler.ts", files: PLAIN }),
    c("an ESM namespace import of the project's tracing module (tracing.tracer)", `import * as tracing from "./tracing";

export const handler = async (event: { id: string }) => {
  tracing.tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`, { filename: "src/handler.ts", files: { ...ESM, "src/tracing.ts": TRACER_NAMED_TS } }),
    c("module.exports = HoneyHiveTracer.init(...) required whole", `const tracer = require("./tracer");

exports.handler = async (event) => {
  tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`, { filename: "src/handler.js", files: { ...CJS, "src/tracer.js": TRACER_MODULE_EXPORTS_ITSELF } }),
    c("a CommonJS lazy getter module required by the handler (getTracer())", `const { getTracer } = require("./tracing");

exports.handler = async (event) => {
  getTracer().enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`, { filename: "src/handler.js", files: { ...CJS, "src/tracing.js": GETTER_CJS } }),
    c("a Vercel api/ function in CommonJS (module.exports = async (req, res) => …) with a required tracer", `const { tracer } = require("../lib/tracer");

module.exports = async (req, res) => {
  tracer.enrichSession({ metadata: { url: req.url } });
  res.status(200).json({ ok: true });
};
`, { filename: "api/chat.js", files: { "package.json": pkg({ ...HH2, "@vercel/node": "^5.0.0" }), "vercel.json": "{}", "lib/tracer.js": TRACER_CJS } }),
    c("CommonJS Express on Lambda: module.exports.handler = serverless(app), a route tracing with a required tracer", `const express = require("express");
const serverless = require("serverless-http");
const { tracer } = require("./tracer");

const app = express();
app.post("/chat", async (req, res) => {
  tracer.enrichSession({ metadata: { path: req.path } });
  res.json({ ok: true });
});
module.exports.handler = serverless(app);
`, { filename: "src/index.js", files: { "package.json": pkg({ ...HH2, express: "^4.21.2", "serverless-http": "^3.2.0" }, { type: "commonjs" }), "src/tracer.js": TRACER_CJS } }),
    c("exports.handler = handler of a function declared above (named function in CommonJS)", `const { tracer } = require("./tracer");

async function handler(event) {
  tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
}

exports.handler = handler;
`, { filename: "src/handler.js", files: { ...CJS, "src/tracer.js": TRACER_CJS } }),
    c("1.x CommonJS: an awaited module promise's tracer used in exports.handler, no tracer.flush()", `const { HoneyHiveTracer } = require("honeyhive");

const tracerPromise = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });

exports.handler = async (event) => {
  const tracer = await tracerPromise;
  tracer.setMetadata({ id: event.id });
  return { ok: true };
};
`, { filename: "src/handler.js", files: HH1_CJS }),
    c("1.x through a CommonJS barrel (module.exports = require(\"honeyhive\")), no flush", `const { HoneyHiveTracer } = require("./lib/hh");

exports.handler = async (event) => {
  const tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });
  tracer.setMetadata({ id: event.id });
  return { ok: true };
};
`, { filename: "src/handler.js", files: { ...HH1_CJS, "src/lib/hh.js": WRAPPER_CJS } }),
    c("the tracer's default export loaded in the handler (const { default: tracer } = await import(\"./tracer\"))", `export const handler = async (event: { id: string }) => {
  const { default: tracer } = await import("./tracer");
  tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`, { filename: "src/handler.ts", files: { ...ESM, "src/tracer.ts": TRACER_DEFAULT_TS } }),
    c("an ESM default import of a CommonJS exports.tracer module (tracing.tracer of import tracing from \"./tracing.cjs\")", `import tracing from "./tracing.cjs";

export const handler = async (event) => {
  tracing.tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`, { filename: "src/handler.mjs", files: { ...PLAIN, "src/tracing.cjs": TRACER_EXPORTS_DOT } }),
    c("a re-export chain of the default (export { default } from \"./tracer\") imported by default", `import tracer from "./lib";

export const handler = async (event: { id: string }) => {
  tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`, { filename: "src/handler.ts", files: { ...ESM, "src/lib/index.ts": `export { default } from "./tracer";\n`, "src/lib/tracer.ts": TRACER_DEFAULT_TS } }),
    c("CommonJS Google Cloud Functions (const functions = require(\"@google-cloud/functions-framework\"))", `const functions = require("@google-cloud/functions-framework");
const { tracer } = require("./tracer");

functions.http("chat", async (req, res) => {
  tracer.enrichSession({ metadata: { path: req.path } });
  res.send("ok");
});
`, { filename: "src/index.js", files: { "package.json": pkg({ ...HH2, "@google-cloud/functions-framework": "^3.4.0" }, { type: "commonjs" }), "src/tracer.js": TRACER_CJS } }),
    c("CommonJS Firebase v2 onRequest (const { onRequest } = require(\"firebase-functions/v2/https\"))", `const { onRequest } = require("firebase-functions/v2/https");
const { tracer } = require("./tracer");

exports.chat = onRequest(async (req, res) => {
  tracer.enrichSession({ metadata: { path: req.path } });
  res.json({ ok: true });
});
`, { filename: "src/index.js", files: { "package.json": pkg({ ...HH2, "firebase-functions": "^6.2.0" }, { type: "commonjs" }), "src/tracer.js": TRACER_CJS } }),
    c("CommonJS Azure Functions v4 (const { app } = require(\"@azure/functions\"))", `const { app } = require("@azure/functions");
const { tracer } = require("./tracer");

app.http("chat", {
  methods: ["POST"],
  handler: async (request) => {
    tracer.enrichSession({ metadata: { url: request.url } });
    return { jsonBody: { ok: true } };
  },
});
`, { filename: "src/functions/chat.js", files: { "package.json": pkg({ ...HH2, "@azure/functions": "^4.6.0" }, { type: "commonjs" }), "src/functions/tracer.js": TRACER_CJS } }),
    c("a Cloudflare Worker in .mjs (export default { fetch }) with the SDK's tracer", `import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: "key", project: "edge" });

export default {
  async fetch(request) {
    tracer.enrichSession({ metadata: { url: request.url } });
    return new Response("ok");
  },
};
`, { filename: "src/worker.mjs", files: { "package.json": pkg({ ...HH2, wrangler: "^4.0.0" }, { type: "module" }), "wrangler.toml": "name = \"edge\"\nmain = \"src/worker.mjs\"\n" } }),
    c("a .cts Lambda with import hh = require(\"honeyhive\") and export const handler", `import hh = require("honeyhive");

const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });

export const handler = async (event: { id: string }) => {
  tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`, { filename: "src/handler.cts", files: PLAIN }),
  ];
  const quiet: Case[] = [
    c("a .cjs handler that flushes in a finally", `const { HoneyHiveTracer } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });

module.exports.handler = async (event) => {
  try {
    tracer.enrichSession({ metadata: { id: event.id } });
    return { ok: true };
  } finally {
    await tracer.forceFlush();
  }
};
`, { filename: "src/handler.cjs", files: PLAIN }),
    c("a user-defined trace() helper in a CommonJS Lambda (no SDK)", `function trace(name, fn) {
  return async (...args) => {
    const started = Date.now();
    try {
      return await fn(...args);
    } finally {
      console.log(name, Date.now() - started);
    }
  };
}

exports.handler = trace("handler", async (event) => ({ ok: true, id: event.id }));
`, { filename: "src/handler.js", files: CJS }),
    c("a local module named honeyhive exporting an in-house tracer", `const { tracer } = require("./honeyhive");

exports.handler = async (event) => {
  tracer.enrichSession({ id: event.id });
  return { ok: true };
};
`, { filename: "src/handler.js", files: { ...CJS, "src/honeyhive.js": LOCAL_HONEYHIVE_JS } }),
    c("another package's tracer (require(\"@acme/beehive\")), no HoneyHive SDK in the project", `const { tracer } = require("@acme/beehive");

exports.handler = async (event) => {
  tracer.enrichSession({ id: event.id });
  return { ok: true };
};
`, { filename: "src/handler.js", files: { "package.json": pkg({ "@acme/beehive": "^1.0.0" }, { type: "commonjs" }) } }),
    c("a flush through the required module object (await tracing.tracer.forceFlush())", `const tracing = require("./tracing");

exports.handler = async (event) => {
  tracing.tracer.enrichSession({ metadata: { id: event.id } });
  await tracing.tracer.forceFlush();
  return { ok: true };
};
`, { filename: "src/handler.js", files: { ...CJS, "src/tracing.js": TRACER_EXPORTS_DOT } }),
    c("a required getter's tracer flushed (await getTracer().forceFlush())", `const { getTracer } = require("./tracing");

exports.handler = async (event) => {
  getTracer().enrichSession({ metadata: { id: event.id } });
  await getTracer().forceFlush();
  return { ok: true };
};
`, { filename: "src/handler.js", files: { ...CJS, "src/tracing.js": GETTER_CJS } }),
    c("a CommonJS module.exports.handler whose tracer module is a dd-trace tracer (require(\"./tracer\"))", `const tracer = require("./tracer");

module.exports.handler = async (event) => {
  const span = tracer.startSpan("work");
  span.finish();
  return { ok: true, id: event.id };
};
`, { filename: "src/handler.js", files: { "package.json": pkg({ "dd-trace": "^5.0.0", honeyhive: "^2.0.0" }, { type: "commonjs" }), "src/tracer.js": `module.exports = require("dd-trace").init({ service: "jobs" });\n` } }),
    c("the .mjs handler with the top-level await import flushes before returning", `const { HoneyHiveTracer } = await import("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });

export const handler = async (event) => {
  tracer.enrichSession({ metadata: { id: event.id } });
  await tracer.forceFlush();
  return { ok: true };
};
`, { filename: "src/handler.mjs", files: PLAIN }),
    c("1.x CommonJS: await tracer.flush() before the return", `const { HoneyHiveTracer } = require("honeyhive");

const tracerPromise = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });

exports.handler = async (event) => {
  const tracer = await tracerPromise;
  tracer.setMetadata({ id: event.id });
  await tracer.flush();
  return { ok: true };
};
`, { filename: "src/handler.js", files: HH1_CJS }),
    c("a dd-trace tracer module imported by default (ESM), the name tracer proves nothing", `import tracer from "./tracer";

export const handler = async (event: { id: string }) => {
  const span = tracer.startSpan("work");
  span.finish();
  return { ok: true, id: event.id };
};
`, { filename: "src/handler.ts", files: { "package.json": pkg({ "dd-trace": "^5.0.0", honeyhive: "^2.0.0" }, { type: "module" }), "src/tracer.ts": `import ddTrace from "dd-trace";\n\nexport default ddTrace.init({ service: "jobs" });\n` } }),
  ];
  describeCases(FLUSH_RULE, flushRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// require-explicit-tracer: "a tracer ... created with HoneyHiveTracer.init(), ... or imported from the project's
// own module such as ./tracing"; "Files without a tracer of their own are not reported"; codemods.md "a local
// trace() helper ... never touched".
describe(`${EXPLICIT_RULE} (blind 10, import styles)`, () => {
  const reported: Case[] = [
    c("a .cjs file: destructured require of HoneyHiveTracer and trace, trace(fn) without the tracer", `const { HoneyHiveTracer, trace } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "docs" });

const summarize = trace(async (text) => text.slice(0, 80));

module.exports = { summarize, tracer };
`, { filename: "src/summarize.cjs", files: PLAIN }),
    c("the namespace require: hh.enrichSpan() in a file with hh.HoneyHiveTracer.init()", `const hh = require("honeyhive");

const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "docs" });

const answer = tracer.trace({ eventType: "chain" }, async (question) => {
  hh.enrichSpan({ metadata: { length: question.length } });
  return question.toUpperCase();
});

module.exports = { answer };
`, { filename: "src/answer.js", files: CJS }),
    c("TS import hh = require(\"honeyhive\"): hh.trace({ eventType }, fn)", `import hh = require("honeyhive");

const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "docs" });

export const classify = hh.trace({ eventType: "tool" }, async (text: string) => (text.length > 10 ? "long" : "short"));
export { tracer };
`, { filename: "src/classify.ts", files: PLAIN }),
    c("import * as hh beside import type, the tracer from ./tracer: hh.trace(fn)", `import * as hh from "honeyhive";
import type { TraceOptions } from "honeyhive";
import { tracer } from "./tracer";

const options: TraceOptions = { eventType: "tool" };
export const lookup = hh.trace(async (id: string) => ({ id, options }));
export const ping = () => tracer.enrichSpan({ metadata: { ping: true } });
`, { filename: "src/lookup.ts", files: { ...ESM, "src/tracer.ts": TRACER_NAMED_TS } }),
    c("a tracer required from a CommonJS module beside trace from the SDK (enrichSession global)", `const { enrichSession } = require("honeyhive");
const { tracer } = require("./lib/tracer");

async function finish(result) {
  enrichSession({ outputs: { result } });
  return tracer.trace({ eventType: "chain" }, async () => result)();
}

module.exports = { finish };
`, { filename: "src/finish.js", files: { ...CJS, "src/lib/tracer.js": TRACER_CJS } }),
    c("a .mjs module whose trace and HoneyHiveTracer come from a top-level await import", `const { HoneyHiveTracer, trace } = await import("honeyhive");

export const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "docs" });
export const summarize = trace({ eventType: "tool" }, async (text) => text.slice(0, 80));
`, { filename: "src/summarize.mjs", files: PLAIN }),
    c("a default-exported tracer through a barrel (export { default as tracer }) and trace(fn) in the importer", `import { trace } from "honeyhive";
import { tracer } from "./lib";

export const summarize = trace(async (text: string) => text.slice(0, 80));
export const flush = () => tracer.forceFlush();
`, { filename: "src/summarize.ts", files: { ...ESM, "src/lib/index.ts": `export { default as tracer } from "./tracer";\n`, "src/lib/tracer.ts": TRACER_DEFAULT_TS } }),
    c("the SDK's trace through a CommonJS wrapper (module.exports = require(\"honeyhive\"))", `const { HoneyHiveTracer, trace } = require("./hh");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "docs" });
const summarize = trace(async (text) => text.slice(0, 80));

module.exports = { summarize, tracer };
`, { filename: "src/summarize.js", files: { ...CJS, "src/hh.js": WRAPPER_CJS } }),
    c("a tracer from an export = module bound by import tracer = require(\"./tracer\"), trace(fn)", `import tracer = require("./tracer");
import { trace } from "honeyhive";

export const summarize = trace(async (text: string) => text.slice(0, 80));
export const flush = () => tracer.forceFlush();
`, { filename: "src/summarize.ts", files: { ...PLAIN, "src/tracer.ts": TRACER_EXPORT_EQUALS_TS } }),
    c("a parameter typed with an import type of the tracer, trace(fn) inside", `import type { HoneyHiveTracer } from "honeyhive";
import { trace } from "honeyhive";

export function makeSummarizer(tracer: HoneyHiveTracer) {
  tracer.enrichSession({ metadata: { made: true } });
  return trace(async (text: string) => text.slice(0, 80));
}
`, { filename: "src/summarize.ts", files: ESM }),
    c("JavaScript with a JSDoc-typed tracer parameter (@param {import(\"honeyhive\").HoneyHiveTracer})", `// @ts-check
const { enrichSpan } = require("honeyhive");

/** @param {import("honeyhive").HoneyHiveTracer} tracer */
function makeStep(tracer) {
  return tracer.trace({ eventType: "tool" }, async (text) => {
    enrichSpan({ metadata: { length: text.length } });
    return text;
  });
}
module.exports = { makeStep };
`, { filename: "src/step.js", files: CJS }),
    c("1.x CommonJS: a free traceTool outside any tracer.trace() in a file with a tracer", `const { HoneyHiveTracer, traceTool } = require("honeyhive");

const lookup = traceTool(async (id) => ({ id }));

async function main() {
  const tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "tools" });
  await lookup(1);
  await tracer.flush();
}
main();
`, { filename: "src/tools.js", files: HH1_CJS }),
    c("the SDK's trace through a named ESM wrapper with import type beside it (hh.trace of import * as hh)", `import * as hh from "./lib/hh";
import type { TracerOptions } from "./lib/hh";

const options: TracerOptions = { apiKey: process.env.HH_API_KEY, project: "docs" };
export const tracer = hh.HoneyHiveTracer.init(options);
export const summarize = hh.trace(async (text: string) => text.slice(0, 80));
`, { filename: "src/summarize.ts", files: { ...ESM, "src/lib/hh.ts": WRAPPER_NAMED_TS } }),
    c("module object: trace(fn) in a file whose tracer is tracing.tracer of const tracing = require(\"./tracing\")", `const { trace } = require("honeyhive");
const tracing = require("./tracing");

const summarize = trace(async (text) => text.slice(0, 80));
const flush = () => tracing.tracer.forceFlush();
module.exports = { summarize, flush };
`, { filename: "src/summarize.js", files: { ...CJS, "src/tracing.js": TRACER_EXPORTS_DOT } }),
  ];
  const quiet: Case[] = [
    c("a user-defined trace() beside a HoneyHive tracer in a CommonJS file", `const { HoneyHiveTracer } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "docs" });

function trace(label, fn) {
  return (...args) => {
    console.time(label);
    try {
      return fn(...args);
    } finally {
      console.timeEnd(label);
    }
  };
}

const summarize = trace("summarize", (text) => text.slice(0, 80));
module.exports = { summarize, tracer };
`, { filename: "src/summarize.js", files: CJS }),
    c("OpenTelemetry's trace (require(\"@opentelemetry/api\")) beside a HoneyHive tracer", `const { trace } = require("@opentelemetry/api");
const { HoneyHiveTracer } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "docs" });
const otel = trace.getTracer("docs");

function work() {
  const span = otel.startSpan("work");
  span.end();
  tracer.enrichSpan({ metadata: { done: true } });
}
module.exports = { work };
`, { filename: "src/work.js", files: { "package.json": pkg({ ...HH2, "@opentelemetry/api": "^1.9.0" }, { type: "commonjs" }) } }),
    c("a local module named honeyhive whose trace is in-house", `const { HoneyHiveTracer, trace } = require("./honeyhive");

const tracer = HoneyHiveTracer.init({ name: "local" });
const summarize = trace(async (text) => text.slice(0, 80));
module.exports = { summarize, tracer };
`, { filename: "src/summarize.js", files: { ...CJS, "src/honeyhive.js": LOCAL_HONEYHIVE_JS } }),
    c("a CommonJS library of traced functions with no tracer of its own (hh.trace)", `const hh = require("honeyhive");

exports.summarize = hh.trace({ eventType: "tool" }, async (text) => text.slice(0, 80));
exports.classify = hh.trace(async (text) => (text.length > 10 ? "long" : "short"));
`, { filename: "src/lib.js", files: CJS }),
    c("trace() inside what a CommonJS evaluate() runs (require(\"honeyhive/experiments\"))", `const { trace } = require("honeyhive");
const { evaluate } = require("honeyhive/experiments");

const answer = trace({ eventType: "chain" }, async (datapoint) => ({ answer: datapoint.inputs.question }));

evaluate({ function: answer, dataset: [{ inputs: { question: "2 + 2?" } }], name: "cjs-eval" });
`, { filename: "src/eval.js", files: CJS }),
    c("1.x CommonJS: the free traceTool held in a const only called inside tracer.trace()", `const { HoneyHiveTracer, traceTool } = require("honeyhive");

async function main() {
  const tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "tools" });
  const lookup = traceTool(async (id) => ({ id }));
  await tracer.trace(async () => {
    await lookup(1);
  });
  await tracer.flush();
}
main();
`, { filename: "src/tools.js", files: HH1_CJS }),
    c("a type-only import of HoneyHiveTracer and a trace() from a local module without the SDK", `import type { HoneyHiveTracer } from "honeyhive";
import { trace } from "./timing";

export type Tracer = HoneyHiveTracer;
export const summarize = trace(async (text: string) => text.slice(0, 80));
`, { filename: "src/summarize.ts", files: { ...ESM, "src/timing.ts": `export function trace<F>(fn: F): F {\n  return fn;\n}\n` } }),
  ];
  describeCases(EXPLICIT_RULE, explicitRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// no-global-tracer-with-evaluate: `evaluate` from `honeyhive/experiments` (bindings as every rule reads them);
// the suggestion writes trace "through the file's existing binding ... or namespace (hh.trace), or added to
// its named import or destructured require of the SDK".
describe(`${EVALUATE_RULE} (blind 10, import styles)`, () => {
  const reported: Case[] = [
    c("CommonJS: trace({ tracer }, fn) given to evaluate() from a destructured require", `const { HoneyHiveTracer, trace } = require("honeyhive");
const { evaluate } = require("honeyhive/experiments");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "evals" });
const answer = trace({ eventType: "chain", tracer }, async (datapoint) => ({ answer: datapoint.inputs.question }));

evaluate({ function: answer, dataset: [{ inputs: { question: "2 + 2?" } }], name: "cjs-eval" });
`, { filename: "src/eval.cjs", files: PLAIN }),
    c("namespace requires: ex.evaluate({ function: tracer.trace(options, fn) })", `const hh = require("honeyhive");
const ex = require("honeyhive/experiments");

const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "evals" });

ex.evaluate({
  function: tracer.trace({ eventType: "chain" }, async (datapoint) => ({ answer: datapoint.inputs.question })),
  dataset: [{ inputs: { question: "2 + 2?" } }],
  name: "ns-eval",
});
`, { filename: "src/eval.js", files: CJS }),
    c("TS import-equals of honeyhive and honeyhive/experiments", `import hh = require("honeyhive");
import experiments = require("honeyhive/experiments");

const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "evals" });
const answer = hh.trace({ eventType: "chain", tracer }, async (datapoint: { inputs: { question: string } }) => ({ answer: datapoint.inputs.question }));

void experiments.evaluate({ function: answer, dataset: [{ inputs: { question: "2 + 2?" } }], name: "ie-eval" });
`, { filename: "src/eval.ts", files: PLAIN }),
    c("a .mts script with top-level await import of both modules", `const { HoneyHiveTracer, trace } = await import("honeyhive");
const { evaluate } = await import("honeyhive/experiments");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "evals" });
const answer = trace({ eventType: "chain", tracer }, async (datapoint: { inputs: { question: string } }) => ({ answer: datapoint.inputs.question }));

await evaluate({ function: answer, dataset: [{ inputs: { question: "2 + 2?" } }], name: "mts-eval" });
`, { filename: "src/eval.mts", files: ESM }),
    c("a .cjs module-level tracer used by nothing else next to evaluate()", `const { HoneyHiveTracer, trace } = require("honeyhive");
const { evaluate } = require("honeyhive/experiments");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "evals" });

const answer = trace({ eventType: "chain" }, async (datapoint) => {
  tracer.enrichSession({ metadata: { q: datapoint.inputs.question } });
  return { answer: datapoint.inputs.question };
});

evaluate({ function: answer, dataset: [{ inputs: { question: "2 + 2?" } }], name: "cjs-eval" });
`, { filename: "src/eval.cjs", files: PLAIN }),
    c("1.x CommonJS: evaluate from require(\"honeyhive\") with tracer.traceFunction()(fn) as the function", `const { HoneyHiveTracer, evaluate } = require("honeyhive");

async function main() {
  const tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "evals" });
  await evaluate({
    function: tracer.traceFunction({ eventType: "chain" })(async (inputs) => ({ answer: inputs.question })),
    apiKey: process.env.HH_API_KEY,
    project: "evals",
    name: "cjs-1x",
    dataset: [{ inputs: { question: "2 + 2?" } }],
  });
}
main();
`, { filename: "src/eval.js", files: HH1_CJS }),
    c("module object: trace({ tracer: tracing.tracer }, fn) of import * as tracing given to evaluate()", `import { trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
import * as tracing from "./tracing";

const answer = trace({ eventType: "chain", tracer: tracing.tracer }, async (datapoint: { inputs: { question: string } }) => ({ answer: datapoint.inputs.question }));
await evaluate({ function: answer, dataset: [{ inputs: { question: "2 + 2?" } }], name: "ns-eval" });
`, { filename: "src/eval.ts", files: { ...ESM, "src/tracing.ts": TRACER_NAMED_TS } }),
  ];
  const quiet: Case[] = [
    c("evaluate from a local module named like the SDK's (require(\"./honeyhive/experiments\"))", `const { HoneyHiveTracer, trace } = require("honeyhive");
const { evaluate } = require("./honeyhive/experiments");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "evals" });
const answer = trace({ eventType: "chain", tracer }, async (datapoint) => ({ answer: datapoint.inputs.question }));

evaluate({ function: answer, dataset: [{ inputs: { question: "2 + 2?" } }] });
module.exports = { tracer };
`, { filename: "src/eval.js", files: { ...CJS, "src/honeyhive/experiments.js": `exports.evaluate = async (config) => Promise.all(config.dataset.map((d) => config.function(d)));\n` } }),
    c("an unbound trace() given to evaluate() and a tracer exported for other modules (module.exports)", `const { HoneyHiveTracer, trace } = require("honeyhive");
const { evaluate } = require("honeyhive/experiments");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "evals" });
const answer = trace({ eventType: "chain" }, async (datapoint) => ({ answer: datapoint.inputs.question }));

module.exports = { tracer, run: () => evaluate({ function: answer, dataset: [{ inputs: { question: "2 + 2?" } }], name: "cjs-eval" }) };
`, { filename: "src/eval.js", files: CJS }),
    c("another package's evaluate (require(\"@acme/evals\")) beside a HoneyHive tracer", `const { HoneyHiveTracer, trace } = require("honeyhive");
const { evaluate } = require("@acme/evals");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "evals" });
const answer = trace({ eventType: "chain", tracer }, async (datapoint) => ({ answer: datapoint.inputs.question }));

evaluate({ function: answer, dataset: [{ inputs: { question: "2 + 2?" } }] });
`, { filename: "src/eval.js", files: { "package.json": pkg({ ...HH2, "@acme/evals": "^1.0.0" }, { type: "commonjs" }) } }),
    c("a user-defined trace wrapper with a tracer option (local function named trace)", `import { evaluate } from "honeyhive/experiments";

const tracer = { name: "console" };
function trace<F extends (...args: never[]) => unknown>(options: { tracer: { name: string } }, fn: F): F {
  console.log(options.tracer.name);
  return fn;
}

const answer = trace({ tracer }, async (datapoint: { inputs: { question: string } }) => ({ answer: datapoint.inputs.question }));
await evaluate({ function: answer, dataset: [{ inputs: { question: "2 + 2?" } }], name: "local-trace" });
`, { filename: "src/eval.ts", files: ESM }),
    c("1.x CommonJS: evaluate with the free traceFunction (the datapoint's tracer)", `const { traceFunction, evaluate } = require("honeyhive");

evaluate({
  function: traceFunction({ eventType: "chain" })(async (inputs) => ({ answer: inputs.question })),
  apiKey: process.env.HH_API_KEY,
  project: "evals",
  name: "cjs-1x",
  dataset: [{ inputs: { question: "2 + 2?" } }],
});
`, { filename: "src/eval.js", files: HH1_CJS }),
  ];
  describeCases(EVALUATE_RULE, evaluateRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// no-lost-session-context: Fastify hooks after an await, a promise reaction while next() runs outside it,
// route-level middleware; framework objects and the tracer recognized by their require/import bindings.
describe(`${LOST_CONTEXT_RULE} (blind 10, import styles)`, () => {
  const FASTIFY_CJS = { "package.json": pkg({ ...HH2, fastify: "^5.2.0" }, { type: "commonjs" }) };
  const reported: Case[] = [
    c("CommonJS Fastify (require(\"fastify\")({ logger })) onRequest hook: createSession after an await", `const fastify = require("fastify")({ logger: true });
const { tracer } = require("./tracer");

async function audit(request) {
  return request.headers["x-user"];
}

fastify.addHook("onRequest", async (request) => {
  await audit(request);
  tracer.createSession({ sessionName: request.url });
});

fastify.get("/chat", async () => tracer.startSpan("chat", () => ({ ok: true })));
fastify.listen({ port: 3000 });
`, { filename: "src/server.js", files: { ...FASTIFY_CJS, "src/tracer.js": TRACER_CJS } }),
    c("CommonJS Koa: createSession in a .then callback while await next() runs outside it", `const Koa = require("koa");
const { HoneyHiveTracer } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "koa" });
const app = new Koa();

async function loadUser(ctx) {
  return ctx.get("x-user");
}

app.use(async (ctx, next) => {
  loadUser(ctx).then((user) => {
    tracer.createSession({ sessionName: "koa", metadata: { user } });
  });
  await next();
});
app.use(async (ctx) => {
  ctx.body = tracer.startSpan("work", () => "ok");
});
app.listen(3000);
`, { filename: "src/server.js", files: { "package.json": pkg({ ...HH2, koa: "^2.15.0" }, { type: "commonjs" }) } }),
    c("TS import Fastify = require(\"fastify\") and import hh = require(\"honeyhive\"): preHandler after an await", `import Fastify = require("fastify");
import hh = require("honeyhive");

const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "api" });
const app = Fastify();

app.addHook("preHandler", async (request) => {
  await request.server.ready();
  tracer.createSession({ sessionName: request.url });
});
app.get("/chat", async () => tracer.startSpan("chat", () => ({ ok: true })));
`, { filename: "src/server.ts", files: { "package.json": pkg({ ...HH2, fastify: "^5.2.0" }) } }),
    c("mixed file: route-level session middleware (require(\"express\")) while another route traces without one", `import { HoneyHiveTracer } from "honeyhive";
const express = require("express");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
const app = express();

function openSession(req: { path: string }, _res: unknown, next: () => void) {
  tracer.createSession({ sessionName: req.path });
  next();
}

app.get("/chat", openSession, (_req: unknown, res: { json(v: unknown): void }) => res.json(tracer.startSpan("chat", () => "ok")));
app.get("/search", (_req: unknown, res: { json(v: unknown): void }) => res.json(tracer.startSpan("search", () => "ok")));
`, { filename: "src/server.ts", files: EXPRESS }),
    c("a .mjs Fastify plugin with the tracer from a default export through a barrel", `import tracer from "./lib/tracer.mjs";

export default async function routes(fastify) {
  fastify.addHook("onRequest", async (request) => {
    await fastify.ready();
    tracer.createSession({ sessionName: request.url });
  });
  fastify.get("/chat", async () => tracer.startSpan("chat", () => ({ ok: true })));
}
`, { filename: "src/routes.mjs", files: { "package.json": pkg({ ...HH2, fastify: "^5.2.0" }), "src/lib/tracer.mjs": `import { HoneyHiveTracer } from "honeyhive";\n\nexport default HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "api" });\n` } }),
    c("CommonJS Hono (const { Hono } = require(\"hono\")): createSession in a setTimeout while await next() runs outside it", `const { Hono } = require("hono");
const { tracer } = require("./tracer");

const app = new Hono();
app.use(async (c, next) => {
  setTimeout(() => {
    tracer.createSession({ sessionName: c.req.path });
  }, 0);
  await next();
});
app.get("/chat", (c) => c.json(tracer.startSpan("chat", () => ({ ok: true }))));
module.exports = app;
`, { filename: "src/app.js", files: { "package.json": pkg({ ...HH2, hono: "^4.7.0" }, { type: "commonjs" }), "src/tracer.js": TRACER_CJS } }),
    c("module object: tracing.tracer.createSession after an await in a CommonJS Fastify hook", `const fastify = require("fastify")();
const tracing = require("./tracing");

fastify.addHook("onRequest", async (request) => {
  await request.server.ready();
  tracing.tracer.createSession({ sessionName: request.url });
});
fastify.get("/chat", async () => tracing.tracer.startSpan("chat", () => ({ ok: true })));
`, { filename: "src/server.js", files: { "package.json": pkg({ ...HH2, fastify: "^5.2.0" }, { type: "commonjs" }), "src/tracing.js": TRACER_EXPORTS_DOT } }),
  ];
  const quiet: Case[] = [
    c("CommonJS Fastify hook creating the session before its first await", `const fastify = require("fastify")();
const { tracer } = require("./tracer");

fastify.addHook("onRequest", async (request) => {
  tracer.createSession({ sessionName: request.url });
  await request.server.ready();
});
fastify.get("/chat", async () => tracer.startSpan("chat", () => ({ ok: true })));
`, { filename: "src/server.js", files: { ...FASTIFY_CJS, "src/tracer.js": TRACER_CJS } }),
    c("CommonJS Express middleware that awaits, then creates the session and calls next() itself", `const express = require("express");
const { tracer } = require("./tracer");

const app = express();
app.use(async (req, _res, next) => {
  await Promise.resolve(req.path);
  tracer.createSession({ sessionName: req.path });
  next();
});
app.get("/chat", (_req, res) => res.json(tracer.startSpan("chat", () => "ok")));
`, { filename: "src/server.js", files: { ...EXPRESS_CJS, "src/tracer.js": TRACER_CJS } }),
    c("a local module named honeyhive's createSession after an await in a Fastify hook", `const fastify = require("fastify")();
const { tracer } = require("./honeyhive");

fastify.addHook("onRequest", async (request) => {
  await request.server.ready();
  tracer.createSession({ url: request.url });
});
fastify.get("/chat", async () => tracer.startSpan("chat", () => ({ ok: true })));
`, { filename: "src/server.js", files: { ...FASTIFY_CJS, "src/honeyhive.js": LOCAL_HONEYHIVE_JS } }),
  ];
  describeCases(LOST_CONTEXT_RULE, lostContextRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// require-valid-session-id: "a HoneyHive tracer recognized through its binding (HoneyHiveTracer.init()
// imported by name, renamed, through a namespace import or require, a lazy getTracer(), a tracer from the
// project's own module)"; a check (`isSessionId`, `toSessionId`) silences it.
describe(`${SESSION_ID_RULE} (blind 10, import styles)`, () => {
  const reported: Case[] = [
    c("CommonJS Express: a header's session id into createSession (destructured require)", `const express = require("express");
const { HoneyHiveTracer } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
const app = express();

app.post("/chat", (req, res) => {
  tracer.createSession({ sessionId: req.headers["x-session-id"], skipApiCall: true });
  res.json({ ok: true });
});
`, { filename: "src/server.js", files: EXPRESS_CJS }),
    c("exports.handler: event.sessionId into hh.HoneyHiveTracer.init({ sessionId }) (namespace require)", `const hh = require("honeyhive");

exports.handler = async (event) => {
  const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs", sessionId: event.sessionId });
  await tracer.forceFlush();
  return { ok: true };
};
`, { filename: "src/handler.js", files: CJS }),
    c("TS import hh = require: a query parameter into the module tracer's createSession in a Lambda", `import hh = require("honeyhive");

const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });

export const handler = async (event: { queryStringParameters?: Record<string, string | undefined> }) => {
  tracer.createSession({ sessionId: event.queryStringParameters?.sid, skipApiCall: true });
  await tracer.forceFlush();
  return { statusCode: 200 };
};
`, { filename: "src/handler.ts", files: PLAIN }),
    c("a .mjs Hono route with the tracer from a CommonJS module (import { tracer } from \"./tracer.cjs\")", `import { Hono } from "hono";
import { tracer } from "./tracer.cjs";

const app = new Hono();
app.post("/chat", async (c) => {
  tracer.createSession({ sessionId: c.req.header("x-session-id"), skipApiCall: true });
  return c.json({ ok: true });
});
export default app;
`, { filename: "src/app.mjs", files: { "package.json": pkg({ ...HH2, hono: "^4.7.0" }), "src/tracer.cjs": TRACER_CJS } }),
    c("module.exports.handler loading the SDK inside the handler (await import) with event.headers' id", `module.exports.handler = async (event) => {
  const { HoneyHiveTracer } = await import("honeyhive");
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs", sessionId: event.headers["x-session-id"] });
  await tracer.forceFlush();
  return { statusCode: 200 };
};
`, { filename: "src/handler.js", files: CJS }),
    c("a default-exported tracer through the @/ alias: a cookie's id into createSession in a Next.js route", `import { cookies } from "next/headers";
import tracer from "@/lib/tracer";

export async function POST() {
  const sid = (await cookies()).get("sid")?.value;
  tracer.createSession({ sessionId: sid, skipApiCall: true });
  return Response.json({ ok: true });
}
`, { filename: "src/app/api/chat/route.ts", files: { "package.json": pkg({ ...HH2, next: "15.3.0" }), "tsconfig.json": TSCONFIG_PATHS, "src/lib/tracer.ts": TRACER_DEFAULT_TS } }),
    c("the SDK through an export * wrapper: a route param into HoneyHiveTracer.init({ sessionId }) in an Express route", `import express from "express";
import { HoneyHiveTracer } from "./lib/honeyhive";

const app = express();
app.post("/chat/:sid", (req, res) => {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat", sessionId: req.params.sid });
  tracer.enrichSession({ metadata: { ok: true } });
  res.json({ ok: true });
});
`, { filename: "src/server.ts", files: { ...EXPRESS, "src/lib/honeyhive.ts": WRAPPER_STAR_TS } }),
    c("module object: a header's id into tracing.tracer.createSession (import * as tracing)", `import express from "express";
import * as tracing from "./tracing";

const app = express();
app.post("/chat", (req, res) => {
  tracing.tracer.createSession({ sessionId: req.get("x-session-id"), skipApiCall: true });
  res.json({ ok: true });
});
`, { filename: "src/server.ts", files: { ...EXPRESS, "src/tracing.ts": TRACER_NAMED_TS } }),
  ];
  const quiet: Case[] = [
    c("CommonJS: the id converted with toSessionId from a destructured require", `const express = require("express");
const { HoneyHiveTracer, toSessionId } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
const app = express();

app.post("/chat", (req, res) => {
  tracer.createSession({ sessionId: toSessionId(String(req.headers["x-session-id"])), skipApiCall: true });
  res.json({ ok: true });
});
`, { filename: "src/server.js", files: EXPRESS_CJS }),
    c("the namespace require's hh.isSessionId check before the SDK call", `const hh = require("honeyhive");

const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });

exports.handler = async (event) => {
  const sid = event.sessionId;
  if (!hh.isSessionId(sid)) return { statusCode: 400 };
  tracer.createSession({ sessionId: sid, skipApiCall: true });
  await tracer.forceFlush();
  return { statusCode: 200 };
};
`, { filename: "src/handler.js", files: CJS }),
    c("a local module named honeyhive's createSession given the header", `const express = require("express");
const { tracer } = require("./honeyhive");

const app = express();
app.post("/chat", (req, res) => {
  tracer.createSession({ sessionId: req.headers["x-session-id"] });
  res.json({ ok: true });
});
`, { filename: "src/server.js", files: { ...EXPRESS_CJS, "src/honeyhive.js": LOCAL_HONEYHIVE_JS } }),
    c("another package's HoneyHiveTracer.init({ sessionId }) (import * as from \"@acme/beehive\")", `import * as hive from "@acme/beehive";

export const handler = async (event: { sessionId: string }) => {
  hive.HoneyHiveTracer.init({ sessionId: event.sessionId });
  return { ok: true };
};
`, { filename: "src/handler.ts", files: { "package.json": pkg({ "@acme/beehive": "^1.0.0" }, { type: "module" }) } }),
  ];
  describeCases(SESSION_ID_RULE, sessionIdRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// tracer-provider-for-instrumentors: "Imports are resolved through their bindings: renamed, namespace
// (otel.registerInstrumentations) and require forms count; a local function or class of the same name does
// not"; the rule needs a HoneyHive tracer (initialized there, a getter, or imported from a project module).
describe(`${PROVIDER_RULE} (blind 10, import styles)`, () => {
  const INSTR = { "@opentelemetry/instrumentation": "^0.203.0", "@opentelemetry/instrumentation-http": "^0.203.0" };
  const reported: Case[] = [
    c("CommonJS: registerInstrumentations without tracerProvider, all from destructured requires", `const { registerInstrumentations } = require("@opentelemetry/instrumentation");
const { HttpInstrumentation } = require("@opentelemetry/instrumentation-http");
const { HoneyHiveTracer } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "api" });

registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });

module.exports = { tracer };
`, { filename: "src/tracing.js", files: { "package.json": pkg({ ...HH2, ...INSTR }, { type: "commonjs" }) } }),
    c("namespace requires: otel.registerInstrumentations and hh.HoneyHiveTracer.init", `const otel = require("@opentelemetry/instrumentation");
const http = require("@opentelemetry/instrumentation-http");
const hh = require("honeyhive");

const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "api" });
otel.registerInstrumentations({ instrumentations: [new http.HttpInstrumentation()] });

exports.tracer = tracer;
`, { filename: "src/tracing.js", files: { "package.json": pkg({ ...HH2, ...INSTR }, { type: "commonjs" }) } }),
    c("TS import hh = require with an OpenInference instrumentation used in place", `import hh = require("honeyhive");
import OpenAI from "openai";
import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";

export const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "api" });
new OpenAIInstrumentation().manuallyInstrument(OpenAI);
`, { filename: "src/tracing.ts", files: { "package.json": pkg({ ...HH2, openai: "^4.80.0", "@arizeai/openinference-instrumentation-openai": "^2.0.0" }) } }),
    c("AI SDK telemetry without a tracer, the HoneyHive tracer default-imported through the @/ alias", `import { generateText } from "ai";
import { openai } from "@ai-sdk/openai";
import tracer from "@/lib/tracer";

export async function answer(question: string) {
  const { text } = await generateText({ model: openai("gpt-4o-mini"), prompt: question, experimental_telemetry: { isEnabled: true } });
  tracer.enrichSpan({ metadata: { length: text.length } });
  return text;
}
`, { filename: "src/answer.ts", files: { "package.json": pkg({ ...HH2, ai: "^4.3.0", "@ai-sdk/openai": "^1.3.0" }, { type: "module" }), "tsconfig.json": TSCONFIG_PATHS, "src/lib/tracer.ts": TRACER_AS_DEFAULT_TS } }),
    c("a .mts set-up with the SDK from a top-level await import", `import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";

const { HoneyHiveTracer } = await import("honeyhive");
export const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "api" });
registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });
`, { filename: "src/tracing.mts", files: { "package.json": pkg({ ...HH2, ...INSTR }, { type: "module" }) } }),
    c("a CommonJS instrument.js whose tracer comes from the project's module.exports = { tracer } module", `const { registerInstrumentations } = require("@opentelemetry/instrumentation");
const { HttpInstrumentation } = require("@opentelemetry/instrumentation-http");
const { tracer } = require("./tracer");

registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });
module.exports = { tracer };
`, { filename: "src/instrument.js", files: { "package.json": pkg({ ...HH2, ...INSTR }, { type: "commonjs" }), "src/tracer.js": TRACER_CJS } }),
    c("module object: registerInstrumentations without a provider beside tracing.tracer of a required module", `const { registerInstrumentations } = require("@opentelemetry/instrumentation");
const { HttpInstrumentation } = require("@opentelemetry/instrumentation-http");
const tracing = require("./tracing");

registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });
module.exports = { tracer: tracing.tracer };
`, { filename: "src/instrument.js", files: { "package.json": pkg({ ...HH2, ...INSTR }, { type: "commonjs" }), "src/tracing.js": TRACER_EXPORTS_DOT } }),
  ];
  const quiet: Case[] = [
    c("CommonJS with tracerProvider: tracer.provider given", `const { registerInstrumentations } = require("@opentelemetry/instrumentation");
const { HttpInstrumentation } = require("@opentelemetry/instrumentation-http");
const { HoneyHiveTracer } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "api" });
registerInstrumentations({ instrumentations: [new HttpInstrumentation()], tracerProvider: tracer.provider });
module.exports = { tracer };
`, { filename: "src/tracing.js", files: { "package.json": pkg({ ...HH2, ...INSTR }, { type: "commonjs" }) } }),
    c("a local module named honeyhive as the only tracer (no HoneyHive tracer in the file)", `const { registerInstrumentations } = require("@opentelemetry/instrumentation");
const { HttpInstrumentation } = require("@opentelemetry/instrumentation-http");
const { HoneyHiveTracer } = require("./honeyhive");

const tracer = HoneyHiveTracer.init({ name: "local" });
registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });
module.exports = { tracer };
`, { filename: "src/tracing.js", files: { "package.json": pkg({ ...HH2, ...INSTR }, { type: "commonjs" }), "src/honeyhive.js": LOCAL_HONEYHIVE_JS } }),
    c("a local registerInstrumentations function of the file", `const { HoneyHiveTracer } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "api" });
function registerInstrumentations(config) {
  return config.instrumentations.length;
}
registerInstrumentations({ instrumentations: ["http"] });
module.exports = { tracer };
`, { filename: "src/tracing.js", files: CJS }),
    c("a CommonJS file that starts a NodeSDK of its own (activation)", `const { NodeSDK } = require("@opentelemetry/sdk-node");
const { registerInstrumentations } = require("@opentelemetry/instrumentation");
const { HttpInstrumentation } = require("@opentelemetry/instrumentation-http");
const { HoneyHiveTracer } = require("honeyhive");

new NodeSDK({ serviceName: "api" }).start();
const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "api" });
registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });
module.exports = { tracer };
`, { filename: "src/tracing.js", files: { "package.json": pkg({ ...HH2, ...INSTR, "@opentelemetry/sdk-node": "^0.203.0" }, { type: "commonjs" }) } }),
    c("a honeyhive 1.x CommonJS project (awaited init, 1.x range)", `const { HoneyHiveTracer } = require("honeyhive");
const { registerInstrumentations } = require("@opentelemetry/instrumentation");
const { HttpInstrumentation } = require("@opentelemetry/instrumentation-http");

async function start() {
  const tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "api" });
  registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });
  return tracer;
}
module.exports = { start };
`, { filename: "src/tracing.js", files: { "package.json": pkg({ honeyhive: "^1.0.42", ...INSTR }, { type: "commonjs" }) } }),
  ];
  describeCases(PROVIDER_RULE, providerRule as AnyRule, { reported, quiet });
});
