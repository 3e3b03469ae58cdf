// The plugin on both supported ESLint majors, through the public ESLint API (not RuleTester):
// `configs.recommended` with @typescript-eslint/parser on ESLint 9 (`eslint9`), and
// `configs["legacy-recommended"]` through ESLint 9's eslintrc engine as the README sets it up. Over
// representative fixture cases (`versionCases`, below): each `before` is reported by its rule, each `after` is clean
// (a `marker: true` case may still be reported: the codemod left a review marker there). ESLint 10's run of the same
// truth over EVERY fixture case is `npm run demo`'s lint of fixtures/ (scripts/demo.test.ts), which lints them all
// anyway; each rule's own test runs every case of its folder with that rule alone (describeFixtureTruth).
import tsParser from "@typescript-eslint/parser";
import { ESLint as ESLint10 } from "eslint";
import { ESLint as ESLint9 } from "eslint9";
import { LegacyESLint } from "eslint9/use-at-your-own-risk";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFixtures, type FixtureCase } from "../fixtures/index.js";
import plugin from "./index.js";
import { describeLintMessages } from "./test-utils/fixture-lint.js";
import { REPOSITORY_ROOT } from "./test-utils/rule-files.js";
import { runNodeIn } from "./test-utils/run-node.js";
import { createTempProject, type TempProject } from "./test-utils/temp-project.js";

interface LintMessage {
  readonly ruleId: string | null;
  readonly fatal?: boolean;
  readonly message: string;
  readonly line: number;
}
type LintText = (code: string, filePath: string) => Promise<readonly LintMessage[]>;

const fixtureCases = loadFixtures().filter((fixture) => fixture.rule in plugin.rules);
/**
 * What an ESLint major can change for these rules is its API surface, not their logic (the analysis core, the same
 * code on every major): the rule context (`filename`, `cwd`, `settings`, `languageOptions`), SourceCode (`ast`,
 * `scopeManager`, `parserServices`, `traverse`, `getText`), the listeners' dispatch (`Program:exit`, node and `:exit`
 * selectors), `report` with fixes and suggestions, and how a configuration reaches a file (flat or eslintrc, simulated
 * paths, a project's own files). So the majors that are not the development one lint one case per rule and kind of
 * file: its extension, whether it lies in its own project folder, and whether the codemod leaves a review marker
 * (42 of the 185 cases at 856534bf). Every case is linted on ESLint 10 with all rules by scripts/demo.test.ts.
 */
const kindOf = (fixture: FixtureCase): string => `${fixture.rule} ${fixture.filename.split(".").at(-1)} ${fixture.filename.startsWith("fixtures/")} ${fixture.marker}`;
const versionCases = fixtureCases.filter((fixture, index) => fixtureCases.findIndex((other) => kindOf(other) === kindOf(fixture)) === index);
const sourceFiles = ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"];
const flatConfig = [{ ...plugin.configs.recommended, files: sourceFiles, languageOptions: { parser: tsParser } }];
// typescript-eslint's config types and each ESLint major's own types are not mutually assignable
// (plugin and parser shapes); the objects are the same at runtime, which is what these tests check.
const flatConfigFor9 = flatConfig as unknown as ESLint9.Options["overrideConfig"];
// Files are linted as text under the case's (possibly simulated) path inside a virtual project, except a
// case whose meta.json names a file of its own `project/` folder (`fixtures/<rule>/<case>/project/…`): that one
// is linted where it lies, so the analysis reads the project's package.json and modules, as the unit run does.
const virtualProject = join(REPOSITORY_ROOT, "virtual-project");
const casePath = (fixture: FixtureCase): string => join(fixture.filename.startsWith("fixtures/") ? REPOSITORY_ROOT : virtualProject, fixture.filename);

