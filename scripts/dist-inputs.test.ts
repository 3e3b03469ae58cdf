// The vitest global setup rebuilds dist/ from exactly the files it is built from.
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { distInputs } from "./dist-inputs.js";

const root = join(import.meta.dirname, "..");
const inputs = new Set(distInputs(root).map((file) => relative(root, file)));

describe("dist inputs", () => {
  it("are the sources both builds compile, the build's scripts and configurations, and package.json", () => {
    for (const file of ["sdk/index.ts", "analysis/sdk-model.ts", "rules/index.ts", "codemods/bin.ts", "codemods/cli/migrate.ts", "rules/plugin-entry.cts", "rules/plugin-entry.mts"]) {
      expect(inputs, file).toContain(file);
    }
    for (const file of ["package.json", "tsconfig.json", "tsconfig.build.json", "tsconfig.cjs.json", "scripts/build.mjs", "scripts/prune-declarations.mjs", "scripts/package-version.mjs"]) {
      expect(inputs, file).toContain(file);
    }
  });

  it("leave out tests, test helpers, docs, fixtures and the other scripts", () => {
    for (const file of ["sdk/tracer.test.ts", "sdk/test-utils/type-check.ts", "codemods/cli/test-utils/shapes.ts", "README.md", "docs/sdk.md", "fixtures/index.ts", "scripts/vitest-global-setup.ts", "vitest.config.ts"]) {
      expect(inputs, file).not.toContain(file);
    }
    expect([...inputs].filter((file) => /\.test\.ts$|\/test-utils\/|^(docs|fixtures|bench)\//.test(file))).toEqual([]);
  });
});
