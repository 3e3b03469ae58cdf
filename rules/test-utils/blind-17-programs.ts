// The programs of blind round 17 that both its rule test (rules/blind-cases-17.test.ts: the messages of the eight
// rules) and its codemod test (codemods/blind-17.test.ts: what `honeyhive migrate` makes of them) run, written once.

export { TRACING_TS } from "./programs.js";

export const FASTIFY_PLUGIN = `import Fastify from "fastify";
import { tracer } from "./tracing";

const app = Fastify({ logger: true });

app.register(async (instance) => {
  instance.post("/chat", async (request) => {
    tracer.sessionStart({ sessionName: "chat" });
    return tracer.startSpan("chat", async () => ({ ok: true, body: request.body }));
  });
}, { prefix: "/v1" });

app.listen({ port: 3000 });
`;

export const NAMESPACE_BARREL = `import express from "express";
import { obs } from "./obs";

const app = express();

app.post("/chat", async (req, res) => {
  obs.tracer.sessionStart({ sessionName: "chat" });
  res.json({ ok: true });
});

app.listen(3000);
`;

export const SOCKET_IO = `import { Server } from "socket.io";
import { tracer } from "./tracing";

const io = new Server(3001, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("chat", async (message: string, ack: (answer: string) => void) => {
    tracer.sessionStart({ sessionName: \`socket-\${socket.id}\` });
    ack(await tracer.startSpan("chat", async () => message.toUpperCase()));
  });
});
`;

export const MIDDY = `import middy from "@middy/core";
import httpJsonBodyParser from "@middy/http-json-body-parser";
import { tracer } from "./tracing";

const baseHandler = async (event: { body: { question: string } }) => {
  tracer.createSession({ sessionName: "chat" });
  const answer = await tracer.startSpan("answer", async () => event.body.question);
  return { statusCode: 200, body: JSON.stringify({ answer }) };
};

export const handler = middy(baseHandler).use(httpJsonBodyParser());
`;

export const MIDDY_AFTER = `import middy from "@middy/core";
import httpJsonBodyParser from "@middy/http-json-body-parser";
import { tracer } from "./tracing";

const baseHandler = async (event: { body: { question: string } }) => {
  try {
    tracer.createSession({ sessionName: "chat" });
    const answer = await tracer.startSpan("answer", async () => event.body.question);
    return { statusCode: 200, body: JSON.stringify({ answer }) };
  } finally {
    await tracer.forceFlush();
  }
};

export const handler = middy(baseHandler).use(httpJsonBodyParser());
`;

export const FASTIFY_HOOK = `import Fastify from "fastify";
import { tracer } from "./tracing";

const app = Fastify();

app.register(async (instance) => {
  instance.addHook("preHandler", async (request) => {
    await verifyToken(request.headers.authorization);
    tracer.createSession({ sessionName: "api" });
  });
  instance.get("/chat", async () => tracer.startSpan("chat", async () => "ok"));
});

async function verifyToken(token: string | undefined): Promise<void> {
  if (!token) throw new Error("unauthorized");
}

app.listen({ port: 3000 });
`;

export const BARREL_AGENT = `import { trace } from "honeyhive";
import { tracer } from "./lib";

export const search = trace(async (query: string) => {
  tracer.enrichSpan({ metadata: { query } });
  return [query];
});
`;

export const ALIASED = `import { HoneyHiveTracer as HH, trace as hhTrace } from "honeyhive";

const tracer = HH.init({ apiKey: process.env.HH_API_KEY, project: "agent" });

export const plan = hhTrace({ eventType: "chain" }, async (goal: string) => {
  tracer.enrichSpan({ metadata: { goal } });
  return [goal];
});
`;

export const INSTRUMENT = `import OpenAI from "openai";
import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";
import { tracer } from "./tracing";

new OpenAIInstrumentation().manuallyInstrument(OpenAI);
export { tracer };
`;

export const WORKER_THREAD = `import { parentPort } from "node:worker_threads";
import { HoneyHiveTracer } from "honeyhive";

parentPort?.on("message", async (task: { text: string }) => {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "workers" });
  const result = await tracer.startSpan("task", async () => task.text.length);
  parentPort?.postMessage(result);
});
`;

export const EVALUATE_BOUND = `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "evals" });

const answer = trace({ eventType: "chain", tracer }, async ({ inputs }: { inputs: { q: string } }) => inputs.q);

await evaluate({ function: answer, dataset: [{ inputs: { q: "hi" } }], name: "run-1" });
`;

export const ONE_X_EXPRESS = `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

const tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY!, project: "app" });
const app = express();

app.post("/chat", async (req, res) => {
  await tracer.startSession();
  res.json({ ok: true });
});

app.listen(3000);
`;

export const ON_CALL_FLUSHED = `import { onCall } from "firebase-functions/v2/https";
import { tracer } from "./tracing";

export const ask = onCall(async (request) => {
  try {
    tracer.createSession({ sessionName: "ask" });
    return await tracer.startSpan("ask", async () => ({ answer: String(request.data.question) }));
  } finally {
    await tracer.forceFlush();
  }
});
`;

export const HONO_MIDDLEWARE = `import { Hono } from "hono";
import { tracer } from "./tracing";

const api = new Hono();
api.post("/chat", async (c) => c.json(await tracer.startSpan("chat", async () => (await c.req.json()).message)));

const app = new Hono();
app.use("*", async (c, next) => {
  tracer.createSession({ sessionName: "api", inputs: { path: c.req.path } });
  await next();
});
app.route("/api", api);

export default { port: 3000, fetch: app.fetch };
`;

export const MATHJS_PUPPETEER = `import { evaluate } from "mathjs";
import puppeteer from "puppeteer";
import { HoneyHiveTracer, trace } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "report" });

const compute = trace({ tracer, eventType: "tool" }, (expression: string) => evaluate(expression));

const browser = await puppeteer.launch();
const page = await browser.newPage();
const title = await page.evaluate(() => document.title);
console.log(compute("2 + 3"), title);
await browser.close();
await tracer.forceFlush();
`;

export const DD_TRACE_LAMBDA = `import tracer from "dd-trace";

tracer.init({ service: "chat" });

export const handler = async (event: { q: string }) => {
  return tracer.trace("answer", () => ({ statusCode: 200, body: event.q }));
};
`;

export const MOCK_CLASS = `import express from "express";

class HoneyHiveTracer {
  static init(_options: object) {
    return new HoneyHiveTracer();
  }
  sessionStart() {
    return "00000000-0000-4000-8000-000000000000";
  }
}

const app = express();
app.post("/chat", (req, res) => {
  const tracer = HoneyHiveTracer.init({ project: "test" });
  res.json({ session: tracer.sessionStart() });
});
`;
