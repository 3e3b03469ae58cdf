// The texts of the review markers the codemod leaves where a finding's fix needs a person (the rule
// reports the same places without a fix). Fixtures spell these texts exactly.

/** What each marker asks a person to check; fixtures spell these texts exactly. */
export const MARKER_MESSAGES = {
  explicitTracerNone: "pass a tracer to this call (no HoneyHive tracer in scope)",
  explicitTracerUnsafe: (text: string) => `pass a tracer to this call (${text} here could run before the tracer exists or create it early)`,
  explicitTracerSeveral: (names: readonly string[]) => `pick the tracer for this call (${names.join(", ")})`,
  /** Non-async and callback-style handlers alike: making them async is the person's call. */
  lambdaNotAsync: (tracer: string) => `make this handler async and await ${tracer}.forceFlush() before it returns`,
  lambdaWrapByHand: (tracer: string) => `wrap the rest of this handler in try { … } finally { await ${tracer}.forceFlush(); }`,
  lambdaNoTracer: "await the HoneyHive tracer's forceFlush() before this handler returns",
  /** A file tracer's session call in code evaluate() runs: which implicit call replaces it is the person's call. */
  evaluatedTracerCall: (call: string) =>
    `${call} acts on this file's tracer, not the datapoint's: use the SDK's implicit enrichSession()/trace() in evaluated code`,
  /**
   * `tracer.trace(…)` bound to evaluated code where the SDK's `trace` cannot be written: another
   * binding of that name is in scope there (OpenTelemetry's `trace`, a local function, a parameter).
   */
  evaluatedTraceNameTaken: (call: string) =>
    `use the SDK's trace() here instead of ${call}, so evaluate() supplies the tracer: import it under a name no other binding here has`,
  /** createSession() after a hook's first await, where moving it first could change what the hook does (rule no-lost-session-context). */
  lostSessionAfterAwait: (hook: string) =>
    `this session does not reach the handler (created after an await in the ${hook} hook): create it before the hook's first await and add what you await later with enrichSession()`,
  /** createSession() in a callback that runs later while next() runs outside it (rule no-lost-session-context). */
  lostSessionInCallback: (next: string, deferredBy: string) =>
    `this session does not reach the handler (created in a ${deferredBy} callback, ${next}() called outside it): call ${next}() inside the callback, on every path, after createSession()`,
} as const;
