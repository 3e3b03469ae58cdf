import { utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { clearDeploymentCache } from "./deployment.js";
import { clearSdkVersionCache, declaredDependencyVersion, declaredHoneyhiveMajor, honeyhiveMajorOf, majorOfRange, minorVersionOfRange, rangeSourceOf, versionSpansOfRange } from "./sdk-version.js";
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

describe("the one range reader under majorOfRange and minorVersionOfRange", () => {
  it.each([
    ["npm:honeyhive@^1.0.30", [1, 0]],
    ["npm:@scope/honeyhive@~1.2.3", [1, 2]],
    ["workspace:^1.0.0", [1, 0]],
    ["workspace:~2.3.1", [2, 3]],
    ["workspace:1.4.0", [1, 4]],
    ["1.0.12 - 1.0.23", [1, 0]],
    [">= 1.0.12 < 1.0.24", [1, 0]],
    ["1.x || 2.x", [1, 0]],
    ["1.0.x", [1, 0]],
    ["^1.0.0-beta.2", [1, 0]],
    ["<2 >=1.5", [1, 5]],
  ] as const)("%s starts at %j", (range, minor) => {
    expect(minorVersionOfRange(range)).toEqual(minor);
    expect(majorOfRange(range)).toBe(minor[0]);
  });

  it("spans what the edge forms admit", () => {
    expect(versionSpansOfRange("npm:honeyhive@^1.0.30")).toEqual([{ lowest: [1, 0, 30], below: [2, 0, 0] }]);
    expect(versionSpansOfRange("workspace:^1.0.0")).toEqual([{ lowest: [1, 0, 0], below: [2, 0, 0] }]);
    expect(versionSpansOfRange("1.0.12 - 1.0.23 || >=2")).toEqual([
      { lowest: [1, 0, 12], below: [1, 0, 24] },
      { lowest: [2, 0, 0], below: undefined },
    ]);
    expect(versionSpansOfRange("1.x")).toEqual([{ lowest: [1, 0, 0], below: [2, 0, 0] }]);
    expect(versionSpansOfRange("1.0.1-rc.1")).toEqual([{ lowest: [1, 0, 1], below: [1, 0, 2] }]);
    for (const none of ["*", "x", "workspace:*", "workspace:^", "latest", "honeyhiveai/typescript-sdk", "git+https://github.com/a/b.git", "link:../honeyhive"]) {
      expect(versionSpansOfRange(none), none).toBeUndefined();
      expect(minorVersionOfRange(none), none).toBeUndefined();
    }
  });

  it("tells a registry range from an alias, a workspace and a reference that names none", () => {
    expect(rangeSourceOf("^1.0.42")).toEqual({ kind: "range", range: "^1.0.42" });
    expect(rangeSourceOf("latest")).toEqual({ kind: "range", range: "latest" });
    expect(rangeSourceOf("npm:honeyhive@1.0.42")).toEqual({ kind: "alias", range: "1.0.42" });
    expect(rangeSourceOf("workspace:*")).toEqual({ kind: "workspace", range: "*" });
    for (const reference of ["file:../honeyhive", "github:honeyhiveai/typescript-sdk", "honeyhiveai/typescript-sdk", "https://x/y.tgz", "../vendor/honeyhive", "git+ssh://git@github.com/a/b.git"]) {
      expect(rangeSourceOf(reference), reference).toBeUndefined();
    }
  });
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
