import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES_DIR, loadFixtures } from "../fixtures/index.js";
import { answeredMayHoldEntry, entryGateFor, mayHoldEntry, mayHoldEntryFor, mayMatchConvention } from "./entry-gate.js";
import { handlerModelWithoutGates } from "./handlers.js";
import { FRAMEWORKS } from "./knowledge/index.js";
import type { FrameworkDescriptor } from "./knowledge/types.js";
import { parseAnalysisInput } from "./parse-input.js";
import { readSettings } from "./settings.js";

const SCRIPT = /\.(?:[cm]?[jt]sx?)$/;

/** Every script under `dir` that is not a before/after pair (those are read with their meta filename). */
function looseScripts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SCRIPT.test(entry.name) && !/^(?:before|after)\./.test(entry.name) && entry.name !== "index.ts")
    .map((entry) => join(entry.parentPath, entry.name));
}

// The two fixture-wide cases read every fixture file (each `before` and loose script parsed twice, once for each order
// of the questions), the first of them to run for both: ~12 s of CPU, 35-44 s a case with two vitest workers on a
// loaded 2-core machine, 250 s at a load average of 35. The reading is one synchronous loop, which a timeout cannot
// cut short (it only fails the case once the loop is done), so the budget is wide.
const FIXTURE_WIDE = { timeout: 600_000 };

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** What the two fixture-wide cases read of one fixture file, computed once for both (each asserts its part). */
interface GateReading {
  readonly path: string;
  /** The handler model's finds, by the engine without the gates it applies itself (the gate before the model, the hooks' signs). */
  readonly lambdaHandlers: number;
  readonly handlers: number;
  /** mayHoldEntry, asked invocation first, then handler. */
  readonly invocationFirst: readonly [invocation: boolean, handler: boolean];
  /** For a `before` file or a loose script, the order test's part: */
  readonly orders?: {
    /** mayHoldEntryFor's answers with the registry's gate, computed before anything was asked (it stores none). */
    readonly computed: readonly [invocation: boolean, handler: boolean];
    /** answeredMayHoldEntry of either kind after mayHoldEntryFor asked both: undefined, nothing stored. */
    readonly storedByComputing: boolean | undefined;
    /** mayHoldEntry on a parse of its own, asked handler first, then invocation. */
    readonly handlerFirst: readonly [handler: boolean, invocation: boolean];
  };
}

let gateReadings: GateReading[] | undefined;

/** Every fixture's before and after and every loose script under fixtures/, read once for the file. */
function readGates(): GateReading[] {
  if (gateReadings) return gateReadings;
  const gate = entryGateFor(FRAMEWORKS);
  const read = (path: string, text: string, withOrders: boolean): GateReading => {
    const input = parseAnalysisInput(text, path, readSettings({}));
    // Before anything is asked (an `after` file skips it: only the first case reads it).
    const computed = withOrders ? ([mayHoldEntryFor(input, "invocation", gate), mayHoldEntryFor(input, "handler", gate)] as const) : undefined;
    const storedByComputing = answeredMayHoldEntry(input, "invocation") ?? answeredMayHoldEntry(input, "handler");
    const invocationFirst = [mayHoldEntry(input, "invocation"), mayHoldEntry(input, "handler")] as const;
    const model = handlerModelWithoutGates(input);
    const reading = { path, lambdaHandlers: model.lambdaHandlers.length, handlers: model.lambdaHandlers.length + model.requestHandlers.length, invocationFirst };
    if (!computed) return reading;
    // The other order needs answers stored by neither kind: a parse of its own.
    const fresh = parseAnalysisInput(text, path, readSettings({}));
    return { ...reading, orders: { computed, storedByComputing, handlerFirst: [mayHoldEntry(fresh, "handler"), mayHoldEntry(fresh, "invocation")] } };
  };
  gateReadings = [
    ...loadFixtures().flatMap((fixture) => [read(fixture.filename, fixture.before, true), read(fixture.filename, fixture.after, false)]),
    ...looseScripts(FIXTURES_DIR).map((path) => read(path, readFileSync(path, "utf8"), true)),
  ];
  return gateReadings;
}

