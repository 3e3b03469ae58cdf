// 1x-names: a test's mock of the 1.x package is marked (it mirrors 1.x: an async init, flush, trace(fn)),
// not rewritten; which calls replace a module is analysis/knowledge/test-mocks.ts. hunt-real-2 shape 24.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { mayUseSdk } from "../../engine/prefilter.js";
import { runTransforms } from "../../engine/engine.js";
import { TRANSFORM_1X_IDS } from "../ids.js";

const migrate = (code: string, filename = "/tmp/app/src/greet.test.ts") => runTransforms(code, filename, { transforms: TRANSFORM_1X_IDS });

const JEST = `import { HoneyHiveTracer } from "honeyhive";
import { greet } from "./greet";

jest.mock("honeyhive", () => ({
  HoneyHiveTracer: {
    init: jest.fn().mockResolvedValue({ trace: async (fn: () => Promise<void>) => fn(), flush: jest.fn() }),
  },
}));

test("greets", async () => {
  expect(await greet("ada")).toBe("hello ada");
  expect(HoneyHiveTracer.init).toHaveBeenCalledTimes(1);
});
`;

it("marks a jest.mock factory of the package, once, on a second run too", () => {
  const result = migrate(JEST);
  expect(result.markers).toBe(1);
  expect(result.output).toMatch(/honeyhive-migrate: this mock stands in for honeyhive 1\.x: .*mockReturnValue, not mockResolvedValue.*\njest\.mock\("honeyhive", \(\) => \(\{/);
  expect(migrate(result.output).output).toBe(result.output);
});

it("marks vi.mock / vi.doMock factories, jest.setMock objects and mock.module, in files that import nothing of the package", () => {
  for (const call of [
    `vi.mock("honeyhive", async () => ({ HoneyHiveTracer: { init: vi.fn(async () => ({ flush: vi.fn() })) } }));`,
    `vi.doMock("honeyhive", () => ({ traceFunction: () => (fn) => fn }));`,
    `jest.setMock("honeyhive", { HoneyHiveTracer: { init: async () => ({}) } });`,
    `t.mock.module("honeyhive", { namedExports: { HoneyHiveTracer: { init: async () => ({}) } } });`,
  ]) {
    const result = migrate(`import { run } from "../src/run";\n${call}\ntest("x", async () => run());\n`, "/tmp/app/test/run.test.js");
    expect(result.markers, call).toBe(1);
  }
});

it("marks a spy on HoneyHiveTracer.init or a prototype's flush, not one on a method that is the same here", () => {
  const spies = `import { HoneyHiveTracer } from "honeyhive";
const init = jest.spyOn(HoneyHiveTracer, "init").mockResolvedValue({} as never);
const flush = vi.spyOn(HoneyHiveTracer.prototype, "flush");
const enrich = vi.spyOn(HoneyHiveTracer.prototype, "enrichSpan");
`;
  const { output, markers } = migrate(spies, "/tmp/app/src/spies.test.ts");
  expect(markers).toBe(2);
  expect(output).toMatch(/this spy replaces 1\.x HoneyHiveTracer init.*\nconst init = /);
  expect(output).toMatch(/this spy replaces 1\.x HoneyHiveTracer flush.*\nconst flush = /);
  expect(output).toMatch(/enrichSpan"\);\n$/);
  expect(output).not.toMatch(/honeyhive-migrate.*\nconst enrich/);
});

it("marks an automocked member given 1.x's result (vi.mocked, jest.mocked, the member itself), not its expectations or look-alikes", () => {
  const code = `import { HoneyHiveTracer } from "honeyhive";
vi.mocked(HoneyHiveTracer.init).mockResolvedValue(fake);
jest.mocked(HoneyHiveTracer.prototype.flush).mockImplementation(async () => {});
HoneyHiveTracer.init.mockResolvedValueOnce({ flush });
expect(vi.mocked(HoneyHiveTracer.init)).toHaveBeenCalled();
vi.mocked(HoneyHiveTracer.prototype.enrichSpan).mockReturnValue(undefined);
other.init.mockResolvedValue(fake);
vi.mocked(other.init).mockResolvedValue(fake);
`;
  const { output, markers } = migrate(code, "/tmp/app/src/automock.test.ts");
  expect(markers).toBe(3);
  expect(output).toMatch(/this spy replaces 1\.x HoneyHiveTracer init.*\nvi\.mocked\(HoneyHiveTracer\.init\)\.mockResolvedValue/);
  expect(output).toMatch(/this spy replaces 1\.x HoneyHiveTracer flush.*\njest\.mocked/);
  expect(output).toMatch(/this spy replaces 1\.x HoneyHiveTracer init.*\nHoneyHiveTracer\.init\.mockResolvedValueOnce/);
  expect(migrate(output, "/tmp/app/src/automock.test.ts").output).toBe(output);
});

it("leaves automocks, options objects, other modules' mocks and look-alike spies alone", () => {
  const code = `import { HoneyHiveTracer } from "honeyhive";
jest.mock("honeyhive");
vi.mock("honeyhive", { spy: true });
jest.mock("honeyhive-extras", () => ({ init: jest.fn() }));
jest.mock("./honeyhive", () => ({ tracer: {} }));
const Other = { init: async () => 1 };
jest.spyOn(Other, "init");
myLib.mock("honeyhive", () => ({}));
export const tracer = HoneyHiveTracer.init({ project: "p" });
`;
  expect(migrate(code, "/tmp/app/src/a.test.ts").output).toBe(code);
});

const MANUAL = `export const HoneyHiveTracer = {
  init: jest.fn().mockResolvedValue({ trace: async (fn: () => Promise<void>) => fn(), flush: jest.fn() }),
};
`;

it("marks a manual mock of the package (__mocks__/honeyhive.ts, .js, a Windows path), once, though it never names the package", () => {
  for (const path of ["/tmp/app/__mocks__/honeyhive.ts", "/tmp/app/__mocks__/honeyhive.js", "C:\\app\\__mocks__\\honeyhive.mjs"]) {
    const result = migrate(MANUAL, path);
    expect(result.markers, path).toBe(1);
    expect(result.output).toMatch(/^\/\* honeyhive-migrate: this mock stands in for honeyhive 1\.x: .*\*\/\nexport const HoneyHiveTracer = \{/);
    expect(migrate(result.output, path).output).toBe(result.output);
  }
  for (const path of ["/tmp/app/__mocks__/honeyhive-extras.ts", "/tmp/app/mocks/honeyhive.ts", "/tmp/app/__mocks__/@honeyhive/honeyhive.ts", "/tmp/app/__mocks__/honeyhive.d.ts", "/tmp/app/src/honeyhive.ts"]) {
    expect(migrate(MANUAL, path).output, path).toBe(MANUAL);
  }
});

it("marks a manual mock of a subpath (__mocks__/honeyhive/experiments.ts), not one beside a project module honeyhive.ts", () => {
  const root = mkdtempSync(join(tmpdir(), "hh-manual-mock-"));
  try {
    mkdirSync(join(root, "src", "__mocks__"), { recursive: true });
    writeFileSync(join(root, "src", "honeyhive.ts"), "export const tracer = {};\n");
    const own = join(root, "src", "__mocks__", "honeyhive.ts");
    expect(migrate(MANUAL, own).output).toBe(MANUAL);
    expect(mayUseSdk(MANUAL, undefined, own)).toBe(false);
    // The package's mock at the root (no honeyhive.ts beside its folder) is still marked.
    expect(migrate(MANUAL, join(root, "__mocks__", "honeyhive.ts")).markers).toBe(1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const subpath = "/tmp/app/__mocks__/honeyhive/experiments.ts";
  expect(migrate(MANUAL, subpath).markers).toBe(1);
  expect(mayUseSdk(MANUAL, undefined, subpath)).toBe(true);
  expect(migrate(MANUAL, "/tmp/app/__mocks__/lib/honeyhive.ts").output).toBe(MANUAL);
});

it("keeps a manual mock past the text prefilter by its path alone", async () => {
  const { mayUseSdk } = await import("../../engine/prefilter.js");
  expect(mayUseSdk(MANUAL)).toBe(false);
  expect(mayUseSdk(MANUAL, undefined, "/tmp/app/__mocks__/honeyhive.ts")).toBe(true);
  expect(mayUseSdk(MANUAL, undefined, "/tmp/app/__mocks__/other.ts")).toBe(false);
});
