// The analysis core's project reader (analysis/project-modules.ts) on the run's directory listings.
// Resolving a file's imports asks, for every directory from the file up to the root, whether it holds
// a package.json or a tsconfig.json: with its own file system that is a `stat` and a `readdir` per
// directory, which the directory walk of discovery already did (on a tree where every file sits in a
// directory of its own, ~3% of a whole-tree migration). Made for one run: the tree is taken not to
// change meanwhile, as DirectoryListings does.
import { NODE_FILE_SYSTEM, ProjectModules, setProjectModules, type ProjectFileSystem } from "../../analysis/project-modules.js";
import { dirname } from "node:path";
import { DirectoryListings } from "./directory-listings.js";

/** A directory's stat for the reader: it only asks whether it is one (and keys its cache on mtime, constant within a run). */
const DIRECTORY_STAT = Object.freeze({ isFile: false, isDirectory: true, mtimeMs: 0, size: 0 });

export function listingsFileSystem(listings: DirectoryListings): ProjectFileSystem {
  return {
    // A probe for a name (deployment.ts walks up for a package.json) costs no system call in a listed directory.
    exists: (path) => (dirname(path) === path ? NODE_FILE_SYSTEM.stat(path) !== undefined : listings.kindOf(path) !== undefined),
    stat(path) {
      // The reader stats a folder before it lists it: its own listing, when held, says it is one. A path whose
      // folder is not listed (the project's root, whose folder may be a crowded /tmp) costs one stat, not a listing
      // of that folder; inside the project, the folders are listed already (discovery, the resolver's probes).
      if (listings.isListed(path)) return DIRECTORY_STAT;
      const parent = dirname(path);
      if (parent === path || !listings.isListed(parent)) {
        const stats = NODE_FILE_SYSTEM.stat(path);
        return stats?.isDirectory ? DIRECTORY_STAT : stats;
      }
      const kind = listings.kindOf(path);
      if (kind === "directory") return DIRECTORY_STAT;
      // A file's size and mtime are read (the reader skips large files and caches by both).
      return kind === undefined ? undefined : NODE_FILE_SYSTEM.stat(path);
    },
    readFile: (path) => NODE_FILE_SYSTEM.readFile(path),
    realpath: (path) => NODE_FILE_SYSTEM.realpath(path),
    readDirectory: (path) => listings.entriesOf(path),
  };
}

/**
 * Makes the process-wide project reader one that answers from `listings` (a fresh reader: nothing
 * cached by an earlier run is trusted) until the returned function puts the previous one back.
 */
export function useDirectoryListings(listings: DirectoryListings = new DirectoryListings()): () => void {
  const previous = setProjectModules(new ProjectModules(listingsFileSystem(listings)));
  return () => {
    setProjectModules(previous);
  };
}
