// One configuration's lint under callgrind, for bench/lib/instr-ab.mjs (which starts it):
//   valgrind --tool=callgrind --instr-atstart=no … node <flags> bench/lib/instr-child.mjs <addon> <kind> <directory> <list file> <passes> <first counted> [entry]
// Start-up (module loading, the linter's construction, reading the files) runs uninstrumented; then
// the listed files are linted `passes` times with lintText, one file after the other, and the
// instructions of each pass from `first counted` on are dumped as their own profile part ("pass-1",
// "pass-2", …). Passes before it run uninstrumented, several times faster under valgrind.
import { createRequire } from "node:module";
import { readFileSync, realpathSync } from "node:fs";
import { createLinter } from "./lint-child.mjs";

const [addon, kind, directoryArgument, listFile, passesArgument, firstCountedArgument, entry] = process.argv.slice(2);
// Real paths: ESLint ignores a file outside its cwd ("outside of base path"), symbolic links included.
const directory = realpathSync(directoryArgument);
const callgrind = createRequire(import.meta.url)(addon);
const paths = readFileSync(listFile, "utf8").split("\n").filter(Boolean);
const files = paths.map((path) => ({ path: realpathSync(path), text: readFileSync(path, "utf8") }));
const linter = await createLinter(kind, directory, entry ? { entry } : {});
// The plugin trusts what it read from the file system for a second of `Date.now()` (RECHECK_AFTER_MS in
// analysis/project-modules.ts). Under valgrind a file takes seconds, so every file would look again and the count
// would depend on how slowly the run went (bench/NOTES.md, perf-sdk-5). The clock therefore stands still during a
// pass and moves two seconds between passes: each pass looks at the file system once, close to a native lint of
// these files (~20 ms a file natively: one look every ~50 files).
const realNow = Date.now;
let clock = realNow();
Date.now = () => clock;
let messages = 0;
const firstCounted = Number(firstCountedArgument);
for (let pass = 1; pass <= Number(passesArgument); pass++) {
  clock += 2000;
  if (pass === firstCounted) {
    // From the same heap whatever start-up or the uncounted passes left.
    globalThis.gc?.();
    callgrind.start();
  }
  for (const { path, text } of files) {
    const [result] = await linter.lintText(text, { filePath: path });
    if (pass === 1) messages += result.messages.length;
  }
  if (pass >= firstCounted) callgrind.dump(`pass-${pass}`);
}
callgrind.stop();
console.log(JSON.stringify({ kind, files: files.length, messages }));
