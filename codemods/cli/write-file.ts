// Writing a migrated file so that nothing is ever half-written or lost: the new text goes to a
// temporary file in the same directory (same file system, so the rename is atomic), gets the
// original's permission bits, and replaces the original only if the original still holds exactly
// the text the transforms saw. A crash leaves either the old or the new file, never a mix.
//
// A rename gives the path a new inode, which would split a hard-linked file in two (the other links
// keep the old text). A file with more than one link is therefore rewritten in place, through one
// descriptor that first checks the text; that write is not atomic, which the clean-tree guard makes
// acceptable (the old text is in git).
import { randomBytes } from "node:crypto";
import { chmodSync, closeSync, fsyncSync, ftruncateSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export class ChangedOnDiskError extends Error {
  constructor() {
    super("the file changed on disk while it was being migrated; it was left as it is");
  }
}

function replaceByRename(realPath: string, mode: number, expected: Buffer, output: Buffer): void {
  const temporary = join(dirname(realPath), `.${basename(realPath)}.honeyhive-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  try {
    writeFileSync(temporary, output, { flag: "wx", mode });
    chmodSync(temporary, mode); // the mode given to writeFileSync is narrowed by the umask
    if (!readFileSync(realPath).equals(expected)) throw new ChangedOnDiskError();
    renameSync(temporary, realPath);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Overwrites the file in place, through one descriptor that first checks it still holds `expected`. */
function rewriteInPlace(realPath: string, expected: Buffer, output: Buffer): void {
  const descriptor = openSync(realPath, "r+");
  try {
    if (!readFileSync(descriptor).equals(expected)) throw new ChangedOnDiskError();
    for (let written = 0; written < output.length; ) {
      written += writeSync(descriptor, output, written, output.length - written, written);
    }
    ftruncateSync(descriptor, output.length);
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/** Replaces the contents of `realPath` (no symbolic link) with `output`, provided it still contains `expectedSource`. */
export function writeFileAtomically(realPath: string, expectedSource: string, output: string): void {
  // Bytes, not decoded text: two files that differ only in bytes that are not UTF-8 decode alike.
  const expected = Buffer.from(expectedSource, "utf8");
  const bytes = Buffer.from(output, "utf8");
  const { mode, nlink } = statSync(realPath);
  if (nlink > 1) rewriteInPlace(realPath, expected, bytes);
  else replaceByRename(realPath, mode & 0o7777, expected, bytes);
}
