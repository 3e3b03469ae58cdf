// The transform ids are part of the CLI's contract (`--transforms`, `--skip`, reports); the order
// here is the order they run in.
export const TRANSFORM_IDS = [
  "evaluate-managed-tracer",
  "session-start-to-create-session",
  "lambda-force-flush",
  "explicit-tracer",
] as const;

export type TransformId = (typeof TRANSFORM_IDS)[number];

export function isTransformId(value: string): value is TransformId {
  return (TRANSFORM_IDS as readonly string[]).includes(value);
}
