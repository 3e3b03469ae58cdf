#!/usr/bin/env node
// Behaviour check between two builds of the plugin: every message, fix and suggestion of `configs.all`,
// file by file, both builds in one process, compared as JSON.
//
//   node bench/lib/dump-ab.mjs <entry A> <entry B> <directory> [<directory> …]
//
// Prints the files whose findings differ (with both dumps of the first few), the counts, and a digest of
// each build's findings; exits 1 when any file differs.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createLinter, sourceFilesUnder } from "./lint-child.mjs";

const [entryA, entryB, ...directories] = process.argv.slice(2);
if (!entryA || !entryB || directories.length === 0) {
  console.error("usage: node bench/lib/dump-ab.mjs <entry A> <entry B> <directory> [<directory> …]");
  process.exit(2);
}
const linter = (entry, cwd) => createLinter("all", cwd, { entry: resolve(entry) });
const dump = (result) =>
  JSON.stringify(
    result.messages.map(({ ruleId, severity, message, messageId, line, column, endLine, endColumn, fix, suggestions, fatal }) => ({
      ruleId, severity, message, messageId, line, column, endLine, endColumn, fix, suggestions, fatal,
    })),
  );
const digests = [createHash("sha256"), createHash("sha256")];
let fileCount = 0;
let messages = 0;
const differing = [];
for (const directoryArgument of directories) {
  const directory = resolve(directoryArgument);
  const [a, b] = [await linter(entryA, directory), await linter(entryB, directory)];
  for (const path of sourceFilesUnder(directory)) {
    const text = readFileSync(path, "utf8");
    const [resultA] = await a.lintText(text, { filePath: path });
    const [resultB] = await b.lintText(text, { filePath: path });
    const [dumpA, dumpB] = [dump(resultA), dump(resultB)];
    fileCount++;
    messages += resultA.messages.length;
    digests[0].update(path).update(dumpA);
    digests[1].update(path).update(dumpB);
    if (dumpA !== dumpB) {
      differing.push(path);
      if (differing.length <= 3) console.log(`DIFFERS ${path}\n  A ${dumpA}\n  B ${dumpB}`);
    }
  }
}
for (const path of differing.slice(3)) console.log(`DIFFERS ${path}`);
console.log(`${fileCount} files, ${messages} messages (A), ${differing.length} differ; digests A ${digests[0].digest("hex").slice(0, 16)} B ${digests[1].digest("hex").slice(0, 16)}`);
process.exit(differing.length === 0 ? 0 : 1);
