// The rules on a project whose tracer lives in its own modules (fixtures/cross-file/app): what they
// learn from the modules a linted file imports, one module deep (analysis/project-modules.ts), changes
// the verdict. Each case is also linted as a file outside any project (the imports then resolve to
// nothing), to show that the verdict comes from the imported module and not from the file alone.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "../fixtures/index.js";
import { NODE_FILE_SYSTEM, ProjectModules, setProjectModules } from "../analysis/project-modules.js";
import evaluateRule, { RULE_NAME as EVALUATE_RULE } from "./no-global-tracer-with-evaluate.js";
import sessionRule, { RULE_NAME as SESSION_RULE } from "./no-session-start-in-handler.js";
import flushRule, { RULE_NAME as FLUSH_RULE } from "./require-force-flush-in-lambda.js";
import { lintWithRule } from "./test-utils/fixture-lint.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";

const APP = join(FIXTURES_DIR, "cross-file", "app");
const file = (path: string) => ({ filename: join(APP, path), code: readFileSync(join(APP, path), "utf8") });
/**
 * A Lambda whose tracer getter (src/lib/tracer-factory.ts) makes a new tracer per call. Kept here, not
 * on disk: `migrate` ends such a handler with a review marker, and `npm run demo` lists every marker.
 */
const FACTORY_GETTER = {
  filename: join(APP, "src/lambda/factory-getter.ts"),
  code: `import type { APIGatewayProxyEvent, APIGatewayProxyResult } from "aws-lambda";
import { getTracer } from "../lib/tracer-factory.js";

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  getTracer().enrichSession({ metadata: { path: event.path } });
  return { statusCode: 200, body: "{}" };
};
`,
};
/** The same text as a file of no project: nothing to follow. */
const alone = (path: string) => join("no-such-project", path);

const ruleTester = createRuleTester();

describe("no-session-start-in-handler across files", () => {
  ruleTester.run(SESSION_RULE, testableRule(sessionRule), {
    valid: [file("src/routes/chat-request-scoped.ts")],
    invalid: [
      {
        ...file("src/routes/chat-neutral-getter.ts"),
        output: file("src/routes/chat-neutral-getter.ts").code.replace("obs().sessionStart(", "obs().createSession("),
        errors: [{ messageId: "sessionStartInHandler", data: { tracer: "obs()", handler: "Express handler" }, line: 9 }],
      },
      {
        ...file("src/routes/chat-session-helper.ts"),
        output: null,
        errors: [
          {
            messageId: "sessionStartInImportedHelper",
            data: { helper: "openChatSession", tracer: "tracer", method: "sessionStart", location: "src/lib/sessions.ts:4", handler: "Express handler" },
            line: 9,
            column: 21,
            endColumn: 36,
          },
        ],
      },
    ],
  });

  it("without the imported modules, neither is reported (a neutral name, a helper of unknown body)", () => {
    for (const path of ["src/routes/chat-neutral-getter.ts", "src/routes/chat-session-helper.ts"]) {
      expect(lintWithRule(SESSION_RULE, sessionRule, file(path).code, alone(path))).toEqual([]);
    }
  });
});

describe("no-session-start-in-handler: what it asks of the imported modules", () => {
  let restore: ProjectModules | undefined;
  afterEach(() => {
    if (restore) setProjectModules(restore);
  });

  it("reads no module for a call of an imported helper outside every function (no handler can hold it)", () => {
    const reads: string[] = [];
    restore = setProjectModules(new ProjectModules({ ...NODE_FILE_SYSTEM, readFile: (path) => (reads.push(path), NODE_FILE_SYSTEM.readFile(path)) }));
    const code = `import { openChatSession } from "../lib/sessions.js";\nexport const bootSession = openChatSession("boot");\n`;
    expect(lintWithRule(SESSION_RULE, sessionRule, code, join(APP, "src/routes/boot.ts"))).toEqual([]);
    expect(reads).toEqual([]);
    // Inside a function the module is read (the handler model is asked only when it says something).
    lintWithRule(SESSION_RULE, sessionRule, `${code}export function later() { return openChatSession("later"); }\n`, join(APP, "src/routes/boot.ts"));
    expect(reads).toContain(join(APP, "src/lib/sessions.ts"));
  });
});

describe("require-force-flush-in-lambda across files", () => {
  ruleTester.run(FLUSH_RULE, testableRule(flushRule), {
    valid: [file("src/lambda/flush-through-barrel.ts")],
    invalid: [
      {
        ...file("src/lambda/flush-sometimes.ts"),
        errors: [
          {
            messageId: "missingFlush",
            line: 7,
            suggestions: [
              {
                messageId: "wrapInTryFinally",
                data: { flush: "tracer.forceFlush()" },
                output: file("src/lambda/flush-sometimes.ts").code.replace(
                  /  tracer\.createSession[\s\S]*?body: "\{\}" \};\n/,
                  (body) => `  try {\n${body.replace(/^(?=.)/gm, "  ")}  } finally {\n    await tracer.forceFlush();\n  }\n`,
                ),
              },
            ],
          },
        ],
      },
      // A factory getter: no suggestion writes `getTracer().forceFlush()` (a new tracer, nothing to flush).
      { ...FACTORY_GETTER, errors: [{ messageId: "missingFlush", line: 4, suggestions: [] }] },
    ],
  });

  it("without the imported modules, the barrel's flush is unknown and the named getter is taken for a caching one", () => {
    const barrel = "src/lambda/flush-through-barrel.ts";
    expect(lintWithRule(FLUSH_RULE, flushRule, file(barrel).code, alone(barrel)).map((message) => message.messageId)).toEqual(["missingFlush"]);
    const [message] = lintWithRule(FLUSH_RULE, flushRule, FACTORY_GETTER.code, alone("src/lambda/factory-getter.ts"));
    expect(message?.suggestions?.map((suggestion) => suggestion.fix.text).join("")).toContain("getTracer().forceFlush()");
  });
});

describe("no-global-tracer-with-evaluate across files", () => {
  ruleTester.run(EVALUATE_RULE, testableRule(evaluateRule), {
    valid: [file("src/eval/run-unbound.ts")],
    invalid: [
      {
        ...file("src/eval/run-bound.ts"),
        errors: [{ messageId: "importedFunctionBoundToTracer", data: { name: "answer", tracer: "tracer", module: "src/eval/pipeline.ts" }, line: 7, column: 13 }],
      },
    ],
  });

  it("without the imported module, the evaluated function's binding is unknown", () => {
    const path = "src/eval/run-bound.ts";
    expect(lintWithRule(EVALUATE_RULE, evaluateRule, file(path).code, alone(path))).toEqual([]);
  });
});
