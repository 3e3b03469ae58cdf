// Precision of the descriptors added after the eighth blind round (analysis/knowledge/frameworks/slack-bolt.ts,
// chat-bots.ts, rpc.ts, job-runners.ts, service-frameworks.ts, server-adapters-config.ts, platforms/
// twilio-functions.ts, knowledge/record-handlers.ts, app-lifetime.ts APP_CONTEXT_SLOTS) on public shapes of those
// frameworks, rewritten in our words (fixtures/precision-new-desc; each folder's README names the framework and
// where its shapes were checked with the search tool, each source file's first line says what the case is).
//
// Every source file is one case, tagged on its first line:
//   (a) an app using the framework heavily without HoneyHive,
//   (b) HoneyHive used correctly with it (tracer made once at startup: module scope, client.once("ready"),
//       after app.start(), in bindAsync's callback, in app.whenReady(), a service's setup()/started(); a session
//       per event/job/call; ids mapped with toSessionId() or checked with isSessionId(); flushed in serverless
//       handlers),
//   (c) look-alikes: the app's own objects or other libraries with the same method names,
//   (d) misuse that must be reported, with the rule and line in REPORTED.
// (a)–(c) must be quiet under `configs.all`, and neither `migrate` set may change them; (d) files get exactly
// their findings. What is wrong today sits in the KNOWN blocks: today's behaviour asserted, with what it should be
// and where the fix likely goes. A fix turns that block red: move the entry then.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "../fixtures/index.js";
import { removeProjects } from "../codemods/cli/test-utils/project.js";
import { expectCleanRun, migratedShapes, type SetName } from "../codemods/cli/test-utils/shapes.js";
import { lintShapes, shapeNames, type ShapeFinding } from "./test-utils/shape-projects.js";

const SHAPES_DIR = join(FIXTURES_DIR, "precision-new-desc");
const SHAPES = shapeNames(SHAPES_DIR);

type Kind = "a" | "b" | "c" | "d";
interface CaseFile { readonly key: string; readonly shape: string; readonly path: string; readonly kind: Kind }

/** Every source file of every shape (`shape/path`), with the kind its first line names. */
const CASES: readonly CaseFile[] = SHAPES.flatMap((shape) => {
  const root = join(SHAPES_DIR, shape);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.[cm]?[jt]sx?$/.test(entry.name) && !/\.config\.ts$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort()
    .map((path) => {
      const kind = /^\/\/ \(([abcd])\)/.exec(readFileSync(join(root, path), "utf8"))?.[1] as Kind | undefined;
      if (!kind) throw new Error(`${shape}/${path}: first line names no case kind`);
      return { key: `${shape}/${path}`, shape, path, kind };
    });
});

