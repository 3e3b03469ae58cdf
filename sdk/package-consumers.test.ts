// Loads the BUILT package the way users do: from a separate directory whose node_modules/honeyhive
// links to this repository, once as ES modules and once as CommonJS, and type-checks a `nodenext`
// consumer of both flavours. The vitest global setup rebuilds dist/ first when sources are newer.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsumerProject, repositoryRoot, runProcess, typeCheck, type ConsumerProject } from "./test-utils/consumer-project.js";

// Every consumer does the same: a traced function in test mode, then evaluate() in test mode, and
// prints one line the test parses. Only the way the package is loaded differs.
const consumerBody = `
const tracer = HoneyHiveTracer.init({ project: "consumer", testMode: true });
const double = trace({ tracer, eventType: "tool", eventName: "double" }, (value) => value * 2);
const doubled = double(21);
const spans = tracer.getFinishedSpans();
evaluate({
  name: "consumer-run",
  testMode: true,
  function: ({ inputs }) => inputs.n + 1,
  dataset: [{ inputs: { n: 1 }, groundTruth: 2 }, { inputs: { n: 2 }, groundTruth: 4 }],
  evaluators: { exact: (output, _inputs, groundTruth) => output === groundTruth },
}).then((evaluation) => {
  console.log("RESULT " + JSON.stringify({
    doubled,
    spanNames: spans.map((span) => span.name),
    sessionOnSpan: spans[0].attributes["honeyhive.session_id"] === tracer.sessionId,
    outputs: evaluation.results.map((result) => result.output),
    passRate: evaluation.summary.exact.passRate,
  }));
});
`;

const expectedResult = { doubled: 42, spanNames: ["double"], sessionOnSpan: true, outputs: [2, 3], passRate: 0.5 };

// The type-level consumer: fails to compile if a declaration is missing or does not resolve.
const typedConsumerBody = `
const tracer: HoneyHiveTracer = HoneyHiveTracer.init({ project: "consumer", testMode: true });
const sessionId: string | undefined = tracer.sessionId;
const double: (value: number) => number = trace({ tracer, eventType: "tool" }, (value: number) => value * 2);
const flushed: Promise<boolean> = tracer.forceFlush({ timeoutMs: 100 });
const evaluation = evaluate({
  name: "typed",
  testMode: true,
  function: (datapoint: { inputs: { n: number } }) => datapoint.inputs.n,
  dataset: [{ inputs: { n: 1 } }],
});
void evaluation.then((result) => {
  const runId: string = result.runId;
  const firstSession: string = result.results[0].sessionId;
  return [runId, firstSession, sessionId, double(1), flushed];
});
`;

let consumer: ConsumerProject;
let consumerDirectory: string;

beforeAll(() => {
  // No "type" in its package.json: .mjs/.cjs (and .mts/.cts) decide the module system per file.
  // @types: Node's declarations, as a real project would have them.
  consumer = createConsumerProject("consumer", { linkedDependencies: ["@types"] });
  consumerDirectory = consumer.directory;
});

afterAll(() => {
  consumer.remove();
});

async function runConsumer(fileName: string, source: string): Promise<unknown> {
  writeFileSync(join(consumerDirectory, fileName), source);
  const { stdout } = await runProcess(process.execPath, [fileName], {
    cwd: consumerDirectory,
    timeout: 20_000,
    env: { ...process.env, HH_API_KEY: "", HH_TEST_MODE: "" },
  });
  const line = stdout.split("\n").find((candidate) => candidate.startsWith("RESULT "));
  expect(line, `no RESULT line in:\n${stdout}`).toBeDefined();
  return JSON.parse(line!.slice("RESULT ".length));
}

// A resolver that matches neither `import` nor `require` takes `default` only: unpkg does (it 404s
// without one, unpkg/unpkg#428), and so do bundlers and runtimes with their own condition names.
// `default` comes last (Node: "should always come last") and addresses the ES module build.
type Conditions = { readonly [condition: string]: string | Conditions };
const manifest = JSON.parse(readFileSync(join(repositoryRoot, "package.json"), "utf8")) as { exports: Record<string, string | Conditions> };

/** The target a resolver that knows only the `default` condition resolves `entry` to. */
function defaultTarget(entry: string | Conditions): string | undefined {
  if (typeof entry === "string") return entry;
  return entry.default === undefined ? undefined : defaultTarget(entry.default);
}

describe("package.json exports", () => {
  const entries = Object.entries(manifest.exports).filter(([subpath]) => subpath !== "./package.json");

  it.each(entries)("%s resolves with the default condition alone, to the import build, with its types", (_subpath, entry) => {
    expect(typeof entry).toBe("object");
    const conditions = entry as Conditions;
    expect(Object.keys(conditions).at(-1)).toBe("default");
    expect(defaultTarget(conditions)).toBe(defaultTarget(conditions.import!));
    expect(conditions.default).toEqual(conditions.import);
  });
});

