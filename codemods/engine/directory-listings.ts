// "Is there a file (a directory) at this path?" from one listing per directory instead of one
// `stat` per question. Resolving one relative import tries up to twenty names (`x`, `x.ts`, `x.tsx`,
// … `x/index.ts`, …) in one or two directories, and the project pass resolves the imports of every
// file the text prefilter skipped, so a run over a monorepo would otherwise stat tens of thousands of
// paths that mostly do not exist. Made for one run: the tree is taken not to change meanwhile.
import { type Dirent, readdirSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export type Kind = "file" | "directory" | "other";

/** macOS and Windows file systems ignore case by default: `./Tracer` finds `tracer.ts` there. */
const IGNORES_CASE = process.platform === "darwin" || process.platform === "win32";
const keyOf = (name: string): string => (IGNORES_CASE ? name.toLowerCase() : name);

export class DirectoryListings {
  /** Directory → its entries by name (undefined: not a readable directory). */
  private readonly listings = new Map<string, ReadonlyMap<string, Dirent> | undefined>();
  /** What a symbolic link (or an entry of unknown type) leads to, by path. */
  private readonly followed = new Map<string, Kind | undefined>();
  /** `entriesOf`'s answers. */
  private readonly kinds = new Map<string, ReadonlyMap<string, Kind> | undefined>();

  isFile(path: string): boolean {
    return this.kindOf(path) === "file";
  }

  isDirectory(path: string): boolean {
    return this.kindOf(path) === "directory";
  }

  /** What is at `path` (an absolute, resolved path), following symbolic links as `stat` does. */
  kindOf(path: string): Kind | undefined {
    const entry = this.listing(dirname(path))?.get(keyOf(basename(path)));
    if (!entry) return undefined;
    if (entry.isFile()) return "file";
    if (entry.isDirectory()) return "directory";
    if (!this.followed.has(path)) this.followed.set(path, statKind(path));
    return this.followed.get(path);
  }

  /**
   * What `directory` holds, by each entry's own name, symbolic links classified by what they lead
   * to (undefined: not a readable directory). Built once per directory.
   */
  entriesOf(directory: string): ReadonlyMap<string, Kind> | undefined {
    if (!this.kinds.has(directory)) {
      const listing = this.listing(directory);
      const kinds = listing && new Map<string, Kind>();
      for (const entry of listing?.values() ?? []) {
        // `join` keeps the file system root one folder (`/` + `bin` is `/bin`, not `//bin`, which would list `//` again).
        const kind = entry.isFile() ? "file" : entry.isDirectory() ? "directory" : this.kindOf(join(directory, entry.name));
        // A dangling link is still an entry (as `readdir` lists it), of no usable kind.
        kinds!.set(entry.name, kind ?? "other");
      }
      this.kinds.set(directory, kinds);
    }
    return this.kinds.get(directory);
  }

  /** Whether a listing of `directory` is held (read here or remembered) and readable: it is a directory, known without listing its parent. */
  isListed(directory: string): boolean {
    return this.listings.get(directory) !== undefined;
  }

  /** Keeps a listing read elsewhere (the directory walk of discovery) for `directory`, an absolute resolved path. */
  remember(directory: string, entries: readonly Dirent[]): void {
    if (!this.listings.has(directory)) this.listings.set(directory, new Map(entries.map((entry) => [keyOf(entry.name), entry])));
  }

  private listing(directory: string): ReadonlyMap<string, Dirent> | undefined {
    if (!this.listings.has(directory)) {
      let entries: Map<string, Dirent> | undefined;
      try {
        entries = new Map(readdirSync(directory, { withFileTypes: true }).map((entry) => [keyOf(entry.name), entry]));
      } catch {
        entries = undefined; // missing, not a directory, or unreadable: nothing is there for us
      }
      this.listings.set(directory, entries);
    }
    return this.listings.get(directory);
  }
}

function statKind(path: string): Kind | undefined {
  try {
    const stats = statSync(path);
    return stats.isFile() ? "file" : stats.isDirectory() ? "directory" : "other";
  } catch {
    return undefined; // a dangling link
  }
}
