// 1.x's static HoneyHiveTracer.enrichSpan() in a class whose tracer member is declared so that it may be undefined
// (`current?: HoneyHiveTracer`, `tracer: HoneyHiveTracer | undefined`, an optional parameter property): writing
// `this.current.enrichSpan()` fails `tsc --strict` (TS2532, blind-1x-9 shape 24). The class's getter or argument-less
// method declared to return the tracer and returning the member is written instead; with none, the call is marked.
import { describe, expect, it } from "vitest";
import { runTransforms } from "../../engine/engine.js";
import { ALL_TRANSFORM_IDS } from "../ids.js";

// The whole --from 1 run: the 2.x set's explicit-tracer binds the enrichment 1x-enrichment made free.
const migrate = (code: string) => runTransforms(code, "src/service.ts", { transforms: ALL_TRANSFORM_IDS });
const HEAD = `import { HoneyHiveTracer } from "honeyhive";\n`;
const classWith = (member: string, accessor = "") => `${HEAD}export class Service {
  ${member}
  async init(): Promise<void> {
    this.current = await HoneyHiveTracer.init({ apiKey: "k", project: "p" });
  }
${accessor}
  score(text: string): Promise<number> {
    const run = this.current!.traceTool(async (t: string) => {
      HoneyHiveTracer.enrichSpan({ metrics: { chars: t.length } });
      return t.length;
    }, { eventName: "score" });
    return run(text);
  }
}
`;

describe("1.x: static enrichSpan in a class whose tracer member may be undefined", () => {
  it("writes the class's getter declared to return the tracer, not the optional field", () => {
    const getter = `  get tracer(): HoneyHiveTracer {
    if (!this.current) throw new Error("init() first");
    return this.current;
  }`;
    const result = migrate(classWith("private current?: HoneyHiveTracer;", getter));
    expect(result.output).toContain("      this.tracer.enrichSpan({ metrics: { chars: t.length } });");
    expect(result.markers).toBe(0);
  });

  it("writes an argument-less method declared to return the tracer, called", () => {
    const method = `  getTracer(): HoneyHiveTracer {
    return this.current!;
  }`;
    const result = migrate(classWith("private current: HoneyHiveTracer | undefined;", method));
    expect(result.output).toContain("      this.getTracer().enrichSpan({ metrics: { chars: t.length } });");
  });

  it("marks the call when no accessor returns the tracer as one (an optional field, a nullable union)", () => {
    for (const member of ["private current?: HoneyHiveTracer;", "private current: HoneyHiveTracer | null = null;"]) {
      const result = migrate(classWith(member, "  get maybe(): HoneyHiveTracer | undefined { return this.current; }"));
      expect(result.output, member).not.toContain("this.current.enrichSpan");
      expect(result.output, member).not.toContain("this.maybe.enrichSpan");
      expect(result.markers, member).toBeGreaterThan(0);
      // What the person decides: whether the member is set by then, not whether the tracer exists yet.
      expect(result.output, member).toContain(
        "/* honeyhive-migrate: pass a tracer to this call (this.current is declared optional, so it may be undefined here: if it is always set by now, read it through a getter of the class declared to return the tracer that throws while it is unset, else skip the call while it is, if (this.current) …) */",
      );
      expect(result.output, member).not.toContain("could run before the tracer exists");
    }
  });

  it("still writes a member declared as a definite tracer", () => {
    const result = migrate(classWith("private current!: HoneyHiveTracer;"));
    expect(result.output).toContain("      this.current.enrichSpan({ metrics: { chars: t.length } });");
  });
});
