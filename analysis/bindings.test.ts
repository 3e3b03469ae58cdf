import { describe, expect, it } from "vitest";
import type { TSESTree } from "@typescript-eslint/types";
import { getAnalysisContext } from "./context.js";
import { parseAnalysisInput } from "./parse-input.js";
import { nodesOfType } from "./nodes.js";
import { AST_NODE_TYPES } from "@typescript-eslint/types";

/** The origin (`module:path`) of the callee of every call in `code`, by callee text. */
function callOrigins(code: string, filename = "src/x.ts"): Record<string, string | undefined> {
  const input = parseAnalysisInput(code, filename);
  const { bindings } = getAnalysisContext(input);
  const result: Record<string, string | undefined> = {};
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    const origin = bindings.originOf(call.callee);
    result[input.text.slice(...(call.callee as TSESTree.Node).range)] = origin && `${origin.module}:${origin.path.join(".")}`;
  }
  return result;
}

describe("Bindings.originOf", () => {
  it("ends on aliases that refer to each other (no origin, no endless recursion), and still follows a chain of aliases", () => {
    expect(
      callOrigins(`
        import express from "express";
        var a = b, b = c.x, c = a;
        var { d } = e, { e } = d;
        const first = express, second = first, third = second.Router;
        a(); b(); d(); e(); third();
      `),
    ).toEqual({ "a": undefined, "b": undefined, "d": undefined, "e": undefined, "third": "express:Router" });
  });

  it("ends on interop helpers whose arguments refer to each other (fix-blind7: a RangeError before)", () => {
    expect(
      callOrigins(`
        var x = __importDefault(y), y = __importDefault(x);
        var p = tslib_1.__importStar(__importDefault(q)), q = p.default;
        const ok = __importDefault(require("express"));
        x.default(); y.default(); p.default(); q(); ok.default();
      `),
    ).toEqual({ "__importDefault": undefined, "tslib_1.__importStar": undefined, "x.default": undefined, "y.default": undefined, "p.default": undefined, "q": undefined, "ok.default": "express:" });
  });

  it("follows ESM default, named, renamed and namespace imports", () => {
    expect(
      callOrigins(`
        import express, { Router as R } from "express";
        import * as ff from "@google-cloud/functions-framework";
        express(); R(); ff.http("x", () => {});
      `),
    ).toEqual({ "express": "express:", "R": "express:Router", "ff.http": "@google-cloud/functions-framework:http" });
  });

  it("reads compiled CommonJS interop: __importDefault/__importStar(require()).default is the default export, (0, f)() calls f", () => {
    const origins = callOrigins(`
        const express_1 = __importDefault(require("express"));
        const koa_1 = tslib_1.__importStar(require("koa"));
        const hh = require("honeyhive");
        (0, express_1.default)(); koa_1.default(); koa_1.Router(); (0, hh.trace)(fn); wrap(require("express")).default();
      `);
    expect({ express: origins["0, express_1.default"], koa: origins["koa_1.default"], router: origins["koa_1.Router"], trace: origins["0, hh.trace"], other: origins["wrap(require(\"express\")).default"] }).toEqual({
      express: "express:",
      koa: "koa:",
      router: "koa:Router",
      trace: "honeyhive:trace",
      other: undefined,
    });
  });

  it("follows require (also destructured and renamed), import = require, and const aliases", () => {
    expect(
      callOrigins(`
        const Hapi = require("@hapi/hapi");
        const { createServer: make } = require("node:http");
        import restify = require("restify");
        const serve = Hapi.server;
        Hapi.server(); make(); restify.createServer(); serve();
      `),
    ).toEqual({
      "Hapi.server": "@hapi/hapi:server",
      "make": "node:http:createServer",
      "restify.createServer": "restify:createServer",
      "serve": "@hapi/hapi:server",
    });
  });

  it("follows module.require and an awaited import(), not the promise of an unawaited one", () => {
    expect(
      callOrigins(`
        const os = module.require("node:os");
        const hh = await import("honeyhive");
        const { trace } = await import("honeyhive");
        const pending = import("honeyhive");
        os.cpus(); hh.trace(); (await import("honeyhive")).default.trace(); trace(); pending.trace();
      `),
    ).toEqual({
      "os.cpus": "node:os:cpus",
      "hh.trace": "honeyhive:trace",
      "(await import(\"honeyhive\")).default.trace": "honeyhive:default.trace",
      "trace": "honeyhive:trace",
      "pending.trace": undefined,
    });
  });

  it("marks a default import and a type-only import, through member chains and aliases", () => {
    const input = parseAnalysisInput(
      `import tracing, { type Options } from "./tracing";
      import type * as hh from "honeyhive";
      import * as whole from "./tracing";
      const alias = tracing.tracer;
      use(alias, whole);
      let a: Options; let b: hh.HoneyHiveTracer;`,
      "src/x.ts",
    );
    const { bindings } = getAnalysisContext(input);
    const identifier = (name: string) => nodesOfType(input.ast, AST_NODE_TYPES.Identifier).filter((node) => node.name === name).at(-1)!;
    expect(bindings.originOf(identifier("alias"))).toEqual({ module: "./tracing", path: ["tracer"], viaDefaultImport: true });
    expect(bindings.originOf(identifier("whole"))).toEqual({ module: "./tracing", path: [] });
    expect(bindings.originOf(identifier("Options"))).toEqual({ module: "./tracing", path: ["Options"], typeOnly: true });
    const qualified = nodesOfType(input.ast, AST_NODE_TYPES.TSQualifiedName)[0]!;
    expect(bindings.originOf(qualified)).toEqual({ module: "honeyhive", path: ["HoneyHiveTracer"], typeOnly: true });
  });

  it("decides shadowing once: a local declaration of the same name is not the module's", () => {
    const input = parseAnalysisInput(
      `import express from "express";
      function handler(express) { return express(); }
      const require = (name) => ({});
      require("express")();
      express();`,
      "src/x.ts",
    );
    const { bindings } = getAnalysisContext(input);
    const origins = nodesOfType(input.ast, AST_NODE_TYPES.CallExpression).map((call) => bindings.originOf(call.callee)?.module);
    // The parameter `express`, the local `require(…)` and its result: none is the package; the module-scope call is.
    expect(origins).toEqual([undefined, undefined, undefined, "express"]);
  });

  it("tells an unresolved global from a declared name", () => {
    const input = parseAnalysisInput(`Bun.serve({});\nconst Deno = {};\nDeno.serve({});`, "src/x.ts");
    const { bindings } = getAnalysisContext(input);
    const roots = nodesOfType(input.ast, AST_NODE_TYPES.CallExpression).map((call) => ((call.callee as TSESTree.MemberExpression).object as TSESTree.Identifier));
    expect(roots.map((root) => [root.name, bindings.isGlobal(root)])).toEqual([["Bun", true], ["Deno", false]]);
  });
});

