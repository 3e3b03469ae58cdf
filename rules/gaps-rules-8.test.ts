// gaps-rules-8: precision of require-valid-session-id's checks (issue 16). A call named like a validator
// given the whole request (`validateBody(req)`) is no check of the id in it unless the file shows that it
// checks that key: a function of the file with a check of the key inside, or a schema of a schema library
// (analysis/knowledge/schema-checks.ts) the file writes with a UUID rule on the key. express-validator's
// `validationResult(req)` counts only where its result decides (`if (!result.isEmpty())`, `.throw()`).
// docs/rules/require-valid-session-id.md says what counts as a check.
import { describe, expect, it } from "vitest";
import rule, { RULE_NAME } from "./require-valid-session-id.js";
import { type AnyRule, type Case, lintCase } from "./test-utils/blind-cases.js";

const HEAD = `import express from "express";\nimport { HoneyHiveTracer, isSessionId } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst app = express();\n`;
const BODY = "req.body.sessionId";
const HEADER = 'req.get("x-session-id")';
/** A route whose handler runs `check` then starts a session with `read`. */
const route = (check: string, read = BODY): string => `app.post("/chat", async (req, res) => {\n  ${check}\n  tracer.createSession({ sessionId: ${read} });\n  res.end();\n});\n`;
const c = (name: string, code: string): Case => ({ name, code: `${HEAD}${code}` });
const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;

function describeCases(title: string, reported: readonly Case[], quiet: readonly Case[]): void {
  describe(title, () => {
    it.each(reported.map((testCase) => [testCase.name, testCase] as const))("reported: %s", (_name, testCase) => expect(reports(testCase)).toBe(1));
    it.each(quiet.map((testCase) => [testCase.name, testCase] as const))("quiet: %s", (_name, testCase) => expect(reports(testCase)).toBe(0));
  });
}

const ZOD = `import { z } from "zod";\n`;
const UUID_BODY = "const Body = z.object({ sessionId: z.string().uuid(), text: z.string() });\n";
const LOOSE_BODY = "const Body = z.object({ sessionId: z.string(), userId: z.string().uuid() });\n";

