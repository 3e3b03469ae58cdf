import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, isSdkModule, packageSpecifier } from "./settings.js";

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
