// One configuration's lint under callgrind, for bench/lib/instr-ab.mjs (which starts it):
//   valgrind --tool=callgrind --instr-atstart=no … node <flags> bench/lib/instr-child.mjs <addon> <kind> <directory> <list file> <passes> <first counted> [entry]
// Start-up (module loading, the linter's construction, reading the files) runs uninstrumented; then
// the listed files are linted `passes` times with lintText, one file after the other, and the
// instructions of each pass from `first counted` on are dumped as their own profile part ("pass-1",
// "pass-2", …). Passes before it run uninstrumented, several times faster under valgrind.
import { createRequire } from "node:module";
import { readFileSync, realpathSync } from "node:fs";
import { countedPasses } from "./instr-passes.mjs";
import { createLinter } from "./lint-child.mjs";

const [addon, kind, directoryArgument, listFile, passesArgument, firstCountedArgument, entry] = process.argv.slice(2);
// Real paths: ESLint ignores a file outside its cwd ("outside of base path"), symbolic links included.
const directory = realpathSync(directoryArgument);
const callgrind = createRequire(import.meta.url)(addon);
const paths = readFileSync(listFile, "utf8").split("\n").filter(Boolean);
const files = paths.map((path) => ({ path: realpathSync(path), text: readFileSync(path, "utf8") }));
const linter = await createLinter(kind, directory, entry ? { entry } : {});
const messages = await countedPasses({ linter, files, passes: Number(passesArgument), firstCounted: Number(firstCountedArgument), callgrind });
console.log(JSON.stringify({ kind, files: files.length, messages }));
