import { describe, expect, it } from "vitest";
import { codeOf, uses1xApis } from "./uses-1x.js";

describe("uses1xApis: a candidate file's text uses what only honeyhive 1.x had (the 2.x run's --from 1 hint)", () => {
  it("an export only 1.x had, a path into the 1.x package, a 1.x version in the specifier, a method only 1.x tracers have", () => {
    expect(uses1xApis(`import { HoneyHiveTracer, HoneyHive } from "honeyhive";\n`)).toBe(true);
    expect(uses1xApis(`const { HoneyHive } = require("honeyhive");\n`)).toBe(true);
    expect(uses1xApis(`import { HoneyHive as Client } from "honeyhive";\n`)).toBe(true);
    expect(uses1xApis(`import { CreateEventRequestEventType } from "honeyhive/models/components";\n`)).toBe(true);
    expect(uses1xApis(`import { HoneyHiveTracer } from "npm:honeyhive@1.0.42";\n`)).toBe(true);
    expect(uses1xApis(`import { HoneyHiveTracer } from "honeyhive";\nconst f = tracer.traceFunction({})(async () => 1);\n`)).toBe(true);
  });

  it("quiet on this SDK's code and on look-alikes: its own names and entry points, another HoneyHive package, a shared method name, no SDK import", () => {
    expect(uses1xApis(`import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({});\nawait tracer.forceFlush();\n`)).toBe(false);
    expect(uses1xApis(`import { evaluate } from "honeyhive/experiments";\n`)).toBe(false);
    expect(uses1xApis(`import { HoneyHiveTracer } from "npm:honeyhive@2";\n`)).toBe(false);
    expect(uses1xApis(`import { HoneyHive } from "@honeyhive/api-client";\n`)).toBe(false);
    // `flush()` is every logger's; `getTracer()` every OpenTelemetry provider's.
    expect(uses1xApis(`import { HoneyHiveTracer } from "honeyhive";\nlogger.flush();\nprovider.getTracer("x");\n`)).toBe(false);
    // A home-made object's 1.x-looking method in a file that imports no honeyhive module.
    expect(uses1xApis(`// honeyhive-like\nmine.traceFunction({})(fn);\n`)).toBe(false);
  });

  // gaps-migrate-9: the text of comments and strings is no use (codeOf); module specifiers are kept.
  it("quiet where only a comment or a string names a 1.x API", () => {
    const sdk = `import { HoneyHiveTracer } from "honeyhive";\n`;
    expect(uses1xApis(`${sdk}// was: tracer.traceFunction({})(fn)\n`)).toBe(false);
    expect(uses1xApis(`${sdk}/* tracer.traceModel(fn) in 1.x */\n`)).toBe(false);
    expect(uses1xApis(`${sdk}const hint = "use tracer.traceFunction(opts)(fn) in 1.x";\n`)).toBe(false);
    expect(uses1xApis(`${sdk}const doc = \`tracer.traceTool(\${fn})\`;\n`)).toBe(false);
    expect(uses1xApis(`${sdk}// import { HoneyHive } from "honeyhive";\n`)).toBe(false);
    expect(uses1xApis(`const example = 'import { traceFunction } from "honeyhive"';\n`)).toBe(false);
    // The same code outside the comment still counts, and so does a specifier after a comment.
    expect(uses1xApis(`${sdk}// the 1.x wrapper\ntracer.traceFunction({})(fn);\n`)).toBe(true);
    expect(uses1xApis(`import { HoneyHive } from /* the REST client */ "honeyhive";\n`)).toBe(true);
    expect(uses1xApis(`const { traceFunction } = require(\n  "honeyhive"\n);\n`)).toBe(true);
  });

  it("codeOf keeps the length and line breaks, blanks comments and string text, keeps specifiers", () => {
    const code = `import x from "honeyhive"; // note\nconst s = 'a\\'b'; /* c\nd */ f(\`t\${1}\`);\n`;
    const blanked = codeOf(code);
    expect(blanked).toHaveLength(code.length);
    expect(blanked.split("\n").length).toBe(code.split("\n").length);
    expect(blanked).toContain(`import x from "honeyhive";`);
    for (const gone of ["note", "a\\'b", "d */", "t${1}"]) expect(blanked).not.toContain(gone);
  });
});
