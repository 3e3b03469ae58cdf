import { utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { clearDeploymentCache } from "./deployment.js";
import { clearSdkVersionCache, declaredDependencyVersion, declaredHoneyhiveMajor, honeyhiveMajorOf, majorOfRange } from "./sdk-version.js";
import { DEFAULT_SETTINGS, readSettings } from "./settings.js";
import { useTempProjects } from "./test-utils/temp-projects.js";

describe("majorOfRange", () => {
  it.each([
    ["^1.0.42", 1],
    ["~1.0", 1],
    ["1.x", 1],
    ["1", 1],
    [">=1.0.0 <2", 1],
    ["1.x || 2.x", 1],
    ["v1.0.3", 1],
    ["npm:honeyhive@^2.0.0", 2],
    ["^2.0.0", 2],
    ["2.0.0", 2],
    ["workspace:^2.0.0", 2],
  ])("%s starts at major %d", (range, major) => {
    expect(majorOfRange(range)).toBe(major);
  });

  it.each(["latest", "*", "workspace:*", "file:../honeyhive", "github:honeyhiveai/typescript-sdk", "https://x/y.tgz", "../vendor/honeyhive"])(
    "%s names no version",
    (range) => {
      expect(majorOfRange(range)).toBeUndefined();
    },
  );
});

describe("the major a file is written against", () => {
  const makeProject = useTempProjects("sdk-version");
  /** A handler file of a project whose package.json is `manifest` (text, or a value written as JSON). */
  function project(manifest: unknown): string {
    return join(makeProject({ "package.json": typeof manifest === "string" ? manifest : JSON.stringify(manifest), "src/": "" }), "src", "handler.ts");
  }

  it("reads the honeyhive range of the nearest package.json, in any dependency field", () => {
    expect(declaredHoneyhiveMajor({ filename: project({ dependencies: { honeyhive: "^1.0.42" } }), settings: DEFAULT_SETTINGS })).toBe(1);
    expect(declaredHoneyhiveMajor({ filename: project({ devDependencies: { honeyhive: "^2.0.0" } }), settings: DEFAULT_SETTINGS })).toBe(2);
    expect(declaredHoneyhiveMajor({ filename: project({ dependencies: { express: "^5" } }), settings: DEFAULT_SETTINGS })).toBeUndefined();
  });

  it("takes the setting over the package.json", () => {
    const filename = project({ dependencies: { honeyhive: "^2.0.0" } });
    expect(honeyhiveMajorOf({ filename, settings: readSettings({ honeyhive: { sdkVersion: 1 } }) })).toBe(1);
    expect(readSettings({ honeyhive: { sdkVersion: 3 } }).sdkVersion).toBeUndefined();
  });

  it("asks the code only when the project does not say, and defaults to 2", () => {
    const declared = project({ dependencies: { honeyhive: "^2.0.0" } });
    const silent = project({ dependencies: {} });
    let asked = 0;
    const evidence = (): 1 => {
      asked += 1;
      return 1;
    };
    expect(honeyhiveMajorOf({ filename: declared, settings: DEFAULT_SETTINGS }, evidence)).toBe(2);
    expect(asked).toBe(0);
    expect(honeyhiveMajorOf({ filename: silent, settings: DEFAULT_SETTINGS }, evidence)).toBe(1);
    expect(asked).toBe(1);
    expect(honeyhiveMajorOf({ filename: silent, settings: DEFAULT_SETTINGS })).toBe(2);
  });

  it("keeps a folder's answer for its other files within a second, sees an edit after it, and forgets it with the caches", () => {
    // The clock of the check is faked (only `Date`): the files' own mtimes are real.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2030-01-01T00:00:00Z") });
    try {
      const filename = project({ dependencies: { honeyhive: "^1.0.42" } });
      const sibling = join(dirname(filename), "other.ts");
      const manifest = join(dirname(filename), "..", "package.json");
      expect(declaredHoneyhiveMajor({ filename, settings: DEFAULT_SETTINGS })).toBe(1);
      writeFileSync(manifest, JSON.stringify({ dependencies: { honeyhive: "^2.0.0" } }));
      utimesSync(manifest, new Date(), new Date(Date.now() + 5_000));
      expect(declaredHoneyhiveMajor({ filename: sibling, settings: DEFAULT_SETTINGS })).toBe(1);
      // An editor session: the upgrade is seen once the second has passed, for both files.
      vi.setSystemTime(new Date("2030-01-01T00:00:01.500Z"));
      expect(declaredHoneyhiveMajor({ filename: sibling, settings: DEFAULT_SETTINGS })).toBe(2);
      expect(declaredHoneyhiveMajor({ filename, settings: DEFAULT_SETTINGS })).toBe(2);
      writeFileSync(manifest, JSON.stringify({ dependencies: { honeyhive: "^1.0.0" } }));
      utimesSync(manifest, new Date(), new Date(Date.now() + 10_000));
      clearDeploymentCache();
      clearSdkVersionCache();
      expect(declaredHoneyhiveMajor({ filename: sibling, settings: DEFAULT_SETTINGS })).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("treats an unparsable package.json as silent, without throwing", () => {
    const filename = project("{ not json");
    expect(declaredHoneyhiveMajor({ filename, settings: DEFAULT_SETTINGS })).toBeUndefined();
    expect(honeyhiveMajorOf({ filename, settings: DEFAULT_SETTINGS })).toBe(2);
  });
});

describe("declaredDependencyVersion: through the one package.json reader", () => {
  const makeProject = useTempProjects("sdk-version-manifest");

  it("reads the range from the package.json's first field that names it, and sees an edit a second later", () => {
    // The clock of the check is faked (only `Date`): the files' own mtimes are real.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2030-01-01T00:00:00Z") });
    try {
      const root = makeProject({ "package.json": JSON.stringify({ dependencies: { next: "^15.0.3" }, devDependencies: { next: "14.2.0" } }), "src/": "" });
      const file = join(root, "src/app.ts");
      expect(declaredDependencyVersion(file, "next")).toEqual([15, 0]);
      expect(declaredDependencyVersion(file, "react")).toBeUndefined();
      writeFileSync(join(root, "package.json"), JSON.stringify({ dependencies: { next: "^15.1.0" } }));
      utimesSync(join(root, "package.json"), new Date(), new Date(Date.now() + 5_000));
      vi.setSystemTime(new Date("2030-01-01T00:00:01.500Z"));
      expect(declaredDependencyVersion(file, "next")).toEqual([15, 1]);
    } finally {
      vi.useRealTimers();
    }
  });
});
