// The transform ids are part of the CLI's contract (`--transforms`, `--skip`, `--list`, reports);
// the order here is the order they run in.
export const TRANSFORMS = [
  {
    id: "evaluate-managed-tracer",
    title: "Let evaluate() manage the tracer",
    description:
      "In functions that evaluate() runs, drop the explicit tracer binding and the now-unused global tracer, so each datapoint gets its own session",
  },
  {
    id: "session-start-to-create-session",
    title: "sessionStart() → createSession() in handlers",
    description:
      "Inside request handlers, middleware and Lambda handlers, replace sessionStart() (stored on the shared tracer) with createSession() (request-scoped baggage)",
  },
  {
    id: "lambda-force-flush",
    title: "Flush before a Lambda handler returns",
    description:
      "Make every return path of a tracing AWS Lambda handler await tracer.forceFlush(), so spans leave before the runtime freezes",
  },
  {
    id: "explicit-tracer",
    title: "Bind trace() and enrichment to the tracer explicitly",
    description:
      "Add `tracer: <name>` to trace()/@trace() and call <name>.enrichSpan()/enrichSession() instead of the implicit globals",
  },
  {
    id: "validate-session-id",
    title: "Mark session ids taken from requests unchecked",
    description:
      "Leave a review marker where a session id from a request or event reaches createSession()/withSession()/init() without toSessionId() or isSessionId() (the SDK throws for a non-UUID)",
  },
] as const;

export type TransformId = (typeof TRANSFORMS)[number]["id"];

export const TRANSFORM_IDS: readonly TransformId[] = TRANSFORMS.map((transform) => transform.id);

export function isTransformId(value: string): value is TransformId {
  return (TRANSFORM_IDS as readonly string[]).includes(value);
}
