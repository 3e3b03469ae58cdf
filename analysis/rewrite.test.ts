// analysis/rewrite.ts's list edits keep a comment written after the comma before a removed last element
// (`HoneyHiveTracer, // the class` then `traceTool,` removed): gaps-migrate-10, both paths that remove such an element.
import { describe, expect, it } from "vitest";
import { moduleScopeOf } from "./ast.js";
import { applyEdits, EditList } from "./edits.js";
import { parseAnalysisInput } from "./parse-input.js";
import { removeImportBindings } from "./rewrite.js";
import { SdkImports } from "./sdk-imports.js";
import { DEFAULT_SETTINGS } from "./settings.js";

/** The file with the import bindings named `names` removed (removeImportBindings). */
function withoutBindings(code: string, names: readonly string[]): string {
  const input = parseAnalysisInput(code, "src/app.ts", DEFAULT_SETTINGS);
  const variables = moduleScopeOf(input.scopeManager)!.variables.filter((variable) => names.includes(variable.name));
  const edits = new EditList();
  removeImportBindings(edits, code, variables);
  return applyEdits(code, edits.edits);
}

/** The file with the bindings named `names` dropped and `trace` used in their place (SdkImports.finish). */
function replacedByTrace(code: string, names: readonly string[]): string {
  const input = parseAnalysisInput(code, "src/app.ts", DEFAULT_SETTINGS);
  const imports = new SdkImports(input);
  for (const variable of moduleScopeOf(input.scopeManager)!.variables) if (names.includes(variable.name)) imports.remove(variable);
  imports.use("trace");
  const edits = new EditList();
  imports.finish(edits);
  return applyEdits(code, edits.edits);
}

describe("removing the last element of a list", () => {
  it("keeps a line comment after the previous element's comma (removeImportBindings)", () => {
    expect(withoutBindings(`import {\n  HoneyHiveTracer, // the class\n  traceTool,\n} from "honeyhive";\n`, ["traceTool"])).toBe(
      `import {\n  HoneyHiveTracer, // the class\n} from "honeyhive";\n`,
    );
    // No trailing comma after the removed element, and a block comment on one line.
    expect(withoutBindings(`import {\n  HoneyHiveTracer, // the class\n  traceTool\n} from "honeyhive";\n`, ["traceTool"])).toBe(
      `import {\n  HoneyHiveTracer, // the class\n} from "honeyhive";\n`,
    );
    expect(withoutBindings(`import { HoneyHiveTracer, /* the class */ traceTool } from "honeyhive";\n`, ["traceTool"])).toBe(
      `import { HoneyHiveTracer, /* the class */ } from "honeyhive";\n`,
    );
    // Look-alike: no comment, the element goes with the comma before it, as before.
    expect(withoutBindings(`import { HoneyHiveTracer, traceTool } from "honeyhive";\n`, ["traceTool"])).toBe(`import { HoneyHiveTracer } from "honeyhive";\n`);
    expect(withoutBindings(`const {\n  HoneyHiveTracer, // the class\n  traceTool,\n} = require("honeyhive");\n`, ["traceTool"])).toBe(
      `const {\n  HoneyHiveTracer, // the class\n} = require("honeyhive");\n`,
    );
  });

  it("keeps it when every element is replaced by the added name (SdkImports.finish)", () => {
    expect(replacedByTrace(`import {\n  HoneyHiveTracer, // the class\n  traceTool,\n} from "honeyhive";\n`, ["HoneyHiveTracer", "traceTool"])).toBe(
      `import {\n  trace, // the class\n} from "honeyhive";\n`,
    );
    expect(replacedByTrace(`import { HoneyHiveTracer, traceTool } from "honeyhive";\n`, ["HoneyHiveTracer", "traceTool"])).toBe(`import { trace } from "honeyhive";\n`);
  });
});

describe("removing several trailing elements that carry comments", () => {
  it("keeps each comment on its own line at the element's indentation (removeImportBindings)", () => {
    expect(withoutBindings(`import {\n  HoneyHiveTracer, // the class\n  traceTool, // tools\n  traceLlm, // models\n} from "honeyhive";\n`, ["traceTool", "traceLlm"])).toBe(
      `import {\n  HoneyHiveTracer, // the class\n  // tools\n  // models\n} from "honeyhive";\n`,
    );
    // A removed element without a comment takes its line with it; a comment on its own line stays.
    expect(withoutBindings(`const {\n  HoneyHiveTracer,\n  traceTool,\n  // the model wrapper\n  traceLlm /* models */\n} = require("honeyhive");\n`, ["traceTool", "traceLlm"])).toBe(
      `const {\n  HoneyHiveTracer,\n  // the model wrapper\n  /* models */\n} = require("honeyhive");\n`,
    );
    // Look-alikes: one line, or no comment at all, stay as before.
    expect(withoutBindings(`import { HoneyHiveTracer, traceTool, /* tools */ traceLlm } from "honeyhive";\n`, ["traceTool", "traceLlm"])).toBe(
      `import { HoneyHiveTracer } from "honeyhive";\n`,
    );
    expect(withoutBindings(`import {\n  HoneyHiveTracer,\n  traceTool,\n  traceLlm,\n} from "honeyhive";\n`, ["traceTool", "traceLlm"])).toBe(
      `import {\n  HoneyHiveTracer,\n} from "honeyhive";\n`,
    );
  });

  it("keeps each comment on its own line when every element is replaced by the added name (SdkImports.finish)", () => {
    expect(replacedByTrace(`import {\n  HoneyHiveTracer, // the class\n  traceTool, // tools\n  traceLlm, // models\n} from "honeyhive";\n`, ["HoneyHiveTracer", "traceTool", "traceLlm"])).toBe(
      `import {\n  trace, // the class\n  // tools\n  // models\n} from "honeyhive";\n`,
    );
    expect(replacedByTrace(`import {\n  HoneyHiveTracer, // the class\n  traceTool,\n  traceLlm, // models\n} from "honeyhive";\n`, ["HoneyHiveTracer", "traceTool", "traceLlm"])).toBe(
      `import {\n  trace, // the class\n  // models\n} from "honeyhive";\n`,
    );
  });
});

describe("removeImportBindings on a statement binding a whole module", () => {
  it("removes one of the SDK that does nothing else, not one of a project module (its require may run its setup)", () => {
    const code = `const hh = require("honeyhive"); // 1.x\nconst tracing = require("./tracing");\nconst init = require("honeyhive").init;\n`;
    expect(withoutBindings(code, ["hh", "tracing", "init"])).toBe(`// 1.x\nconst tracing = require("./tracing");\nconst init = require("honeyhive").init;\n`);
    expect(withoutBindings(`import hh = require("honeyhive");\nexport const x = 1;\n`, ["hh"])).toBe(`export const x = 1;\n`);
  });
});
