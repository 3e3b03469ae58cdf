import { utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { useTempProjects } from "../../test-utils/temp-projects.js";
import { netlifyFunctionsFolders, parseNetlifyFunctionsFolder } from "./netlify-config.js";

describe("parseNetlifyFunctionsFolder: the functions folder a netlify.toml names", () => {
  it("reads [functions] directory, before the older [build] functions", () => {
    expect(parseNetlifyFunctionsFolder(`[functions]\n  directory = "src/fns"\n`)).toBe("src/fns");
    expect(parseNetlifyFunctionsFolder(`[build]\n  command = "npm run build"\n  functions = "./lambda/" # the API\n`)).toBe("lambda");
    expect(parseNetlifyFunctionsFolder(`[build]\nfunctions = 'old'\n[functions]\ndirectory = "/new"\n`)).toBe("new");
  });

  it("reads no key of another table, of an array of tables, or in a comment", () => {
    expect(parseNetlifyFunctionsFolder(`[dev]\n  functions = "src/functions"\n`)).toBeUndefined();
    expect(parseNetlifyFunctionsFolder(`[functions]\n  node_bundler = "esbuild"\n# directory = "x"\n`)).toBeUndefined();
    expect(parseNetlifyFunctionsFolder(`[build]\n  publish = "dist"\n[[redirects]]\n  functions = "x"\n`)).toBeUndefined();
    expect(parseNetlifyFunctionsFolder(`[functions."chat"]\n  directory = "x"\n`)).toBeUndefined();
    expect(parseNetlifyFunctionsFolder(`[functions]\n  directory = ""\n`)).toBeUndefined();
  });
});

describe("netlifyFunctionsFolders: the configured folder of a file's project", () => {
  const project = useTempProjects("netlify-config");

  it("resolves the folder against the project root; none without a netlify.toml or a folder in it", () => {
    const root = project({ "package.json": "{}", "src/fns/": "", "netlify.toml": `[functions]\n  directory = "src/fns"\n` });
    expect(netlifyFunctionsFolders(join(root, "src", "fns", "chat.ts"))).toEqual([join(root, "src", "fns")]);
    const plain = project({ "package.json": "{}", "src/": "" });
    expect(netlifyFunctionsFolders(join(plain, "src", "chat.ts"))).toEqual([]);
    const unnamed = project({ "package.json": "{}", "src/": "", "netlify.toml": "[build]\n  publish = \"dist\"\n" });
    expect(netlifyFunctionsFolders(join(unnamed, "src", "chat.ts"))).toEqual([]);
  });

  it("reads netlify.toml again when it changes, at most once a second", () => {
    const root = project({ "package.json": "{}", "src/": "", "netlify.toml": `[functions]\n  directory = "aaa"\n` });
    const file = join(root, "src", "chat.ts");
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2030-01-01T00:00:00Z") });
    try {
      expect(netlifyFunctionsFolders(file)).toEqual([join(root, "aaa")]);
      const config = join(root, "netlify.toml");
      writeFileSync(config, `[functions]\n  directory = "bbb"\n`);
      utimesSync(config, new Date(), new Date(Date.now() + 5_000));
      vi.setSystemTime(new Date("2030-01-01T00:00:00.500Z"));
      expect(netlifyFunctionsFolders(file)).toEqual([join(root, "aaa")]);
      vi.setSystemTime(new Date("2030-01-01T00:00:01.500Z"));
      expect(netlifyFunctionsFolders(file)).toEqual([join(root, "bbb")]);
    } finally {
      vi.useRealTimers();
    }
  });
});
