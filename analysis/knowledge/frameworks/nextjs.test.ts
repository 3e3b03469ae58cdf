import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getHandlerModel } from "../../handlers.js";
import { parseAnalysisInput } from "../../parse-input.js";
import { readSettings } from "../../settings.js";
import { handlersOf } from "../../test-utils/handlers-of.js";
import { useTempProjects } from "../../test-utils/temp-projects.js";

// Next.js reads `middleware.ts` (16: `proxy.ts`) only at the project root or in `src/` (nextjs.org/docs src-directory:
// "If you're using Middleware, ensure it is placed inside the src directory"); a module of that name deeper down that
// imports next/server is a helper, not a handler run before every request.
describe("Next.js middleware and proxy files", () => {
  const project = useTempProjects("nextjs-middleware", "all");
  const MIDDLEWARE = `import { NextResponse } from "next/server";\nexport function middleware(request) {\n  return NextResponse.next();\n}\n`;
  const PROXY = `import { NextResponse } from "next/server";\nexport function proxy(request) {\n  return NextResponse.next();\n}\n`;
  const root = project({ "package.json": `{ "name": "web", "private": true, "dependencies": { "next": "^16.0.0" } }\n`, "src/lib/auth/": "", "lib/auth/": "", "app/": "" });

  it.each(["middleware.ts", "src/middleware.ts", "middleware.js"])("%s is Next.js middleware", (path) => {
    expect(handlersOf(MIDDLEWARE, join(root, path))).toEqual(["nextjs: function middleware(request) {"]);
  });
  it.each(["proxy.ts", "src/proxy.mts"])("%s is Next.js 16 proxy", (path) => {
    expect(handlersOf(PROXY, join(root, path))).toEqual(["nextjs: function proxy(request) {"]);
  });
  it.each(["lib/auth/middleware.ts", "src/lib/auth/middleware.ts", "app/middleware.ts"])("%s is not", (path) => {
    expect(handlersOf(MIDDLEWARE, join(root, path))).toEqual([]);
  });
  it("lib/proxy.ts is not", () => expect(handlersOf(PROXY, join(root, "lib/proxy.ts"))).toEqual([]));
});

// An App Router page's server component (its default export) and `generateMetadata` run per request of a dynamic page:
// request handlers (a `sessionStart()` there races). On a serverless host they are entry points of the same function a
// route handler is (`serverlessPlatform`: flush as there); elsewhere not.
describe("Next.js App Router pages", () => {
  const project = useTempProjects("nextjs-pages", "all");
  const PAGE = `import { tracer } from "@/lib/tracing";\nexport async function generateMetadata({ params }) {\n  return { title: params.slug };\n}\nexport default async function Page({ params }) {\n  return params.slug;\n}\n`;
  const modelOf = (root: string, path: string) => getHandlerModel(parseAnalysisInput(PAGE, join(root, path), readSettings({})));
  const server = project({ "package.json": `{ "name": "web", "private": true, "dependencies": { "next": "^15.0.0" } }\n`, "app/blog/[slug]/": "", "lib/": "" });
  const vercel = project({ "package.json": `{ "name": "web", "private": true, "dependencies": { "next": "^15.0.0" } }\n`, "vercel.json": "{}\n", "app/blog/[slug]/": "" });

  it("the page component and generateMetadata are request handlers", () => {
    expect(handlersOf(PAGE, join(server, "app/blog/[slug]/page.tsx"))).toEqual(["nextjs: async function generateMetadata({ params }) {", "nextjs: async function Page({ params }) {"]);
    expect(modelOf(server, "app/blog/[slug]/page.tsx").lambdaHandlers).toEqual([]);
  });
  it("on a serverless host both are entry points that must flush, as route handlers are", () => {
    expect(modelOf(vercel, "app/blog/[slug]/page.tsx").lambdaHandlers.map((handler) => handler.exportName)).toEqual(["generateMetadata", "default"]);
  });
  it("a default export outside app/ is no page", () => {
    expect(handlersOf(PAGE, join(server, "lib/page.tsx"))).toEqual([]);
  });
});
