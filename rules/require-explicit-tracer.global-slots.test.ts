// A HoneyHive tracer another module keeps on `globalThis` (issue 15, D6: `declare global { var tracer:
// HoneyHiveTracer | undefined }` and `globalThis.tracer ??= HoneyHiveTracer.init(…)` in lib/tracing.ts, the
// Next.js dev-cache pattern), read by a route that loads that module: the file's tracer for
// require-explicit-tracer and for the flush rule, as it is for `migrate` (analysis/global-slots.ts). The
// look-alike: the same declaration typed with OpenTelemetry's `Tracer`.
import { join } from "node:path";
import { useTempProjects } from "../analysis/test-utils/temp-projects.js";
import explicitRule, { RULE_NAME as EXPLICIT_RULE } from "./require-explicit-tracer.js";
import flushRule, { RULE_NAME as FLUSH_RULE } from "./require-force-flush-in-lambda.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";

const PROJECT = useTempProjects("global-slot-rules", "all")({
  "package.json": `{ "name": "web", "private": true, "dependencies": { "honeyhive": "^2.0.0", "next": "14.2.3" } }\n`,
  "lib/tracing.ts": `import { HoneyHiveTracer } from "honeyhive";\n\ndeclare global {\n  var tracer: HoneyHiveTracer | undefined;\n}\n\nglobalThis.tracer ??= HoneyHiveTracer.init({ project: "web" });\n`,
  "lib/otel.ts": `import { trace, type Tracer } from "@opentelemetry/api";\n\ndeclare global {\n  var tracer: Tracer;\n}\n\nglobalThis.tracer ??= trace.getTracer("web");\n`,
  "app/api/answer/route.ts": "",
});
const ROUTE = join(PROJECT, "app/api/answer/route.ts");

const ruleTester = createRuleTester();
const TRACING = "../../../lib/tracing";
/** The route loading the OpenTelemetry look-alike, and loading the HoneyHive module. */
const lookalike = (route: (module: string) => string) => ({ code: route("../../../lib/otel"), filename: ROUTE });
const loadingTracing = (route: (module: string) => string) => ({ code: route(TRACING), filename: ROUTE });

const enrichingRoute = (module: string) =>
  `import { enrichSpan } from "honeyhive";\nimport "${module}";\n\nexport async function POST(request: Request): Promise<Response> {\n  const tracer = globalThis.tracer;\n  if (!tracer) return new Response("no tracer");\n  enrichSpan({ metadata: { path: new URL(request.url).pathname } });\n  return new Response("ok");\n}\n`;

ruleTester.run(`${EXPLICIT_RULE} (a tracer on globalThis declared by a module the route loads)`, testableRule(explicitRule), {
  // OpenTelemetry's Tracer in the same slot: the file has no HoneyHive tracer of its own.
  valid: [lookalike(enrichingRoute)],
  invalid: [
    {
      ...loadingTracing(enrichingRoute),
      output: enrichingRoute(TRACING).replace("  enrichSpan({", "  tracer.enrichSpan({").replace(`import { enrichSpan } from "honeyhive";\n`, ""),
      errors: [{ messageId: "implicitEnrichment", data: { tracers: "`tracer`", name: "enrichSpan" } }],
    },
  ],
});

const flushingRoute = (module: string, flush = "") =>
  `import "${module}";\n\nexport const maxDuration = 60;\nexport async function POST(request: Request): Promise<Response> {\n  const tracer = globalThis.tracer!;\n  tracer.createSession();\n${flush}  return Response.json(await request.json());\n}\n`;

ruleTester.run(`${FLUSH_RULE} (a tracer on globalThis declared by a module the route loads)`, testableRule(flushRule), {
  valid: [lookalike(flushingRoute)],
  invalid: [
    {
      ...loadingTracing(flushingRoute),
      output: null,
      errors: [
        {
          messageId: "missingFlush",
          data: { name: "POST", flush: "tracer.forceFlush()", platform: "Next.js serverless function", recommended: "`after(() => tracer.forceFlush())` (`next/server`) or `await tracer.forceFlush()`" },
          suggestions: [
            {
              messageId: "wrapInTryFinally",
              data: { flush: "tracer.forceFlush()" },
              output: flushingRoute(TRACING).replace("  tracer.createSession();\n  return Response.json(await request.json());\n", "  try {\n    tracer.createSession();\n    return Response.json(await request.json());\n  } finally {\n    await tracer.forceFlush();\n  }\n"),
            },
          ],
        },
      ],
    },
  ],
});

// gaps-rules-10b: the slot read bare, as the `var` in `declare global` lets TypeScript read it (`tracer`, no import,
// no local): the same tracer as `globalThis.tracer`. Look-alikes: the OpenTelemetry slot read bare, and a file
// declaring its own `tracer` (a binding is never the global).
const bareEnrichingRoute = (module: string) => enrichingRoute(module).replace("const tracer = globalThis.tracer;\n  if (!tracer)", "const hh = tracer;\n  if (!hh)");
const bareFlushingRoute = (module: string) => flushingRoute(module).replace("const tracer = globalThis.tracer!;\n  tracer.createSession();", "const hh = tracer!;\n  hh.createSession();");

ruleTester.run(`${EXPLICIT_RULE} (the global slot read bare)`, testableRule(explicitRule), {
  valid: [
    lookalike(bareEnrichingRoute),
    loadingTracing((module) => bareEnrichingRoute(module).replace("export async function POST", "const tracer = { enrichSpan() {} };\nexport async function POST")),
  ],
  invalid: [
    {
      ...loadingTracing(bareEnrichingRoute),
      output: bareEnrichingRoute(TRACING).replace("  enrichSpan({", "  hh.enrichSpan({").replace(`import { enrichSpan } from "honeyhive";\n`, ""),
      errors: [{ messageId: "implicitEnrichment", data: { tracers: "`hh`", name: "enrichSpan" } }],
    },
  ],
});

ruleTester.run(`${FLUSH_RULE} (the global slot read bare)`, testableRule(flushRule), {
  valid: [lookalike(bareFlushingRoute)],
  invalid: [
    {
      ...loadingTracing(bareFlushingRoute),
      output: null,
      errors: [
        {
          messageId: "missingFlush",
          data: { name: "POST", flush: "hh.forceFlush()", platform: "Next.js serverless function", recommended: "`after(() => hh.forceFlush())` (`next/server`) or `await hh.forceFlush()`" },
          suggestions: [
            {
              messageId: "wrapInTryFinally",
              data: { flush: "hh.forceFlush()" },
              output: bareFlushingRoute(TRACING).replace("  hh.createSession();\n  return Response.json(await request.json());\n", "  try {\n    hh.createSession();\n    return Response.json(await request.json());\n  } finally {\n    await hh.forceFlush();\n  }\n"),
            },
          ],
        },
      ],
    },
  ],
});
