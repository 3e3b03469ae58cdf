// What the 1.x transforms' review markers ask a person to check; fixtures spell these texts exactly.
/** A data `why` inside a marker sentence: without its final period. */
const sentence = (why: string): string => why.replace(/\.$/, "");

export const MESSAGES_1X = {
  staticFlush: "HoneyHiveTracer.flush() is gone (each tracer flushes its own spans): await <tracer>.forceFlush() for the tracer that recorded them",
  flushBeyondFacts:
    "the codemod cannot tell what this object of another module holds (its class comes through a chain of re-exports, the member's type from a third module, or a function returns it without spelling out its shape): if it is a HoneyHive tracer, call forceFlush() instead of 1.x flush()",
  flushOfWrapperReceiver:
    "the codemod cannot tell what this receiver is, but it is also called with a 1.x tracer method: if it is a HoneyHive tracer, call forceFlush() instead of 1.x flush()",
  flushOfUntypedParameter:
    "the codemod cannot tell what this untyped constructor parameter holds: if it is a HoneyHive tracer, call forceFlush() instead of 1.x flush() (and type the parameter HoneyHiveTracer)",
  flushOfInheritedMember: (owner: string) =>
    `this member is the HoneyHive tracer that ${owner} holds, which the codemod does not follow into a subclass: if this class does not reassign it, call forceFlush() instead of 1.x flush()`,
  flushOfPromiseAllElement:
    "this receiver comes out of a Promise.all() that runs a 1.x HoneyHiveTracer.init(): if it is that tracer, call forceFlush() instead of 1.x flush()",
  flushOfInitAssignedMember: (path: string) =>
    `this file assigns a 1.x HoneyHiveTracer.init() to ${path}: if this receiver is that tracer, call forceFlush() instead of 1.x flush()`,
  flushPromise: "HoneyHiveTracer.flushPromise is gone: await <tracer>.forceFlush() instead",
  logModel: 'give this model span a real eventName (1.x logModel() named it "func")',
  logModelReceiver:
    'rewrite this 1.x logModel(fields) by hand: put its tracer in a const t, then t.trace({ eventType: "model", eventName: "func" }, () => t.enrichSpan(fields))() (the codemod does not repeat a receiver that calls or awaits)',
  helperTraceOptions: (helper: string) =>
    `these trace options go to ${helper}, typed with 1.x's TraceFunctionOptions (TraceOptions once its module is migrated): eventType must be "model", "tool" or "chain", and trace() has no config option`,
  promiseNamedExport: (name: string) =>
    `${name} is the tracer itself now (an await of it still works); the export keeps its name, as code this run does not see may import it: rename it if you like`,
  wrapperConfig: "the 1.x wrapper option config has no trace() option: call tracer.enrichSpan({ config }) inside the function",
  eventTypeUnknown: (value: string) =>
    `1.x recorded no event type for eventType ${JSON.stringify(value)} (only model, tool, chain); this SDK takes one of those and records "tool" without one: choose one`,
  eventTypeMiscased: (value: string) =>
    `write eventType ${JSON.stringify(value)} as ${JSON.stringify(value.toLowerCase())} where these options are built: 1.x lower-cased it, this SDK takes it as written`,
  eventTypeValue: (expression: string) =>
    `eventType must be "model", "tool" or "chain" here (1.x lower-cased the value and ignored others): check what ${/^[\w$.]+$/.test(expression) ? expression : "it"} holds`,
  subpath: (specifier: string) =>
    `${specifier} is a path into the 1.x package (its generated REST client's models and functions), which this package does not have: import these from @honeyhive/api-client, or keep 1.x under an npm alias ("honeyhive-v1": "npm:honeyhive@1.0.42")`,
  wrapperPositionalConfig: (config: string) =>
    `1.x traceFunction(config, metadata) (1.0.5–1.0.6) recorded its first argument as the span's config, which trace() has no option for: call tracer.enrichSpan({ config: ${/^[\w$.]+$/.test(config) ? config : "…"} }) inside the function`,
  wrapperUnknownKeys: (keys: readonly string[]) =>
    `${keys.join(", ")} ${keys.length > 1 ? "are" : "is"} no option of the 1.x wrapper, nor of trace(), whose options type rejects ${keys.length > 1 ? "them" : "it"}: remove ${keys.length > 1 ? "them" : "it"}, or record ${keys.length > 1 ? "them" : "it"} with tracer.enrichSpan(…) inside the function`,
  unresolvedSetter: (name: string, field: string) =>
    `the codemod cannot tell which tracer this 1.x ${name}() is called on (a property the file types as HoneyHiveTracer): if it is one, call enrichSession({ ${field}: … }) on it instead`,
  unresolvedSessionStart:
    "the codemod cannot tell which tracer this 1.x startSession() is called on: if it is a HoneyHive tracer, call createSession() inside a request handler (a session per request), or read its sessionId elsewhere (1.x returned the tracer's session again)",
  moduleMock:
    "this mock stands in for honeyhive 1.x: after the migration the code under test takes HoneyHiveTracer.init()'s result as the tracer without await (mockReturnValue, not mockResolvedValue) and calls forceFlush() (1.x flush()), trace(options, fn) and createSession(): update the mock to this SDK's API",
  spiedMember: (name: string) =>
    `this spy replaces 1.x HoneyHiveTracer ${name}, which this SDK has otherwise (init() returns the tracer, not a promise; flush() is forceFlush(); trace(options, fn) wraps; see docs/migrating-from-1x.md): update what it returns and expects`,
  spreadOptions: (call: string) =>
    `init options spread from ${call}() may hold 1.x keys: rename inputs → sessionInputs, metadata → sessionMetadata where they are built (this SDK ignores the 1.x names)`,
  calledOptions: (callee: string) =>
    `init options returned by ${callee}() may hold 1.x keys: rename inputs → sessionInputs, metadata → sessionMetadata and drop disableHttpTracing, instrumentModules where they are built (this SDK ignores the 1.x names)`,
  importedOptions: (name: string) =>
    `these init options come from another module (${name}): rename its 1.x keys there (inputs → sessionInputs, metadata → sessionMetadata; drop disableHttpTracing, instrumentModules), as this SDK ignores them`,
  jsonOptions: (file: string, changes: readonly string[]) =>
    `these init options are read from ${file}: change its 1.x keys there (${changes.join("; ")}), as this SDK ignores the 1.x names (see docs/migrating-from-1x.md, init options)`,
  heldOptions: (name: string, keys: readonly string[]) =>
    `${name} holds 1.x HoneyHiveTracer.init option${keys.length > 1 ? "s" : ""} ${keys.join(", ")}, and is used elsewhere too, so the codemod left it: rename or remove ${keys.length > 1 ? "them" : "it"} as docs/migrating-from-1x.md says (init options)`,
  partlyHeldOptions: (name: string, keys: readonly string[]) =>
    `${name} holds 1.x HoneyHiveTracer.init option${keys.length > 1 ? "s" : ""} ${keys.join(", ")} in one branch, beside one the codemod cannot read, so it left it: rename or remove ${keys.length > 1 ? "them" : "it"} as docs/migrating-from-1x.md says (init options); this SDK ignores ${keys.length > 1 ? "them" : "it"}`,
  wrapperAssociationProperties:
    "1.x's traceFunction(options, associationProperties) set those properties on this span and on every span inside it; here they are this span's metadata only: where spans inside need them, add enrichSpan({ metadata }) there",
  structuralTracerMember: (name: string) =>
    `this asks for 1.x's tracer method ${name}(), which this SDK's tracer does not have (see docs/migrating-from-1x.md): a HoneyHive tracer passed for it no longer fits; declare what this SDK's tracer has (trace(options, fn), forceFlush(), createSession())`,
  tracerForStructuralType: (names: readonly string[]) =>
    `this passes the tracer where a 1.x ${names.map((name) => `${name}()`).join(", ")} is expected: update the parameter's type (marked) for this SDK's tracer`,
  wrapperSpreadOptionsTracer:
    "pass the tracer to this call (a `tracer` key in its options): they come from another object, which the codemod cannot edit for this call alone, so it does not add one (without it trace() records through the default tracer)",
  tracerFromUnreadModule: (name: string, module: string) =>
    `this receiver comes from ${module}, which the codemod could not read: rewritten as a HoneyHive tracer's ${name}() because only that tracer has the method; check that it is one`,
  wrapperDecorator: (name: string) =>
    `rewrite this 1.x ${name}() method decorator by hand as @trace({ ...options, tracer }) (this SDK's method decorator): its options are not all ones trace() takes as written (config goes into tracer.enrichSpan({ config }) inside the method)`,
  wrapperShape: (name: string) => `rewrite this 1.x ${name}() by hand as trace(options, fn): its use here is not a call shape the codemod rewrites`,
  traceNameTaken: (name: string) => `rewrite this 1.x ${name}() as the SDK's trace(options, fn): another binding named trace is in scope here`,
  sdkNotADependency: (pkg: string, sdkName: string) =>
    `${pkg} does not depend on honeyhive, so the codemod added no import of ${sdkName} (under pnpm or Yarn PnP it would not resolve): add honeyhive to its dependencies and import { ${sdkName} } from "honeyhive", or have the module this file takes the SDK from export ${sdkName}`,
  unresolvedReceiver: (name: string) =>
    `the codemod cannot tell which tracer this 1.x ${name}() is called on: if it is a HoneyHive tracer, rewrite it as <tracer>.trace(options, fn)${name === "logModel" ? " (logModel: a model span enriched with its fields)" : ""}`,
  detachedMethods: (methods: readonly { readonly name: string; readonly to: string | undefined }[]) =>
    `1.x tracer method${methods.length > 1 ? "s" : ""} ${methods.map(({ name }) => name).join(", ")} taken off ${methods.length > 1 ? "their" : "its"} tracer (destructured, or read without a call): ` +
    `this SDK's tracer methods need the tracer as \`this\`, so call ${methods.length > 1 ? "them" : "it"} on the tracer: ${methods.map(({ name, to }) => `${name} → ${to ?? name}`).join("; ")}`,
  methodType: (name: string, to: string | undefined) =>
    `the type of 1.x tracer method ${name} has no counterpart here (${name} → ${to ?? name}): type this from this SDK's API (TraceOptions for trace()'s options)`,
  traceMethod: "1.x tracer.trace(fn) ran a method with `this` undefined: call it directly, with the receiver it needs",
  /** `parameter`: the init is a parameter's default (`constructor(private tracer = HoneyHiveTracer.init(…))`), not a field's initializer. */
  initPromiseField: (parameter?: { readonly name: string; readonly inConstructor: boolean; readonly property: boolean }) =>
    parameter
      ? `this ${parameter.inConstructor ? "constructor " : ""}parameter's default was 1.x init()'s promise and is now the tracer itself: where the code awaits it nothing changes, ` +
        `but a .then()/.catch() on it, or passing it on where a Promise<HoneyHiveTracer> is expected${parameter.inConstructor ? ` (super(${parameter.name}))` : ""}, ` +
        `needs Promise.resolve(${parameter.property ? `this.${parameter.name}` : parameter.name}), or type the parameter Promise<HoneyHiveTracer> and wrap this value in Promise.resolve(…)`
      : "this field held 1.x init()'s promise and now holds the tracer itself: where the class awaits it nothing changes, but a .then()/.catch() on it needs Promise.resolve(this.<field>), or type the field Promise<HoneyHiveTracer> and wrap this value in Promise.resolve(…)",
  /** `inputs-first`: every version the project admits called evaluators as (inputs, output); `mixed`: some did, later ones did not. */
  evaluatorOrder: (kind: "inputs-first" | "mixed", evaluator: string | undefined, range: string | undefined) =>
    kind === "inputs-first"
      ? `1.x before 1.0.24 called an evaluator as (inputs, output); this SDK calls it as (output, inputs, groundTruth): reorder ${evaluator ?? "its"}${evaluator ? "'s" : ""} parameters to (output, inputs)`
      : `1.x before 1.0.24 called an evaluator as (inputs, output), 1.0.24 on as (output, inputs, groundTruth) as this SDK does${range ? `, and honeyhive ${range} admits both` : ", and the project does not say which it used"}: if ${evaluator ?? "this evaluator"} was written for (inputs, output), reorder its parameters to (output, inputs)`,
  datasetItemsMayBeInputs: (range: string | undefined) =>
    `in 1.x before 1.0.24 each dataset item was the inputs themselves, from 1.0.24 on (as here) { inputs, groundTruth }${range ? `, and honeyhive ${range} admits both` : ", and the project does not say which it used"}: if the items are the inputs, wrap them: dataset.map((inputs) => ({ inputs }))`,
  evaluatorOutputNarrower: (taken: string, returned: string) =>
    `this evaluator takes an output of type ${taken}, but the evaluated function returns ${returned}: 1.x did not check evaluators' types, this SDK does; widen the evaluator's parameter or narrow what the function returns`,
  initPromiseGetterMayReturnOther:
    "this function returned 1.x init()'s promise or another value (undefined, null); HoneyHiveTracer.init() now returns the tracer itself, so where a caller awaits or .then()s its result wrap that in Promise.resolve(…), or return Promise.resolve(tracer) here (the codemod did not make it async: its callers' tests of the result would change)",
  initPromiseIdentity:
    "HoneyHiveTracer.init() returns the tracer itself here, not 1.x's promise: this test of it (instanceof Promise, or comparing it with another value) now gives another answer; test the tracer, or drop the test",
  joinedSession:
    "1.x joined this existing session without starting it; init({ sessionId }) here starts it on the backend again: init without sessionId, then call tracer.sessionStart({ sessionId, skipApiCall: true }) (or createSession({ sessionId, skipApiCall: true }) in a request)",
  joinedSessionStartup:
    "init() here also posts a startup session of its own (this SDK has no init option that skips it; 1.x's join made none): it stays in HoneyHive with no spans, since sessionStart below moves the tracer to the joined session; to avoid one per join, init the tracer once outside this function and join per request with createSession({ sessionId, skipApiCall: true })",
  joinedSessionMayBeMissing:
    "1.x joined this id only when it was set: without one (or with \"\") its init started a new session; sessionStart({ sessionId: undefined, skipApiCall: true }) here records into a made-up session never started: join only when the id is there (read it into a const, then if (id) …)",
  sessionStartDiscarded:
    "1.x startSession() here returned the tracer's one session and started none, so this became a read of tracer.sessionId that does nothing: for a session per job or turn, run the work in tracer.withSession({ sessionName }, async () => …), or delete this line",
  sessionStartInExportedFunction:
    "1.x startSession() returned the tracer's one session, so this became tracer.sessionId; if another module calls this function per request (a route or handler), that request wanted a session of its own: call createSession() there instead",
  sessionIdAssigned: "a tracer's sessionId cannot be assigned here: use tracer.createSession({ sessionId }) for a request's session, or sessionStart({ sessionId }) for the tracer's own",
  enrichmentField: (call: string, keys: readonly string[], why: readonly string[]) =>
    `${call}() has no field ${keys.join(", ")} here: ${why.map((text) => text.replace(/\.$/, "")).join("; ")}`,
  evaluator:
    "1.x evaluator(fn, { name }) is gone and this use is not one the codemod rewrites: list the function in the evaluate() call as evaluators: { [name]: fn } (a repeat other than 1 has no counterpart)",
  evaluatorImport: "1.x evaluator has no export here: rewrite its uses (marked below), then drop it from this import",
  goneExports: (names: readonly { readonly name: string; readonly why: string }[]) =>
    `no counterpart in this SDK for 1.x ${[...new Set(names.map(({ why }) => why))]
      .map((why) => `${names.filter((name) => name.why === why).map(({ name }) => name).join(", ")} (${sentence(why)})`)
      .join("; ")}`,
  unknownExports: (names: readonly string[]) =>
    `${names.join(", ")} ${names.length > 1 ? "are not exported by honeyhive here, and not 1.x names" : "is not exported by honeyhive here, and not a 1.x name"} this codemod knows (0.x code, or a name of another release): ` +
    "rewrite its uses by hand with this SDK's API (docs/migrating-from-1x.md, \"This SDK in one screen\")",
  goneProperties: (properties: readonly { readonly display: string; readonly why: string; readonly to: string | undefined }[]) =>
    [...new Set(properties.map(({ why }) => why))]
      .map((why) => {
        const same = properties.filter((property) => property.why === why);
        const to = same.find((property) => property.to !== undefined)?.to;
        return `1.x ${same.map(({ display }) => display).join(", ")} ${same.length > 1 ? "are" : "is"} gone: ${sentence(why)}${to === undefined ? "" : `; instead: ${to}`}`;
      })
      .join("; "),
  typeQueries: (names: readonly { readonly name: string; readonly why: string; readonly to: string | undefined }[]) =>
    `a type read off 1.x ${names.map(({ name }) => `typeof ${name}`).join(", ")} has no counterpart here (no export of that name): ${names
      .map(({ name, why, to }) => `${name}: ${to === undefined ? sentence(why) : `its calls became ${to}`}`)
      .join("; ")}; type it from this SDK's API`,
  reExports: (names: readonly { readonly name: string; readonly why: string; readonly to: string | undefined }[]) =>
    `re-exported 1.x ${names.map(({ name }) => name).join(", ")} ${names.length > 1 ? "have" : "has"} no export of that name here: ${names
      .map(({ name, why, to }) => `${name}: ${to === undefined ? sentence(why) : `use ${to} at its callers`}`)
      .join("; ")}`,
  evaluateConfigElsewhere:
    "this 1.x evaluate() config is built where the codemod cannot see it: rename its 1.x keys (options table) and pass function a ({ inputs, groundTruth }) datapoint, which 1.x passed as (inputs, groundTruths)",
  datasetGroundTruths:
    "1.x read each datapoint's ground truth from ground_truths; this SDK reads groundTruth: rename the key where this dataset is built (the codemod cannot see it here)",
  datasetLooselyTyped: (source: string, type: string) =>
    `the dataset comes from ${source}, typed ${type} as 1.x's Dict<any>[] allowed; this SDK's datapoints are { inputs, groundTruth? }: type what it returns`,
  evaluateNarrowTypes:
    "1.x typed the evaluated function as Function: this config's type does not pass its narrower inputs/ground truth types on; give EvaluateOptions them as type arguments (EvaluateOptions<Inputs, Output, GroundTruth>)",
  runConcurrently: "runConcurrently: false means one datapoint at a time: set maxConcurrency: 1 in that case, else drop the key",
  evaluateResult: (field: string) =>
    `evaluate() resolves to { runId, name, results, summary } here: 1.x's result.${field} has no counterpart (per-datapoint outcomes are in results, metrics in summary)`,
} as const;
