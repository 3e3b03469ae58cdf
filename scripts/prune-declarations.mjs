// Keeps only the declaration files a consumer's type checker can reach: those the package's type
// entry points (package.json `types`, `exports` conditions, `typesVersions`) reference, transitively.
// The internals of the lint and codemod faces (analysis/, codemods/, the rules' own modules) are not
// importable through `exports`, so their ~300 .d.ts files only cost every SDK-only install disk space
// (one 4 KiB block each; see the install footprint in bench/RESULTS.md).
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const DECLARATION = /\.d\.[cm]?ts$/;
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|<reference\s+path=)["'](\.{1,2}\/[^"']+)["']/g;

/** Every `types` path the manifest names (exports conditions, `types`, `typesVersions`). */
export function typeEntryPoints(manifest) {
  const found = new Set();
  const visit = (value, key) => {
    if (typeof value === "string") {
      if (key === "types" || DECLARATION.test(value)) found.add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, key);
    } else if (value && typeof value === "object") {
      for (const [childKey, child] of Object.entries(value)) visit(child, childKey);
    }
  };
  visit(manifest.types, "types");
  visit(manifest.exports, "exports");
  visit(manifest.typesVersions, "typesVersions");
  return [...found];
}

function declarationOf(from, specifier) {
  const target = resolve(dirname(from), specifier);
  const candidates = [
    target.replace(/\.js$/, ".d.ts"),
    target.replace(/\.mjs$/, ".d.mts"),
    target.replace(/\.cjs$/, ".d.cts"),
    `${target}.d.ts`,
    join(target, "index.d.ts"),
  ];
  return candidates.find((candidate) => DECLARATION.test(candidate) && existsSync(candidate));
}

function declarationsUnder(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return declarationsUnder(path);
    return DECLARATION.test(entry.name) ? [path] : [];
  });
}

/**
 * Removes the declaration files under `distDirectory` that no entry reaches. `entries` are absolute
 * paths of entry declaration files. Returns the number removed; throws when an entry is missing.
 */
export function pruneDeclarations(distDirectory, entries) {
  const reachable = new Set();
  const pending = [...entries];
  for (const entry of entries) if (!existsSync(entry)) throw new Error(`type entry point ${entry} was not built`);
  while (pending.length > 0) {
    const file = pending.pop();
    if (reachable.has(file)) continue;
    reachable.add(file);
    for (const [, specifier] of readFileSync(file, "utf8").matchAll(SPECIFIER)) {
      const next = declarationOf(file, specifier);
      if (next && !reachable.has(next)) pending.push(next);
    }
  }
  let removed = 0;
  for (const file of declarationsUnder(distDirectory)) {
    if (reachable.has(file)) continue;
    rmSync(file);
    removed += 1;
  }
  return removed;
}
