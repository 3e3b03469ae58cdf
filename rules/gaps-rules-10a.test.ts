// gaps-rules-10a: where the tracer lives, the holders the engine did not read (issues 13, 16). Each block pairs the
// shapes that hold the app's one tracer with quiet look-alikes beside them:
// 1. a class imported from a project module and used as `Obs.getInstance().tracer` / `Obs.instance.tracer` (its
//    `tracerHolders` fact carries the static members that give the class's one instance: `singletons`);
// 2. a class-expression singleton (`const Obs = class { … }`, `export const Obs = class …`);
// 3. Fastify `decorate` on a plugin's parameter (`fp(async (fastify) => fastify.decorate("tracer", tracer))`), read as
//    `app.tracer` / `request.server.tracer` in the app that registers it, same file or an imported plugin;
// 4. `this.tracer` in a non-arrow Fastify handler or hook (Fastify binds `this` to the instance);
// 5. Awilix registrations (KNOWN below: the reason there).
import { describe } from "vitest";
import { type AnyRule, type Case, describeBlindCases, type Known } from "./test-utils/blind-cases.js";
import sessionStartRule, { RULE_NAME as SESSION_START_RULE } from "./no-session-start-in-handler.js";
import flushRule, { RULE_NAME as FLUSH_RULE } from "./require-force-flush-in-lambda.js";
import explicitRule, { RULE_NAME as EXPLICIT_RULE } from "./require-explicit-tracer.js";

// Awilix does not fit knowledge/di-containers.ts as data (checked against its README, awilix 5–13 on unpkg, and its .d.ts
// on jsdocs.io with the search tool, 2026-12-06): that table resolves a CLASS of the file (`container.resolve(Tracing)`)
// and asks what the instance holds, while Awilix resolves a NAME (`container.resolve("tracer")`, `container.cradle.tracer`,
// a constructor's destructured `({ tracer })` in PROXY mode) to what `register({ tracer: asValue(t) | asClass(C) |
// asFunction(f) })` registered under it, its lifetime chained (`.singleton()`, `.scoped()`, default transient) or given
// as `{ lifetime: Lifetime.SINGLETON }`; its container is made by a call (`createContainer()`), which no descriptor field
// names. Reading it needs a tracer kind "registered under a name" in the SDK model and a name-keyed registration reader,
// engine code beyond a descriptor field: left for the owner.
const KNOWN: readonly Known[] = [
  { rule: SESSION_START_RULE, kind: "miss", match: "Awilix", reason: "name-keyed DI registrations are no class resolution (see above)" },
];

const c = (name: string, code: string, extra: Omit<Case, "name" | "code"> = {}): Case => ({ name, code, ...extra });
const pkg = (deps: Record<string, string>): string => JSON.stringify({ name: "app", private: true, dependencies: deps });
const HH = { honeyhive: "^2.0.0" };
const EXPRESS = { "package.json": pkg({ ...HH, express: "^4.21.2" }) };
const FASTIFY = { "package.json": pkg({ ...HH, fastify: "^5.2.0", "fastify-plugin": "^5.0.1" }) };
const PLAIN = { "package.json": pkg(HH) };
const INIT = `HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" })`;

/** An Express route calling `call` (a session start on a tracer reached through a holder). */
const expressRoute = (imports: string, call: string): string => `import express from "express";
${imports}
const app = express();
app.post("/chat", (req, res) => {
  ${call};
  res.json(req.body);
});
`;

