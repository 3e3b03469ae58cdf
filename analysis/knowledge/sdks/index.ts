// The registry of SDK profiles, and the tables the engine derives from them. Adding an SDK is adding a
// profile module and listing it here; nothing in the engine names an SDK.
import { honeyhiveProfile, HONEYHIVE_ONLY_MEMBERS, GENERIC_TRACER_MEMBERS } from "./honeyhive.js";
import { API_1X, honeyhive1xProfile } from "./honeyhive-1x.js";
import { opentelemetryProfile } from "./opentelemetry.js";
import { OTHER_SDK_PROFILES } from "./other-sdks.js";
import type { FlushCall, SdkProfileBase } from "./types.js";

export type { FlushCall, FlushReceiver, PackageExport, SdkProfileBase } from "./types.js";

/** Every profile, this SDK first (a file on the `honeyhive` module is 2.x unless it shows 1.x usage). */
export const SDK_PROFILES: readonly SdkProfileBase[] = [honeyhiveProfile, honeyhive1xProfile, opentelemetryProfile, ...OTHER_SDK_PROFILES];

/** The profiles that are HoneyHive's own (this SDK, 1.x); the rest only ever count as flushing. */
export const HONEYHIVE_PROFILE_IDS: ReadonlySet<string> = new Set([honeyhiveProfile.id, honeyhive1xProfile.id]);

/** `specifier` is one of `modules` (exact) or under one of them (a module ending in `/` is a prefix). */
export function moduleMatches(specifier: string, modules: readonly string[]): boolean {
  return modules.some((module) => (module.endsWith("/") ? specifier.startsWith(module) : specifier === module || specifier.startsWith(`${module}/`)));
}

/** The profiles a module specifier belongs to (`honeyhive` → this SDK and 1.x; `@opentelemetry/api` → OpenTelemetry). */
export function profilesOfModule(specifier: string): readonly SdkProfileBase[] {
  return SDK_PROFILES.filter((profile) => moduleMatches(specifier, profile.modules));
}

/** A flush call with the profile it belongs to. */
export interface ProfiledFlushCall extends FlushCall {
  readonly profile: string;
}

/** Every flush call of every profile. */
export const ALL_FLUSH_CALLS: readonly ProfiledFlushCall[] = SDK_PROFILES.flatMap((profile) => profile.flushCalls.map((flush) => ({ ...flush, profile: profile.id })));

/**
 * Method names that count as a flush even when the receiver cannot be resolved (a client imported from
 * the project's own module, a value cast through `as X`): `forceFlush`, `flushAsync`, …
 */
export const FLUSH_METHODS_BY_NAME: ReadonlySet<string> = new Set(ALL_FLUSH_CALLS.filter((flush) => flush.nameAlone).map((flush) => flush.method));

/**
 * Members by which a binding imported from a project module may be a HoneyHive tracer, for the codemod's
 * text prefilter (`\.member\b`): this SDK's tracer-like members and the methods only 1.x tracers have.
 * 1.x names that other objects share (`flush` on loggers, `getTracer` on every OpenTelemetry provider)
 * and the pre-1.0.7 setters are left out: they would let most files through.
 */
const SHARED_1X_METHOD_NAMES: ReadonlySet<string> = new Set(["flush", "getTracer", "setFeedback", "setMetric", "setMetadata"]);

export const TRACER_MEMBER_HINTS: ReadonlySet<string> = new Set([
  ...HONEYHIVE_ONLY_MEMBERS,
  ...GENERIC_TRACER_MEMBERS,
  ...API_1X.filter((entry) => entry.where === "instance" && entry.kind === "method" && !SHARED_1X_METHOD_NAMES.has(entry.name)).map((entry) => entry.name),
]);

/** `TRACER_MEMBER_HINTS` as the prefilter's pattern: `tracer` as a word, or `.member` for one of them. */
export const TRACER_HINT_PATTERN = new RegExp(`tracer|\\.(?:${[...TRACER_MEMBER_HINTS].sort().join("|")})\\b`, "i");

export { honeyhiveProfile } from "./honeyhive.js";
export { honeyhive1xProfile } from "./honeyhive-1x.js";
export { opentelemetryProfile } from "./opentelemetry.js";
export { OTHER_SDK_PROFILES } from "./other-sdks.js";
