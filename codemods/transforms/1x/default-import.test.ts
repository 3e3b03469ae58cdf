// 1x-names: `import hh from "honeyhive"`, 1.x's CommonJS module taken as the default export. This
// package has none (package.json "exports": the ES build exports names only; the CommonJS build sets
// __esModule, so esModuleInterop's default is its missing `default`), so the import becomes named
// imports (a top-level destructure of it) or a namespace import. hunt-real-2 shapes 04 and 26.
import { expect, it } from "vitest";
import { runTransforms } from "../../engine/engine.js";
import { TRANSFORM_1X_IDS } from "../ids.js";

const migrate = (code: string, filename = "/tmp/app/pipeline.mjs") => runTransforms(code, filename, { transforms: TRANSFORM_1X_IDS });
const twice = (code: string, filename?: string) => migrate(migrate(code, filename).output, filename);

it("moves the names of a top-level destructure into a named import, with the trace the wrappers add", () => {
  const code = `import honeyhive from "honeyhive";

const { HoneyHiveTracer, traceChain } = honeyhive;

const tracer = await HoneyHiveTracer.init({ project: "p" });
const plan = traceChain(async (goal) => [goal], { eventName: "plan" });
await tracer.flush();
`;
  const { output } = migrate(code);
  expect(output).toMatch(/^import \{ HoneyHiveTracer, trace \} from "honeyhive";\n\nconst tracer = HoneyHiveTracer\.init/);
  expect(output).not.toContain("honeyhive;");
  expect(output).toContain(`const plan = trace({ eventType: "chain", eventName: "plan" }, async (goal) => [goal]);`);
  expect(twice(code).output).toBe(output);
});

it("keeps a destructure's local names and merges several destructures", () => {
  const code = `import hh, { enrichSpan } from "honeyhive";
const { HoneyHiveTracer: HH } = hh;
const { trace } = hh;
export const tracer = HH.init({ project: "p" });
export const run = trace({ eventType: "tool", tracer }, () => enrichSpan({ metadata: {} }));
`;
  const { output } = migrate(code, "/tmp/app/run.ts");
  expect(output.split("\n").slice(0, 2)).toEqual([`import { HoneyHiveTracer as HH, trace, enrichSpan } from "honeyhive";`, "export const tracer = HH.init({ project: \"p\" });"]);
});

it("makes a default import used as a namespace a namespace import (TypeScript, esModuleInterop)", () => {
  const code = `import hh from "honeyhive";

export async function run(lines: string[]) {
  const tracer: hh.HoneyHiveTracer = await hh.HoneyHiveTracer.init({ project: "classify" });
  const traced = tracer.traceTool((line: string) => line.length);
  const out = lines.map((line) => traced(line));
  await tracer.flush();
  return out;
}
`;
  const { output } = migrate(code, "/tmp/app/classify.ts");
  expect(output).toMatch(/^import \* as hh from "honeyhive";\n/);
  expect(output).toContain("const tracer: hh.HoneyHiveTracer = hh.HoneyHiveTracer.init(");
  expect(twice(code, "/tmp/app/classify.ts").output).toBe(output);
});

it("gives named bindings beside a namespace use an import of their own (a namespace import takes none)", () => {
  const code = `import hh, { enrichSpan } from 'honeyhive'
const tracer = hh.HoneyHiveTracer.init({ project: 'p' })
export function step() { enrichSpan({ metadata: {} }); return tracer }
const { HoneyHiveTracer } = hh
`;
  const { output } = migrate(code, "/tmp/app/step.js");
  // A destructure that is not the only use (and one below the code) leaves the namespace form.
  expect(output).toMatch(/^import \* as hh from 'honeyhive'\nimport \{ enrichSpan \} from 'honeyhive'\n/);
  expect(output).toContain("const { HoneyHiveTracer } = hh");
});

it("treats `import { default as hh }` as the default import", () => {
  const { output } = migrate(`import { default as hh } from "honeyhive";\nexport const tracer = hh.HoneyHiveTracer.init({ project: "p" });\n`, "/tmp/app/t.ts");
  expect(output).toMatch(/^import \* as hh from "honeyhive";/);
});

it("leaves a destructure of 1.x-only names, a `let` destructure, a require and another module's default alone", () => {
  // `HoneyHive` (the 1.x REST client) is no export here: a named import of it would not load; the namespace reads it as undefined, and it is marked.
  const gone = migrate(`import hh from "honeyhive";\nconst { HoneyHive } = hh;\nexport const client = new HoneyHive({ bearerAuth: "k" });\n`, "/tmp/app/c.mjs").output;
  expect(gone).toMatch(/^import \* as hh from "honeyhive";\nconst \{ HoneyHive \} = hh;/);
  const mutable = migrate(`import hh from "honeyhive";\nlet { HoneyHiveTracer } = hh;\nexport const t = HoneyHiveTracer.init({ project: "p" });\n`, "/tmp/app/m.mjs").output;
  expect(mutable).toMatch(/^import \* as hh from "honeyhive";\nlet \{ HoneyHiveTracer \} = hh;/);
  const required = `const hh = require("honeyhive");\nexports.tracer = hh.HoneyHiveTracer.init({ project: "p" });\n`;
  expect(migrate(required, "/tmp/app/r.cjs").output).toBe(required);
  const lookalike = `import honeyhive from "honeyhive-extras";\nimport { HoneyHiveTracer } from "honeyhive";\nexport const t = HoneyHiveTracer.init({ project: honeyhive.project });\n`;
  expect(migrate(lookalike, "/tmp/app/l.ts").output).toBe(lookalike);
});

it("writes a Deno npm: specifier of 1.x with this major, as the other imports get it", () => {
  const code = `import hh from "npm:honeyhive@1.0.42";\nexport const tracer = hh.HoneyHiveTracer.init({ project: "p" });\n`;
  const { output, error } = migrate(code, "/tmp/app/main.ts");
  expect(error).toBeUndefined();
  expect(output).toMatch(/^import \* as hh from "npm:honeyhive@\^2\.0\.0";\n/);
  expect(migrate(output, "/tmp/app/main.ts").output).toBe(output);
});

it("makes `import hh, * as ns` one namespace import, `hh` bound to it, and keeps a second import only where `hh` names a type", () => {
  const code = `import hh, * as ns from "honeyhive";
export const tracer = hh.HoneyHiveTracer.init({ project: "p" });
export const enrich = ns.enrichSpan;
`;
  const { output } = migrate(code, "/tmp/app/both.ts");
  expect(output).toMatch(/^import \* as ns from "honeyhive";\nconst hh = ns;\nexport const tracer = hh\.HoneyHiveTracer\.init\(/);
  expect(output.match(/from "honeyhive"/g)).toHaveLength(1);
  expect(twice(code, "/tmp/app/both.ts").output).toBe(output);
  // The destructure of `hh` stays: it reads `ns`'s members through `hh`.
  const destructured = `import hh, * as ns from "honeyhive";
const { HoneyHiveTracer } = hh;
export const tracer = HoneyHiveTracer.init({ project: "p" });
export const enrich = ns.enrichSpan;
`;
  expect(migrate(destructured, "/tmp/app/d.ts").output).toMatch(/^import \* as ns from "honeyhive";\nconst hh = ns;\nconst \{ HoneyHiveTracer \} = hh;\n/);
  const typed = `import hh, * as ns from "honeyhive";
export let current: hh.HoneyHiveTracer | undefined;
export const enrich = ns.enrichSpan;
`;
  expect(migrate(typed, "/tmp/app/t.ts").output).toMatch(/^import \* as hh from "honeyhive";\nimport \* as ns from "honeyhive";\n/);
});