// ---- 1. singleton classes of a project module ----
const GET_INSTANCE_CLASS = `class Observability {
  private static instance: Observability | undefined;
  readonly tracer = ${INIT};
  static getInstance(): Observability {
    if (!Observability.instance) Observability.instance = new Observability();
    return Observability.instance;
  }
}`;
const STATIC_FIELD_CLASS = `class Observability {
  static readonly instance = new Observability();
  readonly tracer = ${INIT};
}`;
const PRIVATE_LAZY_CLASS = `class Observability {
  static #instance: Observability | undefined;
  readonly #tracer = ${INIT};
  static getInstance(): Observability {
    return (Observability.#instance ??= new Observability());
  }
  get tracer(): HoneyHiveTracer {
    return this.#tracer;
  }
}`;
/** A class whose `getInstance()` makes a new instance (and tracer) per call: a factory, not a singleton. */
const FACTORY_CLASS = `class Observability {
  readonly tracer = ${INIT};
  static getInstance(): Observability {
    return new Observability();
  }
}`;
/** A singleton holding an in-house `Tracer` (no SDK). */
const LOCAL_TRACER_SINGLETON = `class Tracer {
  sessionStart(fields: { sessionName?: string }): string {
    return fields.sessionName ?? "";
  }
}
export class Observability {
  static readonly instance = new Observability();
  readonly tracer = new Tracer();
}
`;
const IMPORT_HH = `import { HoneyHiveTracer } from "honeyhive";\n\n`;
const esm = (klass: string): string => `${IMPORT_HH}export ${klass}\n`;
const esmDefault = (klass: string): string => `${IMPORT_HH}export default ${klass}\n`;
const cjs = (klass: string): string => `const { HoneyHiveTracer } = require("honeyhive");\n\n${klass.replace(/: Observability \| undefined|: Observability|: HoneyHiveTracer|private |readonly /g, "")}\n\nmodule.exports = { Observability };\n`;

