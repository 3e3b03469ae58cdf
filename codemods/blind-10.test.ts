// Blind round 10 for `honeyhive migrate`: IMPORT STYLES and MODULE SYSTEMS. Each project is migrated in a temporary
// folder with the 2.x set (`migrate`) and, for 1.x code, `--from 1`: CommonJS (`require` destructured and as a
// namespace, `module.exports`/`exports.*` handlers and tracers, `.cjs`, `"type": "commonjs"`, JavaScript with JSDoc),
// TypeScript's `import hh = require()`, `import * as`, `.mts`/`.mjs` with top-level `await import()`, barrels
// (`export * from`, `module.exports = require("honeyhive")`), and look-alikes (a local module named `honeyhive`,
// another package's `HoneyHiveTracer`, a user-defined `trace`, a dd-trace tracer module) that must be left alone.
//
// Written from docs/codemods.md and docs/migrating-from-1x.md before reading the transforms. The promises used:
// codemods.md "SDK bindings are recognized through imports and `require`s (renamed, namespace, destructured)";
// "`tracer.trace(options, fn)` → `trace(options, fn)`, importing `trace` the way the file imports the SDK (added to
// the named import or the destructured `require`, `hh.trace` for a namespace import)"; "`enrichSpan(…)` /
// `hh.enrichSpan(…)` → `tracer.enrichSpan(…)`"; lambda-force-flush's try/finally; hoist-tracer-init's getter;
// "OpenTelemetry's `trace`, another package's `sessionStart` or a local `trace()` helper are never touched";
// migrating-from-1x.md: "`trace` is imported the way the 1.x wrapper was: into the same import, `require` or `await
// import("honeyhive")` destructure ... an ES module (`.mjs`/`.mts`, a file with `export` statements ...) gets `import
// { trace }`, never a `require` ... a CommonJS file or script gets `const { trace } = require(…)`"; `evaluate` from
// `"honeyhive"` → `"honeyhive/experiments"` (ESM and `require`); "`const hh = require("honeyhive")` is the module
// object as before and stays"; barrels: "A name the rewrite needs (`trace`) joins the consumer's import of the
// barrel when the barrel re-exports everything (`export *`, `module.exports = require(…)`)".
//
// Each expectation asserts the correct output; those the codemod does not meet today are in KNOWN (asserted as
// failing today, with a reason), so a fix turns the file red until the entry is deleted.
import { afterAll, beforeAll, describe, expect } from "vitest";
import { removeProjects } from "./cli/test-utils/project.js";
import { describeSetExpectations, type Expectation, type KnownExpectation, projectRuns, type SetProject } from "./cli/test-utils/shapes.js";
import { HH1, HH2, pkg } from "../rules/test-utils/programs.js";

const TRACER_CJS = `const { HoneyHiveTracer } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" });

module.exports = { tracer };
`;
const LOCAL_HONEYHIVE_JS = `class HoneyHiveTracer {
  static init(options) {
    return new HoneyHiveTracer(options);
  }
  constructor(options) {
    this.options = options;
  }
  sessionStart(fields) {
    return fields;
  }
  enrichSession(fields) {
    return fields;
  }
}
function trace(fn) {
  return fn;
}
function traceTool(fn) {
  return fn;
}
module.exports = { HoneyHiveTracer, trace, traceTool, tracer: HoneyHiveTracer.init({}) };
`;

/** A 1.x tools module: `traceTool` bound inside `tracer.trace()`, at the top level of an ES module or in a script's main(). */
const tools1x = (importLines: string, where: "top" | "main", idType = ""): string => {
  const body = [
    `const tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "tools" });`,
    "await tracer.trace(async () => {",
    "  await lookup(1);",
    "});",
    "await tracer.flush();",
  ];
  const run = where === "top" ? body.join("\n") : `async function main() {\n${body.map((line) => `  ${line}`).join("\n")}\n}\n\nmain();`;
  return `${importLines}\n\nconst lookup = traceTool(async (id${idType}) => ({ id }));\n\n${run}\n`;
};

