import { describe, expect, it } from "vitest";
import { uses1xApis } from "./uses-1x.js";

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
});
