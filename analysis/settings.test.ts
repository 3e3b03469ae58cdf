import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { declaredHoneyhiveMajor, settingsForFile } from "./sdk-version.js";
import { DEFAULT_SETTINGS, isSdkModule, packageSpecifier, readSettings, textMentionsSdk } from "./settings.js";
import { useTempProjects } from "./test-utils/temp-projects.js";

describe("packageSpecifier: Deno's npm:/jsr: specifiers as the package they name", () => {
  it.each([
    ["npm:honeyhive", "honeyhive"],
    ["npm:honeyhive@2", "honeyhive"],
    ["npm:honeyhive@^2.0.0/experiments", "honeyhive/experiments"],
    ["npm:/honeyhive@2.1.0", "honeyhive"],
    ["npm:@opentelemetry/api@1.9.0", "@opentelemetry/api"],
    ["npm:@opentelemetry/sdk-trace-node@1/build/src", "@opentelemetry/sdk-trace-node/build/src"],
    ["jsr:@std/http@1/server", "@std/http/server"],
    ["npm:express", "express"],
  ])("%s → %s", (specifier, expected) => {
    expect(packageSpecifier(specifier)).toBe(expected);
  });

  // A CDN's URL (analysis/knowledge/npm-cdns.ts): esm.sh's build segment, `*` and query, jsDelivr's `/+esm`; Deno's registry.
  it.each([
    ["https://esm.sh/honeyhive@1.0.42", "honeyhive"],
    ["https://esm.sh/honeyhive", "honeyhive"],
    ["https://esm.sh/v135/honeyhive@1.0.42/experiments?target=deno", "honeyhive/experiments"],
    ["https://esm.sh/*honeyhive@^1", "honeyhive"],
    ["https://esm.sh/stable/@opentelemetry/api@1.9.0", "@opentelemetry/api"],
    ["https://cdn.jsdelivr.net/npm/honeyhive@1/+esm", "honeyhive"],
    ["https://esm.run/honeyhive@1", "honeyhive"],
    ["https://cdn.skypack.dev/honeyhive@1?dts", "honeyhive"],
    // Deno's module registry by URL (deno.land/x/<module>[@<version>]/<file>), whose module names differ from the package
    // names the descriptors list: a table (analysis/knowledge/npm-cdns.ts DENO_LAND_MODULES) maps the ones it knows.
    ["https://deno.land/x/oak@v12.6.1/mod.ts", "@oak/oak"],
    ["https://deno.land/x/oak/mod.ts", "@oak/oak"],
    ["https://deno.land/x/oak@v17.1.3/router.ts", "@oak/oak/router"],
    ["https://deno.land/x/hono@v4.6.3/mod.ts", "hono"],
    ["https://deno.land/x/hono@v4.6.3/mod.ts?dts", "hono"],
    ["jsr:@oak/oak", "@oak/oak"],
    ["jsr:@oak/oak@17", "@oak/oak"],
  ])("%s → %s", (specifier, expected) => {
    expect(packageSpecifier(specifier)).toBe(expected);
  });

  it.each(["honeyhive", "node:http", "./tracing", "@/lib/tracing", "https://deno.land/x/honeyhive/mod.ts", "https://deno.land/x/oakland@1/mod.ts", "https://deno.land/x/", "https://deno.land/std@0.224.0/http/server.ts", "https://esm.sh/", "https://example.com/honeyhive@2", "npm"])("leaves %s as it is (the same string)", (specifier) => {
    expect(packageSpecifier(specifier)).toBe(specifier);
  });

  // Specifiers shorter than the characters the function reads (it checks the length before each read, so
  // that its optimized code never reads past the end): the same answers as the characters' absence gives.
  it.each([
    ["", ""],
    ["fs", "fs"],
    ["jsr", "jsr"],
    ["https", "https"],
    ["npm:", ""],
    ["npm:/", ""],
    ["jsr:a", "a"],
  ])("%j → %j", (specifier, expected) => {
    expect(packageSpecifier(specifier)).toBe(expected);
  });

  it("makes npm:honeyhive the SDK, and nothing else named like it", () => {
    expect(isSdkModule("npm:honeyhive@2", DEFAULT_SETTINGS)).toBe(true);
    expect(isSdkModule("npm:honeyhive@^2.0.0/experiments", DEFAULT_SETTINGS)).toBe(true);
    expect(isSdkModule("npm:honeyhive-helpers", DEFAULT_SETTINGS)).toBe(false);
    expect(isSdkModule("https://esm.sh/honeyhive@2", DEFAULT_SETTINGS)).toBe(true);
    expect(isSdkModule("https://esm.sh/honeyhive-helpers@2", DEFAULT_SETTINGS)).toBe(false);
    expect(isSdkModule("https://example.com/honeyhive@2", DEFAULT_SETTINGS)).toBe(false);
  });
});