const PROJECTS: readonly SetProject[] = [
  // ---- 2.x set, CommonJS and TS module forms ----
  {
    name: "cjs-lambda-flush",
    sets: ["2x"],
    files: {
      "package.json": pkg(HH2),
      "src/handler.cjs": `const { HoneyHiveTracer, trace } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });
const summarize = trace({ eventType: "tool", tracer }, async (text) => text.slice(0, 80));

module.exports.handler = async (event) => {
  return { summary: await summarize(event.text) };
};
`,
    },
  },
  {
    name: "cjs-required-tracer-lambda",
    sets: ["2x"],
    files: {
      "package.json": pkg(HH2, { type: "commonjs" }),
      "src/lib/tracer.js": TRACER_CJS,
      "src/functions/job.js": `const { tracer } = require("../lib/tracer");

exports.handler = async (event) => {
  tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`,
    },
  },
  {
    name: "cjs-module-exports-object-handler",
    sets: ["2x"],
    files: {
      "package.json": pkg(HH2, { type: "commonjs" }),
      "src/handler.js": `const { HoneyHiveTracer } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });

async function handler(event) {
  tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
}

module.exports = { handler };
`,
    },
  },
  {
    name: "cjs-express-session-start",
    sets: ["2x"],
    files: {
      "package.json": pkg({ ...HH2, express: "^4.21.2" }, { type: "commonjs" }),
      "src/server.js": `const express = require("express");
const { tracer } = require("./tracer");

const app = express();
app.use((req, _res, next) => {
  tracer.sessionStart({ sessionName: "api-" + req.path });
  next();
});
app.listen(3000);
`,
      "src/tracer.js": TRACER_CJS,
    },
  },
  {
    name: "cjs-explicit-tracer",
    sets: ["2x"],
    files: {
      "package.json": pkg(HH2, { type: "commonjs" }),
      "src/summarize.js": `const { HoneyHiveTracer, trace, enrichSpan } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "docs" });

const summarize = trace(async (text) => {
  enrichSpan({ metadata: { length: text.length } });
  return text.slice(0, 80);
});

module.exports = { summarize, tracer };
`,
    },
  },
  {
    name: "import-equals-explicit-tracer",
    sets: ["2x"],
    files: {
      "package.json": pkg(HH2),
      "src/classify.ts": `import hh = require("honeyhive");

const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "docs" });

export const classify = hh.trace({ eventType: "tool" }, async (text: string) => {
  hh.enrichSpan({ metadata: { length: text.length } });
  return text.length > 10 ? "long" : "short";
});
export { tracer };
`,
    },
  },
  {
    name: "ns-require-evaluate",
    sets: ["2x"],
    files: {
      "package.json": pkg(HH2, { type: "commonjs" }),
      "src/eval.js": `const hh = require("honeyhive");
const ex = require("honeyhive/experiments");

const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "evals" });

ex.evaluate({
  function: tracer.trace({ eventType: "chain" }, async (datapoint) => ({ answer: datapoint.inputs.question })),
  dataset: [{ inputs: { question: "2 + 2?" } }],
  name: "ns-eval",
});
`,
    },
  },
  {
    name: "cjs-destructured-evaluate",
    sets: ["2x"],
    files: {
      "package.json": pkg(HH2, { type: "commonjs" }),
      "src/eval.js": `const { HoneyHiveTracer } = require("honeyhive");
const { evaluate } = require("honeyhive/experiments");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "evals" });
const answer = tracer.trace({ eventType: "chain" }, async (datapoint) => ({ answer: datapoint.inputs.question }));

evaluate({ function: answer, dataset: [{ inputs: { question: "2 + 2?" } }], name: "cjs-eval" });
`,
    },
  },
  {
    name: "esm-barrel-lambda",
    sets: ["2x"],
    files: {
      "package.json": pkg(HH2, { type: "module" }),
      "src/lib/index.ts": `export * from "./tracer";\n`,
      "src/lib/tracer.ts": `import { HoneyHiveTracer } from "honeyhive";\n\nexport const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" });\n`,
      "src/functions/job.ts": `import { tracer } from "../lib";

export const handler = async (event: { id: string }) => {
  tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`,
    },
  },
  {
    name: "mts-await-import-lambda",
    sets: ["2x"],
    files: {
      "package.json": pkg(HH2, { type: "module" }),
      "src/handler.mts": `const { HoneyHiveTracer } = await import("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });

export const handler = async (event: { id: string }) => {
  tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`,
    },
  },
  {
    name: "cjs-hoist-init",
    sets: ["2x"],
    files: {
      "package.json": pkg({ ...HH2, express: "^4.21.2" }, { type: "commonjs" }),
      "src/server.cjs": `const express = require("express");
const { HoneyHiveTracer } = require("honeyhive");

const app = express();
app.post("/chat", (req, res) => {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
  tracer.enrichSession({ metadata: { path: req.path } });
  res.json({ ok: true });
});
app.listen(3000);
`,
    },
  },
  {
    name: "cjs-instrumentation-provider",
    sets: ["2x"],
    files: {
      "package.json": pkg({ ...HH2, "@opentelemetry/instrumentation": "^0.203.0", "@opentelemetry/instrumentation-http": "^0.203.0" }, { type: "commonjs" }),
      "src/tracing.js": `const { registerInstrumentations } = require("@opentelemetry/instrumentation");
const { HttpInstrumentation } = require("@opentelemetry/instrumentation-http");
const { HoneyHiveTracer } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "api" });

registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });

module.exports = { tracer };
`,
    },
  },
  {
    name: "cjs-validate-session-id",
    sets: ["2x"],
    files: {
      "package.json": pkg({ ...HH2, express: "^4.21.2" }, { type: "commonjs" }),
      "src/server.js": `const express = require("express");
const hh = require("honeyhive");

const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
const app = express();
app.post("/chat", (req, res) => {
  tracer.createSession({ sessionId: req.headers["x-session-id"], skipApiCall: true });
  res.json({ ok: true });
});
`,
    },
  },
  // ---- 2.x set, second round: module objects, TypeScript's CommonJS forms, mixed files ----
  {
    name: "cjs-module-object-tracer",
    sets: ["2x"],
    files: {
      "package.json": pkg({ ...HH2, express: "^4.21.2" }, { type: "commonjs" }),
      "src/tracing.js": `const hh = require("honeyhive");\n\nexports.tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" });\n`,
      "src/handler.js": `const tracing = require("./tracing");

exports.handler = async (event) => {
  tracing.tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`,
      "src/server.js": `const express = require("express");
const tracing = require("./tracing");

const app = express();
app.use((req, _res, next) => {
  tracing.tracer.sessionStart({ sessionName: req.path });
  next();
});
`,
    },
  },
  {
    name: "ts-export-equals",
    sets: ["2x"],
    files: {
      "package.json": pkg(HH2),
      "src/tracer.ts": `import hh = require("honeyhive");\n\nconst tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" });\nexport = tracer;\n`,
      "src/handler.ts": `import tracer = require("./tracer");

export const handler = async (event: { id: string }) => {
  tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`,
      "src/entry.ts": `import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });

async function handler(event: { id: string }) {
  tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
}

export = { handler };
`,
    },
  },
  {
    name: "mixed-esm-sdk-require-experiments",
    sets: ["2x"],
    files: {
      "package.json": pkg(HH2),
      "src/eval.ts": `import { HoneyHiveTracer } from "honeyhive";
const { evaluate } = require("honeyhive/experiments");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "evals" });
const answer = tracer.trace({ eventType: "chain" }, async (datapoint: { inputs: { question: string } }) => ({ answer: datapoint.inputs.question }));

evaluate({ function: answer, dataset: [{ inputs: { question: "2 + 2?" } }], name: "mixed" });
`,
    },
  },
  {
    name: "ns-require-hoist",
    sets: ["2x"],
    files: {
      "package.json": pkg(HH2, { type: "commonjs" }),
      "src/handler.js": `// @ts-check
const hh = require("honeyhive");

/** @param {{ id: string }} event */
exports.handler = async (event) => {
  const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });
  tracer.enrichSession({ metadata: { id: event.id } });
  await tracer.forceFlush();
  return { ok: true };
};
`,
    },
  },
  {
    name: "cjs-named-handler-export",
    sets: ["2x"],
    files: {
      "package.json": pkg(HH2, { type: "commonjs" }),
      "src/tracer.js": TRACER_CJS,
      "src/handler.js": `const { tracer } = require("./tracer");

async function handler(event) {
  tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
}

exports.handler = handler;
`,
    },
  },
  {
    name: "cjs-vercel-function",
    sets: ["2x"],
    files: {
      "package.json": pkg({ ...HH2, "@vercel/node": "^5.0.0" }),
      "vercel.json": "{}\n",
      "lib/tracer.js": TRACER_CJS,
      "api/chat.js": `const { tracer } = require("../lib/tracer");

module.exports = async (req, res) => {
  tracer.enrichSession({ metadata: { url: req.url } });
  res.status(200).json({ ok: true });
};
`,
    },
  },
  // ---- --from 1, second round ----
  {
    name: "1x-mts-top-level-await-import",
    sets: ["from1"],
    files: {
      "package.json": pkg(HH1, { type: "module" }),
      "src/tools.mts": tools1x(`const { HoneyHiveTracer, traceTool } = await import("honeyhive");`, "top", ": number"),
    },
  },
  {
    name: "1x-cjs-getter-module",
    sets: ["from1"],
    files: {
      "package.json": pkg(HH1, { type: "commonjs" }),
      "src/tracing.js": `const { HoneyHiveTracer } = require("honeyhive");

let tracerPromise;
exports.getTracer = function getTracer() {
  if (!tracerPromise) tracerPromise = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" });
  return tracerPromise;
};
`,
      "src/work.js": `const { getTracer } = require("./tracing");

async function work() {
  const tracer = await getTracer();
  const step = tracer.traceTool(async (x) => x * 2);
  await tracer.trace(async () => {
    await step(2);
  });
  tracer.setFeedback({ liked: true });
  await tracer.flush();
}

module.exports = { work };
`,
    },
  },
  {
    name: "1x-cjs-ns-free-enrich",
    sets: ["from1"],
    files: {
      "package.json": pkg(HH1, { type: "commonjs" }),
      "src/step.js": `const hh = require("honeyhive");

async function main() {
  const tracer = await hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "steps" });
  await tracer.trace(async () => {
    hh.enrichSpan({ metadata: { step: 1 } });
  });
  hh.HoneyHiveTracer.enrichSpan({ metadata: { step: 2 } });
  await tracer.flush();
}

main();
`,
    },
  },
  {
    name: "1x-cjs-module-object-getter",
    sets: ["from1"],
    files: {
      "package.json": pkg(HH1, { type: "commonjs" }),
      "src/tracing.js": `const { HoneyHiveTracer } = require("honeyhive");

let tracer;
exports.getTracer = async function getTracer() {
  if (!tracer) tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" });
  return tracer;
};
`,
      "src/work.js": `const tracing = require("./tracing");

async function work() {
  const t = await tracing.getTracer();
  const run = t.traceChain(async (q) => q.toUpperCase());
  await t.trace(async () => {
    await run("hello");
  });
  await t.flush();
}

module.exports = { work };
`,
    },
  },
  {
    name: "1x-ns-import-getter",
    sets: ["from1"],
    files: {
      "package.json": pkg(HH1, { type: "module" }),
      "src/tracing.ts": `import { HoneyHiveTracer } from "honeyhive";

let tracer: HoneyHiveTracer | undefined;
export async function ensureTracer(): Promise<HoneyHiveTracer> {
  tracer ??= await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" });
  return tracer;
}
`,
      "src/work.ts": `import * as tracing from "./tracing";

export async function work() {
  const t = await tracing.ensureTracer();
  t.setMetadata({ step: "work" });
  await (await tracing.ensureTracer()).flush();
}
`,
    },
  },
  // ---- look-alikes, both sets: left byte for byte ----
  {
    name: "local-honeyhive-module",
    sets: ["2x", "from1"],
    files: {
      "package.json": pkg({ express: "^4.21.2" }, { type: "commonjs" }),
      "src/honeyhive.js": LOCAL_HONEYHIVE_JS,
      "src/server.js": `const express = require("express");
const { HoneyHiveTracer, trace, traceTool } = require("./honeyhive");

const tracer = HoneyHiveTracer.init({ name: "analytics" });
const lookup = traceTool(async (id) => ({ id }));
const answer = trace(async (q) => q);
const app = express();
app.post("/chat", async (req, res) => {
  tracer.sessionStart({ path: req.path });
  res.json({ a: await answer(req.body.q), b: await lookup(1) });
});
`,
      "src/handler.js": `const { tracer } = require("./honeyhive");

exports.handler = async (event) => {
  tracer.enrichSession({ id: event.id });
  return { ok: true };
};
`,
    },
  },
  {
    name: "other-package-honeyhivetracer",
    sets: ["2x", "from1"],
    files: {
      "package.json": pkg({ "@acme/beehive": "^1.0.0" }, { type: "commonjs" }),
      "src/handler.js": `const { HoneyHiveTracer, traceTool } = require("@acme/beehive");

const lookup = traceTool(async (id) => ({ id }));

exports.handler = async (event) => {
  const tracer = await HoneyHiveTracer.init({ hive: "main" });
  tracer.sessionStart({ id: event.id });
  await tracer.flush();
  return lookup(event.id);
};
`,
    },
  },
  {
    name: "user-defined-trace-cjs",
    sets: ["2x"],
    files: {
      "package.json": pkg(HH2, { type: "commonjs" }),
      "src/summarize.js": `const { HoneyHiveTracer } = require("honeyhive");

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
`,
    },
  },
  {
    name: "dd-trace-module-required-whole",
    sets: ["2x"],
    files: {
      "package.json": pkg({ ...HH2, "dd-trace": "^5.0.0" }, { type: "commonjs" }),
      "src/tracer.js": `module.exports = require("dd-trace").init({ service: "jobs" });\n`,
      "src/handler.js": `const tracer = require("./tracer");

module.exports.handler = async (event) => {
  const span = tracer.startSpan("work");
  span.finish();
  return { ok: true, id: event.id };
};
`,
    },
  },
  // ---- --from 1: 1.x code in CommonJS and the other styles ----
  {
    name: "1x-cjs-free-wrapper",
    sets: ["from1"],
    files: {
      "package.json": pkg(HH1, { type: "commonjs" }),
      "src/tools.js": `const { HoneyHiveTracer, traceTool } = require("honeyhive");

const lookup = traceTool(async function lookup(id) {
  return { id };
});

async function main() {
  const tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "tools" });
  await tracer.trace(async () => {
    await lookup(1);
  });
  await tracer.flush();
}

main();
`,
    },
  },
  {
    name: "1x-cjs-evaluate",
    sets: ["from1"],
    files: {
      "package.json": pkg(HH1, { type: "commonjs" }),
      "src/eval.js": `const { evaluate } = require("honeyhive");

async function answer(input) {
  return { answer: input.question };
}

evaluate({ evaluationFunction: answer, hh_api_key: process.env.HH_API_KEY, hh_project: "evals", name: "cjs-1x", dataset: [{ inputs: { question: "2 + 2?" } }] });
`,
    },
  },
  {
    name: "1x-namespace-require",
    sets: ["from1"],
    files: {
      "package.json": pkg(HH1, { type: "commonjs" }),
      "src/chain.js": `const hh = require("honeyhive");

async function main() {
  const tracer = await hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chain" });
  const run = tracer.traceChain(async (q) => q.toUpperCase());
  await tracer.trace(async () => {
    await run("hello");
  });
  tracer.setMetadata({ step: "done" });
  await tracer.flush();
}

main();
`,
    },
  },
  {
    name: "1x-import-equals",
    sets: ["from1"],
    files: {
      "package.json": pkg(HH1),
      "src/model.ts": `import hh = require("honeyhive");

export async function run(prompt: string) {
  const tracer = await hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "model" });
  const call = tracer.traceModel(async (p: string) => p.length, { eventName: "llm" });
  const out = await call(prompt);
  await tracer.flush();
  return out;
}
`,
    },
  },
  {
    name: "1x-default-import-mjs",
    sets: ["from1"],
    files: {
      "package.json": pkg(HH1, { type: "module" }),
      "src/tools.mjs": tools1x(`import honeyhive from "honeyhive";\n\nconst { HoneyHiveTracer, traceTool } = honeyhive;`, "top"),
    },
  },
  {
    name: "1x-cjs-barrel",
    sets: ["from1"],
    files: {
      "package.json": pkg(HH1, { type: "commonjs" }),
      "src/lib/hh.js": `module.exports = require("honeyhive");\n`,
      "src/tools.js": tools1x(`const { HoneyHiveTracer, traceTool } = require("./lib/hh");`, "main"),
    },
  },
  {
    name: "1x-esm-js-named-barrel",
    sets: ["from1"],
    files: {
      // A "type": "module" package: a .js file with imports and no export statement is an ES module.
      "package.json": pkg(HH1, { type: "module" }),
      "src/lib/hh.js": `export { HoneyHiveTracer, traceTool } from "honeyhive";\n`,
      "src/tools.js": tools1x(`import { HoneyHiveTracer, traceTool } from "./lib/hh.js";`, "top"),
    },
  },
  {
    name: "1x-cjs-lambda",
    sets: ["from1"],
    files: {
      "package.json": pkg(HH1, { type: "commonjs" }),
      "src/handler.js": `const { HoneyHiveTracer } = require("honeyhive");

let tracerPromise;
function getTracer() {
  if (!tracerPromise) tracerPromise = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });
  return tracerPromise;
}

exports.handler = async (event) => {
  const tracer = await getTracer();
  tracer.startSession();
  tracer.setMetadata({ id: event.id });
  await tracer.flush();
  return { ok: true };
};
`,
    },
  },
];

