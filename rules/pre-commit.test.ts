// Before a commit: the README's husky + lint-staged setup, for real. A temporary git repository
// with our plugin (linked, built), a `.husky/pre-commit` hook (husky's layout: core.hooksPath) that
// runs lint-staged, and lint-staged running `eslint --max-warnings=0` on staged files. Staging an
// anti-pattern blocks the commit; staging the fix lets it through. The pre-commit framework's
// `repo: local` hook from the README is checked the way that framework runs it: its `entry` with
// the staged file names appended.
import { execFile } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFixtures } from "../fixtures/index.js";
import { REPOSITORY_ROOT } from "./test-utils/rule-files.js";
import type { ProcessResult } from "./test-utils/run-node.js";
import { createTempProject, USER_FLAT_CONFIG, type TempProject } from "./test-utils/temp-project.js";

const RULE_ID = "honeyhive/no-session-start-in-handler";
const sample = loadFixtures("no-session-start-in-handler").find((fixture) => !fixture.marker && fixture.filename.startsWith("src/") && fixture.filename.endsWith(".ts"));

function run(cwd: string, command: string, args: readonly string[]): Promise<ProcessResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        cwd,
        timeout: 60_000,
        // A commit in a throwaway repository: fixed identity, no user or system git config.
        env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", FORCE_COLOR: "0", CI: "1" },
      },
      (error, stdout, stderr) => resolve({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

const git = (project: TempProject, ...args: string[]) => run(project.dir, "git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", ...args]);

/**
 * The file-type tags pre-commit gives a path, as its `identify` package does from the extension
 * (identify/extensions.py), for the extensions of JavaScript and TypeScript sources. identify has
 * no entry for `.mts` and `.cts`: such files only carry the generic tags.
 */
const IDENTIFY_TAGS: Readonly<Record<string, readonly string[]>> = {
  js: ["javascript"],
  mjs: ["javascript"],
  cjs: ["javascript"],
  jsx: ["jsx"],
  ts: ["ts"],
  tsx: ["tsx"],
};
const SOURCE_EXTENSIONS = ["js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts"];

interface PreCommitHook {
  readonly entry: string;
  /** Whether pre-commit passes `path` to the hook: `files`/`exclude` (Python re.search), `types` (all), `types_or` (any). */
  selects(path: string): boolean;
}

/** The README's `.pre-commit-config.yaml` example (inside the ESLint section): its `repo: local` hook. */
function readmePreCommitHook(): PreCommitHook {
  const readme = readFileSync(join(REPOSITORY_ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("<!-- section:eslint:start -->"), readme.indexOf("<!-- section:eslint:end -->"));
  const hook = /^\s*- repo: local\n[\s\S]*?(?=^```)/m.exec(section)?.[0];
  const value = (key: string): string | undefined => {
    const raw = new RegExp(`^\\s*${key}: (.+)$`, "m").exec(hook ?? "")?.[1].trim();
    return raw?.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replaceAll("''", "'") : raw;
  };
  const list = (key: string): string[] | undefined => value(key)?.replace(/^\[|\]$/g, "").split(",").map((item) => item.trim());
  const entry = value("entry");
  if (!entry) throw new Error("README's ESLint section has no `repo: local` hook with an `entry:`");
  if (value("files")?.startsWith('"')) throw new Error("write the README's `files:` plainly or in single quotes (this test reads no YAML escapes)");
  const files = new RegExp(value("files") ?? "");
  const exclude = new RegExp(value("exclude") ?? "^$");
  const types = list("types") ?? ["file"];
  const typesOr = list("types_or") ?? [];
  return {
    entry,
    selects(path) {
      const extension = /\.([^./]+)$/.exec(path)?.[1] ?? "";
      const tags = ["file", "text", ...(IDENTIFY_TAGS[extension] ?? [])];
      return (
        files.test(path) &&
        !exclude.test(path) &&
        types.every((tag) => tags.includes(tag)) &&
        (typesOr.length === 0 || typesOr.some((tag) => tags.includes(tag)))
      );
    },
  };
}

/** Runs the README's hook the way the pre-commit framework does: its `entry` with the staged files it selects appended. */
async function runReadmeHook(project: TempProject): Promise<{ selected: string[]; hook: ProcessResult }> {
  const { entry, selects } = readmePreCommitHook();
  const [command, ...args] = entry.split(/\s+/);
  expect(command).toBe("npx");
  const staged = (await git(project, "diff", "--cached", "--name-only")).stdout.trim().split("\n");
  const selected = staged.filter((path) => selects(path));
  // `npx eslint` resolves the project's node_modules/.bin/eslint; call that directly (no npm).
  const hook = await run(project.dir, join(project.dir, "node_modules", ".bin", args[0]), [...args.slice(1), ...selected]);
  return { selected, hook };
}

/** ESLint's stylish report of `path` (its heading line, the absolute path, and its message lines), "" when it has none. */
function reportOf(stdout: string, path: string): string {
  return stdout.split(/\n\s*\n/).find((block) => block.trimStart().split("\n")[0].endsWith(`/${path}`)) ?? "";
}

describe("pre-commit: husky + lint-staged running eslint --max-warnings=0", () => {
  let project: TempProject;

  beforeAll(async () => {
    if (!sample) throw new Error("no src/*.ts fixture of no-session-start-in-handler");
    project = createTempProject("pre-commit", ["eslint", "@typescript-eslint/parser", "lint-staged"]);
    // What `npm install` puts on PATH for hooks and lint-staged tasks.
    mkdirSync(join(project.dir, "node_modules", ".bin"));
    symlinkSync("../eslint/bin/eslint.js", join(project.dir, "node_modules", ".bin", "eslint"));
    symlinkSync("../lint-staged/bin/lint-staged.js", join(project.dir, "node_modules", ".bin", "lint-staged"));
    project.write(
      "package.json",
      JSON.stringify(
        { name: "pre-commit-project", private: true, type: "module", "lint-staged": { "*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}": "eslint --max-warnings=0" } },
        null,
        2,
      ),
    );
    project.write("eslint.config.js", USER_FLAT_CONFIG);
    project.write(".gitignore", "node_modules/\n");
    // husky's layout: hooks in .husky/, wired with core.hooksPath. PATH as npm/npx would give it.
    const hook = project.write(".husky/pre-commit", '#!/bin/sh\nPATH="$(pwd)/node_modules/.bin:$PATH" exec lint-staged\n');
    chmodSync(hook, 0o755);
    expect((await git(project, "init", "-q", "-b", "main")).status).toBe(0);
    expect((await git(project, "config", "core.hooksPath", ".husky")).status).toBe(0);
    await git(project, "add", ".");
    const initial = await git(project, "commit", "-q", "-m", "tooling");
    expect(initial.status, initial.stderr).toBe(0);
  });
  afterAll(() => project?.remove());

  /**
   * The README's hook over the blocked commit's staged anti-pattern and, staged beside it, the same code as .mts and
   * .cts: one eslint run (a process costs ~1.5 s of CPU) for the two tests below that read it. The .mts and .cts files
   * are removed again, so the fix's commit holds the fix alone. Run once, by the first test that asks.
   */
  let hookRun: Promise<{ selected: string[]; hook: ProcessResult }> | undefined;
  const readmeHookRun = () =>
    (hookRun ??= (async () => {
      project.write(sample?.filename ?? "", sample?.before ?? "");
      project.write("src/chat.mts", sample?.before ?? "");
      project.write("src/chat-legacy.cts", sample?.before ?? "");
      await git(project, "add", ".");
      const run = await runReadmeHook(project);
      await git(project, "rm", "-q", "--cached", "src/chat.mts", "src/chat-legacy.cts");
      for (const path of ["src/chat.mts", "src/chat-legacy.cts"]) rmSync(join(project.dir, path));
      return run;
    })());

  it("blocks the commit of the anti-pattern, naming our rule", async () => {
    project.write(sample?.filename ?? "", sample?.before ?? "");
    await git(project, "add", ".");
    const commit = await git(project, "commit", "-m", "add chat route");
    expect(commit.status).not.toBe(0);
    expect(commit.stdout + commit.stderr).toContain(RULE_ID);
    expect((await git(project, "rev-list", "--count", "HEAD")).stdout.trim()).toBe("1");
  });

  it("the README's pre-commit framework hook (repo: local) rejects the same staged file", async () => {
    const { selected, hook } = await readmeHookRun();
    expect(selected).toContain(sample?.filename);
    expect(hook.status).toBe(1);
    expect(reportOf(hook.stdout, sample?.filename ?? "")).toContain(RULE_ID);
  });

  it("lets the commit through once the fix is staged", async () => {
    project.write(sample?.filename ?? "", sample?.after ?? "");
    await git(project, "add", ".");
    const commit = await git(project, "commit", "-m", "add chat route");
    expect(commit.status, commit.stdout + commit.stderr).toBe(0);
    expect((await git(project, "rev-list", "--count", "HEAD")).stdout.trim()).toBe("2");
  });

  it("the README's pre-commit framework hook selects every source extension, .mts and .cts too, and rejects them", async () => {
    const { selects } = readmePreCommitHook();
    expect(SOURCE_EXTENSIONS.filter((extension) => !selects(`src/file.${extension}`))).toEqual([]);
    expect(selects("README.md")).toBe(false);
    const { selected, hook } = await readmeHookRun();
    expect(selected.sort()).toEqual(["src/chat-legacy.cts", "src/chat.mts", sample?.filename].sort());
    expect(hook.status).toBe(1);
    expect(reportOf(hook.stdout, "src/chat.mts")).toContain(RULE_ID);
    expect(reportOf(hook.stdout, "src/chat-legacy.cts")).toContain(RULE_ID);
  });
});
