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
    expect(result.output).toContain("this field held 1.x init()'s promise");
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
});