const { migrate, runOf, out, input } = projectRuns(PROJECTS);
/** TypeScript-only syntax written into a JavaScript file (a type annotation or `as` cast the tool wrote). */
const TS_IN_JS = /(?:let|const|var)\s+\w+\s*:\s*[A-Z]\w*|\bas\s+[A-Z]\w*\b|\)\s*:\s*[A-Z]\w*\s*[{=]/;

beforeAll(migrate, 300_000);
afterAll(removeProjects);

const EXPECTATIONS: readonly Expectation[] = [
  // lambda-force-flush
  {
    name: "a .cjs module.exports.handler gets try/finally with await tracer.forceFlush()",
    check: () => {
      const text = out("cjs-lambda-flush", "src/handler.cjs");
      expect(text).toContain("  } finally {\n    await tracer.forceFlush();\n  }");
      expect(text).toMatch(/^module\.exports\.handler = async \(event\) => \{$/m);
    },
  },
  {
    name: "exports.handler flushes the tracer required from the project's module.exports = { tracer } module",
    check: () => {
      const text = out("cjs-required-tracer-lambda", "src/functions/job.js");
      expect(text).toContain("await tracer.forceFlush();");
      expect(out("cjs-required-tracer-lambda", "src/lib/tracer.js")).toBe(input("cjs-required-tracer-lambda", "src/lib/tracer.js"));
    },
  },
  {
    name: "module.exports = { handler }: the named function declaration gets the flush",
    check: () => expect(out("cjs-module-exports-object-handler", "src/handler.js")).toContain("await tracer.forceFlush();"),
  },
  {
    name: "a handler importing the tracer through an export * barrel gets the flush (import unchanged)",
    check: () => {
      const text = out("esm-barrel-lambda", "src/functions/job.ts");
      expect(text).toContain("await tracer.forceFlush();");
      expect(text).toContain(`import { tracer } from "../lib";`);
    },
  },
  {
    name: "a .mts handler whose SDK comes from a top-level await import gets the flush",
    check: () => expect(out("mts-await-import-lambda", "src/handler.mts")).toContain("await tracer.forceFlush();"),
  },
  {
    name: "no TypeScript syntax is written into a JavaScript file (every .js/.cjs/.mjs output of the 2.x set)",
    check: () => {
      for (const project of PROJECTS) {
        if (!project.sets.includes("2x")) continue;
        for (const path of Object.keys(project.files)) {
          if (/\.[cm]?js$/.test(path)) expect(out(project.name, path), `${project.name}/${path}`).not.toMatch(TS_IN_JS);
        }
      }
    },
  },
  // session-start-to-create-session
  {
    name: "CommonJS Express middleware: sessionStart of a required tracer → createSession",
    check: () => {
      const text = out("cjs-express-session-start", "src/server.js");
      expect(text).toContain(`tracer.createSession({ sessionName: "api-" + req.path });`);
      expect(text).not.toContain("sessionStart");
    },
  },
  // explicit-tracer
  {
    name: "destructured require: trace(fn) → trace({ tracer }, fn), enrichSpan → tracer.enrichSpan, enrichSpan leaves the require",
    check: () => {
      const text = out("cjs-explicit-tracer", "src/summarize.js");
      expect(text).toContain("const summarize = trace({ tracer }, async (text) => {");
      expect(text).toContain("tracer.enrichSpan({ metadata: { length: text.length } });");
      expect(text).toContain(`const { HoneyHiveTracer, trace } = require("honeyhive");`);
    },
  },
  {
    name: "import hh = require: hh.trace({ eventType }, fn) gets the tracer, hh.enrichSpan → tracer.enrichSpan",
    check: () => {
      const text = out("import-equals-explicit-tracer", "src/classify.ts");
      expect(text).toContain(`hh.trace({ eventType: "tool", tracer }, async (text: string) => {`);
      expect(text).toContain("tracer.enrichSpan({ metadata: { length: text.length } });");
      expect(text).toContain(`import hh = require("honeyhive");`);
    },
  },
  // evaluate-managed-tracer
  {
    name: "namespace require: tracer.trace(options, fn) in evaluate() → hh.trace(options, fn), the unused tracer removed",
    check: () => {
      const text = out("ns-require-evaluate", "src/eval.js");
      expect(text).toContain(`function: hh.trace({ eventType: "chain" }, async (datapoint) =>`);
      expect(text).not.toContain("HoneyHiveTracer.init(");
      expect(text).toContain(`const hh = require("honeyhive");`);
    },
  },
  {
    name: "destructured require: tracer.trace → trace added to the require destructure, the tracer and HoneyHiveTracer removed",
    check: () => {
      const text = out("cjs-destructured-evaluate", "src/eval.js");
      expect(text).toContain(`const answer = trace({ eventType: "chain" }, async (datapoint) =>`);
      expect(text).toMatch(/const \{ trace \} = require\("honeyhive"\);/);
      expect(text).not.toContain("HoneyHiveTracer");
    },
  },
  // hoist-tracer-init
  {
    name: "a .cjs Express route's per-request init → a module-level lazy getter, no type annotation in JavaScript",
    check: () => {
      const text = out("cjs-hoist-init", "src/server.cjs");
      expect(text).toMatch(/function getTracer\(\) \{\n\s+return \(tracer \?\?= HoneyHiveTracer\.init\(/);
      expect(text).toContain("const tracer = getTracer();");
      expect(text).not.toMatch(/let tracer\s*:/);
    },
  },
  // instrumentation-provider
  {
    name: "CommonJS registerInstrumentations gets tracerProvider: tracer.provider",
    check: () => expect(out("cjs-instrumentation-provider", "src/tracing.js")).toContain("tracerProvider: tracer.provider"),
  },
  // validate-session-id
  {
    name: "CommonJS Express: a marker before createSession with the header's id",
    check: () =>
      expect(out("cjs-validate-session-id", "src/server.js")).toMatch(/\/\* honeyhive-migrate: [^*]*toSessionId\(\)[^*]*\*\/\n\s*tracer\.createSession\(\{ sessionId: req\.headers/),
  },
  // second round
  {
    name: "lambda-force-flush through a required module object (tracing.tracer): flushed by the same holder",
    check: () => expect(out("cjs-module-object-tracer", "src/handler.js")).toContain("await tracing.tracer.forceFlush();"),
  },
  {
    name: "sessionStart through a required module object (tracing.tracer.sessionStart) → createSession",
    check: () => expect(out("cjs-module-object-tracer", "src/server.js")).toContain("tracing.tracer.createSession({ sessionName: req.path });"),
  },
  {
    name: "import tracer = require of an export = module: the handler gets the flush",
    check: () => expect(out("ts-export-equals", "src/handler.ts")).toContain("await tracer.forceFlush();"),
  },
  {
    name: "export = { handler }: the handler gets the flush",
    check: () => expect(out("ts-export-equals", "src/entry.ts")).toContain("await tracer.forceFlush();"),
  },
  {
    name: "mixed file (ESM SDK import, require of honeyhive/experiments): tracer.trace → trace joins the named import",
    check: () => {
      const text = out("mixed-esm-sdk-require-experiments", "src/eval.ts");
      expect(text).toMatch(/import \{ trace \} from "honeyhive";/);
      expect(text).toContain(`const answer = trace({ eventType: "chain" }, async (datapoint`);
      expect(text).not.toContain("HoneyHiveTracer.init(");
    },
  },
  {
    name: "namespace require, // @ts-check JavaScript: the per-invocation init becomes a getter without TS syntax",
    check: () => {
      const text = out("ns-require-hoist", "src/handler.js");
      expect(text).toMatch(/return \(tracer \?\?= hh\.HoneyHiveTracer\.init\(\{ apiKey: process\.env\.HH_API_KEY, project: "jobs" \}\)\);/);
      expect(text).toContain("const tracer = getTracer();");
      expect(text).not.toMatch(TS_IN_JS);
    },
  },
  {
    name: "exports.handler = handler of a function declaration: the declaration gets the flush",
    check: () => expect(out("cjs-named-handler-export", "src/handler.js")).toContain("await tracer.forceFlush();"),
  },
  {
    name: "a CommonJS Vercel function (module.exports = async (req, res) => …): await the flush before the send",
    check: () => expect(out("cjs-vercel-function", "api/chat.js")).toContain("  await tracer.forceFlush();\n  res.status(200).json({ ok: true });"),
  },
  {
    name: "1.x .mts top-level await import: trace takes traceTool's place in the await import destructure",
    check: () => {
      const text = out("1x-mts-top-level-await-import", "src/tools.mts", "from1");
      expect(text).toMatch(/const \{ HoneyHiveTracer, trace \} = await import\("honeyhive"\);/);
      expect(text).not.toContain("traceTool");
      expect(text).not.toContain("await HoneyHiveTracer.init(");
    },
  },
  {
    name: "1.x CommonJS getter module: the awaited getter's tracer is rewritten in the consumer (traceTool, setFeedback, flush)",
    check: () => {
      const text = out("1x-cjs-getter-module", "src/work.js", "from1");
      expect(text).toMatch(/tracer\.trace\(\{ eventType: "tool" \}, async \(x\) => x \* 2\)/);
      expect(text).toContain("tracer.enrichSession({ feedback: { liked: true } });");
      expect(text).toContain("await tracer.forceFlush();");
    },
  },
  {
    name: "1.x namespace require: hh.enrichSpan and the static hh.HoneyHiveTracer.enrichSpan → tracer.enrichSpan",
    check: () => {
      const text = out("1x-cjs-ns-free-enrich", "src/step.js", "from1");
      expect(text).toContain("tracer.enrichSpan({ metadata: { step: 1 } });");
      expect(text).toContain("tracer.enrichSpan({ metadata: { step: 2 } });");
      expect(text).not.toContain("HoneyHiveTracer.enrichSpan");
    },
  },
  // look-alikes
  {
    name: "look-alikes are left byte for byte (local honeyhive module, another package's HoneyHiveTracer, a user trace(), a dd-trace module)",
    check: () => {
      const lookalikes = ["local-honeyhive-module", "other-package-honeyhivetracer", "user-defined-trace-cjs"];
      for (const name of lookalikes) {
        const project = PROJECTS.find((candidate) => candidate.name === name)!;
        for (const set of project.sets) expect(runOf(name, set).output, `${name} ${set}`).toEqual(runOf(name, set).input);
      }
    },
  },
  {
    name: "a Lambda using a dd-trace tracer module required whole is left alone (no forceFlush() of dd-trace)",
    check: () => expect(out("dd-trace-module-required-whole", "src/handler.js")).toBe(input("dd-trace-module-required-whole", "src/handler.js")),
  },
  // --from 1
  {
    name: "1.x CommonJS free traceTool → trace({ eventType: \"tool\" }, fn), trace joins the destructured require",
    check: () => {
      const text = out("1x-cjs-free-wrapper", "src/tools.js", "from1");
      expect(text).toMatch(/const \{ HoneyHiveTracer, trace \} = require\("honeyhive"\);/);
      expect(text).toMatch(/trace\(\{ eventType: "tool"[^)]*\}, async function lookup\(id\)/);
      expect(text).not.toContain("traceTool");
      expect(text).not.toContain("await HoneyHiveTracer.init(");
      expect(text).toContain("await tracer.forceFlush();");
    },
  },
  {
    name: "1.x CommonJS evaluate → require(\"honeyhive/experiments\"), evaluationFunction and the snake_case keys rewritten",
    check: () => {
      const text = out("1x-cjs-evaluate", "src/eval.js", "from1");
      expect(text).toMatch(/const \{ evaluate \} = require\("honeyhive\/experiments"\);/);
      expect(text).not.toContain("evaluationFunction");
      expect(text).toContain("function: ({ inputs }) => answer(inputs)");
      expect(text).toContain("apiKey: process.env.HH_API_KEY");
      expect(text).toContain(`project: "evals"`);
      expect(text).not.toContain("hh_api_key");
    },
  },
  {
    name: "1.x namespace require: traceChain → tracer.trace, setMetadata → enrichSession, flush → forceFlush, the require stays",
    check: () => {
      const text = out("1x-namespace-require", "src/chain.js", "from1");
      expect(text).toContain(`const hh = require("honeyhive");`);
      expect(text).toMatch(/tracer\.trace\(\{ eventType: "chain" \}, async \(q\) => q\.toUpperCase\(\)\)/);
      expect(text).toContain("tracer.enrichSession({ metadata: { step: \"done\" } });");
      expect(text).toContain("await tracer.forceFlush();");
      expect(text).not.toContain("await hh.HoneyHiveTracer.init(");
    },
  },
  {
    name: "1.x import-equals: traceModel(fn, { eventName }) → tracer.trace({ eventType: \"model\", eventName }, fn)",
    check: () => {
      const text = out("1x-import-equals", "src/model.ts", "from1");
      expect(text).toContain(`import hh = require("honeyhive");`);
      expect(text).toMatch(/tracer\.trace\(\{ eventType: "model", eventName: "llm" \}, async \(p: string\) => p\.length\)/);
      expect(text).toContain("await tracer.forceFlush();");
    },
  },
  {
    name: "1.x default import in a .mjs: the destructure becomes a named import (no default import left)",
    check: () => {
      const text = out("1x-default-import-mjs", "src/tools.mjs", "from1");
      expect(text).not.toMatch(/import honeyhive from "honeyhive"/);
      expect(text).toMatch(/import \{ [^}]*\btrace\b[^}]*\} from "honeyhive";/);
      expect(text).not.toContain("traceTool");
      expect(text).not.toContain("require(");
    },
  },
  {
    name: "1.x CommonJS barrel (module.exports = require(\"honeyhive\")): trace joins the consumer's require of the barrel",
    check: () => {
      const text = out("1x-cjs-barrel", "src/tools.js", "from1");
      expect(text).toMatch(/const \{ HoneyHiveTracer, trace \} = require\("\.\/lib\/hh"\);/);
      expect(text).not.toContain("traceTool");
      expect(out("1x-cjs-barrel", "src/lib/hh.js", "from1")).toBe(input("1x-cjs-barrel", "src/lib/hh.js"));
    },
  },
  {
    name: "1.x named barrel in a \"type\": \"module\" .js file: trace imported with import, never require",
    check: () => {
      const text = out("1x-esm-js-named-barrel", "src/tools.js", "from1");
      expect(text).toMatch(/import \{ trace \} from "honeyhive";/);
      expect(text).not.toContain("require(");
      expect(text).not.toMatch(/\btraceTool\(/);
    },
  },
  {
    name: "1.x CommonJS Lambda: startSession → createSession, setMetadata → enrichSession, flush → forceFlush, no TS syntax",
    check: () => {
      const text = out("1x-cjs-lambda", "src/handler.js", "from1");
      expect(text).toContain("tracer.createSession();");
      expect(text).toContain("tracer.enrichSession({ metadata: { id: event.id } });");
      expect(text).toContain("await tracer.forceFlush();");
      expect(text).not.toMatch(TS_IN_JS);
    },
  },
  {
    name: "1.x getter of a required module object (tracing.getTracer()): the awaited tracer's traceChain and flush rewritten",
    check: () => {
      const text = out("1x-cjs-module-object-getter", "src/work.js", "from1");
      expect(text).toMatch(/t\.trace\(\{ eventType: "chain" \}, async \(q\) => q\.toUpperCase\(\)\)/);
      expect(text).toContain("await t.forceFlush();");
    },
  },
  {
    name: "1.x getter of a namespace import (import * as tracing): setMetadata and (await tracing.ensureTracer()).flush() rewritten",
    check: () => {
      const text = out("1x-ns-import-getter", "src/work.ts", "from1");
      expect(text).toContain(`t.enrichSession({ metadata: { step: "work" } });`);
      expect(text).toContain("await (await tracing.ensureTracer()).forceFlush();");
    },
  },
  {
    name: "no TypeScript syntax is written into a JavaScript file by --from 1",
    check: () => {
      for (const project of PROJECTS) {
        if (!project.sets.includes("from1")) continue;
        for (const path of Object.keys(project.files)) {
          if (/\.[cm]?js$/.test(path)) expect(out(project.name, path, "from1"), `${project.name}/${path}`).not.toMatch(TS_IN_JS);
        }
      }
    },
  },
];

/** Expectations the codemod does not meet today (asserted failing; a fix turns them red: then delete the entry). */
// First run (31 projects, 34 runs of their sets, 2026-12-06): 4 not met, the same engine gaps as rules/blind-cases-10's KNOWN
// (the transforms share the rules' detection), one wrong expectation of mine fixed (1.x evaluate's keys are
// `hh_api_key`/`hh_project`, not camelCase). Two more projects (1.x getters of a required module object and of a
// namespace import, which migrating-from-1x.md promises) were right. The two module-object entries were fixed by
// lead-modobj (a whole-module binding's member read as the module's export), the two `export =` ones by fix-blind10
// (`export =` read as `module.exports =`, `import x = require()` of a project module followed). None left.
const KNOWN: readonly KnownExpectation[] = [];

describe("blind 10: migrate across import styles and module systems", () => {
  describeSetExpectations(PROJECTS, runOf, EXPECTATIONS, KNOWN);
});
