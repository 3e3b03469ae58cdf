// The KNOWN defects blind-1x-4 left (codemods/blind-1x-4.test.ts) and the leftovers of migrate-11/12, each
// with the look-alikes that must stay as they were.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../../engine/engine.js";
import { TRANSFORM_1X_IDS } from "../ids.js";
import { MESSAGES_1X } from "./messages.js";

const makeProject = useTempProjects("blind-1x-4-known", "all");

const root = makeProject({
  "package.json": `{ "name": "app", "private": true, "dependencies": { "honeyhive": "^1.0.42", "express": "^4.21.0" } }\n`,
});

const migrate = (code: string, file = "src/main.ts") => runTransforms(code, join(root, file), { transforms: TRANSFORM_1X_IDS });

/** Runs `code` and asserts a second run leaves the output as it is. */
const once = (code: string, file?: string) => {
  const result = migrate(code, file);
  expect(migrate(result.output, file).output).toBe(result.output);
  return result;
};

describe("08: tracers destructured from an awaited Promise.all of inits", () => {
  it("rewrites each destructured tracer's wrappers and flushes, and keeps the Promise.all", () => {
    const code = `import { HoneyHiveTracer } from "honeyhive";
const [support, sales] = await Promise.all([
  HoneyHiveTracer.init({ apiKey: "k", project: "support" }),
  HoneyHiveTracer.init({ apiKey: "k", project: "sales" }),
]);
const classify = support.traceModel(async (text: string) => text, { eventName: "classify" });
const quote = sales.traceChain(async (sku: string) => sku);
await Promise.all([support.flush(), sales.flush()]);
`;
    const { output, markers } = once(code);
    expect(markers).toBe(0);
    expect(output).toContain(`const [support, sales] = await Promise.all([
  HoneyHiveTracer.init({ apiKey: "k", project: "support" }),
  HoneyHiveTracer.init({ apiKey: "k", project: "sales" }),
]);`);
    expect(output).toContain(`const classify = support.trace({ eventType: "model", eventName: "classify" }, async (text: string) => text);`);
    expect(output).toContain(`const quote = sales.trace({ eventType: "chain" }, async (sku: string) => sku);`);
    expect(output).toContain("await Promise.all([support.forceFlush(), sales.forceFlush()]);");
  });

  it("drops the awaits of the inits inside the list, a hole and another promise keeping their places", () => {
    const code = `import { HoneyHiveTracer } from "honeyhive";
async function main(load: () => Promise<string[]>) {
  const [tracer, , rows] = await Promise.all([await HoneyHiveTracer.init({ apiKey: "k", project: "p" }), Promise.resolve(0), load()]);
  const [other, docs] = await Promise.all([HoneyHiveTracer.init({ apiKey: "k", project: "q" }), load()]);
  const run = other.traceTool(async () => docs.length + rows.length);
  await run();
  await tracer.flush();
}
`;
    const { output, markers } = once(code);
    expect(markers).toBe(0);
    expect(output).toContain(`const [tracer, , rows] = await Promise.all([HoneyHiveTracer.init({ apiKey: "k", project: "p" }), Promise.resolve(0), load()]);`);
    expect(output).toContain("await tracer.forceFlush();");
    expect(output).toContain(`const [other, docs] = await Promise.all([HoneyHiveTracer.init({ apiKey: "k", project: "q" }), load()]);`);
    expect(output).toContain(`const run = other.trace({ eventType: "tool" }, async () => docs.length + rows.length);`);
  });

  it("leaves an element that is no init (another library's, a string) unread as a tracer", () => {
    const code = `import { HoneyHiveTracer } from "honeyhive";
import { makeLogger } from "./logger.js";
const [logger, tracer] = await Promise.all([makeLogger(), HoneyHiveTracer.init({ apiKey: "k", project: "p" })]);
await logger.flush();
await tracer.flush();
`;
    const { output, markers } = once(code);
    expect(markers).toBe(0);
    expect(output).toContain("await logger.flush();");
    expect(output).toContain("await tracer.forceFlush();");
  });
});

describe("a receiver out of a Promise.all of inits, used with a 1.x wrapper", () => {
  it("rewrites the wrapper and the flush of a .then(([a]) => …) parameter (it holds the init's tracer), unmarked", () => {
    const code = `import { HoneyHiveTracer } from "honeyhive";
void Promise.all([HoneyHiveTracer.init({ apiKey: "k", project: "p" }), Promise.resolve(1)]).then(async ([tracer]) => {
  const run = tracer.traceTool(async () => 1);
  await run();
  await tracer.flush();
});
`;
    const { output, markers } = once(code);
    expect(markers).toBe(0);
    expect(output).toContain(`const run = tracer.trace({ eventType: "tool" }, async () => 1);`);
    expect(output).toContain("await tracer.forceFlush();");
  });

  it("keeps the wrapper-receiver marker for a receiver that comes out of no Promise.all", () => {
    const code = `export async function run(tracer: { traceTool: (fn: () => Promise<number>) => () => Promise<number>; flush: () => Promise<void> }) {
  const step = tracer.traceTool(async () => 1);
  await step();
  await tracer.flush();
}
`;
    const { output } = once(code);
    expect(output).toContain(MESSAGES_1X.flushOfWrapperReceiver);
    expect(output).not.toContain(MESSAGES_1X.flushOfPromiseAllElement);
  });
});

