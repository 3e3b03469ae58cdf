import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cacheFileOf, loadWithCodeCache, writeCodeCache } from "./typescript-cache.js";

const nodeRequire = createRequire(import.meta.url);

describe("TypeScript's code cache", () => {
  let root: string;
  let script: string;
  const source = `"use strict";
const path = require("node:path");
exports.folder = path.basename(__dirname);
exports.self = module.exports === exports && module.filename === __filename;
exports.twice = (value) => value * 2;
`;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "honeyhive-ts-cache-"));
    mkdirSync(join(root, "node_modules", "fake-ts", "lib"), { recursive: true });
    script = join(root, "node_modules", "fake-ts", "lib", "fake.js");
    writeFileSync(script, source);
  });

  afterEach(() => {
    delete nodeRequire.cache[script];
    rmSync(root, { recursive: true, force: true });
  });

  it("keeps one file per source under node_modules/.cache/honeyhive, none outside node_modules", () => {
    const file = cacheFileOf(script, Buffer.from(source));
    expect(file).toMatch(new RegExp(`^${join(root, "node_modules", ".cache", "honeyhive", "fake-")}[0-9a-f]{40}\\.v8cache$`));
    expect(cacheFileOf(script, Buffer.from(`${source} `))).not.toBe(file);
    expect(cacheFileOf(join(root, "lib", "x", "fake.js"), Buffer.from(source))).toBeUndefined();
  });

  it("loads the module as require does, writes the cache, and compiles from it the next time", () => {
    const first = loadWithCodeCache(script);
    expect(first?.stale).toBe(true);
    const loaded = nodeRequire(script) as { folder: string; self: boolean; twice: (value: number) => number };
    expect(nodeRequire.cache[script]?.loaded).toBe(true);
    expect(loaded).toEqual({ folder: "lib", self: true, twice: expect.any(Function) });
    expect(loaded.twice(21)).toBe(42);
    writeCodeCache(first!);
    expect(existsSync(first!.cacheFile!)).toBe(true);

    delete nodeRequire.cache[script];
    const second = loadWithCodeCache(script);
    expect(second?.stale).toBe(false);
    expect((nodeRequire(script) as { twice: (value: number) => number }).twice(4)).toBe(8);
    // Loaded already: left to require.
    expect(loadWithCodeCache(script)).toBeUndefined();
  });

  it("compiles the source when the cache does not fit, and drops the caches of other sources", () => {
    const file = cacheFileOf(script, Buffer.from(source))!;
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, "not V8's data");
    writeFileSync(join(file, "..", "fake-0123abcd.v8cache"), "an older fake's");
    writeFileSync(join(file, "..", "other-0123abcd.v8cache"), "another module's");
    const loaded = loadWithCodeCache(script);
    expect(loaded?.stale).toBe(true);
    expect((nodeRequire(script) as { twice: (value: number) => number }).twice(5)).toBe(10);
    writeCodeCache(loaded!);
    expect(readdirSync(join(file, "..")).sort()).toEqual([file.slice(file.lastIndexOf("/") + 1), "other-0123abcd.v8cache"].sort());
  });

  it("leaves a script that does not load to require, with nothing in require.cache", () => {
    writeFileSync(script, "exports.a = ;");
    expect(loadWithCodeCache(script)).toBeUndefined();
    expect(nodeRequire.cache[script]).toBeUndefined();
    writeFileSync(script, "throw new Error('at load');");
    expect(loadWithCodeCache(script)).toBeUndefined();
    expect(nodeRequire.cache[script]).toBeUndefined();
    expect(() => nodeRequire(script)).toThrow("at load");
  });
});
