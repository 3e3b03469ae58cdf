import { afterEach, describe, expect, it, vi } from "vitest";
import { HoneyHiveTracer, trace } from "./index.js";
import { setDefaultTracer } from "./default-tracer.js";

afterEach(() => {
  setDefaultTracer(undefined);
  vi.restoreAllMocks();
});

describe("HoneyHiveTracer in test mode", () => {
  it("records spans in memory, stamped with the session created before an await", async () => {
    const tracer = HoneyHiveTracer.init({ testMode: true, project: "p", source: "unit" });
    const double = trace({ tracer, eventType: "chain" }, async function double(value: number) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      return value * 2;
    });
    const sessionId = tracer.createSession({ sessionName: "s" });
    await new Promise((resolve) => setTimeout(resolve, 1));

    expect(await double(2)).toBe(4);

    const [span] = tracer.getFinishedSpans();
    expect(span.name).toBe("double");
    expect(span.attributes).toMatchObject({
      "honeyhive.session_id": sessionId,
      "honeyhive.project": "p",
      "honeyhive.source": "unit",
      honeyhive_event_type: "chain",
      "honeyhive_inputs._params_": "[2]",
      "honeyhive_outputs.result": 4,
    });
    expect(await tracer.forceFlush()).toBe(true);
  });
});
