// The values the SDK uses from @opentelemetry/api, loaded with require() in both builds. The package
// has no ES module entry for Node.js, so `import` would load these same CommonJS files, only through
// the ES module loader's CommonJS interop, which lexes every file for its export names: about 10 ms
// more of the cold import (bench/RESULTS.md, "SDK transport"). Types still come from the package.
import type * as Api from "@opentelemetry/api";
import { otelRequire } from "./otel-require.cjs";

function load(): typeof Api {
  // Named `require` so that tools which trace a package's files statically see the dependency.
  const require = otelRequire;
  return require("@opentelemetry/api") as typeof Api;
}

export const { INVALID_SPAN_CONTEXT, ROOT_CONTEXT, SpanStatusCode, TraceFlags, context, createContextKey, propagation, trace } = load();
