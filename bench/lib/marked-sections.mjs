// Benchmarks measured on their own (`npm run bench:install`, `npm run bench:sdk-transport`) write
// their section of bench/RESULTS.md between two markers, `<!-- bench:<name>:start -->` and
// `<!-- bench:<name>:end -->`; `npm run bench` (bench/run.mjs) rewrites the rest of the file and
// carries every marked section over as it found it, so no figure is lost by running another bench.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const MARKED = /<!-- bench:([a-z0-9-]+):start -->[\s\S]*?<!-- bench:\1:end -->/g;

const startOf = (name) => `<!-- bench:${name}:start -->`;
const endOf = (name) => `<!-- bench:${name}:end -->`;

/** Every marked section (markers included) in the file at `path`, in file order. */
export function readMarkedSections(path) {
  if (!existsSync(path)) return [];
  return [...readFileSync(path, "utf8").matchAll(MARKED)].map((match) => match[0]);
}

/** Replaces section `name` in the file at `path` with `body`, or inserts it before the notes (or at the end). */
export function writeMarkedSection(path, name, body) {
  const section = `${startOf(name)}\n${body.trim()}\n${endOf(name)}`;
  const text = existsSync(path) ? readFileSync(path, "utf8") : "";
  const start = text.indexOf(startOf(name));
  const end = text.indexOf(endOf(name));
  let next;
  if (start >= 0 && end > start) next = text.slice(0, start) + section + text.slice(end + endOf(name).length);
  else {
    const notes = text.indexOf("\n## Notes from the investigations");
    next = notes >= 0 ? `${text.slice(0, notes)}\n${section}\n${text.slice(notes)}` : `${text.trimEnd()}\n\n${section}\n`;
  }
  writeFileSync(path, next);
}
