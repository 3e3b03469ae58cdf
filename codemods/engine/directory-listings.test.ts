import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DirectoryListings } from "./directory-listings.js";

const root = mkdtempSync(join(tmpdir(), "honeyhive-listings-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("DirectoryListings", () => {
  mkdirSync(join(root, "src/lib"), { recursive: true });
  writeFileSync(join(root, "src/lib/tracing.ts"), "export {};\n");
  symlinkSync(join(root, "src/lib/tracing.ts"), join(root, "src/linked.ts"));
  symlinkSync(join(root, "src/lib"), join(root, "src/linked-dir"));
  symlinkSync(join(root, "src/nowhere.ts"), join(root, "src/dangling.ts"));

  it("tells files from directories, following links as stat does", () => {
    const listings = new DirectoryListings();
    expect(listings.kindOf(join(root, "src/lib/tracing.ts"))).toBe("file");
    expect(listings.kindOf(join(root, "src/lib"))).toBe("directory");
    expect(listings.isFile(join(root, "src/linked.ts"))).toBe(true);
    expect(listings.isDirectory(join(root, "src/linked-dir"))).toBe(true);
    expect(listings.kindOf(join(root, "src/dangling.ts"))).toBeUndefined();
    expect(listings.kindOf(join(root, "src/lib/tracing.tsx"))).toBeUndefined();
    expect(listings.kindOf(join(root, "missing/dir/file.ts"))).toBeUndefined();
    expect(listings.isFile(join(root, "src/lib/tracing.ts/x"))).toBe(false); // a file is no directory
  });

  it("answers from the listing it made first (one run sees one tree)", () => {
    const listings = new DirectoryListings();
    expect(listings.isFile(join(root, "src/lib/later.ts"))).toBe(false);
    writeFileSync(join(root, "src/lib/later.ts"), "export {};\n");
    expect(listings.isFile(join(root, "src/lib/later.ts"))).toBe(false);
    expect(new DirectoryListings().isFile(join(root, "src/lib/later.ts"))).toBe(true);
  });
});

describe("DirectoryListings.remember", () => {
  it("keeps a listing read elsewhere and answers from it", () => {
    const directory = mkdtempSync(join(tmpdir(), "honeyhive-remember-"));
    try {
      writeFileSync(join(directory, "a.ts"), "export {};\n");
      const listings = new DirectoryListings();
      listings.remember(directory, readdirSync(directory, { withFileTypes: true }));
      writeFileSync(join(directory, "b.ts"), "export {};\n");
      expect(listings.isFile(join(directory, "a.ts"))).toBe(true);
      expect(listings.isFile(join(directory, "b.ts"))).toBe(false);
      // A listing already made is not replaced.
      listings.remember(directory, []);
      expect(listings.isFile(join(directory, "a.ts"))).toBe(true);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
