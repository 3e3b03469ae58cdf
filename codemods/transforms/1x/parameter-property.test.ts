// The 1.x set on a tracer held in a constructor parameter property (review-migrate, left): a default init
// (`constructor(private tracer = HoneyHiveTracer.init(…))`) is the class's tracer, as a field's initializer
// is, so its 1.x calls are rewritten; when the class reads a tracer's member on it (`this.tracer.createSession()`,
// 2.x code) the untyped-promise marker stays off, as for a field; an untyped parameter property with no
// default is marked at `this.tracer.flush()` (a logger has flush() too); a typed one is the tracer.
import { describe, expect, it } from "vitest";
import { runTransforms } from "../../engine/engine.js";
import { TRANSFORM_1X_IDS } from "../ids.js";

const migrate = (code: string) => runTransforms(code, "src/service.ts", { transforms: TRANSFORM_1X_IDS });
const HEAD = `import { HoneyHiveTracer } from "honeyhive";\n`;

describe("1.x: a tracer in a constructor parameter property", () => {
  it("rewrites flush() on a parameter property whose default is the init, awaited in place or into a local", () => {
    const result = migrate(`${HEAD}export class Worker {
  constructor(private tracer = HoneyHiveTracer.init({ project: "jobs" })) {}
  async done() {
    const t = await this.tracer;
    await t.flush();
    await (await this.tracer).flush();
  }
}
`);
    expect(result.output).toContain("    await t.forceFlush();\n    await (await this.tracer).forceFlush();");
    expect(result.output).not.toMatch(/\.flush\(\)/);
    expect(migrate(result.output).output).toBe(result.output);
  });

  it("leaves 2.x code alone: a parameter property with an init default used as the tracer gets no promise marker", () => {
    const code = `${HEAD}export class Chat {
  constructor(private readonly tracer = HoneyHiveTracer.init({ project: "chat" })) {}
  reply(text: string) {
    return this.tracer.createSession({ sessionName: text });
  }
}
`;
    const result = migrate(code);
    expect(result.markers).toBe(0);
    expect(result.output).toBe(code);
  });

  it("keeps the promise marker where the class only awaits it (1.x code: it may also .then() it)", () => {
    const result = migrate(`${HEAD}export class Worker {
  constructor(private ready = HoneyHiveTracer.init({ project: "jobs" })) {}
  async start() { return this.ready; }
}
`);
    expect(result.output).toContain("this constructor parameter's default was 1.x init()'s promise");
    expect(result.output).toContain("needs Promise.resolve(this.ready)");
  });

  it("names a plain constructor parameter handed to super() as one, not a field (review-migrate3 finding 6)", () => {
    const result = migrate(`${HEAD}class Base { constructor(protected tracer: Promise<HoneyHiveTracer>) {} }
export class Worker extends Base {
  constructor(tracer = HoneyHiveTracer.init({ project: "jobs" })) { super(tracer); }
}
`);
    expect(result.markers).toBe(1);
    expect(result.output).toContain(
      "/* honeyhive-migrate: this constructor parameter's default was 1.x init()'s promise and is now the tracer itself: where the code awaits it nothing changes, but a .then()/.catch() on it, or passing it on where a Promise<HoneyHiveTracer> is expected (super(tracer)), needs Promise.resolve(tracer), or type the parameter Promise<HoneyHiveTracer> and wrap this value in Promise.resolve(…) */\n  constructor(tracer =",
    );
    expect(result.output).not.toContain("this field held");
    expect(migrate(result.output).output).toBe(result.output);
  });

  it("marks flush() on an untyped parameter property with no default, rewrites it on a typed one", () => {
    const untyped = migrate(`${HEAD}export class Reporter {
  constructor(private readonly tracer) {}
  async done() { await this.tracer.flush(); }
}
`);
    expect(untyped.output).toMatch(/cannot tell what this untyped constructor parameter holds.*\*\/\n {2}async done\(\) \{ await this\.tracer\.flush\(\); \}/);
    expect(migrate(untyped.output).output).toBe(untyped.output);
    const typed = migrate(`${HEAD}export class Reporter {
  constructor(private tracer: HoneyHiveTracer) {}
  async done() { await this.tracer.flush(); }
}
`);
    expect(typed.markers).toBe(0);
    expect(typed.output).toContain("await this.tracer.forceFlush();");
  });

  it("does not mark flush() on an untyped parameter property not named like a tracer (a logger)", () => {
    const code = `${HEAD}const tracer = await HoneyHiveTracer.init({ project: "p" });
export class Reporter {
  constructor(private readonly log) {}
  async done() { await this.log.flush(); }
}
`;
    expect(migrate(code).output).not.toContain("honeyhive-migrate");
  });

  // review-migrate3: a subclass of the class holding the tracer, and JavaScript's constructor assignment.
  const INHERITED = "this member is the HoneyHive tracer that";
  it("marks flush() on a member a subclass inherits from a class of the file that holds the tracer, through a middle class", () => {
    const result = migrate(`${HEAD}class Base {
  constructor(protected tracer = HoneyHiveTracer.init({ project: "b" })) {}
}
export class Sub extends Base {
  async done() { await (await this.tracer).flush(); }
}
class Mid extends Base {}
export class Deep extends Mid {
  async done() { await (await this.tracer).flush(); }
}
class Typed {
  constructor(protected tracer: HoneyHiveTracer) {}
}
export class TypedSub extends Typed {
  constructor(tracer: HoneyHiveTracer) { super(tracer); }
  async done() { await this.tracer.flush(); }
}
`);
    expect(result.output).toMatch(new RegExp(`${INHERITED} Base holds.*\\*/\\n {2}async done\\(\\) \\{ await \\(await this\\.tracer\\)\\.flush\\(\\); \\}\\n\\}\\nclass Mid`));
    expect(result.output.split(`${INHERITED} Base holds`).length - 1).toBe(2);
    expect(result.output).toMatch(new RegExp(`${INHERITED} Typed holds.*\\*/\\n {2}async done\\(\\) \\{ await this\\.tracer\\.flush\\(\\); \\}`));
    expect(migrate(result.output).output).toBe(result.output);
  });

  it("marks flush() on a member inherited from a class that types it Promise<HoneyHiveTracer>, not Promise<Logger>", () => {
    const result = migrate(`${HEAD}interface Logger { flush(): Promise<void> }
class Base {
  constructor(protected tracer: Promise<HoneyHiveTracer>) {}
}
export class Sub extends Base {
  constructor(tracer = HoneyHiveTracer.init({ project: "s" })) { super(tracer); }
  async done() { await (await this.tracer).flush(); }
}
class Logged {
  constructor(protected tracerLog: Promise<Logger>) {}
}
export class Quiet extends Logged {
  async done() { await (await this.tracerLog).flush(); }
}
`);
    expect(result.output).toMatch(new RegExp(`${INHERITED} Base holds.*\\*/\\n {2}async done\\(\\) \\{ await \\(await this\\.tracer\\)\\.flush\\(\\); \\}`));
    expect(result.output.split(INHERITED).length - 1).toBe(1);
    expect(migrate(result.output).output).toBe(result.output);
  });

  it("does not mark a subclass that declares the member itself, nor a base whose member is no tracer", () => {
    const code = `${HEAD}const tracer = await HoneyHiveTracer.init({ project: "p" });
class Base {
  constructor(protected tracer = HoneyHiveTracer.init({ project: "b" })) {}
}
export class Own extends Base {
  constructor(protected tracer = { flush: async () => {} }) { super(); }
  async done() { await this.tracer.flush(); }
}
class Logger { tracerLog = { flush: async () => {} }; }
export class Quiet extends Logger {
  async done() { await this.tracerLog.flush(); }
}
`;
    expect(migrate(code).output).not.toContain(INHERITED);
  });

  it("marks flush() on a member a JavaScript constructor assigns from an untyped parameter, not on one named otherwise", () => {
    const result = runTransforms(`const { HoneyHiveTracer } = require("honeyhive");
class Worker {
  constructor(tracer, log) { this.tracer = tracer; this.log = log; }
  async done() { await this.tracer.flush(); await this.log.flush(); }
}
async function main() {
  const w = new Worker(await HoneyHiveTracer.init({ project: "p" }), console);
  await w.done();
}
module.exports = { main, Worker };
`, "src/worker.cjs", { transforms: TRANSFORM_1X_IDS });
    expect(result.output).toMatch(/cannot tell what this untyped constructor parameter holds.*\*\/\n {2}async done\(\) \{ await this\.tracer\.flush\(\); await this\.log\.flush\(\); \}/);
    expect(result.markers).toBe(1);
    expect(runTransforms(result.output, "src/worker.cjs", { transforms: TRANSFORM_1X_IDS }).output).toBe(result.output);
  });
});
