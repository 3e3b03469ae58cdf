import { defineConfig } from "vitest/config";

// Tests that spawn processes (the built CLI, ESLint, tsc, npm, node scripts) are the integration
// project; everything else is unit work: the unit-shared project (below) and the unit project. `npm test`
// runs all three; `npm run test:unit` (both unit projects) gives the fast loop.
// scripts/test-projects.test.ts keeps this list equal to the files that import node:child_process, so a
// new process-spawning test cannot land in a unit project unnoticed.
export const INTEGRATION_TESTS = [
  "codemods/blind-1x.test.ts",
  "codemods/cli/diff.test.ts",
  "codemods/cli/migrate-fixtures.test.ts",
  "codemods/cli/migrate-from-1x.test.ts",
  "codemods/cli/migrate.test.ts",
  "codemods/cli/pool.test.ts",
  "codemods/cli/tiering.test.ts",
  "codemods/engine/engine.test.ts",
  "codemods/load-cost.test.ts",
  "codemods/sample-app-1x.test.ts",
  "codemods/transforms/1x/barrels-links.test.ts",
  "codemods/transforms/1x/barrels.test.ts",
  "codemods/transforms/1x/real-code.test.ts",
  "rules/ci.test.ts",
  "rules/docs.test.ts",
  "rules/eslint-versions.test.ts",
  "rules/lsp.test.ts",
  "rules/package.test.ts",
  "rules/pre-commit.test.ts",
  "scripts/demo.test.ts",
  "scripts/lock-file.test.ts",
  "sdk/blind-users.test.ts",
  "sdk/exit-flush.test.ts",
  "sdk/exit.test.ts",
  "sdk/import-cost.test.ts",
  "sdk/package-consumers.test.ts",
  "sdk/test-utils/held-resources.test.ts",
];

// Unit files of the analysis, the rules, the codemods and the scripts hold no process-wide state of their own: they
// parse and analyse text, and what the analysis caches is keyed by file path or AST. They share one
// module graph per worker (`isolate: false`: typescript, typescript-eslint, ESLint and the analysis are
// imported once per worker, not once per file). A unit file there that mocks modules, resets them,
// writes process.env, or runs the SDK (tracers, the default tracer, the connection pool and the
// logger's warned-once memory last the process) keeps a module graph of its own: ISOLATED_UNIT_TESTS.
// scripts/test-projects.test.ts keeps this list honest.
export const SHARED_UNIT_FOLDERS = ["analysis", "rules", "codemods", "scripts"];
// The SDK's unit files share the unit-shared workers too, and the SDK does keep process-wide state (the
// default tracer, the logger's warned-once memory, the connection pool per origin, exit-flush registrations):
// sdk/test-utils/shared-graph-setup.ts puts back after each file what a file relies on finding fresh (no
// default tracer, no warning printed yet, no stubbed environment variable). A file that mocks or resets
// modules, or writes process.env itself, keeps a module graph of its own: ISOLATED_SDK_TESTS, each with its
// reason (scripts/test-projects.test.ts keeps the list honest).
export const ISOLATED_SDK_TESTS = [
  // vi.resetModules: re-imports the SDK for a fresh logger; the shared graph would be reloaded under the next files.
  "sdk/log-safety.test.ts",
];
export const ISOLATED_UNIT_TESTS = [
  // vi.doMock + vi.resetModules of a knowledge module: would re-import the graph every later file shares.
  "analysis/relevance.test.ts",
  // runs the SDK's evaluate() in-process.
  "codemods/transforms/1x/evaluator-ground-truth.test.ts",
  // runs a fixture's code with SDK tracers against a fake backend, with process.env set per test.
  "codemods/transforms/hoist-tracer-init.runtime.test.ts",
  // loads dist/cjs/sdk and starts tracers.
  "rules/require-valid-session-id.runtime.test.ts",
];

const SHARED_TESTS = [...SHARED_UNIT_FOLDERS, "sdk"].map((folder) => `${folder}/**/*.test.ts`);
// *.install.test.ts install the packed package with npm: `npm run test:install` (vitest.install.config.ts).
const NEVER = ["**/node_modules/**", "dist/**", "fixtures/**", "bench/**", "**/*.install.test.ts"];

export default defineConfig({
  test: {
    // RuleTester from @typescript-eslint/rule-tester hooks into describe/it/afterAll globals.
    globals: true,
    globalSetup: ["./scripts/vitest-global-setup.ts"],
    // vitest 4 runs `availableParallelism() - 1` workers by default: one on a 2-core CI machine, which
    // left the second core idle for the whole run. Two workers keep both busy (bench/NOTES.md "test-time").
    // A third (bench/NOTES.md "tests-5"): the quiet run at 419cbc88 used 721 CPU s in 418 s on 2 cores
    // (86 % busy), so it could save ~14 % of the wall time at most; the A/B runs taken at a load average of
    // 17-35 spread more between runs of one setting than between the settings, and did not decide it. Projects
    // with different maxWorkers run one after the other (vitest groups them by sequence.groupOrder), so a
    // third worker for the integration files alone would stop them overlapping the unit files.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: "unit", include: [...ISOLATED_SDK_TESTS, ...ISOLATED_UNIT_TESTS], exclude: [...NEVER, ...INTEGRATION_TESTS] } },
      {
        extends: true,
        test: {
          name: "unit-shared",
          isolate: false,
          include: SHARED_TESTS,
          exclude: [...NEVER, ...INTEGRATION_TESTS, ...ISOLATED_UNIT_TESTS, ...ISOLATED_SDK_TESTS],
          setupFiles: ["./sdk/test-utils/shared-graph-setup.ts"],
        },
      },
      { extends: true, test: { name: "integration", include: INTEGRATION_TESTS, exclude: NEVER } },
    ],
  },
});
