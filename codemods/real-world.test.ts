// The codemod engine on shapes from public projects (reconstructed, not copied): handlers written
// apart from their registration, Lambda exports the runtime calls in less common ways, syntax that only
// recent TypeScript parses (decorators with `accessor`, `satisfies`, `using`), files it must refuse to
// touch (Flow, syntax errors, a `<Type>` cast in a .tsx file, JSX in a .ts file), and look-alikes of the
// SDK that must stay byte-identical. Every rewrite is checked for the exact output, for idempotence, and
// against the rules (they report nothing on what the codemod wrote).
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../rules/index.js";
import { runTransforms } from "./engine/engine.js";

const linter = new Linter({ configType: "flat" });

/** Every finding of the plugin's rules on `text`, as `line:column ruleId`. */
function findings(text: string, filename: string): string[] {
  const config = [
    {
      ...plugin.configs.all,
      files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"],
      // typescript-eslint's parser type is not ESLint's own; the object is the same at runtime.
      languageOptions: { parser: tsParser as unknown as Linter.Parser },
    },
  ] as unknown as Linter.Config[];
  return linter.verify(text, config, filename).map((message) => `${message.line}:${message.column} ${message.ruleId ?? "fatal"}`);
}

const TRACER = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;

interface Rewrite {
  readonly shape: string;
  readonly filename: string;
  readonly before: string;
  readonly after: string;
  readonly applied: readonly string[];
}

