// 1x-init in a module importing another module's tracer holder whose field held 1.x init's promise
// (`tracer = HoneyHiveTracer.init(…)` untyped in the class): the holder's run makes the field the tracer
// (with its marker), so an importer's `telemetry.tracer.then(…)` no longer compiled (TS2339). The holder's
// facts carry the field (`promiseMembers`), and the importer's receiver is wrapped in Promise.resolve(…).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { extractModuleFacts } from "../../../analysis/export-facts.js";
import { parseAnalysisInput } from "../../../analysis/parse-input.js";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { createConsumerProject, strictConsumerOptions, typeCheck, type ConsumerProject } from "../../../sdk/test-utils/type-check.js";
import { runTransforms } from "../../engine/engine.js";
import { ALL_TRANSFORM_IDS } from "../ids.js";

const makeProject = useTempProjects("holder-promise-field", "all");

const TELEMETRY = `import { HoneyHiveTracer } from "honeyhive";

export class Telemetry {
  tracer = HoneyHiveTracer.init({ project: "holder" });
  ready = Promise.resolve(1);
}

export const telemetry = new Telemetry();
`;

const root = makeProject({
  "package.json": `{ "name": "app", "private": true, "type": "module", "dependencies": { "honeyhive": "^1.0.42" } }\n`,
  "src/telemetry.ts": TELEMETRY,
});

const migrate = (code: string, file = "src/job.ts") => runTransforms(code, join(root, file), { transforms: ALL_TRANSFORM_IDS });

const JOB = `import { telemetry, Telemetry } from "./telemetry";

const own = new Telemetry();

export function run(): void {
  telemetry.tracer.then((t) => t.flush());
  own.tracer.catch(() => undefined);
  telemetry.ready.then((n) => n + 1);
}
`;

let consumer: ConsumerProject | undefined;
afterAll(() => consumer?.remove());

describe("an imported holder's 1.x promise field", () => {
  it("is listed in the holder's facts", () => {
    const facts = extractModuleFacts(parseAnalysisInput(TELEMETRY, join(root, "src/telemetry.ts"))).tracerHolders;
    expect(facts?.Telemetry?.promiseMembers).toEqual(["tracer"]);
    expect(facts?.telemetry?.promiseMembers).toEqual(["tracer"]);
  });

  it("has its .then()/.catch() receiver wrapped in Promise.resolve in the importer; another field is left", () => {
    const { output, error } = migrate(JOB);
    expect(error).toBeUndefined();
    expect(output).toContain("Promise.resolve(telemetry.tracer).then((t) => t.forceFlush()");
    expect(output).toContain("Promise.resolve(own.tracer).catch(() => undefined);");
    expect(output).toContain("  telemetry.ready.then((n) => n + 1);");
    expect(migrate(output).output).toBe(output);
  });

  it("compiles with the migrated holder under tsc --strict", async () => {
    consumer = createConsumerProject("holder-promise-field", { moduleType: "module", linkedDependencies: ["@types"] });
    const directory = join(consumer.directory, "src");
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, "telemetry.ts"), migrate(TELEMETRY, "src/telemetry.ts").output);
    writeFileSync(join(directory, "job.ts"), migrate(JOB).output);
    writeFileSync(join(consumer.directory, "tsconfig.json"), JSON.stringify({ compilerOptions: strictConsumerOptions(), include: ["src/**/*.ts"] }));
    await typeCheck(join(consumer.directory, "tsconfig.json"));
  }, 60_000);
});
