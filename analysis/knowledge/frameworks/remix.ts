import type { FrameworkDescriptor } from "../types.js";
import { SCRIPT_EXTENSION } from "./common.js";

/**
 * Remix and React Router (framework mode) route modules: the server `action` and `loader` exports of
 * `app/routes/**` and `app/root.tsx` (`clientAction`/`clientLoader` run in the browser, not here).
 */
export const remix = {
  id: "remix",
  name: "Remix/React Router route",
  modules: ["@remix-run/node", "@remix-run/cloudflare", "@remix-run/server-runtime", "react-router", "@react-router/node"],
  files: [
    { path: new RegExp(String.raw`(?:^|/)app/routes/.+${SCRIPT_EXTENSION}`), exports: ["action", "loader"] },
    { path: new RegExp(String.raw`(?:^|/)app/root${SCRIPT_EXTENSION}`), exports: ["action", "loader"] },
  ],
  handlerTypes: [
    { package: ["@remix-run/node", "@remix-run/cloudflare", "@remix-run/server-runtime"], name: ["ActionFunctionArgs", "LoaderFunctionArgs", "ActionFunction", "LoaderFunction"] },
    { package: "react-router", name: ["ActionFunctionArgs", "LoaderFunctionArgs", "ActionFunction", "LoaderFunction"] },
  ],
} as const satisfies FrameworkDescriptor;
