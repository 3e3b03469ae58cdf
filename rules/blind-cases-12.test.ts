// Blind cases, twelfth round: SERVERLESS PLATFORMS, DEPLOYMENT CONFIG AND PROJECT LAYOUTS. Each case is a small project
// on disk (package.json, the platform's configuration, folders) the way public projects say "this is a Lambda / a Cloud
// Function / an edge function": serverless.yml / serverless.ts functions with a handler name that is not `handler`, SAM
// `template.yaml` (`Handler`, `CodeUri`), CDK's `NodejsFunction`, SST v2/v3, Architect, middy, a handler re-exported from an
// index, `awslambda.streamifyResponse`; Firebase Functions v1 and v2, Google Cloud Functions, Azure Functions v3
// (function.json folders) and v4 (`app.http`), Netlify (netlify/functions, netlify.toml), Vercel (api/, vercel.json,
// `runtime: "edge"`), Cloudflare Workers (wrangler.toml/.jsonc), Supabase edge functions (`Deno.serve`), Next.js route
// handlers and server actions, Nuxt server/api, SvelteKit +server.ts, Remix loaders on Vercel; and the layouts: npm/pnpm
// workspaces and Turbo monorepos (apps/api, packages/observability exporting `@acme/tracing`), `src/` vs `functions/`,
// tsconfig `paths`. About 40% are quiet look-alikes: a long-running server on the same platform, a handler that already
// flushes through a wrapper or `waitUntil`, a function named `handler` in a CLI script, a serverless.yml of another
// project in the tree.
//
// Written before reading the analysis code (analysis/**, rules/*.ts), from the seeds (/work/shared/seeds/: "Serverless:
// initialize the tracer outside the handler and reuse it across warm starts ... call create_session() inside the handler
// ... call tracer.force_flush() before returning"), ARCHITECTURE.md, README, docs/rules/*.md (require-force-flush-in-lambda's
// "Which functions are serverless entry points" table, no-tracer-init-in-handler, no-session-start-in-handler,
// require-valid-session-id's sources) and docs/contributing.md. Each case asserts the CORRECT behaviour: `reported` (at
// least one report of the rule) or `quiet` (none); the reason is the case's name or the comment above its group. Cases
// the core does not get right are in the labelled KNOWN block, asserting today's behaviour with a reason each (harness:
// ./test-utils/blind-cases.ts, as blind 8 to 10).
import { describe } from "vitest";
import { type AnyRule, type Case, describeBlindCases, type Known, caseOf as c } from "./test-utils/blind-cases.js";
import flushRule, { RULE_NAME as FLUSH_RULE } from "./require-force-flush-in-lambda.js";
import initRule, { RULE_NAME as INIT_RULE } from "./no-tracer-init-in-handler.js";
import sessionStartRule, { RULE_NAME as SESSION_START_RULE } from "./no-session-start-in-handler.js";
import lostContextRule, { RULE_NAME as LOST_CONTEXT_RULE } from "./no-lost-session-context.js";
import sessionIdRule, { RULE_NAME as SESSION_ID_RULE } from "./require-valid-session-id.js";
import { HH2, pkg, tracingModule } from "./test-utils/programs.js";

// Cases the core gets wrong today (`Known` in ./test-utils/blind-cases.ts); each says why, and where.
// First run (87 cases, 2026-12-06): 7 misses, 0 false reports (95 cases now, 8 look-alikes and 2 reported cases added with the fixes). Of the look-alikes none was reported (a CLI script's
// `handler`, another project's serverless.yml, a Durable Object, an Edge Function, waitUntil and middy's `after`).
// Fixed in knowledge (frameworks/lambda-functions-config.ts): the Serverless Framework's serverless.ts/.js/.json, SST v2's
// stack modules and SST's route shorthand; SvelteKit's serverless adapters and Remix's serverless hosts
// (frameworks/server-adapters-config.ts `svelteKitAdapterPlatform`, `remixHostPlatform`), with look-alikes added for both
// (adapter-node, adapter-auto without a host file, @remix-run/express); Supabase Edge Functions as a platform
// (platforms/supabase-edge-functions.ts, bun-deno.ts `platform`), with a Deno Deploy server and a `_shared` module as look-alikes.
// fix-blind12 fixed the last two (a CDK stack's NodejsFunction, frameworks/lambda-functions-config.ts `cdkHandlersOf`; a
// `paths` alias shaped like a scoped package, project-modules.ts `isProjectModule`) and added, with look-alikes: CDK's
// lambda.Function, SvelteKit's flushing `handle` hook (two quiet cases that were false reports), Next.js middleware (reported:
// it runs before the route) and an ambient `declare const Deno` (bindings.ts `isGlobal`).
const KNOWN: readonly Known[] = [];
const describeCases = (ruleName: string, rule: AnyRule, cases: { reported: readonly Case[]; quiet: readonly Case[] }): void =>
  describeBlindCases(ruleName, rule, cases, KNOWN);


/** The project's tracing module: a module-level tracer (the seeds' serverless pattern: reused on warm starts). */
const TRACING_TS = tracingModule("support");
/** A lazy getter module (the seed's `get_tracer()`). */
const GETTER_TS = `import { HoneyHiveTracer } from "honeyhive";

let tracer: HoneyHiveTracer | undefined;
export function getTracer(): HoneyHiveTracer {
  tracer ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" });
  return tracer;
}
`;
/** A workspace package `@acme/tracing` (packages/observability) and its package.json. */
const WORKSPACE_TRACING = {
  "packages/observability/package.json": JSON.stringify({ name: "@acme/tracing", version: "1.0.0", main: "src/index.ts", types: "src/index.ts", dependencies: HH2 }),
  "packages/observability/src/index.ts": TRACING_TS,
};
/** A dd-trace module under the same workspace name: another vendor's tracer. */
const WORKSPACE_DD_TRACING = {
  "packages/observability/package.json": JSON.stringify({ name: "@acme/tracing", version: "1.0.0", main: "src/index.ts", dependencies: { "dd-trace": "^5.0.0" } }),
  "packages/observability/src/index.ts": `import ddTrace from "dd-trace";\n\nexport const tracer = ddTrace.init({ service: "api" });\n`,
};
/** An npm-workspaces root (package.json `workspaces`). */
const NPM_WORKSPACE_ROOT = { "package.json": JSON.stringify({ name: "acme", private: true, workspaces: ["apps/*", "packages/*"] }) };
/** A pnpm workspace root (pnpm-workspace.yaml) with Turbo. */
const PNPM_WORKSPACE_ROOT = {
  "package.json": JSON.stringify({ name: "acme", private: true, devDependencies: { turbo: "^2.3.0" } }),
  "pnpm-workspace.yaml": `packages:\n  - "apps/*"\n  - "packages/*"\n`,
  "turbo.json": JSON.stringify({ tasks: { build: { dependsOn: ["^build"] } } }),
};

/** serverless.yml naming `src/chat.main` (and another function with the default name). */
const SERVERLESS_YML = `service: support-bot
frameworkVersion: "4"

provider:
  name: aws
  runtime: nodejs20.x

functions:
  chat:
    handler: src/chat.main
    events:
      - httpApi:
          path: /chat
          method: post
  ingest:
    handler: src/ingest.handler
`;
const SERVERLESS_TS = `import type { AWS } from "@serverless/typescript";

const serverlessConfiguration: AWS = {
  service: "support-bot",
  frameworkVersion: "3",
  provider: { name: "aws", runtime: "nodejs20.x" },
  functions: {
    chat: { handler: "src/chat.main", events: [{ httpApi: { path: "/chat", method: "post" } }] },
  },
};

module.exports = serverlessConfiguration;
`;
const SAM_TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Description: support bot

Globals:
  Function:
    Timeout: 30
    Runtime: nodejs20.x

Resources:
  ChatFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: chat/
      Handler: app.lambdaHandler
      Events:
        Chat:
          Type: Api
          Properties:
            Path: /chat
            Method: post
`;
const CDK_STACK = `import * as path from "node:path";
import { Stack, type StackProps } from "aws-cdk-lib";
import { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import type { Construct } from "constructs";

export class ChatStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    new NodejsFunction(this, "Chat", {
      entry: path.join(__dirname, "../lambda/chat.ts"),
      handler: "main",
    });
  }
}
`;
const SST_V3_CONFIG = `/// <reference path="./.sst/platform/config.d.ts" />

export default $config({
  app(input) {
    return { name: "support", home: "aws" };
  },
  async run() {
    new sst.aws.Function("Chat", {
      handler: "packages/functions/src/chat.main",
      url: true,
    });
  },
});
`;
const SST_V2_STACK = `import { Function, type StackContext } from "sst/constructs";

export function API({ stack }: StackContext) {
  new Function(stack, "Chat", { handler: "packages/functions/src/chat.main" });
}
`;
const SST_V2_CONFIG = `import type { SSTConfig } from "sst";
import { API } from "./stacks/API";

export default {
  config() {
    return { name: "support", region: "us-east-1" };
  },
  stacks(app) {
    app.stack(API);
  },
} satisfies SSTConfig;
`;
const AWS = { "package.json": pkg({ ...HH2, "@types/aws-lambda": "^8.10.145" }), "src/lib/tracing.ts": TRACING_TS };
const SLS = { ...AWS, "serverless.yml": SERVERLESS_YML };

/** A Lambda body that traces through the module's tracer and returns without a flush. */
const LAMBDA_BODY = `  tracer.enrichSession({ metadata: { path: event.rawPath } });
  const answer = await tracer.startSpan("answer", async () => String(event.body ?? "").toUpperCase());
  return { statusCode: 200, body: JSON.stringify({ answer }) };`;
const lambdaNamed = (name: string, from = "./lib/tracing"): string =>
  `import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { tracer } from "${from}";

