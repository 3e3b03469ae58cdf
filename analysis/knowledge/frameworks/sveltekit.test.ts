import { describe, expect, it } from "vitest";
import { handlersOf } from "../../test-utils/handlers-of.js";

// SvelteKit remote functions: `query.batch(schema, fn)` runs `fn` once per (batched) request from the browser, as
// `query(schema, fn)` runs its function once per call; the `(input, index) => output` it returns answers each input.
describe("SvelteKit remote functions", () => {
  const REMOTE = (from: string) => `import { query } from "${from}";
import * as v from "valibot";

export const getWeather = query.batch(v.string(), async (cities) => {
  const rows = await db.weather(cities);
  return (city) => rows.find((row) => row.city === city);
});
`;
  it("query.batch(schema, fn): fn is a per-request callback", () => {
    expect(handlersOf(REMOTE("$app/server"), "src/routes/weather.remote.ts")).toEqual(["sveltekit: async (cities) => {"]);
  });
  it("quiet: a query of another module", () => {
    expect(handlersOf(REMOTE("./queries"), "src/routes/weather.remote.ts")).toEqual([]);
  });
});