describe("the built package", () => {
  // The three run-time cases share nothing but the consumer project (each writes files of its own) and
  // wait on small node processes: they run concurrently. The type checks stay one at a time: tsc runs
  // at once starved each other past their timeouts on a loaded machine.
  it.concurrent("works for an ES module consumer (import)", async () => {
    const source = `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
${consumerBody}`;
    expect(await runConsumer("consumer.mjs", source)).toEqual(expectedResult);
  });

  it.concurrent("works for a CommonJS consumer (require)", async () => {
    const source = `const { HoneyHiveTracer, trace } = require("honeyhive");
const { evaluate } = require("honeyhive/experiments");
${consumerBody}`;
    expect(await runConsumer("consumer.cjs", source)).toEqual(expectedResult);
  });

  it.concurrent("resolves for a dynamic import() and a require() of every SDK entry from the consumer's directory", async () => {
    const loads = ["honeyhive", "honeyhive/experiments"].flatMap((specifier) => [
      { how: `import(${JSON.stringify(specifier)})`, args: ["--input-type=module", "-e", `const m = await import(${JSON.stringify(specifier)}); console.log(Object.keys(m).length > 0);`] },
      { how: `require(${JSON.stringify(specifier)})`, args: ["-e", `console.log(Object.keys(require(${JSON.stringify(specifier)})).length > 0);`] },
    ]);
    const outputs = await Promise.all(loads.map(({ args }) => runProcess(process.execPath, args, { cwd: consumerDirectory, timeout: 20_000 })));
    // Each load asserted on its own.
    outputs.forEach((output, index) => expect(output.stdout.trim(), loads[index]!.how).toBe("true"));
  }, 60_000);

  it("ships type declarations that resolve for nodenext ESM (.mts) and CJS (.cts) consumers", async () => {
    const typesDirectory = join(consumerDirectory, "typed");
    mkdirSync(typesDirectory, { recursive: true });
    writeFileSync(
      join(typesDirectory, "consumer.mts"),
      `import { HoneyHiveTracer, trace } from "honeyhive";\nimport { evaluate } from "honeyhive/experiments";\n${typedConsumerBody}`,
    );
    writeFileSync(
      join(typesDirectory, "consumer.cts"),
      `import honeyhive = require("honeyhive");
import experiments = require("honeyhive/experiments");
const { HoneyHiveTracer, trace } = honeyhive;
type HoneyHiveTracer = honeyhive.HoneyHiveTracer;
const { evaluate } = experiments;
${typedConsumerBody}`,
    );
    writeFileSync(
      join(typesDirectory, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "nodenext",
          moduleResolution: "nodenext",
          target: "es2022",
          strict: true,
          noEmit: true,
          types: ["node"],
          // Checks the consumer against the declarations it resolves; re-checking every library declaration
          // (Node, OpenTelemetry) would only make this test slow.
          skipLibCheck: true,
        },
        files: ["consumer.mts", "consumer.cts"],
      }),
    );
    await typeCheck(join(typesDirectory, "tsconfig.json"));
  }, 60_000);

  // Every common TypeScript setup resolves every subpath's types: the node10 resolution of
  // `module: CommonJS` does not read "exports" (package.json "typesVersions" maps the subpaths for
  // it), NodeNext and Bundler do.
  const resolutionSetups = {
    // TypeScript 5's default for `module: commonjs`; TypeScript 6 deprecates node10 and defaults to
    // bundler, so it is named here, with the deprecation acknowledged.
    "CommonJS with the default (node10) resolution": { module: "commonjs", moduleResolution: "node10", ignoreDeprecations: "6.0" },
    "NodeNext": { module: "nodenext", moduleResolution: "nodenext" },
    "Bundler": { module: "esnext", moduleResolution: "bundler" },
  };
  it.each(Object.entries(resolutionSetups))("ships types for every subpath to a consumer with %s", async (setup, compilerOptions) => {
    const directory = join(consumerDirectory, `resolution-${setup.split(" ")[0].toLowerCase()}`);
    mkdirSync(directory, { recursive: true });
    writeFileSync(
      join(directory, "consumer.ts"),
      `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
import honeyhive from "honeyhive/eslint-plugin";
${typedConsumerBody}
export const recommended: object = honeyhive.configs.recommended;
export const pluginName: "honeyhive" = honeyhive.meta.name;
`,
    );
    writeFileSync(
      join(directory, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { ...compilerOptions, target: "es2022", strict: true, noEmit: true, esModuleInterop: true, types: ["node"], skipLibCheck: true },
        files: ["consumer.ts"],
      }),
    );
    await typeCheck(join(directory, "tsconfig.json"));
  }, 60_000);
});