function expectFixtureTruth(lint: () => LintText): void {
  it.each(versionCases.map((fixture) => [fixture.id, fixture] as const))("%s", async (_id, fixture: FixtureCase) => {
    const ruleId = `honeyhive/${fixture.rule}`;
    const before = await lint()(fixture.before, casePath(fixture));
    expect(before.filter((message) => message.fatal), describeLintMessages(before)).toEqual([]);
    expect(before.some((message) => message.ruleId === ruleId), `before should be reported by ${ruleId}:\n${describeLintMessages(before)}`).toBe(true);

    const after = await lint()(fixture.after, casePath(fixture));
    expect(after.filter((message) => message.fatal), describeLintMessages(after)).toEqual([]);
    if (!fixture.marker) expect(after, `after should be clean:\n${describeLintMessages(after)}`).toEqual([]);
  });
}

it("has fixture cases for the registered rules (guards against an empty, vacuous run)", () => {
  if (Object.keys(plugin.rules).length > 0) expect(fixtureCases.length).toBeGreaterThan(0);
});

describe("ESLint 9 (eslint9), flat configs.recommended", () => {
  const eslint = new ESLint9({ cwd: REPOSITORY_ROOT, overrideConfigFile: true, overrideConfig: flatConfigFor9 });
  it("is ESLint 9", () => expect(ESLint9.version).toMatch(/^9\./));
  expectFixtureTruth(() => async (code, filePath) => (await eslint.lintText(code, { filePath }))[0].messages);
});

describe("ESLint 9 eslintrc (LegacyESLint), configs['legacy-recommended'] as the README sets it up", () => {
  // The README's recipe: a local `eslint-plugin-honeyhive` package re-exporting the built plugin,
  // and an .eslintrc.json extending `plugin:honeyhive/legacy-recommended`.
  let project: TempProject;
  let eslint: LegacyESLint;
  beforeAll(() => {
    // The project's `eslint` is ESLint 9 (the only major that still reads .eslintrc).
    project = createTempProject("eslintrc", ["@typescript-eslint/parser"], { eslint: "eslint9" });
    project.write("node_modules/eslint-plugin-honeyhive/package.json", JSON.stringify({ name: "eslint-plugin-honeyhive", main: "index.js" }));
    project.write("node_modules/eslint-plugin-honeyhive/index.js", 'module.exports = require("honeyhive/eslint-plugin");\n');
    project.write(
      ".eslintrc.json",
      JSON.stringify({ root: true, parser: "@typescript-eslint/parser", extends: ["plugin:honeyhive/legacy-recommended"] }),
    );
    eslint = new LegacyESLint({ cwd: project.dir });
  });
  afterAll(() => project.remove());

  it("resolves the plugin's legacy config to every recommended rule", async () => {
    const config = (await eslint.calculateConfigForFile(join(project.dir, "src/index.ts"))) as { rules: Record<string, unknown> };
    for (const rule of Object.keys(plugin.configs["legacy-recommended"].rules ?? {})) expect(config.rules[rule], rule).toEqual(["error"]);
  });

  it("works from the eslint CLI with ESLINT_USE_FLAT_CONFIG=false", async () => {
    const sample = fixtureCases.find((fixture) => fixture.filename.startsWith("src/") && fixture.filename.endsWith(".ts"));
    if (!sample) throw new Error("no src/*.ts fixture case");
    project.write(join("cli", sample.filename), sample.before);
    const run = await runNodeIn(project, "node_modules/eslint/bin/eslint.js", ["--format", "json", join("cli", sample.filename)], { ESLINT_USE_FLAT_CONFIG: "false" });
    expect(run.status, run.stderr).toBe(1);
    const [result] = JSON.parse(run.stdout) as { messages: LintMessage[] }[];
    expect(result.messages.map((message) => message.ruleId)).toContain(`honeyhive/${sample.rule}`);
  });

  it("the README's LegacyESLint program form, as written, reports a handler's sessionStart()", async () => {
    const readme = readFileSync(join(REPOSITORY_ROOT, "README.md"), "utf8");
    const written = /`(new LegacyESLint\(\{ plugins: \{ honeyhive \}[^`]*\))`/.exec(readme)?.[1];
    expect(written, "README's `new LegacyESLint({ plugins: { honeyhive }, … })`").toBeDefined();
    const make = new Function("LegacyESLint", "honeyhive", `return ${written};`) as (eslintClass: typeof LegacyESLint, honeyhive: typeof plugin) => LegacyESLint;
    const fromReadme = make(LegacyESLint, plugin);
    const sample = fixtureCases.find((fixture) => fixture.rule === "no-session-start-in-handler" && fixture.filename.endsWith(".ts"));
    if (!sample) throw new Error("no no-session-start-in-handler .ts fixture case");
    const [result] = await fromReadme.lintText(sample.before, { filePath: join(virtualProject, sample.filename) });
    expect(result.messages.filter((message) => message.fatal), describeLintMessages(result.messages)).toEqual([]);
    expect(result.messages.map((message) => message.ruleId)).toContain("honeyhive/no-session-start-in-handler");
  });

  expectFixtureTruth(() => async (code, filePath) => {
    const inRepository = !filePath.startsWith(`${virtualProject}/`);
    const relative = filePath.slice((inRepository ? REPOSITORY_ROOT : virtualProject).length + 1);
    // A case's own project folder is copied into the temporary project at the same place (LegacyESLint lints under its cwd only).
    if (inRepository) {
      const folder = /^fixtures\/[^/]+\/[^/]+\/project(?=\/)/.exec(relative)?.[0] ?? dirname(relative);
      copyFolder(join(REPOSITORY_ROOT, folder), folder, project);
    }
    return (await eslint.lintText(code, { filePath: join(project.dir, relative) }))[0].messages;
  });
});

describe.each([
  ["ESLint 10", ESLint10 as unknown as typeof ESLint9],
  ["ESLint 9", ESLint9],
])("shared settings.honeyhive on %s", (_label, ESLintClass) => {
  // Same files, linted without and with the settings: only the settings make them findings.
  const lambdaWithCustomExportName = `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "orders" });
