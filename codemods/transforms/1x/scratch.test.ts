import { it } from "vitest";
import { loadMigrate1xFixtures } from "../../../fixtures/migrate-1x/index.js";
import { runTransforms } from "../../engine/engine.js";
import { ALL_TRANSFORM_IDS } from "../ids.js";
it("prints", () => {
  for (const fixture of loadMigrate1xFixtures()) {
    if (!(process.env.CASES ?? "").split(",").some((c) => fixture.id.endsWith(c))) continue;
    const result = runTransforms(fixture.before, fixture.filename, { transforms: ALL_TRANSFORM_IDS });
    console.log(`=== ${fixture.id} ${JSON.stringify(result.error)} ${result.applied}\n${result.output}`);
  }
});
