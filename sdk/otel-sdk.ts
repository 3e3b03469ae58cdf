// The OpenTelemetry SDK packages a tracer runs on, loaded by the first HoneyHiveTracer.init() rather
// than by `import "honeyhive"`: together they are most of the import cost (issue 11; figures in
// bench/RESULTS.md, "SDK transport"). init() is synchronous, so they are loaded with require(), which
// in the ES module build loads the same CommonJS files a static import of these packages does.
// Only @opentelemetry/api is loaded at import (otel-api.ts): the SDK reads the active context through it.
import type * as AsyncHooks from "@opentelemetry/context-async-hooks";
import type * as Core from "@opentelemetry/core";
import type * as Resources from "@opentelemetry/resources";
import type * as TraceBase from "@opentelemetry/sdk-trace-base";
import { otelRequire } from "./otel-require.cjs";

export interface OtelSdk {
  readonly asyncHooks: typeof AsyncHooks;
  readonly core: typeof Core;
  readonly resources: typeof Resources;
  readonly traceBase: typeof TraceBase;
}

let loaded: OtelSdk | undefined;

/** The deferred packages; the first call loads them (tens of milliseconds), later calls are free. */
export function otelSdk(): OtelSdk {
  // Named `require` so that tools which trace a package's files statically (bundlers, @vercel/nft,
  // this package's own dependency test) see these as the package's dependencies.
  const require = otelRequire;
  loaded ??= {
    asyncHooks: require("@opentelemetry/context-async-hooks") as typeof AsyncHooks,
    core: require("@opentelemetry/core") as typeof Core,
    resources: require("@opentelemetry/resources") as typeof Resources,
    traceBase: require("@opentelemetry/sdk-trace-base") as typeof TraceBase,
  };
  return loaded;
}
