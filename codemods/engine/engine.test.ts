import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mayUseSdk, runAsJscodeshift, runTransforms } from "./engine.js";
import { isParseFailure, parseFile, releaseParse } from "./parse.js";
import { addMarker, countMarkers, markerComment } from "./markers.js";
import type { TSESTree } from "@typescript-eslint/utils";
import type { CodemodTransform } from "./transform-api.js";
import type { ParsedFile } from "./parse.js";
import { MESSAGES_1X } from "../transforms/1x/messages.js";
import { flush1x } from "../transforms/1x/flush.js";
import { evaluateManagedTracer } from "../transforms/evaluate-managed-tracer.js";
import { explicitTracer } from "../transforms/explicit-tracer.js";
import sessionStartTransform from "../jscodeshift/session-start-to-create-session.js";
import { ALL_TRANSFORM_IDS } from "../transforms/ids.js";

const require = createRequire(import.meta.url);

const EXPRESS_APP = `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ project: "shop" });
const app = express();

app.use((req, _res, next) => {
  tracer.sessionStart({ sessionName: req.path });
  next();
});
`;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("runTransforms", () => {
  it("returns the very same string, unparsed work aside, for a file without SDK usage", () => {
    const source = "export const add = (a: number, b: number) => a + b;\n";
    const result = runTransforms(source, "src/math.ts");
    expect(result).toEqual({ output: source, changed: false, applied: [], markers: 0 });
    expect(result.output).toBe(source);
  });

  it("reports a syntax error with its 1-based position and leaves the text untouched", () => {
    const source = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" ;\n`;
    const result = runTransforms(source, "src/broken.ts");
    expect(result.output).toBe(source);
    expect(result.changed).toBe(false);
    expect(result.error).toMatchObject({ line: 2, column: expect.any(Number) });
    expect(result.error?.message).toMatch(/expected/i);
  });

  it("applies the selected transforms only, in order, and lists those that changed the file", () => {
    expect(runTransforms(EXPRESS_APP, "src/server.ts", { transforms: ["explicit-tracer"] }).changed).toBe(false);
    const result = runTransforms(EXPRESS_APP, "src/server.ts", { transforms: ["session-start-to-create-session"] });
    expect(result.applied).toEqual(["session-start-to-create-session"]);
    expect(result.output).toBe(EXPRESS_APP.replace("sessionStart", "createSession"));
  });

  it("turns a transform exception into an error and changes nothing", () => {
    vi.spyOn(explicitTracer, "collect").mockImplementation(() => {
      throw new Error("boom");
    });
    const result = runTransforms(EXPRESS_APP, "src/server.ts");
    expect(result.output).toBe(EXPRESS_APP);
    expect(result.error?.message).toBe("explicit-tracer: boom");
  });

  it("refuses output that no longer parses", () => {
    vi.spyOn(explicitTracer, "collect").mockImplementation(({ edits }) => edits.insertAt(0, "("));
    const result = runTransforms(EXPRESS_APP, "src/server.ts");
    expect(result.output).toBe(EXPRESS_APP);
    expect(result.error?.message).toMatch(/unparsable/);
  });

  it("re-parses an identifier-shaped edit that is not an Identifier node (a number's exponent)", () => {
    const source = `${EXPRESS_APP}const limit = 1e5;\n`;
    const exponent = source.indexOf("e5;");
    vi.spyOn(explicitTracer, "collect").mockImplementation(({ edits }) => edits.replace([exponent, exponent + 2], "createSession"));
    const result = runTransforms(source, "src/server.ts");
    expect(result.output).toBe(source);
    expect(result.error?.message).toMatch(/unparsable/);
  });

  it("settles earlier transforms and looks again when two transforms edit the same code", () => {
    const sessionStart = EXPRESS_APP.indexOf("sessionStart");
    vi.spyOn(explicitTracer, "collect").mockImplementation(({ file, edits }) => {
      const at = file.text.indexOf("createSession");
      // Seen only after a re-parse of the first transform's output.
      if (at !== -1) edits.replace([at, at + "createSession".length], "acreateSession");
      else edits.replace([sessionStart, sessionStart + "sessionStart".length], "conflicting");
    });
    const result = runTransforms(EXPRESS_APP, "src/server.ts");
    expect(result.error).toBeUndefined();
    expect(result.output).toBe(EXPRESS_APP.replace("sessionStart", "acreateSession"));
    expect(result.applied).toEqual(["session-start-to-create-session", "explicit-tracer"]);
  });

  describe("after the 1.x set, a settle that waits for an edit", () => {
    // 1x-flush leaves a review marker above the static flush and changes no code.
    const JOB = `import { HoneyHiveTracer } from "honeyhive";\nimport { runJob } from "./job";\n\nexport async function main(): Promise<void> {\n  await runJob();\n  await HoneyHiveTracer.flush();\n}\n`;
    const MARKED = JOB.replace("  await HoneyHiveTracer.flush();", `  ${markerComment(MESSAGES_1X.staticFlush)}\n  await HoneyHiveTracer.flush();`);
    /** The texts each collect of `transform` read, in order. */
    const textsReadBy = (transform: { collect: CodemodTransform["collect"] }): ParsedFile[] => {
      const files: ParsedFile[] = [];
      const collect = transform.collect;
      vi.spyOn(transform, "collect").mockImplementation((context) => {
        files.push(context.file);
        collect(context);
      });
      return files;
    };

    it("lets the 2.x transforms read the first parse when the 1.x set left only review markers at statements, and none of them edits", () => {
      const read1x = textsReadBy(flush1x);
      const read2x = textsReadBy(explicitTracer);
      const result = runTransforms(JOB, "src/job-main.ts", { transforms: ALL_TRANSFORM_IDS });
      expect(result).toMatchObject({ output: MARKED, applied: ["1x-flush"], markers: 1 });
      expect(result.error).toBeUndefined();
      // No second parse: the 2.x transform read the very parse the 1.x transform read.
      expect(read2x).toHaveLength(1);
      expect(read2x[0]).toBe(read1x[0]);
      // ... and what it finds there is what it finds on the settled text, on its own.
      expect(runTransforms(MARKED, "src/job-main.ts", { transforms: ["explicit-tracer"], settings: { sdkVersion: 2 } }).changed).toBe(false);
    });

    it("settles and reads from the first 2.x transform on when one of them would edit the first parse", () => {
      const readFirst2x = textsReadBy(evaluateManagedTracer);
      // Marks the statement the 1.x marker is above: on the settled text that marker is found, and no second one added.
      vi.spyOn(explicitTracer, "collect").mockImplementation(({ file, edits }) => {
        const main = file.ast.body[2] as TSESTree.ExportNamedDeclaration;
        const body = (main.declaration as TSESTree.FunctionDeclaration).body.body;
        addMarker(edits, file.text, body[1], "another look");
      });
      const result = runTransforms(JOB, "src/job-main.ts", { transforms: ALL_TRANSFORM_IDS });
      expect(result).toMatchObject({ output: MARKED, applied: ["1x-flush"], markers: 1 });
      expect(readFirst2x.map((file) => file.text)).toEqual([JOB, MARKED]);
    });

    it("settles at once when a 1.x marker is not above a statement (an object literal's property)", () => {
      const source = `import { HoneyHiveTracer } from "honeyhive";\nexport const options = {\n  project: "p",\n};\nexport const tracer = HoneyHiveTracer.init(options);\n`;
      const property = source.indexOf("  project");
      vi.spyOn(flush1x, "collect").mockImplementation(({ edits }) => edits.insertLineBefore(property, `  ${markerComment("check")}\n`));
      const read2x = textsReadBy(explicitTracer);
      const result = runTransforms(source, "src/options.ts", { transforms: ALL_TRANSFORM_IDS });
      expect(result.output).toBe(`${source.slice(0, property)}  ${markerComment("check")}\n${source.slice(property)}`);
      expect(read2x.map((file) => file.text)).toEqual([result.output]);
    });
  });

  it("keeps CRLF line endings and a byte-order mark", () => {
    const crlf = EXPRESS_APP.replace(/\n/g, "\r\n");
    expect(runTransforms(crlf, "src/server.ts").output).toBe(crlf.replace("sessionStart", "createSession"));
    const lambda = `\uFEFFimport { HoneyHiveTracer } from "honeyhive";\r\nconst tracer = HoneyHiveTracer.init();\r\nexport const handler = async () => {\r\n  tracer.createSession();\r\n};\r\n`;
    expect(runTransforms(lambda, "src/handler.ts").output).toBe(
      `\uFEFFimport { HoneyHiveTracer } from "honeyhive";\r\nconst tracer = HoneyHiveTracer.init();\r\nexport const handler = async () => {\r\n  try {\r\n    tracer.createSession();\r\n  } finally {\r\n    await tracer.forceFlush();\r\n  }\r\n};\r\n`,
    );
  });

  it("reads every file of a run with the 1.x set as 2.x code, one the 1.x set leaves alone too, whatever package.json says", () => {
    const directory = mkdtempSync(join(tmpdir(), "honeyhive-engine-1x-"));
    try {
      writeFileSync(join(directory, "package.json"), JSON.stringify({ dependencies: { honeyhive: "^1.0.42" } }));
      const file = join(directory, "handler.ts");
      // Nothing 1.x-only here, so the 1.x set changes nothing and the 2.x transforms read the first parse.
      const lambda = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nexport const handler = async () => {\n  tracer.enrichSession({ metadata: {} });\n};\n`;
      writeFileSync(file, lambda);
      // The 2.x set alone speaks the project's major (1.x: an unawaited init is a promise, flush()) ...
      expect(runTransforms(lambda, file).output).toContain("    await (await tracer).flush();\n");
      // ... and after the 1.x set, 2.x, as `migrate --from 1` does without the CLI saying so.
      const from1 = runTransforms(lambda, file, { transforms: ALL_TRANSFORM_IDS });
      expect(from1.applied).toEqual(["lambda-force-flush"]);
      expect(from1.output).toContain("    await tracer.forceFlush();\n");
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("aligns a review marker with a line another transform re-indents", () => {
    const before = `import { HoneyHiveTracer, enrichSpan } from "honeyhive";

const tracer = HoneyHiveTracer.init({ project: "lambda" });
const auditTracer = HoneyHiveTracer.init({ project: "audit" });

export const handler = async (event: { id: string }) => {
  enrichSpan({ metadata: { id: event.id } });
  tracer.createSession();
  enrichSpan({ metadata: { step: "done" } });
  return { ok: true };
};
`;
    const marker = "/* honeyhive-migrate: pick the tracer for this call (tracer, auditTracer) */";
    const result = runTransforms(before, "src/handler.ts");
    expect(result.output).toBe(`import { HoneyHiveTracer, enrichSpan } from "honeyhive";

const tracer = HoneyHiveTracer.init({ project: "lambda" });
const auditTracer = HoneyHiveTracer.init({ project: "audit" });

export const handler = async (event: { id: string }) => {
  try {
    ${marker}
    enrichSpan({ metadata: { id: event.id } });
    tracer.createSession();
    ${marker}
    enrichSpan({ metadata: { step: "done" } });
    return { ok: true };
  } finally {
    await tracer.forceFlush();
  }
};
`);
    expect(result.markers).toBe(2);
    expect(runTransforms(result.output, "src/handler.ts").changed).toBe(false);
  });

  it("counts the review markers present in the output", () => {
    const source = `import { trace } from "honeyhive";\n${markerComment("check")}\nexport const f = trace(() => 1);\n`;
    expect(runTransforms(source, "src/f.ts").markers).toBe(1);
    expect(countMarkers(`${markerComment("a")} ${markerComment("b")}`)).toBe(2);
  });

  it.each(["ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs"])("parses .%s files with the parser their extension needs", (ext) => {
    const jsx = ext === "tsx" || ext === "jsx" || ext === "js" || ext === "mjs" || ext === "cjs";
    const angleCast = ext === "ts" || ext === "mts" || ext === "cts";
    const source = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\n${
      angleCast ? "const size = <number>(1 as unknown);\n" : ""
    }${jsx ? "const view = <div>{tracer.sessionId}</div>;\n" : ""}`;
    const result = runTransforms(source, `src/file.${ext}`);
    // `<number>x` is a cast in .ts/.mts/.cts and a JSX tag in .tsx: each must parse as its extension says.
    expect(result.error).toBeUndefined();
  });
});

describe("mayUseSdk", () => {
  it("keeps files that mention the SDK or a settings module and skips the rest", () => {
    expect(mayUseSdk(`import { trace } from "honeyhive";`)).toBe(true);
    expect(mayUseSdk(`import { tracer } from "@/lib/tracing";`, { modules: ["@/lib/tracing"] })).toBe(true);
    expect(mayUseSdk(`import express from "express";`)).toBe(false);
  });
});

describe("jscodeshift entry", () => {
  it("has one entry module per transform id, and no transform module imports the engine (no load cycle)", async () => {
    const entries = readdirSync(join(import.meta.dirname, "../jscodeshift")).map((name) => name.replace(/\.ts$/, ""));
    expect(entries.sort()).toEqual([...ALL_TRANSFORM_IDS].sort());
    for (const id of ALL_TRANSFORM_IDS) {
      const entry = ((await import(`../jscodeshift/${id}.ts`)) as { default: unknown }).default;
      expect(entry, id).toBeTypeOf("function");
    }
    const transformsRoot = join(import.meta.dirname, "../transforms");
    const sources = readdirSync(transformsRoot, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"));
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources) expect(readFileSync(join(transformsRoot, file), "utf8"), file).not.toMatch(/engine\/engine\.js/);
  });

  it("runs under jscodeshift's own test harness", () => {
    const { applyTransform } = require("jscodeshift/src/testUtils") as {
      applyTransform: (module: unknown, options: unknown, input: { path: string; source: string }) => string;
    };
    const output = applyTransform({ default: sessionStartTransform }, {}, { path: "src/server.ts", source: EXPRESS_APP });
    expect(output).toBe(EXPRESS_APP.replace("sessionStart", "createSession").trim());
  });

  it("returns the source unchanged when there is nothing to do and throws file:line:column on a syntax error", () => {
    const source = "const untouched = 1;\n";
    expect(sessionStartTransform({ path: "a.ts", source })).toBe(source);
    expect(() => runAsJscodeshift("explicit-tracer", { path: "src/broken.ts", source: "const = ;" })).toThrow(/^src\/broken\.ts:1:\d+ /);
  });

  it("runs from the built CommonJS package under the jscodeshift CLI", () => {
    // The transform module is loaded before the engine there, the order that exposes a load cycle.
    const directory = mkdtempSync(join(tmpdir(), "honeyhive-jscodeshift-"));
    try {
      const file = join(directory, "server.ts");
      writeFileSync(file, EXPRESS_APP);
      const root = join(import.meta.dirname, "../..");
      const transformFile = join(root, "dist/cjs/codemods/jscodeshift/session-start-to-create-session.js");
      const output = execFileSync(process.execPath, [require.resolve("jscodeshift/bin/jscodeshift.js"), "--no-babel", "-t", transformFile, file], {
        encoding: "utf8",
      });
      expect(output).toMatch(/1 ok/);
      expect(readFileSync(file, "utf8")).toBe(EXPRESS_APP.replace("sessionStart", "createSession"));
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe("releaseParse", () => {
  it("cuts the nodes with typescript-estree's alias getters loose from the rest of the tree", () => {
    const file = parseFile(`${EXPRESS_APP}export const port = 3000;\nexport type Port = number;\n`, "src/server.ts");
    if (isParseFailure(file)) throw new Error(file.failure.message);
    const imports = file.ast.body.filter((statement) => statement.type === "ImportDeclaration");
    const exported = file.ast.body.filter((statement) => statement.type === "ExportNamedDeclaration");
    expect(imports).toHaveLength(2);
    expect(exported).toHaveLength(2);
    expect(exported[0].parent).toBe(file.ast);
    releaseParse(file);
    for (const node of [...imports, ...exported]) {
      expect(node.parent).toBeUndefined();
      expect(node.source === undefined || node.source === null).toBe(true);
    }
    expect(imports.every((node) => node.specifiers === undefined)).toBe(true);
    expect(exported.every((node) => node.declaration === undefined)).toBe(true);
    // The rest of the tree is left as it was (nothing reads it any more, but nothing needs a walk either).
    expect(file.ast.body.some((statement) => statement.type === "VariableDeclaration")).toBe(true);
  });
});
