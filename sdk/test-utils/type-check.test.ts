// The in-process `tsc -p` of the consumer-project tests: a wrong program reports its errors as tsc
// prints them, whether its lib and node_modules declarations are parsed for it (the first program of
// the process) or come from the shared cache (every later one), and a clean program passes.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createConsumerProject, strictConsumerOptions, typeCheck, typeErrorsOf, type ConsumerProject } from "./type-check.js";

const projects: ConsumerProject[] = [];
afterAll(() => {
  for (const project of projects) project.remove();
});

function projectWith(files: Record<string, string>, compilerOptions = strictConsumerOptions()): string {
  const project = createConsumerProject("type-check", { linkedDependencies: ["@types"] });
  projects.push(project);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(project.directory, path, ".."), { recursive: true });
    writeFileSync(join(project.directory, path), text);
  }
  writeFileSync(join(project.directory, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["src/**/*.ts"] }));
  return project.directory;
}

const WRONG = {
  "src/wrong.ts": `import { HoneyHiveTracer, NotExported } from "honeyhive";
const count: string = 1;
export const tracer = HoneyHiveTracer.init({ project: "p", testMode: true });
export { count, NotExported };
`,
};

async function expectWrongReported(directory: string): Promise<void> {
  const printed = relative(process.cwd(), join(directory, "src", "wrong.ts"));
  const failure = await typeCheck(join(directory, "tsconfig.json")).then(
    () => undefined,
    (error: Error) => error.message,
  );
  expect(failure).toContain(`${printed}(1,27): error TS2305: Module '"honeyhive"' has no exported member 'NotExported'.`);
  expect(failure).toContain(`${printed}(2,7): error TS2322: Type 'number' is not assignable to type 'string'.`);
  expect(await typeErrorsOf(directory)).toEqual([
    { path: "src/wrong.ts", line: 1, code: "TS2305", message: `Module '"honeyhive"' has no exported member 'NotExported'.` },
    { path: "src/wrong.ts", line: 2, code: "TS2322", message: "Type 'number' is not assignable to type 'string'." },
  ]);
}

describe("typeCheck and typeErrorsOf", () => {
  it("report a wrong program's errors as tsc prints them, in the first program and with the declarations cached", async () => {
    await expectWrongReported(projectWith(WRONG));
    const clean = projectWith({ "src/clean.ts": `import { HoneyHiveTracer } from "honeyhive";\nexport const tracer = HoneyHiveTracer.init({ project: "p", testMode: true });\nexport const cwd: string = process.cwd();\n` });
    await expect(typeCheck(join(clean, "tsconfig.json"))).resolves.toBeUndefined();
    expect(await typeErrorsOf(clean)).toEqual([]);
    await expectWrongReported(projectWith(WRONG));
    // The first program of the process parses TypeScript's lib, @types/node and the package's declarations.
  }, 120_000);

  it("reads a declaration file again once it changed on disk", async () => {
    const files = { "node_modules/local-lib/package.json": `{ "name": "local-lib", "types": "index.d.ts" }`, "src/use.ts": `import { value } from "local-lib";\nexport const text: string = value;\n` };
    const directory = projectWith({ ...files, "node_modules/local-lib/index.d.ts": "export declare const value: string;\n" });
    expect(await typeErrorsOf(directory)).toEqual([]);
    writeFileSync(join(directory, "node_modules/local-lib/index.d.ts"), "export declare const value: number | undefined;\n");
    expect((await typeErrorsOf(directory)).map((error) => error.code)).toEqual(["TS2322"]);
  });

  it("emits as tsc does when the configuration emits", async () => {
    const directory = projectWith({ "src/main.ts": `export const answer: number = 42;\n` }, strictConsumerOptions({ noEmit: false, rootDir: "src", outDir: "out" }));
    await typeCheck(join(directory, "tsconfig.json"));
    expect(existsSync(join(directory, "out", "main.js"))).toBe(true);
    expect(readFileSync(join(directory, "out", "main.js"), "utf8")).toContain("export const answer = 42;");
  });

  it("rejects a configuration that selects no file, not reading it as a clean program", async () => {
    const directory = projectWith({});
    await expect(typeCheck(join(directory, "tsconfig.json"))).rejects.toThrow(/error TS18003: No inputs were found/);
    await expect(typeErrorsOf(directory)).rejects.toThrow(/TS18003/);
  });
});
