// gaps-rules-10a: a class imported from a project module that keeps one instance of itself (`static getInstance()`),
// read as `Observability.getInstance().tracer`: its module's `tracerHolders` fact lists the static members that give
// that instance (`singletons`), so `migrate --from 1` rewrites the 1.x calls on it; a class whose `getInstance()` makes
// a new instance per call is no holder the module's facts vouch for: the flush keeps its review marker.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runTransforms } from "../../engine/engine.js";
import { makeProject, removeProjects } from "../../cli/test-utils/project.js";

afterAll(removeProjects);

const observability = (getInstance: string): string => `import { HoneyHiveTracer } from "honeyhive";

export class Observability {
  private static instance: Observability | undefined;
  tracer!: HoneyHiveTracer;
  static getInstance(): Observability {
    ${getInstance}
  }
}
`;
const HANDLER = `import { Observability } from "./observability";

export const handler = async (event: { id: string }) => {
  Observability.getInstance().tracer.setMetadata({ id: event.id });
  await Observability.getInstance().tracer.flush();
  return { ok: true };
};
`;

function migrate(getInstance: string) {
  const root = makeProject({
    "package.json": `{ "name": "singleton-1x", "private": true, "dependencies": { "honeyhive": "^1.0.42" } }\n`,
    "src/observability.ts": observability(getInstance),
    "src/handler.ts": HANDLER,
  });
  return runTransforms(HANDLER, join(root, "src/handler.ts"), { transforms: ["1x-flush", "1x-enrichment"], cwd: root });
}

describe("1.x calls on the tracer of an imported singleton class", () => {
  it("are rewritten where the module shows the class keeping one instance", () => {
    const result = migrate("if (!Observability.instance) Observability.instance = new Observability();\n    return Observability.instance;");
    expect(result.output).toBe(
      HANDLER.replace("tracer.setMetadata({ id: event.id })", "tracer.enrichSession({ metadata: { id: event.id } })").replace("tracer.flush()", "tracer.forceFlush()"),
    );
    expect(result.markers).toBe(0);
  });

  it("keep a review marker where getInstance() makes a new instance per call", () => {
    const result = migrate("return new Observability();");
    expect(result.output).toContain("await Observability.getInstance().tracer.flush();");
    expect(result.markers).toBeGreaterThan(0);
  });
});
