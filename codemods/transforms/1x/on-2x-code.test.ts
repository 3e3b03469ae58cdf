// The 1.x set over code already written against this SDK (`migrate --from 1` on a project that is
// partly migrated, or run twice): the 2.x fixture pairs, before and after, hold no 1.x API, so the
// 1.x transforms must leave every one of them byte-identical. Fixtures written as 1.x code on
// purpose (`1x` in their case name) are the 1.x set's to rewrite and are left out.
import { describe, expect, it } from "vitest";
import { loadFixtures } from "../../../fixtures/index.js";
import { runTransforms } from "../../engine/engine.js";
import { TRANSFORM_1X_IDS } from "../ids.js";

const cases = loadFixtures().filter((fixture) => !/1x/.test(fixture.id));

describe.each(cases.map((fixture) => [fixture.id, fixture] as const))("%s", (_id, fixture) => {
  it.each(["before", "after"] as const)("the 1.x set leaves %s unchanged", (side) => {
    const result = runTransforms(fixture[side], fixture.filename, { transforms: TRANSFORM_1X_IDS });
    expect(result.error).toBeUndefined();
    expect(result.output).toBe(fixture[side]);
  });
});

it("checks the 2.x fixtures", () => {
  expect(cases.length).toBeGreaterThan(100);
});
