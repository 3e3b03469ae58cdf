// Writing a migrated file so that nothing is ever half-written or lost: the new text goes to a
// temporary file in the same directory (same file system, so the rename is atomic), gets the
// original's permission bits, and replaces the original only if the original still holds exactly
// the text the transforms saw. A crash leaves either the old or the new file, never a mix.
import { randomBytes } from "node:crypto";
import { chmodSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export class ChangedOnDiskError extends Error {
  constructor() {
    super("the file changed on disk while it was being migrated; it was left as it is");
  }
}

/** Replaces `realPath` (no symbolic link) with `output`, provided it still contains `expectedSource`. */
export function writeFileAtomically(realPath: string, expectedSource: string, output: string): void {
  const mode = statSync(realPath).mode & 0o7777;
  const temporary = join(dirname(realPath), `.${basename(realPath)}.honeyhive-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  try {
    writeFileSync(temporary, output, { flag: "wx", mode });
    chmodSync(temporary, mode); // the mode given to writeFileSync is narrowed by the umask
    // Bytes, not decoded text: two files that differ only in bytes that are not UTF-8 decode alike.
    if (!readFileSync(realPath).equals(Buffer.from(expectedSource, "utf8"))) throw new ChangedOnDiskError();
    renameSync(temporary, realPath);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
