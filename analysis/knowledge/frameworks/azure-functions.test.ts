import { rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { useTempProjects } from "../../test-utils/temp-projects.js";
import { azureFunctions } from "./azure-functions.js";

const deployedExports = (filename: string) => azureFunctions.hook.signs.invocation.deployedExports(filename);
const HTTP_TRIGGER = [{ type: "httpTrigger", direction: "in", name: "req" }];

describe("Azure Functions v3: the export a folder's function.json runs", () => {
  const project = useTempProjects("azure-functions");

  it("is the module's default export, or the named export its entryPoint gives, in the module its scriptFile names", () => {
    const root = project({
      "package.json": "{}",
      "host.json": "{}",
      "Chat/function.json": JSON.stringify({ bindings: HTTP_TRIGGER }),
      "Search/function.json": JSON.stringify({ scriptFile: "../dist/Search/search.js", entryPoint: "run", bindings: HTTP_TRIGGER }),
    });
    expect(deployedExports(join(root, "Chat", "index.js"))).toEqual(["default"]);
    expect(deployedExports(join(root, "Chat", "helpers.js"))).toEqual([]);
    expect(deployedExports(join(root, "Search", "search.ts"))).toEqual(["run"]);
    expect(deployedExports(join(root, "Search", "index.ts"))).toEqual([]);
  });

  it("reads a function.json saved with a UTF-8 byte order mark (Visual Studio's default)", () => {
    const root = project({ "package.json": "{}", "host.json": "{}", "Chat/function.json": `\uFEFF${JSON.stringify({ entryPoint: "run", bindings: HTTP_TRIGGER })}` });
    expect(deployedExports(join(root, "Chat", "index.js"))).toEqual(["run"]);
  });

  it("is asked only in a function app: a function.json without a host.json beside the package.json runs nothing", () => {
    const root = project({ "package.json": "{}", "Chat/function.json": JSON.stringify({ bindings: HTTP_TRIGGER }) });
    expect(deployedExports(join(root, "Chat", "index.js"))).toEqual([]);
  });

  it("reads function.json again when it is edited, added or removed (an editor session), at most once a second", () => {
    const root = project({ "package.json": "{}", "host.json": "{}", "Chat/": "" });
    const chat = join(root, "Chat", "index.js");
    const config = join(root, "Chat", "function.json");
    // The clock of the check is faked (only `Date`): the files' own mtimes are real.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2030-01-01T00:00:00Z") });
    try {
      expect(deployedExports(chat)).toEqual([]);
      writeFileSync(config, JSON.stringify({ entryPoint: "aaa", bindings: HTTP_TRIGGER }));
      // Within a second the answer stays (a whole-tree lint pays no stat per file)…
      vi.setSystemTime(new Date("2030-01-01T00:00:00.500Z"));
      expect(deployedExports(chat)).toEqual([]);
      // …then the new file is seen.
      vi.setSystemTime(new Date("2030-01-01T00:00:01.500Z"));
      expect(deployedExports(chat)).toEqual(["aaa"]);
      // The same size: the mtime tells (set apart explicitly, as a coarse file-system clock may not).
      writeFileSync(config, JSON.stringify({ entryPoint: "bbb", bindings: HTTP_TRIGGER }));
      utimesSync(config, new Date(), new Date(Date.now() + 5_000));
      vi.setSystemTime(new Date("2030-01-01T00:00:03Z"));
      expect(deployedExports(chat)).toEqual(["bbb"]);
      rmSync(config);
      vi.setSystemTime(new Date("2030-01-01T00:00:05Z"));
      expect(deployedExports(chat)).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
