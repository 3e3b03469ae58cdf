// The programs of blind round 21 (rules/blind-cases-21.test.ts: the messages of the eight rules; codemods/blind-21.test.ts:
// what `honeyhive migrate` makes of them): IMPORT STYLES, MODULE LAYOUTS and SDK VERSIONS. Each is a small project whose
// layout decides the answer: the tracer in a module of its own reached through a tsconfig `paths` alias, a `baseUrl`
// import, a barrel, package.json `imports` (`#obs`), a workspace package, a default export, a getter, a class static, a
// DI container, a destructured export; the SDK imported by default interop, as a namespace, renamed in a `require`,
// through `await import()`, type-only beside a value import, from `honeyhive/experiments`, re-exported by a project
// module, from `.mts`/`.cts`/`.mjs` files and a CommonJS project; honeyhive declared as `^1.0.30`, `1.0.42`, `latest`,
// `workspace:*`, a git URL, an `npm:` alias, in a lock file only or nowhere; and look-alikes (an OpenTelemetry or
// dd-trace `tracer.ts`, `honeyhive-*` packages that are not this SDK, a test's own `HoneyHiveTracer` class).
//
// Most programs hold the tracer under a neutral name (`obs`, `monitor`, `telemetry`) and call only methods other
// libraries share (`startSpan`, `sessionStart`): only the module the import resolves to says it is HoneyHive's, so
// the layout is what is tested, not the name.
import { blindProgram, HH1, HH2, pkg } from "./programs.js";

const program = blindProgram;

/** A module exporting a HoneyHive tracer under `name`. */
const obsModule = (name: string, project = "app"): string => `import { HoneyHiveTracer } from "honeyhive";

export const ${name} = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "${project}" });
`;
const OBS_TS = obsModule("obs");

/** A 2.x Lambda project (`@types/aws-lambda`) of `extra` files. */
const lambdaProject = (extra: Readonly<Record<string, string>>, deps: Readonly<Record<string, string>> = HH2, pkgExtra: Readonly<Record<string, unknown>> = {}): Record<string, string> => ({
  "package.json": pkg({ ...deps }, { devDependencies: { "@types/aws-lambda": "^8.10.145" }, ...pkgExtra }),
  ...extra,
});

/** A 2.x Express project of `extra` files. */
const expressProject = (extra: Readonly<Record<string, string>>, deps: Readonly<Record<string, string>> = HH2, pkgExtra: Readonly<Record<string, unknown>> = {}): Record<string, string> => ({
  "package.json": pkg({ ...deps, express: "^4.21.1" }, pkgExtra),
  ...extra,
});

/** An Express server whose one route starts a session on `name` (imported by `importLine`): the start on line 7. */
const expressRoute = (importLine: string, name: string): string => `import express from "express";
${importLine}

const app = express();

app.post("/chat", async (req, res) => {
  ${name}.sessionStart({ sessionName: "chat" });
  const reply = await ${name}.startSpan("reply", async () => String(req.body.message).toUpperCase());
  res.json({ reply });
});

app.listen(3000);
`;

/** A Lambda handler (line 4) tracing through `name` (imported by `importLine`), no flush. */
const lambdaHandler = (importLine: string, name: string): string => `import type { APIGatewayProxyHandlerV2 } from "aws-lambda";
${importLine}

export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  const reply = await ${name}.startSpan("reply", async () => String(event.body ?? "").toUpperCase());
  return { statusCode: 200, body: reply };
};
`;

