import { describe, expect, it } from "vitest";
import { updateHoneyhiveRange } from "./update-package.js";

describe("updateHoneyhiveRange", () => {
  it("moves the honeyhive range and nothing else, keeping the file's bytes", () => {
    const text = '{\n  "name": "app",\n  "dependencies": {\n    "express": "^4.19.0",\n    "honeyhive":   "^1.0.42"\n  },\n  "devDependencies": { "typescript": "5.6.0" }\n}\n';
    const update = updateHoneyhiveRange(text, "2.1.0");
    expect(update?.text).toBe(text.replace('"^1.0.42"', '"^2.1.0"'));
    expect(update?.from).toEqual(["^1.0.42"]);
    expect(update?.to).toBe("^2.1.0");
  });

  it("leaves a range already on this version, an npm alias, local paths and non-manifests alone", () => {
    expect(updateHoneyhiveRange('{ "dependencies": { "honeyhive": "^2.1.0" } }', "2.1.0")).toBeUndefined();
    expect(updateHoneyhiveRange('{ "dependencies": { "honeyhive": "npm:honeyhive@1.0.42" } }', "2.1.0")).toBeUndefined();
    expect(updateHoneyhiveRange('{ "dependencies": { "honeyhive": "file:../honeyhive" } }', "2.1.0")).toBeUndefined();
    for (const reference of ["workspace:^1.0.0", "honeyhiveai/typescript-sdk", "git+https://github.com/honeyhiveai/typescript-sdk.git", "link:../honeyhive"]) {
      expect(updateHoneyhiveRange(`{ "dependencies": { "honeyhive": "${reference}" } }`, "2.1.0"), reference).toBeUndefined();
    }
    expect(updateHoneyhiveRange('{ "dependencies": { "honeyhive": ">= 1.0.12 < 2" } }', "2.1.0")?.from).toEqual([">= 1.0.12 < 2"]);
    expect(updateHoneyhiveRange('{ "dependencies": { "honeyhive-v1": "npm:honeyhive@1.0.42" } }', "2.1.0")).toBeUndefined();
    expect(updateHoneyhiveRange("not json", "2.1.0")).toBeUndefined();
  });

  it("updates a dev dependency too", () => {
    const update = updateHoneyhiveRange('{"devDependencies":{"honeyhive":"1.0.40"}}', "2.0.0");
    expect(update?.text).toBe('{"devDependencies":{"honeyhive":"^2.0.0"}}');
  });
});
