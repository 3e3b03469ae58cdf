// The registry of SDK profiles, and the tables the engine derives from them. Adding an SDK is adding a
// profile module and listing it here; nothing in the engine names an SDK.
import {
  honeyhiveProfile,
  HONEYHIVE_ONLY_MEMBERS,
  GENERIC_TRACER_MEMBERS,
  INSTANCE_SESSION_MEMBERS,
  SDK_EXPORTS,
  SESSION_STARTING_MEMBERS,
  TRACER_MEMBERS,
  TRACER_STATICS,
} from "./honeyhive.js";
import { API_1X, honeyhive1xProfile, SESSION_STARTING_MEMBERS_1X, SESSION_SWITCHING_FIELDS_1X, SHARED_MEMBER_NAMES_1X, TRACER_FACTORY_STATICS_1X, WRAPPER_EXPORTS_1X } from "./honeyhive-1x.js";
import { opentelemetryProfile } from "./opentelemetry.js";
import { OTHER_PACKAGES_WITH_LOOKALIKE_MEMBERS, OTHER_SDK_PROFILES } from "./other-sdks.js";
import type { FlushCall, SdkProfileBase, TracerMemberInfo } from "./types.js";

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

/** A module of a package known not to be HoneyHive's: another tracing SDK, OpenTelemetry, or a package with look-alike members (`mongodb`). */
export function isKnownNonHoneyhiveModule(specifier: string): boolean {
  const profiles = profilesOfModule(specifier);
  return (profiles.length > 0 && profiles.every((profile) => !HONEYHIVE_PROFILE_IDS.has(profile.id))) || moduleMatches(specifier, OTHER_PACKAGES_WITH_LOOKALIKE_MEMBERS);
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

/**
 * `TRACER_MEMBER_HINTS` as the prefilter's pattern: `tracer` as a word, `.member` for one of them, or a
 * free 1.x wrapper (`traceModel`), which a file may import through a project module re-exporting the
 * SDK (analysis/sdk-barrels.ts) without naming a tracer.
 */
const TRACER_HINT_SOURCES: readonly string[] = ["tracer", `\\.(?:${[...TRACER_MEMBER_HINTS].sort().join("|")})\\b`, `\\b(?:${[...WRAPPER_EXPORTS_1X.keys()].sort().join("|")})\\b`];
export const TRACER_HINT_PATTERN = new RegExp(TRACER_HINT_SOURCES.join("|"), "i");

/**
 * `TRACER_HINT_PATTERN.test(text)`, one alternative at a time: the same answer (an alternation matches
 * somewhere iff one of its alternatives does). Not faster: perf-nonsdk-4 read it as a third of the
 * joined pattern's time, but perf-nonsdk-5 measured the joined pattern faster (111 texts 0.91 ms against
 * 1.33-1.66 ms one by one; bench/NOTES.md, perf-nonsdk-5). Kept because the analysis core asks it of few
 * texts (47 a pass on 278 files, ~0.2 ms either way); the prefilter uses the pattern.
 */
export function mentionsTracerHintText(text: string): boolean {
  for (const pattern of TRACER_HINT_PARTS) if (pattern.test(text)) return true;
  return false;
}

const TRACER_HINT_PARTS: readonly RegExp[] = TRACER_HINT_SOURCES.map((source) => new RegExp(source, "i"));

// ---------------------------------------------------------------------------------------------------
// HoneyHive's tracer across both majors: what the SDK model reads to recognize a tracer, its creation
// and the calls the rules care about, whichever major the file is written against.

const instanceMethods1x = API_1X.filter((entry) => entry.where === "instance" && entry.kind === "method").map((entry) => entry.name);

/** Every name `honeyhive` exports as a value, in either major (`trace`, `evaluate`, `traceChain`, `HoneyHive`…). */
export const HONEYHIVE_VALUE_EXPORTS: ReadonlySet<string> = new Set([
  ...Object.keys(SDK_EXPORTS.root),
  ...Object.keys(SDK_EXPORTS.experiments),
  ...API_1X.filter((entry) => entry.where === "export" && entry.kind !== "type").map((entry) => entry.name),
]);

/**
 * Tracer members no other library's object has, in either major: one use marks a binding of unknown
 * origin (imported from a project module) as a HoneyHive tracer (`hh.enrichSession()`, `hh.traceModel(fn)`).
 */
export const HONEYHIVE_ONLY_TRACER_MEMBERS: ReadonlySet<string> = new Set([...HONEYHIVE_ONLY_MEMBERS, ...instanceMethods1x.filter((name) => !SHARED_MEMBER_NAMES_1X.has(name))]);

/**
 * Tracer members other libraries share (PostHog's `sessionStart`, MongoDB's `startSession`, every
 * exporter's `forceFlush`, loggers' `flush`): evidence on a binding named or known as a tracer (and
 * they tell a tracer from a getter of one), never alone.
 */
export const GENERIC_TRACER_MEMBER_NAMES: ReadonlySet<string> = new Set(
  [...GENERIC_TRACER_MEMBERS, ...instanceMethods1x.filter((name) => SHARED_MEMBER_NAMES_1X.has(name))].filter((name) => !HONEYHIVE_ONLY_TRACER_MEMBERS.has(name)),
);

/**
 * Members of other tracers (OpenTelemetry's `startActiveSpan`/`getActiveSpan`, dd-trace's `scope()` /
 * `wrap()`): an imported `tracer` used like this is not a HoneyHive tracer, whatever its name.
 * (`startSpan` exists on both, so it proves nothing either way.)
 */
export const FOREIGN_TRACER_MEMBERS: ReadonlySet<string> = new Set(["startActiveSpan", "scope", "wrap", "getActiveSpan"]);

const names1x = (where: "static" | "instance" | "export"): ReadonlySet<string> => new Set(API_1X.filter((entry) => entry.where === where).map((entry) => entry.name));

/**
 * What only this SDK (2.x) has, so its use says a file is 2.x code: tracer members (`createSession`,
 * `forceFlush`…) and exports (`trace`, `toSessionId`, the `honeyhive/experiments` ones). The 1.x
 * counterpart is `honeyhive1xProfile.onlyIn1x`.
 */
export const ONLY_IN_2X = {
  members: new Set(Object.keys(TRACER_MEMBERS).filter((name) => !names1x("instance").has(name))) as ReadonlySet<string>,
  exports: new Set([...Object.keys(SDK_EXPORTS.root), ...Object.keys(SDK_EXPORTS.experiments)].filter((name) => !names1x("export").has(name))) as ReadonlySet<string>,
  /** Module specifiers only this SDK has (`honeyhive/experiments`: 1.x exported `evaluate` from the root). */
  modules: new Set(honeyhiveProfile.modules.filter((module) => !(honeyhive1xProfile.modules as readonly string[]).includes(module))) as ReadonlySet<string>,
} as const;

/** Statics of `HoneyHiveTracer` that make a tracer: 2.x `init` (sync), 1.x `init` / `initFromSessionId` (async). */
export const TRACER_FACTORY_STATICS: ReadonlySet<string> = new Set([...Object.keys(TRACER_STATICS), ...TRACER_FACTORY_STATICS_1X]);

/**
 * Members that put a session on the shared tracer instance when called per request: 2.x `sessionStart`
 * (stores the new session on the instance), 1.x `startSession` (returns the init session again).
 */
export const SHARED_SESSION_START_MEMBERS: ReadonlySet<string> = new Set([...INSTANCE_SESSION_MEMBERS, ...SESSION_STARTING_MEMBERS_1X]);

/**
 * Tracer properties whose assignment per request switches the shared tracer's session: 1.x `sessionId`
 * (a setter since 1.0.20). This SDK has none: its `sessionId` is a getter only (sdk/tracer.ts).
 */
export const SHARED_SESSION_FIELDS: ReadonlySet<string> = new Set(SESSION_SWITCHING_FIELDS_1X);

/**
 * Tracer calls that act on the tracer's own session or provider, not on the session of the context they
 * run in: every session start, `enrichSession`, `startSpan`, 1.x `logModel` (a span in the tracer's
 * session). (`enrichSpan` is not one: it enriches the active span, whichever tracer made it;
 * `withSession` starts a session of its own for its callback.)
 */
export const SESSION_BOUND_MEMBERS: ReadonlySet<string> = new Set([
  ...[...SESSION_STARTING_MEMBERS].filter((name) => (TRACER_MEMBERS[name] as TracerMemberInfo).session !== "starts-scoped"),
  "enrichSession",
  "startSpan",
  ...SESSION_STARTING_MEMBERS_1X,
  "logModel",
]);

export { honeyhiveProfile } from "./honeyhive.js";
export { honeyhive1xProfile } from "./honeyhive-1x.js";
export { opentelemetryProfile } from "./opentelemetry.js";
export { OTHER_SDK_PROFILES } from "./other-sdks.js";
