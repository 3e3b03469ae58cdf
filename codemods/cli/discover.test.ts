import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DirectoryListings } from "../engine/directory-listings.js";
import { discoverFiles } from "./discover.js";

const root = realpathSync(mkdtempSync(join(tmpdir(), "honeyhive-discover-")));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("discoverFiles outside git", () => {
  mkdirSync(join(root, "src/lib"), { recursive: true });
  mkdirSync(join(root, "node_modules/dep"), { recursive: true });
  writeFileSync(join(root, "src/lib/tracing.ts"), "export {};\n");
  writeFileSync(join(root, "src/app.ts"), "export {};\n");
  writeFileSync(join(root, "node_modules/dep/index.js"), "module.exports = {};\n");
  symlinkSync(join(root, "src/lib/tracing.ts"), join(root, "src/linked.ts"));
  const discover = (listings?: DirectoryListings) =>
    discoverFiles({ cwd: root, paths: ["."], extensions: ["ts", "js"], ignore: [], ...(listings ? { listings } : {}) });

  it("vouches for the real path of regular files it walked to, not of links", () => {
    const files = discover().files;
    expect(files.map((file) => [file.absolutePath.slice(root.length + 1), file.real === true])).toEqual([
      ["src/app.ts", true],
      ["src/lib/tracing.ts", true],
      ["src/linked.ts", false],
    ]);
  });

  it("hands the listings it read to the run's DirectoryListings", () => {
    const listings = new DirectoryListings();
    discover(listings);
    writeFileSync(join(root, "src/later.ts"), "export {};\n");
    unlinkSync(join(root, "src/app.ts"));
    // Answered from the walk's listing of src/, not from a new one.
    expect(listings.isFile(join(root, "src/app.ts"))).toBe(true);
    expect(listings.isFile(join(root, "src/later.ts"))).toBe(false);
    expect(listings.isDirectory(join(root, "src/lib"))).toBe(true);
    // Skipped directories were never listed, so they are read when asked about.
    expect(listings.isFile(join(root, "node_modules/dep/index.js"))).toBe(true);
  });
});
