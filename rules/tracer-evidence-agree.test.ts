// The rules and `honeyhive migrate` agree on which imported bindings are HoneyHive tracers: both read the
// SDK model's answer (analysis/sdk-model.ts `localTracer`, `FileSdkModel.addImportedTracers`), so a program
// the rules are quiet on comes out of the codemod unchanged, and one they report on comes out changed.
// The deciding case is a binding imported from a module that is not read here, known as a tracer only by
// a HoneyHive-only member used on it: beside a tracer of the file's own it is another library's session
// store (lucia's `createSession`), without one it is the file's tracer.
import { join } from "node:path";
import tsParser from "@typescript-eslint/parser";
import { Linter, type Rule } from "eslint";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../codemods/engine/engine.js";
import { ALL_TRANSFORM_IDS } from "../codemods/transforms/ids.js";
import plugin from "./index.js";

const makeProject = useTempProjects("tracer-evidence-agree", "all");

interface Program {
  readonly code: string;
  /** Other files of the project (a module the program imports is unreadable unless given here). */
  readonly files?: Readonly<Record<string, string>>;
}

const FILENAME = "src/app.ts";

/** Every message of `configs.all` on the program, as `ruleId message`. */
function lint(program: Program, root: string): string[] {
  const config = [
    {
      files: ["**/*.{ts,tsx,js}"],
      languageOptions: { parser: tsParser as unknown as Linter.Parser },
      plugins: { honeyhive: plugin as unknown as { rules: Record<string, Rule.RuleModule> } },
      rules: plugin.configs.all.rules,
    },
  ] as Linter.Config[];
  return new Linter({ configType: "flat", cwd: root }).verify(program.code, config, { filename: join(root, FILENAME) }).map((message) => `${message.ruleId ?? "fatal"} ${message.message}`);
}

/** The transforms `migrate` applies to the program: the default (2.x) set and `--from 1` (every transform). */
function migrate(program: Program, root: string): { readonly "2.x": readonly string[]; readonly "--from 1": readonly string[] } {
  const run = (transforms?: typeof ALL_TRANSFORM_IDS) => {
    const result = runTransforms(program.code, join(root, FILENAME), { cwd: root, ...(transforms === undefined ? {} : { transforms }) });
    expect(result.error).toBeUndefined();
    expect(result.changed).toBe(result.applied.length > 0);
    return result.applied;
  };
  return { "2.x": run(), "--from 1": run(ALL_TRANSFORM_IDS) };
}

function both(program: Program) {
  const root = makeProject({ "package.json": `{ "name": "app", "private": true }`, ...program.files, [FILENAME]: program.code });
  return { messages: lint(program, root), applied: migrate(program, root) };
}

const EXPRESS = `import express from "express";\nconst app = express();\n`;
const HH = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;

const QUIET: readonly (readonly [string, Program])[] = [
  [
    "lucia.createSession({ sessionId }) of an unread module beside the file's own tracer",
    { code: `${HH}${EXPRESS}import { lucia } from "./auth";\napp.post("/login", async (req, res) => {\n  await lucia.createSession({ sessionId: req.body.id });\n  tracer.createSession({ sessionName: "login" });\n  res.end();\n});\n` },
  ],
  [
    "a session store's createSession() and sessionStart() of an unread module beside the file's own tracer",
    { code: `${HH}${EXPRESS}import { sessions } from "./auth";\napp.post("/login", async (req, res) => {\n  await sessions.createSession({ user: req.body.user });\n  sessions.sessionStart();\n  tracer.createSession({ sessionName: "login" });\n  res.end();\n});\n` },
  ],
  [
    "a session store's createSession() and the 1.x form startSession() of an unread module beside the file's own tracer",
    { code: `${HH}${EXPRESS}import { sessions } from "./auth";\napp.post("/login", async (req, res) => {\n  await sessions.createSession({ user: req.body.user });\n  await sessions.startSession();\n  tracer.createSession({ sessionName: "login" });\n  res.end();\n});\n` },
  ],
  [
    "createSession({ sessionId }) of a plain object a readable module exports, in a file naming the SDK",
    {
      code: `${EXPRESS}import type { HoneyHiveTracer } from "honeyhive";\nimport { sessions } from "./sessions";\napp.post("/chat", async (req, res) => { await sessions.createSession({ sessionId: req.body.id }); res.end(); });\n`,
      files: { "src/sessions.ts": `export const sessions = { createSession(o: { sessionId: string }) { return o.sessionId; } };\n` },
    },
  ],
];

const REPORTED: readonly (readonly [string, Program, string, { readonly "2.x": readonly string[]; readonly "--from 1": readonly string[] }])[] = [
  [
    "an imported `tracer` of an unread module in a file without its own",
    { code: `${EXPRESS}import { tracer } from "./tracing";\napp.post("/chat", async (req, res) => { await tracer.createSession({ sessionId: req.body.id }); res.end(); });\n` },
    "honeyhive/require-valid-session-id",
    { "2.x": ["validate-session-id"], "--from 1": ["validate-session-id"] },
  ],
  [
    "an imported `hh` of an unread module in a file without its own tracer that names the SDK",
    { code: `${EXPRESS}import type { HoneyHiveTracer } from "honeyhive";\nimport { hh } from "./hh";\napp.post("/chat", async (req, res) => { await hh.createSession({ sessionId: req.body.id }); res.end(); });\n` },
    "honeyhive/require-valid-session-id",
    { "2.x": ["validate-session-id"], "--from 1": ["validate-session-id"] },
  ],
  [
    "an imported `hh` known by createSession() calling the 1.x form startSession(), in a file without its own tracer",
    { code: `${EXPRESS}import type { HoneyHiveTracer } from "honeyhive";\nimport { hh } from "./hh";\napp.post("/chat", async (req, res) => { await hh.createSession(); await hh.startSession(); res.end(); });\n` },
    "honeyhive/no-session-start-in-handler",
    { "2.x": ["session-start-to-create-session"], "--from 1": ["1x-sessions"] },
  ],
  [
    "the 1.x form tracer.startSession() of an imported `tracer` of an unread module",
    { code: `${EXPRESS}import { tracer } from "./tracing";\napp.post("/chat", async (req, res) => { await tracer.startSession(); res.end(); });\n` },
    "honeyhive/no-session-start-in-handler",
    { "2.x": ["session-start-to-create-session"], "--from 1": ["1x-sessions"] },
  ],
];

describe("rules and migrate agree on imported bindings known by their use", () => {
  it.each(QUIET)("quiet and unchanged: %s", (_name, program) => {
    expect(both(program)).toEqual({ messages: [], applied: { "2.x": [], "--from 1": [] } });
  });

  it.each(REPORTED)("reported and changed: %s", (_name, program, ruleId, applied) => {
    const result = both(program);
    expect(result.messages.map((message) => message.slice(0, message.indexOf(" ")))).toEqual([ruleId]);
    expect(result.applied).toEqual(applied);
  });
});
