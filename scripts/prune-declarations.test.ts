import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pruneDeclarations, typeEntryPoints } from "./prune-declarations.mjs";

const dist = mkdtempSync(join(tmpdir(), "honeyhive-prune-"));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
}

describe("pruneDeclarations", () => {
  it("keeps what the entries reach (from, import(), index folders, .d.mts) and removes the rest, never .js files", () => {
    write({
      "esm/sdk/index.d.ts": `export { Tracer } from "./tracer.js";\nexport type { Options } from "./types";\n`,
      "esm/sdk/tracer.d.ts": `export declare class Tracer { span: import("./span/index.js").Span; }\n`,
      "esm/sdk/types.d.ts": `export interface Options { a?: string }\n`,
      "esm/sdk/span/index.d.ts": `export type { Span } from "./span.mjs";\n`,
      "esm/sdk/span/span.d.mts": `export interface Span { name: string }\n`,
      "esm/analysis/handlers.d.ts": `export declare const internal: number;\n`,
      "esm/analysis/handlers.js": `export const internal = 1;\n`,
    });
    const removed = pruneDeclarations(dist, [join(dist, "esm/sdk/index.d.ts")]);
    expect(removed).toBe(1);
    for (const kept of ["sdk/index.d.ts", "sdk/tracer.d.ts", "sdk/types.d.ts", "sdk/span/index.d.ts", "sdk/span/span.d.mts", "analysis/handlers.js"]) {
      expect(existsSync(join(dist, "esm", kept)), kept).toBe(true);
    }
    expect(existsSync(join(dist, "esm/analysis/handlers.d.ts"))).toBe(false);
  });

  it("refuses to prune when an entry point was not built", () => {
    expect(() => pruneDeclarations(dist, [join(dist, "esm/missing/index.d.ts")])).toThrow(/was not built/);
  });
});

describe("typeEntryPoints", () => {
  it("reads types from exports conditions, the top-level field and typesVersions", () => {
    const manifest = {
      types: "./dist/cjs/sdk/index.d.ts",
      typesVersions: { "*": { experiments: ["./dist/cjs/sdk/experiments/index.d.ts"] } },
      exports: {
        ".": { import: { types: "./dist/esm/sdk/index.d.ts", default: "./dist/esm/sdk/index.js" } },
        "./package.json": "./package.json",
      },
    };
    expect(typeEntryPoints(manifest).sort()).toEqual(["./dist/cjs/sdk/experiments/index.d.ts", "./dist/cjs/sdk/index.d.ts", "./dist/esm/sdk/index.d.ts"]);
  });
});