export const ${name} = async (event: APIGatewayProxyEventV2) => {
${LAMBDA_BODY}
};
`;

const FIREBASE = { "package.json": pkg({ ...HH2, "firebase-functions": "^6.1.0", "firebase-admin": "^12.7.0" }, { main: "lib/index.js" }), "firebase.json": JSON.stringify({ functions: [{ source: ".", codebase: "default" }] }), "src/tracing.ts": TRACING_TS };
const GCF = { "package.json": pkg({ ...HH2, "@google-cloud/functions-framework": "^3.4.2" }), "src/tracing.ts": TRACING_TS };
const AZURE_V4 = { "package.json": pkg({ ...HH2, "@azure/functions": "^4.6.0" }, { main: "dist/src/functions/*.js" }), "host.json": JSON.stringify({ version: "2.0" }), "src/tracing.ts": TRACING_TS };
const AZURE_V3 = {
  "package.json": pkg({ ...HH2 }),
  "host.json": JSON.stringify({ version: "2.0" }),
  "chat/function.json": JSON.stringify({ bindings: [{ authLevel: "function", type: "httpTrigger", direction: "in", name: "req", methods: ["post"] }, { type: "http", direction: "out", name: "res" }] }),
  "shared/tracing.js": `const { HoneyHiveTracer } = require("honeyhive");\n\nmodule.exports = { tracer: HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" }) };\n`,
};
const NETLIFY = { "package.json": pkg({ ...HH2, "@netlify/functions": "^2.8.2" }, { type: "module" }), "netlify/lib/tracing.ts": TRACING_TS };
const VERCEL = { "package.json": pkg({ ...HH2, "@vercel/functions": "^1.5.0" }), "vercel.json": JSON.stringify({ functions: { "api/**/*.ts": { maxDuration: 30 } } }), "lib/tracing.ts": TRACING_TS };
const WRANGLER_TOML = `name = "support-worker"\nmain = "src/index.ts"\ncompatibility_date = "2024-11-01"\n`;
const WRANGLER_JSONC = `{\n  // the Worker\n  "name": "support-worker",\n  "main": "src/index.ts",\n  "compatibility_date": "2024-11-01",\n}\n`;
const WORKERS = { "package.json": pkg({ ...HH2 }, { devDependencies: { wrangler: "^3.90.0", "@cloudflare/workers-types": "^4.20241112.0" } }), "wrangler.toml": WRANGLER_TOML, "src/tracing.ts": TRACING_TS };
const WORKERS_JSONC = { "package.json": WORKERS["package.json"], "wrangler.jsonc": WRANGLER_JSONC, "src/tracing.ts": TRACING_TS };
const SUPABASE = {
  "supabase/config.toml": `project_id = "support"\n\n[functions.chat]\nverify_jwt = false\n`,
  "supabase/functions/_shared/tracing.ts": `import { HoneyHiveTracer } from "npm:honeyhive@2";\n\nexport const tracer = HoneyHiveTracer.init({ apiKey: Deno.env.get("HH_API_KEY"), project: "support" });\n`,
  "supabase/functions/deno.json": JSON.stringify({ imports: { honeyhive: "npm:honeyhive@2" } }),
};
/** A SvelteKit app on Vercel (adapter-vercel) whose hooks.server.ts is `hooks`; the route is SVELTE_ROUTE. */
const svelteOnVercel = (hooks: string): Record<string, string> => ({
  "package.json": pkg({ ...HH2, "@sveltejs/kit": "^2.9.0", "@sveltejs/adapter-vercel": "^5.5.0" }, { type: "module" }),
  "svelte.config.js": `import adapter from "@sveltejs/adapter-vercel";\n\nexport default { kit: { adapter: adapter() } };\n`,
  "src/lib/tracing.ts": TRACING_TS,
  "src/hooks.server.ts": hooks,
});
const SVELTE_ROUTE = `import { tracer } from "$lib/tracing";

export async function POST({ request }: { request: Request }) {
  tracer.createSession({ sessionName: "chat" });
  return new Response(await tracer.startSpan("answer", async () => request.url));
}
`;
const NEXT_VERCEL = { "package.json": pkg({ ...HH2, next: "^15.1.0", react: "^19.0.0" }), "vercel.json": JSON.stringify({ framework: "nextjs" }), "lib/tracing.ts": TRACING_TS };
const NEXT_SELF_HOSTED = {
  "package.json": pkg({ ...HH2, next: "^15.1.0", react: "^19.0.0" }, { scripts: { build: "next build", start: "next start" } }),
  "next.config.mjs": `export default { output: "standalone" };\n`,
  Dockerfile: `FROM node:20-alpine\nWORKDIR /app\nCOPY .next/standalone ./\nCMD ["node", "server.js"]\n`,
  "lib/tracing.ts": TRACING_TS,
};

