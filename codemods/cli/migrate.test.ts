// The `honeyhive migrate` command end to end in temporary projects, in process with stand-in
// transforms (see test-utils/project.ts) so each behaviour of the CLI is asserted on its own.
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { TRANSFORM_IDS } from "../transforms/ids.js";
import type { MigrateEngine } from "./engine-port.js";
import { runCli } from "./migrate.js";
import type { JsonReport } from "./report.js";
import { git, makeGitProject } from "./test-utils/git-project.js";
import { FAKE_MARKER, fakeEngine, makeProject, read, removeProjects, runInProcess, writeFiles } from "./test-utils/project.js";

afterAll(removeProjects);

const HANDLER = `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init();
export function handle() {
  tracer.sessionStart({});
}
`;
const HANDLER_MIGRATED = HANDLER.replace(".sessionStart(", ".createSession(");
const ENRICH = `import { enrichSpan } from "honeyhive";
export function work() {
  enrichSpan({ step: 1 });
}
`;
const PLAIN = "export const answer = 42;\n";
const BROKEN = `import { HoneyHiveTracer } from "honeyhive";
const x = @@syntax-error@@;
`;

describe("git guard", () => {
  it("refuses to write into a repository with a modified tracked file, in one line with the remedy", async () => {
    const root = makeGitProject({ "src/handler.ts": HANDLER, "README.md": "hi\n" });
    writeFileSync(join(root, "README.md"), "changed\n");
    const run = await runInProcess(root, ["migrate"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("uncommitted changes (README.md)");
    expect(run.stderr).toMatch(/commit or stash them.*--allow-dirty/);
    expect(read(root, "src/handler.ts")).toBe(HANDLER);
  });

  it("counts an untracked file as uncommitted", async () => {
    const root = makeGitProject({ "src/handler.ts": HANDLER });
    writeFiles(root, { "notes.txt": "new\n" });
    const run = await runInProcess(root, ["migrate"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("notes.txt");
    expect(read(root, "src/handler.ts")).toBe(HANDLER);
  });

  it("writes anyway with --allow-dirty, and does not guard runs that write nothing", async () => {
    const root = makeGitProject({ "src/handler.ts": HANDLER });
    writeFiles(root, { "notes.txt": "new\n" });
    for (const flag of ["--dry", "--check", "--print", "--list"]) {
      const run = await runInProcess(root, ["migrate", flag, "."]);
      expect(run.stderr, flag).not.toContain("uncommitted");
    }
    expect(read(root, "src/handler.ts")).toBe(HANDLER);
    const run = await runInProcess(root, ["migrate", "--allow-dirty"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(""); // a writing run prints no diff
    expect(read(root, "src/handler.ts")).toBe(HANDLER_MIGRATED);
  });
});

describe("git guard with file arguments (right after a blocked commit)", () => {
  it("writes files named on the command line that are staged or unchanged, whatever else is dirty", async () => {
    const root = makeGitProject({ "src/a.ts": HANDLER, "src/c.ts": HANDLER, "README.md": "hi\n" });
    writeFiles(root, { "src/a.ts": `${HANDLER}// edited\n`, "src/new.ts": HANDLER, "README.md": "changed\n", "notes.txt": "new\n" });
    git(root, "add", "src/a.ts", "src/new.ts"); // what a blocked commit leaves: the files staged
    const run = await runInProcess(root, ["migrate", "src/a.ts", "src/new.ts", "src/c.ts"]);
    expect(run.code, run.stderr).toBe(0);
    expect(read(root, "src/a.ts")).toBe(`${HANDLER_MIGRATED}// edited\n`);
    expect(read(root, "src/new.ts")).toBe(HANDLER_MIGRATED);
    expect(read(root, "src/c.ts")).toBe(HANDLER_MIGRATED);
    // The migration is the unstaged diff of exactly those files.
    expect(git(root, "diff", "--name-only").split("\n").filter(Boolean)).toEqual(["README.md", "src/a.ts", "src/c.ts", "src/new.ts"]);
  });

  it("still refuses a named file with unstaged changes, or an untracked one, naming it and the remedies", async () => {
    const root = makeGitProject({ "src/a.ts": HANDLER, "src/b.ts": HANDLER });
    writeFiles(root, { "src/a.ts": `${HANDLER}// edited\n`, "src/untracked.ts": HANDLER });
    for (const path of ["src/a.ts", "src/untracked.ts"]) {
      const run = await runInProcess(root, ["migrate", "src/b.ts", path]);
      expect(run.code, path).toBe(2);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toContain(`${path} has changes that are not staged`);
      expect(run.stderr).toMatch(/git add .*--allow-dirty/);
    }
    expect(read(root, "src/b.ts")).toBe(HANDLER);
    // A directory argument still needs the whole work tree clean.
    git(root, "add", "-A");
    writeFiles(root, { "notes.txt": "new\n" });
    const directory = await runInProcess(root, ["migrate", "src"]);
    expect(directory.code).toBe(2);
    expect(directory.stderr).toMatch(/uncommitted changes \(.*notes\.txt/);
    expect((await runInProcess(root, ["migrate", "--allow-dirty", "src/a.ts"])).code).toBe(0);
  });
});

describe("output modes", () => {
  it("--dry prints a unified diff per changed file and writes nothing", async () => {
    const root = makeGitProject({ "src/handler.ts": HANDLER, "src/plain.ts": PLAIN });
    const run = await runInProcess(root, ["migrate", "--dry"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        "--- a/src/handler.ts",
        "+++ b/src/handler.ts",
        "@@ -1,5 +1,5 @@",
        ' import { HoneyHiveTracer } from "honeyhive";',
        " const tracer = HoneyHiveTracer.init();",
        " export function handle() {",
        "-  tracer.sessionStart({});",
        "+  tracer.createSession({});",
        " }",
        "",
      ].join("\n"),
    );
    expect(read(root, "src/handler.ts")).toBe(HANDLER);
    expect(git(root, "status", "--porcelain")).toBe("");
    expect(run.stderr).toContain("1 would change");
  });

  it("--print prints the transformed source and writes nothing", async () => {
    const root = makeGitProject({ "src/handler.ts": HANDLER });
    const single = await runInProcess(root, ["migrate", "--print", "src/handler.ts"]);
    expect(single.stdout).toBe(HANDLER_MIGRATED);
    writeFiles(root, { "src/enrich.ts": ENRICH });
    const several = await runInProcess(root, ["migrate", "--print"]);
    expect(several.stdout).toContain(`==> src/enrich.ts <==\nimport { enrichSpan } from "honeyhive";\nexport function work() {\n${FAKE_MARKER}\n`);
    expect(several.stdout).toContain(`==> src/handler.ts <==\n${HANDLER_MIGRATED}`);
    expect(read(root, "src/handler.ts")).toBe(HANDLER);
  });

  it("--json prints the versioned report on stdout and the human summary on stderr", async () => {
    const root = makeGitProject(
      { "src/handler.ts": HANDLER, "src/enrich.ts": ENRICH, "src/plain.ts": PLAIN, "src/broken.ts": BROKEN });
    const run = await runInProcess(root, ["migrate", "--json", "--dry"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report).toEqual({
      version: 1,
      summary: { scanned: 4, candidates: 3, changed: 2, unchanged: 0, failed: 1, markers: 1 },
      transforms: {
        "evaluate-managed-tracer": { files: 0, markers: 0 },
        "session-start-to-create-session": { files: 1, markers: 0 },
        "lambda-force-flush": { files: 0, markers: 0 },
        "explicit-tracer": { files: 1, markers: 1 },
        "validate-session-id": { files: 0, markers: 0 },
        "instrumentation-provider": { files: 0, markers: 0 },
        "lost-session-context": { files: 0, markers: 0 },
        "hoist-tracer-init": { files: 0, markers: 0 },
      },
      files: [
        {
          path: "src/broken.ts",
          status: "failed",
          transforms: [],
          markers: 0,
          error: { message: "Unexpected token", line: 2, column: 11 },
        },
        { path: "src/enrich.ts", status: "changed", transforms: ["explicit-tracer"], markers: 1 },
        { path: "src/handler.ts", status: "changed", transforms: ["session-start-to-create-session"], markers: 0 },
        { path: "src/plain.ts", status: "skipped", transforms: [], markers: 0, reason: "no SDK usage" },
      ],
    });
    expect(run.stderr).toContain("4 files scanned, 3 may use the SDK: 2 would change, 0 unchanged, 1 failed, 1 review marker");
    expect(run.stderr).toContain("--- a/src/handler.ts"); // diffs go with the human output
  });
});

describe("exit codes and failures", () => {
  it("reports an unparsable file as file:line:col, leaves it untouched and migrates the others (exit 1)", async () => {
    const root = makeGitProject({ "a.ts": HANDLER, "b.ts": BROKEN, "c.ts": HANDLER });
    const run = await runInProcess(root, ["migrate"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("b.ts:2:11 Unexpected token");
    expect(read(root, "b.ts")).toBe(BROKEN);
    expect(read(root, "a.ts")).toBe(HANDLER_MIGRATED);
    expect(read(root, "c.ts")).toBe(HANDLER_MIGRATED);
  });

  it("--check exits 3 while there is work and 0 when there is none", async () => {
    const root = makeGitProject({ "src/handler.ts": HANDLER, "src/plain.ts": PLAIN });
    const before = await runInProcess(root, ["migrate", "--check"]);
    expect(before.code).toBe(3);
    expect(before.stdout).toContain("+  tracer.createSession({});");
    expect(read(root, "src/handler.ts")).toBe(HANDLER);
    expect((await runInProcess(root, ["migrate"])).code).toBe(0);
    expect((await runInProcess(root, ["migrate", "--check"])).code).toBe(0);
  });

  it("--check exits 3 while a review marker remains, even when nothing would change", async () => {
    const root = makeGitProject({ "src/enrich.ts": ENRICH });
    expect((await runInProcess(root, ["migrate"])).code).toBe(0);
    git(root, "commit", "-q", "-am", "migrated");
    const check = await runInProcess(root, ["migrate", "--check"]);
    expect(check.code).toBe(3);
    expect(check.stderr).toContain("0 would change, 1 unchanged, 0 failed, 1 review marker");
    expect(check.stderr).toContain("src/enrich.ts: 1 marker");
  });

  it("--check exits 1, not 3, when a file also failed", async () => {
    const root = makeProject({ "a.ts": HANDLER, "b.ts": BROKEN });
    expect((await runInProcess(root, ["migrate", "--check"])).code).toBe(1);
  });

  it("exits 2 on usage errors: unknown option, unknown command, bad --cpus, missing path", async () => {
    const root = makeProject({ "a.ts": HANDLER });
    for (const argv of [["migrate", "--frobnicate"], ["migrate-all"], ["migrate", "--cpus", "0"], ["migrate", "nope/"]]) {
      const run = await runInProcess(root, argv);
      expect(run.code, argv.join(" ")).toBe(2);
      expect(run.stderr).toMatch(/^honeyhive: .+\nRun "honeyhive migrate --help" for usage\.\n$/);
    }
  });
});

describe("choosing transforms", () => {
  it("--list without paths prints every id with its description", async () => {
    const run = await runInProcess(makeProject({}), ["migrate", "--list"]);
    expect(run.code).toBe(0);
    for (const id of TRANSFORM_IDS) expect(run.stdout).toContain(id);
    expect(run.stdout).toContain("Make every return path of a tracing serverless handler await its SDK's flush");
  });

  it("--list with paths counts the files each transform would change, writing nothing", async () => {
    const root = makeProject({ "a.ts": HANDLER, "b.ts": HANDLER, "c.ts": ENRICH });
    const run = await runInProcess(root, ["migrate", "--list", "."]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/session-start-to-create-session\s+2 files/);
    expect(run.stdout).toMatch(/explicit-tracer\s+1 file\s/);
    expect(run.stdout).not.toContain("1 files");
    expect(run.stdout).toMatch(/lambda-force-flush\s+0 files/);
    expect(read(root, "a.ts")).toBe(HANDLER);
  });

  it("--transforms runs only the named transforms and --skip leaves some out", async () => {
    const both = HANDLER + ENRICH.replace('import { enrichSpan } from "honeyhive";\n', "");
    const root = makeProject({ "a.ts": both });
    const only = await runInProcess(root, ["migrate", "--print", "--transforms", "explicit-tracer"]);
    expect(only.stdout).toContain(FAKE_MARKER);
    expect(only.stdout).toContain(".sessionStart(");
    const skip = await runInProcess(root, ["migrate", "--print", "--skip", "explicit-tracer"]);
    expect(skip.stdout).not.toContain(FAKE_MARKER);
    expect(skip.stdout).toContain(".createSession(");
  });

  it("passes --modules and --lambda-handler-names to the engine as settings.honeyhive", async () => {
    const reexported = HANDLER.replace('"honeyhive"', '"@/lib/tracing"');
    const root = makeProject({ "a.ts": reexported });
    const without = JSON.parse((await runInProcess(root, ["migrate", "--json", "--dry"])).stdout) as JsonReport;
    expect(without.summary).toMatchObject({ candidates: 0, changed: 0 });
    const spy = settingsSpy();
    const argv = ["migrate", "--json", "--dry", "--modules", "@/lib/tracing,~/obs", "--lambda-handler-names", "main"];
    const run = await runInProcess(root, argv, spy.engine);
    expect((JSON.parse(run.stdout) as JsonReport).summary).toMatchObject({ candidates: 1, changed: 1 });
    expect(spy.seen()).toEqual({ modules: ["@/lib/tracing", "~/obs"], lambdaHandlerNames: ["main"] });
  });

  it("passes --serverless / --no-serverless and --sdk-version as settings.honeyhive.serverless and .sdkVersion", async () => {
    const root = makeProject({ "a.ts": HANDLER });
    const settingsOf = async (...flags: string[]): Promise<unknown> => {
      const spy = settingsSpy();
      const run = await runInProcess(root, ["migrate", "--dry", ...flags], spy.engine);
      expect(run.code, run.stderr).toBe(0);
      return spy.seen();
    };
    expect(await settingsOf()).toEqual({ modules: [], lambdaHandlerNames: [] });
    expect(await settingsOf("--serverless")).toEqual({ modules: [], lambdaHandlerNames: [], serverless: true });
    expect(await settingsOf("--no-serverless", "--sdk-version", "1")).toEqual({ modules: [], lambdaHandlerNames: [], serverless: false, sdkVersion: 1 });
    // --from 1 adds nothing: the engine reads the code of a run with the 1.x set as 2.x (engine.test.ts).
    expect(await settingsOf("--from", "1")).toEqual({ modules: [], lambdaHandlerNames: [] });
    for (const flags of [["--serverless", "--no-serverless"], ["--sdk-version", "3"], ["--from", "1", "--sdk-version", "1"]]) {
      const run = await runInProcess(root, ["migrate", "--dry", ...flags]);
      expect(run.code, flags.join(" ")).toBe(2);
    }
  });

  // Four runs of the real engine: about 3 s on a quiet machine, past the 30 s default at a load of 30.
  it("--no-serverless leaves a Next.js route of a Vercel project unflushed, --serverless flushes one without deployment files", async () => {
    const route = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nexport async function POST() {\n  tracer.createSession();\n  return new Response("ok");\n}\n`;
    const vercel = makeProject({ "package.json": "{}", "vercel.json": "{}", "app/api/chat/route.ts": route });
    expect((await runInProcess(vercel, ["migrate", "--print", "--transforms", "lambda-force-flush"], null)).stdout).toContain("forceFlush");
    expect((await runInProcess(vercel, ["migrate", "--print", "--transforms", "lambda-force-flush", "--no-serverless"], null)).stdout).toBe("");
    const plain = makeProject({ "package.json": "{}", "app/api/chat/route.ts": route });
    expect((await runInProcess(plain, ["migrate", "--print", "--transforms", "lambda-force-flush"], null)).stdout).toBe("");
    expect((await runInProcess(plain, ["migrate", "--print", "--transforms", "lambda-force-flush", "--serverless"], null)).stdout).toContain("forceFlush");
  }, 120_000);

  it("runs the project pass on the candidates' links: files importing a tracer module become candidates, facts reach the transforms", async () => {
    const root = makeProject({
      "src/lib/tracing.ts": 'import { HoneyHiveTracer } from "honeyhive";\nexport const tracer = HoneyHiveTracer.init();\n',
      "src/eval/grade.ts": 'import { HoneyHiveTracer } from "honeyhive";\nexport function grade() {\n  HoneyHiveTracer.init().sessionStart({});\n}\n',
      "src/routes/chat.ts": 'import { tracer } from "../lib/tracing";\nexport function chat() {\n  tracer.sessionStart({});\n}\n',
      "src/util.ts": "export const unrelated = 1;\n",
    });
    const linked: { path: string; links: unknown }[] = [];
    const calls: { file: string; links: boolean; project: unknown }[] = [];
    const engine: MigrateEngine = {
      ...fakeEngine,
      linkProject(files) {
        linked.push(...files.map((file) => ({ path: file.path.slice(root.length + 1), links: file.links })));
        return {
          importsTracerModule: (_path, text) => text.includes("/lib/tracing"),
          factsFor: (path) => (path.endsWith("chat.ts") || path.endsWith("grade.ts") ? { evaluatedExports: ["default"] } : undefined),
        };
      },
      runTransforms(source, filePath, options) {
        const file = filePath.slice(root.length + 1);
        calls.push({ file, links: options.links === true, project: options.project });
        const result = fakeEngine.runTransforms(source, filePath, options);
        // What a file tells the pass comes back with its result (plain data, also from workers).
        return options.links ? { ...result, links: { tracerExports: file.endsWith("tracing.ts") ? ["tracer"] : [], evaluatedImports: [] } } : result;
      },
    };
    const run = await runInProcess(root, ["migrate", "--json"], engine);
    // The pass joins what the first round's candidates said; it parses nothing itself.
    expect(linked).toEqual([
      { path: "src/eval/grade.ts", links: { tracerExports: [], evaluatedImports: [] } },
      { path: "src/lib/tracing.ts", links: { tracerExports: ["tracer"], evaluatedImports: [] } },
    ]);
    // Round one: every candidate once, without facts. Round two: a candidate with facts again, and
    // the skipped file that imports the tracer module, each with its facts.
    expect(calls).toEqual([
      { file: "src/eval/grade.ts", links: true, project: undefined },
      { file: "src/lib/tracing.ts", links: true, project: undefined },
      { file: "src/eval/grade.ts", links: true, project: { evaluatedExports: ["default"] } },
      { file: "src/routes/chat.ts", links: true, project: { evaluatedExports: ["default"] } },
    ]);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files.map((file) => [file.path, file.status])).toEqual([
      ["src/eval/grade.ts", "changed"],
      ["src/lib/tracing.ts", "unchanged"],
      ["src/routes/chat.ts", "changed"],
      ["src/util.ts", "skipped"],
    ]);
    expect(report.summary).toMatchObject({ scanned: 4, candidates: 3, changed: 2 });
    expect(read(root, "src/routes/chat.ts")).toContain("tracer.createSession({})");
  });

  it("rejects an unknown transform id with the list of valid ones (exit 2)", async () => {
    const run = await runInProcess(makeProject({ "a.ts": HANDLER }), ["migrate", "--transforms", "explicit-tracer,nope"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`unknown transform "nope"; valid ids: ${TRANSFORM_IDS.join(", ")}`);
  });
});

describe("file discovery", () => {
  it("in git: reads tracked and untracked files, honours nested .gitignore files", async () => {
    const root = makeGitProject(
      {
        "packages/app/.gitignore": "generated/\n*.local.ts\n",
        "packages/app/src/handler.ts": HANDLER,
        "packages/app/generated/client.ts": HANDLER,
        "packages/app/src/settings.local.ts": HANDLER,
        "node_modules/honeyhive/index.js": HANDLER,
        "dist/handler.js": HANDLER,
        "types/handler.d.ts": HANDLER,
        "docs/handler.md": HANDLER,
      });
    writeFiles(root, { "packages/app/src/untracked.ts": HANDLER });
    const run = await runInProcess(root, ["migrate", "--json", "--dry"]);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files.map((file) => file.path)).toEqual(["packages/app/src/handler.ts", "packages/app/src/untracked.ts"]);
  });

  it("in git: files named one by one (a pre-commit hook) across a nested repository, an ignored file and a `[id]` folder", async () => {
    const files: Record<string, string> = { ".gitignore": "*.local.ts\n", "app/[id]/route.ts": HANDLER, "app/settings.local.ts": HANDLER };
    for (let index = 0; index < 40; index++) files[`src/f${index}.ts`] = HANDLER;
    const root = makeGitProject(files);
    const nested = join(root, "vendor/lib");
    mkdirSync(nested, { recursive: true });
    git(nested, "init", "-q", "-b", "main");
    writeFiles(root, { "vendor/lib/src/handler.ts": HANDLER });
    const named = [...Object.keys(files).filter((path) => path.endsWith(".ts")), "vendor/lib/src/handler.ts"];
    const run = await runInProcess(root, ["migrate", "--json", "--dry", ...named]);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files.map((file) => file.path).sort()).toEqual(named.filter((path) => !path.endsWith(".local.ts")).sort());
    // The nested repository is its own project: its file is migrated with its own root as the bound.
    expect(report.summary.changed).toBe(42);
  });

  it("outside git: walks the tree honouring .gitignore files, nested ones and negations", async () => {
    const root = makeProject({
      ".gitignore": "*.gen.ts\n/scripts/\n",
      "src/.gitignore": "legacy/\n!keep.gen.ts\n",
      "src/a.ts": HANDLER,
      "src/a.gen.ts": HANDLER,
      "src/keep.gen.ts": HANDLER,
      "src/legacy/old.ts": HANDLER,
      "src/lib/b.mts": HANDLER,
      "scripts/tool.ts": HANDLER,
      "lib/scripts/tool.ts": HANDLER,
      "node_modules/x/index.ts": HANDLER,
      "src/types.d.ts": HANDLER,
      "build/out.js": HANDLER,
    });
    const report = JSON.parse((await runInProcess(root, ["migrate", "--json"])).stdout) as JsonReport;
    expect(report.files.map((file) => file.path)).toEqual(["lib/scripts/tool.ts", "src/a.ts", "src/keep.gen.ts", "src/lib/b.mts"]);
    // A path below the working directory still sees the .gitignore files above it.
    const sub = JSON.parse((await runInProcess(root, ["migrate", "--json", "--dry", "src/lib", "src/legacy/old.ts"])).stdout) as JsonReport;
    expect(sub.files.map((file) => file.path)).toEqual(["src/lib/b.mts"]);
  });

  it("--extensions and --ignore narrow the files", async () => {
    const root = makeProject({ "src/a.ts": HANDLER, "src/b.js": HANDLER, "src/a.test.ts": HANDLER, "src/x/y.ts": HANDLER });
    const run = await runInProcess(root, ["migrate", "--json", "--dry", "--extensions", "ts", "--ignore", "*.test.ts", "--ignore", "src/x/"]);
    expect((JSON.parse(run.stdout) as JsonReport).files.map((file) => file.path)).toEqual(["src/a.ts"]);
  });

  it("never follows a symbolic link out of the project", async () => {
    const outside = makeProject({ "shared.ts": HANDLER });
    const root = makeProject({ "src/a.ts": HANDLER });
    symlinkSync(join(outside, "shared.ts"), join(root, "src", "linked.ts"));
    symlinkSync(join(outside), join(root, "src", "linked-dir"));
    const run = await runInProcess(root, ["migrate", "--json"]);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files.find((file) => file.path === "src/linked.ts")).toMatchObject({ status: "skipped" });
    expect(report.files.find((file) => file.path.startsWith("src/linked-dir"))).toBeUndefined();
    expect(read(outside, "shared.ts")).toBe(HANDLER);
    expect(read(root, "src/a.ts")).toBe(HANDLER_MIGRATED);
  });
});

describe("paths outside the project", () => {
  it("refuses, in one line and before writing anything, every path argument that leads out of the repository", async () => {
    const outside = makeProject({ "shared.ts": HANDLER, "lib/util.ts": HANDLER });
    const root = makeGitProject({ "src/a.ts": HANDLER });
    symlinkSync(join(outside, "shared.ts"), join(root, "src", "linked.ts"));
    symlinkSync(outside, join(root, "linked-dir"));
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "links");
    const leaving = [
      "src/linked.ts", // a link to a file out of the project
      "linked-dir", // a link to a directory out of the project
      "linked-dir/lib/util.ts",
      join(outside, "shared.ts"), // absolute
      outside,
      `../${basename(outside)}/shared.ts`, // relative, up and out
      "src/../..",
    ];
    for (const path of leaving) {
      for (const mode of [[], ["--dry"]]) {
        const run = await runInProcess(root, ["migrate", ...mode, "src/a.ts", path]);
        expect(run.code, path).toBe(2);
        expect(run.stderr.trim().split("\n"), path).toHaveLength(1);
        expect(run.stderr, path).toMatch(/^honeyhive migrate: .+ is outside the project \(.+\); .*--allow-outside-project/);
        expect(run.stdout, path).toBe("");
      }
    }
    expect(read(outside, "shared.ts")).toBe(HANDLER);
    expect(read(outside, "lib/util.ts")).toBe(HANDLER);
    expect(read(root, "src/a.ts")).toBe(HANDLER); // nothing of the run happened
  });

  it("outside git, the working directory is the project", async () => {
    const parent = makeProject({ "app/src/a.ts": HANDLER, "other/b.ts": HANDLER });
    const run = await runInProcess(join(parent, "app"), ["migrate", "src", "../other/b.ts"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("../other/b.ts is outside the project");
    expect(read(parent, "other/b.ts")).toBe(HANDLER);
    expect(read(parent, "app/src/a.ts")).toBe(HANDLER);
  });

  it("accepts paths anywhere in the repository, and outside it with --allow-outside-project", async () => {
    const outside = makeProject({ "shared.ts": HANDLER });
    const root = makeGitProject({ "packages/app/a.ts": HANDLER, "packages/lib/b.ts": HANDLER });
    const inRepo = await runInProcess(join(root, "packages", "app"), ["migrate", ".", "../lib/b.ts", join(root, "packages", "app", "a.ts")]);
    expect(inRepo.code, inRepo.stderr).toBe(0);
    expect(read(root, "packages/lib/b.ts")).toBe(HANDLER_MIGRATED);
    const allowed = await runInProcess(root, ["migrate", "--allow-outside-project", join(outside, "shared.ts")]);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(read(outside, "shared.ts")).toBe(HANDLER_MIGRATED);
  });
});

describe("writing", () => {
  it("keeps the file mode, replaces the file atomically and leaves no temporary files", async () => {
    const root = makeProject({ "bin/tool.js": "#!/usr/bin/env node\n" + HANDLER });
    chmodSync(join(root, "bin/tool.js"), 0o751);
    const run = await runInProcess(root, ["migrate"]);
    expect(run.code).toBe(0);
    expect(read(root, "bin/tool.js")).toContain(".createSession(");
    expect(statSync(join(root, "bin/tool.js")).mode & 0o777).toBe(0o751);
    expect(readdirSync(join(root, "bin"))).toEqual(["tool.js"]);
  });

  it("writes a file reached through a link inside the project once, at its real path, keeping the link", async () => {
    const root = makeProject({ "src/a.ts": HANDLER });
    mkdirSync(join(root, "alias"));
    symlinkSync(join(root, "src", "a.ts"), join(root, "alias", "a.ts"));
    const run = await runInProcess(root, ["migrate", "--json"]);
    const linkReport = JSON.parse(run.stdout) as JsonReport;
    expect(linkReport.summary).toMatchObject({ candidates: 1, changed: 1 });
    expect(linkReport.files.map((file) => file.path)).toEqual(["src/a.ts"]);
    expect(read(root, "src/a.ts")).toBe(HANDLER_MIGRATED);
    expect(statSync(join(root, "alias", "a.ts")).isFile()).toBe(true);
  });

  it("leaves a file that is not valid UTF-8 byte for byte as it was and reports it with the position of the bad byte", async () => {
    const latin1 = Buffer.concat([Buffer.from(`${HANDLER}// caf`), Buffer.from([0xe9]), Buffer.from(" (Latin-1)\n")]);
    const root = makeProject({ "src/ok.ts": HANDLER, "src/plain.ts": PLAIN });
    writeFileSync(join(root, "src/latin1.ts"), latin1);
    writeFileSync(join(root, "src/latin1-plain.ts"), Buffer.from([0x2f, 0x2f, 0x20, 0xe9, 0x0a])); // no SDK usage: skipped as usual
    for (const mode of [["--dry"], []]) {
      const run = await runInProcess(root, ["migrate", "--json", ...mode]);
      expect(run.code, mode.join()).toBe(1);
      const report = JSON.parse(run.stdout) as JsonReport;
      expect(report.files.find((file) => file.path === "src/latin1.ts")).toEqual({
        path: "src/latin1.ts",
        status: "failed",
        transforms: [],
        markers: 0,
        error: { message: expect.stringMatching(/^not valid UTF-8 \(byte 0xe9\).*left untouched/) as unknown as string, line: 6, column: 7 },
      });
      expect(report.files.find((file) => file.path === "src/latin1-plain.ts")).toMatchObject({ status: "skipped", reason: "no SDK usage" });
      expect(run.stderr).toContain("src/latin1.ts:6:7 not valid UTF-8");
      expect(readFileSync(join(root, "src/latin1.ts")).equals(latin1)).toBe(true);
    }
    expect(read(root, "src/ok.ts")).toBe(HANDLER_MIGRATED);
  });

  it("reports a file that is not valid UTF-8 when the project pass adds it, too", async () => {
    const root = makeProject({ "src/lib/tracing.ts": 'import { HoneyHiveTracer } from "honeyhive";\nexport const tracer = HoneyHiveTracer.init();\n' });
    const route = Buffer.concat([Buffer.from('import { tracer } from "./lib/tracing";\ntracer.sessionStart({}); // '), Buffer.from([0xff]), Buffer.from("\n")]);
    writeFileSync(join(root, "src/route.ts"), route);
    const engine: MigrateEngine = {
      ...fakeEngine,
      linkProject: () => ({ importsTracerModule: (_path, text) => text.includes("/lib/tracing"), factsFor: () => undefined }),
    };
    const run = await runInProcess(root, ["migrate", "--json"], engine);
    expect((JSON.parse(run.stdout) as JsonReport).files.find((file) => file.path === "src/route.ts")).toMatchObject({
      status: "failed",
      error: { line: 2, column: 29 },
    });
    expect(readFileSync(join(root, "src/route.ts")).equals(route)).toBe(true);
  });

  it("keeps a byte order mark, CRLF line ends and U+FFFD that is really in the file", async () => {
    const text = "\uFEFF" + HANDLER.replace("{}", '{ note: "\uFFFD" }').replaceAll("\n", "\r\n");
    const root = makeProject({ "a.ts": text });
    expect((await runInProcess(root, ["migrate"])).code).toBe(0);
    expect(readFileSync(join(root, "a.ts")).equals(Buffer.from(text.replace(".sessionStart(", ".createSession("), "utf8"))).toBe(true);
  });

  it("names the formatter command for the changed files when the project has one", async () => {
    const root = makeGitProject({ "src/a.ts": HANDLER, "src/b.ts": PLAIN, ".prettierrc": "{}\n" });
    const run = await runInProcess(root, ["migrate"]);
    expect(run.stderr).toContain("npx prettier --write src/a.ts\n");
    const noFormatter = makeProject({ "src/a.ts": HANDLER });
    expect((await runInProcess(noFormatter, ["migrate"])).stderr).not.toContain("npx");
  });
});

describe("progress", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("the progress bar counts the files the summary counts, and says file for one", async () => {
    const root = makeProject({ "a.ts": HANDLER, "b.ts": HANDLER, "c.ts": ENRICH, "plain-1.ts": PLAIN, "plain-2.ts": PLAIN });
    vi.useFakeTimers({ toFake: ["Date"] });
    // Each file takes "long" enough for the bar to be drawn at every update.
    const slowEngine: MigrateEngine = {
      ...fakeEngine,
      runTransforms(...args) {
        vi.setSystemTime(Date.now() + 500);
        return fakeEngine.runTransforms(...args);
      },
    };
    let stderr = "";
    const tty = { isTTY: true, columns: 100, write: (text: string) => (stderr += text) };
    const code = await runCli(["migrate", "--dry", "--verbose"], { cwd: root, stdout: { write: () => true }, stderr: tty, engine: slowEngine });
    expect(code).toBe(0);
    const scanned = /(\d+) files scanned/.exec(stderr)?.[1];
    expect(scanned).toBe("5");
    const counters = [...stderr.matchAll(/\] (\d+)\/(\d+) files/g)].map((match) => [Number(match[1]), Number(match[2])]);
    expect(counters.length).toBeGreaterThan(0);
    expect(counters.every(([, total]) => total === 5)).toBe(true);
    expect(counters.at(-1)).toEqual([5, 5]);
    expect(stderr).toContain("honeyhive migrate: 3 candidate files, in process");

    stderr = "";
    const single = makeProject({ "a.ts": HANDLER });
    await runCli(["migrate", "--dry", "--verbose"], { cwd: single, stdout: { write: () => true }, stderr: tty, engine: slowEngine });
    expect(stderr).toContain("honeyhive migrate: 1 candidate file, in process");
    expect(stderr).toContain("1/1 file\x1b[K");
  });
});

describe("help and version", () => {
  it("prints help with examples, and the version", async () => {
    const root = makeProject({});
    const help = await runInProcess(root, ["migrate", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Examples:");
    for (const flag of ["--dry", "--print", "--check", "--list", "--transforms", "--skip", "--json", "--allow-dirty", "--allow-outside-project", "--cpus", "--run-in-band", "--verbose", "--extensions", "--ignore"]) {
      expect(help.stdout).toContain(flag);
    }
    expect((await runInProcess(root, ["--help"])).stdout).toContain("honeyhive <command>");
    const version = (await runInProcess(root, ["--version"])).stdout;
    expect(version).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await runInProcess(root, ["migrate", "-v"])).stdout).toBe(version);
  });
});

/** The fake engine, remembering the settings the CLI hands to the transforms. */
function settingsSpy(): { engine: MigrateEngine; seen: () => unknown } {
  let seen: unknown;
  const engine: MigrateEngine = {
    ...fakeEngine,
    runTransforms: (...args: Parameters<typeof fakeEngine.runTransforms>) => {
      seen = args[2].settings;
      return fakeEngine.runTransforms(...args);
    },
  };
  return { engine, seen: () => seen };
}
