import { describe, expect, it } from "vitest";
import { AttachedCache } from "./attached-cache.js";

describe("AttachedCache", () => {
  it("keeps one value per key, each cache apart", () => {
    const models = new AttachedCache<object, string>("test.models");
    const findings = new AttachedCache<object, string>("test.findings");
    const first = {};
    const second = {};
    expect(models.get(first)).toBeUndefined();
    models.set(first, "model of first");
    findings.set(first, "findings of first");
    models.set(second, "model of second");
    expect(models.get(first)).toBe("model of first");
    expect(findings.get(first)).toBe("findings of first");
    expect(models.get(second)).toBe("model of second");
    expect(findings.get(second)).toBeUndefined();
    models.set(first, "replaced");
    expect(models.get(first)).toBe("replaced");
  });

  it("leaves what the key shows unchanged: no enumerable property, same JSON", () => {
    const cache = new AttachedCache<object, { big: number[] }>("test.hidden");
    const node = { type: "Program", body: [] };
    cache.set(node, { big: [1, 2, 3] });
    expect(Object.keys(node)).toEqual(["type", "body"]);
    expect(JSON.stringify(node)).toBe('{"type":"Program","body":[]}');
    expect(Object.getOwnPropertySymbols(node).every((symbol) => !Object.getOwnPropertyDescriptor(node, symbol)?.enumerable)).toBe(true);
    // What ESLint's RuleTester does to tell whether a rule changed the AST.
    expect(node).toStrictEqual({ type: "Program", body: [] });
  });

  it("still caches for keys that cannot take a property", () => {
    const cache = new AttachedCache<object, number>("test.frozen");
    const frozen = Object.freeze({ type: "Program" });
    cache.set(frozen, 42);
    expect(cache.get(frozen)).toBe(42);
    expect(cache.get(Object.freeze({}))).toBeUndefined();
  });
});
