// Keeps the rule doc headers (docs/rules/*.md) and the README rules table in step with the rules'
// metadata, with eslint-doc-generator. Usage: node scripts/docs-rules.mjs [--check] [--root <dir>]
//
// eslint-doc-generator loads the plugin from the package's main entry, which for `honeyhive` is the
// SDK, not the plugin. So this script gives it a stand-in package whose main is the built plugin
// (dist/cjs/rules/index.js), placed at <root>/node_modules/.cache/honeyhive-doc-plugin so the docs
// and README are reachable at a fixed relative path (and rule links come out relative to the README).
// Options that are not paths live in .eslint-doc-generatorrc.json, found from the working directory.
// `--root` points at another copy of docs/ + README.md (tests use it); the plugin is always this
// repository's build. Offline and quick: nothing is fetched, nothing is built here.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { check: { type: "boolean" }, root: { type: "string" } } });
const docsRoot = resolve(values.root ?? repositoryRoot);

const builtPlugin = join(repositoryRoot, "dist", "cjs", "rules", "index.js");
if (!existsSync(builtPlugin)) {
  console.error(`docs-rules: ${builtPlugin} is missing; run \`npm run build\` first.`);
  process.exit(2);
}

// Three levels below docsRoot: node_modules/.cache/honeyhive-doc-plugin.
const standIn = join(docsRoot, "node_modules", ".cache", "honeyhive-doc-plugin");
const fromStandInToRoot = "../../..";
mkdirSync(standIn, { recursive: true });
writeFileSync(join(standIn, "package.json"), JSON.stringify({ name: "honeyhive", private: true, main: "index.cjs" }) + "\n");
// The CJS build exports `default` plus the same plugin's meta/rules/configs; hand over the plugin itself.
writeFileSync(join(standIn, "index.cjs"), `module.exports = require(${JSON.stringify(builtPlugin)}).default;\n`);

const generatorBin = join(dirname(createRequire(import.meta.url).resolve("eslint-doc-generator/package.json")), "dist", "bin", "eslint-doc-generator.js");
const result = spawnSync(
  process.execPath,
  [
    generatorBin,
    standIn,
    "--path-rule-doc",
    `${fromStandInToRoot}/docs/rules/{name}.md`,
    "--path-rule-list",
    `${fromStandInToRoot}/README.md`,
    ...(values.check ? ["--check"] : []),
  ],
  { cwd: docsRoot, stdio: "inherit" },
);
process.exit(result.status ?? 1);