const rewrites: Rewrite[] = [
  {
    shape: "Express controller in its own file, typed (req: Request, res: Response)",
    filename: "src/controllers/chat.ts",
    before: `${TRACER}import type { Request, Response } from "express";\n\nexport async function createChat(req: Request, res: Response) {\n  tracer.sessionStart({ sessionName: "chat" });\n  res.json({ ok: true });\n}\n`,
    after: `${TRACER}import type { Request, Response } from "express";\n\nexport async function createChat(req: Request, res: Response) {\n  tracer.createSession({ sessionName: "chat" });\n  res.json({ ok: true });\n}\n`,
    applied: ["session-start-to-create-session"],
  },
  {
    shape: "Hono createMiddleware from hono/factory",
    filename: "src/middleware/session.ts",
    before: `${TRACER}import { createMiddleware } from "hono/factory";\nexport const session = createMiddleware(async (c, next) => {\n  tracer.sessionStart();\n  await next();\n});\n`,
    after: `${TRACER}import { createMiddleware } from "hono/factory";\nexport const session = createMiddleware(async (c, next) => {\n  tracer.createSession();\n  await next();\n});\n`,
    applied: ["session-start-to-create-session"],
  },
  {
    shape: "Next.js server actions file",
    filename: "app/actions.ts",
    before: `"use server";\n${TRACER}export async function sendMessage(formData: FormData) {\n  tracer.sessionStart();\n  return formData.get("text");\n}\n`,
    after: `"use server";\n${TRACER}export async function sendMessage(formData: FormData) {\n  tracer.createSession();\n  return formData.get("text");\n}\n`,
    applied: ["session-start-to-create-session"],
  },
  {
    shape: "streaming Lambda: awslambda.streamifyResponse(async (event, responseStream, context) => …)",
    filename: "src/stream.ts",
    before: `${TRACER}export const handler = awslambda.streamifyResponse(async (event, responseStream, context) => {\n  tracer.createSession();\n  responseStream.end();\n});\n`,
    after: `${TRACER}export const handler = awslambda.streamifyResponse(async (event, responseStream, context) => {\n  try {\n    tracer.createSession();\n    responseStream.end();\n  } finally {\n    await tracer.forceFlush();\n  }\n});\n`,
    applied: ["lambda-force-flush"],
  },
  {
    shape: "Lambda checked with `satisfies Handler`",
    filename: "src/satisfies.ts",
    before: `${TRACER}import type { Handler } from "aws-lambda";\nexport const handler = (async (event) => {\n  tracer.createSession();\n  return { statusCode: 200 };\n}) satisfies Handler;\n`,
    after: `${TRACER}import type { Handler } from "aws-lambda";\nexport const handler = (async (event) => {\n  try {\n    tracer.createSession();\n    return { statusCode: 200 };\n  } finally {\n    await tracer.forceFlush();\n  }\n}) satisfies Handler;\n`,
    applied: ["lambda-force-flush"],
  },
  {
    shape: "Lambda with `using` / `await using` declarations (TS 5.2+)",
    filename: "src/using.ts",
    before: `${TRACER}export const handler = async (event) => {\n  await using db = await connect();\n  tracer.createSession();\n  return db.query(event.sql);\n};\n`,
    after: `${TRACER}export const handler = async (event) => {\n  try {\n    await using db = await connect();\n    tracer.createSession();\n    return await db.query(event.sql);\n  } finally {\n    await tracer.forceFlush();\n  }\n};\n`,
    applied: ["lambda-force-flush"],
  },
  {
    shape: "TC39 decorator next to an `accessor` field",
    filename: "src/agent.ts",
    before: `import { HoneyHiveTracer, trace } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nexport class Agent {\n  accessor calls = 0;\n  @trace({ eventType: "tool" })\n  async run(query: string) {\n    return query;\n  }\n}\n`,
    after: `import { HoneyHiveTracer, trace } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nexport class Agent {\n  accessor calls = 0;\n  @trace({ eventType: "tool", tracer })\n  async run(query: string) {\n    return query;\n  }\n}\n`,
    applied: ["explicit-tracer"],
  },
  {
    shape: "old-style `<Type>expr` cast in a .ts file",
    filename: "src/cast.ts",
    before: `import { HoneyHiveTracer, trace } from "honeyhive";\nconst tracer = <HoneyHiveTracer>HoneyHiveTracer.init();\nexport const lookup = trace(async (id: string) => <string>id);\n`,
    after: `import { HoneyHiveTracer, trace } from "honeyhive";\nconst tracer = <HoneyHiveTracer>HoneyHiveTracer.init();\nexport const lookup = trace({ tracer }, async (id: string) => <string>id);\n`,
    applied: ["explicit-tracer"],
  },
  {
    shape: "a .js React file with JSX (parsed as JSX)",
    filename: "src/components/Answer.js",
    before: `import { HoneyHiveTracer, trace } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nexport const Answer = trace(({ text }) => <p className="answer">{text}</p>);\n`,
    after: `import { HoneyHiveTracer, trace } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nexport const Answer = trace({ tracer }, ({ text }) => <p className="answer">{text}</p>);\n`,
    applied: ["explicit-tracer"],
  },
  {
    shape: "a CLI script with a hashbang line (.mjs)",
    filename: "scripts/summarize.mjs",
    before: `#!/usr/bin/env node\nimport { HoneyHiveTracer, trace } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nconst summarize = trace(async (text) => text.slice(0, 80));\nconsole.log(await summarize(process.argv[2]));\n`,
    after: `#!/usr/bin/env node\nimport { HoneyHiveTracer, trace } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nconst summarize = trace({ tracer }, async (text) => text.slice(0, 80));\nconsole.log(await summarize(process.argv[2]));\n`,
    applied: ["explicit-tracer"],
  },
  {
    shape: "Windows line endings and a byte-order mark are kept",
    filename: "src/crlf.ts",
    before: `\uFEFF${TRACER.replaceAll("\n", "\r\n")}export const handler = async (event) => {\r\n  tracer.createSession();\r\n  return 1;\r\n};\r\n`,
    after: `\uFEFF${TRACER.replaceAll("\n", "\r\n")}export const handler = async (event) => {\r\n  try {\r\n    tracer.createSession();\r\n    return 1;\r\n  } finally {\r\n    await tracer.forceFlush();\r\n  }\r\n};\r\n`,
    applied: ["lambda-force-flush"],
  },
];

describe("rewrites of real-world shapes", () => {
  it.each(rewrites)("$shape", ({ filename, before, after, applied }) => {
    expect(findings(before, filename)).not.toEqual([]);
    const first = runTransforms(before, filename);
    expect(first.error).toBeUndefined();
    expect(first.applied).toEqual(applied);
    expect(first.output).toBe(after);
    const second = runTransforms(first.output, filename);
    expect(second.changed).toBe(false);
    expect(second.output).toBe(after);
    expect(findings(after, filename)).toEqual([]);
  });
});

