import { join } from "node:path";
import { describe, expect, it } from "vitest";
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