describe(`${SESSION_START_RULE} (gaps-rules-10a: 1. a singleton class of a project module)`, () => {
  const reported: Case[] = [
    c("ESM export class, Observability.getInstance().tracer", expressRoute(`import { Observability } from "./observability";`, `Observability.getInstance().tracer.sessionStart({ sessionName: "chat" })`), {
      filename: "src/server.ts",
      files: { ...EXPRESS, "src/observability.ts": esm(GET_INSTANCE_CLASS) },
    }),
    c("ESM export class, Observability.instance.tracer (static field)", expressRoute(`import { Observability } from "./observability";`, `Observability.instance.tracer.sessionStart({ sessionName: "chat" })`), {
      filename: "src/server.ts",
      files: { ...EXPRESS, "src/observability.ts": esm(STATIC_FIELD_CLASS) },
    }),
    c("ESM export class, private #instance and #tracer behind getters", expressRoute(`import { Observability } from "./observability";`, `Observability.getInstance().tracer.sessionStart({ sessionName: "chat" })`), {
      filename: "src/server.ts",
      files: { ...EXPRESS, "src/observability.ts": esm(PRIVATE_LAZY_CLASS) },
    }),
    c("export default class, renamed on import (Obs.getInstance().tracer)", expressRoute(`import Obs from "./observability";`, `Obs.getInstance().tracer.sessionStart({ sessionName: "chat" })`), {
      filename: "src/server.ts",
      files: { ...EXPRESS, "src/observability.ts": esmDefault(GET_INSTANCE_CLASS) },
    }),
    c("export { Observability } after the class, held in a const first", expressRoute(`import { Observability } from "./observability";`, `const obs = Observability.getInstance();\n  obs.tracer.sessionStart({ sessionName: "chat" })`), {
      filename: "src/server.ts",
      files: { ...EXPRESS, "src/observability.ts": `${IMPORT_HH}${STATIC_FIELD_CLASS.replace("static readonly instance = new Observability();", "static readonly instance = new Observability();\n  static getInstance() {\n    return Observability.instance;\n  }")}\nexport { Observability };\n` },
    }),
    c("CommonJS module.exports = { Observability }, required by destructuring", `const express = require("express");
const { Observability } = require("./observability");

const app = express();
app.post("/chat", (req, res) => {
  Observability.getInstance().tracer.sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.js", files: { ...EXPRESS, "src/observability.js": cjs(GET_INSTANCE_CLASS) } }),
    c("CommonJS module.exports = Observability, required whole", `const express = require("express");
const Observability = require("./observability");

const app = express();
app.post("/chat", (req, res) => {
  Observability.instance.tracer.sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.js", files: { ...EXPRESS, "src/observability.js": cjs(STATIC_FIELD_CLASS).replace("module.exports = { Observability };", "module.exports = Observability;") } }),
    c("an exported class expression (export const Observability = class …) with a lazy getInstance()", expressRoute(`import { Observability } from "./observability";`, `Observability.getInstance().tracer.sessionStart({ sessionName: "chat" })`), {
      filename: "src/server.ts",
      files: {
        ...EXPRESS,
        "src/observability.ts": `${IMPORT_HH}export const Observability = class {
  static #instance: unknown;
  readonly tracer = ${INIT};
  static getInstance() {
    return (this.#instance ??= new this());
  }
};
`,
      },
    }),
  ];
  const quiet: Case[] = [
    c("an imported class whose getInstance() makes a new instance per call (a factory)", expressRoute(`import { Observability } from "./observability";`, `Observability.getInstance().tracer.sessionStart({ sessionName: "chat" })`), {
      filename: "src/server.ts",
      files: { ...EXPRESS, "src/observability.ts": esm(FACTORY_CLASS) },
    }),
    c("an imported singleton holding an in-house Tracer class", expressRoute(`import { Observability } from "./observability";`, `Observability.instance.tracer.sessionStart({ sessionName: "chat" })`), {
      filename: "src/server.ts",
      files: { ...EXPRESS, "src/observability.ts": LOCAL_TRACER_SINGLETON },
    }),
    c("an imported singleton class read through a member it does not hold a tracer in", expressRoute(`import { Observability } from "./observability";`, `Observability.instance.logger.sessionStart({ sessionName: "chat" })`), {
      filename: "src/server.ts",
      files: { ...EXPRESS, "src/observability.ts": `${IMPORT_HH}export ${STATIC_FIELD_CLASS.replace("readonly tracer", "readonly logger = { sessionStart: (_: object) => \"\" };\n  readonly tracer")}\n` },
    }),
    c("a same-named class of another package (not a project module)", expressRoute(`import { Observability } from "@acme/observability";`, `Observability.getInstance().tracer.sessionStart({ sessionName: "chat" })`), {
      filename: "src/server.ts",
      files: EXPRESS,
    }),
  ];
  describeBlindCases(SESSION_START_RULE, sessionStartRule as unknown as AnyRule, { reported, quiet }, KNOWN);
});

describe(`${FLUSH_RULE} (gaps-rules-10a: 1./2. singletons, a Lambda without a flush)`, () => {
  const lambda = (imports: string, holder: string): string => `${imports}
export const handler = async (event: { id: string }) => {
  ${holder}.tracer.enrichSession({ metadata: { id: event.id } });
  return { ok: true };
};
`;
  const reported: Case[] = [
    c("an imported singleton (Observability.getInstance().tracer), no flush", lambda(`import { Observability } from "./observability";`, "Observability.getInstance()"), {
      filename: "src/handler.ts",
      files: { ...PLAIN, "serverless.yml": "service: app\nprovider:\n  name: aws\nfunctions:\n  chat:\n    handler: src/handler.handler\n", "src/observability.ts": esm(GET_INSTANCE_CLASS) },
    }),
    c("a class-expression singleton of the file (const Observability = class …), no flush", lambda(`import { HoneyHiveTracer } from "honeyhive";

const Observability = class {
  static #instance: unknown;
  readonly tracer = ${INIT};
  static getInstance() {
    return (Observability.#instance ??= new Observability());
  }
};`, "Observability.getInstance()"), {
      filename: "src/handler.ts",
      files: { ...PLAIN, "serverless.yml": "service: app\nprovider:\n  name: aws\nfunctions:\n  chat:\n    handler: src/handler.handler\n" },
    }),
  ];
  const quiet: Case[] = [
    c("an imported singleton, flushed through the same holder", lambda(`import { Observability } from "./observability";`, "Observability.getInstance()").replace("return { ok: true };", "await Observability.getInstance().tracer.forceFlush();\n  return { ok: true };"), {
      filename: "src/handler.ts",
      files: { ...PLAIN, "serverless.yml": "service: app\nprovider:\n  name: aws\nfunctions:\n  chat:\n    handler: src/handler.handler\n", "src/observability.ts": esm(GET_INSTANCE_CLASS) },
    }),
  ];
  describeBlindCases(FLUSH_RULE, flushRule as unknown as AnyRule, { reported, quiet }, KNOWN);
});

// ---- 2. class-expression singletons of the file ----
describe(`${SESSION_START_RULE} (gaps-rules-10a: 2. a class-expression singleton)`, () => {
  const reported: Case[] = [
    c("const Observability = class { static #instance; static getInstance() { … ??= new Observability() } }", expressRoute(`import { HoneyHiveTracer } from "honeyhive";

const Observability = class {
  static #instance: unknown;
  readonly tracer = ${INIT};
  static getInstance() {
    return (Observability.#instance ??= new Observability());
  }
};`, `Observability.getInstance().tracer.sessionStart({ sessionName: "chat" })`), { filename: "src/server.ts", files: EXPRESS }),
    c("a static field made with new this() in a class expression (Observability.instance.tracer)", expressRoute(`import { HoneyHiveTracer } from "honeyhive";

const Observability = class {
  static readonly instance = new this();
  readonly tracer = ${INIT};
};`, `Observability.instance.tracer.sessionStart({ sessionName: "chat" })`), { filename: "src/server.ts", files: EXPRESS }),
    c("a named class expression keeping itself (const Obs = class Observability { static instance = new Observability() })", expressRoute(`import { HoneyHiveTracer } from "honeyhive";

const Obs = class Observability {
  static readonly instance = new Observability();
  readonly tracer = ${INIT};
};`, `Obs.instance.tracer.sessionStart({ sessionName: "chat" })`), { filename: "src/server.ts", files: EXPRESS }),
  ];
  const quiet: Case[] = [
    c("a class expression whose getInstance() makes a new instance per call", expressRoute(`import { HoneyHiveTracer } from "honeyhive";

const Observability = class {
  readonly tracer = ${INIT};
  static getInstance() {
    return new Observability();
  }
};`, `Observability.getInstance().tracer.sessionStart({ sessionName: "chat" })`), { filename: "src/server.ts", files: EXPRESS }),
    c("a let holding a class expression, reassigned later (another class may keep another instance)", expressRoute(`import { HoneyHiveTracer } from "honeyhive";

let Observability = class {
  static #instance: unknown;
  readonly tracer = ${INIT};
  static getInstance() {
    return (Observability.#instance ??= new Observability());
  }
};
export function reset(next: typeof Observability) {
  Observability = next;
}`, `Observability.getInstance().tracer.sessionStart({ sessionName: "chat" })`), { filename: "src/server.ts", files: EXPRESS }),
  ];
  describeBlindCases(SESSION_START_RULE, sessionStartRule as unknown as AnyRule, { reported, quiet }, KNOWN);
});

describe(`${EXPLICIT_RULE} (gaps-rules-10a: 1. the imported singleton's tracer is the file's tracer)`, () => {
  const traced = `import { trace } from "honeyhive";
import { Observability } from "./observability";

export const answer = trace(async (question: string) => question.length);
export async function handle(question: string) {
  Observability.getInstance().tracer.enrichSession({ metadata: { question } });
  return answer(question);
}
`;
  const reported: Case[] = [c("trace(fn) beside Observability.getInstance().tracer of an imported singleton", traced, { filename: "src/app.ts", files: { ...PLAIN, "src/observability.ts": esm(PRIVATE_LAZY_CLASS) } })];
  const quiet: Case[] = [c("trace(fn) beside an imported factory class's tracer (no tracer of the file)", traced, { filename: "src/app.ts", files: { ...PLAIN, "src/observability.ts": esm(FACTORY_CLASS) } })];
  describeBlindCases(EXPLICIT_RULE, explicitRule as unknown as AnyRule, { reported, quiet }, KNOWN);
});

// ---- 3. Fastify decorate in a fastify-plugin plugin; 4. `this` in a non-arrow handler or hook ----
const FASTIFY_HEAD = `import Fastify from "fastify";\nimport fp from "fastify-plugin";\nimport { HoneyHiveTracer } from "honeyhive";\n\nconst tracer = ${INIT};\n`;
/** A fastify-plugin plugin (or, with `wrap` false, a plain one) decorating the instance with the module tracer. */
const plugin = (wrap = true, options = ""): string =>
  wrap ? `fp(async (fastify) => {\n  fastify.decorate("tracer", tracer);\n}${options})` : `async (fastify) => {\n  fastify.decorate("tracer", tracer);\n}`;
const TRACING_PLUGIN_TS = `import fp from "fastify-plugin";
import { HoneyHiveTracer } from "honeyhive";

export default fp(async (fastify) => {
  fastify.decorate("tracer", ${INIT});
});
`;

describe(`${SESSION_START_RULE} (gaps-rules-10a: 3./4. Fastify plugins and this)`, () => {
  const reported: Case[] = [
    c("a fastify-plugin plugin of the file registered on the app, request.server.tracer in a route", `${FASTIFY_HEAD}const tracing = ${plugin()};

const app = Fastify();
app.register(tracing);
app.post("/chat", async (request) => {
  request.server.tracer.sessionStart({ sessionName: "chat" });
  return { ok: true };
});
`, { filename: "src/server.ts", files: FASTIFY }),
    c("app.register(fp(…)) inline, app.tracer in a route", `${FASTIFY_HEAD}const app = Fastify();
app.register(${plugin()});
app.get("/chat", async () => {
  app.tracer.sessionStart({ sessionName: "chat" });
  return { ok: true };
});
`, { filename: "src/server.ts", files: FASTIFY }),
    c("the named fastifyPlugin export, reply.server.tracer in a route", `import Fastify from "fastify";
import { fastifyPlugin } from "fastify-plugin";
import { HoneyHiveTracer } from "honeyhive";

const app = Fastify();
app.register(fastifyPlugin(async (instance) => {
  instance.decorate("tracer", ${INIT});
}));
app.post("/chat", async (_request, reply) => {
  reply.server.tracer.sessionStart({ sessionName: "chat" });
  return { ok: true };
});
`, { filename: "src/server.ts", files: FASTIFY }),
    c("an imported fastify-plugin plugin (export default fp(…)), request.server.tracer in a route", `import Fastify from "fastify";
import tracing from "./plugins/tracing";

const app = Fastify();
app.register(tracing);
app.post("/chat", async (request) => {
  request.server.tracer.sessionStart({ sessionName: "chat" });
  return { ok: true };
});
`, { filename: "src/server.ts", files: { ...FASTIFY, "src/plugins/tracing.ts": TRACING_PLUGIN_TS } }),
    c("this.tracer in a non-arrow route handler (app.decorate)", `${FASTIFY_HEAD}const app = Fastify();
app.decorate("tracer", tracer);
app.post("/chat", async function (request) {
  this.tracer.sessionStart({ sessionName: "chat" });
  return { ok: true, body: request.body };
});
`, { filename: "src/server.ts", files: FASTIFY }),
    c("this.tracer in a non-arrow onRequest hook (app.decorate)", `${FASTIFY_HEAD}const app = Fastify();
app.decorate("tracer", tracer);
app.addHook("onRequest", async function () {
  this.tracer.sessionStart({ sessionName: "chat" });
});
app.post("/chat", async () => ({ ok: true }));
`, { filename: "src/server.ts", files: FASTIFY }),
    c("this.tracer in a route options object's handler method, tracer decorated by a plugin", `${FASTIFY_HEAD}const app = Fastify();
app.register(${plugin()});
app.route({
  method: "POST",
  url: "/chat",
  handler: async function (request) {
    this.tracer.sessionStart({ sessionName: "chat" });
    return { ok: true, body: request.body };
  },
});
`, { filename: "src/server.ts", files: FASTIFY }),
  ];
  const quiet: Case[] = [
    c("a plain (encapsulated) plugin's decorate does not reach the parent app: app.tracer is not it", `${FASTIFY_HEAD}const app = Fastify();
app.register(${plugin(false)});
app.get("/chat", async () => {
  app.tracer?.sessionStart({ sessionName: "chat" });
  return { ok: true };
});
`, { filename: "src/server.ts", files: FASTIFY }),
    c("fp(…, { encapsulate: true }) keeps its decorations to itself", `${FASTIFY_HEAD}const app = Fastify();
app.register(${plugin(true, ", { encapsulate: true }")});
app.get("/chat", async () => {
  app.tracer?.sessionStart({ sessionName: "chat" });
  return { ok: true };
});
`, { filename: "src/server.ts", files: FASTIFY }),
    c("a plugin decorating the instance with an in-house store named tracer", `import Fastify from "fastify";
import fp from "fastify-plugin";

class Store {
  sessionStart(_: object): string {
    return "";
  }
}
const app = Fastify();
app.register(fp(async (fastify) => {
  fastify.decorate("tracer", new Store());
}));
app.post("/chat", async (request) => {
  request.server.tracer.sessionStart({ sessionName: "chat" });
  return { ok: true };
});
`, { filename: "src/server.ts", files: FASTIFY }),
    c("a plugin never registered on the app", `${FASTIFY_HEAD}export const tracing = ${plugin()};
const app = Fastify();
app.post("/chat", async (request) => {
  request.server.tracer?.sessionStart({ sessionName: "chat" });
  return { ok: true };
});
`, { filename: "src/server.ts", files: FASTIFY }),
    c("this.tracer in an arrow route handler (the module's this, not the instance)", `${FASTIFY_HEAD}const app = Fastify();
app.decorate("tracer", tracer);
app.post("/chat", async (request) => {
  // @ts-expect-error: an arrow function keeps the module's this
  this?.tracer?.sessionStart({ sessionName: "chat" });
  return { ok: true, body: request.body };
});
`, { filename: "src/server.ts", files: FASTIFY }),
    c("this.tracer in a non-arrow Express handler (Express binds no this)", `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

const app = express();
app.locals.tracer = ${INIT};
app.post("/chat", function (req, res) {
  // @ts-expect-error: Express calls handlers with an undefined this
  this?.tracer?.sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
`, { filename: "src/server.ts", files: EXPRESS }),
  ];
  describeBlindCases(SESSION_START_RULE, sessionStartRule as unknown as AnyRule, { reported, quiet }, KNOWN);
});

// ---- 5. Awilix (KNOWN: see the note at KNOWN) ----
describe(`${SESSION_START_RULE} (gaps-rules-10a: 5. Awilix registrations)`, () => {
  const AWILIX = { "package.json": pkg({ ...HH, express: "^4.21.2", awilix: "^12.0.5" }) };
  const app = (registration: string, read: string): string => `import express from "express";
import { asClass, asValue, createContainer } from "awilix";
import { HoneyHiveTracer } from "honeyhive";

class LocalStore {
  sessionStart(_: object): string {
    return "";
  }
}
void LocalStore;
const container = createContainer();
container.register({ ${registration} });

const app = express();
app.post("/chat", (req, res) => {
  ${read}.sessionStart({ sessionName: "chat" });
  res.json(req.body);
});
void asClass;
`;
  const reported: Case[] = [
    c("Awilix asValue(HoneyHiveTracer.init(…)) read as container.resolve(\"tracer\")", app(`tracer: asValue(${INIT})`, `container.resolve("tracer")`), { filename: "src/server.ts", files: AWILIX }),
    c("Awilix asValue(…) read as container.cradle.tracer", app(`tracer: asValue(${INIT})`, "container.cradle.tracer"), { filename: "src/server.ts", files: AWILIX }),
  ];
  const quiet: Case[] = [c("Awilix asValue(new LocalStore()) (an in-house store registered as tracer)", app("tracer: asValue(new LocalStore())", `container.resolve("tracer")`), { filename: "src/server.ts", files: AWILIX })];
  describeBlindCases(SESSION_START_RULE, sessionStartRule as unknown as AnyRule, { reported, quiet }, KNOWN);
});
