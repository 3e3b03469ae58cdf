import { describe, expect, it } from "vitest";
import { HoneyHiveTracer, InvalidSessionIdError, isSessionId, toSessionId } from "./index.js";

describe("toSessionId()", () => {
  // Vectors computed independently with Python: uuid.uuid5(uuid.NAMESPACE_DNS, identifier).
  it.each([
    ["x", "05b16a01-46c6-56dd-bd6e-c6dfb4a1427a"],
    ["request-42", "764a1849-32f9-5676-8eb1-b2fcfdd5ec94"],
    ["héllo", "5ca283f8-ff14-58cb-ba86-bf52120a3414"],
  ])("maps %j to the UUID v5 Python's uuid5 gives", (identifier, expected) => {
    expect(toSessionId(identifier)).toBe(expected);
  });

  it("is deterministic and yields a valid session id", () => {
    expect(toSessionId("conversation-7")).toBe(toSessionId("conversation-7"));
    expect(toSessionId("conversation-7")).not.toBe(toSessionId("conversation-8"));
    expect(isSessionId(toSessionId("anything"))).toBe(true);
  });

  // Before, each of these was a constant id (`undefined` the id of "undefined"): every request that sent
  // no identifier shared one session.
  it.each([
    [undefined, /got undefined/],
    [null, /got null/],
    ["", /got an empty string/],
    [42, /got number/],
    [{ id: "x" }, /got object/],
  ])("throws a TypeError naming the rule's guard for %j", (identifier, got) => {
    expect(() => toSessionId(identifier as unknown as string)).toThrow(TypeError);
    expect(() => toSessionId(identifier as unknown as string)).toThrow(got);
    expect(() => toSessionId(identifier as unknown as string)).toThrow(/sid \? toSessionId\(sid\) : undefined/);
  });

  it("never quotes the value it refuses", () => {
    const secretish = { token: "hh-never-printed-0123456789" };
    expect(() => toSessionId(secretish as unknown as string)).toThrow(expect.objectContaining({ message: expect.not.stringContaining("hh-never-printed") }));
  });

  it("keeps converting what was sent, the guard included", () => {
    const convert = (sid: string | undefined) => (sid ? toSessionId(sid) : undefined);
    expect(convert("request-42")).toBe("764a1849-32f9-5676-8eb1-b2fcfdd5ec94");
    expect(convert(undefined)).toBeUndefined();
    expect(convert("")).toBeUndefined();
  });
});

describe("isSessionId()", () => {
  it.each([
    ["3f2b8c1e-9a4d-4e7f-8b21-6c5d4e3f2a10", true],
    ["3F2B8C1E-9A4D-4E7F-8B21-6C5D4E3F2A10", true],
    ["05b16a01-46c6-56dd-bd6e-c6dfb4a1427a", true],
    ["request-42", false],
    ["3f2b8c1e9a4d4e7f8b216c5d4e3f2a10", false],
    ["3f2b8c1e-9a4d-4e7f-cb21-6c5d4e3f2a10", false], // wrong variant
    ["", false],
  ])("%j → %s", (value, expected) => {
    expect(isSessionId(value)).toBe(expected);
  });

  it("rejects non-strings", () => {
    expect(isSessionId(42 as unknown as string)).toBe(false);
  });
});

describe("explicit session ids", () => {
  const tracer = HoneyHiveTracer.init({ testMode: true });

  it("are refused with an error that names toSessionId()", () => {
    expect(() => tracer.createSession({ sessionId: "user-123" })).toThrow(InvalidSessionIdError);
    expect(() => tracer.createSession({ sessionId: "user-123" })).toThrow(/toSessionId\(/);
    expect(() => HoneyHiveTracer.init({ testMode: true, sessionId: "lambda-abc" })).toThrow(/toSessionId\(/);
    expect(() => tracer.withSession({ sessionId: "x" }, () => 1)).toThrow(/withSession\(\).*toSessionId/);
  });

  // gaps-sdk-4: the error quoted the value raw (80 characters of it): an id taken from the wrong
  // header carried the API key into every log that prints the error; a hostile toString made it throw.
  it("quote the value as a log line does: capped, redacted, and never failing on an unprintable value", () => {
    const key = "hh-session-id-error-secret-key";
    const withKey = HoneyHiveTracer.init({ testMode: true, apiKey: key });
    const messageOf = (sessionId: unknown): string => {
      try {
        withKey.createSession({ sessionId: sessionId as string });
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidSessionIdError);
        return (error as Error).message;
      }
      throw new Error("createSession() accepted an invalid id");
    };
    expect(messageOf(`Bearer ${key}`)).not.toContain(key);
    expect(messageOf(key)).toContain("[REDACTED]");
    expect(messageOf(Symbol("id"))).toContain("is not a UUID");
    expect(messageOf({ toString: () => { throw new Error("hostile"); } })).toContain("[unprintable]");
    expect(messageOf("x".repeat(10_000)).length).toBeLessThan(400);
  });

  it("reject acreateSession() instead of throwing synchronously", async () => {
    await expect(tracer.acreateSession({ sessionId: "nope" })).rejects.toThrow(/toSessionId/);
  });

  it("are accepted when they are UUIDs, converted ones included", () => {
    const id = toSessionId("user-123");
    expect(tracer.withSession({ sessionId: id }, (sessionId) => sessionId)).toBe(id);
    expect(HoneyHiveTracer.init({ testMode: true, sessionId: id }).sessionId).toBe(id);
  });
});
