// The install section of bench/RESULTS.md is written by `npm run bench:install` (bench/install.mjs)
// between two markers; `npm run bench` (bench/run.mjs) rewrites the rest of the file and carries the
// section over as it found it.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const START = "<!-- bench:install:start -->";
const END = "<!-- bench:install:end -->";

/** The section (markers included) in the file at `path`, or undefined. */
export function readInstallSection(path) {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, "utf8");
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  return start >= 0 && end > start ? text.slice(start, end + END.length) : undefined;
}

/** Replaces the section in the file at `path` with `body`, or inserts it before the notes (or at the end). */
export function writeInstallSection(path, body) {
  const section = `${START}\n${body.trim()}\n${END}`;
  const text = existsSync(path) ? readFileSync(path, "utf8") : "";
  const previous = readInstallSection(path);
  let next;
  if (previous) next = text.replace(previous, section);
  else {
    const notes = text.indexOf("\n## Notes from the investigations");
    next = notes >= 0 ? `${text.slice(0, notes)}\n${section}\n${text.slice(notes)}` : `${text.trimEnd()}\n\n${section}\n`;
  }
  writeFileSync(path, next);
}
