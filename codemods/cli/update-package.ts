// `migrate --update-package`: the project's package.json depends on this package's version. Only the
// `honeyhive` range string changes (the rest of the file keeps its bytes, formatting included); an
// npm alias (`"honeyhive-v1": "npm:honeyhive@1.0.42"`, kept for the 1.x REST client) is left alone.
// The lock file is the package manager's to update, so the caller tells the user to install.

import { rangeSourceOf } from "../../analysis/sdk-version.js";

const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"] as const;

export interface PackageUpdate {
  readonly text: string;
  /** The ranges replaced, in file order (`^1.0.42`). */
  readonly from: readonly string[];
  readonly to: string;
}

/** package.json's text with every `honeyhive` range set to `^<version>`; undefined when nothing changes or the text is not a manifest. */
export function updateHoneyhiveRange(text: string, version: string): PackageUpdate | undefined {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof manifest !== "object" || manifest === null) return undefined;
  const to = `^${version}`;
  const ranges = new Set<string>();
  for (const field of DEPENDENCY_FIELDS) {
    const range = (manifest as Record<string, Record<string, unknown> | undefined>)[field]?.honeyhive;
    // A registry range or tag of the package itself; not an npm alias, a workspace, a path or a git URL.
    if (typeof range === "string" && range !== to && rangeSourceOf(range)?.kind === "range") ranges.add(range);
  }
  if (ranges.size === 0) return undefined;
  // The key with its string value, as JSON writes it; a range holds no quote or backslash.
  const updated = text.replace(/("honeyhive"\s*:\s*)"([^"\\]*)"/g, (whole: string, key: string, range: string) => (ranges.has(range) ? `${key}"${to}"` : whole));
  return updated === text ? undefined : { text: updated, from: [...ranges], to };
}
