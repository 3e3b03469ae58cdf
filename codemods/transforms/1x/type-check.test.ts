// The point of `migrate --from 1` is code that compiles against this SDK: every TypeScript "after" of
// the 1.x fixtures is type-checked (strict) in a scratch project that depends on the built package, as
// a user's project would. The cases listed below keep, on purpose, code a person must change (their
// review marker says what), so they cannot compile until then.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { loadMigrate1xFixtures } from "../../../fixtures/migrate-1x/index.js";
import { createConsumerProject, strictConsumerOptions, typeCheck, type ConsumerProject } from "../../../sdk/test-utils/type-check.js";

const LEFT_FOR_A_PERSON: Readonly<Record<string, string>> = {
  "migrate-1x/init-promise-getter-may-return-undefined": "a getter of the promise or undefined stays synchronous, marked: its declared Promise<…> | undefined is the person's to change",
  "migrate-1x/flush-static-no-tracer": "HoneyHiveTracer.flush() stays, marked: no tracer is reachable to flush",
  "migrate-1x/evaluate-result-reads": "the read of 1.x's result.stats stays, marked: the result has other fields here",
  "migrate-1x/evaluate-result-read-in-then": "the read of 1.x's result.sessionIds in evaluate(…).then((result) => …) stays, marked: the result has other fields here",
  "migrate-1x/flush-static-two-tracers": "HoneyHiveTracer.flush() stays, marked: which of two tracers to flush is a person's call",
  "migrate-1x/trace-method-and-unapplied-wrapper": "tracer.trace(method) and an unapplied traceFunction() stay, marked",
  "migrate-1x/enrichment-static-and-setters": "userProperties stays, marked: this SDK has no such field",
  "migrate-1x/enrichment-free-functions": "enrichSpan's eventName stays, marked: renaming a span is not an enrichment here",
  "migrate-1x/evaluate-evaluator-repeat": "evaluator() with repeat: 3 stays, marked: nothing here runs an evaluator several times",
  "migrate-1x/evaluate-imported-not-called": "the evaluator import and its call with repeat: 2 stay, marked (nothing here runs an evaluator several times); ./local-evals is the look-alike's module, not part of the case",
  "migrate-1x/names-rest-client": "the REST client, the LangChain tracer and getGitInfo stay, marked: they are not part of this SDK",
  "migrate-1x/names-never-exported": "the import of WrapperTracer stays, marked: no published 1.x nor this SDK exports it",
  "migrate-1x/names-removed-exports": "the REST client's exports and 1.x internal types stay, marked: no counterpart",
  "migrate-1x/names-rest-client-subpaths": "imports of 1.x package paths (honeyhive/models/components) stay, marked: this package has no such paths",
  "migrate-1x/sessions-id-assignment-flush-promise": "the sessionId assignment and flushPromise stay, marked: no counterpart to write",
  "migrate-1x/trace-unresolved-receiver": "traceModel() and logModel() on tracers the codemod cannot resolve stay, marked",
  "migrate-1x/evaluate-typed-function-marker": "a Partial<EvaluationConfig> holding a narrowly typed function stays, marked: the codemod gives type arguments to a plain EvaluateOptions only",
  "migrate-1x/flush-promise-all-destructured": "flush() on tracers destructured from a Promise.all of inits stays, marked: the codemod does not follow a tracer into an array",
  "migrate-1x/names-re-exports": "the re-exports of traceModel and getGitInfo stay, marked: no export of that name here",
  "migrate-1x/trace-detached-methods": "1.x methods destructured or bound off a tracer stay, marked: a person calls them on the tracer",
  "migrate-1x/trace-type-alias-receiver": "a type of 1.x's traceFunction method stays, marked: a person types it from this SDK's API",
  "migrate-1x/trace-options-with-unknown-keys": "a traceFunction option 1.x did not have (inputs) stays in the options, marked: a person removes it or records it with enrichSpan",
  "migrate-1x/sessions-unresolved-receiver": "startSession() on a Hono context's tracer stays, marked: the codemod cannot tell the receiver is a tracer",
  "migrate-1x/flush-wrapper-receiver": "traceModel() and flush() on tracers destructured from Promise.all stay, marked: the codemod cannot tell the receivers are tracers",
  "migrate-1x/names-local-re-export": "the import and the local export { } of traceModel and traceFunction stay, marked: no export of those names here",
  "migrate-1x/names-re-export-all": "the barrel's named re-export of traceFunction stays, marked: no export of that name here",
  "migrate-1x/evaluate-evaluator-output-narrower": "an evaluator taking a narrower output than the function returns stays, marked: widening the evaluator or narrowing the function is a person's call",
  "migrate-1x/flush-promise-all-getter": "flush() on a tracer destructured from a Promise.all of a getter's promise stays, marked: the codemod does not follow a tracer into an array",
  "migrate-1x/init-promise-untyped-static-and-parameter": "an untyped static field and parameter default holding an init stay, marked: whether the class uses them as promises or tracers is a person's call",
  "migrate-1x/flush-two-markers-one-line": "a flush of a Promise.all element and a static flush with no tracer stay, marked on one line",
  "migrate-1x/trace-event-type-spellings": "eventType values this SDK does not take (\"llm\", a string variable, a mis-cased literal held in a const) stay, marked: which event type is meant is a person's call",
  "migrate-1x/enrichment-multiline-unmapped-field": "userProperties stays at its key, marked: this SDK has no such field",
  "migrate-1x/evaluate-dataset-loosely-typed": "a dataset typed Record<string, any>[] stays, marked: a person types it with this SDK's datapoint (inputs)",
  "migrate-1x/names-removed-function-calls": "getGitInfo() and serverURLFromOptions() stay, marked at the import and each call: no counterpart",
  "migrate-1x/names-unknown-exports": "0.x names (SessionTracer, ToolConfig, ModelConfig), a 1.x REST client name and a 1.x sessionId assignment stay, marked: rewritten by a person",
  "migrate-1x/names-typeof-wrappers": "typeof traceTool and ReturnType<typeof traceFunction> stay, marked: no export of those names here, a person types them from this SDK's API",
  "migrate-1x/trace-function-method-decorator": "a traceFunction() method decorator with config (no trace() option) stays, marked: a person moves config into enrichSpan",
  "migrate-1x/trace-event-type-declared-union": "an eventType held by a parameter typed string stays, marked: which event type is meant is a person's call",
};

let project: ConsumerProject | undefined;
afterAll(() => {
  project?.remove();
});

it("type-checks every TypeScript after of the 1.x fixtures against the built package", async () => {
  const cases = loadMigrate1xFixtures().filter((fixture) => /\.m?ts$/.test(fixture.filename) && !(fixture.id in LEFT_FOR_A_PERSON));
  expect(cases.length).toBeGreaterThanOrEqual(8);
  project = createConsumerProject("migrate-1x", { moduleType: "module", linkedDependencies: ["@types", "express"] });
  for (const fixture of cases) {
    const directory = join(project.directory, fixture.id);
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, "index.ts"), fixture.after);
  }
  writeFileSync(
    join(project.directory, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: strictConsumerOptions(),
      include: ["**/*.ts"],
      exclude: ["node_modules"],
    }),
  );
  await typeCheck(join(project.directory, "tsconfig.json"));
}, 60_000);
