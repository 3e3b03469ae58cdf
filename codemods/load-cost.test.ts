// What loading the codemod engine costs every `migrate` process and worker thread: it must not pull
// in ESLint (through @typescript-eslint/utils' TSESLint namespace, ~0.3 s), and the built ESM must
// load the big CommonJS packages with require(): an ESM import of one makes Node lex its whole
// source for named exports (~0.6 s for TypeScript's bundle). Checked on the build (the vitest
// global setup rebuilds dist/ when it is stale).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const ESM = join(import.meta.dirname, "..", "dist", "esm");

function builtFiles(directory: string): string[] {
  return readdirSync(join(ESM, directory), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".js") && !entry.name.endsWith(".test.js"))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("loading the codemod engine", () => {
  it("does not load ESLint", () => {
    const engine = pathToFileURL(join(ESM, "codemods", "engine", "engine.js")).href;
    const script = `import { createRequire } from "node:module";
await import(${JSON.stringify(engine)});
const loaded = Object.keys(createRequire(import.meta.url).cache);
console.log(JSON.stringify({ eslint: loaded.filter((path) => /[\\\\/]node_modules[\\\\/]eslint[\\\\/]/.test(path)).length, typescript: loaded.some((path) => /[\\\\/]typescript[\\\\/]lib[\\\\/]typescript\\.js$/.test(path)) }));`;
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    // TypeScript is loaded (the parser needs it), through require; ESLint is not.
    expect(JSON.parse(output)).toEqual({ eslint: 0, typescript: true });
  });

  it("requires TypeScript, typescript-estree and scope-manager instead of importing them (types and visitor-keys are small)", () => {
    const esmImports = [...builtFiles("codemods"), ...builtFiles("analysis")].flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/^import\s[^;]*?from\s*"(typescript|@typescript-eslint\/(?:typescript-estree|scope-manager|utils))"/gm)].map((match) => `${file}: ${match[1]}`),
    );
    expect(esmImports).toEqual([]);
  });
});