/** (d) files → their findings (`line rule`, without the plugin prefix). */
const REPORTED: Readonly<Record<string, readonly string[]>> = {
  "01-slack-bolt/src/d1-init-per-event.ts": ["8 no-tracer-init-in-handler"],
  "01-slack-bolt/src/d2-session-start.ts": ["10 no-session-start-in-handler"],
  "01-slack-bolt/src/d3-raw-thread-id.ts": ["9 require-valid-session-id"],
  "01-slack-bolt/src/d5-view-submission-id.ts": ["10 require-valid-session-id"],
  // Bolt on AWS Lambda (AwsLambdaReceiver): the app's listeners trace inside the exported handler's invocation.
  "01-slack-bolt/src/d4-lambda-receiver-unflushed.ts": ["14 require-force-flush-in-lambda"],
  "02-discord/src/d1-session-start.ts": ["9 no-session-start-in-handler"],
  "02-discord/src/d2-channel-as-id.ts": ["9 require-valid-session-id"],
  "02-discord/src/d3-init-per-interaction.ts": ["8 no-tracer-init-in-handler"],
  // A command module of the guide's layout: `data` (a SlashCommandBuilder) and `execute(interaction)`, called per interaction.
  "02-discord/src/commands/d4-ask.ts": ["9 no-tracer-init-in-handler"],
  "03-telegram/src/d1-grammy-session-start.ts": ["9 no-session-start-in-handler"],
  "03-telegram/src/d2-telegraf-init-per-command.ts": ["8 no-tracer-init-in-handler"],
  "03-telegram/src/d3-telegraf-raw-payload.ts": ["9 require-valid-session-id"],
  "03-telegram/src/d4-telegraf-context-session-start.ts": ["9 no-session-start-in-handler"],
  // A grammY Composer's listeners, the composer given to bot.use().
  "03-telegram/src/d5-grammy-composer.ts": ["10 no-session-start-in-handler"],
  "04-rpc/src/d1-grpc-raw-id.ts": ["9 require-valid-session-id"],
  "04-rpc/src/d2-grpc-metadata-id.ts": ["10 require-valid-session-id"],
  "04-rpc/src/d3-grpc-init-per-call.ts": ["8 no-tracer-init-in-handler"],
  "04-rpc/src/d4-connect-session-start.ts": ["10 no-session-start-in-handler"],
  "04-rpc/src/d5-grpc-impl-const.ts": ["9 require-valid-session-id"],
  "04-rpc/src/d6-connect-rpc-method.ts": ["9 require-valid-session-id"],
  "04-rpc/src/d7-grpc-named-handler.ts": ["9 no-session-start-in-handler"],
  "05-electron/src/d1-init-per-invoke.ts": ["6 no-tracer-init-in-handler"],
  "05-electron/src/d2-raw-renderer-id.ts": ["8 require-valid-session-id"],
  "05-electron/src/d3-named-listener.ts": ["8 require-valid-session-id"],
  "06-job-runners/src/d1-pg-boss-init-per-job.ts": ["7 no-tracer-init-in-handler"],
  "06-job-runners/src/d2-agenda-session-start.ts": ["9 no-session-start-in-handler"],
  "06-job-runners/src/d3-graphile-init-per-task.ts": ["9 no-tracer-init-in-handler"],
  "06-job-runners/src/d4-nats-init-per-message.ts": ["8 no-tracer-init-in-handler"],
  "06-job-runners/src/d5-pg-boss-options.ts": ["9 no-session-start-in-handler"],
  "06-job-runners/src/d7-cron-init-per-tick.ts": ["6 no-tracer-init-in-handler"],
  "06-job-runners/src/d8-agenda-options.ts": ["7 no-tracer-init-in-handler"],
  "06-job-runners/src/tasks/d6-typed-task.ts": ["6 no-tracer-init-in-handler"],
  "07-adonis/app/controllers/d1-raw_controller.ts": ["7 require-valid-session-id"],
  "07-adonis/app/controllers/d2-init_controller.ts": ["7 no-tracer-init-in-handler"],
  "07-adonis/app/middleware/d4-session_start_middleware.ts": ["8 no-session-start-in-handler"],
  "07-adonis/start/d3-inline_routes.ts": ["6 no-session-start-in-handler"],
  "07-adonis/start/d5-header_routes.ts": ["6 require-valid-session-id"],
  "08-feathers/src/d1-raw-data-id.ts": ["9 require-valid-session-id"],
  "08-feathers/src/d2-query-id.ts": ["9 require-valid-session-id"],
  "08-feathers/src/d3-session-start.ts": ["9 no-session-start-in-handler"],
  "08-feathers/src/d4-object-service.ts": ["8 no-tracer-init-in-handler"],
  "08-feathers/src/d5-patch-id.ts": ["9 require-valid-session-id"],
  "09-moleculer/services/d1-raw-params.js": ["11 require-valid-session-id"],
  "09-moleculer/services/d2-init-per-action.js": ["12 no-tracer-init-in-handler"],
  // A service's `events` handler, and a moleculer-runner schema file (module.exports = { name, actions }).
  "09-moleculer/services/d3-events-session-start.js": ["12 no-session-start-in-handler"],
  "09-moleculer/services/d4-schema.service.js": ["9 no-tracer-init-in-handler"],
  // Under the Vercel Edge adapter (adapters/vercel-edge/): route handlers are the platform's entry points.
  "10-qwik/src/routes/api/unflushed/index.ts": ["5 require-force-flush-in-lambda"],
  "10-qwik/src/routes/ask/index.tsx": ["8 require-valid-session-id"],
  // The action's id (line 9) is reported; the loader's isSessionId()-checked id in the same file is not.
  "10-qwik/src/routes/chat/index.tsx": ["9 require-valid-session-id"],
  // The request event's singular `cookie` jar: `cookie.get("sid")?.value`.
  "10-qwik/src/routes/cookie/index.tsx": ["7 require-valid-session-id"],
  "11-solidstart/src/lib/d3-actions.ts": ["6 no-tracer-init-in-handler"],
  "11-solidstart/src/routes/api/d1-resume.ts": ["7 require-valid-session-id"],
  "11-solidstart/src/routes/api/d2-init.ts": ["5 no-tracer-init-in-handler"],
  "11-solidstart/src/routes/api/d4-cookie.ts": ["7 require-valid-session-id"],
  "12-twilio/functions/d1-unflushed.js": ["6 require-force-flush-in-lambda"],
  "12-twilio/functions/d2-raw-from.js": ["7 require-valid-session-id"],
  "12-twilio/functions/d3-init-per-call.js": ["5 no-tracer-init-in-handler"],
  "12-twilio/functions/d4-cookie.js": ["7 require-valid-session-id"],
  "13-nitro/server/api/d1-unflushed.post.ts": ["4 require-force-flush-in-lambda"],
  "13-nitro/server/api/d2-raw-query.get.ts": ["7 require-valid-session-id"],
  "13-nitro/server/api/d3-cookie.get.ts": ["6 require-valid-session-id"],
  "14-powertools-batch/src/d1-unflushed.ts": ["13 require-force-flush-in-lambda"],
  "14-powertools-batch/src/d2-record-body-id.ts": ["11 require-valid-session-id"],
  // SQS's messageId: "system-assigned", at most 100 characters, no UUID promised (was a KNOWN_LINT "false report"
  // until leftovers-7 checked SQS's documentation; SNS's MessageId, documented as a UUID, is quiet).
  "14-powertools-batch/src/d3-message-id.ts": ["10 require-valid-session-id"],
  "15-koa-context/src/d1-context-session-start.ts": ["9 no-session-start-in-handler"],
  "15-koa-context/src/d2-context-init-per-request.ts": ["7 no-tracer-init-in-handler"],
  // gaps-rules-6b: the slot reached through `const g = globalThis as unknown as {…}`.
  "15-koa-context/src/d3-global-slot-session-start.ts": ["10 no-session-start-in-handler"],
  // A Nuxt app whose nitro preset is netlify: its server routes are Netlify function entries.
  "17-nuxt-netlify/server/api/d1-unflushed.post.ts": ["6 require-force-flush-in-lambda"],
  // A Node server (preset node-server): the per-request init is reported, no flush is asked of any handler.
  "16-nitro-node/server/api/d1-init.get.ts": ["5 no-tracer-init-in-handler"],
};

