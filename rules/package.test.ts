// The plugin as users get it: the BUILT package (dist/, via package.json "exports"), loaded from a
// separate project whose node_modules links `honeyhive`, by an `eslint.config.mjs` that imports it
// and by an `eslint.config.cjs` that requires it, each run through the real `eslint` CLI over one
// anti-pattern file per rule (the first fixture case of each rule). The vitest global setup
// rebuilds dist/ first when sources are newer.
//
// Each project below is a folder of its own with its own config file, and ONE eslint CLI run per ESLint major lints
// them all: ESLint 10 takes each file's config from the nearest config file above it, ESLint 9 does so under
// `--flag v10_config_lookup_from_file` (a config file's patterns are relative to its folder either way). An eslint
// process costs about a second of CPU to start and load the parser and the plugin; a run per config file was 8 of them.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFixtures, type FixtureCase } from "../fixtures/index.js";
import plugin from "./index.js";
import { REPOSITORY_ROOT } from "./test-utils/rule-files.js";
import { runNodeIn, type ProcessResult } from "./test-utils/run-node.js";
import { createTempProject, type TempProject } from "./test-utils/temp-project.js";

const packageVersion = (JSON.parse(readFileSync(join(REPOSITORY_ROOT, "package.json"), "utf8")) as { version: string }).version;
const sourceGlob = '["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"]';

// One anti-pattern per rule, written where its case says it lives (Next.js paths etc.).
const samples: FixtureCase[] = Object.keys(plugin.rules).flatMap((rule) => loadFixtures().filter((fixture) => fixture.rule === rule).slice(0, 1));

// One folder per rule: case names (and so default file names) repeat across rules.
const samplePath = (sample: FixtureCase) => join(sample.rule, sample.filename);

// Printed by the config file itself, so the test sees what the user's config saw (tagged with its folder: one
// eslint process loads both configs).
const reportPlugin = (folder: string, honeyhive: string) =>
  `console.error("PLUGIN ${folder} " + JSON.stringify({ meta: ${honeyhive}.meta, rules: Object.keys(${honeyhive}.rules), configs: Object.keys(${honeyhive}.configs), sameObject: ${honeyhive}.configs.recommended.plugins.honeyhive === ${honeyhive} }));`;

const configs = {
  "eslint.config.mjs (import)": {
    folder: "import",
    text: `import tsParser from "@typescript-eslint/parser";
import honeyhive from "honeyhive/eslint-plugin";
${reportPlugin("import", "honeyhive")}
export default [
  { ...honeyhive.configs.recommended, files: ${sourceGlob}, languageOptions: { parser: tsParser } },
  { plugins: { honeyhive } }, // naming the plugin again is not a redefinition: it is the same object
];
`,
  },
  "eslint.config.cjs (require)": {
    folder: "require",
    text: `const tsParser = require("@typescript-eslint/parser");
const honeyhive = require("honeyhive/eslint-plugin");
${reportPlugin("require", "honeyhive")}
module.exports = [
  { ...honeyhive.configs.recommended, files: ${sourceGlob}, languageOptions: { parser: tsParser } },
  { plugins: { honeyhive } }, // require() returns the plugin itself, so this is the same object too
];
`,
  },
} as const;

interface JsonResult {
  readonly filePath: string;
  readonly messages: readonly { readonly ruleId: string | null; readonly message: string }[];
}

// Each ```js block of the README's "Flat config" and "Settings" sections, saved as a project's
// eslint.config.js (the Settings one shows only its array, so the import line before it is the
// Flat config's). The first one lints ESLint's default files (.js), the others the sources they name.
const readme = readFileSync(join(REPOSITORY_ROOT, "README.md"), "utf8");
const blocksUnder = (heading: string) => {
  const start = readme.indexOf(`\n${heading}\n`);
  const end = readme.indexOf("\n###", start + 1);
  return [...readme.slice(start, end).matchAll(/```js\n([\s\S]*?)```/g)].map(([, code]) => code);
};
const flat = blocksUnder("### Flat config (`eslint.config.js`)");
const settings = blocksUnder("### Settings").map((code) => `import honeyhive from "honeyhive/eslint-plugin";\n\n${code}`);
const handler = `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ project: "chat" });
const app = express();
app.post("/chat", (req, res) => {
  tracer.sessionStart({ sessionName: "chat" });
  res.json({ ok: true });
});
`;
/** Writes the README's blocks as projects `readme-<index>/` of `project`; returns the folders to lint. */
function writeReadmeProjects(project: TempProject): string[] {
  return [...flat, ...settings].map((config, index) => {
    project.write(`readme-${index}/eslint.config.js`, config);
    project.write(`readme-${index}/src/chat.js`, handler);
    project.write(`readme-${index}/src/chat.ts`, handler.replace("(req, res)", "(req: { body: unknown }, res: { json(body: unknown): void })"));
    return `readme-${index}/src`;
  });
}

