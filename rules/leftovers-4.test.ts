// Correctness leftovers of the rules (leftovers-4): cases that pin one defect each.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import requireValidSessionId from "./require-valid-session-id.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";

const ruleTester = createRuleTester();

/**
 * A workspace app whose package.json does not list `honeyhive`: it takes its tracer from a workspace package. An
 * import of "honeyhive" added there would not resolve under pnpm or Yarn PnP.
 */
const APP_WITHOUT_SDK = (() => {
  const root = mkdtempSync(join(tmpdir(), "honeyhive-leftovers-4-"));
  const app = join(root, "apps", "chat");
  mkdirSync(join(app, "src"), { recursive: true });
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "@acme/chat", dependencies: { "@acme/obs": "workspace:*" } }));
  return app;
})();

const LAMBDA_READING_SESSION_ID = `import { tracer } from "./tracing";\nexport const handler = async (event) => {\n  const { sessionId } = JSON.parse(event.body ?? "{}");\n  tracer.createSession({ sessionId });\n  return { statusCode: 200 };\n};`;
const REPORT = { messageId: "unvalidatedSessionId" as const, data: { source: 'JSON.parse(event.body ?? "{}").sessionId', method: "createSession", handler: "AWS Lambda handler" } };

ruleTester.run("require-valid-session-id (a package without the SDK)", testableRule(requireValidSessionId), {
  valid: [],
  invalid: [
    // The package does not depend on honeyhive: no suggestion, which would add `import { toSessionId } from "honeyhive"`.
    { code: LAMBDA_READING_SESSION_ID, filename: join(APP_WITHOUT_SDK, "src", "chat.ts"), errors: [{ ...REPORT, suggestions: [] }] },
    // The same file in a package that does (this repository's own root) gets it.
    {
      code: LAMBDA_READING_SESSION_ID,
      filename: "src/chat.ts",
      errors: [
        {
          ...REPORT,
          suggestions: [
            {
              messageId: "wrapInToSessionId",
              output: `import { toSessionId } from "honeyhive";\n${LAMBDA_READING_SESSION_ID.replace("createSession({ sessionId })", 'createSession({ sessionId: typeof sessionId === "string" && sessionId ? toSessionId(sessionId) : undefined })')}`,
            },
          ],
        },
      ],
    },
  ],
});
