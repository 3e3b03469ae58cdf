import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // RuleTester from @typescript-eslint/rule-tester hooks into describe/it/afterAll globals.
    globals: true,
    include: ["{sdk,analysis,rules,codemods,scripts,tests}/**/*.test.ts"],
    // *.install.test.ts install the packed package with npm: `npm run test:install` (vitest.install.config.ts).
    exclude: ["**/node_modules/**", "dist/**", "fixtures/**", "bench/**", "**/*.install.test.ts"],
    globalSetup: ["./scripts/vitest-global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
