// What a transform is to the engine: metadata plus `collect`, which reads the one parse of the file
// (through the analysis core) and records text edits. The jscodeshift entry of each transform module
// wraps the same function through the engine, so `jscodeshift -t <transform>.js` works on a file too.
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import type { EditList } from "../../analysis/edits.js";
import type { ParsedFile } from "./parse.js";
import type { TransformId } from "../transforms/ids.js";

/** Facts about one file that only the whole project knows (see project.ts). */
export interface ProjectFileFacts {
  /** Names this file exports that `evaluate()` runs from another module. */
  readonly evaluatedExports: readonly string[];
  /**
   * A project file that runs no evaluate() on this module imports it too (a server serving the same
   * export): its code runs outside evaluate() as well. Known only to the CLI, which reads every file.
   */
  readonly importedOutsideEvaluate?: true;
  /**
   * Members of this module's exported classes or objects that another project module uses as a tracer
   * (`telemetry.tracer.createSession()`): 2.x evidence the file alone lacks, read by 1x-init (D7).
   */
  readonly membersUsedAsTracer?: readonly string[];
}

/**
 * What one file tells the project pass about itself, read from the parse the transforms use and
 * kept as plain data (it crosses from worker threads), so the pass never parses a file of its own.
 */
export interface FileLinks {
  /**
   * Names this module exports that hold or return a HoneyHive tracer (`tracer`, `getTracer`): the
   * `tracer`/`getter` facts of analysis/export-facts.ts, the extractor the rules use on imported modules.
   */
  readonly tracerExports: readonly string[];
  /** Exports of other project modules (absolute paths) that this file's evaluate() calls run. */
  readonly evaluatedImports: readonly { readonly module: string; readonly name: string }[];
  /**
   * The module registers an OpenTelemetry pipeline exporting to HoneyHive (the `otelPipeline` fact):
   * a file that only imports it for its side effect (`import "./instrumentation"`) traces through it.
   */
  readonly registersPipeline?: true;
  /** The module re-exports the SDK (the `sdkReExport` fact): its importers use the SDK through it without naming "honeyhive". */
  readonly reExportsSdk?: true;
  /**
   * The `globalThis` slots the module declares and fills with a HoneyHive tracer (the `globalTracerSlots` fact,
   * analysis/global-slots.ts): a file that reads one may trace with it while naming neither the SDK nor the module
   * (a Next.js route reading what `instrumentation.ts` put there).
   */
  readonly globalTracerSlots?: readonly string[];
}

/** State shared by the transforms of one run over one file. */
export interface RunState {
  /** Tracer variables an earlier transform removed: later transforms must not bind code to them. */
  readonly removedTracers: Set<Scope.Variable>;
}

export interface TransformContext {
  readonly file: ParsedFile;
  readonly edits: EditList;
  readonly run: RunState;
  readonly project?: ProjectFileFacts;
}

export interface TransformMeta {
  readonly id: TransformId;
  readonly title: string;
  readonly description: string;
}

export interface CodemodTransform {
  readonly meta: TransformMeta;
  /** Records this transform's edits on `context.edits`; records nothing when there is nothing to do. */
  collect(context: TransformContext): void;
}