interface KnownLint { readonly today: readonly string[]; readonly expected: readonly string[]; readonly reason: string }

/** Files whose findings are wrong today (misses of (d) files, false reports on (a)–(c)). */
const KNOWN_LINT: Readonly<Record<string, KnownLint>> = {};

interface KnownMigrate { readonly sets: readonly SetName[]; readonly markers: number; readonly reason: string }

/** (a)–(c) files a migrate set changes today. */
const KNOWN_MIGRATE: Readonly<Record<string, KnownMigrate>> = {
  "04-rpc/src/c1-registry-add-service.ts": {
    sets: ["from1"],
    markers: 0,
    reason:
      "by design: the method shorthand returning 1.x's init (a promise there) becomes `async build(input)`, as a function returning it does " +
      "(it wrote `buildasync (input)`, a method of another name, until init.ts placed `async` before a shorthand's key)",
  },
  "05-electron/src/c2-local-ipc.ts": {
    sets: ["from1"],
    markers: 0,
    reason: "by design of --from 1: an arrow returning a 1.x init (a Promise in 1.x) becomes async so that it still returns one",
  },
  "11-solidstart/src/routes/api/c1-helpers.ts": {
    sets: ["from1"],
    markers: 0,
    reason: "by design of --from 1: a function returning a 1.x init becomes async (1.x's init returned a Promise)",
  },
  "11-solidstart/src/routes/c2-+server.ts": {
    sets: ["from1"],
    markers: 0,
    reason: "by design of --from 1: an arrow returning a 1.x init becomes async (1.x's init returned a Promise)",
  },
  "12-twilio/assets/c1-helper.private.js": {
    sets: ["from1"],
    markers: 0,
    reason: "by design of --from 1: an arrow returning a 1.x init becomes async (1.x's init returned a Promise); no longer taken for a Lambda handler",
  },
};

