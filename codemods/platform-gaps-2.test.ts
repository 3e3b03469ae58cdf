// `honeyhive migrate` on the platform knowledge of gaps-platforms-2 (the rules' cases: rules/platform-gaps-2.test.ts),
// projects on disk as in codemods/blind-12.test.ts: what the flush fix writes on Supabase Edge Functions (EdgeRuntime.waitUntil
// where the runtime's types are loaded), on SvelteKit and Remix served on Cloudflare (the awaited flush: their waitUntil
// paths are optional or augmented in the apps' types), in a CDK app kept beside the code, and the look-alikes left alone
// (a SvelteKit `sequence(…)` hook that flushes after resolve, a route module no route configuration names).
import { afterAll, beforeAll, describe, expect } from "vitest";
import { removeProjects } from "./cli/test-utils/project.js";
import { describeSetExpectations, type Expectation, projectRuns, type SetProject } from "./cli/test-utils/shapes.js";

const pkg = (deps: Record<string, string>, extra: Record<string, unknown> = {}): string => JSON.stringify({ name: "app", private: true, ...extra, dependencies: deps });
const HH2 = { honeyhive: "^2.0.0" };
const TRACING_TS = `import { HoneyHiveTracer } from "honeyhive";

export const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" });
`;
const SUPABASE_TRACING = `import { HoneyHiveTracer } from "npm:honeyhive@2";\n\nexport const tracer = HoneyHiveTracer.init({ apiKey: Deno.env.get("HH_API_KEY"), project: "support" });\n`;
const supabaseFunction = (typesImport: boolean): string => `${typesImport ? `import "jsr:@supabase/functions-js/edge-runtime.d.ts";\n` : ""}import { tracer } from "../_shared/tracing.ts";

Deno.serve(async (req) => {
  const answer = await tracer.startSpan("answer", async () => req.url);
  return new Response(answer);
});
`;
const SVELTE_CLOUDFLARE = {
  "package.json": pkg({ ...HH2, "@sveltejs/kit": "^2.9.0", "@sveltejs/adapter-cloudflare": "^7.0.0" }, { type: "module" }),
  "svelte.config.js": `import adapter from "@sveltejs/adapter-cloudflare";\n\nexport default { kit: { adapter: adapter() } };\n`,
  "src/lib/tracing.ts": TRACING_TS,
};
const SVELTE_VERCEL = {
  "package.json": pkg({ ...HH2, "@sveltejs/kit": "^2.9.0", "@sveltejs/adapter-vercel": "^5.5.0" }, { type: "module" }),
  "svelte.config.js": `import adapter from "@sveltejs/adapter-vercel";\n\nexport default { kit: { adapter: adapter() } };\n`,
  "src/lib/tracing.ts": TRACING_TS,
};
const SVELTE_ROUTE = `import { tracer } from "$lib/tracing";

export async function POST({ request }: { request: Request }) {
  tracer.enrichSession({ metadata: { url: request.url } });
  return new Response(await tracer.startSpan("answer", async () => request.url));
}
`;
const SVELTE_EVENT_ROUTE = `import type { RequestEvent } from "@sveltejs/kit";
import { tracer } from "$lib/tracing";

export async function POST(event: RequestEvent) {
  return new Response(await tracer.startSpan("answer", async () => event.request.url));
}
`;
const LAMBDA_MAIN = `import { tracer } from "./tracing";

export const main = async (event: { body?: string }) => {
  const answer = await tracer.startSpan("answer", async () => String(event.body ?? "").toUpperCase());
  return { statusCode: 200, body: JSON.stringify({ answer }) };
};
`;
const RR_LOADER = `import type { LoaderFunctionArgs } from "react-router";
import { tracer } from "../../tracing.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const answer = await tracer.startSpan("answer", async () => request.url);
  return { answer };
}
`;