// ---------------------------------------------------------------------------------------------------
// require-force-flush-in-lambda: "Which functions are serverless entry points" (the platform table), "exports named ...
// by the project's function configuration for this file (the `handler: src/chat.main` of a serverless.yml, the
// `Handler: app.lambdaHandler` of a SAM template.yaml, resolved against that function's own `CodeUri` ..., the
// `handler: "packages/functions/src/chat.main"` of an sst.config.ts)"; the seeds: "call tracer.force_flush() before
// returning so buffered spans are exported before the runtime freezes".
describe(`${FLUSH_RULE} (blind 12, platforms and deployment config)`, () => {
  const reported: Case[] = [
    // ---- AWS Lambda through its deployment configuration ----
    c("serverless.yml functions.chat.handler: src/chat.main (an export named main)", lambdaNamed("main"), { filename: "src/chat.ts", files: SLS }),
    c("serverless.ts (TypeScript config) functions: { chat: { handler: \"src/chat.main\" } }", lambdaNamed("main"), {
      filename: "src/chat.ts",
      files: { ...AWS, "package.json": pkg({ ...HH2, "@types/aws-lambda": "^8.10.145" }, { devDependencies: { serverless: "^3.39.0", "@serverless/typescript": "^3.38.0" } }), "serverless.ts": SERVERLESS_TS },
    }),
    c("SAM template.yaml Handler: app.lambdaHandler under CodeUri: chat/ (chat/app.mjs)", `import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" });

export const lambdaHandler = async (event, context) => {
  tracer.createSession({ sessionName: "chat-" + context.awsRequestId });
  const body = JSON.parse(event.body ?? "{}");
  return { statusCode: 200, body: JSON.stringify({ echo: body.message }) };
};
`, { filename: "chat/app.mjs", files: { "package.json": pkg(HH2), "template.yaml": SAM_TEMPLATE, "chat/package.json": pkg(HH2, { type: "module" }) } }),
    c("CDK NodejsFunction({ entry: lambda/chat.ts, handler: \"main\" }) in lib/chat-stack.ts", lambdaNamed("main", "../src/tracing"), {
      filename: "lambda/chat.ts",
      files: { "package.json": pkg({ ...HH2, "aws-cdk-lib": "^2.170.0", constructs: "^10.4.2" }), "cdk.json": JSON.stringify({ app: "npx ts-node bin/app.ts" }), "lib/chat-stack.ts": CDK_STACK, "src/tracing.ts": TRACING_TS },
    }),
    c("CDK lambda.Function({ handler: \"index.main\", code: lambda.Code.fromAsset(\"lambda\") }) in lib/chat-stack.ts", lambdaNamed("main", "../src/tracing"), {
      filename: "lambda/index.ts",
      files: {
        "package.json": pkg({ ...HH2, "aws-cdk-lib": "^2.170.0", constructs: "^10.4.2" }),
        "cdk.json": JSON.stringify({ app: "npx ts-node bin/app.ts" }),
        "lib/chat-stack.ts": CDK_STACK.replace(/new NodejsFunction\(this, "Chat", \{[^}]*\}\);/, `new lambda.Function(this, "Chat", { runtime: lambda.Runtime.NODEJS_20_X, handler: "index.main", code: lambda.Code.fromAsset("lambda") });`),
        "src/tracing.ts": TRACING_TS,
      },
    }),
    c("SST v3 sst.config.ts: new sst.aws.Function(\"Chat\", { handler: \"packages/functions/src/chat.main\" }) in a workspace", lambdaNamed("main", "@acme/tracing"), {
      filename: "packages/functions/src/chat.ts",
      files: {
        "package.json": JSON.stringify({ name: "support", private: true, workspaces: ["packages/*"], dependencies: { sst: "^3.3.0" } }),
        "sst.config.ts": SST_V3_CONFIG,
        "packages/functions/package.json": JSON.stringify({ name: "@acme/functions", private: true, dependencies: { "@acme/tracing": "*", ...HH2 } }),
        ...WORKSPACE_TRACING,
      },
    }),
    c("SST v2 stacks/API.ts: new Function(stack, \"Chat\", { handler: \"packages/functions/src/chat.main\" })", lambdaNamed("main", "@acme/tracing"), {
      filename: "packages/functions/src/chat.ts",
      files: {
        "package.json": JSON.stringify({ name: "support", private: true, workspaces: ["packages/*"], devDependencies: { sst: "^2.43.0", "aws-cdk-lib": "2.142.1" } }),
        "sst.config.ts": SST_V2_CONFIG,
        "stacks/API.ts": SST_V2_STACK,
        "packages/functions/package.json": JSON.stringify({ name: "@acme/functions", private: true, dependencies: { "@acme/tracing": "*", ...HH2 } }),
        ...WORKSPACE_TRACING,
      },
    }),
    c("Architect arc.http(async (req) => …) exported as handler (src/http/post-chat/index.mjs)", `import arc from "@architect/functions";
import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" });

export const handler = arc.http(async (req) => {
  tracer.createSession({ sessionName: "chat" });
  const answer = await tracer.startSpan("answer", async () => String(req.body?.message ?? ""));
  return { json: { answer } };
});
`, { filename: "src/http/post-chat/index.mjs", files: { "package.json": pkg({ ...HH2, "@architect/functions": "^8.1.6" }, { type: "module" }), "app.arc": "@app\nsupport\n\n@http\npost /chat\n" } }),
    c("middy(baseHandler).use(jsonBodyParser()) exported as main, named by serverless.yml", `import middy from "@middy/core";
import jsonBodyParser from "@middy/http-json-body-parser";
import { tracer } from "./lib/tracing";

const baseHandler = async (event: { body: { message: string } }) => {
  tracer.enrichSession({ metadata: { length: event.body.message.length } });
  return { statusCode: 200, body: event.body.message };
};

export const main = middy(baseHandler).use(jsonBodyParser());
`, { filename: "src/chat.ts", files: { ...SLS, "package.json": pkg({ ...HH2, "@middy/core": "^5.5.0", "@middy/http-json-body-parser": "^5.5.0" }) } }),
    c("a handler re-exported from an index (export { main as chat } from \"./chat\") that serverless.yml names", lambdaNamed("main", "../lib/tracing"), {
      filename: "src/functions/chat.ts",
      files: { ...AWS, "serverless.yml": "service: support\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n  chat:\n    handler: src/functions/index.chat\n", "src/functions/index.ts": `export { main as chat } from "./chat";\n` },
    }),
    c("awslambda.streamifyResponse(async (event, responseStream) => …) exported as handler", `import { tracer } from "./lib/tracing";

declare const awslambda: { streamifyResponse<T>(fn: T): T };

export const handler = awslambda.streamifyResponse(async (event: { body: string }, responseStream: NodeJS.WritableStream) => {
  tracer.createSession({ sessionName: "stream" });
  await tracer.startSpan("stream", async () => {
    responseStream.write(event.body);
  });
  responseStream.end();
});
`, { filename: "src/stream.ts", files: AWS }),
    // ---- Firebase and Google Cloud Functions ----
    c("Firebase v1 functions.https.onCall in the functions/ folder of a Firebase project (firebase-functions 4, root import)", `import * as functions from "firebase-functions";
import { tracer } from "./tracing";

export const chat = functions.https.onCall(async (data: { message: string }) => {
  tracer.createSession({ sessionName: "chat" });
  return { answer: await tracer.startSpan("answer", async () => data.message.toUpperCase()) };
});
`, { filename: "functions/src/index.ts", files: { "firebase.json": JSON.stringify({ functions: { source: "functions" } }), "functions/package.json": pkg({ ...HH2, "firebase-functions": "^4.9.0" }, { main: "lib/index.js" }), "functions/src/tracing.ts": TRACING_TS } }),
    c("Firebase v1 Firestore trigger through firebase-functions/v1 (document(path).onCreate)", `import * as functions from "firebase-functions/v1";
import { tracer } from "./tracing";

export const onChatCreated = functions.region("europe-west1").firestore.document("chats/{chatId}").onCreate(async (snapshot) => {
  tracer.createSession({ sessionName: "chat-created" });
  tracer.enrichSession({ metadata: { id: snapshot.id } });
});
`, { filename: "src/index.ts", files: FIREBASE }),
    c("Firebase v2 onRequest from firebase-functions/v2/https sends res.json without a flush", `import { onRequest } from "firebase-functions/v2/https";
import { tracer } from "./tracing";

export const chat = onRequest({ region: "europe-west1" }, async (req, res) => {
  tracer.createSession({ sessionName: "chat" });
  const answer = await tracer.startSpan("answer", async () => String(req.body.message));
  res.json({ answer });
});
`, { filename: "src/index.ts", files: FIREBASE }),
    c("Firebase v2 onDocumentCreated from firebase-functions/v2/firestore", `import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { tracer } from "./tracing";

export const summarize = onDocumentCreated("chats/{chatId}", async (event) => {
  tracer.createSession({ sessionName: "summarize" });
  await tracer.startSpan("summarize", async () => event.data?.data());
});
`, { filename: "src/index.ts", files: FIREBASE }),
    c("Firebase v2 onSchedule from firebase-functions/v2/scheduler", `import { onSchedule } from "firebase-functions/v2/scheduler";
import { tracer } from "./tracing";

export const nightly = onSchedule("every day 03:00", async () => {
  tracer.createSession({ sessionName: "nightly" });
  await tracer.startSpan("digest", async () => "done");
});
`, { filename: "src/index.ts", files: FIREBASE }),
    c("Google Cloud Functions functions.cloudEvent(\"ingest\", …)", `import * as functions from "@google-cloud/functions-framework";
import { tracer } from "./tracing";

functions.cloudEvent("ingest", async (cloudEvent) => {
  tracer.createSession({ sessionName: "ingest-" + cloudEvent.id });
  await tracer.startSpan("ingest", async () => cloudEvent.data);
});
`, { filename: "src/index.ts", files: GCF }),
    c("Google Cloud Functions functions.http(\"chat\", …) sends without a flush", `import { http } from "@google-cloud/functions-framework";
import { tracer } from "./tracing";

http("chat", async (req, res) => {
  tracer.createSession({ sessionName: "chat" });
  const answer = await tracer.startSpan("answer", async () => String(req.body.message));
  res.send({ answer });
});
`, { filename: "src/index.ts", files: GCF }),
    // ---- Azure Functions ----
    c("Azure Functions v4 app.http(\"chat\", { handler }) in src/functions/chat.ts", `import { app, type HttpRequest, type InvocationContext } from "@azure/functions";
import { tracer } from "../tracing";

app.http("chat", {
  methods: ["POST"],
  authLevel: "function",
  handler: async (request: HttpRequest, context: InvocationContext) => {
    tracer.createSession({ sessionName: "chat-" + context.invocationId });
    const body = (await request.json()) as { message: string };
    return { jsonBody: { answer: await tracer.startSpan("answer", async () => body.message) } };
  },
});
`, { filename: "src/functions/chat.ts", files: AZURE_V4 }),
    c("Azure Functions v4 app.storageQueue with the handler declared by name", `import { app, type InvocationContext } from "@azure/functions";
import { tracer } from "../tracing";

export async function processJob(item: unknown, context: InvocationContext): Promise<void> {
  tracer.createSession({ sessionName: "job-" + context.invocationId });
  await tracer.startSpan("job", async () => item);
}

app.storageQueue("processJob", { queueName: "jobs", connection: "AzureWebJobsStorage", handler: processJob });
`, { filename: "src/functions/process-job.ts", files: AZURE_V4 }),
    c("Azure Functions v3: chat/index.js module.exports = async function (context, req) beside chat/function.json", `const { tracer } = require("../shared/tracing");

module.exports = async function (context, req) {
  tracer.createSession({ sessionName: "chat-" + context.invocationId });
  const answer = await tracer.startSpan("answer", async () => String(req.body.message));
  context.res = { status: 200, body: { answer } };
};
`, { filename: "chat/index.js", files: AZURE_V3 }),
    // ---- Netlify, Vercel, Cloudflare, Supabase ----
    c("Netlify netlify/functions/chat.mts default export (req, context)", `import type { Context } from "@netlify/functions";
import { tracer } from "../lib/tracing";

export default async (req: Request, context: Context) => {
  tracer.createSession({ sessionName: "chat-" + context.requestId });
  const { message } = (await req.json()) as { message: string };
  return Response.json({ answer: await tracer.startSpan("answer", async () => message) });
};
`, { filename: "netlify/functions/chat.mts", files: NETLIFY }),
    c("Netlify functions folder named by netlify.toml [functions] directory = \"functions\" (functions/chat.ts)", `import type { Context } from "@netlify/functions";
import { tracer } from "../netlify/lib/tracing";

export default async (req: Request, context: Context) => {
  tracer.createSession({ sessionName: "chat-" + context.requestId });
  return new Response(await tracer.startSpan("answer", async () => req.url));
};
`, { filename: "functions/chat.ts", files: { ...NETLIFY, "netlify.toml": `[build]\n  publish = "dist"\n\n[functions]\n  directory = "functions"\n  node_bundler = "esbuild"\n` } }),
    c("Vercel api/chat.ts export async function POST(request) with vercel.json functions config", `import { tracer } from "../lib/tracing";

export async function POST(request: Request) {
  tracer.createSession({ sessionName: "chat" });
  const { message } = (await request.json()) as { message: string };
  return Response.json({ answer: await tracer.startSpan("answer", async () => message) });
}
`, { filename: "api/chat.ts", files: VERCEL }),
    c("Vercel api/edge.ts with export const config = { runtime: \"edge\" } and a default-exported web handler", `import { tracer } from "../lib/tracing";

export const config = { runtime: "edge" };

export default async function handler(request: Request) {
  tracer.createSession({ sessionName: "edge" });
  return new Response(await tracer.startSpan("answer", async () => request.url));
}
`, { filename: "api/edge.ts", files: VERCEL }),
    c("Cloudflare Worker (wrangler.toml main = src/index.ts): export default { fetch, scheduled } whose scheduled traces", `import { tracer } from "./tracing";

export default {
  async fetch(request: Request, env: unknown, ctx: ExecutionContext): Promise<Response> {
    return new Response("ok");
  },
  async scheduled(controller: ScheduledController, env: unknown, ctx: ExecutionContext): Promise<void> {
    tracer.createSession({ sessionName: "cron-" + controller.cron });
    await tracer.startSpan("digest", async () => "done");
  },
};
`, { filename: "src/index.ts", files: WORKERS }),
    c("Cloudflare Worker (wrangler.jsonc) export default { queue } that traces without ctx.waitUntil", `import { tracer } from "./tracing";

export default {
  async queue(batch: MessageBatch<{ id: string }>, env: unknown, ctx: ExecutionContext): Promise<void> {
    for (const message of batch.messages) {
      tracer.createSession({ sessionName: "job-" + message.body.id });
      await tracer.startSpan("job", async () => message.ack());
    }
  },
};
`, { filename: "src/index.ts", files: WORKERS_JSONC }),
    c("Supabase edge function: Deno.serve in supabase/functions/chat/index.ts (the isolate may end once the response is sent)", `import { tracer } from "../_shared/tracing.ts";

Deno.serve(async (req: Request) => {
  tracer.createSession({ sessionName: "chat" });
  const { message } = await req.json();
  return Response.json({ answer: await tracer.startSpan("answer", async () => message) });
});
`, { filename: "supabase/functions/chat/index.ts", files: SUPABASE }),
    // `declare const Deno` only types the runtime's global (as `declare const awslambda` does): not a binding (fix-blind12).
    c("Supabase edge function with an ambient `declare const Deno` before Deno.serve", `import { tracer } from "../_shared/tracing.ts";

declare const Deno: { serve(handler: (req: Request) => Promise<Response>): void };

Deno.serve(async (req: Request) => {
  tracer.createSession({ sessionName: "chat" });
  return Response.json({ answer: await tracer.startSpan("answer", async () => req.url) });
});
`, { filename: "supabase/functions/chat/index.ts", files: SUPABASE }),
    // ---- Frameworks deployed serverless ----
    c("Next.js route handler app/api/chat/route.ts in a project with vercel.json", `import { tracer } from "@/lib/tracing";

export async function POST(request: Request) {
  tracer.createSession({ sessionName: "chat" });
  const { message } = (await request.json()) as { message: string };
  return Response.json({ answer: await tracer.startSpan("answer", async () => message) });
}
`, { filename: "app/api/chat/route.ts", files: { ...NEXT_VERCEL, "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./*"] } } }) } }),
    c("Next.js server action (\"use server\") in app/actions.ts of a project with vercel.json", `"use server";

import { tracer } from "../lib/tracing";

export async function ask(formData: FormData) {
  tracer.createSession({ sessionName: "ask" });
  return tracer.startSpan("ask", async () => String(formData.get("message")));
}
`, { filename: "app/actions.ts", files: NEXT_VERCEL }),
    c("Nuxt server/api/chat.post.ts with nuxt.config nitro preset \"vercel\"", `import { tracer } from "../../lib/tracing";

export default defineEventHandler(async (event) => {
  tracer.createSession({ sessionName: "chat" });
  const body = await readBody(event);
  return { answer: await tracer.startSpan("answer", async () => String(body.message)) };
});
`, { filename: "server/api/chat.post.ts", files: { "package.json": pkg({ ...HH2, nuxt: "^3.14.0" }), "nuxt.config.ts": `export default defineNuxtConfig({\n  nitro: { preset: "vercel" },\n});\n`, "lib/tracing.ts": TRACING_TS } }),
    c("SvelteKit src/routes/api/chat/+server.ts with @sveltejs/adapter-vercel in svelte.config.js", `import type { RequestHandler } from "@sveltejs/kit";
import { tracer } from "$lib/tracing";

export const POST: RequestHandler = async ({ request }) => {
  tracer.createSession({ sessionName: "chat" });
  const { message } = await request.json();
  return new Response(await tracer.startSpan("answer", async () => String(message)));
};
`, {
      filename: "src/routes/api/chat/+server.ts",
      files: { "package.json": pkg({ ...HH2, "@sveltejs/kit": "^2.9.0", "@sveltejs/adapter-vercel": "^5.5.0" }, { type: "module" }), "svelte.config.js": `import adapter from "@sveltejs/adapter-vercel";\n\nexport default { kit: { adapter: adapter({ runtime: "nodejs20.x" }) } };\n`, "src/lib/tracing.ts": TRACING_TS },
    }),
    c("Remix loader on Vercel (@vercel/remix, vercel.json) in app/routes/chat.tsx", `import type { LoaderFunctionArgs } from "@vercel/remix";
import { tracer } from "~/tracing.server";

export async function loader({ request }: LoaderFunctionArgs) {
  tracer.createSession({ sessionName: "chat" });
  const url = new URL(request.url);
  return Response.json({ answer: await tracer.startSpan("answer", async () => url.searchParams.get("q")) });
}

export default function Chat() {
  return null;
}
`, { filename: "app/routes/chat.tsx", files: { "package.json": pkg({ ...HH2, "@remix-run/react": "^2.15.0", "@vercel/remix": "^2.15.0" }, { type: "module" }), "vercel.json": JSON.stringify({ framework: "remix" }), "app/tracing.server.ts": TRACING_TS, "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "~/*": ["./app/*"] } } }) } }),
    c("SvelteKit +server.ts with adapter-auto in a project with vercel.json", `import { tracer } from "$lib/tracing";

export async function POST({ request }: { request: Request }) {
  tracer.createSession({ sessionName: "chat" });
  return new Response(await tracer.startSpan("answer", async () => request.url));
}
`, {
      filename: "src/routes/api/chat/+server.ts",
      files: { "package.json": pkg({ ...HH2, "@sveltejs/kit": "^2.9.0", "@sveltejs/adapter-auto": "^3.3.0" }, { type: "module" }), "svelte.config.js": `import adapter from "@sveltejs/adapter-auto";\n\nexport default { kit: { adapter: adapter() } };\n`, "vercel.json": "{}", "src/lib/tracing.ts": TRACING_TS },
    }),
    // A hook that runs before the route cannot flush what the route records: SvelteKit's `handle` flushing before
    // `resolve(event)`, one that does not wait for the flush, and Next.js middleware (it runs before the route and
    // returns before it; the route's spans are not yet recorded).
    c("SvelteKit on Vercel whose hooks.server.ts handle flushes before resolve(event)", SVELTE_ROUTE, {
      filename: "src/routes/api/chat/+server.ts",
      files: svelteOnVercel(`import type { Handle } from "@sveltejs/kit";\nimport { tracer } from "$lib/tracing";\n\nexport const handle: Handle = async ({ event, resolve }) => {\n  await tracer.forceFlush();\n  return resolve(event);\n};\n`),
    }),
    c("SvelteKit on Vercel whose hooks.server.ts handle starts a flush after resolve without awaiting it", SVELTE_ROUTE, {
      filename: "src/routes/api/chat/+server.ts",
      files: svelteOnVercel(`import type { Handle } from "@sveltejs/kit";\nimport { tracer } from "$lib/tracing";\n\nexport const handle: Handle = async ({ event, resolve }) => {\n  const response = await resolve(event);\n  void tracer.forceFlush();\n  return response;\n};\n`),
    }),
    c("SvelteKit on Vercel whose hooks.server.ts of another app flushes (apps/other)", SVELTE_ROUTE, {
      filename: "apps/web/src/routes/api/chat/+server.ts",
      files: {
        ...Object.fromEntries(Object.entries(svelteOnVercel("export {};\n")).map(([path, text]) => [`apps/web/${path}`, text])),
        "apps/other/src/hooks.server.ts": `import { tracer } from "./lib/tracing";\n\nexport async function handle({ event, resolve }) {\n  const response = await resolve(event);\n  await tracer.forceFlush();\n  return response;\n}\n`,
      },
    }),
    c("Next.js route on Vercel beside a middleware.ts that flushes (middleware runs before the route)", `import { tracer } from "@/lib/tracing";

export async function POST(request: Request) {
  tracer.createSession({ sessionName: "chat" });
  return Response.json({ answer: await tracer.startSpan("answer", async () => request.url) });
}
`, {
      filename: "app/api/chat/route.ts",
      files: {
        ...NEXT_VERCEL,
        "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./*"] } } }),
        "middleware.ts": `import { NextResponse, type NextRequest } from "next/server";\nimport { tracer } from "@/lib/tracing";\n\nexport async function middleware(request: NextRequest) {\n  const response = NextResponse.next();\n  await tracer.forceFlush();\n  return response;\n}\n`,
      },
    }),
    c("React Router 7 action on Netlify (@netlify/vite-plugin-react-router)", `import type { Route } from "./+types/chat";
import { tracer } from "../tracing.server";

export async function action({ request }: Route.ActionArgs) {
  tracer.createSession({ sessionName: "chat" });
  const form = await request.formData();
  return { answer: await tracer.startSpan("answer", async () => String(form.get("message"))) };
}
`, { filename: "app/routes/chat.tsx", files: { "package.json": pkg({ ...HH2, "react-router": "^7.1.0", "@netlify/vite-plugin-react-router": "^1.0.0" }, { type: "module" }), "app/tracing.server.ts": TRACING_TS } }),
    // ---- Monorepo layouts ----
    c("pnpm + Turbo monorepo: apps/api/serverless.yml names src/chat.main, the tracer from the workspace package @acme/tracing", lambdaNamed("main", "@acme/tracing"), {
      filename: "apps/api/src/chat.ts",
      files: {
        ...PNPM_WORKSPACE_ROOT,
        "apps/api/package.json": JSON.stringify({ name: "@acme/api", private: true, dependencies: { "@acme/tracing": "workspace:*", ...HH2 } }),
        "apps/api/serverless.yml": SERVERLESS_YML,
        ...WORKSPACE_TRACING,
      },
    }),
    c("npm workspaces: a Firebase app (apps/functions) imports the tracer through a tsconfig paths alias @obs/*", `import { onCall } from "firebase-functions/v2/https";
import { tracer } from "@obs/tracing";

export const chat = onCall(async (request) => {
  tracer.createSession({ sessionName: "chat" });
  return tracer.startSpan("answer", async () => String(request.data.message));
});
`, {
      filename: "apps/functions/src/index.ts",
      files: {
        ...NPM_WORKSPACE_ROOT,
        "apps/functions/package.json": pkg({ ...HH2, "firebase-functions": "^6.1.0" }, { main: "lib/index.js" }),
        "apps/functions/tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@obs/*": ["../../packages/observability/src/*"] } } }),
        "packages/observability/package.json": WORKSPACE_TRACING["packages/observability/package.json"],
        "packages/observability/src/tracing.ts": TRACING_TS,
      },
    }),
  ];
  const quiet: Case[] = [
    c("a Supabase function folder whose module defines its own Deno object (a real binding, not the runtime's)", `import { tracer } from "../_shared/tracing.ts";

const Deno = { serve(handler: (req: Request) => Promise<Response>) { return handler; } };

export const handler = Deno.serve(async (req: Request) => {
  tracer.createSession({ sessionName: "chat" });
  return Response.json({ answer: await tracer.startSpan("answer", async () => req.url) });
});
`, { filename: "supabase/functions/chat/index.ts", files: SUPABASE }),
    // Look-alikes of the CDK stack and the `paths` alias (fix-blind12): a stack that names another file, the same stack
    // without cdk.json, and a scoped package no `paths` key names (a `"*"` key is a fallback for every name, not an alias).
    c("CDK stack whose NodejsFunction entry is lambda/other.ts: lambda/chat.ts's `main` is no handler", lambdaNamed("main", "../src/tracing"), {
      filename: "lambda/chat.ts",
      files: { "package.json": pkg({ ...HH2, "aws-cdk-lib": "^2.170.0", constructs: "^10.4.2" }), "cdk.json": JSON.stringify({ app: "npx ts-node bin/app.ts" }), "lib/chat-stack.ts": CDK_STACK.replace("../lambda/chat.ts", "../lambda/other.ts"), "src/tracing.ts": TRACING_TS },
    }),
    c("a CDK-shaped stack in lib/ of a project without cdk.json (no CDK app)", lambdaNamed("main", "../src/tracing"), {
      filename: "lambda/chat.ts",
      files: { "package.json": pkg(HH2), "lib/chat-stack.ts": CDK_STACK, "src/tracing.ts": TRACING_TS },
    }),
    c("a configured Lambda imports @obs/tracing, a published package: the tsconfig's paths alias only @lib/*", `import { tracer } from "@obs/tracing";

export const main = async (event: { body: string }) => {
  tracer.createSession({ sessionName: "chat" });
  return { statusCode: 200, body: event.body };
};
`, {
      filename: "apps/api/src/chat.ts",
      files: {
        ...PNPM_WORKSPACE_ROOT,
        "apps/api/package.json": JSON.stringify({ name: "@acme/api", private: true, dependencies: { ...HH2, "@obs/tracing": "^1.0.0" } }),
        "apps/api/serverless.yml": SERVERLESS_YML,
        "apps/api/tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@lib/*": ["src/lib/*"], "*": ["types/*"] } } }),
        "apps/api/node_modules/@obs/tracing/package.json": JSON.stringify({ name: "@obs/tracing", main: "index.js" }),
        "apps/api/node_modules/@obs/tracing/index.js": TRACING_TS,
      },
    }),
    c("serverless.yml's src/chat.main flushes in finally", `import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { tracer } from "./lib/tracing";

export const main = async (event: APIGatewayProxyEventV2) => {
  try {
${LAMBDA_BODY.replace(/^/gm, "  ")}
  } finally {
    await tracer.forceFlush();
  }
};
`, { filename: "src/chat.ts", files: SLS }),
    c("middy chain with a middleware whose after awaits the flush", `import middy from "@middy/core";
import { tracer } from "./lib/tracing";

const baseHandler = async (event: { body: string }) => {
  tracer.enrichSession({ metadata: { length: event.body.length } });
  return { statusCode: 200, body: event.body };
};

export const main = middy(baseHandler).use({
  after: async () => {
    await tracer.forceFlush();
  },
});
`, { filename: "src/chat.ts", files: { ...SLS, "package.json": pkg({ ...HH2, "@middy/core": "^5.5.0" }) } }),
    c("a CLI script in a serverless project whose exported function is named handler and runs on load", `import { tracer } from "../src/lib/tracing";

export async function handler(day: string) {
  tracer.createSession({ sessionName: "backfill-" + day });
  await tracer.startSpan("backfill", async () => day);
}

handler(process.argv[2] ?? "today").then(() => tracer.forceFlush());
`, { filename: "scripts/backfill.ts", files: SLS }),
    c("a serverless.yml of another project in the tree (infra/legacy) does not make the root's src/chat.ts main a Lambda", `import { tracer } from "./lib/tracing";

export const main = async (message: string) => {
  tracer.enrichSession({ metadata: { length: message.length } });
  return tracer.startSpan("answer", async () => message.toUpperCase());
};
`, { filename: "src/chat.ts", files: { ...AWS, "infra/legacy/serverless.yml": SERVERLESS_YML, "infra/legacy/package.json": pkg({}) } }),
    c("SAM: worker/app.mjs exports lambdaHandler but the template's only function has CodeUri: chat/", `import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" });

export const lambdaHandler = async (job) => {
  tracer.enrichSession({ metadata: { id: job.id } });
  return job.id;
};
`, { filename: "worker/app.mjs", files: { "package.json": pkg(HH2, { type: "module" }), "template.yaml": SAM_TEMPLATE } }),
    c("a long-running Express server (Cloud Run) as the entry module of a Cloud Functions project: app.listen, routes registered", `import express from "express";
import { tracer } from "./tracing";

const app = express();
app.use(express.json());

export async function chat(req: express.Request, res: express.Response) {
  tracer.createSession({ sessionName: "chat" });
  res.json({ answer: await tracer.startSpan("answer", async () => String(req.body.message)) });
}

app.post("/chat", chat);
app.listen(Number(process.env.PORT ?? 8080));
`, { filename: "src/index.ts", files: { ...GCF, "package.json": pkg({ ...HH2, express: "^4.21.2", "@google-cloud/functions-framework": "^3.4.2" }, { main: "dist/index.js" }) } }),
    c("Firebase v2 onRequest that awaits the flush before res.json", `import { onRequest } from "firebase-functions/v2/https";
import { tracer } from "./tracing";

export const chat = onRequest(async (req, res) => {
  tracer.createSession({ sessionName: "chat" });
  const answer = await tracer.startSpan("answer", async () => String(req.body.message));
  await tracer.forceFlush();
  res.json({ answer });
});
`, { filename: "src/index.ts", files: FIREBASE }),
    c("Cloudflare Worker fetch handing the flush to ctx.waitUntil in finally", `import { tracer } from "./tracing";

export default {
  async fetch(request: Request, env: unknown, ctx: ExecutionContext): Promise<Response> {
    try {
      tracer.createSession({ sessionName: "chat" });
      return new Response(await tracer.startSpan("answer", async () => request.url));
    } finally {
      ctx.waitUntil(tracer.forceFlush());
    }
  },
} satisfies ExportedHandler;
`, { filename: "src/index.ts", files: WORKERS }),
    c("Vercel api/chat.ts POST with waitUntil(tracer.forceFlush()) from @vercel/functions", `import { waitUntil } from "@vercel/functions";
import { tracer } from "../lib/tracing";

export async function POST(request: Request) {
  try {
    tracer.createSession({ sessionName: "chat" });
    return Response.json({ answer: await tracer.startSpan("answer", async () => request.url) });
  } finally {
    waitUntil(tracer.forceFlush());
  }
}
`, { filename: "api/chat.ts", files: VERCEL }),
    c("Next.js route handler of a self-hosted standalone build (Dockerfile, next start): no serverless signal", `import { tracer } from "../../../lib/tracing";

export async function POST(request: Request) {
  tracer.createSession({ sessionName: "chat" });
  return Response.json({ answer: await tracer.startSpan("answer", async () => request.url) });
}
`, { filename: "app/api/chat/route.ts", files: NEXT_SELF_HOSTED }),
    c("a Netlify Edge Function (netlify/edge-functions): a request handler, not a flush entry point", `import type { Context } from "@netlify/edge-functions";
import { tracer } from "../lib/tracing.ts";

export default async (request: Request, context: Context) => {
  tracer.createSession({ sessionName: "edge" });
  return new Response(await tracer.startSpan("edge", async () => request.url));
};
`, { filename: "netlify/edge-functions/chat.ts", files: NETLIFY }),
    c("netlify/functions/chat.mts when netlify.toml moves the functions folder to src/fns", `import { tracer } from "../lib/tracing";

export default async (req: Request) => {
  tracer.createSession({ sessionName: "old" });
  return new Response(await tracer.startSpan("answer", async () => req.url));
};
`, { filename: "netlify/functions/chat.mts", files: { ...NETLIFY, "netlify.toml": `[functions]\n  directory = "src/fns"\n` } }),
    c("Azure Functions v4 app.http handler that flushes in finally", `import { app, type HttpRequest } from "@azure/functions";
import { tracer } from "../tracing";

app.http("chat", {
  methods: ["POST"],
  handler: async (request: HttpRequest) => {
    try {
      tracer.createSession({ sessionName: "chat" });
      return { jsonBody: { answer: await tracer.startSpan("answer", async () => request.url) } };
    } finally {
      await tracer.forceFlush();
    }
  },
});
`, { filename: "src/functions/chat.ts", files: AZURE_V4 }),
    c("serverless.yml's src/chat.main that uses no tracer", `import type { APIGatewayProxyEventV2 } from "aws-lambda";

export const main = async (event: APIGatewayProxyEventV2) => {
  return { statusCode: 200, body: String(event.body ?? "") };
};
`, { filename: "src/chat.ts", files: SLS }),
    c("a workspace @acme/tracing package that exports a dd-trace tracer (another vendor) used by a configured Lambda", `import { tracer } from "@acme/tracing";

export const main = async (event: { body: string }) => {
  return tracer.trace("chat", async () => ({ statusCode: 200, body: event.body }));
};
`, {
      filename: "apps/api/src/chat.ts",
      files: {
        ...PNPM_WORKSPACE_ROOT,
        "apps/api/package.json": JSON.stringify({ name: "@acme/api", private: true, dependencies: { "@acme/tracing": "workspace:*", ...HH2 } }),
        "apps/api/serverless.yml": SERVERLESS_YML,
        ...WORKSPACE_DD_TRACING,
      },
    }),
    c("a Cloudflare Durable Object's fetch (not an entry point that is cancelled after the response)", `import { DurableObject } from "cloudflare:workers";
import { tracer } from "./tracing";

export class ChatRoom extends DurableObject {
  async fetch(request: Request): Promise<Response> {
    tracer.createSession({ sessionName: "room" });
    return new Response(await tracer.startSpan("room", async () => request.url));
  }
}
`, { filename: "src/room.ts", files: WORKERS }),
    c("a Vercel api/_lib helper module (underscore folder: no function)", `import { tracer } from "../../lib/tracing";

export default async function answer(request: Request) {
  tracer.enrichSession({ metadata: { url: request.url } });
  return tracer.startSpan("answer", async () => request.url);
}
`, { filename: "api/_lib/answer.ts", files: VERCEL }),
    c("SvelteKit +server.ts with adapter-node (a Node server)", `import { tracer } from "$lib/tracing";

export async function POST({ request }: { request: Request }) {
  tracer.createSession({ sessionName: "chat" });
  return new Response(await tracer.startSpan("answer", async () => request.url));
}
`, {
      filename: "src/routes/api/chat/+server.ts",
      files: { "package.json": pkg({ ...HH2, "@sveltejs/kit": "^2.9.0", "@sveltejs/adapter-node": "^5.2.0" }, { type: "module" }), "svelte.config.js": `import adapter from "@sveltejs/adapter-node";\n\nexport default { kit: { adapter: adapter() } };\n`, "src/lib/tracing.ts": TRACING_TS },
    }),
    c("SvelteKit +server.ts with adapter-auto and no host file (the host is not known)", `import { tracer } from "$lib/tracing";

export async function POST({ request }: { request: Request }) {
  tracer.createSession({ sessionName: "chat" });
  return new Response(await tracer.startSpan("answer", async () => request.url));
}
`, {
      filename: "src/routes/api/chat/+server.ts",
      files: { "package.json": pkg({ ...HH2, "@sveltejs/kit": "^2.9.0", "@sveltejs/adapter-auto": "^3.3.0" }, { type: "module" }), "svelte.config.js": `import adapter from "@sveltejs/adapter-auto";\n\nexport default { kit: { adapter: adapter() } };\n`, "src/lib/tracing.ts": TRACING_TS },
    }),
    c("SvelteKit on Vercel whose route hands the flush to waitUntil from @vercel/functions", `import { waitUntil } from "@vercel/functions";
import { tracer } from "$lib/tracing";

export async function POST({ request }: { request: Request }) {
  try {
    tracer.createSession({ sessionName: "chat" });
    return new Response(await tracer.startSpan("answer", async () => request.url));
  } finally {
    waitUntil(tracer.forceFlush());
  }
}
`, {
      filename: "src/routes/api/chat/+server.ts",
      files: { "package.json": pkg({ ...HH2, "@sveltejs/kit": "^2.9.0", "@sveltejs/adapter-vercel": "^5.5.0", "@vercel/functions": "^1.5.0" }, { type: "module" }), "svelte.config.js": `import adapter from "@sveltejs/adapter-vercel";\n\nexport default { kit: { adapter: adapter() } };\n`, "src/lib/tracing.ts": TRACING_TS },
    }),
    // SvelteKit runs every request through hooks.server.ts `handle`, which awaits the route's response at
    // `resolve(event)` (kit.svelte.dev/docs/hooks#Server-hooks-handle): a flush awaited after it covers the app's routes.
    c("SvelteKit on Vercel whose hooks.server.ts handle awaits resolve(event), then forceFlush", SVELTE_ROUTE, {
      filename: "src/routes/api/chat/+server.ts",
      files: svelteOnVercel(`import type { Handle } from "@sveltejs/kit";\nimport { tracer } from "$lib/tracing";\n\nexport const handle: Handle = async ({ event, resolve }) => {\n  const response = await resolve(event);\n  await tracer.forceFlush();\n  return response;\n};\n`),
    }),
    c("SvelteKit on Vercel whose hooks.server.ts handle flushes in finally around resolve(event)", SVELTE_ROUTE, {
      filename: "src/routes/api/chat/+server.ts",
      files: svelteOnVercel(`import type { Handle } from "@sveltejs/kit";\nimport { tracer } from "$lib/tracing";\n\nexport const handle: Handle = async ({ event, resolve }) => {\n  try {\n    return await resolve(event);\n  } finally {\n    await tracer.forceFlush();\n  }\n};\n`),
    }),
    c("a Remix app served by Express (@remix-run/express): loaders run in a long-running server", `import type { LoaderFunctionArgs } from "@remix-run/node";
import { tracer } from "~/tracing.server";

export async function loader({ request }: LoaderFunctionArgs) {
  tracer.createSession({ sessionName: "chat" });
  return Response.json({ answer: await tracer.startSpan("answer", async () => request.url) });
}
`, { filename: "app/routes/chat.tsx", files: { "package.json": pkg({ ...HH2, "@remix-run/node": "^2.15.0", "@remix-run/express": "^2.15.0", express: "^4.21.2" }, { type: "module" }), "server.js": `import express from "express";\nimport { createRequestHandler } from "@remix-run/express";\n\nconst app = express();\napp.all("*", createRequestHandler({ build: await import("./build/server/index.js") }));\napp.listen(3000);\n`, "app/tracing.server.ts": TRACING_TS, "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "~/*": ["./app/*"] } } }) } }),
    c("a Deno Deploy server's Deno.serve (main.ts, no Supabase functions folder): a long-running isolate", `import { tracer } from "./tracing.ts";

Deno.serve(async (req: Request) => {
  tracer.createSession({ sessionName: "chat" });
  return new Response(await tracer.startSpan("answer", async () => req.url));
});
`, { filename: "main.ts", files: { "deno.json": JSON.stringify({ imports: { honeyhive: "npm:honeyhive@2" } }), "tracing.ts": TRACING_TS } }),
    c("a dev server in supabase/functions/_shared (no function of its own)", `import { tracer } from "./tracing.ts";

Deno.serve(async (req: Request) => {
  tracer.createSession({ sessionName: "dev" });
  return new Response(await tracer.startSpan("answer", async () => req.url));
});
`, { filename: "supabase/functions/_shared/dev-server.ts", files: SUPABASE }),
    c("a Bun server (export default { port, fetch }) in a workspace app beside a serverless app", `import { tracer } from "@acme/tracing";

export default {
  port: 3000,
  async fetch(request: Request) {
    tracer.createSession({ sessionName: "bun" });
    return new Response(await tracer.startSpan("answer", async () => request.url));
  },
};
`, {
      filename: "apps/server/src/index.ts",
      files: {
        ...PNPM_WORKSPACE_ROOT,
        "apps/server/package.json": JSON.stringify({ name: "@acme/server", private: true, dependencies: { "@acme/tracing": "workspace:*" }, devDependencies: { "@types/bun": "^1.1.0" } }),
        "apps/api/serverless.yml": SERVERLESS_YML,
        ...WORKSPACE_TRACING,
      },
    }),
  ];
  describeCases(FLUSH_RULE, flushRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// no-session-start-in-handler: serverless platforms are listed among the handlers ("per-invocation state in an
// instance that outlives the invocation"); the seeds: "Don't use session_start() for web servers ... Use
// create_session()". A module-level start in a Lambda runs once per container; a script may use it.
describe(`${SESSION_START_RULE} (blind 12, platforms and deployment config)`, () => {
  const sessionStartIn = (body: string): string => body.replace(/createSession/g, "sessionStart");
  const reported: Case[] = [
    c("serverless.yml's src/chat.main calls sessionStart per invocation", sessionStartIn(lambdaNamed("main").replace("tracer.enrichSession({ metadata: { path: event.rawPath } });", "tracer.createSession({ sessionName: event.rawPath });")), { filename: "src/chat.ts", files: SLS }),
    c("Firebase v2 onRequest calls sessionStart", `import { onRequest } from "firebase-functions/v2/https";
import { tracer } from "./tracing";

export const chat = onRequest(async (req, res) => {
  tracer.sessionStart({ sessionName: "chat" });
  res.json({ ok: true });
});
`, { filename: "src/index.ts", files: FIREBASE }),
    c("Azure Functions v4 app.http handler calls sessionStart", `import { app } from "@azure/functions";
import { tracer } from "../tracing";

app.http("chat", {
  handler: async () => {
    tracer.sessionStart({ sessionName: "chat" });
    return { body: "ok" };
  },
});
`, { filename: "src/functions/chat.ts", files: AZURE_V4 }),
    c("Cloudflare Worker (wrangler.jsonc) fetch calls sessionStart", `import { tracer } from "./tracing";

export default {
  async fetch(request: Request, env: unknown, ctx: ExecutionContext): Promise<Response> {
    tracer.sessionStart({ sessionName: "chat" });
    return new Response(request.url);
  },
};
`, { filename: "src/index.ts", files: WORKERS_JSONC }),
    c("Supabase edge function Deno.serve calls sessionStart", `import { tracer } from "../_shared/tracing.ts";

Deno.serve(async (req: Request) => {
  tracer.sessionStart({ sessionName: "chat" });
  return new Response(req.url);
});
`, { filename: "supabase/functions/chat/index.ts", files: SUPABASE }),
    c("Nuxt server/api handler of a Turbo app, tracer from the workspace package @acme/tracing", `import { tracer } from "@acme/tracing";

export default defineEventHandler(async (event) => {
  tracer.sessionStart({ sessionName: event.path });
  return { ok: true };
});
`, {
      filename: "apps/web/server/api/chat.post.ts",
      files: {
        ...PNPM_WORKSPACE_ROOT,
        "apps/web/package.json": JSON.stringify({ name: "@acme/web", private: true, dependencies: { "@acme/tracing": "workspace:*", nuxt: "^3.14.0" } }),
        "apps/web/nuxt.config.ts": `export default defineNuxtConfig({});\n`,
        ...WORKSPACE_TRACING,
      },
    }),
  ];
  const quiet: Case[] = [
    c("a CLI script's exported handler (run on load) calls sessionStart: one run, one session", `import { tracer } from "../src/lib/tracing";

export async function handler() {
  tracer.sessionStart({ sessionName: "backfill" });
  await tracer.forceFlush();
}

await handler();
`, { filename: "scripts/backfill.ts", files: { ...SLS, "package.json": pkg(HH2, { type: "module" }) } }),
    c("serverless.yml's src/chat.main creates a request-scoped session (createSession)", `import { tracer } from "./lib/tracing";

export const main = async (event: { rawPath: string }) => {
  try {
    tracer.createSession({ sessionName: event.rawPath });
    return { statusCode: 200 };
  } finally {
    await tracer.forceFlush();
  }
};
`, { filename: "src/chat.ts", files: SLS }),
    c("a MongoDB client.startSession() inside a configured Lambda (another library's session)", `import { MongoClient } from "mongodb";

const client = new MongoClient(process.env.MONGO_URL ?? "");

export const main = async (event: { id: string }) => {
  const session = client.startSession();
  try {
    await session.withTransaction(async () => client.db().collection("chats").insertOne({ id: event.id }, { session }));
  } finally {
    await session.endSession();
  }
  return { statusCode: 200 };
};
`, { filename: "src/chat.ts", files: { ...SLS, "package.json": pkg({ ...HH2, mongodb: "^6.11.0" }) } }),
    c("sessionStart at module level of a Lambda file (once per container, not per invocation)", `import { tracer } from "./lib/tracing";

tracer.sessionStart({ sessionName: "cold-start" });

export const main = async () => {
  try {
    return { statusCode: 200 };
  } finally {
    await tracer.forceFlush();
  }
};
`, { filename: "src/chat.ts", files: SLS }),
  ];
  describeCases(SESSION_START_RULE, sessionStartRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// no-tracer-init-in-handler: "inside a serverless entry point (AWS Lambda, Google Cloud Functions, Azure Functions,
// Netlify, Vercel, Cloudflare Workers, serverless Next.js)"; the seeds: "Lambda and other serverless runtimes:
// lazy-init outside the handler".
describe(`${INIT_RULE} (blind 12, platforms and deployment config)`, () => {
  const INIT = `HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" })`;
  const reported: Case[] = [
    c("serverless.yml's src/chat.main makes a tracer per invocation", `import { HoneyHiveTracer } from "honeyhive";

export const main = async (event: { body: string }) => {
  const tracer = ${INIT};
  try {
    return await tracer.startSpan("answer", async () => event.body);
  } finally {
    await tracer.forceFlush();
  }
};
`, { filename: "src/chat.ts", files: SLS }),
    c("SAM app.lambdaHandler (chat/app.mjs) makes a tracer per invocation", `import { HoneyHiveTracer } from "honeyhive";

export const lambdaHandler = async (event) => {
  const tracer = ${INIT};
  tracer.enrichSession({ metadata: { path: event.path } });
  await tracer.forceFlush();
  return { statusCode: 200 };
};
`, { filename: "chat/app.mjs", files: { "package.json": pkg(HH2, { type: "module" }), "template.yaml": SAM_TEMPLATE } }),
    c("Firebase v1 https.onCall (firebase-functions/v1) makes a tracer per call", `import * as functions from "firebase-functions/v1";
import { HoneyHiveTracer } from "honeyhive";

export const chat = functions.https.onCall(async (data: { message: string }) => {
  const tracer = ${INIT};
  try {
    return await tracer.startSpan("answer", async () => data.message);
  } finally {
    await tracer.forceFlush();
  }
});
`, { filename: "src/index.ts", files: FIREBASE }),
    c("Cloudflare Worker (wrangler.toml) fetch makes a tracer from env per request", `import { HoneyHiveTracer } from "honeyhive";

interface Env { HH_API_KEY: string }

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const tracer = HoneyHiveTracer.init({ apiKey: env.HH_API_KEY, project: "support" });
    try {
      return new Response(await tracer.startSpan("answer", async () => request.url));
    } finally {
      ctx.waitUntil(tracer.forceFlush());
    }
  },
};
`, { filename: "src/index.ts", files: WORKERS }),
    c("Netlify function (netlify/functions/chat/index.mts, subfolder entry) makes a tracer per request", `import { HoneyHiveTracer } from "honeyhive";

export default async (req: Request) => {
  const tracer = ${INIT};
  try {
    return new Response(await tracer.startSpan("answer", async () => req.url));
  } finally {
    await tracer.forceFlush();
  }
};
`, { filename: "netlify/functions/chat/index.mts", files: NETLIFY }),
    c("Azure Functions v3 (function.json folder) makes a tracer per invocation", `const { HoneyHiveTracer } = require("honeyhive");

module.exports = async function (context, req) {
  const tracer = ${INIT};
  context.res = { body: await tracer.startSpan("answer", async () => req.body) };
  await tracer.forceFlush();
};
`, { filename: "chat/index.js", files: AZURE_V3 }),
  ];
  const quiet: Case[] = [
    c("the seed's lazy getter: getTracer() of the project's module in a configured Lambda", `import { getTracer } from "./lib/getter";

export const main = async (event: { body: string }) => {
  const tracer = getTracer();
  try {
    return await tracer.startSpan("answer", async () => event.body);
  } finally {
    await tracer.forceFlush();
  }
};
`, { filename: "src/chat.ts", files: { ...SLS, "src/lib/getter.ts": GETTER_TS } }),
    c("a Worker caching the tracer made from env in a module variable (tracer ??= …)", `import { HoneyHiveTracer } from "honeyhive";

interface Env { HH_API_KEY: string }
let tracer: HoneyHiveTracer | undefined;

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    tracer ??= HoneyHiveTracer.init({ apiKey: env.HH_API_KEY, project: "support" });
    const current = tracer;
    try {
      return new Response(await current.startSpan("answer", async () => request.url));
    } finally {
      ctx.waitUntil(current.forceFlush());
    }
  },
};
`, { filename: "src/index.ts", files: WORKERS }),
    c("a CLI script's exported handler (run on load) makes its tracer", `import { HoneyHiveTracer } from "honeyhive";

export async function handler() {
  const tracer = ${INIT};
  await tracer.startSpan("backfill", async () => 1);
  await tracer.forceFlush();
}

await handler();
`, { filename: "scripts/backfill.ts", files: { ...SLS, "package.json": pkg(HH2, { type: "module" }) } }),
    c("a tracer made at module level of a Firebase functions index (once per instance)", `import { onCall } from "firebase-functions/v2/https";
import { HoneyHiveTracer } from "honeyhive";

const tracer = ${INIT};

export const chat = onCall(async (request) => {
  try {
    tracer.createSession({ sessionName: "chat" });
    return await tracer.startSpan("answer", async () => String(request.data.message));
  } finally {
    await tracer.forceFlush();
  }
});
`, { filename: "src/index.ts", files: FIREBASE }),
  ];
  describeCases(INIT_RULE, initRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// require-valid-session-id with ids carried by the platform's event: "a serverless event" is input (a Lambda event
// `holds: input`, an SQS or Kinesis batch's records); the seeds: "If receiving session_id from external source,
// validate it's UUID v4". Not input: what the runtime sets (`context.awsRequestId`), a converted id.
describe(`${SESSION_ID_RULE} (blind 12, platforms and deployment config)`, () => {
  const flushed = (name: string, params: string, body: string, imports = ""): string => `${imports}import { tracer } from "./lib/tracing";

export const ${name} = async (${params}) => {
  try {
${body}
    return { statusCode: 200 };
  } finally {
    await tracer.forceFlush();
  }
};
`;
  const reported: Case[] = [
    c("serverless.yml's src/chat.main joins the session of the x-session-id header", flushed("main", "event: { headers: Record<string, string | undefined> }", `    tracer.createSession({ sessionId: event.headers["x-session-id"], skipApiCall: true });`), { filename: "src/chat.ts", files: SLS }),
    c("an SQS record's message attribute (SAM lambdaHandler over event.Records)", `import { tracer } from "./tracing.mjs";

export const lambdaHandler = async (event) => {
  try {
    for (const record of event.Records) {
      tracer.createSession({ sessionId: record.messageAttributes.sessionId.stringValue, skipApiCall: true });
    }
  } finally {
    await tracer.forceFlush();
  }
};
`, { filename: "chat/app.mjs", files: { "package.json": pkg(HH2, { type: "module" }), "template.yaml": SAM_TEMPLATE, "chat/tracing.mjs": TRACING_TS.replace(": HoneyHiveTracer", "") } }),
    c("Firebase v2 onCall: request.data.sessionId", `import { onCall } from "firebase-functions/v2/https";
import { tracer } from "./tracing";

export const chat = onCall(async (request) => {
  try {
    tracer.createSession({ sessionId: request.data.sessionId, skipApiCall: true });
    return { ok: true };
  } finally {
    await tracer.forceFlush();
  }
});
`, { filename: "src/index.ts", files: FIREBASE }),
    c("Azure Functions v4 app.http: request.headers.get(\"x-session-id\")", `import { app, type HttpRequest } from "@azure/functions";
import { tracer } from "../tracing";

app.http("chat", {
  handler: async (request: HttpRequest) => {
    try {
      tracer.createSession({ sessionId: request.headers.get("x-session-id") ?? undefined, skipApiCall: true });
      return { body: "ok" };
    } finally {
      await tracer.forceFlush();
    }
  },
});
`, { filename: "src/functions/chat.ts", files: AZURE_V4 }),
    c("Cloudflare Worker fetch: a query parameter of request.url", `import { tracer } from "./tracing";

export default {
  async fetch(request: Request, env: unknown, ctx: ExecutionContext): Promise<Response> {
    const sessionId = new URL(request.url).searchParams.get("sid") ?? undefined;
    try {
      tracer.createSession({ sessionId, skipApiCall: true });
      return new Response("ok");
    } finally {
      ctx.waitUntil(tracer.forceFlush());
    }
  },
};
`, { filename: "src/index.ts", files: WORKERS }),
    c("Supabase edge function Deno.serve: the x-session-id header", `import { tracer } from "../_shared/tracing.ts";

Deno.serve(async (req: Request) => {
  tracer.createSession({ sessionId: req.headers.get("x-session-id") ?? undefined, skipApiCall: true });
  return new Response("ok");
});
`, { filename: "supabase/functions/chat/index.ts", files: SUPABASE }),
  ];
  const quiet: Case[] = [
    c("serverless.yml's main converts the header with toSessionId()", flushed("main", "event: { headers: Record<string, string | undefined> }", `    tracer.createSession({ sessionId: toSessionId(event.headers["x-session-id"] ?? "anonymous"), skipApiCall: true });`, `import { toSessionId } from "honeyhive";\n`), { filename: "src/chat.ts", files: SLS }),
    c("serverless.yml's main checks isSessionId() before joining", flushed("main", "event: { headers: Record<string, string | undefined> }", `    const sid = event.headers["x-session-id"];
    if (!sid || !isSessionId(sid)) return { statusCode: 400 };
    tracer.createSession({ sessionId: sid, skipApiCall: true });`, `import { isSessionId } from "honeyhive";\n`), { filename: "src/chat.ts", files: SLS }),
    c("the Lambda runtime's own request id (context.awsRequestId) as the session id", flushed("main", "event: unknown, context: { awsRequestId: string }", `    tracer.createSession({ sessionId: context.awsRequestId, sessionName: "chat" });`), { filename: "src/chat.ts", files: SLS }),
    c("a Firebase onCall that makes a fresh id (randomUUID) and returns it", `import { randomUUID } from "node:crypto";
import { onCall } from "firebase-functions/v2/https";
import { tracer } from "./tracing";

export const chat = onCall(async () => {
  const sessionId = randomUUID();
  try {
    tracer.createSession({ sessionId, sessionName: "chat" });
    return { sessionId };
  } finally {
    await tracer.forceFlush();
  }
});
`, { filename: "src/index.ts", files: FIREBASE }),
  ];
  describeCases(SESSION_ID_RULE, sessionIdRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// no-lost-session-context on apps served serverless: a session created in a timer or promise callback while `next()`
// runs outside it, or after an `await` in a Fastify hook, never reaches the handler's spans. The platform does not
// change that; the same apps with the session created before `next()` are quiet.
describe(`${LOST_CONTEXT_RULE} (blind 12, apps served serverless)`, () => {
  const reported: Case[] = [
    c("Express on Lambda (serverless-http): the session created in a .then callback, next() outside it", `import express from "express";
import serverless from "serverless-http";
import { tracer } from "./lib/tracing";

const app = express();
app.use((req, _res, next) => {
  Promise.resolve(req.get("x-user")).then((user) => {
    tracer.createSession({ sessionName: "user-" + user });
  });
  next();
});
app.post("/chat", async (req, res) => {
  res.json({ answer: await tracer.startSpan("answer", async () => req.body) });
});

export const main = serverless(app);
`, { filename: "src/app.ts", files: { ...SLS, "package.json": pkg({ ...HH2, express: "^4.21.2", "serverless-http": "^3.2.0" }) } }),
    c("Fastify on Lambda (@fastify/aws-lambda): onRequest hook creates the session after an await", `import Fastify from "fastify";
import awsLambdaFastify from "@fastify/aws-lambda";
import { tracer } from "./lib/tracing";

const app = Fastify();
app.addHook("onRequest", async (request) => {
  await Promise.resolve(request.headers["x-user"]);
  tracer.createSession({ sessionName: "chat" });
});
app.post("/chat", async (request) => tracer.startSpan("answer", async () => request.body));

export const main = awsLambdaFastify(app);
`, { filename: "src/app.ts", files: { ...SLS, "package.json": pkg({ ...HH2, fastify: "^5.2.0", "@fastify/aws-lambda": "^5.0.0" }) } }),
    c("Hono on Cloudflare Workers: the session created in a setTimeout callback, await next() outside it", `import { Hono } from "hono";
import { tracer } from "./tracing";

const app = new Hono();
app.use(async (c, next) => {
  setTimeout(() => tracer.createSession({ sessionName: c.req.path }), 0);
  await next();
});
app.post("/chat", async (c) => c.json({ answer: await tracer.startSpan("answer", async () => c.req.path) }));

export default app;
`, { filename: "src/index.ts", files: { ...WORKERS, "package.json": pkg({ ...HH2, hono: "^4.7.0" }, { devDependencies: { wrangler: "^3.90.0" } }) } }),
  ];
  const quiet: Case[] = [
    c("Express on Lambda (serverless-http): await, then createSession and next() in the same execution", `import express from "express";
import serverless from "serverless-http";
import { tracer } from "./lib/tracing";

const app = express();
app.use(async (req, _res, next) => {
  const user = await Promise.resolve(req.get("x-user"));
  tracer.createSession({ sessionName: "user-" + user });
  next();
});
app.post("/chat", async (req, res) => {
  res.json({ answer: await tracer.startSpan("answer", async () => req.body) });
});

export const main = serverless(app);
`, { filename: "src/app.ts", files: { ...SLS, "package.json": pkg({ ...HH2, express: "^4.21.2", "serverless-http": "^3.2.0" }) } }),
    c("Hono on Cloudflare Workers: createSession before await next()", `import { Hono } from "hono";
import { tracer } from "./tracing";

const app = new Hono();
app.use(async (c, next) => {
  tracer.createSession({ sessionName: c.req.path });
  await next();
});
app.post("/chat", async (c) => c.json({ answer: await tracer.startSpan("answer", async () => c.req.path) }));

export default app;
`, { filename: "src/index.ts", files: { ...WORKERS, "package.json": pkg({ ...HH2, hono: "^4.7.0" }, { devDependencies: { wrangler: "^3.90.0" } }) } }),
  ];
  describeCases(LOST_CONTEXT_RULE, lostContextRule as AnyRule, { reported, quiet });
});