const projects: TempProject[] = [];
afterAll(() => {
  for (const project of projects) project.remove();
});

/** One `eslint --format json` CLI run over the folders `setUp` writes into a new project; run once, by the first test that asks. */
function lintOnce(
  prefix: string,
  packages: readonly string[],
  aliases: Readonly<Record<string, string>>,
  flags: readonly string[],
  setUp: (project: TempProject) => string[],
): () => Promise<{ project: TempProject; run: ProcessResult }> {
  let started: Promise<{ project: TempProject; run: ProcessResult }> | undefined;
  return () =>
    (started ??= (async () => {
      const project = createTempProject(prefix, packages, aliases);
      projects.push(project);
      const folders = setUp(project);
      const run = await runNodeIn(project, "node_modules/eslint/bin/eslint.js", [...flags, "--format", "json", ...folders]);
      return { project, run };
    })());
}

// ESLint 10: the import and require consumers and the README's blocks.
const eslint10 = lintOnce("consumer", ["eslint", "@typescript-eslint/parser"], {}, [], (project) => {
  for (const { folder, text } of Object.values(configs)) {
    project.write(join(folder, folder === "import" ? "eslint.config.mjs" : "eslint.config.cjs"), text);
    for (const sample of samples) project.write(join(folder, samplePath(sample)), sample.before);
  }
  return [...Object.values(configs).map(({ folder }) => folder), ...writeReadmeProjects(project)];
});
// ESLint 9: the README's blocks.
const eslint9 = lintOnce("readme-config", ["@typescript-eslint/parser"], { eslint: "eslint9" }, ["--flag", "v10_config_lookup_from_file"], writeReadmeProjects);

describe.each(Object.entries(configs))("%s, built package, eslint CLI", (_label, { folder }) => {
  it("loads the plugin with its meta, rules and configs, and reports each rule's anti-pattern", async () => {
    expect(samples.length).toBeGreaterThan(0);
    const { project, run } = await eslint10();
    const loaded = JSON.parse(new RegExp(`^PLUGIN ${folder} (.*)$`, "m").exec(run.stderr)?.[1] ?? "null") as {
      meta: unknown;
      rules: string[];
      configs: string[];
      sameObject: boolean;
    } | null;
    expect(loaded, run.stderr).not.toBeNull();
    expect(loaded?.meta).toEqual({ name: "honeyhive", version: packageVersion, namespace: "honeyhive" });
    expect(loaded?.rules.sort()).toEqual(Object.keys(plugin.rules).sort());
    expect(loaded?.configs.sort()).toEqual(Object.keys(plugin.configs).sort());
    expect(loaded?.sameObject).toBe(true);

    expect(run.status, run.stderr).toBe(1); // findings, not a crash (2)
    const results = JSON.parse(run.stdout) as JsonResult[];
    for (const sample of samples) {
      const result = results.find((candidate) => candidate.filePath === join(project.dir, folder, samplePath(sample)));
      expect(result?.messages.map((message) => message.ruleId), `${sample.id}: ${JSON.stringify(result?.messages)}`).toContain(`honeyhive/${sample.rule}`);
    }
  }, 120_000);
});

