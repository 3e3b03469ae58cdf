// Which side of a library version a file's telemetry code is on, for a library whose telemetry settings changed
// shape (knowledge/instrumentations.ts `TelemetryOption.tracerMovedToIntegration`: AI SDK 7 takes the tracer in the
// integration, no longer in the settings). One answer for every reader: the instrumentation rule (which settings
// tracer is ignored, analysis/instrumentations.ts), the flush rule (which call's spans reach HoneyHive,
// analysis/flush.ts `spanTestOf`) and the stream work (whether settings without `isEnabled` trace, analysis/stream-work.ts).
import { getAnalysisContext } from "./context.js";
import type { AnalysisInput } from "./input.js";
import { TELEMETRY_INTEGRATIONS, type TelemetryIntegration, type TelemetryOption } from "./knowledge/instrumentations.js";
import { declaredDependencyVersion } from "./sdk-version.js";

/** A package version: `since.package` at `since.version` (`[major, minor]`) or later. */
export interface VersionSince {
  readonly package: string;
  readonly version: readonly [major: number, minor: number];
}

/**
 * Whether the nearest package.json of `filename` admits a version of `since.package` older than `since.version`
 * (its range's lowest version); undefined when it declares no range with a version.
 */
export function admitsVersionBefore(filename: string, since: VersionSince): boolean | undefined {
  const declared = declaredDependencyVersion(filename, since.package);
  if (declared === undefined) return undefined;
  const [major, minor] = since.version;
  return declared[0] < major || (declared[0] === major && declared[1] < minor);
}

/**
 * The integration that takes the tracer of `telemetry`'s calls in this file's project, or undefined where the
 * settings' `tracerKey` still does: the project admits no version before `tracerMovedToIntegration.since`, or
 * (declaring none) the file imports a package of the integration, which exists from that version on.
 */
export function tracerIntegrationOf(input: AnalysisInput, telemetry: TelemetryOption): TelemetryIntegration | undefined {
  const moved = telemetry.tracerMovedToIntegration;
  const integration = moved && TELEMETRY_INTEGRATIONS.find((entry) => entry.id === moved.integration);
  if (!moved || !integration) return undefined;
  const older = admitsVersionBefore(input.filename, moved.since);
  if (older !== undefined) return older ? undefined : integration;
  const imported = getAnalysisContext(input).importedModules;
  return integration.classes.some((cls) => imported.has(cls.export.package)) ? integration : undefined;
}
