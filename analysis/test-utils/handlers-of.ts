// The request handlers a file's handler model finds, as `framework: first line` strings, for the tests
// of framework descriptors (analysis/knowledge/frameworks/*.test.ts).
import { expect } from "vitest";
import { parseAnalysisInput } from "../parse-input.js";
import { getHandlerModel } from "../handlers.js";
import { mayHoldEntry } from "../entry-gate.js";
import { readSettings } from "../settings.js";

/** `framework: first line` of each request handler the model finds in `code`. */
export function handlersOf(code: string, filename = "src/server.ts"): string[] {
  const input = parseAnalysisInput(code, filename, readSettings({}));
  const model = getHandlerModel(input);
  // The rules' cheap gate must let through every file that holds a handler.
  if (model.requestHandlers.length > 0) expect(mayHoldEntry(input, "handler")).toBe(true);
  return model.requestHandlers.map((handler) => `${handler.framework}: ${input.text.slice(...handler.function.range).split("\n")[0]!.trim()}`);
}