describe("types of the built package, for a typed eslint.config.ts", () => {
  // The published declarations must fit ESLint 10's and 9's own config and plugin types (and
  // defineConfig), and typescript-eslint's, so a TypeScript config file needs no casts.
  let project: TempProject;
  beforeAll(() => {
    project = createTempProject("typed-config", ["eslint", "@typescript-eslint/utils", "@types"], { eslint9: "eslint9" });
    project.write(
      "tsconfig.json",
      JSON.stringify({ compilerOptions: { module: "nodenext", moduleResolution: "nodenext", target: "es2022", strict: true, noEmit: true, skipLibCheck: true, types: ["node"] }, files: ["eslint.config.ts"] }),
    );
    project.write(
      "eslint.config.ts",
      `import type { TSESLint } from "@typescript-eslint/utils";
import type { ESLint, Linter } from "eslint";
import { defineConfig } from "eslint/config";
import type { ESLint as ESLint9, Linter as Linter9 } from "eslint9";
import honeyhive from "honeyhive/eslint-plugin";

export const asArray = defineConfig([honeyhive.configs.recommended]);
export const asExtends = defineConfig({ files: ["**/*.ts"], extends: [honeyhive.configs.recommended] });
export const byHand = defineConfig({ plugins: { honeyhive }, rules: { "honeyhive/no-session-start-in-handler": "error" } });
export const eslint10Config: Linter.Config = honeyhive.configs.all;
export const eslint10Plugin: ESLint.Plugin = honeyhive;
export const eslint10Legacy: Linter.LegacyConfig = honeyhive.configs["legacy-recommended"];
export const eslint9Config: Linter9.Config = honeyhive.configs.recommended;
export const eslint9Plugin: ESLint9.Plugin = honeyhive;
export const eslint9Legacy: Linter9.LegacyConfig = honeyhive.configs["legacy-all"];
export const tseslintConfig: TSESLint.FlatConfig.Config = honeyhive.configs.recommended;
export const tseslintPlugins: TSESLint.FlatConfig.Plugins = { honeyhive };
export const tseslintLegacy: TSESLint.ClassicConfig.Config = honeyhive.configs["legacy-recommended"];
export const version: string = honeyhive.meta.version;
export default asArray;
`,
    );
  });
  afterAll(() => project.remove());

  it("type-checks with defineConfig, ESLint 9/10 types and typescript-eslint types, without casts", async () => {
    const tsc = createRequire(join(REPOSITORY_ROOT, "package.json")).resolve("typescript/bin/tsc");
    const run = await runNodeIn(project, tsc, ["-p", "tsconfig.json"]);
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  }, 60_000);
});

describe("one plugin object for import and require", () => {
  // ESLint compares plugins by identity: a flat config that imports the plugin and a shared config
  // that requires it must hold the same object (the ES module entry loads the CommonJS one).
  let project: TempProject;
  beforeAll(() => {
    project = createTempProject("identity");
    project.write(
      "identity.mjs",
      `import { createRequire } from "node:module";
import honeyhive, { configs, meta, rules } from "honeyhive/eslint-plugin";
const required = createRequire(import.meta.url)("honeyhive/eslint-plugin");
console.log(JSON.stringify({ same: honeyhive === required, named: configs === required.configs && meta === required.meta && rules === required.rules }));
`,
    );
  });
  afterAll(() => project.remove());

  it("import and require of honeyhive/eslint-plugin return the same plugin, named exports included", async () => {
    const run = await runNodeIn(project, "identity.mjs", []);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ same: true, named: true });
  });
});

describe.each([
  ["ESLint 10", eslint10],
  ["ESLint 9", eslint9],
] as const)("the README's flat configs as written, %s eslint CLI", (_label, lint) => {
  it("has the blocks this test reads", () => {
    expect(flat.length).toBe(2);
    expect(settings.length).toBe(1);
  });

  it.each([
    ["Flat config, first block", 0, ["src/chat.js"]],
    ["Flat config, TypeScript block", 1, ["src/chat.js", "src/chat.ts"]],
    ["Settings block", 2, ["src/chat.js"]],
  ] as const)("%s loads and reports sessionStart() in a handler", async (_name, index, reportedFiles) => {
    const { project, run } = await lint();
    expect(run.status, run.stderr).toBe(1); // findings, not a crash (2)
    const results = JSON.parse(run.stdout) as JsonResult[];
    const folder = join(project.dir, `readme-${index}`);
    const reported = results
      .filter((result) => result.filePath.startsWith(`${folder}/`))
      .filter((result) => result.messages.some((message) => message.ruleId === "honeyhive/no-session-start-in-handler"))
      .map((result) => result.filePath.slice(folder.length + 1));
    expect(reported.sort()).toEqual([...reportedFiles]);
  }, 120_000);
});
