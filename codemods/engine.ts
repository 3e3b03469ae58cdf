// Contract between the `migrate` CLI and the transforms. The CLI (discovery, workers, reports,
// writes) only ever calls `runTransforms`; the transforms and their parsing live behind it.
// Owned by the transforms work: this first version is a placeholder that changes nothing.
import { TRANSFORM_IDS, type TransformId } from "./transforms/ids.js";

export interface TransformFailure {
  readonly message: string;
  /** 1-based line and column of the parse or transform error, when known. */
  readonly line?: number;
  readonly column?: number;
}

export interface TransformRunResult {
  /** The new text; identical (===) to the input when nothing changed. */
  readonly output: string;
  readonly changed: boolean;
  /** Ids of the transforms that changed the file, in the order they ran. */
  readonly applied: readonly TransformId[];
  /** Review markers (`/* honeyhive-migrate: ... *\/`) present in the output that need a person. */
  readonly markers: number;
  /** Set when the file could not be parsed or a transform threw; `output` is then the input. */
  readonly error?: TransformFailure;
}

export interface RunTransformsOptions {
  /** Transforms to apply, in this order. Defaults to all of them. */
  readonly transforms?: readonly TransformId[];
  /** `settings.honeyhive` equivalent: extra SDK re-export modules, extra Lambda handler names. */
  readonly settings?: { readonly modules?: readonly string[]; readonly lambdaHandlerNames?: readonly string[] };
}

/** Parses `source` once, applies the selected transforms in order, prints once. Never throws. */
export function runTransforms(source: string, filePath: string, options: RunTransformsOptions = {}): TransformRunResult {
  void filePath;
  void (options.transforms ?? TRANSFORM_IDS);
  return { output: source, changed: false, applied: [], markers: 0 };
}

/** Cheap text test run before parsing: false means the file cannot contain SDK usage. */
export function mayUseSdk(source: string, settings?: RunTransformsOptions["settings"]): boolean {
  if (source.includes("honeyhive")) return true;
  return (settings?.modules ?? []).some((specifier) => source.includes(specifier));
}
