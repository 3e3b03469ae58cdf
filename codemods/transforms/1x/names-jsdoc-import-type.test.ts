// 1x-names on 1.x types named through JSDoc import types in JavaScript (`// @ts-check` files type-check
// them): renamed as imported ones are. The TypeScript form is the fixture pair names-import-type-expressions.
import { expect, it } from "vitest";
import { runTransforms } from "../../engine/engine.js";

const CODE = `// @ts-check
import { HoneyHiveTracer } from "honeyhive";
/** @typedef {import("honeyhive").TraceFunctionOptions} TraceOpts */
/** @typedef {import('honeyhive').EnrichSpanParams} SpanFields */
/** @typedef {import("honeyhive").EnrichSessionParams} SessionFields */
/**
 * @param {Partial<import("honeyhive").HoneyHiveTracerProperties>} options
 * @returns {Promise<import("honeyhive").HoneyHiveTracer>}
 */
export async function start(options) {
  return HoneyHiveTracer.init(options);
}
const text = "import(\\"honeyhive\\").TraceFunctionOptions";
export { text };
`;

it("renames 1.x types in JSDoc import types, leaves HoneyHiveTracer, a compound alias and strings alone", () => {
  const { output } = runTransforms(CODE, "/tmp/app/start.js", { transforms: ["1x-names"] });
  expect(output).toContain('/** @typedef {import("honeyhive").TraceOptions} TraceOpts */\n');
  expect(output).toContain("/** @typedef {import('honeyhive').Enrichment} SpanFields */\n");
  // Written here as `Enrichment & { sessionId?: string }`: left to tsc.
  expect(output).toContain('/** @typedef {import("honeyhive").EnrichSessionParams} SessionFields */\n');
  expect(output).toContain(' * @param {Partial<import("honeyhive").TracerOptions>} options\n * @returns {Promise<import("honeyhive").HoneyHiveTracer>}\n');
  expect(output).toContain('const text = "import(\\"honeyhive\\").TraceFunctionOptions";\n');
});