// Code that looks like SDK usage but is not, or that the rules accept: the engine leaves every byte.
const untouched: Array<{ shape: string; filename: string; source: string }> = [
  {
    shape: "OpenTelemetry's trace and tracer in a Lambda",
    filename: "src/otel.ts",
    source: `import { trace } from "@opentelemetry/api";\nconst tracer = trace.getTracer("orders");\nexport const handler = async (event) => tracer.startActiveSpan("order", async (span) => {\n  span.end();\n  return { statusCode: 200 };\n});\n`,
  },
  {
    shape: "Langfuse in a Lambda, flushAsync",
    filename: "src/langfuse.ts",
    source: `import { Langfuse } from "langfuse";\nconst langfuse = new Langfuse();\nexport const handler = async (event) => {\n  langfuse.trace({ name: "lambda", sessionId: event.id });\n  await langfuse.flushAsync();\n  return 1;\n};\n`,
  },
  {
    shape: "LangSmith's evaluate and traceable next to a HoneyHive tracer",
    filename: "eval/run.ts",
    source: `import { evaluate } from "langsmith/evaluation";\nimport { traceable } from "langsmith/traceable";\n${TRACER}const answer = traceable(async (input: { q: string }) => input.q);\nawait evaluate(answer, { data: "qa" });\n`,
  },
  {
    shape: "Sentry's wrapped Lambda and Sentry.flush",
    filename: "src/sentry.ts",
    source: `import * as Sentry from "@sentry/aws-serverless";\nexport const handler = Sentry.wrapHandler(async (event) => {\n  await Sentry.flush(2000);\n  return 1;\n});\n`,
  },
  {
    shape: "a Lambda that flushes with `.catch(log)` and through a same-file helper",
    filename: "src/flushed.ts",
    source: `${TRACER}async function flushTraces() {\n  await tracer.forceFlush().catch(console.error);\n}\nexport const handler = async (event) => {\n  try {\n    tracer.createSession();\n    return await work(event);\n  } finally {\n    await flushTraces();\n  }\n};\n`,
  },
  {
    shape: "an outgoing http.get callback (IncomingMessage) is not a request handler",
    filename: "src/health.ts",
    source: `${TRACER}import http, { IncomingMessage } from "node:http";\nhttp.get("http://localhost/health", (res: IncomingMessage) => {\n  tracer.sessionStart();\n});\n`,
  },
];

describe("look-alikes and accepted code stay byte-identical", () => {
  it.each(untouched)("$shape", ({ filename, source }) => {
    const result = runTransforms(source, filename);
    expect(result).toMatchObject({ changed: false, applied: [], markers: 0 });
    expect(result.error).toBeUndefined();
    expect(result.output).toBe(source);
  });
});

// What the engine cannot parse it reports with a 1-based position and leaves alone.
const unparsable: Array<{ shape: string; filename: string; source: string; line: number; column: number }> = [
  {
    shape: "a Flow-typed .js file (exact object type)",
    filename: "src/legacy/session.js",
    source: `// @flow\nimport { HoneyHiveTracer } from "honeyhive";\ntype Options = {| project: string |};\nexport const tracer = HoneyHiveTracer.init(({ project: "p" }: Options));\n`,
    line: 3,
    column: 17, // the first `|`
  },
  {
    shape: "a file with a syntax error (a half-typed call)",
    filename: "src/wip.ts",
    source: `${TRACER}export const handler = async (event) => {\n  tracer.sessionStart(;\n};\n`,
    line: 4,
    column: 23, // the `;` where an argument should be
  },
  {
    shape: "an old-style `<Type>expr` cast in a .tsx file, where it reads as JSX",
    filename: "src/components/Chat.tsx",
    source: `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = <HoneyHiveTracer>HoneyHiveTracer.init();\nexport const Chat = () => <div />;\n`,
    line: 3,
    column: 25, // the `>` of `=>`, read as JSX text after `<HoneyHiveTracer>`
  },
  {
    shape: "JSX in a .ts file",
    filename: "src/view.ts",
    source: `${TRACER}export const View = () => <div>{tracer.sessionStart()}</div>;\n`,
    line: 3,
    column: 39, // TypeScript gives up inside the JSX expression
  },
];

describe("files the engine cannot parse", () => {
  it.each(unparsable)("$shape", ({ filename, source, line, column }) => {
    const result = runTransforms(source, filename);
    expect(result.changed).toBe(false);
    expect(result.output).toBe(source);
    expect(result.error).toMatchObject({ line, column });
    expect(result.error?.message).toEqual(expect.any(String));
  });
});
