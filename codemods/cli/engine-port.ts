// The CLI's only door to the transforms: the engine contract (`runTransforms`, `mayUseSdk`). Kept
// as a value so tests can hand the runner an engine of their own, and loaded on first use so
// `--help`, `--version` and `--list` do not pay for loading the parsers.
import type { DirectoryListings } from "../engine/directory-listings.js";
import type { RunTransformsOptions, TransformRunResult } from "../engine/engine.js";
import type { FileLinks } from "../engine/transform-api.js";

/** What the project pass answers per file once the candidates' links are joined (see codemods/engine/project.ts). */
export interface ProjectLinks {
  factsFor(path: string): RunTransformsOptions["project"];
  importsTracerModule(path: string, text: string): boolean;
  /** Optional: a project file's imports, told before `factsFor` (see codemods/engine/project.ts). */
  noteImports?(path: string, text: string): void;
}

export interface MigrateEngine {
  readonly runTransforms: (source: string, filePath: string, options: RunTransformsOptions) => TransformRunResult;
  readonly mayUseSdk: (source: string, settings?: RunTransformsOptions["settings"], path?: string) => boolean;
  /**
   * Optional project pass: joins what each candidate told about itself (`TransformRunResult.links`,
   * asked for with `links: true`) into what one file cannot show. Without it each file stands alone.
   */
  readonly linkProject?: (
    files: readonly { readonly path: string; readonly links?: FileLinks }[],
    options: {
      readonly settings?: RunTransformsOptions["settings"];
      /** The run's directory listings (discovery fills them), for resolving imports between files. */
      readonly listings?: DirectoryListings;
    },
  ) => ProjectLinks;
  /**
   * Optional: for the rest of a run, let the analysis resolve imports from the run's directory
   * listings instead of listing the directories again; returns what ends that.
   */
  readonly useListings?: (listings: DirectoryListings) => () => void;
}

/** The text tests alone (codemods/engine/prefilter.ts): no parser is loaded with them. */
export type TextTests = typeof import("../engine/prefilter.js");

export function loadPrefilter(): Promise<TextTests> {
  return import("../engine/prefilter.js");
}

export async function loadDefaultEngine(): Promise<MigrateEngine> {
  const [{ runTransforms, mayUseSdk }, { linkProject }, { useDirectoryListings }] = await Promise.all([
    import("../engine/engine.js"),
    import("../engine/project.js"),
    import("../engine/listings-file-system.js"),
  ]);
  return { runTransforms, mayUseSdk, linkProject, useListings: useDirectoryListings };
}

/** Runs the engine on one file; the contract says it never throws, this makes sure a bug cannot stop the run. */
export function transformSafely(
  engine: MigrateEngine,
  source: string,
  filePath: string,
  options: RunTransformsOptions,
): TransformRunResult {
  try {
    return engine.runTransforms(source, filePath, options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { output: source, changed: false, applied: [], markers: 0, error: { message: `internal error: ${message}` } };
  }
}