/** React Router 7 on Vercel whose app/routes.ts names features/chat/route.tsx, with `extra` dependencies. */
const reactRouterOnVercel = (extra: Record<string, string>): Record<string, string> => ({
  "package.json": pkg({ ...HH2, "react-router": "^7.1.0", "@vercel/react-router": "^1.0.0", ...extra }, { type: "module" }),
  "app/routes.ts": `import { type RouteConfig, route } from "@react-router/dev/routes";\n\nexport default [route("chat", "features/chat/route.tsx")] satisfies RouteConfig;\n`,
  "app/tracing.server.ts": TRACING_TS,
  "app/features/chat/route.tsx": RR_LOADER,
  "app/features/chat/helpers.tsx": RR_LOADER,
});

const PROJECTS: readonly SetProject[] = [
  {
    name: "supabase-edge-runtime-types",
    sets: ["2x"],
    files: { "supabase/config.toml": `project_id = "support"\n`, "supabase/functions/_shared/tracing.ts": SUPABASE_TRACING, "supabase/functions/chat/index.ts": supabaseFunction(true) },
  },
  {
    name: "supabase-no-types",
    sets: ["2x"],
    files: { "supabase/config.toml": `project_id = "support"\n`, "supabase/functions/_shared/tracing.ts": SUPABASE_TRACING, "supabase/functions/chat/index.ts": supabaseFunction(false) },
  },
  { name: "sveltekit-cloudflare-destructured", sets: ["2x"], files: { ...SVELTE_CLOUDFLARE, "src/routes/api/chat/+server.ts": SVELTE_ROUTE } },
  { name: "sveltekit-cloudflare-event", sets: ["2x"], files: { ...SVELTE_CLOUDFLARE, "src/routes/api/chat/+server.ts": SVELTE_EVENT_ROUTE } },
  {
    name: "sveltekit-sequence-flushes",
    sets: ["2x"],
    files: {
      ...SVELTE_VERCEL,
      "src/hooks.server.ts": `import type { Handle } from "@sveltejs/kit";\nimport { sequence } from "@sveltejs/kit/hooks";\nimport { tracer } from "$lib/tracing";\n\nconst logging: Handle = async ({ event, resolve }) => {\n  console.log(event.url.pathname);\n  return resolve(event);\n};\n\nconst flushing: Handle = async ({ event, resolve }) => {\n  const response = await resolve(event);\n  await tracer.forceFlush();\n  return response;\n};\n\nexport const handle = sequence(logging, flushing);\n`,
      "src/routes/api/chat/+server.ts": SVELTE_ROUTE,
    },
  },
  {
    name: "remix-cloudflare",
    sets: ["2x"],
    files: {
      "package.json": pkg({ ...HH2, "@remix-run/cloudflare": "^2.15.0" }, { type: "module", devDependencies: { wrangler: "^3.90.0" } }),
      "wrangler.toml": `name = "support"\nmain = "./server.ts"\ncompatibility_date = "2024-11-01"\n`,
      "app/tracing.server.ts": TRACING_TS,
      "app/routes/chat.tsx": `import type { LoaderFunctionArgs } from "@remix-run/cloudflare";\nimport { tracer } from "../tracing.server";\n\nexport async function loader({ request }: LoaderFunctionArgs) {\n  const answer = await tracer.startSpan("answer", async () => request.url);\n  return Response.json({ answer });\n}\n`,
    },
  },
  { name: "react-router-routes-ts", sets: ["2x"], files: reactRouterOnVercel({}) },
  { name: "react-router-routes-ts-with-functions-package", sets: ["2x"], files: reactRouterOnVercel({ "@vercel/functions": "^2.2.0" }) },
  {
    name: "cdk-infra-beside",
    sets: ["2x"],
    files: {
      "package.json": JSON.stringify({ name: "acme", private: true }),
      "infra/package.json": pkg({ "aws-cdk-lib": "^2.170.0", constructs: "^10.4.2" }, { type: "module" }),
      "infra/cdk.json": JSON.stringify({ app: "npx tsx bin/app.ts" }),
      "infra/lib/stacks/chat-stack.ts": `import { fileURLToPath } from "node:url";\nimport { Stack } from "aws-cdk-lib";\nimport { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";\n\nexport class ChatStack extends Stack {\n  constructor(scope: never, id: string) {\n    super(scope, id);\n    new NodejsFunction(this, "Chat", { entry: fileURLToPath(new URL("../../../services/chat/handler.ts", import.meta.url)), handler: "main" });\n  }\n}\n`,
      "services/chat/package.json": pkg(HH2),
      "services/chat/tracing.ts": TRACING_TS,
      "services/chat/handler.ts": LAMBDA_MAIN,
      "services/chat/other.ts": LAMBDA_MAIN,
    },
  },
];

