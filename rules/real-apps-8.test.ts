// The rules (`configs.all`) on reductions of public applications that trace with another SDK
// (fixtures/real-apps-8; each folder's README names the app it was reduced from). The 17 applications
// themselves (bench/NOTES.md, "real-apps-8") gave no message; these reductions keep their look-alike
// calls and add what makes the case hard: HoneyHive in the same project (51–65) or named in the code (01–03).
// Shapes 01–03 load no HoneyHive SDK, 51–65 do, correctly or not at all in the file under test: every one is quiet.
import { describe, expect, it } from "vitest";
import { describeExpectedFindings, lintedShapes, shapeSources } from "./test-utils/shape-projects.js";

const { dir: SHAPES_DIR, names: SHAPES, findings } = lintedShapes("real-apps-8");
const isMixed = (name: string): boolean => Number(name.slice(0, 2)) >= 50;

describe("real-apps-8: applications on other tracing SDKs, reduced", () => {
  describeExpectedFindings(SHAPES, findings, {}, new Set());

  it("has the shapes: 3 without the HoneyHive SDK, 15 mixed", () => {
    expect(SHAPES.filter((name) => !isMixed(name))).toHaveLength(3);
    expect(SHAPES.filter(isMixed)).toHaveLength(15);
  });

  it("the mixed shapes really hold a HoneyHive tracer, and the others load no HoneyHive SDK", () => {
    for (const name of SHAPES) {
      const loads = shapeSources(SHAPES_DIR, name).some(([, text]) => /HoneyHiveTracer\.init\(/.test(text) && /from "honeyhive"/.test(text));
      expect(loads, name).toBe(isMixed(name));
    }
  });
});
