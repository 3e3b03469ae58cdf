// `npm run demo`: what the package does, on the bundled fixtures. First ESLint with
// `honeyhive.configs.recommended` (through this repository's eslint.config.js and the built plugin)
// over fixtures/: the `before` file of every case shows its anti-pattern, the `after` file is clean.
// Findings are the point here, so they never fail the command; a summary says what was expected.
// Then `honeyhive migrate --dry fixtures` previews the codemod on the same files.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const builtPlugin = join(root, "dist", "esm", "rules", "index.js");
const migrateBin = join(root, "dist", "esm", "codemods", "bin.js");

if (!existsSync(builtPlugin)) {
  console.log("Building the package first (npm run build)…");
  const build = spawnSync(process.execPath, [join(root, "scripts", "build.mjs")], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** `before` / `after` of a fixture case, with the path a case's meta.json says it is linted as. */
function fixtureRole(filePath) {
  const role = /^(before|after)\./.exec(basename(filePath))?.[1];
  if (!role) return undefined;
  const metaPath = join(dirname(filePath), "meta.json");
  const meta = existsSync(metaPath) ? JSON.parse(readFileSync(metaPath, "utf8")) : {};
  return { role, marker: meta.marker === true, simulatedPath: meta.filename ? join(dirname(filePath), meta.filename) : undefined };
}

const eslint = new ESLint({ cwd: root });
const results = [];
for (const result of await eslint.lintFiles(["fixtures"])) {
  const fixture = fixtureRole(result.filePath);
  if (!fixture?.simulatedPath) {
    results.push(result);
    continue;
  }
  // Where the path decides (Next.js `app/**/route.ts`, `pages/api/**`), lint the text as that file.
  const [simulated] = await eslint.lintText(readFileSync(result.filePath, "utf8"), { filePath: fixture.simulatedPath });
  results.push({ ...simulated, filePath: result.filePath });
}

const stylish = await eslint.loadFormatter("stylish");
console.log("━━ ESLint: honeyhive.configs.recommended over fixtures/ ━━");
console.log((await stylish.format(results)).trimEnd() || "(no findings)");

const counts = { before: 0, beforeReported: 0, after: 0, afterClean: 0, afterMarked: 0, other: 0, otherFindings: 0 };
const surprises = [];
for (const result of results) {
  const fixture = fixtureRole(result.filePath);
  const findings = result.messages.length;
  const shown = relative(root, result.filePath);
  if (fixture?.role === "before") {
    counts.before++;
    if (findings > 0) counts.beforeReported++;
    else surprises.push(`${shown}: expected a finding, got none`);
  } else if (fixture?.role === "after") {
    counts.after++;
    if (findings === 0) counts.afterClean++;
    else if (fixture.marker) counts.afterMarked++;
    else surprises.push(`${shown}: expected no finding, got ${findings}`);
  } else {
    counts.other++;
    counts.otherFindings += findings;
  }
}
console.log(
  `\nSummary: ${counts.beforeReported}/${counts.before} "before" files reported, ` +
    `${counts.afterClean}/${counts.after} "after" files clean` +
    (counts.afterMarked ? ` (${counts.afterMarked} more left for review with a honeyhive-migrate marker)` : "") +
    (counts.other ? `, ${counts.otherFindings} finding(s) in ${counts.other} other file(s) (sample app)` : "") +
    ".",
);
for (const surprise of surprises) console.log(`  unexpected: ${surprise}`);

console.log("\n━━ Codemod preview: honeyhive migrate --dry fixtures ━━");
if (!existsSync(migrateBin)) {
  console.log("(the migrate CLI is not built yet; skipped)");
  process.exit(0);
}
const migrate = spawnSync(process.execPath, [migrateBin, "migrate", "--dry", "fixtures"], { cwd: root, stdio: "inherit" });
process.exit(migrate.status ?? 1);
