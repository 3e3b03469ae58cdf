// The test runners' setup files read from their configuration text (knowledge FRAMEWORK_PRELOADS `configured`):
// comments are skipped, a `//` or `/*` in a string, a template or a regular expression is not one.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { frameworkPreloadsOf } from "./framework-preloads.js";
import { useTempProjects } from "./test-utils/temp-projects.js";

describe("frameworkPreloadsOf: setup files named in a script configuration", () => {
  const makeProject = useTempProjects("framework-preloads");
  const preloadsOf = (config: string, text: string, runner: "jest" | "vitest") => {
    const root = makeProject({
      "package.json": JSON.stringify({ name: "web", devDependencies: { [runner]: "^29.0.0" } }),
      [config]: text,
      "test/setup.ts": "export {};\n",
      "src/answer.test.ts": "export {};\n",
    });
    return frameworkPreloadsOf({ filename: join(root, "src/answer.test.ts") }).map((path) => path.slice(root.length + 1).split("\\").join("/"));
  };

  it.each([
    // `/*` in the first glob and `*/` in the last: a comment to a regular expression, which took setupFiles with it.
    ["jest.config.js", `module.exports = {\n  testMatch: ["**/*.test.ts"],\n  setupFiles: ["<rootDir>/test/setup.ts"],\n  collectCoverageFrom: ["src/**/*.ts"],\n};\n`, "jest"],
    // `//` after a quote: the rest of the line read as a comment.
    ["vitest.config.ts", `export default { test: { environment: "jsdom", environmentOptions: { jsdom: { url: "//localhost/" } }, setupFiles: ["./test/setup.ts"] } };\n`, "vitest"],
    [
      "vitest.config.mts",
      `const base = \`\${process.cwd()}//\`;\nconst skip = /\\/\\/ no-test/;\nexport default { test: { /* setupFiles: ["./test/other.ts"] */ include: [\`src/**/*.test.ts\`], setupFiles: "./test/setup.ts" } }; // setupFiles: "./x.ts"\n`,
      "vitest",
    ],
    // A regular expression after `return` holding `//`: the rest of the line, setupFiles with it, read as a comment.
    ["vitest.config.ts", `const local = (path: string) => { return /^[//.]/.test(path) }; export default { test: { setupFiles: "./test/setup.ts" } };\n`, "vitest"],
  ] as const)("in %s, whose strings hold comment openers", (config, text, runner) => {
    expect(preloadsOf(config, text, runner)).toEqual(["test/setup.ts"]);
  });

  it("not from a comment", () => {
    expect(preloadsOf("jest.config.js", `module.exports = {\n  // setupFiles: ["<rootDir>/test/setup.ts"],\n  /* setupFilesAfterEnv: ["./test/setup.ts"] */\n};\n`, "jest")).toEqual([]);
  });
});

describe("frameworkPreloadsOf: Jest's rootDir and projects", () => {
  const makeProject = useTempProjects("framework-preloads-root");
  /** The preloads of each test file of a Jest project made of `files` (setup files under api/, web/ and src/). */
  const preloadsOf = (files: Record<string, string>, tests: readonly string[]) => {
    const root = makeProject({
      "package.json": JSON.stringify({ name: "web", devDependencies: { jest: "^29.0.0" } }),
      "setup.ts": "export {};\n",
      "src/setup.ts": "export {};\n",
      "api/test/setup.ts": "export {};\n",
      "web/test/setup.ts": "export {};\n",
      ...Object.fromEntries(tests.map((test) => [test, "export {};\n"])),
      ...files,
    });
    const relative = (path: string) => path.slice(root.length + 1).split("\\").join("/");
    return Object.fromEntries(tests.map((test) => [test, frameworkPreloadsOf({ filename: join(root, test) }).map(relative)]));
  };
  const TESTS = ["src/a.test.ts", "api/src/a.test.ts", "web/a.test.ts"];

  it.each([
    ["jest.config.js", `module.exports = { rootDir: "src", setupFiles: ["<rootDir>/setup.ts"] };\n`],
    ["jest.config.ts", `export default { rootDir: './src', setupFilesAfterEnv: ['./setup.ts'] };\n`],
    ["jest.config.json", `{ "rootDir": "src", "setupFiles": ["setup.ts"] }\n`],
  ])("resolves %s's setup files from its rootDir", (config, text) => {
    expect(preloadsOf({ [config]: text }, TESTS)).toEqual({ "src/a.test.ts": ["src/setup.ts"], "api/src/a.test.ts": ["src/setup.ts"], "web/a.test.ts": ["src/setup.ts"] });
  });

  it("resolves the package.json jest key's setup files from its rootDir", () => {
    const manifest = JSON.stringify({ name: "web", devDependencies: { jest: "^29.0.0" }, jest: { rootDir: "src", setupFiles: ["<rootDir>/setup.ts"] } });
    expect(preloadsOf({ "package.json": manifest }, ["src/a.test.ts"])).toEqual({ "src/a.test.ts": ["src/setup.ts"] });
  });

  const PROJECTS = `[
    { displayName: "api", rootDir: "<rootDir>/api", testMatch: ["<rootDir>/**/*.test.[jt]s"], setupFiles: ["<rootDir>/test/setup.ts"] },
    { displayName: "web", rootDir: "web", setupFilesAfterEnv: ["./test/setup.ts"], transform: { "^.+\\\\.tsx?$": "ts-jest" } },
  ]`;

  it.each([
    ["jest.config.js", `const { defineConfig } = require("jest");\nmodule.exports = defineConfig({ setupFiles: ["<rootDir>/setup.ts"], projects: ${PROJECTS} });\n`],
    [
      "jest.config.json",
      JSON.stringify({
        setupFiles: ["<rootDir>/setup.ts"],
        projects: [
          { displayName: "api", rootDir: "<rootDir>/api", setupFiles: ["<rootDir>/test/setup.ts"] },
          { displayName: "web", rootDir: "web", setupFilesAfterEnv: ["./test/setup.ts"] },
        ],
      }),
    ],
  ])("gives each of %s's projects its setup files, from its own rootDir, for the tests under it", (config, text) => {
    expect(preloadsOf({ [config]: text }, TESTS)).toEqual({
      "src/a.test.ts": ["setup.ts"],
      "api/src/a.test.ts": ["setup.ts", "api/test/setup.ts"],
      "web/a.test.ts": ["setup.ts", "web/test/setup.ts"],
    });
  });
});