/** (d) files each migrate set changes (path → markers), the same for both sets. */
const MIGRATED_MISUSE: Readonly<Record<string, number>> = {
  "01-slack-bolt/src/d1-init-per-event.ts": 0,
  "01-slack-bolt/src/d2-session-start.ts": 0,
  "01-slack-bolt/src/d3-raw-thread-id.ts": 1,
  // Async, passing its callback on: flushed in a try/finally, not marked "callback-style" (review-session).
  "01-slack-bolt/src/d4-lambda-receiver-unflushed.ts": 0,
  "01-slack-bolt/src/d5-view-submission-id.ts": 1,
  "02-discord/src/d1-session-start.ts": 0,
  "02-discord/src/d2-channel-as-id.ts": 1,
  "02-discord/src/d3-init-per-interaction.ts": 0,
  "02-discord/src/commands/d4-ask.ts": 0,
  "03-telegram/src/d1-grammy-session-start.ts": 0,
  "03-telegram/src/d2-telegraf-init-per-command.ts": 0,
  "03-telegram/src/d3-telegraf-raw-payload.ts": 1,
  "03-telegram/src/d4-telegraf-context-session-start.ts": 0,
  "03-telegram/src/d5-grammy-composer.ts": 0,
  "04-rpc/src/d1-grpc-raw-id.ts": 1,
  "04-rpc/src/d2-grpc-metadata-id.ts": 1,
  "04-rpc/src/d3-grpc-init-per-call.ts": 0,
  "04-rpc/src/d4-connect-session-start.ts": 0,
  "04-rpc/src/d5-grpc-impl-const.ts": 1,
  "04-rpc/src/d6-connect-rpc-method.ts": 1,
  "04-rpc/src/d7-grpc-named-handler.ts": 0,
  "05-electron/src/d1-init-per-invoke.ts": 0,
  "05-electron/src/d2-raw-renderer-id.ts": 1,
  "05-electron/src/d3-named-listener.ts": 1,
  "06-job-runners/src/d1-pg-boss-init-per-job.ts": 0,
  "06-job-runners/src/d2-agenda-session-start.ts": 0,
  "06-job-runners/src/d3-graphile-init-per-task.ts": 0,
  "06-job-runners/src/d4-nats-init-per-message.ts": 0,
  "06-job-runners/src/d5-pg-boss-options.ts": 0,
  "06-job-runners/src/d7-cron-init-per-tick.ts": 0,
  "06-job-runners/src/d8-agenda-options.ts": 0,
  "06-job-runners/src/tasks/d6-typed-task.ts": 0,
  "07-adonis/app/controllers/d1-raw_controller.ts": 1,
  "07-adonis/app/controllers/d2-init_controller.ts": 0,
  "07-adonis/app/middleware/d4-session_start_middleware.ts": 0,
  "07-adonis/start/d3-inline_routes.ts": 0,
  "07-adonis/start/d5-header_routes.ts": 1,
  "08-feathers/src/d1-raw-data-id.ts": 1,
  "08-feathers/src/d2-query-id.ts": 1,
  "08-feathers/src/d3-session-start.ts": 0,
  "08-feathers/src/d4-object-service.ts": 0,
  "08-feathers/src/d5-patch-id.ts": 1,
  "09-moleculer/services/d1-raw-params.js": 1,
  "09-moleculer/services/d2-init-per-action.js": 0,
  "09-moleculer/services/d3-events-session-start.js": 0,
  "09-moleculer/services/d4-schema.service.js": 0,
  "10-qwik/src/routes/api/unflushed/index.ts": 0,
  "10-qwik/src/routes/ask/index.tsx": 1,
  "10-qwik/src/routes/chat/index.tsx": 1,
  "10-qwik/src/routes/cookie/index.tsx": 1,
  "11-solidstart/src/lib/d3-actions.ts": 0,
  "11-solidstart/src/routes/api/d1-resume.ts": 1,
  "11-solidstart/src/routes/api/d2-init.ts": 0,
  "11-solidstart/src/routes/api/d4-cookie.ts": 1,
  "12-twilio/functions/d1-unflushed.js": 1,
  "12-twilio/functions/d2-raw-from.js": 1,
  "12-twilio/functions/d3-init-per-call.js": 0,
  "12-twilio/functions/d4-cookie.js": 1,
  "13-nitro/server/api/d1-unflushed.post.ts": 0,
  "13-nitro/server/api/d2-raw-query.get.ts": 1,
  "13-nitro/server/api/d3-cookie.get.ts": 1,
  "14-powertools-batch/src/d1-unflushed.ts": 0,
  "14-powertools-batch/src/d2-record-body-id.ts": 1,
  "14-powertools-batch/src/d3-message-id.ts": 1,
  "15-koa-context/src/d1-context-session-start.ts": 0,
  "15-koa-context/src/d2-context-init-per-request.ts": 1,
  "15-koa-context/src/d3-global-slot-session-start.ts": 0,
  "16-nitro-node/server/api/d1-init.get.ts": 0,
  "17-nuxt-netlify/server/api/d1-unflushed.post.ts": 0,
};

