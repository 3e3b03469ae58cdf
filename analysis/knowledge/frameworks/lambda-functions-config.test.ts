import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../../test-utils/temp-projects.js";
import { configuredHandlerNames } from "./lambda-functions-config.js";

describe("configuredHandlerNames: a Lambda handler's `<path>.<export>` in the project's function configuration", () => {
  const project = useTempProjects("lambda-functions-config");
  const PACKAGE = { "package.json": "{}" };

  it("reads serverless.yml entries whatever their quoting, a dotted file name, and a comment after the value", () => {
    const root = project({
      ...PACKAGE,
      // The files' folders exist, as in a real project (the analysis looks up from them).
      "src/": "",
      "legacy/": "",
      "serverless.yml": [
        "functions:",
        "  chat:",
        "    handler: src/chat.main # POST /chat",
        "  search:",
        "    handler: 'src/search.handler.run'",
        "  legacy:",
        '    handler: "./legacy/index.default"',
        "  templated:",
        "    handler: ${self:custom.dir}/other.main",
        "",
      ].join("\n"),
    });
    expect(configuredHandlerNames(join(root, "src", "chat.ts"))).toEqual(["main"]);
    // The last dot ends the path: `search.handler` is the module, `run` the export.
    expect(configuredHandlerNames(join(root, "src", "search.handler.ts"))).toEqual(["run"]);
    expect(configuredHandlerNames(join(root, "src", "search.ts"))).toEqual([]);
    expect(configuredHandlerNames(join(root, "legacy", "index.mjs"))).toEqual(["default"]);
    // A variable in the path is not resolved: nothing is named for sure.
    expect(configuredHandlerNames(join(root, "other.ts"))).toEqual([]);
  });

  it("reads nothing for a project without a configuration, or a file outside any project", () => {
    const root = project({ ...PACKAGE, "src/": "" });
    expect(configuredHandlerNames(join(root, "src", "chat.ts"))).toEqual([]);
  });
});