describe("an npm alias of the SDK in the nearest package.json (`\"hh\": \"npm:honeyhive@^2.0.0\"`)", () => {
  const makeProject = useTempProjects("settings-sdk-alias");
  const fileOf = (manifest: object): string => join(makeProject({ "package.json": JSON.stringify(manifest), "src/": "" }), "src/app.ts");

  it.each(["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"])("makes the alias and its subpaths the SDK, declared in %s", (field) => {
    const settings = settingsForFile(DEFAULT_SETTINGS, fileOf({ [field]: { hh: "npm:honeyhive@^2.0.0", express: "^4.19.2" } }));
    expect(isSdkModule("hh", settings)).toBe(true);
    expect(isSdkModule("hh/experiments", settings)).toBe(true);
    expect(isSdkModule("hhx", settings)).toBe(false);
    expect(isSdkModule("express", settings)).toBe(false);
    expect(textMentionsSdk(`import { HoneyHiveTracer } from "hh";`, settings)).toBe(true);
  });

  it("is no setting of the config: another package's alias, a git URL, another major beside honeyhive, or no alias leave the settings as they are", () => {
    for (const manifest of [
      { dependencies: { honeyhive: "^2.0.0" } },
      { dependencies: { hh: "npm:honeyhive-helpers@^1.0.0", otel: "npm:@opentelemetry/api@1" } },
      { dependencies: { hh: "github:honeyhiveai/typescript-sdk" } },
      // 1.x kept beside 2.x for the API client (docs/migrating-from-1x.md): another major than the file's.
      { dependencies: { honeyhive: "^2.0.0", "honeyhive-v1": "npm:honeyhive@1.0.42" } },
    ]) {
      const settings = settingsForFile(DEFAULT_SETTINGS, fileOf(manifest));
      expect(settings).toBe(DEFAULT_SETTINGS);
      expect(isSdkModule("hh", settings)).toBe(false);
      expect(isSdkModule("honeyhive-v1", settings)).toBe(false);
    }
  });

  it("keeps one settings object per configuration and package.json (caches keyed by the settings still hit)", () => {
    const root = makeProject({ "package.json": JSON.stringify({ dependencies: { hh: "npm:honeyhive@^2.0.0" } }), "src/": "" });
    const settings = readSettings({ honeyhive: { modules: ["@/lib/tracing"] } });
    const first = settingsForFile(settings, join(root, "src/a.ts"));
    expect(first).toBe(settingsForFile(settings, join(root, "src/b.ts")));
    expect(first.modules).toEqual(["@/lib/tracing"]);
    expect(first.sdkAliases).toEqual(["hh"]);
  });

  it.each([
    ["npm:honeyhive@^1.0.30", 1],
    ["npm:honeyhive@~1.0", 1],
    ["npm:honeyhive@^2.0.0", 2],
  ] as const)("reads the major from the alias's range %s when honeyhive itself is not declared", (range, major) => {
    expect(declaredHoneyhiveMajor({ filename: fileOf({ dependencies: { hh: range } }), settings: DEFAULT_SETTINGS })).toBe(major);
  });

  it("takes an alias of the declared honeyhive's major beside it", () => {
    const settings = settingsForFile(DEFAULT_SETTINGS, fileOf({ dependencies: { honeyhive: "^2.0.0" }, devDependencies: { hh: "npm:honeyhive@^2.1.0" } }));
    expect(isSdkModule("hh", settings)).toBe(true);
  });

  it("prefers a declared honeyhive's range over an alias's", () => {
    const filename = fileOf({ dependencies: { honeyhive: "^1.0.42", hh: "npm:honeyhive@^2.0.0" } });
    expect(declaredHoneyhiveMajor({ filename, settings: DEFAULT_SETTINGS })).toBe(1);
  });
});
