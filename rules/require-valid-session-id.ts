// A session id read from a request (header, query, body, route params, cookies) or a serverless
// event reaches `createSession()` / `acreateSession()` / `withSession()` / `sessionStart()` /
// `HoneyHiveTracer.init()` unchecked. The SDK throws `InvalidSessionIdError` for an explicit id that
// is not a UUID, so the first client that sends anything else crashes its request. The seeds: validate
// ids from an external source, convert other identifiers deterministically. The suggestion (not a
// fix: it changes which session a UUID id maps to) wraps the value in `toSessionId(…)`.
import type { TSESLint } from "@typescript-eslint/utils";
import { EditList } from "../analysis/edits.js";
import { analysisInputFromContext } from "../analysis/input.js";
import { SdkImports } from "../analysis/sdk-imports.js";
import { honeyhiveMajorOfFile } from "../analysis/sdk-model.js";
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import { findUnvalidatedSessionIds, isRepeatableRead, sessionIdPresence, type UnvalidatedSessionId } from "../analysis/session-id-flow.js";
import { describeHandler } from "../analysis/handlers.js";
import type { AnalysisInput } from "../analysis/input.js";
import { createRule } from "./create-rule.js";

export const RULE_NAME = "require-valid-session-id";

type MessageIds = "unvalidatedSessionId" | "unvalidatedSessionId1x" | "wrapInToSessionId";

/** Longer source expressions are cut in messages. */
const MAX_SOURCE_LENGTH = 48;

/**
 * The edits that wrap the finding's value in `toSessionId(…)` (adding the import) — guarded by the
 * value itself when the client may not have sent one — or undefined when `toSessionId` cannot be
 * written there, or the guard would read the input twice (a body, a call).
 */
export function toSessionIdEdits(input: AnalysisInput, finding: UnvalidatedSessionId): EditList | undefined {
  // honeyhive 1.x exports no toSessionId: the suggestion would import a name that is not there.
  if (honeyhiveMajorOfFile(input) === 1) return undefined;
  const imports = new SdkImports(input);
  const toSessionId = imports.useAt("toSessionId", finding.value);
  if (toSessionId === undefined) return undefined;
  const valueText = input.text.slice(finding.value.range[0], finding.value.range[1]);
  let converted = `${toSessionId}(${valueText})`;
  const presence = sessionIdPresence(input, finding.value);
  // `toSessionId(undefined)` throws a TypeError (the SDK refuses to make one session shared by every
  // request without an id). Convert what was sent; without one, a new session as before. A missing
  // id already made into text (`String(null)` is "null") cannot be told from a sent one.
  if (presence === "stringified") return undefined;
  if (presence === "absent") {
    if (!isRepeatableRead(finding.value)) return undefined;
    const test = NEEDS_PARENTHESES_AS_TEST.has(finding.value.type) ? `(${valueText})` : valueText;
    converted = `${test} ? ${converted} : undefined`;
  }
  const edits = new EditList();
  if (finding.property.shorthand) edits.replace(finding.property, `sessionId: ${converted}`);
  else edits.replace(finding.value, converted);
  imports.finish(edits);
  return edits;
}

/** Values that read ambiguously (or not at all) as the test of a conditional without parentheses. */
const NEEDS_PARENTHESES_AS_TEST: ReadonlySet<AST_NODE_TYPES> = new Set([AST_NODE_TYPES.LogicalExpression, AST_NODE_TYPES.TSAsExpression]);

/** `.key`, or `["key"]` for a key that is not an identifier. */
function keyAccess(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** Shortens an expression's text for a message: one line, at most MAX_SOURCE_LENGTH characters. */
export function sourceLabel(text: string): string {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length <= MAX_SOURCE_LENGTH ? oneLine : `${oneLine.slice(0, MAX_SOURCE_LENGTH - 1)}…`;
}

export default createRule<[], MessageIds>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: "Require session ids from requests and events to be validated or converted before they reach the SDK",
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      unvalidatedSessionId:
        "`{{source}}` comes from the {{handler}}'s input and reaches `{{method}}()` as `sessionId` unchecked: the SDK throws InvalidSessionIdError for any value that is not a UUID. Convert it with `toSessionId()` or check it with `isSessionId()` first.",
      // honeyhive 1.x has no InvalidSessionIdError, toSessionId() or isSessionId(), but takes only UUIDs too.
      unvalidatedSessionId1x:
        "`{{source}}` comes from the {{handler}}'s input and reaches `{{method}}()` as `sessionId` unchecked: honeyhive 1.x accepts only UUID session ids, so any other value fails. Check that it is a UUID first (or derive one from it), or migrate to 2.x and convert it with `toSessionId()`.",
      wrapInToSessionId: "Convert with `toSessionId(…)` (every value, UUIDs included, maps to a deterministic UUID)",
    },
  },
  defaultOptions: [],
  create(context) {
    const input = analysisInputFromContext(context);
    const findings = findUnvalidatedSessionIds(input);
    if (findings.length === 0) return {};
    const is1x = honeyhiveMajorOfFile(input) === 1;
    return {
      "Program:exit"() {
        for (const finding of findings) {
          const edits = toSessionIdEdits(input, finding);
          context.report({
            node: finding.value,
            messageId: is1x ? "unvalidatedSessionId1x" : "unvalidatedSessionId",
            data: {
              source: sourceLabel(context.sourceCode.getText(finding.source) + finding.sourceKeys.map(keyAccess).join("")),
              method: finding.method,
              handler: describeHandler(finding.handler),
            },
            suggest: edits
              ? [
                  {
                    messageId: "wrapInToSessionId",
                    fix: (fixer: TSESLint.RuleFixer) => edits.edits.map((edit) => fixer.replaceTextRange([edit.start, edit.end], edit.text)),
                  },
                ]
              : [],
          });
        }
      },
    };
  },
});
