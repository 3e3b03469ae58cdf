// 1x-init on init options imported from another module (blind-1x-2 D3): the module's facts carry the keys
// of an exported `const` object literal (`objectKeys`), so only an import holding 1.x keys (`inputs`,
// `disableHttpTracing`) is marked; one the facts cannot read (a spread, a re-export, a module outside the
// project) keeps the marker.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractModuleFacts } from "../../../analysis/export-facts.js";
import { parseAnalysisInput } from "../../../analysis/parse-input.js";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../../engine/engine.js";
import { TRANSFORM_1X_IDS } from "../ids.js";

const makeProject = useTempProjects("imported-options", "all");

const OPTIONS = `const base = { apiKey: "k" };
export const plain = { apiKey: process.env.HH_API_KEY ?? "", project: "p", sessionName: "worker" };
export const legacy = { apiKey: "k", project: "p", inputs: { region: "eu" }, disableHttpTracing: true };
export const spread = { ...base, project: "p" };
export let reassigned = { apiKey: "k", project: "p" };
`;

const root = makeProject({
  "package.json": `{ "name": "app", "private": true, "dependencies": { "honeyhive": "^1.0.42" } }\n`,
  "src/options.ts": OPTIONS,
});

const migrate = (code: string) => runTransforms(code, join(root, "src/main.ts"), { transforms: TRANSFORM_1X_IDS });

describe("imported init options", () => {
  it("are listed by key in the module's facts where they are a const object literal of plain keys", () => {
    const facts = extractModuleFacts(parseAnalysisInput(OPTIONS, join(root, "src/options.ts")));
    expect(facts.objectKeys).toEqual({
      plain: ["apiKey", "project", "sessionName"],
      legacy: ["apiKey", "project", "inputs", "disableHttpTracing"],
    });
  });

  it("are marked only where they hold 1.x keys or their keys are not known", () => {
    const code = `import { HoneyHiveTracer } from "honeyhive";
import { plain, legacy, spread, reassigned } from "./options";

export const a = HoneyHiveTracer.init(plain);
export const b = HoneyHiveTracer.init(legacy);
export const c = HoneyHiveTracer.init(spread);
export const d = HoneyHiveTracer.init(reassigned);
`;
    const { output, markers } = migrate(code);
    expect(output).not.toMatch(/\*\/\nexport const a = /);
    expect(output).toMatch(/these init options come from another module \(legacy\): [^\n]*\*\/\nexport const b = /);
    expect(output).toMatch(/these init options come from another module \(spread\): [^\n]*\*\/\nexport const c = /);
    expect(output).toMatch(/these init options come from another module \(reassigned\): [^\n]*\*\/\nexport const d = /);
    expect(markers).toBe(3);
    expect(migrate(output).output).toBe(output);
  });
});