const TSCONFIG_AT = JSON.stringify({ compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", strict: true, paths: { "@/*": ["./src/*"] } } }, null, 2);

// ================================================================================================================
// The tracer in a module of its own
// ================================================================================================================

export const PATHS_AT_ALIAS = program(
  "src/server.ts",
  expressProject({ "tsconfig.json": TSCONFIG_AT, "src/lib/observability.ts": OBS_TS }),
  expressRoute(`import { obs } from "@/lib/observability";`, "obs"),
);

export const PATHS_TILDE_ALIAS = program(
  "server/functions/chat.ts",
  lambdaProject({
    "tsconfig.json": `{\n  // Nuxt-style root alias\n  "compilerOptions": {\n    "strict": true,\n    "paths": { "~/*": ["./*"] },\n  },\n}\n`,
    "server/hh.ts": obsModule("hh"),
  }),
  lambdaHandler(`import { hh as monitor } from "~/server/hh";`, "monitor"),
);

export const BASEURL_IMPORT = program(
  "src/routes/chat.ts",
  expressProject({ "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: "src", strict: true } }), "src/lib/obs.ts": OBS_TS }),
  expressRoute(`import { obs } from "lib/obs";`, "obs"),
);

export const TSCONFIG_EXTENDS_PATHS = program(
  "apps/api/src/chat.ts",
  lambdaProject({
    "apps/api/tsconfig.json": JSON.stringify({ extends: "./tsconfig.base.json", compilerOptions: { outDir: "dist" } }),
    "apps/api/tsconfig.base.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@obs": ["src/observability/index.ts"] } } }),
    "apps/api/src/observability/index.ts": obsModule("telemetry"),
  }),
  lambdaHandler(`import { telemetry } from "@obs";`, "telemetry"),
);

export const JSCONFIG_PATHS_JS = program(
  "functions/ask.js",
  {
    "package.json": pkg({ ...HH2 }, { type: "module" }),
    "jsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@lib/*": ["lib/*"] } } }),
    "lib/monitor.js": obsModule("monitor"),
  },
  `import { monitor } from "@lib/monitor.js";

export const handler = async (event) => {
  const answer = await monitor.startSpan("answer", async () => String(event.question).trim());
  return { statusCode: 200, body: JSON.stringify({ answer }) };
};
`,
);

export const BARREL_EXPORT_STAR = program(
  "src/handlers/summarize.ts",
  lambdaProject({
    "src/lib/index.ts": `export * from "./observability";\nexport * from "./db";\n`,
    "src/lib/observability.ts": obsModule("telemetry"),
    "src/lib/db.ts": `export const db = { query: async (sql: string) => [sql] };\n`,
  }),
  lambdaHandler(`import { telemetry } from "../lib";`, "telemetry"),
);

export const BARREL_DEFAULT_AS = program(
  "src/server.ts",
  expressProject({
    "src/observability/index.ts": `export { default as monitor } from "./honeyhive";\n`,
    "src/observability/honeyhive.ts": `import { HoneyHiveTracer } from "honeyhive";\n\nexport default HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "app" });\n`,
  }),
  expressRoute(`import { monitor } from "./observability";`, "monitor"),
);

export const PKG_IMPORTS_HASH = program(
  "src/server.ts",
  expressProject({ "src/lib/obs.ts": OBS_TS }, HH2, { type: "module", imports: { "#obs": "./src/lib/obs.ts" } }),
  expressRoute(`import { obs } from "#obs";`, "obs"),
);

export const PKG_IMPORTS_CONDITIONS = program(
  "src/functions/chat.ts",
  lambdaProject({ "src/telemetry/index.ts": obsModule("telemetry") }, HH2, {
    type: "module",
    imports: { "#telemetry": { types: "./src/telemetry/index.ts", default: "./dist/telemetry/index.js" }, "#internal/*": "./src/internal/*.ts" },
  }),
  lambdaHandler(`import { telemetry } from "#telemetry";`, "telemetry"),
);

export const WORKSPACE_PACKAGE_TRACER = program(
  "apps/api/src/server.ts",
  {
    "package.json": JSON.stringify({ name: "acme", private: true, workspaces: ["apps/*", "packages/*"] }),
    "apps/api/package.json": JSON.stringify({ name: "@acme/api", private: true, dependencies: { "@acme/observability": "*", express: "^4.21.1" } }),
    "packages/observability/package.json": JSON.stringify({ name: "@acme/observability", version: "0.0.0", main: "./src/index.ts", types: "./src/index.ts", exports: { ".": "./src/index.ts" }, dependencies: HH2 }),
    "packages/observability/src/index.ts": obsModule("tracer"),
  },
  expressRoute(`import { tracer } from "@acme/observability";`, "tracer"),
);

export const DEFAULT_EXPORT_TRACER = program(
  "src/routes/chat.ts",
  expressProject({ "src/tracer.ts": `import { HoneyHiveTracer } from "honeyhive";\n\nconst tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "app" });\n\nexport default tracer;\n` }),
  expressRoute(`import monitor from "../tracer";`, "monitor"),
);

export const USE_TRACER_GETTER = program(
  "src/functions/chat.ts",
  lambdaProject({
    "src/lib/use-tracer.ts": `import { HoneyHiveTracer } from "honeyhive";

let instance: HoneyHiveTracer | undefined;

export function useTracer(): HoneyHiveTracer {
  instance ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "app" });
  return instance;
}
`,
  }),
  `import type { APIGatewayProxyHandlerV2 } from "aws-lambda";
import { useTracer } from "../lib/use-tracer";

export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  const reply = await useTracer().startSpan("reply", async () => String(event.body ?? "").toUpperCase());
  return { statusCode: 200, body: reply };
};
`,
);

export const CLASS_STATIC_TRACER = program(
  "src/server.ts",
  expressProject({
    "src/observability.ts": `import { HoneyHiveTracer } from "honeyhive";

export class Observability {
  static readonly tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "app" });
}
`,
  }),
  `import express from "express";
import { Observability } from "./observability";

const app = express();

app.post("/chat", async (req, res) => {
  Observability.tracer.sessionStart({ sessionName: "chat" });
  const reply = await Observability.tracer.startSpan("reply", async () => String(req.body.message));
  res.json({ reply });
});

app.listen(3000);
`,
);

export const AWILIX_CONTAINER = program(
  "src/server.ts",
  expressProject(
    {
      "src/container.ts": `import { asValue, createContainer } from "awilix";
import { HoneyHiveTracer } from "honeyhive";

export const container = createContainer();
container.register({ tracer: asValue(HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "app" })) });
`,
    },
    { ...HH2, awilix: "^12.0.3" },
  ),
  `import express from "express";
import type { HoneyHiveTracer } from "honeyhive";
import { container } from "./container";

const app = express();

app.post("/chat", async (req, res) => {
  const tracer = container.resolve<HoneyHiveTracer>("tracer");
  tracer.sessionStart({ sessionName: "chat" });
  res.json({ ok: true, message: String(req.body.message) });
});

app.listen(3000);
`,
);

export const DESTRUCTURED_SETUP_EXPORT = program(
  "src/server.ts",
  expressProject({
    "src/setup.ts": `import { HoneyHiveTracer } from "honeyhive";

function setup() {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "app" });
  return { tracer, provider: tracer.provider };
}

export const { tracer: monitor, provider } = setup();
`,
  }),
  expressRoute(`import { monitor } from "./setup";`, "monitor"),
);

// ================================================================================================================
// How the SDK is imported
// ================================================================================================================

export const DEFAULT_INTEROP_IMPORT = program(
  "src/server.ts",
  expressProject({}),
  `import express from "express";
import HoneyHive from "honeyhive";

const app = express();

app.post("/chat", async (req, res) => {
  const tracer = HoneyHive.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "app" });
  const reply = await tracer.startSpan("reply", async () => String(req.body.message));
  res.json({ reply });
});

app.listen(3000);
`,
);

export const REQUIRE_RENAMED_CLASS = program(
  "index.js",
  lambdaProject({}, HH2, { type: "commonjs", main: "index.js" }),
  `const { HoneyHiveTracer: T } = require("honeyhive");

const monitor = T.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });

exports.handler = async (event) => {
  const result = await monitor.startSpan("process", async () => JSON.stringify(event));
  return { statusCode: 200, body: result };
};
`,
);

export const AWAIT_IMPORT_IN_ROUTE = program(
  "src/server.ts",
  expressProject({}, HH2, { type: "module" }),
  `import express from "express";

const app = express();

app.post("/chat", async (req, res) => {
  const { HoneyHiveTracer } = await import("honeyhive");
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "app" });
  const reply = await tracer.startSpan("reply", async () => String(req.body.message));
  res.json({ reply });
});

app.listen(3000);
`,
);

export const ASYNC_INIT_AWAIT_IMPORT = program(
  "src/handler.ts",
  lambdaProject({}, HH2, { type: "module" }),
  `import type { APIGatewayProxyHandlerV2 } from "aws-lambda";
import type { HoneyHiveTracer } from "honeyhive";

let monitor: HoneyHiveTracer | undefined;

async function init(): Promise<HoneyHiveTracer> {
  const hh = await import("honeyhive");
  monitor ??= hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "app" });
  return monitor;
}

export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  const obs = await init();
  const reply = await obs.startSpan("reply", async () => String(event.body ?? ""));
  return { statusCode: 200, body: reply };
};
`,
);

export const TYPE_IMPORT_PARAMETER = program(
  "src/routes.ts",
  expressProject({}),
  `import type { Express } from "express";
import type { HoneyHiveTracer } from "honeyhive";

export function registerRoutes(app: Express, obs: HoneyHiveTracer): void {
  app.post("/chat", async (req, res) => {
    obs.sessionStart({ sessionName: "chat" });
    const reply = await obs.startSpan("reply", async () => String(req.body.message));
    res.json({ reply });
  });
}
`,
);

export const TYPE_AND_VALUE_SPLIT = program(
  "src/functions/ask.ts",
  lambdaProject({}),
  `import type { APIGatewayProxyHandlerV2 } from "aws-lambda";
import type { HoneyHiveTracer as Tracer } from "honeyhive";
import { HoneyHiveTracer } from "honeyhive";

const monitor: Tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "ask" });

export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  const answer = await monitor.startSpan("answer", async () => String(event.body ?? "").trim());
  return { statusCode: 200, body: answer };
};
`,
);

export const EXPERIMENTS_ALIAS_TRACER = program(
  "scripts/eval.ts",
  { "package.json": pkg({ ...HH2 }, { type: "module" }), "tsconfig.json": TSCONFIG_AT, "src/lib/observability.ts": OBS_TS },
  `import { trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
import { obs } from "@/lib/observability";

const answer = trace({ eventType: "chain", tracer: obs }, async (datapoint: { inputs: { question: string } }) => datapoint.inputs.question.toUpperCase());

await evaluate({
  name: "uppercase",
  function: answer,
  dataset: [{ inputs: { question: "hi" } }],
});
`,
);

export const PROJECT_REEXPORT_RENAMED_SDK = program(
  "src/server.ts",
  expressProject({ "src/lib/hh.ts": `export { HoneyHiveTracer as Tracer, trace } from "honeyhive";\n` }),
  `import express from "express";
import { Tracer } from "./lib/hh";

const app = express();

app.post("/chat", async (req, res) => {
  const obs = Tracer.init({ apiKey: process.env.HH_API_KEY, project: "app" });
  const reply = await obs.startSpan("reply", async () => String(req.body.message));
  res.json({ reply });
});

app.listen(3000);
`,
);

export const MTS_HANDLER = program(
  "src/handler.mts",
  lambdaProject({ "src/telemetry.mts": obsModule("telemetry") }, HH2, { type: "module" }),
  lambdaHandler(`import { telemetry } from "./telemetry.mjs";`, "telemetry"),
);

export const CTS_HANDLER = program(
  "src/handler.cts",
  lambdaProject({ "src/monitor.cts": `import { HoneyHiveTracer } from "honeyhive";\n\nexport const monitor = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "app" });\n` }),
  `import type { APIGatewayProxyHandlerV2 } from "aws-lambda";
import { monitor } from "./monitor.cjs";

export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  const reply = await monitor.startSpan("reply", async () => String(event.body ?? "").toUpperCase());
  return { statusCode: 200, body: reply };
};
`,
);

export const MJS_HANDLER = program(
  "handler.mjs",
  { "package.json": pkg({ ...HH2 }), "observability.mjs": obsModule("obs") },
  `import { obs } from "./observability.mjs";

export const handler = async (event) => {
  const reply = await obs.startSpan("reply", async () => String(event.body ?? "").toUpperCase());
  return { statusCode: 200, body: reply };
};
`,
);

export const COMMONJS_WHOLE_MODULE = program(
  "src/index.js",
  {
    "package.json": pkg({ ...HH2 }, { type: "commonjs", main: "src/index.js" }),
    "serverless.yml": `service: jobs\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n  run:\n    handler: src/index.handler\n`,
    "src/observability.js": `const { HoneyHiveTracer } = require("honeyhive");\n\nexports.tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });\n`,
  },
  `const observability = require("./observability");

exports.handler = async (event) => {
  const result = await observability.tracer.startSpan("run", async () => JSON.stringify(event));
  return { statusCode: 200, body: result };
};
`,
);

// ================================================================================================================
// SDK versions
// ================================================================================================================

const LAMBDA_1X = `import type { APIGatewayProxyHandlerV2 } from "aws-lambda";
import { HoneyHiveTracer } from "honeyhive";

const tracerPromise = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs", sessionName: "jobs" });

export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  const tracer = await tracerPromise;
  const run = tracer.traceFunction({ eventType: "tool" })(async (body: string) => body.toUpperCase());
  const result = await run(event.body ?? "");
  return { statusCode: 200, body: result };
};
`;

export const V1_CARET_1030_LAMBDA = program("src/handler.ts", lambdaProject({}, { honeyhive: "^1.0.30" }), LAMBDA_1X);

export const V1_EXACT_1042_FLUSHED = program(
  "src/handler.ts",
  lambdaProject({}, { honeyhive: "1.0.42" }),
  `import type { APIGatewayProxyHandlerV2 } from "aws-lambda";
import { HoneyHiveTracer } from "honeyhive";

const tracerPromise = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs", sessionName: "jobs" });

export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  const tracer = await tracerPromise;
  try {
    const run = tracer.traceFunction({ eventType: "tool" })(async (body: string) => body.toUpperCase());
    return { statusCode: 200, body: await run(event.body ?? "") };
  } finally {
    await tracer.flush();
  }
};
`,
);

export const V1_INIT_IN_ROUTE_GIT_URL = program(
  "src/server.ts",
  expressProject({}, { honeyhive: "git+https://github.com/honeyhiveai/honeyhive-typescript.git#v1.0.42" }),
  `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

const app = express();

app.post("/chat", async (req, res) => {
  const tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "app", sessionName: "chat" });
  const answer = tracer.traceFunction()(async (message: string) => message.toUpperCase());
  res.json({ reply: await answer(String(req.body.message)) });
});

app.listen(3000);
`,
);

export const LATEST_RANGE_SESSION_START = program(
  "src/server.ts",
  expressProject({ "src/tracing.ts": obsModule("tracer") }, { honeyhive: "latest" }),
  expressRoute(`import { tracer } from "./tracing";`, "tracer"),
);

export const WORKSPACE_RANGE_LAMBDA = program(
  "apps/jobs/src/handler.ts",
  {
    "package.json": JSON.stringify({ name: "sdk-monorepo", private: true, workspaces: ["apps/*", "packages/*"] }),
    "apps/jobs/package.json": pkg({ honeyhive: "workspace:*" }, { devDependencies: { "@types/aws-lambda": "^8.10.145" } }),
    "apps/jobs/src/tracing.ts": obsModule("obs"),
  },
  lambdaHandler(`import { obs } from "./tracing";`, "obs"),
);

export const NPM_ALIAS_DEPENDENCY = program(
  "src/server.ts",
  expressProject({}, { hh: "npm:honeyhive@^2.0.0" }),
  `import express from "express";
import { HoneyHiveTracer } from "hh";

const obs = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "app" });
const app = express();

app.post("/chat", async (req, res) => {
  obs.sessionStart({ sessionName: "chat" });
  const reply = await obs.startSpan("reply", async () => String(req.body.message));
  res.json({ reply });
});

app.listen(3000);
`,
);

export const NO_DEPENDENCY_DECLARED_1X_CODE = program(
  "tools/worker/handler.ts",
  { "package.json": pkg({}, { devDependencies: { "@types/aws-lambda": "^8.10.145" } }) },
  LAMBDA_1X,
);

export const LOCKFILE_ONLY_2X = program(
  "src/handler.ts",
  {
    "package.json": pkg({}, { devDependencies: { "@types/aws-lambda": "^8.10.145" } }),
    "package-lock.json": JSON.stringify({ name: "app", lockfileVersion: 3, requires: true, packages: { "": { name: "app" }, "node_modules/honeyhive": { version: "2.0.3" } } }),
    "src/tracing.ts": obsModule("obs"),
  },
  lambdaHandler(`import { obs } from "./tracing";`, "obs"),
);

export const V2_CODE_IN_V1_PROJECT = program(
  "src/handler.ts",
  lambdaProject({ "src/tracing.ts": obsModule("tracer") }, HH1),
  `import type { APIGatewayProxyHandlerV2 } from "aws-lambda";
import { tracer } from "./tracing";

export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  try {
    tracer.createSession({ sessionName: "chat" });
    const reply = await tracer.startSpan("reply", async () => String(event.body ?? ""));
    return { statusCode: 200, body: reply };
  } finally {
    await tracer.forceFlush();
  }
};
`,
);

export const V1_CODE_IN_V2_PROJECT = program(
  "src/server.ts",
  expressProject({}),
  `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

const tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "app" });
const app = express();

app.post("/chat", async (req, res) => {
  await tracer.startSession({ sessionName: "chat" });
  res.json({ ok: String(req.body.message) });
});

app.listen(3000);
`,
);

// ================================================================================================================
// Look-alikes
// ================================================================================================================

export const OTEL_TRACER_MODULE = program(
  "src/handler.ts",
  lambdaProject(
    {
      "src/tracer.ts": `import { trace } from "@opentelemetry/api";\n\nexport const tracer = trace.getTracer("orders");\n`,
    },
    { "@opentelemetry/api": "^1.9.0" },
  ),
  `import type { APIGatewayProxyHandlerV2 } from "aws-lambda";
import { tracer } from "./tracer";

export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  const span = tracer.startSpan("order");
  span.end();
  return { statusCode: 200, body: String(event.body ?? "") };
};
`,
);

export const DDTRACE_ALIAS_MODULE = program(
  "src/handler.ts",
  lambdaProject(
    {
      "tsconfig.json": TSCONFIG_AT,
      "src/lib/tracer.ts": `import tracer from "dd-trace";\n\ntracer.init({ service: "orders" });\n\nexport default tracer;\n`,
    },
    { "dd-trace": "^5.28.0" },
  ),
  `import type { APIGatewayProxyHandlerV2 } from "aws-lambda";
import tracer from "@/lib/tracer";

export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  const body = await tracer.trace("order", async () => String(event.body ?? ""));
  return { statusCode: 200, body };
};
`,
);

export const HONEYHIVE_PREFIXED_PACKAGE = program(
  "src/server.ts",
  expressProject({}, { "honeyhive-analytics": "^0.3.1" }),
  `import express from "express";
import { Tracer } from "honeyhive-analytics";

const tracer = new Tracer({ writeKey: process.env.ANALYTICS_KEY });
const app = express();

app.post("/chat", async (req, res) => {
  tracer.sessionStart({ userId: String(req.body.userId) });
  res.json({ ok: true });
});

app.listen(3000);
`,
);

export const HONEYHIVE_SCOPED_LOOKALIKE = program(
  "src/handler.ts",
  lambdaProject({}, { "@honeyhive-labs/mock-tracer": "^0.1.0" }),
  `import type { APIGatewayProxyHandlerV2 } from "aws-lambda";
import { HoneyHiveTracer } from "@honeyhive-labs/mock-tracer";

const tracer = HoneyHiveTracer.init({ project: "test" });

export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  const reply = await tracer.startSpan("reply", async () => String(event.body ?? ""));
  return { statusCode: 200, body: reply };
};
`,
);

export const TEST_LOCAL_MOCK_CLASS = program(
  "src/__tests__/server.test.ts",
  expressProject({}, HH2, { devDependencies: { vitest: "^2.1.8", supertest: "^7.0.0" } }),
  `import express from "express";
import request from "supertest";
import { expect, it } from "vitest";

class HoneyHiveTracer {
  sessions: string[] = [];
  static init(): HoneyHiveTracer {
    return new HoneyHiveTracer();
  }
  sessionStart(options: { sessionName: string }): void {
    this.sessions.push(options.sessionName);
  }
}

it("starts a session", async () => {
  const tracer = HoneyHiveTracer.init();
  const app = express();
  app.post("/chat", (req, res) => {
    tracer.sessionStart({ sessionName: "chat" });
    res.json({ ok: true });
  });
  await request(app).post("/chat");
  expect(tracer.sessions).toEqual(["chat"]);
});
`,
);

export const OWN_SESSION_MODULE = program(
  "src/server.ts",
  expressProject({
    "src/tracer.ts": `import { randomUUID } from "node:crypto";

export const tracer = {
  current: undefined as string | undefined,
  sessionStart(options: { sessionName: string }) {
    this.current = \`\${options.sessionName}-\${randomUUID()}\`;
    return this.current;
  },
  async startSpan<T>(name: string, fn: () => Promise<T>): Promise<T> {
    console.log("span", name, this.current);
    return fn();
  },
};
`,
  }),
  expressRoute(`import { tracer } from "./tracer";`, "tracer"),
);

export const OTEL_SDK_EXPORT_STAR_BARREL = program(
  "src/handler.ts",
  lambdaProject(
    {
      "src/observability/index.ts": `export * from "./otel";\n`,
      "src/observability/otel.ts": `import { trace } from "@opentelemetry/api";\nimport { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";\n\nexport const provider = new NodeTracerProvider();\nprovider.register();\nexport const telemetry = trace.getTracer("jobs");\n`,
    },
    { "@opentelemetry/api": "^1.9.0", "@opentelemetry/sdk-trace-node": "^1.28.0" },
  ),
  `import type { APIGatewayProxyHandlerV2 } from "aws-lambda";
import { telemetry } from "./observability";

export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  const span = telemetry.startSpan("job");
  span.end();
  return { statusCode: 200, body: String(event.body ?? "") };
};
`,
);

export const HASH_IMPORT_SENTRY = program(
  "src/server.ts",
  expressProject({ "src/obs.ts": `import * as Sentry from "@sentry/node";\n\nSentry.init({ dsn: process.env.SENTRY_DSN });\n\nexport const obs = { sessionStart: (o: { sessionName: string }) => Sentry.startSession(o), startSpan: Sentry.startSpan };\n` }, { "@sentry/node": "^8.40.0" }, {
    type: "module",
    imports: { "#obs": "./src/obs.ts" },
  }),
  expressRoute(`import { obs } from "#obs";`, "obs"),
);