describe("entry gate: never stops a file that holds a handler", () => {
  it("lets through every fixture whose handler model has a serverless entry point or any handler", FIXTURE_WIDE, () => {
    let invocations = 0;
    let stopped = 0;
    for (const { path, lambdaHandlers, handlers, invocationFirst: [invocation, handler] } of readGates()) {
      if (lambdaHandlers > 0) {
        invocations++;
        expect(invocation, path).toBe(true);
      }
      if (handlers > 0) expect(handler, path).toBe(true);
      else if (!handler) stopped++;
    }
    // The check ran on real entry points, and the gate stops some files (it is not `() => true`).
    expect(invocations).toBeGreaterThan(50);
    expect(stopped).toBeGreaterThan(10);
  });

  it("a file that may hold an invocation may hold a handler, so either kind's cached answer may decide the other", FIXTURE_WIDE, () => {
    let invocations = 0;
    let stopped = 0;
    for (const { path, invocationFirst, orders } of readGates()) {
      if (!orders) continue;
      const [invocation, handler] = orders.computed;
      if (invocation) invocations++;
      if (!handler) stopped++;
      expect(!invocation || handler, path).toBe(true);
      // Asked in either order, the cached answers are the computed ones. mayHoldEntryFor stores no answer (only the
      // file's top-level reading), so its parse serves the first order; the second needs a parse of its own.
      expect(orders.storedByComputing, path).toBeUndefined();
      expect(invocationFirst, path).toEqual([invocation, handler]);
      expect(orders.handlerFirst, path).toEqual([handler, invocation]);
    }
    expect(invocations).toBeGreaterThan(20);
    expect(stopped).toBeGreaterThan(10);
  });

  it("a hook without signs lets every file it runs on through (a new descriptor is safe before its signs are written)", () => {
    const unsigned: FrameworkDescriptor = { id: "new-host", name: "New host", modules: [], hook: { trigger: { always: true }, run: () => {} } };
    const input = parseAnalysisInput(`export const version = "1";\n`, "src/version.ts");
    expect(mayHoldEntryFor(input, "invocation", entryGateFor(FRAMEWORKS))).toBe(false);
    expect(mayHoldEntryFor(input, "invocation", entryGateFor([...FRAMEWORKS, unsigned]))).toBe(true);
    expect(mayHoldEntryFor(input, "handler", entryGateFor([...FRAMEWORKS, unsigned]))).toBe(true);
  });

  it("lets an exporting file through for an app beside it only when it imports the app maker as a value", () => {
    const invocation = (code: string): boolean => mayHoldEntry(parseAnalysisInput(code, "src/routes.ts"), "invocation");
    // Types and helpers of Express in an exporting module: no app made here.
    expect(invocation(`import type { Request, Response } from "express";\nexport function send(req: Request, res: Response) { res.json({}); }\n`)).toBe(false);
    expect(invocation(`import { Request, Response } from "express";\nexport function send(req: Request, res: Response) { res.json({}); }\n`)).toBe(false);
    expect(invocation(`import { type Request } from "koa";\nexport const a = 1;\n`)).toBe(false);
    // The app maker as a value, and an export: the app may be served by an adapter in a module beside it.
    expect(invocation(`import express from "express";\nexport const app = express();\n`)).toBe(true);
    expect(invocation(`import { fastify } from "fastify";\nexport default fastify();\n`)).toBe(true);
    expect(invocation(`const app = require("express")();\nmodule.exports = app;\n`)).toBe(true);
    expect(invocation(`import express from "express";\nconst app = express();\napp.listen(3000);\n`)).toBe(false);
  });

  it("reads the configured Lambda handler names and a Cloud Functions project's exports", () => {
    const code = `export async function main(event) { return event; }\n`;
    expect(mayHoldEntry(parseAnalysisInput(code, "src/main.ts"), "invocation")).toBe(false);
    expect(mayHoldEntry(parseAnalysisInput(code, "src/main.ts", readSettings({ honeyhive: { lambdaHandlerNames: ["main"] } })), "invocation")).toBe(true);
    const project = mkdtempSync(join(tmpdir(), "entry-gate-"));
    temporary.push(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ dependencies: { "@google-cloud/functions-framework": "^3.0.0" } }));
    expect(mayHoldEntry(parseAnalysisInput(code, join(project, "index.js")), "invocation")).toBe(true);
  });

  it("reads the modules of require() and import() calls from the text (spaces, parentheses and comments included)", () => {
    for (const call of [`require("@azure/functions")`, `(require) ( '@azure/functions')`, `module.require("@azure/functions")`, "await import(/* chunk */ `@azure/functions`)", `import(// lazy\n  "@azure/functions")`]) {
      const input = parseAnalysisInput(`async function load() { const { app } = ${call}; return app; }\n`, "src/functions.js");
      expect(mayHoldEntry(input, "invocation"), call).toBe(true);
    }
    expect(mayHoldEntry(parseAnalysisInput(`// require("@azure/functions") is not needed here\nexport const x = 1;\n`, "src/x.js"), "invocation")).toBe(true);
    expect(mayHoldEntry(parseAnalysisInput(`const fs = require("node:fs");\nexport const x = 1;\n`, "src/x.js"), "invocation")).toBe(false);
  });
});

