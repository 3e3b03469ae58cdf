import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NODE_FILE_SYSTEM, ProjectModules, projectModules } from "../../analysis/project-modules.js";
import { DirectoryListings } from "./directory-listings.js";
import { listingsFileSystem, useDirectoryListings } from "./listings-file-system.js";

const root = mkdtempSync(join(tmpdir(), "honeyhive-listings-fs-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

mkdirSync(join(root, "app/src/lib"), { recursive: true });
mkdirSync(join(root, "app/src/barrel"), { recursive: true });
writeFileSync(join(root, "app/package.json"), "{}\n");
writeFileSync(join(root, "app/tsconfig.json"), `{ "compilerOptions": { "baseUrl": ".", "paths": { "@lib/*": ["src/lib/*"] } } }\n`);
writeFileSync(join(root, "app/src/lib/tracing.ts"), "export {};\n");
writeFileSync(join(root, "app/src/barrel/index.ts"), "export {};\n");
writeFileSync(join(root, "app/src/main.ts"), "export {};\n");
symlinkSync(join(root, "app/src/lib/tracing.ts"), join(root, "app/src/linked.ts"));
symlinkSync(join(root, "app/src/lib"), join(root, "app/src/linked-dir"));
symlinkSync(join(root, "app/src/nowhere.ts"), join(root, "app/src/dangling.ts"));
const fromFile = join(root, "app/src/main.ts");

describe("listingsFileSystem", () => {
  it("answers stat and readDirectory as the node file system does", () => {
    const listed = listingsFileSystem(new DirectoryListings());
    for (const path of ["app", "app/src", "app/src/lib", "app/src/linked-dir", "app/package.json", "app/src/linked.ts", "app/src/dangling.ts", "app/missing", "app/package.json/x"]) {
      const expected = NODE_FILE_SYSTEM.stat(join(root, path));
      const actual = listed.stat(join(root, path));
      expect({ path, isFile: actual?.isFile, isDirectory: actual?.isDirectory }).toEqual({ path, isFile: expected?.isFile, isDirectory: expected?.isDirectory });
      if (expected?.isFile) expect(actual).toEqual(expected); // the reader keys its caches on a file's size and mtime
    }
    for (const path of ["app", "app/src", "app/src/lib", "app/missing"]) {
      expect(listed.readDirectory(join(root, path))).toEqual(NODE_FILE_SYSTEM.readDirectory(join(root, path)));
    }
  });

  it("answers exists as the node file system does, from the listings", () => {
    const listed = listingsFileSystem(new DirectoryListings());
    for (const path of ["", "app", "app/src/lib", "app/src/linked-dir", "app/package.json", "app/src/linked.ts", "app/src/dangling.ts", "app/missing", "app/package.json/x"]) {
      expect({ path, exists: listed.exists!(join(root, path)) }).toEqual({ path, exists: NODE_FILE_SYSTEM.exists!(join(root, path)) });
    }
    expect(listed.exists!("/")).toBe(true);
    const listings = new DirectoryListings();
    listings.remember(join(root, "app"), []); // what discovery saw: no package.json there
    expect(listingsFileSystem(listings).exists!(join(root, "app/package.json"))).toBe(false);
  });

  it("resolves imports as the reader on the node file system does", () => {
    const listed = new ProjectModules(listingsFileSystem(new DirectoryListings()));
    const direct = new ProjectModules(NODE_FILE_SYSTEM);
    for (const specifier of ["./lib/tracing", "./lib/tracing.js", "./barrel", "./linked", "./linked-dir/tracing", "./dangling", "./missing", "@lib/tracing", "../package.json", "node:fs"]) {
      expect({ specifier, path: listed.resolve(specifier, fromFile) }).toEqual({ specifier, path: direct.resolve(specifier, fromFile) });
    }
    expect(listed.resolve("@lib/tracing", fromFile)).toBe(join(root, "app/src/lib/tracing.ts"));
  });

  it("reads no directory again that the run's listings hold", () => {
    const listings = new DirectoryListings();
    listings.remember(join(root, "app/src"), []); // what discovery saw: an empty directory
    const listed = new ProjectModules(listingsFileSystem(listings));
    expect(listed.resolve("./main", fromFile)).toBeUndefined();
    expect(new ProjectModules(NODE_FILE_SYSTEM).resolve("./main", fromFile)).toBe(fromFile);
  });
});

describe("the folders above the project", () => {
  it("are not listed: the reader's stat of the project's root and its config search stop there (a crowded /tmp)", () => {
    const crowded = join(root, "crowded");
    mkdirSync(join(crowded, "proj/src"), { recursive: true });
    for (let index = 0; index < 200; index++) writeFileSync(join(crowded, `other-${index}.log`), "");
    writeFileSync(join(crowded, "proj/package.json"), "{}\n");
    writeFileSync(join(crowded, "proj/src/tracing.ts"), "export {};\n");
    const main = join(crowded, "proj/src/main.ts");
    writeFileSync(main, `import "./tracing";\n`);
    const listings = new DirectoryListings();
    const reader = new ProjectModules(listingsFileSystem(listings));
    // What a migrate run asks of a file: its imports, its `paths` aliases, the project root's listing (deployment signals).
    expect(reader.resolve("./tracing", main)).toBe(join(crowded, "proj/src/tracing.ts"));
    expect(reader.pathAliasesFor(main)).toEqual([]);
    expect(reader.listing(join(crowded, "proj"))?.has("package.json")).toBe(true);
    const above = [crowded, root, dirname(root)];
    expect(above.filter((folder) => listings.isListed(folder))).toEqual([]);
    expect(listings.isListed(join(crowded, "proj"))).toBe(true);
  });
});

describe("useDirectoryListings", () => {
  it("installs a reader for the run and puts the previous one back", () => {
    const before = projectModules();
    const stop = useDirectoryListings(new DirectoryListings());
    expect(projectModules()).not.toBe(before);
    stop();
    expect(projectModules()).toBe(before);
  });
});
