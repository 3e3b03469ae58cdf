import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatterCommand } from "./formatter-hint.js";

describe("formatterCommand", () => {
  const created: string[] = [];
  afterEach(() => {
    for (const directory of created.splice(0)) rmSync(directory, { recursive: true, force: true });
  });
  const project = (files: Record<string, string>): string => {
    const root = mkdtempSync(join(tmpdir(), "honeyhive-formatter-"));
    created.push(root);
    for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
    return root;
  };

  it("prefers the formatter (Prettier, Biome) over ESLint, found by config file or dependency", () => {
    const biome = project({ "biome.json": "{}" });
    expect(formatterCommand(biome, biome, ["a.ts"])).toBe("npx biome format --write a.ts");
    const both = project({ "eslint.config.js": "", "package.json": JSON.stringify({ devDependencies: { prettier: "3" } }) });
    expect(formatterCommand(both, both, ["a.ts"])).toBe("npx prettier --write a.ts");
    const eslintOnly = project({ "package.json": JSON.stringify({ devDependencies: { eslint: "9" } }) });
    expect(formatterCommand(eslintOnly, eslintOnly, ["a.ts", "b.ts"])).toBe("npx eslint --fix a.ts b.ts");
  });

  it("looks from the working directory up to the project root, and quotes paths for the shell", () => {
    const top = project({ ".prettierrc.json": "{}" });
    mkdirSync(join(top, "packages", "app"), { recursive: true });
    expect(formatterCommand(join(top, "packages", "app"), top, ["src/it's [id].ts"])).toBe(
      `npx prettier --write 'src/it'\\''s [id].ts'`,
    );
  });

  it("names nothing without a formatter or without changed files", () => {
    const bare = project({ "package.json": JSON.stringify({ dependencies: { express: "5" } }) });
    expect(formatterCommand(bare, bare, ["a.ts"])).toBeUndefined();
    const biome = project({ "biome.json": "{}" });
    expect(formatterCommand(biome, biome, [])).toBeUndefined();
  });
});