describe("entry gate: file conventions", () => {
  it("tests every file convention's path at once: a path matches the union exactly when it matches one convention", () => {
    const conventions = FRAMEWORKS.flatMap((descriptor) => descriptor.files ?? []);
    const anyConvention = (path: string): boolean => mayMatchConvention(parseAnalysisInput("", path));
    const paths = [
      "app/api/chat/route.ts",
      "src/routes/api/+server.ts",
      "src/hooks.server.ts",
      "netlify/functions/hello.mts",
      "api/hello.js",
      "src/pages/api/x.ts",
      "app/routes/_index.tsx",
      "middleware.ts",
      "src/server.ts",
      "lib/tracing.ts",
      "packages/pkg-001/src/module-12.ts",
    ];
    for (const path of paths) expect(anyConvention(path), path).toBe(conventions.some((convention) => convention.path.test(path)));
    expect(paths.filter((path) => anyConvention(path)).length).toBeGreaterThan(5);
  });
});

describe("entry gate: a convention's path counts with an export it reads", () => {
  it("a file under src/routes/ without a verb export holds no SolidStart or Qwik City handler: stopped, though the engine still reads it as routed", () => {
    const helper = `import { z } from "zod";\nexport const schema = z.object({ id: z.string() });\nexport function format(value) { return String(value); }\n`;
    const stoppedFiles = [
      [helper, "src/routes/users/schema.ts"],
      [helper, "src/routes/index.ts"],
      [`export default function Page() { return null; }\n`, "src/routes/about.tsx"],
      [`export const get = () => 1;\nexport const onget = () => 2;\n`, "src/routes/layout.ts"],
      [`const GET = () => new Response("ok");\n`, "src/routes/api/health.ts"],
    ] as const;
    for (const [code, filename] of stoppedFiles) {
      const input = parseAnalysisInput(code, filename);
      expect(mayMatchConvention(input), filename).toBe(true);
      expect(handlerModelWithoutGates(input).requestHandlers.length, filename).toBe(0);
      expect([mayHoldEntry(input, "invocation"), mayHoldEntry(input, "handler")], filename).toEqual([false, false]);
    }
    const passedFiles = [
      [`export async function GET() { return new Response("ok"); }\n`, "src/routes/status/health.ts"],
      [`const POST = async () => new Response("ok");\nexport { POST };\n`, "src/routes/chat/send.ts"],
      [`export const onGet = async ({ json }) => json(200, {});\n`, "src/routes/index.ts"],
      [`export const onRequest = async (event) => { await event.next(); };\n`, "src/routes/layout-admin.tsx"],
    ] as const;
    for (const [code, filename] of passedFiles) {
      const input = parseAnalysisInput(code, filename);
      expect(handlerModelWithoutGates(input).requestHandlers.length, filename).toBeGreaterThan(0);
      expect(mayHoldEntry(input, "handler"), filename).toBe(true);
    }
  });

  it("a convention read from the default export or module.exports, or an object export, lets such a file through and one without it not", () => {
    const netlify = FRAMEWORKS.find((descriptor) => descriptor.id === "netlify")!;
    const sveltekit = FRAMEWORKS.find((descriptor) => descriptor.id === "sveltekit")!;
    const gate = entryGateFor([netlify, sveltekit]);
    const holds = (code: string, path: string): boolean => mayHoldEntryFor(parseAnalysisInput(code, path), "handler", gate);
    expect(holds(`export default async (req) => new Response("ok");\n`, "netlify/functions/hello.ts")).toBe(true);
    expect(holds(`module.exports = async (req) => ({ statusCode: 200 });\n`, "netlify/functions/hello.js")).toBe(true);
    expect(holds(`export const config = { path: "/hello" };\n`, "netlify/functions/hello.ts")).toBe(false);
    expect(holds(`export const actions = { default: async ({ request }) => {} };\n`, "src/routes/login/+page.server.ts")).toBe(true);
    expect(holds(`export const prerender = true;\n`, "src/routes/login/+page.server.ts")).toBe(false);
  });
});

