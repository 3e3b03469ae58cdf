// The work of `npm run demo` (scripts/demo.mjs), split in two so the output of both forms can be had from
// one run of the work: `collectDemo()` lints fixtures/ with ESLint (honeyhive.configs.recommended, through
// this repository's eslint.config.js and the built plugin) and previews `honeyhive migrate --dry fixtures`;
// `renderDemo(collected, { details })` is the text the command prints, and its exit code.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const migrateBin = join(root, "dist", "esm", "codemods", "bin.js");

/** `before` / `after` of a fixture case, with the path a case's meta.json says it is linted as. */
function fixtureRole(filePath) {
  const role = /^(before|after)\./.exec(basename(filePath))?.[1];
  if (!role) return undefined;
  const metaPath = join(dirname(filePath), "meta.json");
  const meta = existsSync(metaPath) ? JSON.parse(readFileSync(metaPath, "utf8")) : {};
  // A meta.filename under fixtures/ names a file of the case's own project folder, from the repository root
  // (as the unit run reads it); any other is a simulated path inside the case's folder.
  const simulatedPath = meta.filename ? join(meta.filename.startsWith("fixtures/") ? root : dirname(filePath), meta.filename) : undefined;
  return { role, marker: meta.marker === true, simulatedPath };
}

/** ESLint's results over fixtures/, its stylish listing, and the migrate preview's run (undefined when the CLI is not built). */
export async function collectDemo() {
  // The fixtures' loader (fixtures/*.ts) is source code, linted by `npm run lint`, not a case.
  const eslint = new ESLint({ cwd: root, ignorePatterns: ["fixtures/*.ts"] });
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
  // ESLint's result order varies from run to run; sorted by path, the listing and the per-folder lines
  // print in the same order every time.
  results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  const stylish = (await (await eslint.loadFormatter("stylish")).format(results)).trimEnd();
  if (!existsSync(migrateBin)) return { results, stylish, migrate: undefined };
  // The diff goes to stdout and the summary to stderr: the summary is the demo, the diff a detail.
  // The 1.x fixtures are `migrate --from 1`'s (its own tests run them); the 2.x preview leaves them out.
  const migrate = spawnSync(process.execPath, [migrateBin, "migrate", "--dry", "fixtures", "--ignore", "fixtures/migrate-1x/", "--ignore", "fixtures/sample-app-1x*/", "--ignore", "fixtures/blind-1x*/", "--ignore", "fixtures/real-code-1x/", "--ignore", "fixtures/round-1x/"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { results, stylish, migrate: { stdout: migrate.stdout, stderr: migrate.stderr, status: migrate.status } };
}

const plural = (count, singular, pluralForm = `${singular}s`) => `${count} ${count === 1 ? singular : pluralForm}`;

/** What `npm run demo` (`details`: `-- --details`) prints for `collected`, and its exit code. */
export function renderDemo({ results, stylish, migrate }, { details }) {
  const out = [];
  const log = (text = "") => out.push(`${text}\n`);
  if (details) {
    log("━━ ESLint: honeyhive.configs.recommended over fixtures/, every finding ━━");
    log(stylish || "(no findings)");
    log();
  }

  const counts = { before: 0, beforeReported: 0, beforeFindings: 0, after: 0, afterClean: 0, afterMarked: 0 };
  /** Files outside the before/after cases (the sample app and its migrated copy), by folder of fixtures/. */
  const others = new Map();
  const byRule = new Map();
  const surprises = [];
  for (const result of results) {
    const fixture = fixtureRole(result.filePath);
    const findings = result.messages.length;
    for (const message of result.messages) byRule.set(message.ruleId ?? "(parse error)", (byRule.get(message.ruleId ?? "(parse error)") ?? 0) + 1);
    const shown = relative(root, result.filePath);
    if (fixture?.role === "before") {
      counts.before++;
      counts.beforeFindings += findings;
      if (findings > 0) counts.beforeReported++;
      else surprises.push(`${shown}: expected a finding, got none`);
    } else if (fixture?.role === "after") {
      counts.after++;
      if (findings === 0) counts.afterClean++;
      // A marker case ends where the codemod stops and asks a person: the finding stays until then.
      else if (fixture.marker) counts.afterMarked++;
      else surprises.push(`${shown}: expected no finding, got ${plural(findings, "finding")}`);
    } else {
      const folder = shown.split(/[\\/]/).slice(0, 2).join("/");
      const other = others.get(folder) ?? { files: 0, withFindings: 0, findings: 0 };
      other.files++;
      other.findings += findings;
      if (findings > 0) other.withFindings++;
      others.set(folder, other);
    }
  }

  log("━━ ESLint: honeyhive.configs.recommended over fixtures/ ━━");
  const lines = [
    [`"before" files`, `${counts.beforeReported}/${counts.before} reported, ${plural(counts.beforeFindings, "finding")}`],
    [
      `"after" files`,
      `${counts.afterClean + counts.afterMarked}/${counts.after} as expected: ${counts.afterClean} clean` +
        (counts.afterMarked ? `, ${counts.afterMarked} still reported beside the review marker the codemod leaves there for a person` : ""),
    ],
    ...[...others].sort(([a], [b]) => (a < b ? -1 : 1)).map(([folder, other]) => [
      folder,
      other.findings ? `${plural(other.findings, "finding")} in ${other.withFindings} of ${plural(other.files, "file")}` : `no findings in ${plural(other.files, "file")}`,
    ]),
  ];
  const labelWidth = Math.max(...lines.map(([label]) => label.length)) + 1;
  for (const [label, text] of lines) log(`${`${label}:`.padEnd(labelWidth)}  ${text}`);
  log("Findings by rule:");
  const ruleWidth = Math.max(0, ...[...byRule.keys()].map((rule) => rule.length));
  for (const [rule, count] of [...byRule].sort(([a], [b]) => (a < b ? -1 : 1))) log(`  ${rule.padEnd(ruleWidth)}  ${count}`);
  for (const surprise of surprises) log(`  unexpected: ${surprise}`);

  log("\n━━ Codemod preview: honeyhive migrate --dry fixtures ━━");
  if (!migrate) {
    log("(the migrate CLI is not built yet; skipped)");
    return { text: out.join(""), code: 0 };
  }
  if (details) out.push(migrate.stdout);
  // The list of files with review markers grows with every rule's marker fixtures: a detail, counted on one line here.
  const markedFiles = (list) => {
    const items = list.split("\n").slice(1, -1);
    const more = /… and (\d+) more/.exec(items.at(-1) ?? "");
    return more ? items.length - 1 + Number(more[1]) : items.length;
  };
  out.push(
    details
      ? migrate.stderr
      : migrate.stderr.replace(/^(To review \(search for "honeyhive-migrate:"\)):\n(?: {2}.*\n)+/m, (list, header) => `${header}: ${markedFiles(list)} files (--details lists them)\n`),
  );
  if (!details) log("\nEvery finding and the whole diff: npm run demo -- --details");
  return { text: out.join(""), code: migrate.status ?? 1 };
}
