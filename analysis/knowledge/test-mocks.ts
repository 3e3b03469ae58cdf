// How test runners replace a whole module with one the test writes: a mock of "honeyhive" written for
// 1.x mirrors 1.x's API (an async init resolving a fake tracer, flush, trace(fn)), so after
// `migrate --from 1` the code under test calls what the mock does not have. Read by the 1.x codemods
// (codemods/transforms/1x/mocks.ts), which mark such a mock. A call without its module argument (an
// automock, `jest.mock("honeyhive")`, built from the installed package) needs nothing.

/** A runner's call that replaces a module: `<object>.<method>(specifier, <replacement>)`. */
export interface ModuleMockCall {
  readonly runner: string;
  /** The global (or imported) object the method is called on. */
  readonly object: string;
  readonly methods: readonly string[];
  /** The second argument that writes the module: a function (factory) or an object literal (exports). */
  readonly replacement: "factory" | "object" | "either";
  readonly verifiedAt: string;
}

export const MODULE_MOCK_CALLS: readonly ModuleMockCall[] = [
  {
    runner: "jest",
    object: "jest",
    methods: ["mock", "doMock", "unstable_mockModule"],
    replacement: "factory",
    verifiedAt: "jestjs.io/docs/jest-object: jest.mock(moduleName, factory, options), jest.doMock (not hoisted), jest.unstable_mockModule (ESM) take a factory",
  },
  {
    runner: "jest",
    object: "jest",
    methods: ["setMock"],
    replacement: "object",
    verifiedAt: "jestjs.io/docs/jest-object: jest.setMock(moduleName, moduleExports) 'explicitly supplies the mock object'",
  },
  {
    runner: "vitest",
    object: "vi",
    methods: ["mock", "doMock"],
    // `vi.mock(path, { spy: true })` keeps the real module (spied): an options object is no replacement.
    replacement: "factory",
    verifiedAt: "vitest.dev/api/vi.html: vi.mock(path, factory?: MockOptions | MockFactory), vi.doMock the same, not hoisted",
  },
  {
    runner: "node:test / bun:test",
    object: "mock",
    methods: ["module"],
    // node:test: `mock.module(specifier, { namedExports, defaultExport })`; bun:test: `mock.module(id, factory)`.
    replacement: "either",
    verifiedAt: "nodejs.org/api/test.html MockTracker.module(specifier, options) (--experimental-test-module-mocks); bun.com/reference/bun/test mock.module(id, factory)",
  },
];

/** Runners' spies that replace one member of an object: `jest.spyOn(HoneyHiveTracer, "init")`. */
export const SPY_CALLS: readonly { readonly object: string; readonly method: string }[] = [
  { object: "jest", method: "spyOn" },
  { object: "vi", method: "spyOn" },
];

/**
 * Runners' helpers that hand back a member already replaced (by an automock, `jest.mock("honeyhive")` /
 * `vi.mock("honeyhive")`) typed as a mock: `vi.mocked(HoneyHiveTracer.init).mockResolvedValue(…)`.
 * verifiedAt: vitest.dev/api/vi.html vi.mocked(object, deep?); jestjs.io/docs/jest-object jest.mocked(source, options?) (Jest 27.4+).
 */
export const MOCKED_CALLS: readonly { readonly object: string; readonly method: string }[] = [
  { object: "vi", method: "mocked" },
  { object: "jest", method: "mocked" },
];

/**
 * Runners' calls that make a mock function: assigned over a member of an automocked class
 * (`HoneyHiveTracer.init = vi.fn().mockResolvedValue(…)`), they replace it as a spy does.
 * verifiedAt: vitest.dev/api/vi.html vi.fn(implementation?); jestjs.io/docs/jest-object jest.fn(implementation?);
 * nodejs.org/api/test.html MockTracker.fn([original[, implementation]][, options]) (`mock.fn()`, `t.mock.fn()`).
 */
export const MOCK_FUNCTION_CALLS: readonly { readonly object: string; readonly method: string }[] = [
  { object: "vi", method: "fn" },
  { object: "jest", method: "fn" },
  { object: "mock", method: "fn" },
];

/**
 * A mock function's methods that set what the replaced member returns or does: called on an
 * automocked member (`HoneyHiveTracer.init.mockResolvedValue(…)`) or on MOCKED_CALLS' result, they give
 * it the test's (1.x) shape, as a spy does.
 * verifiedAt: jestjs.io/docs/mock-function-api; vitest.dev/api/mock.html (the same names).
 */
export const MOCK_RESULT_METHODS: ReadonlySet<string> = new Set([
  "mockImplementation",
  "mockImplementationOnce",
  "mockReturnValue",
  "mockReturnValueOnce",
  "mockResolvedValue",
  "mockResolvedValueOnce",
  "mockRejectedValue",
  "mockRejectedValueOnce",
]);

/**
 * A manual mock of a package: a module in a `__mocks__` folder named as the package (`__mocks__/honeyhive.ts`,
 * a scoped one `__mocks__/@scope/name.js`). Jest uses one beside node_modules (or under `roots`) for every
 * import of the package, without a `jest.mock` call; Vitest uses the project root's for `vi.mock(name)`
 * without a factory. Such a file often never names the package, so it is told by its path.
 * verifiedAt: jestjs.io/docs/manual-mocks ("Mocking Node modules", scoped modules); vitest.dev/guide/mocking/modules ("__mocks__" folder).
 */
export const MANUAL_MOCK_FOLDER = "__mocks__";

/** The extensions a runner resolves a manual mock with (Jest's default moduleFileExtensions, less json and node). */
const MANUAL_MOCK_FILE = /^(.+)\.(?:[cm]?[jt]s|[jt]sx)$/;

/**
 * The module a manual mock at `path` stands in for (`/app/__mocks__/honeyhive.ts` → `honeyhive`, a subpath
 * `/app/__mocks__/honeyhive/experiments.ts` → `honeyhive/experiments`), if it is one. Jest names a mock by its
 * path under `__mocks__`. A mock directly in `__mocks__` beside a project module of its name
 * (`src/__mocks__/honeyhive.ts` and `src/honeyhive.ts`) is that module's ("user modules": the folder sits
 * next to the module), not the package's: `fileExists` (the caller's file system) tells.
 * verifiedAt: jestjs.io/docs/manual-mocks ("Mocking user modules": `__mocks__/` adjacent to the module).
 */
export function manualMockOf(path: string, fileExists: (path: string) => boolean = () => false): string | undefined {
  const parts = path.split(/[\\/]/);
  const file = MANUAL_MOCK_FILE.exec(parts.at(-1) ?? "")?.[1];
  const folder = parts.lastIndexOf(MANUAL_MOCK_FOLDER);
  if (file === undefined || folder < 0) return undefined;
  const name = [...parts.slice(folder + 1, -1), file];
  if (name.length > 1) return name.join("/");
  const separator = path.includes("/") ? "/" : "\\";
  const beside = parts.slice(0, folder).join(separator);
  return PROJECT_MODULE_EXTENSIONS.some((extension) => fileExists(`${beside}${separator}${file}.${extension}`)) ? undefined : file;
}

/** The extensions of a project module a manual mock may stand beside (Jest's default moduleFileExtensions, less json and node). */
const PROJECT_MODULE_EXTENSIONS = ["ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs"];
