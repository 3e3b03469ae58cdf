// The ESLint plugin and `honeyhive migrate` from the packed package, in the projects people have,
// each with at most the one install line the README (or the error) names (issue 11). Slow (real npm
// installs and npx, from npm's cache where it can): run by `npm run test:install`, not by `npm test`.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  createInstalledProject,
  packedTarball,
  removePackedTarball,
  runCommand,
  type CommandResult,
  type InstalledProject,
} from "../sdk/test-utils/consumer-project.js";
import { npmEnvironment } from "../scripts/install-footprint.mjs";

const version = (JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")) as { version: string }).version;

// A Lambda handler that calls sessionStart(): the rules report it, migrate rewrites it.
const handlerSource = `import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ project: "faces" });

export const handler = async (event: { id: string }) => {
  tracer.sessionStart({ sessionName: event.id });
  try {
    return { statusCode: 200 };
  } finally {
    await tracer.forceFlush();
  }
};
`;
const javascriptHandler = handlerSource.replace("(event: { id: string })", "(event)");

const projects: InstalledProject[] = [];
afterAll(() => {
  for (const project of projects) project.remove();
  removePackedTarball();
});

async function projectWith(name: string, packages: readonly string[], files: Record<string, string>): Promise<InstalledProject> {
  const project = createInstalledProject(name, { type: "module" });
  projects.push(project);
  for (const [path, text] of Object.entries(files)) project.write(path, text);
  const install = await project.npm(["install", "--save-dev", ...packages, packedTarball()]);
  expect(install.code, install.stderr).toBe(0);
  return project;
}

/** Runs a command line printed for users, as a shell would, in `cwd`. */
function runPrinted(line: string, cwd: string, env: NodeJS.ProcessEnv = npmEnvironment()): Promise<CommandResult> {
  return runCommand("sh", ["-c", line], { cwd, env: { ...env, npm_config_prefer_offline: "true", npm_config_audit: "false", npm_config_fund: "false" } });
}

const eslintIn = (project: InstalledProject) => runCommand(process.execPath, ["node_modules/eslint/bin/eslint.js", "--format", "json", "."], { cwd: project.directory });
const migrateIn = (directory: string) => runCommand(process.execPath, ["node_modules/honeyhive/dist/esm/codemods/bin.js", "migrate", "--dry", "."], { cwd: directory });

function ruleIds(run: CommandResult): string[] {
  const results = JSON.parse(run.stdout) as { messages: { ruleId: string | null }[] }[];
  return results.flatMap((result) => result.messages.map((message) => message.ruleId ?? "fatal"));
}

/** The command after `label` in a message line. */
function commandAfter(text: string, label: string): string {
  const line = text.split("\n").find((candidate) => candidate.includes(label));
  expect(line, `no "${label}" in:\n${text}`).toBeDefined();
  return line!.slice(line!.indexOf(label) + label.length).trim();
}

describe("ESLint plugin", () => {
  it("in a TypeScript project with typescript-eslint: nothing more to install", async () => {
    const project = await projectWith("ts-eslint", ["eslint", "typescript", "typescript-eslint"], {
      "eslint.config.js": `import tseslint from "typescript-eslint";
import honeyhive from "honeyhive/eslint-plugin";

export default [...tseslint.configs.recommended, { ...honeyhive.configs.recommended, files: ["**/*.ts"] }];
`,
      "src/handler.ts": handlerSource,
    });
    const run = await eslintIn(project);
    expect(run.code, run.stderr).toBe(1);
    expect(ruleIds(run)).toContain("honeyhive/no-session-start-in-handler");

    // ...and migrate runs there too, on the parsers typescript-eslint brought.
    const migrate = await migrateIn(project.directory);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toContain("+  tracer.createSession({ sessionName: event.id });");
  });

  it("in a JavaScript project with ESLint only: the one install line the error names", async () => {
    const project = await projectWith("js-eslint", ["eslint"], {
      "eslint.config.js": `import honeyhive from "honeyhive/eslint-plugin";\n\nexport default [honeyhive.configs.recommended];\n`,
      "src/handler.js": javascriptHandler,
    });
    const before = await eslintIn(project);
    expect(before.code).toBe(2);
    expect(before.stderr).not.toMatch(/^\s+at /m);
    const install = commandAfter(before.stderr, "Install with:");
    expect(install).toBe("npm install --save-dev @typescript-eslint/utils@8");

    const installed = await runPrinted(install, project.directory);
    expect(installed.code, installed.stderr).toBe(0);
    const after = await eslintIn(project);
    expect(after.code, after.stderr).toBe(1);
    expect(ruleIds(after)).toContain("honeyhive/no-session-start-in-handler");
  });
});

describe("honeyhive migrate", () => {
  // The printed command names only what is missing, and a version in range: TypeScript 5.0 stays.
  it.each([
    ["only the SDK", [], "npm install --save-dev 'typescript@>=4.8.4 <6.1.0' @typescript-eslint/typescript-estree@8 @typescript-eslint/scope-manager@8"],
    ["the SDK and TypeScript 5.0", ["typescript@5.0.4"], "npm install --save-dev @typescript-eslint/typescript-estree@8 @typescript-eslint/scope-manager@8"],
  ])("in a project with %s: one line with the command, which then works", async (_label, packages, expected) => {
    const project = await projectWith(`migrate-${packages.length}`, packages, { "src/handler.ts": handlerSource });
    const before = await migrateIn(project.directory);
    expect(before.code).toBe(2);
    expect(before.stderr).not.toMatch(/^\s+at /m);
    const keep = commandAfter(before.stderr, "Or add them to the project:");
    expect(keep).toBe(expected);

    const installed = await runPrinted(keep, project.directory);
    expect(installed.code, installed.stderr).toBe(0);
    const after = await migrateIn(project.directory);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toContain("+  tracer.createSession({ sessionName: event.id });");
    if (packages.length > 0) expect((await project.npm(["ls", "typescript"])).stdout).toContain("typescript@5.0.4");
  });

  it("in an empty folder through npx: the printed npx line runs the migration", async () => {
    const folder = createInstalledProject("empty-folder");
    projects.push(folder);
    // Not a project: only the file to migrate.
    rmSync(join(folder.directory, "package.json"));
    folder.write("handler.ts", handlerSource);
    const tarball = packedTarball();

    const before = await runPrinted(`npx --yes -p ${tarball} honeyhive migrate --dry .`, folder.directory);
    expect(before.code).toBe(2);
    const line = commandAfter(before.stderr, "Run:");
    expect(line).toBe(
      `npx -p honeyhive@${version} -p 'typescript@>=4.8.4 <6.1.0' -p @typescript-eslint/typescript-estree@8 -p @typescript-eslint/scope-manager@8 honeyhive migrate --dry .`,
    );
    expect(before.stderr).not.toContain("Or add them to the project");

    // The same line, with the unpublished version replaced by its tarball; --yes as a user answers npx's prompt.
    const after = await runPrinted(line.replace(`honeyhive@${version}`, tarball), folder.directory, npmEnvironment({ npm_config_yes: "true" }));
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toContain("+  tracer.createSession({ sessionName: event.id });");
  });
});
