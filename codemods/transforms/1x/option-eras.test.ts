// option1xAmong (analysis/honeyhive-1x.ts): each 1.x evaluate() key of 1.0.12–1.0.32 that is renamed (hh_api_key,
// hh_project, dataset_id, server_url) beside the keys of each era, and a rename that would write a key twice.
import { describe, expect, it } from "vitest";
import { runTransforms } from "../../engine/engine.js";
import { ALL_TRANSFORM_IDS } from "../ids.js";

const from1 = (config: string) =>
  runTransforms(`import { evaluate } from "honeyhive";\nconst answer = async (inputs: { q: string }) => inputs.q;\nexport const run = () =>\n  evaluate({ ${config} });\n`, "src/run.ts", { transforms: ALL_TRANSFORM_IDS });
/** The migrated evaluate() line, after any marker line. */
const call = (output: string) => output.split("\n").find((line) => line.includes("evaluate({"))!.trim();

const EARLIER_KEYS = [
  ["hh_api_key", "apiKey"],
  ["hh_project", "project"],
  ["dataset_id", "datasetId"],
  ["server_url", "serverUrl"],
] as const;

describe.each(EARLIER_KEYS)("1x-evaluate: %s (read 1.0.12–1.0.32)", (key, to) => {
  it(`alone, or beside keys of every version (name, dataset): renamed to ${to}`, () => {
    const result = from1(`${key}: "v", name: "n", dataset: []`);
    expect(call(result.output)).toBe(`evaluate({ ${to}: "v", name: "n", dataset: [] });`);
    expect(result.markers).toBe(0);
  });
  it(`beside another key of its era (evaluationFunction, query_list): renamed to ${to}`, () => {
    expect(call(from1(`${key}: "v", evaluationFunction: answer, dataset: []`).output)).toBe(`evaluate({ ${to}: "v", function: ({ inputs }) => answer(inputs), dataset: [] });`);
    expect(call(from1(`${key}: "v", query_list: [{ q: "a" }]`).output)).toBe(`evaluate({ ${to}: "v", dataset: [{ q: "a" }].map((inputs) => ({ inputs })) });`);
  });
  it.each(["function: answer", "runConcurrently: false", "maxWorkers: 2"])("beside only keys of 1.0.33+ (%s): dropped under a marker", (later) => {
    const result = from1(`${key}: "v", ${later}, dataset: []`);
    expect(result.output).not.toContain(`${to}: "v"`);
    expect(result.output).not.toContain(`${key}:`);
    expect(result.output).toContain(`removed 1.x evaluate option ${key} (1.x read it only before 1.0.33, and \`${later.split(":")[0]}\` (read from 1.0.33)`);
    expect(result.markers).toBe(1);
  });
  it(`beside ${to} itself in a config mixing eras: dropped under a marker, not written as a second ${to}`, () => {
    const result = from1(`${key}: "v", evaluationFunction: answer, ${to}: "w", dataset: []`);
    expect(call(result.output)).toBe(`evaluate({ function: ({ inputs }) => answer(inputs), ${to}: "w", dataset: [] });`);
    expect(result.output).toContain(`removed 1.x evaluate option ${key} (the object also has \`${to}\``);
    expect(result.markers).toBe(1);
  });
});

describe("1x-evaluate: a Python SDK key beside the 1.x key renamed to the same name", () => {
  it.each([
    [`hh_api_key: "a", api_key: "b", evaluationFunction: answer, dataset: []`, `evaluate({ apiKey: "a", function: ({ inputs }) => answer(inputs), dataset: [] });`, "api_key", "hh_api_key"],
    [`apiKey: "a", api_key: "b", dataset: []`, `evaluate({ apiKey: "a", dataset: [] });`, "api_key", "apiKey"],
    [`maxWorkers: 2, max_workers: 3, dataset: []`, `evaluate({ maxConcurrency: 2, dataset: [] });`, "max_workers", "maxWorkers"],
  ])("%s: the key 1.x read is migrated, the Python one dropped under a marker", (config, expected, python, read) => {
    const result = from1(config);
    expect(call(result.output)).toBe(expected);
    expect(result.output).toContain(`removed 1.x evaluate option ${python} (1.x ignored this Python SDK key and read \`${read}\``);
    expect(result.markers).toBe(1);
  });
  it("alone: renamed as before", () => {
    expect(call(from1(`api_key: "b", dataset: []`).output)).toBe(`evaluate({ apiKey: "b", dataset: [] });`);
  });
});