describe("entry gate: each path convention stands alone", () => {
  it("a convention with a capturing group before Netlify's does not renumber Netlify's back-reference", () => {
    // A descriptor listed first whose path captures: joined into one alternation, its group would be `\1`
    // and Netlify's `hello/hello.mts` (the subfolder's entry named like the folder) would match nothing.
    const capturing: FrameworkDescriptor = { id: "capturing", name: "Capturing", modules: ["capturing"], files: [{ path: /(?:^|\/)(alpha|beta)\/entry\.ts$/, defaultExport: true }] };
    const netlify = FRAMEWORKS.find((descriptor) => descriptor.id === "netlify")!;
    const text = "export default async (req) => new Response(String(req.url));\n";
    for (const registry of [[capturing, netlify], [netlify, capturing]]) {
      const gate = entryGateFor(registry);
      const holds = (path: string): boolean => mayHoldEntryFor(parseAnalysisInput(text, path), "handler", gate);
      expect(holds("netlify/functions/hello/hello.mts")).toBe(true);
      expect(holds("netlify/functions/hello/index.ts")).toBe(true);
      expect(holds("netlify/functions/hello.ts")).toBe(true);
      expect(holds("alpha/entry.ts")).toBe(true);
      // Look-alikes: a helper beside the entry, an empty name (what a `\1` bound to an unmatched group accepted), another folder.
      expect(holds("netlify/functions/hello/util.mts")).toBe(false);
      expect(holds("netlify/functions/hello/.mts")).toBe(false);
      expect(holds("gamma/entry.ts")).toBe(false);
    }
  });
});

describe("entry gate: plugin modules that import nothing of their framework", () => {
  const project = (dependencies: Record<string, string>): string => {
    const root = mkdtempSync(join(tmpdir(), "entry-gate-plugins-"));
    temporary.push(root);
    writeFileSync(join(root, "package.json"), JSON.stringify({ dependencies }));
    return root;
  };
  const gate = (code: string, root: string): boolean => mayHoldEntry(parseAnalysisInput(code, join(root, "plugin.js")), "handler");

  it("lets an exported plugin through only where the project depends on the framework, and only with the export its shape needs", () => {
    const autoload = `module.exports = async function (fastify, opts) { fastify.get("/", async () => ({})); };
`;
    const esm = `export default async function (fastify) { fastify.get("/", async () => ({})); }
`;
    const hapi = `exports.plugin = { name: "chat", register(server) { server.route({ method: "GET", path: "/", handler: () => "ok" }); } };
`;
    const fastifyProject = project({ fastify: "^5.0.0" });
    const hapiProject = project({ "@hapi/hapi": "^21.0.0" });
    const plain = project({ lodash: "^4.0.0" });
    expect([gate(autoload, fastifyProject), gate(esm, fastifyProject), gate(hapi, hapiProject)]).toEqual([true, true, true]);
    // (An ESM `export default` is let through anywhere: it is also a Cloudflare Worker's and a Bun server's sign.)
    expect([gate(autoload, plain), gate(hapi, plain), gate(hapi, fastifyProject)]).toEqual([false, false, false]);
    // The export decides before the project is read: a named export other than hapi's `plugin` is no plugin module.
    expect(gate(`export const routes = { register(server) {} };
`, hapiProject)).toBe(false);
    // A plugin module is no serverless entry point.
    expect(mayHoldEntry(parseAnalysisInput(autoload, join(fastifyProject, "routes.js")), "invocation")).toBe(false);
  });
});

