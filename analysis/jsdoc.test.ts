// JSDoc types of JavaScript files (analysis/jsdoc.ts) and the handlers they make (fix-blind7).
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import { describe, expect, it } from "vitest";
import { getHandlerModel } from "./handlers.js";
import { mayHoldEntry } from "./entry-gate.js";
import { documentedStatement, jsdocTagsBefore, jsdocTypeImports, jsdocTypesBefore, mayHaveJsdocTypes } from "./jsdoc.js";
import { nodesOfTypes } from "./nodes.js";
import { parseAnalysisInput } from "./parse-input.js";
import { readSettings } from "./settings.js";

const parse = (code: string, filename = "src/routes/chat.js") => parseAnalysisInput(code, filename, readSettings({}));

describe("jsdocTypesBefore", () => {
  it("reads @type and @param import() types of the block comment right before the statement", () => {
    const input = parse(`/**\n * Chat route.\n * @param {import("express").Request} req\n * @param {import('express').Response<Body>} [res]\n */\nexport function chat(req, res) {}\n/** @type {import("aws-lambda").SQSHandler} */\nexport const consume = async () => {};`);
    const [chat, consume] = input.ast.body;
    expect(jsdocTypesBefore(input.text, chat!)).toEqual([
      { tag: "param", module: "express", name: "Request", parameter: "req" },
      { tag: "param", module: "express", name: "Response", parameter: "res" },
    ]);
    expect(jsdocTypesBefore(input.text, consume!)).toEqual([{ tag: "type", module: "aws-lambda", name: "SQSHandler" }]);
  });

  it("keeps the @param name after a type with braces inside (gaps-rules-5)", () => {
    const input = parse(`/**\n * @param {import("express").Request<{ id: string }, unknown, { sessionId: string }>} req\n * @param {import("express").Response<{ a: { b: 1 } }>} [res]\n * @param {import("aws-lambda").Context} [context={}]\n */\nexport function chat(req, res, context) {}\n/** @type {import("express").RequestHandler<{ id: string }>} */\nexport const other = () => {};`);
    const [chat, other] = input.ast.body;
    expect(jsdocTypesBefore(input.text, chat!)).toEqual([
      { tag: "param", module: "express", name: "Request", parameter: "req" },
      { tag: "param", module: "express", name: "Response", parameter: "res" },
      { tag: "param", module: "aws-lambda", name: "Context", parameter: "context" },
    ]);
    expect(jsdocTypesBefore(input.text, other!)).toEqual([{ tag: "type", module: "express", name: "RequestHandler" }]);
  });

  it("reads nothing of a tag whose type never closes", () => {
    const input = parse(`/** @param {import("express").Request<{ id: string } req */\nexport function chat(req) {}`);
    expect(jsdocTypesBefore(input.text, input.ast.body[0]!)).toEqual([]);
  });

  it("reads nothing through code between, a line comment, or a type without import()", () => {
    const input = parse(`/** @type {import("express").RequestHandler} */\nconst other = 1;\nexport const a = () => {};\n// @type {import("express").RequestHandler}\nexport const b = () => {};\n/** @type {RequestHandler} */\nexport const c = () => {};`);
    expect(input.ast.body.slice(1).map((statement) => jsdocTypesBefore(input.text, statement))).toEqual([[], [], []]);
  });

  it("documents the function of `export const x = fn` and of `module.exports.x = fn` by their statement", () => {
    const input = parse(`export const a = async () => {};\nmodule.exports.b = function () {};\nwrap(() => {});`);
    const functions = nodesOfTypes(input.ast, [AST_NODE_TYPES.ArrowFunctionExpression, AST_NODE_TYPES.FunctionExpression] as const);
    expect(functions.map((fn) => documentedStatement(fn).type)).toEqual(["ExportNamedDeclaration", "ExpressionStatement", "ArrowFunctionExpression"]);
  });

  it("is asked only of JavaScript files whose text has @type or @param", () => {
    expect(mayHaveJsdocTypes(parse("/** @type {X} */ const a = 1;", "a.ts").ast, "/** @type {X} */ const a = 1;", "a.ts")).toBe(false);
    const plain = parse("export const a = 1;", "a.mjs");
    expect(mayHaveJsdocTypes(plain.ast, plain.text, plain.filename)).toBe(false);
    const typed = parse("/** @param {import('x').Y} a */ export function f(a) {}", "a.cjs");
    expect(mayHaveJsdocTypes(typed.ast, typed.text, typed.filename)).toBe(true);
  });
});

describe("handlers typed by JSDoc", () => {
  const handlersOf = (code: string, filename = "src/routes/chat.js"): string[] => {
    const input = parse(code, filename);
    const model = getHandlerModel(input);
    if (model.requestHandlers.length > 0) expect(mayHoldEntry(input, "handler")).toBe(true);
    return [...model.requestHandlers.map((handler) => `${handler.framework}`), ...model.lambdaHandlers.map((handler) => `lambda ${handler.exportName}`)];
  };

  it("takes a function typed with a framework's handler type in JavaScript", () => {
    expect(handlersOf(`/** @type {import("express").RequestHandler} */\nexport const chat = async (req, res) => { res.end(); };`)).toEqual(["express"]);
    expect(handlersOf(`/** @param {import("express").Request} req */\nexport function chat(req, res) { res.end(); }`)).toEqual(["express"]);
    expect(handlersOf(`/** @type {import("aws-lambda").SQSHandler} */\nexport const consume = async (event) => {};`, "src/consume.mjs")).toEqual(["lambda consume"]);
  });

  it("takes nothing from a TypeScript file's JSDoc, an unrelated type, or a comment not right before", () => {
    expect(handlersOf(`/** @type {import("express").RequestHandler} */\nexport const chat = async (req: any, res: any) => { res.end(); };`, "src/chat.ts")).toEqual([]);
    expect(handlersOf(`/** @type {import("express").Application} */\nexport const app = makeApp();`)).toEqual([]);
    expect(handlersOf(`/** @type {import("./types").Handler} */\nexport const chat = async () => {};`)).toEqual([]);
    expect(handlersOf(`/** @type {import("aws-lambda").Context} */\nexport const consume = async (event) => {};`, "src/consume.mjs")).toEqual([]);
  });
});

describe("jsdocTagsBefore and jsdocTypeImports (migrate's JSDoc-typed tracers)", () => {
  it("reads every @type/@param type as written, and skips one with braces inside", () => {
    const input = parse(`/**\n * @param {HoneyHiveTracer | undefined} [tracer]\n * @param {{ flush(): void }} logger\n * @type {?Tracer}\n */\nexport function f(tracer, logger) {}`);
    expect(jsdocTagsBefore(input.text, input.ast.body[0]!)).toEqual([
      { tag: "param", type: "HoneyHiveTracer | undefined", parameter: "tracer" },
      { tag: "type", type: "?Tracer" },
    ]);
  });

  it("maps @typedef import() and @import names to their module and export", () => {
    const text = `/** @typedef {import("honeyhive").HoneyHiveTracer} Tracer */\n/** @import { HoneyHiveTracer as Hh, Enrichment } from "honeyhive" */\n/** @typedef {Object} Plain */`;
    expect(Object.fromEntries(jsdocTypeImports(text))).toEqual({
      Tracer: { module: "honeyhive", name: "HoneyHiveTracer" },
      Hh: { module: "honeyhive", name: "HoneyHiveTracer" },
      Enrichment: { module: "honeyhive", name: "Enrichment" },
    });
  });
});
