import { describe, expect, it } from "vitest";
import { parseAnalysisInput } from "../../analysis/parse-input.js";
import { DEFAULT_SETTINGS } from "../../analysis/settings.js";
import { runTransforms } from "./engine.js";
import { mayUse1xApis, uses1xApisIn } from "../../analysis/uses-1x.js";

/** The hint's answer for a file as the 2.x run gives it: the text prefilter, then the parse (gaps-migrate-10). */
const uses1xApis = (text: string, filename = "src/app.ts"): boolean => mayUse1xApis(text) && uses1xApisIn(parseAnalysisInput(text, filename, DEFAULT_SETTINGS));

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

  // gaps-migrate-10: decided by the parse, the text scan being only the prefilter.
  it("is decided by the parse: a method the file defines itself is not 1.x's, a regular expression with a quote hides nothing", () => {
    const sdk = `import { HoneyHiveTracer } from "honeyhive";\n`;
    // The file's own `traceFunction` (a function, an object's method, a class's method) called as a member.
    expect(uses1xApis(`${sdk}const helpers = { traceFunction(fn: () => void) { return fn; } };\nhelpers.traceFunction(() => 1);\n`)).toBe(false);
    expect(uses1xApis(`${sdk}class Steps { traceModel(fn: () => void) { return fn; } }\nnew Steps().traceModel(() => 1);\n`)).toBe(false);
    expect(mayUse1xApis(`${sdk}function traceFunction(fn: () => void) { return fn; }\ntraceFunction(() => 1);\n`)).toBe(true);
    expect(uses1xApis(`${sdk}function traceFunction(fn: () => void) { return fn; }\ntraceFunction(() => 1);\n`)).toBe(false);
    // A quote inside a regular expression literal: the use after it on the same line counts (the text scan lost it).
    expect(uses1xApis(`${sdk}const quote = /"/, traced = tracer.traceFunction({})(fn);\n`)).toBe(true);
    expect(uses1xApis(`${sdk}const quote = /'/; import("honeyhive/models/components");\n`)).toBe(true);
    expect(uses1xApis(`const quote = /"/; const { HoneyHive } = require("honeyhive");\n`, "src/app.js")).toBe(true);
  });

  // migrate-11: the file's own member of a name decides for its own receivers only, not for a tracer the file makes with the SDK's init.
  it("decides per receiver where the receiver is the SDK's tracer: a 1.x tracer.flush() beside the file's own flush()", () => {
    const sdk = `import { HoneyHiveTracer } from "honeyhive";\n`;
    const ownFlush = `class Queue {\n  flush(): void {}\n}\nnew Queue().flush();\n`;
    expect(uses1xApis(`${sdk}${ownFlush}const tracer = await HoneyHiveTracer.init({ project: "p" });\nawait tracer.flush();\n`)).toBe(true);
    // A 1.x-only wrapper the file also defines as its own method, called on the 1.x tracer.
    const ownWrapper = `class Steps {\n  traceFunction(fn: () => void) { return fn; }\n}\nnew Steps().traceFunction(() => 1);\n`;
    expect(uses1xApis(`${sdk}${ownWrapper}const tracer = await HoneyHiveTracer.init({ project: "p" });\ntracer.traceFunction({})(() => 1);\n`)).toBe(true);
    // A parameter typed as the SDK's tracer.
    expect(uses1xApis(`${sdk}${ownFlush}export async function stop(tracer: HoneyHiveTracer) {\n  await tracer.startSession();\n}\n`)).toBe(true);
    // Look-alikes: only the file's own flush() and this SDK's forceFlush(); the own wrapper alone; another object's flush().
    expect(uses1xApis(`${sdk}${ownFlush}const tracer = HoneyHiveTracer.init({ project: "p" });\nawait tracer.forceFlush();\n`)).toBe(false);
    expect(uses1xApis(`${sdk}${ownWrapper}`)).toBe(false);
    expect(uses1xApis(`${sdk}const tracer = HoneyHiveTracer.init({ project: "p" });\nconst queue = new Queue();\nqueue.flush();\n`)).toBe(false);
  });

  it("is given by the engine on the run's own parse when asked (the worker's result carries it)", () => {
    const code = `import { HoneyHiveTracer } from "honeyhive";\nconst quote = /"/, traced = tracer.traceFunction({})(fn);\n`;
    expect(runTransforms(code, "src/app.ts", { uses1x: true }).uses1x).toBe(true);
    expect(runTransforms(code, "src/app.ts").uses1x).toBeUndefined();
    expect(runTransforms(`import { HoneyHiveTracer } from "honeyhive";\n// tracer.traceFunction({})(fn)\n`, "src/app.ts", { uses1x: true }).uses1x).toBeUndefined();
  });
});
