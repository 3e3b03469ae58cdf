// `migrate --from 1` on the 1.x fixture pairs (fixtures/migrate-1x): the 1.x set then the 2.x
// transforms, as the CLI runs them. before → exactly after; after → unchanged; a second run changes
// nothing and adds no marker; comments are kept.
import { describe, expect, it } from "vitest";
import { loadMigrate1xFixtures } from "../../../fixtures/migrate-1x/index.js";
import { runTransforms } from "../../engine/engine.js";
import { countMarkers } from "../../engine/markers.js";
import { API_1X } from "../../../analysis/knowledge/sdks/honeyhive-1x.js";
import { ALL_TRANSFORM_IDS } from "../ids.js";

const cases = loadMigrate1xFixtures();
const from1 = (text: string, filename: string) => runTransforms(text, filename, { transforms: ALL_TRANSFORM_IDS });

describe.each(cases.map((fixture) => [fixture.id, fixture] as const))("%s", (_id, fixture) => {
  it("turns before into exactly after", () => {
    const result = from1(fixture.before, fixture.filename);
    expect(result.error).toBeUndefined();
    expect(result.output).toBe(fixture.after);
    expect(result.markers).toBe(countMarkers(fixture.after));
    if (fixture.marker) expect(result.markers).toBeGreaterThan(0);
    else expect(result.markers).toBe(0);
  });

  it("leaves after byte-identical (idempotent) and keeps every comment", () => {
    const result = from1(fixture.after, fixture.filename);
    expect(result.error).toBeUndefined();
    expect(result.output).toBe(fixture.after);
    // Not the `//` of a URL in a string (`"https://esm.sh/honeyhive@1.0.42"`, which moves to this major).
    for (const comment of fixture.before.match(/(?<!:)\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? []) expect(fixture.after).toContain(comment);
  });

  it("gives the same result with CRLF line endings", () => {
    const crlf = (text: string) => text.replace(/\n/g, "\r\n");
    expect(from1(crlf(fixture.before), fixture.filename).output).toBe(crlf(fixture.after));
  });
});

it("has a fixture using every 1.x name the data marks implemented", () => {
  const befores = cases.map((fixture) => fixture.before).join("\n");
  const uses = (entry: (typeof API_1X)[number]): boolean => {
    if (entry.name === "constructor") return befores.includes("new HoneyHiveTracer(");
    if (entry.where === "static") return befores.includes(`HoneyHiveTracer.${entry.name}`);
    if (entry.where === "instance") return new RegExp(`tracer\\.${entry.name}\\b`).test(befores);
    return new RegExp(`\\b${entry.name}\\b`).test(befores);
  };
  const implemented = API_1X.filter((entry) => entry.migration.status === "implemented");
  expect(implemented.length).toBeGreaterThan(0);
  expect(implemented.filter((entry) => !uses(entry)).map((entry) => `${entry.where}:${entry.name}`)).toEqual([]);
});
