// The flush rule on a project on disk (platforms-3, platforms-5): a reported case's suggestion is applied and compared
// with what `honeyhive migrate`'s lambda-force-flush transform writes; a quiet case gets neither a report nor an edit.
import { join } from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../../codemods/engine/engine.js";
import rule, { RULE_NAME } from "../require-force-flush-in-lambda.js";
import { configForRule, type FixtureLintMessage } from "./fixture-lint.js";
export { hhModulePkg as pkg, TRACING_TS } from "./programs.js";


/** A TanStack Start server route in the function form `handlers: ({ createHandlers }) => createHandlers({ POST: { handler } })`. */
export const createHandlersRoute = (inHandler: string, before = ""): string => `import { createFileRoute } from "@tanstack/react-router";
import { tracer } from "../../lib/tracing";
${before}
export const Route = createFileRoute("/api/chat")({
  server: {
    handlers: ({ createHandlers }) =>
      createHandlers({
        POST: {
          handler: async ({ request }) => {
            ${inHandler}
            return new Response(await request.text());
          },
        },
      }),
  },
});
`;

export interface FlushCase {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
  readonly filename: string;
  readonly code: string;
  /** A reported case: a text the fix writes (the suggestion and the codemod alike). Absent: quiet. */
  readonly writes?: string;
  /** A text the fix must not write. */
  readonly notWritten?: string;
}

interface Suggestion {
  readonly messageId?: string;
  readonly fix: { readonly range: readonly [number, number]; readonly text: string };
}

export function describeFlushCases(title: string, prefix: string, cases: readonly FlushCase[]): void {
  describe(title, () => {
    const project = useTempProjects(prefix);
    it.each(cases.map((testCase) => [testCase.name, testCase] as const))("%s", (_name, testCase) => {
      const root = project({ ...testCase.files, [testCase.filename]: testCase.code });
      const filename = join(root, testCase.filename);
      const messages = new Linter({ configType: "flat", cwd: root }).verify(testCase.code, configForRule(RULE_NAME, rule), { filename }) as (FixtureLintMessage & { suggestions?: Suggestion[] })[];
      const migrated = runTransforms(testCase.code, filename, { transforms: ["lambda-force-flush"], cwd: root }).output;
      if (testCase.writes === undefined) {
        expect(messages).toEqual([]);
        expect(migrated).toBe(testCase.code);
        return;
      }
      expect(messages.map((message) => message.ruleId)).toEqual([`honeyhive/${RULE_NAME}`]);
      const [suggestion] = messages[0]?.suggestions ?? [];
      expect(suggestion).toBeDefined();
      const suggested = testCase.code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + testCase.code.slice(suggestion.fix.range[1]);
      expect(suggested).toContain(testCase.writes);
      if (testCase.notWritten !== undefined) expect(suggested).not.toContain(testCase.notWritten);
      expect(migrated).toBe(suggested);
    });
  });
}
