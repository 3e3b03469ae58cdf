import { chmodSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ChangedOnDiskError, writeFileAtomically } from "./write-file.js";

describe("writeFileAtomically", () => {
  let directory: string | undefined;
  afterEach(() => {
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it("replaces the file, keeps its mode and leaves nothing else behind", () => {
    directory = mkdtempSync(join(tmpdir(), "honeyhive-write-"));
    const file = join(directory, "a.ts");
    writeFileSync(file, "old\n");
    chmodSync(file, 0o640);
    writeFileAtomically(file, "old\n", "new\n");
    expect(readFileSync(file, "utf8")).toBe("new\n");
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(directory)).toEqual(["a.ts"]);
  });

  it("refuses to overwrite a file whose text changed since it was read", () => {
    directory = mkdtempSync(join(tmpdir(), "honeyhive-write-"));
    const file = join(directory, "a.ts");
    writeFileSync(file, "edited meanwhile\n");
    expect(() => writeFileAtomically(file, "old\n", "new\n")).toThrow(ChangedOnDiskError);
    expect(readFileSync(file, "utf8")).toBe("edited meanwhile\n");
    expect(readdirSync(directory)).toEqual(["a.ts"]);
  });

  it("keeps a hard-linked file one file: every link sees the new text, the inode and mode stay", () => {
    directory = mkdtempSync(join(tmpdir(), "honeyhive-write-"));
    const file = join(directory, "a.ts");
    const link = join(directory, "b.ts");
    writeFileSync(file, "old text, longer than the new one\n");
    chmodSync(file, 0o640);
    linkSync(file, link);
    const inode = statSync(file).ino;
    writeFileAtomically(file, "old text, longer than the new one\n", "new\n");
    expect(readFileSync(link, "utf8")).toBe("new\n");
    expect(readFileSync(file, "utf8")).toBe("new\n");
    expect(statSync(file)).toMatchObject({ ino: inode, nlink: 2 });
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(directory).sort()).toEqual(["a.ts", "b.ts"]);
  });

  it("leaves a hard-linked file alone when its text changed since it was read", () => {
    directory = mkdtempSync(join(tmpdir(), "honeyhive-write-"));
    const file = join(directory, "a.ts");
    writeFileSync(file, "edited meanwhile\n");
    linkSync(file, join(directory, "b.ts"));
    expect(() => writeFileAtomically(file, "old\n", "new\n")).toThrow(ChangedOnDiskError);
    expect(readFileSync(join(directory, "b.ts"), "utf8")).toBe("edited meanwhile\n");
  });
});
