#!/usr/bin/env node
// What the recommended rules ask of ESLint's traversal, file by file: the listeners each rule's create()
// returns (selector keys and code-path events) and how often ESLint calls them.
//
//   node bench/lib/listener-census.mjs <entry> <directory> [--files N]
//
// ESLint 10 (lib/linter/source-code-traverser.js) parses each key with esquery once per file and files it
// under its node type(s); a key with no node type (`*`, an attribute or `:matches` of no type) would be
// tested against every node. At each node ESLint looks the type up in that map (no rule registered: one
// Map lookup, paid with no rules too), and code-path events are called only when a rule listens to them.
// So the cost of a listener is its calls, counted here, plus one esquery parse of its key per file.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { sourceFilesUnder } from "./lint-child.mjs";

const args = process.argv.slice(2);
const filesAt = args.indexOf("--files");
const fileCount = filesAt === -1 ? 300 : Number(args.splice(filesAt, 2)[1]);
const [entryArgument, directoryArgument] = args;
if (!entryArgument || !directoryArgument) {
  console.error("usage: node bench/lib/listener-census.mjs <entry> <directory> [--files N]");
  process.exit(2);
}
const directory = resolve(directoryArgument);
const { default: honeyhive } = await import(pathToFileURL(resolve(entryArgument)).href);

const registered = new Map(); // "rule selector" -> files that registered it
const calls = new Map(); // "rule selector" -> calls
const filesWithListeners = new Map(); // rule -> files whose create() returned at least one listener
const count = (map, key, by = 1) => map.set(key, (map.get(key) ?? 0) + by);
const rules = Object.fromEntries(
  Object.entries(honeyhive.rules).map(([name, rule]) => [
    name,
    {
      meta: rule.meta,
      create(context) {
        const listeners = rule.create(context);
        const keys = Object.keys(listeners);
        if (keys.length > 0) count(filesWithListeners, name);
        const wrapped = {};
        for (const key of keys) {
          count(registered, `${name} ${key}`);
          wrapped[key] = (...listenerArgs) => {
            count(calls, `${name} ${key}`);
            return listeners[key](...listenerArgs);
          };
        }
        return wrapped;
      },
    },
  ]),
);
const eslint = new ESLint({
  cwd: directory,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"],
      languageOptions: { parser: tsParser, ecmaVersion: "latest", sourceType: "module" },
      linterOptions: { reportUnusedDisableDirectives: "off", reportUnusedInlineConfigs: "off" },
    },
    { plugins: { honeyhive: { meta: honeyhive.meta, rules } }, rules: honeyhive.configs.recommended.rules },
  ],
  cache: false,
});
const files = sourceFilesUnder(directory).slice(0, fileCount);
let nodes = 0;
for (const path of files) {
  const [result] = await eslint.lintText(readFileSync(path, "utf8"), { filePath: path });
  if (result.messages.some((message) => message.fatal)) console.log(`parse error: ${path}`);
}
// Nodes per file, for scale: the same files through the parser alone.
for (const path of files) {
  const ast = tsParser.parse(readFileSync(path, "utf8"), { ecmaVersion: "latest", sourceType: "module", filePath: path, range: true, loc: true });
  const stack = [ast];
  while (stack.length > 0) {
    const node = stack.pop();
    nodes++;
    for (const [key, value] of Object.entries(node)) {
      if (key === "parent" || key === "loc" || key === "range") continue;
      if (Array.isArray(value)) {
        for (const item of value) if (item && typeof item.type === "string") stack.push(item);
      } else if (value && typeof value.type === "string") stack.push(value);
    }
  }
}
console.log(`${files.length} files, ${nodes} nodes (${(nodes / files.length).toFixed(0)} a file)`);
console.log("files whose create() returned listeners, by rule:");
for (const name of Object.keys(rules)) console.log(`  ${String(filesWithListeners.get(name) ?? 0).padStart(5)}  ${name}`);
let totalRegistered = 0;
let totalCalls = 0;
console.log("listener: files registering it, calls");
for (const [key, files] of [...registered].sort((left, right) => (calls.get(right[0]) ?? 0) - (calls.get(left[0]) ?? 0))) {
  totalRegistered += files;
  totalCalls += calls.get(key) ?? 0;
  console.log(`  ${String(files).padStart(5)} ${String(calls.get(key) ?? 0).padStart(8)}  ${key}`);
}
console.log(`in all: ${totalRegistered} registrations (${(totalRegistered / files.length).toFixed(2)} a file), ${totalCalls} calls (${(totalCalls / files.length).toFixed(1)} a file)`);
process.exit(0);
