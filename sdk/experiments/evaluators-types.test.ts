// The `Evaluators` option as a strict TypeScript user writes it, type-checked by the compiler in this
// process (vitest does not type-check): one small file next to evaluate.ts, compiled with the
// repository's tsconfig, must give exactly the diagnostics listed here. Before gaps-sdk-4 an evaluator
// keyed like an Array member (`includes`, `find`, `map`) had implicitly-`any` parameters (TS7006: the
// array form's methods gave it a conflicting contextual type), and one returning `null` (accepted by
// 1.x, whose evaluators returned `any`) was TS2322.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { expect, it } from "vitest";
import { evaluate } from "./index.js";

const here = dirname(fileURLToPath(import.meta.url));
const repositoryRoot = resolve(here, "..", "..");

/** Diagnostics of `code`, compiled as `sdk/experiments/<name>` with the repository's compiler options. */
function diagnosticsOf(name: string, code: string): string[] {
  const fileName = join(here, name);
  const configFile = ts.readConfigFile(join(repositoryRoot, "tsconfig.json"), (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, repositoryRoot);
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (path, languageVersion, ...rest) =>
    resolve(path) === fileName ? ts.createSourceFile(path, code, languageVersion, true) : getSourceFile(path, languageVersion, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (path) => resolve(path) === fileName || fileExists(path);
  const program = ts.createProgram([fileName], options, host);
  const sourceFile = program.getSourceFile(fileName)!;
  return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)].map((diagnostic) => {
    const { line } = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    return `${line + 1}: TS${diagnostic.code}`;
  });
}

const USES = `import { evaluate, type Evaluator, type Evaluators } from "./index.js";

const dataset = [{ inputs: { question: "2+2" }, groundTruth: "4" }];
const answer = async ({ inputs }: { inputs: { question: string } }): Promise<string> => inputs.question;

// Keyed like members of Array: each parameter gets its type from the options.
void evaluate({
  function: answer,
  dataset,
  evaluators: {
    includes: (output) => output.includes("4"),
    find: (output, inputs) => inputs.question.length + output.length,
    map: async (output, _inputs, groundTruth) => ({ exact: output === groundTruth }),
    length: (output) => output.length,
    every: (output) => output.length > 0,
  },
});

// null: no score for this datapoint (1.x accepted it).
void evaluate({
  function: answer,
  dataset,
  evaluators: { maybe: (output) => (output === "" ? null : 1), later: async () => null },
});

// Lists: literals, readonly ones, arrays typed elsewhere.
void evaluate({ function: answer, dataset, evaluators: [(output) => output.length, async (output) => output === "4"] });
const fixed = [(output: string) => output.length] as const;
void evaluate({ function: answer, dataset, evaluators: fixed });
declare const typed: Evaluator<{ question: string }, string, string>[];
void evaluate({ function: answer, dataset, evaluators: typed });
const record: Evaluators<{ question: string }, string, string> = { includes: (output) => output.length };
void record;

// review-sdk4: evaluators declared apart and checked with \`satisfies\`, and 1.x-style ones (parameters
// typed \`any\`, results of several kinds) as migrate leaves them.
const checked = {
  includes: (output: string) => output.includes("4"),
  exact: (output: string, _inputs: { question: string }, groundTruth: string | undefined) => ({ exact: output === groundTruth }),
} satisfies Evaluators<{ question: string }, string, string>;
void evaluate({ function: answer, dataset, evaluators: checked });
const checkedList = [(output: string) => output.length] as const satisfies readonly Evaluator<{ question: string }, string, string>[];
void evaluate({ function: answer, dataset, evaluators: checkedList });
const inferred = { map: (output) => output.length > 1, some: (_output, inputs) => inputs.question === "" } satisfies Evaluators<
  { question: string },
  string,
  string
>;
void evaluate({ function: answer, dataset, evaluators: inferred });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function legacy(outputs: any, inputs: Record<string, any>, groundTruth: any = {}) {
  return { match: outputs === groundTruth, chars: String(inputs.question).length, note: "text inside an object is fine" };
}
void evaluate({ function: answer, dataset, evaluators: [legacy] });
void evaluate({ function: answer, dataset, evaluators: { legacy, flag: () => true, none: () => null } });

// gaps-sdk-5: keyed like members of Object.prototype (TS7006 on any record before).
void evaluate({
  function: answer,
  dataset,
  evaluators: {
    toString: (output) => output.includes("4"),
    valueOf: async (output, _inputs, groundTruth) => output === groundTruth,
    constructor: (output, inputs) => inputs.question.length + output.length,
    ["__proto__"]: (output) => output.length,
  },
});
const objectKeyed: Evaluators<{ question: string }, string, string> = { toString: (output) => output.length };
// gaps-sdk-6: the members of Object.prototype that take parameters (their parameters were implicitly
// \`any\`, or typed \`PropertyKey\`/\`Object\` from Object's member) and toLocaleString (rejected), alone, together,
// beside other keys, with an output that is an object, declared apart and with \`satisfies\`.
void evaluate({ function: answer, dataset, evaluators: { hasOwnProperty: (output) => output.includes("4") } });
void evaluate({ function: answer, dataset, evaluators: { isPrototypeOf: (output) => output.length } });
void evaluate({ function: answer, dataset, evaluators: { propertyIsEnumerable: async (output, inputs) => output === inputs.question } });
void evaluate({ function: answer, dataset, evaluators: { toLocaleString: (output, _inputs, groundTruth) => output === groundTruth } });
void evaluate({
  function: answer,
  dataset,
  evaluators: {
    hasOwnProperty: (output, inputs) => output.length + inputs.question.length,
    isPrototypeOf: (output) => output === "",
    propertyIsEnumerable: (output) => ({ chars: output.length }),
    toLocaleString: () => null,
    toString: (output) => output.length,
    includes: (output) => output.includes("4"),
  },
});
const objectOutput = ({ inputs }: { inputs: { question: string } }) => ({ answer: inputs.question, sources: [1, 2] });
void evaluate({
  function: objectOutput,
  dataset,
  evaluators: {
    hasOwnProperty: (output) => output.sources.length,
    isPrototypeOf: (output, _inputs, groundTruth) => output.answer === groundTruth,
    toLocaleString: (output) => output.answer.length,
  },
});
const memberKeyed: Evaluators<{ question: string }, string, string> = {
  hasOwnProperty: (output) => output.length,
  toLocaleString: (output, inputs) => output === inputs.question,
};
const memberKeyedChecked = { propertyIsEnumerable: (output) => output.length > 1 } satisfies Evaluators<{ question: string }, string, string>;
void evaluate({ function: answer, dataset, evaluators: memberKeyedChecked });
void memberKeyed;
// A list beside a typed function and dataset infers the function's types (Array's toLocaleString(locales,
// options) once inferred Inputs as Intl.NumberFormatOptions & Intl.DateTimeFormatOptions: TS2345, TS2322).
interface Asked { query: string }
const typedPipeline = async (inputs: Asked, groundTruth: { response: string }) => ({ answer: inputs.query, expected: groundTruth.response });
const exactAnswer = (output: { answer: string; expected: string }) => ({ exact: output.answer === output.expected });
void evaluate({
  function: ({ inputs, groundTruth }) => typedPipeline(inputs, groundTruth ?? { response: "" }),
  dataset: [{ inputs: { query: "2 + 2?" }, groundTruth: { response: "4" } }],
  evaluators: [exactAnswer],
});
void objectKeyed;

// Still rejected: a wrong result, an evaluator of another output type, a value that is not a function.
// @ts-expect-error a string is not a metric
void evaluate({ function: answer, dataset, evaluators: { bad: () => "text" } });
// @ts-expect-error nor in a list
void evaluate({ function: answer, dataset, evaluators: [() => "text"] });
// @ts-expect-error the output is a string
void evaluate({ function: answer, dataset, evaluators: { wrongType: (output: number) => output } });
// @ts-expect-error not a function
void evaluate({ function: answer, dataset, evaluators: { notAFunction: 1 } });
// Keyed like Object.prototype's members, the same (gaps-sdk-6: any function is allowed there by
// inheritance, but a written key is an evaluator).
// @ts-expect-error the output is a string
void evaluate({ function: answer, dataset, evaluators: { hasOwnProperty: (output: number) => output } });
// @ts-expect-error a string is not a metric (Object's own toLocaleString returns one)
void evaluate({ function: answer, dataset, evaluators: { toLocaleString: () => "text" } });
// @ts-expect-error an object output has no length
void evaluate({ function: objectOutput, dataset, evaluators: { isPrototypeOf: (output) => output.length } });
// @ts-expect-error not a function
void evaluate({ function: answer, dataset, evaluators: { propertyIsEnumerable: true } });
`;

