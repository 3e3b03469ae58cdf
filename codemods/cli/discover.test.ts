import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DirectoryListings } from "../engine/directory-listings.js";
import { discoverFiles, GitTopLevels } from "./discover.js";

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

describe("GitTopLevels: one git question per work tree, not per path", () => {
  const base = realpathSync(mkdtempSync(join(tmpdir(), "honeyhive-toplevels-")));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  // repo/ is a work tree holding a nested repository (repo/vendor/lib, a `.git` directory) and a
  // submodule (repo/modules/sub, a `.git` file); outside/ is in no work tree.
  for (const directory of ["repo/.git", "repo/src/a/b", "repo/vendor/lib/.git", "repo/vendor/lib/src", "repo/modules/sub/src", "outside/x/y"]) {
    mkdirSync(join(base, directory), { recursive: true });
  }
  writeFileSync(join(base, "repo/modules/sub/.git"), "gitdir: ../../.git/modules/sub\n");
  // What git would answer: the nearest ancestor with a `.git` entry.
  const asked: string[] = [];
  const fakeGit = (directory: string): string | undefined => {
    asked.push(directory.slice(base.length + 1));
    for (const top of ["repo/vendor/lib", "repo/modules/sub", "repo"]) {
      if (directory === join(base, top) || directory.startsWith(join(base, top) + "/")) return join(base, top);
    }
    return undefined;
  };

  it("answers a directory below an answered one from the answer, and asks again past a `.git` entry", () => {
    const topLevels = new GitTopLevels(fakeGit);
    const at = (directory: string) => topLevels.of(join(base, directory))?.slice(base.length + 1);
    expect(at("repo")).toBe("repo");
    expect(at("repo/src/a/b")).toBe("repo");
    expect(at("repo/src/a")).toBe("repo");
    expect(at("repo/vendor/lib/src")).toBe("repo/vendor/lib");
    expect(at("repo/modules/sub/src")).toBe("repo/modules/sub");
    expect(at("outside")).toBeUndefined();
    expect(at("outside/x/y")).toBeUndefined();
    expect(at("repo/src/a/b")).toBe("repo");
    // Asked: the first directory of each work tree and of the outside; the nested repository and
    // the submodule are asked because a `.git` entry lies on the way up.
    expect(asked).toEqual(["repo", "repo/vendor/lib/src", "repo/modules/sub/src", "outside"]);
  });

  it("never reuses an answer for a directory above it or beside it", () => {
    asked.length = 0;
    const topLevels = new GitTopLevels(fakeGit);
    topLevels.of(join(base, "repo/src/a/b"));
    topLevels.of(join(base, "repo/src"));
    topLevels.of(join(base, "outside/x/y"));
    topLevels.of(join(base, "outside/x"));
    expect(asked).toEqual(["repo/src/a/b", "repo/src", "outside/x/y", "outside/x"]);
  });
});