const { migrate, runOf, out, input } = projectRuns(PROJECTS);
beforeAll(migrate, 300_000);
afterAll(() => removeProjects());

const TRY_FINALLY_FLUSH = /try \{\n[\s\S]*\} finally \{\n\s+await tracer\.forceFlush\(\);\n\s+\}/;

const EXPECTATIONS: readonly Expectation[] = [
  {
    name: "a Supabase Edge Function that loads edge-runtime.d.ts gets EdgeRuntime.waitUntil(tracer.forceFlush()) in the finally",
    check: () => {
      const text = out("supabase-edge-runtime-types", "supabase/functions/chat/index.ts");
      expect(text).toMatch(/\} finally \{\n\s+EdgeRuntime\.waitUntil\(tracer\.forceFlush\(\)\);/);
      expect(text).not.toContain("await tracer.forceFlush()");
    },
  },
  {
    name: "a Supabase Edge Function without the runtime's types gets the awaited flush (EdgeRuntime would have no type)",
    check: () => {
      const text = out("supabase-no-types", "supabase/functions/chat/index.ts");
      expect(text).toMatch(TRY_FINALLY_FLUSH);
      expect(text).not.toContain("EdgeRuntime");
    },
  },
  {
    name: "SvelteKit on Cloudflare (adapter-cloudflare): the awaited flush in finally, for a destructured and an `event` parameter",
    check: () => {
      for (const name of ["sveltekit-cloudflare-destructured", "sveltekit-cloudflare-event"]) {
        const text = out(name, "src/routes/api/chat/+server.ts");
        expect(text, name).toMatch(TRY_FINALLY_FLUSH);
        expect(text, name).not.toContain("waitUntil");
      }
    },
  },
  {
    name: "a SvelteKit route whose hooks' handle = sequence(logging, flushing) flushes after resolve is left alone",
    check: () => expect(out("sveltekit-sequence-flushes", "src/routes/api/chat/+server.ts")).toBe(input("sveltekit-sequence-flushes", "src/routes/api/chat/+server.ts")),
  },
  {
    name: "a Remix loader on Cloudflare (@remix-run/cloudflare, wrangler.toml) gets the awaited flush in finally",
    check: () => expect(out("remix-cloudflare", "app/routes/chat.tsx")).toMatch(TRY_FINALLY_FLUSH),
  },
  {
    // waitUntil of @vercel/functions only where the project installs that package (an import of one it does not install
    // breaks the build): the project as written declares no @vercel/functions, so the awaited flush; its twin declares it.
    name: "a React Router 7 route app/routes.ts names gets the flush on Vercel (awaited, or waitUntil with @vercel/functions installed); a module beside it is left alone",
    check: () => {
      const route = out("react-router-routes-ts", "app/features/chat/route.tsx");
      expect(route).toMatch(TRY_FINALLY_FLUSH);
      expect(route).not.toContain("@vercel/functions");
      expect(out("react-router-routes-ts", "app/features/chat/helpers.tsx")).toBe(RR_LOADER);
      const installed = out("react-router-routes-ts-with-functions-package", "app/features/chat/route.tsx");
      expect(installed).toMatch(/import \{ waitUntil \} from "@vercel\/functions";/);
      expect(installed).toMatch(/\} finally \{\n\s+waitUntil\(tracer\.forceFlush\(\)\);/);
    },
  },
  {
    name: "a CDK app in infra/ naming services/chat/handler.ts: its main gets the flush, services/chat/other.ts is left alone",
    check: () => {
      expect(out("cdk-infra-beside", "services/chat/handler.ts")).toMatch(TRY_FINALLY_FLUSH);
      expect(out("cdk-infra-beside", "services/chat/other.ts")).toBe(LAMBDA_MAIN);
    },
  },
];

describe("migrate on the platform knowledge of gaps-platforms-2", () => {
  describeSetExpectations(PROJECTS, runOf, EXPECTATIONS, []);
});