it("type-checks evaluators keyed like Array and Object.prototype members, returning null, and lists of every kind; still rejects wrong ones", () => {
  expect(diagnosticsOf("evaluators-uses.check.ts", USES)).toEqual([]);
}, 60_000);

// gaps-sdk-5: at run time too, evaluators keyed like Object.prototype members run and are reported
// under their names; an own `__proto__` key stays a key (an assignment set the metrics' prototype).
it("runs evaluators keyed toString, constructor, valueOf, hasOwnProperty and __proto__, reported under their names", async () => {
  const result = await evaluate({
    function: ({ inputs }: { inputs: { n: number } }) => inputs.n * 2,
    dataset: [{ inputs: { n: 1 } }, { inputs: { n: 2 } }],
    testMode: true,
    evaluators: JSON.parse(
      // JSON.parse makes `__proto__` an own key, as a dataset or a config file read at run time would.
      '{"toString":0,"constructor":0,"valueOf":0,"hasOwnProperty":0,"__proto__":0}',
      (key: string, value: unknown) => (key === "" ? value : (output: number) => output + key.length),
    ) as Record<string, (output: number) => number>,
  });
  const names = ["toString", "constructor", "valueOf", "hasOwnProperty", "__proto__"];
  for (const { metrics } of result.results) {
    expect(Object.keys(metrics).sort()).toEqual([...names].sort());
    expect(Object.getPrototypeOf(metrics)).toBe(Object.prototype);
  }
  expect(result.results[1].metrics.__proto__).toBe(4 + "__proto__".length);
  expect(Object.keys(result.summary).sort()).toEqual([...names].sort());
  expect(Object.getOwnPropertyDescriptor(result.summary, "__proto__")?.value).toMatchObject({ kind: "numeric", count: 2, min: 11, max: 13 });
  expect(result.summary.toString).toMatchObject({ kind: "numeric", count: 2, mean: (10 + 12) / 2 });
}, 60_000);

it("the check itself sees errors (a wrong program is not reported clean)", () => {
  const wrong = `import { evaluate } from "./index.js";\nvoid evaluate({ function: (d: { inputs: { q: string } }) => d.inputs.q, dataset: [], evaluators: { x: (output) => output.nope } });\n`;
  expect(diagnosticsOf("evaluators-wrong.check.ts", wrong)).toEqual(["2: TS2339"]);
}, 60_000);
