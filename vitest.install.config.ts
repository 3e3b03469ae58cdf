import { defineConfig } from "vitest/config";

// The install tests: each installs the packed package (and sometimes a toolchain) with real npm into
// scratch projects. Tens of seconds each, so kept out of `npm test`; `npm run test:install` runs them.
export default defineConfig({
  test: {
    include: ["{sdk,rules,codemods}/**/*.install.test.ts"],
    globalSetup: ["./scripts/vitest-global-setup.ts"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
