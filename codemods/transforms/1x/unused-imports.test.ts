// `migrate --from 1` removes an SDK import the run left unused (transforms/1x/unused-imports.ts): only one the file used
// before the run, and only where the scope manager finds no use left (value and type positions, `typeof`, JSX,
// `export { X }`); a side-effect import and an import the user had unused stay.
import { describe, expect, it } from "vitest";
import { runTransforms } from "../../engine/engine.js";
import { ALL_TRANSFORM_IDS } from "../ids.js";

const from1 = (code: string, filename = "src/app.ts") => {
  const result = runTransforms(code, filename, { transforms: ALL_TRANSFORM_IDS });
  expect(result.error).toBeUndefined();
  // Idempotent: a second run changes nothing.
  expect(runTransforms(result.output, filename, { transforms: ALL_TRANSFORM_IDS }).output).toBe(result.output);
  return result.output;
};

/** A file whose only use of the named `HoneyHiveTracer` import is the static flush (the tracer is made through the namespace). */
const withUse = (use: string) =>
  `import * as hh from "honeyhive";\nimport { HoneyHiveTracer } from "honeyhive";\n\nexport const tracer = hh.HoneyHiveTracer.init({ project: "p" });\n${use}\nexport async function end() {\n  await HoneyHiveTracer.flush();\n}\n`;
const NAMED = `import { HoneyHiveTracer } from "honeyhive";\n`;

describe("an SDK import the run left unused", () => {
  it("goes when the rewritten code was its only use", () => {
    const output = from1(withUse(""));
    expect(output).toContain("await tracer.forceFlush();");
    expect(output).not.toContain(NAMED);
  });

  it("stays where another use is left: a type, typeof, export { }, JSX", () => {
    for (const use of ["let held: HoneyHiveTracer | undefined;", "export type Made = typeof HoneyHiveTracer;", "export { HoneyHiveTracer };"]) {
      expect(from1(withUse(use)), use).toContain(NAMED);
    }
    expect(from1(withUse("export const View = () => <HoneyHiveTracer />;"), "src/app.tsx")).toContain(NAMED);
  });

  it("goes where the name left in the file is another binding (a local shadows it)", () => {
    expect(from1(withUse("export function label() {\n  const HoneyHiveTracer = 1;\n  return HoneyHiveTracer;\n}"))).not.toContain(NAMED);
  });

  it("stays when the user had it unused before the run, and a side-effect import stays", () => {
    const output = from1(`import "honeyhive";\nimport { enrichSpan } from "honeyhive";\n${withUse("")}`);
    expect(output).toContain(`import "honeyhive";\nimport { enrichSpan } from "honeyhive";\n`);
    expect(output).not.toContain(NAMED);
  });

  it("leaves the other names of its import and a comment on its line", () => {
    const output = from1(withUse("").replace(`import { HoneyHiveTracer } from "honeyhive";`, `import { HoneyHiveTracer, toSessionId } from "honeyhive"; // SDK\nexport const id = toSessionId("a");`));
    expect(output).toContain(`import { toSessionId } from "honeyhive"; // SDK\n`);
    const alone = from1(withUse("").replace(`import { HoneyHiveTracer } from "honeyhive";`, `import { HoneyHiveTracer } from "honeyhive"; // for the flush`));
    expect(alone).toContain(`import * as hh from "honeyhive";\n// for the flush\n`);
  });
});

// gaps-migrate-10: a statement binding the whole SDK module (`const hh = require("honeyhive")`, `import hh = require(…)`,
// `const hh = await import(…)`) goes whole when the run left it unused; fixtures/migrate-1x/imports-unused-require-whole,
// -import-equals, -dynamic-import.
describe("a whole-module binding the run left unused", () => {
  const FLUSH = `const { tracer } = require("./tracing");\nexports.end = async () => {\n  await hh.HoneyHiveTracer.flush();\n};\n`;
  const REQUIRE = `const hh = require("honeyhive");\n`;

  it("goes when the rewritten flush was its only use", () => {
    const output = from1(REQUIRE + FLUSH, "src/app.js");
    expect(output).toContain("await tracer.forceFlush();");
    expect(output).not.toContain(REQUIRE);
  });

  it("stays where it is still used, was unused before the run, or does more than bind the module", () => {
    expect(from1(`${REQUIRE}exports.made = hh.HoneyHiveTracer;\n${FLUSH}`, "src/app.js")).toContain(REQUIRE);
    expect(from1(`const unused = require("honeyhive");\n${REQUIRE}${FLUSH}`, "src/app.js")).toContain(`const unused = require("honeyhive");\n`);
    // Two declarators in one statement, and a require with a call on it: not side-effect-free bindings of the module alone.
    expect(from1(`const hh = require("honeyhive"), other = 1;\nexports.other = other;\n${FLUSH}`, "src/app.js")).toContain(`const hh = require("honeyhive"), other = 1;`);
    expect(from1(`const hh = require("honeyhive").load();\n${FLUSH}`, "src/app.js")).toContain(`const hh = require("honeyhive").load();`);
  });
});