const findings = new Map<string, ShapeFinding[]>();
const migrated = migratedShapes(SHAPES_DIR, SHAPES);

beforeAll(async () => {
  for (const [shape, found] of await lintShapes(SHAPES_DIR)) findings.set(shape, found);
  await migrated.load();
}, 600_000);
afterAll(() => removeProjects());

/** A case file's findings as `line rule`. */
function findingsOf({ shape, path }: CaseFile): string[] {
  return findings
    .get(shape)!
    .filter((finding) => finding.at.startsWith(`${path}:`))
    .map((finding) => finding.at.slice(path.length + 1).replace(" honeyhive/", " "))
    .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b));
}

const caseOf = (key: string): CaseFile => {
  const found = CASES.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no case ${key}`);
  return found;
};

describe("the cases", () => {
  it("has ~150 cases: each kind present, ~30+ to report", () => {
    const count = (kind: Kind): number => CASES.filter((c) => c.kind === kind).length;
    expect(CASES.length).toBeGreaterThanOrEqual(150);
    expect(count("a")).toBeGreaterThanOrEqual(30);
    expect(count("b")).toBeGreaterThanOrEqual(40);
    expect(count("c")).toBeGreaterThanOrEqual(20);
    expect(count("d")).toBeGreaterThanOrEqual(30);
  });

  it("every listed file is a case of the kind its list says", () => {
    for (const key of Object.keys(REPORTED)) expect(caseOf(key).kind, key).toBe("d");
    for (const key of Object.keys(MIGRATED_MISUSE)) expect(caseOf(key).kind, key).toBe("d");
    for (const [key, known] of Object.entries(KNOWN_LINT)) expect(caseOf(key).kind === "d", key).toBe(known.expected.length > 0);
    for (const key of Object.keys(KNOWN_MIGRATE)) expect(caseOf(key).kind, key).not.toBe("d");
    // Every (d) file is reported, or a known miss.
    for (const c of CASES.filter((candidate) => candidate.kind === "d")) expect(c.key in REPORTED || c.key in KNOWN_LINT, c.key).toBe(true);
  });

  it("the (a) files use no HoneyHive", () => {
    for (const c of CASES.filter((candidate) => candidate.kind === "a")) {
      expect(readFileSync(join(SHAPES_DIR, c.shape, c.path), "utf8"), c.key).not.toMatch(/["']honeyhive["']|HoneyHiveTracer|createSession|forceFlush/);
    }
  });

  it("lints every shape without a parse error", () => {
    for (const shape of SHAPES) expect(findings.get(shape)!.filter((finding) => finding.at.endsWith(" fatal")), shape).toEqual([]);
  });

  it("reports nothing outside the case files", () => {
    for (const shape of SHAPES) {
      const paths = new Set(CASES.filter((c) => c.shape === shape).map((c) => c.path));
      expect(findings.get(shape)!.filter((finding) => !paths.has(finding.at.slice(0, finding.at.lastIndexOf(":")))), shape).toEqual([]);
    }
  });
});

describe("configs.all", () => {
  for (const c of CASES.filter((candidate) => !(candidate.key in KNOWN_LINT))) {
    const expected = REPORTED[c.key] ?? [];
    it(`(${c.kind}) ${c.key}: ${expected.length > 0 ? expected.join(", ") : "quiet"}`, () => {
      expect(findingsOf(c)).toEqual(expected);
    });
  }
});

// Empty since leftovers-7 (a suite without tests fails): kept for the next known defect.
if (Object.keys(KNOWN_LINT).length > 0) describe("configs.all, known defects (today's findings, asserted so that a fix shows)", () => {
  for (const [key, { today, expected, reason }] of Object.entries(KNOWN_LINT)) {
    it(`${key}: ${reason}`, () => {
      const found = findingsOf(caseOf(key));
      expect(found).toEqual([...today]);
      expect(found).not.toEqual([...expected]);
    });
  }
});

/**
 * Report messages that name the handler as its descriptor does (gaps-rules-6a fixed each; they said "Electron IPC
 * handler handler", "AWS Lambda handler" for a Twilio Function, "Next.js server action" for a SolidStart server
 * function, and "every request" of a job): the case, a text the message must hold, and one it must not.
 */
const WORDING: readonly { readonly key: string; readonly says: string; readonly not: string }[] = [
  { key: "05-electron/src/d2-raw-renderer-id.ts", says: "comes from the Electron IPC handler's input", not: "handler handler" },
  { key: "12-twilio/functions/d2-raw-from.js", says: "comes from the Twilio Functions handler's input", not: "AWS Lambda" },
  { key: "12-twilio/functions/d3-init-per-call.js", says: "runs on every invocation of this Twilio Functions handler", not: "AWS Lambda" },
  { key: "11-solidstart/src/lib/d3-actions.ts", says: "runs on every call of this SolidStart server function handler: each call pays the init", not: "Next.js" },
  { key: "06-job-runners/src/d1-pg-boss-init-per-job.ts", says: "runs on every job of this pg-boss job handler: each job pays the init", not: "request" },
  { key: "06-job-runners/src/d7-cron-init-per-tick.ts", says: "runs on every tick of this node-cron task handler: each tick pays the init", not: "request" },
  { key: "06-job-runners/src/d4-nats-init-per-message.ts", says: "runs on every message of this NATS message handler: each message pays the init", not: "request" },
  { key: "03-telegram/src/d1-grammy-session-start.ts", says: "in this grammY handler stores the session on the shared tracer, so concurrent updates overwrite", not: "request" },
  { key: "09-moleculer/services/d3-events-session-start.js", says: "in this Moleculer event handler stores the session on the shared tracer, so concurrent events", not: "request" },
];

describe("messages name the handler and what it runs once per", () => {
  for (const { key, says, not } of WORDING) {
    it(`${key}: "${says}"`, () => {
      const { shape, path } = caseOf(key);
      const messages = findings.get(shape)!.filter((finding) => finding.at.startsWith(`${path}:`)).map((finding) => finding.message);
      expect(messages, messages.join("\n")).toHaveLength(1);
      expect(messages[0]).toContain(says);
      expect(messages[0]).not.toContain(not);
    });
  }

  it("the flush message of a Twilio Function names its platform", () => {
    const [message] = findings.get("12-twilio")!.filter((finding) => finding.at.startsWith("functions/d1-unflushed.js:")).map((finding) => finding.message);
    expect(message).toMatch(/^Callback-style Twilio Functions handler `handler` never flushes/);
  });
});

describe("migrate (both sets)", () => {
  for (const shape of SHAPES) {
    for (const set of ["2x", "from1"] as const) {
      it(`${shape} (${set}): a clean stable run; only the misuse files change, and the known ones`, () => {
        const run = migrated.byName(shape, set);
        expectCleanRun(`${shape} ${set}`, run);
        const changed = Object.fromEntries(run.report.files.filter((file) => file.status === "changed").map((file) => [`${shape}/${file.path}`, file.markers]));
        const expected = {
          ...Object.fromEntries(Object.entries(MIGRATED_MISUSE).filter(([key]) => key.startsWith(`${shape}/`))),
          ...Object.fromEntries(
            Object.entries(KNOWN_MIGRATE)
              .filter(([key, known]) => key.startsWith(`${shape}/`) && known.sets.includes(set))
              .map(([key, known]) => [key, known.markers]),
          ),
        };
        expect(changed).toEqual(expected);
      });
    }
  }

  it("leaves every (a)–(c) file byte-identical but the known ones", () => {
    for (const c of CASES.filter((candidate) => candidate.kind !== "d")) {
      for (const set of ["2x", "from1"] as const) {
        const run = migrated.byName(c.shape, set);
        if (KNOWN_MIGRATE[c.key]?.sets.includes(set)) expect(run.output[c.path], `${c.key} (${set}): known change fixed? drop it from KNOWN_MIGRATE`).not.toBe(run.input[c.path]);
        else expect(run.output[c.path], `${c.key} (${set})`).toBe(run.input[c.path]);
      }
    }
  });

  it("--from 1 makes a method shorthand returning an init async before its key (async build), and leaves one whose result is used as a tracer", () => {
    const out = migrated.byName("04-rpc", "from1").output["src/c1-registry-add-service.ts"]!;
    expect(out).toContain("async build(input: { sessionId: string }) {");
    expect(out).not.toContain("buildasync");
    // `this.tracer().createSession(…)`: the method's result is a tracer, so it stays synchronous (it became `tracerasync ()` once).
    const helper = migrated.byName("09-moleculer", "from1");
    expect(helper.output["services/c2-methods-helper.js"]).toBe(helper.input["services/c2-methods-helper.js"]);
  });
});
