// `migrate --from 1` on a file whose only link to the SDK is a 1.x wrapper a project barrel re-exports
// under another name (`export { traceFunction as traced } from "honeyhive"`): the call is rewritten as
// the SDK's, where it is called as a wrapper (curried on options, or given `eventName`/`eventType`).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../../engine/engine.js";
import { ALL_TRANSFORM_IDS } from "../ids.js";

const makeProject = useTempProjects("barrels-renamed", "all");
const root = makeProject({
  "package.json": `{ "name": "app", "private": true, "dependencies": { "honeyhive": "^1.0.42" } }\n`,
  "src/lib/hh.ts": `export { traceFunction as traced, traceModel as model } from "honeyhive";\n`,
});

const migrate = (code: string) => runTransforms(code, join(root, "src/app.ts"), { transforms: ALL_TRANSFORM_IDS });

describe("migrate --from 1 on an SDK wrapper re-exported under another name", () => {
  it("rewrites the curried wrapper and one given wrapper options, importing trace from honeyhive", () => {
    const code = `import { traced, model } from "./lib/hh";

export const search = traced({ eventName: "search" })(async (query: string) => [query]);
export const answer = model(async (question: string) => question, { eventName: "answer" });
`;
    const result = migrate(code);
    expect(result.error).toBeUndefined();
    // The barrel's import goes (nothing of it is left), and trace comes from the package: the barrel names what it re-exports.
    expect(result.output).toBe(`import { trace } from "honeyhive";
/* honeyhive-migrate: pass a tracer to this call (no HoneyHive tracer in scope) */
export const search = trace({ eventName: "search" }, async (query: string) => [query]);
/* honeyhive-migrate: pass a tracer to this call (no HoneyHive tracer in scope) */
export const answer = trace({ eventType: "model", eventName: "answer" }, async (question: string) => question);
`);
  });

  it("leaves a bare call of the renamed name alone: nothing tells it from a project's own higher-order function", () => {
    const code = `import { model } from "./lib/hh";\n\nexport const answer = model(async (question: string) => question);\n`;
    expect(migrate(code).output).toBe(code);
  });
});
