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