describeCases(
  "gaps-rules-8: a validator given the whole request checks the id only where the file shows it",
  [
    c("an imported validateBody(req), read by name only", `import { validateBody } from "./validators";\n${route("validateBody(req);")}`),
    c("an imported isValidUser(req) guarding the route", `import { isValidUser } from "./auth";\n${route("if (!isValidUser(req)) return void res.status(401).end();", HEADER)}`),
    c("a function of the file that checks another key", `function isValidUser(req) {\n  return isSessionId(req.body.userId);\n}\n${route("if (!isValidUser(req)) return void res.status(401).end();")}`),
    c("a function of the file that checks nothing", `const validateRequest = (req) => typeof req.body === "object";\n${route("if (!validateRequest(req)) return void res.status(400).end();")}`),
    c("a validator given another key of the same part", route("if (!isSessionId(req.body.userId)) return void res.status(400).end();")),
    c("a validator given the body part by name only", `import { validate } from "./validators";\n${route("validate(req.body);")}`),
    c("a zod schema of the file with no UUID rule on the key", `${ZOD}${LOOSE_BODY}${route("Body.parse(req.body);")}`),
    c("a zod safeParse whose result is not read", `${ZOD}${UUID_BODY}${route("Body.safeParse(req.body);")}`),
    c("an imported schema's parse (not read)", `import { Body } from "./schemas";\n${route("Body.parse(req.body);")}`),
    c("a Joi validate whose error is not read", `import Joi from "joi";\nconst schema = Joi.object({ sessionId: Joi.string().guid() });\n${route("schema.validate(req.body);")}`),
    c("a look-alike parse of another package", `import { Body } from "./schemas";\nimport { z } from "./zod-like";\nconst Local = z.object({ sessionId: z.string().uuid() });\n${route("Local.parse(req.body);")}`),
  ],
  [
    c("a function of the file that checks the key", `function validateBody(req) {\n  if (!isSessionId(req.body.sessionId)) throw new Error("bad session id");\n}\n${route("validateBody(req);")}`),
    c("an arrow of the file that checks the header through a local", `const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;\nconst validateRequest = (req) => {\n  const id = req.get("x-session-id");\n  return UUID_RE.test(id);\n};\n${route("if (!validateRequest(req)) return void res.status(400).end();", HEADER)}`),
    c("a function of the file whose schema checks the key", `${ZOD}${UUID_BODY}function validateBody(req) {\n  Body.parse(req.body);\n}\n${route("validateBody(req);")}`),
    c("a validator named so, given the id itself", `import { isValidId } from "./ids";\n${route("if (!isValidId(req.body.sessionId)) return void res.status(400).end();")}`),
    c("zod parse of the body with a UUID rule on the key", `${ZOD}${UUID_BODY}${route("Body.parse(req.body);")}`),
    c("zod inline schema, z.uuid()", `${ZOD}${route("z.object({ sessionId: z.uuid() }).parse(req.body);")}`),
    c("zod safeParse deciding", `${ZOD}${UUID_BODY}${route("if (!Body.safeParse(req.body).success) return void res.status(400).end();")}`),
    c("zod safeParse stored and tested", `${ZOD}${UUID_BODY}${route("const parsed = Body.safeParse(req.body);\n  if (!parsed.success) return void res.status(400).end();")}`),
    c("valibot parse(schema, value)", `import * as v from "valibot";\nconst Body = v.object({ sessionId: v.pipe(v.string(), v.uuid()) });\n${route("v.parse(Body, req.body);")}`),
    c("yup validate", `import * as yup from "yup";\nconst Body = yup.object({ sessionId: yup.string().uuid().required() });\n${route("await Body.validate(req.body);")}`),
    c("Joi.attempt(value, schema)", `import Joi from "joi";\nconst schema = Joi.object({ sessionId: Joi.string().guid() });\n${route("Joi.attempt(req.body, schema);")}`),
    c("Joi validate with its error read", `import Joi from "joi";\nconst schema = Joi.object({ sessionId: Joi.string().uuid() });\n${route("const { error } = schema.validate(req.body);\n  if (error) return void res.status(400).end();")}`),
  ],
);

const CHAINED = `import { header, validationResult } from "express-validator";\n`;
const chainRoute = (check: string): string => `app.post("/chat", header("x-session-id").isUUID(), (req, res) => {\n  ${check}\n  tracer.createSession({ sessionId: ${HEADER} });\n  res.end();\n});\n`;

describeCases(
  "gaps-rules-8: validationResult(req) counts where its result decides",
  [
    c("the call alone", `${CHAINED}${chainRoute("validationResult(req);")}`),
    c("the errors logged, not answered", `${CHAINED}${chainRoute("const errors = validationResult(req);\n  console.log(errors.array());")}`),
    c("the errors sent back after the session starts", `${CHAINED}app.post("/chat", header("x-session-id").isUUID(), (req, res) => {\n  tracer.createSession({ sessionId: ${HEADER} });\n  res.json(validationResult(req).array());\n});\n`),
  ],
  [
    c("if (!validationResult(req).isEmpty()) return", `${CHAINED}${chainRoute("if (!validationResult(req).isEmpty()) return void res.status(400).end();")}`),
    c("validationResult(req).throw()", `${CHAINED}${chainRoute("validationResult(req).throw();")}`),
    c("a stored result tested", `${CHAINED}${chainRoute("const result = validationResult(req);\n  if (!result.isEmpty()) return void res.status(422).json(result.array());")}`),
    c("formatWith(…).isEmpty() tested", `${CHAINED}${chainRoute("if (!validationResult(req).formatWith((e) => e.msg).isEmpty()) return void res.status(400).end();")}`),
  ],
);
