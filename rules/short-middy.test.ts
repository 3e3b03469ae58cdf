// Where require-force-flush-in-lambda reports a wrapped handler: on the function the fix edits (its head, or
// the name it is declared with when the wrapper receives an identifier), not on the export line.
import rule, { RULE_NAME } from "./require-force-flush-in-lambda.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";

const ruleTester = createRuleTester();
const testedRule = testableRule(rule);

const MIDDY = `import middy from "@middy/core";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;

ruleTester.run(`${RULE_NAME}: where a wrapped handler is reported`, testedRule, {
  valid: [],
  invalid: [
    {
      // Wrapped inline: the wrapped function's head (line 5), not the export's name on line 4.
      code: `${MIDDY}export const handler = middy(\n  async (event) => {\n    tracer.createSession();\n  },\n).use(cors());`,
      errors: [{ messageId: "missingFlush", line: 5, column: 3, endLine: 5, endColumn: 19, suggestions: [{ messageId: "wrapInTryFinally", output: `${MIDDY}export const handler = middy(\n  async (event) => {\n    try {\n      tracer.createSession();\n    } finally {\n      await tracer.forceFlush();\n    }\n  },\n).use(cors());` }] }],
    },
    {
      // Wrapped by name: the name the wrapped function is declared with.
      code: `${MIDDY}async function baseHandler(event) {\n  tracer.createSession();\n}\nexport const handler = middy(baseHandler);`,
      errors: [{ messageId: "missingFlush", line: 4, column: 16, endLine: 4, endColumn: 27, suggestions: [{ messageId: "wrapInTryFinally", output: `${MIDDY}async function baseHandler(event) {\n  try {\n    tracer.createSession();\n  } finally {\n    await tracer.forceFlush();\n  }\n}\nexport const handler = middy(baseHandler);` }] }],
    },
    {
      // Handed to the wrapper's `.handler(…)`, declared as a const.
      code: `${MIDDY}const base = async (event) => { tracer.createSession(); };\nexport const handler = middy().use(cors()).handler(base);`,
      errors: [{ messageId: "missingFlush", line: 4, column: 7, endLine: 4, endColumn: 11, suggestions: [{ messageId: "wrapInTryFinally", output: `${MIDDY}const base = async (event) => {\n  try {\n    tracer.createSession();\n  } finally {\n    await tracer.forceFlush();\n  }\n};\nexport const handler = middy().use(cors()).handler(base);` }] }],
    },
    {
      // A plain export: still its exported name.
      code: `${MIDDY}export const handler = async (event) => {\n  tracer.createSession();\n};`,
      errors: [{ messageId: "missingFlush", line: 4, column: 14, endLine: 4, endColumn: 21, suggestions: [{ messageId: "wrapInTryFinally", output: `${MIDDY}export const handler = async (event) => {\n  try {\n    tracer.createSession();\n  } finally {\n    await tracer.forceFlush();\n  }\n};` }] }],
    },
    {
      // Exported under another name without a wrapper: the exported name, as before.
      code: `${MIDDY}const base = async (event) => { tracer.createSession(); };\nexport { base as handler };`,
      errors: [{ messageId: "missingFlush", line: 5, column: 18, endLine: 5, endColumn: 25, suggestions: [{ messageId: "wrapInTryFinally", output: `${MIDDY}const base = async (event) => {\n  try {\n    tracer.createSession();\n  } finally {\n    await tracer.forceFlush();\n  }\n};\nexport { base as handler };` }] }],
    },
  ],
});