describe("entry gate: stops what holds none", () => {
  it("reads registering globals from the scopes: Bun.serve() counts, the word Bun in a string or comment does not", () => {
    const served = parseAnalysisInput(`Bun.serve({ fetch(request) { return new Response("ok"); } });\n`, "src/serve.ts");
    expect(mayHoldEntry(served, "handler")).toBe(true);
    const mentioned = parseAnalysisInput(`// runs on Bun and Deno\nexport const runtime = "Bun.serve";\n`, "src/runtime.ts");
    expect(mayHoldEntry(mentioned, "handler")).toBe(false);
  });

  it("a bundle whose text calls .forceFlush( inside a string, and a library module with imports and named exports", () => {
    const bundle = `export const javascript = ${JSON.stringify("!function(){p.forceFlush();handler();export default 1}();".repeat(200))};\n`;
    const library = `import { pipe } from "./Function.js";\nimport * as core from "./internal/core.js";\nexport const map = (f) => (self) => pipe(self, core.map(f));\nexport function handle(x) { return core.handle(x); }\n`;
    for (const [code, filename] of [[bundle, "src/internal/httpApiScalar.ts"], [library, "src/Stream.ts"]] as const) {
      const input = parseAnalysisInput(code, filename);
      expect([mayHoldEntry(input, "invocation"), mayHoldEntry(input, "handler")]).toEqual([false, false]);
    }
  });

  it("tells the kinds apart: a Bun server's default export may hold a request handler, not a serverless entry point", () => {
    const input = parseAnalysisInput(`export default { port: 3000, fetch(request: Request) { return new Response("ok"); } };\n`, "src/server.ts");
    // The default export is also a Cloudflare Worker's sign, so both are let through; a named `handler` is Lambda's only.
    expect(mayHoldEntry(input, "handler")).toBe(true);
    const lambda = parseAnalysisInput(`export const handler = async (event) => event;\n`, "src/fn.ts");
    expect([mayHoldEntry(lambda, "invocation"), mayHoldEntry(lambda, "handler")]).toEqual([true, true]);
    const express = parseAnalysisInput(`import express from "express";\nconst app = express();\napp.get("/", (req, res) => res.end());\n`, "src/app.ts");
    expect([mayHoldEntry(express, "invocation"), mayHoldEntry(express, "handler")]).toEqual([false, true]);
  });

  it("a default export that cannot be an object literal is no Worker's or Bun server's (zod's locales, a default-exported function or class)", () => {
    const stopped = [
      `import * as util from "../core/util.js";\nconst error = () => (issue) => util.message(issue);\nexport default function () {\n  return { localeError: error() };\n}\n`,
      `export default (request) => new Response("ok");\n`,
      `export default class Queue { fetch(request, env, ctx) { return new Response("ok"); } }\n`,
      `export default makeWorker({ fetch(request, env, ctx) { return new Response("ok"); } });\n`,
      `export default "fetch";\n`,
      // A name that holds no object literal: a namespace import (zod's `export default z`), an import, a function, a class.
      `import * as z from "./external.js";\nexport { z };\nexport default z;\n`,
      `import worker from "./worker";\nexport default worker;\n`,
      `function worker(request) { return new Response("ok"); }\nexport default worker;\n`,
      `class Worker { fetch(request) { return new Response("ok"); } }\nexport default Worker;\n`,
      `const errorMap = (issue, ctx) => ({ message: ctx.defaultError });\nconst map = errorMap;\nexport default map;\n`,
    ];
    for (const code of stopped) {
      const input = parseAnalysisInput(code, "src/locales/en.ts");
      expect([mayHoldEntry(input, "invocation"), mayHoldEntry(input, "handler")], code).toEqual([false, false]);
    }
    // An object literal inline, through a name, or under `satisfies`/`as`: what the hooks read.
    const passed = [
      `export default { async fetch(request, env, ctx) { return new Response("ok"); } };\n`,
      `const worker = { async scheduled(event, env, ctx) {} };\nexport default worker;\n`,
      `const handlers = { async fetch(request) { return new Response("ok"); } };\nconst worker = handlers;\nexport default worker;\n`,
      `let worker = { async fetch(request) { return new Response("ok"); } };\nexport default worker;\n`,
      `export default { fetch(request: Request) { return new Response("ok"); } } satisfies ExportedHandler;\n`,
      `export default ({ port: 3000, fetch: (request: Request) => new Response("ok") }) as Serve;\n`,
    ];
    for (const code of passed) expect(mayHoldEntry(parseAnalysisInput(code, "src/index.ts"), "handler"), code).toBe(true);
    // A Worker's class comes with its import of `cloudflare:workers`.
    const entrypoint = parseAnalysisInput(`import { WorkerEntrypoint } from "cloudflare:workers";\nexport default class extends WorkerEntrypoint { async fetch() { return new Response("ok"); } }\n`, "src/index.ts");
    expect([mayHoldEntry(entrypoint, "invocation"), mayHoldEntry(entrypoint, "handler")]).toEqual([true, true]);
  });
});