describe("Bindings.valueOf and classOfInstance", () => {
  function resolve(code: string) {
    const input = parseAnalysisInput(code, "src/x.ts");
    const { bindings } = getAnalysisContext(input);
    const identifier = (name: string) => nodesOfType(input.ast, AST_NODE_TYPES.Identifier).filter((node) => node.name === name).at(-1)!;
    return { input, bindings, identifier };
  }

  it("gives what a never-reassigned name holds, and nothing for a reassigned one", () => {
    const { input, bindings, identifier } = resolve(`function run() {}\nconst step = () => 1;\nlet later = () => 2;\nlater = () => 3;\nuse(run, step, later);`);
    expect(bindings.valueOf(identifier("run"))?.type).toBe("FunctionDeclaration");
    expect(input.text.slice(...bindings.valueOf(identifier("step"))!.range)).toBe("() => 1");
    expect(bindings.valueOf(identifier("later"))).toBeUndefined();
  });

  it("finds the local class of an instance: `this` in a method, `new C()`, `new (class {})()`, not the class itself", () => {
    const { bindings, identifier, input } = resolve(`class Pipeline { run() { return this; } }
const pipeline = new Pipeline();
const inline = new (class Inline {})();
const other = new Map();
use(pipeline, inline, other, Pipeline);`);
    expect(bindings.classOfInstance(identifier("pipeline"))?.id?.name).toBe("Pipeline");
    expect(bindings.classOfInstance(identifier("inline"))?.id?.name).toBe("Inline");
    expect(bindings.classOfInstance(identifier("other"))).toBeUndefined();
    expect(bindings.classOfInstance(identifier("Pipeline"))).toBeUndefined();
    const self = nodesOfType(input.ast, AST_NODE_TYPES.ThisExpression)[0]!;
    expect(bindings.classOfInstance(self)?.id?.name).toBe("Pipeline");
  });
});

