// A session id read from a request (header, query, body, route params, cookies) or a serverless
// event reaches `createSession()` / `acreateSession()` / `withSession()` / `sessionStart()` /
// `HoneyHiveTracer.init()` unchecked. The SDK throws `InvalidSessionIdError` for an explicit id that
// is not a UUID, so the first client that sends anything else crashes its request. The seeds: validate
// ids from an external source, convert other identifiers deterministically. The suggestion (not a
// fix: it changes which session a UUID id maps to) wraps the value in `toSessionId(…)`, guarded by
// its type where the client decides it (`typeof v === "string" && v ? toSessionId(v) : undefined`).
import type { TSESLint } from "@typescript-eslint/utils";
import { EditList } from "../analysis/edits.js";
import { analysisInputFromContext } from "../analysis/input.js";
import { relevanceOf } from "../analysis/relevance.js";
import { SdkImports } from "../analysis/sdk-imports.js";
import { honeyhiveMajorOfFile } from "../analysis/sdk-model.js";
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
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
 * value's type unless it is a non-empty string on every path — or undefined when `toSessionId` cannot
 * be written there (also: its import would be needed in a package that does not depend on `honeyhive`),
 * or the guard would read the input twice (a body, a call).
 */
export function toSessionIdEdits(input: AnalysisInput, finding: UnvalidatedSessionId): EditList | undefined {
  // honeyhive 1.x exports no toSessionId: the suggestion would import a name that is not there.
  if (honeyhiveMajorOfFile(input) === 1) return undefined;
  const imports = new SdkImports(input);
  const toSessionId = imports.useAt("toSessionId", finding.value);
  // A package that does not depend on the SDK (it uses a workspace package's tracer) gets no import of it: it would
  // not resolve under pnpm or Yarn PnP, and `toSessionId` without one is no name at all.
  if (toSessionId === undefined || imports.packageWithoutSdk("toSessionId") !== undefined) return undefined;
  const presence = sessionIdPresence(input, finding.value);
  // A missing id already made into text (`String(null)` is "null") cannot be told from a sent one.
  if (presence === "stringified") return undefined;
  let converted = `${toSessionId}(${textOf(input, finding.value)})`;
  // `toSessionId()` throws a TypeError for anything but a non-empty string (the SDK refuses to make one
  // session shared by every request without an id), and the client decides the type of most inputs:
  // Express's `?sid=a&sid=b` is an array, a JSON body's field a number, a Node header `string[]`. Only
  // a path parameter of the matched route (the framework's `routeParameters`), or text made of one, is
  // always a non-empty string; anything else is converted when it is one, else a new session as
  // before. `typeof v === "string"` also narrows the value's type for TypeScript (a `ParsedQs` read).
  if (presence !== "text") {
    // `id!`: the guard says more than the assertion, which goes.
    let value: TSESTree.Node = finding.value;
    while (value.type === AST_NODE_TYPES.TSNonNullExpression) value = value.expression;
    if (!isRepeatableRead(value)) return undefined;
    const valueText = textOf(input, value);
    const test = NEEDS_PARENTHESES_AS_OPERAND.has(value.type) ? `(${valueText})` : valueText;
    converted = `typeof ${test} === "string" && ${test} ? ${toSessionId}(${valueText}) : undefined`;
  }
  const edits = new EditList();
  if (finding.property.shorthand) edits.replace(finding.property, `sessionId: ${converted}`);
  else edits.replace(finding.value, converted);
  imports.finish(edits);
  return edits;
}

function textOf(input: AnalysisInput, node: TSESTree.Node): string {
  return input.text.slice(node.range[0], node.range[1]);
}

/** Values that read otherwise (or not at all) as the operand of `typeof` or `&&` without parentheses. */
const NEEDS_PARENTHESES_AS_OPERAND: ReadonlySet<AST_NODE_TYPES> = new Set([AST_NODE_TYPES.LogicalExpression, AST_NODE_TYPES.TSAsExpression]);

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
    // Nothing to report in a file that does not use the SDK (analysis/relevance.ts).
    if (!relevanceOf(input).sdk) return {};
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
