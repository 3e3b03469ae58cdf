// The unknown-name marker (a name of "honeyhive" that neither this SDK's root nor the 1.x table exports,
// 0.x's `SessionTracer`) where the name is not imported by name from the package: read off the module
// object (`hh.SessionTracer` of a namespace import or a whole `require`, also as a type), re-exported
// (`export { SessionTracer } from "honeyhive"`), and imported through a project barrel that hands the SDK
// on (`export * from "honeyhive"` in src/lib/index.ts, `import { SessionTracer } from "@/lib"`). Each is
// where tsc stops; before, only a named import from the package got the marker. Same marker text.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../../engine/engine.js";
import { markerComment } from "../../engine/markers.js";
import { ALL_TRANSFORM_IDS } from "../ids.js";
import { MESSAGES_1X } from "./messages.js";

const makeProject = useTempProjects("unknown-names-reached", "all");
const root = makeProject({
  "package.json": `{ "name": "app", "private": true, "type": "module", "dependencies": { "honeyhive": "^1.0.42" } }\n`,
  "tsconfig.json": `{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] } } }\n`,
  "src/lib/index.ts": `export * from "honeyhive";\nexport class SessionStore {}\n`,
  "src/named/index.ts": `export { SessionTracer as LegacyTracer, HoneyHiveTracer } from "honeyhive";\n`,
  "src/mixed/index.ts": `export * from "honeyhive";\nexport * from "./own";\n`,
  "src/mixed/own.ts": `export class ToolConfig {}\n`,
});

const migrate = (code: string, file = "src/app.ts") => {
  const result = runTransforms(code, join(root, file), { transforms: ALL_TRANSFORM_IDS });
  // Idempotent: a second run adds no second marker.
  expect(runTransforms(result.output, join(root, file), { transforms: ALL_TRANSFORM_IDS }).output).toBe(result.output);
  return result;
};
const marker = (names: readonly string[]) => markerComment(MESSAGES_1X.unknownExports(names));

describe("a 0.x name of honeyhive reached other than by a named import", () => {
  it("through a namespace import: marked where it is read, values and types alike", () => {
    const code = `import * as hh from "honeyhive";\n\nexport const tracer = new hh.SessionTracer({ project: "p" });\nexport let config: hh.ToolConfig | undefined;\nexport const real = hh.HoneyHiveTracer;\n`;
    const { output, markers } = migrate(code);
    expect(output).toContain(`${marker(["SessionTracer"])}\nexport const tracer = new hh.SessionTracer(`);
    expect(output).toContain(`${marker(["ToolConfig"])}\nexport let config: hh.ToolConfig | undefined;`);
    expect(output).toContain(`\nexport const real = hh.HoneyHiveTracer;`);
    expect(markers).toBe(2);
  });

  it("through a whole require: one marker for the statement", () => {
    const code = `const hh = require("honeyhive");\n\nfunction make() {\n  return new hh.SessionTracer({ project: hh.ModelConfig.name });\n}\nmodule.exports = { make };\n`;
    const { output } = migrate(code, "src/app.cjs");
    expect(output).toContain(`  ${marker(["SessionTracer", "ModelConfig"])}\n  return new hh.SessionTracer(`);
  });

  it("re-exported from the package", () => {
    const code = `export { SessionTracer, HoneyHiveTracer } from "honeyhive";\n`;
    expect(migrate(code).output).toBe(`${marker(["SessionTracer"])}\n${code}`);
  });

  it("through a project barrel: `export *` of the package, or a named re-export under another name", () => {
    const code = `import { SessionTracer, SessionStore } from "@/lib";\n\nexport const store = new SessionStore();\nexport const tracer = new SessionTracer({ project: "p" });\n`;
    expect(migrate(code).output).toBe(`${marker(["SessionTracer"])}\n${code}`);
    const named = `import { LegacyTracer } from "./named";\n\nexport const tracer = new LegacyTracer({ project: "p" });\n`;
    expect(migrate(named).output).toBe(`${marker(["SessionTracer"])}\n${named}`);
  });

  it("not for a barrel's own export, nor a name another `export *` of the barrel may hand on", () => {
    const own = `import { SessionStore } from "@/lib";\n\nexport const store = new SessionStore();\n`;
    expect(migrate(own).output).toBe(own);
    const mixed = `import { ToolConfig, HoneyHiveTracer } from "./mixed";\n\nexport const config = new ToolConfig();\nexport const tracer = HoneyHiveTracer;\n`;
    expect(migrate(mixed).output).not.toContain(MESSAGES_1X.unknownExports(["ToolConfig"]));
  });

  it("not for a local object that happens to be called hh", () => {
    const code = `import { HoneyHiveTracer } from "honeyhive";\nconst hh = { SessionTracer: class {} };\nexport const t = new hh.SessionTracer();\nexport const h = HoneyHiveTracer;\n`;
    expect(migrate(code).output).not.toContain(MESSAGES_1X.unknownExports(["SessionTracer"]));
  });
});