describe("17: the function a factory declared to return express's RequestHandler returns is a request handler", () => {
  it("makes startSession() in it a session per request (createSession), as in any handler", () => {
    const code = `import type { RequestHandler } from "express";
import type { HoneyHiveTracer } from "honeyhive";

export function sessionPerRequest(tracer: HoneyHiveTracer): RequestHandler {
  return async (_req, res, next) => {
    const sessionId = await tracer.startSession();
    res.locals.sessionId = sessionId;
    next();
  };
}

export const arrowFactory = (tracer: HoneyHiveTracer): RequestHandler => async (_req, res, next) => {
  res.locals.sessionId = await tracer.startSession();
  next();
};
`;
    const { output, markers } = once(code, "src/middleware.ts");
    expect(markers).toBe(0);
    expect(output).toContain("    const sessionId = tracer.createSession();\n");
    expect(output).toContain("  res.locals.sessionId = tracer.createSession();\n");
  });

  it("leaves a function returned as another type (a formatter of the request) as exported code, not a handler", () => {
    const code = `import type { Request } from "express";
import type { HoneyHiveTracer } from "honeyhive";

type Formatter = (req: Request) => Promise<string>;

export function formatter(tracer: HoneyHiveTracer): Formatter {
  return async function format(req) {
    const sessionId = await tracer.startSession();
    return \`\${req.path} \${sessionId}\`;
  };
}
`;
    const { output } = once(code, "src/format.ts");
    expect(output).not.toContain("createSession()");
  });
});

describe("18: options written over lines keep the file's indentation when they move", () => {
  it("indents traceFunction({⏎ … ⏎})(⏎ fn ⏎)'s options with the line they move to", () => {
    const code = `import { HoneyHiveTracer } from "honeyhive";
export async function main() {
  const tracer = await HoneyHiveTracer.init({ apiKey: "k", project: "p" });
  const find = tracer.traceFunction({
    eventType: "model",
    metadata: { step: 1 },
  })(
    async function find(q: string) {
      return [q];
    }
  );
  return find("x");
}
`;
    const { output } = once(code);
    expect(output).toContain(`  const find = tracer.trace(
    {
      eventType: "model",
      metadata: { step: 1 },
    },
    async function find(q: string) {`);
  });

  it("writes the options traceModel(⏎ fn,⏎ {…}⏎) builds on the function's line, at its indentation", () => {
    const code = `import { HoneyHiveTracer } from "honeyhive";
export async function main() {
  const tracer = await HoneyHiveTracer.init({ apiKey: "k", project: "p" });
  const find = tracer.traceModel(
    async (q: string) => [q],
    {
      eventName: "find",
    },
  );
  return find("x");
}
`;
    const { output } = once(code);
    expect(output).toContain(`  const find = tracer.trace(
    { eventType: "model", eventName: "find" },
    async (q: string) => [q],
  );`);
  });
});

describe("a flush whose value a promise chain drops gets no .then(() => {})", () => {
  it("writes plain forceFlush() where the chain it returns into is dropped, or in finally()", () => {
    const code = `import { HoneyHiveTracer } from "honeyhive";
export function close(tracer: HoneyHiveTracer, run: () => Promise<void>): void {
  void run().then(() => tracer.flush());
  void run().finally(() => tracer.flush());
  run().catch(() => tracer.flush());
}
`;
    const { output } = once(code);
    expect(output).toContain("void run().then(() => tracer.forceFlush());");
    expect(output).toContain("void run().finally(() => tracer.forceFlush());");
    expect(output).toContain("run().catch(() => tracer.forceFlush());");
    expect(output).not.toContain(".then(() => {})");
  });

  it("keeps it where the chain's value is returned as 1.x's Promise<void>", () => {
    const code = `import { HoneyHiveTracer } from "honeyhive";
export function close(tracer: HoneyHiveTracer, run: () => Promise<void>): Promise<void> {
  return run().then(() => tracer.flush());
}
`;
    const { output } = once(code);
    expect(output).toContain("return run().then(() => tracer.forceFlush().then(() => {}));");
  });
});

describe("a parameter typed Awaited<ReturnType<typeof HoneyHiveTracer.init>> is the tracer", () => {
  it("rewrites its 1.x wrappers and flush as a HoneyHiveTracer-typed parameter's", () => {
    const code = `import { HoneyHiveTracer } from "honeyhive";
export async function wire(tracer: Awaited<ReturnType<typeof HoneyHiveTracer.init>>) {
  const step = tracer.traceTool(async () => 1);
  await step();
  await tracer.flush();
}
`;
    const { output, markers } = once(code);
    expect(markers).toBe(0);
    expect(output).toContain(`const step = tracer.trace({ eventType: "tool" }, async () => 1);`);
    expect(output).toContain("await tracer.forceFlush();");
  });

  it("leaves a parameter typed with another function's awaited result as it is", () => {
    const code = `import { HoneyHiveTracer } from "honeyhive";
declare function makeLogger(): Promise<{ flush(): Promise<void> }>;
export const tracer = HoneyHiveTracer.init({ apiKey: "k", project: "p" });
export async function wire(logger: Awaited<ReturnType<typeof makeLogger>>) {
  await logger.flush();
}
`;
    const { output } = once(code);
    expect(output).toContain("await logger.flush();");
  });
});