export const main = async (event: { id: string }) => {
  return tracer.startSpan("process-order", async () => ({ statusCode: 200, body: event.id }));
};
`;
  const sdkThroughReexportingPackage = `import express from "express";
import { HoneyHiveTracer } from "@acme/observability";
const tracer = HoneyHiveTracer.init({ project: "chat" });
const app = express();
app.post("/chat", (req, res) => {
  tracer.sessionStart({ sessionName: "chat" });
  res.json({ ok: true });
});
`;
  const lint = async (code: string, settings: object) => {
    const config = [{ ...flatConfig[0], settings }] as unknown as ESLint9.Options["overrideConfig"];
    const eslint = new ESLintClass({ cwd: virtualProject, overrideConfigFile: true, overrideConfig: config });
    const [result] = await eslint.lintText(code, { filePath: join(virtualProject, "src/index.ts") });
    return result.messages.map((message) => message.ruleId);
  };

  it("lambdaHandlerNames makes another export name a Lambda handler", async () => {
    expect(await lint(lambdaWithCustomExportName, {})).toEqual([]);
    expect(await lint(lambdaWithCustomExportName, { honeyhive: { lambdaHandlerNames: ["main"] } })).toEqual([
      "honeyhive/require-force-flush-in-lambda",
    ]);
  });

  it("modules makes a package that re-exports the SDK count as the SDK", async () => {
    expect(await lint(sdkThroughReexportingPackage, {})).toEqual([]);
    expect(await lint(sdkThroughReexportingPackage, { honeyhive: { modules: ["@acme/observability"] } })).toEqual([
      "honeyhive/no-session-start-in-handler",
    ]);
  });
});

/** Writes every file under `from` (recursively) into `project` under `to`. */
function copyFolder(from: string, to: string, project: TempProject): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) copyFolder(join(from, entry.name), join(to, entry.name), project);
    else project.write(join(to, entry.name), readFileSync(join(from, entry.name), "utf8"));
  }
}
