// An inline arrow passed to trace() has no name, so its spans used to be called `anonymous`, all of
// them. An unnamed traced function's span is named after its event type and the line that wrapped it,
// and the README's examples name their spans.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HoneyHiveTracer, trace } from "./index.js";
import { repositoryRoot } from "./test-utils/type-check.js";

/** The line of this file that calls it (as the stack reports it, source maps and all). */
function lineOfCaller(): number {
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder, lineOfCaller);
  return Number(/:(\d+):\d+\)?$/m.exec(holder.stack!.split("\n")[1])![1]);
}

describe("span names", () => {
  it("names an anonymous traced function after its event type and the line that wrapped it", async () => {
    const tracer = HoneyHiveTracer.init({ project: "names", testMode: true });
    const [line, retrieve] = [lineOfCaller(), trace({ tracer, eventType: "chain" }, async (query: string) => [query])];
    const [methodLine, score] = [lineOfCaller(), tracer.trace({ eventType: "model" }, () => 1)];
    await retrieve("q");
    score();

    expect(tracer.getFinishedSpans().map((span) => span.name)).toEqual([
      `chain (span-names.test.ts:${line})`,
      `model (span-names.test.ts:${methodLine})`,
    ]);
  });

  it("keeps eventName first, then the function's own name", () => {
    const tracer = HoneyHiveTracer.init({ project: "names", testMode: true });
    trace({ tracer, eventName: "explicit" }, () => 1)();
    trace({ tracer }, function lookUp() {
      return 2;
    })();
    const shout = trace({ tracer, eventType: "tool" }, (text: string) => text.toUpperCase());
    shout("x"); // a const-assigned arrow is named by JavaScript itself only when not passed as an argument

    const names = tracer.getFinishedSpans().map((span) => span.name);
    expect(names.slice(0, 2)).toEqual(["explicit", "lookUp"]);
    expect(names[2]).toMatch(/^tool \(span-names\.test\.ts:\d+\)$/);
    expect(names).not.toContain("anonymous");
  });

  it("gives every inline function in the README's SDK examples an eventName", () => {
    const readme = readFileSync(join(repositoryRoot, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("<!-- section:sdk:start -->"), readme.indexOf("<!-- section:sdk:end -->"));
    const inlineTraces = [...section.matchAll(/trace\(\{([^}]*)\},\s*(?:async\s*)?(?:\(|\w+\s*=>)/g)].map(([, options]) => options);
    expect(inlineTraces.length).toBeGreaterThanOrEqual(5);
    expect(inlineTraces.filter((options) => !options.includes("eventName"))).toEqual([]);
  });
});