describe("Bindings.variableImporting and declaringModuleOf", () => {
  function moduleScopeOf(code: string, filename = "src/x.ts") {
    const input = parseAnalysisInput(code, filename);
    const scope = input.scopeManager.acquire(input.ast, true)!;
    return { bindings: getAnalysisContext(input).bindings, scope, variable: (name: string) => scope.set.get(name)! };
  }

  it("finds the variable holding an export as a value: renamed, required, destructured, a member of a require, not a type or the whole module", () => {
    const { bindings, scope } = moduleScopeOf(`import type { after } from "next/server";
import { type waitUntil } from "@vercel/functions";
import * as server from "next/server";
import later, { after as afterResponse } from "next/server";
const { waitUntil: extend } = require("@vercel/functions");
const flushLater = require("@netlify/functions").waitUntil;`);
    const local = (module: string, name: string) => bindings.variableImporting(scope, module, name)?.name;
    expect(local("next/server", "after")).toBe("afterResponse");
    expect(local("@vercel/functions", "waitUntil")).toBe("extend");
    expect(local("@netlify/functions", "waitUntil")).toBe("flushLater");
    expect(local("next/server", "default")).toBe("later");
    expect(local("next/server", "unstable_after")).toBeUndefined();
    expect(local("other", "after")).toBeUndefined();
  });

  it("reads a CommonJS module's top-level variables, and a require shadowed by a local function is no require", () => {
    const { bindings, scope } = moduleScopeOf(`const { after } = require("next/server");\nfunction f(require) { return require("x"); }`, "src/x.cjs");
    expect(bindings.variableImporting(scope, "next/server", "after")?.name).toBe("after");
    const shadowed = moduleScopeOf(`function require() {}\nconst { after } = require("next/server");`);
    expect(shadowed.bindings.variableImporting(shadowed.scope, "next/server", "after")).toBeUndefined();
    expect(shadowed.bindings.declaringModuleOf(shadowed.variable("after"))).toBeUndefined();
  });

  it("tells the module whose import or require declares a variable, not an alias, a member of a require, import = or import()", () => {
    const { bindings, variable } = moduleScopeOf(`import hh, { evaluate } from "honeyhive";
import type { Options } from "honeyhive";
import * as ns from "honeyhive";
import legacy = require("honeyhive");
const cjs = require("honeyhive");
const { trace } = require("honeyhive");
const member = require("honeyhive").trace;
const alias = hh;
const loaded = await import("honeyhive");
const plain = 1;`);
    const modules = Object.fromEntries(["hh", "evaluate", "Options", "ns", "legacy", "cjs", "trace", "member", "alias", "loaded", "plain"].map((name) => [name, bindings.declaringModuleOf(variable(name))]));
    expect(modules).toEqual({
      hh: "honeyhive",
      evaluate: "honeyhive",
      Options: "honeyhive",
      ns: "honeyhive",
      legacy: undefined,
      cjs: "honeyhive",
      trace: "honeyhive",
      member: undefined,
      alias: undefined,
      loaded: undefined,
      plain: undefined,
    });
  });
});

// fix-blind11-flow: a call of a wrapper or factory written in the file stands for the function it returns.
describe("Bindings.returnedFunctionsOf / functionsOf of a factory call", () => {
  /** For every `register(…)` call of `code`: the first line of each function its argument stands for. */
  function registered(code: string): string[][] {
    const input = parseAnalysisInput(code, "src/x.ts");
    const { bindings } = getAnalysisContext(input);
    return nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)
      .filter((call) => call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === "register")
      .map((call) => bindings.functionsOf(call.arguments[0]).map((fn) => input.text.slice(...fn.range).split("\n")[0]!.trim()));
  }

  it("reads the returned function of a declaration, a curried const arrow, and a returned name; the wrapped argument too", () => {
    expect(
      registered(`
        function withSession(fn) {
          if (!fn) return undefined;
          return async (event) => fn(event);
        }
        const makeHandler = (tracer) => async (event) => tracer;
        function named() {
          const inner = function inner(req) {};
          return inner;
        }
        register(withSession(async (e) => e));
        register(makeHandler(t));
        register(named());
        register([makeHandler(a), makeHandler(b)]);
      `),
    ).toEqual([["async (event) => fn(event)", "async (e) => e"], ["async (event) => tracer"], ["function inner(req) {}"], ["async (event) => tracer", "async (event) => tracer"]]);
  });

  it("reads no returned function of a package's wrapper, a reassigned name, a nested function's return, or a returned call", () => {
    expect(
      registered(`
        import asyncHandler from "express-async-handler";
        let swap = (fn) => (req) => fn(req);
        swap = (fn) => fn;
        function outer() {
          function nested() { return () => 1; }
          return nested();
        }
        register(asyncHandler(async (req) => req));
        register(swap(h));
        register(outer());
      `),
    ).toEqual([["async (req) => req"], [], []]);
  });
});
